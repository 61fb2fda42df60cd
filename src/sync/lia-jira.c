/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-jira"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-markup.h"
#include "lia-sync-private.h"

/* Jira Cloud (REST v3: ADF descriptions, epics as parent, Basic auth with
 * e-mail and API token) and Jira Data Center (REST v2: wiki-markup
 * descriptions, the Epic Link custom field, Bearer personal access token).
 * The marker is a label, liaison-UUID, found again with JQL. */

typedef struct
{
  LiaTracker   parent_instance;
  LiaNameCache users;
} LiaJira;

typedef LiaTrackerClass LiaJiraClass;

G_DEFINE_FINAL_TYPE (LiaJira, lia_jira, LIA_TYPE_TRACKER)

static gboolean
is_cloud (LiaTracker *self)
{
  return g_str_equal (lia_tracker_get_service (self), "jira-cloud");
}

static const char *
api (LiaTracker *self)
{
  return is_cloud (self) ? "/rest/api/3" : "/rest/api/2";
}

static const char *
priority_name (const char *priority)
{
  static const struct { const char *value; const char *name; } names[] = {
    { "highest", "Highest" }, { "high", "High" }, { "medium", "Medium" }, { "low", "Low" }, { "lowest", "Lowest" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (priority, names[i].value) == 0)
      return names[i].name;
  return NULL;
}

static const char *
status_from_category (const char *category)
{
  if (g_str_equal (category, "done"))
    return "done";
  if (g_str_equal (category, "indeterminate"))
    return "in-progress";
  return "todo";
}

static gboolean
load_users (LiaTracker    *self,
            guint          kind,
            GHashTable    *into,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("%s/user/assignable/search?project=%s&maxResults=1000", api (self), project);
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *users;

  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return FALSE;
  users = lia_json_array (reply, NULL);
  for (guint i = 0; users && i < json_array_get_length (users); i++)
    {
      JsonNode *u = json_array_get_element (users, i);
      const char *id = is_cloud (self) ? lia_json_str (u, "accountId") : lia_json_str (u, "name");

      lia_name_table_add (into, lia_json_str (u, "displayName"), id);
      lia_name_table_add (into, lia_json_str (u, "emailAddress"), id);
      lia_name_table_add (into, id, id);
    }
  return TRUE;
}

static JsonNode *
build_fields (LiaTracker    *self,
              LiaIssue      *issue,
              gboolean       create,
              GCancellable  *cancellable,
              GError       **error)
{
  LiaJira *jira = (LiaJira *) self;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *marker = lia_tracker_marker_label (issue->marker);
  g_autofree char *account = NULL;
  const char *priority = priority_name (issue->priority);

  if (*issue->summary == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("summary: required"));
      return NULL;
    }
  if (*issue->assignee != '\0')
    {
      if (!lia_name_cache_get (&jira->users, self, 0, issue->assignee, load_users, &account, cancellable, error))
        return NULL;
      if (account == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                       _("assignee: no one called “%s” can be assigned in project %s"),
                       issue->assignee, lia_tracker_get_project (self));
          return NULL;
        }
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  if (create)
    {
      json_builder_set_member_name (b, "project");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, lia_tracker_get_project (self));
      json_builder_end_object (b);
      json_builder_set_member_name (b, "issuetype");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, *issue->type ? issue->type : (issue->is_epic ? "Epic" : "Story"));
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, issue->summary);
  json_builder_set_member_name (b, "description");
  if (*issue->description == '\0')
    json_builder_add_null_value (b);
  else if (is_cloud (self))
    json_builder_add_value (b, lia_markdown_to_adf (issue->description));
  else
    {
      g_autofree char *wiki = lia_markdown_to_wiki (issue->description);
      json_builder_add_string_value (b, wiki);
    }
  if (priority != NULL)
    {
      json_builder_set_member_name (b, "priority");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, priority);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "assignee");
  if (account != NULL)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, is_cloud (self) ? "accountId" : "name");
      json_builder_add_string_value (b, account);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "duedate");
  if (*issue->due)
    json_builder_add_string_value (b, issue->due);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "labels");
  json_builder_begin_array (b);
  for (guint i = 0; issue->labels[i]; i++)
    if (!g_str_has_prefix (issue->labels[i], "liaison-"))
      {
        /* Jira labels may not hold spaces. */
        g_autofree char *label = g_strdelimit (g_strdup (issue->labels[i]), " ", '_');
        json_builder_add_string_value (b, label);
      }
  json_builder_add_string_value (b, marker);
  json_builder_end_array (b);
  if (*issue->epic)
    {
      if (is_cloud (self))
        {
          json_builder_set_member_name (b, "parent");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, issue->epic);
          json_builder_end_object (b);
        }
      else if (*lia_tracker_get_epic_field (self))
        {
          json_builder_set_member_name (b, lia_tracker_get_epic_field (self));
          json_builder_add_string_value (b, issue->epic);
        }
      else
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                       _("epic: set the account’s Epic Link field (for example customfield_10100) to link issues to epics on Jira Data Center"));
          return NULL;
        }
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static LiaIssue *
parse_issue (LiaTracker *self,
             JsonNode   *node)
{
  LiaIssue *issue = lia_issue_new ();
  JsonNode *description = lia_json_at (node, "fields.description");
  JsonArray *labels = lia_json_array (node, "fields.labels");
  const char *priority = lia_priority_from_name (lia_json_str (node, "fields.priority.name"));
  GStrvBuilder *sb = g_strv_builder_new ();

  lia_issue_set (&issue->key, lia_json_str (node, "key"));
  issue->url = (g_free (issue->url), g_strdup_printf ("%s/browse/%s", lia_tracker_get_base_url (self), issue->key));
  lia_issue_set (&issue->version, lia_json_str (node, "fields.updated"));
  lia_issue_set (&issue->type, lia_json_str (node, "fields.issuetype.name"));
  issue->is_epic = g_str_equal (issue->type, "Epic");
  lia_issue_set (&issue->summary, lia_json_str (node, "fields.summary"));
  if (description && JSON_NODE_HOLDS_OBJECT (description))
    issue->description = (g_free (issue->description), lia_adf_to_markdown (description));
  else if (description && JSON_NODE_HOLDS_VALUE (description))
    issue->description = (g_free (issue->description), lia_wiki_to_markdown (json_node_get_string (description)));
  lia_issue_set (&issue->priority, priority ? priority : "medium");
  {
    const char *assignee = lia_json_str (node, "fields.assignee.displayName");
    lia_issue_set (&issue->assignee, assignee);
  }
  lia_issue_set (&issue->due, lia_json_str (node, "fields.duedate"));
  if (is_cloud (self))
    lia_issue_set (&issue->epic, lia_json_str (node, "fields.parent.key"));
  else if (*lia_tracker_get_epic_field (self))
    {
      g_autofree char *path = g_strconcat ("fields.", lia_tracker_get_epic_field (self), NULL);
      lia_issue_set (&issue->epic, lia_json_str (node, path));
    }
  lia_issue_set (&issue->status, status_from_category (lia_json_str (node, "fields.status.statusCategory.key")));
  for (guint i = 0; labels && i < json_array_get_length (labels); i++)
    {
      JsonNode *l = json_array_get_element (labels, i);
      if (JSON_NODE_HOLDS_VALUE (l) && json_node_get_value_type (l) == G_TYPE_STRING)
        {
          const char *label = json_node_get_string (l);
          const char *marker;

          g_strv_builder_add (sb, label);
          if (g_str_has_prefix (label, "liaison-") && (marker = label + strlen ("liaison-")) && strlen (marker) == 36)
            lia_issue_set (&issue->marker, marker);
        }
    }
  g_strfreev (issue->labels);
  issue->labels = g_strv_builder_end (sb);
  g_strv_builder_unref (sb);
  return issue;
}

