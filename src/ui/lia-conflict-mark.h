/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaConflictMark: the warning sign beside what a merge left to decide. */

#include <gtk/gtk.h>

#include "lia-conflict-index.h"

G_BEGIN_DECLS

/* What a mark watches, besides one field (a field index, 0 or more). */
#define LIA_CONFLICT_MARK_ENTITY   (-1)  /* anything about the entity itself */
#define LIA_CONFLICT_MARK_CONTENTS (-2)  /* the entity, or anything it holds */
#define LIA_CONFLICT_MARK_INSIDE   (-3)  /* only what it holds */

#define LIA_TYPE_CONFLICT_MARK (lia_conflict_mark_get_type ())
G_DECLARE_FINAL_TYPE (LiaConflictMark, lia_conflict_mark, LIA, CONFLICT_MARK, GtkWidget)

GtkWidget       *lia_conflict_mark_new            (int               field);
LiaConflictMark *lia_conflict_mark_attach         (GtkWidget        *widget,
                                                   int               field);
void             lia_conflict_mark_set_target     (LiaConflictMark  *self,
                                                   GtkWidget        *target);
void             lia_conflict_mark_follow         (LiaConflictMark  *self,
                                                   LiaConflictIndex *index,
                                                   LiaEntity        *entity);
gboolean         lia_conflict_mark_get_conflicted (LiaConflictMark  *self);

G_END_DECLS
