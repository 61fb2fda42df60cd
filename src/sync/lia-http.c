/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "lia-http.h"
#include "lia-json-strict.h"
#include "lia-model.h"

/* One SoupSession for every tracker and wiki.  lia_http_request() blocks,
 * so it is called from worker threads (a GTask in the app, a pool in the
 * CLI); libsoup 3.2 sessions may be used from any thread.  Here live the
 * rules every request follows: HTTPS unless loopback, redirects only
 * within the origin (a bytes request: to https anywhere, without the
 * caller's headers), at most MAX_IN_FLIGHT requests per host, a host's
 * write policy (GitHub: serial, a second apart), retries with backoff that
 * honour Retry-After, waits a rate limit asks for, and errors that quote
 * the server's own reason but never a header (tokens travel in headers). */

#define MAX_IN_FLIGHT 4
/* Deeper answers are refused before json-glib recurses into them. */
#define ANSWER_MAX_DEPTH 256
/* Same-origin redirects followed for one request. */
#define MAX_REDIRECTS 5
/* GitHub: "Otherwise, wait for at least one minute before retrying." */
#define RATE_LIMIT_MIN_WAIT_MS (60 * 1000)
/* A primary rate limit resets within the hour. */
#define RATE_LIMIT_MAX_WAIT_MS (60 * 60 * 1000)

/* What LiaHttp knows about one host: its write policy (set by the
 * tracker for services that ask for it) and until when the host asked
 * every request to wait. Times are monotonic µs. */
typedef struct
{
  gboolean has_policy;
  gboolean serial;
  guint    min_interval_ms;
  gboolean writing;
  gint64   next_write;
  gint64   blocked_until;
} HostState;

