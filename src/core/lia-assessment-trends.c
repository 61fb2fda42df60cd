/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-assessment-trends"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-assessment-trends.h"

static const LiaCompetency areas[LIA_N_AREAS] = {
  { "requirements", N_("Requirement translation"), N_("Turns needs from one domain into the terms of another and communicates them"), "需求翻译", "requirements" },
  { "api-meetings", N_("API design meetings"), N_("Takes part in and leads API design meetings effectively"), "API设计会议", "meetings" },
  { "jira", N_("Jira project management"), N_("Uses Jira to manage projects and track tasks"), "Jira项目管理", "tasks" },
  { "confluence", N_("Confluence documentation"), N_("Uses Confluence to manage documents and share knowledge"), "Confluence文档管理", "documents" },
  { "time-zones", N_("Cross-time-zone collaboration"), N_("Communicates and collaborates effectively across time zones"), "跨时区协作", "zones" },
  { "cross-cultural", N_("Cross-cultural communication"), N_("Communicates effectively with team members from other cultures"), "跨文化沟通", "playbook" },
  { "teamwork", N_("Teamwork"), N_("Works with other teams to deliver a project together"), "团队协作", "tasks" },
  { "communication", N_("Communication skills"), N_("Communicates well and expresses ideas clearly"), "沟通技巧", "meetings" },
  { "listening", N_("Listening"), N_("Listens actively to others' opinions and suggestions"), "倾听能力", "meetings" },
  { "conflicts", N_("Conflict resolution"), N_("Resolves team conflicts and disagreements effectively"), "冲突处理", "playbook" },
};

const LiaCompetency *
lia_competency_get (guint area)
{
  g_return_val_if_fail (area < LIA_N_AREAS, NULL);
  return &areas[area];
}

const char *
lia_competency_get_name (guint area)
{
  return _(lia_competency_get (area)->name);
}

const char *
lia_competency_get_criterion (guint area)
{
  return _(lia_competency_get (area)->criterion);
}

int
lia_competency_find (const char *name)
{
  for (guint i = 0; name && i < LIA_N_AREAS; i++)
    if (g_str_equal (name, areas[i].id) || g_str_equal (name, areas[i].name) ||
        g_str_equal (name, areas[i].seed_name) || g_str_equal (name, _(areas[i].name)))
      return i;
  return -1;
}

/* A new assessment of the ten areas, none rated yet, in the locale's words. */
LiaAssessment *
lia_assessment_new_dated (const char *date)
{
  LiaAssessment *assessment = lia_assessment_new ();
  GListStore *ratings = lia_entity_get_list (LIA_ENTITY (assessment), LIA_ASSESSMENT_RATINGS);

  lia_entity_set_string (LIA_ENTITY (assessment), LIA_ASSESSMENT_DATE, date);
  for (guint i = 0; i < LIA_N_AREAS; i++)
    {
      g_autoptr(LiaRating) rating = lia_rating_new ();

      lia_entity_set_string (LIA_ENTITY (rating), LIA_RATING_NAME, lia_competency_get_name (i));
      lia_entity_set_string (LIA_ENTITY (rating), LIA_RATING_CRITERION, lia_competency_get_criterion (i));
      g_list_store_append (ratings, rating);
    }
  return assessment;
}

typedef struct
{
  LiaAssessment *assessment;
  guint          order;      /* its place in the workspace */
} Dated;

static int
by_date (gconstpointer a,
         gconstpointer b)
{
  const Dated *x = a, *y = b;
  int c = g_strcmp0 (lia_entity_get_string (LIA_ENTITY (x->assessment), LIA_ASSESSMENT_DATE),
                     lia_entity_get_string (LIA_ENTITY (y->assessment), LIA_ASSESSMENT_DATE));

  /* equal dates keep the workspace's order */
  return c != 0 ? c : (int) x->order - (int) y->order;
}

GPtrArray *
lia_assessments_by_date (GListModel *assessments)
{
  guint n = g_list_model_get_n_items (assessments);
  g_autoptr(GArray) dated = g_array_sized_new (FALSE, FALSE, sizeof (Dated), n);
  GPtrArray *out = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      Dated d = { g_list_model_get_item (assessments, i), i };
      g_array_append_val (dated, d);
    }
  g_array_sort (dated, by_date);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_array_index (dated, Dated, i).assessment);
  return out;
}

LiaAssessment *
lia_assessments_previous (GListModel    *assessments,
                          LiaAssessment *assessment)
{
  g_autoptr(GPtrArray) sorted = lia_assessments_by_date (assessments);
  guint position;

  if (!g_ptr_array_find (sorted, assessment, &position) || position == 0)
    return NULL;
  return sorted->pdata[position - 1];
}

void
lia_assessment_scores (LiaAssessment *assessment,
                       int            scores[LIA_N_AREAS])
{
  GListModel *ratings = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (assessment), LIA_ASSESSMENT_RATINGS));

  memset (scores, 0, sizeof (int) * LIA_N_AREAS);
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LiaRating) rating = g_list_model_get_item (ratings, i);
      int area = lia_competency_find (lia_entity_get_string (LIA_ENTITY (rating), LIA_RATING_NAME));

      if (area >= 0)
        scores[area] = lia_entity_get_int (LIA_ENTITY (rating), LIA_RATING_SCORE);
    }
}

char *
lia_assessments_trend (GListModel *assessments,
                       guint       area)
{
  g_autoptr(GPtrArray) sorted = lia_assessments_by_date (assessments);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (area < LIA_N_AREAS, NULL);
  for (guint i = 0; i < sorted->len; i++)
    {
      int scores[LIA_N_AREAS];

      lia_assessment_scores (sorted->pdata[i], scores);
      if (scores[area] == 0)
        continue;
      g_string_append_printf (out, "%s%s: %d", out->len ? " · " : "",
                              lia_entity_get_string (LIA_ENTITY (sorted->pdata[i]), LIA_ASSESSMENT_DATE), scores[area]);
    }
  return g_string_free (out, FALSE);
}

guint
lia_assessment_lowest (LiaAssessment *assessment,
                       guint          n,
                       guint         *out)
{
  int scores[LIA_N_AREAS];
  gboolean taken[LIA_N_AREAS] = { FALSE };
  guint found = 0;

  lia_assessment_scores (assessment, scores);
  while (found < n)
    {
      int best = -1;

      for (guint i = 0; i < LIA_N_AREAS; i++)
        if (!taken[i] && scores[i] > 0 && (best < 0 || scores[i] < scores[best]))
          best = i;
      if (best < 0)
        break;
      taken[best] = TRUE;
      out[found++] = best;
    }
  return found;
}
