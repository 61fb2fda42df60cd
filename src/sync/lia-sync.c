/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-sync.h"
#include "lia-field-check.h"
#include "lia-sync-private.h"
#include "lia-text-list.h"

/* The sync engine.  Three steps, so that the model is only touched on the
 * main thread:
 *
 *   plan    (main thread)  every task, and every requirement, step or action
 *                          item linked to or queued for this tracker,
 *                          becomes a job holding plain data; pushes are
 *                          recorded in the outbox, creates as "sending";
 *   execute (any thread)   epics first, then the rest, four at a time;
 *   apply   (main thread)  remote links, pulled fields, outbox states.
 *
 * A create that may have reached the server (a timeout, a 5xx, a reset or
 * malformed answer, an outbox entry left "sending" by a crash) is never
 * sent again in the same sync: the outbox keeps it "uncertain" with the
 * time it may have landed, and later syncs look for the entity's marker.
 * Searches lag behind on some trackers, so only a search made after the
 * quiet period (LiaSyncOptions.confirm_after) that still finds nothing
 * lets the create go again.
 * A remote edit since the last sync and a local one together make a
 * conflict, kept in the outbox until the user has chosen per field. */

typedef enum { KIND_TASK, KIND_REQUIREMENT, KIND_STEP, KIND_ACTION_ITEM } JobKind;

typedef struct
{
  char           *entity_id;
  char           *title;            /* for report lines */
  JobKind         kind;
  LiaIssue       *local;
  char           *local_hash;
  char           *ref_key;          /* NULL: not linked yet */
  char           *ref_version;
  char           *ref_hash;
  char           *ref_remote_hash;
  char           *op_state;         /* NULL: no outbox entry */
  int             depends_on;       /* index of the epic's job, or -1 */
  char           *epic_name;        /* a task's epic given by name */
  gboolean        look_only;        /* may have landed recently: search, never create */
  gint64          since;            /* when a create may have left (µs), or 0 */

  /* results */
  LiaSyncOutcome  outcome;
  LiaIssue       *remote;
  char           *remote_hash;      /* of the remote fields after this sync */
  char           *error;
  char           *waiting;          /* why a create waits to be confirmed */
  char           *attached_to;      /* the epic an existing issue was attached to */
  gboolean        uncertain;
} Job;

struct _LiaSyncPlan
{
  char        *service;
  char        *url;
  gboolean     dry_run;
  gint64       now;                /* fixed "now" (µs) or 0 for the real clock */
  gint64       confirm_after;      /* µs */
  GPtrArray   *legacy_urls;        /* other spellings of url found in the workspace */
  GPtrArray   *jobs;               /* Job * */
  GHashTable  *epics_by_name;      /* name → remote key, filled while executing */

  /* execution */
  LiaTracker  *tracker;
  GCancellable *cancellable;
  LiaSyncProgressFunc progress;
  gpointer     progress_data;
  GMutex       lock;
  GCond        cond;
  guint        pending;
  guint        done;
  gboolean     cancelled;
};

static void
job_free (Job *job)
{
  g_free (job->entity_id);
  g_free (job->title);
  lia_issue_free (job->local);
  g_free (job->local_hash);
  g_free (job->ref_key);
  g_free (job->ref_version);
  g_free (job->ref_hash);
  g_free (job->ref_remote_hash);
  g_free (job->remote_hash);
  g_free (job->op_state);
  g_free (job->epic_name);
  lia_issue_free (job->remote);
  g_free (job->error);
  g_free (job->waiting);
  g_free (job->attached_to);
  g_free (job);
}

void
lia_sync_report_free (LiaSyncReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->lines, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_hash_table_unref);
  g_free (report);
}

char *
lia_sync_report_summary (LiaSyncReport *report)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  /* One plural-correct item per count, joined by the list separator: a
   * sentence with six numbers had one plural for all of them. */
  if (report->dry_run)
    {
      /* Translators: an item of a sync summary: issues to create */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u to create", "%u to create", report->created), report->created));
      /* Translators: an item of a sync summary: issues to update */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u to update", "%u to update", report->updated), report->updated));
    }
  else
    {
      /* Translators: an item of a sync summary: issues created */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u created", "%u created", report->created), report->created));
      /* Translators: an item of a sync summary: issues updated */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u updated", "%u updated", report->updated), report->updated));
    }
  /* Translators: an item of a sync summary: issues unchanged */
  g_ptr_array_add (items, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", report->unchanged), report->unchanged));
  g_ptr_array_add (items, report->dry_run
                   /* Translators: an item of a sync summary: issues to pull */
                   ? g_strdup_printf (ngettext ("%u to pull", "%u to pull", report->pulled), report->pulled)
                   /* Translators: an item of a sync summary: issues pulled */
                   : g_strdup_printf (ngettext ("%u pulled", "%u pulled", report->pulled), report->pulled));
  /* Translators: an item of a sync summary: issues in conflict; the items are joined by the list separator */
  g_ptr_array_add (items, g_strdup_printf (ngettext ("%u conflict", "%u conflicts", report->conflicts), report->conflicts));
  /* Translators: an item of a sync summary: issues that failed */
  g_ptr_array_add (items, g_strdup_printf (ngettext ("%u error", "%u errors", report->errors), report->errors));
  if (report->waiting > 0)
    /* Translators: an item of a sync summary: creates whose outcome was
     * uncertain and that the tracker has not shown yet */
    g_ptr_array_add (items, g_strdup_printf (ngettext ("%u waiting to confirm", "%u waiting to confirm", report->waiting),
                                             report->waiting));
  g_ptr_array_add (items, NULL);

  list = lia_text_list_join ((const char * const *) items->pdata);
  if (!report->dry_run)
    return g_steal_pointer (&list);
  /* Translators: a summary of what a sync or publish would do; %s is the
   * list of counts ("3 to create, 1 to update, …") */
  return g_strdup_printf (_("Dry run: %s"), list);
}

JsonNode *
lia_sync_report_to_json (LiaSyncReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  const LiaReportCount counts[] = {
    { "created", report->created }, { "updated", report->updated }, { "unchanged", report->unchanged },
    { "pulled", report->pulled }, { "conflicts", report->conflicts }, { "errors", report->errors },
    { "waiting", report->waiting }, { "warnings", report->warnings },
  };

  return lia_report_to_json (report->dry_run, counts, G_N_ELEMENTS (counts), report->lines);
}

/* ---- entities ↔ issues ------------------------------------------------- */

