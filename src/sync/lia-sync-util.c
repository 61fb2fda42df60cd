/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-sync-private.h"

/* ---- base addresses ----------------------------------------------------- */

static int
default_port (const char *scheme)
{
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return 443;
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    return 80;
  return -1;
}

/* One spelling per tracker: "HTTPS://Jira.Example.com:443/jira/" and
 * "https://jira.example.com/jira" are the same server, and an epic's
 * marker, a comparison of two accounts and the workspace file must not
 * tell them apart.  Scheme and host go to lower case, the default port
 * and trailing slashes are dropped, the path is kept as it is (it can be
 * case-sensitive), and user-info never survives.  Text that is not an
 * address comes back with only its trailing slashes dropped. */
char *
lia_sync_normalize_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  int port;
  char *out;

  if (url == NULL)
    return g_strdup ("");
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      out = g_strstrip (g_strdup (url));
      while (g_str_has_suffix (out, "/"))
        out[strlen (out) - 1] = '\0';
      return out;
    }
  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  if (port == default_port (scheme))
    port = -1;
  path = g_strdup (g_uri_get_path (uri));
  while (g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  out = g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, host, port, path,
                    g_uri_get_query (uri), g_uri_get_fragment (uri));
  while (g_str_has_suffix (out, "/"))
    out[strlen (out) - 1] = '\0';
  return out;
}

gboolean
lia_sync_same_url (const char *a,
                   const char *b)
{
  g_autofree char *na = lia_sync_normalize_url (a);
  g_autofree char *nb = lia_sync_normalize_url (b);

  return g_str_equal (na, nb);
}

gboolean
lia_sync_url_has_userinfo (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL) : NULL;

  return uri != NULL && g_uri_get_userinfo (uri) != NULL;
}

/* An account's address as it may be stored and used: refused when it
 * carries a user name or password (they would end up in the workspace
 * file, in every issue link and in git), otherwise checked like any
 * address and normalised.  The error never repeats the user-info. */
char *
lia_sync_check_base_url (const char  *url,
                         GError     **error)
{
  g_autofree char *normalized = NULL;

  if (lia_sync_url_has_userinfo (url))
    {
      g_autofree char *clean = lia_sync_normalize_url (url);

      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   /* Translators: %s is the address without the user name and password */
                   _("the address “%s” carries a user name or password: remove them from the address and give the token "
                     "instead (the account’s token in the app, LIAISON_TOKEN for liaison-cli)"),
                   clean);
      return NULL;
    }
  if (!lia_http_check_url (url, error))
    return NULL;
  normalized = lia_sync_normalize_url (url);
  return g_steal_pointer (&normalized);
}

JsonNode *
lia_json_at (JsonNode   *node,
             const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] && node; i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), parts[i]);
    }
  return node;
}

const char *
lia_json_str (JsonNode   *node,
              const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  node = lia_json_at (node, path);
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return "";
}

gint64
lia_json_int (JsonNode   *node,
              const char *path)
{
  g_return_val_if_fail (path != NULL, 0);

  node = lia_json_at (node, path);
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  return 0;
}

