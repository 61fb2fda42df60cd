/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lia-workspace.h"

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
sample_path (const char *lang)
{
  g_autofree char *name = g_strdup_printf ("sample.%s.liaison", lang);
  return g_test_build_filename (G_TEST_DIST, "data", "samples", name, NULL);
}

static void
test_sample_round_trip (void)
{
  const char *langs[] = { "zh_CN", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *path = sample_path (langs[i]);
      g_autoptr(GError) error = NULL;
      gsize length, out_length;
      g_autofree char *contents = read_file (path, &length);
      g_autoptr(LiaWorkspace) workspace = lia_workspace_new_from_data (contents, length, path, &error);
      g_autofree char *out = NULL;

      g_assert_no_error (error);
      out = lia_workspace_to_data (workspace, &out_length);
      /* Byte for byte: the canonical form is stable. */
      g_assert_cmpuint (out_length, ==, length);
      g_assert_cmpstr (out, ==, contents);
    }
}

static LiaEntity *
item (GListStore *store,
      guint       position)
{
  LiaEntity *entity = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_assert_nonnull (entity);
  g_object_unref (entity); /* the store keeps it alive */
  return entity;
}

static void
test_sample_contents (void)
{
  g_autoptr(LiaWorkspace) zh = lia_workspace_new_sample ("zh_CN.UTF-8");
  g_autoptr(LiaWorkspace) en = lia_workspace_new_sample ("C");
  LiaEntity *req, *meeting, *task, *root, *contract, *field, *assessment, *evaluation;
  GListStore *agenda;
  const char *zones[] = { "America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin",
                          "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney" };
  const guint durations[] = { 10, 20, 30, 15, 30, 15, 10 };
  const guint children[] = { 4, 4, 4, 3 };

  /* The seed's three requirement translations, five steps each. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_requirements (zh))), ==, 3);
  req = item (lia_workspace_get_requirements (zh), 0);
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_BUSINESS_NEED), ==, "提高模型推理速度");
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_TECHNICAL_NEED), ==, "优化推理引擎性能");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (req, LIA_REQUIREMENT_STEPS))), ==, 5);
  g_assert_cmpstr (lia_entity_get_string (item (lia_entity_get_list (req, LIA_REQUIREMENT_STEPS), 2), LIA_STEP_TEXT),
                   ==, "实现Continuous Batching");
  g_assert_cmpstr (lia_entity_get_string (item (lia_workspace_get_requirements (zh), 1), LIA_REQUIREMENT_BUSINESS_NEED),
                   ==, "降低推理成本");
  g_assert_cmpstr (lia_entity_get_string (item (lia_workspace_get_requirements (zh), 2), LIA_REQUIREMENT_BUSINESS_NEED),
                   ==, "支持多种模型");
  g_assert_cmpstr (lia_entity_get_string (item (lia_workspace_get_requirements (en), 0), LIA_REQUIREMENT_BUSINESS_NEED),
                   ==, "Improve model inference speed");

  /* The eight-city team. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_members (zh))), ==, 8);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    g_assert_cmpstr (lia_entity_get_string (item (lia_workspace_get_members (zh), i), LIA_MEMBER_TIMEZONE), ==, zones[i]);
  g_assert_cmpstr (lia_entity_get_string (item (lia_workspace_get_members (zh), 0), LIA_MEMBER_CITY), ==, "旧金山");

  /* The API design meeting: 09:00 to 11:10 with a break 10:00-10:15. */
  meeting = item (lia_workspace_get_meetings (zh), 0);
  g_assert_cmpstr (lia_entity_get_string (meeting, LIA_MEETING_START), ==, "2026-01-20T09:00");
  agenda = lia_entity_get_list (meeting, LIA_MEETING_AGENDA);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (agenda)), ==, G_N_ELEMENTS (durations));
  for (guint i = 0, start = 0; i < G_N_ELEMENTS (durations); start += durations[i], i++)
    {
      g_assert_cmpint (lia_entity_get_int (item (agenda, i), LIA_AGENDA_ITEM_DURATION), ==, durations[i]);
      if (i == 3)
        {
          g_assert_cmpuint (start, ==, 60);
          g_assert_cmpstr (lia_entity_get_string (item (agenda, i), LIA_AGENDA_ITEM_KIND), ==, "break");
        }
    }
  g_assert_cmpstr (lia_entity_get_strv (item (agenda, 4), LIA_AGENDA_ITEM_OWNERS)[1], ==, "安全工程师");
  evaluation = lia_entity_get_child (meeting, LIA_MEETING_EVALUATION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS))), ==, 8);
  g_assert_cmpstr (lia_entity_get_string (item (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS), 7), LIA_RATING_NAME),
                   ==, "整体满意度");
  g_assert_cmpuint (g_strv_length ((char **) lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES)), ==, 8);

  /* The Jira task. */
  task = item (lia_workspace_get_tasks (zh), 0);
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_PROJECT), ==, "vLLM推理引擎");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_TYPE), ==, "故事");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_SUMMARY), ==, "实现Continuous Batching功能");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_PRIORITY), ==, "high");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_ASSIGNEE), ==, "推理工程师A");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-03-31");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_EPIC), ==, "性能优化");
  g_assert_true (g_str_has_prefix (lia_entity_get_string (task, LIA_TASK_DESCRIPTION), "1. 设计Continuous Batching架构\n"));

  /* The Confluence tree: 4 sections with 4, 4, 4 and 3 pages. */
  root = item (lia_workspace_get_pages (zh), 0);
  g_assert_cmpstr (lia_entity_get_string (root, LIA_PAGE_TITLE), ==, "vLLM推理引擎文档");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (root, LIA_PAGE_CHILDREN))), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      LiaEntity *section = item (lia_entity_get_list (root, LIA_PAGE_CHILDREN), i);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (section, LIA_PAGE_CHILDREN))), ==, children[i]);
    }

  /* ChatRequest.temperature: number, default 0.7, 0.0 to 2.0. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_contracts (zh))), ==, 4);
  contract = item (lia_workspace_get_contracts (zh), 1);
  g_assert_cmpstr (lia_entity_get_string (contract, LIA_CONTRACT_NAME), ==, "ChatRequest");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (contract, LIA_CONTRACT_FIELDS))), ==, 9);
  field = item (lia_entity_get_list (contract, LIA_CONTRACT_FIELDS), 2);
  g_assert_cmpstr (lia_entity_get_string (field, LIA_FIELD_NAME), ==, "temperature");
  g_assert_cmpfloat (json_node_get_double (lia_entity_get_json (field, LIA_FIELD_DEFAULT)), ==, 0.7);
  g_assert_cmpfloat (lia_entity_get_double (field, LIA_FIELD_MINIMUM), ==, 0.0);
  g_assert_cmpfloat (lia_entity_get_double (field, LIA_FIELD_MAXIMUM), ==, 2.0);
  field = item (lia_entity_get_list (contract, LIA_CONTRACT_FIELDS), 6);
  g_assert_cmpstr (lia_entity_get_string (field, LIA_FIELD_NAME), ==, "max_tokens");
  g_assert_cmpint (json_node_get_int (lia_entity_get_json (field, LIA_FIELD_DEFAULT)), ==, 1024);
  g_assert_cmpfloat (lia_entity_get_double (field, LIA_FIELD_MAXIMUM), ==, 4096);

  /* The appendix's ten competency areas. */
  assessment = item (lia_workspace_get_assessments (zh), 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_entity_get_list (assessment, LIA_ASSESSMENT_RATINGS))), ==, 10);
  g_assert_cmpstr (lia_entity_get_string (item (lia_entity_get_list (assessment, LIA_ASSESSMENT_RATINGS), 9), LIA_RATING_NAME),
                   ==, "冲突处理");
}

