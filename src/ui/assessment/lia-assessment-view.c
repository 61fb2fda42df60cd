/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-assessment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-assessment-trends.h"

#include "lia-area.h"
#include "lia-assessment-view-private.h"
#include "lia-date-picker.h"
#include "lia-field-binding.h"
#include "lia-practise-next.h"
#include "lia-radar-chart.h"
#include "lia-rating-row.h"
#include "lia-split-page.h"
#include "lia-toast.h"
#include "lia-widgets.h"

/* Self-assessment: the dated assessments, newest first; the selected one
 * as ten areas rated 1-5 (LiaRatingRow) with a note and the area's
 * history; a radar chart of it over the one before; and, under the areas,
 * what to practise next (LiaPractiseNext).  The list of assessments is
 * bound to the workspace's through a sort model, so adding, deleting or
 * undoing one touches only its row and the selection and focus stay.
 * Every edit goes through the undo history. */

struct _LiaAssessmentView
{
  GtkWidget          parent_instance;

  LiaWorkspace      *workspace;
  LiaAssessment     *assessment;
  GtkSortListModel  *sorted;
  GtkSorter         *sorter;
  LiaRefresh        *refresh;    /* after edits, while shown */
  GtkWidget         *delete_button;
  char              *today;      /* fixed by tests; NULL: the local date */
  GtkWidget         *rating_rows[LIA_N_AREAS];

  /* template children */
  LiaSplitPage      *split;
  GtkListBox        *list;
  GtkStack          *stack;
  GtkLabel          *title;
  LiaRadarChart     *chart;
  AdwEntryRow       *date_row;
  AdwEntryRow       *note_row;
  AdwPreferencesGroup *areas;
  LiaPractiseNext   *practise;
};

static void lia_assessment_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaAssessmentView, lia_assessment_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_assessment_view_area_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
};

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

/* Newest first; of two on one day, the one added later. */
static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  LiaAssessmentView *self = user_data;
  LiaEntity *x = (LiaEntity *) a, *y = (LiaEntity *) b;
  int c = g_strcmp0 (lia_entity_get_string (y, LIA_ASSESSMENT_DATE), lia_entity_get_string (x, LIA_ASSESSMENT_DATE));
  guint pa = 0, pb = 0;

  if (c != 0 || self->workspace == NULL)
    return c;
  g_list_store_find (lia_workspace_get_assessments (self->workspace), x, &pa);
  g_list_store_find (lia_workspace_get_assessments (self->workspace), y, &pb);
  return pa > pb ? -1 : pa < pb;
}

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
update_list_row (GtkListBoxRow *row,
                 LiaAssessment *assessment)
{
  const char *date = lia_entity_get_string (LIA_ENTITY (assessment), LIA_ASSESSMENT_DATE);
  g_autofree char *average = average_text (assessment);

  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), date) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), average) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), average);
}

static GtkWidget *
create_list_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  update_list_row (GTK_LIST_BOX_ROW (row), item);
  return row;
}

/* A changed date may move an assessment; the sort model does not watch
 * its items, so it is told, and only when the order is really wrong (a
 * resort re-creates the rows). */
static void
keep_sorted (LiaAssessmentView *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(LiaAssessment) a = g_list_model_get_item (model, i - 1);
      g_autoptr(LiaAssessment) b = g_list_model_get_item (model, i);

      if (newest_first (a, b, self) > 0)
        {
          gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
          return;
        }
    }
}

/* The list follows the workspace by itself; the rows' text (a date, an
 * average of scores kept in child entities) is refreshed in place. */
static void
update_list (LiaAssessmentView *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  GtkListBoxRow *selected = NULL;

  keep_sorted (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaAssessment) assessment = g_list_model_get_item (model, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        continue;
      update_list_row (row, assessment);
      if (assessment == self->assessment)
        selected = row;
    }
  if (selected == NULL)
    gtk_list_box_unselect_all (self->list);
  else if (gtk_list_box_get_selected_row (self->list) != selected)
    gtk_list_box_select_row (self->list, selected);
}

/* The rows are made when first needed, not at start-up. */
static void
ensure_rating_rows (LiaAssessmentView *self)
{
  if (self->rating_rows[0] != NULL)
    return;
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      self->rating_rows[i] = lia_rating_row_new (i);
      adw_preferences_group_add (self->areas, self->rating_rows[i]);
    }
}

