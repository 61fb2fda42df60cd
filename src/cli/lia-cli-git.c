/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "lia-cli.h"
#include "lia-file-util.h"

/* liaison-cli git-setup [REPO]: the one-time set-up of a clone so git
 * merges *.liaison files with "liaison-cli merge" (by entity and field,
 * conflicts kept in the file) and shows them in "git diff" and
 * "git log -p" through "liaison-cli show".
 *
 * .gitattributes is part of the repository (commit it once, every clone
 * has it); the drivers are in the clone's own config (.git/config), which
 * git never shares, so each clone runs this once.  Both are changed only
 * where they differ, so a second run says "already set up". */

#define ATTRIBUTES_LINE "*.liaison merge=liaison diff=liaison"
#define FLATPAK_COMMAND "flatpak run --command=liaison-cli io.github.liaisonapp.Liaison"

/* Runs git with @args in @dir; the exit status, or -1 when git could not
 * be started (@error set).  Standard output in @out without its final
 * newline; standard error in @err. */
static int
run_git (const char  *dir,
         const char  *git,
         char       **out,
         char       **err,
         GError     **error,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) git);
  g_ptr_array_add (argv, (gpointer) "-C");
  g_ptr_array_add (argv, (gpointer) dir);
  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &stdout_text, &stderr_text, &wait_status, error))
    return -1;
  g_strchomp (stdout_text);
  g_strchomp (stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* Inside the Flatpak, git (on the host) cannot start the sandbox's
 * binary by its path: the drivers go through "flatpak run". */
static gboolean
in_flatpak (void)
{
  return g_getenv ("FLATPAK_ID") != NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* How git's drivers start this liaison-cli.  The plain name when the
 * liaison-cli that PATH finds is this one: the line stays right across
 * upgrades and reads the same in every clone.  Otherwise (a build tree,
 * a second installation earlier on PATH) the absolute path of the
 * running binary, quoted for the shell that git runs drivers with: the
 * drivers must be the program that set them up, or a merge could be done
 * by an older version that drops what it does not know. */
static char *
cli_command (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *found = NULL;
  g_autofree char *found_real = NULL;

  if (in_flatpak ())
    return g_strdup (FLATPAK_COMMAND);
  if (self == NULL)
    return g_strdup ("liaison-cli");
  found = g_find_program_in_path ("liaison-cli");
  if (found != NULL)
    found_real = realpath (found, NULL);
  if (found_real != NULL && g_str_equal (found_real, self))
    return g_strdup ("liaison-cli");
  return g_shell_quote (self);
}

static gboolean
has_attributes_line (const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);
      g_autofree char *normal = NULL;
      guint n = 0;

      /* The same line with other spacing counts as there. */
      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          words[n++] = words[j];
        else
          g_free (words[j]);
      words[n] = NULL;
      normal = g_strjoinv (" ", words);
      if (g_str_equal (normal, ATTRIBUTES_LINE))
        return TRUE;
    }
  return FALSE;
}

/* Appends the line to TOP/.gitattributes unless it is there; the file's
 * other lines are kept as they are.  Returns -1 on error, else whether
 * it changed the file. */
static int
write_attributes (const char *top)
{
  g_autofree char *path = g_build_filename (top, ".gitattributes", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_printerr ("%s\n", error->message);
          return -1;
        }
      g_clear_error (&error);
      contents = g_strdup ("");
      length = 0;
    }
  if (has_attributes_line (contents))
    return FALSE;

  text = g_string_new_len (contents, length);
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');
  g_string_append (text, ATTRIBUTES_LINE "\n");
  if (!lia_write_file_atomically (path, text->str, text->len, FALSE, &error))
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }
  /* Translators: printed by "liaison-cli git-setup"; the first %s is a
   * line of a file, the second the file. */
  g_print (_("Added “%s” to %s\n"), ATTRIBUTES_LINE, path);
  return TRUE;
}

/* Sets @key in the repository's own config unless it holds @value.
 * Returns -1 on error, else whether it changed the config. */
static int
set_config (const char *top,
            const char *git,
            const char *key,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run_git (top, git, &current, NULL, &error, "config", "--local", "--get", key, NULL);
  if (status == 0 && g_str_equal (current, value))
    return FALSE;

  status = run_git (top, git, NULL, &err, &error, "config", "--local", key, value, NULL);
  if (status != 0)
    {
      g_printerr ("liaison-cli: git config %s: %s\n", key, error ? error->message : err);
      return -1;
    }
  /* Translators: printed by "liaison-cli git-setup" for each git setting
   * it wrote: the setting's name, then its value. */
  g_print (_("Set %s to “%s”\n"), key, value);
  return TRUE;
}

int
lia_cli_git_setup (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[REPO] — set up a git repository for workspace files"));
  g_autoptr(GError) error = NULL;
  g_autofree char *git = NULL;
  g_autofree char *top = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = NULL;
  g_autofree char *driver = NULL;
  g_autofree char *textconv = NULL;
  const char *repo;
  int changed = 0;
  int status;
  struct { const char *key; const char *value; } settings[3];

  g_option_context_set_summary (context, _("Adds “*.liaison merge=liaison diff=liaison” to the repository’s .gitattributes "
                                           "(commit it once) and sets, in this clone’s git config, "
                                           "merge.liaison.driver (“liaison-cli merge”: workspaces merge by item and field) "
                                           "and diff.liaison.textconv (“liaison-cli show”: “git diff” shows what changed in words). "
                                           "REPO is the current directory’s repository if not given. "
                                           "Exit status: 0 set up, 1 git failed, 2 not a repository."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc > 2)
    return lia_cli_usage_error (context, _("git-setup takes at most one REPO"));
  repo = argc == 2 ? argv[1] : ".";

  git = g_find_program_in_path ("git");
  if (git == NULL)
    {
      g_printerr (_("liaison-cli: git is not installed (no “git” on PATH)\n"));
      return LIA_CLI_EXIT_FAILURE;
    }
  if (!g_file_test (repo, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("liaison-cli: %s: not a folder\n"), repo);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  status = run_git (repo, git, &top, &err, &error, "rev-parse", "--show-toplevel", NULL);
  if (status < 0 && error != NULL)
    {
      g_printerr ("liaison-cli: git: %s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  if (status != 0 || top == NULL || top[0] == '\0')
    {
      /* Translators: %s is a folder given to "liaison-cli git-setup". */
      g_printerr (_("liaison-cli: %s: not in a git repository with a working tree\n"), repo);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  command = cli_command ();
  driver = g_strdup_printf ("%s merge %%O %%A %%B --path %%P", command);
  textconv = g_strdup_printf ("%s show", command);
  settings[0].key = "merge.liaison.name";
  settings[0].value = "Liaison workspace (merged by item and field)";
  settings[1].key = "merge.liaison.driver";
  settings[1].value = driver;
  settings[2].key = "diff.liaison.textconv";
  settings[2].value = textconv;

  status = write_attributes (top);
  if (status < 0)
    return LIA_CLI_EXIT_FAILURE;
  changed += status;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      status = set_config (top, git, settings[i].key, settings[i].value);
      if (status < 0)
        return LIA_CLI_EXIT_FAILURE;
      changed += status;
    }

  if (changed == 0)
    /* Translators: printed by "liaison-cli git-setup" when the repository
     * (%s, a folder) needed no change. */
    g_print (_("%s: already set up\n"), top);
  return LIA_CLI_EXIT_OK;
}
