/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaPageEditor: one page of the Documents page: its title, its Markdown
 * source or rendered preview, the breadcrumbs of its ancestors, and a
 * status line (word count, last edit, wiki version).  It edits its page
 * through its workspace's history; a link to another page of the tree is
 * reported ("open-page"), a link to a meeting goes to the window's
 * win.open-meeting action. */

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_PAGE_EDITOR (lia_page_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiaPageEditor, lia_page_editor, LIA, PAGE_EDITOR, GtkWidget)

LiaWorkspace  *lia_page_editor_get_workspace   (LiaPageEditor *self);
void           lia_page_editor_set_workspace   (LiaPageEditor *self,
                                                LiaWorkspace  *workspace);
LiaPage       *lia_page_editor_get_page        (LiaPageEditor *self);
void           lia_page_editor_set_page        (LiaPageEditor *self,
                                                LiaPage       *page);
gboolean       lia_page_editor_follow_link     (LiaPageEditor *self,
                                                const char    *href);
void           lia_page_editor_show_preview    (LiaPageEditor *self,
                                                gboolean       preview);
GtkTextBuffer *lia_page_editor_get_preview     (LiaPageEditor *self);
const char    *lia_page_editor_get_status      (LiaPageEditor *self);
const char    *lia_page_editor_get_breadcrumbs (LiaPageEditor *self);
guint          lia_page_editor_count_words     (const char    *text);

G_END_DECLS
