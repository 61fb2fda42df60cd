/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-area.c: the interface the window drives its pages through. */

#include "config.h"

#include "lia-area.h"

G_DEFINE_INTERFACE (LiaArea, lia_area, GTK_TYPE_WIDGET)

static gboolean
lia_area_real_focus_search (LiaArea *self)
{
  return FALSE;
}

static void
lia_area_default_init (LiaAreaInterface *iface)
{
  iface->focus_search = lia_area_real_focus_search;

  /* The workspace the page shows (NULL: none). */
  g_object_interface_install_property (iface,
    g_param_spec_object ("workspace", NULL, NULL, LIA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

void
lia_area_set_workspace (LiaArea      *self,
                        LiaWorkspace *workspace)
{
  g_return_if_fail (LIA_IS_AREA (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  g_object_set (self, "workspace", workspace, NULL);
}

/* Returns: (transfer none) (nullable): the workspace shown. */
LiaWorkspace *
lia_area_get_workspace (LiaArea *self)
{
  LiaWorkspace *workspace = NULL;

  g_return_val_if_fail (LIA_IS_AREA (self), NULL);

  g_object_get (self, "workspace", &workspace, NULL);
  /* The page holds its own reference; give back a borrowed one. */
  if (workspace != NULL)
    g_object_unref (workspace);
  return workspace;
}

void
lia_area_add (LiaArea   *self,
              GtkWidget *anchor)
{
  g_return_if_fail (LIA_IS_AREA (self));

  LIA_AREA_GET_IFACE (self)->add (self, anchor);
}

gboolean
lia_area_focus_search (LiaArea *self)
{
  g_return_val_if_fail (LIA_IS_AREA (self), FALSE);

  return LIA_AREA_GET_IFACE (self)->focus_search (self);
}
