/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiaTaskRow: a task in the Tasks list, kept up to date by the task itself. */
#define G_LOG_DOMAIN "lia-task-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-task-row.h"

struct _LiaTaskRow
{
  GtkWidget      parent_instance;

  LiaTask       *task;
  char          *sync_state;

  GtkWidget     *box;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLinkButton *link;
};

G_DEFINE_FINAL_TYPE (LiaTaskRow, lia_task_row, GTK_TYPE_WIDGET)

static void
update_subtitle (LiaTaskRow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->task == NULL)
    return;
  subtitle = g_strdup_printf ("%s · %s",
                              lia_choice_get_label (lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_STATUS)),
                              self->sync_state ? self->sync_state : "");
  gtk_label_set_label (self->subtitle_label, subtitle);
  /* A long failure reason is cut in the row; pointing shows it whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), subtitle);
}

static void
update_title (LiaTaskRow *self)
{
  const char *summary;

  if (self->task == NULL)
    return;
  summary = lia_entity_get_string (LIA_ENTITY (self->task), LIA_TASK_SUMMARY);
  /* The list follows the summary as it is typed in the form. */
  gtk_label_set_label (self->title_label, *summary ? summary : _("Untitled task"));
}

static void
update_link (LiaTaskRow *self)
{
  LiaRemoteRef *ref = self->task ? lia_entity_get_remote (LIA_ENTITY (self->task)) : NULL;
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

/* The row shows @task, or nothing, and follows it: a pull may rename or
 * close the task under the row. */
void
lia_task_row_set_task (LiaTaskRow *self,
                       LiaTask    *task)
{
  g_return_if_fail (LIA_IS_TASK_ROW (self));
  g_return_if_fail (task == NULL || LIA_IS_TASK (task));

  if (self->task == task)
    return;
  if (self->task != NULL)
    g_signal_handlers_disconnect_by_data (self->task, self);
  g_set_object (&self->task, task);
  g_clear_pointer (&self->sync_state, g_free);
  if (task != NULL)
    {
      LiaEntity *entity = LIA_ENTITY (task);
      g_autofree char *summary_changed = g_strconcat ("notify::", lia_entity_get_field_pspec (entity, LIA_TASK_SUMMARY)->name, NULL);
      g_autofree char *status_changed = g_strconcat ("notify::", lia_entity_get_field_pspec (entity, LIA_TASK_STATUS)->name, NULL);

      g_signal_connect_object (task, summary_changed, G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (task, status_changed, G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (task, "notify::remote", G_CALLBACK (update_link), self, G_CONNECT_SWAPPED);
    }
  update_title (self);
  update_subtitle (self);
  update_link (self);
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

  lia_task_row_set_task (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TASK_ROW);
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
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/tasks/lia-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTaskRow, box);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTaskRow, link);
}

static void
lia_task_row_init (LiaTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_task_row_new (void)
{
  return g_object_new (LIA_TYPE_TASK_ROW, NULL);
}
