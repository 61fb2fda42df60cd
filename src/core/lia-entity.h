/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What kind of value a model field holds; it decides the GParamSpec, the
 * JSON representation and the checks the loader applies. */
typedef enum
{
  LIA_KIND_STRING,
  LIA_KIND_INT,
  LIA_KIND_DOUBLE,
  LIA_KIND_BOOLEAN,
  LIA_KIND_STRV,
  LIA_KIND_JSON,
  LIA_KIND_LIST,
  LIA_KIND_CHILD,
} LiaFieldKind;

typedef enum
{
  LIA_CHECK_NONE,
  LIA_CHECK_DATE,
  LIA_CHECK_TIME,
  LIA_CHECK_DATETIME,
  LIA_CHECK_TIMESTAMP,
  LIA_CHECK_ZONE,
  LIA_CHECK_CHOICE,
  LIA_CHECK_WEEKDAYS,
  LIA_CHECK_MEMBER_REFS,
  LIA_CHECK_CALENDAR_SOURCE,
} LiaFieldCheck;

typedef enum
{
  LIA_SPEC_REQUIRED = 1 << 0, /* the key must be present (and a string non-empty) */
  LIA_SPEC_OPTIONAL = 1 << 1, /* a number that may be null (stored as NaN) */
  LIA_SPEC_RANGED   = 1 << 2, /* min and max apply */
} LiaFieldFlags;

/* How lia_entity_own_fields_equal() and its parts compare JSON: by
 * value (json_node_equal(), key order does not count), or as the writer
 * puts them out (key order counts: the file would differ). */
typedef enum
{
  LIA_EQUAL_BY_VALUE  = 0,
  LIA_EQUAL_AS_WRITTEN = 1 << 0,
} LiaEqualFlags;

typedef struct
{
  const char          *name;     /* property name; the JSON key uses '_' for '-' */
  LiaFieldKind         kind;
  LiaFieldFlags        flags;
  LiaFieldCheck        check;
  double               min;
  double               max;
  const char * const  *choices;  /* LIA_CHECK_CHOICE: allowed strings, NULL-terminated */
  GType              (*entity_type) (void); /* LIST and CHILD */
  const char          *default_string;
  double               default_number;
  const char * const  *default_strv;
} LiaFieldSpec;

#define LIA_TYPE_ENTITY (lia_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (LiaEntity, lia_entity, LIA, ENTITY, GObject)

typedef struct _LiaRemoteRef LiaRemoteRef;

struct _LiaEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  const LiaFieldSpec  *fields;
  guint                n_fields;
  GParamSpec         **pspecs;
  char               **json_keys;
  gboolean             has_id;
  GValue              *prototype;  /* default values, bit-copyable */
  gpointer             padding[7];
};

void                 lia_entity_class_install_fields (LiaEntityClass     *klass,
                                                      const LiaFieldSpec *fields,
                                                      guint               n_fields,
                                                      gboolean            has_id);
int                  lia_entity_class_find_field     (LiaEntityClass     *klass,
                                                      const char         *name);
int                  lia_entity_class_find_json_key  (LiaEntityClass     *klass,
                                                      const char         *key);
const LiaFieldSpec  *lia_entity_get_field_spec       (LiaEntity          *self,
                                                      guint               field);
GParamSpec          *lia_entity_get_field_pspec      (LiaEntity          *self,
                                                      guint               field);

const char          *lia_entity_get_id               (LiaEntity          *self);
void                 lia_entity_set_id               (LiaEntity          *self,
                                                      const char         *id);
LiaRemoteRef        *lia_entity_get_remote           (LiaEntity          *self);
void                 lia_entity_set_remote           (LiaEntity          *self,
                                                      LiaRemoteRef       *remote);
JsonObject          *lia_entity_get_extra            (LiaEntity          *self);

const GValue        *lia_entity_peek_value           (LiaEntity          *self,
                                                      guint               field);
gboolean             lia_entity_value_equal          (LiaEntity          *self,
                                                      guint               field,
                                                      const GValue       *value);
gboolean             lia_entity_set_value            (LiaEntity          *self,
                                                      guint               field,
                                                      const GValue       *value);

gboolean             lia_entity_field_equal          (LiaEntity          *a,
                                                      LiaEntity          *b,
                                                      guint               field,
                                                      LiaEqualFlags       flags);
gboolean             lia_entity_plain_fields_equal   (LiaEntity          *a,
                                                      LiaEntity          *b,
                                                      LiaEqualFlags       flags);
gboolean             lia_entity_remote_equal         (LiaEntity          *a,
                                                      LiaEntity          *b,
                                                      LiaEqualFlags       flags);
gboolean             lia_json_object_equal           (JsonObject         *a,
                                                      JsonObject         *b,
                                                      LiaEqualFlags       flags);
gboolean             lia_entity_own_fields_equal     (LiaEntity          *a,
                                                      LiaEntity          *b,
                                                      LiaEqualFlags       flags);

const char          *lia_entity_get_string           (LiaEntity          *self,
                                                      guint               field);
int                  lia_entity_get_int              (LiaEntity          *self,
                                                      guint               field);
double               lia_entity_get_double           (LiaEntity          *self,
                                                      guint               field);
gboolean             lia_entity_get_boolean          (LiaEntity          *self,
                                                      guint               field);
const char * const  *lia_entity_get_strv             (LiaEntity          *self,
                                                      guint               field);
JsonNode            *lia_entity_get_json             (LiaEntity          *self,
                                                      guint               field);
GListStore          *lia_entity_get_list             (LiaEntity          *self,
                                                      guint               field);
LiaEntity           *lia_entity_get_child            (LiaEntity          *self,
                                                      guint               field);

void                 lia_entity_set_string           (LiaEntity          *self,
                                                      guint               field,
                                                      const char         *value);
void                 lia_entity_set_int              (LiaEntity          *self,
                                                      guint               field,
                                                      int                 value);
void                 lia_entity_set_double           (LiaEntity          *self,
                                                      guint               field,
                                                      double              value);
void                 lia_entity_set_boolean          (LiaEntity          *self,
                                                      guint               field,
                                                      gboolean            value);
void                 lia_entity_set_strv             (LiaEntity          *self,
                                                      guint               field,
                                                      const char * const *value);
void                 lia_entity_set_json             (LiaEntity          *self,
                                                      guint               field,
                                                      JsonNode           *value);
void                 lia_entity_set_child            (LiaEntity          *self,
                                                      guint               field,
                                                      LiaEntity          *child);

LiaEntity           *lia_entity_copy                 (LiaEntity          *self,
                                                      gboolean            new_ids);

typedef void (*LiaEntityVisitFunc) (LiaEntity *entity,
                                    gpointer   data);

void                 lia_entity_foreach              (LiaEntity          *self,
                                                      LiaEntityVisitFunc  func,
                                                      gpointer            data);

G_END_DECLS
