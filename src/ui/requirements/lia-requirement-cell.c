/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-requirement-cell.c: one cell of the requirement translation table:
 * a wrapped label showing one field of the requirement its row shows,
 * and a warning sign while a merge left that field in conflict. */
#define G_LOG_DOMAIN "lia-requirement-cell"

#include "config.h"

#include "lia-conflict-mark.h"
#include "lia-export.h"
#include "lia-requirement-cell.h"

/* The column view recycles cells from row to row; what a cell follows
 * (its requirement, and for the steps column the history) is kept here
 * so that unbinding disconnects exactly what binding connected, even
 * when the workspace has changed in between. */

struct _LiaRequirementCell
{
  GtkWidget   parent_instance;

  int         field;        /* LIA_REQUIREMENT_CELL_STEPS for the steps */
  gboolean    choice;       /* shows the choice's label, not its id */
  LiaEntity  *requirement;
  LiaHistory *history;

  GtkLabel        *label;
  LiaConflictMark *mark;
};

G_DEFINE_FINAL_TYPE (LiaRequirementCell, lia_requirement_cell, GTK_TYPE_WIDGET)

static char *
cell_text (LiaRequirementCell *self)
{
  if (self->field == LIA_REQUIREMENT_CELL_STEPS)
    return lia_requirement_format_steps (self->requirement, "\n");
  if (self->choice)
    return g_strdup (lia_choice_get_label (lia_entity_get_string (self->requirement, self->field)));
  return g_strdup (lia_entity_get_string (self->requirement, self->field));
}

static void
refresh (LiaRequirementCell *self)
{
  g_autofree char *text = NULL;

  if (self->requirement == NULL)
    return;
  text = cell_text (self);
  if (g_strcmp0 (gtk_label_get_label (self->label), text) != 0)
    gtk_label_set_label (self->label, text);
}

static void
unbind (LiaRequirementCell *self)
{
  if (self->requirement != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->requirement, self);
      g_signal_handlers_disconnect_by_data (lia_entity_get_list (self->requirement, LIA_REQUIREMENT_STEPS), self);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->requirement);
  g_clear_object (&self->history);
  lia_conflict_mark_follow (self->mark, NULL, NULL);
}

static void
lia_requirement_cell_dispose (GObject *object)
{
  LiaRequirementCell *self = LIA_REQUIREMENT_CELL (object);

  unbind (self);
  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  if (self->mark != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->mark));
  self->label = NULL;
  self->mark = NULL;
  G_OBJECT_CLASS (lia_requirement_cell_parent_class)->dispose (object);
}

static void
lia_requirement_cell_class_init (LiaRequirementCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_requirement_cell_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
lia_requirement_cell_init (LiaRequirementCell *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 8);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  self->label = GTK_LABEL (label);
}

/**
 * lia_requirement_cell_new:
 * @mark: what the cell's warning sign watches: a field index, or one of
 *   %LIA_CONFLICT_MARK_ENTITY, %LIA_CONFLICT_MARK_CONTENTS (the row's
 *   mark: the requirement or its steps), %LIA_CONFLICT_MARK_INSIDE (the
 *   steps column: its steps, including one a side removed)
 */
GtkWidget *
lia_requirement_cell_new (int      field,
                          gboolean choice,
                          int      mark)
{
  LiaRequirementCell *self = g_object_new (LIA_TYPE_REQUIREMENT_CELL, NULL);

  self->field = field;
  self->choice = !!choice;
  self->mark = LIA_CONFLICT_MARK (lia_conflict_mark_new (mark));
  gtk_widget_set_valign (GTK_WIDGET (self->mark), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->mark), 6);
  gtk_widget_set_parent (GTK_WIDGET (self->mark), GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/* Shows @requirement's field and follows its changes until bound to
 * another (or to %NULL, which the column view does when it unbinds).
 * The steps column also follows @history: the steps are entities of
 * their own, and their edits reach the table through the list and
 * through the history.  The cell's mark follows @conflicts. */
void
lia_requirement_cell_bind (LiaRequirementCell *self,
                           LiaEntity          *requirement,
                           LiaHistory         *history,
                           LiaConflictIndex   *conflicts)
{
  g_return_if_fail (LIA_IS_REQUIREMENT_CELL (self));
  g_return_if_fail (requirement == NULL || LIA_IS_REQUIREMENT (requirement));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  unbind (self);
  if (requirement == NULL)
    return;

  self->requirement = g_object_ref (requirement);
  refresh (self);
  lia_conflict_mark_follow (self->mark, conflicts, requirement);
  g_signal_connect_object (requirement, "notify", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  if (self->field == LIA_REQUIREMENT_CELL_STEPS && history != NULL)
    {
      self->history = g_object_ref (history);
      g_signal_connect_object (lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS), "items-changed",
                               G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
    }
}
