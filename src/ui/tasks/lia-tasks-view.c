/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-tasks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-conflicts-dialog.h"
#include "lia-model.h"
#include "lia-split-page.h"
#include "lia-sync.h"
#include "lia-task-form.h"
#include "lia-task-row.h"
#include "lia-tasks-view-private.h"
#include "lia-toast.h"
#include "lia-tracker-bar.h"
#include "lia-widgets.h"

/* The Tasks page: the workspace's tasks with status, tracker key and sync
 * state beside a Jira-style form (LiaTaskForm), checked before anything
 * is sent.  Sync runs from the bar above them (LiaTrackerBar); conflicts open a LiaConflictsDialog that lets the user choose per field.
 * The list is a list view over the workspace's tasks: it makes rows only
 * for the tasks on screen, and a sync rewords those rows in place. */

struct _LiaTasksView
{
  GtkWidget       parent_instance;

  LiaWorkspace   *workspace;
  LiaTask        *task;

  GtkWidget      *box;
  LiaSplitPage   *split;
  GtkListView    *list;
  GtkSingleSelection *selection;
  GPtrArray      *rows;           /* the LiaTaskRows showing a task now */
  GtkStack       *list_stack;
  LiaTaskForm    *form;
  LiaTrackerBar  *bar;

  GHashTable     *notes;          /* task id → what the tracker did not take at the last sync */
};

static void lia_tasks_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaTasksView, lia_tasks_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_tasks_view_area_init))

enum
{
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static char *
sync_state_text (LiaTasksView *self,
                 LiaEntity    *entity)
{
  LiaOutboxOp *op = lia_sync_find_op (self->workspace, lia_entity_get_id (entity));
  LiaRemoteRef *ref = lia_entity_get_remote (entity);

  if (op != NULL)
    {
      const char *state = lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE);
      const char *error = lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_ERROR);

      if (*error && g_str_equal (state, "failed"))
        return g_strdup_printf ("%s: %s", lia_choice_get_label (state), error);
      /* "uncertain" reads "Waiting to confirm": a create may have landed
       * and the tracker has not shown it yet; the reason is in the
       * sync's result. */
      return g_strdup (lia_choice_get_label (state));
    }
  if (ref != NULL && *lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY))
    {
      const char *note = self->notes ? g_hash_table_lookup (self->notes, lia_entity_get_id (entity)) : NULL;

      /* Pushed, but the tracker left something out (a field not on its
       * screen …): say so on the task until the next sync. */
      if (note != NULL)
        /* Translators: %s lists what the tracker did not take, e.g. "due date: not on the screen" */
        return g_strdup_printf (C_("sync state", "Synced, but not set in the tracker: %s"), note);
      return g_strdup (C_("sync state", "Synced"));
    }
  return g_strdup (C_("sync state", "Not sent yet"));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LiaTasksView             *self)
{
  gtk_list_item_set_child (item, lia_task_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LiaTasksView             *self)
{
  LiaTaskRow *row = LIA_TASK_ROW (gtk_list_item_get_child (item));
  LiaTask *task = gtk_list_item_get_item (item);
  g_autofree char *state = sync_state_text (self, LIA_ENTITY (task));

  lia_task_row_set_task (row, task);
  lia_task_row_set_sync_state (row, state);
  g_ptr_array_add (self->rows, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LiaTasksView             *self)
{
  LiaTaskRow *row = LIA_TASK_ROW (gtk_list_item_get_child (item));

  g_ptr_array_remove_fast (self->rows, row);
  lia_task_row_set_task (row, NULL);
}

static void
update_empty (LiaTasksView *self)
{
  GListModel *tasks = self->workspace ? G_LIST_MODEL (lia_workspace_get_tasks (self->workspace)) : NULL;

  gtk_stack_set_visible_child_name (self->list_stack,
                                    tasks && g_list_model_get_n_items (tasks) > 0 ? "list" : "empty");
}

/* After a sync or a resolved conflict: each row and the form say what
 * changed, in place, so focus, selection and scroll stay where they are. */
static void
update_sync_states (LiaTasksView *self)
{
  LiaOutboxOp *op;
  g_autofree char *state = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      LiaTaskRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = sync_state_text (self, LIA_ENTITY (lia_task_row_get_task (row)));

      lia_task_row_set_sync_state (row, text);
    }
  if (self->task == NULL || self->workspace == NULL)
    return;
  op = lia_sync_find_op (self->workspace, lia_entity_get_id (LIA_ENTITY (self->task)));
  state = sync_state_text (self, LIA_ENTITY (self->task));
  lia_task_form_set_sync_state (self->form, state,
                                op != NULL && g_str_equal (lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE), "conflict"));
}

/* The form shows @task and the list selects it; the list's selection
 * comes back here, so either may start. */
