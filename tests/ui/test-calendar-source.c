/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lia-calendar.h"
#include "lia-http.h"
#include "lia-model.h"
#include "lia-test-radicale.h"
#include "lia-test-widgets.h"
#include "zones/lia-live-calendars.h"
#include "zones/lia-member-row.h"
#include "zones/lia-zones-view.h"

/* A member's live calendar under Xvfb: a subscription address set in the
 * member dialog (shown masked) against a loopback server, read when the
 * page refreshes, its busy hour in the heatmap's summary and the row's
 * "Calendar read"; Undo takes it away; a 404 in plain words on the row;
 * a CalDAV calendar found on a real Radicale (started here as
 * tests/sync/test-caldav.c does), a wrong password's words in the dialog,
 * the chosen calendar's busy times; and the saved file holds the address
 * but never the password.  "Now" and the day are fixed (2026-07-15, shown
 * in UTC) as in test-zones.c.  No keyring runs under the test session:
 * the password is kept for the session (lia-credentials). */

#define spin lia_test_spin
#define has_title lia_test_has_title
#define has_label lia_test_has_label

#define USER "alice"
#define PASSWORD "s3cret-pass"
#define SECRET_PATH "/calendar/ical/abc123secretkey456/basic.ics"

static const char workspace_json[] =
  "{\"format\": \"liaison-workspace\", \"version\": 1, \"title\": \"Zones\", \"members\": ["
  "{\"id\": \"5b0f6f2e-7d1c-4a55-9b39-0c0e0d6a1a01\", \"name\": \"Facilitator\", \"city\": \"London\","
  " \"timezone\": \"Europe/London\"}]}";

/* Busy 12:00-13:00 UTC on the planned Wednesday (13:00-14:00 in London). */
#define EVENT \
  "BEGIN:VEVENT\r\nUID:lunch@liaison.test\r\nDTSTAMP:20260101T000000Z\r\n" \
  "DTSTART:20260715T120000Z\r\nDTEND:20260715T130000Z\r\nSUMMARY:Lunch with the board\r\nEND:VEVENT\r\n"
#define CALENDAR \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison tests//EN\r\n" EVENT "END:VCALENDAR\r\n"

/* The summary with only working hours, and with the busy hour. */
#define FREE_SUMMARY "Facilitator works 08:00–17:00 (UTC)."

typedef struct
{
  LiaWindow    *window;
  LiaWorkspace *workspace;
  LiaZonesView *view;
  LiaHeatmap   *heatmap;
  SoupServer   *server;
  char         *url;     /* http://127.0.0.1:PORT */
  GPtrArray    *paused;  /* SoupServerMessage, answered never */
} Fixture;

/* ---- the subscription server (on this thread's main context) ------------ */

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  Fixture *f = data;

  if (g_str_has_prefix (path, "/slow/"))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (f->paused, g_object_ref (msg));
    }
  else if (g_str_equal (path, SECRET_PATH))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_STATIC, CALENDAR, strlen (CALENDAR));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  GDate date;

  lia_test_allow_missing_keyring ();

  f->paused = g_ptr_array_new_with_free_func (g_object_unref);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, server_cb, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));

  f->workspace = lia_workspace_new_from_data (workspace_json, strlen (workspace_json), "zones.liaison", &error);
  g_assert_no_error (error);
  f->window = g_object_new (LIA_TYPE_WINDOW, NULL);
  lia_window_set_workspace (f->window, f->workspace);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  lia_window_show_area (f->window, "zones");
  spin (300);

  f->view = LIA_ZONES_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_ZONES_VIEW));
  g_assert_nonnull (f->view);
  f->heatmap = lia_zones_view_get_heatmap (f->view);
  /* Now is fixed the day before the planned day (as test-zones.c). */
  lia_heatmap_set_now (f->heatmap, 1784030400);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_JULY, 2026);
  lia_zones_view_set_view_zone (f->view, "UTC");
  lia_zones_view_set_date (f->view, &date);
  spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_destroy_windows ();
  g_clear_object (&f->workspace);
  g_ptr_array_unref (f->paused);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->url);
}

/* ---- helpers ------------------------------------------------------------ */

