/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document tree: moves and their undo, refusing a move under a
 * descendant, links that follow renames, search, the seed's space, and
 * Markdown folders that round-trip even with hostile titles. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lia-page-tree.h"
#include "lia-workspace.h"

static GListStore *
kids (LiaPage *page)
{
  return lia_entity_get_list (LIA_ENTITY (page), LIA_PAGE_CHILDREN);
}

static LiaPage *
page_new (const char *title,
          const char *body)
{
  LiaPage *page = lia_page_new ();

  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, title);
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, body);
  return page;
}

/* "A(B,C(D))" */
static void
outline (GListModel *pages,
         GString    *out)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (pages, i);
      GListModel *children = G_LIST_MODEL (kids (page));

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
      if (g_list_model_get_n_items (children) > 0)
        {
          g_string_append_c (out, '(');
          outline (children, out);
          g_string_append_c (out, ')');
        }
    }
}

static char *
shape (GListStore *roots)
{
  GString *out = g_string_new (NULL);

  outline (G_LIST_MODEL (roots), out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GListStore *roots;
  LiaHistory *history;
  LiaPage    *a, *b, *c, *d;
} Tree;

static void
tree_init (Tree *t)
{
  t->roots = g_list_store_new (LIA_TYPE_PAGE);
  t->history = lia_history_new ();
  t->a = page_new ("A", "See [C](page:C) and [D](<page:D>).");
  t->b = page_new ("B", "");
  t->c = page_new ("C", "");
  t->d = page_new ("D", "Back to [A](page:A).");
  g_list_store_append (t->roots, t->a);
  g_list_store_append (kids (t->a), t->b);
  g_list_store_append (kids (t->a), t->c);
  g_list_store_append (kids (t->c), t->d);
}

static void
tree_clear (Tree *t)
{
  g_clear_object (&t->roots);
  g_clear_object (&t->history);
  g_clear_object (&t->a);
  g_clear_object (&t->b);
  g_clear_object (&t->c);
  g_clear_object (&t->d);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tree, tree_clear)

static void
check_shape (Tree       *t,
             const char *expected)
{
  g_autofree char *got = shape (t->roots);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_moves (void)
{
  g_auto(Tree) t = { 0 };
  g_autoptr(GError) error = NULL;

  tree_init (&t);
  check_shape (&t, "A(B,C(D))");

  /* Onto a page: D becomes B's last child. */
  g_assert_true (lia_pages_move (t.history, t.roots, t.d, t.b, G_MAXUINT, &error));
  check_shape (&t, "A(B(D),C)");
  /* Between pages: C before B. */
  g_assert_true (lia_pages_move (t.history, t.roots, t.c, t.a, 0, &error));
  check_shape (&t, "A(C,B(D))");
  /* Outdent: B to the top level after A. */
  g_assert_true (lia_pages_move (t.history, t.roots, t.b, NULL, 1, &error));
  check_shape (&t, "A(C),B(D)");

  /* Never under itself or its own descendants. */
  g_assert_false (lia_pages_move (t.history, t.roots, t.b, t.d, 0, &error));
  g_assert_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_CYCLE);
  g_clear_error (&error);
  g_assert_false (lia_pages_move (t.history, t.roots, t.a, t.a, 0, &error));
  g_assert_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_CYCLE);
  check_shape (&t, "A(C),B(D)");

  /* Each move is one undo step, and the subtree travels whole. */
  g_assert_true (lia_history_undo (t.history));
  check_shape (&t, "A(C,B(D))");
  g_assert_true (lia_history_undo (t.history));
  check_shape (&t, "A(B(D),C)");
  g_assert_true (lia_history_undo (t.history));
  check_shape (&t, "A(B,C(D))");
  g_assert_true (lia_history_redo (t.history));
  check_shape (&t, "A(B(D),C)");
}

