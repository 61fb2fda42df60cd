/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_NOTES_SECTION (lia_notes_section_get_type ())
G_DECLARE_FINAL_TYPE (LiaNotesSection, lia_notes_section, LIA, NOTES_SECTION, GtkWidget)

void lia_notes_section_set_meeting   (LiaNotesSection *self,
                                      LiaMeeting      *meeting);
void lia_notes_section_set_history   (LiaNotesSection *self,
                                      LiaHistory      *history);
void lia_notes_section_set_conflicts (LiaNotesSection  *self,
                                      LiaConflictIndex *conflicts);
void lia_notes_section_set_read_only (LiaNotesSection *self,
                                      gboolean         read_only);

G_END_DECLS
