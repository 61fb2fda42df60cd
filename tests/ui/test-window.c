/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the window drives its areas from one table, through
 * LiaArea only: every area is a row, a page, an Alt+number, an add
 * button and a search that reach the right page. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/xattr.h>

#include "lia-application.h"
#include "lia-area.h"
#include "lia-test-widgets.h"
#include "lia-widgets.h"
#include "lia-window.h"
#include "lia-window-private.h"

/* The sidebar's order, which is also Alt+1…8. */
static const char *areas[] = {
  "requirements", "meetings", "documents", "tasks",
  "contracts", "assessment", "playbook", "zones",
};

static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);

  return GTK_IS_LIST_BOX (widget) && first != NULL && g_str_equal (gtk_widget_get_name (first), areas[0]);
}

static gboolean
is_area_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), areas[0]) != NULL;
}

static GtkWidget *
sidebar (LiaWindow *window)
{
  GtkWidget *list = lia_test_find_widget (GTK_WIDGET (window), is_sidebar, NULL);

  g_assert_nonnull (list);
  return list;
}

static const char *
shown_area (LiaWindow *window)
{
  GtkWidget *stack = lia_test_find_widget (GTK_WIDGET (window), is_area_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Every row of the sidebar is an area of the table, in order; showing it
 * by action makes a page that is a LiaArea showing the window's
 * workspace, and a new workspace reaches every page made so far. */
static void
test_areas (void)
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaWorkspace) other = lia_workspace_new ();
  LiaWindow *window = lia_test_sample_window ("requirements", &workspace);
  GtkWidget *row = gtk_widget_get_first_child (sidebar (window));
  guint n = 0;

  for (; row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      GtkWidget *view;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (areas));
      g_assert_cmpstr (gtk_widget_get_name (row), ==, areas[n]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", areas[n]));
      lia_test_spin (50);
      g_assert_cmpstr (shown_area (window), ==, areas[n]);
      g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
      view = lia_window_get_view (window, areas[n]);
      g_assert_true (LIA_IS_AREA (view));
      g_assert_true (gtk_widget_is_ancestor (view, GTK_WIDGET (window)));
      g_assert_true (lia_area_get_workspace (LIA_AREA (view)) == workspace);
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (areas));

  lia_window_set_workspace (window, other);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_assert_true (lia_area_get_workspace (LIA_AREA (lia_window_get_view (window, areas[i]))) == other);

  /* An unknown name (an old setting) shows the first area. */
  lia_window_show_area (window, "no-such-area");
  g_assert_cmpstr (shown_area (window), ==, "requirements");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_icons (GtkWidget *widget,
               GPtrArray *names)
{
  if (GTK_IS_IMAGE (widget) && gtk_image_get_icon_name (GTK_IMAGE (widget)) != NULL)
    g_ptr_array_add (names, (gpointer) gtk_image_get_icon_name (GTK_IMAGE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_icons (child, names);
}

/* Each area has its own icon (Requirements and Playbook, Documents and
 * Contracts once shared one), and each is found: Adwaita's, or ours in
 * the resources where GtkApplication looks (<base path>/icons). */
static void
test_area_icons (void)
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  LiaWindow *window = lia_test_sample_window ("requirements", &workspace);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_icon_theme_add_resource_path (theme, "/io/github/liaisonapp/Liaison/icons");
  collect_icons (sidebar (window), names);
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (areas));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      g_test_message ("%s: %s", areas[i], name);
      g_assert_true (g_str_has_suffix (name, "-symbolic"));
      g_assert_false (g_hash_table_contains (seen, name));
      g_hash_table_add (seen, (gpointer) name);
      g_assert_true (gtk_icon_theme_has_icon (theme, name));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_window_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_WINDOW_TITLE (widget);
}

/* The subtitle names the folder the file is in; for a file handed over
 * by the document portal (Flatpak), the folder on the host, never
 * /run/user/UID/doc/ID. */
static void
test_subtitle_host_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-portal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
  g_autoptr(LiaWorkspace) opened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *host = "/srv/teams/项目/team.liaison";
  LiaWindow *window;
  AdwWindowTitle *title;

  g_assert_true (lia_workspace_save (sample, file, NULL, &error));
  if (setxattr (path, "user.document-portal.host-path", host, strlen (host), 0) != 0)
    {
      g_test_skip ("this file system keeps no user extended attributes");
      return;
    }
  opened = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  window = g_object_new (LIA_TYPE_WINDOW, NULL);
  lia_window_set_workspace (window, opened);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_spin (100);
  title = ADW_WINDOW_TITLE (lia_test_find_widget (GTK_WIDGET (window), is_window_title, NULL));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "/srv/teams/项目");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* The header's add button adds to the area shown, and only there. */
