/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-live-calendars"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-calendar.h"
#include "lia-credentials.h"
#include "lia-live-calendars.h"

/* Busy times of members whose LiaMember:busy-source is a subscription or
 * a CalDAV calendar.  One LiaCalendarSource per member lives as long as
 * the member's source does, so that its cache (ETag, CTag) and its
 * last-read time last for the session.  Reads run in worker threads
 * (lia_calendar_source_read_async); the page is told through "changed"
 * when busy times arrive, and the rows through "member-changed" when a
 * read starts or ends.  A range once tried is not read again until
 * lia_live_calendars_forget (): a calendar that fails would otherwise be
 * asked again after every edit. */

typedef struct
{
  char              *member_id;
  char              *source;
  char              *user;
  LiaCalendarSource *calendar;
  GCancellable      *cancellable;   /* while a read runs */
  char              *busy;          /* the last busy times read */
  gint64             tried_from;    /* the last read asked for [from, to) */
  gint64             tried_to;
} Entry;

struct _LiaLiveCalendars
{
  GObject     parent_instance;

  LiaHttp    *http;
  GHashTable *entries;   /* member id → Entry */
};

G_DEFINE_FINAL_TYPE (LiaLiveCalendars, lia_live_calendars, G_TYPE_OBJECT)

enum {
  CHANGED,
  MEMBER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  LiaLiveCalendars *self;
  char             *member_id;
  GCancellable     *cancellable;
  gint64            from;
  gint64            to;
} ReadOp;

static void
read_op_free (ReadOp *op)
{
  g_object_unref (op->self);
  g_free (op->member_id);
  g_object_unref (op->cancellable);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadOp, read_op_free)

static void
entry_free (Entry *entry)
{
  if (entry->cancellable != NULL)
    g_cancellable_cancel (entry->cancellable);
  g_clear_object (&entry->cancellable);
  g_clear_object (&entry->calendar);
  g_free (entry->member_id);
  g_free (entry->source);
  g_free (entry->user);
  g_free (entry->busy);
  g_free (entry);
}

/* The entry the operation was started for, if it still waits for it. */
static Entry *
op_entry (ReadOp *op)
{
  Entry *entry = g_hash_table_lookup (op->self->entries, op->member_id);

  return entry != NULL && entry->cancellable == op->cancellable ? entry : NULL;
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ReadOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *busy = lia_calendar_source_read_finish (LIA_CALENDAR_SOURCE (object), result, &error);
  Entry *entry = op_entry (op);
  gboolean changed;

  if (entry == NULL)
    return;
  g_clear_object (&entry->cancellable);
  /* On an error the last busy times read stay: the row says the read
   * failed, and the plan keeps what was known. */
  changed = busy != NULL && g_strcmp0 (busy, entry->busy) != 0;
  if (busy != NULL)
    {
      g_free (entry->busy);
      entry->busy = g_steal_pointer (&busy);
    }
  g_signal_emit (op->self, signals[MEMBER_CHANGED], 0, op->member_id);
  if (changed)
    g_signal_emit (op->self, signals[CHANGED], 0);
}

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReadOp *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = lia_credentials_lookup_calendar_finish (result, &error);
  Entry *entry = op_entry (op);

  if (entry == NULL)
    {
      read_op_free (op);
      return;
    }
  lia_calendar_source_set_secret (entry->calendar, secret);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  lia_calendar_source_read_async (entry->calendar, op->from, op->to, op->cancellable, read_done_cb, op);
}

static void
start_read (LiaLiveCalendars *self,
            Entry            *entry,
            gint64            from,
            gint64            to)
{
  ReadOp *op;

  if (entry->cancellable != NULL)
    g_cancellable_cancel (entry->cancellable);
  g_clear_object (&entry->cancellable);
  entry->cancellable = g_cancellable_new ();
  entry->tried_from = from;
  entry->tried_to = to;

  op = g_new0 (ReadOp, 1);
  op->self = g_object_ref (self);
  op->member_id = g_strdup (entry->member_id);
  op->cancellable = g_object_ref (entry->cancellable);
  op->from = from;
  op->to = to;
  /* The keyring is asked each time: the password may have been changed
   * in the member dialog since the last read. */
  if (lia_calendar_source_kind (entry->source) == LIA_CALENDAR_SOURCE_CALDAV)
    lia_credentials_lookup_calendar_async (entry->member_id, entry->source, op->cancellable, secret_found_cb, op);
  else
    lia_calendar_source_read_async (entry->calendar, from, to, op->cancellable, read_done_cb, op);
  g_signal_emit (self, signals[MEMBER_CHANGED], 0, entry->member_id);
}

