/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

/* LIA_WORKSPACE_MAX_STRING; this test does not link the core. */
#define LIA_MAX_STRING (1024 * 1024)

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

/* Runs liaison-cli in @cwd (NULL: here); with @timeout_s, it is killed
 * after that many seconds (status 137), so a hang fails the test. */
static void
run_va (const char *cwd,
        guint       timeout_s,
        Result     *r,
        va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *arg;
  int wait_status;

  if (timeout_s > 0)
    {
      g_ptr_array_add (argv, g_strdup ("timeout"));
      g_ptr_array_add (argv, g_strdup ("-s"));
      g_ptr_array_add (argv, g_strdup ("KILL"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", timeout_s));
    }
  g_ptr_array_add (argv, g_strdup (g_getenv ("LIAISON_CLI")));
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  g_ptr_array_add (argv, NULL);
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);

  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
run (Result *r,
     ...)
{
  va_list args;

  va_start (args, r);
  run_va (NULL, 0, r, args);
  va_end (args);
}

static void
run_in (const char *cwd,
        guint       timeout_s,
        Result     *r,
        ...)
{
  va_list args;

  va_start (args, r);
  run_va (cwd, timeout_s, r, args);
  va_end (args);
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

/* validate lists every problem, not only the first; --repair rewrites
 * the file as recovery reads it and keeps the old one as FILE~. */
static void
test_validate_repair (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two.liaison", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *before = NULL;
  g_autofree char *kept = NULL;
  g_auto(Result) listed = { 0 };
  g_auto(Result) repaired = { 0 };
  g_auto(Result) again = { 0 };
  const char *doc =
    "{\"format\": \"liaison-workspace\", \"version\": 1,\n"
    " \"members\": [{\"id\": \"0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e01\", \"name\": \"Ada\", \"timezone\": \"Europe/Berlin\"}],\n"
    " \"tasks\": [{\"id\": \"5e0c7a7a-3333-4a8e-9a59-000000000001\", \"project\": \"P\", \"type\": \"Story\",\n"
    "             \"summary\": \"\", \"due\": \"2026-02-30\"}],\n"
    " \"meetings\": [{\"id\": \"5e0c7a7a-2222-4a8e-9a59-000000000001\", \"title\": \"Sync\", \"start\": \"2026-01-20T09:00\",\n"
    "                \"timezone\": \"UTC\", \"attendees\": [\"0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e01\", \"0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e09\"]}]}\n";

  g_assert_true (g_file_set_contents (path, doc, -1, NULL));

  run (&listed, "validate", path, NULL);
  g_assert_cmpint (listed.status, ==, 2);
  g_assert_nonnull (strstr (listed.err, "tasks[0].summary: must not be empty"));
  g_assert_nonnull (strstr (listed.err, "tasks[0].due: “2026-02-30” is not a date"));
  g_assert_nonnull (strstr (listed.err, "meetings[0].attendees[1]: “0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e09” is not the id of a member"));
  g_file_get_contents (path, &before, NULL, NULL);
  g_assert_cmpstr (before, ==, doc);

  run (&repaired, "validate", "--repair", path, NULL);
  g_assert_cmpint (repaired.status, ==, 1);
  g_assert_nonnull (strstr (repaired.out, "repaired (3 problems)"));
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, doc);

  run (&again, "validate", path, NULL);
  g_assert_cmpint (again.status, ==, 0);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
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
  g_assert_nonnull (strstr (r.err, "invalid-utf8.liaison: line 3, column 16: the text is not valid UTF-8"));
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

  g_assert_true (g_str_has_prefix (help.out, "用法：liaison-cli 命令 [选项…]"));
  g_assert_nonnull (strstr (fail.err, "score-seven.liaison: meetings[0].evaluation.ratings[0].score: 必须介于 0 和 5 之间（实际为 7）"));
}

/* The intervals of "overlap --json" as "START END a,b" lines. */
static char *
intervals_of (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  JsonArray *intervals;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  intervals = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "intervals");
  for (guint i = 0; i < json_array_get_length (intervals); i++)
    {
      JsonObject *iv = json_array_get_object_element (intervals, i);
      JsonArray *available = json_object_get_array_member (iv, "available");

      g_string_append_printf (out, "%s %s ", json_object_get_string_member (iv, "start"),
                              json_object_get_string_member (iv, "end"));
      for (guint k = 0; k < json_array_get_length (available); k++)
        g_string_append_printf (out, "%s%s", k ? "," : "", json_array_get_string_element (available, k));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_overlap (void)
{
  g_auto(Result) json = { 0 };
  g_auto(Result) text = { 0 };
  g_auto(Result) summer = { 0 };
  g_autofree char *got = NULL, *got_summer = NULL;
  g_autofree char *sample = data_path ("data", "samples", "sample.en.liaison");

  run (&json, "overlap", "--json", "--from", "2026-01-14T00:00:00Z", "--to", "2026-01-15T00:00:00Z", "--min", "2",
       "San Francisco=America/Los_Angeles", "London=Europe/London,09:00-18:00", "Beijing=Asia/Shanghai,09:00-18:00,Mon-Fri", NULL);
  g_assert_cmpint (json.status, ==, 0);
  got = intervals_of (json.out);
  g_assert_cmpstr (got, ==,
                   "2026-01-14T01:00:00Z 2026-01-14T02:00:00Z San Francisco,Beijing\n"
                   "2026-01-14T09:00:00Z 2026-01-14T10:00:00Z London,Beijing\n"
                   "2026-01-14T17:00:00Z 2026-01-14T18:00:00Z San Francisco,London\n");

  /* The readable form shows every interval in every member's own time. */
  run (&text, "overlap", "--from", "2026-01-14", "--to", "2026-01-15", "--min", "2",
       "San Francisco=America/Los_Angeles", "London=Europe/London", "Beijing=Asia/Shanghai", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "2026-01-14 17:00 – 18:00 UTC (60 min): San Francisco, London"));
  g_assert_nonnull (strstr (text.out, "San Francisco  Wed 09:00–10:00  UTC-8 PST  inside hours"));
  g_assert_nonnull (strstr (text.out, "Beijing        Thu 01:00–02:00  UTC+8 CST\n"));

  /* All eight of the sample's cities, in July, from the workspace. */
  run (&summer, "overlap", "--json", "--from", "2026-07-15", "--to", "2026-07-16", "--min", "5",
       "--workspace", sample, NULL);
  g_assert_cmpint (summer.status, ==, 0);
  got_summer = intervals_of (summer.out);
  g_assert_cmpstr (got_summer, ==,
                   "2026-07-15T07:00:00Z 2026-07-15T08:00:00Z Security Engineer,Test Engineer,Inference Engineer A,Inference Engineer B,Technical Writer\n"
                   "2026-07-15T08:00:00Z 2026-07-15T09:00:00Z Facilitator,Security Engineer,Test Engineer,Inference Engineer A,Inference Engineer B\n");
}

static void
test_overlap_busy (void)
{
  g_auto(Result) r = { 0 };
  g_autofree char *got = NULL;
  g_autofree char *ics = data_path ("tests", "data", "calendars", "new-york-standup.ics");
  g_autofree char *busy = g_strconcat ("New York=", ics, NULL);

  /* The standup (09:30 in a zone the file defines itself) takes half an
   * hour each weekday, except Thursday's, cancelled by EXDATE. */
  run (&r, "overlap", "--json", "--from", "2026-01-14", "--to", "2026-01-16", "--busy", busy,
       "New York=America/New_York", NULL);
  g_assert_cmpint (r.status, ==, 0);
  got = intervals_of (r.out);
  g_assert_cmpstr (got, ==,
                   "2026-01-14T14:00:00Z 2026-01-14T14:30:00Z New York\n"
                   "2026-01-14T15:00:00Z 2026-01-14T23:00:00Z New York\n"
                   "2026-01-15T14:00:00Z 2026-01-15T23:00:00Z New York\n");
}

static void
test_slots (void)
{
  g_auto(Result) r = { 0 };
  g_auto(Result) weekly = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *first, *member;

  run (&r, "slots", "--json", "--duration", "60", "--from", "2026-01-12", "--to", "2026-01-17", "--count", "3",
       "San Francisco=America/Los_Angeles", "London=Europe/London", "Beijing=Asia/Shanghai", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "slots")), ==, 3);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "slots"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "start"), ==, "2026-01-12T09:00:00Z");
  g_assert_cmpint (json_object_get_int_member (first, "inside"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "inconvenience"), ==, 120);
  member = json_array_get_object_element (json_object_get_array_member (first, "members"), 0);
  g_assert_cmpstr (json_object_get_string_member (member, "local_start"), ==, "2026-01-12T01:00:00-08:00");
  g_assert_cmpstr (json_object_get_string_member (member, "weekday"), ==, "Mon");
  g_assert_false (json_object_get_boolean_member (member, "inside"));

  run (&weekly, "slots", "--duration", "60", "--from", "2026-01-12", "--weekly", "3",
       "San Francisco=America/Los_Angeles", "London=Europe/London", "Beijing=Asia/Shanghai", NULL);
  g_assert_cmpint (weekly.status, ==, 0);
  g_assert_nonnull (strstr (weekly.out, "Week 3: 2026-01-27 01:00 – 02:00 UTC"));
  g_assert_nonnull (strstr (weekly.out, "    London         120\n"));
}

