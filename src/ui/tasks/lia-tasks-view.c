/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-tasks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-accounts-dialog.h"
#include "lia-area.h"
#include "lia-conflicts-dialog.h"
#include "lia-credentials.h"
#include "lia-model.h"
#include "lia-split-page.h"
#include "lia-sync.h"
#include "lia-task-form.h"
#include "lia-task-row.h"
#include "lia-tasks-view-private.h"
#include "lia-wait-notice.h"
#include "lia-toast.h"

/* The Tasks page: the workspace's tasks with status, tracker key and sync
 * state beside a Jira-style form (LiaTaskForm), checked before anything
 * is sent.  Sync runs on a worker thread with a progress bar and Cancel;
 * conflicts open a LiaConflictsDialog that lets the user choose per field.
 * The list is bound to the workspace's tasks: a sync rewords the rows it
 * has, it never makes them again. */

struct _LiaTasksView
{
  GtkWidget       parent_instance;

  LiaWorkspace   *workspace;
  LiaTask        *task;

  GtkWidget      *box;
  LiaSplitPage   *split;
  GtkListBox     *list;
  GtkStack       *list_stack;
  LiaTaskForm    *form;
  GtkDropDown    *account_drop;
  GtkButton      *sync_button;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress;

  GCancellable   *cancellable;
  GPtrArray      *types;          /* fetched from the tracker, or NULL */
  GHashTable     *types_cache;    /* account id → its tracker's last list of types */
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

static LiaAccount *
current_account (LiaTasksView *self)
{
  gpointer item;

  if (self->workspace == NULL)
    return NULL;
  item = gtk_drop_down_get_selected_item (self->account_drop);
  return item ? g_object_ref (LIA_ACCOUNT (item)) : NULL;
}

/* The menu offers trackers only: a Confluence account publishes pages. */
static gboolean
is_tracker_account (gpointer item,
                    gpointer user_data)
{
  return g_strcmp0 (lia_entity_get_string (LIA_ENTITY (item), LIA_ACCOUNT_SERVICE), "confluence") != 0;
}

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

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaTasksView *self = user_data;
  GtkWidget *row = lia_task_row_new (LIA_TASK (item));
  g_autofree char *state = sync_state_text (self, LIA_ENTITY (item));

  lia_task_row_set_sync_state (LIA_TASK_ROW (row), state);
  return row;
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
  GtkListBoxRow *row;
  LiaOutboxOp *op;
  g_autofree char *state = NULL;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      g_autofree char *text = sync_state_text (self, LIA_ENTITY (lia_task_row_get_task (LIA_TASK_ROW (row))));

      lia_task_row_set_sync_state (LIA_TASK_ROW (row), text);
    }
  if (self->task == NULL || self->workspace == NULL)
    return;
  op = lia_sync_find_op (self->workspace, lia_entity_get_id (LIA_ENTITY (self->task)));
  state = sync_state_text (self, LIA_ENTITY (self->task));
  lia_task_form_set_sync_state (self->form, state,
                                op != NULL && g_str_equal (lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE), "conflict"));
}

static void
select_task (LiaTasksView *self,
             LiaTask      *task)
{
  g_set_object (&self->task, task);
  lia_task_form_set_task (self->form, task);
  update_sync_states (self);
  if (task != NULL)
    lia_split_page_set_show_content (self->split, TRUE);
}

static void
row_activated_cb (LiaTasksView  *self,
                  GtkListBoxRow *row)
{
  select_task (self, lia_task_row_get_task (LIA_TASK_ROW (row)));
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

static LiaTracker *
make_tracker (LiaTasksView *self,
              GError      **error)
{
  g_autoptr(LiaAccount) account = current_account (self);
  g_autoptr(LiaHttp) http = NULL;
  g_autofree char *token = NULL;
  LiaTrackerConfig config = { 0 };
  LiaTracker *tracker;

  if (account == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("Add a tracker account first (Accounts…)"));
      return NULL;
    }
  token = lia_credentials_lookup (lia_entity_get_id (LIA_ENTITY (account)));
  http = lia_http_new ();
  lia_tracker_config_from_account (&config, account, token);
  tracker = lia_tracker_new (http, &config, error);
  if (token)
    memset (token, 0, strlen (token));
  return tracker;
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  LiaTasksView *self = user_data;
  /* Translators: sync progress, "3 of 12" */
  g_autofree char *text = g_strdup_printf (_("%u of %u"), done, total);

  gtk_progress_bar_set_fraction (self->progress, total ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress, text);
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LiaTasksView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaSyncReport) report = lia_sync_run_finish (LIA_WORKSPACE (source), result, &error);
  g_autofree char *summary = NULL;

  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), TRUE);
  if (report == NULL)
    {
      lia_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  summary = report->cancelled ? g_strdup (_("Sync cancelled; nothing was lost")) : lia_sync_report_summary (report);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  if (report->notes != NULL)
    self->notes = g_hash_table_ref (report->notes);
  update_sync_states (self);
  /* Creates waiting to confirm and fields a tracker did not take are
   * listed too: they are not failures, but the user should know. */
  if (report->errors > 0 || report->conflicts > 0 || report->waiting > 0 || report->warnings > 0)
    {
      GtkWidget *dialog;
      g_autoptr(GString) body = g_string_new (NULL);

      for (guint i = 0; i < report->lines->len && i < 20; i++)
        g_string_append_printf (body, "%s\n", (char *) report->lines->pdata[i]);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), summary, body->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    lia_show_toast (GTK_WIDGET (self), summary);
}

