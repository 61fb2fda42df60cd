/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-calendar-source"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lia-calendar-source.h"
#include "lia-calendar.h"
#include "lia-dav.h"

/* Reading a member's live calendar.  A subscription is one GET, made
 * conditional (If-None-Match, If-Modified-Since) once a copy is cached.
 * A CalDAV calendar is asked first for its tag (getctag, or the
 * collection's getetag) and, when that changed or the planned days did,
 * for the busy times of those days only: a free-busy-query REPORT, which
 * reveals no event details, and where the server does not offer it (an
 * error, or the empty answer of Radicale 3.1) a calendar-query REPORT
 * with a time-range.  Either way only start, end, transparency and status
 * of events are kept (lia_calendar_strip), in memory and in the cache. */

struct _LiaCalendarSource
{
  GObject   parent_instance;

  LiaHttp  *http;
  char     *source;
  char     *user;
  char     *secret;
  char     *cache_dir;

  GMutex    lock;          /* the fields below, written by the reading thread */
  gint64    last_read;
  char     *error;
  gboolean  from_cache;
  gboolean  no_freebusy;   /* the server did not answer a free-busy-query */
};

G_DEFINE_FINAL_TYPE (LiaCalendarSource, lia_calendar_source, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SOURCE,
  PROP_LAST_READ,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the cache file holds for one source. */
typedef struct
{
  char   *etag;
  char   *last_modified;
  char   *tag;            /* CalDAV: the collection's ctag or etag */
  gint64  from;           /* CalDAV: the days the calendar was read for */
  gint64  to;
  char   *calendar;       /* reduced iCalendar text */
} CacheEntry;

static void
cache_entry_clear (CacheEntry *entry)
{
  g_clear_pointer (&entry->etag, g_free);
  g_clear_pointer (&entry->last_modified, g_free);
  g_clear_pointer (&entry->tag, g_free);
  g_clear_pointer (&entry->calendar, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CacheEntry, cache_entry_clear)

static void
wipe (char *secret)
{
  if (secret != NULL)
    {
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

/* ---- the cache ---------------------------------------------------------- */

/* Named by a hash of the address and the user: the address of a
 * subscription is its secret, and a file name is seen more easily than a
 * file's contents. */
static char *
cache_path (LiaCalendarSource *self)
{
  g_autofree char *key = g_strconcat (self->source, "\n", self->user ? self->user : "", NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);

  if (self->cache_dir != NULL)
    return g_build_filename (self->cache_dir, name, NULL);
  return g_build_filename (g_get_user_cache_dir (), "liaison", "calendars", name, NULL);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A cache that cannot be read is no cache: the calendar is fetched whole. */
static gboolean
cache_load (LiaCalendarSource *self,
            CacheEntry        *entry)
{
  g_autofree char *path = cache_path (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *calendar;

  memset (entry, 0, sizeof *entry);
  if (!json_parser_load_from_mapped_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  calendar = member_string (object, "calendar");
  if (calendar == NULL)
    return FALSE;
  entry->calendar = g_strdup (calendar);
  entry->etag = g_strdup (member_string (object, "etag"));
  entry->last_modified = g_strdup (member_string (object, "last_modified"));
  entry->tag = g_strdup (member_string (object, "tag"));
  entry->from = json_object_get_int_member_with_default (object, "from", 0);
  entry->to = json_object_get_int_member_with_default (object, "to", 0);
  return TRUE;
}

/* A failure to write the cache costs the next read a full fetch only. */
static void
cache_store (LiaCalendarSource *self,
             const CacheEntry  *entry)
{
  g_autofree char *path = cache_path (self);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "calendar");
  json_builder_add_string_value (builder, entry->calendar);
  if (entry->etag != NULL)
    {
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, entry->etag);
    }
  if (entry->last_modified != NULL)
    {
      json_builder_set_member_name (builder, "last_modified");
      json_builder_add_string_value (builder, entry->last_modified);
    }
  if (entry->tag != NULL)
    {
      json_builder_set_member_name (builder, "tag");
      json_builder_add_string_value (builder, entry->tag);
      json_builder_set_member_name (builder, "from");
      json_builder_add_int_value (builder, entry->from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_int_value (builder, entry->to);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("not caching the calendar: %s", error ? error->message : g_strerror (errno));
}

/* ---- errors in plain words ---------------------------------------------- */

/* LiaHttp's messages speak of trackers and tokens; a member's calendar
 * gets its own words.  The code stays, so callers can tell. */
static void
explain (GError **error)
{
  const char *words = NULL;

  if (error == NULL || *error == NULL || (*error)->domain != LIA_SYNC_ERROR)
    return;
  switch ((*error)->code)
    {
    case LIA_SYNC_ERROR_NOT_FOUND:
      words = _("calendar not found (404)");
      break;
    case LIA_SYNC_ERROR_AUTH:
      words = _("the calendar server did not accept the user name or password (401)");
      break;
    case LIA_SYNC_ERROR_FORBIDDEN:
      words = _("this user may not read the calendar (403)");
      break;
    case LIA_SYNC_ERROR_TOO_LARGE:
      words = _("the calendar is larger than 10 MB");
      break;
    default:
      return;
    }
  g_free ((*error)->message);
  (*error)->message = g_strdup (words);
}

static gboolean
check_calendar_text (GBytes  *bytes,
                     GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (data == NULL || memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("not an iCalendar file"));
      return FALSE;
    }
  return TRUE;
}

/* @bytes reduced, or an error that says the answer was no calendar. */
static char *
strip_answer (GBytes  *bytes,
              GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  char *stripped;

  if (!check_calendar_text (bytes, error))
    return NULL;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  stripped = lia_calendar_strip (text, &local_error);
  if (stripped == NULL)
    {
      /* Translators: %s says what is wrong with the file */
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("not an iCalendar file (%s)"),
                   local_error->message);
      return NULL;
    }
  return stripped;
}

/* ---- subscriptions ------------------------------------------------------ */

static char *
read_subscription (LiaCalendarSource  *self,
                   gboolean           *from_cache,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autofree char *url = lia_calendar_source_to_url (self->source);
  g_auto(CacheEntry) cached = { 0 };
  g_auto(CacheEntry) fresh = { 0 };
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GHashTable) answer_headers = NULL;
  gboolean have_cache = cache_load (self, &cached);
  guint status = 0;

  g_ptr_array_add (headers, (gpointer) "Accept");
  g_ptr_array_add (headers, (gpointer) "text/calendar, */*;q=0.5");
  if (have_cache && cached.etag != NULL)
    {
      g_ptr_array_add (headers, (gpointer) "If-None-Match");
      g_ptr_array_add (headers, cached.etag);
    }
  if (have_cache && cached.last_modified != NULL)
    {
      g_ptr_array_add (headers, (gpointer) "If-Modified-Since");
      g_ptr_array_add (headers, cached.last_modified);
    }
  g_ptr_array_add (headers, NULL);

  if (!lia_http_request_bytes (self->http, "GET", url, (const char * const *) headers->pdata, NULL, NULL,
                               LIA_CALENDAR_MAX_SIZE, &reply, &status, &answer_headers, cancellable, error))
    {
      explain (error);
      return NULL;
    }
  if (status == 304)
    {
      if (!have_cache)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                       _("the server answered “not modified” to a first request"));
          return NULL;
        }
      *from_cache = TRUE;
      return g_steal_pointer (&cached.calendar);
    }

  fresh.calendar = strip_answer (reply, error);
  if (fresh.calendar == NULL)
    return NULL;
  fresh.etag = g_strdup (g_hash_table_lookup (answer_headers, "etag"));
  fresh.last_modified = g_strdup (g_hash_table_lookup (answer_headers, "last-modified"));
  cache_store (self, &fresh);
  *from_cache = FALSE;
  return g_steal_pointer (&fresh.calendar);
}

/* ---- CalDAV ------------------------------------------------------------- */

static char *
basic_auth (const char *user,
            const char *secret)
{
  g_autofree char *pair = g_strconcat (user ? user : "", ":", secret ? secret : "", NULL);
  g_autofree char *b64 = g_base64_encode ((const guchar *) pair, strlen (pair));
  char *value = g_strconcat ("Basic ", b64, NULL);

  memset (pair, 0, strlen (pair));
  memset (b64, 0, strlen (b64));
  return value;
}

/* One WebDAV request with XML in and out; *@responses the multistatus. */
static gboolean
dav_request (LiaHttp       *http,
             const char    *method,
             const char    *url,
             const char    *depth,
             const char    *auth,
             const char    *xml,
             GBytes       **reply,
             GHashTable   **answer_headers,
             guint         *status,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GBytes) body = g_bytes_new (xml, strlen (xml));
  const char *headers[] = {
    "Depth", depth,
    "Accept", "application/xml, text/xml, text/calendar",
    auth ? "Authorization" : NULL, auth,
    NULL,
  };

  if (!lia_http_request_bytes (http, method, url, headers, body, "application/xml; charset=utf-8",
                               LIA_CALENDAR_MAX_SIZE, reply, status, answer_headers, cancellable, error))
    {
      explain (error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
dav_multistatus (LiaHttp       *http,
                 const char    *method,
                 const char    *url,
                 const char    *depth,
                 const char    *auth,
                 const char    *xml,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  guint status = 0;

  if (!dav_request (http, method, url, depth, auth, xml, &reply, NULL, &status, cancellable, error))
    return NULL;
  return lia_dav_parse_multistatus (reply, error);
}

static char *
format_utc (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

/* The collection's tag: changes whenever an event in it does. */
static char *
caldav_tag (LiaCalendarSource  *self,
            const char         *url,
            const char         *auth,
            GCancellable       *cancellable,
            GError            **error)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<d:propfind xmlns:d=\"DAV:\" xmlns:cs=\"http://calendarserver.org/ns/\">"
    "<d:prop><cs:getctag/><d:getetag/><d:sync-token/><d:resourcetype/></d:prop></d:propfind>";
  g_autoptr(GPtrArray) responses = dav_multistatus (self->http, "PROPFIND", url, "0", auth, xml, cancellable, error);
  LiaDavResponse *response;
  const char *tag;

  if (responses == NULL)
    return NULL;
  response = responses->len > 0 ? g_ptr_array_index (responses, 0) : NULL;
  if (response == NULL || !lia_dav_response_has_type (response, LIA_DAV_NS_CALDAV, "calendar"))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND,
                   _("this address is not a calendar (choose one of the calendars the server lists)"));
      return NULL;
    }
  tag = lia_dav_response_get (response, LIA_DAV_NS_CALSERVER, "getctag");
  if (tag == NULL)
    tag = lia_dav_response_get (response, LIA_DAV_NS_DAV, "sync-token");
  if (tag == NULL)
    tag = lia_dav_response_get (response, LIA_DAV_NS_DAV, "getetag");
  /* No tag at all: always read again. */
  return g_strdup (tag ? tag : "");
}

/* RFC 4791, 7.10.  NULL without an error when the server does not offer
 * it (Radicale 3.1 answers an empty multistatus). */
static char *
caldav_freebusy (LiaCalendarSource  *self,
                 const char         *url,
                 const char         *auth,
                 const char         *start,
                 const char         *end,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<c:free-busy-query xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
    "<c:time-range start=\"%s\" end=\"%s\"/></c:free-busy-query>", start, end);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  guint status = 0;
  char *busy;

  if (!dav_request (self->http, "REPORT", url, "1", auth, xml, &reply, NULL, &status, cancellable, &local_error))
    {
      /* Not offered (403, 405, 501, a refused body): the calendar-query
       * says the same in more words.  Anything else is the answer. */
      if (g_error_matches (local_error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION) ||
          g_error_matches (local_error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_FORBIDDEN) ||
          g_error_matches (local_error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY) ||
          g_error_matches (local_error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_SERVER))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (status != 200 || !check_calendar_text (reply, NULL))
    return NULL;
  text = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  if (strstr (text, "VFREEBUSY") == NULL)
    return NULL;
  busy = lia_calendar_from_freebusy (text, NULL);
  return busy;
}

/* RFC 4791, 7.8: the events that meet the range, as the server stores
 * them (recurring events as their master, expanded here). */
static char *
caldav_query (LiaCalendarSource  *self,
              const char         *url,
              const char         *auth,
              const char         *start,
              const char         *end,
              GCancellable       *cancellable,
              GError            **error)
{
  /* Only what busy times need is asked for, where the server honours
   * partial retrieval (RFC 4791, 9.6); everything else is stripped here. */
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
    "<d:prop><c:calendar-data/></d:prop>"
    "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
    "<c:time-range start=\"%s\" end=\"%s\"/>"
    "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>", start, end);
  g_autoptr(GPtrArray) responses = dav_multistatus (self->http, "REPORT", url, "1", auth, xml, cancellable, error);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GError) local_error = NULL;
  char *merged;

  if (responses == NULL)
    return NULL;
  texts = g_ptr_array_new ();
  for (guint i = 0; i < responses->len; i++)
    {
      const char *data = lia_dav_response_get (g_ptr_array_index (responses, i), LIA_DAV_NS_CALDAV, "calendar-data");

      if (data != NULL && *data != '\0')
        g_ptr_array_add (texts, (gpointer) data);
    }
  g_ptr_array_add (texts, NULL);
  merged = lia_calendar_merge ((const char * const *) texts->pdata, &local_error);
  if (merged == NULL)
    g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("not an iCalendar file (%s)"),
                 local_error->message);
  return merged;
}