static void
select_task (LiaTasksView *self,
             LiaTask      *task)
{
  guint position;

  if (task != NULL && self->workspace != NULL &&
      g_list_store_find (lia_workspace_get_tasks (self->workspace), task, &position))
    {
      if (gtk_single_selection_get_selected (self->selection) != position)
        gtk_single_selection_set_selected (self->selection, position);
    }
  else if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->task == task)
    return;
  g_set_object (&self->task, task);
  lia_task_form_set_task (self->form, task);
  update_sync_states (self);
}

static void
selection_changed_cb (LiaTasksView *self)
{
  LiaTask *task = gtk_single_selection_get_selected_item (self->selection);

  /* The task left the list (an undone add, a pull): the form goes too. */
  if (task == NULL && self->task != NULL && self->workspace != NULL &&
      !g_list_store_find (lia_workspace_get_tasks (self->workspace), self->task, NULL))
    lia_split_page_set_show_content (self->split, FALSE);
  select_task (self, task);
}

/* Enter, or a double click: the form, also on a narrow window. */
static void
row_activated_cb (LiaTasksView *self,
                  guint         position)
{
  g_autoptr(LiaTask) task = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  select_task (self, task);
  if (task != NULL)
    lia_split_page_set_show_content (self->split, TRUE);
}

/* On a narrow window the list and the form take turns: a click on a row
 * opens its form, as a tap on a phone would. */
static void
list_clicked_cb (LiaTasksView    *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  GtkWidget *picked = lia_list_view_pick (self->list, x, y);

  /* The issue link opens the browser, not the form. */
  if (picked == NULL || gtk_widget_get_ancestor (picked, GTK_TYPE_LINK_BUTTON) != NULL)
    return;
  if (self->task != NULL)
    lia_split_page_set_show_content (self->split, TRUE);
}