static void
test_unknown_keys (void)
{
  const char *input =
    "{\"format\": \"liaison-workspace\", \"version\": 1, \"future_top\": {\"a\": [1, 2.5, null, true]},"
    " \"requirements\": [{\"id\": \"5e0c7a7a-1111-4a8e-9a59-000000000001\", \"business_need\": \"x\","
    " \"x_custom\": \"kept\", \"steps\": [{\"id\": \"5e0c7a7a-1111-4a8e-9a59-000000000002\", \"text\": \"s\","
    " \"jira_hint\": {\"k\": \"v\"}}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_from_data (input, strlen (input), "unknown", &error);
  g_autoptr(LiaWorkspace) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *top, *req, *step;

  g_assert_no_error (error);
  out = lia_workspace_to_data (workspace, NULL);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  top = json_node_get_object (root);
  g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (
                       json_object_get_object_member (top, "future_top"), "a"), 1), ==, 2.5);
  req = json_array_get_object_element (json_object_get_array_member (top, "requirements"), 0);
  g_assert_cmpstr (json_object_get_string_member (req, "x_custom"), ==, "kept");
  step = json_array_get_object_element (json_object_get_array_member (req, "steps"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (step, "jira_hint"), "k"), ==, "v");

  /* And the canonical form is a fixed point. */
  again = lia_workspace_new_from_data (out, strlen (out), "again", &error);
  g_assert_no_error (error);
  out2 = lia_workspace_to_data (again, NULL);
  g_assert_cmpstr (out, ==, out2);
}

