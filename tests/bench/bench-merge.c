/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lia-file-util.h"
#include "lia-merge.h"
#include "lia-model.h"
#include "lia-test-workspace.h"
#include "lia-workspace-private.h"

/* The git merge driver on a team's largest workspace: 100 000 entities,
 * two copies edited with 1000 changes each (fields, steps added and
 * removed, requirements moved), against loading the same three files,
 * measured in the same run.  Target: merge within 2x of the loads.
 * "Merge" is what `liaison-cli merge` does: read and check the three
 * files, merge, write the result. */

#ifndef ROUNDS
#define ROUNDS 5
#endif
#define CHANGES 1000

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

static LiaEntity *
requirement_at (LiaWorkspace *ws,
                guint         i)
{
  return g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_requirements (ws)), i);
}

/* 1000 changes of one side: @offset keeps the sides' edits on different
 * requirements, except every 50th, which both change (a conflict). */
static void
edit_side (LiaWorkspace *ws,
           guint         offset,
           const char   *who)
{
  GListStore *reqs = lia_workspace_get_requirements (ws);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reqs));

  for (guint c = 0; c < CHANGES; c++)
    {
      guint i = (c % 50 == 0) ? c * 17 % n : (c * 17 + offset) % n;
      g_autoptr(LiaEntity) req = requirement_at (ws, i);

      switch (c % 4)
        {
        case 0:
          {
            g_autofree char *need = g_strdup_printf ("Need %u, as %s wrote it", i, who);
            lia_entity_set_string (req, LIA_REQUIREMENT_BUSINESS_NEED, need);
          }
          break;
        case 1:
          {
            g_autofree char *id = g_uuid_string_random ();
            g_autoptr(LiaStep) step = g_object_new (LIA_TYPE_STEP, "id", id, NULL);

            lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, who);
            g_list_store_append (lia_entity_get_list (req, LIA_REQUIREMENT_STEPS), step);
          }
          break;
        case 2:
          g_list_store_remove (lia_entity_get_list (req, LIA_REQUIREMENT_STEPS), 0);
          break;
        default:
          {
            g_autoptr(LiaEntity) keep = g_object_ref (req);

            g_list_store_remove (reqs, i);
            g_list_store_insert (reqs, (i + 7) % n, keep);
          }
          break;
        }
    }
}

static void
write_workspace (LiaWorkspace *ws,
                 const char   *path)
{
  g_autofree char *data = lia_workspace_to_data (ws, NULL);

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
}

static LiaWorkspace *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaWorkspace *ws = lia_workspace_new_from_file (file, NULL, NULL);

  g_assert_nonnull (ws);
  return ws;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-merge-XXXXXX", NULL);
  g_autofree char *base_path = g_build_filename (dir, "base.liaison", NULL);
  g_autofree char *ours_path = g_build_filename (dir, "ours.liaison", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "theirs.liaison", NULL);
  g_autofree char *result_path = g_build_filename (dir, "result.liaison", NULL);
  double load_t[ROUNDS], merge_t[ROUNDS];
  guint n_conflicts = 0;

  {
    g_autoptr(LiaWorkspace) base = lia_test_workspace_new (20000, 4, "Inference Engineer A");
    g_autofree char *data = lia_workspace_to_data (base, NULL);
    g_autoptr(LiaWorkspace) ours = lia_workspace_new_from_data (data, strlen (data), "ours", NULL);
    g_autoptr(LiaWorkspace) theirs = lia_workspace_new_from_data (data, strlen (data), "theirs", NULL);

    edit_side (ours, 0, "ours");
    edit_side (theirs, 10000, "theirs");
    g_assert_true (g_file_set_contents (base_path, data, -1, NULL));
    write_workspace (ours, ours_path);
    write_workspace (theirs, theirs_path);
    g_print ("workspace: 20000 requirements x (1 + 4 steps) = 100000 entities, %.1f MiB; "
             "%d changes a side\n", strlen (data) / 1048576.0, CHANGES);
  }

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0, t1;

      g_usleep (G_USEC_PER_SEC / 2);
      t0 = g_get_monotonic_time ();
      {
        g_autoptr(LiaWorkspace) b = load (base_path);
        g_autoptr(LiaWorkspace) o = load (ours_path);
        g_autoptr(LiaWorkspace) t = load (theirs_path);
      }
      load_t[r] = (g_get_monotonic_time () - t0) / 1000.0;

      g_usleep (G_USEC_PER_SEC / 2);
      t1 = g_get_monotonic_time ();
      {
        g_autoptr(LiaWorkspace) b = load (base_path);
        g_autoptr(LiaWorkspace) o = load (ours_path);
        g_autoptr(LiaWorkspace) t = load (theirs_path);
        g_autoptr(GString) out = NULL;

        g_assert_true (lia_workspace_merge (o, b, t, &n_conflicts, NULL));
        out = lia_workspace_serialize (o);
        g_assert_true (lia_write_file_atomically (result_path, out->str, out->len, FALSE, NULL));
      }
      merge_t[r] = (g_get_monotonic_time () - t1) / 1000.0;
    }

  g_print ("merge: %7.1f ms   loading the three files %7.1f ms   ratio %.2f  (target < 2)   %u conflicts\n",
           median (merge_t), median (load_t), median (merge_t) / median (load_t), n_conflicts);

  g_unlink (base_path);
  g_unlink (ours_path);
  g_unlink (theirs_path);
  g_unlink (result_path);
  g_rmdir (dir);
  return 0;
}
