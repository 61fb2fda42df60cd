/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>

#include "lia-export.h"
#include "lia-meeting-plan.h"
#include "lia-text-list.h"

/* A meeting as Markdown (the article's agenda table: time | agenda |
 * owner, then minutes, decisions, action items and the evaluation) or as
 * an iCalendar event for any calendar program. */

static char *
member_name (GListModel *members,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);

      if (g_strcmp0 (lia_entity_get_id (member), id) == 0)
        return g_strdup (lia_entity_get_string (member, LIA_MEMBER_NAME));
    }
  return NULL;
}

static char *
join_owners (LiaEntity *item)
{
  const char * const *owners = lia_entity_get_strv (item, LIA_AGENDA_ITEM_OWNERS);

  return owners ? lia_text_list_join ((const char * const *) owners) : g_strdup ("");
}

static void
md_row (GString     *out,
        const char **cells,
        guint        n)
{
  g_string_append_c (out, '|');
  for (guint i = 0; i < n; i++)
    lia_markdown_cell (out, cells[i]);
  g_string_append_c (out, '\n');
}

static void
md_header (GString     *out,
           const char **cells,
           guint        n)
{
  md_row (out, cells, n);
  g_string_append_c (out, '|');
  for (guint i = 0; i < n; i++)
    g_string_append (out, "---|");
  g_string_append_c (out, '\n');
}

