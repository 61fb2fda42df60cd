/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-merge"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lia-conflict.h"
#include "lia-entity-private.h"
#include "lia-field-check.h"
#include "lia-merge.h"
#include "lia-text-merge.h"
#include "lia-workspace-private.h"

/* A git merge driver's engine.  Entities are matched by id across the
 * whole file, so a teammate's edit is seen as "this field of this
 * requirement", not as lines of JSON.  The result is built in "ours":
 * what "theirs" changed since "base" is carried over, one kind of change
 * at a time (fields, removals, additions, moves, order), and every clash
 * leaves ours as it was plus a Conflict record with the three values.
 *
 * A list is known by the entity that holds it and its key ("pages" at the
 * top level, "children" of a page), so a page moved under another page
 * is a change of list, and a reorder is a change inside one. */

typedef struct
{
  char *parent;  /* id of the entity holding the list; "" at the top level */
  char *key;     /* the list's JSON key */
} ListKey;

typedef struct
{
  LiaEntity     *entity;     /* owned */
  LiaEntity     *owner;      /* the entity holding the list, or NULL */
  int            field;      /* the owner's field, or -1 */
  int            collection; /* the top-level collection, or -1 */
  const ListKey *list;
  const ListKey *orig_list;  /* where it was before the merge (ours only) */
} Place;

typedef struct
{
  LiaWorkspace *ws;
  GHashTable   *places;  /* id → Place */
  GHashTable   *lists;   /* ListKey → GPtrArray of ids, in file order */
  GPtrArray    *order;   /* every id, in file order */
} Side;

typedef struct
{
  Side        base, ours, theirs;
  GHashTable *list_keys;  /* "parent\x1fkey" → ListKey */
  GPtrArray  *conflicts;  /* of LiaConflict */
  GPtrArray  *unindexed; /* of LiaEntity: ours.order and ours.lists still point at their ids */
} Merge;

static void
place_free (gpointer data)
{
  Place *place = data;

  g_object_unref (place->entity);
  g_free (place);
}

static void
list_key_free (gpointer data)
{
  ListKey *lk = data;

  g_free (lk->parent);
  g_free (lk->key);
  g_free (lk);
}

static const ListKey *
intern_list (Merge      *m,
             const char *parent,
             const char *key)
{
  g_autofree char *name = g_strconcat (parent, "\x1f", key, NULL);
  ListKey *lk = g_hash_table_lookup (m->list_keys, name);

  if (lk == NULL)
    {
      lk = g_new0 (ListKey, 1);
      lk->parent = g_strdup (parent);
      lk->key = g_strdup (key);
      g_hash_table_insert (m->list_keys, g_steal_pointer (&name), lk);
    }
  return lk;
}

static const char *
owner_id (LiaEntity *owner)
{
  return owner != NULL ? lia_entity_get_id (owner) : "";
}

static void index_entity (Merge *m, Side *side, LiaEntity *entity, LiaEntity *owner,
                          int field, int collection, const char *key);

static void
index_children (Merge     *m,
                Side      *side,
                LiaEntity *entity)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListModel *list = G_LIST_MODEL (lia_entity_get_list (entity, i));
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(LiaEntity) item = g_list_model_get_item (list, j);
              index_entity (m, side, item, entity, i, -1, klass->json_keys[i]);
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD && lia_entity_get_child (entity, i) != NULL)
        index_entity (m, side, lia_entity_get_child (entity, i), entity, i, -1, klass->json_keys[i]);
    }
}

static void
index_entity (Merge      *m,
              Side       *side,
              LiaEntity  *entity,
              LiaEntity  *owner,
              int         field,
              int         collection,
              const char *key)
{
  Place *place = g_new0 (Place, 1);
  GPtrArray *seq;

  place->entity = g_object_ref (entity);
  place->owner = owner;
  place->field = field;
  place->collection = collection;
  place->list = intern_list (m, owner_id (owner), key);
  place->orig_list = place->list;
  g_hash_table_replace (side->places, (gpointer) lia_entity_get_id (entity), place);
  if (side->order != NULL)
    g_ptr_array_add (side->order, (gpointer) lia_entity_get_id (entity));
  if (side->lists != NULL)
    {
      seq = g_hash_table_lookup (side->lists, place->list);
      if (seq == NULL)
        {
          seq = g_ptr_array_new ();
          g_hash_table_insert (side->lists, (gpointer) place->list, seq);
        }
      g_ptr_array_add (seq, (gpointer) lia_entity_get_id (entity));
    }
  index_children (m, side, entity);
}

static void
side_init (Merge        *m,
           Side         *side,
           LiaWorkspace *ws)
{
  side->ws = ws;
  side->places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, place_free);
  side->lists = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  side->order = g_ptr_array_new ();
  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    {
      GListModel *store = G_LIST_MODEL (lia_workspace_get_collection (ws, c));
      guint n = g_list_model_get_n_items (store);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaEntity) item = g_list_model_get_item (store, i);
          index_entity (m, side, item, NULL, -1, c, lia_collections[c].key);
        }
    }
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->places, g_hash_table_unref);
  g_clear_pointer (&side->lists, g_hash_table_unref);
  g_clear_pointer (&side->order, g_ptr_array_unref);
}

