/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scrolling 10 000 requirements: the requirement table is scrolled a page
 * per frame through the whole list, and the work of each frame (from the
 * frame clock's layout to the end of its paint) is timed.  The baseline is
 * a bare GtkListView of 10 000 one-line labels in the same window, run in
 * the same process.  "Smooth" means every frame's work fits well inside
 * 16.7 ms. */
#include "config.h"

#include <adwaita.h>

#include "lia-test-widgets.h"
#include "lia-test-workspace.h"
#include "lia-window.h"

#define FRAMES 240

typedef struct
{
  double         step;        /* of a page, per frame */
  GtkAdjustment *adjustment;
  guint          frame;
  gint64         started;
  double         total_ms;
  double         worst_ms;
  gboolean       done;
} Run;

static void
layout_cb (GdkFrameClock *clock,
           Run           *run)
{
  run->started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  double ms;

  if (run->started == 0 || run->done)
    return;
  ms = (g_get_monotonic_time () - run->started) / 1000.0;
  run->started = 0;
  if (run->frame++ < 10)
    return; /* first frames build the rows */
  run->total_ms += ms;
  run->worst_ms = MAX (run->worst_ms, ms);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Run *run = data;
  double value = gtk_adjustment_get_value (run->adjustment) + run->step * gtk_adjustment_get_page_size (run->adjustment);

  if (value + gtk_adjustment_get_page_size (run->adjustment) > gtk_adjustment_get_upper (run->adjustment))
    value = 0;
  gtk_adjustment_set_value (run->adjustment, value);

  if (run->frame >= FRAMES + 10)
    {
      run->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
measure (GtkWindow  *window,
         GtkWidget  *scrollable,
         const char *label,
         Run        *run)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (scrollable, GTK_TYPE_SCROLLED_WINDOW);
  GdkFrameClock *clock;

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (scrollable))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 30; i++)
    g_main_context_iteration (NULL, FALSE);

  run->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  clock = gtk_widget_get_frame_clock (scrollable);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), run);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), run);
  gtk_widget_add_tick_callback (scrollable, tick_cb, run, NULL);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, run);

  g_print ("%-18s %-10s %6.2f ms per frame on average, worst %6.2f ms (%d frames)\n",
           label, run->step >= 1 ? "page/frame" : "1/8 page", run->total_ms / FRAMES, run->worst_ms, FRAMES);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

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
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkWidget *bare_window, *scrolled, *list;
      LiaWindow *window;

      /* Baseline: the simplest list GTK can scroll. */
      bare_window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (bare_window), 1100, 700);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
      list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (strings)))),
                                factory);
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_window_set_child (GTK_WINDOW (bare_window), scrolled);
      measure (GTK_WINDOW (bare_window), list, "bare GtkListView", &baseline);
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
