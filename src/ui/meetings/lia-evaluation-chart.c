/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-evaluation-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-text-list.h"
#include "lia-evaluation-chart.h"
#include "lia-meeting-plan.h"
#include "lia-palette.h"
#include "lia-widgets.h"

/* A bar per evaluated meeting, oldest first: the average score (1-5).
 * The same numbers are the widget's accessible description. */

#define BAR_AREA 120
#define LABEL_HEIGHT 18

typedef struct
{
  gint64  start;
  double  average;
  char   *label;
} Bar;

struct _LiaEvaluationChart
{
  GtkWidget  parent_instance;
  GArray    *bars;      /* Bar */
  char      *summary;
};

G_DEFINE_FINAL_TYPE (LiaEvaluationChart, lia_evaluation_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  g_free (((Bar *) data)->label);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

void
lia_evaluation_chart_set_meetings (LiaEvaluationChart *self,
                                   GListModel         *meetings)
{
  GString *summary = g_string_new (NULL);

  g_return_if_fail (LIA_IS_EVALUATION_CHART (self));

  g_array_set_size (self->bars, 0);
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaMeeting) meeting = g_list_model_get_item (meetings, i);
      LiaEntity *evaluation = lia_entity_get_child (LIA_ENTITY (meeting), LIA_MEETING_EVALUATION);
      guint rated;
      double average = lia_evaluation_average (LIA_EVALUATION (evaluation), &rated);
      Bar bar = { 0 };

      if (rated == 0 || !lia_meeting_get_start_instant (meeting, &bar.start, NULL))
        continue;
      bar.average = average;
      bar.label = g_strdup (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE));
      g_array_append_val (self->bars, bar);
    }
  g_array_sort (self->bars, compare_bars);

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < self->bars->len; i++)
      {
        Bar *bar = &g_array_index (self->bars, Bar, i);
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (number, sizeof number, "%.1f", bar->average);
        /* Translators: a meeting's title and its average score */
        g_ptr_array_add (items, g_strdup_printf (_("%s: %s of 5"), bar->label, number));
      }
    g_ptr_array_add (items, NULL);
    if (self->bars->len == 0)
      g_string_append (summary, _("No meeting has been rated yet."));
    else
      {
        g_autofree char *joined = lia_text_list_join ((const char * const *) items->pdata);
        g_string_append (summary, joined);
      }
  }
  g_free (self->summary);
  self->summary = g_string_free (summary, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where bar @i stands: meetings run from the start side, left to right
 * or, in a right-to-left language, right to left. */
static void
bar_geometry (LiaEvaluationChart *self,
              guint               i,
              double             *x,
              double             *w)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double slot = (double) width / MAX (self->bars->len, 1);

  *w = MIN (48, slot * 0.6);
  *x = slot * i + (slot - *w) / 2;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    *x = width - *x - *w;
}

static void
lia_evaluation_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LiaEvaluationChart *self = LIA_EVALUATION_CHART (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA bar_color, grid, text;
  guint n = self->bars->len;

  lia_chart_get_ink (widget, &text, &grid);
  lia_palette_lookup (LIA_PALETTE_SERIES, &bar_color);

  for (int s = 1; s <= 5; s++)
    gtk_snapshot_append_color (snapshot, &grid,
                               &GRAPHENE_RECT_INIT (0, BAR_AREA - BAR_AREA * s / 5.0, width, 1));
  if (n == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->summary);
      GdkRGBA dim = text;
      int lw, lh;

      dim.alpha = 0.55f;
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (BAR_AREA - lh) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      double h = BAR_AREA * bar->average / 5.0;
      double x, w;
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      g_autoptr(PangoLayout) layout = NULL;
      int lw;

      bar_geometry (self, i, &x, &w);
      gtk_snapshot_append_color (snapshot, &bar_color, &GRAPHENE_RECT_INIT (x, BAR_AREA - h, w, h));
      g_ascii_formatd (number, sizeof number, "%.1f", bar->average);
      layout = gtk_widget_create_pango_layout (widget, number);
      pango_layout_get_pixel_size (layout, &lw, NULL);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + (w - lw) / 2, BAR_AREA + 2));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);
    }
}

static void
lia_evaluation_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 400;
    }
  else
    *minimum = *natural = BAR_AREA + LABEL_HEIGHT + 4;
}

static void
lia_evaluation_chart_finalize (GObject *object)
{
  LiaEvaluationChart *self = LIA_EVALUATION_CHART (object);

  g_array_unref (self->bars);
  g_free (self->summary);
  G_OBJECT_CLASS (lia_evaluation_chart_parent_class)->finalize (object);
}

static void
lia_evaluation_chart_class_init (LiaEvaluationChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lia_evaluation_chart_finalize;
  widget_class->snapshot = lia_evaluation_chart_snapshot;
  widget_class->measure = lia_evaluation_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "evaluationchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lia_evaluation_chart_init (LiaEvaluationChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Average evaluation scores"), -1);
  lia_palette_watch (GTK_WIDGET (self));
}

GtkWidget *
lia_evaluation_chart_new (void)
{
  return g_object_new (LIA_TYPE_EVALUATION_CHART, NULL);
}

guint
lia_evaluation_chart_get_n_bars (LiaEvaluationChart *self)
{
  return self->bars->len;
}

double
lia_evaluation_chart_get_value (LiaEvaluationChart *self,
                                guint               index)
{
  g_return_val_if_fail (index < self->bars->len, 0);
  return g_array_index (self->bars, Bar, index).average;
}

const char *
lia_evaluation_chart_get_summary (LiaEvaluationChart *self)
{
  return self->summary;
}

/* The middle of bar @index, in the widget's coordinates. */
double
lia_evaluation_chart_get_bar_center (LiaEvaluationChart *self,
                                     guint               index)
{
  double x, w;

  g_return_val_if_fail (LIA_IS_EVALUATION_CHART (self), 0);
  g_return_val_if_fail (index < self->bars->len, 0);

  bar_geometry (self, index, &x, &w);
  return x + w / 2;
}
