/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-fake-tracker.h"
#include "lia-model.h"
#include "lia-test-widgets.h"
#include "accounts/lia-accounts-dialog.h"

/* The Accounts dialog under Xvfb, as GNOME Online Accounts behaves: an
 * empty state with "Add Account", a service chooser, a form with only
 * the chosen service's fields, Test Connection against loopback fakes,
 * Remove only for a saved account and only after asking, and Escape that
 * goes back a page and then closes. */

#define spin lia_test_spin
#define TOKEN "ui-accounts-token-3f9d"
#define USER "lead@example.com"

typedef struct
{
  LiaWorkspace *workspace;
  GtkWidget    *dialog;
  gboolean      destroyed;
} Fixture;

static void
destroyed_cb (GtkWidget *widget,
              Fixture   *f)
{
  f->destroyed = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->workspace = lia_workspace_new ();
  f->dialog = lia_accounts_dialog_new (f->workspace);
  /* The narrowest window the app supports: everything must still fit. */
  gtk_window_set_default_size (GTK_WINDOW (f->dialog), 360, 640);
  g_signal_connect (f->dialog, "destroy", G_CALLBACK (destroyed_cb), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
  spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!f->destroyed)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  spin (50);
  g_clear_object (&f->workspace);
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkStack *
stack (Fixture *f)
{
  GtkWidget *s = lia_test_find_widget (f->dialog, has_name, "accounts-stack");

  g_assert_nonnull (s);
  return GTK_STACK (s);
}

static const char *
page_name (Fixture *f)
{
  return gtk_stack_get_visible_child_name (stack (f));
}

static GtkWidget *
page (Fixture *f)
{
  return gtk_stack_get_visible_child (stack (f));
}

/* What Escape does: the window binds the key to "accounts.back". */
static void
press_escape (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (f->dialog);
  gboolean bound = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "accounts.back"))
            bound = TRUE;
        }
    }
  g_assert_true (bound);
  g_assert_true (gtk_widget_activate_action (f->dialog, "accounts.back", NULL));
  spin (50);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = lia_test_find_widget (root, lia_test_has_label, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button));
  /* "clicked" at once: a keyboard activation waits 250 ms before it. */
  g_signal_emit_by_name (button, "clicked");
  spin (50);
}

static void
choose_service (Fixture    *f,
                const char *service)
{
  GtkWidget *row;

  g_assert_cmpstr (page_name (f), ==, "services");
  row = lia_test_find_widget (page (f), lia_test_has_title, lia_choice_get_label (service));
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  spin (50);
  g_assert_cmpstr (page_name (f), ==, "form");
}

/* The form is one template for every service: a field the service does
 * not take is there but hidden, which counts as absent. */
static gboolean
is_shown_with_title (GtkWidget     *widget,
                     gconstpointer  title)
{
  return lia_test_has_title (widget, title) && gtk_widget_get_visible (widget);
}

static gboolean
is_shown_with_label (GtkWidget     *widget,
                     gconstpointer  label)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  return lia_test_has_label (widget, label);
}

static GtkWidget *
field (Fixture    *f,
       const char *title)
{
  return lia_test_find_widget (page (f), is_shown_with_title, title);
}

