/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-workspace-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lia-entity-private.h"
#include "lia-field-check.h"
#include "lia-json-strict.h"
#include "lia-json-util.h"
#include "lia-workspace-private.h"

/* Reading and writing the *.liaison file.  The reader never trusts the
 * file: every problem becomes a GError naming the file, the JSON path and
 * what is wrong.  The writer emits a canonical form (two-space indent,
 * keys in declaration order, unknown keys last) so that files diff well.
 *
 * In recovery (LIA_LOAD_RECOVER) the reader goes on past problems: each
 * is listed with what was done, and what could not be put back in its
 * place is kept in the “unrecovered” collection as raw JSON, so a file
 * damaged by a hand edit or a bad merge never locks a team out. */

typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *key;     /* a member name, or NULL for an array index */
  guint       index;
};

typedef struct
{
  const char *display_name;
  /* id -> GType of the entity, as a pointer.  The keys are the JSON
   * tree's own strings (alive until the parse ends, whatever becomes of
   * the entity), or new ids kept in @owned. */
  GHashTable *ids;
  GPtrArray  *owned;
  GPtrArray  *problems;     /* of char *; NULL: stop at the first */
  GPtrArray  *unrecovered;  /* of LiaUnrecovered */
} LoadContext;

static void
remember_new_id (const LoadContext *ctx,
                 LiaEntity         *entity,
                 GType              type)
{
  char *id = g_strdup (lia_entity_get_id (entity));

  g_ptr_array_add (ctx->owned, id);
  g_hash_table_insert (ctx->ids, id, GSIZE_TO_POINTER (type));
}

static char *
path_to_string (const Path *path)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (const Path *p = path; p != NULL; p = p->parent)
    g_ptr_array_add (parts, (gpointer) p);

  for (guint i = parts->len; i > 0; i--)
    {
      const Path *p = g_ptr_array_index (parts, i - 1);

      if (p->key != NULL)
        {
          if (out->len > 0)
            g_string_append_c (out, '.');
          g_string_append (out, p->key);
        }
      else
        g_string_append_printf (out, "[%u]", p->index);
    }

  return g_string_free (out, FALSE);
}

static char *
locate_problem (const Path *path,
                const char *problem)
{
  g_autofree char *where = path_to_string (path);

  if (where[0] == '\0')
    return g_strdup (problem);
  return g_strdup_printf ("%s: %s", where, problem);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError           **error,
      const LoadContext *ctx,
      const Path        *path,
      const char        *format,
      ...)
{
  g_autofree char *problem = NULL;
  g_autofree char *located = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  located = locate_problem (path, problem);
  g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
               "%s: %s", ctx->display_name, located);
  return FALSE;
}

/* The problem of @error without the file name that fail() put first. */
static const char *
located_part (const LoadContext *ctx,
              const GError      *error)
{
  const char *m = error->message;
  gsize n = strlen (ctx->display_name);

  if (strncmp (m, ctx->display_name, n) == 0 && m[n] == ':' && m[n + 1] == ' ')
    return m + n + 2;
  return m;
}

/* Recovery's record of one problem: what was wrong where, what was done,
 * and (when something had to be set aside) the raw JSON it was. */
static void
note (const LoadContext *ctx,
      const GError      *error,
      const char        *action,
      const Path        *path,
      JsonNode          *raw)
{
  const char *located = located_part (ctx, error);

  g_ptr_array_add (ctx->problems, g_strdup_printf ("%s (%s)", located, action));
  if (raw != NULL)
    {
      g_autofree char *where = path_to_string (path);
      g_autoptr(JsonNode) copy = json_node_copy (raw);
      const char *problem = located;

      /* The record already says where; keep only what was wrong. */
      if (g_str_has_prefix (problem, where) && problem[strlen (where)] == ':')
        problem += strlen (where) + 2;
      g_ptr_array_add (ctx->unrecovered, lia_unrecovered_new (where, problem, copy));
    }
}

/* What a file held where it should have held something else: the %s of
 * the whole sentences "expected a string, found %s".  The context keeps
 * these apart from the same words in other places, so a language that
 * inflects the noun after "found" can do so here. */
static const char *
node_kind_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: what was found, in "expected a string, found an object" */
      return C_("found in a file", "an object");
    case JSON_NODE_ARRAY:
      /* Translators: what was found, in "expected a string, found an array" */
      return C_("found in a file", "an array");
    case JSON_NODE_NULL:
      /* Translators: what was found, in "expected a string, found null";
       * null is JSON's word for "no value" */
      return C_("found in a file", "null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          /* Translators: what was found, in "expected a number, found a string" */
          return C_("found in a file", "a string");
        case G_TYPE_BOOLEAN:
          /* Translators: what was found, in "expected a string, found a boolean" */
          return C_("found in a file", "a boolean");
        default:
          /* Translators: what was found, in "expected a string, found a number" */
          return C_("found in a file", "a number");
        }
    }
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_string (const LoadContext  *ctx,
             const Path         *path,
             const LiaFieldSpec *spec,
             JsonNode           *node,
             const char        **out,
             GError            **error)
{
  g_autoptr(GError) problem = NULL;
  const char *s;
  gsize len;

  if (!node_is (node, G_TYPE_STRING))
    /* Translators: %s is what the file held instead: "an object", "an
     * array", "null", "a string", "a boolean" or "a number" (translated
     * with the context "found in a file") */
    return fail (error, ctx, path, _("expected a string, found %s"), node_kind_name (node));

  s = json_node_get_string (node);
  len = strlen (s);
  if (len > LIA_WORKSPACE_MAX_STRING)
    return fail (error, ctx, path, ngettext ("the text is too long (%zu byte; at most %d)",
                                             "the text is too long (%zu bytes; at most %d)", len),
                 len, LIA_WORKSPACE_MAX_STRING);
  /* The strict pass has made sure the text is holdable. */
  if (!lia_field_spec_check_text_rules (spec, s, &problem))
    return fail (error, ctx, path, "%s", problem->message);

  *out = s;
  return TRUE;
}

