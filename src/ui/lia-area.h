/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaArea: the one face every page of the window shows it.
 *
 * The window keeps a table of areas (name, title, type, icon,
 * accelerator, add label) and talks to each page only through this
 * interface: it sets the page's "workspace" property (an implementation
 * overrides it with g_object_class_override_property ()), forwards the
 * header's add button, and asks it to focus its search. A ninth area is one table row
 * in lia-window.c and one sidebar row in lia-window.ui. */

#include <gtk/gtk.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_AREA (lia_area_get_type ())
G_DECLARE_INTERFACE (LiaArea, lia_area, LIA, AREA, GtkWidget)

struct _LiaAreaInterface
{
  GTypeInterface parent_iface;

  /* Required: the header's add button (or Ctrl+Shift+N); @anchor is the
   * button, for pages that open a popover from it. */
  void     (*add)           (LiaArea      *self,
                             GtkWidget    *anchor);
  /* Optional: focus the page's own search; FALSE if it has none. */
  gboolean (*focus_search)  (LiaArea      *self);
};

void          lia_area_set_workspace (LiaArea      *self,
                                      LiaWorkspace *workspace);
LiaWorkspace *lia_area_get_workspace (LiaArea      *self);
void          lia_area_add           (LiaArea      *self,
                                      GtkWidget    *anchor);
gboolean      lia_area_focus_search  (LiaArea      *self);

G_END_DECLS
