/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-redmine-wiki"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-sync-private.h"
#include "lia-wiki.h"

/* A Redmine project's wiki.  A page's key is its title as Redmine stores
 * it (spaces become underscores); create and update are both a PUT to
 * /projects/ID/wiki/TITLE.json, and a stale version gets 409.  The text is
 * Markdown (CommonMark) with the marker as a hidden last line. */

struct _LiaRedmineWiki
{
  LiaWiki parent_instance;
};

G_DECLARE_FINAL_TYPE (LiaRedmineWiki, lia_redmine_wiki, LIA, REDMINE_WIKI, LiaWiki)
G_DEFINE_FINAL_TYPE (LiaRedmineWiki, lia_redmine_wiki, LIA_TYPE_WIKI)

static char *
page_path (LiaWiki    *self,
           const char *title)
{
  g_autofree char *project = g_uri_escape_string (lia_wiki_get_space (self), NULL, TRUE);
  g_autofree char *escaped = g_uri_escape_string (title, NULL, TRUE);

  return g_strdup_printf ("/projects/%s/wiki/%s.json", project, escaped);
}

static char *
page_url (LiaWiki    *self,
          const char *title)
{
  g_autofree char *project = g_uri_escape_string (lia_wiki_get_space (self), NULL, TRUE);
  g_autofree char *escaped = g_uri_escape_string (title, NULL, TRUE);

  return g_strdup_printf ("%s/projects/%s/wiki/%s", lia_wiki_get_base_url (self), project, escaped);
}

static LiaWikiPage *
page_from_json (LiaWiki  *self,
                JsonNode *node)
{
  LiaWikiPage *page = lia_wiki_page_new ();
  g_autofree char *url = page_url (self, lia_json_str (node, "title"));
  g_autofree char *marker = NULL;
  g_autofree char *text = lia_strip_trailer (lia_json_str (node, "text"), &marker, NULL);

  lia_wiki_page_set (&page->key, lia_json_str (node, "title"));
  lia_wiki_page_set (&page->title, lia_json_str (node, "title"));
  lia_wiki_page_set (&page->parent, lia_json_str (node, "parent.title"));
  lia_wiki_page_set (&page->url, url);
  lia_wiki_page_set (&page->body, text);
  lia_wiki_page_set (&page->marker, marker);
  page->version = lia_json_int (node, "version");
  return page;
}

static GPtrArray *
redmine_list (LiaWiki       *self,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_wiki_page_free);
  g_autofree char *project = g_uri_escape_string (lia_wiki_get_space (self), NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/projects/%s/wiki/index.json", project);
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *list;

  if (!lia_wiki_call (self, "GET", path, NULL, &reply, cancellable, error))
    return NULL;
  list = lia_json_array (reply, "wiki_pages");
  if (list == NULL)
    {
      /* Translators: keep “wiki_pages”, the name of a field in Redmine's answer */
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                           _("Redmine sent a wiki index without “wiki_pages”"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_ptr_array_add (pages, page_from_json (self, json_array_get_element (list, i)));
  return g_steal_pointer (&pages);
}

static LiaWikiPage *
redmine_fetch (LiaWiki       *self,
               const char    *key,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *path = page_path (self, key);
  g_autoptr(JsonNode) reply = NULL;
  GError *local = NULL;
  JsonNode *page;

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
  page = lia_json_at (reply, "wiki_page");
  if (page == NULL || *lia_json_str (page, "title") == '\0')
    {
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                           _("Redmine’s answer has no wiki page"));
      return NULL;
    }
  return page_from_json (self, page);
}

static gboolean
put_page (LiaWiki       *self,
          LiaWikiPage   *page,
          const char    *old_key,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = page_path (self, old_key ? old_key : page->title);
  g_autoptr(LiaWikiPage) saved = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "wiki_page");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, page->body);
  json_builder_set_member_name (b, "comments");
  json_builder_add_string_value (b, "Published from Liaison");
  json_builder_set_member_name (b, "parent_title");
  json_builder_add_string_value (b, page->parent);
  if (old_key != NULL)
    {
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, page->version);
      if (!g_str_equal (old_key, page->title))
        {
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, page->title);
        }
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  /* 201 with the page, or 204 with nothing: read it back either way for
   * the version Redmine gave it (unchanged text keeps the old one). */
  if (!lia_wiki_call (self, "PUT", path, body, NULL, cancellable, error))
    return FALSE;
  saved = redmine_fetch (self, page->title, cancellable, error);
  if (saved == NULL)
    {
      if (error && *error == NULL)
        g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                             _("Redmine accepted the page but cannot show it"));
      return FALSE;
    }
  lia_wiki_page_set (&page->key, saved->key);
  lia_wiki_page_set (&page->url, saved->url);
  page->version = saved->version;
  return TRUE;
}

static gboolean
redmine_create (LiaWiki       *self,
                LiaWikiPage   *page,
                GCancellable  *cancellable,
                GError       **error)
{
  return put_page (self, page, NULL, cancellable, error);
}

static gboolean
redmine_update (LiaWiki       *self,
                LiaWikiPage   *page,
                const char    *old_key,
                GCancellable  *cancellable,
                GError       **error)
{
  return put_page (self, page, old_key ? old_key : page->key, cancellable, error);
}

/* Redmine's Wiki.titleize: runs of white space become one underscore,
 * , . / ? ; | : are dropped, the first letter is upper case. */
static char *
redmine_title_for (LiaWiki    *self,
                   const char *title)
{
  g_autofree char *clean = lia_xml_clean (title);
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", g_strstrip (clean), 0, 0);
  g_autofree char *joined = g_strjoinv ("_", words);
  GString *out = g_string_new (NULL);

  for (const char *p = joined; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr (",./?;|:", (int) c) != NULL && c < 0x80)
        continue;
      if (out->len == 0)
        c = g_unichar_toupper (c);
      g_string_append_unichar (out, c);
    }
  /* Redmine keeps at most 255 characters. */
  if (g_utf8_strlen (out->str, -1) > 255)
    g_string_truncate (out, g_utf8_offset_to_pointer (out->str, 255) - out->str);
  return g_string_free (out, FALSE);
}

static char *
redmine_render (LiaWiki        *self,
                const char     *markdown,
                const char     *marker,
                LiaWikiLinkFunc link,
                gpointer        link_data)
{
  g_autofree char *linked = lia_markdown_link_pages (markdown, link, link_data);
  return lia_marker_trailer (linked, marker, NULL);
}

static void
lia_redmine_wiki_class_init (LiaRedmineWikiClass *klass)
{
  LiaWikiClass *wiki_class = LIA_WIKI_CLASS (klass);

  wiki_class->list = redmine_list;
  wiki_class->fetch = redmine_fetch;
  wiki_class->create = redmine_create;
  wiki_class->update = redmine_update;
  wiki_class->render = redmine_render;
  wiki_class->title_for = redmine_title_for;
}

static void
lia_redmine_wiki_init (LiaRedmineWiki *self)
{
}