static char *
read_caldav (LiaCalendarSource  *self,
             gint64              from,
             gint64              to,
             gboolean           *from_cache,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autofree char *url = lia_calendar_source_to_url (self->source);
  g_autofree char *auth = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_auto(CacheEntry) cached = { 0 };
  g_auto(CacheEntry) fresh = { 0 };
  gboolean no_freebusy;
  char *busy = NULL;

  if (self->user != NULL && *self->user != '\0')
    auth = basic_auth (self->user, self->secret);
  tag = caldav_tag (self, url, auth, cancellable, error);
  if (tag == NULL)
    goto out;
  if (*tag != '\0' && cache_load (self, &cached) && g_strcmp0 (cached.tag, tag) == 0 &&
      cached.from == from && cached.to == to)
    {
      *from_cache = TRUE;
      busy = g_steal_pointer (&cached.calendar);
      goto out;
    }

  /* All-day and floating events are local to whoever reads them: ask for a
   * day more on each side, the engine keeps to the range. */
  start = format_utc (from - 86400);
  end = format_utc (to + 86400);
  g_mutex_lock (&self->lock);
  no_freebusy = self->no_freebusy;
  g_mutex_unlock (&self->lock);
  if (!no_freebusy)
    {
      g_autoptr(GError) local_error = NULL;

      busy = caldav_freebusy (self, url, auth, start, end, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto out;
        }
      if (busy == NULL)
        {
          g_mutex_lock (&self->lock);
          self->no_freebusy = TRUE;
          g_mutex_unlock (&self->lock);
        }
    }
  if (busy == NULL)
    busy = caldav_query (self, url, auth, start, end, cancellable, error);
  if (busy == NULL)
    goto out;

  fresh.calendar = g_strdup (busy);
  fresh.tag = g_strdup (tag);
  fresh.from = from;
  fresh.to = to;
  if (*tag != '\0')
    cache_store (self, &fresh);
  *from_cache = FALSE;

out:
  if (auth != NULL)
    memset (auth, 0, strlen (auth));
  return busy;
}

