/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-publish-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-accounts-dialog.h"
#include "lia-credentials.h"
#include "lia-publish-dialog.h"
#include "lia-publish.h"
#include "lia-wait-notice.h"

/* Publish to Wiki: pick a Confluence or Redmine account and the whole tree
 * or the selected page's subtree; Preview reads the wiki and lists what
 * would be created, updated, moved or left alone; Publish does it with a
 * progress bar and Cancel.  Conflicts are listed with a way to overwrite
 * them, on purpose, in a second step. */

struct _LiaPublishDialog
{
  AdwWindow     parent_instance;

  LiaWorkspace *workspace;
  char         *page_id;        /* the selected page, or NULL */
  GListStore   *wiki_accounts;
  GCancellable *cancellable;
  GStrv         conflicts;      /* page ids from the last publish */

  AdwComboRow  *account_row;
  AdwComboRow  *scope_row;
  GtkWidget    *preview_button;
  GtkWidget    *publish_button;
  GtkWidget    *overwrite_button;
  GtkWidget    *cancel_button;
  GtkProgressBar *progress;
  GtkRevealer  *progress_revealer;
  GtkLabel     *summary;
  GtkListBox   *lines;
  GtkStack     *result_stack;
};

G_DEFINE_FINAL_TYPE (LiaPublishDialog, lia_publish_dialog, ADW_TYPE_WINDOW)

static void
refresh_accounts (LiaPublishDialog *self)
{
  GListModel *all = G_LIST_MODEL (lia_workspace_get_accounts (self->workspace));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_list_store_remove_all (self->wiki_accounts);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LiaAccount) account = g_list_model_get_item (all, i);
      const char *service = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE);
      const char *name = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_NAME);
      g_autofree char *label = NULL;

      if (!g_str_equal (service, "confluence") && !g_str_equal (service, "redmine"))
        continue;
      /* Translators: an account in the list: its name, then the service */
      label = g_strdup_printf (_("%s (%s)"), *name ? name : lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL),
                               lia_choice_get_label (service));
      g_list_store_append (self->wiki_accounts, account);
      gtk_string_list_append (names, label);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (names)) == 0)
    gtk_string_list_append (names, _("No wiki account yet"));
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (self->preview_button, g_list_model_get_n_items (G_LIST_MODEL (self->wiki_accounts)) > 0);
  gtk_widget_set_sensitive (self->publish_button, g_list_model_get_n_items (G_LIST_MODEL (self->wiki_accounts)) > 0 &&
                                                  !lia_workspace_get_read_only (self->workspace));
}

static LiaWiki *
make_wiki (LiaPublishDialog  *self,
           GError           **error)
{
  guint i = adw_combo_row_get_selected (self->account_row);
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autofree char *token = NULL;
  LiaTrackerConfig config;
  LiaWiki *wiki;

  if (i >= g_list_model_get_n_items (G_LIST_MODEL (self->wiki_accounts)))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   _("Add a Confluence or Redmine account first (Accounts…)"));
      return NULL;
    }
  account = g_list_model_get_item (G_LIST_MODEL (self->wiki_accounts), i);
  token = lia_credentials_lookup (lia_entity_get_id (LIA_ENTITY (account)));
  http = lia_http_new ();
  lia_tracker_config_from_account (&config, account, token);
  wiki = lia_wiki_new (http, &config, error);
  if (token)
    memset (token, 0, strlen (token));
  return wiki;
}

static const char *
scope (LiaPublishDialog *self)
{
  return self->page_id && adw_combo_row_get_selected (self->scope_row) == 1 ? self->page_id : NULL;
}

static void
set_busy (LiaPublishDialog *self,
          gboolean          busy)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_set_sensitive (self->preview_button, !busy);
  gtk_widget_set_sensitive (self->publish_button, !busy && !lia_workspace_get_read_only (self->workspace));
  gtk_widget_set_sensitive (GTK_WIDGET (self->account_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), !busy);
  if (busy)
    gtk_widget_set_visible (self->overwrite_button, FALSE);
}

