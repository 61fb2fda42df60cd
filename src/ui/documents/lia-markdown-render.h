/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Markdown (CommonMark with GitHub tables, through cmark-gfm's syntax
 * tree) rendered into a text buffer with tags: headings, emphasis, code,
 * lists, block quotes, tables as aligned text, and links, whose target is
 * kept on the link's text (lia_markdown_link_at). No web engine. */

void        lia_markdown_render   (GtkTextBuffer     *buffer,
                                   const char        *markdown);
const char *lia_markdown_link_at  (const GtkTextIter *iter);

G_END_DECLS
