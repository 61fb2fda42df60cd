/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-window"

/* The main window: the areas (from one table), the workspace it shows
 * (open, title, banner, autosave failures, close), the recent menu.
 * Its actions are in lia-window-actions.c. A little over 600 lines
 * because opening and closing a workspace and the banner that reports on
 * its file share the window's one workspace and its signals. */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-file-util.h"
#include "lia-widgets.h"
#include "lia-window-private.h"
#include "requirements/lia-requirements-view.h"
#include "zones/lia-zones-view.h"
#include "meetings/lia-meetings-view.h"
#include "documents/lia-documents-view.h"
#include "tasks/lia-tasks-view.h"
#include "contracts/lia-contracts-view.h"
#include "assessment/lia-assessment-view.h"
#include "playbook/lia-playbook-view.h"

G_DEFINE_FINAL_TYPE (LiaWindow, lia_window, ADW_TYPE_APPLICATION_WINDOW)

/* The areas of the window, in sidebar order. Everything the window knows
 * about a page is here; it talks to the page only through LiaArea. A new
 * area is one row (and one LIA_WINDOW_N_AREAS bump). */
static const struct
{
  const char *name;        /* stack page, sidebar row and "area" setting */
  const char *title;
  const char *icon_name;
  const char *accel;       /* win.show-area('name') */
  const char *add_label;   /* tooltip and accessible name of the header's add button */
  GType     (*get_type) (void);
} areas[] = {
  { "requirements", N_("Requirements"), "view-list-bullet-symbolic", "<Alt>1", N_("Add Requirement"), lia_requirements_view_get_type },
  { "meetings", N_("Meetings"), "x-office-calendar-symbolic", "<Alt>2", N_("New Meeting"), lia_meetings_view_get_type },
  { "documents", N_("Documents"), "text-x-generic-symbolic", "<Alt>3", N_("New Page"), lia_documents_view_get_type },
  { "tasks", N_("Tasks"), "object-select-symbolic", "<Alt>4", N_("Add Task"), lia_tasks_view_get_type },
  { "contracts", N_("Contracts"), "lia-contract-symbolic", "<Alt>5", N_("New Model"), lia_contracts_view_get_type },
  { "assessment", N_("Assessment"), "starred-symbolic", "<Alt>6", N_("New Assessment"), lia_assessment_view_get_type },
  { "playbook", N_("Playbook"), "lia-playbook-symbolic", "<Alt>7", N_("Add Playbook Entry"), lia_playbook_view_get_type },
  { "zones", N_("Time Zones"), "preferences-system-time-symbolic", "<Alt>8", N_("Add Member"), lia_zones_view_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (areas) == LIA_WINDOW_N_AREAS);

/* The area's index, or -1. */
static int
find_area (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].name, name) == 0)
      return i;
  return -1;
}

#define AUTOSAVE_DELAY_MS 1500
#define MAX_RECENT 8

static GSettings *
get_settings (LiaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return LIA_IS_APPLICATION (app) ? lia_application_get_settings (LIA_APPLICATION (app)) : NULL;
}

static void
update_title (LiaWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->workspace == NULL)
    return;

  name = lia_workspace_dup_display_name (self->workspace);
  file = lia_workspace_get_file (self->workspace);
  /* A bullet marks unsaved changes, as in GNOME Text Editor. */
  title = lia_workspace_get_modified (self->workspace) ? g_strdup_printf ("• %s", name) : g_strdup (name);

  if (lia_workspace_get_read_only (self->workspace))
    subtitle = g_strdup (_("Read-only"));
  else if (file == NULL)
    subtitle = g_strdup (_("Not saved yet"));
  else
    {
      /* Inside the sandbox a file from the document portal lives under
       * /run/user/UID/doc/ID: show the folder the user chose instead. */
      g_autofree char *file_path = g_file_get_path (file);
      g_autofree char *host = file_path ? lia_file_dup_host_path (file_path) : NULL;
      g_autofree char *path = host ? g_path_get_dirname (host) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && g_str_has_prefix (path, home))
        subtitle = g_strconcat ("~", path + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&path);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
rebuild_recent_menu (LiaWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint added = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l != NULL && added < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".liaison") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uri);
      g_menu_append_item (self->recent_submenu, item);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (added == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Workspaces"), "win.none");
      g_menu_append_item (self->recent_submenu, item);
    }
}

static void
remember_file (LiaWindow *self)
{
  GFile *file = self->workspace ? lia_workspace_get_file (self->workspace) : NULL;
  g_autofree char *uri = NULL;
  GSettings *settings;

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if ((settings = get_settings (self)) != NULL)
    g_settings_set_string (settings, "last-workspace", uri);
}

