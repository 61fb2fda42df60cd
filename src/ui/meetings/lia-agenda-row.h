/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_AGENDA_ROW (lia_agenda_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaAgendaRow, lia_agenda_row, LIA, AGENDA_ROW, AdwExpanderRow)

GtkWidget *lia_agenda_row_new           (LiaEntity    *item,
                                         LiaHistory   *history,
                                         gboolean      read_only);
LiaEntity *lia_agenda_row_get_item      (LiaAgendaRow *self);
void       lia_agenda_row_set_conflicts (LiaAgendaRow     *self,
                                         LiaConflictIndex *conflicts);
void       lia_agenda_row_set_read_only (LiaAgendaRow *self,
                                         gboolean      read_only);
void       lia_agenda_row_set_span      (LiaAgendaRow *self,
                                         const char   *start_text,
                                         const char   *end_text);
void       lia_agenda_row_set_position  (LiaAgendaRow *self,
                                         guint         index,
                                         guint         n_items);

G_END_DECLS
