/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaMeetingListRow: one row of the Meetings page's list view: a
 * meeting, or the heading of a group (a GtkStringObject item). */

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-meeting.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_LIST_ROW (lia_meeting_list_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaMeetingListRow, lia_meeting_list_row, LIA, MEETING_LIST_ROW, GtkWidget)

GtkWidget  *lia_meeting_list_row_new         (void);
void        lia_meeting_list_row_set_item    (LiaMeetingListRow *self,
                                              GObject           *item,
                                              LiaConflictIndex  *conflicts);
LiaMeeting *lia_meeting_list_row_get_meeting (LiaMeetingListRow *self);
const char *lia_meeting_list_row_get_heading (LiaMeetingListRow *self);

gboolean    lia_meeting_list_is_upcoming     (LiaMeeting        *meeting,
                                              gint64             now);
int         lia_meeting_list_compare         (LiaMeeting        *a,
                                              LiaMeeting        *b,
                                              gint64             now);

G_END_DECLS
