/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaMeetingSections: the Meetings list's rows, the sorted meetings with
 * a heading item ("Upcoming", "Past") before each group that has any.
 * GTK 4.8's list view has no section headers, so the headings are items
 * of their own (GtkStringObject), neither selectable nor activatable. */

#include <gtk/gtk.h>

#include "lia-meeting.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_SECTIONS (lia_meeting_sections_get_type ())
G_DECLARE_FINAL_TYPE (LiaMeetingSections, lia_meeting_sections, LIA, MEETING_SECTIONS, GObject)

LiaMeetingSections *lia_meeting_sections_new          (GListModel         *sorted);
void                lia_meeting_sections_set_now      (LiaMeetingSections *self,
                                                       gint64              now);
gboolean            lia_meeting_sections_find         (LiaMeetingSections *self,
                                                       gpointer            item,
                                                       guint              *position);

G_END_DECLS
