/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-member-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-city-search.h"
#include "lia-field-binding.h"
#include "lia-member-dialog.h"
#include "lia-slots.h"
#include "lia-tz-names.h"

/* A team member: name and role, a city found in libgweather's database
 * (which gives the IANA zone) or a zone typed directly, working hours and
 * days, and busy times imported from an .ics file. */

#define CITY_RESULTS 8

struct _LiaMemberDialog
{
  AdwWindow        parent_instance;

  LiaMember       *member;          /* the copy being edited */
  LiaMember       *original;        /* NULL: a new member */
  GPtrArray       *cities;          /* LiaCity, the current results */
  gboolean         picking;         /* setting the city text ourselves */

  AdwToastOverlay *toasts;
  GtkWidget       *save_button;
  AdwEntryRow     *name_row;
  AdwEntryRow     *role_row;
  AdwEntryRow     *city_row;
  GtkListBox      *city_list;
  GtkWidget       *city_group;
  AdwEntryRow     *zone_row;
  GtkLabel        *zone_offset;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  GtkToggleButton *day_buttons[7];
  AdwActionRow    *calendar_row;
  GtkWidget       *clear_calendar;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (LiaMemberDialog, lia_member_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const day_keys[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* The fields are bound to the copy without a history: core's rule book
 * refuses what the file could not hold, field by field.  What is left is
 * what one field cannot know: whether anything was refused, the days, and
 * hours that neither start nor end. */
static gboolean
validate (LiaMemberDialog *self)
{
  LiaEntity *entity = LIA_ENTITY (self->member);
  GtkWidget *bound[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->role_row), GTK_WIDGET (self->city_row),
                         GTK_WIDGET (self->zone_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row) };
  g_autofree char *name = NULL;
  gboolean refused = FALSE;
  gboolean any_day = FALSE;
  gboolean ok;

  if (entity == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    refused |= lia_field_binding_get_error (lia_field_binding_get (bound[i])) != NULL;
  for (guint d = 0; d < 7; d++)
    any_day |= gtk_toggle_button_get_active (self->day_buttons[d]);
  name = g_strstrip (g_strdup (lia_entity_get_string (entity, LIA_MEMBER_NAME)));

  if (lia_field_binding_get_error (lia_field_binding_get (GTK_WIDGET (self->zone_row))) == NULL &&
      lia_entity_check_string (entity, LIA_MEMBER_TIMEZONE, lia_entity_get_string (entity, LIA_MEMBER_TIMEZONE), NULL))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (lia_entity_get_string (entity, LIA_MEMBER_TIMEZONE));
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      g_autofree char *offset = lia_format_offset ((int) (g_date_time_get_utc_offset (now) / G_USEC_PER_SEC));
      g_autofree char *text = g_strdup_printf ("%s %s", offset, g_date_time_get_timezone_abbreviation (now));
      gtk_label_set_label (self->zone_offset, text);
    }
  else
    gtk_label_set_label (self->zone_offset, "");

  ok = !refused && any_day && name[0] != '\0' && lia_entity_check (entity, NULL) &&
       g_strcmp0 (lia_entity_get_string (entity, LIA_MEMBER_WORK_START), lia_entity_get_string (entity, LIA_MEMBER_WORK_END)) != 0;
  gtk_widget_set_sensitive (self->save_button, ok);
  return ok;
}

static void
update_calendar_row (LiaMemberDialog *self)
{
  const char *ics = lia_entity_get_string (LIA_ENTITY (self->member), LIA_MEMBER_BUSY_CALENDAR);
  gboolean has = ics != NULL && ics[0] != '\0';

  if (has)
    {
      guint events = 0;
      for (const char *p = strstr (ics, "BEGIN:VEVENT"); p; p = strstr (p + 1, "BEGIN:VEVENT"))
        events++;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u event from an imported calendar",
                                                            "%u events from an imported calendar", events),
                                               events);
      adw_action_row_set_subtitle (self->calendar_row, text);
    }
  else
    adw_action_row_set_subtitle (self->calendar_row, _("None: only working hours count"));
  gtk_widget_set_visible (self->clear_calendar, has);
}

