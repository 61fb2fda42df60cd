/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-requirement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-conflict-mark.h"
#include "lia-field-binding.h"
#include "lia-requirement-editor.h"
#include "lia-step-row.h"
#include "lia-toast.h"

/* Edits one requirement.  Every change goes through the history, so one
 * Ctrl+Z undoes it wherever it was made; model changes (undo, redo,
 * another view) flow back into the widgets. */

struct _LiaRequirementEditor
{
  GtkWidget      parent_instance;

  LiaHistory    *history;
  LiaEntity     *requirement;
  gboolean       read_only;
  GtkWidget     *bound[6];
  LiaConflictMark *marks[6];     /* one per field, in bound's order */
  LiaConflictIndex *conflicts;

  GtkStack      *stack;
  AdwEntryRow   *business_row;
  AdwEntryRow   *technical_row;
  AdwEntryRow   *owner_row;
  AdwComboRow   *priority_row;
  AdwComboRow   *status_row;
  GtkListBox    *steps_list;
  GtkTextView   *rationale_view;
};

G_DEFINE_FINAL_TYPE (LiaRequirementEditor, lia_requirement_editor, GTK_TYPE_WIDGET)

static GListStore *
steps (LiaRequirementEditor *self)
{
  return lia_entity_get_list (self->requirement, LIA_REQUIREMENT_STEPS);
}

/* The fields of bound_widgets (), in its order. */
static const int bound_fields[] = {
  LIA_REQUIREMENT_BUSINESS_NEED, LIA_REQUIREMENT_TECHNICAL_NEED, LIA_REQUIREMENT_OWNER,
  LIA_REQUIREMENT_PRIORITY, LIA_REQUIREMENT_STATUS, LIA_REQUIREMENT_RATIONALE,
};

/* The form's fields, each with its LiaFieldBinding. */
static GtkWidget **
bound_widgets (LiaRequirementEditor *self,
               guint                *n)
{
  self->bound[0] = GTK_WIDGET (self->business_row);
  self->bound[1] = GTK_WIDGET (self->technical_row);
  self->bound[2] = GTK_WIDGET (self->owner_row);
  self->bound[3] = GTK_WIDGET (self->priority_row);
  self->bound[4] = GTK_WIDGET (self->status_row);
  self->bound[5] = GTK_WIDGET (self->rationale_view);
  *n = G_N_ELEMENTS (self->bound);
  return self->bound;
}

/* ---- steps ---- */

static void
renumber_steps (LiaRequirementEditor *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->steps_list, i)) != NULL; i++)
    {
      /* Translators: the title of the N-th engineering step. */
      g_autofree char *title = g_strdup_printf (_("Step %d"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
}

static void
focus_step (LiaRequirementEditor *self,
            guint                 position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, position);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
move_step (LiaRequirementEditor *self,
           guint                 from,
           guint                 to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (steps (self)));

  if (from >= n || to >= n || from == to || self->read_only)
    return;

  lia_history_begin (self->history, _("Move step"));
  lia_history_move (self->history, steps (self), from, to);
  lia_history_end (self->history);
  focus_step (self, to);
}

static void
remove_step_cb (LiaStepRow           *row,
                LiaRequirementEditor *self)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index < 0 || self->read_only)
    return;

  lia_history_begin (self->history, _("Delete step"));
  lia_history_remove (self->history, steps (self), index);
  lia_history_end (self->history);
  lia_show_undo_toast (GTK_WIDGET (self), _("Step deleted"));
}

static gboolean
step_dropped_cb (LiaStepRow           *row,
                 LiaStep              *dropped,
                 LiaRequirementEditor *self)
{
  guint from;

  if (!g_list_store_find (steps (self), dropped, &from))
    return FALSE;

  move_step (self, from, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  return TRUE;
}

static void
create_in_tracker_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LiaRequirementEditor *self = LIA_REQUIREMENT_EDITOR (widget);

  if (self->requirement != NULL)
    gtk_widget_activate_action (widget, "win.send-to-tracker", "s", lia_entity_get_id (self->requirement));
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  LiaRequirementEditor *self = user_data;
  GtkWidget *row = lia_step_row_new (LIA_STEP (item), self->history, self->read_only);

  lia_step_row_set_conflicts (LIA_STEP_ROW (row), self->conflicts);

  /* The row lives in this editor's list, so it cannot outlive it. */
  g_signal_connect (row, "remove", G_CALLBACK (remove_step_cb), self);
  g_signal_connect (row, "step-dropped", G_CALLBACK (step_dropped_cb), self);
  return row;
}

