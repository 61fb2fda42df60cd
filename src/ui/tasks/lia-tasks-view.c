/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-tasks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-accounts-dialog.h"
#include "lia-credentials.h"
#include "lia-date-picker.h"
#include "lia-field-binding.h"
#include "lia-model.h"
#include "lia-sync.h"
#include "lia-tasks-view.h"
#include "lia-wait-notice.h"
#include "lia-toast.h"

/* The Tasks page: the workspace's tasks with status, tracker key and sync
 * state beside a Jira-style form (the seed's fields), checked before
 * anything is sent.  Sync runs on a worker thread with a progress bar and
 * Cancel; conflicts open a dialog that lets the user choose per field. */

struct _LiaTasksView
{
  AdwBin        parent_instance;

  LiaWorkspace *workspace;
  LiaTask      *task;
  GPtrArray    *bound;          /* the form's widgets, each with its LiaFieldBinding */

  AdwLeaflet   *leaflet;
  GtkListBox   *list;
  GtkStack     *list_stack;
  GtkWidget    *form_page;
  GtkStack     *form_stack;
  GtkDropDown  *account_drop;
  GtkButton    *sync_button;
  GtkRevealer  *progress_revealer;
  GtkProgressBar *progress;
  GtkLabel     *problem_label;
  GtkWidget    *remote_group;
  GtkLinkButton *remote_link;
  GtkLabel     *remote_state;
  GtkButton    *resolve_button;

  AdwEntryRow  *project_row;
  AdwEntryRow  *type_row;
  AdwEntryRow  *summary_row;
  GtkTextView  *description_view;
  AdwComboRow  *priority_row;
  AdwEntryRow  *assignee_row;
  AdwEntryRow  *due_row;
  AdwEntryRow  *epic_row;
  AdwEntryRow  *labels_row;

  GCancellable *cancellable;
  GPtrArray    *types;          /* fetched from the tracker, or NULL */
  GHashTable   *types_cache;    /* account id → its tracker's last list of types */
  GtkMenuButton *type_button;   /* offers @types beside the typed Issue type */
  GtkListBox   *type_list;
  GHashTable   *notes;          /* task id → what the tracker did not take at the last sync */
};

G_DEFINE_FINAL_TYPE (LiaTasksView, lia_tasks_view, ADW_TYPE_BIN)

static void load_form (LiaTasksView *self);

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
  LiaEntity *task = item;
  LiaRemoteRef *ref = lia_entity_get_remote (task);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *state = sync_state_text (self, task);
  g_autofree char *subtitle = NULL;
  const char *key = ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) : "";
  const char *summary = lia_entity_get_string (task, LIA_TASK_SUMMARY);

  subtitle = g_strdup_printf ("%s · %s", lia_choice_get_label (lia_entity_get_string (task, LIA_TASK_STATUS)), state);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *summary ? summary : _("Untitled task"));
  /* The list follows the summary as it is typed in the form. */
  g_object_bind_property (task, lia_entity_get_field_pspec (task, LIA_TASK_SUMMARY)->name, row, "title", G_BINDING_DEFAULT);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (*key)
    {
      GtkWidget *link = gtk_link_button_new_with_label (lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL), key);
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      /* Translators: %s is an issue key such as VLLM-12 */
      g_autofree char *tip = g_strdup_printf (_("Open %s in the browser"), key);
      gtk_widget_set_tooltip_text (link, tip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "task", g_object_ref (task), g_object_unref);
  return row;
}

static void
refresh_list (LiaTasksView *self)
{
  GListModel *tasks = self->workspace ? G_LIST_MODEL (lia_workspace_get_tasks (self->workspace)) : NULL;

  gtk_list_box_bind_model (self->list, tasks, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    tasks && g_list_model_get_n_items (tasks) > 0 ? "list" : "empty");
}

static void
select_task (LiaTasksView *self,
             LiaTask      *task)
{
  g_set_object (&self->task, task);
  load_form (self);
  adw_leaflet_set_visible_child (self->leaflet, self->form_page);
}

static void
row_activated_cb (LiaTasksView  *self,
                  GtkListBoxRow *row)
{
  select_task (self, g_object_get_data (G_OBJECT (row), "task"));
}

/* ---- the form ---------------------------------------------------------- */

