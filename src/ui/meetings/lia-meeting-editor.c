/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "lia-date-picker.h"
#include "lia-field-binding.h"
#include "lia-widgets.h"
#include "lia-evaluation-chart.h"
#include "lia-palette.h"
#include "lia-meeting-editor.h"
#include "lia-meeting-plan.h"
#include "lia-meeting-templates.h"
#include "lia-tz-names.h"

/* One meeting: details, attendees, the agenda with computed times, each
 * attendee's local time, minutes, decisions, action items and the
 * evaluation. Every edit goes through the workspace history. */

struct _LiaMeetingEditor
{
  GtkWidget            parent_instance;

  LiaWorkspace        *workspace;
  LiaMeeting          *meeting;
  gboolean             syncing;
  gboolean             own_edit;        /* a change made here: no rebuild */
  guint                refresh_id;
  guint                rebuild_id;
  guint                restore_id;
  double               pending_scroll;
  int                  focus_item;      /* agenda item to focus after a rebuild, or -1 */
  gboolean             open_focus_item; /* and to expand (a new item) */
  int                  focus_action;    /* new action item to open with its title focused, or -1 */
  AdwExpanderRow      *attendees_row;
  char                *summary;
  gboolean             overrun;

  GtkWidget           *scrolled;
  GtkWidget           *content;
  GPtrArray           *agenda_rows;     /* AdwExpanderRow, one per item */
  GPtrArray           *action_rows;     /* AdwExpanderRow, one per action item */
  GtkLabel            *total_label;
  GtkLabel            *overrun_label;
  AdwPreferencesGroup *local_group;
  GPtrArray           *local_rows;
  GtkLabel            *average_label;
  LiaEvaluationChart  *chart;
};

G_DEFINE_FINAL_TYPE (LiaMeetingEditor, lia_meeting_editor, GTK_TYPE_WIDGET)

static void rebuild (LiaMeetingEditor *self);
static void queue_refresh (LiaMeetingEditor *self);

static LiaHistory *
history (LiaMeetingEditor *self)
{
  return lia_workspace_get_history (self->workspace);
}

static gboolean
writable (LiaMeetingEditor *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

/* ---- binding widgets to fields ---- */

/* The bindings own the guard, the way back from the model and the
 * checks; the editor only says which history and whether it may write. */
static LiaFieldBinding *
bind_field (LiaMeetingEditor *self,
            LiaFieldBinding  *binding)
{
  lia_field_binding_set_read_only (binding, !writable (self));
  return binding;
}

static GtkWidget *
entry_row (LiaMeetingEditor *self,
           const char       *title,
           LiaEntity        *entity,
           guint             field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  bind_field (self, lia_bind_entry (GTK_EDITABLE (row), history (self), entity, field));
  return row;
}

/* A date (or date and time) row: typed in the locale's usual forms or
 * picked from the calendar beside it. */
static GtkWidget *
date_row (LiaMeetingEditor *self,
          const char       *title,
          LiaEntity        *entity,
          guint             field,
          gboolean          with_time)
{
  GtkWidget *row = entry_row (self, title, entity, field);

  lia_field_binding_set_parse (lia_field_binding_get (row),
                               with_time ? lia_parse_user_datetime : lia_parse_user_date,
                               with_time ? lia_format_datetime_for_entry : NULL);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), lia_date_picker_new (GTK_EDITABLE (row), with_time));
  return row;
}

static GtkWidget *
spin_row (LiaMeetingEditor *self,
          const char       *title,
          LiaEntity        *entity,
          guint             field,
          int               min,
          int               max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 5);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 5, 15);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  bind_field (self, lia_bind_spin (GTK_SPIN_BUTTON (spin), history (self), entity, field));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static GtkWidget *
combo_row (LiaMeetingEditor *self,
           const char       *title,
           LiaEntity        *entity,
           guint             field)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  bind_field (self, lia_bind_choice (row, history (self), entity, field));
  return row;
}

static GtkWidget *
group (LiaMeetingEditor *self,
       const char       *title,
       const char       *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  gtk_box_append (GTK_BOX (self->content), g);
  return g;
}

/* ---- details ---- */

static void
build_details (LiaMeetingEditor *self)
{
  LiaEntity *m = LIA_ENTITY (self->meeting);
  GtkWidget *g = group (self, _("Details"), NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, _("Title"), m, LIA_MEETING_TITLE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), date_row (self, _("Start"), m, LIA_MEETING_START, TRUE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, _("Time Zone"), m, LIA_MEETING_TIMEZONE));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             spin_row (self, _("Planned Length (minutes)"), m, LIA_MEETING_DURATION, 1, 1440));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, _("Location or Call Link"), m, LIA_MEETING_LOCATION));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, _("Goal"), m, LIA_MEETING_GOAL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             combo_row (self, _("Repeats"), m, LIA_MEETING_RECURRENCE));
}

/* ---- attendees ---- */

