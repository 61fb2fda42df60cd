/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>

#include "lia-fake-tracker.h"
#include "lia-markup.h"
#include "lia-sync.h"
#include "lia-workspace.h"

#define TOKEN "tok-SECRET-5f3a9c"
#define USER "lead@example.com"

typedef struct
{
  const char   *service;
  FakeTracker  *fake;
  LiaHttp      *http;
  LiaTracker   *tracker;
  LiaWorkspace *workspace;
  gint64        now;            /* the syncs' clock, µs: never the real date */
} Fixture;

/* 2026-01-01T00:00:00Z, the tests' "now"; the quiet period is one minute. */
#define TEST_EPOCH (G_GINT64_CONSTANT (1767225600) * G_USEC_PER_SEC)
#define TEST_CONFIRM_AFTER 60

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
  fx->now = TEST_EPOCH;
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
  LiaSyncOptions options = { .confirm_after = TEST_CONFIRM_AFTER, .now = fx->now };
  g_autoptr(LiaSyncPlan) plan = lia_sync_plan_new_full (fx->workspace, fx->service,
                                                        lia_tracker_get_base_url (fx->tracker), FALSE, &options);
  lia_sync_plan_execute (plan, fx->tracker, NULL, NULL, NULL);
  return lia_sync_plan_apply (plan, fx->workspace);
}