static void
workspace_notify_cb (LiaWindow    *self,
                     GParamSpec   *pspec,
                     LiaWorkspace *workspace)
{
  update_title (self);
  lia_window_update_actions (self);
  if (g_str_equal (pspec->name, "file"))
    remember_file (self);
  /* A save went through: whatever the banner said about saving is over. */
  if (g_str_equal (pspec->name, "modified") && !lia_workspace_get_modified (workspace))
    g_clear_pointer (&self->save_error, g_free);
  if (g_str_equal (pspec->name, "modified") || g_str_equal (pspec->name, "needs-review"))
    lia_window_update_banner (self);
}

/* The offer to reload is kept on the window while it shows, so that a
 * reload done another way (the menu, Ctrl+R) takes it away: its own
 * toast would otherwise wait behind it. */
#define EXTERNAL_CHANGE_TOAST "lia-external-change-toast"

static void
external_change_toast_dismissed_cb (LiaWindow *self,
                                    AdwToast  *toast)
{
  if (g_object_get_data (G_OBJECT (self), EXTERNAL_CHANGE_TOAST) == toast)
    g_object_set_data (G_OBJECT (self), EXTERNAL_CHANGE_TOAST, NULL);
}

static void
external_change_cb (LiaWindow    *self,
                    LiaWorkspace *workspace)
{
  AdwToast *toast;

  if (g_object_get_data (G_OBJECT (self), EXTERNAL_CHANGE_TOAST) != NULL)
    return;
  toast = adw_toast_new (_("The workspace file was changed by another program"));
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "win.reload");
  g_object_set_data_full (G_OBJECT (self), EXTERNAL_CHANGE_TOAST, g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (external_change_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The banner says what needs the user before the file is written
 * again: a save that was refused (it stays until a save works, unlike a
 * toast, so a failing autosave is never silent), or a damaged file that
 * opened in recovery and is not written until the user saves. */
void
lia_window_update_banner (LiaWindow *self)
{
  g_autofree char *text = NULL;
  const char *button = NULL, *action = NULL;

  if (self->workspace != NULL && self->save_error != NULL)
    {
      text = g_strdup_printf (_("Not saved: %s"), self->save_error);
      button = _("Save _As…");
      action = "win.save-as";
    }
  else if (self->workspace != NULL && lia_workspace_get_needs_review (self->workspace))
    {
      guint n = g_strv_length ((char **) lia_workspace_get_problems (self->workspace));

      text = g_strdup_printf (ngettext ("This file had %u problem. Liaison opened everything it could; "
                                        "nothing is written until you save.",
                                        "This file had %u problems. Liaison opened everything it could; "
                                        "nothing is written until you save.", n), n);
      button = _("_Review Problems…");
      action = "win.review-problems";
    }
  else if (self->workspace != NULL &&
           g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (self->workspace))) > 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (self->workspace)));

      /* What a git merge could not decide is kept in the file until the
       * user chooses; the banner stays while any is left. */
      self->conflicts_seen = self->workspace;
      text = g_strdup_printf (ngettext ("%u change conflicts with a teammate’s",
                                        "%u changes conflict with a teammate’s", n), n);
      button = _("_Resolve…");
      action = "win.review-conflicts";
    }
  else if (self->workspace != NULL && self->conflicts_seen == self->workspace &&
           lia_workspace_get_modified (self->workspace))
    {
      /* The last one was just resolved: saving is what is left to do. */
      text = g_strdup (_("All conflicts are resolved"));
      button = _("_Save");
      action = "win.save";
    }
  else if (self->workspace != NULL &&
           g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_unrecovered (self->workspace))) > 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_unrecovered (self->workspace)));

      /* Saved, but what a repair set aside is still in the file. */
      text = g_strdup_printf (ngettext ("This workspace keeps %u value a repair could not put back.",
                                        "This workspace keeps %u values a repair could not put back.", n), n);
      button = _("_Review…");
      action = "win.review-problems";
    }

  if (text != NULL)
    {
      gtk_label_set_text (self->banner_label, text);
      gtk_button_set_label (self->banner_button, button);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), action);
    }
  /* Once saved, the resolved state is over: a later edit is not about
   * conflicts any more. */
  if (self->workspace != NULL && !lia_workspace_get_modified (self->workspace) &&
      g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (self->workspace))) == 0)
    self->conflicts_seen = NULL;
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

static void
save_failed_cb (LiaWindow    *self,
                GError       *error,
                LiaWorkspace *workspace)
{
  g_free (self->save_error);
  self->save_error = g_strdup (error->message);
  lia_window_update_banner (self);
}

void
lia_window_toast (LiaWindow  *self,
                  const char *title,
                  const char *button_label,
                  const char *action_name)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, button_label ? 8 : 4);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
