/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-json-strict.h"
#include "lia-workspace.h"

#define DEPTH 256

static void
assert_ok_len (const char *json,
               gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (!lia_json_check_strict (json, length, DEPTH, &error))
    g_error ("refused %s: %s", json, error->message);
}

static void
assert_ok (const char *json)
{
  assert_ok_len (json, strlen (json));
}

/* Refused at @line:@column with a message containing @what. */
static void
assert_bad_len (const char *json,
                gsize       length,
                guint       max_depth,
                guint       line,
                guint       column,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("line %u, column %u: ", line, column);

  if (lia_json_check_strict (json, length, max_depth, &error))
    g_error ("accepted %s", json);
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON);
  if (!g_str_has_prefix (error->message, where) || strstr (error->message, what) == NULL)
    g_error ("%s: got “%s”, expected “%s…%s”", json, error->message, where, what);
}

static void
assert_bad (const char *json,
            guint       line,
            guint       column,
            const char *what)
{
  assert_bad_len (json, strlen (json), DEPTH, line, column, what);
}

static void
test_duplicate_keys (void)
{
  assert_bad ("{\n  \"requirements\": [{\"id\": \"a\"}],\n  \"requirements\": []\n}", 3, 3,
              "the key “requirements” appears twice in this object");
  /* Two spellings of one key. */
  assert_bad ("{\"a\": 1, \"\\u0061\": 2}", 1, 10, "“a” appears twice");
  assert_bad ("{\"\\u0061\": 1, \"a\": 2}", 1, 15, "“a” appears twice");
  assert_bad ("{\"aé\": 1, \"a\\u00e9\": 2}", 1, 11, "“aé” appears twice");
  assert_bad ("{\"\\ud83d\\ude00\": 1, \"😀\": 2}", 1, 21, "“😀” appears twice");
  assert_bad ("{\"a\\/b\": 1, \"a/b\": 2}", 1, 13, "“a/b” appears twice");
  /* Columns count characters, not bytes. */
  assert_bad ("{\"名字\": \"值\", \"名字\": 1}", 1, 13, "“名字” appears twice");
  /* A key with a control character is shown on one line. */
  assert_bad ("{\"a\\nb\": 1, \"a\\u000ab\": 2}", 1, 13, "“a\\u000ab” appears twice");

  /* The same key in different objects, or keys that differ only after
   * an escape, are fine; closing an object forgets its keys. */
  assert_ok ("{\"a\": {\"a\": 1}, \"b\": {\"a\": 1, \"b\": {\"a\": 2}}}");
  assert_ok ("{\"a\\u00e9\": 1, \"a\\u00e8\": 2, \"a\": 3, \"a\\t\": 4}");
  assert_ok ("{\"\": 1, \" \": 2}");
  assert_ok ("[{\"a\": 1}, {\"a\": 1}]");
  assert_bad ("{\"\\u0061\": {\"\\u0061\": 1}, \"b\": 2, \"\\u0062\": 3}", 1, 35, "“b” appears twice");
  assert_bad ("{\"x\": {\"a\": 1}, \"a\": 2, \"x\": 3}", 1, 25, "“x” appears twice");
}

static void
test_duplicate_keys_many (void)
{
  g_autoptr(GString) json = g_string_new ("{");

  /* Past the one-by-one comparison into the hash index and its growth. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "%s\"key-%u\": {\"k%u\": %u}", i ? ", " : "", i, i, i);
  g_string_append (json, "}");
  assert_ok (json->str);

  g_string_truncate (json, json->len - 1);
  g_string_append (json, ", \"key-\\u0034\\u0032\": 0}");
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_json_check_strict (json->str, json->len, DEPTH, &error));
    g_assert_nonnull (strstr (error->message, "“key-42” appears twice"));
  }

  /* The same with every key in the first 20 and the repeat at the end of
   * a big object: found whatever the object's size. */
  for (guint n = 2; n < 200; n += 7)
    {
      g_autoptr(GString) obj = g_string_new ("{");
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (obj, "\"%u\": 0, ", i);
      g_string_append_printf (obj, "\"%u\": 0}", n / 2);
      g_assert_false (lia_json_check_strict (obj->str, obj->len, DEPTH, &error));
      g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON);
    }
}

