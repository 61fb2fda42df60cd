/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-row.c: one suggested meeting slot: when, whom it asks what
 * of, and a button that makes it a meeting of the workspace. */
#define G_LOG_DOMAIN "lia-slot-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-slot-row.h"

struct _LiaSlotRow
{
  AdwActionRow  parent_instance;

  LiaSlotItem  *item;
  gboolean      read_only;

  GtkWidget    *schedule_button;
};

G_DEFINE_FINAL_TYPE (LiaSlotRow, lia_slot_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCHEDULE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
schedule_clicked_cb (LiaSlotRow *self)
{
  if (!self->read_only)
    g_signal_emit (self, signals[SCHEDULE], 0);
}

static void
set_item (LiaSlotRow  *self,
          LiaSlotItem *item)
{
  g_autofree char *button_label = NULL;

  if (!g_set_object (&self->item, item) || item == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), lia_slot_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), lia_slot_item_get_subtitle (item));
  button_label = g_strdup_printf (_("Schedule a meeting at %s"), lia_slot_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->schedule_button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
}

static void
lia_slot_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiaSlotRow *self = LIA_SLOT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_slot_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LiaSlotRow *self = LIA_SLOT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_slot_row_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_slot_row_dispose (GObject *object)
{
  LiaSlotRow *self = LIA_SLOT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_SLOT_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (lia_slot_row_parent_class)->dispose (object);
}

static void
lia_slot_row_class_init (LiaSlotRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_slot_row_dispose;
  object_class->get_property = lia_slot_row_get_property;
  object_class->set_property = lia_slot_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, LIA_TYPE_SLOT_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SCHEDULE] = g_signal_new ("schedule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-slot-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaSlotRow, schedule_button);
  gtk_widget_class_bind_template_callback (widget_class, schedule_clicked_cb);
}

static void
lia_slot_row_init (LiaSlotRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_slot_row_new (LiaSlotItem *item)
{
  g_return_val_if_fail (LIA_IS_SLOT_ITEM (item), NULL);

  return g_object_new (LIA_TYPE_SLOT_ROW, "item", item, NULL);
}

LiaSlotItem *
lia_slot_row_get_item (LiaSlotRow *self)
{
  g_return_val_if_fail (LIA_IS_SLOT_ROW (self), NULL);

  return self->item;
}

void
lia_slot_row_set_read_only (LiaSlotRow *self,
                            gboolean    read_only)
{
  g_return_if_fail (LIA_IS_SLOT_ROW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_set_sensitive (self->schedule_button, !read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