static void
refresh (LiaAssessmentView *self)
{
  gboolean read_only;
  LiaFieldBinding *bindings[2];

  if (self->workspace == NULL)
    return;
  ensure_rating_rows (self);
  if (self->assessment && !g_list_store_find (lia_workspace_get_assessments (self->workspace), self->assessment, NULL))
    g_clear_object (&self->assessment);
  keep_sorted (self);
  if (self->assessment == NULL)
    self->assessment = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);

  read_only = lia_workspace_get_read_only (self->workspace);
  bindings[0] = lia_field_binding_get (GTK_WIDGET (self->date_row));
  bindings[1] = lia_field_binding_get (GTK_WIDGET (self->note_row));
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      lia_field_binding_set_history (bindings[i], history (self));
      lia_field_binding_set_entity (bindings[i], LIA_ENTITY (self->assessment));
      lia_field_binding_set_read_only (bindings[i], read_only);
    }
  gtk_widget_set_sensitive (self->delete_button, !read_only);
  update_list (self);
  gtk_stack_set_visible_child_name (self->stack, self->assessment ? "editor" : "empty");
  lia_practise_next_set_assessment (self->practise, self->assessment);
  if (self->assessment != NULL)
    {
      const char *date = lia_entity_get_string (LIA_ENTITY (self->assessment), LIA_ASSESSMENT_DATE);
      LiaAssessment *previous = lia_assessments_previous (assessments (self), self->assessment);
      int scores[LIA_N_AREAS], before[LIA_N_AREAS];
      /* Translators: the title of an assessment, "Assessment of 2026-01-19" */
      g_autofree char *title = g_strdup_printf (_("Assessment of %s"), date);

      gtk_label_set_text (self->title, title);
      lia_assessment_scores (self->assessment, scores);
      if (previous)
        lia_assessment_scores (previous, before);
      lia_radar_chart_set_scores (self->chart, scores, previous ? before : NULL, date,
                                  previous ? lia_entity_get_string (LIA_ENTITY (previous), LIA_ASSESSMENT_DATE) : NULL);
      for (guint i = 0; i < LIA_N_AREAS; i++)
        {
          LiaRatingRow *row = LIA_RATING_ROW (self->rating_rows[i]);
          g_autofree char *trend = lia_assessments_trend (assessments (self), i);

          lia_rating_row_set_history (row, history (self));
          lia_rating_row_set_read_only (row, read_only);
          lia_rating_row_set_assessment (row, self->assessment);
          lia_rating_row_update (row, trend);
        }
      lia_practise_next_update (self->practise);
    }
}

static void
history_changed_cb (LiaAssessmentView *self)
{
  lia_refresh_queue (self->refresh);
}

static void
delete_clicked_cb (LiaAssessmentView *self)
{
  GListStore *store = lia_workspace_get_assessments (self->workspace);
  guint position;

  if (lia_workspace_get_read_only (self->workspace) ||
      self->assessment == NULL || !g_list_store_find (store, self->assessment, &position))
    return;
  lia_history_begin (history (self), _("Delete assessment"));
  lia_history_remove (history (self), store, position);
  lia_history_end (history (self));
  lia_show_undo_toast (GTK_WIDGET (self), _("Assessment deleted"));
}

static void
row_activated_cb (LiaAssessmentView *self,
                  GtkListBoxRow     *row)
{
  g_autoptr(LiaAssessment) assessment = g_list_model_get_item (G_LIST_MODEL (self->sorted),
                                                               gtk_list_box_row_get_index (row));

  lia_assessment_view_select (self, assessment);
}

static void
lia_assessment_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaAssessmentView *self = LIA_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_assessment_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaAssessmentView *self = LIA_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_assessment_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_assessment_view_dispose (GObject *object)
{
  LiaAssessmentView *self = LIA_ASSESSMENT_VIEW (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  g_clear_pointer (&self->refresh, lia_refresh_free);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ASSESSMENT_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->workspace);
  g_clear_object (&self->assessment);

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_assessment_view_dispose;
  object_class->finalize = lia_assessment_view_finalize;
  object_class->get_property = lia_assessment_view_get_property;
  object_class->set_property = lia_assessment_view_set_property;
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");

  g_type_ensure (LIA_TYPE_SPLIT_PAGE);
  g_type_ensure (LIA_TYPE_RADAR_CHART);
  g_type_ensure (LIA_TYPE_PRACTISE_NEXT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/assessment/lia-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, list);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, title);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, chart);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, date_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, note_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, areas);
  gtk_widget_class_bind_template_child (widget_class, LiaAssessmentView, practise);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, lia_assessment_view_new_assessment);
}

