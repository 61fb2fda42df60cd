/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-conflict-resolve.h"
#include "lia-merge-dialog.h"
#include "lia-model.h"
#include "lia-test-widgets.h"
#include "lia-workspace.h"

/* A workspace that holds what a merge left to decide: the banner counts
 * it, the conflicts view shows each with both sides and settles it with
 * one undoable choice, and when none are left the banner offers to save. */

#define REQ1 "d0606965-4aa2-5470-9126-8841fc262bd4"
#define TEST_ENGINEER "61c1174f-90db-5312-b6c0-eb9486a22daf"
#define OVERVIEW "5a0a1506-6c86-5824-bd64-f5ca309fda12"
#define BACKGROUND "80fd38cc-32d6-545a-b4e7-b2039c1d50f7"

#define OUR_BODY "# Background\n\nWe serve models fast.\n"
#define THEIR_BODY "# Background\n\nWe serve models cheaply.\n"

static void
add_conflict (LiaWorkspace *ws,
              const char   *entity,
              const char   *collection,
              const char   *parent,
              const char   *kind,
              const char   *field,
              const char   *base,
              const char   *ours,
              const char   *theirs)
{
  g_autoptr(JsonNode) b = base ? json_from_string (base, NULL) : NULL;
  g_autoptr(JsonNode) o = ours ? json_from_string (ours, NULL) : NULL;
  g_autoptr(JsonNode) t = theirs ? json_from_string (theirs, NULL) : NULL;
  g_autoptr(LiaConflict) conflict = lia_conflict_new (entity, collection, parent, kind, field, b, o, t);

  g_list_store_append (lia_workspace_get_conflicts (ws), conflict);
}

/* What the merge engine leaves: ours in the model, the three values in
 * the records. */
static void
add_sample_conflicts (LiaWorkspace *ws)
{
  LiaEntity *req = lia_workspace_find_entity (ws, REQ1);
  LiaEntity *page = lia_workspace_find_entity (ws, BACKGROUND);
  g_autoptr(JsonNode) our_body = json_node_init_string (json_node_alloc (), OUR_BODY);
  g_autoptr(JsonNode) their_body = json_node_init_string (json_node_alloc (), THEIR_BODY);
  g_autofree char *ours = json_to_string (our_body, FALSE);
  g_autofree char *theirs = json_to_string (their_body, FALSE);

  lia_entity_set_string (req, LIA_REQUIREMENT_STATUS, "agreed");
  lia_entity_set_string (page, LIA_PAGE_BODY, OUR_BODY);
  add_conflict (ws, REQ1, "requirements", "", "field", "status", "\"draft\"", "\"agreed\"", "\"done\"");
  add_conflict (ws, BACKGROUND, "children", OVERVIEW, "text", "body", "\"# Background\\n\"", ours, theirs);
  add_conflict (ws, TEST_ENGINEER, "members", "", "edit-delete", "", "{}", "{}", NULL);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_REVEALER (widget) && g_strcmp0 (gtk_widget_get_name (widget), "banner") == 0;
}

static gboolean
text_view_holds (GtkWidget     *widget,
                 gconstpointer  text)
{
  g_autofree char *contents = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  contents = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_str_equal (contents, text);
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (LIA_IS_MERGE_DIALOG (w) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static guint
n_rows (GtkWidget *dialog)
{
  GtkWidget *list = lia_test_find_type (dialog, GTK_TYPE_LIST_BOX);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

static GtkButton *
banner_button (LiaWindow *window)
{
  GtkWidget *revealer = lia_test_find_widget (GTK_WIDGET (window), is_banner, NULL);

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  return GTK_BUTTON (lia_test_find_type (revealer, GTK_TYPE_BUTTON));
}

static void
test_banner_and_dialog (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  LiaEntity *req = lia_workspace_find_entity (ws, REQ1);
  GtkWidget *dialog, *button, *revealer;
  GtkStack *stack;

  /* As a file with conflicts opens: the records are there before the
   * window sees the workspace. */
  add_sample_conflicts (ws);
  lia_window_set_workspace (window, ws);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_spin (300);

  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "3 changes conflict with a teammate’s"));
  g_assert_cmpstr (gtk_button_get_label (banner_button (window)), ==, "_Resolve…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button (window))), ==, "win.review-conflicts");

  /* The view lists each conflict in the user's words. */
  gtk_widget_activate (GTK_WIDGET (banner_button (window)));
  lia_test_spin (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (n_rows (dialog), ==, 3);
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Requirement 1: Status"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Page “Background”: Text"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains,
                                          "Member “Test Engineer” was removed by a teammate and changed by you"));
  /* Both sides of the field, and both full texts of the page. */
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Agreed"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Done"));
  g_assert_nonnull (lia_test_find_widget (dialog, text_view_holds, OUR_BODY));
  g_assert_nonnull (lia_test_find_widget (dialog, text_view_holds, THEIR_BODY));

  /* Take Theirs on the field: the model changes, the group goes, the
   * banner counts one fewer. */
  button = lia_test_find_widget (dialog, lia_test_has_label, "_Take Theirs");
  gtk_widget_activate (button);
  lia_test_spin (200);
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_STATUS), ==, "done");
  g_assert_cmpuint (n_rows (dialog), ==, 2);
  g_assert_null (lia_test_find_widget (dialog, label_contains, "Requirement 1: Status"));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "2 changes conflict with a teammate’s"));

  /* Undo in the window brings it back, in the view too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  lia_test_spin (200);
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_STATUS), ==, "agreed");
  g_assert_cmpuint (n_rows (dialog), ==, 3);
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Requirement 1: Status"));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "3 changes conflict with a teammate’s"));

  /* Keeping mine on each leaves none: the view says so and the banner
   * offers to save. */
  for (guint i = 0; i < 3; i++)
    {
      button = lia_test_find_widget (dialog, lia_test_has_label, "_Keep Mine");
      g_assert_nonnull (button);
      gtk_widget_activate (button);
      lia_test_spin (100);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (ws))), ==, 0);
  stack = GTK_STACK (lia_test_find_type (dialog, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (lia_workspace_get_modified (ws));
  revealer = lia_test_find_widget (GTK_WIDGET (window), is_banner, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "All conflicts are resolved"));
  g_assert_cmpstr (gtk_button_get_label (banner_button (window)), ==, "_Save");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button (window))), ==, "win.save");

  /* Ctrl+Z in the view takes the last choice back. */
  gtk_widget_activate_action (dialog, "merge.undo", NULL);
  lia_test_spin (100);
  g_assert_cmpuint (n_rows (dialog), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 px the sides stack, and nothing is wider than the window. */
static void
test_narrow (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  GtkWidget *dialog;
  int min_width;

  add_sample_conflicts (ws);
  lia_window_set_workspace (window, ws);
  gtk_window_present (GTK_WINDOW (window));
  dialog = lia_merge_dialog_new (GTK_WINDOW (window), ws);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  lia_test_spin (300);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/merge/banner-and-dialog", test_banner_and_dialog);
  g_test_add_func ("/ui/merge/narrow", test_narrow);
  return g_test_run ();
}
