/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

#define LIA_TYPE_HISTORY (lia_history_get_type ())
G_DECLARE_FINAL_TYPE (LiaHistory, lia_history, LIA, HISTORY, GObject)

/* What the field rules cannot see from one entity: whether an id names
 * an entity of the workspace, whether an inserted entity's id is new.
 * The workspace installs one on its history.  @field is -1 for an insert
 * of @entity (with @value NULL). */
typedef gboolean (*LiaHistoryCheckFunc) (LiaEntity     *entity,
                                         int            field,
                                         const GValue  *value,
                                         gpointer       user_data,
                                         GError       **error);

LiaHistory *lia_history_new        (void);

void        lia_history_begin      (LiaHistory   *self,
                                    const char   *label);
void        lia_history_end        (LiaHistory   *self);

gboolean    lia_history_try_set_value (LiaHistory   *self,
                                       LiaEntity    *entity,
                                       guint         field,
                                       const GValue *value,
                                       gboolean      coalesce,
                                       GError      **error);
gboolean    lia_history_set_value  (LiaHistory   *self,
                                    LiaEntity    *entity,
                                    guint         field,
                                    const GValue *value,
                                    gboolean      coalesce);
gboolean    lia_history_set_string (LiaHistory   *self,
                                    LiaEntity    *entity,
                                    guint         field,
                                    const char   *value,
                                    gboolean      coalesce);
gboolean    lia_history_set_int    (LiaHistory   *self,
                                    LiaEntity    *entity,
                                    guint         field,
                                    int           value);
gboolean    lia_history_try_insert (LiaHistory   *self,
                                    GListStore   *store,
                                    guint         position,
                                    gpointer      item,
                                    GError      **error);
gboolean    lia_history_insert     (LiaHistory   *self,
                                    GListStore   *store,
                                    guint         position,
                                    gpointer      item);
void        lia_history_remove     (LiaHistory   *self,
                                    GListStore   *store,
                                    guint         position);
void        lia_history_move       (LiaHistory   *self,
                                    GListStore   *store,
                                    guint         from,
                                    guint         to);

gboolean    lia_history_can_undo   (LiaHistory   *self);
gboolean    lia_history_can_redo   (LiaHistory   *self);
const char *lia_history_get_undo_label (LiaHistory *self);
const char *lia_history_get_redo_label (LiaHistory *self);
gboolean    lia_history_undo       (LiaHistory   *self);
gboolean    lia_history_redo       (LiaHistory   *self);
void        lia_history_clear      (LiaHistory   *self);

void        lia_history_set_check_func   (LiaHistory          *self,
                                          LiaHistoryCheckFunc  func,
                                          gpointer             user_data);
void        lia_history_set_memory_limit (LiaHistory *self,
                                          gsize       limit);
gsize       lia_history_get_memory_size  (LiaHistory *self);
guint       lia_history_get_n_undo       (LiaHistory *self);

G_END_DECLS
