/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-evaluation-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-evaluation-chart.h"
#include "lia-evaluation-section.h"
#include "lia-field-binding.h"
#include "lia-meeting-plan.h"
#include "lia-widgets.h"
#include "lia-meeting-templates.h"
#include "lia-palette.h"

/* The meeting's evaluation form (eight dimensions rated 1 to 5, each with
 * feedback) or a button to add one, its average, and the chart of every
 * evaluated meeting's average over time. */

struct _LiaEvaluationSection
{
  GtkWidget           parent_instance;

  LiaMeeting         *meeting;
  LiaHistory         *history;
  GListModel         *meetings;
  gboolean            read_only;
  LiaRefresh          *refresh;   /* once per burst of edits */

  GtkWidget          *add_button;
  GtkListBox         *ratings_list;
  GtkLabel           *average_label;
  LiaEvaluationChart *chart;
};

G_DEFINE_FINAL_TYPE (LiaEvaluationSection, lia_evaluation_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_HISTORY,
  PROP_MEETINGS,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
writable (LiaEvaluationSection *self)
{
  return self->meeting != NULL && self->history != NULL && !self->read_only;
}

static LiaEntity *
evaluation (LiaEvaluationSection *self)
{
  return self->meeting ? lia_entity_get_child (LIA_ENTITY (self->meeting), LIA_MEETING_EVALUATION) : NULL;
}

/* ---- one dimension ---- */

static void
score_clicked_cb (GtkWidget *button,
                  LiaEntity *rating)
{
  LiaEvaluationSection *self = LIA_EVALUATION_SECTION (gtk_widget_get_ancestor (button, LIA_TYPE_EVALUATION_SECTION));
  int score = 1;
  int current = lia_entity_get_int (rating, LIA_RATING_SCORE);

  if (self == NULL || !writable (self))
    return;
  for (GtkWidget *b = gtk_widget_get_prev_sibling (button); b; b = gtk_widget_get_prev_sibling (b))
    score++;
  /* Clicking the chosen score again clears it. */
  /* Translators: the name of the undo step for giving a score (a verb,
   * shown as "Undo Rate"); not a speed or a price */
  lia_history_begin (self->history, C_("undo", "Rate"));
  lia_history_set_int (self->history, rating, LIA_RATING_SCORE, current == score ? 0 : score);
  lia_history_end (self->history);
}

/* The buttons show the model's score, whatever a click toggled. */
static void
sync_scores (LiaEntity  *rating,
             GParamSpec *pspec,
             GtkWidget  *box)
{
  int score = lia_entity_get_int (rating, LIA_RATING_SCORE);
  int i = 1;

  for (GtkWidget *b = gtk_widget_get_first_child (box); b; b = gtk_widget_get_next_sibling (b), i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), i == score);
}

static GtkWidget *
create_rating_row_cb (gpointer item,
                      gpointer data)
{
  LiaEvaluationSection *self = data;
  LiaEntity *rating = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *feedback = adw_entry_row_new ();
  const char *name = lia_entity_get_string (rating, LIA_RATING_NAME);
  g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (rating, LIA_RATING_SCORE)->name, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* Small round buttons leave the dimension's name room at 360 px. */
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (int s = 1; s <= 5; s++)
    {
      g_autofree char *text = g_strdup_printf ("%d", s);
      /* Translators: an accessible name, e.g. “Preparation: 4 of 5” */
      g_autofree char *label = g_strdup_printf (_("%s: %d of 5"), name, s);
      GtkWidget *b = gtk_toggle_button_new_with_label (text);

      gtk_widget_add_css_class (b, "circular");
      gtk_widget_add_css_class (b, "flat");
      /* The chosen score is filled with the palette's selected colour and
       * carries a check mark (lia-palette.c's CSS), so it stands out
       * without relying on colour alone; the flat checked grey was 1.2:1
       * against the row. */
      gtk_widget_add_css_class (b, "lia-score");
      gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_sensitive (b, writable (self));
      g_signal_connect_object (b, "clicked", G_CALLBACK (score_clicked_cb), rating, 0);
      gtk_box_append (GTK_BOX (box), b);
    }
  sync_scores (rating, NULL, box);
  g_signal_connect_object (rating, signal, G_CALLBACK (sync_scores), box, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), box);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (feedback), _("Feedback"));
  lia_field_binding_set_read_only (lia_bind_entry (GTK_EDITABLE (feedback), self->history, rating, LIA_RATING_NOTE),
                                   !writable (self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), feedback);
  return row;
}

/* ---- the form as a whole ---- */

static void
refresh (LiaEvaluationSection *self)
{
  LiaEntity *form = evaluation (self);

  if (form != NULL)
    {
      guint rated;
      double average = lia_evaluation_average (LIA_EVALUATION (form), &rated);
      g_autofree char *text = rated
        /* Translators: the mean score, then how many dimensions were rated */
        ? g_strdup_printf (ngettext ("Average %.1f (%u rated)", "Average %.1f (%u rated)", rated), average, rated)
        : g_strdup (_("Not rated yet"));

      gtk_label_set_label (self->average_label, text);
    }
  lia_evaluation_chart_set_meetings (self->chart, self->meetings);
}

