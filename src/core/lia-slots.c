/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When members can meet: the overlap sweep over their working spans, the
 * slot finder and its ranking, and the fair rotation of a weekly series. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lia-slots.h"
#include "lia-tz-private.h"

typedef struct
{
  GArray *work;       /* Span, inside hours and not busy */
  GArray *bp;         /* gint64 breakpoints of the cost rate */
  GArray *rate;       /* guint8 per segment: 0 inside, 1 outside, 2 outside at night */
  GArray *cum;        /* gint64 weighted seconds from the first breakpoint */
} Prepared;

static gboolean
check_range (gint64   from,
             gint64   to,
             GError **error)
{
  if (to <= from)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE,
                   _("The end of the range must come after its start"));
      return FALSE;
    }
  if (to - from > LIA_OVERLAP_MAX_RANGE)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE,
                   _("The range is longer than one year (%lld days)"),
                   (long long) ((to - from + DAY - 1) / DAY));
      return FALSE;
    }
  return TRUE;
}

/* Availability */

typedef struct
{
  gint64 t;
  guint  member;
  int    delta;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;
  return x->t < y->t ? -1 : x->t > y->t;
}

static void
interval_free (gpointer data)
{
  LiaOverlapInterval *interval = data;

  g_free (interval->available);
  g_free (interval);
}

static void
emit_interval (GPtrArray    *out,
               gint64        start,
               gint64        end,
               const guint8 *inside,
               guint         count,
               guint         n_members)
{
  LiaOverlapInterval *last = out->len > 0 ? g_ptr_array_index (out, out->len - 1) : NULL;
  LiaOverlapInterval *interval;
  guint k = 0;

  if (last != NULL && last->end == start && last->n_available == count)
    {
      gboolean same = TRUE;
      for (guint i = 0; i < count && same; i++)
        same = inside[last->available[i]];
      if (same)
        {
          last->end = end;
          return;
        }
    }

  interval = g_new (LiaOverlapInterval, 1);
  interval->start = start;
  interval->end = end;
  interval->n_available = count;
  interval->available = g_new (guint, MAX (count, 1));
  for (guint i = 0; i < n_members; i++)
    if (inside[i])
      interval->available[k++] = i;
  g_ptr_array_add (out, interval);
}

GPtrArray *
lia_overlap_compute (LiaTzMember **members,
                     guint         n_members,
                     gint64        from,
                     gint64        to,
                     guint         min,
                     GError      **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autofree guint8 *inside = g_new0 (guint8, MAX (n_members, 1));
  GPtrArray *out;
  gint64 previous = from;
  guint count = 0;

  if (!check_range (from, to, error))
    return NULL;
  if (min == 0)
    min = n_members;

  for (guint m = 0; m < n_members; m++)
    {
      g_autoptr(GArray) work = lia_tz_member_work_spans (members[m], from, to);

      for (guint i = 0; i < work->len; i++)
        {
          const Span *s = &g_array_index (work, Span, i);
          Event start = { s->s, m, 1 }, end = { s->e, m, -1 };

          g_array_append_val (events, start);
          g_array_append_val (events, end);
        }
    }
  g_array_sort (events, compare_events);

  out = g_ptr_array_new_with_free_func (interval_free);
  for (guint i = 0; i < events->len;)
    {
      gint64 t = g_array_index (events, Event, i).t;

      if (t > previous && count >= min && count > 0)
        emit_interval (out, previous, t, inside, count, n_members);
      for (; i < events->len && g_array_index (events, Event, i).t == t; i++)
        {
          const Event *e = &g_array_index (events, Event, i);
          inside[e->member] = e->delta > 0;
          count += e->delta > 0 ? 1 : -1;
        }
      previous = t;
    }

  return out;
}

/* Slot finder */

static void
prepared_clear (Prepared *p)
{
  g_clear_pointer (&p->work, g_array_unref);
  g_clear_pointer (&p->bp, g_array_unref);
  g_clear_pointer (&p->rate, g_array_unref);
  g_clear_pointer (&p->cum, g_array_unref);
}

