/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-heatmap"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "lia-heatmap.h"
#include "lia-tz.h"
#include "lia-palette.h"
#include "lia-widgets.h"

/* One row per member, the 24 hours of a day in the viewer's zone across,
 * in quarter-hour cells coloured by the member's state (working, busy,
 * awake but off, night); the band where most members overlap is outlined
 * and a line marks the current time.  A meeting may be for some of the
 * team only: the others keep their rows, faded, so that ticking members
 * in and out never moves what is below, but the band and the summary are
 * about the members the meeting is for.
 *
 * A little over 600 lines: it is one drawing (cells, band, hour ticks,
 * the now line) plus the tooltip and keyboard cursor that read the same
 * cell geometry; apart they would each recompute it. */

#define CELLS 96
#define HEADER_HEIGHT 20
#define ROW_HEIGHT 28
#define ROW_GAP 4

struct _LiaHeatmap
{
  GtkWidget   parent_instance;

  GPtrArray  *members;            /* LiaTzMember */
  GPtrArray  *chosen;             /* LiaTzMember of members the meeting is for; NULL: all */
  guint8     *in_plan;            /* per member, whether it is in chosen */
  GTimeZone  *zone;
  GDate       date;
  gint64      cell_start[CELLS + 1];
  guint8     *states;             /* members × CELLS, LiaTzState */
  guint8      band[CELLS];
  char       *summary;

  gint64      now;
  gboolean    now_fixed;
  guint       tick_id;
  double      hover_x;
};

G_DEFINE_FINAL_TYPE (LiaHeatmap, lia_heatmap, GTK_TYPE_WIDGET)

static gint64
day_number (GDate *date)
{
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  return (gint64) g_date_get_julian (date) - g_date_get_julian (&epoch);
}

/* The members the band and the summary are about. */
static GPtrArray *
planned (LiaHeatmap *self)
{
  return self->chosen != NULL ? self->chosen : self->members;
}

static char *
clock_in_zone (LiaHeatmap *self,
               gint64      t)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (t >= self->cell_start[CELLS])
    return g_strdup ("24:00");
  utc = g_date_time_new_from_unix_utc (t);
  local = g_date_time_to_timezone (utc, self->zone);
  return g_date_time_format (local, "%H:%M");
}

static char *
describe_intervals (LiaHeatmap *self,
                    GPtrArray  *intervals,
                    gboolean    with_names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < intervals->len; i++)
    {
      LiaOverlapInterval *iv = g_ptr_array_index (intervals, i);
      g_autofree char *a = clock_in_zone (self, iv->start);
      g_autofree char *b = clock_in_zone (self, iv->end);

      if (i > 0)
        g_string_append (text, C_("list separator", ", "));
      {
        g_autofree char *range = lia_time_range_text (a, b);
        g_string_append (text, range);
      }
      if (with_names)
        {
          g_string_append (text, " (");
          for (guint k = 0; k < iv->n_available; k++)
            {
              if (k > 0)
                g_string_append (text, C_("list separator", ", "));
              g_string_append (text, lia_tz_member_get_label (g_ptr_array_index (planned (self), iv->available[k])));
            }
          g_string_append (text, ")");
        }
    }
  return g_string_free (text, FALSE);
}

static void
update_summary (LiaHeatmap *self,
                guint       best)
{
  GPtrArray *members = planned (self);
  guint n = members ? members->len : 0;
  g_autoptr(GPtrArray) intervals = NULL;
  g_autofree char *list = NULL;
  g_autofree char *zone_name = NULL;

  g_clear_pointer (&self->summary, g_free);
  if (n == 0 || self->zone == NULL)
    {
      self->summary = g_strdup (_("No team members yet."));
      goto out;
    }

  if (best >= MIN (n, 2))
    intervals = lia_overlap_compute ((LiaTzMember **) members->pdata, n,
                                     self->cell_start[0], self->cell_start[CELLS], best, NULL);
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->cell_start[0]);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);
    zone_name = g_strdup (g_date_time_get_timezone_abbreviation (local));
  }

  if (intervals == NULL || intervals->len == 0)
    {
      if (n == 1)
        self->summary = g_strdup_printf (_("%s does not work on this day."),
                                         lia_tz_member_get_label (g_ptr_array_index (members, 0)));
      else
        self->summary = g_strdup (_("No two members are inside working hours at the same time on this day."));
    }
  else if (best == n)
    {
      list = describe_intervals (self, intervals, FALSE);
      if (n == 1)
        /* Translators: a name, then times like 09:00–18:00, then a zone abbreviation */
        self->summary = g_strdup_printf (_("%s works %s (%s)."),
                                         lia_tz_member_get_label (g_ptr_array_index (members, 0)), list, zone_name);
      else
        /* Translators: the number of members, times like 17:00–18:00, a zone abbreviation */
        self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "All %u members are inside working hours %s (%s).",
                                                      "All %u members are inside working hours %s (%s).", n),
                                         n, list, zone_name);
    }
  else
    {
      list = describe_intervals (self, intervals, TRUE);
      /* Translators: team size, largest overlap, then times with names, a zone abbreviation */
      self->summary = g_strdup_printf (ngettext ("No time on this day has all %u member inside working hours. At most %u overlap: %s (%s).",
                                                 "No time on this day has all %u members inside working hours. At most %u overlap: %s (%s).", n),
                                       n, best, list, zone_name);
    }

