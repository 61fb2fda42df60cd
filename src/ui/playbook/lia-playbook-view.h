/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_PLAYBOOK_VIEW (lia_playbook_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaPlaybookView, lia_playbook_view, LIA, PLAYBOOK_VIEW, AdwBin)

void   lia_playbook_view_set_workspace (LiaPlaybookView *self,
                                        LiaWorkspace    *workspace);
/* The filters, as choice values or NULL for any. */
void   lia_playbook_view_set_filter    (LiaPlaybookView *self,
                                        const char      *query,
                                        const char      *size,
                                        const char      *spread,
                                        const char      *urgency);
void   lia_playbook_view_focus_search  (LiaPlaybookView *self);
void   lia_playbook_view_set_practise  (LiaPlaybookView *self,
                                        const char      *area);
/* The entries shown, one name per line, in order. */
char  *lia_playbook_view_get_shown     (LiaPlaybookView *self);
/* Opens the form for a team's own entry; returns the dialog. */
GtkWidget *lia_playbook_view_add_entry (LiaPlaybookView *self);
GtkWidget *lia_playbook_view_edit_entry (LiaPlaybookView  *self,
                                         LiaPlaybookEntry *entry);

G_END_DECLS