static void
prepare (LiaTzMember *self,
         gint64       from,
         gint64       to,
         Prepared    *p)
{
  g_autoptr(GArray) night = g_array_new (FALSE, FALSE, sizeof (Span));
  guint wi = 0, ni = 0, i;
  gint64 total = 0;

  p->work = lia_tz_member_work_spans (self, from, to);
  lia_tz_member_daily_spans (self, NIGHT_START, NIGHT_END, FALSE, from, to, night);

  /* Breakpoints: the range ends and every span edge, merged in order. */
  p->bp = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 2 * (p->work->len + night->len) + 2);
  g_array_append_val (p->bp, from);
  while (wi < 2 * p->work->len || ni < 2 * night->len)
    {
      gint64 w = wi < 2 * p->work->len ? (wi % 2 ? g_array_index (p->work, Span, wi / 2).e : g_array_index (p->work, Span, wi / 2).s) : G_MAXINT64;
      gint64 n = ni < 2 * night->len ? (ni % 2 ? g_array_index (night, Span, ni / 2).e : g_array_index (night, Span, ni / 2).s) : G_MAXINT64;
      gint64 t = MIN (w, n);

      if (w <= n)
        wi++;
      else
        ni++;
      if (t > g_array_index (p->bp, gint64, p->bp->len - 1) && t < to)
        g_array_append_val (p->bp, t);
    }
  g_array_append_val (p->bp, to);

  p->rate = g_array_sized_new (FALSE, FALSE, sizeof (guint8), p->bp->len);
  p->cum = g_array_sized_new (FALSE, FALSE, sizeof (gint64), p->bp->len);
  wi = ni = 0;
  for (i = 0; i + 1 < p->bp->len; i++)
    {
      gint64 t = g_array_index (p->bp, gint64, i);
      gint64 next = g_array_index (p->bp, gint64, i + 1);
      gboolean in_work, in_night;
      guint8 rate;

      while (wi < p->work->len && g_array_index (p->work, Span, wi).e <= t)
        wi++;
      while (ni < night->len && g_array_index (night, Span, ni).e <= t)
        ni++;
      in_work = wi < p->work->len && g_array_index (p->work, Span, wi).s <= t;
      in_night = ni < night->len && g_array_index (night, Span, ni).s <= t;
      rate = in_work ? 0 : in_night ? 2 : 1;

      g_array_append_val (p->rate, rate);
      g_array_append_val (p->cum, total);
      total += rate * (next - t);
    }
  g_array_append_val (p->cum, total);
}

/* Weighted seconds from the range start to T, walking from *cursor. */
static gint64
prepared_cost_to (const Prepared *p,
                  gint64          t,
                  guint          *cursor)
{
  const gint64 *bp = (const gint64 *) p->bp->data;
  guint i = *cursor;

  while (i + 2 < p->bp->len && bp[i + 1] <= t)
    i++;
  *cursor = i;
  if (i + 1 >= p->bp->len)
    return g_array_index (p->cum, gint64, i);
  return g_array_index (p->cum, gint64, i) + g_array_index (p->rate, guint8, i) * (t - bp[i]);
}

static gint64
prepared_cost (const Prepared *p,
               gint64          start,
               gint64          end)
{
  /* Binary search for the segment holding START, then walk. */
  guint lo = 0, hi = p->bp->len - 1;
  guint cursor;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (p->bp, gint64, mid) <= start)
        lo = mid;
      else
        hi = mid;
    }
  cursor = lo;
  {
    gint64 a = prepared_cost_to (p, start, &cursor);
    gint64 b = prepared_cost_to (p, end, &cursor);
    return b - a;
  }
}

static guint
weighted_minutes (gint64 seconds)
{
  return (guint) ((seconds + 59) / 60);
}

static gboolean
check_duration (int      minutes,
                gint64   room,
                GError **error)
{
  if (minutes < 1 || minutes > 24 * 60)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_DURATION,
                   _("A meeting must last from 1 to 1440 minutes, not %d"), minutes);
      return FALSE;
    }
  if ((gint64) minutes * 60 > room)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_DURATION,
                   _("A %d-minute meeting does not fit in the range"), minutes);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64 start;
  guint  n_inside;
  gint64 cost;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->n_inside != y->n_inside)
    return x->n_inside > y->n_inside ? -1 : 1;
  if (x->cost != y->cost)
    return x->cost < y->cost ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static void
slot_free (gpointer data)
{
  LiaSlot *slot = data;

  g_free (slot->member_cost);
  g_free (slot->member_fit);
  g_free (slot);
}

