/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meetings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-chat-summary-dialog.h"
#include "lia-conflict-index.h"
#include "lia-meeting-export-dialog.h"
#include "lia-meeting-list-row.h"
#include "lia-meeting-sections.h"
#include "lia-meeting-template-menu.h"
#include "lia-meetings-view.h"
#include "lia-meetings-view-private.h"
#include "lia-run-window.h"
#include "lia-split-page.h"
#include "lia-toast.h"
#include "lia-widgets.h"

/* The workspace's meetings, upcoming then past, beside the editor of the
 * selected one; new meetings start from a template.
 *
 * The list view shows the workspace's meetings through a sort model and
 * LiaMeetingSections (the "Upcoming" and "Past" headings), so an insert
 * or a removal touches one row and the selection, the focus and the
 * scroll position stay where they are; rows are made only for the
 * meetings on screen.  Upcoming and past are split at self->now, the
 * page's one clock (tests fix it). */

struct _LiaMeetingsView
{
  GtkWidget         parent_instance;

  LiaWorkspace     *workspace;
  LiaConflictIndex *conflicts;     /* the list marks what a merge left in conflict */
  LiaMeetingTemplateMenu *templates;
  gint64            now;           /* unix seconds: upcoming is start >= now */
  gint64            fixed_now;     /* 0: the real clock */
  GtkSortListModel *sorted;
  GtkCustomSorter  *sorter;
  LiaMeetingSections *sections;
  GtkSingleSelection *selection;

  /* template children */
  LiaSplitPage     *split;
  GtkStack         *list_stack;
  GtkListView      *list;
  GtkStack         *editor_stack;
  LiaMeetingEditor *editor;
  GtkMenuButton    *new_button;
};

static void lia_meetings_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaMeetingsView, lia_meetings_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_meetings_view_area_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
};

static LiaHistory *
history (LiaMeetingsView *self)
{
  return lia_workspace_get_history (self->workspace);
}

static gboolean
writable (LiaMeetingsView *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

static LiaMeeting *
current (LiaMeetingsView *self)
{
  return lia_meeting_editor_get_meeting (self->editor);
}

/* ---- new meetings and templates ---- */

GPtrArray *
lia_meetings_view_get_templates (LiaMeetingsView *self)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  return lia_meeting_template_menu_get_templates (self->templates);
}

LiaMeeting *
lia_meetings_view_new_meeting (LiaMeetingsView *self,
                               LiaMeeting      *template_)
{
  g_autoptr(LiaMeeting) meeting = NULL;
  GListStore *meetings;

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);
  g_return_val_if_fail (template_ == NULL || LIA_IS_MEETING (template_), NULL);

  if (!writable (self))
    return NULL;

  meeting = lia_meeting_template_menu_make (template_, G_LIST_MODEL (lia_workspace_get_members (self->workspace)));
  meetings = lia_workspace_get_meetings (self->workspace);
  lia_history_begin (history (self), _("New meeting"));
  lia_history_insert (history (self), meetings, g_list_model_get_n_items (G_LIST_MODEL (meetings)), meeting);
  lia_history_end (history (self));
  lia_meetings_view_select (self, meeting);
  return meeting;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (widget);

  lia_meetings_view_new_meeting (self, lia_meeting_template_menu_get_template (self->templates,
                                                                               g_variant_get_int32 (param)));
}

static void
template_chosen_cb (LiaMeetingsView *self,
                    LiaMeeting      *template_)
{
  lia_meetings_view_new_meeting (self, template_);
}

/**
 * lia_meetings_view_choose_template:
 * @anchor: the widget the menu hangs from (the header's +)
 *
 * Offers the templates (Blank Meeting first) in a menu at @anchor; the
 * chosen one makes the new meeting. The menu carries its own
 * "meetings.new" so it works wherever @anchor sits.
 *
 * Returns: (transfer none): the menu, shown
 */
