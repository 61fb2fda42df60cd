/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-entity"

#include "config.h"

#include <math.h>

#include "lia-entity-private.h"
#include "lia-remote-ref.h"

/* Every model object is a LiaEntity subclass that describes its fields in
 * a static LiaFieldSpec table.  The table drives the properties, the file
 * format, validation and undo, so a field is declared exactly once. */

typedef struct
{
  char         *id;
  LiaRemoteRef *remote;
  JsonObject   *extra;
  GValue       *values;
  /* The own fields passed the rule book and have not changed since (set
   * by lia_entity_check, cleared by any change): a save of a large
   * workspace then checks only what was edited. */
  gboolean      checked;
  gboolean      id_made;   /* the id is a random one made here, not given */
} LiaEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiaEntity, lia_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REMOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
init_value (const LiaFieldSpec *spec,
            GValue             *value)
{
  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      g_value_init (value, G_TYPE_STRING);
      /* Defaults live in the static field tables: no copy per entity. */
      g_value_set_static_string (value, spec->default_string ? spec->default_string : "");
      break;
    case LIA_KIND_INT:
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) spec->default_number);
      break;
    case LIA_KIND_DOUBLE:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, (spec->flags & LIA_SPEC_OPTIONAL) ? NAN : spec->default_number);
      break;
    case LIA_KIND_BOOLEAN:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, spec->default_number != 0);
      break;
    case LIA_KIND_STRV:
      {
        static const char * const empty[] = { NULL };
        g_value_init (value, G_TYPE_STRV);
        g_value_set_static_boxed (value, spec->default_strv ? spec->default_strv : empty);
      }
      break;
    case LIA_KIND_JSON:
      g_value_init (value, JSON_TYPE_NODE);
      break;
    case LIA_KIND_LIST:
      g_value_init (value, G_TYPE_LIST_STORE);
      break;
    case LIA_KIND_CHILD:
      g_value_init (value, spec->entity_type ());
      break;
    default:
      g_assert_not_reached ();
    }
}

static GValue *
ensure_values (LiaEntity *self)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (self);

  if (priv->values == NULL)
    {
      /* The defaults own nothing (static strings, static boxed, NULL
       * pointers), so one memcpy sets them all; only lists need objects
       * of their own. */
      priv->values = g_memdup2 (klass->prototype, sizeof (GValue) * MAX (klass->n_fields, 1));
      for (guint i = 0; i < klass->n_fields; i++)
        if (klass->fields[i].kind == LIA_KIND_LIST)
          g_value_take_object (&priv->values[i], g_list_store_new (klass->fields[i].entity_type ()));
    }

  return priv->values;
}

static gboolean
values_equal (const LiaFieldSpec *spec,
              const GValue       *a,
              const GValue       *b)
{
  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case LIA_KIND_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case LIA_KIND_DOUBLE:
      {
        double x = g_value_get_double (a), y = g_value_get_double (b);
        return (isnan (x) && isnan (y)) || x == y;
      }
    case LIA_KIND_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case LIA_KIND_STRV:
      {
        const char * const *x = g_value_get_boxed (a), * const *y = g_value_get_boxed (b);
        const char * const empty[] = { NULL };
        return g_strv_equal ((const char * const *) (x ? x : empty),
                             (const char * const *) (y ? y : empty));
      }
    case LIA_KIND_JSON:
      {
        JsonNode *x = g_value_get_boxed (a), *y = g_value_get_boxed (b);
        if (x == NULL || y == NULL)
          return x == y;
        return json_node_equal (x, y);
      }
    case LIA_KIND_LIST:
    case LIA_KIND_CHILD:
      return g_value_get_object (a) == g_value_get_object (b);
    default:
      g_assert_not_reached ();
    }
}

static void
lia_entity_field_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaEntity *self = LIA_ENTITY (object);
  GValue *values = ensure_values (self);

  g_value_copy (&values[prop_id - 1], value);
}

static void
lia_entity_field_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  lia_entity_set_value (LIA_ENTITY (object), prop_id - 1, value);
}

static void
lia_entity_dispose (GObject *object)
{
  LiaEntity *self = LIA_ENTITY (object);
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_clear_pointer (&priv->values, g_free);
    }
  g_clear_object (&priv->remote);

  G_OBJECT_CLASS (lia_entity_parent_class)->dispose (object);
}

static void
lia_entity_finalize (GObject *object)
{
  LiaEntity *self = LIA_ENTITY (object);
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  g_free (priv->id);
  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (lia_entity_parent_class)->finalize (object);
}