enum
{
  SIGNAL_WAITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _LiaHttp
{
  GObject      parent_instance;

  SoupSession *session;
  guint        max_retries;
  guint        base_delay_ms;
  guint        max_delay_ms;
  guint        max_rate_wait_ms;

  GMutex       lock;
  GCond        slot_freed;
  GHashTable  *in_flight;      /* host → GUINT_TO_POINTER (count) */
  GHashTable  *hosts;          /* lower-case host → HostState */
  guint        peak_in_flight;
  guint        requests;
};

G_DEFINE_FINAL_TYPE (LiaHttp, lia_http, G_TYPE_OBJECT)

G_DEFINE_QUARK (lia-sync-error-quark, lia_sync_error)

static void
lia_http_finalize (GObject *object)
{
  LiaHttp *self = LIA_HTTP (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->hosts, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->slot_freed);
  G_OBJECT_CLASS (lia_http_parent_class)->finalize (object);
}

static void
lia_http_class_init (LiaHttpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_http_finalize;

  /**
   * LiaHttp::waiting:
   * @host: the host that asked to wait
   * @seconds: how long this request now waits before it is sent again
   *
   * A server answered that its rate limit was hit; the request waits and
   * is then retried (cancelling stops the wait at once).  Emitted in the
   * thread that sent the request, which is usually not the main thread.
   */
  signals[SIGNAL_WAITING] =
    g_signal_new ("waiting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
lia_http_init (LiaHttp *self)
{
  g_autofree char *agent = g_strdup_printf ("Liaison/%s ", PACKAGE_VERSION);

  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", agent,
                                "timeout", 30,
                                "idle-timeout", 60,
                                "max-conns-per-host", MAX_IN_FLIGHT,
                                NULL);
  self->max_retries = 4;
  self->base_delay_ms = 500;
  self->max_delay_ms = 60 * 1000;
  self->max_rate_wait_ms = RATE_LIMIT_MAX_WAIT_MS;
  g_mutex_init (&self->lock);
  g_cond_init (&self->slot_freed);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

LiaHttp *
lia_http_new (void)
{
  return g_object_new (LIA_TYPE_HTTP, NULL);
}

void
lia_http_set_timeout (LiaHttp *self,
                      guint    seconds)
{
  g_return_if_fail (LIA_IS_HTTP (self));

  g_object_set (self->session, "timeout", seconds, NULL);
}

/* Tests shorten the waits; Retry-After is still honoured up to
 * @max_delay_ms, and so are the waits a rate limit asks for (which are
 * otherwise honoured up to an hour). */
void
lia_http_set_retry (LiaHttp *self,
                    guint    max_retries,
                    guint    base_delay_ms,
                    guint    max_delay_ms)
{
  g_return_if_fail (LIA_IS_HTTP (self));

  self->max_retries = max_retries;
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = max_delay_ms;
  self->max_rate_wait_ms = max_delay_ms;
}

/* Called with the lock held. */
static HostState *
host_state (LiaHttp    *self,
            const char *host)
{
  g_autofree char *key = g_ascii_strdown (host, -1);
  HostState *state = g_hash_table_lookup (self->hosts, key);

  if (state == NULL)
    {
      state = g_new0 (HostState, 1);
      g_hash_table_insert (self->hosts, g_steal_pointer (&key), state);
    }
  return state;
}

/* Writes (POST, PATCH, PUT, DELETE) to @host go one at a time when
 * @serial, and each starts at least @min_interval_ms after the previous
 * one ended (serial) or started.  Reads are not limited.  GitHub asks for
 * this: "make requests serially instead of concurrently" and "wait at
 * least one second between each request" that creates content. */
void
lia_http_set_write_policy (LiaHttp    *self,
                           const char *host,
                           gboolean    serial,
                           guint       min_interval_ms)
{
  HostState *state;

  g_return_if_fail (LIA_IS_HTTP (self));
  g_return_if_fail (host != NULL);

  g_mutex_lock (&self->lock);
  state = host_state (self, host);
  state->has_policy = TRUE;
  state->serial = serial;
  state->min_interval_ms = min_interval_ms;
  g_mutex_unlock (&self->lock);
}

/* Whether @host has a write policy, and which. */
gboolean
lia_http_get_write_policy (LiaHttp    *self,
                           const char *host,
                           gboolean   *serial,
                           guint      *min_interval_ms)
{
  g_autofree char *key = NULL;
  HostState *state;
  gboolean found;

  g_return_val_if_fail (LIA_IS_HTTP (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  key = g_ascii_strdown (host, -1);
  g_mutex_lock (&self->lock);
  state = g_hash_table_lookup (self->hosts, key);
  found = state != NULL && state->has_policy;
  if (serial)
    *serial = found && state->serial;
  if (min_interval_ms)
    *min_interval_ms = found ? state->min_interval_ms : 0;
  g_mutex_unlock (&self->lock);
  return found;
}

guint
lia_http_get_peak_in_flight (LiaHttp *self)
{
  guint peak;

  g_return_val_if_fail (LIA_IS_HTTP (self), 0);

  g_mutex_lock (&self->lock);
  peak = self->peak_in_flight;
  g_mutex_unlock (&self->lock);
  return peak;
}

guint
lia_http_get_request_count (LiaHttp *self)
{
  guint n;

  g_return_val_if_fail (LIA_IS_HTTP (self), 0);

  g_mutex_lock (&self->lock);
  n = self->requests;
  g_mutex_unlock (&self->lock);
  return n;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Tokens are sent in clear over http, so plain http is only for servers on
 * this machine (tests, a local Redmine). */
gboolean
lia_http_check_url (const char  *url,
                    GError     **error)
{
  g_return_val_if_fail (url != NULL, FALSE);

  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   _("“%s” is not a web address (expected https://host/…)"), url);
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri)))
    return TRUE;
  g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE,
               _("%s: refusing to send a token over plain http; use https:// (http is allowed only for this computer)"),
               g_uri_get_host (uri));
  return FALSE;
}

static void
take_slot (LiaHttp    *self,
           const char *host)
{
  guint n;

  g_mutex_lock (&self->lock);
  while ((n = GPOINTER_TO_UINT (g_hash_table_lookup (self->in_flight, host))) >= MAX_IN_FLIGHT)
    g_cond_wait (&self->slot_freed, &self->lock);
  g_hash_table_insert (self->in_flight, g_strdup (host), GUINT_TO_POINTER (n + 1));
  self->peak_in_flight = MAX (self->peak_in_flight, n + 1);
  self->requests++;
  g_mutex_unlock (&self->lock);
}

static void
release_slot (LiaHttp    *self,
              const char *host)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->in_flight, host));
  if (n <= 1)
    g_hash_table_remove (self->in_flight, host);
  else
    g_hash_table_insert (self->in_flight, g_strdup (host), GUINT_TO_POINTER (n - 1));
  g_cond_broadcast (&self->slot_freed);
  g_mutex_unlock (&self->lock);
}

static gboolean
is_write (const char *method)
{
  return g_str_equal (method, "POST") || g_str_equal (method, "PATCH") ||
         g_str_equal (method, "PUT") || g_str_equal (method, "DELETE");
}

/* Before a request to @host: wait while the host asked every request to
 * wait (a rate limit), then, for a write, as the host's write policy
 * says.  *@holds_write tells the caller to call end_write() once the
 * answer is in.  Wakes every 20 ms to see @cancellable. */
