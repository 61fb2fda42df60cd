/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-playbook-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-field-binding.h"
#include "lia-playbook-view.h"
#include "lia-assessment-trends.h"
#include "lia-playbook.h"
#include "lia-toast.h"
#include "lia-widgets.h"

/* The collaboration playbook: the seed's comparison tables (shipped,
 * translated) and the team's own entries (in the workspace), grouped by
 * kind, searchable and filtered by situation: team size, time-zone spread
 * and urgency. */

struct _LiaPlaybookView
{
  AdwBin          parent_instance;

  LiaWorkspace   *workspace;
  GListStore     *builtin;
  gboolean        stale;      /* changed while not on screen */
  guint           refresh_id;

  GtkSearchEntry *search;
  AdwComboRow    *size_row;
  AdwComboRow    *spread_row;
  AdwComboRow    *urgency_row;
  GtkBox         *sections;
  GtkStack       *stack;
  char           *practise;   /* only entries that train this area, or NULL */
  GtkRevealer    *practise_bar;
  GtkLabel       *practise_label;
  GPtrArray      *shown;      /* char *: names, in order */
};

G_DEFINE_FINAL_TYPE (LiaPlaybookView, lia_playbook_view, ADW_TYPE_BIN)

static void edit_entry_cb (GtkButton *button, LiaPlaybookView *self);
static void schedule_refresh (LiaPlaybookView *self);

static const char *
choice (AdwComboRow        *row,
        const char * const *values)
{
  guint i = adw_combo_row_get_selected (row);
  /* item 0 is "Any" */
  return i == 0 || i > g_strv_length ((char **) values) ? NULL : values[i - 1];
}

static void
text_row (GtkWidget  *expander,
          const char *title,
          const char *text)
{
  GtkWidget *row;

  if (text == NULL || *text == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
remove_entry_cb (GtkButton       *button,
                 LiaPlaybookView *self)
{
  LiaPlaybookEntry *entry = g_object_get_data (G_OBJECT (button), "entry");
  GListStore *store = lia_workspace_get_playbook (self->workspace);
  LiaHistory *history = lia_workspace_get_history (self->workspace);
  guint position;

  if (!g_list_store_find (store, entry, &position))
    return;
  lia_history_begin (history, _("Remove playbook entry"));
  lia_history_remove (history, store, position);
  lia_history_end (history);
  lia_show_undo_toast (GTK_WIDGET (self), _("Entry removed"));
}

static GtkWidget *
entry_row (LiaPlaybookView  *self,
           LiaPlaybookEntry *entry,
           gboolean          own)
{
  LiaEntity *e = LIA_ENTITY (entry);
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_entity_get_string (e, LIA_PLAYBOOK_ENTRY_NAME));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), lia_entity_get_string (e, LIA_PLAYBOOK_ENTRY_FITS));
  text_row (row, _("Strengths"), lia_entity_get_string (e, LIA_PLAYBOOK_ENTRY_STRENGTHS));
  text_row (row, _("Weaknesses"), lia_entity_get_string (e, LIA_PLAYBOOK_ENTRY_WEAKNESSES));
  text_row (row, _("Fits when"), lia_entity_get_string (e, LIA_PLAYBOOK_ENTRY_FITS));
  text_row (row, _("Tools"), lia_entity_get_string (e, LIA_PLAYBOOK_ENTRY_EXAMPLES));
  if (own)
    {
      GtkWidget *tag = gtk_label_new (_("Team"));
      GtkWidget *remove = lia_icon_button_new ("user-trash-symbolic", _("Remove Entry"));
      GtkWidget *edit = lia_icon_button_new ("document-edit-symbolic", _("Edit Entry"));

      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "entry", g_object_ref (entry), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_entry_cb), self);
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      g_object_set_data_full (G_OBJECT (edit), "entry", g_object_ref (entry), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_entry_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
    }
  return row;
}

