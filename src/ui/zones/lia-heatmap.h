/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-slots.h"

G_BEGIN_DECLS

#define LIA_TYPE_HEATMAP (lia_heatmap_get_type ())
G_DECLARE_FINAL_TYPE (LiaHeatmap, lia_heatmap, LIA, HEATMAP, GtkWidget)

GtkWidget  *lia_heatmap_new          (void);
void        lia_heatmap_set_team     (LiaHeatmap *self,
                                      GPtrArray  *members);
void        lia_heatmap_set_chosen   (LiaHeatmap *self,
                                      GPtrArray  *chosen);
void        lia_heatmap_set_day      (LiaHeatmap *self,
                                      GTimeZone  *zone,
                                      GDate      *date);
void        lia_heatmap_set_now      (LiaHeatmap *self,
                                      gint64      now);
gint64      lia_heatmap_get_now      (LiaHeatmap *self);
const char *lia_heatmap_get_summary  (LiaHeatmap *self);
gint64      lia_heatmap_get_start    (LiaHeatmap *self);
gint64      lia_heatmap_get_end      (LiaHeatmap *self);
char       *lia_heatmap_describe_at  (LiaHeatmap *self,
                                      double      x);

G_END_DECLS