static char *
first_line (const char *text,
            guint       max_chars)
{
  gsize n = strcspn (text, "\n");
  g_autofree char *line = g_strndup (text, n);

  if (g_utf8_strlen (line, -1) > max_chars)
    {
      char *cut = g_utf8_offset_to_pointer (line, max_chars - 1);
      *cut = '\0';
      return g_strconcat (line, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static const char *
s (LiaEntity *e,
   guint      field)
{
  return lia_entity_get_string (e, field);
}

/* The issue Liaison would send for @entity; @epic_key is the remote key of
 * its epic when known. */
static LiaIssue *
issue_for (LiaEntity  *entity,
           LiaEntity  *owner,
           JobKind     kind)
{
  LiaIssue *issue = lia_issue_new ();

  lia_issue_set (&issue->marker, lia_entity_get_id (entity));
  switch (kind)
    {
    case KIND_TASK:
      lia_issue_set (&issue->type, s (entity, LIA_TASK_TYPE));
      lia_issue_set (&issue->summary, s (entity, LIA_TASK_SUMMARY));
      lia_issue_set (&issue->description, s (entity, LIA_TASK_DESCRIPTION));
      lia_issue_set (&issue->priority, s (entity, LIA_TASK_PRIORITY));
      lia_issue_set (&issue->assignee, s (entity, LIA_TASK_ASSIGNEE));
      lia_issue_set (&issue->due, s (entity, LIA_TASK_DUE));
      g_strfreev (issue->labels);
      issue->labels = g_strdupv ((char **) lia_entity_get_strv (entity, LIA_TASK_LABELS));
      lia_issue_set (&issue->status, s (entity, LIA_TASK_STATUS));
      break;
    case KIND_REQUIREMENT:
      {
        g_autoptr(GString) d = g_string_new (NULL);
        const char *parts[] = { s (entity, LIA_REQUIREMENT_BUSINESS_NEED), s (entity, LIA_REQUIREMENT_TECHNICAL_NEED),
                                s (entity, LIA_REQUIREMENT_RATIONALE) };
        g_autofree char *summary = first_line (parts[0], 200);

        for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
          if (*parts[i])
            g_string_append_printf (d, "%s%s", d->len ? "\n\n" : "", parts[i]);
        issue->is_epic = TRUE;
        lia_issue_set (&issue->type, "Epic");
        lia_issue_set (&issue->summary, summary);
        lia_issue_set (&issue->description, d->str);
        lia_issue_set (&issue->priority, s (entity, LIA_REQUIREMENT_PRIORITY));
        lia_issue_set (&issue->assignee, s (entity, LIA_REQUIREMENT_OWNER));
      }
      break;
    case KIND_STEP:
      {
        g_autofree char *summary = first_line (s (entity, LIA_STEP_TEXT), 200);
        lia_issue_set (&issue->type, "Story");
        lia_issue_set (&issue->summary, summary);
        lia_issue_set (&issue->description, s (entity, LIA_STEP_TEXT));
        lia_issue_set (&issue->priority, owner ? s (owner, LIA_REQUIREMENT_PRIORITY) : "medium");
        lia_issue_set (&issue->assignee, s (entity, LIA_STEP_OWNER));
        lia_issue_set (&issue->status, s (entity, LIA_STEP_STATUS));
      }
      break;
    case KIND_ACTION_ITEM:
    default:
      {
        g_autofree char *summary = first_line (s (entity, LIA_ACTION_ITEM_TEXT), 200);
        g_autofree char *from = owner ? g_strdup_printf ("%s\n\n%s %s", s (entity, LIA_ACTION_ITEM_TEXT),
                                                         s (owner, LIA_MEETING_TITLE), s (owner, LIA_MEETING_START))
                                      : g_strdup (s (entity, LIA_ACTION_ITEM_TEXT));
        lia_issue_set (&issue->type, "Task");
        lia_issue_set (&issue->summary, summary);
        lia_issue_set (&issue->description, from);
        lia_issue_set (&issue->priority, "medium");
        lia_issue_set (&issue->assignee, s (entity, LIA_ACTION_ITEM_OWNER));
        lia_issue_set (&issue->due, s (entity, LIA_ACTION_ITEM_DUE));
        lia_issue_set (&issue->status, s (entity, LIA_ACTION_ITEM_STATUS));
      }
      break;
    }
  return issue;
}

typedef struct
{
  LiaEntity *entity;
  LiaEntity *owner;
  JobKind    kind;
} Found;

static void
index_add (GHashTable *index,
           LiaEntity  *entity,
           LiaEntity  *owner,
           JobKind     kind)
{
  Found *f = g_new0 (Found, 1);

  f->entity = entity;
  f->owner = owner;
  f->kind = kind;
  g_hash_table_insert (index, (gpointer) lia_entity_get_id (entity), f);
}

/* Every entity that can become an issue, in workspace order: tasks, then
 * each requirement followed by its steps, then action items. */
static GPtrArray *
syncable_entities (LiaWorkspace *workspace,
                   GHashTable   *index)
{
  GPtrArray *order = g_ptr_array_new ();
  GListModel *tasks = G_LIST_MODEL (lia_workspace_get_tasks (workspace));
  GListModel *requirements = G_LIST_MODEL (lia_workspace_get_requirements (workspace));
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(LiaEntity) t = g_list_model_get_item (tasks, i);
      index_add (index, t, NULL, KIND_TASK);
      g_ptr_array_add (order, t);
    }
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(LiaEntity) r = g_list_model_get_item (requirements, i);
      GListModel *steps = G_LIST_MODEL (lia_entity_get_list (r, LIA_REQUIREMENT_STEPS));

      index_add (index, r, NULL, KIND_REQUIREMENT);
      g_ptr_array_add (order, r);
      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(LiaEntity) st = g_list_model_get_item (steps, j);
          index_add (index, st, r, KIND_STEP);
          g_ptr_array_add (order, st);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaEntity) m = g_list_model_get_item (meetings, i);
      GListModel *items = G_LIST_MODEL (lia_entity_get_list (m, LIA_MEETING_ACTION_ITEMS));

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(LiaEntity) a = g_list_model_get_item (items, j);
          index_add (index, a, m, KIND_ACTION_ITEM);
          g_ptr_array_add (order, a);
        }
    }
  return order;
}

static GHashTable *
new_index (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* The index alone, for a look-up by id. */
static GHashTable *
syncable_index (LiaWorkspace *workspace)
{
  GHashTable *index = new_index ();

  g_ptr_array_unref (syncable_entities (workspace, index));
  return index;
}

static gboolean looks_like_key (const char *text, const char *service);

/* The issue as planned: a task's epic is its key, or its name until the
 * name is resolved; a step's epic is left out (it follows the
 * requirement).  Its hash tells local edits since the last sync. */
static LiaIssue *
plan_issue (Found      *f,
            const char *service,
            char      **epic_name)
{
  LiaIssue *issue = issue_for (f->entity, f->owner, f->kind);

  if (epic_name)
    *epic_name = NULL;
  if (f->kind == KIND_TASK && *s (f->entity, LIA_TASK_EPIC))
    {
      const char *epic = s (f->entity, LIA_TASK_EPIC);

      if (looks_like_key (epic, service))
        lia_issue_set (&issue->epic, epic[0] == '#' ? epic + 1 : epic);
      else
        {
          lia_issue_set (&issue->epic, epic);
          if (epic_name)
            *epic_name = g_strdup (epic);
        }
    }
  return issue;
}

LiaIssue *
lia_sync_issue_for_entity (LiaWorkspace *workspace,
                           LiaEntity    *entity)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (LIA_IS_ENTITY (entity), NULL);

  g_autoptr(GHashTable) index = syncable_index (workspace);
  Found *f = g_hash_table_lookup (index, lia_entity_get_id (entity));

  return f ? issue_for (f->entity, f->owner, f->kind) : NULL;
}

LiaOutboxOp *
lia_sync_find_op (LiaWorkspace *workspace,
                  const char   *entity_id)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  GListModel *outbox = G_LIST_MODEL (lia_workspace_get_outbox (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (outbox); i++)
    {
      g_autoptr(LiaEntity) op = g_list_model_get_item (outbox, i);
      if (g_strcmp0 (s (op, LIA_OUTBOX_OP_ENTITY), entity_id) == 0)
        return LIA_OUTBOX_OP (op);
    }
  return NULL;
}

