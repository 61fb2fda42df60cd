/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone arithmetic for the time-zone engine: local time to UTC and back,
 * standard offsets, and reading and writing hours, days and instants. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lia-tz.h"
#include "lia-tz-private.h"

G_DEFINE_QUARK (lia-overlap-error-quark, lia_overlap_error)

gint64
lia_tz_floor_div (gint64 a,
                  gint64 b)
{
  gint64 q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

gint64
lia_local_to_utc (GTimeZone *zone,
                  gint64     local)
{
  gint64 t = local;
  /* In the hour that repeats when clocks go back, the first (daylight)
   * reading is meant; in the hour that is skipped, GLib moves forward. */
  int interval = g_time_zone_adjust_time (zone, G_TIME_TYPE_DAYLIGHT, &t);
  return t - g_time_zone_get_offset (zone, interval);
}

gint64
lia_tz_utc_to_local (GTimeZone *zone,
                     gint64     utc)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);
  return utc + g_time_zone_get_offset (zone, interval);
}

int
lia_tz_weekday_of_day (gint64 day)
{
  /* Day 0, 1970-01-01, was a Thursday; 0 is Monday here. */
  return (int) (((day + 3) % 7 + 7) % 7);
}

/* Parsing */

static const char * const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char * const long_day_names[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

int
lia_tz_parse_day (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *lower = g_ascii_strdown (copy, -1);

  for (int i = 0; i < 7; i++)
    if (g_str_equal (lower, day_names[i]) || g_str_equal (lower, long_day_names[i]))
      return i;
  return -1;
}

gboolean
lia_parse_days (const char *text,
                guint      *mask,
                GError    **error)
{
  g_auto(GStrv) parts = NULL;
  guint result = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  if (parts[0] == NULL)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_DAYS,
                   _("“%s” is not a list of days like Mon-Fri, Sun-Thu or Mon,Wed,Fri"), text);
      return FALSE;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *dash = strchr (parts[i], '-');
      int first, last;

      if (dash != NULL)
        {
          g_autofree char *head = g_strndup (parts[i], dash - parts[i]);
          first = lia_tz_parse_day (head);
          last = lia_tz_parse_day (dash + 1);
        }
      else
        first = last = lia_tz_parse_day (parts[i]);

      if (first < 0 || last < 0)
        {
          g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_DAYS,
                       _("“%s” is not a list of days like Mon-Fri, Sun-Thu or Mon,Wed,Fri"), text);
          return FALSE;
        }
      /* A range may wrap around the week: Sun-Thu, Fri-Mon. */
      for (int d = first;; d = (d + 1) % 7)
        {
          result |= 1u << d;
          if (d == last)
            break;
        }
    }

  *mask = result;
  return TRUE;
}

static gboolean
parse_clock (const char *text,
             gboolean    allow_24,
             int        *minutes)
{
  if (strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow_24)))
    return FALSE;
  *minutes = h * 60 + m;
  return TRUE;
}

gboolean
lia_parse_hours (const char *text,
                 int        *start,
                 int        *end,
                 GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);
  int s, e;

  if (g_strv_length (parts) != 2 ||
      !parse_clock (g_strstrip (parts[0]), FALSE, &s) ||
      !parse_clock (g_strstrip (parts[1]), TRUE, &e))
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_HOURS,
                   _("“%s” is not working hours like 09:00-18:00"), text);
      return FALSE;
    }
  if (s == e)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_HOURS,
                   _("Working hours “%s” start and end at the same time"), text);
      return FALSE;
    }

  *start = s;
  *end = e;
  return TRUE;
}

gboolean
lia_parse_instant (const char *text,
                   gint64     *instant,
                   GError    **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (strlen (text) == 10)
    {
      g_autofree char *full = g_strconcat (text, "T00:00:00", NULL);
      dt = g_date_time_new_from_iso8601 (full, utc);
    }
  else
    {
      const char *t = strchr (text, 'T');

      /* GLib wants seconds; people write 17:00Z. */
      if (t != NULL && strlen (t) >= 6 && t[3] == ':' && t[6] != ':' && t[6] != '.')
        {
          g_autofree char *head = g_strndup (text, t + 6 - text);
          g_autofree char *full = g_strconcat (head, ":00", t + 6, NULL);
          dt = g_date_time_new_from_iso8601 (full, utc);
        }
      else
        dt = g_date_time_new_from_iso8601 (text, utc);
    }

  if (dt == NULL)
    {
      g_set_error (error, LIA_OVERLAP_ERROR, LIA_OVERLAP_ERROR_RANGE,
                   _("“%s” is not an ISO 8601 date or time like 2026-01-14T17:00Z"), text);
      return FALSE;
    }
  *instant = g_date_time_to_unix (dt);
  return TRUE;
}

char *
lia_format_instant (gint64 instant)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (instant);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

char *
lia_format_offset (int seconds)
{
  int minutes = ABS (seconds) / 60;
  char sign = seconds < 0 ? '-' : '+';

  if (minutes % 60 != 0)
    return g_strdup_printf ("UTC%c%d:%02d", sign, minutes / 60, minutes % 60);
  return g_strdup_printf ("UTC%c%d", sign, minutes / 60);
}

/* The zone's offset outside daylight saving time, near NEAR: the value a
 * fixed-offset table (like the seed's) gives. */
int
lia_zone_standard_offset (GTimeZone  *zone,
                          gint64      near,
                          char      **abbreviation)
{
  for (int month = 0; month <= 12; month++)
    {
      for (int sign = 1; sign >= -1; sign -= 2)
        {
          gint64 t = near + sign * (gint64) month * 30 * DAY;
          int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);

          if (!g_time_zone_is_dst (zone, interval))
            {
              if (abbreviation != NULL)
                *abbreviation = g_strdup (g_time_zone_get_abbreviation (zone, interval));
              return g_time_zone_get_offset (zone, interval);
            }
          if (month == 0)
            break;
        }
    }

  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, near);
  if (abbreviation != NULL)
    *abbreviation = g_strdup (g_time_zone_get_abbreviation (zone, interval));
  return g_time_zone_get_offset (zone, interval);
}


char *
lia_time_range_text (const char *start,
                     const char *end)
{
  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  /* Translators: a range of two times or dates, such as 09:00–10:30; use
   * %1$s and %2$s to put them in another order, and your language's
   * dash. */
  return g_strdup_printf (C_("time range", "%1$s–%2$s"), start, end);
}
