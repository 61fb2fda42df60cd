/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiaTaskForm: one task's fields, its checks and its state in the tracker. */
#define G_LOG_DOMAIN "lia-task-form"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-date-picker.h"
#include "lia-field-binding.h"
#include "lia-task-form.h"

struct _LiaTaskForm
{
  GtkWidget      parent_instance;

  LiaTask       *task;
  LiaHistory    *history;
  gboolean       read_only;
  GtkStringList *types;         /* the tracker's issue types; empty while unknown */

  GtkStack      *stack;
  AdwEntryRow   *project_row;
  AdwEntryRow   *type_row;
  AdwEntryRow   *summary_row;
  AdwComboRow   *priority_row;
  AdwEntryRow   *assignee_row;
  AdwEntryRow   *due_row;
  AdwEntryRow   *epic_row;
  AdwEntryRow   *labels_row;
  GtkTextView   *description_view;
  GtkLabel      *problem_label;
  AdwActionRow  *remote_state;
  GtkLinkButton *remote_link;
  GtkButton     *resolve_button;
  GtkMenuButton *type_button;   /* a reference of our own: it is out of the row at times */
  GtkListBox    *type_list;
};

G_DEFINE_FINAL_TYPE (LiaTaskForm, lia_task_form, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TASK,
  PROP_HISTORY,
  PROP_READ_ONLY,
  N_PROPS
};

enum
{
  SEND,
  DELETE,
  RESOLVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define N_BOUND 9

/* In the order problems are named: the form's own, top to bottom. */
static void
bound_widgets (LiaTaskForm *self,
               GtkWidget   *widgets[N_BOUND])
{
  widgets[0] = GTK_WIDGET (self->project_row);
  widgets[1] = GTK_WIDGET (self->type_row);
  widgets[2] = GTK_WIDGET (self->summary_row);
  widgets[3] = GTK_WIDGET (self->priority_row);
  widgets[4] = GTK_WIDGET (self->assignee_row);
  widgets[5] = GTK_WIDGET (self->due_row);
  widgets[6] = GTK_WIDGET (self->epic_row);
  widgets[7] = GTK_WIDGET (self->labels_row);
  widgets[8] = GTK_WIDGET (self->description_view);
}

static void
update_remote (LiaTaskForm *self)
{
  LiaRemoteRef *ref = self->task ? lia_entity_get_remote (LIA_ENTITY (self->task)) : NULL;

  if (ref != NULL && *lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY))
    {
      gtk_link_button_set_uri (self->remote_link, lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL));
      gtk_button_set_label (GTK_BUTTON (self->remote_link), lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY));
      gtk_widget_set_visible (GTK_WIDGET (self->remote_link), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->remote_link), FALSE);
}

/* Every problem with the form, named by its field, before anything is sent. */
gboolean
lia_task_form_validate (LiaTaskForm  *self,
                        char        **problem)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *summary = NULL;
  GListModel *types = G_LIST_MODEL (self->types);
  GtkWidget *widgets[N_BOUND];
  const char *type;
  gboolean known = FALSE;

  g_return_val_if_fail (LIA_IS_TASK_FORM (self), FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  if (self->task == NULL)
    {
      *problem = g_strdup (_("No task selected"));
      return FALSE;
    }
  /* What the fields refused is not in the task, but it is what the user
   * sees and would send: name it first, in core's words. */
  bound_widgets (self, widgets);
  for (guint i = 0; i < N_BOUND; i++)
    {
      const char *error = lia_field_binding_get_error (lia_field_binding_get (widgets[i]));
      const char *title = ADW_IS_PREFERENCES_ROW (widgets[i]) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widgets[i]))
                                                              : _("Description");

      if (error != NULL)
        /* Translators: a form field's title, then what is wrong with it */
        g_string_append_printf (out, _("%s: %s\n"), title, error);
    }
  summary = g_strstrip (g_strdup (lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_SUMMARY)));
  if (summary[0] == '\0' && lia_field_binding_get_error (lia_field_binding_get (GTK_WIDGET (self->summary_row))) == NULL)
    {
      g_string_append_printf (out, "%s\n", _("Summary: required"));
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_row), "error");
    }
  type = lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_TYPE);
  for (guint i = 0; i < g_list_model_get_n_items (types) && !known; i++)
    known = g_strcmp0 (gtk_string_list_get_string (self->types, i), type) == 0;
  if (g_list_model_get_n_items (types) > 0 && !known)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      for (guint i = 0; i < g_list_model_get_n_items (types); i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", gtk_string_list_get_string (self->types, i));
      /* Translators: %s is a type typed by the user, then the tracker's list */
      g_string_append_printf (out, _("Issue type: the tracker has no type “%s” (it has %s)\n"), type, names->str);
    }
  if (out->len > 0)
    {
      g_string_truncate (out, out->len - 1);
      *problem = g_string_free (g_steal_pointer (&out), FALSE);
      return FALSE;
    }
  *problem = NULL;
  return TRUE;
}

