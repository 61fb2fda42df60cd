/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Strict loopback stand-ins for the incoming webhooks of Slack, Microsoft
 * Teams (a Workflows webhook), Discord and Mattermost.  Each checks a post
 * as its service's documentation describes (required fields, Block Kit
 * and embed limits, the Adaptive Card basics), refuses what the service
 * refuses with the service's own answer, answers a good post as the
 * service does (Slack 200 "ok", Discord 204, Teams 202, Mattermost 200
 * "ok"), and counts the posts that would notify a whole channel or anyone
 * at all. */

typedef struct _FakeChat FakeChat;

FakeChat   *fake_chat_new             (void);
void        fake_chat_free            (FakeChat    *fake);
/* The webhook address of @service ("slack", "teams", "discord",
 * "mattermost"); its path holds the secret, as the real ones do. */
char       *fake_chat_get_url         (FakeChat    *fake,
                                       const char  *service);
/* The next post is answered with @status (404, 429 with Retry-After: 1,
 * 500, …) and not kept. */
void        fake_chat_add_fault       (FakeChat    *fake,
                                       guint        status);
/* The accepted posts, in order, as JSON text. */
GPtrArray  *fake_chat_get_posts       (FakeChat    *fake,
                                       const char  *service);
guint       fake_chat_get_n_refused   (FakeChat    *fake);
/* The last refusal's reason, in the fake's words. */
char       *fake_chat_get_last_refusal (FakeChat   *fake);
/* Accepted posts that would have notified people (@channel, @everyone,
 * a user mention). */
guint       fake_chat_get_n_pings     (FakeChat    *fake);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeChat, fake_chat_free)

G_END_DECLS