static void
attendee_toggled_cb (GtkCheckButton   *check,
                     LiaMeetingEditor *self)
{
  GListModel *members = G_LIST_MODEL (lia_workspace_get_members (self->workspace));
  const char * const *current = lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_ATTENDEES);
  const char *id = g_object_get_data (G_OBJECT (check), "member-id");
  gboolean on = gtk_check_button_get_active (check);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  GValue value = G_VALUE_INIT;

  if (self->syncing || !writable (self))
    return;

  /* Keep the team's order. */
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);
      const char *member_id = lia_entity_get_id (member);
      gboolean was = current != NULL && g_strv_contains (current, member_id);

      if (g_str_equal (member_id, id) ? on : was)
        g_strv_builder_add (builder, member_id);
    }
  ids = g_strv_builder_end (builder);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, ids);
  self->own_edit = TRUE;
  lia_history_begin (history (self), on ? _("Invite attendee") : _("Remove attendee"));
  lia_history_set_value (history (self), LIA_ENTITY (self->meeting), LIA_MEETING_ATTENDEES, &value, FALSE);
  lia_history_end (history (self));
  self->own_edit = FALSE;
  g_value_unset (&value);

  {
    g_autofree char *subtitle = g_strdup_printf (_("%u of %u invited"), g_strv_length (ids),
                                                 g_list_model_get_n_items (members));
    adw_expander_row_set_subtitle (self->attendees_row, subtitle);
  }
}

static void
build_attendees (LiaMeetingEditor *self)
{
  GListModel *members = G_LIST_MODEL (lia_workspace_get_members (self->workspace));
  const char * const *current = lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_ATTENDEES);
  GtkWidget *g = group (self, _("Attendees"), NULL);
  GtkWidget *expander = adw_expander_row_new ();
  guint n = g_list_model_get_n_items (members), invited = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean on = current != NULL && g_strv_contains (current, lia_entity_get_id (member));
      const char *city = lia_entity_get_string (member, LIA_MEMBER_CITY);

      invited += on;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (member, LIA_MEMBER_NAME));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), city[0] ? city : lia_entity_get_string (member, LIA_MEMBER_TIMEZONE));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_sensitive (check, writable (self));
      g_object_set_data_full (G_OBJECT (check), "member-id", g_strdup (lia_entity_get_id (member)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (attendee_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  self->attendees_row = ADW_EXPANDER_ROW (expander);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Team Members"));
  subtitle = g_strdup_printf (_("%u of %u invited"), invited, n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), expander);
}

/* ---- agenda ---- */

static guint
agenda_length (LiaMeetingEditor *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA)));
}

void
lia_meeting_editor_move_item (LiaMeetingEditor *self,
                              guint             from,
                              guint             to)
{
  GListStore *agenda;

  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));

  if (self->meeting == NULL || !writable (self) || from == to ||
      from >= agenda_length (self) || to >= agenda_length (self))
    return;
  agenda = lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA);
  self->focus_item = (int) to;
  self->open_focus_item = FALSE;
  lia_history_begin (history (self), _("Move agenda item"));
  lia_history_move (history (self), agenda, from, to);
  lia_history_end (history (self));
}

void
lia_meeting_editor_add_item (LiaMeetingEditor *self,
                             gboolean          is_break)
{
  g_autoptr(LiaAgendaItem) item = lia_agenda_item_new ();
  GListStore *agenda;

  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));

  if (self->meeting == NULL || !writable (self))
    return;
  agenda = lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA);
  lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_TITLE, is_break ? _("Break") : _("New item"));
  lia_entity_set_int (LIA_ENTITY (item), LIA_AGENDA_ITEM_DURATION, is_break ? 15 : 10);
  lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_KIND, is_break ? "break" : "discussion");
  self->focus_item = (int) g_list_model_get_n_items (G_LIST_MODEL (agenda));
  self->open_focus_item = TRUE;
  lia_history_begin (history (self), is_break ? _("Insert break") : _("Add agenda item"));
  lia_history_insert (history (self), agenda, g_list_model_get_n_items (G_LIST_MODEL (agenda)), item);
  lia_history_end (history (self));
}

static guint
row_index (GtkWidget *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
}

static void
move_up_cb (GtkWidget        *button,
            LiaMeetingEditor *self)
{
  guint i = row_index (button);
  if (i > 0)
    lia_meeting_editor_move_item (self, i, i - 1);
}

static void
move_down_cb (GtkWidget        *button,
              LiaMeetingEditor *self)
{
  guint i = row_index (button);
  lia_meeting_editor_move_item (self, i, i + 1);
}

static void
remove_item_cb (GtkWidget        *button,
                LiaMeetingEditor *self)
{
  GListStore *agenda = lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA);

  if (!writable (self))
    return;
  lia_history_begin (history (self), _("Remove agenda item"));
  lia_history_remove (history (self), agenda, row_index (button));
  lia_history_end (history (self));
}

