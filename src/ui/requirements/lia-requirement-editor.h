/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-conflict-index.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_REQUIREMENT_EDITOR (lia_requirement_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiaRequirementEditor, lia_requirement_editor, LIA, REQUIREMENT_EDITOR, GtkWidget)

void       lia_requirement_editor_set_history     (LiaRequirementEditor *self,
                                                   LiaHistory           *history);
void       lia_requirement_editor_set_requirement (LiaRequirementEditor *self,
                                                   LiaEntity            *requirement);
LiaEntity *lia_requirement_editor_get_requirement (LiaRequirementEditor *self);
void       lia_requirement_editor_set_conflicts   (LiaRequirementEditor *self,
                                                   LiaConflictIndex     *conflicts);
void       lia_requirement_editor_focus           (LiaRequirementEditor *self);
void       lia_requirement_editor_set_read_only   (LiaRequirementEditor *self,
                                                   gboolean              read_only);

G_END_DECLS