GtkPopover *
lia_meetings_view_choose_template (LiaMeetingsView *self,
                                   GtkWidget       *anchor)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (anchor), NULL);

  return lia_meeting_template_menu_popup (self->templates, anchor);
}

gboolean
lia_meetings_view_save_as_template (LiaMeetingsView  *self,
                                    GError          **error)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), FALSE);

  if (current (self) == NULL)
    return FALSE;
  return lia_meeting_template_menu_save (self->templates, current (self), error);
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (lia_meetings_view_save_as_template (self, &error))
    lia_show_toast (GTK_WIDGET (self), _("Saved as a template"));
  else if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the template: %s"), error->message);
      lia_show_toast (GTK_WIDGET (self), text);
    }
}

void
lia_meetings_view_delete_meeting (LiaMeetingsView *self)
{
  GListStore *meetings;
  guint position;
  g_autofree char *title = NULL;

  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));

  if (!writable (self) || current (self) == NULL)
    return;
  meetings = lia_workspace_get_meetings (self->workspace);
  if (!g_list_store_find (meetings, current (self), &position))
    return;
  /* Translators: shown with Undo after a meeting was deleted */
  title = g_strdup_printf (_("Deleted “%s”"), lia_entity_get_string (LIA_ENTITY (current (self)), LIA_MEETING_TITLE));
  lia_history_begin (history (self), _("Delete meeting"));
  lia_history_remove (history (self), meetings, position);
  lia_history_end (history (self));
  lia_show_undo_toast (GTK_WIDGET (self), title);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  lia_meetings_view_delete_meeting (LIA_MEETINGS_VIEW (widget));
}

/* ---- export ---- */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (widget);
  gboolean ics = g_str_equal (g_variant_get_string (param, NULL), "ics");

  if (current (self) != NULL)
    lia_meeting_export_dialog_show (widget, current (self), G_LIST_MODEL (lia_workspace_get_members (self->workspace)),
                                    ics ? LIA_EXPORT_ICALENDAR : LIA_EXPORT_MARKDOWN);
}

/* ---- chat ---- */

/**
 * lia_meetings_view_send_summary:
 *
 * Opens a #LiaChatSummaryDialog on the selected meeting.  Posting records
 * itself on the meeting, so a read-only workspace does not offer it.
 *
 * Returns: (transfer none) (nullable): the dialog, shown
 */
