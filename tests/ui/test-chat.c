/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lia-fake-chat.h"
#include "lia-meeting-summary.h"
#include "lia-model.h"
#include "lia-test-widgets.h"
#include "accounts/lia-accounts-dialog.h"
#include "meetings/lia-chat-summary-dialog.h"
#include "meetings/lia-meetings-view.h"

/* Meeting notes to chat under Xvfb: a Slack account added through the
 * Accounts dialog (the webhook masked, checked and kept out of the file),
 * "Send Summary to Chat…" on the sample's first meeting, its preview, a
 * post that reaches the strict loopback fake once, the toast and the
 * undoable mark; a second post asks first; the fake's 404 in plain words;
 * the empty state without a chat account; a read-only workspace offers
 * nothing.  No keyring runs under the test session: the webhook comes
 * back from LIAISON_WEBHOOK, as for liaison-cli post. */

#define spin lia_test_spin
#define ACTION "Publish the ChatRequest schema"

typedef struct
{
  LiaWorkspace *workspace;
  LiaWindow    *window;
  FakeChat     *fake;
  char         *webhook;
} Fixture;

static LiaMeeting *first_meeting (Fixture *f);

static void
add_action_item (Fixture    *f,
                 const char *text)
{
  g_autoptr(LiaActionItem) action = lia_action_item_new ();

  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_TEXT, text);
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_OWNER, "Facilitator");
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_DUE, "2026-02-01");
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (first_meeting (f)), LIA_MEETING_ACTION_ITEMS), action);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  lia_test_allow_missing_keyring ();
  f->window = lia_test_sample_window ("meetings", &f->workspace);
  f->fake = fake_chat_new ();
  f->webhook = fake_chat_get_url (f->fake, "slack");
  g_setenv ("LIAISON_WEBHOOK", f->webhook, TRUE);
  /* The sample's meeting has decisions but no action item yet. */
  add_action_item (f, ACTION);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_destroy_windows ();
  g_clear_object (&f->workspace);
  g_clear_pointer (&f->fake, fake_chat_free);
  g_clear_pointer (&f->webhook, g_free);
  g_unsetenv ("LIAISON_WEBHOOK");
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_shown_with_title (GtkWidget     *widget,
                     gconstpointer  title)
{
  return lia_test_has_title (widget, title) && gtk_widget_get_visible (widget);
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = lia_test_find_widget (root, lia_test_has_label, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button));
  lia_test_click (button);
  spin (50);
}

static LiaMeeting *
first_meeting (Fixture *f)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);

  g_assert_nonnull (meeting);
  return meeting;   /* the workspace holds it */
}

/* A Slack account through the Accounts dialog, as a person adds one. */
static void
add_slack_account (Fixture *f)
{
  GListModel *accounts = G_LIST_MODEL (lia_workspace_get_accounts (f->workspace));
  GtkWidget *dialog = lia_accounts_dialog_new (f->workspace);
  GtkWidget *row;
  g_autoptr(LiaAccount) account = NULL;
  g_autofree char *data = NULL;
  guint n = g_list_model_get_n_items (accounts);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);
  if (n == 0)
    click (dialog, "_Add Account");
  else
    {
      GtkWidget *add = lia_test_find_widget (dialog, lia_test_has_tooltip, "Add Account");

      g_assert_nonnull (add);
      lia_test_click (add);
      spin (50);
    }
  row = lia_test_find_widget (dialog, lia_test_has_title, "Slack");
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  spin (50);
  /* A name and the webhook, masked; no address, project or user. */
  g_assert_null (lia_test_find_widget (dialog, is_shown_with_title, "Address"));
  row = lia_test_find_widget (dialog, is_shown_with_title, "Webhook Address");
  g_assert_nonnull (row);
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (lia_test_find_widget (dialog, is_shown_with_title, "Name")), "#api-design");

  /* Checked before saving, in plain words. */
  gtk_editable_set_text (GTK_EDITABLE (row), "not a web address");
  click (dialog, "_Add");
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, n);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (lia_test_find_widget (dialog, has_name, "accounts-result"))), ==,
                   "The webhook’s address is missing or not a web address");

  gtk_editable_set_text (GTK_EDITABLE (row), f->webhook);
  click (dialog, "_Add");
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, n + 1);
  account = g_list_model_get_item (accounts, n);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE), ==, "slack");
  /* The file keeps the server only: the webhook's path is the secret. */
  g_assert_true (g_str_has_prefix (f->webhook, lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL)));
  g_assert_true (g_str_has_prefix (lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL), "http://127.0.0.1:"));
  data = lia_workspace_to_data (f->workspace, NULL);
  g_assert_null (strstr (data, f->webhook));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
}

