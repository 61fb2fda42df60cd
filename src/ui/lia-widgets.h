/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

/* Small pieces the views share. */
GtkWidget *lia_icon_button_new              (const char      *icon_name,
                                             const char      *label);
void       lia_source_buffer_follow_style   (GtkSourceBuffer *buffer);
void       lia_chart_get_ink                (GtkWidget       *widget,
                                             GdkRGBA         *text,
                                             GdkRGBA         *grid);

G_END_DECLS
