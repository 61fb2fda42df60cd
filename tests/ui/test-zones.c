/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-test-widgets.h"
#include "lia-window.h"
#include "zones/lia-city-search.h"
#include "zones/lia-slot-list-private.h"
#include "zones/lia-zones-view.h"

/* The Time Zones page in the real window under Xvfb: a member added by
 * searching for a city, the heatmap's overlap, editing, removal, undo,
 * scheduling a meeting from a slot, and the narrow layout. */

static const char workspace_json[] =
  "{\"format\": \"liaison-workspace\", \"version\": 1, \"title\": \"Zones\", \"members\": ["
  "{\"id\": \"5b0f6f2e-7d1c-4a55-9b39-0c0e0d6a1a01\", \"name\": \"Facilitator\", \"city\": \"London\","
  " \"timezone\": \"Europe/London\"}]}";

#define spin lia_test_spin
#define has_label lia_test_has_label
#define has_title lia_test_has_title

typedef struct
{
  LiaWindow    *window;
  LiaWorkspace *workspace;
  LiaZonesView *view;
  LiaHeatmap   *heatmap;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  f->workspace = lia_workspace_new_from_data (workspace_json, strlen (workspace_json), "zones.liaison", &error);
  g_assert_no_error (error);
  f->window = g_object_new (LIA_TYPE_WINDOW, NULL);
  lia_window_set_workspace (f->window, f->workspace);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  lia_window_show_area (f->window, "zones");
  spin (300);

  f->view = LIA_ZONES_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_ZONES_VIEW));
  g_assert_nonnull (f->view);
  f->heatmap = lia_zones_view_get_heatmap (f->view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->heatmap)));

  /* A summer day, shown in UTC: London is on BST (UTC+1).  Now is fixed
   * the day before (2026-07-14T12:00Z), so that no slot is past whatever
   * day the test runs on. */
  lia_heatmap_set_now (f->heatmap, 1784030400);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_JULY, 2026);
  lia_zones_view_set_view_zone (f->view, "UTC");
  lia_zones_view_set_date (f->view, &date);
  spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->workspace);
  spin (50);
}

static GListModel *
members (Fixture *f)
{
  return G_LIST_MODEL (lia_workspace_get_members (f->workspace));
}

static void
add_by_city (Fixture    *f,
             const char *name,
             const char *search,
             const char *expect_city,
             const char *expect_zone)
{
  LiaMemberDialog *dialog = lia_zones_view_add_member (f->view);
  GtkWidget *name_row, *city_row, *zone_row, *first, *save;

  g_assert_nonnull (dialog);
  spin (100);
  name_row = lia_test_find_widget (GTK_WIDGET (dialog), has_title, "Name");
  city_row = lia_test_find_widget (GTK_WIDGET (dialog), has_title, "City");
  zone_row = lia_test_find_widget (GTK_WIDGET (dialog), has_title, "Time Zone");
  save = lia_test_find_widget (GTK_WIDGET (dialog), has_label, "_Save");
  g_assert_nonnull (name_row);
  g_assert_nonnull (city_row);
  g_assert_nonnull (save);

  /* Nothing to save without a name and a zone. */
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (city_row), search);
  spin (50);

  /* The first match is the city, and picking it fills in its zone. */
  first = lia_test_find_widget (GTK_WIDGET (dialog), has_title, expect_city);
  g_assert_nonnull (first);
  g_assert_true (gtk_widget_get_mapped (first));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (first)), ==, 0);
  g_assert_true (gtk_widget_activate (first));
  spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone_row)), ==, expect_zone);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (city_row)), ==, expect_city);
  g_assert_true (gtk_widget_get_sensitive (save));

  g_signal_emit_by_name (save, "clicked");
  spin (100);
}

