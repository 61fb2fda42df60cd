/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Busy times from a real CalDAV server: Debian's Radicale, started here on
 * 127.0.0.1 with a private folder and an htpasswd user, seeded over
 * CalDAV.  The overlap and slots from the CalDAV calendar must equal
 * those from the same events given as a file; discovery, a wrong
 * password, a missing calendar and an unchanged calendar are checked.
 * Radicale is stopped by its PID at the end, and dies with this process
 * when an assertion aborts it (PR_SET_PDEATHSIG). */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lia-calendar-source.h"
#include "lia-calendar.h"
#include "lia-slots.h"
#include "lia-test-radicale.h"

#define USER "alice"
#define PASSWORD "s3cret-pass"

static LiaTestRadicale *radicale;

static void
radicale_start (void)
{
  radicale = lia_test_radicale_start (USER, PASSWORD);
}

static void
radicale_stop (void)
{
  g_clear_pointer (&radicale, lia_test_radicale_stop);
}

/* ---- seeding over CalDAV ------------------------------------------------ */

static void
dav (const char *method,
     const char *path,
     const char *content_type,
     const char *body,
     guint       expected)
{
  lia_test_radicale_dav (radicale, method, path, content_type, body, expected);
}

static void
mkcalendar (const char *path,
            const char *name,
            const char *component)
{
  g_autofree char *body = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop>"
    "<D:displayname>%s</D:displayname>"
    "<C:supported-calendar-component-set><C:comp name=\"%s\"/></C:supported-calendar-component-set>"
    "</D:prop></D:set></C:mkcalendar>", name, component);

  dav ("MKCALENDAR", path, "application/xml; charset=utf-8", body, 201);
}

#define BERLIN \
  "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" \
  "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n" \
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" \
  "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n" \
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
#define NEW_YORK \
  "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n" \
  "BEGIN:STANDARD\r\nDTSTART:19701101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n" \
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n" \
  "BEGIN:DAYLIGHT\r\nDTSTART:19700308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n" \
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"

/* One event per resource, as CalDAV wants; the file holds them all. */
static const struct
{
  const char *uid;
  const char *zones;
  const char *event;
} events[] = {
  /* A daily standup in Berlin, 10:00-10:30, but not on the 14th. */
  { "standup", BERLIN,
    "DTSTART;TZID=Europe/Berlin:20260105T100000\r\nDTEND;TZID=Europe/Berlin:20260105T103000\r\n"
    "RRULE:FREQ=DAILY;COUNT=20\r\nEXDATE;TZID=Europe/Berlin:20260114T100000\r\n"
    "SUMMARY:Standup about the secret merger\r\n" },
  /* In New York's zone: 09:00-10:30 there is 15:00-16:30 in Berlin. */
  { "ny-review", NEW_YORK,
    "DTSTART;TZID=America/New_York:20260113T090000\r\nDTEND;TZID=America/New_York:20260113T103000\r\n"
    "SUMMARY:Review with New York\r\nLOCATION:Room 5\r\n" },
  /* Free time blocked for focus: does not count. */
  { "focus", BERLIN,
    "DTSTART;TZID=Europe/Berlin:20260112T140000\r\nDTEND;TZID=Europe/Berlin:20260112T160000\r\n"
    "TRANSP:TRANSPARENT\r\nSUMMARY:Focus\r\n" },
  /* Cancelled: does not count. */
  { "cancelled", BERLIN,
    "DTSTART;TZID=Europe/Berlin:20260115T110000\r\nDTEND;TZID=Europe/Berlin:20260115T120000\r\n"
    "STATUS:CANCELLED\r\nSUMMARY:Cancelled 1:1\r\n" },
  /* A holiday: the whole Friday. */
  { "holiday", "",
    "DTSTART;VALUE=DATE:20260116\r\nDTEND;VALUE=DATE:20260117\r\nSUMMARY:Holiday\r\n" },
  /* Outside the planned days: the time-range leaves it out. */
  { "later", "",
    "DTSTART:20260210T090000Z\r\nDTEND:20260210T100000Z\r\nSUMMARY:Later\r\n" },
};

static char *
event_calendar (guint i)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison tests//EN\r\n%s"
                          "BEGIN:VEVENT\r\nUID:%s@liaison.test\r\nDTSTAMP:20260101T000000Z\r\n%s"
                          "END:VEVENT\r\nEND:VCALENDAR\r\n", events[i].zones, events[i].uid, events[i].event);
}

