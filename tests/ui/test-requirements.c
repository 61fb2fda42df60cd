/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-test-widgets.h"
#include "lia-test-workspace.h"
#include "lia-window.h"
#include "lia-window-private.h"
#include "lia-export.h"
#include "lia-field-binding.h"
#include "requirements/lia-requirement-cell.h"
#include "requirements/lia-requirement-editor.h"
#include "requirements/lia-requirements-view.h"
#include "requirements/lia-step-row.h"

/* The real window under Xvfb: the sample's table, editing through actions,
 * undo, search, deletion and the narrow layout. */

#define spin lia_test_spin
#define has_tooltip lia_test_has_tooltip

#define find_widget lia_test_find_widget
#define find_type lia_test_find_type
#define find_tooltip(root, tooltip) find_widget ((root), has_tooltip, (tooltip))

/* Visible (mapped) labels under @root whose text contains @needle. */
static guint
count_labels (GtkWidget  *root,
              const char *needle)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), needle) != NULL)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, needle);
  return n;
}

typedef struct
{
  LiaWindow           *window;
  LiaWorkspace        *workspace;
  LiaRequirementsView *view;
  LiaRequirementEditor *editor;
  GtkColumnView       *table;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = g_object_new (LIA_TYPE_WINDOW, NULL);
  f->workspace = lia_workspace_new_sample ("en");
  lia_window_set_workspace (f->window, f->workspace);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (400);

  f->view = LIA_REQUIREMENTS_VIEW (find_type (GTK_WIDGET (f->window), LIA_TYPE_REQUIREMENTS_VIEW));
  f->editor = LIA_REQUIREMENT_EDITOR (find_type (GTK_WIDGET (f->window), LIA_TYPE_REQUIREMENT_EDITOR));
  f->table = GTK_COLUMN_VIEW (find_type (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (f->view);
  g_assert_nonnull (f->editor);
  g_assert_nonnull (f->table);

  /* Nothing is selected at first; pick the first requirement as a click would. */
  g_assert_null (lia_requirements_view_get_selected (f->view));
  g_assert_null (lia_requirement_editor_get_requirement (f->editor));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "No Requirement Selected"), ==, 1);
  {
    g_autoptr(LiaEntity) first = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 0);
    lia_requirements_view_select (f->view, first);
  }
  spin (100);
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
first_steps (Fixture *f)
{
  g_autoptr(LiaEntity) req = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 0);
  return lia_entity_get_list (req, LIA_REQUIREMENT_STEPS);
}

static guint
rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (f->table)));
}

static void
test_sample_table (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpuint (rows (f), ==, 3);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Improve model inference speed"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Lower inference cost"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Support more models"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "5. Measure the performance gain"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Business need"), >=, 1);
  /* 1280 px leaves the table enough room for the technical need too. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Technical need"), ==, 1);
  /* The selected row is in the editor. */
  g_assert_true (lia_requirement_editor_get_requirement (f->editor) == lia_requirements_view_get_selected (f->view));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "vLLM inference engine");
}

static void
test_add_step_and_undo (Fixture       *f,
                        gconstpointer  data)
{
  GListStore *steps = first_steps (f);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-step", NULL));
  spin (150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 6);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "6. New step"), ==, 1);
  g_assert_true (lia_workspace_get_modified (f->workspace));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "vLLM"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 5);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "6. New step"), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  spin (150);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "6. New step"), ==, 1);
}

static void
test_edit_field_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *row = find_type (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW);

  /* The first entry row is the business need. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Serve twice the traffic");
  spin (150);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Serve twice the traffic"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Improve model inference speed"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin (150);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Improve model inference speed"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Improve model inference speed");
}

/* A required text cleared by the user is refused: the field says why
 * (in the tooltip and to screen readers) and the file keeps the last
 * valid value. */
