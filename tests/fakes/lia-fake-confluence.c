/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake's Confluence: a space of pages over REST v1 (Data Center) and
 * v2 (Cloud), with labels, content properties, moves and paging. */
#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "lia-fake-tracker-private.h"

void
fake_page_free (FakePage *page)
{
  g_free (page->id);
  g_free (page->title);
  g_free (page->parent);
  g_free (page->body);
  g_strfreev (page->labels);
  g_clear_pointer (&page->props, g_hash_table_unref);
  g_free (page);
}

FakePage *
fake_page_new (void)
{
  FakePage *page = g_new0 (FakePage, 1);

  page->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  page->labels = g_new0 (char *, 1);
  page->parent = g_strdup ("");
  return page;
}


/* Every space has a home page. */
void
fake_confluence_init (FakeTracker *fake)
{
  FakePage *home = fake_page_new ();

  home->id = g_strdup ("1");
  home->title = g_strdup ("DOCS Home");
  home->body = g_strdup ("<p>Welcome</p>");
  home->version = 1;
  home->pos = 1;
  g_ptr_array_add (fake->pages, home);
}

/* ---- Confluence ------------------------------------------------------- */

static FakePage *
find_page (FakeTracker *fake,
           const char  *id)
{
  for (guint i = 0; id && i < fake->pages->len; i++)
    if (g_str_equal (((FakePage *) fake->pages->pdata[i])->id, id))
      return fake->pages->pdata[i];
  return NULL;
}

static FakePage *
find_page_title (FakeTracker *fake,
                 const char  *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);

  for (guint i = 0; i < fake->pages->len; i++)
    {
      FakePage *page = fake->pages->pdata[i];
      g_autofree char *other = g_utf8_casefold (page->title, -1);
      if (g_str_equal (folded, other))
        return page;
    }
  return NULL;
}

static double
last_pos (FakeTracker *fake,
          const char  *parent)
{
  double pos = 0;

  for (guint i = 0; i < fake->pages->len; i++)
    {
      FakePage *page = fake->pages->pdata[i];
      if (g_str_equal (page->parent, parent))
        pos = MAX (pos, page->pos);
    }
  return pos + 1;
}

static void
render_page (FakeTracker *fake,
             JsonBuilder *b,
             FakePage    *page,
             gboolean     full)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autofree char *webui = g_strdup_printf ("/spaces/DOCS/pages/%s", page->id);

  for (FakePage *up = find_page (fake, page->parent); up; up = find_page (fake, up->parent))
    g_ptr_array_insert (chain, 0, up);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, page->id);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "page");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "current");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, page->title);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, page->version);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "ancestors");
  json_builder_begin_array (b);
  for (guint i = 0; i < chain->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, ((FakePage *) chain->pdata[i])->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (full)
    {
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
      json_builder_set_member_name (b, "metadata");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "labels");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; page->labels[i]; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "prefix");
          json_builder_add_string_value (b, "global");
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, page->labels[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "_links");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "webui");
  json_builder_add_string_value (b, webui);
  json_builder_set_member_name (b, "base");
  json_builder_add_string_value (b, fake->url);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
reply_page (FakeTracker       *fake,
            SoupServerMessage *msg,
            guint              status,
            FakePage          *page,
            gboolean           full)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  render_page (fake, b, page, full);
  node = json_builder_get_root (b);
  fake_reply_json (msg, status, node);
}