void
lia_tasks_view_sync (LiaTasksView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaTracker) tracker = NULL;

  g_return_if_fail (LIA_IS_TASKS_VIEW (self));

  if (self->workspace == NULL || self->cancellable != NULL)
    return;
  tracker = make_tracker (self, &error);
  if (tracker == NULL)
    {
      lia_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, _("Starting…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), FALSE);
  /* A rate limit's wait shows in the bar until the next step. */
  lia_wait_notice_watch (lia_tracker_get_http (tracker), self->progress, self->cancellable,
                         lia_tracker_get_service (tracker), lia_tracker_get_base_url (tracker));
  lia_sync_run_async (self->workspace, tracker, FALSE, self->cancellable, progress_cb, self,
                      sync_done_cb, g_object_ref (self));
}

gboolean
lia_tasks_view_is_syncing (LiaTasksView *self)
{
  g_return_val_if_fail (LIA_IS_TASKS_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

static void
cancel_clicked_cb (LiaTasksView *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
form_send_cb (LiaTasksView *self)
{
  lia_tasks_view_sync (self);
}

/* Queue a requirement (with its steps) or action items, then sync. */
void
lia_tasks_view_send_entity (LiaTasksView *self,
                            LiaEntity    *entity)
{
  g_autoptr(LiaAccount) account = NULL;

  g_return_if_fail (LIA_IS_TASKS_VIEW (self));
  g_return_if_fail (LIA_IS_ENTITY (entity));

  account = current_account (self);
  if (account == NULL)
    {
      lia_show_toast (GTK_WIDGET (self), _("Add a tracker account first (Accounts…)"));
      return;
    }
  if (LIA_IS_REQUIREMENT (entity))
    lia_sync_queue_requirement (self->workspace, LIA_REQUIREMENT (entity),
                                lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE),
                                lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL));
  else if (LIA_IS_MEETING (entity))
    {
      GListModel *items = G_LIST_MODEL (lia_entity_get_list (entity, LIA_MEETING_ACTION_ITEMS));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(LiaEntity) item = g_list_model_get_item (items, i);
          lia_sync_queue (self->workspace, item, lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE),
                          lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL));
        }
    }
  else
    lia_sync_queue (self->workspace, entity, lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE),
                    lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL));
  lia_tasks_view_sync (self);
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

/* ---- accounts ---------------------------------------------------------- */

static char *
account_name (LiaAccount *account)
{
  const char *name = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_NAME);
  const char *service = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE);

  if (*name)
    return g_strdup (name);
  return g_strdup_printf ("%s · %s", lia_choice_get_label (service),
                          lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_PROJECT));
}

/* The chosen account ellipsizes in the bar, so the labelled menu, Accounts
 * and Sync fit a 360 px window; the open menu shows names in full. */
static void
setup_account_label_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_account_label_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  g_autofree char *name = account_name (LIA_ACCOUNT (gtk_list_item_get_item (item)));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), name);
}

static char *
current_account_id (LiaTasksView *self)
{
  g_autoptr(LiaAccount) account = current_account (self);

  return account ? g_strdup (lia_entity_get_id (LIA_ENTITY (account))) : NULL;
}

/* Which view asked, and for which account: the answer may come after the
 * user chose another. */
typedef struct
{
  LiaTasksView *view;
  char         *account_id;
} TypesRequest;

static void
types_request_free (TypesRequest *request)
{
  g_object_unref (request->view);
  g_free (request->account_id);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypesRequest, types_request_free)

