/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-fake-tracker.h"
#include "lia-sync.h"
#include "lia-workspace.h"

/* GitHub and GitLab as their documentation describes them: an edit's
 * "labels" replaces the whole set and a null milestone clears it, lists
 * come one page at a time (GitHub 30 unless asked for up to 100, GitLab
 * 20), GitHub silently drops the labels, assignees and milestone of a user
 * without push access, and its search lags behind. */

#define TOKEN "tok-SECRET-forge-77"

typedef struct
{
  const char   *service;
  FakeTracker  *fake;
  LiaHttp      *http;
  LiaTracker   *tracker;
  LiaWorkspace *workspace;
} Fixture;

static void
make_tracker (Fixture  *fx,
              gboolean  milestones)
{
  LiaTrackerConfig config = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&fx->tracker);
  config.service = fx->service;
  config.url = fake_tracker_get_url (fx->fake);
  config.project = fake_tracker_get_project (fx->fake);
  config.token = TOKEN;
  config.milestones = milestones;
  fx->tracker = lia_tracker_new (fx->http, &config, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->service = data;
  fx->fake = fake_tracker_new (fx->service, TOKEN, NULL);
  fx->http = lia_http_new ();
  lia_http_set_timeout (fx->http, 2);
  lia_http_set_retry (fx->http, 2, 50, 1000);
  make_tracker (fx, FALSE);
  fx->workspace = lia_workspace_new ();
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
  LiaSyncReport *report;

  lia_sync_plan_execute (plan, fx->tracker, NULL, NULL, NULL);
  report = lia_sync_plan_apply (plan, fx->workspace);
  for (guint i = 0; i < report->lines->len; i++)
    g_test_message ("%s", (char *) report->lines->pdata[i]);
  return report;
}

static LiaTask *
add_task (Fixture    *fx,
          const char *summary,
          const char *labels)
{
  LiaTask *task = lia_task_new ();
  g_auto(GStrv) list = g_strsplit (labels, ",", -1);

  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "VLLM");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, summary);
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DESCRIPTION, "Measure the batch scheduler.");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PRIORITY, "high");
  lia_entity_set_strv (LIA_ENTITY (task), LIA_TASK_LABELS, (const char * const *) list);
  g_list_store_append (lia_workspace_get_tasks (fx->workspace), task);
  return task;
}

static const char *
remote_key (LiaTask *task)
{
  LiaRemoteRef *ref = lia_entity_get_remote (LIA_ENTITY (task));
  return ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) : NULL;
}

/* The issue's labels as the service lists them: objects on GitHub,
 * strings on GitLab. */
static GStrv
remote_labels (Fixture    *fx,
               const char *key)
{
  g_autoptr(JsonNode) issue = fake_tracker_get_issue (fx->fake, key);
  JsonArray *labels = json_object_get_array_member (json_node_get_object (issue), "labels");
  GStrvBuilder *sb = g_strv_builder_new ();
  GStrv out;

  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *l = json_array_get_element (labels, i);
      g_strv_builder_add (sb, JSON_NODE_HOLDS_OBJECT (l) ? json_object_get_string_member (json_node_get_object (l), "name")
                                                         : json_node_get_string (l));
    }
  out = g_strv_builder_end (sb);
  g_strv_builder_unref (sb);
  return out;
}

static char *
remote_milestone (Fixture    *fx,
                  const char *key)
{
  g_autoptr(JsonNode) issue = fake_tracker_get_issue (fx->fake, key);
  JsonNode *m = json_object_get_member (json_node_get_object (issue), "milestone");

  if (m == NULL || !JSON_NODE_HOLDS_OBJECT (m))
    return NULL;
  return g_strdup (json_object_get_string_member (json_node_get_object (m), "title"));
}

static char *
remote_text (Fixture    *fx,
             const char *key,
             const char *member)
{
  g_autoptr(JsonNode) issue = fake_tracker_get_issue (fx->fake, key);
  return g_strdup (json_object_get_string_member (json_node_get_object (issue), member));
}

static gboolean
has (GStrv       labels,
     const char *label)
{
  return g_strv_contains ((const char * const *) labels, label);
}