static void
test_numbers (void)
{
  assert_bad ("{\"duration\":\n 99999999999999999999}", 2, 2,
              "the number 99999999999999999999 is too large for a whole number");
  assert_bad ("[9223372036854775808]", 1, 2, "9223372036854775808 is too large");
  assert_bad ("[-9223372036854775809]", 1, 2, "-9223372036854775809 is too large");
  assert_bad ("[123456789012345678901234567890123456789012345678901234567890]", 1, 2,
              "1234567890123456789012345678901234567890… is too large");
  assert_bad ("[1e400]", 1, 2, "the number 1e400 is out of range");
  assert_bad ("[-1e400]", 1, 2, "-1e400 is out of range");
  assert_bad ("[1.7976931348623159e308]", 1, 2, "out of range");
  assert_bad ("[0.00000000001e320]", 1, 2, "out of range");
  assert_bad ("[1e99999999999999999999]", 1, 2, "out of range");

  assert_ok ("[9223372036854775807]");
  assert_ok ("[-9223372036854775808]");
  assert_ok ("[-0, 0, -0.0, 0.0, 0e0, -0E-0]");
  assert_ok ("[1.7976931348623157e308, -1.7976931348623157e308]");
  assert_ok ("[1e308, 0.1e309, 1000e305, 1e-400, 1e-99999999999999999999]");
  assert_ok ("[1E5, 1e+5, 1e-5, 0.5, 12.25e2]");
  assert_ok ("123");
  assert_ok ("-1");

  assert_bad ("[01]", 1, 3, "unexpected character “1”; expected “,” or “]”");
  assert_bad ("[.5]", 1, 2, "unexpected character “.”; expected a value");
  assert_bad ("[1.]", 1, 4, "unexpected character “]”");
  assert_bad ("[1e]", 1, 4, "unexpected character “]”");
  assert_bad ("[+1]", 1, 2, "unexpected character “+”");
  assert_bad ("[-]", 1, 3, "unexpected character “]”");
  assert_bad ("[0x10]", 1, 3, "unexpected character “x”");
  assert_bad ("[NaN]", 1, 2, "unexpected character “N”; expected a value");
  assert_bad ("[Infinity]", 1, 2, "unexpected character “I”");
}

static void
test_strings (void)
{
  assert_bad ("{\"title\": \"a\\u0000b\"}", 1, 13, "“\\u0000”, a NUL character Liaison cannot hold");
  assert_bad ("{\"title\":\n  \"x\\ud800\"}", 2, 5, "“\\ud800” is the first half of a surrogate pair");
  assert_bad ("\"\\ud800\"", 1, 2, "first half of a surrogate pair");
  assert_bad ("[\"\\udc00\"]", 1, 3, "“\\udc00” is the second half of a surrogate pair");
  assert_bad ("[\"\\ud83d\\u0041\"]", 1, 3, "first half of a surrogate pair");
  assert_bad ("[\"\\ud83d\\ud83d\"]", 1, 3, "first half of a surrogate pair");
  assert_bad ("[\"\\ud83d\\n\"]", 1, 3, "first half of a surrogate pair");
  assert_bad ("[\"\\x41\"]", 1, 3, "“\\x” is not a valid escape");
  assert_bad ("[\"\\'\"]", 1, 3, "“\\'” is not a valid escape");
  assert_bad ("[\"\\u12G4\"]", 1, 3, "four hexadecimal digits");
  assert_bad ("[\"\\\xe4\xb8\xad\"]", 1, 3, "must start an escape");
  assert_bad ("[\"a\tb\"]", 1, 4, "the control character U+0009 must be written as an escape");
  assert_bad ("[\n\"line\nbreak\"]", 2, 6, "U+000A");

  assert_ok ("[\"\\ud83d\\ude00\", \"\\uD83D\\uDE00\", \"😀\"]");
  assert_ok ("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u4e2d\\uffff\"]");
  assert_ok ("[\"需求翻译示例\", \"API设计会议议程示例\", \"\x7f\"]");
  assert_ok ("\"\"");
}

