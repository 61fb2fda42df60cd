/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-tracker"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-sync.h"
#include "lia-tracker.h"

/* LiaTracker: what every tracker can do for Liaison (create, update, fetch,
 * find by marker, list choices for the forms).  The base class holds the
 * account and builds authenticated requests; one subclass per service. */

typedef struct
{
  LiaHttp *http;
  char    *service;
  char    *base_url;
  char    *project;
  char    *user;
  char    *token;
  char    *epic_field;
  gboolean milestones;
  const char *auth_name;
  char    *auth_value;
} LiaTrackerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiaTracker, lia_tracker, G_TYPE_OBJECT)

LiaIssue *
lia_issue_new (void)
{
  LiaIssue *issue = g_new0 (LiaIssue, 1);
  char **fields[] = { &issue->marker, &issue->key, &issue->url, &issue->version, &issue->type,
                      &issue->summary, &issue->description, &issue->priority, &issue->assignee,
                      &issue->due, &issue->epic, &issue->status };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = g_strdup ("");
  issue->labels = g_new0 (char *, 1);
  issue->warnings = g_new0 (char *, 1);
  return issue;
}

void
lia_issue_add_warning (LiaIssue   *issue,
                       const char *warning)
{
  g_return_if_fail (issue != NULL);
  g_return_if_fail (warning != NULL);

  guint n = g_strv_length (issue->warnings);

  issue->warnings = g_renew (char *, issue->warnings, n + 2);
  issue->warnings[n] = g_strdup (warning);
  issue->warnings[n + 1] = NULL;
}

void
lia_issue_free (LiaIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->marker);
  g_free (issue->key);
  g_free (issue->url);
  g_free (issue->version);
  g_free (issue->type);
  g_free (issue->summary);
  g_free (issue->description);
  g_free (issue->priority);
  g_free (issue->assignee);
  g_free (issue->due);
  g_free (issue->epic);
  g_free (issue->status);
  g_strfreev (issue->labels);
  g_strfreev (issue->warnings);
  g_free (issue);
}

void
lia_issue_set (char       **field,
               const char  *value)
{
  g_return_if_fail (field != NULL);

  g_free (*field);
  *field = g_strdup (value ? value : "");
}

LiaIssue *
lia_issue_copy (const LiaIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  g_autoptr(JsonNode) node = lia_issue_to_json (issue);
  LiaIssue *copy = lia_issue_from_json (node);

  g_strfreev (copy->warnings);
  copy->warnings = g_strdupv (issue->warnings);
  return copy;
}

#define ISSUE_STRINGS(X) \
  X (marker) X (key) X (url) X (version) X (type) X (summary) X (description) \
  X (priority) X (assignee) X (due) X (epic) X (status)

JsonNode *
lia_issue_to_json (const LiaIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
#define ADD(name) json_builder_set_member_name (b, #name); json_builder_add_string_value (b, issue->name);
  ISSUE_STRINGS (ADD)
#undef ADD
  json_builder_set_member_name (b, "labels");
  json_builder_begin_array (b);
  for (guint i = 0; issue->labels[i]; i++)
    json_builder_add_string_value (b, issue->labels[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "is_epic");
  json_builder_add_boolean_value (b, issue->is_epic);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

LiaIssue *
lia_issue_from_json (JsonNode *node)
{
  LiaIssue *issue = lia_issue_new ();
  JsonObject *o;
  JsonArray *labels;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return issue;
  o = json_node_get_object (node);
#define GET(name) lia_issue_set (&issue->name, json_object_get_string_member_with_default (o, #name, ""));
  ISSUE_STRINGS (GET)
#undef GET
  labels = json_object_has_member (o, "labels") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "labels"))
           ? json_object_get_array_member (o, "labels") : NULL;
  if (labels != NULL)
    {
      GStrvBuilder *sb = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (labels); i++)
        {
          JsonNode *l = json_array_get_element (labels, i);
          if (JSON_NODE_HOLDS_VALUE (l) && json_node_get_value_type (l) == G_TYPE_STRING)
            g_strv_builder_add (sb, json_node_get_string (l));
        }
      g_strfreev (issue->labels);
      issue->labels = g_strv_builder_end (sb);
      g_strv_builder_unref (sb);
    }
  issue->is_epic = json_object_get_boolean_member_with_default (o, "is_epic", FALSE);
  return issue;
}

