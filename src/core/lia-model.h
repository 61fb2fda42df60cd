/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The consumers' umbrella: every entity type and the choice tables.
 * Core's own entity files include only what they use. */
#pragma once

#include "lia-entity.h"

#include "lia-choices.h"

#include "lia-account.h"
#include "lia-action-item.h"
#include "lia-agenda-item.h"
#include "lia-assessment.h"
#include "lia-conflict.h"
#include "lia-contract.h"
#include "lia-evaluation.h"
#include "lia-field.h"
#include "lia-meeting.h"
#include "lia-member.h"
#include "lia-outbox-op.h"
#include "lia-page.h"
#include "lia-playbook-entry.h"
#include "lia-rating.h"
#include "lia-remote-ref.h"
#include "lia-requirement.h"
#include "lia-step.h"
#include "lia-task.h"
#include "lia-unrecovered.h"