static void
load_form (LiaTasksView *self)
{
  LiaEntity *task = LIA_ENTITY (self->task);
  LiaRemoteRef *ref;
  LiaOutboxOp *op;
  g_autofree char *state = NULL;

  for (guint i = 0; i < self->bound->len; i++)
    {
      LiaFieldBinding *binding = lia_field_binding_get (self->bound->pdata[i]);

      lia_field_binding_set_history (binding, self->workspace ? lia_workspace_get_history (self->workspace) : NULL);
      lia_field_binding_set_entity (binding, task);
      lia_field_binding_set_read_only (binding, self->workspace == NULL || lia_workspace_get_read_only (self->workspace));
    }
  gtk_stack_set_visible_child_name (self->form_stack, task ? "form" : "empty");
  if (task == NULL)
    return;

  ref = lia_entity_get_remote (task);
  op = lia_sync_find_op (self->workspace, lia_entity_get_id (task));
  state = sync_state_text (self, task);
  gtk_label_set_text (self->remote_state, state);
  if (ref != NULL && *lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY))
    {
      gtk_link_button_set_uri (self->remote_link, lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL));
      gtk_button_set_label (GTK_BUTTON (self->remote_link), lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY));
      gtk_widget_set_visible (GTK_WIDGET (self->remote_link), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->remote_link), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button),
                          op != NULL && g_str_equal (lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE), "conflict"));
  gtk_label_set_text (self->problem_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
}

/* Every problem with the form, named by its field, before anything is sent. */
gboolean
lia_tasks_view_validate (LiaTasksView  *self,
                         char         **problem)
{
  g_autoptr(GString) out = g_string_new (NULL);
  LiaEntity *task = LIA_ENTITY (self->task);
  g_autofree char *summary = NULL;
  const char *type;

  if (task == NULL)
    {
      *problem = g_strdup (_("No task selected"));
      return FALSE;
    }
  /* What the fields refused is not in the task, but it is what the user
   * sees and would send: name it first, in core's words. */
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkWidget *widget = self->bound->pdata[i];
      const char *error = lia_field_binding_get_error (lia_field_binding_get (widget));
      const char *title = ADW_IS_PREFERENCES_ROW (widget) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))
                                                          : _("Description");

      if (error != NULL)
        /* Translators: a form field's title, then what is wrong with it */
        g_string_append_printf (out, _("%s: %s\n"), title, error);
    }
  summary = g_strstrip (g_strdup (lia_entity_get_string (task, LIA_TASK_SUMMARY)));
  if (summary[0] == '\0' && lia_field_binding_get_error (lia_field_binding_get (GTK_WIDGET (self->summary_row))) == NULL)
    {
      g_string_append_printf (out, "%s\n", _("Summary: required"));
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_row), "error");
    }
  type = lia_entity_get_string (task, LIA_TASK_TYPE);
  if (self->types != NULL && self->types->len > 0 &&
           !g_ptr_array_find_with_equal_func (self->types, type, g_str_equal, NULL))
    {
      g_autoptr(GString) names = g_string_new (NULL);
      for (guint i = 0; i < self->types->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", (char *) self->types->pdata[i]);
      /* Translators: %s is a type typed by the user, then the tracker's list */
      g_string_append_printf (out, _("Issue type: the tracker has no type “%s” (it has %s)\n"), type, names->str);
    }
  if (out->len > 0)
    {
      g_string_truncate (out, out->len - 1);
      *problem = g_string_free (g_steal_pointer (&out), FALSE);
      return FALSE;
    }
  *problem = NULL;
  return TRUE;
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
  refresh_list (self);
  load_form (self);
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
  return self->cancellable != NULL;
}

static void
cancel_clicked_cb (LiaTasksView *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

/* Problems shown after Send follow the form: a field put right loses its
 * mark and its line at once, and the list goes when nothing is left. */
static void
refresh_problems (LiaTasksView *self)
{
  g_autofree char *problem = NULL;
  LiaFieldBinding *summary;

  if (self->task == NULL)
    return;
  summary = lia_field_binding_get (GTK_WIDGET (self->summary_row));
  /* The "required" mark is the form's own, not the binding's. */
  if (lia_field_binding_get_error (summary) == NULL &&
      *lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_SUMMARY) != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_row), "error");
  if (!gtk_widget_get_visible (GTK_WIDGET (self->problem_label)))
    return;
  if (lia_tasks_view_validate (self, &problem))
    gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  else
    gtk_label_set_text (self->problem_label, problem);
}

