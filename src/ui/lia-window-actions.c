/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-export.h"
#include "lia-merge-dialog.h"
#include "lia-problems-dialog.h"
#include "lia-window-private.h"
#include "lia-workspace-apply.h"
#include "lia-text-list.h"
#include "documents/lia-documents-view.h"
#include "meetings/lia-meetings-view.h"
#include "playbook/lia-playbook-view.h"
#include "tasks/lia-tasks-view.h"

/* The window's win.* actions: files, export, undo, navigation. */

/* Finishes any save of the window's workspace; a window that was
 * closing closes once its workspace is safely on disk. */
void
lia_window_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LiaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean close_after = self->closing;

  if (!lia_workspace_save_finish (LIA_WORKSPACE (object), result, &error))
    {
      self->closing = FALSE;
      lia_window_show_error (self, _("Could Not Save the Workspace"), error);
      return;
    }
  if (close_after)
    gtk_window_destroy (GTK_WINDOW (self));
}

typedef struct
{
  LiaWindow *window;
  gboolean   close_after;
} SaveAsData;

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  SaveAsData *data = user_data;
  LiaWindow *self = data->window;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      if (g_str_has_suffix (name, ".liaison"))
        file = g_object_ref (chosen);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *with_suffix = g_strconcat (name, ".liaison", NULL);
          file = g_file_get_child (parent, with_suffix);
        }

      self->closing = data->close_after;
      lia_workspace_save_async (self->workspace, file, NULL, lia_window_saved_cb, g_object_ref (self));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (data->window);
  g_free (data);
}

void
lia_window_save_as (LiaWindow *self,
                    gboolean   close_after)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;
  SaveAsData *data;

  chooser = gtk_file_chooser_native_new (_("Save Workspace As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = lia_workspace_dup_display_name (self->workspace);
  suggested = g_str_has_suffix (name, ".liaison") ? g_strdup (name) : g_strconcat (name, ".liaison", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  data = g_new0 (SaveAsData, 1);
  data->window = g_object_ref (self);
  data->close_after = close_after;
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  if (lia_workspace_get_file (self->workspace) == NULL || lia_workspace_get_read_only (self->workspace))
    lia_window_save_as (self, FALSE);
  else
    lia_workspace_save_async (self->workspace, NULL, NULL, lia_window_saved_cb, g_object_ref (self));
}

static void
review_problems_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (lia_problems_dialog_new (GTK_WINDOW (self), self->workspace)));
}

/* The conflicts view follows the workspace's conflicts; one is enough. */
static void
review_conflicts_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) other = g_list_model_get_item (toplevels, i);

      if (LIA_IS_MERGE_DIALOG (other) && gtk_window_get_transient_for (GTK_WINDOW (other)) == GTK_WINDOW (self) &&
          lia_merge_dialog_get_workspace (LIA_MERGE_DIALOG (other)) == self->workspace)
        {
          gtk_window_present (GTK_WINDOW (other));
          return;
        }
    }
  gtk_window_present (GTK_WINDOW (lia_merge_dialog_new (GTK_WINDOW (self), self->workspace)));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  lia_window_save_as (LIA_WINDOW (widget), FALSE);
}

typedef struct
{
  LiaWindow       *window;
  GFile           *file;
  LiaExportFormat  format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      lia_window_show_error (data->window, _("Could Not Export"), error);
      return;
    }

  /* "Open" hands the file to the user's default program for its type
   * (a spreadsheet for .csv); the URI travels as the action's target. */
  uri = g_file_get_uri (data->file);
  toast = adw_toast_new (_("Requirements exported"));
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (data->window->toast_overlay, toast);
}

static void
export_write (ExportData *data)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = lia_export_requirements_file (G_LIST_MODEL (lia_workspace_get_requirements (data->window->workspace)),
                                        data->format);
  g_file_replace_contents_bytes_async (data->file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, export_written_cb, data);
}

static void
export_replace_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  ExportData *data = user_data;

  if (g_strcmp0 (response, "replace") == 0)
    export_write (data);
  else
    export_data_free (data);
}

