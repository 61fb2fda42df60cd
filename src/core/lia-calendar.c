/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "lia-calendar.h"
#include "lia-tz.h"
#include "lia-tz-names.h"

#define DAY ((gint64) 86400)

struct _LiaCalendar
{
  icalcomponent *root;
};

/* What a busy time needs; everything else (titles, places, people) is
 * dropped before a calendar is stored in a workspace. */
static const icalproperty_kind kept_properties[] = {
  ICAL_UID_PROPERTY, ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY,
  ICAL_DURATION_PROPERTY, ICAL_RRULE_PROPERTY, ICAL_RDATE_PROPERTY,
  ICAL_EXDATE_PROPERTY, ICAL_RECURRENCEID_PROPERTY, ICAL_STATUS_PROPERTY,
  ICAL_TRANSP_PROPERTY,
};

static gboolean
looks_like_calendar (const char *ics)
{
  while (g_ascii_isspace (*ics))
    ics++;
  if (g_str_has_prefix (ics, "\xEF\xBB\xBF"))
    ics += 3;
  return g_ascii_strncasecmp (ics, "BEGIN:VCALENDAR", 15) == 0;
}

/* Whether libical may look @tzid up in the system's zone files: only for
 * a name from the system's list (bare, after a "/", or after libical's
 * own prefix).  Anything else, a path above all, would be opened as a
 * file by libical itself, and a FIFO there would hang us. */
static gboolean
is_known_tzid (const char *tzid)
{
  /* libical's default BUILTIN_TZID_PREFIX (icaltimezone_tzid_prefix()
   * is not exported by the libical of Debian 12). */
  const char *prefix = "/freeassociation.sourceforge.net/";

  if (g_str_has_prefix (tzid, prefix))
    {
      tzid += strlen (prefix);
      if (g_str_has_prefix (tzid, "Tzfile/"))
        tzid += strlen ("Tzfile/");
    }
  else if (tzid[0] == '/')
    tzid++;
  return lia_tz_is_known_zone (tzid);
}

/* A TZID that names neither a VTIMEZONE of the file nor a known zone is
 * dropped: the time is then read in the member's zone, as it always was
 * for zones nobody knows. */
static void
forget_unknown_zones (icalcomponent *root,
                      icalcomponent *comp)
{
  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    {
      icalparameter *param = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
      const char *tzid = param ? icalparameter_get_tzid (param) : NULL;

      if (tzid != NULL && icalcomponent_get_timezone (root, tzid) == NULL && !is_known_tzid (tzid))
        icalproperty_remove_parameter_by_kind (p, ICAL_TZID_PARAMETER);
    }
  for (icalcomponent *c = icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    if (icalcomponent_isa (c) != ICAL_VTIMEZONE_COMPONENT)
      forget_unknown_zones (root, c);
}

LiaCalendar *
lia_calendar_parse (const char  *ics,
                    GError     **error)
{
  LiaCalendar *self;
  icalcomponent *root;

  if (ics == NULL || !looks_like_calendar (ics))
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_CALENDAR,
                   _("Not an iCalendar file: it must begin with BEGIN:VCALENDAR"));
      return NULL;
    }
  if ((root = icalparser_parse_string (ics)) == NULL)
    {
      /* libical gives nothing for a calendar cut short. */
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_CALENDAR,
                   _("The iCalendar data is incomplete: a component is not closed (is END:VCALENDAR missing?)"));
      return NULL;
    }
  if (icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      icalcomponent_free (root);
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_CALENDAR,
                   _("Not an iCalendar file: it holds no VCALENDAR"));
      return NULL;
    }

  forget_unknown_zones (root, root);

  self = g_new0 (LiaCalendar, 1);
  self->root = root;
  return self;
}

void
lia_calendar_free (LiaCalendar *self)
{
  if (self == NULL)
    return;
  icalcomponent_free (self->root);
  g_free (self);
}