/* Addresses are compared normalised: a workspace written with
 * "https://host/" or "HTTPS://Host:443" is the same tracker. */
static gboolean
same_tracker (const char *service_a, const char *url_a,
              const char *service_b, const char *url_b)
{
  return g_strcmp0 (service_a, service_b) == 0 && lia_sync_same_url (url_a, url_b);
}

/* A browse link as a tracker sent it, without any user-info. */
static char *
without_userinfo (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL) : NULL;

  if (uri == NULL || g_uri_get_userinfo (uri) == NULL)
    return g_strdup (url ? url : "");
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri), g_uri_get_port (uri),
                     g_uri_get_path (uri), g_uri_get_query (uri), g_uri_get_fragment (uri));
}

static gint64
plan_now (LiaSyncPlan *plan)
{
  return plan->now != 0 ? plan->now : g_get_real_time ();
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

/* 0 when empty or not a timestamp. */
static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt ? g_date_time_to_unix (dt) * G_USEC_PER_SEC : 0;
}

static void
remove_op (LiaWorkspace *workspace,
           LiaOutboxOp  *op)
{
  GListStore *outbox = lia_workspace_get_outbox (workspace);
  guint position;

  if (g_list_store_find (outbox, op, &position))
    g_list_store_remove (outbox, position);
}

void
lia_sync_queue (LiaWorkspace *workspace,
                LiaEntity    *entity,
                const char   *service,
                const char   *url)
{
  g_return_if_fail (LIA_IS_WORKSPACE (workspace));
  g_return_if_fail (LIA_IS_ENTITY (entity));

  LiaOutboxOp *op = lia_sync_find_op (workspace, lia_entity_get_id (entity));
  LiaRemoteRef *ref = lia_entity_get_remote (entity);
  g_autoptr(LiaOutboxOp) fresh = NULL;
  g_autofree char *normalized = lia_sync_normalize_url (url);

  if (op != NULL)
    return;
  fresh = lia_outbox_op_new ();
  lia_entity_set_string (LIA_ENTITY (fresh), LIA_OUTBOX_OP_ENTITY, lia_entity_get_id (entity));
  lia_entity_set_string (LIA_ENTITY (fresh), LIA_OUTBOX_OP_SERVICE, service);
  lia_entity_set_string (LIA_ENTITY (fresh), LIA_OUTBOX_OP_URL, normalized);
  lia_entity_set_string (LIA_ENTITY (fresh), LIA_OUTBOX_OP_ACTION,
                         ref && *s (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) ? "update" : "create");
  g_list_store_append (lia_workspace_get_outbox (workspace), fresh);
  lia_workspace_mark_modified (workspace);
}

void
lia_sync_queue_requirement (LiaWorkspace   *workspace,
                            LiaRequirement *requirement,
                            const char     *service,
                            const char     *url)
{
  g_return_if_fail (LIA_IS_WORKSPACE (workspace));
  g_return_if_fail (LIA_IS_REQUIREMENT (requirement));

  GListModel *steps = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (requirement), LIA_REQUIREMENT_STEPS));

  lia_sync_queue (workspace, LIA_ENTITY (requirement), service, url);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);
      lia_sync_queue (workspace, step, service, url);
    }
}

/* ---- plan -------------------------------------------------------------- */

static gboolean
looks_like_key (const char *text,
                const char *service)
{
  g_autoptr(GRegex) re = NULL;

  if (g_str_has_prefix (service, "jira"))
    re = g_regex_new ("^[A-Z][A-Z0-9_]*-[0-9]+$", 0, 0, NULL);
  else
    re = g_regex_new ("^#?[0-9]+$", 0, 0, NULL);
  return g_regex_match (re, text, 0, NULL);
}

/* A create's job: whether an earlier attempt may have landed ("sending"
 * left by a crash, or "uncertain"), and whether the quiet period since
 * then is over.  Before it is, the tracker is only searched. */
static void
plan_create (LiaSyncPlan *plan,
             Job         *job,
             LiaOutboxOp *op)
{
  const char *state = s (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE);
  gint64 since = parse_time (s (LIA_ENTITY (op), LIA_OUTBOX_OP_UNCERTAIN_SINCE));
  gboolean maybe_sent = g_str_equal (state, "sending") || g_str_equal (state, "uncertain");

  g_free (job->op_state);
  job->op_state = g_strdup (state);
  /* A "sending" without a time was left by an older Liaison: the quiet
   * period starts now. */
  if (maybe_sent && (since == 0 || plan_now (plan) - since < plan->confirm_after))
    {
      job->look_only = TRUE;
      job->since = since != 0 ? since : plan_now (plan);
    }
  else
    job->since = plan_now (plan);
}

/* Adds @url to the plan's other spellings of its address when it is one. */
static void
note_spelling (LiaSyncPlan *plan,
               const char  *url)
{
  g_autofree char *stripped = NULL;

  if (url == NULL || *url == '\0' || !lia_sync_same_url (url, plan->url))
    return;
  stripped = g_strdup (url);
  while (g_str_has_suffix (stripped, "/"))
    stripped[strlen (stripped) - 1] = '\0';
  if (g_str_equal (stripped, plan->url))
    return;
  for (guint i = 0; i < plan->legacy_urls->len; i++)
    if (g_str_equal (plan->legacy_urls->pdata[i], stripped))
      return;
  g_ptr_array_add (plan->legacy_urls, g_steal_pointer (&stripped));
}

LiaSyncPlan *
lia_sync_plan_new (LiaWorkspace *workspace,
                   const char   *service,
                   const char   *url,
                   gboolean      dry_run)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  return lia_sync_plan_new_full (workspace, service, url, dry_run, NULL);
}