static gboolean
move_shortcut_cb (GtkWidget *row,
                  GVariant  *args,
                  gpointer   data)
{
  LiaMeetingEditor *self = LIA_MEETING_EDITOR (gtk_widget_get_ancestor (row, LIA_TYPE_MEETING_EDITOR));
  guint i = row_index (row);
  int delta = g_variant_get_int32 (args);

  if (self == NULL || (delta < 0 && i == 0))
    return FALSE;
  lia_meeting_editor_move_item (self, i, i + delta);
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, row_index (row));
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return provider;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  LiaMeetingEditor *self = LIA_MEETING_EDITOR (gtk_widget_get_ancestor (row, LIA_TYPE_MEETING_EDITOR));

  if (self == NULL || !G_VALUE_HOLDS_UINT (value))
    return FALSE;
  lia_meeting_editor_move_item (self, g_value_get_uint (value), row_index (row));
  return TRUE;
}

static GtkWidget *
agenda_row (LiaMeetingEditor *self,
            LiaEntity        *item,
            guint             index,
            guint             n)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_object_set_data_full (G_OBJECT (row), "entity", g_object_ref (item), g_object_unref);

  if (writable (self))
    {
      GtkWidget *up = lia_icon_button_new ("go-up-symbolic", _("Move Up"));
      GtkWidget *down = lia_icon_button_new ("go-down-symbolic", _("Move Down"));
      GtkWidget *remove = lia_icon_button_new ("user-trash-symbolic", _("Remove Item"));

      gtk_widget_set_sensitive (up, index > 0);
      gtk_widget_set_sensitive (down, index + 1 < n);
      g_object_set_data (G_OBJECT (up), "index", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (down), "index", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (index));
      g_signal_connect (up, "clicked", G_CALLBACK (move_up_cb), self);
      g_signal_connect (down, "clicked", G_CALLBACK (move_down_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_item_cb), self);
      /* Actions are packed from the end: this shows up, down, remove. */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);

      /* Alt+Up and Alt+Down move the item, as in the requirement table. */
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                         gtk_callback_action_new (move_shortcut_cb, NULL, NULL), "i", -1));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                         gtk_callback_action_new (move_shortcut_cb, NULL, NULL), "i", 1));
      gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_BUBBLE);
      gtk_widget_add_controller (row, shortcuts);

      gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
      g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
      g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
    }
  else
    {
      g_object_unref (shortcuts);
      g_object_unref (drag);
      g_object_unref (drop);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, _("Title"), item, LIA_AGENDA_ITEM_TITLE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), spin_row (self, _("Duration (minutes)"), item, LIA_AGENDA_ITEM_DURATION, 1, 1440));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            entry_row (self, _("Owners (members or roles, separated by commas)"), item, LIA_AGENDA_ITEM_OWNERS));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo_row (self, _("Kind"), item, LIA_AGENDA_ITEM_KIND));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, _("Notes"), item, LIA_AGENDA_ITEM_NOTES));
  return row;
}

static void
add_item_cb (LiaMeetingEditor *self)
{
  lia_meeting_editor_add_item (self, FALSE);
}

static void
add_break_cb (LiaMeetingEditor *self)
{
  lia_meeting_editor_add_item (self, TRUE);
}

static void
build_agenda (LiaMeetingEditor *self)
{
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA));
  GtkWidget *g = group (self, _("Agenda"),
                        _("Start times follow from the meeting’s start and the durations. Drag items, or press Alt+Up and Alt+Down, to reorder."));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Item"));
  GtkWidget *pause = gtk_button_new_with_mnemonic (_("Insert _Break"));
  GtkWidget *totals = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  guint n = g_list_model_get_n_items (agenda);

  g_ptr_array_set_size (self->agenda_rows, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
      GtkWidget *row = agenda_row (self, item, i, n);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
      g_ptr_array_add (self->agenda_rows, row);
    }

  gtk_widget_set_sensitive (buttons, writable (self));
  gtk_widget_set_valign (buttons, GTK_ALIGN_END);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_item_cb), self);
  g_signal_connect_swapped (pause, "clicked", G_CALLBACK (add_break_cb), self);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), pause);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), buttons);

  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  self->overrun_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->total_label, 0);
  gtk_label_set_xalign (self->overrun_label, 0);
  gtk_label_set_wrap (self->overrun_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->overrun_label), "error");
  gtk_widget_set_margin_top (totals, 6);
  gtk_box_append (GTK_BOX (totals), GTK_WIDGET (self->total_label));
  gtk_box_append (GTK_BOX (totals), GTK_WIDGET (self->overrun_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), totals);

  self->local_group = ADW_PREFERENCES_GROUP (group (self, _("In Each Attendee’s Time"),
                                                    _("The meeting in each attendee’s own zone; a warning marks anyone outside working hours.")));
  g_ptr_array_set_size (self->local_rows, 0);
}

/* ---- minutes, decisions, action items ---- */

static void
build_minutes (LiaMeetingEditor *self)
{
  GtkWidget *g = group (self, _("Minutes"), _("Notes in Markdown."));
  GtkSourceBuffer *buffer = gtk_source_buffer_new (NULL);
  GtkWidget *view = gtk_source_view_new_with_buffer (buffer);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "markdown");

  if (markdown != NULL)
    gtk_source_buffer_set_language (buffer, markdown);
  lia_source_buffer_follow_style (buffer);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 140);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes"), -1);
  bind_field (self, lia_bind_text_view (GTK_TEXT_VIEW (view), history (self), LIA_ENTITY (self->meeting), LIA_MEETING_MINUTES));
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), frame);
  g_object_unref (buffer);
}

