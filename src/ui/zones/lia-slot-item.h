/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-item.h: one suggested meeting slot, as the slot list shows it. */
#pragma once

#include <glib-object.h>

#include <gio/gio.h>

#include "lia-meeting.h"
#include "lia-slots.h"

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
LiaMeeting    *lia_slot_item_new_meeting  (LiaSlotItem        *self,
                                           const char         *zone_id,
                                           const char * const *attendees);

GPtrArray     *lia_slot_items_suggest     (GPtrArray          *members,
                                           GPtrArray          *entities,
                                           gint64              from,
                                           gint64              to,
                                           int                 duration,
                                           guint               count,
                                           GTimeZone          *zone,
                                           GError            **error);
void           lia_slot_item_splice       (GListStore         *store,
                                           GPtrArray          *items);

G_END_DECLS
