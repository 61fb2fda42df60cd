/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Test-only getters for the Tasks page's template children, and the
 * row showing a task (NULL when it is not on screen). */

#include "lia-task-form.h"
#include "lia-tasks-view.h"

G_BEGIN_DECLS

GtkListView *lia_tasks_view_get_list (LiaTasksView *self);
LiaTaskForm *lia_tasks_view_get_form (LiaTasksView *self);
GtkWidget   *lia_tasks_view_get_row  (LiaTasksView *self,
                                      LiaTask      *task);

G_END_DECLS
