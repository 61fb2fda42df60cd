/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-page-outline.c: the page tree, its search and its edits. */
#define G_LOG_DOMAIN "lia-page-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-conflict-mark.h"
#include "lia-page-outline.h"
#include "lia-page-templates.h"
#include "lia-page-tree.h"
#include "lia-toast.h"
#include "lia-widgets.h"

/* The tree is one GtkTreeListModel over the workspace's page stores for
 * as long as the workspace is shown: an added, moved or removed page
 * changes its rows only, so the scroll position and the focused row stay
 * where they are.
 *
 * Longer than the house's 600 lines on purpose: the rows, their drag and
 * drop, the keyboard moves, rename in place and the search all act on
 * one tree and one selection; cut apart, each piece would need the tree
 * model, the selection and the history handed to it. */

struct _LiaPageOutline
{
  GtkWidget           parent_instance;

  LiaWorkspace       *workspace;
  LiaConflictIndex   *conflicts;    /* marks the pages a merge left in conflict */
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  LiaPage            *selected;
  GPtrArray          *chain;        /* the selected page and its ancestors, outermost first */
  LiaPage            *renaming;     /* the page of the open rename popover */
  GHashTable         *expanded;     /* pages whose rows are open */
  GListStore         *hits;         /* search results */

  /* template children */
  GtkWidget          *box;
  GMenu              *new_menu;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkListBox         *results;
};

G_DEFINE_FINAL_TYPE (LiaPageOutline, lia_page_outline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LiaHistory *
history (LiaPageOutline *self)
{
  return lia_workspace_get_history (self->workspace);
}

static GListStore *
roots (LiaPageOutline *self)
{
  return lia_workspace_get_pages (self->workspace);
}

static gboolean
writable (LiaPageOutline *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

static GListStore *
children (LiaPage *page)
{
  return lia_entity_get_list (LIA_ENTITY (page), LIA_PAGE_CHILDREN);
}

/* The store holding the page whose children are KIDS, and its place. */
static GListStore *
owner_of (GListStore *level,
          GListStore *kids,
          guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (level));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (G_LIST_MODEL (level), i);
      GListStore *found;

      if (children (page) == kids)
        {
          *position = i;
          return level;
        }
      if ((found = owner_of (children (page), kids, position)) != NULL)
        return found;
    }
  return NULL;
}

/* GtkTreeListModel remembers a page without children as one that has
 * none for good; when it gets its first child (or loses its last) its
 * row is announced again, so the tree asks anew and the row gains (or
 * loses) its expander.  Only that row changes. */
static void
kids_changed_cb (GListStore     *kids,
                 guint           position,
                 guint           removed,
                 guint           added,
                 LiaPageOutline *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (kids));
  guint before = n - added + removed;
  GListStore *level;
  guint at;

  if ((n == 0) == (before == 0) || self->workspace == NULL)
    return;
  if ((level = owner_of (roots (self), kids, &at)) != NULL)
    g_list_model_items_changed (G_LIST_MODEL (level), at, 1, 1);
}

static GListModel *
create_children (gpointer item,
                 gpointer data)
{
  LiaPageOutline *self = data;
  GListStore *kids = children (item);

  if (g_signal_handler_find (kids, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL, kids_changed_cb, self) == 0)
    g_signal_connect_object (kids, "items-changed", G_CALLBACK (kids_changed_cb), self, 0);
  /* Only pages with pages under them get an expander. */
  return g_list_model_get_n_items (G_LIST_MODEL (kids)) > 0 ? g_object_ref (G_LIST_MODEL (kids)) : NULL;
}

/* The row of PAGE among the rows shown (its ancestors open), or NULL. */
static GtkTreeListRow *
find_row (LiaPageOutline *self,
          LiaPage        *page,
          guint          *position)
{
  guint n = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  for (guint r = 0; r < n; r++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), r);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == G_OBJECT (page))
        {
          if (position != NULL)
            *position = r;
          return g_steal_pointer (&row);
        }
    }
  return NULL;
}

static void
set_selected (LiaPageOutline *self,
              LiaPage        *page)
{
  if (g_set_object (&self->selected, page))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
update_stack (LiaPageOutline *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text[0] != '\0' && self->workspace != NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack,
                                    self->workspace && g_list_model_get_n_items (G_LIST_MODEL (roots (self))) ? "tree" : "empty");
}

