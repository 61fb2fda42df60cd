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
  LIA_SYNC_OUTCOME_WAITING,      /* a create that may have landed, not seen yet */
} LiaSyncOutcome;

/* How long a create whose outcome was uncertain (timeout, 5xx, reset,
 * malformed answer, crash) waits for the tracker's search to show it
 * before it may be sent again: Jira Cloud's and GitHub's searches lag
 * behind by seconds to minutes. */
#define LIA_SYNC_CONFIRM_AFTER_DEFAULT 600   /* seconds */

typedef struct
{
  guint  confirm_after;  /* seconds; 0: LIA_SYNC_CONFIRM_AFTER_DEFAULT */
  gint64 now;            /* the sync's "now", µs since the epoch; 0: the real clock */
} LiaSyncOptions;

typedef struct
{
  guint      created;
  guint      updated;
  guint      unchanged;
  guint      pulled;
  guint      conflicts;
  guint      errors;
  guint      waiting;    /* creates waiting to confirm (outbox "uncertain") */
  guint      warnings;   /* fields a tracker did not take on a create or update */
  gboolean   dry_run;
  gboolean   cancelled;
  GPtrArray *lines;      /* char *: one line per entity that did something */
  GHashTable *notes;     /* entity id → what the tracker did not take, for
                          * showing on the entity (may be NULL) */
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
LiaSyncPlan    *lia_sync_plan_new_full     (LiaWorkspace          *workspace,
                                            const char            *service,
                                            const char            *url,
                                            gboolean               dry_run,
                                            const LiaSyncOptions  *options);
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

/* Base addresses: one spelling per server (scheme and host in lower case,
 * no default port, no trailing slash, no user-info), so that markers,
 * comparisons and the workspace file do not depend on how it was typed. */
char           *lia_sync_normalize_url     (const char    *url);
gboolean        lia_sync_same_url          (const char    *a,
                                            const char    *b);
gboolean        lia_sync_url_has_userinfo  (const char    *url);
/* The address to store and use, or NULL and @error when it carries a
 * user name or password or is not one Liaison may talk to. */
char           *lia_sync_check_base_url    (const char    *url,
                                            GError       **error);

G_END_DECLS
