/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-accounts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-accounts-dialog.h"
#include "lia-credentials.h"
#include "lia-model.h"
#include "lia-sync.h"
#include "lia-tracker.h"
#include "lia-wiki.h"

/* Tracker and wiki accounts, in the manner of GNOME Online Accounts: a
 * list of accounts; "Add Account" picks a service, then a form with only
 * that service's fields and a word on where its token comes from and
 * what it must be allowed to do (the same permissions docs/sync.md
 * lists).  Service, address, project and user live in the workspace; the
 * token goes to the keyring.  "Test Connection" reads the project's issue
 * types (or the space's pages) and says in plain words what failed.
 *
 * Three pages in a GtkStack rather than an AdwLeaflet: libadwaita 1.2 has
 * no navigation view, and a stack keeps Escape ("back, then close")
 * simple and predictable. */

typedef struct
{
  const char *service;
  const char *summary;        /* the service chooser's subtitle */
  const char *project_title;
  const char *user_title;     /* NULL: the service takes no user */
  const char *token_title;
  const char *default_url;    /* prefilled for a new account, or NULL */
  const char *address_hint;
  const char *help;           /* where the token comes from and what it may do */
  const char *token_page;     /* where to create the token, or NULL */
  gboolean    epic_field;
  gboolean    milestones;
} ServiceInfo;

static const ServiceInfo services[] = {
  { "jira-cloud", N_("Issues on SITE.atlassian.net"),
    N_("Project Key"), N_("E-mail Address"), N_("API Token"), NULL,
    N_("Address: https://SITE.atlassian.net"),
    N_("Create an API token at id.atlassian.com (Security → API tokens) and sign in with that Atlassian account’s e-mail address. "
       "The account needs Browse projects, Create issues and Edit issues in the project, and Assign issues to set assignees."),
    "https://id.atlassian.com/manage-profile/security/api-tokens", FALSE, FALSE },
  { "jira-dc", N_("Issues on your company’s Jira server"),
    N_("Project Key"), NULL, N_("Personal Access Token"), NULL,
    N_("Address: the Jira server, such as https://jira.example.com"),
    N_("Create a personal access token in Jira (your avatar → Profile → Personal Access Tokens). "
       "The account needs Browse projects, Create issues and Edit issues in the project, and Assign issues to set assignees. "
       "Leave the Epic Link field empty to use the one Jira’s screens show."),
    NULL, TRUE, FALSE },
  { "redmine", N_("Issues and the project’s wiki"),
    N_("Project Identifier"), NULL, N_("API Access Key"), NULL,
    N_("Address: the Redmine server, such as https://redmine.example.com"),
    N_("In Redmine open My account and show the API access key in the sidebar; an administrator must enable the REST web service "
       "(Administration → Settings → API). The role needs View issues, Add issues and Edit issues (Manage subtasks for parents), "
       "and View wiki and Edit wiki pages to publish the project’s wiki."),
    NULL, FALSE, FALSE },
  { "github", N_("Issues of a repository"),
    N_("Repository (OWNER/REPO)"), NULL, N_("Token"), "https://api.github.com",
    N_("Address: https://api.github.com (GitHub Enterprise: https://HOST/api/v3)"),
    N_("Create a fine-grained personal access token for the repository with Issues: read and write and Metadata: read "
       "(a classic token needs repo). Labels, assignees and milestones also need write access to the repository."),
    "https://github.com/settings/personal-access-tokens/new", FALSE, FALSE },
  { "gitlab", N_("Issues of a project"),
    N_("Project (GROUP/PROJECT)"), NULL, N_("Access Token"), "https://gitlab.com/api/v4",
    N_("Address: https://HOST/api/v4"),
    N_("Create a personal, project or group access token with the api scope (Preferences → Access tokens). "
       "Your role in the project must be Reporter or higher: GitLab silently drops a Guest’s labels and assignees."),
    "https://gitlab.com/-/user_settings/personal_access_tokens", FALSE, TRUE },
  { "confluence", N_("Publish the document tree to a space"),
    N_("Space Key"), N_("E-mail Address (Cloud only)"), N_("API Token or Personal Access Token"), NULL,
    N_("Address: https://SITE.atlassian.net/wiki, or the Data Center server"),
    N_("Confluence Cloud: your e-mail address and an API token from id.atlassian.com (Security → API tokens). "
       "Data Center: leave the e-mail address empty and create a personal access token (your avatar → Settings → Personal Access Tokens). "
       "The account must view the space, add pages to it and edit the pages Liaison publishes."),
    "https://id.atlassian.com/manage-profile/security/api-tokens", FALSE, FALSE },
};

