/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-conflict-resolve.h"
#include "lia-merge-dialog.h"
#include "lia-model.h"
#include "lia-toast.h"
#include "lia-window.h"

struct _LiaMergeDialog
{
  AdwWindow        parent_instance;

  LiaWorkspace    *workspace;

  /* template children */
  GtkStack        *stack;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (LiaMergeDialog, lia_merge_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One side's value under its caption.  Long texts (a Markdown body, an
 * entity kept whole) get a scrolling monospace view, so both full texts
 * can be read and compared; short values a wrapping label. */
static GtkWidget *
side_widget (LiaMergeDialog    *self,
             LiaConflict       *conflict,
             LiaConflictChoice  side,
             const char        *caption,
             gboolean           long_text)
{
  static const guint fields[] = { LIA_CONFLICT_OURS, LIA_CONFLICT_THEIRS, LIA_CONFLICT_BASE };
  JsonNode *node = lia_entity_get_json (LIA_ENTITY (conflict), fields[side]);
  g_autofree char *text = lia_conflict_value_to_text (conflict, self->workspace, side);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (caption);
  GtkWidget *value;

  /* Wide enough that a narrow window puts the sides one under another
   * instead of squeezing three texts into a column each. */
  gtk_widget_set_size_request (box, long_text ? 220 : 160, -1);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (box), title);

  /* “Removed” needs no text view. */
  if (long_text && node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      GtkWidget *view = gtk_text_view_new ();

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
      value = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (value), view);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (value), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (value), 120);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (value), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (value), TRUE);
      gtk_widget_add_css_class (value, "card");
    }
  else
    {
      value = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
    }
  gtk_box_append (GTK_BOX (box), value);
  return box;
}

/* Side by side when there is room, one under the other in a narrow
 * window: a flow box wraps its children by width. */
static GtkWidget *
flow_new (guint max_per_line)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), max_per_line);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  return flow;
}

static void
flow_append (GtkWidget *flow,
             GtkWidget *child)
{
  gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
  /* Only what is inside takes focus, not the flow box's cell. */
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

static GtkWidget *
choice_button (LiaMergeDialog    *self,
               LiaConflict       *conflict,
               LiaConflictChoice  choice,
               const char        *label,
               const char        *title)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autoptr(GError) error = NULL;

  /* Say before the click what cannot be done here, and why. */
  if (!lia_conflict_can_choose (conflict, self->workspace, choice, &error))
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, error->message);
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "merge.choose");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(si)",
                                    lia_entity_get_id (LIA_ENTITY (conflict)), (int) choice);
  /* The label alone (“Keep Mine”) repeats on every group; say which. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  LiaMergeDialog *self = user_data;
  LiaConflict *conflict = item;
  const char *kind = lia_entity_get_string (LIA_ENTITY (conflict), LIA_CONFLICT_KIND);
  gboolean long_text = g_str_equal (kind, "text") || g_str_equal (kind, "edit-delete");
  guint n_sides;
  gboolean base = lia_conflict_offers_base (conflict);
  g_autofree char *title = lia_conflict_describe (conflict, self->workspace);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *sides, *buttons;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  /* As many per line as there are, so the buttons keep to the end. */
  n_sides = base ? 3 : 2;
  sides = flow_new (n_sides);
  buttons = flow_new (n_sides);
  if (base)
    /* Translators: the value both sides started from, before either changed it. */
    flow_append (sides, side_widget (self, conflict, LIA_CONFLICT_CHOICE_BASE, C_("conflict", "Original"), long_text));
  flow_append (sides, side_widget (self, conflict, LIA_CONFLICT_CHOICE_OURS, C_("conflict", "Yours"), long_text));
  flow_append (sides, side_widget (self, conflict, LIA_CONFLICT_CHOICE_THEIRS, C_("conflict", "Theirs"), long_text));
  gtk_box_append (GTK_BOX (box), sides);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  if (base)
    flow_append (buttons, choice_button (self, conflict, LIA_CONFLICT_CHOICE_BASE, _("Use _Original"), title));
  flow_append (buttons, choice_button (self, conflict, LIA_CONFLICT_CHOICE_OURS, _("_Keep Mine"), title));
  flow_append (buttons, choice_button (self, conflict, LIA_CONFLICT_CHOICE_THEIRS, _("_Take Theirs"), title));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_state (LiaMergeDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (self->workspace)));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.choose", !lia_workspace_get_read_only (self->workspace));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LiaMergeDialog *self = LIA_MERGE_DIALOG (widget);
  GListModel *conflicts = G_LIST_MODEL (lia_workspace_get_conflicts (self->workspace));
  g_autoptr(GError) error = NULL;
  const char *id;
  int choice;

  /* The window went on to another workspace (reloaded after a pull, or
   * another file opened): a choice here would change one nobody sees. */
  if (LIA_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self))) &&
      lia_window_get_workspace (LIA_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self)))) != self->workspace)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_variant_get (param, "(&si)", &id, &choice);
  if (choice < LIA_CONFLICT_CHOICE_OURS || choice > LIA_CONFLICT_CHOICE_BASE)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(LiaEntity) conflict = g_list_model_get_item (conflicts, i);

      if (g_strcmp0 (lia_entity_get_id (conflict), id) != 0)
        continue;
      /* The group goes at once; the toast says it was not lost. */
      if (lia_workspace_resolve_conflict (self->workspace, LIA_CONFLICT (conflict), choice, &error))
        lia_show_action_toast (GTK_WIDGET (self->stack), _("Conflict resolved"), _("_Undo"), "merge.undo", NULL);
      else
        lia_show_toast (GTK_WIDGET (self->stack), error->message);
      return;
    }
}