static void
refresh (LiaPlaybookView *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  const char *size = choice (self->size_row, lia_team_size_choices);
  const char *spread = choice (self->spread_row, lia_spread_choices);
  const char *urgency = choice (self->urgency_row, lia_urgency_choices);
  GListModel *sources[2] = { G_LIST_MODEL (self->builtin), NULL };
  GtkWidget *child;

  if (self->workspace)
    sources[1] = G_LIST_MODEL (lia_workspace_get_playbook (self->workspace));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
  g_ptr_array_set_size (self->shown, 0);

  for (guint k = 0; lia_playbook_kind_choices[k]; k++)
    {
      GtkWidget *group = NULL;

      for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
        for (guint i = 0; sources[s] && i < g_list_model_get_n_items (sources[s]); i++)
          {
            g_autoptr(LiaPlaybookEntry) entry = g_list_model_get_item (sources[s], i);

            if (!g_str_equal (lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_KIND), lia_playbook_kind_choices[k]) ||
                !lia_playbook_matches (entry, query, size, spread, urgency) ||
                (self->practise && !g_strv_contains (lia_entity_get_strv (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_PRACTISES),
                                                     self->practise)))
              continue;
            if (group == NULL)
              {
                group = adw_preferences_group_new ();
                adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), lia_playbook_kind_label (lia_playbook_kind_choices[k]));
                gtk_box_append (self->sections, group);
              }
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (self, entry, s == 1));
            g_ptr_array_add (self->shown, g_strdup (lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME)));
          }
    }
  gtk_stack_set_visible_child_name (self->stack, self->shown->len > 0 ? "entries" : "none");
}

