/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-city-search"

#include "config.h"

#include <libgweather/gweather.h>
#include <string.h>

#include "lia-city-search.h"
#include "lia-tz-names.h"

/* Search over libgweather's cities.  What a newcomer types must find
 * their city first: "London" is London in England before London in
 * Kiribati, and 北京, 伦敦, 巴黎 or 柏林 find Beijing, London, Paris and
 * Berlin whatever libgweather's translations hold at run time (on Debian
 * 12 many of its zh_CN city names are not used, so 柏林 found only
 * 都柏林, Dublin).  libgweather knows no population, so a small table of
 * major cities (capitals and the largest places of a distributed team)
 * ranks them first and gives their Chinese names. */

typedef struct
{
  const char *english;
  const char *zone;      /* tells London, England from London, Ontario */
  const char *chinese;
} MajorCity;

/* Most important first: the order breaks ties between equal matches. */
static const MajorCity major_cities[] = {
  { "Beijing", "Asia/Shanghai", "北京" },
  { "Shanghai", "Asia/Shanghai", "上海" },
  { "London", "Europe/London", "伦敦" },
  { "New York", "America/New_York", "纽约" },
  { "Tokyo", "Asia/Tokyo", "东京" },
  { "Paris", "Europe/Paris", "巴黎" },
  { "Berlin", "Europe/Berlin", "柏林" },
  { "San Francisco", "America/Los_Angeles", "旧金山" },
  { "Los Angeles", "America/Los_Angeles", "洛杉矶" },
  { "Seattle", "America/Los_Angeles", "西雅图" },
  { "Singapore", "Asia/Singapore", "新加坡" },
  { "Hong Kong", "Asia/Hong_Kong", "香港" },
  { "Shenzhen", "Asia/Shanghai", "深圳" },
  { "Guangzhou", "Asia/Shanghai", "广州" },
  { "Hangzhou", "Asia/Shanghai", "杭州" },
  { "Chengdu", "Asia/Shanghai", "成都" },
  { "Taipei", "Asia/Taipei", "台北" },
  { "Seoul", "Asia/Seoul", "首尔" },
  { "Sydney", "Australia/Sydney", "悉尼" },
  { "Melbourne", "Australia/Melbourne", "墨尔本" },
  { "Toronto", "America/Toronto", "多伦多" },
  { "Vancouver", "America/Vancouver", "温哥华" },
  { "Chicago", "America/Chicago", "芝加哥" },
  { "Boston", "America/New_York", "波士顿" },
  { "Washington", "America/New_York", "华盛顿" },
  { "Moscow", "Europe/Moscow", "莫斯科" },
  { "Madrid", "Europe/Madrid", "马德里" },
  { "Rome", "Europe/Rome", "罗马" },
  { "Amsterdam", "Europe/Amsterdam", "阿姆斯特丹" },
  { "Dublin", "Europe/Dublin", "都柏林" },
  { "Zurich", "Europe/Zurich", "苏黎世" },
  { "Munich", "Europe/Berlin", "慕尼黑" },
  { "Stockholm", "Europe/Stockholm", "斯德哥尔摩" },
  { "Mumbai", "Asia/Kolkata", "孟买" },
  { "Bangalore", "Asia/Kolkata", "班加罗尔" },
  { "New Delhi", "Asia/Kolkata", "新德里" },
  { "Dubai", "Asia/Dubai", "迪拜" },
  { "Tel Aviv", "Asia/Jerusalem", "特拉维夫" },
  { "São Paulo", "America/Sao_Paulo", "圣保罗" },
  { "Mexico City", "America/Mexico_City", "墨西哥城" },
  { "Cairo", "Africa/Cairo", "开罗" },
  { "Johannesburg", "Africa/Johannesburg", "约翰内斯堡" },
  { "Bangkok", "Asia/Bangkok", "曼谷" },
  { "Jakarta", "Asia/Jakarta", "雅加达" },
  { "Kuala Lumpur", "Asia/Kuala_Lumpur", "吉隆坡" },
  { "Osaka", "Asia/Tokyo", "大阪" },
  { "Auckland", "Pacific/Auckland", "奥克兰" },
};

