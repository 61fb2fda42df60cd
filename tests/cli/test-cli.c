/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static const char *language = NULL;

static void
run (Result *r,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LIAISON_CLI"));
  va_start (args, r);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

#define data_path(...) g_test_build_filename (G_TEST_DIST, __VA_ARGS__, NULL)

static void
test_help_and_version (void)
{
  g_auto(Result) help = { 0 };
  g_auto(Result) version = { 0 };
  g_auto(Result) none = { 0 };
  g_auto(Result) unknown = { 0 };

  run (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "validate"));
  g_assert_nonnull (strstr (help.out, "export"));

  run (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "liaison-cli " PACKAGE_VERSION "\n");

  run (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);

  run (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command “frobnicate”"));
}

static void
test_validate (void)
{
  g_autofree char *good = data_path ("data", "samples", "sample.zh_CN.liaison");
  g_autofree char *bad = data_path ("tests", "data", "bad", "score-seven.liaison");
  g_autofree char *missing = data_path ("tests", "data", "bad", "does-not-exist.liaison");
  g_auto(Result) ok = { 0 };
  g_auto(Result) fail = { 0 };
  g_auto(Result) both = { 0 };
  g_auto(Result) absent = { 0 };
  g_auto(Result) no_args = { 0 };

  run (&ok, "validate", good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "valid"));

  run (&fail, "validate", bad, NULL);
  g_assert_cmpint (fail.status, ==, 2);
  g_assert_nonnull (strstr (fail.err, "score-seven.liaison: meetings[0].evaluation.ratings[0].score: must be between 0 and 5 (found 7)"));
  g_assert_cmpstr (fail.out, ==, "");

  /* Every file is checked; one bad file fails the run. */
  run (&both, "validate", good, bad, NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_nonnull (strstr (both.out, "sample.zh_CN.liaison: valid"));
  g_assert_nonnull (strstr (both.err, "score-seven.liaison"));

  run (&absent, "validate", missing, NULL);
  g_assert_cmpint (absent.status, ==, 2);
  g_assert_nonnull (strstr (absent.err, "does-not-exist.liaison"));

  run (&no_args, "validate", NULL);
  g_assert_cmpint (no_args.status, ==, 2);
}

static void
test_export (void)
{
  g_autofree char *sample = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *written = NULL;
  g_auto(Result) md = { 0 };
  g_auto(Result) csv = { 0 };
  g_auto(Result) bad_format = { 0 };

  run (&md, "export", "--format", "md", sample, NULL);
  g_assert_cmpint (md.status, ==, 0);
  g_assert_true (g_str_has_prefix (md.out, "| Business need | Technical need | Engineering steps |"));
  g_assert_nonnull (strstr (md.out, "| Improve model inference speed | Optimize inference engine performance | 1. Analyze"));

  run (&csv, "export", "--format", "csv", "--output", out_path, sample, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.out, ==, "");
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "Business need,Technical need,Engineering steps,Owner,Priority,Status,Rationale\r\n"
                                            "Improve model inference speed,Optimize inference engine performance,\"1. Analyze"));

  run (&bad_format, "export", "--format", "xlsx", sample, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "unknown format “xlsx”"));

  g_unlink (out_path);
  g_rmdir (dir);
}

static void
test_export_csv_injection (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "evil.liaison", NULL);
  g_auto(Result) csv = { 0 };
  const char *doc =
    "{\"format\": \"liaison-workspace\", \"version\": 1, \"requirements\": ["
    "{\"id\": \"5e0c7a7a-1111-4a8e-9a59-000000000001\", \"business_need\": \"=cmd|' /C calc'!A0\","
    " \"technical_need\": \"@SUM(1+1)\", \"owner\": \"+1\", \"steps\": []}]}";

  g_assert_true (g_file_set_contents (path, doc, -1, NULL));
  run (&csv, "export", "--format", "csv", path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, "\r\n'=cmd|' /C calc'!A0,'@SUM(1+1),,'+1,Medium,Draft,\r\n"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_bad_file (void)
{
  g_autofree char *bad = data_path ("tests", "data", "bad", "invalid-utf8.liaison");
  g_auto(Result) r = { 0 };

  run (&r, "export", bad, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "invalid-utf8.liaison: line 3, column 16: the file is not valid UTF-8 text"));
  g_assert_cmpstr (r.out, ==, "");
}

static void
test_schema_is_shipped (void)
{
  g_autofree char *path = data_path ("data", "liaison-workspace.schema.json");
  g_autofree char *shipped = NULL;
  g_auto(Result) r = { 0 };

  /* data/ ships what the code derives from its field tables. */
  g_assert_true (g_file_get_contents (path, &shipped, NULL, NULL));
  run (&r, "schema", NULL);
  g_assert_cmpint (r.status, ==, 0);
  if (g_strcmp0 (r.out, shipped) != 0)
    g_error ("data/liaison-workspace.schema.json is stale: regenerate it with liaison-cli schema");
}

static void
test_translated (void)
{
  g_autofree char *bad = data_path ("tests", "data", "bad", "score-seven.liaison");
  g_auto(Result) help = { 0 };
  g_auto(Result) fail = { 0 };

  language = "zh_CN";
  run (&help, "--help", NULL);
  run (&fail, "validate", bad, NULL);
  language = NULL;

  g_assert_true (g_str_has_prefix (help.out, "用法:liaison-cli 命令 [选项…]"));
  g_assert_nonnull (strstr (fail.err, "score-seven.liaison: meetings[0].evaluation.ratings[0].score: 必须介于 0 和 5 之间(实际为 7)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/export-csv-injection", test_export_csv_injection);
  g_test_add_func ("/cli/export-bad-file", test_export_bad_file);
  g_test_add_func ("/cli/schema-is-shipped", test_schema_is_shipped);
  g_test_add_func ("/cli/translated", test_translated);

  return g_test_run ();
}
