/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-accounts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-services.h"
#include "lia-accounts-dialog.h"
#include "lia-chat.h"
#include "lia-credentials.h"
#include "lia-model.h"
#include "lia-sync.h"
#include "lia-tracker.h"
#include "lia-wiki.h"
#include "lia-text-list.h"

/* Tracker and wiki accounts, in the manner of GNOME Online Accounts: a
 * list of accounts; "Add Account" picks a service, then a form with only
 * that service's fields and a word on where its token comes from and
 * what it must be allowed to do (the same permissions docs/sync.md
 * lists).  Service, address, project and user live in the workspace; the
 * token goes to the keyring.  "Test Connection" reads the project's issue
 * types (or the space's pages) and says in plain words what failed.
 * A chat (Slack, Teams, Discord, Mattermost) takes a name and its
 * incoming webhook's address, which is a secret: masked, checked before
 * saving, kept in the keyring in the token's place, and only the server's
 * address in the file.  Chats get no connection test, since the only
 * test a webhook has is a message in the channel.
 *
 * Three pages in a GtkStack rather than an AdwLeaflet: libadwaita 1.2 has
 * no navigation view, and a stack keeps Escape ("back, then close")
 * simple and predictable.  Three pages and the connection test keep this
 * one window a little over 600 lines; the service table is apart, in
 * lia-account-services.c. */

struct _LiaAccountsDialog
{
  AdwWindow            parent_instance;

  LiaWorkspace        *workspace;
  const LiaAccountService *info;       /* the form's service */
  LiaAccount          *account;        /* being edited, or NULL for a new one */
  GCancellable        *cancellable;    /* the running connection test */
  GtkWidget           *service_rows[LIA_N_ACCOUNT_SERVICES];

  AdwToastOverlay     *toasts;
  GtkStack            *stack;          /* "list", "services", "form" */
  GtkStack            *list_stack;     /* "empty", "list" */
  GtkListBox          *list;
  GtkWidget           *add_button;
  AdwPreferencesGroup *services_group;

  AdwWindowTitle      *form_title;
  GtkButton           *save_button;
  AdwPreferencesGroup *help_group;
  GtkWidget           *token_link_row;  /* a reference of our own: in the help group only when there is a page */
  AdwPreferencesGroup *fields_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *url_row;
  AdwEntryRow         *project_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *token_row;
  AdwEntryRow         *epic_row;
  GtkWidget           *milestones_row;
  GtkSwitch           *milestones_switch;
  GtkSpinner          *spinner;
  GtkWidget           *connection_row;
  GtkWidget           *test_button;
  GtkLabel            *result;
  GtkWidget           *remove_group;
};

G_DEFINE_FINAL_TYPE (LiaAccountsDialog, lia_accounts_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A row the service does not take is hidden, and says nothing. */
static const char *
row_text (gpointer row)
{
  return gtk_widget_get_visible (GTK_WIDGET (row)) ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

static void
set_result (LiaAccountsDialog *self,
            const char        *text,
            const char        *css_class)
{
  gtk_label_set_text (self->result, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result), text != NULL && *text != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (self->result), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result), "success");
  if (css_class)
    gtk_widget_add_css_class (GTK_WIDGET (self->result), css_class);
}

static void
cancel_test (LiaAccountsDialog *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (self->test_button, TRUE);
}

/* ---- the list of accounts ---- */

static void show_form (LiaAccountsDialog *self, const char *service, LiaAccount *account);

static void
update_account_row (LiaEntity *account,
                    GParamSpec *pspec,
                    GtkWidget  *row)
{
  const char *name = lia_entity_get_string (account, LIA_ACCOUNT_NAME);
  const char *service = lia_choice_get_label (lia_entity_get_string (account, LIA_ACCOUNT_SERVICE));
  const char *url = lia_entity_get_string (account, LIA_ACCOUNT_URL);
  g_autofree char *subtitle = NULL;

  /* Translators: an account's service and address, e.g. "GitHub · https://api.github.com" */
  subtitle = *url ? g_strdup_printf (_("%s · %s"), service, url) : g_strdup (service);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name ? name : service);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

