/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaTrackerBar: which tracker account tasks go to, the way to the
 * accounts, and Sync with its progress and Cancel.  It runs the sync and
 * reports the result by the "synced" signal; it also learns the chosen
 * tracker's issue types ("types-changed"). */

#include <adwaita.h>

#include "lia-sync.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_TRACKER_BAR (lia_tracker_bar_get_type ())
G_DECLARE_FINAL_TYPE (LiaTrackerBar, lia_tracker_bar, LIA, TRACKER_BAR, GtkWidget)

void        lia_tracker_bar_set_workspace (LiaTrackerBar *self,
                                           LiaWorkspace  *workspace);
LiaAccount *lia_tracker_bar_dup_account   (LiaTrackerBar *self);
GPtrArray  *lia_tracker_bar_get_types     (LiaTrackerBar *self);
void        lia_tracker_bar_sync          (LiaTrackerBar *self);
gboolean    lia_tracker_bar_is_syncing    (LiaTrackerBar *self);
void        lia_tracker_bar_send_entity   (LiaTrackerBar *self,
                                           LiaEntity     *entity);

G_END_DECLS
