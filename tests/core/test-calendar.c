/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A member's busy source: which addresses the file holds, how a secret
 * address is shown, and several CalDAV answers read as one calendar. */
#include <glib.h>
#include <string.h>

#include "lia-calendar.h"
#include "lia-field-check.h"
#include "lia-model.h"
#include "lia-slots.h"

static void
test_source_kind (void)
{
  struct { const char *source; LiaCalendarSourceKind kind; const char *url; } cases[] = {
    { "", LIA_CALENDAR_SOURCE_NONE, NULL },
    { "https://calendar.google.com/calendar/ical/x/private-1/basic.ics", LIA_CALENDAR_SOURCE_SUBSCRIPTION,
      "https://calendar.google.com/calendar/ical/x/private-1/basic.ics" },
    { "webcal://p01-caldav.icloud.com/published/2/AbC", LIA_CALENDAR_SOURCE_SUBSCRIPTION,
      "https://p01-caldav.icloud.com/published/2/AbC" },
    { "webcals://example.org/a.ics", LIA_CALENDAR_SOURCE_SUBSCRIPTION, "https://example.org/a.ics" },
    { "http://127.0.0.1:8080/a.ics", LIA_CALENDAR_SOURCE_SUBSCRIPTION, "http://127.0.0.1:8080/a.ics" },
    { "caldav:https://cloud.example.org/remote.php/dav/calendars/alice/work/", LIA_CALENDAR_SOURCE_CALDAV,
      "https://cloud.example.org/remote.php/dav/calendars/alice/work/" },
    /* Not addresses, or addresses with something secret in them. */
    { "caldav:webcal://example.org/", LIA_CALENDAR_SOURCE_INVALID, NULL },
    { "https://alice:secret@example.org/a.ics", LIA_CALENDAR_SOURCE_INVALID, NULL },
    { "caldav:https://alice@example.org/", LIA_CALENDAR_SOURCE_INVALID, NULL },
    { "https://example.org/a b.ics", LIA_CALENDAR_SOURCE_INVALID, NULL },
    { "https:///a.ics", LIA_CALENDAR_SOURCE_INVALID, NULL },
    { "ftp://example.org/a.ics", LIA_CALENDAR_SOURCE_INVALID, NULL },
    { "/home/alice/work.ics", LIA_CALENDAR_SOURCE_INVALID, NULL },
    { "HTTPS://example.org/a.ics", LIA_CALENDAR_SOURCE_INVALID, NULL },
  };
  g_autoptr(LiaMember) member = lia_member_new ();
  const LiaFieldSpec *spec = lia_entity_get_field_spec (LIA_ENTITY (member), LIA_MEMBER_BUSY_SOURCE);
  g_autoptr(GRegex) pattern = g_regex_new ("^((https?|webcals?|caldav:https?)://[^\\s/?#@]+([/?#]\\S*)?)?$",
                                           0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = lia_calendar_source_to_url (cases[i].source);
      g_autoptr(GError) error = NULL;
      gboolean valid = cases[i].kind != LIA_CALENDAR_SOURCE_INVALID;

      g_test_message ("%s", cases[i].source);
      g_assert_cmpint (lia_calendar_source_kind (cases[i].source), ==, cases[i].kind);
      g_assert_cmpstr (url, ==, cases[i].url);
      /* The rule book and the schema's pattern say the same. */
      g_assert_cmpint (lia_field_spec_check_text (spec, cases[i].source, &error), ==, valid);
      g_assert_cmpint (g_regex_match (pattern, cases[i].source, 0, NULL), ==, valid);
    }
}

