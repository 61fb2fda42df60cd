/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agenda times, over-runs, attendees' local times, evaluation averages,
 * and the Markdown and iCalendar exports of a meeting. */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "lia-export.h"
#include "lia-meeting-plan.h"
#include "lia-meeting-templates.h"
#include "lia-tz-names.h"
#include "lia-workspace.h"

static LiaWorkspace *
sample (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("sample.%s.liaison", language);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaWorkspace *workspace = lia_workspace_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return workspace;
}

static LiaMeeting *
first_meeting (LiaWorkspace *workspace)
{
  return g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (workspace)), 0);
}

static LiaMeeting *
meeting_with (const char *start,
              const char *zone,
              const int  *durations,
              guint       n)
{
  LiaMeeting *meeting = lia_meeting_new ();

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, "Test");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, zone);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAgendaItem) item = lia_agenda_item_new ();
      g_autofree char *title = g_strdup_printf ("Item %u", i + 1);

      lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_TITLE, title);
      lia_entity_set_int (LIA_ENTITY (item), LIA_AGENDA_ITEM_DURATION, durations[i]);
      g_list_store_append (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA), item);
    }
  return meeting;
}

static char *
times_of (LiaAgendaPlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < plan->n_items; i++)
    g_string_append_printf (out, "%s-%s\n", plan->items[i].start_text, plan->items[i].end_text);
  return g_string_free (out, FALSE);
}

static void
test_seed_times (void)
{
  g_autoptr(LiaWorkspace) workspace = sample ("zh_CN");
  g_autoptr(LiaMeeting) meeting = first_meeting (workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAgendaPlan) plan = lia_agenda_plan_new (meeting, &error);
  g_autofree char *times = NULL;

  g_assert_no_error (error);
  times = times_of (plan);
  /* The article's table, to the minute. */
  g_assert_cmpstr (times, ==,
                   "09:00-09:10\n09:10-09:30\n09:30-10:00\n10:00-10:15\n"
                   "10:15-10:45\n10:45-11:00\n11:00-11:10\n");
  g_assert_cmpuint (plan->total, ==, 130);
  g_assert_false (lia_agenda_plan_overruns (plan));

  /* Planned for two hours, the same agenda runs ten minutes over. */
  lia_entity_set_int (LIA_ENTITY (meeting), LIA_MEETING_DURATION, 120);
  g_clear_pointer (&plan, lia_agenda_plan_free);
  plan = lia_agenda_plan_new (meeting, &error);
  g_assert_true (lia_agenda_plan_overruns (plan));
  g_assert_cmpint (plan->end - plan->planned_end, ==, 600);
}

static void
test_midnight_and_dst (void)
{
  static const int durations[] = { 20, 30, 60, 30 };
  g_autoptr(LiaMeeting) late = meeting_with ("2026-01-14T23:30", "Europe/London", durations, 2);
  g_autoptr(LiaMeeting) spring = meeting_with ("2026-03-29T01:30", "Europe/Berlin", durations + 2, 2);
  g_autoptr(LiaMeeting) autumn = meeting_with ("2026-10-25T02:30", "Europe/Berlin", durations + 2, 2);
  g_autoptr(LiaAgendaPlan) a = lia_agenda_plan_new (late, NULL);
  g_autoptr(LiaAgendaPlan) b = lia_agenda_plan_new (spring, NULL);
  g_autoptr(LiaAgendaPlan) c = lia_agenda_plan_new (autumn, NULL);
  g_autofree char *ta = times_of (a), *tb = times_of (b), *tc = times_of (c);

  g_assert_cmpstr (ta, ==, "23:30-23:50\n23:50-00:20\n");
  g_assert_cmpint (a->end - a->start, ==, 50 * 60);

  /* Clocks go from 02:00 to 03:00: an hour-long item from 01:30 ends at
   * 03:30 on the wall, and the meeting still lasts 90 minutes. */
  g_assert_cmpstr (tb, ==, "01:30-03:30\n03:30-04:00\n");
  g_assert_cmpint (b->end - b->start, ==, 90 * 60);

  /* Clocks go from 03:00 back to 02:00; 02:30 is read as the first one. */
  g_assert_cmpstr (tc, ==, "02:30-02:30\n02:30-03:00\n");
  g_assert_cmpint (c->end - c->start, ==, 90 * 60);
}

