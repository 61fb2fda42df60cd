/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meeting summaries to team chat: each service's format built from the
 * sample meetings (English and Chinese), posted through LiaHttp to strict
 * loopback fakes that check the documented shapes and limits; hostile
 * text that must not ping or break the layout; long meetings that split;
 * errors in plain words that never show the webhook's secret address. */

#include "config.h"

#include <string.h>

#include "lia-chat.h"
#include "lia-fake-chat.h"
#include "lia-meeting-summary.h"
#include "lia-workspace.h"

static const char * const services[] = { "slack", "teams", "discord", "mattermost" };

#define SECRET "s3cr3t-T0K3N"
#define HOSTILE_TITLE "<!channel> @everyone <script>alert(1)</script> **bold** ```"
#define HOSTILE_DECISION "@here <@U123> <!here|here> [click](http://evil.example) # not a heading"
#define HOSTILE_ACTION "@all ~town-square _x_ `code` > quote"

static LiaMeeting *
sample_meeting (LiaWorkspace *workspace)
{
  LiaMeeting *meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (workspace)), 0);

  g_assert_nonnull (meeting);
  g_object_unref (meeting); /* the store keeps it */
  return meeting;
}

static LiaActionItem *
add_action (LiaMeeting *meeting,
            const char *text,
            const char *owner,
            const char *due,
            const char *key,
            const char *url)
{
  g_autoptr(LiaActionItem) action = lia_action_item_new ();

  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_TEXT, text);
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_OWNER, owner);
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_DUE, due);
  if (key != NULL)
    {
      g_autoptr(LiaRemoteRef) remote = lia_remote_ref_new ();

      lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_SERVICE, "jira-cloud");
      lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_KEY, key);
      lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_URL, url);
      lia_entity_set_remote (LIA_ENTITY (action), remote);
    }
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_ACTION_ITEMS), action);
  return action;
}

/* The sample meeting with the notes the article's API review would end with. */
static LiaWorkspace *
notes_workspace (const char *language)
{
  LiaWorkspace *workspace = lia_workspace_new_sample (language);
  LiaMeeting *meeting = sample_meeting (workspace);
  const char *decisions[] = { "Stream responses with server-sent events", "Keep max_tokens optional (default 256)", NULL };

  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS, decisions);
  add_action (meeting, "Write the OpenAPI description", "Technical Writer", "2026-01-27",
              "API-12", "https://example.atlassian.net/browse/API-12");
  add_action (meeting, "Load-test the streaming endpoint", "Performance Engineer", "", NULL, NULL);
  return workspace;
}

static GPtrArray *
post_all (FakeChat   *fake,
          LiaMeeting *meeting,
          LiaWorkspace *workspace,
          const char *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payloads = lia_meeting_summary_payloads (meeting, workspace, service, &error);
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autofree char *url = fake_chat_get_url (fake, service);
  guint posted = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (payloads->len, >=, 1);
  if (!lia_chat_post (http, service, url, payloads, &posted, NULL, &error))
    {
      g_autofree char *why = fake_chat_get_last_refusal (fake);
      g_test_message ("%s refused: %s", service, why);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (posted, ==, payloads->len);
  return g_steal_pointer (&payloads);
}

static char *
all_posts (FakeChat   *fake,
           const char *service)
{
  g_autoptr(GPtrArray) posts = fake_chat_get_posts (fake, service);
  g_ptr_array_add (posts, NULL);
  return g_strjoinv ("\n", (char **) posts->pdata);
}

/* Every string value in a JSON text, joined by newlines. */
static void
collect_strings (JsonNode *node,
                 const char *key,
                 GString  *out)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l; l = l->next)
        collect_strings (json_object_get_member (object, l->data), l->data, out);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_strings (json_array_get_element (array, i), key, out);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           (key == NULL || g_str_equal (key, "text") || g_str_equal (key, "content") || g_str_equal (key, "url")))
    {
      g_string_append (out, json_node_get_string (node));
      g_string_append_c (out, '\n');
    }
}