static gboolean
has_text_property (GtkWidget     *widget,
                   gconstpointer  text)
{
  g_autofree char *value = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") == NULL)
    return FALSE;
  g_object_get (widget, "text", &value, NULL);
  return g_strcmp0 (value, text) == 0;
}

/* The meeting menu's item, as the person sees it: whether it can be
 * chosen follows the action's state. */
static gboolean
menu_item_sensitive (GtkWidget *root)
{
  GtkWidget *button = lia_test_find_widget (root, lia_test_has_tooltip, "Meeting Menu");
  GtkWidget *item;
  gboolean sensitive;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  spin (100);
  item = lia_test_find_widget (button, has_text_property, "Send Summary to Chat…");
  g_assert_nonnull (item);
  sensitive = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  spin (50);
  return sensitive;
}

static LiaChatSummaryDialog *
open_dialog (Fixture *f)
{
  LiaMeetingsView *view = LIA_MEETINGS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_MEETINGS_VIEW));
  GtkWidget *dialog;

  g_assert_nonnull (view);
  lia_meetings_view_select (view, first_meeting (f));
  spin (50);
  g_assert_true (menu_item_sensitive (GTK_WIDGET (view)));
  /* what the meeting menu's "Send Summary to Chat…" does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meetings.send-summary", NULL));
  spin (150);
  dialog = find_toplevel (LIA_TYPE_CHAT_SUMMARY_DIALOG);
  g_assert_nonnull (dialog);
  /* The narrowest window the app supports: everything must still fit. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  spin (50);
  return LIA_CHAT_SUMMARY_DIALOG (dialog);
}

static char *
preview_text (LiaChatSummaryDialog *dialog)
{
  GtkWidget *view = lia_test_find_widget (GTK_WIDGET (dialog), has_name, "chat-summary-preview");
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
result_text (LiaChatSummaryDialog *dialog)
{
  GtkWidget *label = lia_test_find_widget (GTK_WIDGET (dialog), has_name, "chat-summary-result");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static void
wait_sent (LiaChatSummaryDialog *dialog)
{
  for (guint i = 0; i < 400 && lia_chat_summary_dialog_is_busy (dialog); i++)
    spin (25);
  g_assert_false (lia_chat_summary_dialog_is_busy (dialog));
}

static AdwMessageDialog *
find_message (void)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
test_send (Fixture       *f,
           gconstpointer  data)
{
  LiaMeeting *meeting = first_meeting (f);
  GListModel *actions = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_ACTION_ITEMS));
  g_autoptr(LiaEntity) action = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(JsonNode) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  LiaChatSummaryDialog *dialog;
  AdwMessageDialog *message;
  GtkWidget *spinner;

  add_slack_account (f);
  dialog = open_dialog (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (lia_test_find_widget (GTK_WIDGET (dialog), has_name, "chat-summary-stack"))),
                   ==, "form");

  /* The preview is the meeting's: its title and an action item. */
  g_assert_cmpuint (g_list_model_get_n_items (actions), >, 0);
  action = g_list_model_get_item (actions, 0);
  preview = preview_text (dialog);
  g_assert_nonnull (strstr (preview, lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE)));
  g_assert_nonnull (strstr (preview, ACTION));
  g_assert_cmpstr (lia_entity_get_string (action, LIA_ACTION_ITEM_TEXT), ==, ACTION);
  g_assert_false (lia_meeting_summary_was_posted (meeting, "slack"));

  /* Send returns at once; the post runs behind a spinner with Cancel. */
  spinner = lia_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPINNER);
  lia_test_click (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_label, "_Send"));
  g_assert_true (lia_chat_summary_dialog_is_busy (dialog));
  g_assert_true (gtk_widget_get_visible (spinner) && gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gtk_widget_get_visible (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_label, "_Cancel")));
  g_assert_cmpstr (result_text (dialog), ==, "Sending…");
  wait_sent (dialog);
  g_assert_false (gtk_widget_get_visible (spinner));

  /* Exactly one post, a valid Slack payload the strict fake took. */
  posts = fake_chat_get_posts (f->fake, "slack");
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpuint (fake_chat_get_n_refused (f->fake), ==, 0);
  g_assert_cmpuint (fake_chat_get_n_pings (f->fake), ==, 0);
  post = json_from_string (g_ptr_array_index (posts, 0), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (post));
  g_assert_true (json_object_has_member (json_node_get_object (post), "text"));
  g_assert_cmpstr (result_text (dialog), ==, "");

  /* The toast, and the mark on the meeting, which Undo takes back. */
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (dialog), has_text, "Summary posted to Slack"));
  g_assert_true (lia_meeting_summary_was_posted (meeting, "slack"));

  /* A second post asks first; Cancel posts nothing. */
  click (GTK_WIDGET (dialog), "_Send");
  message = find_message ();
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, "This summary was already posted to Slack. Post it again?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "cancel");
  g_assert_false (lia_chat_summary_dialog_is_busy (dialog));
  adw_message_dialog_response (message, "cancel");
  spin (100);
  g_assert_false (lia_chat_summary_dialog_is_busy (dialog));
  g_ptr_array_unref (posts);
  posts = fake_chat_get_posts (f->fake, "slack");
  g_assert_cmpuint (posts->len, ==, 1);

  click (GTK_WIDGET (dialog), "_Send");
  message = find_message ();
  g_assert_nonnull (message);
  adw_message_dialog_response (message, "post");
  spin (50);
  wait_sent (dialog);
  g_ptr_array_unref (posts);
  posts = fake_chat_get_posts (f->fake, "slack");
  g_assert_cmpuint (posts->len, ==, 2);

  /* The mark is one undo step, made by the first post only. */
  g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
  g_assert_false (lia_meeting_summary_was_posted (meeting, "slack"));
}