out:
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
recompute (LiaHeatmap *self)
{
  guint n = self->members ? self->members->len : 0;
  guint counts[CELLS] = { 0 };
  guint best = 0;
  gint64 day;

  g_clear_pointer (&self->states, g_free);
  g_clear_pointer (&self->in_plan, g_free);
  memset (self->band, 0, sizeof self->band);

  self->in_plan = g_new0 (guint8, MAX (n, 1));
  for (guint m = 0; m < n; m++)
    {
      guint unused;

      self->in_plan[m] = self->chosen == NULL ||
                         g_ptr_array_find (self->chosen, g_ptr_array_index (self->members, m), &unused);
    }

  if (self->zone != NULL && g_date_valid (&self->date))
    {
      day = day_number (&self->date);
      for (guint i = 0; i <= CELLS; i++)
        self->cell_start[i] = lia_local_to_utc (self->zone, day * 86400 + (gint64) i * 900);

      self->states = g_new0 (guint8, MAX (n, 1) * CELLS);
      for (guint m = 0; m < n; m++)
        for (guint i = 0; i < CELLS; i++)
          {
            gint64 mid = (self->cell_start[i] + self->cell_start[i + 1]) / 2;
            LiaTzState state = lia_tz_member_state_at (g_ptr_array_index (self->members, m), mid);

            self->states[m * CELLS + i] = state;
            if (state == LIA_TZ_STATE_WORKING && self->in_plan[m])
              counts[i]++;
          }

      for (guint i = 0; i < CELLS; i++)
        best = MAX (best, counts[i]);
      if (best >= MIN (planned (self) ? planned (self)->len : 0, 2) && best > 0)
        for (guint i = 0; i < CELLS; i++)
          self->band[i] = counts[i] == best;
    }

  update_summary (self, best);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

typedef struct
{
  GdkRGBA working, busy, off, night, band, now, text, grid;
} Palette;

static void
get_palette (LiaHeatmap *self,
             Palette    *p)
{
  lia_chart_get_ink (GTK_WIDGET (self), &p->text, &p->grid);
  /* The shared chart palette: every state keeps 3:1 against the card in
   * each style, so night does not vanish in dark. */
  lia_palette_lookup (LIA_PALETTE_WORKING, &p->working);
  lia_palette_lookup (LIA_PALETTE_BUSY, &p->busy);
  lia_palette_lookup (LIA_PALETTE_OFF, &p->off);
  lia_palette_lookup (LIA_PALETTE_NIGHT, &p->night);
  lia_palette_lookup (LIA_PALETTE_OVERLAP, &p->band);
  lia_palette_lookup (LIA_PALETTE_NOW, &p->now);
}

static double
label_width (LiaHeatmap *self,
             int         width)
{
  int widest = 0;

  for (guint m = 0; self->members && m < self->members->len; m++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                     lia_tz_member_get_label (g_ptr_array_index (self->members, m)));
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return MIN (widest + 12, width * 0.35);
}

static double
cell_x (double grid_x,
        double grid_w,
        double cell)
{
  return grid_x + grid_w * cell / CELLS;
}

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      double         x,
      double         y,
      double         w,
      double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

/* Right to left, hours run from the right and names stand on the right:
 * everything is drawn in logical (left-to-right) coordinates inside a
 * mirror, and the pointer's x is turned into a logical one. */
static gboolean
is_rtl (LiaHeatmap *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static double
logical_x (LiaHeatmap *self,
           double      x)
{
  return is_rtl (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - x : x;
}

/* A text at logical x, @width wide, reading the right way round inside
 * the mirror. */
static void
append_text (LiaHeatmap     *self,
             GtkSnapshot    *snapshot,
             PangoLayout    *layout,
             double          x,
             double          y,
             double          width,
             const GdkRGBA  *color)
{
  gtk_snapshot_save (snapshot);
  if (is_rtl (self))
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + width, y));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  else
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
lia_heatmap_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  LiaHeatmap *self = LIA_HEATMAP (widget);
  int width = gtk_widget_get_width (widget);
  guint n = self->members ? self->members->len : 0;
  double lw = label_width (self, width);
  double gx = lw, gw = width - lw;
  int step = gw >= 480 ? 2 : gw >= 240 ? 3 : 6;
  Palette p;

  if (self->states == NULL || gw <= 0)
    return;
  get_palette (self, &p);
  gtk_snapshot_save (snapshot);
  if (is_rtl (self))
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }

  /* Hour labels */
  for (int h = 0; h < 24; h += step)
    {
      g_autofree char *text = g_strdup_printf ("%02d", h);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      PangoAttrList *attrs = pango_attr_list_new ();

      int tw;

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_get_pixel_size (layout, &tw, NULL);
      append_text (self, snapshot, layout, cell_x (gx, gw, h * 4) + 1, 2, tw, &p.text);
      fill (snapshot, &p.grid, cell_x (gx, gw, h * 4), HEADER_HEIGHT - 4, 1, 4 + n * ROW_HEIGHT);
    }

  for (guint m = 0; m < n; m++)
    {
      double y = HEADER_HEIGHT + m * ROW_HEIGHT;
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget,
                                                                     lia_tz_member_get_label (g_ptr_array_index (self->members, m)));

      pango_layout_set_width (layout, (int) ((lw - 8) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (is_rtl (self))
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      /* Members the meeting is not for stay in place, faded. */
      if (!self->in_plan[m])
        gtk_snapshot_push_opacity (snapshot, 0.3);
      append_text (self, snapshot, layout, 0, y + (ROW_HEIGHT - ROW_GAP) / 2.0 - 9, lw - 8, &p.text);

      for (guint i = 0; i < CELLS;)
        {
          guint8 state = self->states[m * CELLS + i];
          guint j = i + 1;
          const GdkRGBA *color;

          while (j < CELLS && self->states[m * CELLS + j] == state)
            j++;
          color = state == LIA_TZ_STATE_WORKING ? &p.working :
                  state == LIA_TZ_STATE_BUSY ? &p.busy :
                  state == LIA_TZ_STATE_OFF ? &p.off : &p.night;
          fill (snapshot, color, cell_x (gx, gw, i), y, cell_x (gx, gw, j) - cell_x (gx, gw, i), ROW_HEIGHT - ROW_GAP);
          i = j;
        }
      if (!self->in_plan[m])
        gtk_snapshot_pop (snapshot);
    }

  /* The overlap band: outlined across all rows. */
  for (guint i = 0; i < CELLS;)
    {
      guint j = i;
      double x0, x1, bottom = HEADER_HEIGHT + n * ROW_HEIGHT - ROW_GAP + 2;

      if (!self->band[i])
        {
          i++;
          continue;
        }
      while (j < CELLS && self->band[j])
        j++;
      x0 = cell_x (gx, gw, i) - 1;
      x1 = cell_x (gx, gw, j) + 1;
      fill (snapshot, &p.band, x0, HEADER_HEIGHT - 4, x1 - x0, 2);
      fill (snapshot, &p.band, x0, bottom, x1 - x0, 2);
      fill (snapshot, &p.band, x0, HEADER_HEIGHT - 4, 2, bottom - HEADER_HEIGHT + 6);
      fill (snapshot, &p.band, x1 - 2, HEADER_HEIGHT - 4, 2, bottom - HEADER_HEIGHT + 6);
      i = j;
    }

  /* Now */
  if (self->now >= self->cell_start[0] && self->now < self->cell_start[CELLS])
    for (guint i = 0; i < CELLS; i++)
      if (self->now < self->cell_start[i + 1])
        {
          double span = MAX (1, self->cell_start[i + 1] - self->cell_start[i]);
          double x = cell_x (gx, gw, i + (self->now - self->cell_start[i]) / span);
          fill (snapshot, &p.now, x - 1, HEADER_HEIGHT - 6, 2, n * ROW_HEIGHT + 8);
          break;
        }

  if (self->hover_x >= gx)
    {
      GdkRGBA hover = p.text;
      hover.alpha = 0.5f;
      fill (snapshot, &hover, self->hover_x, HEADER_HEIGHT, 1, n * ROW_HEIGHT - ROW_GAP);
    }
  gtk_snapshot_restore (snapshot);
}

static void
lia_heatmap_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  LiaHeatmap *self = LIA_HEATMAP (widget);
  guint n = self->members ? self->members->len : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    *minimum = *natural = HEADER_HEIGHT + n * ROW_HEIGHT + 4;
}

