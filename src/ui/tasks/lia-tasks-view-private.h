/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Test-only getters for the Tasks page's template children. */

#include "lia-task-form.h"
#include "lia-tasks-view.h"

G_BEGIN_DECLS

GtkListBox  *lia_tasks_view_get_list (LiaTasksView *self);
LiaTaskForm *lia_tasks_view_get_form (LiaTasksView *self);

G_END_DECLS
