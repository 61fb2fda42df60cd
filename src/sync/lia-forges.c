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
 * they are milestones named by the date.
 *
 * Both services replace an issue's whole label set when an edit carries
 * "labels", and clear its milestone on a null one.  Labels and milestones
 * belong to the people of the project as much as to Liaison, so an edit
 * never carries either: Liaison adds and removes only the labels it owns
 * (the type, the priority, the task's labels, the marker) and sends a
 * milestone only when it has one to set. */

typedef struct
{
  LiaTracker   parent_instance;
  LiaNameCache names;
  GMutex       lock;        /* guards push and warned */
  int          push;        /* GitHub: can this token set labels? */
  gboolean     warned;
} LiaForge;

typedef LiaTrackerClass LiaForgeClass;

enum { USERS, MILESTONES };
enum { PUSH_UNKNOWN, PUSH_YES, PUSH_NO };

/* A list longer than this many pages (of 100) is not read to the end. */
#define MAX_PAGES 50

static const char * const generic_types[] = { "Story", "Task", "Bug", "Epic", NULL };
static const char * const priorities[] = { "highest", "high", "medium", "low", "lowest", NULL };

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

/* The path of the page after this one, from GitHub's (and GitLab's
 * keyset) Link header, <URL>; rel="next", or GitLab's X-Next-Page; NULL
 * on the last page.  A next page on another server is an error: the
 * token is not sent there. */
static gboolean
next_page (LiaTracker  *self,
           const char  *first,
           GHashTable  *headers,
           char       **next,
           GError     **error)
{
  const char *page = headers ? g_hash_table_lookup (headers, "x-next-page") : NULL;
  g_autofree char *url = NULL;
  g_autofree char *base = NULL;
  gsize n;

  *next = NULL;
  if (!is_github (self) && page != NULL && *page != '\0')
    {
      g_autoptr(GString) path = g_string_new (first);

      if (strspn (page, "0123456789") != strlen (page))
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                       _("GET %s: the next page “%s” is not a number"), first, page);
          return FALSE;
        }
      g_string_append_printf (path, "%spage=%s", strchr (first, '?') ? "&" : "?", page);
      *next = g_string_free (g_steal_pointer (&path), FALSE);
      return TRUE;
    }
  url = lia_http_link_next (headers);
  if (url == NULL)
    return TRUE;
  base = g_strdup (lia_tracker_get_base_url (self));
  n = strlen (base);
  while (n > 0 && base[n - 1] == '/')
    base[--n] = '\0';
  if (!g_str_has_prefix (url, base) || (url[n] != '/' && url[n] != '?'))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                   _("GET %s: the next page is on another server (%s)"), first, url);
      return FALSE;
    }
  *next = g_strdup (url + n);
  return TRUE;
}

/* Every item of a list, page after page, to the end: both services answer
 * one page at a time (GitHub 30 items unless asked for up to 100, GitLab
 * 20). */
static JsonArray *
get_all_pages (LiaTracker    *self,
               const char    *first,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(JsonArray) all = json_array_new ();
  g_autofree char *path = g_strdup (first);

  for (guint n = 0; path != NULL; n++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GHashTable) headers = NULL;
      JsonArray *items;
      char *next = NULL;

      if (n == MAX_PAGES)
        {
          guint n_items = json_array_get_length (all);
          /* Translators: a count of issues, put into the message below */
          g_autofree char *items = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);

          /* Translators: %1$s is a request path, %2$u counts pages, %3$s
           * is the number of items read ("200 items") */
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
                       ngettext ("GET %1$s: the list is longer than %2$u page (%3$s); Liaison reads no further",
                                 "GET %1$s: the list is longer than %2$u pages (%3$s); Liaison reads no further", MAX_PAGES),
                       first, MAX_PAGES, items);
          return NULL;
        }
      if (!lia_tracker_call_full (self, "GET", path, NULL, NULL, &reply, &headers, cancellable, error))
        return NULL;
      items = lia_json_array (reply, NULL);
      if (items == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer is not a list"), path);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (items); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (items, i)));
      if (!next_page (self, first, headers, &next, error))
        return NULL;
      /* An empty page with a next link would loop for ever. */
      if (json_array_get_length (items) == 0)
        g_clear_pointer (&next, g_free);
      g_free (path);
      path = next;
    }
  return g_steal_pointer (&all);
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
  g_autoptr(JsonArray) items = NULL;

  if (kind == USERS)
    path = g_strdup_printf ("%s/%s", base, is_github (self) ? "assignees?per_page=100" : "members/all?per_page=100");
  else
    path = g_strdup_printf ("%s/milestones?%s", base, is_github (self) ? "state=all&per_page=100" : "per_page=100");
  items = get_all_pages (self, path, cancellable, error);
  if (items == NULL)
    return FALSE;
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

