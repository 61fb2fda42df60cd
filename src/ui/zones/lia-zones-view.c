/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-zones-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-widgets.h"
#include "lia-model.h"
#include "lia-slots.h"
#include "lia-toast.h"
#include "lia-zones-view.h"

/* The time-zone planner: the team with each member's zone, a heatmap of
 * one day in the viewer's zone, and ranked meeting slots in the week from
 * that day, any of which becomes a meeting of the workspace.  A meeting
 * is often for some of the team only (the article's San Francisco, London
 * and Beijing): a check box on each member's row says who it is for, and
 * the heatmap, the overlap, the slots and the scheduled meeting's
 * attendees follow it. */

#define SLOT_DAYS 7
#define SLOT_COUNT 5

static const int durations[] = { 30, 45, 60, 90, 120 };

struct _LiaZonesView
{
  GtkWidget        parent_instance;

  LiaWorkspace    *workspace;
  GPtrArray       *team;         /* LiaTzMember, one per member entity that could be read */
  GPtrArray       *team_entities; /* LiaMember, parallel to team */
  GPtrArray       *chosen;       /* LiaTzMember of team, the members the meeting is for */
  GPtrArray       *chosen_entities; /* LiaMember, parallel to chosen */
  GHashTable      *left_out;     /* ids of members not in the meeting; new members are in */
  GPtrArray       *slots;        /* LiaSlot */
  GDate            date;
  char            *view_zone;    /* NULL: local time */
  guint            rebuild_id;
  gboolean         stale;        /* changed while hidden */
  gboolean         updating_zones;
  gboolean         following_date; /* the calendar is being moved to date */

  GtkStack        *stack;
  GtkWidget       *date_button;
  GtkCalendar     *calendar;
  GtkDropDown     *zone_dropdown;
  GtkStringList   *zone_names;
  GPtrArray       *zone_ids;     /* char*, parallel to zone_names; NULL = local */
  LiaHeatmap      *heatmap;
  GtkLabel        *summary;
  AdwPreferencesGroup *team_group;
  AdwPreferencesGroup *slots_group;
  GtkDropDown     *duration_dropdown;
  GPtrArray       *team_rows;
  GPtrArray       *slot_rows;
};

G_DEFINE_FINAL_TYPE (LiaZonesView, lia_zones_view, GTK_TYPE_WIDGET)

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
read_team (LiaZonesView *self)
{
  GListModel *members = G_LIST_MODEL (lia_workspace_get_members (self->workspace));

  /* The heatmap and the selection point into the old team. */
  lia_heatmap_set_team (self->heatmap, NULL);
  g_ptr_array_set_size (self->chosen, 0);
  g_ptr_array_set_size (self->chosen_entities, 0);
  g_clear_pointer (&self->team, g_ptr_array_unref);
  g_clear_pointer (&self->team_entities, g_ptr_array_unref);
  self->team = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_tz_member_free);
  self->team_entities = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaMember) entity = g_list_model_get_item (members, i);
      g_autoptr(GError) error = NULL;
      LiaTzMember *m = lia_tz_member_new_from_entity (entity, &error);

      if (m == NULL)
        {
          g_warning ("%s", error->message);
          continue;
        }
      g_ptr_array_add (self->team, m);
      if (!g_hash_table_contains (self->left_out, lia_entity_get_id (LIA_ENTITY (entity))))
        {
          g_ptr_array_add (self->chosen, m);
          g_ptr_array_add (self->chosen_entities, entity);
        }
      g_ptr_array_add (self->team_entities, g_steal_pointer (&entity));
    }
}

static void update_plan (LiaZonesView *self);

