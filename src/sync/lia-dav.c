/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-dav"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-dav.h"
#include "lia-http.h"

/* GMarkup knows no namespaces, and servers spell DAV: as "d:", "D:" or a
 * default namespace, so each element's prefix is resolved against the
 * xmlns declarations in scope.  Elements are then matched by namespace
 * and local name, at their depth below multistatus:
 *
 *   multistatus / response / href
 *   multistatus / response / propstat / prop / PROPERTY [ / href | child ]
 *   multistatus / response / propstat / status */

#define MAX_DEPTH 64

struct _LiaDavResponse
{
  char       *href;
  GHashTable *props;   /* "ns name" → text */
  GHashTable *hrefs;   /* "ns name" → href inside the property */
  GHashTable *types;   /* "ns name" of resourcetype's children */
  GHashTable *comps;   /* component names of supported-calendar-component-set, or NULL */
};

typedef struct
{
  GPtrArray      *responses;
  GSList         *scopes;          /* GHashTable * (prefix → uri) or NULL, innermost first */
  char           *names[MAX_DEPTH]; /* "ns name" of each open element */
  int             depth;
  GString        *text;

  LiaDavResponse *response;
  /* The propstat being read: kept only if its status is 200. */
  LiaDavResponse *propstat;
  char           *status;
  char           *property;        /* "ns name" of the property being read */
} Parser;

static void
response_free (LiaDavResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->href);
  g_hash_table_unref (response->props);
  g_hash_table_unref (response->hrefs);
  g_hash_table_unref (response->types);
  g_clear_pointer (&response->comps, g_hash_table_unref);
  g_free (response);
}

static LiaDavResponse *
response_new (void)
{
  LiaDavResponse *response = g_new0 (LiaDavResponse, 1);

  response->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  response->hrefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  response->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return response;
}

static void
merge_table (GHashTable *into,
             GHashTable *from,
             gboolean    values)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (into, g_strdup (key), values ? g_strdup (value) : NULL);
}

static char *
resolve_name (Parser     *parser,
              const char *qname)
{
  const char *colon = strchr (qname, ':');
  g_autofree char *prefix = colon ? g_strndup (qname, colon - qname) : g_strdup ("");
  const char *local = colon ? colon + 1 : qname;

  for (GSList *l = parser->scopes; l != NULL; l = l->next)
    {
      const char *uri = l->data ? g_hash_table_lookup (l->data, prefix) : NULL;

      if (uri != NULL)
        return g_strconcat (uri, " ", local, NULL);
    }
  /* No namespace, or a prefix nobody declared: matches nothing we ask for. */
  return g_strconcat (" ", local, NULL);
}

