/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "assessment/lia-assessment-view-private.h"
#include "assessment/lia-radar-chart.h"
#include "assessment/lia-rating-row.h"
#include "lia-assessment-trends.h"
#include "lia-test-widgets.h"
#include "lia-window.h"
#include "playbook/lia-playbook-view.h"
#include "zones/lia-zones-view.h"

/* The Assessment and Playbook pages in the real window under Xvfb: the
 * sample's latest assessment over the previous one in the chart and its
 * text alternative, a rating with undo, a new assessment, suggestions that
 * open the page they name; the playbook's search, situation filters and a
 * team's own entry, whose form offers Save only for what the file can
 * hold. */

#define spin lia_test_spin

typedef struct
{
  LiaWindow         *window;
  LiaWorkspace      *workspace;
  LiaAssessmentView *view;
  LiaPlaybookView   *playbook;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = lia_test_sample_window ("assessment", &f->workspace);
  f->view = LIA_ASSESSMENT_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_ASSESSMENT_VIEW));
  /* Pages are made when first shown; this one is not shown yet. */
  g_assert_null (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_PLAYBOOK_VIEW));
  f->playbook = LIA_PLAYBOOK_VIEW (lia_window_get_view (f->window, "playbook"));
  g_assert_nonnull (f->view);
  g_assert_nonnull (f->playbook);
  spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->workspace);
  spin (50);
}

static void
test_chart_and_rating (Fixture       *f,
                       gconstpointer  data)
{
  LiaRadarChart *chart = LIA_RADAR_CHART (lia_assessment_view_get_chart (f->view));
  LiaAssessment *latest = lia_assessment_view_get_selected (f->view);
  g_autofree char *suggestions = NULL;
  int scores[LIA_N_AREAS];

  g_assert_nonnull (latest);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (latest), LIA_ASSESSMENT_DATE), ==, "2026-01-19");
  /* The chart shows January over December. */
  g_assert_cmpint (lia_radar_chart_get_score (chart, FALSE, 0), ==, 4);
  g_assert_cmpint (lia_radar_chart_get_score (chart, TRUE, 0), ==, 3);
  g_assert_nonnull (strstr (lia_radar_chart_get_summary (chart), "Requirement translation: 4 of 5, was 3"));
  suggestions = lia_assessment_view_get_suggestions (f->view);
  g_assert_cmpstr (suggestions, ==, "Cross-time-zone collaboration → zones\nAPI design meetings → meetings");

  /* Rate cross-time-zone 5: the chart and the suggestions follow; undo. */
  lia_assessment_view_rate (f->view, 4, 5);
  spin (100);
  lia_assessment_scores (latest, scores);
  g_assert_cmpint (scores[4], ==, 5);
  g_assert_cmpint (lia_radar_chart_get_score (chart, FALSE, 4), ==, 5);
  g_free (suggestions);
  suggestions = lia_assessment_view_get_suggestions (f->view);
  g_assert_true (g_str_has_prefix (suggestions, "API design meetings → meetings\n"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  lia_assessment_scores (latest, scores);
  g_assert_cmpint (scores[4], ==, 2);

  /* A suggestion's playbook button shows the entries that train the area. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "win.show-playbook-for", "s", "time-zones"));
  spin (100);
  {
    g_autofree char *shown = lia_playbook_view_get_shown (LIA_PLAYBOOK_VIEW (lia_window_get_view (f->window, "playbook")));
    g_assert_cmpstr (shown, ==, "Distributed collaboration\nAsynchronous collaboration\nEmail");
  }
  lia_playbook_view_set_practise (LIA_PLAYBOOK_VIEW (lia_window_get_view (f->window, "playbook")), NULL);
  lia_window_show_area (f->window, "assessment");
  spin (50);

  /* A suggestion's button opens the page it names. */
  g_assert_null (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_ZONES_VIEW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "win.show-area", "s", "zones"));
  spin (100);
  g_assert_nonnull (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_ZONES_VIEW));
  g_assert_true (gtk_widget_get_mapped (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_ZONES_VIEW)));
}