LiaSyncPlan *
lia_sync_plan_new_full (LiaWorkspace         *workspace,
                        const char           *service,
                        const char           *url,
                        gboolean              dry_run,
                        const LiaSyncOptions *options)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  LiaSyncPlan *plan = g_new0 (LiaSyncPlan, 1);
  g_autoptr(GHashTable) index = new_index ();
  g_autoptr(GPtrArray) order = syncable_entities (workspace, index);
  g_autoptr(GHashTable) job_of = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *accounts = G_LIST_MODEL (lia_workspace_get_accounts (workspace));
  g_autofree char *now_text = NULL;

  plan->service = g_strdup (service);
  plan->url = lia_sync_normalize_url (url);
  plan->dry_run = dry_run;
  plan->now = options ? options->now : 0;
  plan->confirm_after = (gint64) (options && options->confirm_after ? options->confirm_after
                                                                     : LIA_SYNC_CONFIRM_AFTER_DEFAULT) * G_USEC_PER_SEC;
  plan->legacy_urls = g_ptr_array_new_with_free_func (g_free);
  now_text = format_time (plan_now (plan));
  plan->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  plan->epics_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&plan->lock);
  g_cond_init (&plan->cond);

  for (guint i = 0; i < order->len; i++)
    {
      LiaEntity *entity = order->pdata[i];
      Found *f = g_hash_table_lookup (index, lia_entity_get_id (entity));
      LiaRemoteRef *ref = lia_entity_get_remote (entity);
      LiaOutboxOp *op = lia_sync_find_op (workspace, lia_entity_get_id (entity));
      gboolean linked = ref != NULL && *s (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY) != '\0';
      Job *job;

      if (linked && !same_tracker (s (LIA_ENTITY (ref), LIA_REMOTE_REF_SERVICE), s (LIA_ENTITY (ref), LIA_REMOTE_REF_BASE_URL),
                                   service, plan->url))
        continue;  /* belongs to another tracker */
      if (op != NULL && !same_tracker (s (LIA_ENTITY (op), LIA_OUTBOX_OP_SERVICE), s (LIA_ENTITY (op), LIA_OUTBOX_OP_URL),
                                       service, plan->url))
        continue;
      /* Epics by name carry a marker made from the address as it was
       * spelled then: remember the spellings to look for them too. */
      if (linked)
        note_spelling (plan, s (LIA_ENTITY (ref), LIA_REMOTE_REF_BASE_URL));
      if (op != NULL)
        note_spelling (plan, s (LIA_ENTITY (op), LIA_OUTBOX_OP_URL));
      /* Tasks always go to the tracker; the rest only when asked. */
      if (f->kind != KIND_TASK && !linked && op == NULL)
        continue;

      job = g_new0 (Job, 1);
      job->entity_id = g_strdup (lia_entity_get_id (entity));
      job->kind = f->kind;
      job->local = plan_issue (f, service, &job->epic_name);
      job->local_hash = lia_issue_hash (job->local);
      if (job->epic_name != NULL)
        lia_issue_set (&job->local->epic, "");
      job->title = g_strdup (job->local->summary);
      job->depends_on = -1;
      if (linked)
        {
          job->ref_key = g_strdup (s (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY));
          job->ref_version = g_strdup (s (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_VERSION));
          job->ref_hash = g_strdup (s (LIA_ENTITY (ref), LIA_REMOTE_REF_SYNCED_HASH));
          job->ref_remote_hash = g_strdup (s (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_HASH));
        }
      if (f->kind == KIND_STEP)
        {
          Job *epic = g_hash_table_lookup (job_of, lia_entity_get_id (f->owner));
          LiaRemoteRef *owner_ref = lia_entity_get_remote (f->owner);

          if (epic != NULL && epic->ref_key == NULL)
            {
              guint at;
              g_ptr_array_find (plan->jobs, epic, &at);
              job->depends_on = at;
            }
          else if (owner_ref != NULL)
            lia_issue_set (&job->local->epic, s (LIA_ENTITY (owner_ref), LIA_REMOTE_REF_KEY));
        }

      /* Record what must be pushed. */
      if (!dry_run && !(op != NULL && g_str_equal (s (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE), "conflict")))
        {
          gboolean push = !linked || job->ref_hash == NULL || !g_str_equal (job->ref_hash, job->local_hash);
          if (push && op == NULL)
            {
              lia_sync_queue (workspace, entity, service, plan->url);
              op = lia_sync_find_op (workspace, job->entity_id);
            }
          if (op != NULL)
            {
              g_autofree char *op_url = lia_sync_normalize_url (s (LIA_ENTITY (op), LIA_OUTBOX_OP_URL));
              lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_URL, op_url);
            }
          if (op != NULL && !linked)
            {
              plan_create (plan, job, op);
              if (job->look_only)
                {
                  /* Nothing is sent: the entry says when the last create
                   * may have landed. */
                  g_autofree char *since = format_time (job->since);
                  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "uncertain");
                  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_UNCERTAIN_SINCE, since);
                }
              else
                {
                  /* From here on the create may reach the server. */
                  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_ACTION, "create");
                  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "sending");
                  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_UNCERTAIN_SINCE, now_text);
                  lia_entity_set_int (LIA_ENTITY (op), LIA_OUTBOX_OP_ATTEMPTS,
                                      lia_entity_get_int (LIA_ENTITY (op), LIA_OUTBOX_OP_ATTEMPTS) + 1);
                }
            }
          else if (op != NULL)
            job->op_state = g_strdup (s (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE));
        }
      else if (op != NULL)
        {
          job->op_state = g_strdup (s (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE));
          if (!linked)
            plan_create (plan, job, op);   /* a dry run says what would wait */
        }
      g_hash_table_insert (job_of, job->entity_id, job);
      g_ptr_array_add (plan->jobs, job);
    }
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(LiaEntity) account = g_list_model_get_item (accounts, i);
      if (g_strcmp0 (s (account, LIA_ACCOUNT_SERVICE), service) == 0)
        note_spelling (plan, s (account, LIA_ACCOUNT_URL));
    }
  if (!dry_run)
    lia_workspace_mark_modified (workspace);
  return plan;
}

guint
lia_sync_plan_get_n_jobs (LiaSyncPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->jobs->len;
}

void
lia_sync_plan_free (LiaSyncPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->service);
  g_free (plan->url);
  g_ptr_array_unref (plan->legacy_urls);
  g_ptr_array_unref (plan->jobs);
  g_hash_table_unref (plan->epics_by_name);
  g_clear_object (&plan->tracker);
  g_clear_object (&plan->cancellable);
  g_mutex_clear (&plan->lock);
  g_cond_clear (&plan->cond);
  g_free (plan);
}

/* ---- execute ----------------------------------------------------------- */

static void
fail (Job          *job,
      GError       *error)
{
  job->outcome = LIA_SYNC_OUTCOME_FAILED;
  job->uncertain = lia_http_is_uncertain (error);
  g_free (job->error);
  job->error = g_strdup (error->message);
}

static gboolean
same_text (LiaTracker *tracker,
           const char *local,
           const char *remote)
{
  g_autofree char *a = lia_tracker_normalize_description (tracker, local);
  return g_strcmp0 (g_strstrip (a), remote) == 0 || g_strcmp0 (local, remote) == 0;
}

const char *
lia_sync_field_value (const LiaIssue *issue,
                      LiaSyncField    field)
{
  g_return_val_if_fail (issue != NULL, NULL);

  switch (field)
    {
    case LIA_SYNC_FIELD_SUMMARY: return issue->summary;
    case LIA_SYNC_FIELD_DESCRIPTION: return issue->description;
    case LIA_SYNC_FIELD_PRIORITY: return issue->priority;
    case LIA_SYNC_FIELD_ASSIGNEE: return issue->assignee;
    case LIA_SYNC_FIELD_DUE: return issue->due;
    default: return "";
    }
}

/* Fields on which @remote differs from @local, as a bit set. */
static guint
differing_fields (LiaTracker     *tracker,
                  const LiaIssue *local,
                  const LiaIssue *remote)
{
  guint bits = 0;

  for (guint f = 0; f < LIA_SYNC_N_FIELDS; f++)
    {
      const char *a = lia_sync_field_value (local, f);
      const char *b = lia_sync_field_value (remote, f);
      gboolean same;

      if (f == LIA_SYNC_FIELD_DESCRIPTION)
        same = same_text (tracker, a, b);
      else if (f == LIA_SYNC_FIELD_ASSIGNEE)
        same = g_utf8_collate (a, b) == 0 || (*a && *b && g_ascii_strcasecmp (a, b) == 0);
      else
        same = g_strcmp0 (a, b) == 0;
      if (!same)
        bits |= 1u << f;
    }
  return bits;
}

/* A digest of the fields both sides edit, descriptions as they read after
 * the tracker's own format. */
