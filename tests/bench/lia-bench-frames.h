/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Frame timing for scrolling benchmarks: the work of each frame, from the
 * frame clock's layout to the end of its paint, while a scrollable is
 * moved STEP pages per frame. */

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

void       measure            (GtkWindow  *window,
                               GtkWidget  *scrollable,
                               const char *label,
                               Run        *run);
GtkWidget *bare_list_window   (GListModel *strings);

G_END_DECLS