typedef struct
{
  LiaWorkspace *workspace;
  GtkWindow    *window;
  GtkStack     *stack;         /* "list", "services", "form" */
  GtkStack     *list_stack;    /* "empty", "list" */
  GtkListBox   *list;
  GtkWidget    *add_button;
  AdwToastOverlay *toasts;

  /* The form, rebuilt for each service; a row is NULL when the service
   * does not take that field. */
  GtkBox       *form_box;
  GtkWidget    *form_page;
  AdwWindowTitle *form_title;
  GtkWidget    *save;
  const ServiceInfo *info;
  LiaAccount   *account;       /* being edited, or NULL for a new one */
  AdwEntryRow  *name;
  AdwEntryRow  *url;
  AdwEntryRow  *project;
  AdwEntryRow  *user;
  AdwPasswordEntryRow *token;
  AdwEntryRow  *epic_field;
  GtkSwitch    *milestones;
  GtkLabel     *result;
  GtkSpinner   *spinner;
  GtkWidget    *test;
  GCancellable *cancellable;
} Dialog;

static void
dialog_free (Dialog *d)
{
  if (d->cancellable)
    g_cancellable_cancel (d->cancellable);
  g_clear_object (&d->cancellable);
  g_clear_object (&d->workspace);
  g_clear_object (&d->account);
  g_free (d);
}

static const ServiceInfo *
service_info (const char *service)
{
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (g_strcmp0 (services[i].service, service) == 0)
      return &services[i];
  return &services[0];
}

static const char *
row_text (AdwEntryRow *row)
{
  return row ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

static void
set_result (Dialog     *d,
            const char *text,
            const char *css_class)
{
  gtk_label_set_text (d->result, text);
  gtk_widget_set_visible (GTK_WIDGET (d->result), text != NULL && *text != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (d->result), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (d->result), "success");
  if (css_class)
    gtk_widget_add_css_class (GTK_WIDGET (d->result), css_class);
}

static void
cancel_test (Dialog *d)
{
  if (d->cancellable)
    g_cancellable_cancel (d->cancellable);
  g_clear_object (&d->cancellable);
  if (d->spinner)
    gtk_spinner_stop (d->spinner);
  if (d->test)
    gtk_widget_set_sensitive (d->test, TRUE);
}

/* ---- the list of accounts ---- */

static void show_form (Dialog *d, const char *service, LiaAccount *account);

static void
account_activated_cb (AdwActionRow *row,
                      Dialog       *d)
{
  LiaAccount *account = g_object_get_data (G_OBJECT (row), "account");

  show_form (d, lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE), account);
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  LiaEntity *e = LIA_ENTITY (item);
  const char *name = lia_entity_get_string (e, LIA_ACCOUNT_NAME);
  const char *service = lia_choice_get_label (lia_entity_get_string (e, LIA_ACCOUNT_SERVICE));
  const char *url = lia_entity_get_string (e, LIA_ACCOUNT_URL);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: an account's service and address, e.g. "GitHub · https://api.github.com" */
  subtitle = *url ? g_strdup_printf (_("%s · %s"), service, url) : g_strdup (service);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name ? name : service);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (item), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (account_activated_cb), user_data);
  return row;
}