/* lia_test_spin () also runs whatever is pending, which never ends while
 * a spinner turns (a read under way): this runs the loop for @ms only. */
static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static LiaMemberRow *
member_row (Fixture *f)
{
  GtkWidget *row = lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_MEMBER_ROW);

  g_assert_nonnull (row);
  return LIA_MEMBER_ROW (row);
}

static LiaMember *
member (Fixture *f)
{
  g_autoptr(LiaMember) m = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_members (f->workspace)), 0);

  return m;   /* the store keeps it */
}

/* Spins until the row has said something other than "Reading…". */
static const char *
wait_for_read (Fixture  *f,
               gboolean *is_error)
{
  const char *status = NULL;
  gboolean reading = TRUE;

  for (guint i = 0; i < 200; i++)
    {
      spin_for (50);
      status = lia_member_row_get_calendar_status (member_row (f), is_error, &reading);
      if (!reading && status[0] != '\0')
        break;
    }
  g_assert_false (reading);
  /* The page works out the plan again in an idle. */
  spin (100);
  return status;
}

static GtkWidget *
find (GtkWidget  *root,
      const char *title)
{
  GtkWidget *w = lia_test_find_widget (root, has_title, title);

  g_assert_nonnull (w);
  return w;
}

static LiaMemberDialog *
edit_dialog (Fixture *f,
             guint    source)
{
  LiaMemberDialog *dialog = lia_zones_view_edit_member (f->view, 0);

  g_assert_nonnull (dialog);
  spin (100);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), "Busy Times From")), source);
  spin (50);
  return dialog;
}

static void
save (LiaMemberDialog *dialog)
{
  GtkWidget *button = lia_test_find_widget (GTK_WIDGET (dialog), has_label, "_Save");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  lia_test_click (button);
  spin_for (100);
}

static void
set_subscription (Fixture    *f,
                  const char *address)
{
  LiaMemberDialog *dialog = edit_dialog (f, 2);
  GtkWidget *url_row = find (GTK_WIDGET (dialog), "Subscription Address (https:// or webcal://)");
  GtkWidget *shown = find (GTK_WIDGET (dialog), "Subscription");
  const char *subtitle;

  g_assert_true (gtk_widget_get_visible (url_row));
  g_assert_false (gtk_widget_get_visible (shown));
  gtk_editable_set_text (GTK_EDITABLE (url_row), address);
  g_signal_emit_by_name (url_row, "apply");
  spin (50);

  /* Accepted, then shown masked: the path is the calendar's password. */
  g_assert_false (gtk_widget_get_visible (url_row));
  g_assert_true (gtk_widget_get_visible (shown));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (shown));
  g_assert_null (strstr (subtitle, "abc123secretkey456"));
  g_assert_true (g_str_has_prefix (subtitle, f->url));
  save (dialog);
}

