/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-editor"

#include "config.h"

#include "lia-action-items-section.h"
#include "lia-agenda-section.h"
#include "lia-attendees-section.h"
#include "lia-evaluation-section.h"
#include "lia-meeting-details-section.h"
#include "lia-meeting-editor.h"
#include "lia-notes-section.h"

/* One meeting, as GNOME Calendar's event editor shows an event: a
 * scrolling column of sections (details, attendees, agenda, minutes and
 * decisions, action items, evaluation), each its own widget owning the
 * meeting, the history and whether it may write.  The editor hands them
 * those and brings rows the user adds into view. */

struct _LiaMeetingEditor
{
  GtkWidget                 parent_instance;

  LiaWorkspace             *workspace;
  LiaMeeting               *meeting;

  GtkScrolledWindow        *scrolled;
  GtkWidget                *content;
  LiaMeetingDetailsSection *details_section;
  LiaAttendeesSection      *attendees_section;
  LiaAgendaSection         *agenda_section;
  LiaNotesSection          *notes_section;
  LiaActionItemsSection    *action_items_section;
  LiaEvaluationSection     *evaluation_section;
};

G_DEFINE_FINAL_TYPE (LiaMeetingEditor, lia_meeting_editor, GTK_TYPE_WIDGET)

static gboolean
writable (LiaMeetingEditor *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

static void
update_read_only (LiaMeetingEditor *self)
{
  gboolean read_only = !writable (self);

  lia_meeting_details_section_set_read_only (self->details_section, read_only);
  lia_attendees_section_set_read_only (self->attendees_section, read_only);
  lia_agenda_section_set_read_only (self->agenda_section, read_only);
  lia_notes_section_set_read_only (self->notes_section, read_only);
  lia_action_items_section_set_read_only (self->action_items_section, read_only);
  lia_evaluation_section_set_read_only (self->evaluation_section, read_only);
}

static void
show_meeting (LiaMeetingEditor *self)
{
  /* Without a workspace there is no history to write through. */
  LiaMeeting *meeting = self->workspace != NULL ? self->meeting : NULL;

  lia_meeting_details_section_set_meeting (self->details_section, meeting);
  lia_attendees_section_set_meeting (self->attendees_section, meeting);
  lia_agenda_section_set_meeting (self->agenda_section, meeting);
  lia_notes_section_set_meeting (self->notes_section, meeting);
  lia_action_items_section_set_meeting (self->action_items_section, meeting);
  lia_evaluation_section_set_meeting (self->evaluation_section, meeting);
  gtk_widget_set_visible (self->content, meeting != NULL);
}

/* A row the user has just added goes where the eye is, a third of the
 * way down, once it has a place on screen; rows others insert do not
 * move the view. */
static gboolean
reveal_tick_cb (GtkWidget     *row,
                GdkFrameClock *clock,
                gpointer       data)
{
  LiaMeetingEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  graphene_rect_t bounds;

  /* Mapped now, so allocated by the next frame's layout. */
  if (!gtk_widget_get_mapped (row))
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_height (row) == 0)
    return G_SOURCE_CONTINUE;
  if (gtk_widget_compute_bounds (row, self->content, &bounds))
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);
      double y = bounds.origin.y;

      if (y < value || y + bounds.size.height > value + page)
        gtk_adjustment_set_value (adjustment, y - page / 3);
    }
  return G_SOURCE_REMOVE;
}

static void
reveal_cb (LiaMeetingEditor *self,
           GtkWidget        *row)
{
  gtk_widget_add_tick_callback (row, reveal_tick_cb, self, NULL);
}

