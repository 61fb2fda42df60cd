/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-agenda-item"

#include "config.h"

#include "lia-agenda-item.h"
#include "lia-choices.h"

/* One item of a meeting agenda; start times follow from the meeting start and the durations before it. */
struct _LiaAgendaItem
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaAgendaItem, lia_agenda_item, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "title", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "duration", .kind = LIA_KIND_INT, .flags = LIA_SPEC_REQUIRED | LIA_SPEC_RANGED, .min = 1, .max = 1440, .default_number = 10 },
  { .name = "kind", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_agenda_kind_choices, .default_string = "discussion" },
  { .name = "owners", .kind = LIA_KIND_STRV },
  { .name = "notes", .kind = LIA_KIND_STRING },
  /* minutes the item really took, recorded in run mode; 0 = not run yet */
  { .name = "actual", .kind = LIA_KIND_INT, .flags = LIA_SPEC_RANGED, .min = 0, .max = 1440, .default_number = 0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_AGENDA_ITEM_N_FIELDS);

static void
lia_agenda_item_class_init (LiaAgendaItemClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_agenda_item_init (LiaAgendaItem *self)
{
}

LiaAgendaItem *
lia_agenda_item_new (void)
{
  return g_object_new (LIA_TYPE_AGENDA_ITEM, NULL);
}
