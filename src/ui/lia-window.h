/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-application.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_WINDOW (lia_window_get_type ())
G_DECLARE_FINAL_TYPE (LiaWindow, lia_window, LIA, WINDOW, AdwApplicationWindow)

LiaWindow    *lia_window_new            (LiaApplication *application);
LiaWorkspace *lia_window_get_workspace  (LiaWindow      *self);
void          lia_window_set_workspace  (LiaWindow      *self,
                                         LiaWorkspace   *workspace);
void          lia_window_open           (LiaWindow      *self,
                                         GFile          *file);
gboolean      lia_window_is_disposable  (LiaWindow      *self);
void          lia_window_show_error     (LiaWindow      *self,
                                         const char     *heading,
                                         const GError   *error);
GtkWidget    *lia_window_get_view       (LiaWindow      *self,
                                         const char     *area);
void          lia_window_show_area      (LiaWindow      *self,
                                         const char     *area);

G_END_DECLS
