/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Test-only access to the Meetings page's insides. */

#include "lia-meetings-view.h"

G_BEGIN_DECLS

GtkListView *lia_meetings_view_get_list (LiaMeetingsView *self);
/* Fixes the clock that splits Upcoming from Past (unix seconds); 0 goes
 * back to the real clock. */
void        lia_meetings_view_set_now  (LiaMeetingsView *self,
                                        gint64           now);

G_END_DECLS