static LiaEntity *read_entity (const LoadContext *ctx,
                               const Path        *path,
                               GType              type,
                               JsonNode          *node,
                               GError           **error);

/* A list of entities; in recovery an item that cannot be read is set
 * aside and the others are kept. */
static gboolean
read_items (const LoadContext *ctx,
            const Path        *path,
            JsonArray         *array,
            guint              start,
            guint              end,
            GType              type,
            GPtrArray         *items,
            GError           **error)
{
  for (guint i = start; i < end; i++)
    {
      Path item_path = { path, NULL, i };
      g_autoptr(GError) local_error = NULL;
      JsonNode *node = json_array_get_element (array, i);
      LiaEntity *item = read_entity (ctx, &item_path, type, node, &local_error);

      if (item != NULL)
        g_ptr_array_add (items, item);
      else if (ctx->problems != NULL)
        note (ctx, local_error, _("set aside for review"), &item_path, node);
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_field (const LoadContext  *ctx,
            const Path         *path,
            const LiaFieldSpec *spec,
            JsonNode           *node,
            LiaEntity          *entity,
            guint               field,
            GError            **error)
{
  GValue *slot = &lia_entity_get_values_internal (entity)[field];
  g_autoptr(GError) problem = NULL;

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      {
        const char *s;
        if (!read_string (ctx, path, spec, node, &s, error))
          return FALSE;
        /* Empty strings and choice values point at static strings: most
         * fields of a large file are one of those, and copying each was a
         * good part of the load time. */
        if (s[0] == '\0')
          g_value_set_static_string (slot, "");
        else if (spec->check == LIA_CHECK_CHOICE)
          {
            for (guint i = 0; spec->choices[i] != NULL; i++)
              if (g_str_equal (spec->choices[i], s))
                {
                  g_value_set_static_string (slot, spec->choices[i]);
                  break;
                }
          }
        else
          g_value_set_string (slot, s);
      }
      break;

    case LIA_KIND_INT:
      if (!node_is (node, G_TYPE_INT64))
        return fail (error, ctx, path, _("expected a whole number, found %s"), node_kind_name (node));
      if (!lia_field_spec_check_int (spec, json_node_get_int (node), &problem))
        return fail (error, ctx, path, "%s", problem->message);
      g_value_set_int (slot, (int) json_node_get_int (node));
      break;

    case LIA_KIND_DOUBLE:
      if (JSON_NODE_HOLDS_NULL (node) && (spec->flags & LIA_SPEC_OPTIONAL))
        g_value_set_double (slot, NAN);
      else if (node_is (node, G_TYPE_INT64) || node_is (node, G_TYPE_DOUBLE))
        {
          if (!lia_field_spec_check_double (spec, json_node_get_double (node), &problem))
            return fail (error, ctx, path, "%s", problem->message);
          g_value_set_double (slot, json_node_get_double (node));
        }
      else
        return fail (error, ctx, path, _("expected a number, found %s"), node_kind_name (node));
      break;

    case LIA_KIND_BOOLEAN:
      if (!node_is (node, G_TYPE_BOOLEAN))
        return fail (error, ctx, path, _("expected true or false, found %s"), node_kind_name (node));
      g_value_set_boolean (slot, json_node_get_boolean (node));
      break;

    case LIA_KIND_STRV:
      {
        JsonArray *array;
        guint n;
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_autoptr(GHashTable) seen = NULL;
        gboolean unique = spec->check == LIA_CHECK_WEEKDAYS || spec->check == LIA_CHECK_MEMBER_REFS;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail (error, ctx, path, _("expected an array of strings, found %s"), node_kind_name (node));
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        if (unique)
          seen = g_hash_table_new (g_str_hash, g_str_equal);
        for (guint i = 0; i < n; i++)
          {
            Path item_path = { path, NULL, i };
            g_autoptr(GError) item_error = NULL;
            JsonNode *item = json_array_get_element (array, i);
            const char *s;

            if (read_string (ctx, &item_path, spec, item, &s, &item_error))
              {
                if (!unique || g_hash_table_add (seen, (gpointer) s))
                  {
                    g_strv_builder_add (builder, s);
                    continue;
                  }
                fail (&item_error, ctx, &item_path, _("“%s” is listed twice"), s);
              }
            if (ctx->problems == NULL)
              {
                g_propagate_error (error, g_steal_pointer (&item_error));
                return FALSE;
              }
            note (ctx, item_error, _("left out"), &item_path, item);
          }
        g_value_take_boxed (slot, g_strv_builder_end (builder));
      }
      break;

    case LIA_KIND_JSON:
      if (JSON_NODE_HOLDS_NULL (node))
        g_value_set_boxed (slot, NULL);
      else
        {
          g_auto(GValue) v = G_VALUE_INIT;

          g_value_init (&v, JSON_TYPE_NODE);
          g_value_set_boxed (&v, node);
          if (!lia_field_spec_check_value (spec, &v, &problem))
            return fail (error, ctx, path, "%s", problem->message);
          g_value_set_boxed (slot, node);
        }
      break;

    case LIA_KIND_LIST:
      {
        GListStore *store = g_value_get_object (slot);
        JsonArray *array;
        g_autoptr(GPtrArray) items = NULL;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail (error, ctx, path, _("expected an array, found %s"), node_kind_name (node));
        array = json_node_get_array (node);
        items = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
        if (!read_items (ctx, path, array, 0, json_array_get_length (array), spec->entity_type (), items, error))
          return FALSE;
        g_list_store_splice (store, 0, 0, items->pdata, items->len);
      }
      break;

    case LIA_KIND_CHILD:
      if (JSON_NODE_HOLDS_NULL (node))
        g_value_set_object (slot, NULL);
      else
        {
          LiaEntity *child = read_entity (ctx, path, spec->entity_type (), node, error);
          if (child == NULL)
            return FALSE;
          g_value_take_object (slot, child);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* What recovery puts in place of a field it could not read: the default,
 * or for required text a placeholder the user will see and fix.  FALSE
 * when nothing sensible can stand in (a required date or zone): then the
 * whole entity is set aside. */
static gboolean
recover_field (LiaEntity          *entity,
               guint               field,
               const LiaFieldSpec *spec,
               const char        **action)
{
  GValue *slot = &lia_entity_get_values_internal (entity)[field];
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  if (spec->kind == LIA_KIND_LIST)
    {
      g_list_store_remove_all (g_value_get_object (slot));
      *action = _("left empty; the value as it was is kept for review");
      return TRUE;
    }

  g_value_unset (slot);
  g_value_init (slot, G_VALUE_TYPE (&klass->prototype[field]));
  g_value_copy (&klass->prototype[field], slot);
  *action = _("reset; the value as it was is kept for review");

  if (!(spec->flags & LIA_SPEC_REQUIRED))
    return TRUE;

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      if (spec->check == LIA_CHECK_NONE)
        {
          /* Translators: stands in for required text a damaged file lacked. */
          g_value_set_string (slot, C_("placeholder", "Untitled"));
          return TRUE;
        }
      return lia_field_spec_check_value (spec, slot, NULL);
    case LIA_KIND_INT:
    case LIA_KIND_DOUBLE:
      return lia_field_spec_check_value (spec, slot, NULL);
    default:
      return FALSE;
    }
}

static LiaEntity *
read_entity (const LoadContext *ctx,
             const Path        *path,
             GType              type,
             JsonNode          *node,
             GError           **error)
{
  g_autoptr(LiaEntity) entity = NULL;
  LiaEntityClass *klass;
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  guint64 seen = 0;
  gboolean seen_id = FALSE;
  guint next_field = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, ctx, path, _("expected an object, found %s"), node_kind_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  klass = g_type_class_peek (type);
  if (klass == NULL)
    klass = g_type_class_ref (type); /* static types keep their class for good */
  g_assert (klass != NULL && klass->n_fields < 64);

  entity = g_object_new (type, NULL);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      Path field_path = { path, key, 0 };
      g_autoptr(GError) local_error = NULL;
      const char *action;
      int field;

      if (klass->has_id && g_str_equal (key, "id"))
        {
          const char *id = NULL;

          seen_id = TRUE;
          if (!node_is (member, G_TYPE_STRING))
            fail (&local_error, ctx, &field_path, _("expected a string, found %s"), node_kind_name (member));
          else if (!g_uuid_string_is_valid (id = json_node_get_string (member)))
            fail (&local_error, ctx, &field_path, _("“%.64s” is not a UUID"), id);
          else if (g_hash_table_contains (ctx->ids, id))
            fail (&local_error, ctx, &field_path, _("the id %s is used twice"), id);
          else
            {
              lia_entity_set_id (entity, id);
              g_hash_table_insert (ctx->ids, (gpointer) id, GSIZE_TO_POINTER (type));
              continue;
            }
          if (ctx->problems == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* A fresh id, made on first use; nothing refers to it yet. */
          note (ctx, local_error, _("given a new id"), &field_path, NULL);
          remember_new_id (ctx, entity, type);
          continue;
        }

      /* The link to a tracker, unless the entity has a field of that
       * name (an outbox entry keeps the remote side's fields there). */
      if (g_str_equal (key, "remote") && lia_entity_class_find_field (klass, "remote") < 0)
        {
          if (!JSON_NODE_HOLDS_NULL (member))
            {
              g_autoptr(LiaEntity) remote = read_entity (ctx, &field_path, LIA_TYPE_REMOTE_REF, member, &local_error);
              if (remote != NULL)
                lia_entity_set_remote (entity, LIA_REMOTE_REF (remote));
              else if (ctx->problems != NULL)
                note (ctx, local_error, _("the link to the tracker is set aside for review"), &field_path, member);
              else
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return NULL;
                }
            }
          continue;
        }

      /* Files in canonical form list the fields in table order, so the
       * field after the previous one is tried first. */
      if (next_field < klass->n_fields && g_str_equal (klass->json_keys[next_field], key))
        field = next_field;
      else
        {
          field = -1;
          for (guint i = 0; i < klass->n_fields; i++)
            if (g_str_equal (klass->json_keys[i], key))
              {
                field = i;
                break;
              }
        }
      if (field >= 0)
        next_field = field + 1;

      if (field < 0)
        {
          json_object_set_member (lia_entity_get_extra (entity), key, json_node_copy (member));
          continue;
        }

      seen |= G_GUINT64_CONSTANT (1) << field;
      if (read_field (ctx, &field_path, &klass->fields[field], member, entity, field, &local_error))
        continue;
      if (ctx->problems == NULL || !recover_field (entity, field, &klass->fields[field], &action))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      note (ctx, local_error, action, &field_path, member);
    }

  if (klass->has_id && !seen_id)
    {
      g_autoptr(GError) local_error = NULL;

      fail (&local_error, ctx, path, _("the required key “id” is missing"));
      if (ctx->problems == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      note (ctx, local_error, _("given a new id"), path, NULL);
      remember_new_id (ctx, entity, type);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    if ((klass->fields[i].flags & LIA_SPEC_REQUIRED) && !(seen & (G_GUINT64_CONSTANT (1) << i)))
      {
        g_autoptr(GError) local_error = NULL;
        const char *action;

        fail (&local_error, ctx, path, _("the required key “%s” is missing"), klass->json_keys[i]);
        if (ctx->problems == NULL || !recover_field (entity, i, &klass->fields[i], &action))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return NULL;
          }
        note (ctx, local_error, _("filled in"), path, NULL);
      }

  return g_steal_pointer (&entity);
}

/* ---- single entities and values, for edits made from JSON ---- */

/* What a conflict record holds is JSON as the file has it; choosing it
 * goes through the same reader so it obeys the same rules.  Errors say
 * where inside the value (“steps[1].text: expected a string”). */
static void
strip_display_name (const LoadContext *ctx,
                    GError            *error)
{
  g_autofree char *located = g_strdup (located_part (ctx, error));

  g_free (error->message);
  error->message = g_steal_pointer (&located);
}

LiaEntity *
lia_entity_new_from_json (GType      type,
                          JsonNode  *node,
                          GError   **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  LoadContext ctx = { "", ids, owned, NULL, NULL };
  GError *local_error = NULL;
  LiaEntity *entity;

  g_return_val_if_fail (g_type_is_a (type, LIA_TYPE_ENTITY), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  entity = read_entity (&ctx, NULL, type, node, &local_error);
  if (entity == NULL)
    {
      strip_display_name (&ctx, local_error);
      g_propagate_error (error, local_error);
    }
  return entity;
}

/* @node NULL or null stands for a key that was absent: the field's
 * default, as the reader gives it. */
gboolean
lia_entity_value_from_json (LiaEntity  *entity,
                            guint       field,
                            JsonNode   *node,
                            GValue     *out,
                            GError    **error)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);
  const LiaFieldSpec *spec = &klass->fields[field];
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  LoadContext ctx = { "", ids, owned, NULL, NULL };
  Path path = { NULL, klass->json_keys[field], 0 };
  g_autoptr(LiaEntity) scratch = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (field < klass->n_fields, FALSE);
  g_return_val_if_fail (spec->kind != LIA_KIND_LIST, FALSE);

  g_value_init (out, G_VALUE_TYPE (&klass->prototype[field]));
  if (node == NULL ||
      (JSON_NODE_HOLDS_NULL (node) && spec->kind != LIA_KIND_JSON && spec->kind != LIA_KIND_CHILD &&
       !(spec->kind == LIA_KIND_DOUBLE && (spec->flags & LIA_SPEC_OPTIONAL))))
    {
      g_value_copy (&klass->prototype[field], out);
      return TRUE;
    }

  scratch = g_object_new (G_OBJECT_TYPE (entity), NULL);
  if (!read_field (&ctx, &path, spec, node, scratch, field, &local_error))
    {
      g_value_unset (out);
      strip_display_name (&ctx, local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_value_copy (&lia_entity_get_values_internal (scratch)[field], out);
  return TRUE;
}

/* ---- walking the model ---- */

typedef gboolean (*VisitFunc) (LiaEntity  *entity,
                               const Path *path,
                               gpointer    data);

static gboolean check_refs (LiaEntity  *entity,
                            const Path *path,
                            gpointer    data);

static gboolean
walk_entity (LiaEntity  *entity,
             const Path *path,
             VisitFunc   visit,
             gpointer    data)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);
  const GValue *values;

  if (!visit (entity, path, data))
    return FALSE;

  /* Straight to the slots: the public getters' checks, once per field
   * of 100 000 entities, were most of a save's rule check. */
  values = lia_entity_peek_values_internal (entity);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      Path field_path = { path, klass->json_keys[i], 0 };

      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListModel *list = g_value_get_object (&values[i]);
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              Path item_path = { &field_path, NULL, j };
              LiaEntity *item = g_list_model_get_item (list, j);
              gboolean go_on = walk_entity (item, &item_path, visit, data);

              g_object_unref (item);
              if (!go_on)
                return FALSE;
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD && g_value_get_object (&values[i]) != NULL)
        {
          if (!walk_entity (g_value_get_object (&values[i]), &field_path, visit, data))
            return FALSE;
        }
    }
  return TRUE;
}

