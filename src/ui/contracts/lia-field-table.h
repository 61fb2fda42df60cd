/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaFieldTable: the field rows of one contract model, with Add Field. */

#include <adwaita.h>

#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_FIELD_TABLE (lia_field_table_get_type ())
G_DECLARE_FINAL_TYPE (LiaFieldTable, lia_field_table, LIA, FIELD_TABLE, AdwPreferencesGroup)

LiaContract *lia_field_table_get_contract (LiaFieldTable *self);
void         lia_field_table_set_contract (LiaFieldTable *self,
                                           LiaContract   *contract);
LiaHistory  *lia_field_table_get_history  (LiaFieldTable *self);
void         lia_field_table_set_history  (LiaFieldTable *self,
                                           LiaHistory    *history);
void         lia_field_table_add_field    (LiaFieldTable *self);
void         lia_field_table_set_read_only (LiaFieldTable *self,
                                            gboolean       read_only);
/* The row showing the field at @position, or NULL. */
GtkWidget   *lia_field_table_get_row      (LiaFieldTable *self,
                                           guint          position);
guint        lia_field_table_get_n_rows   (LiaFieldTable *self);

G_END_DECLS
