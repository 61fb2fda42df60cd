/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-fake-tracker.h"
#include "lia-sync.h"
#include "lia-test-widgets.h"
#include "lia-window.h"
#include "tasks/lia-tasks-view.h"

/* Issue 16, item 5, on the Tasks page: a create whose answer was lost, on
 * a tracker whose search has not caught up, is shown as "Waiting to
 * confirm" on its row (the row's status, not the progress text) and is
 * listed with the sync's result. */

#define spin lia_test_spin
#define TOKEN "ui-token-3b9d"

static gboolean
subtitle_has (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
         strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) != NULL;
}

static AdwMessageDialog *
result_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_waiting_to_confirm (void)
{
  g_autoptr(FakeTracker) fake = fake_tracker_new ("jira-cloud", TOKEN, "lead@example.com");
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autoptr(LiaTask) task = NULL;
  LiaWindow *window = lia_test_sample_window ("tasks", &workspace);
  LiaTasksView *view = LIA_TASKS_VIEW (lia_test_find_type (GTK_WIDGET (window), LIA_TYPE_TASKS_VIEW));
  AdwMessageDialog *dialog;
  GtkWidget *row;

  g_assert_nonnull (view);
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE, "jira-cloud");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_URL, fake_tracker_get_url (fake));
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_PROJECT, "VLLM");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_USER, "lead@example.com");
  g_list_store_append (lia_workspace_get_accounts (workspace), account);
  g_list_store_remove_all (lia_workspace_get_tasks (workspace));
  spin (200);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add", NULL);
  spin (100);
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (workspace)), 0);
  g_assert_nonnull (task);

  fake_tracker_set_search_lag (fake, 600000);
  fake_tracker_add_fault (fake, FAKE_FAULT_LOST);
  lia_tasks_view_sync (view);
  for (guint i = 0; i < 400 && lia_tasks_view_is_syncing (view); i++)
    spin (25);
  spin (200);
  g_assert_false (lia_tasks_view_is_syncing (view));

  g_assert_cmpuint (fake_tracker_count_marker (fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 1);
  g_assert_null (lia_entity_get_remote (LIA_ENTITY (task)));
  row = lia_test_find_widget (GTK_WIDGET (view), subtitle_has, "Waiting to confirm");
  g_assert_nonnull (row);

  /* The result is shown in a dialog, not a passing toast. */
  dialog = result_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "1 waiting to confirm"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "waiting to confirm"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int argc, char **argv)
{
  /* no token in the test keyring: it comes from the environment */
  g_setenv ("LIAISON_TOKEN", TOKEN, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/tasks/waiting-to-confirm", test_waiting_to_confirm);
  return g_test_run ();
}
