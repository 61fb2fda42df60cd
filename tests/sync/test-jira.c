/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Jira against a fake that answers as Jira's REST references describe:
 * screens per issue type (createmeta, editmeta), Epic Name required on
 * Data Center with site-specific field ids, label edits through the
 * "update" verbs, assignable users past the first thousand, paged lists
 * and the retired /rest/api/3/search. */
#include "config.h"

#include <string.h>

#include "lia-fake-tracker.h"
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
} Fixture;

static gboolean
is_cloud (Fixture *fx)
{
  return g_str_equal (fx->service, "jira-cloud");
}

static void
make_tracker (Fixture    *fx,
              const char *epic_field)
{
  LiaTrackerConfig config = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&fx->tracker);
  config.service = fx->service;
  config.url = fake_tracker_get_url (fx->fake);
  config.project = fake_tracker_get_project (fx->fake);
  config.user = USER;
  config.token = TOKEN;
  config.epic_field = epic_field;
  fx->tracker = lia_tracker_new (fx->http, &config, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->service = data;
  fx->fake = fake_tracker_new (fx->service, TOKEN, USER);
  fx->http = lia_http_new ();
  lia_http_set_timeout (fx->http, 5);
  lia_http_set_retry (fx->http, 3, 50, 2000);
  /* No Epic Link configured: it is found on the screens. */
  make_tracker (fx, NULL);
  fx->workspace = lia_workspace_new_sample ("zh_CN");
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
    g_test_message ("%s", (const char *) report->lines->pdata[i]);
  return report;
}

static char *
report_text (LiaSyncReport *report)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < report->lines->len; i++)
    g_string_append_printf (all, "%s\n", (const char *) report->lines->pdata[i]);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static LiaTask *
first_task (LiaWorkspace *workspace)
{
  return g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_tasks (workspace)), 0);
}

static const char *
remote_key (gpointer entity)
{
  LiaRemoteRef *ref = lia_entity_get_remote (LIA_ENTITY (entity));
  return ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) : NULL;
}

static JsonObject *
fields_of (JsonNode *issue)
{
  return json_object_get_object_member (json_node_get_object (issue), "fields");
}

static LiaIssue *
new_issue (const char *type,
           const char *summary)
{
  LiaIssue *issue = lia_issue_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  lia_issue_set (&issue->marker, uuid);
  lia_issue_set (&issue->type, type);
  lia_issue_set (&issue->summary, summary);
  lia_issue_set (&issue->priority, "medium");
  return issue;
}

static gboolean
has_warning (LiaIssue   *issue,
             const char *text)
{
  for (guint i = 0; issue->warnings && issue->warnings[i]; i++)
    if (strstr (issue->warnings[i], text))
      return TRUE;
  return FALSE;
}

/* Item 1: a default Jira Software Data Center requires Epic Name on an
 * epic, and its Epic Name and Epic Link fields have site-specific ids.
 * The seed task's epic (given by name) is created with its Epic Name and
 * the task is linked to it through the Epic Link found on the screen. */
static void
test_dc_epic_name (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(LiaSyncReport) report = NULL;
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autoptr(JsonNode) issue = NULL;
  g_autoptr(JsonNode) epic = NULL;
  g_autoptr(LiaIssue) fetched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  const char *epic_key;

  fake_jira_set_epic_fields (fx->fake, "customfield_12711", "customfield_12713");
  report = sync_now (fx);
  all = report_text (report);
  g_assert_null (strstr (all, "Epic Name is required"));
  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpuint (fake_tracker_get_n_issues (fx->fake), ==, 2);
  issue = fake_tracker_get_issue (fx->fake, remote_key (task));
  g_assert_nonnull (issue);
  g_assert_true (json_object_has_member (fields_of (issue), "customfield_12713"));
  epic_key = json_object_get_string_member (fields_of (issue), "customfield_12713");
  epic = fake_tracker_get_issue (fx->fake, epic_key);
  g_assert_nonnull (epic);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fields_of (epic), "issuetype"), "name"), ==, "Epic");

  /* A fresh tracker object (a later sync) reads the epic back too. */
  make_tracker (fx, NULL);
  fetched = lia_tracker_fetch (fx->tracker, remote_key (task), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->epic, ==, epic_key);
}

