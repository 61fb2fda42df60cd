/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form for a team's own playbook entry (see lia-playbook-entry-form.h). */
#define G_LOG_DOMAIN "lia-playbook-entry-form"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-field-binding.h"
#include "lia-playbook-entry-form.h"
#include "lia-playbook.h"

/* The form edits a copy through field bindings without a history, so
 * each field shows core's message as it is typed and nothing reaches the
 * workspace until Save, which hands the copy's fields over in one undo
 * step (or inserts the copy). */
struct _LiaPlaybookEntryForm
{
  AdwWindow         parent_instance;

  LiaWorkspace     *workspace;
  LiaPlaybookEntry *entry;   /* being edited, or NULL for a new one */
  LiaPlaybookEntry *copy;    /* what the form's fields are bound to */

  GtkWidget        *save;
  GtkWidget        *kind_row;
  GtkWidget        *name_row;
  GtkWidget        *strengths_row;
  GtkWidget        *weaknesses_row;
  GtkWidget        *fits_row;
  GtkWidget        *examples_row;
};

G_DEFINE_FINAL_TYPE (LiaPlaybookEntryForm, lia_playbook_entry_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ENTRY,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Save is offered only for a copy the file can hold, with a name that is
 * more than spaces (the rule book takes those; a list row would not). */
static gboolean
validate (LiaPlaybookEntryForm *self)
{
  LiaEntity *copy = LIA_ENTITY (self->copy);
  g_autofree char *name = g_strstrip (g_strdup (lia_entity_get_string (copy, LIA_PLAYBOOK_ENTRY_NAME)));
  GtkWidget *rows[] = { self->kind_row, self->name_row, self->strengths_row,
                        self->weaknesses_row, self->fits_row, self->examples_row };
  gboolean ok = name[0] != '\0' && lia_entity_check (copy, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ok &= lia_field_binding_get_error (lia_field_binding_get (rows[i])) == NULL;
  gtk_widget_set_sensitive (self->save, ok);
  return ok;
}

static void
save_cb (LiaPlaybookEntryForm *self)
{
  LiaEntity *copy = LIA_ENTITY (self->copy);
  GListStore *store = lia_workspace_get_playbook (self->workspace);
  LiaHistory *history = lia_workspace_get_history (self->workspace);
  g_autofree char *name = NULL;

  /* A click can arrive while the button is insensitive (a test, an
   * accessibility tool); the check is the same. */
  if (!validate (self))
    return;
  name = g_strstrip (g_strdup (lia_entity_get_string (copy, LIA_PLAYBOOK_ENTRY_NAME)));
  lia_entity_set_string (copy, LIA_PLAYBOOK_ENTRY_NAME, name);

  if (self->entry != NULL)
    {
      LiaEntity *entry = LIA_ENTITY (self->entry);

      lia_history_begin (history, _("Edit playbook entry"));
      for (guint i = 0; i < LIA_PLAYBOOK_ENTRY_N_FIELDS; i++)
        if (!lia_entity_value_equal (entry, i, lia_entity_peek_value (copy, i)))
          lia_history_set_value (history, entry, i, lia_entity_peek_value (copy, i), FALSE);
      lia_history_end (history);
    }
  else
    {
      lia_history_begin (history, _("Add playbook entry"));
      lia_history_insert (history, store, g_list_model_get_n_items (G_LIST_MODEL (store)), self->copy);
      lia_history_end (history);
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_cb (LiaPlaybookEntryForm *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The kinds in the open list wrap: AdwComboRow's own list cuts each at
 * 20 characters, and in a long language "Collaboration tools by type"
 * lost its end.  The chosen one keeps its check mark. */
static void
kind_selected_cb (GtkListItem *item,
                  GParamSpec  *pspec,
                  GtkWidget   *check)
{
  gtk_widget_set_opacity (check, gtk_list_item_get_selected (item) ? 1.0 : 0.0);
}

static void
kind_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect_object (item, "notify::selected", G_CALLBACK (kind_selected_cb), check, 0);
  kind_selected_cb (item, NULL, check);
}

static void
kind_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
lia_playbook_entry_form_constructed (GObject *object)
{
  LiaPlaybookEntryForm *self = LIA_PLAYBOOK_ENTRY_FORM (object);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *rows[] = { self->kind_row, self->name_row, self->strengths_row,
                        self->weaknesses_row, self->fits_row, self->examples_row };
  gboolean existing = self->entry != NULL;

  G_OBJECT_CLASS (lia_playbook_entry_form_parent_class)->constructed (object);

  self->copy = existing ? LIA_PLAYBOOK_ENTRY (lia_entity_copy (LIA_ENTITY (self->entry), FALSE))
                        : lia_playbook_entry_new ();
  gtk_button_set_label (GTK_BUTTON (self->save), existing ? _("_Save") : _("_Add"));
  gtk_window_set_title (GTK_WINDOW (self), existing ? _("Edit Playbook Entry") : _("New Playbook Entry"));

  /* The kinds' own labels, in the spec's order; the binding keeps them. */
  for (guint i = 0; lia_playbook_kind_choices[i]; i++)
    gtk_string_list_append (kinds, lia_playbook_kind_label (lia_playbook_kind_choices[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (kind_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (kind_bind_cb), NULL);
    adw_combo_row_set_list_factory (ADW_COMBO_ROW (self->kind_row), factory);
  }

  G_STATIC_ASSERT (LIA_PLAYBOOK_ENTRY_KIND == 0 && LIA_PLAYBOOK_ENTRY_EXAMPLES == 5);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      LiaEntity *copy = LIA_ENTITY (self->copy);
      LiaFieldBinding *binding = i == LIA_PLAYBOOK_ENTRY_KIND ? lia_bind_choice (rows[i], NULL, copy, i)
                                                              : lia_bind_entry (GTK_EDITABLE (rows[i]), NULL, copy, i);

      /* The form, not the copy, is the target: the copy may live on in
       * the workspace after the form is gone. */
      g_signal_connect_object (binding, "notify::error", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->copy, "notify", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  validate (self);
  gtk_widget_grab_focus (self->name_row);
}

static void
lia_playbook_entry_form_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LiaPlaybookEntryForm *self = LIA_PLAYBOOK_ENTRY_FORM (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_playbook_entry_form_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LiaPlaybookEntryForm *self = LIA_PLAYBOOK_ENTRY_FORM (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_playbook_entry_form_dispose (GObject *object)
{
  LiaPlaybookEntryForm *self = LIA_PLAYBOOK_ENTRY_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PLAYBOOK_ENTRY_FORM);
  g_clear_object (&self->copy);
  g_clear_object (&self->entry);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (lia_playbook_entry_form_parent_class)->dispose (object);
}

static void
lia_playbook_entry_form_class_init (LiaPlaybookEntryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_playbook_entry_form_constructed;
  object_class->dispose = lia_playbook_entry_form_dispose;
  object_class->get_property = lia_playbook_entry_form_get_property;
  object_class->set_property = lia_playbook_entry_form_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, LIA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, LIA_TYPE_PLAYBOOK_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/playbook/lia-playbook-entry-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookEntryForm, save);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookEntryForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookEntryForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookEntryForm, strengths_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookEntryForm, weaknesses_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookEntryForm, fits_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookEntryForm, examples_row);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
}

static void
lia_playbook_entry_form_init (LiaPlaybookEntryForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_playbook_entry_form_new (LiaWorkspace     *workspace,
                             LiaPlaybookEntry *entry)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (entry == NULL || LIA_IS_PLAYBOOK_ENTRY (entry), NULL);

  return g_object_new (LIA_TYPE_PLAYBOOK_ENTRY_FORM, "workspace", workspace, "entry", entry, NULL);
}
