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
