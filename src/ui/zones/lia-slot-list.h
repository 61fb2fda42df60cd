/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-list.h: the suggested meeting slots on the Time Zones page. */
#pragma once

#include <adwaita.h>

#include "lia-slot-item.h"

G_BEGIN_DECLS

#define LIA_TYPE_SLOT_LIST (lia_slot_list_get_type ())
G_DECLARE_FINAL_TYPE (LiaSlotList, lia_slot_list, LIA, SLOT_LIST, AdwPreferencesGroup)

void        lia_slot_list_set_slots     (LiaSlotList *self,
                                         GListModel  *slots);
int         lia_slot_list_get_duration  (LiaSlotList *self);
void        lia_slot_list_set_read_only (LiaSlotList *self,
                                         gboolean     read_only);

G_END_DECLS
