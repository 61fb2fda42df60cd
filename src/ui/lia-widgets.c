/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "lia-widgets.h"

/* A flat icon button for a row: its label is the tooltip and the
 * accessible name, so it is never a nameless button. */
GtkWidget *
lia_icon_button_new (const char *icon_name,
                     const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
apply_style (GtkSourceBuffer *buffer)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();

  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita"));
}

/* The whole text of a label cut short, as its tooltip. */
static gboolean
ellipsized_tooltip_cb (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return TRUE;
}

static void
header_labels_one_line (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_REVEALER (child))   /* an expander row's own rows */
        continue;
      if (GTK_IS_LABEL (child) &&
          (gtk_widget_has_css_class (child, "title") || gtk_widget_has_css_class (child, "subtitle")))
        {
          gtk_label_set_wrap (GTK_LABEL (child), FALSE);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_widget_set_has_tooltip (child, TRUE);
          g_signal_connect (child, "query-tooltip", G_CALLBACK (ellipsized_tooltip_cb), NULL);
          continue;
        }
      header_labels_one_line (child);
    }
}

/* A row whose title and subtitle each take one line, ellipsized, for
 * long lists whose rows show their whole text when opened.  A wrapping
 * label is measured again at every width GTK tries while it lays out
 * the page (each a new Pango layout), which made wrapped rows most of
 * the Playbook's first show (docs/performance.md); one line is measured
 * once.  libadwaita 1.2 has no AdwExpanderRow:title-lines, so the row's
 * own labels are found by their style classes.  The text and its
 * accessible name stay whole, and a label cut short shows all of it as
 * its tooltip. */
void
lia_row_one_line (GtkWidget *row)
{
  header_labels_one_line (row);
}

/* Markdown sources follow the light or dark style, now and when it changes. */
static void
follow_style (GtkSourceBuffer *buffer)
{
  apply_style (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (apply_style), buffer, G_CONNECT_SWAPPED);
}

static gboolean
set_markdown_cb (gpointer data)
{
  GtkSourceBuffer *buffer = data;
  GtkSourceLanguage *markdown;

  markdown = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "markdown");
  if (markdown != NULL && gtk_source_buffer_get_language (buffer) == NULL)
    gtk_source_buffer_set_language (buffer, markdown);
  return G_SOURCE_REMOVE;
}

static void
markdown_view_mapped_cb (GtkWidget *view)
{
  g_signal_handlers_disconnect_by_func (view, markdown_view_mapped_cb, NULL);
  /* After the frame being drawn: below the frame clock's priorities. */
  g_idle_add_full (G_PRIORITY_LOW, set_markdown_cb,
                   g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), g_object_unref);
}

/* A Markdown source editor: its buffer follows the light or dark style,
 * and gets Markdown highlighting once the view is first shown, after
 * that frame.  Setting the language at once compiled GtkSourceView's
 * Markdown rules while a page was first built, about 55 ms of the
 * Meetings page's first show (docs/performance.md); the text is the
 * same, only its colours come a moment later. */
void
lia_source_view_use_markdown (GtkTextView *view)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (view));

  follow_style (buffer);
  if (gtk_widget_get_mapped (GTK_WIDGET (view)))
    markdown_view_mapped_cb (GTK_WIDGET (view));
  else
    g_signal_connect (view, "map", G_CALLBACK (markdown_view_mapped_cb), NULL);
}

/* The charts' ink: @widget's foreground colour for text, and the same at
 * 15 % for grid lines.  The data colours come from lia-palette.h; these
 * follow the theme.  In one place because GTK 4.8 has the colour only
 * through the deprecated GtkStyleContext (gtk_widget_get_color is 4.10). */
void
lia_chart_get_ink (GtkWidget *widget,
                   GdkRGBA   *text,
                   GdkRGBA   *grid)
{
  GdkRGBA color;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (text != NULL)
    *text = color;
  if (grid != NULL)
    {
      *grid = color;
      grid->alpha = 0.15f;
    }
}

struct _LiaRefresh
{
  GtkWidget      *owner;        /* owns this; not a reference */
  LiaRefreshFunc  func;
  gboolean        when_shown;
  gboolean        stale;        /* edited while unmapped */
  guint           idle_id;
  gulong          map_id;
};

