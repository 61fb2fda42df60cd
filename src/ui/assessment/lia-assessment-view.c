/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-assessment-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lia-assessment-view.h"
#include "lia-assessment-trends.h"
#include "lia-date-picker.h"
#include "lia-field-binding.h"
#include "lia-playbook.h"
#include "lia-radar-chart.h"
#include "lia-toast.h"
#include "lia-widgets.h"

/* Self-assessment: the dated assessments, newest first; the selected one
 * as ten areas rated 1-5 with a note and the area's history; a radar chart
 * of it over the one before; and, under the areas, what to practise next,
 * from the two lowest areas, with the playbook entries and the page of Liaison that
 * train them.  Every edit goes through the undo history. */

struct _LiaAssessmentView
{
  AdwBin          parent_instance;

  LiaWorkspace   *workspace;
  LiaAssessment  *assessment;
  GListStore     *builtin;
  gboolean        loading;
  gboolean        stale;      /* changed while not on screen */
  guint           refresh_id;
  char           *today;      /* fixed by tests; NULL: the local date */

  AdwLeaflet     *leaflet;
  GtkListBox     *list;
  GtkStack       *stack;
  GtkWidget      *editor;
  AdwEntryRow    *date_row;
  AdwEntryRow    *note_row;
  LiaRadarChart  *chart;
  GtkLabel       *title;
  GtkWidget      *area_rows[LIA_N_AREAS];
  GtkWidget      *score_buttons[LIA_N_AREAS][5];
  AdwEntryRow    *area_notes[LIA_N_AREAS];
  GtkWidget      *area_history[LIA_N_AREAS];
  GtkListBox     *suggestions;
  AdwPreferencesGroup *areas;
};

G_DEFINE_FINAL_TYPE (LiaAssessmentView, lia_assessment_view, ADW_TYPE_BIN)

static void refresh (LiaAssessmentView *self);

static LiaHistory *
history (LiaAssessmentView *self)
{
  return lia_workspace_get_history (self->workspace);
}

static GListModel *
assessments (LiaAssessmentView *self)
{
  return G_LIST_MODEL (lia_workspace_get_assessments (self->workspace));
}

/* The rating of @area in the selected assessment, or NULL. */
static LiaRating *
rating_of (LiaAssessmentView *self,
           guint              area)
{
  GListModel *ratings;

  if (self->assessment == NULL)
    return NULL;
  ratings = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (self->assessment), LIA_ASSESSMENT_RATINGS));
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LiaRating) rating = g_list_model_get_item (ratings, i);
      if (lia_competency_find (lia_entity_get_string (LIA_ENTITY (rating), LIA_RATING_NAME)) == (int) area)
        return rating;
    }
  return NULL;
}

/* An assessment made before an area existed gets its rating on first use. */
static LiaRating *
ensure_rating (LiaAssessmentView *self,
               guint              area)
{
  LiaRating *rating = rating_of (self, area);
  GListStore *ratings;

  if (rating != NULL)
    return rating;
  ratings = lia_entity_get_list (LIA_ENTITY (self->assessment), LIA_ASSESSMENT_RATINGS);
  rating = lia_rating_new ();
  lia_entity_set_string (LIA_ENTITY (rating), LIA_RATING_NAME, lia_competency_get_name (area));
  lia_entity_set_string (LIA_ENTITY (rating), LIA_RATING_CRITERION, lia_competency_get_criterion (area));
  lia_history_insert (history (self), ratings, g_list_model_get_n_items (G_LIST_MODEL (ratings)), rating);
  g_object_unref (rating);
  return rating;
}

void
lia_assessment_view_rate (LiaAssessmentView *self,
                          guint              area,
                          int                score)
{
  LiaRating *rating;

  g_return_if_fail (area < LIA_N_AREAS && score >= 0 && score <= 5);
  if (self->assessment == NULL)
    return;
  /* Translators: an undo label, "Rate Teamwork" */
  {
    g_autofree char *label = g_strdup_printf (_("Rate %s"), lia_competency_get_name (area));
    lia_history_begin (history (self), label);
  }
  rating = ensure_rating (self, area);
  lia_history_set_int (history (self), LIA_ENTITY (rating), LIA_RATING_SCORE, score);
  lia_history_end (history (self));
}