static void
test_attendee_times (void)
{
  g_autoptr(LiaWorkspace) workspace = sample ("en");
  g_autoptr(LiaMeeting) meeting = first_meeting (workspace);
  g_autoptr(LiaAgendaPlan) plan = lia_agenda_plan_new (meeting, NULL);
  g_autoptr(GPtrArray) times = lia_meeting_attendee_times (meeting, G_LIST_MODEL (lia_workspace_get_members (workspace)), plan);
  GString *text = g_string_new (NULL);
  g_autofree char *got = NULL;

  /* Tuesday 20 January 2026, 09:00-11:10 in Beijing. */
  for (guint i = 0; i < times->len; i++)
    {
      LiaAttendeeTime *t = g_ptr_array_index (times, i);
      g_string_append_printf (text, "%s: %s-%s %s%s\n", lia_entity_get_string (LIA_ENTITY (t->member), LIA_MEMBER_CITY),
                              t->start_text, t->end_text, t->zone_text, t->outside ? " outside" : "");
    }
  got = g_string_free (text, FALSE);
  g_assert_cmpstr (got, ==,
                   "San Francisco: Mon 17:00-19:10 UTC-8 PST outside\n"
                   "New York: Mon 20:00-22:10 UTC-5 EST outside\n"
                   "London: Tue 01:00-03:10 UTC+0 GMT outside\n"
                   "Berlin: Tue 02:00-04:10 UTC+1 CET outside\n"
                   "Mumbai: Tue 06:30-08:40 UTC+5:30 IST outside\n"
                   "Beijing: Tue 09:00-11:10 UTC+8 CST\n"
                   "Tokyo: Tue 10:00-12:10 UTC+9 JST\n"
                   "Sydney: Tue 12:00-14:10 UTC+11 AEDT\n");
}

static void
set_scores (LiaMeeting *meeting,
            const int  *scores,
            guint       n)
{
  LiaEntity *evaluation = lia_entity_get_child (LIA_ENTITY (meeting), LIA_MEETING_EVALUATION);
  GListModel *ratings = G_LIST_MODEL (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) rating = g_list_model_get_item (ratings, i);
      lia_entity_set_int (rating, LIA_RATING_SCORE, scores[i]);
    }
}

static void
test_evaluation_average (void)
{
  static const int scores[] = { 5, 4, 3, 0, 4, 5, 2, 0 };
  g_autoptr(LiaWorkspace) workspace = sample ("en");
  g_autoptr(LiaMeeting) meeting = first_meeting (workspace);
  LiaEvaluation *evaluation = LIA_EVALUATION (lia_entity_get_child (LIA_ENTITY (meeting), LIA_MEETING_EVALUATION));
  guint rated = 99;

  g_assert_cmpfloat (lia_evaluation_average (evaluation, &rated), ==, 0.0);
  g_assert_cmpuint (rated, ==, 0);
  set_scores (meeting, scores, G_N_ELEMENTS (scores));
  /* Unrated dimensions (0) do not pull the mean down: 23 / 6. */
  g_assert_cmpfloat_with_epsilon (lia_evaluation_average (evaluation, &rated), 23.0 / 6.0, 1e-9);
  g_assert_cmpuint (rated, ==, 6);
  g_assert_cmpfloat (lia_evaluation_average (NULL, &rated), ==, 0.0);
}

/* The sample meeting after it took place: minutes, decisions, action
 * items and scores. */
static LiaMeeting *
held_meeting (LiaWorkspace *workspace)
{
  static const int scores[] = { 4, 5, 4, 4, 5, 3, 4, 0 };
  static const char * const decisions[] = { "Keep the OpenAI-compatible request shape", "Default max_tokens is 1024", NULL };
  LiaMeeting *meeting = first_meeting (workspace);
  g_autoptr(LiaActionItem) action = lia_action_item_new ();

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_MINUTES, "Streaming | batching were discussed.\nSee the contract.");
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS, decisions);
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_TEXT, "Write the OpenAPI document");
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_OWNER, "Inference Engineer A");
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_DUE, "2026-01-27");
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_ACTION_ITEMS), action);
  set_scores (meeting, scores, G_N_ELEMENTS (scores));
  return meeting;
}