/* Storage format must be well-formed XML: what Confluence checks first. */
static gboolean
storage_ok (const char  *value,
            char       **reason)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = g_strconcat ("<body>", value, "</body>", NULL);

  if (!g_markup_parse_context_parse (context, doc, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      *reason = g_strdup_printf ("Error parsing xhtml: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Checks a create or update body; FALSE with the status and reason
 * Confluence would answer. */
static gboolean
apply_page (FakeTracker *fake,
            FakePage    *page,
            JsonNode    *request,
            guint       *status,
            char       **reason)
{
  const char *title = fake_str_at (request, "title", NULL);
  const char *value = NULL;
  const char *parent = NULL;
  FakePage *same;
  JsonNode *body;

  *status = 400;
  if (g_strcmp0 (fake_str_at (request, "type", NULL), "page") != 0)
    return (*reason = g_strdup ("type must be page")), FALSE;
  if (title == NULL || *title == '\0')
    return (*reason = g_strdup ("A page must have a title")), FALSE;
  if (g_strcmp0 (fake_str_at (request, "space", "key"), "DOCS") != 0)
    return (*reason = g_strdup ("No space with key")), FALSE;
  body = json_object_get_member (json_node_get_object (request), "body");
  if (body && JSON_NODE_HOLDS_OBJECT (body))
    {
      value = fake_str_at (body, "storage", "value");
      if (g_strcmp0 (fake_str_at (body, "storage", "representation"), "storage") != 0)
        value = NULL;
    }
  if (value == NULL)
    return (*reason = g_strdup ("body.storage with representation storage is required")), FALSE;
  if (!storage_ok (value, reason))
    return FALSE;
  same = find_page_title (fake, title);
  if (same != NULL && same != page)
    return (*reason = g_strdup_printf ("A page with this title already exists: A page already exists with the title %s in the space with key DOCS", title)), FALSE;
  if (json_object_has_member (json_node_get_object (request), "ancestors"))
    {
      JsonNode *ancestors = json_object_get_member (json_node_get_object (request), "ancestors");
      JsonArray *list = JSON_NODE_HOLDS_ARRAY (ancestors) ? json_node_get_array (ancestors) : NULL;

      if (list == NULL || json_array_get_length (list) == 0)
        return (*reason = g_strdup ("ancestors must name a page")), FALSE;
      parent = fake_str_at (json_array_get_element (list, json_array_get_length (list) - 1), "id", NULL);
      if (find_page (fake, parent) == NULL)
        {
          *status = 404;
          return (*reason = g_strdup_printf ("No parent with id %s", parent ? parent : "")), FALSE;
        }
      for (FakePage *up = find_page (fake, parent); up; up = find_page (fake, up->parent))
        if (up == page)
          return (*reason = g_strdup ("A page cannot be moved under itself")), FALSE;
    }

  g_free (page->title);
  page->title = g_strdup (title);
  g_free (page->body);
  page->body = g_strdup (value);
  if (parent != NULL && !g_str_equal (parent, page->parent))
    {
      g_free (page->parent);
      page->parent = g_strdup (parent);
      page->pos = last_pos (fake, parent);
    }
  return TRUE;
}

/* ---- Confluence Cloud, REST v2 ----------------------------------------- */

#define SPACE_ID "65537"

static void
reply_error_v2 (FakeTracker       *fake,
                SoupServerMessage *msg,
                guint              status,
                const char        *code,
                const char        *title)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  g_free (fake->last_error);
  fake->last_error = g_strdup (title);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, status);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title);
  json_builder_set_member_name (b, "detail");
  json_builder_add_null_value (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  fake_reply_json (msg, status, node);
}

/* A page as v2 shows it: ids are strings, the parent a parentId. */
static void
render_page_v2 (FakeTracker *fake,
                JsonBuilder *b,
                FakePage    *page,
                gboolean     body,
                gboolean     props,
                gboolean     labels)
{
  g_autofree char *webui = g_strdup_printf ("/spaces/DOCS/pages/%s", page->id);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, page->id);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "current");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, page->title);
  json_builder_set_member_name (b, "spaceId");
  json_builder_add_string_value (b, SPACE_ID);
  json_builder_set_member_name (b, "parentId");
  if (*page->parent)
    json_builder_add_string_value (b, page->parent);
  else
    json_builder_add_null_value (b);
  if (*page->parent)
    {
      json_builder_set_member_name (b, "parentType");
      json_builder_add_string_value (b, "page");
    }
  json_builder_set_member_name (b, "position");
  json_builder_add_int_value (b, (gint64) page->pos);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, page->version);
  json_builder_set_member_name (b, "createdAt");
  json_builder_add_string_value (b, "2026-03-01T09:00:00.000Z");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "body");
  json_builder_begin_object (b);
  if (body)
    {
      json_builder_set_member_name (b, "storage");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "representation");
      json_builder_add_string_value (b, "storage");
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, page->body);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  if (props)
    {
      GHashTableIter iter;
      gpointer key, value;
      guint n = 0;

      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      g_hash_table_iter_init (&iter, page->props);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(JsonNode) v = json_from_string (value, NULL);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, "9001");
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, key);
          json_builder_set_member_name (b, "value");
          json_builder_add_value (b, g_steal_pointer (&v));
          json_builder_end_object (b);
          n++;
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "meta");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "hasMore");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  if (labels)
    {
      json_builder_set_member_name (b, "labels");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; page->labels[i]; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, "7001");
          json_builder_set_member_name (b, "prefix");
          json_builder_add_string_value (b, "global");
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, page->labels[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "meta");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "hasMore");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "_links");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "webui");
  json_builder_add_string_value (b, webui);
  json_builder_set_member_name (b, "tinyui");
  json_builder_add_string_value (b, "/x/abc");
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* A list answer of v2: results, and an opaque cursor in _links.next and
 * the Link header while more remain. */