/* A digest of what Liaison owns and sends (not the status, which the
 * tracker owns): equal digests mean nothing local changed since the sync. */
char *
lia_issue_hash (const LiaIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = { issue->type, issue->summary, issue->description, issue->priority,
                          issue->assignee, issue->due, issue->epic };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (sum, (const guchar *) parts[i], strlen (parts[i]) + 1);
    }
  for (guint i = 0; issue->labels[i]; i++)
    g_checksum_update (sum, (const guchar *) issue->labels[i], strlen (issue->labels[i]) + 1);
  g_checksum_update (sum, (const guchar *) (issue->is_epic ? "E" : "-"), 1);
  return g_strdup (g_checksum_get_string (sum));
}

char *
lia_tracker_marker_label (const char *marker)
{
  return g_strconcat ("liaison-", marker, NULL);
}

const char *
lia_tracker_marker_from_labels (char **labels)
{
  for (guint i = 0; labels && labels[i]; i++)
    if (g_str_has_prefix (labels[i], "liaison-") && strlen (labels[i]) == strlen ("liaison-") + 36)
      return labels[i] + strlen ("liaison-");
  return NULL;
}

static void
lia_tracker_finalize (GObject *object)
{
  LiaTrackerPrivate *priv = lia_tracker_get_instance_private (LIA_TRACKER (object));

  g_clear_object (&priv->http);
  g_free (priv->service);
  g_free (priv->base_url);
  g_free (priv->project);
  g_free (priv->user);
  /* Overwrite the secret before the memory goes back to the allocator. */
  if (priv->token)
    memset (priv->token, 0, strlen (priv->token));
  g_free (priv->token);
  if (priv->auth_value)
    memset (priv->auth_value, 0, strlen (priv->auth_value));
  g_free (priv->auth_value);
  g_free (priv->epic_field);
  G_OBJECT_CLASS (lia_tracker_parent_class)->finalize (object);
}

static char *
default_normalize (LiaTracker *self,
                   const char *markdown)
{
  return g_strdup (markdown);
}

static void
lia_tracker_class_init (LiaTrackerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_tracker_finalize;
  klass->normalize_description = default_normalize;
}

static void
lia_tracker_init (LiaTracker *self)
{
}

/* What every account needs: an address Liaison may use (HTTPS unless on
 * this computer) without user-info, a project and a token.  Returns the
 * address normalised (lia_sync_normalize_url()). */
char *
lia_tracker_config_check (const LiaTrackerConfig  *config,
                          const char              *no_project,
                          GError                 **error)
{
  char *url;

  g_return_val_if_fail (config != NULL, NULL);

  if (config->url == NULL || *config->url == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("the account has no address"));
      return NULL;
    }
  /* User-info is refused (a password must not reach the workspace) and
   * the address normalised, so that markers and links have one spelling. */
  url = lia_sync_check_base_url (config->url, error);
  if (url == NULL)
    return NULL;
  if (config->project == NULL || *config->project == '\0')
    {
      g_set_error_literal (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, no_project);
      g_free (url);
      return NULL;
    }
  if (config->token == NULL || *config->token == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_AUTH, _("no token for this account"));
      g_free (url);
      return NULL;
    }
  return url;
}