static Place *
find (Side       *side,
      const char *id)
{
  return id != NULL ? g_hash_table_lookup (side->places, id) : NULL;
}

/* ---- values as JSON, for the conflict records ---- */

static JsonNode *
entity_json (LiaEntity *entity)
{
  g_autofree char *data = NULL;

  if (entity == NULL)
    return json_node_new (JSON_NODE_NULL);
  data = lia_entity_to_data (entity);
  return json_from_string (data, NULL);
}

static JsonNode *
field_json (LiaEntity *entity,
            guint      field)
{
  const LiaFieldSpec *spec = lia_entity_get_field_spec (entity, field);
  const GValue *v = lia_entity_peek_value (entity, field);
  JsonNode *node;

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      return json_node_init_string (json_node_alloc (), g_value_get_string (v) ? g_value_get_string (v) : "");
    case LIA_KIND_INT:
      return json_node_init_int (json_node_alloc (), g_value_get_int (v));
    case LIA_KIND_DOUBLE:
      if (isnan (g_value_get_double (v)))
        return json_node_new (JSON_NODE_NULL);
      return json_node_init_double (json_node_alloc (), g_value_get_double (v));
    case LIA_KIND_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (v));
    case LIA_KIND_STRV:
      {
        const char * const *strv = g_value_get_boxed (v);
        JsonArray *array = json_array_new ();

        for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
          json_array_add_string_element (array, strv[i]);
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }
    case LIA_KIND_JSON:
      return g_value_get_boxed (v) ? json_node_copy (g_value_get_boxed (v)) : json_node_new (JSON_NODE_NULL);
    case LIA_KIND_LIST:
    case LIA_KIND_CHILD:
    default:
      g_return_val_if_reached (json_node_new (JSON_NODE_NULL));
    }
}

static JsonNode *
string_json (const char *s)
{
  return s != NULL ? json_node_init_string (json_node_alloc (), s) : json_node_new (JSON_NODE_NULL);
}

static JsonNode *
maybe_copy (JsonNode *node)
{
  return node != NULL ? json_node_copy (node) : json_node_new (JSON_NODE_NULL);
}

static void
add_conflict (Merge         *m,
              const char    *entity,
              const ListKey *list,
              const char    *kind,
              const char    *field,
              JsonNode      *base,
              JsonNode      *ours,
              JsonNode      *theirs)
{
  g_ptr_array_add (m->conflicts,
                   lia_conflict_new (entity, list ? list->key : "", list ? list->parent : "",
                                     kind, field, base, ours, theirs));
  json_node_unref (base);
  json_node_unref (ours);
  json_node_unref (theirs);
}

/* ---- comparing ---- */

/* The entity and everything inside it, ids and order included. */
static gboolean
deep_equal (LiaEntity *a,
            LiaEntity *b)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (a);

  if (a == NULL || b == NULL)
    return a == b;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
      g_strcmp0 (lia_entity_get_id (a), lia_entity_get_id (b)) != 0 || !lia_entity_own_fields_equal (a, b, LIA_EQUAL_BY_VALUE))
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListModel *la = G_LIST_MODEL (lia_entity_get_list (a, i));
          GListModel *lb = G_LIST_MODEL (lia_entity_get_list (b, i));
          guint n = g_list_model_get_n_items (la);

          if (n != g_list_model_get_n_items (lb))
            return FALSE;
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(LiaEntity) x = g_list_model_get_item (la, j);
              g_autoptr(LiaEntity) y = g_list_model_get_item (lb, j);

              if (!deep_equal (x, y))
                return FALSE;
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD &&
               !deep_equal (lia_entity_get_child (a, i), lia_entity_get_child (b, i)))
        return FALSE;
    }
  return TRUE;
}

/* ---- fields ---- */

/* Texts of several lines (bodies, minutes, descriptions) merge by lines;
 * a one-line value is one value. */
