/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-playbook-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-area.h"
#include "lia-assessment-trends.h"
#include "lia-playbook-entry-form.h"
#include "lia-playbook-row.h"
#include "lia-playbook-view.h"
#include "lia-playbook.h"
#include "lia-toast.h"

/* The collaboration playbook: the seed's comparison tables (shipped,
 * translated) and the team's own entries (in the workspace), grouped by
 * kind, searchable and filtered by situation: team size, time-zone spread
 * and urgency.
 *
 * Each kind's group is a list box bound to a filter over the shipped and
 * the team's entries (one flattened model), so adding, removing or
 * filtering entries touches only the rows concerned.
 */

#define N_KINDS 5

typedef struct
{
  LiaPlaybookView    *view;
  const char         *kind;
  GtkCustomFilter    *filter;
  GtkFilterListModel *model;
  GtkWidget          *group;
} Section;

struct _LiaPlaybookView
{
  AdwBin          parent_instance;

  LiaWorkspace   *workspace;
  GListStore     *sources;    /* the shipped entries, then the team's */
  Section         sections_by_kind[N_KINDS];
  char           *practise;   /* only entries that train this area, or NULL */

  GtkSearchEntry *search;
  AdwComboRow    *size_row;
  AdwComboRow    *spread_row;
  AdwComboRow    *urgency_row;
  GtkBox         *sections;
  GtkStack       *stack;
  GtkRevealer    *practise_bar;
  GtkLabel       *practise_label;
};

static void lia_playbook_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaPlaybookView, lia_playbook_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_playbook_view_area_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
};

static GtkWidget *open_form (LiaPlaybookView  *self,
                             LiaPlaybookEntry *existing);

static const char *
choice (AdwComboRow        *row,
        const char * const *values)
{
  guint i = adw_combo_row_get_selected (row);
  /* item 0 is "Any" */
  return i == 0 || i > g_strv_length ((char **) values) ? NULL : values[i - 1];
}

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  Section *section = data;
  LiaPlaybookView *self = section->view;
  LiaEntity *entry = LIA_ENTITY (item);

  return g_str_equal (lia_entity_get_string (entry, LIA_PLAYBOOK_ENTRY_KIND), section->kind) &&
         lia_playbook_matches (LIA_PLAYBOOK_ENTRY (entry),
                               gtk_editable_get_text (GTK_EDITABLE (self->search)),
                               choice (self->size_row, lia_team_size_choices),
                               choice (self->spread_row, lia_spread_choices),
                               choice (self->urgency_row, lia_urgency_choices)) &&
         (self->practise == NULL ||
          g_strv_contains (lia_entity_get_strv (entry, LIA_PLAYBOOK_ENTRY_PRACTISES), self->practise));
}

/* A group shows only while it has entries; the page says so when none has. */
static void
update_visibility (LiaPlaybookView *self)
{
  guint total = 0;

  for (guint k = 0; k < N_KINDS; k++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections_by_kind[k].model));

      gtk_widget_set_visible (self->sections_by_kind[k].group, n > 0);
      total += n;
    }
  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "entries" : "none");
}

