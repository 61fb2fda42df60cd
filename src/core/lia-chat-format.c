/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-summary"

#include "config.h"

#include <string.h>

#include "lia-meeting-summary-private.h"

/* The renderers of a meeting's summary: the neutral parts of
 * lia-meeting-summary.c as each chat service's webhook takes them, a new
 * message wherever the next part would break one of its limits.  Every
 * part of kind LINE is the user's text and hostile: each renderer says
 * how its service is kept from pinging or reformatting on its account.
 *
 * Limits, from the services' own descriptions:
 * - Slack (Block Kit, api.slack.com/reference/block-kit/blocks): at most
 *   50 blocks per message, a section's text at most 3000 characters, a
 *   header's plain text at most 150.
 * - Discord (Execute Webhook, discord.com/developers/docs/resources/webhook):
 *   content at most 2000 characters; we send no embeds.
 * - Mattermost (developers.mattermost.com/integrate/webhooks/incoming):
 *   "text" in Markdown; servers before 5.0 kept 4000 characters per post,
 *   so a message stays within that.
 * - Microsoft Teams (Workflows "post to a channel when a webhook request is
 *   received"): a message with one Adaptive Card attachment, card version
 *   1.4 (what Teams renders), and about 28 KB per message. */

#define SLACK_MAX_BLOCKS 50
#define SLACK_SECTION_MAX 3000
#define SLACK_HEADER_MAX 150
#define DISCORD_CONTENT_MAX 2000
#define MATTERMOST_TEXT_MAX 4000
/* Teams refuses cards over about 28 KB; the serialized card stays under this. */
#define TEAMS_CARD_BYTES 20000

/* Split TEXT into pieces of at most MAX characters (code points), so that
 * one very long decision still fits a message; pieces are cut between
 * characters, never inside one. */
GPtrArray *
lia_summary_pieces (const char *text,
                    guint       max)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  do
    {
      const char *end = p;
      guint n = 0;

      while (*end != '\0' && n < max)
        {
          end = g_utf8_next_char (end);
          n++;
        }
      g_ptr_array_add (out, g_strndup (p, end - p));
      p = end;
    }
  while (*p != '\0');
  return out;
}

/* Services written in JavaScript count a string's length in UTF-16 code
 * units, so a character outside the BMP counts twice; counting that way
 * never goes over a limit that counts characters. */
gsize
lia_summary_utf16_length (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) > 0xffff ? 2 : 1;
  return n;
}

/* ---- Slack ---- */

/* Slack's mrkdwn treats &, < and > as control characters ("<!channel>",
 * "<@U123>", "<url|text>") and asks that they be sent as &amp;, &lt; and
 * &gt; when they are text (api.slack.com/reference/surfaces/formatting).
 * With those three escaped, no user text can form a mention or a link. */
static void
slack_escape (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      default: g_string_append_c (out, *p);
      }
}

