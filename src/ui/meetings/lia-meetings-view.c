/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-export.h"
#include "lia-meeting-plan.h"
#include "lia-meeting-templates.h"
#include "lia-meetings-view.h"
#include "lia-toast.h"

/* The workspace's meetings, upcoming then past, beside the editor of the
 * selected one; new meetings start from a template. */

struct _LiaMeetingsView
{
  GtkWidget         parent_instance;

  LiaWorkspace     *workspace;
  GPtrArray        *templates;     /* LiaMeeting: built-in, then the user's */
  guint             n_builtin;
  guint             rebuild_id;
  gint64            now;

  AdwLeaflet       *leaflet;
  GtkWidget        *list_pane;
  GtkListBox       *list;
  GtkStack         *list_stack;
  GtkWidget        *editor_pane;
  GtkStack         *editor_stack;
  LiaMeetingEditor *editor;
  GtkWidget        *back_button;
  GMenu            *template_menu;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (LiaMeetingsView, lia_meetings_view, GTK_TYPE_WIDGET)

static LiaHistory *
history (LiaMeetingsView *self)
{
  return lia_workspace_get_history (self->workspace);
}

static gboolean
writable (LiaMeetingsView *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

static LiaMeeting *
current (LiaMeetingsView *self)
{
  return lia_meeting_editor_get_meeting (self->editor);
}

/* ---- templates ---- */

static void
load_templates (LiaMeetingsView *self)
{
  g_autofree char *path = lia_meeting_templates_user_path ();
  g_autoptr(GPtrArray) user = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = lia_meeting_templates_builtin ();
  self->n_builtin = self->templates->len;
  user = lia_meeting_templates_load_user (path, &error);
  if (user == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; user != NULL && i < user->len; i++)
    g_ptr_array_add (self->templates, g_object_ref (g_ptr_array_index (user, i)));

  g_menu_remove_all (self->template_menu);
  {
    g_autoptr(GMenu) builtin = g_menu_new ();
    g_autoptr(GMenu) own = g_menu_new ();

    g_menu_append (builtin, _("Blank Meeting"), "meetings.new(-1)");
    for (guint i = 0; i < self->templates->len; i++)
      {
        g_autofree char *action = g_strdup_printf ("meetings.new(%u)", i);
        g_menu_append (i < self->n_builtin ? builtin : own,
                       lia_entity_get_string (g_ptr_array_index (self->templates, i), LIA_MEETING_TITLE), action);
      }
    g_menu_append_section (self->template_menu, NULL, G_MENU_MODEL (builtin));
    if (self->templates->len > self->n_builtin)
      g_menu_append_section (self->template_menu, _("Your Templates"), G_MENU_MODEL (own));
  }
}

GPtrArray *
lia_meetings_view_get_templates (LiaMeetingsView *self)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  return self->templates;
}

/* The next full hour, in the local zone when it is a named one. */
static void
next_hour (char **start,
           char **zone_id)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GTimeZone) named = g_time_zone_new_identifier (g_time_zone_get_identifier (local));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) hour = NULL;
  GTimeZone *zone;

  if (named != NULL && g_time_zone_get_identifier (named)[0] != '/' &&
      g_strcmp0 (g_time_zone_get_identifier (named), "localtime") != 0)
    {
      zone = named;
      *zone_id = g_strdup (g_time_zone_get_identifier (named));
    }
  else
    {
      zone = NULL;
      *zone_id = g_strdup ("UTC");
    }
  now = zone ? g_date_time_new_now (zone) : g_date_time_new_now_utc ();
  hour = g_date_time_add_minutes (now, 60 - g_date_time_get_minute (now));
  *start = g_date_time_format (hour, "%Y-%m-%dT%H:00");
}

