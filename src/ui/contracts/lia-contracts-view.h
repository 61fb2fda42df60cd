/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTRACTS_VIEW (lia_contracts_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaContractsView, lia_contracts_view, LIA, CONTRACTS_VIEW, GtkWidget)

void         lia_contracts_view_set_workspace (LiaContractsView *self,
                                               LiaWorkspace     *workspace);
void         lia_contracts_view_select        (LiaContractsView *self,
                                               LiaContract      *model);
LiaContract *lia_contracts_view_get_selected  (LiaContractsView *self);
void         lia_contracts_view_add_model     (LiaContractsView *self);
void         lia_contracts_view_add_field     (LiaContractsView *self);
void         lia_contracts_view_set_payload   (LiaContractsView *self,
                                               const char       *json);
/* What the page shows: the payload result and the contract's problems,
 * one line each. */
char        *lia_contracts_view_get_result    (LiaContractsView *self);
char        *lia_contracts_view_get_problems  (LiaContractsView *self);
guint        lia_contracts_view_get_n_field_rows (LiaContractsView *self);

G_END_DECLS