/* The list is bound to the accounts: the row's place is the account's. */
static void
account_activated_cb (LiaAccountsDialog *self,
                      GtkListBoxRow     *row)
{
  g_autoptr(LiaAccount) account =
    g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_accounts (self->workspace)), gtk_list_box_row_get_index (row));

  if (account != NULL)
    show_form (self, lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE), account);
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* A renamed account shows its new name in its own row. */
  update_account_row (item, NULL, row);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_account_row), row, 0);
  g_signal_connect_object (row, "activated", G_CALLBACK (account_activated_cb), user_data, G_CONNECT_SWAPPED);
  return row;
}

static void
update_empty (LiaAccountsDialog *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_accounts (self->workspace))) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
  gtk_widget_set_visible (self->add_button, !empty);
}

static void
show_list (LiaAccountsDialog *self)
{
  cancel_test (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
show_services (LiaAccountsDialog *self)
{
  cancel_test (self);
  gtk_stack_set_visible_child_name (self->stack, "services");
}

/* Escape (and the back button) goes one page back; on the list it closes. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaAccountsDialog *self = LIA_ACCOUNTS_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "form") == 0 && self->account == NULL)
    show_services (self);
  else if (g_strcmp0 (page, "list") != 0)
    show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- the form ---- */

static char *
form_token (LiaAccountsDialog *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  if (*typed)
    return g_strdup (typed);
  return self->account ? lia_credentials_lookup (lia_entity_get_id (LIA_ENTITY (self->account))) : NULL;
}

/* A connection test's answer may come after the form was left or the
 * window closed: the request was cancelled then, and the answer dropped.
 * The request does not keep the window alive. */
typedef struct
{
  GWeakRef      self;
  GCancellable *cancellable;
} TestRequest;

static void
test_request_free (TestRequest *request)
{
  g_weak_ref_clear (&request->self);
  g_object_unref (request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestRequest, test_request_free)

static TestRequest *
test_request_new (LiaAccountsDialog *self)
{
  TestRequest *request = g_new0 (TestRequest, 1);

  g_weak_ref_init (&request->self, self);
  request->cancellable = g_object_ref (self->cancellable);
  return request;
}

static void
tested_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TestRequest) request = user_data;
  g_autoptr(LiaAccountsDialog) self = g_weak_ref_get (&request->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) types = NULL;

  if (LIA_IS_WIKI (source))
    {
      g_autoptr(GPtrArray) pages = lia_wiki_list_finish (LIA_WIKI (source), result, &error);

      types = pages ? g_ptr_array_new_with_free_func (g_free) : NULL;
      for (guint i = 0; pages && i < pages->len && i < 5; i++)
        g_ptr_array_add (types, g_strdup (((LiaWikiPage *) pages->pdata[i])->title));
      if (pages && pages->len == 0)
        g_ptr_array_add (types, g_strdup ("—"));
    }
  else
    types = lia_tracker_list_finish (LIA_TRACKER (source), result, &error);

  /* Cancelled when the form was left or the window closed, even if the
   * answer itself arrived just before the cancel. */
  if (self == NULL || g_cancellable_is_cancelled (request->cancellable))
    return;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_sensitive (self->test_button, TRUE);
  if (types == NULL)
    {
      /* Translators: %s says what failed, e.g. "401 …: the token … was not accepted" */
      g_autofree char *text = g_strdup_printf (_("Could not connect: %s"), error->message);
      set_result (self, text, "error");
    }
  else
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;
      g_ptr_array_add (types, NULL);
      names = lia_text_list_join ((const char * const *) types->pdata);
      /* Translators: %s lists the issue types the tracker offers, or the first pages of a wiki */
      text = g_strdup_printf (LIA_IS_WIKI (source) ? _("Connected. Pages: %s") : _("Connected. Issue types: %s"), names);
      set_result (self, text, "success");
    }
}