static void
set_decisions (LiaMeetingEditor   *self,
               const char * const *decisions,
               const char         *label,
               gboolean            coalesce)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, decisions);
  if (label != NULL)
    lia_history_begin (history (self), label);
  lia_history_set_value (history (self), LIA_ENTITY (self->meeting), LIA_MEETING_DECISIONS, &value, coalesce);
  if (label != NULL)
    lia_history_end (history (self));
  g_value_unset (&value);
}

static void
decision_changed_cb (GtkEditable      *editable,
                     LiaMeetingEditor *self)
{
  g_auto(GStrv) decisions = g_strdupv ((char **) lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_DECISIONS));
  guint i = row_index (GTK_WIDGET (editable));

  if (self->syncing || !writable (self) || decisions == NULL || i >= g_strv_length (decisions))
    return;
  g_free (decisions[i]);
  decisions[i] = g_strdup (gtk_editable_get_text (editable));
  /* Typing must not rebuild the list under the cursor. */
  self->own_edit = TRUE;
  set_decisions (self, (const char * const *) decisions, NULL, TRUE);
  self->own_edit = FALSE;
}

static void
decision_remove_cb (GtkWidget        *button,
                    LiaMeetingEditor *self)
{
  const char * const *old = lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_DECISIONS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) decisions = NULL;
  guint skip = row_index (button);

  for (guint i = 0; old && old[i]; i++)
    if (i != skip)
      g_strv_builder_add (builder, old[i]);
  decisions = g_strv_builder_end (builder);
  set_decisions (self, (const char * const *) decisions, _("Remove decision"), FALSE);
}

static void
decision_add_cb (LiaMeetingEditor *self)
{
  const char * const *old = lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_DECISIONS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) decisions = NULL;

  if (old != NULL)
    g_strv_builder_addv (builder, (const char **) old);
  g_strv_builder_add (builder, _("New decision"));
  decisions = g_strv_builder_end (builder);
  set_decisions (self, (const char * const *) decisions, _("Add decision"), FALSE);
}

static void
build_decisions (LiaMeetingEditor *self)
{
  const char * const *decisions = lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_DECISIONS);
  GtkWidget *g = group (self, _("Decisions"), NULL);
  GtkWidget *add = lia_icon_button_new ("list-add-symbolic", _("Add Decision"));

  gtk_widget_set_sensitive (add, writable (self));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (decision_add_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), add);
  for (guint i = 0; decisions && decisions[i]; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = lia_icon_button_new ("user-trash-symbolic", _("Remove Decision"));
      /* Translators: the title of the N-th decision */
      g_autofree char *title = g_strdup_printf (_("Decision %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), decisions[i]);
      gtk_editable_set_editable (GTK_EDITABLE (row), writable (self));
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "changed", G_CALLBACK (decision_changed_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (decision_remove_cb), self);
      gtk_widget_set_sensitive (remove, writable (self));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
}

static void
action_add_cb (LiaMeetingEditor *self)
{
  g_autoptr(LiaActionItem) action = lia_action_item_new ();
  GListStore *actions = lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_ACTION_ITEMS);

  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_TEXT, _("New action item"));
  /* The new item opens with its title selected, ready to be typed over. */
  self->focus_action = (int) g_list_model_get_n_items (G_LIST_MODEL (actions));
  lia_history_begin (history (self), _("Add action item"));
  lia_history_insert (history (self), actions, g_list_model_get_n_items (G_LIST_MODEL (actions)), action);
  lia_history_end (history (self));
}

static void
action_remove_cb (GtkWidget        *button,
                  LiaMeetingEditor *self)
{
  GListStore *actions = lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_ACTION_ITEMS);

  lia_history_begin (history (self), _("Remove action item"));
  lia_history_remove (history (self), actions, row_index (button));
  lia_history_end (history (self));
}

/* "Owner · due date · Status", kept current as any of them changes. */
static void
action_update_subtitle (LiaEntity *action,
                        GParamSpec *pspec,
                        AdwExpanderRow *row)
{
  const char *owner = lia_entity_get_string (action, LIA_ACTION_ITEM_OWNER);
  const char *due = lia_entity_get_string (action, LIA_ACTION_ITEM_DUE);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (owner != NULL && owner[0] != '\0')
    g_string_append (subtitle, owner);
  else
    g_string_append (subtitle, _("No owner"));
  if (due != NULL && due[0] != '\0')
    {
      g_string_append (subtitle, " · ");
      /* Translators: an action item's due date (YYYY-MM-DD) in its row's subtitle */
      g_string_append_printf (subtitle, _("due %s"), due);
    }
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, lia_choice_get_label (lia_entity_get_string (action, LIA_ACTION_ITEM_STATUS)));
  adw_expander_row_set_subtitle (row, subtitle->str);
}

