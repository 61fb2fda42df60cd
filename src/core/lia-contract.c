/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-contract"

#include "config.h"

#include "lia-contract.h"
#include "lia-choices.h"
#include "lia-field.h"

/* An API contract model: a named table of fields.  A model with a path is
 * also an endpoint: METHOD path takes the model as its request body and
 * answers with the response model. */
struct _LiaContract
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaContract, lia_contract, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "name", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "description", .kind = LIA_KIND_STRING },
  { .name = "path", .kind = LIA_KIND_STRING },
  { .name = "method", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_http_method_choices, .default_string = "post" },
  { .name = "response", .kind = LIA_KIND_STRING },
  { .name = "fields", .kind = LIA_KIND_LIST, .entity_type = lia_field_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_CONTRACT_N_FIELDS);

static void
lia_contract_class_init (LiaContractClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_contract_init (LiaContract *self)
{
}

LiaContract *
lia_contract_new (void)
{
  return g_object_new (LIA_TYPE_CONTRACT, NULL);
}
