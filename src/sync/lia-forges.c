/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-forges"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-sync-private.h"

/* GitHub Issues and GitLab Issues.  Neither has issue types, priorities or
 * epics: type and priority become labels ("Story", "priority: high"), the
 * epic is an issue of its own with an "Epic" label, and its stories say
 * "Part of #N" on their last line.  The marker is a label, liaison-UUID.
 * Due dates are GitLab's own field; on GitHub, and on GitLab when asked,
 * they are milestones named by the date. */

typedef struct
{
  LiaTracker   parent_instance;
  LiaNameCache names;
} LiaForge;

typedef LiaTrackerClass LiaForgeClass;

enum { USERS, MILESTONES };

static const char * const generic_types[] = { "Story", "Task", "Bug", "Epic", NULL };

static gboolean
is_github (LiaTracker *self)
{
  return g_str_equal (lia_tracker_get_service (self), "github");
}

/* /repos/OWNER/REPO or /projects/GROUP%2FPROJECT */
static char *
project_path (LiaTracker *self)
{
  if (is_github (self))
    return g_strdup_printf ("/repos/%s", lia_tracker_get_project (self));
  else
    {
      g_autofree char *id = g_uri_escape_string (lia_tracker_get_project (self), NULL, FALSE);
      return g_strdup_printf ("/projects/%s", id);
    }
}

static gboolean
load_names (LiaTracker    *self,
            guint          kind,
            GHashTable    *into,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *base = project_path (self);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *items;

  if (kind == USERS)
    path = g_strdup_printf ("%s/%s", base, is_github (self) ? "assignees?per_page=100" : "members/all?per_page=100");
  else
    path = g_strdup_printf ("%s/milestones?%s", base, is_github (self) ? "state=all&per_page=100" : "per_page=100");
  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return FALSE;
  items = lia_json_array (reply, NULL);
  if (items == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer is not a list"), path);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);

      if (kind == USERS)
        {
          g_autofree char *id = lia_json_scalar (item, is_github (self) ? "login" : "id");
          lia_name_table_add (into, lia_json_str (item, is_github (self) ? "login" : "username"), id);
          lia_name_table_add (into, lia_json_str (item, "name"), id);
        }
      else
        {
          g_autofree char *id = lia_json_scalar (item, is_github (self) ? "number" : "id");
          lia_name_table_add (into, lia_json_str (item, "title"), id);
        }
    }
  return TRUE;
}

static char *
milestone_for (LiaTracker    *self,
               const char    *due,
               GCancellable  *cancellable,
               GError       **error)
{
  LiaForge *forge = (LiaForge *) self;
  g_autofree char *id = NULL;
  g_autofree char *base = project_path (self);
  g_autofree char *path = g_strconcat (base, "/milestones", NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *due_on = g_strconcat (due, "T23:59:59Z", NULL);

  if (!lia_name_cache_get (&forge->names, self, MILESTONES, due, load_names, &id, cancellable, error))
    return NULL;
  if (id != NULL)
    return g_steal_pointer (&id);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, due);
  json_builder_set_member_name (b, is_github (self) ? "due_on" : "due_date");
  json_builder_add_string_value (b, is_github (self) ? due_on : due);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  if (!lia_tracker_call (self, "POST", path, NULL, body, &reply, cancellable, error))
    return NULL;
  id = lia_json_scalar (reply, is_github (self) ? "number" : "id");
  g_mutex_lock (&forge->names.lock);
  lia_name_table_add (forge->names.tables[MILESTONES], due, id);
  g_mutex_unlock (&forge->names.lock);
  return g_steal_pointer (&id);
}

