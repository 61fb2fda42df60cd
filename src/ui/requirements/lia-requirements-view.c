/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-requirements-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-conflict-mark.h"
#include "lia-export.h"
#include "lia-requirement-cell.h"
#include "lia-requirement-editor.h"
#include "lia-requirements-view.h"
#include "lia-split-page.h"
#include "lia-toast.h"

/* The requirement translation table: one row per business need with its
 * technical need and numbered steps, a search bar, and the editor of the
 * selected requirement beside it (or, when narrow, on its own page).
 *
 * A little over 600 lines: the column view's factories and its density
 * columns (GTK 4.8 keeps the width of hidden columns, so they are taken
 * out and put back) belong to the table they draw; the cells themselves
 * are LiaRequirementCell. */

struct _LiaRequirementsView
{
  GtkWidget             parent_instance;

  LiaWorkspace         *workspace;
  LiaConflictIndex     *conflicts;    /* marks what a merge left in conflict */
  GtkFilterListModel   *filter_model;
  GtkSliceListModel    *slice;        /* the rows given to the table so far */
  guint                 grow_tick;
  GtkSingleSelection   *selection;
  GtkCustomFilter      *filter;
  char                 *search_key;   /* casefolded */

  LiaSplitPage         *split;
  GtkWidget            *table_box;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *table_stack;
  GtkColumnView        *column_view;
  LiaRequirementEditor *editor;

  GtkColumnViewColumn  *column_widgets[6];
  int                   density;      /* columns shown: see update_columns */
  guint                 density_idle;
};

static void lia_requirements_view_area_init (LiaAreaInterface *iface);
static void show_all_rows                   (LiaRequirementsView *self);
static void grow_rows                       (LiaRequirementsView *self,
                                             guint                n_items);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaRequirementsView, lia_requirements_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_requirements_view_area_init))

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS,
  PROP_WORKSPACE = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define STEPS_COLUMN LIA_REQUIREMENT_CELL_STEPS

/* Narrow tables keep the essential columns: a column shows when the
 * table is at least min_density wide (0 compact, 1 medium, 2 wide).
 * A cell marks its field when a merge left it in conflict; the first
 * column, always shown, marks the row for anything in the requirement
 * or its steps, and the steps column for its steps. */
static const struct
{
  const char *title;
  int         field;
  int         fixed_width;
  gboolean    choice;
  int         min_density;
  int         mark;
} columns[] = {
  { NC_("requirements table", "Business need"), LIA_REQUIREMENT_BUSINESS_NEED, 0, FALSE, 0, LIA_CONFLICT_MARK_CONTENTS },
  { NC_("requirements table", "Technical need"), LIA_REQUIREMENT_TECHNICAL_NEED, 0, FALSE, 1, LIA_REQUIREMENT_TECHNICAL_NEED },
  { NC_("requirements table", "Engineering steps"), STEPS_COLUMN, 0, FALSE, 0, LIA_CONFLICT_MARK_INSIDE },
  { NC_("requirements table", "Owner"), LIA_REQUIREMENT_OWNER, 110, FALSE, 2, LIA_REQUIREMENT_OWNER },
  { NC_("requirements table", "Priority"), LIA_REQUIREMENT_PRIORITY, 80, TRUE, 1, LIA_REQUIREMENT_PRIORITY },
  { NC_("requirements table", "Status"), LIA_REQUIREMENT_STATUS, 90, TRUE, 2, LIA_REQUIREMENT_STATUS },
};

#define MEDIUM_WIDTH 520
#define WIDE_WIDTH 820
#define INITIAL_DENSITY 1

/* A narrow column's width: its usual one, or wider when the translated
 * header needs more (a longer language must not lose "Priority"). */