static void
history_changed_cb (LiaEvaluationSection *self)
{
  lia_refresh_queue (self->refresh);
}

/* A form added or taken away (by undo): its rows, or the button. */
static void
show_form (LiaEvaluationSection *self)
{
  LiaEntity *form = evaluation (self);

  gtk_widget_set_visible (self->add_button, form == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->ratings_list), form != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->average_label), form != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.add", writable (self));
  if (form == NULL)
    gtk_list_box_bind_model (self->ratings_list, NULL, NULL, NULL, NULL);
  else
    gtk_list_box_bind_model (self->ratings_list, G_LIST_MODEL (lia_entity_get_list (form, LIA_EVALUATION_RATINGS)),
                             create_rating_row_cb, self, NULL);
  refresh (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LiaEvaluationSection *self = LIA_EVALUATION_SECTION (widget);
  g_autoptr(LiaMeeting) scratch = NULL;
  GValue value = G_VALUE_INIT;

  if (!writable (self))
    return;
  scratch = lia_meeting_new ();
  lia_meeting_add_evaluation (scratch);
  g_value_init (&value, LIA_TYPE_ENTITY);
  g_value_set_object (&value, lia_entity_get_child (LIA_ENTITY (scratch), LIA_MEETING_EVALUATION));
  lia_history_begin (self->history, _("Add evaluation form"));
  lia_history_set_value (self->history, LIA_ENTITY (self->meeting), LIA_MEETING_EVALUATION, &value, FALSE);
  lia_history_end (self->history);
  g_value_unset (&value);
}

/* ---- overrides ---- */

static void
lia_evaluation_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LiaEvaluationSection *self = LIA_EVALUATION_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_MEETINGS:
      g_value_set_object (value, self->meetings);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_evaluation_section_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LiaEvaluationSection *self = LIA_EVALUATION_SECTION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      lia_evaluation_section_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_evaluation_section_set_history (self, g_value_get_object (value));
      break;
    case PROP_MEETINGS:
      lia_evaluation_section_set_meetings (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      lia_evaluation_section_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_evaluation_section_dispose (GObject *object)
{
  LiaEvaluationSection *self = LIA_EVALUATION_SECTION (object);
  GtkWidget *child;

  lia_evaluation_section_set_meeting (self, NULL);
  lia_evaluation_section_set_history (self, NULL);
  g_clear_pointer (&self->refresh, lia_refresh_free);
  g_clear_object (&self->meetings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_EVALUATION_SECTION);
  /* Groups the template does not name are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lia_evaluation_section_parent_class)->dispose (object);
}

static void
lia_evaluation_section_class_init (LiaEvaluationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lia_evaluation_section_get_property;
  object_class->set_property = lia_evaluation_section_set_property;
  object_class->dispose = lia_evaluation_section_dispose;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, LIA_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETINGS] =
    g_param_spec_object ("meetings", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_EVALUATION_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-evaluation-section.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaEvaluationSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, LiaEvaluationSection, ratings_list);
  gtk_widget_class_bind_template_child (widget_class, LiaEvaluationSection, average_label);
  gtk_widget_class_bind_template_child (widget_class, LiaEvaluationSection, chart);

  gtk_widget_class_install_action (widget_class, "evaluation.add", NULL, add_action);
}

static void
lia_evaluation_section_init (LiaEvaluationSection *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->refresh = lia_refresh_new (GTK_WIDGET (self), (LiaRefreshFunc) refresh, FALSE);
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  lia_palette_install_css ();
  show_form (self);
}

/* ---- public API ---- */

void
lia_evaluation_section_set_meeting (LiaEvaluationSection *self,
                                    LiaMeeting           *meeting)
{
  g_return_if_fail (LIA_IS_EVALUATION_SECTION (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", lia_entity_get_field_pspec (LIA_ENTITY (meeting), LIA_MEETING_EVALUATION)->name, NULL);

      g_signal_connect_object (meeting, signal, G_CALLBACK (show_form), self, G_CONNECT_SWAPPED);
    }
  show_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
lia_evaluation_section_set_history (LiaEvaluationSection *self,
                                    LiaHistory           *history)
{
  g_return_if_fail (LIA_IS_EVALUATION_SECTION (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  /* The feedback rows write through the history they were made with. */
  show_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
lia_evaluation_section_set_meetings (LiaEvaluationSection *self,
                                     GListModel           *meetings)
{
  g_return_if_fail (LIA_IS_EVALUATION_SECTION (self));
  g_return_if_fail (meetings == NULL || G_IS_LIST_MODEL (meetings));

  if (!g_set_object (&self->meetings, meetings))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETINGS]);
}

void
lia_evaluation_section_set_read_only (LiaEvaluationSection *self,
                                      gboolean              read_only)
{
  g_return_if_fail (LIA_IS_EVALUATION_SECTION (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  show_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
