/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake's Jira Cloud and Data Center: screens, users, projects, paged
 * lists, and the fields of an issue as Jira checks and shows them. */
#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "lia-fake-tracker-private.h"
#include "lia-markup.h"
#include "lia-oracle.h"

/* ---- Jira: screens, users, projects, pages ------------------------------
 *
 * As a Jira Software site answers: project VLLM has the issue types below;
 * the Bug screen has no Due date and no Priority (Jira answers 400 naming
 * the field when one is sent anyway); on Data Center an Epic needs its
 * Epic Name ("Epic Name is required.") and stories link to it through the
 * Epic Link field, both custom fields whose ids differ from site to site;
 * Cloud links through "parent".  There are 150 projects and more than a
 * thousand assignable users, so every list takes several pages. */

static const struct { const char *id; const char *name; } jira_types[] = {
  { "10000", "Epic" }, { "10001", "故事" }, { "10002", "Story" }, { "10003", "Task" }, { "10004", "Bug" },
};

static const char *
jira_type_id (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (jira_types); i++)
    if (g_strcmp0 (jira_types[i].name, name) == 0)
      return jira_types[i].id;
  return NULL;
}

/* The fields of @type's screen as createmeta lists them. */
static JsonArray *
jira_screen (FakeTracker *fake,
             const char  *type)
{
  gboolean cloud = g_str_equal (fake->service, "jira-cloud");
  gboolean epic = g_strcmp0 (type, "Epic") == 0, bug = g_strcmp0 (type, "Bug") == 0;
  static const struct { const char *id; const char *name; const char *type; gboolean required; } system[] = {
    { "summary", "Summary", "string", TRUE }, { "issuetype", "Issue Type", "issuetype", TRUE },
    { "project", "Project", "project", TRUE }, { "reporter", "Reporter", "user", TRUE },
    { "description", "Description", "string", FALSE }, { "priority", "Priority", "priority", FALSE },
    { "assignee", "Assignee", "user", FALSE }, { "duedate", "Due date", "date", FALSE },
    { "labels", "Labels", "array", FALSE }, { "parent", "Parent", "issuelink", FALSE },
  };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (system); i++)
    {
      if (bug && (g_str_equal (system[i].id, "duedate") || g_str_equal (system[i].id, "priority")))
        continue;
      if (g_str_equal (system[i].id, "parent") && (!cloud || epic))
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "fieldId");
      json_builder_add_string_value (b, system[i].id);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, system[i].id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, system[i].name);
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, system[i].required);
      json_builder_set_member_name (b, "schema");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, system[i].type);
      json_builder_set_member_name (b, "system");
      json_builder_add_string_value (b, system[i].id);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "operations");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "set");
      if (g_str_equal (system[i].id, "labels"))
        {
          json_builder_add_string_value (b, "add");
          json_builder_add_string_value (b, "remove");
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  if (!cloud)
    {
      const char *id = epic ? fake->epic_name_id : fake->epic_link_id;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "fieldId");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, epic ? "Epic Name" : "Epic Link");
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, epic);
      json_builder_set_member_name (b, "schema");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, epic ? "string" : "any");
      json_builder_set_member_name (b, "custom");
      json_builder_add_string_value (b, epic ? "com.pyxis.greenhopper.jira:gh-epic-label"
                                             : "com.pyxis.greenhopper.jira:gh-epic-link");
      json_builder_set_member_name (b, "customId");
      json_builder_add_int_value (b, g_ascii_strtoll (id + strlen ("customfield_"), NULL, 10));
      json_builder_end_object (b);
      json_builder_set_member_name (b, "operations");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "set");
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_array_ref (json_node_get_array (root));
}

static gboolean
jira_on_screen (FakeTracker *fake,
                const char  *type,
                const char  *field)
{
  g_autoptr(JsonArray) screen = NULL;

  if (jira_type_id (type) == NULL)
    return TRUE;   /* refused for its type elsewhere */
  screen = jira_screen (fake, type);
  for (guint i = 0; i < json_array_get_length (screen); i++)
    if (g_strcmp0 (fake_str_at (json_array_get_element (screen, i), "fieldId", NULL), field) == 0)
      return TRUE;
  return FALSE;
}

FakeUser *
fake_jira_user (FakeTracker *fake,
                const char  *id)
{
  for (guint i = 0; fake->jira_users && i < fake->jira_users->len; i++)
    {
      FakeUser *user = fake->jira_users->pdata[i];
      if (g_strcmp0 (user->id, id) == 0)
        return user;
    }
  return NULL;
}