static Candidate *
rank_starts (Prepared *prepared,
             guint     n_members,
             gint64    from,
             gint64    to,
             gint64    length,
             guint    *n_out)
{
  gint64 first = lia_tz_floor_div (from + LIA_SLOT_GRID - 1, LIA_SLOT_GRID) * LIA_SLOT_GRID;
  guint n = first + length <= to ? (guint) ((to - length - first) / LIA_SLOT_GRID + 1) : 0;
  Candidate *candidates = g_new0 (Candidate, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    candidates[i].start = first + (gint64) i * LIA_SLOT_GRID;

  for (guint m = 0; m < n_members; m++)
    {
      guint c1 = 0, c2 = 0;

      for (guint i = 0; i < n; i++)
        {
          gint64 a = prepared_cost_to (&prepared[m], candidates[i].start, &c1);
          gint64 b = prepared_cost_to (&prepared[m], candidates[i].start + length, &c2);

          if (b == a)
            candidates[i].n_inside++;
          candidates[i].cost += weighted_minutes (b - a);
        }
    }

  qsort (candidates, n, sizeof (Candidate), compare_candidates);
  *n_out = n;
  return candidates;
}

GPtrArray *
lia_slots_find (LiaTzMember **members,
                guint         n_members,
                gint64        from,
                gint64        to,
                int           duration_minutes,
                guint         count,
                GError      **error)
{
  g_autofree Prepared *prepared = NULL;
  g_autofree Candidate *candidates = NULL;
  gint64 length = (gint64) duration_minutes * 60;
  GPtrArray *out;
  guint n;

  if (!check_range (from, to, error) || !check_duration (duration_minutes, to - from, error))
    return NULL;

  prepared = g_new0 (Prepared, MAX (n_members, 1));
  for (guint m = 0; m < n_members; m++)
    prepare (members[m], from, to, &prepared[m]);

  candidates = rank_starts (prepared, n_members, from, to, length, &n);

  out = g_ptr_array_new_with_free_func (slot_free);
  for (guint i = 0; i < MIN (n, count); i++)
    {
      LiaSlot *slot = g_new0 (LiaSlot, 1);

      slot->start = candidates[i].start;
      slot->end = slot->start + length;
      slot->member_cost = g_new0 (guint, MAX (n_members, 1));
      for (guint m = 0; m < n_members; m++)
        {
          slot->member_cost[m] = weighted_minutes (prepared_cost (&prepared[m], slot->start, slot->end));
          slot->cost += slot->member_cost[m];
          if (slot->member_cost[m] == 0)
            slot->n_inside++;
        }
      g_ptr_array_add (out, slot);
    }

  for (guint m = 0; m < n_members; m++)
    prepared_clear (&prepared[m]);
  return out;
}

/* Humane suggestions
 *
 * lia_slots_find ranks by how many members are inside hours, so with
 * San Francisco, London and Beijing every answer puts someone at 01:00.
 * People weigh it otherwise: a meeting at 07:00 or 23:00 is a nuisance,
 * one at 02:00 is not acceptable.  Every minute outside working hours
 * costs by the member's local hour, the small hours far more than the
 * edges of the day, so that SF 07:00 / London 15:00 / Beijing 23:00
 * (2 + 5 a minute) beats anyone at 01:00 (20 a minute). */

static const guint8 hour_weight[24] = {
  10, 20, 20, 20, 20, 10,  5,  2,   /* 00–07: night, then the early edge */
   1,  1,  1,  1,  1,  1,  1,  1,   /* 08–15: awake, just not working */
   1,  1,  1,  1,  2,  2,  3,  5,   /* 16–23: the late edge into the night */
};

#define BUSY_WEIGHT 3
#define DAY_OFF_EXTRA 3     /* on top of the hour: Sunday 23:00 is worse than Monday's */
#define SMALL_HOURS_END 5   /* 00:00–05:00 local is "night" in explanations */

/* Worse fits win when a meeting's minutes differ. */
static const guint8 fit_rank[] = {
  [LIA_SLOT_FIT_INSIDE] = 0,
  [LIA_SLOT_FIT_EARLY] = 1,
  [LIA_SLOT_FIT_LATE] = 1,
  [LIA_SLOT_FIT_BUSY] = 2,
  [LIA_SLOT_FIT_DAY_OFF] = 3,
  [LIA_SLOT_FIT_NIGHT] = 4,
};

typedef struct
{
  guint32 *cum;    /* n_minutes + 1 weighted minutes from the base */
  guint8  *fit;    /* LiaSlotFit per minute */
} Minutes;

/* Cost and fit of each minute in [base, base + n * 60). */
static void
minutes_prepare (LiaTzMember *self,
                 gint64       base,
                 guint        n,
                 Minutes     *out)
{
  gint64 to = base + (gint64) n * 60;
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) work = lia_tz_member_work_spans (self, base, to);
  guint hi = 0, wi = 0;

  lia_tz_member_daily_spans (self, self->work_start, self->work_end, TRUE, base, to, hours);
  out->cum = g_new (guint32, n + 1);
  out->fit = g_new (guint8, MAX (n, 1));
  out->cum[0] = 0;
  for (guint m = 0; m < n; m++)
    {
      gint64 t = base + (gint64) m * 60;
      guint weight;
      guint8 fit;

      while (wi < work->len && g_array_index (work, Span, wi).e <= t)
        wi++;
      while (hi < hours->len && g_array_index (hours, Span, hi).e <= t)
        hi++;

      if (wi < work->len && g_array_index (work, Span, wi).s <= t)
        {
          weight = 0;
          fit = LIA_SLOT_FIT_INSIDE;
        }
      else if (hi < hours->len && g_array_index (hours, Span, hi).s <= t)
        {
          weight = BUSY_WEIGHT;
          fit = LIA_SLOT_FIT_BUSY;
        }
      else
        {
          gint64 local = lia_tz_utc_to_local (self->zone, t);
          gint64 day = lia_tz_floor_div (local, DAY);
          int hour = (int) ((local - day * DAY) / 3600);

          weight = hour_weight[hour];
          fit = hour < SMALL_HOURS_END ? LIA_SLOT_FIT_NIGHT : hour < 12 ? LIA_SLOT_FIT_EARLY : LIA_SLOT_FIT_LATE;
          if (!lia_tz_member_works_on (self, day))
            {
              weight += DAY_OFF_EXTRA;
              if (fit != LIA_SLOT_FIT_NIGHT)
                fit = LIA_SLOT_FIT_DAY_OFF;
            }
        }
      out->cum[m + 1] = out->cum[m] + weight;
      out->fit[m] = fit;
    }
}

