/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LIA_SYNC_ERROR (lia_sync_error_quark ())

/* What went wrong talking to a tracker or wiki, as a person would ask it. */
typedef enum
{
  LIA_SYNC_ERROR_AUTH,          /* 401: wrong or missing token */
  LIA_SYNC_ERROR_FORBIDDEN,     /* 403 */
  LIA_SYNC_ERROR_NOT_FOUND,     /* 404 */
  LIA_SYNC_ERROR_VALIDATION,    /* 400/422 with the server's reason */
  LIA_SYNC_ERROR_RATE_LIMITED,  /* 429 after every retry */
  LIA_SYNC_ERROR_CONFLICT,      /* 409, or a remote edit since the last sync */
  LIA_SYNC_ERROR_SERVER,        /* 5xx after every retry */
  LIA_SYNC_ERROR_NETWORK,       /* no answer: refused, reset, timeout, TLS */
  LIA_SYNC_ERROR_BAD_REPLY,     /* an answer that is not what the API sends */
  LIA_SYNC_ERROR_INSECURE,      /* plain http to a host that is not loopback */
  LIA_SYNC_ERROR_INVALID,       /* refused locally before sending */
  LIA_SYNC_ERROR_TOO_LARGE,     /* an answer longer than the caller's limit */
} LiaSyncError;

GQuark lia_sync_error_quark (void);

#define LIA_TYPE_HTTP (lia_http_get_type ())
G_DECLARE_FINAL_TYPE (LiaHttp, lia_http, LIA, HTTP, GObject)

LiaHttp  *lia_http_new                (void);
void      lia_http_set_timeout        (LiaHttp             *self,
                                       guint                seconds);
void      lia_http_set_retry          (LiaHttp             *self,
                                       guint                max_retries,
                                       guint                base_delay_ms,
                                       guint                max_delay_ms);
void      lia_http_set_write_policy   (LiaHttp             *self,
                                       const char          *host,
                                       gboolean             serial,
                                       guint                min_interval_ms);
gboolean  lia_http_get_write_policy   (LiaHttp             *self,
                                       const char          *host,
                                       gboolean            *serial,
                                       guint               *min_interval_ms);
guint     lia_http_get_peak_in_flight (LiaHttp             *self);
guint     lia_http_get_request_count  (LiaHttp             *self);

gboolean  lia_http_check_url          (const char          *url,
                                       GError             **error);
/* Like lia_http_request(); *@response_headers (when not NULL) receives the
 * answer's headers with lower-case names, for paging and rate limits. */
gboolean  lia_http_request_full       (LiaHttp             *self,
                                       const char          *method,
                                       const char          *url,
                                       const char * const  *headers,
                                       JsonNode            *body,
                                       JsonNode           **reply,
                                       guint               *status,
                                       GHashTable         **response_headers,
                                       GCancellable        *cancellable,
                                       GError             **error);
/* Bytes in and out (iCalendar, WebDAV XML, chat webhooks); see the .c. */
gboolean  lia_http_request_bytes      (LiaHttp             *self,
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
                                       GError             **error);
gboolean  lia_http_request            (LiaHttp             *self,
                                       const char          *method,
                                       const char          *url,
                                       const char * const  *headers,
                                       JsonNode            *body,
                                       JsonNode           **reply,
                                       guint               *status,
                                       GCancellable        *cancellable,
                                       GError             **error);
void      lia_http_auth_header        (const char          *service,
                                       const char          *user,
                                       const char          *token,
                                       const char         **name,
                                       char               **value);
char     *lia_http_describe_wait      (const char          *host,
                                       guint                seconds,
                                       const char          *service,
                                       const char          *service_url);
gboolean  lia_http_is_uncertain       (const GError        *error);
/* The target of the rel="next" link in a Link header (RFC 8288), as
 * GitHub, GitLab and Confluence page their lists, or NULL. */
char     *lia_http_link_next          (GHashTable          *response_headers);
char     *lia_http_server_reason      (JsonNode            *reply);

G_END_DECLS