/* ---- the object --------------------------------------------------------- */

static void
lia_calendar_source_finalize (GObject *object)
{
  LiaCalendarSource *self = LIA_CALENDAR_SOURCE (object);

  g_clear_object (&self->http);
  g_free (self->source);
  g_free (self->user);
  wipe (self->secret);
  g_free (self->cache_dir);
  g_free (self->error);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (lia_calendar_source_parent_class)->finalize (object);
}

static void
lia_calendar_source_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaCalendarSource *self = LIA_CALENDAR_SOURCE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_LAST_READ:
      g_value_set_int64 (value, lia_calendar_source_get_last_read (self));
      break;
    case PROP_ERROR:
      g_mutex_lock (&self->lock);
      g_value_set_string (value, self->error);
      g_mutex_unlock (&self->lock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_calendar_source_class_init (LiaCalendarSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_calendar_source_finalize;
  object_class->get_property = lia_calendar_source_get_property;

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Notified in the thread that read; the _async form reads in a worker
   * and notifies in the caller's main context. */
  properties[PROP_LAST_READ] =
    g_param_spec_int64 ("last-read", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_calendar_source_init (LiaCalendarSource *self)
{
  g_mutex_init (&self->lock);
}

/* @source as LiaMember:busy-source holds it; @user for CalDAV. */
LiaCalendarSource *
lia_calendar_source_new (LiaHttp    *http,
                         const char *source,
                         const char *user)
{
  LiaCalendarSource *self;

  g_return_val_if_fail (LIA_IS_HTTP (http), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_object_new (LIA_TYPE_CALENDAR_SOURCE, NULL);
  self->http = g_object_ref (http);
  self->source = g_strdup (source);
  self->user = g_strdup (user);
  return self;
}

const char *
lia_calendar_source_get_source (LiaCalendarSource *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_SOURCE (self), NULL);

  return self->source;
}

void
lia_calendar_source_set_secret (LiaCalendarSource *self,
                                const char        *secret)
{
  g_return_if_fail (LIA_IS_CALENDAR_SOURCE (self));

  wipe (self->secret);
  self->secret = g_strdup (secret);
}

void
lia_calendar_source_set_cache_dir (LiaCalendarSource *self,
                                   const char        *dir)
{
  g_return_if_fail (LIA_IS_CALENDAR_SOURCE (self));

  g_free (self->cache_dir);
  self->cache_dir = g_strdup (dir);
}

static char *
read_source (LiaCalendarSource  *self,
             gint64              from,
             gint64              to,
             gboolean           *from_cache,
             GCancellable       *cancellable,
             GError            **error)
{
  *from_cache = FALSE;
  if (to <= from)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("the range of days is empty"));
      return NULL;
    }
  switch (lia_calendar_source_kind (self->source))
    {
    case LIA_CALENDAR_SOURCE_SUBSCRIPTION:
      return read_subscription (self, from_cache, cancellable, error);
    case LIA_CALENDAR_SOURCE_CALDAV:
      return read_caldav (self, from, to, from_cache, cancellable, error);
    case LIA_CALENDAR_SOURCE_NONE:
    case LIA_CALENDAR_SOURCE_INVALID:
    default:
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   _("not a calendar address (https://, webcal:// or caldav:https://)"));
      return NULL;
    }
}

