/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-model.h"

G_BEGIN_DECLS

/* Meetings to start from: the article's API design meeting and a weekly
 * sync (in the UI language), and the user's own templates, kept in one
 * workspace file in the user data folder. */

GPtrArray  *lia_meeting_templates_builtin   (void);
GPtrArray  *lia_meeting_templates_load_user (const char  *path,
                                             GError     **error);
gboolean    lia_meeting_templates_save_user (const char  *path,
                                             LiaMeeting  *meeting,
                                             GError     **error);
char       *lia_meeting_templates_user_path (void);
LiaMeeting *lia_meeting_new_from_template   (LiaMeeting  *template_,
                                             const char  *start,
                                             const char  *zone);
void        lia_meeting_add_evaluation      (LiaMeeting  *meeting);

/* Run mode: the clock of a meeting as it happens. Times are in seconds
 * from any origin, so tests can drive it. */
typedef struct
{
  guint    current;        /* index of the running item; n_items when done */
  guint    n_items;
  gint64   item_started;
  gint64   started;
  int     *planned;        /* minutes per item */
  int     *actual;         /* minutes per item, as they finish */
} LiaMeetingRun;

LiaMeetingRun *lia_meeting_run_new       (LiaMeeting    *meeting,
                                          gint64         now);
void           lia_meeting_run_free      (LiaMeetingRun *run);
gint64         lia_meeting_run_remaining (LiaMeetingRun *run,
                                          gint64         now);
gint64         lia_meeting_run_drift     (LiaMeetingRun *run,
                                          gint64         now);
gboolean       lia_meeting_run_advance   (LiaMeetingRun *run,
                                          gint64         now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaMeetingRun, lia_meeting_run_free)

G_END_DECLS
