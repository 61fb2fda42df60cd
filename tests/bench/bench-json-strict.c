/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-json-strict.h"
#include "lia-test-workspace.h"

/* The strict pre-pass against json-glib's parse of the same bytes, in the
 * same run.  The reader runs both, so the pass must stay a small fraction
 * of the parse: target well under 0.5x. */

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

static void
measure (const char *what,
         const char *data,
         gsize       length)
{
  double strict[ROUNDS], parse[ROUNDS];

  /* One discarded warm-up of each. */
  for (int round = -1; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      gint64 t0, t1, t2;

      t0 = g_get_monotonic_time ();
      if (!lia_json_check_strict (data, length, LIA_WORKSPACE_MAX_DEPTH, &error))
        g_error ("%s refused: %s", what, error->message);
      t1 = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, data, length, &error))
        g_error ("%s: %s", what, error->message);
      t2 = g_get_monotonic_time ();
      if (round >= 0)
        {
          strict[round] = (t1 - t0) / 1000.0;
          parse[round] = (t2 - t1) / 1000.0;
        }
    }

  {
    double s = median (strict), p = median (parse);

    g_print ("%-34s %6.1f MiB  strict %7.1f ms (%5.0f MiB/s)  json-glib %7.1f ms  ratio %.3f\n",
             what, length / 1048576.0, s, length / 1048576.0 / (s / 1000.0), p, s / p);
  }
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 55000;

  /* About 50 MiB of the real workspace format; then the same with Chinese
   * owners, so the UTF-8 path is measured too. */
  {
    g_autoptr(LiaWorkspace) workspace = lia_test_workspace_new (n, 4, "infer-a");
    gsize length;
    g_autofree char *data = lia_workspace_to_data (workspace, &length);

    measure ("workspace, ASCII owners", data, length);
  }
  {
    g_autoptr(LiaWorkspace) workspace = lia_test_workspace_new (n, 4, "推理工程师张伟");
    gsize length;
    g_autofree char *data = lia_workspace_to_data (workspace, &length);

    measure ("workspace, Chinese owners", data, length);
  }
  /* One object with 200 000 keys: the hash index, not pairwise compares. */
  {
    g_autoptr(GString) json = g_string_new ("{");

    for (guint i = 0; i < 200000; i++)
      g_string_append_printf (json, "%s\"member-%u\": [%u, \"v\\u00e9\", 1.5e3]", i ? ",\n" : "", i, i);
    g_string_append (json, "}");
    measure ("one object, 200000 keys", json->str, json->len);
  }
  return 0;
}
