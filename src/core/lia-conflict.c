/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-conflict"

#include "config.h"

#include "lia-conflict.h"

/* What a merge of two teammates' copies left for a person to decide.
 * Written only when there is something (see lia-merge.c). */
struct _LiaConflict
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaConflict, lia_conflict, LIA_TYPE_ENTITY)

const char * const lia_conflict_kind_choices[] = { "field", "text", "edit-delete", "move", "cycle", NULL };

static const LiaFieldSpec fields[] = {
  /* "" for the workspace itself: its title or a top-level key */
  { .name = "entity", .kind = LIA_KIND_STRING },
  { .name = "collection", .kind = LIA_KIND_STRING },
  { .name = "parent", .kind = LIA_KIND_STRING },
  { .name = "kind", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED, .check = LIA_CHECK_CHOICE,
    .choices = lia_conflict_kind_choices, .default_string = "field" },
  { .name = "field", .kind = LIA_KIND_STRING },
  { .name = "base", .kind = LIA_KIND_JSON },
  { .name = "ours", .kind = LIA_KIND_JSON },
  { .name = "theirs", .kind = LIA_KIND_JSON },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_CONFLICT_N_FIELDS);

static void
lia_conflict_class_init (LiaConflictClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_conflict_init (LiaConflict *self)
{
}

LiaConflict *
lia_conflict_new (const char *entity,
                  const char *collection,
                  const char *parent,
                  const char *kind,
                  const char *field,
                  JsonNode   *base,
                  JsonNode   *ours,
                  JsonNode   *theirs)
{
  LiaConflict *self = g_object_new (LIA_TYPE_CONFLICT, NULL);
  LiaEntity *entity_ = LIA_ENTITY (self);

  lia_entity_set_string (entity_, LIA_CONFLICT_ENTITY, entity);
  lia_entity_set_string (entity_, LIA_CONFLICT_COLLECTION, collection);
  lia_entity_set_string (entity_, LIA_CONFLICT_PARENT, parent);
  lia_entity_set_string (entity_, LIA_CONFLICT_KIND, kind);
  lia_entity_set_string (entity_, LIA_CONFLICT_FIELD, field);
  lia_entity_set_json (entity_, LIA_CONFLICT_BASE, base);
  lia_entity_set_json (entity_, LIA_CONFLICT_OURS, ours);
  lia_entity_set_json (entity_, LIA_CONFLICT_THEIRS, theirs);
  return self;
}