static void
reply_list_v2 (FakeTracker       *fake,
               SoupServerMessage *msg,
               GHashTable        *query,
               const char        *path,
               GPtrArray         *items)
{
  const char *cursor = query ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *lim = query ? g_hash_table_lookup (query, "limit") : NULL;
  guint limit = lim ? (guint) atoi (lim) : 25;
  guint start = 0, n = 0;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (limit < 1 || limit > 250)
    {
      reply_error_v2 (fake, msg, 400, "INVALID_REQUEST_PARAMETER", "limit must be between 1 and 250");
      return;
    }
  limit = MIN (limit, fake->page_limit);
  if (cursor != NULL)
    {
      gsize len = 0;
      g_autofree guchar *raw = g_base64_decode (cursor, &len);
      g_autofree char *text = g_strndup ((const char *) raw, len);

      if (!g_str_has_prefix (text, "next:"))
        {
          reply_error_v2 (fake, msg, 400, "INVALID_CURSOR", "The cursor is not valid");
          return;
        }
      start = atoi (text + 5);
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "results");
  json_builder_begin_array (b);
  for (guint i = start; i < items->len && n < limit; i++, n++)
    render_page_v2 (fake, b, items->pdata[i], FALSE, FALSE, FALSE);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "_links");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "base");
  json_builder_add_string_value (b, fake->url);
  if (start + n < items->len)
    {
      g_autofree char *mark = g_strdup_printf ("next:%u", start + n);
      g_autofree char *b64 = g_base64_encode ((const guchar *) mark, strlen (mark));
      g_autofree char *escaped = g_uri_escape_string (b64, NULL, TRUE);
      g_autofree char *next = g_strdup_printf ("/wiki/api/v2/%s?cursor=%s&limit=%u", path, escaped, limit);
      g_autofree char *link = g_strdup_printf ("<%s>; rel=\"next\", <%s>; rel=\"base\"", next, fake->url);

      json_builder_set_member_name (b, "next");
      json_builder_add_string_value (b, next);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Link", link);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  fake_reply_json (msg, 200, node);
}

static void
reply_page_v2 (FakeTracker       *fake,
               SoupServerMessage *msg,
               FakePage          *page,
               gboolean           body,
               gboolean           props,
               gboolean           labels)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  render_page_v2 (fake, b, page, body, props, labels);
  node = json_builder_get_root (b);
  fake_reply_json (msg, 200, node);
}

/* Checks a v2 create or update body; FALSE with what Confluence would
 * answer. */
static gboolean
apply_page_v2 (FakeTracker *fake,
               FakePage    *page,
               JsonNode    *request,
               gboolean     create,
               guint       *status,
               char       **reason)
{
  const char *title = fake_str_at (request, "title", NULL);
  const char *space = fake_str_at (request, "spaceId", NULL);
  const char *value = fake_str_at (request, "body", "value");
  const char *repr = fake_str_at (request, "body", "representation");
  JsonNode *parent_node = fake_json_at (request, "parentId", NULL);
  const char *parent = fake_str_at (request, "parentId", NULL);
  FakePage *same;

  *status = 400;
  if (request == NULL)
    return (*reason = g_strdup ("The request body is not JSON")), FALSE;
  if (create ? g_strcmp0 (space, SPACE_ID) != 0 : space != NULL && !g_str_equal (space, SPACE_ID))
    return (*reason = g_strdup ("spaceId must be the id (not the key) of an existing space")), FALSE;
  if (!create && g_strcmp0 (fake_str_at (request, "status", NULL), "current") != 0)
    return (*reason = g_strdup ("status is required")), FALSE;
  if (title == NULL || *title == '\0')
    return (*reason = g_strdup ("A page must have a title")), FALSE;
  if (value == NULL || g_strcmp0 (repr, "storage") != 0)
    return (*reason = g_strdup ("body.representation storage and body.value are required")), FALSE;
  if (!storage_ok (value, reason))
    return FALSE;
  if (parent_node != NULL && parent == NULL)
    return (*reason = g_strdup ("parentId must be a string")), FALSE;
  same = find_page_title (fake, title);
  if (same != NULL && same != page)
    return (*reason = g_strdup_printf ("A page with this title already exists: A page already exists with the same TITLE in this space")), FALSE;
  if (parent != NULL)
    {
      if (find_page (fake, parent) == NULL)
        {
          *status = 404;
          return (*reason = g_strdup_printf ("No parent page with id %s", parent)), FALSE;
        }
      for (FakePage *up = find_page (fake, parent); up; up = find_page (fake, up->parent))
        if (up == page)
          return (*reason = g_strdup ("A page cannot be moved under itself")), FALSE;
    }

  g_free (page->title);
  page->title = g_strdup (title);
  g_free (page->body);
  page->body = g_strdup (value);
  /* Without a parentId a page lands at the space's root, where the page
   * tree does not show it. */
  if (parent != NULL && !g_str_equal (parent, page->parent))
    {
      g_free (page->parent);
      page->parent = g_strdup (parent);
      page->pos = last_pos (fake, parent);
    }
  return TRUE;
}

