/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-workspace.h"

G_BEGIN_DECLS

LiaWorkspace *lia_test_workspace_new (guint       n_requirements,
                                      guint       n_steps,
                                      const char *owner);

G_END_DECLS
