/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "lia-conflict-resolve.h"
#include "lia-merge-dialog.h"
#include "lia-model.h"
#include "lia-test-widgets.h"
#include "lia-test-workspace.h"
#include "lia-workspace.h"

/* A workspace that holds what a merge left to decide: the banner counts
 * it, the conflicts view shows each with both sides and settles it with
 * one undoable choice, and when none are left the banner offers to save. */

/* What the merge engine leaves: ours in the model, the three values in
 * the records. */
static void
add_sample_conflicts (LiaWorkspace *ws)
{
  lia_entity_set_string (lia_workspace_find_entity (ws, LIA_TEST_REQ1), LIA_REQUIREMENT_STATUS, "agreed");
  lia_entity_set_string (lia_workspace_find_entity (ws, LIA_TEST_BACKGROUND), LIA_PAGE_BODY, LIA_TEST_OUR_BODY);
  lia_test_add_sample_conflicts (ws);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_REVEALER (widget) && g_strcmp0 (gtk_widget_get_name (widget), "banner") == 0;
}

static gboolean
text_view_holds (GtkWidget     *widget,
                 gconstpointer  text)
{
  g_autofree char *contents = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  contents = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_str_equal (contents, text);
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (LIA_IS_MERGE_DIALOG (w) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static guint
n_rows (GtkWidget *dialog)
{
  GtkWidget *list = lia_test_find_type (dialog, GTK_TYPE_LIST_BOX);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

static GtkButton *
banner_button (LiaWindow *window)
{
  GtkWidget *revealer = lia_test_find_widget (GTK_WIDGET (window), is_banner, NULL);

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  return GTK_BUTTON (lia_test_find_type (revealer, GTK_TYPE_BUTTON));
}

static void
test_banner_and_dialog (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  LiaEntity *req = lia_workspace_find_entity (ws, LIA_TEST_REQ1);
  GtkWidget *dialog, *button, *revealer;
  GtkStack *stack;

  /* As a file with conflicts opens: the records are there before the
   * window sees the workspace. */
  add_sample_conflicts (ws);
  lia_window_set_workspace (window, ws);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_spin (300);

  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "3 changes conflict with a teammate’s"));
  g_assert_cmpstr (gtk_button_get_label (banner_button (window)), ==, "_Resolve…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button (window))), ==, "win.review-conflicts");

  /* The view lists each conflict in the user's words. */
  lia_test_click (GTK_WIDGET (banner_button (window)));
  lia_test_spin (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (n_rows (dialog), ==, 3);
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Requirement 1: Status"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Page “Background”: Text"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains,
                                          "Member “Test Engineer” was removed by a teammate and changed by you"));
  /* Both sides of the field, and both full texts of the page. */
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Agreed"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Done"));
  g_assert_nonnull (lia_test_find_widget (dialog, text_view_holds, LIA_TEST_OUR_BODY));
  g_assert_nonnull (lia_test_find_widget (dialog, text_view_holds, LIA_TEST_THEIR_BODY));

  /* Take Theirs on the field: the model changes, the group goes, the
   * banner counts one fewer. */
  button = lia_test_find_widget (dialog, lia_test_has_label, "_Take Theirs");
  lia_test_click (button);
  lia_test_spin (200);
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_STATUS), ==, "done");
  g_assert_cmpuint (n_rows (dialog), ==, 2);
  g_assert_null (lia_test_find_widget (dialog, label_contains, "Requirement 1: Status"));
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Conflict resolved"));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "2 changes conflict with a teammate’s"));

  /* Undo in the window brings it back, in the view too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  lia_test_spin (200);
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_STATUS), ==, "agreed");
  g_assert_cmpuint (n_rows (dialog), ==, 3);
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Requirement 1: Status"));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "3 changes conflict with a teammate’s"));

  /* Keeping mine on each leaves none: the view says so and the banner
   * offers to save. */
  for (guint i = 0; i < 3; i++)
    {
      button = lia_test_find_widget (dialog, lia_test_has_label, "_Keep Mine");
      g_assert_nonnull (button);
      lia_test_click (button);
      lia_test_spin (100);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (ws))), ==, 0);
  stack = GTK_STACK (lia_test_find_type (dialog, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (lia_workspace_get_modified (ws));
  revealer = lia_test_find_widget (GTK_WIDGET (window), is_banner, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "All conflicts are resolved"));
  g_assert_cmpstr (gtk_button_get_label (banner_button (window)), ==, "_Save");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button (window))), ==, "win.save");

  /* Ctrl+Z in the view takes the last choice back. */
  gtk_widget_activate_action (dialog, "merge.undo", NULL);
  lia_test_spin (100);
  g_assert_cmpuint (n_rows (dialog), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* When the window shows another workspace (a reload after a pull), a
 * choice left in an old view is not made: the view closes. */
static void
test_stale_view (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaWorkspace) reloaded = lia_workspace_new_sample ("en");
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  LiaEntity *req = lia_workspace_find_entity (ws, LIA_TEST_REQ1);
  GtkWidget *dialog;

  add_sample_conflicts (ws);
  lia_window_set_workspace (window, ws);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-conflicts", NULL);
  lia_test_spin (200);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  lia_window_set_workspace (window, reloaded);
  lia_test_click (lia_test_find_widget (dialog, lia_test_has_label, "_Take Theirs"));
  lia_test_spin (200);
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_STATUS), ==, "agreed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (ws))), ==, 3);
  g_assert_null (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 px the sides stack, and nothing is wider than the window. */
static void
test_narrow (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  GtkWidget *dialog;
  int min_width;

  add_sample_conflicts (ws);
  lia_window_set_workspace (window, ws);
  gtk_window_present (GTK_WINDOW (window));
  dialog = lia_merge_dialog_new (GTK_WINDOW (window), ws);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  lia_test_spin (300);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- a real git pull through the merge driver ---- */

static char **
git_env (void)
{
  char **env = g_get_environ ();

  /* Nothing from the machine's or the user's git configuration. */
  env = g_environ_setenv (env, "GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  env = g_environ_setenv (env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  env = g_environ_setenv (env, "GIT_TERMINAL_PROMPT", "0", TRUE);
  return env;
}

/* Runs a command in @dir; its exit status (stdout and stderr go to the
 * test log when it is not the one expected). */
G_GNUC_NULL_TERMINATED
static int
run (const char *dir,
     int         expected,
     ...)
{
  g_auto(GStrv) env = git_env ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status, code;
  va_list args;

  va_start (args, expected);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  code = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  if (expected >= 0 && code != expected)
    g_test_message ("%s: exit %d\n%s\n%s", (char *) argv->pdata[0], code, out, err);
  return code;
}

static void
identify (const char *repo,
          const char *name)
{
  g_autofree char *email = g_strdup_printf ("%s@example.com", name);

  g_assert_cmpint (run (repo, 0, "git", "config", "user.name", name, NULL), ==, 0);
  g_assert_cmpint (run (repo, 0, "git", "config", "user.email", email, NULL), ==, 0);
}

/* Sets requirement 1's business need (its title in the table) in the
 * file at @path, as Liaison would save it. */
static void
retitle (const char *path,
         const char *title)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  lia_entity_set_string (lia_workspace_find_entity (ws, LIA_TEST_REQ1), LIA_REQUIREMENT_BUSINESS_NEED, title);
  g_assert_true (lia_workspace_save (ws, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static void
test_git_pull_resolve (void)
{
  const char *cli = g_getenv ("LIAISON_CLI");
  g_autofree char *dir = g_dir_make_tmp ("lia-merge-XXXXXX", NULL);
  g_autofree char *remote = g_build_filename (dir, "team.git", NULL);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *a_file = g_build_filename (a, "team.liaison", NULL);
  g_autofree char *b_file = g_build_filename (b, "team.liaison", NULL);
  g_autofree char *attributes = g_build_filename (b, ".gitattributes", NULL);
  g_autofree char *driver = NULL;
  g_autofree char *data = NULL;
  g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
  g_autoptr(LiaWorkspace) pulled = NULL;
  g_autoptr(LiaWorkspace) committed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (b_file);
  g_autoptr(GError) error = NULL;
  LiaWindow *window;
  LiaWorkspace *ws = NULL;
  GtkWidget *dialog, *button;
  g_autofree char *git = g_find_program_in_path ("git");

  if (git == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }
  g_assert_nonnull (cli);
  g_assert_true (g_path_is_absolute (cli));

  /* A shared repository, and A's first commit of the sample. */
  g_assert_cmpint (run (dir, 0, "git", "init", "--quiet", "--bare", "-b", "main", remote, NULL), ==, 0);
  g_assert_cmpint (run (dir, 0, "git", "init", "--quiet", "-b", "main", a, NULL), ==, 0);
  identify (a, "Ada");
  data = lia_workspace_to_data (sample, NULL);
  g_assert_true (g_file_set_contents (a_file, data, -1, NULL));
  g_assert_cmpint (run (a, 0, "git", "add", "team.liaison", NULL), ==, 0);
  g_assert_cmpint (run (a, 0, "git", "commit", "--quiet", "-m", "Sample", NULL), ==, 0);
  g_assert_cmpint (run (a, 0, "git", "remote", "add", "origin", remote, NULL), ==, 0);
  g_assert_cmpint (run (a, 0, "git", "push", "--quiet", "origin", "main", NULL), ==, 0);
  g_assert_cmpint (run (dir, 0, "git", "clone", "--quiet", remote, b, NULL), ==, 0);
  identify (b, "Bo");

  /* Both change requirement 1's title; A pushes first. */
  retitle (a_file, "Make inference faster");
  g_assert_cmpint (run (a, 0, "git", "commit", "--quiet", "-am", "A's title", NULL), ==, 0);
  g_assert_cmpint (run (a, 0, "git", "push", "--quiet", "origin", "main", NULL), ==, 0);
  retitle (b_file, "Speed up inference");
  g_assert_cmpint (run (b, 0, "git", "commit", "--quiet", "-am", "B's title", NULL), ==, 0);

  /* B pulls through the driver: git reports the conflict, the file is a
   * valid workspace that records it (no text markers). */
  driver = g_strdup_printf ("%s merge %%O %%A %%B --path %%P", cli);
  g_assert_cmpint (run (b, 0, "git", "config", "merge.liaison.driver", driver, NULL), ==, 0);
  g_assert_true (g_file_set_contents (attributes, "*.liaison merge=liaison\n", -1, NULL));
  g_assert_cmpint (run (b, -1, "git", "pull", "--quiet", "--no-rebase", "origin", "main", NULL), !=, 0);
  pulled = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (pulled))), ==, 1);
  g_assert_cmpstr (lia_entity_get_string (lia_workspace_find_entity (pulled, LIA_TEST_REQ1), LIA_REQUIREMENT_BUSINESS_NEED),
                   ==, "Speed up inference");

  /* Opened in the window: the banner counts it, the view takes theirs,
   * Save writes the result. */
  window = g_object_new (LIA_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lia_window_open (window, file);
  for (guint i = 0; i < 100 && (ws = lia_window_get_workspace (window)) == NULL; i++)
    lia_test_spin (50);
  g_assert_nonnull (ws);
  lia_test_spin (300);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), label_contains, "1 change conflicts with a teammate’s"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-conflicts", NULL);
  lia_test_spin (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (lia_test_find_widget (dialog, label_contains, "Requirement 1: Business need"));
  button = lia_test_find_widget (dialog, lia_test_has_label, "_Take Theirs");
  lia_test_click (button);
  lia_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (ws))), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  for (guint i = 0; i < 100 && lia_workspace_get_modified (ws); i++)
    lia_test_spin (50);
  g_assert_false (lia_workspace_get_modified (ws));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  lia_test_spin (100);

  /* Committed, the merge is done and the file is sound. */
  g_assert_cmpint (run (b, 0, "git", "commit", "--quiet", "-am", "Merge, theirs for requirement 1", NULL), ==, 0);
  g_assert_cmpint (run (b, 0, "git", "diff", "--quiet", "HEAD", "--", "team.liaison", NULL), ==, 0);
  g_assert_cmpint (run (b, 0, cli, "validate", b_file, NULL), ==, 0);
  committed = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (committed))), ==, 0);
  g_assert_cmpstr (lia_entity_get_string (lia_workspace_find_entity (committed, LIA_TEST_REQ1), LIA_REQUIREMENT_BUSINESS_NEED),
                   ==, "Make inference faster");

  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/merge/banner-and-dialog", test_banner_and_dialog);
  g_test_add_func ("/ui/merge/narrow", test_narrow);
  g_test_add_func ("/ui/merge/stale-view", test_stale_view);
  g_test_add_func ("/ui/merge/git-pull-resolve", test_git_pull_resolve);
  return g_test_run ();
}
