/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-contract-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lia-contract-check.h"
#include "lia-json-util.h"
#include "lia-text-list.h"

/* A field's type is one of string, integer, number, boolean, enum (its
 * choices), array (of a simple type or a model, named in items) and
 * object (a model named in ref, or any object when ref is empty).  Extra
 * members in a payload are allowed, as pydantic allows them by default. */

G_DEFINE_QUARK (lia-contracts-error-quark, lia_contracts_error)

static const char * const simple_types[] = { "string", "integer", "number", "boolean", NULL };

#define S(e, f) lia_entity_get_string (LIA_ENTITY (e), f)

LiaContract *
lia_contracts_find (GListModel *contracts,
                    const char *name)
{
  for (guint i = 0; name && i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LiaContract) c = g_list_model_get_item (contracts, i);
      if (g_str_equal (S (c, LIA_CONTRACT_NAME), name))
        return c;
    }
  return NULL;
}

static GListModel *
fields_of (LiaContract *model)
{
  return G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (model), LIA_CONTRACT_FIELDS));
}

static double
num (LiaField *f,
     guint     which)
{
  return lia_entity_get_double (LIA_ENTITY (f), which);
}

static char *
fmt_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

static const char *
json_kind (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "string";
    case G_TYPE_BOOLEAN:
      return "boolean";
    case G_TYPE_INT64:
      return "integer";
    default:
      return "number";
    }
}

static gboolean
is_number (JsonNode *node)
{
  const char *kind = json_kind (node);
  return g_str_equal (kind, "integer") || g_str_equal (kind, "number");
}