static void
test_delete_subtree_and_undo (void)
{
  g_auto(Tree) t = { 0 };
  guint position;
  LiaPage *parent = NULL;
  GListStore *store;

  tree_init (&t);
  store = lia_pages_find_store (t.roots, t.c, &position, &parent);
  g_assert_true (store == kids (t.a));
  g_assert_true (parent == t.a);
  g_assert_cmpuint (position, ==, 1);

  lia_history_begin (t.history, "Delete page");
  lia_history_remove (t.history, store, position);
  lia_history_end (t.history);
  check_shape (&t, "A(B)");
  g_assert_cmpuint (lia_pages_count (G_LIST_MODEL (t.roots)), ==, 2);
  g_assert_true (lia_history_undo (t.history));
  check_shape (&t, "A(B,C(D))");
  g_assert_cmpuint (lia_pages_count (G_LIST_MODEL (t.roots)), ==, 4);
}

static void
test_rename_keeps_links (void)
{
  g_auto(Tree) t = { 0 };
  g_autoptr(LiaPage) by_id = NULL;

  tree_init (&t);
  lia_pages_rename (t.history, t.roots, t.c, "Charlie");
  g_assert_true (lia_history_undo (t.history));
  /* A title with a space turns a plain link into the <…> form. */
  lia_pages_rename (t.history, t.roots, t.c, "C two");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (t.a), LIA_PAGE_BODY), ==,
                   "See [C](<page:C two>) and [D](<page:D>).");
  g_assert_true (lia_history_undo (t.history));
  lia_pages_rename (t.history, t.roots, t.c, "Charlie");
  lia_pages_rename (t.history, t.roots, t.d, "Delta");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (t.a), LIA_PAGE_BODY), ==,
                   "See [C](page:Charlie) and [D](<page:Delta>).");
  /* One undo per rename, links included. */
  g_assert_true (lia_history_undo (t.history));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (t.a), LIA_PAGE_BODY), ==,
                   "See [C](page:Charlie) and [D](<page:D>).");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (t.d), LIA_PAGE_TITLE), ==, "D");

  by_id = lia_pages_find (G_LIST_MODEL (t.roots), lia_entity_get_id (LIA_ENTITY (t.c)));
  g_assert_true (by_id == t.c);
}

static void
test_search_and_find (void)
{
  g_auto(Tree) t = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(LiaPage) d = NULL;

  tree_init (&t);
  hits = lia_pages_search (G_LIST_MODEL (t.roots), "back TO");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (g_ptr_array_index (hits, 0) == t.d);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = lia_pages_search (G_LIST_MODEL (t.roots), "c");
  /* A's body, C's title, D's body ("Back"), in tree order. */
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_true (g_ptr_array_index (hits, 0) == t.a);
  g_assert_true (g_ptr_array_index (hits, 1) == t.c);
  g_assert_true (g_ptr_array_index (hits, 2) == t.d);
  d = lia_pages_find (G_LIST_MODEL (t.roots), "D");
  g_assert_true (d == t.d);
  g_assert_null (lia_pages_find (G_LIST_MODEL (t.roots), "Z"));
}

static void
test_seed_space (void)
{
  g_autoptr(LiaPage) root = lia_pages_new_space ();
  g_autoptr(GListStore) roots = g_list_store_new (LIA_TYPE_PAGE);
  g_autofree char *got = NULL;

  g_list_store_append (roots, root);
  got = shape (roots);
  g_assert_cmpstr (got, ==,
                   "vLLM inference engine documentation("
                   "Project overview(Background,Goals,Team members,Project plan),"
                   "Technical documentation(Architecture,API design,Performance optimization,Security design),"
                   "User manual(Quick start,Installation guide,Configuration guide,API reference),"
                   "Meeting minutes(Weekly meeting minutes,API design meeting,Performance optimization meeting))");
  g_assert_cmpuint (lia_pages_count (G_LIST_MODEL (roots)), ==, 20);
}

