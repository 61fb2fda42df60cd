/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-zones-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-area.h"
#include "lia-day-bar.h"
#include "lia-live-calendars.h"
#include "lia-model.h"
#include "lia-slots.h"
#include "lia-slot-item.h"
#include "lia-slot-list.h"
#include "lia-team-list.h"
#include "lia-toast.h"
#include "lia-zones-view.h"
#include "lia-widgets.h"

/* The time-zone planner: the team with each member's zone, a heatmap of
 * one day in the viewer's zone, and ranked meeting slots in the week from
 * that day, any of which becomes a meeting of the workspace.  A meeting
 * is often for some of the team only (the article's San Francisco, London
 * and Beijing): a check box on each member's row says who it is for, and
 * the heatmap, the overlap, the slots and the scheduled meeting's
 * attendees follow it.
 *
 * The team list is bound to the workspace's members and the slot list to
 * a store of suggestions; this view only works out what follows from the
 * team, the date and the zone (the heatmap, the summary, the slots) and
 * never rebuilds a row.  Members' live calendars (LiaLiveCalendars) are
 * read for the planned days when the page is shown and on Ctrl+R, and
 * their busy times join the team like an imported file's.  It runs about
 * 700 lines because it still carries the position-based functions the
 * window and the tests call (add, edit, remove, schedule, date, zone),
 * each a few lines over its part (LiaTeamList, LiaSlotList, LiaDayBar,
 * LiaSlotItem). */

#define SLOT_DAYS 7
#define SLOT_COUNT 5

struct _LiaZonesView
{
  GtkWidget        parent_instance;

  LiaWorkspace    *workspace;
  GPtrArray       *team;         /* LiaTzMember, one per member entity that could be read */
  GPtrArray       *team_entities; /* LiaMember, parallel to team */
  GPtrArray       *chosen;       /* LiaTzMember of team, the members the meeting is for */
  GPtrArray       *chosen_entities; /* LiaMember, parallel to chosen */
  GListStore      *slots;        /* LiaSlotItem */
  char            *view_zone;    /* NULL: local time */
  LiaRefresh      *refresh;      /* update () after edits, while shown */
  gboolean         updating_zones;
  GPtrArray       *zone_ids;     /* char*, parallel to zone_names; NULL = local */
  LiaLiveCalendars *calendars;   /* members' subscriptions and CalDAV calendars */

  GtkStack        *stack;
  LiaDayBar       *day_bar;
  GtkDropDown     *zone_dropdown;
  GtkStringList   *zone_names;
  LiaHeatmap      *heatmap;
  GtkLabel        *summary;
  LiaTeamList     *team_list;
  LiaSlotList     *slot_list;
};

static void lia_zones_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaZonesView, lia_zones_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_zones_view_area_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GTimeZone *
view_time_zone (LiaZonesView *self)
{
  if (self->view_zone == NULL)
    return g_time_zone_new_local ();
  return g_time_zone_new_identifier (self->view_zone);
}

static LiaHistory *
history (LiaZonesView *self)
{
  return lia_workspace_get_history (self->workspace);
}

static gboolean
writable (LiaZonesView *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

/* Team */

static void
read_chosen (LiaZonesView *self)
{
  g_ptr_array_set_size (self->chosen, 0);
  g_ptr_array_set_size (self->chosen_entities, 0);
  for (guint i = 0; i < self->team->len; i++)
    if (lia_team_list_is_chosen (self->team_list, g_ptr_array_index (self->team_entities, i)))
      {
        g_ptr_array_add (self->chosen, g_ptr_array_index (self->team, i));
        g_ptr_array_add (self->chosen_entities, g_ptr_array_index (self->team_entities, i));
      }
}

static void
read_team (LiaZonesView *self)
{
  GListModel *members = G_LIST_MODEL (lia_workspace_get_members (self->workspace));

  /* The heatmap and the selection point into the old team. */
  lia_heatmap_set_team (self->heatmap, NULL);
  g_ptr_array_set_size (self->chosen, 0);
  g_ptr_array_set_size (self->chosen_entities, 0);
  g_ptr_array_set_size (self->team, 0);
  g_ptr_array_set_size (self->team_entities, 0);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaMember) entity = g_list_model_get_item (members, i);
      g_autoptr(GError) error = NULL;
      LiaTzMember *m = lia_tz_member_new_from_entity (entity, &error);
      const char *live = NULL;

      if (m == NULL)
        {
          g_warning ("%s", error->message);
          continue;
        }
      /* Busy times read from the member's live calendar count as an
       * imported file's do (the engine leaves the file's out then). */
      live = lia_live_calendars_get_busy (self->calendars, entity);
      if (live != NULL && !lia_tz_member_add_calendar (m, live, &error))
        g_warning ("%s", error->message);
      g_ptr_array_add (self->team, m);
      g_ptr_array_add (self->team_entities, g_steal_pointer (&entity));
    }
  read_chosen (self);
}

