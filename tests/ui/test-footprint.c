/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-footprint.c: what the first window costs.  GTK loads an image's
 * icon as soon as the image has a style, shown or not, and an icon it can
 * only find as SVG makes it map librsvg (6 MiB, about 7 % of the
 * window's memory).  The first window (started as the app starts, on the
 * sample) must have no image in its tree whose icon resolves to an SVG,
 * and must not have loaded librsvg; an empty state still gets its icon
 * when it is shown. */

#include "config.h"

#include <adwaita.h>

#include "lia-application.h"
#include "lia-test-widgets.h"
#include "lia-window.h"

static gboolean
maps_hold (const char *needle)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, needle) != NULL;
}

/* The size GTK asks for: a pixel size, a status page's 128 px, else the
 * normal 16 px. */
static int
image_size (GtkImage *image)
{
  GtkWidget *parent;

  if (gtk_image_get_pixel_size (image) > 0)
    return gtk_image_get_pixel_size (image);
  for (parent = gtk_widget_get_parent (GTK_WIDGET (image)); parent != NULL;
       parent = gtk_widget_get_parent (parent))
    if (ADW_IS_STATUS_PAGE (parent))
      return 128;
  return gtk_image_get_icon_size (image) == GTK_ICON_SIZE_LARGE ? 32 : 16;
}

/* Hidden widgets (visible = FALSE, e.g. an entry row's unused apply
 * button) get no style, so GTK loads nothing for them; pages a stack does
 * not show do get one. */
static void
collect_svg_icons (GtkWidget *widget,
                   GPtrArray *found)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
      const char *name = gtk_image_get_icon_name (GTK_IMAGE (widget));
      int size = image_size (GTK_IMAGE (widget));
      g_autoptr(GtkIconPaintable) icon =
        gtk_icon_theme_lookup_icon (theme, name, NULL, size, gtk_widget_get_scale_factor (widget),
                                    gtk_widget_get_direction (widget), 0);
      g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
      g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

      if (uri != NULL && g_str_has_suffix (uri, ".svg"))
        g_ptr_array_add (found, g_strdup_printf ("%s at %d px (%s)", name, size, uri));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_svg_icons (child, found);
}

/* Counts the status pages on screen, each of which must show its icon. */
static void
count_shown_status_pages (GtkWidget *widget,
                          guint     *n)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    {
      g_assert_nonnull (adw_status_page_get_icon_name (ADW_STATUS_PAGE (widget)));
      (*n)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_shown_status_pages (child, n);
}

static void
test_first_window (void)
{
  g_autoptr(LiaApplication) app = lia_application_new ();
  g_autoptr(GPtrArray) svg = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  GtkWindow *window;
  guint n_shown = 0;

  g_assert_false (maps_hold ("librsvg"));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIA_IS_WINDOW (window));
  /* Long enough for the first frames and GTK's icon-loading threads. */
  lia_test_spin (600);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  collect_svg_icons (GTK_WIDGET (window), svg);
  g_ptr_array_add (svg, NULL);
  joined = g_strjoinv ("; ", (char **) svg->pdata);
  g_assert_cmpstr (joined, ==, "");
  g_assert_false (maps_hold ("librsvg"));

  /* An empty workspace shows the table's and the editor's empty states,
   * each with its icon. */
  {
    g_autoptr(LiaWorkspace) empty = lia_workspace_new ();

    lia_window_set_workspace (LIA_WINDOW (window), empty);
  }
  lia_test_spin (100);
  count_shown_status_pages (GTK_WIDGET (window), &n_shown);
  g_assert_cmpuint (n_shown, ==, 2);
  gtk_window_destroy (window);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/footprint/first-window", test_first_window);
  return g_test_run ();
}
