/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "lia-fake-tracker.h"
#include "lia-markup.h"

typedef struct
{
  char     *key;
  char     *summary;
  JsonNode *description;   /* ADF object (Jira Cloud) or a string */
  char     *type;
  char     *priority;
  char     *assignee;
  char     *due;
  char     *epic;
  char    **labels;
  gboolean  closed;
  guint     version;
} FakeIssue;

struct _FakeTracker
{
  char         *service;
  char         *auth;          /* the exact header value expected */
  char         *url;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GMutex        lock;
  GCond         ready;
  GPtrArray    *issues;
  GPtrArray    *milestones;    /* titles; number = index + 1 */
  GQueue        faults;
  guint         next_number;
  guint         latency_ms;
  guint         in_flight;
  guint         peak;
  guint         clock;
  char         *last_error;
  GPtrArray    *pages;         /* Confluence: FakePage */
  gboolean      cloud;         /* Confluence: Cloud (REST v2) or Data Center (v1) */
  gboolean      no_move;       /* Confluence Data Center before 7: no move endpoint */
  guint         page_limit;    /* Confluence: most results in one list answer */
  guint         writes;        /* requests other than GET */
  char         *patch_from;    /* rewritten in every answer's body… */
  char         *patch_to;      /* …to this, raw, so it can break JSON */
};

typedef struct
{
  char    *id;
  char    *title;
  char    *parent;     /* id or "" */
  char    *body;
  char   **labels;
  guint    version;
  double   pos;
  GHashTable *props;   /* v2 content properties: key → the value as JSON text */
} FakePage;

static void
page_free (FakePage *page)
{
  g_free (page->id);
  g_free (page->title);
  g_free (page->parent);
  g_free (page->body);
  g_strfreev (page->labels);
  g_clear_pointer (&page->props, g_hash_table_unref);
  g_free (page);
}

static FakePage *
page_new (void)
{
  FakePage *page = g_new0 (FakePage, 1);

  page->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  page->labels = g_new0 (char *, 1);
  page->parent = g_strdup ("");
  return page;
}

static void
issue_free (FakeIssue *issue)
{
  g_free (issue->key);
  g_free (issue->summary);
  if (issue->description)
    json_node_unref (issue->description);
  g_free (issue->type);
  g_free (issue->priority);
  g_free (issue->assignee);
  g_free (issue->due);
  g_free (issue->epic);
  g_strfreev (issue->labels);
  g_free (issue);
}

static gboolean
is_jira (FakeTracker *fake)
{
  return g_str_has_prefix (fake->service, "jira");
}

static const char *
project_prefix (FakeTracker *fake)
{
  if (g_str_equal (fake->service, "jira-cloud"))
    return "/rest/api/3";
  if (g_str_equal (fake->service, "jira-dc"))
    return "/rest/api/2";
  if (g_str_equal (fake->service, "github"))
    return "/repos/team/vllm";
  return "/projects/team%2Fvllm";
}

static FakeIssue *
find_issue (FakeTracker *fake,
            const char  *key)
{
  for (guint i = 0; i < fake->issues->len; i++)
    {
      FakeIssue *issue = fake->issues->pdata[i];
      if (g_str_equal (issue->key, key))
        return issue;
    }
  return NULL;
}

static char *
stamp (FakeTracker *fake,
       FakeIssue   *issue)
{
  issue->version = ++fake->clock;
  return g_strdup_printf ("2026-11-25T10:%02u:%02u.000+0000", (issue->version / 60) % 60, issue->version % 60);
}

static JsonNode *
render (FakeTracker *fake,
        FakeIssue   *issue)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *updated = g_strdup_printf ("2026-11-25T10:%02u:%02u.000+0000", (issue->version / 60) % 60, issue->version % 60);
  g_autofree char *web = NULL;

  json_builder_begin_object (b);
  if (is_jira (fake))
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
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "displayName");
          json_builder_add_string_value (b, "推理工程师A");
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
              json_builder_set_member_name (b, "customfield_10100");
              json_builder_add_string_value (b, issue->epic);
            }
        }
      json_builder_end_object (b);
    }
  else
    {
      gboolean github = g_str_equal (fake->service, "github");

      web = g_strdup_printf ("%s/team/vllm/issues/%s", fake->url, issue->key);
      json_builder_set_member_name (b, github ? "number" : "iid");
      json_builder_add_int_value (b, g_ascii_strtoll (issue->key, NULL, 10));
      json_builder_set_member_name (b, github ? "html_url" : "web_url");
      json_builder_add_string_value (b, web);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, issue->summary);
      json_builder_set_member_name (b, github ? "body" : "description");
      json_builder_add_value (b, issue->description ? json_node_copy (issue->description) : json_node_new (JSON_NODE_NULL));
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, issue->closed ? "closed" : (github ? "open" : "opened"));
      json_builder_set_member_name (b, "updated_at");
      json_builder_add_string_value (b, updated);
      json_builder_set_member_name (b, "labels");
      json_builder_begin_array (b);
      for (guint i = 0; issue->labels[i]; i++)
        {
          if (github)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, issue->labels[i]);
              json_builder_end_object (b);
            }
          else
            json_builder_add_string_value (b, issue->labels[i]);
        }
      json_builder_end_array (b);
      if (github && *issue->due)
        {
          json_builder_set_member_name (b, "milestone");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, issue->due);
          json_builder_end_object (b);
        }
      if (github)
        {
          json_builder_set_member_name (b, "assignees");
          json_builder_begin_array (b);
          if (*issue->assignee)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "login");
              json_builder_add_string_value (b, issue->assignee);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      else
        {
          json_builder_set_member_name (b, "assignee");
          if (*issue->assignee)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "username");
              json_builder_add_string_value (b, "infer-a");
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, "推理工程师A");
              json_builder_end_object (b);
            }
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "due_date");
          if (*issue->due)
            json_builder_add_string_value (b, issue->due);
          else
            json_builder_add_null_value (b);
        }
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  g_autofree char *text = node ? json_to_string (node, FALSE) : g_strdup ("");

  soup_server_message_set_status (msg, status, NULL);
  if (*text)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

static void
reply_error (FakeTracker       *fake,
             SoupServerMessage *msg,
             guint              status,
             const char        *reason)
{
  g_autofree char *body = NULL;
  g_autofree char *escaped = g_strescape (reason, "");

  g_free (fake->last_error);
  fake->last_error = g_strdup (reason);
  if (is_jira (fake))
    body = g_strdup_printf ("{\"errorMessages\":[],\"errors\":{\"fields\":\"%s\"}}", escaped);
  else if (g_str_equal (fake->service, "confluence"))
    body = g_strdup_printf ("{\"statusCode\":%u,\"data\":{\"authorized\":true,\"valid\":false},\"message\":\"%s\"}",
                            status, escaped);
  else if (g_str_equal (fake->service, "github"))
    body = g_strdup_printf ("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"code\":\"invalid\",\"field\":\"%s\"}]}", escaped);
  else
    body = g_strdup_printf ("{\"message\":{\"base\":[\"%s\"]}}", escaped);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static JsonNode *
parse_request (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

static const char *
str_at (JsonNode   *node,
        const char *a,
        const char *b)
{
  JsonObject *o;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  o = json_node_get_object (node);
  if (!json_object_has_member (o, a))
    return NULL;
  node = json_object_get_member (o, a);
  if (b != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node) || !json_object_has_member (json_node_get_object (node), b))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), b);
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static JsonNode *
lia_fake_json_at (JsonNode   *node,
                  const char *a,
                  const char *b)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || !json_object_has_member (json_node_get_object (node), a))
    return NULL;
  node = json_object_get_member (json_node_get_object (node), a);
  if (b == NULL)
    return node;
  if (!JSON_NODE_HOLDS_OBJECT (node) || !json_object_has_member (json_node_get_object (node), b))
    return NULL;
  return json_object_get_member (json_node_get_object (node), b);
}

/* Apply the request's fields to @issue; FALSE with a reason when the real
 * service would refuse them. */
