/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaMergeDialog: what a git merge left to decide (the workspace's
 * conflicts collection), one group each with the original, yours and
 * theirs side by side and a button per choice.  Each choice is one undo
 * step of the workspace's history; the list follows the collection, so
 * Ctrl+Z in the window brings a conflict back here too. */

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_MERGE_DIALOG (lia_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaMergeDialog, lia_merge_dialog, LIA, MERGE_DIALOG, AdwWindow)

GtkWidget    *lia_merge_dialog_new           (GtkWindow      *parent,
                                              LiaWorkspace   *workspace);
LiaWorkspace *lia_merge_dialog_get_workspace (LiaMergeDialog *self);

G_END_DECLS
