/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Markdown (CommonMark with GitHub tables, through cmark-gfm's syntax
 * tree) rendered into a text buffer with tags: headings, emphasis, code,
 * lists, block quotes, tables as grids of labels placed in the view, and
 * links, whose target is kept on the link's text (lia_markdown_link_at).
 * A link in a table cell activates "preview.follow-link" (a string: the
 * target) when the view's ancestors offer it. No web engine. */

void        lia_markdown_render   (GtkTextView       *view,
                                   const char        *markdown);
const char *lia_markdown_link_at  (const GtkTextIter *iter);

G_END_DECLS
