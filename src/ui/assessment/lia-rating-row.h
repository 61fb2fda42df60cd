/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaRatingRow: one competency area of an assessment, rated 1-5. */

#include <adwaita.h>

#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_RATING_ROW (lia_rating_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaRatingRow, lia_rating_row, LIA, RATING_ROW, AdwExpanderRow)

GtkWidget     *lia_rating_row_new            (guint          area);
void           lia_rating_row_set_read_only  (LiaRatingRow  *self,
                                              gboolean       read_only);
guint          lia_rating_row_get_area       (LiaRatingRow  *self);
LiaAssessment *lia_rating_row_get_assessment (LiaRatingRow  *self);
void           lia_rating_row_set_assessment (LiaRatingRow  *self,
                                              LiaAssessment *assessment);
void           lia_rating_row_set_history    (LiaRatingRow  *self,
                                              LiaHistory    *history);
/* Sets the score (0 clears it) through the history, as a click does. */
void           lia_rating_row_rate           (LiaRatingRow  *self,
                                              int            score);
/* Shows the assessment's score and note again, and @trend, the area's
 * scores over time. */
void           lia_rating_row_update         (LiaRatingRow  *self,
                                              const char    *trend);

G_END_DECLS
