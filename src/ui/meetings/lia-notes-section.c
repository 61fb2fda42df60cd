/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-notes-section"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "lia-conflict-mark.h"
#include "lia-field-binding.h"
#include "lia-notes-section.h"
#include "lia-widgets.h"

/* What was said and what was decided: the minutes in a Markdown editor,
 * and the decisions, one entry each.  Decisions are a list of strings in
 * one field, so the rows follow it by position: typing rewrites the field
 * and leaves the rows alone, an undo changes the text of the rows that
 * differ, and only a change in number adds or drops a row at the end. */

struct _LiaNotesSection
{
  GtkWidget            parent_instance;

  LiaMeeting          *meeting;
  LiaHistory          *history;
  gboolean             read_only;
  GPtrArray           *decision_rows;  /* AdwEntryRow, one per decision */
  GPtrArray           *remove_buttons; /* GtkButton, one per decision */
  LiaConflictIndex    *conflicts;
  LiaConflictMark     *minutes_mark;   /* in the groups' headers: the field in conflict */
  LiaConflictMark     *decisions_mark;

  AdwPreferencesGroup *minutes_group;
  GtkTextView         *minutes_view;
  AdwPreferencesGroup *decisions_group;
};

G_DEFINE_FINAL_TYPE (LiaNotesSection, lia_notes_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HISTORY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
writable (LiaNotesSection *self)
{
  return self->meeting != NULL && self->history != NULL && !self->read_only;
}

static const char * const *
decisions (LiaNotesSection *self)
{
  return self->meeting ? lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_DECISIONS) : NULL;
}

static void
set_decisions (LiaNotesSection    *self,
               const char * const *list,
               const char         *label,
               gboolean            coalesce)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, list);
  if (label != NULL)
    lia_history_begin (self->history, label);
  lia_history_set_value (self->history, LIA_ENTITY (self->meeting), LIA_MEETING_DECISIONS, &value, coalesce);
  if (label != NULL)
    lia_history_end (self->history);
  g_value_unset (&value);
}

static void
decision_changed_cb (GtkEditable     *editable,
                     LiaNotesSection *self)
{
  g_auto(GStrv) list = g_strdupv ((char **) decisions (self));
  const char *text = gtk_editable_get_text (editable);
  guint i;

  if (!writable (self) || list == NULL || !g_ptr_array_find (self->decision_rows, editable, &i) ||
      i >= g_strv_length (list) || g_str_equal (list[i], text))
    return;
  g_free (list[i]);
  list[i] = g_strdup (text);
  set_decisions (self, (const char * const *) list, NULL, TRUE);
}

static void
decision_remove_cb (GtkWidget       *button,
                    LiaNotesSection *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW);
  const char * const *old = decisions (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint skip;

  if (!writable (self) || row == NULL || !g_ptr_array_find (self->decision_rows, row, &skip))
    return;
  for (guint i = 0; old && old[i]; i++)
    if (i != skip)
      g_strv_builder_add (builder, old[i]);
  list = g_strv_builder_end (builder);
  set_decisions (self, (const char * const *) list, _("Remove decision"), FALSE);
}

static void
add_decision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LiaNotesSection *self = LIA_NOTES_SECTION (widget);
  const char * const *old = decisions (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (!writable (self))
    return;
  if (old != NULL)
    g_strv_builder_addv (builder, (const char **) old);
  g_strv_builder_add (builder, _("New decision"));
  list = g_strv_builder_end (builder);
  set_decisions (self, (const char * const *) list, _("Add decision"), FALSE);
}