static gboolean
apply_fields (FakeTracker *fake,
              FakeIssue   *issue,
              JsonNode    *request,
              gboolean     create,
              char       **reason)
{
  JsonObject *o;
  JsonNode *labels_node, *description;

  if (request == NULL || !JSON_NODE_HOLDS_OBJECT (request))
    return (*reason = g_strdup ("the body is not a JSON object")), FALSE;
  o = json_node_get_object (request);
  if (is_jira (fake))
    {
      JsonNode *fields = json_object_get_member (o, "fields");
      const char *epic;

      if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
        return (*reason = g_strdup ("fields: required")), FALSE;
      if (create && g_strcmp0 (str_at (fields, "project", "key"), "VLLM") != 0)
        return (*reason = g_strdup ("project: valid project is required")), FALSE;
      if (create && (str_at (fields, "issuetype", "name") == NULL || !*str_at (fields, "issuetype", "name")))
        return (*reason = g_strdup ("issuetype: Specify an issue type")), FALSE;
      if (create || str_at (fields, "summary", NULL))
        {
          const char *summary = str_at (fields, "summary", NULL);
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
              if (!lia_adf_check (description, &problem))
                return (*reason = g_strdup_printf ("description: Operation value must be an Atlassian Document (%s)", problem)), FALSE;
            }
          else if (!JSON_NODE_HOLDS_VALUE (description) || json_node_get_value_type (description) != G_TYPE_STRING)
            return (*reason = g_strdup ("description: Operation value must be a string")), FALSE;
          if (issue->description)
            json_node_unref (issue->description);
          issue->description = json_node_copy (description);
        }
      if (str_at (fields, "priority", "name"))
        {
          const char *p = str_at (fields, "priority", "name");
          if (!g_strv_contains ((const char *[]) { "Highest", "High", "Medium", "Low", "Lowest", NULL }, p))
            return (*reason = g_strdup ("priority: Specify a valid priority")), FALSE;
          g_free (issue->priority);
          issue->priority = g_strdup (p);
        }
      if (json_object_has_member (json_node_get_object (fields), "assignee"))
        {
          const char *who = str_at (fields, "assignee", g_str_equal (fake->service, "jira-cloud") ? "accountId" : "name");
          if (json_node_get_node_type (json_object_get_member (json_node_get_object (fields), "assignee")) != JSON_NODE_NULL &&
              g_strcmp0 (who, g_str_equal (fake->service, "jira-cloud") ? "acc-1" : "infer-a") != 0)
            return (*reason = g_strdup ("assignee: User does not exist")), FALSE;
          g_free (issue->assignee);
          issue->assignee = g_strdup (who ? who : "");
        }
      if (str_at (fields, "duedate", NULL))
        {
          g_free (issue->due);
          issue->due = g_strdup (str_at (fields, "duedate", NULL));
        }
      epic = g_str_equal (fake->service, "jira-cloud") ? str_at (fields, "parent", "key") : str_at (fields, "customfield_10100", NULL);
      if (epic)
        {
          if (find_issue (fake, epic) == NULL)
            return (*reason = g_strdup_printf ("parent: Issue '%s' does not exist", epic)), FALSE;
          g_free (issue->epic);
          issue->epic = g_strdup (epic);
        }
      if (create)
        {
          g_free (issue->type);
          issue->type = g_strdup (str_at (fields, "issuetype", "name"));
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
    }
  else
    {
      gboolean github = g_str_equal (fake->service, "github");
      const char *title = str_at (request, "title", NULL);

      if ((create || title) && (title == NULL || !*title))
        return (*reason = g_strdup ("title")), FALSE;
      if (title)
        {
          g_free (issue->summary);
          issue->summary = g_strdup (title);
        }
      description = json_object_get_member (o, github ? "body" : "description");
      if (description)
        {
          if (issue->description)
            json_node_unref (issue->description);
          issue->description = json_node_copy (description);
        }
      labels_node = json_object_get_member (o, "labels");
      if (labels_node)
        {
          if (github)
            {
              GStrvBuilder *sb = g_strv_builder_new ();
              if (!JSON_NODE_HOLDS_ARRAY (labels_node))
                return (*reason = g_strdup ("labels")), FALSE;
              for (guint i = 0; i < json_array_get_length (json_node_get_array (labels_node)); i++)
                g_strv_builder_add (sb, json_array_get_string_element (json_node_get_array (labels_node), i));
              g_strfreev (issue->labels);
              issue->labels = g_strv_builder_end (sb);
              g_strv_builder_unref (sb);
            }
          else
            {
              if (!JSON_NODE_HOLDS_VALUE (labels_node))
                return (*reason = g_strdup ("labels is invalid")), FALSE;
              g_strfreev (issue->labels);
              issue->labels = g_strsplit (json_node_get_string (labels_node), ",", -1);
            }
        }
      {
        JsonNode *assignees = json_object_get_member (o, github ? "assignees" : "assignee_ids");
        if (assignees && JSON_NODE_HOLDS_ARRAY (assignees))
          {
            JsonArray *a = json_node_get_array (assignees);
            g_free (issue->assignee);
            issue->assignee = g_strdup ("");
            if (json_array_get_length (a) > 0)
              {
                JsonNode *first = json_array_get_element (a, 0);
                gboolean known = github ? g_strcmp0 (json_node_get_string (first), "infer-a") == 0
                                        : json_node_get_int (first) == 7;
                if (!known)
                  return (*reason = g_strdup ("assignees")), FALSE;
                g_free (issue->assignee);
                issue->assignee = g_strdup (github ? "infer-a" : "7");
              }
          }
      }
      if (github && json_object_has_member (o, "milestone"))
        {
          JsonNode *m = json_object_get_member (o, "milestone");
          gint64 number = JSON_NODE_HOLDS_VALUE (m) ? json_node_get_int (m) : 0;

          if (number < 0 || number > (gint64) fake->milestones->len)
            return (*reason = g_strdup ("milestone")), FALSE;
          g_free (issue->due);
          issue->due = g_strdup (number > 0 ? fake->milestones->pdata[number - 1] : "");
        }
      if (!github && str_at (request, "due_date", NULL))
        {
          g_free (issue->due);
          issue->due = g_strdup (str_at (request, "due_date", NULL));
        }
    }
  return TRUE;
}

static gboolean
has_marker (FakeIssue  *issue,
            const char *label)
{
  return g_strv_contains ((const char * const *) issue->labels, label);
}

/* ---- Confluence ------------------------------------------------------- */

static FakePage *
find_page (FakeTracker *fake,
           const char  *id)
{
  for (guint i = 0; id && i < fake->pages->len; i++)
    if (g_str_equal (((FakePage *) fake->pages->pdata[i])->id, id))
      return fake->pages->pdata[i];
  return NULL;
}

static FakePage *
find_page_title (FakeTracker *fake,
                 const char  *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);

  for (guint i = 0; i < fake->pages->len; i++)
    {
      FakePage *page = fake->pages->pdata[i];
      g_autofree char *other = g_utf8_casefold (page->title, -1);
      if (g_str_equal (folded, other))
        return page;
    }
  return NULL;
}

static double
last_pos (FakeTracker *fake,
          const char  *parent)
{
  double pos = 0;

  for (guint i = 0; i < fake->pages->len; i++)
    {
      FakePage *page = fake->pages->pdata[i];
      if (g_str_equal (page->parent, parent))
        pos = MAX (pos, page->pos);
    }
  return pos + 1;
}

static void
render_page (FakeTracker *fake,
             JsonBuilder *b,
             FakePage    *page,
             gboolean     full)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autofree char *webui = g_strdup_printf ("/spaces/DOCS/pages/%s", page->id);

  for (FakePage *up = find_page (fake, page->parent); up; up = find_page (fake, up->parent))
    g_ptr_array_insert (chain, 0, up);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, page->id);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "page");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "current");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, page->title);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, page->version);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "ancestors");
  json_builder_begin_array (b);
  for (guint i = 0; i < chain->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, ((FakePage *) chain->pdata[i])->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (full)
    {
      json_builder_set_member_name (b, "body");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "storage");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, page->body);
      json_builder_set_member_name (b, "representation");
      json_builder_add_string_value (b, "storage");
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "metadata");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "labels");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; page->labels[i]; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "prefix");
          json_builder_add_string_value (b, "global");
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, page->labels[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "_links");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "webui");
  json_builder_add_string_value (b, webui);
  json_builder_set_member_name (b, "base");
  json_builder_add_string_value (b, fake->url);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
