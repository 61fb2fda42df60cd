/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-field-check.h"
#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

/* One widget showing one field of one entity.  The binding lives as long
 * as the widget; edits go through the history, and only what core's rule
 * book accepts is written.  Without a history (a dialog editing a scratch
 * copy that is handed over on Save) the checked value is set directly. */

#define LIA_TYPE_FIELD_BINDING (lia_field_binding_get_type ())
G_DECLARE_FINAL_TYPE (LiaFieldBinding, lia_field_binding, LIA, FIELD_BINDING, GObject)

/* Turns typed text into the file's form, or NULL when it means nothing. */
typedef char *(*LiaFieldParseFunc)  (const char *text);
/* Turns the file's form into what the widget shows. */
typedef char *(*LiaFieldFormatFunc) (const char *value);

LiaFieldBinding *lia_bind_entry      (GtkEditable       *editable,
                                      LiaHistory        *history,
                                      LiaEntity         *entity,
                                      guint              field);
LiaFieldBinding *lia_bind_choice     (GtkWidget         *drop_down_or_combo_row,
                                      LiaHistory        *history,
                                      LiaEntity         *entity,
                                      guint              field);
LiaFieldBinding *lia_bind_spin       (GtkSpinButton     *spin,
                                      LiaHistory        *history,
                                      LiaEntity         *entity,
                                      guint              field);
LiaFieldBinding *lia_bind_switch     (GtkSwitch         *sw,
                                      LiaHistory        *history,
                                      LiaEntity         *entity,
                                      guint              field);
LiaFieldBinding *lia_bind_text_view  (GtkTextView       *view,
                                      LiaHistory        *history,
                                      LiaEntity         *entity,
                                      guint              field);

LiaFieldBinding *lia_field_binding_get           (GtkWidget          *widget);
void             lia_field_binding_set_parse     (LiaFieldBinding    *self,
                                                  LiaFieldParseFunc   parse,
                                                  LiaFieldFormatFunc  format);
void             lia_field_binding_set_entity    (LiaFieldBinding    *self,
                                                  LiaEntity          *entity);
LiaEntity       *lia_field_binding_get_entity    (LiaFieldBinding    *self);
void             lia_field_binding_set_history   (LiaFieldBinding    *self,
                                                  LiaHistory         *history);
void             lia_field_binding_set_read_only (LiaFieldBinding    *self,
                                                  gboolean            read_only);
const char      *lia_field_binding_get_error     (LiaFieldBinding    *self);
GtkWidget       *lia_field_binding_get_widget    (LiaFieldBinding    *self);

/* Formats for the common pickers. */
char            *lia_format_datetime_for_entry   (const char         *value);

G_END_DECLS
