/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting"

#include "config.h"

#include "lia-meeting.h"
#include "lia-choices.h"
#include "lia-agenda-item.h"
#include "lia-action-item.h"
#include "lia-evaluation.h"

/* A meeting: when and where, who attends, its agenda, minutes, decisions, action items and evaluation. */
struct _LiaMeeting
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaMeeting, lia_meeting, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "title", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "start", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED, .check = LIA_CHECK_DATETIME },
  { .name = "timezone", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED, .check = LIA_CHECK_ZONE },
  /* planned length in minutes: the agenda warns when it runs longer */
  { .name = "duration", .kind = LIA_KIND_INT, .flags = LIA_SPEC_RANGED, .min = 1, .max = 1440, .default_number = 60 },
  { .name = "location", .kind = LIA_KIND_STRING },
  { .name = "goal", .kind = LIA_KIND_STRING },
  { .name = "attendees", .kind = LIA_KIND_STRV, .check = LIA_CHECK_MEMBER_REFS },
  { .name = "recurrence", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_recurrence_choices, .default_string = "none" },
  { .name = "agenda", .kind = LIA_KIND_LIST, .entity_type = lia_agenda_item_get_type },
  { .name = "minutes", .kind = LIA_KIND_STRING },
  { .name = "decisions", .kind = LIA_KIND_STRV },
  { .name = "action-items", .kind = LIA_KIND_LIST, .entity_type = lia_action_item_get_type },
  { .name = "evaluation", .kind = LIA_KIND_CHILD, .entity_type = lia_evaluation_get_type },
  /* the chat services (slack, teams, discord, mattermost) the summary was
   * posted to: kept in the file so that a teammate who pulls it is also
   * asked before posting the same summary a second time */
  { .name = "chat-posts", .kind = LIA_KIND_STRV },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_MEETING_N_FIELDS);

static void
lia_meeting_class_init (LiaMeetingClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_meeting_init (LiaMeeting *self)
{
}

LiaMeeting *
lia_meeting_new (void)
{
  return g_object_new (LIA_TYPE_MEETING, NULL);
}