static void
refilter (LiaPlaybookView *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    gtk_filter_changed (GTK_FILTER (self->sections_by_kind[k].filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filters_changed_cb (LiaPlaybookView *self)
{
  refilter (self);
}

static void
show_all_cb (LiaPlaybookView *self)
{
  lia_playbook_view_set_practise (self, NULL);
}

static gboolean
is_own (LiaPlaybookView  *self,
        LiaPlaybookEntry *entry)
{
  return self->workspace != NULL &&
         g_list_store_find (lia_workspace_get_playbook (self->workspace), entry, NULL);
}

static void
remove_row_cb (LiaPlaybookView *self,
               LiaPlaybookRow  *row)
{
  GListStore *store = lia_workspace_get_playbook (self->workspace);
  LiaHistory *history = lia_workspace_get_history (self->workspace);
  guint position;

  if (!g_list_store_find (store, lia_playbook_row_get_entry (row), &position))
    return;
  lia_history_begin (history, _("Remove playbook entry"));
  lia_history_remove (history, store, position);
  lia_history_end (history);
  lia_show_undo_toast (GTK_WIDGET (self), _("Entry removed"));
}

static void
edit_row_cb (LiaPlaybookView *self,
             LiaPlaybookRow  *row)
{
  open_form (self, lia_playbook_row_get_entry (row));
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  LiaPlaybookView *self = data;
  GtkWidget *row = lia_playbook_row_new (LIA_PLAYBOOK_ENTRY (item), is_own (self, item));

  g_signal_connect_object (row, "edit", G_CALLBACK (edit_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_row_cb), self, G_CONNECT_SWAPPED);
  return row;
}

/* ---- a team's own entry ------------------------------------------------ */

static GtkWidget *
open_form (LiaPlaybookView  *self,
           LiaPlaybookEntry *existing)
{
  GtkWidget *form;

  if (self->workspace == NULL)
    return NULL;
  form = lia_playbook_entry_form_new (self->workspace, existing);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  /* An edit may change the kind, and so the group the entry belongs in. */
  g_signal_connect_object (form, "saved", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
  return form;
}

GtkWidget *
lia_playbook_view_add_entry (LiaPlaybookView *self)
{
  g_return_val_if_fail (LIA_IS_PLAYBOOK_VIEW (self), NULL);

  return open_form (self, NULL);
}

GtkWidget *
lia_playbook_view_edit_entry (LiaPlaybookView  *self,
                              LiaPlaybookEntry *entry)
{
  g_return_val_if_fail (LIA_IS_PLAYBOOK_VIEW (self), NULL);
  g_return_val_if_fail (LIA_IS_PLAYBOOK_ENTRY (entry), NULL);

  return open_form (self, entry);
}

/* ---- LiaArea ------------------------------------------------------------ */

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_playbook_view_add_entry (LIA_PLAYBOOK_VIEW (area));
}

static gboolean
area_focus_search (LiaArea *area)
{
  lia_playbook_view_focus_search (LIA_PLAYBOOK_VIEW (area));
  return TRUE;
}

static void
lia_playbook_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
  iface->focus_search = area_focus_search;
}

/* ---- construction ------------------------------------------------------ */

static void
lia_playbook_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaPlaybookView *self = LIA_PLAYBOOK_VIEW (object);

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
lia_playbook_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaPlaybookView *self = LIA_PLAYBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_playbook_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_playbook_view_dispose (GObject *object)
{
  LiaPlaybookView *self = LIA_PLAYBOOK_VIEW (object);

  for (guint k = 0; k < N_KINDS; k++)
    {
      Section *section = &self->sections_by_kind[k];

      if (section->model != NULL)
        g_signal_handlers_disconnect_by_data (section->model, self);
      g_clear_object (&section->model);
      g_clear_object (&section->filter);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PLAYBOOK_VIEW);
  g_clear_object (&self->sources);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->practise, g_free);

  G_OBJECT_CLASS (lia_playbook_view_parent_class)->dispose (object);
}

static void
lia_playbook_view_class_init (LiaPlaybookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_playbook_view_dispose;
  object_class->get_property = lia_playbook_view_get_property;
  object_class->set_property = lia_playbook_view_set_property;
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/playbook/lia-playbook-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, search);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, size_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, spread_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, sections);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, practise_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookView, practise_label);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_cb);
}