static char *
fields_hash (LiaTracker     *tracker,
             const LiaIssue *issue,
             gboolean        normalize)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint f = 0; f < LIA_SYNC_N_FIELDS; f++)
    {
      g_autofree char *value = f == LIA_SYNC_FIELD_DESCRIPTION && normalize
                               ? lia_tracker_normalize_description (tracker, issue->description)
                               : g_strdup (lia_sync_field_value (issue, f));
      g_strstrip (value);
      g_checksum_update (sum, (const guchar *) value, strlen (value) + 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
create_once (LiaSyncPlan *plan,
             Job         *job,
             GError     **error)
{
  g_autoptr(LiaIssue) issue = lia_issue_copy (job->local);

  if (!lia_tracker_create (plan->tracker, issue, plan->cancellable, error))
    return FALSE;
  job->remote = g_steal_pointer (&issue);
  job->remote_hash = fields_hash (plan->tracker, job->local, TRUE);
  job->outcome = LIA_SYNC_OUTCOME_CREATED;
  return TRUE;
}

static void
adopt_found (LiaSyncPlan *plan,
             Job         *job,
             LiaIssue    *found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaIssue) issue = lia_issue_copy (job->local);

  /* The earlier create landed.  Send the local fields once more, in case
   * they were edited after that attempt. */
  lia_issue_set (&issue->key, found->key);
  lia_issue_set (&issue->url, found->url);
  if (!plan->dry_run && differing_fields (plan->tracker, job->local, found) != 0 &&
      !lia_tracker_update (plan->tracker, issue, plan->cancellable, &error))
    {
      fail (job, error);
      return;
    }
  if (*issue->version == '\0')
    lia_issue_set (&issue->version, found->version);
  if (*issue->status == '\0')
    lia_issue_set (&issue->status, found->status);
  job->remote = g_steal_pointer (&issue);
  job->remote_hash = fields_hash (plan->tracker, job->local, TRUE);
  job->outcome = LIA_SYNC_OUTCOME_CREATED;
}

static void
wait_to_confirm (Job        *job,
                 const char *why)
{
  job->outcome = LIA_SYNC_OUTCOME_WAITING;
  job->uncertain = TRUE;
  g_free (job->waiting);
  job->waiting = g_strdup (why);
}

/* Looks for an earlier attempt by the marker.  TRUE when the job is
 * settled (adopted, or failed because the search did). */
static gboolean
look_for_earlier (LiaSyncPlan *plan,
                  Job         *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaIssue) found = lia_tracker_find_by_marker (plan->tracker, job->entity_id, plan->cancellable, &error);

  if (found != NULL)
    {
      adopt_found (plan, job, found);
      return TRUE;
    }
  if (error != NULL)
    {
      fail (job, error);
      job->uncertain = TRUE;   /* still unknown whether it exists */
      return TRUE;
    }
  return FALSE;
}

static void
run_create (LiaSyncPlan *plan,
            Job         *job)
{
  g_autoptr(GError) error = NULL;
  gboolean maybe_sent = g_strcmp0 (job->op_state, "sending") == 0 || g_strcmp0 (job->op_state, "uncertain") == 0;

  if (maybe_sent && look_for_earlier (plan, job))
    return;
  if (job->look_only)
    {
      /* Not found, but the search may not show it yet. */
      g_autofree char *since = format_time (job->since);
      /* Translators: %s is a date and time in UTC (ISO 8601) */
      g_autofree char *why = g_strdup_printf (_("a create sent at %s may have landed; the tracker has not shown it yet"), since);
      wait_to_confirm (job, why);
      return;
    }
  if (plan->dry_run)
    {
      job->outcome = LIA_SYNC_OUTCOME_CREATED;
      return;
    }
  if (create_once (plan, job, &error))
    return;
  if (!lia_http_is_uncertain (error))
    {
      fail (job, error);
      return;
    }
  /* Timeout, reset, 5xx or a lost or malformed answer: the issue may
   * exist.  A search right away finds it on trackers whose search is
   * consistent; elsewhere it may miss it, so the create is never sent
   * again in this sync and waits to be confirmed. */
  job->since = plan_now (plan);
  if (look_for_earlier (plan, job))
    {
      if (job->outcome == LIA_SYNC_OUTCOME_FAILED)
        {
          g_clear_pointer (&job->error, g_free);
          wait_to_confirm (job, error->message);
        }
      return;
    }
  wait_to_confirm (job, error->message);
}

static void
run_existing (LiaSyncPlan *plan,
              Job         *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaIssue) remote = lia_tracker_fetch (plan->tracker, job->ref_key, plan->cancellable, &error);
  gboolean local_changed, remote_changed, reparent;
  guint differs;

  if (remote == NULL)
    {
      fail (job, error);
      return;
    }
  local_changed = job->ref_hash == NULL || !g_str_equal (job->ref_hash, job->local_hash);
  job->remote_hash = fields_hash (plan->tracker, remote, FALSE);
  if (job->ref_remote_hash != NULL && *job->ref_remote_hash != '\0')
    remote_changed = !g_str_equal (job->ref_remote_hash, job->remote_hash);
  else
    remote_changed = job->ref_version != NULL && *job->ref_version != '\0' &&
                     !g_str_equal (job->ref_version, remote->version);
  differs = differing_fields (plan->tracker, job->local, remote);

  if (g_strcmp0 (job->op_state, "conflict") == 0)
    {
      job->outcome = LIA_SYNC_OUTCOME_CONFLICT;
      job->remote = g_steal_pointer (&remote);
      return;
    }
  if (local_changed && remote_changed && differs != 0)
    {
      job->outcome = LIA_SYNC_OUTCOME_CONFLICT;
      job->remote = g_steal_pointer (&remote);
      return;
    }
  /* The issue lacks its epic (or has another) while the epic is known
   * now, e.g. because the epic's lookup or create failed when the issue
   * was created: attach it.  Only when the remote fields are the local
   * ones or are being replaced by them, so no remote edit is lost; with
   * remote edits to pull, the next sync attaches it. */
  reparent = *job->local->epic && g_strcmp0 (job->local->epic, remote->epic) != 0 &&
             job->kind != KIND_REQUIREMENT && (differs == 0 || local_changed);
  if ((local_changed && differs != 0) || reparent)
    {
      g_autoptr(LiaIssue) issue = lia_issue_copy (job->local);

      if (reparent)
        job->attached_to = g_strdup (job->local->epic);
      if (plan->dry_run)
        {
          job->outcome = LIA_SYNC_OUTCOME_UPDATED;
          job->remote = g_steal_pointer (&remote);
          return;
        }
      lia_issue_set (&issue->key, job->ref_key);
      lia_issue_set (&issue->url, remote->url);
      if (!lia_tracker_update (plan->tracker, issue, plan->cancellable, &error))
        {
          fail (job, error);
          return;
        }
      job->remote = g_steal_pointer (&issue);
      g_free (job->remote_hash);
      job->remote_hash = fields_hash (plan->tracker, job->local, TRUE);
      job->outcome = LIA_SYNC_OUTCOME_UPDATED;
      return;
    }
  /* A new version alone (Jira tells it only on reading) is not news. */
  job->outcome = differs != 0 || (job->kind != KIND_REQUIREMENT && g_strcmp0 (job->local->status, remote->status) != 0)
                 ? LIA_SYNC_OUTCOME_PULLED : LIA_SYNC_OUTCOME_UNCHANGED;
  job->remote = g_steal_pointer (&remote);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  LiaSyncPlan *plan = user_data;
  Job *job = data;

  if (g_cancellable_is_cancelled (plan->cancellable))
    job->outcome = LIA_SYNC_OUTCOME_SKIPPED;
  else if (job->depends_on >= 0 && ((Job *) plan->jobs->pdata[job->depends_on])->remote == NULL &&
           !plan->dry_run)
    {
      Job *epic = plan->jobs->pdata[job->depends_on];

      job->outcome = LIA_SYNC_OUTCOME_FAILED;
      job->error = g_strdup (epic->outcome == LIA_SYNC_OUTCOME_WAITING
                             ? _("its epic is waiting to be confirmed by the tracker")
                             : _("its epic could not be created"));
    }
  else
    {
      if (job->depends_on >= 0 && ((Job *) plan->jobs->pdata[job->depends_on])->remote != NULL)
        lia_issue_set (&job->local->epic, ((Job *) plan->jobs->pdata[job->depends_on])->remote->key);
      if (job->epic_name != NULL)
        {
          g_mutex_lock (&plan->lock);
          lia_issue_set (&job->local->epic, g_hash_table_lookup (plan->epics_by_name, job->epic_name));
          g_mutex_unlock (&plan->lock);
        }
      if (job->ref_key == NULL)
        run_create (plan, job);
      else
        run_existing (plan, job);
    }

  g_mutex_lock (&plan->lock);
  plan->done++;
  plan->pending--;
  g_cond_broadcast (&plan->cond);
  g_mutex_unlock (&plan->lock);
  if (plan->progress)
    plan->progress (plan->done, plan->jobs->len, plan->progress_data);
}

