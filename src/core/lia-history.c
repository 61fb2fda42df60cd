/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-history"

#include "config.h"

#include <string.h>

#include "lia-field-check.h"
#include "lia-history.h"

/* Edits are recorded as reversible commands, grouped so that one user
 * action (which may touch several entities) is one undo step. */

#define COALESCE_USEC (1500 * G_TIME_SPAN_MILLISECOND)

/* Undo keeps what it needs to go back (old values, removed entities); a
 * long session of pasting large pages must not grow it without bound.
 * The oldest steps go first. */
#define DEFAULT_MEMORY_LIMIT (32 * 1024 * 1024)

typedef enum
{
  CMD_SET,
  CMD_INSERT,
  CMD_REMOVE,
  CMD_MOVE,
} CommandKind;

typedef struct
{
  CommandKind  kind;
  LiaEntity   *entity;
  guint        field;
  GValue       before;
  GValue       after;
  GListStore  *store;
  guint        position;
  guint        to;
  GObject     *item;
} Command;

typedef struct
{
  char      *label;
  GPtrArray *commands;
  gint64     time;
  gboolean   coalescable;
  gsize      size;      /* estimated bytes held */
} Group;

struct _LiaHistory
{
  GObject    parent_instance;

  GPtrArray *undo;    /* of Group, oldest first */
  GPtrArray *redo;    /* of Group, next redo last */
  Group     *open;
  guint      depth;
  gsize      size;        /* of every group in undo and redo */
  gsize      limit;

  LiaHistoryCheckFunc check;
  gpointer            check_data;
};

G_DEFINE_FINAL_TYPE (LiaHistory, lia_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  REMOVING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
command_free (gpointer data)
{
  Command *cmd = data;

  g_clear_object (&cmd->entity);
  g_clear_object (&cmd->store);
  g_clear_object (&cmd->item);
  if (G_IS_VALUE (&cmd->before))
    g_value_unset (&cmd->before);
  if (G_IS_VALUE (&cmd->after))
    g_value_unset (&cmd->after);
  g_free (cmd);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_ptr_array_unref (group->commands);
  g_free (group);
}

static Group *
group_new (const char *label)
{
  Group *group = g_new0 (Group, 1);

  group->label = g_strdup (label);
  group->commands = g_ptr_array_new_with_free_func (command_free);
  group->time = g_get_monotonic_time ();
  return group;
}

static gsize
value_size (const GValue *value)
{
  if (!G_IS_VALUE (value))
    return 0;
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) ? strlen (g_value_get_string (value)) + 1 : 0;
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);
      gsize n = 0;

      for (guint i = 0; strv && strv[i]; i++)
        n += strlen (strv[i]) + 1 + sizeof (char *);
      return n;
    }
  return 0;
}

/* Roughly what an entity and everything in it holds: its text. */
static gsize
entity_size (LiaEntity *entity)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);
  gsize n = 128;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *v = lia_entity_peek_value (entity, i);

      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListModel *list = g_value_get_object (v);

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr(LiaEntity) item = g_list_model_get_item (list, j);
              n += entity_size (item);
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD && g_value_get_object (v) != NULL)
        n += entity_size (g_value_get_object (v));
      else
        n += value_size (v) + sizeof (GValue);
    }
  return n;
}

static gsize
command_size (Command *cmd)
{
  gsize n = sizeof (Command);

  n += value_size (&cmd->before) + value_size (&cmd->after);
  if ((cmd->kind == CMD_INSERT || cmd->kind == CMD_REMOVE) && LIA_IS_ENTITY (cmd->item))
    n += entity_size (LIA_ENTITY (cmd->item));
  return n;
}