static gboolean
rating_note_is (LiaAssessment *assessment,
                const char    *name,
                const char    *note)
{
  GListModel *ratings = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (assessment), LIA_ASSESSMENT_RATINGS));

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LiaEntity) rating = g_list_model_get_item (ratings, i);

      if (g_str_equal (lia_entity_get_string (rating, LIA_RATING_NAME), name))
        return g_str_equal (lia_entity_get_string (rating, LIA_RATING_NOTE), note);
    }
  return FALSE;
}

/* An area's note and history are made when its row is first opened (a
 * collapsed row's contents still cost layout in GTK 4.8), and work then. */
static void
test_note_when_opened (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *row = lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_RATING_ROW);
  GtkWidget *note = lia_test_find_widget (row, lia_test_has_title, "Note");
  GtkWidget *history = lia_test_find_widget (row, lia_test_has_title, "History");

  g_assert_nonnull (note);
  g_assert_nonnull (history);
  g_assert_false (gtk_widget_get_visible (note));
  g_assert_false (gtk_widget_get_visible (history));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (100);
  g_assert_true (gtk_widget_is_visible (note));
  g_assert_true (gtk_widget_is_visible (history));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (history)), ==, "2025-12-15: 3 · 2026-01-19: 4");
  gtk_editable_set_text (GTK_EDITABLE (note), "Practised with the Berlin team");
  spin (50);
  g_assert_true (rating_note_is (lia_assessment_view_get_selected (f->view), "Requirement translation",
                                 "Practised with the Berlin team"));
  /* Closed again, they stay made. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  spin (50);
  g_assert_true (gtk_widget_get_visible (note));
}

static void
test_new_assessment (Fixture       *f,
                     gconstpointer  data)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_assessments (f->workspace)));
  LiaRadarChart *chart = LIA_RADAR_CHART (lia_assessment_view_get_chart (f->view));
  LiaAssessment *fresh;

  /* Dated after the sample's latest (2026-01-19) whatever today is. */
  lia_assessment_view_set_today (f->view, "2026-02-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL));
  spin (100);
  fresh = lia_assessment_view_get_selected (f->view);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (fresh), LIA_ASSESSMENT_DATE), ==, "2026-02-20");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_assessments (f->workspace))), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (fresh), LIA_ASSESSMENT_RATINGS))), ==, LIA_N_AREAS);
  /* Unrated, over January's scores. */
  g_assert_cmpint (lia_radar_chart_get_score (chart, FALSE, 0), ==, 0);
  g_assert_cmpint (lia_radar_chart_get_score (chart, TRUE, 0), ==, 4);
  g_assert_nonnull (strstr (lia_radar_chart_get_summary (chart), "not rated"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_assessments (f->workspace))), ==, before);
}

/* The row's top, in the view's coordinates. */
static double
row_y (Fixture *f,
       guint    area)
{
  GtkWidget *row = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, lia_competency_get_name (area));
  graphene_point_t p;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (f->view), &GRAPHENE_POINT_INIT (0, 0), &p));
  return p.y;
}

/* Rating one area after another: the rows stay where they are, so the
 * next click lands on the row the user aimed at (the suggestions, which
 * change with each rating, used to sit above the list and push it down). */