static void
user_free (FakeUser *user)
{
  g_free (user->id);
  g_free (user->display);
  g_free (user->email);
  g_free (user);
}

static void
jira_add_user (FakeTracker *fake,
               const char  *cloud_id,
               const char  *dc_name,
               const char  *display,
               const char  *email)
{
  FakeUser *user = g_new0 (FakeUser, 1);

  user->id = g_strdup (g_str_equal (fake->service, "jira-cloud") ? cloud_id : dc_name);
  user->display = g_strdup (display);
  user->email = g_strdup (email);
  g_ptr_array_add (fake->jira_users, user);
}

/* One project and the seed's engineer first, then 1150 others, then the
 * people the tests look for, well past the first thousand. */
void
fake_jira_init (FakeTracker *fake)
{
  fake->jira_users = g_ptr_array_new_with_free_func ((GDestroyNotify) user_free);
  fake->jira_log = g_ptr_array_new_with_free_func (g_free);
  fake->epic_name_id = g_strdup ("customfield_10101");
  fake->epic_link_id = g_strdup ("customfield_10100");
  jira_add_user (fake, "acc-1", "infer-a", "推理工程师A", "infer-a@example.com");
  for (guint i = 1; i <= 1150; i++)
    {
      g_autofree char *cloud = g_strdup_printf ("5b10ac8d82e05b22cc%06x", i);
      g_autofree char *dc = g_strdup_printf ("eng%04u", i);
      g_autofree char *display = g_strdup_printf ("Engineer %04u", i);
      g_autofree char *email = g_strdup_printf ("eng%04u@example.com", i);
      jira_add_user (fake, cloud, dc, display, email);
    }
  jira_add_user (fake, FAKE_JIRA_ZHANG_WEI, "zwei", "Zhang Wei", "zhang.wei@example.com");
  jira_add_user (fake, "712020:5d3f7c2a-9b1e-4f6d-8a2c-0e4b6d8f1a3c", "lina", "Li Na", "li.na@example.com");
  jira_add_user (fake, "5b10ac8d82e05b22cc7d4ef5", "lina2", "Li Na", "na.li@example.com");
}

static gboolean
prefix_of (const char *query,
           const char *value)
{
  g_autofree char *q = g_utf8_casefold (query, -1);
  g_autofree char *v = g_utf8_casefold (value, -1);

  return g_str_has_prefix (v, q);
}

/* Answers one page of @all: {key: [...], startAt, maxResults, total} and
 * isLast where Jira gives it (Cloud's newer lists, and DC's createmeta);
 * @key NULL answers the bare array.  maxResults is capped at @cap. */
static void
jira_reply_page (FakeTracker       *fake,
                 SoupServerMessage *msg,
                 GHashTable        *query,
                 JsonArray         *all,
                 const char        *key,
                 gboolean           is_last,
                 guint              cap)
{
  const char *s = query ? g_hash_table_lookup (query, "startAt") : NULL;
  const char *m = query ? g_hash_table_lookup (query, "maxResults") : NULL;
  guint start = s ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
  guint max = m ? (guint) g_ascii_strtoull (m, NULL, 10) : 50;
  guint n = json_array_get_length (all);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  max = MIN (MAX (max, 1), cap);
  if (fake->jira_endless && n > 0)
    {
      /* A broken server: the same items again, never the last page. */
      start %= n;
      is_last = key != NULL;
      n = G_MAXINT32;
    }
  if (key)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "startAt");
      json_builder_add_int_value (b, start);
      json_builder_set_member_name (b, "maxResults");
      json_builder_add_int_value (b, max);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, n);
      if (is_last)
        {
          json_builder_set_member_name (b, "isLast");
          json_builder_add_boolean_value (b, !fake->jira_endless && start + max >= n);
        }
      json_builder_set_member_name (b, key);
    }
  json_builder_begin_array (b);
  for (guint i = start; i < n && i < start + max; i++)
    json_builder_add_value (b, json_node_copy (json_array_get_element (all, i % json_array_get_length (all))));
  json_builder_end_array (b);
  if (key)
    json_builder_end_object (b);
  node = json_builder_get_root (b);
  fake_reply_json (msg, 200, node);
}

