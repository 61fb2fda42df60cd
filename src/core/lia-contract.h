/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTRACT (lia_contract_get_type ())
G_DECLARE_FINAL_TYPE (LiaContract, lia_contract, LIA, CONTRACT, LiaEntity)

typedef enum
{
  LIA_CONTRACT_NAME,
  LIA_CONTRACT_DESCRIPTION,
  LIA_CONTRACT_PATH,
  LIA_CONTRACT_METHOD,
  LIA_CONTRACT_RESPONSE,
  LIA_CONTRACT_FIELDS,
  LIA_CONTRACT_N_FIELDS
} LiaContractField;

LiaContract *lia_contract_new (void);

G_END_DECLS
