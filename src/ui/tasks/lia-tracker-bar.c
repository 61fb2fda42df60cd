/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiaTrackerBar: the Tasks page's tracker menu, Accounts…, Sync, and the
 * progress of a running sync with its Cancel. */
#define G_LOG_DOMAIN "lia-tracker-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-accounts-dialog.h"
#include "lia-credentials.h"
#include "lia-toast.h"
#include "lia-tracker-bar.h"
#include "lia-wait-notice.h"

struct _LiaTrackerBar
{
  GtkWidget       parent_instance;

  LiaWorkspace   *workspace;
  GCancellable   *cancellable;    /* the running sync */
  GPtrArray      *types;          /* fetched from the tracker, or NULL */
  GHashTable     *types_cache;    /* account id → its tracker's last list of types */

  GtkWidget      *box;
  GtkDropDown    *account_drop;
  GtkButton      *sync_button;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress;
};

G_DEFINE_FINAL_TYPE (LiaTrackerBar, lia_tracker_bar, GTK_TYPE_WIDGET)

enum
{
  SYNCED,
  TYPES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The tracker account chosen in the menu, or NULL. */
LiaAccount *
lia_tracker_bar_dup_account (LiaTrackerBar *self)
{
  gpointer item;

  g_return_val_if_fail (LIA_IS_TRACKER_BAR (self), NULL);

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

static LiaTracker *
make_tracker (LiaTrackerBar *self,
              GError      **error)
{
  g_autoptr(LiaAccount) account = lia_tracker_bar_dup_account (self);
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
  LiaTrackerBar *self = user_data;
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
  g_autoptr(LiaTrackerBar) self = user_data;
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
  g_signal_emit (self, signals[SYNCED], 0, report);
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
lia_tracker_bar_sync (LiaTrackerBar *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaTracker) tracker = NULL;

  g_return_if_fail (LIA_IS_TRACKER_BAR (self));

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
lia_tracker_bar_is_syncing (LiaTrackerBar *self)
{
  g_return_val_if_fail (LIA_IS_TRACKER_BAR (self), FALSE);

  return self->cancellable != NULL;
}

static void
cancel_clicked_cb (LiaTrackerBar *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

/* Queue a requirement (with its steps) or action items, then sync. */
void
lia_tracker_bar_send_entity (LiaTrackerBar *self,
                            LiaEntity    *entity)
{
  g_autoptr(LiaAccount) account = NULL;

  g_return_if_fail (LIA_IS_TRACKER_BAR (self));
  g_return_if_fail (LIA_IS_ENTITY (entity));

  account = lia_tracker_bar_dup_account (self);
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
  lia_tracker_bar_sync (self);
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
current_account_id (LiaTrackerBar *self)
{
  g_autoptr(LiaAccount) account = lia_tracker_bar_dup_account (self);

  return account ? g_strdup (lia_entity_get_id (LIA_ENTITY (account))) : NULL;
}

/* Which view asked, and for which account: the answer may come after the
 * user chose another. */
typedef struct
{
  LiaTrackerBar *view;
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
  LiaTrackerBar *self = request->view;
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
  g_signal_emit (self, signals[TYPES_CHANGED], 0);
}

/* The form offers and checks the account's types: the cached list at
 * once, the tracker's own when it answers. */
static void
account_changed_cb (LiaTrackerBar *self)
{
  g_autoptr(LiaTracker) tracker = make_tracker (self, NULL);
  g_autofree char *id = current_account_id (self);
  GPtrArray *cached = id ? g_hash_table_lookup (self->types_cache, id) : NULL;

  g_clear_pointer (&self->types, g_ptr_array_unref);
  if (cached != NULL)
    self->types = g_ptr_array_ref (cached);
  g_signal_emit (self, signals[TYPES_CHANGED], 0);
  if (tracker != NULL && id != NULL)
    {
      TypesRequest *request = g_new0 (TypesRequest, 1);

      request->view = g_object_ref (self);
      request->account_id = g_steal_pointer (&id);
      lia_tracker_list_async (tracker, LIA_TRACKER_LIST_TYPES, NULL, types_fetched_cb, request);
    }
}

static void
accounts_clicked_cb (LiaTrackerBar *self)
{
  GtkWidget *dialog = lia_accounts_dialog_new (self->workspace);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The tracker's issue types for the chosen account, or NULL while unknown. */
GPtrArray *
lia_tracker_bar_get_types (LiaTrackerBar *self)
{
  g_return_val_if_fail (LIA_IS_TRACKER_BAR (self), NULL);

  return self->types;
}

void
lia_tracker_bar_set_workspace (LiaTrackerBar *self,
                               LiaWorkspace  *workspace)
{
  g_autoptr(GtkExpression) expression = NULL;

  g_return_if_fail (LIA_IS_TRACKER_BAR (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  g_set_object (&self->workspace, workspace);
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
}

static void
lia_tracker_bar_dispose (GObject *object)
{
  LiaTrackerBar *self = LIA_TRACKER_BAR (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TRACKER_BAR);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->types_cache, g_hash_table_unref);
  G_OBJECT_CLASS (lia_tracker_bar_parent_class)->dispose (object);
}

static void
lia_tracker_bar_class_init (LiaTrackerBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_tracker_bar_dispose;

  /* A sync finished (not failed to start); the argument is its
   * LiaSyncReport, before the bar tells the user. */
  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* The chosen account's issue types are known, or changed. */
  signals[TYPES_CHANGED] = g_signal_new ("types-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/tasks/lia-tracker-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTrackerBar, box);
  gtk_widget_class_bind_template_child (widget_class, LiaTrackerBar, account_drop);
  gtk_widget_class_bind_template_child (widget_class, LiaTrackerBar, sync_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTrackerBar, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaTrackerBar, progress);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, accounts_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, lia_tracker_bar_sync);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
lia_tracker_bar_init (LiaTrackerBar *self)
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
}