static void
test_clear_required_field (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *row = find_type (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW);
  LiaEntity *req = lia_requirement_editor_get_requirement (f->editor);
  LiaFieldBinding *binding = lia_field_binding_get (row);
  guint n_undo = lia_history_get_n_undo (lia_workspace_get_history (f->workspace));

  g_assert_nonnull (binding);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  spin (100);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (lia_field_binding_get_error (binding), ==, "must not be empty");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "must not be empty");
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_BUSINESS_NEED), ==, "Improve model inference speed");
  g_assert_cmpuint (lia_history_get_n_undo (lia_workspace_get_history (f->workspace)), ==, n_undo);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Improve model inference speed"), ==, 1);

  /* Typing again writes again, and the mark goes. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Faster inference");
  spin (100);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (row));
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_BUSINESS_NEED), ==, "Faster inference");
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "requirements.delete", NULL));
  spin (150);
  g_assert_cmpuint (rows (f), ==, 2);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Improve model inference speed"), ==, 0);
  /* The Undo toast is shown. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->window), "Requirement deleted"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin (150);
  g_assert_cmpuint (rows (f), ==, 3);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Improve model inference speed"), ==, 1);
}

static void
test_add_requirement_and_reorder (Fixture       *f,
                                  gconstpointer  data)
{
  GListModel *store = G_LIST_MODEL (lia_workspace_get_requirements (f->workspace));
  g_autoptr(LiaEntity) second = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL));
  spin (150);
  g_assert_cmpuint (rows (f), ==, 4);
  /* Added after the selected (first) row, and selected. */
  second = g_list_model_get_item (store, 1);
  g_assert_cmpstr (lia_entity_get_string (second, LIA_REQUIREMENT_BUSINESS_NEED), ==, "New business need");
  g_assert_true (lia_requirements_view_get_selected (f->view) == second);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "requirements.move-up", NULL));
  {
    g_autoptr(LiaEntity) first = g_list_model_get_item (store, 0);
    g_assert_true (first == second);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 3);
}

static void
test_delete_step_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  GListStore *steps = first_steps (f);
  GtkWidget *button = find_tooltip (GTK_WIDGET (f->editor), "Delete step");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin (150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 4);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Analyze the current inference bottlenecks"), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->window), "Step deleted"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  spin (150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 5);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "1. Analyze the current inference bottlenecks"), ==, 1);
}

static char *
step_order (GListStore *steps)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (steps)); i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (G_LIST_MODEL (steps), i);
      g_string_append_c (out, lia_entity_get_string (step, LIA_STEP_TEXT)[0]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_steps_list (GtkWidget     *widget,
               gconstpointer  data)
{
  GtkListBoxRow *row;

  if (!GTK_IS_LIST_BOX (widget))
    return FALSE;
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0);
  return row != NULL && LIA_IS_STEP_ROW (row);
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
test_reorder_steps (Fixture       *f,
                    gconstpointer  data)
{
  GListStore *steps = first_steps (f);
  GtkListBox *list = GTK_LIST_BOX (find_widget (GTK_WIDGET (f->editor), is_steps_list, NULL));
  g_autoptr(LiaEntity) first = g_list_model_get_item (G_LIST_MODEL (steps), 0);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  char *order;

  /* Steps start A(nalyze) O(ptimize) I(mplement) O(ptimize) M(easure). */
  g_assert_cmpstr ((order = step_order (steps)), ==, "AOIOM"); g_free (order);

  /* Drop the first step on the fourth row: it takes that place. */
  g_value_init (&value, LIA_TYPE_STEP);
  g_value_set_object (&value, first);
  g_signal_emit_by_name (drop_target_of (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3))),
                         "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_cmpstr ((order = step_order (steps)), ==, "OIOAM"); g_free (order);
  spin (100);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "4. Analyze the current inference bottlenecks"), ==, 1);

  /* Alt+Up on the focused step moves it up, and the focus goes along. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 3)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.move-step-up", NULL));
  g_assert_cmpstr ((order = step_order (steps)), ==, "OIAOM"); g_free (order);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.move-step-up", NULL));
  g_assert_cmpstr ((order = step_order (steps)), ==, "OAIOM"); g_free (order);

  /* Each move is one undo step. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr ((order = step_order (steps)), ==, "AOIOM"); g_free (order);
}

/* The steps are a bound list: a step added, moved or removed elsewhere (a
 * sync, another view, undo) touches its own row only, so the entry being
 * typed in keeps the focus, and the form does not jump. */
