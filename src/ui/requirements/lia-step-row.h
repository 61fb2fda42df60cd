/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-step-row.h: one engineering step in the requirement editor. */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_STEP_ROW (lia_step_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaStepRow, lia_step_row, LIA, STEP_ROW, AdwEntryRow)

GtkWidget  *lia_step_row_new           (LiaStep    *step,
                                        LiaHistory *history,
                                        gboolean    read_only);
LiaStep    *lia_step_row_get_step      (LiaStepRow *self);
void        lia_step_row_set_conflicts (LiaStepRow       *self,
                                        LiaConflictIndex *conflicts);
void        lia_step_row_set_history   (LiaStepRow *self,
                                        LiaHistory *history);
void        lia_step_row_set_read_only (LiaStepRow *self,
                                        gboolean    read_only);

G_END_DECLS
