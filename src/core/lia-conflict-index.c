/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-conflict-index"

#include "config.h"

#include "lia-conflict-index.h"
#include "lia-model.h"

/* Views mark every row whose entity a merge left in conflict, and a big
 * workspace has thousands of rows: asking lia_workspace_has_conflict ()
 * per row walks every conflict each time.  The index reads the conflicts
 * once per change of the collection into hash tables, then answers each
 * row in constant time; "changed" tells the rows to look again. */

struct _LiaConflictIndex
{
  GObject     parent_instance;

  GListModel *conflicts;
  GHashTable *ids;        /* entity id → set of JSON keys ("" for the entity as a whole) */
  GHashTable *parents;    /* ids of entities whose lists hold a conflicted entity */
};

G_DEFINE_FINAL_TYPE (LiaConflictIndex, lia_conflict_index, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GHashTable *
conflicted_ids (GListModel *conflicts,
                GHashTable *parents)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  guint n = g_list_model_get_n_items (conflicts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) conflict = g_list_model_get_item (conflicts, i);
      const char *id = lia_entity_get_string (conflict, LIA_CONFLICT_ENTITY);
      const char *field = lia_entity_get_string (conflict, LIA_CONFLICT_FIELD);
      const char *parent = lia_entity_get_string (conflict, LIA_CONFLICT_PARENT);
      GHashTable *fields;

      if (id == NULL || id[0] == '\0')
        continue;
      if ((fields = g_hash_table_lookup (ids, id)) == NULL)
        {
          fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (ids, g_strdup (id), fields);
        }
      g_hash_table_add (fields, g_strdup (field ? field : ""));
      if (parents != NULL && parent != NULL && parent[0] != '\0')
        g_hash_table_add (parents, g_strdup (parent));
    }
  return ids;
}

static void
conflicts_changed_cb (LiaConflictIndex *self)
{
  g_hash_table_remove_all (self->parents);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  self->ids = conflicted_ids (self->conflicts, self->parents);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
lia_conflict_index_dispose (GObject *object)
{
  LiaConflictIndex *self = LIA_CONFLICT_INDEX (object);

  if (self->conflicts != NULL)
    g_signal_handlers_disconnect_by_data (self->conflicts, self);
  g_clear_object (&self->conflicts);
  G_OBJECT_CLASS (lia_conflict_index_parent_class)->dispose (object);
}

static void
lia_conflict_index_finalize (GObject *object)
{
  LiaConflictIndex *self = LIA_CONFLICT_INDEX (object);

  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  G_OBJECT_CLASS (lia_conflict_index_parent_class)->finalize (object);
}

static void
lia_conflict_index_class_init (LiaConflictIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_conflict_index_dispose;
  object_class->finalize = lia_conflict_index_finalize;

  /* After the index took in a change of the conflicts: what it answers
   * may differ now. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lia_conflict_index_init (LiaConflictIndex *self)
{
  self->parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * lia_conflict_index_new:
 * @conflicts: a list of #LiaConflict (a workspace's conflicts)
 *
 * Returns: (transfer full): an index that follows @conflicts
 */
LiaConflictIndex *
lia_conflict_index_new (GListModel *conflicts)
{
  LiaConflictIndex *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (conflicts), NULL);

  self = g_object_new (LIA_TYPE_CONFLICT_INDEX, NULL);
  self->conflicts = g_object_ref (conflicts);
  self->ids = conflicted_ids (conflicts, self->parents);
  g_signal_connect_object (conflicts, "items-changed", G_CALLBACK (conflicts_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/* Whether a conflict is about the entity @id: about its @field (a JSON
 * key), or with %NULL about anything of it (a field, its text, its
 * removal on one side, its place). */
gboolean
lia_conflict_index_has (LiaConflictIndex *self,
                        const char       *id,
                        const char       *field)
{
  GHashTable *fields;

  g_return_val_if_fail (LIA_IS_CONFLICT_INDEX (self), FALSE);

  if (id == NULL || (fields = g_hash_table_lookup (self->ids, id)) == NULL)
    return FALSE;
  return field == NULL || g_hash_table_contains (fields, field);
}

/* As lia_conflict_index_has () for @entity's @field, named by its index
 * in the entity's field table (the JSON key spells '-' as '_'). */
gboolean
lia_conflict_index_has_field (LiaConflictIndex *self,
                              LiaEntity        *entity,
                              guint             field)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LIA_IS_CONFLICT_INDEX (self), FALSE);
  g_return_val_if_fail (LIA_IS_ENTITY (entity), FALSE);

  if (!g_hash_table_contains (self->ids, lia_entity_get_id (entity)))
    return FALSE;
  key = g_strdelimit (g_strdup (lia_entity_get_field_spec (entity, field)->name), "-", '_');
  return lia_conflict_index_has (self, lia_entity_get_id (entity), key);
}

/* Whether a conflict is about an entity in one of @id's lists (a step of
 * a requirement, an agenda item of a meeting), including one that a side
 * removed and is no longer there to carry a mark of its own.  Only one
 * level: see lia_conflict_index_has_within () for all of them. */
gboolean
lia_conflict_index_has_inside (LiaConflictIndex *self,
                               const char       *id)
{
  g_return_val_if_fail (LIA_IS_CONFLICT_INDEX (self), FALSE);

  return id != NULL && g_hash_table_contains (self->parents, id);
}

typedef struct
{
  LiaConflictIndex *index;
  LiaEntity        *skip;
  gboolean          found;
} Within;

static void
within_cb (LiaEntity *entity,
           gpointer   data)
{
  Within *within = data;
  const char *id = lia_entity_get_id (entity);

  if (within->found)
    return;
  if (entity != within->skip && g_hash_table_contains (within->index->ids, id))
    within->found = TRUE;
  else if (g_hash_table_contains (within->index->parents, id))
    within->found = TRUE;
}

/* Whether a conflict is about @entity (unless @inside_only) or anything
 * it holds, at any depth (a rating of a meeting's evaluation), including
 * an entity one side removed from it.  A walk of @entity's tree, done
 * only while there are conflicts at all. */
gboolean
lia_conflict_index_has_within (LiaConflictIndex *self,
                               LiaEntity        *entity,
                               gboolean          inside_only)
{
  Within within = { self, inside_only ? entity : NULL, FALSE };

  g_return_val_if_fail (LIA_IS_CONFLICT_INDEX (self), FALSE);
  g_return_val_if_fail (LIA_IS_ENTITY (entity), FALSE);

  if (g_hash_table_size (self->ids) == 0)
    return FALSE;
  lia_entity_foreach (entity, within_cb, &within);
  return within.found;
}