lia_window_show_error (LiaWindow    *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (LIA_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A window that opens its first workspace says so while the file loads,
 * rather than showing the empty states of a workspace it does not have. */
static void
end_loading (LiaWindow *self)
{
  g_autofree char *area = g_steal_pointer (&self->loading_area);

  if (area != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    lia_window_show_area (self, area);
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LiaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = lia_workspace_load_finish (result, &error);

  if (workspace == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lia_window_show_error (self, _("Could Not Open the Workspace"), error);
      if (self->workspace == NULL)
        {
          g_autoptr(LiaWorkspace) empty = lia_workspace_new ();
          lia_window_set_workspace (self, empty);
        }
      end_loading (self);
      return;
    }

  lia_window_set_workspace (self, workspace);
  end_loading (self);
  remember_file (self);
  if (lia_workspace_get_read_only (workspace))
    {
      g_autoptr(GError) ro = g_error_new_literal (LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_READ_ONLY,
                                                  lia_workspace_get_read_only_reason (workspace));
      lia_window_show_error (self, _("Opened Read-Only"), ro);
    }
}

void
lia_window_open (LiaWindow *self,
                 GFile     *file)
{
  g_return_if_fail (LIA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lia_workspace_load_async (file, self->cancellable, load_ready_cb, g_object_ref (self));
  if (self->workspace == NULL && self->loading_area == NULL)
    {
      self->loading_area = g_strdup (lia_window_get_area (self));
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
}

/* The area shown (its name in the areas table). */
const char *
lia_window_get_area (LiaWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (self->loading_area != NULL && g_strcmp0 (name, "loading") == 0)
    return self->loading_area;
  return name != NULL ? name : areas[0].name;
}

/* The header's add button and search follow the area shown: a page with
 * a "search-mode" property (the requirement table) has the header's
 * search toggle; the others have their own search field or none. */
static void
update_area_controls (LiaWindow *self)
{
  int i = MAX (find_area (lia_window_get_area (self)), 0);
  const char *add_label = _(areas[i].add_label);
  gboolean header_search = self->area_views[i] != NULL &&
                           g_object_class_find_property (G_OBJECT_GET_CLASS (self->area_views[i]), "search-mode") != NULL;

  gtk_widget_set_tooltip_text (self->add_button, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), header_search);
  if (!header_search)
    gtk_toggle_button_set_active (self->search_button, FALSE);
}

/* Makes the page of @area on first use: building all eight pages before
 * the first frame cost half of the start-up time. Unknown names give the
 * first area. */
GtkWidget *
lia_window_get_view (LiaWindow  *self,
                     const char *area)
{
  int i;

  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);

  i = MAX (find_area (area), 0);
  if (self->area_views[i] == NULL)
    {
      GtkWidget *view = g_object_new (areas[i].get_type (), NULL);

      g_return_val_if_fail (LIA_IS_AREA (view), NULL);
      lia_defer_status_icons (view);
      self->area_views[i] = view;
      adw_bin_set_child (self->area_slots[i], view);
      if (self->workspace != NULL)
        lia_area_set_workspace (LIA_AREA (view), self->workspace);
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (view), "search-mode") != NULL)
        g_object_bind_property (self->search_button, "active", view, "search-mode",
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  return self->area_views[i];
}

void
lia_window_show_area (LiaWindow  *self,
                      const char *area)
{
  int i;

  g_return_if_fail (LIA_IS_WINDOW (self));

  i = MAX (find_area (area), 0);
  lia_window_get_view (self, areas[i].name);
  gtk_list_box_select_row (self->sidebar, self->area_rows[i]);
  gtk_stack_set_visible_child_name (self->stack, areas[i].name);
  update_area_controls (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
remember_area (LiaWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    g_settings_set_string (settings, "area", lia_window_get_area (self));
}

/* Selecting a row (by pointer, keyboard or assistive technology) shows
 * its area; activating it also leaves the sidebar when the window is
 * narrow. */
static void
sidebar_row_selected_cb (LiaWindow     *self,
                         GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  lia_window_get_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
  update_area_controls (self);
  remember_area (self);
}

static void
sidebar_row_activated_cb (LiaWindow     *self,
                          GtkListBoxRow *row)
{
  sidebar_row_selected_cb (self, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LiaWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    lia_window_save_as (self, TRUE);
}

static gboolean
lia_window_close_request (GtkWindow *window)
{
  LiaWindow *self = LIA_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  if (self->closing || self->workspace == NULL || !lia_workspace_get_modified (self->workspace))
    return GTK_WINDOW_CLASS (lia_window_parent_class)->close_request (window);

  /* A workspace with a file is saved (autosave may not have run yet);
   * an unnamed one asks. */
  if (lia_workspace_get_file (self->workspace) != NULL && !lia_workspace_get_read_only (self->workspace))
    {
      self->closing = TRUE;
      lia_workspace_save_async (self->workspace, NULL, NULL, lia_window_saved_cb, g_object_ref (self));
    }
  else
    {
      g_autofree char *name = lia_workspace_dup_display_name (self->workspace);
      g_autofree char *heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
      AdwMessageDialog *dialog =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading,
                                                    _("The workspace has never been saved. Unsaved changes are lost if you close it without saving.")));

      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  return TRUE;
}

/* Size, maximized state and area as the user left them. The application
 * (and so the settings) is known only after construction. */
static void
restore_state (LiaWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *area = NULL;

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  area = g_settings_get_string (settings, "area");
  lia_window_show_area (self, area);
}

static void
lia_window_dispose (GObject *object)
{
  LiaWindow *self = LIA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loading_area, g_free);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_unrecovered (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_conflicts (self->workspace), self);
    }
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (lia_window_parent_class)->dispose (object);
}

static void
lia_window_class_init (LiaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lia_window_dispose;
  window_class->close_request = lia_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/lia-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  lia_window_class_add_actions (widget_class);
}

/* The sidebar row and the (empty) stack page of area @i. */
static void
add_area (LiaWindow *self,
          guint      i)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", areas[i].icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (_(areas[i].title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, areas[i].name);
  gtk_list_box_append (self->sidebar, row);
  self->area_rows[i] = GTK_LIST_BOX_ROW (row);

  self->area_slots[i] = ADW_BIN (adw_bin_new ());
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->area_slots[i]), areas[i].name, _(areas[i].title));
}