static void
handle_confluence_v2 (FakeTracker       *fake,
                      SoupServerMessage *msg,
                      const char        *method,
                      const char        *raw_path,
                      GHashTable        *query,
                      JsonNode          *request,
                      FakeFault          fault)
{
  const char *rest = strstr (raw_path, "/wiki/api/v2/");
  g_auto(GStrv) parts = NULL;
  g_autofree char *reason = NULL;
  const char *get_arg;
  FakePage *page;
  guint status;

  if (rest == NULL)
    {
      reply_error_v2 (fake, msg, 404, "NOT_FOUND", "No such API (v2 lives under /wiki/api/v2)");
      return;
    }
  parts = g_strsplit (rest + strlen ("/wiki/api/v2/"), "/", -1);

  if (g_str_equal (parts[0], "spaces") && parts[1] == NULL && g_str_equal (method, "GET"))
    {
      const char *keys = query ? g_hash_table_lookup (query, "keys") : NULL;
      g_autofree char *text = g_strdup_printf ("{\"results\":[%s],\"_links\":{\"base\":\"%s\"}}",
                                               g_strcmp0 (keys, "DOCS") == 0
                                               ? "{\"id\":\"" SPACE_ID "\",\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
                                                 "\"status\":\"current\",\"homepageId\":\"1\",\"_links\":{\"webui\":\"/spaces/DOCS\"}}"
                                               : "",
                                               fake->url);
      g_autoptr(JsonNode) node = json_from_string (text, NULL);
      fake_reply_json (msg, 200, node);
      return;
    }
  if (g_str_equal (parts[0], "spaces") && parts[1] && g_strcmp0 (parts[2], "pages") == 0 && parts[3] == NULL &&
      g_str_equal (method, "GET"))
    {
      g_autofree char *path = g_strdup_printf ("spaces/%s/pages", parts[1]);
      if (!g_str_equal (parts[1], SPACE_ID))
        {
          reply_error_v2 (fake, msg, 404, "NOT_FOUND", "No space with that id");
          return;
        }
      reply_list_v2 (fake, msg, query, path, fake->pages);
      return;
    }
  if (!g_str_equal (parts[0], "pages"))
    {
      reply_error_v2 (fake, msg, 404, "NOT_FOUND", "No such API");
      return;
    }

  if (parts[1] == NULL && g_str_equal (method, "POST"))
    {
      page = fake_page_new ();
      if (!apply_page_v2 (fake, page, request, TRUE, &status, &reason))
        {
          fake_page_free (page);
          reply_error_v2 (fake, msg, status, "INVALID_REQUEST_PARAMETER", reason);
          return;
        }
      if (page->pos == 0)
        page->pos = last_pos (fake, page->parent);
      page->id = g_strdup_printf ("%u", 1000 + ++fake->next_number);
      page->version = 1;
      g_ptr_array_add (fake->pages, page);
      if (fault == FAKE_FAULT_LOST)
        {
          g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
          g_io_stream_close (stream, NULL, NULL);
          return;
        }
      if (fault == FAKE_FAULT_500_AFTER)
        {
          reply_error_v2 (fake, msg, 500, "INTERNAL_SERVER_ERROR", "internal error");
          return;
        }
      if (fault == FAKE_FAULT_MALFORMED)
        {
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"id\": ", 7);
          return;
        }
      reply_page_v2 (fake, msg, page, TRUE, FALSE, FALSE);
      if (fault == FAKE_FAULT_SLOW)
        soup_server_message_pause (msg), g_object_set_data (G_OBJECT (msg), "slow", GUINT_TO_POINTER (3000));
      return;
    }

  page = parts[1] ? find_page (fake, parts[1]) : NULL;
  if (page == NULL)
    {
      reply_error_v2 (fake, msg, 404, "NOT_FOUND", "Page not found");
      return;
    }
  if (parts[2] == NULL && g_str_equal (method, "GET"))
    {
      get_arg = query ? g_hash_table_lookup (query, "include-properties") : NULL;
      reply_page_v2 (fake, msg, page,
                     query && g_strcmp0 (g_hash_table_lookup (query, "body-format"), "storage") == 0,
                     g_strcmp0 (get_arg, "true") == 0,
                     query && g_strcmp0 (g_hash_table_lookup (query, "include-labels"), "true") == 0);
      return;
    }
  if (parts[2] == NULL && g_str_equal (method, "PUT"))
    {
      JsonNode *vn = fake_json_at (request, "version", "number");
      gint64 number = vn && JSON_NODE_HOLDS_VALUE (vn) ? json_node_get_int (vn) : 0;

      if (g_strcmp0 (fake_str_at (request, "id", NULL), page->id) != 0)
        {
          reply_error_v2 (fake, msg, 400, "INVALID_REQUEST_PARAMETER", "id must be the page's id, as a string");
          return;
        }
      if (number != page->version + 1)
        {
          g_autofree char *text = g_strdup_printf ("Version must be incremented on update. Current version is: %u",
                                                   page->version);
          reply_error_v2 (fake, msg, 409, "CONFLICT", text);
          return;
        }
      if (!apply_page_v2 (fake, page, request, FALSE, &status, &reason))
        {
          reply_error_v2 (fake, msg, status, "INVALID_REQUEST_PARAMETER", reason);
          return;
        }
      page->version++;
      reply_page_v2 (fake, msg, page, TRUE, FALSE, FALSE);
      return;
    }
  if (g_strcmp0 (parts[2], "properties") == 0 && parts[3] == NULL)
    {
      if (g_str_equal (method, "POST"))
        {
          const char *key = fake_str_at (request, "key", NULL);
          JsonNode *value = fake_json_at (request, "value", NULL);
          g_autofree char *text = NULL;
          g_autofree char *answer = NULL;
          g_autoptr(JsonNode) node = NULL;

          if (key == NULL || value == NULL)
            {
              reply_error_v2 (fake, msg, 400, "INVALID_REQUEST_PARAMETER", "key and value are required");
              return;
            }
          if (g_hash_table_contains (page->props, key))
            {
              reply_error_v2 (fake, msg, 409, "CONFLICT", "A property with this key already exists");
              return;
            }
          text = json_to_string (value, FALSE);
          g_hash_table_insert (page->props, g_strdup (key), g_strdup (text));
          answer = g_strdup_printf ("{\"id\":\"9001\",\"key\":\"%s\",\"value\":%s,\"version\":{\"number\":1}}", key, text);
          node = json_from_string (answer, NULL);
          fake_reply_json (msg, 200, node);
          return;
        }
      if (g_str_equal (method, "GET"))
        {
          const char *key = query ? g_hash_table_lookup (query, "key") : NULL;
          const char *value = key ? g_hash_table_lookup (page->props, key) : NULL;
          g_autofree char *text = g_strdup_printf ("{\"results\":[%s%s%s%s%s],\"_links\":{}}",
                                                   value ? "{\"id\":\"9001\",\"key\":\"" : "", value ? key : "",
                                                   value ? "\",\"value\":" : "", value ? value : "", value ? "}" : "");
          g_autoptr(JsonNode) node = json_from_string (text, NULL);
          fake_reply_json (msg, 200, node);
          return;
        }
    }
  if (g_strcmp0 (parts[2], "labels") == 0 && parts[3] == NULL && g_str_equal (method, "GET"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; page->labels[i]; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "prefix");
          json_builder_add_string_value (b, "global");
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, page->labels[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      fake_reply_json (msg, 200, node);
      return;
    }
  if (g_strcmp0 (parts[2], "children") == 0 && parts[3] == NULL && g_str_equal (method, "GET"))
    {
      g_autoptr(GPtrArray) children = g_ptr_array_new ();
      g_autofree char *path = g_strdup_printf ("pages/%s/children", page->id);

      for (guint i = 0; i < fake->pages->len; i++)
        if (g_str_equal (((FakePage *) fake->pages->pdata[i])->parent, page->id))
          g_ptr_array_add (children, fake->pages->pdata[i]);
      reply_list_v2 (fake, msg, query, path, children);
      return;
    }
  /* v2 has no way to add a label, nor to move before or after a page. */
  reply_error_v2 (fake, msg, 405, "METHOD_NOT_ALLOWED", "Method not allowed");
}