static gboolean
is_multiline (LiaEntity *b,
              LiaEntity *o,
              LiaEntity *t,
              guint      i)
{
  LiaEntity *sides[] = { b, o, t };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      const char *text = lia_entity_get_string (sides[s], i);

      if (text != NULL && strchr (text, '\n') != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
merge_field (Merge     *m,
             Place     *op,
             LiaEntity *b,
             LiaEntity *t,
             guint      i)
{
  LiaEntity *o = op->entity;
  const LiaFieldSpec *spec = lia_entity_get_field_spec (o, i);
  const GValue *vt = lia_entity_peek_value (t, i);
  const char *key = LIA_ENTITY_GET_CLASS (o)->json_keys[i];

  if (b != NULL && lia_entity_value_equal (b, i, vt))
    return;  /* theirs kept it */
  if (lia_entity_value_equal (o, i, vt))
    return;  /* the same change, or both added alike */
  if (b != NULL && lia_entity_value_equal (b, i, lia_entity_peek_value (o, i)))
    {
      lia_entity_set_value (o, i, vt);
      return;
    }
  if (b != NULL && spec->kind == LIA_KIND_STRING && is_multiline (b, o, t, i))
    {
      g_autofree char *merged = lia_text_merge3 (lia_entity_get_string (b, i),
                                                 lia_entity_get_string (o, i),
                                                 lia_entity_get_string (t, i));

      if (merged != NULL && lia_entity_check_string (o, i, merged, NULL))
        {
          lia_entity_set_string (o, i, merged);
          return;
        }
      add_conflict (m, lia_entity_get_id (o), op->list, "text", key,
                    field_json (b, i), field_json (o, i), field_json (t, i));
      return;
    }
  add_conflict (m, lia_entity_get_id (o), op->list, "field", key,
                b ? field_json (b, i) : json_node_new (JSON_NODE_NULL),
                field_json (o, i), field_json (t, i));
}

static JsonNode *
remote_json (LiaEntity *entity)
{
  LiaRemoteRef *remote = entity ? lia_entity_get_remote (entity) : NULL;

  return entity_json (remote ? LIA_ENTITY (remote) : NULL);
}

/* Three-way choice of one JSON value (an unknown key, a remote link):
 * returns the value to keep in @result_out, or FALSE for a clash. */
static gboolean
choose3 (JsonNode  *b,
         JsonNode  *o,
         JsonNode  *t,
         JsonNode **result_out)
{
#define SAME(x, y) (((x) == NULL && (y) == NULL) || ((x) != NULL && (y) != NULL && json_node_equal ((x), (y))))
  if (SAME (b, t) || SAME (o, t))
    *result_out = o;
  else if (SAME (b, o))
    *result_out = t;
  else
    return FALSE;
  return TRUE;
#undef SAME
}

static void
merge_extra (Merge         *m,
             const char    *id,
             const ListKey *list,
             JsonObject    *b,
             JsonObject    *o,
             JsonObject    *t)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  JsonObject *sides[] = { o, t, b };

  /* Every key any side has, ours first, in the order they were read. */
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *node;

      if (sides[s] == NULL)
        continue;
      json_object_iter_init_ordered (&iter, sides[s]);
      while (json_object_iter_next_ordered (&iter, &key, &node))
        if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
          g_ptr_array_add (keys, (gpointer) key);
    }

  for (guint k = 0; k < keys->len; k++)
    {
      g_autofree char *key = g_strdup (g_ptr_array_index (keys, k));
      JsonNode *vb = b && json_object_has_member (b, key) ? json_object_get_member (b, key) : NULL;
      JsonNode *vo = json_object_has_member (o, key) ? json_object_get_member (o, key) : NULL;
      JsonNode *vt = json_object_has_member (t, key) ? json_object_get_member (t, key) : NULL;
      JsonNode *keep;

      if (!choose3 (vb, vo, vt, &keep))
        add_conflict (m, id, list, "field", key, maybe_copy (vb), maybe_copy (vo), maybe_copy (vt));
      else if (keep == vt && vt != vo)
        {
          if (vt == NULL)
            json_object_remove_member (o, key);
          else
            json_object_set_member (o, key, json_node_copy (vt));
        }
    }
}

static void
merge_fields (Merge     *m,
              LiaEntity *b,
              Place     *op,
              LiaEntity *t)
{
  LiaEntity *o = op->entity;
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (o);

  if (b != NULL && lia_entity_own_fields_equal (b, t, LIA_EQUAL_BY_VALUE))
    return;  /* theirs changed nothing of its own here */

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind != LIA_KIND_LIST && klass->fields[i].kind != LIA_KIND_CHILD)
      merge_field (m, op, b, t, i);

  if (!(b ? lia_entity_remote_equal (b, t, LIA_EQUAL_BY_VALUE) : FALSE) &&
      !lia_entity_remote_equal (o, t, LIA_EQUAL_BY_VALUE))
    {
      if (b != NULL && lia_entity_remote_equal (b, o, LIA_EQUAL_BY_VALUE))
        {
          LiaRemoteRef *remote = lia_entity_get_remote (t);
          g_autoptr(LiaEntity) copy = remote ? lia_entity_copy (LIA_ENTITY (remote), FALSE) : NULL;

          lia_entity_set_remote (o, LIA_REMOTE_REF (copy));
        }
      else
        add_conflict (m, lia_entity_get_id (o), op->list, "field", "remote",
                      remote_json (b), remote_json (o), remote_json (t));
    }

  merge_extra (m, lia_entity_get_id (o), op->list, b ? lia_entity_get_extra (b) : NULL,
               lia_entity_get_extra (o), lia_entity_get_extra (t));
}

/* ---- lists of the result (ours) ---- */

static int
find_collection (const char *key)
{
  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    if (g_str_equal (lia_collections[c].key, key))
      return c;
  return -1;
}

/* Where a list named by @list is in the result: its store (NULL for a
 * single child), the owner and field.  FALSE when the owner is gone. */
