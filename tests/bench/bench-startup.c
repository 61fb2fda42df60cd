/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Start-up benchmark: time from fork to the first top-level MapNotify on
 * the root window, and VmRSS 2 s later, for several programs under the
 * same X server and renderer.  Each program gets one discarded warm-up
 * run and ROUNDS measured runs; medians are printed with ratios against
 * the first program after the reference label.
 *
 *   bench-startup ROUNDS REFERENCE LABEL 'COMMAND' [LABEL 'COMMAND']...
 */
#include <X11/Xlib.h>
#include <fcntl.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static long
rss_kib (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
run_once (Display  *dpy,
          char    **argv,
          double   *ms,
          long     *kib)
{
  Window root = DefaultRootWindow (dpy);
  gint64 start, deadline;
  pid_t pid;
  gboolean mapped = FALSE;

  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, True);

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      /* The programs' own warnings are not the benchmark's output. */
      if (null >= 0)
        dup2 (null, STDERR_FILENO);
      setsid ();
      execvp (argv[0], argv);
      _exit (127);
    }

  deadline = start + 20 * G_USEC_PER_SEC;
  while (!mapped && g_get_monotonic_time () < deadline)
    {
      while (XPending (dpy))
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          if (ev.type == MapNotify && !ev.xmap.override_redirect && ev.xmap.event == root)
            {
              *ms = (g_get_monotonic_time () - start) / 1000.0;
              mapped = TRUE;
              break;
            }
        }
      if (!mapped)
        g_usleep (500);
    }
  XSelectInput (dpy, root, NoEventMask);

  if (mapped)
    {
      g_usleep (2 * G_USEC_PER_SEC);
      *kib = rss_kib (pid);
    }
  kill (-pid, SIGTERM);
  kill (pid, SIGTERM);
  g_usleep (200000);
  kill (-pid, SIGKILL);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  return mapped;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  Display *dpy = XOpenDisplay (NULL);
  int rounds;
  guint n = 0;
  double med_ms[16];
  double med_mib[16];
  const char *labels[16];
  int reference = -1;

  if (dpy == NULL || argc < 5 || (argc - 3) % 2 != 0)
    {
      fprintf (stderr, "usage: %s ROUNDS REFERENCE LABEL 'COMMAND' [LABEL 'COMMAND']... (needs $DISPLAY)\n", argv[0]);
      return 2;
    }
  rounds = atoi (argv[1]);

  for (int i = 3; i + 1 < argc && n < G_N_ELEMENTS (med_ms); i += 2, n++)
    {
      g_auto(GStrv) cmd = NULL;
      double ms[64], mib[64];
      int ok = 0;

      labels[n] = argv[i];
      if (g_str_equal (argv[i], argv[2]))
        reference = n;
      if (!g_shell_parse_argv (argv[i + 1], NULL, &cmd, NULL))
        return 2;

      for (int r = 0; r <= rounds && r < 64; r++)
        {
          double t = 0;
          long k = 0;

          if (!run_once (dpy, cmd, &t, &k))
            {
              fprintf (stderr, "%s: no window within 20 s\n", labels[n]);
              return 1;
            }
          if (r == 0)
            continue; /* warm-up: caches, fonts, shaders */
          ms[ok] = t;
          mib[ok] = k / 1024.0;
          ok++;
        }
      qsort (ms, ok, sizeof *ms, cmp_double);
      qsort (mib, ok, sizeof *mib, cmp_double);
      med_ms[n] = ms[ok / 2];
      med_mib[n] = mib[ok / 2];
      printf ("%-22s first window %7.0f ms   RSS after 2 s %6.1f MiB   (median of %d)\n",
              labels[n], med_ms[n], med_mib[n], ok);
    }

  if (reference >= 0)
    for (guint i = 0; i < n; i++)
      if ((int) i != reference)
        printf ("%-22s vs %s: start-up %.2fx, memory %.2fx\n", labels[i], labels[reference],
                med_ms[i] / med_ms[reference], med_mib[i] / med_mib[reference]);

  XCloseDisplay (dpy);
  return 0;
}
