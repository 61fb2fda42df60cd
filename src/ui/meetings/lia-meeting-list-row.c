/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-meeting-list-row.c: a meeting's title and start in the Meetings list. */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-conflict-mark.h"
#include "lia-meeting-list-row.h"
#include "lia-meeting-plan.h"

/* The row follows its meeting's fields itself, so an edit touches only
 * this row and the list is never rebuilt; its warning sign follows the
 * conflicts a merge left in the meeting or its agenda and action items. */

struct _LiaMeetingListRow
{
  GtkListBoxRow  parent_instance;

  LiaMeeting    *meeting;
  LiaConflictMark *mark;

  /* template children */
  GtkLabel      *title_label;
  GtkLabel      *when_label;
};

G_DEFINE_FINAL_TYPE (LiaMeetingListRow, lia_meeting_list_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_when (LiaMeetingListRow *self)
{
  LiaEntity *meeting = LIA_ENTITY (self->meeting);
  g_autofree char *when = NULL;
  gint64 t;

  if (lia_meeting_get_start_instant (self->meeting, &t, NULL))
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (lia_entity_get_string (meeting, LIA_MEETING_TIMEZONE));
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
      g_autofree char *date = g_date_time_format (local, _("%a %e %b %Y, %H:%M"));
      when = g_strdup_printf ("%s · %s", date, lia_entity_get_string (meeting, LIA_MEETING_TIMEZONE));
    }
  gtk_label_set_label (self->when_label, when ? when : lia_entity_get_string (meeting, LIA_MEETING_START));
}

static gint64
start_of (LiaMeeting *meeting)
{
  gint64 t = 0;

  lia_meeting_get_start_instant (meeting, &t, NULL);
  return t;
}

/* Whether @meeting starts at @now (unix seconds) or later. */
gboolean
lia_meeting_list_is_upcoming (LiaMeeting *meeting,
                              gint64      now)
{
  g_return_val_if_fail (LIA_IS_MEETING (meeting), FALSE);

  return start_of (meeting) >= now;
}

/* The list's order: upcoming first, soonest first; then past, latest
 * first. */
int
lia_meeting_list_compare (LiaMeeting *a,
                          LiaMeeting *b,
                          gint64      now)
{
  gint64 x = start_of (a);
  gint64 y = start_of (b);
  gboolean xu = x >= now, yu = y >= now;

  if (xu != yu)
    return xu ? -1 : 1;
  if (xu)
    return x < y ? -1 : x > y;
  return x > y ? -1 : x < y;
}

/**
 * lia_meeting_list_row_update_header:
 * @before: (nullable): the row above
 *
 * Heads the first upcoming and the first past row ("Upcoming", "Past");
 * an unchanged header is kept.
 */
void
lia_meeting_list_row_update_header (LiaMeetingListRow *self,
                                    LiaMeetingListRow *before,
                                    gint64             now)
{
  gboolean upcoming;
  const char *text;
  GtkWidget *label;

  g_return_if_fail (LIA_IS_MEETING_LIST_ROW (self));
  g_return_if_fail (before == NULL || LIA_IS_MEETING_LIST_ROW (before));

  upcoming = lia_meeting_list_is_upcoming (self->meeting, now);
  text = upcoming ? _("Upcoming") : _("Past");
  label = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (self));
  if (before != NULL && lia_meeting_list_is_upcoming (before->meeting, now) == upcoming)
    {
      gtk_list_box_row_set_header (GTK_LIST_BOX_ROW (self), NULL);
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
  gtk_list_box_row_set_header (GTK_LIST_BOX_ROW (self), label);
}

/* Marks the row while @conflicts (may be %NULL) holds a conflict about
 * the meeting or an entity in its lists. */
void
lia_meeting_list_row_set_conflicts (LiaMeetingListRow *self,
                                    LiaConflictIndex  *conflicts)
{
  g_return_if_fail (LIA_IS_MEETING_LIST_ROW (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  lia_conflict_mark_follow (self->mark, conflicts, LIA_ENTITY (self->meeting));
}

LiaMeeting *
lia_meeting_list_row_get_meeting (LiaMeetingListRow *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_LIST_ROW (self), NULL);

  return self->meeting;
}

GtkWidget *
lia_meeting_list_row_new (LiaMeeting *meeting)
{
  g_return_val_if_fail (LIA_IS_MEETING (meeting), NULL);

  return g_object_new (LIA_TYPE_MEETING_LIST_ROW, "meeting", meeting, NULL);
}

static void
lia_meeting_list_row_constructed (GObject *object)
{
  LiaMeetingListRow *self = LIA_MEETING_LIST_ROW (object);

  G_OBJECT_CLASS (lia_meeting_list_row_parent_class)->constructed (object);

  g_return_if_fail (self->meeting != NULL);
  g_object_bind_property (self->meeting, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->meeting, "notify::start", G_CALLBACK (update_when), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meeting, "notify::timezone", G_CALLBACK (update_when), self, G_CONNECT_SWAPPED);
  update_when (self);
}

static void
lia_meeting_list_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaMeetingListRow *self = LIA_MEETING_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meeting_list_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiaMeetingListRow *self = LIA_MEETING_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meeting_list_row_dispose (GObject *object)
{
  LiaMeetingListRow *self = LIA_MEETING_LIST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEETING_LIST_ROW);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (lia_meeting_list_row_parent_class)->dispose (object);
}

static void
lia_meeting_list_row_class_init (LiaMeetingListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_meeting_list_row_constructed;
  object_class->dispose = lia_meeting_list_row_dispose;
  object_class->get_property = lia_meeting_list_row_get_property;
  object_class->set_property = lia_meeting_list_row_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, LIA_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-meeting-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingListRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingListRow, when_label);
}

static void
lia_meeting_list_row_init (LiaMeetingListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mark = LIA_CONFLICT_MARK (lia_conflict_mark_new (LIA_CONFLICT_MARK_CONTENTS));
  /* The row's child, which the row (not the template) disposes. */
  gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self))), GTK_WIDGET (self->mark));
}
