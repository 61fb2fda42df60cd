/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-agenda-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-agenda-row.h"
#include "lia-conflict-mark.h"
#include "lia-field-binding.h"
#include "lia-text-list.h"

/* One agenda item in the meeting editor: its fields, its place in the
 * agenda (moved with buttons, Alt+Up and Alt+Down, or by dragging) and
 * the times the plan gives it.  The row asks its list for moves and
 * removals through the agenda section's actions, since only the list
 * knows the history's store. */

struct _LiaAgendaRow
{
  AdwExpanderRow  parent_instance;

  LiaEntity      *item;
  LiaHistory     *history;
  gboolean        read_only;
  guint           index;
  guint           n_items;
  GtkWidget      *bound[5];       /* the fields, each with its LiaFieldBinding */
  LiaConflictMark *marks[6];      /* one per field, in bound's order, then the item's */

  GtkWidget      *remove_button;
  GtkWidget      *down_button;
  GtkWidget      *up_button;
  AdwEntryRow    *title_row;
  GtkSpinButton  *duration_spin;
  AdwEntryRow    *owners_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (LiaAgendaRow, lia_agenda_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_HISTORY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields of bound_widgets (), in its order. */
static const int bound_fields[] = {
  LIA_AGENDA_ITEM_TITLE, LIA_AGENDA_ITEM_DURATION, LIA_AGENDA_ITEM_OWNERS, LIA_AGENDA_ITEM_KIND, LIA_AGENDA_ITEM_NOTES,
};

static GtkWidget **
bound_widgets (LiaAgendaRow *self,
               guint        *n)
{
  self->bound[0] = GTK_WIDGET (self->title_row);
  self->bound[1] = GTK_WIDGET (self->duration_spin);
  self->bound[2] = GTK_WIDGET (self->owners_row);
  self->bound[3] = GTK_WIDGET (self->kind_row);
  self->bound[4] = GTK_WIDGET (self->notes_row);
  *n = G_N_ELEMENTS (self->bound);
  return self->bound;
}

static void
add_marks (LiaAgendaRow *self)
{
  guint n;
  GtkWidget **bound = bound_widgets (self, &n);

  G_STATIC_ASSERT (G_N_ELEMENTS (bound_fields) + 1 == G_N_ELEMENTS (((LiaAgendaRow *) NULL)->marks));
  for (guint i = 0; i < n; i++)
    self->marks[i] = lia_conflict_mark_attach (bound[i], bound_fields[i]);
  self->marks[n] = lia_conflict_mark_attach (GTK_WIDGET (self), LIA_CONFLICT_MARK_ENTITY);
}

static void
update_actions (LiaAgendaRow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda-row.move-up", !self->read_only && self->index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda-row.move-down",
                                 !self->read_only && self->index + 1 < self->n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda-row.remove", !self->read_only);
  /* A read-only agenda shows no reordering at all. */
  gtk_widget_set_visible (self->up_button, !self->read_only);
  gtk_widget_set_visible (self->down_button, !self->read_only);
  gtk_widget_set_visible (self->remove_button, !self->read_only);
}

static guint
current_index (LiaAgendaRow *self)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));

  return index < 0 ? 0 : (guint) index;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaAgendaRow *self = LIA_AGENDA_ROW (widget);
  guint i = current_index (self);

  if (g_str_equal (action_name, "agenda-row.move-up"))
    {
      if (i > 0)
        gtk_widget_activate_action (widget, "agenda.move", "(uu)", i, i - 1);
    }
  else
    gtk_widget_activate_action (widget, "agenda.move", "(uu)", i, i + 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_widget_activate_action (widget, "agenda.remove", "u", current_index (LIA_AGENDA_ROW (widget)));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 LiaAgendaRow  *self)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  if (self->read_only)
    return NULL;
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, current_index (self));
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return provider;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LiaAgendaRow  *self)
{
  if (self->read_only || !G_VALUE_HOLDS_UINT (value))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "agenda.move", "(uu)",
                                     g_value_get_uint (value), current_index (self));
}

static void
lia_agenda_row_constructed (GObject *object)
{
  LiaAgendaRow *self = LIA_AGENDA_ROW (object);
  GtkWidget **bound;
  guint n;

  G_OBJECT_CLASS (lia_agenda_row_parent_class)->constructed (object);

  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    {
      LiaFieldBinding *binding = lia_field_binding_get (bound[i]);

      lia_field_binding_set_history (binding, self->history);
      lia_field_binding_set_entity (binding, self->item);
      lia_field_binding_set_read_only (binding, self->read_only);
    }
  update_actions (self);
}

static void
lia_agenda_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaAgendaRow *self = LIA_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
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
lia_agenda_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaAgendaRow *self = LIA_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      lia_agenda_row_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_agenda_row_dispose (GObject *object)
{
  LiaAgendaRow *self = LIA_AGENDA_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_AGENDA_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (lia_agenda_row_parent_class)->dispose (object);
}