static void
test_utf8 (void)
{
  assert_bad ("[\"caf\xc3(\"]", 1, 6, "not valid UTF-8 (byte 0xC3)");
  assert_bad ("[\"\xc0\xaf\"]", 1, 3, "not valid UTF-8");
  assert_bad ("[\"\xed\xa0\x80\"]", 1, 3, "not valid UTF-8");
  assert_bad ("[\"\xf4\x90\x80\x80\"]", 1, 3, "not valid UTF-8");
  assert_bad ("[\"中\xe4\xb8\"]", 1, 4, "not valid UTF-8");
  assert_bad ("[\xff]", 1, 2, "not valid UTF-8 (byte 0xFF)");
  assert_bad ("[\"a\"]\n\xfe", 2, 1, "text after the end");
  assert_bad_len ("{\"format\": \"liaison-\0workspace\"}", 32, DEPTH, 1, 21, "U+0000");
  assert_bad_len ("[1]\0", 4, DEPTH, 1, 4, "text after the end");
  /* Valid non-ASCII outside a string is shown as it is. */
  assert_bad ("[中]", 1, 2, "unexpected character “中”; expected a value");
}

static void
test_syntax (void)
{
  assert_bad ("// workspace\n{}", 1, 1, "comments are not allowed in JSON");
  assert_bad ("{/* x */}", 1, 2, "comments are not allowed");
  assert_bad ("[1, /* x */ 2]", 1, 5, "comments are not allowed");
  assert_bad ("['a']", 1, 2, "single quotes are not allowed");
  assert_bad ("{'a': 1}", 1, 2, "single quotes are not allowed");
  assert_bad ("[1, 2,]", 1, 6, "a comma before “]” is not allowed");
  assert_bad ("{\"a\": 1,\n}", 1, 8, "a comma before “}” is not allowed");
  assert_bad ("[,]", 1, 2, "unexpected character “,”; expected a value");
  assert_bad ("{,}", 1, 2, "expected a key in double quotes");
  assert_bad ("{a: 1}", 1, 2, "unexpected character “a”; expected a key in double quotes");
  assert_bad ("{\"a\" 1}", 1, 6, "expected “:” after the key");
  assert_bad ("[1 2]", 1, 4, "unexpected character “2”; expected “,” or “]”");
  assert_bad ("{\"a\": 1 \"b\": 2}", 1, 9, "expected “,” or “}”");
  assert_bad ("{\"a\": 1]", 1, 8, "unexpected character “]”; expected “,” or “}”");
  assert_bad ("[True]", 1, 2, "unexpected character “T”");
  assert_bad ("[trux]", 1, 5, "unexpected character “x”");
  assert_bad ("[\x01]", 1, 2, "unexpected character “U+0001”");

  assert_bad ("{\"format\": \"liaison-workspace\"} x", 1, 33, "there is text after the end of the JSON value");
  assert_bad ("{}{}", 1, 3, "text after the end");
  assert_bad ("{}\n\n  []", 3, 3, "text after the end");
  assert_bad ("1 2", 1, 3, "text after the end");

  assert_bad ("", 1, 1, "the text ends before the JSON value is complete");
  assert_bad ("  \n ", 2, 2, "ends before the JSON value is complete");
  assert_bad ("{\"a\": [1, 2", 1, 12, "ends before");
  assert_bad ("{\"a\":", 1, 6, "ends before");
  assert_bad ("{\"a\"", 1, 5, "ends before");
  assert_bad ("{", 1, 2, "ends before");
  assert_bad ("[\"abc", 1, 6, "ends before");
  assert_bad ("[\"\\u12", 1, 7, "ends before");
  assert_bad ("[tr", 1, 4, "ends before");
  assert_bad ("[-", 1, 3, "ends before");
  assert_bad ("[1e", 1, 4, "ends before");

  assert_ok ("{}");
  assert_ok ("[]");
  assert_ok (" \t\r\n{ \"a\" : [ ] , \"b\" : { } }\r\n ");
  assert_ok ("[true, false, null, [], {}, [[]], [{}]]");
  assert_ok ("\xef\xbb\xbf{}");
}

