/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Playbook page keeps its rows when the team's entries change: focus
 * and scroll position stay while an entry is added, removed, undone and
 * the list is filtered (the page used to rebuild every row, which lost
 * both). */
#include "config.h"

#include <adwaita.h>

#include "lia-test-widgets.h"
#include "lia-window.h"
#include "playbook/lia-playbook-row.h"
#include "playbook/lia-playbook-view.h"

#define spin lia_test_spin

typedef struct
{
  LiaWindow       *window;
  LiaWorkspace    *workspace;
  LiaPlaybookView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = lia_test_sample_window ("playbook", &f->workspace);
  f->view = LIA_PLAYBOOK_VIEW (lia_window_get_view (f->window, "playbook"));
  g_assert_nonnull (f->view);
  spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->workspace);
  spin (50);
}

static LiaPlaybookEntry *
own_entry (Fixture    *f,
           guint       position,
           const char *name)
{
  LiaPlaybookEntry *entry = lia_playbook_entry_new ();

  lia_entity_set_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_KIND, "communication");
  lia_entity_set_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME, name);
  lia_history_insert (lia_workspace_get_history (f->workspace), lia_workspace_get_playbook (f->workspace),
                      position, entry);
  return entry;
}

static void
assert_kept (Fixture       *f,
             GtkWidget     *row,
             GtkAdjustment *adjustment,
             double         value)
{
  spin (50);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  /* The same row object, still on screen, focus still in it (an expander
   * row hands focus to its header). */
  g_assert_true (gtk_widget_get_root (row) == GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 0.5);
}

static void
test_rows_survive_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LiaPlaybookEntry) alpha = own_entry (f, 0, "Alpha office hours");
  g_autoptr(LiaPlaybookEntry) beta = own_entry (f, 1, "Beta office hours");
  g_autoptr(LiaPlaybookEntry) gamma = NULL;
  GtkScrolledWindow *scroll;
  GtkAdjustment *adjustment;
  GtkWidget *row;
  double value;

  spin (100);
  row = lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Beta office hours");
  g_assert_nonnull (row);
  scroll = GTK_SCROLLED_WINDOW (lia_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroll);
  /* An expander row takes focus in its header row. */
  g_assert_true (gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD));
  spin (50);
  value = MIN (200, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (value, >, 0);
  gtk_adjustment_set_value (adjustment, value);
  assert_kept (f, row, adjustment, value);

  /* Another entry added before the focused one, then undone. */
  gamma = own_entry (f, 0, "Gamma office hours");
  assert_kept (f, row, adjustment, value);
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Gamma office hours"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  assert_kept (f, row, adjustment, value);
  g_assert_null (lia_test_find_widget (GTK_WIDGET (f->view), lia_test_has_title, "Gamma office hours"));

  /* The entry before it removed, and the removal undone. */
  lia_history_remove (lia_workspace_get_history (f->workspace), lia_workspace_get_playbook (f->workspace), 0);
  assert_kept (f, row, adjustment, value);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  assert_kept (f, row, adjustment, value);

  /* A rename reaches the row in place. */
  lia_history_set_string (lia_workspace_get_history (f->workspace), LIA_ENTITY (beta),
                          LIA_PLAYBOOK_ENTRY_NAME, "Beta hours", FALSE);
  assert_kept (f, row, adjustment, value);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Beta hours");

  /* A filter that still shows it keeps the row too. */
  lia_playbook_view_set_filter (f->view, "hours", NULL, NULL, NULL);
  spin (50);
  assert_kept (f, row, adjustment, gtk_adjustment_get_value (adjustment));
  (void) alpha;
}

/* The rows inside playbook rows (their details). */
static void
count_detail_rows (GtkWidget *widget,
                   gboolean   inside,
                   guint     *n)
{
  /* (An expander row's own header is an action row too.) */
  if (inside && ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Strengths") == 0)
    (*n)++;
  inside = inside || LIA_IS_PLAYBOOK_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_detail_rows (child, inside, n);
}

/* The first entry's row, and @property of its entry in *@text. */
static GtkWidget *
first_row (Fixture    *f,
           const char *property,
           char      **text)
{
  GtkWidget *row = lia_test_find_type (GTK_WIDGET (f->view), LIA_TYPE_PLAYBOOK_ROW);

  g_assert_nonnull (row);
  g_object_get (lia_playbook_row_get_entry (LIA_PLAYBOOK_ROW (row)), property, text, NULL);
  g_assert_nonnull (*text);
  return row;
}

/* An entry's details (strengths, weaknesses, fits, tools) are made when
 * its row is first opened, and then show the entry's text. */
static void
test_details_when_opened (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *strengths = NULL;
  GtkWidget *row = first_row (f, "strengths", &strengths);
  guint n = 0;

  count_detail_rows (GTK_WIDGET (f->view), FALSE, &n);
  g_assert_cmpuint (n, ==, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (300);
  g_assert_nonnull (lia_test_find_widget (row, lia_test_has_title, "Strengths"));
  {
    GtkWidget *details = lia_test_find_widget (row, lia_test_has_title, "Strengths");

    g_assert_true (gtk_widget_get_mapped (details));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (details)), ==, strengths);
  }
  n = 0;
  count_detail_rows (row, FALSE, &n);
  g_assert_cmpuint (n, ==, 1);
}

static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Collapsed rows show one line of title and of "Fits when" each, and the
 * whole text where it is cut (a wrapping label was measured again at
 * every width GTK tried: most of the page's first show). */
static void
test_rows_one_line (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *fits = NULL;
  GtkWidget *row = first_row (f, "fits", &fits);
  GtkWidget *subtitle;

  subtitle = lia_test_find_widget (row, is_label_text, fits);
  g_assert_nonnull (subtitle);
  g_assert_true (gtk_widget_has_css_class (subtitle, "subtitle"));
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (subtitle)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (subtitle)), ==, PANGO_ELLIPSIZE_END);
  g_assert_true (gtk_widget_get_has_tooltip (subtitle));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (subtitle)), ==, fits);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/playbook/rows-survive-changes", Fixture, NULL, fixture_set_up, test_rows_survive_changes, fixture_tear_down);
  g_test_add ("/playbook/rows-one-line", Fixture, NULL, fixture_set_up, test_rows_one_line, fixture_tear_down);
  g_test_add ("/playbook/details-when-opened", Fixture, NULL, fixture_set_up, test_details_when_opened, fixture_tear_down);
  return g_test_run ();
}