/* Expands the ancestors of PAGE and selects its row. */
void
lia_page_outline_select (LiaPageOutline *self,
                         LiaPage        *page)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GtkTreeListRow) row = NULL;
  LiaPage *current = page;
  guint position;

  g_return_if_fail (LIA_IS_PAGE_OUTLINE (self));
  g_return_if_fail (page == NULL || LIA_IS_PAGE (page));

  if (page == NULL || self->tree == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      set_selected (self, NULL);
      return;
    }

  /* Ancestors, outermost first. */
  while (current != NULL)
    {
      LiaPage *parent = NULL;

      if (lia_pages_find_store (roots (self), current, &position, &parent) == NULL)
        return;
      if (parent != NULL)
        g_ptr_array_insert (path, 0, parent);
      current = parent;
    }
  for (guint i = 0; i < path->len; i++)
    {
      g_autoptr(GtkTreeListRow) above = find_row (self, g_ptr_array_index (path, i), NULL);

      g_hash_table_add (self->expanded, g_object_ref (g_ptr_array_index (path, i)));
      if (above != NULL)
        gtk_tree_list_row_set_expanded (above, TRUE);
    }

  /* Selected before the notify, so a listener reads the new page. */
  g_object_ref (page);
  g_clear_object (&self->selected);
  self->selected = page;
  row = find_row (self, page, &position);
  if (row != NULL && gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
selection_changed_cb (LiaPageOutline *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(LiaPage) page = row ? LIA_PAGE (gtk_tree_list_row_get_item (row)) : NULL;

  /* A row that goes away (its page moved or deleted) leaves no selection
   * behind; the history's "changed" decides what is selected then. */
  if (page == NULL || page == self->selected)
    return;
  set_selected (self, page);
}

/* After every edit or undo: the selected page stays selected (a moved
 * page has a new row), or the selection goes with a deleted page. */
static void
history_changed_cb (LiaPageOutline *self)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  if (self->selected == NULL)
    return;
  /* Checking the selected page's place costs its depth times its
   * siblings; the whole tree is walked only when that place changed. */
  if (self->chain == NULL || g_ptr_array_index (self->chain, self->chain->len - 1) != self->selected ||
      !lia_pages_chain_holds (roots (self), self->chain))
    {
      g_clear_pointer (&self->chain, g_ptr_array_unref);
      self->chain = lia_pages_chain (roots (self), self->selected);
    }
  if (self->chain == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      set_selected (self, NULL);
      return;
    }
  row = gtk_single_selection_get_selected_item (self->selection);
  item = row ? gtk_tree_list_row_get_item (row) : NULL;
  if (item != G_OBJECT (self->selected))
    lia_page_outline_select (self, self->selected);
}

static void
activate_cb (LiaPageOutline *self,
             guint           position)
{
  if (self->selected != NULL)
    g_signal_emit (self, signals[PAGE_ACTIVATED], 0, self->selected);
}

/* A click on a row opens its page (on a narrow window the tree and the
 * page take turns, as a tap on a phone would); a click on a row's
 * expander only opens or closes the branch. */
static void
tree_clicked_cb (LiaPageOutline  *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkWidget *picked = lia_list_view_pick (self->list_view, x, y);

  for (GtkWidget *w = picked; w != NULL && w != list; w = gtk_widget_get_parent (w))
    if (g_strcmp0 (gtk_widget_get_css_name (w), "expander") == 0)
      return;
  if (picked == NULL || self->selected == NULL)
    return;
  g_signal_emit (self, signals[PAGE_ACTIVATED], 0, self->selected);
}

/* ---- rows: open branches ---- */

static void
row_expanded_cb (GtkTreeListRow *row,
                 GParamSpec     *pspec,
                 LiaPageOutline *self)
{
  g_autoptr(GObject) page = gtk_tree_list_row_get_item (row);

  if (page == NULL)
    return;
  if (gtk_tree_list_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_steal_pointer (&page));
  else if (gtk_tree_list_row_is_expandable (row))   /* not a row going away */
    g_hash_table_remove (self->expanded, page);
}

/* A page that comes back (moved, or its deletion undone) gets a new row:
 * it opens as the old one was.  Runs after the selection and the list
 * view have taken the change in, so opening it is a change of its own. */
