/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "lia-history.h"
#include "lia-requirement.h"
#include "lia-step.h"
#include "lia-workspace.h"

/* A working day in the model: the sample workspace in a file with
 * autosave on, 10 000 edits of the kinds a user makes (typing in a
 * requirement, adding and removing steps, moving a requirement, undo and
 * redo), the autosaves they cause running as they would.  It prints the
 * resident memory after a warm-up of 1 000 edits and after the 10 000, and
 * how much the undo history holds against its cap.  Target (issue 22):
 * growth under 20 MiB. */

#define EDITS 10000
#define WARMUP 1000

static double
rss_mib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* Lets the autosave that the edits scheduled run to its end. */
static void
settle (LiaWorkspace *workspace)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (lia_workspace_get_modified (workspace) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static void
edit (LiaWorkspace *workspace,
      guint         n)
{
  LiaHistory *history = lia_workspace_get_history (workspace);
  GListStore *requirements = lia_workspace_get_requirements (workspace);
  guint n_req = g_list_model_get_n_items (G_LIST_MODEL (requirements));
  g_autoptr(LiaEntity) requirement = g_list_model_get_item (G_LIST_MODEL (requirements), n % n_req);
  GListStore *steps = lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS);

  switch (n % 10)
    {
    case 0: case 1: case 2: case 3: case 4:
      {
        /* Typing: one character more in the technical need. */
        g_autofree char *text = g_strdup_printf ("%s%c", lia_entity_get_string (requirement, LIA_REQUIREMENT_TECHNICAL_NEED),
                                                 'a' + n % 26);
        if (strlen (text) > 400)
          text[20] = '\0';
        lia_history_set_string (history, requirement, LIA_REQUIREMENT_TECHNICAL_NEED, text, FALSE);
      }
      break;
    case 5:
      {
        g_autoptr(LiaStep) step = lia_step_new ();
        g_autofree char *text = g_strdup_printf ("Step added at edit %u", n);

        lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, text);
        lia_history_insert (history, steps, g_list_model_get_n_items (G_LIST_MODEL (steps)), step);
      }
      break;
    case 6:
      if (g_list_model_get_n_items (G_LIST_MODEL (steps)) > 1)
        lia_history_remove (history, steps, g_list_model_get_n_items (G_LIST_MODEL (steps)) - 1);
      break;
    case 7:
      lia_history_move (history, requirements, n % n_req, (n + 1) % n_req);
      break;
    case 8:
      lia_history_undo (history);
      break;
    case 9:
      lia_history_redo (history);
      break;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("en");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-session-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "day.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double start, end;
  guint saves = 0;

  g_assert_no_error (error);
  if (!lia_workspace_save (workspace, file, NULL, &error))
    g_error ("%s", error->message);
  lia_workspace_set_autosave (workspace, 1);

  for (guint n = 0; n < WARMUP; n++)
    {
      edit (workspace, n);
      if (n % 50 == 49)
        settle (workspace);
    }
  settle (workspace);
  start = rss_mib ();
  for (guint n = WARMUP; n < EDITS; n++)
    {
      edit (workspace, n);
      /* A person pauses; autosave writes the file then. */
      if (n % 50 == 49)
        {
          settle (workspace);
          saves++;
        }
    }
  settle (workspace);
  end = rss_mib ();

  g_print ("%u edits, %u autosave pauses: RSS %.1f MiB after %u edits, %.1f MiB after %u; growth %.1f MiB (target < 20)\n",
           EDITS, saves, start, WARMUP, end, EDITS, end - start);
  g_print ("undo history: %u steps, %.1f MiB held (cap %.0f MiB)\n",
           lia_history_get_n_undo (lia_workspace_get_history (workspace)),
           lia_history_get_memory_size (lia_workspace_get_history (workspace)) / (1024.0 * 1024.0), 32.0);

  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);
  return 0;
}