LiaMeeting *
lia_meetings_view_new_meeting (LiaMeetingsView *self,
                               LiaMeeting      *template_)
{
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autofree char *start = NULL;
  g_autofree char *zone_id = NULL;
  GListModel *members;
  g_autoptr(GStrvBuilder) attendees = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  GListStore *meetings;

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  if (!writable (self))
    return NULL;

  next_hour (&start, &zone_id);
  if (template_ != NULL)
    meeting = lia_meeting_new_from_template (template_, start, zone_id);
  else
    {
      meeting = lia_meeting_new ();
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, _("New meeting"));
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, zone_id);
    }

  /* Everyone is invited to start with. */
  members = G_LIST_MODEL (lia_workspace_get_members (self->workspace));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);
      g_strv_builder_add (attendees, lia_entity_get_id (member));
    }
  ids = g_strv_builder_end (attendees);
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES, (const char * const *) ids);

  meetings = lia_workspace_get_meetings (self->workspace);
  lia_history_begin (history (self), _("New meeting"));
  lia_history_insert (history (self), meetings, g_list_model_get_n_items (G_LIST_MODEL (meetings)), meeting);
  lia_history_end (history (self));
  lia_meetings_view_select (self, meeting);
  return meeting;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (widget);
  int index = g_variant_get_int32 (param);

  lia_meetings_view_new_meeting (self, index >= 0 && (guint) index < self->templates->len
                                       ? g_ptr_array_index (self->templates, index) : NULL);
}

static gboolean
unparent_idle_cb (gpointer data)
{
  gtk_widget_unparent (GTK_WIDGET (data));
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
template_popover_closed_cb (GtkPopover *popover)
{
  /* After the chosen item's action has run. */
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

static void
template_chosen_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  LiaMeetingsView *self = user_data;
  int index = g_variant_get_int32 (param);

  lia_meetings_view_new_meeting (self, index >= 0 && (guint) index < self->templates->len
                                       ? g_ptr_array_index (self->templates, index) : NULL);
}

/**
 * lia_meetings_view_choose_template:
 * @anchor: the widget the menu hangs from (the header's +)
 *
 * Offers the templates (Blank Meeting first) in a menu at @anchor; the
 * chosen one makes the new meeting. The menu carries its own
 * "meetings.new" so it works wherever @anchor sits.
 *
 * Returns: (transfer none): the menu, shown
 */
GtkPopover *
lia_meetings_view_choose_template (LiaMeetingsView *self,
                                   GtkWidget       *anchor)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("new", G_VARIANT_TYPE_INT32);
  GtkWidget *popover;

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (anchor), NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (template_chosen_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->template_menu));
  gtk_widget_insert_action_group (popover, "meetings", G_ACTION_GROUP (group));
  gtk_widget_set_parent (popover, anchor);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect (popover, "closed", G_CALLBACK (template_popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  return GTK_POPOVER (popover);
}

gboolean
lia_meetings_view_save_as_template (LiaMeetingsView  *self,
                                    GError          **error)
{
  g_autofree char *path = lia_meeting_templates_user_path ();

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), FALSE);

  if (current (self) == NULL)
    return FALSE;
  if (!lia_meeting_templates_save_user (path, current (self), error))
    return FALSE;
  load_templates (self);
  return TRUE;
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (lia_meetings_view_save_as_template (self, &error))
    lia_show_toast (GTK_WIDGET (self), _("Saved as a template"));
  else if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the template: %s"), error->message);
      lia_show_toast (GTK_WIDGET (self), text);
    }
}

void
lia_meetings_view_delete_meeting (LiaMeetingsView *self)
{
  GListStore *meetings;
  guint position;
  g_autofree char *title = NULL;

  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));

  if (!writable (self) || current (self) == NULL)
    return;
  meetings = lia_workspace_get_meetings (self->workspace);
  if (!g_list_store_find (meetings, current (self), &position))
    return;
  /* Translators: shown with Undo after a meeting was deleted */
  title = g_strdup_printf (_("Deleted “%s”"), lia_entity_get_string (LIA_ENTITY (current (self)), LIA_MEETING_TITLE));
  lia_history_begin (history (self), _("Delete meeting"));
  lia_history_remove (history (self), meetings, position);
  lia_history_end (history (self));
  lia_show_undo_toast (GTK_WIDGET (self), title);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  lia_meetings_view_delete_meeting (LIA_MEETINGS_VIEW (widget));
}