/* Whether entities of @type, or any inside them, have reference fields
 * (from the field tables; @seen stops at types that hold themselves). */
static gboolean
type_holds_refs (GType       type,
                 GHashTable *seen)
{
  LiaEntityClass *klass = g_type_class_ref (type);
  gboolean holds = FALSE;

  if (!g_hash_table_add (seen, GSIZE_TO_POINTER (type)))
    {
      g_type_class_unref (klass);
      return FALSE;
    }
  for (guint i = 0; i < klass->n_fields && !holds; i++)
    if (lia_field_spec_is_reference (&klass->fields[i]))
      holds = TRUE;
    else if (klass->fields[i].kind == LIA_KIND_LIST || klass->fields[i].kind == LIA_KIND_CHILD)
      holds = type_holds_refs (klass->fields[i].entity_type (), seen);
  g_type_class_unref (klass);
  return holds;
}

static gboolean
walk_workspace (LiaWorkspace *self,
                VisitFunc     visit,
                gpointer      data)
{
  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    {
      GListModel *list = G_LIST_MODEL (lia_workspace_get_collection (self, c));
      Path path = { NULL, lia_collections[c].key, 0 };
      guint n = g_list_model_get_n_items (list);

      /* Checking references need not visit what cannot hold any. */
      if (visit == check_refs)
        {
          g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

          if (!type_holds_refs (lia_collections[c].item_type (), seen))
            continue;
        }

      for (guint i = 0; i < n; i++)
        {
          Path item_path = { &path, NULL, i };
          g_autoptr(LiaEntity) item = g_list_model_get_item (list, i);

          if (!walk_entity (item, &item_path, visit, data))
            return FALSE;
        }
    }
  return TRUE;
}

