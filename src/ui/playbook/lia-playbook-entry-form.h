/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form for a team's own playbook entry: edits a copy through field
 * bindings and hands it to the workspace on Save (Add for a new one), in
 * one undo step; emits "saved" afterwards. */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_PLAYBOOK_ENTRY_FORM (lia_playbook_entry_form_get_type ())
G_DECLARE_FINAL_TYPE (LiaPlaybookEntryForm, lia_playbook_entry_form, LIA, PLAYBOOK_ENTRY_FORM, AdwWindow)

/* @entry: the team's entry to edit, or NULL for a new one. */
GtkWidget *lia_playbook_entry_form_new (LiaWorkspace     *workspace,
                                        LiaPlaybookEntry *entry);

G_END_DECLS
