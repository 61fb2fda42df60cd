/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "documents/lia-documents-view.h"
#include "documents/lia-publish-dialog.h"
#include "lia-fake-tracker.h"
#include "lia-page-tree.h"
#include "lia-test-widgets.h"
#include "lia-window.h"

/* Publish to Wiki from the Documents page, in the real window under Xvfb:
 * Ctrl+Shift+P opens the dialog for the selected page's subtree, Preview
 * lists what would happen without sending anything, Publish sends the
 * tree to a strict fake Confluence, a conflict is shown and overwritten
 * only when asked. */

#define spin lia_test_spin
#define TOKEN "ui-wiki-token-51aa"

typedef struct
{
  LiaWindow        *window;
  LiaWorkspace     *workspace;
  LiaDocumentsView *view;
  FakeTracker      *fake;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) tracker = lia_account_new ();
  g_autoptr(LiaAccount) wiki = lia_account_new ();

  f->fake = fake_tracker_new ("confluence", TOKEN, "lead@example.com");
  f->window = lia_test_sample_window ("documents", &f->workspace);
  f->view = LIA_DOCUMENTS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_DOCUMENTS_VIEW));
  g_assert_nonnull (f->view);
  /* A tracker account is not offered for publishing. */
  lia_entity_set_string (LIA_ENTITY (tracker), LIA_ACCOUNT_NAME, "Jira");
  lia_entity_set_string (LIA_ENTITY (tracker), LIA_ACCOUNT_SERVICE, "jira-cloud");
  lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_NAME, "Team space");
  lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_SERVICE, "confluence");
  lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_URL, fake_tracker_get_url (f->fake));
  lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_PROJECT, "DOCS");
  lia_entity_set_string (LIA_ENTITY (wiki), LIA_ACCOUNT_USER, "lead@example.com");
  g_list_store_append (lia_workspace_get_accounts (f->workspace), tracker);
  g_list_store_append (lia_workspace_get_accounts (f->workspace), wiki);
  spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->workspace);
  spin (50);
  fake_tracker_free (f->fake);
}

static gboolean
wait_idle (LiaPublishDialog *dialog)
{
  spin (20);
  for (guint i = 0; i < 400 && lia_publish_dialog_is_busy (dialog); i++)
    spin (25);
  spin (50);
  return !lia_publish_dialog_is_busy (dialog);
}

static LiaPublishDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (LIA_IS_PUBLISH_DIALOG (w))
        return LIA_PUBLISH_DIALOG (w);
    }
  return NULL;
}

