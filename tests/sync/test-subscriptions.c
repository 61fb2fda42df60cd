/* SPDX-License-Identifier: GPL-3.0-or-later */
/* iCalendar subscriptions against a SoupServer on 127.0.0.1: an unchanged
 * calendar costs a 304 and is read from the cache, redirects go to https
 * (or stay on this computer) only, a calendar over 10 MB and one that is
 * no calendar are refused in plain words, and a slow server can be
 * cancelled. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/wait.h>

#include "lia-calendar-source.h"
#include "lia-calendar.h"
#include "lia-dav.h"
#include "lia-tz-member.h"

#define CALENDAR \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison tests//EN\r\n" \
  "BEGIN:VEVENT\r\nUID:one@liaison.test\r\nDTSTAMP:20260101T000000Z\r\n" \
  "DTSTART:20260112T090000Z\r\nDTEND:20260112T100000Z\r\nSUMMARY:Private dentist visit\r\n" \
  "END:VEVENT\r\nEND:VCALENDAR\r\n"

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *soup;
  char         *url;

  GMutex        lock;
  GCond         ready;
  /* What the handler answers, set by the test before a request. */
  const char   *body;
  gsize         body_size;
  const char   *etag;
  const char   *location;
  guint         status;
  gboolean      chunked;
  gboolean      hang;
  gboolean      caldav;       /* answer as a CalDAV calendar that offers free-busy */
  char         *report;       /* the last REPORT's body */
  /* What it saw. */
  guint         requests;
  char         *if_none_match;
  GPtrArray    *paused;
} Server;

static void
server_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
  const char *condition = soup_message_headers_get_one (in, "If-None-Match");

  g_mutex_lock (&server->lock);
  server->requests++;
  g_free (server->if_none_match);
  server->if_none_match = g_strdup (condition);
  g_mutex_unlock (&server->lock);

  if (server->caldav)
    {
      SoupMessageBody *request = soup_server_message_get_request_body (msg);
      static const char propfind[] =
        "<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\" xmlns:CS=\"http://calendarserver.org/ns/\">"
        "<D:response><D:href>/cal/</D:href><D:propstat><D:prop>"
        "<D:resourcetype><D:collection/><C:calendar xmlns:C=\"urn:ietf:params:xml:ns:caldav\"/></D:resourcetype>"
        "<CS:getctag>42</CS:getctag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>"
        "<D:propstat><D:prop><D:sync-token/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>"
        "</D:response></D:multistatus>";
      /* RFC 4791, 7.10.1's example, in the planned days. */
      static const char freebusy[] =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp.//CalDAV Server//EN\r\n"
        "BEGIN:VFREEBUSY\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART:20260111T000000Z\r\nDTEND:20260114T000000Z\r\n"
        "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20260112T090000Z/PT1H\r\n"
        "FREEBUSY:20260112T130000Z/20260112T140000Z,20260112T150000Z/20260112T153000Z\r\n"
        "FREEBUSY;FBTYPE=FREE:20260112T160000Z/20260112T170000Z\r\n"
        "END:VFREEBUSY\r\nEND:VCALENDAR\r\n";

      if (g_str_equal (soup_server_message_get_method (msg), "PROPFIND"))
        {
          soup_server_message_set_status (msg, 207, NULL);
          soup_server_message_set_response (msg, "application/xml", SOUP_MEMORY_STATIC, propfind, strlen (propfind));
        }
      else
        {
          g_free (server->report);
          server->report = g_strndup (request->data, request->length);
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_STATIC, freebusy, strlen (freebusy));
        }
      return;
    }
  if (server->hang)
    {
      /* Never answered while the test runs: the client must give up. */
      soup_server_message_pause (msg);
      g_ptr_array_add (server->paused, g_object_ref (msg));
      return;
    }
  if (server->location != NULL && !g_str_equal (path, "/moved-here.ics"))
    {
      soup_message_headers_replace (out, "Location", server->location);
      soup_server_message_set_status (msg, 302, NULL);
      return;
    }
  if (server->status != 0 && server->status != 200)
    {
      soup_server_message_set_status (msg, server->status, NULL);
      return;
    }
  if (server->etag != NULL)
    {
      soup_message_headers_replace (out, "ETag", server->etag);
      if (g_strcmp0 (condition, server->etag) == 0)
        {
          soup_server_message_set_status (msg, 304, NULL);
          return;
        }
    }
  soup_server_message_set_status (msg, 200, NULL);
  if (server->chunked)
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_message_headers_set_encoding (out, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (body, SOUP_MEMORY_STATIC, server->body, server->body_size);
      soup_message_body_complete (body);
    }
  else
    soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_STATIC, server->body, server->body_size);
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  g_main_context_push_thread_default (server->context);
  server->soup = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->soup, NULL, server_cb, server, NULL);
  soup_server_listen_local (server->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->soup);
  g_mutex_lock (&server->lock);
  server->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&server->ready);
  g_mutex_unlock (&server->lock);
  g_main_loop_run (server->loop);
  g_ptr_array_set_size (server->paused, 0);
  g_clear_object (&server->soup);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static Server *