/* Rebinding redraws every row, so a renamed account shows its new name. */
static void
refresh_list (Dialog *d)
{
  GListModel *accounts = G_LIST_MODEL (lia_workspace_get_accounts (d->workspace));
  gboolean empty = g_list_model_get_n_items (accounts) == 0;

  gtk_list_box_bind_model (d->list, accounts, create_account_row, d, NULL);
  gtk_stack_set_visible_child_name (d->list_stack, empty ? "empty" : "list");
  gtk_widget_set_visible (d->add_button, !empty);
}

static void
show_list (Dialog *d)
{
  cancel_test (d);
  refresh_list (d);
  gtk_stack_set_visible_child_name (d->stack, "list");
}

static void
show_services (Dialog *d)
{
  cancel_test (d);
  gtk_stack_set_visible_child_name (d->stack, "services");
}

/* Escape (and the back button) goes one page back; on the list it closes. */
static void
go_back (Dialog *d)
{
  const char *page = gtk_stack_get_visible_child_name (d->stack);

  if (g_strcmp0 (page, "form") == 0 && d->account == NULL)
    show_services (d);
  else if (g_strcmp0 (page, "list") != 0)
    show_list (d);
  else
    gtk_window_close (d->window);
}

static void
back_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  go_back (user_data);
}

/* ---- the form ---- */

static char *
form_token (Dialog *d)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (d->token));

  if (*typed)
    return g_strdup (typed);
  return d->account ? lia_credentials_lookup (lia_entity_get_id (LIA_ENTITY (d->account))) : NULL;
}

static void
tested_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  Dialog *d = g_object_get_data (G_OBJECT (cancellable), "dialog");
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

  /* Cancelled when the form was left or the window closed: d may be gone,
   * even if the answer itself arrived just before the cancel. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  gtk_spinner_stop (d->spinner);
  gtk_widget_set_visible (GTK_WIDGET (d->spinner), FALSE);
  gtk_widget_set_sensitive (d->test, TRUE);
  if (types == NULL)
    {
      /* Translators: %s says what failed, e.g. "401 …: the token … was not accepted" */
      g_autofree char *text = g_strdup_printf (_("Could not connect: %s"), error->message);
      set_result (d, text, "error");
    }
  else
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;
      g_ptr_array_add (types, NULL);
      names = g_strjoinv (_(", "), (char **) types->pdata);
      /* Translators: %s lists the issue types the tracker offers, or the first pages of a wiki */
      text = g_strdup_printf (LIA_IS_WIKI (source) ? _("Connected. Pages: %s") : _("Connected. Issue types: %s"), names);
      set_result (d, text, "success");
    }
}

static void
test_clicked_cb (Dialog *d)
{
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autofree char *token = form_token (d);
  g_autoptr(LiaTracker) tracker = NULL;
  g_autoptr(LiaWiki) wiki = NULL;
  g_autoptr(GError) error = NULL;
  LiaTrackerConfig config = { 0 };

  config.service = d->info->service;
  config.url = row_text (d->url);
  config.project = row_text (d->project);
  config.user = row_text (d->user);
  config.token = token;
  config.epic_field = row_text (d->epic_field);
  if (g_str_equal (config.service, "confluence"))
    wiki = lia_wiki_new (http, &config, &error);
  else
    tracker = lia_tracker_new (http, &config, &error);
  if (tracker == NULL && wiki == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not connect: %s"), error->message);
      set_result (d, text, "error");
      return;
    }
  cancel_test (d);
  d->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (d->cancellable), "dialog", d);
  set_result (d, _("Connecting…"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (d->spinner), TRUE);
  gtk_spinner_start (d->spinner);
  gtk_widget_set_sensitive (d->test, FALSE);
  if (wiki)
    lia_wiki_list_async (wiki, d->cancellable, tested_cb, g_object_ref (d->cancellable));
  else
    lia_tracker_list_async (tracker, LIA_TRACKER_LIST_TYPES, d->cancellable, tested_cb, g_object_ref (d->cancellable));
}