/* A deterministic marker for an epic known only by name, so that looking
 * it up again finds the one created before.  @url is the normalised
 * address (or, to find epics made before addresses were normalised, a
 * spelling the workspace still holds). */
static char *
epic_marker (LiaSyncPlan *plan,
             const char  *url,
             const char  *name)
{
  g_autofree char *seed = g_strconcat ("epic\n", url, "\n", lia_tracker_get_project (plan->tracker), "\n", name, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  return g_strdup_printf ("%.8s-%.4s-5%.3s-8%.3s-%.12s", hex, hex + 8, hex + 12, hex + 15, hex + 18);
}

static void
resolve_epic_names (LiaSyncPlan *plan)
{
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      Job *job = plan->jobs->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaIssue) found = NULL;
      g_autofree char *marker = NULL;

      if (job->epic_name == NULL || g_hash_table_contains (plan->epics_by_name, job->epic_name) ||
          g_cancellable_is_cancelled (plan->cancellable))
        continue;
      marker = epic_marker (plan, plan->url, job->epic_name);
      found = lia_tracker_find_by_marker (plan->tracker, marker, plan->cancellable, &error);
      for (guint u = 0; found == NULL && error == NULL && u < plan->legacy_urls->len; u++)
        {
          g_autofree char *legacy = epic_marker (plan, plan->legacy_urls->pdata[u], job->epic_name);
          found = lia_tracker_find_by_marker (plan->tracker, legacy, plan->cancellable, &error);
        }
      /* A search that lags behind may not show an epic made moments ago;
       * an issue already linked under that epic name knows its key (a
       * read by key is consistent). */
      for (guint j = 0; found == NULL && error == NULL && j < plan->jobs->len; j++)
        {
          Job *other = plan->jobs->pdata[j];
          g_autoptr(LiaIssue) linked = NULL;

          if (other->ref_key == NULL || g_strcmp0 (other->epic_name, job->epic_name) != 0)
            continue;
          linked = lia_tracker_fetch (plan->tracker, other->ref_key, plan->cancellable, NULL);
          if (linked != NULL && *linked->epic)
            {
              found = lia_issue_new ();
              lia_issue_set (&found->key, linked->epic);
            }
        }
      if (found == NULL && error == NULL && !plan->dry_run)
        {
          g_autoptr(LiaIssue) epic = lia_issue_new ();

          epic->is_epic = TRUE;
          lia_issue_set (&epic->marker, marker);
          lia_issue_set (&epic->type, "Epic");
          lia_issue_set (&epic->summary, job->epic_name);
          lia_issue_set (&epic->priority, "medium");
          if (lia_tracker_create (plan->tracker, epic, plan->cancellable, &error))
            found = g_steal_pointer (&epic);
          else if (lia_http_is_uncertain (error))
            {
              g_autoptr(GError) uncertain = g_steal_pointer (&error);

              found = lia_tracker_find_by_marker (plan->tracker, marker, plan->cancellable, &error);
              if (found == NULL && error == NULL)
                /* Translators: %s is why the create of an epic is not known to have landed */
                g_set_error (&error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NETWORK,
                             _("not confirmed yet (%s); the task is attached to it at a later sync"), uncertain->message);
            }
        }
      if (found != NULL)
        g_hash_table_insert (plan->epics_by_name, g_strdup (job->epic_name), g_strdup (found->key));
      else if (error != NULL)
        {
          /* The task still goes, without its epic; the error is reported. */
          g_autofree char *message = g_strdup_printf (_("epic “%s”: %s"), job->epic_name, error->message);
          g_free (job->error);
          job->error = g_steal_pointer (&message);
        }
    }
}

static void
run_phase (LiaSyncPlan *plan,
           gboolean     epics)
{
  GThreadPool *pool = g_thread_pool_new (run_job, plan, 4, FALSE, NULL);

  for (guint i = 0; i < plan->jobs->len; i++)
    {
      Job *job = plan->jobs->pdata[i];

      if ((job->kind == KIND_REQUIREMENT) != epics)
        continue;
      g_mutex_lock (&plan->lock);
      plan->pending++;
      g_mutex_unlock (&plan->lock);
      g_thread_pool_push (pool, job, NULL);
    }
  g_mutex_lock (&plan->lock);
  while (plan->pending > 0)
    g_cond_wait (&plan->cond, &plan->lock);
  g_mutex_unlock (&plan->lock);
  g_thread_pool_free (pool, FALSE, TRUE);
}

void
lia_sync_plan_execute (LiaSyncPlan         *plan,
                       LiaTracker          *tracker,
                       GCancellable        *cancellable,
                       LiaSyncProgressFunc  progress,
                       gpointer             user_data)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (LIA_IS_TRACKER (tracker));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&plan->tracker, tracker);
  g_set_object (&plan->cancellable, cancellable);
  plan->progress = progress;
  plan->progress_data = user_data;

  run_phase (plan, TRUE);
  resolve_epic_names (plan);
  run_phase (plan, FALSE);
  plan->cancelled = g_cancellable_is_cancelled (cancellable);
}

/* ---- apply ------------------------------------------------------------- */

static LiaRemoteRef *
ensure_ref (LiaEntity   *entity,
            LiaSyncPlan *plan)
{
  LiaRemoteRef *ref = lia_entity_get_remote (entity);

  if (ref == NULL)
    {
      g_autoptr(LiaRemoteRef) fresh = lia_remote_ref_new ();
      lia_entity_set_remote (entity, fresh);
      ref = fresh;
    }
  lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_SERVICE, plan->service);
  lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_BASE_URL, plan->url);
  return ref;
}

static void
set_status (LiaEntity  *entity,
            JobKind     kind,
            const char *status)
{
  if (status == NULL || *status == '\0')
    return;
  switch (kind)
    {
    case KIND_TASK: lia_entity_set_string (entity, LIA_TASK_STATUS, status); break;
    case KIND_STEP: lia_entity_set_string (entity, LIA_STEP_STATUS, status); break;
    case KIND_ACTION_ITEM: lia_entity_set_string (entity, LIA_ACTION_ITEM_STATUS, status); break;
    case KIND_REQUIREMENT:
    default:
      break;
    }
}