static void
lia_assessment_view_init (LiaAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (newest_first, self, NULL));
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (self->sorter));
  /* Typed in the locale's usual forms or picked; the file keeps YYYY-MM-DD. */
  lia_field_binding_set_parse (lia_bind_entry (GTK_EDITABLE (self->date_row), NULL, NULL, LIA_ASSESSMENT_DATE),
                               lia_parse_user_date, NULL);
  adw_entry_row_add_suffix (self->date_row, lia_date_picker_new (GTK_EDITABLE (self->date_row), FALSE));
  lia_bind_entry (GTK_EDITABLE (self->note_row), NULL, NULL, LIA_ASSESSMENT_NOTE);
  self->refresh = lia_refresh_new (GTK_WIDGET (self), (LiaRefreshFunc) refresh, TRUE);
}

void
lia_assessment_view_set_workspace (LiaAssessmentView *self,
                                   LiaWorkspace      *workspace)
{
  g_return_if_fail (LIA_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  g_set_object (&self->workspace, workspace);
  g_object_notify (G_OBJECT (self), "workspace");
  g_clear_object (&self->assessment);
  gtk_sort_list_model_set_model (self->sorted, workspace ? assessments (self) : NULL);
  gtk_list_box_bind_model (self->list, workspace ? G_LIST_MODEL (self->sorted) : NULL,
                           workspace ? create_list_row : NULL, self, NULL);
  lia_practise_next_set_playbook (self->practise, workspace ? G_LIST_MODEL (lia_workspace_get_playbook (workspace)) : NULL);
  if (workspace)
    {
      g_signal_connect_swapped (lia_workspace_get_history (workspace), "changed", G_CALLBACK (history_changed_cb), self);
      g_signal_connect_object (workspace, "notify::read-only", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
    }
  lia_refresh_now_or_when_shown (self->refresh);
}

LiaAssessment *
lia_assessment_view_get_selected (LiaAssessmentView *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT_VIEW (self), NULL);

  return self->assessment;
}

void
lia_assessment_view_select (LiaAssessmentView *self,
                            LiaAssessment     *assessment)
{
  g_return_if_fail (LIA_IS_ASSESSMENT_VIEW (self));

  g_set_object (&self->assessment, assessment);
  refresh (self);
  lia_split_page_set_show_content (self->split, TRUE);
}

void
lia_assessment_view_new_assessment (LiaAssessmentView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  g_autoptr(LiaAssessment) assessment = NULL;
  GListStore *store;

  g_return_if_fail (LIA_IS_ASSESSMENT_VIEW (self));

  if (self->workspace == NULL || lia_workspace_get_read_only (self->workspace))
    return;
  today = self->today ? g_strdup (self->today) : g_date_time_format (now, "%Y-%m-%d");
  assessment = lia_assessment_new_dated (today);
  store = lia_workspace_get_assessments (self->workspace);
  lia_history_begin (history (self), _("New assessment"));
  lia_history_insert (history (self), store, g_list_model_get_n_items (G_LIST_MODEL (store)), assessment);
  lia_history_end (history (self));
  lia_assessment_view_select (self, assessment);
}

void
lia_assessment_view_rate (LiaAssessmentView *self,
                          guint              area,
                          int                score)
{
  LiaRatingRow *row;

  g_return_if_fail (LIA_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (area < LIA_N_AREAS && score >= 0 && score <= 5);

  if (self->assessment == NULL)
    return;
  ensure_rating_rows (self);
  row = LIA_RATING_ROW (self->rating_rows[area]);
  lia_rating_row_set_history (row, history (self));
  lia_rating_row_set_assessment (row, self->assessment);
  lia_rating_row_rate (row, score);
}

GtkWidget *
lia_assessment_view_get_chart (LiaAssessmentView *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT_VIEW (self), NULL);

  return GTK_WIDGET (self->chart);
}

char *
lia_assessment_view_get_suggestions (LiaAssessmentView *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT_VIEW (self), NULL);

  return lia_practise_next_get_text (self->practise);
}

GtkListBox *
lia_assessment_view_get_list (LiaAssessmentView *self)
{
  g_return_val_if_fail (LIA_IS_ASSESSMENT_VIEW (self), NULL);

  return self->list;
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

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_assessment_view_new_assessment (LIA_ASSESSMENT_VIEW (area));
}

static void
lia_assessment_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
}