static JsonNode *
build_issue (LiaTracker    *self,
             LiaIssue      *issue,
             GCancellable  *cancellable,
             GError       **error)
{
  LiaForge *forge = (LiaForge *) self;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *body = lia_marker_trailer (issue->description, NULL, issue->epic);
  g_autofree char *marker = lia_tracker_marker_label (issue->marker);
  g_autofree char *priority = lia_priority_label (issue->priority);
  g_autofree char *user = NULL;
  g_autofree char *milestone = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean github = is_github (self);

  if (*issue->summary == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("summary: required"));
      return NULL;
    }
  if (*issue->assignee)
    {
      if (!lia_name_cache_get (&forge->names, self, USERS, issue->assignee, load_names, &user, cancellable, error))
        return NULL;
      if (user == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                       _("assignee: “%s” cannot be assigned in %s"), issue->assignee, lia_tracker_get_project (self));
          return NULL;
        }
    }
  if (*issue->due && (github || lia_tracker_get_milestones (self)))
    {
      milestone = milestone_for (self, issue->due, cancellable, error);
      if (milestone == NULL)
        return NULL;
    }

  if (*issue->type)
    g_ptr_array_add (labels, issue->type);
  else if (issue->is_epic)
    g_ptr_array_add (labels, (gpointer) "Epic");
  g_ptr_array_add (labels, priority);
  for (guint i = 0; issue->labels[i]; i++)
    if (!g_str_has_prefix (issue->labels[i], "liaison-") && !g_str_has_prefix (issue->labels[i], "priority: "))
      g_ptr_array_add (labels, issue->labels[i]);
  g_ptr_array_add (labels, marker);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, issue->summary);
  json_builder_set_member_name (b, github ? "body" : "description");
  json_builder_add_string_value (b, body);
  json_builder_set_member_name (b, "labels");
  if (github)
    {
      json_builder_begin_array (b);
      for (guint i = 0; i < labels->len; i++)
        json_builder_add_string_value (b, labels->pdata[i]);
      json_builder_end_array (b);
    }
  else
    {
      /* GitLab takes labels as one comma-separated string. */
      g_autoptr(GString) joined = g_string_new (NULL);
      for (guint i = 0; i < labels->len; i++)
        {
          g_autofree char *clean = g_strdelimit (g_strdup (labels->pdata[i]), ",", ' ');
          g_string_append_printf (joined, "%s%s", i ? "," : "", clean);
        }
      json_builder_add_string_value (b, joined->str);
    }
  json_builder_set_member_name (b, github ? "assignees" : "assignee_ids");
  json_builder_begin_array (b);
  if (user)
    {
      if (github)
        json_builder_add_string_value (b, user);
      else
        json_builder_add_int_value (b, g_ascii_strtoll (user, NULL, 10));
    }
  json_builder_end_array (b);
  if (!github)
    {
      json_builder_set_member_name (b, "due_date");
      if (*issue->due)
        json_builder_add_string_value (b, issue->due);
      else
        json_builder_add_null_value (b);
    }
  json_builder_set_member_name (b, github ? "milestone" : "milestone_id");
  if (milestone)
    json_builder_add_int_value (b, g_ascii_strtoll (milestone, NULL, 10));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static LiaIssue *
