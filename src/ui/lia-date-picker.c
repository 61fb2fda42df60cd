/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-date-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lia-date-picker.h"
#include "lia-field-check.h"

/* A calendar button beside a text field: nobody should have to type
 * ISO dates.  The picker only writes text into its target, the way a
 * person typing would, so the field's binding stays the one place that
 * parses, checks and commits.
 *
 * GtkCalendar 4.8 emits "day-selected" for a click on a day but not when
 * the month or year arrows move the selection, so the picker follows
 * notify::year/month/day as well. */

struct _LiaDatePicker
{
  GtkWidget       parent_instance;

  GtkEditable    *target;       /* weak */
  gboolean        with_time;
  gboolean        syncing;      /* the popover is being set from the text */

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkWidget      *time_box;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
};

G_DEFINE_FINAL_TYPE (LiaDatePicker, lia_date_picker, GTK_TYPE_WIDGET)

static void
write_target (LiaDatePicker *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->syncing || self->target == NULL || !gtk_editable_get_editable (self->target))
    return;
  day = gtk_calendar_get_date (self->calendar);
  if (self->with_time)
    {
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      int h = gtk_spin_button_get_value_as_int (self->hour_spin);
      int mi = gtk_spin_button_get_value_as_int (self->minute_spin);

      /* Until the popover has shown them, the spins know nothing: a day
       * picked another way keeps the time of day already typed. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self->popover)))
        {
          g_autofree char *value = lia_parse_user_datetime (gtk_editable_get_text (self->target));

          h = 9, mi = 0;
          if (value != NULL)
            sscanf (value + 11, "%2d:%2d", &h, &mi);
        }
      text = g_strdup_printf ("%s %02d:%02d", date, h, mi);
    }
  else
    text = g_date_time_format (day, "%Y-%m-%d");
  if (g_strcmp0 (gtk_editable_get_text (self->target), text) != 0)
    gtk_editable_set_text (self->target, text);
}

/* ---- callbacks ---- */

/* The calendar shows the date in the field, whatever day it is: it
 * follows typing and undo, not only the popover opening. */
static void
popover_show_cb (LiaDatePicker *self)
{
  g_autofree char *value = NULL;
  int y, mo, d, h = 9, mi = 0;

  if (self->target == NULL)
    return;
  value = self->with_time ? lia_parse_user_datetime (gtk_editable_get_text (self->target))
                          : lia_parse_user_date (gtk_editable_get_text (self->target));
  /* The text also accepts a date alone, to which the time is added. */
  if (value == NULL && self->with_time)
    value = lia_parse_user_date (gtk_editable_get_text (self->target));
  self->syncing = TRUE;
  if (value != NULL && sscanf (value, "%4d-%2d-%2d", &y, &mo, &d) == 3)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, mo, d, 12, 0, 0);

      if (day != NULL)
        gtk_calendar_select_day (self->calendar, day);
      if (strlen (value) == 16)
        sscanf (value + 11, "%2d:%2d", &h, &mi);
    }
  gtk_spin_button_set_value (self->hour_spin, h);
  gtk_spin_button_set_value (self->minute_spin, mi);
  self->syncing = FALSE;
}

static void
day_selected_cb (LiaDatePicker *self)
{
  write_target (self);
  /* A date is picked with one click; a date and time needs the spins. */
  if (!self->syncing && !self->with_time)
    gtk_popover_popdown (self->popover);
}

static void
calendar_moved_cb (LiaDatePicker *self)
{
  write_target (self);
}

static void
time_changed_cb (LiaDatePicker *self)
{
  write_target (self);
}

static gboolean
two_digits_cb (GtkSpinButton *spin,
               gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* ---- overrides ---- */

static void
lia_date_picker_dispose (GObject *object)
{
  LiaDatePicker *self = LIA_DATE_PICKER (object);

  g_clear_weak_pointer (&self->target);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_DATE_PICKER);
  G_OBJECT_CLASS (lia_date_picker_parent_class)->dispose (object);
}

static void
lia_date_picker_class_init (LiaDatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_date_picker_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/lia-date-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaDatePicker, button);
  gtk_widget_class_bind_template_child (widget_class, LiaDatePicker, popover);
  gtk_widget_class_bind_template_child (widget_class, LiaDatePicker, calendar);
  gtk_widget_class_bind_template_child (widget_class, LiaDatePicker, time_box);
  gtk_widget_class_bind_template_child (widget_class, LiaDatePicker, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaDatePicker, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_date_picker_init (LiaDatePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/* ---- public API ---- */

/**
 * lia_date_picker_new:
 * @target: the field the picked date is written into
 * @with_time: whether the popover also offers hour and minute
 *
 * The picker follows @target's editable state: a read-only field gets
 * an insensitive button.
 */
GtkWidget *
lia_date_picker_new (GtkEditable *target,
                     gboolean     with_time)
{
  LiaDatePicker *self;

  g_return_val_if_fail (GTK_IS_EDITABLE (target), NULL);

  self = g_object_new (LIA_TYPE_DATE_PICKER, NULL);
  g_set_weak_pointer (&self->target, target);
  self->with_time = with_time;
  gtk_widget_set_visible (self->time_box, with_time);
  if (with_time)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose Date and Time"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose Date and Time"), -1);
    }
  g_object_bind_property (target, "editable", self, "sensitive", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (target, "changed", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  popover_show_cb (self);
  return GTK_WIDGET (self);
}

GtkCalendar *
lia_date_picker_get_calendar (LiaDatePicker *self)
{
  g_return_val_if_fail (LIA_IS_DATE_PICKER (self), NULL);

  return self->calendar;
}

void
lia_date_picker_popup (LiaDatePicker *self)
{
  g_return_if_fail (LIA_IS_DATE_PICKER (self));

  gtk_menu_button_popup (self->button);
}
