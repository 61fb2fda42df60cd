/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "lia-fake-tracker.h"
#include "lia-markup.h"
#include "lia-oracle.h"

/* The converters against the services' published descriptions: every ADF
 * document is checked by Atlassian's own JSON schema (the oracle), not by
 * our idea of it, and the GitHub fake refuses what GitHub's OpenAPI
 * description refuses. */

static void
require_oracle (void)
{
  if (!lia_oracle_enabled ())
    g_error ("LIAISON_ORACLE_DIR is not set: run these tests with meson test after ./build-aux/dev test");
}

static JsonNode *
adf_valid (const char *markdown)
{
  JsonNode *adf = lia_markdown_to_adf (markdown);
  g_autofree char *problem = NULL;
  g_autofree char *text = json_to_string (adf, FALSE);

  if (!lia_oracle_check_adf (adf, &problem))
    g_error ("%s\n→ %s\nrefused by the ADF schema: %s", markdown, text, problem);
  /* the fakes' own check (without the oracle) agrees */
  if (!lia_adf_check (adf, &problem))
    g_error ("%s\n→ %s\nrefused by lia_adf_check: %s", markdown, text, problem);
  return adf;
}

/* The node at @path ("content[0].content[1]"), or NULL. */
static JsonObject *
at (JsonNode   *root,
    const char *path)
{
  JsonNode *node = root;
  g_auto(GStrv) steps = g_strsplit (path, ".", -1);

  for (guint i = 0; steps[i]; i++)
    {
      guint index = 0;
      char name[32];
      JsonNode *member;

      if (sscanf (steps[i], "%31[^[][%u]", name, &index) != 2 || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      member = json_object_get_member (json_node_get_object (node), name);
      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member) || index >= json_array_get_length (json_node_get_array (member)))
        return NULL;
      node = json_array_get_element (json_node_get_array (member), index);
    }
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
type_at (JsonNode   *root,
         const char *path)
{
  JsonObject *o = at (root, path);
  return o ? json_object_get_string_member_with_default (o, "type", NULL) : NULL;
}

static guint
n_children (JsonNode   *root,
            const char *path)
{
  JsonObject *o = *path ? at (root, path) : json_node_get_object (root);
  JsonNode *content = o ? json_object_get_member (o, "content") : NULL;
  return content && JSON_NODE_HOLDS_ARRAY (content) ? json_array_get_length (json_node_get_array (content)) : 0;
}

/* The oracle is the real schema: it refuses what the old converter sent
 * (a heading inside a quote, an empty quote, an empty text node). */
static void
test_oracle_refuses (void)
{
  static const char *bad[] = {
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"blockquote\",\"content\":[{\"type\":\"heading\",\"attrs\":{\"level\":1},\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"blockquote\",\"content\":[]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"\"}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"bulletList\",\"content\":[{\"type\":\"listItem\",\"content\":[{\"type\":\"blockquote\",\"content\":[{\"type\":\"paragraph\"}]}]}]}]}",
  };

  require_oracle ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) doc = json_from_string (bad[i], NULL);
      g_autofree char *problem = NULL;

      g_assert_false (lia_oracle_check_adf (doc, &problem));
      g_assert_nonnull (problem);
      g_clear_pointer (&problem, g_free);
      g_assert_false (lia_adf_check (doc, &problem));
    }
}

