/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-contracts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-contracts-view.h"
#include "lia-contract-check.h"
#include "lia-field-binding.h"
#include "lia-toast.h"
#include "lia-widgets.h"

/* The API contract designer: the models in a list; the selected model's
 * endpoint and its fields as a table of expandable rows (type, required,
 * default, range, length, pattern, choices, description); the contract's
 * problems, located; a payload tester that lists every violation with its
 * JSON path; export as JSON Schema or OpenAPI.  Every row is a field
 * binding (lia-field-binding.h): edits go through the undo history, and
 * what core's rule book refuses (a minimum of “abc”, a default of “{”)
 * stays in the row, marked, and is never written. */

struct _LiaContractsView
{
  AdwBin           parent_instance;

  LiaWorkspace    *workspace;
  LiaContract     *model;
  gboolean         stale;          /* changed while not on screen */
  LiaContract     *pending;        /* to show once on screen */
  guint            refresh_id;
  GPtrArray       *shown_fields;   /* LiaField, in the rows' order */

  AdwLeaflet      *leaflet;
  GtkListBox      *models_list;
  GtkStack        *editor_stack;
  GtkWidget       *editor_page;
  AdwPreferencesGroup *model_group;
  GPtrArray       *model_rows;     /* the model's own rows, rebound per model */
  AdwPreferencesGroup *fields_group;
  GPtrArray       *field_rows;
  GtkListBox      *problems_list;
  GtkTextBuffer   *payload;
  GtkListBox      *result_list;
  GtkLabel        *title_label;
};

G_DEFINE_FINAL_TYPE (LiaContractsView, lia_contracts_view, ADW_TYPE_BIN)

static void refresh (LiaContractsView *self);
static void map_cb (LiaContractsView *self);

static LiaHistory *
history (LiaContractsView *self)
{
  return lia_workspace_get_history (self->workspace);
}

static GListModel *
contracts (LiaContractsView *self)
{
  return G_LIST_MODEL (lia_workspace_get_contracts (self->workspace));
}

static GListStore *
fields_store (LiaContract *model)
{
  return lia_entity_get_list (LIA_ENTITY (model), LIA_CONTRACT_FIELDS);
}

static gboolean
refresh_idle (gpointer data)
{
  LiaContractsView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (LiaContractsView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* ---- editing rows ------------------------------------------------------ */

static AdwEntryRow *
entry_row (LiaContractsView *self,
           const char       *title,
           LiaEntity        *entity,
           guint             field)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  lia_bind_entry (GTK_EDITABLE (row), entity ? history (self) : NULL, entity, field);
  return row;
}

static GtkWidget *
switch_row (LiaContractsView *self,
            const char       *title,
            LiaEntity        *entity,
            guint             field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  lia_bind_switch (GTK_SWITCH (sw), history (self), entity, field);
  return row;
}

static AdwComboRow *
combo_row (LiaContractsView *self,
           const char       *title,
           LiaEntity        *entity,
           guint             field)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The choices come from the field's spec. */
  lia_bind_choice (GTK_WIDGET (row), entity ? history (self) : NULL, entity, field);
  return row;
}

/* ---- fields ------------------------------------------------------------ */

static void
field_action_cb (GtkButton        *button,
                 LiaContractsView *self)
{
  LiaField *field = g_object_get_data (G_OBJECT (button), "field");
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  GListStore *store = fields_store (self->model);
  guint position;

  if (!g_list_store_find (store, field, &position))
    return;
  if (g_str_equal (what, "remove"))
    {
      lia_history_begin (history (self), _("Remove field"));
      lia_history_remove (history (self), store, position);
      lia_history_end (history (self));
      lia_show_undo_toast (GTK_WIDGET (self), _("Field removed"));
    }
  else if (g_str_equal (what, "up") && position > 0)
    lia_history_move (history (self), store, position, position - 1);
  else if (g_str_equal (what, "down") && position + 1 < g_list_model_get_n_items (G_LIST_MODEL (store)))
    lia_history_move (history (self), store, position, position + 1);
}

static GtkWidget *
field_button (LiaContractsView *self,
              LiaField         *field,
              const char       *icon,
              const char       *label,
              const char       *what)
{
  GtkWidget *button = lia_icon_button_new (icon, label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "field", field);
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (field_action_cb), self);
  return button;
}

