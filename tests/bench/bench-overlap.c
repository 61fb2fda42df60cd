/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "lia-slots.h"

/* The time-zone engine for 50 members over 365 days on the 15-minute
 * grid. Target: under 50 ms for the availability and for the ranked slots.
 * The baseline, measured in the same run, asks every member's state at
 * every grid point (what a naive heatmap over the year would do). */

#define ROUNDS 5
#define MEMBERS 50

static const char * const zones[] = {
  "America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin",
  "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
  "Asia/Kathmandu", "Australia/Lord_Howe", "America/Sao_Paulo", "Africa/Nairobi",
  "Asia/Riyadh", "Pacific/Auckland", "America/Chicago", "Europe/Helsinki",
  "Asia/Singapore", "America/St_Johns", "Australia/Adelaide", "UTC",
  "America/Denver", "Asia/Dubai", "Europe/Madrid", "Asia/Seoul", "Pacific/Chatham",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v)
{
  qsort (v, ROUNDS, sizeof *v, compare_doubles);
  return v[ROUNDS / 2];
}

int
main (void)
{
  LiaTzMember *members[MEMBERS];
  double overlap_ms[ROUNDS], slots_ms[ROUNDS], naive_ms[ROUNDS];
  gint64 from = 0, to = 0;
  guint intervals = 0;
  volatile guint sink = 0;

  lia_parse_instant ("2026-01-01T00:00:00Z", &from, NULL);
  lia_parse_instant ("2027-01-01T00:00:00Z", &to, NULL);

  for (guint i = 0; i < MEMBERS; i++)
    {
      g_autofree char *spec = g_strdup_printf ("M%u=%s,%02u:%02u-%02u:00,%s", i,
                                               zones[i % G_N_ELEMENTS (zones)],
                                               7 + i % 4, (i % 3) * 15, 16 + i % 4,
                                               i % 5 == 4 ? "Sun-Thu" : "Mon-Fri");
      members[i] = lia_tz_member_parse (spec, NULL);
      g_assert (members[i] != NULL);
    }

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GPtrArray) result = lia_overlap_compute (members, MEMBERS, from, to, 1, NULL);
      gint64 t1 = g_get_monotonic_time ();
      g_autoptr(GPtrArray) slots = lia_slots_find (members, MEMBERS, from, to, 60, 10, NULL);
      gint64 t2 = g_get_monotonic_time ();

      for (gint64 t = from; t < to; t += LIA_SLOT_GRID)
        for (guint m = 0; m < MEMBERS; m++)
          sink += lia_tz_member_state_at (members[m], t) == LIA_TZ_STATE_WORKING;
      naive_ms[r] = (g_get_monotonic_time () - t2) / 1000.0;

      overlap_ms[r] = (t1 - t0) / 1000.0;
      slots_ms[r] = (t2 - t1) / 1000.0;
      intervals = result->len;
      g_assert (slots->len == 10);
    }

  {
    double o = median (overlap_ms), s = median (slots_ms), n = median (naive_ms);

    g_print ("time-zone engine: %d members x 365 days, 15-minute grid (%u availability intervals)\n",
             MEMBERS, intervals);
    g_print ("  availability   %6.1f ms  %.2fx baseline  (target < 50 ms)\n", o, o / n);
    g_print ("  ranked slots   %6.1f ms  %.2fx baseline  (target < 50 ms)\n", s, s / n);
    g_print ("  baseline (state of every member at every grid point) %.1f ms\n", n);
  }

  for (guint i = 0; i < MEMBERS; i++)
    lia_tz_member_free (members[i]);
  return sink == G_MAXUINT;
}
