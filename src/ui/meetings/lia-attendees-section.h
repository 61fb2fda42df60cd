/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_ATTENDEES_SECTION (lia_attendees_section_get_type ())
G_DECLARE_FINAL_TYPE (LiaAttendeesSection, lia_attendees_section, LIA, ATTENDEES_SECTION, AdwPreferencesGroup)

void lia_attendees_section_set_meeting   (LiaAttendeesSection *self,
                                          LiaMeeting          *meeting);
void lia_attendees_section_set_history   (LiaAttendeesSection *self,
                                          LiaHistory          *history);
void lia_attendees_section_set_members   (LiaAttendeesSection *self,
                                          GListModel          *members);
void lia_attendees_section_set_conflicts (LiaAttendeesSection *self,
                                          LiaConflictIndex    *conflicts);
void lia_attendees_section_set_read_only (LiaAttendeesSection *self,
                                          gboolean             read_only);

G_END_DECLS
