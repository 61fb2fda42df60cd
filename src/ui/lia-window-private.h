/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-window.h"
#include "requirements/lia-requirements-view.h"
#include "zones/lia-zones-view.h"
#include "meetings/lia-meetings-view.h"
#include "documents/lia-documents-view.h"
#include "tasks/lia-tasks-view.h"
#include "contracts/lia-contracts-view.h"
#include "assessment/lia-assessment-view.h"
#include "playbook/lia-playbook-view.h"

G_BEGIN_DECLS

struct _LiaWindow
{
  AdwApplicationWindow  parent_instance;

  LiaWorkspace         *workspace;
  GCancellable         *cancellable;
  gboolean              closing;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkListBoxRow        *requirements_row;
  GtkListBoxRow        *zones_row;
  GtkListBoxRow        *tasks_row;
  GtkListBoxRow        *contracts_row;
  GtkListBoxRow        *assessment_row;
  GtkListBoxRow        *playbook_row;
  GtkListBoxRow        *meetings_row;
  GtkListBoxRow        *documents_row;
  GtkWidget            *add_button;
  GtkWidget            *content_box;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *search_button;
  GtkStack             *stack;
  LiaRequirementsView  *requirements_view;
  /* The other pages are made when first shown (start-up time). */
  AdwBin               *zones_slot;
  AdwBin               *tasks_slot;
  AdwBin               *contracts_slot;
  AdwBin               *assessment_slot;
  AdwBin               *playbook_slot;
  AdwBin               *meetings_slot;
  AdwBin               *documents_slot;
  LiaZonesView         *zones_view;
  LiaTasksView         *tasks_view;
  LiaContractsView     *contracts_view;
  LiaAssessmentView    *assessment_view;
  LiaPlaybookView      *playbook_view;
  LiaMeetingsView      *meetings_view;
  LiaDocumentsView     *documents_view;
  GMenu                *recent_submenu;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  char                 *save_error;   /* the last refused save, until one works */
};

void lia_window_class_add_actions (GtkWidgetClass *widget_class);
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
