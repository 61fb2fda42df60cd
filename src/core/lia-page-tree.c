/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-page-tree"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lia-file-util.h"
#include "lia-page-tree.h"
#include "lia-workspace-private.h"

G_DEFINE_QUARK (lia-pages-error-quark, lia_pages_error)

#define MAX_NAME_BYTES 80

static GListStore *
children (LiaPage *page)
{
  return lia_entity_get_list (LIA_ENTITY (page), LIA_PAGE_CHILDREN);
}

static LiaPage *
find_by (GListModel *pages,
         const char *key,
         guint       field_or_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (pages, i);
      const char *value = field_or_id == G_MAXUINT ? lia_entity_get_id (LIA_ENTITY (page))
                                                   : lia_entity_get_string (LIA_ENTITY (page), field_or_id);
      LiaPage *found;

      if (g_strcmp0 (value, key) == 0)
        return g_steal_pointer (&page);
      found = find_by (G_LIST_MODEL (children (page)), key, field_or_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page with this id, or else the first (depth first) with this
 * title: a new reference (the caller unrefs it), or NULL. */
LiaPage *
lia_pages_find (GListModel *roots,
                const char *id_or_title)
{
  LiaPage *page = find_by (roots, id_or_title, G_MAXUINT);

  return page ? page : find_by (roots, id_or_title, LIA_PAGE_TITLE);
}

/* The list that holds PAGE (the roots or a page's children). */
GListStore *
lia_pages_find_store (GListStore  *roots,
                      LiaPage     *page,
                      guint       *position,
                      LiaPage    **parent)
{
  GListModel *model = G_LIST_MODEL (roots);

  if (g_list_store_find (roots, page, position))
    return roots;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaPage) child = g_list_model_get_item (model, i);
      GListStore *store = lia_pages_find_store (children (child), page, position, parent);

      if (store != NULL)
        {
          if (parent != NULL && store == children (child))
            *parent = child;
          return store;
        }
    }
  return NULL;
}

GPtrArray *
lia_pages_chain (GListStore *roots,
                 LiaPage    *page)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_STORE (roots), NULL);
  g_return_val_if_fail (LIA_IS_PAGE (page), NULL);

  for (LiaPage *current = page; current != NULL;)
    {
      LiaPage *parent = NULL;

      if (lia_pages_find_store (roots, current, NULL, &parent) == NULL)
        return NULL;
      g_ptr_array_insert (chain, 0, g_object_ref (current));
      current = parent;
    }
  return g_steal_pointer (&chain);
}

gboolean
lia_pages_chain_holds (GListStore *roots,
                       GPtrArray  *chain)
{
  GListStore *store = roots;

  g_return_val_if_fail (G_IS_LIST_STORE (roots), FALSE);

  if (chain == NULL || chain->len == 0)
    return FALSE;
  for (guint i = 0; i < chain->len; i++)
    {
      LiaPage *page = g_ptr_array_index (chain, i);

      if (!g_list_store_find (store, page, NULL))
        return FALSE;
      store = children (page);
    }
  return TRUE;
}

gboolean
lia_pages_is_ancestor (LiaPage *ancestor,
                       LiaPage *page)
{
  GListModel *model = G_LIST_MODEL (children (ancestor));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaPage) child = g_list_model_get_item (model, i);

      if (child == page || lia_pages_is_ancestor (child, page))
        return TRUE;
    }
  return FALSE;
}

/* Moves PAGE to POSITION among NEW_PARENT's children (the roots when
 * NULL); POSITION is where it ends up, clamped to the end. */
gboolean
lia_pages_move (LiaHistory  *history,
                GListStore  *roots,
                LiaPage     *page,
                LiaPage     *new_parent,
                guint        position,
                GError     **error)
{
  GListStore *from, *to;
  guint from_position;

  if (new_parent == page || (new_parent != NULL && lia_pages_is_ancestor (page, new_parent)))
    {
      g_set_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_CYCLE,
                   _("“%s” cannot move under itself or one of its own pages"),
                   lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
      return FALSE;
    }
  from = lia_pages_find_store (roots, page, &from_position, NULL);
  if (from == NULL)
    {
      g_set_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_NOT_FOUND, _("The page is not in this workspace"));
      return FALSE;
    }
  to = new_parent ? children (new_parent) : roots;

  lia_history_begin (history, _("Move page"));
  if (from == to)
    {
      position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (to)) - 1);
      if (position != from_position)
        lia_history_move (history, to, from_position, position);
    }
  else
    {
      g_autoptr(LiaPage) keep = g_object_ref (page);

      lia_history_remove (history, from, from_position);
      lia_history_insert (history, to, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (to))), keep);
    }
  lia_history_end (history);
  return TRUE;
}