static void
test_add_by_city_search (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LiaEntity) added = NULL;
  g_autofree char *hover = NULL;
  int width;

  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==, "Facilitator works 08:00–17:00 (UTC).");

  add_by_city (f, "Test Engineer", "Mumbai", "Mumbai", "Asia/Kolkata");
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 2);
  added = g_list_model_get_item (members (f), 1);
  g_assert_cmpstr (lia_entity_get_string (added, LIA_MEMBER_NAME), ==, "Test Engineer");
  g_assert_cmpstr (lia_entity_get_string (added, LIA_MEMBER_CITY), ==, "Mumbai");
  g_assert_cmpstr (lia_entity_get_string (added, LIA_MEMBER_TIMEZONE), ==, "Asia/Kolkata");

  /* London 08:00–17:00Z (BST) and Mumbai 03:30–12:30Z (IST, +5:30). */
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==,
                   "All 2 members are inside working hours 08:00–12:30 (UTC).");

  /* Hovering 10:00 UTC names each member's own time. */
  width = gtk_widget_get_width (GTK_WIDGET (f->heatmap));
  g_assert_cmpint (width, >, 300);
  for (double x = width - 1; x > 0; x -= 0.25)
    {
      g_free (hover);
      hover = lia_heatmap_describe_at (f->heatmap, x);
      if (hover != NULL && g_str_has_prefix (hover, "10:00"))
        break;
    }
  g_assert_nonnull (hover);
  g_assert_cmpstr (hover, ==, "10:00 UTC\nFacilitator: Wed 11:00, working\nTest Engineer: Wed 15:30, working");

  /* Right to left the hours run from the right: the same hour is found at
   * the mirrored place, and the names' side holds no hour. */
  {
    double found = -1;
    g_autofree char *mirrored = NULL;
    g_autofree char *names_side = NULL;

    for (double x = width - 1; x > 0; x -= 0.25)
      {
        g_autofree char *at = lia_heatmap_describe_at (f->heatmap, x);
        if (at != NULL && g_str_has_prefix (at, "10:00"))
          {
            found = x;
            break;
          }
      }
    gtk_widget_set_direction (GTK_WIDGET (f->heatmap), GTK_TEXT_DIR_RTL);
    mirrored = lia_heatmap_describe_at (f->heatmap, width - found);
    names_side = lia_heatmap_describe_at (f->heatmap, width - 2);
    gtk_widget_set_direction (GTK_WIDGET (f->heatmap), GTK_TEXT_DIR_NONE);
    g_assert_cmpstr (mirrored, ==, hover);
    g_assert_null (names_side);
  }

  /* Ctrl+Page Down (the view's action) moves to the next day. */
  {
    gint64 before = lia_heatmap_get_start (f->heatmap);
    gtk_widget_activate_action (GTK_WIDGET (f->view), "zones.shift-day", "i", 1);
    g_assert_cmpint (lia_heatmap_get_start (f->heatmap), ==, before + 86400);
    gtk_widget_activate_action (GTK_WIDGET (f->view), "zones.shift-day", "i", -1);
    g_assert_cmpint (lia_heatmap_get_start (f->heatmap), ==, before);
  }

  /* Undo takes the member away again. */
  g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 1);
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==, "Facilitator works 08:00–17:00 (UTC).");
}