static char *
report_text (LiaSyncReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < report->lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) report->lines->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
op_state (Fixture  *fx,
          gpointer  entity)
{
  LiaOutboxOp *op = lia_sync_find_op (fx->workspace, lia_entity_get_id (LIA_ENTITY (entity)));
  return op ? lia_entity_get_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE) : NULL;
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

  g_assert_cmpuint (first->errors, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(LiaTask) task = add_task (fx, faults[i].name);
      g_autoptr(LiaSyncReport) report = NULL;


      g_test_message ("%s: %s", fx->service, faults[i].name);
      fake_tracker_add_fault (fx->fake, faults[i].fault);
      report = sync_now (fx);
      g_assert_cmpuint (report->errors, ==, 0);
      /* A reset always, and a 503 once LiaHttp stops repeating a POST
       * after it, leave the outcome open. */
      if (faults[i].fault == FAKE_FAULT_RESET || (faults[i].fault == FAKE_FAULT_503 && report->waiting > 0))
        {
          /* Dropped before an answer: it may have landed, so it is not
           * sent again in this sync but waits to be confirmed … */
          g_autoptr(LiaSyncReport) later = NULL;

          g_assert_cmpuint (report->waiting, ==, 1);
          g_assert_cmpuint (fake_tracker_count_marker (fx->fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 0);
          g_assert_cmpstr (op_state (fx, task), ==, "uncertain");
          /* … and is created once the quiet period is over. */
          fx->now += (TEST_CONFIRM_AFTER + 1) * G_USEC_PER_SEC;
          later = sync_now (fx);
          g_assert_cmpuint (later->errors, ==, 0);
          g_assert_cmpuint (later->waiting, ==, 0);
          g_assert_cmpuint (later->created, ==, 1);
        }
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

/* Issue 16, items 5 and 12: every non-definitive outcome of a create, on
 * a tracker whose search lags behind (Jira Cloud's /search/jql, GitHub's
 * search): the create is never sent twice, the report says it waits to
 * be confirmed, and a later sync adopts the issue once it shows. */
static void
test_uncertain_create_with_search_lag (Fixture       *fx,
                                       gconstpointer  data)
{
  static const struct { FakeFault fault; const char *name; } faults[] = {
    { FAKE_FAULT_500_AFTER, "500 after the commit" }, { FAKE_FAULT_LOST, "answer lost after the commit" },
    { FAKE_FAULT_MALFORMED, "malformed JSON" }, { FAKE_FAULT_SLOW, "answer held past the timeout" },
    { FAKE_FAULT_503_AFTER, "503 after the commit" },
  };
  g_autoptr(LiaSyncReport) first = NULL;

  /* Only the new task: an epic by name would be looked up by a search
   * that lags too. */
  g_list_store_remove_all (lia_workspace_get_tasks (fx->workspace));
  first = sync_now (fx);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(LiaTask) task = add_task (fx, faults[i].name);
      const char *id = lia_entity_get_id (LIA_ENTITY (task));
      g_autoptr(LiaSyncReport) one = NULL;
      g_autoptr(LiaSyncReport) two = NULL;
      g_autoptr(LiaSyncReport) three = NULL;
      g_autofree char *text = NULL;
      g_autofree char *summary = NULL;
      guint writes;

      g_test_message ("%s: %s", fx->service, faults[i].name);
      fake_tracker_set_search_lag (fx->fake, 600000);
      fake_tracker_add_fault (fx->fake, faults[i].fault);
      writes = fake_tracker_get_writes (fx->fake);
      one = sync_now (fx);
      /* One write: no layer below the engine repeated the create. */
      g_assert_cmpuint (fake_tracker_get_writes (fx->fake) - writes, ==, 1);
      text = report_text (one);
      summary = lia_sync_report_summary (one);
      g_assert_cmpuint (one->errors, ==, 0);
      g_assert_cmpuint (one->created, ==, 0);
      g_assert_cmpuint (one->waiting, ==, 1);
      g_assert_nonnull (strstr (text, "waiting to confirm"));
      g_assert_nonnull (strstr (summary, "1 waiting to confirm"));
      g_assert_cmpuint (fake_tracker_count_marker (fx->fake, id), ==, 1);
      g_assert_null (remote_key (task));
      g_assert_cmpstr (op_state (fx, task), ==, "uncertain");

      /* An immediate resync: still not in the search, still not sent. */
      fx->now += G_USEC_PER_SEC;
      two = sync_now (fx);
      g_assert_cmpuint (two->waiting, ==, 1);
      g_assert_cmpuint (two->created, ==, 0);
      g_assert_cmpuint (fake_tracker_count_marker (fx->fake, id), ==, 1);

      /* The search catches up: the issue is adopted, not made again. */
      fake_tracker_set_search_lag (fx->fake, 0);
      fx->now += G_USEC_PER_SEC;
      three = sync_now (fx);
      g_assert_cmpuint (three->errors, ==, 0);
      g_assert_cmpuint (three->waiting, ==, 0);
      g_assert_cmpuint (three->created, ==, 1);
      g_assert_cmpuint (fake_tracker_count_marker (fx->fake, id), ==, 1);
      g_assert_nonnull (remote_key (task));
      g_assert_null (lia_sync_find_op (fx->workspace, id));
    }
}

/* A kill -9 after the create left: the outbox says "sending" (saved
 * before the request), nothing was applied.  An immediate resync on a
 * lagging search waits instead of creating a second issue. */
static void
test_crash_then_resync (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(LiaSyncReport) first = NULL;

  /* Only the new task: an epic by name would be looked up by a search
   * that lags too. */
  g_list_store_remove_all (lia_workspace_get_tasks (fx->workspace));
  first = sync_now (fx);
  g_autoptr(LiaTask) task = add_task (fx, "sent, then killed");
  const char *id = lia_entity_get_id (LIA_ENTITY (task));
  g_autoptr(LiaSyncReport) again = NULL;
  g_autoptr(LiaSyncReport) late = NULL;

  {
    LiaSyncOptions options = { .confirm_after = TEST_CONFIRM_AFTER, .now = fx->now };
    g_autoptr(LiaSyncPlan) plan = lia_sync_plan_new_full (fx->workspace, fx->service,
                                                          lia_tracker_get_base_url (fx->tracker), FALSE, &options);

    g_assert_cmpstr (op_state (fx, task), ==, "sending");
    lia_sync_plan_execute (plan, fx->tracker, NULL, NULL, NULL);
    /* killed here: no apply, no save */
  }
  g_assert_cmpuint (fake_tracker_count_marker (fx->fake, id), ==, 1);

  fake_tracker_set_search_lag (fx->fake, 600000);
  fx->now += 2 * G_USEC_PER_SEC;
  again = sync_now (fx);
  g_assert_cmpuint (again->waiting, ==, 1);
  g_assert_cmpuint (again->created, ==, 0);
  g_assert_cmpuint (fake_tracker_count_marker (fx->fake, id), ==, 1);
  g_assert_cmpstr (op_state (fx, task), ==, "uncertain");

  fake_tracker_set_search_lag (fx->fake, 0);
  fx->now += (TEST_CONFIRM_AFTER + 1) * G_USEC_PER_SEC;
  late = sync_now (fx);
  g_assert_cmpuint (late->created, ==, 1);
  g_assert_cmpuint (fake_tracker_count_marker (fx->fake, id), ==, 1);
  g_assert_nonnull (remote_key (task));
}

/* Issue 16, item 13: the epic's create failed when the task was created;
 * the next sync creates the epic and attaches the task to it. */
static void
test_reparent_after_failed_epic (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autoptr(LiaSyncReport) one = NULL;
  g_autoptr(LiaSyncReport) two = NULL;
  g_autoptr(LiaSyncReport) three = NULL;
  g_autoptr(JsonNode) issue = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  const char *key;
  const char *epic_key = NULL;

  /* The first create is the epic's (by name): refused. */
  fake_tracker_add_fault (fx->fake, FAKE_FAULT_401);
  one = sync_now (fx);
  g_assert_cmpuint (one->errors, ==, 1);
  key = remote_key (task);
  g_assert_nonnull (key);
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 1);

  two = sync_now (fx);
  text = report_text (two);
  g_assert_cmpuint (two->errors, ==, 0);
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
  issue = fake_tracker_get_issue (fx->fake, key);
  if (g_str_has_prefix (fx->service, "jira"))
    {
      JsonObject *fields = json_object_get_object_member (json_node_get_object (issue), "fields");
      if (g_str_equal (fx->service, "jira-cloud"))
        epic_key = json_object_has_member (fields, "parent")
                   ? json_object_get_string_member (json_object_get_object_member (fields, "parent"), "key") : NULL;
      else
        epic_key = json_object_has_member (fields, "customfield_10100")
                   ? json_object_get_string_member (fields, "customfield_10100") : NULL;
      g_assert_nonnull (epic_key);
      expected = g_strdup_printf ("%s: attached to epic %s", key, epic_key);
    }
  else
    {
      const char *body = json_object_get_string_member (json_node_get_object (issue),
                                                        g_str_equal (fx->service, "github") ? "body" : "description");
      /* the epic is the second issue made: #2 */
      g_assert_nonnull (strstr (body, "Part of #2"));
      expected = g_strdup_printf ("%s: attached to epic 2", key);
    }
  g_assert_nonnull (strstr (text, expected));

  /* and then nothing more to do */
  three = sync_now (fx);
  g_assert_cmpuint (three->updated, ==, 0);
  g_assert_cmpuint (three->unchanged, ==, 1);
}

