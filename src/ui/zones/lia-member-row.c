/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-member-row.c: one team member on the Time Zones page: whether the
 * meeting is for them, their place, zone, hours and days, and their
 * offset at the moment the page looks at. */
#define G_LOG_DOMAIN "lia-member-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-member-row.h"
#include "lia-tz.h"
#include "lia-model.h"
#include "lia-slots.h"

/* The row follows its member's fields by itself, so the list around it
 * never has to be rebuilt for an edit (and focus stays where it is). */

struct _LiaMemberRow
{
  AdwActionRow     parent_instance;

  LiaMember       *member;
  LiaLiveCalendars *calendars;
  gint64           instant;
  gboolean         read_only;

  GtkCheckButton  *check;
  GtkLabel        *now_label;
  GtkLabel        *standard_label;
  GtkSpinner      *calendar_spinner;
  GtkLabel        *calendar_label;
  GtkWidget       *edit_button;
  GtkWidget       *remove_button;
};

G_DEFINE_FINAL_TYPE (LiaMemberRow, lia_member_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MEMBER,
  PROP_INCLUDED,
  PROP_INSTANT,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDIT,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
days_text (LiaEntity *member)
{
  const char * const *days = lia_entity_get_strv (member, LIA_MEMBER_WORK_DAYS);
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  GString *text = g_string_new (NULL);
  guint mask = 0;
  int first = -1;

  for (guint d = 0; d < 7; d++)
    if (days != NULL && g_strv_contains (days, lia_weekday_choices[d]))
      mask |= 1u << d;

  /* Runs of days as ranges: Mon–Fri, Sun–Thu (as Mon–Thu, Sun). */
  for (int d = 0; d <= 7; d++)
    {
      gboolean on = d < 7 && (mask & (1u << d));

      if (on && first < 0)
        first = d;
      if (!on && first >= 0)
        {
          g_autoptr(GDateTime) a = g_date_time_add_days (monday, first);
          g_autoptr(GDateTime) b = g_date_time_add_days (monday, d - 1);
          g_autofree char *an = g_date_time_format (a, "%a");
          g_autofree char *bn = g_date_time_format (b, "%a");

          if (text->len > 0)
            g_string_append (text, C_("list separator", ", "));
          if (first == d - 1)
            g_string_append (text, an);
          else
            {
              g_autofree char *range = lia_time_range_text (an, bn);
              g_string_append (text, range);
            }
          first = -1;
        }
    }
  if (text->len == 0)
    g_string_append (text, _("no working days"));
  return g_string_free (text, FALSE);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
update_offsets (LiaMemberRow *self)
{
  g_autoptr(LiaTzMember) m = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *abbreviation = NULL;
  g_autofree char *standard_abbreviation = NULL;
  g_autofree char *standard_offset = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *standard_text = NULL;
  int standard;

  /* A member the engine cannot read has no offset to show, but stays on
   * the list so that it can be edited or removed. */
  if (self->member == NULL ||
      (m = lia_tz_member_new (lia_entity_get_string (LIA_ENTITY (self->member), LIA_MEMBER_NAME),
                              lia_entity_get_string (LIA_ENTITY (self->member), LIA_MEMBER_TIMEZONE), NULL)) == NULL)
    {
      set_label (self->now_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->standard_label), FALSE);
      return;
    }

  offset = lia_format_offset (lia_tz_member_offset_at (m, self->instant));
  abbreviation = lia_tz_member_format (m, self->instant, "%Z");
  standard = lia_zone_standard_offset (lia_tz_member_get_zone (m), self->instant, &standard_abbreviation);
  standard_offset = lia_format_offset (standard);
  now_text = g_strdup_printf ("%s %s", offset, abbreviation);
  /* Translators: the zone's offset outside daylight saving time, as fixed-offset tables give it */
  standard_text = g_strdup_printf (_("standard %s %s"), standard_offset, standard_abbreviation);
  set_label (self->now_label, now_text);
  set_label (self->standard_label, standard_text);
  gtk_widget_set_visible (GTK_WIDGET (self->standard_label), standard != lia_tz_member_offset_at (m, self->instant));
}

/* "Calendar read 10:42", the last read's error in plain words, or a
 * spinner while the first read runs. */
static void
update_calendar (LiaMemberRow *self)
{
  LiaCalendarSource *source = NULL;
  gboolean reading = FALSE;
  const char *error = NULL;
  gint64 read = 0;
  g_autofree char *text = NULL;

  if (self->calendars != NULL && self->member != NULL)
    {
      source = lia_live_calendars_get_source (self->calendars, self->member);
      reading = lia_live_calendars_is_reading (self->calendars, self->member);
    }
  if (source != NULL)
    {
      error = lia_calendar_source_get_error (source);
      read = lia_calendar_source_get_last_read (source);
    }

  if (error != NULL)
    /* Translators: %s says why, like “calendar not found (404)” */
    text = g_strdup_printf (_("Calendar not read: %s"), error);
  else if (read > 0)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      text = lia_calendar_read_text (read, g_get_real_time () / G_USEC_PER_SEC, local);
    }
  else if (reading)
    text = g_strdup (_("Reading calendar…"));

  set_label (self->calendar_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_label), text != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->calendar_label), text);
  if (error != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->calendar_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->calendar_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->calendar_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->calendar_label), "dim-label");
    }
  gtk_spinner_set_spinning (self->calendar_spinner, reading);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_spinner), reading);
}

static void
calendar_changed_cb (LiaMemberRow *self,
                     const char   *member_id)
{
  if (self->member != NULL && g_strcmp0 (member_id, lia_entity_get_id (LIA_ENTITY (self->member))) == 0)
    update_calendar (self);
}

