/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-field-binding"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "lia-field-binding.h"
#include "lia-field-text.h"

/* Every view used to carry its own copy of this: a "syncing" flag so the
 * widget's change does not echo back, a notify handler so undo shows up,
 * a validator that disagreed with the reader.  Here it is once, and the
 * validator is core's rule book, so a value the widget accepts is one the
 * file can hold.  Text the rules refuse stays in the widget, marked with
 * the error style and core's message, and is never written: the model
 * keeps its last valid value, and the next change from elsewhere (undo,
 * sync) replaces the text and the mark.
 *
 * Longer than the house's 600 lines: five widget kinds share one binding
 * object (guard, notify, read-only, error mark, commit), and splitting
 * them per kind would copy that object five times, which is what this
 * file exists to stop. */

typedef enum
{
  BIND_ENTRY,
  BIND_CHOICE,
  BIND_SPIN,
  BIND_SWITCH,
  BIND_TEXT_VIEW,
} BindKind;

struct _LiaFieldBinding
{
  GObject             parent_instance;

  BindKind            kind;
  GtkWidget          *widget;     /* not owned: the widget owns the binding */
  LiaHistory         *history;
  LiaEntity          *entity;
  guint               field;
  gulong              notify_id;
  gboolean            syncing;    /* the widget is being set from the model */
  gboolean            read_only;
  LiaFieldParseFunc   parse;
  LiaFieldFormatFunc  format;
  char               *error;
  char               *tooltip;    /* the widget's own, shown again when the error goes */
  gboolean            prepared;   /* choices and range read from the spec */
  guint               empty_id;   /* a commit of empty text, waiting */
};

