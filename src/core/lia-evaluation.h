/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVALUATION (lia_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (LiaEvaluation, lia_evaluation, LIA, EVALUATION, LiaEntity)

typedef enum
{
  LIA_EVALUATION_RATINGS,
  LIA_EVALUATION_COMMENTS,
  LIA_EVALUATION_N_FIELDS
} LiaEvaluationField;

LiaEvaluation *lia_evaluation_new (void);

G_END_DECLS
