/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-details-section"

#include "config.h"

#include "lia-conflict-mark.h"
#include "lia-date-picker.h"
#include "lia-field-binding.h"
#include "lia-meeting-details-section.h"

/* A meeting's title, start, zone, planned length, place, goal and
 * recurrence: fixed rows, each bound to its field. */

struct _LiaMeetingDetailsSection
{
  AdwPreferencesGroup  parent_instance;

  LiaMeeting          *meeting;
  LiaHistory          *history;
  gboolean             read_only;
  GtkWidget           *bound[7];  /* the fields, each with its LiaFieldBinding */
  LiaConflictMark     *marks[7];  /* on each field's row, in bound's order */
  LiaConflictIndex    *conflicts;

  AdwEntryRow         *title_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *timezone_row;
  GtkSpinButton       *duration_spin;
  AdwEntryRow         *location_row;
  AdwEntryRow         *goal_row;
  AdwComboRow         *recurrence_row;
};

G_DEFINE_FINAL_TYPE (LiaMeetingDetailsSection, lia_meeting_details_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HISTORY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields of bound_widgets (), in its order. */
static const int bound_fields[] = {
  LIA_MEETING_TITLE, LIA_MEETING_START, LIA_MEETING_TIMEZONE, LIA_MEETING_DURATION,
  LIA_MEETING_LOCATION, LIA_MEETING_GOAL, LIA_MEETING_RECURRENCE,
};

static GtkWidget **
bound_widgets (LiaMeetingDetailsSection *self,
               guint                    *n)
{
  self->bound[0] = GTK_WIDGET (self->title_row);
  self->bound[1] = GTK_WIDGET (self->start_row);
  self->bound[2] = GTK_WIDGET (self->timezone_row);
  self->bound[3] = GTK_WIDGET (self->duration_spin);
  self->bound[4] = GTK_WIDGET (self->location_row);
  self->bound[5] = GTK_WIDGET (self->goal_row);
  self->bound[6] = GTK_WIDGET (self->recurrence_row);
  *n = G_N_ELEMENTS (self->bound);
  return self->bound;
}

static void
follow_conflicts (LiaMeetingDetailsSection *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->marks); i++)
    lia_conflict_mark_follow (self->marks[i], self->conflicts, LIA_ENTITY (self->meeting));
}

static void
lia_meeting_details_section_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  LiaMeetingDetailsSection *self = LIA_MEETING_DETAILS_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meeting_details_section_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  LiaMeetingDetailsSection *self = LIA_MEETING_DETAILS_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      lia_meeting_details_section_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_meeting_details_section_set_history (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_meeting_details_section_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meeting_details_section_dispose (GObject *object)
{
  LiaMeetingDetailsSection *self = LIA_MEETING_DETAILS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEETING_DETAILS_SECTION);
  g_clear_object (&self->meeting);
  g_clear_object (&self->history);
  g_clear_object (&self->conflicts);
  G_OBJECT_CLASS (lia_meeting_details_section_parent_class)->dispose (object);
}

static void
lia_meeting_details_section_class_init (LiaMeetingDetailsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lia_meeting_details_section_get_property;
  object_class->set_property = lia_meeting_details_section_set_property;
  object_class->dispose = lia_meeting_details_section_dispose;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, LIA_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-meeting-details-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDetailsSection, title_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDetailsSection, start_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDetailsSection, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDetailsSection, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDetailsSection, location_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDetailsSection, goal_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDetailsSection, recurrence_row);
}

static void
lia_meeting_details_section_init (LiaMeetingDetailsSection *self)
{
  GtkWidget **bound;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  lia_bind_entry (GTK_EDITABLE (self->title_row), NULL, NULL, LIA_MEETING_TITLE);
  /* Typed in the locale's usual forms or picked from the calendar. */
  lia_field_binding_set_parse (lia_bind_entry (GTK_EDITABLE (self->start_row), NULL, NULL, LIA_MEETING_START),
                               lia_parse_user_datetime, lia_format_datetime_for_entry);
  adw_entry_row_add_suffix (self->start_row, lia_date_picker_new (GTK_EDITABLE (self->start_row), TRUE));
  lia_bind_entry (GTK_EDITABLE (self->timezone_row), NULL, NULL, LIA_MEETING_TIMEZONE);
  lia_bind_spin (self->duration_spin, NULL, NULL, LIA_MEETING_DURATION);
  lia_bind_entry (GTK_EDITABLE (self->location_row), NULL, NULL, LIA_MEETING_LOCATION);
  lia_bind_entry (GTK_EDITABLE (self->goal_row), NULL, NULL, LIA_MEETING_GOAL);
  lia_bind_choice (GTK_WIDGET (self->recurrence_row), NULL, NULL, LIA_MEETING_RECURRENCE);

  bound = bound_widgets (self, &n);
  G_STATIC_ASSERT (G_N_ELEMENTS (bound_fields) == G_N_ELEMENTS (((LiaMeetingDetailsSection *) NULL)->marks));
  for (guint i = 0; i < n; i++)
    self->marks[i] = lia_conflict_mark_attach (bound[i], bound_fields[i]);
}

void
lia_meeting_details_section_set_meeting (LiaMeetingDetailsSection *self,
                                         LiaMeeting               *meeting)
{
  GtkWidget **bound;
  guint n;

  g_return_if_fail (LIA_IS_MEETING_DETAILS_SECTION (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  if (!g_set_object (&self->meeting, meeting))
    return;
  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    lia_field_binding_set_entity (lia_field_binding_get (bound[i]), LIA_ENTITY (meeting));
  follow_conflicts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
lia_meeting_details_section_set_history (LiaMeetingDetailsSection *self,
                                         LiaHistory               *history)
{
  GtkWidget **bound;
  guint n;

  g_return_if_fail (LIA_IS_MEETING_DETAILS_SECTION (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    lia_field_binding_set_history (lia_field_binding_get (bound[i]), history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* Each field's row is marked while @conflicts (may be %NULL) holds a
 * conflict about that field of the meeting. */
void
lia_meeting_details_section_set_conflicts (LiaMeetingDetailsSection *self,
                                           LiaConflictIndex         *conflicts)
{
  g_return_if_fail (LIA_IS_MEETING_DETAILS_SECTION (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  if (g_set_object (&self->conflicts, conflicts))
    follow_conflicts (self);
}

void
lia_meeting_details_section_set_read_only (LiaMeetingDetailsSection *self,
                                           gboolean                  read_only)
{
  GtkWidget **bound;
  guint n;

  g_return_if_fail (LIA_IS_MEETING_DETAILS_SECTION (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    lia_field_binding_set_read_only (lia_field_binding_get (bound[i]), read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
