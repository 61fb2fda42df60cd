/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lia-workspace-apply.h"
#include "lia-workspace-private.h"

/* Makes a workspace equal to another (the file as it is on disk now)
 * through its history, as one undo step, keeping the entity objects
 * whose ids are in both: views keep their rows, their selection and
 * their scroll, and Ctrl+Z goes back to what was there before.
 *
 * Entities are matched by id across the whole tree.  The work is done in
 * three passes so that every edit is one the history accepts:
 *   1. entities that live in another list in @other (a page under
 *      another parent) are taken out of their list;
 *   2. entities whose id is not in @other are removed;
 *   3. every list is rebuilt in @other's order, top down: kept entities
 *      are moved or put back, new ones inserted (as shells whose lists
 *      are then filled the same way, so an existing entity inside a new
 *      one stays the same object), and the fields set.
 * Members come first (they are the first collection), so a reference to
 * a new member is valid by the time a meeting's attendees are set, and
 * a reference to a removed one is gone once they are.  Meanwhile the
 * workspace leaves its own per-edit walks to us
 * (lia_workspace_set_applying): @other is checked as a whole first, and
 * ids stay unique because what moves is taken out before it is put back. */

G_DEFINE_QUARK (lia-apply-error-quark, lia_apply_error)

/* Where an entity lives: the id of the entity owning the list ("" for
 * a top-level collection) and the list (field index, or collection
 * index for the top level). */
typedef struct
{
  LiaEntity *entity;
  char      *parent;
  int        slot;
  gboolean   in_child;   /* in a CHILD field, or inside an entity that is */
} Place;

static void
place_free (gpointer data)
{
  Place *place = data;

  g_free (place->parent);
  g_free (place);
}

typedef struct
{
  LiaWorkspace   *self;
  LiaHistory     *history;
  GHashTable     *ours;     /* id → Place in self */
  GHashTable     *theirs;   /* id → Place in other */
  GHashTable     *detached; /* ids taken out of their list in pass 1 */
  LiaApplyCounts  counts;
  GError         *error;
} Apply;

static void index_entity (GHashTable *index, LiaEntity *entity, const char *parent, int slot, gboolean in_child);

static void
index_list (GHashTable *index,
            GListModel *list,
            const char *parent,
            int         slot,
            gboolean    in_child)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (list, i);

      index_entity (index, item, parent, slot, in_child);
    }
}

static void
index_entity (GHashTable *index,
              LiaEntity  *entity,
              const char *parent,
              int         slot,
              gboolean    in_child)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);
  const char *id = lia_entity_get_id (entity);
  Place *place = g_new0 (Place, 1);

  place->entity = entity;
  place->parent = g_strdup (parent);
  place->slot = slot;
  place->in_child = in_child;
  g_hash_table_replace (index, (gpointer) id, place);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == LIA_KIND_LIST)
      index_list (index, G_LIST_MODEL (lia_entity_get_list (entity, i)), id, i, in_child);
    else if (klass->fields[i].kind == LIA_KIND_CHILD && lia_entity_get_child (entity, i) != NULL)
      index_entity (index, lia_entity_get_child (entity, i), id, i, TRUE);
}

static GHashTable *
index_workspace (LiaWorkspace *workspace)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, place_free);

  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    index_list (index, G_LIST_MODEL (lia_workspace_get_collection (workspace, c)), "", c, FALSE);
  return index;
}

static void
count_entity (LiaEntity *entity,
              gpointer   data)
{
  (*(guint *) data)++;
}

/* Ids are unique in a file the reader accepts; a workspace made in
 * memory is checked, as the skipped checks of the history rely on it. */
static gboolean
ids_unique (LiaWorkspace *workspace,
            GHashTable   *index)
{
  guint n = 0;

  lia_workspace_foreach_entity (workspace, count_entity, &n);
  return n == g_hash_table_size (index);
}

static gboolean
same_place (const Place *a,
            const Place *b)
{
  return a->slot == b->slot && g_str_equal (a->parent, b->parent);
}

static gboolean
unsupported (GError     **error,
             const char  *reason)
{
  g_set_error_literal (error, LIA_APPLY_ERROR, LIA_APPLY_ERROR_UNSUPPORTED, reason);
  return FALSE;
}

