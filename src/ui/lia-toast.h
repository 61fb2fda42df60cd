/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void lia_show_toast      (GtkWidget  *widget,
                          const char *title);
void lia_show_undo_toast (GtkWidget  *widget,
                          const char *title);
void lia_show_action_toast (GtkWidget  *widget,
                            const char *title,
                            const char *button_label,
                            const char *action_name,
                            GVariant   *target);

G_END_DECLS