static void
test_bad_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "tests", "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaWorkspace) workspace = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".liaison"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      {
        g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".liaison"));
        g_autofree char *expected_name = g_strconcat (stem, ".expected", NULL);
        expected_path = g_build_filename (dir_path, expected_name, NULL);
      }
      contents = read_file (path, &length);
      expected = g_strchomp (read_file (expected_path, NULL));

      workspace = lia_workspace_new_from_data (contents, length, name, &error);
      if (workspace != NULL)
        g_error ("%s was accepted", name);
      g_assert_true (error->domain == LIA_WORKSPACE_ERROR);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("%s:\n  got:      %s\n  expected: %s…", name, error->message, expected);
      count++;
    }

  g_assert_cmpuint (count, >=, 30);
}

/* Every damaged file that is still a JSON workspace opens in recovery:
 * each problem listed (the first one is the strict reader's error), the
 * result passes the rules, saves, and reopens strictly with no problems;
 * what could not be placed is kept in “unrecovered”, never dropped. */
static void
test_bad_corpus_recovers (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "tests", "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint recovered = 0, refused = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *out = NULL;
      g_autofree char *located = NULL;
      g_autoptr(GError) strict_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaWorkspace) strict = NULL;
      g_autoptr(LiaWorkspace) workspace = NULL;
      g_autoptr(LiaWorkspace) again = NULL;
      const char * const *problems;
      gsize length;

      if (!g_str_has_suffix (name, ".liaison"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      contents = read_file (path, &length);
      strict = lia_workspace_new_from_data (contents, length, name, &strict_error);
      g_assert_null (strict);
      workspace = lia_workspace_new_from_data_full (contents, length, name, LIA_LOAD_RECOVER, &error);

      if (!g_error_matches (strict_error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID) ||
          g_str_has_prefix (strict_error->message, "This file was written by a newer version"))
        {
          /* Not JSON, not a workspace, too large, or a newer format:
           * refused exactly as the strict reader refuses it. */
          if (workspace != NULL)
            g_error ("%s: recovery opened a file it must refuse", name);
          g_assert_cmpstr (error->message, ==, strict_error->message);
          refused++;
          continue;
        }

      if (workspace == NULL)
        g_error ("%s: recovery failed: %s", name, error->message);
      problems = lia_workspace_get_problems (workspace);
      g_assert_nonnull (problems[0]);
      g_assert_true (lia_workspace_get_needs_review (workspace));
      /* The first problem is the one the strict reader reported. */
      located = g_strdup (strict_error->message + strlen (name) + 2);
      if (!g_str_has_prefix (problems[0], located))
        g_error ("%s:\n  first problem: %s\n  strict error:  %s", name, problems[0], located);

      if (!lia_workspace_check (workspace, &error))
        g_error ("%s: the recovered model breaks the rules: %s", name, error->message);
      out = lia_workspace_to_data (workspace, NULL);
      again = lia_workspace_new_from_data (out, strlen (out), name, &error);
      if (again == NULL)
        g_error ("%s: the recovered workspace does not reopen: %s", name, error->message);
      g_assert_null (lia_workspace_get_problems (again)[0]);
      g_assert_false (lia_workspace_get_needs_review (again));
      recovered++;
    }

  g_test_message ("%u recovered, %u refused", recovered, refused);
  g_assert_cmpuint (recovered, >=, 30);
  g_assert_cmpuint (refused, >=, 5);
}

/* Recovery keeps what it cannot place: the bad due date is cleared in the
 * task and kept, as it was, in the unrecovered collection. */
