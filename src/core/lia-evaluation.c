/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-evaluation"

#include "config.h"

#include "lia-evaluation.h"
#include "lia-choices.h"
#include "lia-rating.h"

/* The evaluation form of one meeting. */
struct _LiaEvaluation
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaEvaluation, lia_evaluation, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "ratings", .kind = LIA_KIND_LIST, .entity_type = lia_rating_get_type },
  { .name = "comments", .kind = LIA_KIND_STRING },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_EVALUATION_N_FIELDS);

static void
lia_evaluation_class_init (LiaEvaluationClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_evaluation_init (LiaEvaluation *self)
{
}

LiaEvaluation *
lia_evaluation_new (void)
{
  return g_object_new (LIA_TYPE_EVALUATION, NULL);
}
