/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-action-items-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-action-item-row.h"
#include "lia-action-items-section.h"

/* A meeting's action items: a list bound to the meeting's store, so an
 * insert, move or remove (here, by undo or by a sync) touches one row. */

struct _LiaActionItemsSection
{
  AdwPreferencesGroup  parent_instance;

  LiaMeeting          *meeting;
  LiaHistory          *history;
  GListModel          *members;
  LiaConflictIndex    *conflicts;
  gboolean             read_only;

  GtkWidget           *send_button;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (LiaActionItemsSection, lia_action_items_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HISTORY,
  PROP_MEMBERS,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVEAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListStore *
actions (LiaActionItemsSection *self)
{
  return lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_ACTION_ITEMS);
}

static gboolean
writable (LiaActionItemsSection *self)
{
  return self->meeting != NULL && self->history != NULL && !self->read_only;
}

static void
actions_changed_cb (LiaActionItemsSection *self)
{
  guint n = self->meeting ? g_list_model_get_n_items (G_LIST_MODEL (actions (self))) : 0;

  gtk_widget_set_sensitive (self->send_button, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  LiaActionItemsSection *self = data;
  GtkWidget *row = lia_action_item_row_new (LIA_ENTITY (item), self->history, self->meeting, self->members, !writable (self));

  lia_action_item_row_set_conflicts (LIA_ACTION_ITEM_ROW (row), self->conflicts);
  return row;
}

static void
bind_actions (LiaActionItemsSection *self)
{
  if (self->meeting == NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  else
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (actions (self)), create_row_cb, self, NULL);
  actions_changed_cb (self);
}

static void
update_actions (LiaActionItemsSection *self)
{
  GtkListBoxRow *row;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "action-items.add", writable (self));
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, (int) i)) != NULL; i++)
    lia_action_item_row_set_read_only (LIA_ACTION_ITEM_ROW (row), !writable (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LiaActionItemsSection *self = LIA_ACTION_ITEMS_SECTION (widget);
  g_autoptr(LiaActionItem) action = NULL;
  GtkListBoxRow *row;
  guint n;

  if (!writable (self))
    return;
  action = lia_action_item_new ();
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_TEXT, _("New action item"));
  n = g_list_model_get_n_items (G_LIST_MODEL (actions (self)));
  lia_history_begin (self->history, _("Add action item"));
  lia_history_insert (self->history, actions (self), n, action);
  lia_history_end (self->history);

  row = gtk_list_box_get_row_at_index (self->list, (int) n);
  if (row != NULL)
    {
      lia_action_item_row_edit_title (LIA_ACTION_ITEM_ROW (row));
      g_signal_emit (self, signals[REVEAL], 0, row);
    }
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LiaActionItemsSection *self = LIA_ACTION_ITEMS_SECTION (widget);
  guint index = g_variant_get_uint32 (param);

  if (!writable (self) || index >= g_list_model_get_n_items (G_LIST_MODEL (actions (self))))
    return;
  lia_history_begin (self->history, _("Remove action item"));
  lia_history_remove (self->history, actions (self), index);
  lia_history_end (self->history);
}

static void
lia_action_items_section_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LiaActionItemsSection *self = LIA_ACTION_ITEMS_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_action_items_section_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LiaActionItemsSection *self = LIA_ACTION_ITEMS_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      lia_action_items_section_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_action_items_section_set_history (self, g_value_get_object (value));
      break;
    case PROP_MEMBERS:
      lia_action_items_section_set_members (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_action_items_section_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_action_items_section_dispose (GObject *object)
{
  LiaActionItemsSection *self = LIA_ACTION_ITEMS_SECTION (object);

  lia_action_items_section_set_meeting (self, NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->members);
  g_clear_object (&self->conflicts);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ACTION_ITEMS_SECTION);
  G_OBJECT_CLASS (lia_action_items_section_parent_class)->dispose (object);
}

static void
lia_action_items_section_class_init (LiaActionItemsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lia_action_items_section_get_property;
  object_class->set_property = lia_action_items_section_set_property;
  object_class->dispose = lia_action_items_section_dispose;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, LIA_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row the user just added: the editor around brings it into view. */
  signals[REVEAL] =
    g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-action-items-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemsSection, send_button);
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemsSection, list);

  gtk_widget_class_install_action (widget_class, "action-items.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "action-items.remove", "u", remove_action);
}

static void
lia_action_items_section_init (LiaActionItemsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
  actions_changed_cb (self);
}

void
lia_action_items_section_set_meeting (LiaActionItemsSection *self,
                                      LiaMeeting            *meeting)
{
  g_return_if_fail (LIA_IS_ACTION_ITEMS_SECTION (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (actions (self), self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    {
      g_signal_connect_object (actions (self), "items-changed", G_CALLBACK (actions_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      /* Name and target together: the window's action takes a string. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->send_button), "s",
                                        lia_entity_get_id (LIA_ENTITY (meeting)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_button), "win.send-to-tracker");
    }
  bind_actions (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
lia_action_items_section_set_history (LiaActionItemsSection *self,
                                      LiaHistory            *history)
{
  g_return_if_fail (LIA_IS_ACTION_ITEMS_SECTION (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  /* The rows write through the history they were made with. */
  bind_actions (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
lia_action_items_section_set_members (LiaActionItemsSection *self,
                                      GListModel            *members)
{
  g_return_if_fail (LIA_IS_ACTION_ITEMS_SECTION (self));
  g_return_if_fail (members == NULL || G_IS_LIST_MODEL (members));

  if (!g_set_object (&self->members, members))
    return;
  bind_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

/* The rows mark the items and fields @conflicts (may be %NULL) holds a
 * conflict about. */
void
lia_action_items_section_set_conflicts (LiaActionItemsSection *self,
                                        LiaConflictIndex      *conflicts)
{
  GtkListBoxRow *row;

  g_return_if_fail (LIA_IS_ACTION_ITEMS_SECTION (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  if (!g_set_object (&self->conflicts, conflicts))
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    lia_action_item_row_set_conflicts (LIA_ACTION_ITEM_ROW (row), conflicts);
}

void
lia_action_items_section_set_read_only (LiaActionItemsSection *self,
                                        gboolean               read_only)
{
  g_return_if_fail (LIA_IS_ACTION_ITEMS_SECTION (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
