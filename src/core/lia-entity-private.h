/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

/* The value slots, unchecked and without notification: only for the
 * loader, which fills entities nobody observes yet. */
GValue  *lia_entity_get_values_internal (LiaEntity *self);

/* The value slots to read, without the checks of the public getters:
 * for the walks over every entity of a large workspace. */
const GValue *lia_entity_peek_values_internal (LiaEntity *self);

gboolean      lia_entity_id_is_made            (LiaEntity *self);

/* For lia_entity_check: whether the entity's own fields passed since
 * they last changed. */
gboolean lia_entity_get_checked         (LiaEntity *self);
void     lia_entity_set_checked         (LiaEntity *self,
                                         gboolean   checked);

G_END_DECLS
