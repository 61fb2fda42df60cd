/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-date-picker.h"
#include "lia-fake-tracker.h"
#include "lia-field-binding.h"
#include "lia-sync.h"
#include "lia-test-widgets.h"
#include "lia-window.h"
#include "tasks/lia-conflicts-dialog.h"
#include "lia-split-page.h"
#include "tasks/lia-task-row.h"
#include "tasks/lia-tasks-view-private.h"

/* The Tasks page in the real window under Xvfb: the seed's Jira task typed
 * into the form, checked, sent to a fake Jira Cloud, and its key shown;
 * a requirement sent from the Requirements page as an epic with one story
 * per step. */

#define spin lia_test_spin
#define TOKEN "ui-token-7c1e"

typedef struct
{
  LiaWindow    *window;
  LiaWorkspace *workspace;
  LiaTasksView *view;
  FakeTracker  *fake;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) account = lia_account_new ();

  f->fake = fake_tracker_new ("jira-cloud", TOKEN, "lead@example.com");
  f->window = lia_test_sample_window ("tasks", &f->workspace);
  f->view = LIA_TASKS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_TASKS_VIEW));
  g_assert_nonnull (f->view);
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE, "jira-cloud");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_URL, fake_tracker_get_url (f->fake));
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_PROJECT, "VLLM");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_USER, "lead@example.com");
  /* A wiki account first: the Tasks page must not offer it. */
  {
    g_autoptr(LiaAccount) wiki = lia_account_new ();
    lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_SERVICE, "confluence");
    lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_URL, "https://wiki.example.com/wiki");
    lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_PROJECT, "DOCS");
    g_list_store_append (lia_workspace_get_accounts (f->workspace), wiki);
  }
  g_list_store_append (lia_workspace_get_accounts (f->workspace), account);
  /* the account list drops the old tasks so the test types its own */
  g_list_store_remove_all (lia_workspace_get_tasks (f->workspace));
  spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->workspace);
  spin (50);
  fake_tracker_free (f->fake);
}

static void
type_into (Fixture    *f,
           const char *title,
           const char *text)
{
  GtkWidget *row = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
is_text_view (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
wait_for_sync (Fixture *f)
{
  for (guint i = 0; i < 400 && lia_tasks_view_is_syncing (f->view); i++)
    spin (25);
  spin (100);
  return !lia_tasks_view_is_syncing (f->view);
}

static void
test_seed_task_to_tracker (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *send = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(LiaTask) task = NULL;
  GtkWidget *link;
  LiaRemoteRef *ref;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_tasks (f->workspace))), ==, 1);
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (f->workspace)), 0);

  /* A new task starts valid, with a summary to type over. */
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "New task");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_PROJECT), ==, "VLLM");
  g_assert_true (lia_entity_check (LIA_ENTITY (task), NULL));

  /* Invalid first: the summary cleared, a bad date.  Neither reaches the
   * task, and both are named. */
  type_into (f, "Summary", "");
  type_into (f, "Due date", "2026-02-30");
  spin (50);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "New task");
  g_assert_false (lia_tasks_view_validate (f->view, &problem));
  g_assert_nonnull (strstr (problem, "Summary: must not be empty"));
  g_assert_nonnull (strstr (problem, "“2026-02-30” is not a date"));
  g_clear_pointer (&problem, g_free);

  /* The seed's Jira example (the fake's types include 故事). */
  type_into (f, "Project", "VLLM");
  type_into (f, "Issue type", "故事");
  type_into (f, "Summary", "实现Continuous Batching功能");
  type_into (f, "Assignee", "推理工程师A");
  type_into (f, "Due date", "2026-03-31");
  type_into (f, "Epic (name or key)", "性能优化");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (lia_test_find_widget (GTK_WIDGET (f->view), is_text_view, NULL))),
                            "1. 设计Continuous Batching架构\n2. 实现Scheduler调度算法\n3. 优化GPU内存使用\n4. 测试性能提升效果", -1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Priority")), 1);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_PRIORITY), ==, "high");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "实现Continuous Batching功能");
  g_assert_true (lia_tasks_view_validate (f->view, &problem));

  /* An unknown type is caught once the tracker's list is known. */
  type_into (f, "Issue type", "Saga");
  g_assert_false (lia_tasks_view_validate (f->view, &problem));
  g_assert_nonnull (strstr (problem, "“Saga”"));
  g_clear_pointer (&problem, g_free);
  type_into (f, "Issue type", "故事");

  send = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "_Send to Tracker");
  g_assert_nonnull (send);
  g_signal_emit_by_name (send, "clicked");
  g_assert_true (lia_tasks_view_is_syncing (f->view));
  g_assert_true (wait_for_sync (f));

  ref = lia_entity_get_remote (LIA_ENTITY (task));
  g_assert_nonnull (ref);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY), ==, "VLLM-2");   /* VLLM-1 is the epic */
  g_assert_cmpuint (fake_tracker_count_marker (f->fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 1);
  /* the key appears as a link in the list */
  link = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "VLLM-2");
  g_assert_nonnull (link);
  g_assert_true (GTK_IS_LINK_BUTTON (link));
  g_assert_nonnull (strstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), "/browse/VLLM-2"));
}