static gboolean
begin_request (LiaHttp       *self,
               const char    *host,
               gboolean       write,
               gboolean      *holds_write,
               GCancellable  *cancellable,
               GError       **error)
{
  gboolean ok = TRUE;

  *holds_write = FALSE;
  g_mutex_lock (&self->lock);
  for (;;)
    {
      HostState *state = host_state (self, host);
      gboolean limited = write && state->has_policy;
      gint64 now = g_get_monotonic_time ();
      gint64 until = state->blocked_until;

      if (limited && state->serial && state->writing)
        until = MAX (until, now + 20000);
      else if (limited)
        until = MAX (until, state->next_write);
      if (until <= now)
        {
          if (limited && state->serial)
            state->writing = *holds_write = TRUE;
          else if (limited)
            state->next_write = now + (gint64) state->min_interval_ms * 1000;
          break;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      g_cond_wait_until (&self->slot_freed, &self->lock, MIN (until, now + 20000));
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

/* The serial write to @host is answered: the next may start after the
 * interval. */
static void
end_write (LiaHttp    *self,
           const char *host)
{
  HostState *state;

  g_mutex_lock (&self->lock);
  state = host_state (self, host);
  state->writing = FALSE;
  state->next_write = g_get_monotonic_time () + (gint64) state->min_interval_ms * 1000;
  g_cond_broadcast (&self->slot_freed);
  g_mutex_unlock (&self->lock);
}

/* @host asked to wait @ms: no request to it starts before then. */
static void
block_host (LiaHttp    *self,
            const char *host,
            gint64      ms)
{
  HostState *state;

  g_mutex_lock (&self->lock);
  state = host_state (self, host);
  state->blocked_until = MAX (state->blocked_until, g_get_monotonic_time () + ms * 1000);
  g_mutex_unlock (&self->lock);
}

/* Sleep for @ms, waking early when cancelled. */
static gboolean
wait_cancellable (guint          ms,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (MIN (20000, end - g_get_monotonic_time () + 1));
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Retry-After is either seconds or an HTTP date. */
static gint64
retry_after_ms (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  char *end = NULL;
  gint64 seconds;

  if (value == NULL)
    return -1;
  seconds = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0' && seconds >= 0)
    return seconds * 1000;
  when = soup_date_time_new_from_http_string (value);
  if (when != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      return MAX (0, g_date_time_difference (when, now) / 1000);
    }
  return -1;
}

/* x-ratelimit-reset: the epoch second when the limit resets (GitHub,
 * GitLab) or an ISO 8601 time (Jira Cloud).  A reset already past still
 * waits a second. */
static gint64
reset_ms (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  char *end = NULL;
  gint64 epoch;

  if (value == NULL)
    return -1;
  epoch = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0' && epoch > 0 && epoch < G_MAXINT64 / 1000)
    return MAX (1000, epoch * 1000 - g_get_real_time () / 1000);
  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (value, utc);
  if (when != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      return MAX (1000, g_date_time_difference (when, now) / 1000);
    }
  return -1;
}

/* How long a 403 or 429 asks to wait, or -1 when it is not a rate limit
 * (a 403 for a missing permission must not be retried).  GitHub's rules
 * ("Rate limits for the REST API", exceeding the rate limit): wait
 * retry-after seconds when given; when x-ratelimit-remaining is 0, until
 * x-ratelimit-reset; for a secondary limit with neither, at least a
 * minute, longer at each retry.  Jira Cloud and GitLab send the same
 * headers. */
static gint64
rate_limit_wait_ms (SoupMessage *msg,
                    guint        code,
                    JsonNode    *answer,
                    guint        n_waits)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *remaining;
  g_autofree char *reason = NULL;
  g_autofree char *folded = NULL;
  gint64 ms;

  if (code != 403 && code != 429)
    return -1;
  ms = retry_after_ms (msg);
  if (ms >= 0)
    return ms;
  remaining = soup_message_headers_get_one (headers, "x-ratelimit-remaining");
  if (remaining != NULL && g_strcmp0 (remaining, "0") == 0)
    {
      ms = reset_ms (soup_message_headers_get_one (headers, "x-ratelimit-reset"));
      return ms >= 0 ? ms : RATE_LIMIT_MIN_WAIT_MS;
    }
  reason = lia_http_server_reason (answer);
  folded = reason ? g_utf8_casefold (reason, -1) : NULL;
  if (folded != NULL &&
      (strstr (folded, "secondary rate limit") != NULL || strstr (folded, "abuse detection") != NULL))
    return (gint64) RATE_LIMIT_MIN_WAIT_MS << MIN (n_waits, 6);
  return -1;
}

static void
collect_reasons (GString  *out,
                 JsonNode *node,
                 const char *prefix)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      if (*s == '\0')
        return;
      if (out->len > 0)
        g_string_append (out, "; ");
      if (prefix != NULL)
        g_string_append_printf (out, "%s: ", prefix);
      g_string_append (out, s);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          /* GitHub: {"resource":…, "field":"title", "code":"missing_field", "message":…} */
          if (JSON_NODE_HOLDS_OBJECT (item))
            {
              JsonObject *o = json_node_get_object (item);
              const char *field = json_object_get_string_member_with_default (o, "field", prefix);
              const char *message = json_object_get_string_member_with_default (o, "message", NULL);

              /* Confluence v2: {"status":…, "code":…, "title":…, "detail":…} */
              if (message == NULL)
                message = json_object_get_string_member_with_default (o, "title", NULL);
              if (message == NULL)
                message = json_object_get_string_member_with_default (o, "code", NULL);
              if (message != NULL)
                {
                  g_autoptr(JsonNode) text = json_node_init_string (json_node_alloc (), message);
                  collect_reasons (out, text, field);
                }
            }
          else
            collect_reasons (out, item, prefix);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Jira's and GitLab's {"field": "message"} or {"field": ["message"]} */
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &key, &member))
        collect_reasons (out, member, key);
    }
}