static char *
post_text (FakeChat   *fake,
           const char *service)
{
  g_autoptr(GPtrArray) posts = fake_chat_get_posts (fake, service);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < posts->len; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (g_ptr_array_index (posts, i), NULL);
      collect_strings (node, NULL, out);
    }
  return g_string_free (out, FALSE);
}

/* Each format on the sample meeting, in both languages: the fakes accept
 * every post, nobody is pinged, and the summary says what it should. */
static void
test_formats (void)
{
  const char *languages[] = { "en", "zh_CN" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint s = 0; s < G_N_ELEMENTS (services); s++)
      {
        g_autoptr(FakeChat) fake = fake_chat_new ();
        g_autoptr(LiaWorkspace) workspace = notes_workspace (languages[l]);
        LiaMeeting *meeting = sample_meeting (workspace);
        g_autoptr(GPtrArray) payloads = post_all (fake, meeting, workspace, services[s]);
        g_autofree char *text = post_text (fake, services[s]);
        g_autofree char *raw = all_posts (fake, services[s]);

        g_test_message ("%s %s", languages[l], services[s]);
        g_assert_cmpuint (payloads->len, ==, 1);
        g_assert_cmpuint (fake_chat_get_n_refused (fake), ==, 0);
        g_assert_cmpuint (fake_chat_get_n_pings (fake), ==, 0);
        /* the title, the meeting's own date and zone, and each attendee's
         * start in their zone: 09:00 in Shanghai is 17:00 the day before
         * in San Francisco (winter: UTC-8) */
        g_assert_nonnull (strstr (text, g_str_equal (languages[l], "en") ? "API design meeting" : "API设计会议"));
        g_assert_nonnull (strstr (text, "2026-01-20 09:00"));
        g_assert_nonnull (strstr (text, "Asia/Shanghai"));
        g_assert_nonnull (strstr (text, "17:00 (UTC-8 PST)"));
        g_assert_nonnull (strstr (text, "01:00 (UTC+0 GMT)"));
        g_assert_nonnull (strstr (text, "06:30 (UTC+5:30 IST)"));
        /* decisions and action items with owner, due date and status */
        g_assert_nonnull (strstr (text, "server-sent events"));
        g_assert_nonnull (strstr (text, "Technical Writer"));
        g_assert_nonnull (strstr (text, "2026-01-27"));
        /* the tracker key, linked */
        if (g_str_equal (services[s], "slack"))
          g_assert_nonnull (strstr (text, "<https://example.atlassian.net/browse/API-12|API-12>"));
        else if (g_str_equal (services[s], "teams"))
          {
            g_assert_nonnull (strstr (raw, "\"url\":\"https://example.atlassian.net/browse/API-12\""));
            g_assert_nonnull (strstr (raw, "\"version\":\"1.4\""));
          }
        else
          g_assert_nonnull (strstr (text, "[API-12](<https://example.atlassian.net/browse/API-12>)"));
        if (g_str_equal (services[s], "discord"))
          g_assert_nonnull (strstr (raw, "\"allowed_mentions\":{\"parse\":[]}"));
      }
}

/* Titles, decisions and action items written to do harm: no ping on any
 * service, and no markup of theirs reaches a place that renders it. */