parse_issue (LiaTracker *self,
             JsonNode   *node)
{
  LiaIssue *issue = lia_issue_new ();
  gboolean github = is_github (self);
  g_autofree char *number = lia_json_scalar (node, github ? "number" : "iid");
  JsonArray *labels = lia_json_array (node, "labels");
  GStrvBuilder *sb = g_strv_builder_new ();
  char *epic = NULL;
  gboolean in_progress = FALSE;

  lia_issue_set (&issue->key, number);
  lia_issue_set (&issue->url, lia_json_str (node, github ? "html_url" : "web_url"));
  lia_issue_set (&issue->version, lia_json_str (node, "updated_at"));
  lia_issue_set (&issue->summary, lia_json_str (node, "title"));
  issue->description = (g_free (issue->description),
                        lia_strip_trailer (lia_json_str (node, github ? "body" : "description"), NULL, &epic));
  if (epic)
    issue->epic = (g_free (issue->epic), epic);
  lia_issue_set (&issue->priority, "medium");
  for (guint i = 0; labels && i < json_array_get_length (labels); i++)
    {
      JsonNode *l = json_array_get_element (labels, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (l) ? lia_json_str (l, "name")
                         : (JSON_NODE_HOLDS_VALUE (l) && json_node_get_value_type (l) == G_TYPE_STRING
                            ? json_node_get_string (l) : "");
      const char *marker = lia_tracker_marker_from_labels ((char *[]) { (char *) name, NULL });

      if (*name == '\0')
        continue;
      if (marker)
        lia_issue_set (&issue->marker, marker);
      else if (g_str_has_prefix (name, "priority: ") && lia_priority_from_name (name))
        lia_issue_set (&issue->priority, lia_priority_from_name (name));
      else if (g_strv_contains (generic_types, name) && *issue->type == '\0')
        lia_issue_set (&issue->type, name);
      if (g_ascii_strcasecmp (name, "in progress") == 0 || g_ascii_strcasecmp (name, "doing") == 0)
        in_progress = TRUE;
      g_strv_builder_add (sb, name);
    }
  g_strfreev (issue->labels);
  issue->labels = g_strv_builder_end (sb);
  g_strv_builder_unref (sb);
  issue->is_epic = g_str_equal (issue->type, "Epic");
  if (github)
    {
      JsonArray *assignees = lia_json_array (node, "assignees");
      if (assignees != NULL && json_array_get_length (assignees) > 0)
        lia_issue_set (&issue->assignee, lia_json_str (json_array_get_element (assignees, 0), "login"));
    }
  else
    {
      /* the display name when there is one, as people are named in Liaison */
      const char *name = lia_json_str (node, "assignee.name");
      lia_issue_set (&issue->assignee, *name ? name : lia_json_str (node, "assignee.username"));
    }
  lia_issue_set (&issue->due, github ? "" : lia_json_str (node, "due_date"));
  if (github)
    {
      const char *due_on = lia_json_str (node, "milestone.title");
      if (strlen (due_on) == 10)
        lia_issue_set (&issue->due, due_on);
    }
  if (g_str_equal (lia_json_str (node, "state"), "closed"))
    lia_issue_set (&issue->status, "done");
  else
    lia_issue_set (&issue->status, in_progress ? "in-progress" : "todo");
  return issue;
}

static LiaIssue *
forge_fetch (LiaTracker    *self,
             const char    *key,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *base = project_path (self);
  g_autofree char *escaped = g_uri_escape_string (key, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("%s/issues/%s", base, escaped);
  g_autoptr(JsonNode) reply = NULL;

  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  if (lia_json_int (reply, is_github (self) ? "number" : "iid") == 0)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer has no issue number"), path);
      return NULL;
    }
  return parse_issue (self, reply);
}

static gboolean
forge_send (LiaTracker    *self,
            LiaIssue      *issue,
            gboolean       create,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(JsonNode) body = build_issue (self, issue, cancellable, error);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(LiaIssue) sent = NULL;
  g_autofree char *base = project_path (self);
  g_autofree char *escaped = create ? NULL : g_uri_escape_string (issue->key, NULL, TRUE);
  g_autofree char *path = create ? g_strconcat (base, "/issues", NULL) : g_strdup_printf ("%s/issues/%s", base, escaped);
  const char *method = create ? "POST" : (is_github (self) ? "PATCH" : "PUT");

  if (body == NULL || !lia_tracker_call (self, method, path, NULL, body, &reply, cancellable, error))
    return FALSE;
  if (lia_json_int (reply, is_github (self) ? "number" : "iid") == 0)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("%s %s: the answer has no issue number"), method, path);
      return FALSE;
    }
  sent = parse_issue (self, reply);
  lia_issue_set (&issue->key, sent->key);
  lia_issue_set (&issue->url, sent->url);
  lia_issue_set (&issue->version, sent->version);
  lia_issue_set (&issue->status, sent->status);
  return TRUE;
}

static gboolean
forge_create (LiaTracker *self, LiaIssue *issue, GCancellable *cancellable, GError **error)
{
  return forge_send (self, issue, TRUE, cancellable, error);
}