/* Issue 16, item 16: one spelling per server. */
static void
test_normalize_url (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "https://jira.example.com/", "https://jira.example.com" },
    { "https://jira.example.com", "https://jira.example.com" },
    { "HTTPS://Jira.Example.COM:443", "https://jira.example.com" },
    { "https://jira.example.com:443/Jira//", "https://jira.example.com/Jira" },
    { "https://jira.example.com:8443/jira", "https://jira.example.com:8443/jira" },
    { "http://127.0.0.1:80/", "http://127.0.0.1" },
    { "HTTP://LocalHost:8080/api/v4/", "http://localhost:8080/api/v4" },
    { "https://api.github.com", "https://api.github.com" },
    { "https://user:secret@gitlab.example.com/api/v4", "https://gitlab.example.com/api/v4" },
    { "http://[::1]:3000/", "http://[::1]:3000" },
    { "not an address/", "not an address" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = lia_sync_normalize_url (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_true (lia_sync_same_url ("https://host/", "HTTPS://Host:443"));
  g_assert_true (lia_sync_same_url ("https://host", "https://host/"));
  g_assert_false (lia_sync_same_url ("https://host/a", "https://host/A"));
  g_assert_false (lia_sync_same_url ("https://host", "http://host"));
}

/* Issue 16, item 15: a password in the address is refused, never stored,
 * never repeated in the message, which points to the token instead. */
static void
test_url_userinfo (void)
{
  LiaTrackerConfig config = { 0 };
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaTracker) tracker = NULL;
  g_autofree char *url = NULL;

  g_assert_true (lia_sync_url_has_userinfo ("https://lead:pw-SECRET@jira.example.com"));
  g_assert_true (lia_sync_url_has_userinfo ("https://lead@jira.example.com"));
  g_assert_false (lia_sync_url_has_userinfo ("https://jira.example.com/a@b"));

  url = lia_sync_check_base_url ("https://lead:pw-SECRET@jira.example.com/", &error);
  g_assert_null (url);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID);
  g_assert_null (strstr (error->message, "pw-SECRET"));
  g_assert_nonnull (strstr (error->message, "token"));
  g_assert_nonnull (strstr (error->message, "https://jira.example.com"));
  g_clear_error (&error);

  config.service = "redmine";
  config.url = "http://admin:pw-SECRET@127.0.0.1:3000";
  config.project = "vllm";
  config.token = TOKEN;
  tracker = lia_tracker_new (http, &config, &error);
  g_assert_null (tracker);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID);
  g_assert_null (strstr (error->message, "pw-SECRET"));
  g_assert_nonnull (strstr (error->message, "LIAISON_TOKEN"));
  g_clear_error (&error);

  /* Without user-info the address is taken, normalised. */
  config.url = "HTTP://127.0.0.1:3000/";
  tracker = lia_tracker_new (http, &config, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_tracker_get_base_url (tracker), ==, "http://127.0.0.1:3000");
}

