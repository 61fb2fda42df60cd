/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_DETAILS_SECTION (lia_meeting_details_section_get_type ())
G_DECLARE_FINAL_TYPE (LiaMeetingDetailsSection, lia_meeting_details_section, LIA, MEETING_DETAILS_SECTION, AdwPreferencesGroup)

void lia_meeting_details_section_set_meeting   (LiaMeetingDetailsSection *self,
                                                LiaMeeting               *meeting);
void lia_meeting_details_section_set_history   (LiaMeetingDetailsSection *self,
                                                LiaHistory               *history);
void lia_meeting_details_section_set_conflicts (LiaMeetingDetailsSection *self,
                                                LiaConflictIndex         *conflicts);
void lia_meeting_details_section_set_read_only (LiaMeetingDetailsSection *self,
                                                gboolean                  read_only);

G_END_DECLS
