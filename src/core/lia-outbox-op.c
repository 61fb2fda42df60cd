/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-outbox-op"

#include "config.h"

#include "lia-outbox-op.h"
#include "lia-choices.h"

/* One pending push to a tracker, kept in the workspace file so that a sync
 * interrupted at any point resumes without duplicates or lost edits.
 * "sending" means the request may have reached the server: before it is
 * sent again the tracker is searched for the entity's marker.  "uncertain"
 * means a create may have landed at "uncertain_since" (ISO 8601) but the
 * tracker has not shown it yet: its search can lag behind, so the create
 * is sent again only when a search after the quiet period still finds
 * nothing.  "conflict" holds the remote side's fields until the user has
 * chosen. */
struct _LiaOutboxOp
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaOutboxOp, lia_outbox_op, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "entity", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "service", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_service_choices, .default_string = "jira-cloud" },
  { .name = "url", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "action", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_outbox_action_choices, .default_string = "create" },
  { .name = "state", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_outbox_state_choices, .default_string = "queued" },
  { .name = "attempts", .kind = LIA_KIND_INT, .flags = LIA_SPEC_RANGED, .min = 0, .max = 1000000 },
  { .name = "error", .kind = LIA_KIND_STRING },
  { .name = "uncertain-since", .kind = LIA_KIND_STRING, .check = LIA_CHECK_TIMESTAMP },
  { .name = "remote", .kind = LIA_KIND_JSON },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_OUTBOX_OP_N_FIELDS);

static void
lia_outbox_op_class_init (LiaOutboxOpClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_outbox_op_init (LiaOutboxOp *self)
{
}

LiaOutboxOp *
lia_outbox_op_new (void)
{
  return g_object_new (LIA_TYPE_OUTBOX_OP, NULL);
}