static JsonNode *
slack_text (const char *type,
            const char *text)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, text);
  if (g_str_equal (type, "plain_text"))
    {
      json_builder_set_member_name (b, "emoji");
      json_builder_add_boolean_value (b, FALSE);
    }
  else
    {
      /* verbatim: Slack does not turn bare URLs, #channel names or
       * @-words into links or mentions on its own */
      json_builder_set_member_name (b, "verbatim");
      json_builder_add_boolean_value (b, TRUE);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static JsonObject *
slack_block (const char *block_type,
             const char *text_type,
             const char *text)
{
  JsonObject *block = json_object_new ();

  json_object_set_string_member (block, "type", block_type);
  json_object_set_member (block, "text", slack_text (text_type, text));
  return block;
}

typedef struct
{
  GPtrArray *messages;  /* JsonNode */
  JsonArray *blocks;    /* of the message being filled */
  char      *fallback;
} SlackState;

static void
slack_flush (SlackState *s)
{
  JsonObject *message;

  if (s->blocks == NULL || json_array_get_length (s->blocks) == 0)
    return;
  message = json_object_new ();
  /* "text" is what notifications and screen readers show; it is mrkdwn,
   * escaped like the rest */
  json_object_set_string_member (message, "text", s->fallback);
  json_object_set_array_member (message, "blocks", g_steal_pointer (&s->blocks));
  g_ptr_array_add (s->messages, json_node_init_object (json_node_alloc (), message));
  json_object_unref (message);
}

static void
slack_add (SlackState *s,
           JsonObject *block)
{
  if (s->blocks != NULL && json_array_get_length (s->blocks) >= SLACK_MAX_BLOCKS)
    slack_flush (s);
  if (s->blocks == NULL)
    s->blocks = json_array_new ();
  json_array_add_object_element (s->blocks, block);
}

/* The user's lines go out as plain_text sections: Slack does not apply
 * mrkdwn to plain text, so "*bold*" or a stray ``` stays literal and
 * cannot format the lines after it (mrkdwn has no escape for *, _, ~ and
 * `).  Slack's formatting reference asks for &, < and > as entities in
 * every text object, so plain text is escaped too: a "<!channel>" in it
 * is then text whatever Slack's parser does with plain_text.  LINES is
 * already escaped. */
static void
slack_add_lines (SlackState *s,
                 GString    *lines)
{
  if (lines->len == 0)
    return;
  slack_add (s, slack_block ("section", "plain_text", lines->str));
  g_string_truncate (lines, 0);
}

GPtrArray *
lia_summary_render_slack (GPtrArray *parts)
{
  SlackState s = { g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref), NULL, NULL };
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  GString *fallback = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      LiaSummaryPart *part = g_ptr_array_index (parts, i);

      if (part->kind == LIA_SUMMARY_PART_TITLE)
        slack_escape (fallback, part->text);
    }
  s.fallback = g_string_free (fallback, FALSE);

  for (guint i = 0; i < parts->len; i++)
    {
      LiaSummaryPart *part = g_ptr_array_index (parts, i);

      if (part->kind != LIA_SUMMARY_PART_LINK && links->len > 0)
        {
          slack_add (&s, slack_block ("section", "mrkdwn", links->str));
          g_string_truncate (links, 0);
        }

      switch (part->kind)
        {
        case LIA_SUMMARY_PART_TITLE:
          {
            /* at most 150 characters once escaped: shorten the title
             * until its escaped form fits */
            g_autoptr(GString) header = g_string_new (NULL);

            for (guint n = SLACK_HEADER_MAX; n > 1; n--)
              {
                g_autofree char *title = lia_summary_one_line (part->text, n);

                g_string_truncate (header, 0);
                slack_escape (header, title);
                if (lia_summary_utf16_length (header->str) <= SLACK_HEADER_MAX)
                  break;
              }
            slack_add (&s, slack_block ("header", "plain_text", header->str));
          }
          break;

        case LIA_SUMMARY_PART_HEADING:
          {
            g_autoptr(GString) heading = g_string_new ("*");

            slack_add_lines (&s, lines);
            slack_escape (heading, part->text);
            g_string_append_c (heading, '*');
            slack_add (&s, slack_block ("section", "mrkdwn", heading->str));
          }
          break;

        case LIA_SUMMARY_PART_LINE:
          {
            /* plain text: one section holds lines up to 3000 characters,
             * counted as Slack's JavaScript counts them; a piece of 500
             * characters stays under that even if each is an "&amp;" */
            g_autoptr(GPtrArray) bits = lia_summary_pieces (part->text, 500);

            for (guint j = 0; j < bits->len; j++)
              {
                g_autoptr(GString) line = g_string_new ("• ");

                slack_escape (line, g_ptr_array_index (bits, j));

                if (lines->len > 0 && lia_summary_utf16_length (lines->str) + 1 + lia_summary_utf16_length (line->str) > SLACK_SECTION_MAX)
                  slack_add_lines (&s, lines);
                if (lines->len > 0)
                  g_string_append_c (lines, '\n');
                g_string_append (lines, line->str);
              }
          }
          break;

        case LIA_SUMMARY_PART_LINK:
          {
            g_autoptr(GString) link = g_string_new (NULL);

            slack_add_lines (&s, lines);
            if (part->url != NULL)
              {
                /* <url|text>: the address escaped like text, and a '|'
                 * in it percent-encoded, since it would end the address */
                g_autofree char *url = NULL;
                GString *u = g_string_new (NULL);

                for (const char *p = part->url; *p != '\0'; p++)
                  if (*p == '|')
                    g_string_append (u, "%7C");
                  else
                    g_string_append_c (u, *p);
                url = g_string_free (u, FALSE);
                g_string_append_c (link, '<');
                slack_escape (link, url);
                g_string_append_c (link, '|');
                slack_escape (link, part->text);
                g_string_append_c (link, '>');
              }
            else
              slack_escape (link, part->text);

            if (links->len > 0 && lia_summary_utf16_length (links->str) + 3 + lia_summary_utf16_length (link->str) > SLACK_SECTION_MAX)
              {
                slack_add (&s, slack_block ("section", "mrkdwn", links->str));
                g_string_truncate (links, 0);
              }
            if (links->len > 0)
              g_string_append (links, " · ");
            g_string_append (links, link->str);
          }
          break;
        }
    }
  slack_add_lines (&s, lines);
  if (links->len > 0)
    slack_add (&s, slack_block ("section", "mrkdwn", links->str));
  slack_flush (&s);
  g_free (s.fallback);
  return s.messages;
}

