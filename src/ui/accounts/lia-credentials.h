/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     lia_credentials_store  (const char *account_id,
                                 const char *url,
                                 const char *token);
char    *lia_credentials_lookup (const char *account_id);
/* A chat account's webhook address; without a keyring, LIAISON_WEBHOOK
 * (as liaison-cli post reads it). */
char    *lia_credentials_lookup_webhook (const char *account_id);
/* The same without waiting on the keyring (which, absent, can take
 * seconds to say so): for a window that must not freeze. */
void     lia_credentials_lookup_webhook_async  (const char          *account_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char    *lia_credentials_lookup_webhook_finish (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