static void
test_hostile (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      g_autoptr(FakeChat) fake = fake_chat_new ();
      g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
      LiaMeeting *meeting = sample_meeting (workspace);
      const char *decisions[] = { HOSTILE_DECISION, "@everyone\n# heading\n> quote", NULL };
      g_autoptr(GPtrArray) payloads = NULL;
      g_autofree char *raw = NULL;

      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, HOSTILE_TITLE);
      lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS, decisions);
      add_action (meeting, HOSTILE_ACTION, "<@U999>", "", "<!channel>", "https://evil.example/a|b>c");
      payloads = post_all (fake, meeting, workspace, services[s]);
      raw = all_posts (fake, services[s]);

      g_test_message ("%s: %s", services[s], raw);
      g_assert_cmpuint (fake_chat_get_n_refused (fake), ==, 0);
      g_assert_cmpuint (fake_chat_get_n_pings (fake), ==, 0);

      for (guint i = 0; i < payloads->len; i++)
        {
          JsonObject *message = json_node_get_object (g_ptr_array_index (payloads, i));

          if (g_str_equal (services[s], "slack"))
            {
              JsonArray *blocks = json_object_get_array_member (message, "blocks");

              /* mrkdwn: only escaped text (&lt; not <!…>); the user's lines
               * are plain_text, which Slack never formats */
              g_assert_null (strstr (json_object_get_string_member (message, "text"), "<"));
              for (guint b = 0; b < json_array_get_length (blocks); b++)
                {
                  JsonObject *text = json_object_get_object_member (json_array_get_object_element (blocks, b), "text");
                  const char *value = json_object_get_string_member (text, "text");

                  if (g_str_equal (json_object_get_string_member (text, "type"), "mrkdwn"))
                    {
                      g_assert_null (strstr (value, "<!"));
                      g_assert_null (strstr (value, "<@"));
                      g_assert_null (strstr (value, "<script"));
                      g_assert_true (json_object_get_boolean_member (text, "verbatim"));
                      /* the only link is ours, with the address's | and > escaped */
                      if (strstr (value, "evil") != NULL)
                        g_assert_nonnull (strstr (value, "<https://evil.example/a%7Cb&gt;c|&lt;!channel&gt;>"));
                    }
                  else
                    {
                      g_assert_false (json_object_get_boolean_member (text, "emoji"));
                      g_assert_null (strchr (value, '<'));
                    }
                }
            }
          else if (g_str_equal (services[s], "teams"))
            {
              g_autoptr(JsonNode) card = json_node_copy (json_object_get_member (
                json_array_get_object_element (json_object_get_array_member (message, "attachments"), 0), "content"));
              JsonArray *body = json_object_get_array_member (json_node_get_object (card), "body");

              /* no TextBlock (which renders Markdown): every piece of text
               * is a TextRun, shown as it is; no mention entities */
              for (guint b = 0; b < json_array_get_length (body); b++)
                g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, b), "type"), ==, "RichTextBlock");
              g_assert_false (json_object_has_member (json_object_get_object_member (json_node_get_object (card), "msteams"), "entities"));
              g_assert_nonnull (strstr (raw, "<script>alert(1)</script> **bold**"));
            }
          else
            {
              const char *text = json_object_get_string_member (message, g_str_equal (services[s], "discord") ? "content" : "text");

              /* Markdown: the user's markup is escaped, no @-word is a
               * mention, and no line of theirs starts a block */
              g_assert_null (strstr (text, "**bold**"));
              g_assert_nonnull (strstr (text, "\\*\\*bold\\*\\*"));
              g_assert_null (strstr (text, "<script>"));
              g_assert_null (strstr (text, "@everyone"));
              g_assert_null (strstr (text, "@here"));
              g_assert_null (strstr (text, "@all"));
              g_assert_null (strstr (text, "\n#"));
              g_assert_null (strstr (text, "\n>"));
              g_assert_null (strstr (text, "[click]"));
              g_assert_nonnull (strstr (text, "\\[click\\](http://evil"));
              g_assert_null (strstr (text, "\n```"));
            }
        }
    }
}

/* A meeting with very long notes: Discord gets several messages, each
 * within 2000 characters, Slack and the others stay within their limits,
 * and nothing is lost. */