static void
score_clicked_cb (GtkButton         *button,
                  LiaAssessmentView *self)
{
  guint area = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "area"));
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));
  LiaRating *rating = rating_of (self, area);

  if (self->loading)
    return;
  /* A second click on the score clears it. */
  if (rating && lia_entity_get_int (LIA_ENTITY (rating), LIA_RATING_SCORE) == score)
    score = 0;
  lia_assessment_view_rate (self, area, score);
}

static void
note_changed_cb (AdwEntryRow       *row,
                 LiaAssessmentView *self)
{
  int area = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "area"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->loading || self->assessment == NULL)
    return;
  /* Not a LiaFieldBinding: an area's rating may not exist yet, and the
   * first note creates it. */
  lia_history_set_string (history (self), LIA_ENTITY (ensure_rating (self, area)), LIA_RATING_NOTE, text, TRUE);
}

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (!g_str_equal (gtk_editable_get_text (editable), text))
    gtk_editable_set_text (editable, text);
}

/* ---- suggestions ------------------------------------------------------- */

static const char *
page_label (const char *area)
{
  if (g_str_equal (area, "requirements"))
    return _("Open Requirements");
  if (g_str_equal (area, "meetings"))
    return _("Open Meetings");
  if (g_str_equal (area, "tasks"))
    return _("Open Tasks");
  if (g_str_equal (area, "documents"))
    return _("Open Documents");
  if (g_str_equal (area, "zones"))
    return _("Open Time Zones");
  return _("Open the Playbook");
}

static void
practising_entries (GListModel *entries,
                    const char *area_id,
                    GPtrArray  *names)
{
  for (guint i = 0; entries && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LiaPlaybookEntry) entry = g_list_model_get_item (entries, i);
      if (g_strv_contains (lia_entity_get_strv (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_PRACTISES), area_id))
        g_ptr_array_add (names, (gpointer) lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME));
    }
}

static void
open_playbook_cb (GtkButton         *button,
                  LiaAssessmentView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-playbook-for", "s",
                              (const char *) g_object_get_data (G_OBJECT (button), "area"));
}

static void
open_page_cb (GtkButton         *button,
              LiaAssessmentView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-area", "s",
                              (const char *) g_object_get_data (G_OBJECT (button), "page"));
}

static void
update_suggestions (LiaAssessmentView *self)
{
  guint lowest[2];
  guint n = self->assessment ? lia_assessment_lowest (self->assessment, 2, lowest) : 0;
  int scores[LIA_N_AREAS];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions))) != NULL)
    gtk_list_box_remove (self->suggestions, child);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Rate the areas to see what to practise next"));
      gtk_list_box_append (self->suggestions, row);
      return;
    }
  lia_assessment_scores (self->assessment, scores);
  for (guint i = 0; i < n; i++)
    {
      const LiaCompetency *area = lia_competency_get (lowest[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (page_label (area->app_area));
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *joined = NULL;

      practising_entries (G_LIST_MODEL (self->builtin), area->id, names);
      practising_entries (G_LIST_MODEL (lia_workspace_get_playbook (self->workspace)), area->id, names);
      g_ptr_array_add (names, NULL);
      /* Translators: a suggestion: an area and its score, "Teamwork (2 of 5)" */
      title = g_strdup_printf (_("%s (%d of 5)"), lia_competency_get_name (lowest[i]), scores[lowest[i]]);
      /* Translators: playbook entries that train an area, a comma-separated list */
      joined = g_strjoinv (_(", "), (char **) names->pdata);
      subtitle = names->len > 1 ? g_strdup_printf (_("Playbook: %s"), joined) : g_strdup ("");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "page", g_strdup (area->app_area), g_free);
      g_object_set_data_full (G_OBJECT (row), "suggestion",
                              g_strdup_printf ("%s → %s", lia_competency_get_name (lowest[i]), area->app_area), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (open_page_cb), self);
      if (names->len > 1)
        {
          GtkWidget *playbook = lia_icon_button_new ("view-list-bullet-symbolic", _("Show These in the Playbook"));

          gtk_widget_set_valign (playbook, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (playbook, "flat");
          g_object_set_data_full (G_OBJECT (playbook), "area", g_strdup (area->id), g_free);
          g_signal_connect (playbook, "clicked", G_CALLBACK (open_playbook_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), playbook);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->suggestions, row);
    }
}

/* ---- refresh ----------------------------------------------------------- */

static char *
average_text (LiaAssessment *assessment)
{
  int scores[LIA_N_AREAS];
  int sum = 0, n = 0;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  lia_assessment_scores (assessment, scores);
  for (guint i = 0; i < LIA_N_AREAS; i++)
    if (scores[i] > 0)
      sum += scores[i], n++;
  if (n == 0)
    return g_strdup (_("Not rated yet"));
  g_ascii_formatd (buf, sizeof buf, "%.1f", (double) sum / n);
  /* Translators: the average score of an assessment, "Average 3.4 of 5" */
  return g_strdup_printf (_("Average %s of 5"), buf);
}

static void
rebuild_list (LiaAssessmentView *self)
{
  g_autoptr(GPtrArray) sorted = lia_assessments_by_date (assessments (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = sorted->len; i > 0; i--)
    {
      LiaAssessment *a = sorted->pdata[i - 1];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *average = average_text (a);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (LIA_ENTITY (a), LIA_ASSESSMENT_DATE));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), average);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "assessment", g_object_ref (a), g_object_unref);
      gtk_list_box_append (self->list, row);
      if (a == self->assessment)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
}