static void
expect_bad (const char *fragment,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LIAISON_CLI"));
  va_start (args, fragment);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_assert_cmpstr (out, ==, "");
  if (strstr (err, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", err, fragment);
}

static void
test_zone_errors (void)
{
  expect_bad ("--from is missing", "overlap", "--to", "2026-01-02", "A=UTC", NULL);
  expect_bad ("--to is missing", "overlap", "--from", "2026-01-02", "A=UTC", NULL);
  expect_bad ("--from: “soon”", "overlap", "--from", "soon", "--to", "2026-01-02", "A=UTC", NULL);
  expect_bad ("--to: The end of the range must come after its start", "overlap", "--from", "2026-01-02", "--to", "2026-01-01", "A=UTC", NULL);
  expect_bad ("longer than one year", "overlap", "--from", "2026-01-01", "--to", "2027-03-01", "A=UTC", NULL);
  expect_bad ("member “Mars=Mars/Base”: “Mars/Base” (for Mars) is not a known IANA time zone", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "Mars=Mars/Base", NULL);
  expect_bad ("member “A=UTC,9-5”", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "A=UTC,9-5", NULL);
  expect_bad ("member “A=UTC,09:00-17:00,Mon-Fryday”", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "A=UTC,09:00-17:00,Mon-Fryday", NULL);
  expect_bad ("member “London”", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "London", NULL);
  expect_bad ("--min 3", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "--min", "3", "A=UTC", "B=UTC", NULL);
  expect_bad ("--busy “B=x.ics”: no member is called “B”", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "--busy", "B=x.ics", "A=UTC", NULL);
  expect_bad ("--busy", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "--busy", "A=/nonexistent/x.ics", "A=UTC", NULL);
  expect_bad ("no members", "overlap", "--from", "2026-01-01", "--to", "2026-01-02", NULL);
  expect_bad ("--duration is missing", "slots", "--from", "2026-01-01", "--to", "2026-01-02", "A=UTC", NULL);
  expect_bad ("--duration: A 600-minute meeting does not fit", "slots", "--duration", "600", "--from", "2026-01-01T00:00Z", "--to", "2026-01-01T02:00Z", "A=UTC", NULL);
  expect_bad ("--count 0", "slots", "--duration", "30", "--count", "0", "--from", "2026-01-01", "--to", "2026-01-02", "A=UTC", NULL);
  expect_bad ("--weekly: A weekly series must have from 1 to 52", "slots", "--duration", "30", "--weekly", "60", "--from", "2026-01-01", "A=UTC", NULL);
}

static void
test_export_meeting (void)
{
  g_autofree char *zh = data_path ("data", "samples", "sample.zh_CN.liaison");
  g_autofree char *en = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *ics_path = g_build_filename (dir, "meeting.ics", NULL);
  g_autofree char *ics = NULL;
  g_auto(Result) md = { 0 };
  g_auto(Result) by_id = { 0 };
  g_auto(Result) to_file = { 0 };

  /* The article's table, in Chinese, from the Chinese sample. */
  language = "zh_CN";
  run (&md, "export", "--format", "md", "--meeting", "API设计会议", zh, NULL);
  language = NULL;
  g_assert_cmpint (md.status, ==, 0);
  g_assert_nonnull (strstr (md.out, "| 时间 | 议程 | 责任人 |\n|---|---|---|\n| 09:00-09:10 | 会议开场和背景介绍 | 主持人 |\n"));
  g_assert_nonnull (strstr (md.out, "| 10:15-10:45 | 性能和安全性需求讨论 | 性能工程师、安全工程师 |\n"));
  g_assert_nonnull (strstr (md.out, "| 11:00-11:10 | 会议总结和闭幕 | 主持人 |\n"));

  run (&by_id, "export", "-f", "md", "--meeting", "c356335a-69de-505a-8500-52d7853e9286", en, NULL);
  g_assert_cmpint (by_id.status, ==, 0);
  g_assert_true (g_str_has_prefix (by_id.out, "# API design meeting\n"));

  run (&to_file, "export", "--format", "ics", "--meeting", "API design meeting", "--output", ics_path, en, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  g_assert_true (g_file_get_contents (ics_path, &ics, NULL, NULL));
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=Asia/Shanghai:20260120T090000\r\n"));
  g_assert_nonnull (strstr (ics, "DTEND;TZID=Asia/Shanghai:20260120T111000\r\n"));
  g_unlink (ics_path);
  g_rmdir (dir);

  expect_bad ("no meeting has the id or title “Retro”", "export", "--meeting", "Retro", en, NULL);
  expect_bad ("unknown format “csv” for a meeting (use md or ics)", "export", "--format", "csv", "--meeting", "API design meeting", en, NULL);
  expect_bad ("unknown format “ics” (use md or csv)", "export", "--format", "ics", en, NULL);
}

static void
test_md_tree (void)
{
  g_autofree char *en = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-tree-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "tree", NULL);
  g_autofree char *ws = g_build_filename (dir, "copy.liaison", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *architecture = g_build_filename (out, "01-Technical-documentation", "01-Architecture.md", NULL);
  g_auto(Result) exported = { 0 };
  g_auto(Result) imported = { 0 };

  run (&exported, "export", "--format", "md-tree", "--page", "Technical documentation", "--output", out, en, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_test (architecture, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_get_contents (en, &sample, NULL, NULL));
  g_assert_true (g_file_set_contents (ws, sample, -1, NULL));
  run (&imported, "import", "md-tree", out, ws, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_true (g_file_get_contents (ws, &saved, NULL, NULL));
  /* The sample's space, then the imported subtree with fresh ids. */
  g_assert_cmpuint (strlen (saved), >, strlen (sample));
  g_assert_nonnull (strstr (saved, "\"title\": \"Security design\""));

  expect_bad ("--format md-tree needs --output DIR", "export", "--format", "md-tree", "--page", "User manual", en, NULL);
  expect_bad ("no page has the id or title “Nowhere”", "export", "--format", "md-tree", "--page", "Nowhere", "--output", out, en, NULL);
  expect_bad ("import needs: md-tree DIR FILE", "import", "zip", out, ws, NULL);
  expect_bad ("is not a folder", "import", "md-tree", ws, ws, NULL);

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

static void
make_sparse (const char *path,
             gint64      size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
}

/* Only regular files are read, the size checked first: nothing blocks,
 * nothing reads gigabytes. */
static void
test_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.liaison", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sparse.liaison", NULL);
  g_autofree char *busy = g_strconcat ("A=", fifo, NULL);
  g_autofree char *en = data_path ("data", "samples", "sample.en.liaison");
  g_auto(Result) zero = { 0 };
  g_auto(Result) pipe = { 0 };
  g_auto(Result) big = { 0 };
  g_auto(Result) folder = { 0 };
  g_auto(Result) payload = { 0 };
  g_auto(Result) calendar = { 0 };
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  make_sparse (sparse, G_GINT64_CONSTANT (5) << 30);

  run_in (NULL, 20, &zero, "validate", "/dev/zero", NULL);
  g_assert_cmpint (zero.status, ==, 2);
  g_assert_nonnull (strstr (zero.err, "/dev/zero: not a regular file"));

  run_in (NULL, 20, &pipe, "validate", fifo, NULL);
  g_assert_cmpint (pipe.status, ==, 2);
  g_assert_nonnull (strstr (pipe.err, "fifo.liaison: not a regular file"));

  run_in (NULL, 20, &big, "validate", sparse, NULL);
  g_assert_cmpint (big.status, ==, 2);
  g_assert_nonnull (strstr (big.err, "sparse.liaison: the file is too large (5368709120 bytes"));

  run_in (NULL, 20, &folder, "validate", dir, NULL);
  g_assert_cmpint (folder.status, ==, 2);
  g_assert_nonnull (strstr (folder.err, "not a regular file"));

  run_in (NULL, 20, &payload, "check-payload", "--contract", "ChatRequest", fifo, en, NULL);
  g_assert_cmpint (payload.status, ==, 2);
  g_assert_nonnull (strstr (payload.err, "fifo.liaison: not a regular file"));

  run_in (NULL, 20, &calendar, "overlap", "--from", "2026-01-01", "--to", "2026-01-02", "--busy", busy, "A=UTC", NULL);
  g_assert_cmpint (calendar.status, ==, 2);
  g_assert_nonnull (strstr (calendar.err, "fifo.liaison: not a regular file"));

  /* Valgrind (LIAISON_TEST_MEMCHECK) takes a second or more to start
   * each run; reading the 5 GiB would still take far longer. */
  g_assert_cmpint (g_get_monotonic_time () - start, <,
                   (g_getenv ("LIAISON_TEST_MEMCHECK") ? 60 : 10) * G_USEC_PER_SEC);
  g_unlink (fifo);
  g_unlink (sparse);
  g_rmdir (dir);
}

/* "--output -" is standard output; a file is written atomically, through
 * a symlink to its target, keeping its mode. */
static void
test_output (void)
{
  g_autofree char *en = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *dash = g_build_filename (dir, "-", NULL);
  g_autofree char *target = g_build_filename (dir, "table.md", NULL);
  g_autofree char *link = g_build_filename (dir, "link.md", NULL);
  g_autofree char *written = NULL;
  g_auto(Result) md = { 0 };
  g_auto(Result) ics = { 0 };
  g_auto(Result) schema = { 0 };
  g_auto(Result) to_link = { 0 };
  g_auto(Result) tree = { 0 };
  struct stat st;

  run_in (dir, 0, &md, "export", "--format", "md", "--output", "-", en, NULL);
  g_assert_cmpint (md.status, ==, 0);
  g_assert_true (g_str_has_prefix (md.out, "| Business need |"));
  run_in (dir, 0, &ics, "export", "--format", "ics", "--meeting", "API design meeting", "-o", "-", en, NULL);
  g_assert_cmpint (ics.status, ==, 0);
  g_assert_true (g_str_has_prefix (ics.out, "BEGIN:VCALENDAR\r\n"));
  run_in (dir, 0, &schema, "export", "--format", "jsonschema", "--contract", "ChatRequest", "--output", "-", en, NULL);
  g_assert_cmpint (schema.status, ==, 0);
  g_assert_true (g_str_has_prefix (schema.out, "{"));
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));

  /* A folder cannot be standard output. */
  run_in (dir, 0, &tree, "export", "--format", "md-tree", "--page", "User manual", "--output", "-", en, NULL);
  g_assert_cmpint (tree.status, ==, 2);
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("table.md", link), ==, 0);
  run_in (dir, 0, &to_link, "export", "--format", "md", "--output", link, en, NULL);
  g_assert_cmpint (to_link.status, ==, 0);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, md.out);

  g_unlink (link);
  g_unlink (target);
  g_rmdir (dir);
}