typedef struct
{
  GTimeZone   *member_zone;
  GTimeZone   *wall_zone;      /* for floating times or zones libical lacks */
  gboolean     resolved;       /* libical knows the instants itself */
  gboolean     all_day;
  gint64       days;           /* length of an all-day event */
  gint64       from;
  gint64       to;
  GHashTable  *overridden;     /* "UID\nstart" of instances replaced elsewhere */
  const char  *uid;
  GArray      *spans;
} Expansion;

static void
add_instance (icalcomponent         *comp,
              struct icaltime_span  *span,
              gpointer               data)
{
  Expansion *x = data;
  LiaSpan busy;

  if (x->all_day)
    {
      /* span->start is midnight of the day, read as if it were UTC. */
      gint64 day = span->start / DAY;
      busy.s = lia_local_to_utc (x->member_zone, day * DAY);
      busy.e = lia_local_to_utc (x->member_zone, (day + x->days) * DAY);
    }
  else if (x->resolved)
    {
      busy.s = span->start;
      busy.e = span->end;
    }
  else
    {
      busy.s = lia_local_to_utc (x->wall_zone, span->start);
      busy.e = lia_local_to_utc (x->wall_zone, span->end);
    }

  if (x->overridden != NULL && x->uid != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT, x->uid, busy.s);
      if (g_hash_table_contains (x->overridden, key))
        return;
    }

  if (busy.e > x->from && busy.s < x->to && busy.s < busy.e)
    g_array_append_val (x->spans, busy);
}

static const char *
tzid_of (icalcomponent *event)
{
  icalproperty *prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalparameter *param = prop ? icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER) : NULL;

  return param ? icalparameter_get_tzid (param) : NULL;
}

/* How to turn the event's local readings into instants. */
static void
setup_zones (Expansion     *x,
             icalcomponent *event,
             GTimeZone    **owned)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  const char *tzid = tzid_of (event);

  x->all_day = start.is_date;
  x->resolved = !start.is_date && (icaltime_is_utc (start) || start.zone != NULL);
  x->wall_zone = x->member_zone;
  *owned = NULL;

  if (!x->resolved && !x->all_day && tzid != NULL)
    {
      /* A TZID with no VTIMEZONE in the file: if it is an IANA name,
       * read it with the system's database. */
      const char *name = strrchr (tzid, '/') && g_str_has_prefix (tzid, "/") ? tzid + 1 : tzid;
      *owned = lia_tz_new_known (name);
      if (*owned != NULL)
        x->wall_zone = *owned;
    }

  x->days = 1;
  if (x->all_day)
    {
      struct icaltimetype end = icalcomponent_get_dtend (event);
      if (!icaltime_is_null_time (end) && end.is_date)
        x->days = MAX (1, icaltime_as_timet (end) / DAY - icaltime_as_timet (start) / DAY);
    }
}

/* RECURRENCE-ID names an instance of a series by its original start, in
 * UTC, in a zone of its own, or floating (the member's zone). */
static gint64
recurrence_id_instant (LiaCalendar  *self,
                       icalproperty *prop,
                       GTimeZone    *member_zone)
{
  struct icaltimetype rid = icalproperty_get_recurrenceid (prop);
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param ? icalparameter_get_tzid (param) : NULL;
  gint64 wall = icaltime_as_timet (rid);
  g_autoptr(GTimeZone) named = NULL;

  if (icaltime_is_utc (rid) || rid.is_date)
    return wall;
  if (tzid != NULL)
    {
      icaltimezone *zone = icalcomponent_get_timezone (self->root, tzid);
      if (zone == NULL)
        zone = icaltimezone_get_builtin_timezone_from_tzid (tzid);
      if (zone == NULL)
        zone = icaltimezone_get_builtin_timezone (tzid);
      if (zone != NULL)
        return icaltime_as_timet_with_zone (rid, zone);
      named = lia_tz_new_known (tzid);
    }
  return lia_local_to_utc (named ? named : member_zone, wall);
}

static gboolean
is_free (icalcomponent *event)
{
  icalproperty *transp = icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY);

  if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    return TRUE;
  return transp != NULL && icalproperty_get_transp (transp) == ICAL_TRANSP_TRANSPARENT;
}