static void
test_depth (void)
{
  g_autoptr(GString) json = g_string_new (NULL);

  assert_ok ("[[[[1]]]]");
  g_assert_true (lia_json_check_strict ("[[[[1]]]]", 9, 4, NULL));
  assert_bad_len ("[[[[[1]]]]]", 11, 4, 1, 5, "nested more than 4 levels deep");
  assert_bad_len ("{\"a\": {\"b\": [{}]}}", 18, 3, 1, 14, "nested more than 3 levels deep");
  /* One level is singular (the message goes through ngettext). */
  assert_bad_len ("[[1]]", 5, 1, 1, 2, "nested more than 1 level deep");

  /* The workspace's own limit: 256 levels pass, 257 do not. */
  for (guint i = 0; i < 128; i++)
    g_string_append (json, "[{\"k\":");
  g_string_append (json, "1");
  for (guint i = 0; i < 128; i++)
    g_string_append (json, "}]");
  assert_ok (json->str);
  g_string_prepend (json, "[");
  g_string_append (json, "]");
  assert_bad (json->str, 1, 765, "nested more than 256 levels deep");

  /* Deep enough to overflow any recursive parser: refused at once. */
  g_string_truncate (json, 0);
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (json, '[');
  assert_bad (json->str, 1, 257, "nested more than 256 levels deep");
}

static void
test_no_file_name (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lia_json_check_strict ("[1,]", 4, DEPTH, &error));
  g_assert_true (g_str_has_prefix (error->message, "line 1, column 3: "));
  g_assert_null (strstr (error->message, ".liaison"));
  /* No error asked for: still refused, nothing crashes. */
  g_assert_false (lia_json_check_strict ("[1,]", 4, DEPTH, NULL));
  g_assert_true (lia_json_check_strict (NULL, 0, DEPTH, NULL) == FALSE);
}

static void
test_holdable (void)
{
  g_assert_true (lia_json_string_is_holdable ("中文 text", -1));
  g_assert_true (lia_json_string_is_holdable ("", 0));
  g_assert_true (lia_json_string_is_holdable ("😀", -1));
  g_assert_false (lia_json_string_is_holdable ("a\0b", 3));
  g_assert_false (lia_json_string_is_holdable ("\xed\xa0\x80", -1));
  g_assert_false (lia_json_string_is_holdable ("caf\xc3", -1));
  g_assert_true (lia_json_string_is_holdable ("ab\xc3", 2));
}

static void
check_dir (const char *dir_path,
           const char *suffix,
           gboolean    must_pass,
           gboolean    by_prefix,
           guint      *count)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      gboolean ok;

      if (!g_str_has_suffix (name, suffix))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      ok = lia_json_check_strict (contents, length, LIA_WORKSPACE_MAX_DEPTH, &error);
      g_test_message ("%s: %s", name, ok ? "accepted" : error->message);
      if (ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON);
      if (must_pass && !ok)
        g_error ("%s refused: %s", name, error->message);
      /* Seeds say by their name whether they must pass. */
      if (by_prefix && g_str_has_prefix (name, "ok-") && !ok)
        g_error ("%s refused: %s", name, error->message);
      if (by_prefix && g_str_has_prefix (name, "bad-") && ok)
        g_error ("%s accepted", name);
      (*count)++;
    }
}

static void
test_corpus (void)
{
  g_autofree char *samples = g_test_build_filename (G_TEST_DIST, "data", "samples", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "tests", "data", "bad", NULL);
  g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "tests", "fuzz", "json-seeds", NULL);
  guint n_samples = 0, n_bad = 0, n_seeds = 0;

  check_dir (samples, ".liaison", TRUE, FALSE, &n_samples);
  check_dir (bad, ".liaison", FALSE, FALSE, &n_bad);
  check_dir (seeds, ".json", FALSE, TRUE, &n_seeds);
  g_assert_cmpuint (n_samples, >=, 2);
  g_assert_cmpuint (n_bad, >=, 10);
  g_assert_cmpuint (n_seeds, >=, 20);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-strict/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/json-strict/duplicate-keys-many", test_duplicate_keys_many);
  g_test_add_func ("/json-strict/numbers", test_numbers);
  g_test_add_func ("/json-strict/strings", test_strings);
  g_test_add_func ("/json-strict/utf8", test_utf8);
  g_test_add_func ("/json-strict/syntax", test_syntax);
  g_test_add_func ("/json-strict/depth", test_depth);
  g_test_add_func ("/json-strict/no-file-name", test_no_file_name);
  g_test_add_func ("/json-strict/holdable", test_holdable);
  g_test_add_func ("/json-strict/corpus", test_corpus);

  return g_test_run ();
}
