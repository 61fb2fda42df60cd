/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaSplitPage: the list-and-detail shape of six areas.
 *
 * A sidebar (the list) and a content pane (the detail) side by side, with
 * a separator; when the window is too narrow for both ("folded") only one
 * shows and the content pane gets a back button. The semantics are those
 * of AdwNavigationSplitView (libadwaita 1.4: sidebar, content, collapsed,
 * show-content), so the widget can be dropped when the version floor
 * moves past 1.2. */

#include <adwaita.h>

G_BEGIN_DECLS

#define LIA_TYPE_SPLIT_PAGE (lia_split_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaSplitPage, lia_split_page, LIA, SPLIT_PAGE, GtkWidget)

GtkWidget  *lia_split_page_new              (void);
GtkWidget  *lia_split_page_get_sidebar      (LiaSplitPage *self);
void        lia_split_page_set_sidebar      (LiaSplitPage *self,
                                             GtkWidget    *sidebar);
GtkWidget  *lia_split_page_get_content      (LiaSplitPage *self);
void        lia_split_page_set_content      (LiaSplitPage *self,
                                             GtkWidget    *content);
gboolean    lia_split_page_get_folded       (LiaSplitPage *self);
gboolean    lia_split_page_get_show_content (LiaSplitPage *self);
void        lia_split_page_set_show_content (LiaSplitPage *self,
                                             gboolean      show_content);
void        lia_split_page_set_animate_fold (LiaSplitPage *self,
                                             gboolean      animate);
const char *lia_split_page_get_back_label   (LiaSplitPage *self);
void        lia_split_page_set_back_label   (LiaSplitPage *self,
                                             const char   *label);

G_END_DECLS
