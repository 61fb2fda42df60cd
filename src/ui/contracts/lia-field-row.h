/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaFieldRow: one field of a contract model as an expandable row. */

#include <adwaita.h>

#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_FIELD_ROW (lia_field_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaFieldRow, lia_field_row, LIA, FIELD_ROW, AdwExpanderRow)

GtkWidget *lia_field_row_new       (LiaField    *field,
                                    LiaHistory  *history);
LiaField  *lia_field_row_get_field (LiaFieldRow *self);
void       lia_field_row_set_read_only (LiaFieldRow *self,
                                        gboolean     read_only);

G_END_DECLS
