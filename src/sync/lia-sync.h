/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-model.h"
#include "lia-tracker.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  LIA_SYNC_OUTCOME_UNCHANGED,
  LIA_SYNC_OUTCOME_CREATED,
  LIA_SYNC_OUTCOME_UPDATED,
  LIA_SYNC_OUTCOME_PULLED,
  LIA_SYNC_OUTCOME_CONFLICT,
  LIA_SYNC_OUTCOME_FAILED,
  LIA_SYNC_OUTCOME_SKIPPED,
} LiaSyncOutcome;

typedef struct
{
  guint      created;
  guint      updated;
  guint      unchanged;
  guint      pulled;
  guint      conflicts;
  guint      errors;
  gboolean   dry_run;
  gboolean   cancelled;
  GPtrArray *lines;      /* char *: one line per entity that did something */
} LiaSyncReport;

void            lia_sync_report_free       (LiaSyncReport *report);
char           *lia_sync_report_summary    (LiaSyncReport *report);
JsonNode       *lia_sync_report_to_json    (LiaSyncReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaSyncReport, lia_sync_report_free)

typedef struct _LiaSyncPlan LiaSyncPlan;

typedef void (*LiaSyncProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);

/* Main thread: read the workspace into plain jobs and record the pushes
 * in the outbox (creates are marked "sending" before anything is sent). */
LiaSyncPlan    *lia_sync_plan_new          (LiaWorkspace  *workspace,
                                            const char    *service,
                                            const char    *url,
                                            gboolean       dry_run);
guint           lia_sync_plan_get_n_jobs   (LiaSyncPlan   *plan);
/* Any thread: talk to the tracker, at most four requests at a time. */
void            lia_sync_plan_execute      (LiaSyncPlan         *plan,
                                            LiaTracker          *tracker,
                                            GCancellable        *cancellable,
                                            LiaSyncProgressFunc  progress,
                                            gpointer             user_data);
/* Main thread: bring the results into the workspace. */
LiaSyncReport  *lia_sync_plan_apply        (LiaSyncPlan   *plan,
                                            LiaWorkspace  *workspace);
void            lia_sync_plan_free         (LiaSyncPlan   *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaSyncPlan, lia_sync_plan_free)

/* The app's way in: plan, save, execute on a worker thread, apply. */
void            lia_sync_run_async         (LiaWorkspace        *workspace,
                                            LiaTracker          *tracker,
                                            gboolean             dry_run,
                                            GCancellable        *cancellable,
                                            LiaSyncProgressFunc  progress,
                                            gpointer             progress_data,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
LiaSyncReport  *lia_sync_run_finish        (LiaWorkspace        *workspace,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Ask for entities to be created in the tracker at the next sync. */
void            lia_sync_queue             (LiaWorkspace  *workspace,
                                            LiaEntity     *entity,
                                            const char    *service,
                                            const char    *url);
void            lia_sync_queue_requirement (LiaWorkspace  *workspace,
                                            LiaRequirement *requirement,
                                            const char    *service,
                                            const char    *url);
LiaOutboxOp    *lia_sync_find_op           (LiaWorkspace  *workspace,
                                            const char    *entity_id);
LiaIssue       *lia_sync_issue_for_entity  (LiaWorkspace  *workspace,
                                            LiaEntity     *entity);

/* The fields a conflict offers, in order. */
typedef enum
{
  LIA_SYNC_FIELD_SUMMARY,
  LIA_SYNC_FIELD_DESCRIPTION,
  LIA_SYNC_FIELD_PRIORITY,
  LIA_SYNC_FIELD_ASSIGNEE,
  LIA_SYNC_FIELD_DUE,
  LIA_SYNC_N_FIELDS
} LiaSyncField;

const char     *lia_sync_field_value       (const LiaIssue *issue,
                                            LiaSyncField    field);
gboolean        lia_sync_resolve_conflict  (LiaWorkspace  *workspace,
                                            LiaOutboxOp   *op,
                                            const gboolean take_remote[LIA_SYNC_N_FIELDS],
                                            GError       **error);

G_END_DECLS
