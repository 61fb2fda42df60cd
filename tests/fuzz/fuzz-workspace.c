/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the workspace reader.  Built with clang's libFuzzer by
 * `./build-aux/dev fuzz`; built without it (the default), main() below
 * replays files given on the command line, which is how `meson test` runs
 * the corpus (the samples and tests/data/bad) on every change. */
#include "config.h"

#include <string.h>

#include "lia-workspace.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_from_data ((const char *) data, size, "fuzz.liaison", &error);

  if (workspace != NULL)
    {
      /* Whatever is accepted must write back and read again identically. */
      gsize length;
      g_autofree char *out = lia_workspace_to_data (workspace, &length);
      g_autoptr(LiaWorkspace) again = lia_workspace_new_from_data (out, length, "fuzz-again.liaison", &error);
      g_autofree char *out2 = NULL;

      if (again == NULL)
        g_error ("accepted input wrote a file that does not read back: %s", error->message);
      out2 = lia_workspace_to_data (again, NULL);
      g_assert_cmpstr (out, ==, out2);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "fuzz.liaison"));
    }
  return 0;
}

#ifndef LIA_LIBFUZZER
int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        return 2;
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
    }
  g_print ("%d files replayed\n", argc - 1);
  return 0;
}
#endif