reply_page (FakeTracker       *fake,
            SoupServerMessage *msg,
            guint              status,
            FakePage          *page,
            gboolean           full)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  render_page (fake, b, page, full);
  node = json_builder_get_root (b);
  reply_json (msg, status, node);
}

/* Storage format must be well-formed XML: what Confluence checks first. */
static gboolean
storage_ok (const char  *value,
            char       **reason)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = g_strconcat ("<body>", value, "</body>", NULL);

  if (!g_markup_parse_context_parse (context, doc, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      *reason = g_strdup_printf ("Error parsing xhtml: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Checks a create or update body; FALSE with the status and reason
 * Confluence would answer. */
static gboolean
apply_page (FakeTracker *fake,
            FakePage    *page,
            JsonNode    *request,
            guint       *status,
            char       **reason)
{
  const char *title = str_at (request, "title", NULL);
  const char *value = NULL;
  const char *parent = NULL;
  FakePage *same;
  JsonNode *body;

  *status = 400;
  if (g_strcmp0 (str_at (request, "type", NULL), "page") != 0)
    return (*reason = g_strdup ("type must be page")), FALSE;
  if (title == NULL || *title == '\0')
    return (*reason = g_strdup ("A page must have a title")), FALSE;
  if (g_strcmp0 (str_at (request, "space", "key"), "DOCS") != 0)
    return (*reason = g_strdup ("No space with key")), FALSE;
  body = json_object_get_member (json_node_get_object (request), "body");
  if (body && JSON_NODE_HOLDS_OBJECT (body))
    {
      value = str_at (body, "storage", "value");
      if (g_strcmp0 (str_at (body, "storage", "representation"), "storage") != 0)
        value = NULL;
    }
  if (value == NULL)
    return (*reason = g_strdup ("body.storage with representation storage is required")), FALSE;
  if (!storage_ok (value, reason))
    return FALSE;
  same = find_page_title (fake, title);
  if (same != NULL && same != page)
    return (*reason = g_strdup_printf ("A page with this title already exists: A page already exists with the title %s in the space with key DOCS", title)), FALSE;
  if (json_object_has_member (json_node_get_object (request), "ancestors"))
    {
      JsonNode *ancestors = json_object_get_member (json_node_get_object (request), "ancestors");
      JsonArray *list = JSON_NODE_HOLDS_ARRAY (ancestors) ? json_node_get_array (ancestors) : NULL;

      if (list == NULL || json_array_get_length (list) == 0)
        return (*reason = g_strdup ("ancestors must name a page")), FALSE;
      parent = str_at (json_array_get_element (list, json_array_get_length (list) - 1), "id", NULL);
      if (find_page (fake, parent) == NULL)
        {
          *status = 404;
          return (*reason = g_strdup_printf ("No parent with id %s", parent ? parent : "")), FALSE;
        }
      for (FakePage *up = find_page (fake, parent); up; up = find_page (fake, up->parent))
        if (up == page)
          return (*reason = g_strdup ("A page cannot be moved under itself")), FALSE;
    }

  g_free (page->title);
  page->title = g_strdup (title);
  g_free (page->body);
  page->body = g_strdup (value);
  if (parent != NULL && !g_str_equal (parent, page->parent))
    {
      g_free (page->parent);
      page->parent = g_strdup (parent);
      page->pos = last_pos (fake, parent);
    }
  return TRUE;
}

/* ---- Confluence Cloud, REST v2 ----------------------------------------- */

#define SPACE_ID "65537"

static void
reply_error_v2 (FakeTracker       *fake,
                SoupServerMessage *msg,
                guint              status,
                const char        *code,
                const char        *title)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  g_free (fake->last_error);
  fake->last_error = g_strdup (title);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, status);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title);
  json_builder_set_member_name (b, "detail");
  json_builder_add_null_value (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  reply_json (msg, status, node);
}

/* A page as v2 shows it: ids are strings, the parent a parentId. */
static void
render_page_v2 (FakeTracker *fake,
                JsonBuilder *b,
                FakePage    *page,
                gboolean     body,
                gboolean     props,
                gboolean     labels)
{
  g_autofree char *webui = g_strdup_printf ("/spaces/DOCS/pages/%s", page->id);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, page->id);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "current");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, page->title);
  json_builder_set_member_name (b, "spaceId");
  json_builder_add_string_value (b, SPACE_ID);
  json_builder_set_member_name (b, "parentId");
  if (*page->parent)
    json_builder_add_string_value (b, page->parent);
  else
    json_builder_add_null_value (b);
  if (*page->parent)
    {
      json_builder_set_member_name (b, "parentType");
      json_builder_add_string_value (b, "page");
    }
  json_builder_set_member_name (b, "position");
  json_builder_add_int_value (b, (gint64) page->pos);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, page->version);
  json_builder_set_member_name (b, "createdAt");
  json_builder_add_string_value (b, "2026-03-01T09:00:00.000Z");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "body");
  json_builder_begin_object (b);
  if (body)
    {
      json_builder_set_member_name (b, "storage");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "representation");
      json_builder_add_string_value (b, "storage");
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, page->body);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  if (props)
    {
      GHashTableIter iter;
      gpointer key, value;
      guint n = 0;

      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      g_hash_table_iter_init (&iter, page->props);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(JsonNode) v = json_from_string (value, NULL);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, "9001");
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, key);
          json_builder_set_member_name (b, "value");
          json_builder_add_value (b, g_steal_pointer (&v));
          json_builder_end_object (b);
          n++;
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "meta");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "hasMore");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  if (labels)
    {
      json_builder_set_member_name (b, "labels");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; page->labels[i]; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, "7001");
          json_builder_set_member_name (b, "prefix");
          json_builder_add_string_value (b, "global");
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, page->labels[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "meta");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "hasMore");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "_links");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "webui");
  json_builder_add_string_value (b, webui);
  json_builder_set_member_name (b, "tinyui");
  json_builder_add_string_value (b, "/x/abc");
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* A list answer of v2: results, and an opaque cursor in _links.next and
 * the Link header while more remain. */
static void
reply_list_v2 (FakeTracker       *fake,
               SoupServerMessage *msg,
               GHashTable        *query,
               const char        *path,
               GPtrArray         *items)
{
  const char *cursor = query ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *lim = query ? g_hash_table_lookup (query, "limit") : NULL;
  guint limit = lim ? (guint) atoi (lim) : 25;
  guint start = 0, n = 0;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (limit < 1 || limit > 250)
    {
      reply_error_v2 (fake, msg, 400, "INVALID_REQUEST_PARAMETER", "limit must be between 1 and 250");
      return;
    }
  limit = MIN (limit, fake->page_limit);
  if (cursor != NULL)
    {
      gsize len = 0;
      g_autofree guchar *raw = g_base64_decode (cursor, &len);
      g_autofree char *text = g_strndup ((const char *) raw, len);

      if (!g_str_has_prefix (text, "next:"))
        {
          reply_error_v2 (fake, msg, 400, "INVALID_CURSOR", "The cursor is not valid");
          return;
        }
      start = atoi (text + 5);
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "results");
  json_builder_begin_array (b);
  for (guint i = start; i < items->len && n < limit; i++, n++)
    render_page_v2 (fake, b, items->pdata[i], FALSE, FALSE, FALSE);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "_links");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "base");
  json_builder_add_string_value (b, fake->url);
  if (start + n < items->len)
    {
      g_autofree char *mark = g_strdup_printf ("next:%u", start + n);
      g_autofree char *b64 = g_base64_encode ((const guchar *) mark, strlen (mark));
      g_autofree char *escaped = g_uri_escape_string (b64, NULL, TRUE);
      g_autofree char *next = g_strdup_printf ("/wiki/api/v2/%s?cursor=%s&limit=%u", path, escaped, limit);
      g_autofree char *link = g_strdup_printf ("<%s>; rel=\"next\", <%s>; rel=\"base\"", next, fake->url);

      json_builder_set_member_name (b, "next");
      json_builder_add_string_value (b, next);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Link", link);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  reply_json (msg, 200, node);
}

