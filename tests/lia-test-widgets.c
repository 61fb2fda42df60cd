/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "lia-test-widgets.h"

/* The first widget under @root, depth first, that @match accepts. */
GtkWidget *
lia_test_find_widget (GtkWidget      *root,
                      LiaWidgetMatch  match,
                      gconstpointer   data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lia_test_find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

gboolean
lia_test_is_type (GtkWidget     *widget,
                  gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, then whatever is still pending: under load
 * the timeout can fire before idle work queued ahead of it. */
void
lia_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Closes every window left (dialogs included) and lets them go. */
void
lia_test_destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  lia_test_spin (50);
}

/* A click on a button, done now: gtk_widget_activate() on a GtkButton
 * shows it pressed and emits "clicked" only 250 ms later, so a test that
 * spins less than that sometimes sees the click and sometimes not. */
void
lia_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Matchers for lia_test_find_widget(). */
gboolean
lia_test_has_title (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
lia_test_has_tooltip (GtkWidget     *widget,
                      gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

gboolean
lia_test_has_label (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The English sample in a 1280×860 window, showing AREA, ready to test. */
LiaWindow *
lia_test_sample_window (const char    *area,
                        LiaWorkspace **workspace)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);

  *workspace = lia_workspace_new_sample ("en");
  lia_window_set_workspace (window, *workspace);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  lia_window_show_area (window, area);
  lia_test_spin (300);
  return window;
}

/* The English sample as a newer version of Liaison would write it: it
 * opens read-only, as such a file does for a user. */
LiaWorkspace *
lia_test_read_only_sample (void)
{
  g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
  g_autofree char *data = lia_workspace_to_data (sample, NULL);
  g_autoptr(GRegex) version = g_regex_new ("\"version\"\\s*:\\s*[0-9]+", 0, 0, NULL);
  g_autofree char *newer = g_regex_replace_literal (version, data, -1, 0, "\"version\": 99", G_REGEX_MATCH_DEFAULT, NULL);
  g_autofree char *dir = g_dir_make_tmp ("liaison-ro-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LiaWorkspace *workspace;

  g_assert_true (g_file_set_contents (path, newer, -1, &error));
  workspace = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_workspace_get_read_only (workspace));
  return workspace;
}

static gboolean
keyring_warning_is_expected (const char     *domain,
                             GLogLevelFlags  level,
                             const char     *message,
                             gpointer        data)
{
  return g_strcmp0 (domain, "lia-credentials") != 0;
}

static void
keyring_warning_cb (const char     *domain,
                    GLogLevelFlags  level,
                    const char     *message,
                    gpointer        data)
{
  g_test_message ("no keyring in the test session: %s", message);
}

void
lia_test_allow_missing_keyring (void)
{
  g_log_set_handler ("lia-credentials", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, keyring_warning_cb, NULL);
  g_test_log_set_fatal_handler (keyring_warning_is_expected, NULL);
}