/* A member's zone is a name from the system's list; a path to a FIFO is
 * refused at once instead of hanging. */
static void
test_zone_paths (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "zone", NULL);
  g_autofree char *fifo_member = g_strconcat ("A=", fifo, NULL);
  g_autofree char *relative_member = g_strconcat ("A=../../../..", fifo, NULL);
  const char *bad[] = { fifo_member, relative_member, "A=../../../../etc/passwd", "A=/usr/share/zoneinfo/UTC",
                        "A=XYZ3", "A=+08:00" };
  const char *good[] = { "A=Asia/Calcutta", "A=America/Argentina/Buenos_Aires", "A=UTC" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Result) r = { 0 };
      g_auto(Result) slots = { 0 };

      run_in (NULL, 20, &r, "overlap", "--from", "2026-01-05T00:00Z", "--to", "2026-01-06T00:00Z", bad[i], "B=Europe/Berlin", NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "is not a known IANA time zone"));
      run_in (NULL, 20, &slots, "slots", "--duration", "30", "--from", "2026-01-05T00:00Z", "--to", "2026-01-06T00:00Z", bad[i], NULL);
      g_assert_cmpint (slots.status, ==, 2);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_auto(Result) r = { 0 };

      run_in (NULL, 20, &r, "overlap", "--from", "2026-01-05T00:00Z", "--to", "2026-01-06T00:00Z", good[i], "B=Europe/Berlin", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
put (const char *dir,
     const char *name,
     const char *text,
     gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
}

/* import md-tree never writes a workspace that does not open again. */
static void
test_md_tree_import_safety (void)
{
  g_autofree char *en = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-tree-XXXXXX", NULL);
  g_autofree char *tree = g_build_filename (dir, "tree", NULL);
  g_autofree char *bad_tree = g_build_filename (dir, "bad", NULL);
  g_autofree char *ws = g_build_filename (dir, "copy.liaison", NULL);
  g_autofree char *link = g_build_filename (tree, "07-passwd.md", NULL);
  g_autofree char *fifo = g_build_filename (tree, "08-fifo.md", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *big = g_strnfill (LIA_MAX_STRING + 1, 'x');
  g_auto(Result) imported = { 0 };
  g_auto(Result) valid = { 0 };
  g_auto(Result) too_big = { 0 };
  g_auto(Result) binary = { 0 };

  g_assert_true (g_file_get_contents (en, &sample, NULL, NULL));
  g_assert_true (g_file_set_contents (ws, sample, -1, NULL));
  g_assert_cmpint (g_mkdir (tree, 0700), ==, 0);
  put (tree, "01-bad-id.md", "---\ntitle: \"Bad id\"\nid: not-a-uuid\n---\n", -1);
  /* The sample's first member and meeting. */
  put (tree, "02-member.md", "---\ntitle: \"Member's id\"\nid: 97678b34-f8f2-53d1-ba9d-16d4d7b2462c\n---\n", -1);
  put (tree, "03-meeting.md", "---\ntitle: \"Meeting's id\"\nid: c356335a-69de-505a-8500-52d7853e9286\n---\n", -1);
  put (tree, "04-twice.md", "---\ntitle: \"Twice\"\nid: 0b7e7f43-3a39-4a83-9d8b-7f0b4d0a6c11\n---\n", -1);
  put (tree, "05-twice.md", "---\ntitle: \"Twice again\"\nid: 0b7e7f43-3a39-4a83-9d8b-7f0b4d0a6c11\n---\n", -1);
  put (tree, "06-plain.md", "# Plain\n", -1);
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  run_in (NULL, 20, &imported, "import", "md-tree", tree, ws, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.err, "07-passwd.md: a link that leads outside the imported folder, skipped"));
  g_assert_nonnull (strstr (imported.err, "08-fifo.md: not a regular file, skipped"));
  run (&valid, "validate", ws, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_true (g_file_get_contents (ws, &after, NULL, NULL));
  g_assert_null (strstr (after, "root:"));
  g_assert_nonnull (strstr (after, "\"title\": \"Twice again\""));

  /* Refused, naming the file: more than a workspace string holds, or not
   * UTF-8.  The workspace is left as it was. */
  before = g_strdup (after);
  g_assert_cmpint (g_mkdir (bad_tree, 0700), ==, 0);
  put (bad_tree, "01-big.md", big, -1);
  run_in (NULL, 20, &too_big, "import", "md-tree", bad_tree, ws, NULL);
  g_assert_cmpint (too_big.status, ==, 2);
  g_assert_nonnull (strstr (too_big.err, "01-big.md: the file is too large (1048577 bytes; at most 1048576)"));
  {
    g_autofree char *big_path = g_build_filename (bad_tree, "01-big.md", NULL);
    g_unlink (big_path);
  }
  put (bad_tree, "01-latin1.md", "caf\xe9\n", -1);
  run_in (NULL, 20, &binary, "import", "md-tree", bad_tree, ws, NULL);
  g_assert_cmpint (binary.status, ==, 2);
  g_assert_nonnull (strstr (binary.err, "01-latin1.md: not UTF-8 text"));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (ws, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

/* Writes @n Markdown pages with front matter (a title and a fresh id)
 * into a new folder @tree. */
static void
write_md_tree (const char *tree,
               guint       n)
{
  g_assert_cmpint (g_mkdir (tree, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%05u-page.md", i);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *text = g_strdup_printf ("---\ntitle: \"Page %u\"\nid: %s\n---\nbody\n", i, uuid);
      g_autofree char *path = g_build_filename (tree, name, NULL);
      FILE *f = fopen (path, "w");

      /* Plain writes: g_file_set_contents() renames each file into
       * place, which costs seconds for 10 000 files. */
      g_assert_nonnull (f);
      g_assert_cmpint (fputs (text, f), >=, 0);
      g_assert_cmpint (fclose (f), ==, 0);
    }
}

/* Imports @tree into a copy of the sample twice (the second import
 * clashes with every id of the first), checks the result and returns
 * the seconds the two imports took. */
static double
import_md_tree_twice (const char *dir,
                      const char *tree,
                      const char *sample)
{
  g_autofree char *ws = g_build_filename (dir, "copy.liaison", NULL);
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_auto(Result) valid = { 0 };
  gint64 start;
  double took;

  g_assert_true (g_file_set_contents (ws, sample, -1, NULL));
  start = g_get_monotonic_time ();
  run_in (NULL, 60, &first, "import", "md-tree", tree, ws, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_in (NULL, 60, &second, "import", "md-tree", tree, ws, NULL);
  g_assert_cmpint (second.status, ==, 0);
  took = (g_get_monotonic_time () - start) / 1e6;
  run (&valid, "validate", ws, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  return took;
}

/* 10 000 files import in time linear in their number (the old quadratic
 * id search took half a minute).  The check is against 1 000 files
 * imported in the same test, not a wall-clock limit, which a loaded
 * machine or a sanitizer build missed: linear is about 10 times the
 * small import, quadratic about 100.  Under valgrind
 * (LIAISON_TEST_MEMCHECK) 100 files and no clock: only what the import
 * allocates is looked at. */
static void
test_md_tree_import_many (void)
{
  gboolean memcheck = g_getenv ("LIAISON_TEST_MEMCHECK") != NULL;
  guint n_files = memcheck ? 100 : 10000;
  g_autofree char *en = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-tree-XXXXXX", NULL);
  g_autofree char *tree = g_build_filename (dir, "tree", NULL);
  g_autofree char *small = g_build_filename (dir, "small", NULL);
  g_autofree char *sample = NULL;
  double took, baseline;

  g_assert_true (g_file_get_contents (en, &sample, NULL, NULL));
  write_md_tree (tree, n_files);
  took = import_md_tree_twice (dir, tree, sample);
  g_test_message ("two imports of %u files: %.2f s", n_files, took);
  if (!memcheck)
    {
      write_md_tree (small, n_files / 10);
      baseline = import_md_tree_twice (dir, small, sample);
      g_test_message ("two imports of %u files: %.2f s (%.1f times)", n_files / 10, baseline, took / baseline);
      g_assert_cmpfloat (took, <, 30 * baseline);
    }

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (rm), ==, 0);
  }
}

/* liaison-cli convert: what a description or page becomes on each
 * service, and clear errors for a bad format or file. */
static void
test_convert (void)
{
  g_autofree char *task = data_path ("tests", "data", "markdown", "task-en.md");
  g_autofree char *dir = g_dir_make_tmp ("liaison-convert-XXXXXX", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "latin1.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.md", NULL);
  g_autofree char *pipe_cmd = NULL;
  g_autofree char *piped = NULL;
  g_autoptr(JsonNode) adf = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) help = { 0 };
  g_auto(Result) to_adf = { 0 };
  g_auto(Result) wiki = { 0 };
  g_auto(Result) storage = { 0 };
  g_auto(Result) redmine = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) no_to = { 0 };
  g_auto(Result) absent = { 0 };
  g_auto(Result) folder = { 0 };
  g_auto(Result) not_utf8 = { 0 };
  g_auto(Result) two = { 0 };
  JsonObject *heading;
  int wait_status;

  run (&help, "--help", NULL);
  g_assert_nonnull (strstr (help.out, "convert"));

  run (&to_adf, "convert", "--to", "adf", task, NULL);
  g_assert_cmpint (to_adf.status, ==, 0);
  adf = json_from_string (to_adf.out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (adf), "type"), ==, "doc");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (adf), "version"), ==, 1);
  heading = json_array_get_object_element (json_object_get_array_member (json_node_get_object (adf), "content"), 0);
  g_assert_cmpstr (json_object_get_string_member (heading, "type"), ==, "heading");

  run (&wiki, "convert", "--to", "jira-wiki", task, NULL);
  g_assert_cmpint (wiki.status, ==, 0);
  g_assert_true (g_str_has_prefix (wiki.out, "h1. Implement Continuous Batching\n"));
  g_assert_nonnull (strstr (wiki.out, "# Design the _Continuous Batching_ architecture"));

  run (&storage, "convert", "--to", "confluence-storage", task, NULL);
  g_assert_cmpint (storage.status, ==, 0);
  g_assert_true (g_str_has_prefix (storage.out, "<h1>Implement Continuous Batching</h1>"));
  g_assert_nonnull (strstr (storage.out, "<table>"));
  /* a link to a local page keeps its text: there is no workspace here */
  g_assert_nonnull (strstr (storage.out, "See <a href=\"https://docs.vllm.ai\">"));
  g_assert_null (strstr (storage.out, "page:"));

  run (&redmine, "convert", "--to", "redmine", task, NULL);
  g_assert_cmpint (redmine.status, ==, 0);
  g_assert_true (g_str_has_prefix (redmine.out, "# Implement Continuous Batching\n"));
  g_assert_true (g_str_has_suffix (redmine.out, "\n<!-- liaison:00000000-0000-0000-0000-000000000000 -->\n"));

  /* standard input, as "-" */
  pipe_cmd = g_strdup_printf ("printf '**bold** ~~gone~~' | '%s' convert --to jira-wiki -", g_getenv ("LIAISON_CLI"));
  g_spawn_sync (NULL, (char *[]) { "sh", "-c", pipe_cmd, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &piped, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  g_assert_cmpstr (piped, ==, "*bold* -gone-\n");

  run (&unknown, "convert", "--to", "html", task, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown format “html” for --to"));

  run (&no_to, "convert", task, NULL);
  g_assert_cmpint (no_to.status, ==, 2);
  g_assert_nonnull (strstr (no_to.err, "convert needs --to"));

  run (&two, "convert", "--to", "adf", task, task, NULL);
  g_assert_cmpint (two.status, ==, 2);

  run (&absent, "convert", "--to", "adf", missing, NULL);
  g_assert_cmpint (absent.status, ==, 2);
  g_assert_nonnull (strstr (absent.err, "missing.md"));
  g_assert_cmpstr (absent.out, ==, "");

  run (&folder, "convert", "--to", "adf", dir, NULL);
  g_assert_cmpint (folder.status, ==, 2);
  g_assert_nonnull (strstr (folder.err, "not a regular file"));

  g_assert_true (g_file_set_contents (latin1, "caf\xe9\n", -1, NULL));
  run (&not_utf8, "convert", "--to", "redmine", latin1, NULL);
  g_assert_cmpint (not_utf8.status, ==, 2);
  g_assert_nonnull (strstr (not_utf8.err, "latin1.md: byte 3: not UTF-8 text"));

  g_assert_cmpint (g_remove (latin1), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* show, git-setup and validate for teams that keep a workspace in git */

typedef void (*EditFunc) (JsonObject *root);

/* Writes @src, changed by @edit, to @dst (json-glib's own layout: the
 * reader takes any). */
static void
edit_workspace (const char *src,
                const char *dst,
                EditFunc    edit)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, src, &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_to_file (generator, dst, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *src,
           const char *dst)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (dst, contents, length, NULL));
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, NULL));
}