/* The server's own words for an error, from whichever shape it uses:
 * Redmine {"errors":[…]}, Jira {"errorMessages":[…],"errors":{field:…}},
 * GitHub {"message":…,"errors":[{field,code,message}]}, GitLab
 * {"message":… or {field:[…]}} or {"error":…}, Confluence {"message":…}. */
char *
lia_http_server_reason (JsonNode *reply)
{
  static const char * const keys[] = { "errorMessages", "errors", "message", "error", "error_description", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *object;

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;
  object = json_node_get_object (reply);
  for (guint i = 0; keys[i] != NULL; i++)
    collect_reasons (out, json_object_get_member (object, keys[i]), NULL);
  if (out->len == 0)
    return NULL;
  /* A reason is shown in one line and must not flood the window. */
  if (out->len > 400)
    {
      const char *cut = g_utf8_find_prev_char (out->str, out->str + 400);
      g_string_truncate (out, cut - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static JsonNode *
parse_body (GBytes *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  gsize i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i == size)
    return NULL;
  /* json-glib would let a duplicate key win, wrap a huge integer or decode
   * a lone surrogate into invalid UTF-8, and the sync would write that
   * into the workspace; refuse such an answer as not JSON, with where. */
  if (!lia_json_check_strict (data, size, ANSWER_MAX_DEPTH, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

static const char *
method_path (SoupMessage *msg,
             char       **storage)
{
  GUri *uri = soup_message_get_uri (msg);

  *storage = g_strdup_printf ("%s %s", soup_message_get_method (msg), g_uri_get_path (uri));
  return *storage;
}

static void
set_status_error (GError     **error,
                  SoupMessage *msg,
                  guint        status,
                  JsonNode    *reply,
                  gboolean     rate_limited)
{
  g_autofree char *reason = lia_http_server_reason (reply);
  g_autofree char *where = NULL;
  const char *phrase = soup_message_get_reason_phrase (msg);
  LiaSyncError code;
  const char *what;

  method_path (msg, &where);
  switch (rate_limited ? 429 : status)
    {
    case 400:
    case 422:
      code = LIA_SYNC_ERROR_VALIDATION;
      what = _("the server refused the data");
      break;
    case 401:
      code = LIA_SYNC_ERROR_AUTH;
      what = _("the token or user name was not accepted (check the account’s token)");
      break;
    case 403:
      code = LIA_SYNC_ERROR_FORBIDDEN;
      what = _("this account may not do that");
      break;
    case 404:
      code = LIA_SYNC_ERROR_NOT_FOUND;
      what = _("not found (check the address and the project)");
      break;
    case 409:
      code = LIA_SYNC_ERROR_CONFLICT;
      what = _("someone else changed it first");
      break;
    case 429:
      code = LIA_SYNC_ERROR_RATE_LIMITED;
      what = _("too many requests; the server asked to wait");
      break;
    default:
      code = status >= 500 ? LIA_SYNC_ERROR_SERVER : LIA_SYNC_ERROR_BAD_REPLY;
      what = status >= 500 ? _("the server failed") : _("unexpected answer");
      break;
    }

  if (reason != NULL)
    g_set_error (error, LIA_SYNC_ERROR, code, "%s: %u %s: %s: %s", where, status, phrase ? phrase : "", what, reason);
  else
    g_set_error (error, LIA_SYNC_ERROR, code, "%s: %u %s: %s", where, status, phrase ? phrase : "", what);
}

/* Methods that only read: a 301 or 302 repeats them at the new address. */
static gboolean
is_safe (const char *method)
{
  return g_str_equal (method, "GET") || g_str_equal (method, "HEAD") ||
         g_str_equal (method, "PROPFIND") || g_str_equal (method, "REPORT");
}

static gboolean
is_idempotent (const char *method)
{
  /* PROPFIND and REPORT (WebDAV, CalDAV) only read. */
  return g_str_equal (method, "GET") || g_str_equal (method, "PUT") ||
         g_str_equal (method, "DELETE") || g_str_equal (method, "HEAD") ||
         g_str_equal (method, "PROPFIND") || g_str_equal (method, "REPORT");
}

char *
lia_http_link_next (GHashTable *response_headers)
{
  const char *link = response_headers ? g_hash_table_lookup (response_headers, "link") : NULL;
  const char *p = link;

  /* <URI>; param; rel="next", <URI>; rel="prev" … ; a URI holds no '>'. */
  while (p != NULL && (p = strchr (p, '<')) != NULL)
    {
      const char *close = strchr (p, '>');
      const char *end;
      g_autofree char *params = NULL;
      g_auto(GStrv) parts = NULL;

      if (close == NULL)
        return NULL;
      end = strchr (close, '<');
      params = end ? g_strndup (close + 1, end - close - 1) : g_strdup (close + 1);
      parts = g_strsplit_set (params, ";,", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *param = g_strstrip (parts[i]);
          g_auto(GStrv) relations = NULL;

          if (g_ascii_strncasecmp (param, "rel=", 4) != 0)
            continue;
          /* rel="next", rel=next or a list of relations, rel="next last" */
          relations = g_strsplit_set (param + 4, "\" ", -1);
          for (guint j = 0; relations[j] != NULL; j++)
            if (g_ascii_strcasecmp (relations[j], "next") == 0)
              return g_strndup (p + 1, close - p - 1);
        }
      p = end;
    }
  return NULL;
}

/* An error after which the request may or may not have taken effect: the
 * caller must look before sending a create again. */
gboolean
lia_http_is_uncertain (const GError *error)
{
  return error != NULL && error->domain == LIA_SYNC_ERROR &&
         (error->code == LIA_SYNC_ERROR_NETWORK || error->code == LIA_SYNC_ERROR_SERVER ||
          error->code == LIA_SYNC_ERROR_BAD_REPLY);
}

/* Send @method @url with @headers (name, value, name, value, …, NULL) and
 * @body as JSON.  On success *@reply is the parsed answer (NULL when the
 * body is empty) and *@status the HTTP status.  Blocks; call from a
 * worker thread. */
gboolean
lia_http_request (LiaHttp             *self,
                  const char          *method,
                  const char          *url,
                  const char * const  *headers,
                  JsonNode            *body,
                  JsonNode           **reply,
                  guint               *status,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_return_val_if_fail (LIA_IS_HTTP (self), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return lia_http_request_full (self, method, url, headers, body, reply, status, NULL, cancellable, error);
}

static GHashTable *
copy_headers (SoupMessage *msg)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, soup_message_get_response_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_insert (table, g_ascii_strdown (name, -1), g_strdup (value));
  return table;
}

static int
default_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         default_port (a) == default_port (b);
}

/* How one kind of request differs from another: the JSON calls (trackers,
 * wikis) and the bytes calls (calendars, chat) share everything else. */
typedef struct
{
  const char *accept;        /* the Accept header unless the caller sets one, or NULL */
  gboolean    cross_origin;  /* may follow a redirect to another origin */
  gsize       max_reply;     /* bytes; 0 for no limit */
} RequestRules;

/* Where a redirect from @from to @target may be followed.  The JSON calls
 * stay in their origin (see redirect_target()).  A calendar subscription
 * may move to another host (a "secret address" is often served from a
 * CDN), but only to https, or to plain http on this computer from plain
 * http on this computer; never from https down to http. */
static gboolean
may_follow (const RequestRules *rules,
            GUri               *from,
            GUri               *target)
{
  if (same_origin (from, target))
    return TRUE;
  if (!rules->cross_origin)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (target), "https") == 0)
    return TRUE;
  return g_ascii_strcasecmp (g_uri_get_scheme (target), "http") == 0 &&
         g_ascii_strcasecmp (g_uri_get_scheme (from), "http") == 0 &&
         host_is_loopback (g_uri_get_host (target));
}

/* Where a 3xx answer to @msg (sent to @from) may be followed, or NULL
 * with an error.  The account's token travels in a header (Authorization,
 * X-Redmine-API-Key, PRIVATE-TOKEN) and libsoup would carry all but the
 * first to wherever a server points, so Liaison follows redirects itself,
 * and only within the origin it was given (which lia_http_check_url()
 * accepted: https, or http on this computer).  A change (POST, PATCH, PUT,
 * DELETE) is repeated only after a 307 or 308, which keep the method and
 * body; a 303 is fetched with GET. */
static GUri *
redirect_target (SoupMessage         *msg,
                 GUri                *from,
                 const char          *method,
                 guint                code,
                 const RequestRules  *rules,
                 GError             **error)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  g_autofree char *where = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GUri) target = NULL;

  method_path (msg, &where);
  if (location != NULL)
    target = g_uri_parse_relative (from, location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL || g_uri_get_host (target) == NULL || *g_uri_get_host (target) == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   _("%s: the server answered %u without a valid address to go to"), where, code);
      return NULL;
    }
  /* The query is left out: it may hold something the server signed. */
  shown = g_uri_to_string_partial (target, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);
  if (!may_follow (rules, from, target))
    {
      if (rules->cross_origin)
        g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE,
                     _("%s: the server redirected to %s, which is not https; not following it"),
                     where, shown);
      else
        g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE,
                     _("%s: the server redirected to %s; not following it with the account’s token"),
                     where, shown);
      return NULL;
    }
  if (code != 303 && code != 307 && code != 308 && !is_safe (method))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   _("%s: the server answered %u, moving the request to %s; a change is sent again only after 307 or 308"),
                   where, code, shown);
      return NULL;
    }
  return g_steal_pointer (&target);
}

