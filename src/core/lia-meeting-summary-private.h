/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What lia-meeting-summary.c (the parts of a summary) and lia-chat-format.c
 * (each service's rendering of them) share. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIA_SUMMARY_PART_TITLE,
  LIA_SUMMARY_PART_HEADING,  /* our own words, translated */
  LIA_SUMMARY_PART_LINE,     /* one line of the user's text */
  LIA_SUMMARY_PART_LINK,     /* a tracker key and its web address (text = key) */
} LiaSummaryPartKind;

typedef struct
{
  LiaSummaryPartKind  kind;
  char               *text;
  char               *url;
} LiaSummaryPart;

char      *lia_summary_one_line        (const char *text,
                                        guint       max_chars);
GPtrArray *lia_summary_pieces          (const char *text,
                                        guint       max);
gsize      lia_summary_utf16_length    (const char *text);

/* Each returns the messages (JsonNode) to post, in order. */
GPtrArray *lia_summary_render_slack    (GPtrArray  *parts);
GPtrArray *lia_summary_render_markdown (GPtrArray  *parts,
                                        const char *service);
GPtrArray *lia_summary_render_teams    (GPtrArray  *parts);

G_END_DECLS
