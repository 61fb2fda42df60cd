/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fake-chat"

#include <libsoup/soup.h>
#include <string.h>

#include "lia-fake-chat.h"

/* The checks, and where they come from:
 * - Slack (api.slack.com/messaging/webhooks, reference/block-kit): "text"
 *   or "blocks" required (400 "no_text"); at most 50 blocks; a section
 *   needs text or fields, its text at most 3000 characters; a header's
 *   text is plain_text of at most 150; a text object is plain_text (type,
 *   text, emoji) or mrkdwn (type, text, verbatim) and not empty; anything
 *   else is 400 "invalid_blocks".  Unknown hook: 404 "no_service".
 * - Discord (Execute Webhook, Embed Limits): content at most 2000
 *   characters, at most 10 embeds, title 256, description 4096, 25 fields
 *   of name 256 and value 1024, footer 2048, author 256, all embeds 6000
 *   together; an empty message is 50006; a bad form is 400 50035
 *   "Invalid Form Body"; allowed_mentions.parse holds only roles, users
 *   and everyone.  Unknown hook: 404 10015 "Unknown Webhook".
 * - Teams (Workflows' "When a Teams webhook request is received" and the
 *   Adaptive Card schema): a "message" whose attachments are Adaptive
 *   Cards (contentType application/vnd.microsoft.card.adaptive), each
 *   with type AdaptiveCard, a version Teams renders (1.0 to 1.4 here) and
 *   a body array of known elements; 202 Accepted.
 * - Mattermost (developers.mattermost.com/integrate/webhooks/incoming):
 *   "text" required unless there are attachments (400), at most 16383
 *   characters; 200 "ok".
 * Lengths count characters (code points). */

struct _FakeChat
{
  GMutex        lock;
  GCond         ready;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *base;
  GHashTable   *posts;      /* service → GPtrArray of char * */
  GQueue        faults;     /* GUINT_TO_POINTER (status) */
  guint         n_refused;
  guint         n_pings;
  char         *last_refusal;
};

#define SECRET "s3cr3t-T0K3N"

static const char *
service_of_path (const char *path)
{
  if (g_str_equal (path, "/services/T000/B000/" SECRET))
    return "slack";
  if (g_str_equal (path, "/api/webhooks/1234/" SECRET))
    return "discord";
  if (g_str_equal (path, "/workflows/triggers/manual/paths/invoke/" SECRET))
    return "teams";
  if (g_str_equal (path, "/hooks/" SECRET))
    return "mattermost";
  return NULL;
}

