/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lia-contract-check.h"
#include "lia-workspace.h"

/* The API contract designer's core: the seed's vLLM Chat API as the
 * sample defines it, checks of the contract itself, the payload checker
 * and the JSON Schema / OpenAPI export. */

static LiaWorkspace *
sample (void)
{
  return lia_workspace_new_sample ("en");
}

static GListModel *
contracts_of (LiaWorkspace *ws)
{
  return G_LIST_MODEL (lia_workspace_get_contracts (ws));
}

static LiaField *
field_of (LiaContract *model,
          const char  *name)
{
  GListModel *fields = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (model), LIA_CONTRACT_FIELDS));

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
      if (g_str_equal (lia_entity_get_string (LIA_ENTITY (f), LIA_FIELD_NAME), name))
        return f;
    }
  g_assert_not_reached ();
}

static GPtrArray *
check (LiaWorkspace *ws,
       const char   *model,
       const char   *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return lia_contracts_check_payload (contracts_of (ws), lia_contracts_find (contracts_of (ws), model), node);
}

static char *
joined (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The sample reproduces the seed's pydantic models field for field. */
static void
test_seed_fields (void)
{
  g_autoptr(LiaWorkspace) ws = sample ();
  LiaContract *request = lia_contracts_find (contracts_of (ws), "ChatRequest");
  static const struct { const char *name, *type; gboolean required; double def, min, max; } want[] = {
    { "model", "string", TRUE, NAN, NAN, NAN },
    { "messages", "array", TRUE, NAN, NAN, NAN },
    { "temperature", "number", FALSE, 0.7, 0.0, 2.0 },
    { "top_p", "number", FALSE, 0.95, 0.0, 1.0 },
    { "n", "integer", FALSE, 1, 1, 10 },
    { "stream", "boolean", FALSE, NAN, NAN, NAN },
    { "max_tokens", "integer", FALSE, 1024, 1, 4096 },
    { "presence_penalty", "number", FALSE, 0.0, -2.0, 2.0 },
    { "frequency_penalty", "number", FALSE, 0.0, -2.0, 2.0 },
  };
  GListModel *fields;
  g_autoptr(GPtrArray) problems = lia_contracts_check (contracts_of (ws));

  g_assert_nonnull (request);
  g_assert_cmpuint (problems->len, ==, 0);
  fields = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (request), LIA_CONTRACT_FIELDS));
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
      JsonNode *def = lia_entity_get_json (LIA_ENTITY (f), LIA_FIELD_DEFAULT);

      g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (f), LIA_FIELD_NAME), ==, want[i].name);
      g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (f), LIA_FIELD_TYPE), ==, want[i].type);
      g_assert_cmpint (lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_REQUIRED), ==, want[i].required);
      if (!isnan (want[i].def))
        g_assert_cmpfloat_with_epsilon (json_node_get_double (def), want[i].def, 1e-9);
      if (!isnan (want[i].min))
        {
          g_assert_cmpfloat (lia_entity_get_double (LIA_ENTITY (f), LIA_FIELD_MINIMUM), ==, want[i].min);
          g_assert_cmpfloat (lia_entity_get_double (LIA_ENTITY (f), LIA_FIELD_MAXIMUM), ==, want[i].max);
        }
    }
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (field_of (request, "messages")), LIA_FIELD_ITEMS), ==, "Message");
  g_assert_false (json_node_get_boolean (lia_entity_get_json (LIA_ENTITY (field_of (request, "stream")), LIA_FIELD_DEFAULT)));
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (request), LIA_CONTRACT_PATH), ==, "/v1/chat/completions");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (request), LIA_CONTRACT_RESPONSE), ==, "ChatResponse");
}

static void
test_payloads (void)
{
  g_autoptr(LiaWorkspace) ws = sample ();
  g_autoptr(GPtrArray) ok = check (ws, "ChatRequest",
    "{\"model\":\"vllm\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":0.7,\"top_p\":0.95,"
    "\"n\":1,\"stream\":false,\"max_tokens\":1024,\"presence_penalty\":0.0,\"frequency_penalty\":0.0,\"extra\":1}");
  g_autoptr(GPtrArray) bad = check (ws, "ChatRequest",
    "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"content\":3}],\"temperature\":2.5,\"n\":0,"
    "\"max_tokens\":5000,\"top_p\":\"high\",\"stream\":null,\"presence_penalty\":-2.0,\"frequency_penalty\":2.0000001}");
  g_autoptr(GPtrArray) integral = check (ws, "ChatRequest",
    "{\"model\":\"m\",\"messages\":[],\"n\":2.0,\"max_tokens\":1.5}");
  g_autoptr(GPtrArray) not_object = check (ws, "ChatRequest", "[1,2]");
  g_autoptr(GPtrArray) response = check (ws, "ChatResponse",
    "{\"id\":\"r1\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\"},"
    "\"finish_reason\":\"stop\"},{\"index\":\"one\",\"message\":7}],\"usage\":{}}");
  g_autofree char *bad_text = joined (bad);
  g_autofree char *response_text = joined (response);

  g_assert_cmpuint (ok->len, ==, 0);
  g_assert_cmpstr (bad_text, ==,
                   "model: required\n"
                   "messages[1].role: required\n"
                   "messages[1].content: expected string, got integer\n"
                   "temperature: 2.5 is above the maximum 2\n"
                   "top_p: expected number, got string\n"
                   "n: 0 is below the minimum 1\n"
                   "stream: expected boolean, got null\n"
                   "max_tokens: 5000 is above the maximum 4096\n"
                   "frequency_penalty: 2.0000001 is above the maximum 2");
  g_assert_cmpuint (integral->len, ==, 1);
  g_assert_cmpstr (integral->pdata[0], ==, "max_tokens: expected integer, got number");
  g_assert_cmpuint (not_object->len, ==, 1);
  g_assert_cmpstr (not_object->pdata[0], ==, "ChatRequest: expected object, got array");
  g_assert_cmpstr (response_text, ==,
                   "choices[0].message.content: required\n"
                   "choices[1].index: expected integer, got string\n"
                   "choices[1].message: expected object, got integer\n"
                   "choices[1].finish_reason: required");
}