/* Take the remote side's fields into @entity (only what Liaison can hold).
 * A value the rule book refuses (an empty title, a date that does not
 * exist) keeps the local one, and @refused (if given) says why: what a
 * tracker sends must never make the workspace unsavable. */
static void
adopt_remote (LiaEntity      *entity,
              JobKind         kind,
              const LiaIssue *remote,
              guint           fields,
              GPtrArray      *refused)
{
  for (guint f = 0; f < LIA_SYNC_N_FIELDS; f++)
    {
      const char *value = lia_sync_field_value (remote, f);
      int target = -1;

      if (!(fields & (1u << f)))
        continue;
      switch (kind)
        {
        case KIND_TASK:
          {
            static const int map[] = { LIA_TASK_SUMMARY, LIA_TASK_DESCRIPTION, LIA_TASK_PRIORITY, LIA_TASK_ASSIGNEE, LIA_TASK_DUE };
            target = map[f];
          }
          break;
        case KIND_STEP:
          target = f == LIA_SYNC_FIELD_SUMMARY ? LIA_STEP_TEXT : f == LIA_SYNC_FIELD_ASSIGNEE ? LIA_STEP_OWNER : -1;
          break;
        case KIND_ACTION_ITEM:
          target = f == LIA_SYNC_FIELD_SUMMARY ? LIA_ACTION_ITEM_TEXT
                   : f == LIA_SYNC_FIELD_ASSIGNEE ? LIA_ACTION_ITEM_OWNER
                   : f == LIA_SYNC_FIELD_DUE ? LIA_ACTION_ITEM_DUE : -1;
          break;
        case KIND_REQUIREMENT:
        default:
          break;
        }
      if (target >= 0)
        {
          g_autoptr(GError) error = NULL;

          if (lia_entity_check_string (entity, target, value, &error))
            lia_entity_set_string (entity, target, value);
          else if (refused != NULL)
            g_ptr_array_add (refused, g_strdup_printf ("%s: %s", lia_entity_get_field_spec (entity, target)->name,
                                                       error->message));
        }
    }
}

LiaSyncReport *
lia_sync_plan_apply (LiaSyncPlan  *plan,
                     LiaWorkspace *workspace)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  LiaSyncReport *report = g_new0 (LiaSyncReport, 1);
  g_autoptr(GHashTable) index = syncable_index (workspace);

  report->dry_run = plan->dry_run;
  report->cancelled = plan->cancelled;
  report->lines = g_ptr_array_new_with_free_func (g_free);
  report->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < plan->jobs->len; i++)
    {
      Job *job = plan->jobs->pdata[i];
      Found *f = g_hash_table_lookup (index, job->entity_id);
      LiaOutboxOp *op = lia_sync_find_op (workspace, job->entity_id);
      LiaEntity *entity = f ? f->entity : NULL;
      g_autofree char *now_hash = NULL;

      if (job->error != NULL && job->outcome != LIA_SYNC_OUTCOME_FAILED)
        {
          report->errors++;
          g_ptr_array_add (report->lines, g_strdup_printf ("%s: %s", job->title, job->error));
        }

      if (entity == NULL)   /* deleted while the sync ran */
        continue;
      {
        g_autoptr(LiaIssue) now = plan_issue (f, plan->service, NULL);
        now_hash = lia_issue_hash (now);
      }

      switch (job->outcome)
        {
        case LIA_SYNC_OUTCOME_CREATED:
        case LIA_SYNC_OUTCOME_UPDATED:
          if (plan->dry_run)
            {
              if (job->outcome == LIA_SYNC_OUTCOME_CREATED)
                report->created++;
              else
                report->updated++;
              g_ptr_array_add (report->lines, g_strdup_printf (job->outcome == LIA_SYNC_OUTCOME_CREATED
                                                               ? _("would create: %s") : _("would update %s: %s"),
                                                               job->outcome == LIA_SYNC_OUTCOME_CREATED ? job->title : job->ref_key,
                                                               job->title));
              break;
            }
          {
            LiaRemoteRef *ref = ensure_ref (entity, plan);
            g_autofree char *browse = without_userinfo (job->remote->url);
            lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL, browse);
            lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY, job->remote->key);
            lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_VERSION, job->remote->version);
            lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_SYNCED_HASH, job->local_hash);
            lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_HASH, job->remote_hash);
          }
          set_status (entity, f->kind, job->remote->status);
          if (op)
            remove_op (workspace, op);
          if (job->outcome == LIA_SYNC_OUTCOME_CREATED)
            report->created++;
          else
            report->updated++;
          if (job->attached_to != NULL)
            /* Translators: an issue key, then the key of the epic it now belongs to */
            g_ptr_array_add (report->lines, g_strdup_printf (_("%s: attached to epic %s"), job->remote->key, job->attached_to));
          else
            g_ptr_array_add (report->lines, g_strdup_printf (job->outcome == LIA_SYNC_OUTCOME_CREATED
                                                             ? _("created %s: %s") : _("updated %s: %s"),
                                                             job->remote->key, job->title));
          /* What the tracker did not take is said, not hidden: a line in
           * the report (the Tasks page shows it with the result). */
          for (guint w = 0; job->remote->warnings && job->remote->warnings[w]; w++)
            {
              report->warnings++;
              /* Translators: an issue key, its title, then what the tracker did not take */
              g_ptr_array_add (report->lines, g_strdup_printf (_("%s: %s: not set in the tracker: %s"), job->remote->key,
                                                               job->title, job->remote->warnings[w]));
            }
          if (job->remote->warnings && job->remote->warnings[0])
            {
              g_autofree char *all = g_strjoinv ("; ", job->remote->warnings);
              g_hash_table_replace (report->notes, g_strdup (job->entity_id), g_steal_pointer (&all));
            }
          break;

        case LIA_SYNC_OUTCOME_PULLED:
        case LIA_SYNC_OUTCOME_UNCHANGED:
          if (plan->dry_run)
            {
              if (job->outcome == LIA_SYNC_OUTCOME_PULLED)
                report->pulled++;
              else
                report->unchanged++;
              break;
            }
          {
            LiaRemoteRef *ref = ensure_ref (entity, plan);
            gboolean untouched = g_str_equal (now_hash, job->local_hash);
            gboolean local_changed = job->ref_hash == NULL || !g_str_equal (job->ref_hash, job->local_hash);

            /* Remote edits come in only where the local side is as it was
             * at the last sync, and the entity was not edited meanwhile. */
            if (untouched && !local_changed)
              {
                guint differs = differing_fields (plan->tracker, job->local, job->remote);
                g_autoptr(LiaIssue) after = NULL;
                g_autofree char *after_hash = NULL;
                g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);

                adopt_remote (entity, f->kind, job->remote, differs, refused);
                for (guint r = 0; r < refused->len; r++)
                  /* Translators: %s: an issue key, its title, then a field and why its value was refused. */
                  g_ptr_array_add (report->lines, g_strdup_printf (_("%s: %s: the tracker's value was not taken (%s)"),
                                                                   job->remote->key, job->title,
                                                                   (char *) g_ptr_array_index (refused, r)));
                after = plan_issue (f, plan->service, NULL);
                after_hash = lia_issue_hash (after);
                lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_SYNCED_HASH, after_hash);
              }
            else if (untouched)
              lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_SYNCED_HASH, job->local_hash);
            lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_VERSION, job->remote->version);
            lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_HASH, job->remote_hash);
            if (*job->remote->url)
              lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_URL, job->remote->url);
            set_status (entity, f->kind, job->remote->status);
            if (op && untouched)
              remove_op (workspace, op);
          }
          if (job->outcome == LIA_SYNC_OUTCOME_PULLED)
            {
              report->pulled++;
              g_ptr_array_add (report->lines, g_strdup_printf (_("pulled %s: %s"), job->remote->key, job->title));
            }
          else
            report->unchanged++;
          break;

        case LIA_SYNC_OUTCOME_CONFLICT:
          report->conflicts++;
          g_ptr_array_add (report->lines, g_strdup_printf (_("conflict %s: %s: changed here and in the tracker since the last sync"),
                                                           job->ref_key, job->title));
          if (plan->dry_run)
            break;
          if (op == NULL)
            {
              lia_sync_queue (workspace, entity, plan->service, plan->url);
              op = lia_sync_find_op (workspace, job->entity_id);
            }
          {
            g_autoptr(JsonNode) remote = lia_issue_to_json (job->remote);
            lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_ACTION, "update");
            lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "conflict");
            lia_entity_set_json (LIA_ENTITY (op), LIA_OUTBOX_OP_REMOTE, remote);
            lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_ERROR, "");
          }
          set_status (entity, f->kind, job->remote->status);
          break;

        case LIA_SYNC_OUTCOME_FAILED:
          report->errors++;
          g_ptr_array_add (report->lines, g_strdup_printf ("%s: %s", job->title, job->error));
          if (op != NULL && !plan->dry_run)
            {
              if (job->ref_key == NULL && job->uncertain)
                {
                  /* The create may have landed: wait for it as for any
                   * uncertain create. */
                  g_autofree char *since = format_time (job->since ? job->since : plan_now (plan));
                  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "uncertain");
                  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_UNCERTAIN_SINCE, since);
                }
              else
                lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "failed");
              lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_ERROR, job->error);
            }
          break;

        case LIA_SYNC_OUTCOME_WAITING:
          report->waiting++;
          /* Translators: a task's title, then why its create is not confirmed yet */
          g_ptr_array_add (report->lines, g_strdup_printf (_("%s: waiting to confirm: %s"), job->title, job->waiting));
          if (op != NULL && !plan->dry_run)
            {
              g_autofree char *since = format_time (job->since ? job->since : plan_now (plan));
              lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "uncertain");
              lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_UNCERTAIN_SINCE, since);
              lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_ERROR, job->waiting);
            }
          break;

        case LIA_SYNC_OUTCOME_SKIPPED:
        default:
          /* Cancelled before it started: a create never left, so it is
           * only queued again; nothing else changes. */
          if (op != NULL && !plan->dry_run && job->ref_key == NULL && g_strcmp0 (job->op_state, "sending") != 0 &&
              g_strcmp0 (job->op_state, "uncertain") != 0)
            {
              lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "queued");
              lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_UNCERTAIN_SINCE, "");
            }
          break;
        }
    }
  if (!plan->dry_run)
    lia_workspace_mark_modified (workspace);
  return report;
}