static GtkWidget *
field_row (LiaContractsView *self,
           LiaField         *field)
{
  GtkWidget *row = adw_expander_row_new ();
  LiaEntity *e = LIA_ENTITY (field);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  g_object_set_data (G_OBJECT (row), "field", field);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_box_append (GTK_BOX (actions), field_button (self, field, "go-up-symbolic", _("Move Field Up"), "up"));
  gtk_box_append (GTK_BOX (actions), field_button (self, field, "go-down-symbolic", _("Move Field Down"), "down"));
  gtk_box_append (GTK_BOX (actions), field_button (self, field, "user-trash-symbolic", _("Remove Field"), "remove"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), actions);

#define ADD(w) adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (w))
  ADD (entry_row (self, _("Name"), e, LIA_FIELD_NAME));
  ADD (combo_row (self, _("Type"), e, LIA_FIELD_TYPE));
  ADD (entry_row (self, _("Item type or model (arrays)"), e, LIA_FIELD_ITEMS));
  ADD (entry_row (self, _("Model (objects; empty for any object)"), e, LIA_FIELD_REF));
  ADD (switch_row (self, _("Required"), e, LIA_FIELD_REQUIRED));
  ADD (entry_row (self, _("Default (JSON)"), e, LIA_FIELD_DEFAULT));
  ADD (entry_row (self, _("Minimum"), e, LIA_FIELD_MINIMUM));
  ADD (switch_row (self, _("Minimum is exclusive"), e, LIA_FIELD_EXCLUSIVE_MINIMUM));
  ADD (entry_row (self, _("Maximum"), e, LIA_FIELD_MAXIMUM));
  ADD (switch_row (self, _("Maximum is exclusive"), e, LIA_FIELD_EXCLUSIVE_MAXIMUM));
  ADD (entry_row (self, _("Minimum length (characters or items)"), e, LIA_FIELD_MIN_LENGTH));
  ADD (entry_row (self, _("Maximum length (characters or items)"), e, LIA_FIELD_MAX_LENGTH));
  ADD (entry_row (self, _("Pattern (regular expression)"), e, LIA_FIELD_PATTERN));
  ADD (entry_row (self, _("Choices (enum, comma-separated)"), e, LIA_FIELD_CHOICES));
  ADD (entry_row (self, _("Description"), e, LIA_FIELD_DESCRIPTION));
#undef ADD
  return row;
}

static void
update_field_titles (LiaContractsView *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GtkWidget *row = self->field_rows->pdata[i];
      LiaField *field = g_object_get_data (G_OBJECT (row), "field");
      g_autofree char *summary = lia_contracts_describe_field (field);
      const char *name = lia_entity_get_string (LIA_ENTITY (field), LIA_FIELD_NAME);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name ? name : _("(unnamed)"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
    }
}

static gboolean
same_fields (LiaContractsView *self)
{
  GListModel *fields = self->model ? G_LIST_MODEL (fields_store (self->model)) : NULL;
  guint n = fields ? g_list_model_get_n_items (fields) : 0;

  if (n != self->shown_fields->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
      if (f != self->shown_fields->pdata[i])
        return FALSE;
    }
  return TRUE;
}

static void
rebuild_fields (LiaContractsView *self)
{
  GListModel *fields = G_LIST_MODEL (fields_store (self->model));

  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GtkWidget *row = self->field_rows->pdata[i];

      adw_preferences_group_remove (self->fields_group, row);
    }
  g_ptr_array_set_size (self->field_rows, 0);
  g_ptr_array_set_size (self->shown_fields, 0);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
      GtkWidget *row = field_row (self, f);

      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->field_rows, row);
      g_ptr_array_add (self->shown_fields, g_object_ref (f));
    }
}

/* ---- problems and the payload tester ----------------------------------- */