static void
reply_page_v2 (FakeTracker       *fake,
               SoupServerMessage *msg,
               FakePage          *page,
               gboolean           body,
               gboolean           props,
               gboolean           labels)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  render_page_v2 (fake, b, page, body, props, labels);
  node = json_builder_get_root (b);
  reply_json (msg, 200, node);
}

/* Checks a v2 create or update body; FALSE with what Confluence would
 * answer. */
static gboolean
apply_page_v2 (FakeTracker *fake,
               FakePage    *page,
               JsonNode    *request,
               gboolean     create,
               guint       *status,
               char       **reason)
{
  const char *title = str_at (request, "title", NULL);
  const char *space = str_at (request, "spaceId", NULL);
  const char *value = str_at (request, "body", "value");
  const char *repr = str_at (request, "body", "representation");
  JsonNode *parent_node = lia_fake_json_at (request, "parentId", NULL);
  const char *parent = str_at (request, "parentId", NULL);
  FakePage *same;

  *status = 400;
  if (request == NULL)
    return (*reason = g_strdup ("The request body is not JSON")), FALSE;
  if (create ? g_strcmp0 (space, SPACE_ID) != 0 : space != NULL && !g_str_equal (space, SPACE_ID))
    return (*reason = g_strdup ("spaceId must be the id (not the key) of an existing space")), FALSE;
  if (!create && g_strcmp0 (str_at (request, "status", NULL), "current") != 0)
    return (*reason = g_strdup ("status is required")), FALSE;
  if (title == NULL || *title == '\0')
    return (*reason = g_strdup ("A page must have a title")), FALSE;
  if (value == NULL || g_strcmp0 (repr, "storage") != 0)
    return (*reason = g_strdup ("body.representation storage and body.value are required")), FALSE;
  if (!storage_ok (value, reason))
    return FALSE;
  if (parent_node != NULL && parent == NULL)
    return (*reason = g_strdup ("parentId must be a string")), FALSE;
  same = find_page_title (fake, title);
  if (same != NULL && same != page)
    return (*reason = g_strdup_printf ("A page with this title already exists: A page already exists with the same TITLE in this space")), FALSE;
  if (parent != NULL)
    {
      if (find_page (fake, parent) == NULL)
        {
          *status = 404;
          return (*reason = g_strdup_printf ("No parent page with id %s", parent)), FALSE;
        }
      for (FakePage *up = find_page (fake, parent); up; up = find_page (fake, up->parent))
        if (up == page)
          return (*reason = g_strdup ("A page cannot be moved under itself")), FALSE;
    }

  g_free (page->title);
  page->title = g_strdup (title);
  g_free (page->body);
  page->body = g_strdup (value);
  /* Without a parentId a page lands at the space's root, where the page
   * tree does not show it. */
  if (parent != NULL && !g_str_equal (parent, page->parent))
    {
      g_free (page->parent);
      page->parent = g_strdup (parent);
      page->pos = last_pos (fake, parent);
    }
  return TRUE;
}

static void
handle_confluence_v2 (FakeTracker       *fake,
                      SoupServerMessage *msg,
                      const char        *method,
                      const char        *raw_path,
                      GHashTable        *query,
                      JsonNode          *request,
                      FakeFault          fault)
{
  const char *rest = strstr (raw_path, "/wiki/api/v2/");
  g_auto(GStrv) parts = NULL;
  g_autofree char *reason = NULL;
  const char *get_arg;
  FakePage *page;
  guint status;

  if (rest == NULL)
    {
      reply_error_v2 (fake, msg, 404, "NOT_FOUND", "No such API (v2 lives under /wiki/api/v2)");
      return;
    }
  parts = g_strsplit (rest + strlen ("/wiki/api/v2/"), "/", -1);

  if (g_str_equal (parts[0], "spaces") && parts[1] == NULL && g_str_equal (method, "GET"))
    {
      const char *keys = query ? g_hash_table_lookup (query, "keys") : NULL;
      g_autofree char *text = g_strdup_printf ("{\"results\":[%s],\"_links\":{\"base\":\"%s\"}}",
                                               g_strcmp0 (keys, "DOCS") == 0
                                               ? "{\"id\":\"" SPACE_ID "\",\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
                                                 "\"status\":\"current\",\"homepageId\":\"1\",\"_links\":{\"webui\":\"/spaces/DOCS\"}}"
                                               : "",
                                               fake->url);
      g_autoptr(JsonNode) node = json_from_string (text, NULL);
      reply_json (msg, 200, node);
      return;
    }
  if (g_str_equal (parts[0], "spaces") && parts[1] && g_strcmp0 (parts[2], "pages") == 0 && parts[3] == NULL &&
      g_str_equal (method, "GET"))
    {
      g_autofree char *path = g_strdup_printf ("spaces/%s/pages", parts[1]);
      if (!g_str_equal (parts[1], SPACE_ID))
        {
          reply_error_v2 (fake, msg, 404, "NOT_FOUND", "No space with that id");
          return;
        }
      reply_list_v2 (fake, msg, query, path, fake->pages);
      return;
    }
  if (!g_str_equal (parts[0], "pages"))
    {
      reply_error_v2 (fake, msg, 404, "NOT_FOUND", "No such API");
      return;
    }

  if (parts[1] == NULL && g_str_equal (method, "POST"))
    {
      page = page_new ();
      if (!apply_page_v2 (fake, page, request, TRUE, &status, &reason))
        {
          page_free (page);
          reply_error_v2 (fake, msg, status, "INVALID_REQUEST_PARAMETER", reason);
          return;
        }
      if (page->pos == 0)
        page->pos = last_pos (fake, page->parent);
      page->id = g_strdup_printf ("%u", 1000 + ++fake->next_number);
      page->version = 1;
      g_ptr_array_add (fake->pages, page);
      if (fault == FAKE_FAULT_LOST)
        {
          g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
          g_io_stream_close (stream, NULL, NULL);
          return;
        }
      if (fault == FAKE_FAULT_500_AFTER)
        {
          reply_error_v2 (fake, msg, 500, "INTERNAL_SERVER_ERROR", "internal error");
          return;
        }
      if (fault == FAKE_FAULT_MALFORMED)
        {
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"id\": ", 7);
          return;
        }
      reply_page_v2 (fake, msg, page, TRUE, FALSE, FALSE);
      if (fault == FAKE_FAULT_SLOW)
        soup_server_message_pause (msg), g_object_set_data (G_OBJECT (msg), "slow", GUINT_TO_POINTER (3000));
      return;
    }

  page = parts[1] ? find_page (fake, parts[1]) : NULL;
  if (page == NULL)
    {
      reply_error_v2 (fake, msg, 404, "NOT_FOUND", "Page not found");
      return;
    }
  if (parts[2] == NULL && g_str_equal (method, "GET"))
    {
      get_arg = query ? g_hash_table_lookup (query, "include-properties") : NULL;
      reply_page_v2 (fake, msg, page,
                     query && g_strcmp0 (g_hash_table_lookup (query, "body-format"), "storage") == 0,
                     g_strcmp0 (get_arg, "true") == 0,
                     query && g_strcmp0 (g_hash_table_lookup (query, "include-labels"), "true") == 0);
      return;
    }
  if (parts[2] == NULL && g_str_equal (method, "PUT"))
    {
      JsonNode *vn = lia_fake_json_at (request, "version", "number");
      gint64 number = vn && JSON_NODE_HOLDS_VALUE (vn) ? json_node_get_int (vn) : 0;

      if (g_strcmp0 (str_at (request, "id", NULL), page->id) != 0)
        {
          reply_error_v2 (fake, msg, 400, "INVALID_REQUEST_PARAMETER", "id must be the page's id, as a string");
          return;
        }
      if (number != page->version + 1)
        {
          g_autofree char *text = g_strdup_printf ("Version must be incremented on update. Current version is: %u",
                                                   page->version);
          reply_error_v2 (fake, msg, 409, "CONFLICT", text);
          return;
        }
      if (!apply_page_v2 (fake, page, request, FALSE, &status, &reason))
        {
          reply_error_v2 (fake, msg, status, "INVALID_REQUEST_PARAMETER", reason);
          return;
        }
      page->version++;
      reply_page_v2 (fake, msg, page, TRUE, FALSE, FALSE);
      return;
    }
  if (g_strcmp0 (parts[2], "properties") == 0 && parts[3] == NULL)
    {
      if (g_str_equal (method, "POST"))
        {
          const char *key = str_at (request, "key", NULL);
          JsonNode *value = lia_fake_json_at (request, "value", NULL);
          g_autofree char *text = NULL;
          g_autofree char *answer = NULL;
          g_autoptr(JsonNode) node = NULL;

          if (key == NULL || value == NULL)
            {
              reply_error_v2 (fake, msg, 400, "INVALID_REQUEST_PARAMETER", "key and value are required");
              return;
            }
          if (g_hash_table_contains (page->props, key))
            {
              reply_error_v2 (fake, msg, 409, "CONFLICT", "A property with this key already exists");
              return;
            }
          text = json_to_string (value, FALSE);
          g_hash_table_insert (page->props, g_strdup (key), g_strdup (text));
          answer = g_strdup_printf ("{\"id\":\"9001\",\"key\":\"%s\",\"value\":%s,\"version\":{\"number\":1}}", key, text);
          node = json_from_string (answer, NULL);
          reply_json (msg, 200, node);
          return;
        }
      if (g_str_equal (method, "GET"))
        {
          const char *key = query ? g_hash_table_lookup (query, "key") : NULL;
          const char *value = key ? g_hash_table_lookup (page->props, key) : NULL;
          g_autofree char *text = g_strdup_printf ("{\"results\":[%s%s%s%s%s],\"_links\":{}}",
                                                   value ? "{\"id\":\"9001\",\"key\":\"" : "", value ? key : "",
                                                   value ? "\",\"value\":" : "", value ? value : "", value ? "}" : "");
          g_autoptr(JsonNode) node = json_from_string (text, NULL);
          reply_json (msg, 200, node);
          return;
        }
    }
  if (g_strcmp0 (parts[2], "labels") == 0 && parts[3] == NULL && g_str_equal (method, "GET"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; page->labels[i]; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "prefix");
          json_builder_add_string_value (b, "global");
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, page->labels[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      reply_json (msg, 200, node);
      return;
    }
  if (g_strcmp0 (parts[2], "children") == 0 && parts[3] == NULL && g_str_equal (method, "GET"))
    {
      g_autoptr(GPtrArray) children = g_ptr_array_new ();
      g_autofree char *path = g_strdup_printf ("pages/%s/children", page->id);

      for (guint i = 0; i < fake->pages->len; i++)
        if (g_str_equal (((FakePage *) fake->pages->pdata[i])->parent, page->id))
          g_ptr_array_add (children, fake->pages->pdata[i]);
      reply_list_v2 (fake, msg, query, path, children);
      return;
    }
  /* v2 has no way to add a label, nor to move before or after a page. */
  reply_error_v2 (fake, msg, 405, "METHOD_NOT_ALLOWED", "Method not allowed");
}

