/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-field"

#include "config.h"

#include "lia-field.h"
#include "lia-choices.h"

/* One field of an API contract model, with its type and constraints. */
struct _LiaField
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaField, lia_field, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "name", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "type", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED, .check = LIA_CHECK_CHOICE, .choices = lia_field_type_choices, .default_string = "string" },
  { .name = "items", .kind = LIA_KIND_STRING },
  { .name = "ref", .kind = LIA_KIND_STRING },
  { .name = "required", .kind = LIA_KIND_BOOLEAN },
  { .name = "default", .kind = LIA_KIND_JSON },
  { .name = "minimum", .kind = LIA_KIND_DOUBLE, .flags = LIA_SPEC_OPTIONAL },
  { .name = "maximum", .kind = LIA_KIND_DOUBLE, .flags = LIA_SPEC_OPTIONAL },
  { .name = "exclusive-minimum", .kind = LIA_KIND_BOOLEAN },
  { .name = "exclusive-maximum", .kind = LIA_KIND_BOOLEAN },
  { .name = "min-length", .kind = LIA_KIND_INT, .flags = LIA_SPEC_RANGED, .min = -1, .max = 1000000000, .default_number = -1 },
  { .name = "max-length", .kind = LIA_KIND_INT, .flags = LIA_SPEC_RANGED, .min = -1, .max = 1000000000, .default_number = -1 },
  { .name = "pattern", .kind = LIA_KIND_STRING },
  { .name = "choices", .kind = LIA_KIND_STRV },
  { .name = "description", .kind = LIA_KIND_STRING },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_FIELD_N_FIELDS);

static void
lia_field_class_init (LiaFieldClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_field_init (LiaField *self)
{
}

LiaField *
lia_field_new (void)
{
  return g_object_new (LIA_TYPE_FIELD, NULL);
}
