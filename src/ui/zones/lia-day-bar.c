/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-day-bar.c: the day the Time Zones page looks at: previous and next
 * day, the date itself (a calendar pops up from it) and today. */
#define G_LOG_DOMAIN "lia-day-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-day-bar.h"

struct _LiaDayBar
{
  GtkWidget      parent_instance;

  GDate          date;
  gboolean       following_date; /* the calendar is being moved to date */

  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (LiaDayBar, lia_day_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

/* The label and the calendar show the date, so that picking any other
 * day (not only another day number than today's) changes something. */
static void
show_date (LiaDayBar *self)
{
  g_autoptr(GDateTime) shown = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                                      g_date_get_day (&self->date), 12, 0, 0);
  char buffer[128];

  g_date_strftime (buffer, sizeof buffer, _("%a %e %b %Y"), &self->date);
  gtk_menu_button_set_label (self->date_button, buffer);
  self->following_date = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->following_date = FALSE;
}

/* GtkCalendar 4.8 emits day-selected only when the day number changes;
 * the same day number in another month or year only notifies month or
 * year, and the bar follows those too. */
static void
calendar_date_changed_cb (LiaDayBar *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  GDate date;

  if (self->following_date)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked), g_date_time_get_year (picked));
  lia_day_bar_set_date (self, &date);
}

static void
calendar_day_selected_cb (LiaDayBar *self)
{
  calendar_date_changed_cb (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  lia_day_bar_shift (LIA_DAY_BAR (widget), g_variant_get_int32 (param));
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  lia_day_bar_set_today (LIA_DAY_BAR (widget));
}

static void
lia_day_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaDayBar *self = LIA_DAY_BAR (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_day_bar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaDayBar *self = LIA_DAY_BAR (object);

  switch (prop_id)
    {
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        lia_day_bar_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_day_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_DAY_BAR);
  /* The template's box has no id for dispose_template to find. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lia_day_bar_parent_class)->dispose (object);
}

static void
lia_day_bar_class_init (LiaDayBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_day_bar_dispose;
  object_class->get_property = lia_day_bar_get_property;
  object_class->set_property = lia_day_bar_set_property;

  /* The day shown (a GDate); today at first. */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "day.shift", "i", shift_action);
  gtk_widget_class_install_action (widget_class, "day.today", NULL, today_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-day-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaDayBar, date_button);
  gtk_widget_class_bind_template_child (widget_class, LiaDayBar, calendar);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_date_changed_cb);
}

static void
lia_day_bar_init (LiaDayBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  today (&self->date);
  show_date (self);
}

const GDate *
lia_day_bar_get_date (LiaDayBar *self)
{
  g_return_val_if_fail (LIA_IS_DAY_BAR (self), NULL);

  return &self->date;
}

void
lia_day_bar_set_date (LiaDayBar   *self,
                      const GDate *date)
{
  g_return_if_fail (LIA_IS_DAY_BAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_compare (date, &self->date) == 0)
    return;
  self->date = *date;
  show_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
lia_day_bar_shift (LiaDayBar *self,
                   int        days)
{
  GDate date;

  g_return_if_fail (LIA_IS_DAY_BAR (self));

  date = self->date;
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  lia_day_bar_set_date (self, &date);
}

void
lia_day_bar_set_today (LiaDayBar *self)
{
  GDate date;

  g_return_if_fail (LIA_IS_DAY_BAR (self));

  today (&date);
  lia_day_bar_set_date (self, &date);
}
