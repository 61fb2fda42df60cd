/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-split-page.c: a sidebar and a content pane that fold into one. */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-split-page.h"

struct _LiaSplitPage
{
  GtkWidget        parent_instance;

  /* template children */
  AdwLeaflet      *leaflet;
  AdwBin          *sidebar_bin;
  GtkWidget       *content_box;
  AdwBin          *content_bin;
  GtkButton       *back_button;
  AdwButtonContent *back_content;
};

G_DEFINE_FINAL_TYPE (LiaSplitPage, lia_split_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_CONTENT,
  PROP_FOLDED,
  PROP_SHOW_CONTENT,
  PROP_BACK_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
leaflet_folded_cb (LiaSplitPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
leaflet_visible_child_cb (LiaSplitPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CONTENT]);
}

static void
back_clicked_cb (LiaSplitPage *self)
{
  lia_split_page_set_show_content (self, FALSE);
}

static void
lia_split_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_SPLIT_PAGE);

  G_OBJECT_CLASS (lia_split_page_parent_class)->dispose (object);
}

static void
lia_split_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaSplitPage *self = LIA_SPLIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_value_set_object (value, lia_split_page_get_sidebar (self));
      break;
    case PROP_CONTENT:
      g_value_set_object (value, lia_split_page_get_content (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, lia_split_page_get_folded (self));
      break;
    case PROP_SHOW_CONTENT:
      g_value_set_boolean (value, lia_split_page_get_show_content (self));
      break;
    case PROP_BACK_LABEL:
      g_value_set_string (value, lia_split_page_get_back_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_split_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaSplitPage *self = LIA_SPLIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      lia_split_page_set_sidebar (self, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      lia_split_page_set_content (self, g_value_get_object (value));
      break;
    case PROP_SHOW_CONTENT:
      lia_split_page_set_show_content (self, g_value_get_boolean (value));
      break;
    case PROP_BACK_LABEL:
      lia_split_page_set_back_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_split_page_class_init (LiaSplitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_split_page_dispose;
  object_class->get_property = lia_split_page_get_property;
  object_class->set_property = lia_split_page_set_property;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* AdwNavigationSplitView calls this "collapsed". */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CONTENT] =
    g_param_spec_boolean ("show-content", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BACK_LABEL] =
    g_param_spec_string ("back-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/lia-split-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaSplitPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaSplitPage, sidebar_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaSplitPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, LiaSplitPage, content_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaSplitPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, LiaSplitPage, back_content);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_split_page_init (LiaSplitPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar_bin));
}

GtkWidget *
lia_split_page_new (void)
{
  return g_object_new (LIA_TYPE_SPLIT_PAGE, NULL);
}

/* Returns: (transfer none) (nullable): the list pane. */
GtkWidget *
lia_split_page_get_sidebar (LiaSplitPage *self)
{
  g_return_val_if_fail (LIA_IS_SPLIT_PAGE (self), NULL);

  return adw_bin_get_child (self->sidebar_bin);
}

void
lia_split_page_set_sidebar (LiaSplitPage *self,
                            GtkWidget    *sidebar)
{
  g_return_if_fail (LIA_IS_SPLIT_PAGE (self));
  g_return_if_fail (sidebar == NULL || GTK_IS_WIDGET (sidebar));

  if (adw_bin_get_child (self->sidebar_bin) == sidebar)
    return;
  adw_bin_set_child (self->sidebar_bin, sidebar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR]);
}

/* Returns: (transfer none) (nullable): the detail pane. */
GtkWidget *
lia_split_page_get_content (LiaSplitPage *self)
{
  g_return_val_if_fail (LIA_IS_SPLIT_PAGE (self), NULL);

  return adw_bin_get_child (self->content_bin);
}

void
lia_split_page_set_content (LiaSplitPage *self,
                            GtkWidget    *content)
{
  g_return_if_fail (LIA_IS_SPLIT_PAGE (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  if (adw_bin_get_child (self->content_bin) == content)
    return;
  adw_bin_set_child (self->content_bin, content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

/* Whether only one pane fits, so the other is reached by navigating. */
gboolean
lia_split_page_get_folded (LiaSplitPage *self)
{
  g_return_val_if_fail (LIA_IS_SPLIT_PAGE (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

/* Whether the content pane is the one shown when folded (when unfolded
 * both show, and this says which one a fold would keep). */
gboolean
lia_split_page_get_show_content (LiaSplitPage *self)
{
  g_return_val_if_fail (LIA_IS_SPLIT_PAGE (self), FALSE);

  return adw_leaflet_get_visible_child (self->leaflet) == self->content_box;
}

void
lia_split_page_set_show_content (LiaSplitPage *self,
                                 gboolean      show_content)
{
  g_return_if_fail (LIA_IS_SPLIT_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet,
                                 show_content ? self->content_box : GTK_WIDGET (self->sidebar_bin));
}

/* Whether folding and unfolding animate (a page whose panes change shape
 * as they fold, like the requirement table's columns, folds at once:
 * libadwaita 1.2 would snapshot the half-laid-out pane mid-animation). */
void
lia_split_page_set_animate_fold (LiaSplitPage *self,
                                 gboolean      animate)
{
  g_return_if_fail (LIA_IS_SPLIT_PAGE (self));

  adw_leaflet_set_mode_transition_duration (self->leaflet, animate ? 250 : 0);
}

const char *
lia_split_page_get_back_label (LiaSplitPage *self)
{
  g_return_val_if_fail (LIA_IS_SPLIT_PAGE (self), NULL);

  return adw_button_content_get_label (self->back_content);
}

/* The back button's label when folded, with a mnemonic ("All _Pages");
 * it is also the button's accessible name. */
void
lia_split_page_set_back_label (LiaSplitPage *self,
                               const char   *label)
{
  g_return_if_fail (LIA_IS_SPLIT_PAGE (self));

  if (label == NULL)
    label = _("Back");
  if (g_strcmp0 (label, adw_button_content_get_label (self->back_content)) == 0)
    return;
  adw_button_content_set_label (self->back_content, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACK_LABEL]);
}
