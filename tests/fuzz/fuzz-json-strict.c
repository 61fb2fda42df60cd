/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the strict JSON pass, cross-checked against json-glib:
 * whatever the pass accepts, json-glib must parse, and writing it back
 * must give valid UTF-8, so nothing the pass lets through can turn into
 * a file Liaison cannot open.  Built with
 * libFuzzer by `FUZZ_TARGET=json-strict ./build-aux/dev fuzz`; without it,
 * main() below replays the files given on the command line (meson test). */
#include "config.h"

#include <string.h>

#include "lia-json-strict.h"
#include "lia-workspace.h"

#define DEPTH 64

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *out = NULL;
  JsonNode *root;

  if (!lia_json_check_strict ((const char *) data, size, DEPTH, &error))
    {
      g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON);
      g_assert_true (g_str_has_prefix (error->message, "line "));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) data, size, &error))
    g_error ("the strict pass accepted what json-glib refuses: %s", error->message);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);

  /* Not checked again strictly: json-glib 1.6 writes 1e40 as "1e+40.0",
   * which nothing reads back; the workspace writer formats its numbers
   * itself, and fuzz-workspace checks that round trip. */
  out = json_to_string (root, FALSE);
  if (!g_utf8_validate (out, -1, NULL))
    g_error ("accepted input was written back as invalid UTF-8: %s", out);
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