static void
fill_list (GtkListBox *list,
           GPtrArray  *lines,
           const char *empty_text,
           const char *icon)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (lines->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *image = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), empty_text);
      gtk_widget_add_css_class (image, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      gtk_list_box_append (list, row);
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *image = gtk_image_new_from_icon_name (icon);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lines->pdata[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (image, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      gtk_list_box_append (list, row);
    }
}

static void
update_checks (LiaContractsView *self)
{
  g_autoptr(GPtrArray) all = lia_contracts_check (contracts (self));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autoptr(GPtrArray) result = NULL;
  const char *name = lia_entity_get_string (LIA_ENTITY (self->model), LIA_CONTRACT_NAME);
  g_autofree char *prefix = g_strconcat (name, ".", NULL);
  g_autofree char *own = g_strconcat (name, ":", NULL);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  for (guint i = 0; i < all->len; i++)
    if (g_str_has_prefix (all->pdata[i], prefix) || g_str_has_prefix (all->pdata[i], own))
      g_ptr_array_add (mine, all->pdata[i]);
  fill_list (self->problems_list, mine, _("No problems in this model"), "dialog-warning-symbolic");

  gtk_text_buffer_get_bounds (self->payload, &start, &end);
  text = gtk_text_buffer_get_text (self->payload, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      fill_list (self->result_list, none, _("Paste a JSON payload above to check it"), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (gtk_widget_get_first_child (GTK_WIDGET (self->result_list))), "success");
      return;
    }
  result = lia_contracts_check_payload_text (contracts (self), self->model, text);
  fill_list (self->result_list, result, _("Valid"), "dialog-error-symbolic");
}

/* ---- the model list ---------------------------------------------------- */

static GtkWidget *
model_list_row (LiaContract *model)
{
  GtkWidget *row = adw_action_row_new ();
  const char *path = lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_PATH);
  const char *name = lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_NAME);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name ? name : _("(unnamed)"));
  if (*path)
    {
      g_autofree char *method = g_ascii_strup (lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_METHOD), -1);
      g_autofree char *subtitle = g_strdup_printf ("%s %s", method, path);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "model", g_object_ref (model), g_object_unref);
  return row;
}

static void
rebuild_model_list (LiaContractsView *self)
{
  GtkWidget *child;
  GListModel *list = contracts (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->models_list))) != NULL)
    gtk_list_box_remove (self->models_list, child);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LiaContract) model = g_list_model_get_item (list, i);
      GtkWidget *row = model_list_row (model);

      gtk_list_box_append (self->models_list, row);
      if (model == self->model)
        gtk_list_box_select_row (self->models_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
show_model (LiaContractsView *self,
            LiaContract      *model)
{
  /* The page builds its rows when it is first shown, not at start-up. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_set_object (&self->pending, model);
      self->stale = TRUE;
      return;
    }
  g_clear_object (&self->pending);

  if (model != self->model)
    {
      g_set_object (&self->model, model);
      while (self->field_rows->len > 0)
        {
          adw_preferences_group_remove (self->fields_group, self->field_rows->pdata[0]);
          g_ptr_array_remove_index (self->field_rows, 0);
        }
      g_ptr_array_set_size (self->shown_fields, 0);
      /* The model's own rows stay and show the new model. */
      for (guint i = 0; i < self->model_rows->len; i++)
        {
          GtkWidget *row = self->model_rows->pdata[i];
          LiaFieldBinding *binding = lia_field_binding_get (row);

          lia_field_binding_set_history (binding, model && self->workspace ? history (self) : NULL);
          lia_field_binding_set_entity (binding, LIA_ENTITY (model));
        }
    }
  gtk_stack_set_visible_child_name (self->editor_stack, model ? "editor" : "empty");
  refresh (self);
}

static void
refresh (LiaContractsView *self)
{
  if (self->workspace == NULL)
    return;
  if (self->model != NULL && !g_list_store_find (lia_workspace_get_contracts (self->workspace), self->model, NULL))
    {
      g_autoptr(LiaContract) first = g_list_model_get_item (contracts (self), 0);
      show_model (self, first);
      return;
    }
  rebuild_model_list (self);
  if (self->model != NULL)
    {
      /* The bindings follow their entities; only a changed list of
       * fields needs new rows. */
      if (!same_fields (self))
        rebuild_fields (self);
      update_field_titles (self);
      gtk_label_set_text (self->title_label, lia_entity_get_string (LIA_ENTITY (self->model), LIA_CONTRACT_NAME));
      update_checks (self);
    }
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  LiaContractsView *self)
{
  LiaContract *model = g_object_get_data (G_OBJECT (row), "model");

  if (model != self->model)
    show_model (self, model);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_page);
}

