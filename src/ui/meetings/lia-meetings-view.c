/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-export.h"
#include "lia-meeting-list-row.h"
#include "lia-meeting-plan.h"
#include "lia-meeting-templates.h"
#include "lia-meetings-view.h"
#include "lia-meetings-view-private.h"
#include "lia-run-window.h"
#include "lia-split-page.h"
#include "lia-toast.h"

/* The workspace's meetings, upcoming then past, beside the editor of the
 * selected one; new meetings start from a template.
 *
 * The list is bound to the workspace's meetings through a sort model, so
 * an insert or a removal touches one row and the selection, the focus
 * and the scroll position stay where they are. Upcoming and past are
 * split at self->now, the page's one clock (tests fix it). */

struct _LiaMeetingsView
{
  GtkWidget         parent_instance;

  LiaWorkspace     *workspace;
  GPtrArray        *templates;     /* LiaMeeting: built-in, then the user's */
  guint             n_builtin;
  gint64            now;           /* unix seconds: upcoming is start >= now */
  gint64            fixed_now;     /* 0: the real clock */
  GtkSortListModel *sorted;
  GtkCustomSorter  *sorter;
  GtkFileChooserNative *chooser;
  LiaExportFormat   export_format;

  /* template children */
  LiaSplitPage     *split;
  GtkStack         *list_stack;
  GtkScrolledWindow *list_scroller;
  GtkListBox       *list;
  GtkStack         *editor_stack;
  LiaMeetingEditor *editor;
  GMenu            *template_menu;
};

static void lia_meetings_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaMeetingsView, lia_meetings_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_meetings_view_area_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
};

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

  text = lia_export_meeting (current (self), G_LIST_MODEL (lia_workspace_get_members (self->workspace)), self->export_format, &error);
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
  self->export_format = ics ? LIA_EXPORT_ICALENDAR : LIA_EXPORT_MARKDOWN;
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- run mode ---- */

/**
 * lia_meetings_view_run:
 *
 * Opens a #LiaRunWindow on the selected meeting; it records the actual
 * times in the workspace's history when the run ends.
 *
 * Returns: (transfer none) (nullable): the window, shown
 */
GtkWindow *
lia_meetings_view_run (LiaMeetingsView *self)
{
  GtkWidget *window;

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  if (current (self) == NULL || !writable (self))
    return NULL;

  window = lia_run_window_new (current (self), history (self));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (window));
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
compare_meetings (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  LiaMeetingsView *self = data;
  gint64 x = start_of ((LiaMeeting *) a);
  gint64 y = start_of ((LiaMeeting *) b);
  gboolean xu = x >= self->now, yu = y >= self->now;

  /* Upcoming first, soonest first; then past, latest first. */
  if (xu != yu)
    return xu ? -1 : 1;
  if (xu)
    return x < y ? -1 : x > y;
  return x > y ? -1 : x < y;
}

static gboolean
row_upcoming (LiaMeetingsView *self,
              GtkListBoxRow   *row)
{
  return start_of (lia_meeting_list_row_get_meeting (LIA_MEETING_LIST_ROW (row))) >= self->now;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  LiaMeetingsView *self = data;
  gboolean upcoming = row_upcoming (self, row);
  const char *text = upcoming ? _("Upcoming") : _("Past");
  GtkWidget *label = gtk_list_box_row_get_header (row);

  if (before != NULL && row_upcoming (self, before) == upcoming)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (GTK_IS_LABEL (label) && g_str_equal (gtk_label_get_label (GTK_LABEL (label)), text))
    return;
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  return lia_meeting_list_row_new (item);
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

static GtkListBoxRow *
row_of (LiaMeetingsView *self,
        LiaMeeting      *meeting)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  for (guint i = 0; meeting != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaMeeting) item = g_list_model_get_item (model, i);
      if (item == meeting)
        return gtk_list_box_get_row_at_index (self->list, i);
    }
  return NULL;
}

/* After the list changed: the editor lets go of a deleted meeting, and
 * the selected meeting's row (new when the sort moved it) is selected. */