static gboolean
refresh_idle (gpointer data)
{
  LiaPlaybookView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (LiaPlaybookView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* ---- a team's own entry ------------------------------------------------ */

/* The form edits a copy through field bindings without a history, so
 * each field shows core's message as it is typed and nothing reaches the
 * workspace until Save, which hands the copy's fields over in one undo
 * step (or inserts the copy). */
typedef struct
{
  LiaPlaybookView  *view;
  LiaPlaybookEntry *entry;   /* being edited, or NULL for a new one */
  LiaPlaybookEntry *copy;    /* what the form's fields are bound to */
  GtkWidget        *save;
  GtkWidget        *bound[6];
} Form;

/* Save is offered only for a copy the file can hold, with a name that is
 * more than spaces (the rule book takes those; a list row would not). */
static gboolean
form_validate (GtkWidget *window)
{
  Form *form = g_object_get_data (G_OBJECT (window), "form");
  LiaEntity *copy;
  g_autofree char *name = NULL;
  gboolean ok;

  if (form == NULL)
    return FALSE;
  copy = LIA_ENTITY (form->copy);
  name = g_strstrip (g_strdup (lia_entity_get_string (copy, LIA_PLAYBOOK_ENTRY_NAME)));
  ok = name[0] != '\0' && lia_entity_check (copy, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (form->bound); i++)
    ok &= lia_field_binding_get_error (lia_field_binding_get (form->bound[i])) == NULL;
  gtk_widget_set_sensitive (form->save, ok);
  return ok;
}

static AdwEntryRow *
form_entry (GtkWidget  *group,
            const char *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  return row;
}

static void
save_entry_cb (GtkWidget *window)
{
  Form *form = g_object_get_data (G_OBJECT (window), "form");
  LiaPlaybookView *self = form->view;
  LiaEntity *copy = LIA_ENTITY (form->copy);
  GListStore *store = lia_workspace_get_playbook (self->workspace);
  LiaHistory *history = lia_workspace_get_history (self->workspace);
  g_autofree char *name = NULL;

  /* A click can arrive while the button is insensitive (a test, an
   * accessibility tool); the check is the same. */
  if (!form_validate (window))
    return;
  name = g_strstrip (g_strdup (lia_entity_get_string (copy, LIA_PLAYBOOK_ENTRY_NAME)));
  lia_entity_set_string (copy, LIA_PLAYBOOK_ENTRY_NAME, name);

  if (form->entry != NULL)
    {
      LiaEntity *entry = LIA_ENTITY (form->entry);

      lia_history_begin (history, _("Edit playbook entry"));
      for (guint i = 0; i < LIA_PLAYBOOK_ENTRY_N_FIELDS; i++)
        if (!lia_entity_value_equal (entry, i, lia_entity_peek_value (copy, i)))
          lia_history_set_value (history, entry, i, lia_entity_peek_value (copy, i), FALSE);
      lia_history_end (history);
      schedule_refresh (self);
    }
  else
    {
      lia_history_begin (history, _("Add playbook entry"));
      lia_history_insert (history, store, g_list_model_get_n_items (G_LIST_MODEL (store)), form->copy);
      lia_history_end (history);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
form_free (Form *form)
{
  g_clear_object (&form->entry);
  g_clear_object (&form->copy);
  g_free (form);
}

static GtkWidget *
open_form (LiaPlaybookView  *self,
           LiaPlaybookEntry *existing)
{
  GtkWidget *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwComboRow *kind;
  Form *form;

  if (self->workspace == NULL)
    return NULL;
  window = adw_window_new ();
  form = g_new0 (Form, 1);
  form->view = self;
  form->entry = existing ? g_object_ref (existing) : NULL;
  form->copy = existing ? LIA_PLAYBOOK_ENTRY (lia_entity_copy (LIA_ENTITY (existing), FALSE)) : lia_playbook_entry_new ();
  form->save = gtk_button_new_with_mnemonic (existing ? _("_Save") : _("_Add"));
  gtk_window_set_title (GTK_WINDOW (window), existing ? _("Edit Playbook Entry") : _("New Playbook Entry"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 520);
  g_object_set_data_full (G_OBJECT (window), "form", form, (GDestroyNotify) form_free);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->save);
  gtk_widget_add_css_class (form->save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (form->save, "clicked", G_CALLBACK (save_entry_cb), window);

  /* The kinds' own labels, in the spec's order; the binding keeps them. */
  kind = ADW_COMBO_ROW (adw_combo_row_new ());
  for (guint i = 0; lia_playbook_kind_choices[i]; i++)
    gtk_string_list_append (kinds, lia_playbook_kind_label (lia_playbook_kind_choices[i]));
  adw_combo_row_set_model (kind, G_LIST_MODEL (kinds));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (kind));
  {
    const struct { GtkWidget *row; guint field; } fields[] = {
      { GTK_WIDGET (kind), LIA_PLAYBOOK_ENTRY_KIND },
      { GTK_WIDGET (form_entry (group, _("Name"))), LIA_PLAYBOOK_ENTRY_NAME },
      { GTK_WIDGET (form_entry (group, _("Strengths"))), LIA_PLAYBOOK_ENTRY_STRENGTHS },
      { GTK_WIDGET (form_entry (group, _("Weaknesses"))), LIA_PLAYBOOK_ENTRY_WEAKNESSES },
      { GTK_WIDGET (form_entry (group, _("Fits when"))), LIA_PLAYBOOK_ENTRY_FITS },
      { GTK_WIDGET (form_entry (group, _("Tools (optional)"))), LIA_PLAYBOOK_ENTRY_EXAMPLES },
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (form->bound));
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        LiaEntity *copy = LIA_ENTITY (form->copy);
        LiaFieldBinding *binding = i == 0 ? lia_bind_choice (fields[i].row, NULL, copy, fields[i].field)
                                          : lia_bind_entry (GTK_EDITABLE (fields[i].row), NULL, copy, fields[i].field);

        form->bound[i] = fields[i].row;
        /* The window, not the form, is the target: the signal goes when
         * the window does, and the copy may live on in the workspace. */
        g_signal_connect_object (binding, "notify::error", G_CALLBACK (form_validate), window, G_CONNECT_SWAPPED);
      }
  }
  g_signal_connect_object (form->copy, "notify", G_CALLBACK (form_validate), window, G_CONNECT_SWAPPED);
  form_validate (window);

  gtk_widget_set_margin_top (group, 18);
  gtk_widget_set_margin_bottom (group, 18);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroll);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (form->bound[1]);
  return window;
}

GtkWidget *
lia_playbook_view_add_entry (LiaPlaybookView *self)
{
  return open_form (self, NULL);
}

GtkWidget *
lia_playbook_view_edit_entry (LiaPlaybookView  *self,
                              LiaPlaybookEntry *entry)
{
  return open_form (self, entry);
}

static void
edit_entry_cb (GtkButton       *button,
               LiaPlaybookView *self)
{
  open_form (self, g_object_get_data (G_OBJECT (button), "entry"));
}

static void
map_cb (LiaPlaybookView *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

/* ---- construction ------------------------------------------------------ */

static AdwComboRow *
filter_row (LiaPlaybookView    *self,
            GtkWidget          *group,
            const char         *title,
            const char * const *labels)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any"));
  for (guint i = 0; labels[i]; i++)
    gtk_string_list_append (list, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (schedule_refresh), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  return row;
}

static void
lia_playbook_view_dispose (GObject *object)
{
  LiaPlaybookView *self = LIA_PLAYBOOK_VIEW (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_playbook (self->workspace), self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->workspace);
  g_clear_object (&self->builtin);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->practise, g_free);
  G_OBJECT_CLASS (lia_playbook_view_parent_class)->dispose (object);
}

static void
lia_playbook_view_class_init (LiaPlaybookViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lia_playbook_view_dispose;
}

static void
lia_playbook_view_init (LiaPlaybookView *self)
{
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *filters = adw_preferences_group_new ();
  GtkWidget *none = adw_status_page_new ();
  const char *sizes[] = { _("Small"), _("Medium"), _("Large"), NULL };
  const char *spreads[] = { _("One time zone"), _("A few time zones"), _("Worldwide"), NULL };
  const char *urgencies[] = { _("Can wait"), _("Urgent"), NULL };

  self->shown = g_ptr_array_new_with_free_func (g_free);
  self->builtin = g_object_ref (lia_playbook_get_builtin ());

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search the playbook"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the playbook"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (schedule_refresh), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  /* Entries are added with the header's + (one add per page). */

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (filters), _("Your Situation"));
  self->size_row = filter_row (self, filters, _("Team size"), sizes);
  self->spread_row = filter_row (self, filters, _("Time zones"), spreads);
  self->urgency_row = filter_row (self, filters, _("Urgency"), urgencies);

  self->sections = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Matching Entries"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Try other words, or set a filter back to Any."));
  gtk_widget_add_css_class (none, "compact");
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->sections), "entries");
  gtk_stack_add_named (self->stack, none, "none");

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *all = gtk_button_new_with_mnemonic (_("Show _All"));

    self->practise_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->practise_label, TRUE);
    gtk_label_set_xalign (self->practise_label, 0);
    gtk_widget_set_hexpand (GTK_WIDGET (self->practise_label), TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->practise_label), "heading");
    g_signal_connect_swapped (all, "clicked", G_CALLBACK (lia_playbook_view_set_practise), self);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->practise_label));
    gtk_box_append (GTK_BOX (box), all);
    self->practise_bar = GTK_REVEALER (gtk_revealer_new ());
    gtk_revealer_set_child (self->practise_bar, box);
  }

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->practise_bar));
  gtk_box_append (GTK_BOX (content), bar);
  gtk_box_append (GTK_BOX (content), filters);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scroll);
  /* The rows are built when the page is first shown, not at start-up. */
  self->stale = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

