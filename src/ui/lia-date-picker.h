/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIA_TYPE_DATE_PICKER (lia_date_picker_get_type ())
G_DECLARE_FINAL_TYPE (LiaDatePicker, lia_date_picker, LIA, DATE_PICKER, GtkWidget)

GtkWidget   *lia_date_picker_new          (GtkEditable   *target,
                                           gboolean       with_time);
GtkCalendar *lia_date_picker_get_calendar (LiaDatePicker *self);
void         lia_date_picker_popup        (LiaDatePicker *self);

G_END_DECLS
