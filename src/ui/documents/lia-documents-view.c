/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-documents-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <stdio.h>
#include <string.h>

#include "lia-documents-view.h"
#include "lia-export.h"
#include "lia-markdown-render.h"
#include "lia-page-tree.h"
#include "lia-publish-dialog.h"
#include "lia-toast.h"
#include "lia-widgets.h"

/* A Confluence-style space: the page tree (expand, reorder, indent, drag
 * and drop, rename in place, search) beside the selected page's Markdown,
 * its rendered preview, breadcrumbs, word count and last edit. */

struct _LiaDocumentsView
{
  GtkWidget           parent_instance;

  LiaWorkspace       *workspace;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  char               *structure;     /* the tree's shape, to notice changes */
  LiaPage            *page;          /* the page in the editor */
  gboolean            syncing;
  char               *status;
  char               *crumbs;
  guint               refresh_id;

  AdwLeaflet         *leaflet;
  GtkWidget          *tree_pane;
  GtkWidget          *editor_pane;
  GtkStack           *tree_stack;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkListBox         *results;
  GtkStack           *editor_stack;
  GtkWidget          *crumb_box;
  GtkLabel           *crumb_label;   /* the ancestors above the parent, as links */
  GtkLabel           *parent_label;  /* the parent, as a link */
  GtkEntry           *title_entry;
  GtkStack           *mode_stack;
  GtkSourceBuffer    *source;
  GtkTextView        *source_view;
  GtkTextView        *preview;
  GtkLabel           *status_label;
  GMenu              *new_menu;
  GHashTable         *labels;        /* LiaPage → its row's GtkEditableLabel, while bound */
  GtkWidget          *edit_toggle;
  GtkWidget          *preview_toggle;
};

G_DEFINE_FINAL_TYPE (LiaDocumentsView, lia_documents_view, GTK_TYPE_WIDGET)

enum {
  OPEN_MEETING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_tree (LiaDocumentsView *self);
static void show_page (LiaDocumentsView *self, LiaPage *page);
static char *meeting_date (LiaMeeting *meeting);

static LiaHistory *
history (LiaDocumentsView *self)
{
  return lia_workspace_get_history (self->workspace);
}

static GListStore *
roots (LiaDocumentsView *self)
{
  return lia_workspace_get_pages (self->workspace);
}

static gboolean
writable (LiaDocumentsView *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

static GListStore *
children (LiaPage *page)
{
  return lia_entity_get_list (LIA_ENTITY (page), LIA_PAGE_CHILDREN);
}

/* ---- the tree ---- */

static GListModel *
create_children (gpointer item,
                 gpointer data)
{
  GListStore *kids = children (item);

  /* Only pages with pages under them get an expander. */
  return g_list_model_get_n_items (G_LIST_MODEL (kids)) > 0 ? g_object_ref (G_LIST_MODEL (kids)) : NULL;
}

static void
shape_of (GListModel *pages,
          GString    *out)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (pages, i);

      g_string_append (out, lia_entity_get_id (LIA_ENTITY (page)));
      g_string_append_c (out, '(');
      shape_of (G_LIST_MODEL (children (page)), out);
      g_string_append_c (out, ')');
    }
}

static LiaPage *
row_page (GtkTreeListRow *row)
{
  return LIA_PAGE (gtk_tree_list_row_get_item (row));
}

LiaPage *
lia_documents_view_get_selected (LiaDocumentsView *self)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  return self->page;
}

/* Expands the ancestors of PAGE and selects its row. */
void
lia_documents_view_select (LiaDocumentsView *self,
                           LiaPage          *page)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  LiaPage *parent = NULL;
  LiaPage *current = page;
  guint position;

  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  if (page == NULL || self->tree == NULL)
    {
      show_page (self, NULL);
      return;
    }

  /* Ancestors, outermost first. */
  while (current != NULL)
    {
      parent = NULL;
      if (lia_pages_find_store (roots (self), current, &position, &parent) == NULL)
        return;
      if (parent != NULL)
        g_ptr_array_insert (path, 0, parent);
      current = parent;
    }

  for (guint i = 0; i < path->len; i++)
    for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); r++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), r);
        g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

        if (item == g_ptr_array_index (path, i))
          {
            gtk_tree_list_row_set_expanded (row, TRUE);
            break;
          }
      }

  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); r++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), r);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == G_OBJECT (page))
        {
          gtk_single_selection_set_selected (self->selection, r);
          break;
        }
    }
  show_page (self, page);
}

/* The tree again, when its shape changed (pages added, removed, moved,
 * by an edit or by undo), keeping what was expanded and selected. */
static void
rebuild_tree (LiaDocumentsView *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);
  g_autoptr(LiaPage) selected = self->page ? g_object_ref (self->page) : NULL;
  GString *shape = g_string_new (NULL);

  shape_of (G_LIST_MODEL (roots (self)), shape);
  if (self->tree != NULL && g_strcmp0 (shape->str, self->structure) == 0)
    {
      g_string_free (shape, TRUE);
      return;
    }
  g_free (self->structure);
  self->structure = g_string_free (shape, FALSE);

  if (self->tree != NULL)
    for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); r++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), r);
        if (gtk_tree_list_row_get_expanded (row))
          g_hash_table_add (expanded, row_page (row));
      }

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (roots (self))), FALSE, FALSE,
                                        create_children, NULL, NULL);
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;

  /* Rows appear as their parents open, so one pass reaches every level. */
  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); r++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), r);
      g_autoptr(LiaPage) page = row_page (row);

      if (g_hash_table_contains (expanded, page))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  /* row_page took a reference per call above; the set holds borrowed ones. */
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, expanded);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_object_unref (key);
  }

  gtk_stack_set_visible_child_name (self->tree_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (roots (self))) ? "tree" : "empty");
  if (selected != NULL && lia_pages_find_store (roots (self), selected, NULL, NULL) != NULL)
    lia_documents_view_select (self, selected);
  else
    show_page (self, NULL);
}

