/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaPageOutline: the page tree of the Documents page (expand, reorder,
 * indent, drag and drop, rename in place) with its search field and the
 * search results.  It shows the pages of its workspace, edits them
 * through the workspace's history, and says which page is selected
 * ("selected") and which one the user opened ("page-activated"). */

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  LIA_DROP_BEFORE,
  LIA_DROP_ONTO,
  LIA_DROP_AFTER,
} LiaDropPlace;

#define LIA_TYPE_PAGE_OUTLINE (lia_page_outline_get_type ())
G_DECLARE_FINAL_TYPE (LiaPageOutline, lia_page_outline, LIA, PAGE_OUTLINE, GtkWidget)

LiaWorkspace *lia_page_outline_get_workspace (LiaPageOutline *self);
void          lia_page_outline_set_workspace (LiaPageOutline *self,
                                              LiaWorkspace   *workspace);
LiaPage      *lia_page_outline_get_selected  (LiaPageOutline *self);
void          lia_page_outline_select        (LiaPageOutline *self,
                                              LiaPage        *page);
gboolean      lia_page_outline_insert        (LiaPageOutline *self,
                                              LiaPage        *page,
                                              gboolean        as_child);
gboolean      lia_page_outline_drop          (LiaPageOutline *self,
                                              LiaPage        *page,
                                              LiaPage        *target,
                                              LiaDropPlace    place);
void          lia_page_outline_move          (LiaPageOutline *self,
                                              const char     *where);
void          lia_page_outline_rename        (LiaPageOutline *self);
void          lia_page_outline_focus_search  (LiaPageOutline *self);
void          lia_page_outline_set_search    (LiaPageOutline *self,
                                              const char     *text);
guint         lia_page_outline_get_n_rows    (LiaPageOutline *self);

G_END_DECLS