static LiaTracker *
tracker_at (Fixture    *fx,
            const char *url)
{
  LiaTrackerConfig config = { 0 };
  g_autoptr(GError) error = NULL;
  LiaTracker *tracker;

  config.service = fx->service;
  config.url = url;
  config.project = fake_tracker_get_project (fx->fake);
  config.user = USER;
  config.token = TOKEN;
  config.epic_field = g_str_equal (fx->service, "jira-dc") ? "customfield_10100" : NULL;
  tracker = lia_tracker_new (fx->http, &config, &error);
  g_assert_no_error (error);
  return tracker;
}

/* The same tracker typed two ways is one tracker: links stay, the epic
 * by name is found, nothing is created twice. */
static void
test_url_spellings (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *upper = g_strdup_printf ("HTTP://%s/", fake_tracker_get_url (fx->fake) + strlen ("http://"));
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autoptr(LiaSyncReport) one = NULL;
  g_autoptr(LiaSyncReport) two = NULL;
  LiaRemoteRef *ref;

  g_set_object (&fx->tracker, NULL);
  fx->tracker = tracker_at (fx, upper);
  one = sync_now (fx);
  g_assert_cmpuint (one->created, ==, 1);
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
  ref = lia_entity_get_remote (LIA_ENTITY (task));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_BASE_URL), ==, fake_tracker_get_url (fx->fake));

  g_set_object (&fx->tracker, NULL);
  fx->tracker = tracker_at (fx, fake_tracker_get_url (fx->fake));
  two = sync_now (fx);
  g_assert_cmpuint (two->created, ==, 0);
  g_assert_cmpuint (two->unchanged, ==, 1);
  g_assert_cmpuint (two->errors, ==, 0);
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
}

/* A workspace from before normalisation: its account is spelled
 * "HTTP://HOST:PORT/" and the epic by name carries a marker made from
 * that spelling (SHA-1 of "epic\nURL\nPROJECT\nNAME", as a UUID).  The
 * epic is found, not made again. */
static void
test_legacy_epic_marker (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *legacy_url = g_strdup_printf ("HTTP://%s", fake_tracker_get_url (fx->fake) + strlen ("http://"));
  g_autofree char *account_url = g_strconcat (legacy_url, "/", NULL);
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  const char *name = lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_EPIC);
  g_autofree char *seed = g_strconcat ("epic\n", legacy_url, "\n", fake_tracker_get_project (fx->fake), "\n", name, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);
  g_autofree char *marker = g_strdup_printf ("%.8s-%.4s-5%.3s-8%.3s-%.12s", hex, hex + 8, hex + 12, hex + 15, hex + 18);
  g_autoptr(LiaIssue) epic = lia_issue_new ();
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autoptr(LiaSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (name, !=, "");
  epic->is_epic = TRUE;
  lia_issue_set (&epic->marker, marker);
  lia_issue_set (&epic->type, "Epic");
  lia_issue_set (&epic->summary, name);
  lia_issue_set (&epic->priority, "medium");
  g_assert_true (lia_tracker_create (fx->tracker, epic, NULL, &error));
  g_assert_no_error (error);

  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE, fx->service);
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_URL, account_url);
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_PROJECT, fake_tracker_get_project (fx->fake));
  g_list_store_append (lia_workspace_get_accounts (fx->workspace), account);

  report = sync_now (fx);
  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpuint (report->created, ==, 1);
  /* the old epic and the task, no second epic */
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
  {
    g_autoptr(LiaIssue) remote = lia_tracker_fetch (fx->tracker, remote_key (task), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (remote->epic, ==, epic->key);
  }
}