/* JSON Schema counts 1.0 as an integer. */
static gboolean
is_integer (JsonNode *node)
{
  if (!is_number (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  return floor (json_node_get_double (node)) == json_node_get_double (node) &&
         isfinite (json_node_get_double (node));
}

static double
number_of (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                        : json_node_get_double (node);
}

static void
add (GPtrArray  *out,
     const char *path,
     char       *message)
{
  g_ptr_array_add (out, g_strdup_printf ("%s: %s", path, message));
  g_free (message);
}

static void check_object (GListModel *contracts, LiaContract *model, JsonNode *node,
                          const char *path, GPtrArray *out, guint depth);

/* One value against a simple type or a model name (array items). */
static void
check_typed (GListModel *contracts,
             const char *type,
             JsonNode   *node,
             const char *path,
             GPtrArray  *out,
             guint       depth)
{
  LiaContract *model;

  if (g_str_equal (type, "string") || g_str_equal (type, "boolean") ||
      g_str_equal (type, "number") || g_str_equal (type, "integer"))
    {
      gboolean ok = g_str_equal (type, "integer") ? is_integer (node)
                    : g_str_equal (type, "number") ? is_number (node)
                    : g_str_equal (json_kind (node), type);
      if (!ok)
        /* Translators: "expected integer, got string"; the words are JSON type names */
        /* Translators: both %s are JSON Schema type names, which stay in
         * English: string, number, integer, boolean, object, array, null */
        add (out, path, g_strdup_printf (_("expected %s, got %s"), type, json_kind (node)));
      return;
    }
  model = lia_contracts_find (contracts, type);
  if (model != NULL)
    check_object (contracts, model, node, path, out, depth + 1);
}

static void
check_value (GListModel *contracts,
             LiaField   *f,
             JsonNode   *node,
             const char *path,
             GPtrArray  *out,
             guint       depth)
{
  const char *type = S (f, LIA_FIELD_TYPE);
  double min = num (f, LIA_FIELD_MINIMUM), max = num (f, LIA_FIELD_MAXIMUM);
  gboolean xmin = lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MINIMUM);
  gboolean xmax = lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MAXIMUM);
  int min_len = lia_entity_get_int (LIA_ENTITY (f), LIA_FIELD_MIN_LENGTH);
  int max_len = lia_entity_get_int (LIA_ENTITY (f), LIA_FIELD_MAX_LENGTH);

  if (g_str_equal (type, "enum"))
    {
      const char * const *choices = lia_entity_get_strv (LIA_ENTITY (f), LIA_FIELD_CHOICES);
      g_autofree char *list = g_strjoinv (", ", (char **) choices);

      if (!g_str_equal (json_kind (node), "string") || !g_strv_contains (choices, json_node_get_string (node)))
        /* Translators: %s lists the allowed values */
        add (out, path, g_strdup_printf (_("must be one of %s"), list));
      return;
    }
  if (g_str_equal (type, "object"))
    {
      const char *ref = S (f, LIA_FIELD_REF);
      LiaContract *model = *ref ? lia_contracts_find (contracts, ref) : NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        add (out, path, g_strdup_printf (_("expected %s, got %s"), "object", json_kind (node)));
      else if (model != NULL)
        check_object (contracts, model, node, path, out, depth + 1);
      return;
    }
  if (g_str_equal (type, "array"))
    {
      JsonArray *array;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          add (out, path, g_strdup_printf (_("expected %s, got %s"), "array", json_kind (node)));
          return;
        }
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      if (min_len >= 0 && n < (guint) min_len)
        add (out, path, g_strdup_printf (ngettext ("has %u item, fewer than %d", "has %u items, fewer than %d", n),
                                         n, min_len));
      if (max_len >= 0 && n > (guint) max_len)
        add (out, path, g_strdup_printf (ngettext ("has %u item, more than %d", "has %u items, more than %d", n),
                                         n, max_len));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
          check_typed (contracts, S (f, LIA_FIELD_ITEMS), json_array_get_element (array, i), item_path, out, depth);
        }
      return;
    }

  check_typed (contracts, type, node, path, out, depth);
  if ((g_str_equal (type, "number") || g_str_equal (type, "integer")) && is_number (node))
    {
      double v = number_of (node);
      g_autofree char *vs = fmt_number (v);

      if (!isnan (min) && (xmin ? v <= min : v < min))
        {
          g_autofree char *ms = fmt_number (min);
          add (out, path, xmin ? g_strdup_printf (_("%s must be above %s"), vs, ms)
                               : g_strdup_printf (_("%s is below the minimum %s"), vs, ms));
        }
      if (!isnan (max) && (xmax ? v >= max : v > max))
        {
          g_autofree char *ms = fmt_number (max);
          add (out, path, xmax ? g_strdup_printf (_("%s must be below %s"), vs, ms)
                               : g_strdup_printf (_("%s is above the maximum %s"), vs, ms));
        }
    }
  if (g_str_equal (type, "string") && g_str_equal (json_kind (node), "string"))
    {
      const char *text = json_node_get_string (node);
      glong len = g_utf8_strlen (text, -1);
      const char *pattern = S (f, LIA_FIELD_PATTERN);

      if (min_len >= 0 && len < min_len)
        add (out, path, g_strdup_printf (ngettext ("is %ld character long, shorter than %d",
                                                   "is %ld characters long, shorter than %d", len),
                                         len, min_len));
      if (max_len >= 0 && len > max_len)
        add (out, path, g_strdup_printf (ngettext ("is %ld character long, longer than %d",
                                                   "is %ld characters long, longer than %d", len),
                                         len, max_len));
      if (*pattern)
        {
          g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
          if (regex && !g_regex_match (regex, text, 0, NULL))
            /* Translators: %s is a regular expression */
            add (out, path, g_strdup_printf (_("does not match the pattern %s"), pattern));
        }
    }
}

static void
check_object (GListModel  *contracts,
              LiaContract *model,
              JsonNode    *node,
              const char  *path,
              GPtrArray   *out,
              guint        depth)
{
  GListModel *fields = fields_of (model);
  JsonObject *object;

  if (depth > 64)
    {
      add (out, path, g_strdup (_("nested too deeply")));
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      add (out, *path ? path : S (model, LIA_CONTRACT_NAME),
           g_strdup_printf (_("expected %s, got %s"), "object", json_kind (node)));
      return;
    }
  object = json_node_get_object (node);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
      const char *name = S (f, LIA_FIELD_NAME);
      g_autofree char *field_path = *path ? g_strdup_printf ("%s.%s", path, name) : g_strdup (name);

      if (!json_object_has_member (object, name))
        {
          if (lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_REQUIRED))
            add (out, field_path, g_strdup (_("required")));
          continue;
        }
      check_value (contracts, f, json_object_get_member (object, name), field_path, out, depth);
    }
}

