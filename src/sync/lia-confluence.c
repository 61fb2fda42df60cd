/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-confluence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-sync-private.h"
#include "lia-wiki.h"

/* Confluence Cloud and Data Center.  The account's address includes
 * Cloud's /wiki (https://site.atlassian.net/wiki) or Data Center's
 * context path.  Which API a site speaks is asked once: Cloud answers
 * GET /api/v2/spaces?keys=KEY (REST v2, where the v1 content API is
 * deprecated); Data Center has no v2 and answers 404, so it gets the v1
 * content API (/rest/api/content).
 *
 * Bodies are storage-format XHTML.  Pages without a parent in the document
 * tree go under the space's home page: pages at the space's root do not
 * show in Confluence's page tree.  The marker that ties a page to its local
 * page is, on v1, a label liaison-UUID set with the create itself; v2
 * cannot add labels, so there it is a content property (key
 * liaison-marker, value the UUID) written right after the create and read
 * with the page (include-properties).  Lists follow _links.next (v2
 * cursors, v1 start/limit) or the Link header to the end, up to a cap. */

#define MARKER_PROPERTY "liaison-marker"
#define MAX_LIST_REQUESTS 100

struct _LiaConfluence
{
  LiaWiki   parent_instance;
  GMutex    lock;
  gboolean  probed;
  gboolean  v2;          /* Cloud: REST v2 */
  char     *space_id;    /* v2 only */
  char     *home_id;     /* the space's home page, "" when it has none */
};

G_DECLARE_FINAL_TYPE (LiaConfluence, lia_confluence, LIA, CONFLUENCE, LiaWiki)
G_DEFINE_FINAL_TYPE (LiaConfluence, lia_confluence, LIA_TYPE_WIKI)

#define EXPAND "version,ancestors"

/* Asks once which API the site speaks, and the space's id and home page. */
static gboolean
probe (LiaConfluence  *self,
       GCancellable   *cancellable,
       GError        **error)
{
  LiaWiki *wiki = LIA_WIKI (self);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autofree char *key = g_uri_escape_string (lia_wiki_get_space (wiki), NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/api/v2/spaces?keys=%s", key);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) local = NULL;
  guint status = 0;

  if (self->probed)
    return TRUE;
  if (lia_wiki_call_full (wiki, "GET", path, NULL, &reply, &status, NULL, cancellable, &local))
    {
      JsonArray *results = lia_json_array (reply, "results");
      JsonNode *space;

      if (results == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                       _("GET %s: the answer has no results list"), path);
          return FALSE;
        }
      if (json_array_get_length (results) == 0)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND,
                       _("Confluence has no space with the key “%s” that this account may see"),
                       lia_wiki_get_space (wiki));
          return FALSE;
        }
      space = json_array_get_element (results, 0);
      self->space_id = lia_json_scalar (space, "id");
      self->home_id = lia_json_scalar (space, "homepageId");
      if (*self->space_id == '\0')
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                       _("GET %s: the space has no id"), path);
          g_clear_pointer (&self->space_id, g_free);
          g_clear_pointer (&self->home_id, g_free);
          return FALSE;
        }
      self->v2 = TRUE;
      self->probed = TRUE;
      return TRUE;
    }
  if (status != 404)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* No REST v2: Data Center. */
  g_clear_pointer (&reply, json_node_unref);
  g_free (path);
  path = g_strdup_printf ("/rest/api/space/%s?expand=homepage", key);
  if (!lia_wiki_call (wiki, "GET", path, NULL, &reply, cancellable, error))
    return FALSE;
  self->home_id = lia_json_scalar (reply, "homepage.id");
  self->v2 = FALSE;
  self->probed = TRUE;
  return TRUE;
}

/* The parent Liaison means by "" (the top of its tree). */
static const char *
parent_or_home (LiaConfluence *self,
                const char    *parent)
{
  return parent && *parent ? parent : self->home_id;
}

static const char *
marker_of_label (const char *name)
{
  if (g_str_has_prefix (name, "liaison-") && strlen (name) == strlen ("liaison-") + 36)
    return name + strlen ("liaison-");
  return NULL;
}

