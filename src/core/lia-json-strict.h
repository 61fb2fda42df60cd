/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks that @data is exactly one JSON text per RFC 8259 that Liaison
 * can hold without change: no duplicate keys, whole numbers within 64
 * bits, finite doubles, no NUL or lone surrogate, valid UTF-8, nothing
 * after the value, nesting at most @max_depth containers deep.  A leading
 * UTF-8 byte order mark is ignored, as RFC 8259 allows.  On failure the
 * error (LIA_WORKSPACE_ERROR_NOT_JSON) reads "line L, column C: problem",
 * the column counted in characters; the caller adds the file's name. */
gboolean lia_json_check_strict       (const char *data,
                                      gsize       length,
                                      guint       max_depth,
                                      GError    **error);

/* Whether @s (@len bytes, or up to its NUL when @len is negative) is text
 * that a JSON string can carry and read back unchanged: valid UTF-8 with
 * no NUL character and no encoded surrogate. */
gboolean lia_json_string_is_holdable (const char *s,
                                      gssize      len);

G_END_DECLS