static GtkWidget *area_row (LiaAssessmentView *self, guint area);

static void
refresh (LiaAssessmentView *self)
{
  LiaAssessment *previous;
  int scores[LIA_N_AREAS], before[LIA_N_AREAS];

  if (self->workspace == NULL)
    return;
  /* The rows are made when first needed, not at start-up. */
  if (self->area_rows[0] == NULL)
    for (guint i = 0; i < LIA_N_AREAS; i++)
      {
        self->area_rows[i] = area_row (self, i);
        adw_preferences_group_add (self->areas, self->area_rows[i]);
      }
  if (self->assessment && !g_list_store_find (lia_workspace_get_assessments (self->workspace), self->assessment, NULL))
    g_clear_object (&self->assessment);
  if (self->assessment == NULL)
    {
      g_autoptr(GPtrArray) sorted = lia_assessments_by_date (assessments (self));
      if (sorted->len > 0)
        self->assessment = g_object_ref (sorted->pdata[sorted->len - 1]);
    }
  self->loading = TRUE;
  lia_field_binding_set_history (lia_field_binding_get (GTK_WIDGET (self->date_row)), self->workspace ? history (self) : NULL);
  lia_field_binding_set_history (lia_field_binding_get (GTK_WIDGET (self->note_row)), self->workspace ? history (self) : NULL);
  lia_field_binding_set_entity (lia_field_binding_get (GTK_WIDGET (self->date_row)), LIA_ENTITY (self->assessment));
  lia_field_binding_set_entity (lia_field_binding_get (GTK_WIDGET (self->note_row)), LIA_ENTITY (self->assessment));
  lia_field_binding_set_read_only (lia_field_binding_get (GTK_WIDGET (self->date_row)),
                                   self->workspace == NULL || lia_workspace_get_read_only (self->workspace));
  lia_field_binding_set_read_only (lia_field_binding_get (GTK_WIDGET (self->note_row)),
                                   self->workspace == NULL || lia_workspace_get_read_only (self->workspace));
  rebuild_list (self);
  gtk_stack_set_visible_child_name (self->stack, self->assessment ? "editor" : "empty");
  if (self->assessment != NULL)
    {
      const char *date = lia_entity_get_string (LIA_ENTITY (self->assessment), LIA_ASSESSMENT_DATE);

      /* Translators: the title of an assessment, "Assessment of 2026-01-19" */
      g_autofree char *title = g_strdup_printf (_("Assessment of %s"), date);
      gtk_label_set_text (self->title, title);
      lia_assessment_scores (self->assessment, scores);
      previous = lia_assessments_previous (assessments (self), self->assessment);
      if (previous)
        lia_assessment_scores (previous, before);
      lia_radar_chart_set_scores (self->chart, scores, previous ? before : NULL, date,
                                  previous ? lia_entity_get_string (LIA_ENTITY (previous), LIA_ASSESSMENT_DATE) : NULL);
      for (guint i = 0; i < LIA_N_AREAS; i++)
        {
          LiaRating *rating = rating_of (self, i);
          g_autofree char *trend = lia_assessments_trend (assessments (self), i);

          for (int s = 0; s < 5; s++)
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->score_buttons[i][s]), scores[i] == s + 1);
          set_text (GTK_EDITABLE (self->area_notes[i]), rating ? lia_entity_get_string (LIA_ENTITY (rating), LIA_RATING_NOTE) : "");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->area_history[i]), *trend ? trend : _("No ratings yet"));
        }
      update_suggestions (self);
    }
  self->loading = FALSE;
}