static void
chosen_toggled_cb (GtkCheckButton *check,
                   LiaZonesView   *self)
{
  LiaEntity *entity = g_object_get_data (G_OBJECT (check), "member");
  const char *id = lia_entity_get_id (entity);

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->left_out, id);
  else
    g_hash_table_add (self->left_out, g_strdup (id));

  /* Only what depends on the selection is redone: the rows stay, and so
   * does the keyboard focus on the check box. */
  g_ptr_array_set_size (self->chosen, 0);
  g_ptr_array_set_size (self->chosen_entities, 0);
  for (guint i = 0; i < self->team->len; i++)
    if (!g_hash_table_contains (self->left_out, lia_entity_get_id (g_ptr_array_index (self->team_entities, i))))
      {
        g_ptr_array_add (self->chosen, g_ptr_array_index (self->team, i));
        g_ptr_array_add (self->chosen_entities, g_ptr_array_index (self->team_entities, i));
      }
  update_plan (self);
}

static char *
days_text (LiaEntity *member)
{
  const char * const *days = lia_entity_get_strv (member, LIA_MEMBER_WORK_DAYS);
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  GString *text = g_string_new (NULL);
  guint mask = 0;
  int first = -1;

  for (guint d = 0; d < 7; d++)
    if (days != NULL && g_strv_contains (days, lia_weekday_choices[d]))
      mask |= 1u << d;

  /* Runs of days as ranges: Mon–Fri, Sun–Thu (as Mon–Thu, Sun). */
  for (int d = 0; d <= 7; d++)
    {
      gboolean on = d < 7 && (mask & (1u << d));

      if (on && first < 0)
        first = d;
      if (!on && first >= 0)
        {
          g_autoptr(GDateTime) a = g_date_time_add_days (monday, first);
          g_autoptr(GDateTime) b = g_date_time_add_days (monday, d - 1);
          g_autofree char *an = g_date_time_format (a, "%a");
          g_autofree char *bn = g_date_time_format (b, "%a");

          if (text->len > 0)
            g_string_append (text, _(", "));
          if (first == d - 1)
            g_string_append (text, an);
          else
            g_string_append_printf (text, "%s–%s", an, bn);
          first = -1;
        }
    }
  if (text->len == 0)
    g_string_append (text, _("no working days"));
  return g_string_free (text, FALSE);
}

static void
edit_clicked_cb (GtkWidget    *button,
                 LiaZonesView *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  lia_zones_view_edit_member (self, position);
}

static void
remove_clicked_cb (GtkWidget    *button,
                   LiaZonesView *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  lia_zones_view_remove_member (self, position);
}

static void
row_activated_cb (AdwActionRow *row,
                  LiaZonesView *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position"));
  lia_zones_view_edit_member (self, position);
}

static guint
member_position (LiaZonesView *self,
                 LiaMember    *member)
{
  guint position = 0;

  g_list_store_find (lia_workspace_get_members (self->workspace), member, &position);
  return position;
}