static void
test_clicked_cb (LiaAccountsDialog *self)
{
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autofree char *token = form_token (self);
  g_autoptr(LiaTracker) tracker = NULL;
  g_autoptr(LiaWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;
  LiaTrackerConfig config = { 0 };

  config.service = self->info->service;
  config.url = row_text (self->url_row);
  config.project = row_text (self->project_row);
  config.user = row_text (self->user_row);
  config.token = token;
  config.epic_field = row_text (self->epic_row);
  if (g_str_equal (config.service, "confluence"))
    wiki = lia_wiki_new (http, &config, &error);
  else
    tracker = lia_tracker_new (http, &config, &error);
  if (tracker == NULL && wiki == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not connect: %s"), error->message);
      set_result (self, text, "error");
      return;
    }
  cancel_test (self);
  self->cancellable = g_cancellable_new ();
  set_result (self, _("Connecting…"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  gtk_widget_set_sensitive (self->test_button, FALSE);
  if (wiki)
    lia_wiki_list_async (wiki, self->cancellable, tested_cb, test_request_new (self));
  else
    lia_tracker_list_async (tracker, LIA_TRACKER_LIST_TYPES, self->cancellable, tested_cb, test_request_new (self));
}

/* A chat account's address: the typed webhook's server (scheme, host and
 * port, nothing of the path that holds the secret), once the webhook
 * passed the engine's check; editing without a new webhook keeps the
 * stored one and its address. */
static char *
chat_url (LiaAccountsDialog  *self,
          GError            **error)
{
  const char *webhook = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_autoptr(GUri) uri = NULL;

  if (*webhook == '\0' && self->account != NULL)
    return g_strdup (lia_entity_get_string (LIA_ENTITY (self->account), LIA_ACCOUNT_URL));
  if (*webhook == '\0')
    {
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                           _("Paste the webhook’s address that the chat service gave you"));
      return NULL;
    }
  if (!lia_chat_check_webhook (self->info->service, webhook, error))
    return NULL;
  uri = g_uri_parse (webhook, G_URI_FLAGS_NONE, error);
  if (uri == NULL)
    return NULL;
  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri), g_uri_get_port (uri), "", NULL, NULL);
}