/* ---- Discord and Mattermost: Markdown in one text field ---- */

/* A zero-width space after '@' keeps "@everyone", "@here", "@channel" and
 * "@all" from being read as mentions by any client or server that looks
 * for them in the text (Mattermost does so on the server, for
 * notifications, whatever the Markdown around them). */
#define NO_MENTION "\xe2\x80\x8b"

/* Backslash-escape the ASCII punctuation that Markdown (and Discord's and
 * Mattermost's extensions: ~~, ||spoilers||, <@id> mentions, <#id>
 * channels, ~channel links) would read as markup; both take a backslash
 * before any punctuation as that character, literally.  Parentheses need
 * none once no '[' can open a link; '#', '>' and '-' start a block only
 * at the start of a line, and the user's text never starts one (each
 * line begins with our "- "), but '#' and '>' are escaped anyway since
 * Discord reads "<#id>" and "<t:…>" anywhere. */
static void
markdown_escape (GString    *out,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_~|<>#[]!", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
      if (*p == '@')
        g_string_append (out, NO_MENTION);
    }
}

/* A link whose address cannot close the Markdown link early. */
static void
markdown_link (GString    *out,
               const char *text,
               const char *url)
{
  g_string_append_c (out, '[');
  markdown_escape (out, text);
  g_string_append (out, "](<");
  for (const char *p = url; *p != '\0'; p++)
    if (*p == '<' || *p == '>' || *p == '(' || *p == ')')
      g_string_append_printf (out, "%%%02X", (guchar) *p);
    else
      g_string_append_c (out, *p);
  g_string_append (out, ">)");
}

static JsonNode *
markdown_message (const char *service,
                  const char *text)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  if (g_str_equal (service, "discord"))
    {
      json_builder_set_member_name (b, "content");
      json_builder_add_string_value (b, text);
      /* Discord: no @everyone, @here, user or role mention may notify
       * anyone, whatever the text says (allowed_mentions, Execute Webhook) */
      json_builder_set_member_name (b, "allowed_mentions");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "parse");
      json_builder_begin_array (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  else
    {
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

GPtrArray *
lia_summary_render_markdown (GPtrArray  *parts,
                             const char *service)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gsize max = g_str_equal (service, "discord") ? DISCORD_CONTENT_MAX : MATTERMOST_TEXT_MAX;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      LiaSummaryPart *part = g_ptr_array_index (parts, i);
      /* each escaped character takes at most 2 units (or 1 + a 1-unit
       * zero-width space), so raw pieces of max/2 - 8 always fit */
      g_autoptr(GPtrArray) bits = lia_summary_pieces (part->text, max / 2 - 8);

      for (guint j = 0; j < bits->len; j++)
        {
          const char *bit = g_ptr_array_index (bits, j);
          g_autoptr(GString) line = g_string_new (NULL);

          switch (part->kind)
            {
            case LIA_SUMMARY_PART_TITLE:
              g_string_append (line, "**");
              markdown_escape (line, bit);
              g_string_append (line, "**");
              break;
            case LIA_SUMMARY_PART_HEADING:
              g_string_append (line, "\n**");
              markdown_escape (line, bit);
              g_string_append (line, "**");
              break;
            case LIA_SUMMARY_PART_LINE:
              g_string_append (line, "- ");
              markdown_escape (line, bit);
              break;
            case LIA_SUMMARY_PART_LINK:
              g_string_append (line, "  ");
              if (part->url != NULL)
                markdown_link (line, bit, part->url);
              else
                markdown_escape (line, bit);
              break;
            }

          if (text->len > 0 && lia_summary_utf16_length (text->str) + 1 + lia_summary_utf16_length (line->str) > max)
            {
              g_ptr_array_add (messages, markdown_message (service, text->str));
              g_string_truncate (text, 0);
            }
          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* a heading's blank line is not needed at the top of a message */
          g_string_append (text, text->len == 0 && line->str[0] == '\n' ? line->str + 1 : line->str);
        }
    }
  if (text->len > 0)
    g_ptr_array_add (messages, markdown_message (service, text->str));
  return messages;
}