static void
save_clicked_cb (Dialog *d)
{
  LiaHistory *history = lia_workspace_get_history (d->workspace);
  GListStore *accounts = lia_workspace_get_accounts (d->workspace);
  const char *token = gtk_editable_get_text (GTK_EDITABLE (d->token));
  g_autoptr(GError) error = NULL;
  /* Stored normalised and never with a user name or password in it. */
  g_autofree char *url = lia_sync_check_base_url (row_text (d->url), &error);
  gboolean new_account = d->account == NULL;
  const struct { guint field; const char *value; } values[] = {
    { LIA_ACCOUNT_NAME, row_text (d->name) },
    { LIA_ACCOUNT_SERVICE, d->info->service },
    { LIA_ACCOUNT_URL, url ? url : "" },
    { LIA_ACCOUNT_PROJECT, row_text (d->project) },
    { LIA_ACCOUNT_USER, row_text (d->user) },
    { LIA_ACCOUNT_EPIC_FIELD, row_text (d->epic_field) },
  };
  AdwToast *toast;

  if (url == NULL)
    {
      set_result (d, error->message, "error");
      gtk_widget_grab_focus (GTK_WIDGET (d->url));
      return;
    }
  lia_history_begin (history, _("Save Account"));
  if (new_account)
    {
      g_autoptr(LiaAccount) account = lia_account_new ();
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        lia_entity_set_string (LIA_ENTITY (account), values[i].field, values[i].value);
      lia_entity_set_boolean (LIA_ENTITY (account), LIA_ACCOUNT_MILESTONES,
                              d->milestones && gtk_switch_get_active (d->milestones));
      lia_history_insert (history, accounts, g_list_model_get_n_items (G_LIST_MODEL (accounts)), LIA_ENTITY (account));
      g_set_object (&d->account, account);
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      lia_history_set_string (history, LIA_ENTITY (d->account), values[i].field, values[i].value, FALSE);
  lia_history_end (history);
  if (*token)
    lia_credentials_store (lia_entity_get_id (LIA_ENTITY (d->account)), url, token);
  toast = adw_toast_new (*token ? _("Account saved; the token is in the keyring") : _("Account saved"));
  adw_toast_overlay_add_toast (d->toasts, toast);
  show_list (d);
}

static void
remove_response_cb (AdwMessageDialog *message,
                    const char       *response,
                    Dialog           *d)
{
  GListStore *accounts = lia_workspace_get_accounts (d->workspace);
  guint position;

  if (!g_str_equal (response, "remove"))
    return;
  if (d->account && g_list_store_find (accounts, d->account, &position))
    {
      lia_history_remove (lia_workspace_get_history (d->workspace), accounts, position);
      g_clear_object (&d->account);
      adw_toast_overlay_add_toast (d->toasts, adw_toast_new (_("Account removed")));
    }
  show_list (d);
}

/* Removing is destructive (tasks and pages lose their way to the remote
 * side), so it asks first. */
static void
remove_clicked_cb (Dialog *d)
{
  const char *name = row_text (d->name);
  GtkWidget *message = adw_message_dialog_new (d->window, _("Remove Account?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (message),
                                  /* Translators: %s is the account's name */
                                  _("“%s” will no longer be offered for syncing or publishing. Tasks and pages keep their links, "
                                    "and Undo in the main window brings the account back."),
                                  *name ? name : lia_choice_get_label (d->info->service));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect (message, "response", G_CALLBACK (remove_response_cb), d);
  gtk_window_present (GTK_WINDOW (message));
}

static void
open_token_page_cb (AdwActionRow *row,
                    Dialog       *d)
{
  gtk_show_uri (d->window, d->info->token_page, GDK_CURRENT_TIME);
}

static AdwEntryRow *
add_entry (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static void
show_form (Dialog     *d,
           const char *service,
           LiaAccount *account)
{
  LiaEntity *e = account ? LIA_ENTITY (account) : NULL;
  const ServiceInfo *info = service_info (service);
  const char *label = lia_choice_get_label (info->service);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *help = adw_preferences_group_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *connection = adw_preferences_group_new ();
  GtkWidget *test_row = adw_action_row_new ();
  GtkWidget *result_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *description = NULL;

#define FIELD(f) (e ? lia_entity_get_string (e, (f)) : "")

  cancel_test (d);
  d->info = info;
  g_set_object (&d->account, account);
  d->user = NULL;
  d->epic_field = NULL;
  d->milestones = NULL;

  /* What the service needs, first: GOA puts the provider's word above its form. */
  description = g_strdup_printf ("%s\n%s", _(info->help), _(info->address_hint));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (help), description);
  if (info->token_page)
    {
      GtkWidget *link = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (link), _("Create a Token"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (link), info->token_page);
      adw_action_row_add_suffix (ADW_ACTION_ROW (link), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (link), TRUE);
      g_signal_connect (link, "activated", G_CALLBACK (open_token_page_cb), d);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (help), link);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (help));

  d->name = add_entry (group, C_("account", "Name"), FIELD (LIA_ACCOUNT_NAME));
  d->url = add_entry (group, _("Address"), e ? FIELD (LIA_ACCOUNT_URL) : info->default_url);
  d->project = add_entry (group, _(info->project_title), FIELD (LIA_ACCOUNT_PROJECT));
  if (info->user_title)
    d->user = add_entry (group, _(info->user_title), FIELD (LIA_ACCOUNT_USER));
  d->token = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->token), _(info->token_title));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->token));
  if (account)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("The token is kept in the keyring; leave it empty to keep the stored one."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The token is kept in the keyring, never in the file."));
  if (info->epic_field)
    d->epic_field = add_entry (group, _("Epic Link Field (optional)"), FIELD (LIA_ACCOUNT_EPIC_FIELD));
  if (info->milestones)
    {
      GtkWidget *row = adw_action_row_new ();

      d->milestones = GTK_SWITCH (gtk_switch_new ());
      gtk_switch_set_active (d->milestones, e ? lia_entity_get_boolean (e, LIA_ACCOUNT_MILESTONES) : FALSE);
      gtk_widget_set_valign (GTK_WIDGET (d->milestones), GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Due Dates as Milestones"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (d->milestones));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (d->milestones));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Test Connection: a button row, a spinner while it runs, the answer below. */
  d->test = gtk_button_new_with_mnemonic (_("_Test Connection"));
  gtk_widget_set_valign (d->test, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (d->test, "clicked", G_CALLBACK (test_clicked_cb), d);
  d->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (d->spinner), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connecting"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (test_row), _("Connection"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (test_row), _("Reads the project’s issue types or the space’s pages"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (test_row), GTK_WIDGET (d->spinner));
  adw_action_row_add_suffix (ADW_ACTION_ROW (test_row), d->test);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (connection), test_row);
  d->result = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (d->result), "accounts-result");
  gtk_label_set_wrap (d->result, TRUE);
  gtk_label_set_wrap_mode (d->result, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (d->result, 0);
  gtk_label_set_selectable (d->result, TRUE);
  gtk_widget_set_margin_top (result_box, 12);
  gtk_box_append (GTK_BOX (result_box), GTK_WIDGET (d->result));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (connection), result_box);
  set_result (d, NULL, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (connection));

  /* Only a saved account can be removed; a new one is simply left. */
  if (account)
    {
      GtkWidget *danger = adw_preferences_group_new ();
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Account"));

      gtk_widget_add_css_class (remove, "destructive-action");
      gtk_widget_add_css_class (remove, "pill");
      gtk_widget_set_halign (remove, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), d);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (danger), remove);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (danger));
    }