/* ---- export ---- */

static void
export_response_cb (LiaMeetingsView      *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  LiaExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_clear_object (&self->chooser);
  if (file == NULL || current (self) == NULL)
    return;

  text = lia_export_meeting (current (self), G_LIST_MODEL (lia_workspace_get_members (self->workspace)), format, &error);
  if (text == NULL ||
      !g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the meeting: %s"), error->message);
      lia_show_toast (GTK_WIDGET (self), message);
      return;
    }
  lia_show_toast (GTK_WIDGET (self), _("Meeting exported"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (widget);
  const char *kind = g_variant_get_string (param, NULL);
  gboolean ics = g_str_equal (kind, "ics");
  g_autofree char *name = NULL;
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (current (self) == NULL)
    return;
  name = g_strdup_printf ("%s.%s", lia_entity_get_string (LIA_ENTITY (current (self)), LIA_MEETING_TITLE), ics ? "ics" : "md");
  g_strdelimit (name, "/\\", '-');
  gtk_file_filter_set_name (filter, ics ? _("iCalendar files") : _("Markdown files"));
  gtk_file_filter_add_suffix (filter, ics ? "ics" : "md");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->chooser = gtk_file_chooser_native_new (ics ? _("Export Meeting as iCalendar") : _("Export Meeting as Markdown"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_unref (filter);
  g_object_set_data (G_OBJECT (self->chooser), "format", GINT_TO_POINTER (ics ? LIA_EXPORT_ICALENDAR : LIA_EXPORT_MARKDOWN));
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- run mode ---- */

typedef struct
{
  LiaMeetingsView *view;
  LiaMeeting      *meeting;
  LiaMeetingRun   *run;
  guint            tick_id;
  GtkLabel        *item_label;
  GtkLabel        *owners_label;
  GtkLabel        *remaining_label;
  GtkLabel        *drift_label;
  GtkLabel        *progress_label;
  GtkWidget       *next_button;
  gboolean         recorded;
} Run;

static gint64
run_now (void)
{
  return g_get_monotonic_time () / G_USEC_PER_SEC;
}

static char *
clock_text (gint64 seconds)
{
  gint64 s = ABS (seconds);
  return g_strdup_printf ("%02lld:%02lld", (long long) (s / 60), (long long) (s % 60));
}

static void
run_update (Run *r)
{
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (r->meeting), LIA_MEETING_AGENDA));
  gint64 now = run_now ();
  g_autofree char *remaining = NULL;
  g_autofree char *drift = NULL;
  g_autofree char *progress = NULL;
  gint64 left, behind;

  if (r->run->current >= r->run->n_items)
    {
      gtk_label_set_label (r->item_label, _("The meeting is over"));
      gtk_label_set_label (r->owners_label, "");
      gtk_label_set_label (r->remaining_label, "");
      gtk_widget_set_sensitive (r->next_button, FALSE);
    }
  else
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, r->run->current);
      const char * const *owners = lia_entity_get_strv (item, LIA_AGENDA_ITEM_OWNERS);
      g_autofree char *owner_text = owners ? g_strjoinv (_(", "), (char **) owners) : g_strdup ("");
      g_autofree char *clock = NULL;

      left = lia_meeting_run_remaining (r->run, now);
      clock = clock_text (left);
      gtk_label_set_label (r->item_label, lia_entity_get_string (item, LIA_AGENDA_ITEM_TITLE));
      gtk_label_set_label (r->owners_label, owner_text);
      /* Translators: time left in the current agenda item, mm:ss */
      remaining = left >= 0 ? g_strdup_printf (_("%s left"), clock) : g_strdup_printf (_("%s over"), clock);
      gtk_label_set_label (r->remaining_label, remaining);
      if (left < 0)
        gtk_widget_add_css_class (GTK_WIDGET (r->remaining_label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (r->remaining_label), "error");
      /* Translators: the position in the agenda */
      progress = g_strdup_printf (_("Item %u of %u"), r->run->current + 1, r->run->n_items);
      gtk_label_set_label (r->progress_label, progress);
    }

  behind = lia_meeting_run_drift (r->run, now);
  if (behind > 59)
    drift = g_strdup_printf (_("%lld min behind the plan"), (long long) (behind / 60));
  else if (behind < -59)
    drift = g_strdup_printf (_("%lld min ahead of the plan"), (long long) (-behind / 60));
  else
    drift = g_strdup (_("On time"));
  gtk_label_set_label (r->drift_label, drift);
}

static gboolean
run_tick_cb (gpointer data)
{
  run_update (data);
  return G_SOURCE_CONTINUE;
}

/* The finished items' actual minutes go into the agenda, as one step of
 * the history. */
static void
run_record (Run *r)
{
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (r->meeting), LIA_MEETING_AGENDA));
  LiaHistory *h;

  if (r->recorded || r->run->current == 0 || r->view->workspace == NULL || !writable (r->view))
    return;
  r->recorded = TRUE;
  h = history (r->view);
  lia_history_begin (h, _("Record actual times"));
  for (guint i = 0; i < r->run->current && i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
      lia_history_set_int (h, item, LIA_AGENDA_ITEM_ACTUAL, r->run->actual[i]);
    }
  lia_history_end (h);
}