static int
header_width (LiaRequirementsView *self,
              guint                i)
{
  const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "requirements table", columns[i].title);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), title);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width = 0;

  /* Headers are bold; their padding and the sort arrow take about 40 px. */
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return MAX (columns[i].fixed_width, width + 40);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_list_item_set_child (item, lia_requirement_cell_new (columns[column].field, columns[column].choice,
                                                           columns[column].mark));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LiaRequirementsView      *self)
{
  lia_requirement_cell_bind (LIA_REQUIREMENT_CELL (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item),
                             self->workspace ? lia_workspace_get_history (self->workspace) : NULL,
                             self->conflicts);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  lia_requirement_cell_bind (LIA_REQUIREMENT_CELL (gtk_list_item_get_child (item)), NULL, NULL, NULL);
}

static gboolean
contains_key (const char *text,
              const char *key)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, key) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  LiaRequirementsView *self = user_data;
  LiaEntity *requirement = item;
  GListModel *steps;
  guint n;

  if (self->search_key == NULL)
    return TRUE;

  if (contains_key (lia_entity_get_string (requirement, LIA_REQUIREMENT_BUSINESS_NEED), self->search_key) ||
      contains_key (lia_entity_get_string (requirement, LIA_REQUIREMENT_TECHNICAL_NEED), self->search_key) ||
      contains_key (lia_entity_get_string (requirement, LIA_REQUIREMENT_OWNER), self->search_key) ||
      contains_key (lia_entity_get_string (requirement, LIA_REQUIREMENT_RATIONALE), self->search_key))
    return TRUE;

  steps = G_LIST_MODEL (lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS));
  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);

      if (contains_key (lia_entity_get_string (step, LIA_STEP_TEXT), self->search_key))
        return TRUE;
    }
  return FALSE;
}

static void
update_empty_state (LiaRequirementsView *self)
{
  guint total = self->workspace ? g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_requirements (self->workspace))) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (total == 0)
    gtk_stack_set_visible_child_name (self->table_stack, "empty");
  /* While a search still filters (in steps), no results is not known. */
  else if (shown == 0 && gtk_filter_list_model_get_pending (self->filter_model) == 0)
    gtk_stack_set_visible_child_name (self->table_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->table_stack, "table");
}

static void
read_only_changed_cb (LiaRequirementsView *self)
{
  lia_requirement_editor_set_read_only (self->editor, lia_workspace_get_read_only (self->workspace));
}

static void
selection_changed_cb (LiaRequirementsView *self)
{
  lia_requirement_editor_set_requirement (self->editor, lia_requirements_view_get_selected (self));
}

