/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list separator is its own message, with the context "list
 * separator": a catalog that translates it and the other ", " messages
 * differently joins lists with the former. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>

#include "lia-text-list.h"

static const char catalog[] =
  "msgid \"\"\n"
  "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\n"
  "msgctxt \"list separator\"\n"
  "msgid \", \"\n"
  "msgstr \"、\"\n"
  "\n"
  "msgid \", \"\n"
  "msgstr \" | \"\n";

static void
test_separator (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-text-list-XXXXXX", NULL);
  g_autofree char *lang_dir = g_build_filename (dir, "xx", NULL);
  g_autofree char *messages = g_build_filename (lang_dir, "LC_MESSAGES", NULL);
  g_autofree char *po = g_build_filename (dir, "xx.po", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  const char *items[] = { "Li Lei", "Han Meimei", "Lucy", NULL };
  g_autofree char *joined = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (msgfmt == NULL)
    {
      g_test_skip ("no msgfmt");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po, catalog, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_unsetenv ("LC_ALL");
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "xx", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  joined = lia_text_list_join (items);
  g_assert_cmpstr (joined, ==, "Li Lei、Han Meimei、Lucy");

  g_remove (mo);
  g_rmdir (messages);
  g_rmdir (lang_dir);
  g_remove (po);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-list/separator", test_separator);
  return g_test_run ();
}
