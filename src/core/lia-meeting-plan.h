/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-model.h"

G_BEGIN_DECLS

/* When each agenda item of a meeting runs, and what that means for the
 * attendees: times are instants, so an agenda that runs past midnight or
 * across a change of daylight saving time is right. */

typedef struct
{
  gint64  start;        /* Unix seconds */
  gint64  end;
  char   *start_text;   /* HH:MM in the meeting's zone */
  char   *end_text;
} LiaAgendaTime;

typedef struct
{
  GTimeZone     *zone;
  gint64         start;        /* the meeting's start */
  gint64         end;          /* the end of the agenda */
  gint64         planned_end;  /* start + planned length */
  guint          total;        /* minutes of agenda */
  guint          n_items;
  LiaAgendaTime *items;
} LiaAgendaPlan;

typedef struct
{
  LiaMember *member;
  char      *start_text;   /* "Tue 17:00" in the member's zone */
  char      *end_text;     /* "18:10" */
  char      *zone_text;    /* "UTC-8 PST" */
  gboolean   outside;      /* not inside working hours for the whole meeting */
} LiaAttendeeTime;

LiaAgendaPlan *lia_agenda_plan_new           (LiaMeeting     *meeting,
                                              GError        **error);
void           lia_agenda_plan_free          (LiaAgendaPlan  *plan);
gboolean       lia_agenda_plan_overruns      (LiaAgendaPlan  *plan);
gboolean       lia_meeting_get_start_instant (LiaMeeting     *meeting,
                                              gint64         *instant,
                                              GError        **error);
GPtrArray     *lia_meeting_attendee_times    (LiaMeeting     *meeting,
                                              GListModel     *members,
                                              LiaAgendaPlan  *plan);
void           lia_attendee_time_free        (LiaAttendeeTime *time);
double         lia_evaluation_average        (LiaEvaluation  *evaluation,
                                              guint          *n_rated);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaAgendaPlan, lia_agenda_plan_free)

G_END_DECLS