/* The fake answers 404 (a removed webhook): the engine's plain words, in
 * the dialog, without the secret; nothing is marked. */
static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  LiaMeeting *meeting = first_meeting (f);
  g_autoptr(GPtrArray) posts = NULL;
  LiaChatSummaryDialog *dialog;
  GtkWidget *label;

  add_slack_account (f);
  dialog = open_dialog (f);
  fake_chat_add_fault (f->fake, 404);
  click (GTK_WIDGET (dialog), "_Send");
  wait_sent (dialog);
  g_assert_cmpstr (result_text (dialog), ==,
                   "The webhook was removed, or its address is wrong (404); create a new webhook and update the account");
  label = lia_test_find_widget (GTK_WIDGET (dialog), has_name, "chat-summary-result");
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_null (lia_test_find_widget (GTK_WIDGET (dialog), has_text, "Summary posted to Slack"));
  g_assert_false (lia_meeting_summary_was_posted (meeting, "slack"));
  posts = fake_chat_get_posts (f->fake, "slack");
  g_assert_cmpuint (posts->len, ==, 0);
  /* Send is offered again. */
  g_assert_true (gtk_widget_is_sensitive (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_label, "_Send")));
}

/* A webhook that takes the request and never answers: the post waits. */
static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             GPtrArray         *held)
{
  g_ptr_array_add (held, g_object_ref (connection));
  return TRUE;
}

