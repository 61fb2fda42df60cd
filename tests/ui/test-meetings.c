/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "lia-evaluation.h"
#include "lia-rating.h"
#include "lia-area.h"
#include "lia-test-widgets.h"
#include "lia-window.h"
#include "meetings/lia-action-item-row.h"
#include "meetings/lia-evaluation-chart.h"
#include "meetings/lia-meeting-list-row.h"
#include "meetings/lia-meetings-view.h"
#include "meetings/lia-meetings-view-private.h"
#include "meetings/lia-run-window.h"
#include "zones/lia-heatmap.h"
#include "zones/lia-zones-view.h"

/* The Meetings page in the real window under Xvfb: the article's agenda
 * from its template, reordering with recomputed times, over-runs,
 * evaluation, minutes, run mode, templates, deletion and undo. */

#define spin lia_test_spin
#define has_label lia_test_has_label
#define has_tooltip lia_test_has_tooltip
#define has_title lia_test_has_title

static gboolean
label_starts (GtkWidget     *widget,
              gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL;
}

typedef struct
{
  LiaWindow        *window;
  LiaWorkspace     *workspace;
  LiaMeetingsView  *view;
  LiaMeetingEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = lia_test_sample_window ("meetings", &f->workspace);
  f->view = LIA_MEETINGS_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_MEETINGS_VIEW));
  g_assert_nonnull (f->view);
  f->editor = lia_meetings_view_get_editor (f->view);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->workspace);
  spin (50);
}

static LiaHistory *
history (Fixture *f)
{
  return lia_workspace_get_history (f->workspace);
}

static char *
agenda_text (Fixture *f)
{
  GString *out = g_string_new (NULL);
  char *line;

  for (guint i = 0; (line = lia_meeting_editor_describe_item (f->editor, i)) != NULL; i++)
    {
      g_string_append_printf (out, "%s\n", line);
      g_free (line);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
agenda_row (Fixture *f,
            guint    index)
{
  g_autofree char *title = lia_meeting_editor_describe_item (f->editor, index);
  return lia_test_find_widget (GTK_WIDGET (f->editor), has_title, title);
}

static void
test_seed_agenda_from_template (Fixture       *f,
                                gconstpointer  data)
{
  GPtrArray *templates = lia_meetings_view_get_templates (f->view);
  LiaMeeting *meeting;
  GtkWidget *start, *up, *length;
  g_autofree char *seed = NULL, *moved = NULL, *undone = NULL;

  g_assert_cmpuint (templates->len, >=, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meetings.new", "i", 0));
  spin (100);
  meeting = lia_meeting_editor_get_meeting (f->editor);
  g_assert_nonnull (meeting);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE), ==, "API design meeting");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace))), ==, 2);

  /* Set the start as a user types it. */
  start = lia_test_find_widget (GTK_WIDGET (f->editor), has_title, "Start");
  g_assert_nonnull (start);
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-03-02 25:00");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  /* The locale's usual form is understood; the file keeps ISO. */
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-03-01 9:00");
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_START), ==, "2026-03-01T09:00");
  spin (100);
  /* The calendar beside it changes the day and keeps the time.  It shows
   * the date typed, not today's, whatever day the test runs on. */
  {
    GtkWidget *calendar = lia_test_find_type (start, GTK_TYPE_CALENDAR);
    g_autoptr(GDateTime) shown = NULL;
    static const struct { int y, m, d; const char *start; } picks[] = {
      { 2026, 3, 2, "2026-03-02T09:00" },   /* another day */
      { 2026, 4, 2, "2026-04-02T09:00" },   /* the same day number, another month */
      { 2027, 4, 2, "2027-04-02T09:00" },   /* the same day and month, another year */
      { 2026, 3, 2, "2026-03-02T09:00" },   /* the same day number, month and year change */
    };

    g_assert_nonnull (calendar);
    shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 1);
    for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
      {
        g_autoptr(GDateTime) day = g_date_time_new_local (picks[i].y, picks[i].m, picks[i].d, 12, 0, 0);
        g_autofree char *shown_text = g_strdup (picks[i].start);

        shown_text[10] = ' ';
        gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, shown_text);
        g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_START), ==, picks[i].start);
      }
  }
  spin (100);

  seed = agenda_text (f);
  g_assert_cmpstr (seed, ==,
                   "09:00–09:10  Opening and background\n"
                   "09:10–09:30  API functional requirements\n"
                   "09:30–10:00  API design proposal\n"
                   "10:00–10:15  Break\n"
                   "10:15–10:45  Performance and security requirements\n"
                   "10:45–11:00  Decisions and action items\n"
                   "11:00–11:10  Summary and close\n");
  g_assert_cmpstr (lia_meeting_editor_get_summary (f->editor), ==, "Total 130 min, ends 11:10 (planned end 11:10)");
  g_assert_false (lia_meeting_editor_get_overrun (f->editor));

  /* Move the break up twice with its own buttons: times follow. */
  for (guint k = 0; k < 2; k++)
    {
      up = lia_test_find_widget (agenda_row (f, 3 - k), has_tooltip, "Move Up");
      g_assert_nonnull (up);
      g_signal_emit_by_name (up, "clicked");
      spin (100);
    }
  moved = agenda_text (f);
  g_assert_cmpstr (moved, ==,
                   "09:00–09:10  Opening and background\n"
                   "09:10–09:25  Break\n"
                   "09:25–09:45  API functional requirements\n"
                   "09:45–10:15  API design proposal\n"
                   "10:15–10:45  Performance and security requirements\n"
                   "10:45–11:00  Decisions and action items\n"
                   "11:00–11:10  Summary and close\n");

  g_assert_true (lia_history_undo (history (f)));
  g_assert_true (lia_history_undo (history (f)));
  spin (100);
  undone = agenda_text (f);
  g_assert_cmpstr (undone, ==, seed);

  /* Planned for two hours, the agenda runs over. */
  length = lia_test_find_widget (GTK_WIDGET (f->editor), has_title, "Planned Length (minutes)");
  g_assert_nonnull (length);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lia_test_find_type (length, GTK_TYPE_SPIN_BUTTON)), 120);
  spin (100);
  g_assert_true (lia_meeting_editor_get_overrun (f->editor));
  g_assert_cmpstr (lia_meeting_editor_get_summary (f->editor), ==, "Total 130 min, ends 11:10 (planned end 11:00)");
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (f->editor), label_starts, "The agenda runs 10 min past the planned end."));

  /* Insert a break: at the end, 15 minutes. */
  lia_meeting_editor_add_item (f->editor, TRUE);
  spin (100);
  {
    g_autofree char *last = lia_meeting_editor_describe_item (f->editor, 7);
    g_assert_cmpstr (last, ==, "11:10–11:25  Break");
  }
}