static void
send_clicked_cb (LiaTasksView *self)
{
  g_autofree char *problem = NULL;

  if (!lia_tasks_view_validate (self, &problem))
    {
      gtk_label_set_text (self->problem_label, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  lia_tasks_view_sync (self);
}

/* Queue a requirement (with its steps) or action items, then sync. */
void
lia_tasks_view_send_entity (LiaTasksView *self,
                            LiaEntity    *entity)
{
  g_autoptr(LiaAccount) account = current_account (self);

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
resolve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LiaTasksView     *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  gboolean take[LIA_SYNC_N_FIELDS] = { FALSE };
  g_autoptr(GError) error = NULL;
  LiaOutboxOp *op;

  if (!g_str_equal (response, "apply") || self->task == NULL)
    return;
  op = lia_sync_find_op (self->workspace, lia_entity_get_id (LIA_ENTITY (self->task)));
  if (op == NULL)
    return;
  for (guint i = 0; i < checks->len && i < LIA_SYNC_N_FIELDS; i++)
    take[i] = gtk_check_button_get_active (checks->pdata[i]);
  if (!lia_sync_resolve_conflict (self->workspace, op, take, &error))
    lia_show_toast (GTK_WIDGET (self), error->message);
  else
    lia_show_undo_toast (GTK_WIDGET (self), _("Conflict resolved; the next sync sends your choice"));
  load_form (self);
  refresh_list (self);
}

static void
resolve_clicked_cb (LiaTasksView *self)
{
  static const char *names[] = { N_("Summary"), N_("Description"), N_("Priority"), N_("Assignee"), N_("Due date") };
  LiaOutboxOp *op = self->task ? lia_sync_find_op (self->workspace, lia_entity_get_id (LIA_ENTITY (self->task))) : NULL;
  g_autoptr(LiaIssue) remote = NULL;
  g_autoptr(LiaIssue) local = NULL;
  GtkWidget *dialog, *box;
  GPtrArray *checks;

  if (op == NULL)
    return;
  remote = lia_issue_from_json (lia_entity_get_json (LIA_ENTITY (op), LIA_OUTBOX_OP_REMOTE));
  local = lia_sync_issue_for_entity (self->workspace, LIA_ENTITY (self->task));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Changed Here and in the Tracker"),
                                   _("Both sides changed since the last sync. For each field, tick the tracker’s value to take it; "
                                     "the others keep yours. Nothing is sent until the next sync."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  checks = g_ptr_array_new ();
  for (guint f = 0; f < LIA_SYNC_N_FIELDS; f++)
    {
      const char *mine = lia_sync_field_value (local, f);
      const char *theirs = lia_sync_field_value (remote, f);
      g_autofree char *text = g_strdup_printf (_("%s — here: “%.80s” · tracker: “%.80s”"), _(names[f]), mine, theirs);
      GtkWidget *check = gtk_check_button_new_with_label (text);

      gtk_widget_set_sensitive (check, g_strcmp0 (mine, theirs) != 0);
      gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (check)), TRUE);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (checks, check);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply Choice"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (resolve_response_cb), self);
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

static void
type_chosen_cb (LiaTasksView  *self,
                GtkListBoxRow *choice)
{
  /* Through the entry: one undoable edit, checked like typing. */
  gtk_editable_set_text (GTK_EDITABLE (self->type_row), g_object_get_data (G_OBJECT (choice), "type"));
  gtk_menu_button_popdown (self->type_button);
}

/* The tracker's types beside the Issue type field; typing another name
 * is still allowed (the check before sending names the known ones). */
static void
show_types (LiaTasksView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->type_list))) != NULL)
    gtk_list_box_remove (self->type_list, child);
  for (guint i = 0; self->types != NULL && i < self->types->len; i++)
    {
      GtkWidget *label = gtk_label_new (self->types->pdata[i]);
      GtkWidget *choice = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (choice), label);
      g_object_set_data_full (G_OBJECT (choice), "type", g_strdup (self->types->pdata[i]), g_free);
      gtk_list_box_append (self->type_list, choice);
    }
  /* Out of the row when there is nothing to offer: a hidden suffix would
   * still shift the row's edit icon out of line with the others. */
  if (self->types != NULL && self->types->len > 0)
    {
      if (gtk_widget_get_parent (GTK_WIDGET (self->type_button)) == NULL)
        adw_entry_row_add_suffix (self->type_row, GTK_WIDGET (self->type_button));
    }
  else if (gtk_widget_get_parent (GTK_WIDGET (self->type_button)) != NULL)
    adw_entry_row_remove (self->type_row, GTK_WIDGET (self->type_button));
}