/* Appends the busy spans of every event instance that meets [from, to). */
void
lia_calendar_expand (LiaCalendar *self,
                     GTimeZone   *zone,
                     gint64       from,
                     gint64       to,
                     GArray      *spans)
{
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  /* Floating and all-day times can be up to 14 hours either side of UTC. */
  struct icaltimetype query_start = icaltime_from_timet_with_zone ((time_t) (from - 2 * DAY), 0, utc);
  struct icaltimetype query_end = icaltime_from_timet_with_zone ((time_t) (to + 2 * DAY), 0, utc);
  g_autoptr(GHashTable) overridden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Expansion x = { .member_zone = zone, .from = from, .to = to, .spans = spans };

  /* Instances moved or cancelled by a RECURRENCE-ID event are left out of
   * their series. */
  for (icalcomponent *event = icalcomponent_get_first_component (self->root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (self->root, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
      const char *uid = icalcomponent_get_uid (event);

      if (prop != NULL && uid != NULL)
        g_hash_table_add (overridden, g_strdup_printf ("%s\n%" G_GINT64_FORMAT, uid,
                                                       recurrence_id_instant (self, prop, zone)));
    }
  x.from = from;
  x.to = to;
  x.spans = spans;
  x.overridden = overridden;

  for (icalcomponent *event = icalcomponent_get_first_component (self->root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (self->root, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      g_autoptr(GTimeZone) owned = NULL;

      if (icaltime_is_null_time (start) || !icaltime_is_valid_time (start) || is_free (event))
        continue;

      setup_zones (&x, event, &owned);
      /* An override stands for itself; only series skip overridden dates. */
      x.uid = icaltime_is_null_time (icalcomponent_get_recurrenceid (event)) ? icalcomponent_get_uid (event) : NULL;
      icalcomponent_foreach_recurrence (event, query_start, query_end, add_instance, &x);
    }
}

static gboolean
kept (icalproperty_kind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kept_properties); i++)
    if (kept_properties[i] == kind)
      return TRUE;
  return FALSE;
}

/* The calendar reduced to what busy times need, so a workspace shared with
 * a team does not carry the titles, places and guests of private events. */
char *
lia_calendar_strip (const char  *ics,
                    GError     **error)
{
  LiaCalendar *calendar = lia_calendar_parse (ics, error);
  icalcomponent *root;
  GSList *drop = NULL;
  char *result;

  if (calendar == NULL)
    return NULL;
  root = calendar->root;

  for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (root, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (c);
      GSList *props = NULL, *subs = NULL;

      if (kind == ICAL_VTIMEZONE_COMPONENT)
        continue;
      if (kind != ICAL_VEVENT_COMPONENT)
        {
          drop = g_slist_prepend (drop, c);
          continue;
        }

      for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_ANY_PROPERTY);
           p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_ANY_PROPERTY))
        if (!kept (icalproperty_isa (p)))
          props = g_slist_prepend (props, p);
      for (GSList *l = props; l != NULL; l = l->next)
        {
          icalcomponent_remove_property (c, l->data);
          icalproperty_free (l->data);
        }
      g_slist_free (props);

      for (icalcomponent *s = icalcomponent_get_first_component (c, ICAL_ANY_COMPONENT);
           s != NULL;
           s = icalcomponent_get_next_component (c, ICAL_ANY_COMPONENT))
        subs = g_slist_prepend (subs, s);
      for (GSList *l = subs; l != NULL; l = l->next)
        {
          icalcomponent_remove_component (c, l->data);
          icalcomponent_free (l->data);
        }
      g_slist_free (subs);
    }

  for (GSList *l = drop; l != NULL; l = l->next)
    {
      icalcomponent_remove_component (root, l->data);
      icalcomponent_free (l->data);
    }
  g_slist_free (drop);

  result = g_strdup (icalcomponent_as_ical_string (root));
  lia_calendar_free (calendar);
  return result;
}

/* A member's busy source is written in the workspace, so it must be an
 * address without anything secret that a reader could mistake for part
 * of it: no user or password (user@host), no white space.  The schema's
 * pattern (lia-schema.c) says the same. */