static void
selection_changed_cb (LiaDocumentsView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(LiaPage) page = row ? row_page (row) : NULL;

  if (self->syncing || page == NULL || page == self->page)
    return;
  show_page (self, page);
}

static void
activate_cb (LiaDocumentsView *self,
             guint             position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

/* On a narrow window the tree and the page take turns: a click on a row
 * opens its page, as on the other pages and as a tap on a phone would.
 * A click on a row's expander only opens or closes the branch. */
static void
tree_clicked_cb (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 LiaDocumentsView *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  for (GtkWidget *w = picked; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    if (g_strcmp0 (gtk_widget_get_css_name (w), "expander") == 0)
      return;
  if (picked == NULL || picked == GTK_WIDGET (self->list_view))
    return;
  if (adw_leaflet_get_folded (self->leaflet) && self->page != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

/* ---- tree rows: labels, rename in place, drag and drop ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *expander)
{
  LiaPage *page = g_object_get_data (G_OBJECT (expander), "page");

  return page ? gdk_content_provider_new_typed (LIA_TYPE_PAGE, page) : NULL;
}

gboolean
lia_documents_view_drop (LiaDocumentsView *self,
                         LiaPage          *page,
                         LiaPage          *target,
                         LiaDropPlace      place)
{
  g_autoptr(GError) error = NULL;
  LiaPage *parent = NULL;
  GListStore *to, *from;
  guint t, f;

  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), FALSE);

  if (!writable (self) || page == NULL || target == NULL || page == target)
    return FALSE;

  if (place == LIA_DROP_ONTO)
    {
      if (!lia_pages_move (history (self), roots (self), page, target, G_MAXUINT, &error))
        goto fail;
      return TRUE;
    }

  to = lia_pages_find_store (roots (self), target, &t, &parent);
  from = lia_pages_find_store (roots (self), page, &f, NULL);
  if (to == NULL || from == NULL)
    return FALSE;
  if (place == LIA_DROP_AFTER)
    t++;
  if (from == to && f < t)
    t--;
  if (!lia_pages_move (history (self), roots (self), page, parent, t, &error))
    goto fail;
  return TRUE;

fail:
  lia_show_toast (GTK_WIDGET (self), error->message);
  return FALSE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *expander)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (gtk_widget_get_ancestor (expander, LIA_TYPE_DOCUMENTS_VIEW));
  LiaPage *onto = g_object_get_data (G_OBJECT (expander), "page");
  int height = gtk_widget_get_height (expander);
  LiaDropPlace place = y < height / 4.0 ? LIA_DROP_BEFORE : y > height * 3 / 4.0 ? LIA_DROP_AFTER : LIA_DROP_ONTO;

  if (self == NULL || !G_VALUE_HOLDS (value, LIA_TYPE_PAGE))
    return FALSE;
  return lia_documents_view_drop (self, g_value_get_object (value), onto, place);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           LiaDocumentsView         *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new ("");
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (LIA_TYPE_PAGE, GDK_ACTION_MOVE);

  /* A plain label keeps thousands of rows cheap to scroll; F2 renames in
   * a popover on the row. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), expander);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), expander);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
  gtk_list_item_set_child (item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LiaDocumentsView         *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(LiaPage) page = row_page (row);
  GBinding *binding;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_object_set_data_full (G_OBJECT (expander), "page", g_object_ref (page), g_object_unref);
  g_object_set_data_full (G_OBJECT (label), "page", g_object_ref (page), g_object_unref);
  binding = g_object_bind_property (page, lia_entity_get_field_pspec (LIA_ENTITY (page), LIA_PAGE_TITLE)->name,
                                    label, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (label), "binding", binding);
  g_hash_table_insert (self->labels, page, label);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            LiaDocumentsView         *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GBinding *binding = g_object_get_data (G_OBJECT (label), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  {
    LiaPage *page = g_object_get_data (G_OBJECT (label), "page");
    if (page != NULL && g_hash_table_lookup (self->labels, page) == label)
      g_hash_table_remove (self->labels, page);
  }
  g_object_set_data (G_OBJECT (label), "binding", NULL);
  g_object_set_data (G_OBJECT (label), "page", NULL);
  g_object_set_data (G_OBJECT (expander), "page", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* ---- editing the tree ---- */

static const char *api_design_body =
  N_("# API design\n\n## Purpose\n\n## Endpoints\n\n| Method | Path | Description |\n|---|---|---|\n|  |  |  |\n\n"
     "## Request\n\n## Response\n\n## Errors\n\n## Open questions\n");
static const char *decision_body =
  N_("# Decision record\n\n**Status:** proposed\n\n## Context\n\n## Decision\n\n## Consequences\n");

static LiaPage *
insert_page (LiaDocumentsView *self,
             LiaPage          *page,
             gboolean          as_child)
{
  LiaPage *parent = NULL;
  GListStore *store = roots (self);
  guint position = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (!writable (self))
    return NULL;
  if (self->page != NULL)
    {
      if (as_child)
        {
          store = children (self->page);
          position = g_list_model_get_n_items (G_LIST_MODEL (store));
        }
      else
        {
          store = lia_pages_find_store (roots (self), self->page, &position, &parent);
          position++;
        }
    }
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_UPDATED, "");
  lia_history_begin (history (self), _("Add page"));
  lia_history_insert (history (self), store, position, page);
  lia_history_end (history (self));
  rebuild_tree (self);
  lia_documents_view_select (self, page);
  return page;
}

LiaPage *
lia_documents_view_add_page (LiaDocumentsView *self,
                             gboolean          as_child)
{
  g_autoptr(LiaPage) page = lia_page_new ();

  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("Untitled page"));
  return insert_page (self, page, as_child);
}

static void
new_page_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (widget);
  const char *kind = g_variant_get_string (param, NULL);
  g_autoptr(LiaPage) page = NULL;

  if (g_str_equal (kind, "child"))
    {
      lia_documents_view_add_page (self, TRUE);
      return;
    }
  if (g_str_equal (kind, "space"))
    {
      page = lia_pages_new_space ();
      g_clear_object (&self->page);
      insert_page (self, page, FALSE);
      return;
    }
  page = lia_page_new ();
  if (g_str_equal (kind, "api"))
    {
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("API design"));
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, _(api_design_body));
    }
  else if (g_str_equal (kind, "decision"))
    {
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("Decision record"));
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, _(decision_body));
    }
  else if (g_str_has_prefix (kind, "minutes:"))
    {
      /* Minutes of a meeting of the workspace: its Markdown export, with a
       * link back to it by id. */
      GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (self->workspace));
      guint index = (guint) g_ascii_strtoull (kind + 8, NULL, 10);
      g_autoptr(LiaMeeting) meeting = index < g_list_model_get_n_items (meetings) ? g_list_model_get_item (meetings, index) : NULL;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;

      if (meeting == NULL)
        return;
      text = lia_export_meeting (meeting, G_LIST_MODEL (lia_workspace_get_members (self->workspace)), LIA_EXPORT_MARKDOWN, NULL);
      g_autofree char *date = meeting_date (meeting);

      if (date != NULL)
        /* Translators: the title of a page of meeting minutes: the meeting's title and date */
        title = g_strdup_printf (_("Minutes: %s (%s)"), lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE), date);
      else
        /* Translators: the title of a page of meeting minutes */
        title = g_strdup_printf (_("Minutes: %s"), lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE));
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, title);
      {
        /* Translators: a link at the end of minutes, back to the meeting */
        g_autofree char *body = g_strdup_printf ("%s\n[%s](meeting:%s)\n", text ? text : "", _("Open the meeting"),
                                                 lia_entity_get_id (LIA_ENTITY (meeting)));
        lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, body);
      }
    }
  else
    lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("Untitled page"));
  insert_page (self, page, FALSE);
}