static void
show_report (LiaPublishDialog *self,
             LiaPublishReport *report)
{
  g_autofree char *summary = report->cancelled ? g_strdup (_("Publishing cancelled; the pages sent so far are recorded"))
                                               : lia_publish_report_summary (report);
  GtkWidget *child;

  gtk_label_set_text (self->summary, summary);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines))) != NULL)
    gtk_list_box_remove (self->lines, child);
  for (guint i = 0; i < report->lines->len; i++)
    {
      GtkWidget *label = gtk_label_new (report->lines->pdata[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->lines, label);
    }
  gtk_stack_set_visible_child_name (self->result_stack, report->lines->len > 0 ? "lines" : "nothing");

  g_clear_pointer (&self->conflicts, g_strfreev);
  if (!report->dry_run && report->conflict_ids->len > 0)
    {
      g_ptr_array_add (report->conflict_ids, NULL);
      self->conflicts = g_strdupv ((char **) report->conflict_ids->pdata);
      g_ptr_array_remove_index (report->conflict_ids, report->conflict_ids->len - 1);
    }
  gtk_widget_set_visible (self->overwrite_button, self->conflicts != NULL);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  LiaPublishDialog *self = user_data;
  /* Translators: publish progress, "3 of 12" pages */
  g_autofree char *text = g_strdup_printf (_("%u of %u"), done, total);

  gtk_progress_bar_set_fraction (self->progress, total ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress, text);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LiaPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPublishReport) report = lia_publish_run_finish (LIA_WORKSPACE (source), result, &error);

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (report == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  if (!report->dry_run && lia_workspace_get_file (self->workspace) != NULL)
    {
      g_autoptr(GError) save_error = NULL;
      if (!lia_workspace_save (self->workspace, NULL, NULL, &save_error))
        g_warning ("saving after publish: %s", save_error->message);
    }
  show_report (self, report);
}

static void
run (LiaPublishDialog   *self,
     gboolean            dry_run,
     const char * const *force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWiki) wiki = NULL;

  if (self->cancellable != NULL)
    return;
  wiki = make_wiki (self, &error);
  if (wiki == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, dry_run ? _("Reading the wiki…") : _("Publishing…"));
  gtk_label_set_text (self->summary, "");
  set_busy (self, TRUE);
  lia_wait_notice_watch (lia_wiki_get_http (wiki), self->progress, self->cancellable,
                         lia_wiki_get_service (wiki), lia_wiki_get_base_url (wiki));
  lia_publish_run_async (self->workspace, wiki, scope (self), dry_run, force, self->cancellable,
                         progress_cb, self, done_cb, g_object_ref (self));
}

static void
preview_clicked_cb (LiaPublishDialog *self)
{
  run (self, TRUE, NULL);
}

static void
publish_clicked_cb (LiaPublishDialog *self)
{
  run (self, FALSE, NULL);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LiaPublishDialog *self)
{
  g_auto(GStrv) force = NULL;

  if (!g_str_equal (response, "overwrite") || self->conflicts == NULL)
    return;
  force = g_steal_pointer (&self->conflicts);
  run (self, FALSE, (const char * const *) force);
}

