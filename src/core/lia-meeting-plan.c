/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lia-meeting-plan.h"
#include "lia-slots.h"
#include "lia-tz-names.h"

static char *
clock_text (GTimeZone  *zone,
            gint64      t,
            const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, format);
}

/* The last instant worked out for a meeting, with the texts it came
 * from: lists sort and split 2 000 meetings by it after every edit. */
typedef struct
{
  char   *start;
  char   *zone;
  gint64  instant;
} StartCache;

static void
start_cache_free (gpointer data)
{
  StartCache *cache = data;

  g_free (cache->start);
  g_free (cache->zone);
  g_free (cache);
}

/* The meeting's local start ("2026-01-20T09:00" in its zone) as an instant. */
gboolean
lia_meeting_get_start_instant (LiaMeeting  *meeting,
                               gint64      *instant,
                               GError     **error)
{
  static GQuark quark;
  const char *start = lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_START);
  const char *zone_name = lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE);
  g_autoptr(GTimeZone) zone = NULL;
  StartCache *cache;
  int y, mo, d, h, mi;
  GDate date, epoch;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("lia-meeting-start-instant");
  cache = g_object_get_qdata (G_OBJECT (meeting), quark);
  if (cache != NULL && g_strcmp0 (cache->start, start) == 0 && g_strcmp0 (cache->zone, zone_name) == 0)
    {
      *instant = cache->instant;
      return TRUE;
    }

  zone = lia_tz_new_known (zone_name);

  if (zone == NULL)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_ZONE,
                   _("“%s” is not a known IANA time zone (like Europe/Berlin)"), zone_name);
      return FALSE;
    }
  if (sscanf (start, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5 ||
      !g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE,
                   _("“%s” is not a local date and time (YYYY-MM-DDTHH:MM)"), start);
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&date, d, mo, y);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  *instant = lia_local_to_utc (zone,
                               ((gint64) g_date_get_julian (&date) - g_date_get_julian (&epoch)) * 86400 +
                               h * 3600 + mi * 60);
  cache = g_new (StartCache, 1);
  cache->start = g_strdup (start);
  cache->zone = g_strdup (zone_name);
  cache->instant = *instant;
  g_object_set_qdata_full (G_OBJECT (meeting), quark, cache, start_cache_free);
  return TRUE;
}

LiaAgendaPlan *
lia_agenda_plan_new (LiaMeeting  *meeting,
                     GError     **error)
{
  GListModel *agenda;
  LiaAgendaPlan *plan;
  gint64 start, t;

  g_return_val_if_fail (LIA_IS_MEETING (meeting), NULL);

  if (!lia_meeting_get_start_instant (meeting, &start, error))
    return NULL;

  agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA));
  plan = g_new0 (LiaAgendaPlan, 1);
  plan->zone = lia_tz_new_known (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE));
  plan->start = start;
  plan->planned_end = start + (gint64) lia_entity_get_int (LIA_ENTITY (meeting), LIA_MEETING_DURATION) * 60;
  plan->n_items = g_list_model_get_n_items (agenda);
  plan->items = g_new0 (LiaAgendaTime, MAX (plan->n_items, 1));

  /* Durations are real minutes: an item that spans a change of clocks
   * still lasts as long, and its local end shows the jump. */
  t = start;
  for (guint i = 0; i < plan->n_items; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
      int minutes = lia_entity_get_int (item, LIA_AGENDA_ITEM_DURATION);
      LiaAgendaTime *slot = &plan->items[i];

      slot->start = t;
      slot->end = t + (gint64) minutes * 60;
      slot->start_text = clock_text (plan->zone, slot->start, "%H:%M");
      slot->end_text = clock_text (plan->zone, slot->end, "%H:%M");
      plan->total += minutes;
      t = slot->end;
    }
  plan->end = t;
  return plan;
}

void
lia_agenda_plan_free (LiaAgendaPlan *plan)
{
  if (plan == NULL)
    return;
  for (guint i = 0; i < plan->n_items; i++)
    {
      g_free (plan->items[i].start_text);
      g_free (plan->items[i].end_text);
    }
  g_free (plan->items);
  g_time_zone_unref (plan->zone);
  g_free (plan);
}

gboolean
lia_agenda_plan_overruns (LiaAgendaPlan *plan)
{
  return plan->end > plan->planned_end;
}

void
lia_attendee_time_free (LiaAttendeeTime *time)
{
  if (time == NULL)
    return;
  g_clear_object (&time->member);
  g_free (time->start_text);
  g_free (time->end_text);
  g_free (time->zone_text);
  g_free (time);
}

static LiaMember *
find_member (GListModel *members,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaMember) member = g_list_model_get_item (members, i);

      if (g_strcmp0 (lia_entity_get_id (LIA_ENTITY (member)), id) == 0)
        return g_steal_pointer (&member);
    }
  return NULL;
}

/* For each attendee: the meeting in their own zone and weekday, and
 * whether any of it falls outside their working hours. */
GPtrArray *
lia_meeting_attendee_times (LiaMeeting    *meeting,
                            GListModel    *members,
                            LiaAgendaPlan *plan)
{
  const char * const *attendees = lia_entity_get_strv (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_attendee_time_free);
  gint64 end = MAX (plan->end, plan->start + 60);

  for (guint i = 0; attendees != NULL && attendees[i] != NULL; i++)
    {
      g_autoptr(LiaMember) member = find_member (members, attendees[i]);
      g_autoptr(LiaTzMember) tz = NULL;
      g_autoptr(GPtrArray) inside = NULL;
      LiaAttendeeTime *time;
      g_autofree char *offset = NULL;
      g_autofree char *abbreviation = NULL;

      if (member == NULL || (tz = lia_tz_member_new_from_entity (member, NULL)) == NULL)
        continue;

      time = g_new0 (LiaAttendeeTime, 1);
      time->member = g_steal_pointer (&member);
      time->start_text = lia_tz_member_format (tz, plan->start, "%a %H:%M");
      time->end_text = lia_tz_member_format (tz, end, "%H:%M");
      offset = lia_format_offset (lia_tz_member_offset_at (tz, plan->start));
      abbreviation = lia_tz_member_format (tz, plan->start, "%Z");
      time->zone_text = g_strdup_printf ("%s %s", offset, abbreviation);
      inside = lia_overlap_compute (&tz, 1, plan->start, end, 1, NULL);
      time->outside = inside == NULL || inside->len != 1 ||
                      ((LiaOverlapInterval *) g_ptr_array_index (inside, 0))->start != plan->start ||
                      ((LiaOverlapInterval *) g_ptr_array_index (inside, 0))->end != end;
      g_ptr_array_add (out, time);
    }
  return out;
}

/* The mean of the rated dimensions (score 1-5; 0 means not rated). */
double
lia_evaluation_average (LiaEvaluation *evaluation,
                        guint         *n_rated)
{
  GListModel *ratings;
  guint rated = 0;
  int sum = 0;

  if (evaluation != NULL)
    {
      ratings = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (evaluation), LIA_EVALUATION_RATINGS));
      for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
        {
          g_autoptr(LiaEntity) rating = g_list_model_get_item (ratings, i);
          int score = lia_entity_get_int (rating, LIA_RATING_SCORE);

          if (score > 0)
            {
              sum += score;
              rated++;
            }
        }
    }
  if (n_rated != NULL)
    *n_rated = rated;
  return rated > 0 ? (double) sum / rated : 0.0;
}
