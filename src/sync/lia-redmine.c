/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-redmine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-sync-private.h"

/* Redmine's REST API (X-Redmine-API-Key).  Types are trackers, priorities
 * an enumeration, epics parent issues.  Redmine has no labels, so the
 * marker is a hidden comment at the end of the description, found again
 * with a "description contains" filter. */

enum { TRACKERS, PRIORITIES, USERS };

typedef struct
{
  LiaTracker   parent_instance;
  LiaNameCache names;
} LiaRedmine;

typedef LiaTrackerClass LiaRedmineClass;

G_DEFINE_FINAL_TYPE (LiaRedmine, lia_redmine, LIA_TYPE_TRACKER)

/* Redmine pages its lists with offset and limit (at most 100 a request)
 * and says how many there are in total_count; lists without total_count
 * (trackers, priorities, statuses) come whole. */
#define PAGE_LIMIT 100
#define MAX_LIST_REQUESTS 50

/* Returns FALSE to stop early (found what it looked for). */
typedef gboolean (*EachFunc) (JsonNode *item,
                              gpointer  data);

static gboolean
get_all (LiaTracker    *self,
         const char    *path,
         const char    *list_key,
         EachFunc       each,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  guint offset = 0;

  for (guint n = 0; n < MAX_LIST_REQUESTS; n++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autofree char *paged = g_strdup_printf ("%s%soffset=%u&limit=%u", path, strchr (path, '?') ? "&" : "?",
                                                offset, PAGE_LIMIT);
      JsonNode *total;
      JsonArray *items;
      guint len;

      if (!lia_tracker_call (self, "GET", paged, NULL, NULL, &reply, cancellable, error))
        return FALSE;
      items = lia_json_array (reply, list_key);
      if (items == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer has no %s list"),
                       paged, list_key);
          return FALSE;
        }
      len = json_array_get_length (items);
      for (guint i = 0; i < len; i++)
        if (!each (json_array_get_element (items, i), data))
          return TRUE;
      total = lia_json_at (reply, "total_count");
      if (total == NULL || !JSON_NODE_HOLDS_VALUE (total) || len == 0 ||
          offset + len >= (guint64) lia_json_int (reply, "total_count"))
        return TRUE;
      offset += len;
    }
  /* Translators: %s names a list (e.g. memberships), the first %u is a
   * number of requests, the second the number of entries each asked for */
  g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
               ngettext ("Redmine’s %s list goes on after %u request of %u; Liaison stops there (is it unusually long?)",
                         "Redmine’s %s list goes on after %u requests of %u; Liaison stops there (is it unusually long?)",
                         MAX_LIST_REQUESTS),
               list_key, MAX_LIST_REQUESTS, PAGE_LIMIT);
  return FALSE;
}

typedef struct
{
  GHashTable *into;
  guint       kind;
} NamesData;

static gboolean
add_name (JsonNode *item,
          gpointer  data)
{
  NamesData *d = data;
  guint kind = d->kind;
  GHashTable *into = d->into;
  g_autofree char *id = lia_json_scalar (item, kind == USERS ? "user.id" : "id");
  const char *name = lia_json_str (item, kind == USERS ? "user.name" : "name");

  if (*id == '\0')
    return TRUE;   /* a group's membership */
  lia_name_table_add (into, name, id);
  /* Liaison's own priority words reach Redmine's defaults. */
  if (kind == PRIORITIES)
    {
      const char *value = lia_priority_from_name (name);
      if (value && g_strcmp0 (value, "highest") == 0 && g_ascii_strcasecmp (name, "Urgent") != 0)
        return TRUE;  /* Urgent, not Immediate, stands for "highest" */
      if (value)
        lia_name_table_add (into, value, id);
      if (g_ascii_strcasecmp (name, "Low") == 0)
        lia_name_table_add (into, "lowest", id);
    }
  return TRUE;
}