static void
clear_city_results (LiaMemberDialog *self)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child of the list too. */
  while ((row = gtk_list_box_get_row_at_index (self->city_list, 0)) != NULL)
    gtk_list_box_remove (self->city_list, GTK_WIDGET (row));
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  gtk_widget_set_visible (self->city_group, FALSE);
}

void
lia_member_dialog_search_city (LiaMemberDialog *self,
                               const char      *text)
{
  g_return_if_fail (LIA_IS_MEMBER_DIALOG (self));

  clear_city_results (self);
  if (text == NULL || g_utf8_strlen (text, -1) < 2)
    return;

  self->cities = lia_city_search (text, CITY_RESULTS);
  for (guint i = 0; i < self->cities->len; i++)
    {
      LiaCity *city = g_ptr_array_index (self->cities, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = city->is_zone ? g_strdup (_("Time zone")) : g_strdup_printf ("%s · %s", city->country ? city->country : "", city->zone);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), city->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->city_list, row);
    }
  /* With no match the list's placeholder says so, rather than nothing. */
  gtk_widget_set_visible (self->city_group, TRUE);
}

gboolean
lia_member_dialog_pick_city (LiaMemberDialog *self,
                             guint            index)
{
  LiaCity *city;

  g_return_val_if_fail (LIA_IS_MEMBER_DIALOG (self), FALSE);

  if (self->cities == NULL || index >= self->cities->len)
    return FALSE;
  city = g_ptr_array_index (self->cities, index);

  self->picking = TRUE;
  if (city->is_zone)
    {
      /* A zone typed out: its place, if it is one, is the city. */
      g_autofree char *place = lia_city_zone_place (city);

      gtk_editable_set_text (GTK_EDITABLE (self->city_row), strchr (city->zone, '/') ? place : "");
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->city_row), city->name);
  gtk_editable_set_text (GTK_EDITABLE (self->zone_row), city->zone);
  self->picking = FALSE;
  clear_city_results (self);
  validate (self);
  return TRUE;
}

static void
city_changed_cb (LiaMemberDialog *self)
{
  if (!self->picking)
    lia_member_dialog_search_city (self, gtk_editable_get_text (GTK_EDITABLE (self->city_row)));
}

static void
city_activated_cb (LiaMemberDialog *self,
                   GtkListBoxRow   *row)
{
  lia_member_dialog_pick_city (self, gtk_list_box_row_get_index (row));
}

static void
city_entry_activated_cb (LiaMemberDialog *self)
{
  /* Enter in the city field takes the best match. */
  lia_member_dialog_pick_city (self, 0);
}

void
lia_member_dialog_set_calendar (LiaMemberDialog *self,
                                const char      *ics,
                                GError         **error)
{
  g_autofree char *stripped = NULL;

  if (ics != NULL)
    {
      stripped = lia_calendar_strip (ics, error);
      if (stripped == NULL)
        return;
    }
  lia_entity_set_string (LIA_ENTITY (self->member), LIA_MEMBER_BUSY_CALENDAR, stripped ? stripped : "");
  update_calendar_row (self);
}

static void
calendar_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LiaMemberDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error) ||
      (lia_member_dialog_set_calendar (self, contents, &error), error != NULL))
    {
      g_autofree char *name = g_file_get_basename (G_FILE (object));
      /* Translators: a file name and the reason it could not be used */
      g_autofree char *text = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
}

static void
chooser_response_cb (LiaMemberDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_file_load_contents_async (file, NULL, calendar_loaded_cb, g_object_ref (self));
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_clear_object (&self->chooser);
}

static void
import_calendar_cb (LiaMemberDialog *self)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->chooser = gtk_file_chooser_native_new (_("Import Busy Times"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_unref (filter);
}

static void
clear_calendar_cb (LiaMemberDialog *self)
{
  lia_member_dialog_set_calendar (self, NULL, NULL);
}

/* Writes the fields back into the copy and hands it over. */
gboolean
lia_member_dialog_save (LiaMemberDialog *self)
{
  LiaEntity *entity = LIA_ENTITY (self->member);
  g_autoptr(GStrvBuilder) days = g_strv_builder_new ();
  g_auto(GStrv) day_list = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LIA_IS_MEMBER_DIALOG (self), FALSE);

  if (!validate (self))
    return FALSE;

  /* The bindings have written every field the rules accept. */
  name = g_strstrip (g_strdup (lia_entity_get_string (entity, LIA_MEMBER_NAME)));
  lia_entity_set_string (entity, LIA_MEMBER_NAME, name);
  for (guint d = 0; d < 7; d++)
    if (gtk_toggle_button_get_active (self->day_buttons[d]))
      g_strv_builder_add (days, day_keys[d]);
  day_list = g_strv_builder_end (days);
  lia_entity_set_strv (entity, LIA_MEMBER_WORK_DAYS, (const char * const *) day_list);

  g_signal_emit (self, signals[SAVED], 0, self->member);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
lia_member_dialog_dispose (GObject *object)
{
  LiaMemberDialog *self = LIA_MEMBER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEMBER_DIALOG);
  g_clear_object (&self->member);
  g_clear_object (&self->original);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  G_OBJECT_CLASS (lia_member_dialog_parent_class)->dispose (object);
}

