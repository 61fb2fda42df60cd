/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A page tree of 5 000 pages (50 sections of 99 pages, all open) on the
 * Documents page, scrolled through, against a bare GtkListView of 5 000
 * labels in the same run; and the time to open the page at the bottom of
 * the tree (rebuild, expand, select, show) against counting the pages. */
#include "config.h"

#include <adwaita.h>

#include "lia-bench-frames.h"
#include "lia-page-tree.h"
#include "lia-test-widgets.h"
#include "lia-test-workspace.h"
#include "lia-window.h"
#include "documents/lia-documents-view.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GListStore *roots;
  LiaPage *last[50];

  gtk_init ();
  adw_init ();

  workspace = lia_workspace_new ();
  lia_test_workspace_add_pages (workspace, 50, 99, " about the inference engine", "# Notes\n\nSome text.\n", last);
  roots = lia_workspace_get_pages (workspace);
  /* The baseline lists the same titles, sections first as in the tree. */
  for (guint s = 0; s < 50; s++)
    {
      g_autoptr(LiaEntity) section = g_list_model_get_item (G_LIST_MODEL (roots), s);
      GListModel *children = G_LIST_MODEL (lia_entity_get_list (section, LIA_PAGE_CHILDREN));

      gtk_string_list_append (strings, lia_entity_get_string (section, LIA_PAGE_TITLE));
      for (guint p = 0; p < g_list_model_get_n_items (children); p++)
        {
          g_autoptr(LiaEntity) page = g_list_model_get_item (children, p);

          gtk_string_list_append (strings, lia_entity_get_string (page, LIA_PAGE_TITLE));
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      double step = pass == 0 ? 0.125 : 1.0;
      Run tree = { step }, baseline = { step };
      GtkWidget *bare_window = bare_list_window (G_LIST_MODEL (strings));
      LiaWindow *window;
      LiaDocumentsView *view;
      gint64 t0, t1, t2;
      guint counted = 0;

      measure (GTK_WINDOW (bare_window), g_object_get_data (G_OBJECT (bare_window), "list"), "bare GtkListView", &baseline);
      gtk_window_destroy (GTK_WINDOW (bare_window));

      window = g_object_new (LIA_TYPE_WINDOW, NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
      lia_window_set_workspace (window, workspace);
      lia_window_show_area (window, "documents");
      view = LIA_DOCUMENTS_VIEW (lia_test_find_type (GTK_WIDGET (window), LIA_TYPE_DOCUMENTS_VIEW));
      gtk_window_present (GTK_WINDOW (window));
      lia_test_spin (200);

      /* Open the last page of the tree; then every section. */
      t0 = g_get_monotonic_time ();
      lia_documents_view_select (view, last[49]);
      t1 = g_get_monotonic_time ();
      for (guint i = 0; i < 20; i++)
        counted += lia_pages_count (G_LIST_MODEL (roots));
      t2 = g_get_monotonic_time ();
      for (guint s = 0; s < 49; s++)
        lia_documents_view_select (view, last[s]);

      /* What every keystroke in a page costs the Documents page beyond
       * the edit itself: the handlers of the history's "changed" (the
       * tree keeping its selection, the editor's path), with the
       * selected page in the last section. */
      if (pass == 0)
        {
          LiaHistory *history = lia_workspace_get_history (workspace);
          gint64 k0, k1;

          lia_documents_view_select (view, last[48]);
          g_signal_emit_by_name (history, "changed");
          k0 = g_get_monotonic_time ();
          for (guint i = 0; i < 1000; i++)
            g_signal_emit_by_name (history, "changed");
          k1 = g_get_monotonic_time ();
          g_print ("a keystroke's history change at 5 000 pages: %.3f ms (a walk of the tree: %.2f ms)\n",
                   (k1 - k0) / 1000.0 / 1000, (t2 - t1) / 1000.0 / 20);
          if (g_getenv ("BENCH_KEYS_ONLY"))
            return 0;
        }
      g_assert (lia_documents_view_get_n_rows (view) == 5000 && counted == 100000);

      measure (GTK_WINDOW (window), lia_test_find_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW), "page tree", &tree);
      gtk_window_destroy (GTK_WINDOW (window));

      g_print ("page tree vs bare list: %.2fx per frame; worst frame %.1f ms (smooth: under 16.7 ms)\n",
               (tree.total_ms / FRAMES) / (baseline.total_ms / FRAMES), tree.worst_ms);
      if (pass == 0)
        g_print ("opening the last of 5 000 pages: %.1f ms (counting the tree once: %.2f ms)\n",
                 (t1 - t0) / 1000.0, (t2 - t1) / 1000.0 / 20);
    }
  return 0;
}
