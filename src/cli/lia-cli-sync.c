/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lia-cli.h"
#include "lia-publish.h"
#include "lia-sync.h"

/* liaison-cli sync: push pending changes to one tracker and pull status;
 * liaison-cli publish: the document tree to a wiki.  The token comes from
 * LIAISON_TOKEN (and the Jira Cloud or Confluence Cloud e-mail from
 * LIAISON_USER), never from an argument, so it stays out of shell history
 * and process lists. */

/* user_data: the translated "Syncing: %u/%u" or "Publishing: %u/%u". */
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
  fputc ('\r', stderr);
  fprintf (stderr, user_data, done, total);
  if (done == total)
    fputc ('\n', stderr);
}

/* The workspace in @path for a command that will write to it. */
static LiaWorkspace *
open_for_sync (const char *path,
               gboolean    dry_run)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_from_file (file, NULL, &error);

  if (workspace == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  if (lia_workspace_get_read_only (workspace) && !dry_run)
    {
      g_printerr ("%s: %s\n", path, lia_workspace_get_read_only_reason (workspace));
      return NULL;
    }
  return g_steal_pointer (&workspace);
}

static LiaHttp *
new_http (void)
{
  LiaHttp *http = lia_http_new ();
  const char *timeout = g_getenv ("LIAISON_HTTP_TIMEOUT");

  if (timeout != NULL && g_ascii_strtoull (timeout, NULL, 10) > 0)
    lia_http_set_timeout (http, (guint) g_ascii_strtoull (timeout, NULL, 10));
  return http;
}

/* The service and address a LiaHttp::waiting handler names. */
typedef struct
{
  char *service;
  char *url;
} WaitWatch;

static void
wait_watch_free (gpointer  data,
                 GClosure *closure)
{
  WaitWatch *watch = data;

  g_free (watch->service);
  g_free (watch->url);
  g_free (watch);
}

/* Runs in a worker thread; one line on stderr, so a script sees why the
 * sync pauses. */
static void
waiting_cb (LiaHttp    *http,
            const char *host,
            guint       seconds,
            WaitWatch  *watch)
{
  g_autofree char *text = lia_http_describe_wait (host, seconds, watch->service, watch->url);

  /* Off the "Syncing: 3/12" line that \r keeps rewriting. */
  g_printerr (isatty (STDERR_FILENO) ? "\n%s\n" : "%s\n", text);
}

static void
watch_waits (LiaHttp    *http,
             const char *service,
             const char *url)
{
  WaitWatch *watch = g_new0 (WaitWatch, 1);

  watch->service = g_strdup (service);
  watch->url = g_strdup (url);
  g_signal_connect_data (http, "waiting", G_CALLBACK (waiting_cb), watch, wait_watch_free, 0);
}