static void
sync_selection (LiaMeetingsView *self)
{
  GListModel *meetings = gtk_sort_list_model_get_model (self->sorted);
  GtkListBoxRow *row;

  if (current (self) != NULL &&
      (meetings == NULL || !g_list_store_find (G_LIST_STORE (meetings), current (self), NULL)))
    lia_meeting_editor_set_meeting (self->editor, NULL);

  row = row_of (self, current (self));
  if (row == NULL)
    gtk_list_box_unselect_all (self->list);
  else if (gtk_list_box_get_selected_row (self->list) != row)
    gtk_list_box_select_row (self->list, row);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->editor_stack, current (self) ? "editor" : "none");
  update_actions (self);
}

/* Re-sorts only when an edit (a new start) or the clock (a meeting that
 * is now past) changed the order: a re-sort makes new rows. */
static void
check_order (LiaMeetingsView *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  gint64 now = self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
  gboolean sorted = TRUE;
  gboolean split_moved = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaMeeting) meeting = g_list_model_get_item (model, i);
      gint64 t = start_of (meeting);

      if ((t >= self->now) != (t >= now))
        split_moved = TRUE;
      if (i + 1 < n)
        {
          g_autoptr(LiaMeeting) next = g_list_model_get_item (model, i + 1);
          if (compare_meetings (meeting, next, self) > 0)
            sorted = FALSE;
        }
    }
  self->now = now;
  if (split_moved || !sorted)
    {
      gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
      gtk_list_box_invalidate_headers (self->list);
      sync_selection (self);
    }
}

static void
history_changed_cb (LiaMeetingsView *self)
{
  check_order (self);
  update_actions (self);
}

static void
row_selected_cb (LiaMeetingsView *self,
                 GtkListBoxRow   *row)
{
  LiaMeeting *meeting = row ? lia_meeting_list_row_get_meeting (LIA_MEETING_LIST_ROW (row)) : NULL;

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
  lia_split_page_set_show_content (self->split, TRUE);
}

void
lia_meetings_view_select (LiaMeetingsView *self,
                          LiaMeeting      *meeting)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  lia_meeting_editor_set_meeting (self->editor, meeting);
  sync_selection (self);
  if (meeting != NULL)
    lia_split_page_set_show_content (self->split, TRUE);
}

LiaMeetingEditor *
lia_meetings_view_get_editor (LiaMeetingsView *self)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  return self->editor;
}

GtkListBox *
lia_meetings_view_get_list (LiaMeetingsView *self)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  return self->list;
}

void
lia_meetings_view_set_now (LiaMeetingsView *self,
                           gint64           now)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));

  self->fixed_now = now;
  check_order (self);
}

/* ---- widget ---- */

void
lia_meetings_view_set_workspace (LiaMeetingsView *self,
                                 LiaWorkspace    *workspace)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (workspace == self->workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  lia_meeting_editor_set_workspace (self->editor, workspace);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                             G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  self->now = self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
  gtk_sort_list_model_set_model (self->sorted, workspace ? G_LIST_MODEL (lia_workspace_get_meetings (workspace)) : NULL);
  sync_selection (self);
  g_object_notify (G_OBJECT (self), "workspace");
}

static void
lia_meetings_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meetings_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_meetings_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meetings_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lia_meetings_view_parent_class)->map (widget);

  /* Meetings that began while the page was away move to Past. */
  check_order (LIA_MEETINGS_VIEW (widget));
}

static void
lia_meetings_view_dispose (GObject *object)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (object);

  g_clear_object (&self->chooser);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEETINGS_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  G_OBJECT_CLASS (lia_meetings_view_parent_class)->dispose (object);
}

static void
lia_meetings_view_class_init (LiaMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meetings_view_dispose;
  object_class->get_property = lia_meetings_view_get_property;
  object_class->set_property = lia_meetings_view_set_property;
  widget_class->map = lia_meetings_view_map;
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (LIA_TYPE_MEETING_EDITOR);
  g_type_ensure (LIA_TYPE_SPLIT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, list);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, editor);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, template_menu);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", "i", new_action);
  gtk_widget_class_install_action (widget_class, "meetings.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "meetings.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "meetings.delete", NULL, delete_action);
}

static void
lia_meetings_view_init (LiaMeetingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->sorter = gtk_custom_sorter_new (compare_meetings, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (self->sorter));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->sorted), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  /* After the list box has made its rows. */
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (sync_selection), self);
  load_templates (self);
  sync_selection (self);
}

/* ---- LiaArea ---- */

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_meetings_view_choose_template (LIA_MEETINGS_VIEW (area), anchor);
}

static void
lia_meetings_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
}