static void
lia_entity_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaEntity *self = LIA_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, lia_entity_get_id (self));
      break;
    case PROP_REMOTE:
      g_value_set_object (value, lia_entity_get_remote (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_entity_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiaEntity *self = LIA_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_entity_set_id (self, g_value_get_string (value));
      break;
    case PROP_REMOTE:
      lia_entity_set_remote (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_entity_class_init (LiaEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_entity_dispose;
  object_class->finalize = lia_entity_finalize;
  object_class->get_property = lia_entity_get_property;
  object_class->set_property = lia_entity_set_property;

  /* The id is stable for the entity's whole life and across files:
   * references and tracker markers rely on it. */
  /* Not a construct property: an entity without construct properties
   * takes GObject's fast construction path, which loading relies on. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE] =
    g_param_spec_object ("remote", NULL, NULL, LIA_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_entity_init (LiaEntity *self)
{
}

void
lia_entity_class_install_fields (LiaEntityClass     *klass,
                                 const LiaFieldSpec *fields,
                                 guint               n_fields,
                                 gboolean            has_id)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->has_id = has_id;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);
  klass->json_keys = g_new0 (char *, n_fields + 1);
  klass->prototype = g_new0 (GValue, MAX (n_fields, 1));

  object_class->get_property = lia_entity_field_get_property;
  object_class->set_property = lia_entity_field_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const LiaFieldSpec *f = &fields[i];
      GParamSpec *pspec = NULL;

      switch (f->kind)
        {
        case LIA_KIND_STRING:
          pspec = g_param_spec_string (f->name, NULL, NULL, f->default_string ? f->default_string : "", rw);
          break;
        case LIA_KIND_INT:
          pspec = g_param_spec_int (f->name, NULL, NULL, G_MININT, G_MAXINT, (int) f->default_number, rw);
          break;
        case LIA_KIND_DOUBLE:
          pspec = g_param_spec_double (f->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
          break;
        case LIA_KIND_BOOLEAN:
          pspec = g_param_spec_boolean (f->name, NULL, NULL, f->default_number != 0, rw);
          break;
        case LIA_KIND_STRV:
          pspec = g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_STRV, rw);
          break;
        case LIA_KIND_JSON:
          pspec = g_param_spec_boxed (f->name, NULL, NULL, JSON_TYPE_NODE, rw);
          break;
        case LIA_KIND_LIST:
          pspec = g_param_spec_object (f->name, NULL, NULL, G_TYPE_LIST_STORE,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        case LIA_KIND_CHILD:
          pspec = g_param_spec_object (f->name, NULL, NULL, f->entity_type (), rw);
          break;
        default:
          g_assert_not_reached ();
        }

      klass->pspecs[i] = pspec;
      init_value (f, &klass->prototype[i]);
      klass->json_keys[i] = g_strdelimit (g_strdup (f->name), "-", '_');
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

int
lia_entity_class_find_field (LiaEntityClass *klass,
                             const char     *name)
{
  g_return_val_if_fail (LIA_IS_ENTITY_CLASS (klass), -1);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name) || g_str_equal (klass->json_keys[i], name))
      return i;

  return -1;
}

/* Only the JSON key: a key read from a file (a merge's list, a conflict
 * record's field) names a field as the file writes it, never by its
 * property name. */
int
lia_entity_class_find_json_key (LiaEntityClass *klass,
                                const char     *key)
{
  g_return_val_if_fail (LIA_IS_ENTITY_CLASS (klass), -1);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->json_keys[i], key))
      return i;

  return -1;
}

const LiaFieldSpec *
lia_entity_get_field_spec (LiaEntity *self,
                           guint      field)
{
  g_return_val_if_fail (LIA_IS_ENTITY (self), NULL);
  g_return_val_if_fail (field < LIA_ENTITY_GET_CLASS (self)->n_fields, NULL);

  return &LIA_ENTITY_GET_CLASS (self)->fields[field];
}

GParamSpec *
lia_entity_get_field_pspec (LiaEntity *self,
                            guint      field)
{
  g_return_val_if_fail (LIA_IS_ENTITY (self), NULL);
  g_return_val_if_fail (field < LIA_ENTITY_GET_CLASS (self)->n_fields, NULL);

  return LIA_ENTITY_GET_CLASS (self)->pspecs[field];
}

const char *
lia_entity_get_id (LiaEntity *self)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_ENTITY (self), NULL);

  /* A new entity gets its id on first use; the loader assigns the file's
   * ids first, so loading never pays for random ids it would discard. */
  if (priv->id == NULL && LIA_ENTITY_GET_CLASS (self)->has_id)
    {
      priv->id = g_uuid_string_random ();
      priv->id_made = TRUE;
    }
  return priv->id;
}