static void
test_edit_remove_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  LiaMemberDialog *dialog;
  GtkWidget *start, *save, *row;
  g_autoptr(LiaEntity) london = g_list_model_get_item (members (f), 0);
  LiaHistory *history = lia_workspace_get_history (f->workspace);

  add_by_city (f, "Inference Engineer", "Beijing", "Beijing", "Asia/Shanghai");
  /* London 08:00–17:00Z, Beijing 01:00–10:00Z. */
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==,
                   "All 2 members are inside working hours 08:00–10:00 (UTC).");

  dialog = lia_zones_view_edit_member (f->view, 0);
  spin (100);
  start = lia_test_find_widget (GTK_WIDGET (dialog), has_title, "Starts");
  save = lia_test_find_widget (GTK_WIDGET (dialog), has_label, "_Save");
  gtk_editable_set_text (GTK_EDITABLE (start), "25:00");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  /* The usual ways of writing a time are understood. */
  gtk_editable_set_text (GTK_EDITABLE (start), "7:00");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  g_signal_emit_by_name (save, "clicked");
  spin (100);
  g_assert_cmpstr (lia_entity_get_string (london, LIA_MEMBER_WORK_START), ==, "07:00");
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==,
                   "All 2 members are inside working hours 06:00–10:00 (UTC).");
  /* The member's row follows the edit by itself. */
  row = lia_test_find_widget (GTK_WIDGET (f->view), has_title, "Facilitator");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "07:00–18:00"));

  lia_zones_view_remove_member (f->view, 1);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 1);
  g_assert_true (lia_history_undo (history));
  g_assert_true (lia_history_undo (history));
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 2);
  g_assert_cmpstr (lia_entity_get_string (london, LIA_MEMBER_WORK_START), ==, "09:00");
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==,
                   "All 2 members are inside working hours 08:00–10:00 (UTC).");
  g_assert_true (lia_test_find_widget (GTK_WIDGET (f->view), has_title, "Facilitator") == row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "09:00–18:00"));
}

/* The reported reproduction: removing a member left their id in the
 * meetings' attendees, and the saved workspace would not open again. */
static void
test_remove_member_from_meetings (Fixture       *f,
                                  gconstpointer  data)
{
  GListStore *meetings = lia_workspace_get_meetings (f->workspace);
  g_autoptr(LiaEntity) london = g_list_model_get_item (members (f), 0);
  g_autoptr(LiaEntity) beijing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) reopened = NULL;
  GtkWidget *remove;

  add_by_city (f, "Inference Engineer", "Beijing", "Beijing", "Asia/Shanghai");
  beijing = g_list_model_get_item (members (f), 1);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LiaMeeting) meeting = lia_meeting_new ();
      const char *ids[] = { lia_entity_get_id (london), lia_entity_get_id (beijing), NULL };

      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, i ? "Retro" : "API design");
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, "2026-07-15T08:00");
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "UTC");
      lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES, ids);
      g_assert_true (lia_history_insert (lia_workspace_get_history (f->workspace), meetings, i, meeting));
    }
  spin (100);

  /* The trash button on the first member's row. */
  remove = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_tooltip, "Remove Member");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LiaEntity) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      const char * const *attendees = lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES);

      g_assert_cmpuint (g_strv_length ((char **) attendees), ==, 1);
      g_assert_cmpstr (attendees[0], ==, lia_entity_get_id (beijing));
    }
  g_assert_true (lia_workspace_check (f->workspace, NULL));

  /* Ctrl+Z brings the member and their places back in one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LiaEntity) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      const char * const *attendees = lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES);

      g_assert_cmpuint (g_strv_length ((char **) attendees), ==, 2);
      g_assert_true (g_strv_contains (attendees, lia_entity_get_id (london)));
    }

  g_assert_true (lia_workspace_save (f->workspace, file, NULL, &error));
  g_assert_no_error (error);
  reopened = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_members (reopened))), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_meetings (reopened))), ==, 2);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

static void
test_schedule_slot (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (f->workspace));
  g_autoptr(LiaEntity) meeting = NULL;
  g_autoptr(LiaEntity) item = NULL;
  const char * const *attendees;

  add_by_city (f, "Inference Engineer", "Beijing", "Beijing", "Asia/Shanghai");
  g_assert_cmpuint (lia_zones_view_get_n_slots (f->view), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 0);

  /* The best hour of the week from Wednesday is 08:00Z, both inside. */
  g_assert_true (lia_zones_view_schedule_slot (f->view, 0));
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  meeting = g_list_model_get_item (meetings, 0);
  g_assert_cmpstr (lia_entity_get_string (meeting, LIA_MEETING_START), ==, "2026-07-15T08:00");
  g_assert_cmpstr (lia_entity_get_string (meeting, LIA_MEETING_TIMEZONE), ==, "UTC");
  attendees = lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES);
  g_assert_cmpuint (g_strv_length ((char **) attendees), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (lia_entity_get_list (meeting, LIA_MEETING_AGENDA)), 0);
  g_assert_cmpint (lia_entity_get_int (item, LIA_AGENDA_ITEM_DURATION), ==, 60);
  g_assert_cmpint (lia_entity_get_int (meeting, LIA_MEETING_DURATION), ==, 60);

  g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 0);
}