#define NOT_MAJOR G_N_ELEMENTS (major_cities)
#define N_KEYS 5

typedef struct
{
  LiaCity  city;
  char    *keys[N_KEYS];  /* casefolded names: local, English, sort, English sort, Chinese */
  char    *english;       /* casefolded English name, to drop duplicate zone cities */
  guint    major;         /* index in major_cities, or NOT_MAJOR */
} Entry;

static GPtrArray *index_entries;   /* Entry, built once */

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->city.name);
  g_free (e->city.country);
  g_free (e->city.zone);
  for (guint i = 0; i < N_KEYS; i++)
    g_free (e->keys[i]);
  g_free (e->english);
  g_free (e);
}

/* Casefolded and without accents, so that "sao paulo" finds São Paulo
 * and "zurich" Zürich. */
static char *
fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return NULL;
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT);
  out = g_string_new (NULL);
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_SPACING_MARK && type != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
ui_is_chinese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "zh");
}

static guint
find_major (const char *english,
            const char *zone)
{
  g_autofree char *key = fold (english);

  for (guint i = 0; i < G_N_ELEMENTS (major_cities); i++)
    if (g_str_equal (major_cities[i].zone, zone))
      {
        g_autofree char *major = fold (major_cities[i].english);

        if (g_strcmp0 (major, key) == 0)
          return i;
      }
  return NOT_MAJOR;
}

static void
collect (GWeatherLocation *location,
         gboolean          chinese,
         GPtrArray        *out)
{
  g_autoptr(GWeatherLocation) child = NULL;

  if (gweather_location_get_level (location) == GWEATHER_LOCATION_CITY)
    {
      const char *zone = gweather_location_get_timezone_str (location);
      const char *english = gweather_location_get_english_name (location);
      const char *name = gweather_location_get_name (location);
      Entry *e;

      if (zone == NULL || english == NULL)
        return;
      e = g_new0 (Entry, 1);
      e->major = find_major (english, zone);
      /* An untranslated name in a Chinese UI is shown in Chinese when the
       * table knows it. */
      if (chinese && e->major != NOT_MAJOR && g_strcmp0 (name, english) == 0)
        name = major_cities[e->major].chinese;
      e->city.name = g_strdup (name);
      e->city.country = gweather_location_get_country_name (location);
      e->city.zone = g_strdup (zone);
      e->keys[0] = fold (name);
      e->keys[1] = fold (english);
      e->keys[2] = fold (gweather_location_get_sort_name (location));
      e->keys[3] = fold (gweather_location_get_english_sort_name (location));
      e->keys[4] = e->major != NOT_MAJOR ? fold (major_cities[e->major].chinese) : NULL;
      e->english = fold (english);
      g_ptr_array_add (out, e);
      return;
    }

  while ((child = gweather_location_next_child (location, child)) != NULL)
    collect (child, chinese, out);
}

/* Each zone of the system's list, by its own name and by its city:
 * "Asia/Kolkata" and "Kolkata". */
static void
collect_zones (GPtrArray *out)
{
  const char * const *zones = lia_tz_list_zones ();

  for (guint i = 0; zones != NULL && zones[i] != NULL; i++)
    {
      Entry *e = g_new0 (Entry, 1);
      g_autofree char *place = lia_city_zone_place (&(LiaCity) { .zone = (char *) zones[i], .is_zone = TRUE });

      e->major = NOT_MAJOR;
      e->city.name = g_strdup (zones[i]);
      e->city.zone = g_strdup (zones[i]);
      e->city.is_zone = TRUE;
      e->keys[0] = fold (zones[i]);
      e->keys[1] = fold (place);
      e->english = fold (place);
      g_ptr_array_add (out, e);
    }
}

