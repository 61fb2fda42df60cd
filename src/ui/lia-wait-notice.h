/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-http.h"

G_BEGIN_DECLS

/* Shows each rate-limit wait of @http ("GitHub asks to wait 60 s…") as the
 * text of @progress while @cancellable is not cancelled.  LiaHttp::waiting
 * comes from a worker thread; the bar is held weakly and touched only in
 * the main thread.  @service and @url name the account, so a wait on its
 * host is called by the service's name. */
void lia_wait_notice_watch (LiaHttp        *http,
                            GtkProgressBar *progress,
                            GCancellable   *cancellable,
                            const char     *service,
                            const char     *url);

G_END_DECLS
