/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-cli.h"
#include "lia-contract-check.h"
#include "lia-file-util.h"

/* liaison-cli export --format jsonschema|openapi --contract NAME FILE and
 * liaison-cli check-payload --contract NAME PAYLOAD.json FILE. */

/* The workspace's model @name, or NULL after saying why; a contract with
 * problems is refused, since its schema would not mean what it says. */
static LiaContract *
open_contract (const char    *file,
               const char    *name,
               LiaWorkspace **workspace)
{
  GListModel *contracts;
  g_autoptr(GPtrArray) problems = NULL;
  LiaContract *model;

  *workspace = lia_cli_load (file);
  if (*workspace == NULL)
    return NULL;
  contracts = G_LIST_MODEL (lia_workspace_get_contracts (*workspace));
  model = lia_contracts_find (contracts, name);
  if (model == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
        {
          g_autoptr(LiaContract) c = g_list_model_get_item (contracts, i);
          g_string_append_printf (names, "%s%s", i ? ", " : "", lia_entity_get_string (LIA_ENTITY (c), LIA_CONTRACT_NAME));
        }
      /* Translators: the first %s is a model name, the second lists the models there are */
      g_printerr (_("liaison-cli: %s: no API contract model “%s” (the models are: %s)\n"),
                  file, name, names->len ? names->str : "—");
      return NULL;
    }
  problems = lia_contracts_check (contracts);
  if (problems->len > 0)
    {
      g_printerr (_("%s: the API contracts have problems:\n"), file);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("  %s\n", (char *) problems->pdata[i]);
      return NULL;
    }
  return model;
}

int
lia_cli_export_contract (const char *file,
                         const char *format,
                         const char *name,
                         const char *output)
{
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *with_newline = NULL;
  LiaContract *model = open_contract (file, name, &workspace);
  GListModel *contracts;

  if (model == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;
  contracts = G_LIST_MODEL (lia_workspace_get_contracts (workspace));
  if (g_str_equal (format, "openapi"))
    node = lia_contracts_openapi (contracts, model, lia_workspace_get_title (workspace), &error);
  else
    node = lia_contracts_json_schema (contracts, model);
  if (node == NULL)
    {
      g_printerr ("liaison-cli: %s: %s\n", file, error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  text = lia_contracts_to_text (node);
  with_newline = g_strconcat (text, "\n", NULL);
  return lia_cli_write_output (output, with_newline);
}

int
lia_cli_check_payload (int    argc,
                       char **argv)
{
  g_autofree char *name = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "contract", 'c', 0, G_OPTION_ARG_STRING, &name, N_("The API contract model the payload should match"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the violations as a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PAYLOAD.json FILE — check a JSON payload against an API contract"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) violations = NULL;
  g_autofree char *data = NULL;
  gsize length;
  LiaContract *model;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Prints “valid”, or every violation with its JSON path (messages[1].role: required).\n"
      "Exit status: 0 valid, 1 invalid, 2 bad arguments, an unreadable payload or a contract with problems."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 3 || name == NULL)
    return lia_cli_usage_error (context, _("check-payload takes --contract NAME, a PAYLOAD.json and a FILE"));

  data = lia_file_read_regular (argv[1], LIA_WORKSPACE_MAX_FILE_SIZE, &length, &error);
  if (data == NULL)
    {
      g_printerr ("liaison-cli: %s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      /* Translators: a payload file name, then the JSON parser's message (with line and column) */
      g_printerr (_("liaison-cli: %s: not JSON: %s\n"), argv[1], error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }
  model = open_contract (argv[2], name, &workspace);
  if (model == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;

  violations = lia_contracts_check_payload (G_LIST_MODEL (lia_workspace_get_contracts (workspace)), model,
                                            json_parser_get_root (parser));
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < violations->len; i++)
        json_builder_add_string_value (b, violations->pdata[i]);
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      text = json_to_string (node, TRUE);
      g_print ("%s\n", text);
    }
  else if (violations->len == 0)
    g_print ("%s\n", _("valid"));
  else
    for (guint i = 0; i < violations->len; i++)
      g_print ("%s\n", (char *) violations->pdata[i]);
  return violations->len == 0 ? LIA_CLI_EXIT_OK : LIA_CLI_EXIT_FAILURE;
}
