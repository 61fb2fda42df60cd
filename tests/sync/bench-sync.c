/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-fake-tracker.h"
#include "lia-sync.h"

/* 1000 tasks pushed to a fake Jira Cloud that takes 50 ms per request.
 * With at most 4 requests in flight the bound is 1000 × 50 ms / 4 =
 * 12.5 s; the target is at most 1.2× that.  A bare client (four threads
 * posting the same JSON) is measured in the same run as the practical
 * floor. */

#define N 1000
#define LATENCY 50

static gpointer
bare_worker (gpointer data)
{
  FakeTracker *fake = data;
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autofree char *url = g_strconcat (fake_tracker_get_url (fake), "/rest/api/3/issue", NULL);
  g_autofree char *pair = g_base64_encode ((const guchar *) "u@x:t", 5);
  g_autofree char *auth = g_strconcat ("Basic ", pair, NULL);
  const char *headers[] = { "Authorization", auth, NULL };

  for (guint i = 0; i < N / 4; i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"fields\":{\"project\":{\"key\":\"VLLM\"},\"issuetype\":{\"name\":\"Task\"},"
                                               "\"summary\":\"bare %u\",\"labels\":[\"liaison-00000000-0000-0000-0000-%012u\"]}}", i, i);
      g_autoptr(JsonNode) body = json_from_string (text, NULL);
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GError) error = NULL;

      if (!lia_http_request (http, "POST", url, headers, body, &reply, NULL, NULL, &error))
        g_error ("bare: %s", error->message);
    }
  return NULL;
}

int
main (void)
{
  g_autoptr(FakeTracker) fake = fake_tracker_new ("jira-cloud", "t", "u@x");
  g_autoptr(FakeTracker) fake2 = fake_tracker_new ("jira-cloud", "t", "u@x");
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new ();
  g_autoptr(LiaTracker) tracker = NULL;
  g_autoptr(LiaSyncPlan) plan = NULL;
  g_autoptr(LiaSyncReport) report = NULL;
  LiaTrackerConfig config = { "jira-cloud", NULL, "VLLM", "u@x", "t", NULL, FALSE };
  GThread *threads[4];
  gint64 start;
  double bare, ours, bound = N * LATENCY / 4 / 1000.0;

  fake_tracker_set_latency (fake, LATENCY);
  fake_tracker_set_latency (fake2, LATENCY);
  config.url = fake_tracker_get_url (fake);
  tracker = lia_tracker_new (http, &config, NULL);
  for (guint i = 0; i < N; i++)
    {
      g_autoptr(LiaTask) task = lia_task_new ();
      g_autofree char *summary = g_strdup_printf ("Task %u", i);

      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Task");
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, summary);
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DESCRIPTION, "1. design\n2. build\n3. **measure**");
      g_list_store_append (lia_workspace_get_tasks (workspace), task);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 4; i++)
    threads[i] = g_thread_new ("bare", bare_worker, fake2);
  for (guint i = 0; i < 4; i++)
    g_thread_join (threads[i]);
  bare = (g_get_monotonic_time () - start) / 1e6;

  start = g_get_monotonic_time ();
  plan = lia_sync_plan_new (workspace, "jira-cloud", lia_tracker_get_base_url (tracker), FALSE);
  lia_sync_plan_execute (plan, tracker, NULL, NULL, NULL);
  report = lia_sync_plan_apply (plan, workspace);
  ours = (g_get_monotonic_time () - start) / 1e6;

  if (report->created != N || fake_tracker_get_n_issues (fake) != N)
    g_error ("created %u of %u", report->created, N);
  g_print ("push %u issues, %u ms latency, peak in flight %u\n", N, LATENCY, lia_http_get_peak_in_flight (http));
  g_print ("  bound (4 in flight)   %6.2f s\n", bound);
  g_print ("  bare client           %6.2f s  %.2fx bound\n", bare, bare / bound);
  g_print ("  liaison sync          %6.2f s  %.2fx bound  %.2fx bare  (target <= 1.2x bound)\n",
           ours, ours / bound, ours / bare);
  return 0;
}
