/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void lia_show_toast      (GtkWidget  *widget,
                          const char *title);
void lia_show_undo_toast (GtkWidget  *widget,
                          const char *title);

G_END_DECLS
