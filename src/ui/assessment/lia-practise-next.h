/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaPractiseNext: an assessment's lowest areas and what trains them. */

#include <adwaita.h>

#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_PRACTISE_NEXT (lia_practise_next_get_type ())
G_DECLARE_FINAL_TYPE (LiaPractiseNext, lia_practise_next, LIA, PRACTISE_NEXT, AdwPreferencesGroup)

LiaAssessment *lia_practise_next_get_assessment (LiaPractiseNext *self);
void           lia_practise_next_set_assessment (LiaPractiseNext *self,
                                                 LiaAssessment   *assessment);
/* The team's own playbook entries, besides the built-in ones. */
void           lia_practise_next_set_playbook   (LiaPractiseNext *self,
                                                 GListModel      *playbook);
/* Reads the scores again. */
void           lia_practise_next_update         (LiaPractiseNext *self);
/* One line per suggestion: "Cross-time-zone collaboration → zones". */
char          *lia_practise_next_get_text       (LiaPractiseNext *self);

G_END_DECLS
