/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-conflict.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

/* Settling what a merge left to decide (see lia-conflict.h): the chosen
 * side's value goes into the model through the workspace's history, and
 * the record leaves the conflicts collection, in one undo step. */

typedef enum
{
  LIA_CONFLICT_CHOICE_OURS,    /* keep mine */
  LIA_CONFLICT_CHOICE_THEIRS,  /* take theirs */
  LIA_CONFLICT_CHOICE_BASE,    /* use what both started from */
} LiaConflictChoice;

gboolean   lia_workspace_resolve_conflict (LiaWorkspace      *self,
                                           LiaConflict       *conflict,
                                           LiaConflictChoice  choice,
                                           GError           **error);

LiaEntity *lia_workspace_find_entity      (LiaWorkspace      *self,
                                           const char        *id);

/* In the user's words, for the conflicts view: what is in conflict
 * (“Page “Deployment”: Title”, “Member “Li Wei” was removed by a
 * teammate and changed by you”), and one side's value as text. */
char      *lia_conflict_describe          (LiaConflict       *conflict,
                                           LiaWorkspace      *workspace);
char      *lia_conflict_value_to_text     (LiaConflict       *conflict,
                                           LiaWorkspace      *workspace,
                                           LiaConflictChoice  side);
gboolean   lia_conflict_offers_base       (LiaConflict       *conflict);
gboolean   lia_conflict_can_choose        (LiaConflict       *conflict,
                                           LiaWorkspace      *workspace,
                                           LiaConflictChoice  choice,
                                           GError           **error);

G_END_DECLS
