/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-item.h: one suggested meeting slot, as the slot list shows it. */
#pragma once

#include <glib-object.h>

#include "lia-overlap.h"

G_BEGIN_DECLS

#define LIA_TYPE_SLOT_ITEM (lia_slot_item_get_type ())
G_DECLARE_FINAL_TYPE (LiaSlotItem, lia_slot_item, LIA, SLOT_ITEM, GObject)

LiaSlotItem   *lia_slot_item_new          (GPtrArray          *slots,
                                           guint               index,
                                           GTimeZone          *zone,
                                           LiaTzMember       **members,
                                           guint               n_members,
                                           const char * const *places);
const LiaSlot *lia_slot_item_get_slot     (LiaSlotItem        *self);
const char    *lia_slot_item_get_title    (LiaSlotItem        *self);
const char    *lia_slot_item_get_subtitle (LiaSlotItem        *self);
gboolean       lia_slot_item_equal        (LiaSlotItem        *a,
                                           LiaSlotItem        *b);

G_END_DECLS
