/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The model's choice fields: the values files hold and the labels people see. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The allowed values of the model's choice fields, as written in files. */
extern const char * const lia_work_status_choices[];
extern const char * const lia_priority_choices[];
extern const char * const lia_requirement_status_choices[];
extern const char * const lia_agenda_kind_choices[];
extern const char * const lia_recurrence_choices[];
extern const char * const lia_field_type_choices[];
extern const char * const lia_http_method_choices[];
extern const char * const lia_playbook_kind_choices[];
extern const char * const lia_team_size_choices[];
extern const char * const lia_spread_choices[];
extern const char * const lia_urgency_choices[];
extern const char * const lia_weekday_choices[];
extern const char * const lia_default_work_days[];
extern const char * const lia_service_choices[];
extern const char * const lia_account_service_choices[];
extern const char * const lia_outbox_action_choices[];
extern const char * const lia_outbox_state_choices[];

const char *lia_choice_get_label (const char *value);

G_END_DECLS