/* The reading side of Jira other than issues; TRUE when answered. */
gboolean
fake_jira_handle_meta (FakeTracker       *fake,
                       SoupServerMessage *msg,
                       const char        *method,
                       const char        *raw_path,
                       GHashTable        *query)
{
  gboolean cloud = g_str_equal (fake->service, "jira-cloud");
  const char *prefix = fake_project_prefix (fake);
  const char *rest;
  g_autoptr(JsonArray) all = json_array_new ();

  if (!fake_is_jira (fake) || !g_str_equal (method, "GET") || !g_str_has_prefix (raw_path, prefix))
    return FALSE;
  rest = raw_path + strlen (prefix);
  if (cloud && g_str_equal (rest, "/search"))
    {
      /* Retired on Cloud in 2025 for /search/jql. */
      g_autoptr(JsonNode) node = json_from_string ("{\"errorMessages\":[\"The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.\"],\"errors\":{}}", NULL);
      fake_reply_json (msg, 410, node);
      return TRUE;
    }
  if (g_str_has_prefix (rest, "/issue/createmeta/"))
    {
      g_auto(GStrv) parts = g_strsplit (rest + strlen ("/issue/createmeta/"), "/", -1);
      guint n = g_strv_length (parts);

      if (n < 2 || !g_str_equal (parts[0], "VLLM") || !g_str_equal (parts[1], "issuetypes") || n > 3)
        {
          soup_server_message_set_status (msg, 404, NULL);
          return TRUE;
        }
      if (n == 2)
        {
          for (guint i = 0; i < G_N_ELEMENTS (jira_types); i++)
            {
              JsonObject *t = json_object_new ();
              json_object_set_string_member (t, "id", jira_types[i].id);
              json_object_set_string_member (t, "name", jira_types[i].name);
              json_object_set_boolean_member (t, "subtask", FALSE);
              json_array_add_object_element (all, t);
            }
          /* Small pages, so that paging is needed even here. */
          jira_reply_page (fake, msg, query, all, cloud ? "issueTypes" : "values", !cloud, 2);
          return TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (jira_types); i++)
        if (g_str_equal (jira_types[i].id, parts[2]))
          {
            g_autoptr(JsonArray) screen = jira_screen (fake, jira_types[i].name);
            jira_reply_page (fake, msg, query, screen, cloud ? "fields" : "values", !cloud, 5);
            return TRUE;
          }
      soup_server_message_set_status (msg, 404, NULL);
      return TRUE;
    }
  if (g_str_has_prefix (rest, "/issue/") && g_str_has_suffix (rest, "/editmeta"))
    {
      g_autofree char *key = g_strndup (rest + strlen ("/issue/"), strlen (rest) - strlen ("/issue/") - strlen ("/editmeta"));
      FakeIssue *issue = fake_find_issue (fake, key);
      g_autoptr(JsonArray) screen = NULL;
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      if (issue == NULL)
        {
          soup_server_message_set_status (msg, 404, NULL);
          return TRUE;
        }
      screen = jira_screen (fake, issue->type);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "fields");
      json_builder_begin_object (b);
      for (guint i = 0; i < json_array_get_length (screen); i++)
        {
          JsonNode *f = json_array_get_element (screen, i);
          if (g_str_equal (fake_str_at (f, "fieldId", NULL), "project"))
            continue;
          json_builder_set_member_name (b, fake_str_at (f, "fieldId", NULL));
          json_builder_add_value (b, json_node_copy (f));
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      fake_reply_json (msg, 200, node);
      return TRUE;
    }
  if (!cloud && g_str_equal (rest, "/field"))
    {
      g_autoptr(JsonArray) epic = jira_screen (fake, "Epic");
      g_autoptr(JsonArray) story = jira_screen (fake, "Story");
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (story); i++)
        {
          JsonObject *f = json_object_ref (json_node_get_object (json_array_get_element (story, i)));
          json_object_set_string_member (f, "id", json_object_get_string_member (f, "fieldId"));
          json_array_add_object_element (all, f);
        }
      {
        JsonObject *f = json_object_ref (json_node_get_object (json_array_get_element (epic, json_array_get_length (epic) - 1)));
        json_object_set_string_member (f, "id", json_object_get_string_member (f, "fieldId"));
        json_array_add_object_element (all, f);
      }
      json_node_set_array (node, all);
      fake_reply_json (msg, 200, node);
      return TRUE;
    }
  if (g_str_equal (rest, "/user/assignable/search"))
    {
      const char *project = query ? g_hash_table_lookup (query, "project") : NULL;
      const char *wanted = query ? g_hash_table_lookup (query, cloud ? "query" : "username") : NULL;

      if (g_strcmp0 (project, "VLLM") != 0)
        {
          fake_reply_error (fake, msg, 400, "project: Could not find project");
          return TRUE;
        }
      for (guint i = 0; i < fake->jira_users->len; i++)
        {
          FakeUser *user = fake->jira_users->pdata[i];
          JsonObject *o;

          /* Cloud looks at its first thousand accounts only, unless
           * given a query. */
          if (cloud && wanted == NULL && i >= 1000)
            break;
          if (wanted && !prefix_of (wanted, user->display) && !prefix_of (wanted, user->email) &&
              !(!cloud && prefix_of (wanted, user->id)))
            continue;
          o = json_object_new ();
          json_object_set_string_member (o, cloud ? "accountId" : "name", user->id);
          if (!cloud)
            json_object_set_string_member (o, "key", user->id);
          json_object_set_string_member (o, "displayName", user->display);
          /* Cloud hides most e-mail addresses. */
          if (!cloud || g_str_has_prefix (user->email, "zhang"))
            json_object_set_string_member (o, "emailAddress", user->email);
          json_array_add_object_element (all, o);
        }
      jira_reply_page (fake, msg, query, all, NULL, FALSE, cloud ? 100 : 1000);
      return TRUE;
    }
  if ((cloud && g_str_equal (rest, "/project/search")) || (!cloud && g_str_equal (rest, "/project")))
    {
      for (guint i = 0; i < 150; i++)
        {
          JsonObject *o = json_object_new ();
          g_autofree char *key = i == 0 ? g_strdup ("VLLM") : g_strdup_printf ("P%03u", i);
          json_object_set_string_member (o, "key", key);
          json_object_set_string_member (o, "name", key);
          json_array_add_object_element (all, o);
        }
      if (cloud)
        jira_reply_page (fake, msg, query, all, "values", TRUE, 50);
      else
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (node, all);
          fake_reply_json (msg, 200, node);
        }
      return TRUE;
    }
  return FALSE;
}

