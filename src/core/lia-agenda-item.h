/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_AGENDA_ITEM (lia_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (LiaAgendaItem, lia_agenda_item, LIA, AGENDA_ITEM, LiaEntity)

typedef enum
{
  LIA_AGENDA_ITEM_TITLE,
  LIA_AGENDA_ITEM_DURATION,
  LIA_AGENDA_ITEM_KIND,
  LIA_AGENDA_ITEM_OWNERS,
  LIA_AGENDA_ITEM_NOTES,
  LIA_AGENDA_ITEM_ACTUAL,
  LIA_AGENDA_ITEM_N_FIELDS
} LiaAgendaItemField;

LiaAgendaItem *lia_agenda_item_new (void);

G_END_DECLS
