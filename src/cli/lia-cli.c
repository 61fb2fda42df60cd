/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lia-cli.h"
#include "lia-export.h"
#include "lia-file-util.h"
#include "lia-page-tree.h"
#include "lia-schema.h"

/* liaison-cli: the workspace without a display, for scripts and CI. */

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

int
lia_cli_usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = context ? g_option_context_get_help (context, TRUE, NULL) : NULL;

  g_printerr ("liaison-cli: %s\n", message);
  if (help != NULL)
    g_printerr ("\n%s", help);
  return LIA_CLI_EXIT_BAD_INPUT;
}

LiaWorkspace *
lia_cli_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  LiaWorkspace *workspace = lia_workspace_new_from_file (file, NULL, &error);

  if (workspace == NULL)
    g_printerr ("%s\n", error->message);
  return workspace;
}

static int
validate_one (const char *path,
              gboolean    repair)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  const char * const *problems;
  guint n_conflicts;

  /* Recovery reads past each problem, so all of them are listed, not
   * only the first; a file it refuses (not JSON, not a workspace) is
   * reported as the strict reader reports it. */
  workspace = lia_workspace_new_from_file_full (file, LIA_LOAD_RECOVER, NULL, &error);
  if (workspace == NULL)
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  if (lia_workspace_get_read_only (workspace))
    {
      g_printerr ("%s: %s\n", path, lia_workspace_get_read_only_reason (workspace));
      return LIA_CLI_EXIT_OK;
    }

  problems = lia_workspace_get_problems (workspace);
  /* A merge that left conflicts wrote a valid file, but not a finished
   * one: someone still has to choose (in the app).  Exit 1 lets a
   * pre-commit hook or CI refuse it. */
  n_conflicts = g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (workspace)));
  if (problems[0] == NULL && n_conflicts == 0)
    {
      /* Translators: printed by "liaison-cli validate" for a good file. */
      g_print (_("%s: valid\n"), path);
      return LIA_CLI_EXIT_OK;
    }

  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("%s: %s\n", path, problems[i]);
  if (n_conflicts > 0)
    /* Translators: printed by "liaison-cli validate" for a file that a
     * git merge left with conflicts to resolve in Liaison; %s is the file. */
    g_printerr (ngettext ("%s: %u unresolved conflict\n",
                          "%s: %u unresolved conflicts\n", n_conflicts),
                path, n_conflicts);
  if (problems[0] == NULL)
    return LIA_CLI_EXIT_FAILURE;
  if (!repair)
    return LIA_CLI_EXIT_BAD_INPUT;

  if (!lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  {
    guint n = g_strv_length ((char **) problems);

    /* Translators: the first and last %s are a file name; FILE~ is the
     * backup Liaison keeps. */
    g_print (ngettext ("%s: repaired (%u problem); the file as it was is kept as %s~\n",
                       "%s: repaired (%u problems); the file as it was is kept as %s~\n", n),
             path, n, path);
  }
  return LIA_CLI_EXIT_FAILURE;
}

static int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check workspace files"));
  g_autoptr(GError) error = NULL;
  gboolean repair = FALSE;
  int status = LIA_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair, N_("Rewrite each damaged file as recovery reads it (keeps FILE~)"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Reports every problem of each file, with the JSON path where it is. "
                                           "Exit status: 0 valid, 1 repaired or unresolved merge conflicts, 2 problems or unreadable."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc < 2)
    return lia_cli_usage_error (context, _("validate needs at least one FILE"));

  for (int i = 1; i < argc; i++)
    {
      int one = validate_one (argv[i], repair);
      status = MAX (status, one);
    }

  return status;
}

/* A meeting by its id or its exact title; NULL and *problem set when no
 * meeting or more than one has that title. */
LiaMeeting *
lia_cli_find_meeting (LiaWorkspace  *workspace,
                      const char    *key,
                      char         **problem)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (workspace));
  LiaMeeting *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (lia_entity_get_id (LIA_ENTITY (meeting)), key) == 0)
        {
          g_clear_object (&found);
          return g_steal_pointer (&meeting);
        }
      if (g_strcmp0 (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE), key) == 0)
        {
          matches++;
          if (found == NULL)
            found = g_steal_pointer (&meeting);
        }
    }

  if (matches > 1)
    {
      g_clear_object (&found);
      *problem = g_strdup_printf (ngettext ("%u meeting is titled “%s”: give the id instead",
                                            "%u meetings are titled “%s”: give the id instead", matches),
                                  matches, key);
    }
  else if (found == NULL)
    *problem = g_strdup_printf (_("no meeting has the id or title “%s”"), key);
  return found;
}

