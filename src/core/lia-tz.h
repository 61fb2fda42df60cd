/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone arithmetic: local time to UTC, standard offsets, and the parse and
 * format helpers for hours, days and instants shared with the CLI and UI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The time-zone engine: who is inside working hours when, from IANA zones
 * (GTimeZone and the system tz database), so daylight saving time and
 * half- and quarter-hour zones are right on every date.
 *
 * All instants are Unix seconds (UTC). A range is [from, to). */

#define LIA_OVERLAP_ERROR (lia_overlap_error_quark ())

typedef enum
{
  LIA_OVERLAP_ERROR_MEMBER,     /* a member description that cannot be read */
  LIA_OVERLAP_ERROR_ZONE,       /* unknown zone name */
  LIA_OVERLAP_ERROR_HOURS,      /* malformed HH:MM-HH:MM */
  LIA_OVERLAP_ERROR_DAYS,       /* malformed list of days */
  LIA_OVERLAP_ERROR_RANGE,      /* to <= from, or longer than a year */
  LIA_OVERLAP_ERROR_DURATION,   /* meeting length out of range */
  LIA_OVERLAP_ERROR_CALENDAR,   /* an .ics file that cannot be read */
} LiaOverlapError;

GQuark lia_overlap_error_quark (void);

/* The longest range the engine accepts: one (leap) year. */
#define LIA_OVERLAP_MAX_RANGE ((gint64) 366 * 24 * 3600)

gboolean     lia_parse_hours              (const char   *text,
                                           int          *start,
                                           int          *end,
                                           GError      **error);
gboolean     lia_parse_days               (const char   *text,
                                           guint        *mask,
                                           GError      **error);
gboolean     lia_parse_instant            (const char   *text,
                                           gint64       *instant,
                                           GError      **error);
char        *lia_format_instant           (gint64        instant);
char        *lia_format_offset            (int           seconds);
gint64       lia_local_to_utc             (GTimeZone    *zone,
                                           gint64        local);
int          lia_zone_standard_offset     (GTimeZone    *zone,
                                           gint64        near,
                                           char        **abbreviation);
/* "09:00–10:30": two times as a range, in the order and with the dash
 * the translation gives. */
char        *lia_time_range_text          (const char   *start,
                                           const char   *end);

G_END_DECLS
