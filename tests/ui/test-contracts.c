/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "contracts/lia-contracts-view.h"
#include "contracts/lia-field-row.h"
#include "contracts/lia-field-table.h"
#include "lia-contract-check.h"
#include "lia-field-binding.h"
#include "lia-test-widgets.h"
#include "lia-window.h"

/* The Contracts page in the real window under Xvfb: the seed's ChatRequest
 * opens first; a payload pasted in the tester lists its violations with
 * their paths; a default typed outside its range shows as a problem and
 * Ctrl+Z takes it back; fields are added and removed with undo; text the
 * rule book refuses is marked on its row and never reaches the model. */

#define spin lia_test_spin

typedef struct
{
  LiaWindow        *window;
  LiaWorkspace     *workspace;
  LiaContractsView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = lia_test_sample_window ("contracts", &f->workspace);
  f->view = LIA_CONTRACTS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_CONTRACTS_VIEW));
  g_assert_nonnull (f->view);
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

static GtkWidget *
row_titled (GtkWidget  *root,
            const char *title)
{
  GtkWidget *row = lia_test_find_widget (root, lia_test_has_title, title);
  g_assert_nonnull (row);
  return row;
}

static void
test_payload_and_problems (Fixture       *f,
                           gconstpointer  data)
{
  LiaContract *model = lia_contracts_view_get_selected (f->view);
  GtkWidget *temperature;
  GtkWidget *default_row = NULL;
  g_autofree char *result = NULL;
  g_autofree char *problems = NULL;

  g_assert_nonnull (model);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_NAME), ==, "ChatRequest");
  g_assert_cmpuint (lia_contracts_view_get_n_field_rows (f->view), ==, 9);

  /* The tester: every violation with its path. */
  lia_contracts_view_set_payload (f->view, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"content\":\"b\"}],"
                                           "\"temperature\":2.5,\"n\":0,\"max_tokens\":5000}");
  spin (50);
  result = lia_contracts_view_get_result (f->view);
  g_assert_cmpstr (result, ==, "messages[1].role: required\n"
                               "temperature: 2.5 is above the maximum 2\n"
                               "n: 0 is below the minimum 1\n"
                               "max_tokens: 5000 is above the maximum 4096");
  lia_contracts_view_set_payload (f->view, "{\"model\":\"m\",\"messages\":[]}");
  spin (50);
  g_free (result);
  result = lia_contracts_view_get_result (f->view);
  g_assert_cmpstr (result, ==, "Valid");
  lia_contracts_view_set_payload (f->view, "{\"model\":");
  spin (50);
  g_free (result);
  result = lia_contracts_view_get_result (f->view);
  g_assert_true (g_str_has_prefix (result, "Not JSON: "));

  /* Type a default outside the range into the temperature row. */
  temperature = row_titled (GTK_WIDGET (f->view), "temperature");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (temperature), TRUE);
  spin (50);
  default_row = row_titled (temperature, "Default (JSON)");
  gtk_editable_set_text (GTK_EDITABLE (default_row), "2.5");
  spin (100);
  problems = lia_contracts_view_get_problems (f->view);
  g_assert_cmpstr (problems, ==, "ChatRequest.temperature: default 2.5 is above the maximum 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_free (problems);
  problems = lia_contracts_view_get_problems (f->view);
  g_assert_cmpstr (problems, ==, "No problems in this model");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (default_row)), ==, "0.7");

  /* Not JSON: the row says so and the model keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (default_row), "warm");
  spin (50);
  g_assert_true (gtk_widget_has_css_class (default_row, "error"));
}

static void
test_fields_and_models (Fixture       *f,
                        gconstpointer  data)
{
  LiaContract *model;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_contracts (f->workspace)));

  lia_contracts_view_add_field (f->view);
  spin (100);
  g_assert_cmpuint (lia_contracts_view_get_n_field_rows (f->view), ==, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_cmpuint (lia_contracts_view_get_n_field_rows (f->view), ==, 9);

  /* The header's + adds a model here. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL));
  spin (100);
  model = lia_contracts_view_get_selected (f->view);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_NAME), ==, "NewModel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_contracts (f->workspace))), ==, before + 1);
  g_assert_cmpuint (lia_contracts_view_get_n_field_rows (f->view), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_contracts (f->workspace))), ==, before);
  g_assert_nonnull (lia_contracts_view_get_selected (f->view));
}

static LiaField *
field_named (LiaContract *model,
             const char  *name)
{
  GListModel *fields = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (model), LIA_CONTRACT_FIELDS));

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
      if (g_str_equal (lia_entity_get_string (LIA_ENTITY (f), LIA_FIELD_NAME), name))
        return f;
    }
  g_assert_not_reached ();
}

static void
assert_refused (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  spin (50);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* Core's message is on the row, for the eye and the screen reader. */
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));
  g_assert_nonnull (lia_field_binding_get_error (lia_field_binding_get (row)));
}