static void
apply (Command  *cmd,
       gboolean  forward)
{
  switch (cmd->kind)
    {
    case CMD_SET:
      lia_entity_set_value (cmd->entity, cmd->field, forward ? &cmd->after : &cmd->before);
      break;
    case CMD_INSERT:
    case CMD_REMOVE:
      if ((cmd->kind == CMD_INSERT) == forward)
        g_list_store_insert (cmd->store, cmd->position, cmd->item);
      else
        g_list_store_remove (cmd->store, cmd->position);
      break;
    case CMD_MOVE:
      {
        guint from = forward ? cmd->position : cmd->to;
        guint to = forward ? cmd->to : cmd->position;
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (cmd->store), from);

        g_list_store_remove (cmd->store, from);
        g_list_store_insert (cmd->store, to, item);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
notify_state (LiaHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
drop_redo (LiaHistory *self)
{
  for (guint i = 0; i < self->redo->len; i++)
    self->size -= ((Group *) g_ptr_array_index (self->redo, i))->size;
  g_ptr_array_set_size (self->redo, 0);
}

/* The oldest steps go when undo holds more than its limit; the newest
 * step is always kept, however large. */
static void
trim (LiaHistory *self)
{
  guint drop = 0;

  while (self->size > self->limit && drop + 1 < self->undo->len)
    self->size -= ((Group *) g_ptr_array_index (self->undo, drop++))->size;
  if (drop > 0)
    g_ptr_array_remove_range (self->undo, 0, drop);
}

static void
commit_group (LiaHistory *self,
              Group      *group)
{
  if (group->commands->len == 0)
    {
      group_free (group);
      return;
    }

  for (guint i = 0; i < group->commands->len; i++)
    group->size += command_size (g_ptr_array_index (group->commands, i));
  drop_redo (self);
  g_ptr_array_add (self->undo, group);
  self->size += group->size;
  trim (self);
  notify_state (self);
}

/* Runs @cmd now and records it in the open group, or in a group of its own. */
static void
record (LiaHistory *self,
        Command    *cmd)
{
  apply (cmd, TRUE);

  if (self->open != NULL)
    {
      g_ptr_array_add (self->open->commands, cmd);
    }
  else
    {
      Group *group = group_new (NULL);
      g_ptr_array_add (group->commands, cmd);
      commit_group (self, group);
    }
}

static void
lia_history_finalize (GObject *object)
{
  LiaHistory *self = LIA_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, group_free);

  G_OBJECT_CLASS (lia_history_parent_class)->finalize (object);
}

static void
lia_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaHistory *self = LIA_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lia_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, lia_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_history_class_init (LiaHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_history_finalize;
  object_class->get_property = lia_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every recorded edit, undo and redo: the workspace
   * uses it to mark itself modified and schedule an autosave. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted inside the undo step of lia_history_remove(), before the item
   * goes: edits made by handlers (dropping references to the item) are
   * part of the same step, so one Ctrl+Z brings both back. */
  signals[REMOVING] =
    g_signal_new ("removing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_LIST_STORE, G_TYPE_OBJECT);
}

static void
lia_history_init (LiaHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (group_free);
  self->redo = g_ptr_array_new_with_free_func (group_free);
  self->limit = DEFAULT_MEMORY_LIMIT;
}

LiaHistory *
lia_history_new (void)
{
  return g_object_new (LIA_TYPE_HISTORY, NULL);
}

/* Groups nest: only the outermost begin/end pair makes an undo step. */
void
lia_history_begin (LiaHistory *self,
                   const char *label)
{
  g_return_if_fail (LIA_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->open = group_new (label);
}

void
lia_history_end (LiaHistory *self)
{
  g_return_if_fail (LIA_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth == 0)
    commit_group (self, g_steal_pointer (&self->open));
}

/* With @coalesce, a change to the same field right after the previous one
 * (typing in an entry) extends that undo step instead of adding one.
 *
 * A value the rule book refuses (lia_entity_check_value) is not set: the
 * edit returns FALSE with the reason, and the model keeps its last valid
 * value, so no edit can produce a file the reader refuses. */
gboolean
lia_history_try_set_value (LiaHistory   *self,
                           LiaEntity    *entity,
                           guint         field,
                           const GValue *value,
                           gboolean      coalesce,
                           GError      **error)
{
  const GValue *current;
  Command *cmd;

  g_return_val_if_fail (LIA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_ENTITY (entity), FALSE);

  current = lia_entity_peek_value (entity, field);
  g_return_val_if_fail (current != NULL, FALSE);
  g_return_val_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (current), FALSE);

  if (!lia_entity_check_value (entity, field, value, error))
    return FALSE;
  if (self->check != NULL && !self->check (entity, field, value, self->check_data, error))
    return FALSE;

  if (coalesce && self->open == NULL && self->undo->len > 0 && self->redo->len == 0)
    {
      Group *last = g_ptr_array_index (self->undo, self->undo->len - 1);
      gint64 now = g_get_monotonic_time ();

      if (last->coalescable && last->commands->len == 1 && now - last->time < COALESCE_USEC)
        {
          Command *prev = g_ptr_array_index (last->commands, 0);

          if (prev->kind == CMD_SET && prev->entity == entity && prev->field == field)
            {
              gsize before = command_size (prev);

              g_value_copy (value, &prev->after);
              last->time = now;
              last->size += command_size (prev) - before;
              self->size += command_size (prev) - before;
              if (lia_entity_set_value (entity, field, value))
                g_signal_emit (self, signals[CHANGED], 0);
              return TRUE;
            }
        }
    }

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_SET;
  cmd->entity = g_object_ref (entity);
  cmd->field = field;
  g_value_init (&cmd->before, G_VALUE_TYPE (current));
  g_value_copy (current, &cmd->before);
  g_value_init (&cmd->after, G_VALUE_TYPE (current));
  g_value_copy (value, &cmd->after);

  if (lia_entity_value_equal (entity, field, value))
    {
      command_free (cmd);
      return TRUE;
    }

  record (self, cmd);
  if (coalesce && self->open == NULL && self->undo->len > 0)
    ((Group *) g_ptr_array_index (self->undo, self->undo->len - 1))->coalescable = TRUE;
  return TRUE;
}

gboolean
lia_history_set_value (LiaHistory   *self,
                       LiaEntity    *entity,
                       guint         field,
                       const GValue *value,
                       gboolean      coalesce)
{
  g_autoptr(GError) error = NULL;

  if (lia_history_try_set_value (self, entity, field, value, coalesce, &error))
    return TRUE;
  /* The caller shows why; the log only says that it happened (the
   * message may quote what the user typed). */
  g_debug ("Refused an edit of %s.%s", G_OBJECT_TYPE_NAME (entity),
           lia_entity_get_field_spec (entity, field)->name);
  return FALSE;
}

gboolean
lia_history_set_string (LiaHistory *self,
                        LiaEntity  *entity,
                        guint       field,
                        const char *value,
                        gboolean    coalesce)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value ? value : "");
  return lia_history_set_value (self, entity, field, &v, coalesce);
}

gboolean
lia_history_set_int (LiaHistory *self,
                     LiaEntity  *entity,
                     guint       field,
                     int         value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  return lia_history_set_value (self, entity, field, &v, FALSE);
}

/* An entity is inserted only when every field in it passes the rule
 * book; references to other entities are the workspace's check. */
gboolean
lia_history_try_insert (LiaHistory  *self,
                        GListStore  *store,
                        guint        position,
                        gpointer     item,
                        GError     **error)
{
  Command *cmd;

  g_return_val_if_fail (LIA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  g_return_val_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)), FALSE);

  if (LIA_IS_ENTITY (item) && !lia_entity_check (item, error))
    return FALSE;
  if (LIA_IS_ENTITY (item) && self->check != NULL && !self->check (item, -1, NULL, self->check_data, error))
    return FALSE;

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_INSERT;
  cmd->store = g_object_ref (store);
  cmd->position = position;
  cmd->item = g_object_ref (item);
  record (self, cmd);
  return TRUE;
}

