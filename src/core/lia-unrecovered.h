/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_UNRECOVERED (lia_unrecovered_get_type ())
G_DECLARE_FINAL_TYPE (LiaUnrecovered, lia_unrecovered, LIA, UNRECOVERED, LiaEntity)

typedef enum
{
  LIA_UNRECOVERED_PATH,
  LIA_UNRECOVERED_PROBLEM,
  LIA_UNRECOVERED_VALUE,
  LIA_UNRECOVERED_N_FIELDS
} LiaUnrecoveredField;

LiaUnrecovered *lia_unrecovered_new (const char *path,
                                     const char *problem,
                                     JsonNode   *value);

G_END_DECLS