static void
lia_meeting_editor_dispose (GObject *object)
{
  LiaMeetingEditor *self = LIA_MEETING_EDITOR (object);
  GtkWidget *child;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->meeting);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEETING_EDITOR);
  /* Groups the template does not name are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lia_meeting_editor_parent_class)->dispose (object);
}

static void
lia_meeting_editor_class_init (LiaMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meeting_editor_dispose;

  g_type_ensure (LIA_TYPE_MEETING_DETAILS_SECTION);
  g_type_ensure (LIA_TYPE_ATTENDEES_SECTION);
  g_type_ensure (LIA_TYPE_AGENDA_SECTION);
  g_type_ensure (LIA_TYPE_NOTES_SECTION);
  g_type_ensure (LIA_TYPE_ACTION_ITEMS_SECTION);
  g_type_ensure (LIA_TYPE_EVALUATION_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-meeting-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, content);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, details_section);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, attendees_section);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, agenda_section);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, notes_section);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, action_items_section);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingEditor, evaluation_section);
  gtk_widget_class_bind_template_callback (widget_class, reveal_cb);
}

static void
lia_meeting_editor_init (LiaMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_meeting (self);
  update_read_only (self);
}

void
lia_meeting_editor_set_workspace (LiaMeetingEditor *self,
                                  LiaWorkspace     *workspace)
{
  g_autoptr(LiaConflictIndex) conflicts = NULL;
  LiaHistory *history;
  GListModel *members, *meetings;

  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  lia_meeting_editor_set_meeting (self, NULL);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "notify::read-only", G_CALLBACK (update_read_only), self, G_CONNECT_SWAPPED);

  history = workspace ? lia_workspace_get_history (workspace) : NULL;
  members = workspace ? G_LIST_MODEL (lia_workspace_get_members (workspace)) : NULL;
  meetings = workspace ? G_LIST_MODEL (lia_workspace_get_meetings (workspace)) : NULL;
  /* One index for the sections that mark what a merge left in conflict. */
  if (workspace != NULL)
    conflicts = lia_conflict_index_new (G_LIST_MODEL (lia_workspace_get_conflicts (workspace)));
  lia_meeting_details_section_set_conflicts (self->details_section, conflicts);
  lia_attendees_section_set_conflicts (self->attendees_section, conflicts);
  lia_notes_section_set_conflicts (self->notes_section, conflicts);
  lia_agenda_section_set_conflicts (self->agenda_section, conflicts);
  lia_action_items_section_set_conflicts (self->action_items_section, conflicts);
  lia_meeting_details_section_set_history (self->details_section, history);
  lia_attendees_section_set_history (self->attendees_section, history);
  lia_attendees_section_set_members (self->attendees_section, members);
  lia_agenda_section_set_history (self->agenda_section, history);
  lia_agenda_section_set_members (self->agenda_section, members);
  lia_notes_section_set_history (self->notes_section, history);
  lia_action_items_section_set_history (self->action_items_section, history);
  lia_action_items_section_set_members (self->action_items_section, members);
  lia_evaluation_section_set_history (self->evaluation_section, history);
  lia_evaluation_section_set_meetings (self->evaluation_section, meetings);
  update_read_only (self);
}

void
lia_meeting_editor_set_meeting (LiaMeetingEditor *self,
                                LiaMeeting       *meeting)
{
  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  if (!g_set_object (&self->meeting, meeting))
    return;
  show_meeting (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

LiaMeeting *
lia_meeting_editor_get_meeting (LiaMeetingEditor *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), NULL);

  return self->meeting;
}

void
lia_meeting_editor_add_item (LiaMeetingEditor *self,
                             gboolean          is_break)
{
  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));

  lia_agenda_section_add_item (self->agenda_section, is_break);
}

void
lia_meeting_editor_move_item (LiaMeetingEditor *self,
                              guint             from,
                              guint             to)
{
  g_return_if_fail (LIA_IS_MEETING_EDITOR (self));

  lia_agenda_section_move_item (self->agenda_section, from, to);
}

const char *
lia_meeting_editor_get_summary (LiaMeetingEditor *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), NULL);

  return lia_agenda_section_get_summary (self->agenda_section);
}

gboolean
lia_meeting_editor_get_overrun (LiaMeetingEditor *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), FALSE);

  return lia_agenda_section_get_overrun (self->agenda_section);
}

/* "09:00–09:10  Opening and background" as the agenda shows it. */
char *
lia_meeting_editor_describe_item (LiaMeetingEditor *self,
                                  guint             index)
{
  g_return_val_if_fail (LIA_IS_MEETING_EDITOR (self), NULL);

  return lia_agenda_section_describe_item (self->agenda_section, index);
}