/* Cancel stops a post that hangs: the window never waited, says so in
 * words, marks nothing and offers Send again; closing the window while a
 * post runs drops its answer. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSocketService) silent = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  LiaChatSummaryDialog *dialog;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (silent), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (silent, "incoming", G_CALLBACK (incoming_cb), held);
  g_socket_service_start (silent);
  url = g_strdup_printf ("http://127.0.0.1:%u/services/T000/B000/silent", port);

  add_slack_account (f);
  g_setenv ("LIAISON_WEBHOOK", url, TRUE);
  dialog = open_dialog (f);
  lia_test_click (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_label, "_Send"));
  spin (300);
  g_assert_true (lia_chat_summary_dialog_is_busy (dialog));
  g_assert_cmpuint (held->len, >, 0);
  click (GTK_WIDGET (dialog), "_Cancel");
  wait_sent (dialog);
  g_assert_cmpstr (result_text (dialog), ==, "Sending was cancelled.");
  g_assert_false (lia_meeting_summary_was_posted (first_meeting (f), "slack"));
  g_assert_true (gtk_widget_is_sensitive (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_label, "_Send")));

  /* Again, and close the window meanwhile. */
  lia_test_click (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_label, "_Send"));
  spin (100);
  g_assert_true (lia_chat_summary_dialog_is_busy (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (500);
  g_assert_null (find_toplevel (LIA_TYPE_CHAT_SUMMARY_DIALOG));
  g_assert_false (lia_meeting_summary_was_posted (first_meeting (f), "slack"));
  g_socket_service_stop (silent);
}

/* No chat account (a tracker account does not count): the empty state,
 * whose button opens Accounts; an account added there shows at once. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LiaAccount) github = lia_account_new ();
  LiaChatSummaryDialog *dialog;
  GtkStack *stack;
  g_autofree char *preview = NULL;

  lia_entity_set_string (LIA_ENTITY (github), LIA_ACCOUNT_SERVICE, "github");
  lia_entity_set_string (LIA_ENTITY (github), LIA_ACCOUNT_URL, "https://api.github.com");
  g_list_store_append (lia_workspace_get_accounts (f->workspace), github);

  dialog = open_dialog (f);
  stack = GTK_STACK (lia_test_find_widget (GTK_WIDGET (dialog), has_name, "chat-summary-stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_get_mapped (lia_test_find_widget (GTK_WIDGET (dialog), has_name, "chat-summary-preview")));
  click (GTK_WIDGET (dialog), "_Add a Chat Account…");
  g_assert_nonnull (find_toplevel (LIA_TYPE_ACCOUNTS_DIALOG));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (LIA_TYPE_ACCOUNTS_DIALOG)));
  spin (50);

  add_slack_account (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "form");
  preview = preview_text (dialog);
  g_assert_nonnull (strstr (preview, lia_entity_get_string (LIA_ENTITY (first_meeting (f)), LIA_MEETING_TITLE)));

  /* Escape closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin (100);
  g_assert_null (find_toplevel (LIA_TYPE_CHAT_SUMMARY_DIALOG));
}

static gboolean
is_shown_help (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_mapped (widget) &&
         strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)) ?: "", data) != NULL;
}

/* Each chat's form: a name and the masked webhook, the service's own word
 * on where the webhook is made, and no connection test (the only test a
 * webhook has is a message in the channel). */
static void
test_account_forms (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { const char *service; const char *hint; } cases[] = {
    { "slack", "Incoming Webhooks" },
    { "teams", "Post to a channel when a webhook request is received" },
    { "discord", "settings › Integrations › Webhooks" },
    { "mattermost", "Integrations › Incoming Webhooks" },
  };
  GtkWidget *dialog = lia_accounts_dialog_new (f->workspace);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *row;
      GtkWidget *help;

      if (i == 0)
        click (dialog, "_Add Account");
      else
        gtk_widget_activate_action (dialog, "accounts.back", NULL);
      spin (50);
      row = lia_test_find_widget (dialog, lia_test_has_title, lia_choice_get_label (cases[i].service));
      g_assert_nonnull (row);
      adw_action_row_activate (ADW_ACTION_ROW (row));
      spin (50);
      g_assert_nonnull (lia_test_find_widget (dialog, is_shown_with_title, "Name"));
      g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (lia_test_find_widget (dialog, is_shown_with_title, "Webhook Address")));
      g_assert_null (lia_test_find_widget (dialog, is_shown_with_title, "Address"));
      g_assert_null (lia_test_find_widget (dialog, is_shown_with_title, "Token"));
      g_assert_false (gtk_widget_get_mapped (lia_test_find_widget (dialog, lia_test_has_label, "_Test Connection")));
      /* the service's own help, shown */
      help = lia_test_find_widget (dialog, is_shown_help, cases[i].hint);
      g_assert_nonnull (help);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
}

/* A read-only workspace: the meeting menu does not offer to post. */
static void
test_read_only (void)
{
  g_autoptr(LiaWorkspace) workspace = lia_test_read_only_sample ();
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  LiaMeetingsView *view;
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (workspace)), 0);

  lia_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
  lia_window_show_area (window, "meetings");
  spin (300);
  view = LIA_MEETINGS_VIEW (lia_test_find_type (GTK_WIDGET (window), LIA_TYPE_MEETINGS_VIEW));
  lia_meetings_view_select (view, meeting);
  spin (50);
  g_assert_false (menu_item_sensitive (GTK_WIDGET (view)));
  gtk_widget_activate_action (GTK_WIDGET (view), "meetings.send-summary", NULL);
  spin (100);
  g_assert_null (find_toplevel (LIA_TYPE_CHAT_SUMMARY_DIALOG));
  g_assert_null (lia_meetings_view_send_summary (view));
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/chat/send", Fixture, NULL, fixture_set_up, test_send, fixture_tear_down);
  g_test_add ("/chat/error", Fixture, NULL, fixture_set_up, test_error, fixture_tear_down);
  g_test_add ("/chat/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/chat/account-forms", Fixture, NULL, fixture_set_up, test_account_forms, fixture_tear_down);
  g_test_add ("/chat/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add_func ("/chat/read-only", test_read_only);
  return g_test_run ();
}
