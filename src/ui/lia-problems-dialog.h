/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

GtkWidget *lia_problems_dialog_new (GtkWindow    *parent,
                                    LiaWorkspace *workspace);

G_END_DECLS