static glong
chars (const char *text)
{
  return text ? g_utf8_strlen (text, -1) : 0;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
only_keys (JsonObject         *object,
           const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return FALSE;
  return TRUE;
}

/* ---- Slack ---- */

static gboolean
slack_mrkdwn_pings (const char *text,
                    gboolean    verbatim)
{
  if (strstr (text, "<!") != NULL || strstr (text, "<@") != NULL)
    return TRUE;
  /* without verbatim, Slack parses some bare mentions itself */
  return !verbatim && (strstr (text, "@channel") || strstr (text, "@here") || strstr (text, "@everyone"));
}

static char *
slack_text_object (JsonNode  *node,
                   glong      max,
                   gboolean   plain_only,
                   gboolean  *pings)
{
  static const char * const plain_keys[] = { "type", "text", "emoji", NULL };
  static const char * const mrkdwn_keys[] = { "type", "text", "verbatim", NULL };
  JsonObject *object;
  const char *type, *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("a text object must be an object");
  object = json_node_get_object (node);
  type = member_string (object, "type");
  text = member_string (object, "text");
  if (type == NULL || text == NULL || *text == '\0')
    return g_strdup ("a text object needs type and text");
  if (g_str_equal (type, "plain_text"))
    {
      if (!only_keys (object, plain_keys))
        return g_strdup ("unknown key in plain_text");
      /* the formatting reference names &, < and > control characters of
       * every text object: the fake takes a <!…> here as a mention too */
      if (slack_mrkdwn_pings (text, TRUE))
        *pings = TRUE;
    }
  else if (g_str_equal (type, "mrkdwn") && !plain_only)
    {
      if (!only_keys (object, mrkdwn_keys))
        return g_strdup ("unknown key in mrkdwn");
      if (slack_mrkdwn_pings (text, json_object_has_member (object, "verbatim") &&
                                    json_object_get_boolean_member (object, "verbatim")))
        *pings = TRUE;
    }
  else
    return g_strdup_printf ("text type %s not allowed here", type);
  if (chars (text) > max)
    return g_strdup_printf ("text longer than %ld characters", max);
  return NULL;
}

static char *
check_slack (JsonObject *body,
             gboolean   *pings,
             guint      *status,
             char      **answer)
{
  JsonNode *blocks = json_object_get_member (body, "blocks");
  const char *text = member_string (body, "text");
  JsonArray *array;

  *status = 400;
  if ((text == NULL || *text == '\0') && blocks == NULL)
    return (*answer = g_strdup ("no_text"), g_strdup ("text or blocks required"));
  *answer = g_strdup ("invalid_blocks");
  if (text != NULL && strstr (text, "<!") != NULL)
    *pings = TRUE;
  if (blocks == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (blocks))
    return g_strdup ("blocks must be an array");
  array = json_node_get_array (blocks);
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > 50)
    return g_strdup_printf ("%u blocks (1 to 50 allowed)", json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *block;
      const char *type;
      char *problem = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return g_strdup ("a block must be an object");
      block = json_node_get_object (node);
      type = member_string (block, "type");
      if (type == NULL)
        return g_strdup ("a block needs a type");
      if (g_str_equal (type, "header"))
        problem = slack_text_object (json_object_get_member (block, "text"), 150, TRUE, pings);
      else if (g_str_equal (type, "section"))
        {
          if (!json_object_has_member (block, "text") && !json_object_has_member (block, "fields"))
            return g_strdup ("a section needs text or fields");
          if (json_object_has_member (block, "text"))
            problem = slack_text_object (json_object_get_member (block, "text"), 3000, FALSE, pings);
        }
      else if (g_str_equal (type, "divider"))
        ;
      else if (g_str_equal (type, "context"))
        {
          JsonArray *elements = json_object_get_array_member (block, "elements");
          if (elements == NULL || json_array_get_length (elements) == 0 || json_array_get_length (elements) > 10)
            return g_strdup ("a context needs 1 to 10 elements");
          for (guint j = 0; j < json_array_get_length (elements) && problem == NULL; j++)
            problem = slack_text_object (json_array_get_element (elements, j), 3000, FALSE, pings);
        }
      else
        return g_strdup_printf ("block type %s not checked by the fake", type);
      if (problem != NULL)
        return problem;
    }
  *status = 200;
  return NULL;
}

/* ---- Discord ---- */

static char *
check_discord (JsonObject *body,
               gboolean   *pings,
               guint      *status,
               char      **answer)
{
  const char *content = member_string (body, "content");
  JsonArray *embeds = json_object_has_member (body, "embeds") ? json_object_get_array_member (body, "embeds") : NULL;
  JsonObject *allowed = json_object_has_member (body, "allowed_mentions")
                        ? json_object_get_object_member (body, "allowed_mentions") : NULL;
  glong total = 0;
  gboolean may_ping_everyone = TRUE, may_ping_users = TRUE;

  *status = 400;
  if ((content == NULL || *content == '\0') && (embeds == NULL || json_array_get_length (embeds) == 0))
    return (*answer = g_strdup ("{\"message\": \"Cannot send an empty message\", \"code\": 50006}"),
            g_strdup ("empty message"));
  *answer = g_strdup ("{\"message\": \"Invalid Form Body\", \"code\": 50035}");
  if (chars (content) > 2000)
    return g_strdup_printf ("content of %ld characters", chars (content));
  if (embeds != NULL && json_array_get_length (embeds) > 10)
    return g_strdup ("more than 10 embeds");
  for (guint i = 0; embeds != NULL && i < json_array_get_length (embeds); i++)
    {
      JsonObject *embed = json_array_get_object_element (embeds, i);
      JsonArray *fields = json_object_has_member (embed, "fields") ? json_object_get_array_member (embed, "fields") : NULL;
      glong title = chars (member_string (embed, "title"));
      glong description = chars (member_string (embed, "description"));

      if (title > 256 || description > 4096)
        return g_strdup ("embed title or description too long");
      total += title + description;
      if (fields != NULL && json_array_get_length (fields) > 25)
        return g_strdup ("more than 25 fields");
      for (guint j = 0; fields != NULL && j < json_array_get_length (fields); j++)
        {
          JsonObject *field = json_array_get_object_element (fields, j);
          glong name = chars (member_string (field, "name")), value = chars (member_string (field, "value"));
          if (name > 256 || value > 1024)
            return g_strdup ("embed field too long");
          total += name + value;
        }
      if (json_object_has_member (embed, "footer"))
        {
          glong footer = chars (member_string (json_object_get_object_member (embed, "footer"), "text"));
          if (footer > 2048)
            return g_strdup ("footer too long");
          total += footer;
        }
      if (json_object_has_member (embed, "author"))
        {
          glong author = chars (member_string (json_object_get_object_member (embed, "author"), "name"));
          if (author > 256)
            return g_strdup ("author too long");
          total += author;
        }
    }
  if (total > 6000)
    return g_strdup ("embeds longer than 6000 characters together");
  if (allowed != NULL)
    {
      JsonArray *parse = json_object_has_member (allowed, "parse") ? json_object_get_array_member (allowed, "parse") : NULL;

      may_ping_everyone = may_ping_users = FALSE;
      for (guint i = 0; parse != NULL && i < json_array_get_length (parse); i++)
        {
          const char *kind = json_array_get_string_element (parse, i);
          if (kind == NULL || (!g_str_equal (kind, "roles") && !g_str_equal (kind, "users") && !g_str_equal (kind, "everyone")))
            return g_strdup ("allowed_mentions.parse holds an unknown kind");
          if (g_str_equal (kind, "everyone"))
            may_ping_everyone = TRUE;
          else
            may_ping_users = TRUE;
        }
      if (json_object_has_member (allowed, "users") || json_object_has_member (allowed, "roles"))
        may_ping_users = TRUE;
    }
  if (content != NULL &&
      ((may_ping_everyone && (strstr (content, "@everyone") || strstr (content, "@here"))) ||
       (may_ping_users && strstr (content, "<@"))))
    *pings = TRUE;
  *status = 204;
  return NULL;
}

