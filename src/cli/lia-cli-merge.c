/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-cli.h"
#include "lia-file-util.h"
#include "lia-merge.h"
#include "lia-model.h"
#include "lia-workspace-private.h"

/* liaison-cli merge: git's merge driver for *.liaison files
 * (merge.liaison.driver = liaison-cli merge %O %A %B --path %P).  git
 * reads the exit status: 0 merged, 1 merged with conflicts recorded in
 * the file (the path stays conflicted until committed again), anything
 * else a failed merge with OURS as it was. */

static LiaWorkspace *
load_input (const char *path,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  gsize length;

  contents = lia_file_read_regular (path, LIA_WORKSPACE_MAX_FILE_SIZE, &length, &error);
  if (contents == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  /* Messages name the file as the user knows it (git's own temporary
   * copies have names like .merge_file_Xy12ab). */
  workspace = lia_workspace_new_from_data_full (contents, length, name, LIA_LOAD_STRICT, &error);
  if (workspace == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  if (lia_workspace_get_read_only (workspace))
    {
      g_printerr ("%s: %s\n", name, lia_workspace_get_read_only_reason (workspace));
      return NULL;
    }
  return g_steal_pointer (&workspace);
}

int
lia_cli_merge (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("BASE OURS THEIRS — merge two changed copies of a workspace"));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base_name = NULL, *theirs_name = NULL;
  g_autoptr(LiaWorkspace) base = NULL, ours = NULL, theirs = NULL;
  g_autoptr(GString) data = NULL;
  guint n_conflicts = 0;
  const GOptionEntry entries[] = {
    { "path", 0, 0, G_OPTION_ARG_STRING, &name, N_("The file’s name in the repository, for messages (git’s %P)"), N_("NAME") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Merges by entity and field what OURS and THEIRS changed since BASE, and writes the result to OURS. "
                                           "Exits 0 when clean, 1 when conflicts are recorded in the file, 2 when an input cannot be read."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 4)
    return lia_cli_usage_error (context, _("merge needs BASE, OURS and THEIRS"));

  if (name == NULL)
    {
      /* Run by hand: each file by its own name. */
      name = g_strdup (argv[2]);
      base_name = g_strdup (argv[1]);
      theirs_name = g_strdup (argv[3]);
    }
  else
    {
      /* Run by git: the three are its temporary copies of one file. */
      /* Translators: how the common ancestor and the other side's copy
       * of a file are named in messages; %s is the file's name. */
      base_name = g_strdup_printf (_("%s (base)"), name);
      theirs_name = g_strdup_printf (_("%s (theirs)"), name);
    }
  if ((base = load_input (argv[1], base_name)) == NULL ||
      (ours = load_input (argv[2], name)) == NULL ||
      (theirs = load_input (argv[3], theirs_name)) == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;

  if (!lia_workspace_merge (ours, base, theirs, &n_conflicts, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  data = lia_workspace_serialize (ours);
  if (!lia_write_file_atomically (argv[2], data->str, data->len, FALSE, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  if (n_conflicts > 0)
    {
      /* Translators: printed by the git merge driver; %s is the file. */
      g_printerr (ngettext ("%s: merged with %u conflict; open it in Liaison to choose\n",
                            "%s: merged with %u conflicts; open it in Liaison to choose\n", n_conflicts),
                  name, n_conflicts);
      return LIA_CLI_EXIT_FAILURE;
    }
  return LIA_CLI_EXIT_OK;
}
