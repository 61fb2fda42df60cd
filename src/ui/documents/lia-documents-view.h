/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaDocumentsView: the Documents area (a LiaArea): the page tree beside
 * the selected page.  The functions below are kept for the window and
 * the tests; they forward to LiaPageOutline and LiaPageEditor. */

#include <adwaita.h>

#include "lia-page-outline.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_DOCUMENTS_VIEW (lia_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaDocumentsView, lia_documents_view, LIA, DOCUMENTS_VIEW, GtkWidget)

void         lia_documents_view_set_workspace  (LiaDocumentsView *self,
                                                LiaWorkspace     *workspace);
LiaPage     *lia_documents_view_get_selected   (LiaDocumentsView *self);
void         lia_documents_view_select         (LiaDocumentsView *self,
                                                LiaPage          *page);
LiaPage     *lia_documents_view_add_page       (LiaDocumentsView *self,
                                                gboolean          as_child);
void         lia_documents_view_delete_page    (LiaDocumentsView *self);
GtkWidget   *lia_documents_view_publish        (LiaDocumentsView *self);
gboolean     lia_documents_view_drop           (LiaDocumentsView *self,
                                                LiaPage          *page,
                                                LiaPage          *target,
                                                LiaDropPlace      place);
void         lia_documents_view_focus_search   (LiaDocumentsView *self);
void         lia_documents_view_set_search     (LiaDocumentsView *self,
                                                const char       *text);
guint        lia_documents_view_get_n_rows     (LiaDocumentsView *self);
GtkTextBuffer *lia_documents_view_get_preview  (LiaDocumentsView *self);
void         lia_documents_view_show_preview   (LiaDocumentsView *self,
                                                gboolean          preview);
gboolean     lia_documents_view_follow_link    (LiaDocumentsView *self,
                                                const char       *href);
const char  *lia_documents_view_get_status     (LiaDocumentsView *self);
const char  *lia_documents_view_get_breadcrumbs (LiaDocumentsView *self);
guint        lia_documents_view_count_words    (const char       *text);

G_END_DECLS