static void
owner_chosen_cb (GtkListBox    *list,
                 GtkListBoxRow *choice,
                 GtkWidget     *entry)
{
  GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_MENU_BUTTON);

  /* Through the entry, so the choice is one undoable edit like typing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), g_object_get_data (G_OBJECT (choice), "name"));
  if (button != NULL)
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

/* The owner is typed, or picked from the team (the meeting's attendees
 * first) with the button at the end of the row. */
static GtkWidget *
owner_row (LiaMeetingEditor *self,
           LiaEntity        *action)
{
  GtkWidget *row = entry_row (self, _("Owner"), action, LIA_ACTION_ITEM_OWNER);
  GListModel *members = G_LIST_MODEL (lia_workspace_get_members (self->workspace));
  const char * const *attendees = lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_ATTENDEES);
  GtkWidget *button, *list, *popover, *scrolled;

  if (g_list_model_get_n_items (members) == 0)
    return row;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "menu");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team"), -1);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (members); i++)
      {
        g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);
        gboolean attends = attendees && g_strv_contains (attendees, lia_entity_get_id (member));
        const char *name = lia_entity_get_string (member, LIA_MEMBER_NAME);
        GtkWidget *choice, *label;

        if ((pass == 0) != attends || name == NULL || name[0] == '\0')
          continue;
        label = gtk_label_new (name);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_set_margin_start (label, 6);
        gtk_widget_set_margin_end (label, 6);
        gtk_widget_set_margin_top (label, 6);
        gtk_widget_set_margin_bottom (label, 6);
        choice = gtk_list_box_row_new ();
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (choice), label);
        g_object_set_data_full (G_OBJECT (choice), "name", g_strdup (name), g_free);
        gtk_list_box_append (GTK_LIST_BOX (list), choice);
      }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (owner_chosen_cb), row, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "system-users-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose From Team"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose From Team"), -1);
  gtk_widget_set_sensitive (button, writable (self));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return row;
}

static void
build_actions (LiaMeetingEditor *self)
{
  GListModel *actions = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_ACTION_ITEMS));
  GtkWidget *g = group (self, _("Action Items"), _("Who does what by when; later they can be sent to a tracker."));
  GtkWidget *add = lia_icon_button_new ("list-add-symbolic", _("Add Action Item"));

  GtkWidget *send = lia_icon_button_new ("send-to-symbolic", _("Send Action Items to Tracker"));
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_sensitive (add, writable (self));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (action_add_cb), self);
  gtk_widget_set_sensitive (send, g_list_model_get_n_items (actions) > 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (send), "win.send-to-tracker");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (send), "s", lia_entity_get_id (LIA_ENTITY (self->meeting)));
  gtk_box_append (GTK_BOX (suffix), send);
  gtk_box_append (GTK_BOX (suffix), add);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), suffix);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(LiaEntity) action = g_list_model_get_item (actions, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *remove = lia_icon_button_new ("user-trash-symbolic", _("Remove Action Item"));
      GtkWidget *title;
      const guint shown[] = { LIA_ACTION_ITEM_OWNER, LIA_ACTION_ITEM_DUE, LIA_ACTION_ITEM_STATUS };

      g_object_bind_property (action, lia_entity_get_field_pspec (action, LIA_ACTION_ITEM_TEXT)->name,
                              row, "title", G_BINDING_SYNC_CREATE);
      action_update_subtitle (action, NULL, ADW_EXPANDER_ROW (row));
      for (guint f = 0; f < G_N_ELEMENTS (shown); f++)
        {
          g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (action, shown[f])->name, NULL);
          g_signal_connect_object (action, signal, G_CALLBACK (action_update_subtitle), row, 0);
        }
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (action_remove_cb), self);
      gtk_widget_set_sensitive (remove, writable (self));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
      title = entry_row (self, _("Action"), action, LIA_ACTION_ITEM_TEXT);
      g_object_set_data (G_OBJECT (row), "title-row", title);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), title);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), owner_row (self, action));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (self, _("Due"), action, LIA_ACTION_ITEM_DUE, FALSE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo_row (self, _("Status"), action, LIA_ACTION_ITEM_STATUS));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
      g_ptr_array_add (self->action_rows, row);
    }
}

/* ---- evaluation ---- */

static void
score_clicked_cb (GtkToggleButton  *button,
                  LiaMeetingEditor *self)
{
  LiaEntity *rating = g_object_get_data (G_OBJECT (button), "entity");
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));
  int current = lia_entity_get_int (rating, LIA_RATING_SCORE);

  if (self->syncing || !writable (self))
    return;
  /* Clicking the chosen score again clears it. */
  lia_history_begin (history (self), _("Rate"));
  lia_history_set_int (history (self), rating, LIA_RATING_SCORE, current == score ? 0 : score);
  lia_history_end (history (self));
}

static void
sync_scores (LiaEntity  *rating,
             GParamSpec *pspec,
             GtkWidget  *box)
{
  LiaMeetingEditor *self = g_object_get_data (G_OBJECT (box), "editor");
  int score = lia_entity_get_int (rating, LIA_RATING_SCORE);
  int i = 1;

  self->syncing = TRUE;
  for (GtkWidget *b = gtk_widget_get_first_child (box); b; b = gtk_widget_get_next_sibling (b), i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), i == score);
  self->syncing = FALSE;
}