static LiaEntity *
add_member (Fixture    *f,
            const char *name,
            const char *city,
            const char *zone)
{
  g_autoptr(LiaMember) member = lia_member_new ();
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  GListStore *store = lia_workspace_get_members (f->workspace);

  lia_entity_set_string (LIA_ENTITY (member), LIA_MEMBER_NAME, name);
  lia_entity_set_string (LIA_ENTITY (member), LIA_MEMBER_CITY, city);
  lia_entity_set_string (LIA_ENTITY (member), LIA_MEMBER_TIMEZONE, zone);
  lia_history_begin (history, "Add member");
  lia_history_insert (history, store, g_list_model_get_n_items (G_LIST_MODEL (store)), member);
  lia_history_end (history);
  spin (100);
  return LIA_ENTITY (member);
}

static GtkWidget *
member_check (Fixture    *f,
              const char *name)
{
  GtkWidget *row = lia_test_find_widget (GTK_WIDGET (f->view), has_title, name);

  g_assert_nonnull (row);
  return lia_test_find_type (row, GTK_TYPE_CHECK_BUTTON);
}

/* The article's question is for some of the team: ticking members off
 * their rows changes the heatmap, the overlap and the slots, and Schedule
 * invites exactly those ticked. */
static void
test_plan_for_some (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (f->workspace));
  g_autoptr(LiaEntity) london = g_list_model_get_item (members (f), 0);
  LiaEntity *beijing, *sf;
  GtkWidget *check;
  const LiaSlot *slot;
  g_autoptr(LiaEntity) meeting = NULL;
  const char * const *attendees;
  gint64 all_three;

  beijing = add_member (f, "Inference Engineer", "Beijing", "Asia/Shanghai");
  sf = add_member (f, "Product Manager", "San Francisco", "America/Los_Angeles");
  g_assert_nonnull (beijing);
  g_assert_nonnull (sf);

  /* Everyone is in by default; nobody can be inside hours at once. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (member_check (f, "Facilitator"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (member_check (f, "Inference Engineer"))));
  check = member_check (f, "Product Manager");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  slot = lia_zones_view_get_slot (f->view, 0);
  g_assert_nonnull (slot);
  g_assert_cmpuint (slot->n_inside, <, 3);
  all_three = slot->start;

  /* Without San Francisco: London and Beijing overlap 08:00–10:00Z.  The
   * rows do not move under the pointer (the heatmap keeps its row, faded),
   * so the next click lands where it was aimed. */
  {
    graphene_rect_t before, after;

    g_assert_true (gtk_widget_compute_bounds (check, GTK_WIDGET (f->view), &before));
    g_assert_true (gtk_widget_activate (check));
    spin (100);
    g_assert_true (gtk_widget_compute_bounds (check, GTK_WIDGET (f->view), &after));
    g_assert_cmpfloat (before.origin.y, ==, after.origin.y);
  }
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==,
                   "All 2 members are inside working hours 08:00–10:00 (UTC).");
  slot = lia_zones_view_get_slot (f->view, 0);
  g_assert_cmpint (slot->start, !=, all_three);
  g_assert_cmpint (slot->start, ==, 1784102400); /* 2026-07-15T08:00Z */
  g_assert_cmpuint (slot->n_inside, ==, 2);
  /* The row still exists (the list was not rebuilt under the pointer). */
  g_assert_true (gtk_widget_get_mapped (check));

  g_assert_true (lia_zones_view_schedule_slot (f->view, 0));
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  meeting = g_list_model_get_item (meetings, 0);
  attendees = lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES);
  g_assert_cmpuint (g_strv_length ((char **) attendees), ==, 2);
  g_assert_true (g_strv_contains (attendees, lia_entity_get_id (london)));
  g_assert_true (g_strv_contains (attendees, lia_entity_get_id (beijing)));
  g_assert_false (g_strv_contains (attendees, lia_entity_get_id (sf)));

  /* The choice survives edits elsewhere in the workspace (a rebuild). */
  check = member_check (f, "Product Manager");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpint (lia_zones_view_get_slot (f->view, 0)->start, ==, 1784102400);

  /* Ticking San Francisco again brings back the three-city answer. */
  g_assert_true (gtk_widget_activate (check));
  spin (50);
  g_assert_cmpint (lia_zones_view_get_slot (f->view, 0)->start, ==, all_three);

  /* Nobody ticked: no slot to schedule, and nothing breaks. */
  g_assert_true (gtk_widget_activate (member_check (f, "Facilitator")));
  g_assert_true (gtk_widget_activate (member_check (f, "Inference Engineer")));
  g_assert_true (gtk_widget_activate (member_check (f, "Product Manager")));
  spin (50);
  g_assert_cmpuint (lia_zones_view_get_n_slots (f->view), ==, 0);
  g_assert_false (lia_zones_view_schedule_slot (f->view, 0));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
}