/* ---- the app's way in -------------------------------------------------- */

void
lia_sync_run_async (LiaWorkspace        *workspace,
                    LiaTracker          *tracker,
                    gboolean             dry_run,
                    GCancellable        *cancellable,
                    LiaSyncProgressFunc  progress,
                    gpointer             progress_data,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_return_if_fail (LIA_IS_WORKSPACE (workspace));
  g_return_if_fail (LIA_IS_TRACKER (tracker));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_autoptr(GTask) task = g_task_new (workspace, cancellable, callback, user_data);
  LiaSyncPlan *plan = lia_sync_plan_new (workspace, lia_tracker_get_service (tracker),
                                         lia_tracker_get_base_url (tracker), dry_run);

  g_task_set_source_tag (task, lia_sync_run_async);
  /* The outbox says "sending" on disk before anything is sent. */
  if (!dry_run && lia_workspace_get_file (workspace) != NULL && !lia_workspace_get_read_only (workspace))
    {
      g_autoptr(GError) error = NULL;
      if (!lia_workspace_save (workspace, NULL, NULL, &error))
        {
          lia_sync_plan_free (plan);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  lia_plan_run_in_thread (task, plan, (GDestroyNotify) lia_sync_plan_free, tracker,
                          (LiaPlanExecuteFunc) lia_sync_plan_execute, progress, progress_data);
}

LiaSyncReport *
lia_sync_run_finish (LiaWorkspace  *workspace,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (g_task_is_valid (result, workspace), NULL);

  LiaSyncPlan *plan = lia_plan_run_finish (result, error);

  return plan ? lia_sync_plan_apply (plan, workspace) : NULL;
}

/* ---- conflicts --------------------------------------------------------- */

gboolean
lia_sync_resolve_conflict (LiaWorkspace   *workspace,
                           LiaOutboxOp    *op,
                           const gboolean  take_remote[LIA_SYNC_N_FIELDS],
                           GError        **error)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (LIA_IS_OUTBOX_OP (op), FALSE);
  g_return_val_if_fail (take_remote != NULL, FALSE);

  g_autoptr(GHashTable) index = syncable_index (workspace);
  Found *f = g_hash_table_lookup (index, s (LIA_ENTITY (op), LIA_OUTBOX_OP_ENTITY));
  g_autoptr(LiaIssue) remote = lia_issue_from_json (lia_entity_get_json (LIA_ENTITY (op), LIA_OUTBOX_OP_REMOTE));
  LiaHistory *history = lia_workspace_get_history (workspace);
  LiaRemoteRef *ref;
  guint fields = 0;

  if (f == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("the conflicting item no longer exists"));
      return FALSE;
    }
  for (guint i = 0; i < LIA_SYNC_N_FIELDS; i++)
    if (take_remote[i])
      fields |= 1u << i;

  /* The choice is an edit like any other: one undo step. */
  lia_history_begin (history, _("Resolve Conflict"));
  {
    g_autoptr(LiaEntity) scratch = lia_entity_copy (f->entity, FALSE);
    LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (scratch);

    adopt_remote (scratch, f->kind, remote, fields, NULL);
    for (guint i = 0; i < klass->n_fields; i++)
      if (klass->fields[i].kind == LIA_KIND_STRING &&
          g_strcmp0 (lia_entity_get_string (scratch, i), lia_entity_get_string (f->entity, i)) != 0)
        lia_history_set_string (history, f->entity, i, lia_entity_get_string (scratch, i), FALSE);
  }
  lia_history_end (history);

  /* The remote version is now known and accounted for: the next sync
   * sends the chosen fields. */
  ref = lia_entity_get_remote (f->entity);
  if (ref != NULL)
    {
      g_autofree char *hash = fields_hash (NULL, remote, FALSE);

      lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_VERSION, remote->version);
      lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_HASH, hash);
      lia_entity_set_string (LIA_ENTITY (ref), LIA_REMOTE_REF_SYNCED_HASH, "");
    }
  lia_entity_set_string (LIA_ENTITY (op), LIA_OUTBOX_OP_STATE, "queued");
  lia_entity_set_json (LIA_ENTITY (op), LIA_OUTBOX_OP_REMOTE, NULL);
  lia_workspace_mark_modified (workspace);
  return TRUE;
}
