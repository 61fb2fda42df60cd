/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-day-bar.h: the day the Time Zones page looks at, with previous,
 * next, today and a calendar. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIA_TYPE_DAY_BAR (lia_day_bar_get_type ())
G_DECLARE_FINAL_TYPE (LiaDayBar, lia_day_bar, LIA, DAY_BAR, GtkWidget)

const GDate *lia_day_bar_get_date  (LiaDayBar   *self);
void         lia_day_bar_set_date  (LiaDayBar   *self,
                                    const GDate *date);
void         lia_day_bar_shift     (LiaDayBar   *self,
                                    int          days);
void         lia_day_bar_set_today (LiaDayBar   *self);

G_END_DECLS
