/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-list.c: the suggested meeting slots on the Time Zones page,
 * bound to a list of LiaSlotItem, and the meeting length they are for. */
#define G_LOG_DOMAIN "lia-slot-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-slot-list-private.h"
#include "lia-slot-row.h"

struct _LiaSlotList
{
  AdwPreferencesGroup  parent_instance;

  GListModel          *slots;
  gboolean             read_only;
  gboolean             revealed;     /* after the page's first frame */
  guint                reveal_idle;

  GtkDropDown         *duration_dropdown;
  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (LiaSlotList, lia_slot_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SLOTS,
  PROP_DURATION,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCHEDULE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const int durations[] = { 30, 45, 60, 90, 120 };
#define DEFAULT_DURATION 2

static void
row_schedule_cb (LiaSlotRow  *row,
                 LiaSlotList *self)
{
  g_signal_emit (self, signals[SCHEDULE], 0, lia_slot_row_get_item (row));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaSlotList *self = user_data;
  GtkWidget *row = lia_slot_row_new (LIA_SLOT_ITEM (item));

  g_object_bind_property (self, "read-only", row, "read-only", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (row, "schedule", G_CALLBACK (row_schedule_cb), self, 0);
  return row;
}

/* An empty boxed list would still draw its frame. */
static void
update_visible (LiaSlotList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->list_box),
                          self->revealed && self->slots != NULL && g_list_model_get_n_items (self->slots) > 0);
}

/* The slots come a frame after the rest of the Time Zones page, below
 * the heatmap and the team: measuring their wrapped explanations was
 * about 60 ms of the page's first show (docs/performance.md). */
static gboolean
reveal_cb (gpointer data)
{
  LiaSlotList *self = data;

  self->reveal_idle = 0;
  self->revealed = TRUE;
  update_visible (self);
  return G_SOURCE_REMOVE;
}

static void
lia_slot_list_map (GtkWidget *widget)
{
  LiaSlotList *self = LIA_SLOT_LIST (widget);

  GTK_WIDGET_CLASS (lia_slot_list_parent_class)->map (widget);
  /* After the frame being drawn: below the frame clock's priorities. */
  if (!self->revealed && self->reveal_idle == 0)
    self->reveal_idle = g_idle_add_full (G_PRIORITY_LOW, reveal_cb, self, NULL);
}

static void
duration_selected_cb (LiaSlotList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

static void
lia_slot_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaSlotList *self = LIA_SLOT_LIST (object);

  switch (prop_id)
    {
    case PROP_SLOTS:
      g_value_set_object (value, self->slots);
      break;
    case PROP_DURATION:
      g_value_set_int (value, lia_slot_list_get_duration (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_slot_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LiaSlotList *self = LIA_SLOT_LIST (object);

  switch (prop_id)
    {
    case PROP_SLOTS:
      lia_slot_list_set_slots (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_slot_list_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_slot_list_dispose (GObject *object)
{
  LiaSlotList *self = LIA_SLOT_LIST (object);

  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  if (self->slots != NULL)
    g_signal_handlers_disconnect_by_data (self->slots, self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_SLOT_LIST);
  g_clear_object (&self->slots);
  G_OBJECT_CLASS (lia_slot_list_parent_class)->dispose (object);
}

static void
lia_slot_list_class_init (LiaSlotListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_slot_list_dispose;
  object_class->get_property = lia_slot_list_get_property;
  widget_class->map = lia_slot_list_map;
  object_class->set_property = lia_slot_list_set_property;

  /* LiaSlotItems, best first. */
  properties[PROP_SLOTS] =
    g_param_spec_object ("slots", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The meeting length the user picked, in minutes. */
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL, 1, G_MAXINT, durations[DEFAULT_DURATION],
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A slot's Schedule button. */
  signals[SCHEDULE] = g_signal_new ("schedule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_SLOT_ITEM);

  g_type_ensure (LIA_TYPE_SLOT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-slot-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaSlotList, duration_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaSlotList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, duration_selected_cb);
}

static void
lia_slot_list_init (LiaSlotList *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Plural forms: built here, not in the template. */
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autofree char *name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", durations[i]), durations[i]);
      gtk_string_list_append (names, name);
    }
  g_signal_handlers_block_by_func (self->duration_dropdown, duration_selected_cb, self);
  gtk_drop_down_set_model (self->duration_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->duration_dropdown, DEFAULT_DURATION);
  g_signal_handlers_unblock_by_func (self->duration_dropdown, duration_selected_cb, self);
}

void
lia_slot_list_set_slots (LiaSlotList *self,
                         GListModel  *slots)
{
  g_return_if_fail (LIA_IS_SLOT_LIST (self));
  g_return_if_fail (slots == NULL || G_IS_LIST_MODEL (slots));

  if (self->slots != NULL)
    g_signal_handlers_disconnect_by_data (self->slots, self);
  if (!g_set_object (&self->slots, slots))
    return;
  gtk_list_box_bind_model (self->list_box, slots, create_row, self, NULL);
  if (slots != NULL)
    g_signal_connect_object (slots, "items-changed", G_CALLBACK (update_visible), self, G_CONNECT_SWAPPED);
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOTS]);
}

int
lia_slot_list_get_duration (LiaSlotList *self)
{
  guint i;

  g_return_val_if_fail (LIA_IS_SLOT_LIST (self), durations[DEFAULT_DURATION]);

  i = gtk_drop_down_get_selected (self->duration_dropdown);
  return durations[MIN (i, G_N_ELEMENTS (durations) - 1)];
}

void
lia_slot_list_set_read_only (LiaSlotList *self,
                             gboolean     read_only)
{
  g_return_if_fail (LIA_IS_SLOT_LIST (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* For tests: the rows' list. */
GtkListBox *
lia_slot_list_get_list_box (LiaSlotList *self)
{
  g_return_val_if_fail (LIA_IS_SLOT_LIST (self), NULL);

  return self->list_box;
}