static void
relink (LiaHistory *history,
        GListModel *pages,
        const char *old_link,
        const char *new_link)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (pages, i);
      const char *body = lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_BODY);

      if (strstr (body, old_link) != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (body, old_link, -1);
          g_autofree char *updated = g_strjoinv (new_link, parts);
          lia_history_set_string (history, LIA_ENTITY (page), LIA_PAGE_BODY, updated, FALSE);
        }
      relink (history, G_LIST_MODEL (children (page)), old_link, new_link);
    }
}

/* Renames PAGE; links to it by title, [text](page:Title) or
 * [text](<page:Title>), follow the new title. Links by id need nothing. */
void
lia_pages_rename (LiaHistory *history,
                  GListStore *roots,
                  LiaPage    *page,
                  const char *title)
{
  g_autofree char *old_title = g_strdup (lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));

  if (g_strcmp0 (old_title, title) == 0)
    return;
  lia_history_begin (history, _("Rename page"));
  lia_history_set_string (history, LIA_ENTITY (page), LIA_PAGE_TITLE, title, FALSE);
  {
    /* A destination with spaces or parentheses needs the <…> form. */
    gboolean plain = strpbrk (title, " \t()<>") == NULL;
    g_autofree char *a = g_strdup_printf ("](page:%s)", old_title);
    g_autofree char *b = g_strdup_printf (plain ? "](page:%s)" : "](<page:%s>)", title);
    g_autofree char *c = g_strdup_printf ("](<page:%s>)", old_title);
    g_autofree char *d = g_strdup_printf ("](<page:%s>)", title);

    relink (history, G_LIST_MODEL (roots), a, b);
    relink (history, G_LIST_MODEL (roots), c, d);
  }
  lia_history_end (history);
}

static void
search (GListModel *pages,
        const char *key,
        GPtrArray  *out)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (pages, i);
      g_autofree char *title = g_utf8_casefold (lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE), -1);
      g_autofree char *body = g_utf8_casefold (lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_BODY), -1);

      if (strstr (title, key) != NULL || strstr (body, key) != NULL)
        g_ptr_array_add (out, g_object_ref (page));
      search (G_LIST_MODEL (children (page)), key, out);
    }
}

/* Pages whose title or body contains QUERY (any case), depth first. */
GPtrArray *
lia_pages_search (GListModel *roots,
                  const char *query)
{
  g_autofree char *key = g_utf8_casefold (query, -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  if (key[0] != '\0')
    search (roots, key, out);
  return out;
}

guint
lia_pages_count (GListModel *roots)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (roots, i);
      n += 1 + lia_pages_count (G_LIST_MODEL (children (page)));
    }
  return n;
}

/* The article's Confluence space, in the UI language. */
static const struct
{
  const char *title;
  const char *children[4];
} space[] = {
  { N_("Project overview"), { N_("Background"), N_("Goals"), N_("Team members"), N_("Project plan") } },
  { N_("Technical documentation"), { N_("Architecture"), N_("API design"), N_("Performance optimization"), N_("Security design") } },
  { N_("User manual"), { N_("Quick start"), N_("Installation guide"), N_("Configuration guide"), N_("API reference") } },
  { N_("Meeting minutes"), { N_("Weekly meeting minutes"), N_("API design meeting"), N_("Performance optimization meeting") } },
};

static LiaPage *
new_page (const char *title)
{
  LiaPage *page = lia_page_new ();
  g_autofree char *body = g_strdup_printf ("# %s\n", title);

  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, title);
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, body);
  return page;
}

LiaPage *
lia_pages_new_space (void)
{
  LiaPage *root = new_page (_("vLLM inference engine documentation"));

  for (guint i = 0; i < G_N_ELEMENTS (space); i++)
    {
      g_autoptr(LiaPage) section = new_page (_(space[i].title));

      for (guint k = 0; k < G_N_ELEMENTS (space[i].children) && space[i].children[k]; k++)
        {
          g_autoptr(LiaPage) child = new_page (_(space[i].children[k]));
          g_list_store_append (children (section), child);
        }
      g_list_store_append (children (root), section);
    }
  return root;
}

/* ---- Markdown folders ---- */

