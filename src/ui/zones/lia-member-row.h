/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-member-row.h: one team member on the Time Zones page. */
#pragma once

#include <adwaita.h>

#include "lia-live-calendars.h"
#include "lia-member.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEMBER_ROW (lia_member_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaMemberRow, lia_member_row, LIA, MEMBER_ROW, AdwActionRow)

GtkWidget *lia_member_row_new          (LiaMember    *member);
LiaMember *lia_member_row_get_member   (LiaMemberRow *self);
gboolean   lia_member_row_get_included (LiaMemberRow *self);
void       lia_member_row_set_included (LiaMemberRow *self,
                                        gboolean      included);
void       lia_member_row_set_instant  (LiaMemberRow *self,
                                        gint64        instant);
void       lia_member_row_set_read_only (LiaMemberRow *self,
                                        gboolean      read_only);
void       lia_member_row_set_calendars (LiaMemberRow     *self,
                                         LiaLiveCalendars *calendars);
/* Tests: what the row says about the member's live calendar ("" for
 * none), whether it says it as an error, and whether it is reading. */
const char *lia_member_row_get_calendar_status (LiaMemberRow *self,
                                                gboolean     *is_error,
                                                gboolean     *reading);

G_END_DECLS
