/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "lia-http.h"
#include "lia-tracker.h"

/* LiaHttp's own rules, against small servers on 127.0.0.1: redirects
 * never carry a token to another origin, a retried request keeps its
 * body, writes to a host with a write policy go one at a time and spaced,
 * and rate limits (GitHub's "Rate limits for the REST API") are waited
 * for, reported and cancellable. */

#define TOKEN "tok-SECRET-5f3a9c"

/* ---- a SoupServer in its own thread ------------------------------------ */

typedef struct _TestServer TestServer;
typedef void (*TestHandler) (TestServer        *server,
                             SoupServerMessage *msg,
                             const char        *path);

struct _TestServer
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *soup;
  char         *url;          /* http://127.0.0.1:PORT */
  TestHandler   handler;
  gpointer      data;

  GMutex        lock;
  GCond         ready;
  guint         requests;
  guint         token_seen;   /* requests that carried a token header */
  GPtrArray    *times;        /* gint64 *: monotonic µs at each request */
  GPtrArray    *ends;         /* gint64 *: monotonic µs at each answer (paused handlers) */
  guint         in_flight;
  guint         peak;
  char         *last_body;
  char         *last_method;
  char         *last_path;
};

static void
server_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TestServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  gint64 *now = g_new (gint64, 1);

  *now = g_get_monotonic_time ();
  g_mutex_lock (&server->lock);
  server->requests++;
  if (soup_message_headers_get_one (headers, "X-Redmine-API-Key") != NULL ||
      soup_message_headers_get_one (headers, "PRIVATE-TOKEN") != NULL ||
      soup_message_headers_get_one (headers, "Authorization") != NULL)
    server->token_seen++;
  g_ptr_array_add (server->times, now);
  g_free (server->last_body);
  server->last_body = g_strndup (body->data ? body->data : "", body->length);
  g_free (server->last_method);
  server->last_method = g_strdup (soup_server_message_get_method (msg));
  g_free (server->last_path);
  server->last_path = g_strdup (path);
  g_mutex_unlock (&server->lock);

  server->handler (server, msg, path);
}