static void
test_steps_keep_focus (Fixture       *f,
                       gconstpointer  data)
{
  GListStore *steps = first_steps (f);
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  GtkListBox *list = GTK_LIST_BOX (find_widget (GTK_WIDGET (f->editor), is_steps_list, NULL));
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW)));
  LiaStep *second = lia_step_row_get_step (LIA_STEP_ROW (row));
  g_autoptr(LiaStep) added = lia_step_new ();
  GtkWidget *focus;
  double top;
  char *order;

  g_assert_true (gtk_widget_grab_focus (row));
  spin (50);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, row));
  top = gtk_adjustment_get_value (scroll);

#define ASSERT_FOCUS_KEPT(index) G_STMT_START { \
    spin (50); \
    g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus); \
    g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, (index))) == row); \
    g_assert_true (lia_step_row_get_step (LIA_STEP_ROW (row)) == second); \
    g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, top); \
  } G_STMT_END

  /* Added before it: the same row, one place down. */
  lia_entity_set_string (LIA_ENTITY (added), LIA_STEP_TEXT, "Xtra");
  lia_history_begin (history, "Add step");
  lia_history_insert (history, steps, 0, added);
  lia_history_end (history);
  ASSERT_FOCUS_KEPT (2);
  g_assert_cmpstr ((order = step_order (steps)), ==, "XAOIOM"); g_free (order);

  /* Another step moved across it. */
  lia_history_begin (history, "Move step");
  lia_history_move (history, steps, 5, 0);
  lia_history_end (history);
  ASSERT_FOCUS_KEPT (3);
  g_assert_cmpstr ((order = step_order (steps)), ==, "MXAOIO"); g_free (order);

  /* Another step removed. */
  lia_history_begin (history, "Delete step");
  lia_history_remove (history, steps, 1);
  lia_history_end (history);
  ASSERT_FOCUS_KEPT (2);
  g_assert_cmpstr ((order = step_order (steps)), ==, "MAOIO"); g_free (order);

  /* And all three undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  ASSERT_FOCUS_KEPT (3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  ASSERT_FOCUS_KEPT (2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  ASSERT_FOCUS_KEPT (1);
  g_assert_cmpstr ((order = step_order (steps)), ==, "AOIOM"); g_free (order);
#undef ASSERT_FOCUS_KEPT
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_type (child, type);
  return n;
}

static void
test_many_requirements (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LiaWorkspace) big = lia_workspace_new ();
  GListStore *store = lia_workspace_get_requirements (big);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaEntity) last = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      LiaRequirement *req = lia_requirement_new ();
      g_autofree char *need = g_strdup_printf ("Requirement %u", i);

      lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, need);
      g_ptr_array_add (items, req);
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  lia_window_set_workspace (f->window, big);
  /* The rows arrive fifteen a frame (see large-rows-in-frames). */
  for (guint i = 0; i < 250 && rows (f) < 10000; i++)
    spin (20);
  g_assert_cmpuint (rows (f), ==, 10000);
  /* Rows are recycled: GTK keeps at most about 200 rows of cells, not 10 000. */
  g_assert_cmpuint (count_type (GTK_WIDGET (f->table), GTK_TYPE_LABEL), <, 1200);

  last = g_list_model_get_item (G_LIST_MODEL (store), 9999);
  lia_requirements_view_select (f->view, last);
  spin (300);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Requirement 9999"), ==, 1);
  g_assert_cmpuint (count_type (GTK_WIDGET (f->table), GTK_TYPE_LABEL), <, 1200);
}

/* Searching thousands of requirements filters in steps (a batch per idle,
 * never one long stall), and until it is done the table does not claim
 * "No Results Found".  Typing on and deleting narrow and widen the same
 * search correctly. */