void
lia_documents_view_delete_page (LiaDocumentsView *self)
{
  GListStore *store;
  guint position;
  g_autofree char *title = NULL;

  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  if (!writable (self) || self->page == NULL)
    return;
  store = lia_pages_find_store (roots (self), self->page, &position, NULL);
  if (store == NULL)
    return;
  /* Translators: shown with Undo after a page (and the pages under it) was deleted */
  title = g_strdup_printf (_("Deleted “%s”"), lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE));
  lia_history_begin (history (self), _("Delete page"));
  lia_history_remove (history (self), store, position);
  lia_history_end (history (self));
  self->page = NULL;
  rebuild_tree (self);
  lia_show_undo_toast (GTK_WIDGET (self), title);
}

static void
folder_chosen_cb (GtkNativeDialog  *chooser,
                  int               response,
                  LiaDocumentsView *self)
{
  gboolean export = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "export"));
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_unref (chooser);
  if (folder == NULL || (path = g_file_get_path (folder)) == NULL || self->workspace == NULL)
    return;

  if (export)
    {
      if (self->page != NULL && lia_pages_export_tree (self->page, path, &error))
        lia_show_toast (GTK_WIDGET (self), _("Pages exported"));
    }
  else
    {
      g_autoptr(GPtrArray) imported = lia_pages_import_tree_full (path, self->workspace, NULL, &error);

      if (imported != NULL && writable (self))
        {
          lia_history_begin (history (self), _("Import pages"));
          /* The import already gave new ids where the folder's clash
           * with the workspace's (a second import of the same folder). */
          for (guint i = 0; i < imported->len; i++)
            lia_history_insert (history (self), roots (self), g_list_model_get_n_items (G_LIST_MODEL (roots (self))),
                                g_ptr_array_index (imported, i));
          lia_history_end (history (self));
          rebuild_tree (self);
          lia_documents_view_select (self, g_ptr_array_index (imported, 0));
        }
    }
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (export ? _("Could not export the pages: %s") : _("Could not import the pages: %s"),
                                                   error->message);
      lia_show_toast (GTK_WIDGET (self), message);
    }
}

