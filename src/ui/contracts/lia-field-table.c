/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-field-table.c: the field rows of one contract model, bound to its fields. */
#define G_LOG_DOMAIN "lia-field-table"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-field-row.h"
#include "lia-field-table.h"

/* The list box is bound to the model's list of fields: adding, moving or
 * removing a field (or undoing it) adds, moves or drops that one row, and
 * the others keep their expansion, their focus and the scroll position.
 * The table owns the edits of the list; a removal is reported through
 * "field-removed" so the page can offer its undo toast. */

struct _LiaFieldTable
{
  AdwPreferencesGroup  parent_instance;

  LiaContract         *contract;
  LiaHistory          *history;

  /* template children */
  GtkListBox          *list;
  GtkButton           *add_button;
  gboolean             read_only;
};

G_DEFINE_FINAL_TYPE (LiaFieldTable, lia_field_table, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTRACT,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FIELD_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListStore *
fields (LiaFieldTable *self)
{
  return lia_entity_get_list (LIA_ENTITY (self->contract), LIA_CONTRACT_FIELDS);
}

static void
row_move_cb (LiaFieldRow   *row,
             int            delta,
             LiaFieldTable *self)
{
  GListStore *store = fields (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position;

  if (self->history == NULL || !g_list_store_find (store, lia_field_row_get_field (row), &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  lia_history_move (self->history, store, position, position + delta);
}

static void
row_remove_cb (LiaFieldRow   *row,
               LiaFieldTable *self)
{
  GListStore *store = fields (self);
  guint position;

  if (self->history == NULL || !g_list_store_find (store, lia_field_row_get_field (row), &position))
    return;
  lia_history_begin (self->history, _("Remove field"));
  lia_history_remove (self->history, store, position);
  lia_history_end (self->history);
  g_signal_emit (self, signals[FIELD_REMOVED], 0);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaFieldTable *self = user_data;
  GtkWidget *row = lia_field_row_new (LIA_FIELD (item), self->history);

  lia_field_row_set_read_only (LIA_FIELD_ROW (row), self->read_only);

  g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, 0);
  return row;
}

/* An empty boxed list would draw an empty frame. */
static void
update_visible (LiaFieldTable *self)
{
  gboolean any = self->contract != NULL && g_list_model_get_n_items (G_LIST_MODEL (fields (self))) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->list), any);
}

static void
rebind (LiaFieldTable *self)
{
  if (self->contract != NULL)
    g_signal_handlers_disconnect_by_func (fields (self), update_visible, self);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  if (self->contract != NULL)
    {
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (fields (self)), create_row, self, NULL);
      g_signal_connect_object (fields (self), "items-changed", G_CALLBACK (update_visible), self,
                               G_CONNECT_SWAPPED);
    }
  update_visible (self);
}

static void
add_clicked_cb (LiaFieldTable *self)
{
  lia_field_table_add_field (self);
}

static void
lia_field_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaFieldTable *self = LIA_FIELD_TABLE (object);

  switch (prop_id)
    {
    case PROP_CONTRACT:
      g_value_set_object (value, self->contract);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaFieldTable *self = LIA_FIELD_TABLE (object);

  switch (prop_id)
    {
    case PROP_CONTRACT:
      lia_field_table_set_contract (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_field_table_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_table_dispose (GObject *object)
{
  LiaFieldTable *self = LIA_FIELD_TABLE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_FIELD_TABLE);
  g_clear_object (&self->contract);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (lia_field_table_parent_class)->dispose (object);
}

static void
lia_field_table_class_init (LiaFieldTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_field_table_dispose;
  object_class->get_property = lia_field_table_get_property;
  object_class->set_property = lia_field_table_set_property;

  properties[PROP_CONTRACT] =
    g_param_spec_object ("contract", NULL, NULL, LIA_TYPE_CONTRACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FIELD_REMOVED] = g_signal_new ("field-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/contracts/lia-field-table.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaFieldTable, list);
  gtk_widget_class_bind_template_child (widget_class, LiaFieldTable, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
lia_field_table_init (LiaFieldTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaContract *
lia_field_table_get_contract (LiaFieldTable *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_TABLE (self), NULL);

  return self->contract;
}

void
lia_field_table_set_contract (LiaFieldTable *self,
                              LiaContract   *contract)
{
  g_return_if_fail (LIA_IS_FIELD_TABLE (self));
  g_return_if_fail (contract == NULL || LIA_IS_CONTRACT (contract));

  if (self->contract == contract)
    return;
  if (self->contract != NULL)
    g_signal_handlers_disconnect_by_func (fields (self), update_visible, self);
  g_set_object (&self->contract, contract);
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT]);
}

LiaHistory *
lia_field_table_get_history (LiaFieldTable *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_TABLE (self), NULL);

  return self->history;
}

void
lia_field_table_set_history (LiaFieldTable *self,
                             LiaHistory    *history)
{
  g_return_if_fail (LIA_IS_FIELD_TABLE (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  /* The rows hold the history their bindings write through. */
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* Appends a field named "field" and opens its row. */
void
lia_field_table_add_field (LiaFieldTable *self)
{
  g_autoptr(LiaField) field = NULL;
  GListStore *store;
  GtkListBoxRow *row;
  guint n;

  g_return_if_fail (LIA_IS_FIELD_TABLE (self));

  if (self->contract == NULL || self->history == NULL || self->read_only)
    return;
  field = lia_field_new ();
  store = fields (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  lia_entity_set_string (LIA_ENTITY (field), LIA_FIELD_NAME, "field");
  lia_history_begin (self->history, _("Add field"));
  lia_history_insert (self->history, store, n, field);
  lia_history_end (self->history);
  row = gtk_list_box_get_row_at_index (self->list, n);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

GtkWidget *
lia_field_table_get_row (LiaFieldTable *self,
                         guint          position)
{
  g_return_val_if_fail (LIA_IS_FIELD_TABLE (self), NULL);

  return (GtkWidget *) gtk_list_box_get_row_at_index (self->list, position);
}

guint
lia_field_table_get_n_rows (LiaFieldTable *self)
{
  guint n = 0;

  g_return_val_if_fail (LIA_IS_FIELD_TABLE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (LIA_IS_FIELD_ROW (child))
      n++;
  return n;
}

void
lia_field_table_set_read_only (LiaFieldTable *self,
                               gboolean       read_only)
{
  GtkListBoxRow *row;

  g_return_if_fail (LIA_IS_FIELD_TABLE (self));

  self->read_only = !!read_only;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !self->read_only);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    lia_field_row_set_read_only (LIA_FIELD_ROW (row), self->read_only);
}
