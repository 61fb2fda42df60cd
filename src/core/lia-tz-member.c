/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One member as the time-zone engine sees them: zone, working hours and
 * days, busy times from their calendars. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lia-calendar.h"
#include "lia-tz-member.h"
#include "lia-tz-names.h"
#include "lia-tz-private.h"


static GTimeZone *
zone_from_name (const char  *name,
                const char  *label,
                GError     **error)
{
  GTimeZone *zone = NULL;

  /* A name from the system's zone list, never an offset like "+08:00"
   * (the engine could not know about daylight saving) nor a path. */
  zone = lia_tz_new_known (name);

  if (zone == NULL)
    g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_ZONE,
                 _("“%s” (for %s) is not a known IANA time zone like Europe/Berlin"), name, label);
  return zone;
}

LiaTzMember *
lia_tz_member_new (const char  *label,
                   const char  *zone,
                   GError     **error)
{
  LiaTzMember *self;
  GTimeZone *tz;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  tz = zone_from_name (zone, label, error);
  if (tz == NULL)
    return NULL;

  self = g_new0 (LiaTzMember, 1);
  self->label = g_strdup (label);
  self->zone = tz;
  self->work_start = 9 * 60;
  self->work_end = 18 * 60;
  self->days = WEEKDAYS;
  self->busy = g_array_new (FALSE, FALSE, sizeof (Span));
  self->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_calendar_free);
  self->busy_cache = g_array_new (FALSE, FALSE, sizeof (Span));
  return self;
}

void
lia_tz_member_free (LiaTzMember *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_time_zone_unref (self->zone);
  g_array_unref (self->busy);
  g_ptr_array_unref (self->calendars);
  g_array_unref (self->busy_cache);
  g_free (self);
}

