/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-workspace.h"

static const char *
need (LiaRequirement *req)
{
  return lia_entity_get_string (LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED);
}

static void
count_changed (LiaHistory *history,
               guint      *count)
{
  (*count)++;
}

static void
test_set_undo_redo (void)
{
  g_autoptr(LiaHistory) history = lia_history_new ();
  g_autoptr(LiaRequirement) req = lia_requirement_new ();
  guint changed = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_changed), &changed);
  lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, "a");
  g_assert_false (lia_history_can_undo (history));

  lia_history_set_string (history, LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, "b", FALSE);
  lia_history_set_string (history, LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, "c", FALSE);
  g_assert_cmpstr (need (req), ==, "c");
  g_assert_cmpuint (changed, ==, 2);

  /* Setting the current value records nothing. */
  lia_history_set_string (history, LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, "c", FALSE);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (lia_history_undo (history));
  g_assert_cmpstr (need (req), ==, "b");
  g_assert_true (lia_history_undo (history));
  g_assert_cmpstr (need (req), ==, "a");
  g_assert_false (lia_history_undo (history));
  g_assert_true (lia_history_can_redo (history));

  g_assert_true (lia_history_redo (history));
  g_assert_cmpstr (need (req), ==, "b");

  /* A new edit drops what could have been redone. */
  lia_history_set_string (history, LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, "d", FALSE);
  g_assert_false (lia_history_can_redo (history));
  g_assert_true (lia_history_undo (history));
  g_assert_cmpstr (need (req), ==, "b");
}

static void
test_groups (void)
{
  g_autoptr(LiaHistory) history = lia_history_new ();
  g_autoptr(LiaRequirement) req = lia_requirement_new ();
  g_autoptr(LiaStep) step = lia_step_new ();
  GListStore *steps = lia_entity_get_list (LIA_ENTITY (req), LIA_REQUIREMENT_STEPS);

  /* Only a valid step is inserted (a step needs its text). */
  lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, "Draft");
  lia_history_begin (history, "Add step");
  lia_history_insert (history, steps, 0, step);
  lia_history_begin (history, "nested");
  lia_history_set_string (history, LIA_ENTITY (step), LIA_STEP_TEXT, "Profile", FALSE);
  lia_history_end (history);
  lia_history_set_string (history, LIA_ENTITY (req), LIA_REQUIREMENT_OWNER, "Ada", FALSE);
  g_assert_false (lia_history_can_undo (history));
  lia_history_end (history);

  g_assert_true (lia_history_can_undo (history));
  g_assert_cmpstr (lia_history_get_undo_label (history), ==, "Add step");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 1);

  /* One undo reverts the whole group, in reverse order. */
  lia_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 0);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (step), LIA_STEP_TEXT), ==, "Draft");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (req), LIA_REQUIREMENT_OWNER), ==, "");
  g_assert_false (lia_history_can_undo (history));

  lia_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 1);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (step), LIA_STEP_TEXT), ==, "Profile");

  /* An empty group is not an undo step. */
  lia_history_begin (history, "nothing");
  lia_history_end (history);
  g_assert_cmpstr (lia_history_get_undo_label (history), ==, "Add step");
}

static char *
order_of (GListStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_string_append (out, lia_entity_get_string (step, LIA_STEP_TEXT));
    }
  return g_string_free (out, FALSE);
}

