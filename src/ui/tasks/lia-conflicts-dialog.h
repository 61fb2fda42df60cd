/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaConflictsDialog: one task changed both here and in the tracker since
 * the last sync; the user keeps their value or takes the tracker's, field
 * by field.  The choice is one undoable edit, sent at the next sync. */

#include <adwaita.h>

#include "lia-sync.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONFLICTS_DIALOG (lia_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaConflictsDialog, lia_conflicts_dialog, LIA, CONFLICTS_DIALOG, AdwMessageDialog)

GtkWidget *lia_conflicts_dialog_new             (GtkWindow          *parent,
                                                 LiaWorkspace       *workspace,
                                                 LiaEntity          *entity);
LiaEntity *lia_conflicts_dialog_get_entity      (LiaConflictsDialog *self);
gboolean   lia_conflicts_dialog_get_take_theirs (LiaConflictsDialog *self,
                                                 LiaSyncField        field);
void       lia_conflicts_dialog_set_take_theirs (LiaConflictsDialog *self,
                                                 LiaSyncField        field,
                                                 gboolean            take_theirs);
gboolean   lia_conflicts_dialog_apply           (LiaConflictsDialog *self,
                                                 GError            **error);

G_END_DECLS
