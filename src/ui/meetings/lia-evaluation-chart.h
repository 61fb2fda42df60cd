/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIA_TYPE_EVALUATION_CHART (lia_evaluation_chart_get_type ())
G_DECLARE_FINAL_TYPE (LiaEvaluationChart, lia_evaluation_chart, LIA, EVALUATION_CHART, GtkWidget)

GtkWidget  *lia_evaluation_chart_new           (void);
void        lia_evaluation_chart_set_meetings  (LiaEvaluationChart *self,
                                                GListModel         *meetings);
guint       lia_evaluation_chart_get_n_bars    (LiaEvaluationChart *self);
double      lia_evaluation_chart_get_value     (LiaEvaluationChart *self,
                                                guint               index);
const char *lia_evaluation_chart_get_summary   (LiaEvaluationChart *self);
double      lia_evaluation_chart_get_bar_center (LiaEvaluationChart *self,
                                                 guint               index);

G_END_DECLS