static void
lia_member_dialog_class_init (LiaMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_member_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_MEMBER);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, city_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, city_list);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, city_group);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, zone_offset);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, clear_calendar);
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *id = g_strdup_printf ("day_button_%u", d);

      gtk_widget_class_bind_template_child_full (widget_class, id, FALSE,
                                                 G_STRUCT_OFFSET (LiaMemberDialog, day_buttons) + d * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
  gtk_widget_class_bind_template_callback (widget_class, lia_member_dialog_save);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, city_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, city_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_calendar_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_calendar_cb);
}

static void
lia_member_dialog_init (LiaMemberDialog *self)
{
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The days' names come from the locale, not from the template. */
  for (guint d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, d);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *long_name = g_date_time_format (day, "%A");

      gtk_button_set_label (GTK_BUTTON (self->day_buttons[d]), short_name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_buttons[d]), long_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_buttons[d]), GTK_ACCESSIBLE_PROPERTY_LABEL, long_name, -1);
    }
}

LiaMemberDialog *
lia_member_dialog_new (GtkWindow *parent,
                       LiaMember *member)
{
  LiaMemberDialog *self = g_object_new (LIA_TYPE_MEMBER_DIALOG,
                                        "transient-for", parent,
                                        "title", member ? _("Edit Member") : _("Add Member"),
                                        NULL);
  LiaEntity *entity;
  const char * const *days;

  self->original = member ? g_object_ref (member) : NULL;
  self->member = member ? LIA_MEMBER (lia_entity_copy (LIA_ENTITY (member), FALSE)) : lia_member_new ();
  entity = LIA_ENTITY (self->member);

  self->picking = TRUE;
  {
    const struct { AdwEntryRow *row; guint field; } fields[] = {
      { self->name_row, LIA_MEMBER_NAME },
      { self->role_row, LIA_MEMBER_ROLE },
      { self->city_row, LIA_MEMBER_CITY },
      { self->zone_row, LIA_MEMBER_TIMEZONE },
      { self->start_row, LIA_MEMBER_WORK_START },
      { self->end_row, LIA_MEMBER_WORK_END },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        LiaFieldBinding *binding = lia_bind_entry (GTK_EDITABLE (fields[i].row), NULL, entity, fields[i].field);

        /* “9:00” and “6 pm” are understood; the file keeps HH:MM. */
        if (fields[i].field == LIA_MEMBER_WORK_START || fields[i].field == LIA_MEMBER_WORK_END)
          lia_field_binding_set_parse (binding, lia_parse_user_time, NULL);
        g_signal_connect_object (binding, "notify::error", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
      }
  }
  g_signal_connect_object (entity, "notify", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  self->picking = FALSE;
  days = lia_entity_get_strv (entity, LIA_MEMBER_WORK_DAYS);
  for (guint d = 0; d < 7; d++)
    gtk_toggle_button_set_active (self->day_buttons[d], days && g_strv_contains (days, day_keys[d]));

  update_calendar_row (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

LiaMember *
lia_member_dialog_get_member (LiaMemberDialog *self)
{
  g_return_val_if_fail (LIA_IS_MEMBER_DIALOG (self), NULL);

  return self->member;
}

/* Returns: (nullable): the member being edited, NULL for a new one. */
LiaMember *
lia_member_dialog_get_original (LiaMemberDialog *self)
{
  g_return_val_if_fail (LIA_IS_MEMBER_DIALOG (self), NULL);

  return self->original;
}
