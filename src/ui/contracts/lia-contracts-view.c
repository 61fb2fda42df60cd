/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-contracts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-area.h"
#include "lia-contracts-view.h"
#include "lia-contract-check.h"
#include "lia-field-binding.h"
#include "lia-field-table.h"
#include "lia-payload-tester.h"
#include "lia-split-page.h"
#include "lia-widgets.h"
#include "lia-toast.h"

/* The API contract designer: the models in a list; the selected model's
 * endpoint and its fields (LiaFieldTable); the contract's problems,
 * located; a payload tester (LiaPayloadTester); export as JSON Schema or
 * OpenAPI.  Both lists are bound to the workspace's models, so an edit,
 * an insert or an undo touches only its own row.  Every row is a field
 * binding (lia-field-binding.h): what core's rule book refuses (a minimum
 * of “abc”, a default of “{”) stays in the row, marked, and is never
 * written. */

struct _LiaContractsView
{
  GtkWidget         parent_instance;

  LiaWorkspace     *workspace;
  LiaContract      *model;
  LiaRefresh       *refresh;        /* after edits, while shown */
  const char       *export_format;  /* of the open file chooser */

  /* template children */
  LiaSplitPage     *split;
  GtkListBox       *models_list;
  GtkStack         *editor_stack;
  GtkLabel         *title_label;
  AdwEntryRow      *name_row;
  GtkWidget        *delete_button;
  AdwEntryRow      *description_row;
  AdwEntryRow      *path_row;
  AdwComboRow      *method_row;
  AdwEntryRow      *response_row;
  LiaFieldTable    *field_table;
  GtkListBox       *problems_list;
  LiaPayloadTester *tester;
};

static void lia_contracts_view_area_init (LiaAreaInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaContractsView, lia_contracts_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_AREA, lia_contracts_view_area_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
};

static void refresh (LiaContractsView *self);

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

/* ---- the model list ---------------------------------------------------- */

static void
update_model_row (LiaContract  *model,
                  GParamSpec   *pspec,
                  AdwActionRow *row)
{
  const char *path = lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_PATH);
  const char *name = lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_NAME);
  g_autofree char *subtitle = NULL;

  if (*path)
    {
      g_autofree char *method = g_ascii_strup (lia_entity_get_string (LIA_ENTITY (model), LIA_CONTRACT_METHOD), -1);
      subtitle = g_strdup_printf ("%s %s", method, path);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *name ? name : _("(unnamed)"));
  adw_action_row_set_subtitle (row, subtitle ? subtitle : "");
}

static GtkWidget *
create_model_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  update_model_row (item, NULL, ADW_ACTION_ROW (row));
  g_signal_connect_object (item, "notify", G_CALLBACK (update_model_row), row, 0);
  return row;
}

static void
select_model_row (LiaContractsView *self)
{
  guint position;

  if (self->model != NULL && g_list_store_find (lia_workspace_get_contracts (self->workspace), self->model, &position))
    gtk_list_box_select_row (self->models_list, gtk_list_box_get_row_at_index (self->models_list, position));
  else
    gtk_list_box_unselect_all (self->models_list);
}

/* ---- the editor -------------------------------------------------------- */

static void
update_problems (LiaContractsView *self)
{
  g_autoptr(GPtrArray) all = lia_contracts_check (contracts (self));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  const char *name = lia_entity_get_string (LIA_ENTITY (self->model), LIA_CONTRACT_NAME);
  g_autofree char *prefix = g_strconcat (name, ".", NULL);
  g_autofree char *own = g_strconcat (name, ":", NULL);

  for (guint i = 0; i < all->len; i++)
    if (g_str_has_prefix (all->pdata[i], prefix) || g_str_has_prefix (all->pdata[i], own))
      g_ptr_array_add (mine, all->pdata[i]);
  lia_show_check_lines (self->problems_list, mine, _("No problems in this model"), "dialog-warning-symbolic");
}

