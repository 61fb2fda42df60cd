/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-radar-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lia-radar-chart.h"

/* The ten competency areas as spokes, scores 1-5 as rings: the selected
 * assessment filled in the accent colour over the one before it, dashed.
 * The same numbers are the widget's accessible description. */

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

static void
lia_radar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LiaRadarChart *self = LIA_RADAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double legend = 28;
  /* the labels, LABEL_MARGIN * 2 wide, are centred just outside the rim */
  double radius = MAX (20, MIN (width, height - legend) / 2.0 - LABEL_MARGIN - 36);
  double cx = width / 2.0, cy = (height - legend) / 2.0;
  GdkRGBA text, accent;
  cairo_t *cr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, text.red, text.green, text.blue, 0.15);
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
      polygon (cr, cx, cy, radius, self->previous);
      cairo_set_source_rgba (cr, text.red, text.green, text.blue, 0.08);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, text.red, text.green, text.blue, 0.55);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  polygon (cr, cx, cy, radius, self->latest);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.25);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      double x, y;
      point (cx, cy, radius, i, self->latest[i], &x, &y);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  /* Area names around the chart, and the legend below. */
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, lia_area_get_name (i));
      double x, y;
      int lw, lh;

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
      point (cx, cy, radius + LABEL_MARGIN / 2.0 + 4, i, 5, &x, &y);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - (LABEL_MARGIN * 2 - 8) / 2.0, y - lh / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);
    }
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
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
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
        g_string_append_printf (summary, _("%s: not rated"), lia_area_get_name (i));
      else if (previous && previous[i] > 0)
        /* Translators: "Teamwork: 4 of 5, was 3" */
        g_string_append_printf (summary, _("%s: %d of 5, was %d"), lia_area_get_name (i), self->latest[i], previous[i]);
      else
        g_string_append_printf (summary, _("%s: %d of 5"), lia_area_get_name (i), self->latest[i]);
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
