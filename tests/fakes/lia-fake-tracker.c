/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake tracker's core: the loopback server thread, faults, latency,
 * the issue store and the request dispatch shared by Jira, GitHub and
 * GitLab; each service's own endpoints live in lia-fake-<service>.c. */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "lia-fake-tracker-private.h"

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
  g_free (issue->milestone);
  g_free (issue);
}

gboolean
fake_is_jira (FakeTracker *fake)
{
  return g_str_has_prefix (fake->service, "jira");
}

const char *
fake_project_prefix (FakeTracker *fake)
{
  if (g_str_equal (fake->service, "jira-cloud"))
    return "/rest/api/3";
  if (g_str_equal (fake->service, "jira-dc"))
    return "/rest/api/2";
  if (g_str_equal (fake->service, "github"))
    return "/repos/team/vllm";
  return "/projects/team%2Fvllm";
}

FakeIssue *
fake_find_issue (FakeTracker *fake,
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

char *
fake_stamp (FakeTracker *fake,
            FakeIssue   *issue)
{
  issue->version = ++fake->clock;
  return g_strdup_printf ("2026-11-25T10:%02u:%02u.000+0000", (issue->version / 60) % 60, issue->version % 60);
}

JsonNode *
fake_render (FakeTracker *fake,
             FakeIssue   *issue)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *updated = g_strdup_printf ("2026-11-25T10:%02u:%02u.000+0000", (issue->version / 60) % 60, issue->version % 60);

  json_builder_begin_object (b);
  if (fake_is_jira (fake))
    fake_jira_render (fake, issue, b, updated);
  else
    fake_forge_render (fake, issue, b, updated);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

void
fake_reply_json (SoupServerMessage *msg,
                 guint              status,
                 JsonNode          *node)
{
  g_autofree char *text = node ? json_to_string (node, FALSE) : g_strdup ("");

  soup_server_message_set_status (msg, status, NULL);
  if (*text)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

void
fake_reply_error (FakeTracker       *fake,
                  SoupServerMessage *msg,
                  guint              status,
                  const char        *reason)
{
  g_autofree char *body = NULL;
  g_autofree char *escaped = g_strescape (reason, "");

  g_free (fake->last_error);
  fake->last_error = g_strdup (reason);
  if (fake_is_jira (fake) && strchr (reason, '\n'))
    {
      /* "FIELD\nmessage": Jira's per-field error */
      g_autofree char *field = g_strndup (reason, strcspn (reason, "\n"));
      g_autofree char *message = g_strescape (strchr (reason, '\n') + 1, "");

      body = g_strdup_printf ("{\"errorMessages\":[],\"errors\":{\"%s\":\"%s\"}}", field, message);
    }
  else if (fake_is_jira (fake))
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

const char *
fake_str_at (JsonNode   *node,
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

JsonNode *
fake_json_at (JsonNode   *node,
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
  if (request == NULL || !JSON_NODE_HOLDS_OBJECT (request))
    return (*reason = g_strdup ("the body is not a JSON object")), FALSE;
  if (fake_is_jira (fake))
    return fake_jira_apply_fields (fake, issue, request, create, reason);
  return fake_forge_apply_fields (fake, issue, request, create, reason);
}

static gboolean
has_marker (FakeIssue  *issue,
            const char *label)
{
  return g_strv_contains ((const char * const *) issue->labels, label);
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
      fake_reply_error (fake, msg, fault == FAKE_FAULT_429 ? 429 : 503, "try again later");
      return;
    }
  if (fault == FAKE_FAULT_401 || g_strcmp0 (soup_message_headers_get_one (headers, auth_header), fake->auth) != 0)
    {
      soup_server_message_set_status (msg, 401, NULL);
      return;
    }
  request = parse_request (msg);
  if (g_str_equal (fake->service, "github") && fake_github_refuses (fake, msg, method, raw_path, query, request))
    return;
  if (!g_str_equal (method, "GET"))
    fake->writes++;
  if (g_str_equal (fake->service, "confluence"))
    {
      fake_confluence_handle (fake, msg, method, raw_path, query, request, fault);
      return;
    }
  if (!fake_is_jira (fake) && !is_create && fake_forge_handle (fake, msg, method, raw_path, query, request))
    return;

  if (fake_is_jira (fake))
    {
      const char *q = g_uri_get_query (soup_server_message_get_uri (msg));
      g_ptr_array_add (fake->jira_log, g_strdup_printf ("%s %s%s%s", method, raw_path, q ? "?" : "", q ? q : ""));
    }
  if (fake_jira_handle_meta (fake, msg, method, raw_path, query))
    return;

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
      fake_reply_json (msg, 200, node);
      return;
    }
  if (g_str_equal (method, "GET") && fake_is_jira (fake) && g_str_has_suffix (raw_path, "/project/VLLM"))
    {
      g_autoptr(JsonNode) node = json_from_string ("{\"key\":\"VLLM\",\"issueTypes\":[{\"name\":\"故事\"},{\"name\":\"Story\"},{\"name\":\"Epic\"},{\"name\":\"Task\"},{\"name\":\"Bug\"}]}", NULL);
      fake_reply_json (msg, 200, node);
      return;
    }
  /* Search by label. */
  if (g_str_equal (method, "GET") && (strstr (raw_path, "/search") || (g_str_has_suffix (raw_path, "/issues") && query)))
    {
      const char *jql = query ? g_hash_table_lookup (query, "jql") : NULL;
      const char *labels = query ? g_hash_table_lookup (query, "labels") : NULL;
      g_autofree char *wanted = NULL;
      guint matches = 0;
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      if (jql && g_str_has_prefix (jql, "labels = \""))
        wanted = g_strndup (jql + strlen ("labels = \""), strlen (jql) - strlen ("labels = \"") - 1);
      else if (labels)
        wanted = g_strdup (labels);
      if (wanted == NULL)
        {
          fake_reply_error (fake, msg, 400, "unsupported search");
          return;
        }
      if (fake_is_jira (fake))
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "issues");
        }
      json_builder_begin_array (b);
      for (guint i = 0; i < fake->issues->len; i++)
        {
          FakeIssue *issue = fake->issues->pdata[i];

          /* Eventually consistent: new issues show up after the lag. */
          if (g_get_monotonic_time () - issue->created < (gint64) fake->search_lag_ms * 1000)
            continue;
          if (has_marker (issue, wanted))
            {
              json_builder_add_value (b, fake_render (fake, issue));
              matches++;
            }
        }
      json_builder_end_array (b);
      if (fake_is_jira (fake))
        {
          /* Cloud's /search/jql pages by nextPageToken (absent on the
           * last page); Data Center's /search by startAt and total. */
          if (g_str_equal (fake->service, "jira-cloud"))
            {
              json_builder_set_member_name (b, "isLast");
              json_builder_add_boolean_value (b, TRUE);
            }
          else
            {
              json_builder_set_member_name (b, "startAt");
              json_builder_add_int_value (b, 0);
              json_builder_set_member_name (b, "maxResults");
              json_builder_add_int_value (b, 50);
              json_builder_set_member_name (b, "total");
              json_builder_add_int_value (b, matches);
            }
          json_builder_end_object (b);
        }
      node = json_builder_get_root (b);
      fake_reply_json (msg, 200, node);
      return;
    }

  if (is_create)
    {
      FakeIssue *issue = g_new0 (FakeIssue, 1);
      g_autofree char *reason = NULL;
      g_autoptr(JsonNode) node = NULL;

      issue->summary = g_strdup ("");
      issue->type = g_strdup (fake_is_jira (fake) ? "" : "issue");
      issue->priority = g_strdup ("Medium");
      issue->assignee = g_strdup ("");
      issue->due = g_strdup ("");
      issue->epic = g_strdup ("");
      issue->labels = g_new0 (char *, 1);
      issue->milestone = g_strdup ("");
      if (!apply_fields (fake, issue, request, TRUE, &reason))
        {
          issue_free (issue);
          fake_reply_error (fake, msg, fake_is_jira (fake) ? 400 : 422, reason);
          return;
        }
      fake->next_number++;
      issue->key = fake_is_jira (fake) ? g_strdup_printf ("VLLM-%u", fake->next_number) : g_strdup_printf ("%u", fake->next_number);
      g_free (fake_stamp (fake, issue));
      issue->created = g_get_monotonic_time ();
      g_ptr_array_add (fake->issues, issue);

      if (fault == FAKE_FAULT_LOST)
        {
          g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
          g_io_stream_close (stream, NULL, NULL);
          return;
        }
      if (fault == FAKE_FAULT_500_AFTER)
        {
          fake_reply_error (fake, msg, 500, "internal error");
          return;
        }
      if (fault == FAKE_FAULT_503_AFTER)
        {
          fake_reply_error (fake, msg, 503, "service unavailable");
          return;
        }
      if (fault == FAKE_FAULT_MALFORMED)
        {
          soup_server_message_set_status (msg, 201, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"key\": ", 8);
          return;
        }
      if (fake_is_jira (fake))
        {
          g_autofree char *text = g_strdup_printf ("{\"id\":\"1%s\",\"key\":\"%s\",\"self\":\"%s/rest/api/2/issue/%s\"}",
                                                   issue->key + 5, issue->key, fake->url, issue->key);
          node = json_from_string (text, NULL);
        }
      else
        node = fake_render (fake, issue);
      fake_reply_json (msg, 201, node);
      if (fault == FAKE_FAULT_SLOW)
        soup_server_message_pause (msg), g_object_set_data (G_OBJECT (msg), "slow", GUINT_TO_POINTER (3000));
      return;
    }

  /* /…/issue/KEY or /…/issues/N */
  {
    const char *slash = strrchr (raw_path, '/');
    g_autofree char *key = g_uri_unescape_string (slash + 1, NULL);
    FakeIssue *issue = fake_find_issue (fake, key);
    g_autofree char *reason = NULL;

    if (issue == NULL)
      {
        soup_server_message_set_status (msg, 404, NULL);
        return;
      }
    if (g_str_equal (method, "GET"))
      {
        g_autoptr(JsonNode) node = fake_render (fake, issue);
        fake_reply_json (msg, 200, node);
        return;
      }
    if (g_str_equal (method, "PUT") || g_str_equal (method, "PATCH"))
      {
        if (!apply_fields (fake, issue, request, FALSE, &reason))
          {
            fake_reply_error (fake, msg, fake_is_jira (fake) ? 400 : 422, reason);
            return;
          }
        g_free (fake_stamp (fake, issue));
        if (fake_is_jira (fake))
          soup_server_message_set_status (msg, 204, NULL);
        else
          {
            g_autoptr(JsonNode) node = fake_render (fake, issue);
            fake_reply_json (msg, 200, node);
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
  if (g_object_get_data (G_OBJECT (msg), "fake-write") != NULL && fake->writes_in_flight > 0)
    {
      fake->writes_in_flight--;
      fake->last_write_end = g_get_monotonic_time ();
    }
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
  fake->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_page_free);
  if (g_str_equal (service, "confluence"))
    {
      /* With a user (Basic e-mail:token) it is Cloud, else Data Center
       * (a Bearer personal access token). */
      fake->cloud = user != NULL;
      fake->page_limit = fake->cloud ? 250 : 25;
      fake_confluence_init (fake);
    }
  fake->milestones = g_ptr_array_new_with_free_func (g_free);
  if (g_str_has_prefix (service, "jira"))
    fake_jira_init (fake);
  fake->milestone_due = g_ptr_array_new_with_free_func (g_free);
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
  g_clear_pointer (&fake->jira_users, g_ptr_array_unref);
  g_clear_pointer (&fake->jira_log, g_ptr_array_unref);
  g_free (fake->epic_name_id);
  g_free (fake->epic_link_id);
  g_ptr_array_unref (fake->milestone_due);
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
  return fake_is_jira (fake) ? "VLLM" : "team/vllm";
}

void
fake_tracker_set_latency (FakeTracker *fake,
                          guint        ms)
{
  fake->latency_ms = ms;
}

void
fake_tracker_set_search_lag (FakeTracker *fake,
                             guint        ms)
{
  g_mutex_lock (&fake->lock);
  fake->search_lag_ms = ms;
  g_mutex_unlock (&fake->lock);
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
  issue = fake_find_issue (fake, key);
  if (issue)
    node = fake_render (fake, issue);
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
  issue = fake_find_issue (fake, key);
  if (issue)
    {
      if (summary)
        {
          g_free (issue->summary);
          issue->summary = g_strdup (summary);
        }
      issue->closed = close;
      g_free (fake_stamp (fake, issue));
    }
  g_mutex_unlock (&fake->lock);
}

const char *
fake_tracker_get_last_error (FakeTracker *fake)
{
  return fake->last_error;
}

guint
fake_tracker_get_writes (FakeTracker *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->writes;
  g_mutex_unlock (&fake->lock);
  return n;
}