/* Every entity of the workspace, nested ones included, in file order. */
void
lia_workspace_foreach_entity (LiaWorkspace       *self,
                              LiaEntityVisitFunc  func,
                              gpointer            data)
{
  g_return_if_fail (LIA_IS_WORKSPACE (self));

  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    {
      GListModel *list = G_LIST_MODEL (lia_workspace_get_collection (self, c));
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaEntity) item = g_list_model_get_item (list, i);
          lia_entity_foreach (item, func, data);
        }
    }
}

/* The entity type an id reference of @spec must name. */
static GType
reference_target (const LiaFieldSpec *spec)
{
  g_assert (lia_field_spec_is_reference (spec));
  return LIA_TYPE_MEMBER;
}

typedef struct
{
  const LoadContext *ctx;
  GHashTable        *ids;       /* id -> GType */
  gboolean           repair;
  GError            *error;
} RefCheck;

static gboolean
collect_id (LiaEntity  *entity,
            const Path *path,
            gpointer    data)
{
  RefCheck *rc = data;

  if (LIA_ENTITY_GET_CLASS (entity)->has_id)
    {
      const char *id = lia_entity_get_id (entity);

      if (!g_hash_table_insert (rc->ids, (gpointer) id, GSIZE_TO_POINTER (G_OBJECT_TYPE (entity))))
        {
          Path id_path = { path, "id", 0 };
          return fail (&rc->error, rc->ctx, &id_path, _("the id %s is used twice"), id);
        }
    }
  return TRUE;
}

