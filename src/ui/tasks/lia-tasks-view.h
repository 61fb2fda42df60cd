/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_TASKS_VIEW (lia_tasks_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaTasksView, lia_tasks_view, LIA, TASKS_VIEW, GtkWidget)

void     lia_tasks_view_set_workspace   (LiaTasksView *self,
                                         LiaWorkspace *workspace);
void     lia_tasks_view_add_task        (LiaTasksView *self);
void     lia_tasks_view_sync            (LiaTasksView *self);
void     lia_tasks_view_send_entity     (LiaTasksView *self,
                                         LiaEntity    *entity);
gboolean lia_tasks_view_is_syncing      (LiaTasksView *self);
gboolean lia_tasks_view_validate        (LiaTasksView *self,
                                         char        **problem);

G_END_DECLS
