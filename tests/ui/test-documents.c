/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-conflict-resolve.h"
#include "lia-page-tree.h"
#include "lia-test-widgets.h"
#include "lia-test-workspace.h"
#include "lia-window.h"
#include "documents/lia-documents-view.h"
#include "documents/lia-markdown-render.h"
#include "meetings/lia-meetings-view.h"

/* The Documents page in the real window under Xvfb: the sample space,
 * dropping a page under another and undoing it, keyboard moves, adding and
 * deleting subtrees, renaming with links, the preview, search, and a
 * large tree. */

#define spin lia_test_spin

static gboolean
is_open_popover (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget);
}

typedef struct
{
  LiaWindow        *window;
  LiaWorkspace     *workspace;
  LiaDocumentsView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = lia_test_sample_window ("documents", &f->workspace);
  f->view = LIA_DOCUMENTS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_DOCUMENTS_VIEW));
  g_assert_nonnull (f->view);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->workspace);
  spin (50);
}

static GListStore *
pages (Fixture *f)
{
  return lia_workspace_get_pages (f->workspace);
}

static LiaPage *
find (Fixture    *f,
      const char *title)
{
  LiaPage *page = lia_pages_find (G_LIST_MODEL (pages (f)), title);

  g_assert_nonnull (page);
  g_object_unref (page);   /* the workspace keeps it */
  return page;
}

static char *
path_of (Fixture    *f,
         const char *title)
{
  lia_documents_view_select (f->view, find (f, title));
  spin (50);
  return g_strdup (lia_documents_view_get_breadcrumbs (f->view));
}

static gboolean
shows_buffer (GtkWidget     *widget,
              gconstpointer  buffer)
{
  return GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)) == buffer;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

static GtkTextView *
preview_view (Fixture *f)
{
  return GTK_TEXT_VIEW (lia_test_find_widget (GTK_WIDGET (f->view), shows_buffer, lia_documents_view_get_preview (f->view)));
}

/* The text of the label at column X, row Y of a rendered table. */
static const char *
cell_text (GtkWidget *grid,
           int        x,
           int        y)
{
  GtkWidget *label = gtk_grid_get_child_at (GTK_GRID (grid), x, y);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_drop_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  g_autofree char *before = path_of (f, "Architecture");
  g_autofree char *after = NULL, *undone = NULL, *self_drop = NULL;

  g_assert_cmpstr (before, ==, "vLLM inference engine documentation › Technical documentation › Architecture");
  /* Selecting a page opened its ancestors: 1 + 4 sections + 4 pages. */
  g_assert_cmpuint (lia_documents_view_get_n_rows (f->view), ==, 9);

  /* Dropped onto "User manual", Architecture becomes its last page. */
  g_assert_true (lia_documents_view_drop (f->view, find (f, "Architecture"), find (f, "User manual"), LIA_DROP_ONTO));
  spin (100);
  after = path_of (f, "Architecture");
  g_assert_cmpstr (after, ==, "vLLM inference engine documentation › User manual › Architecture");
  {
    GListModel *manual = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (find (f, "User manual")), LIA_PAGE_CHILDREN));
    g_autoptr(LiaPage) last = g_list_model_get_item (manual, g_list_model_get_n_items (manual) - 1);
    g_assert_true (last == find (f, "Architecture"));
  }

  /* A section cannot go under its own page. */
  g_assert_false (lia_documents_view_drop (f->view, find (f, "User manual"), find (f, "Quick start"), LIA_DROP_ONTO));

  g_assert_true (lia_history_undo (history));
  spin (100);
  undone = path_of (f, "Architecture");
  g_assert_cmpstr (undone, ==, before);

  /* Between pages: before "Goals". */
  g_assert_true (lia_documents_view_drop (f->view, find (f, "Quick start"), find (f, "Goals"), LIA_DROP_BEFORE));
  spin (100);
  self_drop = path_of (f, "Quick start");
  g_assert_cmpstr (self_drop, ==, "vLLM inference engine documentation › Project overview › Quick start");
  {
    GListModel *overview = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (find (f, "Project overview")), LIA_PAGE_CHILDREN));
    g_autoptr(LiaPage) second = g_list_model_get_item (overview, 1);
    g_assert_true (second == find (f, "Quick start"));
  }
}

/* The selection follows the tree through edits: typing keeps it, a page
 * whose section is deleted (by an undo, a reload, another view) loses it,
 * and a page moved elsewhere keeps it in its new row. */