GPtrArray *
lia_contracts_check_payload (GListModel  *contracts,
                             LiaContract *model,
                             JsonNode    *payload)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  check_object (contracts, model, payload, "", out, 0);
  return out;
}

/* The payload tester's input as pasted: text that is not JSON is one
 * problem, worded with the parser's line and column, so the view never
 * parses JSON itself. */
GPtrArray *
lia_contracts_check_payload_text (GListModel  *contracts,
                                  LiaContract *model,
                                  const char  *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *out;

  g_return_val_if_fail (G_IS_LIST_MODEL (contracts), NULL);
  g_return_val_if_fail (LIA_IS_CONTRACT (model), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      out = g_ptr_array_new_with_free_func (g_free);
      /* Translators: the JSON parser's message, with line and column */
      g_ptr_array_add (out, g_strdup_printf (_("Not JSON: %s"), error->message));
      return out;
    }
  return lia_contracts_check_payload (contracts, model, json_parser_get_root (parser));
}

/* ---- the contract itself ----------------------------------------------- */

static gboolean
names_model_or_type (GListModel *contracts,
                     const char *name)
{
  return g_strv_contains (simple_types, name) || lia_contracts_find (contracts, name) != NULL;
}

/* Required object links form a cycle: no finite payload can satisfy it. */
static gboolean
required_cycle (GListModel  *contracts,
                LiaContract *model,
                GHashTable  *on_path,
                GString     *trail)
{
  GListModel *fields = fields_of (model);
  const char *name = S (model, LIA_CONTRACT_NAME);

  if (g_hash_table_contains (on_path, name))
    {
      g_string_append (trail, name);
      return TRUE;
    }
  g_hash_table_add (on_path, (gpointer) name);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
      LiaContract *next;
      gsize len = trail->len;

      if (!lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_REQUIRED) ||
          !g_str_equal (S (f, LIA_FIELD_TYPE), "object"))
        continue;
      next = lia_contracts_find (contracts, S (f, LIA_FIELD_REF));
      if (next == NULL)
        continue;
      g_string_append_printf (trail, "%s.%s → ", name, S (f, LIA_FIELD_NAME));
      if (required_cycle (contracts, next, on_path, trail))
        return TRUE;
      g_string_truncate (trail, len);
    }
  g_hash_table_remove (on_path, name);
  return FALSE;
}