/* ---- Teams ---- */

static char *
check_card_elements (JsonArray *body)
{
  static const char * const known[] = { "TextBlock", "RichTextBlock", "FactSet", "Container",
                                         "ColumnSet", "Image", "ImageSet", "ActionSet", NULL };

  for (guint i = 0; i < json_array_get_length (body); i++)
    {
      JsonNode *node = json_array_get_element (body, i);
      JsonObject *element;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return g_strdup ("a card element must be an object");
      element = json_node_get_object (node);
      type = member_string (element, "type");
      if (type == NULL || !g_strv_contains (known, type))
        return g_strdup_printf ("unknown card element %s", type ? type : "(none)");
      if (g_str_equal (type, "TextBlock") && member_string (element, "text") == NULL)
        return g_strdup ("a TextBlock needs text");
      if (g_str_equal (type, "RichTextBlock"))
        {
          JsonArray *inlines = json_object_has_member (element, "inlines")
                               ? json_object_get_array_member (element, "inlines") : NULL;
          if (inlines == NULL)
            return g_strdup ("a RichTextBlock needs inlines");
          for (guint j = 0; j < json_array_get_length (inlines); j++)
            {
              JsonNode *run = json_array_get_element (inlines, j);
              if (JSON_NODE_HOLDS_VALUE (run) && json_node_get_value_type (run) == G_TYPE_STRING)
                continue;
              if (!JSON_NODE_HOLDS_OBJECT (run) ||
                  g_strcmp0 (member_string (json_node_get_object (run), "type"), "TextRun") != 0 ||
                  member_string (json_node_get_object (run), "text") == NULL)
                return g_strdup ("an inline must be a TextRun with text");
            }
        }
      if (g_str_equal (type, "Container") && json_object_has_member (element, "items"))
        {
          char *problem = check_card_elements (json_object_get_array_member (element, "items"));
          if (problem)
            return problem;
        }
    }
  return NULL;
}