static LiaWikiPage *
page_from_json (LiaConfluence *self,
                JsonNode      *node,
                JsonNode      *links)
{
  LiaWiki *wiki = LIA_WIKI (self);
  LiaWikiPage *page = lia_wiki_page_new ();
  const char *base = lia_json_str (links ? links : node, "_links.base");
  const char *webui = lia_json_str (node, "_links.webui");
  g_autofree char *id = lia_json_scalar (node, "id");
  g_autofree char *parent = NULL;

  lia_wiki_page_set (&page->key, id);
  lia_wiki_page_set (&page->title, lia_json_str (node, "title"));
  page->version = lia_json_int (node, "version.number");
  lia_wiki_page_set (&page->body, lia_json_str (node, "body.storage.value"));
  if (self->v2)
    {
      JsonArray *props = lia_json_array (node, "properties.results");
      JsonArray *labels = lia_json_array (node, "labels.results");

      parent = lia_json_scalar (node, "parentId");
      /* A page published through v1 before carries a label instead. */
      for (guint i = 0; labels && i < json_array_get_length (labels); i++)
        {
          const char *marker = marker_of_label (lia_json_str (json_array_get_element (labels, i), "name"));
          if (marker)
            lia_wiki_page_set (&page->marker, marker);
        }
      for (guint i = 0; props && i < json_array_get_length (props); i++)
        {
          JsonNode *prop = json_array_get_element (props, i);
          const char *value = lia_json_str (prop, "value");

          if (g_str_equal (lia_json_str (prop, "key"), MARKER_PROPERTY) && strlen (value) == 36)
            lia_wiki_page_set (&page->marker, value);
        }
    }
  else
    {
      JsonArray *ancestors = lia_json_array (node, "ancestors");
      JsonArray *labels = lia_json_array (node, "metadata.labels.results");

      if (ancestors && json_array_get_length (ancestors) > 0)
        parent = lia_json_scalar (json_array_get_element (ancestors, json_array_get_length (ancestors) - 1), "id");
      for (guint i = 0; labels && i < json_array_get_length (labels); i++)
        {
          const char *marker = marker_of_label (lia_json_str (json_array_get_element (labels, i), "name"));
          if (marker)
            lia_wiki_page_set (&page->marker, marker);
        }
    }
  /* Under the home page is Liaison's top. */
  if (parent && self->home_id && *self->home_id && g_str_equal (parent, self->home_id))
    g_clear_pointer (&parent, g_free);
  lia_wiki_page_set (&page->parent, parent);
  if (*webui)
    {
      g_autofree char *url = g_strconcat (*base ? base : lia_wiki_get_base_url (wiki), webui, NULL);
      lia_wiki_page_set (&page->url, url);
    }
  return page;
}

/* The "next" link of a list answer as a path under the account's address,
 * or "" at the end.  v2 links start at the site's root (/wiki/api/v2/…),
 * v1 links at the context path (/rest/api/…).  Only a path is taken, so
 * a link can never send the credentials to another host. */
static char *
next_path (LiaWiki     *wiki,
           JsonNode    *reply,
           GHashTable  *headers,
           GError     **error)
{
  const char *next = lia_json_str (reply, "_links.next");
  g_autofree char *from_header = NULL;
  g_autoptr(GUri) base = g_uri_parse (lia_wiki_get_base_url (wiki), G_URI_FLAGS_NONE, NULL);
  const char *context = base ? g_uri_get_path (base) : "";
  gsize len;

  if (*next == '\0' && headers != NULL)
    {
      /* Link: </wiki/api/v2/…?cursor=…>; rel="next" */
      from_header = lia_http_link_next (headers);
      next = from_header ? from_header : "";
    }
  if (*next == '\0')
    return g_strdup ("");
  if (next[0] != '/' || next[1] == '/')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   _("Confluence sent a next-page link that is not a path on this site: %s"), next);
      return NULL;
    }
  if (context == NULL || g_str_equal (context, "/"))
    context = "";
  len = context ? strlen (context) : 0;
  if (len > 0 && strncmp (next, context, len) == 0 && next[len] == '/')
    next += len;
  return g_strdup (next);
}