static gboolean
load_names (LiaTracker    *self,
            guint          kind,
            GHashTable    *into,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *path = NULL;
  const char *list_key;
  NamesData d = { into, kind };

  switch (kind)
    {
    case TRACKERS:
      path = g_strdup ("/trackers.json");
      list_key = "trackers";
      break;
    case PRIORITIES:
      path = g_strdup ("/enumerations/issue_priorities.json");
      list_key = "issue_priorities";
      break;
    case USERS:
    default:
      path = g_strdup_printf ("/projects/%s/memberships.json", project);
      list_key = "memberships";
      break;
    }
  if (!get_all (self, path, list_key, add_name, &d, cancellable, error))
    return FALSE;
  if (kind == TRACKERS)
    {
      /* Jira's words for the usual trackers of Redmine's default data. */
      static const char * const synonyms[][2] = {
        { "story", "feature" }, { "epic", "feature" }, { "task", "feature" }, { "故事", "feature" },
        { "任务", "feature" }, { "史诗", "feature" }, { "缺陷", "bug" }, { "improvement", "feature" },
      };
      for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
        {
          g_autofree char *folded = g_utf8_casefold (synonyms[i][0], -1);
          const char *id = g_hash_table_lookup (into, synonyms[i][1]);
          if (id && !g_hash_table_contains (into, folded))
            lia_name_table_add (into, synonyms[i][0], id);
        }
    }
  return TRUE;
}

static JsonNode *
build_issue (LiaTracker    *self,
             LiaIssue      *issue,
             gboolean       create,
             GCancellable  *cancellable,
             GError       **error)
{
  LiaRedmine *redmine = (LiaRedmine *) self;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *tracker = NULL, *priority = NULL, *user = NULL;
  g_autofree char *description = lia_marker_trailer (issue->description, issue->marker, NULL);
  const char *type = *issue->type ? issue->type : (issue->is_epic ? "Epic" : "Feature");

  if (!lia_name_cache_get (&redmine->names, self, TRACKERS, type, load_names, &tracker, cancellable, error) ||
      !lia_name_cache_get (&redmine->names, self, PRIORITIES, issue->priority, load_names, &priority, cancellable, error))
    return NULL;
  if (tracker == NULL)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                   _("type: Redmine has no tracker called “%s”"), type);
      return NULL;
    }
  if (*issue->assignee)
    {
      if (!lia_name_cache_get (&redmine->names, self, USERS, issue->assignee, load_names, &user, cancellable, error))
        return NULL;
      if (user == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                       _("assignee: “%s” is not a member of project %s"), issue->assignee,
                       lia_tracker_get_project (self));
          return NULL;
        }
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "issue");
  json_builder_begin_object (b);
  if (create)
    {
      json_builder_set_member_name (b, "project_id");
      json_builder_add_string_value (b, lia_tracker_get_project (self));
    }
  json_builder_set_member_name (b, "tracker_id");
  json_builder_add_int_value (b, g_ascii_strtoll (tracker, NULL, 10));
  json_builder_set_member_name (b, "subject");
  json_builder_add_string_value (b, issue->summary);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, description);
  if (priority)
    {
      json_builder_set_member_name (b, "priority_id");
      json_builder_add_int_value (b, g_ascii_strtoll (priority, NULL, 10));
    }
  json_builder_set_member_name (b, "assigned_to_id");
  if (user)
    json_builder_add_int_value (b, g_ascii_strtoll (user, NULL, 10));
  else
    json_builder_add_string_value (b, "");
  json_builder_set_member_name (b, "due_date");
  json_builder_add_string_value (b, issue->due);
  /* Redmine starts new issues today and refuses a due date before the
   * start: a task planned in the past keeps no start date. */
  if (create && *issue->due)
    {
      json_builder_set_member_name (b, "start_date");
      json_builder_add_string_value (b, "");
    }
  json_builder_set_member_name (b, "parent_issue_id");
  json_builder_add_string_value (b, issue->epic);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
