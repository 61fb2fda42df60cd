/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-step"

#include "config.h"

#include "lia-step.h"
#include "lia-choices.h"

/* One numbered engineering step of a requirement. */
struct _LiaStep
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaStep, lia_step, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "text", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "owner", .kind = LIA_KIND_STRING },
  { .name = "status", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_work_status_choices, .default_string = "todo" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_STEP_N_FIELDS);

static void
lia_step_class_init (LiaStepClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_step_init (LiaStep *self)
{
}

LiaStep *
lia_step_new (void)
{
  return g_object_new (LIA_TYPE_STEP, NULL);
}