/* Item 4: a label and a milestone set on the tracker's page, and its
 * status label, survive syncs that change the title and the priority;
 * Liaison swaps only its own priority label and never puts back a status
 * label someone removed. */
static void
test_foreign_labels_survive (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(LiaTask) task = add_task (fx, "Batch scheduler benchmark", "gpu");
  g_autofree char *marker = g_strconcat ("liaison-", lia_entity_get_id (LIA_ENTITY (task)), NULL);
  g_autofree char *key = NULL;

  {
    g_autoptr(LiaSyncReport) report = sync_now (fx);
    g_assert_cmpuint (report->errors, ==, 0);
    g_assert_cmpuint (report->created, ==, 1);
  }
  key = g_strdup (remote_key (task));
  fake_tracker_remote_label (fx->fake, key, "needs-triage", TRUE);
  fake_tracker_remote_label (fx->fake, key, "in progress", TRUE);
  fake_tracker_remote_milestone (fx->fake, key, "v1.0");

  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "Batch scheduler benchmark on H100");
  {
    g_autoptr(LiaSyncReport) report = sync_now (fx);
    g_auto(GStrv) labels = remote_labels (fx, key);
    g_autofree char *milestone = remote_milestone (fx, key);
    g_autofree char *title = remote_text (fx, key, "title");

    g_assert_cmpuint (report->errors, ==, 0);
    g_assert_cmpstr (title, ==, "Batch scheduler benchmark on H100");
    g_assert_true (has (labels, "needs-triage"));
    g_assert_true (has (labels, "in progress"));
    g_assert_true (has (labels, "gpu"));
    g_assert_true (has (labels, "Task"));
    g_assert_true (has (labels, "priority: high"));
    g_assert_true (has (labels, marker));
    g_assert_cmpstr (milestone, ==, "v1.0");
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_STATUS), ==, "in-progress");
  }

  /* The priority label is Liaison's: the old one goes, the new one comes. */
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PRIORITY, "low");
  fake_tracker_remote_label (fx->fake, key, "in progress", FALSE);
  {
    g_autoptr(LiaSyncReport) report = sync_now (fx);
    g_auto(GStrv) labels = remote_labels (fx, key);
    g_autofree char *milestone = remote_milestone (fx, key);

    g_assert_cmpuint (report->errors, ==, 0);
    g_assert_true (has (labels, "priority: low"));
    g_assert_false (has (labels, "priority: high"));
    g_assert_true (has (labels, "needs-triage"));
    g_assert_false (has (labels, "in progress"));
    g_assert_true (has (labels, marker));
    g_assert_cmpstr (milestone, ==, "v1.0");
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_STATUS), ==, "todo");
  }
}

/* Item 4: status is the tracker's, even when a task carries it as a
 * label. */
static void
test_status_label_not_sent (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(LiaTask) task = add_task (fx, "Tune KV cache eviction", "in progress,kv-cache");
  g_autoptr(LiaSyncReport) report = sync_now (fx);
  g_auto(GStrv) labels = NULL;

  g_assert_cmpuint (report->errors, ==, 0);
  labels = remote_labels (fx, remote_key (task));
  g_assert_true (has (labels, "kv-cache"));
  g_assert_false (has (labels, "in progress"));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_STATUS), ==, "todo");
}

/* GitHub: a due date cleared in Liaison clears the date milestone Liaison
 * made for it (or the date would come back on the next pull), and only
 * that one. */
static void
test_due_milestone_cleared (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(LiaTask) task = add_task (fx, "Ship the batching RFC", "");
  g_autofree char *key = NULL;

  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DUE, "2026-03-31");
  {
    g_autoptr(LiaSyncReport) report = sync_now (fx);
    g_autofree char *milestone = NULL;

    g_assert_cmpuint (report->errors, ==, 0);
    key = g_strdup (remote_key (task));
    milestone = remote_milestone (fx, key);
    g_assert_cmpstr (milestone, ==, "2026-03-31");
  }
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DUE, "");
  {
    g_autoptr(LiaSyncReport) report = sync_now (fx);
    g_autofree char *milestone = remote_milestone (fx, key);

    g_assert_cmpuint (report->errors, ==, 0);
    g_assert_null (milestone);
  }
  {
    g_autoptr(LiaSyncReport) report = sync_now (fx);
    g_assert_cmpuint (report->errors, ==, 0);
    g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (task), LIA_TASK_DUE), ==, "");
  }
}

