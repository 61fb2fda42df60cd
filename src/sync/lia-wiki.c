/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-wiki"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-wiki.h"

/* LiaWiki: what Liaison needs from a wiki to publish its document tree
 * (list, fetch, create, update, order pages).  The base class holds the
 * account and builds authenticated requests; one subclass per service. */

typedef struct
{
  LiaHttp    *http;
  char       *service;
  char       *base_url;
  char       *space;
  const char *auth_name;
  char       *auth_value;
} LiaWikiPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiaWiki, lia_wiki, G_TYPE_OBJECT)

#define PRIV(self) ((LiaWikiPrivate *) lia_wiki_get_instance_private (self))

LiaWikiPage *
lia_wiki_page_new (void)
{
  LiaWikiPage *page = g_new0 (LiaWikiPage, 1);

  page->key = g_strdup ("");
  page->title = g_strdup ("");
  page->parent = g_strdup ("");
  page->url = g_strdup ("");
  page->body = g_strdup ("");
  page->marker = g_strdup ("");
  return page;
}

void
lia_wiki_page_free (LiaWikiPage *page)
{
  if (page == NULL)
    return;
  g_free (page->key);
  g_free (page->title);
  g_free (page->parent);
  g_free (page->url);
  g_free (page->body);
  g_free (page->marker);
  g_free (page);
}

void
lia_wiki_page_set (char       **field,
                   const char  *value)
{
  g_return_if_fail (field != NULL);

  g_free (*field);
  *field = g_strdup (value ? value : "");
}

static void
lia_wiki_finalize (GObject *object)
{
  LiaWikiPrivate *priv = PRIV (LIA_WIKI (object));

  g_clear_object (&priv->http);
  g_free (priv->service);
  g_free (priv->base_url);
  g_free (priv->space);
  /* Overwrite the secret before the memory goes back to the allocator. */
  if (priv->auth_value)
    memset (priv->auth_value, 0, strlen (priv->auth_value));
  g_free (priv->auth_value);
  G_OBJECT_CLASS (lia_wiki_parent_class)->finalize (object);
}

static char *
default_title_for (LiaWiki    *self,
                   const char *title)
{
  return g_strstrip (g_strdup (title));
}

static void
lia_wiki_class_init (LiaWikiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_wiki_finalize;
  klass->title_for = default_title_for;
}

static void
lia_wiki_init (LiaWiki *self)
{
}

LiaWiki *
lia_wiki_new (LiaHttp                *http,
              const LiaTrackerConfig *config,
              GError                **error)
{
  g_return_val_if_fail (LIA_IS_HTTP (http), NULL);
  g_return_val_if_fail (config != NULL, NULL);

  LiaWiki *self;
  LiaWikiPrivate *priv;
  GType type;
  g_autofree char *url = NULL;
  const char *token = config->token ? config->token : "";

  if (g_strcmp0 (config->service, "confluence") == 0)
    type = lia_confluence_get_type ();
  else if (g_strcmp0 (config->service, "redmine") == 0)
    type = lia_redmine_wiki_get_type ();
  else
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   _("“%s” has no wiki Liaison can publish to (expected confluence or redmine)"),
                   config->service ? config->service : "");
      return NULL;
    }
  url = lia_tracker_config_check (config, g_str_equal (config->service, "confluence")
                                          ? _("the account has no space key") : _("the account has no project"),
                                  error);
  if (url == NULL)
    return NULL;

  self = g_object_new (type, NULL);
  priv = PRIV (self);
  priv->http = g_object_ref (http);
  priv->service = g_strdup (config->service);
  priv->base_url = g_steal_pointer (&url);
  priv->space = g_strdup (config->project);
  lia_http_auth_header (priv->service, config->user, token, &priv->auth_name, &priv->auth_value);
  return self;
}

const char *lia_wiki_get_service  (LiaWiki *self) { g_return_val_if_fail (LIA_IS_WIKI (self), NULL); return PRIV (self)->service; }
LiaHttp    *lia_wiki_get_http     (LiaWiki *self) { g_return_val_if_fail (LIA_IS_WIKI (self), NULL); return PRIV (self)->http; }
const char *lia_wiki_get_base_url (LiaWiki *self) { g_return_val_if_fail (LIA_IS_WIKI (self), NULL); return PRIV (self)->base_url; }
const char *lia_wiki_get_space    (LiaWiki *self) { g_return_val_if_fail (LIA_IS_WIKI (self), NULL); return PRIV (self)->space; }

