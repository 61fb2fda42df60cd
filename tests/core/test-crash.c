/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "lia-test-workspace.h"
#include "lia-workspace.h"

/* A writer process saves two large workspaces in turn as fast as it can;
 * the test kills it with SIGKILL at random moments.  After every kill the
 * file must be exactly one of the two, never a mixture or a torn write.
 *
 * The writer reports each save it finished and how long it took, so the
 * test picks its moment from the writer's own pace: after 0 to 3 finished
 * saves, somewhere within the next one.  A fixed delay measured in the
 * test process was wrong on a loaded machine, where the writer could be
 * several times slower and was always killed before its second save. */

#define KILLS 200
#define MAX_SAVES_BEFORE_KILL 3

static int
run_writer (const char *path)
{
  g_autoptr(LiaWorkspace) a = lia_test_workspace_new (1500, 4, "A");
  g_autoptr(LiaWorkspace) b = lia_test_workspace_new (1500, 4, "B");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Tell the parent we are about to write. */
  g_print ("ready\n");
  fflush (stdout);
  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!lia_workspace_save (i % 2 ? b : a, file, NULL, &error))
        g_error ("%s", error->message);
      /* Only the first few are read; later lines fill the pipe and block
       * the writer, which is then killed anyway. */
      if (i < MAX_SAVES_BEFORE_KILL)
        {
          g_print ("saved %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);
          fflush (stdout);
        }
    }
  return 0;
}

static void
test_kill_while_saving (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "crash.liaison", NULL);
  g_autoptr(LiaWorkspace) a = lia_test_workspace_new (1500, 4, "A");
  g_autoptr(LiaWorkspace) b = lia_test_workspace_new (1500, 4, "B");
  g_autofree char *text_a = lia_workspace_to_data (a, NULL);
  g_autofree char *text_b = lia_workspace_to_data (b, NULL);
  guint saw_a = 0, saw_b = 0;
  GRand *rand = g_rand_new_with_seed (20261125);

  g_assert_no_error (error);

  for (guint kill_no = 0; kill_no < KILLS; kill_no++)
    {
      const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-crash", NULL), "--writer", path, NULL };
      g_autofree char *contents = NULL;
      g_autoptr(LiaWorkspace) loaded = NULL;
      GPid pid;
      int out_fd, status;
      FILE *out;
      char line[64];
      guint saves;
      gint64 save_usec;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");
      g_assert_nonnull (out);
      g_assert_nonnull (fgets (line, sizeof line, out));
      g_assert_cmpstr (line, ==, "ready\n");

      /* Let 0 to MAX_SAVES_BEFORE_KILL saves finish, then kill somewhere
       * within the next (as long as the last one took, or 50 ms before
       * the first). */
      saves = g_rand_int_range (rand, 0, MAX_SAVES_BEFORE_KILL + 1);
      save_usec = 50000;
      for (guint i = 0; i < saves; i++)
        {
          g_assert_nonnull (fgets (line, sizeof line, out));
          g_assert_true (g_str_has_prefix (line, "saved "));
          save_usec = g_ascii_strtoll (line + 6, NULL, 10);
          save_usec = MAX (save_usec, 1000);
        }
      g_usleep (g_rand_int_range (rand, 0, (gint32) MIN (save_usec, G_USEC_PER_SEC)));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      fclose (out);
      g_assert_true (WIFSIGNALED (status));

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue; /* killed before the very first rename */

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      /* Exactly the old or the new document, byte for byte, and it loads
       * (the same bytes load the same way: each version is read once). */
      if (g_str_equal (contents, text_a))
        saw_a++;
      else if (g_str_equal (contents, text_b))
        saw_b++;
      else
        g_error ("after kill %u the file is neither version (%zu bytes)", kill_no, strlen (contents));
      if ((saw_a == 1 && g_str_equal (contents, text_a)) || (saw_b == 1 && g_str_equal (contents, text_b)))
        {
          loaded = lia_workspace_new_from_data (contents, strlen (contents), path, &error);
          g_assert_no_error (error);
        }
    }

  /* The kills really landed in the middle of a series of saves: after two
   * finished saves the file holds B until the third is renamed. */
  g_test_message ("file held A %u times and B %u times", saw_a, saw_b);
  g_assert_cmpuint (saw_a + saw_b, >=, KILLS / 2);
  g_assert_cmpuint (saw_a, >, 0);
  g_assert_cmpuint (saw_b, >, 0);

  /* Temporaries orphaned by kills between write and rename are gone once
   * the workspace is opened again (a minute later: younger ones may
   * belong to a save still running in another process). */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(LiaWorkspace) reopened = NULL;
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint orphans = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      if (g_str_has_prefix (name, ".crash.liaison."))
        {
          g_autofree char *p = g_build_filename (dir, name, NULL);
          struct utimbuf old;
          GStatBuf st;

          /* Aged by the time the file system stamped, not this process's
           * clock (they differ under faketime). */
          g_assert_cmpint (g_stat (p, &st), ==, 0);
          old.actime = old.modtime = st.st_mtime - 120;
          g_assert_cmpint (utime (p, &old), ==, 0);
          orphans++;
        }
    g_test_message ("%u temporary files orphaned by the kills", orphans);

    reopened = lia_workspace_new_from_file (file, NULL, &error);
    g_assert_no_error (error);
    g_dir_rewind (d);
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_cmpstr (name[0] == '.' ? name : "", ==, "");
  }

  /* Clean up the file and its backup. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-while-saving", test_kill_while_saving);
  return g_test_run ();
}
