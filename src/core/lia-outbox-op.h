/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_OUTBOX_OP (lia_outbox_op_get_type ())
G_DECLARE_FINAL_TYPE (LiaOutboxOp, lia_outbox_op, LIA, OUTBOX_OP, LiaEntity)

typedef enum
{
  LIA_OUTBOX_OP_ENTITY,
  LIA_OUTBOX_OP_SERVICE,
  LIA_OUTBOX_OP_URL,
  LIA_OUTBOX_OP_ACTION,
  LIA_OUTBOX_OP_STATE,
  LIA_OUTBOX_OP_ATTEMPTS,
  LIA_OUTBOX_OP_ERROR,
  LIA_OUTBOX_OP_UNCERTAIN_SINCE,
  LIA_OUTBOX_OP_REMOTE,
  LIA_OUTBOX_OP_N_FIELDS
} LiaOutboxOpField;

LiaOutboxOp *lia_outbox_op_new (void);

G_END_DECLS
