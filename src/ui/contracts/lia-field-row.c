/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-field-row.c: one field of a contract model as an expandable row. */
#define G_LOG_DOMAIN "lia-field-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-contract-check.h"
#include "lia-field-binding.h"
#include "lia-field-row.h"

/* A row lives as long as its field is in the model's list: the list box
 * bound to that list makes and drops it, so a move or an undo elsewhere
 * leaves this row, its expansion and its focus alone.  Moving and removing
 * are the table's business (it owns the list); the row only asks, through
 * its "move" and "remove" signals. */

struct _LiaFieldRow
{
  AdwExpanderRow  parent_instance;

  LiaField       *field;
  LiaHistory     *history;
  gboolean        read_only;

  /* the details (lia-field-details.ui): %NULL until the row is first opened */
  AdwEntryRow *name_row;
  AdwComboRow *type_row;
  AdwEntryRow *items_row;
  AdwEntryRow *ref_row;
  GtkSwitch   *required_switch;
  AdwEntryRow *default_row;
  AdwEntryRow *minimum_row;
  GtkSwitch   *exclusive_minimum_switch;
  AdwEntryRow *maximum_row;
  GtkSwitch   *exclusive_maximum_switch;
  AdwEntryRow *min_length_row;
  AdwEntryRow *max_length_row;
  AdwEntryRow *pattern_row;
  AdwEntryRow *choices_row;
  AdwEntryRow *description_row;
};

G_DEFINE_FINAL_TYPE (LiaFieldRow, lia_field_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Which row of the details shows which field of the entity. */
static const struct
{
  gssize      offset;
  const char *id;
  guint       field;
} bound_rows[] = {
#define BOUND(member, field) { G_STRUCT_OFFSET (LiaFieldRow, member), #member, field }
  BOUND (name_row, LIA_FIELD_NAME),
  BOUND (type_row, LIA_FIELD_TYPE),
  BOUND (items_row, LIA_FIELD_ITEMS),
  BOUND (ref_row, LIA_FIELD_REF),
  BOUND (required_switch, LIA_FIELD_REQUIRED),
  BOUND (default_row, LIA_FIELD_DEFAULT),
  BOUND (minimum_row, LIA_FIELD_MINIMUM),
  BOUND (exclusive_minimum_switch, LIA_FIELD_EXCLUSIVE_MINIMUM),
  BOUND (maximum_row, LIA_FIELD_MAXIMUM),
  BOUND (exclusive_maximum_switch, LIA_FIELD_EXCLUSIVE_MAXIMUM),
  BOUND (min_length_row, LIA_FIELD_MIN_LENGTH),
  BOUND (max_length_row, LIA_FIELD_MAX_LENGTH),
  BOUND (pattern_row, LIA_FIELD_PATTERN),
  BOUND (choices_row, LIA_FIELD_CHOICES),
  BOUND (description_row, LIA_FIELD_DESCRIPTION),
#undef BOUND
};

/* The rows of the details, top to bottom. */
static const char * const detail_rows[] = {
  "name_row", "type_row", "items_row", "ref_row", "required_row", "default_row",
  "minimum_row", "exclusive_minimum_row", "maximum_row", "exclusive_maximum_row",
  "min_length_row", "max_length_row", "pattern_row", "choices_row", "description_row",
};

static void
update_title (LiaFieldRow *self)
{
  const char *name = lia_entity_get_string (LIA_ENTITY (self->field), LIA_FIELD_NAME);
  g_autofree char *summary = lia_contracts_describe_field (self->field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *name ? name : _("(unnamed)"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE], 0, g_str_equal (action_name, "field.move-up") ? -1 : 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
set_details_read_only (LiaFieldRow *self)
{
  for (guint i = 0; self->name_row != NULL && i < G_N_ELEMENTS (bound_rows); i++)
    lia_field_binding_set_read_only (lia_field_binding_get (G_STRUCT_MEMBER (GtkWidget *, self, bound_rows[i].offset)),
                                     self->read_only);
}

/* The details are made when the row is first opened: a contract shows
 * all its fields at once and few are opened, and fifteen editable rows
 * each were most of the Contracts page's first show. */
static void
expanded_cb (LiaFieldRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  LiaEntity *entity = LIA_ENTITY (self->field);

  if (self->name_row != NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;
  builder = gtk_builder_new_from_resource ("/io/github/liaisonapp/Liaison/contracts/lia-field-details.ui");
  for (guint i = 0; i < G_N_ELEMENTS (detail_rows); i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (gtk_builder_get_object (builder, detail_rows[i])));
  for (guint i = 0; i < G_N_ELEMENTS (bound_rows); i++)
    {
      GtkWidget *widget = GTK_WIDGET (gtk_builder_get_object (builder, bound_rows[i].id));

      G_STRUCT_MEMBER (GtkWidget *, self, bound_rows[i].offset) = widget;
      if (GTK_IS_SWITCH (widget))
        lia_bind_switch (GTK_SWITCH (widget), self->history, entity, bound_rows[i].field);
      else if (ADW_IS_COMBO_ROW (widget))
        /* The choices come from the field's spec. */
        lia_bind_choice (widget, self->history, entity, bound_rows[i].field);
      else
        lia_bind_entry (GTK_EDITABLE (widget), self->history, entity, bound_rows[i].field);
    }
  set_details_read_only (self);
}

static void
lia_field_row_constructed (GObject *object)
{
  LiaFieldRow *self = LIA_FIELD_ROW (object);

  G_OBJECT_CLASS (lia_field_row_parent_class)->constructed (object);

  g_assert (LIA_IS_FIELD (self->field));
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
  expanded_cb (self);
  /* The summary reads most of the field's properties. */
  g_signal_connect_object (self->field, "notify", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
}

static void
lia_field_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaFieldRow *self = LIA_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LiaFieldRow *self = LIA_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_row_dispose (GObject *object)
{
  LiaFieldRow *self = LIA_FIELD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_FIELD_ROW);
  g_clear_object (&self->field);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (lia_field_row_parent_class)->dispose (object);
}

static void
lia_field_row_class_init (LiaFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_field_row_constructed;
  object_class->dispose = lia_field_row_dispose;
  object_class->get_property = lia_field_row_get_property;
  object_class->set_property = lia_field_row_set_property;

  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL, LIA_TYPE_FIELD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* LiaFieldRow::move: @delta is -1 (up) or 1 (down). */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/contracts/lia-field-row.ui");

  gtk_widget_class_install_action (widget_class, "field.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "field.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "field.remove", NULL, remove_action);
}

static void
lia_field_row_init (LiaFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_field_row_new (LiaField   *field,
                   LiaHistory *history)
{
  g_return_val_if_fail (LIA_IS_FIELD (field), NULL);
  g_return_val_if_fail (history == NULL || LIA_IS_HISTORY (history), NULL);

  return g_object_new (LIA_TYPE_FIELD_ROW, "field", field, "history", history, NULL);
}

LiaField *
lia_field_row_get_field (LiaFieldRow *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_ROW (self), NULL);

  return self->field;
}

/* A read-only workspace (a newer format) shows its fields and takes no
 * edit, move or removal. */
void
lia_field_row_set_read_only (LiaFieldRow *self,
                             gboolean     read_only)
{
  g_return_if_fail (LIA_IS_FIELD_ROW (self));

  self->read_only = !!read_only;
  set_details_read_only (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "field.move-up", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "field.move-down", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "field.remove", !self->read_only);
}
