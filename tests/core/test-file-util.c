/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/xattr.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "lia-file-util.h"
#include "lia-workspace.h"

/* Saving keeps what the user set up (symlinks, mode, owner) and leaves
 * no temporary file behind; reading takes only regular files, size
 * checked first. */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("liaison-file-util-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (p), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Names in @dir that start with ".": temporary files. */
static guint
count_temps (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_write_through_symlink (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *target = g_build_filename (dir, "real.liaison", NULL);
  g_autofree char *middle = g_build_filename (dir, "middle.liaison", NULL);
  g_autofree char *link = g_build_filename (dir, "link.liaison", NULL);
  g_autofree char *target_backup = g_strconcat (target, "~", NULL);
  g_autofree char *link_backup = g_strconcat (link, "~", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  /* A chain of two relative links. */
  g_assert_cmpint (symlink ("real.liaison", middle), ==, 0);
  g_assert_cmpint (symlink ("middle.liaison", link), ==, 0);

  g_assert_true (lia_write_file_atomically (link, "new", 3, TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (lstat (middle, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = read_text (target);
  g_assert_cmpstr (text, ==, "new");

  /* The backup is a regular file beside the target, with the old text. */
  g_assert_cmpint (lstat (target_backup, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_clear_pointer (&text, g_free);
  text = read_text (target_backup);
  g_assert_cmpstr (text, ==, "old");
  g_assert_false (g_file_test (link_backup, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_temps (dir), ==, 0);

  remove_dir (dir);
}

static void
test_symlink_loop (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b", a), ==, 0);
  g_assert_cmpint (symlink ("a", b), ==, 0);
  g_assert_false (lia_write_file_atomically (a, "x", 1, TRUE, &error));
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, a));
  g_assert_cmpuint (count_temps (dir), ==, 0);

  remove_dir (dir);
}

static void
test_dangling_symlink_creates_target (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *target = g_build_filename (dir, "later.md", NULL);
  g_autofree char *link = g_build_filename (dir, "link.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("later.md", link), ==, 0);
  g_assert_true (lia_write_file_atomically (link, "made", 4, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  text = read_text (target);
  g_assert_cmpstr (text, ==, "made");

  remove_dir (dir);
}

static void
test_keeps_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *secret = g_build_filename (dir, "secret.liaison", NULL);
  g_autofree char *backup = g_strconcat (secret, "~", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.liaison", NULL);
  g_autofree char *tight = g_build_filename (dir, "tight.liaison", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;
  mode_t old_umask;

  g_assert_true (g_file_set_contents (secret, "old", -1, NULL));
  g_assert_cmpint (g_chmod (secret, 0600), ==, 0);
  g_assert_true (lia_write_file_atomically (secret, "new", 3, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (secret, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A new file follows the umask, as creat() would. */
  old_umask = umask (022);
  g_assert_true (lia_write_file_atomically (fresh, "x", 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  umask (077);
  g_assert_true (lia_write_file_atomically (tight, "x", 1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (tight, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  umask (old_umask);

  remove_dir (dir);
}

static void
test_keeps_owner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("giving a file to another owner needs root");
      return;
    }
  dir = make_dir ();
  path = g_build_filename (dir, "theirs.liaison", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (chown (path, 4321, 4322), ==, 0);
  g_assert_true (lia_write_file_atomically (path, "new", 3, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 4321);
  g_assert_cmpint (st.st_gid, ==, 4322);

  remove_dir (dir);
}

/* A write that fails half way (the file size limit) leaves the old file
 * and no temporary file. */
static void
test_failed_write_leaves_no_temp (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("LIA_TEST_DIR");
      g_autofree char *path = g_build_filename (dir, "big.liaison", NULL);
      g_autofree char *data = g_malloc0 (1 << 20);
      struct rlimit limit = { 4096, 4096 };
      g_autoptr(GError) error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (lia_write_file_atomically (path, data, 1 << 20, TRUE, &error));
      g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "big.liaison"));
      return;
    }
  else
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_build_filename (dir, "big.liaison", NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      g_setenv ("LIA_TEST_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      text = read_text (path);
      g_assert_cmpstr (text, ==, "old");
      g_assert_cmpuint (count_temps (dir), ==, 0);
      remove_dir (dir);
    }
}

static void
make_old (const char *path,
          const char *contents)
{
  struct utimbuf times;
  struct stat st;

  /* Two minutes before the time the file system stamped, not before this
   * process's clock: the two differ under faketime. */
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  times.actime = times.modtime = st.st_mtime - 120;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_remove_orphaned_temps (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autofree char *orphan = g_build_filename (dir, ".team.liaison.Ab12Cd", NULL);
  g_autofree char *recent = g_build_filename (dir, ".team.liaison.Zz99yy", NULL);
  g_autofree char *short_suffix = g_build_filename (dir, ".team.liaison.Ab12C", NULL);
  g_autofree char *long_suffix = g_build_filename (dir, ".team.liaison.Ab12Cde", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.liaison.Ab12Cd", NULL);
  g_autofree char *no_dot = g_build_filename (dir, "team.liaison.Ab12Cd", NULL);
  g_autofree char *folder = g_build_filename (dir, ".team.liaison.Dir123", NULL);
  g_autofree char *link = g_build_filename (dir, ".team.liaison.Lnk123", NULL);
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new ();
  g_autoptr(LiaWorkspace) reopened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_workspace_save (workspace, file, NULL, &error));
  g_assert_no_error (error);

  make_old (orphan, "torn");
  g_assert_true (g_file_set_contents (recent, "being written", -1, NULL));
  make_old (short_suffix, "x");
  make_old (long_suffix, "x");
  make_old (other, "x");
  make_old (no_dot, "x");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("team.liaison", link), ==, 0);

  g_assert_cmpuint (lia_file_remove_orphaned_temps (path), ==, 1);
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (short_suffix, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (long_suffix, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (no_dot, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* Opening the workspace cleans up after a crashed save. */
  make_old (orphan, "torn");
  reopened = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

static void
test_read_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "ok.txt", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sparse", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gsize length = 0;
  int fd;

  g_assert_true (g_file_set_contents (path, "a\0b", 3, NULL));
  text = lia_file_read_regular (path, 3, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 3);
  g_assert_cmpmem (text, 4, "a\0b", 4);
  g_clear_pointer (&text, g_free);

  text = lia_file_read_regular (path, 2, &length, &error);
  g_assert_null (text);
  g_assert_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Nothing but a regular file, and none of them blocks. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start = g_get_monotonic_time ();
  text = lia_file_read_regular (fifo, 1024, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_NOT_REGULAR);
  g_assert_cmpstr (strstr (error->message, "fifo"), ==, "fifo: not a regular file");
  g_clear_error (&error);
  text = lia_file_read_regular ("/dev/zero", 1024, NULL, &error);
  g_assert_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  text = lia_file_read_regular (dir, 1024, NULL, &error);
  g_assert_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  /* A 5 GB sparse file fails on its size, before a byte is read. */
  fd = g_open (sparse, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (5) << 30), ==, 0);
  close (fd);
  text = lia_file_read_regular (sparse, LIA_WORKSPACE_MAX_FILE_SIZE, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "5368709120"));
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  {
    g_autofree char *absent = g_build_filename (dir, "absent", NULL);
    text = lia_file_read_regular (absent, 1024, NULL, &error);
  }
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  remove_dir (dir);
}

static void
test_workspace_refuses_special_files (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.liaison", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sparse.liaison", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: not a regular file", fifo);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) sparse_file = g_file_new_for_path (sparse);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) none = NULL;
  gint64 start = g_get_monotonic_time ();
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  none = lia_workspace_new_from_file (fifo_file, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  none = lia_workspace_new_from_file (zero, NULL, &error);
  g_assert_null (none);
  g_assert_cmpstr (error->message, ==, "/dev/zero: not a regular file");
  g_clear_error (&error);

  none = lia_workspace_new_from_file (folder, NULL, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  fd = g_open (sparse, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (5) << 30), ==, 0);
  close (fd);
  none = lia_workspace_new_from_file (sparse_file, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, sparse));
  g_clear_error (&error);

  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  remove_dir (dir);
}

/* A file opened through the document portal (in the Flatpak sandbox)
 * names its real place in an extended attribute: the window shows that
 * folder, not /run/user/UID/doc/ID. */
static void
test_host_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-xattr-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *host = NULL;
  const char *real = "/home/ann/项目/team.liaison";

  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  plain = lia_file_dup_host_path (path);
  g_assert_cmpstr (plain, ==, path);
  if (setxattr (path, "user.document-portal.host-path", real, strlen (real), 0) != 0)
    {
      g_test_skip ("this file system keeps no user extended attributes");
    }
  else
    {
      host = lia_file_dup_host_path (path);
      g_assert_cmpstr (host, ==, real);
    }
  /* A missing file: the path itself, no crash. */
  g_unlink (path);
  g_free (plain);
  plain = lia_file_dup_host_path (path);
  g_assert_cmpstr (plain, ==, path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-util/write-through-symlink", test_write_through_symlink);
  g_test_add_func ("/file-util/symlink-loop", test_symlink_loop);
  g_test_add_func ("/file-util/dangling-symlink-creates-target", test_dangling_symlink_creates_target);
  g_test_add_func ("/file-util/keeps-mode", test_keeps_mode);
  g_test_add_func ("/file-util/keeps-owner", test_keeps_owner);
  g_test_add_func ("/file-util/failed-write-leaves-no-temp", test_failed_write_leaves_no_temp);
  g_test_add_func ("/file-util/remove-orphaned-temps", test_remove_orphaned_temps);
  g_test_add_func ("/file-util/read-regular", test_read_regular);
  g_test_add_func ("/file-util/host-path", test_host_path);
  g_test_add_func ("/file-util/workspace-refuses-special-files", test_workspace_refuses_special_files);
  return g_test_run ();
}