status_from_name (const char *name,
                  gboolean    closed)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  if (closed || g_str_equal (lower, "resolved") || g_str_equal (lower, "closed") || g_str_equal (lower, "rejected"))
    return "done";
  if (g_str_equal (lower, "in progress") || g_str_equal (lower, "feedback"))
    return "in-progress";
  return "todo";
}

static LiaIssue *
parse_issue (LiaTracker *self,
             JsonNode   *node)
{
  LiaIssue *issue = lia_issue_new ();
  g_autofree char *id = lia_json_scalar (node, "id");
  g_autofree char *parent = lia_json_scalar (node, "parent.id");
  const char *priority = lia_priority_from_name (lia_json_str (node, "priority.name"));
  char *marker = NULL;

  lia_issue_set (&issue->key, id);
  issue->url = (g_free (issue->url), g_strdup_printf ("%s/issues/%s", lia_tracker_get_base_url (self), id));
  lia_issue_set (&issue->version, lia_json_str (node, "updated_on"));
  lia_issue_set (&issue->type, lia_json_str (node, "tracker.name"));
  lia_issue_set (&issue->summary, lia_json_str (node, "subject"));
  issue->description = (g_free (issue->description),
                        lia_strip_trailer (lia_json_str (node, "description"), &marker, NULL));
  if (marker)
    issue->marker = (g_free (issue->marker), marker);
  lia_issue_set (&issue->priority, priority ? priority : "medium");
  lia_issue_set (&issue->assignee, lia_json_str (node, "assigned_to.name"));
  lia_issue_set (&issue->due, lia_json_str (node, "due_date"));
  lia_issue_set (&issue->epic, parent);
  {
    JsonNode *closed = lia_json_at (node, "status.is_closed");
    gboolean is_closed = closed && JSON_NODE_HOLDS_VALUE (closed) &&
                         json_node_get_value_type (closed) == G_TYPE_BOOLEAN && json_node_get_boolean (closed);
    lia_issue_set (&issue->status, status_from_name (lia_json_str (node, "status.name"), is_closed));
  }
  return issue;
}

static LiaIssue *
redmine_fetch (LiaTracker    *self,
               const char    *key,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (key, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/issues/%s.json", escaped);
  g_autoptr(JsonNode) reply = NULL;

  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  if (lia_json_int (reply, "issue.id") == 0)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer has no issue"), path);
      return NULL;
    }
  return parse_issue (self, lia_json_at (reply, "issue"));
}

static gboolean
redmine_create (LiaTracker    *self,
                LiaIssue      *issue,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(JsonNode) body = build_issue (self, issue, TRUE, cancellable, error);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(LiaIssue) created = NULL;

  if (body == NULL || !lia_tracker_call (self, "POST", "/issues.json", NULL, body, &reply, cancellable, error))
    return FALSE;
  if (lia_json_int (reply, "issue.id") == 0)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("POST /issues.json: the answer has no issue"));
      return FALSE;
    }
  created = parse_issue (self, lia_json_at (reply, "issue"));
  lia_issue_set (&issue->key, created->key);
  lia_issue_set (&issue->url, created->url);
  lia_issue_set (&issue->version, created->version);
  lia_issue_set (&issue->status, created->status);
  return TRUE;
}