static void
test_rows_stay_still (Fixture       *f,
                      gconstpointer  data)
{
  LiaRadarChart *chart = LIA_RADAR_CHART (lia_assessment_view_get_chart (f->view));
  graphene_point_t point;
  guint before, after;
  double y1, y2;

  lia_assessment_view_set_today (f->view, "2026-02-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL));
  spin (200);
  y1 = row_y (f, 1);
  y2 = row_y (f, 2);

  g_signal_emit_by_name (lia_test_find_widget (lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title,
                                                                     lia_competency_get_name (0)),
                                               lia_test_has_label, "2"),
                         "clicked");
  spin (200);
  g_assert_cmpint (lia_radar_chart_get_score (chart, FALSE, 0), ==, 2);
  g_assert_cmpfloat (row_y (f, 1), ==, y1);
  lia_assessment_view_rate (f->view, 1, 4);
  spin (200);
  g_assert_cmpfloat (row_y (f, 1), ==, y1);
  g_assert_cmpfloat (row_y (f, 2), ==, y2);

  /* The radar draws rated areas and leaves the others out, not at 0. */
  g_assert_true (lia_radar_chart_get_drawn_point (chart, 0, &point, &before));
  g_assert_cmpuint (before, >, 0);
  g_assert_cmpfloat (hypot (point.x, point.y), >, 0);
  g_assert_true (lia_radar_chart_get_drawn_point (chart, 1, NULL, NULL));
  for (guint i = 2; i < LIA_N_AREAS; i++)
    g_assert_false (lia_radar_chart_get_drawn_point (chart, i, NULL, NULL));
  {
    g_autofree char *missing = g_strdup_printf ("%s: not rated", lia_competency_get_name (2));
    g_assert_nonnull (strstr (lia_radar_chart_get_summary (chart), missing));
  }
  /* Rating a third area draws it on the next frame. */
  lia_assessment_view_rate (f->view, 2, 3);
  spin (200);
  g_assert_true (lia_radar_chart_get_drawn_point (chart, 2, NULL, &after));
  g_assert_cmpuint (after, >, before);
  g_assert_cmpfloat (row_y (f, 3), >, y2);
}

/* The list row showing @assessment. */
static GtkListBoxRow *
list_row (Fixture       *f,
          LiaAssessment *assessment)
{
  GtkWidget *list = GTK_WIDGET (lia_assessment_view_get_list (f->view));
  const char *date = lia_entity_get_string (LIA_ENTITY (assessment), LIA_ASSESSMENT_DATE);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), date))
      return GTK_LIST_BOX_ROW (row);
  g_assert_not_reached ();
}