void
lia_playbook_view_set_workspace (LiaPlaybookView *self,
                                 LiaWorkspace    *workspace)
{
  g_return_if_fail (LIA_IS_PLAYBOOK_VIEW (self));

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_playbook (self->workspace), self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    g_signal_connect_swapped (lia_workspace_get_playbook (workspace), "items-changed", G_CALLBACK (schedule_refresh), self);
  schedule_refresh (self);
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
  gtk_editable_set_text (GTK_EDITABLE (self->search), query ? query : "");
  select_choice (self->size_row, lia_team_size_choices, size);
  select_choice (self->spread_row, lia_spread_choices, spread);
  select_choice (self->urgency_row, lia_urgency_choices, urgency);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

void
lia_playbook_view_focus_search (LiaPlaybookView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

char *
lia_playbook_view_get_shown (LiaPlaybookView *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->shown->len; i++)
    g_string_append_printf (out, "%s%s", i ? "\n" : "", (char *) self->shown->pdata[i]);
  return g_string_free (out, FALSE);
}

/* Shows only the entries that train @area (an assessment area's id), with
 * a way back to all; NULL shows all. */
void
lia_playbook_view_set_practise (LiaPlaybookView *self,
                                const char      *area)
{
  int index = area ? lia_area_find (area) : -1;

  g_free (self->practise);
  self->practise = index >= 0 ? g_strdup (lia_area_get (index)->id) : NULL;
  if (index >= 0)
    {
      /* Translators: %s is a competency area, "Entries that train Teamwork" */
      g_autofree char *text = g_strdup_printf (_("Entries that train %s"), lia_area_get_name (index));
      gtk_label_set_text (self->practise_label, text);
    }
  gtk_revealer_set_reveal_child (self->practise_bar, index >= 0);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}
