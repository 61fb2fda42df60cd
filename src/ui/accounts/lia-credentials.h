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

/* A member's CalDAV password or app token, keyed by the member's id and
 * the calendar's source (LiaMember:busy-source).  Kept for this session
 * as well, so that a session without a keyring still reads what was just
 * typed; without either, LIAISON_CALDAV_PASSWORD (as liaison-cli reads). */
void     lia_credentials_store_calendar         (const char          *member_id,
                                                 const char          *source,
                                                 const char          *secret);
void     lia_credentials_lookup_calendar_async  (const char          *member_id,
                                                 const char          *source,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char    *lia_credentials_lookup_calendar_finish (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
