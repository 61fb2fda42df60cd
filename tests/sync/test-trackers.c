/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-fake-tracker.h"
#include "lia-markup.h"
#include "lia-sync.h"
#include "lia-workspace-private.h"

#define TOKEN "tok-SECRET-5f3a9c"
#define USER "lead@example.com"

typedef struct
{
  const char   *service;
  FakeTracker  *fake;
  LiaHttp      *http;
  LiaTracker   *tracker;
  LiaWorkspace *workspace;
} Fixture;

static LiaTask *
first_task (LiaWorkspace *workspace)
{
  return g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (workspace)), 0);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  LiaTrackerConfig config = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaTask) task = NULL;

  fx->service = data;
  fx->fake = fake_tracker_new (fx->service, TOKEN, USER);
  fx->http = lia_http_new ();
  lia_http_set_timeout (fx->http, 1);
  lia_http_set_retry (fx->http, 3, 50, 2000);
  /* GitHub's writes stay serial, with the second between them scaled down. */
  if (g_str_equal (fx->service, "github"))
    lia_http_set_write_policy (fx->http, "127.0.0.1", TRUE, 10);
  config.service = fx->service;
  config.url = fake_tracker_get_url (fx->fake);
  config.project = fake_tracker_get_project (fx->fake);
  config.user = USER;
  config.token = TOKEN;
  config.epic_field = g_str_equal (fx->service, "jira-dc") ? "customfield_10100" : NULL;
  fx->tracker = lia_tracker_new (fx->http, &config, &error);
  g_assert_no_error (error);
  fx->workspace = lia_workspace_new_sample ("zh_CN");
  task = first_task (fx->workspace);
  if (g_str_equal (fx->service, "github"))
    lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_ASSIGNEE, "infer-a");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->workspace);
  g_clear_object (&fx->tracker);
  g_clear_object (&fx->http);
  g_clear_pointer (&fx->fake, fake_tracker_free);
}

static LiaSyncReport *
sync_now (Fixture *fx)
{
  g_autoptr(LiaSyncPlan) plan = lia_sync_plan_new (fx->workspace, fx->service,
                                                   lia_tracker_get_base_url (fx->tracker), FALSE);
  lia_sync_plan_execute (plan, fx->tracker, NULL, NULL, NULL);
  return lia_sync_plan_apply (plan, fx->workspace);
}

static const char *
remote_key (gpointer entity)
{
  LiaRemoteRef *ref = lia_entity_get_remote (LIA_ENTITY (entity));
  return ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) : NULL;
}

static LiaTask *
add_task (Fixture    *fx,
          const char *summary)
{
  LiaTask *task = lia_task_new ();

  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "VLLM");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, summary);
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DESCRIPTION, "**bold** and `code`");
  g_list_store_append (lia_workspace_get_tasks (fx->workspace), task);
  return task;
}

static void
test_create_seed_task (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(LiaSyncReport) report = sync_now (fx);
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autoptr(JsonNode) issue = NULL;
  g_autoptr(LiaSyncReport) again = NULL;
  const char *key = remote_key (task);

  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_nonnull (key);
  /* the task and its epic, created by name */
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
  g_assert_cmpuint (fake_tracker_count_marker (fx->fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 1);
  issue = fake_tracker_get_issue (fx->fake, key);
  g_assert_nonnull (issue);
  if (g_str_has_prefix (fx->service, "jira"))
    {
      JsonObject *fields = json_object_get_object_member (json_node_get_object (issue), "fields");
      g_assert_cmpstr (json_object_get_string_member (fields, "summary"), ==, "实现Continuous Batching功能");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fields, "priority"), "name"), ==, "High");
      g_assert_cmpstr (json_object_get_string_member (fields, "duedate"), ==, "2026-03-31");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fields, "issuetype"), "name"), ==, "故事");
      g_assert_true (json_object_has_member (fields, g_str_equal (fx->service, "jira-cloud") ? "parent" : "customfield_10100"));
    }
  else
    {
      const char *body = json_object_get_string_member (json_node_get_object (issue),
                                                        g_str_equal (fx->service, "github") ? "body" : "description");
      g_assert_nonnull (strstr (body, "1. 设计Continuous Batching架构"));
      g_assert_nonnull (strstr (body, "Part of #1"));
    }
  /* The status came back in the same sync. */
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_STATUS), ==, "todo");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_outbox (fx->workspace))), ==, 0);

  again = sync_now (fx);
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 1);
  g_assert_cmpuint (again->errors, ==, 0);
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
}