static void
check_field (GListModel  *contracts,
             LiaContract *model,
             LiaField    *f,
             GHashTable  *seen,
             GPtrArray   *out)
{
  const char *mname = S (model, LIA_CONTRACT_NAME);
  const char *name = S (f, LIA_FIELD_NAME);
  const char *type = S (f, LIA_FIELD_TYPE);
  g_autofree char *path = g_strdup_printf ("%s.%s", mname, *name ? name : "?");
  double min = num (f, LIA_FIELD_MINIMUM), max = num (f, LIA_FIELD_MAXIMUM);
  int min_len = lia_entity_get_int (LIA_ENTITY (f), LIA_FIELD_MIN_LENGTH);
  int max_len = lia_entity_get_int (LIA_ENTITY (f), LIA_FIELD_MAX_LENGTH);
  const char *pattern = S (f, LIA_FIELD_PATTERN);
  JsonNode *def = lia_entity_get_json (LIA_ENTITY (f), LIA_FIELD_DEFAULT);

  if (*name == '\0')
    add (out, path, g_strdup (_("a field needs a name")));
  else if (g_hash_table_contains (seen, name))
    /* Translators: %s is a field name */
    add (out, path, g_strdup_printf (_("the field “%s” appears twice"), name));
  else
    g_hash_table_add (seen, (gpointer) name);

  if (g_str_equal (type, "array"))
    {
      const char *items = S (f, LIA_FIELD_ITEMS);
      if (*items == '\0')
        add (out, path, g_strdup (_("an array needs an item type or model")));
      else if (!names_model_or_type (contracts, items))
        /* Translators: %s is a model name */
        add (out, path, g_strdup_printf (_("the items refer to a missing model “%s”"), items));
    }
  if (g_str_equal (type, "object") && *S (f, LIA_FIELD_REF) && lia_contracts_find (contracts, S (f, LIA_FIELD_REF)) == NULL)
    add (out, path, g_strdup_printf (_("refers to a missing model “%s”"), S (f, LIA_FIELD_REF)));
  if (g_str_equal (type, "enum") && g_strv_length ((char **) lia_entity_get_strv (LIA_ENTITY (f), LIA_FIELD_CHOICES)) == 0)
    add (out, path, g_strdup (_("an enum needs at least one choice")));
  if (!isnan (min) && !isnan (max) && (min > max || (min == max && (lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MINIMUM) ||
                                                                   lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MAXIMUM)))))
    {
      g_autofree char *a = fmt_number (min), *b = fmt_number (max);
      add (out, path, g_strdup_printf (_("the range %s–%s is empty"), a, b));
    }
  if (min_len >= 0 && max_len >= 0 && min_len > max_len)
    add (out, path, g_strdup_printf (_("the length range %d–%d is empty"), min_len, max_len));
  if (*pattern)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, &error);
      if (regex == NULL)
        /* Translators: %s is the regular expression library's message */
        add (out, path, g_strdup_printf (_("the pattern is not a valid regular expression: %s"), error->message));
    }
  if (def != NULL && !JSON_NODE_HOLDS_NULL (def))
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      check_value (contracts, f, def, "", problems, 0);
      for (guint i = 0; i < problems->len; i++)
        {
          const char *text = problems->pdata[i];
          /* ": message" from an empty path */
          add (out, path, g_strdup_printf (_("default %s"), g_str_has_prefix (text, ": ") ? text + 2 : text));
        }
    }
}

GPtrArray *
lia_contracts_check (GListModel *contracts)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) models = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cyclic = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LiaContract) model = g_list_model_get_item (contracts, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) on_path = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GString) trail = g_string_new (NULL);
      const char *name = S (model, LIA_CONTRACT_NAME);
      const char *path = S (model, LIA_CONTRACT_PATH);
      const char *response = S (model, LIA_CONTRACT_RESPONSE);
      GListModel *fields = fields_of (model);

      if (*name == '\0')
        {
          g_autofree char *where = g_strdup_printf ("contracts[%u]", i);
          add (out, where, g_strdup (_("a model needs a name")));
        }
      else if (g_hash_table_contains (models, name))
        add (out, name, g_strdup (_("another model has this name")));
      g_hash_table_add (models, (gpointer) name);

      if (*path && *path != '/')
        add (out, name, g_strdup_printf (_("the endpoint path “%s” must start with /"), path));
      if (*response && lia_contracts_find (contracts, response) == NULL)
        add (out, name, g_strdup_printf (_("the response refers to a missing model “%s”"), response));

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(LiaField) f = g_list_model_get_item (fields, j);
          check_field (contracts, model, f, seen, out);
        }
      if (*name && !g_hash_table_contains (cyclic, name) && required_cycle (contracts, model, on_path, trail))
        {
          g_hash_table_add (cyclic, (gpointer) name);
          /* Translators: %s is a chain like "Node.next → Node"; a payload could never end */
          add (out, name, g_strdup_printf (_("required fields form a cycle (%s): make one of them optional"), trail->str));
        }
    }
  return out;
}

/* ---- JSON Schema and OpenAPI ------------------------------------------- */

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value,
            gboolean     integer)
{
  json_builder_set_member_name (b, name);
  if (integer && floor (value) == value && fabs (value) < 9e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
type_schema (JsonBuilder *b,
             GListModel  *contracts,
             const char  *type,
             const char  *prefix,
             GHashTable  *used)
{
  json_builder_begin_object (b);
  if (g_strv_contains (simple_types, type))
    {
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, type);
    }
  else if (lia_contracts_find (contracts, type) != NULL)
    {
      g_autofree char *ref = g_strconcat (prefix, type, NULL);
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, ref);
      g_hash_table_add (used, (gpointer) S (lia_contracts_find (contracts, type), LIA_CONTRACT_NAME));
    }
  json_builder_end_object (b);
}

