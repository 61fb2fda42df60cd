/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-http.h"

G_BEGIN_DECLS

/* A member's live busy times (LiaMember:busy-source): an iCalendar
 * subscription or a CalDAV calendar, read through LiaHttp into the same
 * reduced iCalendar text that busy-calendar holds, so the engine
 * (lia_tz_member_add_calendar) reads it unchanged.  What is read is kept,
 * reduced, in the user's cache folder: an unchanged calendar costs a 304
 * (subscriptions) or one PROPFIND (CalDAV).
 *
 * One object per member's source; a member dialog or row binds to its
 * "last-read" and "error" properties.  The password or token of a CalDAV
 * calendar is given by the caller (the UI from the keyring, the CLI from
 * LIAISON_CALDAV_PASSWORD); it is never stored here or in the cache. */

/* Subscriptions and CalDAV answers larger than this are refused. */
#define LIA_CALENDAR_MAX_SIZE (10 * 1000 * 1000)

#define LIA_TYPE_CALENDAR_SOURCE (lia_calendar_source_get_type ())
G_DECLARE_FINAL_TYPE (LiaCalendarSource, lia_calendar_source, LIA, CALENDAR_SOURCE, GObject)

LiaCalendarSource *lia_calendar_source_new            (LiaHttp             *http,
                                                       const char          *source,
                                                       const char          *user);
const char        *lia_calendar_source_get_source     (LiaCalendarSource   *self);
void               lia_calendar_source_set_secret     (LiaCalendarSource   *self,
                                                       const char          *secret);
/* Tests; the default is g_get_user_cache_dir ()/liaison/calendars. */
void               lia_calendar_source_set_cache_dir  (LiaCalendarSource   *self,
                                                       const char          *dir);

/* The busy times in [@from, @to) as reduced iCalendar text.  Blocks:
 * call from a worker thread, or use the _async form. */
char              *lia_calendar_source_read           (LiaCalendarSource   *self,
                                                       gint64               from,
                                                       gint64               to,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
void               lia_calendar_source_read_async     (LiaCalendarSource   *self,
                                                       gint64               from,
                                                       gint64               to,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char              *lia_calendar_source_read_finish    (LiaCalendarSource   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Unix seconds of the last successful read (0: never), the last error in
 * plain words (NULL after a success), and whether the last read was
 * answered from the cache because the calendar had not changed. */
gint64             lia_calendar_source_get_last_read  (LiaCalendarSource   *self);
const char        *lia_calendar_source_get_error      (LiaCalendarSource   *self);
gboolean           lia_calendar_source_get_from_cache (LiaCalendarSource   *self);

/* CalDAV discovery from a server's address: the user's calendars. */
typedef struct
{
  char *url;    /* the collection, for "caldav:" + url */
  char *name;   /* its display name, or the last part of its path */
} LiaCaldavCalendar;

void        lia_caldav_calendar_free    (LiaCaldavCalendar   *calendar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaCaldavCalendar, lia_caldav_calendar_free)

GPtrArray  *lia_caldav_discover         (LiaHttp             *http,
                                         const char          *server_url,
                                         const char          *user,
                                         const char          *secret,
                                         GCancellable        *cancellable,
                                         GError             **error);
void        lia_caldav_discover_async   (LiaHttp             *http,
                                         const char          *server_url,
                                         const char          *user,
                                         const char          *secret,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *lia_caldav_discover_finish  (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