static void
type (Fixture    *f,
      const char *title,
      const char *text)
{
  GtkWidget *row = field (f, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_each_service_shows_its_fields (Fixture       *f,
                                    gconstpointer  data)
{
  static const struct
  {
    const char *service;
    const char *shown[3];
    const char *absent[3];
  } cases[] = {
    { "jira-cloud", { "Project Key", "E-mail Address", "API Token" }, { "Epic Link Field (optional)", "Due Dates as Milestones", "Personal Access Token" } },
    { "jira-dc", { "Project Key", "Personal Access Token", "Epic Link Field (optional)" }, { "E-mail Address", "API Token", "Due Dates as Milestones" } },
    { "redmine", { "Project Identifier", "API Access Key", NULL }, { "E-mail Address", "Epic Link Field (optional)", "Due Dates as Milestones" } },
    { "github", { "Repository (OWNER/REPO)", "Token", NULL }, { "E-mail Address", "Epic Link Field (optional)", "Due Dates as Milestones" } },
    { "gitlab", { "Project (GROUP/PROJECT)", "Access Token", "Due Dates as Milestones" }, { "E-mail Address", "Epic Link Field (optional)", NULL } },
    { "confluence", { "Space Key", "E-mail Address (Cloud only)", "API Token or Personal Access Token" }, { "Epic Link Field (optional)", "Due Dates as Milestones", "Project Key" } },
  };

  /* No accounts: the empty state, no "(None)" pseudo-account. */
  g_assert_cmpstr (page_name (f), ==, "list");
  g_assert_nonnull (lia_test_find_widget (page (f), lia_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE)));
  g_assert_true (gtk_widget_get_mapped (lia_test_find_widget (page (f), lia_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE))));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *help;

      if (i == 0)
        click (page (f), "_Add Account");
      else
        press_escape (f);   /* form → services */
      choose_service (f, cases[i].service);
      g_assert_nonnull (field (f, "Name"));
      g_assert_nonnull (field (f, "Address"));
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].shown); j++)
        if (cases[i].shown[j])
          g_assert_nonnull (field (f, cases[i].shown[j]));
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].absent); j++)
        if (cases[i].absent[j])
          g_assert_null (field (f, cases[i].absent[j]));
      /* A new account has nothing to remove. */
      g_assert_null (lia_test_find_widget (page (f), is_shown_with_label, "_Remove Account"));
      /* The help is the service's own. */
      help = lia_test_find_widget (page (f), lia_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_GROUP));
      g_assert_nonnull (help);
      if (g_str_equal (cases[i].service, "github"))
        {
          g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (help)), "Issues: read and write"));
          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "Address"))), ==, "https://api.github.com");
        }
      if (g_str_equal (cases[i].service, "gitlab"))
        g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (help)), "api scope"));
      if (g_str_equal (cases[i].service, "redmine"))
        g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (help)), "REST web service"));
    }

  /* Escape: form → services → list → closed. */
  press_escape (f);
  g_assert_cmpstr (page_name (f), ==, "services");
  press_escape (f);
  g_assert_cmpstr (page_name (f), ==, "list");
  g_assert_false (f->destroyed);
  press_escape (f);
  spin (100);
  g_assert_true (f->destroyed);
}

static void
test_add_edit_remove (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *accounts = G_LIST_MODEL (lia_workspace_get_accounts (f->workspace));
  g_autoptr(LiaAccount) account = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *message = NULL;
  GtkWidget *row;

  click (page (f), "_Add Account");
  choose_service (f, "gitlab");
  type (f, "Name", "Team GitLab");
  type (f, "Project (GROUP/PROJECT)", "team/vllm");
  click (page (f), "_Add");
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  account = g_list_model_get_item (accounts, 0);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE), ==, "gitlab");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (account), LIA_ACCOUNT_URL), ==, "https://gitlab.com/api/v4");

  /* Back on the list, which names the account, its service and address. */
  g_assert_cmpstr (page_name (f), ==, "list");
  row = lia_test_find_widget (page (f), lia_test_has_title, "Team GitLab");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "GitLab · https://gitlab.com/api/v4");

  /* Editing shows the same per-service form, now with Remove. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  spin (50);
  g_assert_cmpstr (page_name (f), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "Project (GROUP/PROJECT)"))), ==, "team/vllm");
  g_assert_nonnull (field (f, "Due Dates as Milestones"));
  g_assert_null (field (f, "E-mail Address"));

  /* Remove asks first; Cancel keeps the account. */
  click (page (f), "_Remove Account");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w))
        message = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (message);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "remove"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "cancel");
  adw_message_dialog_response (message, "cancel");
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);

  click (page (f), "_Remove Account");
  message = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w))
        message = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (message);
  adw_message_dialog_response (message, "remove");
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
  g_assert_cmpstr (page_name (f), ==, "list");
  g_assert_true (gtk_widget_get_mapped (lia_test_find_widget (page (f), lia_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE))));
  /* As the confirmation promises, Undo brings it back. */
  g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
}

/* Type the fake's address, project, user and token into a new account
 * of SERVICE, press Test Connection and wait for the answer. */