/* For every fault on a create: exactly one issue, the link kept, a clear
 * error only where the create really failed. */
static void
test_faults (Fixture       *fx,
             gconstpointer  data)
{
  static const struct { FakeFault fault; const char *name; } faults[] = {
    { FAKE_FAULT_429, "429 with Retry-After" }, { FAKE_FAULT_503, "503" },
    { FAKE_FAULT_500_AFTER, "500 after the commit" }, { FAKE_FAULT_LOST, "answer lost after the commit" },
    { FAKE_FAULT_MALFORMED, "malformed JSON" }, { FAKE_FAULT_RESET, "connection reset" },
    { FAKE_FAULT_SLOW, "very slow answer" },
  };
  g_autoptr(LiaSyncReport) first = sync_now (fx);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(LiaTask) task = add_task (fx, faults[i].name);
      g_autoptr(LiaSyncReport) report = NULL;

      g_test_message ("%s: %s", fx->service, faults[i].name);
      fake_tracker_add_fault (fx->fake, faults[i].fault);
      report = sync_now (fx);
      g_assert_cmpuint (report->errors, ==, 0);
      g_assert_cmpuint (fake_tracker_count_marker (fx->fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 1);
      g_assert_nonnull (remote_key (task));
      g_assert_null (lia_sync_find_op (fx->workspace, lia_entity_get_id (LIA_ENTITY (task))));
    }

  /* 401: an error in plain words, no token, nothing lost. */
  {
    g_autoptr(LiaTask) task = add_task (fx, "refused");
    g_autoptr(LiaSyncReport) report = NULL;
    LiaOutboxOp *op;
    g_autofree char *all = NULL;

    fake_tracker_add_fault (fx->fake, FAKE_FAULT_401);
    report = sync_now (fx);
    g_ptr_array_add (report->lines, NULL);
    all = g_strjoinv ("\n", (char **) report->lines->pdata);
    g_ptr_array_remove_index (report->lines, report->lines->len - 1);
    g_assert_cmpuint (report->errors, ==, 1);
    g_assert_nonnull (strstr (all, "401"));
    g_assert_nonnull (strstr (all, "token"));
    g_assert_null (strstr (all, TOKEN));
    g_assert_cmpuint (fake_tracker_count_marker (fx->fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 0);
    op = lia_sync_find_op (fx->workspace, lia_entity_get_id (LIA_ENTITY (task)));
    g_assert_nonnull (op);
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "refused");
    /* next time it goes */
    {
      g_autoptr(LiaSyncReport) retry = sync_now (fx);
      g_assert_cmpuint (retry->errors, ==, 0);
      g_assert_cmpuint (fake_tracker_count_marker (fx->fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 1);
    }
  }
}

static void
test_conflict_and_pull (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(LiaSyncReport) first = sync_now (fx);
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autofree char *key = g_strdup (remote_key (task));
  g_autoptr(LiaSyncReport) pulled = NULL, conflict = NULL, resolved = NULL;
  gboolean take_remote[LIA_SYNC_N_FIELDS] = { TRUE, FALSE, FALSE, FALSE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) issue = NULL;
  LiaOutboxOp *op;

  /* A remote close and rename come back when nothing changed here. */
  fake_tracker_remote_edit (fx->fake, key, "Renamed in the tracker", TRUE);
  pulled = sync_now (fx);
  g_assert_cmpuint (pulled->pulled, ==, 1);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_STATUS), ==, "done");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "Renamed in the tracker");

  /* Both sides: a conflict, neither overwritten. */
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "Local title");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DUE, "2026-04-30");
  fake_tracker_remote_edit (fx->fake, key, "Remote title", TRUE);
  conflict = sync_now (fx);
  g_assert_cmpuint (conflict->conflicts, ==, 1);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "Local title");
  op = lia_sync_find_op (fx->workspace, lia_entity_get_id (LIA_ENTITY (task)));
  g_assert_nonnull (op);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE), ==, "conflict");

  /* Take the remote title, keep the local due date; undo-able. */
  g_assert_true (lia_sync_resolve_conflict (fx->workspace, op, take_remote, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "Remote title");
  g_assert_true (lia_history_can_undo (lia_workspace_get_history (fx->workspace)));
  resolved = sync_now (fx);
  g_assert_cmpuint (resolved->updated, ==, 1);
  g_assert_cmpuint (resolved->conflicts, ==, 0);
  issue = fake_tracker_get_issue (fx->fake, key);
  if (g_str_has_prefix (fx->service, "jira"))
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (issue), "fields"), "duedate"), ==, "2026-04-30");
  else if (g_str_equal (fx->service, "gitlab"))
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (issue), "due_date"), ==, "2026-04-30");
}

