/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-rating-row.c: one competency area of an assessment, rated 1-5. */
#define G_LOG_DOMAIN "lia-rating-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-assessment-trends.h"
#include "lia-rating-row.h"

/* The row edits its assessment's rating of one area through the history.
 * The note is not a LiaFieldBinding: an assessment made before an area
 * existed has no rating for it yet, and the first score or note creates
 * one, in the same undo step. */

struct _LiaRatingRow
{
  AdwExpanderRow  parent_instance;

  guint           area;
  LiaAssessment  *assessment;
  LiaHistory     *history;
  gboolean        updating;     /* showing the model, not an edit */
  gboolean        read_only;

  GtkWidget      *score_buttons[5];

  /* template children */
  GtkBox         *scores_box;
  AdwEntryRow    *note_row;
  AdwActionRow   *history_row;
};

G_DEFINE_FINAL_TYPE (LiaRatingRow, lia_rating_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_AREA,
  PROP_ASSESSMENT,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LiaRating *
rating_of (LiaRatingRow *self)
{
  GListModel *ratings;

  if (self->assessment == NULL)
    return NULL;
  ratings = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->assessment), LIA_ASSESSMENT_RATINGS));
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LiaRating) rating = g_list_model_get_item (ratings, i);
      if (lia_competency_find (lia_entity_get_string (LIA_ENTITY (rating), LIA_RATING_NAME)) == (int) self->area)
        return rating;
    }
  return NULL;
}

/* An assessment made before an area existed gets its rating on first use. */
static LiaRating *
ensure_rating (LiaRatingRow *self)
{
  LiaRating *rating = rating_of (self);
  g_autoptr(LiaRating) fresh = NULL;
  GListStore *ratings;

  if (rating != NULL)
    return rating;
  ratings = lia_entity_get_list (LIA_ENTITY (self->assessment), LIA_ASSESSMENT_RATINGS);
  fresh = lia_rating_new ();
  lia_entity_set_string (LIA_ENTITY (fresh), LIA_RATING_NAME, lia_competency_get_name (self->area));
  lia_entity_set_string (LIA_ENTITY (fresh), LIA_RATING_CRITERION, lia_competency_get_criterion (self->area));
  lia_history_insert (self->history, ratings, g_list_model_get_n_items (G_LIST_MODEL (ratings)), fresh);
  return fresh;
}

static void
score_clicked_cb (GtkButton    *button,
                  LiaRatingRow *self)
{
  LiaRating *rating = rating_of (self);
  int score = 0;

  for (int s = 0; s < 5; s++)
    if (self->score_buttons[s] == GTK_WIDGET (button))
      score = s + 1;
  if (self->updating)
    return;
  /* A second click on the score clears it. */
  if (rating && lia_entity_get_int (LIA_ENTITY (rating), LIA_RATING_SCORE) == score)
    score = 0;
  lia_rating_row_rate (self, score);
}

static void
note_changed_cb (LiaRatingRow *self)
{
  if (self->updating || self->assessment == NULL || self->history == NULL)
    return;
  lia_history_set_string (self->history, LIA_ENTITY (ensure_rating (self)), LIA_RATING_NOTE,
                          gtk_editable_get_text (GTK_EDITABLE (self->note_row)), TRUE);
}

/* The note and the history are made visible when the row is first
 * opened, and stay so: GTK 4.8 measures a collapsed row's contents too,
 * and the ten rows' were about 20 ms of the Assessment page's first
 * show (docs/performance.md). */
static void
expanded_cb (LiaRatingRow *self)
{
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), TRUE);
}

static void
lia_rating_row_constructed (GObject *object)
{
  LiaRatingRow *self = LIA_RATING_ROW (object);

  G_OBJECT_CLASS (lia_rating_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), lia_competency_get_name (self->area));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), lia_competency_get_criterion (self->area));
  for (int s = 0; s < 5; s++)
    {
      g_autofree char *label = g_strdup_printf ("%d", s + 1);
      /* Translators: a score button's accessible name, "Teamwork: 3 of 5" */
      g_autofree char *name = g_strdup_printf (_("%s: %d of 5"), lia_competency_get_name (self->area), s + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, name);
      /* The palette's selected fill, not the theme's faint checked grey. */
      gtk_widget_add_css_class (button, "lia-score");
      g_signal_connect (button, "clicked", G_CALLBACK (score_clicked_cb), self);
      gtk_box_append (self->scores_box, button);
      self->score_buttons[s] = button;
    }
}

