/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-row.h: one suggested meeting slot with its Schedule button. */
#pragma once

#include <adwaita.h>

#include "lia-slot-item.h"

G_BEGIN_DECLS

#define LIA_TYPE_SLOT_ROW (lia_slot_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaSlotRow, lia_slot_row, LIA, SLOT_ROW, AdwActionRow)

GtkWidget   *lia_slot_row_new           (LiaSlotItem *item);
LiaSlotItem *lia_slot_row_get_item      (LiaSlotRow  *self);
void         lia_slot_row_set_read_only (LiaSlotRow  *self,
                                         gboolean     read_only);

G_END_DECLS