static void
lia_agenda_row_class_init (LiaAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_agenda_row_constructed;
  object_class->get_property = lia_agenda_row_get_property;
  object_class->set_property = lia_agenda_row_set_property;
  object_class->dispose = lia_agenda_row_dispose;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, LIA_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, owners_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgendaRow, notes_row);

  gtk_widget_class_install_action (widget_class, "agenda-row.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda-row.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda-row.remove", NULL, remove_action);
  /* Alt+Up and Alt+Down move the item, as in the requirement table. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda-row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda-row.move-down", NULL);
}

static void
lia_agenda_row_init (LiaAgendaRow *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  lia_bind_entry (GTK_EDITABLE (self->title_row), NULL, NULL, LIA_AGENDA_ITEM_TITLE);
  lia_bind_spin (self->duration_spin, NULL, NULL, LIA_AGENDA_ITEM_DURATION);
  lia_bind_entry (GTK_EDITABLE (self->owners_row), NULL, NULL, LIA_AGENDA_ITEM_OWNERS);
  lia_bind_choice (GTK_WIDGET (self->kind_row), NULL, NULL, LIA_AGENDA_ITEM_KIND);
  lia_bind_entry (GTK_EDITABLE (self->notes_row), NULL, NULL, LIA_AGENDA_ITEM_NOTES);
  add_marks (self);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
lia_agenda_row_new (LiaEntity  *item,
                    LiaHistory *history,
                    gboolean    read_only)
{
  g_return_val_if_fail (LIA_IS_ENTITY (item), NULL);
  g_return_val_if_fail (history == NULL || LIA_IS_HISTORY (history), NULL);

  return g_object_new (LIA_TYPE_AGENDA_ROW,
                       "item", item,
                       "history", history,
                       "read-only", read_only,
                       NULL);
}

/* Marks the item and its fields while @conflicts (may be %NULL) holds a
 * conflict about them. */
void
lia_agenda_row_set_conflicts (LiaAgendaRow     *self,
                              LiaConflictIndex *conflicts)
{
  g_return_if_fail (LIA_IS_AGENDA_ROW (self));
  g_return_if_fail (conflicts == NULL || LIA_IS_CONFLICT_INDEX (conflicts));

  for (guint i = 0; i < G_N_ELEMENTS (self->marks); i++)
    lia_conflict_mark_follow (self->marks[i], conflicts, self->item);
}

LiaEntity *
lia_agenda_row_get_item (LiaAgendaRow *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA_ROW (self), NULL);

  return self->item;
}

void
lia_agenda_row_set_read_only (LiaAgendaRow *self,
                              gboolean      read_only)
{
  GtkWidget **bound;
  guint n;

  g_return_if_fail (LIA_IS_AGENDA_ROW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  bound = bound_widgets (self, &n);
  for (guint i = 0; i < n; i++)
    lia_field_binding_set_read_only (lia_field_binding_get (bound[i]), read_only);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Where the item sits, so the first cannot move up nor the last down. */
void
lia_agenda_row_set_position (LiaAgendaRow *self,
                             guint         index,
                             guint         n_items)
{
  g_return_if_fail (LIA_IS_AGENDA_ROW (self));

  self->index = index;
  self->n_items = n_items;
  update_actions (self);
}

/* "09:00–09:10  Opening and background" over "10 minutes · Talk · Li Lei":
 * the times come from the plan of the whole agenda, the rest from the item. */
void
lia_agenda_row_set_span (LiaAgendaRow *self,
                         const char   *start_text,
                         const char   *end_text)
{
  LiaEntity *item;
  const char * const *owners;
  g_autofree char *owner_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *subtitle = NULL;
  int actual, duration;

  g_return_if_fail (LIA_IS_AGENDA_ROW (self));

  item = self->item;
  owners = lia_entity_get_strv (item, LIA_AGENDA_ITEM_OWNERS);
  owner_text = owners ? lia_text_list_join ((const char * const *) owners) : g_strdup ("");
  title = g_strdup_printf ("%s–%s  %s", start_text, end_text, lia_entity_get_string (item, LIA_AGENDA_ITEM_TITLE));
  actual = lia_entity_get_int (item, LIA_AGENDA_ITEM_ACTUAL);
  duration = lia_entity_get_int (item, LIA_AGENDA_ITEM_DURATION);
  if (actual > 0)
    /* Translators: an agenda item's planned length and, once it has run,
     * the minutes it took ("10 minutes (took 12)"); the plural follows the
     * first number */
    minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute (took %d)", "%d minutes (took %d)", duration),
                               duration, actual);
  else
    minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", duration), duration);
  subtitle = g_strdup_printf ("%s · %s%s%s", minutes,
                              lia_choice_get_label (lia_entity_get_string (item, LIA_AGENDA_ITEM_KIND)),
                              owner_text[0] ? " · " : "", owner_text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}
