/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-schema"

#include "config.h"

#include "lia-schema.h"
#include "lia-json-util.h"
#include "lia-workspace-private.h"

/* The JSON Schema (draft 2020-12) of the workspace file, derived from the
 * same field tables the reader and writer use, so it cannot drift from
 * them.  data/liaison-workspace.schema.json is this output; a test keeps
 * the two equal. */

#define UUID_PATTERN "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

static const char *
def_name (GType type)
{
  const char *name = g_type_name (type);

  return g_str_has_prefix (name, "Lia") ? name + 3 : name;
}

static void
add_ref (JsonBuilder *b,
         GType        type)
{
  g_autofree char *ref = g_strconcat ("#/$defs/", def_name (type), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, ref);
  json_builder_end_object (b);
}

static void
add_string_rules (JsonBuilder        *b,
                  const LiaFieldSpec *spec,
                  gboolean            in_array)
{
  gboolean optional = !(spec->flags & LIA_SPEC_REQUIRED) && !in_array;
  const char *pattern = NULL;

  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");

  switch (spec->check)
    {
    case LIA_CHECK_CHOICE:
    case LIA_CHECK_WEEKDAYS:
      json_builder_set_member_name (b, "enum");
      json_builder_begin_array (b);
      for (const char * const *c = spec->check == LIA_CHECK_CHOICE ? spec->choices : lia_weekday_choices; *c; c++)
        json_builder_add_string_value (b, *c);
      if (optional && spec->check == LIA_CHECK_CHOICE)
        json_builder_add_string_value (b, "");
      json_builder_end_array (b);
      return;
    case LIA_CHECK_DATE:
      pattern = optional ? "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$" : "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
      break;
    case LIA_CHECK_TIME:
      pattern = optional ? "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)?$" : "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";
      break;
    case LIA_CHECK_DATETIME:
      pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]$";
      break;
    case LIA_CHECK_TIMESTAMP:
      pattern = "^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2}))?$";
      break;
    case LIA_CHECK_MEMBER_REFS:
      pattern = UUID_PATTERN;
      break;
    case LIA_CHECK_CALENDAR_SOURCE:
      /* As lia_calendar_source_kind (), which also asks for a host. */
      pattern = "^((https?|webcals?|caldav:https?)://[^\\s/?#@]+([/?#]\\S*)?)?$";
      break;
    case LIA_CHECK_ZONE:
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, "An IANA time zone name, e.g. Asia/Shanghai");
      break;
    case LIA_CHECK_NONE:
    default:
      break;
    }

  if (pattern != NULL)
    {
      json_builder_set_member_name (b, "pattern");
      json_builder_add_string_value (b, pattern);
    }
  if (spec->flags & LIA_SPEC_REQUIRED)
    {
      json_builder_set_member_name (b, "minLength");
      json_builder_add_int_value (b, 1);
    }
  json_builder_set_member_name (b, "maxLength");
  json_builder_add_int_value (b, LIA_WORKSPACE_MAX_STRING);
}

static void
add_field (JsonBuilder        *b,
           const LiaFieldSpec *spec)
{
  json_builder_begin_object (b);
  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      add_string_rules (b, spec, FALSE);
      break;
    case LIA_KIND_INT:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "integer");
      if (spec->flags & LIA_SPEC_RANGED)
        {
          json_builder_set_member_name (b, "minimum");
          json_builder_add_int_value (b, (gint64) spec->min);
          json_builder_set_member_name (b, "maximum");
          json_builder_add_int_value (b, (gint64) spec->max);
        }
      break;
    case LIA_KIND_DOUBLE:
      json_builder_set_member_name (b, "type");
      if (spec->flags & LIA_SPEC_OPTIONAL)
        {
          json_builder_begin_array (b);
          json_builder_add_string_value (b, "number");
          json_builder_add_string_value (b, "null");
          json_builder_end_array (b);
        }
      else
        json_builder_add_string_value (b, "number");
      break;
    case LIA_KIND_BOOLEAN:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "boolean");
      break;
    case LIA_KIND_STRV:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "items");
      json_builder_begin_object (b);
      add_string_rules (b, spec, TRUE);
      json_builder_end_object (b);
      if (spec->check == LIA_CHECK_WEEKDAYS || spec->check == LIA_CHECK_MEMBER_REFS)
        {
          json_builder_set_member_name (b, "uniqueItems");
          json_builder_add_boolean_value (b, TRUE);
        }
      break;
    case LIA_KIND_JSON:
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, "Any JSON value");
      break;
    case LIA_KIND_LIST:
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "items");
      add_ref (b, spec->entity_type ());
      break;
    case LIA_KIND_CHILD:
      json_builder_set_member_name (b, "anyOf");
      json_builder_begin_array (b);
      add_ref (b, spec->entity_type ());
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "null");
      json_builder_end_object (b);
      json_builder_end_array (b);
      break;
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (b);
}