static void
choose_folder (LiaDocumentsView *self,
               gboolean          export)
{
  GtkFileChooserNative *chooser;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (export ? _("Export Pages to a Folder") : _("Import a Folder of Markdown Pages"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         export ? _("_Export") : _("_Import"), NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_set_data (G_OBJECT (chooser), "export", GINT_TO_POINTER (export));
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  if (LIA_DOCUMENTS_VIEW (widget)->page != NULL)
    choose_folder (LIA_DOCUMENTS_VIEW (widget), TRUE);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  choose_folder (LIA_DOCUMENTS_VIEW (widget), FALSE);
}

/* Opens Publish to Wiki for the whole tree, or for the selected page's
 * subtree when one is selected. */
GtkWidget *
lia_documents_view_publish (LiaDocumentsView *self)
{
  LiaPage *page = lia_documents_view_get_selected (self);
  GtkWidget *dialog;

  if (self->workspace == NULL)
    return NULL;
  dialog = lia_publish_dialog_new (self->workspace, page);
  if (page != NULL)
    lia_publish_dialog_set_scope_page (LIA_PUBLISH_DIALOG (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Opens the wiki page the selected page was last published to. */
static void
open_wiki_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (widget);
  LiaRemoteRef *ref = self->page ? lia_entity_get_remote (LIA_ENTITY (self->page)) : NULL;
  const char *url = ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL) : "";

  if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      lia_show_toast (widget, _("This page is not on a wiki yet: publish it first"));
      return;
    }
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), url, GDK_CURRENT_TIME);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lia_documents_view_publish (LIA_DOCUMENTS_VIEW (widget));
}

static void
rename_entry_activate_cb (GtkEntry         *entry,
                          LiaDocumentsView *self)
{
  LiaPage *page = g_object_get_data (G_OBJECT (entry), "page");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (title[0] != '\0' && page != NULL && writable (self))
    lia_pages_rename (history (self), roots (self), page, title);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER)));
}

static gboolean
unparent_idle_cb (gpointer popover)
{
  gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
rename_closed_cb (GtkPopover *popover)
{
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

/* F2: the selected page's title in an entry on its row. */
static void
rename_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (widget);
  GtkWidget *label = self->page ? g_hash_table_lookup (self->labels, self->page) : NULL;
  GtkWidget *popover, *entry;

  if (label == NULL || !writable (self))
    return;
  popover = gtk_popover_new ();
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page title"), -1);
  g_object_set_data_full (G_OBJECT (entry), "page", g_object_ref (self->page), g_object_unref);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_entry_activate_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), entry);
  gtk_widget_set_parent (popover, label);
  g_signal_connect (popover, "closed", G_CALLBACK (rename_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (entry);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  lia_documents_view_delete_page (LIA_DOCUMENTS_VIEW (widget));
}

/* Alt+Up/Down among siblings; Alt+Left out to the parent's level (after
 * the parent); Alt+Right in, as the last page under the one above. */
static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (widget);
  const char *where = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  LiaPage *parent = NULL, *grandparent = NULL;
  GListStore *store;
  guint position, parent_position;

  if (!writable (self) || self->page == NULL ||
      (store = lia_pages_find_store (roots (self), self->page, &position, &parent)) == NULL)
    return;

  if (g_str_equal (where, "up") && position > 0)
    lia_pages_move (history (self), roots (self), self->page, parent, position - 1, &error);
  else if (g_str_equal (where, "down") && position + 1 < g_list_model_get_n_items (G_LIST_MODEL (store)))
    lia_pages_move (history (self), roots (self), self->page, parent, position + 1, &error);
  else if (g_str_equal (where, "out") && parent != NULL)
    {
      lia_pages_find_store (roots (self), parent, &parent_position, &grandparent);
      lia_pages_move (history (self), roots (self), self->page, grandparent, parent_position + 1, &error);
    }
  else if (g_str_equal (where, "in") && position > 0)
    {
      g_autoptr(LiaPage) above = g_list_model_get_item (G_LIST_MODEL (store), position - 1);
      lia_pages_move (history (self), roots (self), self->page, above, G_MAXUINT, &error);
    }
  rebuild_tree (self);
}

/* ---- the editor ---- */

/* Chinese and Japanese are written without spaces, so each Han, kana or
 * hangul character counts as one (as 字 in a Chinese word count); a run
 * of Latin letters or digits is one word, apostrophes inside included
 * ("don't"). */
static gboolean
counted_alone (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return g_unichar_isalnum (c);
    default:
      return FALSE;
    }
}

guint
lia_documents_view_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (counted_alone (c))
        {
          words++;
          in_word = FALSE;
        }
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            words++;
          in_word = TRUE;
        }
      else if (in_word && (c == '\'' || c == 0x2019) && g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p))) &&
               !counted_alone (g_utf8_get_char (g_utf8_next_char (p))))
        continue;
      else
        in_word = FALSE;
    }
  return words;
}