/* Jira's checks of a create or edit, screen by screen; FALSE with
 * "FIELD\nmessage" or "field: message" as Jira words it. */
gboolean
fake_jira_apply_fields (FakeTracker *fake,
                        FakeIssue   *issue,
                        JsonNode    *request,
                        gboolean     create,
                        char       **reason)
{
  JsonObject *o = json_node_get_object (request);
  JsonNode *labels_node, *description;
  JsonNode *fields = json_object_get_member (o, "fields");
  JsonNode *update = json_object_get_member (o, "update");
  const char *type = create ? fake_str_at (fields, "issuetype", "name") : issue->type;
  const char *epic;

  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return (*reason = g_strdup ("fields: required")), FALSE;
  /* Jira refuses the whole request for one field that is not on the
   * screen of the issue type, naming the field as the key. */
  if (type != NULL && *type)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (fields));
      while (json_object_iter_next (&iter, &name, &value))
        if (!jira_on_screen (fake, type, name))
          return (*reason = g_strdup_printf ("%s\nField '%s' cannot be set. It is not on the appropriate screen, or unknown.",
                                             name, name)), FALSE;
      if (update && JSON_NODE_HOLDS_OBJECT (update))
        {
          json_object_iter_init (&iter, json_node_get_object (update));
          while (json_object_iter_next (&iter, &name, &value))
            if (!jira_on_screen (fake, type, name))
              return (*reason = g_strdup_printf ("%s\nField '%s' cannot be set. It is not on the appropriate screen, or unknown.",
                                                 name, name)), FALSE;
            else if (json_object_has_member (json_node_get_object (fields), name))
              return (*reason = g_strdup_printf ("%s\nField '%s' cannot be set in both fields and update.",
                                                 name, name)), FALSE;
        }
    }
  if (create && g_str_equal (fake->service, "jira-dc") && g_strcmp0 (type, "Epic") == 0 &&
      (fake_str_at (fields, fake->epic_name_id, NULL) == NULL || !*fake_str_at (fields, fake->epic_name_id, NULL)))
    return (*reason = g_strdup_printf ("%s\nEpic Name is required.", fake->epic_name_id)), FALSE;
  if (create && g_strcmp0 (fake_str_at (fields, "project", "key"), "VLLM") != 0)
    return (*reason = g_strdup ("project: valid project is required")), FALSE;
  if (create && (fake_str_at (fields, "issuetype", "name") == NULL || !*fake_str_at (fields, "issuetype", "name")))
    return (*reason = g_strdup ("issuetype: Specify an issue type")), FALSE;
  if (create && jira_type_id (type) == NULL)
    return (*reason = g_strdup ("issuetype: Specify a valid issue type")), FALSE;
  if (create || fake_str_at (fields, "summary", NULL))
    {
      const char *summary = fake_str_at (fields, "summary", NULL);
      if (summary == NULL || !*summary)
        return (*reason = g_strdup ("summary: You must specify a summary of the issue.")), FALSE;
      g_free (issue->summary);
      issue->summary = g_strdup (summary);
    }
  description = json_object_get_member (json_node_get_object (fields), "description");
  if (description && !JSON_NODE_HOLDS_NULL (description))
    {
      if (g_str_equal (fake->service, "jira-cloud"))
        {
          g_autofree char *problem = NULL;
          /* Atlassian's published schema when the oracle is installed */
          if (lia_oracle_enabled () ? !lia_oracle_check_adf (description, &problem)
                                    : !lia_adf_check (description, &problem))
            return (*reason = g_strdup_printf ("description: Operation value must be an Atlassian Document (%s)", problem)), FALSE;
        }
      else if (!JSON_NODE_HOLDS_VALUE (description) || json_node_get_value_type (description) != G_TYPE_STRING)
        return (*reason = g_strdup ("description: Operation value must be a string")), FALSE;
      if (issue->description)
        json_node_unref (issue->description);
      issue->description = json_node_copy (description);
    }
  if (fake_str_at (fields, "priority", "name"))
    {
      const char *p = fake_str_at (fields, "priority", "name");
      if (!g_strv_contains ((const char *[]) { "Highest", "High", "Medium", "Low", "Lowest", NULL }, p))
        return (*reason = g_strdup ("priority: Specify a valid priority")), FALSE;
      g_free (issue->priority);
      issue->priority = g_strdup (p);
    }
  if (json_object_has_member (json_node_get_object (fields), "assignee"))
    {
      const char *who = fake_str_at (fields, "assignee", g_str_equal (fake->service, "jira-cloud") ? "accountId" : "name");
      if (json_node_get_node_type (json_object_get_member (json_node_get_object (fields), "assignee")) != JSON_NODE_NULL &&
          (who == NULL || fake_jira_user (fake, who) == NULL))
        return (*reason = g_strdup ("assignee: User does not exist")), FALSE;
      g_free (issue->assignee);
      issue->assignee = g_strdup (who ? who : "");
    }
  if (json_object_has_member (json_node_get_object (fields), "duedate"))
    {
      /* null clears it */
      g_free (issue->due);
      issue->due = g_strdup (fake_str_at (fields, "duedate", NULL) ? fake_str_at (fields, "duedate", NULL) : "");
    }
  epic = g_str_equal (fake->service, "jira-cloud") ? fake_str_at (fields, "parent", "key") : fake_str_at (fields, fake->epic_link_id, NULL);
  if (epic)
    {
      if (fake_find_issue (fake, epic) == NULL)
        return (*reason = g_strdup_printf ("parent: Issue '%s' does not exist", epic)), FALSE;
      g_free (issue->epic);
      issue->epic = g_strdup (epic);
    }
  if (create)
    {
      g_free (issue->type);
      issue->type = g_strdup (fake_str_at (fields, "issuetype", "name"));
    }
  labels_node = json_object_get_member (json_node_get_object (fields), "labels");
  if (labels_node)
    {
      GStrvBuilder *sb = g_strv_builder_new ();
      if (!JSON_NODE_HOLDS_ARRAY (labels_node))
        return (*reason = g_strdup ("labels: must be an array")), FALSE;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (labels_node)); i++)
        {
          const char *l = json_array_get_string_element (json_node_get_array (labels_node), i);
          if (l == NULL || strchr (l, ' '))
            return (*reason = g_strdup ("labels: The label can't contain spaces.")), FALSE;
          g_strv_builder_add (sb, l);
        }
      g_strfreev (issue->labels);
      issue->labels = g_strv_builder_end (sb);
      g_strv_builder_unref (sb);
    }
  /* "update": {"labels": [{"add": "x"}, {"remove": "y"}, {"set": […]}]} */
  labels_node = update && JSON_NODE_HOLDS_OBJECT (update) ? json_object_get_member (json_node_get_object (update), "labels") : NULL;
  for (guint i = 0; labels_node && JSON_NODE_HOLDS_ARRAY (labels_node) && i < json_array_get_length (json_node_get_array (labels_node)); i++)
    {
      JsonNode *op = json_array_get_element (json_node_get_array (labels_node), i);
      const char *add = fake_str_at (op, "add", NULL), *remove = fake_str_at (op, "remove", NULL);
      GStrvBuilder *sb;

      if ((add == NULL && remove == NULL) || (add && strchr (add, ' ')))
        return (*reason = g_strdup ("labels: The label can't contain spaces.")), FALSE;
      sb = g_strv_builder_new ();
      for (guint j = 0; issue->labels[j]; j++)
        if (g_strcmp0 (issue->labels[j], remove) != 0 && g_strcmp0 (issue->labels[j], add) != 0)
          g_strv_builder_add (sb, issue->labels[j]);
      if (add)
        g_strv_builder_add (sb, add);
      g_strfreev (issue->labels);
      issue->labels = g_strv_builder_end (sb);
      g_strv_builder_unref (sb);
    }
  if (labels_node && !JSON_NODE_HOLDS_ARRAY (labels_node))
    return (*reason = g_strdup ("labels: must be an array of operations")), FALSE;
  return TRUE;
}

