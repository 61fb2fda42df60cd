/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The services an account can be for: what each asks, and where its token
 * comes from and what it must be allowed to do (as docs/sync.md lists). */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-services.h"

const LiaAccountService lia_account_services[LIA_N_ACCOUNT_SERVICES] = {
  { "jira-cloud", N_("Issues on SITE.atlassian.net"),
    N_("Project Key"), N_("E-mail Address"), N_("API Token"), NULL,
    N_("Address: https://SITE.atlassian.net"),
    N_("Create an API token at id.atlassian.com (Security → API tokens) and sign in with that Atlassian account’s e-mail address. "
       "The account needs Browse projects, Create issues and Edit issues in the project, and Assign issues to set assignees."),
    "https://id.atlassian.com/manage-profile/security/api-tokens", FALSE, FALSE, FALSE },
  { "jira-dc", N_("Issues on your company’s Jira server"),
    N_("Project Key"), NULL, N_("Personal Access Token"), NULL,
    N_("Address: the Jira server, such as https://jira.example.com"),
    N_("Create a personal access token in Jira (your avatar → Profile → Personal Access Tokens). "
       "The account needs Browse projects, Create issues and Edit issues in the project, and Assign issues to set assignees. "
       "Leave the Epic Link field empty to use the one Jira’s screens show."),
    NULL, TRUE, FALSE, FALSE },
  { "redmine", N_("Issues and the project’s wiki"),
    N_("Project Identifier"), NULL, N_("API Access Key"), NULL,
    N_("Address: the Redmine server, such as https://redmine.example.com"),
    N_("In Redmine open My account and show the API access key in the sidebar; an administrator must enable the REST web service "
       "(Administration → Settings → API). The role needs View issues, Add issues and Edit issues (Manage subtasks for parents), "
       "and View wiki and Edit wiki pages to publish the project’s wiki."),
    NULL, FALSE, FALSE, FALSE },
  { "github", N_("Issues of a repository"),
    N_("Repository (OWNER/REPO)"), NULL, N_("Token"), "https://api.github.com",
    N_("Address: https://api.github.com (GitHub Enterprise: https://HOST/api/v3)"),
    N_("Create a fine-grained personal access token for the repository with Issues: read and write and Metadata: read "
       "(a classic token needs repo). Labels, assignees and milestones also need write access to the repository."),
    "https://github.com/settings/personal-access-tokens/new", FALSE, FALSE, FALSE },
  { "gitlab", N_("Issues of a project"),
    N_("Project (GROUP/PROJECT)"), NULL, N_("Access Token"), "https://gitlab.com/api/v4",
    N_("Address: https://HOST/api/v4"),
    N_("Create a personal, project or group access token with the api scope (Preferences → Access tokens). "
       "Your role in the project must be Reporter or higher: GitLab silently drops a Guest’s labels and assignees."),
    "https://gitlab.com/-/user_settings/personal_access_tokens", FALSE, TRUE, FALSE },
  { "confluence", N_("Publish the document tree to a space"),
    N_("Space Key"), N_("E-mail Address (Cloud only)"), N_("API Token or Personal Access Token"), NULL,
    N_("Address: https://SITE.atlassian.net/wiki, or the Data Center server"),
    N_("Confluence Cloud: your e-mail address and an API token from id.atlassian.com (Security → API tokens). "
       "Data Center: leave the e-mail address empty and create a personal access token (your avatar → Settings → Personal Access Tokens). "
       "The account must view the space, add pages to it and edit the pages Liaison publishes."),
    "https://id.atlassian.com/manage-profile/security/api-tokens", FALSE, FALSE, FALSE },
  /* Chats take a name and the webhook's address, which is the secret
   * (anyone who has it can post to the channel): it goes where a token
   * goes, and the account's address keeps only the server's. */
  { "slack", N_("Post meeting summaries to a channel"),
    NULL, NULL, N_("Webhook Address"), NULL, NULL,
    N_("Create a Slack app for your workspace, turn on Incoming Webhooks in its settings and add a webhook to the channel; "
       "paste its address (https://hooks.slack.com/services/…) here."),
    "https://api.slack.com/apps", FALSE, FALSE, TRUE },
  { "teams", N_("Post meeting summaries to a channel"),
    NULL, NULL, N_("Webhook Address"), NULL, NULL,
    N_("In the channel’s Workflows, create a flow from the template “Post to a channel when a webhook request is received”; "
       "paste the address it shows here. (Office 365 connectors are being retired.)"),
    NULL, FALSE, FALSE, TRUE },
  { "discord", N_("Post meeting summaries to a channel"),
    NULL, NULL, N_("Webhook Address"), NULL, NULL,
    N_("Open the channel’s settings › Integrations › Webhooks, create a webhook and copy its URL "
       "(https://discord.com/api/webhooks/…) here. You need the Manage Webhooks permission."),
    NULL, FALSE, FALSE, TRUE },
  { "mattermost", N_("Post meeting summaries to a channel"),
    NULL, NULL, N_("Webhook Address"), NULL, NULL,
    N_("In Mattermost open Integrations › Incoming Webhooks, add a webhook for the channel and paste its address "
       "(https://SERVER/hooks/…) here. An administrator must allow incoming webhooks."),
    NULL, FALSE, FALSE, TRUE },
};

/* The service's entry; an unknown name gets the first (Jira Cloud). */
const LiaAccountService *
lia_account_service_lookup (const char *service)
{
  for (guint i = 0; i < LIA_N_ACCOUNT_SERVICES; i++)
    if (g_strcmp0 (lia_account_services[i].service, service) == 0)
      return &lia_account_services[i];
  return &lia_account_services[0];
}
