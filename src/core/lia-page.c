/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-page"

#include "config.h"

#include "lia-page.h"
#include "lia-choices.h"

/* A page of the document tree, with a Markdown body and child pages. */
struct _LiaPage
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaPage, lia_page, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "title", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "body", .kind = LIA_KIND_STRING },
  { .name = "updated", .kind = LIA_KIND_STRING, .check = LIA_CHECK_TIMESTAMP },
  { .name = "children", .kind = LIA_KIND_LIST, .entity_type = lia_page_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_PAGE_N_FIELDS);

static void
lia_page_class_init (LiaPageClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_page_init (LiaPage *self)
{
}

LiaPage *
lia_page_new (void)
{
  return g_object_new (LIA_TYPE_PAGE, NULL);
}
