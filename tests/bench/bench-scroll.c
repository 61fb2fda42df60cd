/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scrolling 10 000 requirements: the requirement table is scrolled a page
 * per frame through the whole list, and the work of each frame (from the
 * frame clock's layout to the end of its paint) is timed.  The baseline is
 * a bare GtkListView of 10 000 one-line labels in the same window, run in
 * the same process.  "Smooth" means every frame's work fits well inside
 * 16.7 ms. */
#include "config.h"

#include <adwaita.h>

#include "lia-bench-frames.h"
#include "lia-test-widgets.h"
#include "lia-test-workspace.h"
#include "lia-window.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_init ();
  adw_init ();

  workspace = lia_test_workspace_new (10000, 5, "Inference Engineer A");
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(LiaEntity) req = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (workspace)), i);
      gtk_string_list_append (strings, lia_entity_get_string (req, LIA_REQUIREMENT_BUSINESS_NEED));
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      /* A wheel or touchpad moves about an eighth of a page a frame; a
       * page every frame (every row new in every frame) is the worst case. */
      double step = pass == 0 ? 0.125 : 1.0;
      Run table = { step }, baseline = { step };
      GtkWidget *bare_window;
      LiaWindow *window;

      /* Baseline: the simplest list GTK can scroll. */
      bare_window = bare_list_window (G_LIST_MODEL (strings));
      measure (GTK_WINDOW (bare_window), g_object_get_data (G_OBJECT (bare_window), "list"), "bare GtkListView", &baseline);
      gtk_window_destroy (GTK_WINDOW (bare_window));

      window = g_object_new (LIA_TYPE_WINDOW, NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
      lia_window_set_workspace (window, workspace);
      measure (GTK_WINDOW (window), lia_test_find_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW),
               "requirement table", &table);
      gtk_window_destroy (GTK_WINDOW (window));

      g_print ("requirement table vs bare list: %.2fx per frame; worst frame %.1f ms (smooth: under 16.7 ms)\n",
               (table.total_ms / FRAMES) / (baseline.total_ms / FRAMES), table.worst_ms);
    }
  return 0;
}