static void
test_source_mask (void)
{
  struct { const char *url; const char *shown; } cases[] = {
    { "https://calendar.google.com/calendar/ical/alice%40example.com/private-0123abcd/basic.ics",
      "https://calendar.google.com/…/basic.ics" },
    { "webcal://outlook.office365.com/owa/calendar/9f8e@example.com/4d3c2b1a/calendar.ics",
      "webcal://outlook.office365.com/…/calendar.ics" },
    { "https://calendar.proton.me/api/calendar/v1/url/Zm9v/calendar.ics?CacheKey=k&PassphraseKey=p",
      "https://calendar.proton.me/…/calendar.ics" },
    { "https://cloud.example.org/remote.php/dav/public-calendars/k3y5?export", "https://cloud.example.org/…" },
    { "https://example.org/secret2026.ics", "https://example.org/…" },
    { "https://example.org/?token=abc", "https://example.org/?…" },
    { "http://127.0.0.1:5232/feed", "http://127.0.0.1:5232/…" },
    { "caldav:https://dav.example.org:8443/alice/work/", "caldav:https://dav.example.org:8443/alice/work/" },
    { "not a url", "…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = lia_calendar_source_mask (cases[i].url);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

#define EVENT(uid, start, end, extra) \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" \
  "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n" \
  "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" \
  "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n" \
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n" \
  "BEGIN:VEVENT\r\nUID:" uid "\r\nSUMMARY:Secret project " uid "\r\nDTSTART;TZID=Europe/Berlin:" start "\r\n" \
  "DTEND;TZID=Europe/Berlin:" end "\r\n" extra "END:VEVENT\r\nEND:VCALENDAR\r\n"

/* CalDAV answers one calendar per event, each with its zones: read as one,
 * the busy times are those of all, titles gone, each zone once. */
static void
test_merge (void)
{
  const char *texts[] = {
    EVENT ("a", "20260112T100000", "20260112T110000", ""),
    EVENT ("b", "20260113T150000", "20260113T160000", "RRULE:FREQ=DAILY;COUNT=2\r\n"),
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = lia_calendar_merge (texts, &error);
  g_autoptr(LiaTzMember) member = lia_tz_member_new ("Berlin", "Europe/Berlin", NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (LiaSpan));
  LiaCalendar *calendar;
  const char *bad[] = { texts[0], "<html>sign in</html>", NULL };

  g_assert_no_error (error);
  g_assert_null (strstr (merged, "Secret"));
  g_assert_nonnull (strstr (merged, "UID:a"));
  g_assert_nonnull (strstr (merged, "UID:b"));
  g_assert_true (strstr (merged, "TZID:Europe/Berlin") == g_strrstr (merged, "TZID:Europe/Berlin"));

  calendar = lia_calendar_parse (merged, &error);
  g_assert_no_error (error);
  lia_calendar_expand (calendar, lia_tz_member_get_zone (member), 1768176000 /* 2026-01-12 */,
                       1768176000 + 7 * 86400, spans);
  lia_calendar_free (calendar);
  g_assert_cmpuint (spans->len, ==, 3);

  g_clear_pointer (&merged, g_free);
  merged = lia_calendar_merge (bad, &error);
  g_assert_null (merged);
  g_assert_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_CALENDAR);
}

/* The stored calendar stands for the member only while no live source is
 * set: a subscribed member's busy times come from the fetch. */
static void
test_source_replaces_stored (void)
{
  g_autoptr(LiaMember) entity = lia_member_new ();
  g_autoptr(LiaTzMember) with_file = NULL;
  g_autoptr(LiaTzMember) with_source = NULL;
  gint64 inside = 1768212000; /* 2026-01-12T10:00Z, 11:00 in Berlin */

  lia_entity_set_string (LIA_ENTITY (entity), LIA_MEMBER_NAME, "Berlin");
  lia_entity_set_string (LIA_ENTITY (entity), LIA_MEMBER_TIMEZONE, "Europe/Berlin");
  lia_entity_set_string (LIA_ENTITY (entity), LIA_MEMBER_BUSY_CALENDAR,
                         EVENT ("a", "20260112T100000", "20260112T120000", ""));
  with_file = lia_tz_member_new_from_entity (entity, NULL);
  g_assert_cmpint (lia_tz_member_state_at (with_file, inside), ==, LIA_TZ_STATE_BUSY);

  lia_entity_set_string (LIA_ENTITY (entity), LIA_MEMBER_BUSY_SOURCE, "webcal://example.org/a.ics");
  with_source = lia_tz_member_new_from_entity (entity, NULL);
  g_assert_cmpint (lia_tz_member_state_at (with_source, inside), !=, LIA_TZ_STATE_BUSY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/source-kind", test_source_kind);
  g_test_add_func ("/calendar/source-mask", test_source_mask);
  g_test_add_func ("/calendar/merge", test_merge);
  g_test_add_func ("/calendar/source-replaces-stored", test_source_replaces_stored);
  return g_test_run ();
}