/* The tracker's own workflow state, read back as the status.  Status is
 * the tracker's: Liaison never sends it, not even as a label. */
static gboolean
is_status_label (const char *name)
{
  return g_ascii_strcasecmp (name, "in progress") == 0 || g_ascii_strcasecmp (name, "doing") == 0;
}

/* Labels of Liaison's own vocabulary, types and priorities: an issue keeps
 * one of each, the one Liaison sends. */
static gboolean
is_owned_label (const char *name)
{
  for (guint i = 0; generic_types[i]; i++)
    if (g_ascii_strcasecmp (name, generic_types[i]) == 0)
      return TRUE;
  return g_str_has_prefix (name, "priority: ") && lia_priority_from_name (name) != NULL;
}

/* Label names are case-insensitive on both services. */
static gboolean
has_label (GPtrArray  *labels,
           const char *name)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_ascii_strcasecmp (labels->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
add_label (LiaTracker *self,
           GPtrArray  *labels,
           const char *name)
{
  g_autofree char *clean = NULL;

  if (name == NULL || *name == '\0')
    return;
  /* GitLab takes labels as one comma-separated string. */
  clean = is_github (self) ? g_strdup (name) : g_strdelimit (g_strdup (name), ",", ' ');
  if (!has_label (labels, clean))
    g_ptr_array_add (labels, g_steal_pointer (&clean));
}

/* The labels Liaison puts on @issue: its type, its priority, the task's own
 * labels and the marker. */
static GPtrArray *
own_labels (LiaTracker *self,
            LiaIssue   *issue)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *marker = lia_tracker_marker_label (issue->marker);
  g_autofree char *priority = *issue->priority ? lia_priority_label (issue->priority) : NULL;

  if (*issue->type)
    add_label (self, labels, issue->type);
  else if (issue->is_epic)
    add_label (self, labels, "Epic");
  add_label (self, labels, priority);
  for (guint i = 0; issue->labels[i]; i++)
    if (!g_str_has_prefix (issue->labels[i], "liaison-") && !g_str_has_prefix (issue->labels[i], "priority: ") &&
        !is_status_label (issue->labels[i]))
      add_label (self, labels, issue->labels[i]);
  add_label (self, labels, marker);
  return labels;
}