GtkWindow *
lia_meetings_view_send_summary (LiaMeetingsView *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  if (current (self) == NULL || !writable (self))
    return NULL;

  dialog = lia_chat_summary_dialog_new (self->workspace, current (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
send_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  lia_meetings_view_send_summary (LIA_MEETINGS_VIEW (widget));
}

/* ---- run mode ---- */

/**
 * lia_meetings_view_run:
 *
 * Opens a #LiaRunWindow on the selected meeting; it records the actual
 * times in the workspace's history when the run ends.
 *
 * Returns: (transfer none) (nullable): the window, shown
 */
GtkWindow *
lia_meetings_view_run (LiaMeetingsView *self)
{
  GtkWidget *window;

  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  if (current (self) == NULL || !writable (self))
    return NULL;

  window = lia_run_window_new (current (self), history (self));
  g_object_bind_property (self->workspace, "read-only", window, "read-only", G_BINDING_SYNC_CREATE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  lia_meetings_view_run (LIA_MEETINGS_VIEW (widget));
}

/* ---- the list ---- */

static int
compare_meetings (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  LiaMeetingsView *self = data;

  return lia_meeting_list_compare ((LiaMeeting *) a, (LiaMeeting *) b, self->now);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LiaMeetingsView          *self)
{
  gtk_list_item_set_child (item, lia_meeting_list_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LiaMeetingsView          *self)
{
  GObject *object = gtk_list_item_get_item (item);
  gboolean meeting = LIA_IS_MEETING (object);

  /* A heading is neither chosen nor opened. */
  gtk_list_item_set_selectable (item, meeting);
  gtk_list_item_set_activatable (item, meeting);
  lia_meeting_list_row_set_item (LIA_MEETING_LIST_ROW (gtk_list_item_get_child (item)), object, self->conflicts);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LiaMeetingsView          *self)
{
  lia_meeting_list_row_set_item (LIA_MEETING_LIST_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
update_actions (LiaMeetingsView *self)
{
  gboolean selected = current (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.run", selected && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.delete", selected && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.export", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.send-summary", selected && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.save-template", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", writable (self));
}

/* After the list changed: the editor lets go of a deleted meeting, and
 * the selected meeting stays selected wherever the sort moved it. */
static void
sync_selection (LiaMeetingsView *self)
{
  GListModel *meetings = gtk_sort_list_model_get_model (self->sorted);
  guint position;

  if (current (self) != NULL &&
      (meetings == NULL || !g_list_store_find (G_LIST_STORE (meetings), current (self), NULL)))
    lia_meeting_editor_set_meeting (self->editor, NULL);

  if (!lia_meeting_sections_find (self->sections, current (self), &position))
    position = GTK_INVALID_LIST_POSITION;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->editor_stack, current (self) ? "editor" : "none");
  update_actions (self);
}

/* Re-sorts only when an edit (a new start) or the clock (a meeting that
 * is now past) changed the order: a re-sort makes new rows. */
static void
check_order (LiaMeetingsView *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  gint64 now = self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
  gboolean sorted = TRUE;
  gboolean split_moved = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaMeeting) meeting = g_list_model_get_item (model, i);
      if (lia_meeting_list_is_upcoming (meeting, self->now) != lia_meeting_list_is_upcoming (meeting, now))
        split_moved = TRUE;
      if (i + 1 < n)
        {
          g_autoptr(LiaMeeting) next = g_list_model_get_item (model, i + 1);
          if (compare_meetings (meeting, next, self) > 0)
            sorted = FALSE;
        }
    }
  self->now = now;
  if (split_moved || !sorted)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  /* Also when no meeting moved: the next one added is split at @now. */
  lia_meeting_sections_set_now (self->sections, now);
  if (split_moved || !sorted)
    sync_selection (self);
}

static void
history_changed_cb (LiaMeetingsView *self)
{
  check_order (self);
  update_actions (self);
}

/* The editor follows the selection (a click, the arrow keys). */
static void
selection_changed_cb (LiaMeetingsView *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  LiaMeeting *meeting;

  /* A heading chosen by the keyboard or by code: the meeting under it
   * (a heading always has one). */
  if (item != NULL && !LIA_IS_MEETING (item))
    {
      gtk_single_selection_set_selected (self->selection, gtk_single_selection_get_selected (self->selection) + 1);
      return;
    }
  meeting = LIA_MEETING (item);
  if (meeting == NULL || meeting == current (self))
    return;
  lia_meeting_editor_set_meeting (self->editor, meeting);
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  update_actions (self);
}

/* Enter, or a double click: the editor, also on a narrow window. */
static void
row_activated_cb (LiaMeetingsView *self,
                  guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (!LIA_IS_MEETING (item))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  lia_split_page_set_show_content (self->split, TRUE);
}

/* On a narrow window the list and the editor take turns: a click on a
 * meeting opens its editor, as a tap on a phone would. */
static void
list_clicked_cb (LiaMeetingsView *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  GtkWidget *picked = lia_list_view_pick (self->list, x, y);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, LIA_TYPE_MEETING_LIST_ROW) : NULL;

  if (row == NULL || lia_meeting_list_row_get_meeting (LIA_MEETING_LIST_ROW (row)) == NULL || current (self) == NULL)
    return;
  lia_split_page_set_show_content (self->split, TRUE);
}

void
lia_meetings_view_select (LiaMeetingsView *self,
                          LiaMeeting      *meeting)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));
  g_return_if_fail (meeting == NULL || LIA_IS_MEETING (meeting));

  lia_meeting_editor_set_meeting (self->editor, meeting);
  sync_selection (self);
  if (meeting != NULL)
    lia_split_page_set_show_content (self->split, TRUE);
}