static gboolean
check_refs (LiaEntity  *entity,
            const Path *path,
            gpointer    data)
{
  RefCheck *rc = data;
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const LiaFieldSpec *spec = &klass->fields[i];
      const char * const *refs;
      g_autoptr(GStrvBuilder) kept = NULL;
      Path field_path = { path, klass->json_keys[i], 0 };

      if (!lia_field_spec_is_reference (spec))
        continue;

      refs = lia_entity_get_strv (entity, i);
      for (guint j = 0; refs[j] != NULL; j++)
        {
          Path item_path = { &field_path, NULL, j };
          gpointer type = g_hash_table_lookup (rc->ids, refs[j]);
          g_autoptr(GError) local_error = NULL;

          if (type != NULL && g_type_is_a (GPOINTER_TO_SIZE (type), reference_target (spec)))
            {
              if (kept != NULL)
                g_strv_builder_add (kept, refs[j]);
              continue;
            }

          fail (&local_error, rc->ctx, &item_path,
                _("“%.64s” is not the id of a member of this workspace"), refs[j]);
          if (!rc->repair)
            {
              g_propagate_error (&rc->error, g_steal_pointer (&local_error));
              return FALSE;
            }
          note (rc->ctx, local_error, _("dropped"), &item_path, NULL);
          if (kept == NULL)
            {
              kept = g_strv_builder_new ();
              for (guint k = 0; k < j; k++)
                g_strv_builder_add (kept, refs[k]);
            }
        }
      if (kept != NULL)
        {
          g_auto(GStrv) strv = g_strv_builder_end (kept);
          lia_entity_set_strv (entity, i, (const char * const *) strv);
        }
    }
  return TRUE;
}

/* Ids are unique and every reference names an entity of the right type.
 * With @ctx->problems (recovery), dangling references are dropped and
 * listed instead. */
