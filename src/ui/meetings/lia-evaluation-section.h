/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVALUATION_SECTION (lia_evaluation_section_get_type ())
G_DECLARE_FINAL_TYPE (LiaEvaluationSection, lia_evaluation_section, LIA, EVALUATION_SECTION, GtkWidget)

void lia_evaluation_section_set_meeting   (LiaEvaluationSection *self,
                                           LiaMeeting           *meeting);
void lia_evaluation_section_set_history   (LiaEvaluationSection *self,
                                           LiaHistory           *history);
void lia_evaluation_section_set_meetings  (LiaEvaluationSection *self,
                                           GListModel           *meetings);
void lia_evaluation_section_set_read_only (LiaEvaluationSection *self,
                                           gboolean              read_only);

G_END_DECLS