static void
test_attendees_and_evaluation (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GtkWidget *row, *four;
  LiaEvaluationChart *chart;
  GtkTextBuffer *buffer;

  lia_meetings_view_select (f->view, meeting);
  spin (150);

  /* London is asleep for the Beijing morning meeting; Tokyo is at work. */
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (f->editor), label_starts, "Tue 01:00–03:10"));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (f->editor), label_starts, "Tue 10:00–12:10"));

  chart = LIA_EVALUATION_CHART (lia_test_find_type (GTK_WIDGET (f->editor), LIA_TYPE_EVALUATION_CHART));
  g_assert_cmpuint (lia_evaluation_chart_get_n_bars (chart), ==, 0);
  row = lia_test_find_widget (GTK_WIDGET (f->editor), has_title, "Preparation");
  g_assert_nonnull (row);
  four = lia_test_find_widget (row, has_label, "4");
  g_assert_nonnull (four);
  g_signal_emit_by_name (four, "clicked");
  spin (100);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (f->editor), label_starts, "Average 4.0 (1 rated)"));
  chart = LIA_EVALUATION_CHART (lia_test_find_type (GTK_WIDGET (f->editor), LIA_TYPE_EVALUATION_CHART));
  g_assert_cmpuint (lia_evaluation_chart_get_n_bars (chart), ==, 1);
  g_assert_cmpfloat (lia_evaluation_chart_get_value (chart, 0), ==, 4.0);
  g_assert_cmpstr (lia_evaluation_chart_get_summary (chart), ==, "API design meeting: 4.0 of 5");

  /* Minutes typed in the Markdown editor land in the meeting. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (lia_test_find_type (GTK_WIDGET (f->editor), GTK_SOURCE_TYPE_VIEW)));
  gtk_text_buffer_set_text (buffer, "# Notes\n\n- streaming first", -1);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_MINUTES), ==, "# Notes\n\n- streaming first");
  /* Markdown highlighting comes once the editor has been shown, after
   * its first frame (lia_source_view_use_markdown). */
  spin (100);
  g_assert_nonnull (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (buffer)));
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (buffer))), ==, "markdown");

  /* A decision: added with its button, then typed into; the entry stays
   * the same widget while typing (no rebuild under the cursor). */
  {
    GtkWidget *add = lia_test_find_widget (GTK_WIDGET (f->editor), has_tooltip, "Add Decision");
    GtkWidget *entry, *again;
    const char * const *decisions;

    g_signal_emit_by_name (add, "clicked");
    spin (100);
    entry = lia_test_find_widget (GTK_WIDGET (f->editor), has_title, "Decision 1");
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Ship streaming first");
    spin (100);
    again = lia_test_find_widget (GTK_WIDGET (f->editor), has_title, "Decision 1");
    g_assert_true (again == entry);
    decisions = lia_entity_get_strv (LIA_ENTITY (meeting), LIA_MEETING_DECISIONS);
    g_assert_cmpstr (decisions[0], ==, "Ship streaming first");
    g_assert_null (decisions[1]);
    g_assert_true (lia_history_undo (history (f)));
    g_assert_true (lia_history_undo (history (f)));
    spin (100);
    g_assert_null (lia_test_find_widget (GTK_WIDGET (f->editor), has_title, "Decision 1"));
  }

  g_assert_true (lia_history_undo (history (f)));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_MINUTES), ==, "");
  g_assert_true (lia_history_undo (history (f)));
  spin (100);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (f->editor), label_starts, "Not rated yet"));
}

static gboolean
has_subtitle (GtkWidget     *widget,
              gconstpointer  subtitle)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)), subtitle) == 0;
}

/* A new action item opens with its title focused; the owner is picked
 * from the team or typed; the row's subtitle follows owner and due date. */
static void
test_action_items (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GListStore *actions = lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_ACTION_ITEMS);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (actions));
  g_autoptr(LiaEntity) item = NULL;
  g_autoptr(LiaEntity) member = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_members (f->workspace)), 0);
  const char *name = lia_entity_get_string (member, LIA_MEMBER_NAME);
  GtkWidget *add, *row, *title, *focus, *owner, *choose, *list, *choice;
  g_autofree char *expected = NULL;

  lia_meetings_view_select (f->view, meeting);
  spin (150);
  add = lia_test_find_widget (GTK_WIDGET (f->editor), has_tooltip, "Add Action Item");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actions)), ==, n + 1);
  item = g_list_model_get_item (G_LIST_MODEL (actions), n);

  row = lia_test_find_widget (GTK_WIDGET (f->editor), has_subtitle, "No owner · To do");
  g_assert_nonnull (row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  title = lia_test_find_widget (row, has_title, "Action");
  g_assert_nonnull (title);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == title || gtk_widget_is_ancestor (focus, title));

  /* Picked from the team: the first member's name, one undoable edit. */
  owner = lia_test_find_widget (row, has_title, "Owner");
  g_assert_nonnull (owner);
  choose = lia_test_find_widget (owner, has_tooltip, "Choose From Team");
  g_assert_nonnull (choose);
  list = lia_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (choose))), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  choice = lia_test_find_widget (list, label_starts, name);
  g_assert_nonnull (choice);
  g_signal_emit_by_name (list, "row-activated", gtk_widget_get_ancestor (choice, GTK_TYPE_LIST_BOX_ROW));
  spin (50);
  g_assert_cmpstr (lia_entity_get_string (item, LIA_ACTION_ITEM_OWNER), ==, name);
  expected = g_strdup_printf ("%s · To do", name);
  g_assert_true (lia_test_find_widget (GTK_WIDGET (f->editor), has_subtitle, expected) == row);

  /* Typed, and a due date: the subtitle follows without a rebuild. */
  gtk_editable_set_text (GTK_EDITABLE (owner), "Wang Fang");
  lia_entity_set_string (item, LIA_ACTION_ITEM_DUE, "2026-03-02");
  spin (50);
  g_assert_true (lia_test_find_widget (GTK_WIDGET (f->editor), has_subtitle,
                                       "Wang Fang · due 2026-03-02 · To do") == row);
  g_assert_cmpstr (lia_entity_get_string (item, LIA_ACTION_ITEM_OWNER), ==, "Wang Fang");
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