/* Problems shown after Send follow the form: a field put right loses its
 * mark and its line at once, and the list goes when nothing is left. */
static void
refresh_problems (LiaTaskForm *self)
{
  g_autofree char *problem = NULL;

  if (self->task == NULL)
    return;
  /* The "required" mark is the form's own, not the binding's. */
  if (lia_field_binding_get_error (lia_field_binding_get (GTK_WIDGET (self->summary_row))) == NULL &&
      *lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_SUMMARY) != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_row), "error");
  if (!gtk_widget_get_visible (GTK_WIDGET (self->problem_label)))
    return;
  if (lia_task_form_validate (self, &problem))
    gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  else
    gtk_label_set_text (self->problem_label, problem);
}

static void
send_clicked_cb (LiaTaskForm *self)
{
  g_autofree char *problem = NULL;

  if (!lia_task_form_validate (self, &problem))
    {
      gtk_label_set_text (self->problem_label, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  g_signal_emit (self, signals[SEND], 0);
}

static void
delete_clicked_cb (LiaTaskForm *self)
{
  if (self->task != NULL)
    g_signal_emit (self, signals[DELETE], 0);
}

static void
resolve_clicked_cb (LiaTaskForm *self)
{
  if (self->task != NULL)
    g_signal_emit (self, signals[RESOLVE], 0);
}

static void
type_chosen_cb (LiaTaskForm   *self,
                GtkListBoxRow *choice)
{
  const char *type = gtk_string_list_get_string (self->types, gtk_list_box_row_get_index (choice));

  /* Through the entry: one undoable edit, checked like typing. */
  if (type != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->type_row), type);
  gtk_menu_button_popdown (self->type_button);
}

static GtkWidget *
create_type_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

/* The tracker's types beside the Issue type field; typing another name
 * is still allowed (the check before sending names the known ones). */
void
lia_task_form_set_types (LiaTaskForm *self,
                         GPtrArray   *types)
{
  guint n_types = types ? types->len : 0;

  g_return_if_fail (LIA_IS_TASK_FORM (self));

  gtk_string_list_splice (self->types, 0, g_list_model_get_n_items (G_LIST_MODEL (self->types)), NULL);
  for (guint i = 0; i < n_types; i++)
    gtk_string_list_append (self->types, types->pdata[i]);
  /* Out of the row when there is nothing to offer: a hidden suffix would
   * still shift the row's edit icon out of line with the others. */
  if (n_types > 0)
    {
      if (gtk_widget_get_parent (GTK_WIDGET (self->type_button)) == NULL)
        adw_entry_row_add_suffix (self->type_row, GTK_WIDGET (self->type_button));
    }
  else if (gtk_widget_get_parent (GTK_WIDGET (self->type_button)) != NULL)
    adw_entry_row_remove (self->type_row, GTK_WIDGET (self->type_button));
}

/* The state line is the owner's to word (it knows the outbox and what the
 * last sync left out); the link follows the task's own reference. */
void
lia_task_form_set_sync_state (LiaTaskForm *self,
                              const char  *state,
                              gboolean     conflict)
{
  g_return_if_fail (LIA_IS_TASK_FORM (self));

  adw_action_row_set_subtitle (self->remote_state, state ? state : "");
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), conflict);
  update_remote (self);
}

LiaTask *
lia_task_form_get_task (LiaTaskForm *self)
{
  g_return_val_if_fail (LIA_IS_TASK_FORM (self), NULL);

  return self->task;
}

/* Setting the task shown again is nothing: the fields keep their text,
 * cursor and focus while a sync updates the page around them. */
void
lia_task_form_set_task (LiaTaskForm *self,
                        LiaTask     *task)
{
  GtkWidget *widgets[N_BOUND];

  g_return_if_fail (LIA_IS_TASK_FORM (self));
  g_return_if_fail (task == NULL || LIA_IS_TASK (task));

  if (self->task == task)
    return;
  if (self->task != NULL)
    g_signal_handlers_disconnect_by_data (self->task, self);
  g_set_object (&self->task, task);
  bound_widgets (self, widgets);
  for (guint i = 0; i < N_BOUND; i++)
    lia_field_binding_set_entity (lia_field_binding_get (widgets[i]), LIA_ENTITY (task));
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_row), "error");
  gtk_label_set_text (self->problem_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, task ? "form" : "empty");
  if (task != NULL)
    g_signal_connect_object (task, "notify::remote", G_CALLBACK (update_remote), self, G_CONNECT_SWAPPED);
  update_remote (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK]);
}

