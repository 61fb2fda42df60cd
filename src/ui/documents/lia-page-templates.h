/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The pages a new page can start from: a blank page, the API design and
 * decision record templates, the article's space, and the minutes of a
 * meeting of the workspace.  Shared by the tree's New Page menu and the
 * view that inserts the page. */

#include <gio/gio.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

LiaPage *lia_page_template_new       (const char   *kind,
                                      LiaWorkspace *workspace);
void     lia_page_templates_fill_menu (GMenu       *menu,
                                       LiaWorkspace *workspace);

G_END_DECLS