static void
test_refused_values (Fixture       *f,
                     gconstpointer  data)
{
  LiaContract *model = lia_contracts_view_get_selected (f->view);
  LiaEntity *temperature = LIA_ENTITY (field_named (model, "temperature"));
  double minimum = lia_entity_get_double (temperature, LIA_FIELD_MINIMUM);
  g_autoptr(JsonNode) before = json_node_copy (lia_entity_get_json (temperature, LIA_FIELD_DEFAULT));
  GtkWidget *expander = row_titled (GTK_WIDGET (f->view), "temperature");
  GtkWidget *minimum_row, *default_row, *length_row, *name_row;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  spin (50);
  minimum_row = row_titled (expander, "Minimum");
  default_row = row_titled (expander, "Default (JSON)");
  length_row = row_titled (expander, "Minimum length (characters or items)");

  /* Not a number, and a number the file cannot hold. */
  assert_refused (minimum_row, "abc");
  g_assert_cmpfloat (lia_entity_get_double (temperature, LIA_FIELD_MINIMUM), ==, minimum);
  assert_refused (minimum_row, "1e999");
  g_assert_cmpfloat (lia_entity_get_double (temperature, LIA_FIELD_MINIMUM), ==, minimum);
  /* A number is written, and the mark goes. */
  gtk_editable_set_text (GTK_EDITABLE (minimum_row), "0.5");
  spin (50);
  g_assert_false (gtk_widget_has_css_class (minimum_row, "error"));
  g_assert_cmpfloat (lia_entity_get_double (temperature, LIA_FIELD_MINIMUM), ==, 0.5);
  /* Empty is unset. */
  gtk_editable_set_text (GTK_EDITABLE (minimum_row), "");
  spin (50);
  g_assert_true (isnan (lia_entity_get_double (temperature, LIA_FIELD_MINIMUM)));

  /* Not JSON, and JSON the reader would refuse. */
  assert_refused (default_row, "{");
  g_assert_true (json_node_equal (lia_entity_get_json (temperature, LIA_FIELD_DEFAULT), before));
  assert_refused (default_row, "{\"a\":1,\"a\":2}");
  g_assert_true (json_node_equal (lia_entity_get_json (temperature, LIA_FIELD_DEFAULT), before));

  assert_refused (length_row, "1.5");
  g_assert_cmpint (lia_entity_get_int (temperature, LIA_FIELD_MIN_LENGTH), ==, -1);

  /* A model must have a name. */
  name_row = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Name");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "ChatRequest");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  spin (50);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_NAME), ==, "ChatRequest");
}

/* Where the keyboard focus is, checked against a row's entry. */
static gboolean
focus_in (Fixture   *f,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The user types in the second field's name while fields are added,
 * removed and moved (and each undone): the list is bound to the model's
 * fields, so that row (with its expansion, its focus and the scroll
 * position) stays; rebuilding every row took the cursor away. */
static void
test_focus_stays (Fixture       *f,
                  gconstpointer  data)
{
  LiaContract *model = lia_contracts_view_get_selected (f->view);
  GListStore *fields = lia_entity_get_list (LIA_ENTITY (model), LIA_CONTRACT_FIELDS);
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  LiaFieldTable *table = LIA_FIELD_TABLE (lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_FIELD_TABLE));
  g_autoptr(LiaField) typed = g_list_model_get_item (G_LIST_MODEL (fields), 1);
  GtkWidget *row, *name;
  GtkAdjustment *scroll;
  double scrolled;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fields));

  g_assert_nonnull (table);
  g_assert_cmpuint (n, >=, 4);
  row = lia_field_table_get_row (table, 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (50);
  name = lia_test_find_widget (row, lia_test_has_title, "Name");
  g_assert_nonnull (name);
  gtk_widget_grab_focus (name);
  spin (50);
  g_assert_true (focus_in (f, name));
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (scroll, 120);
  spin (50);
  scrolled = gtk_adjustment_get_value (scroll);

  /* Another field added at the end, and undone. */
  lia_contracts_view_add_field (f->view);
  spin (100);
  g_assert_cmpuint (lia_contracts_view_get_n_field_rows (f->view), ==, n + 1);
  g_assert_true (lia_field_table_get_row (table, 1) == row);
  g_assert_true (focus_in (f, name));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_cmpuint (lia_contracts_view_get_n_field_rows (f->view), ==, n);
  g_assert_true (lia_field_table_get_row (table, 1) == row);
  g_assert_true (focus_in (f, name));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, scrolled);

  /* The first field removed (the typed one moves up a place), and undone. */
  lia_history_begin (history, "Remove field");
  lia_history_remove (history, fields, 0);
  lia_history_end (history);
  spin (100);
  g_assert_true (lia_field_table_get_row (table, 0) == row);
  g_assert_true (focus_in (f, name));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_true (lia_field_table_get_row (table, 1) == row);
  g_assert_true (focus_in (f, name));

  /* Two other fields swapped by their own row's button, and undone. */
  g_assert_true (gtk_widget_activate_action (lia_field_table_get_row (table, 3), "field.move-up", NULL));
  spin (100);
  g_assert_true (lia_field_table_get_row (table, 1) == row);
  g_assert_true (focus_in (f, name));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_true (focus_in (f, name));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (lia_field_row_get_field (LIA_FIELD_ROW (row)) == typed);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, scrolled);
}