static char *
meeting_markdown (LiaMeeting    *meeting,
                  GListModel    *members,
                  LiaAgendaPlan *plan)
{
  LiaEntity *m = LIA_ENTITY (meeting);
  GString *out = g_string_new (NULL);
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (m, LIA_MEETING_AGENDA));
  GListModel *actions = G_LIST_MODEL (lia_entity_get_list (m, LIA_MEETING_ACTION_ITEMS));
  const char * const *attendees = lia_entity_get_strv (m, LIA_MEETING_ATTENDEES);
  const char * const *decisions = lia_entity_get_strv (m, LIA_MEETING_DECISIONS);
  LiaEntity *evaluation = lia_entity_get_child (m, LIA_MEETING_EVALUATION);
  const char *minutes = lia_entity_get_string (m, LIA_MEETING_MINUTES);
  g_autofree char *date = NULL;
  g_autofree char *end = NULL;

  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (plan->start);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, plan->zone);
    g_autoptr(GDateTime) utc_end = g_date_time_new_from_unix_utc (plan->end);
    g_autoptr(GDateTime) local_end = g_date_time_to_timezone (utc_end, plan->zone);
    date = g_date_time_format (local, "%Y-%m-%d %H:%M");
    end = g_date_time_format (local_end, "%H:%M");
  }

  g_string_append_printf (out, "# %s\n\n", lia_entity_get_string (m, LIA_MEETING_TITLE));
  g_string_append_printf (out, "- **%s**: %s–%s (%s)\n", _("Time"), date, end,
                          lia_entity_get_string (m, LIA_MEETING_TIMEZONE));
  if (lia_entity_get_string (m, LIA_MEETING_LOCATION)[0] != '\0')
    g_string_append_printf (out, "- **%s**: %s\n", C_("meeting", "Location"), lia_entity_get_string (m, LIA_MEETING_LOCATION));
  if (lia_entity_get_string (m, LIA_MEETING_GOAL)[0] != '\0')
    g_string_append_printf (out, "- **%s**: %s\n", _("Goal"), lia_entity_get_string (m, LIA_MEETING_GOAL));
  if (attendees != NULL && attendees[0] != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; attendees[i] != NULL; i++)
        {
          char *name = member_name (members, attendees[i]);
          g_ptr_array_add (names, name ? name : g_strdup (attendees[i]));
        }
      g_ptr_array_add (names, NULL);
      list = lia_text_list_join ((const char * const *) names->pdata);
      g_string_append_printf (out, "- **%s**: %s\n", _("Attendees"), list);
    }

  /* The article's agenda table. */
  {
    /* Translators: the columns of the article's agenda table (时间 | 议程 | 责任人) */
    const char *headers[] = { C_("agenda table", "Time"), C_("agenda table", "Agenda"), C_("agenda table", "Owner") };

    g_string_append_printf (out, "\n## %s\n\n", _("Agenda"));
    md_header (out, headers, 3);
    for (guint i = 0; i < plan->n_items; i++)
      {
        g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
        g_autofree char *time = g_strdup_printf ("%s-%s", plan->items[i].start_text, plan->items[i].end_text);
        g_autofree char *owners = join_owners (item);
        const char *cells[] = { time, lia_entity_get_string (item, LIA_AGENDA_ITEM_TITLE), owners };

        md_row (out, cells, 3);
      }
    if (lia_agenda_plan_overruns (plan))
      g_string_append_printf (out, "\n%s\n",
                              _("**The agenda runs past the planned end of the meeting.**"));
  }

  if (minutes[0] != '\0')
    /* Translators: a heading: the record of what was said at a meeting, not the unit */
    g_string_append_printf (out, "\n## %s\n\n%s\n", C_("meeting record", "Minutes"), minutes);

  if (decisions != NULL && decisions[0] != NULL)
    {
      g_string_append_printf (out, "\n## %s\n\n", _("Decisions"));
      for (guint i = 0; decisions[i] != NULL; i++)
        g_string_append_printf (out, "- %s\n", decisions[i]);
    }

  if (g_list_model_get_n_items (actions) > 0)
    {
      /* Translators: column headings of the action items: what is to be
       * done, who does it, the date it is due, its status */
      const char *headers[] = { C_("action item", "Action"), _("Owner"), C_("due date", "Due"), _("Status") };

      g_string_append_printf (out, "\n## %s\n\n", _("Action Items"));
      md_header (out, headers, 4);
      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(LiaEntity) action = g_list_model_get_item (actions, i);
          const char *cells[] = {
            lia_entity_get_string (action, LIA_ACTION_ITEM_TEXT),
            lia_entity_get_string (action, LIA_ACTION_ITEM_OWNER),
            lia_entity_get_string (action, LIA_ACTION_ITEM_DUE),
            lia_choice_get_label (lia_entity_get_string (action, LIA_ACTION_ITEM_STATUS)),
          };
          md_row (out, cells, 4);
        }
    }

  if (evaluation != NULL)
    {
      GListModel *ratings = G_LIST_MODEL (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS));
      const char *headers[] = { _("Dimension"), _("Score (1-5)"), _("Feedback") };
      guint rated;
      double average = lia_evaluation_average (LIA_EVALUATION (evaluation), &rated);

      g_string_append_printf (out, "\n## %s\n\n", _("Evaluation"));
      md_header (out, headers, 3);
      for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
        {
          g_autoptr(LiaEntity) rating = g_list_model_get_item (ratings, i);
          int score = lia_entity_get_int (rating, LIA_RATING_SCORE);
          g_autofree char *score_text = score > 0 ? g_strdup_printf ("%d", score) : g_strdup ("");
          const char *cells[] = { lia_entity_get_string (rating, LIA_RATING_NAME), score_text,
                                  lia_entity_get_string (rating, LIA_RATING_NOTE) };
          md_row (out, cells, 3);
        }
      if (rated > 0)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];
          g_ascii_formatd (number, sizeof number, "%.1f", average);
          g_string_append_c (out, '\n');
          /* Translators: the mean score, then how many dimensions were rated */
          g_string_append_printf (out, ngettext ("Average: %s (%u rated)", "Average: %s (%u rated)", rated), number, rated);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* DTSTAMP is the time of export, or SOURCE_DATE_EPOCH when set, so that
 * exports can be reproduced. */
static struct icaltimetype
stamp (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  time_t now = epoch ? (time_t) g_ascii_strtoll (epoch, NULL, 10) : (time_t) (g_get_real_time () / G_USEC_PER_SEC);

  return icaltime_from_timet_with_zone (now, 0, icaltimezone_get_utc_timezone ());
}

/* The wall-clock reading of T in the meeting's zone, as libical wants it
 * beside a TZID parameter. */
static icalproperty *
zoned_time (icalproperty *(*make) (struct icaltimetype),
            GTimeZone    *zone,
            const char   *tzid,
            gint64        t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  struct icaltimetype it = icaltime_null_time ();
  icalproperty *prop;
  gboolean is_utc = g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC");

  it.year = g_date_time_get_year (local);
  it.month = g_date_time_get_month (local);
  it.day = g_date_time_get_day_of_month (local);
  it.hour = g_date_time_get_hour (local);
  it.minute = g_date_time_get_minute (local);
  it.second = g_date_time_get_second (local);
  if (is_utc)
    it.zone = icaltimezone_get_utc_timezone ();

  prop = make (it);
  if (!is_utc)
    icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
  return prop;
}

