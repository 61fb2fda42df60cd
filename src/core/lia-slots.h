/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When members can meet: shared availability, ranked meeting slots and a
 * rotation that spreads the inconvenience of a weekly series. */
#pragma once

#include <glib.h>

#include "lia-tz-member.h"

G_BEGIN_DECLS

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