static void
test_long (void)
{
  g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
  LiaMeeting *meeting = sample_meeting (workspace);
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;

  {
    GString *t = g_string_new (NULL);
    for (guint i = 0; i < 400; i++)
      g_string_append (t, "Long title ");
    title = g_string_free (t, FALSE);
  }
  for (guint i = 0; i < 120; i++)
    {
      GString *d = g_string_new (NULL);
      g_string_append_printf (d, "Decision %u:", i);
      /* one of them alone is longer than any message may be */
      for (guint j = 0; j < (i == 7 ? 1200 : 40); j++)
        g_string_append (d, " word*_");
      g_string_append_printf (d, " end-%u", i);
      g_ptr_array_add (decisions, g_string_free (d, FALSE));
    }
  g_ptr_array_add (decisions, NULL);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, title);
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS, (const char * const *) decisions->pdata);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *text = g_strdup_printf ("Action %u", i);
      g_autofree char *key = g_strdup_printf ("API-%u", 100 + i);
      g_autofree char *url = g_strdup_printf ("https://example.atlassian.net/browse/API-%u", 100 + i);
      add_action (meeting, text, "Facilitator", "2026-02-01", key, url);
    }

  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      g_autoptr(FakeChat) fake = fake_chat_new ();
      g_autoptr(GPtrArray) payloads = post_all (fake, meeting, workspace, services[s]);
      g_autofree char *text = post_text (fake, services[s]);

      g_test_message ("%s: %u messages", services[s], payloads->len);
      g_assert_cmpuint (fake_chat_get_n_refused (fake), ==, 0);
      if (g_str_equal (services[s], "discord"))
        g_assert_cmpuint (payloads->len, >, 10);
      for (guint i = 0; i < 120; i++)
        {
          g_autofree char *end = g_strdup_printf ("end-%u", i);
          g_assert_nonnull (strstr (text, end));
        }
      g_assert_nonnull (strstr (text, "API-159"));
    }
}

/* Slack counts the escaped text: a title or decision made of & and <
 * grows fivefold and fourfold once escaped, and must still fit. */
static void
test_slack_escaped_lengths (void)
{
  g_autoptr(FakeChat) fake = fake_chat_new ();
  g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
  LiaMeeting *meeting = sample_meeting (workspace);
  g_autofree char *title = g_strnfill (300, '&');
  g_autofree char *decision = g_strnfill (4000, '<');
  const char *decisions[] = { decision, NULL };
  g_autoptr(GPtrArray) payloads = NULL;
  g_autofree char *text = NULL;

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, title);
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS, decisions);
  payloads = post_all (fake, meeting, workspace, "slack");
  g_assert_cmpuint (fake_chat_get_n_refused (fake), ==, 0);
  text = post_text (fake, "slack");
  g_assert_nonnull (strstr (text, "&amp;&amp;"));
  g_assert_null (strstr (text, "<<"));
}