/* The viewer's zone: local time, UTC, or any member's. */
static void
update_zone_choices (LiaZonesView *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *local_name = g_strdup_printf (_("Local Time (%s)"), g_time_zone_get_identifier (local));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  self->updating_zones = TRUE;
  g_ptr_array_set_size (self->zone_ids, 0);
  g_ptr_array_add (names, g_steal_pointer (&local_name));
  g_ptr_array_add (self->zone_ids, NULL);
  g_ptr_array_add (names, g_strdup ("UTC"));
  g_ptr_array_add (self->zone_ids, g_strdup ("UTC"));
  for (guint i = 0; i < self->team->len; i++)
    {
      LiaTzMember *m = g_ptr_array_index (self->team, i);
      const char *id = g_time_zone_get_identifier (lia_tz_member_get_zone (m));

      g_ptr_array_add (names, g_strdup_printf ("%s (%s)", lia_tz_member_get_label (m), id));
      g_ptr_array_add (self->zone_ids, g_strdup (id));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->zone_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->zone_names)),
                          (const char * const *) names->pdata);

  for (guint i = 1; i < self->zone_ids->len && self->view_zone != NULL; i++)
    if (g_str_equal (g_ptr_array_index (self->zone_ids, i), self->view_zone))
      {
        selected = i;
        break;
      }
  if (selected == 0)
    g_clear_pointer (&self->view_zone, g_free);
  gtk_drop_down_set_selected (self->zone_dropdown, selected);
  self->updating_zones = FALSE;
}

/* Slots */