/* Every problem with the form, named by its field, before anything is sent. */
gboolean
lia_tasks_view_validate (LiaTasksView  *self,
                         char         **problem)
{
  g_return_val_if_fail (LIA_IS_TASKS_VIEW (self), FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  return lia_task_form_validate (self->form, problem);
}

/* ---- sync -------------------------------------------------------------- */

void
lia_tasks_view_sync (LiaTasksView *self)
{
  g_return_if_fail (LIA_IS_TASKS_VIEW (self));

  lia_tracker_bar_sync (self->bar);
}

gboolean
lia_tasks_view_is_syncing (LiaTasksView *self)
{
  g_return_val_if_fail (LIA_IS_TASKS_VIEW (self), FALSE);

  return lia_tracker_bar_is_syncing (self->bar);
}

/* Queue a requirement (with its steps) or action items, then sync. */
void
lia_tasks_view_send_entity (LiaTasksView *self,
                            LiaEntity    *entity)
{
  g_return_if_fail (LIA_IS_TASKS_VIEW (self));
  g_return_if_fail (LIA_IS_ENTITY (entity));

  lia_tracker_bar_send_entity (self->bar, entity);
}

static void
form_send_cb (LiaTasksView *self)
{
  lia_tracker_bar_sync (self->bar);
}

static void
synced_cb (LiaTasksView  *self,
           LiaSyncReport *report)
{
  g_clear_pointer (&self->notes, g_hash_table_unref);
  if (report->notes != NULL)
    self->notes = g_hash_table_ref (report->notes);
  update_sync_states (self);
}

static void
types_changed_cb (LiaTasksView *self)
{
  lia_task_form_set_types (self->form, lia_tracker_bar_get_types (self->bar));
}


/* ---- conflicts --------------------------------------------------------- */

static void
conflict_resolved_cb (LiaTasksView *self)
{
  lia_show_undo_toast (GTK_WIDGET (self), _("Conflict resolved; the next sync sends your choice"));
  update_sync_states (self);
}

static void
conflict_failed_cb (LiaTasksView *self,
                    const char   *message)
{
  lia_show_toast (GTK_WIDGET (self), message);
  update_sync_states (self);
}

static void
form_resolve_cb (LiaTasksView *self)
{
  GtkWidget *dialog;

  if (self->task == NULL || lia_sync_find_op (self->workspace, lia_entity_get_id (LIA_ENTITY (self->task))) == NULL)
    return;
  dialog = lia_conflicts_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->workspace, LIA_ENTITY (self->task));
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (conflict_resolved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (conflict_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One row in or out is the list view's business, and a task that left
 * (an undone add) leaves the selection, which lets go of its form; the
 * page only switches to its empty state. */
static void
tasks_changed_cb (LiaTasksView *self)
{
  update_empty (self);
}

static void
read_only_changed_cb (LiaTasksView *self)
{
  lia_task_form_set_read_only (self->form, self->workspace == NULL || lia_workspace_get_read_only (self->workspace));
}

void
lia_tasks_view_set_workspace (LiaTasksView *self,
                              LiaWorkspace *workspace)
{
  g_return_if_fail (LIA_IS_TASKS_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_tasks (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_set_object (&self->workspace, workspace);
  select_task (self, NULL);
  lia_tracker_bar_set_workspace (self->bar, workspace);
  if (workspace)
    {
      g_signal_connect_swapped (lia_workspace_get_tasks (workspace), "items-changed", G_CALLBACK (tasks_changed_cb), self);
      g_signal_connect_swapped (workspace, "notify::read-only", G_CALLBACK (read_only_changed_cb), self);
    }
  lia_task_form_set_history (self->form, workspace ? lia_workspace_get_history (workspace) : NULL);
  read_only_changed_cb (self);
  /* Set once per workspace: from here on the list view follows each
   * change itself. */
  gtk_single_selection_set_model (self->selection, workspace ? G_LIST_MODEL (lia_workspace_get_tasks (workspace)) : NULL);
  update_empty (self);
  g_object_notify (G_OBJECT (self), "workspace");
}

void
lia_tasks_view_add_task (LiaTasksView *self)
{
  g_autoptr(LiaTask) task = lia_task_new ();
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *tasks;
  const char *project = NULL;

  g_return_if_fail (LIA_IS_TASKS_VIEW (self));

  if (self->workspace == NULL || lia_workspace_get_read_only (self->workspace))
    return;
  tasks = lia_workspace_get_tasks (self->workspace);
  account = lia_tracker_bar_dup_account (self->bar);

  /* The file holds only tasks with a project, a type and a summary, so a
   * new one starts with all three; the summary is selected for typing. */
  if (account != NULL)
    project = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_PROJECT);
  if (project == NULL || *project == '\0')
    project = lia_workspace_get_title (self->workspace);
  if (project == NULL || *project == '\0')
    project = _("Project");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, project);
  /* Translators: the issue type of a new task, as the tracker names it
   * (Jira's "Story"); use the name the trackers in your language show */
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, C_("issue type", "Story"));
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, _("New task"));
  if (!lia_history_try_insert (lia_workspace_get_history (self->workspace), tasks,
                               g_list_model_get_n_items (G_LIST_MODEL (tasks)), LIA_ENTITY (task), &error))
    {
      lia_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  select_task (self, task);
  lia_split_page_set_show_content (self->split, TRUE);
  lia_task_form_focus_summary (self->form);
}

static void
form_delete_cb (LiaTasksView *self)
{
  GListStore *tasks = lia_workspace_get_tasks (self->workspace);
  guint position;

  if (self->task && g_list_store_find (tasks, self->task, &position))
    {
      select_task (self, NULL);
      lia_history_remove (lia_workspace_get_history (self->workspace), tasks, position);
      lia_split_page_set_show_content (self->split, FALSE);
      lia_show_undo_toast (GTK_WIDGET (self), _("Task deleted"));
    }
}

/* ---- construction ------------------------------------------------------ */

static void
lia_tasks_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaTasksView *self = LIA_TASKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_tasks_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaTasksView *self = LIA_TASKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_tasks_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_tasks_view_dispose (GObject *object)
{
  LiaTasksView *self = LIA_TASKS_VIEW (object);

  if (self->workspace)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_tasks (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  /* The rows let go of their tasks while the view still counts them. */
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TASKS_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  g_clear_object (&self->task);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (lia_tasks_view_parent_class)->dispose (object);
}

static void
lia_tasks_view_class_init (LiaTasksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_tasks_view_dispose;
  object_class->get_property = lia_tasks_view_get_property;
  object_class->set_property = lia_tasks_view_set_property;
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");

  g_type_ensure (LIA_TYPE_SPLIT_PAGE);
  g_type_ensure (LIA_TYPE_TASK_FORM);
  g_type_ensure (LIA_TYPE_TRACKER_BAR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/tasks/lia-tasks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, box);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, list);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, form);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, bar);
  gtk_widget_class_bind_template_callback (widget_class, synced_cb);
  gtk_widget_class_bind_template_callback (widget_class, types_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_send_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_resolve_cb);
}

static void
lia_tasks_view_init (LiaTasksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->selection = lia_list_view_setup (self->list, G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                         G_CALLBACK (unbind_row_cb), G_CALLBACK (selection_changed_cb), self);
  update_empty (self);
}

GtkWidget *
lia_tasks_view_get_row (LiaTasksView *self,
                        LiaTask      *task)
{
  g_return_val_if_fail (LIA_IS_TASKS_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (lia_task_row_get_task (g_ptr_array_index (self->rows, i)) == task)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

GtkListView *
lia_tasks_view_get_list (LiaTasksView *self)
{
  g_return_val_if_fail (LIA_IS_TASKS_VIEW (self), NULL);

  return self->list;
}

LiaTaskForm *
lia_tasks_view_get_form (LiaTasksView *self)
{
  g_return_val_if_fail (LIA_IS_TASKS_VIEW (self), NULL);

  return self->form;
}

/* ---- LiaArea ----------------------------------------------------------- */

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_tasks_view_add_task (LIA_TASKS_VIEW (area));
}

static void
lia_tasks_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
}