/* The members of a Jira issue as GET …/issue/KEY shows them. */
void
fake_jira_render (FakeTracker *fake,
                  FakeIssue   *issue,
                  JsonBuilder *b,
                  const char  *updated)
{
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, issue->key);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, issue->summary);
  json_builder_set_member_name (b, "description");
  json_builder_add_value (b, issue->description ? json_node_copy (issue->description) : json_node_new (JSON_NODE_NULL));
  json_builder_set_member_name (b, "issuetype");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, issue->type);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "priority");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, issue->priority);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "assignee");
  if (*issue->assignee)
    {
      FakeUser *user = fake_jira_user (fake, issue->assignee);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, g_str_equal (fake->service, "jira-cloud") ? "accountId" : "name");
      json_builder_add_string_value (b, issue->assignee);
      json_builder_set_member_name (b, "displayName");
      json_builder_add_string_value (b, user ? user->display : "?");
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
    json_builder_add_string_value (b, issue->labels[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "status");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "statusCategory");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, issue->closed ? "done" : "new");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "updated");
  json_builder_add_string_value (b, updated);
  if (*issue->epic)
    {
      if (g_str_equal (fake->service, "jira-cloud"))
        {
          json_builder_set_member_name (b, "parent");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, issue->epic);
          json_builder_end_object (b);
        }
      else
        {
          json_builder_set_member_name (b, fake->epic_link_id);
          json_builder_add_string_value (b, issue->epic);
        }
    }
  json_builder_end_object (b);
}