static void
test_search_in_steps (Fixture       *f,
                      gconstpointer  data)
{
  GListStore *store = lia_workspace_get_requirements (f->workspace);

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(LiaRequirement) requirement = lia_requirement_new ();
      g_autofree char *need = g_strdup_printf ("Bulk need %04u", i);

      lia_entity_set_string (LIA_ENTITY (requirement), LIA_REQUIREMENT_BUSINESS_NEED, need);
      g_list_store_append (store, requirement);
    }
  spin (100);
  g_assert_cmpuint (rows (f), ==, 3003);

  lia_requirements_view_set_search_text (f->view, "bulk need 2999");
  /* Not all filtered yet: no verdict on screen. */
  g_assert_cmpuint (rows (f), <, 1);
  spin (50);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "No Results Found"), ==, 0);
  spin (1000);
  g_assert_cmpuint (rows (f), ==, 1);

  /* Deleting widens, typing on narrows, another word replaces. */
  lia_requirements_view_set_search_text (f->view, "bulk need 29");
  spin (1000);
  g_assert_cmpuint (rows (f), ==, 100);
  lia_requirements_view_set_search_text (f->view, "bulk need 299");
  spin (1000);
  g_assert_cmpuint (rows (f), ==, 10);
  lia_requirements_view_set_search_text (f->view, "no such need");
  spin (1000);
  g_assert_cmpuint (rows (f), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "No Results Found"), ==, 1);
  lia_requirements_view_set_search_text (f->view, "");
  spin (100);
  g_assert_cmpuint (rows (f), ==, 3003);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *no_results;

  /* Matches a step's text, not only the needs. */
  lia_requirements_view_set_search_text (f->view, "QUANTIZATION");
  spin (150);
  g_assert_cmpuint (rows (f), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Lower inference cost"), ==, 1);

  lia_requirements_view_set_search_text (f->view, "no such thing");
  spin (150);
  g_assert_cmpuint (rows (f), ==, 0);
  no_results = find_type (GTK_WIDGET (f->view), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (no_results);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "No Results Found"), ==, 1);

  lia_requirements_view_set_search_text (f->view, "");
  spin (150);
  g_assert_cmpuint (rows (f), ==, 3);
}

static void
test_empty_workspace (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LiaWorkspace) empty = lia_workspace_new ();

  lia_window_set_workspace (f->window, empty);
  spin (150);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "No Requirements"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  spin (150);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->view), "No Requirements"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_requirements (empty))), ==, 1);
}

static void
test_autosave_failure (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gone.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaEntity) req = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 0);

  /* The workspace gets a file, which then disappears with its folder. */
  g_assert_true (lia_workspace_save (f->workspace, file, NULL, &error));
  g_assert_no_error (error);
  spin (100);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "gone.liaison");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  lia_history_set_string (lia_workspace_get_history (f->workspace), req, LIA_REQUIREMENT_OWNER, "Ada", FALSE);
  spin (2500);
  /* The autosave failed and says so, without a modal dialog. */
  g_assert_true (lia_workspace_get_modified (f->workspace));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->window), "Not saved: Could not save"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->window), "gone.liaison"), >=, 1);
}

static void
test_close_asks_or_saves (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LiaEntity) req = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 0);
  g_autofree char *dir = g_dir_make_tmp ("liaison-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "closing.liaison", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  GList *toplevels;
  AdwMessageDialog *dialog = NULL;
  gboolean destroyed = FALSE;

  /* An edited workspace that was never saved asks first. */
  lia_history_set_string (lia_workspace_get_history (f->workspace), req, LIA_REQUIREMENT_OWNER, "Ada", FALSE);
  gtk_window_close (GTK_WINDOW (f->window));
  spin (200);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes to “vLLM inference engine”?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* With a file, closing saves the last edits and then closes. */
  g_assert_true (lia_workspace_save (f->workspace, file, NULL, NULL));
  lia_history_set_string (lia_workspace_get_history (f->workspace), req, LIA_REQUIREMENT_OWNER, "Grace", FALSE);
  g_object_ref (f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  spin (500);
  toplevels = gtk_window_list_toplevels ();
  destroyed = g_list_find (toplevels, f->window) == NULL;
  g_list_free (toplevels);
  g_assert_true (destroyed);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"owner\": \"Grace\""));

  /* The fixture's teardown destroys it again; give it a live window. */
  g_object_unref (f->window);
  f->window = g_object_new (LIA_TYPE_WINDOW, NULL);
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  int minimum, natural;
  AdwLeaflet *leaflet = ADW_LEAFLET (find_type (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET));

  /* The content, without the client-side shadow around the window. */
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* Folded, the table is what shows, with its essential columns, and
   * still works. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Improve model inference speed"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Engineering steps"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Technical need"), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Owner"), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-step", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_steps (f))), ==, 6);
}