/* An answer json-glib would read into something Liaison then saves (here
 * a lone surrogate, decoded into invalid UTF-8) is a malformed answer:
 * the pull fails with where and why, and the workspace stays as it was. */
static void
test_strict_answer (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(LiaSyncReport) first = sync_now (fx);
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autofree char *key = g_strdup (remote_key (task));
  g_autofree char *summary = g_strdup (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY));
  g_autofree char *before = NULL, *after = NULL, *all = NULL;
  g_autoptr(LiaSyncReport) report = NULL;
  g_autoptr(LiaIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  fake_tracker_remote_edit (fx->fake, key, "Renamed SURROGATE-HERE", FALSE);
  /* json-glib decodes "\ud800" followed by anything but a quote into
   * invalid UTF-8 (and eats the next character). */
  fake_tracker_patch_answers (fx->fake, "SURROGATE-HERE", "\\ud800-");

  issue = lia_tracker_fetch (fx->tracker, key, NULL, &error);
  g_assert_null (issue);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  g_assert_nonnull (strstr (error->message, "“\\ud800” is the first half of a surrogate pair"));

  before = lia_workspace_to_data (fx->workspace, NULL);
  report = sync_now (fx);
  after = lia_workspace_to_data (fx->workspace, NULL);
  g_ptr_array_add (report->lines, NULL);
  all = g_strjoinv ("\n", (char **) report->lines->pdata);
  g_ptr_array_remove_index (report->lines, report->lines->len - 1);
  g_test_message ("%s", all);
  g_assert_cmpuint (report->errors, >=, 1);
  g_assert_cmpuint (report->pulled, ==, 0);
  g_assert_nonnull (strstr (all, "surrogate"));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, summary);
  g_assert_cmpstr (before, ==, after);

  /* Once the server answers properly again, the rename comes through. */
  fake_tracker_patch_answers (fx->fake, NULL, NULL);
  g_clear_pointer (&report, lia_sync_report_free);
  report = sync_now (fx);
  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, "Renamed SURROGATE-HERE");
}

/* A value from the tracker that the file could not hold (here an empty
 * title, as a broken server might send) is not taken: the local value
 * stays, the report says why, and the workspace still saves. */
static void
test_refused_remote_value (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(LiaSyncReport) first = sync_now (fx);
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autofree char *key = g_strdup (remote_key (task));
  g_autofree char *summary = g_strdup (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY));
  g_autoptr(LiaSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;

  fake_tracker_remote_edit (fx->fake, key, "EMPTY-TITLE", TRUE);
  fake_tracker_patch_answers (fx->fake, "EMPTY-TITLE", "");
  report = sync_now (fx);
  g_ptr_array_add (report->lines, NULL);
  all = g_strjoinv ("\n", (char **) report->lines->pdata);
  g_ptr_array_remove_index (report->lines, report->lines->len - 1);
  g_test_message ("%s", all);

  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_SUMMARY), ==, summary);
  g_assert_nonnull (strstr (all, "the tracker's value was not taken (summary: must not be empty)"));
  /* The rest of the pull came through. */
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_STATUS), ==, "done");
  g_assert_true (lia_workspace_check (fx->workspace, &error));
  g_assert_no_error (error);
}

