/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-assessment"

#include "config.h"

#include "lia-assessment.h"
#include "lia-choices.h"
#include "lia-rating.h"

/* A dated self-assessment over the competency areas. */
struct _LiaAssessment
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaAssessment, lia_assessment, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "date", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED, .check = LIA_CHECK_DATE },
  { .name = "ratings", .kind = LIA_KIND_LIST, .entity_type = lia_rating_get_type },
  { .name = "note", .kind = LIA_KIND_STRING },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_ASSESSMENT_N_FIELDS);

static void
lia_assessment_class_init (LiaAssessmentClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_assessment_init (LiaAssessment *self)
{
}

LiaAssessment *
lia_assessment_new (void)
{
  return g_object_new (LIA_TYPE_ASSESSMENT, NULL);
}
