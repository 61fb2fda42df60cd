/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_ASSESSMENT_VIEW (lia_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaAssessmentView, lia_assessment_view, LIA, ASSESSMENT_VIEW, GtkWidget)

void           lia_assessment_view_set_workspace   (LiaAssessmentView *self,
                                                    LiaWorkspace      *workspace);
LiaAssessment *lia_assessment_view_get_selected    (LiaAssessmentView *self);
void           lia_assessment_view_select          (LiaAssessmentView *self,
                                                    LiaAssessment     *assessment);
void           lia_assessment_view_new_assessment  (LiaAssessmentView *self);
/* The date (YYYY-MM-DD) new assessments get; NULL, the default, for the local date. */
void           lia_assessment_view_set_today       (LiaAssessmentView *self,
                                                    const char        *today);
/* Sets area @area's score the way a click on its score button does. */
void           lia_assessment_view_rate            (LiaAssessmentView *self,
                                                    guint              area,
                                                    int                score);
GtkWidget     *lia_assessment_view_get_chart       (LiaAssessmentView *self);
/* The suggestions shown, one line each ("Cross-time-zone collaboration → Time Zones"). */
char          *lia_assessment_view_get_suggestions (LiaAssessmentView *self);

G_END_DECLS