/* Records the outcome; returns whether anything a view shows changed. */
static void
record (LiaCalendarSource *self,
        gboolean           ok,
        gboolean           from_cache,
        const GError      *error)
{
  gboolean error_changed;

  g_mutex_lock (&self->lock);
  if (ok)
    {
      self->last_read = g_get_real_time () / G_USEC_PER_SEC;
      self->from_cache = from_cache;
    }
  error_changed = g_strcmp0 (self->error, ok ? NULL : error->message) != 0;
  g_free (self->error);
  self->error = ok ? NULL : g_strdup (error->message);
  g_mutex_unlock (&self->lock);

  if (ok)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_READ]);
  if (error_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

char *
lia_calendar_source_read (LiaCalendarSource  *self,
                          gint64              from,
                          gint64              to,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean from_cache = FALSE;
  char *busy;

  g_return_val_if_fail (LIA_IS_CALENDAR_SOURCE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  busy = read_source (self, from, to, &from_cache, cancellable, &local_error);
  /* A cancelled read says nothing about the calendar. */
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    record (self, busy != NULL, from_cache, local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return busy;
}

typedef struct
{
  gint64    from;
  gint64    to;
  gboolean  from_cache;
} ReadData;

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  char *busy = read_source (source_object, data->from, data->to, &data->from_cache, cancellable, &error);

  if (busy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, busy, g_free);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LiaCalendarSource *self = LIA_CALENDAR_SOURCE (object);
  g_autoptr(GTask) outer = user_data;
  ReadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  char *busy = g_task_propagate_pointer (G_TASK (result), &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    record (self, busy != NULL, data->from_cache, error);
  if (busy == NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_pointer (outer, busy, g_free);
}

/* Reads in a worker thread; "last-read" and "error" change, and
 * @callback runs, in the thread-default main context of the caller. */
void
lia_calendar_source_read_async (LiaCalendarSource   *self,
                                gint64               from,
                                gint64               to,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  ReadData *data;

  g_return_if_fail (LIA_IS_CALENDAR_SOURCE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, lia_calendar_source_read_async);
  inner = g_task_new (self, cancellable, read_done_cb, outer);
  data = g_new0 (ReadData, 1);
  data->from = from;
  data->to = to;
  g_task_set_task_data (inner, data, g_free);
  g_task_run_in_thread (inner, read_thread);
}

char *
lia_calendar_source_read_finish (LiaCalendarSource  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
lia_calendar_source_get_last_read (LiaCalendarSource *self)
{
  gint64 t;

  g_return_val_if_fail (LIA_IS_CALENDAR_SOURCE (self), 0);

  g_mutex_lock (&self->lock);
  t = self->last_read;
  g_mutex_unlock (&self->lock);
  return t;
}

/* Valid until the next read ends; the "error" property gives a copy. */
const char *
lia_calendar_source_get_error (LiaCalendarSource *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_SOURCE (self), NULL);

  return self->error;
}

gboolean
lia_calendar_source_get_from_cache (LiaCalendarSource *self)
{
  gboolean from_cache;

  g_return_val_if_fail (LIA_IS_CALENDAR_SOURCE (self), FALSE);

  g_mutex_lock (&self->lock);
  from_cache = self->from_cache;
  g_mutex_unlock (&self->lock);
  return from_cache;
}

/* ---- discovery (RFC 6764, RFC 5397, RFC 4791 6.2.1) --------------------- */

void
lia_caldav_calendar_free (LiaCaldavCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_free (calendar->url);
  g_free (calendar->name);
  g_free (calendar);
}

/* @href (usually a path) against the address it came from. */
static char *
resolve (const char *base,
         const char *href)
{
  g_autoptr(GUri) base_uri = g_uri_parse (base, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) uri = base_uri ? g_uri_parse_relative (base_uri, href, G_URI_FLAGS_ENCODED, NULL) : NULL;

  return uri ? g_uri_to_string (uri) : NULL;
}

/* The href a property holds, resolved, or an error naming what is missing. */
static char *
discover_href (LiaHttp       *http,
               const char    *url,
               const char    *auth,
               const char    *ns,
               const char    *property,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                          "<d:propfind xmlns:d=\"DAV:\" xmlns:x=\"%s\">"
                                          "<d:prop><x:%s/></d:prop></d:propfind>", ns, property);
  g_autoptr(GPtrArray) responses = dav_multistatus (http, "PROPFIND", url, "0", auth, xml, cancellable, error);
  const char *href = NULL;

  if (responses == NULL)
    return NULL;
  for (guint i = 0; i < responses->len && href == NULL; i++)
    href = lia_dav_response_get_href (g_ptr_array_index (responses, i), ns, property);
  if (href == NULL)
    {
      /* Translators: %s is a WebDAV property, current-user-principal */
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   _("this is not a CalDAV server (it does not tell %s)"), property);
      return NULL;
    }
  return resolve (url, href);
}

GPtrArray *
lia_caldav_discover (LiaHttp       *http,
                     const char    *server_url,
                     const char    *user,
                     const char    *secret,
                     GCancellable  *cancellable,
                     GError       **error)
{
  static const char list_xml[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
    "<d:prop><d:resourcetype/><d:displayname/><c:supported-calendar-component-set/></d:prop></d:propfind>";
  g_autofree char *auth = NULL;
  g_autofree char *well_known = NULL;
  g_autofree char *root = NULL;
  g_autofree char *principal = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *calendars = NULL;

  g_return_val_if_fail (LIA_IS_HTTP (http), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  if (user != NULL && *user != '\0')
    auth = basic_auth (user, secret);
  /* RFC 6764: the well-known address points at the context path (a 301
   * that LiaHttp follows); a server without one is asked directly. */
  well_known = resolve (server_url, "/.well-known/caldav");
  /* "https://dav.example.org" is asked at "/", a path as given. */
  root = g_str_has_suffix (server_url, "/") || strstr (strstr (server_url, "://") ? strstr (server_url, "://") + 3 : server_url, "/")
         ? g_strdup (server_url) : g_strconcat (server_url, "/", NULL);
  if (well_known == NULL)
    {
      lia_http_check_url (server_url, error);
      goto out;
    }
  principal = discover_href (http, well_known, auth, LIA_DAV_NS_DAV, "current-user-principal", cancellable, &local_error);
  if (principal == NULL && (g_error_matches (local_error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND) ||
                            g_error_matches (local_error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY)))
    {
      g_clear_error (&local_error);
      principal = discover_href (http, root, auth, LIA_DAV_NS_DAV, "current-user-principal", cancellable, &local_error);
    }
  if (principal == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }
  home = discover_href (http, principal, auth, LIA_DAV_NS_CALDAV, "calendar-home-set", cancellable, error);
  if (home == NULL)
    goto out;
  responses = dav_multistatus (http, "PROPFIND", home, "1", auth, list_xml, cancellable, error);
  if (responses == NULL)
    goto out;

  calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_caldav_calendar_free);
  for (guint i = 0; i < responses->len; i++)
    {
      LiaDavResponse *response = g_ptr_array_index (responses, i);
      const char *href = lia_dav_response_get_href_self (response);
      const char *name = lia_dav_response_get (response, LIA_DAV_NS_DAV, "displayname");
      LiaCaldavCalendar *calendar;

      /* A calendar that holds only tasks (VTODO) has no busy times. */
      if (href == NULL || !lia_dav_response_has_type (response, LIA_DAV_NS_CALDAV, "calendar") ||
          !lia_dav_response_supports_events (response))
        continue;
      calendar = g_new0 (LiaCaldavCalendar, 1);
      calendar->url = resolve (home, href);
      if (calendar->url == NULL)
        {
          lia_caldav_calendar_free (calendar);
          continue;
        }
      if (name != NULL && *name != '\0')
        calendar->name = g_strdup (name);
      else
        {
          g_autofree char *trimmed = g_strdup (href);
          char *slash;

          while (g_str_has_suffix (trimmed, "/") && trimmed[1] != '\0')
            trimmed[strlen (trimmed) - 1] = '\0';
          slash = strrchr (trimmed, '/');
          calendar->name = g_uri_unescape_string (slash ? slash + 1 : trimmed, NULL);
          if (calendar->name == NULL)
            calendar->name = g_strdup (slash ? slash + 1 : trimmed);
        }
      g_ptr_array_add (calendars, calendar);
    }

out:
  if (auth != NULL)
    memset (auth, 0, strlen (auth));
  return calendars;
}

typedef struct
{
  LiaHttp *http;
  char    *server_url;
  char    *user;
  char    *secret;
} DiscoverData;

static void
discover_data_free (DiscoverData *data)
{
  g_object_unref (data->http);
  g_free (data->server_url);
  g_free (data->user);
  wipe (data->secret);
  g_free (data);
}

static void
discover_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DiscoverData *data = task_data;
  GError *error = NULL;
  GPtrArray *calendars = lia_caldav_discover (data->http, data->server_url, data->user, data->secret,
                                              cancellable, &error);

  if (calendars == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, calendars, (GDestroyNotify) g_ptr_array_unref);
}

void
lia_caldav_discover_async (LiaHttp             *http,
                           const char          *server_url,
                           const char          *user,
                           const char          *secret,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DiscoverData *data;

  g_return_if_fail (LIA_IS_HTTP (http));
  g_return_if_fail (server_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_caldav_discover_async);
  data = g_new0 (DiscoverData, 1);
  data->http = g_object_ref (http);
  data->server_url = g_strdup (server_url);
  data->user = g_strdup (user);
  data->secret = g_strdup (secret);
  g_task_set_task_data (task, data, (GDestroyNotify) discover_data_free);
  g_task_run_in_thread (task, discover_thread);
}

GPtrArray *
lia_caldav_discover_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