static char *
current_account_id (LiaTasksView *self)
{
  g_autoptr(LiaAccount) account = current_account (self);

  return account ? g_strdup (lia_entity_get_id (LIA_ENTITY (account))) : NULL;
}

static void
types_fetched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiaTasksView) self = user_data;
  g_autoptr(GPtrArray) types = lia_tracker_list_finish (LIA_TRACKER (source), result, NULL);
  const char *for_account = g_object_get_data (source, "lia-account-id");
  g_autofree char *current = NULL;

  /* Offline or refused: the list from last time stays offered. */
  if (types == NULL || self->types_cache == NULL || for_account == NULL)
    return;
  g_hash_table_insert (self->types_cache, g_strdup (for_account), g_ptr_array_ref (types));
  current = current_account_id (self);
  if (g_strcmp0 (current, for_account) != 0)
    return;
  g_clear_pointer (&self->types, g_ptr_array_unref);
  self->types = g_steal_pointer (&types);
  show_types (self);
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
  show_types (self);
  if (tracker != NULL && id != NULL)
    {
      g_object_set_data_full (G_OBJECT (tracker), "lia-account-id", g_steal_pointer (&id), g_free);
      lia_tracker_list_async (tracker, LIA_TRACKER_LIST_TYPES, NULL, types_fetched_cb, g_object_ref (self));
    }
}

static void
accounts_clicked_cb (LiaTasksView *self)
{
  GtkWidget *dialog = lia_accounts_dialog_new (self->workspace);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tasks_changed_cb (LiaTasksView *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_tasks (self->workspace))) > 0
                                    ? "list" : "empty");
}

void
lia_tasks_view_set_workspace (LiaTasksView *self,
                              LiaWorkspace *workspace)
{
  g_autoptr(GtkExpression) expression = NULL;

  g_return_if_fail (LIA_IS_TASKS_VIEW (self));

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_tasks (self->workspace), self);
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->task);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (account_name), NULL, NULL);
  gtk_drop_down_set_expression (self->account_drop, expression);
  if (workspace)
    {
      g_autoptr(GtkFilterListModel) trackers =
        gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (lia_workspace_get_accounts (workspace))),
                                   GTK_FILTER (gtk_custom_filter_new (is_tracker_account, NULL, NULL)));
      gtk_drop_down_set_model (self->account_drop, G_LIST_MODEL (trackers));
    }
  else
    gtk_drop_down_set_model (self->account_drop, NULL);
  if (workspace)
    g_signal_connect_swapped (lia_workspace_get_tasks (workspace), "items-changed", G_CALLBACK (tasks_changed_cb), self);
  refresh_list (self);
  load_form (self);
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
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
  gtk_editable_select_region (GTK_EDITABLE (self->summary_row), 0, -1);
}

static void
delete_clicked_cb (LiaTasksView *self)
{
  GListStore *tasks = lia_workspace_get_tasks (self->workspace);
  guint position;

  if (self->task && g_list_store_find (tasks, self->task, &position))
    {
      lia_history_remove (lia_workspace_get_history (self->workspace), tasks, position);
      g_clear_object (&self->task);
      load_form (self);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      lia_show_undo_toast (GTK_WIDGET (self), _("Task deleted"));
    }
}

/* ---- construction ------------------------------------------------------ */

static AdwEntryRow *
entry_row (LiaTasksView *self,
           GtkWidget    *group,
           const char   *title,
           guint         field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  lia_bind_entry (GTK_EDITABLE (row), NULL, NULL, field);
  g_signal_connect_object (lia_field_binding_get (row), "notify::error", G_CALLBACK (refresh_problems), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "changed", G_CALLBACK (refresh_problems), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_ptr_array_add (self->bound, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static void
lia_tasks_view_dispose (GObject *object)
{
  LiaTasksView *self = LIA_TASKS_VIEW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_tasks (self->workspace), self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->task);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->types_cache, g_hash_table_unref);
  g_clear_object (&self->type_button);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_ptr_array_unref);
  G_OBJECT_CLASS (lia_tasks_view_parent_class)->dispose (object);
}

static void
lia_tasks_view_class_init (LiaTasksViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lia_tasks_view_dispose;
}