static gboolean
is_visible_label_with (GtkWidget     *widget,
                       gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_read_text (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 read = 1784112120;   /* 2026-07-15T10:42:00Z */
  g_autofree char *today = lia_calendar_read_text (read, read + 4 * 3600, utc);
  g_autofree char *later = lia_calendar_read_text (read, read + 86400, utc);

  g_assert_cmpstr (today, ==, "Calendar read 10:42");
  g_assert_cmpstr (later, ==, "Calendar read 15 Jul 10:42");
}

static void
test_subscription (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *address = g_strconcat (f->url, SECRET_PATH, NULL);
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  const char *summary;
  const char *status;
  gboolean is_error = TRUE;

  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==, FREE_SUMMARY);
  g_assert_cmpstr (lia_member_row_get_calendar_status (member_row (f), NULL, NULL), ==, "");

  set_subscription (f, address);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (member (f)), LIA_MEMBER_BUSY_SOURCE), ==, address);
  status = wait_for_read (f, &is_error);
  g_test_message ("row: %s", status);
  g_assert_true (g_str_has_prefix (status, "Calendar read "));
  g_assert_false (is_error);

  /* The busy hour splits the day. */
  summary = lia_heatmap_get_summary (f->heatmap);
  g_test_message ("summary: %s", summary);
  g_assert_cmpstr (summary, ==, "Facilitator works 08:00–12:00, 13:00–17:00 (UTC).");
  for (guint i = 0; i < lia_zones_view_get_n_slots (f->view); i++)
    {
      const LiaSlot *slot = lia_zones_view_get_slot (f->view, i);
      /* 2026-07-15T12:00Z: a slot over the busy hour says so. */
      if (slot->start < 1784116800 + 3600 && slot->end > 1784116800)
        g_assert_cmpint (slot->member_fit[0], ==, LIA_SLOT_FIT_BUSY);
    }

  /* Opened again, the address is shown masked until Change. */
  {
    LiaMemberDialog *dialog = lia_zones_view_edit_member (f->view, 0);
    GtkWidget *url_row, *shown;

    spin_for (100);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), "Busy Times From"))), ==, 2);
    url_row = find (GTK_WIDGET (dialog), "Subscription Address (https:// or webcal://)");
    shown = find (GTK_WIDGET (dialog), "Subscription");
    g_assert_false (gtk_widget_get_visible (url_row));
    g_assert_true (gtk_widget_get_visible (shown));
    g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (shown)), "abc123secretkey456"));
    lia_test_click (lia_test_find_widget (GTK_WIDGET (dialog), has_label, "C_hange…"));
    g_assert_true (gtk_widget_get_visible (url_row));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, address);
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin_for (50);
  }

  /* One undo step takes the source away, and its busy hour. */
  g_assert_cmpstr (lia_history_get_undo_label (history), ==, "Edit member");
  g_assert_true (lia_history_undo (history));
  spin (200);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (member (f)), LIA_MEMBER_BUSY_SOURCE), ==, "");
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==, FREE_SUMMARY);
  g_assert_cmpstr (lia_member_row_get_calendar_status (member_row (f), NULL, NULL), ==, "");

  /* Redo, and Ctrl+R's action reads it again. */
  g_assert_true (lia_history_redo (history));
  spin_for (100);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "zones.refresh-calendars", NULL);
  status = wait_for_read (f, &is_error);
  g_assert_true (g_str_has_prefix (status, "Calendar read "));
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==, "Facilitator works 08:00–12:00, 13:00–17:00 (UTC).");
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *address = g_strconcat (f->url, "/calendar/ical/gone/basic.ics", NULL);
  const char *status;
  gboolean is_error = FALSE;
  int minimum;

  set_subscription (f, address);
  status = wait_for_read (f, &is_error);
  g_assert_cmpstr (status, ==, "Calendar not read: calendar not found (404)");
  g_assert_true (is_error);
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==, FREE_SUMMARY);

  /* The row's longest words still fit a phone's 360 px. */
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
test_bad_address (Fixture       *f,
                  gconstpointer  data)
{
  LiaMemberDialog *dialog = edit_dialog (f, 2);
  GtkWidget *url_row = find (GTK_WIDGET (dialog), "Subscription Address (https:// or webcal://)");
  GtkWidget *save_button = lia_test_find_widget (GTK_WIDGET (dialog), has_label, "_Save");

  /* Nothing to save until an address is accepted. */
  g_assert_false (gtk_widget_get_sensitive (save_button));
  gtk_editable_set_text (GTK_EDITABLE (url_row), "http://calendar.example.com/basic.ics");
  g_signal_emit_by_name (url_row, "apply");
  spin (50);
  g_assert_true (gtk_widget_get_visible (url_row));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (dialog), is_visible_label_with,
                                          "Plain http:// is only for a server on this computer: use https://."));
  g_assert_false (gtk_widget_get_sensitive (save_button));
}

/* A read under way stops when the page is hidden, and starts again when
 * it is shown. */
