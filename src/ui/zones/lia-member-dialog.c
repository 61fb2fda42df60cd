/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-member-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-calendar-source.h"
#include "lia-city-search.h"
#include "lia-credentials.h"
#include "lia-field-binding.h"
#include "lia-member-dialog.h"
#include "lia-slots.h"
#include "lia-tz-names.h"

/* A team member: name and role, a city found in libgweather's database
 * (which gives the IANA zone) or a zone typed directly, working hours and
 * days, and busy times: none, imported from an .ics file, or read live
 * from a subscription address or a CalDAV calendar (found on the server
 * with the user's password, which goes to the keyring through the caller,
 * never into the member). */

#define CITY_RESULTS 8

/* The rows of source_row, in order. */
typedef enum
{
  SOURCE_NONE,
  SOURCE_FILE,
  SOURCE_SUBSCRIPTION,
  SOURCE_CALDAV,
} SourceMode;

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

  /* Busy times from a live calendar; written to the copy on Save. */
  AdwComboRow     *source_row;
  AdwEntryRow     *url_row;
  AdwActionRow    *url_shown_row;
  AdwEntryRow     *server_row;
  AdwEntryRow     *user_row;
  AdwEntryRow     *password_row;
  AdwActionRow    *find_row;
  GtkWidget       *find_spinner;
  GtkWidget       *find_cancel;
  GtkWidget       *find_button;
  AdwComboRow     *caldav_row;
  GtkStringList   *caldav_names;
  GtkLabel        *source_error;
  char            *subscription;    /* an accepted address, or NULL */
  gboolean         editing_url;
  char            *caldav_source;   /* "caldav:" + the chosen calendar */
  char            *caldav_user;
  GPtrArray       *calendars;       /* LiaCaldavCalendar, as found */
  GCancellable    *finding;
  LiaHttp         *http;
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

  switch (adw_combo_row_get_selected (self->source_row))
    {
    case SOURCE_SUBSCRIPTION:
      refused |= self->subscription == NULL;
      break;
    case SOURCE_CALDAV:
      refused |= self->caldav_source == NULL;
      break;
    default:
      break;
    }

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

/* Live calendars */

static void
show_source_error (LiaMemberDialog *self,
                   const char      *text)
{
  gtk_label_set_label (self->source_error, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_error), text != NULL);
}

static void
update_source_rows (LiaMemberDialog *self)
{
  SourceMode mode = adw_combo_row_get_selected (self->source_row);
  gboolean caldav = mode == SOURCE_CALDAV;
  gboolean finding = self->finding != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->calendar_row), mode == SOURCE_FILE);
  gtk_widget_set_visible (GTK_WIDGET (self->url_row),
                          mode == SOURCE_SUBSCRIPTION && (self->subscription == NULL || self->editing_url));
  gtk_widget_set_visible (GTK_WIDGET (self->url_shown_row),
                          mode == SOURCE_SUBSCRIPTION && self->subscription != NULL && !self->editing_url);
  if (self->subscription != NULL)
    {
      g_autofree char *shown = lia_calendar_source_mask (self->subscription);
      adw_action_row_set_subtitle (self->url_shown_row, shown);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->server_row), caldav);
  gtk_widget_set_visible (GTK_WIDGET (self->user_row), caldav);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), caldav);
  gtk_widget_set_visible (GTK_WIDGET (self->find_row), caldav);
  gtk_widget_set_visible (GTK_WIDGET (self->caldav_row),
                          caldav && g_list_model_get_n_items (G_LIST_MODEL (self->caldav_names)) > 0);
  gtk_widget_set_visible (self->find_spinner, finding);
  gtk_spinner_set_spinning (GTK_SPINNER (self->find_spinner), finding);
  gtk_widget_set_visible (self->find_cancel, finding);
  gtk_widget_set_sensitive (self->find_button, !finding);
  if (mode != SOURCE_SUBSCRIPTION && mode != SOURCE_CALDAV)
    show_source_error (self, NULL);
}

static void
source_selected_cb (LiaMemberDialog *self)
{
  show_source_error (self, NULL);
  update_source_rows (self);
  validate (self);
}

/* An address the engine reads, over https (plain http only to this
 * computer, where a test or a local server listens). */
