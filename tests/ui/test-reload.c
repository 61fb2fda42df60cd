/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reload.c: reloading a file another program changed (git pull)
 * applies it in place: the views follow, the selection stays, the toast
 * says what changed and Ctrl+Z takes it back. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-test-widgets.h"
#include "lia-window.h"
#include "requirements/lia-requirements-view.h"

#define OLD_NEED "Improve model inference speed"
#define NEW_NEED "Cut first-token latency in half"

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  return lia_test_find_widget (root, label_contains, text) != NULL;
}

/* Waits (up to 5 s, the load runs in a thread) for a label in @root. */
static gboolean
wait_for_label (GtkWidget  *root,
                const char *text)
{
  for (guint i = 0; i < 100; i++)
    {
      if (shows (root, text))
        return TRUE;
      lia_test_spin (50);
    }
  return FALSE;
}

/* An editable cell of the table shows the need in an entry, not a label. */
static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  text)
{
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
  return FALSE;
}

static gboolean
view_shows (GtkWidget  *view,
            const char *text)
{
  return lia_test_find_widget (view, has_text, text) != NULL;
}

/* The sample with its first requirement renamed and a task added, as a
 * git pull would leave it (with a trailing blank line: not our
 * canonical form, so a rewrite by Liaison would show). */
static char *
changed_file (gboolean retitle)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaEntity) req = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (ws)), 0);
  g_autoptr(LiaTask) task = lia_task_new ();
  g_autofree char *data = NULL;

  lia_entity_set_string (req, LIA_REQUIREMENT_BUSINESS_NEED, NEW_NEED);
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "vLLM inference engine");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "Publish the latency numbers");
  g_list_store_append (lia_workspace_get_tasks (ws), task);
  if (retitle)
    lia_workspace_set_title (ws, "Renamed on another machine");
  g_assert_true (lia_workspace_check (ws, NULL));
  data = lia_workspace_to_data (ws, NULL);
  return g_strconcat (data, "\n", NULL);
}

typedef struct
{
  char         *dir;
  char         *path;
  GFile        *file;
  LiaWindow    *window;
  LiaWorkspace *workspace;
  GtkWidget    *view;
  LiaEntity    *req;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lia-reload-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "team.liaison", NULL);
  f->file = g_file_new_for_path (f->path);
  g_assert_true (lia_workspace_save (sample, f->file, NULL, &error));
  g_assert_no_error (error);

  f->window = g_object_new (LIA_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 860);
  gtk_window_present (GTK_WINDOW (f->window));
  lia_window_open (f->window, f->file);
  for (guint i = 0; i < 100 && lia_window_get_workspace (f->window) == NULL; i++)
    lia_test_spin (50);
  f->workspace = lia_window_get_workspace (f->window);
  g_assert_nonnull (f->workspace);
  lia_window_show_area (f->window, "requirements");
  lia_test_spin (300);

  f->view = lia_window_get_view (f->window, "requirements");
  f->req = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 0);
  lia_requirements_view_select (LIA_REQUIREMENTS_VIEW (f->view), f->req);
  lia_test_spin (100);
  g_assert_true (view_shows (f->view, OLD_NEED));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);

  g_object_unref (f->req);
  gtk_window_destroy (GTK_WINDOW (f->window));
  lia_test_spin (50);
  g_unlink (f->path);
  g_unlink (backup);
  g_rmdir (f->dir);
  g_object_unref (f->file);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_reload_in_place (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *changed = changed_file (FALSE);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  LiaHistory *history = lia_workspace_get_history (f->workspace);

  g_assert_true (g_file_set_contents (f->path, changed, -1, &error));
  /* The monitor's offer (emitted here, not to wait for the monitor);
   * reloading another way (the menu, Ctrl+R) answers it, so the result
   * does not wait behind it. */
  g_signal_emit_by_name (f->workspace, "external-change");
  lia_test_spin (100);
  g_assert_true (shows (GTK_WIDGET (f->window), "changed by another program"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload", NULL));
  g_assert_true (wait_for_label (GTK_WIDGET (f->window), "Reloaded: 1 added, 1 changed"));
  lia_test_spin (600);
  g_assert_false (shows (GTK_WIDGET (f->window), "changed by another program"));

  /* The same workspace and objects: the view follows, the row stays
   * selected, the new title shows. */
  g_assert_true (lia_window_get_workspace (f->window) == f->workspace);
  g_assert_true (lia_requirements_view_get_selected (LIA_REQUIREMENTS_VIEW (f->view)) == f->req);
  g_assert_cmpstr (lia_entity_get_string (f->req, LIA_REQUIREMENT_BUSINESS_NEED), ==, NEW_NEED);
  g_assert_true (view_shows (f->view, NEW_NEED));
  g_assert_false (view_shows (f->view, OLD_NEED));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_tasks (f->workspace))), ==, 2);

  /* What is open is what is on disk: no autosave rewrites the file. */
  g_assert_false (lia_workspace_get_modified (f->workspace));
  lia_test_spin (1800);
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, changed);

  /* The history is kept: one undo brings the old title back. */
  g_assert_cmpstr (lia_history_get_undo_label (history), ==, "Reload from Disk");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  lia_test_spin (100);
  g_assert_cmpstr (lia_entity_get_string (f->req, LIA_REQUIREMENT_BUSINESS_NEED), ==, OLD_NEED);
  g_assert_true (view_shows (f->view, OLD_NEED));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_tasks (f->workspace))), ==, 1);
  g_assert_true (lia_requirements_view_get_selected (LIA_REQUIREMENTS_VIEW (f->view)) == f->req);
}