static void
minutes_clear (Minutes *p)
{
  g_clear_pointer (&p->cum, g_free);
  g_clear_pointer (&p->fit, g_free);
}

typedef struct
{
  gint64  start;          /* the best start of the window */
  gint64  window_start;
  gint64  window_end;
  guint   cost;
  guint   worst;          /* the most any one member pays */
  guint8 *fits;           /* n_members, of the best start */
} Window;

static int
compare_windows (gconstpointer a,
                 gconstpointer b)
{
  const Window *x = a, *y = b;

  if (x->cost != y->cost)
    return x->cost < y->cost ? -1 : 1;
  if (x->worst != y->worst)
    return x->worst < y->worst ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The best windows for a meeting of DURATION_MINUTES in [from, to), by
 * the humane cost above.  Adjacent quarter-hour starts that treat every
 * member alike (the same fit each) are one window, shown once with its
 * best start.  Equal costs go to the window whose worst-off member pays
 * least, then to the earliest. */
GPtrArray *
lia_slots_suggest (LiaTzMember **members,
                   guint         n_members,
                   gint64        from,
                   gint64        to,
                   int           duration_minutes,
                   guint         count,
                   GError      **error)
{
  gint64 base = lia_tz_floor_div (from, 60) * 60;
  guint n_minutes;
  guint length = (guint) duration_minutes;
  gint64 first;
  guint n_starts;
  g_autofree Minutes *prepared = NULL;
  g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (Window));
  g_autofree guint8 *fits = NULL;
  GPtrArray *out;

  if (!check_range (from, to, error) || !check_duration (duration_minutes, to - from, error))
    return NULL;

  n_minutes = (guint) ((to - base) / 60);
  first = lia_tz_floor_div (from + LIA_SLOT_GRID - 1, LIA_SLOT_GRID) * LIA_SLOT_GRID;
  n_starts = first + (gint64) length * 60 <= to ? (guint) ((to - (gint64) length * 60 - first) / LIA_SLOT_GRID + 1) : 0;

  prepared = g_new0 (Minutes, MAX (n_members, 1));
  for (guint m = 0; m < n_members; m++)
    minutes_prepare (members[m], base, n_minutes, &prepared[m]);

  fits = g_new0 (guint8, MAX (n_members, 1));
  for (guint i = 0; i < n_starts; i++)
    {
      gint64 start = first + (gint64) i * LIA_SLOT_GRID;
      guint offset = (guint) ((start - base) / 60);
      Window *last = windows->len > 0 ? &g_array_index (windows, Window, windows->len - 1) : NULL;
      guint cost = 0, worst = 0;
      gboolean same;

      for (guint m = 0; m < n_members; m++)
        {
          guint c = prepared[m].cum[offset + length] - prepared[m].cum[offset];
          guint8 fit = LIA_SLOT_FIT_INSIDE;

          for (guint k = offset; k < offset + length; k++)
            if (fit_rank[prepared[m].fit[k]] > fit_rank[fit])
              fit = prepared[m].fit[k];
          fits[m] = fit;
          cost += c;
          worst = MAX (worst, c);
        }

      same = last != NULL && last->window_end - (gint64) length * 60 + LIA_SLOT_GRID == start &&
             memcmp (last->fits, fits, n_members) == 0;
      if (same)
        {
          last->window_end = start + (gint64) length * 60;
          if (cost < last->cost || (cost == last->cost && worst < last->worst))
            {
              last->start = start;
              last->cost = cost;
              last->worst = worst;
            }
        }
      else
        {
          Window w = { start, start, start + (gint64) length * 60, cost, worst, g_memdup2 (fits, MAX (n_members, 1)) };
          g_array_append_val (windows, w);
        }
    }
  g_array_sort (windows, compare_windows);

  out = g_ptr_array_new_with_free_func (slot_free);
  for (guint i = 0; i < windows->len && out->len < count; i++)
    {
      Window *w = &g_array_index (windows, Window, i);
      LiaSlot *slot;

      slot = g_new0 (LiaSlot, 1);
      slot->start = w->start;
      slot->end = w->start + (gint64) length * 60;
      slot->window_start = w->window_start;
      slot->window_end = w->window_end;
      slot->cost = w->cost;
      slot->member_cost = g_new0 (guint, MAX (n_members, 1));
      slot->member_fit = g_new0 (LiaSlotFit, MAX (n_members, 1));
      for (guint m = 0; m < n_members; m++)
        {
          guint offset = (guint) ((w->start - base) / 60);

          slot->member_cost[m] = prepared[m].cum[offset + length] - prepared[m].cum[offset];
          slot->member_fit[m] = w->fits[m];
          if (w->fits[m] == LIA_SLOT_FIT_INSIDE)
            slot->n_inside++;
        }
      g_ptr_array_add (out, slot);
    }

  for (guint i = 0; i < windows->len; i++)
    g_free (g_array_index (windows, Window, i).fits);
  for (guint m = 0; m < n_members; m++)
    minutes_clear (&prepared[m]);
  return out;
}