static gboolean
check_address (const char  *text,
               GError     **error)
{
  g_autofree char *url = NULL;

  if (lia_calendar_source_kind (text) != LIA_CALENDAR_SOURCE_SUBSCRIPTION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("This is not a calendar address: give the address that starts with https:// or webcal://."));
      return FALSE;
    }
  url = lia_calendar_source_to_url (text);
  if (!lia_http_check_url (url, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Plain http:// is only for a server on this computer: use https://."));
      return FALSE;
    }
  return TRUE;
}

static void
url_apply_cb (LiaMemberDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autoptr(GError) error = NULL;

  if (!check_address (text, &error))
    {
      show_source_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  show_source_error (self, NULL);
  g_free (self->subscription);
  self->subscription = g_steal_pointer (&text);
  self->editing_url = FALSE;
  /* Shown masked from now on: the address is the calendar's password. */
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  update_source_rows (self);
  validate (self);
}

static void
url_change_cb (LiaMemberDialog *self)
{
  self->editing_url = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), self->subscription ? self->subscription : "");
  update_source_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

static void
caldav_selected_cb (LiaMemberDialog *self)
{
  guint i = adw_combo_row_get_selected (self->caldav_row);
  LiaCaldavCalendar *calendar;

  /* Before a search the list holds only the member's current calendar. */
  if (self->calendars == NULL || i >= self->calendars->len)
    return;
  calendar = g_ptr_array_index (self->calendars, i);
  g_free (self->caldav_source);
  self->caldav_source = g_strconcat ("caldav:", calendar->url, NULL);
  g_free (self->caldav_user);
  self->caldav_user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  validate (self);
}

static void
discovered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LiaMemberDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = lia_caldav_discover_finish (result, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  /* Cancelled: by the Stop button, which has reset the rows, or by the
   * dialog going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->finding);
  if (calendars == NULL)
    {
      /* Translators: %s says why, like “calendar not found (404)” */
      g_autofree char *text = g_strdup_printf (_("No calendars found: %s"), error->message);
      show_source_error (self, text);
      update_source_rows (self);
      return;
    }
  if (calendars->len == 0)
    show_source_error (self, _("The server lists no calendar with events for this user."));
  else
    show_source_error (self, NULL);

  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  self->calendars = g_steal_pointer (&calendars);
  for (guint i = 0; i < self->calendars->len; i++)
    g_ptr_array_add (names, ((LiaCaldavCalendar *) g_ptr_array_index (self->calendars, i))->name);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->caldav_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->caldav_names)),
                          (const char * const *) names->pdata);
  update_source_rows (self);
  /* The first is chosen (splicing may not change the selection). */
  if (self->calendars->len > 0)
    {
      adw_combo_row_set_selected (self->caldav_row, 0);
      caldav_selected_cb (self);
    }
}

static void
discover (LiaMemberDialog *self,
          const char      *password)
{
  g_autofree char *server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));

  if (self->http == NULL)
    self->http = lia_http_new ();
  lia_caldav_discover_async (self->http, server, user, password != NULL && password[0] ? password : NULL,
                             self->finding, discovered_cb, g_object_ref (self));
}

static void
stored_secret_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiaMemberDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = lia_credentials_lookup_calendar_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  discover (self, secret);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
}

static void
find_clicked_cb (LiaMemberDialog *self)
{
  g_autofree char *server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if ((!g_str_has_prefix (server, "https://") && !g_str_has_prefix (server, "http://")) ||
      !lia_http_check_url (server, NULL))
    {
      show_source_error (self, _("Give the CalDAV server’s address, starting with https://."));
      return;
    }
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  self->finding = g_cancellable_new ();
  show_source_error (self, NULL);
  /* No password typed for a member whose calendar is set: the one kept
   * in the keyring for it, so that another calendar of the same account
   * can be chosen without typing it again. */
  if (password[0] == '\0' && self->original != NULL &&
      lia_calendar_source_kind (lia_entity_get_string (LIA_ENTITY (self->original), LIA_MEMBER_BUSY_SOURCE)) == LIA_CALENDAR_SOURCE_CALDAV)
    lia_credentials_lookup_calendar_async (lia_entity_get_id (LIA_ENTITY (self->original)),
                                           lia_entity_get_string (LIA_ENTITY (self->original), LIA_MEMBER_BUSY_SOURCE),
                                           self->finding, stored_secret_cb, g_object_ref (self));
  else
    discover (self, password);
  update_source_rows (self);
}