/* A string or a whole number as text ("" otherwise). */
char *
lia_json_scalar (JsonNode   *node,
                 const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  node = lia_json_at (node, path);
  if (node && JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  return g_strdup ("");
}

JsonArray *
lia_json_array (JsonNode   *node,
                const char *path)
{
  node = path ? lia_json_at (node, path) : node;
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

void
lia_name_cache_init (LiaNameCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_mutex_init (&cache->lock);
  memset (cache->tables, 0, sizeof cache->tables);
}

void
lia_name_cache_clear (LiaNameCache *cache)
{
  g_return_if_fail (cache != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cache->tables); i++)
    g_clear_pointer (&cache->tables[i], g_hash_table_unref);
  g_mutex_clear (&cache->lock);
}

void
lia_name_table_add (GHashTable *table,
                    const char *name,
                    const char *value)
{
  g_return_if_fail (table != NULL);

  if (name && *name)
    g_hash_table_insert (table, g_utf8_casefold (name, -1), g_strdup (value));
}

/* *@value is the value for @name in list @kind, or NULL when the tracker
 * has no such name.  The list is read once per tracker object. */
gboolean
lia_name_cache_get (LiaNameCache  *cache,
                    LiaTracker    *tracker,
                    guint          kind,
                    const char    *name,
                    LiaNameLoader  loader,
                    char         **value,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (cache != NULL, FALSE);
  g_return_val_if_fail (LIA_IS_TRACKER (tracker), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (loader != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  g_autofree char *folded = g_utf8_casefold (name, -1);
  GHashTable *table;

  g_assert (kind < G_N_ELEMENTS (cache->tables));
  *value = NULL;
  g_mutex_lock (&cache->lock);
  table = cache->tables[kind];
  g_mutex_unlock (&cache->lock);
  if (table == NULL)
    {
      g_autoptr(GHashTable) fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      if (!loader (tracker, kind, fresh, cancellable, error))
        return FALSE;
      g_mutex_lock (&cache->lock);
      if (cache->tables[kind] == NULL)
        cache->tables[kind] = g_steal_pointer (&fresh);
      g_mutex_unlock (&cache->lock);
    }
  g_mutex_lock (&cache->lock);
  *value = g_strdup (g_hash_table_lookup (cache->tables[kind], folded));
  g_mutex_unlock (&cache->lock);
  return TRUE;
}

/* GitHub and GitLab have no priorities: a label carries it. */
char *
lia_priority_label (const char *priority)
{
  return g_strconcat ("priority: ", priority, NULL);
}

const char *
lia_priority_from_name (const char *name)
{
  static const struct { const char *name; const char *value; } names[] = {
    { "highest", "highest" }, { "blocker", "highest" }, { "immediate", "highest" }, { "urgent", "highest" },
    { "critical", "highest" }, { "high", "high" }, { "major", "high" }, { "medium", "medium" },
    { "normal", "medium" }, { "low", "low" }, { "minor", "low" }, { "lowest", "lowest" }, { "trivial", "lowest" },
  };
  g_autofree char *lower = g_utf8_strdown (name ? name : "", -1);

  if (g_str_has_prefix (lower, "priority: "))
    memmove (lower, lower + strlen ("priority: "), strlen (lower) - strlen ("priority: ") + 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (lower, names[i].name))
      return names[i].value;
  return NULL;
}

#define MARKER_OPEN "<!-- liaison:"
#define PART_OF "Part of #"

/* Where a tracker has no labels (Redmine) the marker rides at the end of
 * the description as an HTML comment, hidden when rendered; where it has
 * no epics (GitHub, GitLab) a "Part of #N" line links the parent. */
char *
lia_marker_trailer (const char *description,
                    const char *marker,
                    const char *epic_ref)
{
  GString *out = g_string_new (description);

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  if (epic_ref && *epic_ref)
    g_string_append_printf (out, "%s" PART_OF "%s", out->len ? "\n\n" : "", epic_ref);
  if (marker && *marker)
    g_string_append_printf (out, "%s" MARKER_OPEN "%s -->", out->len ? "\n\n" : "", marker);
  return g_string_free (out, FALSE);
}

char *
lia_strip_trailer (const char  *description,
                   char       **marker,
                   char       **epic_ref)
{
  g_autofree char *text = g_strdup (description ? description : "");
  char *at;
  gsize len;

  /* Servers may turn \n into \r\n. */
  {
    g_auto(GStrv) parts = g_strsplit (text, "\r\n", -1);
    g_free (text);
    text = g_strjoinv ("\n", parts);
  }
  if (marker)
    *marker = NULL;
  if (epic_ref)
    *epic_ref = NULL;

  at = g_strrstr (text, MARKER_OPEN);
  if (at != NULL && strstr (at, " -->") != NULL)
    {
      if (marker)
        *marker = g_strndup (at + strlen (MARKER_OPEN), strstr (at, " -->") - at - strlen (MARKER_OPEN));
      *at = '\0';
    }
  len = strlen (text);
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
    text[--len] = '\0';

  at = g_strrstr (text, PART_OF);
  if (at != NULL && (at == text || at[-1] == '\n') && strchr (at, '\n') == NULL &&
      at[strlen (PART_OF)] != '\0' && strspn (at + strlen (PART_OF), "0123456789") == strlen (at + strlen (PART_OF)))
    {
      if (epic_ref)
        *epic_ref = g_strdup (at + strlen (PART_OF));
      *at = '\0';
    }
  len = strlen (text);
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
    text[--len] = '\0';
  return g_steal_pointer (&text);
}

/* ---- progress from worker threads -------------------------------------- */

typedef struct
{
  LiaProgressRelay *relay;
  guint             done;
  guint             total;
} ProgressEvent;

void
lia_progress_relay_init (LiaProgressRelay    *relay,
                         LiaSyncProgressFunc  func,
                         gpointer             data)
{
  g_return_if_fail (relay != NULL);

  relay->func = func;
  relay->data = data;
  relay->context = g_main_context_ref_thread_default ();
}

void
lia_progress_relay_clear (LiaProgressRelay *relay)
{
  g_return_if_fail (relay != NULL);

  g_clear_pointer (&relay->context, g_main_context_unref);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressEvent *event = user_data;

  event->relay->func (event->done, event->total, event->relay->data);
  return G_SOURCE_REMOVE;
}

/* A LiaSyncProgressFunc for the worker: the relay's function runs later
 * in the starting thread's main context. */
void
lia_progress_relay_send (guint    done,
                         guint    total,
                         gpointer relay)
{
  g_return_if_fail (relay != NULL);

  ProgressEvent *event = g_new0 (ProgressEvent, 1);

  event->relay = relay;
  event->done = done;
  event->total = total;
  g_main_context_invoke_full (event->relay->context, G_PRIORITY_DEFAULT, deliver_progress, event, g_free);
}

/* ---- plans on a worker thread ------------------------------------------ */

typedef struct
{
  gpointer            plan;
  GDestroyNotify      plan_free;
  GObject            *service;
  LiaPlanExecuteFunc  execute;
  LiaProgressRelay    relay;
} PlanRun;

static void
plan_run_free (PlanRun *run)
{
  run->plan_free (run->plan);
  g_clear_object (&run->service);
  lia_progress_relay_clear (&run->relay);
  g_free (run);
}

static void
plan_run_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PlanRun *run = task_data;

  run->execute (run->plan, run->service, cancellable,
                run->relay.func ? lia_progress_relay_send : NULL, &run->relay);
  g_task_return_boolean (task, TRUE);
}

void
lia_plan_run_in_thread (GTask               *task,
                        gpointer             plan,
                        GDestroyNotify       plan_free,
                        gpointer             service,
                        LiaPlanExecuteFunc   execute,
                        LiaSyncProgressFunc  progress,
                        gpointer             progress_data)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (plan != NULL);
  g_return_if_fail (G_IS_OBJECT (service));
  g_return_if_fail (execute != NULL);

  PlanRun *run = g_new0 (PlanRun, 1);

  run->plan = plan;
  run->plan_free = plan_free;
  run->service = g_object_ref (service);
  run->execute = execute;
  lia_progress_relay_init (&run->relay, progress, progress_data);
  g_task_set_task_data (task, run, (GDestroyNotify) plan_run_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, plan_run_thread);
}

/* The plan, still owned by the task, or NULL with the error. */
gpointer
lia_plan_run_finish (GAsyncResult  *result,
                     GError       **error)
{
  PlanRun *run;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  run = g_task_get_task_data (G_TASK (result));
  return run->plan;
}

JsonNode *
lia_report_to_json (gboolean              dry_run,
                    const LiaReportCount *counts,
                    guint                 n_counts,
                    GPtrArray            *lines)
{
  g_return_val_if_fail (counts != NULL || n_counts == 0, NULL);

  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "dry_run");
  json_builder_add_boolean_value (b, dry_run);
  for (guint i = 0; i < n_counts; i++)
    {
      json_builder_set_member_name (b, counts[i].name);
      json_builder_add_int_value (b, counts[i].value);
    }
  json_builder_set_member_name (b, "messages");
  json_builder_begin_array (b);
  for (guint i = 0; i < lines->len; i++)
    json_builder_add_string_value (b, lines->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