static void
test_selection_follows_edits (Fixture       *f,
                              gconstpointer  data)
{
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  LiaPage *guide = find (f, "Configuration guide");
  LiaPage *manual = find (f, "User manual");
  LiaPage *parent = NULL;
  GListStore *store;
  guint position;

  lia_documents_view_select (f->view, guide);
  spin (50);
  g_assert_true (lia_documents_view_get_selected (f->view) == guide);
  lia_entity_set_string (LIA_ENTITY (guide), LIA_PAGE_BODY, "typed");
  spin (20);
  g_assert_true (lia_documents_view_get_selected (f->view) == guide);

  /* Its section, not the page, goes. */
  store = lia_pages_find_store (pages (f), manual, &position, &parent);
  g_assert_nonnull (store);
  lia_history_begin (history, "Delete page");
  lia_history_remove (history, store, position);
  lia_history_end (history);
  spin (50);
  g_assert_null (lia_documents_view_get_selected (f->view));
  g_assert_true (lia_history_undo (history));
  spin (50);

  /* Moved under another section, it stays selected. */
  lia_documents_view_select (f->view, guide);
  spin (50);
  g_assert_true (lia_documents_view_drop (f->view, guide, find (f, "Architecture"), LIA_DROP_ONTO));
  spin (50);
  g_assert_true (lia_documents_view_get_selected (f->view) == guide);
}

/* The action each of the view's own key bindings runs, by trigger. */
static char *
binding_of (GtkWidget  *widget,
            const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              GVariant *args = gtk_shortcut_get_arguments (shortcut);
              g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

              return args ? g_strdup_printf ("%s %s", action, g_variant_get_string (args, NULL)) : g_steal_pointer (&action);
            }
        }
    }
  return NULL;
}

/* The tree's key bindings; Alt+Left stays Back (the narrow layout's
 * leaflet, GNOME's convention) and moves no page. */
static void
test_key_bindings (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  g_autofree char *out = binding_of (view, "<Shift><Alt>Left");
  g_autofree char *in = binding_of (view, "<Shift><Alt>Right");
  g_autofree char *up = binding_of (view, "<Alt>Up");
  g_autofree char *rename = binding_of (view, "F2");
  g_autofree char *back = binding_of (view, "<Alt>Left");
  g_autofree char *forward = binding_of (view, "<Alt>Right");

  g_assert_cmpstr (out, ==, "action(documents.move) out");
  g_assert_cmpstr (in, ==, "action(documents.move) in");
  g_assert_cmpstr (up, ==, "action(documents.move) up");
  g_assert_cmpstr (rename, ==, "action(documents.rename)");
  g_assert_null (back);
  g_assert_null (forward);
}

static void
test_keyboard_moves_add_delete (Fixture       *f,
                                gconstpointer  data)
{
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  g_autofree char *indented = NULL, *outdented = NULL;
  LiaPage *added;

  lia_documents_view_select (f->view, find (f, "Goals"));
  spin (50);
  /* Shift+Alt+Right: under the page above (Background); Shift+Alt+Left:
   * back out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.move", "s", "in"));
  spin (50);
  indented = path_of (f, "Goals");
  g_assert_cmpstr (indented, ==, "vLLM inference engine documentation › Project overview › Background › Goals");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.move", "s", "out"));
  spin (50);
  outdented = path_of (f, "Goals");
  g_assert_cmpstr (outdented, ==, "vLLM inference engine documentation › Project overview › Goals");

  /* A child page, then the section deleted with it, then undone whole. */
  lia_documents_view_select (f->view, find (f, "User manual"));
  added = lia_documents_view_add_page (f->view, TRUE);
  spin (50);
  g_assert_nonnull (added);
  g_assert_true (lia_documents_view_get_selected (f->view) == added);
  g_assert_cmpuint (lia_pages_count (G_LIST_MODEL (pages (f))), ==, 21);
  lia_documents_view_select (f->view, find (f, "User manual"));
  lia_documents_view_delete_page (f->view);
  spin (50);
  g_assert_cmpuint (lia_pages_count (G_LIST_MODEL (pages (f))), ==, 15);
  g_assert_true (lia_history_undo (history));
  spin (100);
  g_assert_cmpuint (lia_pages_count (G_LIST_MODEL (pages (f))), ==, 21);
  g_assert_nonnull (lia_pages_find (G_LIST_MODEL (pages (f)), "Configuration guide"));
}