/* liaison-cli sync refuses --url with a password (exit 2), says where the
 * token goes, and writes nothing. */
static void
test_cli_url_userinfo (void)
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("C");
  g_autofree char *dir = g_dir_make_tmp ("liaison-sync-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *out = NULL, *err = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LIAISON_TOKEN", TOKEN, TRUE);
  const char *argv[] = { g_getenv ("LIAISON_CLI"), "sync", "--service", "redmine",
                         "--url", "http://admin:pw-SECRET@127.0.0.1:9/", "--project", "vllm", path, NULL };
  int status;

  if (argv[0] == NULL)
    {
      g_test_skip ("LIAISON_CLI is not set (run through meson test)");
      return;
    }
  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "LIAISON_TOKEN"));
  g_assert_null (strstr (err, "pw-SECRET"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_null (strstr (after, "pw-SECRET"));
  g_unlink (path);
  g_remove (dir);
}

/* A tracker that takes every create and update but says, as Jira does for
 * a field missing from its screen, that it could not set the due date. */
typedef struct
{
  LiaTracker  parent_instance;
  GHashTable *issues;   /* key → LiaIssue */
  guint       next;
} WarnTracker;

typedef struct
{
  LiaTrackerClass parent_class;
} WarnTrackerClass;

static GType warn_tracker_get_type (void);
G_DEFINE_TYPE (WarnTracker, warn_tracker, LIA_TYPE_TRACKER)

static gboolean
warn_store (LiaTracker  *tracker,
            LiaIssue    *issue,
            gboolean     create)
{
  WarnTracker *self = (WarnTracker *) tracker;

  if (create)
    {
      g_autofree char *key = g_strdup_printf ("W-%u", ++self->next);
      lia_issue_set (&issue->key, key);
    }
  lia_issue_set (&issue->status, "todo");
  lia_issue_add_warning (issue, "due date: not on the screen of this issue type");
  g_hash_table_replace (self->issues, g_strdup (issue->key), lia_issue_copy (issue));
  return TRUE;
}

static gboolean
warn_create (LiaTracker *t, LiaIssue *issue, GCancellable *c, GError **error)
{
  return warn_store (t, issue, TRUE);
}

static gboolean
warn_update (LiaTracker *t, LiaIssue *issue, GCancellable *c, GError **error)
{
  return warn_store (t, issue, FALSE);
}

static LiaIssue *
warn_fetch (LiaTracker *t, const char *key, GCancellable *c, GError **error)
{
  LiaIssue *issue = g_hash_table_lookup (((WarnTracker *) t)->issues, key);
  return issue ? lia_issue_copy (issue) : NULL;
}

static LiaIssue *
warn_find (LiaTracker *t, const char *marker, GCancellable *c, GError **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, ((WarnTracker *) t)->issues);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (((LiaIssue *) value)->marker, marker) == 0)
      return lia_issue_copy (value);
  return NULL;
}

static void
warn_tracker_finalize (GObject *object)
{
  g_hash_table_unref (((WarnTracker *) object)->issues);
  G_OBJECT_CLASS (warn_tracker_parent_class)->finalize (object);
}

static void
warn_tracker_class_init (WarnTrackerClass *klass)
{
  LiaTrackerClass *tracker_class = LIA_TRACKER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = warn_tracker_finalize;
  tracker_class->create = warn_create;
  tracker_class->update = warn_update;
  tracker_class->fetch = warn_fetch;
  tracker_class->find_by_marker = warn_find;
}

static void
warn_tracker_init (WarnTracker *self)
{
  self->issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lia_issue_free);
}

/* What a tracker could not set reaches the report, for creates and
 * updates, without failing them. */
