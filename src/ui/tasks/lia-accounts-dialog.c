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

/* Tracker and wiki accounts: service, address, project and user live in
 * the workspace; the token goes to the keyring.  "Test Connection" reads
 * the project's issue types (or the space's pages) and says in plain words
 * what failed. */

typedef struct
{
  LiaWorkspace *workspace;
  LiaAccount   *account;      /* being edited, or NULL for a new one */
  GtkWindow    *window;
  GtkDropDown  *accounts;
  AdwEntryRow  *name;
  AdwComboRow  *service;
  AdwEntryRow  *url;
  AdwEntryRow  *project;
  AdwEntryRow  *user;
  AdwPasswordEntryRow *token;
  AdwEntryRow  *epic_field;
  GtkSwitch    *milestones;
  GtkLabel     *result;
  GtkSpinner   *spinner;
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

static const char *
selected_service (Dialog *d)
{
  guint i = adw_combo_row_get_selected (d->service);
  return i < g_strv_length ((char **) lia_service_choices) ? lia_service_choices[i] : "jira-cloud";
}

static void
load (Dialog     *d,
      LiaAccount *account)
{
  LiaEntity *e = LIA_ENTITY (account);

  g_set_object (&d->account, account);
  gtk_editable_set_text (GTK_EDITABLE (d->name), e ? lia_entity_get_string (e, LIA_ACCOUNT_NAME) : "");
  gtk_editable_set_text (GTK_EDITABLE (d->url), e ? lia_entity_get_string (e, LIA_ACCOUNT_URL) : "");
  gtk_editable_set_text (GTK_EDITABLE (d->project), e ? lia_entity_get_string (e, LIA_ACCOUNT_PROJECT) : "");
  gtk_editable_set_text (GTK_EDITABLE (d->user), e ? lia_entity_get_string (e, LIA_ACCOUNT_USER) : "");
  gtk_editable_set_text (GTK_EDITABLE (d->epic_field), e ? lia_entity_get_string (e, LIA_ACCOUNT_EPIC_FIELD) : "");
  gtk_editable_set_text (GTK_EDITABLE (d->token), "");
  gtk_switch_set_active (d->milestones, e ? lia_entity_get_boolean (e, LIA_ACCOUNT_MILESTONES) : FALSE);
  for (guint i = 0; lia_service_choices[i]; i++)
    if (e && g_str_equal (lia_service_choices[i], lia_entity_get_string (e, LIA_ACCOUNT_SERVICE)))
      adw_combo_row_set_selected (d->service, i);
  gtk_label_set_text (d->result, "");
}

static void
account_selected_cb (GtkDropDown *drop,
                     GParamSpec  *pspec,
                     Dialog      *d)
{
  GListModel *accounts = G_LIST_MODEL (lia_workspace_get_accounts (d->workspace));
  guint i = gtk_drop_down_get_selected (drop);
  g_autoptr(LiaAccount) account = i < g_list_model_get_n_items (accounts) ? g_list_model_get_item (accounts, i) : NULL;

  load (d, account);
}

static void
new_clicked_cb (Dialog *d)
{
  load (d, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (d->url));
}

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
  Dialog *d = user_data;
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

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (d->spinner);
  if (types == NULL)
    {
      /* Translators: %s says what failed, e.g. "401 …: the token … was not accepted" */
      g_autofree char *text = g_strdup_printf (_("Could not connect: %s"), error->message);
      gtk_label_set_text (d->result, text);
      gtk_widget_remove_css_class (GTK_WIDGET (d->result), "success");
      gtk_widget_add_css_class (GTK_WIDGET (d->result), "error");
    }
  else
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;
      g_ptr_array_add (types, NULL);
      names = g_strjoinv (", ", (char **) types->pdata);
      /* Translators: %s lists the issue types the tracker offers, or the first pages of a wiki */
      text = g_strdup_printf (LIA_IS_WIKI (source) ? _("Connected. Pages: %s") : _("Connected. Issue types: %s"), names);
      gtk_label_set_text (d->result, text);
      gtk_widget_remove_css_class (GTK_WIDGET (d->result), "error");
      gtk_widget_add_css_class (GTK_WIDGET (d->result), "success");
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

  config.service = selected_service (d);
  config.url = gtk_editable_get_text (GTK_EDITABLE (d->url));
  config.project = gtk_editable_get_text (GTK_EDITABLE (d->project));
  config.user = gtk_editable_get_text (GTK_EDITABLE (d->user));
  config.token = token;
  config.epic_field = gtk_editable_get_text (GTK_EDITABLE (d->epic_field));
  if (g_str_equal (config.service, "confluence"))
    wiki = lia_wiki_new (http, &config, &error);
  else
    tracker = lia_tracker_new (http, &config, &error);
  if (tracker == NULL && wiki == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not connect: %s"), error->message);
      gtk_label_set_text (d->result, text);
      gtk_widget_add_css_class (GTK_WIDGET (d->result), "error");
      return;
    }
  if (d->cancellable)
    g_cancellable_cancel (d->cancellable);
  g_clear_object (&d->cancellable);
  d->cancellable = g_cancellable_new ();
  gtk_label_set_text (d->result, _("Connecting…"));
  gtk_spinner_start (d->spinner);
  if (wiki)
    lia_wiki_list_async (wiki, d->cancellable, tested_cb, d);
  else
    lia_tracker_list_async (tracker, LIA_TRACKER_LIST_TYPES, d->cancellable, tested_cb, d);
}