/* A newer file opens read-only: the models and fields show, and nothing
 * on the page edits them (the header's add, Add Field, a field's move and
 * remove, the model's Delete and its text rows). */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaWorkspace) newer = lia_test_read_only_sample ();
  GListStore *models = lia_workspace_get_contracts (newer);
  LiaFieldTable *table;
  LiaContract *model;
  GListStore *fields;
  GtkWidget *row, *name, *delete;
  guint n_models = g_list_model_get_n_items (G_LIST_MODEL (models));
  guint n_fields;

  lia_window_set_workspace (f->window, newer);
  spin (100);
  model = lia_contracts_view_get_selected (f->view);
  g_assert_nonnull (model);
  fields = lia_entity_get_list (LIA_ENTITY (model), LIA_CONTRACT_FIELDS);
  n_fields = g_list_model_get_n_items (G_LIST_MODEL (fields));
  g_assert_cmpuint (n_fields, >, 0);
  table = LIA_FIELD_TABLE (lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_FIELD_TABLE));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  lia_contracts_view_add_model (f->view);
  lia_contracts_view_add_field (f->view);
  lia_field_table_add_field (table);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (models)), ==, n_models);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fields)), ==, n_fields);

  row = lia_field_table_get_row (table, 0);
  gtk_widget_activate_action (row, "field.remove", NULL);
  gtk_widget_activate_action (row, "field.move-down", NULL);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fields)), ==, n_fields);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (50);
  name = lia_test_find_widget (row, lia_test_has_title, "Name");
  g_assert_nonnull (name);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (name)));
  delete = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "_Delete Model");
  g_assert_nonnull (delete);
  g_assert_false (gtk_widget_get_sensitive (delete));
  g_assert_false (lia_workspace_get_modified (newer));
}

/* A field's fifteen editable rows are made when it is first opened, and
 * then edit the field like any others (the page showed every field's
 * details at once before, which was most of its first show). */
static void
test_details_when_opened (Fixture       *f,
                          gconstpointer  data)
{
  LiaFieldTable *table = LIA_FIELD_TABLE (lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_FIELD_TABLE));
  GtkWidget *row, *name, *again;
  LiaField *field;

  g_assert_nonnull (table);
  for (guint i = 0; (row = lia_field_table_get_row (table, i)) != NULL; i++)
    g_assert_null (lia_test_find_widget (row, lia_test_has_title, "Name"));

  row = lia_field_table_get_row (table, 0);
  field = lia_field_row_get_field (LIA_FIELD_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (50);
  name = lia_test_find_widget (row, lia_test_has_title, "Name");
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_get_mapped (name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==,
                   lia_entity_get_string (LIA_ENTITY (field), LIA_FIELD_NAME));
  gtk_editable_set_text (GTK_EDITABLE (name), "renamed_field");
  spin (50);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (field), LIA_FIELD_NAME), ==, "renamed_field");

  /* Closed and opened again: the same rows, not a second set. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (50);
  again = lia_test_find_widget (row, lia_test_has_title, "Name");
  g_assert_true (again == name);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/contracts/payload-and-problems", Fixture, NULL, fixture_set_up, test_payload_and_problems, fixture_tear_down);
  g_test_add ("/contracts/fields-and-models", Fixture, NULL, fixture_set_up, test_fields_and_models, fixture_tear_down);
  g_test_add ("/contracts/refused-values", Fixture, NULL, fixture_set_up, test_refused_values, fixture_tear_down);
  g_test_add ("/contracts/focus-stays", Fixture, NULL, fixture_set_up, test_focus_stays, fixture_tear_down);
  g_test_add ("/contracts/details-when-opened", Fixture, NULL, fixture_set_up, test_details_when_opened, fixture_tear_down);
  g_test_add ("/contracts/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  return g_test_run ();
}
