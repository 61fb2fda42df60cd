/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_REMOTE_REF (lia_remote_ref_get_type ())
G_DECLARE_FINAL_TYPE (LiaRemoteRef, lia_remote_ref, LIA, REMOTE_REF, LiaEntity)

typedef enum
{
  LIA_REMOTE_REF_SERVICE,
  LIA_REMOTE_REF_KEY,
  LIA_REMOTE_REF_URL,
  LIA_REMOTE_REF_REMOTE_VERSION,
  LIA_REMOTE_REF_SYNCED_HASH,
  LIA_REMOTE_REF_REMOTE_HASH,
  LIA_REMOTE_REF_BASE_URL,
  LIA_REMOTE_REF_SPACE,
  LIA_REMOTE_REF_N_FIELDS
} LiaRemoteRefField;

LiaRemoteRef *lia_remote_ref_new (void);

G_END_DECLS