static gboolean
is_live (LiaMember *member)
{
  LiaCalendarSourceKind kind = lia_calendar_source_kind (lia_entity_get_string (LIA_ENTITY (member), LIA_MEMBER_BUSY_SOURCE));

  return kind == LIA_CALENDAR_SOURCE_SUBSCRIPTION || kind == LIA_CALENDAR_SOURCE_CALDAV;
}

static Entry *
live_entry (LiaLiveCalendars *self,
            LiaMember        *member)
{
  Entry *entry = g_hash_table_lookup (self->entries, lia_entity_get_id (LIA_ENTITY (member)));

  /* An entry for a source the member no longer has is not theirs. */
  if (entry == NULL || !is_live (member) ||
      g_strcmp0 (entry->source, lia_entity_get_string (LIA_ENTITY (member), LIA_MEMBER_BUSY_SOURCE)) != 0)
    return NULL;
  return entry;
}

static void
lia_live_calendars_dispose (GObject *object)
{
  LiaLiveCalendars *self = LIA_LIVE_CALENDARS (object);

  if (self->entries != NULL)
    g_hash_table_remove_all (self->entries);
  g_clear_object (&self->http);
  G_OBJECT_CLASS (lia_live_calendars_parent_class)->dispose (object);
}

static void
lia_live_calendars_finalize (GObject *object)
{
  LiaLiveCalendars *self = LIA_LIVE_CALENDARS (object);

  g_hash_table_unref (self->entries);
  G_OBJECT_CLASS (lia_live_calendars_parent_class)->finalize (object);
}

static void
lia_live_calendars_class_init (LiaLiveCalendarsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_live_calendars_dispose;
  object_class->finalize = lia_live_calendars_finalize;

  /* Some member's busy times changed: the plan is to be worked out again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A read of the member (by id) started or ended. */
  signals[MEMBER_CHANGED] = g_signal_new ("member-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lia_live_calendars_init (LiaLiveCalendars *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
}

LiaLiveCalendars *
lia_live_calendars_new (void)
{
  return g_object_new (LIA_TYPE_LIVE_CALENDARS, NULL);
}

/* Reads every member with a live source whose busy times in [@from, @to)
 * have not been asked for yet; sources no member has any more are
 * dropped (and their reads cancelled). */
void
lia_live_calendars_ensure (LiaLiveCalendars *self,
                           GListModel       *members,
                           gint64            from,
                           gint64            to)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  Entry *entry;

  g_return_if_fail (LIA_IS_LIVE_CALENDARS (self));
  g_return_if_fail (G_IS_LIST_MODEL (members));

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaMember) member = g_list_model_get_item (members, i);
      LiaEntity *entity = LIA_ENTITY (member);
      const char *id = lia_entity_get_id (entity);
      const char *source = lia_entity_get_string (entity, LIA_MEMBER_BUSY_SOURCE);
      const char *user = lia_entity_get_string (entity, LIA_MEMBER_BUSY_USER);

      if (!is_live (member))
        continue;
      entry = g_hash_table_lookup (self->entries, id);
      if (entry != NULL && (g_strcmp0 (entry->source, source) != 0 || g_strcmp0 (entry->user, user) != 0))
        {
          g_hash_table_remove (self->entries, id);
          entry = NULL;
        }
      if (entry == NULL)
        {
          entry = g_new0 (Entry, 1);
          entry->member_id = g_strdup (id);
          entry->source = g_strdup (source);
          entry->user = g_strdup (user);
          /* The HTTP session is made when a first member has a live
           * calendar, not when the Time Zones page is built (start-up). */
          if (self->http == NULL)
            self->http = lia_http_new ();
          entry->calendar = lia_calendar_source_new (self->http, source, user);
          g_hash_table_insert (self->entries, entry->member_id, entry);
        }
      g_hash_table_add (seen, entry->member_id);
      if (entry->tried_from < entry->tried_to && entry->tried_from <= from && entry->tried_to >= to)
        continue;
      start_read (self, entry, from, to);
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (!g_hash_table_contains (seen, entry->member_id))
      g_hash_table_iter_remove (&iter);
}