/* The toast after scheduling on the Time Zones page opens the meeting. */
static void
test_open_scheduled (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (f->workspace));
  guint n = g_list_model_get_n_items (meetings);
  g_autoptr(LiaMeeting) scheduled = NULL;
  LiaZonesView *zones;
  GtkWidget *open;
  GVariant *target;
  GDate date;

  lia_window_show_area (f->window, "zones");
  spin (200);
  zones = LIA_ZONES_VIEW (lia_test_find_type (GTK_WIDGET (f->window), LIA_TYPE_ZONES_VIEW));
  g_assert_nonnull (zones);
  /* A fixed day and "now" the day before, whatever day the test runs. */
  lia_heatmap_set_now (lia_zones_view_get_heatmap (zones), 1784030400);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_JULY, 2026);
  lia_zones_view_set_view_zone (zones, "UTC");
  lia_zones_view_set_date (zones, &date);
  spin (50);
  g_assert_cmpuint (lia_zones_view_get_n_slots (zones), >, 0);
  g_assert_true (lia_zones_view_schedule_slot (zones, 0));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, n + 1);
  scheduled = g_list_model_get_item (meetings, n);

  open = lia_test_find_widget (GTK_WIDGET (f->window), has_action_name, "win.open-meeting");
  g_assert_nonnull (open);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open)), ==, "_Open");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, lia_entity_get_id (LIA_ENTITY (scheduled)));
  g_assert_false (lia_meeting_editor_get_meeting (f->editor) == scheduled);

  g_assert_true (gtk_widget_activate_action_variant (open, "win.open-meeting", target));
  spin (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (lia_meeting_editor_get_meeting (f->editor) == scheduled);
}

/* The header's + offers the templates; choosing one adds the meeting. */
static void
test_header_add_offers_templates (Fixture       *f,
                                  gconstpointer  data)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (f->workspace));
  guint n = g_list_model_get_n_items (meetings);
  GtkWidget *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add", NULL));
  spin (100);
  popover = lia_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_ancestor (popover, ADW_TYPE_HEADER_BAR) != NULL);
  g_object_ref (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_true (lia_test_find_widget (popover, label_starts, "Blank Meeting") != NULL);
  g_assert_true (lia_test_find_widget (popover, label_starts, "API design meeting") != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, n);
  g_assert_true (gtk_widget_activate_action (popover, "meetings.new", "i", 0));
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, n + 1);
  /* The menu is made for each use and taken away after it. */
  g_assert_null (gtk_widget_get_parent (popover));
  g_object_unref (popover);
}

static void
click_label (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = lia_test_find_widget (root, has_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_run_mode (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA));
  g_autoptr(LiaEntity) first = g_list_model_get_item (agenda, 0);
  g_autoptr(LiaEntity) second = g_list_model_get_item (agenda, 1);
  g_autoptr(LiaEntity) third = g_list_model_get_item (agenda, 2);
  GtkWindow *run;

  lia_meetings_view_select (f->view, meeting);
  spin (100);
  run = lia_meetings_view_run (f->view);
  g_assert_nonnull (run);
  spin (100);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (run), label_starts, "Opening and background"));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (run), label_starts, "Item 1 of 7"));
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (run), label_starts, "10:00 left"));

  click_label (GTK_WIDGET (run), "_Next Item");
  click_label (GTK_WIDGET (run), "_Next Item");
  spin (50);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (run), label_starts, "API design proposal"));
  /* Two short items: the meeting is about half an hour ahead of its plan
   * (29 or 30 minutes, as a second may tick between the clicks). */
  g_assert_true (lia_test_find_widget (GTK_WIDGET (run), label_starts, "30 minutes ahead of the plan") != NULL ||
                 lia_test_find_widget (GTK_WIDGET (run), label_starts, "29 minutes ahead of the plan") != NULL);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (run), label_contains, " left"));
  click_label (GTK_WIDGET (run), "_Finish");
  spin (100);

  /* Finished items keep what they took (at least a minute); one undo step. */
  g_assert_cmpint (lia_entity_get_int (first, LIA_AGENDA_ITEM_ACTUAL), ==, 1);
  g_assert_cmpint (lia_entity_get_int (second, LIA_AGENDA_ITEM_ACTUAL), ==, 1);
  g_assert_cmpint (lia_entity_get_int (third, LIA_AGENDA_ITEM_ACTUAL), ==, 0);
  {
    g_autofree char *line = lia_meeting_editor_describe_item (f->editor, 0);
    g_assert_cmpstr (line, ==, "09:00–09:10  Opening and background");
  }
  g_assert_true (lia_history_undo (history (f)));
  g_assert_cmpint (lia_entity_get_int (first, LIA_AGENDA_ITEM_ACTUAL), ==, 0);
}