static void
show_model (LiaContractsView *self,
            LiaContract      *model)
{
  if (model != self->model)
    {
      /* The model's own rows stay and show whichever model is selected. */
      GtkWidget *rows[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->description_row), GTK_WIDGET (self->path_row),
                            GTK_WIDGET (self->method_row), GTK_WIDGET (self->response_row) };

      g_set_object (&self->model, model);
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          LiaFieldBinding *binding = lia_field_binding_get (rows[i]);

          lia_field_binding_set_history (binding, model && self->workspace ? history (self) : NULL);
          lia_field_binding_set_entity (binding, LIA_ENTITY (model));
        }
      lia_field_table_set_contract (self->field_table, model);
      lia_payload_tester_set_contract (self->tester, model);
    }
  if (self->workspace != NULL)
    select_model_row (self);
  gtk_stack_set_visible_child_name (self->editor_stack, model ? "editor" : "empty");
  refresh (self);
}

/* What the lists cannot follow by themselves: the title, the checks, and
 * a selected model that went away (deleted, or its insertion undone). */
/* A newer file format opens read-only: shown, not edited. */
static gboolean
writable (LiaContractsView *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

static void
update_read_only (LiaContractsView *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->description_row), GTK_WIDGET (self->path_row),
                        GTK_WIDGET (self->method_row), GTK_WIDGET (self->response_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    lia_field_binding_set_read_only (lia_field_binding_get (rows[i]), !writable (self));
  lia_field_table_set_read_only (self->field_table, !writable (self));
  gtk_widget_set_sensitive (self->delete_button, writable (self));
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
  if (self->model != NULL)
    {
      gtk_label_set_text (self->title_label, lia_entity_get_string (LIA_ENTITY (self->model), LIA_CONTRACT_NAME));
      update_problems (self);
      lia_payload_tester_check (self->tester);
    }
}

/* ---- callbacks --------------------------------------------------------- */

static void
history_changed_cb (LiaContractsView *self)
{
  lia_refresh_queue (self->refresh);
}

static void
row_activated_cb (LiaContractsView *self,
                  GtkListBoxRow    *row)
{
  g_autoptr(LiaContract) model = g_list_model_get_item (contracts (self), gtk_list_box_row_get_index (row));

  if (model != self->model)
    show_model (self, model);
  lia_split_page_set_show_content (self->split, TRUE);
}

static void
field_removed_cb (LiaContractsView *self)
{
  lia_show_undo_toast (GTK_WIDGET (self), _("Field removed"));
}

static void
delete_model_cb (LiaContractsView *self)
{
  guint position;
  GListStore *store = lia_workspace_get_contracts (self->workspace);

  if (!writable (self) || self->model == NULL || !g_list_store_find (store, self->model, &position))
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
  gboolean openapi = g_str_equal (self->export_format, "openapi");
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->model != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      node = openapi
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
export (LiaContractsView *self,
        const char       *format)
{
  gboolean openapi = g_str_equal (format, "openapi");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->model == NULL)
    return;
  self->export_format = format;
  chooser = gtk_file_chooser_native_new (openapi ? _("Export OpenAPI") : _("Export JSON Schema"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s.json", lia_entity_get_string (LIA_ENTITY (self->model), LIA_CONTRACT_NAME),
                          openapi ? "openapi" : "schema");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_schema_cb (LiaContractsView *self)
{
  export (self, "jsonschema");
}

static void
export_openapi_cb (LiaContractsView *self)
{
  export (self, "openapi");
}

/* ---- construction ------------------------------------------------------ */

static void
lia_contracts_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaContractsView *self = LIA_CONTRACTS_VIEW (object);

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
lia_contracts_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaContractsView *self = LIA_CONTRACTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_contracts_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contracts_view_dispose (GObject *object)
{
  LiaContractsView *self = LIA_CONTRACTS_VIEW (object);

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  g_clear_pointer (&self->refresh, lia_refresh_free);
  if (self->models_list != NULL)
    gtk_list_box_bind_model (self->models_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CONTRACTS_VIEW);
  g_clear_object (&self->workspace);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (lia_contracts_view_parent_class)->dispose (object);
}

static void
lia_contracts_view_class_init (LiaContractsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_contracts_view_dispose;
  object_class->get_property = lia_contracts_view_get_property;
  object_class->set_property = lia_contracts_view_set_property;
  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");

  g_type_ensure (LIA_TYPE_SPLIT_PAGE);
  g_type_ensure (LIA_TYPE_FIELD_TABLE);
  g_type_ensure (LIA_TYPE_PAYLOAD_TESTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/contracts/lia-contracts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, split);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, models_list);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, description_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, path_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, method_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, response_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, field_table);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, problems_list);
  gtk_widget_class_bind_template_child (widget_class, LiaContractsView, tester);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_removed_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_model_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_schema_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_openapi_cb);
}

