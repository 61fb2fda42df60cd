/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACTION_ITEM (lia_action_item_get_type ())
G_DECLARE_FINAL_TYPE (LiaActionItem, lia_action_item, LIA, ACTION_ITEM, LiaEntity)

typedef enum
{
  LIA_ACTION_ITEM_TEXT,
  LIA_ACTION_ITEM_OWNER,
  LIA_ACTION_ITEM_DUE,
  LIA_ACTION_ITEM_STATUS,
  LIA_ACTION_ITEM_N_FIELDS
} LiaActionItemField;

LiaActionItem *lia_action_item_new (void);

G_END_DECLS
