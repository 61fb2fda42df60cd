/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-workspace.h"

G_BEGIN_DECLS

/* Three-way merge of two teammates' copies of a workspace by entity id
 * and field (see docs/collaboration.md).  @ours is changed in place (not
 * through its undo history) into the merged workspace: what @theirs
 * changed since @base is applied, and what both changed differently is
 * kept as ours and recorded in the conflicts collection.  The result
 * always passes lia_workspace_check(); FALSE with @error only if it
 * would not (a bug), with @ours then in an unspecified state. */
gboolean lia_workspace_merge (LiaWorkspace  *ours,
                              LiaWorkspace  *base,
                              LiaWorkspace  *theirs,
                              guint         *n_conflicts,
                              GError       **error);

G_END_DECLS
