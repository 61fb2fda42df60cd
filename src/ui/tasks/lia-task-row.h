/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaTaskRow: one task in the Tasks list: its summary, status and sync
 * state, and a link to its issue once the tracker has one.  The list
 * view keeps a few and shows a different task in each as it scrolls. */

#include <adwaita.h>

#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_TASK_ROW (lia_task_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaTaskRow, lia_task_row, LIA, TASK_ROW, GtkWidget)

GtkWidget *lia_task_row_new            (void);
LiaTask   *lia_task_row_get_task       (LiaTaskRow *self);
void       lia_task_row_set_task       (LiaTaskRow *self,
                                        LiaTask    *task);
void       lia_task_row_set_sync_state (LiaTaskRow *self,
                                        const char *state);

G_END_DECLS
