/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

/* The value slots, unchecked and without notification: only for the
 * loader, which fills entities nobody observes yet. */
GValue *lia_entity_get_values_internal (LiaEntity *self);

G_END_DECLS
