/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-team-list.h: the team on the Time Zones page, bound to the
 * workspace's members. */
#pragma once

#include <adwaita.h>

#include "lia-history.h"
#include "lia-live-calendars.h"
#include "lia-member-dialog.h"

G_BEGIN_DECLS

#define LIA_TYPE_TEAM_LIST (lia_team_list_get_type ())
G_DECLARE_FINAL_TYPE (LiaTeamList, lia_team_list, LIA, TEAM_LIST, AdwPreferencesGroup)

void             lia_team_list_set_members   (LiaTeamList *self,
                                              GListStore  *members);
void             lia_team_list_set_history   (LiaTeamList *self,
                                              LiaHistory  *history);
LiaMemberDialog *lia_team_list_add_member    (LiaTeamList *self);
LiaMemberDialog *lia_team_list_edit_member   (LiaTeamList *self,
                                              guint        position);
void             lia_team_list_remove_member (LiaTeamList *self,
                                              guint        position);
gboolean         lia_team_list_is_chosen     (LiaTeamList *self,
                                              LiaMember   *member);
void             lia_team_list_set_instant   (LiaTeamList *self,
                                              gint64       instant);
void             lia_team_list_set_read_only (LiaTeamList *self,
                                              gboolean     read_only);
void             lia_team_list_set_calendars (LiaTeamList      *self,
                                              LiaLiveCalendars *calendars);

G_END_DECLS