static gboolean
check_integrity (LiaWorkspace      *self,
                 const LoadContext *ctx,
                 GHashTable        *known_ids,
                 GError           **error)
{
  g_autoptr(GHashTable) ids = NULL;
  RefCheck rc = { ctx, known_ids, ctx->problems != NULL, NULL };

  /* The reader's table holds exactly the model's ids when nothing was
   * set aside; otherwise (and for the writer) they are collected anew. */
  if (known_ids == NULL)
    {
      ids = g_hash_table_new (g_str_hash, g_str_equal);
      rc.ids = ids;
      if (!walk_workspace (self, collect_id, &rc))
        goto failed;
    }
  if (!walk_workspace (self, check_refs, &rc))
    goto failed;
  return TRUE;

failed:
  g_propagate_error (error, rc.error);
  return FALSE;
}

/* What the reader would refuse, found in the model: the writer asks this
 * before it replaces a file.  The message is located like the reader's
 * (“tasks[0].due: “2026-02-30” is not a date”). */
gboolean
lia_workspace_check (LiaWorkspace *self,
                     GError      **error)
{
  LoadContext ctx = { "", NULL, NULL, NULL, NULL };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);

  if (!lia_text_is_holdable (lia_workspace_get_title (self), -1, &local_error))
    {
      /* "title" is the JSON path, as in every located error. */
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID, /* check-untranslated: allow (a JSON path) */
                   "title: %s", local_error->message);
      return FALSE;
    }

  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    {
      GListModel *list = G_LIST_MODEL (lia_workspace_get_collection (self, c));
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaEntity) item = g_list_model_get_item (list, i);

          if (!lia_entity_check (item, &local_error))
            {
              const char *m = local_error->message;

              g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                           "%s[%u]%s%s", lia_collections[c].key, i, m[0] == '[' ? "" : ".", m);
              return FALSE;
            }
        }
    }

  if (!check_integrity (self, &ctx, NULL, &local_error))
    {
      /* fail() put the (empty) file name first. */
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                           located_part (&ctx, local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- the top level ---- */

typedef struct
{
  LoadContext  ctx;
  const Path  *path;
  JsonArray   *array;
  guint        start;
  guint        end;
  GType        type;
  GPtrArray   *items;
  gboolean     ok;
} RangeJob;

static gpointer
range_thread (gpointer data)
{
  RangeJob *job = data;

  job->ok = read_items (&job->ctx, job->path, job->array, job->start, job->end, job->type, job->items, NULL);
  return NULL;
}

static void
range_job_init (RangeJob          *job,
                const LoadContext *ctx,
                const Path        *path,
                JsonArray         *array,
                guint              start,
                guint              end,
                GType              type)
{
  /* Strict: a half with a problem is read again in order, where
   * recovery (if asked for) notes the problems in file order. */
  job->ctx.display_name = ctx->display_name;
  job->ctx.ids = g_hash_table_new (g_str_hash, g_str_equal);
  job->ctx.owned = NULL;
  job->ctx.problems = NULL;
  job->ctx.unrecovered = NULL;
  job->path = path;
  job->array = array;
  job->start = start;
  job->end = end;
  job->type = type;
  job->items = g_ptr_array_new_with_free_func (g_object_unref);
  job->ok = FALSE;
}

static void
range_job_clear (RangeJob *job)
{
  g_hash_table_unref (job->ctx.ids);
  g_ptr_array_unref (job->items);
}

static gboolean
ids_collide (GHashTable *ids,
             GHashTable *other)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (ids, key))
      return TRUE;
  return FALSE;
}

static void
ids_merge (GHashTable *ids,
           GHashTable *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (ids, key, value);
}

/* A large collection is read in two halves on two threads, each with its
 * own id table (the machine this targets has two cores).  Only when both
 * halves are clean, and no id is shared between them or with what came
 * before, are they joined; any problem reruns the collection in order, so
 * the error reported is always the first one in the file. */
#define PARALLEL_MIN_ITEMS 2000

static gboolean
read_collection (const LoadContext *ctx,
                 const Path        *path,
                 JsonArray         *array,
                 GType              type,
                 GPtrArray         *items,
                 GError           **error)
{
  guint n = json_array_get_length (array);

  if (n >= PARALLEL_MIN_ITEMS && g_get_num_processors () > 1)
    {
      RangeJob first, second;
      GThread *thread;
      gboolean joined = FALSE;

      range_job_init (&first, ctx, path, array, 0, n / 2, type);
      range_job_init (&second, ctx, path, array, n / 2, n, type);
      thread = g_thread_new ("lia-load", range_thread, &second);
      range_thread (&first);
      g_thread_join (thread);

      if (first.ok && second.ok &&
          !ids_collide (ctx->ids, first.ctx.ids) &&
          !ids_collide (ctx->ids, second.ctx.ids) &&
          !ids_collide (first.ctx.ids, second.ctx.ids))
        {
          ids_merge (ctx->ids, first.ctx.ids);
          ids_merge (ctx->ids, second.ctx.ids);
          g_ptr_array_extend_and_steal (items, g_steal_pointer (&first.items));
          g_ptr_array_extend_and_steal (items, g_steal_pointer (&second.items));
          first.items = g_ptr_array_new ();
          second.items = g_ptr_array_new ();
          joined = TRUE;
        }

      range_job_clear (&first);
      range_job_clear (&second);
      if (joined)
        return TRUE;
    }

  return read_items (ctx, path, array, 0, n, type, items, error);
}

static gpointer
free_parser_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

/* Freeing a large document tree takes a good part of the load time; the
 * model no longer needs it, so a big one is freed beside, not before,
 * showing the workspace. */