static int
focused_step_index (LiaRequirementEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->steps_list))
    return -1;
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
move_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LiaRequirementEditor *self = LIA_REQUIREMENT_EDITOR (widget);
  int index = focused_step_index (self);
  gboolean up = g_str_equal (action_name, "editor.move-step-up");

  if (index < 0 || (up && index == 0))
    return;
  move_step (self, index, up ? index - 1 : index + 1);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LiaRequirementEditor *self = LIA_REQUIREMENT_EDITOR (widget);
  g_autoptr(LiaStep) step = NULL;
  int focused;
  guint position;

  if (self->requirement == NULL || self->history == NULL || self->read_only)
    return;

  focused = focused_step_index (self);
  position = focused >= 0 ? (guint) focused + 1 : g_list_model_get_n_items (G_LIST_MODEL (steps (self)));

  step = lia_step_new ();
  lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, _("New step"));
  lia_history_begin (self->history, _("Add step"));
  lia_history_insert (self->history, steps (self), position, step);
  lia_history_end (self->history);
  focus_step (self, position);
}

static void
steps_changed_cb (LiaRequirementEditor *self)
{
  renumber_steps (self);
}

/* A row for each field that a merge may leave in conflict; the
 * rationale, a text view, has it in its group's heading. */
static void
add_marks (LiaRequirementEditor *self)
{
  GtkWidget **bound;
  GtkWidget *group;
  guint n;

  bound = bound_widgets (self, &n);
  G_STATIC_ASSERT (G_N_ELEMENTS (bound_fields) == G_N_ELEMENTS (((LiaRequirementEditor *) NULL)->marks));
  for (guint i = 0; i + 1 < n; i++)
    self->marks[i] = lia_conflict_mark_attach (bound[i], bound_fields[i]);
  group = gtk_widget_get_ancestor (GTK_WIDGET (self->rationale_view), ADW_TYPE_PREFERENCES_GROUP);
  self->marks[n - 1] = LIA_CONFLICT_MARK (lia_conflict_mark_new (LIA_REQUIREMENT_RATIONALE));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->marks[n - 1]));
}

static void
follow_conflicts (LiaRequirementEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->marks); i++)
    lia_conflict_mark_follow (self->marks[i], self->conflicts, self->requirement);
}

static void
lia_requirement_editor_dispose (GObject *object)
{
  LiaRequirementEditor *self = LIA_REQUIREMENT_EDITOR (object);

  lia_requirement_editor_set_requirement (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_REQUIREMENT_EDITOR);
  g_clear_object (&self->history);
  g_clear_object (&self->conflicts);

  G_OBJECT_CLASS (lia_requirement_editor_parent_class)->dispose (object);
}

static void
lia_requirement_editor_class_init (LiaRequirementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_requirement_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/requirements/lia-requirement-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, business_row);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, technical_row);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementEditor, rationale_view);

  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "editor.create-in-tracker", NULL, create_in_tracker_action);
  gtk_widget_class_install_action (widget_class, "editor.move-step-up", NULL, move_step_action);
  gtk_widget_class_install_action (widget_class, "editor.move-step-down", NULL, move_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-step-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-step-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.add-step", NULL);
}