typedef void (*EachFunc) (LiaConfluence *self,
                          JsonNode      *item,
                          JsonNode      *reply,
                          gpointer       data);

/* GETs @path and every next page of it, calling @each on each result. */
static gboolean
get_all (LiaConfluence  *self,
         const char     *path,
         EachFunc        each,
         gpointer        data,
         GCancellable   *cancellable,
         GError        **error)
{
  LiaWiki *wiki = LIA_WIKI (self);
  g_autofree char *current = g_strdup (path);

  for (guint n = 0; n < MAX_LIST_REQUESTS; n++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GHashTable) headers = NULL;
      JsonArray *results;
      char *next;

      if (!lia_wiki_call_full (wiki, "GET", current, NULL, &reply, NULL, &headers, cancellable, error))
        return FALSE;
      results = lia_json_array (reply, "results");
      if (results == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                       _("GET %s: the answer has no results list"), current);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (results); i++)
        each (self, json_array_get_element (results, i), reply, data);
      next = next_path (wiki, reply, headers, error);
      if (next == NULL)
        return FALSE;
      g_free (current);
      current = next;
      if (*current == '\0')
        return TRUE;
    }
  /* Translators: %u is a number of requests; the list is of wiki pages */
  g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
               ngettext ("Confluence’s page list goes on after %u request; Liaison stops there so as not to loop (is the space unusually large?)",
                         "Confluence’s page list goes on after %u requests; Liaison stops there so as not to loop (is the space unusually large?)",
                         MAX_LIST_REQUESTS),
               MAX_LIST_REQUESTS);
  return FALSE;
}

static void
add_page (LiaConfluence *self,
          JsonNode      *item,
          JsonNode      *reply,
          gpointer       data)
{
  g_ptr_array_add (data, page_from_json (self, item, reply));
}

static GPtrArray *
confluence_list (LiaWiki       *wiki,
                 GCancellable  *cancellable,
                 GError       **error)
{
  LiaConfluence *self = LIA_CONFLUENCE (wiki);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_wiki_page_free);
  g_autofree char *path = NULL;

  if (!probe (self, cancellable, error))
    return NULL;
  if (self->v2)
    path = g_strdup_printf ("/api/v2/spaces/%s/pages?status=current&limit=250", self->space_id);
  else
    {
      g_autofree char *space = g_uri_escape_string (lia_wiki_get_space (wiki), NULL, TRUE);
      path = g_strdup_printf ("/rest/api/content?spaceKey=%s&type=page&status=current"
                              "&expand=" EXPAND "&start=0&limit=100", space);
    }
  if (!get_all (self, path, add_page, pages, cancellable, error))
    return NULL;
  return g_steal_pointer (&pages);
}

static LiaWikiPage *
confluence_fetch (LiaWiki       *wiki,
                  const char    *key,
                  GCancellable  *cancellable,
                  GError       **error)
{
  LiaConfluence *self = LIA_CONFLUENCE (wiki);
  g_autofree char *escaped = g_uri_escape_string (key, NULL, TRUE);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(LiaWikiPage) page = NULL;
  JsonNode *has_more;
  GError *local = NULL;

  if (!probe (self, cancellable, error))
    return NULL;
  if (self->v2)
    path = g_strdup_printf ("/api/v2/pages/%s?body-format=storage&include-properties=true&include-labels=true", escaped);
  else
    path = g_strdup_printf ("/rest/api/content/%s?expand=" EXPAND ",body.storage,metadata.labels", escaped);
  if (!lia_wiki_call (wiki, "GET", path, NULL, &reply, cancellable, &local))
    {
      if (g_error_matches (local, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND))
        {
          g_error_free (local);
          return NULL;
        }
      g_propagate_error (error, local);
      return NULL;
    }
  page = page_from_json (self, reply, NULL);
  has_more = lia_json_at (reply, "properties.meta.hasMore");
  if (self->v2 && *page->marker == '\0' && has_more && JSON_NODE_HOLDS_VALUE (has_more) &&
      json_node_get_value_type (has_more) == G_TYPE_BOOLEAN && json_node_get_boolean (has_more))
    {
      /* More properties than the page answer carries: ask for ours. */
      g_autoptr(JsonNode) props = NULL;
      g_autofree char *ppath = g_strdup_printf ("/api/v2/pages/%s/properties?key=" MARKER_PROPERTY, escaped);
      JsonArray *results;

      if (!lia_wiki_call (wiki, "GET", ppath, NULL, &props, cancellable, error))
        return NULL;
      results = lia_json_array (props, "results");
      if (results && json_array_get_length (results) > 0)
        lia_wiki_page_set (&page->marker, lia_json_str (json_array_get_element (results, 0), "value"));
    }
  return g_steal_pointer (&page);
}

