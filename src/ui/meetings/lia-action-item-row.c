/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-action-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-action-item-row.h"
#include "lia-conflict-mark.h"
#include "lia-date-picker.h"
#include "lia-field-binding.h"

/* One action item of a meeting: what, who (typed or picked from the
 * team), by when and how far along.  Its header shows the text over
 * "Owner · due date · Status", kept current as any of them changes. */

struct _LiaActionItemRow
{
  AdwExpanderRow  parent_instance;

  LiaEntity      *item;
  LiaHistory     *history;
  LiaMeeting     *meeting;
  GListModel     *members;
  gboolean        read_only;
  GtkWidget      *bound[4];       /* the fields, each with its LiaFieldBinding */
  LiaConflictMark *marks[5];      /* one per field, in bound's order, then the item's */

  GtkWidget      *remove_button;
  AdwEntryRow    *text_row;
  AdwEntryRow    *owner_row;
  GtkWidget      *team_button;
  GtkListBox     *team_list;
  AdwEntryRow    *due_row;
  AdwComboRow    *status_row;
};

G_DEFINE_FINAL_TYPE (LiaActionItemRow, lia_action_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_HISTORY,
  PROP_MEETING,
  PROP_MEMBERS,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields of bound_widgets (), in its order. */
static const int bound_fields[] = {
  LIA_ACTION_ITEM_TEXT, LIA_ACTION_ITEM_OWNER, LIA_ACTION_ITEM_DUE, LIA_ACTION_ITEM_STATUS,
};

static GtkWidget **
bound_widgets (LiaActionItemRow *self,
               guint            *n)
{
  self->bound[0] = GTK_WIDGET (self->text_row);
  self->bound[1] = GTK_WIDGET (self->owner_row);
  self->bound[2] = GTK_WIDGET (self->due_row);
  self->bound[3] = GTK_WIDGET (self->status_row);
  *n = G_N_ELEMENTS (self->bound);
  return self->bound;
}

static void
add_marks (LiaActionItemRow *self)
{
  guint n;
  GtkWidget **bound = bound_widgets (self, &n);

  G_STATIC_ASSERT (G_N_ELEMENTS (bound_fields) + 1 == G_N_ELEMENTS (((LiaActionItemRow *) NULL)->marks));
  for (guint i = 0; i < n; i++)
    self->marks[i] = lia_conflict_mark_attach (bound[i], bound_fields[i]);
  self->marks[n] = lia_conflict_mark_attach (GTK_WIDGET (self), LIA_CONFLICT_MARK_ENTITY);
}

static void
update_subtitle (LiaActionItemRow *self)
{
  const char *owner = lia_entity_get_string (self->item, LIA_ACTION_ITEM_OWNER);
  const char *due = lia_entity_get_string (self->item, LIA_ACTION_ITEM_DUE);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (owner != NULL && owner[0] != '\0')
    g_string_append (subtitle, owner);
  else
    g_string_append (subtitle, _("No owner"));
  if (due != NULL && due[0] != '\0')
    {
      g_string_append (subtitle, " · ");
      /* Translators: an action item's due date (YYYY-MM-DD) in its row's subtitle */
      g_string_append_printf (subtitle, _("due %s"), due);
    }
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, lia_choice_get_label (lia_entity_get_string (self->item, LIA_ACTION_ITEM_STATUS)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

/* The team's names, the meeting's attendees first. */
static void
fill_team (LiaActionItemRow *self)
{
  const char * const *attendees = NULL;
  GtkWidget *child;
  guint n = self->members ? g_list_model_get_n_items (self->members) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->team_list))) != NULL)
    gtk_list_box_remove (self->team_list, child);
  gtk_widget_set_visible (self->team_button, n > 0);
  if (self->meeting != NULL)
    attendees = lia_entity_get_strv (LIA_ENTITY (self->meeting), LIA_MEETING_ATTENDEES);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(LiaEntity) member = g_list_model_get_item (self->members, i);
        gboolean attends = attendees && g_strv_contains (attendees, lia_entity_get_id (member));
        const char *name = lia_entity_get_string (member, LIA_MEMBER_NAME);
        GtkWidget *label;

        if ((pass == 0) != attends || name == NULL || name[0] == '\0')
          continue;
        label = gtk_label_new (name);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_set_margin_start (label, 6);
        gtk_widget_set_margin_end (label, 6);
        gtk_widget_set_margin_top (label, 6);
        gtk_widget_set_margin_bottom (label, 6);
        gtk_list_box_append (self->team_list, label);
      }
}

static void
team_popover_show_cb (LiaActionItemRow *self)
{
  /* Attendees may have changed since the row was made. */
  fill_team (self);
}

static void
owner_chosen_cb (GtkListBox       *list,
                 GtkListBoxRow    *choice,
                 LiaActionItemRow *self)
{
  GtkWidget *label = gtk_list_box_row_get_child (choice);

  /* Through the entry, so the choice is one undoable edit like typing. */
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), gtk_label_get_text (GTK_LABEL (label)));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->team_button));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget));

  if (index >= 0)
    gtk_widget_activate_action (widget, "action-items.remove", "u", (guint) index);
}

