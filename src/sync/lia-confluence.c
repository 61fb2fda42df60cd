/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-confluence"

#include "config.h"

#include <string.h>

#include "lia-sync-private.h"
#include "lia-wiki.h"

/* Confluence Cloud and Data Center through the content REST API
 * (/rest/api/content, the same on both; the account's address includes
 * Cloud's /wiki).  Bodies are storage-format XHTML; the page's marker is a
 * label, liaison-UUID, set with the create itself. */

struct _LiaConfluence
{
  LiaWiki parent_instance;
};

G_DECLARE_FINAL_TYPE (LiaConfluence, lia_confluence, LIA, CONFLUENCE, LiaWiki)
G_DEFINE_FINAL_TYPE (LiaConfluence, lia_confluence, LIA_TYPE_WIKI)

#define EXPAND "version,ancestors"

static LiaWikiPage *
page_from_json (LiaWiki  *self,
                JsonNode *node,
                JsonNode *links)
{
  LiaWikiPage *page = lia_wiki_page_new ();
  JsonArray *ancestors = lia_json_array (node, "ancestors");
  JsonArray *labels = lia_json_array (node, "metadata.labels.results");
  const char *base = lia_json_str (links ? links : node, "_links.base");
  const char *webui = lia_json_str (node, "_links.webui");

  lia_wiki_page_set (&page->key, lia_json_str (node, "id"));
  lia_wiki_page_set (&page->title, lia_json_str (node, "title"));
  page->version = lia_json_int (node, "version.number");
  if (ancestors && json_array_get_length (ancestors) > 0)
    {
      JsonNode *last = json_array_get_element (ancestors, json_array_get_length (ancestors) - 1);
      lia_wiki_page_set (&page->parent, lia_json_str (last, "id"));
    }
  lia_wiki_page_set (&page->body, lia_json_str (node, "body.storage.value"));
  for (guint i = 0; labels && i < json_array_get_length (labels); i++)
    {
      const char *name = lia_json_str (json_array_get_element (labels, i), "name");
      if (g_str_has_prefix (name, "liaison-") && strlen (name) == strlen ("liaison-") + 36)
        lia_wiki_page_set (&page->marker, name + strlen ("liaison-"));
    }
  if (*webui)
    {
      g_autofree char *url = g_strconcat (*base ? base : lia_wiki_get_base_url (self), webui, NULL);
      lia_wiki_page_set (&page->url, url);
    }
  return page;
}

static GPtrArray *
confluence_list (LiaWiki       *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_wiki_page_free);
  g_autofree char *space = g_uri_escape_string (lia_wiki_get_space (self), NULL, TRUE);
  const guint limit = 100;

  for (guint start = 0;; start += limit)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autofree char *path = g_strdup_printf ("/rest/api/content?spaceKey=%s&type=page&status=current"
                                               "&expand=" EXPAND "&start=%u&limit=%u",
                                               space, start, limit);
      JsonArray *results;

      if (!lia_wiki_call (self, "GET", path, NULL, &reply, cancellable, error))
        return NULL;
      results = lia_json_array (reply, "results");
      if (results == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                       "Confluence sent a page list without “results”");
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (results); i++)
        g_ptr_array_add (pages, page_from_json (self, json_array_get_element (results, i), reply));
      if (json_array_get_length (results) < limit || *lia_json_str (reply, "_links.next") == '\0')
        break;
    }
  return g_steal_pointer (&pages);
}

static LiaWikiPage *
confluence_fetch (LiaWiki       *self,
                  const char    *key,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (key, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/rest/api/content/%s?expand=" EXPAND ",body.storage,metadata.labels",
                                           escaped);
  g_autoptr(JsonNode) reply = NULL;
  GError *local = NULL;

  if (!lia_wiki_call (self, "GET", path, NULL, &reply, cancellable, &local))
    {
      if (g_error_matches (local, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND))
        {
          g_error_free (local);
          return NULL;
        }
      g_propagate_error (error, local);
      return NULL;
    }
  return page_from_json (self, reply, NULL);
}

