/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-bench-frames.h"


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

void
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


/* The baseline: the simplest list GTK can scroll, one label per string. */
GtkWidget *
bare_list_window (GListModel *strings)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (strings))), factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  g_object_set_data (G_OBJECT (window), "list", list);
  return window;
}
