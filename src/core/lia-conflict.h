/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONFLICT (lia_conflict_get_type ())
G_DECLARE_FINAL_TYPE (LiaConflict, lia_conflict, LIA, CONFLICT, LiaEntity)

/* One change a three-way merge could not make by itself.  The merged
 * workspace holds "ours"; the record keeps what both sides and their
 * common base had, so the user can choose later (in the app, or by
 * editing the file). */
typedef enum
{
  LIA_CONFLICT_ENTITY,      /* id of the entity in conflict; "" for the workspace itself */
  LIA_CONFLICT_COLLECTION,  /* the list that holds it: "pages", "children", "steps", … */
  LIA_CONFLICT_PARENT,      /* id of the entity that holds that list; "" at the top level */
  LIA_CONFLICT_KIND,        /* lia_conflict_kind_choices */
  LIA_CONFLICT_FIELD,       /* the JSON key for "field" and "text"; "" otherwise */
  LIA_CONFLICT_BASE,        /* the value in the common ancestor (null: absent) */
  LIA_CONFLICT_OURS,        /* the value on our side (null: absent or deleted) */
  LIA_CONFLICT_THEIRS,      /* the value on their side (null: absent or deleted) */
  LIA_CONFLICT_N_FIELDS
} LiaConflictField;

/* field:       one field changed to two different values (values are the field's JSON)
 * text:        a multi-line text changed on both sides in the same lines (values are strings)
 * edit-delete: one side removed the entity, the other changed it (values are the entity
 *              as JSON, null on the side that removed it)
 * move:        the entity was moved under two different parents (values are parent ids,
 *              "" for the top level)
 * cycle:       a move would have put a page under its own descendant (values as for move) */
extern const char * const lia_conflict_kind_choices[];

LiaConflict *lia_conflict_new (const char *entity,
                               const char *collection,
                               const char *parent,
                               const char *kind,
                               const char *field,
                               JsonNode   *base,
                               JsonNode   *ours,
                               JsonNode   *theirs);

G_END_DECLS