static void
record_added (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              GArray     *adds)
{
  if (added > removed)
    {
      guint n = added - removed;

      g_array_append_val (adds, n);
    }
}

/* A large workspace reaches the table fifteen rows a frame (GTK 4.8 makes
 * and measures every row it is given up to about 200 at once, which held
 * the window for two frames of 270 ms on opening a team's file); the
 * first frame fills the window, the rest follow within a few frames, and
 * selecting a requirement further down gives the table all its rows at
 * once. */
static void
test_large_rows_in_frames (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LiaWorkspace) large = lia_test_workspace_new (1000, 2, "Inference Engineer A");
  g_autoptr(LiaWorkspace) other = lia_test_workspace_new (1000, 2, "Test Engineer");
  g_autoptr(LiaEntity) far = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (other)), 900);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (guint));
  gulong id;

  id = g_signal_connect (gtk_column_view_get_model (f->table), "items-changed", G_CALLBACK (record_added), added);
  lia_window_set_workspace (f->window, large);
  g_assert_cmpuint (rows (f), ==, 15);
  for (guint i = 0; i < 250 && rows (f) < 1000; i++)
    spin (20);
  g_signal_handler_disconnect (gtk_column_view_get_model (f->table), id);
  g_assert_cmpuint (rows (f), ==, 1000);
  /* A batch of 15, then 15 more a frame, then the rest (rows GTK does
   * not make widgets for) at once. */
  g_test_message ("the rows came in %u steps", added->len);
  g_assert_cmpuint (added->len, >=, 3);
  for (guint i = 0; i + 1 < added->len; i++)
    g_assert_cmpuint (g_array_index (added, guint, i), <=, 15);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->table), "Business need 1:"), ==, 1);

  lia_window_set_workspace (f->window, other);
  g_assert_cmpuint (rows (f), ==, 15);
  lia_requirements_view_select (f->view, far);
  g_assert_cmpuint (rows (f), ==, 1000);
  g_assert_true (lia_requirements_view_get_selected (f->view) == far);
  spin (100);
  g_assert_true (lia_requirement_editor_get_requirement (f->editor) == far);
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

/* "Spreadsheet (.csv)" in the chooser writes CSV (with the BOM that lets
 * spreadsheets read Chinese) to requirements.csv although the name field
 * still says requirements.md; the toast offers to open the file. */