static void
add_evaluation_cb (LiaMeetingEditor *self)
{
  g_autoptr(LiaMeeting) scratch = lia_meeting_new ();
  GValue value = G_VALUE_INIT;

  lia_meeting_add_evaluation (scratch);
  g_value_init (&value, LIA_TYPE_ENTITY);
  g_value_set_object (&value, lia_entity_get_child (LIA_ENTITY (scratch), LIA_MEETING_EVALUATION));
  lia_history_begin (history (self), _("Add evaluation form"));
  lia_history_set_value (history (self), LIA_ENTITY (self->meeting), LIA_MEETING_EVALUATION, &value, FALSE);
  lia_history_end (history (self));
  g_value_unset (&value);
}

static void
build_evaluation (LiaMeetingEditor *self)
{
  LiaEntity *evaluation = lia_entity_get_child (LIA_ENTITY (self->meeting), LIA_MEETING_EVALUATION);
  GtkWidget *g = group (self, _("Evaluation"), _("Rate each dimension from 1 to 5 and add feedback."));
  GListModel *ratings;

  if (evaluation == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Evaluation Form"));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_sensitive (button, writable (self));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_evaluation_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), button);
      self->average_label = NULL;
    }
  else
    {
      ratings = G_LIST_MODEL (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS));
      lia_palette_install_css ();
      for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
        {
          g_autoptr(LiaEntity) rating = g_list_model_get_item (ratings, i);
          GtkWidget *row = adw_expander_row_new ();
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (rating, LIA_RATING_SCORE)->name, NULL);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (rating, LIA_RATING_NAME));
          /* Small round buttons leave the dimension's name room at 360 px. */
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (box), "editor", self);
          for (int s = 1; s <= 5; s++)
            {
              g_autofree char *text = g_strdup_printf ("%d", s);
              /* Translators: an accessible name, e.g. “Preparation: 4 of 5” */
              g_autofree char *label = g_strdup_printf (_("%s: %d of 5"), lia_entity_get_string (rating, LIA_RATING_NAME), s);
              GtkWidget *b = gtk_toggle_button_new_with_label (text);

              gtk_widget_add_css_class (b, "circular");
              gtk_widget_add_css_class (b, "flat");
              /* The chosen score is filled with the palette's selected
               * colour and carries a check mark (lia-palette.c's CSS), so
               * it stands out without relying on colour alone; the flat
               * checked grey was 1.2:1 against the row. */
              gtk_widget_add_css_class (b, "lia-score");

              gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
              g_object_set_data_full (G_OBJECT (b), "entity", g_object_ref (rating), g_object_unref);
              g_object_set_data (G_OBJECT (b), "score", GINT_TO_POINTER (s));
              gtk_widget_set_sensitive (b, writable (self));
              g_signal_connect (b, "clicked", G_CALLBACK (score_clicked_cb), self);
              gtk_box_append (GTK_BOX (box), b);
            }
          sync_scores (rating, NULL, box);
          g_signal_connect_object (rating, signal, G_CALLBACK (sync_scores), box, 0);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), box);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, _("Feedback"), rating, LIA_RATING_NOTE));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
        }
      self->average_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->average_label, 0);
      gtk_widget_set_margin_top (GTK_WIDGET (self->average_label), 6);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), GTK_WIDGET (self->average_label));
    }

  g = group (self, _("Evaluations Over Time"), _("The average score of each evaluated meeting, oldest first."));
  self->chart = LIA_EVALUATION_CHART (lia_evaluation_chart_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), GTK_WIDGET (self->chart));
}

/* ---- computed parts ---- */