static LiaField *
add_field (LiaContract *model,
           const char  *name,
           const char  *type)
{
  LiaField *f = lia_field_new ();

  lia_entity_set_string (LIA_ENTITY (f), LIA_FIELD_NAME, name);
  lia_entity_set_string (LIA_ENTITY (f), LIA_FIELD_TYPE, type);
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (model), LIA_CONTRACT_FIELDS), f);
  g_object_unref (f);
  return f;
}

static void
test_contract_problems (void)
{
  g_autoptr(LiaWorkspace) ws = sample ();
  LiaContract *request = lia_contracts_find (contracts_of (ws), "ChatRequest");
  g_autoptr(LiaContract) node = lia_contract_new ();
  g_autoptr(LiaContract) twin = lia_contract_new ();
  g_autoptr(JsonNode) hot = json_from_string ("2.5", NULL);
  g_autoptr(JsonNode) word = json_from_string ("\"warm\"", NULL);
  g_autoptr(JsonNode) three = json_from_string ("3", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  LiaField *f;

  lia_entity_set_json (LIA_ENTITY (field_of (request, "temperature")), LIA_FIELD_DEFAULT, hot);
  lia_entity_set_string (LIA_ENTITY (field_of (request, "messages")), LIA_FIELD_ITEMS, "Mesage");
  add_field (request, "n", "integer");
  f = add_field (request, "mode", "enum");
  f = add_field (request, "seed", "integer");
  lia_entity_set_double (LIA_ENTITY (f), LIA_FIELD_MINIMUM, 5);
  lia_entity_set_double (LIA_ENTITY (f), LIA_FIELD_MAXIMUM, 1);
  f = add_field (request, "stop", "string");
  lia_entity_set_string (LIA_ENTITY (f), LIA_FIELD_PATTERN, "([a-z");
  f = add_field (request, "user", "string");
  lia_entity_set_json (LIA_ENTITY (f), LIA_FIELD_DEFAULT, three);
  f = add_field (request, "tone", "number");
  lia_entity_set_json (LIA_ENTITY (f), LIA_FIELD_DEFAULT, word);
  lia_entity_set_string (LIA_ENTITY (request), LIA_CONTRACT_RESPONSE, "ChatReply");

  /* A model that requires itself can never be satisfied; through an
   * optional or an array field it can. */
  lia_entity_set_string (LIA_ENTITY (node), LIA_CONTRACT_NAME, "Node");
  f = add_field (node, "next", "object");
  lia_entity_set_string (LIA_ENTITY (f), LIA_FIELD_REF, "Node");
  lia_entity_set_boolean (LIA_ENTITY (f), LIA_FIELD_REQUIRED, TRUE);
  f = add_field (node, "children", "array");
  lia_entity_set_string (LIA_ENTITY (f), LIA_FIELD_ITEMS, "Node");
  lia_entity_set_boolean (LIA_ENTITY (f), LIA_FIELD_REQUIRED, TRUE);
  g_list_store_append (lia_workspace_get_contracts (ws), node);
  lia_entity_set_string (LIA_ENTITY (twin), LIA_CONTRACT_NAME, "Message");
  g_list_store_append (lia_workspace_get_contracts (ws), twin);

  problems = lia_contracts_check (contracts_of (ws));
  /* The regular expression library words its own reason. */
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (problems->pdata[i], "ChatRequest.stop: the pattern is not a valid regular expression: "))
      {
        g_assert_nonnull (strstr (problems->pdata[i], "([a-z"));
        g_free (problems->pdata[i]);
        problems->pdata[i] = g_strdup ("ChatRequest.stop: the pattern is not a valid regular expression: (GRegex's reason)");
      }
  text = joined (problems);
  g_assert_cmpstr (text, ==,
                   "ChatRequest: the response refers to a missing model “ChatReply”\n"
                   "ChatRequest.messages: the items refer to a missing model “Mesage”\n"
                   "ChatRequest.temperature: default 2.5 is above the maximum 2\n"
                   "ChatRequest.n: the field “n” appears twice\n"
                   "ChatRequest.mode: an enum needs at least one choice\n"
                   "ChatRequest.seed: the range 5–1 is empty\n"
                   "ChatRequest.stop: the pattern is not a valid regular expression: (GRegex's reason)\n"
                   "ChatRequest.user: default expected string, got integer\n"
                   "ChatRequest.tone: default expected number, got string\n"
                   "Node: required fields form a cycle (Node.next → Node): make one of them optional\n"
                   "Message: another model has this name");

  /* Optional breaks the cycle. */
  lia_entity_set_boolean (LIA_ENTITY (field_of (node, "next")), LIA_FIELD_REQUIRED, FALSE);
  g_ptr_array_unref (g_steal_pointer (&problems));
  problems = lia_contracts_check (contracts_of (ws));
  for (guint i = 0; i < problems->len; i++)
    g_assert_false (g_str_has_prefix (problems->pdata[i], "Node"));
}