static gboolean
refresh_idle (gpointer data)
{
  LiaAssessmentView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
history_changed_cb (LiaAssessmentView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
map_cb (LiaAssessmentView *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

/* ---- actions ----------------------------------------------------------- */

void
lia_assessment_view_new_assessment (LiaAssessmentView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = self->today ? g_strdup (self->today) : g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(LiaAssessment) assessment = lia_assessment_new_dated (today);
  GListStore *store = lia_workspace_get_assessments (self->workspace);

  lia_history_begin (history (self), _("New assessment"));
  lia_history_insert (history (self), store, g_list_model_get_n_items (G_LIST_MODEL (store)), assessment);
  lia_history_end (history (self));
  lia_assessment_view_select (self, assessment);
}

static void
delete_clicked_cb (LiaAssessmentView *self)
{
  GListStore *store = lia_workspace_get_assessments (self->workspace);
  guint position;

  if (self->assessment == NULL || !g_list_store_find (store, self->assessment, &position))
    return;
  lia_history_begin (history (self), _("Delete assessment"));
  lia_history_remove (history (self), store, position);
  lia_history_end (history (self));
  lia_show_undo_toast (GTK_WIDGET (self), _("Assessment deleted"));
}

static void
row_activated_cb (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  LiaAssessmentView *self)
{
  lia_assessment_view_select (self, g_object_get_data (G_OBJECT (row), "assessment"));
}

static void
back_clicked_cb (LiaAssessmentView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- construction ------------------------------------------------------ */

static GtkWidget *
area_row (LiaAssessmentView *self,
          guint              area)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *scores = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_competency_get_name (area));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), lia_competency_get_criterion (area));
  gtk_widget_add_css_class (scores, "linked");
  gtk_widget_add_css_class (scores, "compact-toggles");
  gtk_widget_set_valign (scores, GTK_ALIGN_CENTER);
  for (int s = 0; s < 5; s++)
    {
      g_autofree char *label = g_strdup_printf ("%d", s + 1);
      /* Translators: a score button's accessible name, "Teamwork: 3 of 5" */
      g_autofree char *name = g_strdup_printf (_("%s: %d of 5"), lia_competency_get_name (area), s + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, name);
      /* The palette's selected fill, not the theme's faint checked grey. */
      gtk_widget_add_css_class (button, "lia-score");
      g_object_set_data (G_OBJECT (button), "area", GUINT_TO_POINTER (area));
      g_object_set_data (G_OBJECT (button), "score", GINT_TO_POINTER (s + 1));
      g_signal_connect (button, "clicked", G_CALLBACK (score_clicked_cb), self);
      gtk_box_append (GTK_BOX (scores), button);
      self->score_buttons[area][s] = button;
    }
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), scores);
  self->area_notes[area] = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->area_notes[area]), _("Note"));
  g_object_set_data (G_OBJECT (self->area_notes[area]), "area", GINT_TO_POINTER (area));
  g_signal_connect (self->area_notes[area], "changed", G_CALLBACK (note_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (self->area_notes[area]));
  self->area_history[area] = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->area_history[area]), _("History"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), self->area_history[area]);
  return row;
}

static void
lia_assessment_view_dispose (GObject *object)
{
  LiaAssessmentView *self = LIA_ASSESSMENT_VIEW (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->workspace);
  g_clear_object (&self->assessment);
  g_clear_object (&self->builtin);
  G_OBJECT_CLASS (lia_assessment_view_parent_class)->dispose (object);
}

static void
lia_assessment_view_finalize (GObject *object)
{
  LiaAssessmentView *self = LIA_ASSESSMENT_VIEW (object);

  g_free (self->today);
  G_OBJECT_CLASS (lia_assessment_view_parent_class)->finalize (object);
}

static void
lia_assessment_view_class_init (LiaAssessmentViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lia_assessment_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = lia_assessment_view_finalize;
}