static void
refresh (LiaMeetingEditor *self)
{
  g_autoptr(LiaAgendaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *agenda;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->meeting == NULL || self->total_label == NULL)
    return;

  plan = lia_agenda_plan_new (self->meeting, &error);
  g_clear_pointer (&self->summary, g_free);
  if (plan == NULL)
    {
      self->summary = g_strdup (error->message);
      gtk_label_set_label (self->total_label, error->message);
      gtk_label_set_label (self->overrun_label, "");
      return;
    }

  agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA));
  for (guint i = 0; i < self->agenda_rows->len && i < plan->n_items; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->agenda_rows, i);
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
      const char * const *owners = lia_entity_get_strv (item, LIA_AGENDA_ITEM_OWNERS);
      g_autofree char *owner_text = owners ? g_strjoinv (_(", "), (char **) owners) : g_strdup ("");
      g_autofree char *title = g_strdup_printf ("%s–%s  %s", plan->items[i].start_text, plan->items[i].end_text,
                                                lia_entity_get_string (item, LIA_AGENDA_ITEM_TITLE));
      int actual = lia_entity_get_int (item, LIA_AGENDA_ITEM_ACTUAL);
      g_autofree char *minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                                               lia_entity_get_int (item, LIA_AGENDA_ITEM_DURATION)),
                                                  lia_entity_get_int (item, LIA_AGENDA_ITEM_DURATION));
      g_autofree char *took = actual > 0 ? g_strdup_printf (_(" (took %d)"), actual) : g_strdup ("");
      g_autofree char *subtitle = g_strdup_printf ("%s%s · %s%s%s", minutes, took,
                                                   lia_choice_get_label (lia_entity_get_string (item, LIA_AGENDA_ITEM_KIND)),
                                                   owner_text[0] ? " · " : "", owner_text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }

  {
    g_autofree char *end = g_strdup (plan->n_items ? plan->items[plan->n_items - 1].end_text : "");
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (plan->planned_end);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, plan->zone);
    g_autofree char *planned = g_date_time_format (local, "%H:%M");

    /* Translators: total minutes, the agenda's end and the planned end */
    self->summary = g_strdup_printf (_("Total %u min, ends %s (planned end %s)"), plan->total,
                                     plan->n_items ? end : planned, planned);
    gtk_label_set_label (self->total_label, self->summary);
    self->overrun = lia_agenda_plan_overruns (plan);
    if (self->overrun)
      {
        g_autofree char *warning = g_strdup_printf (_("The agenda runs %lld min past the planned end."),
                                                    (long long) ((plan->end - plan->planned_end) / 60));
        gtk_label_set_label (self->overrun_label, warning);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->overrun_label), self->overrun);
  }

  /* Each attendee's local times. */
  for (guint i = 0; i < self->local_rows->len; i++)
    adw_preferences_group_remove (self->local_group, g_ptr_array_index (self->local_rows, i));
  g_ptr_array_set_size (self->local_rows, 0);
  {
    g_autoptr(GPtrArray) times = lia_meeting_attendee_times (self->meeting, G_LIST_MODEL (lia_workspace_get_members (self->workspace)), plan);

    for (guint i = 0; i < times->len; i++)
      {
        LiaAttendeeTime *t = g_ptr_array_index (times, i);
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *label;
        g_autofree char *when = g_strdup_printf ("%s–%s", t->start_text, t->end_text);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (LIA_ENTITY (t->member), LIA_MEMBER_NAME));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), t->zone_text);
        if (t->outside)
          {
            GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
            gtk_widget_add_css_class (icon, "warning");
            gtk_widget_set_tooltip_text (icon, _("Outside working hours"));
            gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outside working hours"), -1);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          }
        label = gtk_label_new (when);
        gtk_widget_add_css_class (label, "numeric");
        if (t->outside)
          gtk_widget_add_css_class (label, "warning");
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        adw_preferences_group_add (self->local_group, row);
        g_ptr_array_add (self->local_rows, row);
      }
  }

  if (self->average_label != NULL)
    {
      guint rated;
      double average = lia_evaluation_average (LIA_EVALUATION (lia_entity_get_child (LIA_ENTITY (self->meeting), LIA_MEETING_EVALUATION)), &rated);
      g_autofree char *text = rated
        ? g_strdup_printf (_("Average %.1f (%u rated)"), average, rated)
        : g_strdup (_("Not rated yet"));
      gtk_label_set_label (self->average_label, text);
    }
  if (self->chart != NULL)
    lia_evaluation_chart_set_meetings (self->chart, G_LIST_MODEL (lia_workspace_get_meetings (self->workspace)));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  LiaMeetingEditor *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (LiaMeetingEditor *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* ---- structure ---- */

static void
clear_content (LiaMeetingEditor *self)
{
  GtkWidget *child;

  self->total_label = NULL;
  self->overrun_label = NULL;
  self->attendees_row = NULL;
  self->local_group = NULL;
  self->average_label = NULL;
  self->chart = NULL;
  g_ptr_array_set_size (self->agenda_rows, 0);
  g_ptr_array_set_size (self->action_rows, 0);
  g_ptr_array_set_size (self->local_rows, 0);
  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

static void
rebuild (LiaMeetingEditor *self)
{
  clear_content (self);
  if (self->meeting == NULL || self->workspace == NULL)
    return;

  build_details (self);
  build_attendees (self);
  build_agenda (self);
  build_minutes (self);
  build_decisions (self);
  build_actions (self);
  build_evaluation (self);
  refresh (self);
}

/* After the new parts are laid out: back to where the user was, and a
 * moved item keeps the focus (so Alt+Up can be pressed again); a new one
 * opens, ready for its title. */
static gboolean
restore_idle_cb (gpointer data)
{
  LiaMeetingEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));

  self->restore_id = 0;
  gtk_adjustment_set_value (adjustment, self->pending_scroll);
  if (self->focus_item >= 0 && (guint) self->focus_item < self->agenda_rows->len)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->agenda_rows, self->focus_item);

      if (self->open_focus_item)
        adw_expander_row_set_expanded (row, TRUE);
      double x, y;

      /* Keep the row in view, then give the focus to its header. */
      if (gtk_widget_translate_coordinates (GTK_WIDGET (row), self->content, 0, 0, &x, &y))
        {
          double page = gtk_adjustment_get_page_size (adjustment);
          double value = gtk_adjustment_get_value (adjustment);
          int height = gtk_widget_get_height (GTK_WIDGET (row));

          if (y < value || y + height > value + page)
            gtk_adjustment_set_value (adjustment, y - page / 3);
        }
      gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
    }
  self->focus_item = -1;
  if (self->focus_action >= 0 && (guint) self->focus_action < self->action_rows->len)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->action_rows, self->focus_action);
      GtkWidget *title = g_object_get_data (G_OBJECT (row), "title-row");
      double x, y;

      adw_expander_row_set_expanded (row, TRUE);
      gtk_widget_grab_focus (title);
      gtk_editable_select_region (GTK_EDITABLE (title), 0, -1);
      /* After the focus (which scrolls to the entry): the row's header
       * with its subtitle stays in view above the title being typed. */
      if (gtk_widget_translate_coordinates (GTK_WIDGET (row), self->content, 0, 0, &x, &y))
        {
          double page = gtk_adjustment_get_page_size (adjustment);

          gtk_adjustment_set_value (adjustment, y - page / 3);
        }
    }
  self->focus_action = -1;
  return G_SOURCE_REMOVE;
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  LiaMeetingEditor *self = data;

  self->rebuild_id = 0;
  self->pending_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)));
  rebuild (self);
  if (self->restore_id == 0)
    self->restore_id = g_idle_add_full (G_PRIORITY_LOW, restore_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Items added, removed or moved, attendees or decisions changed (by undo,
 * or by buttons): the parts are built again, keeping the scroll position. */
static void
structure_changed_cb (LiaMeetingEditor *self)
{
  if (self->own_edit)
    return;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

static void
connect_meeting (LiaMeetingEditor *self)
{
  LiaEntity *m = LIA_ENTITY (self->meeting);
  const guint structural[] = { LIA_MEETING_ATTENDEES, LIA_MEETING_DECISIONS, LIA_MEETING_EVALUATION };

  g_signal_connect_object (lia_entity_get_list (m, LIA_MEETING_AGENDA), "items-changed",
                           G_CALLBACK (structure_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_entity_get_list (m, LIA_MEETING_ACTION_ITEMS), "items-changed",
                           G_CALLBACK (structure_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (structural); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (m, structural[i])->name, NULL);
      g_signal_connect_object (m, signal, G_CALLBACK (structure_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
disconnect_meeting (LiaMeetingEditor *self)
{
  LiaEntity *m = LIA_ENTITY (self->meeting);

  g_signal_handlers_disconnect_by_data (lia_entity_get_list (m, LIA_MEETING_AGENDA), self);
  g_signal_handlers_disconnect_by_data (lia_entity_get_list (m, LIA_MEETING_ACTION_ITEMS), self);
  g_signal_handlers_disconnect_by_data (m, self);
}

void
lia_meeting_editor_set_meeting (LiaMeetingEditor *self,
                                LiaMeeting       *meeting)
{
  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));

  if (self->meeting == meeting)
    return;
  if (self->meeting != NULL)
    disconnect_meeting (self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    connect_meeting (self);
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
}

LiaMeeting *
lia_meeting_editor_get_meeting (LiaMeetingEditor *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), NULL);

  return self->meeting;
}

void
lia_meeting_editor_set_workspace (LiaMeetingEditor *self,
                                  LiaWorkspace     *workspace)
{
  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  lia_meeting_editor_set_meeting (self, NULL);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                             G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
}

const char *
lia_meeting_editor_get_summary (LiaMeetingEditor *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), NULL);

  return self->summary;
}

gboolean
lia_meeting_editor_get_overrun (LiaMeetingEditor *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), FALSE);

  return self->overrun;
}