/* libsoup drops a message's body when it restarts the message (it does so
 * by itself for GET, PUT and DELETE when a kept-alive connection turns out
 * to be closed by the server), but keeps its Content-Length, so the server
 * would get an empty body: a Redmine wiki page answered "Text cannot be
 * blank".  Put the body back. */
static void
message_restarted_cb (SoupMessage *msg,
                      GBytes      *body)
{
  soup_message_set_request_body_from_bytes (msg, NULL, body);
}

static void
unref_body (gpointer  data,
            GClosure *closure)
{
  g_bytes_unref (data);
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   gpointer      data)
{
  g_cancellable_cancel (data);
}

/* The answer's body, at most @max bytes (0: no limit); a longer one is
 * refused with LIA_SYNC_ERROR_TOO_LARGE before it is all in memory. */
static GBytes *
read_answer (LiaHttp       *self,
             SoupMessage   *msg,
             gsize          max,
             GCancellable  *cancellable,
             GError       **error)
{
  /* Closing the body stream early leaves libsoup waiting on a connection
   * that still holds the rest; cancelling this request's own cancellable
   * makes it drop the connection instead. */
  g_autoptr(GCancellable) own = g_cancellable_new ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GByteArray) data = NULL;
  gulong handler = 0;
  GBytes *bytes = NULL;
  goffset length;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb), g_object_ref (own), g_object_unref);
  in = soup_session_send (self->session, msg, own, error);
  if (in == NULL)
    goto out;
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
  if (max > 0 && length > 0 && (guint64) length > max)
    goto too_large;
  data = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[16384];
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, own, error);

      if (n < 0)
        goto out;
      if (n == 0)
        break;
      if (max > 0 && data->len + (gsize) n > max)
        goto too_large;
      g_byte_array_append (data, buffer, (guint) n);
    }
  g_input_stream_close (in, NULL, NULL);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  goto out;