static void
release_parser (JsonParser *parser,
                gsize       length)
{
  if (length > 4 * 1024 * 1024)
    g_thread_unref (g_thread_new ("lia-free-json", free_parser_thread, parser));
  else
    g_object_unref (parser);
}

gboolean
lia_workspace_parse (LiaWorkspace *self,
                     const char   *data,
                     gsize         length,
                     const char   *display_name,
                     LiaLoadFlags  flags,
                     GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) unrecovered = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  LoadContext ctx = { display_name, NULL, NULL, NULL, NULL };
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;
  const char *title = "";
  gint64 version;
  JsonObjectIter iter;
  const char *key;

  if (length > LIA_WORKSPACE_MAX_FILE_SIZE)
    {
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_TOO_LARGE,
                   ngettext ("%s: the file is too large (%zu byte; at most %d)",
                             "%s: the file is too large (%zu bytes; at most %d)", length),
                   display_name, length, LIA_WORKSPACE_MAX_FILE_SIZE);
      return FALSE;
    }

  /* json-glib would take duplicate keys (the last wins), wrap integers
   * beyond 64 bits, turn 1e400 into null and a lone surrogate into bytes
   * that are not UTF-8, and accept text after the value: the strict pass
   * refuses each of them first, with the line and column. */
  if (!lia_json_check_strict (data, length, LIA_WORKSPACE_MAX_DEPTH, &local_error))
    {
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON,
                   "%s: %s", display_name, local_error->message);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *msg = local_error->message;

      /* json-glib prefixes "<data>:" to its "LINE:COLUMN: message". */
      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON,
                   _("%s: not valid JSON: %s"), display_name, msg);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("%s: not a Liaison workspace: the top level must be a JSON object"),
                   display_name);
      return FALSE;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL || !node_is (node, G_TYPE_STRING) ||
      !g_str_equal (json_node_get_string (node), LIA_WORKSPACE_FORMAT))
    {
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("%s: format: not a Liaison workspace (expected “%s”)"),
                   display_name, LIA_WORKSPACE_FORMAT);
      return FALSE;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !node_is (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      /* Without a version there is no knowing which rules to recover by. */
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("%s: version: expected a whole number of at least 1"), display_name);
      return FALSE;
    }
  version = json_node_get_int (node);

  /* A newer version's file is never repaired by rules it may have
   * changed: it opens exactly, read-only, or not at all. */
  if ((flags & LIA_LOAD_RECOVER) && version <= LIA_WORKSPACE_FORMAT_VERSION)
    {
      problems = g_ptr_array_new_with_free_func (g_free);
      unrecovered = g_ptr_array_new_with_free_func (g_object_unref);
      ctx.problems = problems;
      ctx.unrecovered = unrecovered;
    }

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.ids = ids;
  owned = g_ptr_array_new_with_free_func (g_free);
  ctx.owned = owned;
  extra = json_object_new ();

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      Path path = { NULL, key, 0 };
      int collection = -1;

      if (g_str_equal (key, "format") || g_str_equal (key, "version"))
        continue;

      if (g_str_equal (key, "title"))
        {
          static const LiaFieldSpec title_spec = { .name = "title", .kind = LIA_KIND_STRING };

          if (read_string (&ctx, &path, &title_spec, node, &title, &local_error))
            continue;
          if (ctx.problems == NULL)
            goto failed;
          note (&ctx, local_error, _("left empty; the value as it was is kept for review"), &path, node);
          g_clear_error (&local_error);
          title = "";
          continue;
        }

      for (guint i = 0; i < LIA_N_COLLECTIONS; i++)
        if (g_str_equal (lia_collections[i].key, key))
          collection = i;

      if (collection < 0)
        {
          json_object_set_member (extra, key, json_node_copy (node));
          continue;
        }

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          fail (&local_error, &ctx, &path, _("expected an array, found %s"), node_kind_name (node));
          if (ctx.problems == NULL)
            goto failed;
          note (&ctx, local_error, _("left empty; the value as it was is kept for review"), &path, node);
          g_clear_error (&local_error);
        }
      else
        {
          JsonArray *array = json_node_get_array (node);
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
          GListStore *store = lia_workspace_get_collection (self, collection);

          if (!read_collection (&ctx, &path, array, lia_collections[collection].item_type (), items, &local_error))
            goto failed;
          g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                               items->pdata, items->len);
        }
    }

  /* References are checked once every entity is known. */
  if (!check_integrity (self, &ctx, problems == NULL || problems->len == 0 ? ids : NULL, &local_error))
    goto failed;

  if (unrecovered != NULL && unrecovered->len > 0)
    {
      GListStore *store = lia_workspace_get_collection (self, LIA_COLLECTION_UNRECOVERED);
      g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                           unrecovered->pdata, unrecovered->len);
    }
  if (problems != NULL)
    g_ptr_array_add (problems, NULL);

  lia_workspace_set_loaded_state (self, title, version, extra,
                                  problems != NULL && problems->len > 1 ? (char **) problems->pdata : NULL);
  release_parser (g_steal_pointer (&parser), length);
  return TRUE;

