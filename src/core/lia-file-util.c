/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-file-util"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "lia-file-util.h"
#include "lia-workspace.h"

/* As many hops as Linux itself follows before ELOOP. */
#define MAX_SYMLINK_HOPS 40

/* A temporary file this old is not being written any more: its writer
 * was killed between the write and the rename. */
#define ORPHAN_AGE_SECONDS 60

G_DEFINE_QUARK (lia-file-error-quark, lia_file_error)

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", path, g_strerror (saved_errno));
  return FALSE;
}

/* Opened without blocking, so that a FIFO or a device cannot hang us, and
 * checked on the open descriptor, so that nothing can be swapped in
 * between the check and the read. */
char *
lia_file_read_regular (const char  *path,
                       gsize        max_size,
                       gsize       *length,
                       GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      set_errno_error (error, path, saved);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_NOT_REGULAR, _("%s: not a regular file"), path);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      g_set_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_TOO_LARGE,
                   ngettext ("%s: the file is too large (%llu byte; at most %llu)",
                             "%s: the file is too large (%llu bytes; at most %llu)", (unsigned long) st.st_size),
                   path, (unsigned long long) st.st_size, (unsigned long long) max_size);
      return NULL;
    }

  /* The size is a hint: the file may grow while we read it, and the
   * limit holds for what is really read. */
  bytes = g_byte_array_sized_new ((guint) MIN ((gsize) st.st_size, 64 * 1024 * 1024) + 1);
  for (;;)
    {
      guint8 chunk[65536];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          close (fd);
          set_errno_error (error, path, saved);
          return NULL;
        }
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > max_size)
        {
          close (fd);
          g_set_error (error, LIA_FILE_ERROR, LIA_FILE_ERROR_TOO_LARGE,
                       ngettext ("%s: the file is too large (more than %llu byte)",
                                 "%s: the file is too large (more than %llu bytes)", (unsigned long) max_size),
                       path, (unsigned long long) max_size);
          return NULL;
        }
      g_byte_array_append (bytes, chunk, n);
    }
  close (fd);

  if (length != NULL)
    *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* The file a chain of symlinks ends at (PATH itself when it is no link).
 * The end need not exist: saving through a dangling link creates its
 * target, as writing through it would. */
char *
lia_file_resolve_symlinks (const char  *path,
                           GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_SYMLINK_HOPS; hops++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) local_error = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, &local_error);
      if (target == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = joined;
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }

  set_errno_error (error, path, ELOOP);
  return NULL;
}

/* The process umask, without changing it: umask() can only be read by
 * setting it, which would race with other threads creating files. */
static mode_t
current_umask (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:")) != NULL)
    return (mode_t) (g_ascii_strtoull (line + 7, NULL, 8) & 0777);
  return 022;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  gsize written = 0;

  while (written < length)
    {
      ssize_t n = write (fd, data + written, length - written);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      written += n;
    }
  return TRUE;
}

/* The previous version as TARGET~: a regular file of its own with the
 * old file's mode, never a symlink. */
static void
keep_backup_of (const char        *target,
                const struct stat *st)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);

  g_unlink (backup);
  if (link (target, backup) != 0)
    {
      g_autofree char *old = NULL;
      gsize old_len;

      /* File systems without hard links: copy instead. */
      if (g_file_get_contents (target, &old, &old_len, NULL))
        g_file_set_contents_full (backup, old, old_len, G_FILE_SET_CONTENTS_CONSISTENT,
                                  st->st_mode & 07777, NULL);
    }
}

/* Write a temporary file beside the target of @path, fsync it, keep the
 * old file as TARGET~ (a hard link, so the old file is never absent), then
 * rename the new one into place and fsync the folder.  A crash at any
 * moment leaves either the old or the new content; a failure leaves no
 * temporary file.  A symlink at @path stays a symlink, and the file keeps
 * the mode and owner the user gave it. */
