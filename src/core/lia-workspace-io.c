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
#include "lia-tz-names.h"
#include "lia-workspace-private.h"

/* Reading and writing the *.liaison file.  The reader never trusts the
 * file: every problem becomes a GError naming the file, the JSON path and
 * what is wrong.  The writer emits a canonical form (two-space indent,
 * keys in declaration order, unknown keys last) so that files diff well. */

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
  GHashTable *ids;     /* id -> LiaEntity (borrowed) */
} LoadContext;

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

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError           **error,
      const LoadContext *ctx,
      const Path        *path,
      const char        *format,
      ...)
{
  g_autofree char *problem = NULL;
  g_autofree char *where = path_to_string (path);
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (where[0] != '\0')
    g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                 "%s: %s: %s", ctx->display_name, where, problem);
  else
    g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                 "%s: %s", ctx->display_name, problem);
  return FALSE;
}

static const char *
node_kind_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("a boolean");
        default:
          return _("a number");
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
parse_two_digits (const char *s,
                  int        *out)
{
  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]))
    return FALSE;
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  return TRUE;
}

static gboolean
is_date (const char *s)
{
  int y1, y2, m, d;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  if (!parse_two_digits (s, &y1) || !parse_two_digits (s + 2, &y2) ||
      !parse_two_digits (s + 5, &m) || !parse_two_digits (s + 8, &d))
    return FALSE;
  return m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy (d, m, y1 * 100 + y2);
}

static gboolean
is_time (const char *s)
{
  int h, m;

  if (strlen (s) != 5 || s[2] != ':')
    return FALSE;
  if (!parse_two_digits (s, &h) || !parse_two_digits (s + 3, &m))
    return FALSE;
  return (h < 24 && m < 60) || (h == 24 && m == 0);
}

static gboolean
is_datetime (const char *s)
{
  g_autofree char *date = NULL;

  if (strlen (s) != 16 || s[10] != 'T')
    return FALSE;
  date = g_strndup (s, 10);
  return is_date (date) && is_time (s + 11) && !g_str_has_prefix (s + 11, "24");
}

static gboolean
is_zone (const char *s)
{
  /* A name from the system's zone list: never a path, an offset like
   * "+08:00" or a POSIX rule, so daylight saving time is right. */
  return lia_tz_is_known_zone (s);
}

static gboolean
check_string (const LoadContext  *ctx,
              const Path         *path,
              const LiaFieldSpec *spec,
              const char         *s,
              GError            **error)
{
  if (s[0] == '\0')
    {
      if (spec->flags & LIA_SPEC_REQUIRED)
        return fail (error, ctx, path, _("must not be empty"));
      return TRUE;
    }

  switch (spec->check)
    {
    case LIA_CHECK_CHOICE:
      if (!g_strv_contains (spec->choices, s))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) spec->choices);
          return fail (error, ctx, path, _("“%s” is not one of: %s"), s, allowed);
        }
      break;
    case LIA_CHECK_DATE:
      if (!is_date (s))
        return fail (error, ctx, path, _("“%s” is not a date (YYYY-MM-DD)"), s);
      break;
    case LIA_CHECK_TIME:
      if (!is_time (s))
        return fail (error, ctx, path, _("“%s” is not a time of day (HH:MM)"), s);
      break;
    case LIA_CHECK_DATETIME:
      if (!is_datetime (s))
        return fail (error, ctx, path, _("“%s” is not a local date and time (YYYY-MM-DDTHH:MM)"), s);
      break;
    case LIA_CHECK_TIMESTAMP:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, NULL);
        if (dt == NULL)
          return fail (error, ctx, path, _("“%s” is not an ISO 8601 timestamp with a time zone"), s);
      }
      break;
    case LIA_CHECK_ZONE:
      if (!is_zone (s))
        return fail (error, ctx, path, _("“%s” is not a known IANA time zone (like Europe/Berlin)"), s);
      break;
    case LIA_CHECK_WEEKDAYS:
      if (!g_strv_contains (lia_weekday_choices, s))
        return fail (error, ctx, path, _("“%s” is not a weekday (mon, tue, wed, thu, fri, sat, sun)"), s);
      break;
    case LIA_CHECK_NONE:
    case LIA_CHECK_MEMBER_REFS:
    default:
      break;
    }

  return TRUE;
}