static gboolean
has_focus (Fixture   *f,
           GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The keyboard is on the selected assessment in the list while another
 * is added, deleted and each undone: the list is bound to the workspace,
 * so that row stays, selected and focused; rebuilding the list took the
 * focus away and left the user at the top of the page. */
static void
test_selection_stays (Fixture       *f,
                      gconstpointer  data)
{
  GListStore *store = lia_workspace_get_assessments (f->workspace);
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  LiaAssessment *latest = lia_assessment_view_get_selected (f->view);
  g_autoptr(LiaAssessment) older = lia_assessments_previous (G_LIST_MODEL (store), latest);
  g_autoptr(LiaAssessment) fresh = lia_assessment_new_dated ("2026-02-20");
  GtkListBoxRow *row;
  GtkListBox *list;
  guint position;

  g_assert_nonnull (older);
  g_object_ref (older);
  lia_assessment_view_select (f->view, older);
  spin (50);
  row = list_row (f, older);
  list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row)));
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  spin (50);
  g_assert_true (has_focus (f, GTK_WIDGET (row)));

  /* A newer one, sorted above it, and undone. */
  lia_history_begin (history, "New assessment");
  lia_history_insert (history, store, g_list_model_get_n_items (G_LIST_MODEL (store)), fresh);
  lia_history_end (history);
  spin (100);
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) != row);
  g_assert_true (list_row (f, older) == row);
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  g_assert_true (has_focus (f, GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_true (list_row (f, older) == row);
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  g_assert_true (has_focus (f, GTK_WIDGET (row)));

  /* The latest deleted, and undone. */
  g_assert_true (g_list_store_find (store, latest, &position));
  lia_history_begin (history, "Delete assessment");
  lia_history_remove (history, store, position);
  lia_history_end (history);
  spin (100);
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) == row);
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  g_assert_true (has_focus (f, GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_true (list_row (f, older) == row);
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  g_assert_true (has_focus (f, GTK_WIDGET (row)));
  g_assert_true (lia_assessment_view_get_selected (f->view) == older);
}

static void
test_playbook (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autofree char *global = NULL;
  g_autofree char *found = NULL;
  g_autofree char *none = NULL;
  g_autofree char *own = NULL;
  g_autoptr(LiaPlaybookEntry) entry = lia_playbook_entry_new ();
  g_auto(GStrv) lines = NULL;

  lia_playbook_view_set_filter (f->playbook, NULL, NULL, NULL, NULL);
  all = lia_playbook_view_get_shown (f->playbook);
  lines = g_strsplit (all, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 27);
  lia_playbook_view_set_filter (f->playbook, NULL, NULL, "worldwide", NULL);
  global = lia_playbook_view_get_shown (f->playbook);
  g_assert_nonnull (strstr (global, "Asynchronous collaboration"));
  g_assert_null (strstr (global, "Face-to-face conversation"));
  lia_playbook_view_set_filter (f->playbook, "code", NULL, NULL, NULL);
  found = lia_playbook_view_get_shown (f->playbook);
  g_assert_cmpstr (found, ==, "GitHub Projects\nCode collaboration");
  lia_playbook_view_set_filter (f->playbook, "no such thing", NULL, NULL, NULL);
  none = lia_playbook_view_get_shown (f->playbook);
  g_assert_cmpstr (none, ==, "");

  /* A team's own entry sits with the others, and goes with undo. */
  lia_entity_set_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_KIND, "communication");
  lia_entity_set_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME, "Design review office hours");
  lia_history_insert (lia_workspace_get_history (f->workspace), lia_workspace_get_playbook (f->workspace), 0, entry);
  lia_playbook_view_set_filter (f->playbook, "office", NULL, NULL, NULL);
  own = lia_playbook_view_get_shown (f->playbook);
  g_assert_cmpstr (own, ==, "Design review office hours");

  /* Edited through its form: one undo step. */
  {
    GtkWidget *form = lia_playbook_view_edit_entry (f->playbook, entry);
    GtkWidget *name = lia_test_find_widget (form, lia_test_has_title, "Name");
    GtkWidget *save = lia_test_find_widget (form, lia_test_has_label, "_Save");
    g_autofree char *renamed = NULL;

    g_assert_nonnull (name);
    g_assert_nonnull (save);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Design review office hours");
    gtk_editable_set_text (GTK_EDITABLE (name), "Design office hours");
    g_signal_emit_by_name (save, "clicked");
    spin (50);
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME), ==, "Design office hours");
    /* The kind's row showed the entry's kind, and Save kept it. */
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_KIND), ==, "communication");
    lia_playbook_view_set_filter (f->playbook, "office", NULL, NULL, NULL);
    renamed = lia_playbook_view_get_shown (f->playbook);
    g_assert_cmpstr (renamed, ==, "Design office hours");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME), ==, "Design review office hours");
  }
}

static void
set_text (GtkWidget  *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  spin (30);
}

