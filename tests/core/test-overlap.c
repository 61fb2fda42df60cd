/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The time-zone engine against dates whose answers were worked out by hand
 * from the tz database: daylight saving in both hemispheres, half- and
 * quarter-hour zones, weeks that differ, windows across midnight. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lia-slots.h"

static gint64
at (const char *iso)
{
  gint64 t = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_parse_instant (iso, &t, &error));
  g_assert_no_error (error);
  return t;
}

static LiaTzMember *
member (const char *spec)
{
  g_autoptr(GError) error = NULL;
  LiaTzMember *m = lia_tz_member_parse (spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

typedef struct
{
  LiaTzMember *m[8];
  guint        n;
} Team;

static void
team_clear (Team *team)
{
  for (guint i = 0; i < team->n; i++)
    lia_tz_member_free (team->m[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Team, team_clear)

static void
team_add (Team       *team,
          const char *spec)
{
  team->m[team->n++] = member (spec);
}

/* The intervals as "START END a,b" lines in UTC, for readable asserts. */
static char *
describe (Team       *team,
          const char *from,
          const char *to,
          guint       min)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) intervals = lia_overlap_compute (team->m, team->n, at (from), at (to), min, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < intervals->len; i++)
    {
      LiaOverlapInterval *iv = g_ptr_array_index (intervals, i);
      g_autofree char *s = lia_format_instant (iv->start);
      g_autofree char *e = lia_format_instant (iv->end);

      g_string_append_printf (out, "%s %s ", s, e);
      for (guint k = 0; k < iv->n_available; k++)
        g_string_append_printf (out, "%s%s", k ? "," : "", lia_tz_member_get_label (team->m[iv->available[k]]));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_seed_trio_winter (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *all = NULL, *two = NULL;

  team_add (&team, "San Francisco=America/Los_Angeles");
  team_add (&team, "London=Europe/London");
  team_add (&team, "Beijing=Asia/Shanghai");

  /* PST, GMT and CST: no hour where all three are at work. */
  all = describe (&team, "2026-01-14T00:00:00Z", "2026-01-15T00:00:00Z", 0);
  g_assert_cmpstr (all, ==, "");

  two = describe (&team, "2026-01-14T00:00:00Z", "2026-01-15T00:00:00Z", 2);
  g_assert_cmpstr (two, ==,
                   "2026-01-14T01:00:00Z 2026-01-14T02:00:00Z San Francisco,Beijing\n"
                   "2026-01-14T09:00:00Z 2026-01-14T10:00:00Z London,Beijing\n"
                   "2026-01-14T17:00:00Z 2026-01-14T18:00:00Z San Francisco,London\n");
}

static void
test_seed_trio_summer (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *two = NULL;

  team_add (&team, "San Francisco=America/Los_Angeles");
  team_add (&team, "London=Europe/London");
  team_add (&team, "Beijing=Asia/Shanghai");

  /* PDT and BST move San Francisco and London an hour earlier; Beijing
   * does not move, so San Francisco's evening no longer meets Beijing's
   * morning (01:00Z is when one leaves and the other arrives). */
  two = describe (&team, "2026-07-15T00:00:00Z", "2026-07-16T00:00:00Z", 2);
  g_assert_cmpstr (two, ==,
                   "2026-07-15T08:00:00Z 2026-07-15T10:00:00Z London,Beijing\n"
                   "2026-07-15T16:00:00Z 2026-07-15T17:00:00Z San Francisco,London\n");
}

static void
test_us_only_dst_week (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *before = NULL, *during = NULL, *after = NULL;

  team_add (&team, "New York=America/New_York");
  team_add (&team, "London=Europe/London");

  /* Four hours of overlap normally; five in the weeks when the US has
   * moved its clocks (2026-03-08) and Europe has not (2026-03-29). */
  before = describe (&team, "2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z", 0);
  during = describe (&team, "2026-03-11T00:00:00Z", "2026-03-12T00:00:00Z", 0);
  after = describe (&team, "2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z", 0);
  g_assert_cmpstr (before, ==, "2026-03-04T14:00:00Z 2026-03-04T18:00:00Z New York,London\n");
  g_assert_cmpstr (during, ==, "2026-03-11T13:00:00Z 2026-03-11T18:00:00Z New York,London\n");
  g_assert_cmpstr (after, ==, "2026-04-01T13:00:00Z 2026-04-01T17:00:00Z New York,London\n");
}

static void
test_eu_dst_weekend (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *text = NULL;

  team_add (&team, "London=Europe/London,09:00-18:00,Mon-Sun");
  team_add (&team, "Berlin=Europe/Berlin,09:00-18:00,Mon-Sun");

  /* Clocks go forward at 01:00Z on Sunday 2026-03-29 in both. */
  text = describe (&team, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z", 0);
  g_assert_cmpstr (text, ==,
                   "2026-03-28T09:00:00Z 2026-03-28T17:00:00Z London,Berlin\n"
                   "2026-03-29T08:00:00Z 2026-03-29T16:00:00Z London,Berlin\n"
                   "2026-03-30T08:00:00Z 2026-03-30T16:00:00Z London,Berlin\n");
}

static void
test_odd_offsets (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *three = NULL, *two = NULL;

  team_add (&team, "Mumbai=Asia/Kolkata");       /* +05:30 */
  team_add (&team, "Kathmandu=Asia/Kathmandu");  /* +05:45 */
  team_add (&team, "Adelaide=Australia/Adelaide"); /* +10:30 in January */

  three = describe (&team, "2026-01-14T00:00:00Z", "2026-01-15T00:00:00Z", 0);
  g_assert_cmpstr (three, ==, "2026-01-14T03:30:00Z 2026-01-14T07:30:00Z Mumbai,Kathmandu,Adelaide\n");

  two = describe (&team, "2026-01-14T00:00:00Z", "2026-01-15T00:00:00Z", 2);
  g_assert_cmpstr (two, ==,
                   "2026-01-14T03:15:00Z 2026-01-14T03:30:00Z Kathmandu,Adelaide\n"
                   "2026-01-14T03:30:00Z 2026-01-14T07:30:00Z Mumbai,Kathmandu,Adelaide\n"
                   "2026-01-14T07:30:00Z 2026-01-14T12:15:00Z Mumbai,Kathmandu\n");
}

static void
test_sydney_january (void)
{
  g_autoptr(LiaTzMember) sydney = member ("Sydney=Australia/Sydney");
  g_autofree char *abbreviation = NULL;
  gint64 january = at ("2026-01-14T03:00:00Z");
  gint64 july = at ("2026-07-14T03:00:00Z");
  int standard;

  /* The seed says UTC+10 (AEST); in January Sydney keeps summer time. */
  g_assert_cmpint (lia_tz_member_offset_at (sydney, january), ==, 11 * 3600);
  g_assert_cmpint (lia_tz_member_offset_at (sydney, july), ==, 10 * 3600);
  standard = lia_zone_standard_offset (lia_tz_member_get_zone (sydney), january, &abbreviation);
  g_assert_cmpint (standard, ==, 10 * 3600);
  g_assert_cmpstr (abbreviation, ==, "AEST");

  g_assert_cmpint (lia_tz_member_state_at (sydney, at ("2026-01-13T22:00:00Z")), ==, LIA_TZ_STATE_WORKING);
  g_assert_cmpint (lia_tz_member_state_at (sydney, at ("2026-01-13T21:59:00Z")), !=, LIA_TZ_STATE_WORKING);
  g_assert_cmpint (lia_tz_member_state_at (sydney, at ("2026-01-14T07:00:00Z")), !=, LIA_TZ_STATE_WORKING);
}

static void
test_friday_is_saturday (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *text = NULL, *sf_day = NULL, *bj_day = NULL;
  gint64 friday_evening = at ("2026-01-17T01:00:00Z");

  team_add (&team, "San Francisco=America/Los_Angeles");
  team_add (&team, "Beijing=Asia/Shanghai");

  sf_day = lia_tz_member_format (team.m[0], friday_evening, "%a %H:%M");
  bj_day = lia_tz_member_format (team.m[1], friday_evening, "%a %H:%M");
  g_assert_cmpstr (sf_day, ==, "Fri 17:00");
  g_assert_cmpstr (bj_day, ==, "Sat 09:00");

  /* Monday evening in San Francisco is Tuesday morning in Beijing; the
   * Friday evening hour is Saturday there, and Beijing is off. */
  text = describe (&team, "2026-01-11T00:00:00Z", "2026-01-19T00:00:00Z", 0);
  g_assert_cmpstr (text, ==,
                   "2026-01-13T01:00:00Z 2026-01-13T02:00:00Z San Francisco,Beijing\n"
                   "2026-01-14T01:00:00Z 2026-01-14T02:00:00Z San Francisco,Beijing\n"
                   "2026-01-15T01:00:00Z 2026-01-15T02:00:00Z San Francisco,Beijing\n"
                   "2026-01-16T01:00:00Z 2026-01-16T02:00:00Z San Francisco,Beijing\n");
}

static void
test_night_window (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *text = NULL;

  team_add (&team, "Night shift=UTC,22:00-06:00,Mon-Fri");

  /* A window belongs to the day on which it starts: Friday's runs into
   * Saturday morning, Sunday has none, so Monday 00:00-06:00 is off. */
  text = describe (&team, "2026-01-17T00:00:00Z", "2026-01-20T00:00:00Z", 0);
  g_assert_cmpstr (text, ==,
                   "2026-01-17T00:00:00Z 2026-01-17T06:00:00Z Night shift\n"
                   "2026-01-19T22:00:00Z 2026-01-20T00:00:00Z Night shift\n");
  g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-17T03:00:00Z")), ==, LIA_TZ_STATE_WORKING);
  g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-19T03:00:00Z")), ==, LIA_TZ_STATE_NIGHT);
  g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-19T12:00:00Z")), ==, LIA_TZ_STATE_OFF);
}

static void
test_sunday_to_thursday (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *text = NULL;

  team_add (&team, "Riyadh=Asia/Riyadh,09:00-18:00,Sun-Thu");
  team_add (&team, "London=Europe/London,09:00-18:00,Mon-Fri");

  text = describe (&team, "2026-01-11T00:00:00Z", "2026-01-18T00:00:00Z", 0);
  g_assert_cmpstr (text, ==,
                   "2026-01-12T09:00:00Z 2026-01-12T15:00:00Z Riyadh,London\n"
                   "2026-01-13T09:00:00Z 2026-01-13T15:00:00Z Riyadh,London\n"
                   "2026-01-14T09:00:00Z 2026-01-14T15:00:00Z Riyadh,London\n"
                   "2026-01-15T09:00:00Z 2026-01-15T15:00:00Z Riyadh,London\n");
}

static void
test_lord_howe (void)
{
  g_auto(Team) team = { 0 };
  g_autofree char *january = NULL, *july = NULL, *change = NULL;

  /* Lord Howe Island moves its clocks by half an hour: +11 in summer,
   * +10:30 in winter; the change in 2026 is at 02:00 on 4 October. */
  team_add (&team, "Lord Howe=Australia/Lord_Howe,09:00-18:00,Mon-Sun");

  g_assert_cmpint (lia_tz_member_offset_at (team.m[0], at ("2026-01-14T00:00:00Z")), ==, 11 * 3600);
  g_assert_cmpint (lia_tz_member_offset_at (team.m[0], at ("2026-07-14T00:00:00Z")), ==, 10 * 3600 + 1800);

  january = describe (&team, "2026-01-14T00:00:00Z", "2026-01-15T00:00:00Z", 0);
  g_assert_cmpstr (january, ==,
                   "2026-01-14T00:00:00Z 2026-01-14T07:00:00Z Lord Howe\n"
                   "2026-01-14T22:00:00Z 2026-01-15T00:00:00Z Lord Howe\n");
  july = describe (&team, "2026-07-14T00:00:00Z", "2026-07-15T00:00:00Z", 0);
  g_assert_cmpstr (july, ==,
                   "2026-07-14T00:00:00Z 2026-07-14T07:30:00Z Lord Howe\n"
                   "2026-07-14T22:30:00Z 2026-07-15T00:00:00Z Lord Howe\n");
  /* Saturday 3 October at +10:30, Sunday 4 October at +11. */
  change = describe (&team, "2026-10-02T12:00:00Z", "2026-10-04T12:00:00Z", 0);
  g_assert_cmpstr (change, ==,
                   "2026-10-02T22:30:00Z 2026-10-03T07:30:00Z Lord Howe\n"
                   "2026-10-03T22:00:00Z 2026-10-04T07:00:00Z Lord Howe\n");
}

static const char calendar[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Liaison tests//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:weekly@example.com\r\n"
  "SUMMARY:Standup, with; punctuation\r\n"
  "DTSTART;TZID=America/New_York:20260105T100000\r\n"
  "DTEND;TZID=America/New_York:20260105T110000\r\n"
  "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10\r\n"
  "EXDATE;TZID=America/New_York:20260114T100000\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:holiday@example.com\r\n"
  "DTSTART;VALUE=DATE:20260116\r\n"
  "DTEND;VALUE=DATE:20260117\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:utc@example.com\r\n"
  "DTSTART:20260115T140000Z\r\n"
  "DURATION:PT30M\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:floating@example.com\r\n"
  "DTSTART:20260113T160000\r\n"
  "DTEND:20260113T170000\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:free@example.com\r\n"
  "DTSTART:20260113T100000\r\n"
  "DTEND:20260113T120000\r\n"
  "TRANSP:TRANSPARENT\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:weekly@example.com\r\n"
  "RECURRENCE-ID;TZID=America/New_York:20260112T100000\r\n"
  "DTSTART;TZID=America/New_York:20260112T150000\r\n"
  "DTEND;TZID=America/New_York:20260112T153000\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_busy_calendar (void)
{
  g_auto(Team) team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  team_add (&team, "New York=America/New_York");
  g_assert_true (lia_tz_member_add_calendar (team.m[0], calendar, &error));
  g_assert_no_error (error);

  /* Working 14:00-23:00Z. Monday's standup moved to 15:00 local (20:00Z);
   * Wednesday's was cancelled by EXDATE; Thursday has a UTC event at
   * 14:00Z; Tuesday a floating one at 16:00 local (21:00Z); Friday is an
   * all-day holiday; the transparent event does not count. */
  text = describe (&team, "2026-01-12T00:00:00Z", "2026-01-17T00:00:00Z", 0);
  g_assert_cmpstr (text, ==,
                   "2026-01-12T14:00:00Z 2026-01-12T20:00:00Z New York\n"
                   "2026-01-12T20:30:00Z 2026-01-12T23:00:00Z New York\n"
                   "2026-01-13T14:00:00Z 2026-01-13T21:00:00Z New York\n"
                   "2026-01-13T22:00:00Z 2026-01-13T23:00:00Z New York\n"
                   "2026-01-14T14:00:00Z 2026-01-14T23:00:00Z New York\n"
                   "2026-01-15T14:30:00Z 2026-01-15T23:00:00Z New York\n");

  g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-12T20:10:00Z")), ==, LIA_TZ_STATE_BUSY);
  g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-16T15:00:00Z")), ==, LIA_TZ_STATE_BUSY);
  /* The next standup, a Monday the following week, is still there. */
  g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-19T15:30:00Z")), ==, LIA_TZ_STATE_BUSY);
}

/* A TZID without a VTIMEZONE is read as a zone name only when it is one
 * from the system's list; a path (even to a FIFO) is an unknown zone, and
 * the event is read in the member's zone, as a floating time. */
static void
test_calendar_hostile_tzid (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-tzid-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "zone", NULL);
  const char *tzids[] = { "../../../../etc/passwd", "/usr/share/zoneinfo/UTC", "XYZ3", NULL };
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  tzids[3] = g_strconcat ("../../../..", fifo, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tzids); i++)
    {
      g_autofree char *ics = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison tests//EN\r\n"
                                              "BEGIN:VEVENT\r\nUID:odd@example.com\r\n"
                                              "DTSTART;TZID=\"%s\":20260113T160000\r\n"
                                              "DTEND;TZID=\"%s\":20260113T170000\r\n"
                                              "END:VEVENT\r\nEND:VCALENDAR\r\n", tzids[i], tzids[i]);
      g_auto(Team) team = { 0 };
      g_autoptr(GError) error = NULL;

      g_test_message ("TZID %s", tzids[i]);
      team_add (&team, "New York=America/New_York");
      g_assert_true (lia_tz_member_add_calendar (team.m[0], ics, &error));
      g_assert_no_error (error);
      g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-13T21:30:00Z")), ==, LIA_TZ_STATE_BUSY);
      g_assert_cmpint (lia_tz_member_state_at (team.m[0], at ("2026-01-13T20:30:00Z")), !=, LIA_TZ_STATE_BUSY);
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_free ((char *) tzids[3]);
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_strip_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = lia_calendar_strip (calendar, &error);
  g_auto(Team) a = { 0 };
  g_auto(Team) b = { 0 };
  g_autofree char *before = NULL, *after = NULL;

  g_assert_no_error (error);
  g_assert_null (strstr (stripped, "Standup"));
  g_assert_nonnull (strstr (stripped, "RRULE"));

  team_add (&a, "New York=America/New_York");
  team_add (&b, "New York=America/New_York");
  g_assert_true (lia_tz_member_add_calendar (a.m[0], calendar, NULL));
  g_assert_true (lia_tz_member_add_calendar (b.m[0], stripped, NULL));
  before = describe (&a, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", 0);
  after = describe (&b, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", 0);
  g_assert_cmpstr (before, ==, after);
}

/* Damaged calendars (truncated, bytes flipped, lines dropped or doubled)
 * must give an error or some busy times, never a crash or a hang. */
static void
test_damaged_calendars (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  gsize length = strlen (calendar);
  guint errors = 0, read = 0;

  for (guint round = 0; round < 600; round++)
    {
      g_autofree char *copy = g_strdup (calendar);
      g_autoptr(LiaTzMember) m = member ("X=Europe/London,00:00-24:00,Mon-Sun");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) intervals = NULL;

      switch (round % 4)
        {
        case 0:
          copy[g_rand_int_range (rand, 16, (gint32) length)] = '\0';
          break;
        case 1:
          for (guint k = 0; k < 8; k++)
            copy[g_rand_int_range (rand, 0, (gint32) length)] = (char) g_rand_int_range (rand, 1, 256);
          break;
        case 2:
          {
            /* Drop one line. */
            char *line = copy + g_rand_int_range (rand, 0, (gint32) length);
            char *next = strchr (line, '\n');
            if (next != NULL)
              memmove (line, next + 1, strlen (next + 1) + 1);
          }
          break;
        default:
          {
            /* Swap DTSTART and DTEND values by renaming, or make RRULEs absurd. */
            char *p = strstr (copy, "COUNT=10");
            if (p != NULL)
              memcpy (p, "COUNT=99", 8);
            p = strstr (copy, "DTEND;");
            if (p != NULL && round % 8 == 3)
              memcpy (p, "DTSTA;", 6);
          }
          break;
        }

      if (!lia_tz_member_add_calendar (m, copy, &error))
        {
          g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_CALENDAR);
          errors++;
          continue;
        }
      intervals = lia_overlap_compute (&m, 1, at ("2026-01-01T00:00:00Z"), at ("2026-03-01T00:00:00Z"), 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (intervals);
      read++;
    }
  g_test_message ("%u damaged calendars read, %u refused", read, errors);
  g_assert_cmpuint (read, >, 0);
  g_assert_cmpuint (errors, >, 0);
}

static void
test_slots (void)
{
  g_auto(Team) pair = { 0 };
  g_auto(Team) trio = { 0 };
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  LiaSlot *slot;

  team_add (&pair, "New York=America/New_York");
  team_add (&pair, "London=Europe/London");
  slots = lia_slots_find (pair.m, pair.n, at ("2026-01-14T00:00:00Z"), at ("2026-01-15T00:00:00Z"), 60, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 20);
  /* 14:00Z to 17:00Z: thirteen starts with both inside; then a quarter
   * hour before New York starts, or after London stops (awake: weight 1). */
  for (guint i = 0; i < 13; i++)
    {
      slot = g_ptr_array_index (slots, i);
      g_assert_cmpint (slot->start, ==, at ("2026-01-14T14:00:00Z") + i * 900);
      g_assert_cmpuint (slot->n_inside, ==, 2);
      g_assert_cmpuint (slot->cost, ==, 0);
    }
  slot = g_ptr_array_index (slots, 13);
  g_assert_cmpint (slot->start, ==, at ("2026-01-14T13:45:00Z"));
  g_assert_cmpuint (slot->n_inside, ==, 1);
  g_assert_cmpuint (slot->member_cost[0], ==, 15);
  g_assert_cmpuint (slot->member_cost[1], ==, 0);
  g_clear_pointer (&slots, g_ptr_array_unref);

  team_add (&trio, "San Francisco=America/Los_Angeles");
  team_add (&trio, "London=Europe/London");
  team_add (&trio, "Beijing=Asia/Shanghai");
  slots = lia_slots_find (trio.m, trio.n, at ("2026-01-12T00:00:00Z"), at ("2026-01-17T00:00:00Z"), 60, 3, &error);
  g_assert_no_error (error);
  /* Two can be inside; the third pays an hour of night, weighted double. */
  slot = g_ptr_array_index (slots, 0);
  g_assert_cmpint (slot->start, ==, at ("2026-01-12T09:00:00Z"));
  g_assert_cmpuint (slot->n_inside, ==, 2);
  g_assert_cmpuint (slot->member_cost[0], ==, 120);
  g_assert_cmpuint (slot->cost, ==, 120);
  slot = g_ptr_array_index (slots, 1);
  g_assert_cmpint (slot->start, ==, at ("2026-01-12T17:00:00Z"));
  g_assert_cmpuint (slot->member_cost[2], ==, 120);
  slot = g_ptr_array_index (slots, 2);
  g_assert_cmpint (slot->start, ==, at ("2026-01-13T01:00:00Z"));
  g_assert_cmpuint (slot->member_cost[1], ==, 120);
}

/* The humane ranking, on fixed dates (no clock): a suggestion that asks
 * for an early or a late hour beats one at 01:00, each suggestion says in
 * one line what it asks of whom, and quarter-hour starts that ask the same
 * of everyone are one window, not four rows. */
static char *
local_times (Team          *team,
             const LiaSlot *slot)
{
  GString *out = g_string_new (NULL);

  for (guint m = 0; m < team->n; m++)
    {
      g_autofree char *t = lia_tz_member_format (team->m[m], slot->start, "%a %H:%M %Z");
      g_string_append_printf (out, "%s%s", m ? " / " : "", t);
    }
  return g_string_free (out, FALSE);
}

static void
test_suggest_humane (void)
{
  g_auto(Team) trio = { 0 };
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "San Francisco", "London", "Beijing" };
  LiaSlot *slot;

  team_add (&trio, "San Francisco=America/Los_Angeles");
  team_add (&trio, "London=Europe/London");
  team_add (&trio, "Beijing=Asia/Shanghai");

  /* Wednesday 2026-12-09, winter in the north: PST, GMT, CST. */
  slots = lia_slots_suggest (trio.m, trio.n, at ("2026-12-09T00:00:00Z"), at ("2026-12-10T00:00:00Z"), 60, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 5);
  /* Three ways round, each asking an early morning of one city and a late
   * evening of another, 2 and 5 a minute: the article's SF 07:00 / London
   * 15:00 / Beijing 23:00 among them.  The old ranking put someone at
   * 01:00 in every one (20 a minute here). */
  {
    static const struct { const char *start, *window_start, *window_end, *times, *why; } expect[] = {
      { "2026-12-09T07:00:00Z", "2026-12-09T05:00:00Z", "2026-12-09T08:00:00Z",
        "Tue 23:00 PST / Wed 07:00 GMT / Wed 15:00 CST", "early for London, late for San Francisco" },
      { "2026-12-09T15:00:00Z", "2026-12-09T13:00:00Z", "2026-12-09T16:00:00Z",
        "Wed 07:00 PST / Wed 15:00 GMT / Wed 23:00 CST", "early for San Francisco, late for Beijing" },
      { "2026-12-09T23:00:00Z", "2026-12-09T21:00:00Z", "2026-12-10T00:00:00Z",
        "Wed 15:00 PST / Wed 23:00 GMT / Thu 07:00 CST", "early for Beijing, late for London" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
      {
        g_autofree char *times = NULL, *why = NULL;

        slot = g_ptr_array_index (slots, i);
        times = local_times (&trio, slot);
        why = lia_slot_explain (slot, trio.n, names);
        g_assert_cmpint (slot->start, ==, at (expect[i].start));
        g_assert_cmpstr (times, ==, expect[i].times);
        g_assert_cmpstr (why, ==, expect[i].why);
        g_assert_cmpuint (slot->cost, ==, 120 + 300);
        g_assert_cmpuint (slot->n_inside, ==, 1);
        /* Adjacent starts that ask the same are one window: 8 quarter
         * hours, not 8 rows. */
        g_assert_cmpint (slot->window_start, ==, at (expect[i].window_start));
        g_assert_cmpint (slot->window_end, ==, at (expect[i].window_end));
      }
    slot = g_ptr_array_index (slots, 1);
    g_assert_cmpuint (slot->member_cost[0], ==, 120);
    g_assert_cmpuint (slot->member_cost[1], ==, 0);
    g_assert_cmpuint (slot->member_cost[2], ==, 300);
  }
  /* Every suggestion is its own window, and those with someone at night
   * come after those. */
  for (guint i = 0; i < slots->len; i++)
    {
      LiaSlot *a = g_ptr_array_index (slots, i);

      g_assert_nonnull (a->member_fit);
      for (guint j = 0; j < i; j++)
        {
          LiaSlot *b = g_ptr_array_index (slots, j);

          g_assert_cmpuint (a->cost, >=, b->cost);
          gint64 length = a->end - a->start;

          /* No start time is offered twice. */
          g_assert_false (a->window_start <= b->window_end - length && b->window_start <= a->window_end - length);
        }
      if (i >= 3)
        {
          g_autofree char *why = lia_slot_explain (a, trio.n, names);

          g_assert_cmpuint (a->cost, >, 420);
          g_assert_nonnull (strstr (why, "at night for"));
        }
    }
  g_clear_pointer (&slots, g_ptr_array_unref);

  /* Sunday evening in San Francisco (Monday 07:00 in London) costs more
   * than the same hour on a working day: Monday's SF 07:00 comes first. */
  slots = lia_slots_suggest (trio.m, trio.n, at ("2026-12-07T00:00:00Z"), at ("2026-12-08T00:00:00Z"), 60, 5, &error);
  g_assert_no_error (error);
  slot = g_ptr_array_index (slots, 0);
  g_assert_cmpint (slot->start, ==, at ("2026-12-07T15:00:00Z"));
  for (guint i = 0; i < slots->len; i++)
    {
      LiaSlot *a = g_ptr_array_index (slots, i);

      if (a->start == at ("2026-12-07T07:00:00Z"))
        {
          g_autofree char *why = lia_slot_explain (a, trio.n, names);

          g_assert_cmpstr (why, ==, "early for London, a day off for San Francisco");
          g_assert_cmpuint (a->member_cost[0], ==, 60 * (5 + 3));
        }
    }
  g_clear_pointer (&slots, g_ptr_array_unref);

  /* London and Beijing alone: one window of two hours, everyone inside. */
  slots = lia_slots_suggest (trio.m + 1, 2, at ("2026-12-09T00:00:00Z"), at ("2026-12-10T00:00:00Z"), 60, 3, &error);
  g_assert_no_error (error);
  slot = g_ptr_array_index (slots, 0);
  {
    g_autofree char *why = lia_slot_explain (slot, 2, names + 1);

    g_assert_cmpint (slot->start, ==, at ("2026-12-09T09:00:00Z"));
    g_assert_cmpint (slot->window_start, ==, at ("2026-12-09T09:00:00Z"));
    g_assert_cmpint (slot->window_end, ==, at ("2026-12-09T10:00:00Z"));
    g_assert_cmpuint (slot->n_inside, ==, 2);
    g_assert_cmpstr (why, ==, "inside working hours for everyone");
  }
}

/* Europe changes its clocks on Sunday 2026-03-29 (the US did on 8 March):
 * the best hour follows local time, 07:00 in SF and 22:00 in Beijing, on
 * Friday at 14:00 GMT and on Monday at 15:00 BST, the same UTC instant of
 * day because SF and Beijing did not change that week. */
static void
test_suggest_dst_week (void)
{
  g_auto(Team) trio = { 0 };
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  gboolean monday = FALSE;

  team_add (&trio, "San Francisco=America/Los_Angeles");
  team_add (&trio, "London=Europe/London");
  team_add (&trio, "Beijing=Asia/Shanghai");

  slots = lia_slots_suggest (trio.m, trio.n, at ("2026-03-27T00:00:00Z"), at ("2026-04-01T00:00:00Z"), 60, 8, &error);
  g_assert_no_error (error);
  {
    LiaSlot *slot = g_ptr_array_index (slots, 0);
    g_autofree char *times = local_times (&trio, slot);

    g_assert_cmpstr (times, ==, "Fri 07:00 PDT / Fri 14:00 GMT / Fri 22:00 CST");
    g_assert_cmpuint (slot->cost, ==, 120 + 180);
  }
  /* The same hour on Monday, London now on BST, comes next: a weekend
   * day or the small hours never come before it. */
  {
    LiaSlot *slot = g_ptr_array_index (slots, 1);
    g_autofree char *times = local_times (&trio, slot);

    g_assert_cmpstr (times, ==, "Mon 07:00 PDT / Mon 15:00 BST / Mon 22:00 CST");
    g_assert_cmpint (slot->start, ==, at ("2026-03-30T14:00:00Z"));
    g_assert_cmpuint (slot->cost, ==, 300);
    monday = TRUE;
  }
  g_assert_true (monday);
}

static void
test_rotation (void)
{
  g_auto(Team) trio = { 0 };
  g_autoptr(LiaRotation) rotation = NULL;
  g_autoptr(GError) error = NULL;

  team_add (&trio, "San Francisco=America/Los_Angeles");
  team_add (&trio, "London=Europe/London");
  team_add (&trio, "Beijing=Asia/Shanghai");

  /* Three weeks: each member takes one night meeting. */
  rotation = lia_slots_rotation (trio.m, trio.n, at ("2026-01-12T00:00:00Z"), 60, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rotation->n_weeks, ==, 3);
  g_assert_cmpint (rotation->starts[0], ==, at ("2026-01-12T09:00:00Z"));
  g_assert_cmpint (rotation->starts[1], ==, at ("2026-01-19T17:00:00Z"));
  g_assert_cmpint (rotation->starts[2], ==, at ("2026-01-27T01:00:00Z"));
  for (guint m = 0; m < 3; m++)
    g_assert_cmpuint (rotation->totals[m], ==, 120);
  g_assert_cmpuint (rotation->week_costs[0 * 3 + 0], ==, 120);
  g_assert_cmpuint (rotation->week_costs[1 * 3 + 2], ==, 120);
  g_assert_cmpuint (rotation->week_costs[2 * 3 + 1], ==, 120);
}

static void
expect_member_error (const char *spec,
                     int         code,
                     const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaTzMember) m = lia_tz_member_parse (spec, &error);

  g_assert_null (m);
  g_assert_error (error, LIA_OVERLAP_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_errors (void)
{
  g_auto(Team) team = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *result;
  gint64 t;

  expect_member_error ("London", LIA_OVERLAP_ERROR_MEMBER, "London");
  expect_member_error ("=Europe/London", LIA_OVERLAP_ERROR_MEMBER, "=Europe/London");
  expect_member_error ("Mars=Mars/Olympus_Mons", LIA_OVERLAP_ERROR_ZONE, "Mars/Olympus_Mons");
  expect_member_error ("Fixed=+08:00", LIA_OVERLAP_ERROR_ZONE, "+08:00");
  expect_member_error ("A=Europe/London,9-17", LIA_OVERLAP_ERROR_DAYS, "9-17");
  expect_member_error ("A=Europe/London,25:00-26:00", LIA_OVERLAP_ERROR_HOURS, "25:00-26:00");
  expect_member_error ("A=Europe/London,09:00-09:00", LIA_OVERLAP_ERROR_HOURS, "same time");
  expect_member_error ("A=Europe/London,09:00-18:00,Mon-Funday", LIA_OVERLAP_ERROR_DAYS, "Mon-Funday");
  expect_member_error ("A=Europe/London,09:00-18:00,", LIA_OVERLAP_ERROR_DAYS, "list of days");

  team_add (&team, "London=Europe/London");
  result = lia_overlap_compute (team.m, 1, at ("2026-01-02"), at ("2026-01-01"), 0, &error);
  g_assert_null (result);
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE);
  g_clear_error (&error);
  result = lia_overlap_compute (team.m, 1, at ("2026-01-01"), at ("2026-01-01"), 0, &error);
  g_assert_null (result);
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE);
  g_clear_error (&error);
  result = lia_overlap_compute (team.m, 1, at ("2026-01-01"), at ("2027-01-03"), 0, &error);
  g_assert_null (result);
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "one year"));
  g_clear_error (&error);
  result = lia_slots_find (team.m, 1, at ("2026-01-01"), at ("2026-01-02"), 0, 5, &error);
  g_assert_null (result);
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_DURATION);
  g_clear_error (&error);

  g_assert_true (lia_parse_instant ("2026-01-14T17:00Z", &t, NULL));
  g_assert_cmpint (t, ==, at ("2026-01-14T17:00:00Z"));
  g_assert_true (lia_parse_instant ("2026-01-14T17:00+08:00", &t, NULL));
  g_assert_cmpint (t, ==, at ("2026-01-14T09:00:00Z"));
  g_assert_false (lia_parse_instant ("yesterday", &t, &error));
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (lia_tz_member_add_calendar (team.m[0], "SUMMARY:not a calendar", &error));
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_CALENDAR);
  g_clear_error (&error);
  g_assert_false (lia_tz_member_add_calendar (team.m[0], "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260101T100000Z\r\n", &error));
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_CALENDAR);
  g_assert_nonnull (strstr (error->message, "incomplete"));
}

