/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaRunWindow: the small window that runs a meeting, item by item. */

#include <adwaita.h>

#include "lia-history.h"
#include "lia-meeting.h"

G_BEGIN_DECLS

#define LIA_TYPE_RUN_WINDOW (lia_run_window_get_type ())
G_DECLARE_FINAL_TYPE (LiaRunWindow, lia_run_window, LIA, RUN_WINDOW, AdwWindow)

GtkWidget  *lia_run_window_new          (LiaMeeting   *meeting,
                                         LiaHistory   *history);
LiaMeeting *lia_run_window_get_meeting  (LiaRunWindow *self);
LiaHistory *lia_run_window_get_history  (LiaRunWindow *self);
void        lia_run_window_next         (LiaRunWindow *self);
void        lia_run_window_finish       (LiaRunWindow *self);

G_END_DECLS