static void
test_recovery_keeps_values (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "tests", "data", "bad", "due-february-30.liaison", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaEntity) task = NULL;
  g_autoptr(LiaEntity) kept = NULL;
  GListModel *unrecovered;
  gsize length;

  contents = read_file (path, &length);
  workspace = lia_workspace_new_from_data_full (contents, length, "due.liaison", LIA_LOAD_RECOVER, &error);
  g_assert_no_error (error);
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (workspace)), 0);
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "");
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_SUMMARY), ==, "Batching");

  unrecovered = G_LIST_MODEL (lia_workspace_get_unrecovered (workspace));
  g_assert_cmpuint (g_list_model_get_n_items (unrecovered), ==, 1);
  kept = g_list_model_get_item (unrecovered, 0);
  g_assert_cmpstr (lia_entity_get_string (kept, LIA_UNRECOVERED_PATH), ==, "tasks[0].due");
  g_assert_cmpstr (json_node_get_string (lia_entity_get_json (kept, LIA_UNRECOVERED_VALUE)), ==, "2026-02-30");

  /* A broken entity is set aside whole, and the rest of its list stays. */
  {
    g_autoptr(LiaWorkspace) ws = NULL;
    g_autoptr(LiaEntity) aside = NULL;
    const char *doc =
      "{\"format\": \"liaison-workspace\", \"version\": 1, \"meetings\": ["
      "{\"id\": \"5e0c7a7a-2222-4a8e-9a59-000000000001\", \"title\": \"A\", \"start\": \"2026-13-01T09:00\", \"timezone\": \"UTC\"},"
      "{\"id\": \"5e0c7a7a-2222-4a8e-9a59-000000000002\", \"title\": \"B\", \"start\": \"2026-12-01T09:00\", \"timezone\": \"UTC\"}]}";

    ws = lia_workspace_new_from_data_full (doc, strlen (doc), "m.liaison", LIA_LOAD_RECOVER, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_meetings (ws))), ==, 1);
    aside = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_unrecovered (ws)), 0);
    g_assert_cmpstr (lia_entity_get_string (aside, LIA_UNRECOVERED_PATH), ==, "meetings[0]");
    g_assert_true (JSON_NODE_HOLDS_OBJECT (lia_entity_get_json (aside, LIA_UNRECOVERED_VALUE)));
  }
}

/* The writer refuses what the reader refuses, and the file stays. */
static void
test_writer_refuses (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lia-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("en");
  g_autoptr(LiaEntity) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &before, NULL, NULL);

  /* Outside the history (as a buggy path might): the writer still says no. */
  task = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (workspace)), 0);
  lia_entity_set_string (task, LIA_TASK_DUE, "2026-02-30");
  g_assert_false (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tasks[0].due: “2026-02-30” is not a date"));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* Through the history the edit is refused in the first place. */
  lia_entity_set_string (task, LIA_TASK_DUE, "2026-03-01");
  g_assert_false (lia_history_set_string (lia_workspace_get_history (workspace), task, LIA_TASK_DUE, "next week", FALSE));
  g_assert_cmpstr (lia_entity_get_string (task, LIA_TASK_DUE), ==, "2026-03-01");
  g_assert_false (lia_history_set_string (lia_workspace_get_history (workspace), task, LIA_TASK_SUMMARY, "", FALSE));
  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_no_error (error);
}

/* Removing a member takes it out of every meeting in the same undo step. */
static void
test_remove_member_unlinks (void)
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("en");
  LiaHistory *history = lia_workspace_get_history (workspace);
  GListStore *members = lia_workspace_get_members (workspace);
  g_autoptr(LiaEntity) member = g_list_model_get_item (G_LIST_MODEL (members), 1);
  g_autofree char *id = g_strdup (lia_entity_get_id (member));
  g_autofree char *original = lia_workspace_to_data (workspace, NULL);
  g_autofree char *removed = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) reopened = NULL;
  guint referring = 0;

  g_assert_nonnull (strstr (original, id));
  lia_history_begin (history, "Remove Member");
  lia_history_remove (history, members, 1);
  lia_history_end (history);

  removed = lia_workspace_to_data (workspace, NULL);
  g_assert_null (strstr (removed, id));
  reopened = lia_workspace_new_from_data (removed, strlen (removed), "removed", &error);
  g_assert_no_error (error);
  g_assert_true (lia_workspace_check (workspace, NULL));

  /* One Ctrl+Z restores the member and every attendee list. */
  g_assert_true (lia_history_undo (history));
  restored = lia_workspace_to_data (workspace, NULL);
  g_assert_cmpstr (restored, ==, original);
  for (const char *p = original; (p = strstr (p, id)) != NULL; p++)
    referring++;
  g_assert_cmpuint (referring, >, 1);
}

