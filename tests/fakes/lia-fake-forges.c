/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake's GitHub and GitLab: paged lists, milestones, labels, search,
 * GitHub's schema checks and secondary rate limit. */
#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "lia-fake-tracker-private.h"
#include "lia-oracle.h"

/* GitHub checks a request against its operation's schema before anything
 * else; the oracle holds GitHub's own OpenAPI description. */
static gboolean
github_oracle_refuses (FakeTracker       *fake,
                       SoupServerMessage *msg,
                       const char        *method,
                       const char        *path,
                       GHashTable        *query,
                       JsonNode          *request)
{
  g_autofree char *answer = NULL;
  guint status = 0;

  if (!lia_oracle_enabled () || lia_oracle_check_github (method, path, query, request, &status, &answer))
    return FALSE;
  g_free (fake->last_error);
  fake->last_error = g_strdup (answer);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, answer, strlen (answer));
  return TRUE;
}

/* GitHub and GitLab answer lists one page at a time: GitHub 30 items
 * unless per_page asks for up to 100, with a Link header to the next and
 * last pages; GitLab 20, with X-Next-Page (empty on the last page), X-Page,
 * X-Total and a Link header too. */
static void
reply_paged (FakeTracker       *fake,
             SoupServerMessage *msg,
             const char        *raw_path,
             GHashTable        *query,
             JsonArray         *all)
{
  gboolean github = g_str_equal (fake->service, "github");
  const char *per_page_text = query ? g_hash_table_lookup (query, "per_page") : NULL;
  const char *page_text = query ? g_hash_table_lookup (query, "page") : NULL;
  guint per_page = CLAMP (per_page_text ? atoi (per_page_text) : (github ? 30 : 20), 1, 100);
  guint page = MAX (page_text ? atoi (page_text) : 1, 1);
  guint total = json_array_get_length (all);
  guint pages = MAX (1, (total + per_page - 1) / per_page);
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
  g_autoptr(JsonArray) slice = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *number = NULL;

  for (guint i = (page - 1) * per_page; i < total && i < page * per_page; i++)
    json_array_add_element (slice, json_node_copy (json_array_get_element (all, i)));
  json_node_set_array (node, slice);
  if (page < pages)
    {
      g_autoptr(GHashTable) next = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *next_number = g_strdup_printf ("%u", page + 1);
      g_autofree char *last_number = g_strdup_printf ("%u", pages);
      g_autofree char *next_query = NULL;
      g_autofree char *last_query = NULL;
      g_autofree char *link = NULL;
      GHashTableIter iter;
      gpointer key, value;

      if (query)
        {
          g_hash_table_iter_init (&iter, query);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_hash_table_insert (next, key, value);
              g_hash_table_insert (last, key, value);
            }
        }
      g_hash_table_insert (next, (gpointer) "page", next_number);
      g_hash_table_insert (last, (gpointer) "page", last_number);
      next_query = soup_form_encode_hash (next);
      last_query = soup_form_encode_hash (last);
      link = g_strdup_printf ("<%s%s?%s>; rel=\"next\", <%s%s?%s>; rel=\"last\"",
                              fake->url, raw_path, next_query, fake->url, raw_path, last_query);
      soup_message_headers_replace (out, "Link", link);
    }
  if (!github)
    {
      g_autofree char *next = page < pages ? g_strdup_printf ("%u", page + 1) : g_strdup ("");
      g_autofree char *text = NULL;

      soup_message_headers_replace (out, "X-Next-Page", next);
      soup_message_headers_replace (out, "X-Page", (number = g_strdup_printf ("%u", page)));
      soup_message_headers_replace (out, "X-Per-Page", (text = g_strdup_printf ("%u", per_page)));
      g_free (text);
      soup_message_headers_replace (out, "X-Total", (text = g_strdup_printf ("%u", total)));
      g_free (text);
      soup_message_headers_replace (out, "X-Total-Pages", (text = g_strdup_printf ("%u", pages)));
    }
  fake_reply_json (msg, 200, node);
}

