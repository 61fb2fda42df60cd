/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lia-cli.h"
#include "lia-sync.h"

/* liaison-cli sync: push pending changes to one tracker and pull status.
 * The token comes from LIAISON_TOKEN (and the Jira Cloud e-mail from
 * LIAISON_USER), never from an argument, so it stays out of shell history
 * and process lists. */

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  static gint64 last;
  gint64 now = g_get_monotonic_time ();

  if (done != total && now - last < 200000)
    return;
  last = now;
  /* Translators: progress on a terminal, "done/total" */
  fputc ('\r', stderr);
  fprintf (stderr, _("Syncing: %u/%u"), done, total);
  if (done == total)
    fputc ('\n', stderr);
}

int
lia_cli_sync (int    argc,
              char **argv)
{
  g_autofree char *service = NULL, *url = NULL, *project = NULL, *epic_field = NULL;
  gboolean dry_run = FALSE, json = FALSE, milestones = FALSE;
  GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, N_("jira-cloud, jira-dc, redmine, github or gitlab"), N_("SERVICE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The tracker’s address (for GitHub https://api.github.com, for GitLab https://HOST/api/v4)"), N_("URL") },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, N_("Project key, identifier or OWNER/REPO"), N_("KEY") },
    { "epic-field", 0, 0, G_OPTION_ARG_STRING, &epic_field, N_("Jira Data Center: the Epic Link custom field"), N_("FIELD") },
    { "milestones", 0, 0, G_OPTION_ARG_NONE, &milestones, N_("GitLab: put due dates on milestones"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only read: say what would be created, updated and pulled"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — push tasks to a tracker and pull their status"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autoptr(LiaTracker) tracker = NULL;
  g_autoptr(LiaSyncPlan) plan = NULL;
  g_autoptr(LiaSyncReport) report = NULL;
  LiaTrackerConfig config = { 0 };
  const char *timeout;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Creates an issue for every task not yet in the tracker (and every requirement step or action item queued in the app), "
      "updates issues whose task changed, and pulls status.  Changes on both sides are reported as conflicts, never overwritten.\n\n"
      "The token is read from LIAISON_TOKEN; Jira Cloud also needs LIAISON_USER (the account’s e-mail address).\n"
      "Exit status: 0 all synced, 1 errors or conflicts, 2 bad arguments or file."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 2)
    return lia_cli_usage_error (context, _("sync takes one FILE"));
  if (service == NULL || url == NULL || project == NULL)
    return lia_cli_usage_error (context, _("--service, --url and --project are required"));
  if (!g_strv_contains (lia_service_choices, service))
    return lia_cli_usage_error (context, _("--service: expected jira-cloud, jira-dc, redmine, github or gitlab"));

  file = g_file_new_for_commandline_arg (argv[1]);
  workspace = lia_workspace_new_from_file (file, NULL, &error);
  if (workspace == NULL)
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  if (lia_workspace_get_read_only (workspace) && !dry_run)
    {
      g_printerr ("%s: %s\n", argv[1], lia_workspace_get_read_only_reason (workspace));
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  http = lia_http_new ();
  timeout = g_getenv ("LIAISON_HTTP_TIMEOUT");
  if (timeout != NULL && g_ascii_strtoull (timeout, NULL, 10) > 0)
    lia_http_set_timeout (http, (guint) g_ascii_strtoull (timeout, NULL, 10));
  config.service = service;
  config.url = url;
  config.project = project;
  config.user = g_getenv ("LIAISON_USER");
  config.token = g_getenv ("LIAISON_TOKEN");
  config.epic_field = epic_field;
  config.milestones = milestones;
  tracker = lia_tracker_new (http, &config, &error);
  if (tracker == NULL)
    {
      g_printerr ("liaison-cli sync: %s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  plan = lia_sync_plan_new (workspace, service, lia_tracker_get_base_url (tracker), dry_run);
  /* The outbox is on disk, creates marked "sending", before any request. */
  if (!dry_run && !lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  lia_sync_plan_execute (plan, tracker, NULL, isatty (STDERR_FILENO) && !json ? progress_cb : NULL, NULL);
  report = lia_sync_plan_apply (plan, workspace);
  if (!dry_run && !lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = lia_sync_report_to_json (report);
      g_autofree char *text = json_to_string (node, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *summary = lia_sync_report_summary (report);
      for (guint i = 0; i < report->lines->len; i++)
        g_print ("%s\n", (char *) report->lines->pdata[i]);
      g_print ("%s\n", summary);
    }
  return report->errors > 0 || report->conflicts > 0 ? LIA_CLI_EXIT_FAILURE : LIA_CLI_EXIT_OK;
}
