/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-test-widgets.h"
#include "lia-workspace.h"

/* A damaged file opens in recovery with a banner and Review Problems…,
 * and is not written until the user saves; a file that is not a
 * workspace leaves the window as it was; a save the rules refuse says so
 * in a banner that stays. */

static char *
copy_bad (const char *dir,
          const char *name)
{
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "tests", "data", "bad", name, NULL);
  g_autofree char *contents = NULL;
  char *to = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
}

static gboolean
wait_for_workspace (LiaWindow    *window,
                    LiaWorkspace *not_this)
{
  for (guint i = 0; i < 100; i++)
    {
      LiaWorkspace *ws = lia_window_get_workspace (window);

      if (ws != NULL && ws != not_this)
        return TRUE;
      lia_test_spin (50);
    }
  return FALSE;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
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

static void
test_recovery_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lia-recovery-XXXXXX", NULL);
  g_autofree char *path = copy_bad (dir, "due-february-30.liaison");
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *original = NULL;
  g_autofree char *after_edit = NULL;
  g_autoptr(LiaWorkspace) reopened = NULL;
  g_autoptr(GError) error = NULL;
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  LiaWorkspace *workspace;
  GtkWidget *revealer, *dialog;
  g_autoptr(LiaEntity) task = NULL;

  g_file_get_contents (path, &original, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lia_window_open (window, file);
  g_assert_true (wait_for_workspace (window, NULL));
  lia_test_spin (400);

  workspace = lia_window_get_workspace (window);
  g_assert_true (lia_workspace_get_needs_review (workspace));
  revealer = lia_test_find_widget (GTK_WIDGET (window), is_banner, NULL);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "This file had 1 problem"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* An edit does not autosave a file that is waiting for review. */
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (workspace)), 0);
  g_assert_true (lia_history_set_string (lia_workspace_get_history (workspace), task, LIA_TASK_DUE, "2026-03-02", FALSE));
  lia_test_spin (2200);
  g_file_get_contents (path, &after_edit, NULL, NULL);
  g_assert_cmpstr (after_edit, ==, original);

  /* Review Problems… lists the problem and what is kept. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-problems", NULL);
  lia_test_spin (300);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "tasks[0].due: “2026-02-30” is not a date"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Kept from tasks[0].due"));

  /* Saving writes the repaired workspace and keeps the old file as
   * FILE~. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  lia_test_spin (800);
  g_assert_false (lia_workspace_get_needs_review (workspace));
  reopened = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  /* What was set aside is still in the file, and the banner says so. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_unrecovered (reopened))), ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains,
                                          "This workspace keeps 1 value a repair could not put back"));

  /* Discarding the kept values is one undo step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-problems", NULL);
  lia_test_spin (300);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  lia_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_unrecovered (workspace))), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  lia_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_unrecovered (workspace))), ==, 1);
  {
    g_autofree char *kept = NULL;
    g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, original);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

/* Not JSON: the error is shown and the window keeps what it showed. */
static void
test_refused_keeps_workspace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lia-recovery-XXXXXX", NULL);
  g_autofree char *path = copy_bad (dir, "duplicate-key.liaison");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) workspace = NULL;
  LiaWindow *window = lia_test_sample_window ("requirements", &workspace);
  GtkWidget *dialog;

  lia_window_open (window, file);
  lia_test_spin (1500);
  g_assert_true (lia_window_get_workspace (window) == workspace);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains,
                                          "the key “requirements” appears twice in this object"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* A model that breaks the rules (here set behind the history's back) is
 * not written: the banner says why and stays, the file is unchanged. */
static void
test_refused_save_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lia-recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(LiaEntity) task = NULL;
  g_autoptr(LiaEntity) req = NULL;
  LiaWindow *window = lia_test_sample_window ("requirements", &workspace);
  GtkWidget *revealer;

  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));
  g_file_get_contents (path, &before, NULL, NULL);

  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (workspace)), 0);
  lia_entity_set_string (task, LIA_TASK_DUE, "2026-02-30");
  req = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (workspace)), 0);
  lia_history_set_string (lia_workspace_get_history (workspace), req, LIA_REQUIREMENT_OWNER, "Ada", FALSE);
  lia_test_spin (2500);

  revealer = lia_test_find_widget (GTK_WIDGET (window), is_banner, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains,
                                          "Not saved: Not saved, the file is unchanged: tasks[0].due"));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  /* Put right, the next autosave goes through and the banner goes. */
  lia_entity_set_string (task, LIA_TASK_DUE, "2026-02-28");
  lia_history_set_string (lia_workspace_get_history (workspace), req, LIA_REQUIREMENT_OWNER, "Grace", FALSE);
  lia_test_spin (2500);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/recovery/banner-and-review", test_recovery_banner);
  g_test_add_func ("/recovery/refused-keeps-workspace", test_refused_keeps_workspace);
  g_test_add_func ("/recovery/refused-save-banner", test_refused_save_banner);
  return g_test_run ();
}
