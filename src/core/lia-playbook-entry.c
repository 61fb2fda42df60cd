/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-playbook-entry"

#include "config.h"

#include "lia-playbook-entry.h"
#include "lia-choices.h"

/* One entry of the collaboration playbook: a collaboration mode, a
 * project tool, a communication or cross-cultural method, or a type of
 * collaboration tool, with its strengths, weaknesses and when it fits.
 * The situations it suits are tags (empty: any); "practises" names the
 * competency areas of the self-assessment it trains. */
struct _LiaPlaybookEntry
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaPlaybookEntry, lia_playbook_entry, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "kind", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_playbook_kind_choices, .default_string = "mode" },
  { .name = "name", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "strengths", .kind = LIA_KIND_STRING },
  { .name = "weaknesses", .kind = LIA_KIND_STRING },
  { .name = "fits", .kind = LIA_KIND_STRING },
  { .name = "examples", .kind = LIA_KIND_STRING },
  { .name = "team-sizes", .kind = LIA_KIND_STRV },
  { .name = "spreads", .kind = LIA_KIND_STRV },
  { .name = "urgencies", .kind = LIA_KIND_STRV },
  { .name = "practises", .kind = LIA_KIND_STRV },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_PLAYBOOK_ENTRY_N_FIELDS);

static void
lia_playbook_entry_class_init (LiaPlaybookEntryClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_playbook_entry_init (LiaPlaybookEntry *self)
{
}

LiaPlaybookEntry *
lia_playbook_entry_new (void)
{
  return g_object_new (LIA_TYPE_PLAYBOOK_ENTRY, NULL);
}