static gboolean
has_error (GtkWidget *widget)
{
  LiaFieldBinding *binding = lia_field_binding_get (widget);

  return gtk_widget_has_css_class (widget, "error") && binding != NULL &&
         lia_field_binding_get_error (binding) != NULL &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), lia_field_binding_get_error (binding)) == 0;
}

/* The reported reproduction: a due date that is no date was written and
 * the saved workspace would not open again. */
static void
test_invalid_due_date_stays_out (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "due.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) reopened = NULL;
  g_autoptr(LiaEntity) task = NULL;
  g_autoptr(LiaEntity) copy = NULL;
  GtkWidget *due;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  spin (100);
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (f->workspace)), 0);
  due = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Due date");
  g_assert_nonnull (due);

  gtk_editable_set_text (GTK_EDITABLE (due), "2026-02-28");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-02-28");
  g_assert_false (has_error (due));

  gtk_editable_set_text (GTK_EDITABLE (due), "2026-02-30");
  g_assert_true (has_error (due));
  g_assert_nonnull (strstr (lia_field_binding_get_error (lia_field_binding_get (due)), "“2026-02-30” is not a date"));
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-02-28");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-02-30");

  gtk_editable_set_text (GTK_EDITABLE (due), "next week");
  g_assert_true (has_error (due));
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-02-28");

  /* The model's value was never touched, and the file opens again. */
  g_assert_true (lia_workspace_save (f->workspace, file, NULL, &error));
  g_assert_no_error (error);
  reopened = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  copy = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (reopened)), 0);
  g_assert_cmpstr (lia_entity_get_string (copy, LIA_TASK_DUE), ==, "2026-02-28");

  /* A change from elsewhere shows the model's value and lifts the mark. */
  lia_history_undo (lia_workspace_get_history (f->workspace));
  spin (50);
  g_assert_false (has_error (due));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, lia_entity_get_string (task, LIA_TASK_DUE));

  /* The locale's usual forms are understood and kept as YYYY-MM-DD. */
  gtk_editable_set_text (GTK_EDITABLE (due), "2026/3/9");
  g_assert_false (has_error (due));
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-03-09");

  /* The picker writes what it shows, month arrows included. */
  {
    LiaDatePicker *picker = LIA_DATE_PICKER (lia_test_find_type (due, LIA_TYPE_DATE_PICKER));
    GtkCalendar *calendar;
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 7, 14, 12, 0, 0);

    g_assert_nonnull (picker);
    lia_date_picker_popup (picker);
    spin (50);
    calendar = lia_date_picker_get_calendar (picker);
    gtk_calendar_select_day (calendar, day);
    g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-07-14");
    g_object_set (calendar, "month", 8, NULL);   /* 0-based: September */
    g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-09-14");
  }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
label_mnemonic_for (GtkWidget     *widget,
                    gconstpointer  target)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) == target;
}

/* The tracker menu has a visible label; the issue type is offered from
 * the tracker's list (typing stays possible); Delete is away from Send. */