static void
search_changed_cb (LiaRequirementsView *self,
                   GtkSearchEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *old = g_steal_pointer (&self->search_key);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (text[0] != '\0')
    self->search_key = g_utf8_casefold (text, -1);
  /* Typing on narrows the rows shown, deleting widens them: GTK then
   * checks only the rows that can change. */
  if (g_strcmp0 (old, self->search_key) == 0)
    return;
  /* Without a search the table has no filter at all, so rows added or
   * moved are there at once (and can be selected). */
  if (self->search_key == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (old == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    {
      if (strstr (self->search_key, old) != NULL)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (strstr (old, self->search_key) != NULL)
        change = GTK_FILTER_CHANGE_LESS_STRICT;
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
  update_empty_state (self);
}

static void
stop_search_cb (LiaRequirementsView *self,
                GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
row_activated_cb (LiaRequirementsView *self,
                  guint                position)
{
  lia_split_page_set_show_content (self->split, TRUE);
  lia_requirement_editor_focus (self->editor);
}

/* On a narrow window the table and the editor take turns: a click on a
 * row opens its editor, as a tap on a phone would. */
static void
table_clicked_cb (LiaRequirementsView *self,
                  int                  n_press,
                  double               x,
                  double               y,
                  GtkGestureClick     *gesture)
{
  if (lia_split_page_get_folded (self->split) && lia_requirements_view_get_selected (self) != NULL)
    lia_split_page_set_show_content (self->split, TRUE);
}

static LiaHistory *
history (LiaRequirementsView *self)
{
  return lia_workspace_get_history (self->workspace);
}

/* The selected requirement and its place in the workspace, or FALSE when
 * there is none or the workspace cannot be edited. */
static gboolean
editable_selection (LiaRequirementsView  *self,
                    LiaEntity           **selected,
                    guint                *position)
{
  *selected = lia_requirements_view_get_selected (self);

  return *selected != NULL &&
         !lia_workspace_get_read_only (self->workspace) &&
         g_list_store_find (lia_workspace_get_requirements (self->workspace), *selected, position);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (widget);
  LiaEntity *selected;
  guint position;

  if (!editable_selection (self, &selected, &position))
    return;

  lia_history_begin (history (self), _("Delete requirement"));
  lia_history_remove (history (self), lia_workspace_get_requirements (self->workspace), position);
  lia_history_end (history (self));

  lia_show_undo_toast (GTK_WIDGET (self), _("Requirement deleted"));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (widget);
  GListStore *store = lia_workspace_get_requirements (self->workspace);
  gboolean up = g_str_equal (action_name, "requirements.move-up");
  g_autoptr(LiaEntity) moved = NULL;
  LiaEntity *selected;
  guint position;

  if (!editable_selection (self, &selected, &position) ||
      (up && position == 0) ||
      (!up && position + 1 >= g_list_model_get_n_items (G_LIST_MODEL (store))))
    return;

  moved = g_object_ref (selected);
  lia_history_begin (history (self), up ? _("Move requirement up") : _("Move requirement down"));
  lia_history_move (history (self), store, position, up ? position - 1 : position + 1);
  lia_history_end (history (self));
  lia_requirements_view_select (self, moved);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (widget);

  lia_split_page_set_show_content (self->split, FALSE);
}

static int
density_for_width (int width)
{
  return width >= WIDE_WIDTH ? 2 : width >= MEDIUM_WIDTH ? 1 : 0;
}

static gboolean
apply_density_cb (gpointer user_data)
{
  LiaRequirementsView *self = user_data;
  int density = density_for_width (gtk_widget_get_width (self->table_box));

  self->density_idle = 0;
  if (density != self->density)
    {
      guint position = 0;

      self->density = density;
      /* Hidden columns keep their width in GTK 4.8's column view, so
       * columns are taken out and put back instead. */
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          GtkColumnViewColumn *column = self->column_widgets[i];
          gboolean want = columns[i].min_density <= density;
          gboolean present = gtk_column_view_column_get_column_view (column) != NULL;

          if (want && !present)
            gtk_column_view_insert_column (self->column_view, position, column);
          else if (!want && present)
            gtk_column_view_remove_column (self->column_view, column);
          if (want)
            position++;
        }
    }
  return G_SOURCE_REMOVE;
}

static void
lia_requirements_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->split), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
lia_requirements_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->split), width, height, baseline, NULL);

  /* Changing columns during allocation would allocate again; do it
   * right after. */
  if (density_for_width (gtk_widget_get_width (self->table_box)) != self->density && self->density_idle == 0)
    self->density_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_density_cb, self, NULL);
}

static void
lia_requirements_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_requirements_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;
    case PROP_WORKSPACE:
      lia_requirements_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
