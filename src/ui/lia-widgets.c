/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-widgets.h"

/* A flat icon button for a row: its label is the tooltip and the
 * accessible name, so it is never a nameless button. */
GtkWidget *
lia_icon_button_new (const char *icon_name,
                     const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}
