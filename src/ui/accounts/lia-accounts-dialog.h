/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaAccountsDialog: the workspace's tracker and wiki accounts (list,
 * service chooser, per-service form); tokens go to the keyring. */

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNTS_DIALOG (lia_accounts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaAccountsDialog, lia_accounts_dialog, LIA, ACCOUNTS_DIALOG, AdwWindow)

GtkWidget *lia_accounts_dialog_new (LiaWorkspace *workspace);

G_END_DECLS
