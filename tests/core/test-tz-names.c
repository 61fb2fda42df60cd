/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lia-tz-names.h"
#include "lia-workspace.h"

/* A time zone is a name from the system's zone list, never a path, an
 * offset or a POSIX rule: GTimeZone would open whatever a path names. */

static void
test_known_and_unknown (void)
{
  const char *good[] = { "Europe/Berlin", "Asia/Kolkata", "UTC", "America/Argentina/Buenos_Aires",
                         "Asia/Calcutta", "America/Los_Angeles", "Asia/Shanghai" };
  const char *bad[] = { "../../../../etc/passwd", "/usr/share/zoneinfo/UTC", "XYZ3", "+08:00", "-05:00",
                        "0800", "Europe/../Europe/Berlin", "Europe//Berlin", "Europe/Berlin/", "europe/berlin",
                        "Europe/Berlin\n", "posix/Europe/Berlin", "right/UTC", "zone.tab", "tzdata.zi",
                        "Europe", "", "Mars/Base", "EST5EDT,M3.2.0,M11.1.0" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GTimeZone) tz = lia_tz_new_known (good[i]);

      g_test_message ("%s", good[i]);
      g_assert_true (lia_tz_is_known_zone (good[i]));
      g_assert_nonnull (tz);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (lia_tz_is_known_zone (bad[i]));
      g_assert_null (lia_tz_new_known (bad[i]));
    }
  g_assert_false (lia_tz_is_known_zone (NULL));
}

static void
test_fifo_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-tz-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "zone", NULL);
  g_autofree char *relative = g_strconcat ("../../../..", fifo, NULL);
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (lia_tz_is_known_zone (fifo));
  g_assert_false (lia_tz_is_known_zone (relative));
  g_assert_null (lia_tz_new_known (relative));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_list (void)
{
  const char * const *zones = lia_tz_list_zones ();
  guint n = g_strv_length ((char **) zones);

  g_assert_cmpuint (n, >, 300);
  g_assert_true (g_strv_contains (zones, "UTC"));
  g_assert_true (g_strv_contains (zones, "Asia/Calcutta"));
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (strcmp (zones[i - 1], zones[i]), <, 0);
}

/* TZDIR names the folder; without tzdata.zi the .tab files are read. */
static void
test_tzdir (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("liaison-tzdir-XXXXXX", NULL);
      g_autofree char *zi = g_build_filename (dir, "tzdata.zi", NULL);

      g_assert_true (g_file_set_contents (zi,
                                          "# version test\n"
                                          "R X 2000 ma - Mar lastSu 1u 1 S\n"
                                          "Z Test/Zone 1 X CE%sT\n"
                                          "L Test/Zone Test/Alias\n", -1, NULL));
      g_setenv ("TZDIR", dir, TRUE);
      g_assert_true (lia_tz_is_known_zone ("Test/Zone"));
      g_assert_true (lia_tz_is_known_zone ("Test/Alias"));
      g_assert_true (lia_tz_is_known_zone ("UTC"));
      g_assert_false (lia_tz_is_known_zone ("Europe/Berlin"));
      g_assert_false (lia_tz_is_known_zone ("X"));
      g_unlink (zi);
      g_rmdir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_tab_fallback (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("liaison-tzdir-XXXXXX", NULL);
      g_autofree char *tab = g_build_filename (dir, "zone1970.tab", NULL);

      g_assert_true (g_file_set_contents (tab,
                                          "# comment\tx\tNot/Zone\n"
                                          "DE,DK\t+5230+01322\tEurope/Berlin\n"
                                          "IN\t+2232+08822\tAsia/Kolkata\tcomment\n", -1, NULL));
      g_setenv ("TZDIR", dir, TRUE);
      g_assert_true (lia_tz_is_known_zone ("Europe/Berlin"));
      g_assert_true (lia_tz_is_known_zone ("Asia/Kolkata"));
      g_assert_true (lia_tz_is_known_zone ("UTC"));
      g_assert_false (lia_tz_is_known_zone ("Not/Zone"));
      g_assert_false (lia_tz_is_known_zone ("America/New_York"));
      g_unlink (tab);
      g_rmdir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The workspace reader takes the same names, and says where a bad one is. */
static void
test_workspace_member_zone (void)
{
  const char *bad[] = { "../../../../etc/passwd", "/usr/share/zoneinfo/UTC", "XYZ3", "+08:00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = g_strdup_printf ("{\"format\": \"liaison-workspace\", \"version\": 1, \"members\": ["
                                              "{\"id\": \"97678b34-f8f2-53d1-ba9d-16d4d7b2462c\", \"name\": \"A\","
                                              " \"timezone\": \"%s\"}]}", bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaWorkspace) none = lia_workspace_new_from_data (doc, strlen (doc), "t.liaison", &error);

      g_assert_null (none);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "t.liaison: members[0].timezone: "));
    }
  {
    const char *doc = "{\"format\": \"liaison-workspace\", \"version\": 1, \"members\": ["
                      "{\"id\": \"97678b34-f8f2-53d1-ba9d-16d4d7b2462c\", \"name\": \"A\","
                      " \"timezone\": \"Asia/Calcutta\"}]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaWorkspace) ok = lia_workspace_new_from_data (doc, strlen (doc), "t.liaison", &error);

    g_assert_no_error (error);
    g_assert_nonnull (ok);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tz-names/known-and-unknown", test_known_and_unknown);
  g_test_add_func ("/tz-names/fifo-path", test_fifo_path);
  g_test_add_func ("/tz-names/list", test_list);
  g_test_add_func ("/tz-names/tzdir", test_tzdir);
  g_test_add_func ("/tz-names/tab-fallback", test_tab_fallback);
  g_test_add_func ("/tz-names/workspace-member-zone", test_workspace_member_zone);
  return g_test_run ();
}