static char *
join_labels (GPtrArray *labels)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (joined, "%s%s", i ? "," : "", (char *) labels->pdata[i]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* GitHub: whether this token's user may push to the repository, which is
 * what setting labels, assignees and milestones takes.  The repository
 * says so in "permissions"; without it the create's answer tells. */
static int
github_push (LiaTracker   *self,
             GCancellable *cancellable)
{
  LiaForge *forge = (LiaForge *) self;
  g_autofree char *base = NULL;
  g_autoptr(JsonNode) reply = NULL;
  JsonNode *push;
  int value;

  g_mutex_lock (&forge->lock);
  value = forge->push;
  g_mutex_unlock (&forge->lock);
  if (value != PUSH_UNKNOWN)
    return value;
  base = project_path (self);
  /* An error here comes back on the write itself. */
  if (!lia_tracker_call (self, "GET", base, NULL, NULL, &reply, cancellable, NULL))
    return PUSH_UNKNOWN;
  push = lia_json_at (reply, "permissions.push");
  if (push == NULL || !JSON_NODE_HOLDS_VALUE (push) || json_node_get_value_type (push) != G_TYPE_BOOLEAN)
    return PUSH_UNKNOWN;
  value = json_node_get_boolean (push) ? PUSH_YES : PUSH_NO;
  g_mutex_lock (&forge->lock);
  if (forge->push == PUSH_UNKNOWN)
    forge->push = value;
  value = forge->push;
  g_mutex_unlock (&forge->lock);
  return value;
}

/* Said once per account and sync, on the first issue it concerns. */
static void
warn_no_push (LiaTracker *self,
              LiaIssue   *issue)
{
  LiaForge *forge = (LiaForge *) self;
  gboolean first;

  g_mutex_lock (&forge->lock);
  forge->push = PUSH_NO;
  first = !forge->warned;
  forge->warned = TRUE;
  g_mutex_unlock (&forge->lock);
  if (first)
    {
      g_autofree char *text = g_strdup_printf (_("this GitHub token cannot set labels, assignees or milestones (no push access to %s); Liaison marks its issues in the description instead"),
                                               lia_tracker_get_project (self));
      lia_issue_add_warning (issue, text);
    }
}

/* The request body of a create or an edit.  An edit carries no "labels"
 * (both services would replace the whole set with it) and never a null
 * milestone; @marker_in_body is GitHub without push access, where the
 * marker rides in the body and labels, assignees and milestones would be
 * dropped anyway. */
static JsonNode *
build_issue (LiaTracker    *self,
             LiaIssue      *issue,
             gboolean       create,
             gboolean       marker_in_body,
             GPtrArray     *labels,
             GCancellable  *cancellable,
             GError       **error)
{
  LiaForge *forge = (LiaForge *) self;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *body = lia_marker_trailer (issue->description, marker_in_body ? issue->marker : NULL, issue->epic);
  g_autofree char *user = NULL;
  g_autofree char *milestone = NULL;
  gboolean github = is_github (self);

  if (*issue->summary == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("summary: required"));
      return NULL;
    }
  if (*issue->assignee && !marker_in_body)
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
  if (*issue->due && (github || lia_tracker_get_milestones (self)) && !marker_in_body)
    {
      milestone = milestone_for (self, issue->due, cancellable, error);
      if (milestone == NULL)
        return NULL;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, issue->summary);
  json_builder_set_member_name (b, github ? "body" : "description");
  json_builder_add_string_value (b, body);
  if (github && create && !marker_in_body)
    {
      json_builder_set_member_name (b, "labels");
      json_builder_begin_array (b);
      for (guint i = 0; i < labels->len; i++)
        json_builder_add_string_value (b, labels->pdata[i]);
      json_builder_end_array (b);
    }
  else if (!github && create)
    {
      g_autofree char *joined = join_labels (labels);
      json_builder_set_member_name (b, "labels");
      json_builder_add_string_value (b, joined);
    }
  else if (!github)
    {
      /* Only Liaison's own: the other types and priorities go, everything
       * else on the issue stays. */
      g_autoptr(GPtrArray) remove = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = join_labels (labels);

      for (guint i = 0; generic_types[i]; i++)
        if (!has_label (labels, generic_types[i]))
          g_ptr_array_add (remove, g_strdup (generic_types[i]));
      for (guint i = 0; priorities[i]; i++)
        {
          g_autofree char *label = lia_priority_label (priorities[i]);
          if (!has_label (labels, label))
            g_ptr_array_add (remove, g_steal_pointer (&label));
        }
      json_builder_set_member_name (b, "add_labels");
      json_builder_add_string_value (b, joined);
      if (remove->len > 0)
        {
          g_autofree char *dropped = join_labels (remove);
          json_builder_set_member_name (b, "remove_labels");
          json_builder_add_string_value (b, dropped);
        }
    }
  /* The assignee is a field both sides edit: an edit sends it, empty or
   * not. */
  if (!marker_in_body && (user != NULL || !create))
    {
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
    }
  if (!github && (*issue->due || !create))
    {
      json_builder_set_member_name (b, "due_date");
      if (*issue->due)
        json_builder_add_string_value (b, issue->due);
      else
        json_builder_add_null_value (b);
    }
  if (milestone)
    {
      json_builder_set_member_name (b, github ? "milestone" : "milestone_id");
      json_builder_add_int_value (b, g_ascii_strtoll (milestone, NULL, 10));
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
label_name (JsonNode *l)
{
  if (JSON_NODE_HOLDS_OBJECT (l))
    return lia_json_str (l, "name");
  if (JSON_NODE_HOLDS_VALUE (l) && json_node_get_value_type (l) == G_TYPE_STRING)
    return json_node_get_string (l);
  return "";
}

static LiaIssue *
parse_issue (LiaTracker *self,
             JsonNode   *node)
{
  LiaIssue *issue = lia_issue_new ();
  gboolean github = is_github (self);
  g_autofree char *number = lia_json_scalar (node, github ? "number" : "iid");
  g_autofree char *body_marker = NULL;
  JsonArray *labels = lia_json_array (node, "labels");
  GStrvBuilder *sb = g_strv_builder_new ();
  char *epic = NULL;
  gboolean in_progress = FALSE;

  lia_issue_set (&issue->key, number);
  lia_issue_set (&issue->url, lia_json_str (node, github ? "html_url" : "web_url"));
  lia_issue_set (&issue->version, lia_json_str (node, "updated_at"));
  lia_issue_set (&issue->summary, lia_json_str (node, "title"));
  issue->description = (g_free (issue->description),
                        lia_strip_trailer (lia_json_str (node, github ? "body" : "description"), &body_marker, &epic));
  if (epic)
    issue->epic = (g_free (issue->epic), epic);
  lia_issue_set (&issue->priority, "medium");
  for (guint i = 0; labels && i < json_array_get_length (labels); i++)
    {
      const char *name = label_name (json_array_get_element (labels, i));
      const char *marker = lia_tracker_marker_from_labels ((char *[]) { (char *) name, NULL });

      if (*name == '\0')
        continue;
      if (marker)
        lia_issue_set (&issue->marker, marker);
      else if (g_str_has_prefix (name, "priority: ") && lia_priority_from_name (name))
        lia_issue_set (&issue->priority, lia_priority_from_name (name));
      else if (g_strv_contains (generic_types, name) && *issue->type == '\0')
        lia_issue_set (&issue->type, name);
      if (is_status_label (name))
        in_progress = TRUE;
      g_strv_builder_add (sb, name);
    }
  /* GitHub without push access: the marker line in the body. */
  if (*issue->marker == '\0' && body_marker != NULL && g_uuid_string_is_valid (body_marker))
    lia_issue_set (&issue->marker, body_marker);
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
github_label_call (LiaTracker    *self,
                   const char    *method,
                   const char    *path,
                   JsonNode      *body,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) local = NULL;

  if (lia_tracker_call (self, method, path, NULL, body, &reply, cancellable, &local))
    return TRUE;
  /* Removing a label someone removed in the meantime is done already. */
  if (g_str_equal (method, "DELETE") && g_error_matches (local, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* GitHub: brings the issue's labels to Liaison's own set one by one, with
 * "add labels" and "remove a label", leaving everyone else's labels (and
 * the status label) as they are.  @current is the issue as the edit left
 * it. */
static gboolean
github_merge_labels (LiaTracker    *self,
                     const char    *key,
                     JsonNode      *current,
                     GPtrArray     *labels,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *base = project_path (self);
  g_autofree char *path = g_strdup_printf ("%s/issues/%s/labels", base, key);
  g_autoptr(GPtrArray) have = g_ptr_array_new ();
  g_autoptr(GPtrArray) add = g_ptr_array_new ();
  JsonArray *list = lia_json_array (current, "labels");

  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      const char *name = label_name (json_array_get_element (list, i));
      if (*name)
        g_ptr_array_add (have, (gpointer) name);
    }
  for (guint i = 0; i < labels->len; i++)
    if (!has_label (have, labels->pdata[i]))
      g_ptr_array_add (add, labels->pdata[i]);
  if (add->len > 0)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) body = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "labels");
      json_builder_begin_array (b);
      for (guint i = 0; i < add->len; i++)
        json_builder_add_string_value (b, add->pdata[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      body = json_builder_get_root (b);
      if (!github_label_call (self, "POST", path, body, cancellable, error))
        return FALSE;
    }
  for (guint i = 0; i < have->len; i++)
    if (is_owned_label (have->pdata[i]) && !has_label (labels, have->pdata[i]))
      {
        g_autofree char *name = g_uri_escape_string (have->pdata[i], NULL, TRUE);
        g_autofree char *one = g_strdup_printf ("%s/%s", path, name);

        if (!github_label_call (self, "DELETE", one, NULL, cancellable, error))
          return FALSE;
      }
  return TRUE;
}

/* Whether @node's milestone is one Liaison made for a due date: titled by
 * the date and due on it. */
static gboolean
is_date_milestone (JsonNode *node)
{
  const char *title = lia_json_str (node, "milestone.title");
  const char *due_on = lia_json_str (node, "milestone.due_on");

  return strlen (title) == 10 && g_str_has_prefix (due_on, title);
}

/* A PATCH with just @member (a string, or null without @value). */
static gboolean
github_patch_one (LiaTracker    *self,
                  const char    *key,
                  const char    *member,
                  const char    *value,
                  JsonNode     **reply,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *base = project_path (self);
  g_autofree char *path = g_strdup_printf ("%s/issues/%s", base, key);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, member);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  return lia_tracker_call (self, "PATCH", path, NULL, body, reply, cancellable, error);
}

static gboolean
forge_send (LiaTracker    *self,
            LiaIssue      *issue,
            gboolean       create,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean github = is_github (self);
  gboolean marker_in_body = github && github_push (self, cancellable) == PUSH_NO;
  g_autoptr(GPtrArray) labels = own_labels (self, issue);
  g_autoptr(GError) refused = NULL;
  g_autoptr(JsonNode) body = build_issue (self, issue, create, marker_in_body, labels, cancellable, &refused);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(LiaIssue) sent = NULL;
  g_autofree char *base = project_path (self);
  g_autofree char *escaped = create ? NULL : g_uri_escape_string (issue->key, NULL, TRUE);
  g_autofree char *path = create ? g_strconcat (base, "/issues", NULL) : g_strdup_printf ("%s/issues/%s", base, escaped);
  const char *method = create ? "POST" : (github ? "PATCH" : "PUT");

  /* Making the due date's milestone takes push access too. */
  if (body == NULL && github && !marker_in_body && g_error_matches (refused, LIA_SYNC_ERROR, LIA_SYNC_ERROR_FORBIDDEN))
    {
      g_clear_error (&refused);
      marker_in_body = TRUE;
      body = build_issue (self, issue, create, marker_in_body, labels, cancellable, &refused);
    }
  if (body == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return FALSE;
    }
  if (!lia_tracker_call (self, method, path, NULL, body, &reply, cancellable, error))
    return FALSE;
  if (lia_json_int (reply, github ? "number" : "iid") == 0)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("%s %s: the answer has no issue number"), method, path);
      return FALSE;
    }
  sent = parse_issue (self, reply);

  if (github && create && !marker_in_body && g_strcmp0 (sent->marker, issue->marker) != 0)
    {
      /* GitHub drops the labels, assignees and milestone of a create by a
       * user without push access, silently, marker and all: the marker
       * goes in the body then, where lookups find it too. */
      g_autofree char *text = lia_marker_trailer (issue->description, issue->marker, issue->epic);
      g_autoptr(JsonNode) marked = NULL;
      g_autoptr(GError) local = NULL;

      marker_in_body = TRUE;
      if (github_patch_one (self, sent->key, "body", text, &marked, cancellable, &local))
        lia_issue_set (&sent->version, lia_json_str (marked, "updated_at"));
      else
        {
          g_autofree char *warning = g_strdup_printf (_("the issue carries no marker, so a lost answer could create it twice: %s"),
                                                      local->message);
          lia_issue_add_warning (issue, warning);
        }
    }
  else if (github && !create && !marker_in_body)
    {
      if (!github_merge_labels (self, sent->key, reply, labels, cancellable, error))
        return FALSE;
      /* A due date cleared here clears the milestone Liaison made for it;
       * any other milestone stays. */
      if (*issue->due == '\0' && is_date_milestone (reply))
        {
          g_autoptr(JsonNode) cleared = NULL;

          if (!github_patch_one (self, sent->key, "milestone", NULL, &cleared, cancellable, error))
            return FALSE;
          lia_issue_set (&sent->version, lia_json_str (cleared, "updated_at"));
        }
    }
  if (marker_in_body)
    warn_no_push (self, issue);

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

