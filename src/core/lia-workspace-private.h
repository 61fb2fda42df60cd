/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-workspace.h"

G_BEGIN_DECLS

/* The top-level collections, in file order. */
typedef enum
{
  LIA_COLLECTION_MEMBERS,
  LIA_COLLECTION_REQUIREMENTS,
  LIA_COLLECTION_MEETINGS,
  LIA_COLLECTION_TASKS,
  LIA_COLLECTION_PAGES,
  LIA_COLLECTION_CONTRACTS,
  LIA_COLLECTION_ASSESSMENTS,
  LIA_COLLECTION_PLAYBOOK,
  LIA_COLLECTION_ACCOUNTS,
  LIA_COLLECTION_OUTBOX,
  LIA_COLLECTION_UNRECOVERED,
  LIA_COLLECTION_CONFLICTS,
  LIA_N_COLLECTIONS
} LiaCollection;

typedef struct
{
  const char *key;
  GType     (*item_type) (void);
} LiaCollectionInfo;

extern const LiaCollectionInfo lia_collections[LIA_N_COLLECTIONS];

GListStore *lia_workspace_get_collection   (LiaWorkspace  *self,
                                            LiaCollection  collection);
void        lia_workspace_set_loaded_state (LiaWorkspace  *self,
                                            const char    *title,
                                            gint64         version,
                                            JsonObject    *extra,
                                            char         **problems);
void        lia_workspace_adopt_disk_state (LiaWorkspace  *self,
                                            LiaWorkspace  *other);
void        lia_workspace_set_applying     (LiaWorkspace  *self,
                                            gboolean       applying);

/* lia-workspace-io.c */
gboolean    lia_workspace_parse            (LiaWorkspace  *self,
                                            const char    *data,
                                            gsize          length,
                                            const char    *display_name,
                                            LiaLoadFlags   flags,
                                            GError       **error);
GString    *lia_workspace_serialize        (LiaWorkspace  *self);
/* An entity, or one field's value, read from JSON by the reader's rules
 * (for choices made from a conflict record). */
LiaEntity  *lia_entity_new_from_json       (GType          type,
                                            JsonNode      *node,
                                            GError       **error);
gboolean    lia_entity_value_from_json     (LiaEntity     *entity,
                                            guint          field,
                                            JsonNode      *node,
                                            GValue        *out,
                                            GError       **error);
char       *lia_entity_to_data             (LiaEntity     *entity);

G_END_DECLS