/* What the history cannot do, found before anything is changed. */
static gboolean
check_supported (Apply         *a,
                 LiaWorkspace  *other,
                 GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;

  /* The reasons complete “Reloaded; undo history cleared because …”. */
  if (lia_workspace_get_read_only (a->self) || lia_workspace_get_read_only (other))
    /* Translators: completes “Reloaded; undo history cleared because …” */
    return unsupported (error, _("the file is open read-only"));
  if (lia_workspace_get_needs_review (a->self) || lia_workspace_get_needs_review (other))
    /* Translators: completes “Reloaded; undo history cleared because …” */
    return unsupported (error, _("the file had problems to review"));
  /* The title is the workspace's own, set outside the history. */
  if (g_strcmp0 (lia_workspace_get_title (a->self), lia_workspace_get_title (other)) != 0)
    /* Translators: completes “Reloaded; undo history cleared because …” */
    return unsupported (error, _("the workspace title changed"));
  if (!lia_json_object_equal (lia_workspace_get_extra (a->self), lia_workspace_get_extra (other),
                              LIA_EQUAL_AS_WRITTEN))
    /* Translators: completes “Reloaded; undo history cleared because …”;
     * the keys are those a newer version of Liaison wrote */
    return unsupported (error, _("keys this version does not know changed"));

  g_hash_table_iter_init (&iter, a->theirs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Place *theirs = value;
      Place *ours = g_hash_table_lookup (a->ours, key);

      if (ours == NULL)
        continue;
      if (G_OBJECT_TYPE (ours->entity) != G_OBJECT_TYPE (theirs->entity))
        /* Translators: completes “Reloaded; undo history cleared because …” */
        return unsupported (error, _("an id now names another kind of item"));
      /* An evaluation is replaced or edited where it is, never moved. */
      if ((ours->in_child || theirs->in_child) && !same_place (ours, theirs))
        /* Translators: completes “Reloaded; undo history cleared because …” */
        return unsupported (error, _("an item moved out of or into a meeting’s evaluation"));
      if (!lia_json_object_equal (lia_entity_get_extra (ours->entity), lia_entity_get_extra (theirs->entity),
                                  LIA_EQUAL_AS_WRITTEN))
        /* Translators: completes “Reloaded; undo history cleared because …” */
        return unsupported (error, _("keys this version does not know changed"));
      /* A remote link is not an edit (sync sets it outside the
       * history), so it cannot be part of the undo step. */
      if (!lia_entity_remote_equal (ours->entity, theirs->entity, LIA_EQUAL_AS_WRITTEN))
        /* Translators: completes “Reloaded; undo history cleared because …” */
        return unsupported (error, _("links to trackers or wikis changed"));
      /* Counted now, before pass 2 may already change a field (a removed
       * member leaves a meeting's attendees). */
      if (!lia_entity_plain_fields_equal (ours->entity, theirs->entity, LIA_EQUAL_AS_WRITTEN))
        a->counts.changed++;
    }
  return TRUE;
}

static gboolean
find_in (GListStore *store,
         LiaEntity  *entity,
         guint      *position)
{
  return g_list_store_find (store, entity, position);
}

static GListStore *
store_of (Apply       *a,
          const Place *place)
{
  if (place->parent[0] == '\0')
    return lia_workspace_get_collection (a->self, place->slot);
  return lia_entity_get_list (((Place *) g_hash_table_lookup (a->ours, place->parent))->entity,
                              place->slot);
}

/* Pass 1: what lives in another list in @other leaves its list now, so
 * that its id is free when it is put in its new place. */
static void
detach_moved (Apply *a)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) moving = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, a->ours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Place *ours = value;
      Place *theirs = g_hash_table_lookup (a->theirs, key);

      if (theirs != NULL && !ours->in_child && !same_place (ours, theirs))
        g_ptr_array_add (moving, ours);
    }

  for (guint i = 0; i < moving->len; i++)
    {
      Place *ours = g_ptr_array_index (moving, i);
      GListStore *store = store_of (a, ours);
      guint position;

      if (find_in (store, ours->entity, &position))
        lia_history_remove (a->history, store, position);
      g_hash_table_add (a->detached, (gpointer) lia_entity_get_id (ours->entity));
      a->counts.moved++;
    }
}

static void
count_removed (LiaEntity *entity,
               gpointer   data)
{
  Apply *a = data;

  /* Kept ones inside were detached in pass 1 and are not in here. */
  if (!g_hash_table_contains (a->theirs, lia_entity_get_id (entity)))
    a->counts.removed++;
}

/* Pass 2: what @other does not have goes, the outermost first (its
 * insides go with it). */
static void remove_gone_in (Apply *a, LiaEntity *entity);

static void
remove_gone_list (Apply      *a,
                  GListStore *store)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (store)); i-- > 0;)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (!g_hash_table_contains (a->theirs, lia_entity_get_id (item)))
        {
          lia_entity_foreach (item, count_removed, a);
          lia_history_remove (a->history, store, i);
        }
      else
        remove_gone_in (a, item);
    }
}

static void
remove_gone_in (Apply     *a,
                LiaEntity *entity)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == LIA_KIND_LIST)
      remove_gone_list (a, lia_entity_get_list (entity, i));
    else if (klass->fields[i].kind == LIA_KIND_CHILD && lia_entity_get_child (entity, i) != NULL)
      remove_gone_in (a, lia_entity_get_child (entity, i));
}

