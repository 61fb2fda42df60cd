/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-requirement-cell.h: one cell of the requirement translation table. */
#pragma once

#include <gtk/gtk.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

/* The field of the numbered steps column, which is computed from the
 * requirement's step list rather than read from one field. */
#define LIA_REQUIREMENT_CELL_STEPS (-1)

#define LIA_TYPE_REQUIREMENT_CELL (lia_requirement_cell_get_type ())
G_DECLARE_FINAL_TYPE (LiaRequirementCell, lia_requirement_cell, LIA, REQUIREMENT_CELL, GtkWidget)

GtkWidget *lia_requirement_cell_new  (int                 field,
                                      gboolean            choice,
                                      int                 mark);
void       lia_requirement_cell_bind (LiaRequirementCell *self,
                                      LiaEntity          *requirement,
                                      LiaHistory         *history,
                                      LiaConflictIndex   *conflicts);

G_END_DECLS