static void
test_templates_and_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (f->workspace));
  g_autoptr(GError) error = NULL;
  guint before = lia_meetings_view_get_templates (f->view)->len;
  int minimum;

  lia_meetings_view_select (f->view, meeting);
  spin (100);
  g_assert_true (lia_meetings_view_save_as_template (f->view, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lia_meetings_view_get_templates (f->view)->len, ==, before + 1);

  /* A meeting from the saved template. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meetings.new", "i", before));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (lia_meeting_editor_get_meeting (f->editor)), LIA_MEETING_TITLE), ==, "API design meeting");

  lia_meetings_view_delete_meeting (f->view);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  g_assert_null (lia_meeting_editor_get_meeting (f->editor));
  g_assert_true (lia_history_undo (history (f)));
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);

  /* The page fits a 360 px window. */
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* ---- the editor's bound lists (agenda and action items) ----
 *
 * The lists are bound to the meeting's stores: an item inserted, removed
 * or moved elsewhere in the list (by undo, redo, another view or a sync)
 * touches its own row only.  The row being typed in keeps the focus, and
 * the page does not scroll under the user. */

static gboolean
focus_is_in (Fixture   *f,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkAdjustment *
editor_adjustment (Fixture *f)
{
  GtkWidget *scrolled = lia_test_find_type (GTK_WIDGET (f->editor), GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* Focus in ENTRY, the page scrolled so that it sits a little below the
 * top: returns the scroll position to keep. */
static double
focus_and_scroll_to (Fixture   *f,
                     GtkWidget *entry)
{
  GtkAdjustment *adjustment = editor_adjustment (f);
  GtkWidget *scrolled = lia_test_find_type (GTK_WIDGET (f->editor), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;
  double value;

  gtk_widget_grab_focus (entry);
  spin (100);
  g_assert_true (focus_is_in (f, entry));
  g_assert_true (gtk_widget_compute_bounds (entry, gtk_viewport_get_child (GTK_VIEWPORT (viewport)), &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 60);
  spin (100);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);
  return value;
}

static void
assert_kept (Fixture    *f,
             GtkWidget  *entry,
             double      scroll,
             const char *after)
{
  spin (100);
  if (!focus_is_in (f, entry))
    g_error ("after %s the focus left the entry being typed in", after);
  if (gtk_adjustment_get_value (editor_adjustment (f)) != scroll)
    g_error ("after %s the page scrolled from %g to %g", after, scroll,
             gtk_adjustment_get_value (editor_adjustment (f)));
}

static void
test_agenda_edits_keep_focus (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GListStore *agenda = lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA);
  g_autoptr(LiaAgendaItem) extra = lia_agenda_item_new ();
  g_autofree char *seed = NULL, *now = NULL;
  GtkWidget *row, *entry;
  double scroll;

  lia_meetings_view_select (f->view, meeting);
  spin (150);
  seed = agenda_text (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (agenda)), ==, 7);

  /* Typing the second item's title. */
  row = agenda_row (f, 1);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (100);
  entry = lia_test_find_widget (row, has_title, "Title");
  g_assert_nonnull (entry);
  scroll = focus_and_scroll_to (f, entry);

  /* Another item added at the end, undone and redone. */
  lia_entity_set_string (LIA_ENTITY (extra), LIA_AGENDA_ITEM_TITLE, "Extra");
  lia_history_begin (history (f), "Add agenda item");
  lia_history_insert (history (f), agenda, 7, extra);
  lia_history_end (history (f));
  assert_kept (f, entry, scroll, "an insert");
  g_assert_true (lia_history_undo (history (f)));
  assert_kept (f, entry, scroll, "undoing an insert");
  g_assert_true (lia_history_redo (history (f)));
  assert_kept (f, entry, scroll, "redoing an insert");
  g_assert_true (lia_history_undo (history (f)));
  assert_kept (f, entry, scroll, "undoing an insert again");

  /* Another item removed, and back. */
  lia_history_begin (history (f), "Remove agenda item");
  lia_history_remove (history (f), agenda, 5);
  lia_history_end (history (f));
  assert_kept (f, entry, scroll, "a removal");
  g_assert_true (lia_history_undo (history (f)));
  assert_kept (f, entry, scroll, "undoing a removal");

  /* Two others swapped, and back. */
  lia_meeting_editor_move_item (f->editor, 4, 6);
  assert_kept (f, entry, scroll, "a move");
  g_assert_true (lia_history_undo (history (f)));
  assert_kept (f, entry, scroll, "undoing a move");

  /* The same row all along, showing the agenda as it was. */
  g_assert_true (agenda_row (f, 1) == row);
  now = agenda_text (f);
  g_assert_cmpstr (now, ==, seed);
}

static void
test_action_item_edits_keep_focus (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GListStore *actions = lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_ACTION_ITEMS);
  g_autoptr(LiaActionItem) extra = lia_action_item_new ();
  g_autoptr(LiaEntity) first = NULL;
  GtkWidget *row, *entry;
  double scroll;
  guint n;

  lia_meetings_view_select (f->view, meeting);
  spin (150);
  /* Three items to work among. */
  while (g_list_model_get_n_items (G_LIST_MODEL (actions)) < 3)
    {
      g_autoptr(LiaActionItem) item = lia_action_item_new ();
      g_autofree char *text = g_strdup_printf ("Item %u", g_list_model_get_n_items (G_LIST_MODEL (actions)) + 1);

      lia_entity_set_string (LIA_ENTITY (item), LIA_ACTION_ITEM_TEXT, text);
      lia_history_begin (history (f), "Add action item");
      lia_history_insert (history (f), actions, g_list_model_get_n_items (G_LIST_MODEL (actions)), item);
      lia_history_end (history (f));
    }
  spin (100);
  n = g_list_model_get_n_items (G_LIST_MODEL (actions));

  /* Typing the first item's text. */
  first = g_list_model_get_item (G_LIST_MODEL (actions), 0);
  row = lia_test_find_widget (GTK_WIDGET (f->editor), has_title, lia_entity_get_string (first, LIA_ACTION_ITEM_TEXT));
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (100);
  entry = lia_test_find_widget (row, has_title, "Action");
  g_assert_nonnull (entry);
  scroll = focus_and_scroll_to (f, entry);

  lia_entity_set_string (LIA_ENTITY (extra), LIA_ACTION_ITEM_TEXT, "Extra");
  lia_history_begin (history (f), "Add action item");
  lia_history_insert (history (f), actions, n, extra);
  lia_history_end (history (f));
  assert_kept (f, entry, scroll, "an insert");
  g_assert_true (lia_history_undo (history (f)));
  assert_kept (f, entry, scroll, "undoing an insert");

  lia_history_begin (history (f), "Remove action item");
  lia_history_remove (history (f), actions, n - 1);
  lia_history_end (history (f));
  assert_kept (f, entry, scroll, "a removal");
  g_assert_true (lia_history_undo (history (f)));
  assert_kept (f, entry, scroll, "undoing a removal");

  lia_history_begin (history (f), "Move action item");
  lia_history_move (history (f), actions, n - 1, 1);
  lia_history_end (history (f));
  assert_kept (f, entry, scroll, "a move");
  g_assert_true (lia_history_undo (history (f)));
  assert_kept (f, entry, scroll, "undoing a move");

  g_assert_true (lia_test_find_widget (GTK_WIDGET (f->editor), has_title,
                                       lia_entity_get_string (first, LIA_ACTION_ITEM_TEXT)) == row);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actions)), ==, n);
}

