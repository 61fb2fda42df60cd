/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaMeetingListRow: one meeting in the Meetings page's list. */

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-meeting.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_LIST_ROW (lia_meeting_list_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaMeetingListRow, lia_meeting_list_row, LIA, MEETING_LIST_ROW, GtkListBoxRow)

GtkWidget  *lia_meeting_list_row_new         (LiaMeeting        *meeting);
LiaMeeting *lia_meeting_list_row_get_meeting (LiaMeetingListRow *self);
void        lia_meeting_list_row_set_conflicts (LiaMeetingListRow *self,
                                                LiaConflictIndex  *conflicts);
void        lia_meeting_list_row_update_header (LiaMeetingListRow *self,
                                                LiaMeetingListRow *before,
                                                gint64             now);

gboolean    lia_meeting_list_is_upcoming     (LiaMeeting        *meeting,
                                              gint64             now);
int         lia_meeting_list_compare         (LiaMeeting        *a,
                                              LiaMeeting        *b,
                                              gint64             now);

G_END_DECLS