int
lia_cli_write_output (const char *output,
                      const char *text)
{
  g_autoptr(GError) error = NULL;

  /* "-" is standard output, as for most tools; never a file called "-". */
  if (output == NULL || g_str_equal (output, "-"))
    {
      fputs (text, stdout);
      return fflush (stdout) == 0 ? LIA_CLI_EXIT_OK : LIA_CLI_EXIT_FAILURE;
    }
  if (!lia_write_file_atomically (output, text, strlen (text), FALSE, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  return LIA_CLI_EXIT_OK;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *meeting_key = NULL;
  g_autofree char *page_key = NULL;
  g_autofree char *contract = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("md or csv; for a meeting md or ics; for a page md-tree; for a contract jsonschema or openapi"), N_("FORMAT") },
    { "contract", 'c', 0, G_OPTION_ARG_STRING, &contract, N_("Export this API contract model (its name) as JSON Schema or OpenAPI"), N_("NAME") },
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &meeting_key, N_("Export this meeting (its id or title) instead of the requirement table"), N_("ID_OR_TITLE") },
    { "page", 'p', 0, G_OPTION_ARG_STRING, &page_key, N_("Export this page (its id or title) and the pages under it as a folder"), N_("ID_OR_TITLE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — export the requirement translation table or a meeting"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autofree char *text = NULL;
  LiaExportFormat format;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 2)
    return lia_cli_usage_error (context, _("export needs exactly one FILE"));
  if (contract != NULL || g_strcmp0 (format_name, "jsonschema") == 0 || g_strcmp0 (format_name, "openapi") == 0)
    {
      if (contract == NULL || (g_strcmp0 (format_name, "jsonschema") != 0 && g_strcmp0 (format_name, "openapi") != 0))
        return lia_cli_usage_error (context, _("a contract exports as --format jsonschema or openapi, with --contract NAME"));
      return lia_cli_export_contract (argv[1], format_name, contract, output);
    }
  if (format_name == NULL)
    format_name = g_strdup ("md");

  if (g_str_equal (format_name, "md-tree") || page_key != NULL)
    {
      g_autoptr(LiaPage) page = NULL;

      if (!g_str_equal (format_name, "md-tree") || page_key == NULL)
        return lia_cli_usage_error (context, _("a page exports only as --format md-tree, with --page and --output"));
      if (output == NULL || g_str_equal (output, "-"))
        return lia_cli_usage_error (context, _("--format md-tree needs --output DIR"));
      workspace = lia_cli_load (argv[1]);
      if (workspace == NULL)
        return LIA_CLI_EXIT_BAD_INPUT;
      page = lia_pages_find (G_LIST_MODEL (lia_workspace_get_pages (workspace)), page_key);
      if (page == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("no page has the id or title “%s”"), page_key);
          return lia_cli_usage_error (NULL, msg);
        }
      if (!lia_pages_export_tree (page, output, &error))
        {
          g_printerr ("%s\n", error->message);
          return LIA_CLI_EXIT_FAILURE;
        }
      return LIA_CLI_EXIT_OK;
    }

  if (!lia_export_format_from_string (format_name, &format) ||
      (meeting_key == NULL && format == LIA_EXPORT_ICALENDAR) ||
      (meeting_key != NULL && format == LIA_EXPORT_CSV))
    {
      g_autofree char *msg = meeting_key
        ? g_strdup_printf (_("unknown format “%s” for a meeting (use md or ics)"), format_name)
        : g_strdup_printf (_("unknown format “%s” (use md or csv)"), format_name);
      return lia_cli_usage_error (context, msg);
    }

  workspace = lia_cli_load (argv[1]);
  if (workspace == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;

  if (meeting_key != NULL)
    {
      g_autofree char *problem = NULL;
      g_autoptr(LiaMeeting) meeting = lia_cli_find_meeting (workspace, meeting_key, &problem);

      if (meeting == NULL)
        return lia_cli_usage_error (NULL, problem);
      text = lia_export_meeting (meeting, G_LIST_MODEL (lia_workspace_get_members (workspace)), format, &error);
      if (text == NULL)
        {
          g_printerr ("%s: %s\n", argv[1], error->message);
          return LIA_CLI_EXIT_BAD_INPUT;
        }
    }
  else
    text = lia_export_requirements (G_LIST_MODEL (lia_workspace_get_requirements (workspace)), format);

  return lia_cli_write_output (output, text);
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("md-tree DIR FILE — add a folder of Markdown pages to a workspace"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  GListStore *roots;

  g_option_context_set_summary (context, _("Reads a folder written by “export --format md-tree” (or any folder of .md files, nested by subfolders) and adds its pages at the top level of FILE, which is saved (the previous version is kept as FILE~)."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 4 || !g_str_equal (argv[1], "md-tree"))
    return lia_cli_usage_error (context, _("import needs: md-tree DIR FILE"));
  if (!g_file_test (argv[2], G_FILE_TEST_IS_DIR))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a folder"), argv[2]);
      return lia_cli_usage_error (NULL, msg);
    }

  workspace = lia_cli_load (argv[3]);
  if (workspace == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;
  if (lia_workspace_get_read_only (workspace))
    {
      g_printerr ("%s: %s\n", argv[3], lia_workspace_get_read_only_reason (workspace));
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  /* Ids are made unique against the whole workspace by the import. */
  pages = lia_pages_import_tree_full (argv[2], workspace, skipped, &error);
  for (guint i = 0; i < skipped->len; i++)
    g_printerr ("liaison-cli: %s\n", (const char *) g_ptr_array_index (skipped, i));
  if (pages == NULL)
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  roots = lia_workspace_get_pages (workspace);
  g_list_store_splice (roots, g_list_model_get_n_items (G_LIST_MODEL (roots)), 0, pages->pdata, pages->len);
  if (!lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  return LIA_CLI_EXIT_OK;
}

static int
cmd_format (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — rewrite a workspace in canonical form"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;

  g_option_context_set_summary (context, _("Reads FILE and saves it again with stable key order and two-space indentation (the previous version is kept as FILE~)."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 2)
    return lia_cli_usage_error (context, _("format needs exactly one FILE"));

  workspace = lia_cli_load (argv[1]);
  if (workspace == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;
  if (!lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  return LIA_CLI_EXIT_OK;
}

static int
cmd_schema (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— print the JSON Schema of the workspace format"));
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 1)
    return lia_cli_usage_error (context, _("schema takes no FILE"));

  schema = lia_workspace_schema_to_string ();
  fputs (schema, stdout);
  return fflush (stdout) == 0 ? LIA_CLI_EXIT_OK : LIA_CLI_EXIT_FAILURE;
}

static const Command commands[] = {
  { "validate", N_("[--repair] FILE…"), N_("Check workspace files and report located errors; --repair rewrites a damaged file as recovery reads it"), cmd_validate },
  { "export", N_("--format md|csv|ics|md-tree|jsonschema|openapi [--meeting ID_OR_TITLE | --page ID_OR_TITLE | --contract NAME] [--output F] FILE"), N_("Export the requirement translation table, a meeting as Markdown or iCalendar, a page tree as a folder, or an API contract as JSON Schema or OpenAPI"), cmd_export },
  { "check-payload", N_("--contract NAME PAYLOAD.json FILE"), N_("Check a JSON payload against an API contract model"), lia_cli_check_payload },
  { "import", N_("md-tree DIR FILE"), N_("Add a folder of Markdown pages to a workspace"), cmd_import },
  { "format", N_("FILE"), N_("Rewrite a workspace in canonical form"), cmd_format },
  { "schema", "", N_("Print the JSON Schema of the workspace format"), cmd_schema },
  { "overlap", N_("--from ISO --to ISO [--min N] [--json] MEMBER…"), N_("When team members across time zones are inside working hours together"), lia_cli_overlap },
  { "sync", N_("--service SERVICE --url URL --project KEY [--dry-run] [--json] FILE"), N_("Push tasks to Jira, Redmine, GitHub or GitLab and pull their status"), lia_cli_sync },
  { "publish", N_("--service SERVICE --url URL --space-or-project KEY [--page ID_OR_TITLE] [--dry-run] [--json] FILE"), N_("Publish the document tree to Confluence or a Redmine wiki"), lia_cli_publish },
  { "convert", N_("--to adf|jira-wiki|confluence-storage|redmine [FILE.md|-]"), N_("Show what a Markdown description or page becomes on Jira, Confluence or Redmine"), lia_cli_convert },
  { "merge", N_("BASE OURS THEIRS [--path NAME]"), N_("Merge two changed copies of a workspace by entity and field (a git merge driver)"), lia_cli_merge },
  { "slots", N_("--duration MIN --from ISO --to ISO [--count N] [--weekly WEEKS] MEMBER…"), N_("Rank meeting start times by who is inside hours and who pays"), lia_cli_slots },
  { "show", N_("FILE"), N_("Print a workspace as readable text, one fact per line (git diff uses it)"), lia_cli_show },
  { "git-setup", N_("[REPO]"), N_("Set up a git repository to merge and diff workspaces with liaison-cli"), lia_cli_git_setup },
  { "post", N_("--meeting ID_OR_TITLE --service slack|teams|discord|mattermost [--dry-run] [--again] FILE"), N_("Post a meeting’s summary to team chat through the webhook in LIAISON_WEBHOOK"), lia_cli_post },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: liaison-cli COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-9s %s\n            %s\n", commands[i].name,
             _(commands[i].args), _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “liaison-cli COMMAND --help” for a command’s options."));
  fprintf (stream, "%s\n", _("Exit status: 0 success, 1 failure, 2 bad input or arguments."));
}

int
lia_cli_run (int    argc,
             char **argv)
{
  if (argc < 2)
    {
      print_help (stderr);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return LIA_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      g_print ("liaison-cli %s\n", PACKAGE_VERSION);
      return LIA_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("liaison-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].func (argc - 1, argv + 1);
      }

  g_printerr (_("liaison-cli: unknown command “%s”\n\n"), argv[1]);
  print_help (stderr);
  return LIA_CLI_EXIT_BAD_INPUT;
}