server_new (void)
{
  Server *server = g_new0 (Server, 1);

  server->body = CALENDAR;
  server->body_size = strlen (CALENDAR);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->paused = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&server->lock);
  g_cond_init (&server->ready);
  g_mutex_lock (&server->lock);
  server->thread = g_thread_new ("calendar-server", server_thread, server);
  while (server->url == NULL)
    g_cond_wait (&server->ready, &server->lock);
  g_mutex_unlock (&server->lock);
  return server;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_free (Server *server)
{
  g_main_context_invoke (server->context, quit_cb, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_ptr_array_unref (server->paused);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->ready);
  g_free (server->url);
  g_free (server->if_none_match);
  g_free (server->report);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Server, server_free)

static guint
server_requests (Server *server)
{
  guint n;

  g_mutex_lock (&server->lock);
  n = server->requests;
  g_mutex_unlock (&server->lock);
  return n;
}

typedef struct
{
  char    *cache;
  LiaHttp *http;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->cache = g_dir_make_tmp ("liaison-subscriptions-XXXXXX", NULL);
  fixture->http = lia_http_new ();
  lia_http_set_timeout (fixture->http, 5);
  lia_http_set_retry (fixture->http, 1, 10, 50);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->cache);
  g_free (fixture->cache);
  g_object_unref (fixture->http);
}

static LiaCalendarSource *
subscription (Fixture    *fixture,
              const char *url)
{
  LiaCalendarSource *source = lia_calendar_source_new (fixture->http, url, NULL);

  lia_calendar_source_set_cache_dir (source, fixture->cache);
  return source;
}

static char *
read_range (LiaCalendarSource  *source,
            GError            **error)
{
  /* 2026-01-12 to 2026-01-13 UTC: a subscription is read whole anyway. */
  return lia_calendar_source_read (source, 1768176000, 1768262400, NULL, error);
}

static void
test_not_modified (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Server) server = server_new ();
  g_autofree char *url = g_strconcat (server->url, "/alice.ics", NULL);
  g_autoptr(LiaCalendarSource) first = subscription (fixture, url);
  g_autoptr(LiaCalendarSource) second = subscription (fixture, url);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr(LiaTzMember) member = lia_tz_member_parse ("London=Europe/London,08:00-18:00,Mon-Fri", NULL);

  server->etag = "\"v1\"";
  a = read_range (first, &error);
  g_assert_no_error (error);
  g_assert_false (lia_calendar_source_get_from_cache (first));
  g_assert_null (strstr (a, "dentist"));
  g_assert_null (server->if_none_match);
  g_assert_true (lia_tz_member_add_calendar (member, a, &error));
  g_assert_cmpint (lia_tz_member_state_at (member, 1768208400 /* 09:00Z */), ==, LIA_TZ_STATE_BUSY);

  /* The next start of the app asks with the ETag and reads its cache. */
  b = read_range (second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (server->if_none_match, ==, "\"v1\"");
  g_assert_true (lia_calendar_source_get_from_cache (second));
  g_assert_cmpstr (b, ==, a);
  g_assert_cmpuint (server_requests (server), ==, 2);

  /* A changed calendar is read again. */
  server->etag = "\"v2\"";
  server->body = CALENDAR "\r\n";
  server->body_size = strlen (server->body);
  c = read_range (second, &error);
  g_assert_no_error (error);
  g_assert_false (lia_calendar_source_get_from_cache (second));
}