static void
test_errors (void)
{
  g_autoptr(FakeChat) fake = fake_chat_new ();
  g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
  LiaMeeting *meeting = sample_meeting (workspace);
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autoptr(GPtrArray) payloads = lia_meeting_summary_payloads (meeting, workspace, "slack", NULL);
  g_autofree char *url = fake_chat_get_url (fake, "slack");
  g_autoptr(GError) error = NULL;
  guint posted = 99;

  lia_http_set_retry (http, 1, 10, 100);

  /* a removed webhook */
  fake_chat_add_fault (fake, 404);
  g_assert_false (lia_chat_post (http, "slack", url, payloads, &posted, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "removed"));
  g_assert_null (strstr (error->message, SECRET));
  g_assert_cmpuint (posted, ==, 0);
  g_clear_error (&error);

  /* a rate limit: waited for (Retry-After), then posted */
  fake_chat_add_fault (fake, 429);
  g_assert_true (lia_chat_post (http, "slack", url, payloads, &posted, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (posted, ==, 1);

  /* a rate limit that lasts */
  fake_chat_add_fault (fake, 429);
  fake_chat_add_fault (fake, 429);
  g_assert_false (lia_chat_post (http, "slack", url, payloads, &posted, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_RATE_LIMITED);
  g_assert_null (strstr (error->message, SECRET));
  g_clear_error (&error);

  /* a server failure after a first message went: not repeated, counted */
  {
    g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    g_autofree char *discord = fake_chat_get_url (fake, "discord");
    g_autoptr(GPtrArray) before = fake_chat_get_posts (fake, "discord");
    g_autoptr(GPtrArray) after = NULL;

    g_ptr_array_add (two, json_from_string ("{\"content\": \"one\", \"allowed_mentions\": {\"parse\": []}}", NULL));
    g_ptr_array_add (two, json_from_string ("{\"content\": \"two\", \"allowed_mentions\": {\"parse\": []}}", NULL));
    fake_chat_add_fault (fake, 0);
    fake_chat_add_fault (fake, 503);
    g_assert_false (lia_chat_post (http, "discord", discord, two, &posted, NULL, &error));
    g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_SERVER);
    g_assert_cmpuint (posted, ==, 1);
    g_assert_null (strstr (error->message, SECRET));
    after = fake_chat_get_posts (fake, "discord");
    g_assert_cmpuint (after->len, ==, before->len + 1);
    g_clear_error (&error);
  }

  /* what the service refuses: its reason, without the address */
  {
    g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    g_autofree char *discord = fake_chat_get_url (fake, "discord");
    g_autofree char *long_content = g_strnfill (2001, 'x');
    g_autofree char *json = g_strdup_printf ("{\"content\": \"%s\"}", long_content);

    g_ptr_array_add (bad, json_from_string (json, NULL));
    g_assert_false (lia_chat_post (http, "discord", discord, bad, &posted, NULL, &error));
    g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION);
    g_assert_nonnull (strstr (error->message, "Invalid Form Body"));
    g_assert_null (strstr (error->message, SECRET));
    g_clear_error (&error);
  }

  /* plain http to another computer is refused before anything is sent */
  g_assert_false (lia_chat_post (http, "slack", "http://hooks.slack.com/services/T/B/" SECRET, payloads, &posted, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE);
  g_assert_null (strstr (error->message, SECRET));
  g_clear_error (&error);

  /* nothing listens: a network error naming the host only */
  g_assert_false (lia_chat_post (http, "slack", "http://127.0.0.1:9/services/T/B/" SECRET, payloads, &posted, NULL, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NETWORK);
  g_assert_null (strstr (error->message, SECRET));
  g_clear_error (&error);

  g_assert_false (lia_chat_check_webhook ("irc", url, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID);
}

static void
posted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GMainLoop *loop = data;
  g_autoptr(GError) error = NULL;
  guint posted = 0;

  g_assert_true (lia_chat_post_finish (result, &posted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (posted, ==, 1);
  g_main_loop_quit (loop);
}

static void
test_async (void)
{
  g_autoptr(FakeChat) fake = fake_chat_new ();
  g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *url = fake_chat_get_url (fake, "teams");
  g_autoptr(GPtrArray) posts = NULL;

  {
    g_autoptr(GPtrArray) payloads = lia_meeting_summary_payloads (sample_meeting (workspace), workspace, "teams", NULL);
    lia_chat_post_async (http, "teams", url, payloads, NULL, posted_cb, loop);
  }
  g_main_loop_run (loop);
  posts = fake_chat_get_posts (fake, "teams");
  g_assert_cmpuint (posts->len, ==, 1);
}

/* The meeting remembers where its summary went, in the file, undoably. */
static void
test_mark_posted (void)
{
  g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
  LiaMeeting *meeting = sample_meeting (workspace);
  LiaHistory *history = lia_workspace_get_history (workspace);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_false (lia_meeting_summary_was_posted (meeting, "slack"));
  g_assert_true (lia_meeting_summary_mark_posted (meeting, history, "slack"));
  g_assert_true (lia_meeting_summary_mark_posted (meeting, history, "discord"));
  g_assert_true (lia_meeting_summary_was_posted (meeting, "slack"));
  g_assert_false (lia_meeting_summary_was_posted (meeting, "teams"));
  data = lia_workspace_to_data (workspace, &length);
  g_assert_nonnull (strstr (data, "\"chat_posts\": [\n      \"slack\",\n      \"discord\"\n    ]"));
  g_assert_true (lia_history_undo (history));
  g_assert_false (lia_meeting_summary_was_posted (meeting, "discord"));
  g_assert_true (lia_meeting_summary_was_posted (meeting, "slack"));
  g_assert_true (lia_history_undo (history));
  g_assert_false (lia_meeting_summary_was_posted (meeting, "slack"));
}

/* A chat account is an account like a tracker's; the tracker-only places
 * (an outbox operation) still refuse the chat services. */
static void
test_account (void)
{
  g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
  LiaHistory *history = lia_workspace_get_history (workspace);
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autoptr(LiaOutboxOp) op = lia_outbox_op_new ();
  g_autoptr(LiaWorkspace) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *data = NULL;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, services[i]);
      g_assert_true (lia_history_try_set_value (history, LIA_ENTITY (account), LIA_ACCOUNT_SERVICE, &value, FALSE, &error));
      g_assert_no_error (error);
      g_assert_false (lia_history_try_set_value (history, LIA_ENTITY (op), LIA_OUTBOX_OP_SERVICE, &value, FALSE, &error));
      g_clear_error (&error);
      g_value_unset (&value);
      g_assert_cmpstr (lia_choice_get_label (services[i]), !=, services[i]);
    }

  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_NAME, "#api-design");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_URL, "https://hooks.slack.com");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE, "slack");
  g_list_store_append (lia_workspace_get_accounts (workspace), account);
  data = lia_workspace_to_data (workspace, &length);
  reread = lia_workspace_new_from_data (data, length, "team.liaison", &error);
  g_assert_no_error (error);
  {
    g_autoptr(LiaEntity) back = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_accounts (reread)), 0);
    g_assert_cmpstr (lia_entity_get_string (back, LIA_ACCOUNT_SERVICE), ==, "slack");
  }
}