static void
field_schema (JsonBuilder *b,
              GListModel  *contracts,
              LiaField    *f,
              const char  *prefix,
              GHashTable  *used)
{
  const char *type = S (f, LIA_FIELD_TYPE);
  gboolean integer = g_str_equal (type, "integer");
  double min = num (f, LIA_FIELD_MINIMUM), max = num (f, LIA_FIELD_MAXIMUM);
  int min_len = lia_entity_get_int (LIA_ENTITY (f), LIA_FIELD_MIN_LENGTH);
  int max_len = lia_entity_get_int (LIA_ENTITY (f), LIA_FIELD_MAX_LENGTH);
  JsonNode *def = lia_entity_get_json (LIA_ENTITY (f), LIA_FIELD_DEFAULT);
  const char *description = S (f, LIA_FIELD_DESCRIPTION);

  json_builder_begin_object (b);
  if (g_str_equal (type, "enum"))
    {
      const char * const *choices = lia_entity_get_strv (LIA_ENTITY (f), LIA_FIELD_CHOICES);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "string");
      json_builder_set_member_name (b, "enum");
      json_builder_begin_array (b);
      for (guint i = 0; choices[i]; i++)
        json_builder_add_string_value (b, choices[i]);
      json_builder_end_array (b);
    }
  else if (g_str_equal (type, "object"))
    {
      const char *ref = S (f, LIA_FIELD_REF);
      LiaContract *model = *ref ? lia_contracts_find (contracts, ref) : NULL;

      if (model != NULL)
        {
          g_autofree char *target = g_strconcat (prefix, ref, NULL);
          json_builder_set_member_name (b, "$ref");
          json_builder_add_string_value (b, target);
          g_hash_table_add (used, (gpointer) S (model, LIA_CONTRACT_NAME));
        }
      else
        {
          json_builder_set_member_name (b, "type");
          json_builder_add_string_value (b, "object");
        }
    }
  else if (g_str_equal (type, "array"))
    {
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "items");
      type_schema (b, contracts, S (f, LIA_FIELD_ITEMS), prefix, used);
      if (min_len >= 0)
        add_number (b, "minItems", min_len, TRUE);
      if (max_len >= 0)
        add_number (b, "maxItems", max_len, TRUE);
    }
  else
    {
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, type);
      if (g_str_equal (type, "number") || integer)
        {
          if (!isnan (min))
            add_number (b, lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MINIMUM)
                           ? "exclusiveMinimum" : "minimum", min, integer);
          if (!isnan (max))
            add_number (b, lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MAXIMUM)
                           ? "exclusiveMaximum" : "maximum", max, integer);
        }
      if (g_str_equal (type, "string"))
        {
          if (min_len >= 0)
            add_number (b, "minLength", min_len, TRUE);
          if (max_len >= 0)
            add_number (b, "maxLength", max_len, TRUE);
          if (*S (f, LIA_FIELD_PATTERN))
            {
              json_builder_set_member_name (b, "pattern");
              json_builder_add_string_value (b, S (f, LIA_FIELD_PATTERN));
            }
        }
    }
  if (*description)
    {
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, description);
    }
  if (def != NULL && !JSON_NODE_HOLDS_NULL (def))
    {
      json_builder_set_member_name (b, "default");
      json_builder_add_value (b, json_node_copy (def));
    }
  json_builder_end_object (b);
}