static void
test_safe_names (void)
{
  static const struct { const char *title; const char *name; } cases[] = {
    { "Project plan", "Project-plan" },
    { "a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j" },
    { "../../etc/passwd", "etc-passwd" },
    { "..", "page" },
    { ".", "page" },
    { "   ", "page" },
    { "CON", "CON_" },
    { "nul.txt", "nul.txt_" },
    { "com1", "com1_" },
    { "title\twith\ncontrol\x01", "title-with-control" },
    { "API设计 🚀", "API设计-🚀" },
    { ".hidden.", "hidden" },
  };
  g_autofree char *long_title = g_strnfill (300, 'x');
  g_autofree char *long_name = lia_pages_safe_name (long_title);
  GString *han = g_string_new (NULL);
  g_autofree char *han_name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = lia_pages_safe_name (cases[i].title);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
  g_assert_cmpuint (strlen (long_name), <=, 80);
  for (guint i = 0; i < 100; i++)
    g_string_append (han, "设");
  han_name = lia_pages_safe_name (han->str);
  g_assert_true (g_utf8_validate (han_name, -1, NULL));
  g_assert_cmpuint (strlen (han_name), <=, 80);
  g_string_free (han, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Every file under ROOT, as paths relative to it. */
static void
list_files (const char *root,
            const char *relative,
            GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        list_files (root, child, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static void
test_round_trip (void)
{
  static const char * const hostile[] = {
    "../../escape", "a/b", "..", "CON", "dup", "dup", "tab\there", "设计 🚀", "[brackets] and *stars*",
  };
  g_autoptr(LiaPage) root = page_new ("Space", "# Space\n\nBody with | pipes\n");
  g_autoptr(GListStore) roots = g_list_store_new (LIA_TYPE_PAGE);
  g_autofree char *base = g_dir_make_tmp ("liaison-pages-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (base, "export", NULL);
  g_autofree char *index = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GListStore) again = g_list_store_new (LIA_TYPE_PAGE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  LiaPage *nested = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *body = g_strdup_printf ("Body %u\n---\nnot a header\n", i);
      g_autoptr(LiaPage) child = page_new (hostile[i], body);

      if (i == 4)
        nested = child;
      g_list_store_append (kids (root), child);
    }
  {
    g_autoptr(LiaPage) grandchild = page_new ("Under dup", "");
    g_list_store_append (kids (nested), grandchild);
  }
  g_list_store_append (roots, root);

  g_assert_true (lia_pages_export_tree (root, dir, &error));
  g_assert_no_error (error);

  /* Nothing outside the folder, every name distinct and safe. */
  list_files (dir, "", files);
  g_assert_cmpuint (files->len, ==, 1 + 1 + G_N_ELEMENTS (hostile) + 1);
  for (guint i = 0; i < files->len; i++)
    {
      const char *f = g_ptr_array_index (files, i);
      g_assert_null (strstr (f, ".."));
      g_assert_null (strchr (f, '\t'));
    }
  {
    g_autofree char *dup1 = g_build_filename (dir, "01-Space", "05-dup.md", NULL);
    g_autofree char *dup2 = g_build_filename (dir, "01-Space", "06-dup.md", NULL);
    g_autofree char *under = g_build_filename (dir, "01-Space", "05-dup", "01-Under-dup.md", NULL);
    g_autofree char *escape = g_build_filename (base, "escape", NULL);
    g_autofree char *index_path = g_build_filename (dir, "index.md", NULL);

    g_assert_true (g_file_test (dup1, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (dup2, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (under, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (escape, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  }
  g_assert_nonnull (strstr (index, "- [Space](<01-Space.md>)\n"));
  g_assert_nonnull (strstr (index, "  - [\\[brackets\\] and *stars*](<01-Space/09-[brackets]-and-stars.md>)\n"));

  imported = lia_pages_import_tree (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, 1);
  g_list_store_append (again, g_ptr_array_index (imported, 0));
  before = shape (roots);
  after = shape (again);
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(LiaPage) copy = g_list_model_get_item (G_LIST_MODEL (again), 0);
    g_autoptr(LiaPage) first = g_list_model_get_item (G_LIST_MODEL (kids (copy)), 0);

    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (copy), LIA_PAGE_BODY), ==, "# Space\n\nBody with | pipes\n");
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (first), LIA_PAGE_BODY), ==, "Body 0\n---\nnot a header\n");
    g_assert_cmpstr (lia_entity_get_id (LIA_ENTITY (copy)), ==, lia_entity_get_id (LIA_ENTITY (root)));
  }

  remove_tree (base);
}

static void
test_import_errors (void)
{
  g_autofree char *base = g_dir_make_tmp ("liaison-pages-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (base, "01-bad.md", NULL);
  g_autofree char *plain = g_build_filename (base, "02-Plain notes.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  none = lia_pages_import_tree (base, &error);
  g_assert_null (none);
  g_assert_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "no Markdown pages"));
  g_clear_error (&error);

  /* A header whose title is not a quoted string is named with its file. */
  g_assert_true (g_file_set_contents (bad, "---\ntitle: unquoted\n---\nbody", -1, NULL));
  none = lia_pages_import_tree (base, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "01-bad.md: the title in the header is not a quoted, non-empty string"));
  g_clear_error (&error);

  /* Plain Markdown files import with their names as titles. */
  g_unlink (bad);
  g_assert_true (g_file_set_contents (plain, "# Notes\n", -1, NULL));
  pages = lia_pages_import_tree (base, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (g_ptr_array_index (pages, 0)), LIA_PAGE_TITLE), ==, "Plain notes");
  g_unlink (plain);
  g_rmdir (base);
}

/* Plain writes: g_file_set_contents() renames each file into place,
 * which costs seconds for the 10 000 files of the linear-time test. */
static void
write_file (const char *dir,
            const char *name,
            const char *text,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  if (length < 0)
    length = strlen (text);
  g_assert_cmpuint (fwrite (text, 1, length, f), ==, (gsize) length);
  g_assert_cmpint (fclose (f), ==, 0);
}

static void
collect_page_ids (GListModel *pages,
                  GPtrArray  *ids)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (pages, i);

      g_ptr_array_add (ids, (gpointer) lia_entity_get_id (LIA_ENTITY (page)));
      collect_page_ids (G_LIST_MODEL (kids (page)), ids);
    }
}

