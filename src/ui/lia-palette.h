/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The colours of every chart (heatmap, radar, evaluation) and of the
 * selected score, per style.  Each one keeps at least 3:1 against the card
 * background of its style (WCAG 2.x non-text contrast); tests/ui/test-palette.c
 * checks the ratios. */

typedef enum
{
  LIA_PALETTE_WORKING,   /* heatmap: inside working hours */
  LIA_PALETTE_BUSY,      /* heatmap: a busy block */
  LIA_PALETTE_OFF,       /* heatmap: awake, outside working hours */
  LIA_PALETTE_NIGHT,     /* heatmap: asleep */
  LIA_PALETTE_OVERLAP,   /* heatmap: the overlap band's outline */
  LIA_PALETTE_NOW,       /* heatmap: the current time */
  LIA_PALETTE_SERIES,    /* radar: the selected assessment; evaluation bars */
  LIA_PALETTE_PREVIOUS,  /* radar: the assessment before it */
  LIA_PALETTE_MISSING,   /* radar: the hollow marker of an unrated area */
  LIA_PALETTE_SELECTED,  /* the fill of a selected score */
  LIA_N_PALETTE_COLORS
} LiaPaletteColor;

typedef enum
{
  LIA_PALETTE_STYLE_LIGHT,
  LIA_PALETTE_STYLE_DARK,
  LIA_PALETTE_STYLE_HC_LIGHT,
  LIA_PALETTE_STYLE_HC_DARK,
  LIA_N_PALETTE_STYLES
} LiaPaletteStyle;

LiaPaletteStyle  lia_palette_get_style        (void);
const char      *lia_palette_get_name         (LiaPaletteColor  color);
const char      *lia_palette_get_style_name   (LiaPaletteStyle  style);
void             lia_palette_get              (LiaPaletteStyle  style,
                                               LiaPaletteColor  color,
                                               GdkRGBA         *rgba);
void             lia_palette_lookup           (LiaPaletteColor  color,
                                               GdkRGBA         *rgba);
void             lia_palette_get_selected_fg  (LiaPaletteStyle  style,
                                               GdkRGBA         *rgba);
guint            lia_palette_get_n_cards      (LiaPaletteStyle  style);
void             lia_palette_get_card         (LiaPaletteStyle  style,
                                               guint            index,
                                               GdkRGBA         *rgba);
double           lia_palette_contrast         (const GdkRGBA   *a,
                                               const GdkRGBA   *b);
char            *lia_palette_to_css           (LiaPaletteStyle  style);
void             lia_palette_install_css      (void);
void             lia_palette_watch            (GtkWidget       *widget);

G_END_DECLS