LiaCalendarSourceKind
lia_calendar_source_kind (const char *source)
{
  static const char * const schemes[] = { "https://", "http://", "webcal://", "webcals://", NULL };
  LiaCalendarSourceKind kind = LIA_CALENDAR_SOURCE_SUBSCRIPTION;
  const char *url = source;
  g_autoptr(GUri) uri = NULL;
  gboolean known = FALSE;

  if (source == NULL || source[0] == '\0')
    return LIA_CALENDAR_SOURCE_NONE;
  if (g_str_has_prefix (source, "caldav:"))
    {
      kind = LIA_CALENDAR_SOURCE_CALDAV;
      url = source + strlen ("caldav:");
    }
  for (guint i = 0; schemes[i] != NULL; i++)
    if (g_str_has_prefix (url, schemes[i]) &&
        (kind == LIA_CALENDAR_SOURCE_SUBSCRIPTION || i < 2))
      known = TRUE;
  if (!known)
    return LIA_CALENDAR_SOURCE_INVALID;
  for (const char *p = url; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x20)
      return LIA_CALENDAR_SOURCE_INVALID;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      g_uri_get_userinfo (uri) != NULL)
    return LIA_CALENDAR_SOURCE_INVALID;
  return kind;
}

char *
lia_calendar_source_to_url (const char *source)
{
  LiaCalendarSourceKind kind = lia_calendar_source_kind (source);

  if (kind == LIA_CALENDAR_SOURCE_CALDAV)
    return g_strdup (source + strlen ("caldav:"));
  if (kind != LIA_CALENDAR_SOURCE_SUBSCRIPTION)
    return NULL;
  /* webcal:// is a hint to open a calendar application; the file itself
   * is served over https. */
  if (g_str_has_prefix (source, "webcal://"))
    return g_strconcat ("https://", source + strlen ("webcal://"), NULL);
  if (g_str_has_prefix (source, "webcals://"))
    return g_strconcat ("https://", source + strlen ("webcals://"), NULL);
  return g_strdup (source);
}

static gboolean
is_plain_name (const char *segment)
{
  gsize n = strlen (segment);

  /* "basic.ics", "calendar.ics": a name, not a key.  Keys have digits. */
  if (n == 0 || n > 24 || !g_str_has_suffix (segment, ".ics"))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (g_ascii_isdigit (segment[i]))
      return FALSE;
  return TRUE;
}

/* A subscription's address is its password ("secret address in iCal
 * format"): Google keeps the key in the path, Proton and Nextcloud in the
 * path or the query.  The host says which calendar it is; everything else
 * but a plain file name is hidden.  A CalDAV calendar's path is not
 * secret (the server asks for a password), so it is shown whole. */