too_large:
  {
    g_autofree char *where = NULL;
    g_autofree char *size = g_format_size (max);

    g_cancellable_cancel (own);
    g_input_stream_close (in, NULL, NULL);
    method_path (msg, &where);
    /* Translators: the second %s is a size, "10.0 MB" */
    g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_TOO_LARGE,
                 _("%s: the answer is larger than %s"), where, size);
  }

out:
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  return bytes;
}

/* The one request loop: origin rules, redirects, the per-host limits,
 * retries and rate limits.  On success (2xx, or 304 for a conditional
 * request) *@reply is the body and *@where "METHOD /path" of the last
 * request, for the caller's own messages. */
static gboolean
send_request (LiaHttp             *self,
              const RequestRules  *rules,
              const char          *method,
              const char          *url,
              const char * const  *headers,
              GBytes              *body,
              const char          *content_type,
              GBytes             **reply,
              guint               *status,
              GHashTable         **response_headers,
              char               **where_out,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(GBytes) payload = body ? g_bytes_ref (body) : NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) first = NULL;
  guint attempt = 0;
  guint redirects = 0;
  guint rate_waits = 0;

  if (!lia_http_check_url (url, error))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("“%s” is not a web address"), url);
      return FALSE;
    }
  first = g_uri_ref (uri);

  for (;;)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (method, uri);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) answer = NULL;
      const char *host = g_uri_get_host (uri);
      SoupMessageHeaders *request_headers = soup_message_get_request_headers (msg);
      gboolean holds_write = FALSE;
      gboolean rate_limited = FALSE;
      guint code;
      gint64 delay;
      gboolean retry;

      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      if (rules->accept != NULL)
        soup_message_headers_replace (request_headers, "Accept", rules->accept);
      /* The caller's headers (credentials among them) go to its origin only. */
      if (same_origin (first, uri))
        for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
          soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
      if (payload != NULL)
        {
          soup_message_set_request_body_from_bytes (msg, content_type, payload);
          g_signal_connect_data (msg, "restarted", G_CALLBACK (message_restarted_cb),
                                 g_bytes_ref (payload), unref_body, 0);
        }

      if (!begin_request (self, host, is_write (method), &holds_write, cancellable, error))
        return FALSE;
      take_slot (self, host);
      bytes = read_answer (self, msg, rules->max_reply, cancellable, &local_error);
      release_slot (self, host);
      if (holds_write)
        end_write (self, host);

      if (bytes == NULL)
        {
          g_autofree char *where = NULL;

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              g_error_matches (local_error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_TOO_LARGE))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          method_path (msg, &where);
          /* Refused connections never reached the server; anything else may have. */
          retry = (is_idempotent (method) ||
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)) &&
                  attempt < self->max_retries;
          if (!retry)
            {
              g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NETWORK, "%s: %s: %s", where,
                           g_uri_get_host (uri), local_error->message);
              return FALSE;
            }
          delay = -1;
        }
      else
        {
          code = soup_message_get_status (msg);
          if (status)
            *status = code;

          if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308)
            {
              g_autoptr(GUri) target = redirect_target (msg, uri, method, code, rules, error);

              if (target == NULL)
                return FALSE;
              if (++redirects > MAX_REDIRECTS)
                {
                  g_autofree char *where = NULL;

                  method_path (msg, &where);
                  g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                               ngettext ("%s: the server redirected more than %u time",
                                         "%s: the server redirected more than %u times", MAX_REDIRECTS),
                               where, MAX_REDIRECTS);
                  return FALSE;
                }
              if (code == 303 && !g_str_equal (method, "HEAD"))
                {
                  method = "GET";
                  g_clear_pointer (&payload, g_bytes_unref);
                }
              g_clear_pointer (&uri, g_uri_unref);
              uri = g_steal_pointer (&target);
              continue;
            }

          /* 304 answers a conditional request: the caller's copy is current. */
          if ((code >= 200 && code < 300) || code == 304)
            {
              if (reply)
                *reply = g_steal_pointer (&bytes);
              if (response_headers)
                *response_headers = copy_headers (msg);
              if (where_out)
                method_path (msg, where_out);
              return TRUE;
            }

          /* An error's body is read for the server's reason when it is
           * JSON; any other body is not quoted. */
          answer = parse_body (bytes, NULL);

          /* A rate-limited request was not processed, so even a create
           * is sent again once the wait is over. */
          delay = rate_limit_wait_ms (msg, code, answer, rate_waits);
          rate_limited = delay >= 0;
          if (rate_limited && attempt < self->max_retries)
            {
              guint seconds;

              delay = MIN (delay, (gint64) self->max_rate_wait_ms);
              seconds = (guint) ((delay + 999) / 1000);
              g_debug ("%s %s: rate limited, waiting %" G_GINT64_FORMAT " ms", method, g_uri_get_path (uri), delay);
              if (seconds > 0)
                g_signal_emit (self, signals[SIGNAL_WAITING], 0, host, seconds);
              /* Every request to the host waits, not only this one. */
              block_host (self, host, delay);
              rate_waits++;
              attempt++;
              continue;
            }

          /* 429 says the request was not processed.  A 503 should say the
           * same, but a proxy answers it after the server behind it has
           * committed a create (seen against Redmine behind a balancer),
           * so like 502 and 504 it repeats only idempotent requests; the
           * sync engine looks for a create before sending it again. */
          retry = !rate_limited && attempt < self->max_retries &&
                  (code == 429 ||
                   ((code == 502 || code == 503 || code == 504) && is_idempotent (method)));
          if (!retry)
            {
              set_status_error (error, msg, code, answer, rate_limited);
              return FALSE;
            }
          delay = retry_after_ms (msg);
        }

      if (delay < 0)
        delay = (gint64) self->base_delay_ms << MIN (attempt, 10);
      delay = MIN (delay, (gint64) self->max_delay_ms);
      g_debug ("%s %s: retrying in %" G_GINT64_FORMAT " ms", method, g_uri_get_path (uri), delay);
      if (!wait_cancellable ((guint) delay, cancellable, error))
        return FALSE;
      attempt++;
    }
}