search_mode_notify_cb (LiaRequirementsView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
lia_requirements_view_dispose (GObject *object)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (object);

  g_clear_handle_id (&self->density_idle, g_source_remove);
  if (self->grow_tick != 0)
    show_all_rows (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_REQUIREMENTS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  for (guint i = 0; i < G_N_ELEMENTS (self->column_widgets); i++)
    g_clear_object (&self->column_widgets[i]);
  g_clear_object (&self->workspace);
  g_clear_object (&self->conflicts);

  G_OBJECT_CLASS (lia_requirements_view_parent_class)->dispose (object);
}

static void
lia_requirements_view_finalize (GObject *object)
{
  LiaRequirementsView *self = LIA_REQUIREMENTS_VIEW (object);

  g_free (self->search_key);

  G_OBJECT_CLASS (lia_requirements_view_parent_class)->finalize (object);
}

static void
lia_requirements_view_class_init (LiaRequirementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_requirements_view_dispose;
  object_class->finalize = lia_requirements_view_finalize;
  object_class->get_property = lia_requirements_view_get_property;
  object_class->set_property = lia_requirements_view_set_property;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");

  g_type_ensure (LIA_TYPE_REQUIREMENT_EDITOR);
  g_type_ensure (LIA_TYPE_SPLIT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/requirements/lia-requirements-view.ui");
  widget_class->measure = lia_requirements_view_measure;
  widget_class->size_allocate = lia_requirements_view_size_allocate;
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementsView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementsView, table_box);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementsView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementsView, table_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LiaRequirementsView, editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "requirements.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "requirements.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "requirements.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "requirements.back", NULL, back_action);
}

static void
lia_requirements_view_init (LiaRequirementsView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->density = INITIAL_DENSITY;
  /* Columns change as the table folds; libadwaita 1.2 would snapshot the
   * half-laid-out table during a fold animation, so the fold is instant. */
  lia_split_page_set_animate_fold (self->split, FALSE);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  self->slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  /* A search through thousands of requirements is done a batch per idle,
   * so typing in the search never stalls the window. */
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_empty_state), self);
  g_signal_connect_swapped (self->filter_model, "notify::pending", G_CALLBACK (update_empty_state), self);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "requirements table", columns[i].title),
                                           factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, header_width (self, i));
      else
        gtk_column_view_column_set_expand (column, TRUE);
      /* Start with the columns of the default window size, so the first
       * frame does not build cells it then throws away. */
      if (columns[i].min_density <= INITIAL_DENSITY)
        gtk_column_view_append_column (self->column_view, column);
      self->column_widgets[i] = g_object_ref (column);
    }

  /* Keyboard editing of the table itself. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("requirements.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                          gtk_named_action_new ("requirements.move-up")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                          gtk_named_action_new ("requirements.move-down")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    /* After the row's own handler has selected it. */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
    g_signal_connect_swapped (click, "released", G_CALLBACK (table_clicked_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  }

  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_notify_cb), self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->column_view));
  update_empty_state (self);
}

void
lia_requirements_view_set_workspace (LiaRequirementsView *self,
                                     LiaWorkspace        *workspace)
{
  g_return_if_fail (LIA_IS_REQUIREMENTS_VIEW (self));
  g_return_if_fail (LIA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->conflicts);
  /* Before the model, so the cells it binds find it. */
  self->conflicts = lia_conflict_index_new (G_LIST_MODEL (lia_workspace_get_conflicts (workspace)));
  lia_requirement_editor_set_conflicts (self->editor, self->conflicts);
  g_object_notify (G_OBJECT (self), "workspace");

  lia_requirement_editor_set_history (self->editor, lia_workspace_get_history (workspace));
  /* A newer file format opens read-only; it stays so until Save As. */
  lia_requirement_editor_set_read_only (self->editor, lia_workspace_get_read_only (workspace));
  g_signal_connect_object (workspace, "notify::read-only", G_CALLBACK (read_only_changed_cb), self, G_CONNECT_SWAPPED);
  grow_rows (self, g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_requirements (workspace))));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (lia_workspace_get_requirements (workspace)));
  selection_changed_cb (self);
  update_empty_state (self);
}

