/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_ASSESSMENT (lia_assessment_get_type ())
G_DECLARE_FINAL_TYPE (LiaAssessment, lia_assessment, LIA, ASSESSMENT, LiaEntity)

typedef enum
{
  LIA_ASSESSMENT_DATE,
  LIA_ASSESSMENT_RATINGS,
  LIA_ASSESSMENT_NOTE,
  LIA_ASSESSMENT_N_FIELDS
} LiaAssessmentField;

LiaAssessment *lia_assessment_new (void);

G_END_DECLS
