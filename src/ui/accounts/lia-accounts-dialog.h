/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

GtkWidget *lia_accounts_dialog_new (LiaWorkspace *workspace);

G_END_DECLS