static GPtrArray *
get_index (void)
{
  if (index_entries == NULL)
    {
      g_autoptr(GWeatherLocation) world = gweather_location_get_world ();

      index_entries = g_ptr_array_new_with_free_func (entry_free);
      if (world != NULL)
        collect (world, ui_is_chinese (), index_entries);
      collect_zones (index_entries);
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

/* The place a zone is named after, for the city field: "Asia/Kolkata" is
 * "Kolkata", "America/Argentina/Buenos_Aires" "Buenos Aires"; "UTC" has
 * none and is itself. */
char *
lia_city_zone_place (const LiaCity *city)
{
  const char *slash;

  g_return_val_if_fail (city != NULL && city->zone != NULL, NULL);

  slash = strrchr (city->zone, '/');
  return g_strdelimit (g_strdup (slash ? slash + 1 : city->zone), "_", ' ');
}

enum {
  SCORE_EXACT,
  SCORE_PREFIX,
  SCORE_WORD,      /* a later word starts so: "york" in "new york" */
  SCORE_INSIDE,
  SCORE_NONE,
};

static int
score_key (const char *key,
           const char *query)
{
  const char *found;

  if (key == NULL)
    return SCORE_NONE;
  if (g_str_equal (key, query))
    return SCORE_EXACT;
  if (g_str_has_prefix (key, query))
    return SCORE_PREFIX;
  found = strstr (key, query);
  if (found == NULL)
    return SCORE_NONE;
  for (; found != NULL; found = strstr (found + 1, query))
    if (found[-1] == ' ' || found[-1] == '-' || found[-1] == '/' || found[-1] == '(')
      return SCORE_WORD;
  return SCORE_INSIDE;
}

static int
score (const Entry *e,
       const char  *query)
{
  int best = SCORE_NONE;

  for (guint i = 0; i < N_KEYS; i++)
    best = MIN (best, score_key (e->keys[i], query));
  return best;
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
  int c;

  if (x->score != y->score)
    return x->score - y->score;
  /* Then major cities, in the table's order; then libgweather's cities
   * before the bare zones. */
  if (x->entry->major != y->entry->major)
    return x->entry->major < y->entry->major ? -1 : 1;
  if (x->entry->city.is_zone != y->entry->city.is_zone)
    return x->entry->city.is_zone ? 1 : -1;
  if ((c = g_utf8_collate (x->entry->city.name, y->entry->city.name)) != 0)
    return c;
  if ((c = g_strcmp0 (x->entry->city.country, y->entry->city.country)) != 0)
    return c;
  return strcmp (x->entry->city.zone, y->entry->city.zone);
}

static LiaCity *
city_copy (const LiaCity *from)
{
  LiaCity *city = g_new0 (LiaCity, 1);

  city->name = g_strdup (from->name);
  city->country = g_strdup (from->country);
  city->zone = g_strdup (from->zone);
  city->is_zone = from->is_zone;
  return city;
}

/* Up to LIMIT cities whose name matches QUERY, best first: a zone typed
 * out in full, then whole names, prefixes, words, anything inside. */
GPtrArray *
lia_city_search (const char *query,
                 guint       limit)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));
  g_autofree char *key = fold (stripped);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *index = get_index ();
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_city_free);

  if (key == NULL)
    return out;

  for (guint i = 0; i < index->len; i++)
    {
      const Entry *e = g_ptr_array_index (index, i);
      int s = score (e, key);

      /* A zone matches by its whole name first of all. */
      if (e->city.is_zone && g_str_equal (e->keys[0], key))
        s = -1;
      if (s < SCORE_NONE)
        {
          Match m = { e, s };
          g_array_append_val (matches, m);
        }
    }
  g_array_sort (matches, compare_matches);

  for (guint i = 0; i < matches->len && out->len < limit; i++)
    {
      const Entry *e = g_array_index (matches, Match, i).entry;
      gboolean duplicate = FALSE;

      /* "Kolkata" the zone adds nothing once Kolkata the city is listed. */
      if (e->city.is_zone && g_array_index (matches, Match, i).score >= 0)
        for (guint j = 0; j < i && !duplicate; j++)
          {
            const Entry *other = g_array_index (matches, Match, j).entry;
            duplicate = !other->city.is_zone && g_str_equal (other->city.zone, e->city.zone) &&
                        g_strcmp0 (other->english, e->english) == 0;
          }
      if (!duplicate)
        g_ptr_array_add (out, city_copy (&e->city));
    }
  return out;
}
