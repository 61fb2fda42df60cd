/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One playbook entry on the Playbook page: an expander row with its
 * strengths, weaknesses, fit and tools, and for a team's own entry the
 * Edit and Remove buttons, reported through the "edit" and "remove"
 * signals. */
#pragma once

#include <adwaita.h>

#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_PLAYBOOK_ROW (lia_playbook_row_get_type ())
G_DECLARE_FINAL_TYPE (LiaPlaybookRow, lia_playbook_row, LIA, PLAYBOOK_ROW, AdwExpanderRow)

GtkWidget        *lia_playbook_row_new       (LiaPlaybookEntry *entry,
                                              gboolean          own);
LiaPlaybookEntry *lia_playbook_row_get_entry (LiaPlaybookRow   *self);

G_END_DECLS