/* ---- actions ----------------------------------------------------------- */

void
lia_contracts_view_add_model (LiaContractsView *self)
{
  g_autoptr(LiaContract) model = lia_contract_new ();
  GListStore *store = lia_workspace_get_contracts (self->workspace);
  g_autofree char *name = NULL;

  for (guint n = 1; name == NULL || lia_contracts_find (G_LIST_MODEL (store), name); n++)
    {
      g_free (name);
      /* Translators: the name of a new API model; keep it one word, it names a schema */
      name = n == 1 ? g_strdup (_("NewModel")) : g_strdup_printf ("%s%u", _("NewModel"), n);
    }
  lia_entity_set_string (LIA_ENTITY (model), LIA_CONTRACT_NAME, name);
  lia_history_begin (history (self), _("Add model"));
  lia_history_insert (history (self), store, g_list_model_get_n_items (G_LIST_MODEL (store)), model);
  lia_history_end (history (self));
  show_model (self, model);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_page);
}

void
lia_contracts_view_add_field (LiaContractsView *self)
{
  g_autoptr(LiaField) field = lia_field_new ();
  GListStore *store;

  if (self->model == NULL)
    return;
  store = fields_store (self->model);
  lia_entity_set_string (LIA_ENTITY (field), LIA_FIELD_NAME, "field");
  lia_history_begin (history (self), _("Add field"));
  lia_history_insert (history (self), store, g_list_model_get_n_items (G_LIST_MODEL (store)), field);
  lia_history_end (history (self));
  refresh (self);
  if (self->field_rows->len > 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->field_rows->pdata[self->field_rows->len - 1]), TRUE);
}

