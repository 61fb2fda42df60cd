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
  GtkStringList *report_lines;  /* what the last run did, page by page */

  /* template children */
  AdwComboRow  *account_row;
  AdwComboRow  *scope_row;
  GtkWidget    *preview_button;
  GtkWidget    *publish_button;
  GtkWidget    *overwrite_button;
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
  g_autofree const char **lines = g_new0 (const char *, report->lines->len + 1);

  gtk_label_set_text (self->summary, summary);
  /* A new report replaces the last one whole. */
  memcpy (lines, report->lines->pdata, report->lines->len * sizeof (char *));
  gtk_string_list_splice (self->report_lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->report_lines)), lines);
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
  g_clear_object (&self->report_lines);
  g_clear_pointer (&self->page_id, g_free);
  g_clear_pointer (&self->conflicts, g_strfreev);
  G_OBJECT_CLASS (lia_publish_dialog_parent_class)->dispose (object);
}

static GtkWidget *
create_line (gpointer item,
             gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
lia_publish_dialog_class_init (LiaPublishDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lia_publish_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/documents/lia-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, overwrite_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, lines);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishDialog, result_stack);
  gtk_widget_class_bind_template_callback (widget_class, accounts_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, overwrite_clicked_cb);
}

static void
lia_publish_dialog_init (LiaPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->wiki_accounts = g_list_store_new (LIA_TYPE_ACCOUNT);
  self->report_lines = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->lines, G_LIST_MODEL (self->report_lines), create_line, NULL, NULL);
  gtk_stack_set_visible_child_name (self->result_stack, "empty");
}

GtkWidget *
lia_publish_dialog_new (LiaWorkspace *workspace,
                        LiaPage      *page)
{
  LiaPublishDialog *self;
  g_autoptr(GtkStringList) scopes = NULL;

  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (page == NULL || LIA_IS_PAGE (page), NULL);

  self = g_object_new (LIA_TYPE_PUBLISH_DIALOG, NULL);
  scopes = gtk_string_list_new (NULL);
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
  g_return_if_fail (LIA_IS_PUBLISH_DIALOG (self));

  run (self, TRUE, NULL);
}

void
lia_publish_dialog_publish (LiaPublishDialog *self)
{
  g_return_if_fail (LIA_IS_PUBLISH_DIALOG (self));

  run (self, FALSE, NULL);
}

void
lia_publish_dialog_set_scope_page (LiaPublishDialog *self,
                                   gboolean          subtree)
{
  g_return_if_fail (LIA_IS_PUBLISH_DIALOG (self));

  adw_combo_row_set_selected (self->scope_row, subtree && self->page_id ? 1 : 0);
}

gboolean
lia_publish_dialog_is_busy (LiaPublishDialog *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const char *
lia_publish_dialog_get_summary (LiaPublishDialog *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_DIALOG (self), NULL);

  return gtk_label_get_text (self->summary);
}

guint
lia_publish_dialog_get_n_lines (LiaPublishDialog *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_DIALOG (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->report_lines));
}

gboolean
lia_publish_dialog_has_conflicts (LiaPublishDialog *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_DIALOG (self), FALSE);

  return gtk_widget_get_visible (self->overwrite_button);
}

void
lia_publish_dialog_overwrite (LiaPublishDialog *self)
{
  g_auto(GStrv) force = NULL;

  g_return_if_fail (LIA_IS_PUBLISH_DIALOG (self));

  force = g_steal_pointer (&self->conflicts);
  run (self, FALSE, (const char * const *) force);
}
