/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

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

static void
apply_style (GtkSourceBuffer *buffer)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();

  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita"));
}

/* Markdown sources follow the light or dark style, now and when it changes. */
void
lia_source_buffer_follow_style (GtkSourceBuffer *buffer)
{
  apply_style (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (apply_style), buffer, G_CONNECT_SWAPPED);
}

/* The charts' ink: @widget's foreground colour for text, and the same at
 * 15 % for grid lines.  The data colours come from lia-palette.h; these
 * follow the theme.  In one place because GTK 4.8 has the colour only
 * through the deprecated GtkStyleContext (gtk_widget_get_color is 4.10). */
void
lia_chart_get_ink (GtkWidget *widget,
                   GdkRGBA   *text,
                   GdkRGBA   *grid)
{
  GdkRGBA color;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (text != NULL)
    *text = color;
  if (grid != NULL)
    {
      *grid = color;
      grid->alpha = 0.15f;
    }
}