static void
test_cancel_when_hidden (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *slow = g_strconcat (f->url, "/slow/basic.ics", NULL);
  GtkWidget *refresh;
  gboolean reading = FALSE;
  gboolean is_error = TRUE;
  guint asked;

  /* No live calendar: no Refresh button. */
  refresh = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_tooltip, "Refresh Calendars (Ctrl+R)");
  g_assert_nonnull (refresh);
  g_assert_false (gtk_widget_get_visible (refresh));

  /* The server holds the answer back: the row says it is reading. */
  set_subscription (f, slow);
  spin_for (300);
  g_assert_cmpstr (lia_member_row_get_calendar_status (member_row (f), &is_error, &reading), ==, "Reading calendar…");
  g_assert_true (reading);
  g_assert_false (is_error);
  g_assert_cmpuint (f->paused->len, >=, 1);
  g_assert_true (gtk_widget_get_visible (refresh));

  /* Hidden: the read stops, and nothing is said about the calendar. */
  lia_window_show_area (f->window, "requirements");
  spin_for (300);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_cmpstr (lia_member_row_get_calendar_status (member_row (f), &is_error, &reading), ==, "");
  g_assert_false (reading);

  /* Shown again: read again. */
  asked = f->paused->len;
  lia_window_show_area (f->window, "zones");
  spin_for (300);
  lia_member_row_get_calendar_status (member_row (f), NULL, &reading);
  g_assert_true (reading);
  g_assert_cmpuint (f->paused->len, >, asked);

  /* The window goes away with the read under way (the tear-down). */
  lia_window_show_area (f->window, "requirements");
  spin_for (100);
}

/* Find Calendars shows a spinner and can be stopped. */
static void
test_find_stop (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *slow = g_strconcat (f->url, "/slow/dav/", NULL);
  LiaMemberDialog *dialog = edit_dialog (f, 3);
  GtkWidget *spinner = lia_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPINNER);
  GtkWidget *find_button = lia_test_find_widget (GTK_WIDGET (dialog), has_label, "_Find Calendars");
  GtkWidget *stop = lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_tooltip, "Stop Finding Calendars");

  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "CalDAV Server")), slow);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "User")), USER);
  lia_test_click (find_button);
  spin_for (300);
  g_assert_cmpuint (f->paused->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_sensitive (find_button));
  g_assert_true (gtk_widget_get_visible (stop));

  lia_test_click (stop);
  spin_for (200);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_visible (stop));
  g_assert_true (gtk_widget_get_sensitive (find_button));
  g_assert_null (lia_test_find_widget (GTK_WIDGET (dialog), is_visible_label_with, "No calendars found"));
}

/* Each row of the Calendar group, in each mode, fits 360 px (the dialog's
 * Days row is measured by test-zones, not here). */
static void
test_dialog_narrow (Fixture       *f,
                    gconstpointer  data)
{
  LiaMemberDialog *dialog = edit_dialog (f, 0);
  const char *titles[] = { "Busy Times From", "Calendar File", "Subscription Address (https:// or webcal://)",
                           "Subscription", "CalDAV Server", "User", "Password or App Token",
                           "Calendars on the Server", "CalDAV Calendar" };

  for (guint mode = 0; mode < 4; mode++)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), "Busy Times From")), mode);
      spin (50);
      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          GtkWidget *row = find (GTK_WIDGET (dialog), titles[i]);
          int minimum;

          if (!gtk_widget_get_visible (row))
            continue;
          gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_test_message ("mode %u, %s: %d", mode, titles[i], minimum);
          g_assert_cmpint (minimum, <=, 360 - 24);
        }
    }
}

/* ---- CalDAV against Radicale -------------------------------------------- */

static LiaTestRadicale *radicale;

/* Radicale with one user and a "Work" calendar holding the event. */
static void
radicale_start (void)
{
  radicale = lia_test_radicale_start (USER, PASSWORD);
  lia_test_radicale_dav (radicale, "MKCALENDAR", "/alice/work/", "application/xml; charset=utf-8",
                         "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                         "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop>"
                         "<D:displayname>Work</D:displayname>"
                         "<C:supported-calendar-component-set><C:comp name=\"VEVENT\"/></C:supported-calendar-component-set>"
                         "</D:prop></D:set></C:mkcalendar>", 201);
  lia_test_radicale_dav (radicale, "PUT", "/alice/work/lunch.ics", "text/calendar; charset=utf-8", CALENDAR, 201);
}

static void
radicale_stop (void)
{
  g_clear_pointer (&radicale, lia_test_radicale_stop);
}