static void
sync_decisions (LiaNotesSection *self)
{
  const char * const *list = decisions (self);
  guint n = list ? g_strv_length ((char **) list) : 0;

  while (self->decision_rows->len > n)
    {
      guint last = self->decision_rows->len - 1;

      adw_preferences_group_remove (self->decisions_group, g_ptr_array_index (self->decision_rows, last));
      g_ptr_array_set_size (self->decision_rows, last);
      g_ptr_array_set_size (self->remove_buttons, last);
    }
  while (self->decision_rows->len < n)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = lia_icon_button_new ("user-trash-symbolic", _("Remove Decision"));
      /* Translators: the title of the N-th decision */
      g_autofree char *title = g_strdup_printf (_("Decision %u"), self->decision_rows->len + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), list[self->decision_rows->len]);
      g_signal_connect (row, "changed", G_CALLBACK (decision_changed_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (decision_remove_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      adw_preferences_group_add (self->decisions_group, row);
      g_ptr_array_add (self->decision_rows, row);
      g_ptr_array_add (self->remove_buttons, remove);
    }
  for (guint i = 0; i < n; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->decision_rows, i);

      /* Only where it differs: the row being typed in keeps its cursor.
       * Setting text passes through "" on the way, which is no edit. */
      if (!g_str_equal (gtk_editable_get_text (row), list[i]))
        {
          g_signal_handlers_block_by_func (row, decision_changed_cb, self);
          gtk_editable_set_text (row, list[i]);
          g_signal_handlers_unblock_by_func (row, decision_changed_cb, self);
        }
      gtk_editable_set_editable (row, writable (self));
      gtk_widget_set_sensitive (g_ptr_array_index (self->remove_buttons, i), writable (self));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.add-decision", writable (self));
}

static void
lia_notes_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaNotesSection *self = LIA_NOTES_SECTION (object);

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
lia_notes_section_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaNotesSection *self = LIA_NOTES_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      lia_notes_section_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_notes_section_set_history (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_notes_section_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
follow_conflicts (LiaNotesSection *self)
{
  lia_conflict_mark_follow (self->minutes_mark, self->conflicts, LIA_ENTITY (self->meeting));
  lia_conflict_mark_follow (self->decisions_mark, self->conflicts, LIA_ENTITY (self->meeting));
}

static void
lia_notes_section_dispose (GObject *object)
{
  LiaNotesSection *self = LIA_NOTES_SECTION (object);
  GtkWidget *child;

  lia_notes_section_set_meeting (self, NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->conflicts);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_NOTES_SECTION);
  /* Groups the template does not name are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lia_notes_section_parent_class)->dispose (object);
}

static void
lia_notes_section_finalize (GObject *object)
{
  LiaNotesSection *self = LIA_NOTES_SECTION (object);

  g_ptr_array_unref (self->decision_rows);
  g_ptr_array_unref (self->remove_buttons);
  G_OBJECT_CLASS (lia_notes_section_parent_class)->finalize (object);
}

static void
lia_notes_section_class_init (LiaNotesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lia_notes_section_get_property;
  object_class->set_property = lia_notes_section_set_property;
  object_class->dispose = lia_notes_section_dispose;
  object_class->finalize = lia_notes_section_finalize;

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

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-notes-section.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaNotesSection, minutes_group);
  gtk_widget_class_bind_template_child (widget_class, LiaNotesSection, minutes_view);
  gtk_widget_class_bind_template_child (widget_class, LiaNotesSection, decisions_group);

  gtk_widget_class_install_action (widget_class, "notes.add-decision", NULL, add_decision_action);
}

static void
lia_notes_section_init (LiaNotesSection *self)
{
  GtkLayoutManager *layout;

  self->decision_rows = g_ptr_array_new ();
  self->remove_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);

  lia_source_view_use_markdown (self->minutes_view);
  lia_bind_text_view (self->minutes_view, NULL, NULL, LIA_MEETING_MINUTES);
  sync_decisions (self);

  /* Text conflicts are the likely ones here: both sides took minutes. */
  self->minutes_mark = LIA_CONFLICT_MARK (lia_conflict_mark_new (LIA_MEETING_MINUTES));
  adw_preferences_group_set_header_suffix (self->minutes_group, GTK_WIDGET (self->minutes_mark));
  self->decisions_mark = LIA_CONFLICT_MARK (lia_conflict_mark_new (LIA_MEETING_DECISIONS));
  gtk_box_prepend (GTK_BOX (adw_preferences_group_get_header_suffix (self->decisions_group)),
                   GTK_WIDGET (self->decisions_mark));
}

void
lia_notes_section_set_meeting (LiaNotesSection *self,
                               LiaMeeting      *meeting)
{
  g_return_if_fail (LIA_IS_NOTES_SECTION (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS)->name, NULL);

      g_signal_connect_object (meeting, signal, G_CALLBACK (sync_decisions), self, G_CONNECT_SWAPPED);
    }
  lia_field_binding_set_entity (lia_field_binding_get (GTK_WIDGET (self->minutes_view)), LIA_ENTITY (meeting));
  sync_decisions (self);
  follow_conflicts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
lia_notes_section_set_history (LiaNotesSection *self,
                               LiaHistory      *history)
{
  g_return_if_fail (LIA_IS_NOTES_SECTION (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  lia_field_binding_set_history (lia_field_binding_get (GTK_WIDGET (self->minutes_view)), history);
  sync_decisions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* The minutes and the decisions are marked while @conflicts (may be
 * %NULL) holds a conflict about them. */
void
lia_notes_section_set_conflicts (LiaNotesSection  *self,
                                 LiaConflictIndex *conflicts)
{
  g_return_if_fail (LIA_IS_NOTES_SECTION (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  if (g_set_object (&self->conflicts, conflicts))
    follow_conflicts (self);
}

void
lia_notes_section_set_read_only (LiaNotesSection *self,
                                 gboolean         read_only)
{
  g_return_if_fail (LIA_IS_NOTES_SECTION (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  lia_field_binding_set_read_only (lia_field_binding_get (GTK_WIDGET (self->minutes_view)), read_only);
  sync_decisions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