static gboolean
read_string (const LoadContext  *ctx,
             const Path         *path,
             const LiaFieldSpec *spec,
             JsonNode           *node,
             const char        **out,
             GError            **error)
{
  const char *s;
  gsize len;

  if (!node_is (node, G_TYPE_STRING))
    return fail (error, ctx, path, _("expected a string, found %s"), node_kind_name (node));

  s = json_node_get_string (node);
  len = strlen (s);
  if (len > LIA_WORKSPACE_MAX_STRING)
    return fail (error, ctx, path, _("the text is too long (%zu bytes; at most %d)"),
                 len, LIA_WORKSPACE_MAX_STRING);

  if (!check_string (ctx, path, spec, s, error))
    return FALSE;

  *out = s;
  return TRUE;
}

static LiaEntity *read_entity (const LoadContext *ctx,
                               const Path        *path,
                               GType              type,
                               JsonNode          *node,
                               GError           **error);

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
      {
        gint64 v;
        double lo = (spec->flags & LIA_SPEC_RANGED) ? spec->min : G_MININT;
        double hi = (spec->flags & LIA_SPEC_RANGED) ? spec->max : G_MAXINT;

        if (!node_is (node, G_TYPE_INT64))
          return fail (error, ctx, path, _("expected a whole number, found %s"), node_kind_name (node));
        v = json_node_get_int (node);
        if (v < lo || v > hi)
          return fail (error, ctx, path, _("must be between %.0f and %.0f (found %lld)"),
                       lo, hi, (long long) v);
        g_value_set_int (slot, (int) v);
      }
      break;

    case LIA_KIND_DOUBLE:
      if (JSON_NODE_HOLDS_NULL (node) && (spec->flags & LIA_SPEC_OPTIONAL))
        g_value_set_double (slot, NAN);
      else if (node_is (node, G_TYPE_INT64) || node_is (node, G_TYPE_DOUBLE))
        g_value_set_double (slot, json_node_get_double (node));
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

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail (error, ctx, path, _("expected an array of strings, found %s"), node_kind_name (node));
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        for (guint i = 0; i < n; i++)
          {
            Path item_path = { path, NULL, i };
            const char *s;

            if (!read_string (ctx, &item_path, spec, json_array_get_element (array, i), &s, error))
              return FALSE;
            if (spec->check == LIA_CHECK_WEEKDAYS || spec->check == LIA_CHECK_MEMBER_REFS)
              for (guint j = 0; j < i; j++)
                if (g_str_equal (s, json_array_get_string_element (array, j)))
                  return fail (error, ctx, &item_path, _("“%s” is listed twice"), s);
            g_strv_builder_add (builder, s);
          }
        g_value_take_boxed (slot, g_strv_builder_end (builder));
      }
      break;

    case LIA_KIND_JSON:
      g_value_set_boxed (slot, JSON_NODE_HOLDS_NULL (node) ? NULL : node);
      break;

    case LIA_KIND_LIST:
      {
        GListStore *store = g_value_get_object (slot);
        JsonArray *array;
        guint n;
        g_autoptr(GPtrArray) items = NULL;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail (error, ctx, path, _("expected an array, found %s"), node_kind_name (node));
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        items = g_ptr_array_new_full (n, g_object_unref);
        for (guint i = 0; i < n; i++)
          {
            Path item_path = { path, NULL, i };
            LiaEntity *item = read_entity (ctx, &item_path, spec->entity_type (),
                                           json_array_get_element (array, i), error);
            if (item == NULL)
              return FALSE;
            g_ptr_array_add (items, item);
          }
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
      int field;

      if (klass->has_id && g_str_equal (key, "id"))
        {
          const char *id;

          if (!node_is (member, G_TYPE_STRING))
            {
              fail (error, ctx, &field_path, _("expected a string, found %s"), node_kind_name (member));
              return NULL;
            }
          id = json_node_get_string (member);
          if (!g_uuid_string_is_valid (id))
            {
              fail (error, ctx, &field_path, _("“%.64s” is not a UUID"), id);
              return NULL;
            }
          if (g_hash_table_contains (ctx->ids, id))
            {
              fail (error, ctx, &field_path, _("the id %s is used twice"), id);
              return NULL;
            }
          lia_entity_set_id (entity, id);
          g_hash_table_insert (ctx->ids, (gpointer) lia_entity_get_id (entity), entity);
          seen_id = TRUE;
          continue;
        }

      if (g_str_equal (key, "remote"))
        {
          if (!JSON_NODE_HOLDS_NULL (member))
            {
              g_autoptr(LiaEntity) remote = read_entity (ctx, &field_path, LIA_TYPE_REMOTE_REF, member, error);
              if (remote == NULL)
                return NULL;
              lia_entity_set_remote (entity, LIA_REMOTE_REF (remote));
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

      if (!read_field (ctx, &field_path, &klass->fields[field], member, entity, field, error))
        return NULL;
      seen |= G_GUINT64_CONSTANT (1) << field;
    }

  if (klass->has_id && !seen_id)
    {
      fail (error, ctx, path, _("the required key “id” is missing"));
      return NULL;
    }

  for (guint i = 0; i < klass->n_fields; i++)
    if ((klass->fields[i].flags & LIA_SPEC_REQUIRED) && !(seen & (G_GUINT64_CONSTANT (1) << i)))
      {
        fail (error, ctx, path, _("the required key “%s” is missing"), klass->json_keys[i]);
        return NULL;
      }

  return g_steal_pointer (&entity);
}

static void
locate (const char *data,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

/* json-glib refuses invalid UTF-8 without saying where; find the spot. */
static gboolean
check_utf8 (const LoadContext *ctx,
            const char        *data,
            gsize              length,
            GError           **error)
{
  const char *end = NULL;
  guint line, column;

  if (g_utf8_validate (data, length, &end))
    return TRUE;

  locate (data, end, &line, &column);
  g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON,
               _("%s: line %u, column %u: the file is not valid UTF-8 text"),
               ctx->display_name, line, column);
  return FALSE;
}

/* json-glib's parser recurses once per nesting level; refuse absurd
 * nesting before it can exhaust the stack.  Brackets inside strings are
 * skipped, so only real structure counts. */
static gboolean
check_depth (const LoadContext *ctx,
             const char        *data,
             gsize              length,
             GError           **error)
{
  /* 1 for the bytes that matter outside strings, 2 inside them. */
  static const guint8 special[256] = {
    ['['] = 1, ['{'] = 1, [']'] = 1, ['}'] = 1, ['"'] = 3, ['\\'] = 2,
  };
  guint depth = 0;
  gsize i = 0;

  while (i < length)
    {
      char c;

      while (i < length && (special[(guchar) data[i]] & 1) == 0)
        i++;
      if (i >= length)
        break;
      c = data[i++];

      if (c == '"')
        {
          /* Skip the string, escapes included. */
          while (i < length)
            {
              while (i < length && (special[(guchar) data[i]] & 2) == 0)
                i++;
              if (i >= length)
                break;
              if (data[i] == '\\')
                i += 2;
              else
                {
                  i++;
                  break;
                }
            }
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > LIA_WORKSPACE_MAX_DEPTH)
            {
              guint line, column;

              locate (data, data + i - 1, &line, &column);
              g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON,
                           _("%s: line %u: nested more than %d levels deep"),
                           ctx->display_name, line, LIA_WORKSPACE_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (depth > 0)
        depth--;
    }

  return TRUE;
}

static gboolean
read_range (const LoadContext *ctx,
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
      LiaEntity *item = read_entity (ctx, &item_path, type, json_array_get_element (array, i), error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }
  return TRUE;
}

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

  job->ok = read_range (&job->ctx, job->path, job->array, job->start, job->end, job->type, job->items, NULL);
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
  job->ctx.display_name = ctx->display_name;
  job->ctx.ids = g_hash_table_new (g_str_hash, g_str_equal);
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

  return read_range (ctx, path, array, 0, n, type, items, error);
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
                     GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) extra = NULL;
  LoadContext ctx = { display_name, NULL };
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
                   _("%s: the file is too large (%zu bytes; at most %d)"),
                   display_name, length, LIA_WORKSPACE_MAX_FILE_SIZE);
      return FALSE;
    }

  if (!check_depth (&ctx, data, length, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      if (!check_utf8 (&ctx, data, length, error))
        return FALSE;

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
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                   _("%s: version: expected a whole number of at least 1"), display_name);
      return FALSE;
    }
  version = json_node_get_int (node);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.ids = ids;
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
          if (!read_string (&ctx, &path, &title_spec, node, &title, error))
            goto failed;
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
          fail (error, &ctx, &path, _("expected an array, found %s"), node_kind_name (node));
          goto failed;
        }
      else
        {
          JsonArray *array = json_node_get_array (node);
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
          GListStore *store = lia_workspace_get_collection (self, collection);

          if (!read_collection (&ctx, &path, array, lia_collections[collection].item_type (), items, error))
            goto failed;
          g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                               items->pdata, items->len);
        }
    }

  /* References are checked once every entity is known. */
  {
    GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (self));

    for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
      {
        g_autoptr(LiaEntity) meeting = g_list_model_get_item (meetings, i);
        const char * const *attendees = lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES);

        for (guint j = 0; attendees[j] != NULL; j++)
          {
            LiaEntity *target = g_hash_table_lookup (ids, attendees[j]);

            if (target == NULL || !LIA_IS_MEMBER (target))
              {
                Path p0 = { NULL, "meetings", 0 };
                Path p1 = { &p0, NULL, i };
                Path p2 = { &p1, "attendees", 0 };
                Path p3 = { &p2, NULL, j };

                fail (error, &ctx, &p3, _("“%.64s” is not the id of a member of this workspace"),
                      attendees[j]);
                goto failed;
              }
          }
      }
  }

  lia_workspace_set_loaded_state (self, title, version, extra);
  release_parser (g_steal_pointer (&parser), length);
  return TRUE;