static void
update_read_only (LiaActionItemRow *self)
{
  GtkWidget **bound;
  guint n;

  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    lia_field_binding_set_read_only (lia_field_binding_get (bound[i]), self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "action-item-row.remove", !self->read_only);
  gtk_widget_set_sensitive (self->team_button, !self->read_only);
}

static void
lia_action_item_row_constructed (GObject *object)
{
  LiaActionItemRow *self = LIA_ACTION_ITEM_ROW (object);
  const guint shown[] = { LIA_ACTION_ITEM_OWNER, LIA_ACTION_ITEM_DUE, LIA_ACTION_ITEM_STATUS };
  GtkWidget **bound;
  guint n;

  G_OBJECT_CLASS (lia_action_item_row_parent_class)->constructed (object);

  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    {
      LiaFieldBinding *binding = lia_field_binding_get (bound[i]);

      lia_field_binding_set_history (binding, self->history);
      lia_field_binding_set_entity (binding, self->item);
    }
  g_object_bind_property (self->item, lia_entity_get_field_pspec (self->item, LIA_ACTION_ITEM_TEXT)->name,
                          self, "title", G_BINDING_SYNC_CREATE);
  for (guint f = 0; f < G_N_ELEMENTS (shown); f++)
    {
      g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (self->item, shown[f])->name, NULL);
      g_signal_connect_object (self->item, signal, G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
    }
  update_subtitle (self);
  fill_team (self);
  update_read_only (self);
}

static void
lia_action_item_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaActionItemRow *self = LIA_ACTION_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
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
lia_action_item_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaActionItemRow *self = LIA_ACTION_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    case PROP_MEMBERS:
      self->members = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      lia_action_item_row_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_action_item_row_dispose (GObject *object)
{
  LiaActionItemRow *self = LIA_ACTION_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ACTION_ITEM_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->history);
  g_clear_object (&self->meeting);
  g_clear_object (&self->members);
  G_OBJECT_CLASS (lia_action_item_row_parent_class)->dispose (object);
}

static void
lia_action_item_row_class_init (LiaActionItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_action_item_row_constructed;
  object_class->get_property = lia_action_item_row_get_property;
  object_class->set_property = lia_action_item_row_set_property;
  object_class->dispose = lia_action_item_row_dispose;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, LIA_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, LIA_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-action-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemRow, text_row);
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemRow, team_button);
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemRow, team_list);
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemRow, due_row);
  gtk_widget_class_bind_template_child (widget_class, LiaActionItemRow, status_row);
  gtk_widget_class_bind_template_callback (widget_class, team_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_chosen_cb);

  gtk_widget_class_install_action (widget_class, "action-item-row.remove", NULL, remove_action);
}

static void
lia_action_item_row_init (LiaActionItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lia_bind_entry (GTK_EDITABLE (self->text_row), NULL, NULL, LIA_ACTION_ITEM_TEXT);
  lia_bind_entry (GTK_EDITABLE (self->owner_row), NULL, NULL, LIA_ACTION_ITEM_OWNER);
  /* A date typed in the locale's usual forms or picked from the calendar. */
  lia_field_binding_set_parse (lia_bind_entry (GTK_EDITABLE (self->due_row), NULL, NULL, LIA_ACTION_ITEM_DUE),
                               lia_parse_user_date, NULL);
  adw_entry_row_add_suffix (self->due_row, lia_date_picker_new (GTK_EDITABLE (self->due_row), FALSE));
  lia_bind_choice (GTK_WIDGET (self->status_row), NULL, NULL, LIA_ACTION_ITEM_STATUS);
  add_marks (self);
}

GtkWidget *
lia_action_item_row_new (LiaEntity  *item,
                         LiaHistory *history,
                         LiaMeeting *meeting,
                         GListModel *members,
                         gboolean    read_only)
{
  g_return_val_if_fail (LIA_IS_ENTITY (item), NULL);
  g_return_val_if_fail (history == NULL || LIA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (meeting == NULL || LIA_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (members == NULL || G_IS_LIST_MODEL (members), NULL);

  return g_object_new (LIA_TYPE_ACTION_ITEM_ROW,
                       "item", item,
                       "history", history,
                       "meeting", meeting,
                       "members", members,
                       "read-only", read_only,
                       NULL);
}

/* Marks the item and its fields while @conflicts (may be %NULL) holds a
 * conflict about them. */
void
lia_action_item_row_set_conflicts (LiaActionItemRow *self,
                                   LiaConflictIndex *conflicts)
{
  g_return_if_fail (LIA_IS_ACTION_ITEM_ROW (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  for (guint i = 0; i < G_N_ELEMENTS (self->marks); i++)
    lia_conflict_mark_follow (self->marks[i], conflicts, self->item);
}

LiaEntity *
lia_action_item_row_get_item (LiaActionItemRow *self)
{
  g_return_val_if_fail (LIA_IS_ACTION_ITEM_ROW (self), NULL);

  return self->item;
}

void
lia_action_item_row_set_read_only (LiaActionItemRow *self,
                                   gboolean          read_only)
{
  g_return_if_fail (LIA_IS_ACTION_ITEM_ROW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_read_only (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* A new item opens with its text selected, ready to be typed over. */
void
lia_action_item_row_edit_title (LiaActionItemRow *self)
{
  g_return_if_fail (LIA_IS_ACTION_ITEM_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
  gtk_editable_select_region (GTK_EDITABLE (self->text_row), 0, -1);
}
