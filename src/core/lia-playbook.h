/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-model.h"

G_BEGIN_DECLS

/* The collaboration playbook that ships with Liaison (data/playbook.xml,
 * translated through po/), and the filters the Playbook page offers. */

GListStore *lia_playbook_load_builtin (GError          **error);
/* The shipped entries, read once per process and shared (transfer none);
 * empty, with a warning, if they cannot be read. */
GListStore *lia_playbook_get_builtin  (void);
/* @query matches the name, strengths, weaknesses, fits and examples
 * (case-insensitive); @size, @spread and @urgency are choice values or
 * NULL for any.  An entry with no tag for a situation suits them all. */
gboolean    lia_playbook_matches      (LiaPlaybookEntry *entry,
                                       const char       *query,
                                       const char       *size,
                                       const char       *spread,
                                       const char       *urgency);
const char *lia_playbook_kind_label   (const char       *kind);

G_END_DECLS
