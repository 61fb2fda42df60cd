/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-payload-tester.c: a JSON payload checked against one contract model. */
#define G_LOG_DOMAIN "lia-payload-tester"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-contract-check.h"
#include "lia-payload-tester.h"

/* The payload is the user's scratch text, not part of the workspace: it
 * is checked (by core, lia_contracts_check_payload_text ()) each time it
 * or the model changes, and every violation is listed with its JSON path.
 * The models it resolves references in are the "contracts" property. */

struct _LiaPayloadTester
{
  AdwPreferencesGroup  parent_instance;

  GListModel          *contracts;
  LiaContract         *contract;

  /* template children */
  GtkTextView         *payload_view;
  GtkListBox          *result_list;
};

G_DEFINE_FINAL_TYPE (LiaPayloadTester, lia_payload_tester, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTRACTS,
  PROP_CONTRACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
lia_show_check_lines (GtkListBox *list,
                      GPtrArray  *lines,
                      const char *empty_text,
                      const char *icon)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (lines != NULL);

  /* The rows are read-only text: nothing in them keeps focus. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < MAX (lines->len, 1); i++)
    {
      gboolean fine = lines->len == 0;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *image = gtk_image_new_from_icon_name (fine ? "emblem-ok-symbolic" : icon);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fine ? empty_text : lines->pdata[i]);
      if (!fine)
        adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (image, fine ? "success" : "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      gtk_list_box_append (list, row);
    }
}

char *
lia_check_lines_text (GtkListBox *list)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_string_append_printf (out, "%s%s", out->len ? "\n" : "", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (out, FALSE);
}

static void
payload_changed_cb (LiaPayloadTester *self)
{
  lia_payload_tester_check (self);
}

static void
lia_payload_tester_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaPayloadTester *self = LIA_PAYLOAD_TESTER (object);

  switch (prop_id)
    {
    case PROP_CONTRACTS:
      g_value_set_object (value, self->contracts);
      break;
    case PROP_CONTRACT:
      g_value_set_object (value, self->contract);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_payload_tester_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaPayloadTester *self = LIA_PAYLOAD_TESTER (object);

  switch (prop_id)
    {
    case PROP_CONTRACTS:
      lia_payload_tester_set_contracts (self, g_value_get_object (value));
      break;
    case PROP_CONTRACT:
      lia_payload_tester_set_contract (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_payload_tester_dispose (GObject *object)
{
  LiaPayloadTester *self = LIA_PAYLOAD_TESTER (object);

  if (self->payload_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->payload_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PAYLOAD_TESTER);
  g_clear_object (&self->contracts);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (lia_payload_tester_parent_class)->dispose (object);
}

static void
lia_payload_tester_class_init (LiaPayloadTesterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_payload_tester_dispose;
  object_class->get_property = lia_payload_tester_get_property;
  object_class->set_property = lia_payload_tester_set_property;

  properties[PROP_CONTRACTS] =
    g_param_spec_object ("contracts", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRACT] =
    g_param_spec_object ("contract", NULL, NULL, LIA_TYPE_CONTRACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/contracts/lia-payload-tester.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPayloadTester, payload_view);
  gtk_widget_class_bind_template_child (widget_class, LiaPayloadTester, result_list);
}

static void
lia_payload_tester_init (LiaPayloadTester *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->payload_view), "changed",
                            G_CALLBACK (payload_changed_cb), self);
  lia_payload_tester_check (self);
}

GListModel *
lia_payload_tester_get_contracts (LiaPayloadTester *self)
{
  g_return_val_if_fail (LIA_IS_PAYLOAD_TESTER (self), NULL);

  return self->contracts;
}

void
lia_payload_tester_set_contracts (LiaPayloadTester *self,
                                  GListModel       *contracts)
{
  g_return_if_fail (LIA_IS_PAYLOAD_TESTER (self));
  g_return_if_fail (contracts == NULL || G_IS_LIST_MODEL (contracts));

  if (!g_set_object (&self->contracts, contracts))
    return;
  lia_payload_tester_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACTS]);
}

LiaContract *
lia_payload_tester_get_contract (LiaPayloadTester *self)
{
  g_return_val_if_fail (LIA_IS_PAYLOAD_TESTER (self), NULL);

  return self->contract;
}

void
lia_payload_tester_set_contract (LiaPayloadTester *self,
                                 LiaContract      *contract)
{
  g_return_if_fail (LIA_IS_PAYLOAD_TESTER (self));
  g_return_if_fail (contract == NULL || LIA_IS_CONTRACT (contract));

  if (!g_set_object (&self->contract, contract))
    return;
  lia_payload_tester_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT]);
}

void
lia_payload_tester_set_payload (LiaPayloadTester *self,
                                const char       *json)
{
  g_return_if_fail (LIA_IS_PAYLOAD_TESTER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->payload_view), json ? json : "", -1);
}

void
lia_payload_tester_check (LiaPayloadTester *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) result = NULL;

  g_return_if_fail (LIA_IS_PAYLOAD_TESTER (self));

  buffer = gtk_text_view_get_buffer (self->payload_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0' || self->contract == NULL || self->contracts == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      lia_show_check_lines (self->result_list, none, _("Paste a JSON payload above to check it"), NULL);
      return;
    }
  result = lia_contracts_check_payload_text (self->contracts, self->contract, text);
  lia_show_check_lines (self->result_list, result, _("Valid"), "dialog-error-symbolic");
}

char *
lia_payload_tester_get_result (LiaPayloadTester *self)
{
  g_return_val_if_fail (LIA_IS_PAYLOAD_TESTER (self), NULL);

  return lia_check_lines_text (self->result_list);
}
