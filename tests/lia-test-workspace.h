/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-workspace.h"

G_BEGIN_DECLS

/* Ids of the English sample's entities that the conflict tests use. */
#define LIA_TEST_REQ1 "d0606965-4aa2-5470-9126-8841fc262bd4"
#define LIA_TEST_ENGINEER "61c1174f-90db-5312-b6c0-eb9486a22daf"
#define LIA_TEST_OVERVIEW "5a0a1506-6c86-5824-bd64-f5ca309fda12"
#define LIA_TEST_BACKGROUND "80fd38cc-32d6-545a-b4e7-b2039c1d50f7"
/* The two sides of the Background page's text conflict. */
#define LIA_TEST_OUR_BODY "# Background\n\nWe serve models fast.\n"
#define LIA_TEST_THEIR_BODY "# Background\n\nWe serve models cheaply.\n"

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

void          lia_test_add_sample_conflicts (LiaWorkspace *workspace);

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