static void
lia_rating_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaRatingRow *self = LIA_RATING_ROW (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_uint (value, self->area);
      break;
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_rating_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaRatingRow *self = LIA_RATING_ROW (object);

  switch (prop_id)
    {
    case PROP_AREA:
      self->area = g_value_get_uint (value);
      break;
    case PROP_ASSESSMENT:
      lia_rating_row_set_assessment (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      lia_rating_row_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_rating_row_dispose (GObject *object)
{
  LiaRatingRow *self = LIA_RATING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_RATING_ROW);
  g_clear_object (&self->assessment);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (lia_rating_row_parent_class)->dispose (object);
}

static void
lia_rating_row_class_init (LiaRatingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_rating_row_constructed;
  object_class->dispose = lia_rating_row_dispose;
  object_class->get_property = lia_rating_row_get_property;
  object_class->set_property = lia_rating_row_set_property;

  properties[PROP_AREA] =
    g_param_spec_uint ("area", NULL, NULL, 0, LIA_N_AREAS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, LIA_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/assessment/lia-rating-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaRatingRow, scores_box);
  gtk_widget_class_bind_template_child (widget_class, LiaRatingRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, LiaRatingRow, history_row);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
}

static void
lia_rating_row_init (LiaRatingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_rating_row_new (guint area)
{
  g_return_val_if_fail (area < LIA_N_AREAS, NULL);

  return g_object_new (LIA_TYPE_RATING_ROW, "area", area, NULL);
}

guint
lia_rating_row_get_area (LiaRatingRow *self)
{
  g_return_val_if_fail (LIA_IS_RATING_ROW (self), 0);

  return self->area;
}

LiaAssessment *
lia_rating_row_get_assessment (LiaRatingRow *self)
{
  g_return_val_if_fail (LIA_IS_RATING_ROW (self), NULL);

  return self->assessment;
}

void
lia_rating_row_set_assessment (LiaRatingRow  *self,
                               LiaAssessment *assessment)
{
  g_return_if_fail (LIA_IS_RATING_ROW (self));
  g_return_if_fail (assessment == NULL || LIA_IS_ASSESSMENT (assessment));

  if (g_set_object (&self->assessment, assessment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

void
lia_rating_row_set_history (LiaRatingRow *self,
                            LiaHistory   *history)
{
  g_return_if_fail (LIA_IS_RATING_ROW (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
lia_rating_row_rate (LiaRatingRow *self,
                     int           score)
{
  g_autofree char *label = NULL;

  g_return_if_fail (LIA_IS_RATING_ROW (self));
  g_return_if_fail (score >= 0 && score <= 5);

  if (self->assessment == NULL || self->history == NULL || self->read_only)
    return;
  /* Translators: an undo label, "Rate Teamwork" */
  label = g_strdup_printf (_("Rate %s"), lia_competency_get_name (self->area));
  lia_history_begin (self->history, label);
  lia_history_set_int (self->history, LIA_ENTITY (ensure_rating (self)), LIA_RATING_SCORE, score);
  lia_history_end (self->history);
}

void
lia_rating_row_update (LiaRatingRow *self,
                       const char   *trend)
{
  LiaRating *rating;
  int score;
  const char *note;

  g_return_if_fail (LIA_IS_RATING_ROW (self));

  rating = rating_of (self);
  score = rating ? lia_entity_get_int (LIA_ENTITY (rating), LIA_RATING_SCORE) : 0;
  note = rating ? lia_entity_get_string (LIA_ENTITY (rating), LIA_RATING_NOTE) : "";
  self->updating = TRUE;
  for (int s = 0; s < 5; s++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->score_buttons[s]), score == s + 1);
  /* Only when it differs: setting the same text would move the cursor. */
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), note))
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), note);
  adw_action_row_set_subtitle (self->history_row, trend && *trend ? trend : _("No ratings yet"));
  self->updating = FALSE;
}

/* A read-only workspace shows the scores and notes and takes no rating. */
void
lia_rating_row_set_read_only (LiaRatingRow *self,
                              gboolean      read_only)
{
  g_return_if_fail (LIA_IS_RATING_ROW (self));

  self->read_only = !!read_only;
  for (guint s = 0; s < G_N_ELEMENTS (self->score_buttons); s++)
    if (self->score_buttons[s] != NULL)
      gtk_widget_set_sensitive (self->score_buttons[s], !read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->note_row), !read_only);
}