/* Writes the requirement table to @chosen in the format of @filter (the
 * chooser's "lia-export-format"), not of the name the user left in the
 * chooser: the name's extension follows the format. When that changes the
 * name to one of an existing file, which the chooser never confirmed, the
 * user is asked before it is replaced. */
void
lia_window_export_to (LiaWindow     *self,
                      GFile         *chosen,
                      GtkFileFilter *filter)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autofree char *fixed = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (chosen);
  LiaExportFormat format;
  ExportData *data;

  if (filter != NULL && g_object_get_data (G_OBJECT (filter), "lia-export-format") != NULL)
    format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "lia-export-format")) - 1;
  else
    format = g_str_has_suffix (name, ".csv") ? LIA_EXPORT_CSV : LIA_EXPORT_MARKDOWN;
  fixed = lia_export_file_name (name, format);

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->file = g_file_get_child (parent, fixed);
  data->format = format;

  if (!g_str_equal (name, fixed) && g_file_query_exists (data->file, NULL))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
      /* Translators: %s is a file name */
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), fixed);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("A file with this name already exists in the folder. Replacing it overwrites its contents."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (export_replace_response_cb), data);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  export_write (data);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(LiaWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        lia_window_export_to (self, file, filter);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
export_filter_new (const char      *name,
                   const char      *pattern,
                   LiaExportFormat  format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  /* Stored +1 so that "no format" (NULL) is told apart from Markdown (0). */
  g_object_set_data (G_OBJECT (filter), "lia-export-format", GINT_TO_POINTER (format + 1));
  return filter;
}

/* A filter picked in the chooser renames the file at once where the
 * chooser tells us (GTK's own dialog); the portal's dialog does not, and
 * lia_window_export_to() fixes the name after it answers. */
static void
export_filter_changed_cb (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  gpointer format = filter ? g_object_get_data (G_OBJECT (filter), "lia-export-format") : NULL;
  g_autofree char *name = NULL;
  g_autofree char *fixed = NULL;

  if (format == NULL)
    return;
  name = gtk_file_chooser_get_current_name (chooser);
  if (name == NULL || name[0] == '\0')
    return;
  fixed = lia_export_file_name (name, GPOINTER_TO_INT (format) - 1);
  if (!g_str_equal (name, fixed))
    gtk_file_chooser_set_current_name (chooser, fixed);
}

/* The export file chooser, not yet shown; on "Export" it writes the table.
 * Tests answer it without showing it. */
GtkFileChooserNative *
lia_window_export_chooser_new (LiaWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) md = export_filter_new (_("Markdown table (.md)"), "*.md", LIA_EXPORT_MARKDOWN);
  g_autoptr(GtkFileFilter) csv = export_filter_new (_("Spreadsheet (.csv)"), "*.csv", LIA_EXPORT_CSV);

  chooser = gtk_file_chooser_native_new (_("Export Requirements"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), md);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  {
    /* Translators: the default name of an exported requirement table's
     * file, without its extension (the chosen format adds .md or .csv);
     * only characters a file name may hold. */
    g_autofree char *name = g_strconcat (C_("file name", "requirements"), ".md", NULL);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  }
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  g_signal_connect (chooser, "notify::filter", G_CALLBACK (export_filter_changed_cb), NULL);
  return chooser;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (lia_window_export_chooser_new (LIA_WINDOW (widget))));
}

/* The exported file in the user's program for its type (the toast's "Open"). */
static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  lia_history_undo (lia_workspace_get_history (self->workspace));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  lia_history_redo (lia_workspace_get_history (self->workspace));
}