static JsonNode *
github_label_list (FakeIssue *issue)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; issue->labels[i]; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, issue->labels[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

/* What only GitHub and GitLab have: the repository or project, paged lists
 * of users, milestones and projects, GitHub's label endpoints and its
 * search.  FALSE when @raw_path is none of these. */
gboolean
fake_forge_handle (FakeTracker       *fake,
                   SoupServerMessage *msg,
                   const char        *method,
                   const char        *raw_path,
                   GHashTable        *query,
                   JsonNode          *request)
{
  gboolean github = g_str_equal (fake->service, "github");
  const char *prefix = fake_project_prefix (fake);
  gboolean get = g_str_equal (method, "GET");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  /* libsoup hands the path decoded or not, depending on the version. */
  if (get && (g_str_equal (raw_path, prefix) || g_str_equal (raw_path, "/projects/team/vllm")))
    {
      /* The repository tells the token's user what they may do. */
      g_autofree char *text = github ? g_strdup_printf ("{\"id\":1,\"full_name\":\"team/vllm\",\"permissions\":{\"admin\":false,\"push\":%s,\"pull\":true}}",
                                                        fake->no_push ? "false" : "true")
                                     : g_strdup ("{\"id\":1,\"path_with_namespace\":\"team/vllm\"}");
      node = json_from_string (text, NULL);
      fake_reply_json (msg, 200, node);
      return TRUE;
    }
  if (get && (g_str_equal (raw_path, "/user/repos") || g_str_equal (raw_path, "/projects") ||
              g_str_has_suffix (raw_path, github ? "/assignees" : "/members/all")))
    {
      gboolean users = !g_str_equal (raw_path, "/user/repos") && !g_str_equal (raw_path, "/projects");
      guint n = users ? fake->extra_users : fake->extra_projects;

      json_builder_begin_array (b);
      for (guint i = 0; i <= n; i++)
        {
          g_autofree char *name = i < n ? g_strdup_printf (users ? "user-%03u" : "team/repo-%03u", i)
                                        : g_strdup (users ? "infer-a" : "team/vllm");
          json_builder_begin_object (b);
          if (!users)
            json_builder_set_member_name (b, github ? "full_name" : "path_with_namespace");
          else if (github)
            json_builder_set_member_name (b, "login");
          else
            {
              json_builder_set_member_name (b, "id");
              json_builder_add_int_value (b, i < n ? 1000 + i : 7);
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, i < n ? name : "推理工程师A");
              json_builder_set_member_name (b, "username");
            }
          json_builder_add_string_value (b, name);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      reply_paged (fake, msg, raw_path, query, json_node_get_array (node));
      return TRUE;
    }
  if (g_str_has_suffix (raw_path, "/milestones"))
    {
      const char *title = fake_str_at (request, "title", NULL);

      if (g_str_equal (method, "POST"))
        {
          const char *due = fake_str_at (request, github ? "due_on" : "due_date", NULL);

          if (title == NULL || !*title)
            {
              fake_reply_error (fake, msg, 422, "title");
              return TRUE;
            }
          if (github && fake->no_push)
            {
              fake_reply_error (fake, msg, 403, "Must have push access to repository");
              return TRUE;
            }
          for (guint i = 0; i < fake->milestones->len; i++)
            if (g_str_equal (fake->milestones->pdata[i], title))
              {
                /* Titles are unique in a repository or project. */
                fake_reply_error (fake, msg, github ? 422 : 400, "title already_exists");
                return TRUE;
              }
          g_ptr_array_add (fake->milestones, g_strdup (title));
          g_ptr_array_add (fake->milestone_due, g_strdup (due ? due : ""));
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
        fake_reply_json (msg, 201, json_array_get_element (json_node_get_array (node), fake->milestones->len - 1));
      else
        reply_paged (fake, msg, raw_path, query, json_node_get_array (node));
      return TRUE;
    }
  if (github && strstr (raw_path, "/labels") && g_str_has_prefix (raw_path, "/repos/team/vllm/issues/"))
    {
      /* POST …/issues/N/labels adds, DELETE …/issues/N/labels/NAME removes
       * one; both answer the labels left. */
      g_autofree char *key = g_strndup (raw_path + strlen ("/repos/team/vllm/issues/"),
                                        strcspn (raw_path + strlen ("/repos/team/vllm/issues/"), "/"));
      FakeIssue *issue = fake_find_issue (fake, key);
      const char *after = strstr (raw_path, "/labels") + strlen ("/labels");

      if (issue == NULL)
        {
          soup_server_message_set_status (msg, 404, NULL);
          return TRUE;
        }
      if (fake->no_push)
        {
          fake_reply_error (fake, msg, 403, "Must have push access to repository");
          return TRUE;
        }
      if (g_str_equal (method, "POST") && *after == '\0')
        {
          JsonNode *labels = fake_json_at (request, "labels", NULL);
          GStrvBuilder *sb = g_strv_builder_new ();

          if (labels == NULL || !JSON_NODE_HOLDS_ARRAY (labels) || json_array_get_length (json_node_get_array (labels)) == 0)
            {
              g_strv_builder_unref (sb);
              fake_reply_error (fake, msg, 422, "labels");
              return TRUE;
            }
          g_strv_builder_addv (sb, (const char **) issue->labels);
          for (guint i = 0; i < json_array_get_length (json_node_get_array (labels)); i++)
            {
              const char *l = json_array_get_string_element (json_node_get_array (labels), i);
              gboolean have = FALSE;

              for (guint j = 0; l && issue->labels[j]; j++)
                have |= g_ascii_strcasecmp (issue->labels[j], l) == 0;
              if (l && !have)
                g_strv_builder_add (sb, l);
            }
          g_strfreev (issue->labels);
          issue->labels = g_strv_builder_end (sb);
          g_strv_builder_unref (sb);
        }
      else if (g_str_equal (method, "DELETE") && *after == '/')
        {
          g_autofree char *name = g_uri_unescape_string (after + 1, NULL);
          GStrvBuilder *sb = g_strv_builder_new ();
          gboolean found = FALSE;

          for (guint i = 0; issue->labels[i]; i++)
            if (name && g_ascii_strcasecmp (issue->labels[i], name) == 0)
              found = TRUE;
            else
              g_strv_builder_add (sb, issue->labels[i]);
          g_strfreev (issue->labels);
          issue->labels = g_strv_builder_end (sb);
          g_strv_builder_unref (sb);
          if (!found)
            {
              fake_reply_error (fake, msg, 404, "Label does not exist");
              return TRUE;
            }
        }
      else
        {
          soup_server_message_set_status (msg, 405, NULL);
          return TRUE;
        }
      g_free (fake_stamp (fake, issue));
      node = github_label_list (issue);
      fake_reply_json (msg, 200, node);
      return TRUE;
    }
  if (github && get && g_str_equal (raw_path, "/search/issues"))
    {
      /* Only what this fake's callers ask: repo:team/vllm and one quoted
       * phrase, looked for in bodies.  The index lags: the newest
       * search_lag issues are not in it yet. */
      const char *q = query ? g_hash_table_lookup (query, "q") : NULL;
      const char *open = q ? strchr (q, '"') : NULL;
      const char *close = open ? strchr (open + 1, '"') : NULL;
      g_autofree char *phrase = close ? g_strndup (open + 1, close - open - 1) : NULL;
      guint visible = fake->issues->len > fake->search_lag ? fake->issues->len - fake->search_lag : 0;
      guint count = 0;

      if (phrase == NULL || strstr (q, "repo:team/vllm") == NULL)
        {
          fake_reply_error (fake, msg, 422, "q");
          return TRUE;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "incomplete_results");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint i = 0; i < visible; i++)
        {
          FakeIssue *issue = fake->issues->pdata[i];
          const char *body = issue->description && JSON_NODE_HOLDS_VALUE (issue->description) &&
                             json_node_get_value_type (issue->description) == G_TYPE_STRING
                             ? json_node_get_string (issue->description) : "";

          if (strstr (body, phrase))
            {
              json_builder_add_value (b, fake_render (fake, issue));
              count++;
            }
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "total_count");
      json_builder_add_int_value (b, count);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      fake_reply_json (msg, 200, node);
      return TRUE;
    }
  return FALSE;
}

/* What GitHub refuses before it looks at the request's meaning: a missing
 * media type, a body its OpenAPI description does not allow, and writes
 * that come too close together (its secondary rate limit).  TRUE when
 * answered.  The parsing before the media type check changes nothing:
 * parsing has no side effect. */
gboolean
fake_github_refuses (FakeTracker       *fake,
                     SoupServerMessage *msg,
                     const char        *method,
                     const char        *raw_path,
                     GHashTable        *query,
                     JsonNode          *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (g_strcmp0 (soup_message_headers_get_one (headers, "Accept"), "application/vnd.github+json") != 0)
    {
      fake_reply_error (fake, msg, 415, "Accept: application/vnd.github+json required");
      return TRUE;
    }
  if (github_oracle_refuses (fake, msg, method, raw_path, query, request))
    return TRUE;
  if (fake->secondary_gap_ms > 0 && !g_str_equal (method, "GET"))
    {
      /* GitHub's secondary limit, scaled down in time: a write while
       * another is being served, or sooner than the gap after the last
       * one, is refused with a 403 and no rate-limit headers, as GitHub
       * answers integrations that do not send writes one at a time. */
      if (fake->writes_in_flight > 0 ||
          g_get_monotonic_time () - fake->last_write_end < (gint64) fake->secondary_gap_ms * 1000)
        {
          fake->secondary_hits++;
          static const char limited[] =
            "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\","
            "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits\","
            "\"status\":\"403\"}";

          soup_server_message_set_status (msg, 403, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, limited, strlen (limited));
          return TRUE;
        }
      fake->writes_in_flight++;
      g_object_set_data (G_OBJECT (msg), "fake-write", GUINT_TO_POINTER (1));
    }
  return FALSE;
}

/* GitHub's and GitLab's checks of a create or edit; FALSE with the
 * field GitHub names or GitLab's message. */
gboolean
fake_forge_apply_fields (FakeTracker *fake,
                         FakeIssue   *issue,
                         JsonNode    *request,
                         gboolean     create,
                         char       **reason)
{
  JsonObject *o = json_node_get_object (request);
  JsonNode *labels_node, *description;
  gboolean github = g_str_equal (fake->service, "github");
  const char *title = fake_str_at (request, "title", NULL);

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
  /* GitHub drops these silently for a user without push access. */
  if (github && fake->no_push)
    {
      json_object_remove_member (o, "labels");
      json_object_remove_member (o, "assignees");
      json_object_remove_member (o, "milestone");
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
  if (!github && (fake_str_at (request, "add_labels", NULL) || fake_str_at (request, "remove_labels", NULL)))
    {
      g_auto(GStrv) add = g_strsplit (fake_str_at (request, "add_labels", NULL) ? fake_str_at (request, "add_labels", NULL) : "", ",", -1);
      g_auto(GStrv) remove = g_strsplit (fake_str_at (request, "remove_labels", NULL) ? fake_str_at (request, "remove_labels", NULL) : "", ",", -1);
      GStrvBuilder *sb = g_strv_builder_new ();

      for (guint i = 0; issue->labels[i]; i++)
        if (!g_strv_contains ((const char * const *) remove, issue->labels[i]))
          g_strv_builder_add (sb, issue->labels[i]);
      for (guint i = 0; add[i]; i++)
        if (*add[i] && !g_strv_contains ((const char * const *) issue->labels, add[i]) &&
            !g_strv_contains ((const char * const *) remove, add[i]))
          g_strv_builder_add (sb, add[i]);
      g_strfreev (issue->labels);
      issue->labels = g_strv_builder_end (sb);
      g_strv_builder_unref (sb);
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
      g_free (issue->milestone);
      issue->milestone = g_strdup (number > 0 ? fake->milestones->pdata[number - 1] : "");
    }
  /* GitLab: null or 0 unassigns the milestone. */
  if (!github && json_object_has_member (o, "milestone_id"))
    {
      JsonNode *m = json_object_get_member (o, "milestone_id");
      gint64 id = JSON_NODE_HOLDS_VALUE (m) ? json_node_get_int (m) : 0;

      if (id < 0 || id > (gint64) fake->milestones->len)
        return (*reason = g_strdup ("milestone_id is invalid")), FALSE;
      g_free (issue->milestone);
      issue->milestone = g_strdup (id > 0 ? fake->milestones->pdata[id - 1] : "");
    }
  if (!github && fake_str_at (request, "due_date", NULL))
    {
      g_free (issue->due);
      issue->due = g_strdup (fake_str_at (request, "due_date", NULL));
    }
  return TRUE;
}

/* The members of a GitHub or GitLab issue as their REST APIs show them. */
void
fake_forge_render (FakeTracker *fake,
                   FakeIssue   *issue,
                   JsonBuilder *b,
                   const char  *updated)
{
  gboolean github = g_str_equal (fake->service, "github");
  g_autofree char *web = NULL;

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
  json_builder_set_member_name (b, "milestone");
  if (issue->milestone && *issue->milestone)
    {
      guint n = 0;

      while (n < fake->milestones->len && !g_str_equal (fake->milestones->pdata[n], issue->milestone))
        n++;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, github ? "number" : "id");
      json_builder_add_int_value (b, n + 1);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, issue->milestone);
      json_builder_set_member_name (b, github ? "due_on" : "due_date");
      json_builder_add_string_value (b, n < fake->milestone_due->len ? fake->milestone_due->pdata[n] : "");
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
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

void
fake_github_set_secondary_limit (FakeTracker *fake,
                                 guint        gap_ms)
{
  g_mutex_lock (&fake->lock);
  fake->secondary_gap_ms = gap_ms;
  g_mutex_unlock (&fake->lock);
}

guint
fake_github_get_secondary_hits (FakeTracker *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->secondary_hits;
  g_mutex_unlock (&fake->lock);
  return n;
}

void
fake_tracker_add_users (FakeTracker *fake,
                        guint        n)
{
  g_mutex_lock (&fake->lock);
  fake->extra_users += n;
  g_mutex_unlock (&fake->lock);
}

void
fake_tracker_add_projects (FakeTracker *fake,
                           guint        n)
{
  g_mutex_lock (&fake->lock);
  fake->extra_projects += n;
  g_mutex_unlock (&fake->lock);
}

void
fake_tracker_add_milestone (FakeTracker *fake,
                            const char  *title,
                            const char  *due)
{
  g_mutex_lock (&fake->lock);
  g_ptr_array_add (fake->milestones, g_strdup (title));
  g_ptr_array_add (fake->milestone_due, g_strdup (due ? due : ""));
  g_mutex_unlock (&fake->lock);
}

guint
fake_tracker_get_n_milestones (FakeTracker *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->milestones->len;
  g_mutex_unlock (&fake->lock);
  return n;
}

void
fake_tracker_set_push_access (FakeTracker *fake,
                              gboolean     push)
{
  g_mutex_lock (&fake->lock);
  fake->no_push = !push;
  g_mutex_unlock (&fake->lock);
}

void
fake_tracker_set_search_index_lag (FakeTracker *fake,
                                   guint        n)
{
  g_mutex_lock (&fake->lock);
  fake->search_lag = n;
  g_mutex_unlock (&fake->lock);
}

void
fake_tracker_remote_label (FakeTracker *fake,
                           const char  *key,
                           const char  *label,
                           gboolean     add)
{
  FakeIssue *issue;

  g_mutex_lock (&fake->lock);
  issue = fake_find_issue (fake, key);
  if (issue)
    {
      GStrvBuilder *sb = g_strv_builder_new ();

      for (guint i = 0; issue->labels[i]; i++)
        if (!g_str_equal (issue->labels[i], label))
          g_strv_builder_add (sb, issue->labels[i]);
      if (add)
        g_strv_builder_add (sb, label);
      g_strfreev (issue->labels);
      issue->labels = g_strv_builder_end (sb);
      g_strv_builder_unref (sb);
      g_free (fake_stamp (fake, issue));
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_tracker_remote_milestone (FakeTracker *fake,
                               const char  *key,
                               const char  *title)
{
  FakeIssue *issue;
  guint n = 0;

  g_mutex_lock (&fake->lock);
  while (n < fake->milestones->len && !g_str_equal (fake->milestones->pdata[n], title))
    n++;
  if (n == fake->milestones->len)
    {
      g_ptr_array_add (fake->milestones, g_strdup (title));
      g_ptr_array_add (fake->milestone_due, g_strdup (""));
    }
  issue = fake_find_issue (fake, key);
  if (issue)
    {
      g_free (issue->milestone);
      issue->milestone = g_strdup (title);
      g_free (fake_stamp (fake, issue));
    }
  g_mutex_unlock (&fake->lock);
}
