/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"
#include "lia-meeting-editor.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETINGS_VIEW (lia_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaMeetingsView, lia_meetings_view, LIA, MEETINGS_VIEW, GtkWidget)

void              lia_meetings_view_set_workspace     (LiaMeetingsView *self,
                                                       LiaWorkspace    *workspace);
LiaMeeting       *lia_meetings_view_new_meeting       (LiaMeetingsView *self,
                                                       LiaMeeting      *template_);
GtkPopover       *lia_meetings_view_choose_template   (LiaMeetingsView *self,
                                                       GtkWidget       *anchor);
void              lia_meetings_view_select            (LiaMeetingsView *self,
                                                       LiaMeeting      *meeting);
LiaMeetingEditor *lia_meetings_view_get_editor        (LiaMeetingsView *self);
GPtrArray        *lia_meetings_view_get_templates     (LiaMeetingsView *self);
gboolean          lia_meetings_view_save_as_template  (LiaMeetingsView *self,
                                                       GError         **error);
void              lia_meetings_view_delete_meeting    (LiaMeetingsView *self);
GtkWindow        *lia_meetings_view_run               (LiaMeetingsView *self);
GtkWindow        *lia_meetings_view_send_summary      (LiaMeetingsView *self);

G_END_DECLS