static void
add_storage_body (JsonBuilder *b,
                  const char  *value,
                  gboolean     v2)
{
  json_builder_set_member_name (b, "body");
  json_builder_begin_object (b);
  if (!v2)
    {
      json_builder_set_member_name (b, "storage");
      json_builder_begin_object (b);
    }
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, value);
  json_builder_set_member_name (b, "representation");
  json_builder_add_string_value (b, "storage");
  if (!v2)
    json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_version (JsonBuilder *b,
             gint64       number)
{
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, number);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, "Published from Liaison");
  json_builder_end_object (b);
}

/* v2 (Cloud): POST/PUT /api/v2/pages. */
static JsonNode *
page_body_v2 (LiaConfluence *self,
              LiaWikiPage   *page,
              gboolean       create)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *parent = parent_or_home (self, page->parent);

  json_builder_begin_object (b);
  if (!create)
    {
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, page->key);
    }
  json_builder_set_member_name (b, "spaceId");
  json_builder_add_string_value (b, self->space_id);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "current");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, page->title);
  if (parent && *parent)
    {
      json_builder_set_member_name (b, "parentId");
      json_builder_add_string_value (b, parent);
    }
  add_storage_body (b, page->body, TRUE);
  if (!create)
    add_version (b, page->version + 1);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* v1 (Data Center): POST/PUT /rest/api/content. */
static JsonNode *
page_body_v1 (LiaConfluence *self,
              LiaWikiPage   *page,
              gboolean       create)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *parent = parent_or_home (self, page->parent);

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
  json_builder_add_string_value (b, lia_wiki_get_space (LIA_WIKI (self)));
  json_builder_end_object (b);
  if (parent && *parent)
    {
      json_builder_set_member_name (b, "ancestors");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, parent);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  add_storage_body (b, page->body, FALSE);
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
    add_version (b, page->version + 1);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
take_reply (LiaConfluence *self,
            LiaWikiPage   *page,
            JsonNode      *reply,
            GError       **error)
{
  g_autoptr(LiaWikiPage) sent = NULL;
  g_autofree char *id = reply ? lia_json_scalar (reply, "id") : NULL;

  if (reply == NULL || *id == '\0' || lia_json_int (reply, "version.number") <= 0)
    {
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                           _("Confluence’s answer has no page id or version"));
      return FALSE;
    }
  sent = page_from_json (self, reply, NULL);
  lia_wiki_page_set (&page->key, sent->key);
  lia_wiki_page_set (&page->url, sent->url);
  page->version = sent->version;
  return TRUE;
}

/* The marker on an existing page: a content property on v2, a label on
 * v1 (Data Center). */
static gboolean
confluence_mark (LiaWiki       *wiki,
                 const char    *key,
                 const char    *marker,
                 GCancellable  *cancellable,
                 GError       **error)
{
  LiaConfluence *self = LIA_CONFLUENCE (wiki);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = g_uri_escape_string (key, NULL, TRUE);
  g_autofree char *path = NULL;

  if (!probe (self, cancellable, error))
    return FALSE;
  if (self->v2)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, MARKER_PROPERTY);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, marker);
      json_builder_end_object (b);
      path = g_strdup_printf ("/api/v2/pages/%s/properties", escaped);
    }
  else
    {
      g_autofree char *label = lia_tracker_marker_label (marker);

      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "prefix");
      json_builder_add_string_value (b, "global");
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, label);
      json_builder_end_object (b);
      json_builder_end_array (b);
      path = g_strdup_printf ("/rest/api/content/%s/label", escaped);
    }
  body = json_builder_get_root (b);
  return lia_wiki_call (wiki, "POST", path, body, NULL, cancellable, error);
}