static void
test_playbook_form (Fixture       *f,
                    gconstpointer  data)
{
  GListStore *store = lia_workspace_get_playbook (f->workspace);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(LiaPlaybookEntry) entry = lia_playbook_entry_new ();

  /* A new entry: nothing to add until it has a name. */
  {
    GtkWidget *form = lia_playbook_view_add_entry (f->playbook);
    GtkWidget *name = lia_test_find_widget (form, lia_test_has_title, "Name");
    GtkWidget *add = lia_test_find_widget (form, lia_test_has_label, "_Add");

    g_assert_nonnull (name);
    g_assert_nonnull (add);
    g_assert_false (gtk_widget_get_sensitive (add));
    set_text (name, "Pairing across zones");
    g_assert_true (gtk_widget_get_sensitive (add));
    set_text (name, "   ");
    g_assert_false (gtk_widget_get_sensitive (add));
    /* Emptied: core's message on the row, and still nothing to add. */
    set_text (name, "");
    g_assert_true (gtk_widget_has_css_class (name, "error"));
    g_assert_nonnull (gtk_widget_get_tooltip_text (name));
    g_assert_false (gtk_widget_get_sensitive (add));
    g_signal_emit_by_name (add, "clicked");
    spin (30);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, before);
    gtk_window_destroy (GTK_WINDOW (form));
    spin (30);
  }

  /* An existing entry keeps its name while the form's is refused. */
  lia_entity_set_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME, "Design review office hours");
  lia_history_insert (lia_workspace_get_history (f->workspace), store, 0, entry);
  {
    GtkWidget *form = lia_playbook_view_edit_entry (f->playbook, entry);
    GtkWidget *name = lia_test_find_widget (form, lia_test_has_title, "Name");
    GtkWidget *save = lia_test_find_widget (form, lia_test_has_label, "_Save");

    g_assert_true (gtk_widget_get_sensitive (save));
    set_text (name, "");
    g_assert_true (gtk_widget_has_css_class (name, "error"));
    g_assert_false (gtk_widget_get_sensitive (save));
    g_signal_emit_by_name (save, "clicked");
    spin (30);
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME), ==, "Design review office hours");
    gtk_window_destroy (GTK_WINDOW (form));
    spin (30);
  }

  /* The copy went into the store with the form; later edits to the entry
   * must not reach the closed form. */
  {
    GtkWidget *form = lia_playbook_view_add_entry (f->playbook);
    GtkWidget *name = lia_test_find_widget (form, lia_test_has_title, "Name");
    GtkWidget *add = lia_test_find_widget (form, lia_test_has_label, "_Add");
    g_autoptr(LiaPlaybookEntry) added = NULL;

    set_text (name, "Pairing across zones");
    g_signal_emit_by_name (add, "clicked");
    spin (30);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, before + 2);
    added = g_list_model_get_item (G_LIST_MODEL (store), before + 1);
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (added), LIA_PLAYBOOK_ENTRY_NAME), ==, "Pairing across zones");
    lia_history_set_string (lia_workspace_get_history (f->workspace), LIA_ENTITY (added),
                            LIA_PLAYBOOK_ENTRY_NAME, "Pairing", FALSE);
    spin (30);
  }
}

/* A newer file opens read-only: assessments show, and nothing on the
 * page changes them (new, delete, a score by its button or by the API). */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaWorkspace) newer = lia_test_read_only_sample ();
  GListStore *store = lia_workspace_get_assessments (newer);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autofree char *before = lia_workspace_to_data (newer, NULL);
  g_autofree char *after = NULL;
  GtkWidget *delete, *score;

  g_assert_cmpuint (n, >, 0);
  lia_window_set_workspace (f->window, newer);
  spin (100);
  lia_assessment_view_new_assessment (f->view);
  lia_assessment_view_rate (f->view, 0, 1);
  lia_assessment_view_rate (f->view, 1, 5);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  delete = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "_Delete");
  g_assert_nonnull (delete);
  g_assert_false (gtk_widget_get_sensitive (delete));
  score = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_label, "3");
  g_assert_nonnull (score);
  g_assert_false (gtk_widget_is_sensitive (score));
  after = lia_workspace_to_data (newer, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (lia_workspace_get_modified (newer));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/assessment/chart-and-rating", Fixture, NULL, fixture_set_up, test_chart_and_rating, fixture_tear_down);
  g_test_add ("/assessment/note-when-opened", Fixture, NULL, fixture_set_up, test_note_when_opened, fixture_tear_down);
  g_test_add ("/assessment/new", Fixture, NULL, fixture_set_up, test_new_assessment, fixture_tear_down);
  g_test_add ("/assessment/rows-stay-still", Fixture, NULL, fixture_set_up, test_rows_stay_still, fixture_tear_down);
  g_test_add ("/assessment/selection-stays", Fixture, NULL, fixture_set_up, test_selection_stays, fixture_tear_down);
  g_test_add ("/assessment/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/playbook/filters", Fixture, NULL, fixture_set_up, test_playbook, fixture_tear_down);
  g_test_add ("/playbook/form", Fixture, NULL, fixture_set_up, test_playbook_form, fixture_tear_down);
  return g_test_run ();
}