static void
run_next_cb (Run *r)
{
  lia_meeting_run_advance (r->run, run_now ());
  if (r->run->current >= r->run->n_items)
    run_record (r);
  run_update (r);
}

static void
run_free (gpointer data)
{
  Run *r = data;

  run_record (r);
  g_clear_handle_id (&r->tick_id, g_source_remove);
  lia_meeting_run_free (r->run);
  g_object_unref (r->meeting);
  g_object_unref (r->view);
  g_free (r);
}

static GtkLabel *
run_label (GtkWidget  *box,
           const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

GtkWindow *
lia_meetings_view_run (LiaMeetingsView *self)
{
  Run *r;
  GtkWidget *window, *outer, *box, *header, *buttons, *finish;

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  if (current (self) == NULL || !writable (self))
    return NULL;

  r = g_new0 (Run, 1);
  r->view = g_object_ref (self);
  r->meeting = g_object_ref (current (self));
  r->run = lia_meeting_run_new (r->meeting, run_now ());

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), lia_entity_get_string (LIA_ENTITY (r->meeting), LIA_MEETING_TITLE));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 420);
  gtk_widget_set_size_request (window, 320, -1);
  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (outer), header);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_vexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (outer), box);
  r->progress_label = run_label (box, "dim-label");
  r->item_label = run_label (box, "title-2");
  r->owners_label = run_label (box, "dim-label");
  r->remaining_label = run_label (box, "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (r->remaining_label), "numeric");
  r->drift_label = run_label (box, NULL);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 18);
  r->next_button = gtk_button_new_with_mnemonic (_("_Next Item"));
  gtk_widget_add_css_class (r->next_button, "suggested-action");
  gtk_widget_add_css_class (r->next_button, "pill");
  finish = gtk_button_new_with_mnemonic (_("_Finish"));
  gtk_widget_add_css_class (finish, "pill");
  gtk_box_append (GTK_BOX (buttons), finish);
  gtk_box_append (GTK_BOX (buttons), r->next_button);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_window_set_content (ADW_WINDOW (window), outer);

  g_signal_connect_swapped (r->next_button, "clicked", G_CALLBACK (run_next_cb), r);
  g_signal_connect_swapped (finish, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_object_set_data_full (G_OBJECT (window), "run", r, run_free);
  r->tick_id = g_timeout_add_seconds (1, run_tick_cb, r);
  run_update (r);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (r->next_button);
  return GTK_WINDOW (window);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  lia_meetings_view_run (LIA_MEETINGS_VIEW (widget));
}