static gboolean
result_list (Merge         *m,
             const ListKey *list,
             GListStore   **store,
             LiaEntity    **owner,
             int           *field,
             int           *collection)
{
  *store = NULL;
  *owner = NULL;
  *field = -1;
  *collection = -1;
  if (list->parent[0] == '\0')
    {
      *collection = find_collection (list->key);
      if (*collection < 0)
        return FALSE;
      *store = lia_workspace_get_collection (m->ours.ws, *collection);
      return TRUE;
    }
  else
    {
      Place *p = find (&m->ours, list->parent);

      const LiaFieldSpec *spec;

      if (p == NULL || (*field = lia_entity_class_find_json_key (LIA_ENTITY_GET_CLASS (p->entity), list->key)) < 0)
        return FALSE;
      spec = lia_entity_get_field_spec (p->entity, *field);
      if (spec->kind != LIA_KIND_LIST && spec->kind != LIA_KIND_CHILD)
        return FALSE;
      *owner = p->entity;
      if (spec->kind == LIA_KIND_LIST)
        *store = lia_entity_get_list (p->entity, *field);
      return TRUE;
    }
}

static GListStore *
place_store (Merge *m,
             Place *place)
{
  if (place->owner == NULL)
    return lia_workspace_get_collection (m->ours.ws, place->collection);
  if (lia_entity_get_field_spec (place->owner, place->field)->kind == LIA_KIND_LIST)
    return lia_entity_get_list (place->owner, place->field);
  return NULL;
}

static void
unindex (Merge     *m,
         LiaEntity *entity)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListModel *list = G_LIST_MODEL (lia_entity_get_list (entity, i));

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr(LiaEntity) item = g_list_model_get_item (list, j);
              unindex (m, item);
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD && lia_entity_get_child (entity, i))
        unindex (m, lia_entity_get_child (entity, i));
    }
  g_ptr_array_add (m->unindexed, g_object_ref (entity));
  g_hash_table_remove (m->ours.places, lia_entity_get_id (entity));
}

/* Takes the entity out of its list in the result; it stays indexed. */
static void
detach (Merge *m,
        Place *place)
{
  GListStore *store = place_store (m, place);
  guint pos;

  if (store == NULL)
    lia_entity_set_child (place->owner, place->field, NULL);
  else if (g_list_store_find (store, place->entity, &pos))
    g_list_store_remove (store, pos);
}

/* The position after the nearest item before @id in @seq (their or
 * base order of the list) that the result has in the same list. */
static guint
position_after_predecessor (Merge         *m,
                            GPtrArray     *seq,
                            const char    *id,
                            const ListKey *list,
                            GListStore    *store)
{
  guint at;

  if (seq == NULL || !g_ptr_array_find_with_equal_func (seq, id, g_str_equal, &at))
    return g_list_model_get_n_items (G_LIST_MODEL (store));
  while (at-- > 0)
    {
      Place *p = find (&m->ours, g_ptr_array_index (seq, at));
      guint pos;

      if (p != NULL && p->list == list && g_list_store_find (store, p->entity, &pos))
        return pos + 1;
    }
  return 0;
}

/* Whether @entity may go into that list: ids are matched across files,
 * and a hand-edited file could give one id to a step here and a page
 * there. */
static gboolean
fits (LiaEntity  *entity,
      GListStore *store,
      LiaEntity  *owner,
      int         field)
{
  if (store != NULL)
    return g_type_is_a (G_OBJECT_TYPE (entity), g_list_model_get_item_type (G_LIST_MODEL (store)));
  return g_type_is_a (G_OBJECT_TYPE (entity), lia_entity_get_field_spec (owner, field)->entity_type ());
}

static void
attach (Merge         *m,
        Place         *place,
        const ListKey *list,
        GListStore    *store,
        LiaEntity     *owner,
        int            field,
        int            collection,
        GPtrArray     *seq)
{
  const char *id = lia_entity_get_id (place->entity);

  place->owner = owner;
  place->field = field;
  place->collection = collection;
  place->list = list;
  if (store == NULL)
    lia_entity_set_child (owner, field, place->entity);
  else
    g_list_store_insert (store, position_after_predecessor (m, seq, id, list, store), place->entity);
}

/* A copy of their new entity without what the result already holds
 * (entities they moved into it: the move step puts those in). */
static void
strip_known (Merge     *m,
             LiaEntity *entity)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListStore *list = lia_entity_get_list (entity, i);

          for (guint j = g_list_model_get_n_items (G_LIST_MODEL (list)); j-- > 0;)
            {
              g_autoptr(LiaEntity) item = g_list_model_get_item (G_LIST_MODEL (list), j);
              const char *id = lia_entity_get_id (item);

              if (find (&m->ours, id) || find (&m->base, id))
                g_list_store_remove (list, j);
              else
                strip_known (m, item);
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD && lia_entity_get_child (entity, i))
        {
          LiaEntity *child = lia_entity_get_child (entity, i);

          if (find (&m->ours, lia_entity_get_id (child)) || find (&m->base, lia_entity_get_id (child)))
            lia_entity_set_child (entity, i, NULL);
          else
            strip_known (m, child);
        }
    }
}

static void
insert_copy (Merge         *m,
             LiaEntity     *source,
             const ListKey *list,
             GPtrArray     *seq)
{
  g_autoptr(LiaEntity) copy = lia_entity_copy (source, FALSE);
  GListStore *store;
  LiaEntity *owner;
  int field, collection;
  Place *place;

  if (!result_list (m, list, &store, &owner, &field, &collection) || !fits (source, store, owner, field))
    return;  /* the list's owner is gone: that removal is recorded */
  if (store == NULL && lia_entity_get_child (owner, field) != NULL)
    {
      /* Both added a different one (a meeting's evaluation). */
      add_conflict (m, lia_entity_get_id (owner), find (&m->ours, lia_entity_get_id (owner))->list,
                    "field", list->key, json_node_new (JSON_NODE_NULL),
                    entity_json (lia_entity_get_child (owner, field)), entity_json (source));
      return;
    }
  strip_known (m, copy);
  index_entity (m, &m->ours, copy, owner, field, collection, list->key);
  place = find (&m->ours, lia_entity_get_id (copy));
  place->orig_list = NULL;
  attach (m, place, list, store, owner, field, collection, seq);
}