static void
test_warnings_reported (void)
{
  g_autoptr(LiaTracker) tracker = g_object_new (warn_tracker_get_type (), NULL);
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("C");
  g_autoptr(LiaTask) task = lia_task_new ();
  LiaSyncOptions options = { .now = TEST_EPOCH };
  g_autoptr(LiaSyncPlan) plan = NULL;
  g_autoptr(LiaSyncReport) report = NULL;
  g_autoptr(LiaSyncReport) second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  g_list_store_remove_all (lia_workspace_get_tasks (workspace));
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "VLLM");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "due on Friday");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DUE, "2026-03-27");
  g_list_store_append (lia_workspace_get_tasks (workspace), task);

  plan = lia_sync_plan_new_full (workspace, "jira-cloud", "https://example.atlassian.net", FALSE, &options);
  lia_sync_plan_execute (plan, tracker, NULL, NULL, NULL);
  report = lia_sync_plan_apply (plan, workspace);
  text = report_text (report);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpuint (report->warnings, ==, 1);
  g_assert_nonnull (strstr (text, "W-1: due on Friday: not set in the tracker: due date: not on the screen of this issue type"));
  /* and kept by entity, for the Tasks page to show on the task */
  g_assert_cmpstr (g_hash_table_lookup (report->notes, lia_entity_get_id (LIA_ENTITY (task))), ==,
                   "due date: not on the screen of this issue type");
  g_clear_pointer (&plan, lia_sync_plan_free);

  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "due on Thursday");
  plan = lia_sync_plan_new_full (workspace, "jira-cloud", "https://example.atlassian.net", FALSE, &options);
  lia_sync_plan_execute (plan, tracker, NULL, NULL, NULL);
  second = lia_sync_plan_apply (plan, workspace);
  text2 = report_text (second);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpuint (second->warnings, ==, 1);
  g_assert_nonnull (strstr (text2, "W-1: due on Thursday: not set in the tracker"));
}

static int
run_cli_sync (const char  *url,
              const char  *path,
              const char  *confirm_after,
              char       **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LIAISON_TOKEN", TOKEN, TRUE);
  const char *argv[] = { g_getenv ("LIAISON_CLI"), "sync", "--service", "gitlab", "--url", url,
                         "--project", "team/vllm", "--confirm-after", confirm_after, path, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", *out, err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* liaison-cli sync says "waiting to confirm" after a lost answer, keeps
 * the entry "uncertain" in the file, and an immediate second run on a
 * lagging search does not create a duplicate. */
static void
test_cli_waiting (void)
{
  g_autoptr(FakeTracker) fake = fake_tracker_new ("gitlab", TOKEN, USER);
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("C");
  g_autoptr(LiaTask) task = lia_task_new ();
  g_autofree char *dir = g_dir_make_tmp ("liaison-sync-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.liaison", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out1 = NULL, *out2 = NULL, *out3 = NULL, *saved = NULL;

  if (g_getenv ("LIAISON_CLI") == NULL)
    {
      g_test_skip ("LIAISON_CLI is not set (run through meson test)");
      return;
    }
  g_list_store_remove_all (lia_workspace_get_tasks (workspace));
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "team/vllm");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "answer lost");
  g_list_store_append (lia_workspace_get_tasks (workspace), task);
  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_no_error (error);

  fake_tracker_set_search_lag (fake, 600000);
  fake_tracker_add_fault (fake, FAKE_FAULT_LOST);
  g_assert_cmpint (run_cli_sync (fake_tracker_get_url (fake), path, "60", &out1), ==, 1);
  g_assert_nonnull (strstr (out1, "0 errors, 1 waiting to confirm"));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"state\": \"uncertain\""));
  g_assert_nonnull (strstr (saved, "\"uncertain_since\": \"20"));

  g_assert_cmpint (run_cli_sync (fake_tracker_get_url (fake), path, "60", &out2), ==, 1);
  g_assert_nonnull (strstr (out2, "1 waiting to confirm"));
  g_assert_cmpuint (fake_tracker_count_marker (fake, lia_entity_get_id (LIA_ENTITY (task))), ==, 1);

  g_assert_cmpint (run_cli_sync (fake_tracker_get_url (fake), path, "0", &out3), ==, 2);
  g_unlink (path);
  g_unlink (backup);
  g_remove (dir);
}

/* Issue 16, item 12: liaison-cli killed with SIGKILL while its create is
 * on the server.  The file already said "sending" before the request
 * left; an immediate second run on a lagging search waits instead of
 * creating the issue again. */