/* Item 9: the user to assign and the milestone to reuse are past the first
 * 100 items; the lists of users and projects are read to the end. */
/* GitHub's secondary limit (the fake's, scaled down from GitHub's
 * documented rule: writes one at a time): a sync of several tasks sends
 * its writes serially and never meets it, where four writes at once do. */
static void
test_secondary_limit (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(LiaSyncReport) serial = NULL;
  g_autoptr(LiaSyncReport) parallel = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  fake_tracker_set_latency (fx->fake, 20);
  fake_github_set_secondary_limit (fx->fake, 15);
  lia_http_set_write_policy (fx->http, "127.0.0.1", TRUE, 30);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Serial write %u", i);
      g_ptr_array_add (tasks, add_task (fx, summary, ""));
    }
  serial = sync_now (fx);
  g_assert_cmpuint (serial->errors, ==, 0);
  g_assert_cmpuint (serial->created, ==, 6);
  g_assert_cmpuint (fake_github_get_secondary_hits (fx->fake), ==, 0);

  /* Without the policy the same sync trips the limit: the fake is not
   * lenient, so the count above means something. */
  lia_http_set_write_policy (fx->http, "127.0.0.1", FALSE, 0);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Parallel write %u", i);
      g_ptr_array_add (tasks, add_task (fx, summary, ""));
    }
  parallel = sync_now (fx);
  g_assert_cmpuint (fake_github_get_secondary_hits (fx->fake), >, 0);
}

static void
test_paging (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(LiaTask) task = add_task (fx, "Profile the sampler", "");
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *milestone = NULL;

  make_tracker (fx, TRUE);
  fake_tracker_add_users (fx->fake, 150);
  fake_tracker_add_projects (fx->fake, 130);
  for (guint i = 0; i < 130; i++)
    {
      g_autofree char *title = g_strdup_printf ("Sprint %03u", i);
      fake_tracker_add_milestone (fx->fake, i == 120 ? "2026-03-31" : title, NULL);
    }
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_ASSIGNEE, "infer-a");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DUE, "2026-03-31");
  {
    g_autoptr(LiaSyncReport) report = sync_now (fx);
    g_assert_cmpuint (report->errors, ==, 0);
    g_assert_cmpuint (report->created, ==, 1);
  }
  /* The milestone was found, not made a second time. */
  g_assert_cmpuint (fake_tracker_get_n_milestones (fx->fake), ==, 130);
  milestone = remote_milestone (fx, remote_key (task));
  g_assert_cmpstr (milestone, ==, "2026-03-31");

  users = lia_tracker_list (fx->tracker, LIA_TRACKER_LIST_USERS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 151);
  g_assert_cmpstr (users->pdata[150], ==, "infer-a");
  projects = lia_tracker_list (fx->tracker, LIA_TRACKER_LIST_PROJECTS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 131);
}

/* Item 9: a list that never ends is cut at 50 pages, in words. */
static void
test_page_cap (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  fake_tracker_add_users (fx->fake, 50 * 100 + 5);
  users = lia_tracker_list (fx->tracker, LIA_TRACKER_LIST_USERS, NULL, &error);
  g_assert_null (users);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "50 pages"));
  g_assert_nonnull (strstr (error->message, "5000 items"));
}

/* Item 5: right after a create the marker is found by an exact lookup,
 * however far behind the search index is. */
static void
test_lookup_is_exact (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(LiaIssue) issue = lia_issue_new ();
  g_autoptr(LiaIssue) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  fake_tracker_set_search_index_lag (fx->fake, 1000);
  lia_issue_set (&issue->marker, uuid);
  lia_issue_set (&issue->type, "Task");
  lia_issue_set (&issue->summary, "Warm up the CUDA graphs");
  lia_issue_set (&issue->priority, "medium");
  g_assert_true (lia_tracker_create (fx->tracker, issue, NULL, &error));
  g_assert_no_error (error);
  found = lia_tracker_find_by_marker (fx->tracker, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->key, ==, issue->key);
}