/* What ADF cannot nest (issue 16, item 6) takes its nearest valid form. */
static void
test_adf_nesting (void)
{
  g_autoptr(JsonNode) quote = NULL, item = NULL, empty = NULL, first = NULL, top = NULL;
  JsonObject *text;

  require_oracle ();

  /* a heading in a quote is strong text; a rule there is dropped; a quote
   * in a quote gives its blocks to the outer one */
  quote = adf_valid ("> # Heading\n>\n> ---\n>\n> > inner\n> > > innermost\n");
  g_assert_cmpstr (type_at (quote, "content[0]"), ==, "blockquote");
  g_assert_cmpuint (n_children (quote, "content[0]"), ==, 3);
  g_assert_cmpstr (type_at (quote, "content[0].content[0]"), ==, "paragraph");
  text = at (quote, "content[0].content[0].content[0]");
  g_assert_cmpstr (json_object_get_string_member (text, "text"), ==, "Heading");
  g_assert_cmpstr (type_at (quote, "content[0].content[0].content[0].marks[0]"), ==, "strong");
  g_assert_cmpstr (type_at (quote, "content[0].content[1]"), ==, "paragraph");
  g_assert_cmpstr (type_at (quote, "content[0].content[2]"), ==, "paragraph");

  /* in a list item: a heading is strong text, a quote its paragraphs, a
   * rule nothing */
  item = adf_valid ("- ## Step\n- > quoted\n  > # deep\n- text\n\n  ***\n");
  g_assert_cmpstr (type_at (item, "content[0]"), ==, "bulletList");
  g_assert_cmpstr (type_at (item, "content[0].content[0].content[0]"), ==, "paragraph");
  g_assert_cmpstr (type_at (item, "content[0].content[0].content[0].content[0].marks[0]"), ==, "strong");
  g_assert_cmpuint (n_children (item, "content[0].content[1]"), ==, 2);
  g_assert_cmpuint (n_children (item, "content[0].content[2]"), ==, 1);

  /* empty quote and empty item hold one empty paragraph; no empty text */
  empty = adf_valid (">\n\n-\n\n1. \n\n[](http://example.com) ![]() `` ** **\n");
  g_assert_cmpstr (type_at (empty, "content[0].content[0]"), ==, "paragraph");
  g_assert_cmpuint (n_children (empty, "content[0].content[0]"), ==, 0);
  g_assert_cmpstr (type_at (empty, "content[1].content[0].content[0]"), ==, "paragraph");

  /* an item that starts with a list starts with an empty paragraph */
  first = adf_valid ("- - nested\n  - again\n");
  g_assert_cmpstr (type_at (first, "content[0].content[0].content[0]"), ==, "paragraph");
  g_assert_cmpstr (type_at (first, "content[0].content[0].content[1]"), ==, "bulletList");

  /* at the top nothing changes */
  top = adf_valid ("# Title\n\n---\n\n> quote\n\n~~gone~~ `code` [**link**](https://example.com)\n");
  g_assert_cmpstr (type_at (top, "content[0]"), ==, "heading");
  g_assert_cmpstr (type_at (top, "content[1]"), ==, "rule");
  g_assert_cmpstr (type_at (top, "content[2]"), ==, "blockquote");
  g_assert_cmpstr (type_at (top, "content[3].content[0].marks[0]"), ==, "strike");
  g_assert_cmpstr (type_at (top, "content[3].content[2].marks[0]"), ==, "code");
}

/* GFM tables: an ADF table at the top, rows as paragraphs where ADF has
 * no table; Jira wiki's ||header|| and |cell| rows. */
static void
test_tables (void)
{
  g_autoptr(JsonNode) top = NULL, quoted = NULL, again = NULL;
  g_autofree char *wiki = NULL, *back = NULL, *wiki_back = NULL, *wiki_again = NULL;
  static const char *odd[] = { "|", "||", "|||", "|| ||", "|\\|", "||a\\||", "| | |", "||x|y||" };
  const char *table = "| 字段 | 内容 |\n|---|---|\n| 优先级 | 高 |\n| a\\|b | |\n";
  const char *in_quote = "> | 字段 | 内容 |\n> |---|---|\n> | 优先级 | 高 |\n> | a\\|b | |\n";

  require_oracle ();
  top = adf_valid (table);
  g_assert_cmpstr (type_at (top, "content[0]"), ==, "table");
  g_assert_cmpuint (n_children (top, "content[0]"), ==, 3);
  g_assert_cmpstr (type_at (top, "content[0].content[0].content[0]"), ==, "tableHeader");
  g_assert_cmpstr (type_at (top, "content[0].content[1].content[1]"), ==, "tableCell");
  g_assert_cmpstr (json_object_get_string_member (at (top, "content[0].content[1].content[1].content[0].content[0]"), "text"), ==, "高");

  quoted = adf_valid (in_quote);
  g_assert_cmpstr (type_at (quoted, "content[0]"), ==, "blockquote");
  g_assert_cmpuint (n_children (quoted, "content[0]"), ==, 3);
  g_assert_cmpstr (type_at (quoted, "content[0].content[0]"), ==, "paragraph");

  /* a pulled description reads back as the same table */
  back = lia_adf_to_markdown (top);
  again = lia_markdown_to_adf (back);
  g_assert_true (json_node_equal (top, again));

  wiki = lia_markdown_to_wiki (table);
  g_assert_cmpstr (wiki, ==, "||字段||内容||\n|优先级|高|\n|a\\|b| |");
  /* and wiki markup pulled from Jira Data Center reads back as a table */
  wiki_back = lia_wiki_to_markdown (wiki);
  g_assert_cmpstr (wiki_back, ==, "| 字段 | 内容 |\n|---|---|\n| 优先级 | 高 |\n| a\\|b |  |");
  wiki_again = lia_markdown_to_wiki (wiki_back);
  g_assert_cmpstr (wiki_again, ==, wiki);
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    g_free (lia_wiki_to_markdown (odd[i]));
}