static void
test_list_commands (void)
{
  g_autoptr(LiaHistory) history = lia_history_new ();
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_STEP);
  const char *texts[] = { "a", "b", "c", "d" };
  char *order;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(LiaStep) step = lia_step_new ();
      lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, texts[i]);
      lia_history_insert (history, store, i, step);
    }

  lia_history_move (history, store, 0, 3);
  g_assert_cmpstr ((order = order_of (store)), ==, "bcda"); g_free (order);
  lia_history_move (history, store, 2, 1);
  g_assert_cmpstr ((order = order_of (store)), ==, "bdca"); g_free (order);
  lia_history_remove (history, store, 1);
  g_assert_cmpstr ((order = order_of (store)), ==, "bca"); g_free (order);

  lia_history_undo (history);
  g_assert_cmpstr ((order = order_of (store)), ==, "bdca"); g_free (order);
  lia_history_undo (history);
  g_assert_cmpstr ((order = order_of (store)), ==, "bcda"); g_free (order);
  lia_history_undo (history);
  g_assert_cmpstr ((order = order_of (store)), ==, "abcd"); g_free (order);
  lia_history_redo (history);
  lia_history_redo (history);
  lia_history_redo (history);
  g_assert_cmpstr ((order = order_of (store)), ==, "bca"); g_free (order);
  for (guint i = 0; i < 7; i++)
    lia_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_false (lia_history_can_undo (history));
}

static void
test_coalesce_typing (void)
{
  g_autoptr(LiaHistory) history = lia_history_new ();
  g_autoptr(LiaStep) step = lia_step_new ();
  g_autoptr(LiaStep) other = lia_step_new ();

  lia_history_set_string (history, LIA_ENTITY (step), LIA_STEP_TEXT, "P", TRUE);
  lia_history_set_string (history, LIA_ENTITY (step), LIA_STEP_TEXT, "Pr", TRUE);
  lia_history_set_string (history, LIA_ENTITY (step), LIA_STEP_TEXT, "Pro", TRUE);
  /* Another field starts a new step. */
  lia_history_set_string (history, LIA_ENTITY (other), LIA_STEP_TEXT, "x", TRUE);

  lia_history_undo (history);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (other), LIA_STEP_TEXT), ==, "");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (step), LIA_STEP_TEXT), ==, "Pro");
  lia_history_undo (history);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (step), LIA_STEP_TEXT), ==, "");
  g_assert_false (lia_history_can_undo (history));

  /* Typing after an undo does not merge into the undone step. */
  lia_history_redo (history);
  lia_history_set_string (history, LIA_ENTITY (step), LIA_STEP_TEXT, "Prof", TRUE);
  lia_history_undo (history);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (step), LIA_STEP_TEXT), ==, "Pro");
}

static void
test_strv_and_json (void)
{
  g_autoptr(LiaHistory) history = lia_history_new ();
  g_autoptr(LiaTask) task = lia_task_new ();
  g_autoptr(LiaField) field = lia_field_new ();
  const char * const labels[] = { "perf", NULL };
  g_auto(GValue) v = G_VALUE_INIT;
  g_auto(GValue) j = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, labels);
  lia_history_set_value (history, LIA_ENTITY (task), LIA_TASK_LABELS, &v, FALSE);
  g_assert_cmpstr (lia_entity_get_strv (LIA_ENTITY (task), LIA_TASK_LABELS)[0], ==, "perf");

  g_value_init (&j, JSON_TYPE_NODE);
  g_value_take_boxed (&j, json_from_string ("0.7", NULL));
  lia_history_set_value (history, LIA_ENTITY (field), LIA_FIELD_DEFAULT, &j, FALSE);
  g_assert_cmpfloat (json_node_get_double (lia_entity_get_json (LIA_ENTITY (field), LIA_FIELD_DEFAULT)), ==, 0.7);

  lia_history_undo (history);
  g_assert_null (lia_entity_get_json (LIA_ENTITY (field), LIA_FIELD_DEFAULT));
  lia_history_undo (history);
  g_assert_null (lia_entity_get_strv (LIA_ENTITY (task), LIA_TASK_LABELS)[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/set-undo-redo", test_set_undo_redo);
  g_test_add_func ("/history/groups", test_groups);
  g_test_add_func ("/history/list-commands", test_list_commands);
  g_test_add_func ("/history/coalesce-typing", test_coalesce_typing);
  g_test_add_func ("/history/strv-and-json", test_strv_and_json);

  return g_test_run ();
}