static gboolean
reserved_on_windows (const char *name)
{
  static const char * const reserved[] = { "con", "prn", "aux", "nul", NULL };
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char *dot = strchr (lower, '.');

  if (dot != NULL)
    *dot = '\0';
  if (g_strv_contains (reserved, lower))
    return TRUE;
  return strlen (lower) == 4 && (g_str_has_prefix (lower, "com") || g_str_has_prefix (lower, "lpt")) &&
         g_ascii_isdigit (lower[3]) && lower[3] != '0';
}

/* A file name from a title that works on every system and never leaves
 * its folder: no separators or control characters, no leading or trailing
 * dots and spaces, not "." or "..", not a reserved Windows name, at most
 * 80 bytes (cut at a character boundary). */
char *
lia_pages_safe_name (const char *title)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = title; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c) || strchr ("/\\:*?\"<>|", (int) (c < 128 ? c : 'a')) != NULL)
        {
          if (!dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = TRUE;
          continue;
        }
      if (out->len + 6 > MAX_NAME_BYTES)
        break;
      g_string_append_unichar (out, c);
      dash = FALSE;
    }

  /* No leading or trailing dots, dashes or spaces. */
  while (out->len > 0 && strchr (".- ", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && strchr (".- ", out->str[0]) != NULL)
    g_string_erase (out, 0, 1);

  if (out->len == 0)
    g_string_assign (out, "page");
  if (reserved_on_windows (out->str))
    g_string_append_c (out, '_');
  return g_string_free (out, FALSE);
}

static void
append_json_string (GString    *out,
                    const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
}

/* The writer follows symlinks to their target, which is right for a
 * file the user chose but not inside a generated folder: a link planted
 * there must not make the export write outside it. */
static gboolean
write_in_tree (const char  *path,
               const char  *data,
               gsize        length,
               GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    g_unlink (path);
  return lia_write_file_atomically (path, data, length, FALSE, error);
}

static gboolean
export_page (LiaPage     *page,
             const char  *dir,
             guint        index,
             GString     *toc,
             const char  *relative,
             guint        depth,
             GError     **error)
{
  g_autofree char *safe = lia_pages_safe_name (lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
  g_autofree char *stem = g_strdup_printf ("%02u-%s", index, safe);
  g_autofree char *file_name = g_strconcat (stem, ".md", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *link = relative[0] ? g_build_filename (relative, file_name, NULL) : g_strdup (file_name);
  GListModel *kids = G_LIST_MODEL (children (page));
  const char *updated = lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_UPDATED);
  g_autoptr(GString) text = g_string_new ("---\ntitle: ");

  append_json_string (text, lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
  g_string_append_printf (text, "\nid: %s\n", lia_entity_get_id (LIA_ENTITY (page)));
  if (updated[0] != '\0')
    g_string_append_printf (text, "updated: %s\n", updated);
  g_string_append (text, "---\n");
  g_string_append (text, lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_BODY));

  if (!write_in_tree (path, text->str, text->len, error))
    return FALSE;

  for (guint i = 0; i < depth; i++)
    g_string_append (toc, "  ");
  g_string_append (toc, "- [");
  {
    /* The title as link text, brackets escaped. */
    for (const char *p = lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE); *p; p++)
      {
        if (strchr ("[]\\", *p) != NULL)
          g_string_append_c (toc, '\\');
        g_string_append_c (toc, *p == '\n' ? ' ' : *p);
      }
  }
  g_string_append_printf (toc, "](<%s>)\n", link);

  if (g_list_model_get_n_items (kids) > 0)
    {
      g_autofree char *sub = g_build_filename (dir, stem, NULL);
      g_autofree char *sub_relative = relative[0] ? g_build_filename (relative, stem, NULL) : g_strdup (stem);

      if (g_mkdir_with_parents (sub, 0755) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s"), sub, g_strerror (saved));
          return FALSE;
        }
      for (guint i = 0; i < g_list_model_get_n_items (kids); i++)
        {
          g_autoptr(LiaPage) child = g_list_model_get_item (kids, i);
          if (!export_page (child, sub, i + 1, toc, sub_relative, depth + 1, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* PAGE and its subtree as a folder: NN-title.md per page (a small header
 * with the exact title and id, then the body), the children of a page in
 * the folder NN-title/, and index.md listing the tree. */
gboolean
lia_pages_export_tree (LiaPage     *page,
                       const char  *dir,
                       GError     **error)
{
  g_autoptr(GString) toc = g_string_new (NULL);
  g_autofree char *index = g_build_filename (dir, "index.md", NULL);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  g_string_append_printf (toc, "# %s\n\n", lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
  if (!export_page (page, dir, 1, toc, "", 0, error))
    return FALSE;
  return write_in_tree (index, toc->str, toc->len, error);
}

typedef struct
{
  guint  number;
  char  *name;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->number != y->number)
    return x->number < y->number ? -1 : 1;
  return strcmp (x->name, y->name);
}

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->name);
}

/* What one import knows while it walks the folder. */
typedef struct
{
  char       *root;     /* the folder, all symlinks resolved */
  GHashTable *taken;    /* ids in the workspace and given out so far */
  GPtrArray  *skipped;  /* "PATH: why" for files left out, or NULL */
} Import;

static void
import_clear (Import *import)
{
  g_free (import->root);
  g_hash_table_unref (import->taken);
}

static void
skip (Import     *import,
      const char *path,
      const char *why)
{
  g_debug ("%s: %s", path, why);
  if (import->skipped != NULL)
    g_ptr_array_add (import->skipped, g_strdup_printf ("%s: %s", path, why));
}

/* Every id anywhere in the workspace, not only the pages': a page that
 * took a member's id would make the file unopenable. */
static void
collect_ids (GListModel *list,
             GHashTable *ids)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LiaEntity) entity = g_list_model_get_item (list, i);
      LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

      if (klass->has_id)
        g_hash_table_add (ids, g_strdup (lia_entity_get_id (entity)));
      for (guint f = 0; f < klass->n_fields; f++)
        {
          if (klass->fields[f].kind == LIA_KIND_LIST)
            collect_ids (G_LIST_MODEL (lia_entity_get_list (entity, f)), ids);
          else if (klass->fields[f].kind == LIA_KIND_CHILD)
            {
              LiaEntity *child = lia_entity_get_child (entity, f);

              if (child != NULL)
                {
                  g_autoptr(GListStore) one = g_list_store_new (LIA_TYPE_ENTITY);

                  g_list_store_append (one, child);
                  collect_ids (G_LIST_MODEL (one), ids);
                }
            }
        }
    }
}