static void
count_added (LiaEntity *entity,
             gpointer   data)
{
  ((Apply *) data)->counts.added++;
}

static gboolean sync_entity (Apply *a, LiaEntity *ours, LiaEntity *theirs);

/* Kept entities that keep their list but not their order: those outside
 * a longest run already in @other's order (what a person would call
 * "moved"; the number of list operations may differ). */
static guint
count_reordered (GArray *positions)
{
  g_autofree guint *tails = g_new (guint, positions->len + 1);
  guint longest = 0;

  for (guint i = 0; i < positions->len; i++)
    {
      guint p = g_array_index (positions, guint, i);
      guint lo = 0, hi = longest;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (tails[mid] < p)
            lo = mid + 1;
          else
            hi = mid;
        }
      tails[lo] = p;
      if (lo == longest)
        longest++;
    }
  return positions->len - longest;
}

/* Pass 3 for one list: @ours becomes @theirs, item by item.  Lists may
 * be long (thousands of requirements): positions come from one index
 * made before the list changes, and only an item out of place is
 * looked for. */
static gboolean
sync_list (Apply      *a,
           GListStore *ours,
           GListStore *theirs)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (theirs));
  guint n_ours = g_list_model_get_n_items (G_LIST_MODEL (ours));
  g_autoptr(GHashTable) was_at = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_ours; i++)
    {
      g_autoptr(GObject) mine = g_list_model_get_item (G_LIST_MODEL (ours), i);

      g_hash_table_insert (was_at, mine, GUINT_TO_POINTER (i + 1));
    }

  /* Where the kept items that stayed in this list stand now, in their
   * new order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (G_LIST_MODEL (theirs), i);
      Place *place = g_hash_table_lookup (a->ours, lia_entity_get_id (item));
      guint at = place ? GPOINTER_TO_UINT (g_hash_table_lookup (was_at, place->entity)) : 0;

      if (at > 0)
        {
          at--;
          g_array_append_val (positions, at);
        }
    }
  a->counts.moved += count_reordered (positions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (G_LIST_MODEL (theirs), i);
      Place *place = g_hash_table_lookup (a->ours, lia_entity_get_id (item));
      LiaEntity *target;
      gboolean kept = place != NULL;
      guint position;

      if (kept)
        {
          g_autoptr(GObject) here = i < g_list_model_get_n_items (G_LIST_MODEL (ours))
                                    ? g_list_model_get_item (G_LIST_MODEL (ours), i) : NULL;

          target = place->entity;
          if (here != G_OBJECT (target))
            {
              if (g_hash_table_contains (was_at, target) && find_in (ours, target, &position))
                lia_history_move (a->history, ours, position, i);
              else if (!lia_history_try_insert (a->history, ours, i, target, &a->error))
                return FALSE;
            }
        }
      else
        {
          g_autoptr(LiaEntity) shell = lia_entity_copy (item, FALSE);
          LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (shell);

          /* Lists and children are filled by sync_entity() below, so
           * that a kept entity inside a new one is the kept object. */
          for (guint f = 0; f < klass->n_fields; f++)
            if (klass->fields[f].kind == LIA_KIND_LIST)
              g_list_store_remove_all (lia_entity_get_list (shell, f));
            else if (klass->fields[f].kind == LIA_KIND_CHILD)
              lia_entity_set_child (shell, f, NULL);
          a->counts.added++;
          if (!lia_history_try_insert (a->history, ours, i, shell, &a->error))
            return FALSE;
          target = shell;
        }
      if (!sync_entity (a, target, item))
        return FALSE;
    }

  /* Nothing should be left over (all of it was removed or detached); if
   * something is, the result would not equal @other. */
  if (g_list_model_get_n_items (G_LIST_MODEL (ours)) != n)
    {
      g_set_error_literal (&a->error, LIA_APPLY_ERROR, LIA_APPLY_ERROR_REFUSED,
                           /* Translators: completes “an edit was refused: …” */
                           _("a list could not be brought in line with the file"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
sync_entity (Apply     *a,
             LiaEntity *ours,
             LiaEntity *theirs)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (ours);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      switch (klass->fields[i].kind)
        {
        case LIA_KIND_LIST:
          if (!sync_list (a, lia_entity_get_list (ours, i), lia_entity_get_list (theirs, i)))
            return FALSE;
          break;

        case LIA_KIND_CHILD:
          {
            LiaEntity *mine = lia_entity_get_child (ours, i);
            LiaEntity *their = lia_entity_get_child (theirs, i);

            if (mine != NULL && their != NULL &&
                g_str_equal (lia_entity_get_id (mine), lia_entity_get_id (their)))
              {
                if (!sync_entity (a, mine, their))
                  return FALSE;
              }
            else if (mine != NULL || their != NULL)
              {
                g_autoptr(LiaEntity) copy = their ? lia_entity_copy (their, FALSE) : NULL;
                g_auto(GValue) v = G_VALUE_INIT;

                if (mine != NULL)
                  lia_entity_foreach (mine, count_removed, a);
                if (copy != NULL)
                  lia_entity_foreach (copy, count_added, a);
                g_value_init (&v, G_VALUE_TYPE (lia_entity_peek_value (ours, i)));
                g_value_set_object (&v, copy);
                if (!lia_history_try_set_value (a->history, ours, i, &v, FALSE, &a->error))
                  return FALSE;
              }
          }
          break;

        default:
          if (!lia_entity_field_equal (ours, theirs, i, LIA_EQUAL_AS_WRITTEN))
            {
              if (!lia_history_try_set_value (a->history, ours, i, lia_entity_peek_value (theirs, i),
                                              FALSE, &a->error))
                return FALSE;
            }
          break;
        }
    }
  return TRUE;
}

static gboolean
refused (Apply   *a,
         GError **error)
{
  g_set_error (error, LIA_APPLY_ERROR, LIA_APPLY_ERROR_REFUSED,
               /* Translators: completes “Reloaded; undo history cleared because …”;
                * %s says what the rules refused */
               _("an edit was refused: %s"), a->error ? a->error->message : "");
  g_clear_error (&a->error);
  return FALSE;
}

static void
note_committed (gboolean *committed)
{
  *committed = TRUE;
}

/* Makes @self's model equal to @other's (usually the same file read again
 * after another program changed it) as one undo step of @self's history,
 * keeping the LiaEntity objects of ids found in both.  Returns FALSE, with
 * self unchanged, where that cannot be done in place (LIA_APPLY_ERROR_*,
 * the message says why): the caller reopens instead.
 *
 * When @other was read from @self's file, @self afterwards counts as
 * saved: it holds what the file holds, so no autosave rewrites it. */
gboolean
lia_workspace_apply (LiaWorkspace    *self,
                     LiaWorkspace    *other,
                     LiaApplyCounts  *counts,
                     GError         **error)
{
  g_autoptr(GHashTable) ours = NULL;
  g_autoptr(GHashTable) theirs = NULL;
  g_autoptr(GHashTable) detached = NULL;
  Apply a = { 0 };
  GHashTableIter iter;
  gpointer key;
  gboolean ok = TRUE;
  gboolean committed = FALSE;
  gulong handler;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (LIA_IS_WORKSPACE (other), FALSE);
  g_return_val_if_fail (self != other, FALSE);

  ours = index_workspace (self);
  theirs = index_workspace (other);
  detached = g_hash_table_new (g_str_hash, g_str_equal);
  a.self = self;
  a.history = lia_workspace_get_history (self);
  a.ours = ours;
  a.theirs = theirs;
  a.detached = detached;

  if (!ids_unique (self, ours) || !ids_unique (other, theirs))
    {
      g_set_error_literal (error, LIA_APPLY_ERROR, LIA_APPLY_ERROR_REFUSED,
                           /* Translators: completes “Reloaded; undo history cleared because …” */
                           _("an id is used twice"));
      return FALSE;
    }
  if (!check_supported (&a, other, error))
    return FALSE;
  /* The history checks each edit with the rule book that checks a whole
   * workspace: what passes here passes edit by edit, so no apply stops
   * half way (taking that back would leave a redo step behind). */
  if (!lia_workspace_check (other, &a.error))
    return refused (&a, error);

  /* Translators: the undo step of reloading a file another program changed */
  lia_history_begin (a.history, _("Reload from Disk"));
  lia_workspace_set_applying (self, TRUE);
  detach_moved (&a);
  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    remove_gone_list (&a, lia_workspace_get_collection (self, c));
  /* What was taken out in pass 1 may have lost things inside it too. */
  g_hash_table_iter_init (&iter, detached);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    remove_gone_in (&a, ((Place *) g_hash_table_lookup (ours, key))->entity);
  for (guint c = 0; c < LIA_N_COLLECTIONS && ok; c++)
    ok = sync_list (&a, lia_workspace_get_collection (self, c), lia_workspace_get_collection (other, c));
  /* The history says "changed" exactly when the step is committed (an
   * empty one is not): that tells whether there is a step to take back. */
  lia_workspace_set_applying (self, FALSE);
  handler = g_signal_connect_swapped (a.history, "changed", G_CALLBACK (note_committed), &committed);
  lia_history_end (a.history);
  g_signal_handler_disconnect (a.history, handler);

  if (!ok)
    {
      /* Not expected after lia_workspace_check(); should it happen,
       * take back what was done. */
      if (committed)
        lia_history_undo (a.history);
      return refused (&a, error);
    }

  lia_workspace_adopt_disk_state (self, other);
  if (counts != NULL)
    *counts = a.counts;
  return TRUE;
}