static void
test_rename_preview_and_links (Fixture       *f,
                               gconstpointer  data)
{
  LiaPage *api = find (f, "API design");
  LiaPage *plan = find (f, "Project plan");
  GtkTextBuffer *preview;
  GtkWidget *title;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  GtkTextIter start, end, iter;

  body = g_strdup_printf ("# Plan\n\nSee *the* **API** in [API design](<page:API design>) or [by id](page:%s).\n\n"
                          "- one\n- two `code`\n\n| Field | Type |\n|---|---|\n| temperature | number |\n| n | integer |\n",
                          lia_entity_get_id (LIA_ENTITY (api)));
  lia_entity_set_string (LIA_ENTITY (plan), LIA_PAGE_BODY, body);

  /* Renaming in the title field follows links by title. */
  lia_documents_view_select (f->view, api);
  spin (50);
  title = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Chat API design");
  g_signal_emit_by_name (title, "activate");
  spin (50);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (api), LIA_PAGE_TITLE), ==, "Chat API design");
  g_assert_nonnull (strstr (lia_entity_get_string (LIA_ENTITY (plan), LIA_PAGE_BODY), "[API design](<page:Chat API design>)"));

  /* F2 renames in place: an entry on the page's row. */
  {
    GtkWidget *popover, *entry;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.rename", NULL));
    spin (50);
    popover = lia_test_find_widget (GTK_WIDGET (f->view), is_open_popover, NULL);
    g_assert_nonnull (popover);
    entry = lia_test_find_type (popover, GTK_TYPE_ENTRY);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Chat API design");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Chat API");
    g_signal_emit_by_name (entry, "activate");
    spin (100);
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (api), LIA_PAGE_TITLE), ==, "Chat API");
    g_assert_nonnull (strstr (lia_entity_get_string (LIA_ENTITY (plan), LIA_PAGE_BODY), "[API design](<page:Chat API>)"));
    g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (api), LIA_PAGE_TITLE), ==, "Chat API design");
  }

  /* The preview renders the Markdown without a web engine. */
  lia_documents_view_select (f->view, plan);
  lia_documents_view_show_preview (f->view, TRUE);
  spin (50);
  preview = lia_documents_view_get_preview (f->view);
  gtk_text_buffer_get_bounds (preview, &start, &end);
  text = gtk_text_buffer_get_text (preview, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, "Plan\nSee the API in API design or by id.\n"));
  g_assert_nonnull (strstr (text, "• one\n• two code\n"));
  /* The table is a grid of labels in the view, not text. */
  g_assert_null (strstr (text, "│"));
  {
    GtkWidget *grid = lia_test_find_type (GTK_WIDGET (preview_view (f)), GTK_TYPE_GRID);
    g_assert_nonnull (grid);
    g_assert_cmpstr (cell_text (grid, 0, 0), ==, "Field");
    g_assert_cmpstr (cell_text (grid, 1, 2), ==, "integer");
  }
  g_assert_nonnull (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (preview), "h1"));

  /* The link's target is kept on its text; following it by id opens the page. */
  {
    const char *at = strstr (text, "by id");
    g_assert_nonnull (at);
    gtk_text_buffer_get_iter_at_offset (preview, &iter, (int) g_utf8_strlen (text, at - text) + 1);
    g_assert_true (g_str_has_prefix (lia_markdown_link_at (&iter), "page:"));
  }
  g_assert_false (lia_documents_view_follow_link (f->view, "page:No such page"));
  {
    g_autofree char *href = g_strdup_printf ("page:%s", lia_entity_get_id (LIA_ENTITY (api)));
    g_assert_true (lia_documents_view_follow_link (f->view, href));
  }
  g_assert_true (lia_documents_view_get_selected (f->view) == api);

  /* The status line counts words; each Chinese character is one. */
  lia_entity_set_string (LIA_ENTITY (find (f, "Goals")), LIA_PAGE_BODY, "# 项目目标\n\n推理 engine");
  lia_documents_view_select (f->view, find (f, "Goals"));
  spin (50);
  g_assert_cmpstr (lia_documents_view_get_status (f->view), ==, "7 words");
}

static void
grid_size (GtkWidget *grid,
           int       *columns,
           int       *rows)
{
  *columns = *rows = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c; c = gtk_widget_get_next_sibling (c))
    {
      int x, y, w, h;

      gtk_grid_query_child (GTK_GRID (grid), c, &x, &y, &w, &h);
      *columns = MAX (*columns, x + w);
      *rows = MAX (*rows, y + h);
    }
}