#undef FIELD

  if (d->form_page)
    gtk_box_remove (d->form_box, d->form_page);
  d->form_page = page;
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (d->form_box, page);
  adw_window_title_set_title (d->form_title, label);
  adw_window_title_set_subtitle (d->form_title, account ? _("Edit Account") : _("New Account"));
  gtk_button_set_label (GTK_BUTTON (d->save), account ? _("_Save") : _("_Add"));
  gtk_stack_set_visible_child_name (d->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (d->name));
}

static void
service_activated_cb (AdwActionRow *row,
                      Dialog       *d)
{
  show_form (d, g_object_get_data (G_OBJECT (row), "service"), NULL);
}

/* ---- the window ---- */

static GtkWidget *
back_button (void)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (button, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "accounts.back");
  return button;
}

static GtkWidget *
build_list_page (Dialog *d)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *empty_add = gtk_button_new_with_mnemonic (_("_Add Account"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  d->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (d->add_button, _("Add Account"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Account"), -1);
  g_signal_connect_swapped (d->add_button, "clicked", G_CALLBACK (show_services), d);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), d->add_button);
  gtk_box_append (GTK_BOX (box), header);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Accounts"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Add a tracker account to send tasks, or a wiki account to publish pages."));
  gtk_widget_add_css_class (empty_add, "pill");
  gtk_widget_add_css_class (empty_add, "suggested-action");
  gtk_widget_set_halign (empty_add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (empty_add, "clicked", G_CALLBACK (show_services), d);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), empty_add);

  d->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (d->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (d->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accounts"), -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Accounts"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  d->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (d->list_stack, status, "empty");
  gtk_stack_add_named (d->list_stack, page, "list");
  gtk_widget_set_vexpand (GTK_WIDGET (d->list_stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->list_stack));
  return box;
}

static GtkWidget *
build_services_page (Dialog *d)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Add Account"), NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back_button ());
  gtk_box_append (GTK_BOX (box), header);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Service"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Trackers receive tasks; Confluence and Redmine wikis receive the document tree."));
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_choice_get_label (services[i].service));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(services[i].summary));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "service", (gpointer) services[i].service);
      g_signal_connect (row, "activated", G_CALLBACK (service_activated_cb), d);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  return box;
}