failed:
  if (version > LIA_WORKSPACE_FORMAT_VERSION && error != NULL && *error != NULL)
    g_prefix_error (error, _("This file was written by a newer version of Liaison (format version %lld). "),
                    (long long) version);
  return FALSE;
}

/* ---- writing ---- */

static void
emit_indent (GString *out,
             guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
emit_string (GString    *out,
             const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double: 0.7, not
 * 0.69999999999999996. */
static void
emit_double (GString *out,
             double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      g_string_append (out, "null");
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
  /* Keep a number that is a double in the model a double in the file. */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
emit_node (GString  *out,
           JsonNode *node,
           guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          emit_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          emit_double (out, json_node_get_double (node));
        }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            emit_indent (out, depth + 1);
            emit_node (out, json_array_get_element (array, i), depth + 1);
          }
        emit_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        gboolean first = TRUE;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            g_string_append (out, first ? "{" : ",");
            first = FALSE;
            emit_indent (out, depth + 1);
            emit_string (out, key);
            g_string_append (out, ": ");
            emit_node (out, member, depth + 1);
          }
        if (first)
          g_string_append (out, "{}");
        else
          {
            emit_indent (out, depth);
            g_string_append_c (out, '}');
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

void
lia_json_append_canonical (GString  *out,
                           JsonNode *node)
{
  emit_node (out, node, 0);
}

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
  emit_indent (out, depth + 1);
  emit_string (out, key);
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
      emit_indent (out, depth + 1);
      emit_entity (out, item, depth + 1);
      g_object_unref (item);
    }
  emit_indent (out, depth);
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
      emit_node (out, member, depth + 1);
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
      emit_string (out, lia_entity_get_id (entity));
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *v = lia_entity_peek_value (entity, i);

      emit_key (out, &first, klass->json_keys[i], depth);
      switch (klass->fields[i].kind)
        {
        case LIA_KIND_STRING:
          emit_string (out, g_value_get_string (v));
          break;
        case LIA_KIND_INT:
          g_string_append_printf (out, "%d", g_value_get_int (v));
          break;
        case LIA_KIND_DOUBLE:
          emit_double (out, g_value_get_double (v));
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
                    emit_indent (out, depth + 2);
                    emit_string (out, strv[j]);
                  }
                emit_indent (out, depth + 1);
                g_string_append_c (out, ']');
              }
          }
          break;
        case LIA_KIND_JSON:
          if (g_value_get_boxed (v) == NULL)
            g_string_append (out, "null");
          else
            emit_node (out, g_value_get_boxed (v), depth + 1);
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

  if (lia_entity_get_remote (entity) != NULL)
    {
      emit_key (out, &first, "remote", depth);
      emit_entity (out, LIA_ENTITY (lia_entity_get_remote (entity)), depth + 1);
    }

  emit_extra (out, &first, lia_entity_get_extra (entity), depth);

  if (first)
    g_string_append (out, "{}");
  else
    {
      emit_indent (out, depth);
      g_string_append_c (out, '}');
    }
}

GString *
lia_workspace_serialize (LiaWorkspace *self)
{
  GString *out = g_string_sized_new (64 * 1024);
  gboolean first = TRUE;

  emit_key (out, &first, "format", 0);
  emit_string (out, LIA_WORKSPACE_FORMAT);
  emit_key (out, &first, "version", 0);
  /* A read-only newer file is never written back; everything we write is
   * in our own format version. */
  g_string_append_printf (out, "%d", LIA_WORKSPACE_FORMAT_VERSION);
  emit_key (out, &first, "title", 0);
  emit_string (out, lia_workspace_get_title (self));

  for (guint i = 0; i < LIA_N_COLLECTIONS; i++)
    {
      emit_key (out, &first, lia_collections[i].key, 0);
      emit_list (out, G_LIST_MODEL (lia_workspace_get_collection (self, i)), 0);
    }

  emit_extra (out, &first, lia_workspace_get_extra (self), 0);
  g_string_append (out, "\n}\n");
  return out;
}
