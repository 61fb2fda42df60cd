/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-history.h"
#include "lia-model.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

/* A meeting's summary for team chat (title, the start in each attendee's
 * zone, decisions, action items with their tracker keys) as the JSON
 * payloads each service's incoming webhook takes.  No network here: the
 * sending is lia-chat.c's. */

/* The chat services, as the account's "service" field names them. */
extern const char * const lia_chat_service_choices[];

gboolean   lia_chat_service_is_known        (const char  *service);

/* One JsonNode (an object) per message to post, in order; Discord and the
 * others take several when the summary is longer than one message may be. */
GPtrArray *lia_meeting_summary_payloads     (LiaMeeting   *meeting,
                                             LiaWorkspace *workspace,
                                             const char   *service,
                                             GError      **error);

/* What the payloads say, as plain text for the preview before sending. */
char      *lia_meeting_summary_preview      (LiaMeeting   *meeting,
                                             LiaWorkspace *workspace,
                                             const char   *service);

/* Whether the summary already went to SERVICE (the meeting's chat-posts
 * field), so that a second post asks first; and recording that it did, as
 * one undoable edit. */
gboolean   lia_meeting_summary_was_posted   (LiaMeeting   *meeting,
                                             const char   *service);
gboolean   lia_meeting_summary_mark_posted  (LiaMeeting   *meeting,
                                             LiaHistory   *history,
                                             const char   *service);

G_END_DECLS