static void
types_fetched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TypesRequest) request = user_data;
  LiaTasksView *self = request->view;
  g_autoptr(GPtrArray) types = lia_tracker_list_finish (LIA_TRACKER (source), result, NULL);
  g_autofree char *current = NULL;

  /* Offline or refused: the list from last time stays offered. */
  if (types == NULL || self->types_cache == NULL)
    return;
  g_hash_table_insert (self->types_cache, g_strdup (request->account_id), g_ptr_array_ref (types));
  current = current_account_id (self);
  if (g_strcmp0 (current, request->account_id) != 0)
    return;
  g_clear_pointer (&self->types, g_ptr_array_unref);
  self->types = g_steal_pointer (&types);
  lia_task_form_set_types (self->form, self->types);
}

/* The form offers and checks the account's types: the cached list at
 * once, the tracker's own when it answers. */
static void
account_changed_cb (LiaTasksView *self)
{
  g_autoptr(LiaTracker) tracker = make_tracker (self, NULL);
  g_autofree char *id = current_account_id (self);
  GPtrArray *cached = id ? g_hash_table_lookup (self->types_cache, id) : NULL;

  g_clear_pointer (&self->types, g_ptr_array_unref);
  if (cached != NULL)
    self->types = g_ptr_array_ref (cached);
  lia_task_form_set_types (self->form, self->types);
  if (tracker != NULL && id != NULL)
    {
      TypesRequest *request = g_new0 (TypesRequest, 1);

      request->view = g_object_ref (self);
      request->account_id = g_steal_pointer (&id);
      lia_tracker_list_async (tracker, LIA_TRACKER_LIST_TYPES, NULL, types_fetched_cb, request);
    }
}

static void
accounts_clicked_cb (LiaTasksView *self)
{
  GtkWidget *dialog = lia_accounts_dialog_new (self->workspace);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One row in or out is the list box's business; the page only switches
 * to its empty state, and lets go of a task that left (an undone add). */
static void
tasks_changed_cb (LiaTasksView *self)
{
  update_empty (self);
  if (self->task != NULL && !g_list_store_find (lia_workspace_get_tasks (self->workspace), self->task, NULL))
    {
      select_task (self, NULL);
      lia_split_page_set_show_content (self->split, FALSE);
    }
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
  g_autoptr(GtkExpression) expression = NULL;

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
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (account_name), NULL, NULL);
  gtk_drop_down_set_expression (self->account_drop, expression);
  if (workspace)
    {
      g_autoptr(GtkFilterListModel) trackers =
        gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (lia_workspace_get_accounts (workspace))),
                                   GTK_FILTER (gtk_custom_filter_new (is_tracker_account, NULL, NULL)));
      gtk_drop_down_set_model (self->account_drop, G_LIST_MODEL (trackers));
      g_signal_connect_swapped (lia_workspace_get_tasks (workspace), "items-changed", G_CALLBACK (tasks_changed_cb), self);
      g_signal_connect_swapped (workspace, "notify::read-only", G_CALLBACK (read_only_changed_cb), self);
    }
  else
    gtk_drop_down_set_model (self->account_drop, NULL);
  lia_task_form_set_history (self->form, workspace ? lia_workspace_get_history (workspace) : NULL);
  read_only_changed_cb (self);
  /* Bound once per workspace: from here on the list box adds and removes
   * one row per change. */
  gtk_list_box_bind_model (self->list, workspace ? G_LIST_MODEL (lia_workspace_get_tasks (workspace)) : NULL,
                           create_row, self, NULL);
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
  account = current_account (self);

  /* The file holds only tasks with a project, a type and a summary, so a
   * new one starts with all three; the summary is selected for typing. */
  if (account != NULL)
    project = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_PROJECT);
  if (project == NULL || *project == '\0')
    project = lia_workspace_get_title (self->workspace);
  if (project == NULL || *project == '\0')
    project = _("Project");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, project);
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, _("Story"));
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, _("New task"));
  if (!lia_history_try_insert (lia_workspace_get_history (self->workspace), tasks,
                               g_list_model_get_n_items (G_LIST_MODEL (tasks)), LIA_ENTITY (task), &error))
    {
      lia_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  select_task (self, task);
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

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->workspace)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_tasks (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TASKS_VIEW);
  g_clear_object (&self->workspace);
  g_clear_object (&self->task);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->types_cache, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/tasks/lia-tasks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, box);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, list);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, form);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, account_drop);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, sync_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaTasksView, progress);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, accounts_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, lia_tasks_view_sync);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_send_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_resolve_cb);
}

static void
lia_tasks_view_init (LiaTasksView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->types_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_account_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_account_label_cb), NULL);
  gtk_drop_down_set_factory (self->account_drop, factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_account_label_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_account_label_cb), NULL);
  gtk_drop_down_set_list_factory (self->account_drop, list_factory);
  update_empty (self);
}

GtkListBox *
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