/* ---- Microsoft Teams: an Adaptive Card ---- */

/* Everything is a TextRun inside a RichTextBlock (card version 1.2 and
 * later): a TextRun is shown as it is, without Markdown, so "**bold**" or
 * a Markdown link in a title stays literal; Teams renders no HTML in
 * cards, and an <at>name</at> mention needs an entity in the payload's
 * msteams property, which we never send. */
static JsonObject *
teams_run (const char *text,
           gboolean    bold,
           const char *size,
           const char *url)
{
  JsonObject *run = json_object_new ();

  json_object_set_string_member (run, "type", "TextRun");
  json_object_set_string_member (run, "text", text);
  if (bold)
    json_object_set_string_member (run, "weight", "Bolder");
  if (size != NULL)
    json_object_set_string_member (run, "size", size);
  if (url != NULL)
    {
      JsonObject *action = json_object_new ();

      json_object_set_string_member (action, "type", "Action.OpenUrl");
      json_object_set_string_member (action, "url", url);
      json_object_set_object_member (run, "selectAction", action);
    }
  return run;
}

static JsonObject *
teams_block (JsonObject *run)
{
  JsonObject *block = json_object_new ();
  JsonArray *inlines = json_array_new ();

  json_object_set_string_member (block, "type", "RichTextBlock");
  json_array_add_object_element (inlines, run);
  json_object_set_array_member (block, "inlines", inlines);
  return block;
}

static JsonNode *
teams_message (JsonArray *body)
{
  JsonObject *message = json_object_new ();
  JsonArray *attachments = json_array_new ();
  JsonObject *attachment = json_object_new ();
  JsonObject *card = json_object_new ();
  JsonObject *msteams = json_object_new ();
  JsonNode *node;

  json_object_set_string_member (card, "$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
  json_object_set_string_member (card, "type", "AdaptiveCard");
  json_object_set_string_member (card, "version", "1.4");
  json_object_set_array_member (card, "body", body);
  /* use the channel's full width: a summary is mostly long lines */
  json_object_set_string_member (msteams, "width", "Full");
  json_object_set_object_member (card, "msteams", msteams);

  json_object_set_string_member (attachment, "contentType", "application/vnd.microsoft.card.adaptive");
  json_object_set_null_member (attachment, "contentUrl");
  json_object_set_object_member (attachment, "content", card);
  json_array_add_object_element (attachments, attachment);

  json_object_set_string_member (message, "type", "message");
  json_object_set_array_member (message, "attachments", attachments);
  node = json_node_init_object (json_node_alloc (), message);
  json_object_unref (message);
  return node;
}

static gsize
json_size (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);

  return strlen (text);
}

GPtrArray *
lia_summary_render_teams (GPtrArray *parts)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonArray *body = NULL;
  gsize size = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      LiaSummaryPart *part = g_ptr_array_index (parts, i);
      g_autoptr(GPtrArray) bits = lia_summary_pieces (part->text, 4000);

      for (guint j = 0; j < bits->len; j++)
        {
          const char *bit = g_ptr_array_index (bits, j);
          g_autofree char *line = part->kind == LIA_SUMMARY_PART_LINE ? g_strdup_printf ("• %s", bit) : g_strdup (bit);
          JsonObject *block;
          gsize block_size;

          switch (part->kind)
            {
            case LIA_SUMMARY_PART_TITLE:
              block = teams_block (teams_run (line, TRUE, "Large", NULL));
              break;
            case LIA_SUMMARY_PART_HEADING:
              block = teams_block (teams_run (line, TRUE, "Medium", NULL));
              break;
            case LIA_SUMMARY_PART_LINK:
              block = teams_block (teams_run (line, FALSE, NULL, part->url));
              break;
            case LIA_SUMMARY_PART_LINE:
            default:
              block = teams_block (teams_run (line, FALSE, NULL, NULL));
              break;
            }
          if (part->kind == LIA_SUMMARY_PART_HEADING)
            json_object_set_string_member (block, "spacing", "Medium");

          block_size = json_size (block);
          if (body != NULL && size + block_size > TEAMS_CARD_BYTES)
            {
              g_ptr_array_add (messages, teams_message (g_steal_pointer (&body)));
              size = 0;
            }
          if (body == NULL)
            body = json_array_new ();
          json_array_add_object_element (body, block);
          size += block_size + 1;
        }
    }
  if (body != NULL)
    g_ptr_array_add (messages, teams_message (body));
  return messages;
}
