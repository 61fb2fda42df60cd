/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pairs of equal items of two sequences, in order: a longest common
 * subsequence.  @a_to_b[i] is the index in @b matched with @a[i], or -1. */
void     lia_diff_match_ints  (const guint *a,
                               guint        n_a,
                               const guint *b,
                               guint        n_b,
                               int         *a_to_b);

/* A three-way merge of texts by lines, as `git merge-file` does: lines
 * changed on one side only take that side; lines changed on both sides
 * merge when both made the same change and conflict otherwise.  Returns
 * the merged text, or NULL when some lines conflict. */
char    *lia_text_merge3      (const char  *base,
                               const char  *ours,
                               const char  *theirs);

G_END_DECLS
