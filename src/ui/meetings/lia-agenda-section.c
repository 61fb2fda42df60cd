/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-agenda-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-agenda-row.h"
#include "lia-tz.h"
#include "lia-agenda-section.h"
#include "lia-meeting-plan.h"
#include "lia-widgets.h"

/* The agenda of one meeting: a list bound to the meeting's agenda store,
 * so an insert, move or remove (by a button, a key, a drag or an undo)
 * touches one row and leaves the focus and scroll position alone; the
 * times each item gets, the total, the over-run warning, and the meeting
 * in each attendee's own time, computed again after every edit. */

struct _LiaAgendaSection
{
  GtkWidget            parent_instance;

  LiaMeeting          *meeting;
  LiaHistory          *history;
  GListModel          *members;
  LiaConflictIndex    *conflicts;
  gboolean             read_only;
  LiaRefresh           *refresh;   /* once per burst of edits */
  char                *summary;
  gboolean             overrun;
  GPtrArray           *local_rows;

  GtkListBox          *list;
  GtkLabel            *total_label;
  GtkLabel            *overrun_label;
  AdwPreferencesGroup *local_group;
};

G_DEFINE_FINAL_TYPE (LiaAgendaSection, lia_agenda_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HISTORY,
  PROP_MEMBERS,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVEAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListStore *
agenda (LiaAgendaSection *self)
{
  return lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA);
}

static guint
agenda_length (LiaAgendaSection *self)
{
  return self->meeting ? g_list_model_get_n_items (G_LIST_MODEL (agenda (self))) : 0;
}

static gboolean
writable (LiaAgendaSection *self)
{
  return self->meeting != NULL && self->history != NULL && !self->read_only;
}

/* ---- computed parts ---- */

static void
clear_local_rows (LiaAgendaSection *self)
{
  for (guint i = 0; i < self->local_rows->len; i++)
    adw_preferences_group_remove (self->local_group, g_ptr_array_index (self->local_rows, i));
  g_ptr_array_set_size (self->local_rows, 0);
}

/* Each attendee's local times: derived rows, made again with the plan. */
static void
show_local_times (LiaAgendaSection *self,
                  LiaAgendaPlan    *plan)
{
  g_autoptr(GPtrArray) times = NULL;

  clear_local_rows (self);
  if (self->members == NULL)
    return;
  times = lia_meeting_attendee_times (self->meeting, self->members, plan);
  for (guint i = 0; i < times->len; i++)
    {
      LiaAttendeeTime *t = g_ptr_array_index (times, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;
      g_autofree char *when = lia_time_range_text (t->start_text, t->end_text);

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

static void
refresh (LiaAgendaSection *self)
{
  g_autoptr(LiaAgendaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  g_autofree char *planned = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_clear_pointer (&self->summary, g_free);
  self->overrun = FALSE;
  if (self->meeting == NULL)
    {
      clear_local_rows (self);
      return;
    }

  plan = lia_agenda_plan_new (self->meeting, &error);
  if (plan == NULL)
    {
      self->summary = g_strdup (error->message);
      gtk_label_set_label (self->total_label, error->message);
      gtk_label_set_label (self->overrun_label, "");
      return;
    }

  for (guint i = 0; i < plan->n_items; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) i);

      if (row == NULL)
        break;
      lia_agenda_row_set_span (LIA_AGENDA_ROW (row), plan->items[i].start_text, plan->items[i].end_text);
    }

  end = g_strdup (plan->n_items ? plan->items[plan->n_items - 1].end_text : "");
  utc = g_date_time_new_from_unix_utc (plan->planned_end);
  local = g_date_time_to_timezone (utc, plan->zone);
  planned = g_date_time_format (local, "%H:%M");
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

  show_local_times (self, plan);
}

/* Typing in a field changes the times: once per burst of edits. */
static void
history_changed_cb (LiaAgendaSection *self)
{
  lia_refresh_queue (self->refresh);
}

/* After the list box has made or dropped its row: only the positions and
 * the times of the others change. */
static void
agenda_changed_cb (LiaAgendaSection *self)
{
  guint n = agenda_length (self);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, (int) i)) != NULL; i++)
    lia_agenda_row_set_position (LIA_AGENDA_ROW (row), i, n);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  refresh (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  LiaAgendaSection *self = data;
  GtkWidget *row = lia_agenda_row_new (LIA_ENTITY (item), self->history, !writable (self));

  lia_agenda_row_set_conflicts (LIA_AGENDA_ROW (row), self->conflicts);
  return row;
}