static JsonNode *
page_body (LiaWiki     *self,
           LiaWikiPage *page,
           gboolean     create)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  if (!create)
    {
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, page->key);
    }
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "page");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, page->title);
  json_builder_set_member_name (b, "space");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, lia_wiki_get_space (self));
  json_builder_end_object (b);
  if (*page->parent)
    {
      json_builder_set_member_name (b, "ancestors");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, page->parent);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "body");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "storage");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, page->body);
  json_builder_set_member_name (b, "representation");
  json_builder_add_string_value (b, "storage");
  json_builder_end_object (b);
  json_builder_end_object (b);
  if (create && *page->marker)
    {
      g_autofree char *label = lia_tracker_marker_label (page->marker);

      json_builder_set_member_name (b, "metadata");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "labels");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "prefix");
      json_builder_add_string_value (b, "global");
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, label);
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  else if (!create)
    {
      json_builder_set_member_name (b, "version");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "number");
      json_builder_add_int_value (b, page->version + 1);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, "Published from Liaison");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
take_reply (LiaWiki      *self,
            LiaWikiPage  *page,
            JsonNode     *reply,
            GError      **error)
{
  g_autoptr(LiaWikiPage) sent = NULL;

  if (reply == NULL || *lia_json_str (reply, "id") == '\0' || lia_json_int (reply, "version.number") <= 0)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   "Confluence’s answer has no page id or version");
      return FALSE;
    }
  sent = page_from_json (self, reply, NULL);
  lia_wiki_page_set (&page->key, sent->key);
  lia_wiki_page_set (&page->url, sent->url);
  page->version = sent->version;
  return TRUE;
}

static gboolean
confluence_create (LiaWiki       *self,
                   LiaWikiPage   *page,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(JsonNode) body = page_body (self, page, TRUE);
  g_autoptr(JsonNode) reply = NULL;

  if (!lia_wiki_call (self, "POST", "/rest/api/content", body, &reply, cancellable, error))
    return FALSE;
  return take_reply (self, page, reply, error);
}

static gboolean
confluence_update (LiaWiki       *self,
                   LiaWikiPage   *page,
                   const char    *old_key,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(JsonNode) body = page_body (self, page, FALSE);
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *escaped = g_uri_escape_string (page->key, NULL, TRUE);
  g_autofree char *path = g_strconcat ("/rest/api/content/", escaped, NULL);

  if (!lia_wiki_call (self, "PUT", path, body, &reply, cancellable, error))
    return FALSE;
  return take_reply (self, page, reply, error);
}

static gboolean
confluence_order (LiaWiki       *self,
                  const char    *key,
                  const char    *after,
                  const char    *before,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (key, NULL, TRUE);
  g_autofree char *target = g_uri_escape_string (after ? after : before, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/rest/api/content/%s/move/%s/%s", escaped,
                                           after ? "after" : "before", target);

  return lia_wiki_call (self, "PUT", path, NULL, NULL, cancellable, error);
}

static char *
confluence_render (LiaWiki        *self,
                   const char     *markdown,
                   const char     *marker,
                   LiaWikiLinkFunc link,
                   gpointer        link_data)
{
  return lia_markdown_to_storage (markdown, lia_wiki_get_space (self), link, link_data);
}

static char *
confluence_title_for (LiaWiki    *self,
                      const char *title)
{
  g_autofree char *clean = lia_xml_clean (title);
  return g_strstrip (g_strdelimit (g_steal_pointer (&clean), "\t\n", ' '));
}

static void
lia_confluence_class_init (LiaConfluenceClass *klass)
{
  LiaWikiClass *wiki_class = LIA_WIKI_CLASS (klass);

  wiki_class->list = confluence_list;
  wiki_class->fetch = confluence_fetch;
  wiki_class->create = confluence_create;
  wiki_class->update = confluence_update;
  wiki_class->order = confluence_order;
  wiki_class->render = confluence_render;
  wiki_class->title_for = confluence_title_for;
}

static void
lia_confluence_init (LiaConfluence *self)
{
}