static void
test_add_follows_area (void)
{
  g_autoptr(LiaWorkspace) sample = NULL;
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new ();
  LiaWindow *window = lia_test_sample_window ("requirements", &sample);
  struct { const char *area; GListStore *store; } adds[] = {
    { "requirements", lia_workspace_get_requirements (workspace) },
    { "documents", lia_workspace_get_pages (workspace) },
    { "tasks", lia_workspace_get_tasks (workspace) },
    { "contracts", lia_workspace_get_contracts (workspace) },
    { "assessment", lia_workspace_get_assessments (workspace) },
  };

  lia_window_set_workspace (window, workspace);
  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    {
      lia_window_show_area (window, adds[i].area);
      lia_test_spin (50);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add", NULL));
      lia_test_spin (50);
      for (guint j = 0; j < G_N_ELEMENTS (adds); j++)
        {
          g_test_message ("after add on %s: %s has %u", adds[i].area, adds[j].area,
                          g_list_model_get_n_items (G_LIST_MODEL (adds[j].store)));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adds[j].store)), ==, j <= i ? 1 : 0);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+F searches where the page has a search (the page tree, the
 * playbook, the requirement table) and else the requirement table. */
static void
test_find_follows_area (void)
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  LiaWindow *window = lia_test_sample_window ("documents", &workspace);
  struct { const char *area; const char *searched; } finds[] = {
    { "documents", "documents" },
    { "playbook", "playbook" },
    { "contracts", "requirements" },
    { "zones", "requirements" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (finds); i++)
    {
      GtkWidget *focus, *view;

      lia_window_show_area (window, finds[i].area);
      lia_test_spin (50);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
      lia_test_spin (100);
      g_assert_cmpstr (shown_area (window), ==, finds[i].searched);
      view = lia_window_get_view (window, finds[i].searched);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, view));
      g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) ?
                        gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) :
                        gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One registered application for the tests that need its accelerators
 * (a second one on the same bus would clash with the first's objects). */
static LiaApplication *
registered_app (void)
{
  static LiaApplication *app;
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;
  app = lia_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* The accelerators the shortcuts window shows, normalised ("<Alt>1...8"
 * stands for eight). */
static GHashTable *
overlay_accels (GHashTable *actions)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/liaisonapp/Liaison/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  GHashTable *shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accels = NULL;
      g_autofree char *action = NULL;
      g_auto(GStrv) parts = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      /* A shortcut named by its action shows that action's accelerators. */
      g_object_get (l->data, "accelerator", &accels, "action-name", &action, NULL);
      if (action != NULL)
        g_hash_table_add (actions, g_steal_pointer (&action));
      parts = g_strsplit (accels ? accels : "", " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *range = strstr (parts[i], "...");
          guint key;
          GdkModifierType mods;

          if (range != NULL && range > parts[i] && g_ascii_isdigit (range[-1]) && g_ascii_isdigit (range[3]))
            {
              for (char c = range[-1]; c <= range[3]; c++)
                {
                  g_autofree char *one = g_strdup (parts[i]);
                  one[range - parts[i] - 1] = c;
                  one[range - parts[i]] = '\0';
                  if (gtk_accelerator_parse (one, &key, &mods))
                    g_hash_table_add (shown, gtk_accelerator_name (key, mods));
                }
            }
          else if (*parts[i] != '\0' && gtk_accelerator_parse (parts[i], &key, &mods))
            g_hash_table_add (shown, gtk_accelerator_name (key, mods));
        }
    }
  g_slist_free (objects);
  return shown;
}

/* Every accelerator the application sets, and the bindings of the pages
 * and the menu button, are listed in the shortcuts window. */
static void
test_shortcuts_window_complete (void)
{
  LiaApplication *app = registered_app ();
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GHashTable) shown_actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = NULL;
  const char *bindings[] = { "F10", "F2", "<Alt>Up", "<Alt>Down", "<Shift><Alt>Left", "<Shift><Alt>Right", "F1", "F5" };
  LiaWindow *window;

  window = lia_window_new (app);
  shown = overlay_accels (shown_actions);
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      if (g_hash_table_contains (shown_actions, actions[i]))
        continue;
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          g_test_message ("%s: %s", actions[i], name);
          g_assert_true (g_hash_table_contains (shown, name));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      guint key;
      GdkModifierType mods;
      g_autofree char *name = NULL;

      g_assert_true (gtk_accelerator_parse (bindings[i], &key, &mods));
      name = gtk_accelerator_name (key, mods);
      g_test_message ("binding %s", name);
      g_assert_true (g_hash_table_contains (shown, name));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alt+1…8 are the areas in sidebar order. */