LiaTracker *
lia_tracker_new (LiaHttp                *http,
                 const LiaTrackerConfig *config,
                 GError                **error)
{
  g_return_val_if_fail (LIA_IS_HTTP (http), NULL);
  g_return_val_if_fail (config != NULL, NULL);

  LiaTracker *self;
  LiaTrackerPrivate *priv;
  GType type;
  g_autofree char *url = NULL;
  const char *token = config->token ? config->token : "";

  if (g_strcmp0 (config->service, "jira-cloud") == 0 || g_strcmp0 (config->service, "jira-dc") == 0)
    type = lia_jira_get_type ();
  else if (g_strcmp0 (config->service, "redmine") == 0)
    type = lia_redmine_get_type ();
  else if (g_strcmp0 (config->service, "github") == 0)
    type = lia_github_get_type ();
  else if (g_strcmp0 (config->service, "gitlab") == 0)
    type = lia_gitlab_get_type ();
  else if (g_strcmp0 (config->service, "confluence") == 0)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   _("Confluence is a wiki, not a tracker: choose a tracker account"));
      return NULL;
    }
  else
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   _("unknown service “%s” (expected jira-cloud, jira-dc, redmine, github or gitlab)"),
                   config->service ? config->service : "");
      return NULL;
    }

  url = lia_tracker_config_check (config, _("the account has no project"), error);
  if (url == NULL)
    return NULL;
  if (g_str_equal (config->service, "jira-cloud") && (config->user == NULL || *config->user == '\0'))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_AUTH,
                   _("Jira Cloud needs the account’s e-mail address as the user"));
      return NULL;
    }

  self = g_object_new (type, NULL);
  priv = lia_tracker_get_instance_private (self);
  priv->http = g_object_ref (http);
  priv->service = g_strdup (config->service);
  priv->base_url = g_steal_pointer (&url);
  priv->project = g_strdup (config->project);
  priv->user = g_strdup (config->user ? config->user : "");
  priv->token = g_strdup (token);
  priv->epic_field = g_strdup (config->epic_field ? config->epic_field : "");
  priv->milestones = config->milestones;

  lia_http_auth_header (priv->service, priv->user, token, &priv->auth_name, &priv->auth_value);

  /* GitHub asks integrations to send content-creating requests serially
   * and at least a second apart, or a secondary rate limit stops them
   * ("Best practices for using the REST API").  A policy set before for
   * the host (a test's shorter one) is kept. */
  if (g_str_equal (priv->service, "github"))
    {
      g_autoptr(GUri) uri = g_uri_parse (priv->base_url, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL &&
          !lia_http_get_write_policy (http, g_uri_get_host (uri), NULL, NULL))
        lia_http_set_write_policy (http, g_uri_get_host (uri), TRUE, 1000);
    }
  return self;
}

#define PRIV(self) ((LiaTrackerPrivate *) lia_tracker_get_instance_private (self))

LiaHttp    *lia_tracker_get_http       (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), NULL); return PRIV (self)->http; }
const char *lia_tracker_get_service    (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), NULL); return PRIV (self)->service; }
const char *lia_tracker_get_base_url   (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), NULL); return PRIV (self)->base_url; }
const char *lia_tracker_get_project    (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), NULL); return PRIV (self)->project; }
const char *lia_tracker_get_user       (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), NULL); return PRIV (self)->user; }
const char *lia_tracker_get_token      (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), NULL); return PRIV (self)->token; }
const char *lia_tracker_get_epic_field (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), NULL); return PRIV (self)->epic_field; }
gboolean    lia_tracker_get_milestones (LiaTracker *self) { g_return_val_if_fail (LIA_IS_TRACKER (self), FALSE); return PRIV (self)->milestones; }

/* Points @config's fields at @account's (they stay owned by it). */
void
lia_tracker_config_from_account (LiaTrackerConfig *config,
                                 LiaAccount       *account,
                                 const char       *token)
{
  g_return_if_fail (config != NULL);
  g_return_if_fail (LIA_IS_ACCOUNT (account));

  LiaEntity *e = LIA_ENTITY (account);

  memset (config, 0, sizeof *config);
  config->service = lia_entity_get_string (e, LIA_ACCOUNT_SERVICE);
  config->url = lia_entity_get_string (e, LIA_ACCOUNT_URL);
  config->project = lia_entity_get_string (e, LIA_ACCOUNT_PROJECT);
  config->user = lia_entity_get_string (e, LIA_ACCOUNT_USER);
  config->token = token;
  config->epic_field = lia_entity_get_string (e, LIA_ACCOUNT_EPIC_FIELD);
  config->milestones = lia_entity_get_boolean (e, LIA_ACCOUNT_MILESTONES);
}

