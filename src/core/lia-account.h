/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNT (lia_account_get_type ())
G_DECLARE_FINAL_TYPE (LiaAccount, lia_account, LIA, ACCOUNT, LiaEntity)

typedef enum
{
  LIA_ACCOUNT_NAME,
  LIA_ACCOUNT_SERVICE,
  LIA_ACCOUNT_URL,
  LIA_ACCOUNT_PROJECT,
  LIA_ACCOUNT_USER,
  LIA_ACCOUNT_EPIC_FIELD,
  LIA_ACCOUNT_MILESTONES,
  LIA_ACCOUNT_N_FIELDS
} LiaAccountField;

LiaAccount *lia_account_new (void);

G_END_DECLS
