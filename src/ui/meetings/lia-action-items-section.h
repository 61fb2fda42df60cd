/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACTION_ITEMS_SECTION (lia_action_items_section_get_type ())
G_DECLARE_FINAL_TYPE (LiaActionItemsSection, lia_action_items_section, LIA, ACTION_ITEMS_SECTION, AdwPreferencesGroup)

void lia_action_items_section_set_meeting   (LiaActionItemsSection *self,
                                             LiaMeeting            *meeting);
void lia_action_items_section_set_history   (LiaActionItemsSection *self,
                                             LiaHistory            *history);
void lia_action_items_section_set_members   (LiaActionItemsSection *self,
                                             GListModel            *members);
void lia_action_items_section_set_conflicts (LiaActionItemsSection *self,
                                             LiaConflictIndex      *conflicts);
void lia_action_items_section_set_read_only (LiaActionItemsSection *self,
                                             gboolean               read_only);

G_END_DECLS