/* The instant under X, and every member's local time then. */
char *
lia_heatmap_describe_at (LiaHeatmap *self,
                         double      x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double lw = label_width (self, width);
  double cell;
  guint i;
  gint64 t;
  GString *text;
  g_autofree char *head = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (LIA_IS_HEATMAP (self), NULL);

  x = logical_x (self, x);
  if (self->states == NULL || x < lw || width - lw <= 0)
    return NULL;
  cell = (x - lw) / (width - lw) * CELLS;
  i = MIN ((guint) cell, CELLS - 1);
  t = self->cell_start[i] + (gint64) ((cell - i) * (self->cell_start[i + 1] - self->cell_start[i]));
  t -= t % 60;

  utc = g_date_time_new_from_unix_utc (t);
  local = g_date_time_to_timezone (utc, self->zone);
  head = g_date_time_format (local, "%H:%M %Z");
  text = g_string_new (head);

  for (guint m = 0; m < self->members->len; m++)
    {
      LiaTzMember *member = g_ptr_array_index (self->members, m);
      g_autofree char *when = lia_tz_member_format (member, t, "%a %H:%M");
      const char *state;

      switch (lia_tz_member_state_at (member, t))
        {
        case LIA_TZ_STATE_WORKING:
          state = _("working");
          break;
        case LIA_TZ_STATE_BUSY:
          state = _("busy");
          break;
        case LIA_TZ_STATE_OFF:
          state = _("off hours");
          break;
        case LIA_TZ_STATE_NIGHT:
        default:
          state = _("night");
          break;
        }
      /* Translators: a member, their local weekday and time, and their state */
      g_string_append_printf (text, _("\n%s: %s, %s"), lia_tz_member_get_label (member), when, state);
    }
  return g_string_free (text, FALSE);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  g_autofree char *text = lia_heatmap_describe_at (LIA_HEATMAP (widget), x);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LiaHeatmap               *self)
{
  self->hover_x = logical_x (self, x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          LiaHeatmap               *self)
{
  self->hover_x = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tick_cb (gpointer data)
{
  LiaHeatmap *self = data;

  if (!self->now_fixed)
    {
      self->now = g_get_real_time () / G_USEC_PER_SEC;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return G_SOURCE_CONTINUE;
}

static void
lia_heatmap_dispose (GObject *object)
{
  LiaHeatmap *self = LIA_HEATMAP (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  G_OBJECT_CLASS (lia_heatmap_parent_class)->dispose (object);
}

static void
lia_heatmap_finalize (GObject *object)
{
  LiaHeatmap *self = LIA_HEATMAP (object);

  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->states);
  g_free (self->in_plan);
  g_free (self->summary);
  G_OBJECT_CLASS (lia_heatmap_parent_class)->finalize (object);
}

static void
lia_heatmap_class_init (LiaHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_heatmap_dispose;
  object_class->finalize = lia_heatmap_finalize;
  widget_class->snapshot = lia_heatmap_snapshot;
  widget_class->measure = lia_heatmap_measure;

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lia_heatmap_init (LiaHeatmap *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_date_clear (&self->date, 1);
  self->hover_x = -1;
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->tick_id = g_timeout_add_seconds (30, tick_cb, self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  lia_palette_watch (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working hours of the team"),
                                  -1);
}

GtkWidget *
lia_heatmap_new (void)
{
  return g_object_new (LIA_TYPE_HEATMAP, NULL);
}

void
lia_heatmap_set_team (LiaHeatmap *self,
                      GPtrArray  *members)
{
  g_return_if_fail (LIA_IS_HEATMAP (self));

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  self->members = members ? g_ptr_array_ref (members) : NULL;
  recompute (self);
}

/* The members of the team (as set with lia_heatmap_set_team) a meeting is
 * for, or NULL for all of them. */
void
lia_heatmap_set_chosen (LiaHeatmap *self,
                        GPtrArray  *chosen)
{
  g_return_if_fail (LIA_IS_HEATMAP (self));

  if (chosen != NULL)
    g_ptr_array_ref (chosen);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  self->chosen = chosen;
  recompute (self);
}

void
lia_heatmap_set_day (LiaHeatmap *self,
                     GTimeZone  *zone,
                     GDate      *date)
{
  g_return_if_fail (LIA_IS_HEATMAP (self));
  g_return_if_fail (zone != NULL && date != NULL && g_date_valid (date));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  self->date = *date;
  recompute (self);
}

void
lia_heatmap_set_now (LiaHeatmap *self,
                     gint64      now)
{
  g_return_if_fail (LIA_IS_HEATMAP (self));

  self->now = now;
  self->now_fixed = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Now, in seconds since the epoch: the time fixed by lia_heatmap_set_now(),
 * or the real time. */
gint64
lia_heatmap_get_now (LiaHeatmap *self)
{
  g_return_val_if_fail (LIA_IS_HEATMAP (self), 0);

  return self->now_fixed ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

const char *
lia_heatmap_get_summary (LiaHeatmap *self)
{
  g_return_val_if_fail (LIA_IS_HEATMAP (self), NULL);

  return self->summary;
}

gint64
lia_heatmap_get_start (LiaHeatmap *self)
{
  return self->cell_start[0];
}

gint64
lia_heatmap_get_end (LiaHeatmap *self)
{
  return self->cell_start[CELLS];
}