#define FIELDS "summary,description,issuetype,priority,assignee,duedate,labels,status,updated,parent"

static LiaIssue *
jira_fetch (LiaTracker    *self,
            const char    *key,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (key, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("%s/issue/%s?fields=" FIELDS "%s%s", api (self), escaped,
                                           *lia_tracker_get_epic_field (self) ? "," : "",
                                           lia_tracker_get_epic_field (self));
  g_autoptr(JsonNode) reply = NULL;

  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  if (*lia_json_str (reply, "key") == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer has no issue key"), path);
      return NULL;
    }
  return parse_issue (self, reply);
}

static gboolean
jira_create (LiaTracker    *self,
             LiaIssue      *issue,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(JsonNode) body = build_fields (self, issue, TRUE, cancellable, error);
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *path = g_strconcat (api (self), "/issue", NULL);

  if (body == NULL || !lia_tracker_call (self, "POST", path, NULL, body, &reply, cancellable, error))
    return FALSE;
  if (*lia_json_str (reply, "key") == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("POST %s: the answer has no issue key"), path);
      return FALSE;
    }
  lia_issue_set (&issue->key, lia_json_str (reply, "key"));
  issue->url = (g_free (issue->url), g_strdup_printf ("%s/browse/%s", lia_tracker_get_base_url (self), issue->key));
  lia_issue_set (&issue->version, "");   /* unknown until the next fetch */
  return TRUE;
}

