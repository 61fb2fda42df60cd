/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-window.h"

G_BEGIN_DECLS

#define LIA_WINDOW_N_AREAS 8

struct _LiaWindow
{
  AdwApplicationWindow  parent_instance;

  LiaWorkspace         *workspace;
  GCancellable         *cancellable;
  char                 *loading_area;  /* shown again once a file has loaded */
  gboolean              closing;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *add_button;
  GtkWidget            *content_box;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *search_button;
  GtkStack             *stack;
  /* One per entry of the areas table in lia-window.c; a page is made
   * when first shown (start-up time), into its slot. */
  GtkListBoxRow        *area_rows[LIA_WINDOW_N_AREAS];
  AdwBin               *area_slots[LIA_WINDOW_N_AREAS];
  GtkWidget            *area_views[LIA_WINDOW_N_AREAS];
  GMenu                *recent_submenu;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  char                 *save_error;   /* the last refused save, until one works */
  /* The workspace whose conflicts the banner last reported (compared,
   * never dereferenced): its “all resolved, save” state until saved. */
  gpointer              conflicts_seen;
};

void lia_window_class_add_actions (GtkWidgetClass *widget_class);
const char *lia_window_get_area   (LiaWindow      *self);
void lia_window_update_actions    (LiaWindow      *self);
void lia_window_saved_cb          (GObject        *object,
                                   GAsyncResult   *result,
                                   gpointer        user_data);
void lia_window_save_as           (LiaWindow      *self,
                                   gboolean        close_after);
void lia_window_update_banner     (LiaWindow      *self);
void lia_window_export_to         (LiaWindow      *self,
                                   GFile          *chosen,
                                   GtkFileFilter  *filter);
GtkFileChooserNative *lia_window_export_chooser_new (LiaWindow *self);
void lia_window_toast             (LiaWindow      *self,
                                   const char     *title,
                                   const char     *button_label,
                                   const char     *action_name);

G_END_DECLS