/* The header's id when it is a UUID nobody has yet, else a new one. */
static void
claim_id (Import  *import,
          LiaPage *page,
          const char *wanted)
{
  g_autofree char *fresh = NULL;

  if (wanted == NULL || !g_uuid_string_is_valid (wanted) || g_hash_table_contains (import->taken, wanted))
    {
      do
        {
          g_free (fresh);
          fresh = g_uuid_string_random ();
        }
      while (g_hash_table_contains (import->taken, fresh));
      wanted = fresh;
    }
  lia_entity_set_id (LIA_ENTITY (page), wanted);
  g_hash_table_add (import->taken, g_strdup (wanted));
}

static gboolean
import_fail (GError    **error,
             const char *path,
             const char *problem)
{
  g_set_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_IMPORT, "%s: %s", path, problem);
  return FALSE;
}

/* Reads "---\ntitle: "…"\nid: …\nupdated: …\n---\nBODY". */
static LiaPage *
read_page (Import      *import,
           const char  *path,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(LiaPage) page = lia_page_new ();
  const char *end, *line;
  gsize length;

  /* Any text in the file may become a page's body: the file may be no
   * larger than the largest string a workspace holds. */
  text = lia_file_read_regular (path, LIA_WORKSPACE_MAX_STRING, &length, error);
  if (text == NULL)
    return NULL;
  /* With the length, a NUL byte fails too: a workspace cannot hold it. */
  if (!g_utf8_validate (text, length, NULL))
    {
      import_fail (error, path, _("not UTF-8 text"));
      return NULL;
    }

  if (!g_str_has_prefix (text, "---\n") || (end = strstr (text + 4, "\n---\n")) == NULL)
    {
      /* A plain Markdown file: its name (without the number) is the title. */
      g_autofree char *base = g_path_get_basename (path);
      const char *title = base;
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      while (g_ascii_isdigit (*title))
        title++;
      if (*title == '-')
        title++;
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, *title ? title : base);
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, text);
      claim_id (import, page, NULL);
      return g_steal_pointer (&page);
    }

  for (line = text + 4; line < end + 1;)
    {
      const char *next = strchr (line, '\n');
      g_autofree char *one = g_strndup (line, next - line);

      if (g_str_has_prefix (one, "title: "))
        {
          g_autoptr(JsonNode) node = json_from_string (one + 7, NULL);

          if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
              json_node_get_string (node)[0] == '\0')
            {
              import_fail (error, path, _("the title in the header is not a quoted, non-empty string"));
              return NULL;
            }
          lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, json_node_get_string (node));
        }
      else if (g_str_has_prefix (one, "id: "))
        {
          g_free (id);
          id = g_strdup (one + 4);
        }
      else if (g_str_has_prefix (one, "updated: "))
        {
          g_autoptr(GDateTime) stamp = g_date_time_new_from_iso8601 (one + 9, NULL);
          if (stamp != NULL)
            lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_UPDATED, one + 9);
        }
      line = next + 1;
    }
  if (lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE)[0] == '\0')
    {
      import_fail (error, path, _("the header has no title"));
      return NULL;
    }
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, end + 5);
  claim_id (import, page, id);
  return g_steal_pointer (&page);
}

