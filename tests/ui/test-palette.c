/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-palette.h"
#include "lia-test-widgets.h"
#include "meetings/lia-meeting-editor.h"
#include "meetings/lia-meetings-view.h"

/* The chart palette: every colour keeps 3:1 (WCAG 2.x relative luminance)
 * against the card of each style, 4.5:1 in high contrast; the card
 * colours it is measured against are libadwaita's own; and the selected
 * evaluation score, as drawn, stands out from the card in light and
 * dark. */

#define spin lia_test_spin

static void
test_contrast (void)
{
  guint failures = 0;

  for (LiaPaletteStyle style = 0; style < LIA_N_PALETTE_STYLES; style++)
    {
      gboolean hc = style == LIA_PALETTE_STYLE_HC_LIGHT || style == LIA_PALETTE_STYLE_HC_DARK;
      double minimum = hc ? 4.5 : 3.0;

      for (guint card = 0; card < lia_palette_get_n_cards (style); card++)
        {
          GdkRGBA bg, fg;

          lia_palette_get_card (style, card, &bg);
          for (LiaPaletteColor color = 0; color < LIA_N_PALETTE_COLORS; color++)
            {
              double ratio;

              lia_palette_get (style, color, &fg);
              ratio = lia_palette_contrast (&fg, &bg);
              g_test_message ("%s, card %u: %s %.2f:1", lia_palette_get_style_name (style), card,
                              lia_palette_get_name (color), ratio);
              if (ratio < minimum)
                {
                  g_printerr ("%s: %s is %.2f:1 against card %u, below %.1f:1\n", lia_palette_get_style_name (style),
                              lia_palette_get_name (color), ratio, card, minimum);
                  failures++;
                }
            }
        }
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* The number on a selected score is text: 4.5:1 against its fill. */
static void
test_selected_text (void)
{
  for (LiaPaletteStyle style = 0; style < LIA_N_PALETTE_STYLES; style++)
    {
      GdkRGBA fill, text;

      lia_palette_get (style, LIA_PALETTE_SELECTED, &fill);
      lia_palette_get_selected_fg (style, &text);
      g_assert_cmpfloat (lia_palette_contrast (&fill, &text), >=, 4.5);
    }
}

static void
test_ratio (void)
{
  GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 }, grey;

  g_assert_cmpfloat_with_epsilon (lia_palette_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lia_palette_contrast (&black, &white), 21.0, 1e-9);
  gdk_rgba_parse (&grey, "#767676");
  /* The usual reference: #767676 on white is 4.54:1. */
  g_assert_cmpfloat_with_epsilon (lia_palette_contrast (&grey, &white), 4.54, 0.01);
}

static void
force_scheme (AdwColorScheme scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  spin (150);
}

static GdkRGBA
lookup (GtkWidget  *widget,
        const char *name)
{
  GdkRGBA color = { 0 };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color));
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static double
over (double fg,
      double alpha,
      double bg)
{
  return fg * alpha + bg * (1 - alpha);
}

/* The palette's card colours are what the installed libadwaita draws: its
 * @card_bg_color over @window_bg_color and over @view_bg_color. */