static void
test_cli_kill_then_resync (void)
{
  g_autoptr(FakeTracker) fake = fake_tracker_new ("gitlab", TOKEN, USER);
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("C");
  g_autoptr(LiaTask) task = lia_task_new ();
  g_autofree char *dir = g_dir_make_tmp ("liaison-sync-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.liaison", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *during = NULL, *out = NULL;
  g_auto(GStrv) envp = NULL;
  const char *argv[] = { g_getenv ("LIAISON_CLI"), "sync", "--service", "gitlab", "--url", fake_tracker_get_url (fake),
                         "--project", "team/vllm", path, NULL };
  GPid pid;
  int status;
  const char *id = lia_entity_get_id (LIA_ENTITY (task));

  if (argv[0] == NULL)
    {
      g_test_skip ("LIAISON_CLI is not set (run through meson test)");
      return;
    }
  g_list_store_remove_all (lia_workspace_get_tasks (workspace));
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "team/vllm");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "killed while sending");
  g_list_store_append (lia_workspace_get_tasks (workspace), task);
  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));

  envp = g_environ_setenv (g_get_environ (), "LIAISON_TOKEN", TOKEN, TRUE);
  envp = g_environ_setenv (envp, "LIAISON_HTTP_TIMEOUT", "30", TRUE);
  fake_tracker_set_search_lag (fake, 600000);
  fake_tracker_add_fault (fake, FAKE_FAULT_SLOW);   /* committed, answer held 3 s */
  g_assert_true (g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  for (guint i = 0; i < 200 && fake_tracker_count_marker (fake, id) == 0; i++)
    g_usleep (10000);
  g_assert_cmpuint (fake_tracker_count_marker (fake, id), ==, 1);
  g_assert_true (g_file_get_contents (path, &during, NULL, NULL));
  g_assert_nonnull (strstr (during, "\"state\": \"sending\""));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  g_assert_cmpint (run_cli_sync (fake_tracker_get_url (fake), path, "600", &out), ==, 1);
  g_assert_nonnull (strstr (out, "1 waiting to confirm"));
  g_assert_cmpuint (fake_tracker_count_marker (fake, id), ==, 1);
  g_unlink (path);
  g_unlink (backup);
  g_remove (dir);
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

  g_assert_cmpuint (first->errors, ==, 0);
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

  g_assert_cmpuint (first->errors, ==, 0);
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

  g_assert_cmpuint (first->errors, ==, 0);
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
      g_object_unref (add_task (fx, name));
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
  g_test_add_func ("/sync/normalize-url", test_normalize_url);
  g_test_add_func ("/sync/url-userinfo", test_url_userinfo);
  g_test_add_func ("/sync/cli/url-userinfo", test_cli_url_userinfo);
  g_test_add_func ("/sync/cli/waiting-to-confirm", test_cli_waiting);
  g_test_add_func ("/sync/cli/kill-then-resync", test_cli_kill_then_resync);
  g_test_add_func ("/sync/warnings-reported", test_warnings_reported);
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
        g_autofree char *g = g_strdup_printf ("/sync/%s/uncertain-create-with-search-lag", services[i]);
        g_autofree char *h = g_strdup_printf ("/sync/%s/crash-then-resync", services[i]);
        g_autofree char *k = g_strdup_printf ("/sync/%s/reparent-after-failed-epic", services[i]);

        g_test_add (g, Fixture, services[i], fixture_set_up, test_uncertain_create_with_search_lag, fixture_tear_down);
        g_test_add (h, Fixture, services[i], fixture_set_up, test_crash_then_resync, fixture_tear_down);
        g_test_add (k, Fixture, services[i], fixture_set_up, test_reparent_after_failed_epic, fixture_tear_down);
      }
      {
        g_autofree char *m = g_strdup_printf ("/sync/%s/url-spellings", services[i]);
        g_autofree char *n = g_strdup_printf ("/sync/%s/legacy-epic-marker", services[i]);

        g_test_add (m, Fixture, services[i], fixture_set_up, test_url_spellings, fixture_tear_down);
        g_test_add (n, Fixture, services[i], fixture_set_up, test_legacy_epic_marker, fixture_tear_down);
      }
      {
        g_autofree char *f = g_strdup_printf ("/sync/%s/refused-remote-value", services[i]);
        g_test_add (f, Fixture, services[i], fixture_set_up, test_refused_remote_value, fixture_tear_down);
      }
    }
  g_test_add ("/sync/jira-cloud/at-most-four-in-flight", Fixture, "jira-cloud", fixture_set_up, test_in_flight, fixture_tear_down);
  return g_test_run ();
}
