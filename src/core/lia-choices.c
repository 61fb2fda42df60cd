/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The choice tables and their translated labels. */
#define G_LOG_DOMAIN "lia-choices"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lia-choices.h"

const char * const lia_work_status_choices[] = { "todo", "in-progress", "done", "blocked", NULL };
const char * const lia_priority_choices[] = { "highest", "high", "medium", "low", "lowest", NULL };
const char * const lia_requirement_status_choices[] = { "draft", "agreed", "in-progress", "done", NULL };
const char * const lia_agenda_kind_choices[] = { "discussion", "presentation", "break", "decision", NULL };
const char * const lia_recurrence_choices[] = { "none", "weekly", NULL };
const char * const lia_field_type_choices[] = { "string", "integer", "number", "boolean", "array", "object", "enum", NULL };
const char * const lia_http_method_choices[] = { "post", "get", "put", "patch", "delete", NULL };
const char * const lia_playbook_kind_choices[] = { "mode", "project-tool", "communication", "culture", "tool-type", NULL };
const char * const lia_team_size_choices[] = { "small", "medium", "large", NULL };
const char * const lia_spread_choices[] = { "one-zone", "few-zones", "worldwide", NULL };
const char * const lia_urgency_choices[] = { "low", "high", NULL };
const char * const lia_weekday_choices[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };
const char * const lia_default_work_days[] = { "mon", "tue", "wed", "thu", "fri", NULL };
const char * const lia_service_choices[] = { "jira-cloud", "jira-dc", "redmine", "github", "gitlab", "confluence", NULL };
/* An account is a tracker or wiki (lia_service_choices, which the outbox
 * and tracker sync accept) or a chat's incoming webhook: kept apart so
 * that nothing tries to sync issues to Slack. */
const char * const lia_account_service_choices[] = { "jira-cloud", "jira-dc", "redmine", "github", "gitlab", "confluence",
                                                     "slack", "teams", "discord", "mattermost", NULL };
const char * const lia_outbox_action_choices[] = { "create", "update", NULL };
const char * const lia_outbox_state_choices[] = { "queued", "sending", "uncertain", "conflict", "failed", NULL };

/* Files hold stable English identifiers; people see these labels. */
const char *
lia_choice_get_label (const char *value)
{
  static const struct { const char *value; const char *context; const char *label; } labels[] = {
    { "todo", "status", NC_("status", "To do") },
    { "in-progress", "status", NC_("status", "In progress") },
    { "done", "status", NC_("status", "Done") },
    { "blocked", "status", NC_("status", "Blocked") },
    { "draft", "status", NC_("status", "Draft") },
    { "agreed", "status", NC_("status", "Agreed") },
    { "highest", "priority", NC_("priority", "Highest") },
    { "high", "priority", NC_("priority", "High") },
    { "medium", "priority", NC_("priority", "Medium") },
    { "low", "priority", NC_("priority", "Low") },
    { "lowest", "priority", NC_("priority", "Lowest") },
    { "discussion", "agenda kind", NC_("agenda kind", "Discussion") },
    { "presentation", "agenda kind", NC_("agenda kind", "Presentation") },
    { "break", "agenda kind", NC_("agenda kind", "Break") },
    { "decision", "agenda kind", NC_("agenda kind", "Decision") },
    { "none", "recurrence", NC_("recurrence", "Does not repeat") },
    { "weekly", "recurrence", NC_("recurrence", "Weekly") },
    { "jira-cloud", "service", NC_("service", "Jira Cloud") },
    { "jira-dc", "service", NC_("service", "Jira Data Center") },
    { "redmine", "service", NC_("service", "Redmine") },
    { "github", "service", NC_("service", "GitHub") },
    { "gitlab", "service", NC_("service", "GitLab") },
    { "confluence", "service", NC_("service", "Confluence") },
    { "slack", "service", NC_("service", "Slack") },
    { "teams", "service", NC_("service", "Microsoft Teams") },
    { "discord", "service", NC_("service", "Discord") },
    { "mattermost", "service", NC_("service", "Mattermost") },
    { "queued", "sync state", NC_("sync state", "Waiting to send") },
    { "sending", "sync state", NC_("sync state", "Sending") },
    { "uncertain", "sync state", NC_("sync state", "Waiting to confirm") },
    { "conflict", "sync state", NC_("sync state", "Conflict") },
    { "failed", "sync state", NC_("sync state", "Failed") },
    /* HTTP's own names, the same in every language, as the contract
     * list shows them (POST /v1/chat/completions): never translated. */
    { "post", NULL, "POST" },
    { "get", NULL, "GET" },
    { "put", NULL, "PUT" },
    { "patch", NULL, "PATCH" },
    { "delete", NULL, "DELETE" },
  };

  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].value, value))
      return labels[i].context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label)
                                       : labels[i].label;

  return value;
}
