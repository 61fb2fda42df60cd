/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-wait-notice"

#include "config.h"

#include "lia-wait-notice.h"

typedef struct
{
  GWeakRef      progress;
  GCancellable *cancellable;
  char         *service;
  char         *url;
} WaitWatch;

typedef struct
{
  WaitWatch *watch;   /* a reference */
  char      *text;
} WaitText;

static void
wait_watch_clear (gpointer data)
{
  WaitWatch *watch = data;

  g_weak_ref_clear (&watch->progress);
  g_clear_object (&watch->cancellable);
  g_free (watch->service);
  g_free (watch->url);
}

static void
wait_watch_release (gpointer  data,
                    GClosure *closure)
{
  g_atomic_rc_box_release_full (data, wait_watch_clear);
}

static void
wait_text_free (gpointer data)
{
  WaitText *wait = data;

  g_atomic_rc_box_release_full (wait->watch, wait_watch_clear);
  g_free (wait->text);
  g_free (wait);
}

static gboolean
show_wait_cb (gpointer data)
{
  WaitText *wait = data;
  g_autoptr(GtkProgressBar) progress = g_weak_ref_get (&wait->watch->progress);

  /* The work may have been cancelled, or the window closed, meanwhile. */
  if (progress != NULL && !g_cancellable_is_cancelled (wait->watch->cancellable))
    gtk_progress_bar_set_text (progress, wait->text);
  return G_SOURCE_REMOVE;
}

static void
waiting_cb (LiaHttp    *http,
            const char *host,
            guint       seconds,
            WaitWatch  *watch)
{
  WaitText *wait = g_new0 (WaitText, 1);

  wait->watch = g_atomic_rc_box_acquire (watch);
  wait->text = lia_http_describe_wait (host, seconds, watch->service, watch->url);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_wait_cb, wait, wait_text_free);
}

void
lia_wait_notice_watch (LiaHttp        *http,
                       GtkProgressBar *progress,
                       GCancellable   *cancellable,
                       const char     *service,
                       const char     *url)
{
  WaitWatch *watch;

  g_return_if_fail (LIA_IS_HTTP (http));
  g_return_if_fail (GTK_IS_PROGRESS_BAR (progress));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  watch = g_atomic_rc_box_new0 (WaitWatch);
  g_weak_ref_init (&watch->progress, progress);
  watch->cancellable = g_object_ref (cancellable);
  watch->service = g_strdup (service);
  watch->url = g_strdup (url);
  g_signal_connect_data (http, "waiting", G_CALLBACK (waiting_cb), watch, wait_watch_release, 0);
}