/* "09:00–09:10  Opening and background" as the agenda shows it. */
char *
lia_meeting_editor_describe_item (LiaMeetingEditor *self,
                                  guint             index)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), NULL);

  if (index >= self->agenda_rows->len)
    return NULL;
  return g_strdup (adw_preferences_row_get_title (g_ptr_array_index (self->agenda_rows, index)));
}

static void
lia_meeting_editor_dispose (GObject *object)
{
  LiaMeetingEditor *self = LIA_MEETING_EDITOR (object);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->restore_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->meeting != NULL)
    disconnect_meeting (self);
  g_clear_object (&self->meeting);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (lia_meeting_editor_parent_class)->dispose (object);
}

static void
lia_meeting_editor_finalize (GObject *object)
{
  LiaMeetingEditor *self = LIA_MEETING_EDITOR (object);

  g_ptr_array_unref (self->agenda_rows);
  g_ptr_array_unref (self->action_rows);
  g_ptr_array_unref (self->local_rows);
  g_free (self->summary);
  G_OBJECT_CLASS (lia_meeting_editor_parent_class)->finalize (object);
}

static void
lia_meeting_editor_class_init (LiaMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meeting_editor_dispose;
  object_class->finalize = lia_meeting_editor_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_meeting_editor_init (LiaMeetingEditor *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->agenda_rows = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();
  self->local_rows = g_ptr_array_new ();
  self->focus_item = -1;
  self->focus_action = -1;
  self->scrolled = gtk_scrolled_window_new ();
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 18);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}