static void
test_chinese_table (Fixture       *f,
                    gconstpointer  data)
{
  LiaPage *goals = find (f, "Goals");
  GtkWidget *grid, *header_label;
  int columns, rows, width_short, width_long;

  lia_entity_set_string (LIA_ENTITY (goals), LIA_PAGE_BODY,
                         "# 需求翻译\n\n| 业务需求 | 技术需求 | 负责人 |\n|---|:---:|--:|\n"
                         "| 提升模型推理速度 | 优化 KV cache | 张三 |\n| 降低成本 | **量化** | Li |\n\n之后的段落。\n");
  lia_documents_view_select (f->view, goals);
  lia_documents_view_show_preview (f->view, TRUE);
  spin (100);

  grid = lia_test_find_type (GTK_WIDGET (preview_view (f)), GTK_TYPE_GRID);
  g_assert_nonnull (grid);
  g_assert_true (gtk_widget_has_css_class (grid, "markdown-table"));
  grid_size (grid, &columns, &rows);
  g_assert_cmpint (columns, ==, 3);
  g_assert_cmpint (rows, ==, 3);
  g_assert_cmpstr (cell_text (grid, 0, 0), ==, "业务需求");
  g_assert_cmpstr (cell_text (grid, 0, 1), ==, "提升模型推理速度");
  g_assert_cmpstr (cell_text (grid, 1, 1), ==, "优化 KV cache");
  g_assert_cmpstr (cell_text (grid, 1, 2), ==, "量化");
  g_assert_cmpstr (cell_text (grid, 2, 2), ==, "Li");
  header_label = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  g_assert_true (gtk_widget_has_css_class (header_label, "header"));
  g_assert_false (gtk_widget_has_css_class (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1), "header"));
  /* The alignment row of the Markdown sets each column's. */
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))), ==, 0.5);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 2, 2))), ==, 1.0);

  /* One column is as wide as its widest cell, measured by Pango: the
   * cells of a column share one width whatever characters they hold. */
  width_short = gtk_widget_get_width (gtk_grid_get_child_at (GTK_GRID (grid), 0, 2));
  width_long = gtk_widget_get_width (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1));
  g_assert_cmpint (width_long, >, 0);
  g_assert_cmpint (width_short, ==, width_long);

  /* The text after the table is still text. */
  {
    GtkTextBuffer *buffer = lia_documents_view_get_preview (f->view);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, "之后的段落。"));
  }
}

static void
test_count_words (Fixture       *f,
                  gconstpointer  data)
{
  /* Each Han, kana or hangul character is one; Latin words are words. */
  g_assert_cmpuint (lia_documents_view_count_words (""), ==, 0);
  g_assert_cmpuint (lia_documents_view_count_words ("Hello, world"), ==, 2);
  g_assert_cmpuint (lia_documents_view_count_words ("推理工程师"), ==, 5);
  g_assert_cmpuint (lia_documents_view_count_words ("推理 engine 优化，vLLM。"), ==, 6);
  g_assert_cmpuint (lia_documents_view_count_words ("2026年1月20日"), ==, 6);
  g_assert_cmpuint (lia_documents_view_count_words ("don’t stop"), ==, 2);
  g_assert_cmpuint (lia_documents_view_count_words ("ひらがな カタカナ 한국어"), ==, 11);
  /* Punctuation, full-width or not, is not a word. */
  g_assert_cmpuint (lia_documents_view_count_words ("「」，。！？ - * |"), ==, 0);
}

static void
test_narrow_click_opens (Fixture       *f,
                         gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (lia_test_find_type (GTK_WIDGET (f->view), ADW_TYPE_LEAFLET));
  GtkWidget *list = lia_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);
  GtkGesture *click = NULL;
  GtkWidget *row_label = NULL;
  graphene_point_t point;
  g_autoptr(GListModel) controllers = NULL;

  /* Where the path does not fit, it shortens in the middle: the crumbs
   * before the parent give way, the parent (the last crumb) stays whole. */
  lia_documents_view_select (f->view, find (f, "Architecture"));
  spin (400);
  {
    GtkWidget *crumbs = lia_test_find_widget (GTK_WIDGET (f->view), has_css_class, "breadcrumbs");
    GtkWidget *first = gtk_widget_get_first_child (crumbs);
    GtkWidget *last = gtk_widget_get_last_child (crumbs);

    g_assert_nonnull (crumbs);
    g_assert_true (first != last);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (first)), ==, "vLLM inference engine documentation › ");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (last)), ==, "Technical documentation");
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (first)), ==, PANGO_ELLIPSIZE_MIDDLE);
    g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (first))));
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (last))));
  }

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  spin (400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_ancestor (list, adw_leaflet_get_visible_child (leaflet)));

  /* A click on the title of the first row (the space). */
  row_label = lia_test_find_type (list, GTK_TYPE_LABEL);
  g_assert_nonnull (row_label);
  controllers = gtk_widget_observe_controllers (list);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);   /* before the fix: only a double click (activate) opened */

  lia_documents_view_select (f->view, find (f, "vLLM inference engine documentation"));
  spin (50);
  g_assert_true (gtk_widget_compute_point (row_label, list, &GRAPHENE_POINT_INIT (gtk_widget_get_width (row_label) / 2.0, 4), &point));
  g_signal_emit_by_name (click, "released", 1, (double) point.x, (double) point.y);
  spin (400);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (preview_view (f)), adw_leaflet_get_visible_child (leaflet)));

  /* Folded, the page still fits 360 px with its path shown. */
  lia_documents_view_select (f->view, find (f, "Architecture"));
  spin (100);
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }
}