static GtkWidget *
build_form_page (Dialog *d)
{
  GtkWidget *header = adw_header_bar_new ();

  d->form_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  d->form_title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  d->save = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (d->save, "suggested-action");
  g_signal_connect_swapped (d->save, "clicked", G_CALLBACK (save_clicked_cb), d);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (d->form_title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back_button ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), d->save);
  gtk_box_append (d->form_box, header);
  return GTK_WIDGET (d->form_box);
}

GtkWidget *
lia_accounts_dialog_new (LiaWorkspace *workspace)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) back = g_simple_action_new ("back", NULL);

  d->workspace = g_object_ref (workspace);
  d->window = GTK_WINDOW (window);
  gtk_window_set_title (GTK_WINDOW (window), _("Accounts"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_widget_set_size_request (window, 360, 300);
  g_object_set_data_full (G_OBJECT (window), "dialog", d, (GDestroyNotify) dialog_free);

  d->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_name (GTK_WIDGET (d->stack), "accounts-stack");
  gtk_stack_set_transition_type (d->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (d->stack, build_list_page (d), "list");
  gtk_stack_add_named (d->stack, build_services_page (d), "services");
  gtk_stack_add_named (d->stack, build_form_page (d), "form");
  d->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (d->toasts, GTK_WIDGET (d->stack));
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (d->toasts));

  /* A named action, so the back button, Escape and the tests share one path. */
  g_signal_connect (back, "activate", G_CALLBACK (back_activated_cb), d);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (back));
  gtk_widget_insert_action_group (window, "accounts", G_ACTION_GROUP (actions));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("accounts.back")));
  gtk_widget_add_controller (window, shortcuts);

  show_list (d);
  return window;
}