static LiaIssue *
new_issue (const char *summary)
{
  LiaIssue *issue = lia_issue_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  lia_issue_set (&issue->marker, uuid);
  lia_issue_set (&issue->type, "Task");
  lia_issue_set (&issue->summary, summary);
  lia_issue_set (&issue->description, "Steps in the design doc.");
  lia_issue_set (&issue->priority, "high");
  lia_issue_set (&issue->due, "2026-03-31");
  return issue;
}

static void
check_no_push (Fixture *fx)
{
  g_autoptr(LiaIssue) first = new_issue ("Write the router");
  g_autoptr(LiaIssue) second = new_issue ("Test the router");
  g_autoptr(LiaIssue) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strdup_printf ("<!-- liaison:%s -->", first->marker);
  g_autofree char *body = NULL;

  g_assert_true (lia_tracker_create (fx->tracker, first, NULL, &error));
  g_assert_no_error (error);
  body = remote_text (fx, first->key, "body");
  g_assert_nonnull (strstr (body, line));
  g_assert_cmpuint (g_strv_length (first->warnings), ==, 1);
  g_assert_nonnull (strstr (first->warnings[0], "push access to team/vllm"));

  /* Once per account. */
  g_assert_true (lia_tracker_create (fx->tracker, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (second->warnings), ==, 0);

  /* Found by the line when the answer of a create is lost … */
  found = lia_tracker_find_by_marker (fx->tracker, first->marker, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->key, ==, first->key);
  g_assert_cmpstr (found->description, ==, "Steps in the design doc.");

  /* … and an edit keeps it. */
  lia_issue_set (&first->summary, "Write the request router");
  g_assert_true (lia_tracker_update (fx->tracker, first, NULL, &error));
  g_assert_no_error (error);
  g_free (body);
  body = remote_text (fx, first->key, "body");
  g_assert_nonnull (strstr (body, line));
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
}

/* Item 7: a token without push access, as the repository says. */
static void
test_no_push_access (Fixture       *fx,
                     gconstpointer  data)
{
  fake_tracker_set_push_access (fx->fake, FALSE);
  check_no_push (fx);

  /* A create whose answer is lost is found by the line, not made twice. */
  {
    g_autoptr(LiaTask) task = add_task (fx, "Cache the tokenizer", "");
    g_autoptr(LiaSyncReport) report = NULL;

    fake_tracker_add_fault (fx->fake, FAKE_FAULT_LOST);
    report = sync_now (fx);
    g_assert_cmpuint (report->errors, ==, 0);
    g_assert_nonnull (remote_key (task));
    g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 3);
  }
}

/* Item 7: the repository claims push access, the create's answer shows the
 * labels were dropped all the same. */
static void
test_no_push_from_answer (Fixture       *fx,
                          gconstpointer  data)
{
  fake_tracker_set_push_access (fx->fake, FALSE);
  fake_tracker_patch_answers (fx->fake, "\"push\":false", "\"push\":true");
  check_no_push (fx);
}

int
main (int argc, char **argv)
{
  static const char * const services[] = { "github", "gitlab" };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      static const struct { const char *name; void (*func) (Fixture *, gconstpointer); } tests[] = {
        { "foreign-labels-survive", test_foreign_labels_survive },
        { "status-label-not-sent", test_status_label_not_sent },
        { "paging", test_paging },
        { "page-cap", test_page_cap },
        { "lookup-is-exact", test_lookup_is_exact },
      };

      for (guint j = 0; j < G_N_ELEMENTS (tests); j++)
        {
          g_autofree char *path = g_strdup_printf ("/forges/%s/%s", services[i], tests[j].name);
          g_test_add (path, Fixture, services[i], fixture_set_up, tests[j].func, fixture_tear_down);
        }
    }
  g_test_add ("/forges/github/due-milestone-cleared", Fixture, "github", fixture_set_up, test_due_milestone_cleared, fixture_tear_down);
  g_test_add ("/forges/github/secondary-limit", Fixture, "github", fixture_set_up, test_secondary_limit, fixture_tear_down);
  g_test_add ("/forges/github/no-push-access", Fixture, "github", fixture_set_up, test_no_push_access, fixture_tear_down);
  g_test_add ("/forges/github/no-push-from-answer", Fixture, "github", fixture_set_up, test_no_push_from_answer, fixture_tear_down);
  return g_test_run ();
}
