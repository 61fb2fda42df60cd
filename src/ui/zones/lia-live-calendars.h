/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-live-calendars.h: the members' live busy times (LiaMember:busy-source)
 * for the Time Zones page, one LiaCalendarSource per member. */
#pragma once

#include <gio/gio.h>

#include "lia-calendar-source.h"
#include "lia-member.h"

G_BEGIN_DECLS

#define LIA_TYPE_LIVE_CALENDARS (lia_live_calendars_get_type ())
G_DECLARE_FINAL_TYPE (LiaLiveCalendars, lia_live_calendars, LIA, LIVE_CALENDARS, GObject)

LiaLiveCalendars  *lia_live_calendars_new         (void);
void               lia_live_calendars_ensure      (LiaLiveCalendars *self,
                                                   GListModel       *members,
                                                   gint64            from,
                                                   gint64            to);
void               lia_live_calendars_forget      (LiaLiveCalendars *self);
void               lia_live_calendars_cancel      (LiaLiveCalendars *self);
void               lia_live_calendars_clear       (LiaLiveCalendars *self);
gboolean           lia_live_calendars_has_any     (LiaLiveCalendars *self,
                                                   GListModel       *members);
const char        *lia_live_calendars_get_busy    (LiaLiveCalendars *self,
                                                   LiaMember        *member);
gboolean           lia_live_calendars_is_reading  (LiaLiveCalendars *self,
                                                   LiaMember        *member);
LiaCalendarSource *lia_live_calendars_get_source  (LiaLiveCalendars *self,
                                                   LiaMember        *member);

/* "Calendar read 10:42" (or with the date when @read is not on @now's day
 * in @zone); pure, for the rows and the tests. */
char              *lia_calendar_read_text         (gint64            read,
                                                   gint64            now,
                                                   GTimeZone        *zone);

G_END_DECLS