static void
test_redirects (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Server) server = server_new ();
  g_autoptr(Server) other = server_new ();
  g_autofree char *url = g_strconcat (server->url, "/alice.ics", NULL);
  g_autofree char *there = g_strconcat (other->url, "/moved-here.ics", NULL);
  g_autoptr(LiaCalendarSource) source = subscription (fixture, url);
  g_autoptr(GError) error = NULL;
  g_autofree char *busy = NULL;

  /* From this computer to this computer: followed. */
  server->location = there;
  busy = read_range (source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (server_requests (other), ==, 1);

  /* To plain http elsewhere: refused, and nothing is sent there. */
  server->location = "http://calendar.example.org/alice.ics";
  g_clear_pointer (&busy, g_free);
  busy = read_range (source, &error);
  g_assert_null (busy);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "not https"));
  g_assert_cmpstr (lia_calendar_source_get_error (source), ==, error->message);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Server) server = server_new ();
  g_autofree char *url = g_strconcat (server->url, "/huge.ics", NULL);
  gsize size = LIA_CALENDAR_MAX_SIZE + 4096;
  g_autofree char *huge = g_malloc (size);

  memcpy (huge, CALENDAR, strlen (CALENDAR));
  memset (huge + strlen (CALENDAR), '\n', size - strlen (CALENDAR));
  server->body = huge;
  server->body_size = size;
  for (guint chunked = 0; chunked < 2; chunked++)
    {
      g_autoptr(LiaCalendarSource) source = subscription (fixture, url);
      g_autoptr(GError) error = NULL;
      g_autofree char *busy = NULL;

      server->chunked = chunked;
      busy = read_range (source, &error);
      g_assert_null (busy);
      g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_TOO_LARGE);
      g_assert_cmpstr (error->message, ==, "the calendar is larger than 10 MB");
    }
}

