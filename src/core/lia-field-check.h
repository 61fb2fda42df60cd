/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-entity.h"

G_BEGIN_DECLS

/* The rule book: what a field may hold.  The reader, the history, the
 * writer and the views all ask here, so a value one of them accepts is
 * never refused by another.  Errors are LIA_FIELD_ERROR_INVALID and say
 * only what is wrong (“… is not a date”); callers add where. */

#define LIA_FIELD_ERROR (lia_field_error_quark ())

typedef enum
{
  LIA_FIELD_ERROR_INVALID,
} LiaFieldError;

GQuark    lia_field_error_quark        (void);

gboolean  lia_text_is_holdable         (const char         *text,
                                        gssize              length,
                                        GError            **error);

gboolean  lia_field_spec_check_text    (const LiaFieldSpec *spec,
                                        const char         *text,
                                        GError            **error);
gboolean  lia_field_spec_check_text_rules (const LiaFieldSpec *spec,
                                          const char         *text,
                                          GError            **error);
gboolean  lia_field_spec_check_int     (const LiaFieldSpec *spec,
                                        gint64              value,
                                        GError            **error);
gboolean  lia_field_spec_check_double  (const LiaFieldSpec *spec,
                                        double              value,
                                        GError            **error);
gboolean  lia_field_spec_check_strv    (const LiaFieldSpec *spec,
                                        const char * const *strv,
                                        GError            **error);
gboolean  lia_field_spec_check_value   (const LiaFieldSpec *spec,
                                        const GValue       *value,
                                        GError            **error);

gboolean  lia_entity_check_value       (LiaEntity          *self,
                                        guint               field,
                                        const GValue       *value,
                                        GError            **error);
gboolean  lia_entity_check_string      (LiaEntity          *self,
                                        guint               field,
                                        const char         *text,
                                        GError            **error);
gboolean  lia_entity_check             (LiaEntity          *self,
                                        GError            **error);

gboolean  lia_field_spec_is_reference  (const LiaFieldSpec *spec);

/* Parsing what people type: the forms a date or time is usually written
 * in, turned into the file's form (YYYY-MM-DD, HH:MM, YYYY-MM-DDTHH:MM). */
char     *lia_parse_user_date          (const char         *text);
char     *lia_parse_user_time          (const char         *text);
char     *lia_parse_user_datetime      (const char         *text);

G_END_DECLS
