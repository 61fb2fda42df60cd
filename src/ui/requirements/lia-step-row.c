/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-step-row.c: one engineering step in the requirement editor: its
 * text, a drag handle, a delete button and, once sent, the tracker's key
 * and status. */
#define G_LOG_DOMAIN "lia-step-row"

#include "config.h"

#include "lia-conflict-mark.h"
#include "lia-field-binding.h"
#include "lia-step-row.h"

/* The row is its step's for life and follows it by itself, so the list
 * around it only adds, moves and removes rows: focus in one step's entry
 * stays put while others change.  Deleting and reordering are the
 * editor's (it owns the list and the undo step), so the row asks for them
 * through signals. */

struct _LiaStepRow
{
  AdwEntryRow      parent_instance;

  LiaStep         *step;
  LiaHistory      *history;
  gboolean         read_only;
  LiaFieldBinding *binding;   /* not a ref: the widget keeps its binding */
  LiaConflictMark *mark;      /* while a merge left the step in conflict */

  GtkWidget       *handle;
  GtkWidget       *delete_button;
  GtkLabel        *remote_label;
};

G_DEFINE_FINAL_TYPE (LiaStepRow, lia_step_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_HISTORY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOVE,
  STEP_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_remote (LiaStepRow *self)
{
  LiaEntity *step = LIA_ENTITY (self->step);
  LiaRemoteRef *ref = lia_entity_get_remote (step);
  const char *key = ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) : "";
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->remote_label), *key != '\0');
  if (*key == '\0')
    return;
  text = g_strdup_printf ("%s · %s", key, lia_choice_get_label (lia_entity_get_string (step, LIA_STEP_STATUS)));
  gtk_label_set_text (self->remote_label, text);
}

static void
delete_clicked_cb (LiaStepRow *self)
{
  if (!self->read_only)
    g_signal_emit (self, signals[REMOVE], 0);
}

static GdkContentProvider *
drag_prepare_cb (LiaStepRow    *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  if (self->step == NULL)
    return NULL;
  return gdk_content_provider_new_typed (LIA_TYPE_STEP, self->step);
}

static gboolean
drop_cb (LiaStepRow    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  LiaStep *dropped = g_value_get_object (value);
  gboolean handled = FALSE;

  if (dropped == NULL)
    return FALSE;
  g_signal_emit (self, signals[STEP_DROPPED], 0, dropped, &handled);
  return handled;
}

static void
set_step (LiaStepRow *self,
          LiaStep    *step)
{
  /* Construct-only: a row is its step's for life. */
  self->step = step ? g_object_ref (step) : NULL;
  lia_field_binding_set_entity (self->binding, LIA_ENTITY (step));
  if (step == NULL)
    return;
  g_signal_connect_object (step, "notify::remote", G_CALLBACK (update_remote), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (step, "notify::status", G_CALLBACK (update_remote), self, G_CONNECT_SWAPPED);
  update_remote (self);
}

static void
lia_step_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiaStepRow *self = LIA_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_object (value, self->step);
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
lia_step_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LiaStepRow *self = LIA_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      set_step (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_step_row_set_history (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_step_row_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_step_row_dispose (GObject *object)
{
  LiaStepRow *self = LIA_STEP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_STEP_ROW);
  g_clear_object (&self->step);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (lia_step_row_parent_class)->dispose (object);
}

static void
lia_step_row_class_init (LiaStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_step_row_dispose;
  object_class->get_property = lia_step_row_get_property;
  object_class->set_property = lia_step_row_set_property;

  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, LIA_TYPE_STEP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the text's edits go, so one Ctrl+Z undoes them. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The delete button was pressed: the editor removes the step. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A step was dropped on this row: the editor moves it to this row's
   * place.  Returns whether it did, which accepts the drop. */
  signals[STEP_DROPPED] = g_signal_new ("step-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, g_signal_accumulator_true_handled, NULL, NULL,
                                        G_TYPE_BOOLEAN, 1, LIA_TYPE_STEP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/requirements/lia-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaStepRow, handle);
  gtk_widget_class_bind_template_child (widget_class, LiaStepRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LiaStepRow, remote_label);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
lia_step_row_init (LiaStepRow *self)
{
  GtkDragSource *drag;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Undo is the workspace history's job, not each entry's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self), FALSE);
  self->binding = lia_bind_entry (GTK_EDITABLE (self), NULL, NULL, LIA_STEP_TEXT);
  self->mark = lia_conflict_mark_attach (GTK_WIDGET (self), LIA_CONFLICT_MARK_ENTITY);

  gtk_widget_set_cursor_from_name (self->handle, "grab");
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (LIA_TYPE_STEP, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
lia_step_row_new (LiaStep    *step,
                  LiaHistory *history,
                  gboolean    read_only)
{
  g_return_val_if_fail (LIA_IS_STEP (step), NULL);
  g_return_val_if_fail (history == NULL || LIA_IS_HISTORY (history), NULL);

  return g_object_new (LIA_TYPE_STEP_ROW, "step", step, "history", history, "read-only", read_only, NULL);
}

/* Marks the row while @conflicts (may be %NULL) holds a conflict about
 * its step (its text, its place, its removal on one side). */
void
lia_step_row_set_conflicts (LiaStepRow       *self,
                            LiaConflictIndex *conflicts)
{
  g_return_if_fail (LIA_IS_STEP_ROW (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  lia_conflict_mark_follow (self->mark, conflicts, LIA_ENTITY (self->step));
}

LiaStep *
lia_step_row_get_step (LiaStepRow *self)
{
  g_return_val_if_fail (LIA_IS_STEP_ROW (self), NULL);

  return self->step;
}

void
lia_step_row_set_history (LiaStepRow *self,
                          LiaHistory *history)
{
  g_return_if_fail (LIA_IS_STEP_ROW (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  lia_field_binding_set_history (self->binding, history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
lia_step_row_set_read_only (LiaStepRow *self,
                            gboolean    read_only)
{
  g_return_if_fail (LIA_IS_STEP_ROW (self));

  read_only = !!read_only;
  lia_field_binding_set_read_only (self->binding, read_only);
  gtk_widget_set_sensitive (self->delete_button, !read_only);
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