static void
update_status (LiaDocumentsView *self)
{
  const char *updated;
  guint words;
  g_autofree char *edited = NULL;

  g_free (self->status);
  self->status = NULL;
  if (self->page == NULL)
    return;
  words = lia_documents_view_count_words (lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_BODY));
  updated = lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_UPDATED);
  if (updated[0] != '\0')
    {
      g_autoptr(GDateTime) stamp = g_date_time_new_from_iso8601 (updated, NULL);
      g_autoptr(GDateTime) local = stamp ? g_date_time_to_local (stamp) : NULL;
      edited = local ? g_date_time_format (local, _("%a %e %b %Y, %H:%M")) : NULL;
    }
  if (edited != NULL)
    /* Translators: the word count, where each Chinese character counts as
     * one: in Chinese say 字 ("%u 字 · 编辑于 %s"), not 词. Then when the
     * page was last edited. */
    self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word · edited %s", "%u words · edited %s", words), words, edited);
  else
    /* Translators: the word count, where each Chinese character counts as
     * one: in Chinese say 字 ("%u 字"), not 词 */
    self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  {
    LiaRemoteRef *ref = lia_entity_get_remote (LIA_ENTITY (self->page));
    const char *version = ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_VERSION) : "";

    if (ref && *lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_SPACE) && *version)
      {
        /* Translators: appended to the word count; %s is the wiki page's version */
        g_autofree char *published = g_strdup_printf (_("published, wiki version %s"), version);
        g_autofree char *both = g_strconcat (self->status, " · ", published, NULL);
        g_free (self->status);
        self->status = g_steal_pointer (&both);
      }
  }
  gtk_label_set_label (self->status_label, self->status);
}

static gboolean
crumb_activated_cb (GtkLabel         *label,
                    const char       *uri,
                    LiaDocumentsView *self)
{
  lia_documents_view_follow_link (self, uri);
  return TRUE;
}

/* The ancestors of the page, as links. A deep path is shortened in the
 * middle, so the space it starts from and the parent it ends with (the
 * crumb one wants) both stay readable: the parent has a label of its own,
 * and the crumbs before it ask for at most 24 characters, so they give way
 * first. Both can shrink to "…" in a 360 px window. */
static void
update_breadcrumbs (LiaDocumentsView *self)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  LiaPage *current = self->page;
  GString *text = g_string_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);

  while (current != NULL)
    {
      LiaPage *parent = NULL;
      guint position;

      if (lia_pages_find_store (roots (self), current, &position, &parent) == NULL)
        break;
      if (parent != NULL)
        g_ptr_array_insert (path, 0, parent);
      current = parent;
    }
  for (guint i = 0; i < path->len; i++)
    {
      LiaPage *page = g_ptr_array_index (path, i);
      const char *title = lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *link = g_strdup_printf ("<a href=\"page:%s\">%s</a>", lia_entity_get_id (LIA_ENTITY (page)), escaped);

      if (i + 1 < path->len)
        g_string_append_printf (markup, "%s › ", link);
      else
        gtk_label_set_markup (self->parent_label, link);
      g_string_append_printf (text, "%s › ", title);
    }
  gtk_label_set_markup (self->crumb_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->crumb_label), path->len > 1);
  g_string_append (text, self->page ? lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE) : "");
  g_free (self->crumbs);
  self->crumbs = g_string_free (text, FALSE);
  gtk_widget_set_visible (self->crumb_box, path->len > 0);
}

static void
render_preview (LiaDocumentsView *self)
{
  if (self->page == NULL)
    return;
  lia_markdown_render (self->preview,
                       lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_BODY));
}

static void
show_page (LiaDocumentsView *self,
           LiaPage          *page)
{
  if (self->page != page)
    g_set_object (&self->page, page);
  gtk_stack_set_visible_child_name (self->editor_stack, page ? "page" : "none");
  if (page == NULL)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->source), lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_BODY), -1);
  self->syncing = FALSE;
  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), writable (self));
  gtk_text_view_set_editable (self->source_view, writable (self));
  update_breadcrumbs (self);
  update_status (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "preview") == 0)
    render_preview (self);
}

static void
body_changed_cb (LiaDocumentsView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  GtkTextIter start, end;

  if (self->syncing || self->page == NULL || !writable (self))
    return;
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->source), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->source), &start, &end, FALSE);
  lia_history_set_string (history (self), LIA_ENTITY (self->page), LIA_PAGE_BODY, text, TRUE);
  /* When it was last edited is a fact about the page, not an edit. */
  lia_entity_set_string (LIA_ENTITY (self->page), LIA_PAGE_UPDATED, stamp);
  update_status (self);
}

/* A new title takes effect when typing ends (Enter or leaving the field),
 * so the links that follow it are rewritten once. */
static void
title_commit (LiaDocumentsView *self)
{
  g_autofree char *title = NULL;

  if (self->syncing || self->page == NULL || !writable (self))
    return;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  if (title[0] == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE));
      return;
    }
  lia_pages_rename (history (self), roots (self), self->page, title);
  update_breadcrumbs (self);
}

static void
title_focus_leave_cb (GtkEventControllerFocus *controller,
                      LiaDocumentsView        *self)
{
  title_commit (self);
}

gboolean
lia_documents_view_follow_link (LiaDocumentsView *self,
                                const char       *href)
{
  g_autofree char *key = NULL;
  g_autoptr(LiaPage) target = NULL;

  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), FALSE);

  if (href == NULL)
    return FALSE;
  if (g_str_has_prefix (href, "meeting:"))
    {
      GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (self->workspace));

      for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
        {
          g_autoptr(LiaMeeting) meeting = g_list_model_get_item (meetings, i);
          if (g_str_equal (lia_entity_get_id (LIA_ENTITY (meeting)), href + 8))
            {
              g_signal_emit (self, signals[OPEN_MEETING], 0, meeting);
              return TRUE;
            }
        }
      return FALSE;
    }
  if (!g_str_has_prefix (href, "page:"))
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), href, GDK_CURRENT_TIME);
      G_GNUC_END_IGNORE_DEPRECATIONS
      return TRUE;
    }
  key = g_uri_unescape_string (href + 5, NULL);
  if (key == NULL)
    return FALSE;
  target = lia_pages_find (G_LIST_MODEL (roots (self)), key);
  if (target == NULL)
    return FALSE;
  lia_documents_view_select (self, target);
  return TRUE;
}

