/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-member"

#include "config.h"

#include "lia-member.h"
#include "lia-choices.h"

/* A team member: who, where, in which IANA time zone, and when they work. */
struct _LiaMember
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaMember, lia_member, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "name", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "role", .kind = LIA_KIND_STRING },
  { .name = "city", .kind = LIA_KIND_STRING },
  { .name = "timezone", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED, .check = LIA_CHECK_ZONE },
  { .name = "work-start", .kind = LIA_KIND_STRING, .check = LIA_CHECK_TIME, .default_string = "09:00" },
  { .name = "work-end", .kind = LIA_KIND_STRING, .check = LIA_CHECK_TIME, .default_string = "18:00" },
  { .name = "work-days", .kind = LIA_KIND_STRV, .check = LIA_CHECK_WEEKDAYS, .default_strv = lia_default_work_days },
  /* iCalendar text reduced to busy times (lia_calendar_strip) */
  { .name = "busy-calendar", .kind = LIA_KIND_STRING },
  /* where busy times are read from instead: empty (busy-calendar), an
   * iCalendar subscription (https://, webcal://) or "caldav:" and the
   * calendar collection's URL (lia_calendar_source_kind) */
  { .name = "busy-source", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CALENDAR_SOURCE },
  /* the CalDAV user; the password or token is in the keyring */
  { .name = "busy-user", .kind = LIA_KIND_STRING },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_MEMBER_N_FIELDS);

static void
lia_member_class_init (LiaMemberClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_member_init (LiaMember *self)
{
}

LiaMember *
lia_member_new (void)
{
  return g_object_new (LIA_TYPE_MEMBER, NULL);
}