/* Item 1 for "Create in Tracker": a requirement becomes an epic (with its
 * Epic Name) and each step a story linked to it. */
static void
test_dc_requirement_epic (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(LiaEntity) requirement = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (fx->workspace)), 0);
  GListModel *steps = G_LIST_MODEL (lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS));
  g_autoptr(LiaSyncReport) report = NULL;
  g_autoptr(JsonNode) epic = NULL;
  const char *epic_key;

  fake_jira_set_epic_fields (fx->fake, "customfield_12711", "customfield_12713");
  /* the sample's owners are not users of the fake */
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);
      lia_entity_set_string (step, LIA_STEP_OWNER, "");
    }
  lia_entity_set_string (requirement, LIA_REQUIREMENT_OWNER, "");
  lia_sync_queue_requirement (fx->workspace, LIA_REQUIREMENT (requirement), fx->service,
                              lia_tracker_get_base_url (fx->tracker));
  report = sync_now (fx);
  g_assert_cmpuint (report->errors, ==, 0);
  epic_key = remote_key (requirement);
  g_assert_nonnull (epic_key);
  epic = fake_tracker_get_issue (fx->fake, epic_key);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fields_of (epic), "issuetype"), "name"), ==, "Epic");
  g_assert_cmpuint (g_list_model_get_n_items (steps), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);
      g_autoptr(JsonNode) story = fake_tracker_get_issue (fx->fake, remote_key (step));

      g_assert_nonnull (story);
      g_assert_cmpstr (json_object_get_string_member (fields_of (story), "customfield_12713"), ==, epic_key);
    }
}

/* Item 2: the Bug screen has no Due date and no Priority.  Neither is
 * sent; the create succeeds with a warning for each; nothing empty is
 * sent as null.  An update says the same for the edit screen. */
