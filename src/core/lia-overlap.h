/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lia-member.h"

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

typedef enum
{
  LIA_TZ_STATE_WORKING,   /* inside working hours and not busy */
  LIA_TZ_STATE_BUSY,      /* inside working hours, but busy in their calendar */
  LIA_TZ_STATE_OFF,       /* awake, but outside working hours */
  LIA_TZ_STATE_NIGHT,     /* local night, 22:00–07:00, outside working hours */
} LiaTzState;

typedef struct _LiaTzMember LiaTzMember;

LiaTzMember *lia_tz_member_new            (const char   *label,
                                           const char   *zone,
                                           GError      **error);
LiaTzMember *lia_tz_member_parse          (const char   *spec,
                                           GError      **error);
LiaTzMember *lia_tz_member_new_from_entity (LiaMember   *member,
                                           GError      **error);
void         lia_tz_member_free           (LiaTzMember  *self);

const char  *lia_tz_member_get_label      (LiaTzMember  *self);
GTimeZone   *lia_tz_member_get_zone       (LiaTzMember  *self);
gboolean     lia_tz_member_set_hours      (LiaTzMember  *self,
                                           const char   *hours,
                                           GError      **error);
void         lia_tz_member_set_hours_minutes (LiaTzMember *self,
                                           int           start,
                                           int           end);
gboolean     lia_tz_member_set_days       (LiaTzMember  *self,
                                           const char   *days,
                                           GError      **error);
void         lia_tz_member_set_day_mask   (LiaTzMember  *self,
                                           guint         mask);
void         lia_tz_member_add_busy       (LiaTzMember  *self,
                                           gint64        start,
                                           gint64        end);
gboolean     lia_tz_member_add_calendar   (LiaTzMember  *self,
                                           const char   *ics,
                                           GError      **error);
char        *lia_calendar_strip           (const char   *ics,
                                           GError      **error);
LiaTzState   lia_tz_member_state_at       (LiaTzMember  *self,
                                           gint64        instant);
int          lia_tz_member_offset_at      (LiaTzMember  *self,
                                           gint64        instant);
char        *lia_tz_member_format         (LiaTzMember  *self,
                                           gint64        instant,
                                           const char   *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaTzMember, lia_tz_member_free)

/* Parsing helpers shared with the CLI and the UI. */
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

/* Availability */

typedef struct
{
  gint64  start;
  gint64  end;
  guint   n_available;
  guint  *available;    /* member indices, ascending */
} LiaOverlapInterval;

GPtrArray   *lia_overlap_compute          (LiaTzMember **members,
                                           guint         n_members,
                                           gint64        from,
                                           gint64        to,
                                           guint         min,
                                           GError      **error);

/* Slot finder */

/* How a meeting sits in one member's day: the worst of its minutes. */
typedef enum
{
  LIA_SLOT_FIT_INSIDE,   /* inside working hours throughout */
  LIA_SLOT_FIT_EARLY,    /* partly before hours, 05:00–12:00 local */
  LIA_SLOT_FIT_LATE,     /* partly after hours, 12:00–24:00 local */
  LIA_SLOT_FIT_BUSY,     /* inside hours but busy in their calendar */
  LIA_SLOT_FIT_DAY_OFF,  /* on a day they do not work */
  LIA_SLOT_FIT_NIGHT,    /* partly 00:00–05:00 local */
} LiaSlotFit;

typedef struct
{
  gint64  start;
  gint64  end;
  guint   n_inside;      /* members inside hours for the whole meeting */
  guint   cost;          /* weighted minutes outside hours, all members */
  guint  *member_cost;   /* per member; 0 means inside for the whole meeting */
  /* Set by lia_slots_suggest only: */
  gint64      window_start;  /* the run of quarter-hour starts that fit */
  gint64      window_end;    /* alike, as one window [start, end) */
  LiaSlotFit *member_fit;    /* per member */
} LiaSlot;

#define LIA_SLOT_GRID (15 * 60)

GPtrArray   *lia_slots_find               (LiaTzMember **members,
                                           guint         n_members,
                                           gint64        from,
                                           gint64        to,
                                           int           duration_minutes,
                                           guint         count,
                                           GError      **error);

GPtrArray   *lia_slots_suggest            (LiaTzMember **members,
                                           guint         n_members,
                                           gint64        from,
                                           gint64        to,
                                           int           duration_minutes,
                                           guint         count,
                                           GError      **error);
char        *lia_slot_explain             (const LiaSlot *slot,
                                           guint          n_members,
                                           const char * const *names);

typedef struct
{
  guint    n_weeks;
  guint    n_members;
  gint64  *starts;        /* per week */
  guint   *week_costs;    /* n_weeks × n_members, weighted minutes */
  guint   *totals;        /* per member, over the series */
} LiaRotation;

LiaRotation *lia_slots_rotation           (LiaTzMember **members,
                                           guint         n_members,
                                           gint64        from,
                                           int           duration_minutes,
                                           guint         weeks,
                                           GError      **error);
void         lia_rotation_free            (LiaRotation  *rotation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaRotation, lia_rotation_free)

G_END_DECLS