static void
test_server_reason (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(LiaTask) task = add_task (fx, "orphan");
  g_autoptr(LiaSyncReport) report = NULL;
  g_autofree char *all = NULL;

  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_EPIC, g_str_has_prefix (fx->service, "jira") ? "VLLM-999" : "#999");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_ASSIGNEE, "nobody-here");
  report = sync_now (fx);
  g_assert_cmpuint (report->errors, >=, 1);
  g_ptr_array_add (report->lines, NULL);
  all = g_strjoinv ("\n", (char **) report->lines->pdata);
  g_assert_nonnull (strstr (all, "assignee"));
  g_assert_nonnull (strstr (all, "nobody-here"));
  if (g_str_has_prefix (fx->service, "jira"))
    {
      g_autoptr(LiaSyncReport) second = NULL;
      g_autofree char *text = NULL;

      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_ASSIGNEE, "");
      second = sync_now (fx);
      g_ptr_array_add (second->lines, NULL);
      text = g_strjoinv ("\n", (char **) second->lines->pdata);
      /* the fake's own words */
      g_assert_nonnull (strstr (text, "Issue 'VLLM-999' does not exist"));
      g_assert_nonnull (strstr (text, "400"));
    }
}

static void
test_in_flight (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(LiaSyncReport) report = NULL;

  fake_tracker_set_latency (fx->fake, 50);
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *name = g_strdup_printf ("task %u", i);
      g_autoptr(LiaTask) task = add_task (fx, name);
    }
  report = sync_now (fx);
  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpuint (report->created, ==, 25);
  g_assert_cmpuint (lia_http_get_peak_in_flight (fx->http), <=, 4);
  g_assert_cmpuint (fake_tracker_get_peak (fx->fake), <=, 4);
  g_assert_cmpuint (fake_tracker_get_peak (fx->fake), >=, 2);
}

static void
test_adf (void)
{
  const char *md = "# 标题 <b>&amp;\n\nSome **bold**, *em*, `code` and [a link](https://example.com).\n\n"
                   "1. one\n2. two\n   - nested 🚀\n\n```python\nprint('x')\n```\n\n> quoted\n\n---\n\nline\\\nbreak\n";
  g_autoptr(JsonNode) adf = lia_markdown_to_adf (md);
  g_autofree char *problem = NULL;
  g_autofree char *back = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) adf2 = NULL;
  g_autoptr(JsonNode) empty = lia_markdown_to_adf ("");
  g_autoptr(JsonNode) bad = json_from_string ("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"text\",\"text\":\"\"}]}", NULL);

  g_assert_true (lia_adf_check (adf, &problem));
  g_assert_true (lia_adf_check (empty, &problem));
  g_assert_false (lia_adf_check (bad, &problem));
  g_assert_nonnull (strstr (problem, "not allowed"));
  back = lia_adf_to_markdown (adf);
  g_assert_nonnull (strstr (back, "# 标题 <b>&"));
  g_assert_nonnull (strstr (back, "**bold**"));
  g_assert_nonnull (strstr (back, "[a link](https://example.com)"));
  g_assert_nonnull (strstr (back, "1. one\n2. two\n   - nested 🚀"));
  g_assert_nonnull (strstr (back, "```python\nprint('x')\n```"));
  /* A second trip changes nothing: the normal form is stable. */
  adf2 = lia_markdown_to_adf (back);
  again = lia_adf_to_markdown (adf2);
  g_assert_cmpstr (back, ==, again);
}

