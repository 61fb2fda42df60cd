/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-workspace.h"

G_BEGIN_DECLS

LiaWorkspace *lia_test_workspace_new (guint       n_requirements,
                                      guint       n_steps,
                                      const char *owner);

void          lia_test_workspace_add_pages (LiaWorkspace *workspace,
                                            guint         n_sections,
                                            guint         n_pages,
                                            const char   *title_end,
                                            const char   *body,
                                            LiaPage     **last_pages);

G_END_DECLS