/* Only the loader and copies assign ids; an id never changes once an
 * entity is part of a workspace. */
void
lia_entity_set_id (LiaEntity  *self,
                   const char *id)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  g_return_if_fail (LIA_IS_ENTITY (self));

  if (id == NULL || g_strcmp0 (priv->id, id) == 0)
    return;
  g_free (priv->id);
  priv->id = g_strdup (id);
  priv->id_made = FALSE;
  priv->checked = FALSE;
}

LiaRemoteRef *
lia_entity_get_remote (LiaEntity *self)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_ENTITY (self), NULL);

  return priv->remote;
}

void
lia_entity_set_remote (LiaEntity    *self,
                       LiaRemoteRef *remote)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  g_return_if_fail (LIA_IS_ENTITY (self));
  g_return_if_fail (remote == NULL || LIA_IS_REMOTE_REF (remote));

  if (g_set_object (&priv->remote, remote))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE]);
}

/* Keys this version does not know, kept so that a round trip through an
 * older Liaison loses nothing. */
JsonObject *
lia_entity_get_extra (LiaEntity *self)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_ENTITY (self), NULL);

  if (priv->extra == NULL)
    priv->extra = json_object_new ();
  return priv->extra;
}

GValue *
lia_entity_get_values_internal (LiaEntity *self)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  priv->checked = FALSE;
  return ensure_values (self);
}

const GValue *
lia_entity_peek_values_internal (LiaEntity *self)
{
  return ensure_values (self);
}

/* Whether the id was made at random by this entity (a new entity, a copy
 * with new ids): such an id cannot be taken already. */
gboolean
lia_entity_id_is_made (LiaEntity *self)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  return priv->id_made;
}

gboolean
lia_entity_get_checked (LiaEntity *self)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  return priv->checked;
}

void
lia_entity_set_checked (LiaEntity *self,
                        gboolean   checked)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);

  priv->checked = checked;
}

const GValue *
lia_entity_peek_value (LiaEntity *self,
                       guint      field)
{
  g_return_val_if_fail (LIA_IS_ENTITY (self), NULL);
  g_return_val_if_fail (field < LIA_ENTITY_GET_CLASS (self)->n_fields, NULL);

  return &ensure_values (self)[field];
}

gboolean
lia_entity_value_equal (LiaEntity    *self,
                        guint         field,
                        const GValue *value)
{
  const GValue *current = lia_entity_peek_value (self, field);

  g_return_val_if_fail (current != NULL, FALSE);
  g_return_val_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (current), FALSE);

  return values_equal (lia_entity_get_field_spec (self, field), current, value);
}

/* One field of two entities of the same class.  As written, a JSON
 * value's key order counts too, which json_node_equal() does not see. */
gboolean
lia_entity_field_equal (LiaEntity     *a,
                        LiaEntity     *b,
                        guint          field,
                        LiaEqualFlags  flags)
{
  if (!lia_entity_value_equal (a, field, lia_entity_peek_value (b, field)))
    return FALSE;
  if ((flags & LIA_EQUAL_AS_WRITTEN) && lia_entity_get_field_spec (a, field)->kind == LIA_KIND_JSON)
    {
      JsonNode *x = lia_entity_get_json (a, field), *y = lia_entity_get_json (b, field);
      g_autofree char *sx = x ? json_to_string (x, FALSE) : NULL;
      g_autofree char *sy = y ? json_to_string (y, FALSE) : NULL;

      return g_strcmp0 (sx, sy) == 0;
    }
  return TRUE;
}

/* Every field that is not a list or a child: what an edit of the entity
 * itself changes. */
gboolean
lia_entity_plain_fields_equal (LiaEntity     *a,
                               LiaEntity     *b,
                               LiaEqualFlags  flags)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (a);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind != LIA_KIND_LIST && klass->fields[i].kind != LIA_KIND_CHILD &&
        !lia_entity_field_equal (a, b, i, flags))
      return FALSE;
  return TRUE;
}

/* Unknown keys (kept for a newer version).  As written, their order
 * counts too. */
