/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_AGENDA_SECTION (lia_agenda_section_get_type ())
G_DECLARE_FINAL_TYPE (LiaAgendaSection, lia_agenda_section, LIA, AGENDA_SECTION, GtkWidget)

void        lia_agenda_section_set_meeting   (LiaAgendaSection *self,
                                              LiaMeeting       *meeting);
void        lia_agenda_section_set_history   (LiaAgendaSection *self,
                                              LiaHistory       *history);
void        lia_agenda_section_set_members   (LiaAgendaSection *self,
                                              GListModel       *members);
void        lia_agenda_section_set_conflicts (LiaAgendaSection *self,
                                              LiaConflictIndex *conflicts);
void        lia_agenda_section_set_read_only (LiaAgendaSection *self,
                                              gboolean          read_only);
void        lia_agenda_section_add_item      (LiaAgendaSection *self,
                                              gboolean          is_break);
void        lia_agenda_section_move_item     (LiaAgendaSection *self,
                                              guint             from,
                                              guint             to);
const char *lia_agenda_section_get_summary   (LiaAgendaSection *self);
gboolean    lia_agenda_section_get_overrun   (LiaAgendaSection *self);
char       *lia_agenda_section_describe_item (LiaAgendaSection *self,
                                              guint             index);

G_END_DECLS