static void
test_not_a_calendar (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char binary[] = "BEGIN:VCALENDAR\r\n\0\x01\x02";
  struct { const char *body; gsize size; } cases[] = {
    { "<!DOCTYPE html><html><body>Sign in to see this calendar</body></html>", 0 },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:2026", 0 },
    { binary, sizeof binary },
    { "", 0 },
  };
  g_autoptr(Server) server = server_new ();
  g_autofree char *url = g_strconcat (server->url, "/alice.ics", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaCalendarSource) source = subscription (fixture, url);
      g_autoptr(GError) error = NULL;
      g_autofree char *busy = NULL;

      server->body = cases[i].body;
      server->body_size = cases[i].size ? cases[i].size : strlen (cases[i].body);
      busy = read_range (source, &error);
      g_assert_null (busy);
      g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
      g_assert_true (g_str_has_prefix (error->message, "not an iCalendar file"));
    }

  server->status = 404;
  {
    g_autoptr(LiaCalendarSource) source = subscription (fixture, url);
    g_autoptr(GError) error = NULL;
    g_autofree char *busy = read_range (source, &error);

    g_assert_null (busy);
    g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "calendar not found (404)");
  }
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  char      *busy;
  guint      notified;
} Wait;

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->busy = lia_calendar_source_read_finish (LIA_CALENDAR_SOURCE (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Wait *wait = user_data;

  /* Views bind to these: they change in the main context only. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  wait->notified++;
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_slow_server_cancel (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(Server) server = server_new ();
  g_autofree char *url = g_strconcat (server->url, "/alice.ics", NULL);
  g_autoptr(LiaCalendarSource) source = subscription (fixture, url);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0 };
  gint64 start;

  /* The window is not blocked and learns the outcome in its context. */
  g_signal_connect (source, "notify::last-read", G_CALLBACK (notified_cb), &wait);
  lia_calendar_source_read_async (source, 1768176000, 1768262400, NULL, read_cb, &wait);
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.busy);
  g_assert_cmpuint (wait.notified, ==, 1);
  g_clear_pointer (&wait.busy, g_free);

  server->hang = TRUE;
  start = g_get_monotonic_time ();
  lia_calendar_source_read_async (source, 1768176000, 1768262400, cancellable, read_cb, &wait);
  g_timeout_add (200, cancel_cb, cancellable);
  g_main_loop_run (wait.loop);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (wait.busy);
  /* Well before the 5 s timeout; a cancelled read is not an error to show. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_null (lia_calendar_source_get_error (source));
  g_assert_cmpuint (wait.notified, ==, 1);
  g_clear_error (&wait.error);
  g_main_loop_unref (wait.loop);
}

/* A server that offers free-busy (RFC 4791, 7.10) is asked that only, so
 * no event details leave it; busy and tentative periods count, free ones
 * do not.  Its ctag unchanged, the next read is the cache. */
static void
test_caldav_freebusy (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Server) server = server_new ();
  g_autofree char *source = g_strconcat ("caldav:", server->url, "/cal/", NULL);
  g_autoptr(LiaCalendarSource) calendar = lia_calendar_source_new (fixture->http, source, "alice");
  g_autoptr(LiaTzMember) member = lia_tz_member_parse ("London=Europe/London,08:00-18:00,Mon-Fri", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *busy = NULL;
  g_autofree char *again = NULL;

  server->caldav = TRUE;
  lia_calendar_source_set_secret (calendar, "pw");
  lia_calendar_source_set_cache_dir (calendar, fixture->cache);
  busy = read_range (calendar, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (server->report, "free-busy-query"));
  g_assert_nonnull (strstr (server->report, "start=\"20260111T000000Z\" end=\"20260114T000000Z\""));
  g_assert_true (lia_tz_member_add_calendar (member, busy, &error));
  g_assert_cmpint (lia_tz_member_state_at (member, 1768208400 + 1800 /* 09:30Z */), ==, LIA_TZ_STATE_BUSY);
  g_assert_cmpint (lia_tz_member_state_at (member, 1768222800 + 1800 /* 13:30Z */), ==, LIA_TZ_STATE_BUSY);
  g_assert_cmpint (lia_tz_member_state_at (member, 1768230000 + 600 /* 15:10Z */), ==, LIA_TZ_STATE_BUSY);
  g_assert_cmpint (lia_tz_member_state_at (member, 1768230000 + 2400 /* 15:40Z */), ==, LIA_TZ_STATE_WORKING);
  g_assert_cmpint (lia_tz_member_state_at (member, 1768233600 + 1800 /* 16:30Z */), ==, LIA_TZ_STATE_WORKING);
  g_assert_cmpuint (server_requests (server), ==, 2);

  again = read_range (calendar, &error);
  g_assert_no_error (error);
  g_assert_true (lia_calendar_source_get_from_cache (calendar));
  g_assert_cmpstr (again, ==, busy);
  g_assert_cmpuint (server_requests (server), ==, 3);
}

/* Multistatus as servers spell it: any prefix or a default namespace,
 * calendar data in CDATA, a property in a 404 propstat left out; what is
 * not a multistatus (or nests without end) is refused, not crashed on. */
static void
test_dav_xml (void)
{
  static const char spelled[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<multistatus xmlns=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\">"
    "<response><href>/a/1.ics</href><propstat><prop><getetag>\"1\"</getetag>"
    "<cal:calendar-data><![CDATA[BEGIN:VCALENDAR\r\nX-A:<b>&amp;\r\nEND:VCALENDAR\r\n]]></cal:calendar-data>"
    "</prop><status>HTTP/1.1 200 OK</status></propstat>"
    "<propstat><prop><displayname>leaked</displayname></prop><status>HTTP/1.1 404 Not Found</status></propstat>"
    "</response>"
    "<x:response xmlns:x=\"DAV:\"><x:href>/a/</x:href><x:propstat><x:prop><x:resourcetype><x:collection/>"
    "<c:calendar xmlns:c=\"urn:ietf:params:xml:ns:caldav\"/></x:resourcetype>"
    "<c:supported-calendar-component-set xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><c:comp name=\"VTODO\"/>"
    "</c:supported-calendar-component-set>"
    "<q:displayname>not DAV's</q:displayname></x:prop></x:propstat></x:response>"
    "</multistatus>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (spelled, sizeof spelled - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = lia_dav_parse_multistatus (bytes, &error);
  g_autoptr(GString) deep = g_string_new ("<d:multistatus xmlns:d=\"DAV:\">");
  LiaDavResponse *first, *second;
  const char *refused[] = { "<html><body>Sign in</body></html>", "<d:multistatus xmlns:d=\"DAV:\"><d:response>",
                            "", NULL };

  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 2);
  first = g_ptr_array_index (responses, 0);
  second = g_ptr_array_index (responses, 1);
  g_assert_cmpstr (lia_dav_response_get_href_self (first), ==, "/a/1.ics");
  g_assert_cmpstr (lia_dav_response_get (first, LIA_DAV_NS_CALDAV, "calendar-data"), ==,
                   "BEGIN:VCALENDAR\r\nX-A:<b>&amp;\r\nEND:VCALENDAR\r\n");
  g_assert_cmpstr (lia_dav_response_get (first, LIA_DAV_NS_DAV, "getetag"), ==, "\"1\"");
  g_assert_null (lia_dav_response_get (first, LIA_DAV_NS_DAV, "displayname"));
  g_assert_true (lia_dav_response_supports_events (first));
  g_assert_true (lia_dav_response_has_type (second, LIA_DAV_NS_CALDAV, "calendar"));
  g_assert_false (lia_dav_response_supports_events (second));
  g_assert_null (lia_dav_response_get (second, LIA_DAV_NS_DAV, "displayname"));

  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "<d:prop>");
  refused[3] = deep->str;
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GBytes) bad = g_bytes_new (refused[i], strlen (refused[i]));
      g_autoptr(GPtrArray) none = lia_dav_parse_multistatus (bad, &error);

      g_assert_null (none);
      g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
      g_clear_error (&error);
    }
}