LiaMeetingEditor *
lia_meetings_view_get_editor (LiaMeetingsView *self)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  return self->editor;
}

GtkListView *
lia_meetings_view_get_list (LiaMeetingsView *self)
{
  g_return_val_if_fail (LIA_IS_MEETINGS_VIEW (self), NULL);

  return self->list;
}

void
lia_meetings_view_set_now (LiaMeetingsView *self,
                           gint64           now)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));

  self->fixed_now = now;
  check_order (self);
}

/* ---- widget ---- */

void
lia_meetings_view_set_workspace (LiaMeetingsView *self,
                                 LiaWorkspace    *workspace)
{
  g_return_if_fail (LIA_IS_MEETINGS_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (workspace == self->workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  lia_meeting_editor_set_workspace (self->editor, workspace);
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->conflicts);
  /* Before the list's model, so its new rows find it. */
  if (workspace != NULL)
    self->conflicts = lia_conflict_index_new (G_LIST_MODEL (lia_workspace_get_conflicts (workspace)));
  if (workspace != NULL)
    g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                             G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  self->now = self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
  lia_meeting_sections_set_now (self->sections, self->now);
  gtk_sort_list_model_set_model (self->sorted, workspace ? G_LIST_MODEL (lia_workspace_get_meetings (workspace)) : NULL);
  sync_selection (self);
  g_object_notify (G_OBJECT (self), "workspace");
}

static void
lia_meetings_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meetings_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_meetings_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meetings_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lia_meetings_view_parent_class)->map (widget);

  /* Meetings that began while the page was away move to Past. */
  check_order (LIA_MEETINGS_VIEW (widget));
}

static void
lia_meetings_view_dispose (GObject *object)
{
  LiaMeetingsView *self = LIA_MEETINGS_VIEW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEETINGS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->sections);
  g_clear_object (&self->sorted);
  g_clear_object (&self->workspace);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->templates);
  G_OBJECT_CLASS (lia_meetings_view_parent_class)->dispose (object);
}

static void
lia_meetings_view_class_init (LiaMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meetings_view_dispose;
  object_class->get_property = lia_meetings_view_get_property;
  object_class->set_property = lia_meetings_view_set_property;
  widget_class->map = lia_meetings_view_map;
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (LIA_TYPE_MEETING_EDITOR);
  g_type_ensure (LIA_TYPE_SPLIT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/meetings/lia-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, list);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, editor);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingsView, new_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", "i", new_action);
  gtk_widget_class_install_action (widget_class, "meetings.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "meetings.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "meetings.send-summary", NULL, send_summary_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "meetings.delete", NULL, delete_action);
}

static void
lia_meetings_view_init (LiaMeetingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->sorter = gtk_custom_sorter_new (compare_meetings, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (self->sorter));
  self->sections = lia_meeting_sections_new (G_LIST_MODEL (self->sorted));
  lia_meeting_sections_set_now (self->sections, self->now);
  self->selection = lia_list_view_setup (self->list, G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                         G_CALLBACK (unbind_row_cb), G_CALLBACK (selection_changed_cb), self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sections));
  /* After the selection has followed the change. */
  g_signal_connect_swapped (self->sections, "items-changed", G_CALLBACK (sync_selection), self);
  self->templates = lia_meeting_template_menu_new ();
  g_signal_connect_object (self->templates, "chosen", G_CALLBACK (template_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_menu_model (self->new_button, lia_meeting_template_menu_get_model (self->templates));
  sync_selection (self);
}

/* ---- LiaArea ---- */

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_meetings_view_choose_template (LIA_MEETINGS_VIEW (area), anchor);
}

static void
lia_meetings_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
}