/* San Francisco, London and Beijing in winter: no suggestion puts anyone
 * at 01:00 ahead of an early morning and a late evening, and each says in
 * one line whom it asks what of, with the members' cities. */
static void
test_humane_slots (Fixture       *f,
                   gconstpointer  data)
{
  GDate date;
  GtkWidget *row;

  add_member (f, "Inference Engineer", "Beijing", "Asia/Shanghai");
  add_member (f, "Product Manager", "San Francisco", "America/Los_Angeles");
  lia_heatmap_set_now (f->heatmap, 1796688000); /* 2026-12-08T00:00Z */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 9, G_DATE_DECEMBER, 2026);
  lia_zones_view_set_date (f->view, &date);
  spin (50);

  /* Wednesday 15:00Z: SF 07:00, London 15:00, Beijing 23:00. */
  {
    g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 9, 15, 0, 0);
    g_autofree char *day = g_date_time_format (start, "%a %e %b, %H:%M");
    g_autofree char *title = g_strconcat (day, "–16:00", NULL);

    row = lia_test_find_widget (GTK_WIDGET (f->view), has_title, title);
  }
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Early for San Francisco, late for Beijing\nAny start from 13:00 to 15:00 asks the same\n"));
  for (guint i = 0; i < lia_zones_view_get_n_slots (f->view); i++)
    {
      const LiaSlot *slot = lia_zones_view_get_slot (f->view, i);

      for (guint m = 0; m < 3 && i < 3; m++)
        g_assert_cmpint (slot->member_fit[m], !=, LIA_SLOT_FIT_NIGHT);
    }
}

/* A member's check box has the keyboard focus and the page is scrolled:
 * adding a member, removing another and undoing both touch one row each,
 * so the focus stays on that very check box and the page where it was.
 * (The page used to rebuild every row after each change.) */