static char *
check_teams (JsonObject *body,
             gboolean   *pings,
             guint      *status,
             char      **answer)
{
  static const char * const versions[] = { "1.0", "1.1", "1.2", "1.3", "1.4", NULL };
  JsonArray *attachments;

  *status = 400;
  *answer = g_strdup ("{\"error\": {\"code\": \"InvalidRequestContent\", \"message\": \"The input body for trigger 'manual' of type 'Request' did not match its schema definition.\"}}");
  if (g_strcmp0 (member_string (body, "type"), "message") != 0)
    return g_strdup ("type must be message");
  if (!json_object_has_member (body, "attachments") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "attachments")))
    return g_strdup ("attachments required");
  attachments = json_object_get_array_member (body, "attachments");
  if (json_array_get_length (attachments) == 0)
    return g_strdup ("no attachment");
  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      JsonObject *attachment = json_array_get_object_element (attachments, i);
      JsonObject *card;
      JsonNode *card_body;
      char *problem;

      if (attachment == NULL || g_strcmp0 (member_string (attachment, "contentType"), "application/vnd.microsoft.card.adaptive") != 0)
        return g_strdup ("attachment contentType must be application/vnd.microsoft.card.adaptive");
      if (!json_object_has_member (attachment, "content") ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (attachment, "content")))
        return g_strdup ("attachment content must be a card");
      card = json_object_get_object_member (attachment, "content");
      if (g_strcmp0 (member_string (card, "type"), "AdaptiveCard") != 0)
        return g_strdup ("card type must be AdaptiveCard");
      if (member_string (card, "version") == NULL || !g_strv_contains (versions, member_string (card, "version")))
        return g_strdup ("card version must be 1.0 to 1.4");
      card_body = json_object_get_member (card, "body");
      if (card_body == NULL || !JSON_NODE_HOLDS_ARRAY (card_body))
        return g_strdup ("card body must be an array");
      if ((problem = check_card_elements (json_node_get_array (card_body))) != NULL)
        return problem;
      if (json_object_has_member (card, "msteams") &&
          json_object_has_member (json_object_get_object_member (card, "msteams"), "entities"))
        *pings = TRUE;
    }
  *status = 202;
  return NULL;
}

/* ---- Mattermost ---- */

static gboolean
mattermost_pings (const char *text)
{
  static const char * const words[] = { "@channel", "@all", "@here", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    for (const char *p = strstr (text, words[i]); p != NULL; p = strstr (p + 1, words[i]))
      {
        char after = p[strlen (words[i])];
        /* the server takes a word starting with @ as a mention */
        if (!g_ascii_isalnum (after) && after != '_')
          return TRUE;
      }
  return FALSE;
}

static char *
check_mattermost (JsonObject *body,
                  gboolean   *pings,
                  guint      *status,
                  char      **answer)
{
  const char *text = member_string (body, "text");

  *status = 400;
  *answer = g_strdup ("{\"id\": \"web.incoming_webhook.text.app_error\", \"message\": \"No text specified\", \"status_code\": 400}");
  if ((text == NULL || *text == '\0') && !json_object_has_member (body, "attachments"))
    return g_strdup ("text required");
  if (chars (text) > 16383)
    return g_strdup ("text longer than 16383 characters");
  if (text != NULL && mattermost_pings (text))
    *pings = TRUE;
  *status = 200;
  return NULL;
}

static void
refuse (FakeChat          *fake,
        SoupServerMessage *msg,
        guint              status,
        const char        *answer,
        const char        *why)
{
  g_mutex_lock (&fake->lock);
  fake->n_refused++;
  g_free (fake->last_refusal);
  fake->last_refusal = g_strdup (why);
  g_mutex_unlock (&fake->lock);
  soup_server_message_set_status (msg, status, NULL);
  if (answer != NULL)
    soup_server_message_set_response (msg, answer[0] == '{' ? "application/json" : "text/plain",
                                      SOUP_MEMORY_COPY, answer, strlen (answer));
}

static void
request_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  FakeChat *fake = user_data;
  const char *service = service_of_path (path);
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) data = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *answer = NULL;
  gboolean pings = FALSE;
  guint status = 0;
  guint fault;
  JsonNode *root;

  if (service == NULL)
    {
      refuse (fake, msg, 404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}", "unknown webhook");
      return;
    }
  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      refuse (fake, msg, 405, NULL, "not a POST");
      return;
    }

  g_mutex_lock (&fake->lock);
  fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));
  g_mutex_unlock (&fake->lock);
  if (fault != 0)
    {
      if (fault == 429)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
      refuse (fake, msg, fault, g_str_equal (service, "discord") && fault == 429
              ? "{\"message\": \"You are being rate limited.\", \"retry_after\": 1.0, \"global\": false}"
              : g_str_equal (service, "slack") && fault == 404 ? "no_service" : NULL,
              "fault");
      return;
    }

  if (g_strcmp0 (type, "application/json") != 0)
    {
      refuse (fake, msg, 400, "invalid_payload", "not application/json");
      return;
    }
  data = soup_message_body_flatten (request);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL) ||
      !JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))))
    {
      refuse (fake, msg, 400, "invalid_payload", "not a JSON object");
      return;
    }

  if (g_str_equal (service, "slack"))
    problem = check_slack (json_node_get_object (root), &pings, &status, &answer);
  else if (g_str_equal (service, "discord"))
    problem = check_discord (json_node_get_object (root), &pings, &status, &answer);
  else if (g_str_equal (service, "teams"))
    problem = check_teams (json_node_get_object (root), &pings, &status, &answer);
  else
    problem = check_mattermost (json_node_get_object (root), &pings, &status, &answer);

  if (problem != NULL)
    {
      g_test_message ("fake %s refused: %s", service, problem);
      refuse (fake, msg, status, answer, problem);
      return;
    }

  g_mutex_lock (&fake->lock);
  g_ptr_array_add (g_hash_table_lookup (fake->posts, service),
                   g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data)));
  if (pings)
    fake->n_pings++;
  g_mutex_unlock (&fake->lock);

  soup_server_message_set_status (msg, status, NULL);
  if (g_str_equal (service, "slack") || g_str_equal (service, "mattermost"))
    soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

