/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading and writing user files safely: only regular files are read,
 * with the size checked before a byte is read; writes are atomic, go
 * through symlinks to their target and keep the file's mode and owner. */

#define LIA_FILE_ERROR (lia_file_error_quark ())

/* Other failures are G_FILE_ERROR, from errno. */
typedef enum
{
  LIA_FILE_ERROR_NOT_REGULAR, /* a FIFO, a device, a folder */
  LIA_FILE_ERROR_TOO_LARGE,
} LiaFileError;

GQuark    lia_file_error_quark           (void);

char     *lia_file_read_regular          (const char  *path,
                                          gsize        max_size,
                                          gsize       *length,
                                          GError     **error);
gboolean  lia_write_file_atomically      (const char  *path,
                                          const char  *data,
                                          gsize        length,
                                          gboolean     keep_backup,
                                          GError     **error);
char     *lia_file_resolve_symlinks      (const char  *path,
                                          GError     **error);
guint     lia_file_remove_orphaned_temps (const char  *path);
/* Where the file is on the host: inside a Flatpak sandbox a file opened
 * through the document portal is at /run/user/UID/doc/ID/NAME, and the
 * portal says its real place in an extended attribute; elsewhere @path
 * itself. */
char     *lia_file_dup_host_path         (const char  *path);

G_END_DECLS