gboolean
lia_http_request_full (LiaHttp             *self,
                       const char          *method,
                       const char          *url,
                       const char * const  *headers,
                       JsonNode            *body,
                       JsonNode           **reply,
                       guint               *status,
                       GHashTable         **response_headers,
                       GCancellable        *cancellable,
                       GError             **error)
{
  static const RequestRules json_rules = { "application/json", FALSE, 0 };
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) answer_headers = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (LIA_IS_HTTP (self), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (reply)
    *reply = NULL;
  if (response_headers)
    *response_headers = NULL;
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      payload = g_bytes_new_take (text, strlen (text));
    }
  if (!send_request (self, &json_rules, method, url, headers, payload, "application/json",
                     &bytes, status, &answer_headers, &where, cancellable, error))
    return FALSE;
  answer = parse_body (bytes, &parse_error);
  if (parse_error != NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   _("%s: the server’s answer is not valid JSON: %s"), where, parse_error->message);
      return FALSE;
    }
  if (reply)
    *reply = g_steal_pointer (&answer);
  if (response_headers)
    *response_headers = g_steal_pointer (&answer_headers);
  return TRUE;
}

/* Send @method @url with @headers (name, value, …, NULL) and @body (sent
 * as @content_type), for what is not JSON: iCalendar files, WebDAV XML,
 * chat webhooks.  The same rules as lia_http_request_full(): https unless
 * loopback, retries of safe methods on 5xx, 429 and network errors, waits,
 * cancellation, errors as LIA_SYNC_ERROR codes.  A 304 is a success
 * (*@status tells), with an empty body.  A redirect may go to another
 * origin, but only to https (or plain http on this computer from plain
 * http on this computer), and @headers are not sent there.  An answer
 * longer than @max_reply bytes (0: no limit) fails with
 * LIA_SYNC_ERROR_TOO_LARGE.  *@reply is never NULL on success.  Blocks;
 * call from a worker thread. */
