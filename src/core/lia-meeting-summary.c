/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-meeting-summary.h"
#include "lia-meeting-plan.h"
#include "lia-history.h"

/* A meeting's summary for team chat.  The summary is first a list of
 * neutral parts (the title, headings, lines of the user's text, links we
 * made), then each service renders the parts in its own format, starting
 * a new message wherever the next part would break one of its limits.
 *
 * Everything a user typed is hostile text here: a meeting title such as
 * "<!channel>" or "@everyone" must not ping a channel of people, and
 * "**bold**", "<script>" or a stray ``` must not change how the rest of
 * the message looks.  Each renderer says how its service is kept safe.
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

const char * const lia_chat_service_choices[] = { "slack", "teams", "discord", "mattermost", NULL };

/* The longest title we show anywhere: Discord's embed-title length, and
 * enough for any real meeting. */
#define TITLE_MAX 256

#define SLACK_MAX_BLOCKS 50
#define SLACK_SECTION_MAX 3000
#define SLACK_HEADER_MAX 150
#define DISCORD_CONTENT_MAX 2000
#define MATTERMOST_TEXT_MAX 4000
/* Teams refuses cards over about 28 KB; the serialized card stays under this. */
#define TEAMS_CARD_BYTES 20000

typedef enum
{
  PART_TITLE,
  PART_HEADING,  /* our own words, translated */
  PART_LINE,     /* one line of the user's text */
  PART_LINK,     /* a tracker key and its web address (text = key) */
} PartKind;

typedef struct
{
  PartKind  kind;
  char     *text;
  char     *url;
} Part;

static void
part_free (Part *part)
{
  g_free (part->text);
  g_free (part->url);
  g_free (part);
}

static void
add_part (GPtrArray  *parts,
          PartKind    kind,
          const char *text,
          const char *url)
{
  Part *part = g_new0 (Part, 1);

  part->kind = kind;
  part->text = g_strdup (text);
  part->url = g_strdup (url);
  g_ptr_array_add (parts, part);
}

/* The user's text on one line: a newline or tab inside a title or a
 * decision would otherwise start a Markdown block (a quote, a heading, a
 * list) in the middle of our message.  Other control characters go, and
 * so do format characters (zero-width spaces, bidirectional overrides),
 * which could hide or reorder what the channel reads. */