LiaTzMember *
lia_tz_member_parse (const char  *spec,
                     GError     **error)
{
  g_autoptr(LiaTzMember) self = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *label = NULL;
  const char *equals = strchr (spec, '=');
  guint i = 1;

  if (equals == NULL || equals == spec || equals[1] == '\0')
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_MEMBER,
                   _("“%s” is not a member like “London=Europe/London,09:00-18:00,Mon-Fri”"), spec);
      return NULL;
    }

  label = g_strndup (spec, equals - spec);
  parts = g_strsplit (equals + 1, ",", -1);
  self = lia_tz_member_new (label, parts[0], error);
  if (self == NULL)
    return NULL;

  if (parts[i] != NULL && strchr (parts[i], ':') != NULL)
    {
      if (!lia_tz_member_set_hours (self, parts[i], error))
        return NULL;
      i++;
    }
  if (parts[i] != NULL)
    {
      /* The days may themselves be a comma-separated list. */
      g_autofree char *days = g_strjoinv (",", parts + i);
      if (!lia_tz_member_set_days (self, days, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

LiaTzMember *
lia_tz_member_new_from_entity (LiaMember  *member,
                               GError    **error)
{
  LiaEntity *entity = LIA_ENTITY (member);
  g_autoptr(LiaTzMember) self = NULL;
  const char *name = lia_entity_get_string (entity, LIA_MEMBER_NAME);
  const char *start = lia_entity_get_string (entity, LIA_MEMBER_WORK_START);
  const char *end = lia_entity_get_string (entity, LIA_MEMBER_WORK_END);
  const char * const *days = lia_entity_get_strv (entity, LIA_MEMBER_WORK_DAYS);
  const char *calendar = lia_entity_get_string (entity, LIA_MEMBER_BUSY_CALENDAR);
  g_autofree char *hours = NULL;

  self = lia_tz_member_new (name, lia_entity_get_string (entity, LIA_MEMBER_TIMEZONE), error);
  if (self == NULL)
    return NULL;

  hours = g_strdup_printf ("%s-%s", start, end);
  if (!lia_tz_member_set_hours (self, hours, error))
    return NULL;

  self->days = 0;
  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    {
      int d = lia_tz_parse_day (days[i]);
      if (d >= 0)
        self->days |= 1u << d;
    }

  /* A member whose busy times come from a live calendar gets them when
   * it has been read (src/sync/lia-calendar-source.c), not from the file. */
  if (lia_calendar_source_kind (lia_entity_get_string (entity, LIA_MEMBER_BUSY_SOURCE)) != LIA_CALENDAR_SOURCE_NONE)
    calendar = NULL;
  if (calendar != NULL && calendar[0] != '\0' &&
      !lia_tz_member_add_calendar (self, calendar, error))
    {
      if (error != NULL && *error != NULL)
        {
          /* Translators: %1$s is a team member, %2$s why their calendar
           * could not be read */
          char *message = g_strdup_printf (_("Busy times of %1$s: %2$s"), name, (*error)->message);

          g_free ((*error)->message);
          (*error)->message = message;
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
lia_tz_member_get_label (LiaTzMember *self)
{
  return self->label;
}

GTimeZone *
lia_tz_member_get_zone (LiaTzMember *self)
{
  return self->zone;
}

gboolean
lia_tz_member_set_hours (LiaTzMember  *self,
                         const char   *hours,
                         GError      **error)
{
  int s, e;

  if (!lia_parse_hours (hours, &s, &e, error))
    {
      g_prefix_error (error, "%s: ", self->label);
      return FALSE;
    }
  lia_tz_member_set_hours_minutes (self, s, e);
  return TRUE;
}

void
lia_tz_member_set_hours_minutes (LiaTzMember *self,
                                 int          start,
                                 int          end)
{
  g_return_if_fail (start >= 0 && start < 24 * 60);
  g_return_if_fail (end >= 0 && end <= 24 * 60 && end != start);

  self->work_start = start;
  self->work_end = end;
}

gboolean
lia_tz_member_set_days (LiaTzMember  *self,
                        const char   *days,
                        GError      **error)
{
  guint mask;

  if (!lia_parse_days (days, &mask, error))
    {
      g_prefix_error (error, "%s: ", self->label);
      return FALSE;
    }
  self->days = mask;
  return TRUE;
}

void
lia_tz_member_set_day_mask (LiaTzMember *self,
                            guint        mask)
{
  self->days = mask & ALL_DAYS;
}

static void
invalidate_busy (LiaTzMember *self)
{
  g_array_set_size (self->busy_cache, 0);
  self->cache_from = self->cache_to = 0;
}

void
lia_tz_member_add_busy (LiaTzMember *self,
                        gint64       start,
                        gint64       end)
{
  Span span = { start, end };

  if (end <= start)
    return;
  g_array_append_val (self->busy, span);
  invalidate_busy (self);
}

gboolean
lia_tz_member_add_calendar (LiaTzMember  *self,
                            const char   *ics,
                            GError      **error)
{
  LiaCalendar *calendar = lia_calendar_parse (ics, error);

  if (calendar == NULL)
    return FALSE;
  g_ptr_array_add (self->calendars, calendar);
  invalidate_busy (self);
  return TRUE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;
  return x->s < y->s ? -1 : x->s > y->s ? 1 : (x->e < y->e ? -1 : x->e > y->e);
}

/* Sorts and merges overlapping or touching spans in place. */
static void
normalize_spans (GArray *spans)
{
  guint out = 0;

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *s = &g_array_index (spans, Span, i);

      if (out > 0 && g_array_index (spans, Span, out - 1).e >= s->s)
        {
          Span *last = &g_array_index (spans, Span, out - 1);
          last->e = MAX (last->e, s->e);
        }
      else
        g_array_index (spans, Span, out++) = *s;
    }
  g_array_set_size (spans, out);
}

/* Busy spans covering at least [from, to), sorted and merged. */
static GArray *
busy_spans (LiaTzMember *self,
            gint64       from,
            gint64       to)
{
  if (self->cache_from <= from && to <= self->cache_to && self->cache_to > self->cache_from)
    return self->busy_cache;

  g_array_set_size (self->busy_cache, 0);
  g_array_append_vals (self->busy_cache, self->busy->data, self->busy->len);
  for (guint i = 0; i < self->calendars->len; i++)
    lia_calendar_expand (g_ptr_array_index (self->calendars, i), self->zone, from, to, self->busy_cache);
  normalize_spans (self->busy_cache);
  self->cache_from = from;
  self->cache_to = to;
  return self->busy_cache;
}

static gboolean
spans_contain (GArray *spans,
               gint64  t)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const Span *s = &g_array_index (spans, Span, mid);

      if (t < s->s)
        hi = mid;
      else if (t >= s->e)
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

gboolean
lia_tz_member_works_on (LiaTzMember *self,
                        gint64       day)
{
  return (self->days & (1u << lia_tz_weekday_of_day (day))) != 0;
}

LiaTzState
lia_tz_member_state_at (LiaTzMember *self,
                        gint64       instant)
{
  gint64 local = lia_tz_utc_to_local (self->zone, instant);
  gint64 day = lia_tz_floor_div (local, DAY);
  int minute = (int) ((local - day * DAY) / 60);
  gboolean inside;

  if (self->work_start < self->work_end)
    inside = lia_tz_member_works_on (self, day) && minute >= self->work_start && minute < self->work_end;
  else
    inside = (lia_tz_member_works_on (self, day) && minute >= self->work_start) ||
             (lia_tz_member_works_on (self, day - 1) && minute < self->work_end);

  if (inside)
    {
      /* Expand a few days around the instant at a time, for heatmaps. */
      if (!(self->cache_from <= instant && instant < self->cache_to))
        busy_spans (self, instant - 2 * DAY, instant + 8 * DAY);
      return spans_contain (self->busy_cache, instant) ? LIA_TZ_STATE_BUSY : LIA_TZ_STATE_WORKING;
    }
  if (minute >= NIGHT_START || minute < NIGHT_END)
    return LIA_TZ_STATE_NIGHT;
  return LIA_TZ_STATE_OFF;
}

int
lia_tz_member_offset_at (LiaTzMember *self,
                         gint64       instant)
{
  return (int) (lia_tz_utc_to_local (self->zone, instant) - instant);
}

char *
lia_tz_member_format (LiaTzMember *self,
                      gint64       instant,
                      const char  *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);

  return g_date_time_format (local, format);
}

/* Daily windows [start, end) in local time, turned into UTC spans that
 * meet [from, to). With DAYS_ONLY, only on the member's working days. */
void
lia_tz_member_daily_spans (LiaTzMember *self,
                           int          start,
                           int          end,
                           gboolean     days_only,
                           gint64       from,
                           gint64       to,
                           GArray      *out)
{
  gint64 first = lia_tz_floor_div (lia_tz_utc_to_local (self->zone, from), DAY) - 1;
  gint64 last = lia_tz_floor_div (lia_tz_utc_to_local (self->zone, to), DAY) + 1;

  for (gint64 day = first; day <= last; day++)
    {
      Span span;

      if (days_only && !lia_tz_member_works_on (self, day))
        continue;
      span.s = lia_local_to_utc (self->zone, day * DAY + start * 60);
      span.e = lia_local_to_utc (self->zone, (end > start ? day : day + 1) * DAY + end * 60);
      span.s = MAX (span.s, from);
      span.e = MIN (span.e, to);
      if (span.s >= span.e)
        continue;
      if (out->len > 0 && g_array_index (out, Span, out->len - 1).e >= span.s)
        g_array_index (out, Span, out->len - 1).e = MAX (span.e, g_array_index (out, Span, out->len - 1).e);
      else
        g_array_append_val (out, span);
    }
}

/* A minus B; both sorted and disjoint. */
static GArray *
subtract_spans (GArray *a,
                GArray *b)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Span), a->len);
  guint j = 0;

  for (guint i = 0; i < a->len; i++)
    {
      Span cur = g_array_index (a, Span, i);

      while (j < b->len && g_array_index (b, Span, j).e <= cur.s)
        j++;
      for (guint k = j; k < b->len && cur.s < cur.e; k++)
        {
          const Span *cut = &g_array_index (b, Span, k);

          if (cut->s >= cur.e)
            break;
          if (cut->s > cur.s)
            {
              Span piece = { cur.s, cut->s };
              g_array_append_val (out, piece);
            }
          cur.s = MAX (cur.s, cut->e);
        }
      if (cur.s < cur.e)
        g_array_append_val (out, cur);
    }
  return out;
}

/* Working spans minus busy spans, within [from, to). */
GArray *
lia_tz_member_work_spans (LiaTzMember *self,
                          gint64       from,
                          gint64       to)
{
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *busy;

  lia_tz_member_daily_spans (self, self->work_start, self->work_end, TRUE, from, to, work);
  busy = busy_spans (self, from, to);
  if (busy->len == 0)
    return g_steal_pointer (&work);
  return subtract_spans (work, busy);
}