static void
test_days_and_offsets (void)
{
  guint mask = 0;
  g_autofree char *kolkata = lia_format_offset (5 * 3600 + 1800);
  g_autofree char *sf = lia_format_offset (-7 * 3600);
  g_autofree char *utc = lia_format_offset (0);

  g_assert_true (lia_parse_days ("Mon-Fri", &mask, NULL));
  g_assert_cmphex (mask, ==, 0x1f);
  g_assert_true (lia_parse_days ("Sun-Thu", &mask, NULL));
  g_assert_cmphex (mask, ==, 0x4f);
  g_assert_true (lia_parse_days ("Mon,Wed,Fri", &mask, NULL));
  g_assert_cmphex (mask, ==, 0x15);
  g_assert_true (lia_parse_days ("saturday, Sunday", &mask, NULL));
  g_assert_cmphex (mask, ==, 0x60);
  g_assert_cmpstr (kolkata, ==, "UTC+5:30");
  g_assert_cmpstr (sf, ==, "UTC-7");
  g_assert_cmpstr (utc, ==, "UTC+0");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overlap/seed-trio/winter", test_seed_trio_winter);
  g_test_add_func ("/overlap/seed-trio/summer", test_seed_trio_summer);
  g_test_add_func ("/overlap/us-only-dst-week", test_us_only_dst_week);
  g_test_add_func ("/overlap/eu-dst-weekend", test_eu_dst_weekend);
  g_test_add_func ("/overlap/kolkata-kathmandu-adelaide", test_odd_offsets);
  g_test_add_func ("/overlap/sydney-january", test_sydney_january);
  g_test_add_func ("/overlap/friday-is-saturday", test_friday_is_saturday);
  g_test_add_func ("/overlap/night-window", test_night_window);
  g_test_add_func ("/overlap/sunday-to-thursday", test_sunday_to_thursday);
  g_test_add_func ("/overlap/lord-howe", test_lord_howe);
  g_test_add_func ("/overlap/busy-calendar", test_busy_calendar);
  g_test_add_func ("/overlap/calendar-hostile-tzid", test_calendar_hostile_tzid);
  g_test_add_func ("/overlap/strip-calendar", test_strip_calendar);
  g_test_add_func ("/overlap/damaged-calendars", test_damaged_calendars);
  g_test_add_func ("/overlap/slots", test_slots);
  g_test_add_func ("/overlap/rotation", test_rotation);
  g_test_add_func ("/overlap/suggest-humane", test_suggest_humane);
  g_test_add_func ("/overlap/suggest-dst-week", test_suggest_dst_week);
  g_test_add_func ("/overlap/errors", test_errors);
  g_test_add_func ("/overlap/days-and-offsets", test_days_and_offsets);

  return g_test_run ();
}