gboolean
lia_http_request_bytes (LiaHttp             *self,
                        const char          *method,
                        const char          *url,
                        const char * const  *headers,
                        GBytes              *body,
                        const char          *content_type,
                        gsize                max_reply,
                        GBytes             **reply,
                        guint               *status,
                        GHashTable         **response_headers,
                        GCancellable        *cancellable,
                        GError             **error)
{
  RequestRules rules = { NULL, TRUE, max_reply };
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (LIA_IS_HTTP (self), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (reply)
    *reply = NULL;
  if (response_headers)
    *response_headers = NULL;
  if (!send_request (self, &rules, method, url, headers, body, content_type,
                     &bytes, status, response_headers, NULL, cancellable, error))
    return FALSE;
  if (reply)
    *reply = bytes ? g_steal_pointer (&bytes) : g_bytes_new (NULL, 0);
  return TRUE;
}

/* The progress line while a request waits after a rate limit (the
 * LiaHttp::waiting signal): "GitHub asks to wait 60 s…".  The service's
 * name when @host is that of @service_url, else the host. */
char *
lia_http_describe_wait (const char *host,
                        guint       seconds,
                        const char *service,
                        const char *service_url)
{
  g_return_val_if_fail (host != NULL, NULL);

  g_autoptr(GUri) uri = service_url ? g_uri_parse (service_url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *who = host;

  if (service != NULL && uri != NULL && g_uri_get_host (uri) != NULL &&
      g_ascii_strcasecmp (g_uri_get_host (uri), host) == 0)
    who = lia_choice_get_label (service);
  if (seconds < 120)
    /* Translators: %s is a service (GitHub) or a host name */
    return g_strdup_printf (_("%s asks to wait %u s…"), who, seconds);
  /* Translators: %s is a service (GitHub) or a host name */
  return g_strdup_printf (_("%s asks to wait %u min…"), who, (seconds + 59) / 60);
}

/* The header that carries an account's credentials: Basic with the e-mail
 * address on Jira Cloud and on Confluence given a user, a bearer token on
 * Jira and Confluence Data Center and on GitHub, the services' own headers
 * on Redmine and GitLab.  Wipe @value after use. */
void
lia_http_auth_header (const char  *service,
                      const char  *user,
                      const char  *token,
                      const char **name,
                      char       **value)
{
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  gboolean basic = g_strcmp0 (service, "jira-cloud") == 0 ||
                   (g_strcmp0 (service, "confluence") == 0 && user != NULL && *user != '\0');

  token = token ? token : "";
  if (basic)
    {
      g_autofree char *pair = g_strconcat (user ? user : "", ":", token, NULL);
      g_autofree char *b64 = g_base64_encode ((const guchar *) pair, strlen (pair));

      memset (pair, 0, strlen (pair));
      *name = "Authorization";
      *value = g_strconcat ("Basic ", b64, NULL);
      memset (b64, 0, strlen (b64));
    }
  else if (g_strcmp0 (service, "redmine") == 0)
    {
      *name = "X-Redmine-API-Key";
      *value = g_strdup (token);
    }
  else if (g_strcmp0 (service, "gitlab") == 0)
    {
      *name = "PRIVATE-TOKEN";
      *value = g_strdup (token);
    }
  else
    {
      *name = "Authorization";
      *value = g_strconcat ("Bearer ", token, NULL);
    }
}