static void
find_calendars (LiaMemberDialog *dialog,
                const char      *password)
{
  GtkWidget *spinner = lia_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPINNER);

  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "Password or App Token")), password);
  lia_test_click (lia_test_find_widget (GTK_WIDGET (dialog), has_label, "_Find Calendars"));
  /* Under way: a spinner, and a way to stop. */
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_get_visible (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_tooltip,
                                                               "Stop Finding Calendars")));
  for (guint i = 0; i < 200 && gtk_widget_get_visible (spinner); i++)
    spin_for (50);
  g_assert_false (gtk_widget_get_visible (spinner));
}

static void
test_caldav (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  LiaMemberDialog *dialog;
  GtkWidget *calendar_row;
  const char *status;
  gboolean is_error = TRUE;

  expected = g_strconcat ("caldav:", radicale->url, "/alice/work/", NULL);

  dialog = edit_dialog (f, 3);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "CalDAV Server")), radicale->url);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "User")), USER);
  calendar_row = find (GTK_WIDGET (dialog), "CalDAV Calendar");
  g_assert_false (gtk_widget_get_visible (calendar_row));

  /* A wrong password: the server's refusal in plain words. */
  find_calendars (dialog, "not-the-password");
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (dialog), is_visible_label_with,
                                          "did not accept the user name or password (401)"));
  g_assert_false (gtk_widget_get_visible (calendar_row));

  /* The right one: the seeded calendar, chosen. */
  find_calendars (dialog, PASSWORD);
  g_assert_true (gtk_widget_get_visible (calendar_row));
  {
    GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (calendar_row));
    g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Work");
  }
  save (dialog);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (member (f)), LIA_MEMBER_BUSY_SOURCE), ==, expected);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (member (f)), LIA_MEMBER_BUSY_USER), ==, USER);

  status = wait_for_read (f, &is_error);
  g_test_message ("row: %s", status);
  g_assert_true (g_str_has_prefix (status, "Calendar read "));
  g_assert_false (is_error);
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==, "Facilitator works 08:00–12:00, 13:00–17:00 (UTC).");

  /* Opened again, Find Calendars needs no password typed: the one kept
   * for the member's calendar is used. */
  dialog = lia_zones_view_edit_member (f->view, 0);
  spin_for (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "User"))), ==, USER);
  calendar_row = find (GTK_WIDGET (dialog), "CalDAV Calendar");
  find_calendars (dialog, "");
  g_assert_null (lia_test_find_widget (GTK_WIDGET (dialog), is_visible_label_with, "No calendars found"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (calendar_row))), 0),
                   ==, "Work");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin_for (50);

  /* The file names the calendar and the user, never the password. */
  text = lia_workspace_to_data (f->workspace, NULL);
  g_assert_nonnull (strstr (text, expected));
  g_assert_null (strstr (text, PASSWORD));
  g_assert_null (strstr (text, "not-the-password"));
}

static void
test_file_has_no_secret (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *address = g_strconcat (f->url, SECRET_PATH, NULL);
  g_autofree char *dir = g_dir_make_tmp ("liaison-calendar-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  set_subscription (f, address);
  wait_for_read (f, NULL);
  g_assert_true (lia_workspace_save (f->workspace, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  /* The subscription's address is the calendar itself: the file keeps it
   * (the dialog masks it); what was read (titles) never reaches it. */
  g_assert_nonnull (strstr (saved, address));
  g_assert_null (strstr (saved, "Lunch with the board"));
  lia_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("liaison-calendar-cache-XXXXXX", NULL);
  int result;

  /* The calendars' cache goes to a folder of this run's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_unsetenv ("LIAISON_CALDAV_PASSWORD");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/ui/calendar-source/read-text", test_read_text);
  ADD ("/ui/calendar-source/subscription", test_subscription);
  ADD ("/ui/calendar-source/not-found", test_not_found);
  ADD ("/ui/calendar-source/bad-address", test_bad_address);
  ADD ("/ui/calendar-source/cancel-when-hidden", test_cancel_when_hidden);
  ADD ("/ui/calendar-source/dialog-narrow", test_dialog_narrow);
  ADD ("/ui/calendar-source/find-stop", test_find_stop);
  ADD ("/ui/calendar-source/caldav", test_caldav);
  ADD ("/ui/calendar-source/file-has-no-secret", test_file_has_no_secret);
#undef ADD

  radicale_start ();
  result = g_test_run ();
  radicale_stop ();
  lia_test_remove_tree (cache);
  return result;
}