static gboolean
redmine_update (LiaTracker    *self,
                LiaIssue      *issue,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(JsonNode) body = build_issue (self, issue, FALSE, cancellable, error);
  g_autofree char *escaped = g_uri_escape_string (issue->key, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("/issues/%s.json", escaped);
  g_autoptr(LiaIssue) now = NULL;

  if (body == NULL || !lia_tracker_call (self, "PUT", path, NULL, body, NULL, cancellable, error))
    return FALSE;
  /* PUT answers 204 with no body: read the new updated_on. */
  now = redmine_fetch (self, issue->key, cancellable, error);
  if (now == NULL)
    return FALSE;
  lia_issue_set (&issue->version, now->version);
  lia_issue_set (&issue->status, now->status);
  return TRUE;
}

typedef struct
{
  LiaTracker *self;
  const char *marker;
  LiaIssue   *found;
} FindData;

static gboolean
match_marker (JsonNode *item,
              gpointer  data)
{
  FindData *d = data;
  g_autoptr(LiaIssue) issue = parse_issue (d->self, item);

  if (!g_str_equal (issue->marker, d->marker))
    return TRUE;
  d->found = g_steal_pointer (&issue);
  return FALSE;
}

static LiaIssue *
redmine_find_by_marker (LiaTracker    *self,
                        const char    *marker,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  /* "description contains liaison:UUID" in every status; the answer is
   * read to the end, as a description that quotes another issue's marker
   * matches too. */
  g_autofree char *path = g_strdup_printf ("/issues.json?project_id=%s&set_filter=1&f%%5B%%5D=status_id&op%%5Bstatus_id%%5D=*"
                                           "&f%%5B%%5D=description&op%%5Bdescription%%5D=~&v%%5Bdescription%%5D%%5B%%5D=liaison:%s"
                                           "&sort=id",
                                           project, marker);
  FindData d = { self, marker, NULL };

  if (!get_all (self, path, "issues", match_marker, &d, cancellable, error))
    return NULL;
  return d.found;
}

typedef struct
{
  GPtrArray  *out;
  const char *name_key;
} ListData;

static gboolean
add_listed (JsonNode *item,
            gpointer  data)
{
  ListData *d = data;
  const char *name = lia_json_str (item, d->name_key);

  if (*name)
    g_ptr_array_add (d->out, g_strdup (name));
  return TRUE;
}

static GPtrArray *
redmine_list (LiaTracker    *self,
              LiaTrackerList what,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *path = NULL;
  const char *list_key;
  ListData d = { out, "name" };

  switch (what)
    {
    case LIA_TRACKER_LIST_PROJECTS:
      path = g_strdup ("/projects.json");
      list_key = "projects";
      d.name_key = "identifier";
      break;
    case LIA_TRACKER_LIST_TYPES:
      /* The project's own trackers: proves the project exists too. */
      path = g_strdup_printf ("/projects/%s.json?include=trackers", project);
      list_key = "project.trackers";
      break;
    case LIA_TRACKER_LIST_PRIORITIES:
      path = g_strdup ("/enumerations/issue_priorities.json");
      list_key = "issue_priorities";
      break;
    case LIA_TRACKER_LIST_USERS:
    default:
      path = g_strdup_printf ("/projects/%s/memberships.json", project);
      list_key = "memberships";
      d.name_key = "user.name";
      break;
    }
  if (!get_all (self, path, list_key, add_listed, &d, cancellable, error))
    return NULL;
  return g_steal_pointer (&out);
}

static char *
redmine_normalize (LiaTracker *self,
                   const char *markdown)
{
  g_autofree char *with = lia_marker_trailer (markdown, "00000000-0000-0000-0000-000000000000", NULL);
  return lia_strip_trailer (with, NULL, NULL);
}

static void
lia_redmine_finalize (GObject *object)
{
  lia_name_cache_clear (&((LiaRedmine *) object)->names);
  G_OBJECT_CLASS (lia_redmine_parent_class)->finalize (object);
}

static void
lia_redmine_class_init (LiaRedmineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_redmine_finalize;
  klass->create = redmine_create;
  klass->update = redmine_update;
  klass->fetch = redmine_fetch;
  klass->find_by_marker = redmine_find_by_marker;
  klass->list = redmine_list;
  klass->normalize_description = redmine_normalize;
}

static void
lia_redmine_init (LiaRedmine *self)
{
  lia_name_cache_init (&self->names);
}