static void
delete_model_cb (LiaContractsView *self)
{
  guint position;
  GListStore *store = lia_workspace_get_contracts (self->workspace);

  if (self->model == NULL || !g_list_store_find (store, self->model, &position))
    return;
  lia_history_begin (history (self), _("Delete model"));
  lia_history_remove (history (self), store, position);
  lia_history_end (history (self));
  lia_show_undo_toast (GTK_WIDGET (self), _("Model deleted"));
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    LiaContractsView *self)
{
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->model != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      node = g_str_equal (format, "openapi")
             ? lia_contracts_openapi (contracts (self), self->model, lia_workspace_get_title (self->workspace), &error)
             : lia_contracts_json_schema (contracts (self), self->model);
      if (node != NULL)
        {
          text = lia_contracts_to_text (node);
          /* GIO writes a temporary file and renames it over the old one. */
          if (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, NULL, &error))
            lia_show_toast (GTK_WIDGET (self), _("Exported"));
        }
      if (error != NULL)
        lia_show_toast (GTK_WIDGET (self), error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_clicked_cb (AdwActionRow     *button,
                   LiaContractsView *self)
{
  const char *format = g_object_get_data (G_OBJECT (button), "format");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->model == NULL)
    return;
  chooser = gtk_file_chooser_native_new (g_str_equal (format, "openapi") ? _("Export OpenAPI") : _("Export JSON Schema"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s.json", lia_entity_get_string (LIA_ENTITY (self->model), LIA_CONTRACT_NAME),
                          g_str_equal (format, "openapi") ? "openapi" : "schema");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", (gpointer) format);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- construction ------------------------------------------------------ */

static void
lia_contracts_view_dispose (GObject *object)
{
  LiaContractsView *self = LIA_CONTRACTS_VIEW (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->workspace);
  g_clear_object (&self->model);
  g_clear_object (&self->pending);
  g_clear_pointer (&self->shown_fields, g_ptr_array_unref);
  g_clear_pointer (&self->model_rows, g_ptr_array_unref);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (lia_contracts_view_parent_class)->dispose (object);
}

static void
lia_contracts_view_class_init (LiaContractsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lia_contracts_view_dispose;
}

static GtkWidget *
group_with_button (AdwPreferencesGroup *group,
                   GtkWidget           *button)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (group, button);
  return GTK_WIDGET (group);
}

static void
back_clicked_cb (LiaContractsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
payload_changed_cb (LiaContractsView *self)
{
  if (self->model != NULL)
    update_checks (self);
}

static void
lia_contracts_view_init (LiaContractsView *self)
{
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *list_title = gtk_label_new (_("Models"));
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkWidget *editor_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *editor_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = lia_icon_button_new ("go-previous-symbolic", _("Back to Models"));
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *add_field = gtk_button_new_with_mnemonic (_("_Add Field"));
  GtkWidget *exports = adw_preferences_group_new ();
  GtkWidget *schema_button = adw_action_row_new ();
  GtkWidget *openapi_button = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_with_mnemonic (_("_Delete Model"));
  AdwPreferencesGroup *problems = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *tester = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *payload_view = gtk_text_view_new ();
  GtkWidget *payload_frame = gtk_frame_new (NULL);
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *sep = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->shown_fields = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  self->field_rows = g_ptr_array_new ();

  /* the list */
  gtk_widget_add_css_class (list_title, "heading");
  gtk_widget_set_hexpand (list_title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (list_title), 0);
  gtk_widget_set_margin_start (list_bar, 12);
  gtk_widget_set_margin_end (list_bar, 6);
  gtk_widget_set_margin_top (list_bar, 6);
  gtk_widget_set_margin_bottom (list_bar, 6);
  gtk_box_append (GTK_BOX (list_bar), list_title);
  /* New models come from the header's + (one add per page). */
  self->models_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->models_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->models_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Models"), -1);
  g_signal_connect (self->models_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), GTK_WIDGET (self->models_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (list_scroll, TRUE);
  gtk_box_append (GTK_BOX (list_box), list_bar);
  gtk_box_append (GTK_BOX (list_box), list_scroll);
  gtk_widget_set_size_request (list_box, 240, -1);
  gtk_widget_set_hexpand (list_box, FALSE);

  /* the editor */
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_label_set_xalign (self->title_label, 0);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_widget_set_margin_start (editor_bar, 6);
  gtk_widget_set_margin_end (editor_bar, 6);
  gtk_widget_set_margin_top (editor_bar, 6);
  gtk_widget_set_margin_bottom (editor_bar, 6);
  gtk_box_append (GTK_BOX (editor_bar), back);
  gtk_box_append (GTK_BOX (editor_bar), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (editor_bar), delete_button);
  g_signal_connect_swapped (delete_button, "clicked", G_CALLBACK (delete_model_cb), self);

  self->model_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->model_group, _("Model"));
  adw_preferences_group_set_description (self->model_group,
    _("A model with a path is an endpoint: it is the request body, and the response model is its answer."));
  self->model_rows = g_ptr_array_new ();
  g_ptr_array_add (self->model_rows, entry_row (self, _("Name"), NULL, LIA_CONTRACT_NAME));
  g_ptr_array_add (self->model_rows, entry_row (self, _("Description"), NULL, LIA_CONTRACT_DESCRIPTION));
  g_ptr_array_add (self->model_rows, entry_row (self, _("Endpoint path (empty for a model only)"), NULL, LIA_CONTRACT_PATH));
  g_ptr_array_add (self->model_rows, combo_row (self, _("Method"), NULL, LIA_CONTRACT_METHOD));
  g_ptr_array_add (self->model_rows, entry_row (self, _("Response model"), NULL, LIA_CONTRACT_RESPONSE));
  for (guint i = 0; i < self->model_rows->len; i++)
    adw_preferences_group_add (self->model_group, self->model_rows->pdata[i]);
  self->fields_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->fields_group, _("Fields"));
  g_signal_connect_swapped (add_field, "clicked", G_CALLBACK (lia_contracts_view_add_field), self);

  adw_preferences_group_set_title (problems, _("Problems"));
  self->problems_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_list), "boxed-list");
  gtk_list_box_set_selection_mode (self->problems_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  adw_preferences_group_add (problems, GTK_WIDGET (self->problems_list));

  adw_preferences_group_set_title (tester, _("Payload Tester"));
  adw_preferences_group_set_description (tester, _("Paste a JSON request to see every violation with its JSON path."));
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (payload_view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (payload_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (payload_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (payload_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (payload_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (payload_view), 8);
  gtk_widget_set_size_request (payload_view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (payload_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("JSON payload"), -1);
  gtk_frame_set_child (GTK_FRAME (payload_frame), payload_view);
  self->payload = gtk_text_view_get_buffer (GTK_TEXT_VIEW (payload_view));
  g_signal_connect_swapped (self->payload, "changed", G_CALLBACK (payload_changed_cb), self);
  self->result_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->result_list), "boxed-list");
  gtk_list_box_set_selection_mode (self->result_list, GTK_SELECTION_NONE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->result_list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Payload result"), -1);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_box_append (GTK_BOX (box), payload_frame);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_list));
    adw_preferences_group_add (tester, box);
  }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (exports), _("Export"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (schema_button), _("Export JSON _Schema…"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (schema_button), _("Draft 2020-12, with the models it uses"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (openapi_button), _("Export _OpenAPI…"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (openapi_button), _("OpenAPI 3.1: the endpoint’s request and response"));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = i ? openapi_button : schema_button;

      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-save-symbolic"));
      g_object_set_data (G_OBJECT (row), "format", (gpointer) (i ? "openapi" : "jsonschema"));
      g_signal_connect (row, "activated", G_CALLBACK (export_clicked_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (exports), row);
    }

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->model_group));
  gtk_box_append (GTK_BOX (content), group_with_button (self->fields_group, add_field));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (problems));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (tester));
  gtk_box_append (GTK_BOX (content), exports);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (editor_box), editor_bar);
  gtk_box_append (GTK_BOX (editor_box), scroll);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "text-x-generic-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Model Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Choose a model, or add one with the + button."));
  self->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->editor_stack, empty, "empty");
  gtk_stack_add_named (self->editor_stack, editor_box, "editor");
  gtk_widget_set_hexpand (GTK_WIDGET (self->editor_stack), TRUE);
  self->editor_page = GTK_WIDGET (self->editor_stack);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_append (self->leaflet, list_box);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, sep), FALSE);
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->editor_stack));
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));
}