/* A request to @path under the account's address, with its credentials. */
gboolean
lia_tracker_call (LiaTracker          *self,
                  const char          *method,
                  const char          *path,
                  const char * const  *extra_headers,
                  JsonNode            *body,
                  JsonNode           **reply,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return lia_tracker_call_full (self, method, path, extra_headers, body, reply, NULL, cancellable, error);
}

gboolean
lia_tracker_call_full (LiaTracker          *self,
                       const char          *method,
                       const char          *path,
                       const char * const  *extra_headers,
                       JsonNode            *body,
                       JsonNode           **reply,
                       GHashTable         **response_headers,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  LiaTrackerPrivate *priv = PRIV (self);
  g_autofree char *url = g_strconcat (priv->base_url, path, NULL);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  const char *service = priv->service;

  g_ptr_array_add (headers, (gpointer) priv->auth_name);
  g_ptr_array_add (headers, priv->auth_value);
  if (g_str_equal (service, "github"))
    {
      g_ptr_array_add (headers, (gpointer) "Accept");
      g_ptr_array_add (headers, (gpointer) "application/vnd.github+json");
      g_ptr_array_add (headers, (gpointer) "X-GitHub-Api-Version");
      g_ptr_array_add (headers, (gpointer) "2022-11-28");
    }
  for (guint i = 0; extra_headers && extra_headers[i]; i++)
    g_ptr_array_add (headers, (gpointer) extra_headers[i]);
  g_ptr_array_add (headers, NULL);

  return lia_http_request_full (priv->http, method, url, (const char * const *) headers->pdata,
                                body, reply, NULL, response_headers, cancellable, error);
}

gboolean
lia_tracker_create (LiaTracker *self, LiaIssue *issue, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), FALSE);
  g_return_val_if_fail (issue != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return LIA_TRACKER_GET_CLASS (self)->create (self, issue, cancellable, error);
}

gboolean
lia_tracker_update (LiaTracker *self, LiaIssue *issue, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), FALSE);
  g_return_val_if_fail (issue != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return LIA_TRACKER_GET_CLASS (self)->update (self, issue, cancellable, error);
}

LiaIssue *
lia_tracker_fetch (LiaTracker *self, const char *key, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return LIA_TRACKER_GET_CLASS (self)->fetch (self, key, cancellable, error);
}

/* The remote issue that carries @marker, or NULL without an error when
 * there is none. */
LiaIssue *
lia_tracker_find_by_marker (LiaTracker *self, const char *marker, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), NULL);
  g_return_val_if_fail (marker != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return LIA_TRACKER_GET_CLASS (self)->find_by_marker (self, marker, cancellable, error);
}

GPtrArray *
lia_tracker_list (LiaTracker *self, LiaTrackerList what, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return LIA_TRACKER_GET_CLASS (self)->list (self, what, cancellable, error);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = lia_tracker_list (source, GPOINTER_TO_UINT (task_data), cancellable, &error);

  if (items)
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* The forms' lists, read on a worker thread. */
void
lia_tracker_list_async (LiaTracker          *self,
                        LiaTrackerList       what,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (LIA_IS_TRACKER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, GUINT_TO_POINTER (what), NULL);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
lia_tracker_list_finish (LiaTracker    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* @markdown as it comes back after a trip through the tracker's own
 * format, so that a lossy conversion is not mistaken for a remote edit. */
char *
lia_tracker_normalize_description (LiaTracker *self,
                                   const char *markdown)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), NULL);

  return LIA_TRACKER_GET_CLASS (self)->normalize_description (self, markdown);
}

/* Reads the project's issue types: proves the address, the token and the
 * project in one request. */
gboolean
lia_tracker_test_connection (LiaTracker   *self,
                             GCancellable *cancellable,
                             GError      **error)
{
  g_return_val_if_fail (LIA_IS_TRACKER (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  g_autoptr(GPtrArray) types = lia_tracker_list (self, LIA_TRACKER_LIST_TYPES, cancellable, error);
  return types != NULL;
}