static void
print_report (gboolean   json,
              JsonNode  *node,
              GPtrArray *lines,
              char      *summary)
{
  if (json)
    {
      g_autofree char *text = json_to_string (node, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      for (guint i = 0; i < lines->len; i++)
        g_print ("%s\n", (char *) lines->pdata[i]);
      g_print ("%s\n", summary);
    }
}

int
lia_cli_sync (int    argc,
              char **argv)
{
  g_autofree char *service = NULL, *url = NULL, *project = NULL, *epic_field = NULL;
  gboolean dry_run = FALSE, json = FALSE, milestones = FALSE;
  int confirm_after = LIA_SYNC_CONFIRM_AFTER_DEFAULT;
  LiaSyncOptions options = { 0 };
  GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, N_("jira-cloud, jira-dc, redmine, github or gitlab"), N_("SERVICE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The tracker’s address (for GitHub https://api.github.com, for GitLab https://HOST/api/v4)"), N_("URL") },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, N_("Project key, identifier or OWNER/REPO"), N_("KEY") },
    { "epic-field", 0, 0, G_OPTION_ARG_STRING, &epic_field, N_("Jira Data Center: the Epic Link custom field"), N_("FIELD") },
    { "milestones", 0, 0, G_OPTION_ARG_NONE, &milestones, N_("GitLab: put due dates on milestones"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only read: say what would be created, updated and pulled"), NULL },
    { "confirm-after", 0, 0, G_OPTION_ARG_INT, &confirm_after,
      N_("After a create whose outcome was uncertain, wait this long for the tracker’s search to show the issue "
         "before creating it again (default 600)"), N_("SECONDS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — push tasks to a tracker and pull their status"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autoptr(LiaTracker) tracker = NULL;
  g_autoptr(LiaSyncPlan) plan = NULL;
  g_autoptr(LiaSyncReport) report = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *summary = NULL;
  LiaTrackerConfig config = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Creates an issue for every task not yet in the tracker (and every requirement step or action item queued in the app), "
      "updates issues whose task changed, and pulls status.  Changes on both sides are reported as conflicts, never overwritten.\n\n"
      "The token is read from LIAISON_TOKEN; Jira Cloud also needs LIAISON_USER (the account’s e-mail address).\n\n"
      "A create whose answer was lost (timeout, server error, dropped connection, crash) is never sent twice in one run: "
      "it waits to be confirmed, and later runs look for it and create it again only when the tracker still does not "
      "show it after --confirm-after seconds.\n\n"
      "Exit status: 0 all synced, 1 errors, conflicts or creates waiting to confirm, 2 bad arguments or file."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 2)
    return lia_cli_usage_error (context, _("sync takes one FILE"));
  if (confirm_after <= 0)
    return lia_cli_usage_error (context, _("--confirm-after: expected a number of seconds greater than 0"));
  if (service == NULL || url == NULL || project == NULL)
    return lia_cli_usage_error (context, _("--service, --url and --project are required"));
  if (!g_strv_contains (lia_service_choices, service))
    return lia_cli_usage_error (context, _("--service: expected jira-cloud, jira-dc, redmine, github or gitlab"));

  workspace = open_for_sync (argv[1], dry_run);
  if (workspace == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;

  http = new_http ();
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
  watch_waits (http, service, lia_tracker_get_base_url (tracker));

  options.confirm_after = (guint) confirm_after;
  plan = lia_sync_plan_new_full (workspace, service, lia_tracker_get_base_url (tracker), dry_run, &options);
  /* The outbox is on disk, creates marked "sending", before any request. */
  if (!dry_run && !lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  /* Translators: progress on a terminal, "done/total" */
  lia_sync_plan_execute (plan, tracker, NULL, isatty (STDERR_FILENO) && !json ? progress_cb : NULL, _("Syncing: %u/%u"));
  report = lia_sync_plan_apply (plan, workspace);
  if (!dry_run && !lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  node = lia_sync_report_to_json (report);
  summary = lia_sync_report_summary (report);
  print_report (json, node, report->lines, summary);
  return report->errors > 0 || report->conflicts > 0 || report->waiting > 0 ? LIA_CLI_EXIT_FAILURE : LIA_CLI_EXIT_OK;
}

int
lia_cli_publish (int    argc,
                 char **argv)
{
  g_autofree char *service = NULL, *url = NULL, *space = NULL, *page = NULL;
  gboolean dry_run = FALSE, json = FALSE, overwrite = FALSE;
  GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, N_("confluence or redmine"), N_("SERVICE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The wiki’s address (Confluence Cloud: https://SITE.atlassian.net/wiki)"), N_("URL") },
    { "space-or-project", 0, 0, G_OPTION_ARG_STRING, &space, N_("Confluence space key or Redmine project identifier"), N_("KEY") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, N_("Publish only this page and the pages under it"), N_("ID_OR_TITLE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only read: say what would be created, updated, moved or left alone"), NULL },
    { "overwrite-conflicts", 0, 0, G_OPTION_ARG_NONE, &overwrite, N_("Publish pages edited on the wiki anyway, replacing those edits"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — publish the document tree to a wiki"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autoptr(LiaWiki) wiki = NULL;
  g_autoptr(LiaPublishPlan) plan = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *summary = NULL;
  const char *all[] = { "*", NULL };
  LiaTrackerConfig config = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Creates a wiki page for every page of the document tree (or of one subtree) under its parent, in order; "
      "updates and moves pages that changed and leaves the others alone.  A page edited on the wiki since the last "
      "publish is a conflict and is not overwritten; wiki pages with no local page are listed, never deleted.\n\n"
      "The token is read from LIAISON_TOKEN; Confluence Cloud also needs LIAISON_USER (the account’s e-mail address), "
      "without it the token is sent as a Data Center personal access token.\n"
      "Exit status: 0 all published, 1 errors or conflicts, 2 bad arguments or file."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 2)
    return lia_cli_usage_error (context, _("publish takes one FILE"));
  if (service == NULL || url == NULL || space == NULL)
    return lia_cli_usage_error (context, _("--service, --url and --space-or-project are required"));
  if (!g_str_equal (service, "confluence") && !g_str_equal (service, "redmine"))
    return lia_cli_usage_error (context, _("--service: expected confluence or redmine"));

  workspace = open_for_sync (argv[1], dry_run);
  if (workspace == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;

  http = new_http ();
  config.service = service;
  config.url = url;
  config.project = space;
  config.user = g_getenv ("LIAISON_USER");
  config.token = g_getenv ("LIAISON_TOKEN");
  wiki = lia_wiki_new (http, &config, &error);
  if (wiki == NULL)
    {
      g_printerr ("liaison-cli publish: %s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  watch_waits (http, service, lia_wiki_get_base_url (wiki));
  plan = lia_publish_plan_new (workspace, wiki, page, dry_run, overwrite ? all : NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("liaison-cli publish: %s: %s\n", argv[1], error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  /* Translators: progress on a terminal, "done/total" */
  lia_publish_plan_execute (plan, wiki, NULL, isatty (STDERR_FILENO) && !json ? progress_cb : NULL, _("Publishing: %u/%u"));
  report = lia_publish_plan_apply (plan, workspace);
  if (!dry_run && !lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  node = lia_publish_report_to_json (report);
  summary = lia_publish_report_summary (report);
  print_report (json, node, report->lines, summary);
  return report->errors > 0 || report->conflicts > 0 ? LIA_CLI_EXIT_FAILURE : LIA_CLI_EXIT_OK;
}
