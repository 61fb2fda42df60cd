/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-unrecovered"

#include "config.h"

#include "lia-unrecovered.h"
#include "lia-choices.h"

/* What a damaged file held that recovery could not put back in its place:
 * a broken entity, or the value of a field that had to be reset.  Kept in
 * the workspace (and its file) as raw JSON, so nothing a team wrote is
 * lost until someone has looked at it and dismissed it. */
struct _LiaUnrecovered
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaUnrecovered, lia_unrecovered, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  /* where it was, as a JSON path: tasks[0].due */
  { .name = "path", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "problem", .kind = LIA_KIND_STRING },
  { .name = "value", .kind = LIA_KIND_JSON },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_UNRECOVERED_N_FIELDS);

static void
lia_unrecovered_class_init (LiaUnrecoveredClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_unrecovered_init (LiaUnrecovered *self)
{
}

LiaUnrecovered *
lia_unrecovered_new (const char *path,
                     const char *problem,
                     JsonNode   *value)
{
  LiaUnrecovered *self = g_object_new (LIA_TYPE_UNRECOVERED, NULL);

  lia_entity_set_string (LIA_ENTITY (self), LIA_UNRECOVERED_PATH, path);
  lia_entity_set_string (LIA_ENTITY (self), LIA_UNRECOVERED_PROBLEM, problem);
  lia_entity_set_json (LIA_ENTITY (self), LIA_UNRECOVERED_VALUE, value);
  return self;
}