static void
handle_confluence (FakeTracker       *fake,
                   SoupServerMessage *msg,
                   const char        *method,
                   const char        *raw_path,
                   GHashTable        *query,
                   JsonNode          *request,
                   FakeFault          fault)
{
  const char *rest = strstr (raw_path, "/rest/api/content");
  g_auto(GStrv) parts = NULL;
  guint status;
  g_autofree char *reason = NULL;

  if (strstr (raw_path, "/api/v2/") != NULL)
    {
      if (fake->cloud)
        handle_confluence_v2 (fake, msg, method, raw_path, query, request, fault);
      else
        {
          /* Data Center has no REST v2: Tomcat's HTML 404. */
          soup_server_message_set_status (msg, 404, NULL);
          soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html>Not Found</html>", 22);
        }
      return;
    }
  if (g_str_has_suffix (raw_path, "/rest/api/space/DOCS") && g_str_equal (method, "GET"))
    {
      g_autofree char *text = g_strdup_printf ("{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
                                               "\"homepage\":{\"id\":\"1\",\"type\":\"page\",\"title\":\"DOCS Home\"},"
                                               "\"_links\":{\"base\":\"%s\"}}", fake->url);
      g_autoptr(JsonNode) node = json_from_string (text, NULL);
      reply_json (msg, 200, node);
      return;
    }
  if (strstr (raw_path, "/rest/api/space/") != NULL)
    {
      reply_error (fake, msg, 404, "No space found with key");
      return;
    }
  if (rest == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  rest += strlen ("/rest/api/content");
  if (fake->cloud && strstr (rest, "/move/") == NULL)
    {
      /* Cloud's v1 content API is deprecated in favour of v2; the fake
       * answers as if it were gone, so nothing relies on it. */
      reply_error (fake, msg, 410, "Gone: use /wiki/api/v2/pages");
      return;
    }
  parts = g_strsplit (*rest == '/' ? rest + 1 : rest, "/", -1);

  if (g_str_equal (method, "GET") && *rest == '\0')
    {
      const char *space = query ? g_hash_table_lookup (query, "spaceKey") : NULL;
      guint start = query && g_hash_table_lookup (query, "start") ? atoi (g_hash_table_lookup (query, "start")) : 0;
      guint limit = query && g_hash_table_lookup (query, "limit") ? atoi (g_hash_table_lookup (query, "limit")) : 25;
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      guint n = 0;

      if (g_strcmp0 (space, "DOCS") != 0)
        {
          reply_error (fake, msg, 404, "No space with key");
          return;
        }
      limit = MIN (limit, fake->page_limit);    /* Confluence caps the page size */
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = start; i < fake->pages->len && n < limit; i++, n++)
        render_page (fake, b, fake->pages->pdata[i], FALSE);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, start);
      json_builder_set_member_name (b, "limit");
      json_builder_add_int_value (b, limit);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, n);
      json_builder_set_member_name (b, "_links");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "base");
      json_builder_add_string_value (b, fake->url);
      if (start + n < fake->pages->len)
        {
          /* The next link keeps every parameter of the request. */
          g_autoptr(GHashTable) again = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          g_autofree char *form = NULL;
          g_autofree char *next = NULL;
          GHashTableIter iter;
          gpointer k, v;

          g_hash_table_iter_init (&iter, query);
          while (g_hash_table_iter_next (&iter, &k, &v))
            g_hash_table_insert (again, k, g_strdup (v));
          g_hash_table_insert (again, (gpointer) "start", g_strdup_printf ("%u", start + n));
          g_hash_table_insert (again, (gpointer) "limit", g_strdup_printf ("%u", limit));
          form = soup_form_encode_hash (again);
          next = g_strconcat ("/rest/api/content?", form, NULL);
          json_builder_set_member_name (b, "next");
          json_builder_add_string_value (b, next);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      reply_json (msg, 200, node);
      return;
    }

  if (g_str_equal (method, "POST") && *rest == '\0')
    {
      FakePage *page = page_new ();
      JsonNode *labels = lia_fake_json_at (request, "metadata", "labels");
      GStrvBuilder *sb = g_strv_builder_new ();

      if (request == NULL || !apply_page (fake, page, request, &status, &reason))
        {
          page_free (page);
          g_strv_builder_unref (sb);
          reply_error (fake, msg, request ? status : 400, reason ? reason : "no JSON body");
          return;
        }
      if (page->pos == 0)
        page->pos = last_pos (fake, page->parent);
      for (guint i = 0; labels && JSON_NODE_HOLDS_ARRAY (labels) && i < json_array_get_length (json_node_get_array (labels)); i++)
        {
          const char *name = str_at (json_array_get_element (json_node_get_array (labels), i), "name", NULL);
          if (name)
            g_strv_builder_add (sb, name);
        }
      g_strfreev (page->labels);
      page->labels = g_strv_builder_end (sb);
      g_strv_builder_unref (sb);
      page->id = g_strdup_printf ("%u", 1000 + ++fake->next_number);
      page->version = 1;
      g_ptr_array_add (fake->pages, page);

      if (fault == FAKE_FAULT_LOST)
        {
          g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
          g_io_stream_close (stream, NULL, NULL);
          return;
        }
      if (fault == FAKE_FAULT_500_AFTER)
        {
          reply_error (fake, msg, 500, "internal error");
          return;
        }
      if (fault == FAKE_FAULT_MALFORMED)
        {
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"id\": ", 7);
          return;
        }
      reply_page (fake, msg, 200, page, TRUE);
      if (fault == FAKE_FAULT_SLOW)
        soup_server_message_pause (msg), g_object_set_data (G_OBJECT (msg), "slow", GUINT_TO_POINTER (3000));
      return;
    }

  {
    FakePage *page = find_page (fake, parts[0]);

    if (page == NULL)
      {
        reply_error (fake, msg, 404, "No content found with id");
        return;
      }
    if (g_str_equal (method, "GET") && parts[1] == NULL)
      {
        reply_page (fake, msg, 200, page, TRUE);
        return;
      }
    if (g_str_equal (method, "PUT") && parts[1] == NULL)
      {
        JsonNode *vn = lia_fake_json_at (request, "version", "number");
        gint64 number = vn && JSON_NODE_HOLDS_VALUE (vn) ? json_node_get_int (vn) : 0;

        if (number != page->version + 1)
          {
            g_autofree char *text = g_strdup_printf ("Version must be incremented on update. Current version is: %u",
                                                     page->version);
            reply_error (fake, msg, 409, text);
            return;
          }
        if (g_strcmp0 (str_at (request, "id", NULL), page->id) != 0)
          {
            reply_error (fake, msg, 400, "id in the body differs from the path");
            return;
          }
        if (!apply_page (fake, page, request, &status, &reason))
          {
            reply_error (fake, msg, status, reason);
            return;
          }
        page->version++;
        reply_page (fake, msg, 200, page, TRUE);
        return;
      }
    if (g_str_equal (method, "PUT") && g_strcmp0 (parts[1], "move") == 0 && fake->no_move)
      {
        /* Data Center before 7.x: no such resource. */
        soup_server_message_set_status (msg, 404, NULL);
        soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html>Not Found</html>", 22);
        return;
      }
    if (g_str_equal (method, "PUT") && g_strcmp0 (parts[1], "move") == 0 && parts[2] && parts[3])
      {
        FakePage *target = find_page (fake, parts[3]);
        g_autofree char *text = g_strdup_printf ("{\"pageId\":\"%s\"}", page->id);
        g_autoptr(JsonNode) node = json_from_string (text, NULL);

        if (target == NULL || target == page)
          {
            reply_error (fake, msg, 404, "No target page");
            return;
          }
        if (g_str_equal (parts[2], "append"))
          {
            g_free (page->parent);
            page->parent = g_strdup (target->id);
            page->pos = last_pos (fake, target->id);
          }
        else if (g_str_equal (parts[2], "after") || g_str_equal (parts[2], "before"))
          {
            g_free (page->parent);
            page->parent = g_strdup (target->parent);
            page->pos = target->pos + (g_str_equal (parts[2], "after") ? 0.5 : -0.5);
            /* Renumber the siblings 1, 2, 3 … in their new order. */
            {
              g_autoptr(GPtrArray) siblings = g_ptr_array_new ();
              for (guint i = 0; i < fake->pages->len; i++)
                if (g_str_equal (((FakePage *) fake->pages->pdata[i])->parent, page->parent))
                  g_ptr_array_add (siblings, fake->pages->pdata[i]);
              for (guint i = 0; i < siblings->len; i++)
                for (guint j = i + 1; j < siblings->len; j++)
                  if (((FakePage *) siblings->pdata[j])->pos < ((FakePage *) siblings->pdata[i])->pos)
                    {
                      gpointer t = siblings->pdata[i];
                      siblings->pdata[i] = siblings->pdata[j];
                      siblings->pdata[j] = t;
                    }
              for (guint i = 0; i < siblings->len; i++)
                ((FakePage *) siblings->pdata[i])->pos = i + 1;
            }
          }
        else
          {
            reply_error (fake, msg, 400, "position must be before, after or append");
            return;
          }
        reply_json (msg, 200, node);
        return;
      }
  }
  soup_server_message_set_status (msg, 405, NULL);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  FakeTracker *fake = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *raw_path = g_uri_get_path (soup_server_message_get_uri (msg));
  const char *prefix = project_prefix (fake);
  const char *auth_header = g_str_equal (fake->service, "gitlab") ? "PRIVATE-TOKEN" : "Authorization";
  FakeFault fault = FAKE_FAULT_NONE;
  g_autoptr(JsonNode) request = NULL;
  gboolean is_create;

  is_create = g_str_equal (method, "POST") &&
              (g_str_has_suffix (raw_path, "/issue") || g_str_has_suffix (raw_path, "/issues") ||
               g_str_has_suffix (raw_path, "/rest/api/content") || g_str_has_suffix (raw_path, "/api/v2/pages"));
  if (is_create && !g_queue_is_empty (&fake->faults))
    fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));

  if (fault == FAKE_FAULT_RESET)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
      g_io_stream_close (stream, NULL, NULL);
      return;
    }
  if (fault == FAKE_FAULT_429 || fault == FAKE_FAULT_503)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
      reply_error (fake, msg, fault == FAKE_FAULT_429 ? 429 : 503, "try again later");
      return;
    }
  if (fault == FAKE_FAULT_401 || g_strcmp0 (soup_message_headers_get_one (headers, auth_header), fake->auth) != 0)
    {
      soup_server_message_set_status (msg, 401, NULL);
      return;
    }
  if (g_str_equal (fake->service, "github") &&
      g_strcmp0 (soup_message_headers_get_one (headers, "Accept"), "application/vnd.github+json") != 0)
    {
      reply_error (fake, msg, 415, "Accept: application/vnd.github+json required");
      return;
    }

  request = parse_request (msg);
  if (!g_str_equal (method, "GET"))
    fake->writes++;
  if (g_str_equal (fake->service, "confluence"))
    {
      handle_confluence (fake, msg, method, raw_path, query, request, fault);
      return;
    }

  /* Lists the forms use. */
  if (g_str_equal (method, "GET") && (strstr (raw_path, "/assignable/search") || g_str_has_suffix (raw_path, "/assignees") ||
                                      g_str_has_suffix (raw_path, "/members/all")))
    {
      g_autoptr(JsonNode) node = NULL;
      const char *text = g_str_equal (fake->service, "jira-cloud") ? "[{\"accountId\":\"acc-1\",\"displayName\":\"推理工程师A\"}]"
                         : g_str_equal (fake->service, "jira-dc") ? "[{\"name\":\"infer-a\",\"displayName\":\"推理工程师A\"}]"
                         : g_str_equal (fake->service, "github") ? "[{\"login\":\"infer-a\"}]"
                         : "[{\"id\":7,\"username\":\"infer-a\",\"name\":\"推理工程师A\"}]";
      node = json_from_string (text, NULL);
      reply_json (msg, 200, node);
      return;
    }
  if (g_str_equal (method, "GET") && is_jira (fake) && g_str_has_suffix (raw_path, "/project/VLLM"))
    {
      g_autoptr(JsonNode) node = json_from_string ("{\"key\":\"VLLM\",\"issueTypes\":[{\"name\":\"故事\"},{\"name\":\"Story\"},{\"name\":\"Epic\"},{\"name\":\"Task\"},{\"name\":\"Bug\"}]}", NULL);
      reply_json (msg, 200, node);
      return;
    }
  if (g_str_equal (method, "GET") && !is_jira (fake) && g_str_equal (raw_path, prefix))
    {
      g_autoptr(JsonNode) node = json_from_string ("{\"id\":1}", NULL);
      reply_json (msg, 200, node);
      return;
    }
  if (!is_jira (fake) && g_str_has_suffix (raw_path, "/milestones"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      const char *title = str_at (request, "title", NULL);

      if (g_str_equal (method, "POST"))
        {
          if (title == NULL || !*title)
            {
              reply_error (fake, msg, 422, "title");
              return;
            }
          g_ptr_array_add (fake->milestones, g_strdup (title));
        }
      json_builder_begin_array (b);
      for (guint i = 0; i < fake->milestones->len; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, i + 1);
          json_builder_set_member_name (b, "number");
          json_builder_add_int_value (b, i + 1);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, fake->milestones->pdata[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      if (g_str_equal (method, "POST"))
        {
          JsonNode *last = json_array_get_element (json_node_get_array (node), fake->milestones->len - 1);
          reply_json (msg, 201, last);
        }
      else
        reply_json (msg, 200, node);
      return;
    }

  /* Search by label. */
  if (g_str_equal (method, "GET") && (strstr (raw_path, "/search") || (g_str_has_suffix (raw_path, "/issues") && query)))
    {
      const char *jql = query ? g_hash_table_lookup (query, "jql") : NULL;
      const char *labels = query ? g_hash_table_lookup (query, "labels") : NULL;
      g_autofree char *wanted = NULL;
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      if (jql && g_str_has_prefix (jql, "labels = \""))
        wanted = g_strndup (jql + strlen ("labels = \""), strlen (jql) - strlen ("labels = \"") - 1);
      else if (labels)
        wanted = g_strdup (labels);
      if (wanted == NULL)
        {
          reply_error (fake, msg, 400, "unsupported search");
          return;
        }
      if (is_jira (fake))
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "issues");
        }
      json_builder_begin_array (b);
      for (guint i = 0; i < fake->issues->len; i++)
        if (has_marker (fake->issues->pdata[i], wanted))
          json_builder_add_value (b, render (fake, fake->issues->pdata[i]));
      json_builder_end_array (b);
      if (is_jira (fake))
        json_builder_end_object (b);
      node = json_builder_get_root (b);
      reply_json (msg, 200, node);
      return;
    }

  if (is_create)
    {
      FakeIssue *issue = g_new0 (FakeIssue, 1);
      g_autofree char *reason = NULL;
      g_autoptr(JsonNode) node = NULL;

      issue->summary = g_strdup ("");
      issue->type = g_strdup (is_jira (fake) ? "" : "issue");
      issue->priority = g_strdup ("Medium");
      issue->assignee = g_strdup ("");
      issue->due = g_strdup ("");
      issue->epic = g_strdup ("");
      issue->labels = g_new0 (char *, 1);
      if (!apply_fields (fake, issue, request, TRUE, &reason))
        {
          issue_free (issue);
          reply_error (fake, msg, is_jira (fake) ? 400 : 422, reason);
          return;
        }
      fake->next_number++;
      issue->key = is_jira (fake) ? g_strdup_printf ("VLLM-%u", fake->next_number) : g_strdup_printf ("%u", fake->next_number);
      g_free (stamp (fake, issue));
      g_ptr_array_add (fake->issues, issue);

      if (fault == FAKE_FAULT_LOST)
        {
          g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
          g_io_stream_close (stream, NULL, NULL);
          return;
        }
      if (fault == FAKE_FAULT_500_AFTER)
        {
          reply_error (fake, msg, 500, "internal error");
          return;
        }
      if (fault == FAKE_FAULT_MALFORMED)
        {
          soup_server_message_set_status (msg, 201, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"key\": ", 8);
          return;
        }
      if (is_jira (fake))
        {
          g_autofree char *text = g_strdup_printf ("{\"id\":\"1%s\",\"key\":\"%s\",\"self\":\"%s/rest/api/2/issue/%s\"}",
                                                   issue->key + 5, issue->key, fake->url, issue->key);
          node = json_from_string (text, NULL);
        }
      else
        node = render (fake, issue);
      reply_json (msg, 201, node);
      if (fault == FAKE_FAULT_SLOW)
        soup_server_message_pause (msg), g_object_set_data (G_OBJECT (msg), "slow", GUINT_TO_POINTER (3000));
      return;
    }

  /* /…/issue/KEY or /…/issues/N */
  {
    const char *slash = strrchr (raw_path, '/');
    g_autofree char *key = g_uri_unescape_string (slash + 1, NULL);
    FakeIssue *issue = find_issue (fake, key);
    g_autofree char *reason = NULL;

    if (issue == NULL)
      {
        soup_server_message_set_status (msg, 404, NULL);
        return;
      }
    if (g_str_equal (method, "GET"))
      {
        g_autoptr(JsonNode) node = render (fake, issue);
        reply_json (msg, 200, node);
        return;
      }
    if (g_str_equal (method, "PUT") || g_str_equal (method, "PATCH"))
      {
        if (!apply_fields (fake, issue, request, FALSE, &reason))
          {
            reply_error (fake, msg, is_jira (fake) ? 400 : 422, reason);
            return;
          }
        g_free (stamp (fake, issue));
        if (is_jira (fake))
          soup_server_message_set_status (msg, 204, NULL);
        else
          {
            g_autoptr(JsonNode) node = render (fake, issue);
            reply_json (msg, 200, node);
          }
        return;
      }
  }
  soup_server_message_set_status (msg, 405, NULL);
}

