/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing JSON in Liaison's canonical form: two-space indent, members in
 * their insertion order, the shortest text that reads back as the same
 * number.  Public so that the schema, contract export and the CLI write
 * what the workspace writer writes. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void lia_json_append_canonical    (GString    *out,
                                   JsonNode   *node);

/* The pieces, for writers (the workspace file) that emit some values
 * themselves: @node nested @depth levels deep, a newline and @depth
 * indents, a quoted and escaped string, a double. */
void lia_json_append_canonical_at (GString    *out,
                                   JsonNode   *node,
                                   guint       depth);
void lia_json_append_indent       (GString    *out,
                                   guint       depth);
void lia_json_append_string       (GString    *out,
                                   const char *s);
void lia_json_append_double       (GString    *out,
                                   double      v);

G_END_DECLS