static void
check_golden (const char *text,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "tests", "data", "meetings", name, NULL);
  g_autofree char *expected = NULL;

  if (g_getenv ("LIAISON_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_get_contents (path, &expected, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_markdown (void)
{
  g_autoptr(LiaWorkspace) workspace = sample ("en");
  g_autoptr(LiaMeeting) meeting = held_meeting (workspace);
  g_autofree char *text = lia_export_meeting (meeting, G_LIST_MODEL (lia_workspace_get_members (workspace)),
                                              LIA_EXPORT_MARKDOWN, NULL);

  g_assert_nonnull (strstr (text, "| 10:15-10:45 | Performance and security requirements | Performance engineer, Security engineer |"));
  g_assert_nonnull (strstr (text, "## Minutes\n\nStreaming | batching were discussed.\nSee the contract.\n"));
  check_golden (text, "api-design.en.md");
}

/* The VEVENT part: the VTIMEZONE comes from the system's tz database and
 * may change with it. */
static char *
without_vtimezone (const char *ics)
{
  const char *a = strstr (ics, "BEGIN:VTIMEZONE");
  const char *b = strstr (ics, "END:VTIMEZONE\r\n");

  g_autofree char *head = NULL;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  head = g_strndup (ics, a - ics);
  return g_strconcat (head, b + strlen ("END:VTIMEZONE\r\n"), NULL);
}

static void
test_icalendar_golden (void)
{
  g_autoptr(LiaWorkspace) workspace = sample ("zh_CN");
  g_autoptr(LiaMeeting) meeting = first_meeting (workspace);
  g_autofree char *text = NULL;
  g_autofree char *event = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "1768000000", TRUE);
  text = lia_export_meeting (meeting, G_LIST_MODEL (lia_workspace_get_members (workspace)), LIA_EXPORT_ICALENDAR, NULL);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"));
  event = without_vtimezone (text);
  check_golden (event, "api-design.zh_CN.ics");
}

static void
test_icalendar_round_trip (void)
{
  static const int durations[] = { 25, 35 };
  static const char *title = "Design, review; part 1\nsecond line 🚀 设计评审 \\ done";
  g_autoptr(LiaWorkspace) workspace = sample ("en");
  g_autoptr(LiaMeeting) meeting = meeting_with ("2026-07-01T16:05", "Europe/Berlin", durations, 2);
  GListModel *members = G_LIST_MODEL (lia_workspace_get_members (workspace));
  g_autoptr(LiaMember) first = g_list_model_get_item (members, 0);
  g_autoptr(LiaMember) last = g_list_model_get_item (members, 7);
  const char *attendees[] = { lia_entity_get_id (LIA_ENTITY (first)), lia_entity_get_id (LIA_ENTITY (last)), NULL };
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  g_auto(GStrv) lines = NULL;
  icalcomponent *calendar, *event, *zone;
  icalproperty *prop;
  struct icaltimetype start, end;
  guint n_attendees = 0;

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, title);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_LOCATION, "Room 4, Level 2; Berlin");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_GOAL, "Agree on: streaming, batching; limits.\nThen lunch 🍜");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_RECURRENCE, "weekly");
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES, attendees);

  text = lia_export_meeting (meeting, members, LIA_EXPORT_ICALENDAR, NULL);

  /* Lines are folded to 75 octets and end in CRLF. */
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
    }

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (zone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY)), ==, "Europe/Berlin");

  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, title);
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Room 4, Level 2; Berlin");
  g_assert_cmpstr (icalcomponent_get_description (event), ==,
                   "Agree on: streaming, batching; limits.\nThen lunch 🍜\n\nAgenda:\n16:05-16:30 Item 1\n16:30-17:05 Item 2");
  uid = g_strconcat (lia_entity_get_id (LIA_ENTITY (meeting)), "@liaison", NULL);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);

  prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  start = icalproperty_get_dtstart (prop);
  g_assert_cmpstr (icalparameter_get_tzid (icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER)), ==, "Europe/Berlin");
  g_assert_cmpint (start.year, ==, 2026);
  g_assert_cmpint (start.month, ==, 7);
  g_assert_cmpint (start.day, ==, 1);
  g_assert_cmpint (start.hour, ==, 16);
  g_assert_cmpint (start.minute, ==, 5);
  /* The planned hour and the agenda's 60 minutes end together. */
  end = icalcomponent_get_dtend (event);
  g_assert_cmpint (end.hour, ==, 17);
  g_assert_cmpint (end.minute, ==, 5);
  /* In UTC (CEST is +2) the event starts at 14:05. */
  start = icalcomponent_get_dtstart (event);
  g_assert_nonnull (start.zone);   /* resolved through the file's own VTIMEZONE */
  g_assert_cmpint (icaltime_as_timet_with_zone (start, start.zone), ==, 1782914700);

  for (prop = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      const char *cn = icalparameter_get_cn (icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER));
      g_assert_true (g_str_has_prefix (icalproperty_get_attendee (prop), "urn:uuid:"));
      g_assert_cmpstr (cn, ==, n_attendees == 0 ? "Product Manager" : "Technical Writer");
      n_attendees++;
    }
  g_assert_cmpuint (n_attendees, ==, 2);

  prop = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  g_assert_nonnull (prop);
  g_assert_cmpint (icalproperty_get_rrule (prop).freq, ==, ICAL_WEEKLY_RECURRENCE);

  icalcomponent_free (calendar);
}