static void
rebuild_team_rows (LiaZonesView *self,
                   gint64        noon)
{
  for (guint i = 0; i < self->team_rows->len; i++)
    adw_preferences_group_remove (self->team_group, g_ptr_array_index (self->team_rows, i));
  g_ptr_array_set_size (self->team_rows, 0);

  for (guint i = 0; i < self->team->len; i++)
    {
      LiaTzMember *m = g_ptr_array_index (self->team, i);
      LiaEntity *entity = g_ptr_array_index (self->team_entities, i);
      guint position = member_position (self, LIA_MEMBER (entity));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *offsets = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *now_label, *standard_label, *edit, *remove;
      GtkWidget *check = gtk_check_button_new ();
      /* Translators: the accessible name of the check box on a member's row */
      g_autofree char *check_label = g_strdup_printf (_("Include %s in the meeting"), lia_tz_member_get_label (m));
      g_autofree char *offset = lia_format_offset (lia_tz_member_offset_at (m, noon));
      g_autofree char *abbreviation = lia_tz_member_format (m, noon, "%Z");
      g_autofree char *standard_abbreviation = NULL;
      int standard = lia_zone_standard_offset (lia_tz_member_get_zone (m), noon, &standard_abbreviation);
      g_autofree char *standard_offset = lia_format_offset (standard);
      g_autofree char *now_text = g_strdup_printf ("%s %s", offset, abbreviation);
      /* Translators: the zone's offset outside daylight saving time, as fixed-offset tables give it */
      g_autofree char *standard_text = g_strdup_printf (_("standard %s %s"), standard_offset, standard_abbreviation);
      g_autofree char *days = days_text (entity);
      const char *city = lia_entity_get_string (entity, LIA_MEMBER_CITY);
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s · %s–%s · %s",
                                                   city, city[0] ? " · " : "",
                                                   lia_entity_get_string (entity, LIA_MEMBER_TIMEZONE),
                                                   lia_entity_get_string (entity, LIA_MEMBER_WORK_START),
                                                   lia_entity_get_string (entity, LIA_MEMBER_WORK_END),
                                                   days);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_tz_member_get_label (m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !g_hash_table_contains (self->left_out, lia_entity_get_id (entity)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, _("Include in the meeting"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
      g_object_set_data_full (G_OBJECT (check), "member", g_object_ref (entity), g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (chosen_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

      now_label = gtk_label_new (now_text);
      gtk_widget_set_halign (now_label, GTK_ALIGN_END);
      gtk_widget_add_css_class (now_label, "numeric");
      standard_label = gtk_label_new (standard_text);
      gtk_widget_set_halign (standard_label, GTK_ALIGN_END);
      gtk_widget_add_css_class (standard_label, "dim-label");
      gtk_widget_add_css_class (standard_label, "caption");
      gtk_widget_set_visible (standard_label, standard != lia_tz_member_offset_at (m, noon));
      gtk_box_append (GTK_BOX (offsets), now_label);
      gtk_box_append (GTK_BOX (offsets), standard_label);
      gtk_widget_set_valign (offsets, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), offsets);

      if (writable (self))
        {
          edit = lia_icon_button_new ("document-edit-symbolic", _("Edit Member"));
          remove = lia_icon_button_new ("user-trash-symbolic", _("Remove Member"));
          g_object_set_data (G_OBJECT (edit), "position", GUINT_TO_POINTER (position));
          g_object_set_data (G_OBJECT (remove), "position", GUINT_TO_POINTER (position));
          g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (position));
          g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
          g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        }

      adw_preferences_group_add (self->team_group, row);
      g_ptr_array_add (self->team_rows, row);
    }
}

/* The viewer's zone: local time, UTC, or any member's. */
static void
rebuild_zone_choices (LiaZonesView *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *local_name = g_strdup_printf (_("Local Time (%s)"), g_time_zone_get_identifier (local));
  guint selected = 0;

  self->updating_zones = TRUE;
  g_ptr_array_set_size (self->zone_ids, 0);
  gtk_string_list_splice (self->zone_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->zone_names)), NULL);

  gtk_string_list_append (self->zone_names, local_name);
  g_ptr_array_add (self->zone_ids, NULL);
  gtk_string_list_append (self->zone_names, "UTC");
  g_ptr_array_add (self->zone_ids, g_strdup ("UTC"));
  for (guint i = 0; i < self->team->len; i++)
    {
      LiaTzMember *m = g_ptr_array_index (self->team, i);
      const char *id = g_time_zone_get_identifier (lia_tz_member_get_zone (m));
      g_autofree char *name = g_strdup_printf ("%s (%s)", lia_tz_member_get_label (m), id);

      gtk_string_list_append (self->zone_names, name);
      g_ptr_array_add (self->zone_ids, g_strdup (id));
    }

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
schedule_clicked_cb (GtkWidget    *button,
                     LiaZonesView *self)
{
  lia_zones_view_schedule_slot (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static int
selected_duration (LiaZonesView *self)
{
  guint i = gtk_drop_down_get_selected (self->duration_dropdown);
  return durations[MIN (i, G_N_ELEMENTS (durations) - 1)];
}

static void
rebuild_slots (LiaZonesView *self,
               gint64        from)
{
  g_autoptr(GTimeZone) zone = view_time_zone (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;

  for (guint i = 0; i < self->slot_rows->len; i++)
    adw_preferences_group_remove (self->slots_group, g_ptr_array_index (self->slot_rows, i));
  g_ptr_array_set_size (self->slot_rows, 0);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  if (self->chosen->len == 0)
    return;
  self->slots = lia_slots_suggest ((LiaTzMember **) self->chosen->pdata, self->chosen->len, from,
                                   from + SLOT_DAYS * 86400, selected_duration (self), SLOT_COUNT, &error);
  if (self->slots == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  /* Suggestions speak of places ("early for San Francisco"), as the
   * article does; a member without a city is named. */
  names = g_ptr_array_new ();
  for (guint m = 0; m < self->chosen_entities->len; m++)
    {
      LiaEntity *entity = g_ptr_array_index (self->chosen_entities, m);
      const char *city = lia_entity_get_string (entity, LIA_MEMBER_CITY);

      g_ptr_array_add (names, (gpointer) (city != NULL && city[0] != '\0' ? city : lia_entity_get_string (entity, LIA_MEMBER_NAME)));
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      LiaSlot *slot = g_ptr_array_index (self->slots, i);
      g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (slot->start);
      g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (slot->end);
      g_autoptr(GDateTime) la = g_date_time_to_timezone (a, zone);
      g_autoptr(GDateTime) lb = g_date_time_to_timezone (b, zone);
      /* Translators: a weekday, day and month, and a time (strftime format) */
      g_autofree char *start = g_date_time_format (la, _("%a %e %b, %H:%M"));
      g_autofree char *end = g_date_time_format (lb, "%H:%M");
      g_autofree char *title = g_strdup_printf ("%s–%s", start, end);
      g_autofree char *why = lia_slot_explain (slot, self->chosen->len, (const char * const *) names->pdata);
      GString *subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Schedule"));
      g_autofree char *button_label = g_strdup_printf (_("Schedule a meeting at %s"), title);

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
      for (guint m = 0; m < self->chosen->len; m++)
        if (slot->member_fit[m] != LIA_SLOT_FIT_INSIDE)
          {
            LiaTzMember *member = g_ptr_array_index (self->chosen, m);
            g_autofree char *local = lia_tz_member_format (member, slot->start, "%a %H:%M");

            /* Translators: a member and their local weekday and time */
            g_string_append_printf (subtitle, _("\n%s: %s"), lia_tz_member_get_label (member), local);
          }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      g_string_free (subtitle, TRUE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
      gtk_widget_set_sensitive (button, writable (self));
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (schedule_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->slots_group, row);
      g_ptr_array_add (self->slot_rows, row);
    }
}

static void
rebuild (LiaZonesView *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *date_text = NULL;
  gint64 noon;
  char buffer[128];

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->stale = FALSE;
  if (self->workspace == NULL)
    return;

  read_team (self);
  gtk_stack_set_visible_child_name (self->stack, self->team->len > 0 ? "team" : "empty");
  rebuild_zone_choices (self);
  zone = view_time_zone (self);

  g_date_strftime (buffer, sizeof buffer, _("%a %e %b %Y"), &self->date);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), buffer);

  lia_heatmap_set_team (self->heatmap, self->team);
  lia_heatmap_set_day (self->heatmap, zone, &self->date);
  update_plan (self);

  noon = (lia_heatmap_get_start (self->heatmap) + lia_heatmap_get_end (self->heatmap)) / 2;
  rebuild_team_rows (self, noon);
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
  rebuild_slots (self, from);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  LiaZonesView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Every edit anywhere in the workspace comes through here; while the page
 * is hidden it only notes that it is out of date. */
static void
queue_rebuild (LiaZonesView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
lia_zones_view_map (GtkWidget *widget)
{
  LiaZonesView *self = LIA_ZONES_VIEW (widget);

  GTK_WIDGET_CLASS (lia_zones_view_parent_class)->map (widget);
  if (self->stale)
    rebuild (self);
}

/* Date and zone */

void
lia_zones_view_set_date (LiaZonesView *self,
                         GDate        *date)
{
  g_return_if_fail (LIA_IS_ZONES_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  /* The calendar shows the date on screen, so that picking any other day
   * (not only another day number than today's) changes something. */
  {
    g_autoptr(GDateTime) shown = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                        g_date_get_day (date), 12, 0, 0);

    self->following_date = TRUE;
    gtk_calendar_select_day (self->calendar, shown);
    self->following_date = FALSE;
  }
  rebuild (self);
}

static void
shift_date (LiaZonesView *self,
            int           days)
{
  GDate date = self->date;

  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  lia_zones_view_set_date (self, &date);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

static void
previous_day_cb (LiaZonesView *self)
{
  shift_date (self, -1);
}

static void
next_day_cb (LiaZonesView *self)
{
  shift_date (self, 1);
}

static void
today_cb (LiaZonesView *self)
{
  GDate date;

  today (&date);
  lia_zones_view_set_date (self, &date);
}

/* GtkCalendar 4.8 emits day-selected only when the day number changes;
 * the same day number in another month or year only notifies month or
 * year, and the view follows those too. */
static void
calendar_date_changed_cb (LiaZonesView *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  GDate date;

  if (self->following_date)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked), g_date_time_get_year (picked));
  if (g_date_compare (&date, &self->date) != 0)
    lia_zones_view_set_date (self, &date);
}

static void
calendar_day_selected_cb (LiaZonesView *self)
{
  calendar_date_changed_cb (self);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
}

static void
zone_selected_cb (LiaZonesView *self)
{
  guint i = gtk_drop_down_get_selected (self->zone_dropdown);

  if (self->updating_zones || i >= self->zone_ids->len)
    return;
  g_free (self->view_zone);
  self->view_zone = g_strdup (g_ptr_array_index (self->zone_ids, i));
  queue_rebuild (self);
}

void
lia_zones_view_set_view_zone (LiaZonesView *self,
                              const char   *zone)
{
  g_return_if_fail (LIA_IS_ZONES_VIEW (self));

  g_free (self->view_zone);
  self->view_zone = g_strdup (zone);
  rebuild (self);
}

/* Editing */

static void
member_saved_cb (LiaMemberDialog *dialog,
                 LiaMember       *copy,
                 LiaZonesView    *self)
{
  LiaMember *original = g_object_get_data (G_OBJECT (dialog), "original");
  GListStore *store = lia_workspace_get_members (self->workspace);

  if (!writable (self))
    return;

  if (original == NULL)
    {
      lia_history_begin (history (self), _("Add member"));
      lia_history_insert (history (self), store, g_list_model_get_n_items (G_LIST_MODEL (store)), copy);
      lia_history_end (history (self));
      return;
    }

  lia_history_begin (history (self), _("Edit member"));
  for (guint f = 0; f < LIA_MEMBER_N_FIELDS; f++)
    {
      const GValue *value = lia_entity_peek_value (LIA_ENTITY (copy), f);
      if (!lia_entity_value_equal (LIA_ENTITY (original), f, value))
        lia_history_set_value (history (self), LIA_ENTITY (original), f, value, FALSE);
    }
  lia_history_end (history (self));
}

static LiaMemberDialog *
open_dialog (LiaZonesView *self,
             LiaMember    *member)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LiaMemberDialog *dialog;

  if (!writable (self))
    return NULL;
  dialog = lia_member_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, member);
  if (member != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "original", g_object_ref (member), g_object_unref);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (member_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

LiaMemberDialog *
lia_zones_view_add_member (LiaZonesView *self)
{
  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), NULL);

  return open_dialog (self, NULL);
}

LiaMemberDialog *
lia_zones_view_edit_member (LiaZonesView *self,
                            guint         position)
{
  g_autoptr(LiaMember) member = NULL;

  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), NULL);

  member = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_members (self->workspace)), position);
  if (member == NULL)
    return NULL;
  return open_dialog (self, member);
}