static void
lia_playbook_view_init (LiaPlaybookView *self)
{
  g_autoptr(GListStore) nobody = g_list_store_new (LIA_TYPE_PLAYBOOK_ENTRY);
  GtkFlattenListModel *all;

  G_STATIC_ASSERT (N_KINDS == 5);
  g_assert (g_strv_length ((char **) lia_playbook_kind_choices) == N_KINDS);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The team's entries replace the empty second store when a workspace
   * comes; the flattened model then reports only that part as changed. */
  self->sources = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->sources, lia_playbook_get_builtin ());
  g_list_store_append (self->sources, nobody);
  all = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->sources)));

  for (guint k = 0; k < N_KINDS; k++)
    {
      Section *section = &self->sections_by_kind[k];
      GtkWidget *list = gtk_list_box_new ();

      section->view = self;
      section->kind = lia_playbook_kind_choices[k];
      section->filter = gtk_custom_filter_new (filter_func, section, NULL);
      section->model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (all)),
                                                  GTK_FILTER (g_object_ref (section->filter)));
      section->group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (section->group), lia_playbook_kind_label (section->kind));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (section->model), create_row, self, NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), list);
      gtk_box_append (self->sections, section->group);
      g_signal_connect_swapped (section->model, "items-changed", G_CALLBACK (update_visibility), self);
    }
  g_object_unref (all);
  update_visibility (self);
}

void
lia_playbook_view_set_workspace (LiaPlaybookView *self,
                                 LiaWorkspace    *workspace)
{
  g_autoptr(GListStore) nobody = NULL;
  GListModel *own;

  g_return_if_fail (LIA_IS_PLAYBOOK_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;
  if (workspace != NULL)
    own = G_LIST_MODEL (lia_workspace_get_playbook (workspace));
  else
    own = G_LIST_MODEL (nobody = g_list_store_new (LIA_TYPE_PLAYBOOK_ENTRY));
  g_list_store_splice (self->sources, 1, 1, (gpointer *) &own, 1);
  g_object_notify (G_OBJECT (self), "workspace");
}

static void
select_choice (AdwComboRow        *row,
               const char * const *values,
               const char         *value)
{
  guint selected = 0;

  for (guint i = 0; value && values[i]; i++)
    if (g_str_equal (values[i], value))
      selected = i + 1;
  adw_combo_row_set_selected (row, selected);
}

void
lia_playbook_view_set_filter (LiaPlaybookView *self,
                              const char      *query,
                              const char      *size,
                              const char      *spread,
                              const char      *urgency)
{
  g_return_if_fail (LIA_IS_PLAYBOOK_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), query ? query : "");
  select_choice (self->size_row, lia_team_size_choices, size);
  select_choice (self->spread_row, lia_spread_choices, spread);
  select_choice (self->urgency_row, lia_urgency_choices, urgency);
  /* The search entry reports its text after a delay; filter now. */
  refilter (self);
}

void
lia_playbook_view_focus_search (LiaPlaybookView *self)
{
  g_return_if_fail (LIA_IS_PLAYBOOK_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

char *
lia_playbook_view_get_shown (LiaPlaybookView *self)
{
  GString *out = g_string_new (NULL);
  guint shown = 0;

  g_return_val_if_fail (LIA_IS_PLAYBOOK_VIEW (self), NULL);

  for (guint k = 0; k < N_KINDS; k++)
    {
      GListModel *model = G_LIST_MODEL (self->sections_by_kind[k].model);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(LiaEntity) entry = g_list_model_get_item (model, i);

          g_string_append_printf (out, "%s%s", shown++ ? "\n" : "",
                                  lia_entity_get_string (entry, LIA_PLAYBOOK_ENTRY_NAME));
        }
    }
  return g_string_free (out, FALSE);
}

/* Shows only the entries that train @area (an assessment area's id), with
 * a way back to all; NULL shows all. */
void
lia_playbook_view_set_practise (LiaPlaybookView *self,
                                const char      *area)
{
  int index = area ? lia_competency_find (area) : -1;

  g_return_if_fail (LIA_IS_PLAYBOOK_VIEW (self));

  g_free (self->practise);
  self->practise = index >= 0 ? g_strdup (lia_competency_get (index)->id) : NULL;
  if (index >= 0)
    {
      /* Translators: %s is a competency area, "Entries that train Teamwork" */
      g_autofree char *text = g_strdup_printf (_("Entries that train %s"), lia_competency_get_name (index));
      gtk_label_set_text (self->practise_label, text);
    }
  gtk_revealer_set_reveal_child (self->practise_bar, index >= 0);
  refilter (self);
}