static void
test_history_memory_cap (void)
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("en");
  LiaHistory *history = lia_workspace_get_history (workspace);
  g_autoptr(LiaEntity) page = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_pages (workspace)), 0);
  g_autofree char *big = g_strnfill (256 * 1024, 'x');

  lia_history_set_memory_limit (history, 4 * 1024 * 1024);
  for (guint i = 0; i < 64; i++)
    {
      big[i] = 'a' + i % 26;
      lia_history_set_string (history, page, LIA_PAGE_BODY, big, FALSE);
    }
  g_assert_cmpuint (lia_history_get_memory_size (history), <=, 4 * 1024 * 1024 + 600 * 1024);
  g_assert_cmpuint (lia_history_get_n_undo (history), <, 64);
  g_assert_cmpuint (lia_history_get_n_undo (history), >, 4);
  /* The newest steps are the ones kept. */
  g_assert_true (lia_history_undo (history));
  g_assert_cmpint (lia_entity_get_string (page, LIA_PAGE_BODY)[62], ==, 'a' + 62 % 26);
}

static void
test_huge_string (void)
{
  GString *doc = g_string_new ("{\"format\": \"liaison-workspace\", \"version\": 1, \"requirements\": "
                               "[{\"id\": \"5e0c7a7a-1111-4a8e-9a59-000000000001\", \"business_need\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;

  for (guint i = 0; i < 2 * 1024 * 1024 / 8; i++)
    g_string_append (doc, "abcdefgh");
  g_string_append (doc, "\"}]}");

  workspace = lia_workspace_new_from_data (doc->str, doc->len, "huge.liaison", &error);
  g_assert_null (workspace);
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "huge.liaison: requirements[0].business_need: the text is too long (2097152 bytes"));
  g_string_free (doc, TRUE);
}

static void
test_newer_version_read_only (void)
{
  const char *input = "{\"format\": \"liaison-workspace\", \"version\": 7, \"title\": \"From the future\","
                      " \"hologram\": {\"x\": 1}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.liaison", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *on_disk = NULL;
  g_autofree char *copied = NULL;

  g_file_set_contents (path, input, -1, &error);
  g_assert_no_error (error);
  workspace = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_workspace_get_read_only (workspace));
  g_assert_nonnull (strstr (lia_workspace_get_read_only_reason (workspace), "newer version of Liaison (format version 7"));

  /* The newer file itself is never overwritten... */
  g_assert_false (lia_workspace_save (workspace, NULL, NULL, &error));
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  on_disk = read_file (path, NULL);
  g_assert_cmpstr (on_disk, ==, input);

  /* ...but Save As makes a writable copy that keeps the unknown parts. */
  g_assert_true (lia_workspace_save (workspace, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (lia_workspace_get_read_only (workspace));
  copied = read_file (copy_path, NULL);
  g_assert_nonnull (strstr (copied, "\"hologram\": {\n    \"x\": 1\n  }"));
  g_assert_nonnull (strstr (copied, "\"version\": 1,"));

  g_unlink (path);
  g_unlink (copy_path);
  g_rmdir (dir);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_atomic_save_and_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("en");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *kept = NULL;
  LiaEntity *req;

  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (lia_workspace_get_file (workspace), file));
  g_assert_false (lia_workspace_get_modified (workspace));
  first = read_file (path, NULL);

  req = item (lia_workspace_get_requirements (workspace), 0);
  lia_history_set_string (lia_workspace_get_history (workspace), req, LIA_REQUIREMENT_OWNER, "Grace", FALSE);
  g_assert_true (lia_workspace_get_modified (workspace));
  g_assert_true (lia_workspace_save (workspace, NULL, NULL, &error));
  g_assert_no_error (error);

  second = read_file (path, NULL);
  kept = read_file (backup, NULL);
  g_assert_cmpstr (kept, ==, first);
  g_assert_nonnull (strstr (second, "\"owner\": \"Grace\""));
  /* No temporary file is left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* Undo survives a save, and makes the workspace modified again. */
  g_assert_true (lia_history_undo (lia_workspace_get_history (workspace)));
  g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_OWNER), ==, "Inference Engineer A");
  g_assert_true (lia_workspace_get_modified (workspace));

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_save_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-liaison-dir/x.liaison");
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new ();
  g_autoptr(LiaWorkspace) untitled = lia_workspace_new ();

  g_assert_false (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-liaison-dir/x.liaison"));
  g_assert_null (lia_workspace_get_file (workspace));
  g_clear_error (&error);

  g_assert_false (lia_workspace_save (untitled, NULL, NULL, &error));
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO);
}

static void
flag_cb (gpointer  instance,
         gboolean *flag)
{
  *flag = TRUE;
}