void
lia_zones_view_remove_member (LiaZonesView *self,
                              guint         position)
{
  GListStore *store;
  g_autoptr(LiaMember) member = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (LIA_IS_ZONES_VIEW (self));

  if (!writable (self))
    return;
  store = lia_workspace_get_members (self->workspace);
  member = g_list_model_get_item (G_LIST_MODEL (store), position);
  if (member == NULL)
    return;

  /* Translators: shown with Undo after a team member was removed */
  title = g_strdup_printf (_("Removed %s"), lia_entity_get_string (LIA_ENTITY (member), LIA_MEMBER_NAME));
  lia_history_begin (history (self), _("Remove member"));
  lia_history_remove (history (self), store, position);
  lia_history_end (history (self));
  lia_show_undo_toast (GTK_WIDGET (self), title);
}

/* A meeting at the slot, in the viewer's zone when it is a named zone
 * (else the first invited member's), with the members it is for invited
 * and one agenda item as long as the slot. */
gboolean
lia_zones_view_schedule_slot (LiaZonesView *self,
                              guint         index)
{
  LiaSlot *slot;
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(LiaAgendaItem) item = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GStrvBuilder) attendees = g_strv_builder_new ();
  g_auto(GStrv) attendee_ids = NULL;
  g_autofree char *start = NULL;
  g_autofree char *when = NULL;
  g_autofree char *toast = NULL;
  const char *zone_id = self->view_zone;
  GListStore *meetings;

  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), FALSE);

  if (!writable (self) || self->slots == NULL || index >= self->slots->len)
    return FALSE;
  slot = g_ptr_array_index (self->slots, index);

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

  utc = g_date_time_new_from_unix_utc (slot->start);
  local = g_date_time_to_timezone (utc, zone);
  start = g_date_time_format (local, "%Y-%m-%dT%H:%M");
  when = g_date_time_format (local, _("%a %e %b, %H:%M"));

  for (guint i = 0; i < self->chosen_entities->len; i++)
    g_strv_builder_add (attendees, lia_entity_get_id (g_ptr_array_index (self->chosen_entities, i)));
  attendee_ids = g_strv_builder_end (attendees);

  meeting = lia_meeting_new ();
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, _("Team meeting"));
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, zone_id);
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES, (const char * const *) attendee_ids);
  lia_entity_set_int (LIA_ENTITY (meeting), LIA_MEETING_DURATION, (int) ((slot->end - slot->start) / 60));
  item = lia_agenda_item_new ();
  lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_TITLE, _("Discussion"));
  lia_entity_set_int (LIA_ENTITY (item), LIA_AGENDA_ITEM_DURATION, (int) ((slot->end - slot->start) / 60));
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA), item);

  meetings = lia_workspace_get_meetings (self->workspace);
  lia_history_begin (history (self), _("Schedule meeting"));
  lia_history_insert (history (self), meetings, g_list_model_get_n_items (G_LIST_MODEL (meetings)), meeting);
  lia_history_end (history (self));

  /* Translators: %s is a day and time */
  toast = g_strdup_printf (_("Meeting scheduled for %s"), when);
  /* "Open" goes to the new meeting (Ctrl+Z still undoes). */
  lia_show_action_toast (GTK_WIDGET (self), toast, _("_Open"), "win.open-meeting",
                         g_variant_new_string (lia_entity_get_id (LIA_ENTITY (meeting))));
  return TRUE;
}