static gboolean
forge_update (LiaTracker *self, LiaIssue *issue, GCancellable *cancellable, GError **error)
{
  return forge_send (self, issue, FALSE, cancellable, error);
}

static LiaIssue *
forge_find_by_marker (LiaTracker    *self,
                      const char    *marker,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *base = project_path (self);
  g_autofree char *label = lia_tracker_marker_label (marker);
  g_autofree char *path = g_strdup_printf ("%s/issues?labels=%s&%s", base, label,
                                           is_github (self) ? "state=all" : "scope=all");
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *issues;

  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  issues = lia_json_array (reply, NULL);
  if (issues == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer is not a list"), path);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      g_autoptr(LiaIssue) found = parse_issue (self, json_array_get_element (issues, i));
      if (g_str_equal (found->marker, marker))
        return g_steal_pointer (&found);
    }
  return NULL;
}

static GPtrArray *
forge_list (LiaTracker    *self,
            LiaTrackerList what,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *base = project_path (self);
  g_autofree char *path = NULL;
  const char *name_key = "name";
  gboolean github = is_github (self);
  JsonArray *items;

  switch (what)
    {
    case LIA_TRACKER_LIST_TYPES:
      /* Labels stand for types; reading the project proves access. */
      if (!lia_tracker_call (self, "GET", base, NULL, NULL, &reply, cancellable, error))
        return NULL;
      for (guint i = 0; generic_types[i]; i++)
        g_ptr_array_add (out, g_strdup (generic_types[i]));
      return g_steal_pointer (&out);
    case LIA_TRACKER_LIST_PRIORITIES:
      {
        static const char * const names[] = { "Highest", "High", "Medium", "Low", "Lowest" };
        for (guint i = 0; i < G_N_ELEMENTS (names); i++)
          g_ptr_array_add (out, g_strdup (names[i]));
        return g_steal_pointer (&out);
      }
    case LIA_TRACKER_LIST_PROJECTS:
      path = g_strdup (github ? "/user/repos?per_page=100" : "/projects?membership=true&per_page=100");
      name_key = github ? "full_name" : "path_with_namespace";
      break;
    case LIA_TRACKER_LIST_USERS:
    default:
      path = g_strdup_printf ("%s/%s", base, github ? "assignees?per_page=100" : "members/all?per_page=100");
      name_key = github ? "login" : "username";
      break;
    }
  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
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

static void
lia_forge_init_common (LiaForge *self)
{
  lia_name_cache_init (&self->names);
}

static void
forge_finalize (GObject *object)
{
  lia_name_cache_clear (&((LiaForge *) object)->names);
}

static void
forge_class_init (LiaTrackerClass *klass)
{
  klass->create = forge_create;
  klass->update = forge_update;
  klass->fetch = forge_fetch;
  klass->find_by_marker = forge_find_by_marker;
  klass->list = forge_list;
}

/* Two final types that share everything above. */
typedef LiaForge LiaGithub;
typedef LiaForgeClass LiaGithubClass;
typedef LiaForge LiaGitlab;
typedef LiaForgeClass LiaGitlabClass;

G_DEFINE_FINAL_TYPE (LiaGithub, lia_github, LIA_TYPE_TRACKER)
G_DEFINE_FINAL_TYPE (LiaGitlab, lia_gitlab, LIA_TYPE_TRACKER)

static void
lia_github_finalize (GObject *object)
{
  forge_finalize (object);
  G_OBJECT_CLASS (lia_github_parent_class)->finalize (object);
}

static void
lia_gitlab_finalize (GObject *object)
{
  forge_finalize (object);
  G_OBJECT_CLASS (lia_gitlab_parent_class)->finalize (object);
}

static void
lia_github_class_init (LiaGithubClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_github_finalize;
  forge_class_init (klass);
}

static void
lia_gitlab_class_init (LiaGitlabClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_gitlab_finalize;
  forge_class_init (klass);
}

static void
lia_github_init (LiaGithub *self)
{
  lia_forge_init_common (self);
}

static void
lia_gitlab_init (LiaGitlab *self)
{
  lia_forge_init_common (self);
}