static void
test_form_layout_and_types (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LiaTask) task = NULL;
  GtkWidget *drop, *label, *type_row, *types, *list, *choice, *send, *delete;
  GtkWidget *form;

  drop = lia_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (drop);
  label = lia_test_find_widget (GTK_WIDGET (f->view), label_mnemonic_for, drop);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Tracker");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  spin (100);
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (f->workspace)), 0);
  type_row = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Issue type");
  g_assert_nonnull (type_row);
  for (guint i = 0; i < 100 && !lia_test_find_widget (type_row, lia_test_has_tooltip, "Tracker’s Issue Types"); i++)
    spin (20);
  types = lia_test_find_widget (type_row, lia_test_has_tooltip, "Tracker’s Issue Types");
  g_assert_nonnull (types);
  g_assert_true (gtk_widget_get_mapped (types));
  list = lia_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (types))), GTK_TYPE_LIST_BOX);
  choice = lia_test_find_widget (list, label_is, "故事");
  g_assert_nonnull (choice);
  g_signal_emit_by_name (list, "row-activated", gtk_widget_get_ancestor (choice, GTK_TYPE_LIST_BOX_ROW));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_TYPE), ==, "故事");
  gtk_editable_set_text (GTK_EDITABLE (type_row), "Spike");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_TYPE), ==, "Spike");

  /* Send and Delete do not share a row; Delete is styled destructive. */
  send = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "_Send to Tracker");
  delete = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "_Delete Task");
  g_assert_nonnull (send);
  g_assert_nonnull (delete);
  g_assert_false (gtk_widget_get_parent (send) == gtk_widget_get_parent (delete));
  g_assert_true (gtk_widget_has_css_class (delete, "destructive-action"));
  form = gtk_widget_get_ancestor (send, GTK_TYPE_SCROLLED_WINDOW);
  {
    graphene_point_t s, d;
    g_assert_true (gtk_widget_compute_point (send, form, &GRAPHENE_POINT_INIT (0, 0), &s));
    g_assert_true (gtk_widget_compute_point (delete, form, &GRAPHENE_POINT_INIT (0, 0), &d));
    /* below the tracker group, well apart from Send */
    g_assert_cmpfloat (d.y - s.y, >, 80);
  }
}

/* The labelled tracker menu, Accounts and Sync fit a phone (360 px). */
static void
test_narrow_bar (Fixture       *f,
                 gconstpointer  data)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* A date put right after Send named it loses its mark and its line at once. */
static void
test_fixed_date_clears_error (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *due, *send, *problem;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  spin (100);
  due = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Due date");
  type_into (f, "Due date", "2026-02-30");
  type_into (f, "Summary", "");
  spin (50);   /* empty text counts once the main loop runs */
  send = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "_Send to Tracker");
  g_signal_emit_by_name (send, "clicked");
  problem = lia_test_find_widget (GTK_WIDGET (f->view), label_starts_with, "Summary: must not be empty\nDue date:");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_true (has_error (due));

  type_into (f, "Due date", "2026-02-28");
  g_assert_false (has_error (due));
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, "Summary: must not be empty");
  g_assert_true (gtk_widget_get_visible (problem));

  type_into (f, "Summary", "Profile the scheduler");
  g_assert_false (gtk_widget_has_css_class (lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Summary"), "error"));
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_false (lia_tasks_view_is_syncing (f->view));
}

static void
test_requirement_to_tracker (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(LiaEntity) requirement = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 0);
  GListModel *steps = G_LIST_MODEL (lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS));
  guint n_steps = g_list_model_get_n_items (steps);

  /* owners of the sample are not Jira users: clear them */
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);
      lia_entity_set_string (step, LIA_STEP_OWNER, "");
    }
  lia_entity_set_string (requirement, LIA_REQUIREMENT_OWNER, "");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send-to-tracker", "s", lia_entity_get_id (requirement));
  g_assert_true (wait_for_sync (f));
  g_assert_cmpuint (fake_tracker_get_n_issues (f->fake), ==, 1 + n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);
      LiaRemoteRef *ref = lia_entity_get_remote (step);
      g_autoptr(JsonNode) issue = NULL;

      g_assert_nonnull (ref);
      issue = fake_tracker_get_issue (f->fake, lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (
                         json_node_get_object (issue), "fields"), "parent"), "key"), ==,
                       lia_entity_get_string (LIA_ENTITY (lia_entity_get_remote (requirement)), LIA_REMOTE_REF_KEY));
    }
}