void
fake_jira_set_epic_fields (FakeTracker *fake,
                           const char  *epic_name_id,
                           const char  *epic_link_id)
{
  g_mutex_lock (&fake->lock);
  g_free (fake->epic_name_id);
  g_free (fake->epic_link_id);
  fake->epic_name_id = g_strdup (epic_name_id);
  fake->epic_link_id = g_strdup (epic_link_id);
  g_mutex_unlock (&fake->lock);
}

void
fake_jira_remote_add_label (FakeTracker *fake,
                            const char  *key,
                            const char  *label)
{
  FakeIssue *issue;

  g_mutex_lock (&fake->lock);
  issue = fake_find_issue (fake, key);
  if (issue)
    {
      guint n = g_strv_length (issue->labels);

      issue->labels = g_renew (char *, issue->labels, n + 2);
      issue->labels[n] = g_strdup (label);
      issue->labels[n + 1] = NULL;
      g_free (fake_stamp (fake, issue));
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_jira_set_endless (FakeTracker *fake,
                       gboolean     endless)
{
  g_mutex_lock (&fake->lock);
  fake->jira_endless = endless;
  g_mutex_unlock (&fake->lock);
}

guint
fake_jira_count_requests (FakeTracker *fake,
                          const char  *part)
{
  guint n = 0;

  g_mutex_lock (&fake->lock);
  for (guint i = 0; fake->jira_log && i < fake->jira_log->len; i++)
    if (strstr (fake->jira_log->pdata[i], part))
      n++;
  g_mutex_unlock (&fake->lock);
  return n;
}