static gboolean
is_added_by (Side       *side,
             Merge      *m,
             const char *id)
{
  return id[0] != '\0' && find (side, id) != NULL && find (&m->base, id) == NULL;
}

/* ---- the steps ---- */

static void
merge_all_fields (Merge *m)
{
  for (guint i = 0; i < m->theirs.order->len; i++)
    {
      const char *id = g_ptr_array_index (m->theirs.order, i);
      Place *op = find (&m->ours, id), *bp = find (&m->base, id);

      if (op != NULL && G_OBJECT_TYPE (op->entity) == G_OBJECT_TYPE (find (&m->theirs, id)->entity))
        merge_fields (m, bp ? bp->entity : NULL, op, find (&m->theirs, id)->entity);
    }
}

/* Removed by us: gone, unless they changed it (then it is a conflict and
 * stays gone until someone chooses).  Only the topmost removed entity is
 * looked at; its children went with it. */
static void
merge_our_removals (Merge *m)
{
  for (guint i = 0; i < m->base.order->len; i++)
    {
      const char *id = g_ptr_array_index (m->base.order, i);
      Place *bp = find (&m->base, id), *tp = find (&m->theirs, id);

      if (find (&m->ours, id) != NULL || (bp->list->parent[0] && !find (&m->ours, bp->list->parent)))
        continue;
      if (tp != NULL && !deep_equal (bp->entity, tp->entity))
        add_conflict (m, id, bp->list, "edit-delete", "", entity_json (bp->entity),
                      json_node_new (JSON_NODE_NULL), entity_json (tp->entity));
    }
}

/* The next item of @list from *@index on that they do not have (what
 * would go with a removal), or NULL. */
static LiaEntity *
next_not_theirs (Merge      *m,
                 GListModel *list,
                 guint       n,
                 guint      *index)
{
  while (*index < n)
    {
      LiaEntity *item = g_list_model_get_item (list, (*index)++);

      if (find (&m->theirs, lia_entity_get_id (item)) == NULL)
        return item;
      g_object_unref (item);
    }
  return NULL;
}

/* Whether removing @b (as they did) loses nothing of ours: the entity
 * and what would go with it are as in the base.  What they moved out of
 * it before removing it survives elsewhere and is not looked at. */
static gboolean
removal_untouched (Merge     *m,
                   LiaEntity *b,
                   LiaEntity *o)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (b);

  if (G_OBJECT_TYPE (b) != G_OBJECT_TYPE (o) || !lia_entity_own_fields_equal (b, o, LIA_EQUAL_BY_VALUE))
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListModel *lb = G_LIST_MODEL (lia_entity_get_list (b, i));
          GListModel *lo = G_LIST_MODEL (lia_entity_get_list (o, i));
          guint nb = g_list_model_get_n_items (lb), no = g_list_model_get_n_items (lo);
          guint ib = 0, io = 0;

          for (;;)
            {
              g_autoptr(LiaEntity) x = next_not_theirs (m, lb, nb, &ib);
              g_autoptr(LiaEntity) y = next_not_theirs (m, lo, no, &io);

              if (x == NULL || y == NULL)
                {
                  if (x != NULL || y != NULL)
                    return FALSE;
                  break;
                }
              if (g_strcmp0 (lia_entity_get_id (x), lia_entity_get_id (y)) != 0 ||
                  !removal_untouched (m, x, y))
                return FALSE;
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD)
        {
          LiaEntity *x = lia_entity_get_child (b, i), *y = lia_entity_get_child (o, i);

          if (x != NULL && find (&m->theirs, lia_entity_get_id (x)) != NULL)
            x = NULL;
          if (y != NULL && find (&m->theirs, lia_entity_get_id (y)) != NULL)
            y = NULL;
          if ((x == NULL) != (y == NULL) || (x != NULL && !removal_untouched (m, x, y)))
            return FALSE;
        }
    }
  return TRUE;
}

/* Removed by them: decided on our side as it was before anything of
 * theirs came in (their edits to what they then moved out and kept must
 * not read as ours), carried out after their moves, so what they moved
 * out of it first is not lost with it. */
static GPtrArray *
decide_their_removals (Merge *m)
{
  GPtrArray *remove = g_ptr_array_new ();

  for (guint i = 0; i < m->base.order->len; i++)
    {
      const char *id = g_ptr_array_index (m->base.order, i);
      Place *bp = find (&m->base, id), *op = find (&m->ours, id);

      if (op == NULL || find (&m->theirs, id) != NULL ||
          (bp->list->parent[0] && !find (&m->theirs, bp->list->parent)))
        continue;
      if (removal_untouched (m, bp->entity, op->entity))
        g_ptr_array_add (remove, (gpointer) id);
      else
        add_conflict (m, id, op->list, "edit-delete", "", entity_json (bp->entity),
                      entity_json (op->entity), json_node_new (JSON_NODE_NULL));
    }
  return remove;
}