char *
lia_calendar_source_mask (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) out = NULL;
  const char *path;
  const char *last;
  gboolean caldav;

  g_return_val_if_fail (url != NULL, NULL);

  caldav = g_str_has_prefix (url, "caldav:");
  uri = g_uri_parse (caldav ? url + strlen ("caldav:") : url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup ("…");
  out = g_string_new (caldav ? "caldav:" : "");
  g_string_append_printf (out, "%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri));
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (out, ":%d", g_uri_get_port (uri));
  path = g_uri_get_path (uri);
  if (caldav)
    {
      g_string_append (out, path);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (path[0] == '\0' || g_str_equal (path, "/"))
    {
      g_string_append (out, "/");
      if (g_uri_get_query (uri) != NULL)
        g_string_append (out, "?…");
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  last = strrchr (path, '/');
  last = last ? last + 1 : path;
  if (is_plain_name (last))
    g_string_append_printf (out, "/…/%s", last);
  else
    g_string_append (out, "/…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One VCALENDAR from several: every VEVENT of each, and each VTIMEZONE
 * once (by TZID; CalDAV sends the zone with every event that uses it). */
char *
lia_calendar_merge (const char * const  *texts,
                    GError             **error)
{
  icalcomponent *root = icalcomponent_new_vcalendar ();
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;

  icalcomponent_add_property (root, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (root, icalproperty_new_prodid ("-//Liaison//Busy times//EN"));
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      LiaCalendar *calendar = lia_calendar_parse (texts[i], error);
      GSList *moved = NULL;

      if (calendar == NULL)
        {
          icalcomponent_free (root);
          return NULL;
        }
      for (icalcomponent *c = icalcomponent_get_first_component (calendar->root, ICAL_ANY_COMPONENT);
           c != NULL;
           c = icalcomponent_get_next_component (calendar->root, ICAL_ANY_COMPONENT))
        {
          icalcomponent_kind kind = icalcomponent_isa (c);

          if (kind == ICAL_VTIMEZONE_COMPONENT)
            {
              icalproperty *tzid = icalcomponent_get_first_property (c, ICAL_TZID_PROPERTY);
              const char *name = tzid ? icalproperty_get_tzid (tzid) : NULL;

              if (name == NULL || g_hash_table_contains (zones, name))
                continue;
              g_hash_table_add (zones, g_strdup (name));
              moved = g_slist_prepend (moved, c);
            }
          else if (kind == ICAL_VEVENT_COMPONENT)
            moved = g_slist_prepend (moved, c);
        }
      moved = g_slist_reverse (moved);
      for (GSList *l = moved; l != NULL; l = l->next)
        {
          icalcomponent_remove_component (calendar->root, l->data);
          icalcomponent_add_component (root, l->data);
        }
      g_slist_free (moved);
      lia_calendar_free (calendar);
    }
  text = g_strdup (icalcomponent_as_ical_string (root));
  icalcomponent_free (root);
  return lia_calendar_strip (text, error);
}

/* A CalDAV free-busy answer (RFC 4791, 7.10: a VFREEBUSY with FREEBUSY
 * periods) as events the engine reads: each busy period one event; FREE
 * periods are left out.  Tentative and unavailable periods are busy. */
char *
lia_calendar_from_freebusy (const char  *ics,
                            GError     **error)
{
  LiaCalendar *calendar = lia_calendar_parse (ics, error);
  icalcomponent *root;
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  guint n = 0;
  char *result;

  if (calendar == NULL)
    return NULL;
  root = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (root, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (root, icalproperty_new_prodid ("-//Liaison//Busy times//EN"));
  for (icalcomponent *fb = icalcomponent_get_first_component (calendar->root, ICAL_VFREEBUSY_COMPONENT);
       fb != NULL;
       fb = icalcomponent_get_next_component (calendar->root, ICAL_VFREEBUSY_COMPONENT))
    for (icalproperty *p = icalcomponent_get_first_property (fb, ICAL_FREEBUSY_PROPERTY);
         p != NULL;
         p = icalcomponent_get_next_property (fb, ICAL_FREEBUSY_PROPERTY))
      {
        icalparameter *type = icalproperty_get_first_parameter (p, ICAL_FBTYPE_PARAMETER);
        struct icalperiodtype period = icalproperty_get_freebusy (p);
        struct icaltimetype end;
        icalcomponent *event;
        g_autofree char *uid = NULL;

        if (type != NULL && icalparameter_get_fbtype (type) == ICAL_FBTYPE_FREE)
          continue;
        if (icaltime_is_null_time (period.start))
          continue;
        end = icaltime_is_null_time (period.end) ? icaltime_add (period.start, period.duration) : period.end;
        event = icalcomponent_new_vevent ();
        uid = g_strdup_printf ("busy-%u@liaison", n++);
        icalcomponent_add_property (event, icalproperty_new_uid (uid));
        icalcomponent_add_property (event, icalproperty_new_dtstart (icaltime_convert_to_zone (period.start, utc)));
        icalcomponent_add_property (event, icalproperty_new_dtend (icaltime_convert_to_zone (end, utc)));
        icalcomponent_add_component (root, event);
      }
  lia_calendar_free (calendar);
  result = g_strdup (icalcomponent_as_ical_string (root));
  icalcomponent_free (root);
  return result;
}
