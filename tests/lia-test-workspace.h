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

void          lia_test_workspace_add_meetings_and_tasks (LiaWorkspace *workspace,
                                                         guint         n_meetings,
                                                         guint         n_tasks);

LiaConflict  *lia_test_add_conflict        (LiaWorkspace *workspace,
                                            const char   *entity,
                                            const char   *collection,
                                            const char   *parent,
                                            const char   *kind,
                                            const char   *field,
                                            const char   *base,
                                            const char   *ours,
                                            const char   *theirs);

G_END_DECLS
