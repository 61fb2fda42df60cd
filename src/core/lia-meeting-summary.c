/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-meeting-summary.h"
#include "lia-meeting-plan.h"
#include "lia-history.h"
#include "lia-meeting-summary-private.h"

/* A meeting's summary for team chat.  The summary is first a list of
 * neutral parts (the title, headings, lines of the user's text, links we
 * made), then each service renders the parts in its own format, starting
 * a new message wherever the next part would break one of its limits.
 *
 * Everything a user typed is hostile text here: a meeting title such as
 * "<!channel>" or "@everyone" must not ping a channel of people, and
 * "**bold**", "<script>" or a stray ``` must not change how the rest of
 * the message looks.  Each renderer says how its service is kept safe.
 * The renderers and the services' limits are in lia-chat-format.c. */

const char * const lia_chat_service_choices[] = { "slack", "teams", "discord", "mattermost", NULL };

/* The longest title we show anywhere: Discord's embed-title length, and
 * enough for any real meeting. */
#define TITLE_MAX 256

static void
part_free (LiaSummaryPart *part)
{
  g_free (part->text);
  g_free (part->url);
  g_free (part);
}

static void
add_part (GPtrArray          *parts,
          LiaSummaryPartKind  kind,
          const char         *text,
          const char         *url)
{
  LiaSummaryPart *part = g_new0 (LiaSummaryPart, 1);

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
char *
lia_summary_one_line (const char *text,
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

  title = lia_summary_one_line (lia_entity_get_string (m, LIA_MEETING_TITLE), TITLE_MAX);
  add_part (parts, LIA_SUMMARY_PART_TITLE, title, NULL);

  {
    gint64 end = MAX (plan->planned_end, plan->end);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (plan->start);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, plan->zone);
    g_autoptr(GDateTime) utc_end = g_date_time_new_from_unix_utc (end);
    g_autoptr(GDateTime) local_end = g_date_time_to_timezone (utc_end, plan->zone);
    g_autofree char *from = g_date_time_format (local, "%Y-%m-%d %H:%M");
    g_autofree char *to = g_date_time_format (local_end, "%H:%M");
    g_autofree char *location = lia_summary_one_line (lia_entity_get_string (m, LIA_MEETING_LOCATION), 500);
    /* Translators: when a meeting is: its date and start, its end, then its time zone */
    g_autofree char *when = g_strdup_printf (_("When: %s–%s (%s)"), from, to,
                                             lia_entity_get_string (m, LIA_MEETING_TIMEZONE));

    add_part (parts, LIA_SUMMARY_PART_LINE, when, NULL);
    if (location[0] != '\0')
      {
        /* Translators: where a meeting is held; %s is the place or the video call */
        g_autofree char *where = g_strdup_printf (_("Where: %s"), location);
        add_part (parts, LIA_SUMMARY_PART_LINE, where, NULL);
      }
  }

  {
    g_autoptr(GPtrArray) times = lia_meeting_attendee_times (meeting, members, plan);

    if (times->len > 0)
      add_part (parts, LIA_SUMMARY_PART_HEADING, _("Start in each attendee’s time zone"), NULL);
    for (guint i = 0; i < times->len; i++)
      {
        LiaAttendeeTime *time = g_ptr_array_index (times, i);
        g_autofree char *name = lia_summary_one_line (lia_entity_get_string (LIA_ENTITY (time->member), LIA_MEMBER_NAME), 200);
        /* Translators: an attendee, the meeting's start in their zone and the zone, as “Alex: Mon 17:00 (UTC-8 PST)” */
        g_autofree char *line = g_strdup_printf (_("%s: %s (%s)"), name, time->start_text, time->zone_text);

        add_part (parts, LIA_SUMMARY_PART_LINE, line, NULL);
      }
  }

  if (decisions != NULL && decisions[0] != NULL)
    {
      add_part (parts, LIA_SUMMARY_PART_HEADING, _("Decisions"), NULL);
      for (guint i = 0; decisions[i] != NULL; i++)
        {
          g_autofree char *line = lia_summary_one_line (decisions[i], G_MAXUINT);
          add_part (parts, LIA_SUMMARY_PART_LINE, line, NULL);
        }
    }

  if (g_list_model_get_n_items (actions) > 0)
    add_part (parts, LIA_SUMMARY_PART_HEADING, _("Action Items"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(LiaEntity) action = g_list_model_get_item (actions, i);
      LiaRemoteRef *remote = lia_entity_get_remote (action);
      const char *owner_id = lia_entity_get_string (action, LIA_ACTION_ITEM_OWNER);
      g_autofree char *owner_name = member_name (members, owner_id);
      g_autofree char *text = lia_summary_one_line (lia_entity_get_string (action, LIA_ACTION_ITEM_TEXT), G_MAXUINT);
      g_autofree char *owner = lia_summary_one_line (owner_name ? owner_name : owner_id, 200);
      const char *due = lia_entity_get_string (action, LIA_ACTION_ITEM_DUE);
      const char *status = lia_choice_get_label (lia_entity_get_string (action, LIA_ACTION_ITEM_STATUS));
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *line = NULL;

      /* The action's fields, each a whole phrase, set apart by dashes
       * (layout, the same in every language). */
      g_ptr_array_add (fields, g_strdup (text));
      if (owner[0] != '\0')
        /* Translators: a field of an action item in a chat summary: who does it */
        g_ptr_array_add (fields, g_strdup_printf (_("owner: %s"), owner));
      if (due[0] != '\0')
        /* Translators: a field of an action item in a chat summary: its due
         * date (YYYY-MM-DD) */
        g_ptr_array_add (fields, g_strdup_printf (_("due %s"), due));
      g_ptr_array_add (fields, g_strdup (status));
      g_ptr_array_add (fields, NULL);
      line = g_strjoinv (" — ", (char **) fields->pdata);
      add_part (parts, LIA_SUMMARY_PART_LINE, line, NULL);

      if (remote != NULL)
        {
          g_autofree char *key = lia_summary_one_line (lia_entity_get_string (LIA_ENTITY (remote), LIA_REMOTE_REF_KEY), 100);
          const char *url = lia_entity_get_string (LIA_ENTITY (remote), LIA_REMOTE_REF_URL);

          if (key[0] != '\0' || is_web_address (url))
            add_part (parts, LIA_SUMMARY_PART_LINK, key[0] != '\0' ? key : url, is_web_address (url) ? url : NULL);
        }
    }

  return g_steal_pointer (&parts);
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
    return lia_summary_render_slack (parts);
  if (g_str_equal (service, "teams"))
    return lia_summary_render_teams (parts);
  return lia_summary_render_markdown (parts, service);
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
      LiaSummaryPart *part = g_ptr_array_index (parts, i);

      switch (part->kind)
        {
        case LIA_SUMMARY_PART_TITLE:
          g_string_append_printf (out, "%s\n", part->text);
          break;
        case LIA_SUMMARY_PART_HEADING:
          g_string_append_printf (out, "\n%s\n", part->text);
          break;
        case LIA_SUMMARY_PART_LINE:
          g_string_append_printf (out, "• %s\n", part->text);
          break;
        case LIA_SUMMARY_PART_LINK:
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