static void
test_export_csv_by_filter (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("lia-export-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) csv = g_file_get_child (folder, "requirements.csv");
  g_autoptr(GFile) md = g_file_get_child (folder, "requirements.md");
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uri = g_file_get_uri (csv);
  g_autoptr(GFile) chosen = NULL;
  GtkFileChooserNative *chooser;
  GtkWidget *open;
  GVariant *target;
  gsize length;

  chooser = lia_window_export_chooser_new (f->window);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  filter = g_list_model_get_item (filters, 1);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Spreadsheet (.csv)");
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* What the portal's chooser answers on "Export": the filter as chosen,
   * the name as the user left it (the portal does not report the filter
   * change, so the name was not renamed). An unshown chooser has no file,
   * so the test hands them over. */
  chosen = g_file_get_child (folder, "requirements.md");
  lia_window_export_to (f->window, chosen, filter);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);

  for (guint i = 0; i < 50 && !g_file_query_exists (csv, NULL); i++)
    spin (20);
  spin (100);
  g_assert_false (g_file_query_exists (md, NULL));
  g_assert_true (g_file_load_contents (csv, NULL, &contents, &length, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Business need,Technical need,"));

  open = find_widget (GTK_WIDGET (f->window), has_action_name, "win.open-exported");
  g_assert_nonnull (open);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);

  g_file_delete (csv, NULL, NULL);
  g_rmdir (dir);
}

/* The name corrected to .csv is an existing file the chooser never
 * confirmed: it is replaced only after the user says so. */
static void
test_export_asks_before_replacing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("lia-export-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) csv = g_file_get_child (folder, "requirements.csv");
  g_autoptr(GFile) chosen = g_file_get_child (folder, "requirements.md");
  GtkFileChooserNative *chooser = lia_window_export_chooser_new (f->window);
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, 1);
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autofree char *contents = NULL;
  AdwMessageDialog *ask = NULL;

  g_assert_true (g_file_replace_contents (csv, "old", 3, NULL, FALSE, 0, NULL, NULL, NULL));
  lia_window_export_to (f->window, chosen, filter);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  spin (100);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        ask = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (ask);
  g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Replace “requirements.csv”?");
  g_assert_true (g_file_load_contents (csv, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  adw_message_dialog_response (ask, "replace");
  spin (200);
  g_assert_true (g_file_load_contents (csv, NULL, &contents, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Business need,"));
  g_assert_false (g_file_query_exists (chosen, NULL));

  g_file_delete (csv, NULL, NULL);
  g_rmdir (dir);
}

/* Mapped buttons under @root that add to the page: the header's (action
 * win.add) and any other named like it. */
static guint
count_adds (GtkWidget  *root,
            const char *label)
{
  guint n = 0;

  if (gtk_widget_get_mapped (root) && (GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root)))
    {
      const char *text = GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root))
                                              : gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
      g_autofree char *plain = text ? g_strdup (text) : NULL;
      const char *action = GTK_IS_ACTIONABLE (root) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (root)) : NULL;
      char *u;

      while (plain && (u = strchr (plain, '_')) != NULL)
        memmove (u, u + 1, strlen (u));
      if (g_strcmp0 (action, "win.add") == 0 ||
          g_strcmp0 (gtk_widget_get_tooltip_text (root), label) == 0 ||
          g_strcmp0 (plain, label) == 0)
        return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_adds (child, label);
  return n;
}

/* One add per page: the header's + (Ctrl+Shift+N), named after the page;
 * in-page add buttons only in empty states. (Documents keeps its own +
 * menu of page kinds for now.) */
static void
test_one_add_per_page (Fixture       *f,
                       gconstpointer  data)
{
  const char *areas[] = { "requirements", "meetings", "zones", "tasks", "contracts", "assessment", "playbook" };
  GtkWidget *header_add = find_widget (GTK_WIDGET (f->window), has_action_name, "win.add");

  g_assert_nonnull (header_add);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      const char *label;

      lia_window_show_area (f->window, areas[i]);
      spin (200);
      label = gtk_widget_get_tooltip_text (header_add);
      g_test_message ("%s: %s", areas[i], label);
      g_assert_cmpuint (count_adds (GTK_WIDGET (f->window), label), ==, 1);
    }
}

/* GTK's own chooser renames the file as the filter changes. */
static void
test_export_filter_renames (Fixture       *f,
                            gconstpointer  data)
{
  GtkFileChooserNative *chooser = lia_window_export_chooser_new (f->window);
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GtkFileFilter) md = g_list_model_get_item (filters, 0);
  g_autoptr(GtkFileFilter) csv = g_list_model_get_item (filters, 1);
  char *name;

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "requirements.csv");
  g_free (name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "plan.csv");
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), md);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "plan.md");
  g_free (name);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
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

/* The text of the table cell that holds @widget. */
static const char *
cell_text (GtkWidget *widget)
{
  GtkWidget *cell = gtk_widget_get_ancestor (widget, LIA_TYPE_REQUIREMENT_CELL);

  g_assert_nonnull (cell);
  return gtk_label_get_label (GTK_LABEL (find_type (cell, GTK_TYPE_LABEL)));
}