static gboolean
unpause (gpointer data)
{
  soup_server_message_unpause (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* What a real server might send but json-glib would never write: the
 * answer as rendered, with one piece of text replaced by raw bytes. */
static void
patch_answer (FakeTracker       *fake,
              SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (g_string_replace (text, fake->patch_from, fake->patch_to, 0) == 0)
    return;
  soup_message_body_truncate (body);
  soup_message_body_append (body, SOUP_MEMORY_COPY, text->str, text->len);
}

/* Latency and slow answers: hold the message, answer later. */
static void
request_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  FakeTracker *fake = user_data;
  guint delay;

  g_mutex_lock (&fake->lock);
  fake->in_flight++;
  fake->peak = MAX (fake->peak, fake->in_flight);
  handle (server, msg, path, query, fake);
  if (fake->patch_from != NULL)
    patch_answer (fake, msg);
  delay = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "slow"));
  g_mutex_unlock (&fake->lock);

  if (delay == 0 && fake->latency_ms > 0)
    {
      soup_server_message_pause (msg);
      delay = fake->latency_ms;
    }
  if (delay > 0)
    {
      GSource *source = g_timeout_source_new (delay);
      g_source_set_callback (source, unpause, g_object_ref (msg), NULL);
      g_source_attach (source, fake->context);
      g_source_unref (source);
    }
}