static void
test_menus (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *new_button = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_tooltip, "New Page");
  GtkWidget *page_button = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_tooltip, "Page Menu");
  GMenuModel *menu, *page_menu;
  gboolean import_in_templates = FALSE, import_in_new = FALSE, minutes_dated = FALSE;
  int export_at = -1, import_at = -1;

  g_assert_nonnull (new_button);
  g_assert_nonnull (page_button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (new_button));
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autofree char *heading = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      g_menu_model_get_item_attribute (menu, s, G_MENU_ATTRIBUTE_LABEL, "s", &heading);
      for (int i = 0; section && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL, *label = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (action, "documents.import") == 0)
            {
              import_in_new = TRUE;
              import_in_templates |= g_strcmp0 (heading, "Templates") == 0;
            }
          if (g_strcmp0 (label, "Minutes of “API design meeting” (Tue 20 Jan 2026)") == 0)
            minutes_dated = TRUE;
        }
    }
  g_assert_false (import_in_templates);
  g_assert_true (import_in_new);
  g_assert_true (minutes_dated);

  /* Import sits beside Export in the page menu. */
  page_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (page_button));
  for (int i = 0; i < g_menu_model_get_n_items (page_menu); i++)
    {
      g_autofree char *action = NULL;

      g_menu_model_get_item_attribute (page_menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      if (g_strcmp0 (action, "documents.export") == 0)
        export_at = i;
      if (g_strcmp0 (action, "documents.import") == 0)
        import_at = i;
    }
  g_assert_cmpint (export_at, >=, 0);
  g_assert_cmpint (import_at, ==, export_at + 1);
}

static void
test_minutes_template (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  g_autofree char *href = g_strdup_printf ("meeting:%s", lia_entity_get_id (LIA_ENTITY (meeting)));
  LiaMeetingsView *meetings;
  LiaPage *minutes;
  const char *body;

  /* Minutes from a meeting of the workspace: its agenda, and a link back. */
  lia_documents_view_select (f->view, find (f, "Meeting minutes"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.new", "s", "minutes:0"));
  spin (50);
  minutes = lia_documents_view_get_selected (f->view);
  /* With the meeting's date, so minutes of a weekly meeting tell apart. */
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (minutes), LIA_PAGE_TITLE), ==, "Minutes: API design meeting (Tue 20 Jan 2026)");
  body = lia_entity_get_string (LIA_ENTITY (minutes), LIA_PAGE_BODY);
  g_assert_nonnull (strstr (body, "| 09:00-09:10 | Opening and background | Facilitator |"));
  g_assert_nonnull (strstr (body, href));

  /* Following it shows the meeting on the Meetings page. */
  g_assert_true (lia_documents_view_follow_link (f->view, href));
  spin (100);
  meetings = LIA_MEETINGS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_MEETINGS_VIEW));
  g_assert_true (lia_meeting_editor_get_meeting (lia_meetings_view_get_editor (meetings)) == meeting);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (meetings)));

  /* The API design and decision templates. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.new", "s", "decision"));
  spin (50);
  g_assert_true (g_str_has_prefix (lia_entity_get_string (LIA_ENTITY (lia_documents_view_get_selected (f->view)), LIA_PAGE_BODY),
                                   "# Decision record\n"));
}

static void
test_search_and_large_tree (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LiaWorkspace) big = lia_workspace_new ();
  GListStore *roots = lia_workspace_get_pages (big);
  LiaPage *last[50], *deep;
  int minimum;

  /* Search reveals the page in the tree. */
  lia_documents_view_set_search (f->view, "configuration");
  spin (50);
  {
    GtkWidget *results = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Configuration guide");
    g_assert_nonnull (results);
    g_signal_emit_by_name (gtk_widget_get_parent (results), "row-activated", results);
  }
  spin (50);
  g_assert_true (lia_documents_view_get_selected (f->view) == find (f, "Configuration guide"));

  /* 5 000 pages: 50 sections of 99 pages. */
  lia_test_workspace_add_pages (big, 50, 99, NULL, NULL, last);
  deep = last[49];
  g_assert_cmpuint (lia_pages_count (G_LIST_MODEL (roots)), ==, 5000);
  lia_documents_view_set_workspace (f->view, big);
  spin (50);
  g_assert_cmpuint (lia_documents_view_get_n_rows (f->view), ==, 50);
  lia_documents_view_select (f->view, deep);
  spin (100);
  g_assert_cmpuint (lia_documents_view_get_n_rows (f->view), ==, 50 + 99);
  g_assert_cmpstr (lia_documents_view_get_breadcrumbs (f->view), ==, "Section 49 › Page 49.98");

  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  lia_documents_view_set_workspace (f->view, f->workspace);
}