static void
add_entity_def (JsonBuilder *b,
                GType        type)
{
  LiaEntityClass *klass = g_type_class_ref (type);

  json_builder_set_member_name (b, def_name (type));
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");

  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  if (klass->has_id)
    json_builder_add_string_value (b, "id");
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & LIA_SPEC_REQUIRED)
      json_builder_add_string_value (b, klass->json_keys[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  if (klass->has_id)
    {
      json_builder_set_member_name (b, "id");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "string");
      json_builder_set_member_name (b, "pattern");
      json_builder_add_string_value (b, UUID_PATTERN);
      json_builder_end_object (b);
    }
  for (guint i = 0; i < klass->n_fields; i++)
    {
      json_builder_set_member_name (b, klass->json_keys[i]);
      add_field (b, &klass->fields[i]);
    }
  if (type != LIA_TYPE_REMOTE_REF)
    {
      json_builder_set_member_name (b, "remote");
      add_ref (b, LIA_TYPE_REMOTE_REF);
    }
  json_builder_end_object (b);

  /* Keys a later version adds are kept, not refused. */
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);

  g_type_class_unref (klass);
}

JsonNode *
lia_workspace_schema_new (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GType types[] = {
    LIA_TYPE_MEMBER, LIA_TYPE_REQUIREMENT, LIA_TYPE_STEP, LIA_TYPE_MEETING, LIA_TYPE_AGENDA_ITEM,
    LIA_TYPE_ACTION_ITEM, LIA_TYPE_EVALUATION, LIA_TYPE_RATING, LIA_TYPE_TASK, LIA_TYPE_PAGE,
    LIA_TYPE_CONTRACT, LIA_TYPE_FIELD, LIA_TYPE_ASSESSMENT, LIA_TYPE_REMOTE_REF,
    LIA_TYPE_ACCOUNT, LIA_TYPE_OUTBOX_OP, LIA_TYPE_PLAYBOOK_ENTRY, LIA_TYPE_UNRECOVERED,
    LIA_TYPE_CONFLICT,
  };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, "https://json-schema.org/draft/2020-12/schema");
  json_builder_set_member_name (b, "$id");
  json_builder_add_string_value (b, "https://liaisonapp.github.io/schema/liaison-workspace-1.json");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Liaison workspace, format version 1");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "format");
  json_builder_add_string_value (b, "version");
  json_builder_end_array (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_string_value (b, LIA_WORKSPACE_FORMAT);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "integer");
  json_builder_set_member_name (b, "minimum");
  json_builder_add_int_value (b, 1);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_end_object (b);
  for (guint i = 0; i < LIA_N_COLLECTIONS; i++)
    {
      json_builder_set_member_name (b, lia_collections[i].key);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "items");
      add_ref (b, lia_collections[i].item_type ());
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, TRUE);

  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    add_entity_def (b, types[i]);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
lia_workspace_schema_to_string (void)
{
  g_autoptr(JsonNode) schema = lia_workspace_schema_new ();
  GString *out = g_string_new (NULL);

  lia_json_append_canonical (out, schema);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
