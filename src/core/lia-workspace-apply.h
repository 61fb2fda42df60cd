/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_APPLY_ERROR (lia_apply_error_quark ())

typedef enum
{
  /* The change cannot be made in place (unknown keys, remote links, the
   * title, a file that opened read-only or in recovery): reopen. */
  LIA_APPLY_ERROR_UNSUPPORTED,
  /* The history refused an edit; nothing was changed. */
  LIA_APPLY_ERROR_REFUSED,
} LiaApplyError;

GQuark lia_apply_error_quark (void);

/* What an apply did, by entity (every entity with an id counts, nested
 * ones too): new ids, ids that went, entities kept whose own fields
 * changed, entities kept that moved (reordered or under another parent). */
typedef struct
{
  guint added;
  guint removed;
  guint changed;
  guint moved;
} LiaApplyCounts;

gboolean lia_workspace_apply (LiaWorkspace    *self,
                              LiaWorkspace    *other,
                              LiaApplyCounts  *counts,
                              GError         **error);

G_END_DECLS