static void
preview_clicked_cb (GtkGestureClick  *gesture,
                    int               n_press,
                    double            x,
                    double            y,
                    LiaDocumentsView *self)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->preview, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->preview, &iter, bx, by))
    lia_documents_view_follow_link (self, lia_markdown_link_at (&iter));
}

/* A link in a table cell of the preview (see lia-markdown-render.h). */
static void
follow_link_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  lia_documents_view_follow_link (LIA_DOCUMENTS_VIEW (widget), g_variant_get_string (param, NULL));
}

static void
mode_toggled_cb (GtkToggleButton  *button,
                 LiaDocumentsView *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (self->mode_stack, g_object_get_data (G_OBJECT (button), "mode"));
}

static void
mode_changed_cb (LiaDocumentsView *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "preview") == 0)
    render_preview (self);
}

void
lia_documents_view_show_preview (LiaDocumentsView *self,
                                 gboolean          preview)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (preview ? self->preview_toggle : self->edit_toggle), TRUE);
  gtk_stack_set_visible_child_name (self->mode_stack, preview ? "preview" : "edit");
  render_preview (self);
}

GtkTextBuffer *
lia_documents_view_get_preview (LiaDocumentsView *self)
{
  return gtk_text_view_get_buffer (self->preview);
}

const char *
lia_documents_view_get_status (LiaDocumentsView *self)
{
  return self->status;
}

const char *
lia_documents_view_get_breadcrumbs (LiaDocumentsView *self)
{
  return self->crumbs;
}

guint
lia_documents_view_get_n_rows (LiaDocumentsView *self)
{
  return self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
}

/* ---- search ---- */

static void
result_activated_cb (LiaDocumentsView *self,
                     GtkListBoxRow    *row)
{
  LiaPage *page = g_object_get_data (G_OBJECT (row), "page");

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  lia_documents_view_select (self, page);
}

static void
search_changed_cb (LiaDocumentsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  if (text[0] == '\0' || self->workspace == NULL)
    {
      gtk_stack_set_visible_child_name (self->tree_stack,
                                        self->workspace && g_list_model_get_n_items (G_LIST_MODEL (roots (self))) ? "tree" : "empty");
      return;
    }
  hits = lia_pages_search (G_LIST_MODEL (roots (self)), text);
  for (guint i = 0; i < hits->len && i < 200; i++)
    {
      LiaPage *page = g_ptr_array_index (hits, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "page", g_object_ref (page), g_object_unref);
      gtk_list_box_append (self->results, row);
    }
  gtk_stack_set_visible_child_name (self->tree_stack, hits->len ? "results" : "no-results");
}

void
lia_documents_view_set_search (LiaDocumentsView *self,
                               const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

void
lia_documents_view_focus_search (LiaDocumentsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->tree_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- building ---- */

static gboolean
refresh_idle_cb (gpointer data)
{
  LiaDocumentsView *self = data;

  self->refresh_id = 0;
  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;
  rebuild_tree (self);
  /* An undone or redone edit of the page shown comes back into view. */
  if (self->page != NULL)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->source), &start, &end);
      text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->source), &start, &end, FALSE);
      if (g_strcmp0 (text, lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_BODY)) != 0 ||
          (!gtk_widget_has_focus (GTK_WIDGET (self->title_entry)) &&
           g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)),
                      lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE)) != 0))
        show_page (self, self->page);
      update_breadcrumbs (self);
    }
  return G_SOURCE_REMOVE;
}

static void
history_changed_cb (LiaDocumentsView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* The day a meeting starts, as the locale writes dates, so meetings of one
 * title (a weekly design meeting) tell apart; NULL without a start. The
 * start is the meeting's own wall-clock time, so no zone is applied. */
static char *
meeting_date (LiaMeeting *meeting)
{
  const char *start = lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_START);
  unsigned year, month, day;
  GDate date;
  char buffer[128];

  if (start == NULL || sscanf (start, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (g_date_strftime (buffer, sizeof buffer, _("%a %e %b %Y"), &date) == 0)
    return NULL;
  return g_strstrip (g_strdup (buffer));
}

static void
update_templates_menu (LiaDocumentsView *self)
{
  g_autoptr(GMenu) pages = g_menu_new ();
  g_autoptr(GMenu) templates = g_menu_new ();
  g_autoptr(GMenu) minutes = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();
  GListModel *meetings = self->workspace ? G_LIST_MODEL (lia_workspace_get_meetings (self->workspace)) : NULL;

  g_menu_remove_all (self->new_menu);
  g_menu_append (pages, _("_Page"), "documents.new('page')");
  g_menu_append (pages, _("_Child Page"), "documents.new('child')");
  g_menu_append (templates, _("_API Design Page"), "documents.new('api')");
  g_menu_append (templates, _("_Decision Record"), "documents.new('decision')");
  for (guint i = 0; meetings && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaEntity) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *date = meeting_date (LIA_MEETING (meeting));
      g_autofree char *label = NULL;

      if (date != NULL)
        /* Translators: a menu item that starts the minutes of a meeting: its title and its date */
        label = g_strdup_printf (_("Minutes of “%s” (%s)"), lia_entity_get_string (meeting, LIA_MEETING_TITLE), date);
      else
        label = g_strdup_printf (_("Minutes of “%s”"), lia_entity_get_string (meeting, LIA_MEETING_TITLE));
      g_autofree char *action = g_strdup_printf ("documents.new('minutes:%u')", i);
      g_menu_append (minutes, label, action);
    }
  g_menu_append (templates, _("New _Space from the Article"), "documents.new('space')");
  /* Importing is not a template: it sits with Export in the page menu,
   * and here in a section of its own for a space without pages. */
  g_menu_append (files, _("_Import Markdown Folder…"), "documents.import");
  g_menu_append_section (self->new_menu, NULL, G_MENU_MODEL (pages));
  g_menu_append_section (self->new_menu, _("Templates"), G_MENU_MODEL (templates));
  if (g_menu_model_get_n_items (G_MENU_MODEL (minutes)) > 0)
    g_menu_append_section (self->new_menu, _("Meeting Minutes"), G_MENU_MODEL (minutes));
  g_menu_append_section (self->new_menu, NULL, G_MENU_MODEL (files));
}

static void
back_cb (LiaDocumentsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->tree_pane);
}