static void
update (LiaMemberRow *self)
{
  LiaEntity *entity = LIA_ENTITY (self->member);
  const char *name = lia_entity_get_string (entity, LIA_MEMBER_NAME);
  const char *city = lia_entity_get_string (entity, LIA_MEMBER_CITY);
  g_autofree char *days = days_text (entity);
  /* Translators: the accessible name of the check box on a member's row */
  g_autofree char *check_label = g_strdup_printf (_("Include %s in the meeting"), name);
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s · %s–%s · %s",
                                               city, city[0] ? " · " : "",
                                               lia_entity_get_string (entity, LIA_MEMBER_TIMEZONE),
                                               lia_entity_get_string (entity, LIA_MEMBER_WORK_START),
                                               lia_entity_get_string (entity, LIA_MEMBER_WORK_END),
                                               days);

  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), name) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (self)), subtitle) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  update_offsets (self);
  update_calendar (self);
}

static void
activated_cb (LiaMemberRow *self)
{
  if (!self->read_only)
    g_signal_emit (self, signals[EDIT], 0);
}

static void
remove_clicked_cb (LiaMemberRow *self)
{
  if (!self->read_only)
    g_signal_emit (self, signals[REMOVE], 0);
}

static void
check_toggled_cb (LiaMemberRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED]);
}

static void
lia_member_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaMemberRow *self = LIA_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    case PROP_INCLUDED:
      g_value_set_boolean (value, lia_member_row_get_included (self));
      break;
    case PROP_INSTANT:
      g_value_set_int64 (value, self->instant);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_member_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaMemberRow *self = LIA_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      /* Construct-only: a row is its member's for life. */
      self->member = g_value_dup_object (value);
      if (self->member != NULL)
        {
          g_signal_connect_object (self->member, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
          update (self);
        }
      break;
    case PROP_INCLUDED:
      lia_member_row_set_included (self, g_value_get_boolean (value));
      break;
    case PROP_INSTANT:
      lia_member_row_set_instant (self, g_value_get_int64 (value));
      break;
    case PROP_READ_ONLY:
      lia_member_row_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_member_row_dispose (GObject *object)
{
  LiaMemberRow *self = LIA_MEMBER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEMBER_ROW);
  g_clear_object (&self->member);
  g_clear_object (&self->calendars);
  G_OBJECT_CLASS (lia_member_row_parent_class)->dispose (object);
}

static void
lia_member_row_class_init (LiaMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_member_row_dispose;
  object_class->get_property = lia_member_row_get_property;
  object_class->set_property = lia_member_row_set_property;

  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, LIA_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether the meeting is for this member: the check box's state. */
  properties[PROP_INCLUDED] =
    g_param_spec_boolean ("included", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The moment (Unix seconds) whose offsets the row shows. */
  properties[PROP_INSTANT] =
    g_param_spec_int64 ("instant", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMemberRow, check);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberRow, now_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberRow, standard_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberRow, calendar_spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberRow, calendar_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
}

static void
lia_member_row_init (LiaMemberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_check_button_set_active (self->check, TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
lia_member_row_new (LiaMember *member)
{
  g_return_val_if_fail (LIA_IS_MEMBER (member), NULL);

  return g_object_new (LIA_TYPE_MEMBER_ROW, "member", member, NULL);
}

LiaMember *
lia_member_row_get_member (LiaMemberRow *self)
{
  g_return_val_if_fail (LIA_IS_MEMBER_ROW (self), NULL);

  return self->member;
}

gboolean
lia_member_row_get_included (LiaMemberRow *self)
{
  g_return_val_if_fail (LIA_IS_MEMBER_ROW (self), FALSE);

  return gtk_check_button_get_active (self->check);
}

void
lia_member_row_set_included (LiaMemberRow *self,
                             gboolean      included)
{
  g_return_if_fail (LIA_IS_MEMBER_ROW (self));

  /* The check box notifies "included" through its toggled signal. */
  gtk_check_button_set_active (self->check, included);
}

void
lia_member_row_set_instant (LiaMemberRow *self,
                            gint64        instant)
{
  g_return_if_fail (LIA_IS_MEMBER_ROW (self));

  if (self->instant == instant)
    return;
  self->instant = instant;
  update_offsets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANT]);
}

void
lia_member_row_set_read_only (LiaMemberRow *self,
                              gboolean      read_only)
{
  g_return_if_fail (LIA_IS_MEMBER_ROW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_set_visible (self->edit_button, !read_only);
  gtk_widget_set_visible (self->remove_button, !read_only);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), !read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
lia_member_row_set_calendars (LiaMemberRow     *self,
                              LiaLiveCalendars *calendars)
{
  g_return_if_fail (LIA_IS_MEMBER_ROW (self));
  g_return_if_fail (calendars == NULL || LIA_IS_LIVE_CALENDARS (calendars));

  if (self->calendars == calendars)
    return;
  if (self->calendars != NULL)
    g_signal_handlers_disconnect_by_data (self->calendars, self);
  g_set_object (&self->calendars, calendars);
  if (calendars != NULL)
    g_signal_connect_object (calendars, "member-changed", G_CALLBACK (calendar_changed_cb), self, G_CONNECT_SWAPPED);
  update_calendar (self);
}

const char *
lia_member_row_get_calendar_status (LiaMemberRow *self,
                                    gboolean     *is_error,
                                    gboolean     *reading)
{
  g_return_val_if_fail (LIA_IS_MEMBER_ROW (self), NULL);

  if (is_error != NULL)
    *is_error = gtk_widget_has_css_class (GTK_WIDGET (self->calendar_label), "error");
  if (reading != NULL)
    *reading = gtk_widget_get_visible (GTK_WIDGET (self->calendar_spinner));
  return gtk_label_get_label (self->calendar_label);
}