static void
save_clicked_cb (Dialog *d)
{
  LiaHistory *history = lia_workspace_get_history (d->workspace);
  GListStore *accounts = lia_workspace_get_accounts (d->workspace);
  const char *token = gtk_editable_get_text (GTK_EDITABLE (d->token));
  g_autoptr(GError) error = NULL;
  /* Stored normalised and never with a user name or password in it. */
  g_autofree char *url = lia_sync_check_base_url (gtk_editable_get_text (GTK_EDITABLE (d->url)), &error);
  const struct { guint field; const char *value; } values[] = {
    { LIA_ACCOUNT_NAME, gtk_editable_get_text (GTK_EDITABLE (d->name)) },
    { LIA_ACCOUNT_SERVICE, selected_service (d) },
    { LIA_ACCOUNT_URL, url ? url : "" },
    { LIA_ACCOUNT_PROJECT, gtk_editable_get_text (GTK_EDITABLE (d->project)) },
    { LIA_ACCOUNT_USER, gtk_editable_get_text (GTK_EDITABLE (d->user)) },
    { LIA_ACCOUNT_EPIC_FIELD, gtk_editable_get_text (GTK_EDITABLE (d->epic_field)) },
  };

  if (url == NULL)
    {
      gtk_label_set_text (d->result, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (d->result), "error");
      return;
    }
  lia_history_begin (history, _("Save Account"));
  if (d->account == NULL)
    {
      g_autoptr(LiaAccount) account = lia_account_new ();
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        lia_entity_set_string (LIA_ENTITY (account), values[i].field, values[i].value);
      lia_entity_set_boolean (LIA_ENTITY (account), LIA_ACCOUNT_MILESTONES, gtk_switch_get_active (d->milestones));
      lia_history_insert (history, accounts, g_list_model_get_n_items (G_LIST_MODEL (accounts)), LIA_ENTITY (account));
      g_set_object (&d->account, account);
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      lia_history_set_string (history, LIA_ENTITY (d->account), values[i].field, values[i].value, FALSE);
  lia_history_end (history);
  if (*token)
    lia_credentials_store (lia_entity_get_id (LIA_ENTITY (d->account)), values[2].value, token);
  gtk_editable_set_text (GTK_EDITABLE (d->token), "");
  gtk_label_set_text (d->result, *token ? _("Saved; the token is in the keyring") : _("Saved"));
  gtk_widget_remove_css_class (GTK_WIDGET (d->result), "error");
}

static void
remove_clicked_cb (Dialog *d)
{
  GListStore *accounts = lia_workspace_get_accounts (d->workspace);
  guint position;

  if (d->account && g_list_store_find (accounts, d->account, &position))
    {
      lia_history_remove (lia_workspace_get_history (d->workspace), accounts, position);
      load (d, NULL);
    }
}

static AdwEntryRow *
add_entry (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static char *
account_label (LiaAccount *account)
{
  const char *name = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_NAME);
  return g_strdup (*name ? name : lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL));
}