static void
find_cancel_cb (LiaMemberDialog *self)
{
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  update_source_rows (self);
}

/* The member's source as the rows show it when the dialog opens. */
static void
read_source (LiaMemberDialog *self)
{
  LiaEntity *entity = LIA_ENTITY (self->member);
  const char *source = lia_entity_get_string (entity, LIA_MEMBER_BUSY_SOURCE);
  const char *ics = lia_entity_get_string (entity, LIA_MEMBER_BUSY_CALENDAR);
  SourceMode mode = ics != NULL && ics[0] != '\0' ? SOURCE_FILE : SOURCE_NONE;

  switch (lia_calendar_source_kind (source))
    {
    case LIA_CALENDAR_SOURCE_SUBSCRIPTION:
      mode = SOURCE_SUBSCRIPTION;
      self->subscription = g_strdup (source);
      break;
    case LIA_CALENDAR_SOURCE_CALDAV:
      {
        g_autofree char *url = lia_calendar_source_to_url (source);
        g_autofree char *shown = lia_calendar_source_mask (source);
        const char *items[] = { g_str_has_prefix (shown, "caldav:") ? shown + strlen ("caldav:") : shown, NULL };

        mode = SOURCE_CALDAV;
        self->caldav_source = g_strdup (source);
        self->caldav_user = g_strdup (lia_entity_get_string (entity, LIA_MEMBER_BUSY_USER));
        gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
        gtk_editable_set_text (GTK_EDITABLE (self->user_row), self->caldav_user);
        gtk_string_list_splice (self->caldav_names, 0, 0, items);
      }
      break;
    case LIA_CALENDAR_SOURCE_NONE:
    case LIA_CALENDAR_SOURCE_INVALID:
    default:
      break;
    }
  adw_combo_row_set_selected (self->source_row, mode);
  update_source_rows (self);
}

static void
write_source (LiaMemberDialog *self)
{
  LiaEntity *entity = LIA_ENTITY (self->member);
  const char *source = "";
  const char *user = "";

  switch (adw_combo_row_get_selected (self->source_row))
    {
    case SOURCE_NONE:
      lia_entity_set_string (entity, LIA_MEMBER_BUSY_CALENDAR, "");
      break;
    case SOURCE_SUBSCRIPTION:
      source = self->subscription;
      break;
    case SOURCE_CALDAV:
      source = self->caldav_source;
      user = self->caldav_user ? self->caldav_user : "";
      break;
    case SOURCE_FILE:
    default:
      break;
    }
  lia_entity_set_string (entity, LIA_MEMBER_BUSY_SOURCE, source);
  lia_entity_set_string (entity, LIA_MEMBER_BUSY_USER, user);
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
  write_source (self);

  g_signal_emit (self, signals[SAVED], 0, self->member);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
lia_member_dialog_dispose (GObject *object)
{
  LiaMemberDialog *self = LIA_MEMBER_DIALOG (object);

  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEMBER_DIALOG);
  g_clear_object (&self->http);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  g_clear_pointer (&self->subscription, g_free);
  g_clear_pointer (&self->caldav_source, g_free);
  g_clear_pointer (&self->caldav_user, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, url_shown_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, find_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, find_spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, find_cancel);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, find_button);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, caldav_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, caldav_names);
  gtk_widget_class_bind_template_child (widget_class, LiaMemberDialog, source_error);
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
  gtk_widget_class_bind_template_callback (widget_class, source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_change_cb);
  gtk_widget_class_bind_template_callback (widget_class, caldav_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_cancel_cb);
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
  read_source (self);
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

/* Returns: (nullable): the CalDAV password or token typed for the chosen
 * calendar, for the caller to keep in the keyring on "saved". */
const char *
lia_member_dialog_get_secret (LiaMemberDialog *self)
{
  const char *password;

  g_return_val_if_fail (LIA_IS_MEMBER_DIALOG (self), NULL);

  if (adw_combo_row_get_selected (self->source_row) != SOURCE_CALDAV || self->caldav_source == NULL)
    return NULL;
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  return password[0] != '\0' ? password : NULL;
}
