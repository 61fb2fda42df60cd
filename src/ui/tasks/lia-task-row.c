/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiaTaskRow: a task in the Tasks list, kept up to date by the task itself. */
#define G_LOG_DOMAIN "lia-task-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-task-row.h"

struct _LiaTaskRow
{
  AdwActionRow   parent_instance;

  LiaTask       *task;
  char          *sync_state;

  GtkLinkButton *link;
};

G_DEFINE_FINAL_TYPE (LiaTaskRow, lia_task_row, ADW_TYPE_ACTION_ROW)

static void
update_subtitle (LiaTaskRow *self)
{
  g_autofree char *subtitle =
    g_strdup_printf ("%s · %s", lia_choice_get_label (lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_STATUS)),
                     self->sync_state ? self->sync_state : "");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
update_title (LiaTaskRow *self)
{
  const char *summary = lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_SUMMARY);

  /* The list follows the summary as it is typed in the form. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *summary ? summary : _("Untitled task"));
}

static void
update_link (LiaTaskRow *self)
{
  LiaRemoteRef *ref = lia_entity_get_remote (LIA_ENTITY (self->task));
  const char *key = ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) : "";

  gtk_widget_set_visible (GTK_WIDGET (self->link), *key != '\0');
  if (*key != '\0')
    {
      /* Translators: %s is an issue key such as VLLM-12 */
      g_autofree char *tip = g_strdup_printf (_("Open %s in the browser"), key);

      gtk_link_button_set_uri (self->link, lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL));
      gtk_button_set_label (GTK_BUTTON (self->link), key);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->link), tip);
    }
}

LiaTask *
lia_task_row_get_task (LiaTaskRow *self)
{
  g_return_val_if_fail (LIA_IS_TASK_ROW (self), NULL);

  return self->task;
}

/* Worded by the list's owner, which knows the outbox and the last sync.
 * A sync may also have filled in the key of a reference the task already
 * had, which no notify tells the row: the link is looked at again too. */
void
lia_task_row_set_sync_state (LiaTaskRow *self,
                             const char *state)
{
  g_return_if_fail (LIA_IS_TASK_ROW (self));

  update_link (self);
  if (g_strcmp0 (self->sync_state, state) == 0)
    return;
  g_free (self->sync_state);
  self->sync_state = g_strdup (state);
  update_subtitle (self);
}

static void
lia_task_row_dispose (GObject *object)
{
  LiaTaskRow *self = LIA_TASK_ROW (object);

  if (self->task != NULL)
    g_signal_handlers_disconnect_by_data (self->task, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TASK_ROW);
  g_clear_object (&self->task);
  G_OBJECT_CLASS (lia_task_row_parent_class)->dispose (object);
}

static void
lia_task_row_finalize (GObject *object)
{
  g_free (LIA_TASK_ROW (object)->sync_state);
  G_OBJECT_CLASS (lia_task_row_parent_class)->finalize (object);
}

static void
lia_task_row_class_init (LiaTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_task_row_dispose;
  object_class->finalize = lia_task_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/tasks/lia-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTaskRow, link);
}

static void
lia_task_row_init (LiaTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_task_row_new (LiaTask *task)
{
  LiaTaskRow *self;
  LiaEntity *entity;
  g_autofree char *summary_changed = NULL;
  g_autofree char *status_changed = NULL;

  g_return_val_if_fail (LIA_IS_TASK (task), NULL);
  entity = LIA_ENTITY (task);
  summary_changed = g_strconcat ("notify::", lia_entity_get_field_pspec (entity, LIA_TASK_SUMMARY)->name, NULL);
  status_changed = g_strconcat ("notify::", lia_entity_get_field_pspec (entity, LIA_TASK_STATUS)->name, NULL);

  self = g_object_new (LIA_TYPE_TASK_ROW, NULL);
  self->task = g_object_ref (task);
  /* A pull may rename or close the task under the row. */
  g_signal_connect_object (task, summary_changed, G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (task, status_changed, G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (task, "notify::remote", G_CALLBACK (update_link), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_subtitle (self);
  update_link (self);
  return GTK_WIDGET (self);
}
