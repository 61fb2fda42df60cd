/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-http.h"

G_BEGIN_DECLS

/* Posting a meeting's summary to a chat's incoming webhook (Slack,
 * Microsoft Teams Workflows, Discord, Mattermost).  The payloads come from
 * lia_meeting_summary_payloads(); the webhook's address is a secret (it is
 * all a stranger needs to post to the channel), so it never appears in an
 * error message or a log line. */

gboolean  lia_chat_check_webhook   (const char          *service,
                                    const char          *webhook_url,
                                    GError             **error);

/* Posts each payload in order, and stops at the first that fails.
 * *@n_posted (when not NULL) receives how many were posted, also on
 * failure, so a caller can say "1 of 3 messages was posted".  Blocks: call
 * from a worker thread, or use the _async form. */
gboolean  lia_chat_post            (LiaHttp             *http,
                                    const char          *service,
                                    const char          *webhook_url,
                                    GPtrArray           *payloads,
                                    guint               *n_posted,
                                    GCancellable        *cancellable,
                                    GError             **error);

/* The same on a worker thread; @payloads (JsonNode) are serialized before
 * this returns, so the caller may drop them at once. */
void      lia_chat_post_async      (LiaHttp             *http,
                                    const char          *service,
                                    const char          *webhook_url,
                                    GPtrArray           *payloads,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean  lia_chat_post_finish     (GAsyncResult        *result,
                                    guint               *n_posted,
                                    GError             **error);

G_END_DECLS