#define MEMBER_ID "97678b34-f8f2-53d1-ba9d-16d4d7b2462c"
#define REQUIREMENT_ID "5e0c7a7a-1111-4a8e-9a59-000000000001"
#define PAGE_ID "0b7e7f43-3a39-4a83-9d8b-7f0b4d0a6c11"

/* Whatever the folder holds, the pages it gives can be added to the
 * workspace and the file saved opens again: ids are UUIDs no entity has
 * yet, and links out of the folder or special files are left out. */
static void
test_import_safe_ids_and_links (void)
{
  const char *doc =
    "{\"format\": \"liaison-workspace\", \"version\": 1,"
    " \"members\": [{\"id\": \"" MEMBER_ID "\", \"name\": \"A\", \"timezone\": \"UTC\"}],"
    " \"requirements\": [{\"id\": \"" REQUIREMENT_ID "\", \"business_need\": \"x\", \"steps\": []}]}";
  g_autofree char *base = g_dir_make_tmp ("liaison-pages-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (base, "tree", NULL);
  g_autofree char *fifo = g_build_filename (dir, "08-fifo.md", NULL);
  g_autofree char *out_link = g_build_filename (dir, "06-passwd.md", NULL);
  g_autofree char *out_link2 = g_build_filename (dir, "07-outside.md", NULL);
  g_autofree char *in_link = g_build_filename (dir, "09-alias.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_from_data (doc, strlen (doc), "t.liaison", &error);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autoptr(LiaWorkspace) reopened = NULL;
  GListStore *roots;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  write_file (dir, "01-bad-id.md", "---\ntitle: \"Bad id\"\nid: not-a-uuid\n---\nbody\n", -1);
  write_file (dir, "02-member-id.md", "---\ntitle: \"Member's id\"\nid: " MEMBER_ID "\n---\n", -1);
  write_file (dir, "03-requirement-id.md", "---\ntitle: \"Requirement's id\"\nid: " REQUIREMENT_ID "\n---\n", -1);
  write_file (dir, "04-twice.md", "---\ntitle: \"Twice\"\nid: " PAGE_ID "\n---\n", -1);
  write_file (dir, "05-twice.md", "---\ntitle: \"Twice again\"\nid: " PAGE_ID "\n---\n", -1);
  write_file (base, "outside.md", "secret\n", -1);
  g_assert_cmpint (symlink ("/etc/passwd", out_link), ==, 0);
  g_assert_cmpint (symlink ("../outside.md", out_link2), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("01-bad-id.md", in_link), ==, 0);

  pages = lia_pages_import_tree_full (dir, workspace, skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 6);
  g_assert_cmpuint (skipped->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (skipped, 0), out_link));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "outside the imported folder"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (skipped, 1), out_link2));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (skipped, 2), fifo));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 2), "not a regular file"));
  /* The folder's unique UUID is kept. */
  g_assert_cmpstr (lia_entity_get_id (g_ptr_array_index (pages, 3)), ==, PAGE_ID);

  roots = lia_workspace_get_pages (workspace);
  for (guint i = 0; i < pages->len; i++)
    {
      LiaPage *page = g_ptr_array_index (pages, i);

      g_assert_null (strstr (lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_BODY), "root:"));
      g_list_store_append (roots, page);
    }
  collect_page_ids (G_LIST_MODEL (roots), ids);
  g_hash_table_add (seen, MEMBER_ID);
  g_hash_table_add (seen, REQUIREMENT_ID);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (g_uuid_string_is_valid (g_ptr_array_index (ids, i)));
      g_assert_false (g_hash_table_contains (seen, g_ptr_array_index (ids, i)));
      g_hash_table_add (seen, g_ptr_array_index (ids, i));
    }

  /* What was imported is written, and read back. */
  text = lia_workspace_to_data (workspace, NULL);
  reopened = lia_workspace_new_from_data (text, strlen (text), "t.liaison", &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);

  remove_tree (base);
}