failed:
  g_propagate_error (error, g_steal_pointer (&local_error));
  if (version > LIA_WORKSPACE_FORMAT_VERSION && error != NULL && *error != NULL)
    {
      /* Translators: %2$s is why the file could not be read, a sentence
       * of its own; the space between them is yours to set */
      char *message = g_strdup_printf (_("This file was written by a newer version of Liaison (format version %1$lld). %2$s"),
                                       (long long) version, (*error)->message);

      g_free ((*error)->message);
      (*error)->message = message;
    }
  return FALSE;
}

/* ---- writing ---- */

static void emit_entity (GString   *out,
                         LiaEntity *entity,
                         guint      depth);

static void
emit_key (GString    *out,
          gboolean   *first,
          const char *key,
          guint       depth)
{
  g_string_append (out, *first ? "{" : ",");
  *first = FALSE;
  lia_json_append_indent (out, depth + 1);
  lia_json_append_string (out, key);
  g_string_append (out, ": ");
}

static void
emit_list (GString    *out,
           GListModel *list,
           guint       depth)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      LiaEntity *item = g_list_model_get_item (list, i);

      if (i > 0)
        g_string_append_c (out, ',');
      lia_json_append_indent (out, depth + 1);
      emit_entity (out, item, depth + 1);
      g_object_unref (item);
    }
  lia_json_append_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
emit_extra (GString    *out,
            gboolean   *first,
            JsonObject *extra,
            guint       depth)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      emit_key (out, first, key, depth);
      lia_json_append_canonical_at (out, member, depth + 1);
    }
}

static void
emit_entity (GString   *out,
             LiaEntity *entity,
             guint      depth)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);
  gboolean first = TRUE;

  if (klass->has_id)
    {
      emit_key (out, &first, "id", depth);
      lia_json_append_string (out, lia_entity_get_id (entity));
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *v = lia_entity_peek_value (entity, i);

      emit_key (out, &first, klass->json_keys[i], depth);
      switch (klass->fields[i].kind)
        {
        case LIA_KIND_STRING:
          lia_json_append_string (out, g_value_get_string (v));
          break;
        case LIA_KIND_INT:
          g_string_append_printf (out, "%d", g_value_get_int (v));
          break;
        case LIA_KIND_DOUBLE:
          lia_json_append_double (out, g_value_get_double (v));
          break;
        case LIA_KIND_BOOLEAN:
          g_string_append (out, g_value_get_boolean (v) ? "true" : "false");
          break;
        case LIA_KIND_STRV:
          {
            const char * const *strv = g_value_get_boxed (v);

            if (strv == NULL || strv[0] == NULL)
              g_string_append (out, "[]");
            else
              {
                g_string_append_c (out, '[');
                for (guint j = 0; strv[j]; j++)
                  {
                    if (j > 0)
                      g_string_append_c (out, ',');
                    lia_json_append_indent (out, depth + 2);
                    lia_json_append_string (out, strv[j]);
                  }
                lia_json_append_indent (out, depth + 1);
                g_string_append_c (out, ']');
              }
          }
          break;
        case LIA_KIND_JSON:
          if (g_value_get_boxed (v) == NULL)
            g_string_append (out, "null");
          else
            lia_json_append_canonical_at (out, g_value_get_boxed (v), depth + 1);
          break;
        case LIA_KIND_LIST:
          emit_list (out, g_value_get_object (v), depth + 1);
          break;
        case LIA_KIND_CHILD:
          if (g_value_get_object (v) == NULL)
            g_string_append (out, "null");
          else
            emit_entity (out, g_value_get_object (v), depth + 1);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (lia_entity_get_remote (entity) != NULL && lia_entity_class_find_field (klass, "remote") < 0)
    {
      emit_key (out, &first, "remote", depth);
      emit_entity (out, LIA_ENTITY (lia_entity_get_remote (entity)), depth + 1);
    }

  emit_extra (out, &first, lia_entity_get_extra (entity), depth);

  if (first)
    g_string_append (out, "{}");
  else
    {
      lia_json_append_indent (out, depth);
      g_string_append_c (out, '}');
    }
}

/* One entity with everything inside it, as the file holds it. */
char *
lia_entity_to_data (LiaEntity *entity)
{
  GString *out = g_string_new (NULL);

  emit_entity (out, entity, 0);
  return g_string_free (out, FALSE);
}

GString *
lia_workspace_serialize (LiaWorkspace *self)
{
  GString *out = g_string_sized_new (64 * 1024);
  gboolean first = TRUE;

  emit_key (out, &first, "format", 0);
  lia_json_append_string (out, LIA_WORKSPACE_FORMAT);
  emit_key (out, &first, "version", 0);
  /* A read-only newer file is never written back; everything we write is
   * in our own format version. */
  g_string_append_printf (out, "%d", LIA_WORKSPACE_FORMAT_VERSION);
  emit_key (out, &first, "title", 0);
  lia_json_append_string (out, lia_workspace_get_title (self));

  for (guint i = 0; i < LIA_N_COLLECTIONS; i++)
    {
      if ((i == LIA_COLLECTION_UNRECOVERED || i == LIA_COLLECTION_CONFLICTS) &&
          g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_collection (self, i))) == 0)
        continue;
      emit_key (out, &first, lia_collections[i].key, 0);
      emit_list (out, G_LIST_MODEL (lia_workspace_get_collection (self, i)), 0);
    }

  emit_extra (out, &first, lia_workspace_get_extra (self), 0);
  g_string_append (out, "\n}\n");
  return out;
}
