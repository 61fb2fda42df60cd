/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-task"

#include "config.h"

#include "lia-task.h"
#include "lia-choices.h"

/* A tracker task with the fields of a Jira issue. */
struct _LiaTask
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaTask, lia_task, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "project", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "type", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "summary", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "description", .kind = LIA_KIND_STRING },
  { .name = "priority", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_priority_choices, .default_string = "medium" },
  { .name = "assignee", .kind = LIA_KIND_STRING },
  { .name = "due", .kind = LIA_KIND_STRING, .check = LIA_CHECK_DATE },
  { .name = "epic", .kind = LIA_KIND_STRING },
  { .name = "labels", .kind = LIA_KIND_STRV },
  { .name = "status", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_work_status_choices, .default_string = "todo" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_TASK_N_FIELDS);

static void
lia_task_class_init (LiaTaskClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_task_init (LiaTask *self)
{
}

LiaTask *
lia_task_new (void)
{
  return g_object_new (LIA_TYPE_TASK, NULL);
}