typedef struct
{
  Merge     *m;
  LiaEntity *top;
  gboolean   found;
} KeptWalk;

static void
find_kept_inside (LiaEntity *entity,
                  gpointer   data)
{
  KeptWalk *walk = data;

  if (entity != walk->top && LIA_ENTITY_GET_CLASS (entity)->has_id &&
      find (&walk->m->theirs, lia_entity_get_id (entity)) != NULL)
    walk->found = TRUE;
}

static void
merge_their_removals (Merge     *m,
                      GPtrArray *remove)
{
  for (guint i = 0; i < remove->len; i++)
    {
      const char *id = g_ptr_array_index (remove, i);
      Place *op = find (&m->ours, id);
      g_autoptr(LiaEntity) keep = NULL;
      KeptWalk walk = { m, NULL, FALSE };

      if (op == NULL)
        continue;
      /* Something they keep is still inside it (we moved it in): removing
       * it would lose that too. */
      walk.top = op->entity;
      lia_entity_foreach (op->entity, find_kept_inside, &walk);
      if (walk.found)
        {
          add_conflict (m, id, op->list, "edit-delete", "", entity_json (find (&m->base, id)->entity),
                        entity_json (op->entity), json_node_new (JSON_NODE_NULL));
          continue;
        }
      keep = g_object_ref (op->entity);
      detach (m, op);
      unindex (m, keep);
    }
}

static void
merge_their_additions (Merge *m)
{
  for (guint i = 0; i < m->theirs.order->len; i++)
    {
      const char *id = g_ptr_array_index (m->theirs.order, i);
      Place *tp = find (&m->theirs, id);

      if (find (&m->base, id) != NULL || find (&m->ours, id) != NULL)
        continue;
      /* Inside an entity they added too: it comes with it. */
      if (is_added_by (&m->theirs, m, tp->list->parent) && !find (&m->ours, tp->list->parent))
        continue;
      insert_copy (m, tp->entity, tp->list, g_hash_table_lookup (m->theirs.lists, tp->list));
    }
}

static gboolean
is_inside (Merge      *m,
           const char *id,
           LiaEntity  *ancestor)
{
  for (Place *p = find (&m->ours, id); p != NULL; p = find (&m->ours, p->list->parent))
    if (p->entity == ancestor)
      return TRUE;
  return FALSE;
}

static JsonNode *
parent_json (const ListKey *list)
{
  return string_json (list ? list->parent : NULL);
}

static void
merge_their_moves (Merge *m)
{
  for (guint i = 0; i < m->theirs.order->len; i++)
    {
      const char *id = g_ptr_array_index (m->theirs.order, i);
      Place *tp = find (&m->theirs, id), *bp = find (&m->base, id), *op = find (&m->ours, id);
      GListStore *store;
      LiaEntity *owner;
      int field, collection;

      if (bp == NULL || op == NULL || tp->list == bp->list || op->orig_list == tp->list ||
          G_OBJECT_TYPE (op->entity) != G_OBJECT_TYPE (tp->entity))
        continue;
      if (op->orig_list != bp->list)
        {
          add_conflict (m, id, op->list, "move", "", parent_json (bp->list),
                        parent_json (op->list), parent_json (tp->list));
          continue;
        }
      if (!result_list (m, tp->list, &store, &owner, &field, &collection) || store == NULL ||
          place_store (m, op) == NULL || !fits (op->entity, store, owner, field))
        continue;  /* the new owner is gone (recorded), or a single child */
      if (owner != NULL && is_inside (m, lia_entity_get_id (owner), op->entity))
        {
          add_conflict (m, id, op->list, "cycle", "", parent_json (bp->list),
                        parent_json (op->list), parent_json (tp->list));
          continue;
        }
      {
        /* Held while it is out of every list. */
        G_GNUC_UNUSED g_autoptr(LiaEntity) keep = g_object_ref (op->entity);

        detach (m, op);
        attach (m, op, tp->list, store, owner, field, collection,
                g_hash_table_lookup (m->theirs.lists, tp->list));
      }
    }
}

/* The items of @seq that the other side has in the same list, by id. */
static GPtrArray *
common_items (GPtrArray     *seq,
              Side          *other,
              const ListKey *list,
              gboolean       orig)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < seq->len; i++)
    {
      Place *p = find (other, g_ptr_array_index (seq, i));

      if (p != NULL && (orig ? p->orig_list : p->list) == list)
        g_ptr_array_add (out, g_ptr_array_index (seq, i));
    }
  return out;
}

/* Which items of @to are out of the order they had in @from: those not
 * on a longest increasing run of their old positions (ids are unique,
 * so this is the longest common subsequence, in O(n log n)). */
