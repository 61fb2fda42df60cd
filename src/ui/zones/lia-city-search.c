/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-city-search"

#include "config.h"

#include <libgweather/gweather.h>
#include <string.h>

#include "lia-city-search.h"

typedef struct
{
  LiaCity  city;
  char    *key;           /* casefolded local name */
  char    *english_key;   /* casefolded English name */
} Entry;

static GPtrArray *index_entries;   /* Entry, built once */

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->city.name);
  g_free (e->city.country);
  g_free (e->city.zone);
  g_free (e->key);
  g_free (e->english_key);
  g_free (e);
}

static void
collect (GWeatherLocation *location,
         GPtrArray        *out)
{
  g_autoptr(GWeatherLocation) child = NULL;

  if (gweather_location_get_level (location) == GWEATHER_LOCATION_CITY)
    {
      const char *zone = gweather_location_get_timezone_str (location);
      Entry *e;

      if (zone == NULL)
        return;
      e = g_new0 (Entry, 1);
      e->city.name = g_strdup (gweather_location_get_name (location));
      e->city.country = gweather_location_get_country_name (location);
      e->city.zone = g_strdup (zone);
      e->key = g_utf8_casefold (e->city.name, -1);
      e->english_key = g_utf8_casefold (gweather_location_get_english_name (location), -1);
      g_ptr_array_add (out, e);
      return;
    }

  while ((child = gweather_location_next_child (location, child)) != NULL)
    collect (child, out);
}

static GPtrArray *
get_index (void)
{
  if (index_entries == NULL)
    {
      g_autoptr(GWeatherLocation) world = gweather_location_get_world ();

      index_entries = g_ptr_array_new_with_free_func (entry_free);
      if (world != NULL)
        collect (world, index_entries);
    }
  return index_entries;
}

void
lia_city_free (LiaCity *city)
{
  if (city == NULL)
    return;
  g_free (city->name);
  g_free (city->country);
  g_free (city->zone);
  g_free (city);
}

static int
score (const Entry *e,
       const char  *key)
{
  /* Whole name first, then a prefix, then a word inside the name. */
  if (g_str_equal (e->key, key) || g_str_equal (e->english_key, key))
    return 0;
  if (g_str_has_prefix (e->key, key) || g_str_has_prefix (e->english_key, key))
    return 1;
  if (strstr (e->key, key) != NULL || strstr (e->english_key, key) != NULL)
    return 2;
  return -1;
}

typedef struct
{
  const Entry *entry;
  int          score;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a, *y = b;

  if (x->score != y->score)
    return x->score - y->score;
  return g_utf8_collate (x->entry->city.name, y->entry->city.name);
}

/* Up to LIMIT cities whose name matches QUERY, best first. */
GPtrArray *
lia_city_search (const char *query,
                 guint       limit)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));
  g_autofree char *key = g_utf8_casefold (stripped, -1);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *index = get_index ();
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_city_free);

  if (key[0] == '\0')
    return out;

  for (guint i = 0; i < index->len; i++)
    {
      const Entry *e = g_ptr_array_index (index, i);
      int s = score (e, key);

      if (s >= 0)
        {
          Match m = { e, s };
          g_array_append_val (matches, m);
        }
    }
  g_array_sort (matches, compare_matches);

  for (guint i = 0; i < matches->len && out->len < limit; i++)
    {
      const Entry *e = g_array_index (matches, Match, i).entry;
      LiaCity *city = g_new0 (LiaCity, 1);

      city->name = g_strdup (e->city.name);
      city->country = g_strdup (e->city.country);
      city->zone = g_strdup (e->city.zone);
      g_ptr_array_add (out, city);
    }
  return out;
}