static void
finished (SoupServer        *server,
          SoupServerMessage *msg,
          gpointer           user_data)
{
  FakeTracker *fake = user_data;

  g_mutex_lock (&fake->lock);
  if (fake->in_flight > 0)
    fake->in_flight--;
  g_mutex_unlock (&fake->lock);
}

static gpointer
serve (gpointer data)
{
  FakeTracker *fake = data;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (fake->context);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, request_handler, fake, NULL);
  g_signal_connect (fake->server, "request-finished", G_CALLBACK (finished), fake);
  g_signal_connect (fake->server, "request-aborted", G_CALLBACK (finished), fake);
  if (!soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("fake tracker: %s", error->message);
  uris = soup_server_get_uris (fake->server);
  g_mutex_lock (&fake->lock);
  fake->url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (fake->url, "/"))
    fake->url[strlen (fake->url) - 1] = '\0';
  if (fake->cloud)
    {
      /* Confluence Cloud lives under the site's /wiki. */
      char *wiki = g_strconcat (fake->url, "/wiki", NULL);
      g_free (fake->url);
      fake->url = wiki;
    }
  g_cond_signal (&fake->ready);
  g_mutex_unlock (&fake->lock);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_main_loop_run (fake->loop);
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_main_context_pop_thread_default (fake->context);
  return NULL;
}

FakeTracker *
fake_tracker_new (const char *service,
                  const char *token,
                  const char *user)
{
  FakeTracker *fake = g_new0 (FakeTracker, 1);

  fake->service = g_strdup (service);
  if (g_str_equal (service, "jira-cloud") || (g_str_equal (service, "confluence") && user != NULL))
    {
      g_autofree char *pair = g_strconcat (user, ":", token, NULL);
      g_autofree char *b64 = g_base64_encode ((const guchar *) pair, strlen (pair));
      fake->auth = g_strconcat ("Basic ", b64, NULL);
    }
  else if (g_str_equal (service, "gitlab"))
    fake->auth = g_strdup (token);
  else
    fake->auth = g_strconcat ("Bearer ", token, NULL);
  fake->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  fake->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  if (g_str_equal (service, "confluence"))
    {
      /* With a user (Basic e-mail:token) it is Cloud, else Data Center
       * (a Bearer personal access token). */
      fake->cloud = user != NULL;
      fake->page_limit = fake->cloud ? 250 : 25;
      /* Every space has a home page. */
      FakePage *home = page_new ();
      home->id = g_strdup ("1");
      home->title = g_strdup ("DOCS Home");
      home->body = g_strdup ("<p>Welcome</p>");
      home->version = 1;
      home->pos = 1;
      g_ptr_array_add (fake->pages, home);
    }
  fake->milestones = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&fake->faults);
  g_mutex_init (&fake->lock);
  g_cond_init (&fake->ready);
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);
  g_mutex_lock (&fake->lock);
  fake->thread = g_thread_new ("fake-tracker", serve, fake);
  while (fake->url == NULL)
    g_cond_wait (&fake->ready, &fake->lock);
  g_mutex_unlock (&fake->lock);
  return fake;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
