/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-chat"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-chat.h"
#include "lia-meeting-summary.h"

/* Chat webhooks answer in text, not JSON (Slack and Mattermost "ok",
 * Discord 204 No Content, a Teams Workflow 202 Accepted), so the posts
 * use LiaHttp's bytes request: the same https rule, retries of a 429
 * (which says the message was not taken) and cancellation as the trackers.
 * A POST is never repeated after a 5xx or a timeout, since the message
 * may have landed; the person decides whether to post again. */

/* A webhook's answer is a word or nothing; more is not a webhook. */
#define MAX_REPLY (64 * 1024)

typedef struct
{
  LiaHttp   *http;
  char      *service;
  char      *url;
  GPtrArray *bodies;   /* GBytes */
  guint      n_posted;
} PostData;

static void
post_data_free (PostData *data)
{
  g_clear_object (&data->http);
  g_free (data->service);
  g_free (data->url);
  g_ptr_array_unref (data->bodies);
  g_free (data);
}

static char *
url_host (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : "");
}

/* LiaHttp's messages name the request's path, which for a webhook is the
 * secret itself; these say what happened in the person's words instead,
 * from the error's code and the answer's status. */
static void
set_chat_error (GError    **error,
                GError     *http_error,
                guint       status,
                const char *url)
{
  g_autofree char *host = url_host (url);
  const char *refused = _("the server refused the data");
  const char *reason = NULL;

  if (g_error_matches (http_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (http_error));
      return;
    }
  if (http_error->domain != LIA_SYNC_ERROR)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NETWORK,
                   /* Translators: %s is a host name, such as hooks.slack.com */
                   _("Could not reach %s; check the network connection"), host);
      return;
    }

  /* the server's own reason, when it gave one (Discord does, in JSON) */
  if (http_error->code == LIA_SYNC_ERROR_VALIDATION &&
      (reason = strstr (http_error->message, refused)) != NULL)
    {
      reason += strlen (refused);
      reason = g_str_has_prefix (reason, ": ") ? reason + 2 : NULL;
    }

  switch (http_error->code)
    {
    case LIA_SYNC_ERROR_NETWORK:
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NETWORK,
                   _("Could not reach %s; check the network connection"), host);
      return;
    case LIA_SYNC_ERROR_INSECURE:
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE,
                           _("The webhook’s address must start with https://"));
      return;
    case LIA_SYNC_ERROR_RATE_LIMITED:
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_RATE_LIMITED,
                           _("The chat service asked to wait before more messages; try again in a minute"));
      return;
    case LIA_SYNC_ERROR_NOT_FOUND:
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND,
                           _("The webhook was removed, or its address is wrong (404); create a new webhook and update the account"));
      return;
    case LIA_SYNC_ERROR_AUTH:
    case LIA_SYNC_ERROR_FORBIDDEN:
      g_set_error (error, LIA_SYNC_ERROR, http_error->code,
                   /* Translators: %u is the HTTP status, 401 or 403 */
                   _("The chat service did not accept the webhook (%u); it may have been turned off, or the channel may not take posts"),
                   status);
      return;
    case LIA_SYNC_ERROR_VALIDATION:
      if (reason != NULL && *reason != '\0')
        g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                     /* Translators: %s is the chat service's reason, in English */
                     _("The chat service refused the message: %s"), reason);
      else
        g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                             _("The chat service refused the message"));
      return;
    case LIA_SYNC_ERROR_SERVER:
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_SERVER,
                   /* Translators: %u is the HTTP status, such as 503 */
                   _("The chat service failed (%u); the message may or may not have arrived, so look in the channel before posting again"),
                   status);
      return;
    default:
      if (status == 410)
        g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND,
                             _("The channel was archived or deleted (410)"));
      else if (status != 0)
        g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                     /* Translators: %u is the HTTP status */
                     _("The chat service gave an unexpected answer (%u)"), status);
      else
        g_set_error_literal (error, LIA_SYNC_ERROR, http_error->code,
                             _("The chat service gave an unexpected answer"));
      return;
    }
}

gboolean
lia_chat_check_webhook (const char  *service,
                        const char  *webhook_url,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GUri) uri = NULL;

  if (!lia_chat_service_is_known (service))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   /* Translators: %s is what the user typed for a chat service */
                   _("“%s” is not a chat service: use slack, teams, discord or mattermost"),
                   service ? service : "");
      return FALSE;
    }
  if (webhook_url == NULL || *webhook_url == '\0' ||
      (uri = g_uri_parse (webhook_url, G_URI_FLAGS_NONE, NULL)) == NULL ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                           _("The webhook’s address is missing or not a web address"));
      return FALSE;
    }
  if (!lia_http_check_url (webhook_url, &local_error))
    {
      /* LiaHttp's message quotes the address; this one does not */
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE,
                           _("The webhook’s address must start with https://"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
post_bodies (LiaHttp       *http,
             const char    *service,
             const char    *url,
             GPtrArray     *bodies,
             guint         *n_posted,
             GCancellable  *cancellable,
             GError       **error)
{
  if (n_posted)
    *n_posted = 0;
  if (!lia_chat_check_webhook (service, url, error))
    return FALSE;

  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr(GError) http_error = NULL;
      g_autoptr(GBytes) reply = NULL;
      guint status = 0;

      if (!lia_http_request_bytes (http, "POST", url, NULL, g_ptr_array_index (bodies, i),
                                   "application/json", MAX_REPLY, &reply, &status, NULL,
                                   cancellable, &http_error))
        {
          set_chat_error (error, http_error, status, url);
          return FALSE;
        }
      if (n_posted)
        (*n_posted)++;
    }
  return TRUE;
}

static GPtrArray *
serialize (GPtrArray *payloads)
{
  GPtrArray *bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < payloads->len; i++)
    {
      char *text = json_to_string (g_ptr_array_index (payloads, i), FALSE);
      g_ptr_array_add (bodies, g_bytes_new_take (text, strlen (text)));
    }
  return bodies;
}

gboolean
lia_chat_post (LiaHttp       *http,
               const char    *service,
               const char    *webhook_url,
               GPtrArray     *payloads,
               guint         *n_posted,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) bodies = NULL;

  g_return_val_if_fail (LIA_IS_HTTP (http), FALSE);
  g_return_val_if_fail (payloads != NULL, FALSE);

  bodies = serialize (payloads);
  return post_bodies (http, service, webhook_url, bodies, n_posted, cancellable, error);
}

static void
post_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PostData *data = task_data;
  GError *error = NULL;

  if (post_bodies (data->http, data->service, data->url, data->bodies, &data->n_posted, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
lia_chat_post_async (LiaHttp             *http,
                     const char          *service,
                     const char          *webhook_url,
                     GPtrArray           *payloads,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PostData *data;

  g_return_if_fail (LIA_IS_HTTP (http));
  g_return_if_fail (payloads != NULL);

  data = g_new0 (PostData, 1);
  data->http = g_object_ref (http);
  data->service = g_strdup (service);
  data->url = g_strdup (webhook_url);
  data->bodies = serialize (payloads);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_chat_post_async);
  g_task_set_task_data (task, data, (GDestroyNotify) post_data_free);
  g_task_run_in_thread (task, post_thread);
}

gboolean
lia_chat_post_finish (GAsyncResult  *result,
                      guint         *n_posted,
                      GError       **error)
{
  PostData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_posted)
    *n_posted = data->n_posted;
  return g_task_propagate_boolean (G_TASK (result), error);
}