gboolean
lia_json_object_equal (JsonObject    *a,
                       JsonObject    *b,
                       LiaEqualFlags  flags)
{
  JsonObjectIter ia, ib;
  const char *ka, *kb;
  JsonNode *na, *nb;

  if (json_object_get_size (a) != json_object_get_size (b))
    return FALSE;
  if (flags & LIA_EQUAL_AS_WRITTEN)
    {
      json_object_iter_init_ordered (&ia, a);
      json_object_iter_init_ordered (&ib, b);
      while (json_object_iter_next_ordered (&ia, &ka, &na))
        if (!json_object_iter_next_ordered (&ib, &kb, &nb) ||
            !g_str_equal (ka, kb) || !json_node_equal (na, nb))
          return FALSE;
      return TRUE;
    }
  json_object_iter_init (&ia, a);
  while (json_object_iter_next (&ia, &ka, &na))
    if (!json_object_has_member (b, ka) || !json_node_equal (na, json_object_get_member (b, ka)))
      return FALSE;
  return TRUE;
}

/* The tracker or wiki link, field by field. */
gboolean
lia_entity_remote_equal (LiaEntity     *a,
                         LiaEntity     *b,
                         LiaEqualFlags  flags)
{
  LiaRemoteRef *ra = lia_entity_get_remote (a), *rb = lia_entity_get_remote (b);

  if (ra == NULL || rb == NULL)
    return ra == rb;
  return lia_entity_own_fields_equal (LIA_ENTITY (ra), LIA_ENTITY (rb), flags);
}

/* What two entities of the same class hold themselves, leaving out
 * what is inside them (lists and children): the plain fields, the
 * remote link and the unknown keys. */
gboolean
lia_entity_own_fields_equal (LiaEntity     *a,
                             LiaEntity     *b,
                             LiaEqualFlags  flags)
{
  g_return_val_if_fail (LIA_IS_ENTITY (a), FALSE);
  g_return_val_if_fail (LIA_IS_ENTITY (b), FALSE);

  return lia_entity_plain_fields_equal (a, b, flags) &&
         lia_entity_remote_equal (a, b, flags) &&
         lia_json_object_equal (lia_entity_get_extra (a), lia_entity_get_extra (b), flags);
}

gboolean
lia_entity_set_value (LiaEntity    *self,
                      guint         field,
                      const GValue *value)
{
  LiaEntityClass *klass;
  GValue *slot;

  g_return_val_if_fail (LIA_IS_ENTITY (self), FALSE);
  klass = LIA_ENTITY_GET_CLASS (self);
  g_return_val_if_fail (field < klass->n_fields, FALSE);
  g_return_val_if_fail (klass->fields[field].kind != LIA_KIND_LIST, FALSE);

  slot = &ensure_values (self)[field];
  g_return_val_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (slot), FALSE);

  if (values_equal (&klass->fields[field], slot, value))
    return FALSE;

  ((LiaEntityPrivate *) lia_entity_get_instance_private (self))->checked = FALSE;
  g_value_copy (value, slot);
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[field]);
  return TRUE;
}

#define GETTER(name, ctype, fkind, getter)                          \
  ctype                                                             \
  lia_entity_get_##name (LiaEntity *self,                           \
                         guint      field)                          \
  {                                                                 \
    const GValue *v = lia_entity_peek_value (self, field);          \
    g_return_val_if_fail (v != NULL, (ctype) 0);                    \
    g_return_val_if_fail (lia_entity_get_field_spec (self, field)->kind == fkind, (ctype) 0); \
    return (ctype) getter (v);                                      \
  }

GETTER (string, const char *, LIA_KIND_STRING, g_value_get_string)
GETTER (int, int, LIA_KIND_INT, g_value_get_int)
GETTER (double, double, LIA_KIND_DOUBLE, g_value_get_double)
GETTER (boolean, gboolean, LIA_KIND_BOOLEAN, g_value_get_boolean)
GETTER (strv, const char * const *, LIA_KIND_STRV, g_value_get_boxed)
GETTER (json, JsonNode *, LIA_KIND_JSON, g_value_get_boxed)
GETTER (list, GListStore *, LIA_KIND_LIST, g_value_get_object)
GETTER (child, LiaEntity *, LIA_KIND_CHILD, g_value_get_object)

#undef GETTER

static void
set_with (LiaEntity *self,
          guint      field,
          GValue    *value)
{
  lia_entity_set_value (self, field, value);
  g_value_unset (value);
}

void
lia_entity_set_string (LiaEntity  *self,
                       guint       field,
                       const char *value)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value ? value : "");
  set_with (self, field, &v);
}