static void
update_slots (LiaZonesView *self,
              gint64        from)
{
  g_autoptr(GTimeZone) zone = view_time_zone (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  items = lia_slot_items_suggest (self->chosen, self->chosen_entities, from, from + SLOT_DAYS * 86400,
                                  lia_slot_list_get_duration (self->slot_list), SLOT_COUNT, zone, &error);
  if (items == NULL)
    {
      g_warning ("%s", error->message);
      items = g_ptr_array_new ();
    }
  lia_slot_item_splice (self->slots, items);
}

/* What follows the choice of members: the heatmap's band, its summary and
 * the slots. */
static void
update_plan (LiaZonesView *self)
{
  /* Slots already past are of no use: on today, start from now. */
  gint64 from, now;

  lia_heatmap_set_chosen (self->heatmap, self->chosen);
  if (self->chosen->len == 0)
    gtk_label_set_label (self->summary, _("Choose the members the meeting is for."));
  else
    gtk_label_set_label (self->summary, lia_heatmap_get_summary (self->heatmap));

  from = lia_heatmap_get_start (self->heatmap);
  now = lia_heatmap_get_now (self->heatmap);
  if (now > from && now < lia_heatmap_get_end (self->heatmap))
    from = now;
  update_slots (self, from);
}

/* Live calendars */

static void queue_update (LiaZonesView *self);

/* The days planned: the heatmap's day and the slots' week after it.  Only
 * these are read (a CalDAV server is asked for this range only). */
static void
read_calendars (LiaZonesView *self)
{
  GListModel *members;
  gint64 from = lia_heatmap_get_start (self->heatmap);

  if (self->workspace == NULL || from == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  members = G_LIST_MODEL (lia_workspace_get_members (self->workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zones.refresh-calendars",
                                 lia_live_calendars_has_any (self->calendars, members));
  lia_live_calendars_ensure (self->calendars, members, from, from + (SLOT_DAYS + 1) * 86400);
}

/* Shown again, or Refresh Calendars: every calendar is read anew. */
static void
refresh_calendars (LiaZonesView *self)
{
  lia_live_calendars_forget (self->calendars);
  read_calendars (self);
}

static void
mapped_cb (LiaZonesView *self)
{
  refresh_calendars (self);
}

/* A hidden page reads nothing. */
static void
unmapped_cb (LiaZonesView *self)
{
  lia_live_calendars_cancel (self->calendars);
}

static void
calendars_changed_cb (LiaZonesView *self)
{
  queue_update (self);
}

/* Everything derived from the team, the date and the zone; the rows of
 * both lists follow their models and are not touched here. */
static void
update (LiaZonesView *self)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (self->workspace == NULL)
    return;

  read_team (self);
  gtk_stack_set_visible_child_name (self->stack, self->team->len > 0 ? "team" : "empty");
  update_zone_choices (self);
  zone = view_time_zone (self);

  lia_heatmap_set_team (self->heatmap, self->team);
  lia_heatmap_set_day (self->heatmap, zone, (GDate *) lia_day_bar_get_date (self->day_bar));
  lia_team_list_set_instant (self->team_list,
                             (lia_heatmap_get_start (self->heatmap) + lia_heatmap_get_end (self->heatmap)) / 2);
  update_plan (self);
  read_calendars (self);
}

/* Every edit anywhere in the workspace comes through here (the history
 * coalesces them); while the page is hidden it only notes that it is out
 * of date. */
static void
queue_update (LiaZonesView *self)
{
  lia_refresh_queue (self->refresh);
}

/* Read-only follows at once, visible or not: the header's add button
 * may be pressed before the page has caught up. */
static void
read_only_changed_cb (LiaZonesView *self)
{
  lia_team_list_set_read_only (self->team_list, !writable (self));
  lia_slot_list_set_read_only (self->slot_list, !writable (self));
  queue_update (self);
}

static void
chosen_changed_cb (LiaZonesView *self)
{
  /* Only what depends on the selection is redone. */
  read_chosen (self);
  update_plan (self);
}

/* Date and zone */

static void
zone_selected_cb (LiaZonesView *self)
{
  guint i = gtk_drop_down_get_selected (self->zone_dropdown);

  if (self->updating_zones || i >= self->zone_ids->len)
    return;
  g_free (self->view_zone);
  self->view_zone = g_strdup (g_ptr_array_index (self->zone_ids, i));
  queue_update (self);
}

/* Editing */

static void
add_first_clicked_cb (LiaZonesView *self)
{
  lia_zones_view_add_member (self);
}

static void
schedule_cb (LiaZonesView *self,
             LiaSlotItem  *item)
{
  guint position;

  if (g_list_store_find (self->slots, item, &position))
    lia_zones_view_schedule_slot (self, position);
}

/* Widget */

static void
lia_zones_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaZonesView *self = LIA_ZONES_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_zones_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaZonesView *self = LIA_ZONES_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_zones_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_zones_view_dispose (GObject *object)
{
  LiaZonesView *self = LIA_ZONES_VIEW (object);

  g_clear_pointer (&self->refresh, lia_refresh_free);
  if (self->calendars != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->calendars, self);
      lia_live_calendars_cancel (self->calendars);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ZONES_VIEW);
  g_clear_object (&self->calendars);
  g_clear_object (&self->slots);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (lia_zones_view_parent_class)->dispose (object);
}

static void
lia_zones_view_finalize (GObject *object)
{
  LiaZonesView *self = LIA_ZONES_VIEW (object);

  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_entities, g_ptr_array_unref);
  g_clear_pointer (&self->team, g_ptr_array_unref);
  g_clear_pointer (&self->team_entities, g_ptr_array_unref);
  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);
  g_free (self->view_zone);
  G_OBJECT_CLASS (lia_zones_view_parent_class)->finalize (object);
}

static void
shortcut_shift (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  lia_day_bar_shift (LIA_ZONES_VIEW (widget)->day_bar, g_variant_get_int32 (param));
}