static char *
test_connection (Fixture     *f,
                 FakeTracker *fake,
                 const char  *service,
                 const char  *project_title,
                 const char  *project,
                 const char  *user_title,
                 const char  *token_title,
                 const char  *token,
                 gboolean    *spun)
{
  GtkWidget *result;
  GtkWidget *spinner;
  GtkWidget *button;

  if (g_strcmp0 (page_name (f), "list") == 0)
    click (page (f), "_Add Account");
  else
    press_escape (f);
  choose_service (f, service);
  type (f, "Address", fake_tracker_get_url (fake));
  type (f, project_title, project);
  if (user_title)
    type (f, user_title, USER);
  type (f, token_title, token);
  result = lia_test_find_widget (page (f), has_name, "accounts-result");
  spinner = lia_test_find_type (page (f), GTK_TYPE_SPINNER);
  g_assert_nonnull (result);
  g_assert_nonnull (spinner);
  g_assert_false (gtk_widget_get_visible (spinner));
  button = lia_test_find_widget (page (f), lia_test_has_label, "_Test Connection");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* Asynchronous: the click returns at once, the request runs behind a
   * spinner, and the button waits for it. */
  g_assert_false (gtk_widget_get_sensitive (button));
  *spun = gtk_widget_get_visible (spinner) && gtk_spinner_get_spinning (GTK_SPINNER (spinner));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (result)), ==, "Connecting…");
  for (guint i = 0; i < 400 && gtk_spinner_get_spinning (GTK_SPINNER (spinner)); i++)
    spin (25);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_get_sensitive (button));
  return g_strdup (gtk_label_get_text (GTK_LABEL (result)));
}

static void
test_connection_against_fakes (Fixture       *f,
                               gconstpointer  data)
{
  static const struct
  {
    const char *service;
    const char *project_title;
    const char *user_title;
    const char *token_title;
    const char *expect;
  } cases[] = {
    { "jira-cloud", "Project Key", "E-mail Address", "API Token", "Connected. Issue types: " },
    { "github", "Repository (OWNER/REPO)", NULL, "Token", "Connected. Issue types: " },
    { "gitlab", "Project (GROUP/PROJECT)", NULL, "Access Token", "Connected. Issue types: " },
    { "confluence", "Space Key", "E-mail Address (Cloud only)", "API Token or Personal Access Token", "Connected. Pages: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FakeTracker *fake = fake_tracker_new (cases[i].service, TOKEN, USER);
      const char *project = g_str_equal (cases[i].service, "confluence") ? "DOCS" : fake_tracker_get_project (fake);
      g_autofree char *good = NULL;
      g_autofree char *bad = NULL;
      gboolean spun = FALSE;

      g_test_message ("%s", cases[i].service);
      good = test_connection (f, fake, cases[i].service, cases[i].project_title, project,
                              cases[i].user_title, cases[i].token_title, TOKEN, &spun);
      g_assert_true (spun);
      g_assert_true (g_str_has_prefix (good, cases[i].expect));
      bad = test_connection (f, fake, cases[i].service, cases[i].project_title, project,
                             cases[i].user_title, cases[i].token_title, "wrong-token", &spun);
      g_assert_true (g_str_has_prefix (bad, "Could not connect: "));
      /* The token never shows in the answer. */
      g_assert_null (strstr (bad, "wrong-token"));
      g_assert_true (gtk_widget_has_css_class (lia_test_find_widget (page (f), has_name, "accounts-result"), "error"));
      fake_tracker_free (fake);
    }
  /* Testing saves nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_accounts (f->workspace))), ==, 0);
}

/* Closing the window while a test runs: the answer comes to nobody. */
static void
test_close_while_testing (Fixture       *f,
                          gconstpointer  data)
{
  FakeTracker *fake = fake_tracker_new ("jira-cloud", TOKEN, USER);
  GtkWidget *button;

  fake_tracker_set_latency (fake, 300);
  click (page (f), "_Add Account");
  choose_service (f, "jira-cloud");
  type (f, "Address", fake_tracker_get_url (fake));
  type (f, "Project Key", fake_tracker_get_project (fake));
  type (f, "E-mail Address", USER);
  type (f, "API Token", TOKEN);
  button = lia_test_find_widget (page (f), lia_test_has_label, "_Test Connection");
  g_signal_emit_by_name (button, "clicked");
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  spin (800);
  g_assert_true (f->destroyed);
  fake_tracker_free (fake);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/accounts/each-service-shows-its-fields", Fixture, NULL, fixture_set_up, test_each_service_shows_its_fields, fixture_tear_down);
  g_test_add ("/accounts/add-edit-remove", Fixture, NULL, fixture_set_up, test_add_edit_remove, fixture_tear_down);
  g_test_add ("/accounts/test-connection", Fixture, NULL, fixture_set_up, test_connection_against_fakes, fixture_tear_down);
  g_test_add ("/accounts/close-while-testing", Fixture, NULL, fixture_set_up, test_close_while_testing, fixture_tear_down);
  return g_test_run ();
}