/* The lines where @a and @b differ, as "-old\n+new\n"; the outputs must
 * have as many lines (a one-field change adds or removes none). */
static char *
changed_lines (const char *a,
               const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  GString *diff = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    if (!g_str_equal (la[i], lb[i]))
      g_string_append_printf (diff, "-%s\n+%s\n", la[i], lb[i]);
  return g_string_free (diff, FALSE);
}

/* show prints the requirement table, the steps by number, meetings with
 * their agenda, attendees by name and the page tree by indentation; no
 * ids; the same file gives the same text. */
static void
test_show (void)
{
  g_autofree char *en = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *zh_sample = data_path ("data", "samples", "sample.zh_CN.liaison");
  g_autofree char *bad = data_path ("tests", "data", "bad", "score-seven.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *zh = g_build_filename (dir, "团队.liaison", NULL);
  g_auto(Result) shown = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) chinese = { 0 };
  g_auto(Result) broken = { 0 };
  g_auto(Result) usage = { 0 };

  run (&shown, "show", en, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_cmpstr (shown.err, ==, "");
  g_assert_true (g_str_has_prefix (shown.out, "Workspace: vLLM inference engine\n"));
  g_assert_nonnull (strstr (shown.out,
                            "\nMember: Facilitator\n"
                            "  Role: Facilitator\n"
                            "  City: London\n"
                            "  Time zone: Europe/London\n"
                            "  Working hours: 09:00–18:00\n"
                            "  Working days: Mon, Tue, Wed, Thu, Fri\n"));
  g_assert_nonnull (strstr (shown.out,
                            "\nRequirement 1: Improve model inference speed\n"
                            "  Technical need: Optimize inference engine performance\n"
                            "  Owner: Inference Engineer A\n"
                            "  Priority: High\n"
                            "  Status: Draft\n"
                            "  Steps:\n"
                            "    1. Analyze the current inference bottlenecks\n"
                            "      Status: To do\n"
                            "    2. Optimize KV cache management\n"));
  g_assert_nonnull (strstr (shown.out, "\nRequirement 3: Support more models\n"));
  g_assert_nonnull (strstr (shown.out,
                            "\nMeeting: API design meeting\n"
                            "  Start: 2026-01-20 09:00\n"
                            "  Time zone: Asia/Shanghai\n"
                            "  Duration: 130 min\n"));
  g_assert_nonnull (strstr (shown.out, "  Attendees:\n    - Product Manager\n    - Performance Engineer\n"));
  g_assert_nonnull (strstr (shown.out,
                            "  Agenda:\n"
                            "    1. Opening and background\n"
                            "      Duration: 10 min\n"
                            "      Kind: Presentation\n"
                            "      Owners: Facilitator\n"));
  g_assert_nonnull (strstr (shown.out, "      Owners: Performance engineer, Security engineer\n"));
  g_assert_nonnull (strstr (shown.out,
                            "\nPage: vLLM inference engine documentation\n"
                            "  | # vLLM inference engine documentation\n"
                            "  - Project overview\n"
                            "    | # Project overview\n"
                            "    - Background\n"
                            "      | # Background\n"));
  /* A blank line of a body stays a line, with no trailing space. */
  g_assert_nonnull (strstr (shown.out, "      | # API design\n      |\n      | The vLLM Chat API"));
  g_assert_nonnull (strstr (shown.out, "\nTask: Implement continuous batching\n"));
  g_assert_nonnull (strstr (shown.out, "  Endpoint: POST /v1/chat/completions\n"));
  g_assert_nonnull (strstr (shown.out, "\nAssessment: 2026-01-19\n  Requirement translation: 4/5\n"));
  /* Ids are noise in a diff: the member's, the meeting's, a step's. */
  g_assert_null (strstr (shown.out, "97678b34-f8f2-53d1-ba9d-16d4d7b2462c"));
  g_assert_null (strstr (shown.out, "c356335a-69de-505a-8500-52d7853e9286"));
  g_assert_null (strstr (shown.out, "71d7793a-91a5-5f53-94c0-5a4171bcc7ec"));
  g_assert_null (strstr (shown.out, "\nConflict "));

  run (&again, "show", en, NULL);
  g_assert_cmpstr (again.out, ==, shown.out);

  /* The Chinese sample (what lia_workspace_new_sample ("zh_CN") loads)
   * from a file of its own, under a Chinese locale; only the team's
   * words are checked, so translating the labels keeps this passing. */
  copy_file (zh_sample, zh);
  language = "zh_CN";
  run (&chinese, "show", zh, NULL);
  language = NULL;
  g_assert_cmpint (chinese.status, ==, 0);
  g_assert_nonnull (strstr (chinese.out, "提高模型推理速度\n"));
  g_assert_nonnull (strstr (chinese.out, "    1. 分析当前推理瓶颈\n"));
  g_assert_nonnull (strstr (chinese.out, "    2. 优化KVCache管理\n"));
  g_assert_nonnull (strstr (chinese.out, "    1. 会议开场和背景介绍\n"));
  g_assert_nonnull (strstr (chinese.out, "    - 产品经理\n    - 性能工程师\n"));
  g_assert_nonnull (strstr (chinese.out,
                            "vLLM推理引擎文档\n"
                            "  | # vLLM推理引擎文档\n"
                            "  - 项目概览\n"
                            "    | # 项目概览\n"
                            "    - 项目背景\n"));

  /* A file that does not load: the located error, status 2 (git shows it). */
  run (&broken, "show", bad, NULL);
  g_assert_cmpint (broken.status, ==, 2);
  g_assert_cmpstr (broken.out, ==, "");
  g_assert_nonnull (strstr (broken.err, "score-seven.liaison: meetings[0].evaluation.ratings[0].score"));

  run (&usage, "show", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  g_assert_cmpint (g_unlink (zh), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
step_done (JsonObject *root)
{
  JsonObject *requirement = json_array_get_object_element (json_object_get_array_member (root, "requirements"), 1);
  JsonObject *step = json_array_get_object_element (json_object_get_array_member (requirement, "steps"), 2);

  json_object_set_string_member (step, "status", "done");
}

static void
body_line (JsonObject *root)
{
  JsonObject *top = json_array_get_object_element (json_object_get_array_member (root, "pages"), 0);
  JsonObject *tech = json_array_get_object_element (json_object_get_array_member (top, "children"), 1);
  JsonObject *api = json_array_get_object_element (json_object_get_array_member (tech, "children"), 1);
  g_autofree char *body = g_strdup (json_object_get_string_member (api, "body"));
  char *at = strstr (body, "| top_p | number | 0.95 |");

  g_assert_nonnull (at);
  memcpy (at, "| top_p | number | 0.90 |", strlen ("| top_p | number | 0.90 |"));
  json_object_set_string_member (api, "body", body);
}

static void
agenda_minutes (JsonObject *root)
{
  JsonObject *meeting = json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (meeting, "agenda"), 4);

  json_object_set_int_member (item, "duration", 25);
}

/* One changed field is one changed line of show's output, whatever the
 * field: a step's status, a line of a page body, an agenda item's length
 * (not every later item's start time). */
static void
test_show_one_line (void)
{
  g_autofree char *sample = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *before = g_build_filename (dir, "before.liaison", NULL);
  g_autofree char *after = g_build_filename (dir, "after.liaison", NULL);
  const struct { EditFunc edit; const char *diff; } cases[] = {
    { step_done, "-      Status: To do\n+      Status: Done\n" },
    { body_line, "-      | | top_p | number | 0.95 |\n+      | | top_p | number | 0.90 |\n" },
    { agenda_minutes, "-      Duration: 30 min\n+      Duration: 25 min\n" },
  };

  copy_file (sample, before);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) a = { 0 };
      g_auto(Result) b = { 0 };
      g_autofree char *diff = NULL;

      edit_workspace (sample, after, cases[i].edit);
      run (&a, "show", before, NULL);
      run (&b, "show", after, NULL);
      g_assert_cmpint (a.status, ==, 0);
      g_assert_cmpint (b.status, ==, 0);
      diff = changed_lines (a.out, b.out);
      g_assert_cmpstr (diff, ==, cases[i].diff);
    }

  g_assert_cmpint (g_unlink (before), ==, 0);
  g_assert_cmpint (g_unlink (after), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
two_facilitators (JsonObject *root)
{
  JsonObject *member = json_array_get_object_element (json_object_get_array_member (root, "members"), 0);

  json_object_set_string_member (member, "name", "Facilitator");
}

/* Ids appear only where two things share a name, and then on both. */
static void
test_show_same_names (void)
{
  g_autofree char *sample = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "twins.liaison", NULL);
  g_auto(Result) shown = { 0 };

  edit_workspace (sample, path, two_facilitators);
  run (&shown, "show", path, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (shown.out, "\nMember: Facilitator (97678b34-f8f2-53d1-ba9d-16d4d7b2462c)\n"));
  g_assert_nonnull (strstr (shown.out, "\nMember: Facilitator (ce186c79-9638-5ac1-aa78-4234c0ad4535)\n"));
  g_assert_nonnull (strstr (shown.out, "  Attendees:\n    - Facilitator (97678b34-f8f2-53d1-ba9d-16d4d7b2462c)\n"));
  /* Others keep their plain names. */
  g_assert_nonnull (strstr (shown.out, "\nMember: Technical Writer\n"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Runs git in @dir; its standard output in @out (may be NULL). */
static int
git (const char  *dir,
     char       **out,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *std_out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "git");
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Its output is always taken, even when unwanted: inherited, git's
   * "Auto-merging …" lines landed in the TAP stream. */
  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &std_out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_test_message ("git %s: %s", (const char *) argv->pdata[1], err);
  if (out != NULL)
    *out = g_steal_pointer (&std_out);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
git_config (const char *dir,
            const char *key)
{
  char *value = NULL;

  g_assert_cmpint (git (dir, &value, "config", "--get", key, NULL), ==, 0);
  return g_strchomp (value);
}

static void
room_four (JsonObject *root)
{
  JsonObject *meeting = json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0);

  json_object_set_string_member (meeting, "location", "Room 4");
}

static void
room_seven (JsonObject *root)
{
  JsonObject *meeting = json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0);

  json_object_set_string_member (meeting, "location", "Room 7");
}

/* git-setup writes the attributes line once, keeping the file's other
 * lines, and sets the merge and diff drivers in the clone's config; a
 * second run changes nothing.  Then git itself diffs through show. */
static void
test_git_setup (void)
{
  g_autofree char *sample = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *repo = g_build_filename (dir, "repo", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *attributes = g_build_filename (repo, ".gitattributes", NULL);
  g_autofree char *workspace = g_build_filename (repo, "team.liaison", NULL);
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;
  g_autofree char *name = NULL;
  g_autofree char *driver = NULL;
  g_autofree char *textconv = NULL;
  g_autofree char *diff = NULL;
  g_auto(Result) setup = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) not_repo = { 0 };
  g_auto(Result) merged = { 0 };
  g_auto(Result) conflicted = { 0 };
  g_auto(Result) flatpak = { 0 };
  g_autofree char *flatpak_driver = NULL;
  g_autofree char *flatpak_textconv = NULL;

  /* Nothing of the machine's git set-up counts, and no repository above
   * the temporary folder is found. */
  g_setenv ("GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_CEILING_DIRECTORIES", dir, TRUE);

  g_assert_cmpint (g_mkdir (repo, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (plain, 0700), ==, 0);
  g_assert_cmpint (git (repo, NULL, "init", "-q", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "config", "user.name", "Test", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "config", "user.email", "test@example.org", NULL), ==, 0);
  /* A file without a final newline: the line goes on a line of its own. */
  g_assert_true (g_file_set_contents (attributes, "*.png binary", -1, NULL));

  run_in (repo, 30, &setup, "git-setup", NULL);
  g_assert_cmpint (setup.status, ==, 0);
  g_assert_nonnull (strstr (setup.out, "Added “*.liaison merge=liaison diff=liaison”"));
  g_assert_nonnull (strstr (setup.out, "merge.liaison.driver"));
  g_assert_nonnull (strstr (setup.out, "diff.liaison.textconv"));
  g_assert_true (g_file_get_contents (attributes, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "*.png binary\n*.liaison merge=liaison diff=liaison\n");

  name = git_config (repo, "merge.liaison.name");
  driver = git_config (repo, "merge.liaison.driver");
  textconv = git_config (repo, "diff.liaison.textconv");
  g_assert_cmpstr (name, !=, "");
  g_assert_true (g_str_has_suffix (driver, " merge %O %A %B --path %P"));
  g_assert_true (g_str_has_suffix (textconv, " show"));
  g_assert_nonnull (strstr (textconv, "liaison-cli"));

  run_in (repo, 30, &again, "git-setup", repo, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "already set up"));
  g_assert_null (strstr (again.out, "Added"));
  g_assert_true (g_file_get_contents (attributes, &written_again, NULL, NULL));
  g_assert_cmpstr (written_again, ==, written);

  run_in (plain, 30, &not_repo, "git-setup", NULL);
  g_assert_cmpint (not_repo.status, ==, 2);
  g_assert_nonnull (strstr (not_repo.err, "not in a git repository"));

  /* git diff of a committed workspace reads as show's lines, not JSON. */
  copy_file (sample, workspace);
  g_assert_cmpint (git (repo, NULL, "add", ".gitattributes", "team.liaison", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "commit", "-q", "-m", "Sample", NULL), ==, 0);
  edit_workspace (sample, workspace, room_four);
  g_assert_cmpint (git (repo, &diff, "diff", NULL), ==, 0);
  g_assert_nonnull (strstr (diff, "\n-  Location: Video call\n+  Location: Room 4\n"));
  g_assert_nonnull (strstr (diff, "@@ Meeting: API design meeting\n"));
  g_assert_null (strstr (diff, "\"location\""));

  /* The driver line git-setup wrote is one git can run: changes to
   * different fields merge cleanly; the same field changed two ways is
   * a conflict kept in the file, which validate refuses. */
  g_assert_cmpint (git (repo, NULL, "checkout", "-q", "-b", "ours", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "branch", "theirs", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "commit", "-q", "-a", "-m", "Room 4", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "checkout", "-q", "theirs", NULL), ==, 0);
  edit_workspace (sample, workspace, step_done);
  g_assert_cmpint (git (repo, NULL, "commit", "-q", "-a", "-m", "Step done", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "checkout", "-q", "ours", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "merge", "-q", "--no-edit", "theirs", NULL), ==, 0);
  run (&merged, "show", workspace, NULL);
  g_assert_nonnull (strstr (merged.out, "  Location: Room 4\n"));
  g_assert_nonnull (strstr (merged.out, "    3. Implement dynamic resource allocation\n      Status: Done\n"));

  g_assert_cmpint (git (repo, NULL, "checkout", "-q", "theirs", NULL), ==, 0);
  edit_workspace (workspace, workspace, room_seven);
  g_assert_cmpint (git (repo, NULL, "commit", "-q", "-a", "-m", "Room 7", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "checkout", "-q", "ours", NULL), ==, 0);
  g_assert_cmpint (git (repo, NULL, "merge", "-q", "--no-edit", "theirs", NULL), ==, 1);
  run (&conflicted, "validate", workspace, NULL);
  g_assert_cmpint (conflicted.status, ==, 1);
  g_assert_nonnull (strstr (conflicted.err, "team.liaison: 1 unresolved conflict\n"));

  /* Inside the Flatpak git (outside it) reaches liaison-cli through
   * "flatpak run". */
  g_assert_cmpint (git (plain, NULL, "init", "-q", NULL), ==, 0);
  g_setenv ("FLATPAK_ID", "io.github.liaisonapp.Liaison", TRUE);
  run_in (plain, 30, &flatpak, "git-setup", NULL);
  g_unsetenv ("FLATPAK_ID");
  g_assert_cmpint (flatpak.status, ==, 0);
  flatpak_driver = git_config (plain, "merge.liaison.driver");
  flatpak_textconv = git_config (plain, "diff.liaison.textconv");
  g_assert_cmpstr (flatpak_driver, ==, "flatpak run --command=liaison-cli io.github.liaisonapp.Liaison merge %O %A %B --path %P");
  g_assert_cmpstr (flatpak_textconv, ==, "flatpak run --command=liaison-cli io.github.liaisonapp.Liaison show");

  g_unsetenv ("GIT_CEILING_DIRECTORIES");
  remove_tree (dir);
}

static void
add_conflict (JsonObject *root)
{
  JsonObject *meeting = json_array_get_object_element (json_object_get_array_member (root, "meetings"), 0);
  JsonArray *conflicts = json_array_new ();
  JsonObject *conflict = json_object_new ();

  json_object_set_string_member (conflict, "id", "5e0c7a7a-9999-4a8e-9a59-000000000001");
  json_object_set_string_member (conflict, "entity", json_object_get_string_member (meeting, "id"));
  json_object_set_string_member (conflict, "collection", "meetings");
  json_object_set_string_member (conflict, "parent", "");
  json_object_set_string_member (conflict, "kind", "field");
  json_object_set_string_member (conflict, "field", "location");
  json_object_set_string_member (conflict, "base", "Video call");
  json_object_set_string_member (conflict, "ours", "Room 4");
  json_object_set_string_member (conflict, "theirs", "Room 7");
  json_array_add_object_element (conflicts, conflict);
  json_object_set_array_member (root, "conflicts", conflicts);
}

/* A file a merge left with conflicts is valid JSON but not done:
 * validate says how many and exits 1; show lists them. */
static void
test_validate_conflicts (void)
{
  g_autofree char *sample = data_path ("data", "samples", "sample.en.liaison");
  g_autofree char *dir = g_dir_make_tmp ("liaison-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.liaison", NULL);
  g_auto(Result) checked = { 0 };
  g_auto(Result) shown = { 0 };

  edit_workspace (sample, path, add_conflict);

  run (&checked, "validate", path, NULL);
  g_assert_cmpint (checked.status, ==, 1);
  g_assert_nonnull (strstr (checked.err, "merged.liaison: 1 unresolved conflict\n"));
  g_assert_null (strstr (checked.out, "valid"));

  run (&shown, "show", path, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (shown.out,
                            "\nConflict 1: both sides changed a field\n"
                            "  Item: API design meeting\n"
                            "  List: meetings\n"
                            "  Field: location\n"
                            "  Original: Video call\n"
                            "  Yours: Room 4\n"
                            "  Theirs: Room 7\n"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-repair", test_validate_repair);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/export-csv-injection", test_export_csv_injection);
  g_test_add_func ("/cli/export-bad-file", test_export_bad_file);
  g_test_add_func ("/cli/schema-is-shipped", test_schema_is_shipped);
  g_test_add_func ("/cli/translated", test_translated);
  g_test_add_func ("/cli/overlap", test_overlap);
  g_test_add_func ("/cli/overlap-busy", test_overlap_busy);
  g_test_add_func ("/cli/slots", test_slots);
  g_test_add_func ("/cli/zone-errors", test_zone_errors);
  g_test_add_func ("/cli/export-meeting", test_export_meeting);
  g_test_add_func ("/cli/md-tree", test_md_tree);
  g_test_add_func ("/cli/special-files", test_special_files);
  g_test_add_func ("/cli/output", test_output);
  g_test_add_func ("/cli/zone-paths", test_zone_paths);
  g_test_add_func ("/cli/md-tree-import-safety", test_md_tree_import_safety);
  g_test_add_func ("/cli/md-tree-import-many", test_md_tree_import_many);
  g_test_add_func ("/cli/convert", test_convert);
  g_test_add_func ("/cli/show", test_show);
  g_test_add_func ("/cli/show-one-line", test_show_one_line);
  g_test_add_func ("/cli/show-same-names", test_show_same_names);
  g_test_add_func ("/cli/git-setup", test_git_setup);
  g_test_add_func ("/cli/validate-conflicts", test_validate_conflicts);

  return g_test_run ();
}
