/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-oracle"

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lia-oracle.h"

/* The fakes ask the services' published descriptions, not our reading of
 * them.  LIAISON_ORACLE_DIR (set by tests/sync/meson.build to the build's
 * oracle folder) turns the oracle on; when it is set and the oracle cannot
 * run, the test fails at once and says how to install it, so a suite run
 * without the oracles never passes quietly.  Unset (a benchmark, a manual
 * run), the fakes keep only their own checks. */

static GMutex lock;
static GSubprocess *process;
static GDataInputStream *answers;
static GOutputStream *questions;

static G_NORETURN void
give_up (const char *why)
{
  /* "Bail out!" makes a TAP harness report the failure with the reason. */
  printf ("Bail out! test oracle: %s\n", why);
  fflush (stdout);
  g_printerr ("test oracle: %s\n"
              "Install the oracles with ./build-aux/dev test (or tests/oracle/install.sh BUILDDIR) "
              "before running meson test.\n", why);
  exit (1);
}

static const char *
oracle_dir (void)
{
  const char *dir = g_getenv ("LIAISON_ORACLE_DIR");
  return dir && *dir ? dir : NULL;
}

gboolean
lia_oracle_enabled (void)
{
  return oracle_dir () != NULL;
}

/* Called with the lock held. */
static void
start (void)
{
  const char *dir = oracle_dir ();
  const char *script = g_getenv ("LIAISON_ORACLE_SCRIPT");
  g_autofree char *fallback = NULL;
  g_autofree char *schema = g_build_filename (dir, "node_modules", "@atlaskit", "adf-schema", "dist",
                                              "json-schema", "v1", "full.json", NULL);
  g_autofree char *openapi = g_build_filename (dir, "node_modules", "@octokit", "openapi", "generated",
                                               "api.github.com.json", NULL);
  g_autoptr(GError) error = NULL;

  if (script == NULL || *script == '\0')
    script = fallback = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".",
                                          "tests", "oracle", "oracle.js", NULL);
  if (!g_file_test (schema, G_FILE_TEST_IS_REGULAR) || !g_file_test (openapi, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *why = g_strdup_printf ("%s has no ADF schema or GitHub OpenAPI description", dir);
      give_up (why);
    }
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "node", script, NULL);
  if (process == NULL)
    {
      g_autofree char *why = g_strdup_printf ("node %s: %s", script, error->message);
      give_up (why);
    }
  /* a validator that dies must be reported, not kill us with SIGPIPE */
  signal (SIGPIPE, SIG_IGN);
  questions = g_subprocess_get_stdin_pipe (process);
  answers = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
}

/* The oracle's answer to @request (an object with "kind"), or exits the
 * test when the oracle does not answer. */
JsonNode *
lia_oracle_ask (JsonNode *request)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autofree char *line = json_to_string (request, FALSE);
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;

  g_return_val_if_fail (lia_oracle_enabled (), NULL);
  if (process == NULL)
    start ();
  if (!g_output_stream_write_all (questions, line, strlen (line), NULL, NULL, &error) ||
      !g_output_stream_write_all (questions, "\n", 1, NULL, NULL, &error) ||
      !g_output_stream_flush (questions, NULL, &error))
    give_up (error->message);
  answer = g_data_input_stream_read_line_utf8 (answers, &length, NULL, &error);
  if (answer == NULL)
    give_up (error ? error->message : "the validator ended without an answer (see its message above)");
  if (!json_parser_load_from_data (parser, answer, length, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_autofree char *why = g_strdup_printf ("unreadable answer “%s”", answer);
      give_up (why);
    }
  return json_node_ref (json_parser_get_root (parser));
}

static gboolean
answer_valid (JsonNode *answer)
{
  return json_object_get_boolean_member_with_default (json_node_get_object (answer), "valid", FALSE);
}

/* TRUE when @doc is valid against Atlassian's ADF schema; otherwise
 * @problem says where and what. */
gboolean
lia_oracle_check_adf (JsonNode  *doc,
                      char     **problem)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonNode *errors;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "adf");
  json_builder_set_member_name (b, "doc");
  json_builder_add_value (b, doc ? json_node_copy (doc) : json_node_new (JSON_NODE_NULL));
  json_builder_end_object (b);
  request = json_builder_get_root (b);
  answer = lia_oracle_ask (request);
  if (answer_valid (answer))
    return TRUE;
  errors = json_object_get_member (json_node_get_object (answer), "errors");
  *problem = errors ? json_to_string (errors, FALSE) : g_strdup ("invalid");
  return FALSE;
}

/* TRUE when the request matches its operation in GitHub's OpenAPI
 * description; otherwise @status and @answer are what GitHub would
 * answer (422 for a parameter or body its schema refuses, 404 for a path
 * that names no operation). */
gboolean
lia_oracle_check_github (const char  *method,
                         const char  *path,
                         GHashTable  *query,
                         JsonNode    *body,
                         guint       *status,
                         char       **answer_body)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *o;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "github");
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, method);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "query");
  json_builder_begin_object (b);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          json_builder_set_member_name (b, key);
          json_builder_add_string_value (b, value);
        }
    }
  json_builder_end_object (b);
  if (body != NULL)
    {
      json_builder_set_member_name (b, "body");
      json_builder_add_value (b, json_node_copy (body));
    }
  json_builder_end_object (b);
  request = json_builder_get_root (b);
  answer = lia_oracle_ask (request);
  if (answer_valid (answer))
    return TRUE;
  o = json_node_get_object (answer);
  *status = json_object_get_int_member_with_default (o, "status", 422);
  *answer_body = json_object_has_member (o, "body") ? json_to_string (json_object_get_member (o, "body"), FALSE)
                                                    : json_to_string (answer, FALSE);
  return FALSE;
}
