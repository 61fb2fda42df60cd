/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lia-test-workspace.h"

/* Load and save of a workspace with 100 000 entities, against json-glib
 * alone on the same bytes, measured in the same run.  Targets: load and
 * save within 1.5x of the bare parser and generator. */

#define ROUNDS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v)
{
  qsort (v, ROUNDS, sizeof *v, compare_doubles);
  return v[ROUNDS / 2];
}

/* Peak RSS in KiB of one operation, each in a fresh process started from
 * this binary, so no run inherits another's heap. */
static long
child_peak_rss (const char *self,
                const char *mode,
                const char *path)
{
  const char *argv[] = { self, "--rss", mode, path, NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return strtol (out, NULL, 10);
}

static int
rss_mode (const char *mode,
          const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return 1;
  if (g_str_equal (mode, "parse"))
    {
      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, data, length, NULL))
        return 1;
    }
  else if (g_str_equal (mode, "load"))
    {
      workspace = lia_workspace_new_from_data (data, length, path, NULL);
      if (workspace == NULL)
        return 1;
    }
  /* VmHWM belongs to this address space; ru_maxrss would carry the
   * parent's peak across fork and exec. */
  {
    g_autofree char *status = NULL;
    const char *hwm;

    if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
        (hwm = strstr (status, "VmHWM:")) == NULL)
      return 1;
    g_print ("%ld\n", strtol (hwm + 6, NULL, 10));
  }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = NULL;
  gsize length;
  double parse_t[ROUNDS], load_t[ROUNDS], gen_t[ROUNDS], save_t[ROUNDS], disk_t[ROUNDS], check_t[ROUNDS];
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.liaison", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  long rss_base, rss_parse, rss_load;

  if (argc == 4 && g_str_equal (argv[1], "--rss"))
    return rss_mode (argv[2], argv[3]);
  {
    g_autoptr(LiaWorkspace) generated = lia_test_workspace_new (20000, 4, "Inference Engineer A");
    data = lia_workspace_to_data (generated, NULL);
  }
  length = strlen (data);

  g_print ("workspace: 20000 requirements x (1 + 4 steps) = 100000 entities, %.1f MiB\n", length / 1048576.0);

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(LiaWorkspace) workspace = NULL;
      g_autofree char *generated = NULL;
      g_autofree char *saved = NULL;
      gint64 t0, t1, t2, t3, t4, t5;

      /* Let the previous round's document tree, freed in the background,
       * go first: each load is measured on its own, as a user meets it. */
      g_usleep (G_USEC_PER_SEC / 2);
      t0 = g_get_monotonic_time ();
      json_parser_load_from_data (parser, data, length, NULL);
      t1 = g_get_monotonic_time ();
      workspace = lia_workspace_new_from_data (data, length, "bench", NULL);
      t2 = g_get_monotonic_time ();
      g_assert_nonnull (workspace);

      g_usleep (G_USEC_PER_SEC / 2);
      json_generator_set_root (generator, json_parser_get_root (parser));
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      t3 = g_get_monotonic_time ();
      generated = json_generator_to_data (generator, NULL);
      t4 = g_get_monotonic_time ();
      saved = lia_workspace_to_data (workspace, NULL);
      t5 = g_get_monotonic_time ();
      g_assert_cmpstr (saved, ==, data);

      parse_t[r] = (t1 - t0) / 1000.0;
      load_t[r] = (t2 - t1) / 1000.0;
      gen_t[r] = (t4 - t3) / 1000.0;
      save_t[r] = (t5 - t4) / 1000.0;

      t0 = g_get_monotonic_time ();
      g_assert_true (lia_workspace_save (workspace, file, NULL, NULL));
      disk_t[r] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      g_assert_true (lia_workspace_check (workspace, NULL));
      check_t[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  {
    double parse = median (parse_t), load = median (load_t), gen = median (gen_t), save = median (save_t);

    g_print ("load:  %7.1f ms   bare json_parser_load_from_data %7.1f ms   ratio %.2f  (target <= 1.5)\n",
             load, parse, load / parse);
    g_print ("save:  %7.1f ms   bare json_generator_to_data     %7.1f ms   ratio %.2f  (target <= 1.5)\n",
             save, gen, save / gen);
    g_print ("atomic save to disk (check, serialize, write, fsync, backup, rename): %.1f ms\n", median (disk_t));
    g_print ("of which the rule check (lia_workspace_check): %.1f ms, %.2f of the serialization\n",
             median (check_t), median (check_t) / save);
  }

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  rss_base = child_peak_rss (argv[0], "read", path);
  rss_parse = child_peak_rss (argv[0], "parse", path);
  rss_load = child_peak_rss (argv[0], "load", path);
  g_print ("peak RSS: workspace load %.1f MiB, bare parse %.1f MiB, file read only %.1f MiB; "
           "load/parse growth ratio %.2f\n",
           rss_load / 1024.0, rss_parse / 1024.0, rss_base / 1024.0,
           (double) (rss_load - rss_base) / (double) (rss_parse - rss_base));

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
  return 0;
}