static void
test_focus_and_scroll_stay (Fixture       *f,
                            gconstpointer  data)
{
  LiaHistory *history = lia_workspace_get_history (f->workspace);
  g_autoptr(GtkWidget) check = NULL;
  GtkAdjustment *adjustment;
  GtkRoot *root = GTK_ROOT (f->window);
  double value;

  add_member (f, "Inference Engineer", "Beijing", "Asia/Shanghai");
  add_member (f, "Product Manager", "San Francisco", "America/Los_Angeles");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 500);
  spin (300);

  check = g_object_ref (member_check (f, "Inference Engineer"));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (check, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (gtk_widget_grab_focus (check));
  spin (100);
  /* Scrolled a little further than the focus asked, with the box still in sight. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 100);
  gtk_adjustment_set_value (adjustment, MIN (gtk_adjustment_get_value (adjustment) + 40,
                                             gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
  spin (100);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);
  g_assert_true (gtk_root_get_focus (root) == check);

  add_member (f, "Technical Writer", "Sydney", "Australia/Sydney");
  g_assert_true (gtk_root_get_focus (root) == check);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  lia_zones_view_remove_member (f->view, 2);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 3);
  g_assert_true (gtk_root_get_focus (root) == check);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  g_assert_true (lia_history_undo (history));
  spin (100);
  g_assert_true (lia_history_undo (history));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (members (f)), ==, 3);
  g_assert_true (gtk_root_get_focus (root) == check);
  g_assert_true (gtk_widget_get_mapped (check));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  /* The tick is the row's: clearing it and undoing elsewhere keeps it clear. */
  g_assert_true (gtk_widget_activate (check));
  spin (50);
  add_member (f, "Security Engineer", "Berlin", "Europe/Berlin");
  g_assert_true (lia_history_undo (history));
  spin (100);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_root_get_focus (root) == check);
}

/* The suggestions are a store spliced where they changed: an edit that
 * does not change them (a meeting added elsewhere) leaves their rows, and
 * the focus on a Schedule button, alone; a longer meeting replaces them. */
static void
test_slots_stay (Fixture       *f,
                 gconstpointer  data)
{
  LiaSlotList *slot_list = LIA_SLOT_LIST (lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_SLOT_LIST));
  GtkListBox *list_box = lia_slot_list_get_list_box (slot_list);
  g_autoptr(LiaMeeting) meeting = lia_meeting_new ();
  GtkDropDown *duration;
  GtkWidget *row, *button;

  add_member (f, "Inference Engineer", "Beijing", "Asia/Shanghai");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0));
  g_assert_nonnull (row);
  button = lia_test_find_widget (row, has_label, "Schedule");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, "Retro");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, "2026-07-15T08:00");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "UTC");
  g_assert_true (lia_history_insert (lia_workspace_get_history (f->workspace),
                                     lia_workspace_get_meetings (f->workspace), 0, meeting));
  spin (100);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0)) == row);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);

  duration = GTK_DROP_DOWN (lia_test_find_type (GTK_WIDGET (slot_list), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (duration, 4);
  spin (100);
  g_assert_cmpint (lia_slot_list_get_duration (slot_list), ==, 120);
  g_assert_cmpint (lia_zones_view_get_slot (f->view, 0)->end - lia_zones_view_get_slot (f->view, 0)->start, ==, 7200);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0)) != row);
}

static const LiaCity *
first_city (GPtrArray *cities)
{
  g_assert_nonnull (cities);
  g_assert_cmpuint (cities->len, >, 0);
  return g_ptr_array_index (cities, 0);
}

/* What a newcomer types finds their city first: Chinese names of major
 * cities whatever libgweather's translations hold, London in England
 * before London in Kiribati, a zone's own name, nothing for nonsense. */