static void
save_clicked_cb (LiaAccountsDialog *self)
{
  LiaHistory *history = lia_workspace_get_history (self->workspace);
  GListStore *accounts = lia_workspace_get_accounts (self->workspace);
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_autoptr(GError) error = NULL;
  /* Stored normalised and never with a user name or password in it; a
   * chat's is its webhook's server, the webhook itself being the secret. */
  g_autofree char *url = self->info->chat ? chat_url (self, &error) : lia_sync_check_base_url (row_text (self->url_row), &error);
  gboolean new_account = self->account == NULL;
  const struct { guint field; const char *value; } values[] = {
    { LIA_ACCOUNT_NAME, row_text (self->name_row) },
    { LIA_ACCOUNT_SERVICE, self->info->service },
    { LIA_ACCOUNT_URL, url ? url : "" },
    { LIA_ACCOUNT_PROJECT, row_text (self->project_row) },
    { LIA_ACCOUNT_USER, row_text (self->user_row) },
    { LIA_ACCOUNT_EPIC_FIELD, row_text (self->epic_row) },
  };
  AdwToast *toast;

  if (url == NULL)
    {
      set_result (self, error->message, "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->info->chat ? GTK_WIDGET (self->token_row) : GTK_WIDGET (self->url_row)));
      return;
    }
  lia_history_begin (history, _("Save Account"));
  if (new_account)
    {
      g_autoptr(LiaAccount) account = lia_account_new ();
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        lia_entity_set_string (LIA_ENTITY (account), values[i].field, values[i].value);
      lia_entity_set_boolean (LIA_ENTITY (account), LIA_ACCOUNT_MILESTONES,
                              gtk_widget_get_visible (self->milestones_row) && gtk_switch_get_active (self->milestones_switch));
      lia_history_insert (history, accounts, g_list_model_get_n_items (G_LIST_MODEL (accounts)), LIA_ENTITY (account));
      g_set_object (&self->account, account);
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      lia_history_set_string (history, LIA_ENTITY (self->account), values[i].field, values[i].value, FALSE);
  lia_history_end (history);
  if (*token)
    lia_credentials_store (lia_entity_get_id (LIA_ENTITY (self->account)), url, token);
  if (self->info->chat)
    toast = adw_toast_new (*token ? _("Account saved; the webhook’s address is in the keyring") : _("Account saved"));
  else
    toast = adw_toast_new (*token ? _("Account saved; the token is in the keyring") : _("Account saved"));
  adw_toast_overlay_add_toast (self->toasts, toast);
  show_list (self);
}

static void
remove_response_cb (AdwMessageDialog *message,
                    const char       *response,
                    LiaAccountsDialog *self)
{
  GListStore *accounts = lia_workspace_get_accounts (self->workspace);
  guint position;

  if (!g_str_equal (response, "remove"))
    return;
  if (self->account && g_list_store_find (accounts, self->account, &position))
    {
      lia_history_remove (lia_workspace_get_history (self->workspace), accounts, position);
      g_clear_object (&self->account);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Account removed")));
    }
  show_list (self);
}

/* Removing is destructive (tasks and pages lose their way to the remote
 * side), so it asks first. */
static void
remove_clicked_cb (LiaAccountsDialog *self)
{
  const char *name = row_text (self->name_row);
  GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Account?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (message),
                                  /* Translators: %s is the account's name */
                                  _("“%s” will no longer be offered for syncing or publishing. Tasks and pages keep their links, "
                                    "and Undo in the main window brings the account back."),
                                  *name ? name : lia_choice_get_label (self->info->service));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect (message, "response", G_CALLBACK (remove_response_cb), self);
  gtk_window_present (GTK_WINDOW (message));
}

static void
open_token_page_cb (LiaAccountsDialog *self)
{
  gtk_show_uri (GTK_WINDOW (self), self->info->token_page, GDK_CURRENT_TIME);
}

static void
set_row (gpointer    row,
         const char *title,
         const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), title != NULL);
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* One form, filled in for the service: its own titles, its own help, and
 * only the rows it takes. */