fake_tracker_free (FakeTracker *fake)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, quit_cb, fake->loop, NULL);
  g_source_attach (source, fake->context);
  g_source_unref (source);
  g_thread_join (fake->thread);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_ptr_array_unref (fake->issues);
  g_ptr_array_unref (fake->pages);
  g_ptr_array_unref (fake->milestones);
  g_queue_clear (&fake->faults);
  g_free (fake->service);
  g_free (fake->auth);
  g_free (fake->url);
  g_free (fake->last_error);
  g_free (fake->patch_from);
  g_free (fake->patch_to);
  g_mutex_clear (&fake->lock);
  g_cond_clear (&fake->ready);
  g_free (fake);
}

const char *
fake_tracker_get_url (FakeTracker *fake)
{
  return fake->url;
}

const char *
fake_tracker_get_project (FakeTracker *fake)
{
  return is_jira (fake) ? "VLLM" : "team/vllm";
}

void
fake_tracker_set_latency (FakeTracker *fake,
                          guint        ms)
{
  fake->latency_ms = ms;
}

void
fake_tracker_patch_answers (FakeTracker *fake,
                            const char  *from,
                            const char  *to)
{
  g_mutex_lock (&fake->lock);
  g_free (fake->patch_from);
  g_free (fake->patch_to);
  fake->patch_from = g_strdup (from);
  fake->patch_to = g_strdup (to);
  g_mutex_unlock (&fake->lock);
}

void
fake_tracker_add_fault (FakeTracker *fake,
                        FakeFault    fault)
{
  g_mutex_lock (&fake->lock);
  g_queue_push_tail (&fake->faults, GUINT_TO_POINTER (fault));
  g_mutex_unlock (&fake->lock);
}

guint
fake_tracker_count_marker (FakeTracker *fake,
                           const char  *marker)
{
  g_autofree char *label = g_strconcat ("liaison-", marker, NULL);
  guint n = 0;

  g_mutex_lock (&fake->lock);
  for (guint i = 0; i < fake->issues->len; i++)
    n += has_marker (fake->issues->pdata[i], label);
  g_mutex_unlock (&fake->lock);
  return n;
}

guint
fake_tracker_get_n_issues (FakeTracker *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->issues->len;
  g_mutex_unlock (&fake->lock);
  return n;
}

guint
fake_tracker_get_peak (FakeTracker *fake)
{
  return fake->peak;
}

JsonNode *
fake_tracker_get_issue (FakeTracker *fake,
                        const char  *key)
{
  JsonNode *node = NULL;
  FakeIssue *issue;

  g_mutex_lock (&fake->lock);
  issue = find_issue (fake, key);
  if (issue)
    node = render (fake, issue);
  g_mutex_unlock (&fake->lock);
  return node;
}

void
fake_tracker_remote_edit (FakeTracker *fake,
                          const char  *key,
                          const char  *summary,
                          gboolean     close)
{
  FakeIssue *issue;

  g_mutex_lock (&fake->lock);
  issue = find_issue (fake, key);
  if (issue)
    {
      if (summary)
        {
          g_free (issue->summary);
          issue->summary = g_strdup (summary);
        }
      issue->closed = close;
      g_free (stamp (fake, issue));
    }
  g_mutex_unlock (&fake->lock);
}

const char *
fake_tracker_get_last_error (FakeTracker *fake)
{
  return fake->last_error;
}

/* ---- Confluence pages, for the tests ---------------------------------- */

guint
fake_tracker_get_writes (FakeTracker *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->writes;
  g_mutex_unlock (&fake->lock);
  return n;
}

JsonNode *
fake_wiki_get_page (FakeTracker *fake,
                    const char  *id_or_title)
{
  JsonNode *node = NULL;
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      render_page (fake, b, page, TRUE);
      node = json_builder_get_root (b);
    }
  g_mutex_unlock (&fake->lock);
  return node;
}

static void
outline (FakeTracker *fake,
         GString     *out,
         const char  *parent,
         guint        depth)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();

  for (guint i = 0; i < fake->pages->len; i++)
    if (g_str_equal (((FakePage *) fake->pages->pdata[i])->parent, parent))
      g_ptr_array_add (children, fake->pages->pdata[i]);
  for (guint i = 0; i < children->len; i++)
    for (guint j = i + 1; j < children->len; j++)
      if (((FakePage *) children->pdata[j])->pos < ((FakePage *) children->pdata[i])->pos)
        {
          gpointer t = children->pdata[i];
          children->pdata[i] = children->pdata[j];
          children->pdata[j] = t;
        }
  for (guint i = 0; i < children->len; i++)
    {
      FakePage *page = children->pdata[i];
      for (guint d = 0; d < depth; d++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s\n", page->title);
      outline (fake, out, page->id, depth + 1);
    }
}

char *
fake_wiki_outline (FakeTracker *fake)
{
  GString *out = g_string_new (NULL);

  g_mutex_lock (&fake->lock);
  outline (fake, out, "", 0);
  g_mutex_unlock (&fake->lock);
  return g_string_free (out, FALSE);
}

void
fake_wiki_remote_edit (FakeTracker *fake,
                       const char  *id_or_title,
                       const char  *body)
{
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page)
    {
      g_free (page->body);
      page->body = g_strdup (body);
      page->version++;
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_wiki_set_no_move (FakeTracker *fake)
{
  g_mutex_lock (&fake->lock);
  fake->no_move = TRUE;
  g_mutex_unlock (&fake->lock);
}

void
fake_wiki_set_page_limit (FakeTracker *fake,
                          guint        limit)
{
  g_mutex_lock (&fake->lock);
  fake->page_limit = limit;
  g_mutex_unlock (&fake->lock);
}

char *
fake_wiki_get_marker (FakeTracker *fake,
                      const char  *id_or_title)
{
  char *marker = NULL;
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page && fake->cloud && g_hash_table_lookup (page->props, "liaison-marker"))
    {
      g_autoptr(JsonNode) node = json_from_string (g_hash_table_lookup (page->props, "liaison-marker"), NULL);
      if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        marker = g_strdup (json_node_get_string (node));
    }
  for (guint i = 0; page && !fake->cloud && page->labels[i] && marker == NULL; i++)
    if (g_str_has_prefix (page->labels[i], "liaison-"))
      marker = g_strdup (page->labels[i] + strlen ("liaison-"));
  g_mutex_unlock (&fake->lock);
  return marker;
}

void
fake_wiki_set_marker_label (FakeTracker *fake,
                            const char  *id_or_title)
{
  FakePage *page;

  g_mutex_lock (&fake->lock);
  page = find_page (fake, id_or_title);
  if (page == NULL)
    page = find_page_title (fake, id_or_title);
  if (page && g_hash_table_lookup (page->props, "liaison-marker"))
    {
      g_autoptr(JsonNode) node = json_from_string (g_hash_table_lookup (page->props, "liaison-marker"), NULL);
      char *labels[] = { g_strconcat ("liaison-", json_node_get_string (node), NULL), NULL };

      g_strfreev (page->labels);
      page->labels = g_strdupv (labels);
      g_free (labels[0]);
      g_hash_table_remove (page->props, "liaison-marker");
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_wiki_add_page (FakeTracker *fake,
                    const char  *title)
{
  FakePage *page = page_new ();

  g_mutex_lock (&fake->lock);
  page->id = g_strdup_printf ("%u", 1000 + ++fake->next_number);
  page->title = g_strdup (title);
  page->body = g_strdup ("<p>someone else’s</p>");
  page->version = 1;
  page->pos = last_pos (fake, "");
  g_ptr_array_add (fake->pages, page);
  g_mutex_unlock (&fake->lock);
}
