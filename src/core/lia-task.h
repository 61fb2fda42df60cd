/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_TASK (lia_task_get_type ())
G_DECLARE_FINAL_TYPE (LiaTask, lia_task, LIA, TASK, LiaEntity)

typedef enum
{
  LIA_TASK_PROJECT,
  LIA_TASK_TYPE,
  LIA_TASK_SUMMARY,
  LIA_TASK_DESCRIPTION,
  LIA_TASK_PRIORITY,
  LIA_TASK_ASSIGNEE,
  LIA_TASK_DUE,
  LIA_TASK_EPIC,
  LIA_TASK_LABELS,
  LIA_TASK_STATUS,
  LIA_TASK_N_FIELDS
} LiaTaskField;

LiaTask *lia_task_new (void);

G_END_DECLS