static GtkWidget *
build_tree_pane (LiaDocumentsView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_button = gtk_menu_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *results_scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *no_results = adw_status_page_new ();
  GtkWidget *space_button = gtk_button_new_with_mnemonic (_("New _Space from the Article"));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_set_size_request (pane, 260, -1);
  gtk_widget_set_hexpand (pane, FALSE);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  self->new_menu = g_menu_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (new_button), "list-add-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (new_button), G_MENU_MODEL (self->new_menu));
  gtk_widget_set_tooltip_text (new_button, _("New Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (new_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Page"), -1);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search pages"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search pages"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (bar), new_button);
  {
    GtkWidget *publish = lia_icon_button_new ("send-to-symbolic", _("Publish to Wiki…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (publish), "documents.publish");
    gtk_box_append (GTK_BOX (bar), publish);
  }
  gtk_box_append (GTK_BOX (pane), bar);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    /* Only watches: the row's own click still selects it first. */
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect (click, "released", G_CALLBACK (tree_clicked_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search results"), -1);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (result_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (results_scrolled), GTK_WIDGET (self->results));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "text-x-generic-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Pages"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Start a space from the article’s outline, or add a page."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_widget_set_halign (space_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (space_button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (space_button), "documents.new");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (space_button), "s", "space");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), space_button);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (no_results), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (no_results), _("No Matching Pages"));
  gtk_widget_add_css_class (no_results, "compact");

  self->tree_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->tree_stack), TRUE);
  gtk_stack_add_named (self->tree_stack, scrolled, "tree");
  gtk_stack_add_named (self->tree_stack, results_scrolled, "results");
  gtk_stack_add_named (self->tree_stack, no_results, "no-results");
  gtk_stack_add_named (self->tree_stack, empty, "empty");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->tree_stack));
  return pane;
}