G_DEFINE_FINAL_TYPE (LiaFieldBinding, lia_field_binding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BINDING_KEY "lia-field-binding"

static void load (LiaFieldBinding *self);

static const LiaFieldSpec *
spec (LiaFieldBinding *self)
{
  return lia_entity_get_field_spec (self->entity, self->field);
}

static void
mark (LiaFieldBinding *self,
      const char      *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_widget_add_css_class (self->widget, "error");
  gtk_widget_set_tooltip_text (self->widget, message);
  /* Screen readers do not see the red; the description carries the why. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
unmark (LiaFieldBinding *self)
{
  if (self->error == NULL)
    return;
  g_clear_pointer (&self->error, g_free);
  gtk_widget_remove_css_class (self->widget, "error");
  gtk_widget_set_tooltip_text (self->widget, self->tooltip);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->widget),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static char *
widget_text (LiaFieldBinding *self)
{
  if (self->kind == BIND_TEXT_VIEW)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->widget)));
}

static guint
choice_get_selected (LiaFieldBinding *self)
{
  if (ADW_IS_COMBO_ROW (self->widget))
    return adw_combo_row_get_selected (ADW_COMBO_ROW (self->widget));
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (self->widget));
}

static void
choice_set_selected (LiaFieldBinding *self,
                     guint            position)
{
  if (ADW_IS_COMBO_ROW (self->widget))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->widget), position);
  else
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->widget), position);
}

/* What the widget shows for the model's value: strings through the
 * view's format, every other kind in core's text form (lia-field-text). */
static char *
model_text (LiaFieldBinding *self)
{
  const LiaFieldSpec *s = spec (self);

  if (s->kind == LIA_KIND_STRING)
    {
      const char *model = lia_entity_get_string (self->entity, self->field);

      return self->format ? self->format (model) : g_strdup (model);
    }
  return lia_field_value_to_text (s, lia_entity_peek_value (self->entity, self->field));
}

/* The widget's value in the field's type, or FALSE with the reason. */
static gboolean
read_widget (LiaFieldBinding *self,
             GValue          *value,
             GError         **error)
{
  const LiaFieldSpec *s = spec (self);

  switch (self->kind)
    {
    case BIND_ENTRY:
    case BIND_TEXT_VIEW:
      {
        g_autofree char *text = widget_text (self);

        /* Numbers, lengths, lists and JSON are read by core, which
         * words what it cannot read the way the reader would. */
        if (s->kind != LIA_KIND_STRING)
          return lia_field_value_from_text (s, text, value, error);
        if (self->parse != NULL)
          {
            g_autofree char *trimmed = g_strstrip (g_strdup (text));
            g_autofree char *parsed = trimmed[0] ? self->parse (trimmed) : g_strdup ("");

            if (parsed == NULL)
              {
                /* Core words the problem the way the reader would. */
                if (lia_entity_check_string (self->entity, self->field, trimmed, error))
                  g_set_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID,
                               /* Translators: %s is what the user typed */
                               _("“%s” is not understood"), trimmed);
                return FALSE;
              }
            g_value_init (value, G_TYPE_STRING);
            g_value_take_string (value, g_steal_pointer (&parsed));
            return TRUE;
          }
        g_value_init (value, G_TYPE_STRING);
        g_value_take_string (value, g_steal_pointer (&text));
        return TRUE;
      }
    case BIND_CHOICE:
      {
        guint selected = choice_get_selected (self);

        if (s->choices == NULL || selected >= g_strv_length ((char **) s->choices))
          return FALSE;
        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, s->choices[selected]);
        return TRUE;
      }
    case BIND_SPIN:
      if (s->kind == LIA_KIND_DOUBLE)
        {
          g_value_init (value, G_TYPE_DOUBLE);
          g_value_set_double (value, gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->widget)));
        }
      else
        {
          g_value_init (value, G_TYPE_INT);
          g_value_set_int (value, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->widget)));
        }
      return TRUE;
    case BIND_SWITCH:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, gtk_switch_get_active (GTK_SWITCH (self->widget)));
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static void
commit (LiaFieldBinding *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean coalesce = self->kind == BIND_ENTRY || self->kind == BIND_TEXT_VIEW || self->kind == BIND_SPIN;
  gboolean ok;

  if (self->syncing || self->read_only || self->entity == NULL)
    return;
  if (!read_widget (self, &value, &error))
    {
      if (error != NULL)
        mark (self, error->message);
      return;
    }
  if (lia_entity_value_equal (self->entity, self->field, &value))
    {
      unmark (self);
      return;
    }
  self->syncing = TRUE;
  if (self->history != NULL)
    ok = lia_history_try_set_value (self->history, self->entity, self->field, &value, coalesce, &error);
  else if ((ok = lia_entity_check_value (self->entity, self->field, &value, &error)))
    lia_entity_set_value (self->entity, self->field, &value);   /* a dialog's scratch copy */
  self->syncing = FALSE;
  if (ok)
    unmark (self);
  else
    mark (self, error ? error->message : _("This value cannot be stored"));
}

/* Shows the model's value; typed text that already means it stays as
 * typed, so a date written the locale's way is not rewritten under the
 * cursor. */