/* ---- the list ---- */

static gint64
start_of (LiaMeeting *meeting)
{
  gint64 t = 0;

  lia_meeting_get_start_instant (meeting, &t, NULL);
  return t;
}

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       data)
{
  LiaMeetingsView *self = data;
  gint64 x = start_of (g_object_get_data (G_OBJECT (a), "meeting"));
  gint64 y = start_of (g_object_get_data (G_OBJECT (b), "meeting"));
  gboolean xu = x >= self->now, yu = y >= self->now;

  /* Upcoming first, soonest first; then past, latest first. */
  if (xu != yu)
    return xu ? -1 : 1;
  if (xu)
    return x < y ? -1 : x > y;
  return x > y ? -1 : x < y;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  LiaMeetingsView *self = data;
  gboolean upcoming = start_of (g_object_get_data (G_OBJECT (row), "meeting")) >= self->now;
  gboolean before_upcoming = before && start_of (g_object_get_data (G_OBJECT (before), "meeting")) >= self->now;
  GtkWidget *label;

  if (before != NULL && before_upcoming == upcoming)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (upcoming ? _("Upcoming") : _("Past"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static GtkWidget *
meeting_row (LiaMeeting *meeting)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE));
  g_autofree char *when = NULL;
  GtkWidget *subtitle;
  gint64 t;

  if (lia_meeting_get_start_instant (meeting, &t, NULL))
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE));
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
      g_autofree char *date = g_date_time_format (local, _("%a %e %b %Y, %H:%M"));
      when = g_strdup_printf ("%s · %s", date, lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE));
    }
  subtitle = gtk_label_new (when ? when : lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_START));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "meeting", g_object_ref (meeting), g_object_unref);
  return row;
}

static void
update_actions (LiaMeetingsView *self)
{
  gboolean selected = current (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.run", selected && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.delete", selected && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.export", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.save-template", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", writable (self));
}

static void
rebuild_list (LiaMeetingsView *self)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (self->workspace));
  LiaMeeting *selected = current (self);
  gboolean still_there = FALSE;
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaMeeting) meeting = g_list_model_get_item (meetings, i);
      GtkWidget *row = meeting_row (meeting);

      gtk_list_box_append (self->list, row);
      if (meeting == selected)
        {
          still_there = TRUE;
          gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        }
    }
  gtk_list_box_invalidate_sort (self->list);
  gtk_list_box_invalidate_headers (self->list);
  gtk_stack_set_visible_child_name (self->list_stack, g_list_model_get_n_items (meetings) ? "list" : "empty");

  if (!still_there && selected != NULL)
    lia_meeting_editor_set_meeting (self->editor, NULL);
  gtk_stack_set_visible_child_name (self->editor_stack, current (self) ? "editor" : "none");
  update_actions (self);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  LiaMeetingsView *self = data;

  self->rebuild_id = 0;
  rebuild_list (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (LiaMeetingsView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
row_selected_cb (LiaMeetingsView *self,
                 GtkListBoxRow   *row)
{
  LiaMeeting *meeting = row ? g_object_get_data (G_OBJECT (row), "meeting") : NULL;

  if (meeting == NULL || meeting == current (self))
    return;
  lia_meeting_editor_set_meeting (self->editor, meeting);
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  update_actions (self);
}

static void
row_activated_cb (LiaMeetingsView *self,
                  GtkListBoxRow   *row)
{
  row_selected_cb (self, row);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

void
lia_meetings_view_select (LiaMeetingsView *self,
                          LiaMeeting      *meeting)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));

  lia_meeting_editor_set_meeting (self->editor, meeting);
  rebuild_list (self);
  if (meeting != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
back_cb (LiaMeetingsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

LiaMeetingEditor *
lia_meetings_view_get_editor (LiaMeetingsView *self)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  return self->editor;
}

/* ---- widget ---- */

static GtkWidget *
build_list_pane (LiaMeetingsView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *new_button = gtk_menu_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();

  gtk_widget_set_size_request (pane, 260, -1);
  gtk_widget_set_hexpand (pane, FALSE);
  self->template_menu = g_menu_new ();
  /* The header's + is the page's one way to add a meeting (it offers the
   * templates); the empty list has its own button, as on every page. */
  gtk_menu_button_set_label (GTK_MENU_BUTTON (new_button), _("_New Meeting"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (new_button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (new_button), G_MENU_MODEL (self->template_menu));
  gtk_widget_set_tooltip_text (new_button, _("Start a meeting from a template"));
  gtk_widget_set_halign (new_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (new_button, "pill");
  gtk_widget_add_css_class (new_button, "suggested-action");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meetings"), -1);
  gtk_list_box_set_sort_func (self->list, compare_rows, self, NULL);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Meetings"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Start one from a template: a timed agenda, roles and an evaluation."));
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), new_button);
  gtk_widget_add_css_class (empty, "compact");

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  gtk_stack_add_named (self->list_stack, empty, "empty");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->list_stack));
  return pane;
}