/* Alt+1…8 show the areas, as Alt+number switches tabs in GNOME apps. */
static void
add_area_accels (GtkApplication *app)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-area('%s')", areas[i].name);
      const char *accels[] = { areas[i].accel, NULL };

      gtk_application_set_accels_for_action (app, detailed, accels);
    }
}

static void
lia_window_init (LiaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_has_suffix (APP_ID, "Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    add_area (self, i);
  {
    GtkWidget *loading = adw_status_page_new ();
    GtkWidget *spinner = gtk_spinner_new ();

    adw_status_page_set_title (ADW_STATUS_PAGE (loading), _("Opening Workspace…"));
    gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
    gtk_widget_set_size_request (spinner, 32, 32);
    adw_status_page_set_child (ADW_STATUS_PAGE (loading), spinner);
    gtk_stack_add_named (self->stack, loading, "loading");
  }
  lia_window_show_area (self, areas[0].name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
  lia_window_update_actions (self);
}

LiaWindow *
lia_window_new (LiaApplication *application)
{
  LiaWindow *self = g_object_new (LIA_TYPE_WINDOW, "application", application, NULL);

  if (application != NULL)
    add_area_accels (GTK_APPLICATION (application));
  restore_state (self);
  return self;
}

LiaWorkspace *
lia_window_get_workspace (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);

  return self->workspace;
}

void
lia_window_set_workspace (LiaWindow    *self,
                          LiaWorkspace *workspace)
{
  g_return_if_fail (LIA_IS_WINDOW (self));
  g_return_if_fail (LIA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_unrecovered (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_conflicts (self->workspace), self);
    }
  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->save_error, g_free);

  lia_workspace_set_autosave (workspace, AUTOSAVE_DELAY_MS);
  g_signal_connect_object (workspace, "notify::needs-review", G_CALLBACK (workspace_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_unrecovered (workspace), "items-changed",
                           G_CALLBACK (lia_window_update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_conflicts (workspace), "items-changed",
                           G_CALLBACK (lia_window_update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::modified", G_CALLBACK (workspace_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::file", G_CALLBACK (workspace_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::read-only", G_CALLBACK (workspace_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::title", G_CALLBACK (workspace_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "external-change", G_CALLBACK (external_change_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_history (workspace), "notify::can-undo",
                           G_CALLBACK (lia_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_history (workspace), "notify::can-redo",
                           G_CALLBACK (lia_window_update_actions), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (self->area_views[i] != NULL)
      lia_area_set_workspace (LIA_AREA (self->area_views[i]), workspace);
  update_title (self);
  lia_window_update_actions (self);
  lia_window_update_banner (self);
}

/* True when nothing would be lost by showing another workspace here. */
gboolean
lia_window_is_disposable (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), FALSE);

  return self->workspace == NULL ||
         (lia_workspace_get_file (self->workspace) == NULL && !lia_workspace_get_modified (self->workspace));
}
