/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_REQUIREMENTS_VIEW (lia_requirements_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaRequirementsView, lia_requirements_view, LIA, REQUIREMENTS_VIEW, GtkWidget)

void       lia_requirements_view_set_workspace       (LiaRequirementsView *self,
                                                      LiaWorkspace        *workspace);
LiaEntity *lia_requirements_view_get_selected        (LiaRequirementsView *self);
void       lia_requirements_view_select              (LiaRequirementsView *self,
                                                      LiaEntity           *requirement);
void       lia_requirements_view_add_requirement     (LiaRequirementsView *self);
void       lia_requirements_view_focus_search        (LiaRequirementsView *self);
void       lia_requirements_view_set_search_text     (LiaRequirementsView *self,
                                                      const char          *text);

G_END_DECLS