/* Ctrl+F: the page's own search (Documents, Playbook, the requirement
 * table), else the requirement table's. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);
  GtkWidget *view = lia_window_get_view (self, lia_window_get_area (self));

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  if (lia_area_focus_search (LIA_AREA (view)))
    return;
  lia_window_show_area (self, "requirements");
  lia_area_focus_search (LIA_AREA (lia_window_get_view (self, "requirements")));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  lia_area_add (LIA_AREA (lia_window_get_view (self, lia_window_get_area (self))), self->add_button);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  lia_window_show_area (self, "tasks");
  lia_tasks_view_sync (LIA_TASKS_VIEW (lia_window_get_view (self, "tasks")));
}

/* The playbook's entries that train one assessment area. */
static void
show_playbook_for_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  lia_window_show_area (self, "playbook");
  lia_playbook_view_set_practise (LIA_PLAYBOOK_VIEW (lia_window_get_view (self, "playbook")),
                                  g_variant_get_string (param, NULL));
}

/* Another page of the window, by name (the assessment's suggestions). */
static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  lia_window_show_area (LIA_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  lia_window_show_area (self, "documents");
  lia_documents_view_publish (LIA_DOCUMENTS_VIEW (lia_window_get_view (self, "documents")));
}

/* A meeting by id on the Meetings page (the "Open" of the toast after
 * scheduling one on the Time Zones page). */
static void
open_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (self->workspace));
  const char *id = g_variant_get_string (param, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaMeeting) meeting = g_list_model_get_item (meetings, i);
      if (g_strcmp0 (lia_entity_get_id (LIA_ENTITY (meeting)), id) == 0)
        {
          lia_window_show_area (self, "meetings");
          adw_leaflet_set_visible_child (self->leaflet, self->content_box);
          lia_meetings_view_select (LIA_MEETINGS_VIEW (lia_window_get_view (self, "meetings")), meeting);
          return;
        }
    }
}

/* A requirement (epic and one story per step) or a meeting's action items
 * go to the tracker; the Tasks page shows the progress. */
static void
send_to_tracker_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);
  LiaWorkspace *workspace = lia_window_get_workspace (self);
  const char *id = g_variant_get_string (param, NULL);
  GListModel *lists[] = { G_LIST_MODEL (lia_workspace_get_requirements (workspace)),
                          G_LIST_MODEL (lia_workspace_get_meetings (workspace)) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LiaEntity) entity = g_list_model_get_item (lists[l], i);
        if (g_strcmp0 (lia_entity_get_id (entity), id) == 0)
          {
            lia_window_show_area (self, "tasks");
            lia_tasks_view_send_entity (LIA_TASKS_VIEW (lia_window_get_view (self, "tasks")), entity);
            return;
          }
      }
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* What a reload changed, for its toast: one plural-correct phrase per
 * count that is not zero. */
static char *
reload_summary (const LiaApplyCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (counts->added > 0)
    /* Translators: part of “Reloaded: 2 added, 1 removed, 5 changed”; items of the workspace */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u added", "%u added", counts->added), counts->added));
  if (counts->removed > 0)
    /* Translators: part of “Reloaded: 2 added, 1 removed, 5 changed” */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u removed", "%u removed", counts->removed), counts->removed));
  if (counts->changed > 0)
    /* Translators: part of “Reloaded: 2 added, 1 removed, 5 changed” */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u changed", "%u changed", counts->changed), counts->changed));
  if (counts->moved > 0)
    /* Translators: part of “Reloaded: 2 added, 1 removed, 5 changed, 1 moved” */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u moved", "%u moved", counts->moved), counts->moved));

  if (parts->len == 0)
    /* Translators: the toast after reloading a file that held nothing new */
    return g_strdup (_("Reloaded: no changes"));

  g_ptr_array_add (parts, NULL);
  list = lia_text_list_join ((const char * const *) parts->pdata);
  /* Translators: %s is a list such as “2 added, 1 removed, 5 changed” */
  return g_strdup_printf (_("Reloaded: %s"), list);
}

typedef struct
{
  LiaWindow    *window;
  LiaWorkspace *workspace;  /* the one the reload was asked for */
  LiaWorkspace *loaded;
  char         *reason;     /* why it could not be applied in place */
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->workspace);
  g_clear_object (&data->loaded);
  g_free (data->reason);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReloadData, reload_data_free)