static char *
one_line (const char *text,
          guint       max_chars)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text ? text : ""; *p != '\0' && n < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      else if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      g_string_append_unichar (out, c);
      n++;
    }
  if (text != NULL && n == max_chars && g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      /* keep room for the ellipsis */
      const char *last = g_utf8_offset_to_pointer (out->str, max_chars - 1);
      g_string_truncate (out, last - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}

/* Only links we can vouch for: http(s) addresses without spaces. */
static gboolean
is_web_address (const char *url)
{
  if (url == NULL || (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://")))
    return FALSE;
  for (const char *p = url; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

static char *
member_name (GListModel *members,
             const char *id)
{
  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);

      if (g_strcmp0 (lia_entity_get_id (member), id) == 0)
        return g_strdup (lia_entity_get_string (member, LIA_MEMBER_NAME));
    }
  return NULL;
}

static GPtrArray *
summary_parts (LiaMeeting   *meeting,
               LiaWorkspace *workspace,
               GError      **error)
{
  LiaEntity *m = LIA_ENTITY (meeting);
  GListModel *members = workspace ? G_LIST_MODEL (lia_workspace_get_members (workspace)) : NULL;
  GListModel *actions = G_LIST_MODEL (lia_entity_get_list (m, LIA_MEETING_ACTION_ITEMS));
  const char * const *decisions = lia_entity_get_strv (m, LIA_MEETING_DECISIONS);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  g_autoptr(LiaAgendaPlan) plan = NULL;
  g_autofree char *title = NULL;

  /* Times come from the meeting's own start and zone, never from "now". */
  plan = lia_agenda_plan_new (meeting, error);
  if (plan == NULL)
    return NULL;

  title = one_line (lia_entity_get_string (m, LIA_MEETING_TITLE), TITLE_MAX);
  add_part (parts, PART_TITLE, title, NULL);

  {
    gint64 end = MAX (plan->planned_end, plan->end);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (plan->start);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, plan->zone);
    g_autoptr(GDateTime) utc_end = g_date_time_new_from_unix_utc (end);
    g_autoptr(GDateTime) local_end = g_date_time_to_timezone (utc_end, plan->zone);
    g_autofree char *from = g_date_time_format (local, "%Y-%m-%d %H:%M");
    g_autofree char *to = g_date_time_format (local_end, "%H:%M");
    g_autofree char *location = one_line (lia_entity_get_string (m, LIA_MEETING_LOCATION), 500);
    /* Translators: when a meeting is: its date and start, its end, then its time zone */
    g_autofree char *when = g_strdup_printf (_("When: %s–%s (%s)"), from, to,
                                             lia_entity_get_string (m, LIA_MEETING_TIMEZONE));

    add_part (parts, PART_LINE, when, NULL);
    if (location[0] != '\0')
      {
        /* Translators: where a meeting is held; %s is the place or the video call */
        g_autofree char *where = g_strdup_printf (_("Where: %s"), location);
        add_part (parts, PART_LINE, where, NULL);
      }
  }

  {
    g_autoptr(GPtrArray) times = lia_meeting_attendee_times (meeting, members, plan);

    if (times->len > 0)
      add_part (parts, PART_HEADING, _("Start in each attendee’s time zone"), NULL);
    for (guint i = 0; i < times->len; i++)
      {
        LiaAttendeeTime *time = g_ptr_array_index (times, i);
        g_autofree char *name = one_line (lia_entity_get_string (LIA_ENTITY (time->member), LIA_MEMBER_NAME), 200);
        /* Translators: an attendee, the meeting's start in their zone and the zone, as “Alex: Mon 17:00 (UTC-8 PST)” */
        g_autofree char *line = g_strdup_printf (_("%s: %s (%s)"), name, time->start_text, time->zone_text);

        add_part (parts, PART_LINE, line, NULL);
      }
  }

  if (decisions != NULL && decisions[0] != NULL)
    {
      add_part (parts, PART_HEADING, _("Decisions"), NULL);
      for (guint i = 0; decisions[i] != NULL; i++)
        {
          g_autofree char *line = one_line (decisions[i], G_MAXUINT);
          add_part (parts, PART_LINE, line, NULL);
        }
    }

  if (g_list_model_get_n_items (actions) > 0)
    add_part (parts, PART_HEADING, _("Action Items"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(LiaEntity) action = g_list_model_get_item (actions, i);
      LiaRemoteRef *remote = lia_entity_get_remote (action);
      const char *owner_id = lia_entity_get_string (action, LIA_ACTION_ITEM_OWNER);
      g_autofree char *owner_name = member_name (members, owner_id);
      g_autofree char *text = one_line (lia_entity_get_string (action, LIA_ACTION_ITEM_TEXT), G_MAXUINT);
      g_autofree char *owner = one_line (owner_name ? owner_name : owner_id, 200);
      const char *due = lia_entity_get_string (action, LIA_ACTION_ITEM_DUE);
      const char *status = lia_choice_get_label (lia_entity_get_string (action, LIA_ACTION_ITEM_STATUS));
      GString *line = g_string_new (text);

      if (owner[0] != '\0')
        /* Translators: after an action item's text: who does it */
        g_string_append_printf (line, _(" — owner: %s"), owner);
      if (due[0] != '\0')
        /* Translators: after an action item's text: its due date (YYYY-MM-DD) */
        g_string_append_printf (line, _(" — due %s"), due);
      g_string_append_printf (line, " — %s", status);
      add_part (parts, PART_LINE, line->str, NULL);
      g_string_free (line, TRUE);

      if (remote != NULL)
        {
          g_autofree char *key = one_line (lia_entity_get_string (LIA_ENTITY (remote), LIA_REMOTE_REF_KEY), 100);
          const char *url = lia_entity_get_string (LIA_ENTITY (remote), LIA_REMOTE_REF_URL);

          if (key[0] != '\0' || is_web_address (url))
            add_part (parts, PART_LINK, key[0] != '\0' ? key : url, is_web_address (url) ? url : NULL);
        }
    }

  return g_steal_pointer (&parts);
}

/* Split TEXT into pieces of at most MAX characters (code points), so that
 * one very long decision still fits a message; pieces are cut between
 * characters, never inside one. */
static GPtrArray *
pieces (const char *text,
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
static gsize
utf16_length (const char *text)
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

static GPtrArray *
slack_render (GPtrArray *parts)
{
  SlackState s = { g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref), NULL, NULL };
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  GString *fallback = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);

      if (part->kind == PART_TITLE)
        slack_escape (fallback, part->text);
    }
  s.fallback = g_string_free (fallback, FALSE);

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);

      if (part->kind != PART_LINK && links->len > 0)
        {
          slack_add (&s, slack_block ("section", "mrkdwn", links->str));
          g_string_truncate (links, 0);
        }

      switch (part->kind)
        {
        case PART_TITLE:
          {
            /* at most 150 characters once escaped: shorten the title
             * until its escaped form fits */
            g_autoptr(GString) header = g_string_new (NULL);

            for (guint n = SLACK_HEADER_MAX; n > 1; n--)
              {
                g_autofree char *title = one_line (part->text, n);

                g_string_truncate (header, 0);
                slack_escape (header, title);
                if (utf16_length (header->str) <= SLACK_HEADER_MAX)
                  break;
              }
            slack_add (&s, slack_block ("header", "plain_text", header->str));
          }
          break;

        case PART_HEADING:
          {
            g_autoptr(GString) heading = g_string_new ("*");

            slack_add_lines (&s, lines);
            slack_escape (heading, part->text);
            g_string_append_c (heading, '*');
            slack_add (&s, slack_block ("section", "mrkdwn", heading->str));
          }
          break;

        case PART_LINE:
          {
            /* plain text: one section holds lines up to 3000 characters,
             * counted as Slack's JavaScript counts them; a piece of 500
             * characters stays under that even if each is an "&amp;" */
            g_autoptr(GPtrArray) bits = pieces (part->text, 500);

            for (guint j = 0; j < bits->len; j++)
              {
                g_autoptr(GString) line = g_string_new ("• ");

                slack_escape (line, g_ptr_array_index (bits, j));

                if (lines->len > 0 && utf16_length (lines->str) + 1 + utf16_length (line->str) > SLACK_SECTION_MAX)
                  slack_add_lines (&s, lines);
                if (lines->len > 0)
                  g_string_append_c (lines, '\n');
                g_string_append (lines, line->str);
              }
          }
          break;

        case PART_LINK:
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

            if (links->len > 0 && utf16_length (links->str) + 3 + utf16_length (link->str) > SLACK_SECTION_MAX)
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

static GPtrArray *
markdown_render (GPtrArray  *parts,
                 const char *service)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gsize max = g_str_equal (service, "discord") ? DISCORD_CONTENT_MAX : MATTERMOST_TEXT_MAX;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);
      /* each escaped character takes at most 2 units (or 1 + a 1-unit
       * zero-width space), so raw pieces of max/2 - 8 always fit */
      g_autoptr(GPtrArray) bits = pieces (part->text, max / 2 - 8);

      for (guint j = 0; j < bits->len; j++)
        {
          const char *bit = g_ptr_array_index (bits, j);
          g_autoptr(GString) line = g_string_new (NULL);

          switch (part->kind)
            {
            case PART_TITLE:
              g_string_append (line, "**");
              markdown_escape (line, bit);
              g_string_append (line, "**");
              break;
            case PART_HEADING:
              g_string_append (line, "\n**");
              markdown_escape (line, bit);
              g_string_append (line, "**");
              break;
            case PART_LINE:
              g_string_append (line, "- ");
              markdown_escape (line, bit);
              break;
            case PART_LINK:
              g_string_append (line, "  ");
              if (part->url != NULL)
                markdown_link (line, bit, part->url);
              else
                markdown_escape (line, bit);
              break;
            }

          if (text->len > 0 && utf16_length (text->str) + 1 + utf16_length (line->str) > max)
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

static GPtrArray *
teams_render (GPtrArray *parts)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonArray *body = NULL;
  gsize size = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);
      g_autoptr(GPtrArray) bits = pieces (part->text, 4000);

      for (guint j = 0; j < bits->len; j++)
        {
          const char *bit = g_ptr_array_index (bits, j);
          g_autofree char *line = part->kind == PART_LINE ? g_strdup_printf ("• %s", bit) : g_strdup (bit);
          JsonObject *block;
          gsize block_size;

          switch (part->kind)
            {
            case PART_TITLE:
              block = teams_block (teams_run (line, TRUE, "Large", NULL));
              break;
            case PART_HEADING:
              block = teams_block (teams_run (line, TRUE, "Medium", NULL));
              break;
            case PART_LINK:
              block = teams_block (teams_run (line, FALSE, NULL, part->url));
              break;
            case PART_LINE:
            default:
              block = teams_block (teams_run (line, FALSE, NULL, NULL));
              break;
            }
          if (part->kind == PART_HEADING)
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

/* ---- Public API ---- */

gboolean
lia_chat_service_is_known (const char *service)
{
  return service != NULL && g_strv_contains (lia_chat_service_choices, service);
}

GPtrArray *
lia_meeting_summary_payloads (LiaMeeting   *meeting,
                              LiaWorkspace *workspace,
                              const char   *service,
                              GError      **error)
{
  g_autoptr(GPtrArray) parts = NULL;

  g_return_val_if_fail (LIA_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace), NULL);

  if (!lia_chat_service_is_known (service))
    {
      /* Translators: %s is what the user typed for a chat service */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a chat service: use slack, teams, discord or mattermost"),
                   service ? service : "");
      return NULL;
    }

  parts = summary_parts (meeting, workspace, error);
  if (parts == NULL)
    return NULL;

  if (g_str_equal (service, "slack"))
    return slack_render (parts);
  if (g_str_equal (service, "teams"))
    return teams_render (parts);
  return markdown_render (parts, service);
}