static gboolean
refresh_idle_cb (gpointer data)
{
  LiaRefresh *self = data;

  self->idle_id = 0;
  self->func (self->owner);
  return G_SOURCE_REMOVE;
}

static void
refresh_map_cb (GtkWidget  *owner,
                LiaRefresh *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->func (owner);
}

/* Free it with lia_refresh_free () in the owner's dispose. */
LiaRefresh *
lia_refresh_new (GtkWidget      *owner,
                 LiaRefreshFunc  func,
                 gboolean        when_shown)
{
  LiaRefresh *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (LiaRefresh, 1);
  self->owner = owner;
  self->func = func;
  self->when_shown = when_shown;
  if (when_shown)
    self->map_id = g_signal_connect (owner, "map", G_CALLBACK (refresh_map_cb), self);
  return self;
}

void
lia_refresh_queue (LiaRefresh *self)
{
  g_return_if_fail (self != NULL);

  if (self->when_shown && !gtk_widget_get_mapped (self->owner))
    {
      self->stale = TRUE;
      return;
    }
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (refresh_idle_cb, self);
}

/* For a new workspace or entity: at once if shown, else when shown. */
void
lia_refresh_now_or_when_shown (LiaRefresh *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->when_shown && !gtk_widget_get_mapped (self->owner))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  self->func (self->owner);
}

void
lia_refresh_free (LiaRefresh *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_signal_handler (&self->map_id, self->owner);
  g_free (self);
}

/* GTK preloads an image's icon as soon as the image's style is known,
 * whether it is shown or not.  An AdwStatusPage's icon is 128 px, a size
 * Adwaita ships only as SVG, so every empty state of a page (most of
 * them hidden for a whole session) would have GTK read an SVG and map
 * librsvg (6 MiB) at start-up.  Each status page under @root gets its
 * icon back when it is first mapped instead, before its first frame. */
#define DEFERRED_ICON "lia-deferred-icon"

static void
status_page_mapped_cb (AdwStatusPage *page)
{
  const char *icon = g_object_get_data (G_OBJECT (page), DEFERRED_ICON);

  /* Code may have given the page another icon meanwhile: that one stays. */
  if (icon != NULL && adw_status_page_get_icon_name (page) == NULL)
    adw_status_page_set_icon_name (page, icon);
  g_object_set_data (G_OBJECT (page), DEFERRED_ICON, NULL);
  g_signal_handlers_disconnect_by_func (page, status_page_mapped_cb, NULL);
}

void
lia_defer_status_icons (GtkWidget *root)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_STATUS_PAGE (root) && !gtk_widget_get_mapped (root)
      && g_object_get_data (G_OBJECT (root), DEFERRED_ICON) == NULL)
    {
      AdwStatusPage *page = ADW_STATUS_PAGE (root);
      const char *icon = adw_status_page_get_icon_name (page);

      if (icon != NULL)
        {
          g_object_set_data_full (G_OBJECT (page), DEFERRED_ICON, g_strdup (icon), g_free);
          adw_status_page_set_icon_name (page, NULL);
          g_signal_connect (page, "map", G_CALLBACK (status_page_mapped_cb), NULL);
        }
    }
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lia_defer_status_icons (child);
}

GtkSingleSelection *
lia_list_view_setup (GtkListView *view,
                     GCallback    setup,
                     GCallback    bind,
                     GCallback    unbind,
                     GCallback    selected,
                     gpointer     data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection = gtk_single_selection_new (NULL);

  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), NULL);

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_swapped (selection, "notify::selected", selected, data);
  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));
  return selection;
}

/* The widget of a row at (@x, @y) in @view's coordinates, as a click
 * there would reach it, or %NULL where no row is (the list's own
 * padding, below the last row). */
GtkWidget *
lia_list_view_pick (GtkListView *view,
                    double       x,
                    double       y)
{
  GtkWidget *picked;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), NULL);

  picked = gtk_widget_pick (GTK_WIDGET (view), x, y, GTK_PICK_DEFAULT);
  return picked == GTK_WIDGET (view) ? NULL : picked;
}