static void
test_import_refuses_big_and_binary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-pages-XXXXXX", NULL);
  g_autofree char *big_path = g_build_filename (dir, "01-big.md", NULL);
  g_autofree char *bin_path = g_build_filename (dir, "01-binary.md", NULL);
  g_autofree char *nul_path = g_build_filename (dir, "01-nul.md", NULL);
  g_autofree char *big = g_strnfill (LIA_WORKSPACE_MAX_STRING + 1, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_true (g_file_set_contents (big_path, big, -1, NULL));
  none = lia_pages_import_tree (dir, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, big_path));
  g_assert_nonnull (strstr (error->message, "1048576"));
  g_clear_error (&error);
  g_unlink (big_path);

  /* Exactly the limit is fine. */
  big[LIA_WORKSPACE_MAX_STRING] = '\0';
  g_assert_true (g_file_set_contents (big_path, big, -1, NULL));
  none = lia_pages_import_tree (dir, &error);
  g_assert_no_error (error);
  g_clear_pointer (&none, g_ptr_array_unref);
  g_unlink (big_path);

  g_assert_true (g_file_set_contents (bin_path, "caf\xe9\n", -1, NULL));
  none = lia_pages_import_tree (dir, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, bin_path));
  g_assert_nonnull (strstr (error->message, "not UTF-8 text"));
  g_clear_error (&error);
  g_unlink (bin_path);

  g_assert_true (g_file_set_contents (nul_path, "a\0b", 3, NULL));
  none = lia_pages_import_tree (dir, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, nul_path));
  g_clear_error (&error);
  g_unlink (nul_path);

  g_rmdir (dir);
}

/* Writes @sections section pages, each with a folder of @sections - 1
 * pages, every one with front matter and a fresh id, under @dir. */
static void
write_sections (const char *dir,
                guint       sections)
{
  for (guint i = 0; i < sections; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/%03u-section", dir, i);
      g_autofree char *head = g_strdup_printf ("%03u-section.md", i);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *text = g_strdup_printf ("---\ntitle: \"Section %u\"\nid: %s\n---\n", i, uuid);

      write_file (dir, head, text, -1);
      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      for (guint j = 0; j < sections - 1; j++)
        {
          g_autofree char *name = g_strdup_printf ("%02u-page.md", j);
          g_autofree char *page_uuid = g_uuid_string_random ();
          g_autofree char *body = g_strdup_printf ("---\ntitle: \"Page\"\nid: %s\n---\nbody\n", page_uuid);

          write_file (sub, name, body, -1);
        }
    }
}

/* Imports @dir into @workspace twice (the second import clashes with
 * every id of the first); returns the seconds it took. */
