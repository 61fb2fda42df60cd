/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-requirement"

#include "config.h"

#include "lia-requirement.h"
#include "lia-choices.h"
#include "lia-step.h"

/* A business need translated into a technical need and numbered engineering steps. */
struct _LiaRequirement
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaRequirement, lia_requirement, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "business-need", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "technical-need", .kind = LIA_KIND_STRING },
  { .name = "owner", .kind = LIA_KIND_STRING },
  { .name = "priority", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_priority_choices, .default_string = "medium" },
  { .name = "status", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_requirement_status_choices, .default_string = "draft" },
  { .name = "rationale", .kind = LIA_KIND_STRING },
  { .name = "steps", .kind = LIA_KIND_LIST, .entity_type = lia_step_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_REQUIREMENT_N_FIELDS);

static void
lia_requirement_class_init (LiaRequirementClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_requirement_init (LiaRequirement *self)
{
}

LiaRequirement *
lia_requirement_new (void)
{
  return g_object_new (LIA_TYPE_REQUIREMENT, NULL);
}