static gboolean
jira_update (LiaTracker    *self,
             LiaIssue      *issue,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(JsonNode) body = build_fields (self, issue, FALSE, cancellable, error);
  g_autofree char *escaped = g_uri_escape_string (issue->key, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("%s/issue/%s", api (self), escaped);
  g_autoptr(LiaIssue) now = NULL;

  if (body == NULL || !lia_tracker_call (self, "PUT", path, NULL, body, NULL, cancellable, error))
    return FALSE;
  now = jira_fetch (self, issue->key, cancellable, error);
  if (now == NULL)
    return FALSE;
  lia_issue_set (&issue->version, now->version);
  lia_issue_set (&issue->status, now->status);
  return TRUE;
}

static LiaIssue *
jira_find_by_marker (LiaTracker    *self,
                     const char    *marker,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *label = lia_tracker_marker_label (marker);
  g_autofree char *jql = g_strdup_printf ("labels = \"%s\"", label);
  g_autofree char *escaped = g_uri_escape_string (jql, NULL, TRUE);
  /* Cloud retired /search for /search/jql; Data Center still has /search. */
  g_autofree char *path = g_strdup_printf ("%s/%s?jql=%s&fields=" FIELDS "%s%s", api (self),
                                           is_cloud (self) ? "search/jql" : "search", escaped,
                                           *lia_tracker_get_epic_field (self) ? "," : "",
                                           lia_tracker_get_epic_field (self));
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *issues;

  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  issues = lia_json_array (reply, "issues");
  if (issues == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s/search: the answer has no issue list"), api (self));
      return NULL;
    }
  if (json_array_get_length (issues) == 0)
    return NULL;
  return parse_issue (self, json_array_get_element (issues, 0));
}

static GPtrArray *
jira_list (LiaTracker    *self,
           LiaTrackerList what,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *path = NULL;
  JsonArray *items;
  const char *name_key = "name";

  switch (what)
    {
    case LIA_TRACKER_LIST_PROJECTS:
      path = g_strdup_printf ("%s/%s", api (self), is_cloud (self) ? "project/search?maxResults=100" : "project");
      name_key = "key";
      break;
    case LIA_TRACKER_LIST_TYPES:
      path = g_strdup_printf ("%s/project/%s", api (self), project);
      break;
    case LIA_TRACKER_LIST_PRIORITIES:
      path = g_strdup_printf ("%s/priority", api (self));
      break;
    case LIA_TRACKER_LIST_USERS:
    default:
      path = g_strdup_printf ("%s/user/assignable/search?project=%s&maxResults=1000", api (self), project);
      name_key = "displayName";
      break;
    }
  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  if (what == LIA_TRACKER_LIST_TYPES)
    items = lia_json_array (reply, "issueTypes");
  else if (what == LIA_TRACKER_LIST_PROJECTS && is_cloud (self))
    items = lia_json_array (reply, "values");
  else
    items = lia_json_array (reply, NULL);
  if (items == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer is not a list"), path);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *name = lia_json_str (json_array_get_element (items, i), name_key);
      if (*name)
        g_ptr_array_add (out, g_strdup (name));
    }
  return g_steal_pointer (&out);
}

static char *
jira_normalize (LiaTracker *self,
                const char *markdown)
{
  if (markdown == NULL || *markdown == '\0')
    return g_strdup ("");
  if (is_cloud (self))
    {
      g_autoptr(JsonNode) adf = lia_markdown_to_adf (markdown);
      return lia_adf_to_markdown (adf);
    }
  else
    {
      g_autofree char *wiki = lia_markdown_to_wiki (markdown);
      return lia_wiki_to_markdown (wiki);
    }
}

static void
lia_jira_finalize (GObject *object)
{
  lia_name_cache_clear (&((LiaJira *) object)->users);
  G_OBJECT_CLASS (lia_jira_parent_class)->finalize (object);
}

static void
lia_jira_class_init (LiaJiraClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_jira_finalize;
  klass->create = jira_create;
  klass->update = jira_update;
  klass->fetch = jira_fetch;
  klass->find_by_marker = jira_find_by_marker;
  klass->list = jira_list;
  klass->normalize_description = jira_normalize;
}

static void
lia_jira_init (LiaJira *self)
{
  lia_name_cache_init (&self->users);
}
