/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_STEP (lia_step_get_type ())
G_DECLARE_FINAL_TYPE (LiaStep, lia_step, LIA, STEP, LiaEntity)

typedef enum
{
  LIA_STEP_TEXT,
  LIA_STEP_OWNER,
  LIA_STEP_STATUS,
  LIA_STEP_N_FIELDS
} LiaStepField;

LiaStep *lia_step_new (void);

G_END_DECLS
