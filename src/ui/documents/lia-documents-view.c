/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-documents-view.h"
#include "lia-page-editor.h"
#include "lia-page-outline.h"
#include "lia-page-templates.h"
#include "lia-page-tree.h"
#include "lia-publish-dialog.h"
#include "lia-split-page.h"
#include "lia-toast.h"

/* A Confluence-style space: the page tree (LiaPageOutline) beside the
 * selected page (LiaPageEditor), or on a narrow window in turns.  The
 * view wires the two and holds what acts on the whole page: new pages
 * and templates, delete, export and import, publish. */

struct _LiaDocumentsView
{
  GtkWidget       parent_instance;

  LiaWorkspace   *workspace;

  /* template children */
  LiaSplitPage   *split;
  LiaPageOutline *outline;
  LiaPageEditor  *editor;
};

static void lia_documents_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaDocumentsView, lia_documents_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_documents_view_area_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

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

static void
selected_cb (LiaDocumentsView *self)
{
  lia_page_editor_set_page (self->editor, lia_page_outline_get_selected (self->outline));
}

/* On a narrow window the tree and the page take turns, and opening a
 * page shows it; on a wide one both show, and a later fold keeps the
 * tree (where the user was). */
static void
page_activated_cb (LiaDocumentsView *self,
                   LiaPage          *page)
{
  if (lia_split_page_get_folded (self->split))
    lia_split_page_set_show_content (self->split, TRUE);
}

static void
open_page_cb (LiaDocumentsView *self,
              LiaPage          *page)
{
  lia_page_outline_select (self->outline, page);
}

LiaPage *
lia_documents_view_get_selected (LiaDocumentsView *self)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  return lia_page_outline_get_selected (self->outline);
}

/* Expands the ancestors of PAGE and selects its row. */
void
lia_documents_view_select (LiaDocumentsView *self,
                           LiaPage          *page)
{
  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  lia_page_outline_select (self->outline, page);
}

gboolean
lia_documents_view_drop (LiaDocumentsView *self,
                         LiaPage          *page,
                         LiaPage          *target,
                         LiaDropPlace      place)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), FALSE);

  return lia_page_outline_drop (self->outline, page, target, place);
}

LiaPage *
lia_documents_view_add_page (LiaDocumentsView *self,
                             gboolean          as_child)
{
  g_autoptr(LiaPage) page = lia_page_new ();

  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("Untitled page"));
  return lia_page_outline_insert (self->outline, page, as_child) ? page : NULL;
}

static void
new_page_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (widget);
  const char *kind = g_variant_get_string (param, NULL);
  g_autoptr(LiaPage) page = NULL;

  if (self->workspace == NULL)
    return;
  if (g_str_equal (kind, "child"))
    {
      lia_documents_view_add_page (self, TRUE);
      return;
    }
  page = lia_page_template_new (kind, self->workspace);
  if (page == NULL)
    return;
  /* The article's space is a tree of its own, at the end. */
  if (g_str_equal (kind, "space"))
    lia_page_outline_select (self->outline, NULL);
  lia_page_outline_insert (self->outline, page, FALSE);
}

void
lia_documents_view_delete_page (LiaDocumentsView *self)
{
  LiaPage *page;
  GListStore *store;
  guint position;
  g_autofree char *title = NULL;

  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  page = lia_page_outline_get_selected (self->outline);
  if (!writable (self) || page == NULL)
    return;
  store = lia_pages_find_store (roots (self), page, &position, NULL);
  if (store == NULL)
    return;
  /* Translators: shown with Undo after a page (and the pages under it) was deleted */
  title = g_strdup_printf (_("Deleted “%s”"), lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
  lia_history_begin (history (self), _("Delete page"));
  lia_history_remove (history (self), store, position);
  lia_history_end (history (self));
  lia_show_undo_toast (GTK_WIDGET (self), title);
}

static GFile *
chosen_folder (GtkNativeDialog *chooser,
               int              response)
{
  GFile *folder = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_unref (chooser);
  return folder;
}

static void
export_chosen_cb (GtkNativeDialog  *chooser,
                  int               response,
                  LiaDocumentsView *self)
{
  g_autoptr(GFile) folder = chosen_folder (chooser, response);
  g_autofree char *path = folder ? g_file_get_path (folder) : NULL;
  LiaPage *page = lia_page_outline_get_selected (self->outline);
  g_autoptr(GError) error = NULL;

  if (path == NULL || page == NULL)
    return;
  if (lia_pages_export_tree (page, path, &error))
    lia_show_toast (GTK_WIDGET (self), _("Pages exported"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the pages: %s"), error->message);
      lia_show_toast (GTK_WIDGET (self), message);
    }
}

static void
import_chosen_cb (GtkNativeDialog  *chooser,
                  int               response,
                  LiaDocumentsView *self)
{
  g_autoptr(GFile) folder = chosen_folder (chooser, response);
  g_autofree char *path = folder ? g_file_get_path (folder) : NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->workspace == NULL)
    return;
  imported = lia_pages_import_tree_full (path, self->workspace, NULL, &error);
  if (imported == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import the pages: %s"), error->message);
      lia_show_toast (GTK_WIDGET (self), message);
      return;
    }
  if (!writable (self) || imported->len == 0)
    return;
  lia_history_begin (history (self), _("Import pages"));
  /* The import already gave new ids where the folder's clash with the
   * workspace's (a second import of the same folder). */
  for (guint i = 0; i < imported->len; i++)
    lia_history_insert (history (self), roots (self), g_list_model_get_n_items (G_LIST_MODEL (roots (self))),
                        g_ptr_array_index (imported, i));
  lia_history_end (history (self));
  lia_page_outline_select (self->outline, g_ptr_array_index (imported, 0));
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
  g_signal_connect (chooser, "response", export ? G_CALLBACK (export_chosen_cb) : G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (widget);

  if (lia_page_outline_get_selected (self->outline) != NULL)
    choose_folder (self, TRUE);
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
  LiaPage *page;
  GtkWidget *dialog;

  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  if (self->workspace == NULL)
    return NULL;
  page = lia_page_outline_get_selected (self->outline);
  dialog = lia_publish_dialog_new (self->workspace, page);
  if (page != NULL)
    lia_publish_dialog_set_scope_page (LIA_PUBLISH_DIALOG (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lia_documents_view_publish (LIA_DOCUMENTS_VIEW (widget));
}

/* Opens the wiki page the selected page was last published to. */
static void
open_wiki_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (widget);
  LiaPage *page = lia_page_outline_get_selected (self->outline);
  LiaRemoteRef *ref = page ? lia_entity_get_remote (LIA_ENTITY (page)) : NULL;
  const char *url = ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL) : "";

  if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      lia_show_toast (widget, _("This page is not on a wiki yet: publish it first"));
      return;
    }
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), url, GDK_CURRENT_TIME);
}