static double
import_twice (const char   *dir,
              LiaWorkspace *workspace)
{
  GListStore *roots = lia_workspace_get_pages (workspace);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  first = lia_pages_import_tree_full (dir, workspace, NULL, &error);
  g_assert_no_error (error);
  g_list_store_splice (roots, 0, 0, first->pdata, first->len);
  second = lia_pages_import_tree_full (dir, workspace, NULL, &error);
  g_assert_no_error (error);
  g_list_store_splice (roots, g_list_model_get_n_items (G_LIST_MODEL (roots)), 0, second->pdata, second->len);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* 10 000 pages, half of them in subfolders, into a workspace that has
 * them all already: every id clashes.  The old quadratic id search took
 * half a minute; the time is checked against a small import (see
 * below).  Under
 * valgrind (LIAISON_TEST_MEMCHECK) 100 pages and no clock: only what
 * the import allocates is looked at there. */
static void
test_import_many_is_linear (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-pages-XXXXXX", NULL);
  g_autofree char *small_dir = g_dir_make_tmp ("liaison-pages-XXXXXX", NULL);
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new ();
  g_autoptr(LiaWorkspace) small = lia_workspace_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean memcheck = g_getenv ("LIAISON_TEST_MEMCHECK") != NULL;
  guint sections = memcheck ? 10 : 100;
  double took, baseline;

  write_sections (dir, sections);
  took = import_twice (dir, workspace);
  g_test_message ("two imports of %u pages: %.2f s", sections * sections, took);
  /* Against about a tenth as many pages imported in the same test, not
   * a wall-clock limit (which a loaded machine missed): linear is about
   * 10 times that, quadratic about 100. */
  if (!memcheck)
    {
      write_sections (small_dir, 32);
      baseline = import_twice (small_dir, small);
      g_test_message ("two imports of 1024 pages: %.2f s (%.1f times)", baseline, took / baseline);
      g_assert_cmpfloat (took, <, 30 * baseline);
    }

  collect_page_ids (G_LIST_MODEL (lia_workspace_get_pages (workspace)), ids);
  g_assert_cmpuint (ids->len, ==, 2 * sections * sections);
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_add (seen, g_ptr_array_index (ids, i)));

  remove_tree (dir);
  remove_tree (small_dir);
}

/* A link planted in the export folder is replaced, not written through. */
static void
test_export_replaces_links (void)
{
  g_autofree char *base = g_dir_make_tmp ("liaison-pages-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (base, "out", NULL);
  g_autofree char *victim = g_build_filename (base, "victim", NULL);
  g_autofree char *page_link = g_build_filename (dir, "01-Space.md", NULL);
  g_autofree char *index_link = g_build_filename (dir, "index.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(LiaPage) root = lia_page_new ();
  g_autoptr(GError) error = NULL;

  lia_entity_set_string (LIA_ENTITY (root), LIA_PAGE_TITLE, "Space");
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (victim, "keep", -1, NULL));
  g_assert_cmpint (symlink (victim, page_link), ==, 0);
  g_assert_cmpint (symlink (victim, index_link), ==, 0);

  g_assert_true (lia_pages_export_tree (root, dir, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (victim, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "keep");
  g_assert_false (g_file_test (page_link, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (index_link, G_FILE_TEST_IS_SYMLINK));

  remove_tree (base);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pages/moves", test_moves);
  g_test_add_func ("/pages/delete-subtree-and-undo", test_delete_subtree_and_undo);
  g_test_add_func ("/pages/rename-keeps-links", test_rename_keeps_links);
  g_test_add_func ("/pages/search-and-find", test_search_and_find);
  g_test_add_func ("/pages/seed-space", test_seed_space);
  g_test_add_func ("/pages/safe-names", test_safe_names);
  g_test_add_func ("/pages/round-trip", test_round_trip);
  g_test_add_func ("/pages/import-errors", test_import_errors);
  g_test_add_func ("/pages/import-safe-ids-and-links", test_import_safe_ids_and_links);
  g_test_add_func ("/pages/import-refuses-big-and-binary", test_import_refuses_big_and_binary);
  g_test_add_func ("/pages/import-many-is-linear", test_import_many_is_linear);
  g_test_add_func ("/pages/export-replaces-links", test_export_replaces_links);

  return g_test_run ();
}
