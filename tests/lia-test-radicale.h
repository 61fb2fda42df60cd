/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lia-http.h"

G_BEGIN_DECLS

/* A real CalDAV server for the tests: Debian's Radicale on 127.0.0.1 with
 * a private folder and one htpasswd user, stopped by its PID (and with
 * the test, should the test die).  ./build-aux/dev test installs it; a
 * machine without it fails the test rather than skipping it. */
typedef struct
{
  char    *dir;
  char    *url;      /* http://127.0.0.1:PORT */
  GPid     pid;
  LiaHttp *http;
  char    *user;
  char    *password;
} LiaTestRadicale;

LiaTestRadicale *lia_test_radicale_start (const char      *user,
                                          const char      *password);
/* A request as the user; the answer's status must be @expected. */
void             lia_test_radicale_dav   (LiaTestRadicale *radicale,
                                          const char      *method,
                                          const char      *path,
                                          const char      *content_type,
                                          const char      *body,
                                          guint            expected);
void             lia_test_radicale_stop  (LiaTestRadicale *radicale);
/* Removes a folder and everything in it (symbolic links not followed). */
void             lia_test_remove_tree    (const char      *path);

G_END_DECLS