/* ---- end of the editor's bound lists ---- */
/* ---- the meetings list and the run window (lia-meetings-view, lia-run-window) ---- */

static LiaMeeting *
add_meeting (Fixture    *f,
             const char *title,
             const char *start)
{
  GListStore *meetings = lia_workspace_get_meetings (f->workspace);
  g_autoptr(LiaMeeting) meeting = lia_meeting_new ();

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, title);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "UTC");
  lia_history_begin (history (f), "Add meeting");
  g_assert_true (lia_history_insert (history (f), meetings, g_list_model_get_n_items (G_LIST_MODEL (meetings)), meeting));
  lia_history_end (history (f));
  return meeting;
}

static gint64
utc (int y, int m, int d)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return g_date_time_to_unix (t);
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget);
}

static LiaMeetingListRow *
find_row (GtkWidget *widget,
          GObject   *item)
{
  if (LIA_IS_MEETING_LIST_ROW (widget))
    {
      LiaMeetingListRow *row = LIA_MEETING_LIST_ROW (widget);

      if (LIA_IS_MEETING (item) ? (GObject *) lia_meeting_list_row_get_meeting (row) == item
          : g_strcmp0 (lia_meeting_list_row_get_heading (row), gtk_string_object_get_string (GTK_STRING_OBJECT (item))) == 0)
        return row;
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LiaMeetingListRow *row = find_row (child, item);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* The row the list view shows at @position (the list item, which takes
 * the focus), and the first text it shows: a heading or a title. */
static GtkWidget *
row_at (Fixture     *f,
        guint        position,
        const char **text)
{
  GtkListView *list = lia_meetings_view_get_list (f->view);
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);
  LiaMeetingListRow *row;

  g_assert_nonnull (item);
  row = find_row (GTK_WIDGET (list), item);
  g_assert_nonnull (row);
  if (text != NULL)
    *text = gtk_label_get_label (GTK_LABEL (lia_test_find_widget (GTK_WIDGET (row), is_shown_label, NULL)));
  return gtk_widget_get_parent (GTK_WIDGET (row));
}

static const char *
shown_at (Fixture *f,
          guint    position)
{
  const char *text = NULL;

  row_at (f, position, &text);
  return text;
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (lia_meetings_view_get_list (f->view))));
}

static guint
selected_position (Fixture *f)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (lia_meetings_view_get_list (f->view))));
}

/* Upcoming soonest first, then Past latest first, split at the page's
 * clock (fixed here, so the test does not depend on today's date). */
static void
test_list_groups_and_sorts (Fixture       *f,
                            gconstpointer  data)
{
  GListStore *meetings = lia_workspace_get_meetings (f->workspace);
  LiaMeeting *moved;

  /* The window reaches the page as a LiaArea. */
  g_assert_true (LIA_IS_AREA (f->view));
  g_assert_true (lia_area_get_workspace (LIA_AREA (f->view)) == f->workspace);

  g_list_store_remove_all (meetings);
  lia_history_clear (history (f));
  lia_meetings_view_set_now (f->view, utc (2026, 7, 15));
  add_meeting (f, "Past early", "2026-07-01T10:00");
  add_meeting (f, "Upcoming late", "2026-08-20T10:00");
  add_meeting (f, "Past late", "2026-07-10T10:00");
  moved = add_meeting (f, "Upcoming soon", "2026-07-20T10:00");
  spin (50);

  /* Each group under its heading, which is not a meeting to choose. */
  g_assert_cmpuint (n_rows (f), ==, 6);
  g_assert_cmpstr (shown_at (f, 0), ==, "Upcoming");
  g_assert_cmpstr (shown_at (f, 1), ==, "Upcoming soon");
  g_assert_cmpstr (shown_at (f, 2), ==, "Upcoming late");
  g_assert_cmpstr (shown_at (f, 3), ==, "Past");
  g_assert_cmpstr (shown_at (f, 4), ==, "Past late");
  g_assert_cmpstr (shown_at (f, 5), ==, "Past early");
  g_assert_false (gtk_widget_has_css_class (row_at (f, 0, NULL), "activatable"));
  g_assert_true (gtk_widget_has_css_class (row_at (f, 1, NULL), "activatable"));
  /* Choosing a heading (the arrow keys can) chooses the meeting under it. */
  gtk_selection_model_select_item (gtk_list_view_get_model (lia_meetings_view_get_list (f->view)), 3, TRUE);
  spin (20);
  g_assert_cmpuint (selected_position (f), ==, 4);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (lia_meeting_editor_get_meeting (f->editor)), LIA_MEETING_TITLE), ==, "Past late");

  /* A new start moves the row; a title edit shows in place. */
  lia_meetings_view_select (f->view, moved);
  lia_history_set_string (history (f), LIA_ENTITY (moved), LIA_MEETING_START, "2026-06-01T10:00", FALSE);
  lia_history_set_string (history (f), LIA_ENTITY (moved), LIA_MEETING_TITLE, "Long past", FALSE);
  spin (50);
  g_assert_cmpstr (shown_at (f, 0), ==, "Upcoming");
  g_assert_cmpstr (shown_at (f, 1), ==, "Upcoming late");
  g_assert_cmpstr (shown_at (f, 2), ==, "Past");
  g_assert_cmpstr (shown_at (f, 5), ==, "Long past");
  g_assert_cmpuint (selected_position (f), ==, 5);
  g_assert_true (lia_meeting_editor_get_meeting (f->editor) == moved);

  /* The clock moving past a meeting moves it to Past; with no upcoming
   * meeting left, the Upcoming heading goes. */
  lia_meetings_view_set_now (f->view, utc (2026, 7, 25));
  spin (50);
  g_assert_cmpstr (shown_at (f, 0), ==, "Upcoming");
  g_assert_cmpstr (shown_at (f, 1), ==, "Upcoming late");
  g_assert_cmpstr (shown_at (f, 2), ==, "Past");
  lia_meetings_view_set_now (f->view, utc (2026, 9, 1));
  spin (50);
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpstr (shown_at (f, 0), ==, "Past");
  g_assert_cmpstr (shown_at (f, 1), ==, "Upcoming late");
  g_assert_true (lia_meeting_editor_get_meeting (f->editor) == moved);
  g_assert_cmpuint (selected_position (f), ==, 4);
}

