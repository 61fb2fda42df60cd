/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *lia_workspace_schema_new (void);
char     *lia_workspace_schema_to_string (void);

G_END_DECLS