/* liaison-cli, with the cache in the fixture's folder. */
static char *
run_cli (Fixture     *fixture,
         const char **args,
         int         *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_CACHE_HOME", fixture->cache, TRUE);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LIAISON_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return out;
}

/* overlap and slots read a subscription given with --busy, and a
 * workspace member's busy_source, as they read the same file. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(Server) server = server_new ();
  g_autofree char *url = g_strconcat (server->url, "/alice.ics", NULL);
  g_autofree char *file = g_build_filename (fixture->cache, "alice.ics", NULL);
  g_autofree char *workspace = g_build_filename (fixture->cache, "team.liaison", NULL);
  g_autofree char *workspace_text = NULL;
  g_autofree char *busy_file = g_strconcat ("London=", file, NULL);
  g_autofree char *busy_url = g_strconcat ("London=", url, NULL);
  g_autofree char *missing = g_strconcat ("London=", server->url, "/gone.ics", NULL);
  const char *by_file[] = { "slots", "--from", "2026-01-12T00:00Z", "--to", "2026-01-13T00:00Z", "-d", "60",
                            "London=Europe/London,08:00-18:00", "--busy", busy_file, NULL };
  const char *by_url[] = { "slots", "--from", "2026-01-12T00:00Z", "--to", "2026-01-13T00:00Z", "-d", "60",
                           "London=Europe/London,08:00-18:00", "--busy", busy_url, NULL };
  const char *by_workspace[] = { "slots", "--from", "2026-01-12T00:00Z", "--to", "2026-01-13T00:00Z", "-d", "60",
                                 "--workspace", workspace, NULL };
  const char *gone[] = { "overlap", "--from", "2026-01-12T00:00Z", "--to", "2026-01-13T00:00Z",
                         "London=Europe/London", "--busy", missing, NULL };
  const char *without[] = { "slots", "--from", "2026-01-12T00:00Z", "--to", "2026-01-13T00:00Z", "-d", "60",
                            "London=Europe/London,08:00-18:00", NULL };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  int status = -1;

  g_file_set_contents (file, CALENDAR, -1, NULL);
  workspace_text = g_strdup_printf ("{\"format\": \"liaison-workspace\", \"version\": 1, \"members\": [{"
                                    "\"id\": \"6f1e3a52-7c1b-4f0e-9a55-3d1f1b2c0a10\", \"name\": \"London\", "
                                    "\"timezone\": \"Europe/London\", \"work_start\": \"08:00\", "
                                    "\"work_end\": \"18:00\", \"busy_source\": \"%s\"}]}", url);
  g_file_set_contents (workspace, workspace_text, -1, NULL);

  a = run_cli (fixture, by_file, &status);
  g_assert_cmpint (status, ==, 0);
  b = run_cli (fixture, by_url, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (b, ==, a);
  c = run_cli (fixture, by_workspace, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (c, ==, a);
  /* Not equal by ignoring the calendar. */
  d = run_cli (fixture, without, &status);
  g_assert_cmpstr (d, !=, a);

  server->status = 404;
  e = run_cli (fixture, gone, &status);
  g_assert_cmpint (status, ==, 1);
  g_unlink (file);
  g_unlink (workspace);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/subscriptions/not-modified", Fixture, NULL, fixture_set_up, test_not_modified, fixture_tear_down);
  g_test_add ("/subscriptions/redirects", Fixture, NULL, fixture_set_up, test_redirects, fixture_tear_down);
  g_test_add ("/subscriptions/too-large", Fixture, NULL, fixture_set_up, test_too_large, fixture_tear_down);
  g_test_add ("/subscriptions/not-a-calendar", Fixture, NULL, fixture_set_up, test_not_a_calendar, fixture_tear_down);
  g_test_add ("/subscriptions/slow-server-cancel", Fixture, NULL, fixture_set_up, test_slow_server_cancel,
              fixture_tear_down);
  g_test_add ("/subscriptions/caldav-freebusy", Fixture, NULL, fixture_set_up, test_caldav_freebusy, fixture_tear_down);
  g_test_add_func ("/subscriptions/dav-xml", test_dav_xml);
  g_test_add ("/subscriptions/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
