/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_PAGE (lia_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaPage, lia_page, LIA, PAGE, LiaEntity)

typedef enum
{
  LIA_PAGE_TITLE,
  LIA_PAGE_BODY,
  LIA_PAGE_UPDATED,
  LIA_PAGE_CHILDREN,
  LIA_PAGE_N_FIELDS
} LiaPageField;

LiaPage *lia_page_new (void);

G_END_DECLS
