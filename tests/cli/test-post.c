/* SPDX-License-Identifier: GPL-3.0-or-later */
/* liaison-cli post: --dry-run prints each service's payloads; a real post
 * goes to a strict loopback fake through LIAISON_WEBHOOK, is remembered in
 * the file, and a second post asks for --again; errors never show the
 * webhook's address. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "lia-fake-chat.h"

#define SECRET "s3cr3t-T0K3N"

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

/* Runs liaison-cli with LIAISON_WEBHOOK set to @webhook (NULL: unset). */
static void
run (Result     *r,
     const char *webhook,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, g_strdup (g_getenv ("LIAISON_CLI")));
  va_start (args, webhook);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  envp = webhook ? g_environ_setenv (envp, "LIAISON_WEBHOOK", webhook, TRUE)
                 : g_environ_unsetenv (envp, "LIAISON_WEBHOOK");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
sample_copy (const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "samples", "sample.en.liaison", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "team.liaison", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_dry_run (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "samples", "sample.zh_CN.liaison", NULL);
  const char *services[] = { "slack", "teams", "discord", "mattermost" };

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_auto(Result) r = { 0 };
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;

      run (&r, NULL, "post", "--meeting", "API设计会议", "--service", services[i], "--dry-run", sample, NULL);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_cmpint (r.status, ==, 0);
      root = json_from_string (r.out, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
      g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
      g_assert_nonnull (strstr (r.out, "API设计会议"));
      g_assert_nonnull (strstr (r.out, "17:00 (UTC-8 PST)"));
    }

  {
    g_auto(Result) r = { 0 };
    run (&r, NULL, "post", "--meeting", "No such meeting", "--service", "slack", "--dry-run", sample, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "No such meeting"));
  }
  {
    g_auto(Result) r = { 0 };
    run (&r, NULL, "post", "--meeting", "API设计会议", "--service", "irc", "--dry-run", sample, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_post (void)
{
  g_autoptr(FakeChat) fake = fake_chat_new ();
  g_autofree char *dir = g_dir_make_tmp ("liaison-post-XXXXXX", NULL);
  g_autofree char *file = sample_copy (dir);
  g_autofree char *url = fake_chat_get_url (fake, "discord");
  g_autofree char *contents = NULL;

  /* no webhook: a usage error, nothing sent */
  {
    g_auto(Result) r = { 0 };
    run (&r, NULL, "post", "--meeting", "API design meeting", "--service", "discord", file, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "LIAISON_WEBHOOK"));
  }

  /* posted, and remembered in the file */
  {
    g_auto(Result) r = { 0 };
    g_autoptr(GPtrArray) posts = NULL;

    run (&r, url, "post", "--meeting", "API design meeting", "--service", "discord", file, NULL);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Discord"));
    posts = fake_chat_get_posts (fake, "discord");
    g_assert_cmpuint (posts->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (posts, 0), "API design meeting"));
    g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"chat_posts\": [\n      \"discord\"\n    ]"));
  }

  /* a second post asks first */
  {
    g_auto(Result) r = { 0 };
    g_autoptr(GPtrArray) posts = NULL;

    run (&r, url, "post", "--meeting", "API design meeting", "--service", "discord", file, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "--again"));
    posts = fake_chat_get_posts (fake, "discord");
    g_assert_cmpuint (posts->len, ==, 1);
  }
  {
    g_auto(Result) r = { 0 };
    g_autoptr(GPtrArray) posts = NULL;

    run (&r, url, "post", "--again", "--meeting", "API design meeting", "--service", "discord", file, NULL);
    g_assert_cmpint (r.status, ==, 0);
    posts = fake_chat_get_posts (fake, "discord");
    g_assert_cmpuint (posts->len, ==, 2);
  }

  /* a removed webhook: plain words, no secret, the file unchanged */
  {
    g_auto(Result) r = { 0 };
    g_autofree char *slack = fake_chat_get_url (fake, "slack");
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (file, &before, NULL, NULL));
    fake_chat_add_fault (fake, 404);
    run (&r, slack, "post", "--meeting", "API design meeting", "--service", "slack", file, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "removed"));
    g_assert_null (strstr (r.err, SECRET));
    g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }

  /* plain http to another computer: refused, address not shown */
  {
    g_auto(Result) r = { 0 };

    run (&r, "http://hooks.slack.com/services/T/B/" SECRET, "post", "--meeting", "API design meeting",
         "--service", "slack", file, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "https://"));
    g_assert_null (strstr (r.err, SECRET));
  }

  g_unlink (file);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/post/dry-run", test_dry_run);
  g_test_add_func ("/post/post", test_post);

  return g_test_run ();
}
