/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-chat-summary-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-accounts-dialog.h"
#include "lia-chat-summary-dialog.h"
#include "lia-chat.h"
#include "lia-credentials.h"
#include "lia-meeting-summary.h"

/* Send Summary to Chat: pick one of the workspace's chat accounts, read
 * the summary as that service will show it, and Send.  The post runs on
 * the engine's worker thread behind a spinner with Cancel, so the window
 * never waits; what went wrong is said in the engine's plain words, here
 * rather than in a passing toast.  A success is recorded on the meeting
 * (one undoable step), and a second post to the same service asks first,
 * since a channel cannot take a message back. */

struct _LiaChatSummaryDialog
{
  AdwWindow       parent_instance;

  LiaWorkspace   *workspace;
  LiaMeeting     *meeting;
  GListStore     *chat_accounts;
  GCancellable   *cancellable;    /* the running post, or NULL */

  /* template children */
  AdwToastOverlay *toasts;
  GtkStack       *stack;          /* "empty", "form" */
  AdwComboRow    *account_row;
  GtkTextView    *preview;
  GtkLabel       *split_note;
  GtkLabel       *result;
  GtkSpinner     *spinner;
  GtkWidget      *cancel_button;
  GtkWidget      *send_button;
};

G_DEFINE_FINAL_TYPE (LiaChatSummaryDialog, lia_chat_summary_dialog, ADW_TYPE_WINDOW)

static LiaAccount *
selected_account (LiaChatSummaryDialog *self)
{
  guint i = adw_combo_row_get_selected (self->account_row);

  if (i >= g_list_model_get_n_items (G_LIST_MODEL (self->chat_accounts)))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->chat_accounts), i);
}

static const char *
service_of (LiaAccount *account)
{
  return lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE);
}

static void
set_result (LiaChatSummaryDialog *self,
            const char           *text,
            gboolean              error)
{
  gtk_label_set_text (self->result, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result), text != NULL && *text != '\0');
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->result), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->result), "error");
}

static void
set_busy (LiaChatSummaryDialog *self,
          gboolean              busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_sensitive (self->send_button, !busy && !lia_workspace_get_read_only (self->workspace));
  gtk_widget_set_sensitive (GTK_WIDGET (self->account_row), !busy);
}

/* The preview follows the chosen account's service: Slack's mrkdwn,
 * Discord's Markdown, the Teams card's text. */
static void
update_preview (LiaChatSummaryDialog *self)
{
  g_autoptr(LiaAccount) account = selected_account (self);
  g_autoptr(GPtrArray) payloads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  set_result (self, NULL, FALSE);
  if (account == NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview), "", -1);
      gtk_widget_set_visible (GTK_WIDGET (self->split_note), FALSE);
      return;
    }
  text = lia_meeting_summary_preview (self->meeting, self->workspace, service_of (account));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview), text ? text : "", -1);

  payloads = lia_meeting_summary_payloads (self->meeting, self->workspace, service_of (account), &error);
  if (payloads == NULL)
    {
      set_result (self, error->message, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->split_note), FALSE);
      return;
    }
  if (payloads->len > 1)
    {
      g_autofree char *note =
        g_strdup_printf (ngettext ("Sent as %u message: the summary is longer than %s takes in one.",
                                   "Sent as %u messages: the summary is longer than %s takes in one.",
                                   payloads->len),
                         payloads->len, lia_choice_get_label (service_of (account)));
      gtk_label_set_text (self->split_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->split_note), payloads->len > 1);
}

/* The dropdown holds the workspace's chat accounts only; the trackers and
 * wikis are elsewhere.  Without one, the empty state leads to Accounts. */
static void
refresh_accounts (LiaChatSummaryDialog *self)
{
  GListModel *all = G_LIST_MODEL (lia_workspace_get_accounts (self->workspace));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(LiaAccount) previous = selected_account (self);
  guint selected = 0;

  g_list_store_remove_all (self->chat_accounts);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LiaAccount) account = g_list_model_get_item (all, i);
      const char *service = service_of (account);
      const char *name = lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_NAME);
      g_autofree char *label = NULL;

      if (!lia_chat_service_is_known (service))
        continue;
      if (account == previous)
        selected = g_list_model_get_n_items (G_LIST_MODEL (self->chat_accounts));
      /* Translators: a chat account in the list: its name, then the service */
      label = g_strdup_printf (_("%s (%s)"), *name ? name : lia_choice_get_label (service), lia_choice_get_label (service));
      g_list_store_append (self->chat_accounts, account);
      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, selected);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->chat_accounts)) > 0 ? "form" : "empty");
  update_preview (self);
}