/* The row widget that shows PAGE, if it is on screen. */
static GtkWidget *
row_of (GtkWidget *list,
        LiaPage   *page)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *expander = gtk_widget_get_first_child (row);
      g_autoptr(GObject) item = GTK_IS_TREE_EXPANDER (expander) ? gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander)) : NULL;

      if (item == G_OBJECT (page))
        return row;
    }
  return NULL;
}

static void
assert_place_kept (Fixture       *f,
                   GtkAdjustment *vadj,
                   double         value,
                   GtkWidget     *focus,
                   LiaPage       *page)
{
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus);
  g_assert_true (lia_documents_view_get_selected (f->view) == page);
}

/* A page added or removed elsewhere in the tree (an import, an undo, a
 * drop from another window) touches one row: the tree keeps where it was
 * scrolled to and the row that has the keyboard.  The old view built a
 * new tree model after every change of shape, which threw both away. */
static void
test_insert_keeps_place (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LiaWorkspace) big = lia_workspace_new ();
  GListStore *roots = lia_workspace_get_pages (big);
  LiaHistory *history = lia_workspace_get_history (big);
  g_autoptr(LiaPage) appended = lia_page_new ();
  g_autoptr(LiaPage) child = lia_page_new ();
  LiaPage *target = NULL;
  GtkWidget *list, *row, *focus;
  GtkAdjustment *vadj;
  double value;

  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(LiaPage) page = lia_page_new ();
      g_autofree char *title = g_strdup_printf ("Page %u", i);

      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, title);
      g_list_store_append (roots, page);
      if (i == 60)
        target = page;
    }
  lia_documents_view_set_workspace (f->view, big);
  spin (100);
  list = lia_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);
  lia_documents_view_select (f->view, target);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  gtk_adjustment_set_value (vadj, 1000);
  spin (200);
  row = row_of (list, target);
  g_assert_nonnull (row);
  /* The row hands the focus to its expander (and scrolls to it). */
  gtk_widget_grab_focus (row);
  spin (200);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  value = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (value, >, 0);

  /* A page at the end of the tree, then undone. */
  lia_entity_set_string (LIA_ENTITY (appended), LIA_PAGE_TITLE, "Appended");
  lia_history_begin (history, "Add page");
  lia_history_insert (history, roots, g_list_model_get_n_items (G_LIST_MODEL (roots)), appended);
  lia_history_end (history);
  spin (200);
  assert_place_kept (f, vadj, value, focus, target);
  g_assert_true (lia_history_undo (history));
  spin (200);
  assert_place_kept (f, vadj, value, focus, target);

  /* The first child of a page far below gives that page an expander. */
  {
    g_autoptr(LiaPage) parent = g_list_model_get_item (G_LIST_MODEL (roots), 110);

    lia_entity_set_string (LIA_ENTITY (child), LIA_PAGE_TITLE, "Child");
    lia_history_begin (history, "Add page");
    lia_history_insert (history, lia_entity_get_list (LIA_ENTITY (parent), LIA_PAGE_CHILDREN), 0, child);
    lia_history_end (history);
    spin (200);
    assert_place_kept (f, vadj, value, focus, target);
    lia_documents_view_select (f->view, child);
    spin (100);
    g_assert_cmpuint (lia_documents_view_get_n_rows (f->view), ==, 121);
    lia_documents_view_select (f->view, target);
    gtk_adjustment_set_value (vadj, value);
    gtk_widget_grab_focus (focus);
    spin (200);
  }

  /* Renaming the focused page keeps it too. */
  lia_pages_rename (history, roots, target, "Renamed");
  spin (200);
  assert_place_kept (f, vadj, value, focus, target);

  lia_documents_view_set_workspace (f->view, f->workspace);
}