/* Whether a .md entry may be read: a regular file, or a symlink that
 * stays inside the imported folder and ends at one. */
static gboolean
importable (Import     *import,
            const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return FALSE;
  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *real = realpath (path, NULL);

      if (real == NULL || !g_str_has_prefix (real, import->root) || real[strlen (import->root)] != '/')
        {
          skip (import, path, _("a link that leads outside the imported folder, skipped"));
          return FALSE;
        }
      if (stat (real, &st) != 0)
        return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      skip (import, path, _("not a regular file, skipped"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_dir (Import      *import,
            const char  *dir,
            GListStore  *into,
            guint        depth,
            GError     **error)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const char *name;

  if (depth > 64)
    return import_fail (error, dir, _("the folders are nested too deeply"));
  handle = g_dir_open (dir, 0, error);
  if (handle == NULL)
    return FALSE;
  g_array_set_clear_func (entries, entry_clear);

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      Entry e;

      if (!g_str_has_suffix (name, ".md") || (depth == 0 && g_str_equal (name, "index.md")))
        continue;
      e.number = (guint) strtoul (name, NULL, 10);
      e.name = g_strdup (name);
      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = &g_array_index (entries, Entry, i);
      g_autofree char *path = g_build_filename (dir, e->name, NULL);
      g_autofree char *stem = g_strndup (e->name, strlen (e->name) - 3);
      g_autofree char *sub = g_build_filename (dir, stem, NULL);
      g_autoptr(LiaPage) page = NULL;

      if (!importable (import, path))
        continue;
      page = read_page (import, path, error);
      if (page == NULL)
        return FALSE;
      /* Linked folders are not followed: they could lead outside or loop. */
      if (g_file_test (sub, G_FILE_TEST_IS_DIR) && !g_file_test (sub, G_FILE_TEST_IS_SYMLINK) &&
          !import_dir (import, sub, children (page), depth + 1, error))
        return FALSE;
      g_list_store_append (into, page);
    }
  return TRUE;
}

/* The pages of a folder written by lia_pages_export_tree (or any folder
 * of Markdown files: titles then come from the names). */
GPtrArray *
lia_pages_import_tree (const char  *dir,
                       GError     **error)
{
  return lia_pages_import_tree_full (dir, NULL, NULL, error);
}

/* As lia_pages_import_tree(), ready to add to @workspace (may be NULL):
 * an id that is not a UUID, that any entity of the workspace has, or
 * that appears twice in the folder is replaced by a new one.  Links that
 * lead outside @dir and special files are left out, each listed in
 * @skipped (may be NULL) as "PATH: why". */
GPtrArray *
lia_pages_import_tree_full (const char    *dir,
                            LiaWorkspace  *workspace,
                            GPtrArray     *skipped,
                            GError       **error)
{
  g_autoptr(GListStore) roots = g_list_store_new (LIA_TYPE_PAGE);
  Import import = { NULL, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), skipped };
  gboolean ok;
  GPtrArray *out;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace), NULL);

  import.root = realpath (dir, NULL);
  if (import.root == NULL)
    {
      int saved = errno;

      import_clear (&import);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return NULL;
    }
  if (workspace != NULL)
    for (guint i = 0; i < LIA_N_COLLECTIONS; i++)
      collect_ids (G_LIST_MODEL (lia_workspace_get_collection (workspace, i)), import.taken);

  ok = import_dir (&import, dir, roots, 0, error);
  import_clear (&import);
  if (!ok)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (roots)) == 0)
    {
      import_fail (error, dir, _("no Markdown pages found"));
      return NULL;
    }
  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (roots)); i++)
    g_ptr_array_add (out, g_list_model_get_item (G_LIST_MODEL (roots), i));
  return out;
}
