/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEMBER (lia_member_get_type ())
G_DECLARE_FINAL_TYPE (LiaMember, lia_member, LIA, MEMBER, LiaEntity)

typedef enum
{
  LIA_MEMBER_NAME,
  LIA_MEMBER_ROLE,
  LIA_MEMBER_CITY,
  LIA_MEMBER_TIMEZONE,
  LIA_MEMBER_WORK_START,
  LIA_MEMBER_WORK_END,
  LIA_MEMBER_WORK_DAYS,
  LIA_MEMBER_BUSY_CALENDAR,
  LIA_MEMBER_BUSY_SOURCE,
  LIA_MEMBER_BUSY_USER,
  LIA_MEMBER_N_FIELDS
} LiaMemberField;

LiaMember *lia_member_new (void);

G_END_DECLS