/* Wiki markup from a server is read back without a crash, however odd
 * (random lines of the characters the reader looks at). */
static void
test_wiki_reader (void)
{
  static const char alphabet[] = "||\\*_{}[]h1. #-\nab";
  GRand *rand = g_rand_new_with_seed (16);

  for (guint i = 0; i < 20000; i++)
    {
      char text[24];
      guint n = g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *markdown = NULL;
      g_autofree char *wiki = NULL;

      for (guint k = 0; k < n; k++)
        text[k] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[n] = '\0';
      markdown = lia_wiki_to_markdown (text);
      wiki = lia_markdown_to_wiki (markdown);
      g_assert_nonnull (wiki);
    }
  g_rand_free (rand);
}

/* Bytes that are not UTF-8 and control characters still give a document
 * the schema accepts. */
static void
test_adf_bytes (void)
{
  char junk[300];
  guint n = 0;

  require_oracle ();
  for (guint c = 1; c < 256; c++)
    junk[n++] = (char) c;
  memcpy (junk + n, "\n> # \xff\n", 8);
  n += 8;
  junk[n] = '\0';
  g_autoptr(JsonNode) adf = adf_valid (junk);
  g_assert_cmpuint (n_children (adf, ""), >, 0);
}

/* The GitHub fake answers as GitHub does when its schema refuses a
 * request: 422 with "Invalid request." and the operation's documentation. */
static void
test_github_oracle (void)
{
  g_autoptr(FakeTracker) fake = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  static const struct { const char *method, *path, *body; guint status; const char *says; } cases[] = {
    { "POST", "/repos/team/vllm/issues", "{\"title\":\"x\",\"labels\":[1]}", 422, "/labels/0" },
    { "POST", "/repos/team/vllm/issues", "{\"body\":\"no title\"}", 422, "title" },
    { "GET", "/repos/team/vllm/issues?state=everything", NULL, 422, "state" },
    { "GET", "/repos/team/vllm/issues?per_page=many", NULL, 422, "per_page" },
    { "PATCH", "/repos/team/vllm/issues/1", "{\"state\":\"finished\"}", 422, "/state" },
    { "GET", "/repos/team/vllm/no-such-thing", NULL, 404, "Not Found" },
    { "POST", "/repos/team/vllm/issues", "{\"title\":\"fine\",\"labels\":[\"liaison-x\"]}", 201, NULL },
  };

  require_oracle ();
  fake = fake_tracker_new ("github", "tok", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = g_strconcat (fake_tracker_get_url (fake), cases[i].path, NULL);
      g_autoptr(SoupMessage) msg = soup_message_new (cases[i].method, url);
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      const char *text;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer tok");
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/vnd.github+json");
      if (cases[i].body)
        {
          g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, strlen (cases[i].body));
          soup_message_set_request_body_from_bytes (msg, "application/json", body);
        }
      answer = soup_session_send_and_read (session, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, cases[i].status);
      if (cases[i].says == NULL)
        continue;
      node = json_from_string (g_bytes_get_data (answer, NULL), &error);
      g_assert_no_error (error);
      text = json_object_get_string_member_with_default (json_node_get_object (node), "message", "");
      g_assert_nonnull (strstr (text, cases[i].says));
      if (cases[i].status == 422)
        {
          g_assert_true (g_str_has_prefix (text, "Invalid request."));
          g_assert_true (g_str_has_prefix (json_object_get_string_member_with_default (json_node_get_object (node), "documentation_url", ""),
                                           "https://docs.github.com/rest/issues/"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/markup/oracle-refuses", test_oracle_refuses);
  g_test_add_func ("/markup/adf-nesting", test_adf_nesting);
  g_test_add_func ("/markup/tables", test_tables);
  g_test_add_func ("/markup/wiki-reader", test_wiki_reader);
  g_test_add_func ("/markup/adf-bytes", test_adf_bytes);
  g_test_add_func ("/markup/github-oracle", test_github_oracle);
  return g_test_run ();
}