/* Widget */

/* Dropdown items as labels that ellipsize, so long zone names do not make
 * the page wider than a phone. */
static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkWidget *
legend_item (const char *css_class,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_size_request (swatch, 14, 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (swatch, "heatmap-swatch");
  gtk_widget_add_css_class (swatch, css_class);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
build (LiaZonesView *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *add_first = gtk_button_new_with_mnemonic (_("_Add Member"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *date_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *prev = lia_icon_button_new ("go-previous-symbolic", _("Previous Day"));
  GtkWidget *next = lia_icon_button_new ("go-next-symbolic", _("Next Day"));
  GtkWidget *today_button = gtk_button_new_with_mnemonic (_("_Today"));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *zone_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *zone_label = gtk_label_new_with_mnemonic (_("_Show hours in"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *legend = gtk_flow_box_new ();
  GtkStringList *duration_names = gtk_string_list_new (NULL);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "preferences-system-time-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Team Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the people you work with and their cities to see when your working hours overlap."));
  gtk_widget_set_halign (add_first, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_first, "pill");
  gtk_widget_add_css_class (add_first, "suggested-action");
  g_signal_connect_swapped (add_first, "clicked", G_CALLBACK (lia_zones_view_add_member), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), add_first);
  gtk_stack_add_named (self->stack, empty, "empty");

  /* Date: previous, the date (a calendar pops up), next, today. */
  gtk_widget_add_css_class (nav, "linked");
  self->date_button = gtk_menu_button_new ();
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->date_button), popover);
  gtk_widget_set_tooltip_text (self->date_button, _("Choose Date"));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect_swapped (self->calendar, "notify::month", G_CALLBACK (calendar_date_changed_cb), self);
  g_signal_connect_swapped (self->calendar, "notify::year", G_CALLBACK (calendar_date_changed_cb), self);
  gtk_widget_remove_css_class (prev, "flat");
  gtk_widget_remove_css_class (next, "flat");
  gtk_box_append (GTK_BOX (nav), prev);
  gtk_box_append (GTK_BOX (nav), self->date_button);
  gtk_box_append (GTK_BOX (nav), next);
  gtk_box_append (GTK_BOX (date_row), nav);
  gtk_box_append (GTK_BOX (date_row), today_button);
  g_signal_connect_swapped (prev, "clicked", G_CALLBACK (previous_day_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (next_day_cb), self);
  g_signal_connect_swapped (today_button, "clicked", G_CALLBACK (today_cb), self);

  self->zone_names = gtk_string_list_new (NULL);
  self->zone_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->zone_names), NULL));
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
    gtk_drop_down_set_factory (self->zone_dropdown, factory);
    g_object_unref (factory);
  }
  gtk_widget_set_hexpand (GTK_WIDGET (self->zone_dropdown), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->zone_dropdown), GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (zone_label), GTK_WIDGET (self->zone_dropdown));
  g_signal_connect_swapped (self->zone_dropdown, "notify::selected", G_CALLBACK (zone_selected_cb), self);
  gtk_box_append (GTK_BOX (zone_row), zone_label);
  gtk_box_append (GTK_BOX (zone_row), GTK_WIDGET (self->zone_dropdown));

  self->heatmap = LIA_HEATMAP (lia_heatmap_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->heatmap), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self->heatmap), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->heatmap), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->heatmap), 6);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->heatmap));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (legend), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (legend), 12);
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("working", _("Working")));
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("busy", _("Busy")));
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("off", _("Off hours")));
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("night", _("Night")));
  gtk_flow_box_append (GTK_FLOW_BOX (legend), legend_item ("overlap", _("Overlap")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (legend), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_selectable (self->summary, TRUE);

  self->team_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->team_group, _("Team"));
  adw_preferences_group_set_description (self->team_group,
                                         _("Each member’s offset on the chosen date; where daylight saving time applies, the standard offset (the one fixed tables list) is shown below it."));
  /* Members are added with the header's + (one add per page). */

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autofree char *name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", durations[i]), durations[i]);
      gtk_string_list_append (duration_names, name);
    }
  self->duration_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (duration_names), NULL));
  gtk_drop_down_set_selected (self->duration_dropdown, 2);
  gtk_widget_set_valign (GTK_WIDGET (self->duration_dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->duration_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meeting length"), -1);
  g_signal_connect_swapped (self->duration_dropdown, "notify::selected", G_CALLBACK (queue_rebuild), self);
  self->slots_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->slots_group, _("Meeting Slots"));
  adw_preferences_group_set_description (self->slots_group,
                                         _("The best times in the seven days from the chosen date for the members ticked above. An early morning or a late evening costs little, the middle of the night a lot; each suggestion says whom it asks what of."));
  adw_preferences_group_set_header_suffix (self->slots_group, GTK_WIDGET (self->duration_dropdown));

  gtk_box_append (GTK_BOX (content), date_row);
  gtk_box_append (GTK_BOX (content), zone_row);
  gtk_box_append (GTK_BOX (content), frame);
  gtk_box_append (GTK_BOX (content), legend);
  /* The overlap sentence changes length as members are ticked in and out:
   * below the team, so that the check boxes never move under the pointer. */
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->team_group));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->slots_group));
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "team");
}

