/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACTION_ITEM_ROW (lia_action_item_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaActionItemRow, lia_action_item_row, LIA, ACTION_ITEM_ROW, AdwExpanderRow)

GtkWidget *lia_action_item_row_new           (LiaEntity        *item,
                                              LiaHistory       *history,
                                              LiaMeeting       *meeting,
                                              GListModel       *members,
                                              gboolean          read_only);
LiaEntity *lia_action_item_row_get_item      (LiaActionItemRow *self);
void       lia_action_item_row_set_conflicts (LiaActionItemRow *self,
                                              LiaConflictIndex *conflicts);
void       lia_action_item_row_set_read_only (LiaActionItemRow *self,
                                              gboolean          read_only);
void       lia_action_item_row_edit_title    (LiaActionItemRow *self);

G_END_DECLS