static char *
file_calendar (void)
{
  GString *out = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison tests//EN\r\n" BERLIN NEW_YORK);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    g_string_append_printf (out, "BEGIN:VEVENT\r\nUID:%s@liaison.test\r\nDTSTAMP:20260101T000000Z\r\n%s"
                            "END:VEVENT\r\n", events[i].uid, events[i].event);
  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}

static void
seed (void)
{
  mkcalendar ("/alice/work/", "Work", "VEVENT");
  mkcalendar ("/alice/todo/", "Chores", "VTODO");
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *path = g_strdup_printf ("/alice/work/%s.ics", events[i].uid);
      g_autofree char *text = event_calendar (i);

      dav ("PUT", path, "text/calendar; charset=utf-8", text, 201);
    }
}

/* ---- helpers ------------------------------------------------------------ */

static gint64
at (const char *iso)
{
  gint64 t = 0;

  g_assert_true (lia_parse_instant (iso, &t, NULL));
  return t;
}

static LiaCalendarSource *
work_source (const char *password,
             const char *cache_dir)
{
  g_autofree char *source = g_strconcat ("caldav:", radicale->url, "/alice/work/", NULL);
  LiaCalendarSource *calendar = lia_calendar_source_new (radicale->http, source, USER);

  lia_calendar_source_set_secret (calendar, password);
  lia_calendar_source_set_cache_dir (calendar, cache_dir);
  return calendar;
}

/* The overlap and the best slots of a team, as text to compare. */
static char *
answers (LiaTzMember **team,
         guint         n,
         gint64        from,
         gint64        to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) intervals = lia_overlap_compute (team, n, from, to, 0, &error);
  g_autoptr(GPtrArray) slots = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < intervals->len; i++)
    {
      LiaOverlapInterval *iv = g_ptr_array_index (intervals, i);
      g_autofree char *s = lia_format_instant (iv->start);
      g_autofree char *e = lia_format_instant (iv->end);

      g_string_append_printf (out, "overlap %s %s", s, e);
      for (guint k = 0; k < iv->n_available; k++)
        g_string_append_printf (out, " %s", lia_tz_member_get_label (team[iv->available[k]]));
      g_string_append_c (out, '\n');
    }
  slots = lia_slots_find (team, n, from, to, 30, 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < slots->len; i++)
    {
      LiaSlot *slot = g_ptr_array_index (slots, i);
      g_autofree char *s = lia_format_instant (slot->start);

      g_string_append_printf (out, "slot %s inside %u cost %u\n", s, slot->n_inside, slot->cost);
    }
  return g_string_free (out, FALSE);
}

/* ---- tests -------------------------------------------------------------- */

static void
test_discover (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = lia_caldav_discover (radicale->http, radicale->url, USER, PASSWORD, NULL, &error);
  g_autofree char *expected = g_strconcat (radicale->url, "/alice/work/", NULL);
  LiaCaldavCalendar *calendar;

  g_assert_no_error (error);
  /* The task list holds no events and is not offered. */
  g_assert_cmpuint (calendars->len, ==, 1);
  calendar = g_ptr_array_index (calendars, 0);
  g_assert_cmpstr (calendar->url, ==, expected);
  g_assert_cmpstr (calendar->name, ==, "Work");

  g_clear_pointer (&calendars, g_ptr_array_unref);
  calendars = lia_caldav_discover (radicale->http, radicale->url, USER, "wrong", NULL, &error);
  g_assert_null (calendars);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_AUTH);
}

