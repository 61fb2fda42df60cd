/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_RATING (lia_rating_get_type ())
G_DECLARE_FINAL_TYPE (LiaRating, lia_rating, LIA, RATING, LiaEntity)

typedef enum
{
  LIA_RATING_NAME,
  LIA_RATING_CRITERION,
  LIA_RATING_SCORE,
  LIA_RATING_NOTE,
  LIA_RATING_N_FIELDS
} LiaRatingField;

LiaRating *lia_rating_new (void);

G_END_DECLS