static void
rename_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  lia_page_outline_rename (LIA_DOCUMENTS_VIEW (widget)->outline);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  lia_documents_view_delete_page (LIA_DOCUMENTS_VIEW (widget));
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  lia_page_outline_move (LIA_DOCUMENTS_VIEW (widget)->outline, g_variant_get_string (param, NULL));
}

/* ---- the editor's side ---- */

gboolean
lia_documents_view_follow_link (LiaDocumentsView *self,
                                const char       *href)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), FALSE);

  return lia_page_editor_follow_link (self->editor, href);
}

void
lia_documents_view_show_preview (LiaDocumentsView *self,
                                 gboolean          preview)
{
  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  lia_page_editor_show_preview (self->editor, preview);
}

GtkTextBuffer *
lia_documents_view_get_preview (LiaDocumentsView *self)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  return lia_page_editor_get_preview (self->editor);
}

const char *
lia_documents_view_get_status (LiaDocumentsView *self)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  return lia_page_editor_get_status (self->editor);
}

const char *
lia_documents_view_get_breadcrumbs (LiaDocumentsView *self)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), NULL);

  return lia_page_editor_get_breadcrumbs (self->editor);
}

guint
lia_documents_view_count_words (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return lia_page_editor_count_words (text);
}

/* ---- the tree's side ---- */

guint
lia_documents_view_get_n_rows (LiaDocumentsView *self)
{
  g_return_val_if_fail (LIA_IS_DOCUMENTS_VIEW (self), 0);

  return lia_page_outline_get_n_rows (self->outline);
}

void
lia_documents_view_set_search (LiaDocumentsView *self,
                               const char       *text)
{
  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  lia_page_outline_set_search (self->outline, text);
}

void
lia_documents_view_focus_search (LiaDocumentsView *self)
{
  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));

  lia_split_page_set_show_content (self->split, FALSE);
  lia_page_outline_focus_search (self->outline);
}

/* ---- LiaArea ---- */

static void
lia_documents_view_add (LiaArea   *area,
                        GtkWidget *anchor)
{
  lia_documents_view_add_page (LIA_DOCUMENTS_VIEW (area), FALSE);
}

static gboolean
lia_documents_view_focus_search_area (LiaArea *area)
{
  lia_documents_view_focus_search (LIA_DOCUMENTS_VIEW (area));
  return TRUE;
}

static void
lia_documents_view_area_init (LiaAreaInterface *iface)
{
  iface->add = lia_documents_view_add;
  iface->focus_search = lia_documents_view_focus_search_area;
}

void
lia_documents_view_set_workspace (LiaDocumentsView *self,
                                  LiaWorkspace     *workspace)
{
  g_return_if_fail (LIA_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  g_set_object (&self->workspace, workspace);
  lia_page_editor_set_workspace (self->editor, workspace);
  lia_page_outline_set_workspace (self->outline, workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.new", writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.delete", writable (self));
  g_object_notify (G_OBJECT (self), "workspace");
}

static void
lia_documents_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (object);

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
lia_documents_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_documents_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_documents_view_dispose (GObject *object)
{
  LiaDocumentsView *self = LIA_DOCUMENTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_DOCUMENTS_VIEW);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (lia_documents_view_parent_class)->dispose (object);
}

static void
lia_documents_view_class_init (LiaDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_documents_view_dispose;
  object_class->get_property = lia_documents_view_get_property;
  object_class->set_property = lia_documents_view_set_property;
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");

  g_type_ensure (LIA_TYPE_SPLIT_PAGE);
  g_type_ensure (LIA_TYPE_PAGE_OUTLINE);
  g_type_ensure (LIA_TYPE_PAGE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/documents/lia-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaDocumentsView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaDocumentsView, outline);
  gtk_widget_class_bind_template_child (widget_class, LiaDocumentsView, editor);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_page_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "documents.new", "s", new_page_action);
  gtk_widget_class_install_action (widget_class, "documents.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "documents.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "documents.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "documents.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "documents.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "documents.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "documents.open-wiki", NULL, open_wiki_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "documents.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "documents.move", "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "documents.move", "s", "down");
  /* Alt+Left is Back (the narrow layout's, a browser's): out and in are
   * Shift+Alt+Left and Shift+Alt+Right. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "documents.move", "s", "out");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "documents.move", "s", "in");
}

static void
lia_documents_view_init (LiaDocumentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
