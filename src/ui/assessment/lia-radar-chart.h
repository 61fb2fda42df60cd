/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-assessment-trends.h"

G_BEGIN_DECLS

#define LIA_TYPE_RADAR_CHART (lia_radar_chart_get_type ())
G_DECLARE_FINAL_TYPE (LiaRadarChart, lia_radar_chart, LIA, RADAR_CHART, GtkWidget)

GtkWidget  *lia_radar_chart_new         (void);
/* @previous may be NULL; 0 means not rated. */
void        lia_radar_chart_set_scores  (LiaRadarChart *self,
                                         const int      latest[LIA_N_AREAS],
                                         const int     *previous,
                                         const char    *latest_label,
                                         const char    *previous_label);
int         lia_radar_chart_get_score   (LiaRadarChart *self,
                                         gboolean       previous,
                                         guint          area);
const char *lia_radar_chart_get_summary (LiaRadarChart *self);
gboolean    lia_radar_chart_get_drawn_point (LiaRadarChart    *self,
                                             guint             area,
                                             graphene_point_t *offset,
                                             guint            *n_snapshots);

G_END_DECLS
