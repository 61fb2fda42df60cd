/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-sync.h"
#include "lia-tracker.h"

G_BEGIN_DECLS

/* Small readers for the trackers' JSON answers: a dotted path into nested
 * objects ("fields.status.name"); missing or mistyped values read as "" or
 * 0, never as a crash. */
JsonNode   *lia_json_at        (JsonNode   *node,
                                const char *path);
const char *lia_json_str       (JsonNode   *node,
                                const char *path);
gint64      lia_json_int       (JsonNode   *node,
                                const char *path);
char       *lia_json_scalar    (JsonNode   *node,
                                const char *path);
JsonArray  *lia_json_array     (JsonNode   *node,
                                const char *path);

/* A name → id cache shared by a tracker's threads. */
typedef struct
{
  GMutex      lock;
  GHashTable *tables[8];   /* per list kind: lower-case name → value */
} LiaNameCache;

/* Fills @into with lower-case names → values for list @kind. */
typedef gboolean (*LiaNameLoader) (LiaTracker    *tracker,
                                   guint          kind,
                                   GHashTable    *into,
                                   GCancellable  *cancellable,
                                   GError       **error);

void        lia_name_cache_init   (LiaNameCache *cache);
void        lia_name_cache_clear  (LiaNameCache *cache);
gboolean    lia_name_cache_get    (LiaNameCache  *cache,
                                   LiaTracker    *tracker,
                                   guint          kind,
                                   const char    *name,
                                   LiaNameLoader  loader,
                                   char         **value,
                                   GCancellable  *cancellable,
                                   GError       **error);
void        lia_name_table_add    (GHashTable    *table,
                                   const char    *name,
                                   const char    *value);

/* Label and description helpers for trackers without native fields. */
char       *lia_priority_label    (const char *priority);
const char *lia_priority_from_name (const char *name);
char       *lia_marker_trailer    (const char *description,
                                   const char *marker,
                                   const char *epic_ref);
char       *lia_strip_trailer     (const char *description,
                                   char      **marker,
                                   char      **epic_ref);

/* Carries a worker thread's progress to the thread that started the work. */
typedef struct
{
  LiaSyncProgressFunc  func;
  gpointer             data;
  GMainContext        *context;
} LiaProgressRelay;

void        lia_progress_relay_init  (LiaProgressRelay    *relay,
                                      LiaSyncProgressFunc  func,
                                      gpointer             data);
void        lia_progress_relay_clear (LiaProgressRelay    *relay);
void        lia_progress_relay_send  (guint                done,
                                      guint                total,
                                      gpointer             relay);

/* A report as JSON: {"dry_run", each count by name, "messages"}. */
typedef struct
{
  const char *name;
  guint       value;
} LiaReportCount;

JsonNode   *lia_report_to_json       (gboolean              dry_run,
                                      const LiaReportCount *counts,
                                      guint                 n_counts,
                                      GPtrArray            *lines);

/* Runs a plan's execute step on a worker thread for a GTask whose source
 * object is the workspace; the plan stays with the task for the apply
 * step. */
typedef void (*LiaPlanExecuteFunc) (gpointer             plan,
                                    gpointer             service,
                                    GCancellable        *cancellable,
                                    LiaSyncProgressFunc  progress,
                                    gpointer             user_data);

void        lia_plan_run_in_thread   (GTask               *task,
                                      gpointer             plan,
                                      GDestroyNotify       plan_free,
                                      gpointer             service,
                                      LiaPlanExecuteFunc   execute,
                                      LiaSyncProgressFunc  progress,
                                      gpointer             progress_data);
gpointer    lia_plan_run_finish      (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