/* A moved page has a new row: a section that was open stays open, and the
 * rows of the tree are the same rows, one of them elsewhere. */
static void
test_move_keeps_expanded (Fixture       *f,
                          gconstpointer  data)
{
  LiaPage *technical = find (f, "Technical documentation");
  guint rows;

  lia_documents_view_select (f->view, find (f, "Architecture"));
  lia_documents_view_select (f->view, technical);
  spin (50);
  rows = lia_documents_view_get_n_rows (f->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.move", "s", "up"));
  spin (50);
  g_assert_true (lia_documents_view_get_selected (f->view) == technical);
  g_assert_cmpuint (lia_documents_view_get_n_rows (f->view), ==, rows);
  g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
  spin (50);
  g_assert_true (lia_documents_view_get_selected (f->view) == technical);
  g_assert_cmpuint (lia_documents_view_get_n_rows (f->view), ==, rows);
  g_assert_cmpstr (lia_documents_view_get_breadcrumbs (f->view), ==, "vLLM inference engine documentation › Technical documentation");
}

/* A link to a meeting in a page, clicked in the preview, asks the window
 * (win.open-meeting) for the Meetings page; the Documents page does not
 * know the Meetings page. */
static void
test_meeting_link_opens_meetings (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  LiaMeetingsView *meetings;
  GtkTextView *preview;
  GtkTextBuffer *buffer;
  GtkGesture *click = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end, iter;
  GdkRectangle where;
  const char *at;
  int x, y;

  lia_documents_view_select (f->view, find (f, "Meeting minutes"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.new", "s", "minutes:0"));
  lia_documents_view_show_preview (f->view, TRUE);
  spin (100);
  preview = preview_view (f);
  buffer = gtk_text_view_get_buffer (preview);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  at = strstr (text, "Open the meeting");
  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) g_utf8_strlen (text, at - text) + 2);
  gtk_text_view_get_iter_location (preview, &iter, &where);
  gtk_text_view_buffer_to_window_coords (preview, GTK_TEXT_WINDOW_WIDGET, where.x + 1, where.y + where.height / 2, &x, &y);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (preview));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);

  /* Without the window's action the link leads nowhere: it is the route. */
  gtk_widget_action_set_enabled (GTK_WIDGET (f->window), "win.open-meeting", FALSE);
  g_signal_emit_by_name (click, "released", 1, (double) x, (double) y);
  spin (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));

  gtk_widget_action_set_enabled (GTK_WIDGET (f->window), "win.open-meeting", TRUE);
  g_signal_emit_by_name (click, "released", 1, (double) x, (double) y);
  spin (200);
  meetings = LIA_MEETINGS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_MEETINGS_VIEW));
  g_assert_nonnull (meetings);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (meetings)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (lia_meeting_editor_get_meeting (lia_meetings_view_get_editor (meetings)) == meeting);
}

/* ---- conflicts a merge left ---- */

#define CONFLICT_TOOLTIP "Conflicts with a teammate’s change"

/* The conflict signs shown under @root. */
static void
collect_conflict_marks (GtkWidget *root,
                        GPtrArray *marks)
{
  if (gtk_widget_is_visible (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), CONFLICT_TOOLTIP) == 0)
    g_ptr_array_add (marks, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_conflict_marks (child, marks);
}

static GPtrArray *
conflict_marks (Fixture *f)
{
  GPtrArray *marks = g_ptr_array_new ();

  collect_conflict_marks (GTK_WIDGET (f->view), marks);
  return marks;
}

/* After a git merge, the page a teammate retitled differently carries a
 * warning sign in the tree (its parent, open above it, does not); when
 * the conflict is resolved (it leaves the collection) the sign goes,
 * without the tree being rebuilt. */
