/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-radar-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lia-palette.h"
#include "lia-radar-chart.h"
#include "lia-widgets.h"

/* The ten competency areas as spokes, scores 1-5 as rings: the selected
 * assessment filled in the series colour over the one before it, dashed.
 * An unrated area is missing, not 0: the line breaks at its spoke and its
 * label says "not rated".  The same numbers are the widget's accessible
 * description. */

#define SIZE 460
#define LABEL_MARGIN 64

struct _LiaRadarChart
{
  GtkWidget  parent_instance;
  int        latest[LIA_N_AREAS];
  int        previous[LIA_N_AREAS];
  gboolean   has_previous;
  char      *latest_label;
  char      *previous_label;
  char      *summary;
  /* Where the last snapshot put each area's marker (tests read it). */
  graphene_point_t drawn[LIA_N_AREAS];
  gboolean   drawn_rated[LIA_N_AREAS];
  guint      n_snapshots;
};

G_DEFINE_FINAL_TYPE (LiaRadarChart, lia_radar_chart, GTK_TYPE_WIDGET)

static void
point (double  cx,
       double  cy,
       double  radius,
       guint   area,
       double  score,
       double *x,
       double *y)
{
  double angle = -G_PI / 2 + 2 * G_PI * area / LIA_N_AREAS;

  *x = cx + cos (angle) * radius * score / 5.0;
  *y = cy + sin (angle) * radius * score / 5.0;
}

static void
polygon (cairo_t   *cr,
         double     cx,
         double     cy,
         double     radius,
         const int *scores)
{
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      double x, y;
      point (cx, cy, radius, i, scores ? scores[i] : 5, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static gboolean
all_rated (const int *scores)
{
  for (guint i = 0; i < LIA_N_AREAS; i++)
    if (scores[i] <= 0)
      return FALSE;
  return TRUE;
}

/* An assessment's outline.  With every area rated it is a closed polygon,
 * filled with @fill_alpha; otherwise only the sides between two rated
 * neighbours are drawn, so an unrated area is a gap and not a dip to 0, and
 * nothing is filled (a fill would claim values that are not there). */
static void
series (cairo_t       *cr,
        double         cx,
        double         cy,
        double         radius,
        const int     *scores,
        const GdkRGBA *color,
        double         fill_alpha)
{
  if (all_rated (scores))
    {
      polygon (cr, cx, cy, radius, scores);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, fill_alpha);
      cairo_fill_preserve (cr);
    }
  else
    for (guint i = 0; i < LIA_N_AREAS; i++)
      {
        guint next = (i + 1) % LIA_N_AREAS;
        double x, y;

        if (scores[i] <= 0 || scores[next] <= 0)
          continue;
        point (cx, cy, radius, i, scores[i], &x, &y);
        cairo_move_to (cr, x, y);
        point (cx, cy, radius, next, scores[next], &x, &y);
        cairo_line_to (cr, x, y);
      }
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
}

static void
lia_radar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LiaRadarChart *self = LIA_RADAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double legend = 28;
  /* the labels, LABEL_MARGIN * 2 wide, are centred just outside the rim */
  double radius = MAX (20, MIN (width, height - legend) / 2.0 - LABEL_MARGIN - 36);
  double cx = width / 2.0, cy = (height - legend) / 2.0;
  GdkRGBA text, grid, accent, previous, missing;
  cairo_t *cr;

  lia_chart_get_ink (widget, &text, &grid);
  lia_palette_lookup (LIA_PALETTE_SERIES, &accent);
  lia_palette_lookup (LIA_PALETTE_PREVIOUS, &previous);
  lia_palette_lookup (LIA_PALETTE_MISSING, &missing);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1);
  gdk_cairo_set_source_rgba (cr, &grid);
  for (int ring = 1; ring <= 5; ring++)
    {
      int scores[LIA_N_AREAS];
      for (guint i = 0; i < LIA_N_AREAS; i++)
        scores[i] = ring;
      polygon (cr, cx, cy, radius, scores);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      double x, y;
      point (cx, cy, radius, i, 5, &x, &y);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  if (self->has_previous)
    {
      static const double dash[] = { 5, 4 };
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5);
      series (cr, cx, cy, radius, self->previous, &previous, 0.08);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_set_line_width (cr, 2);
  series (cr, cx, cy, radius, self->latest, &accent, 0.25);
  gdk_cairo_set_source_rgba (cr, &accent);
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      double x, y;

      self->drawn_rated[i] = self->latest[i] > 0;
      if (!self->drawn_rated[i])
        {
          self->drawn[i] = GRAPHENE_POINT_INIT (0, 0);
          continue;
        }
      point (cx, cy, radius, i, self->latest[i], &x, &y);
      self->drawn[i] = GRAPHENE_POINT_INIT (x - cx, y - cy);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  /* Area names around the chart, and the legend below. */
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, lia_competency_get_name (i));
      g_autoptr(PangoLayout) note = NULL;
      double x, y;
      int lw, lh, nh = 0;

      pango_layout_set_width (layout, (LABEL_MARGIN * 2 - 8) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      {
        PangoAttrList *attrs = pango_attr_list_new ();
        pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
        pango_layout_set_attributes (layout, attrs);
        pango_attr_list_unref (attrs);
      }
      pango_layout_get_pixel_size (layout, &lw, &lh);
      if (self->latest[i] <= 0)
        {
          /* Translators: under an area's name on the radar chart */
          note = gtk_widget_create_pango_layout (widget, _("not rated"));
          pango_layout_set_width (note, (LABEL_MARGIN * 2 - 8) * PANGO_SCALE);
          pango_layout_set_alignment (note, PANGO_ALIGN_CENTER);
          pango_layout_set_attributes (note, pango_layout_get_attributes (layout));
          pango_layout_get_pixel_size (note, NULL, &nh);
        }
      point (cx, cy, radius + LABEL_MARGIN / 2.0 + 4, i, 5, &x, &y);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - (LABEL_MARGIN * 2 - 8) / 2.0, y - (lh + nh) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      if (note != NULL)
        {
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, lh));
          gtk_snapshot_append_layout (snapshot, note, &missing);
        }
      gtk_snapshot_restore (snapshot);
    }
  self->n_snapshots++;
  {
    g_autofree char *legend_text = self->has_previous
      /* Translators: the chart's legend: "— 2026-01-19   - - 2025-12-15" */
      ? g_strdup_printf (_("━ %s    ┅ %s"), self->latest_label, self->previous_label)
      : g_strdup_printf ("━ %s", self->latest_label ? self->latest_label : "");
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, legend_text);
    int lw, lh;

    pango_layout_get_pixel_size (layout, &lw, &lh);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - lw) / 2.0, height - lh - 4));
    gtk_snapshot_append_layout (snapshot, layout, &text);
    gtk_snapshot_restore (snapshot);
  }
}