static void
test_fields_not_on_screen (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(LiaIssue) issue = new_issue ("Bug", "Crash in the scheduler");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) stored = NULL;

  lia_issue_set (&issue->priority, "high");
  lia_issue_set (&issue->due, "2026-03-31");
  g_assert_true (lia_tracker_create (fx->tracker, issue, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_warning (issue, "due date not set: the Bug screen in VLLM has no Due date field"));
  g_assert_true (has_warning (issue, "priority not set: the Bug screen in VLLM has no Priority field"));
  g_assert_cmpuint (g_strv_length (issue->warnings), ==, 2);
  stored = fake_tracker_get_issue (fx->fake, issue->key);
  g_assert_true (json_object_get_null_member (fields_of (stored), "duedate"));

  /* The same create on a Task screen that has both: no warning. */
  {
    g_autoptr(LiaIssue) task = new_issue ("Task", "Tune the scheduler");

    g_autoptr(JsonNode) cleared = NULL;

    lia_issue_set (&task->due, "2026-03-31");
    g_assert_true (lia_tracker_create (fx->tracker, task, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (task->warnings), ==, 0);

    /* Clearing the due date here clears it there: the Task edit screen
     * has the field, so null may be sent. */
    lia_issue_set (&task->due, "");
    g_assert_true (lia_tracker_update (fx->tracker, task, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (task->warnings), ==, 0);
    cleared = fake_tracker_get_issue (fx->fake, task->key);
    g_assert_true (json_object_get_null_member (fields_of (cleared), "duedate"));
  }

  /* An edit of the Bug. */
  lia_issue_set (&issue->summary, "Crash in the scheduler under load");
  lia_issue_set (&issue->due, "2026-04-30");
  g_assert_true (lia_tracker_update (fx->tracker, issue, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_warning (issue, "due date not updated"));
  /* Clearing a field the edit screen lacks: nothing to say. */
  g_strfreev (issue->warnings);
  issue->warnings = g_new0 (char *, 1);
  lia_issue_set (&issue->due, "");
  g_assert_true (lia_tracker_update (fx->tracker, issue, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_warning (issue, "due date"));
  g_clear_pointer (&stored, json_node_unref);
  stored = fake_tracker_get_issue (fx->fake, issue->key);
  g_assert_cmpstr (json_object_get_string_member (fields_of (stored), "summary"), ==, "Crash in the scheduler under load");

  /* The screens were read once for the tracker object, not per issue. */
  g_assert_cmpuint (fake_jira_count_requests (fx->fake, "/issuetypes?startAt=0"), ==, 1);
  g_assert_cmpuint (fake_jira_count_requests (fx->fake, "/issuetypes/10004?startAt=0"), ==, 1);
}

/* Item 2 through the engine: a Bug task with a due date syncs without
 * an error. */
static void
test_bug_task_syncs (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autoptr(LiaSyncReport) report = NULL;

  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Bug");
  report = sync_now (fx);
  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_nonnull (remote_key (task));
}

/* Item 4: a label someone added in Jira survives a sync that changes the
 * summary; Liaison's own labels and its marker stay too. */
static void
test_remote_label_kept (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(LiaSyncReport) first = sync_now (fx);
  g_autoptr(LiaSyncReport) second = NULL;
  g_autoptr(LiaTask) task = first_task (fx->workspace);
  g_autoptr(JsonNode) issue = NULL;
  g_autofree char *marker = g_strconcat ("liaison-", lia_entity_get_id (LIA_ENTITY (task)), NULL);
  JsonArray *labels;
  gboolean kept = FALSE, has_marker = FALSE;

  g_assert_cmpuint (first->errors, ==, 0);
  fake_jira_remote_add_label (fx->fake, remote_key (task), "customer-escalation");
  lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, "实现Continuous Batching功能 (v2)");
  second = sync_now (fx);
  g_assert_cmpuint (second->errors, ==, 0);
  issue = fake_tracker_get_issue (fx->fake, remote_key (task));
  g_assert_cmpstr (json_object_get_string_member (fields_of (issue), "summary"), ==, "实现Continuous Batching功能 (v2)");
  labels = json_object_get_array_member (fields_of (issue), "labels");
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      kept |= g_str_equal (json_array_get_string_element (labels, i), "customer-escalation");
      has_marker |= g_str_equal (json_array_get_string_element (labels, i), marker);
    }
  g_assert_true (kept);
  g_assert_true (has_marker);
}

static char *
create_error (Fixture    *fx,
              const char *assignee)
{
  g_autoptr(LiaIssue) issue = new_issue ("Task", "Review the batching design");
  g_autoptr(GError) error = NULL;

  lia_issue_set (&issue->assignee, assignee);
  g_assert_false (lia_tracker_create (fx->tracker, issue, NULL, &error));
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static const char *
create_assigned (Fixture    *fx,
                 const char *assignee,
                 JsonNode  **stored)
{
  g_autoptr(LiaIssue) issue = new_issue ("Task", "Review the batching design");
  g_autoptr(GError) error = NULL;
  JsonObject *who;

  lia_issue_set (&issue->assignee, assignee);
  g_assert_true (lia_tracker_create (fx->tracker, issue, NULL, &error));
  g_assert_no_error (error);
  *stored = fake_tracker_get_issue (fx->fake, issue->key);
  who = json_object_get_object_member (fields_of (*stored), "assignee");
  g_assert_nonnull (who);
  return json_object_get_string_member (who, is_cloud (fx) ? "accountId" : "name");
}

/* Item 8: assignees by display name, e-mail or id among more than a
 * thousand users, the wanted one past the first thousand; clear words
 * for no one and for several. */
static void
test_assignee (Fixture       *fx,
               gconstpointer  data)
{
  const char *zhang = is_cloud (fx) ? FAKE_JIRA_ZHANG_WEI : "zwei";
  g_autoptr(JsonNode) a = NULL, b = NULL, c = NULL, d = NULL;
  g_autofree char *nobody = NULL, *several = NULL;

  g_assert_cmpstr (create_assigned (fx, "Zhang Wei", &a), ==, zhang);
  g_assert_cmpstr (create_assigned (fx, "zhang.wei@example.com", &b), ==, zhang);
  g_assert_cmpstr (create_assigned (fx, zhang, &c), ==, zhang);
  if (is_cloud (fx))
    /* A raw account id is taken as it is (both forms). */
    g_assert_cmpstr (create_assigned (fx, "5b10ac8d82e05b22cc000005", &d), ==, "5b10ac8d82e05b22cc000005");

  nobody = create_error (fx, "Wang Fang");
  g_assert_cmpstr (nobody, ==, "assignee: no one called “Wang Fang” can be assigned in project VLLM");
  several = create_error (fx, "li na");
  g_assert_nonnull (strstr (several, "assignee: “li na” matches several people (Li Na, Li Na); use the "));
  /* A prefix is not a match. */
  g_free (nobody);
  nobody = create_error (fx, "Zhang");
  g_assert_nonnull (strstr (nobody, "no one called “Zhang”"));
}

/* Item 9: lists are read to their end, page by page. */
static void
test_lists_paged (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = lia_tracker_list (fx->tracker, LIA_TRACKER_LIST_PROJECTS, NULL, &error);
  g_autoptr(GPtrArray) types = NULL, users = NULL;
  g_autoptr(LiaIssue) found = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 150);
  g_assert_true (g_ptr_array_find_with_equal_func (projects, "P149", g_str_equal, NULL));
  types = lia_tracker_list (fx->tracker, LIA_TRACKER_LIST_TYPES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 5);
  g_assert_true (g_ptr_array_find_with_equal_func (types, "Bug", g_str_equal, NULL));
  users = lia_tracker_list (fx->tracker, LIA_TRACKER_LIST_USERS, NULL, &error);
  g_assert_no_error (error);
  /* Cloud lists its first thousand accounts without a query. */
  g_assert_cmpuint (users->len, ==, is_cloud (fx) ? 1000 : 1153);   /* both Li Na under one name */

  /* The marker search uses /search/jql on Cloud, never the retired
   * /search (410 Gone). */
  found = lia_tracker_find_by_marker (fx->tracker, "00000000-0000-4000-8000-000000000000", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_cmpuint (fake_jira_count_requests (fx->fake, "/rest/api/3/search?"), ==, 0);
}

/* A server whose lists never end: Liaison stops after its cap and says
 * so, instead of reading forever. */
static void
test_endless_list (Fixture       *fx,
                   gconstpointer  data)
{
  static const LiaTrackerList lists[] = { LIA_TRACKER_LIST_TYPES, LIA_TRACKER_LIST_USERS, LIA_TRACKER_LIST_PROJECTS };

  fake_jira_set_endless (fx->fake, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = lia_tracker_list (fx->tracker, lists[i], NULL, &error);

      if (lists[i] == LIA_TRACKER_LIST_PROJECTS && !is_cloud (fx))
        {
          /* Data Center lists its projects in one answer. */
          g_assert_no_error (error);
          continue;
        }
      g_assert_null (items);
      g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "the list goes on after 50 pages of 100; Liaison reads no further"));
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *services[] = { "jira-cloud", "jira-dc" };

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/jira/jira-dc/epic-name", Fixture, "jira-dc", fixture_set_up, test_dc_epic_name, fixture_tear_down);
  g_test_add ("/jira/jira-dc/requirement-epic", Fixture, "jira-dc", fixture_set_up, test_dc_requirement_epic, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *a = g_strdup_printf ("/jira/%s/fields-not-on-screen", services[i]);
      g_autofree char *b = g_strdup_printf ("/jira/%s/bug-task-syncs", services[i]);
      g_autofree char *c = g_strdup_printf ("/jira/%s/remote-label-kept", services[i]);
      g_autofree char *d = g_strdup_printf ("/jira/%s/assignee", services[i]);
      g_autofree char *e = g_strdup_printf ("/jira/%s/lists-paged", services[i]);
      g_autofree char *f = g_strdup_printf ("/jira/%s/endless-list", services[i]);

      g_test_add (a, Fixture, services[i], fixture_set_up, test_fields_not_on_screen, fixture_tear_down);
      g_test_add (b, Fixture, services[i], fixture_set_up, test_bug_task_syncs, fixture_tear_down);
      g_test_add (c, Fixture, services[i], fixture_set_up, test_remote_label_kept, fixture_tear_down);
      g_test_add (d, Fixture, services[i], fixture_set_up, test_assignee, fixture_tear_down);
      g_test_add (e, Fixture, services[i], fixture_set_up, test_lists_paged, fixture_tear_down);
      g_test_add (f, Fixture, services[i], fixture_set_up, test_endless_list, fixture_tear_down);
    }
  return g_test_run ();
}
