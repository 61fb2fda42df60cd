/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the zone engine's three files (lia-tz.c, lia-tz-member.c,
 * lia-slots.c) share and nobody else should: the member's fields and the
 * day arithmetic.  Internal to src/core. */
#pragma once

#include "lia-calendar.h"
#include "lia-tz.h"

G_BEGIN_DECLS

#define DAY ((gint64) 86400)
#define NIGHT_START (22 * 60)
#define NIGHT_END (7 * 60)
#define ALL_DAYS 0x7f
#define WEEKDAYS 0x1f

typedef LiaSpan Span;

/* As in lia-tz-member.h (C11 allows the repeat), so that lia-tz.c,
 * which knows nothing of members, does not include it. */
typedef struct _LiaTzMember LiaTzMember;

struct _LiaTzMember
{
  char       *label;
  GTimeZone  *zone;
  int         work_start;  /* minutes after local midnight */
  int         work_end;    /* exclusive; <= work_start means the next day */
  guint       days;        /* bit 0 = Monday … bit 6 = Sunday */
  GArray     *busy;        /* Span, as added */
  GPtrArray  *calendars;   /* LiaCalendar */

  /* busy times (explicit and expanded calendars) for [cache_from, cache_to) */
  GArray     *busy_cache;
  gint64      cache_from;
  gint64      cache_to;
};


gint64   lia_tz_floor_div              (gint64       a,
                                        gint64       b);
gint64   lia_tz_utc_to_local           (GTimeZone   *zone,
                                        gint64       utc);
int      lia_tz_weekday_of_day         (gint64       day);
int      lia_tz_parse_day              (const char  *text);

gboolean lia_tz_member_works_on        (LiaTzMember *self,
                                        gint64       day);
void     lia_tz_member_daily_spans     (LiaTzMember *self,
                                        int          start,
                                        int          end,
                                        gboolean     days_only,
                                        gint64       from,
                                        gint64       to,
                                        GArray      *out);
GArray  *lia_tz_member_work_spans      (LiaTzMember *self,
                                        gint64       from,
                                        gint64       to);

G_END_DECLS