static void
shortcut_today (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  lia_day_bar_set_today (LIA_ZONES_VIEW (widget)->day_bar);
}

static void
shortcut_refresh_calendars (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  refresh_calendars (LIA_ZONES_VIEW (widget));
}

static void
lia_zones_view_class_init (LiaZonesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_zones_view_dispose;
  object_class->finalize = lia_zones_view_finalize;
  object_class->get_property = lia_zones_view_get_property;
  object_class->set_property = lia_zones_view_set_property;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");

  g_type_ensure (LIA_TYPE_DAY_BAR);
  g_type_ensure (LIA_TYPE_HEATMAP);
  g_type_ensure (LIA_TYPE_TEAM_LIST);
  g_type_ensure (LIA_TYPE_SLOT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-zones-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, day_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, zone_names);
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, heatmap);
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, summary);
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, team_list);
  gtk_widget_class_bind_template_child (widget_class, LiaZonesView, slot_list);
  gtk_widget_class_bind_template_callback (widget_class, add_first_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, zone_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, chosen_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_update);
  gtk_widget_class_bind_template_callback (widget_class, schedule_cb);

  gtk_widget_class_install_action (widget_class, "zones.shift-day", "i", shortcut_shift);
  gtk_widget_class_install_action (widget_class, "zones.today", NULL, shortcut_today);
  gtk_widget_class_install_action (widget_class, "zones.refresh-calendars", NULL, shortcut_refresh_calendars);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "zones.shift-day", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "zones.shift-day", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "zones.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "zones.refresh-calendars", NULL);
}

static void
lia_zones_view_init (LiaZonesView *self)
{
  self->zone_ids = g_ptr_array_new_with_free_func (g_free);
  self->team = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_tz_member_free);
  self->team_entities = g_ptr_array_new_with_free_func (g_object_unref);
  self->chosen = g_ptr_array_new ();
  self->chosen_entities = g_ptr_array_new ();
  self->slots = g_list_store_new (LIA_TYPE_SLOT_ITEM);
  self->calendars = lia_live_calendars_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->refresh = lia_refresh_new (GTK_WIDGET (self), (LiaRefreshFunc) update, TRUE);
  /* After the refresh's own map handler, which brings the day up to date. */
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmapped_cb), NULL);
  g_signal_connect_object (self->calendars, "changed", G_CALLBACK (calendars_changed_cb), self, G_CONNECT_SWAPPED);
  lia_team_list_set_calendars (self->team_list, self->calendars);
  lia_slot_list_set_slots (self->slot_list, G_LIST_MODEL (self->slots));
}

void
lia_zones_view_set_workspace (LiaZonesView *self,
                              LiaWorkspace *workspace)
{
  g_return_if_fail (LIA_IS_ZONES_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_members (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_set_object (&self->workspace, workspace);
  lia_live_calendars_clear (self->calendars);
  lia_team_list_set_members (self->team_list, workspace ? lia_workspace_get_members (workspace) : NULL);
  lia_team_list_set_history (self->team_list, workspace ? lia_workspace_get_history (workspace) : NULL);
  g_object_notify (G_OBJECT (self), "workspace");
  read_only_changed_cb (self);
  if (workspace == NULL)
    return;

  g_signal_connect_object (lia_workspace_get_members (workspace), "items-changed",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::read-only",
                           G_CALLBACK (read_only_changed_cb), self, G_CONNECT_SWAPPED);
  /* Nothing is computed at start-up unless the page is what shows. */
  lia_refresh_now_or_when_shown (self->refresh);
}

void
lia_zones_view_set_date (LiaZonesView *self,
                         GDate        *date)
{
  g_return_if_fail (LIA_IS_ZONES_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* A new date updates the page through the bar's notify::date. */
  if (g_date_compare (date, lia_day_bar_get_date (self->day_bar)) == 0)
    update (self);
  else
    lia_day_bar_set_date (self->day_bar, date);
}

void
lia_zones_view_set_view_zone (LiaZonesView *self,
                              const char   *zone)
{
  g_return_if_fail (LIA_IS_ZONES_VIEW (self));

  g_free (self->view_zone);
  self->view_zone = g_strdup (zone);
  update (self);
}

LiaMemberDialog *
lia_zones_view_add_member (LiaZonesView *self)
{
  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), NULL);

  return lia_team_list_add_member (self->team_list);
}

LiaMemberDialog *
lia_zones_view_edit_member (LiaZonesView *self,
                            guint         position)
{
  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), NULL);

  return lia_team_list_edit_member (self->team_list, position);
}