static void
load (LiaFieldBinding *self)
{
  const LiaFieldSpec *s;

  if (self->entity == NULL)
    return;
  s = spec (self);
  self->syncing = TRUE;
  switch (self->kind)
    {
    case BIND_ENTRY:
    case BIND_TEXT_VIEW:
      {
        g_autofree char *current = widget_text (self);
        g_autofree char *shown = NULL;

        if (s->kind != LIA_KIND_STRING)
          {
            g_auto(GValue) typed = G_VALUE_INIT;

            /* “0.” while typing 0.5 already means 0: leave it. */
            if (!lia_field_value_from_text (s, current, &typed, NULL) ||
                !lia_entity_value_equal (self->entity, self->field, &typed))
              shown = model_text (self);
          }
        else
          {
            const char *model = lia_entity_get_string (self->entity, self->field);
            g_autofree char *trimmed = g_strstrip (g_strdup (current));
            g_autofree char *meant = NULL;

            if (self->parse != NULL)
              meant = trimmed[0] ? self->parse (trimmed) : g_strdup ("");
            else
              meant = g_strdup (current);
            if (g_strcmp0 (meant, model) != 0)
              shown = self->format ? self->format (model) : g_strdup (model);
          }
        if (shown != NULL)
          {
            if (self->kind == BIND_TEXT_VIEW)
              gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget)), shown, -1);
            else
              gtk_editable_set_text (GTK_EDITABLE (self->widget), shown);
          }
      }
      break;
    case BIND_CHOICE:
      {
        const char *model = lia_entity_get_string (self->entity, self->field);
        guint position = GTK_INVALID_LIST_POSITION;

        for (guint i = 0; s->choices && s->choices[i]; i++)
          if (g_str_equal (s->choices[i], model))
            position = i;
        if (choice_get_selected (self) != position)
          choice_set_selected (self, position);
      }
      break;
    case BIND_SPIN:
      if (s->kind == LIA_KIND_DOUBLE)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->widget), lia_entity_get_double (self->entity, self->field));
      else
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->widget), lia_entity_get_int (self->entity, self->field));
      break;
    case BIND_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (self->widget), lia_entity_get_boolean (self->entity, self->field));
      break;
    default:
      g_assert_not_reached ();
    }
  self->syncing = FALSE;
  unmark (self);
}

static void
disconnect_entity (LiaFieldBinding *self)
{
  if (self->entity != NULL && self->notify_id != 0)
    g_signal_handler_disconnect (self->entity, self->notify_id);
  self->notify_id = 0;
  g_clear_object (&self->entity);
}

/* A view may list its own labels, one per choice in the spec's order
 * (the playbook's kinds have theirs in lia-playbook.c); they are kept. */
static gboolean
has_own_labels (LiaFieldBinding *self)
{
  GListModel *model = ADW_IS_COMBO_ROW (self->widget)
                      ? adw_combo_row_get_model (ADW_COMBO_ROW (self->widget))
                      : gtk_drop_down_get_model (GTK_DROP_DOWN (self->widget));

  return model != NULL && g_list_model_get_n_items (model) == g_strv_length ((char **) spec (self)->choices);
}

/* The choices and the range come from the field's spec, which is known
 * once there is an entity: a form may be built before anything is
 * selected. */
static void
prepare (LiaFieldBinding *self)
{
  const LiaFieldSpec *s = spec (self);

  self->prepared = TRUE;
  self->syncing = TRUE;
  if (self->kind == BIND_CHOICE && s->choices != NULL && !has_own_labels (self))
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      for (guint i = 0; s->choices[i]; i++)
        gtk_string_list_append (labels, lia_choice_get_label (s->choices[i]));
      if (ADW_IS_COMBO_ROW (self->widget))
        adw_combo_row_set_model (ADW_COMBO_ROW (self->widget), G_LIST_MODEL (labels));
      else
        gtk_drop_down_set_model (GTK_DROP_DOWN (self->widget), G_LIST_MODEL (labels));
    }
  else if (self->kind == BIND_SPIN && (s->flags & LIA_SPEC_RANGED))
    gtk_spin_button_set_range (GTK_SPIN_BUTTON (self->widget), s->min, s->max);
  self->syncing = FALSE;
}

/* ---- callbacks ---- */

static void
entity_notify_cb (LiaFieldBinding *self)
{
  /* Our own commit notifies too; the widget already shows it. */
  if (self->syncing)
    return;
  load (self);
}

static gboolean
commit_empty_cb (gpointer user_data)
{
  LiaFieldBinding *self = user_data;

  self->empty_id = 0;
  commit (self);
  return G_SOURCE_REMOVE;
}