static void
tree_items_changed_cb (GListModel     *tree,
                       guint           position,
                       guint           removed,
                       guint           added,
                       LiaPageOutline *self)
{
  guint end = position + added;

  if (g_hash_table_size (self->expanded) == 0)
    return;
  for (guint i = position; i < end; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);
      g_autoptr(GObject) page = gtk_tree_list_row_get_item (row);
      guint before = g_list_model_get_n_items (tree);

      if (gtk_tree_list_row_get_expanded (row) || !g_hash_table_contains (self->expanded, page))
        continue;
      gtk_tree_list_row_set_expanded (row, TRUE);
      end += g_list_model_get_n_items (tree) - before;
    }
}

/* ---- rows: drag and drop ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 double           x,
                 double           y,
                 GtkTreeExpander *expander)
{
  g_autoptr(GObject) page = gtk_tree_expander_get_item (expander);

  return page ? gdk_content_provider_new_typed (LIA_TYPE_PAGE, page) : NULL;
}

gboolean
lia_page_outline_drop (LiaPageOutline *self,
                       LiaPage        *page,
                       LiaPage        *target,
                       LiaDropPlace    place)
{
  g_autoptr(GError) error = NULL;
  LiaPage *parent = NULL;
  GListStore *to, *from;
  guint t, f;

  g_return_val_if_fail (LIA_IS_PAGE_OUTLINE (self), FALSE);

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
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         GtkTreeExpander *expander)
{
  LiaPageOutline *self = LIA_PAGE_OUTLINE (gtk_widget_get_ancestor (GTK_WIDGET (expander), LIA_TYPE_PAGE_OUTLINE));
  g_autoptr(GObject) onto = gtk_tree_expander_get_item (expander);
  int height = gtk_widget_get_height (GTK_WIDGET (expander));
  LiaDropPlace place = y < height / 4.0 ? LIA_DROP_BEFORE : y > height * 3 / 4.0 ? LIA_DROP_AFTER : LIA_DROP_ONTO;

  if (self == NULL || onto == NULL || !G_VALUE_HOLDS (value, LIA_TYPE_PAGE))
    return FALSE;
  return lia_page_outline_drop (self, g_value_get_object (value), LIA_PAGE (onto), place);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LiaPageOutline           *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (LIA_TYPE_PAGE, GDK_ACTION_MOVE);
  GtkExpression *title;

  /* A plain label keeps thousands of rows cheap to scroll; F2 renames in
   * a popover on the row. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  title = gtk_property_expression_new (LIA_TYPE_PAGE,
                                       gtk_property_expression_new (GTK_TYPE_TREE_LIST_ROW,
                                                                    gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                                                    "item"),
                                       "title");
  gtk_expression_bind (title, label, "label", item);
  gtk_box_append (GTK_BOX (box), label);
  /* A page a merge left in conflict carries the mark itself; its
   * ancestors do not, or a deep tree would be all marks.  The conflicts
   * dialog lists them all. */
  gtk_box_append (GTK_BOX (box), lia_conflict_mark_new (LIA_CONFLICT_MARK_ENTITY));
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), expander);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), expander);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
  gtk_list_item_set_child (item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LiaPageOutline           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(GObject) page = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self, 0);
  lia_conflict_mark_follow (LIA_CONFLICT_MARK (gtk_widget_get_last_child (box)), self->conflicts, LIA_ENTITY (page));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LiaPageOutline           *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_expanded_cb, self);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  lia_conflict_mark_follow (LIA_CONFLICT_MARK (gtk_widget_get_last_child (box)), NULL, NULL);
}

/* ---- editing the tree ---- */

/* Inserts PAGE after the selected page, or as its last child, or at the
 * end of the tree without a selection; then selects it. */