static gboolean
confluence_create (LiaWiki       *wiki,
                   LiaWikiPage   *page,
                   GCancellable  *cancellable,
                   GError       **error)
{
  LiaConfluence *self = LIA_CONFLUENCE (wiki);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) local = NULL;

  if (!probe (self, cancellable, error))
    return FALSE;
  if (!self->v2)
    {
      body = page_body_v1 (self, page, TRUE);
      if (!lia_wiki_call (wiki, "POST", "/rest/api/content", body, &reply, cancellable, error))
        return FALSE;
      return take_reply (self, page, reply, error);
    }

  body = page_body_v2 (self, page, TRUE);
  if (!lia_wiki_call (wiki, "POST", "/api/v2/pages", body, &reply, cancellable, error) ||
      !take_reply (self, page, reply, error))
    return FALSE;
  if (*page->marker == '\0')
    return TRUE;

  /* v2 cannot add a label: the marker is a content property, written in
   * a second request. */
  if (!confluence_mark (wiki, page->key, page->marker, cancellable, &local))
    {
      /* The page is there without its marker: say so.  A later publish
       * finds it by its title and body and marks it then. */
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   _("the page was created (id %s) but its Liaison marker could not be saved: %s"),
                   page->key, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
confluence_update (LiaWiki       *wiki,
                   LiaWikiPage   *page,
                   const char    *old_key,
                   GCancellable  *cancellable,
                   GError       **error)
{
  LiaConfluence *self = LIA_CONFLUENCE (wiki);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *escaped = g_uri_escape_string (page->key, NULL, TRUE);
  g_autofree char *path = NULL;

  if (!probe (self, cancellable, error))
    return FALSE;
  body = self->v2 ? page_body_v2 (self, page, FALSE) : page_body_v1 (self, page, FALSE);
  path = g_strconcat (self->v2 ? "/api/v2/pages/" : "/rest/api/content/", escaped, NULL);
  if (!lia_wiki_call (wiki, "PUT", path, body, &reply, cancellable, error))
    return FALSE;
  return take_reply (self, page, reply, error);
}

/* Order among siblings: the v1 move (Cloud has no v2 one).  Data Center
 * before 7.x has no move endpoint at all (404 or 405): the page stays
 * where it is and the caller hears G_IO_ERROR_NOT_SUPPORTED. */
static gboolean
confluence_order (LiaWiki       *wiki,
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
  g_autoptr(GError) local = NULL;
  guint status = 0;

  if (lia_wiki_call_full (wiki, "PUT", path, NULL, NULL, &status, NULL, cancellable, &local))
    return TRUE;
  if (status == 404 || status == 405)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("this Confluence cannot order pages (PUT %s answered %u); the page stays where it is"),
                   path, status);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
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
lia_confluence_finalize (GObject *object)
{
  LiaConfluence *self = LIA_CONFLUENCE (object);

  g_mutex_clear (&self->lock);
  g_free (self->space_id);
  g_free (self->home_id);
  G_OBJECT_CLASS (lia_confluence_parent_class)->finalize (object);
}

static void
lia_confluence_class_init (LiaConfluenceClass *klass)
{
  LiaWikiClass *wiki_class = LIA_WIKI_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lia_confluence_finalize;
  wiki_class->list = confluence_list;
  wiki_class->fetch = confluence_fetch;
  wiki_class->create = confluence_create;
  wiki_class->update = confluence_update;
  wiki_class->order = confluence_order;
  wiki_class->mark = confluence_mark;
  wiki_class->render = confluence_render;
  wiki_class->title_for = confluence_title_for;
}

static void
lia_confluence_init (LiaConfluence *self)
{
  g_mutex_init (&self->lock);
}