static void
history_changed_cb (LiaContractsView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  schedule_refresh (self);
}

static void
map_cb (LiaContractsView *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  if (self->pending != NULL || self->model == NULL)
    {
      g_autoptr(LiaContract) pending = g_steal_pointer (&self->pending);
      show_model (self, pending);
    }
  else
    refresh (self);
}

void
lia_contracts_view_set_workspace (LiaContractsView *self,
                                  LiaWorkspace     *workspace)
{
  g_autoptr(LiaContract) first = NULL;

  g_return_if_fail (LIA_IS_CONTRACTS_VIEW (self));

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  g_set_object (&self->workspace, workspace);
  show_model (self, NULL);
  if (workspace == NULL)
    return;
  g_signal_connect_swapped (lia_workspace_get_history (workspace), "changed", G_CALLBACK (history_changed_cb), self);
  /* Open on the first endpoint: that is what a design meeting argues over. */
  for (guint i = 0; i < g_list_model_get_n_items (contracts (self)) && first == NULL; i++)
    {
      g_autoptr(LiaContract) model = g_list_model_get_item (contracts (self), i);
      if (*lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_PATH))
        first = g_steal_pointer (&model);
    }
  if (first == NULL)
    first = g_list_model_get_item (contracts (self), 0);
  show_model (self, first);
}

void
lia_contracts_view_select (LiaContractsView *self,
                           LiaContract      *model)
{
  show_model (self, model);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_page);
}

LiaContract *
lia_contracts_view_get_selected (LiaContractsView *self)
{
  return self->model;
}

void
lia_contracts_view_set_payload (LiaContractsView *self,
                                const char       *json)
{
  gtk_text_buffer_set_text (self->payload, json, -1);
}

static char *
list_text (GtkListBox *list)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_string_append_printf (out, "%s%s", out->len ? "\n" : "", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (out, FALSE);
}

char *
lia_contracts_view_get_result (LiaContractsView *self)
{
  return list_text (self->result_list);
}

char *
lia_contracts_view_get_problems (LiaContractsView *self)
{
  return list_text (self->problems_list);
}

guint
lia_contracts_view_get_n_field_rows (LiaContractsView *self)
{
  return self->field_rows->len;
}