static gpointer
server_thread (gpointer data)
{
  TestServer *server = data;
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
  g_clear_object (&server->soup);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static TestServer *
test_server_new (TestHandler handler,
                 gpointer    data)
{
  TestServer *server = g_new0 (TestServer, 1);

  server->handler = handler;
  server->data = data;
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->times = g_ptr_array_new_with_free_func (g_free);
  server->ends = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&server->lock);
  g_cond_init (&server->ready);
  g_mutex_lock (&server->lock);
  server->thread = g_thread_new ("test-server", server_thread, server);
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
test_server_free (TestServer *server)
{
  g_main_context_invoke (server->context, quit_cb, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_ptr_array_unref (server->times);
  g_ptr_array_unref (server->ends);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->ready);
  g_free (server->url);
  g_free (server->last_body);
  g_free (server->last_method);
  g_free (server->last_path);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

static guint
test_server_requests (TestServer *server)
{
  guint n;

  g_mutex_lock (&server->lock);
  n = server->requests;
  g_mutex_unlock (&server->lock);
  return n;
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static LiaHttp *
fast_http (guint max_delay_ms)
{
  LiaHttp *http = lia_http_new ();

  lia_http_set_timeout (http, 5);
  lia_http_set_retry (http, 3, 10, max_delay_ms);
  return http;
}

/* ---- redirects ---------------------------------------------------------- */

/* The second server: answers everything, counts tokens. */
static void
echo_handler (TestServer        *server,
              SoupServerMessage *msg,
              const char        *path)
{
  respond (msg, 200, "{\"ok\":true}");
}

/* data: the redirect's status; data of the server: the target's URL. */
typedef struct
{
  guint       status;
  const char *location;
} Redirect;

static void
redirect_handler (TestServer        *server,
                  SoupServerMessage *msg,
                  const char        *path)
{
  Redirect *redirect = server->data;

  if (g_str_equal (path, "/new.json"))
    {
      respond (msg, 200, "{\"ok\":true}");
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", redirect->location);
  respond (msg, redirect->status, "{}");
}

static void
test_redirect_other_origin (void)
{
  g_autoptr(TestServer) other = test_server_new (echo_handler, NULL);
  g_autofree char *other_url = g_strdup_printf ("%s/issues.json", other->url);
  /* The services' own token headers: libsoup drops only Authorization. */
  struct {
    const char *method;
    guint status;
    const char *header;
    const char *location;
  } cases[] = {
    { "GET", 302, "X-Redmine-API-Key", other_url },
    { "GET", 301, "PRIVATE-TOKEN", other_url },
    { "POST", 307, "PRIVATE-TOKEN", other_url },
    { "PUT", 308, "X-Redmine-API-Key", other_url },
    { "GET", 302, "X-Redmine-API-Key", "http://tracker.example.org/issues.json" },
    { "GET", 302, "PRIVATE-TOKEN", "https://127.0.0.1:1/issues.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Redirect redirect = { cases[i].status, cases[i].location };
      g_autoptr(TestServer) server = test_server_new (redirect_handler, &redirect);
      g_autoptr(LiaHttp) http = fast_http (100);
      g_autofree char *url = g_strdup_printf ("%s/issues.json", server->url);
      const char *headers[] = { cases[i].header, TOKEN, NULL };
      g_autoptr(JsonNode) body = json_from_string ("{\"issue\":{\"subject\":\"x\"}}", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) reply = NULL;
      gboolean ok;

      g_test_message ("%s answered %u to %s", cases[i].method, cases[i].status, cases[i].location);
      ok = lia_http_request (http, cases[i].method, url, headers,
                             g_str_equal (cases[i].method, "GET") ? NULL : body,
                             &reply, NULL, NULL, &error);
      g_assert_false (ok);
      g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE);
      /* The error names the target, and never the token. */
      g_assert_nonnull (strstr (error->message, cases[i].location));
      g_assert_null (strstr (error->message, TOKEN));
      g_assert_cmpuint (test_server_requests (server), ==, 1);
    }
  /* The token never reached the other server; it was not even asked. */
  g_assert_cmpuint (other->token_seen, ==, 0);
  g_assert_cmpuint (test_server_requests (other), ==, 0);
}

static void
test_redirect_same_origin (void)
{
  Redirect redirect = { 307, "/new.json" };
  g_autoptr(TestServer) server = test_server_new (redirect_handler, &redirect);
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autofree char *url = g_strdup_printf ("%s/old.json", server->url);
  const char *headers[] = { "X-Redmine-API-Key", TOKEN, NULL };
  g_autoptr(JsonNode) body = json_from_string ("{\"wiki_page\":{\"text\":\"Hello\"}}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  /* 307 keeps the method and the body (RFC 9110, 15.4.8). */
  g_assert_true (lia_http_request (http, "PUT", url, headers, body, &reply, &status, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (server->last_method, ==, "PUT");
  g_assert_cmpstr (server->last_path, ==, "/new.json");
  g_assert_cmpstr (server->last_body, ==, "{\"wiki_page\":{\"text\":\"Hello\"}}");
  g_assert_cmpuint (server->token_seen, ==, 2);

  /* A GET follows a 301 within the origin. */
  redirect.status = 301;
  g_clear_pointer (&reply, json_node_unref);
  g_assert_true (lia_http_request (http, "GET", url, headers, NULL, &reply, &status, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (server->last_path, ==, "/new.json");

  /* A POST answered 302 is not turned into a GET that would "succeed"
   * without creating anything. */
  redirect.status = 302;
  g_assert_false (lia_http_request (http, "POST", url, headers, body, NULL, NULL, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "/new.json"));
  g_assert_cmpstr (server->last_method, ==, "POST");
  g_assert_cmpstr (server->last_path, ==, "/old.json");
  g_clear_error (&error);

  /* A redirect loop ends with an error. */
  redirect.status = 307;
  redirect.location = "/old.json";
  g_assert_false (lia_http_request (http, "GET", url, headers, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
}

/* ---- a retried request keeps its body ----------------------------------- */

/* A raw HTTP/1.1 server: the first connection answers a GET and keeps
 * alive, then reads a PUT and closes without answering (as a server does
 * when its keep-alive time ran out); the second connection records what
 * the retry carried. */
typedef struct
{
  GSocketListener *listener;
  GCancellable    *cancellable;
  guint16          port;
  char            *retry_body;
  gint64           retry_length;
  guint            connections;
} RawServer;

static gboolean
read_request (GDataInputStream *in,
              char            **body,
              gint64           *length)
{
  gint64 content_length = 0;
  g_autofree char *data = NULL;
  gsize got = 0;

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL)
        return FALSE;
      g_strchomp (line);
      if (*line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        content_length = g_ascii_strtoll (line + 15, NULL, 10);
    }
  *length = content_length;
  data = g_malloc0 (content_length + 1);
  /* The socket's timeout ends a read of a body that never comes. */
  g_input_stream_read_all (G_INPUT_STREAM (in), data, content_length, &got, NULL, NULL);
  *body = g_strndup (data, got);
  return TRUE;
}

static void
write_answer (GSocketConnection *connection)
{
  static const char answer[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             answer, strlen (answer), NULL, NULL, NULL);
}

static gpointer
raw_server_thread (gpointer data)
{
  RawServer *raw = data;

  for (guint n = 0; n < 2; n++)
    {
      g_autoptr(GSocketConnection) connection = g_socket_listener_accept (raw->listener, NULL, raw->cancellable, NULL);
      g_autoptr(GDataInputStream) in = NULL;
      g_autofree char *body = NULL;
      gint64 length = 0;

      if (connection == NULL)
        return NULL;
      raw->connections++;
      g_socket_set_timeout (g_socket_connection_get_socket (connection), 2);
      in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
      g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_LF);
      if (n == 0)
        {
          /* GET, answered on a connection kept alive */
          if (!read_request (in, &body, &length))
            return NULL;
          write_answer (connection);
          g_clear_pointer (&body, g_free);
          /* PUT, read whole, then the connection is dropped unanswered */
          if (!read_request (in, &body, &length))
            return NULL;
          g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
        }
      else
        {
          read_request (in, &raw->retry_body, &raw->retry_length);
          write_answer (connection);
          g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
        }
    }
  return NULL;
}

static void
test_retry_keeps_body (void)
{
  RawServer raw = { 0 };
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autofree char *get_url = NULL, *put_url = NULL;
  const char *text = "{\"wiki_page\":{\"text\":\"# Release plan\\n\\nSteps\"}}";
  g_autoptr(JsonNode) body = json_from_string (text, NULL);
  const char *headers[] = { "X-Redmine-API-Key", TOKEN, NULL };

  raw.listener = g_socket_listener_new ();
  raw.cancellable = g_cancellable_new ();
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) effective = NULL;

    g_assert_true (g_socket_listener_add_address (raw.listener, address, G_SOCKET_TYPE_STREAM,
                                                  G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error));
    g_assert_no_error (error);
    raw.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  }
  thread = g_thread_new ("raw-server", raw_server_thread, &raw);
  get_url = g_strdup_printf ("http://127.0.0.1:%u/projects/p.json", raw.port);
  put_url = g_strdup_printf ("http://127.0.0.1:%u/projects/p/wiki/Plan.json", raw.port);

  g_assert_true (lia_http_request (http, "GET", get_url, headers, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lia_http_request (http, "PUT", put_url, headers, body, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpuint (raw.connections, ==, 2);
  g_assert_cmpint (raw.retry_length, ==, strlen (text));
  g_assert_cmpstr (raw.retry_body, ==, text);

  g_cancellable_cancel (raw.cancellable);
  g_socket_listener_close (raw.listener);
  g_object_unref (raw.listener);
  g_object_unref (raw.cancellable);
  g_free (raw.retry_body);
}

/* ---- write policy ------------------------------------------------------- */

typedef struct
{
  TestServer        *server;
  SoupServerMessage *msg;
} Held;

static gboolean
release_cb (gpointer data)
{
  Held *held = data;
  gint64 *now = g_new (gint64, 1);

  *now = g_get_monotonic_time ();
  g_mutex_lock (&held->server->lock);
  held->server->in_flight--;
  g_ptr_array_add (held->server->ends, now);
  g_mutex_unlock (&held->server->lock);
  respond (held->msg, 201, "{\"id\":1}");
  soup_server_message_unpause (held->msg);
  g_object_unref (held->msg);
  g_free (held);
  return G_SOURCE_REMOVE;
}

/* Holds every request for 250 ms, counting how many overlap. */
static void
slow_handler (TestServer        *server,
              SoupServerMessage *msg,
              const char        *path)
{
  Held *held = g_new0 (Held, 1);
  GSource *source = g_timeout_source_new (250);

  g_mutex_lock (&server->lock);
  server->in_flight++;
  server->peak = MAX (server->peak, server->in_flight);
  g_mutex_unlock (&server->lock);
  held->server = server;
  held->msg = g_object_ref (msg);
  soup_server_message_pause (msg);
  g_source_set_callback (source, release_cb, held, NULL);
  g_source_attach (source, server->context);
  g_source_unref (source);
}

typedef struct
{
  LiaHttp    *http;
  const char *method;
  const char *url;
  gboolean    ok;
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;
  g_autoptr(JsonNode) body = json_from_string ("{\"title\":\"Step\"}", NULL);
  const char *headers[] = { "Authorization", "Bearer " TOKEN, NULL };

  call->ok = lia_http_request (call->http, call->method, call->url, headers,
                               g_str_equal (call->method, "GET") ? NULL : body,
                               NULL, NULL, NULL, NULL);
  return NULL;
}

static void
run_parallel (LiaHttp    *http,
              const char *method,
              const char *url)
{
  Call calls[4];
  GThread *threads[4];

  for (guint i = 0; i < 4; i++)
    {
      calls[i] = (Call) { http, method, url, FALSE };
      threads[i] = g_thread_new ("call", call_thread, &calls[i]);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (calls[i].ok);
    }
}

static gint
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = **(gint64 **) a, y = **(gint64 **) b;

  return x < y ? -1 : x > y;
}

static void
test_write_policy_serial (void)
{
  g_autoptr(TestServer) server = test_server_new (slow_handler, NULL);
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autofree char *url = g_strdup_printf ("%s/repos/o/r/issues", server->url);
  gboolean serial = FALSE;
  guint interval = 0;

  g_assert_false (lia_http_get_write_policy (http, "127.0.0.1", NULL, NULL));
  lia_http_set_write_policy (http, "127.0.0.1", TRUE, 50);
  g_assert_true (lia_http_get_write_policy (http, "127.0.0.1", &serial, &interval));
  g_assert_true (serial);
  g_assert_cmpuint (interval, ==, 50);

  run_parallel (http, "POST", url);
  g_assert_cmpuint (server->times->len, ==, 4);
  g_assert_cmpuint (server->peak, ==, 1);
  g_ptr_array_sort (server->times, compare_times);
  g_ptr_array_sort (server->ends, compare_times);
  /* Each write starts at least 50 ms after the previous one was answered. */
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (*(gint64 *) server->times->pdata[i] - *(gint64 *) server->ends->pdata[i - 1], >=, 50 * 1000);

  /* Reads are not limited. */
  server->peak = 0;
  run_parallel (http, "GET", url);
  g_assert_cmpuint (server->peak, >, 1);
}

static void
test_write_policy_interval (void)
{
  g_autoptr(TestServer) server = test_server_new (slow_handler, NULL);
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autofree char *url = g_strdup_printf ("%s/repos/o/r/issues/1", server->url);

  /* Not serial: writes may overlap, but start 200 ms apart (as sent;
   * the server sees them with some jitter, more on a loaded machine). */
  lia_http_set_write_policy (http, "127.0.0.1", FALSE, 200);
  run_parallel (http, "PATCH", url);
  g_ptr_array_sort (server->times, compare_times);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (*(gint64 *) server->times->pdata[i] - *(gint64 *) server->times->pdata[i - 1], >=, 150 * 1000);
  g_assert_cmpuint (server->peak, >, 1);
}

static void
test_tracker_sets_github_policy (void)
{
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autoptr(LiaTracker) github = NULL;
  g_autoptr(LiaTracker) redmine = NULL;
  g_autoptr(GError) error = NULL;
  LiaTrackerConfig config = { 0 };
  gboolean serial = FALSE;
  guint interval = 0;

  config.service = "github";
  config.url = "https://API.GitHub.com/";
  config.project = "octo/hello";
  config.token = TOKEN;
  github = lia_tracker_new (http, &config, &error);
  g_assert_no_error (error);
  g_assert_true (lia_http_get_write_policy (http, "api.github.com", &serial, &interval));
  g_assert_true (serial);
  g_assert_cmpuint (interval, ==, 1000);

  config.service = "redmine";
  config.url = "https://redmine.example.org";
  redmine = lia_tracker_new (http, &config, &error);
  g_assert_no_error (error);
  g_assert_false (lia_http_get_write_policy (http, "redmine.example.org", NULL, NULL));
}

/* ---- rate limits -------------------------------------------------------- */

typedef struct
{
  guint       status;
  const char *retry_after;     /* or NULL */
  gint64      reset_epoch;     /* x-ratelimit-reset, 0: none */
  const char *remaining;       /* x-ratelimit-remaining, or NULL */
  const char *message;
  guint       limited;         /* answers before the real one */
  gint64      answered_real;   /* real µs when the real answer was sent */
} Limit;

static void
limit_handler (TestServer        *server,
               SoupServerMessage *msg,
               const char        *path)
{
  Limit *limit = server->data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *json = NULL;
  guint n;

  g_mutex_lock (&server->lock);
  n = server->requests;
  g_mutex_unlock (&server->lock);
  if (n > limit->limited)
    {
      limit->answered_real = g_get_real_time ();
      respond (msg, 201, "{\"number\":7}");
      return;
    }
  if (limit->retry_after)
    soup_message_headers_replace (headers, "retry-after", limit->retry_after);
  if (limit->remaining)
    soup_message_headers_replace (headers, "x-ratelimit-remaining", limit->remaining);
  if (limit->reset_epoch)
    {
      g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, limit->reset_epoch);
      soup_message_headers_replace (headers, "x-ratelimit-reset", reset);
    }
  json = g_strdup_printf ("{\"message\":\"%s\",\"documentation_url\":\"https://docs.github.com/rest\"}", limit->message);
  respond (msg, limit->status, json);
}

typedef struct
{
  guint         count;
  char         *host;
  guint         seconds;
  GCancellable *cancel;
} Waits;

static void
waiting_cb (LiaHttp    *http,
            const char *host,
            guint       seconds,
            Waits      *waits)
{
  waits->count++;
  g_free (waits->host);
  waits->host = g_strdup (host);
  waits->seconds = seconds;
}

static gboolean
post_limited (Limit    *limit,
              guint     max_delay_ms,
              Waits    *waits,
              gint64   *gap_us,
              guint    *requests,
              GError  **error)
{
  g_autoptr(TestServer) server = test_server_new (limit_handler, limit);
  g_autoptr(LiaHttp) http = fast_http (max_delay_ms);
  g_autofree char *url = g_strdup_printf ("%s/repos/o/r/issues", server->url);
  g_autoptr(JsonNode) body = json_from_string ("{\"title\":\"Step\"}", NULL);
  g_autoptr(JsonNode) reply = NULL;
  const char *headers[] = { "Authorization", "Bearer " TOKEN, NULL };
  gboolean ok;

  g_signal_connect (http, "waiting", G_CALLBACK (waiting_cb), waits);
  ok = lia_http_request (http, "POST", url, headers, body, &reply, NULL, waits->cancel, error);
  *requests = test_server_requests (server);
  *gap_us = server->times->len >= 2
            ? *(gint64 *) server->times->pdata[1] - *(gint64 *) server->times->pdata[0] : -1;
  return ok;
}

static void
test_rate_limit_primary (void)
{
  /* The reset is two seconds of the epoch away: the retry must not come
   * before it. */
  gint64 reset = g_get_real_time () / G_USEC_PER_SEC + 2;
  Limit limit = { 403, NULL, reset, "0", "API rate limit exceeded for user ID 1.", 1, 0 };
  Waits waits = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 gap;
  guint requests;

  g_assert_true (post_limited (&limit, 5000, &waits, &gap, &requests, &error));
  g_assert_no_error (error);
  /* A rate-limited create was not processed, so it is sent again. */
  g_assert_cmpuint (requests, ==, 2);
  g_assert_cmpint (limit.answered_real, >=, reset * G_USEC_PER_SEC);
  g_assert_cmpuint (waits.count, ==, 1);
  g_assert_cmpstr (waits.host, ==, "127.0.0.1");
  g_assert_cmpuint (waits.seconds, >=, 1);
  g_assert_cmpuint (waits.seconds, <=, 2);
  g_free (waits.host);
}

static void
test_rate_limit_retry_after (void)
{
  Limit limit = { 429, "1", 0, "4999", "You have exceeded a secondary rate limit.", 1 };
  Waits waits = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 gap;
  guint requests;

  g_assert_true (post_limited (&limit, 5000, &waits, &gap, &requests, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests, ==, 2);
  g_assert_cmpint (gap, >=, 1000 * 1000);
  g_assert_cmpuint (waits.count, ==, 1);
  g_assert_cmpuint (waits.seconds, ==, 1);
  g_free (waits.host);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_rate_limit_secondary (void)
{
  /* No retry-after, remaining not 0: GitHub asks for at least a minute,
   * which the test caps at 300 ms. */
  Limit limit = { 403, NULL, 0, NULL,
                  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", 1 };
  Waits waits = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  gint64 gap;
  guint requests;

  g_assert_true (post_limited (&limit, 300, &waits, &gap, &requests, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests, ==, 2);
  g_assert_cmpint (gap, >=, 300 * 1000);
  g_assert_cmpuint (waits.count, ==, 1);
  g_free (waits.host);
  g_clear_error (&error);

  /* Uncapped, the wait asked is a minute (cancelled meanwhile). */
  limit.limited = 99;
  waits = (Waits) { 0 };
  waits.cancel = g_cancellable_new ();
  thread = g_thread_new ("cancel", cancel_later, waits.cancel);
  g_assert_false (post_limited (&limit, 3600 * 1000, &waits, &gap, &requests, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (waits.count, ==, 1);
  g_assert_cmpuint (waits.seconds, ==, 60);
  g_thread_join (g_steal_pointer (&thread));
  g_clear_object (&waits.cancel);
  g_free (waits.host);
}

static void
test_rate_limit_cancel (void)
{
  Limit limit = { 429, "60", 0, NULL, "You have exceeded a secondary rate limit.", 99 };
  Waits waits = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 gap;
  guint requests;

  waits.cancel = g_cancellable_new ();
  thread = g_thread_new ("cancel", cancel_later, waits.cancel);
  g_assert_false (post_limited (&limit, 120 * 1000, &waits, &gap, &requests, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (requests, ==, 1);
  g_assert_cmpuint (waits.count, ==, 1);
  g_assert_cmpuint (waits.seconds, ==, 60);
  g_thread_join (g_steal_pointer (&thread));
  g_clear_object (&waits.cancel);
  g_free (waits.host);
}

static void
test_forbidden_not_retried (void)
{
  /* A token without the permission: a 403 that is not a rate limit
   * (x-ratelimit-remaining is not 0, no retry-after). */
  Limit limit = { 403, NULL, 0, "4990", "Resource not accessible by integration", 99 };
  Waits waits = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 gap;
  guint requests;

  g_assert_false (post_limited (&limit, 300, &waits, &gap, &requests, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Resource not accessible by integration"));
  g_assert_cmpuint (requests, ==, 1);
  g_assert_cmpuint (waits.count, ==, 0);
}

static void
test_rate_limit_gives_up (void)
{
  /* Limited on every answer: after the retries, a rate-limit error (not
   * "forbidden") that quotes the server. */
  Limit limit = { 403, NULL, 0, NULL, "You have exceeded a secondary rate limit.", 99 };
  Waits waits = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 gap;
  guint requests;

  g_assert_false (post_limited (&limit, 50, &waits, &gap, &requests, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "secondary rate limit"));
  g_assert_cmpuint (requests, ==, 4);
  g_assert_cmpuint (waits.count, ==, 3);
  g_free (waits.host);
}

static void
test_describe_wait (void)
{
  g_autofree char *github = lia_http_describe_wait ("api.github.com", 60, "github", "https://API.github.com");
  g_autofree char *other = lia_http_describe_wait ("uploads.github.com", 5, "github", "https://api.github.com");
  g_autofree char *long_wait = lia_http_describe_wait ("gitlab.example.org", 3000, "gitlab",
                                                       "https://gitlab.example.org/api/v4");

  g_assert_cmpstr (github, ==, "GitHub asks to wait 60 s…");
  g_assert_cmpstr (other, ==, "uploads.github.com asks to wait 5 s…");
  g_assert_cmpstr (long_wait, ==, "GitLab asks to wait 50 min…");
}

/* Link headers as GitHub, GitLab and Confluence send them (RFC 8288). */
static void
test_link_next (void)
{
  static const struct { const char *link; const char *next; } cases[] = {
    /* GitHub */
    { "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", "
      "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"",
      "https://api.github.com/repositories/1/issues?page=2" },
    { "<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=3>; rel=\"next\"",
      "https://api.github.com/x?page=3" },
    /* the last page: prev and first only */
    { "<https://api.github.com/x?page=1>; rel=\"first\", <https://api.github.com/x?page=2>; rel=\"prev\"", NULL },
    /* Confluence Cloud v2: a path, base parameter after it */
    { "</wiki/api/v2/spaces/1/pages?cursor=abc%3D>; rel=\"next\", <https://x.atlassian.net/wiki>; rel=\"base\"",
      "/wiki/api/v2/spaces/1/pages?cursor=abc%3D" },
    /* a list of relations, unquoted, other parameters first */
    { "<https://h/a?p=2>; type=\"text/html\"; rel=\"next last\"", "https://h/a?p=2" },
    { "<https://h/a?p=2>;rel=next", "https://h/a?p=2" },
    /* not next */
    { "<https://h/a?p=2>; rel=\"nextish\"", NULL },
    { "<https://h/a?p=2; rel=\"next\"", NULL },
    { "", NULL },
  };

  g_assert_null (lia_http_link_next (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *next = NULL;

      g_hash_table_insert (headers, (gpointer) "link", (gpointer) cases[i].link);
      next = lia_http_link_next (headers);
      g_assert_cmpstr (next, ==, cases[i].next);
    }
}

/* ---- bytes requests ----------------------------------------------------- */

typedef struct
{
  guint        fails;        /* answer 503 this many times first */
  gsize        size;         /* answer this many bytes of 'x' on /big */
  gboolean     chunked;      /* without a Content-Length */
  const char  *location;     /* where /moved points */
  char        *content_type; /* of the last request */
  char        *if_none_match;
} BytesServer;

static void
bytes_handler (TestServer        *server,
               SoupServerMessage *msg,
               const char        *path)
{
  BytesServer *state = server->data;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
  const char *etag = "\"v1\"";

  g_mutex_lock (&server->lock);
  g_free (state->content_type);
  state->content_type = g_strdup (soup_message_headers_get_one (in, "Content-Type"));
  g_free (state->if_none_match);
  state->if_none_match = g_strdup (soup_message_headers_get_one (in, "If-None-Match"));
  g_mutex_unlock (&server->lock);

  if (state->fails > 0)
    {
      state->fails--;
      soup_server_message_set_status (msg, 503, NULL);
      return;
    }
  if (g_str_equal (path, "/moved"))
    {
      soup_message_headers_replace (out, "Location", state->location);
      soup_server_message_set_status (msg, 302, NULL);
      return;
    }
  if (g_str_equal (path, "/big"))
    {
      char *data = g_malloc (state->size);

      memset (data, 'x', state->size);
      soup_server_message_set_status (msg, 200, NULL);
      if (state->chunked)
        {
          SoupMessageBody *body = soup_server_message_get_response_body (msg);

          soup_message_headers_set_encoding (out, SOUP_ENCODING_CHUNKED);
          soup_message_body_append_take (body, (guchar *) data, state->size);
          soup_message_body_complete (body);
        }
      else
        soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_TAKE, data, state->size);
      return;
    }
  if (g_str_equal (path, "/missing"))
    {
      soup_server_message_set_status (msg, 404, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<h1>no</h1>", 11);
      return;
    }
  soup_message_headers_replace (out, "ETag", etag);
  if (g_strcmp0 (soup_message_headers_get_one (in, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (msg, 304, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_STATIC,
                                    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 32);
}

static void
bytes_state_clear (BytesServer *state)
{
  g_free (state->content_type);
  g_free (state->if_none_match);
}

/* Not JSON in or out: the body goes as given, the answer comes back as
 * bytes, and 304 is a success the caller sees. */
static void
test_bytes_basic (void)
{
  BytesServer state = { 0 };
  g_autoptr(TestServer) server = test_server_new (bytes_handler, &state);
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autofree char *url = g_strdup_printf ("%s/cal.ics", server->url);
  g_autoptr(GBytes) body = g_bytes_new_static ("<propfind/>", 11);
  const char *conditional[] = { "If-None-Match", "\"v1\"", NULL };
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GHashTable) headers = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  g_assert_true (lia_http_request_bytes (http, "REPORT", url, NULL, body, "application/xml; charset=utf-8", 0,
                                         &reply, &status, &headers, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (server->last_method, ==, "REPORT");
  g_assert_cmpstr (server->last_body, ==, "<propfind/>");
  g_assert_cmpstr (state.content_type, ==, "application/xml; charset=utf-8");
  g_assert_cmpmem (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 32);
  g_assert_cmpstr (g_hash_table_lookup (headers, "etag"), ==, "\"v1\"");

  g_clear_pointer (&reply, g_bytes_unref);
  g_clear_pointer (&headers, g_hash_table_unref);
  g_assert_true (lia_http_request_bytes (http, "GET", url, conditional, NULL, NULL, 0,
                                         &reply, &status, &headers, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 304);
  g_assert_cmpstr (state.if_none_match, ==, "\"v1\"");
  g_assert_nonnull (reply);
  g_assert_cmpuint (g_bytes_get_size (reply), ==, 0);
  bytes_state_clear (&state);
}

/* The JSON path's retry rules, once: a read is sent again after 503
 * (PROPFIND and REPORT only read), a POST is not; a 404 is NOT_FOUND. */
static void
test_bytes_retry (void)
{
  BytesServer state = { .fails = 2 };
  g_autoptr(TestServer) server = test_server_new (bytes_handler, &state);
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autofree char *url = g_strdup_printf ("%s/cal.ics", server->url);
  g_autofree char *missing = g_strdup_printf ("%s/missing", server->url);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  g_assert_true (lia_http_request_bytes (http, "PROPFIND", url, NULL, NULL, NULL, 0,
                                         &reply, &status, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (test_server_requests (server), ==, 3);

  state.fails = 1;
  g_assert_false (lia_http_request_bytes (http, "POST", url, NULL, body, "application/json", 0,
                                          NULL, &status, NULL, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_SERVER);
  g_assert_cmpuint (test_server_requests (server), ==, 4);
  g_clear_error (&error);

  g_assert_false (lia_http_request_bytes (http, "GET", missing, NULL, NULL, NULL, 0,
                                          NULL, &status, NULL, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND);
  g_assert_cmpuint (status, ==, 404);
  bytes_state_clear (&state);
}

/* A subscription may move to another origin, but only to https (or
 * loopback http from loopback http), and the caller's headers stay
 * behind. */
static void
test_bytes_redirect (void)
{
  g_autoptr(TestServer) other = test_server_new (echo_handler, NULL);
  g_autofree char *other_url = g_strdup_printf ("%s/feed.ics", other->url);
  BytesServer state = { .location = other_url };
  g_autoptr(TestServer) server = test_server_new (bytes_handler, &state);
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autofree char *url = g_strdup_printf ("%s/moved", server->url);
  const char *headers[] = { "Authorization", "Basic " TOKEN, NULL };
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  g_assert_true (lia_http_request_bytes (http, "GET", url, headers, NULL, NULL, 0,
                                         &reply, &status, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (other->last_path, ==, "/feed.ics");
  g_assert_cmpuint (server->token_seen, ==, 1);
  g_assert_cmpuint (other->token_seen, ==, 0);

  state.location = "http://calendar.example.org/feed.ics";
  g_assert_false (lia_http_request_bytes (http, "GET", url, headers, NULL, NULL, 0,
                                          NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "http://calendar.example.org/feed.ics"));
  g_assert_null (strstr (error->message, TOKEN));
  bytes_state_clear (&state);
}

/* An answer over the caller's limit is refused, with or without a
 * Content-Length, and is not asked again. */
static void
test_bytes_too_large (void)
{
  BytesServer state = { .size = 300 * 1024 };
  g_autoptr(TestServer) server = test_server_new (bytes_handler, &state);
  g_autoptr(LiaHttp) http = fast_http (100);
  g_autofree char *url = g_strdup_printf ("%s/big", server->url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  for (guint chunked = 0; chunked < 2; chunked++)
    {
      guint before = test_server_requests (server);

      state.chunked = chunked;
      g_assert_false (lia_http_request_bytes (http, "GET", url, NULL, NULL, NULL, 200 * 1024,
                                              &reply, NULL, NULL, NULL, &error));
      g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_TOO_LARGE);
      g_assert_null (reply);
      g_assert_cmpuint (test_server_requests (server), ==, before + 1);
      g_clear_error (&error);
      g_assert_true (lia_http_request_bytes (http, "GET", url, NULL, NULL, NULL, 300 * 1024,
                                             &reply, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (reply), ==, 300 * 1024);
      g_clear_pointer (&reply, g_bytes_unref);
    }
  bytes_state_clear (&state);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/http/link-next", test_link_next);
  g_test_add_func ("/http/redirect/other-origin", test_redirect_other_origin);
  g_test_add_func ("/http/redirect/same-origin", test_redirect_same_origin);
  g_test_add_func ("/http/retry-keeps-body", test_retry_keeps_body);
  g_test_add_func ("/http/write-policy/serial", test_write_policy_serial);
  g_test_add_func ("/http/write-policy/interval", test_write_policy_interval);
  g_test_add_func ("/http/write-policy/github", test_tracker_sets_github_policy);
  g_test_add_func ("/http/rate-limit/primary", test_rate_limit_primary);
  g_test_add_func ("/http/rate-limit/retry-after", test_rate_limit_retry_after);
  g_test_add_func ("/http/rate-limit/secondary", test_rate_limit_secondary);
  g_test_add_func ("/http/rate-limit/cancel", test_rate_limit_cancel);
  g_test_add_func ("/http/rate-limit/forbidden", test_forbidden_not_retried);
  g_test_add_func ("/http/rate-limit/gives-up", test_rate_limit_gives_up);
  g_test_add_func ("/http/rate-limit/describe", test_describe_wait);
  g_test_add_func ("/http/bytes/basic", test_bytes_basic);
  g_test_add_func ("/http/bytes/retry", test_bytes_retry);
  g_test_add_func ("/http/bytes/redirect", test_bytes_redirect);
  g_test_add_func ("/http/bytes/too-large", test_bytes_too_large);
  return g_test_run ();
}
