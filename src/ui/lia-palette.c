/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-palette"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "lia-palette.h"

/* Colours from the GNOME palette, chosen per style so that every one keeps
 * 3:1 against the card it is drawn on: on white the states are the darker
 * shades, on dark cards the lighter ones; night stays the darkest state in
 * light and the dimmest in dark, so the heatmap reads the same way in both.
 * High contrast uses shades that keep 4.5:1. */
static const char * const colors[LIA_N_PALETTE_STYLES][LIA_N_PALETTE_COLORS] = {
  [LIA_PALETTE_STYLE_LIGHT] = {
    [LIA_PALETTE_WORKING] = "#26a269",
    [LIA_PALETTE_BUSY] = "#c01c28",
    [LIA_PALETTE_OFF] = "#77767b",
    [LIA_PALETTE_NIGHT] = "#3d3846",
    [LIA_PALETTE_OVERLAP] = "#1c71d8",
    [LIA_PALETTE_NOW] = "#e01b24",
    [LIA_PALETTE_SERIES] = "#1c71d8",
    [LIA_PALETTE_PREVIOUS] = "#77767b",
    [LIA_PALETTE_MISSING] = "#77767b",
    [LIA_PALETTE_SELECTED] = "#1c71d8",
  },
  [LIA_PALETTE_STYLE_DARK] = {
    [LIA_PALETTE_WORKING] = "#33d17a",
    [LIA_PALETTE_BUSY] = "#f66151",
    [LIA_PALETTE_OFF] = "#c0bfbc",
    [LIA_PALETTE_NIGHT] = "#8e8aa8",
    [LIA_PALETTE_OVERLAP] = "#78aeed",
    [LIA_PALETTE_NOW] = "#ff7b63",
    [LIA_PALETTE_SERIES] = "#78aeed",
    [LIA_PALETTE_PREVIOUS] = "#9a9996",
    [LIA_PALETTE_MISSING] = "#9a9996",
    [LIA_PALETTE_SELECTED] = "#78aeed",
  },
  [LIA_PALETTE_STYLE_HC_LIGHT] = {
    [LIA_PALETTE_WORKING] = "#1b8553",
    [LIA_PALETTE_BUSY] = "#c01c28",
    [LIA_PALETTE_OFF] = "#5e5c64",
    [LIA_PALETTE_NIGHT] = "#241f31",
    [LIA_PALETTE_OVERLAP] = "#1a5fb4",
    [LIA_PALETTE_NOW] = "#e01b24",
    [LIA_PALETTE_SERIES] = "#1a5fb4",
    [LIA_PALETTE_PREVIOUS] = "#5e5c64",
    [LIA_PALETTE_MISSING] = "#5e5c64",
    [LIA_PALETTE_SELECTED] = "#1a5fb4",
  },
  [LIA_PALETTE_STYLE_HC_DARK] = {
    [LIA_PALETTE_WORKING] = "#57e389",
    [LIA_PALETTE_BUSY] = "#ff7b63",
    [LIA_PALETTE_OFF] = "#deddda",
    [LIA_PALETTE_NIGHT] = "#a09cb0",
    [LIA_PALETTE_OVERLAP] = "#99c1f1",
    [LIA_PALETTE_NOW] = "#ff7b63",
    [LIA_PALETTE_SERIES] = "#99c1f1",
    [LIA_PALETTE_PREVIOUS] = "#c0bfbc",
    [LIA_PALETTE_MISSING] = "#c0bfbc",
    [LIA_PALETTE_SELECTED] = "#99c1f1",
  },
};

/* Text on the selected fill: white on the dark blues; on the light blues of
 * the dark styles (which must be light to stand out from a dark card) the
 * card's own dark grey. */
static const char * const selected_fg[LIA_N_PALETTE_STYLES] = {
  "#ffffff", "#1e1e1e", "#ffffff", "#1e1e1e",
};

static const char * const names[LIA_N_PALETTE_COLORS] = {
  "working", "busy", "off", "night", "overlap", "now",
  "series", "previous", "missing", "selected",
};

/* libadwaita 1.2's @card_bg_color (defaults-light.css, defaults-dark.css):
 * #ffffff in light; rgba(255, 255, 255, 0.08) in dark, which a card shows
 * over @window_bg_color #242424 (giving #363636) or, inside a view, over
 * @view_bg_color #1e1e1e (giving #303030).  base-hc.css of 1.2 changes
 * borders, not these colours, so high contrast has the same cards. */
static const double card_grey[LIA_N_PALETTE_STYLES][2] = {
  { 255, 255 },
  { 36 + (255 - 36) * 0.08, 30 + (255 - 30) * 0.08 },
  { 255, 255 },
  { 36 + (255 - 36) * 0.08, 30 + (255 - 30) * 0.08 },
};

static GtkCssProvider *provider;

LiaPaletteStyle
lia_palette_get_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);

  if (adw_style_manager_get_high_contrast (manager))
    return dark ? LIA_PALETTE_STYLE_HC_DARK : LIA_PALETTE_STYLE_HC_LIGHT;
  return dark ? LIA_PALETTE_STYLE_DARK : LIA_PALETTE_STYLE_LIGHT;
}

