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

/* Where a member's busy times come from (LiaMember:busy-source). */
typedef enum
{
  LIA_CALENDAR_SOURCE_NONE,          /* "": the stored busy-calendar text */
  LIA_CALENDAR_SOURCE_SUBSCRIPTION,  /* https:// or webcal:// iCalendar file */
  LIA_CALENDAR_SOURCE_CALDAV,        /* "caldav:" + the calendar's URL */
  LIA_CALENDAR_SOURCE_INVALID,
} LiaCalendarSourceKind;

LiaCalendarSourceKind lia_calendar_source_kind (const char *source);
/* The http(s) URL to fetch for @source (webcal:// → https://, the
 * "caldav:" prefix removed), or NULL when it is not a URL source. */
char        *lia_calendar_source_to_url (const char *source);
/* @url (or a source) as a UI shows it: no user, query or secret path. */
char        *lia_calendar_source_mask (const char *url);
/* Several iCalendar texts (a CalDAV server answers one per event) as one,
 * stripped as lia_calendar_strip () does. */
char        *lia_calendar_merge   (const char * const *texts,
                                   GError             **error);

/* A VFREEBUSY answer as busy events. */
char        *lia_calendar_from_freebusy (const char *ics,
                                         GError    **error);

/* @ics reduced to the busy times the engine reads, or NULL and @error. */
char        *lia_calendar_strip   (const char   *ics,
                                   GError      **error);

G_END_DECLS
