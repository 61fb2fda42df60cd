/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Busy times from iCalendar data (libical), for the time-zone engine.
 * LiaCalendar is internal to src/core; lia_calendar_strip is public (the
 * member dialog stores what it returns). */

typedef struct
{
  gint64 s;   /* Unix seconds, inclusive */
  gint64 e;   /* exclusive */
} LiaSpan;

typedef struct _LiaCalendar LiaCalendar;

LiaCalendar *lia_calendar_parse   (const char   *ics,
                                   GError      **error);
void         lia_calendar_free    (LiaCalendar  *self);
void         lia_calendar_expand  (LiaCalendar  *self,
                                   GTimeZone    *zone,
                                   gint64        from,
                                   gint64        to,
                                   GArray       *spans);

/* @ics reduced to the busy times the engine reads, or NULL and @error. */
char        *lia_calendar_strip   (const char   *ics,
                                   GError      **error);

G_END_DECLS