/* "row's business need | cell text", on one line. */
static char *
mark_line (const char *need,
           const char *text)
{
  g_autofree char *line = g_strdup_printf ("%s | %s", need, text);

  return g_strdelimit (g_steal_pointer (&line), "\n", '/');
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
join_sorted (GPtrArray *lines)
{
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* One line per mark in the table: its row (the business need in the
 * row's first cell; a row holds one cell per column) and its cell. */
static char *
describe_marks (Fixture *f)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  collect_conflict_marks (GTK_WIDGET (f->table), marks);
  for (guint i = 0; i < marks->len; i++)
    {
      GtkWidget *cell = gtk_widget_get_ancestor (g_ptr_array_index (marks, i), LIA_TYPE_REQUIREMENT_CELL);
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (cell));

      g_ptr_array_add (lines, mark_line (cell_text (find_type (row, LIA_TYPE_REQUIREMENT_CELL)), cell_text (cell)));
    }
  return join_sorted (lines);
}

static char *
expect_marks (const char *first,
              ...)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (const char *line = first; line != NULL; line = va_arg (args, const char *))
    g_ptr_array_add (lines, g_strdup (line));
  va_end (args);
  return join_sorted (lines);
}

/* After a git merge, the table marks the row of a requirement in
 * conflict in its first cell, the cell of the field in conflict (a
 * priority both sides changed), and for a step in conflict the steps
 * cell; resolving the conflicts (they leave the collection) takes the
 * marks away, and other rows never carry one. */
static void
test_conflict_marks_cells (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *requirements = G_LIST_MODEL (lia_workspace_get_requirements (f->workspace));
  GListStore *conflicts = lia_workspace_get_conflicts (f->workspace);
  g_autoptr(LiaEntity) second = g_list_model_get_item (requirements, 1);
  g_autoptr(LiaEntity) third = g_list_model_get_item (requirements, 2);
  g_autoptr(LiaEntity) step = g_list_model_get_item (G_LIST_MODEL (lia_entity_get_list (third, LIA_REQUIREMENT_STEPS)), 1);
  const char *need2 = lia_entity_get_string (second, LIA_REQUIREMENT_BUSINESS_NEED);
  const char *need3 = lia_entity_get_string (third, LIA_REQUIREMENT_BUSINESS_NEED);
  g_autoptr(JsonNode) base = json_node_init_string (json_node_alloc (), "medium");
  g_autoptr(JsonNode) ours = json_node_init_string (json_node_alloc (), "high");
  g_autoptr(JsonNode) theirs = json_node_init_string (json_node_alloc (), "low");
  g_autoptr(LiaConflict) priority = lia_conflict_new (lia_entity_get_id (second), "requirements", "",
                                                      "field", "priority", base, ours, theirs);
  g_autoptr(LiaConflict) step_text = lia_conflict_new (lia_entity_get_id (step), "steps", lia_entity_get_id (third),
                                                       "text", "text", base, ours, theirs);
  g_autofree char *steps = lia_requirement_format_steps (third, "\n");
  g_autofree char *need2_line = mark_line (need2, need2);
  g_autofree char *priority_line = mark_line (need2, lia_choice_get_label (lia_entity_get_string (second, LIA_REQUIREMENT_PRIORITY)));
  g_autofree char *need3_line = mark_line (need3, need3);
  g_autofree char *steps_line = mark_line (need3, steps);
  g_autofree char *none = NULL, *one = NULL, *two = NULL, *left = NULL, *resolved = NULL;
  g_autofree char *expect_one = expect_marks (need2_line, priority_line, NULL);
  g_autofree char *expect_two = expect_marks (need2_line, priority_line, need3_line, steps_line, NULL);
  g_autofree char *expect_left = expect_marks (need3_line, steps_line, NULL);

  none = describe_marks (f);
  g_assert_cmpstr (none, ==, "");

  g_list_store_append (conflicts, priority);
  spin (100);
  one = describe_marks (f);
  g_assert_cmpstr (one, ==, expect_one);

  g_list_store_append (conflicts, step_text);
  spin (100);
  two = describe_marks (f);
  g_assert_cmpstr (two, ==, expect_two);

  /* Resolved one by one: each goes from the table alone. */
  g_list_store_remove (conflicts, 0);
  spin (100);
  left = describe_marks (f);
  g_assert_cmpstr (left, ==, expect_left);
  g_list_store_remove_all (conflicts);
  spin (100);
  resolved = describe_marks (f);
  g_assert_cmpstr (resolved, ==, "");
  g_assert_cmpuint (rows (f), ==, 3);
}