char *
lia_meeting_summary_preview (LiaMeeting   *meeting,
                             LiaWorkspace *workspace,
                             const char   *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) payloads = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LIA_IS_MEETING (meeting), NULL);

  parts = summary_parts (meeting, workspace, &error);
  if (parts == NULL)
    {
      g_string_append (out, error->message);
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);

      switch (part->kind)
        {
        case PART_TITLE:
          g_string_append_printf (out, "%s\n", part->text);
          break;
        case PART_HEADING:
          g_string_append_printf (out, "\n%s\n", part->text);
          break;
        case PART_LINE:
          g_string_append_printf (out, "• %s\n", part->text);
          break;
        case PART_LINK:
          g_string_append_printf (out, "  %s%s%s\n", part->text, part->url ? " " : "", part->url ? part->url : "");
          break;
        }
    }

  payloads = lia_meeting_summary_payloads (meeting, workspace, service, &error);
  if (payloads != NULL && payloads->len > 1)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              /* Translators: the summary is longer than one chat message may be */
                              ngettext ("This summary is sent as %u message.",
                                        "This summary is sent as %u messages.", payloads->len),
                              payloads->len);
      g_string_append_c (out, '\n');
    }
  else if (payloads == NULL)
    g_string_append_printf (out, "\n%s\n", error->message);
  return g_string_free (out, FALSE);
}

