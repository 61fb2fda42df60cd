/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The services an account can be for (trackers, wikis and chats' incoming
 * webhooks), each with its own fields, help and token page: the table the accounts dialog is filled in from. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *service;
  const char *summary;        /* the service chooser's subtitle */
  const char *project_title;
  const char *user_title;     /* NULL: the service takes no user */
  const char *token_title;
  const char *default_url;    /* prefilled for a new account, or NULL */
  const char *address_hint;
  const char *help;           /* where the token comes from and what it may do */
  const char *token_page;     /* where to create the token, or NULL */
  gboolean    epic_field;
  gboolean    milestones;
  gboolean    chat;           /* an incoming webhook: a name and the webhook's address only */
} LiaAccountService;

#define LIA_N_ACCOUNT_SERVICES 10

extern const LiaAccountService lia_account_services[LIA_N_ACCOUNT_SERVICES];

const LiaAccountService *lia_account_service_lookup (const char *service);

G_END_DECLS