gboolean
lia_page_outline_insert (LiaPageOutline *self,
                         LiaPage        *page,
                         gboolean        as_child)
{
  LiaPage *parent = NULL;
  GListStore *store;
  guint position;

  g_return_val_if_fail (LIA_IS_PAGE_OUTLINE (self), FALSE);
  g_return_val_if_fail (LIA_IS_PAGE (page), FALSE);

  if (!writable (self))
    return FALSE;
  store = roots (self);
  position = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (self->selected != NULL)
    {
      if (as_child)
        {
          store = children (self->selected);
          position = g_list_model_get_n_items (G_LIST_MODEL (store));
        }
      else if ((store = lia_pages_find_store (roots (self), self->selected, &position, &parent)) != NULL)
        position++;
      else
        {
          store = roots (self);
          position = g_list_model_get_n_items (G_LIST_MODEL (store));
        }
    }
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_UPDATED, "");
  lia_history_begin (history (self), _("Add page"));
  lia_history_insert (history (self), store, position, page);
  lia_history_end (history (self));
  lia_page_outline_select (self, page);
  return TRUE;
}

/* Alt+Up/Down among siblings; Alt+Left out to the parent's level (after
 * the parent); Alt+Right in, as the last page under the one above. */
void
lia_page_outline_move (LiaPageOutline *self,
                       const char     *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPage) page = NULL;
  LiaPage *parent = NULL, *grandparent = NULL;
  GListStore *store;
  guint position, parent_position;

  g_return_if_fail (LIA_IS_PAGE_OUTLINE (self));
  g_return_if_fail (where != NULL);

  if (!writable (self) || self->selected == NULL ||
      (store = lia_pages_find_store (roots (self), self->selected, &position, &parent)) == NULL)
    return;
  page = g_object_ref (self->selected);

  if (g_str_equal (where, "up") && position > 0)
    lia_pages_move (history (self), roots (self), page, parent, position - 1, &error);
  else if (g_str_equal (where, "down") && position + 1 < g_list_model_get_n_items (G_LIST_MODEL (store)))
    lia_pages_move (history (self), roots (self), page, parent, position + 1, &error);
  else if (g_str_equal (where, "out") && parent != NULL)
    {
      lia_pages_find_store (roots (self), parent, &parent_position, &grandparent);
      lia_pages_move (history (self), roots (self), page, grandparent, parent_position + 1, &error);
    }
  else if (g_str_equal (where, "in") && position > 0)
    {
      g_autoptr(LiaPage) above = g_list_model_get_item (G_LIST_MODEL (store), position - 1);
      lia_pages_move (history (self), roots (self), page, above, G_MAXUINT, &error);
    }
  lia_page_outline_select (self, page);
}

static void
rename_activate_cb (LiaPageOutline *self,
                    GtkEntry       *entry)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (title[0] != '\0' && self->renaming != NULL && writable (self))
    lia_pages_rename (history (self), roots (self), self->renaming, title);
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
rename_closed_cb (LiaPageOutline *self,
                  GtkPopover     *popover)
{
  g_clear_object (&self->renaming);
  /* Not from inside the popover's own signal. */
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

/* F2: the selected page's title in an entry on its row. */
void
lia_page_outline_rename (LiaPageOutline *self)
{
  GtkWidget *label = NULL;
  GtkWidget *popover, *entry;

  g_return_if_fail (LIA_IS_PAGE_OUTLINE (self));

  if (self->selected == NULL || !writable (self))
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row && !label;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *expander = gtk_widget_get_first_child (row);
      g_autoptr(GObject) item = GTK_IS_TREE_EXPANDER (expander) ? gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander)) : NULL;

      if (item == G_OBJECT (self->selected))   /* the title, before the conflict mark */
        label = gtk_widget_get_first_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
    }
  if (label == NULL)
    return;
  g_set_object (&self->renaming, self->selected);
  popover = gtk_popover_new ();
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), lia_entity_get_string (LIA_ENTITY (self->selected), LIA_PAGE_TITLE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page title"), -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (rename_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (popover), entry);
  gtk_widget_set_parent (popover, label);
  g_signal_connect_object (popover, "closed", G_CALLBACK (rename_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (entry);
}

/* ---- search ---- */

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (LIA_ENTITY (item), LIA_PAGE_TITLE));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
result_activated_cb (LiaPageOutline *self,
                     GtkListBoxRow  *row)
{
  g_autoptr(LiaPage) page = g_list_model_get_item (G_LIST_MODEL (self->hits), gtk_list_box_row_get_index (row));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (page != NULL)
    lia_page_outline_select (self, page);
}

static void
search_changed_cb (LiaPageOutline *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;

  if (text[0] == '\0' || self->workspace == NULL)
    {
      g_list_store_remove_all (self->hits);
      update_stack (self);
      return;
    }
  hits = lia_pages_search (G_LIST_MODEL (roots (self)), text);
  /* The first 200 are more than anyone reads. */
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       hits->pdata, MIN (hits->len, 200));
  gtk_stack_set_visible_child_name (self->stack, hits->len ? "results" : "no-results");
}

