/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-attendees-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-attendees-section.h"
#include "lia-conflict-mark.h"

/* Who of the team is invited: one check per member, in the team's order.
 * The checks follow the meeting's attendees (undo, another view) and are
 * made again only when the team itself changes. */

struct _LiaAttendeesSection
{
  AdwPreferencesGroup  parent_instance;

  LiaMeeting          *meeting;
  LiaHistory          *history;
  GListModel          *members;
  gboolean             read_only;
  GPtrArray           *rows;      /* AdwActionRow, one per member */
  GPtrArray           *checks;    /* GtkCheckButton, one per member */
  LiaConflictIndex    *conflicts;
  LiaConflictMark     *mark;      /* on the team row: the attendees in conflict */

  AdwExpanderRow      *team_row;
};

G_DEFINE_FINAL_TYPE (LiaAttendeesSection, lia_attendees_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HISTORY,
  PROP_MEMBERS,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
writable (LiaAttendeesSection *self)
{
  return self->meeting != NULL && self->history != NULL && !self->read_only;
}

static const char * const *
attendees (LiaAttendeesSection *self)
{
  return self->meeting ? lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_ATTENDEES) : NULL;
}

/* Checks and subtitle from the meeting. */
static void
sync_checks (LiaAttendeesSection *self)
{
  const char * const *current = attendees (self);
  guint invited = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->checks->len; i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (self->members, i);
      gboolean on = current != NULL && g_strv_contains (current, lia_entity_get_id (member));

      invited += on;
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), on);
      gtk_widget_set_sensitive (g_ptr_array_index (self->checks, i), writable (self));
    }
  /* Translators: how many of the team's members are invited; the plural
   * follows the first number */
  subtitle = g_strdup_printf (ngettext ("%u of %u invited", "%u of %u invited", invited), invited, self->checks->len);
  adw_expander_row_set_subtitle (self->team_row, subtitle);
}

static void
toggled_cb (GtkCheckButton      *check,
            LiaAttendeesSection *self)
{
  const char * const *current = attendees (self);
  static const char * const none[] = { NULL };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  gboolean on = gtk_check_button_get_active (check);
  GValue value = G_VALUE_INIT;
  guint index;

  if (!writable (self) || !g_ptr_array_find (self->checks, check, &index))
    return;

  /* Keep the team's order. */
  for (guint i = 0; i < self->checks->len; i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (self->members, i);
      const char *member_id = lia_entity_get_id (member);
      gboolean was = current != NULL && g_strv_contains (current, member_id);

      if (i == index ? on : was)
        g_strv_builder_add (builder, member_id);
    }
  ids = g_strv_builder_end (builder);
  /* The check is following the meeting, not the user. */
  if (g_strv_equal ((const char * const *) ids, current ? current : none))
    return;
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, ids);
  lia_history_begin (self->history, on ? _("Invite attendee") : _("Remove attendee"));
  lia_history_set_value (self->history, LIA_ENTITY (self->meeting), LIA_MEETING_ATTENDEES, &value, FALSE);
  lia_history_end (self->history);
  g_value_unset (&value);
}

/* One row per member of the team. */
static void
make_rows (LiaAttendeesSection *self)
{
  guint n = self->members ? g_list_model_get_n_items (self->members) : 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->team_row, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->checks, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (self->members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *city = lia_entity_get_string (member, LIA_MEMBER_CITY);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (member, LIA_MEMBER_NAME));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), city[0] ? city : lia_entity_get_string (member, LIA_MEMBER_TIMEZONE));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->team_row, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->checks, check);
    }
  sync_checks (self);
  /* After the first sync, so setting the checks writes nothing. */
  for (guint i = 0; i < self->checks->len; i++)
    g_signal_connect (g_ptr_array_index (self->checks, i), "toggled", G_CALLBACK (toggled_cb), self);
}

static void
lia_attendees_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaAttendeesSection *self = LIA_ATTENDEES_SECTION (object);

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
lia_attendees_section_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaAttendeesSection *self = LIA_ATTENDEES_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      lia_attendees_section_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_attendees_section_set_history (self, g_value_get_object (value));
      break;
    case PROP_MEMBERS:
      lia_attendees_section_set_members (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_attendees_section_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_attendees_section_dispose (GObject *object)
{
  LiaAttendeesSection *self = LIA_ATTENDEES_SECTION (object);

  lia_attendees_section_set_meeting (self, NULL);
  lia_attendees_section_set_members (self, NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->conflicts);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ATTENDEES_SECTION);
  G_OBJECT_CLASS (lia_attendees_section_parent_class)->dispose (object);
}

static void
lia_attendees_section_finalize (GObject *object)
{
  LiaAttendeesSection *self = LIA_ATTENDEES_SECTION (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->checks);
  G_OBJECT_CLASS (lia_attendees_section_parent_class)->finalize (object);
}

static void
lia_attendees_section_class_init (LiaAttendeesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lia_attendees_section_get_property;
  object_class->set_property = lia_attendees_section_set_property;
  object_class->dispose = lia_attendees_section_dispose;
  object_class->finalize = lia_attendees_section_finalize;

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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-attendees-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAttendeesSection, team_row);
}

static void
lia_attendees_section_init (LiaAttendeesSection *self)
{
  self->rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mark = lia_conflict_mark_attach (GTK_WIDGET (self->team_row), LIA_MEETING_ATTENDEES);
}

void
lia_attendees_section_set_meeting (LiaAttendeesSection *self,
                                   LiaMeeting          *meeting)
{
  g_return_if_fail (LIA_IS_ATTENDEES_SECTION (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES)->name, NULL);

      g_signal_connect_object (meeting, signal, G_CALLBACK (sync_checks), self, G_CONNECT_SWAPPED);
    }
  sync_checks (self);
  lia_conflict_mark_follow (self->mark, self->conflicts, LIA_ENTITY (meeting));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
lia_attendees_section_set_history (LiaAttendeesSection *self,
                                   LiaHistory          *history)
{
  g_return_if_fail (LIA_IS_ATTENDEES_SECTION (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  sync_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
lia_attendees_section_set_members (LiaAttendeesSection *self,
                                   GListModel          *members)
{
  g_return_if_fail (LIA_IS_ATTENDEES_SECTION (self));
  g_return_if_fail (members == NULL || G_IS_LIST_MODEL (members));

  if (self->members == members)
    return;
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  g_set_object (&self->members, members);
  if (members != NULL)
    g_signal_connect_object (members, "items-changed", G_CALLBACK (make_rows), self, G_CONNECT_SWAPPED);
  make_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

/* The team row is marked while @conflicts (may be %NULL) holds a
 * conflict about the meeting's attendees. */
void
lia_attendees_section_set_conflicts (LiaAttendeesSection *self,
                                     LiaConflictIndex    *conflicts)
{
  g_return_if_fail (LIA_IS_ATTENDEES_SECTION (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  if (g_set_object (&self->conflicts, conflicts))
    lia_conflict_mark_follow (self->mark, conflicts, LIA_ENTITY (self->meeting));
}

void
lia_attendees_section_set_read_only (LiaAttendeesSection *self,
                                     gboolean             read_only)
{
  g_return_if_fail (LIA_IS_ATTENDEES_SECTION (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  sync_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
