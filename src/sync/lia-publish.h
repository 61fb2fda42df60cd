/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-sync.h"
#include "lia-wiki.h"

G_BEGIN_DECLS

/* Publishing the document tree to a wiki: plan on the main thread, talk
 * to the wiki on a worker, bring the remote ids and versions back. */

typedef struct
{
  guint      created;
  guint      updated;
  guint      moved;
  guint      unchanged;
  guint      conflicts;
  guint      errors;
  guint      remote_only;
  gboolean   dry_run;
  gboolean   cancelled;
  GPtrArray *lines;          /* char *: one line per page that did something */
  GPtrArray *conflict_ids;   /* char *: the local pages in conflict */
} LiaPublishReport;

void            lia_publish_report_free    (LiaPublishReport *report);
char           *lia_publish_report_summary (LiaPublishReport *report);
JsonNode       *lia_publish_report_to_json (LiaPublishReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishReport, lia_publish_report_free)

typedef struct _LiaPublishPlan LiaPublishPlan;

/* @page (an id or a title) publishes that subtree; NULL the whole tree.
 * @force lists the local page ids whose conflicts are to be overwritten
 * (NULL for none, "*" for all). */
LiaPublishPlan   *lia_publish_plan_new     (LiaWorkspace        *workspace,
                                            LiaWiki             *wiki,
                                            const char          *page,
                                            gboolean             dry_run,
                                            const char * const  *force,
                                            GError             **error);
guint             lia_publish_plan_get_n_pages (LiaPublishPlan *plan);
void              lia_publish_plan_execute (LiaPublishPlan      *plan,
                                            LiaWiki             *wiki,
                                            GCancellable        *cancellable,
                                            LiaSyncProgressFunc  progress,
                                            gpointer             user_data);
LiaPublishReport *lia_publish_plan_apply   (LiaPublishPlan      *plan,
                                            LiaWorkspace        *workspace);
void              lia_publish_plan_free    (LiaPublishPlan      *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishPlan, lia_publish_plan_free)

void              lia_publish_run_async    (LiaWorkspace        *workspace,
                                            LiaWiki             *wiki,
                                            const char          *page,
                                            gboolean             dry_run,
                                            const char * const  *force,
                                            GCancellable        *cancellable,
                                            LiaSyncProgressFunc  progress,
                                            gpointer             progress_data,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
LiaPublishReport *lia_publish_run_finish   (LiaWorkspace        *workspace,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
