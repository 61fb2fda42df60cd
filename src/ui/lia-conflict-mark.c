/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-conflict-mark"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-conflict-mark.h"

/* After a git merge some entities hold "our" value while a teammate's
 * differs; the conflicts dialog (win.review-conflicts) decides them.
 * Until then the tree, the table and the editors show a warning sign on
 * each such row or field.  A mark follows one entity through a
 * LiaConflictIndex, so resolving or undoing a conflict updates the marks
 * shown, one lookup each, and no list is rebuilt. */

struct _LiaConflictMark
{
  GtkWidget         parent_instance;

  int               field;       /* a field index or LIA_CONFLICT_MARK_* */
  LiaConflictIndex *index;
  LiaEntity        *entity;
  GtkWidget        *target;      /* weak: gets the warning style too */
  gboolean          conflicted;
};

G_DEFINE_FINAL_TYPE (LiaConflictMark, lia_conflict_mark, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONFLICTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lookup (LiaConflictMark *self)
{
  const char *id;

  if (self->index == NULL || self->entity == NULL)
    return FALSE;
  id = lia_entity_get_id (self->entity);
  switch (self->field)
    {
    case LIA_CONFLICT_MARK_ENTITY:
      return lia_conflict_index_has (self->index, id, NULL);
    case LIA_CONFLICT_MARK_CONTENTS:
      return lia_conflict_index_has_within (self->index, self->entity, FALSE);
    case LIA_CONFLICT_MARK_INSIDE:
      return lia_conflict_index_has_within (self->index, self->entity, TRUE);
    default:
      return lia_conflict_index_has_field (self->index, self->entity, self->field);
    }
}

static void
update_target (LiaConflictMark *self)
{
  if (self->target == NULL)
    return;
  if (self->conflicted)
    gtk_widget_add_css_class (self->target, "warning");
  else
    gtk_widget_remove_css_class (self->target, "warning");
}

/* The warning sign is made the first time the mark shows: a table of
 * thousands of rows has a mark in every cell GTK keeps (800 for 200
 * rows), and almost none of them ever shows. */
static void
ensure_sign (LiaConflictMark *self)
{
  GtkWidget *image;
  /* Translators: the tooltip of the warning sign on a page, requirement
   * or meeting field that a merge (git) left in conflict */
  const char *text = _("Conflicts with a teammate’s change");

  if (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    return;
  image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (image, "warning");
  gtk_widget_set_tooltip_text (image, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_set_parent (image, GTK_WIDGET (self));
}

static void
update (LiaConflictMark *self)
{
  gboolean conflicted = lookup (self);

  if (conflicted == self->conflicted)
    return;
  self->conflicted = conflicted;
  if (conflicted)
    ensure_sign (self);
  gtk_widget_set_visible (GTK_WIDGET (self), conflicted);
  update_target (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTED]);
}

static void
lia_conflict_mark_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaConflictMark *self = LIA_CONFLICT_MARK (object);

  switch (prop_id)
    {
    case PROP_CONFLICTED:
      g_value_set_boolean (value, self->conflicted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_conflict_mark_dispose (GObject *object)
{
  LiaConflictMark *self = LIA_CONFLICT_MARK (object);
  GtkWidget *child;

  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  g_clear_object (&self->index);
  g_clear_object (&self->entity);
  if (self->target != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
  self->target = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lia_conflict_mark_parent_class)->dispose (object);
}

static void
lia_conflict_mark_class_init (LiaConflictMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_conflict_mark_dispose;
  object_class->get_property = lia_conflict_mark_get_property;

  properties[PROP_CONFLICTED] =
    g_param_spec_boolean ("conflicted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflictmark");
}

static void
lia_conflict_mark_init (LiaConflictMark *self)
{
  self->field = LIA_CONFLICT_MARK_ENTITY;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * lia_conflict_mark_new:
 * @field: a field index of the entities it will follow, or
 *   %LIA_CONFLICT_MARK_ENTITY, %LIA_CONFLICT_MARK_CONTENTS or
 *   %LIA_CONFLICT_MARK_INSIDE
 *
 * Returns: a hidden mark; it shows while the entity it follows has a conflict
 */
GtkWidget *
lia_conflict_mark_new (int field)
{
  LiaConflictMark *self = g_object_new (LIA_TYPE_CONFLICT_MARK, NULL);

  self->field = field;
  return GTK_WIDGET (self);
}

/**
 * lia_conflict_mark_attach:
 * @widget: a preferences row (entry, action, combo or expander row), or a
 *   widget inside one (a spin button in an action row)
 *
 * Puts a new mark at the end of the row, which it styles as a warning
 * while marked.
 *
 * Returns: (transfer none): the mark
 */
LiaConflictMark *
lia_conflict_mark_attach (GtkWidget *widget,
                          int        field)
{
  GtkWidget *row;
  GtkWidget *mark;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  row = ADW_IS_PREFERENCES_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  g_return_val_if_fail (row != NULL, NULL);

  mark = lia_conflict_mark_new (field);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  else if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), mark);
  else
    g_return_val_if_reached (NULL);
  lia_conflict_mark_set_target (LIA_CONFLICT_MARK (mark), row);
  return LIA_CONFLICT_MARK (mark);
}

/* @target (an ancestor, usually the row) gets the "warning" style class
 * while the mark shows. */
void
lia_conflict_mark_set_target (LiaConflictMark *self,
                              GtkWidget       *target)
{
  g_return_if_fail (LIA_IS_CONFLICT_MARK (self));
  g_return_if_fail (target == NULL || GTK_IS_WIDGET (target));

  if (self->target == target)
    return;
  if (self->target != NULL)
    {
      gtk_widget_remove_css_class (self->target, "warning");
      g_object_remove_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
    }
  self->target = target;
  if (target != NULL)
    g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &self->target);
  update_target (self);
}

/* Marks @entity while @index has a conflict about it (either may be
 * %NULL: no mark), and keeps following both. */
void
lia_conflict_mark_follow (LiaConflictMark  *self,
                          LiaConflictIndex *index,
                          LiaEntity        *entity)
{
  g_return_if_fail (LIA_IS_CONFLICT_MARK (self));
  g_return_if_fail (index == NULL || LIA_IS_CONFLICT_INDEX (index));
  g_return_if_fail (entity == NULL || LIA_IS_ENTITY (entity));

  if (self->index != index)
    {
      if (self->index != NULL)
        g_signal_handlers_disconnect_by_data (self->index, self);
      g_set_object (&self->index, index);
      if (index != NULL)
        g_signal_connect_object (index, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->entity, entity);
  update (self);
}

gboolean
lia_conflict_mark_get_conflicted (LiaConflictMark *self)
{
  g_return_val_if_fail (LIA_IS_CONFLICT_MARK (self), FALSE);

  return self->conflicted;
}