/* The members of a model's schema (inside an open object). */
static void
model_members (JsonBuilder *b,
               GListModel  *contracts,
               LiaContract *model,
               const char  *prefix,
               GHashTable  *used)
{
  GListModel *fields = fields_of (model);
  g_autoptr(GPtrArray) required = g_ptr_array_new ();

  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, S (model, LIA_CONTRACT_NAME));
  if (*S (model, LIA_CONTRACT_DESCRIPTION))
    {
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, S (model, LIA_CONTRACT_DESCRIPTION));
    }
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(LiaField) f = g_list_model_get_item (fields, i);

      json_builder_set_member_name (b, S (f, LIA_FIELD_NAME));
      field_schema (b, contracts, f, prefix, used);
      if (lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_REQUIRED))
        g_ptr_array_add (required, (gpointer) S (f, LIA_FIELD_NAME));
    }
  json_builder_end_object (b);
  if (required->len > 0)
    {
      json_builder_set_member_name (b, "required");
      json_builder_begin_array (b);
      for (guint i = 0; i < required->len; i++)
        json_builder_add_string_value (b, required->pdata[i]);
      json_builder_end_array (b);
    }
}

/* Every model reachable from @roots, in the workspace's order. */
static GPtrArray *
reachable (GListModel  *contracts,
           LiaContract **roots,
           guint         n_roots)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GQueue) todo = g_queue_new ();
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < n_roots; i++)
    if (roots[i])
      g_queue_push_tail (todo, roots[i]);
  while (!g_queue_is_empty (todo))
    {
      LiaContract *model = g_queue_pop_head (todo);
      GListModel *fields = fields_of (model);
      g_autoptr(JsonBuilder) scratch = json_builder_new ();
      g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer name;

      if (!g_hash_table_add (done, (gpointer) S (model, LIA_CONTRACT_NAME)))
        continue;
      json_builder_begin_object (scratch);
      for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
        {
          g_autoptr(LiaField) f = g_list_model_get_item (fields, i);
          json_builder_set_member_name (scratch, "x");
          field_schema (scratch, contracts, f, "", used);
        }
      json_builder_end_object (scratch);
      g_hash_table_iter_init (&iter, used);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        g_queue_push_tail (todo, lia_contracts_find (contracts, name));
    }
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LiaContract) model = g_list_model_get_item (contracts, i);
      if (g_hash_table_contains (done, S (model, LIA_CONTRACT_NAME)) &&
          lia_contracts_find (contracts, S (model, LIA_CONTRACT_NAME)) == model)
        g_ptr_array_add (out, model);
    }
  return out;
}

static void
definitions (JsonBuilder *b,
             GListModel  *contracts,
             GPtrArray   *models,
             LiaContract *skip,
             const char  *prefix)
{
  for (guint i = 0; i < models->len; i++)
    {
      g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

      if (models->pdata[i] == skip)
        continue;
      json_builder_set_member_name (b, S (models->pdata[i], LIA_CONTRACT_NAME));
      json_builder_begin_object (b);
      model_members (b, contracts, models->pdata[i], prefix, used);
      json_builder_end_object (b);
    }
}

/* A JSON Schema (draft 2020-12) for @model, with the models it refers to
 * under $defs. */
JsonNode *
lia_contracts_json_schema (GListModel  *contracts,
                           LiaContract *model)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) models = reachable (contracts, &model, 1);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, "https://json-schema.org/draft/2020-12/schema");
  model_members (b, contracts, model, "#/$defs/", used);
  if (models->len > 1)
    {
      json_builder_set_member_name (b, "$defs");
      json_builder_begin_object (b);
      definitions (b, contracts, models, model, "#/$defs/");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
media (JsonBuilder *b,
       const char  *model)
{
  g_autofree char *ref = g_strconcat ("#/components/schemas/", model, NULL);

  json_builder_set_member_name (b, "content");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "application/json");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "schema");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, ref);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* An OpenAPI 3.1 document with @endpoint's operation (the model as the
 * request body, its response model as the 200 answer) and every model
 * they use under components. */