gboolean
lia_history_insert (LiaHistory *self,
                    GListStore *store,
                    guint       position,
                    gpointer    item)
{
  g_autoptr(GError) error = NULL;

  if (lia_history_try_insert (self, store, position, item, &error))
    return TRUE;
  g_debug ("Refused to insert a %s", G_OBJECT_TYPE_NAME (item));
  return FALSE;
}

void
lia_history_remove (LiaHistory *self,
                    GListStore *store,
                    guint       position)
{
  Command *cmd;

  g_return_if_fail (LIA_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_REMOVE;
  cmd->store = g_object_ref (store);
  cmd->position = position;
  cmd->item = g_list_model_get_item (G_LIST_MODEL (store), position);

  lia_history_begin (self, NULL);
  g_signal_emit (self, signals[REMOVING], 0, store, cmd->item);
  /* A handler may have moved things in this store; find the item again. */
  if (!g_list_store_find (store, cmd->item, &cmd->position))
    {
      command_free (cmd);
      lia_history_end (self);
      g_return_if_reached ();
    }
  record (self, cmd);
  lia_history_end (self);
}

void
lia_history_move (LiaHistory *self,
                  GListStore *store,
                  guint       from,
                  guint       to)
{
  guint n;
  Command *cmd;

  g_return_if_fail (LIA_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_MOVE;
  cmd->store = g_object_ref (store);
  cmd->position = from;
  cmd->to = to;
  record (self, cmd);
}

gboolean
lia_history_can_undo (LiaHistory *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
lia_history_can_redo (LiaHistory *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
lia_history_get_undo_label (LiaHistory *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY (self), NULL);

  return self->undo->len ? ((Group *) g_ptr_array_index (self->undo, self->undo->len - 1))->label : NULL;
}

const char *
lia_history_get_redo_label (LiaHistory *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY (self), NULL);

  return self->redo->len ? ((Group *) g_ptr_array_index (self->redo, self->redo->len - 1))->label : NULL;
}

gboolean
lia_history_undo (LiaHistory *self)
{
  Group *group;

  g_return_val_if_fail (LIA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open == NULL, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  group = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = group->commands->len; i > 0; i--)
    apply (g_ptr_array_index (group->commands, i - 1), FALSE);
  group->coalescable = FALSE;
  g_ptr_array_add (self->redo, group);
  notify_state (self);
  return TRUE;
}

gboolean
lia_history_redo (LiaHistory *self)
{
  Group *group;

  g_return_val_if_fail (LIA_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open == NULL, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  group = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < group->commands->len; i++)
    apply (g_ptr_array_index (group->commands, i), TRUE);
  g_ptr_array_add (self->undo, group);
  notify_state (self);
  return TRUE;
}

void
lia_history_clear (LiaHistory *self)
{
  g_return_if_fail (LIA_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->size = 0;
  notify_state (self);
}

void
lia_history_set_check_func (LiaHistory          *self,
                            LiaHistoryCheckFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (LIA_IS_HISTORY (self));

  self->check = func;
  self->check_data = user_data;
}

/* For tests: how many bytes undo may hold, and how many it holds. */
void
lia_history_set_memory_limit (LiaHistory *self,
                              gsize       limit)
{
  g_return_if_fail (LIA_IS_HISTORY (self));

  self->limit = limit;
  trim (self);
}

gsize
lia_history_get_memory_size (LiaHistory *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY (self), 0);

  return self->size;
}

guint
lia_history_get_n_undo (LiaHistory *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY (self), 0);

  return self->undo->len;
}