static void
show_form (LiaAccountsDialog *self,
           const char        *service,
           LiaAccount        *account)
{
  LiaEntity *e = account ? LIA_ENTITY (account) : NULL;
  const LiaAccountService *info = lia_account_service_lookup (service);
  g_autofree char *description = NULL;

#define FIELD(f) (e ? lia_entity_get_string (e, (f)) : "")

  cancel_test (self);
  self->info = info;
  g_set_object (&self->account, account);

  description = info->address_hint ? g_strdup_printf ("%s\n%s", _(info->help), _(info->address_hint)) : g_strdup (_(info->help));
  adw_preferences_group_set_description (self->help_group, description);
  /* Out of the group when there is no page: a hidden row would still
   * leave an empty list drawn under the help. */
  if (info->token_page)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->token_link_row), info->token_page);
      if (gtk_widget_get_parent (self->token_link_row) == NULL)
        adw_preferences_group_add (self->help_group, self->token_link_row);
    }
  else if (gtk_widget_get_parent (self->token_link_row) != NULL)
    adw_preferences_group_remove (self->help_group, self->token_link_row);

  set_row (self->name_row, C_("account", "Name"), FIELD (LIA_ACCOUNT_NAME));
  set_row (self->url_row, info->chat ? NULL : _("Address"), e ? FIELD (LIA_ACCOUNT_URL) : info->default_url);
  set_row (self->project_row, info->project_title ? _(info->project_title) : NULL, FIELD (LIA_ACCOUNT_PROJECT));
  set_row (self->user_row, info->user_title ? _(info->user_title) : NULL, FIELD (LIA_ACCOUNT_USER));
  set_row (self->token_row, _(info->token_title), NULL);
  set_row (self->epic_row, info->epic_field ? _("Epic Link Field (optional)") : NULL, FIELD (LIA_ACCOUNT_EPIC_FIELD));
  gtk_widget_set_visible (self->milestones_row, info->milestones);
  gtk_switch_set_active (self->milestones_switch, e ? lia_entity_get_boolean (e, LIA_ACCOUNT_MILESTONES) : FALSE);
  if (info->chat)
    adw_preferences_group_set_description (self->fields_group,
                                           account ? _("The webhook’s address is a secret, kept in the keyring; leave it empty to keep the stored one.")
                                                   : _("The webhook’s address is a secret: anyone who has it can post to the channel. It is kept in the keyring, never in the file."));
  else
    adw_preferences_group_set_description (self->fields_group,
                                           account ? _("The token is kept in the keyring; leave it empty to keep the stored one.")
                                                   : _("The token is kept in the keyring, never in the file."));
  gtk_widget_set_visible (self->connection_row, !info->chat);
  set_result (self, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_visible (self->remove_group, account != NULL);
#undef FIELD

  adw_window_title_set_title (self->form_title, lia_choice_get_label (info->service));
  adw_window_title_set_subtitle (self->form_title, account ? _("Edit Account") : _("New Account"));
  gtk_button_set_label (self->save_button, account ? _("_Save") : _("_Add"));
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
service_activated_cb (LiaAccountsDialog *self,
                      GtkWidget         *row)
{
  for (guint i = 0; i < LIA_N_ACCOUNT_SERVICES; i++)
    if (self->service_rows[i] == row)
      show_form (self, lia_account_services[i].service, NULL);
}

/* ---- the window ---- */

static void
lia_accounts_dialog_constructed (GObject *object)
{
  LiaAccountsDialog *self = LIA_ACCOUNTS_DIALOG (object);
  GListModel *accounts;

  G_OBJECT_CLASS (lia_accounts_dialog_parent_class)->constructed (object);
  g_return_if_fail (self->workspace != NULL);

  /* Bound once: an added, renamed or removed account touches its own row. */
  accounts = G_LIST_MODEL (lia_workspace_get_accounts (self->workspace));
  gtk_list_box_bind_model (self->list, accounts, create_account_row, self, NULL);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  update_empty (self);
  show_list (self);
}

static void
lia_accounts_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, LIA_ACCOUNTS_DIALOG (object)->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_accounts_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE:
      LIA_ACCOUNTS_DIALOG (object)->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_accounts_dialog_dispose (GObject *object)
{
  LiaAccountsDialog *self = LIA_ACCOUNTS_DIALOG (object);
  GtkWidget *token_link_row = g_steal_pointer (&self->token_link_row);

  /* A test still running answers into a cancelled request and stops there. */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ACCOUNTS_DIALOG);
  g_clear_object (&token_link_row);
  g_clear_object (&self->workspace);
  g_clear_object (&self->account);
  G_OBJECT_CLASS (lia_accounts_dialog_parent_class)->dispose (object);
}

static void
lia_accounts_dialog_class_init (LiaAccountsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_accounts_dialog_constructed;
  object_class->dispose = lia_accounts_dialog_dispose;
  object_class->get_property = lia_accounts_dialog_get_property;
  object_class->set_property = lia_accounts_dialog_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, LIA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "accounts.back", NULL, back_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/accounts/lia-accounts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, services_group);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, form_title);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, help_group);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, token_link_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, project_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, epic_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, milestones_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, milestones_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, connection_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, result);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, show_services);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_token_page_cb);
}

static void
lia_accounts_dialog_init (LiaAccountsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_ref (self->token_link_row);

  /* The services are a table (each with its help and fields), not markup. */
  for (guint i = 0; i < LIA_N_ACCOUNT_SERVICES; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_choice_get_label (lia_account_services[i].service));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(lia_account_services[i].summary));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (service_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->services_group, row);
      self->service_rows[i] = row;
    }
  self->info = &lia_account_services[0];
}

GtkWidget *
lia_accounts_dialog_new (LiaWorkspace *workspace)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (LIA_TYPE_ACCOUNTS_DIALOG, "workspace", workspace, NULL);
}