static void
test_publish_tree (Fixture       *f,
                   gconstpointer  data)
{
  LiaPublishDialog *dialog;
  GtkWidget *combo;
  guint n = lia_pages_count (G_LIST_MODEL (lia_workspace_get_pages (f->workspace)));
  g_autofree char *created = g_strdup_printf ("%u created", n);
  g_autoptr(LiaPage) goals = NULL;

  /* The shortcut opens the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL));
  spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  combo = lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_title, "Wiki");
  g_assert_nonnull (combo);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo))), ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo)))),
                   ==, "Team space (Confluence)");

  /* Preview: every page listed, nothing sent. */
  lia_publish_dialog_preview (dialog);
  g_assert_true (wait_idle (dialog));
  g_assert_true (g_str_has_prefix (lia_publish_dialog_get_summary (dialog), "Dry run:"));
  g_assert_cmpuint (lia_publish_dialog_get_n_lines (dialog), ==, n + 1);   /* + the home page */
  g_assert_cmpuint (fake_tracker_get_writes (f->fake), ==, 0);

  /* Publish. */
  lia_publish_dialog_publish (dialog);
  g_assert_true (wait_idle (dialog));
  g_assert_true (g_str_has_prefix (lia_publish_dialog_get_summary (dialog), created));
  goals = lia_pages_find (G_LIST_MODEL (lia_workspace_get_pages (f->workspace)), "Goals");
  g_assert_nonnull (goals);
  g_assert_nonnull (lia_entity_get_remote (LIA_ENTITY (goals)));
  /* The page says it is on the wiki. */
  lia_documents_view_select (f->view, goals);
  spin (50);
  g_assert_nonnull (strstr (lia_documents_view_get_status (f->view), "published, wiki version 1"));
  g_assert_false (lia_publish_dialog_has_conflicts (dialog));

  /* Both sides edit a page: a conflict, overwritten only on request. */
  fake_wiki_remote_edit (f->fake, "Goals", "<p>edited on the wiki</p>");
  lia_entity_set_string (LIA_ENTITY (goals), LIA_PAGE_BODY, "# Goals\n\nTwice the throughput.\n");
  lia_publish_dialog_publish (dialog);
  g_assert_true (wait_idle (dialog));
  g_assert_true (lia_publish_dialog_has_conflicts (dialog));
  g_assert_nonnull (strstr (lia_publish_dialog_get_summary (dialog), "1 conflict,"));
  lia_publish_dialog_overwrite (dialog);
  g_assert_true (wait_idle (dialog));
  g_assert_false (lia_publish_dialog_has_conflicts (dialog));
  g_assert_nonnull (strstr (lia_publish_dialog_get_summary (dialog), "1 updated"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_subtree (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LiaPage) manual = lia_pages_find (G_LIST_MODEL (lia_workspace_get_pages (f->workspace)), "User manual");
  LiaPublishDialog *dialog;
  g_autofree char *outline = NULL;

  g_assert_nonnull (manual);
  lia_documents_view_select (f->view, manual);
  spin (100);
  dialog = LIA_PUBLISH_DIALOG (lia_documents_view_publish (f->view));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (dialog), lia_test_has_title, "Pages"));
  lia_publish_dialog_publish (dialog);
  g_assert_true (wait_idle (dialog));
  g_assert_true (g_str_has_prefix (lia_publish_dialog_get_summary (dialog), "5 created"));
  outline = fake_wiki_outline (f->fake);
  /* Under the space's home page, where Confluence's page tree shows it. */
  g_assert_cmpstr (outline, ==, "DOCS Home\n  User manual\n    Quick start\n    Installation guide\n    Configuration guide\n    API reference\n");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A rate limit's wait shows in the dialog's progress bar, by the
 * service's name, and the publish carries on after it. */
static void
test_rate_limit_wait_shown (Fixture       *f,
                            gconstpointer  data)
{
  LiaPublishDialog *dialog;
  GtkWidget *bar;
  gboolean shown = FALSE;
  guint n = lia_pages_count (G_LIST_MODEL (lia_workspace_get_pages (f->workspace)));
  g_autofree char *created = g_strdup_printf ("%u created", n);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL));
  spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  bar = lia_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  fake_tracker_add_fault (f->fake, FAKE_FAULT_429);
  lia_publish_dialog_publish (dialog);
  for (guint i = 0; i < 800 && lia_publish_dialog_is_busy (dialog); i++)
    {
      if (g_strcmp0 (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), "Confluence asks to wait 1 s…") == 0)
        shown = TRUE;
      spin (10);
    }
  g_assert_true (wait_idle (dialog));
  g_assert_true (shown);
  g_assert_true (g_str_has_prefix (lia_publish_dialog_get_summary (dialog), created));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  /* no token in the test keyring: it comes from the environment */
  g_setenv ("LIAISON_TOKEN", TOKEN, TRUE);
  g_setenv ("LIAISON_USER", "lead@example.com", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/publish/tree", Fixture, NULL, fixture_set_up, test_publish_tree, fixture_tear_down);
  g_test_add ("/publish/subtree", Fixture, NULL, fixture_set_up, test_subtree, fixture_tear_down);
  g_test_add ("/publish/rate-limit-wait-shown", Fixture, NULL, fixture_set_up, test_rate_limit_wait_shown, fixture_tear_down);
  return g_test_run ();
}