static void
test_bad_meeting (void)
{
  static const int durations[] = { 10 };
  g_autoptr(LiaMeeting) meeting = meeting_with ("2026-01-14T09:00", "Europe/Berlin", durations, 1);
  g_autoptr(GError) error = NULL;
  char *text;

  /* Entities made in code are not checked like files; the export is. */
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "Mars/Base");
  text = lia_export_meeting (meeting, NULL, LIA_EXPORT_MARKDOWN, &error);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "Mars/Base"));
  g_clear_error (&error);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "Europe/Berlin");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, "tomorrow");
  text = lia_export_meeting (meeting, NULL, LIA_EXPORT_ICALENDAR, &error);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "tomorrow"));
}

static void
test_templates (void)
{
  g_autoptr(GPtrArray) templates = lia_meeting_templates_builtin ();
  g_autoptr(LiaMeeting) api = NULL;
  g_autoptr(LiaAgendaPlan) plan = NULL;
  g_autofree char *times = NULL;
  LiaEntity *evaluation;

  g_assert_cmpuint (templates->len, ==, 2);
  g_assert_cmpstr (lia_entity_get_string (g_ptr_array_index (templates, 0), LIA_MEETING_TITLE), ==, "API design meeting");

  /* The article's agenda at any date and zone. */
  api = lia_meeting_new_from_template (g_ptr_array_index (templates, 0), "2026-03-02T09:00", "America/New_York");
  g_assert_cmpstr (lia_entity_get_id (LIA_ENTITY (api)), !=, lia_entity_get_id (g_ptr_array_index (templates, 0)));
  plan = lia_agenda_plan_new (api, NULL);
  times = times_of (plan);
  g_assert_cmpstr (times, ==,
                   "09:00-09:10\n09:10-09:30\n09:30-10:00\n10:00-10:15\n"
                   "10:15-10:45\n10:45-11:00\n11:00-11:10\n");
  g_assert_cmpint (lia_entity_get_int (LIA_ENTITY (api), LIA_MEETING_DURATION), ==, 130);
  g_assert_false (lia_agenda_plan_overruns (plan));
  evaluation = lia_entity_get_child (LIA_ENTITY (api), LIA_MEETING_EVALUATION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS))), ==, 8);

  g_assert_cmpstr (lia_entity_get_string (g_ptr_array_index (templates, 1), LIA_MEETING_RECURRENCE), ==, "weekly");
  g_assert_cmpint (lia_entity_get_int (g_ptr_array_index (templates, 1), LIA_MEETING_DURATION), ==, 35);
}

static void
test_user_templates (void)
{
  g_autoptr(LiaWorkspace) workspace = sample ("en");
  g_autoptr(LiaMeeting) meeting = held_meeting (workspace);
  g_autofree char *dir = g_dir_make_tmp ("liaison-templates-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "templates.liaison", NULL);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  LiaEntity *template_;

  none = lia_meeting_templates_load_user (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (lia_meeting_templates_save_user (path, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (lia_meeting_templates_save_user (path, meeting, &error));
  saved = lia_meeting_templates_load_user (path, &error);
  g_assert_no_error (error);
  /* Saved twice under one title: one template, without what happened. */
  g_assert_cmpuint (saved->len, ==, 1);
  template_ = g_ptr_array_index (saved, 0);
  g_assert_cmpstr (lia_entity_get_string (template_, LIA_MEETING_TITLE), ==, "API design meeting");
  g_assert_cmpstr (lia_entity_get_string (template_, LIA_MEETING_MINUTES), ==, "");
  g_assert_true (lia_entity_get_strv (template_, LIA_MEETING_DECISIONS) == NULL ||
                 lia_entity_get_strv (template_, LIA_MEETING_DECISIONS)[0] == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (template_, LIA_MEETING_ACTION_ITEMS))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (template_, LIA_MEETING_AGENDA))), ==, 7);
  g_assert_cmpfloat (lia_evaluation_average (LIA_EVALUATION (lia_entity_get_child (template_, LIA_MEETING_EVALUATION)), NULL), ==, 0.0);

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_autofree char *sub = g_path_get_dirname (path);
    g_unlink (path);
    g_unlink (backup);
    g_rmdir (sub);
    g_rmdir (dir);
  }
}