static void
widget_changed_cb (LiaFieldBinding *self)
{
  g_clear_handle_id (&self->empty_id, g_source_remove);
  if (self->syncing)
    return;
  /* gtk_editable_set_text(), a paste over a selection and typing over a
   * selection all pass through the empty text on their way to the new
   * one.  Writing that emptiness would lose the last valid value of an
   * optional field whenever the new text is refused, so empty text
   * waits for the main loop: if more text follows, it never counts. */
  if (self->kind == BIND_ENTRY)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->widget));

      if (text[0] == '\0')
        {
          self->empty_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_empty_cb, self, NULL);
          return;
        }
    }
  commit (self);
}

static void
switch_state_cb (LiaFieldBinding *self)
{
  commit (self);
}

/* Leaving the field shows the value the way the file will hold it, so
 * what was understood from “9/12/2026” is visible before anything else. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                LiaFieldBinding         *self)
{
  if (self->error == NULL && self->entity != NULL &&
      (self->parse != NULL || self->format != NULL || spec (self)->kind != LIA_KIND_STRING))
    {
      g_autofree char *shown = model_text (self);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->widget)), shown) != 0)
        {
          self->syncing = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->widget), shown);
          self->syncing = FALSE;
        }
    }
}

static void
widget_destroy_cb (LiaFieldBinding *self)
{
  g_clear_handle_id (&self->empty_id, g_source_remove);
  disconnect_entity (self);
}

/* ---- overrides ---- */

static void
lia_field_binding_dispose (GObject *object)
{
  LiaFieldBinding *self = LIA_FIELD_BINDING (object);

  g_clear_handle_id (&self->empty_id, g_source_remove);
  disconnect_entity (self);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (lia_field_binding_parent_class)->dispose (object);
}

static void
lia_field_binding_finalize (GObject *object)
{
  LiaFieldBinding *self = LIA_FIELD_BINDING (object);

  g_free (self->error);
  g_free (self->tooltip);
  G_OBJECT_CLASS (lia_field_binding_parent_class)->finalize (object);
}

static void
lia_field_binding_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaFieldBinding *self = LIA_FIELD_BINDING (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_binding_class_init (LiaFieldBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_field_binding_dispose;
  object_class->finalize = lia_field_binding_finalize;
  object_class->get_property = lia_field_binding_get_property;

  /* Forms that enable a Save or Send button listen to this. */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_field_binding_init (LiaFieldBinding *self)
{
}

/* ---- public API ---- */

static LiaFieldBinding *
bind (BindKind    kind,
      GtkWidget  *widget,
      LiaHistory *history,
      LiaEntity  *entity,
      guint       field)
{
  LiaFieldBinding *self = g_object_new (LIA_TYPE_FIELD_BINDING, NULL);

  self->kind = kind;
  self->widget = widget;
  self->field = field;
  self->history = history ? g_object_ref (history) : NULL;
  self->tooltip = g_strdup (gtk_widget_get_tooltip_text (widget));
  /* The widget owns the binding: one less thing for views to free. */
  g_object_set_data_full (G_OBJECT (widget), BINDING_KEY, self, g_object_unref);
  g_signal_connect_object (widget, "destroy", G_CALLBACK (widget_destroy_cb), self, G_CONNECT_SWAPPED);

  lia_field_binding_set_entity (self, entity);

  /* What each kind of widget says when the user changed it. */
  {
    static const struct { const char *signal; GCallback callback; } changed[] = {
      [BIND_ENTRY] = { "changed", G_CALLBACK (widget_changed_cb) },
      [BIND_CHOICE] = { "notify::selected", G_CALLBACK (widget_changed_cb) },
      [BIND_SPIN] = { "value-changed", G_CALLBACK (widget_changed_cb) },
      [BIND_SWITCH] = { "notify::active", G_CALLBACK (switch_state_cb) },
      [BIND_TEXT_VIEW] = { "changed", G_CALLBACK (widget_changed_cb) },
    };
    gpointer instance = kind == BIND_TEXT_VIEW ? (gpointer) gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget))
                                               : (gpointer) widget;

    g_signal_connect_object (instance, changed[kind].signal, changed[kind].callback, self, G_CONNECT_SWAPPED);
  }
  return self;
}

