/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests reach inside the Assessment page. */

#include "lia-assessment-view.h"

G_BEGIN_DECLS

/* The list of assessments, newest first. */
GtkListBox *lia_assessment_view_get_list (LiaAssessmentView *self);

G_END_DECLS
