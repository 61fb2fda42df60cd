/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

/* A field's value as one line of text and back, beside the rule book
 * (lia-field-check.h) so that what a form shows and reads is what the
 * file holds.  Strings are themselves; lists are comma-separated;
 * numbers are C-locale and finite, an optional one empty when unset; an
 * int whose default is negative (a length's -1) is empty when it holds
 * that default; JSON is a strict JSON text, empty for null.  Errors are
 * LIA_FIELD_ERROR_INVALID and say only what is wrong. */

char     *lia_field_value_to_text   (const LiaFieldSpec *spec,
                                     const GValue       *value);
gboolean  lia_field_value_from_text (const LiaFieldSpec *spec,
                                     const char         *text,
                                     GValue             *out,
                                     GError            **error);
GStrv     lia_field_split_list      (const char         *text);

G_END_DECLS