/* The file as a new workspace: views rebuilt, undo history gone. */
static void
reload_reopen (ReloadData *data)
{
  LiaWindow *self = data->window;
  g_autofree char *text = NULL;

  lia_window_set_workspace (self, data->loaded);
  /* Translators: %s says why, e.g. “the workspace title changed” */
  text = g_strdup_printf (_("Reloaded; undo history cleared because %s"), data->reason);
  lia_window_toast (self, text, NULL, NULL);
}

static void
reload_discard_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  g_autoptr(ReloadData) data = user_data;

  if (g_strcmp0 (response, "reload") == 0 && data->window->workspace == data->workspace)
    reload_reopen (data);
}

static void
reload_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ReloadData) data = user_data;
  LiaWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  LiaApplyCounts counts;
  AdwToast *offer;

  data->loaded = lia_workspace_load_finish (result, &error);
  /* The offer to reload (lia-window.c) is answered. */
  offer = g_object_get_data (G_OBJECT (self), "lia-external-change-toast");
  if (offer != NULL)
    adw_toast_dismiss (offer);
  if (data->loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lia_window_show_error (self, _("Could Not Reload the Workspace"), error);
      return;
    }
  /* Another file was opened meanwhile. */
  if (self->workspace != data->workspace)
    return;

  /* In place, as one undo step: rows, selection and history stay, and
   * edits not yet saved are one Undo away. */
  if (lia_workspace_apply (self->workspace, data->loaded, &counts, &error))
    {
      g_autofree char *text = reload_summary (&counts);
      gboolean changed = counts.added + counts.removed + counts.changed + counts.moved > 0;

      lia_window_toast (self, text, changed ? _("_Undo") : NULL, changed ? "win.undo" : NULL);
      return;
    }

  data->reason = g_strdup (error->message);
  if (!lia_workspace_get_modified (self->workspace))
    {
      reload_reopen (data);
      return;
    }

  /* A reopen would drop edits that are not saved yet: only if the user
   * says so. */
  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Unsaved Changes?"), NULL);

    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: %s says why, e.g. “the workspace title changed” */
                                    _("The file cannot be reloaded with undo because %s. Reloading it discards the changes not saved yet and the undo history."),
                                    data->reason);
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "cancel", _("_Cancel"),
                                      "reload", _("_Reload"),
                                      NULL);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                                ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    g_signal_connect (dialog, "response", G_CALLBACK (reload_discard_response_cb), g_steal_pointer (&data));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* Reads the file again (another program changed it) and applies it to
 * the open workspace in place; only where that cannot be done is the
 * file reopened, which clears the undo history. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LiaWindow *self = LIA_WINDOW (widget);
  GFile *file = lia_workspace_get_file (self->workspace);
  ReloadData *data;

  if (file == NULL)
    return;

  data = g_new0 (ReloadData, 1);
  data->window = g_object_ref (self);
  data->workspace = g_object_ref (self->workspace);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lia_workspace_load_async (file, self->cancellable, reload_loaded_cb, data);
}

void
lia_window_update_actions (LiaWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  LiaHistory *history = self->workspace ? lia_workspace_get_history (self->workspace) : NULL;
  gboolean writable = self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);

  gtk_widget_action_set_enabled (widget, "win.save", self->workspace != NULL);
  gtk_widget_action_set_enabled (widget, "win.save-as", self->workspace != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", self->workspace != NULL);
  gtk_widget_action_set_enabled (widget, "win.add", writable);
  gtk_widget_action_set_enabled (widget, "win.undo", history && lia_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", history && lia_history_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.reload",
                                 self->workspace && lia_workspace_get_file (self->workspace));
  gtk_widget_action_set_enabled (widget, "win.none", FALSE);
}

void
lia_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.review-problems", NULL, review_problems_action);
  gtk_widget_class_install_action (widget_class, "win.review-conflicts", NULL, review_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.open-meeting", "s", open_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.none", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-playbook-for", "s", show_playbook_for_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.publish", NULL);
  gtk_widget_class_install_action (widget_class, "win.send-to-tracker", "s", send_to_tracker_action);
  /* Ctrl+Shift+S is Save As. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync", NULL);
  /* The header's + on every page (Ctrl+N is a new workspace). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add", NULL);
}
