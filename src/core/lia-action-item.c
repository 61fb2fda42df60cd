/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-action-item"

#include "config.h"

#include "lia-action-item.h"
#include "lia-choices.h"

/* Something a meeting decided somebody will do, by when. */
struct _LiaActionItem
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaActionItem, lia_action_item, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "text", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "owner", .kind = LIA_KIND_STRING },
  { .name = "due", .kind = LIA_KIND_STRING, .check = LIA_CHECK_DATE },
  { .name = "status", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_work_status_choices, .default_string = "todo" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_ACTION_ITEM_N_FIELDS);

static void
lia_action_item_class_init (LiaActionItemClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_action_item_init (LiaActionItem *self)
{
}

LiaActionItem *
lia_action_item_new (void)
{
  return g_object_new (LIA_TYPE_ACTION_ITEM, NULL);
}
