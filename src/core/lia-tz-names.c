/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-tz-names"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lia-file-util.h"
#include "lia-tz-names.h"

/* The zone list is small (about 600 names) and never changes while we
 * run, so it is read once per process. */

#define MAX_LIST_SIZE (16 * 1024 * 1024)

typedef struct
{
  GHashTable *names;  /* name -> itself */
  char      **sorted; /* the same names, sorted, NULL-terminated */
} ZoneList;

static void
add_name (GHashTable *names,
          const char *name,
          gsize       length)
{
  if (length == 0)
    return;
  g_hash_table_add (names, g_strndup (name, length));
}

static char *
read_list (const char *dir,
           const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);

  /* Through the same door as user files: TZDIR could point anywhere. */
  return lia_file_read_regular (path, MAX_LIST_SIZE, NULL, NULL);
}

/* tzdata.zi, the compact zic input Debian ships: "Z NAME ..." for zones
 * and "L TARGET NAME" for links (the backward names like Asia/Calcutta). */
static gboolean
read_tzdata_zi (const char *dir,
                GHashTable *names)
{
  g_autofree char *text = read_list (dir, "tzdata.zi");
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (lines[i][0] != 'Z' && lines[i][0] != 'L')
        continue;
      if (lines[i][1] != ' ' && lines[i][1] != '\t')
        continue;
      words = g_strsplit_set (lines[i], " \t", -1);
      if (lines[i][0] == 'Z' && g_strv_length (words) >= 2)
        add_name (names, words[1], strlen (words[1]));
      else if (lines[i][0] == 'L' && g_strv_length (words) >= 3)
        add_name (names, words[2], strlen (words[2]));
    }
  return g_hash_table_size (names) > 0;
}

/* zone1970.tab / zone.tab: "CODES COORDINATES NAME [COMMENT]". */
static gboolean
read_tab (const char *dir,
          const char *file,
          GHashTable *names)
{
  g_autofree char *text = read_list (dir, file);
  g_auto(GStrv) lines = NULL;
  guint before = g_hash_table_size (names);

  if (text == NULL)
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) >= 3)
        add_name (names, fields[2], strlen (fields[2]));
    }
  return g_hash_table_size (names) > before;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gpointer
load_zone_list (gpointer data)
{
  ZoneList *list = g_new0 (ZoneList, 1);
  const char *dir = g_getenv ("TZDIR");
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  if (dir == NULL || dir[0] == '\0')
    dir = "/usr/share/zoneinfo";

  list->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!read_tzdata_zi (dir, list->names) && !read_tab (dir, "zone1970.tab", list->names))
    read_tab (dir, "zone.tab", list->names);
  /* The .tab files list only geographic zones. */
  g_hash_table_add (list->names, g_strdup ("UTC"));

  list->sorted = g_new0 (char *, g_hash_table_size (list->names) + 1);
  g_hash_table_iter_init (&iter, list->names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    list->sorted[n++] = key;
  qsort (list->sorted, n, sizeof (char *), compare_names);
  return list;
}

static const ZoneList *
zone_list (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_zone_list, NULL);
}

/* Every zone name the system knows, sorted; owned by the process. */
const char * const *
lia_tz_list_zones (void)
{
  return (const char * const *) zone_list ()->sorted;
}

/* Whether @name is exactly one of the system's zone names.  The shape is
 * checked first, so that a path never reaches a table lookup at all. */
gboolean
lia_tz_is_known_zone (const char *name)
{
  if (name == NULL || name[0] == '\0' || name[0] == '/' || strstr (name, "..") != NULL ||
      strlen (name) > 255 || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  return g_hash_table_contains (zone_list ()->names, name);
}

G_LOCK_DEFINE_STATIC (zones);

/* A GTimeZone for a known zone name, or NULL.  Each zone is read from the
 * system's database once and kept (at most one per known name): GLib
 * drops its own copy with the last reference, and re-reading the file
 * for every meeting in a list of 2 000 was most of the time an edit
 * took in a large workspace (docs/performance.md). */
GTimeZone *
lia_tz_new_known (const char *name)
{
  static GHashTable *zones;
  GTimeZone *zone;

  if (!lia_tz_is_known_zone (name))
    return NULL;
  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones, name);
  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (name);
      if (zone != NULL)
        g_hash_table_insert (zones, g_strdup (name), zone);
    }
  if (zone != NULL)
    g_time_zone_ref (zone);
  G_UNLOCK (zones);
  return zone;
}