static GtkWidget *
build_editor_pane (LiaDocumentsView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = lia_icon_button_new ("go-previous-symbolic", _("Back to Pages"));
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *edit_toggle = gtk_toggle_button_new_with_label (_("Edit"));
  GtkWidget *preview_toggle = gtk_toggle_button_new_with_label (_("Preview"));
  GtkWidget *more = gtk_menu_button_new ();
  g_autoptr(GMenu) page_menu = g_menu_new ();
  GtkWidget *page_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *source_view, *source_scrolled = gtk_scrolled_window_new ();
  GtkWidget *preview_scrolled = gtk_scrolled_window_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "markdown");

  gtk_widget_set_hexpand (pane, TRUE);
  gtk_widget_set_size_request (pane, 320, -1);
  gtk_widget_set_margin_start (pane, 12);
  gtk_widget_set_margin_end (pane, 12);
  gtk_widget_set_margin_top (pane, 6);
  gtk_widget_set_margin_bottom (pane, 6);

  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_cb), self);
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (bar), back);
  self->crumb_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (self->crumb_box, TRUE);
  gtk_widget_set_margin_start (self->crumb_box, 6);
  gtk_widget_add_css_class (self->crumb_box, "breadcrumbs");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->crumb_box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page path"), -1);
  self->crumb_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->crumb_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (self->crumb_label, 24);
  self->parent_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->parent_label, PANGO_ELLIPSIZE_END);
  for (GtkLabel *label = self->crumb_label; label != NULL; label = label == self->crumb_label ? self->parent_label : NULL)
    {
      gtk_label_set_xalign (label, 0);
      gtk_label_set_single_line_mode (label, TRUE);
      g_signal_connect (label, "activate-link", G_CALLBACK (crumb_activated_cb), self);
      gtk_box_append (GTK_BOX (self->crumb_box), GTK_WIDGET (label));
    }
  gtk_box_append (GTK_BOX (bar), self->crumb_box);
  g_menu_append (page_menu, _("_Rename"), "documents.rename");
  g_menu_append (page_menu, _("_Export as Markdown Folder…"), "documents.export");
  g_menu_append (page_menu, _("_Import Markdown Folder…"), "documents.import");
  g_menu_append (page_menu, _("_Publish to Wiki…"), "documents.publish");
  g_menu_append (page_menu, _("Open on _Wiki"), "documents.open-wiki");
  g_menu_append (page_menu, _("_Delete Page"), "documents.delete");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (page_menu));
  gtk_widget_set_tooltip_text (more, _("Page Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page Menu"), -1);
  gtk_box_append (GTK_BOX (bar), switcher);
  gtk_box_append (GTK_BOX (bar), more);
  gtk_box_append (GTK_BOX (page_box), bar);

  self->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page title"), -1);
  g_signal_connect_swapped (self->title_entry, "activate", G_CALLBACK (title_commit), self);
  g_signal_connect (focus, "leave", G_CALLBACK (title_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), focus);
  gtk_box_append (GTK_BOX (page_box), GTK_WIDGET (self->title_entry));

  self->source = gtk_source_buffer_new (NULL);
  if (markdown != NULL)
    gtk_source_buffer_set_language (self->source, markdown);
  lia_source_buffer_follow_style (self->source);
  g_signal_connect_swapped (self->source, "changed", G_CALLBACK (body_changed_cb), self);
  source_view = gtk_source_view_new_with_buffer (self->source);
  self->source_view = GTK_TEXT_VIEW (source_view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (source_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (source_view), TRUE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (source_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (source_view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (source_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page text in Markdown"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (source_scrolled), source_view);

  self->preview = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->preview, FALSE);
  gtk_text_view_set_cursor_visible (self->preview, FALSE);
  gtk_text_view_set_wrap_mode (self->preview, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->preview, 8);
  gtk_text_view_set_top_margin (self->preview, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page preview"), -1);
  g_signal_connect (click, "released", G_CALLBACK (preview_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->preview), GTK_EVENT_CONTROLLER (click));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (preview_scrolled), GTK_WIDGET (self->preview));

  self->mode_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->mode_stack), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->mode_stack), "card");
  gtk_stack_page_set_title (gtk_stack_add_named (self->mode_stack, source_scrolled, "edit"), _("Edit"));
  gtk_stack_page_set_title (gtk_stack_add_named (self->mode_stack, preview_scrolled, "preview"), _("Preview"));
  /* Two small toggles (a stack switcher is too wide for 360 px). */
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_valign (switcher, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (preview_toggle), GTK_TOGGLE_BUTTON (edit_toggle));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (edit_toggle), TRUE);
  gtk_box_append (GTK_BOX (switcher), edit_toggle);
  gtk_box_append (GTK_BOX (switcher), preview_toggle);
  g_object_set_data (G_OBJECT (edit_toggle), "mode", (gpointer) "edit");
  g_object_set_data (G_OBJECT (preview_toggle), "mode", (gpointer) "preview");
  g_signal_connect (edit_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self);
  g_signal_connect (preview_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self);
  self->preview_toggle = preview_toggle;
  self->edit_toggle = edit_toggle;
  g_signal_connect_swapped (self->mode_stack, "notify::visible-child", G_CALLBACK (mode_changed_cb), self);
  gtk_box_append (GTK_BOX (page_box), GTK_WIDGET (self->mode_stack));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_box_append (GTK_BOX (page_box), GTK_WIDGET (self->status_label));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "text-x-generic-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Page Selected"));
  self->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor_stack), TRUE);
  gtk_stack_add_named (self->editor_stack, page_box, "page");
  gtk_stack_add_named (self->editor_stack, none, "none");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->editor_stack));
  return pane;
}

static void
lia_documents_view_dispose (GObject *object)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->page);
  g_clear_object (&self->source);
  g_clear_object (&self->new_menu);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (lia_documents_view_parent_class)->dispose (object);
}

static void
lia_documents_view_finalize (GObject *object)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (object);

  g_hash_table_unref (self->labels);
  g_free (self->structure);
  g_free (self->status);
  g_free (self->crumbs);
  G_OBJECT_CLASS (lia_documents_view_parent_class)->finalize (object);
}

static void
lia_documents_view_class_init (LiaDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_documents_view_dispose;
  object_class->finalize = lia_documents_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* A link in a page asks for a meeting to be shown. */
  signals[OPEN_MEETING] = g_signal_new ("open-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_MEETING);

  gtk_widget_class_install_action (widget_class, "documents.new", "s", new_page_action);
  gtk_widget_class_install_action (widget_class, "documents.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "documents.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "documents.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "documents.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "documents.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "documents.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "documents.open-wiki", NULL, open_wiki_action);
  gtk_widget_class_install_action (widget_class, "preview.follow-link", "s", follow_link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "documents.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "documents.move", "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "documents.move", "s", "down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "documents.move", "s", "out");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "documents.move", "s", "in");
}

static void
lia_documents_view_init (LiaDocumentsView *self)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->labels = g_hash_table_new (NULL, NULL);
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  self->tree_pane = build_tree_pane (self);
  self->editor_pane = build_editor_pane (self);
  adw_leaflet_append (self->leaflet, self->tree_pane);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);
  adw_leaflet_append (self->leaflet, self->editor_pane);
  adw_leaflet_set_visible_child (self->leaflet, self->tree_pane);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->editor_stack, "none");
}

void
lia_documents_view_set_workspace (LiaDocumentsView *self,
                                  LiaWorkspace     *workspace)
{
  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_meetings (self->workspace), self);
    }
  g_clear_object (&self->page);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->structure, g_free);
  g_set_object (&self->workspace, workspace);
  if (workspace == NULL)
    return;
  g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_workspace_get_meetings (workspace), "items-changed",
                           G_CALLBACK (update_templates_menu), self, G_CONNECT_SWAPPED);
  update_templates_menu (self);
  rebuild_tree (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.new", writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.delete", writable (self));
}