/* ---- sending ---- */

/* The answer may come after the window closed: the post was cancelled
 * then, and the answer is dropped.  The request does not keep the window
 * alive. */
typedef struct
{
  GWeakRef      self;
  GCancellable *cancellable;
  char         *service;
  GPtrArray    *payloads;
} Post;

static void
post_free (Post *post)
{
  g_weak_ref_clear (&post->self);
  g_clear_object (&post->cancellable);
  g_free (post->service);
  g_ptr_array_unref (post->payloads);
  g_free (post);
}

/* The post's dialog, or NULL when it closed or the post was cancelled
 * (the window then says so already). */
static LiaChatSummaryDialog *
post_dialog (Post *post)
{
  LiaChatSummaryDialog *self = g_weak_ref_get (&post->self);

  if (self != NULL && self->cancellable != post->cancellable)
    g_clear_object (&self);
  return self;
}

/* The post is over: @text says how (NULL when it went through), shown
 * as an error unless the user cancelled it. */
static void
finish (LiaChatSummaryDialog *self,
        const char           *text,
        gboolean              is_error)
{
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  set_result (self, text, is_error);
}

static void
posted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Post *post = user_data;
  g_autoptr(LiaChatSummaryDialog) self = post_dialog (post);
  g_autoptr(GError) error = NULL;
  guint n_posted = 0;
  gboolean ok = lia_chat_post_finish (result, &n_posted, &error);

  if (self == NULL)
    {
      post_free (post);
      return;
    }

  /* Part of a split summary in the channel is recorded too: posting it
   * again would repeat those messages, which is worth a question. */
  if (n_posted > 0)
    lia_meeting_summary_mark_posted (self->meeting, lia_workspace_get_history (self->workspace), post->service);

  if (ok)
    {
      /* Translators: %s is a chat service, such as Slack */
      g_autofree char *title = g_strdup_printf (_("Summary posted to %s"), lia_choice_get_label (post->service));

      finish (self, NULL, FALSE);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
    }
  else
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_autofree char *text = g_strdup (cancelled ? _("Sending was cancelled.") : error->message);

      if (n_posted > 0)
        {
          /* Translators: the first %u is how many messages were posted, the second how many the summary has */
          g_autofree char *part = g_strdup_printf (ngettext ("%u of %u message was posted.",
                                                             "%u of %u messages were posted.", post->payloads->len),
                                                   n_posted, post->payloads->len);
          /* Translators: two sentences, what went wrong and how much of the
           * summary was posted; the space between them is yours to set */
          g_autofree char *both = g_strdup_printf (_("%1$s %2$s"), text, part);
          g_free (text);
          text = g_steal_pointer (&both);
        }
      finish (self, text, !cancelled);
    }
  post_free (post);
}

/* The webhook comes from the keyring without waiting for it: an absent
 * keyring can take seconds to answer. */
static void
webhook_found_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Post *post = user_data;
  g_autoptr(LiaChatSummaryDialog) self = post_dialog (post);
  g_autoptr(GError) error = NULL;
  g_autofree char *webhook = lia_credentials_lookup_webhook_finish (result, &error);
  g_autoptr(LiaHttp) http = NULL;

  if (self == NULL)
    {
      post_free (post);
      return;
    }
  if (error != NULL)   /* only a cancelled lookup fails */
    {
      finish (self, _("Sending was cancelled."), FALSE);
      post_free (post);
      return;
    }
  if (webhook == NULL || *webhook == '\0')
    {
      finish (self, _("The webhook’s address is not in the keyring; open Accounts… and paste it into the account again."), TRUE);
      post_free (post);
      return;
    }
  http = lia_http_new ();
  lia_chat_post_async (http, post->service, webhook, post->payloads, self->cancellable, posted_cb, post);
  memset (webhook, 0, strlen (webhook));
}