static GtkWidget *
build_editor_pane (LiaMeetingsView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *run = gtk_button_new_with_mnemonic (_("_Run"));
  GtkWidget *more = gtk_menu_button_new ();
  GtkWidget *none = adw_status_page_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_hexpand (pane, TRUE);
  gtk_widget_set_size_request (pane, 340, -1);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to Meetings"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to Meetings"), -1);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_cb), self);
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (bar), self->back_button);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (run), "meetings.run");
  gtk_widget_set_tooltip_text (run, _("Run the meeting: the current item, time left and time over"));
  gtk_box_append (GTK_BOX (bar), run);

  g_menu_append (menu, _("Export as _Markdown…"), "meetings.export('md')");
  g_menu_append (menu, _("Export as _iCalendar…"), "meetings.export('ics')");
  g_menu_append (menu, _("Save as _Template"), "meetings.save-template");
  g_menu_append (menu, _("_Delete Meeting"), "meetings.delete");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, _("Meeting Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meeting Menu"), -1);
  gtk_box_append (GTK_BOX (bar), more);
  gtk_box_append (GTK_BOX (pane), bar);

  self->editor = LIA_MEETING_EDITOR (g_object_new (LIA_TYPE_MEETING_EDITOR, NULL));
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Meeting Selected"));
  self->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor_stack), TRUE);
  gtk_stack_add_named (self->editor_stack, GTK_WIDGET (self->editor), "editor");
  gtk_stack_add_named (self->editor_stack, none, "none");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->editor_stack));
  return pane;
}

static void
lia_meetings_view_dispose (GObject *object)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->chooser);
  if (self->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->template_menu);
  G_OBJECT_CLASS (lia_meetings_view_parent_class)->dispose (object);
}

static void
lia_meetings_view_class_init (LiaMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meetings_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "meetings.new", "i", new_action);
  gtk_widget_class_install_action (widget_class, "meetings.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "meetings.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "meetings.delete", NULL, delete_action);
}

static void
lia_meetings_view_init (LiaMeetingsView *self)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_transition_type (self->leaflet, ADW_LEAFLET_TRANSITION_TYPE_SLIDE);
  self->list_pane = build_list_pane (self);
  self->editor_pane = build_editor_pane (self);
  adw_leaflet_append (self->leaflet, self->list_pane);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);
  adw_leaflet_append (self->leaflet, self->editor_pane);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));
  load_templates (self);
  update_actions (self);
}

void
lia_meetings_view_set_workspace (LiaMeetingsView *self,
                                 LiaWorkspace    *workspace)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_meetings (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
    }
  lia_meeting_editor_set_workspace (self->editor, workspace);
  g_set_object (&self->workspace, workspace);
  if (workspace == NULL)
    return;
  g_signal_connect_object (lia_workspace_get_meetings (workspace), "items-changed",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  rebuild_list (self);
}