static gpointer
serve (gpointer data)
{
  FakeChat *fake = data;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (fake->context);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, request_handler, fake, NULL);
  if (!soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("fake chat: %s", error->message);
  uris = soup_server_get_uris (fake->server);
  g_mutex_lock (&fake->lock);
  fake->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (fake->base, "/"))
    fake->base[strlen (fake->base) - 1] = '\0';
  g_cond_signal (&fake->ready);
  g_mutex_unlock (&fake->lock);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_main_loop_run (fake->loop);
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_main_context_pop_thread_default (fake->context);
  return NULL;
}

FakeChat *
fake_chat_new (void)
{
  FakeChat *fake = g_new0 (FakeChat, 1);
  const char *services[] = { "slack", "teams", "discord", "mattermost" };

  g_mutex_init (&fake->lock);
  g_cond_init (&fake->ready);
  g_queue_init (&fake->faults);
  fake->posts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    g_hash_table_insert (fake->posts, (gpointer) services[i], g_ptr_array_new_with_free_func (g_free));
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);

  g_mutex_lock (&fake->lock);
  fake->thread = g_thread_new ("fake-chat", serve, fake);
  while (fake->base == NULL)
    g_cond_wait (&fake->ready, &fake->lock);
  g_mutex_unlock (&fake->lock);
  return fake;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
fake_chat_free (FakeChat *fake)
{
  g_main_context_invoke (fake->context, quit_cb, fake->loop);
  g_thread_join (fake->thread);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_hash_table_unref (fake->posts);
  g_queue_clear (&fake->faults);
  g_free (fake->base);
  g_free (fake->last_refusal);
  g_mutex_clear (&fake->lock);
  g_cond_clear (&fake->ready);
  g_free (fake);
}

char *
fake_chat_get_url (FakeChat   *fake,
                   const char *service)
{
  const char *path = g_str_equal (service, "slack") ? "/services/T000/B000/" SECRET
                     : g_str_equal (service, "discord") ? "/api/webhooks/1234/" SECRET
                     : g_str_equal (service, "teams") ? "/workflows/triggers/manual/paths/invoke/" SECRET
                     : "/hooks/" SECRET;

  return g_strconcat (fake->base, path, NULL);
}

void
fake_chat_add_fault (FakeChat *fake,
                     guint     status)
{
  g_mutex_lock (&fake->lock);
  g_queue_push_tail (&fake->faults, GUINT_TO_POINTER (status));
  g_mutex_unlock (&fake->lock);
}

GPtrArray *
fake_chat_get_posts (FakeChat   *fake,
                     const char *service)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *posts;

  g_mutex_lock (&fake->lock);
  posts = g_hash_table_lookup (fake->posts, service);
  for (guint i = 0; posts != NULL && i < posts->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (posts, i)));
  g_mutex_unlock (&fake->lock);
  return copy;
}

guint
fake_chat_get_n_refused (FakeChat *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->n_refused;
  g_mutex_unlock (&fake->lock);
  return n;
}

char *
fake_chat_get_last_refusal (FakeChat *fake)
{
  char *why;

  g_mutex_lock (&fake->lock);
  why = g_strdup (fake->last_refusal);
  g_mutex_unlock (&fake->lock);
  return why;
}

guint
fake_chat_get_n_pings (FakeChat *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->n_pings;
  g_mutex_unlock (&fake->lock);
  return n;
}
