/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-run-window.c: runs a meeting: the current item, time left and time over. */
#define G_LOG_DOMAIN "lia-run-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-agenda-item.h"
#include "lia-meeting-templates.h"
#include "lia-run-window.h"
#include "lia-text-list.h"

/* The window keeps its own clock (the monotonic one, so a clock change
 * mid-meeting does not jump); when the run ends, the finished items'
 * actual minutes go into the agenda as one step of @history, and
 * "finished" tells whoever opened it. */

struct _LiaRunWindow
{
  AdwWindow      parent_instance;

  LiaMeeting    *meeting;
  LiaHistory    *history;
  LiaMeetingRun *run;
  guint          tick_id;
  gboolean       recorded;
  gboolean       read_only;

  /* template children */
  GtkLabel      *progress_label;
  GtkLabel      *item_label;
  GtkLabel      *owners_label;
  GtkLabel      *remaining_label;
  GtkLabel      *drift_label;
  GtkWidget     *next_button;
};

G_DEFINE_FINAL_TYPE (LiaRunWindow, lia_run_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HISTORY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
run_now (void)
{
  return g_get_monotonic_time () / G_USEC_PER_SEC;
}

static char *
clock_text (gint64 seconds)
{
  gint64 s = ABS (seconds);
  return g_strdup_printf ("%02lld:%02lld", (long long) (s / 60), (long long) (s % 60));
}

static void
update (LiaRunWindow *self)
{
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA));
  gint64 now = run_now ();
  g_autofree char *remaining = NULL;
  g_autofree char *drift = NULL;
  g_autofree char *progress = NULL;
  gint64 left, behind;

  if (self->run->current >= self->run->n_items)
    {
      gtk_label_set_label (self->item_label, _("The meeting is over"));
      gtk_label_set_label (self->owners_label, "");
      gtk_label_set_label (self->remaining_label, "");
      gtk_widget_set_sensitive (self->next_button, FALSE);
    }
  else
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, self->run->current);
      const char * const *owners = lia_entity_get_strv (item, LIA_AGENDA_ITEM_OWNERS);
      g_autofree char *owner_text = owners ? lia_text_list_join ((const char * const *) owners) : g_strdup ("");
      g_autofree char *clock = NULL;

      left = lia_meeting_run_remaining (self->run, now);
      clock = clock_text (left);
      gtk_label_set_label (self->item_label, lia_entity_get_string (item, LIA_AGENDA_ITEM_TITLE));
      gtk_label_set_label (self->owners_label, owner_text);
      /* Translators: time left in the current agenda item, mm:ss */
      remaining = left >= 0 ? g_strdup_printf (_("%s left"), clock) : g_strdup_printf (_("%s over"), clock);
      gtk_label_set_label (self->remaining_label, remaining);
      if (left < 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
      /* Translators: the position in the agenda */
      progress = g_strdup_printf (_("Item %u of %u"), self->run->current + 1, self->run->n_items);
      gtk_label_set_label (self->progress_label, progress);
    }

  behind = lia_meeting_run_drift (self->run, now);
  if (behind > 59)
    drift = g_strdup_printf (ngettext ("%lld minute behind the plan", "%lld minutes behind the plan",
                                       (unsigned long) (behind / 60)),
                             (long long) (behind / 60));
  else if (behind < -59)
    drift = g_strdup_printf (ngettext ("%lld minute ahead of the plan", "%lld minutes ahead of the plan",
                                       (unsigned long) (-behind / 60)),
                             (long long) (-behind / 60));
  else
    drift = g_strdup (_("On time"));
  gtk_label_set_label (self->drift_label, drift);
}

