/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-list-private.h: what the UI tests may look into. */
#pragma once

#include "lia-slot-list.h"

G_BEGIN_DECLS

GtkListBox *lia_slot_list_get_list_box (LiaSlotList *self);

G_END_DECLS