static void
test_same_as_file (void)
{
  g_autofree char *cache = g_dir_make_tmp ("liaison-cache-XXXXXX", NULL);
  g_autoptr(LiaCalendarSource) source = work_source (PASSWORD, cache);
  gint64 from = at ("2026-01-12T00:00:00Z");
  gint64 to = at ("2026-01-17T00:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *busy = NULL;
  g_autofree char *file = file_calendar ();
  g_autofree char *by_file = NULL;
  g_autofree char *by_caldav = NULL;
  g_autofree char *cache_text = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  LiaTzMember *file_team[2], *caldav_team[2];

  busy = lia_calendar_source_read (source, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (busy);
  /* Only what busy times need: no titles, no places. */
  g_assert_null (strstr (busy, "SUMMARY"));
  g_assert_null (strstr (busy, "secret merger"));
  g_assert_null (strstr (busy, "Room 5"));
  g_assert_false (lia_calendar_source_get_from_cache (source));
  g_assert_cmpint (lia_calendar_source_get_last_read (source), >, 0);
  g_assert_null (lia_calendar_source_get_error (source));

  file_team[0] = lia_tz_member_parse ("Berlin=Europe/Berlin,09:00-18:00,Mon-Fri", NULL);
  file_team[1] = lia_tz_member_parse ("New York=America/New_York,08:00-17:00,Mon-Fri", NULL);
  caldav_team[0] = lia_tz_member_parse ("Berlin=Europe/Berlin,09:00-18:00,Mon-Fri", NULL);
  caldav_team[1] = lia_tz_member_parse ("New York=America/New_York,08:00-17:00,Mon-Fri", NULL);
  g_assert_true (lia_tz_member_add_calendar (file_team[0], file, &error));
  g_assert_true (lia_tz_member_add_calendar (caldav_team[0], busy, &error));
  g_assert_no_error (error);

  by_file = answers (file_team, 2, from, to);
  by_caldav = answers (caldav_team, 2, from, to);
  g_test_message ("%s", by_caldav);
  g_assert_cmpstr (by_caldav, ==, by_file);
  /* The review in New York's zone splits Tuesday's overlap. */
  g_assert_nonnull (strstr (by_caldav, "15:30"));

  /* Not equal by being empty: each kind of event did what it should. */
  g_assert_cmpint (lia_tz_member_state_at (caldav_team[0], at ("2026-01-12T09:15:00Z")), ==, LIA_TZ_STATE_BUSY);
  g_assert_cmpint (lia_tz_member_state_at (caldav_team[0], at ("2026-01-14T09:15:00Z")), ==, LIA_TZ_STATE_WORKING);
  g_assert_cmpint (lia_tz_member_state_at (caldav_team[0], at ("2026-01-13T14:30:00Z")), ==, LIA_TZ_STATE_BUSY);
  g_assert_cmpint (lia_tz_member_state_at (caldav_team[0], at ("2026-01-12T13:30:00Z")), ==, LIA_TZ_STATE_WORKING);
  g_assert_cmpint (lia_tz_member_state_at (caldav_team[0], at ("2026-01-15T10:30:00Z")), ==, LIA_TZ_STATE_WORKING);
  g_assert_cmpint (lia_tz_member_state_at (caldav_team[0], at ("2026-01-16T12:00:00Z")), ==, LIA_TZ_STATE_BUSY);

  /* The cache holds no titles either. */
  dir = g_dir_open (cache, 0, NULL);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  {
    g_autofree char *path = g_build_filename (cache, name, NULL);
    g_file_get_contents (path, &cache_text, NULL, NULL);
    g_assert_null (strstr (cache_text, "secret merger"));
    g_assert_null (strstr (cache_text, PASSWORD));
    g_unlink (path);
  }
  g_rmdir (cache);

  for (guint i = 0; i < 2; i++)
    {
      lia_tz_member_free (file_team[i]);
      lia_tz_member_free (caldav_team[i]);
    }
}

static void
test_unchanged (void)
{
  g_autofree char *cache = g_dir_make_tmp ("liaison-cache-XXXXXX", NULL);
  g_autoptr(LiaCalendarSource) source = work_source (PASSWORD, cache);
  g_autoptr(LiaCalendarSource) again = work_source (PASSWORD, cache);
  gint64 from = at ("2026-01-19T00:00:00Z");
  gint64 to = at ("2026-01-24T00:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *other_days = NULL;
  g_autoptr(LiaTzMember) member = lia_tz_member_parse ("Berlin=Europe/Berlin,09:00-18:00,Mon-Fri", NULL);
  const char *added =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison tests//EN\r\n"
    "BEGIN:VEVENT\r\nUID:added@liaison.test\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART:20260120T130000Z\r\nDTEND:20260120T140000Z\r\nSUMMARY:Added\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  guint requests;

  first = lia_calendar_source_read (source, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lia_calendar_source_get_from_cache (source));

  /* A second object (the next start of the app) reads the cache after
   * one PROPFIND: the collection's tag has not changed. */
  requests = lia_http_get_request_count (radicale->http);
  second = lia_calendar_source_read (again, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_calendar_source_get_from_cache (again));
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpuint (lia_http_get_request_count (radicale->http) - requests, ==, 1);

  /* Other days are read again. */
  other_days = lia_calendar_source_read (again, from - 86400, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lia_calendar_source_get_from_cache (again));

  /* A new event changes the tag: read again, and it is there. */
  dav ("PUT", "/alice/work/added.ics", "text/calendar; charset=utf-8", added, 201);
  third = lia_calendar_source_read (again, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lia_calendar_source_get_from_cache (again));
  g_assert_true (lia_tz_member_add_calendar (member, third, &error));
  g_assert_cmpint (lia_tz_member_state_at (member, at ("2026-01-20T13:30:00Z")), ==, LIA_TZ_STATE_BUSY);
  dav ("DELETE", "/alice/work/added.ics", "text/plain", "", 200);
  lia_test_remove_tree (cache);
}

static void
test_wrong_password (void)
{
  g_autofree char *cache = g_dir_make_tmp ("liaison-cache-XXXXXX", NULL);
  g_autoptr(LiaCalendarSource) source = work_source ("not-the-password", cache);
  g_autoptr(GError) error = NULL;
  g_autofree char *busy = lia_calendar_source_read (source, at ("2026-01-12T00:00:00Z"), at ("2026-01-13T00:00:00Z"),
                                                    NULL, &error);

  g_assert_null (busy);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_AUTH);
  g_assert_null (strstr (error->message, "not-the-password"));
  g_assert_cmpstr (lia_calendar_source_get_error (source), ==, error->message);
  g_assert_cmpint (lia_calendar_source_get_last_read (source), ==, 0);
  lia_test_remove_tree (cache);
}

static void
test_missing_calendar (void)
{
  g_autofree char *cache = g_dir_make_tmp ("liaison-cache-XXXXXX", NULL);
  g_autofree char *missing = g_strconcat ("caldav:", radicale->url, "/alice/nothing/", NULL);
  g_autoptr(LiaCalendarSource) source = lia_calendar_source_new (radicale->http, missing, USER);
  g_autoptr(GError) error = NULL;
  g_autofree char *busy = NULL;

  lia_calendar_source_set_secret (source, PASSWORD);
  lia_calendar_source_set_cache_dir (source, cache);
  busy = lia_calendar_source_read (source, at ("2026-01-12T00:00:00Z"), at ("2026-01-13T00:00:00Z"), NULL, &error);
  g_assert_null (busy);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "calendar not found (404)");
  lia_test_remove_tree (cache);
}

static char *
run_cli (const char  *cache,
         const char  *busy,
         const char  *password,
         int         *exit_status)
{
  const char *argv[] = { g_getenv ("LIAISON_CLI"), "overlap", "--from", "2026-01-12T00:00Z", "--to", "2026-01-17T00:00Z",
                         "Berlin=Europe/Berlin,09:00-18:00,Mon-Fri",
                         "New York=America/New_York,08:00-17:00,Mon-Fri", "--busy", busy, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "LIAISON_CALDAV_USER", USER, TRUE);
  env = g_environ_setenv (env, "LIAISON_CALDAV_PASSWORD", password, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return out;
}

/* liaison-cli overlap --busy LABEL=caldav:URL, as LIAISON_CALDAV_USER with
 * LIAISON_CALDAV_PASSWORD, answers as with the file. */
static void
test_cli (void)
{
  g_autofree char *cache = g_dir_make_tmp ("liaison-cache-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (cache, "work.ics", NULL);
  g_autofree char *text = file_calendar ();
  g_autofree char *by_file_arg = g_strconcat ("Berlin=", file, NULL);
  g_autofree char *by_caldav_arg = g_strconcat ("Berlin=caldav:", radicale->url, "/alice/work/", NULL);
  g_autofree char *by_file = NULL;
  g_autofree char *by_caldav = NULL;
  g_autofree char *refused = NULL;
  int status = -1;

  g_file_set_contents (file, text, -1, NULL);
  by_file = run_cli (cache, by_file_arg, PASSWORD, &status);
  g_assert_cmpint (status, ==, 0);
  by_caldav = run_cli (cache, by_caldav_arg, PASSWORD, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (by_caldav, ==, by_file);
  refused = run_cli (cache, by_caldav_arg, "wrong", &status);
  g_assert_cmpint (status, ==, 1);
  lia_test_remove_tree (cache);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  radicale_start ();
  seed ();
  g_test_add_func ("/caldav/discover", test_discover);
  g_test_add_func ("/caldav/same-as-file", test_same_as_file);
  g_test_add_func ("/caldav/unchanged", test_unchanged);
  g_test_add_func ("/caldav/wrong-password", test_wrong_password);
  g_test_add_func ("/caldav/missing-calendar", test_missing_calendar);
  g_test_add_func ("/caldav/cli", test_cli);
  result = g_test_run ();
  radicale_stop ();
  return result;
}