static void
test_conflict_marks_page (Fixture       *f,
                          gconstpointer  data)
{
  GListStore *conflicts = lia_workspace_get_conflicts (f->workspace);
  LiaPage *goals = find (f, "Goals");
  LiaPage *overview = find (f, "Project overview");
  g_autoptr(JsonNode) base = json_node_init_string (json_node_alloc (), "Goals");
  g_autoptr(JsonNode) ours = json_node_init_string (json_node_alloc (), "Our goals");
  g_autoptr(JsonNode) theirs = json_node_init_string (json_node_alloc (), "Their goals");
  g_autoptr(LiaConflict) conflict = lia_conflict_new (lia_entity_get_id (LIA_ENTITY (goals)), "children",
                                                      lia_entity_get_id (LIA_ENTITY (overview)),
                                                      "field", "title", base, ours, theirs);
  g_autoptr(GPtrArray) before = NULL, marked = NULL, resolved = NULL;
  GtkWidget *expander;
  g_autoptr(GObject) item = NULL;
  guint rows;

  lia_documents_view_select (f->view, goals);
  spin (100);
  rows = lia_documents_view_get_n_rows (f->view);
  before = conflict_marks (f);
  g_assert_cmpuint (before->len, ==, 0);

  g_list_store_append (conflicts, conflict);
  spin (100);
  marked = conflict_marks (f);
  g_assert_cmpuint (marked->len, ==, 1);
  expander = gtk_widget_get_ancestor (g_ptr_array_index (marked, 0), GTK_TYPE_TREE_EXPANDER);
  g_assert_nonnull (expander);
  item = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander));
  g_assert_true (item == G_OBJECT (goals));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (marked, 0), "warning"));
  g_assert_cmpuint (lia_documents_view_get_n_rows (f->view), ==, rows);

  g_list_store_remove (conflicts, 0);
  spin (100);
  resolved = conflict_marks (f);
  g_assert_cmpuint (resolved->len, ==, 0);
  g_assert_true (lia_documents_view_get_selected (f->view) == goals);
}

/* Resolving a conflict the way the conflicts view does (their title,
 * through the history) takes the page's mark away; Undo brings back both
 * the title and the mark. */
static void
test_conflict_marks_follow_undo (Fixture       *f,
                                 gconstpointer  data)
{
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  LiaPage *goals = find (f, "Goals");
  LiaPage *overview = find (f, "Project overview");
  g_autoptr(JsonNode) base = json_node_init_string (json_node_alloc (), "Aims");
  g_autoptr(JsonNode) ours = json_node_init_string (json_node_alloc (), "Goals");
  g_autoptr(JsonNode) theirs = json_node_init_string (json_node_alloc (), "Their goals");
  g_autoptr(LiaConflict) conflict = lia_conflict_new (lia_entity_get_id (LIA_ENTITY (goals)), "children",
                                                      lia_entity_get_id (LIA_ENTITY (overview)),
                                                      "field", "title", base, ours, theirs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marked = NULL, resolved = NULL, undone = NULL;

  lia_documents_view_select (f->view, goals);
  g_list_store_append (lia_workspace_get_conflicts (f->workspace), conflict);
  spin (100);
  marked = conflict_marks (f);
  g_assert_cmpuint (marked->len, ==, 1);

  g_assert_true (lia_workspace_resolve_conflict (f->workspace, conflict, LIA_CONFLICT_CHOICE_THEIRS, &error));
  g_assert_no_error (error);
  spin (100);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (goals), LIA_PAGE_TITLE), ==, "Their goals");
  resolved = conflict_marks (f);
  g_assert_cmpuint (resolved->len, ==, 0);

  g_assert_true (lia_history_undo (history));
  spin (100);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (goals), LIA_PAGE_TITLE), ==, "Goals");
  undone = conflict_marks (f);
  g_assert_cmpuint (undone->len, ==, 1);
  {
    GtkWidget *expander = gtk_widget_get_ancestor (g_ptr_array_index (undone, 0), GTK_TYPE_TREE_EXPANDER);
    g_autoptr(GObject) item = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander));

    g_assert_true (item == G_OBJECT (goals));
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/documents/drop-and-undo", test_drop_and_undo);
  ADD ("/ui/documents/keyboard-moves-add-delete", test_keyboard_moves_add_delete);
  ADD ("/ui/documents/key-bindings", test_key_bindings);
  ADD ("/ui/documents/selection-follows-edits", test_selection_follows_edits);
  ADD ("/ui/documents/rename-preview-and-links", test_rename_preview_and_links);
  ADD ("/ui/documents/minutes-template", test_minutes_template);
  ADD ("/ui/documents/search-and-large-tree", test_search_and_large_tree);
  ADD ("/ui/documents/chinese-table", test_chinese_table);
  ADD ("/ui/documents/count-words", test_count_words);
  ADD ("/ui/documents/narrow-click-opens", test_narrow_click_opens);
  ADD ("/ui/documents/menus", test_menus);
  ADD ("/ui/documents/insert-keeps-place", test_insert_keeps_place);
  ADD ("/ui/documents/move-keeps-expanded", test_move_keeps_expanded);
  ADD ("/ui/documents/meeting-link-opens-meetings", test_meeting_link_opens_meetings);
  ADD ("/ui/documents/conflict-marks-page", test_conflict_marks_page);
  ADD ("/ui/documents/conflict-marks-follow-undo", test_conflict_marks_follow_undo);
#undef ADD

  return g_test_run ();
}
