/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-assessment-trends.h"
#include "lia-playbook.h"
#include "lia-workspace.h"

/* Self-assessment history, the chart's data and the suggestions; the
 * playbook's shipped entries and its filters. */

static void
test_areas (void)
{
  g_assert_cmpint (lia_competency_find ("需求翻译"), ==, 0);
  g_assert_cmpint (lia_competency_find ("Cross-time-zone collaboration"), ==, 4);
  g_assert_cmpint (lia_competency_find ("conflicts"), ==, 9);
  g_assert_cmpint (lia_competency_find ("Cooking"), ==, -1);
  g_assert_cmpstr (lia_competency_get (4)->app_area, ==, "zones");
}

static void
test_history (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("zh_CN");
  GListModel *list = G_LIST_MODEL (lia_workspace_get_assessments (ws));
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(LiaAssessment) today = lia_assessment_new_dated ("2026-02-20");
  g_autofree char *trend = NULL;
  int latest[LIA_N_AREAS], previous[LIA_N_AREAS];
  guint lowest[2];
  LiaAssessment *prev;

  /* The sample's two assessments, oldest first whatever the file order. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_list_store_insert (lia_workspace_get_assessments (ws), 0, today);
  sorted = lia_assessments_by_date (list);
  g_assert_cmpuint (sorted->len, ==, 3);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (sorted->pdata[0]), LIA_ASSESSMENT_DATE), ==, "2025-12-15");
  g_assert_true (sorted->pdata[2] == today);

  prev = lia_assessments_previous (list, sorted->pdata[1]);
  g_assert_true (prev == sorted->pdata[0]);
  g_assert_null (lia_assessments_previous (list, sorted->pdata[0]));
  lia_assessment_scores (sorted->pdata[1], latest);
  lia_assessment_scores (prev, previous);
  g_assert_cmpint (latest[0], ==, 4);
  g_assert_cmpint (previous[0], ==, 3);
  g_assert_cmpint (latest[4], ==, 2);

  /* The new one is unrated: it adds nothing to a trend. */
  lia_assessment_scores (today, latest);
  for (guint i = 0; i < LIA_N_AREAS; i++)
    g_assert_cmpint (latest[i], ==, 0);
  trend = lia_assessments_trend (list, 0);
  g_assert_cmpstr (trend, ==, "2025-12-15: 3 · 2026-01-19: 4");
  g_assert_cmpuint (lia_assessment_lowest (today, 2, lowest), ==, 0);

  /* Lowest two of the January assessment: cross-time-zone (2), then the
   * first of the threes in the appendix's order. */
  g_assert_cmpuint (lia_assessment_lowest (sorted->pdata[1], 2, lowest), ==, 2);
  g_assert_cmpuint (lowest[0], ==, 4);
  g_assert_cmpuint (lowest[1], ==, 1);
}

static void
test_new_assessment (void)
{
  g_autoptr(LiaAssessment) a = lia_assessment_new_dated ("2026-03-01");
  GListModel *ratings = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (a), LIA_ASSESSMENT_RATINGS));
  g_autoptr(LiaRating) first = g_list_model_get_item (ratings, 0);

  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, LIA_N_AREAS);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (first), LIA_RATING_NAME), ==, "Requirement translation");
  g_assert_cmpint (lia_entity_get_int (LIA_ENTITY (first), LIA_RATING_SCORE), ==, 0);
}

static void
test_playbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = lia_playbook_load_builtin (&error);
  guint n, matching = 0, kinds[5] = { 0 };
  LiaPlaybookEntry *async = NULL;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  /* 5 modes, 5 project tools, 6 communication and 5 cross-cultural
   * methods, 6 tool types: the seed's tables. */
  g_assert_cmpuint (n, ==, 27);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaPlaybookEntry) e = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *kind = lia_entity_get_string (LIA_ENTITY (e), LIA_PLAYBOOK_ENTRY_KIND);
      const char * const *practises = lia_entity_get_strv (LIA_ENTITY (e), LIA_PLAYBOOK_ENTRY_PRACTISES);

      for (guint k = 0; lia_playbook_kind_choices[k]; k++)
        kinds[k] += g_str_equal (kind, lia_playbook_kind_choices[k]);
      g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (e), LIA_PLAYBOOK_ENTRY_NAME), !=, "");
      for (guint p = 0; practises[p]; p++)
        g_assert_cmpint (lia_competency_find (practises[p]), >=, 0);
      if (g_str_equal (lia_entity_get_string (LIA_ENTITY (e), LIA_PLAYBOOK_ENTRY_NAME), "Asynchronous collaboration"))
        async = e;
      matching += lia_playbook_matches (e, NULL, "small", "worldwide", "high");
    }
  g_assert_cmpuint (kinds[0], ==, 5);
  g_assert_cmpuint (kinds[1], ==, 5);
  g_assert_cmpuint (kinds[2], ==, 6);
  g_assert_cmpuint (kinds[3], ==, 5);
  g_assert_cmpuint (kinds[4], ==, 6);
  g_assert_nonnull (async);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (async), LIA_PLAYBOOK_ENTRY_FITS), ==,
                   "Global teams working across time zones");
  g_assert_true (lia_playbook_matches (async, "TIME ZONES", NULL, "worldwide", NULL));
  g_assert_false (lia_playbook_matches (async, NULL, NULL, "one-zone", NULL));
  g_assert_false (lia_playbook_matches (async, "jira", NULL, NULL, NULL));
  /* Untagged situations suit any: a small global urgent team still finds some. */
  g_assert_cmpuint (matching, >, 0);
  g_assert_cmpuint (matching, <, n);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/assessments/areas", test_areas);
  g_test_add_func ("/assessments/history", test_history);
  g_test_add_func ("/assessments/new", test_new_assessment);
  g_test_add_func ("/playbook/builtin", test_playbook);
  return g_test_run ();
}