/* The next lia_live_calendars_ensure () reads every calendar again (the
 * page was shown, or Refresh Calendars), except those being read. */
void
lia_live_calendars_forget (LiaLiveCalendars *self)
{
  GHashTableIter iter;
  Entry *entry;

  g_return_if_fail (LIA_IS_LIVE_CALENDARS (self));

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->cancellable == NULL)
      entry->tried_from = entry->tried_to = 0;
}

/* Stops the reads under way; what was read stays. */
void
lia_live_calendars_cancel (LiaLiveCalendars *self)
{
  GHashTableIter iter;
  Entry *entry;

  g_return_if_fail (LIA_IS_LIVE_CALENDARS (self));

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->cancellable != NULL)
      {
        g_cancellable_cancel (entry->cancellable);
        g_clear_object (&entry->cancellable);
        /* Not read: the next ensure asks again. */
        entry->tried_from = entry->tried_to = 0;
        g_signal_emit (self, signals[MEMBER_CHANGED], 0, entry->member_id);
      }
}

/* Another workspace: nothing of the last one is kept. */
void
lia_live_calendars_clear (LiaLiveCalendars *self)
{
  g_return_if_fail (LIA_IS_LIVE_CALENDARS (self));

  g_hash_table_remove_all (self->entries);
}

gboolean
lia_live_calendars_has_any (LiaLiveCalendars *self,
                            GListModel       *members)
{
  g_return_val_if_fail (LIA_IS_LIVE_CALENDARS (self), FALSE);

  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaMember) member = g_list_model_get_item (members, i);

      if (is_live (member))
        return TRUE;
    }
  return FALSE;
}

/* Returns: (nullable): the member's busy times as last read. */
const char *
lia_live_calendars_get_busy (LiaLiveCalendars *self,
                             LiaMember        *member)
{
  Entry *entry;

  g_return_val_if_fail (LIA_IS_LIVE_CALENDARS (self), NULL);
  g_return_val_if_fail (LIA_IS_MEMBER (member), NULL);

  entry = live_entry (self, member);
  return entry != NULL ? entry->busy : NULL;
}

gboolean
lia_live_calendars_is_reading (LiaLiveCalendars *self,
                               LiaMember        *member)
{
  Entry *entry;

  g_return_val_if_fail (LIA_IS_LIVE_CALENDARS (self), FALSE);
  g_return_val_if_fail (LIA_IS_MEMBER (member), FALSE);

  entry = live_entry (self, member);
  return entry != NULL && entry->cancellable != NULL;
}

/* Returns: (nullable) (transfer none): the member's calendar, NULL when
 * their busy times are not live or were not asked for yet. */
LiaCalendarSource *
lia_live_calendars_get_source (LiaLiveCalendars *self,
                               LiaMember        *member)
{
  Entry *entry;

  g_return_val_if_fail (LIA_IS_LIVE_CALENDARS (self), NULL);
  g_return_val_if_fail (LIA_IS_MEMBER (member), NULL);

  entry = live_entry (self, member);
  return entry != NULL ? entry->calendar : NULL;
}

char *
lia_calendar_read_text (gint64     read,
                        gint64     now,
                        GTimeZone *zone)
{
  g_autoptr(GDateTime) read_utc = g_date_time_new_from_unix_utc (read);
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) r = g_date_time_to_timezone (read_utc, zone);
  g_autoptr(GDateTime) n = g_date_time_to_timezone (now_utc, zone);
  g_autofree char *when = NULL;

  if (g_date_time_get_year (r) == g_date_time_get_year (n) &&
      g_date_time_get_day_of_year (r) == g_date_time_get_day_of_year (n))
    when = g_date_time_format (r, "%H:%M");
  else
    /* Translators: a date and time, as g_date_time_format takes it */
    when = g_date_time_format (r, _("%e %b %H:%M"));
  /* Translators: %s is a time like 10:42, or a date and a time */
  return g_strdup_printf (_("Calendar read %s"), g_strstrip (when));
}