static GHashTable *
moved_items (GPtrArray *from,
             GPtrArray *to)
{
  g_autoptr(GHashTable) old_pos = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *pos = g_new (guint, to->len + 1);
  g_autofree guint *tails = g_new (guint, to->len + 1);   /* index in @to of each run's end */
  g_autofree int *prev = g_new (int, to->len + 1);
  g_autofree gboolean *kept = g_new0 (gboolean, to->len + 1);
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  guint runs = 0;

  for (guint i = 0; i < from->len; i++)
    g_hash_table_insert (old_pos, g_ptr_array_index (from, i), GUINT_TO_POINTER (i));
  for (guint i = 0; i < to->len; i++)
    {
      guint lo = 0, hi = runs;

      pos[i] = GPOINTER_TO_UINT (g_hash_table_lookup (old_pos, g_ptr_array_index (to, i)));
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (pos[tails[mid]] < pos[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == runs)
        runs++;
    }
  for (int i = runs > 0 ? (int) tails[runs - 1] : -1; i >= 0; i = prev[i])
    kept[i] = TRUE;
  for (guint i = 0; i < to->len; i++)
    if (!kept[i])
      g_hash_table_add (moved, g_ptr_array_index (to, i));
  return moved;
}

static gboolean
same_order (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static void reorder_like_theirs (Merge *m, GListStore *store, const ListKey *list, GPtrArray *tseq,
                                 GPtrArray *oseq, GHashTable *their_moves, GHashTable *our_moves);

/* Our list as it was read, without what the merge has taken out of it
 * since: their removals leave our ids in @oseq, and one of those ids may
 * be back, moved in by them, as another entity (the same id, another
 * string), which must not count as ours in this list. */
static GPtrArray *
still_ours (Merge     *m,
            GPtrArray *oseq)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < oseq->len; i++)
    {
      const char *id = g_ptr_array_index (oseq, i);
      Place *p = find (&m->ours, id);

      if (p != NULL && lia_entity_get_id (p->entity) == id)
        g_ptr_array_add (out, (gpointer) id);
    }
  return out;
}

static void
merge_their_order (Merge *m)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, m->theirs.lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const ListKey *list = key;
      GPtrArray *tseq = value, *bseq = g_hash_table_lookup (m->base.lists, list);
      GPtrArray *read = g_hash_table_lookup (m->ours.lists, list);
      g_autoptr(GPtrArray) oseq = read != NULL ? still_ours (m, read) : NULL;
      g_autoptr(GPtrArray) b_common = NULL, t_common = NULL;
      g_autoptr(GHashTable) their_moves = NULL, our_moves = NULL;
      GListStore *store;
      LiaEntity *owner;
      int field, collection;

      if (bseq == NULL || tseq->len < 2)
        continue;
      b_common = common_items (bseq, &m->theirs, list, FALSE);
      t_common = common_items (tseq, &m->base, list, FALSE);
      if (same_order (b_common, t_common))
        continue;
      if (!result_list (m, list, &store, &owner, &field, &collection) || store == NULL)
        continue;

      their_moves = moved_items (b_common, t_common);
      if (oseq != NULL)
        {
          g_autoptr(GPtrArray) b_ours = common_items (bseq, &m->ours, list, TRUE);
          g_autoptr(GPtrArray) o_common = common_items (oseq, &m->base, list, FALSE);

          our_moves = moved_items (b_ours, o_common);
        }

      reorder_like_theirs (m, store, list, tseq, oseq, their_moves, our_moves);
    }
}

static gboolean
id_in (GPtrArray  *ids,
       const char *id,
       guint      *index)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, index);
}

/* Their order of a list they reordered: their sequence of what the
 * result holds, each item only we have (we added it, or moved it in)
 * after the item before it in our list, then the items only we moved
 * (and they did not) back after their predecessor in our order. */
static void
reorder_like_theirs (Merge         *m,
                     GListStore    *store,
                     const ListKey *list,
                     GPtrArray     *tseq,
                     GPtrArray     *oseq,
                     GHashTable    *their_moves,
                     GHashTable    *our_moves)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  g_autoptr(GPtrArray) target = g_ptr_array_new ();
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_ptr_array_add (current, (gpointer) lia_entity_get_id (item));
    }
  for (guint i = 0; i < tseq->len; i++)
    {
      Place *p = find (&m->ours, g_ptr_array_index (tseq, i));

      if (p != NULL && p->list == list && !g_hash_table_contains (placed, g_ptr_array_index (tseq, i)))
        {
          g_ptr_array_add (target, g_ptr_array_index (tseq, i));
          g_hash_table_add (placed, g_ptr_array_index (tseq, i));
        }
    }
  /* Only ours: after the nearest item before it in our list. */
  for (guint i = 0; i < current->len; i++)
    {
      const char *id = g_ptr_array_index (current, i);
      guint at = 0, k;

      if (g_hash_table_contains (placed, id))
        continue;
      for (guint j = i; j-- > 0;)
        if (id_in (target, g_ptr_array_index (current, j), &k))
          {
            at = k + 1;
            break;
          }
      g_ptr_array_insert (target, at, (gpointer) id);
      g_hash_table_add (placed, (gpointer) id);
    }
  /* Our own moves in a list they reordered too. */
  for (guint i = 0; our_moves != NULL && oseq != NULL && i < oseq->len; i++)
    {
      const char *id = g_ptr_array_index (oseq, i);
      guint from, at = 0, k;

      if (!g_hash_table_contains (our_moves, id) || g_hash_table_contains (their_moves, id) ||
          !id_in (target, id, &from))
        continue;
      g_ptr_array_remove_index (target, from);
      for (guint j = i; j-- > 0;)
        if (id_in (target, g_ptr_array_index (oseq, j), &k))
          {
            at = k + 1;
            break;
          }
      g_ptr_array_insert (target, at, (gpointer) id);
    }

  g_return_if_fail (target->len == n);
  for (guint i = 0; i < target->len; i++)
    g_ptr_array_add (items, g_object_ref (find (&m->ours, g_ptr_array_index (target, i))->entity));
  g_list_store_splice (store, 0, n, items->pdata, items->len);
}

