/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-rating"

#include "config.h"

#include "lia-rating.h"
#include "lia-choices.h"

/* One scored line of an evaluation or self-assessment: a dimension, its criterion, a 1-5 score (0 = not rated) and a note. */
struct _LiaRating
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaRating, lia_rating, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "name", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "criterion", .kind = LIA_KIND_STRING },
  { .name = "score", .kind = LIA_KIND_INT, .flags = LIA_SPEC_RANGED, .min = 0, .max = 5, .default_number = 0 },
  { .name = "note", .kind = LIA_KIND_STRING },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_RATING_N_FIELDS);

static void
lia_rating_class_init (LiaRatingClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_rating_init (LiaRating *self)
{
}

LiaRating *
lia_rating_new (void)
{
  return g_object_new (LIA_TYPE_RATING, NULL);
}
