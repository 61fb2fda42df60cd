/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-model.h"

G_BEGIN_DECLS

/* The self-assessment: the seed appendix's ten competency areas, the
 * history of dated assessments, what the radar chart shows and what to
 * practise next. */

#define LIA_N_AREAS 10

typedef struct
{
  const char *id;         /* stable: requirements, api-meetings … conflicts */
  const char *name;       /* English; translate with lia_competency_get_name() */
  const char *criterion;
  const char *seed_name;  /* the article's own (Chinese) name */
  const char *app_area;   /* the page of Liaison that practises it */
} LiaCompetency;   /* not LiaArea: that is the UI's page interface */

const LiaCompetency *lia_competency_get           (guint        area);
const char          *lia_competency_get_name      (guint        area);
const char          *lia_competency_get_criterion (guint        area);
/* The area a rating is about, by its id, English, translated or seed
 * name; -1 when it is none of the ten. */
int                  lia_competency_find          (const char  *name);

LiaAssessment *lia_assessment_new_dated (const char *date);
/* Oldest first; ties keep the workspace's order. */
GPtrArray     *lia_assessments_by_date  (GListModel    *assessments);
LiaAssessment *lia_assessments_previous (GListModel    *assessments,
                                         LiaAssessment *assessment);
/* One score per area, 0 where the assessment does not rate it. */
void           lia_assessment_scores    (LiaAssessment *assessment,
                                         int            scores[LIA_N_AREAS]);
/* "2025-12-15: 3 · 2026-01-19: 4", rated assessments only. */
char          *lia_assessments_trend    (GListModel    *assessments,
                                         guint          area);
/* The @n lowest rated areas of @assessment (ties in the appendix's
 * order); returns how many it found. */
guint          lia_assessment_lowest    (LiaAssessment *assessment,
                                         guint          n,
                                         guint         *areas);

G_END_DECLS