static void
notify_flag_cb (GObject    *object,
                GParamSpec *pspec,
                gboolean   *flag)
{
  *flag = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_until (gboolean *flag,
            guint     ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static void
test_autosave_and_external_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "watched.liaison", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autofree char *contents = NULL;
  gboolean external = FALSE, saved = FALSE, never = FALSE;
  LiaEntity *req;

  g_assert_true (lia_workspace_save (sample, file, NULL, &error));
  workspace = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (workspace, "external-change", G_CALLBACK (flag_cb), &external);
  lia_workspace_set_autosave (workspace, 50);

  /* An edit is saved by itself shortly after. */
  req = item (lia_workspace_get_requirements (workspace), 1);
  g_signal_connect (workspace, "notify::modified", G_CALLBACK (notify_flag_cb), &saved);
  lia_history_set_string (lia_workspace_get_history (workspace), req, LIA_REQUIREMENT_OWNER, "Autosaved", FALSE);
  saved = FALSE;
  spin_until (&saved, 5000);
  g_assert_false (lia_workspace_get_modified (workspace));
  contents = read_file (path, NULL);
  g_assert_nonnull (strstr (contents, "\"owner\": \"Autosaved\""));

  /* Our own save is not an external change. */
  spin_until (&never, 800);
  g_assert_false (external);

  /* Another program's write is. */
  g_file_set_contents (path, "{\"format\": \"liaison-workspace\", \"version\": 1}", -1, &error);
  g_assert_no_error (error);
  spin_until (&external, 5000);
  g_assert_true (external);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

/* Random damage to a real file never crashes the reader, and every
 * refusal names the file.  (Runs under ASan and UBSan in the sanitizer
 * pass of build-aux/dev test.) */
static void
test_random_damage (void)
{
  g_autofree char *path = sample_path ("zh_CN");
  gsize length;
  g_autofree char *original = read_file (path, &length);
  GRand *rand = g_rand_new_with_seed (7);
  guint accepted = 0, refused = 0;

  for (guint round = 0; round < 1500; round++)
    {
      g_autofree char *data = g_memdup2 (original, length);
      gsize len = length;
      guint edits = g_rand_int_range (rand, 1, 8);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaWorkspace) workspace = NULL;

      for (guint e = 0; e < edits; e++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32) len);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: /* a random byte */
              data[at] = (char) g_rand_int_range (rand, 0, 256);
              break;
            case 1: /* a structural character */
              data[at] = "{}[]\",:0-e\\n"[g_rand_int_range (rand, 0, 13)];
              break;
            case 2: /* truncate */
              len = at;
              break;
            default: /* swap two bytes */
              {
                gsize other = g_rand_int_range (rand, 0, (gint32) len);
                char c = data[at];
                data[at] = data[other];
                data[other] = c;
              }
            }
          if (len == 0)
            break;
        }

      workspace = lia_workspace_new_from_data (data, len, "damaged.liaison", &error);
      if (workspace != NULL)
        {
          g_autofree char *out = lia_workspace_to_data (workspace, NULL);
          g_assert_no_error (error);
          g_assert_nonnull (out);
          accepted++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "damaged.liaison"));
          refused++;
        }
    }

  g_test_message ("accepted %u, refused %u", accepted, refused);
  g_assert_cmpuint (refused, >, 0);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/workspace/sample-contents", test_sample_contents);
  g_test_add_func ("/workspace/unknown-keys", test_unknown_keys);
  g_test_add_func ("/workspace/bad-corpus", test_bad_corpus);
  g_test_add_func ("/workspace/bad-corpus-recovers", test_bad_corpus_recovers);
  g_test_add_func ("/workspace/recovery-keeps-values", test_recovery_keeps_values);
  g_test_add_func ("/workspace/writer-refuses", test_writer_refuses);
  g_test_add_func ("/workspace/remove-member-unlinks", test_remove_member_unlinks);
  g_test_add_func ("/workspace/history-memory-cap", test_history_memory_cap);
  g_test_add_func ("/workspace/huge-string", test_huge_string);
  g_test_add_func ("/workspace/random-damage", test_random_damage);
  g_test_add_func ("/workspace/newer-version-read-only", test_newer_version_read_only);
  g_test_add_func ("/workspace/atomic-save-and-backup", test_atomic_save_and_backup);
  g_test_add_func ("/workspace/save-error", test_save_error);
  g_test_add_func ("/workspace/autosave-and-external-change", test_autosave_and_external_change);

  return g_test_run ();
}