static void
test_city_search_ranking (Fixture       *f,
                          gconstpointer  data)
{
  static const struct { const char *query, *english, *zone; } cases[] = {
    { "北京", "Beijing", "Asia/Shanghai" },
    { "柏林", "Berlin", "Europe/Berlin" },
    { "伦敦", "London", "Europe/London" },
    { "巴黎", "Paris", "Europe/Paris" },
    { "旧金山", "San Francisco", "America/Los_Angeles" },
    { "London", "London", "Europe/London" },
    { "london", "London", "Europe/London" },
    { "Paris", "Paris", "Europe/Paris" },
    { "sao paulo", "São Paulo", "America/Sao_Paulo" },
    { "New Y", "New York", "America/New_York" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) cities = lia_city_search (cases[i].query, 8);
      const LiaCity *city = first_city (cities);

      g_test_message ("%s → %s (%s)", cases[i].query, city->name, city->zone);
      g_assert_cmpstr (city->name, ==, cases[i].english);
      g_assert_cmpstr (city->zone, ==, cases[i].zone);
      g_assert_false (city->is_zone);
    }

  /* 柏林 is inside 都柏林 (Dublin), which comes after Berlin. */
  {
    g_autoptr(GPtrArray) cities = lia_city_search ("柏林", 8);
    g_assert_cmpuint (cities->len, >=, 2);
    g_assert_cmpstr (((LiaCity *) g_ptr_array_index (cities, 1))->name, ==, "Dublin");
  }

  /* A zone typed out is accepted as such. */
  for (guint i = 0; i < 2; i++)
    {
      const char *zone = i ? "UTC" : "Asia/Shanghai";
      g_autoptr(GPtrArray) cities = lia_city_search (zone, 8);
      const LiaCity *city = first_city (cities);

      g_assert_true (city->is_zone);
      g_assert_cmpstr (city->zone, ==, zone);
    }

  {
    g_autoptr(GPtrArray) cities = lia_city_search ("xqzzvk", 8);
    g_assert_cmpuint (cities->len, ==, 0);
  }
}

static gboolean
is_text (GtkWidget     *widget,
         gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* In the dialog: 北京 adds Beijing, a zone name fills in the zone, and
 * nonsense says "No cities found" instead of showing nothing. */
static void
test_city_search_dialog (Fixture       *f,
                         gconstpointer  data)
{
  LiaMemberDialog *dialog;
  GtkWidget *city_row, *zone_row, *first, *none;
  g_autoptr(LiaEntity) added = NULL;

  add_by_city (f, "Inference Engineer", "北京", "Beijing", "Asia/Shanghai");
  added = g_list_model_get_item (members (f), 1);
  g_assert_cmpstr (lia_entity_get_string (added, LIA_MEMBER_TIMEZONE), ==, "Asia/Shanghai");

  dialog = lia_zones_view_add_member (f->view);
  spin (100);
  city_row = lia_test_find_widget (GTK_WIDGET (dialog), has_title, "City");
  zone_row = lia_test_find_widget (GTK_WIDGET (dialog), has_title, "Time Zone");
  none = lia_test_find_widget (GTK_WIDGET (dialog), is_text, "No cities found");
  g_assert_nonnull (none);

  gtk_editable_set_text (GTK_EDITABLE (city_row), "xqzzvk");
  spin (50);
  g_assert_true (gtk_widget_get_mapped (none));
  /* Whole, not squeezed into a row's height. */
  g_assert_cmpint (gtk_widget_get_height (none), >=, 16);

  gtk_editable_set_text (GTK_EDITABLE (city_row), "Asia/Shanghai");
  spin (50);
  g_assert_false (gtk_widget_get_mapped (none));
  first = lia_test_find_widget (GTK_WIDGET (dialog), has_title, "Asia/Shanghai");
  g_assert_nonnull (first);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (first)), ==, 0);
  g_assert_true (gtk_widget_activate (first));
  spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone_row)), ==, "Asia/Shanghai");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (city_row)), ==, "Shanghai");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *calendar = lia_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_CALENDAR);
  g_autoptr(GDateTime) shown = NULL;
  static const struct { int y, m, d; gint64 start; } picks[] = {
    { 2026, 8, 15, 1786752000 },   /* the same day number, another month */
    { 2027, 8, 15, 1818288000 },   /* the same day and month, another year */
    { 2026, 7, 15, 1784073600 },   /* back */
  };

  /* The calendar shows the day on screen, not today. */
  g_assert_nonnull (calendar);
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 7);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 15);
  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (picks[i].y, picks[i].m, picks[i].d, 12, 0, 0);

      gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
      g_assert_cmpint (lia_heatmap_get_start (f->heatmap), ==, picks[i].start);
    }
}