/* A rate limit's wait shows in the progress bar, named after the
 * service: the fake answers the first create 429 with Retry-After: 1. */
static void
test_rate_limit_wait_shown (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LiaEntity) requirement = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 0);
  GListModel *steps = G_LIST_MODEL (lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS));
  GtkWidget *bar = lia_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_PROGRESS_BAR);
  gboolean shown = FALSE;

  g_assert_nonnull (bar);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);
      lia_entity_set_string (step, LIA_STEP_OWNER, "");
    }
  lia_entity_set_string (requirement, LIA_REQUIREMENT_OWNER, "");
  fake_tracker_add_fault (f->fake, FAKE_FAULT_429);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send-to-tracker", "s", lia_entity_get_id (requirement));
  for (guint i = 0; i < 800 && lia_tasks_view_is_syncing (f->view); i++)
    {
      if (g_strcmp0 (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), "Jira Cloud asks to wait 1 s…") == 0)
        shown = TRUE;
      spin (10);
    }
  g_assert_true (wait_for_sync (f));
  g_assert_true (shown);
  /* The wait ended and the create was sent again: nothing is missing. */
  g_assert_cmpuint (fake_tracker_get_n_issues (f->fake), ==, 1 + g_list_model_get_n_items (steps));
}

/* Someone types in one task's form while a sync sends the others: the
 * sync rewords the rows it has (the old page bound the list model again
 * and made every row anew), and the summary being typed keeps its focus,
 * cursor and text. */
static void
test_sync_keeps_rows_and_focus (Fixture       *f,
                                gconstpointer  data)
{
  GListModel *tasks = G_LIST_MODEL (lia_workspace_get_tasks (f->workspace));
  GtkWidget *before[3];
  GtkListView *list;
  GtkWidget *summary, *focus, *link;
  g_autoptr(LiaEntity) first = NULL;
  g_autoptr(LiaEntity) second = NULL;
  int position;

  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
      spin (50);
    }
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);
  first = g_list_model_get_item (tasks, 0);
  second = g_list_model_get_item (tasks, 1);
  list = lia_tasks_view_get_list (f->view);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LiaTask) task = g_list_model_get_item (tasks, i);

      before[i] = lia_tasks_view_get_row (f->view, task);
      g_assert_nonnull (before[i]);
    }
  g_signal_emit_by_name (list, "activate", 0);
  spin (50);

  g_assert_true (lia_task_form_get_task (lia_tasks_view_get_form (f->view)) == LIA_TASK (first));
  summary = lia_test_find_widget (GTK_WIDGET (lia_tasks_view_get_form (f->view)), lia_test_has_title, "Summary");
  g_assert_nonnull (summary);
  gtk_editable_set_text (GTK_EDITABLE (summary), "Profile the scheduler");
  gtk_widget_grab_focus (summary);
  gtk_editable_set_position (GTK_EDITABLE (summary), 7);
  spin (20);

  lia_tasks_view_sync (f->view);
  g_assert_true (lia_tasks_view_is_syncing (f->view));
  /* typed while the sync runs */
  position = 7;
  gtk_editable_insert_text (GTK_EDITABLE (summary), "d", 1, &position);
  gtk_editable_set_position (GTK_EDITABLE (summary), position);
  g_assert_true (wait_for_sync (f));

  /* The other tasks went to the tracker; their rows say so in place. */
  g_assert_nonnull (lia_entity_get_remote (second));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LiaTask) task = g_list_model_get_item (tasks, i);

      g_assert_true (lia_tasks_view_get_row (f->view, task) == before[i]);
    }
  link = lia_test_find_widget (GTK_WIDGET (before[1]), lia_test_has_label,
                               lia_entity_get_string (LIA_ENTITY (lia_entity_get_remote (second)), LIA_REMOTE_REF_KEY));
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_get_visible (link));

  /* The form was left alone. */
  focus = gtk_root_get_focus (gtk_widget_get_root (summary));
  g_assert_nonnull (focus);
  g_assert_true (focus == summary || gtk_widget_is_ancestor (focus, summary));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (summary)), ==, 8);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (summary)), ==, "Profiled the scheduler");
  g_assert_cmpstr (lia_entity_get_string (first, LIA_TASK_SUMMARY), ==, "Profiled the scheduler");
}