static void
lia_requirement_editor_init (LiaRequirementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Undo is the workspace history's job, not each entry's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->business_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->technical_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->owner_row), FALSE);
  lia_bind_entry (GTK_EDITABLE (self->business_row), NULL, NULL, LIA_REQUIREMENT_BUSINESS_NEED);
  lia_bind_entry (GTK_EDITABLE (self->technical_row), NULL, NULL, LIA_REQUIREMENT_TECHNICAL_NEED);
  lia_bind_entry (GTK_EDITABLE (self->owner_row), NULL, NULL, LIA_REQUIREMENT_OWNER);
  lia_bind_choice (GTK_WIDGET (self->priority_row), NULL, NULL, LIA_REQUIREMENT_PRIORITY);
  lia_bind_choice (GTK_WIDGET (self->status_row), NULL, NULL, LIA_REQUIREMENT_STATUS);
  lia_bind_text_view (self->rationale_view, NULL, NULL, LIA_REQUIREMENT_RATIONALE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  add_marks (self);
}

void
lia_requirement_editor_set_history (LiaRequirementEditor *self,
                                    LiaHistory           *history)
{
  GtkWidget **bound;
  guint n;

  g_return_if_fail (LIA_IS_REQUIREMENT_EDITOR (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  g_set_object (&self->history, history);
  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    lia_field_binding_set_history (lia_field_binding_get (bound[i]), history);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (LIA_IS_STEP_ROW (row))
      lia_step_row_set_history (LIA_STEP_ROW (row), history);
}

void
lia_requirement_editor_set_requirement (LiaRequirementEditor *self,
                                        LiaEntity            *requirement)
{
  g_return_if_fail (LIA_IS_REQUIREMENT_EDITOR (self));
  g_return_if_fail (requirement == NULL || LIA_IS_REQUIREMENT (requirement));

  if (self->requirement == requirement)
    return;

  if (self->requirement != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->requirement, self);
      g_signal_handlers_disconnect_by_data (steps (self), self);
    }
  g_set_object (&self->requirement, requirement);
  {
    guint n;
    GtkWidget **bound = bound_widgets (self, &n);

    for (guint i = 0; i < n; i++)
      lia_field_binding_set_entity (lia_field_binding_get (bound[i]), requirement);
  }
  follow_conflicts (self);

  if (requirement == NULL)
    {
      if (self->steps_list != NULL)
        gtk_list_box_bind_model (self->steps_list, NULL, NULL, NULL, NULL);
      if (self->stack != NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_list_box_bind_model (self->steps_list, G_LIST_MODEL (steps (self)), create_step_row, self, NULL);
  g_signal_connect_object (steps (self), "items-changed", G_CALLBACK (steps_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  renumber_steps (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

/* The form marks the fields and steps @conflicts (may be %NULL) holds a
 * conflict about. */
void
lia_requirement_editor_set_conflicts (LiaRequirementEditor *self,
                                      LiaConflictIndex     *conflicts)
{
  GtkListBoxRow *row;

  g_return_if_fail (LIA_IS_REQUIREMENT_EDITOR (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  if (!g_set_object (&self->conflicts, conflicts))
    return;
  follow_conflicts (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->steps_list, i)) != NULL; i++)
    lia_step_row_set_conflicts (LIA_STEP_ROW (row), conflicts);
}

LiaEntity *
lia_requirement_editor_get_requirement (LiaRequirementEditor *self)
{
  g_return_val_if_fail (LIA_IS_REQUIREMENT_EDITOR (self), NULL);

  return self->requirement;
}

void
lia_requirement_editor_focus (LiaRequirementEditor *self)
{
  g_return_if_fail (LIA_IS_REQUIREMENT_EDITOR (self));

  if (self->requirement != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->business_row));
}

void
lia_requirement_editor_set_read_only (LiaRequirementEditor *self,
                                      gboolean              read_only)
{
  g_return_if_fail (LIA_IS_REQUIREMENT_EDITOR (self));

  self->read_only = !!read_only;
  {
    guint n;
    GtkWidget **bound = bound_widgets (self, &n);

    for (guint i = 0; i < n; i++)
      lia_field_binding_set_read_only (lia_field_binding_get (bound[i]), read_only);
  }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (LIA_IS_STEP_ROW (row))
      lia_step_row_set_read_only (LIA_STEP_ROW (row), read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-step", !read_only);
}