static void
test_wiki (void)
{
  g_autofree char *wiki = lia_markdown_to_wiki ("## Plan\n\n1. **design** the _batcher_\n2. see [docs](https://x.org)\n\n```c\nint x;\n```\n");
  g_autofree char *md = lia_wiki_to_markdown (wiki);

  g_assert_cmpstr (wiki, ==, "h2. Plan\n\n# *design* the _batcher_\n# see [docs|https://x.org]\n\n{code:c}\nint x;\n{code}");
  g_assert_cmpstr (md, ==, "## Plan\n\n1. **design** the *batcher*\n2. see [docs](https://x.org)\n\n```c\nint x;\n```");
}

static void
test_http_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) redmine = json_from_string ("{\"errors\":[\"Subject cannot be blank\",\"Due date is not a valid date\"]}", NULL);
  g_autoptr(JsonNode) jira = json_from_string ("{\"errorMessages\":[\"Field error\"],\"errors\":{\"summary\":\"You must specify a summary\"}}", NULL);
  g_autoptr(JsonNode) github = json_from_string ("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"field\":\"title\",\"code\":\"missing_field\"}]}", NULL);
  g_autoptr(JsonNode) gitlab = json_from_string ("{\"message\":{\"title\":[\"can't be blank\"]}}", NULL);
  g_autofree char *r1 = lia_http_server_reason (redmine);
  g_autofree char *r2 = lia_http_server_reason (jira);
  g_autofree char *r3 = lia_http_server_reason (github);
  g_autofree char *r4 = lia_http_server_reason (gitlab);

  g_assert_cmpstr (r1, ==, "Subject cannot be blank; Due date is not a valid date");
  g_assert_cmpstr (r2, ==, "Field error; summary: You must specify a summary");
  g_assert_cmpstr (r3, ==, "title: missing_field; Validation Failed");
  g_assert_cmpstr (r4, ==, "title: can't be blank");

  g_assert_false (lia_http_check_url ("http://jira.example.com", &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_true (lia_http_check_url ("http://127.0.0.1:8080", &error));
  g_assert_true (lia_http_check_url ("https://jira.example.com", &error));
  g_assert_false (lia_http_check_url ("not a url", &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID);
  g_clear_error (&error);
  /* TLS failures are never waved through: nothing listens there, so this
   * is a network error, not a silent success. */
  {
    g_autoptr(LiaHttp) http = lia_http_new ();
    lia_http_set_retry (http, 0, 1, 1);
    g_assert_false (lia_http_request (http, "GET", "https://127.0.0.1:1/", NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NETWORK);
  }
}

int
main (int argc, char **argv)
{
  static const char * const services[] = { "jira-cloud", "jira-dc", "github", "gitlab" };

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/adf", test_adf);
  g_test_add_func ("/sync/wiki", test_wiki);
  g_test_add_func ("/sync/http-rules", test_http_rules);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *a = g_strdup_printf ("/sync/%s/create-seed-task", services[i]);
      g_autofree char *b = g_strdup_printf ("/sync/%s/faults", services[i]);
      g_autofree char *c = g_strdup_printf ("/sync/%s/conflict-and-pull", services[i]);
      g_autofree char *d = g_strdup_printf ("/sync/%s/server-reason", services[i]);
      g_autofree char *e = g_strdup_printf ("/sync/%s/strict-answer", services[i]);

      g_test_add (a, Fixture, services[i], fixture_set_up, test_create_seed_task, fixture_tear_down);
      g_test_add (b, Fixture, services[i], fixture_set_up, test_faults, fixture_tear_down);
      g_test_add (c, Fixture, services[i], fixture_set_up, test_conflict_and_pull, fixture_tear_down);
      g_test_add (d, Fixture, services[i], fixture_set_up, test_server_reason, fixture_tear_down);
      g_test_add (e, Fixture, services[i], fixture_set_up, test_strict_answer, fixture_tear_down);
      {
        g_autofree char *f = g_strdup_printf ("/sync/%s/refused-remote-value", services[i]);
        g_test_add (f, Fixture, services[i], fixture_set_up, test_refused_remote_value, fixture_tear_down);
      }
    }
  g_test_add ("/sync/jira-cloud/at-most-four-in-flight", Fixture, "jira-cloud", fixture_set_up, test_in_flight, fixture_tear_down);
  return g_test_run ();
}