/* The first issue in @items that carries @marker; GitHub lists pull
 * requests among issues, which are skipped. */
static LiaIssue *
first_with_marker (LiaTracker *self,
                   JsonArray  *items,
                   const char *marker)
{
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autoptr(LiaIssue) found = NULL;

      if (lia_json_at (item, "pull_request") != NULL)
        continue;
      found = parse_issue (self, item);
      if (g_str_equal (found->marker, marker))
        return g_steal_pointer (&found);
    }
  return NULL;
}

static LiaIssue *
forge_find_by_marker (LiaTracker    *self,
                      const char    *marker,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *base = project_path (self);
  g_autofree char *label = lia_tracker_marker_label (marker);
  g_autofree char *escaped = g_uri_escape_string (label, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("%s/issues?labels=%s&%s", base, escaped,
                                           is_github (self) ? "state=all" : "scope=all");
  g_autoptr(JsonNode) reply = NULL;
  LiaIssue *found;

  /* Listing by label is an exact, consistent lookup, unlike the search
   * APIs, which lag behind by seconds or minutes. */
  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  if (lia_json_array (reply, NULL) == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer is not a list"), path);
      return NULL;
    }
  found = first_with_marker (self, lia_json_array (reply, NULL), marker);
  if (found != NULL || !is_github (self) || github_push (self, cancellable) == PUSH_YES)
    return found;

  /* Made with a token without push access (or unknown whether it has
   * it), the issue has the marker in its body, and only the search API
   * looks into bodies.  It is
   * eventually consistent: an issue made a moment ago may be missing. */
  {
    g_autofree char *q = g_strdup_printf ("repo:%s is:issue in:body \"liaison:%s\"", lia_tracker_get_project (self), marker);
    g_autofree char *q_escaped = g_uri_escape_string (q, NULL, FALSE);
    g_autofree char *search = g_strdup_printf ("/search/issues?q=%s", q_escaped);
    g_autoptr(JsonNode) results = NULL;
    JsonArray *items;

    if (!lia_tracker_call (self, "GET", search, NULL, NULL, &results, cancellable, error))
      return NULL;
    items = lia_json_array (results, "items");
    if (items == NULL)
      {
        g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer has no items"), "/search/issues");
        return NULL;
      }
    return first_with_marker (self, items, marker);
  }
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
  g_autoptr(JsonArray) items = NULL;

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
  items = get_all_pages (self, path, cancellable, error);
  if (items == NULL)
    return NULL;
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
  g_mutex_init (&self->lock);
  self->push = PUSH_UNKNOWN;
}

static void
forge_finalize (GObject *object)
{
  lia_name_cache_clear (&((LiaForge *) object)->names);
  g_mutex_clear (&((LiaForge *) object)->lock);
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