static void
test_preview (void)
{
  g_autoptr(LiaWorkspace) workspace = notes_workspace ("en");
  LiaMeeting *meeting = sample_meeting (workspace);
  g_autofree char *preview = lia_meeting_summary_preview (meeting, workspace, "slack");
  const char *many[200];
  g_autofree char *long_preview = NULL;
  g_autofree char *filler = g_strnfill (300, 'x');

  g_assert_true (g_str_has_prefix (preview, "API design meeting\n"));
  g_assert_nonnull (strstr (preview, "\nDecisions\n• Stream responses with server-sent events\n"));
  g_assert_nonnull (strstr (preview, "• Write the OpenAPI description — owner: Technical Writer — due 2026-01-27 — To do\n"
                                     "  API-12 https://example.atlassian.net/browse/API-12\n"));
  g_assert_null (strstr (preview, "messages"));

  for (guint i = 0; i < 199; i++)
    many[i] = filler;
  many[199] = NULL;
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS, many);
  long_preview = lia_meeting_summary_preview (meeting, workspace, "discord");
  g_assert_nonnull (strstr (long_preview, "This summary is sent as "));

  g_assert_null (lia_meeting_summary_payloads (meeting, workspace, "irc", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chat/formats", test_formats);
  g_test_add_func ("/chat/hostile", test_hostile);
  g_test_add_func ("/chat/long", test_long);
  g_test_add_func ("/chat/slack-escaped-lengths", test_slack_escaped_lengths);
  g_test_add_func ("/chat/errors", test_errors);
  g_test_add_func ("/chat/async", test_async);
  g_test_add_func ("/chat/mark-posted", test_mark_posted);
  g_test_add_func ("/chat/account", test_account);
  g_test_add_func ("/chat/preview", test_preview);

  return g_test_run ();
}
