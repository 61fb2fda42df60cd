/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"
#include "lia-heatmap.h"
#include "lia-member-dialog.h"

G_BEGIN_DECLS

#define LIA_TYPE_ZONES_VIEW (lia_zones_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaZonesView, lia_zones_view, LIA, ZONES_VIEW, GtkWidget)

void             lia_zones_view_set_workspace   (LiaZonesView *self,
                                                 LiaWorkspace *workspace);
LiaMemberDialog *lia_zones_view_add_member      (LiaZonesView *self);
LiaMemberDialog *lia_zones_view_edit_member     (LiaZonesView *self,
                                                 guint         position);
void             lia_zones_view_remove_member   (LiaZonesView *self,
                                                 guint         position);
void             lia_zones_view_set_date        (LiaZonesView *self,
                                                 GDate        *date);
void             lia_zones_view_set_view_zone   (LiaZonesView *self,
                                                 const char   *zone);
LiaHeatmap      *lia_zones_view_get_heatmap     (LiaZonesView *self);
guint            lia_zones_view_get_n_slots     (LiaZonesView *self);
const LiaSlot   *lia_zones_view_get_slot        (LiaZonesView *self,
                                                 guint         index);
gboolean         lia_zones_view_schedule_slot   (LiaZonesView *self,
                                                 guint         index);

G_END_DECLS