const char *
lia_palette_get_name (LiaPaletteColor color)
{
  g_return_val_if_fail (color < LIA_N_PALETTE_COLORS, NULL);
  return names[color];
}

const char *
lia_palette_get_style_name (LiaPaletteStyle style)
{
  static const char * const styles[] = { "light", "dark", "high-contrast", "high-contrast dark" };

  g_return_val_if_fail (style < LIA_N_PALETTE_STYLES, NULL);
  return styles[style];
}

void
lia_palette_get (LiaPaletteStyle  style,
                 LiaPaletteColor  color,
                 GdkRGBA         *rgba)
{
  g_return_if_fail (style < LIA_N_PALETTE_STYLES && color < LIA_N_PALETTE_COLORS);
  gdk_rgba_parse (rgba, colors[style][color]);
}

/* @color in the style the application shows now. */
void
lia_palette_lookup (LiaPaletteColor  color,
                    GdkRGBA         *rgba)
{
  lia_palette_get (lia_palette_get_style (), color, rgba);
}

void
lia_palette_get_selected_fg (LiaPaletteStyle  style,
                             GdkRGBA         *rgba)
{
  g_return_if_fail (style < LIA_N_PALETTE_STYLES);
  gdk_rgba_parse (rgba, selected_fg[style]);
}

/* How many card backgrounds @style has (a card over the window, and one
 * inside a view). */
guint
lia_palette_get_n_cards (LiaPaletteStyle style)
{
  return G_N_ELEMENTS (card_grey[0]);
}

void
lia_palette_get_card (LiaPaletteStyle  style,
                      guint            index,
                      GdkRGBA         *rgba)
{
  g_return_if_fail (style < LIA_N_PALETTE_STYLES && index < G_N_ELEMENTS (card_grey[0]));
  rgba->red = rgba->green = rgba->blue = card_grey[style][index] / 255.0;
  rgba->alpha = 1;
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2.x relative luminance of an opaque colour. */
static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

/* The WCAG contrast ratio of two opaque colours, 1 to 21. */
double
lia_palette_contrast (const GdkRGBA *a,
                      const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The CSS of the widgets that show palette colours outside a chart: the
 * heatmap's legend and the selected score toggles, with a check mark
 * that says "selected" without colour. */
char *
lia_palette_to_css (LiaPaletteStyle style)
{
  GString *css = g_string_new (NULL);
  static const LiaPaletteColor swatches[] = {
    LIA_PALETTE_WORKING, LIA_PALETTE_BUSY, LIA_PALETTE_OFF, LIA_PALETTE_NIGHT,
  };

  g_return_val_if_fail (style < LIA_N_PALETTE_STYLES, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (swatches); i++)
    g_string_append_printf (css, ".heatmap-swatch.%s { background-color: %s; }\n",
                            names[swatches[i]], colors[style][swatches[i]]);
  g_string_append_printf (css, ".heatmap-swatch.overlap { border: 2px solid %s; }\n",
                          colors[style][LIA_PALETTE_OVERLAP]);
  /* The check mark is a background image so that the button keeps its
   * plain label (the number) for code and screen readers.  The padding
   * moves to the left for it without changing the button's width: a
   * wider chosen score would shift its neighbours under the pointer. */
  g_string_append_printf (css,
                          "button.lia-score:checked {\n"
                          "  background-color: %s;\n"
                          "  color: %s;\n"
                          "  font-weight: bold;\n"
                          "  background-image: -gtk-icontheme(\"object-select-symbolic\");\n"
                          "  background-repeat: no-repeat;\n"
                          "  background-size: 10px 10px;\n"
                          "  background-position: 3px center;\n"
                          "  padding-left: 12px;\n"
                          "  padding-right: 0;\n"
                          "}\n"
                          "button.lia-score.circular:checked {\n"
                          "  min-width: 24px;\n"
                          "  padding-left: 10px;\n"
                          "  background-size: 9px 9px;\n"
                          "  background-position: 4px center;\n"
                          "}\n"
                          "button.lia-score:checked:hover { background-color: shade(%s, %s); }\n",
                          colors[style][LIA_PALETTE_SELECTED], selected_fg[style],
                          colors[style][LIA_PALETTE_SELECTED],
                          style == LIA_PALETTE_STYLE_DARK || style == LIA_PALETTE_STYLE_HC_DARK ? "1.08" : "0.92");
  return g_string_free (css, FALSE);
}

static void
reload_css (void)
{
  g_autofree char *css = lia_palette_to_css (lia_palette_get_style ());

  gtk_css_provider_load_from_data (provider, css, -1);
}

/* Loads the palette's CSS (heatmap legend, selected scores) for the
 * default display, and keeps it in step with the style. */
void
lia_palette_install_css (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (provider != NULL || gdk_display_get_default () == NULL)
    return;
  provider = gtk_css_provider_new ();
  reload_css ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect (manager, "notify::dark", G_CALLBACK (reload_css), NULL);
  g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (reload_css), NULL);
}

/* Redraws the chart @widget when the style changes (and loads the CSS). */
void
lia_palette_watch (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  lia_palette_install_css ();
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}