static void
assert_list_kept (Fixture    *f,
                  GtkWidget  *row,
                  LiaMeeting *meeting,
                  double      scroll)
{
  GtkListView *list = lia_meetings_view_get_list (f->view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  guint position;

  spin (100);
  position = selected_position (f);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (row_at (f, position, NULL) == row);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list))) == row);
  g_assert_true (lia_meeting_editor_get_meeting (f->editor) == meeting);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scroll);
}

/* Focus on a selected row, scrolled down: adding, deleting and undoing
 * other meetings touches only their rows (a rebuilt list would lose all
 * three). */
static void
test_list_keeps_focus_and_scroll (Fixture       *f,
                                  gconstpointer  data)
{
  GtkListView *list = lia_meetings_view_get_list (f->view);
  GListStore *meetings = lia_workspace_get_meetings (f->workspace);
  GtkAdjustment *adjustment;
  LiaMeeting *selected = NULL;
  GtkWidget *row;
  const char *text = NULL;
  double scroll;

  lia_meetings_view_set_now (f->view, utc (2026, 7, 15));
  for (int day = 1; day <= 30; day++)
    {
      g_autofree char *title = g_strdup_printf ("Meeting %d", day);
      g_autofree char *start = g_strdup_printf ("2026-06-%02dT10:00", day);
      LiaMeeting *meeting = add_meeting (f, title, start);
      if (day == 12)
        selected = meeting;
    }
  spin (100);

  lia_meetings_view_select (f->view, selected);
  spin (50);
  g_assert_cmpuint (selected_position (f), !=, GTK_INVALID_LIST_POSITION);
  row = row_at (f, selected_position (f), &text);
  g_assert_cmpstr (text, ==, "Meeting 12");
  gtk_widget_grab_focus (row);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  spin (100);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 200);
  gtk_adjustment_set_value (adjustment, 200);
  spin (100);
  scroll = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scroll, ==, 200);
  assert_list_kept (f, row, selected, scroll);

  /* Another meeting, sorted after the selected one. */
  add_meeting (f, "Older", "2026-05-01T10:00");
  assert_list_kept (f, row, selected, scroll);

  /* Another one deleted, then both steps undone. */
  {
    g_autoptr(LiaMeeting) first = g_list_model_get_item (G_LIST_MODEL (meetings), 0);
    g_assert_true (first != selected);
    lia_history_begin (history (f), "Delete meeting");
    lia_history_remove (history (f), meetings, 0);
    lia_history_end (history (f));
  }
  assert_list_kept (f, row, selected, scroll);
  g_assert_true (lia_history_undo (history (f)));
  assert_list_kept (f, row, selected, scroll);
  g_assert_true (lia_history_undo (history (f)));
  assert_list_kept (f, row, selected, scroll);
  g_assert_true (lia_history_redo (history (f)));
  assert_list_kept (f, row, selected, scroll);
}

/* The run window stands alone: its meeting and history are properties,
 * and it says when the run ended. */
static void
on_finished (LiaRunWindow *window,
             gpointer      data)
{
  (*(int *) data)++;
}

static void
test_run_window_alone (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA));
  g_autoptr(LiaEntity) first = g_list_model_get_item (agenda, 0);
  GtkWidget *window = lia_run_window_new (meeting, history (f));
  int finished = 0;

  g_signal_connect (window, "finished", G_CALLBACK (on_finished), &finished);
  g_assert_true (lia_run_window_get_meeting (LIA_RUN_WINDOW (window)) == meeting);
  g_assert_true (lia_run_window_get_history (LIA_RUN_WINDOW (window)) == history (f));
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE));
  lia_run_window_next (LIA_RUN_WINDOW (window));
  g_assert_cmpint (finished, ==, 0);
  /* Closing the window records what ran, once. */
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpint (finished, ==, 1);
  g_assert_cmpint (lia_entity_get_int (first, LIA_AGENDA_ITEM_ACTUAL), ==, 1);
  g_assert_true (lia_history_undo (history (f)));
  g_assert_cmpint (lia_entity_get_int (first, LIA_AGENDA_ITEM_ACTUAL), ==, 0);

  /* Read-only (the workspace became so mid-run): nothing is recorded. */
  window = lia_run_window_new (meeting, history (f));
  g_signal_connect (window, "finished", G_CALLBACK (on_finished), &finished);
  g_object_set (window, "read-only", TRUE, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lia_run_window_next (LIA_RUN_WINDOW (window));
  lia_run_window_finish (LIA_RUN_WINDOW (window));
  spin (50);
  g_assert_cmpint (finished, ==, 2);
  g_assert_cmpint (lia_entity_get_int (first, LIA_AGENDA_ITEM_ACTUAL), ==, 0);
  g_assert_false (lia_history_can_undo (history (f)));
}