static void
test_card_reference (void)
{
  GtkWidget *window = gtk_window_new ();
  static const char * const under[] = { "window_bg_color", "view_bg_color" };

  gtk_window_present (GTK_WINDOW (window));
  for (int dark = 0; dark <= 1; dark++)
    {
      LiaPaletteStyle style;

      force_scheme (dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      style = lia_palette_get_style ();
      g_assert_cmpint (style, ==, dark ? LIA_PALETTE_STYLE_DARK : LIA_PALETTE_STYLE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (under); i++)
        {
          GdkRGBA card = lookup (window, "card_bg_color");
          GdkRGBA bg = lookup (window, under[i]);
          GdkRGBA expected;

          lia_palette_get_card (style, i, &expected);
          g_test_message ("%s card over %s: %.3f %.3f %.3f", dark ? "dark" : "light", under[i],
                          over (card.red, card.alpha, bg.red), over (card.green, card.alpha, bg.green),
                          over (card.blue, card.alpha, bg.blue));
          g_assert_cmpfloat_with_epsilon (over (card.red, card.alpha, bg.red), expected.red, 1.0 / 255);
          g_assert_cmpfloat_with_epsilon (over (card.green, card.alpha, bg.green), expected.green, 1.0 / 255);
          g_assert_cmpfloat_with_epsilon (over (card.blue, card.alpha, bg.blue), expected.blue, 1.0 / 255);
        }
    }
  force_scheme (ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pixel at (@x, @y) of @widget as drawn on its own, premultiplied. */
static GdkRGBA
pixel (GtkWidget *widget,
       int        x,
       int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree guchar *data = NULL;
  guchar *p;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  /* Cairo's premultiplied ARGB in native order: B, G, R, A on little-endian. */
  p = data + (y * width + x) * 4;
  return (GdkRGBA) { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0, p[3] / 255.0 };
}

/* A chosen evaluation score is filled with the palette's colour and
 * stands out from its row (the card) by 3:1 in light and dark. */
static void
test_selected_score (void)
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  LiaWindow *window = lia_test_sample_window ("meetings", &workspace);
  LiaMeetingsView *view = LIA_MEETINGS_VIEW (lia_test_find_type (GTK_WIDGET (window), LIA_TYPE_MEETINGS_VIEW));
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (workspace)), 0);
  GtkWidget *editor, *row, *four, *three, *one;
  graphene_point_t before, after;

  lia_meetings_view_select (view, meeting);
  spin (150);
  editor = lia_test_find_type (GTK_WIDGET (window), LIA_TYPE_MEETING_EDITOR);
  row = lia_test_find_widget (editor, lia_test_has_title, "Preparation");
  g_assert_nonnull (row);
  four = lia_test_find_widget (row, lia_test_has_label, "4");
  three = lia_test_find_widget (row, lia_test_has_label, "3");
  g_assert_nonnull (four);
  g_assert_true (gtk_widget_has_css_class (four, "lia-score"));
  one = lia_test_find_widget (row, lia_test_has_label, "1");
  g_assert_true (gtk_widget_compute_point (one, row, &GRAPHENE_POINT_INIT (0, 0), &before));
  g_signal_emit_by_name (four, "clicked");
  spin (100);
  /* The check mark takes no extra width: the other scores stay put. */
  g_assert_true (gtk_widget_compute_point (one, row, &GRAPHENE_POINT_INIT (0, 0), &after));
  g_assert_cmpfloat (after.x, ==, before.x);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (four)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (three)));

  for (int dark = 0; dark <= 1; dark++)
    {
      GdkRGBA fill, expected, card;
      LiaPaletteStyle style;

      force_scheme (dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      style = lia_palette_get_style ();
      lia_palette_get (style, LIA_PALETTE_SELECTED, &expected);
      lia_palette_get_card (style, 0, &card);
      /* The top middle of the pill: the fill, above the number. */
      fill = pixel (four, gtk_widget_get_width (four) / 2, 2);
      /* What shows through a flat button is the card. */
      fill.red += card.red * (1 - fill.alpha);
      fill.green += card.green * (1 - fill.alpha);
      fill.blue += card.blue * (1 - fill.alpha);
      g_test_message ("%s: selected %.3f %.3f %.3f", dark ? "dark" : "light", fill.red, fill.green, fill.blue);
      g_assert_cmpfloat_with_epsilon (fill.red, expected.red, 2.0 / 255);
      g_assert_cmpfloat_with_epsilon (fill.green, expected.green, 2.0 / 255);
      g_assert_cmpfloat_with_epsilon (fill.blue, expected.blue, 2.0 / 255);
      g_assert_cmpfloat (lia_palette_contrast (&fill, &card), >=, 3.0);
    }
  force_scheme (ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/palette/ratio", test_ratio);
  g_test_add_func ("/palette/contrast", test_contrast);
  g_test_add_func ("/palette/selected-text", test_selected_text);
  g_test_add_func ("/palette/card-reference", test_card_reference);
  g_test_add_func ("/palette/selected-score", test_selected_score);
  return g_test_run ();
}