static void
test_alt_numbers (void)
{
  LiaApplication *app = registered_app ();
  LiaWindow *window;

  window = lia_window_new (app);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-area('%s')", areas[i]);
      g_autofree char *expected = g_strdup_printf ("<Alt>%u", i + 1);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_cmpstr (accels[0], ==, expected);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_refresh (GtkWidget *owner)
{
  guint *count = g_object_get_data (G_OBJECT (owner), "count");

  (*count)++;
}

/* The pages' refresh after edits: one per burst, and none while the page
 * is hidden but one when it shows. */
static void
test_refresh (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *owner = gtk_label_new ("page");
  guint shown_count = 0, always_count = 0;
  LiaRefresh *when_shown, *always;

  gtk_window_set_child (GTK_WINDOW (window), owner);
  g_object_set_data (G_OBJECT (owner), "count", &shown_count);
  when_shown = lia_refresh_new (owner, count_refresh, TRUE);
  for (guint i = 0; i < 3; i++)
    lia_refresh_queue (when_shown);
  lia_test_spin (50);
  g_assert_cmpuint (shown_count, ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_spin (100);
  g_assert_cmpuint (shown_count, ==, 1);
  for (guint i = 0; i < 3; i++)
    lia_refresh_queue (when_shown);
  g_assert_cmpuint (shown_count, ==, 1);
  lia_test_spin (50);
  g_assert_cmpuint (shown_count, ==, 2);
  /* Nothing pending: showing again does not refresh. */
  gtk_widget_set_visible (owner, FALSE);
  gtk_widget_set_visible (owner, TRUE);
  lia_test_spin (50);
  g_assert_cmpuint (shown_count, ==, 2);
  lia_refresh_free (when_shown);

  g_object_set_data (G_OBJECT (owner), "count", &always_count);
  gtk_widget_set_visible (owner, FALSE);
  always = lia_refresh_new (owner, count_refresh, FALSE);
  for (guint i = 0; i < 3; i++)
    lia_refresh_queue (always);
  lia_test_spin (50);
  g_assert_cmpuint (always_count, ==, 1);
  /* Freed with work pending: nothing runs afterwards. */
  lia_refresh_queue (always);
  lia_refresh_free (always);
  lia_test_spin (50);
  g_assert_cmpuint (always_count, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window opening its first workspace says so while the file loads
 * (not the empty states of a workspace it does not have yet), then shows
 * the area it was on, with the file's content. */
static void
test_opening_says_so (void)
{
  g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
  g_autofree char *data = lia_workspace_to_data (sample, NULL);
  g_autofree char *dir = g_dir_make_tmp ("lia-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, NULL);
  GtkWidget *stack, *view;

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  lia_window_show_area (window, "meetings");
  lia_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  stack = lia_test_find_widget (GTK_WIDGET (window), is_area_stack, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "loading");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack))));
  /* The window still knows which area it is on. */
  g_assert_cmpstr (lia_window_get_area (window), ==, "meetings");

  for (guint i = 0; i < 100 && lia_window_get_workspace (window) == NULL; i++)
    lia_test_spin (20);
  lia_test_spin (50);
  g_assert_nonnull (lia_window_get_workspace (window));
  g_assert_cmpstr (shown_area (window), ==, "meetings");
  view = lia_window_get_view (window, "meetings");
  g_assert_true (lia_area_get_workspace (LIA_AREA (view)) == lia_window_get_workspace (window));

  /* Opening another file into a window that has one keeps it shown. */
  lia_window_open (window, file);
  g_assert_cmpstr (shown_area (window), ==, "meetings");
  lia_test_spin (300);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/window/areas", test_areas);
  g_test_add_func ("/ui/window/opening-says-so", test_opening_says_so);
  g_test_add_func ("/ui/window/area-icons", test_area_icons);
  g_test_add_func ("/ui/window/subtitle-host-folder", test_subtitle_host_folder);
  g_test_add_func ("/ui/window/add-follows-area", test_add_follows_area);
  g_test_add_func ("/ui/window/find-follows-area", test_find_follows_area);
  g_test_add_func ("/ui/window/alt-numbers", test_alt_numbers);
  g_test_add_func ("/ui/window/shortcuts-window-complete", test_shortcuts_window_complete);
  g_test_add_func ("/ui/window/refresh", test_refresh);

  return g_test_run ();
}