/* A member one side removed while the other side's change still names
 * them (a meeting's attendee) is put back, so no reference dangles, and
 * recorded for a person to decide. */
typedef struct
{
  Merge     *m;
  GPtrArray *missing;
} RefWalk;

static void
collect_missing_refs (LiaEntity *entity,
                      gpointer   data)
{
  RefWalk *walk = data;
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char * const *ids;

      if (klass->fields[i].kind != LIA_KIND_STRV || !lia_field_spec_is_reference (&klass->fields[i]))
        continue;
      ids = lia_entity_get_strv (entity, i);
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        if (find (&walk->m->ours, ids[j]) == NULL &&
            !g_ptr_array_find_with_equal_func (walk->missing, ids[j], g_str_equal, NULL))
          g_ptr_array_add (walk->missing, g_strdup (ids[j]));
    }
}

static void
restore_referenced (Merge *m)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  RefWalk walk = { m, missing };

  lia_workspace_foreach_entity (m->ours.ws, collect_missing_refs, &walk);
  for (guint i = 0; i < missing->len; i++)
    {
      const char *id = g_ptr_array_index (missing, i);
      Place *tp = find (&m->theirs, id), *bp = find (&m->base, id);
      Side *from = tp ? &m->theirs : &m->base;
      Place *source = tp ? tp : bp;

      if (source == NULL)
        continue;  /* nobody has it: the final check names it */
      insert_copy (m, source->entity, source->list, g_hash_table_lookup (from->lists, source->list));
      if (tp != NULL)  /* we removed it; their change names it */
        add_conflict (m, id, source->list, "edit-delete", "", entity_json (bp ? bp->entity : NULL),
                      json_node_new (JSON_NODE_NULL), entity_json (tp->entity));
      else  /* they removed it; our change names it */
        add_conflict (m, id, source->list, "edit-delete", "", entity_json (bp->entity),
                      entity_json (bp->entity), json_node_new (JSON_NODE_NULL));
    }
}

static void
merge_workspace_fields (Merge *m)
{
  const char *b = lia_workspace_get_title (m->base.ws);
  const char *o = lia_workspace_get_title (m->ours.ws);
  const char *t = lia_workspace_get_title (m->theirs.ws);

  if (g_strcmp0 (b, t) != 0 && g_strcmp0 (o, t) != 0)
    {
      if (g_strcmp0 (b, o) == 0)
        lia_workspace_set_title (m->ours.ws, t);
      else
        add_conflict (m, "", NULL, "field", "title", string_json (b), string_json (o), string_json (t));
    }
  merge_extra (m, "", NULL, lia_workspace_get_extra (m->base.ws), lia_workspace_get_extra (m->ours.ws),
               lia_workspace_get_extra (m->theirs.ws));
}

gboolean
lia_workspace_merge (LiaWorkspace  *ours,
                     LiaWorkspace  *base,
                     LiaWorkspace  *theirs,
                     guint         *n_conflicts,
                     GError       **error)
{
  Merge m = { 0 };
  g_autoptr(GPtrArray) their_removals = NULL;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_WORKSPACE (ours), FALSE);
  g_return_val_if_fail (LIA_IS_WORKSPACE (base), FALSE);
  g_return_val_if_fail (LIA_IS_WORKSPACE (theirs), FALSE);

  m.list_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_key_free);
  m.conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  m.unindexed = g_ptr_array_new_with_free_func (g_object_unref);
  side_init (&m, &m.base, base);
  side_init (&m, &m.ours, ours);
  side_init (&m, &m.theirs, theirs);

  their_removals = decide_their_removals (&m);
  merge_workspace_fields (&m);
  merge_all_fields (&m);
  merge_our_removals (&m);
  merge_their_additions (&m);
  merge_their_moves (&m);
  merge_their_removals (&m, their_removals);
  merge_their_order (&m);
  restore_referenced (&m);

  if (m.conflicts->len > 0)
    g_list_store_splice (lia_workspace_get_conflicts (ours),
                         g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (ours))),
                         0, m.conflicts->pdata, m.conflicts->len);
  if (n_conflicts != NULL)
    *n_conflicts = m.conflicts->len;

  side_clear (&m.base);
  side_clear (&m.ours);
  side_clear (&m.theirs);
  g_ptr_array_unref (m.conflicts);
  g_ptr_array_unref (m.unindexed);
  g_hash_table_unref (m.list_keys);

  ok = lia_workspace_check (ours, error);
  if (ok)
    lia_workspace_mark_modified (ours);
  return ok;
}