void
lia_zones_view_remove_member (LiaZonesView *self,
                              guint         position)
{
  g_return_if_fail (LIA_IS_ZONES_VIEW (self));

  lia_team_list_remove_member (self->team_list, position);
}

/* A meeting at the slot, in the viewer's zone when it is a named zone
 * (else the first invited member's), with the members it is for. */
gboolean
lia_zones_view_schedule_slot (LiaZonesView *self,
                              guint         index)
{
  g_autoptr(LiaSlotItem) item = NULL;
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GStrvBuilder) attendees = g_strv_builder_new ();
  g_auto(GStrv) attendee_ids = NULL;
  g_autofree char *when = NULL;
  g_autofree char *toast = NULL;
  const char *zone_id = self->view_zone;
  GListStore *meetings;

  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), FALSE);

  if (!writable (self) || self->chosen->len == 0)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (self->slots), index);
  if (item == NULL)
    return FALSE;

  if (zone_id == NULL)
    {
      g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
      g_autoptr(GTimeZone) named = g_time_zone_new_identifier (g_time_zone_get_identifier (local_zone));
      const char *local_id = g_time_zone_get_identifier (local_zone);

      if (named != NULL && strchr (local_id, '/') != NULL && local_id[0] != '/')
        zone_id = local_id;
      else if (named != NULL && g_str_equal (local_id, "UTC"))
        zone_id = "UTC";
      else
        zone_id = g_time_zone_get_identifier (lia_tz_member_get_zone (g_ptr_array_index (self->chosen, 0)));
      zone = g_time_zone_new_identifier (zone_id);
      zone_id = g_time_zone_get_identifier (zone);
    }
  else
    zone = g_time_zone_new_identifier (zone_id);

  for (guint i = 0; i < self->chosen_entities->len; i++)
    g_strv_builder_add (attendees, lia_entity_get_id (g_ptr_array_index (self->chosen_entities, i)));
  attendee_ids = g_strv_builder_end (attendees);
  meeting = lia_slot_item_new_meeting (item, zone_id, (const char * const *) attendee_ids);

  meetings = lia_workspace_get_meetings (self->workspace);
  lia_history_begin (history (self), _("Schedule meeting"));
  lia_history_insert (history (self), meetings, g_list_model_get_n_items (G_LIST_MODEL (meetings)), meeting);
  lia_history_end (history (self));

  utc = g_date_time_new_from_unix_utc (lia_slot_item_get_slot (item)->start);
  local = g_date_time_to_timezone (utc, zone);
  when = g_date_time_format (local, _("%a %e %b, %H:%M"));
  /* Translators: %s is a day and time */
  toast = g_strdup_printf (_("Meeting scheduled for %s"), when);
  /* "Open" goes to the new meeting (Ctrl+Z still undoes). */
  lia_show_action_toast (GTK_WIDGET (self), toast, _("_Open"), "win.open-meeting",
                         g_variant_new_string (lia_entity_get_id (LIA_ENTITY (meeting))));
  return TRUE;
}

LiaHeatmap *
lia_zones_view_get_heatmap (LiaZonesView *self)
{
  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), NULL);

  return self->heatmap;
}

guint
lia_zones_view_get_n_slots (LiaZonesView *self)
{
  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->slots));
}

const LiaSlot *
lia_zones_view_get_slot (LiaZonesView *self,
                         guint         index)
{
  g_autoptr(LiaSlotItem) item = NULL;

  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->slots), index);
  /* The store keeps the item, and the item its slot. */
  return item != NULL ? lia_slot_item_get_slot (item) : NULL;
}

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_zones_view_add_member (LIA_ZONES_VIEW (area));
}

static void
lia_zones_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
}