static void
lia_tasks_view_init (LiaTasksView *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *accounts = gtk_button_new_with_mnemonic (_("_Accounts…"));
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *add_first;
  GtkWidget *form_scroll = gtk_scrolled_window_new ();
  GtkWidget *form_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *remote_group = adw_preferences_group_new ();
  GtkWidget *description_frame = gtk_frame_new (NULL);
  GtkWidget *description_label = gtk_label_new (_("Description (Markdown)"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *send = gtk_button_new_with_mnemonic (_("_Send to Tracker"));
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Task"));
  GtkWidget *danger = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Translators: the label of the menu of tracker accounts on the Tasks page */
  GtkWidget *tracker_label = gtk_label_new_with_mnemonic (_("_Tracker"));
  GtkWidget *type_scroll = gtk_scrolled_window_new ();
  GtkWidget *type_popover = gtk_popover_new ();
  GtkWidget *form_empty = adw_status_page_new ();
  GtkWidget *remote_row = adw_action_row_new ();

  self->bound = g_ptr_array_new ();
  self->types_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  /* toolbar: account, accounts, sync */
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->account_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->account_drop), TRUE);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_account_label_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_account_label_cb), NULL);
    gtk_drop_down_set_factory (self->account_drop, factory);
    g_signal_connect (list_factory, "setup", G_CALLBACK (setup_account_label_cb), NULL);
    g_signal_connect (list_factory, "bind", G_CALLBACK (bind_account_label_cb), NULL);
    gtk_drop_down_set_list_factory (self->account_drop, list_factory);
    g_object_unref (factory);
    g_object_unref (list_factory);
  }
  /* Said on screen, not only to screen readers: the menu is where tasks
   * go, and Alt+T reaches it. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (tracker_label), GTK_WIDGET (self->account_drop));
  gtk_widget_add_css_class (tracker_label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tracker account"), -1);
  g_signal_connect_swapped (self->account_drop, "notify::selected", G_CALLBACK (account_changed_cb), self);
  self->sync_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("S_ync")));
  gtk_widget_add_css_class (GTK_WIDGET (self->sync_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_button), _("Send changes and bring back status (F5)"));
  g_signal_connect_swapped (self->sync_button, "clicked", G_CALLBACK (lia_tasks_view_sync), self);
  g_signal_connect_swapped (accounts, "clicked", G_CALLBACK (accounts_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), tracker_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->account_drop));
  gtk_box_append (GTK_BOX (bar), accounts);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sync_button));
  gtk_box_append (GTK_BOX (outer), bar);

  /* progress */
  self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sync progress"), -1);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_widget_set_margin_start (progress_box, 12);
  gtk_widget_set_margin_end (progress_box, 12);
  gtk_widget_set_margin_bottom (progress_box, 6);
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (progress_box), cancel);
  gtk_revealer_set_child (self->progress_revealer, progress_box);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->progress_revealer));

  /* list | form */
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->leaflet), TRUE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tasks"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "object-select-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Tasks"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Add a task, or send a requirement’s steps from the Requirements page."));
  /* Besides the header's +, an empty page offers its first add in place. */
  add_first = gtk_button_new_with_mnemonic (_("_Add Task"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_first), "win.add");
  gtk_widget_set_halign (add_first, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_first, "pill");
  gtk_widget_add_css_class (add_first, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), add_first);
  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->list_stack, list_scroll, "list");
  gtk_stack_add_named (self->list_stack, empty, "empty");
  gtk_widget_set_size_request (GTK_WIDGET (self->list_stack), 300, -1);
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->list_stack));

  self->summary_row = NULL;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Task"));
  self->project_row = entry_row (self, group, _("Project"), LIA_TASK_PROJECT);
  self->type_row = entry_row (self, group, _("Issue type"), LIA_TASK_TYPE);
  self->type_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->type_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->type_list), "menu");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Issue types"), -1);
  g_signal_connect_swapped (self->type_list, "row-activated", G_CALLBACK (type_chosen_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (type_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (type_scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (type_scroll), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (type_scroll), GTK_WIDGET (self->type_list));
  gtk_popover_set_child (GTK_POPOVER (type_popover), type_scroll);
  self->type_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->type_button, "pan-down-symbolic");
  gtk_menu_button_set_popover (self->type_button, type_popover);
  gtk_widget_set_valign (GTK_WIDGET (self->type_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->type_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_button), _("Tracker’s Issue Types"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tracker’s Issue Types"), -1);
  /* Held here: it joins the row only while the tracker's types are known. */
  g_object_ref_sink (self->type_button);
  self->summary_row = entry_row (self, group, _("Summary"), LIA_TASK_SUMMARY);
  self->priority_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->priority_row), _("Priority"));
  lia_bind_choice (GTK_WIDGET (self->priority_row), NULL, NULL, LIA_TASK_PRIORITY);
  g_ptr_array_add (self->bound, self->priority_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->priority_row));
  self->assignee_row = entry_row (self, group, _("Assignee"), LIA_TASK_ASSIGNEE);
  self->due_row = entry_row (self, group, _("Due date"), LIA_TASK_DUE);
  /* Typed in the locale's usual forms too; the file keeps YYYY-MM-DD. */
  lia_field_binding_set_parse (lia_field_binding_get (GTK_WIDGET (self->due_row)), lia_parse_user_date, NULL);
  adw_entry_row_add_suffix (self->due_row, lia_date_picker_new (GTK_EDITABLE (self->due_row), FALSE));
  self->epic_row = entry_row (self, group, _("Epic (name or key)"), LIA_TASK_EPIC);
  self->labels_row = entry_row (self, group, _("Labels (comma-separated)"), LIA_TASK_LABELS);

  self->description_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->description_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->description_view, 8);
  gtk_text_view_set_bottom_margin (self->description_view, 8);
  gtk_text_view_set_left_margin (self->description_view, 8);
  gtk_text_view_set_right_margin (self->description_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->description_view), -1, 140);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->description_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Description"), -1);
  lia_bind_text_view (self->description_view, NULL, NULL, LIA_TASK_DESCRIPTION);
  g_ptr_array_add (self->bound, self->description_view);
  gtk_frame_set_child (GTK_FRAME (description_frame), GTK_WIDGET (self->description_view));
  gtk_widget_add_css_class (description_frame, "view");
  gtk_label_set_xalign (GTK_LABEL (description_label), 0);
  gtk_widget_add_css_class (description_label, "heading");

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  gtk_widget_add_css_class (send, "suggested-action");
  gtk_widget_add_css_class (delete, "destructive-action");
  g_signal_connect_swapped (send, "clicked", G_CALLBACK (send_clicked_cb), self);
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), send);
  /* Deleting is kept apart from sending, at the end of the form, so a
   * slip of the pointer or of Tab never meets it next to Send. */
  gtk_widget_set_halign (danger, GTK_ALIGN_END);
  gtk_widget_set_margin_top (danger, 12);
  gtk_box_append (GTK_BOX (danger), delete);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (remote_group), _("In the Tracker"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remote_row), _("Sync state"));
  self->remote_state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->remote_state, TRUE);
  self->remote_link = GTK_LINK_BUTTON (gtk_link_button_new (""));
  gtk_widget_set_valign (GTK_WIDGET (self->remote_link), GTK_ALIGN_CENTER);
  self->resolve_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Resolve Conflict…")));
  gtk_widget_set_valign (GTK_WIDGET (self->resolve_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->resolve_button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remote_row), GTK_WIDGET (self->remote_state));
  adw_action_row_add_suffix (ADW_ACTION_ROW (remote_row), GTK_WIDGET (self->remote_link));
  adw_action_row_add_suffix (ADW_ACTION_ROW (remote_row), GTK_WIDGET (self->resolve_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (remote_group), remote_row);
  self->remote_group = remote_group;

  gtk_widget_set_margin_top (form_box, 18);
  gtk_widget_set_margin_bottom (form_box, 18);
  gtk_widget_set_margin_start (form_box, 12);
  gtk_widget_set_margin_end (form_box, 12);
  gtk_box_append (GTK_BOX (form_box), group);
  gtk_box_append (GTK_BOX (form_box), description_label);
  gtk_box_append (GTK_BOX (form_box), description_frame);
  gtk_box_append (GTK_BOX (form_box), GTK_WIDGET (self->problem_label));
  gtk_box_append (GTK_BOX (form_box), buttons);
  gtk_box_append (GTK_BOX (form_box), remote_group);
  gtk_box_append (GTK_BOX (form_box), danger);
  adw_clamp_set_child (ADW_CLAMP (clamp), form_box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (form_scroll), clamp);
  gtk_widget_set_hexpand (form_scroll, TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (form_empty), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (form_empty), _("No Task Selected"));
  self->form_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->form_stack, form_scroll, "form");
  gtk_stack_add_named (self->form_stack, form_empty, "empty");
  self->form_page = GTK_WIDGET (self->form_stack);
  adw_leaflet_append (self->leaflet, self->form_page);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->leaflet));

  adw_bin_set_child (ADW_BIN (self), outer);
}
