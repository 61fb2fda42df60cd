/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lia-chat.h"
#include "lia-cli.h"
#include "lia-meeting-summary.h"

/* liaison-cli post: a meeting's summary to a chat's incoming webhook.  The
 * webhook's address comes from LIAISON_WEBHOOK, never from an argument: it
 * is a secret (anyone who has it can post to the channel), and arguments
 * end up in shell history and process lists.  The meeting's chat_posts
 * field remembers where the summary went, and a second post to the same
 * service needs --again. */

static void
print_payloads (GPtrArray *payloads)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < payloads->len; i++)
    json_array_add_element (array, json_node_copy (g_ptr_array_index (payloads, i)));
  json_node_set_array (root, array);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

int
lia_cli_post (int    argc,
              char **argv)
{
  g_autofree char *meeting_key = NULL;
  g_autofree char *service = NULL;
  gboolean dry_run = FALSE;
  gboolean again = FALSE;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &meeting_key, N_("The meeting (its id or title)"), N_("ID_OR_TITLE") },
    { "service", 's', 0, G_OPTION_ARG_STRING, &service, N_("slack, teams, discord or mattermost"), N_("SERVICE") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the messages as JSON instead of posting them"), NULL },
    { "again", 0, 0, G_OPTION_ARG_NONE, &again, N_("Post even though the summary was already posted to this service"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — post a meeting’s summary to team chat (the webhook’s address from LIAISON_WEBHOOK)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(GPtrArray) payloads = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autofree char *problem = NULL;
  const char *webhook;
  guint posted = 0;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return lia_cli_usage_error (context, _("give exactly one workspace file"));
  if (meeting_key == NULL)
    return lia_cli_usage_error (context, _("--meeting is required"));
  if (!lia_chat_service_is_known (service))
    return lia_cli_usage_error (context, _("--service must be slack, teams, discord or mattermost"));

  webhook = g_getenv ("LIAISON_WEBHOOK");
  if (!dry_run && (webhook == NULL || *webhook == '\0'))
    {
      g_printerr ("%s\n", _("Set LIAISON_WEBHOOK to the webhook’s address (it is a secret, so it is never an argument)"));
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  if (!dry_run && !lia_chat_check_webhook (service, webhook, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  workspace = lia_cli_load (files[0]);
  if (workspace == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;
  if (!dry_run && lia_workspace_get_read_only (workspace))
    {
      g_printerr ("%s: %s\n", files[0], lia_workspace_get_read_only_reason (workspace));
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  meeting = lia_cli_find_meeting (workspace, meeting_key, &problem);
  if (meeting == NULL)
    {
      g_printerr ("%s: %s\n", files[0], problem);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  payloads = lia_meeting_summary_payloads (meeting, workspace, service, &error);
  if (payloads == NULL)
    {
      g_printerr ("%s: %s\n", files[0], error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  if (dry_run)
    {
      print_payloads (payloads);
      return LIA_CLI_EXIT_OK;
    }

  if (lia_meeting_summary_was_posted (meeting, service) && !again)
    {
      g_printerr (_("This meeting’s summary was already posted to %s; add --again to post it once more"),
                  lia_choice_get_label (service));
      g_printerr ("\n");
      return LIA_CLI_EXIT_FAILURE;
    }

  http = lia_http_new ();
  if (!lia_chat_post (http, service, webhook, payloads, &posted, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      if (posted > 0)
        {
          g_printerr (ngettext ("%u of %u messages was posted before that.",
                               "%u of %u messages were posted before that.", posted),
                      posted, payloads->len);
          g_printerr ("\n");
        }
      return LIA_CLI_EXIT_FAILURE;
    }

  lia_meeting_summary_mark_posted (meeting, NULL, service);
  if (!lia_workspace_save (workspace, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }
  printf (ngettext ("Posted the summary to %2$s (%1$u message).",
                    "Posted the summary to %2$s (%1$u messages).", payloads->len),
          payloads->len, lia_choice_get_label (service));
  printf ("\n");
  return LIA_CLI_EXIT_OK;
}
