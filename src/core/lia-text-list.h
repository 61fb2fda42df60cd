/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Items of a list (owners, labels, the counts of a sync summary) on one
 * line, joined by the one translatable separator every list uses, so a
 * translator sets it once (zh_CN: 、).  Each item must itself be a whole
 * translated phrase; this never builds a sentence from fragments. */
char *lia_text_list_join (const char * const *items);

G_END_DECLS