void
fake_confluence_handle (FakeTracker       *fake,
                        SoupServerMessage *msg,
                        const char        *method,
                        const char        *raw_path,
                        GHashTable        *query,
                        JsonNode          *request,
                        FakeFault          fault)
{
  const char *rest = strstr (raw_path, "/rest/api/content");
  g_auto(GStrv) parts = NULL;
  guint status;
  g_autofree char *reason = NULL;

  if (strstr (raw_path, "/api/v2/") != NULL)
    {
      if (fake->cloud)
        handle_confluence_v2 (fake, msg, method, raw_path, query, request, fault);
      else
        {
          /* Data Center has no REST v2: Tomcat's HTML 404. */
          soup_server_message_set_status (msg, 404, NULL);
          soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html>Not Found</html>", 22);
        }
      return;
    }
  if (g_str_has_suffix (raw_path, "/rest/api/space/DOCS") && g_str_equal (method, "GET"))
    {
      g_autofree char *text = g_strdup_printf ("{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
                                               "\"homepage\":{\"id\":\"1\",\"type\":\"page\",\"title\":\"DOCS Home\"},"
                                               "\"_links\":{\"base\":\"%s\"}}", fake->url);
      g_autoptr(JsonNode) node = json_from_string (text, NULL);
      fake_reply_json (msg, 200, node);
      return;
    }
  if (strstr (raw_path, "/rest/api/space/") != NULL)
    {
      fake_reply_error (fake, msg, 404, "No space found with key");
      return;
    }
  if (rest == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  rest += strlen ("/rest/api/content");
  if (fake->cloud && strstr (rest, "/move/") == NULL)
    {
      /* Cloud's v1 content API is deprecated in favour of v2; the fake
       * answers as if it were gone, so nothing relies on it. */
      fake_reply_error (fake, msg, 410, "Gone: use /wiki/api/v2/pages");
      return;
    }
  parts = g_strsplit (*rest == '/' ? rest + 1 : rest, "/", -1);

  if (g_str_equal (method, "GET") && *rest == '\0')
    {
      const char *space = query ? g_hash_table_lookup (query, "spaceKey") : NULL;
      guint start = query && g_hash_table_lookup (query, "start") ? atoi (g_hash_table_lookup (query, "start")) : 0;
      guint limit = query && g_hash_table_lookup (query, "limit") ? atoi (g_hash_table_lookup (query, "limit")) : 25;
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      guint n = 0;

      if (g_strcmp0 (space, "DOCS") != 0)
        {
          fake_reply_error (fake, msg, 404, "No space with key");
          return;
        }
      limit = MIN (limit, fake->page_limit);    /* Confluence caps the page size */
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = start; i < fake->pages->len && n < limit; i++, n++)
        render_page (fake, b, fake->pages->pdata[i], FALSE);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, start);
      json_builder_set_member_name (b, "limit");
      json_builder_add_int_value (b, limit);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, n);
      json_builder_set_member_name (b, "_links");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "base");
      json_builder_add_string_value (b, fake->url);
      if (start + n < fake->pages->len)
        {
          /* The next link keeps every parameter of the request. */
          g_autoptr(GHashTable) again = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          g_autofree char *form = NULL;
          g_autofree char *next = NULL;
          GHashTableIter iter;
          gpointer k, v;

          g_hash_table_iter_init (&iter, query);
          while (g_hash_table_iter_next (&iter, &k, &v))
            g_hash_table_insert (again, k, g_strdup (v));
          g_hash_table_insert (again, (gpointer) "start", g_strdup_printf ("%u", start + n));
          g_hash_table_insert (again, (gpointer) "limit", g_strdup_printf ("%u", limit));
          form = soup_form_encode_hash (again);
          next = g_strconcat ("/rest/api/content?", form, NULL);
          json_builder_set_member_name (b, "next");
          json_builder_add_string_value (b, next);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      fake_reply_json (msg, 200, node);
      return;
    }

  if (g_str_equal (method, "POST") && *rest == '\0')
    {
      FakePage *page = fake_page_new ();
      JsonNode *labels = fake_json_at (request, "metadata", "labels");
      GStrvBuilder *sb = g_strv_builder_new ();

      if (request == NULL || !apply_page (fake, page, request, &status, &reason))
        {
          fake_page_free (page);
          g_strv_builder_unref (sb);
          fake_reply_error (fake, msg, request ? status : 400, reason ? reason : "no JSON body");
          return;
        }
      if (page->pos == 0)
        page->pos = last_pos (fake, page->parent);
      for (guint i = 0; labels && JSON_NODE_HOLDS_ARRAY (labels) && i < json_array_get_length (json_node_get_array (labels)); i++)
        {
          const char *name = fake_str_at (json_array_get_element (json_node_get_array (labels), i), "name", NULL);
          if (name)
            g_strv_builder_add (sb, name);
        }
      g_strfreev (page->labels);
      page->labels = g_strv_builder_end (sb);
      g_strv_builder_unref (sb);
      page->id = g_strdup_printf ("%u", 1000 + ++fake->next_number);
      page->version = 1;
      g_ptr_array_add (fake->pages, page);

      if (fault == FAKE_FAULT_LOST)
        {
          g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
          g_io_stream_close (stream, NULL, NULL);
          return;
        }
      if (fault == FAKE_FAULT_500_AFTER)
        {
          fake_reply_error (fake, msg, 500, "internal error");
          return;
        }
      if (fault == FAKE_FAULT_MALFORMED)
        {
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"id\": ", 7);
          return;
        }
      reply_page (fake, msg, 200, page, TRUE);
      if (fault == FAKE_FAULT_SLOW)
        soup_server_message_pause (msg), g_object_set_data (G_OBJECT (msg), "slow", GUINT_TO_POINTER (3000));
      return;
    }

  {
    FakePage *page = find_page (fake, parts[0]);

    if (page == NULL)
      {
        fake_reply_error (fake, msg, 404, "No content found with id");
        return;
      }
    if (g_str_equal (method, "GET") && parts[1] == NULL)
      {
        reply_page (fake, msg, 200, page, TRUE);
        return;
      }
    if (g_str_equal (method, "PUT") && parts[1] == NULL)
      {
        JsonNode *vn = fake_json_at (request, "version", "number");
        gint64 number = vn && JSON_NODE_HOLDS_VALUE (vn) ? json_node_get_int (vn) : 0;

        if (number != page->version + 1)
          {
            g_autofree char *text = g_strdup_printf ("Version must be incremented on update. Current version is: %u",
                                                     page->version);
            fake_reply_error (fake, msg, 409, text);
            return;
          }
        if (g_strcmp0 (fake_str_at (request, "id", NULL), page->id) != 0)
          {
            fake_reply_error (fake, msg, 400, "id in the body differs from the path");
            return;
          }
        if (!apply_page (fake, page, request, &status, &reason))
          {
            fake_reply_error (fake, msg, status, reason);
            return;
          }
        page->version++;
        reply_page (fake, msg, 200, page, TRUE);
        return;
      }
    if (g_str_equal (method, "PUT") && g_strcmp0 (parts[1], "move") == 0 && fake->no_move)
      {
        /* Data Center before 7.x: no such resource. */
        soup_server_message_set_status (msg, 404, NULL);
        soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html>Not Found</html>", 22);
        return;
      }
    if (g_str_equal (method, "PUT") && g_strcmp0 (parts[1], "move") == 0 && parts[2] && parts[3])
      {
        FakePage *target = find_page (fake, parts[3]);
        g_autofree char *text = g_strdup_printf ("{\"pageId\":\"%s\"}", page->id);
        g_autoptr(JsonNode) node = json_from_string (text, NULL);

        if (target == NULL || target == page)
          {
            fake_reply_error (fake, msg, 404, "No target page");
            return;
          }
        if (g_str_equal (parts[2], "append"))
          {
            g_free (page->parent);
            page->parent = g_strdup (target->id);
            page->pos = last_pos (fake, target->id);
          }
        else if (g_str_equal (parts[2], "after") || g_str_equal (parts[2], "before"))
          {
            g_free (page->parent);
            page->parent = g_strdup (target->parent);
            page->pos = target->pos + (g_str_equal (parts[2], "after") ? 0.5 : -0.5);
            /* Renumber the siblings 1, 2, 3 … in their new order. */
            {
              g_autoptr(GPtrArray) siblings = g_ptr_array_new ();
              for (guint i = 0; i < fake->pages->len; i++)
                if (g_str_equal (((FakePage *) fake->pages->pdata[i])->parent, page->parent))
                  g_ptr_array_add (siblings, fake->pages->pdata[i]);
              for (guint i = 0; i < siblings->len; i++)
                for (guint j = i + 1; j < siblings->len; j++)
                  if (((FakePage *) siblings->pdata[j])->pos < ((FakePage *) siblings->pdata[i])->pos)
                    {
                      gpointer t = siblings->pdata[i];
                      siblings->pdata[i] = siblings->pdata[j];
                      siblings->pdata[j] = t;
                    }
              for (guint i = 0; i < siblings->len; i++)
                ((FakePage *) siblings->pdata[i])->pos = i + 1;
            }
          }
        else
          {
            fake_reply_error (fake, msg, 400, "position must be before, after or append");
            return;
          }
        fake_reply_json (msg, 200, node);
        return;
      }
  }
  soup_server_message_set_status (msg, 405, NULL);
}