/* What the history cannot carry (here the workspace title) reopens the
 * file, and the toast says that the undo history went and why. */
static void
test_reload_falls_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *changed = changed_file (TRUE);
  g_autoptr(GError) error = NULL;
  LiaWorkspace *now;

  g_assert_true (g_file_set_contents (f->path, changed, -1, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload", NULL));
  g_assert_true (wait_for_label (GTK_WIDGET (f->window),
                                 "Reloaded; undo history cleared because the workspace title changed"));
  now = lia_window_get_workspace (f->window);
  g_assert_true (now != f->workspace);
  g_assert_cmpstr (lia_workspace_get_title (now), ==, "Renamed on another machine");
  g_assert_false (lia_history_can_undo (lia_workspace_get_history (now)));
  lia_test_spin (100);
  g_assert_true (view_shows (f->view, NEW_NEED));
}

/* Edits not saved yet are never dropped without asking: in place they
 * are one Undo away; a reopen asks first, and Cancel keeps them. */
static void
test_reload_unsaved (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *changed = changed_file (TRUE);
  g_autoptr(GError) error = NULL;
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  g_autoptr(LiaEntity) req2 = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (f->workspace)), 1);
  GtkWidget *dialog = NULL;
  GList *toplevels;

  /* Not autosaved yet (the window saves 1.5 s after the last edit). */
  g_assert_true (lia_history_set_string (history, req2, LIA_REQUIREMENT_OWNER, "Someone", FALSE));
  g_assert_true (lia_workspace_get_modified (f->workspace));
  g_assert_true (g_file_set_contents (f->path, changed, -1, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload", NULL));
  for (guint i = 0; i < 100 && dialog == NULL; i++)
    {
      lia_test_spin (20);
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data))
          dialog = l->data;
      g_list_free (toplevels);
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "the workspace title changed"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  lia_test_spin (50);
  g_assert_true (lia_window_get_workspace (f->window) == f->workspace);
  g_assert_cmpstr (lia_entity_get_string (req2, LIA_REQUIREMENT_OWNER), ==, "Someone");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reload/in-place", Fixture, NULL, fixture_set_up, test_reload_in_place, fixture_tear_down);
  g_test_add ("/reload/falls-back", Fixture, NULL, fixture_set_up, test_reload_falls_back, fixture_tear_down);
  g_test_add ("/reload/unsaved", Fixture, NULL, fixture_set_up, test_reload_unsaved, fixture_tear_down);

  return g_test_run ();
}