/* How many conflict signs show under @root. */
static guint
count_conflict_marks (GtkWidget *root)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();

  collect_conflict_marks (root, marks);
  return marks->len;
}

/* A row (found by @title under @root) marked as in conflict: styled as a
 * warning, with the sign in it. */
static gboolean
row_marked (GtkWidget  *root,
            const char *title)
{
  GtkWidget *row = find_widget (root, lia_test_has_title, title);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "warning") && count_conflict_marks (row) > 0;
}

/* The editor marks the field in conflict of the requirement it shows,
 * and the row of a step in conflict; both go when resolved. */
static void
test_conflict_marks_editor (Fixture       *f,
                            gconstpointer  data)
{
  GListModel *requirements = G_LIST_MODEL (lia_workspace_get_requirements (f->workspace));
  GListStore *conflicts = lia_workspace_get_conflicts (f->workspace);
  g_autoptr(LiaEntity) second = g_list_model_get_item (requirements, 1);
  g_autoptr(LiaEntity) step = g_list_model_get_item (G_LIST_MODEL (lia_entity_get_list (second, LIA_REQUIREMENT_STEPS)), 1);
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "high");
  g_autoptr(LiaConflict) status = lia_conflict_new (lia_entity_get_id (second), "requirements", "",
                                                    "field", "status", value, value, value);
  g_autoptr(LiaConflict) moved = lia_conflict_new (lia_entity_get_id (step), "steps", lia_entity_get_id (second),
                                                   "edit-delete", "", NULL, value, NULL);

  lia_requirements_view_select (f->view, second);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 0);

  g_list_store_append (conflicts, status);
  g_list_store_append (conflicts, moved);
  spin (100);
  g_assert_true (row_marked (GTK_WIDGET (f->editor), "Status"));
  g_assert_false (row_marked (GTK_WIDGET (f->editor), "Priority"));
  g_assert_true (row_marked (GTK_WIDGET (f->editor), "Step 2"));
  g_assert_false (row_marked (GTK_WIDGET (f->editor), "Step 1"));
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 2);

  g_list_store_remove_all (conflicts);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 0);
  g_assert_false (row_marked (GTK_WIDGET (f->editor), "Status"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/requirements/sample-table", test_sample_table);
  ADD ("/ui/requirements/add-step-and-undo", test_add_step_and_undo);
  ADD ("/ui/requirements/edit-field-and-undo", test_edit_field_and_undo);
  ADD ("/ui/requirements/clear-required-field", test_clear_required_field);
  ADD ("/ui/requirements/delete-and-undo", test_delete_and_undo);
  ADD ("/ui/requirements/add-requirement-and-reorder", test_add_requirement_and_reorder);
  ADD ("/ui/requirements/delete-step-and-undo", test_delete_step_and_undo);
  ADD ("/ui/requirements/reorder-steps", test_reorder_steps);
  ADD ("/ui/requirements/steps-keep-focus", test_steps_keep_focus);
  ADD ("/ui/requirements/many-requirements", test_many_requirements);
  ADD ("/ui/requirements/search", test_search);
  ADD ("/ui/requirements/search-in-steps", test_search_in_steps);
  ADD ("/ui/requirements/empty-workspace", test_empty_workspace);
  ADD ("/ui/requirements/autosave-failure", test_autosave_failure);
  ADD ("/ui/requirements/close-asks-or-saves", test_close_asks_or_saves);
  ADD ("/ui/requirements/narrow", test_narrow);
  ADD ("/ui/requirements/large-rows-in-frames", test_large_rows_in_frames);
  ADD ("/ui/requirements/export-csv-by-filter", test_export_csv_by_filter);
  ADD ("/ui/requirements/export-filter-renames", test_export_filter_renames);
  ADD ("/ui/requirements/export-asks-before-replacing", test_export_asks_before_replacing);
  ADD ("/ui/requirements/one-add-per-page", test_one_add_per_page);
  ADD ("/ui/requirements/conflict-marks-cells", test_conflict_marks_cells);
  ADD ("/ui/requirements/conflict-marks-editor", test_conflict_marks_editor);
#undef ADD

  return g_test_run ();
}