/* The zone's rules as a VTIMEZONE, named by its plain IANA name. */
static icalcomponent *
vtimezone (const char *tzid)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);
  icalcomponent *component;
  icalproperty *prop;

  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    return NULL;
  component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  prop = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  if (prop != NULL)
    icalproperty_set_tzid (prop, tzid);
  /* Drop the non-standard location and alias lines libical adds. */
  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_X_PROPERTY); p != NULL;)
    {
      icalproperty *next = icalcomponent_get_next_property (component, ICAL_X_PROPERTY);
      icalcomponent_remove_property (component, p);
      icalproperty_free (p);
      p = next;
    }
  return component;
}

static char *
meeting_icalendar (LiaMeeting    *meeting,
                   GListModel    *members,
                   LiaAgendaPlan *plan)
{
  LiaEntity *m = LIA_ENTITY (meeting);
  const char *tzid = lia_entity_get_string (m, LIA_MEETING_TIMEZONE);
  const char * const *attendees = lia_entity_get_strv (m, LIA_MEETING_ATTENDEES);
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (m, LIA_MEETING_AGENDA));
  icalcomponent *calendar, *event, *zone_component;
  g_autofree char *uid = g_strdup_printf ("%s@liaison", lia_entity_get_id (m));
  g_autoptr(GString) description = g_string_new (lia_entity_get_string (m, LIA_MEETING_GOAL));
  gint64 end = MAX (plan->end, plan->planned_end);
  char *text;

  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Liaison//Liaison//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  zone_component = vtimezone (tzid);
  if (zone_component != NULL)
    icalcomponent_add_component (calendar, zone_component);

  event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp ()));
  icalcomponent_add_property (event, zoned_time (icalproperty_new_dtstart, plan->zone, tzid, plan->start));
  icalcomponent_add_property (event, zoned_time (icalproperty_new_dtend, plan->zone, tzid, end));
  icalcomponent_add_property (event, icalproperty_new_summary (lia_entity_get_string (m, LIA_MEETING_TITLE)));
  if (lia_entity_get_string (m, LIA_MEETING_LOCATION)[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (lia_entity_get_string (m, LIA_MEETING_LOCATION)));

  /* The agenda, one line per item, in the description. */
  if (plan->n_items > 0)
    {
      if (description->len > 0)
        g_string_append (description, "\n\n");
      g_string_append_printf (description, "%s:", _("Agenda"));
      for (guint i = 0; i < plan->n_items; i++)
        {
          g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
          g_autofree char *owners = join_owners (item);

          g_string_append_printf (description, "\n%s-%s %s", plan->items[i].start_text, plan->items[i].end_text,
                                  lia_entity_get_string (item, LIA_AGENDA_ITEM_TITLE));
          if (owners[0] != '\0')
            g_string_append_printf (description, " (%s)", owners);
        }
    }
  if (description->len > 0)
    icalcomponent_add_property (event, icalproperty_new_description (description->str));

  for (guint i = 0; attendees != NULL && attendees[i] != NULL; i++)
    {
      g_autofree char *name = member_name (members, attendees[i]);
      g_autofree char *address = g_strdup_printf ("urn:uuid:%s", attendees[i]);
      icalproperty *attendee = icalproperty_new_attendee (address);

      if (name != NULL)
        icalproperty_add_parameter (attendee, icalparameter_new_cn (name));
      icalproperty_add_parameter (attendee, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
      icalcomponent_add_property (event, attendee);
    }

  if (g_strcmp0 (lia_entity_get_string (m, LIA_MEETING_RECURRENCE), "weekly") == 0)
    {
      struct icalrecurrencetype rule;

      icalrecurrencetype_clear (&rule);
      rule.freq = ICAL_WEEKLY_RECURRENCE;
      icalcomponent_add_property (event, icalproperty_new_rrule (rule));
    }

  icalcomponent_add_component (calendar, event);
  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
  return text;
}

char *
lia_export_meeting (LiaMeeting      *meeting,
                    GListModel      *members,
                    LiaExportFormat  format,
                    GError         **error)
{
  g_autoptr(LiaAgendaPlan) plan = NULL;

  g_return_val_if_fail (LIA_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (format != LIA_EXPORT_CSV, NULL);

  plan = lia_agenda_plan_new (meeting, error);
  if (plan == NULL)
    return NULL;
  if (format == LIA_EXPORT_ICALENDAR)
    return meeting_icalendar (meeting, members, plan);
  return meeting_markdown (meeting, members, plan);
}