/* ---- Confluence pages, for the tests ---------------------------------- */
JsonNode *
fake_wiki_get_page (FakeTracker *fake,
                    const char  *id_or_title)
{
  JsonNode *node = NULL;
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      render_page (fake, b, page, TRUE);
      node = json_builder_get_root (b);
    }
  g_mutex_unlock (&fake->lock);
  return node;
}

static void
outline (FakeTracker *fake,
         GString     *out,
         const char  *parent,
         guint        depth)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();

  for (guint i = 0; i < fake->pages->len; i++)
    if (g_str_equal (((FakePage *) fake->pages->pdata[i])->parent, parent))
      g_ptr_array_add (children, fake->pages->pdata[i]);
  for (guint i = 0; i < children->len; i++)
    for (guint j = i + 1; j < children->len; j++)
      if (((FakePage *) children->pdata[j])->pos < ((FakePage *) children->pdata[i])->pos)
        {
          gpointer t = children->pdata[i];
          children->pdata[i] = children->pdata[j];
          children->pdata[j] = t;
        }
  for (guint i = 0; i < children->len; i++)
    {
      FakePage *page = children->pdata[i];
      for (guint d = 0; d < depth; d++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s\n", page->title);
      outline (fake, out, page->id, depth + 1);
    }
}

char *
fake_wiki_outline (FakeTracker *fake)
{
  GString *out = g_string_new (NULL);

  g_mutex_lock (&fake->lock);
  outline (fake, out, "", 0);
  g_mutex_unlock (&fake->lock);
  return g_string_free (out, FALSE);
}