static void
lia_zones_view_dispose (GObject *object)
{
  LiaZonesView *self = LIA_ZONES_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (lia_zones_view_parent_class)->dispose (object);
}

static void
lia_zones_view_finalize (GObject *object)
{
  LiaZonesView *self = LIA_ZONES_VIEW (object);

  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_entities, g_ptr_array_unref);
  g_clear_pointer (&self->left_out, g_hash_table_unref);
  g_clear_pointer (&self->team, g_ptr_array_unref);
  g_clear_pointer (&self->team_entities, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);
  g_clear_pointer (&self->team_rows, g_ptr_array_unref);
  g_clear_pointer (&self->slot_rows, g_ptr_array_unref);
  g_free (self->view_zone);
  G_OBJECT_CLASS (lia_zones_view_parent_class)->finalize (object);
}

static void
shortcut_shift (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  shift_date (LIA_ZONES_VIEW (widget), g_variant_get_int32 (param));
}

static void
shortcut_today (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  today_cb (LIA_ZONES_VIEW (widget));
}

static void
lia_zones_view_class_init (LiaZonesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_zones_view_dispose;
  object_class->finalize = lia_zones_view_finalize;
  widget_class->map = lia_zones_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "zones.shift-day", "i", shortcut_shift);
  gtk_widget_class_install_action (widget_class, "zones.today", NULL, shortcut_today);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "zones.shift-day", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "zones.shift-day", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "zones.today", NULL);
}

static void
lia_zones_view_init (LiaZonesView *self)
{
  self->zone_ids = g_ptr_array_new_with_free_func (g_free);
  self->team_rows = g_ptr_array_new ();
  self->slot_rows = g_ptr_array_new ();
  self->team = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_tz_member_free);
  self->chosen = g_ptr_array_new ();
  self->chosen_entities = g_ptr_array_new ();
  self->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  today (&self->date);
  build (self);
}

void
lia_zones_view_set_workspace (LiaZonesView *self,
                              LiaWorkspace *workspace)
{
  g_return_if_fail (LIA_IS_ZONES_VIEW (self));

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_members (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_set_object (&self->workspace, workspace);
  if (workspace == NULL)
    return;

  g_signal_connect_object (lia_workspace_get_members (workspace), "items-changed",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::read-only",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  /* Nothing is computed at start-up unless the page is what shows. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
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

  return self->slots ? self->slots->len : 0;
}

const LiaSlot *
lia_zones_view_get_slot (LiaZonesView *self,
                         guint         index)
{
  g_return_val_if_fail (LIA_IS_ZONES_VIEW (self), NULL);

  if (self->slots == NULL || index >= self->slots->len)
    return NULL;
  return g_ptr_array_index (self->slots, index);
}