gboolean
lia_write_file_atomically (const char *path,
                           const char *data,
                           gsize       length,
                           gboolean    keep_backup,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  gboolean exists;
  mode_t mode;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  target = lia_file_resolve_symlinks (path, &local_error);
  if (target == NULL)
    {
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO,
                   _("Could not save “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  exists = stat (target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO,
                   _("Could not save “%s”: not a regular file"), path);
      return FALSE;
    }
  /* A new file is created as creat() would: 0666 less the umask. */
  mode = exists ? (st.st_mode & 07777) : (0666 & ~current_umask ());

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmpl = g_strdup_printf (".%s.XXXXXX", base);
  tmp = g_build_filename (dir, tmpl, NULL);

  /* 0600 until it is complete: nobody reads a half-written file. */
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    goto io_error;

  if (!write_all (fd, data, length))
    goto tmp_error;

  /* Best effort: only root or the owner may give the file back to its
   * owner and group; chown first, as it may clear set-id bits. */
  if (exists && (geteuid () == 0 || geteuid () == st.st_uid) &&
      fchown (fd, st.st_uid, st.st_gid) != 0)
    g_debug ("could not keep the owner of %s: %s", target, g_strerror (errno));

  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    goto tmp_error;

  if (close (fd) != 0)
    {
      fd = -1;
      goto tmp_error;
    }
  fd = -1;

  if (keep_backup && exists)
    keep_backup_of (target, &st);

  if (g_rename (tmp, target) != 0)
    goto tmp_error;

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;

tmp_error:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  errno = saved_errno;

io_error:
  saved_errno = errno;
  g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO,
               _("Could not save “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
is_temp_name (const char *name,
              const char *base)
{
  gsize base_len = strlen (base);

  if (strlen (name) != base_len + 8 || name[0] != '.' ||
      strncmp (name + 1, base, base_len) != 0 || name[base_len + 1] != '.')
    return FALSE;
  for (const char *p = name + base_len + 2; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* "Now" as the file system sees it: modification times are stamped by the
 * kernel (or a file server), not by this process's clock, which may be
 * set apart from it (a faked or wrong clock, a share on another host).
 * An unnamed file in the folder tells; without O_TMPFILE support, the
 * process's clock has to do. */
static time_t
filesystem_now (const char *dir)
{
  struct stat st;
  int fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);

  if (fd >= 0)
    {
      gboolean ok = fstat (fd, &st) == 0;

      close (fd);
      if (ok)
        return st.st_mtime;
    }
  return time (NULL);
}

/* Removes the .NAME.XXXXXX files a writer killed between write and rename
 * left beside the target of @path.  Only our own regular files that have
 * not changed for a minute go, so a save running in another process is
 * never disturbed.  Returns how many were removed. */
guint
lia_file_remove_orphaned_temps (const char *path)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) handle = NULL;
  time_t now = 0;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  target = lia_file_resolve_symlinks (path, NULL);
  if (target == NULL)
    return 0;
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *candidate = NULL;
      struct stat st;

      if (!is_temp_name (name, base))
        continue;
      candidate = g_build_filename (dir, name, NULL);
      if (lstat (candidate, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
        continue;
      /* Asked only when there is a candidate: most opens have none. */
      if (now == 0)
        now = filesystem_now (dir);
      if (now - st.st_mtime < ORPHAN_AGE_SECONDS)
        continue;
      if (g_unlink (candidate) == 0)
        removed++;
    }
  return removed;
}

#define HOST_PATH_XATTR "user.document-portal.host-path"

char *
lia_file_dup_host_path (const char *path)
{
  char buf[PATH_MAX];
  ssize_t n;

  g_return_val_if_fail (path != NULL, NULL);

  n = getxattr (path, HOST_PATH_XATTR, buf, sizeof buf - 1);
  if (n <= 0 || buf[0] != '/')
    return g_strdup (path);
  buf[n] = '\0';
  /* The portal's value ends where the path does: no NUL inside. */
  if (strlen (buf) != (gsize) n && strlen (buf) + 1 != (gsize) n)
    return g_strdup (path);
  return g_strdup (buf);
}