LiaHistory *
lia_task_form_get_history (LiaTaskForm *self)
{
  g_return_val_if_fail (LIA_IS_TASK_FORM (self), NULL);

  return self->history;
}

void
lia_task_form_set_history (LiaTaskForm *self,
                           LiaHistory  *history)
{
  GtkWidget *widgets[N_BOUND];

  g_return_if_fail (LIA_IS_TASK_FORM (self));

  if (!g_set_object (&self->history, history))
    return;
  bound_widgets (self, widgets);
  for (guint i = 0; i < N_BOUND; i++)
    lia_field_binding_set_history (lia_field_binding_get (widgets[i]), history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

gboolean
lia_task_form_get_read_only (LiaTaskForm *self)
{
  g_return_val_if_fail (LIA_IS_TASK_FORM (self), TRUE);

  return self->read_only;
}

void
lia_task_form_set_read_only (LiaTaskForm *self,
                             gboolean     read_only)
{
  GtkWidget *widgets[N_BOUND];

  g_return_if_fail (LIA_IS_TASK_FORM (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  bound_widgets (self, widgets);
  for (guint i = 0; i < N_BOUND; i++)
    lia_field_binding_set_read_only (lia_field_binding_get (widgets[i]), read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
lia_task_form_focus_summary (LiaTaskForm *self)
{
  g_return_if_fail (LIA_IS_TASK_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
  gtk_editable_select_region (GTK_EDITABLE (self->summary_row), 0, -1);
}

static void
lia_task_form_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaTaskForm *self = LIA_TASK_FORM (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_value_set_object (value, self->task);
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
lia_task_form_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LiaTaskForm *self = LIA_TASK_FORM (object);

  switch (prop_id)
    {
    case PROP_TASK:
      lia_task_form_set_task (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_task_form_set_history (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_task_form_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_task_form_dispose (GObject *object)
{
  LiaTaskForm *self = LIA_TASK_FORM (object);
  GtkMenuButton *type_button = g_steal_pointer (&self->type_button);

  if (self->task != NULL)
    g_signal_handlers_disconnect_by_data (self->task, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TASK_FORM);
  g_clear_object (&type_button);
  g_clear_object (&self->task);
  g_clear_object (&self->history);
  g_clear_object (&self->types);
  G_OBJECT_CLASS (lia_task_form_parent_class)->dispose (object);
}

static void
lia_task_form_class_init (LiaTaskFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_task_form_dispose;
  object_class->get_property = lia_task_form_get_property;
  object_class->set_property = lia_task_form_set_property;

  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL, LIA_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Send was pressed and the form passed its checks. */
  signals[SEND] = g_signal_new ("send", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user asked to delete the task; the owner removes it from its list. */
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user asked to resolve the task's sync conflict. */
  signals[RESOLVE] = g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/tasks/lia-task-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, project_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, type_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, priority_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, due_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, epic_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, labels_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, description_view);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, remote_state);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, remote_link);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, type_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskForm, type_list);
  gtk_widget_class_bind_template_callback (widget_class, refresh_problems);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, resolve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_chosen_cb);
}

static void
lia_task_form_init (LiaTaskForm *self)
{
  static const guint entry_fields[] = {
    LIA_TASK_PROJECT, LIA_TASK_TYPE, LIA_TASK_SUMMARY, 0, LIA_TASK_ASSIGNEE, LIA_TASK_DUE, LIA_TASK_EPIC, LIA_TASK_LABELS,
  };
  GtkWidget *widgets[N_BOUND];

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The builder's reference goes with it; the button is in and out of the row. */
  g_object_ref (self->type_button);
  self->types = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->type_list, G_LIST_MODEL (self->types), create_type_row, NULL, NULL);

  bound_widgets (self, widgets);
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      if (widgets[i] == GTK_WIDGET (self->priority_row))
        continue;
      lia_bind_entry (GTK_EDITABLE (widgets[i]), NULL, NULL, entry_fields[i]);
      g_signal_connect_object (lia_field_binding_get (widgets[i]), "notify::error",
                               G_CALLBACK (refresh_problems), self, G_CONNECT_SWAPPED);
    }
  lia_bind_choice (GTK_WIDGET (self->priority_row), NULL, NULL, LIA_TASK_PRIORITY);
  lia_bind_text_view (self->description_view, NULL, NULL, LIA_TASK_DESCRIPTION);
  /* Typed in the locale's usual forms too; the file keeps YYYY-MM-DD. */
  lia_field_binding_set_parse (lia_field_binding_get (GTK_WIDGET (self->due_row)), lia_parse_user_date, NULL);
  adw_entry_row_add_suffix (self->due_row, lia_date_picker_new (GTK_EDITABLE (self->due_row), FALSE));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_remote (self);
}