static void
overwrite_clicked_cb (LiaPublishDialog *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite Edits on the Wiki?"),
                                              _("The pages in conflict were edited on the wiki since they were last "
                                                "published. Publishing them replaces those edits with the pages in "
                                                "this workspace; the wiki keeps the old versions in its history."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_clicked_cb (LiaPublishDialog *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
accounts_clicked_cb (LiaPublishDialog *self)
{
  GtkWidget *dialog = lia_accounts_dialog_new (self->workspace);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (refresh_accounts), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lia_publish_dialog_dispose (GObject *object)
{
  LiaPublishDialog *self = LIA_PUBLISH_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_object (&self->wiki_accounts);
  g_clear_pointer (&self->page_id, g_free);
  g_clear_pointer (&self->conflicts, g_strfreev);
  G_OBJECT_CLASS (lia_publish_dialog_parent_class)->dispose (object);
}

static void
lia_publish_dialog_class_init (LiaPublishDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lia_publish_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
button (const char *mnemonic,
        const char *css,
        GCallback   callback,
        gpointer    self)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (mnemonic);

  if (css)
    gtk_widget_add_css_class (b, css);
  g_signal_connect_swapped (b, "clicked", callback, self);
  return b;
}

static void
lia_publish_dialog_init (LiaPublishDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *accounts = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *nothing = adw_status_page_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->wiki_accounts = g_list_store_new (LIA_TYPE_ACCOUNT);
  gtk_window_set_title (GTK_WINDOW (self), _("Publish to Wiki"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 620);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Pages go under their parents, in order. Unchanged pages are skipped; pages edited on the wiki are never overwritten without asking."));
  self->account_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), _("Wiki"));
  gtk_widget_set_valign (accounts, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (accounts, "flat");
  gtk_widget_set_tooltip_text (accounts, _("Accounts…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (accounts), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accounts…"), -1);
  g_signal_connect_swapped (accounts, "clicked", G_CALLBACK (accounts_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->account_row), accounts);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->account_row));
  self->scope_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), _("Pages"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->scope_row));

  self->preview_button = button (_("Pre_view"), NULL, G_CALLBACK (preview_clicked_cb), self);
  self->publish_button = button (_("_Publish"), "suggested-action", G_CALLBACK (publish_clicked_cb), self);
  self->overwrite_button = button (_("_Overwrite Conflicts…"), "destructive-action", G_CALLBACK (overwrite_clicked_cb), self);
  gtk_widget_set_visible (self->overwrite_button, FALSE);
  gtk_widget_set_tooltip_text (self->preview_button, _("Read the wiki and list what publishing would do"));
  gtk_box_set_homogeneous (GTK_BOX (buttons), FALSE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->preview_button);
  gtk_box_append (GTK_BOX (buttons), self->publish_button);

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  self->cancel_button = button (_("_Cancel"), NULL, G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (progress_box), self->cancel_button);
  self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->progress_revealer, progress_box);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_selectable (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);

  self->lines = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->lines, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->lines), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lines), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "send-to-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Sent Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
    _("Preview lists the pages that would be created, updated or moved, and the wiki pages that have no page here."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (nothing), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (nothing), _("Up to Date"));
  adw_status_page_set_description (ADW_STATUS_PAGE (nothing), _("Every page on the wiki matches this workspace."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_widget_add_css_class (nothing, "compact");
  self->result_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->result_stack, FALSE);
  gtk_stack_add_named (self->result_stack, empty, "empty");
  gtk_stack_add_named (self->result_stack, nothing, "nothing");
  gtk_stack_add_named (self->result_stack, GTK_WIDGET (self->lines), "lines");
  gtk_stack_set_visible_child_name (self->result_stack, "empty");

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), buttons);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->progress_revealer));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary));
  gtk_widget_set_halign (self->overwrite_button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (content), self->overwrite_button);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->result_stack));
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroll);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
lia_publish_dialog_new (LiaWorkspace *workspace,
                        LiaPage      *page)
{
  LiaPublishDialog *self = g_object_new (LIA_TYPE_PUBLISH_DIALOG, NULL);
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);

  self->workspace = g_object_ref (workspace);
  gtk_string_list_append (scopes, _("The whole tree"));
  if (page != NULL)
    {
      /* Translators: %s is a page title */
      g_autofree char *label = g_strdup_printf (_("“%s” and its subpages"),
                                                lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
      self->page_id = g_strdup (lia_entity_get_id (LIA_ENTITY (page)));
      gtk_string_list_append (scopes, label);
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  refresh_accounts (self);
  return GTK_WIDGET (self);
}

void
lia_publish_dialog_preview (LiaPublishDialog *self)
{
  run (self, TRUE, NULL);
}

void
lia_publish_dialog_publish (LiaPublishDialog *self)
{
  run (self, FALSE, NULL);
}

void
lia_publish_dialog_set_scope_page (LiaPublishDialog *self,
                                   gboolean          subtree)
{
  adw_combo_row_set_selected (self->scope_row, subtree && self->page_id ? 1 : 0);
}

gboolean
lia_publish_dialog_is_busy (LiaPublishDialog *self)
{
  return self->cancellable != NULL;
}

const char *
lia_publish_dialog_get_summary (LiaPublishDialog *self)
{
  return gtk_label_get_text (self->summary);
}

guint
lia_publish_dialog_get_n_lines (LiaPublishDialog *self)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->lines)); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

gboolean
lia_publish_dialog_has_conflicts (LiaPublishDialog *self)
{
  return gtk_widget_get_visible (self->overwrite_button);
}

void
lia_publish_dialog_overwrite (LiaPublishDialog *self)
{
  g_auto(GStrv) force = g_steal_pointer (&self->conflicts);
  run (self, FALSE, (const char * const *) force);
}