void
fake_wiki_remote_edit (FakeTracker *fake,
                       const char  *id_or_title,
                       const char  *body)
{
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page)
    {
      g_free (page->body);
      page->body = g_strdup (body);
      page->version++;
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_wiki_set_no_move (FakeTracker *fake)
{
  g_mutex_lock (&fake->lock);
  fake->no_move = TRUE;
  g_mutex_unlock (&fake->lock);
}

void
fake_wiki_set_page_limit (FakeTracker *fake,
                          guint        limit)
{
  g_mutex_lock (&fake->lock);
  fake->page_limit = limit;
  g_mutex_unlock (&fake->lock);
}

char *
fake_wiki_get_marker (FakeTracker *fake,
                      const char  *id_or_title)
{
  char *marker = NULL;
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page && fake->cloud && g_hash_table_lookup (page->props, "liaison-marker"))
    {
      g_autoptr(JsonNode) node = json_from_string (g_hash_table_lookup (page->props, "liaison-marker"), NULL);
      if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        marker = g_strdup (json_node_get_string (node));
    }
  for (guint i = 0; page && !fake->cloud && page->labels[i] && marker == NULL; i++)
    if (g_str_has_prefix (page->labels[i], "liaison-"))
      marker = g_strdup (page->labels[i] + strlen ("liaison-"));
  g_mutex_unlock (&fake->lock);
  return marker;
}

void
fake_wiki_set_marker_label (FakeTracker *fake,
                            const char  *id_or_title)
{
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page && g_hash_table_lookup (page->props, "liaison-marker"))
    {
      g_autoptr(JsonNode) node = json_from_string (g_hash_table_lookup (page->props, "liaison-marker"), NULL);
      char *labels[] = { g_strconcat ("liaison-", json_node_get_string (node), NULL), NULL };

      g_strfreev (page->labels);
      page->labels = g_strdupv (labels);
      g_free (labels[0]);
      g_hash_table_remove (page->props, "liaison-marker");
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_wiki_add_page (FakeTracker *fake,
                    const char  *title)
{
  FakePage *page = fake_page_new ();

  g_mutex_lock (&fake->lock);
  page->id = g_strdup_printf ("%u", 1000 + ++fake->next_number);
  page->title = g_strdup (title);
  page->body = g_strdup ("<p>someone else’s</p>");
  page->version = 1;
  page->pos = last_pos (fake, "");
  g_ptr_array_add (fake->pages, page);
  g_mutex_unlock (&fake->lock);
}