static void
lia_contracts_view_init (LiaContractsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Bound to no model until one is selected; show_model () rebinds. */
  lia_bind_entry (GTK_EDITABLE (self->name_row), NULL, NULL, LIA_CONTRACT_NAME);
  lia_bind_entry (GTK_EDITABLE (self->description_row), NULL, NULL, LIA_CONTRACT_DESCRIPTION);
  lia_bind_entry (GTK_EDITABLE (self->path_row), NULL, NULL, LIA_CONTRACT_PATH);
  /* The choices come from the field's spec. */
  lia_bind_choice (GTK_WIDGET (self->method_row), NULL, NULL, LIA_CONTRACT_METHOD);
  lia_bind_entry (GTK_EDITABLE (self->response_row), NULL, NULL, LIA_CONTRACT_RESPONSE);
  self->refresh = lia_refresh_new (GTK_WIDGET (self), (LiaRefreshFunc) refresh, TRUE);
}

void
lia_contracts_view_set_workspace (LiaContractsView *self,
                                  LiaWorkspace     *workspace)
{
  g_autoptr(LiaContract) first = NULL;

  g_return_if_fail (LIA_IS_CONTRACTS_VIEW (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (self->workspace)
    g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
  show_model (self, NULL);
  g_set_object (&self->workspace, workspace);
  g_object_notify (G_OBJECT (self), "workspace");
  gtk_list_box_bind_model (self->models_list, workspace ? contracts (self) : NULL,
                           workspace ? create_model_row : NULL, self, NULL);
  lia_field_table_set_history (self->field_table, workspace ? history (self) : NULL);
  lia_payload_tester_set_contracts (self->tester, workspace ? contracts (self) : NULL);
  /* Read-only changes only with the workspace or its notify, not per edit. */
  update_read_only (self);
  if (workspace == NULL)
    return;
  g_signal_connect_swapped (lia_workspace_get_history (workspace), "changed", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_object (workspace, "notify::read-only", G_CALLBACK (update_read_only), self, G_CONNECT_SWAPPED);
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
  g_return_if_fail (LIA_IS_CONTRACTS_VIEW (self));

  show_model (self, model);
  lia_split_page_set_show_content (self->split, TRUE);
}

LiaContract *
lia_contracts_view_get_selected (LiaContractsView *self)
{
  g_return_val_if_fail (LIA_IS_CONTRACTS_VIEW (self), NULL);

  return self->model;
}

void
lia_contracts_view_add_model (LiaContractsView *self)
{
  g_autoptr(LiaContract) model = lia_contract_new ();
  GListStore *store;
  g_autofree char *name = NULL;

  g_return_if_fail (LIA_IS_CONTRACTS_VIEW (self));

  if (!writable (self))
    return;
  store = lia_workspace_get_contracts (self->workspace);
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
  lia_contracts_view_select (self, model);
}

void
lia_contracts_view_add_field (LiaContractsView *self)
{
  g_return_if_fail (LIA_IS_CONTRACTS_VIEW (self));

  lia_field_table_add_field (self->field_table);
}

void
lia_contracts_view_set_payload (LiaContractsView *self,
                                const char       *json)
{
  g_return_if_fail (LIA_IS_CONTRACTS_VIEW (self));

  lia_payload_tester_set_payload (self->tester, json);
}

char *
lia_contracts_view_get_result (LiaContractsView *self)
{
  g_return_val_if_fail (LIA_IS_CONTRACTS_VIEW (self), NULL);

  return lia_payload_tester_get_result (self->tester);
}

char *
lia_contracts_view_get_problems (LiaContractsView *self)
{
  g_return_val_if_fail (LIA_IS_CONTRACTS_VIEW (self), NULL);

  return lia_check_lines_text (self->problems_list);
}

guint
lia_contracts_view_get_n_field_rows (LiaContractsView *self)
{
  g_return_val_if_fail (LIA_IS_CONTRACTS_VIEW (self), 0);

  return lia_field_table_get_n_rows (self->field_table);
}

static void
area_add (LiaArea   *area,
          GtkWidget *anchor)
{
  lia_contracts_view_add_model (LIA_CONTRACTS_VIEW (area));
}

static void
lia_contracts_view_area_init (LiaAreaInterface *iface)
{
  iface->add = area_add;
}