static void
append_names (GString            *text,
              const char         *format,
              const LiaSlot      *slot,
              guint               n_members,
              const char * const *names,
              LiaSlotFit          fit)
{
  g_autoptr(GPtrArray) who = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *part = NULL;

  for (guint m = 0; m < n_members; m++)
    if (slot->member_fit[m] == fit)
      g_ptr_array_add (who, (gpointer) names[m]);
  if (who->len == 0)
    return;

  for (guint i = 0; i < who->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of a list of cities or people; the last pair is joined by " and " */
        g_string_append (list, i + 1 == who->len ? C_("names", " and ") : C_("names", ", "));
      g_string_append (list, g_ptr_array_index (who, i));
    }
  part = g_strdup_printf (format, list->str);
  if (text->len > 0)
    /* Translators: between the parts of a slot's explanation, as in "early for San Francisco, late for Beijing" */
    g_string_append (text, C_("explanation", ", "));
  g_string_append (text, part);
}

/* One line saying whom a suggestion asks what of: "early for San
 * Francisco, late for Beijing".  NAMES has one (city or person) name per
 * member. */
char *
lia_slot_explain (const LiaSlot      *slot,
                  guint               n_members,
                  const char * const *names)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (slot != NULL && slot->member_fit != NULL, NULL);

  if (slot->n_inside == n_members)
    {
      g_string_append (text, _("inside working hours for everyone"));
      return g_string_free (text, FALSE);
    }
  /* Translators: %s is one or more city or person names */
  append_names (text, _("early for %s"), slot, n_members, names, LIA_SLOT_FIT_EARLY);
  /* Translators: %s is one or more city or person names */
  append_names (text, _("late for %s"), slot, n_members, names, LIA_SLOT_FIT_LATE);
  /* Translators: %s is one or more city or person names */
  append_names (text, _("busy for %s"), slot, n_members, names, LIA_SLOT_FIT_BUSY);
  /* Translators: %s is one or more city or person names */
  append_names (text, _("a day off for %s"), slot, n_members, names, LIA_SLOT_FIT_DAY_OFF);
  /* Translators: %s is one or more city or person names; the small hours, 00:00–05:00 */
  append_names (text, _("at night for %s"), slot, n_members, names, LIA_SLOT_FIT_NIGHT);
  return g_string_free (text, FALSE);
}

