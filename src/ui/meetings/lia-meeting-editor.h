/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_EDITOR (lia_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiaMeetingEditor, lia_meeting_editor, LIA, MEETING_EDITOR, GtkWidget)

void        lia_meeting_editor_set_workspace  (LiaMeetingEditor *self,
                                               LiaWorkspace     *workspace);
void        lia_meeting_editor_set_meeting    (LiaMeetingEditor *self,
                                               LiaMeeting       *meeting);
LiaMeeting *lia_meeting_editor_get_meeting    (LiaMeetingEditor *self);
void        lia_meeting_editor_add_item       (LiaMeetingEditor *self,
                                               gboolean          is_break);
void        lia_meeting_editor_move_item      (LiaMeetingEditor *self,
                                               guint             from,
                                               guint             to);
const char *lia_meeting_editor_get_summary    (LiaMeetingEditor *self);
char       *lia_meeting_editor_describe_item  (LiaMeetingEditor *self,
                                               guint             index);
gboolean    lia_meeting_editor_get_overrun    (LiaMeetingEditor *self);

G_END_DECLS
