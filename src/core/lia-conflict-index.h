/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONFLICT_INDEX (lia_conflict_index_get_type ())
G_DECLARE_FINAL_TYPE (LiaConflictIndex, lia_conflict_index, LIA, CONFLICT_INDEX, GObject)

LiaConflictIndex *lia_conflict_index_new          (GListModel       *conflicts);
gboolean          lia_conflict_index_has          (LiaConflictIndex *self,
                                                   const char       *id,
                                                   const char       *field);
gboolean          lia_conflict_index_has_field    (LiaConflictIndex *self,
                                                   LiaEntity        *entity,
                                                   guint             field);
gboolean          lia_conflict_index_has_inside   (LiaConflictIndex *self,
                                                   const char       *id);
gboolean          lia_conflict_index_has_within   (LiaConflictIndex *self,
                                                   LiaEntity        *entity,
                                                   gboolean          inside_only);

G_END_DECLS
