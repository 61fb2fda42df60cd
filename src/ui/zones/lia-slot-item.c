/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-slot-item.c: one suggested meeting slot with the words the page
 * shows for it (when, in the viewer's zone, and whom it asks what of),
 * the list of them for a team, and the meeting one becomes. */
#define G_LOG_DOMAIN "lia-slot-item"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-model.h"
#include "lia-tz.h"
#include "lia-slot-item.h"

struct _LiaSlotItem
{
  GObject     parent_instance;

  GPtrArray  *slots;    /* keeps slot alive */
  LiaSlot    *slot;
  char       *title;
  char       *subtitle;
};

G_DEFINE_FINAL_TYPE (LiaSlotItem, lia_slot_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_subtitle (const LiaSlot      *slot,
                 GTimeZone          *zone,
                 LiaTzMember       **members,
                 guint               n_members,
                 const char * const *places)
{
  g_autofree char *why = lia_slot_explain (slot, n_members, places);
  GString *subtitle = g_string_new (NULL);

  /* The explanation is a phrase; on its own line it starts a sentence. */
  g_string_append_unichar (subtitle, g_unichar_totitle (g_utf8_get_char (why)));
  g_string_append (subtitle, g_utf8_next_char (why));
  if (slot->window_end - slot->window_start > slot->end - slot->start)
    {
      g_autoptr(GDateTime) ws = g_date_time_new_from_unix_utc (slot->window_start);
      g_autoptr(GDateTime) we = g_date_time_new_from_unix_utc (slot->window_end - (slot->end - slot->start));
      g_autoptr(GDateTime) lws = g_date_time_to_timezone (ws, zone);
      g_autoptr(GDateTime) lwe = g_date_time_to_timezone (we, zone);
      g_autofree char *first = g_date_time_format (lws, "%H:%M");
      g_autofree char *last = g_date_time_format (lwe, "%H:%M");

      g_string_append_c (subtitle, '\n');
      /* Translators: the earliest and the latest start of a window of equally good starts */
      g_string_append_printf (subtitle, _("Any start from %s to %s asks the same"), first, last);
    }
  for (guint m = 0; m < n_members; m++)
    if (slot->member_fit[m] != LIA_SLOT_FIT_INSIDE)
      {
        g_autofree char *local = lia_tz_member_format (members[m], slot->start, "%a %H:%M");

        /* Translators: a member and their local weekday and time */
        g_string_append_printf (subtitle, _("\n%s: %s"), lia_tz_member_get_label (members[m]), local);
      }
  return g_string_free (subtitle, FALSE);
}

static void
lia_slot_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaSlotItem *self = LIA_SLOT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_slot_item_finalize (GObject *object)
{
  LiaSlotItem *self = LIA_SLOT_ITEM (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (lia_slot_item_parent_class)->finalize (object);
}

static void
lia_slot_item_class_init (LiaSlotItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_slot_item_finalize;
  object_class->get_property = lia_slot_item_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_slot_item_init (LiaSlotItem *self)
{
}

/* Slot INDEX of SLOTS (from lia_slots_suggest () for MEMBERS), shown in
 * ZONE; PLACES names each member as the explanation speaks of them. */
LiaSlotItem *
lia_slot_item_new (GPtrArray          *slots,
                   guint               index,
                   GTimeZone          *zone,
                   LiaTzMember       **members,
                   guint               n_members,
                   const char * const *places)
{
  LiaSlotItem *self;
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;
  g_autoptr(GDateTime) la = NULL;
  g_autoptr(GDateTime) lb = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (slots != NULL && index < slots->len, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (LIA_TYPE_SLOT_ITEM, NULL);
  self->slots = g_ptr_array_ref (slots);
  self->slot = g_ptr_array_index (slots, index);

  a = g_date_time_new_from_unix_utc (self->slot->start);
  b = g_date_time_new_from_unix_utc (self->slot->end);
  la = g_date_time_to_timezone (a, zone);
  lb = g_date_time_to_timezone (b, zone);
  /* Translators: a weekday, day and month, and a time (strftime format) */
  start = g_date_time_format (la, _("%a %e %b, %H:%M"));
  end = g_date_time_format (lb, "%H:%M");
  self->title = lia_time_range_text (start, end);
  self->subtitle = format_subtitle (self->slot, zone, members, n_members, places);
  return self;
}

const LiaSlot *
lia_slot_item_get_slot (LiaSlotItem *self)
{
  g_return_val_if_fail (LIA_IS_SLOT_ITEM (self), NULL);

  return self->slot;
}

const char *
lia_slot_item_get_title (LiaSlotItem *self)
{
  g_return_val_if_fail (LIA_IS_SLOT_ITEM (self), NULL);

  return self->title;
}

const char *
lia_slot_item_get_subtitle (LiaSlotItem *self)
{
  g_return_val_if_fail (LIA_IS_SLOT_ITEM (self), NULL);

  return self->subtitle;
}

/* Whether the two say the same, so that a row showing A can stay. */
gboolean
lia_slot_item_equal (LiaSlotItem *a,
                     LiaSlotItem *b)
{
  g_return_val_if_fail (LIA_IS_SLOT_ITEM (a), FALSE);
  g_return_val_if_fail (LIA_IS_SLOT_ITEM (b), FALSE);

  return a->slot->start == b->slot->start && a->slot->end == b->slot->end &&
         g_str_equal (a->title, b->title) && g_str_equal (a->subtitle, b->subtitle);
}

/* The best SLOT_COUNT starts of a DURATION-minute meeting for MEMBERS
 * (LiaTzMember) in [FROM, TO), as items shown in ZONE.  Suggestions
 * speak of places ("early for San Francisco"), as the article does; a
 * member without a city (ENTITIES, parallel) is named. */
GPtrArray *
lia_slot_items_suggest (GPtrArray  *members,
                        GPtrArray  *entities,
                        gint64      from,
                        gint64      to,
                        int         duration,
                        guint       count,
                        GTimeZone  *zone,
                        GError    **error)
{
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (members != NULL && entities != NULL && members->len == entities->len, NULL);

  if (members->len == 0)
    return items;
  slots = lia_slots_suggest ((LiaTzMember **) members->pdata, members->len, from, to, duration, count, error);
  if (slots == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  for (guint m = 0; m < entities->len; m++)
    {
      LiaEntity *entity = g_ptr_array_index (entities, m);
      const char *city = lia_entity_get_string (entity, LIA_MEMBER_CITY);

      g_ptr_array_add (places, (gpointer) (city != NULL && city[0] != '\0' ? city : lia_entity_get_string (entity, LIA_MEMBER_NAME)));
    }
  for (guint i = 0; i < slots->len; i++)
    g_ptr_array_add (items, lia_slot_item_new (slots, i, zone, (LiaTzMember **) members->pdata,
                                               members->len, (const char * const *) places->pdata));
  return items;
}

/* Makes STORE hold ITEMS, replacing only the run between the items that
 * say the same as before, so that their rows (and the focus) stay. */
void
lia_slot_item_splice (GListStore *store,
                      GPtrArray  *items)
{
  GListModel *old = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (old);
  guint head = 0, tail = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);

  while (head < n_old && head < items->len)
    {
      g_autoptr(LiaSlotItem) item = g_list_model_get_item (old, head);

      if (!lia_slot_item_equal (item, g_ptr_array_index (items, head)))
        break;
      head++;
    }
  while (tail < n_old - head && tail < items->len - head)
    {
      g_autoptr(LiaSlotItem) item = g_list_model_get_item (old, n_old - 1 - tail);

      if (!lia_slot_item_equal (item, g_ptr_array_index (items, items->len - 1 - tail)))
        break;
      tail++;
    }
  if (head + tail < MAX (n_old, items->len))
    g_list_store_splice (store, head, n_old - head - tail, items->pdata + head, items->len - head - tail);
}

/* A meeting at the slot in the zone ZONE_ID, with ATTENDEES (member ids)
 * invited and one agenda item as long as the slot. */
LiaMeeting *
lia_slot_item_new_meeting (LiaSlotItem        *self,
                           const char         *zone_id,
                           const char * const *attendees)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *start = NULL;
  g_autoptr(LiaAgendaItem) item = NULL;
  LiaMeeting *meeting;
  int minutes;

  g_return_val_if_fail (LIA_IS_SLOT_ITEM (self), NULL);
  g_return_val_if_fail (zone_id != NULL, NULL);

  zone = g_time_zone_new_identifier (zone_id);
  g_return_val_if_fail (zone != NULL, NULL);
  utc = g_date_time_new_from_unix_utc (self->slot->start);
  local = g_date_time_to_timezone (utc, zone);
  start = g_date_time_format (local, "%Y-%m-%dT%H:%M");
  minutes = (int) ((self->slot->end - self->slot->start) / 60);

  meeting = lia_meeting_new ();
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, _("Team meeting"));
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, zone_id);
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES, attendees);
  lia_entity_set_int (LIA_ENTITY (meeting), LIA_MEETING_DURATION, minutes);
  item = lia_agenda_item_new ();
  lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_TITLE, _("Discussion"));
  lia_entity_set_int (LIA_ENTITY (item), LIA_AGENDA_ITEM_DURATION, minutes);
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA), item);
  return meeting;
}
