/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-account"

#include "config.h"

#include "lia-account.h"
#include "lia-choices.h"

/* A tracker or wiki the team uses: which service, where, which project and
 * as whom.  The token is never here; it lives in the keyring.  A chat's
 * incoming webhook (Slack, Teams, Discord, Mattermost) is an account too:
 * its webhook address is a secret and lives in the keyring in the token's
 * place, and "url" holds only the service's address, which names it. */
struct _LiaAccount
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaAccount, lia_account, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "name", .kind = LIA_KIND_STRING },
  { .name = "service", .kind = LIA_KIND_STRING, .check = LIA_CHECK_CHOICE, .choices = lia_account_service_choices, .default_string = "jira-cloud" },
  { .name = "url", .kind = LIA_KIND_STRING, .flags = LIA_SPEC_REQUIRED },
  { .name = "project", .kind = LIA_KIND_STRING },
  /* the e-mail address for Jira Cloud's Basic auth; unused elsewhere */
  { .name = "user", .kind = LIA_KIND_STRING },
  /* Jira Data Center: the custom field that holds the Epic Link */
  { .name = "epic-field", .kind = LIA_KIND_STRING },
  /* GitHub and GitLab: put due dates on milestones */
  { .name = "milestones", .kind = LIA_KIND_BOOLEAN },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_ACCOUNT_N_FIELDS);

static void
lia_account_class_init (LiaAccountClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), TRUE);
}

static void
lia_account_init (LiaAccount *self)
{
}

LiaAccount *
lia_account_new (void)
{
  return g_object_new (LIA_TYPE_ACCOUNT, NULL);
}