static void
bind_agenda (LiaAgendaSection *self)
{
  if (self->meeting == NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      return;
    }
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (agenda (self)), create_row_cb, self, NULL);
  agenda_changed_cb (self);
}

static void
update_actions (LiaAgendaSection *self)
{
  GtkListBoxRow *row;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-item", writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-break", writable (self));
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, (int) i)) != NULL; i++)
    lia_agenda_row_set_read_only (LIA_AGENDA_ROW (row), !writable (self));
}

/* ---- actions ---- */

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  lia_agenda_section_add_item (LIA_AGENDA_SECTION (widget), g_str_equal (action_name, "agenda.add-break"));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  guint from, to;

  g_variant_get (param, "(uu)", &from, &to);
  lia_agenda_section_move_item (LIA_AGENDA_SECTION (widget), from, to);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LiaAgendaSection *self = LIA_AGENDA_SECTION (widget);
  guint index = g_variant_get_uint32 (param);

  if (!writable (self) || index >= agenda_length (self))
    return;
  lia_history_begin (self->history, _("Remove agenda item"));
  lia_history_remove (self->history, agenda (self), index);
  lia_history_end (self->history);
}

/* ---- overrides ---- */

static void
lia_agenda_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaAgendaSection *self = LIA_AGENDA_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_agenda_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaAgendaSection *self = LIA_AGENDA_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      lia_agenda_section_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_agenda_section_set_history (self, g_value_get_object (value));
      break;
    case PROP_MEMBERS:
      lia_agenda_section_set_members (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_agenda_section_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_agenda_section_dispose (GObject *object)
{
  LiaAgendaSection *self = LIA_AGENDA_SECTION (object);
  GtkWidget *child;

  lia_agenda_section_set_meeting (self, NULL);
  lia_agenda_section_set_history (self, NULL);
  g_clear_pointer (&self->refresh, lia_refresh_free);
  lia_agenda_section_set_members (self, NULL);
  g_clear_object (&self->conflicts);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_AGENDA_SECTION);
  /* Groups the template does not name are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lia_agenda_section_parent_class)->dispose (object);
}

static void
lia_agenda_section_finalize (GObject *object)
{
  LiaAgendaSection *self = LIA_AGENDA_SECTION (object);

  g_ptr_array_unref (self->local_rows);
  g_free (self->summary);
  G_OBJECT_CLASS (lia_agenda_section_parent_class)->finalize (object);
}

static void
lia_agenda_section_class_init (LiaAgendaSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lia_agenda_section_get_property;
  object_class->set_property = lia_agenda_section_set_property;
  object_class->dispose = lia_agenda_section_dispose;
  object_class->finalize = lia_agenda_section_finalize;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, LIA_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row the user just added: the editor around brings it into view once
   * it has a place on screen. */
  signals[REVEAL] =
    g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-agenda-section.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaSection, list);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaSection, total_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaSection, overrun_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaSection, local_group);

  gtk_widget_class_install_action (widget_class, "agenda.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.add-break", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.move", "(uu)", move_action);
  gtk_widget_class_install_action (widget_class, "agenda.remove", "u", remove_action);
}

static void
lia_agenda_section_init (LiaAgendaSection *self)
{
  GtkLayoutManager *layout;

  self->local_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->refresh = lia_refresh_new (GTK_WIDGET (self), (LiaRefreshFunc) refresh, FALSE);
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  update_actions (self);
}

/* ---- public API ---- */