static void
send_now (LiaChatSummaryDialog *self)
{
  g_autoptr(LiaAccount) account = selected_account (self);
  g_autoptr(GPtrArray) payloads = NULL;
  g_autoptr(GError) error = NULL;
  Post *post;

  if (account == NULL || self->cancellable != NULL)
    return;
  payloads = lia_meeting_summary_payloads (self->meeting, self->workspace, service_of (account), &error);
  if (payloads == NULL)
    {
      set_result (self, error->message, TRUE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  post = g_new0 (Post, 1);
  g_weak_ref_init (&post->self, self);
  post->cancellable = g_object_ref (self->cancellable);
  post->service = g_strdup (service_of (account));
  post->payloads = g_steal_pointer (&payloads);
  set_result (self, _("Sending…"), FALSE);
  set_busy (self, TRUE);
  lia_credentials_lookup_webhook_async (lia_entity_get_id (LIA_ENTITY (account)), self->cancellable, webhook_found_cb, post);
}

static void
again_response_cb (AdwMessageDialog     *message,
                   const char           *response,
                   LiaChatSummaryDialog *self)
{
  if (g_str_equal (response, "post"))
    send_now (self);
}

static void
send_clicked_cb (LiaChatSummaryDialog *self)
{
  g_autoptr(LiaAccount) account = selected_account (self);
  GtkWidget *message;
  const char *label;

  if (account == NULL || self->cancellable != NULL || lia_workspace_get_read_only (self->workspace))
    return;
  if (!lia_meeting_summary_was_posted (self->meeting, service_of (account)))
    {
      send_now (self);
      return;
    }

  /* A channel cannot take a message back: a second post asks first. */
  label = lia_choice_get_label (service_of (account));
  message = adw_message_dialog_new (GTK_WINDOW (self), _("Post Again?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (message),
                                  /* Translators: %s is a chat service, such as Slack */
                                  _("This summary was already posted to %s. Post it again?"), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "post", _("_Post Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "post", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect_object (message, "response", G_CALLBACK (again_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static void
cancel_clicked_cb (LiaChatSummaryDialog *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
accounts_clicked_cb (LiaChatSummaryDialog *self)
{
  GtkWidget *dialog = lia_accounts_dialog_new (self->workspace);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the window ---- */

static void
lia_chat_summary_dialog_dispose (GObject *object)
{
  LiaChatSummaryDialog *self = LIA_CHAT_SUMMARY_DIALOG (object);

  /* A post still running answers into a cancelled request and stops there. */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CHAT_SUMMARY_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->meeting);
  g_clear_object (&self->chat_accounts);
  G_OBJECT_CLASS (lia_chat_summary_dialog_parent_class)->dispose (object);
}

static void
lia_chat_summary_dialog_class_init (LiaChatSummaryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lia_chat_summary_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-chat-summary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, split_note);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, result);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LiaChatSummaryDialog, send_button);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, accounts_clicked_cb);
}

static void
lia_chat_summary_dialog_init (LiaChatSummaryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chat_accounts = g_list_store_new (LIA_TYPE_ACCOUNT);
  g_signal_connect_object (self->account_row, "notify::selected", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
}

GtkWidget *
lia_chat_summary_dialog_new (LiaWorkspace *workspace,
                             LiaMeeting   *meeting)
{
  LiaChatSummaryDialog *self;
  GListModel *accounts;

  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (LIA_IS_MEETING (meeting), NULL);

  self = g_object_new (LIA_TYPE_CHAT_SUMMARY_DIALOG, NULL);
  self->workspace = g_object_ref (workspace);
  self->meeting = g_object_ref (meeting);
  /* An account added (from the empty state’s button) while the
   * window is open shows up at once. */
  accounts = G_LIST_MODEL (lia_workspace_get_accounts (workspace));
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (refresh_accounts), self, G_CONNECT_SWAPPED);
  refresh_accounts (self);
  set_busy (self, FALSE);
  return GTK_WIDGET (self);
}

gboolean
lia_chat_summary_dialog_is_busy (LiaChatSummaryDialog *self)
{
  g_return_val_if_fail (LIA_IS_CHAT_SUMMARY_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
