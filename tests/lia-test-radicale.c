/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "lia-test-radicale.h"

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
port_open (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

void
lia_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        lia_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

LiaTestRadicale *
lia_test_radicale_start (const char *user,
                         const char *password)
{
  LiaTestRadicale *radicale = g_new0 (LiaTestRadicale, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *users = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_text = NULL;
  g_autofree char *radicale_path = g_find_program_in_path ("radicale");
  g_autofree char *htpasswd_path = g_find_program_in_path ("htpasswd");
  guint16 port = free_port ();
  int status = 0;

  if (radicale_path == NULL || htpasswd_path == NULL)
    g_error ("radicale and htpasswd are needed (apt-get install radicale apache2-utils; "
             "./build-aux/dev test installs them)");

  radicale->user = g_strdup (user);
  radicale->password = g_strdup (password);
  radicale->dir = g_dir_make_tmp ("liaison-radicale-XXXXXX", &error);
  g_assert_no_error (error);
  users = g_build_filename (radicale->dir, "users", NULL);
  config = g_build_filename (radicale->dir, "config", NULL);
  {
    const char *argv[] = { htpasswd_path, "-B", "-b", "-c", users, user, password, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  config_text = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n"
                                 "[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = bcrypt\n"
                                 "[storage]\nfilesystem_folder = %s/collections\n"
                                 "[rights]\ntype = owner_only\n"
                                 "[logging]\nlevel = warning\n",
                                 port, users, radicale->dir);
  g_file_set_contents (config, config_text, -1, &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { radicale_path, "--config", config, NULL };
    g_spawn_async (radicale->dir, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                   die_with_parent, NULL, &radicale->pid, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 200 && !port_open (port); i++)
    g_usleep (50000);
  g_assert_true (port_open (port));
  radicale->url = g_strdup_printf ("http://127.0.0.1:%u", port);
  radicale->http = lia_http_new ();
  lia_http_set_timeout (radicale->http, 10);
  lia_http_set_retry (radicale->http, 1, 50, 200);
  return radicale;
}

void
lia_test_radicale_dav (LiaTestRadicale *radicale,
                       const char      *method,
                       const char      *path,
                       const char      *content_type,
                       const char      *body,
                       guint            expected)
{
  g_autofree char *url = g_strconcat (radicale->url, path, NULL);
  g_autofree char *pair = g_strconcat (radicale->user, ":", radicale->password, NULL);
  g_autofree char *b64 = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *auth = g_strconcat ("Basic ", b64, NULL);
  const char *headers[] = { "Authorization", auth, NULL };
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GError) error = NULL;
  guint status = 0;

  g_assert_true (lia_http_request_bytes (radicale->http, method, url, headers, bytes, content_type, 0,
                                         NULL, &status, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, expected);
}

void
lia_test_radicale_stop (LiaTestRadicale *radicale)
{
  int status;

  if (radicale == NULL)
    return;
  kill (radicale->pid, SIGTERM);
  waitpid (radicale->pid, &status, 0);
  g_spawn_close_pid (radicale->pid);
  g_clear_object (&radicale->http);
  lia_test_remove_tree (radicale->dir);
  g_free (radicale->dir);
  g_free (radicale->url);
  g_free (radicale->user);
  g_free (radicale->password);
  g_free (radicale);
}
