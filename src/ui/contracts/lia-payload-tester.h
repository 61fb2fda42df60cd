/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaPayloadTester: a JSON payload checked against one contract model. */

#include <adwaita.h>

#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_PAYLOAD_TESTER (lia_payload_tester_get_type ())
G_DECLARE_FINAL_TYPE (LiaPayloadTester, lia_payload_tester, LIA, PAYLOAD_TESTER, AdwPreferencesGroup)

GListModel  *lia_payload_tester_get_contracts (LiaPayloadTester *self);
void         lia_payload_tester_set_contracts (LiaPayloadTester *self,
                                               GListModel       *contracts);
LiaContract *lia_payload_tester_get_contract  (LiaPayloadTester *self);
void         lia_payload_tester_set_contract  (LiaPayloadTester *self,
                                               LiaContract      *contract);
void         lia_payload_tester_set_payload   (LiaPayloadTester *self,
                                               const char       *json);
/* Checks again, after the models changed. */
void         lia_payload_tester_check         (LiaPayloadTester *self);
/* The result shown, one line each. */
char        *lia_payload_tester_get_result    (LiaPayloadTester *self);

/* Shows @lines in @list, one row each marked with @icon, or @empty_text
 * marked as fine; shared with the page's list of problems. */
void         lia_show_check_lines             (GtkListBox       *list,
                                               GPtrArray        *lines,
                                               const char       *empty_text,
                                               const char       *icon);
/* The titles of @list's rows, one line each. */
char        *lia_check_lines_text             (GtkListBox       *list);

G_END_DECLS
