/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_REQUIREMENT (lia_requirement_get_type ())
G_DECLARE_FINAL_TYPE (LiaRequirement, lia_requirement, LIA, REQUIREMENT, LiaEntity)

typedef enum
{
  LIA_REQUIREMENT_BUSINESS_NEED,
  LIA_REQUIREMENT_TECHNICAL_NEED,
  LIA_REQUIREMENT_OWNER,
  LIA_REQUIREMENT_PRIORITY,
  LIA_REQUIREMENT_STATUS,
  LIA_REQUIREMENT_RATIONALE,
  LIA_REQUIREMENT_STEPS,
  LIA_REQUIREMENT_N_FIELDS
} LiaRequirementField;

LiaRequirement *lia_requirement_new (void);

G_END_DECLS
