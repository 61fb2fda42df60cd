/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-meeting-sections.c: the sorted meetings with their group headings. */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-meeting-list-row.h"
#include "lia-meeting-sections.h"

/* The items are rebuilt from the sorted model on each change (a pass over
 * the meetings, whose starts are cached), and only the span that differs
 * from the last items is announced: an insert, a removal or a move shows
 * as that one change, so the list view keeps the other rows, the
 * selection and the scroll position. */

struct _LiaMeetingSections
{
  GObject     parent_instance;

  GListModel *sorted;
  gint64      now;
  GObject    *upcoming;     /* the two headings */
  GObject    *past;
  GPtrArray  *items;        /* of GObject, with a reference each */
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaMeetingSections, lia_meeting_sections, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return LIA_MEETING_SECTIONS (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LiaMeetingSections *self = LIA_MEETING_SECTIONS (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rebuild (LiaMeetingSections *self)
{
  guint n = g_list_model_get_n_items (self->sorted);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n + 2, g_object_unref);
  GPtrArray *old = self->items;
  gboolean in_past = FALSE;
  guint prefix = 0, suffix = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaMeeting) meeting = g_list_model_get_item (self->sorted, i);
      gboolean upcoming = lia_meeting_list_is_upcoming (meeting, self->now);

      if (i == 0 && upcoming)
        g_ptr_array_add (items, g_object_ref (self->upcoming));
      if (!upcoming && !in_past)
        {
          g_ptr_array_add (items, g_object_ref (self->past));
          in_past = TRUE;
        }
      g_ptr_array_add (items, g_steal_pointer (&meeting));
    }

  while (prefix < old->len && prefix < items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) == g_ptr_array_index (items, items->len - 1 - suffix))
    suffix++;
  if (prefix == old->len && prefix == items->len)
    return;

  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                              self->items->len - prefix - suffix);
  g_ptr_array_unref (old);
}

/* Where @now (unix seconds) splits upcoming from past. */
void
lia_meeting_sections_set_now (LiaMeetingSections *self,
                              gint64              now)
{
  g_return_if_fail (LIA_IS_MEETING_SECTIONS (self));

  if (self->now == now)
    return;
  self->now = now;
  rebuild (self);
}

gboolean
lia_meeting_sections_find (LiaMeetingSections *self,
                           gpointer            item,
                           guint              *position)
{
  g_return_val_if_fail (LIA_IS_MEETING_SECTIONS (self), FALSE);

  return item != NULL && g_ptr_array_find (self->items, item, position);
}

static void
lia_meeting_sections_dispose (GObject *object)
{
  LiaMeetingSections *self = LIA_MEETING_SECTIONS (object);

  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  g_clear_object (&self->sorted);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->past);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (lia_meeting_sections_parent_class)->dispose (object);
}

static void
lia_meeting_sections_class_init (LiaMeetingSectionsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lia_meeting_sections_dispose;
}

static void
lia_meeting_sections_init (LiaMeetingSections *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->upcoming = G_OBJECT (gtk_string_object_new (_("Upcoming")));
  self->past = G_OBJECT (gtk_string_object_new (_("Past")));
}

LiaMeetingSections *
lia_meeting_sections_new (GListModel *sorted)
{
  LiaMeetingSections *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (sorted), NULL);

  self = g_object_new (LIA_TYPE_MEETING_SECTIONS, NULL);
  self->sorted = g_object_ref (sorted);
  g_signal_connect_object (sorted, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}