void
lia_entity_set_int (LiaEntity *self,
                    guint      field,
                    int        value)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  set_with (self, field, &v);
}

void
lia_entity_set_double (LiaEntity *self,
                       guint      field,
                       double     value)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  set_with (self, field, &v);
}

void
lia_entity_set_boolean (LiaEntity *self,
                        guint      field,
                        gboolean   value)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  set_with (self, field, &v);
}

void
lia_entity_set_strv (LiaEntity          *self,
                     guint               field,
                     const char * const *value)
{
  const char * const empty[] = { NULL };
  GValue v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value ? value : empty);
  set_with (self, field, &v);
}

void
lia_entity_set_json (LiaEntity *self,
                     guint      field,
                     JsonNode  *value)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, JSON_TYPE_NODE);
  g_value_set_boxed (&v, value);
  set_with (self, field, &v);
}

void
lia_entity_set_child (LiaEntity *self,
                      guint      field,
                      LiaEntity *child)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, G_VALUE_TYPE (lia_entity_peek_value (self, field)));
  g_value_set_object (&v, child);
  set_with (self, field, &v);
}

/* A deep copy: lists and children are copied too.  With @new_ids every
 * copied entity gets a fresh id (templates, duplicates); without, the copy
 * is a snapshot of the same entities. */
LiaEntity *
lia_entity_copy (LiaEntity *self,
                 gboolean   new_ids)
{
  LiaEntityPrivate *priv = lia_entity_get_instance_private (self);
  LiaEntityClass *klass;
  LiaEntity *copy;
  GValue *src;

  g_return_val_if_fail (LIA_IS_ENTITY (self), NULL);

  klass = LIA_ENTITY_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  if (!new_ids)
    lia_entity_set_id (copy, priv->id);
  src = ensure_values (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].kind == LIA_KIND_LIST)
        {
          GListStore *from = g_value_get_object (&src[i]);
          GListStore *to = lia_entity_get_list (copy, i);
          guint n = g_list_model_get_n_items (G_LIST_MODEL (from));

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(LiaEntity) item = g_list_model_get_item (G_LIST_MODEL (from), j);
              g_autoptr(LiaEntity) item_copy = lia_entity_copy (item, new_ids);
              g_list_store_append (to, item_copy);
            }
        }
      else if (klass->fields[i].kind == LIA_KIND_CHILD)
        {
          LiaEntity *child = g_value_get_object (&src[i]);
          g_autoptr(LiaEntity) child_copy = child ? lia_entity_copy (child, new_ids) : NULL;
          lia_entity_set_child (copy, i, child_copy);
        }
      else
        {
          lia_entity_set_value (copy, i, &src[i]);
        }
    }

  if (priv->remote != NULL && !new_ids)
    {
      g_autoptr(LiaEntity) remote = lia_entity_copy (LIA_ENTITY (priv->remote), FALSE);
      lia_entity_set_remote (copy, LIA_REMOTE_REF (remote));
    }

  if (priv->extra != NULL)
    {
      LiaEntityPrivate *cpriv = lia_entity_get_instance_private (copy);
      JsonObjectIter iter;
      const char *key;
      JsonNode *node;

      cpriv->extra = json_object_new ();
      json_object_iter_init_ordered (&iter, priv->extra);
      while (json_object_iter_next_ordered (&iter, &key, &node))
        json_object_set_member (cpriv->extra, key, json_node_copy (node));
    }

  return copy;
}

/* @self and every entity inside it (list items, children), in file
 * order: what a removal takes away, what an insert brings in. */
void
lia_entity_foreach (LiaEntity          *self,
                    LiaEntityVisitFunc  func,
                    gpointer            data)
{
  LiaEntityClass *klass;

  g_return_if_fail (LIA_IS_ENTITY (self));

  klass = LIA_ENTITY_GET_CLASS (self);
  func (self, data);
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == LIA_KIND_LIST)
      {
        GListModel *list = G_LIST_MODEL (lia_entity_get_list (self, i));
        guint n = g_list_model_get_n_items (list);

        for (guint j = 0; j < n; j++)
          {
            g_autoptr(LiaEntity) item = g_list_model_get_item (list, j);
            lia_entity_foreach (item, func, data);
          }
      }
    else if (klass->fields[i].kind == LIA_KIND_CHILD && lia_entity_get_child (self, i) != NULL)
      lia_entity_foreach (lia_entity_get_child (self, i), func, data);
}