void
lia_page_outline_set_search (LiaPageOutline *self,
                             const char     *text)
{
  g_return_if_fail (LIA_IS_PAGE_OUTLINE (self));
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

void
lia_page_outline_focus_search (LiaPageOutline *self)
{
  g_return_if_fail (LIA_IS_PAGE_OUTLINE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

guint
lia_page_outline_get_n_rows (LiaPageOutline *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_OUTLINE (self), 0);

  return self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
}

/* ---- the workspace ---- */

static void
update_new_menu (LiaPageOutline *self)
{
  lia_page_templates_fill_menu (self->new_menu, self->workspace);
}

LiaWorkspace *
lia_page_outline_get_workspace (LiaPageOutline *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_OUTLINE (self), NULL);

  return self->workspace;
}

void
lia_page_outline_set_workspace (LiaPageOutline *self,
                                LiaWorkspace   *workspace)
{
  g_return_if_fail (LIA_IS_PAGE_OUTLINE (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_meetings (self->workspace), self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_pages (self->workspace), self);
    }
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->chain, g_ptr_array_unref);
  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_data (self->tree, self);
  g_clear_object (&self->tree);
  g_clear_object (&self->conflicts);
  g_hash_table_remove_all (self->expanded);
  if (workspace != NULL)
    {
      /* Before the tree, so the rows it binds find it. */
      self->conflicts = lia_conflict_index_new (G_LIST_MODEL (lia_workspace_get_conflicts (workspace)));
      self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (roots (self))), FALSE, FALSE,
                                            create_children, self, NULL);
      g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                               G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (lia_workspace_get_meetings (workspace), "items-changed",
                               G_CALLBACK (update_new_menu), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (lia_workspace_get_pages (workspace), "items-changed",
                               G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* After the selection's own handler: see tree_items_changed_cb. */
  if (self->tree != NULL)
    g_signal_connect (self->tree, "items-changed", G_CALLBACK (tree_items_changed_cb), self);
  update_new_menu (self);
  search_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

LiaPage *
lia_page_outline_get_selected (LiaPageOutline *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_OUTLINE (self), NULL);

  return self->selected;
}

static void
lia_page_outline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaPageOutline *self = LIA_PAGE_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_page_outline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaPageOutline *self = LIA_PAGE_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_page_outline_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      lia_page_outline_select (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_page_outline_dispose (GObject *object)
{
  LiaPageOutline *self = LIA_PAGE_OUTLINE (object);

  if (self->workspace != NULL)
    lia_page_outline_set_workspace (self, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PAGE_OUTLINE);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->chain, g_ptr_array_unref);
  g_clear_object (&self->renaming);
  g_clear_object (&self->hits);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  G_OBJECT_CLASS (lia_page_outline_parent_class)->dispose (object);
}

static void
lia_page_outline_class_init (LiaPageOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_page_outline_dispose;
  object_class->get_property = lia_page_outline_get_property;
  object_class->set_property = lia_page_outline_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, LIA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, LIA_TYPE_PAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user opened a page (a click on its row, Enter, a double click);
   * on a narrow window the page then takes the tree's place. */
  signals[PAGE_ACTIVATED] = g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/documents/lia-page-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPageOutline, box);
  gtk_widget_class_bind_template_child (widget_class, LiaPageOutline, new_menu);
  gtk_widget_class_bind_template_child (widget_class, LiaPageOutline, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaPageOutline, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPageOutline, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaPageOutline, results);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tree_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_page_outline_init (LiaPageOutline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->hits = g_list_store_new (LIA_TYPE_PAGE);
  gtk_list_box_bind_model (self->results, G_LIST_MODEL (self->hits), create_result_row, NULL, NULL);
  self->selection = lia_list_view_setup (self->list_view, G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                         G_CALLBACK (unbind_row_cb), G_CALLBACK (selection_changed_cb), self);
  update_new_menu (self);
  update_stack (self);
}