gboolean
lia_wiki_call (LiaWiki       *self,
               const char    *method,
               const char    *path,
               JsonNode      *body,
               JsonNode     **reply,
               GCancellable  *cancellable,
               GError       **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  LiaWikiPrivate *priv = PRIV (self);
  g_autofree char *url = g_strconcat (priv->base_url, path, NULL);
  const char *headers[] = { priv->auth_name, priv->auth_value, NULL };

  return lia_http_request (priv->http, method, url, headers, body, reply, NULL, cancellable, error);
}

/* Like lia_wiki_call(), with the answer's status and headers (lower-case
 * names) for paging and for telling an absent endpoint from an error. */
gboolean
lia_wiki_call_full (LiaWiki       *self,
                    const char    *method,
                    const char    *path,
                    JsonNode      *body,
                    JsonNode     **reply,
                    guint         *status,
                    GHashTable   **response_headers,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  LiaWikiPrivate *priv = PRIV (self);
  g_autofree char *url = g_strconcat (priv->base_url, path, NULL);
  const char *headers[] = { priv->auth_name, priv->auth_value, NULL };

  return lia_http_request_full (priv->http, method, url, headers, body, reply, status,
                                response_headers, cancellable, error);
}

GPtrArray *
lia_wiki_list (LiaWiki *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return LIA_WIKI_GET_CLASS (self)->list (self, cancellable, error);
}

LiaWikiPage *
lia_wiki_fetch (LiaWiki *self, const char *key, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return LIA_WIKI_GET_CLASS (self)->fetch (self, key, cancellable, error);
}

gboolean
lia_wiki_create (LiaWiki *self, LiaWikiPage *page, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return LIA_WIKI_GET_CLASS (self)->create (self, page, cancellable, error);
}

gboolean
lia_wiki_update (LiaWiki *self, LiaWikiPage *page, const char *old_key,
                 GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return LIA_WIKI_GET_CLASS (self)->update (self, page, old_key, cancellable, error);
}

gboolean
lia_wiki_can_order (LiaWiki *self)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);

  return LIA_WIKI_GET_CLASS (self)->order != NULL;
}

gboolean
lia_wiki_order (LiaWiki *self, const char *key, const char *after, const char *before,
                GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!lia_wiki_can_order (self))
    return TRUE;
  return LIA_WIKI_GET_CLASS (self)->order (self, key, after, before, cancellable, error);
}

gboolean
lia_wiki_can_mark (LiaWiki *self)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);

  return LIA_WIKI_GET_CLASS (self)->mark != NULL;
}

gboolean
lia_wiki_mark (LiaWiki *self, const char *key, const char *marker,
               GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!lia_wiki_can_mark (self))
    return TRUE;
  return LIA_WIKI_GET_CLASS (self)->mark (self, key, marker, cancellable, error);
}

/* The title @title gets on this wiki (Redmine turns spaces into
 * underscores and drops some punctuation). */
char *
lia_wiki_title_for (LiaWiki *self, const char *title)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), NULL);

  return LIA_WIKI_GET_CLASS (self)->title_for (self, title);
}

/* @markdown in the wiki's format, with links to local pages pointing at
 * their remote copies and @marker hidden in it where the wiki has no
 * labels.  Pure: safe on any thread. */
char *
lia_wiki_render (LiaWiki *self, const char *markdown, const char *marker,
                 LiaWikiLinkFunc link, gpointer link_data)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), NULL);

  return LIA_WIKI_GET_CLASS (self)->render (self, markdown ? markdown : "", marker, link, link_data);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *pages = lia_wiki_list (source, cancellable, &error);

  if (pages)
    g_task_return_pointer (task, pages, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* The page list on a worker thread (Test Connection). */
void
lia_wiki_list_async (LiaWiki             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (LIA_IS_WIKI (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
lia_wiki_list_finish (LiaWiki       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Lists the pages: proves the address, the token and the space. */
gboolean
lia_wiki_test_connection (LiaWiki *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_WIKI (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  g_autoptr(GPtrArray) pages = lia_wiki_list (self, cancellable, error);
  return pages != NULL;
}