/* ---- conflicts a merge left ---- */

#define CONFLICT_TOOLTIP "Conflicts with a teammate’s change"

/* How many conflict signs show under @root. */
static guint
count_conflict_marks (GtkWidget *root)
{
  guint n = 0;

  if (gtk_widget_is_visible (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), CONFLICT_TOOLTIP) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_conflict_marks (child);
  return n;
}

static gboolean
is_shown_mark (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_is_visible (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), CONFLICT_TOOLTIP) == 0;
}

static LiaConflict *
field_conflict (LiaEntity  *entity,
                const char *collection,
                LiaEntity  *parent,
                const char *field,
                JsonNode   *value)
{
  return lia_conflict_new (lia_entity_get_id (entity), collection, parent ? lia_entity_get_id (parent) : "",
                           "field", field, value, value, value);
}

/* A row (found by @title under @root) marked as in conflict: styled as a
 * warning, with the sign in it. */
static gboolean
row_marked (GtkWidget  *root,
            const char *title)
{
  GtkWidget *row = lia_test_find_widget (root, has_title, title);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "warning") && count_conflict_marks (row) > 0;
}

/* After a git merge, the meeting with conflicts is marked in the list,
 * and in the editor the fields in conflict: a detail (its location), an
 * agenda item and its duration, an action item (added after the editor
 * opened) and its status.  Resolving them (they leave the collection)
 * takes every mark away. */
static void
test_conflict_marks_fields (Fixture       *f,
                            gconstpointer  data)
{
  GListStore *conflicts = lia_workspace_get_conflicts (f->workspace);
  GtkWidget *list = GTK_WIDGET (lia_meetings_view_get_list (f->view));
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  GListStore *agenda = lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA);
  GListStore *actions = lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_ACTION_ITEMS);
  g_autoptr(LiaEntity) item = g_list_model_get_item (G_LIST_MODEL (agenda), 1);
  g_autoptr(LiaActionItem) action = lia_action_item_new ();
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "x");
  g_autoptr(LiaConflict) location = field_conflict (LIA_ENTITY (meeting), "meetings", NULL, "location", value);
  g_autoptr(LiaConflict) duration = field_conflict (item, "agenda", LIA_ENTITY (meeting), "duration", value);
  g_autoptr(LiaConflict) status = field_conflict (LIA_ENTITY (action), "action_items", LIA_ENTITY (meeting), "status", value);
  GtkWidget *marked_row, *action_row;

  lia_meetings_view_select (f->view, meeting);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->view)), ==, 0);

  g_list_store_append (conflicts, location);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (list), ==, 1);
  marked_row = gtk_widget_get_ancestor (lia_test_find_widget (list, is_shown_mark, NULL), GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (gtk_widget_get_ancestor (lia_test_find_widget (list, label_starts, "API design meeting"), GTK_TYPE_LIST_BOX_ROW) == marked_row);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 1);
  g_assert_true (row_marked (GTK_WIDGET (f->editor), "Location or Call Link"));
  g_assert_false (row_marked (GTK_WIDGET (f->editor), "Goal"));

  g_list_store_append (conflicts, duration);
  spin (100);
  g_assert_true (gtk_widget_has_css_class (agenda_row (f, 1), "warning"));
  g_assert_false (gtk_widget_has_css_class (agenda_row (f, 0), "warning"));
  g_assert_true (row_marked (agenda_row (f, 1), "Duration (minutes)"));
  g_assert_false (row_marked (agenda_row (f, 1), "Title"));
  g_assert_false (row_marked (agenda_row (f, 0), "Duration (minutes)"));
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 3);

  /* A row made after the conflicts came finds them too. */
  g_list_store_append (conflicts, status);
  lia_entity_set_string (LIA_ENTITY (action), LIA_ACTION_ITEM_TEXT, "Write the API draft");
  lia_history_begin (history (f), "Add action item");
  lia_history_insert (history (f), actions, 0, action);
  lia_history_end (history (f));
  spin (100);
  action_row = lia_test_find_type (GTK_WIDGET (f->editor), LIA_TYPE_ACTION_ITEM_ROW);
  g_assert_nonnull (action_row);
  g_assert_true (gtk_widget_has_css_class (action_row, "warning"));
  g_assert_true (row_marked (action_row, "Status"));
  g_assert_false (row_marked (action_row, "Due"));
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 5);
  g_assert_cmpuint (count_conflict_marks (list), ==, 1);

  /* Resolved: the marks go, the rows stay. */
  g_list_store_remove (conflicts, 0);
  spin (100);
  g_assert_false (row_marked (GTK_WIDGET (f->editor), "Location or Call Link"));
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 4);
  g_assert_cmpuint (count_conflict_marks (list), ==, 1);
  g_list_store_remove_all (conflicts);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->view)), ==, 0);
  g_assert_false (gtk_widget_has_css_class (agenda_row (f, 1), "warning"));
  g_assert_false (gtk_widget_has_css_class (action_row, "warning"));
  g_assert_true (lia_test_find_type (GTK_WIDGET (f->editor), LIA_TYPE_ACTION_ITEM_ROW) == action_row);
}

/* Minutes both sides took (a text conflict) mark the Minutes heading,
 * attendees both sides changed mark the team row; resolved, the marks
 * go. */