static void
count_rows (GtkWidget *widget,
            guint     *count)
{
  if (LIA_IS_TASK_ROW (widget))
    (*count)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_rows (child, count);
}

/* A team's thousands of tasks: the list makes rows only for those on
 * screen.  On a phone-sized window the list and the form take turns:
 * moving through the list with the keyboard stays in the list, Enter
 * opens the form, and a task that leaves (an undone add) takes its
 * form with it. */
static void
test_many_tasks_narrow (Fixture       *f,
                        gconstpointer  data)
{
  GListStore *tasks = lia_workspace_get_tasks (f->workspace);
  LiaSplitPage *split = LIA_SPLIT_PAGE (lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_SPLIT_PAGE));
  GtkListView *list = lia_tasks_view_get_list (f->view);
  GtkSelectionModel *selection = gtk_list_view_get_model (list);
  LiaTaskForm *form = lia_tasks_view_get_form (f->view);
  g_autoptr(LiaTask) fifth = NULL;
  guint rows = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(LiaTask) task = lia_task_new ();
      g_autofree char *summary = g_strdup_printf ("Task %u", i);

      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "VLLM");
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, summary);
      g_list_store_append (tasks, task);
    }
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  spin (400);
  g_assert_true (lia_split_page_get_folded (split));
  g_assert_false (lia_split_page_get_show_content (split));

  count_rows (GTK_WIDGET (list), &rows);
  g_test_message ("%u rows for 2000 tasks", rows);
  g_assert_cmpuint (rows, >, 0);
  /* GTK 4.8 keeps about 200 around the visible ones, however many tasks. */
  g_assert_cmpuint (rows, <, 400);
  fifth = g_list_model_get_item (G_LIST_MODEL (tasks), 5);
  g_assert_nonnull (lia_tasks_view_get_row (f->view, fifth));

  /* As the arrow keys select: the form follows, the list stays. */
  gtk_selection_model_select_item (selection, 5, TRUE);
  spin (50);
  g_assert_true (lia_task_form_get_task (form) == fifth);
  g_assert_false (lia_split_page_get_show_content (split));
  /* Enter */
  g_signal_emit_by_name (list, "activate", 5);
  spin (50);
  g_assert_true (lia_split_page_get_show_content (split));
  lia_split_page_set_show_content (split, FALSE);
  spin (50);

  /* A click: the row's own gesture selects, the list's opens the form. */
  {
    g_autoptr(LiaTask) seventh = g_list_model_get_item (G_LIST_MODEL (tasks), 7);
    GtkWidget *row = lia_tasks_view_get_row (f->view, seventh);
    GtkEventController *click = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));
    graphene_point_t centre;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          click = controller;
      }
    g_assert_nonnull (click);
    g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (list),
                                             &GRAPHENE_POINT_INIT (20, gtk_widget_get_height (row) / 2.0), &centre));
    gtk_selection_model_select_item (selection, 7, TRUE);
    g_signal_emit_by_name (click, "released", 1, (double) centre.x, (double) centre.y);
    spin (50);
    g_assert_true (lia_task_form_get_task (form) == seventh);
    g_assert_true (lia_split_page_get_show_content (split));
    lia_split_page_set_show_content (split, FALSE);
    spin (50);
  }

  /* A new task opens with its form and is selected; undoing the add
   * closes the form and clears the selection. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tasks)), ==, 2001);
  g_assert_true (lia_split_page_get_show_content (split));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 2000);
  g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tasks)), ==, 2000);
  g_assert_null (lia_task_form_get_task (form));
  g_assert_false (lia_split_page_get_show_content (split));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, GTK_INVALID_LIST_POSITION);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* A task changed here and in the tracker: the conflicts dialog, through
 * its own API, takes the tracker's summary and keeps this side's due date, as
 * one undoable edit. */
