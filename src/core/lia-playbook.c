/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-playbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-playbook.h"

#define PLAYBOOK_RESOURCE "/io/github/liaisonapp/Liaison/playbook.xml"

typedef struct
{
  GListStore       *store;
  LiaPlaybookEntry *entry;   /* being read */
  int               field;   /* the element being read, or -1 */
  GString          *text;
  gboolean          translatable;
} Reader;

static GStrv
split_tags (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value ? value : "", ",", -1);
  GStrvBuilder *sb = g_strv_builder_new ();
  GStrv tags;

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]))
      g_strv_builder_add (sb, parts[i]);
  tags = g_strv_builder_end (sb);
  g_strv_builder_unref (sb);
  return tags;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *r = user_data;
  static const struct { const char *element; int field; } texts[] = {
    { "name", LIA_PLAYBOOK_ENTRY_NAME }, { "strengths", LIA_PLAYBOOK_ENTRY_STRENGTHS },
    { "weaknesses", LIA_PLAYBOOK_ENTRY_WEAKNESSES }, { "fits", LIA_PLAYBOOK_ENTRY_FITS },
    { "examples", LIA_PLAYBOOK_ENTRY_EXAMPLES },
  };

  if (g_str_equal (element, "entry"))
    {
      const char *id = NULL, *kind = NULL, *sizes = NULL, *spreads = NULL, *urgencies = NULL, *practises = NULL;
      g_autofree char *entity_id = NULL;
      static const char * const tag_names[] = { "sizes", "spreads", "urgencies", "practises" };
      const char **tag_values[] = { &sizes, &spreads, &urgencies, &practises };
      static const guint tag_fields[] = { LIA_PLAYBOOK_ENTRY_TEAM_SIZES, LIA_PLAYBOOK_ENTRY_SPREADS,
                                          LIA_PLAYBOOK_ENTRY_URGENCIES, LIA_PLAYBOOK_ENTRY_PRACTISES };

      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "kind", &kind,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "sizes", &sizes,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "spreads", &spreads,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "urgencies", &urgencies,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "practises", &practises,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      r->entry = lia_playbook_entry_new ();
      /* Built-in entries are never saved: a readable id is enough. */
      entity_id = g_strconcat ("playbook:", id, NULL);
      lia_entity_set_id (LIA_ENTITY (r->entry), entity_id);
      lia_entity_set_string (LIA_ENTITY (r->entry), LIA_PLAYBOOK_ENTRY_KIND, kind);
      for (guint i = 0; i < G_N_ELEMENTS (tag_names); i++)
        {
          g_auto(GStrv) tags = split_tags (*tag_values[i]);
          lia_entity_set_strv (LIA_ENTITY (r->entry), tag_fields[i], (const char * const *) tags);
        }
      return;
    }
  r->field = -1;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (element, texts[i].element))
      r->field = texts[i].field;
  r->translatable = FALSE;
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], "translatable") && g_str_equal (values[i], "yes"))
      r->translatable = TRUE;
  g_string_truncate (r->text, 0);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  Reader *r = user_data;

  if (r->field >= 0)
    g_string_append_len (r->text, text, len);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *r = user_data;

  if (g_str_equal (element, "entry") && r->entry != NULL)
    {
      g_list_store_append (r->store, r->entry);
      g_clear_object (&r->entry);
    }
  else if (r->field >= 0 && r->entry != NULL)
    {
      const char *text = r->translatable ? g_dpgettext2 (GETTEXT_PACKAGE, "playbook", r->text->str) : r->text->str;
      lia_entity_set_string (LIA_ENTITY (r->entry), r->field, text);
    }
  r->field = -1;
}

/* The shipped entries, in the locale's language. */
GListStore *
lia_playbook_load_builtin (GError **error)
{
  static const GMarkupParser parser = { start_element, end_element, text_cb, NULL, NULL };
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PLAYBOOK_RESOURCE, 0, error);
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_PLAYBOOK_ENTRY);
  g_autoptr(GMarkupParseContext) context = NULL;
  Reader r = { store, NULL, -1, g_string_new (NULL), FALSE };
  gsize size;
  const char *data;
  gboolean ok;

  if (bytes == NULL)
    {
      g_string_free (r.text, TRUE);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, 0, &r, NULL);
  ok = g_markup_parse_context_parse (context, data, size, error) && g_markup_parse_context_end_parse (context, error);
  g_clear_object (&r.entry);
  g_string_free (r.text, TRUE);
  return ok ? g_steal_pointer (&store) : NULL;
}

GListStore *
lia_playbook_get_builtin (void)
{
  static GListStore *builtin;

  if (g_once_init_enter (&builtin))
    {
      g_autoptr(GError) error = NULL;
      GListStore *store = lia_playbook_load_builtin (&error);

      if (store == NULL)
        {
          g_warning ("playbook: %s", error->message);
          store = g_list_store_new (LIA_TYPE_PLAYBOOK_ENTRY);
        }
      g_once_init_leave (&builtin, store);
    }
  return builtin;
}

static gboolean
suits (LiaPlaybookEntry *entry,
       guint             field,
       const char       *value)
{
  const char * const *tags = lia_entity_get_strv (LIA_ENTITY (entry), field);
  return value == NULL || *value == '\0' || tags[0] == NULL || g_strv_contains (tags, value);
}

gboolean
lia_playbook_matches (LiaPlaybookEntry *entry,
                      const char       *query,
                      const char       *size,
                      const char       *spread,
                      const char       *urgency)
{
  static const guint searched[] = { LIA_PLAYBOOK_ENTRY_NAME, LIA_PLAYBOOK_ENTRY_STRENGTHS, LIA_PLAYBOOK_ENTRY_WEAKNESSES,
                                    LIA_PLAYBOOK_ENTRY_FITS, LIA_PLAYBOOK_ENTRY_EXAMPLES };
  g_autofree char *needle = NULL;
  gboolean found = FALSE;

  if (!suits (entry, LIA_PLAYBOOK_ENTRY_TEAM_SIZES, size) ||
      !suits (entry, LIA_PLAYBOOK_ENTRY_SPREADS, spread) ||
      !suits (entry, LIA_PLAYBOOK_ENTRY_URGENCIES, urgency))
    return FALSE;
  if (query == NULL || *query == '\0')
    return TRUE;
  needle = g_utf8_casefold (query, -1);
  for (guint i = 0; i < G_N_ELEMENTS (searched) && !found; i++)
    {
      g_autofree char *hay = g_utf8_casefold (lia_entity_get_string (LIA_ENTITY (entry), searched[i]), -1);
      found = strstr (hay, needle) != NULL;
    }
  return found;
}

const char *
lia_playbook_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "mode") == 0)
    return _("Collaboration modes");
  if (g_strcmp0 (kind, "project-tool") == 0)
    return _("Project management tools");
  if (g_strcmp0 (kind, "communication") == 0)
    return _("Communication methods");
  if (g_strcmp0 (kind, "culture") == 0)
    return _("Cross-cultural methods");
  return _("Collaboration tools by type");
}
