/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-history.h"
#include "lia-model.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

/* The document tree: pages under pages, as in a Confluence space. Every
 * change goes through the history, so it can be undone; moving a page
 * under one of its own descendants is refused. */

#define LIA_PAGES_ERROR (lia_pages_error_quark ())

typedef enum
{
  LIA_PAGES_ERROR_CYCLE,      /* a page moved under itself */
  LIA_PAGES_ERROR_NOT_FOUND,
  LIA_PAGES_ERROR_IMPORT,     /* a folder that cannot be read back */
} LiaPagesError;

GQuark      lia_pages_error_quark      (void);

LiaPage    *lia_pages_find             (GListModel  *roots,
                                        const char  *id_or_title);
GListStore *lia_pages_find_store       (GListStore  *roots,
                                        LiaPage     *page,
                                        guint       *position,
                                        LiaPage    **parent);
/* The page and its ancestors, outermost first (NULL when the page is not
 * in the tree): found with a walk of the tree, then checked against later
 * edits for the page's depth times its siblings with
 * lia_pages_chain_holds (), which a keystroke can afford. */
GPtrArray  *lia_pages_chain            (GListStore  *roots,
                                        LiaPage     *page);
gboolean    lia_pages_chain_holds      (GListStore  *roots,
                                        GPtrArray   *chain);
gboolean    lia_pages_is_ancestor      (LiaPage     *ancestor,
                                        LiaPage     *page);
gboolean    lia_pages_move             (LiaHistory  *history,
                                        GListStore  *roots,
                                        LiaPage     *page,
                                        LiaPage     *new_parent,
                                        guint        position,
                                        GError     **error);
void        lia_pages_rename           (LiaHistory  *history,
                                        GListStore  *roots,
                                        LiaPage     *page,
                                        const char  *title);
GPtrArray  *lia_pages_search           (GListModel  *roots,
                                        const char  *query);
guint       lia_pages_count            (GListModel  *roots);
LiaPage    *lia_pages_new_space        (void);

/* Markdown folders */
char       *lia_pages_safe_name        (const char  *title);
gboolean    lia_pages_export_tree      (LiaPage     *page,
                                        const char  *dir,
                                        GError     **error);
GPtrArray  *lia_pages_import_tree      (const char  *dir,
                                        GError     **error);
GPtrArray  *lia_pages_import_tree_full (const char    *dir,
                                        LiaWorkspace  *workspace,
                                        GPtrArray     *skipped,
                                        GError       **error);

G_END_DECLS