/**
 * lia_bind_entry:
 *
 * Binds a field to a #GtkEditable such as #GtkEntry or #AdwEntryRow.  A
 * string is shown as it is (or through lia_field_binding_set_parse());
 * any other kind in core's text form, lia_field_value_to_text(): lists
 * comma-separated, an unset number or length empty, JSON as JSON.
 *
 * Returns: (transfer none): the binding, owned by @editable
 */
LiaFieldBinding *
lia_bind_entry (GtkEditable *editable,
                LiaHistory  *history,
                LiaEntity   *entity,
                guint        field)
{
  LiaFieldBinding *self;
  GtkEventController *focus;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  self = bind (BIND_ENTRY, GTK_WIDGET (editable), history, entity, field);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (editable), focus);
  return self;
}

/**
 * lia_bind_choice:
 *
 * Binds a choice field to a #GtkDropDown or #AdwComboRow; its model
 * becomes the field's choices, shown by their labels.  @entity may be
 * %NULL until lia_field_binding_set_entity(), as for every binding.
 *
 * Returns: (transfer none): the binding, owned by the widget
 */
LiaFieldBinding *
lia_bind_choice (GtkWidget  *widget,
                 LiaHistory *history,
                 LiaEntity  *entity,
                 guint       field)
{
  g_return_val_if_fail (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget), NULL);

  return bind (BIND_CHOICE, widget, history, entity, field);
}

/**
 * lia_bind_spin:
 *
 * Binds an int or double field; a ranged field's min and max become the
 * spin button's range.
 *
 * Returns: (transfer none): the binding, owned by @spin
 */
LiaFieldBinding *
lia_bind_spin (GtkSpinButton *spin,
               LiaHistory    *history,
               LiaEntity     *entity,
               guint          field)
{
  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), NULL);

  return bind (BIND_SPIN, GTK_WIDGET (spin), history, entity, field);
}

/**
 * lia_bind_switch:
 *
 * Returns: (transfer none): the binding, owned by @sw
 */
LiaFieldBinding *
lia_bind_switch (GtkSwitch  *sw,
                 LiaHistory *history,
                 LiaEntity  *entity,
                 guint       field)
{
  g_return_val_if_fail (GTK_IS_SWITCH (sw), NULL);

  return bind (BIND_SWITCH, GTK_WIDGET (sw), history, entity, field);
}

/**
 * lia_bind_text_view:
 *
 * Binds a long text field to a #GtkTextView.
 *
 * Returns: (transfer none): the binding, owned by @view
 */
LiaFieldBinding *
lia_bind_text_view (GtkTextView *view,
                    LiaHistory  *history,
                    LiaEntity   *entity,
                    guint        field)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  return bind (BIND_TEXT_VIEW, GTK_WIDGET (view), history, entity, field);
}

/**
 * lia_field_binding_get:
 *
 * Returns: (transfer none) (nullable): the binding @widget carries
 */
LiaFieldBinding *
lia_field_binding_get (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), BINDING_KEY);
}

/**
 * lia_field_binding_set_parse:
 * @parse: (nullable): typed text to the file's form (e.g. lia_parse_user_date)
 * @format: (nullable): the file's form to what the widget shows
 */
void
lia_field_binding_set_parse (LiaFieldBinding    *self,
                             LiaFieldParseFunc   parse,
                             LiaFieldFormatFunc  format)
{
  g_return_if_fail (LIA_IS_FIELD_BINDING (self));
  g_return_if_fail (self->kind == BIND_ENTRY);

  self->parse = parse;
  self->format = format;
  if (self->entity != NULL)
    {
      const char *model = lia_entity_get_string (self->entity, self->field);
      g_autofree char *shown = format ? format (model) : g_strdup (model);

      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->widget), shown);
      self->syncing = FALSE;
      unmark (self);
    }
}