/* The window's Ctrl+Z does not reach this window; the same history is
 * undone here, so a choice is taken back where it was made. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LiaMergeDialog *self = LIA_MERGE_DIALOG (widget);
  LiaHistory *history = lia_workspace_get_history (self->workspace);

  if (g_str_equal (action_name, "merge.undo"))
    lia_history_undo (history);
  else
    lia_history_redo (history);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.save", NULL);
  gtk_window_close (GTK_WINDOW (widget));
}

static void
lia_merge_dialog_constructed (GObject *object)
{
  LiaMergeDialog *self = LIA_MERGE_DIALOG (object);
  GListStore *conflicts = lia_workspace_get_conflicts (self->workspace);

  G_OBJECT_CLASS (lia_merge_dialog_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (conflicts), create_row_cb, self, NULL);
  g_signal_connect_object (conflicts, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
lia_merge_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaMergeDialog *self = LIA_MERGE_DIALOG (object);

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
lia_merge_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaMergeDialog *self = LIA_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_merge_dialog_dispose (GObject *object)
{
  LiaMergeDialog *self = LIA_MERGE_DIALOG (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MERGE_DIALOG);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (lia_merge_dialog_parent_class)->dispose (object);
}

static void
lia_merge_dialog_class_init (LiaMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_merge_dialog_constructed;
  object_class->dispose = lia_merge_dialog_dispose;
  object_class->get_property = lia_merge_dialog_get_property;
  object_class->set_property = lia_merge_dialog_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, LIA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/lia-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaMergeDialog, list);

  gtk_widget_class_install_action (widget_class, "merge.choose", "(si)", choose_action);
  gtk_widget_class_install_action (widget_class, "merge.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "merge.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "merge.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "merge.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "merge.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_merge_dialog_init (LiaMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_merge_dialog_new (GtkWindow    *parent,
                      LiaWorkspace *workspace)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (LIA_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "workspace", workspace,
                       NULL);
}

LiaWorkspace *
lia_merge_dialog_get_workspace (LiaMergeDialog *self)
{
  g_return_val_if_fail (LIA_IS_MERGE_DIALOG (self), NULL);

  return self->workspace;
}