void
lia_agenda_section_set_meeting (LiaAgendaSection *self,
                                LiaMeeting       *meeting)
{
  g_return_if_fail (LIA_IS_AGENDA_SECTION (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (agenda (self), self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    g_signal_connect_object (agenda (self), "items-changed", G_CALLBACK (agenda_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  bind_agenda (self);
  update_actions (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
lia_agenda_section_set_history (LiaAgendaSection *self,
                                LiaHistory       *history)
{
  g_return_if_fail (LIA_IS_AGENDA_SECTION (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  /* The rows write through the history they were made with. */
  bind_agenda (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
lia_agenda_section_set_members (LiaAgendaSection *self,
                                GListModel       *members)
{
  g_return_if_fail (LIA_IS_AGENDA_SECTION (self));
  g_return_if_fail (members == NULL || G_IS_LIST_MODEL (members));

  if (!g_set_object (&self->members, members))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

/* The rows mark the items and fields @conflicts (may be %NULL) holds a
 * conflict about. */
void
lia_agenda_section_set_conflicts (LiaAgendaSection *self,
                                  LiaConflictIndex *conflicts)
{
  GtkListBoxRow *row;

  g_return_if_fail (LIA_IS_AGENDA_SECTION (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  if (!g_set_object (&self->conflicts, conflicts))
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    lia_agenda_row_set_conflicts (LIA_AGENDA_ROW (row), conflicts);
}

void
lia_agenda_section_set_read_only (LiaAgendaSection *self,
                                  gboolean          read_only)
{
  g_return_if_fail (LIA_IS_AGENDA_SECTION (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* A new item goes at the end and opens, ready for its title. */
void
lia_agenda_section_add_item (LiaAgendaSection *self,
                             gboolean          is_break)
{
  g_autoptr(LiaAgendaItem) item = NULL;
  GtkListBoxRow *row;
  guint n;

  g_return_if_fail (LIA_IS_AGENDA_SECTION (self));

  if (!writable (self))
    return;
  item = lia_agenda_item_new ();
  /* Translators: the title of a new agenda item that is a pause in the
   * meeting (the same word as in the meeting templates) */
  lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_TITLE, is_break ? _("Break") : _("New item"));
  lia_entity_set_int (LIA_ENTITY (item), LIA_AGENDA_ITEM_DURATION, is_break ? 15 : 10);
  lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_KIND, is_break ? "break" : "discussion");
  n = agenda_length (self);
  lia_history_begin (self->history, is_break ? _("Insert break") : _("Add agenda item"));
  lia_history_insert (self->history, agenda (self), n, item);
  lia_history_end (self->history);

  row = gtk_list_box_get_row_at_index (self->list, (int) n);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
      g_signal_emit (self, signals[REVEAL], 0, row);
    }
}

/* A store's move is a remove and an insert, so the moved item gets a new
 * row: when the focus was in it, the new one takes it (Alt+Up can be
 * pressed again) and stays open if it was. */
void
lia_agenda_section_move_item (LiaAgendaSection *self,
                              guint             from,
                              guint             to)
{
  GtkListBoxRow *row;
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus = FALSE, expanded = FALSE;

  g_return_if_fail (LIA_IS_AGENDA_SECTION (self));

  if (!writable (self) || from == to || from >= agenda_length (self) || to >= agenda_length (self))
    return;

  row = gtk_list_box_get_row_at_index (self->list, (int) from);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (row != NULL)
    {
      had_focus = focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
      expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));
    }

  lia_history_begin (self->history, _("Move agenda item"));
  lia_history_move (self->history, agenda (self), from, to);
  lia_history_end (self->history);

  row = gtk_list_box_get_row_at_index (self->list, (int) to);
  if (row != NULL && expanded)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  if (row != NULL && had_focus)
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
}

const char *
lia_agenda_section_get_summary (LiaAgendaSection *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA_SECTION (self), NULL);

  return self->summary;
}

gboolean
lia_agenda_section_get_overrun (LiaAgendaSection *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA_SECTION (self), FALSE);

  return self->overrun;
}

/* "09:00–09:10  Opening and background" as the agenda shows it. */
char *
lia_agenda_section_describe_item (LiaAgendaSection *self,
                                  guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LIA_IS_AGENDA_SECTION (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  if (row == NULL)
    return NULL;
  return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}
