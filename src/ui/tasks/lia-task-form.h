/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaTaskForm: the Jira-style form for one task (the seed's fields),
 * checked before anything is sent, with the task's state in the tracker.
 * It edits its task through its history and asks its owner, by signals,
 * to send, delete or resolve a conflict. */

#include <adwaita.h>

#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_TASK_FORM (lia_task_form_get_type ())
G_DECLARE_FINAL_TYPE (LiaTaskForm, lia_task_form, LIA, TASK_FORM, GtkWidget)

LiaTask    *lia_task_form_get_task       (LiaTaskForm *self);
void        lia_task_form_set_task       (LiaTaskForm *self,
                                          LiaTask     *task);
LiaHistory *lia_task_form_get_history    (LiaTaskForm *self);
void        lia_task_form_set_history    (LiaTaskForm *self,
                                          LiaHistory  *history);
gboolean    lia_task_form_get_read_only  (LiaTaskForm *self);
void        lia_task_form_set_read_only  (LiaTaskForm *self,
                                          gboolean     read_only);
void        lia_task_form_set_sync_state (LiaTaskForm *self,
                                          const char  *state,
                                          gboolean     conflict);
void        lia_task_form_set_types      (LiaTaskForm *self,
                                          GPtrArray   *types);
gboolean    lia_task_form_validate       (LiaTaskForm *self,
                                          char       **problem);
void        lia_task_form_focus_summary  (LiaTaskForm *self);

G_END_DECLS
