/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A member's working hours, days and busy times in their own zone. */
#pragma once

#include <glib.h>

#include "lia-calendar.h"
#include "lia-member.h"
#include "lia-tz.h"

G_BEGIN_DECLS

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
LiaTzState   lia_tz_member_state_at       (LiaTzMember  *self,
                                           gint64        instant);
int          lia_tz_member_offset_at      (LiaTzMember  *self,
                                           gint64        instant);
char        *lia_tz_member_format         (LiaTzMember  *self,
                                           gint64        instant,
                                           const char   *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaTzMember, lia_tz_member_free)

G_END_DECLS