void
lia_rotation_free (LiaRotation *rotation)
{
  if (rotation == NULL)
    return;
  g_free (rotation->starts);
  g_free (rotation->week_costs);
  g_free (rotation->totals);
  g_free (rotation);
}

#define ROTATION_CANDIDATES 6

/* A weekly series keeps its local time in the first member's zone (the
 * organizer's), as calendars do, so its UTC time moves with that zone's
 * daylight saving time. */
static gint64
weekly_instance (GTimeZone *zone,
                 gint64     first,
                 guint      week)
{
  gint64 local = lia_tz_utc_to_local (zone, first);
  return lia_local_to_utc (zone, local + (gint64) week * 7 * DAY);
}

LiaRotation *
lia_slots_rotation (LiaTzMember **members,
                    guint         n_members,
                    gint64        from,
                    int           duration_minutes,
                    guint         weeks,
                    GError      **error)
{
  g_autofree Prepared *prepared = NULL;
  g_autofree Candidate *ranked = NULL;
  gint64 length = (gint64) duration_minutes * 60;
  gint64 chosen[ROTATION_CANDIDATES];
  guint n_chosen = 0, n;
  gint64 to;
  LiaRotation *rotation;

  g_return_val_if_fail (n_members > 0, NULL);

  if (weeks < 1 || weeks > 52)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE,
                   _("A weekly series must have from 1 to 52 meetings, not %u"), weeks);
      return NULL;
    }
  /* A day of slack at the end for the organizer's daylight saving time. */
  to = from + (gint64) weeks * 7 * DAY + DAY;
  if (!check_range (from, MIN (to, from + LIA_OVERLAP_MAX_RANGE), error) ||
      !check_duration (duration_minutes, 7 * DAY, error))
    return NULL;
  to = MIN (to, from + LIA_OVERLAP_MAX_RANGE);

  prepared = g_new0 (Prepared, n_members);
  for (guint m = 0; m < n_members; m++)
    prepare (members[m], from, to, &prepared[m]);

  /* Candidates: the best start times of the first week that do not
   * overlap each other. */
  ranked = rank_starts (prepared, n_members, from, from + 7 * DAY, length, &n);
  for (guint i = 0; i < n && n_chosen < ROTATION_CANDIDATES; i++)
    {
      gboolean clash = FALSE;

      for (guint j = 0; j < n_chosen && !clash; j++)
        clash = ranked[i].start < chosen[j] + length && chosen[j] < ranked[i].start + length;
      if (!clash)
        chosen[n_chosen++] = ranked[i].start;
    }

  rotation = g_new0 (LiaRotation, 1);
  rotation->n_weeks = weeks;
  rotation->n_members = n_members;
  rotation->starts = g_new0 (gint64, weeks);
  rotation->week_costs = g_new0 (guint, (gsize) weeks * n_members);
  rotation->totals = g_new0 (guint, n_members);

  /* Greedy: each week, the candidate that keeps the most burdened member's
   * total lowest, then the sum lowest, then the earliest. */
  for (guint w = 0; w < weeks; w++)
    {
      guint best = 0;
      guint best_max = G_MAXUINT, best_sum = G_MAXUINT;
      g_autofree guint *costs = g_new0 (guint, (gsize) n_chosen * n_members);

      for (guint c = 0; c < n_chosen; c++)
        {
          gint64 start = weekly_instance (lia_tz_member_get_zone (members[0]), chosen[c], w);
          guint worst = 0, sum = 0;

          for (guint m = 0; m < n_members; m++)
            {
              guint cost = start + length <= to ? weighted_minutes (prepared_cost (&prepared[m], start, start + length)) : 0;
              costs[c * n_members + m] = cost;
              worst = MAX (worst, rotation->totals[m] + cost);
              sum += cost;
            }
          if (worst < best_max || (worst == best_max && sum < best_sum))
            {
              best = c;
              best_max = worst;
              best_sum = sum;
            }
        }

      if (n_chosen == 0)
        break;
      rotation->starts[w] = weekly_instance (lia_tz_member_get_zone (members[0]), chosen[best], w);
      for (guint m = 0; m < n_members; m++)
        {
          rotation->week_costs[(gsize) w * n_members + m] = costs[best * n_members + m];
          rotation->totals[m] += costs[best * n_members + m];
        }
    }

  for (guint m = 0; m < n_members; m++)
    prepared_clear (&prepared[m]);
  return rotation;
}