static void
test_empty_and_narrow (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *status;
  int minimum;

  /* Without members the page says how to start. */
  lia_zones_view_remove_member (f->view, 0);
  spin (100);
  status = lia_test_find_type (GTK_WIDGET (f->view), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_true (lia_history_undo (lia_workspace_get_history (f->workspace)));
  spin (100);
  g_assert_false (gtk_widget_get_mapped (status));

  /* Everything fits a 360 px window. */
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->heatmap)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->heatmap)), <=, 360);
}

static void
test_hidden_page_catches_up (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(LiaMember) tokyo = lia_member_new ();
  LiaHistory *history = lia_workspace_get_history (f->workspace);

  /* A change made while another area is shown appears on return. */
  lia_window_show_area (f->window, "requirements");
  spin (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  lia_entity_set_string (LIA_ENTITY (tokyo), LIA_MEMBER_NAME, "Inference Engineer B");
  lia_entity_set_string (LIA_ENTITY (tokyo), LIA_MEMBER_TIMEZONE, "Asia/Tokyo");
  lia_history_begin (history, "Add member");
  lia_history_insert (history, lia_workspace_get_members (f->workspace), 1, tokyo);
  lia_history_end (history);
  spin (50);

  lia_window_show_area (f->window, "zones");
  spin (100);
  /* London 08:00–17:00Z, Tokyo 00:00–09:00Z. */
  g_assert_cmpstr (lia_heatmap_get_summary (f->heatmap), ==,
                   "All 2 members are inside working hours 08:00–09:00 (UTC).");
}

static void
painted_cb (GdkFrameClock *clock,
            GtkWidget     *list)
{
  int *shown_at_first_paint = g_object_get_data (G_OBJECT (list), "shown-at-first-paint");

  if (*shown_at_first_paint < 0)
    *shown_at_first_paint = gtk_widget_get_visible (list);
}

/* The Time Zones page paints first without its slots (below the heatmap
 * and the team, their wrapped explanations were about 60 ms of the first
 * show); they follow right after that frame. */
static void
test_slots_after_first_frame (void)
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  LiaWindow *window = lia_test_sample_window ("requirements", &workspace);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  int shown_at_first_paint = -1;
  GtkListBox *list;
  gulong id;

  lia_window_show_area (window, "zones");
  list = lia_slot_list_get_list_box (LIA_SLOT_LIST (lia_test_find_type (GTK_WIDGET (window), LIA_TYPE_SLOT_LIST)));
  g_object_set_data (G_OBJECT (list), "shown-at-first-paint", &shown_at_first_paint);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), list);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
  for (guint i = 0; i < 100 && !gtk_widget_get_visible (GTK_WIDGET (list)); i++)
    spin (20);
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpint (shown_at_first_paint, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/zones/add-by-city-search", test_add_by_city_search);
  ADD ("/ui/zones/edit-remove-and-undo", test_edit_remove_and_undo);
  ADD ("/ui/zones/remove-member-from-meetings", test_remove_member_from_meetings);
  ADD ("/ui/zones/schedule-slot", test_schedule_slot);
  ADD ("/ui/zones/plan-for-some", test_plan_for_some);
  ADD ("/ui/zones/humane-slots", test_humane_slots);
  ADD ("/ui/zones/focus-and-scroll-stay", test_focus_and_scroll_stay);
  ADD ("/ui/zones/slots-stay", test_slots_stay);
  ADD ("/ui/zones/city-search-ranking", test_city_search_ranking);
  ADD ("/ui/zones/city-search-dialog", test_city_search_dialog);
  ADD ("/ui/zones/calendar", test_calendar);
  ADD ("/ui/zones/empty-and-narrow", test_empty_and_narrow);
  ADD ("/ui/zones/hidden-page-catches-up", test_hidden_page_catches_up);
#undef ADD
  g_test_add_func ("/ui/zones/slots-after-first-frame", test_slots_after_first_frame);

  return g_test_run ();
}