static gboolean
is (const char *name,
    const char *ns,
    const char *local)
{
  gsize n = strlen (ns);

  return name != NULL && strncmp (name, ns, n) == 0 && name[n] == ' ' && strcmp (name + n + 1, local) == 0;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Parser *parser = user_data;
  GHashTable *scope = NULL;
  char *name;
  const char *parent;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      const char *prefix = NULL;

      if (g_str_equal (attribute_names[i], "xmlns"))
        prefix = "";
      else if (g_str_has_prefix (attribute_names[i], "xmlns:"))
        prefix = attribute_names[i] + strlen ("xmlns:");
      if (prefix == NULL)
        continue;
      if (scope == NULL)
        scope = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (scope, g_strdup (prefix), g_strdup (attribute_values[i]));
    }
  parser->scopes = g_slist_prepend (parser->scopes, scope);

  if (parser->depth >= MAX_DEPTH)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, _("nested too deeply"));
      return;
    }
  name = resolve_name (parser, element_name);
  parent = parser->depth > 0 ? parser->names[parser->depth - 1] : NULL;
  parser->names[parser->depth++] = name;
  g_string_truncate (parser->text, 0);

  if (parser->depth == 1 && !is (name, LIA_DAV_NS_DAV, "multistatus"))
    {
      /* Translators: the answer to a calendar query is not a WebDAV
       * multistatus document (keep "multistatus", the XML element's name) */
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, _("not a multistatus"));
      return;
    }
  if (parser->depth == 2 && is (name, LIA_DAV_NS_DAV, "response"))
    parser->response = response_new ();
  else if (parser->depth == 3 && parser->response != NULL && is (name, LIA_DAV_NS_DAV, "propstat"))
    {
      parser->propstat = response_new ();
      g_clear_pointer (&parser->status, g_free);
    }
  else if (parser->depth == 5 && parser->propstat != NULL && is (parent, LIA_DAV_NS_DAV, "prop"))
    {
      g_free (parser->property);
      parser->property = g_strdup (name);
    }
  else if (parser->depth == 6 && parser->property != NULL)
    {
      if (is (parser->property, LIA_DAV_NS_DAV, "resourcetype"))
        g_hash_table_add (parser->propstat->types, g_strdup (name));
      else if (is (parser->property, LIA_DAV_NS_CALDAV, "supported-calendar-component-set") &&
               is (name, LIA_DAV_NS_CALDAV, "comp"))
        {
          if (parser->propstat->comps == NULL)
            parser->propstat->comps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; attribute_names[i] != NULL; i++)
            if (g_str_equal (attribute_names[i], "name"))
              g_hash_table_add (parser->propstat->comps, g_ascii_strup (attribute_values[i], -1));
        }
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  Parser *parser = user_data;
  GHashTable *scope;
  char *name;

  g_assert (parser->depth > 0);
  name = parser->names[--parser->depth];
  parser->names[parser->depth] = NULL;
  scope = parser->scopes->data;
  parser->scopes = g_slist_delete_link (parser->scopes, parser->scopes);
  g_clear_pointer (&scope, g_hash_table_unref);

  if (parser->depth == 2 && parser->response != NULL && is (name, LIA_DAV_NS_DAV, "href"))
    {
      g_free (parser->response->href);
      parser->response->href = g_strstrip (g_strdup (parser->text->str));
    }
  else if (parser->depth == 3 && parser->propstat != NULL && is (name, LIA_DAV_NS_DAV, "status"))
    {
      g_free (parser->status);
      parser->status = g_strdup (parser->text->str);
    }
  else if (parser->depth == 5 && parser->property != NULL && is (name, LIA_DAV_NS_DAV, "href"))
    g_hash_table_replace (parser->propstat->hrefs, g_strdup (parser->property),
                          g_strstrip (g_strdup (parser->text->str)));
  else if (parser->depth == 4 && parser->property != NULL)
    {
      /* calendar-data keeps its line breaks; names and tags are trimmed. */
      if (is (parser->property, LIA_DAV_NS_CALDAV, "calendar-data"))
        g_hash_table_replace (parser->propstat->props, g_strdup (parser->property), g_strdup (parser->text->str));
      else
        g_hash_table_replace (parser->propstat->props, g_strdup (parser->property),
                              g_strstrip (g_strdup (parser->text->str)));
      g_clear_pointer (&parser->property, g_free);
    }
  else if (parser->depth == 2 && parser->propstat != NULL && is (name, LIA_DAV_NS_DAV, "propstat"))
    {
      /* "HTTP/1.1 200 OK"; a propstat without a status is taken as found. */
      if (parser->status == NULL || strstr (parser->status, " 200") != NULL)
        {
          merge_table (parser->response->props, parser->propstat->props, TRUE);
          merge_table (parser->response->hrefs, parser->propstat->hrefs, TRUE);
          merge_table (parser->response->types, parser->propstat->types, FALSE);
          if (parser->propstat->comps != NULL)
            {
              if (parser->response->comps == NULL)
                parser->response->comps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              merge_table (parser->response->comps, parser->propstat->comps, FALSE);
            }
        }
      g_clear_pointer (&parser->propstat, response_free);
    }
  else if (parser->depth == 1 && parser->response != NULL)
    {
      g_ptr_array_add (parser->responses, parser->response);
      parser->response = NULL;
    }
  g_free (name);
  g_string_truncate (parser->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  Parser *parser = user_data;

  g_string_append_len (parser->text, text, text_len);
}

static void
parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->responses, g_ptr_array_unref);
  for (GSList *l = parser->scopes; l != NULL; l = l->next)
    g_clear_pointer (&l->data, g_hash_table_unref);
  g_slist_free (parser->scopes);
  for (int i = 0; i < parser->depth; i++)
    g_free (parser->names[i]);
  g_string_free (parser->text, TRUE);
  response_free (parser->response);
  response_free (parser->propstat);
  g_free (parser->status);
  g_free (parser->property);
}

GPtrArray *
lia_dav_parse_multistatus (GBytes  *xml,
                           GError **error)
{
  static const GMarkupParser callbacks = { start_element, end_element, text, NULL, NULL };
  Parser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = xml ? g_bytes_get_data (xml, &size) : NULL;
  GPtrArray *responses = NULL;

  parser.responses = g_ptr_array_new_with_free_func ((GDestroyNotify) response_free);
  parser.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&callbacks, G_MARKUP_TREAT_CDATA_AS_TEXT, &parser, NULL);
  if (data != NULL && size > 0 &&
      g_markup_parse_context_parse (context, data, size, &local_error) &&
      g_markup_parse_context_end_parse (context, &local_error))
    responses = g_steal_pointer (&parser.responses);
  else
    g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                 _("the calendar server’s answer is not WebDAV XML (%s)"),
                 local_error ? local_error->message : _("empty"));
  parser_clear (&parser);
  return responses;
}

const char *
lia_dav_response_get_href_self (LiaDavResponse *response)
{
  return response->href;
}

static const char *
lookup (GHashTable *table,
        const char *ns,
        const char *name)
{
  g_autofree char *key = g_strconcat (ns, " ", name, NULL);

  return g_hash_table_lookup (table, key);
}

const char *
lia_dav_response_get (LiaDavResponse *response,
                      const char     *ns,
                      const char     *name)
{
  return lookup (response->props, ns, name);
}

const char *
lia_dav_response_get_href (LiaDavResponse *response,
                           const char     *ns,
                           const char     *name)
{
  return lookup (response->hrefs, ns, name);
}

gboolean
lia_dav_response_has_type (LiaDavResponse *response,
                           const char     *ns,
                           const char     *name)
{
  g_autofree char *key = g_strconcat (ns, " ", name, NULL);

  return g_hash_table_contains (response->types, key);
}

gboolean
lia_dav_response_supports_events (LiaDavResponse *response)
{
  return response->comps == NULL || g_hash_table_contains (response->comps, "VEVENT");
}