GtkWidget *
lia_accounts_dialog_new (LiaWorkspace *workspace)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *pick = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Account"));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *services = GTK_WIDGET (gtk_string_list_new (NULL));
  GtkWidget *milestones_row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *test = gtk_button_new_with_mnemonic (_("_Test Connection"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  GtkWidget *result_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkExpression) expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (account_label), NULL, NULL);

  d->workspace = g_object_ref (workspace);
  d->window = GTK_WINDOW (window);
  gtk_window_set_title (GTK_WINDOW (window), _("Accounts"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  g_object_set_data_full (G_OBJECT (window), "dialog", d, (GDestroyNotify) dialog_free);

  d->accounts = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (lia_workspace_get_accounts (workspace))), NULL));
  gtk_drop_down_set_expression (d->accounts, expression);
  gtk_widget_set_hexpand (GTK_WIDGET (d->accounts), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->accounts), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accounts"), -1);
  g_signal_connect (d->accounts, "notify::selected", G_CALLBACK (account_selected_cb), d);
  g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (new_clicked_cb), d);
  gtk_box_append (GTK_BOX (pick), GTK_WIDGET (d->accounts));
  gtk_box_append (GTK_BOX (pick), new_button);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Account"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("GitHub: https://api.github.com and OWNER/REPO. GitLab: https://HOST/api/v4 and GROUP/PROJECT. Jira Cloud: your e-mail address as the user and an API token. "
      "Confluence: https://SITE.atlassian.net/wiki and the space key as the project (Cloud: your e-mail address as the user; Data Center: no user and a personal access token). "
      "A Redmine account also publishes to the project’s wiki."));
  d->name = add_entry (group, _("Name"));
  d->service = ADW_COMBO_ROW (adw_combo_row_new ());
  for (guint i = 0; lia_service_choices[i]; i++)
    gtk_string_list_append (GTK_STRING_LIST (services), lia_choice_get_label (lia_service_choices[i]));
  adw_combo_row_set_model (d->service, G_LIST_MODEL (services));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->service), _("Service"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->service));
  d->url = add_entry (group, _("Address"));
  d->project = add_entry (group, _("Project"));
  d->user = add_entry (group, _("User (e-mail for Jira Cloud)"));
  d->token = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->token), _("Token (kept in the keyring)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->token));
  d->epic_field = add_entry (group, _("Epic Link field (Jira Data Center)"));
  d->milestones = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (d->milestones), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (milestones_row), _("Due dates as milestones (GitLab)"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (milestones_row), GTK_WIDGET (d->milestones));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (milestones_row), GTK_WIDGET (d->milestones));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), milestones_row);

  g_signal_connect_swapped (test, "clicked", G_CALLBACK (test_clicked_cb), d);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), d);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), d);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_box_append (GTK_BOX (buttons), test);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (buttons), remove);

  d->spinner = GTK_SPINNER (gtk_spinner_new ());
  d->result = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->result, TRUE);
  gtk_label_set_xalign (d->result, 0);
  gtk_label_set_selectable (d->result, TRUE);
  gtk_box_append (GTK_BOX (result_box), GTK_WIDGET (d->spinner));
  gtk_box_append (GTK_BOX (result_box), GTK_WIDGET (d->result));

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), pick);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), buttons);
  gtk_box_append (GTK_BOX (content), result_box);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroll);
  adw_window_set_content (ADW_WINDOW (window), box);

  if (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_accounts (workspace))) > 0)
    account_selected_cb (d->accounts, NULL, d);
  else
    load (d, NULL);
  return window;
}