static void
lia_assessment_view_init (LiaAssessmentView *self)
{
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *list_title = gtk_label_new (_("Assessments"));
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkWidget *editor_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = lia_icon_button_new ("go-previous-symbolic", _("Back to Assessments"));
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete"));
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *about = adw_preferences_group_new ();
  GtkWidget *areas = adw_preferences_group_new ();
  GtkWidget *next = adw_preferences_group_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_New Assessment"));

  self->builtin = g_object_ref (lia_playbook_get_builtin ());
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  gtk_widget_add_css_class (list_title, "heading");
  gtk_widget_set_hexpand (list_title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (list_title), 0);
  gtk_widget_set_margin_start (list_bar, 12);
  gtk_widget_set_margin_end (list_bar, 6);
  gtk_widget_set_margin_top (list_bar, 6);
  gtk_widget_set_margin_bottom (list_bar, 6);
  gtk_box_append (GTK_BOX (list_bar), list_title);
  /* New assessments come from the header's + (one add per page). */
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assessments"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (list_scroll, TRUE);
  gtk_box_append (GTK_BOX (list_box), list_bar);
  gtk_box_append (GTK_BOX (list_box), list_scroll);
  gtk_widget_set_size_request (list_box, 220, -1);
  gtk_widget_set_hexpand (list_box, FALSE);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), back);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (bar), delete);

  self->chart = LIA_RADAR_CHART (lia_radar_chart_new ());
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date"));
  /* Typed in the locale's usual forms or picked; the file keeps YYYY-MM-DD. */
  lia_field_binding_set_parse (lia_bind_entry (GTK_EDITABLE (self->date_row), NULL, NULL, LIA_ASSESSMENT_DATE),
                               lia_parse_user_date, NULL);
  adw_entry_row_add_suffix (self->date_row, lia_date_picker_new (GTK_EDITABLE (self->date_row), FALSE));
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note"));
  lia_bind_entry (GTK_EDITABLE (self->note_row), NULL, NULL, LIA_ASSESSMENT_NOTE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about), GTK_WIDGET (self->date_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about), GTK_WIDGET (self->note_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (areas), _("Competency Areas"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (areas), _("Rate each area from 1 to 5; click a score again to clear it."));
  self->areas = ADW_PREFERENCES_GROUP (areas);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (next), _("Practise Next"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (next), _("Your two lowest areas, with the playbook entries and the pages of Liaison that train them."));
  self->suggestions = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->suggestions), "boxed-list");
  gtk_list_box_set_selection_mode (self->suggestions, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Practise Next"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (next), GTK_WIDGET (self->suggestions));

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (content), about);
  /* Suggestions go below the areas: they change with every rating, and
   * above the list they moved the rows under the pointer between two
   * clicks. */
  gtk_box_append (GTK_BOX (content), areas);
  gtk_box_append (GTK_BOX (content), next);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (editor_box), bar);
  gtk_box_append (GTK_BOX (editor_box), scroll);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "starred-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Assessments Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
    _("Rate yourself on the ten areas of cross-domain work; each assessment is kept, so you can see your progress."));
  gtk_widget_set_halign (start, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (start, "pill");
  gtk_widget_add_css_class (start, "suggested-action");
  g_signal_connect_swapped (start, "clicked", G_CALLBACK (lia_assessment_view_new_assessment), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), start);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, editor_box, "editor");
  gtk_widget_set_hexpand (GTK_WIDGET (self->stack), TRUE);
  self->editor = GTK_WIDGET (self->stack);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_append (self->leaflet, list_box);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL)), FALSE);
  adw_leaflet_append (self->leaflet, self->editor);
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));
}

void
lia_assessment_view_set_workspace (LiaAssessmentView *self,
                                   LiaWorkspace      *workspace)
{
  g_return_if_fail (LIA_IS_ASSESSMENT_VIEW (self));

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->assessment);
  if (workspace)
    g_signal_connect_swapped (lia_workspace_get_history (workspace), "changed", G_CALLBACK (history_changed_cb), self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

LiaAssessment *
lia_assessment_view_get_selected (LiaAssessmentView *self)
{
  return self->assessment;
}

void
lia_assessment_view_select (LiaAssessmentView *self,
                            LiaAssessment     *assessment)
{
  g_set_object (&self->assessment, assessment);
  refresh (self);
  adw_leaflet_set_visible_child (self->leaflet, self->editor);
}

GtkWidget *
lia_assessment_view_get_chart (LiaAssessmentView *self)
{
  return GTK_WIDGET (self->chart);
}

char *
lia_assessment_view_get_suggestions (LiaAssessmentView *self)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions)); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *text = g_object_get_data (G_OBJECT (row), "suggestion");
      if (text)
        g_string_append_printf (out, "%s%s", out->len ? "\n" : "", text);
    }
  return g_string_free (out, FALSE);
}

/* The date new assessments get, so that tests pass on any day. */
void
lia_assessment_view_set_today (LiaAssessmentView *self,
                               const char        *today)
{
  g_return_if_fail (LIA_IS_ASSESSMENT_VIEW (self));

  g_free (self->today);
  self->today = g_strdup (today);
}