static void
test_json_schema (void)
{
  g_autoptr(LiaWorkspace) ws = sample ();
  LiaContract *request = lia_contracts_find (contracts_of (ws), "ChatRequest");
  g_autoptr(JsonNode) schema = lia_contracts_json_schema (contracts_of (ws), request);
  JsonObject *root = json_node_get_object (schema);
  JsonObject *props = json_object_get_object_member (root, "properties");
  JsonObject *temperature = json_object_get_object_member (props, "temperature");
  JsonObject *n = json_object_get_object_member (props, "n");
  JsonObject *messages = json_object_get_object_member (props, "messages");
  JsonArray *required = json_object_get_array_member (root, "required");
  JsonObject *defs = json_object_get_object_member (root, "$defs");

  g_assert_cmpstr (json_object_get_string_member (root, "$schema"), ==, "https://json-schema.org/draft/2020-12/schema");
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "object");
  g_assert_cmpuint (json_array_get_length (required), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (required, 0), ==, "model");
  g_assert_cmpfloat (json_object_get_double_member (temperature, "maximum"), ==, 2.0);
  g_assert_cmpfloat (json_object_get_double_member (temperature, "default"), ==, 0.7);
  g_assert_cmpstr (json_object_get_string_member (n, "type"), ==, "integer");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (n, "maximum")), ==, G_TYPE_INT64);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (messages, "items"), "$ref"), ==, "#/$defs/Message");
  g_assert_true (json_object_has_member (defs, "Message"));
  g_assert_false (json_object_has_member (defs, "ChatRequest"));
  g_assert_false (json_object_has_member (defs, "ChatResponse"));
}

static void
test_openapi (void)
{
  g_autoptr(LiaWorkspace) ws = sample ();
  g_autoptr(GError) error = NULL;
  LiaContract *request = lia_contracts_find (contracts_of (ws), "ChatRequest");
  LiaContract *message = lia_contracts_find (contracts_of (ws), "Message");
  g_autoptr(JsonNode) doc = lia_contracts_openapi (contracts_of (ws), request, "vLLM", &error);
  g_autoptr(JsonNode) none = lia_contracts_openapi (contracts_of (ws), message, "vLLM", &error);
  JsonObject *schemas;
  JsonObject *post;

  g_assert_nonnull (doc);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (doc), "openapi"), ==, "3.1.0");
  post = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (
           json_node_get_object (doc), "paths"), "/v1/chat/completions"), "post");
  g_assert_nonnull (post);
  g_assert_true (json_object_has_member (post, "requestBody"));
  schemas = json_object_get_object_member (json_object_get_object_member (json_node_get_object (doc), "components"), "schemas");
  g_assert_cmpuint (json_object_get_size (schemas), ==, 4);
  g_assert_null (none);
  g_assert_error (error, LIA_CONTRACTS_ERROR, LIA_CONTRACTS_ERROR_NO_ENDPOINT);
}

static void
test_describe (void)
{
  g_autoptr(LiaWorkspace) ws = sample ();
  LiaContract *request = lia_contracts_find (contracts_of (ws), "ChatRequest");
  g_autofree char *t = lia_contracts_describe_field (field_of (request, "temperature"));
  g_autofree char *m = lia_contracts_describe_field (field_of (request, "messages"));

  g_assert_cmpstr (t, ==, "number, 0–2, default 0.7");
  g_assert_cmpstr (m, ==, "array of Message, required");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/contracts/seed-fields", test_seed_fields);
  g_test_add_func ("/contracts/payloads", test_payloads);
  g_test_add_func ("/contracts/problems", test_contract_problems);
  g_test_add_func ("/contracts/json-schema", test_json_schema);
  g_test_add_func ("/contracts/openapi", test_openapi);
  g_test_add_func ("/contracts/describe", test_describe);
  return g_test_run ();
}