LiaEntity *
lia_requirements_view_get_selected (LiaRequirementsView *self)
{
  g_return_val_if_fail (LIA_IS_REQUIREMENTS_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* A workspace's rows reach the table a frame's worth at a time.  GTK
 * 4.8's column view makes and measures the cells of about 200 rows at
 * once (wrapped multi-line text), which held the main loop for two
 * frames of about 270 ms each when a large workspace opened (each row
 * costs about 2 ms); fifteen rows a frame keep each frame short, and the
 * first frame still fills the window.  Past 240 rows, more than GTK makes
 * widgets for, the table has all of them. */
#define ROWS_PER_FRAME 15
#define ROWS_GROWN 240

static void
show_all_rows (LiaRequirementsView *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->grow_tick);
  self->grow_tick = 0;
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
grow_rows_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  LiaRequirementsView *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice) + ROWS_PER_FRAME;

  if (size >= ROWS_GROWN)
    {
      self->grow_tick = 0;
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->slice, size);
  return G_SOURCE_CONTINUE;
}

/* Before the table gets @n_items rows at once. */
static void
grow_rows (LiaRequirementsView *self,
           guint                n_items)
{
  show_all_rows (self);
  if (n_items <= ROWS_PER_FRAME)
    return;
  gtk_slice_list_model_set_size (self->slice, ROWS_PER_FRAME);
  self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), grow_rows_cb, self, NULL);
}

/* GTK 4.8's column view has no scroll_to(); its inner list view has the
 * list.scroll-to-item action, which only that widget can activate. */
static void
scroll_to (LiaRequirementsView *self,
           guint                position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

void
lia_requirements_view_select (LiaRequirementsView *self,
                              LiaEntity           *requirement)
{
  GListModel *model;
  guint n;

  g_return_if_fail (LIA_IS_REQUIREMENTS_VIEW (self));

  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (model, i);

      if (item == requirement)
        {
          show_all_rows (self);
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }
}

/* Adds a requirement after the selected one (or at the end), selects it
 * and puts the cursor in its business need. */
void
lia_requirements_view_add_requirement (LiaRequirementsView *self)
{
  g_autoptr(LiaRequirement) requirement = NULL;
  LiaEntity *selected;
  GListStore *store;
  guint position;

  g_return_if_fail (LIA_IS_REQUIREMENTS_VIEW (self));

  if (self->workspace == NULL || lia_workspace_get_read_only (self->workspace))
    return;

  store = lia_workspace_get_requirements (self->workspace);
  selected = lia_requirements_view_get_selected (self);
  if (selected == NULL || !g_list_store_find (store, selected, &position))
    position = g_list_model_get_n_items (G_LIST_MODEL (store));
  else
    position++;

  requirement = lia_requirement_new ();
  lia_entity_set_string (LIA_ENTITY (requirement), LIA_REQUIREMENT_BUSINESS_NEED, _("New business need"));

  lia_history_begin (history (self), _("Add requirement"));
  lia_history_insert (history (self), store, position, requirement);
  lia_history_end (history (self));

  /* A search that hides the new row would look like nothing happened. */
  if (!filter_func (requirement, self))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  lia_requirements_view_select (self, LIA_ENTITY (requirement));
  lia_split_page_set_show_content (self->split, TRUE);
  lia_requirement_editor_focus (self->editor);
}

void
lia_requirements_view_focus_search (LiaRequirementsView *self)
{
  g_return_if_fail (LIA_IS_REQUIREMENTS_VIEW (self));

  lia_split_page_set_show_content (self->split, FALSE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
lia_requirements_view_set_search_text (LiaRequirementsView *self,
                                       const char          *text)
{
  g_return_if_fail (LIA_IS_REQUIREMENTS_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, text && text[0]);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Apply now rather than after the entry's typing delay. */
  search_changed_cb (self, self->search_entry);
}

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_requirements_view_add_requirement (LIA_REQUIREMENTS_VIEW (area));
}

static gboolean
area_focus_search (LiaArea *area)
{
  lia_requirements_view_focus_search (LIA_REQUIREMENTS_VIEW (area));
  return TRUE;
}

static void
lia_requirements_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
  iface->focus_search = area_focus_search;
}