static void
test_conflicts_dialog (Fixture       *f,
                       gconstpointer  data)
{
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  g_autoptr(LiaEntity) task = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  LiaConflictsDialog *dialog;
  GtkWidget *resolve;
  LiaOutboxOp *op;
  guint resolved = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL);
  spin (50);
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (f->workspace)), 0);
  lia_tasks_view_sync (f->view);
  g_assert_true (wait_for_sync (f));
  g_assert_nonnull (lia_entity_get_remote (task));
  key = g_strdup (lia_entity_get_string (LIA_ENTITY (lia_entity_get_remote (task)), LIA_REMOTE_REF_KEY));

  lia_entity_set_string (task, LIA_TASK_SUMMARY, "Local title");
  lia_entity_set_string (task, LIA_TASK_DUE, "2026-04-30");
  fake_tracker_remote_edit (f->fake, key, "Remote title", FALSE);
  lia_tasks_view_sync (f->view);
  g_assert_true (wait_for_sync (f));
  op = lia_sync_find_op (f->workspace, lia_entity_get_id (task));
  g_assert_nonnull (op);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE), ==, "conflict");
  resolve = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "_Resolve Conflict…");
  g_assert_nonnull (resolve);
  g_assert_true (gtk_widget_get_visible (resolve));

  /* The page opens the dialog and hears back from it. */
  g_signal_emit_by_name (resolve, "clicked");
  spin (50);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

    dialog = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (LIA_IS_CONFLICTS_DIALOG (window))
          dialog = LIA_CONFLICTS_DIALOG (window);
      }
  }
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "resolved", G_CALLBACK (count_cb), &resolved);
  g_assert_true (lia_conflicts_dialog_get_entity (dialog) == task);
  g_assert_false (lia_conflicts_dialog_get_take_theirs (dialog, LIA_SYNC_FIELD_SUMMARY));
  lia_conflicts_dialog_set_take_theirs (dialog, LIA_SYNC_FIELD_SUMMARY, TRUE);   /* take theirs */
  lia_conflicts_dialog_set_take_theirs (dialog, LIA_SYNC_FIELD_DUE, FALSE);      /* keep mine */
  g_assert_true (lia_conflicts_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (resolved, ==, 1);
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_SUMMARY), ==, "Remote title");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-04-30");
  spin (50);
  g_assert_false (gtk_widget_get_visible (resolve));

  /* One Ctrl+Z takes the choice back. */
  lia_history_undo (history);
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_SUMMARY), ==, "Local title");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  /* no token in the test keyring: it comes from the environment */
  g_setenv ("LIAISON_TOKEN", TOKEN, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/tasks/seed-task-to-tracker", Fixture, NULL, fixture_set_up, test_seed_task_to_tracker, fixture_tear_down);
  g_test_add ("/tasks/invalid-due-date-stays-out", Fixture, NULL, fixture_set_up, test_invalid_due_date_stays_out, fixture_tear_down);
  g_test_add ("/tasks/requirement-to-tracker", Fixture, NULL, fixture_set_up, test_requirement_to_tracker, fixture_tear_down);
  g_test_add ("/tasks/form-layout-and-types", Fixture, NULL, fixture_set_up, test_form_layout_and_types, fixture_tear_down);
  g_test_add ("/tasks/narrow-bar", Fixture, NULL, fixture_set_up, test_narrow_bar, fixture_tear_down);
  g_test_add ("/tasks/fixed-date-clears-error", Fixture, NULL, fixture_set_up, test_fixed_date_clears_error, fixture_tear_down);
  g_test_add ("/tasks/rate-limit-wait-shown", Fixture, NULL, fixture_set_up, test_rate_limit_wait_shown, fixture_tear_down);
  g_test_add ("/tasks/sync-keeps-rows-and-focus", Fixture, NULL, fixture_set_up, test_sync_keeps_rows_and_focus, fixture_tear_down);
  g_test_add ("/tasks/many-tasks-narrow", Fixture, NULL, fixture_set_up, test_many_tasks_narrow, fixture_tear_down);
  g_test_add ("/tasks/conflicts-dialog", Fixture, NULL, fixture_set_up, test_conflicts_dialog, fixture_tear_down);
  return g_test_run ();
}