static gboolean
tick_cb (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

/* Once per run, however it ends (the last item, Finish, or closing the
 * window). */
static void
record (LiaRunWindow *self)
{
  GListModel *agenda;

  if (self->recorded || self->run == NULL)
    return;
  self->recorded = TRUE;
  if (self->run->current > 0 && self->history != NULL && !self->read_only)
    {
      agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->meeting), LIA_MEETING_AGENDA));
      lia_history_begin (self->history, _("Record actual times"));
      for (guint i = 0; i < self->run->current && i < g_list_model_get_n_items (agenda); i++)
        {
          g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
          lia_history_set_int (self->history, item, LIA_AGENDA_ITEM_ACTUAL, self->run->actual[i]);
        }
      lia_history_end (self->history);
    }
  g_signal_emit (self, signals[FINISHED], 0);
}

/**
 * lia_run_window_next:
 *
 * Ends the current item now and starts the next one.
 */
void
lia_run_window_next (LiaRunWindow *self)
{
  g_return_if_fail (LIA_IS_RUN_WINDOW (self));

  lia_meeting_run_advance (self->run, run_now ());
  if (self->run->current >= self->run->n_items)
    record (self);
  update (self);
}

/**
 * lia_run_window_finish:
 *
 * Records what ran so far and closes the window.
 */
void
lia_run_window_finish (LiaRunWindow *self)
{
  g_return_if_fail (LIA_IS_RUN_WINDOW (self));

  record (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

LiaMeeting *
lia_run_window_get_meeting (LiaRunWindow *self)
{
  g_return_val_if_fail (LIA_IS_RUN_WINDOW (self), NULL);

  return self->meeting;
}

LiaHistory *
lia_run_window_get_history (LiaRunWindow *self)
{
  g_return_val_if_fail (LIA_IS_RUN_WINDOW (self), NULL);

  return self->history;
}

GtkWidget *
lia_run_window_new (LiaMeeting *meeting,
                    LiaHistory *history)
{
  g_return_val_if_fail (LIA_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (history == NULL || LIA_IS_HISTORY (history), NULL);

  return g_object_new (LIA_TYPE_RUN_WINDOW, "meeting", meeting, "history", history, NULL);
}

static void
lia_run_window_constructed (GObject *object)
{
  LiaRunWindow *self = LIA_RUN_WINDOW (object);

  G_OBJECT_CLASS (lia_run_window_parent_class)->constructed (object);

  g_return_if_fail (self->meeting != NULL);
  gtk_window_set_title (GTK_WINDOW (self), lia_entity_get_string (LIA_ENTITY (self->meeting), LIA_MEETING_TITLE));
  self->run = lia_meeting_run_new (self->meeting, run_now ());
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  update (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->next_button);
}

static void
lia_run_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaRunWindow *self = LIA_RUN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
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
lia_run_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaRunWindow *self = LIA_RUN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_run_window_dispose (GObject *object)
{
  LiaRunWindow *self = LIA_RUN_WINDOW (object);

  record (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->run, lia_meeting_run_free);
  g_clear_object (&self->meeting);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (lia_run_window_parent_class)->dispose (object);
}

static void
lia_run_window_class_init (LiaRunWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_run_window_constructed;
  object_class->dispose = lia_run_window_dispose;
  object_class->get_property = lia_run_window_get_property;
  object_class->set_property = lia_run_window_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, LIA_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL runs the meeting without recording it. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Follows the workspace: a run that ends after it became read-only
   * records nothing. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaRunWindow::finished:
   *
   * The run ended and the actual times are in the agenda.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-run-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaRunWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LiaRunWindow, item_label);
  gtk_widget_class_bind_template_child (widget_class, LiaRunWindow, owners_label);
  gtk_widget_class_bind_template_child (widget_class, LiaRunWindow, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, LiaRunWindow, drift_label);
  gtk_widget_class_bind_template_child (widget_class, LiaRunWindow, next_button);
  gtk_widget_class_bind_template_callback (widget_class, lia_run_window_next);
  gtk_widget_class_bind_template_callback (widget_class, lia_run_window_finish);
}

static void
lia_run_window_init (LiaRunWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