static void
lia_radar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 400;
  *natural = SIZE + (orientation == GTK_ORIENTATION_VERTICAL ? 28 : 0);
}

static void
lia_radar_chart_finalize (GObject *object)
{
  LiaRadarChart *self = LIA_RADAR_CHART (object);

  g_free (self->latest_label);
  g_free (self->previous_label);
  g_free (self->summary);
  G_OBJECT_CLASS (lia_radar_chart_parent_class)->finalize (object);
}

static void
lia_radar_chart_class_init (LiaRadarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lia_radar_chart_finalize;
  widget_class->snapshot = lia_radar_chart_snapshot;
  widget_class->measure = lia_radar_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "radarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lia_radar_chart_init (LiaRadarChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Self-assessment chart"), -1);
  lia_palette_watch (GTK_WIDGET (self));
}

GtkWidget *
lia_radar_chart_new (void)
{
  return g_object_new (LIA_TYPE_RADAR_CHART, NULL);
}

void
lia_radar_chart_set_scores (LiaRadarChart *self,
                            const int      latest[LIA_N_AREAS],
                            const int     *previous,
                            const char    *latest_label,
                            const char    *previous_label)
{
  GString *summary = g_string_new (NULL);

  g_return_if_fail (LIA_IS_RADAR_CHART (self));

  memcpy (self->latest, latest, sizeof self->latest);
  self->has_previous = previous != NULL;
  if (previous)
    memcpy (self->previous, previous, sizeof self->previous);
  g_free (self->latest_label);
  self->latest_label = g_strdup (latest_label);
  g_free (self->previous_label);
  self->previous_label = g_strdup (previous_label);

  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      if (i > 0)
        g_string_append (summary, "; ");
      if (self->latest[i] == 0)
        /* Translators: an area of the chart's text alternative */
        g_string_append_printf (summary, _("%s: not rated"), lia_competency_get_name (i));
      else if (previous && previous[i] > 0)
        /* Translators: "Teamwork: 4 of 5, was 3" */
        g_string_append_printf (summary, _("%s: %d of 5, was %d"), lia_competency_get_name (i), self->latest[i], previous[i]);
      else
        g_string_append_printf (summary, _("%s: %d of 5"), lia_competency_get_name (i), self->latest[i]);
    }
  g_free (self->summary);
  self->summary = g_string_free (summary, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
lia_radar_chart_get_score (LiaRadarChart *self,
                           gboolean       previous,
                           guint          area)
{
  g_return_val_if_fail (area < LIA_N_AREAS, 0);
  if (previous)
    return self->has_previous ? self->previous[area] : 0;
  return self->latest[area];
}

const char *
lia_radar_chart_get_summary (LiaRadarChart *self)
{
  return self->summary ? self->summary : "";
}

/* Where the last drawing put @area's marker, relative to the centre;
 * FALSE when the area was drawn as missing (unrated).  Returns the number
 * of drawings so far in @n_snapshots, so a test knows one happened. */
gboolean
lia_radar_chart_get_drawn_point (LiaRadarChart    *self,
                                 guint             area,
                                 graphene_point_t *offset,
                                 guint            *n_snapshots)
{
  g_return_val_if_fail (LIA_IS_RADAR_CHART (self), FALSE);
  g_return_val_if_fail (area < LIA_N_AREAS, FALSE);

  if (offset)
    *offset = self->drawn[area];
  if (n_snapshots)
    *n_snapshots = self->n_snapshots;
  return self->drawn_rated[area];
}