/**
 * lia_field_binding_set_entity:
 * @entity: (nullable): the entity to show instead, of the same type
 *
 * Forms that show one entity at a time rebind instead of rebuilding.
 */
void
lia_field_binding_set_entity (LiaFieldBinding *self,
                              LiaEntity       *entity)
{
  g_return_if_fail (LIA_IS_FIELD_BINDING (self));
  g_return_if_fail (entity == NULL || LIA_IS_ENTITY (entity));

  if (entity == self->entity)
    return;
  g_clear_handle_id (&self->empty_id, g_source_remove);
  disconnect_entity (self);
  unmark (self);
  if (entity == NULL)
    return;
  self->entity = g_object_ref (entity);
  if (!self->prepared)
    prepare (self);
  {
    GParamSpec *pspec = lia_entity_get_field_pspec (entity, self->field);
    g_autofree char *signal = g_strconcat ("notify::", pspec->name, NULL);

    self->notify_id = g_signal_connect_object (entity, signal, G_CALLBACK (entity_notify_cb),
                                               self, G_CONNECT_SWAPPED);
  }
  /* A new entity always shows its own value, even where the old text
   * happened to mean the same. */
  if (self->kind == BIND_ENTRY || self->kind == BIND_TEXT_VIEW)
    {
      g_autofree char *shown = model_text (self);

      self->syncing = TRUE;
      if (self->kind == BIND_TEXT_VIEW)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget)), shown, -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (self->widget), shown);
      self->syncing = FALSE;
    }
  else
    load (self);
}

LiaEntity *
lia_field_binding_get_entity (LiaFieldBinding *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_BINDING (self), NULL);

  return self->entity;
}

void
lia_field_binding_set_history (LiaFieldBinding *self,
                               LiaHistory      *history)
{
  g_return_if_fail (LIA_IS_FIELD_BINDING (self));

  g_set_object (&self->history, history);
}

/**
 * lia_field_binding_set_read_only:
 *
 * A read-only workspace shows its values but takes no edits; text that
 * was refused goes back to the model's value.
 */
void
lia_field_binding_set_read_only (LiaFieldBinding *self,
                                 gboolean         read_only)
{
  g_return_if_fail (LIA_IS_FIELD_BINDING (self));

  read_only = !!read_only;
  self->read_only = read_only;
  switch (self->kind)
    {
    case BIND_ENTRY:
      gtk_editable_set_editable (GTK_EDITABLE (self->widget), !read_only);
      break;
    case BIND_TEXT_VIEW:
      gtk_text_view_set_editable (GTK_TEXT_VIEW (self->widget), !read_only);
      break;
    case BIND_CHOICE:
    case BIND_SPIN:
    case BIND_SWITCH:
    default:
      gtk_widget_set_sensitive (self->widget, !read_only);
      break;
    }
  if (read_only && self->error != NULL)
    {
      unmark (self);
      if (self->entity != NULL)
        {
          LiaEntity *entity = g_object_ref (self->entity);

          /* Rebinding shows the model's value whatever the text says. */
          disconnect_entity (self);
          lia_field_binding_set_entity (self, entity);
          g_object_unref (entity);
        }
    }
}

/**
 * lia_field_binding_get_error:
 *
 * Returns: (nullable): why the widget's value was not written, in core's
 *   words, or %NULL when the widget shows what the model holds
 */
const char *
lia_field_binding_get_error (LiaFieldBinding *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_BINDING (self), NULL);

  return self->error;
}

GtkWidget *
lia_field_binding_get_widget (LiaFieldBinding *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_BINDING (self), NULL);

  return self->widget;
}

/* “2026-12-09T15:30” reads better as “2026-12-09 15:30”, and
 * lia_parse_user_datetime takes it back. */
char *
lia_format_datetime_for_entry (const char *value)
{
  char *shown = g_strdup (value ? value : "");
  char *t = strchr (shown, 'T');

  if (t != NULL)
    *t = ' ';
  return shown;
}
