/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaMeetingTemplateMenu: the meeting templates (built-in, then the
 * user's), the menu that offers them, and new meetings made from them. */

#include <gtk/gtk.h>

#include "lia-meeting.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_TEMPLATE_MENU (lia_meeting_template_menu_get_type ())
G_DECLARE_FINAL_TYPE (LiaMeetingTemplateMenu, lia_meeting_template_menu, LIA, MEETING_TEMPLATE_MENU, GObject)

LiaMeetingTemplateMenu *lia_meeting_template_menu_new           (void);
GMenuModel             *lia_meeting_template_menu_get_model     (LiaMeetingTemplateMenu  *self);
GPtrArray              *lia_meeting_template_menu_get_templates (LiaMeetingTemplateMenu  *self);
LiaMeeting             *lia_meeting_template_menu_get_template  (LiaMeetingTemplateMenu  *self,
                                                                 int                      index);
gboolean                lia_meeting_template_menu_save          (LiaMeetingTemplateMenu  *self,
                                                                 LiaMeeting              *meeting,
                                                                 GError                 **error);
LiaMeeting             *lia_meeting_template_menu_make          (LiaMeeting              *template_,
                                                                 GListModel              *members);
GtkPopover             *lia_meeting_template_menu_popup         (LiaMeetingTemplateMenu  *self,
                                                                 GtkWidget               *anchor);

G_END_DECLS