JsonNode *
lia_contracts_openapi (GListModel   *contracts,
                       LiaContract  *endpoint,
                       const char   *title,
                       GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *path = S (endpoint, LIA_CONTRACT_PATH);
  const char *method = S (endpoint, LIA_CONTRACT_METHOD);
  const char *name = S (endpoint, LIA_CONTRACT_NAME);
  LiaContract *response = lia_contracts_find (contracts, S (endpoint, LIA_CONTRACT_RESPONSE));
  LiaContract *roots[] = { endpoint, response };
  g_autoptr(GPtrArray) models = NULL;
  gboolean body = !g_str_equal (method, "get") && !g_str_equal (method, "delete");

  if (*path == '\0')
    {
      g_set_error (error, LIA_CONTRACTS_ERROR, LIA_CONTRACTS_ERROR_NO_ENDPOINT,
                   _("“%s” is not an endpoint: give it a path (and a response model) to export OpenAPI"), name);
      return NULL;
    }
  models = reachable (contracts, roots, G_N_ELEMENTS (roots));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "openapi");
  json_builder_add_string_value (b, "3.1.0");
  json_builder_set_member_name (b, "info");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title && *title ? title : name);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, "1.0.0");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "paths");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, path);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, method);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "operationId");
  json_builder_add_string_value (b, name);
  if (*S (endpoint, LIA_CONTRACT_DESCRIPTION))
    {
      json_builder_set_member_name (b, "summary");
      json_builder_add_string_value (b, S (endpoint, LIA_CONTRACT_DESCRIPTION));
    }
  if (body)
    {
      json_builder_set_member_name (b, "requestBody");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, TRUE);
      media (b, name);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "responses");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "200");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, response ? S (response, LIA_CONTRACT_DESCRIPTION) : "OK");
  if (response)
    media (b, S (response, LIA_CONTRACT_NAME));
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "components");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "schemas");
  json_builder_begin_object (b);
  definitions (b, contracts, models, NULL, "#/components/schemas/");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
lia_contracts_describe_field (LiaField *f)
{
  const char *type = S (f, LIA_FIELD_TYPE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  double min = num (f, LIA_FIELD_MINIMUM), max = num (f, LIA_FIELD_MAXIMUM);
  JsonNode *def = lia_entity_get_json (LIA_ENTITY (f), LIA_FIELD_DEFAULT);

  /* A list of whole items ("number, 0–2, default 0.7, required"), each
   * translated on its own and joined by the list separator. */
  if (g_str_equal (type, "array"))
    /* Translators: a field type, "array of Message" */
    g_ptr_array_add (items, g_strdup_printf (_("array of %s"), S (f, LIA_FIELD_ITEMS)));
  else if (g_str_equal (type, "object") && *S (f, LIA_FIELD_REF))
    g_ptr_array_add (items, g_strdup (S (f, LIA_FIELD_REF)));
  else
    g_ptr_array_add (items, g_strdup (type));
  if (!isnan (min) || !isnan (max))
    {
      g_autofree char *a = isnan (min) ? g_strdup ("") : fmt_number (min);
      g_autofree char *z = isnan (max) ? g_strdup ("") : fmt_number (max);
      g_ptr_array_add (items, g_strdup_printf ("%s%s–%s%s",
                                               lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MINIMUM) ? "(" : "", a, z,
                                               lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_EXCLUSIVE_MAXIMUM) ? ")" : ""));
    }
  if (def != NULL && !JSON_NODE_HOLDS_NULL (def))
    {
      g_autofree char *text = lia_contracts_to_text (def);
      /* Translators: an item of a field's summary: its default value,
       * "default 0.7" in "number, 0–2, default 0.7, required" */
      g_ptr_array_add (items, g_strdup_printf (_("default %s"), text));
    }
  if (lia_entity_get_boolean (LIA_ENTITY (f), LIA_FIELD_REQUIRED))
    /* Translators: an item of a field's summary, as in
     * "number, 0–2, default 0.7, required" */
    g_ptr_array_add (items, g_strdup (C_("field", "required")));
  g_ptr_array_add (items, NULL);
  return lia_text_list_join ((const char * const *) items->pdata);
}

/* @node as two-space indented JSON with numbers written shortest (0.7,
 * not 0.69999999999999996). */
char *
lia_contracts_to_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  lia_json_append_canonical (out, node);
  return g_string_free (out, FALSE);
}