static void
test_conflict_marks_notes (Fixture       *f,
                           gconstpointer  data)
{
  GListStore *conflicts = lia_workspace_get_conflicts (f->workspace);
  g_autoptr(LiaMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (lia_workspace_get_meetings (f->workspace)), 0);
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "x");
  g_autoptr(LiaConflict) minutes = lia_conflict_new (lia_entity_get_id (LIA_ENTITY (meeting)), "meetings", "",
                                                     "text", "minutes", value, value, value);
  g_autoptr(LiaConflict) attendees = field_conflict (LIA_ENTITY (meeting), "meetings", NULL, "attendees", value);
  GtkWidget *mark, *group;

  lia_meetings_view_select (f->view, meeting);
  spin (100);
  g_list_store_append (conflicts, minutes);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 1);
  mark = lia_test_find_widget (GTK_WIDGET (f->editor), is_shown_mark, NULL);
  group = gtk_widget_get_ancestor (mark, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Minutes");

  g_list_store_append (conflicts, attendees);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->editor)), ==, 2);
  g_assert_true (row_marked (GTK_WIDGET (f->editor), "Team Members"));

  g_list_store_remove_all (conflicts);
  spin (100);
  g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->view)), ==, 0);
  g_assert_false (row_marked (GTK_WIDGET (f->editor), "Team Members"));

  /* A rating of the meeting's evaluation, two levels down, marks the
   * meeting in the list. */
  {
    LiaEntity *evaluation = lia_entity_get_child (LIA_ENTITY (meeting), LIA_MEETING_EVALUATION);
    g_autoptr(LiaEntity) rating = g_list_model_get_item (G_LIST_MODEL (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS)), 0);
    g_autoptr(LiaConflict) score = field_conflict (rating, "ratings", evaluation, "score", value);

    g_list_store_append (conflicts, score);
    spin (100);
    g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (lia_meetings_view_get_list (f->view))), ==, 1);
    g_list_store_remove_all (conflicts);
    spin (100);
    g_assert_cmpuint (count_conflict_marks (GTK_WIDGET (f->view)), ==, 0);
  }
}

static LiaMeeting *
rated_meeting (const char *start,
               int         score)
{
  LiaMeeting *meeting = lia_meeting_new ();
  g_autoptr(LiaEvaluation) made = lia_evaluation_new ();
  LiaEntity *evaluation = LIA_ENTITY (made);
  g_autoptr(LiaRating) rating = lia_rating_new ();

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, start);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "UTC");
  lia_entity_set_string (LIA_ENTITY (rating), LIA_RATING_NAME, "Preparation");
  lia_entity_set_int (LIA_ENTITY (rating), LIA_RATING_SCORE, score);
  g_list_store_append (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS), rating);
  lia_entity_set_child (LIA_ENTITY (meeting), LIA_MEETING_EVALUATION, evaluation);
  return meeting;
}

/* Meetings run from the start side: oldest on the left, or on the right
 * in a right-to-left language. */
static void
test_chart_direction (void)
{
  g_autoptr(GListStore) meetings = g_list_store_new (LIA_TYPE_MEETING);
  g_autoptr(LiaMeeting) old = rated_meeting ("2026-01-06T09:00", 3);
  g_autoptr(LiaMeeting) recent = rated_meeting ("2026-02-03T09:00", 5);
  GtkWidget *window = gtk_window_new ();
  LiaEvaluationChart *chart = LIA_EVALUATION_CHART (lia_evaluation_chart_new ());

  g_list_store_append (meetings, recent);
  g_list_store_append (meetings, old);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 200);
  gtk_window_present (GTK_WINDOW (window));
  lia_evaluation_chart_set_meetings (chart, G_LIST_MODEL (meetings));
  spin (100);
  g_assert_cmpuint (lia_evaluation_chart_get_n_bars (chart), ==, 2);
  g_assert_cmpfloat (lia_evaluation_chart_get_value (chart, 0), ==, 3.0);
  g_assert_cmpfloat (lia_evaluation_chart_get_bar_center (chart, 0), <, lia_evaluation_chart_get_bar_center (chart, 1));
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  g_assert_cmpfloat (lia_evaluation_chart_get_bar_center (chart, 0), >, lia_evaluation_chart_get_bar_center (chart, 1));
  g_assert_cmpfloat (lia_evaluation_chart_get_bar_center (chart, 0), >, gtk_widget_get_width (GTK_WIDGET (chart)) / 2.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("liaison-meetings-XXXXXX", NULL);
  int status;

  /* Saved templates go to a private folder. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/meetings/seed-agenda-from-template", test_seed_agenda_from_template);
  ADD ("/ui/meetings/attendees-and-evaluation", test_attendees_and_evaluation);
  ADD ("/ui/meetings/run-mode", test_run_mode);
  ADD ("/ui/meetings/templates-and-delete", test_templates_and_delete);
  ADD ("/ui/meetings/action-items", test_action_items);
  ADD ("/ui/meetings/agenda-edits-keep-focus", test_agenda_edits_keep_focus);
  ADD ("/ui/meetings/action-item-edits-keep-focus", test_action_item_edits_keep_focus);
  ADD ("/ui/meetings/open-scheduled", test_open_scheduled);
  ADD ("/ui/meetings/header-add-offers-templates", test_header_add_offers_templates);
  /* The meetings list and the run window. */
  ADD ("/ui/meetings/list-groups-and-sorts", test_list_groups_and_sorts);
  ADD ("/ui/meetings/list-keeps-focus-and-scroll", test_list_keeps_focus_and_scroll);
  ADD ("/ui/meetings/run-window-alone", test_run_window_alone);
  ADD ("/ui/meetings/conflict-marks-fields", test_conflict_marks_fields);
  ADD ("/ui/meetings/conflict-marks-notes", test_conflict_marks_notes);
#undef ADD
  g_test_add_func ("/ui/meetings/chart-direction", test_chart_direction);

  status = g_test_run ();
  {
    g_autofree char *file = g_build_filename (data_home, "liaison", "meeting-templates.liaison", NULL);
    g_autofree char *backup = g_strconcat (file, "~", NULL);
    g_autofree char *dir = g_build_filename (data_home, "liaison", NULL);
    g_unlink (file);
    g_unlink (backup);
    g_rmdir (dir);
    g_rmdir (data_home);
  }
  return status;
}
