/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-meeting-list-row.c: a meeting's title and start in the Meetings list. */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-conflict-mark.h"
#include "lia-meeting-list-row.h"
#include "lia-meeting-plan.h"
#include "lia-tz-names.h"

/* The row follows its meeting's fields itself, so an edit touches only
 * this row and the list is never rebuilt; its warning sign follows the
 * conflicts a merge left in the meeting or its agenda and action items.
 * The list view gives a row one item after another as it scrolls. */

struct _LiaMeetingListRow
{
  GtkWidget        parent_instance;

  LiaMeeting      *meeting;
  GBinding        *title_binding;
  LiaConflictMark *mark;

  /* template children */
  GtkLabel        *heading_label;
  GtkWidget       *meeting_box;
  GtkLabel        *title_label;
  GtkLabel        *when_label;
};

G_DEFINE_FINAL_TYPE (LiaMeetingListRow, lia_meeting_list_row, GTK_TYPE_WIDGET)

static void
update_when (LiaMeetingListRow *self)
{
  LiaEntity *meeting = LIA_ENTITY (self->meeting);
  g_autofree char *when = NULL;
  gint64 t;

  if (lia_meeting_get_start_instant (self->meeting, &t, NULL))
    {
      /* Known, or the start would not have an instant; read once per zone
       * (rows are bound again as the list scrolls). */
      g_autoptr(GTimeZone) zone = lia_tz_new_known (lia_entity_get_string (meeting, LIA_MEETING_TIMEZONE));
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

/* Shows @item: a meeting, marked while @conflicts (may be %NULL) holds a
 * conflict about it or an entity in its lists; a heading (a
 * GtkStringObject); or nothing (%NULL). */
void
lia_meeting_list_row_set_item (LiaMeetingListRow *self,
                               GObject           *item,
                               LiaConflictIndex  *conflicts)
{
  LiaMeeting *meeting;

  g_return_if_fail (LIA_IS_MEETING_LIST_ROW (self));
  g_return_if_fail (item == NULL || LIA_IS_MEETING (item) || GTK_IS_STRING_OBJECT (item));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  meeting = LIA_IS_MEETING (item) ? LIA_MEETING (item) : NULL;
  if (self->meeting != meeting)
    {
      if (self->meeting != NULL)
        g_signal_handlers_disconnect_by_data (self->meeting, self);
      g_clear_pointer (&self->title_binding, g_binding_unbind);
      g_set_object (&self->meeting, meeting);
      if (meeting != NULL)
        {
          self->title_binding = g_object_bind_property (meeting, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
          g_signal_connect_object (meeting, "notify::start", G_CALLBACK (update_when), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (meeting, "notify::timezone", G_CALLBACK (update_when), self, G_CONNECT_SWAPPED);
          update_when (self);
        }
    }
  lia_conflict_mark_follow (self->mark, meeting ? conflicts : NULL, LIA_ENTITY (meeting));
  gtk_widget_set_visible (self->meeting_box, meeting != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), GTK_IS_STRING_OBJECT (item));
  if (GTK_IS_STRING_OBJECT (item))
    gtk_label_set_label (self->heading_label, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

/* The heading shown, or %NULL on a meeting's row. */
const char *
lia_meeting_list_row_get_heading (LiaMeetingListRow *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_LIST_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->heading_label)) ? gtk_label_get_label (self->heading_label) : NULL;
}

LiaMeeting *
lia_meeting_list_row_get_meeting (LiaMeetingListRow *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_LIST_ROW (self), NULL);

  return self->meeting;
}

GtkWidget *
lia_meeting_list_row_new (void)
{
  return g_object_new (LIA_TYPE_MEETING_LIST_ROW, NULL);
}

static void
lia_meeting_list_row_dispose (GObject *object)
{
  LiaMeetingListRow *self = LIA_MEETING_LIST_ROW (object);

  /* Once: the mark goes with the template. */
  if (self->meeting_box != NULL)
    lia_meeting_list_row_set_item (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEETING_LIST_ROW);

  G_OBJECT_CLASS (lia_meeting_list_row_parent_class)->dispose (object);
}

static void
lia_meeting_list_row_class_init (LiaMeetingListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meeting_list_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-meeting-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingListRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingListRow, meeting_box);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingListRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingListRow, when_label);
}

static void
lia_meeting_list_row_init (LiaMeetingListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->mark = LIA_CONFLICT_MARK (lia_conflict_mark_new (LIA_CONFLICT_MARK_CONTENTS));
  /* In the meeting's box, which the template disposes with it. */
  gtk_box_append (GTK_BOX (self->meeting_box), GTK_WIDGET (self->mark));
}