static void
test_run (void)
{
  static const int durations[] = { 10, 20, 30 };
  g_autoptr(LiaMeeting) meeting = meeting_with ("2026-01-14T09:00", "UTC", durations, 3);
  g_autoptr(LiaMeetingRun) run = lia_meeting_run_new (meeting, 1000);

  g_assert_cmpint (lia_meeting_run_remaining (run, 1300), ==, 300);
  g_assert_cmpint (lia_meeting_run_drift (run, 1300), ==, 0);
  /* The first item takes 12 minutes: two behind. */
  g_assert_true (lia_meeting_run_advance (run, 1720));
  g_assert_cmpint (run->actual[0], ==, 12);
  g_assert_cmpint (lia_meeting_run_drift (run, 1720), ==, 120);
  /* The second runs 80 seconds over its 20 minutes. */
  g_assert_cmpint (lia_meeting_run_remaining (run, 1720 + 1280), ==, -80);
  g_assert_cmpint (lia_meeting_run_drift (run, 1720 + 1280), ==, 200);
  g_assert_true (lia_meeting_run_advance (run, 3000));
  g_assert_cmpint (run->actual[1], ==, 21);
  /* The last is quick: 25 minutes of 30. */
  g_assert_false (lia_meeting_run_advance (run, 3000 + 1500));
  g_assert_cmpint (run->actual[2], ==, 25);
  g_assert_cmpint (lia_meeting_run_drift (run, 4500), ==, 3500 - 3600);
  g_assert_false (lia_meeting_run_advance (run, 5000));
}

/* The start instant follows every change of the start or the zone (it
 * is kept with the texts it came from), and a zone is read once. */
static void
test_start_instant_follows_edits (void)
{
  g_autoptr(LiaMeeting) meeting = lia_meeting_new ();
  g_autoptr(GTimeZone) a = lia_tz_new_known ("Europe/Berlin");
  g_autoptr(GTimeZone) b = lia_tz_new_known ("Europe/Berlin");
  gint64 t;

  g_assert_nonnull (a);
  g_assert_true (a == b);
  g_assert_null (lia_tz_new_known ("Mars/Olympus_Mons"));

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, "Sync");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, "2026-01-20T09:00");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "Asia/Shanghai");
  g_assert_true (lia_meeting_get_start_instant (meeting, &t, NULL));
  g_assert_cmpint (t, ==, 1768870800);            /* 2026-01-20 01:00 UTC */
  g_assert_true (lia_meeting_get_start_instant (meeting, &t, NULL));
  g_assert_cmpint (t, ==, 1768870800);

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, "2026-01-20T10:30");
  g_assert_true (lia_meeting_get_start_instant (meeting, &t, NULL));
  g_assert_cmpint (t, ==, 1768870800 + 90 * 60);

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "Europe/Berlin");
  g_assert_true (lia_meeting_get_start_instant (meeting, &t, NULL));
  g_assert_cmpint (t, ==, 1768901400);            /* 09:30 UTC */

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, "2026-13-01T10:30");
  g_assert_false (lia_meeting_get_start_instant (meeting, &t, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting/seed-times", test_seed_times);
  g_test_add_func ("/meeting/midnight-and-dst", test_midnight_and_dst);
  g_test_add_func ("/meeting/attendee-times", test_attendee_times);
  g_test_add_func ("/meeting/evaluation-average", test_evaluation_average);
  g_test_add_func ("/meeting/markdown", test_markdown);
  g_test_add_func ("/meeting/icalendar-golden", test_icalendar_golden);
  g_test_add_func ("/meeting/icalendar-round-trip", test_icalendar_round_trip);
  g_test_add_func ("/meeting/bad-meeting", test_bad_meeting);
  g_test_add_func ("/meeting/templates", test_templates);
  g_test_add_func ("/meeting/user-templates", test_user_templates);
  g_test_add_func ("/meeting/run", test_run);
  g_test_add_func ("/meeting/start-instant-follows-edits", test_start_instant_follows_edits);

  return g_test_run ();
}