gboolean
lia_meeting_summary_was_posted (LiaMeeting *meeting,
                                const char *service)
{
  const char * const *posts;

  g_return_val_if_fail (LIA_IS_MEETING (meeting), FALSE);

  posts = lia_entity_get_strv (LIA_ENTITY (meeting), LIA_MEETING_CHAT_POSTS);
  return posts != NULL && service != NULL && g_strv_contains (posts, service);
}

gboolean
lia_meeting_summary_mark_posted (LiaMeeting *meeting,
                                 LiaHistory *history,
                                 const char *service)
{
  const char * const *posts;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) next = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (LIA_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (lia_chat_service_is_known (service), FALSE);

  if (lia_meeting_summary_was_posted (meeting, service))
    return TRUE;

  posts = lia_entity_get_strv (LIA_ENTITY (meeting), LIA_MEETING_CHAT_POSTS);
  builder = g_strv_builder_new ();
  if (posts != NULL)
    g_strv_builder_addv (builder, (const char **) posts);
  g_strv_builder_add (builder, service);
  next = g_strv_builder_end (builder);

  if (history == NULL)
    {
      lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_CHAT_POSTS, (const char * const *) next);
      return TRUE;
    }
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, next);
  /* Translators: an undoable step: the meeting's summary went to team chat */
  lia_history_begin (history, _("Post Summary to Chat"));
  {
    gboolean done = lia_history_set_value (history, LIA_ENTITY (meeting), LIA_MEETING_CHAT_POSTS, &value, FALSE);
    lia_history_end (history);
    return done;
  }
}
