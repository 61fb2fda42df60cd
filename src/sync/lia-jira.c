/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-jira"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-markup.h"
#include "lia-sync-private.h"
#include "lia-text-list.h"

/* Jira Cloud (REST v3: ADF descriptions, epics as parent, Basic auth with
 * e-mail and API token) and Jira Data Center (REST v2: wiki-markup
 * descriptions, the Epic Link custom field, Bearer personal access token).
 * The marker is a label, liaison-UUID, found again with JQL.
 *
 * Jira refuses a whole create or edit when one field is not on the
 * project's screen for that issue type, so every write first reads the
 * screen (create metadata per issue type, edit metadata per issue), once
 * per tracker object, and sends only what the screen has; the rest becomes
 * a warning on the issue. */

/* Lists are read a page at a time; this many pages at most. */
#define MAX_PAGES 50
#define PAGE_SIZE 100

#define EPIC_NAME_TYPE "com.pyxis.greenhopper.jira:gh-epic-label"
#define EPIC_LINK_TYPE "com.pyxis.greenhopper.jira:gh-epic-link"

/* The fields of one create or edit screen. */
typedef struct
{
  GHashTable *names;       /* field id → its name on the screen */
  char       *epic_name;   /* the Epic Name field's id, or NULL */
  char       *epic_link;   /* the Epic Link field's id, or NULL */
} Screen;

typedef struct
{
  LiaTracker  parent_instance;
  GMutex      lock;
  GMutex      loading;     /* held while a screen is read, so each is read once */
  GHashTable *types;       /* folded issue type name → id; NULL until read */
  GHashTable *screens;     /* "create\nTYPE" or "edit\nTYPE" → Screen */
  GHashTable *people;      /* folded typed name → account, or NULL */
  char       *epic_link;   /* an Epic Link field found on a screen, or NULL */
  gboolean    fields_read; /* /field was read to find it */
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

/* ---- paging ------------------------------------------------------------ */

typedef void (*PageItemFunc) (JsonNode *item,
                              gpointer  data);

/* Reads @path (which may hold a query already) page by page with startAt
 * and maxResults, handing each item of the list under one of @keys (or of
 * the answer itself when @keys is NULL) to @each.  The end is isLast when
 * the answer has it, else total, else a short page; @empty_page_ends says
 * that only an empty page ends the list (Cloud's assignable-user search
 * filters each page after cutting it, so its pages are often short). */
static gboolean
get_pages (LiaTracker         *self,
           const char         *path,
           const char * const *keys,
           gboolean            empty_page_ends,
           PageItemFunc        each,
           gpointer            data,
           GCancellable       *cancellable,
           GError            **error)
{
  guint start = 0;

  for (guint page = 0; page < MAX_PAGES; page++)
    {
      g_autofree char *url = g_strdup_printf ("%s%sstartAt=%u&maxResults=%u", path, strchr (path, '?') ? "&" : "?",
                                              start, PAGE_SIZE);
      g_autoptr(JsonNode) reply = NULL;
      JsonArray *items = NULL;
      JsonNode *last, *total;
      guint n;

      if (!lia_tracker_call (self, "GET", url, NULL, NULL, &reply, cancellable, error))
        return FALSE;
      if (keys == NULL)
        items = lia_json_array (reply, NULL);
      for (guint k = 0; keys && keys[k] && items == NULL; k++)
        items = lia_json_array (reply, keys[k]);
      if (items == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer is not a list"), url);
          return FALSE;
        }
      n = json_array_get_length (items);
      for (guint i = 0; i < n; i++)
        each (json_array_get_element (items, i), data);
      if (n == 0)
        return TRUE;
      last = lia_json_at (reply, "isLast");
      total = lia_json_at (reply, "total");
      if (last && JSON_NODE_HOLDS_VALUE (last) && json_node_get_value_type (last) == G_TYPE_BOOLEAN)
        {
          if (json_node_get_boolean (last))
            return TRUE;
        }
      else if (total && JSON_NODE_HOLDS_VALUE (total) && json_node_get_value_type (total) == G_TYPE_INT64)
        {
          if (start + n >= json_node_get_int (total))
            return TRUE;
        }
      else if (!empty_page_ends && n < PAGE_SIZE)
        return TRUE;
      start += n;
    }
  /* Translators: %s is a request path; the first %u counts pages, the
   * second is the number of issues on each page */
  g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY,
               ngettext ("GET %s: the list goes on after %u page of %u; Liaison reads no further",
                         "GET %s: the list goes on after %u pages of %u; Liaison reads no further", MAX_PAGES),
               path, MAX_PAGES, PAGE_SIZE);
  return FALSE;
}

/* ---- screens ------------------------------------------------------------ */

static void
screen_free (gpointer data)
{
  Screen *screen = data;

  g_hash_table_unref (screen->names);
  g_free (screen->epic_name);
  g_free (screen->epic_link);
  g_free (screen);
}

static Screen *
screen_new (void)
{
  Screen *screen = g_new0 (Screen, 1);

  screen->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return screen;
}

typedef struct
{
  Screen *screen;
  char   *epic_name_by_name;   /* when no field has the schema type */
  char   *epic_link_by_name;
} ScreenReader;

static void
set_str (char      **field,
         const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
screen_add (ScreenReader *reader,
            const char   *id,
            JsonNode     *meta)
{
  const char *name = lia_json_str (meta, "name");
  const char *custom = lia_json_str (meta, "schema.custom");

  if (id == NULL || *id == '\0')
    return;
  g_hash_table_insert (reader->screen->names, g_strdup (id), g_strdup (*name ? name : id));
  /* The schema type names the Epic fields whatever their ids and
   * whatever language the site shows; their English names are the
   * fallback for sites where the schema is not given. */
  if (g_str_equal (custom, EPIC_NAME_TYPE))
    set_str (&reader->screen->epic_name, id);
  else if (g_str_equal (custom, EPIC_LINK_TYPE))
    set_str (&reader->screen->epic_link, id);
  else if (g_ascii_strcasecmp (name, "Epic Name") == 0)
    set_str (&reader->epic_name_by_name, id);
  else if (g_ascii_strcasecmp (name, "Epic Link") == 0)
    set_str (&reader->epic_link_by_name, id);
}

static void
screen_add_item (JsonNode *item,
                 gpointer  data)
{
  const char *id = lia_json_str (item, "fieldId");

  screen_add (data, *id ? id : lia_json_str (item, "key"), item);
}

static Screen *
screen_reader_end (ScreenReader *reader)
{
  if (reader->screen->epic_name == NULL)
    reader->screen->epic_name = g_steal_pointer (&reader->epic_name_by_name);
  if (reader->screen->epic_link == NULL)
    reader->screen->epic_link = g_steal_pointer (&reader->epic_link_by_name);
  g_clear_pointer (&reader->epic_name_by_name, g_free);
  g_clear_pointer (&reader->epic_link_by_name, g_free);
  return g_steal_pointer (&reader->screen);
}

/* Keeps @screen under @key unless another thread was first; returns the
 * one kept. */
static Screen *
keep_screen (LiaJira    *jira,
             const char *key,
             Screen     *screen)
{
  Screen *kept;

  g_mutex_lock (&jira->lock);
  kept = g_hash_table_lookup (jira->screens, key);
  if (kept == NULL)
    {
      g_hash_table_insert (jira->screens, g_strdup (key), screen);
      kept = screen;
      if (screen->epic_link && jira->epic_link == NULL)
        jira->epic_link = g_strdup (screen->epic_link);
    }
  else
    screen_free (screen);
  g_mutex_unlock (&jira->lock);
  return kept;
}

static void
add_type (JsonNode *item,
          gpointer  data)
{
  const char *name = lia_json_str (item, "name");
  g_autofree char *id = lia_json_scalar (item, "id");

  if (*name && id && *id)
    g_hash_table_insert (data, g_utf8_casefold (name, -1), g_steal_pointer (&id));
}

/* The issue types the user may create in the project, folded name → id. */
static gboolean
load_types (LiaTracker    *self,
            GCancellable  *cancellable,
            GError       **error)
{
  LiaJira *jira = (LiaJira *) self;
  static const char * const keys[] = { "values", "issueTypes", "createMetaIssueType", NULL };
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("%s/issue/createmeta/%s/issuetypes", api (self), project);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean known;

  g_mutex_lock (&jira->lock);
  known = jira->types != NULL;
  g_mutex_unlock (&jira->lock);
  if (known)
    return TRUE;
  if (!get_pages (self, path, keys, FALSE, add_type, types, cancellable, error))
    return FALSE;
  g_mutex_lock (&jira->lock);
  if (jira->types == NULL)
    jira->types = g_steal_pointer (&types);
  g_mutex_unlock (&jira->lock);
  return TRUE;
}

/* The create screen of issue type @type in the account's project. */
static Screen *
create_screen_locked (LiaTracker    *self,
                      const char    *type,
                      GCancellable  *cancellable,
                      GError       **error)
{
  LiaJira *jira = (LiaJira *) self;
  static const char * const keys[] = { "values", "fields", "results", NULL };
  g_autofree char *key = g_strconcat ("create\n", type, NULL);
  g_autofree char *folded = g_utf8_casefold (type, -1);
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *id = NULL, *escaped = NULL, *path = NULL;
  ScreenReader reader = { screen_new (), NULL, NULL };
  Screen *screen;

  g_mutex_lock (&jira->lock);
  screen = g_hash_table_lookup (jira->screens, key);
  g_mutex_unlock (&jira->lock);
  if (screen != NULL)
    {
      screen_free (reader.screen);
      return screen;
    }
  if (!load_types (self, cancellable, error))
    {
      screen_free (reader.screen);
      return NULL;
    }
  g_mutex_lock (&jira->lock);
  id = g_strdup (g_hash_table_lookup (jira->types, folded));
  g_mutex_unlock (&jira->lock);
  if (id == NULL)
    {
      screen_free (reader.screen);
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                   _("type: project %s has no issue type “%s” that you can create"),
                   lia_tracker_get_project (self), type);
      return NULL;
    }
  escaped = g_uri_escape_string (id, NULL, TRUE);
  path = g_strdup_printf ("%s/issue/createmeta/%s/issuetypes/%s", api (self), project, escaped);
  if (!get_pages (self, path, keys, FALSE, screen_add_item, &reader, cancellable, error))
    {
      screen_free (screen_reader_end (&reader));
      return NULL;
    }
  return keep_screen (jira, key, screen_reader_end (&reader));
}

static Screen *
create_screen (LiaTracker    *self,
               const char    *type,
               GCancellable  *cancellable,
               GError       **error)
{
  LiaJira *jira = (LiaJira *) self;
  Screen *screen;

  g_mutex_lock (&jira->loading);
  screen = create_screen_locked (self, type, cancellable, error);
  g_mutex_unlock (&jira->loading);
  return screen;
}

/* The edit screen of issue @issue_key, kept for its issue type. */
static Screen *
edit_screen_locked (LiaTracker    *self,
                    const char    *issue_key,
                    const char    *type,
                    GCancellable  *cancellable,
                    GError       **error)
{
  LiaJira *jira = (LiaJira *) self;
  g_autofree char *key = g_strconcat ("edit\n", type, NULL);
  g_autofree char *escaped = g_uri_escape_string (issue_key, NULL, TRUE);
  g_autofree char *path = g_strdup_printf ("%s/issue/%s/editmeta", api (self), escaped);
  g_autoptr(JsonNode) reply = NULL;
  ScreenReader reader = { NULL, NULL, NULL };
  JsonNode *fields;
  Screen *screen;

  g_mutex_lock (&jira->lock);
  screen = *type ? g_hash_table_lookup (jira->screens, key) : NULL;
  g_mutex_unlock (&jira->lock);
  if (screen != NULL)
    return screen;
  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  fields = lia_json_at (reply, "fields");
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer has no fields"), path);
      return NULL;
    }
  reader.screen = screen_new ();
  {
    JsonObjectIter iter;
    const char *id;
    JsonNode *meta;

    json_object_iter_init (&iter, json_node_get_object (fields));
    while (json_object_iter_next (&iter, &id, &meta))
      screen_add (&reader, id, meta);
  }
  if (*type == '\0')
    {
      /* No type to keep it under: used once. */
      g_autofree char *once = g_strconcat ("edit\n", issue_key, NULL);
      return keep_screen (jira, once, screen_reader_end (&reader));
    }
  return keep_screen (jira, key, screen_reader_end (&reader));
}

static Screen *
edit_screen (LiaTracker    *self,
             const char    *issue_key,
             const char    *type,
             GCancellable  *cancellable,
             GError       **error)
{
  LiaJira *jira = (LiaJira *) self;
  Screen *screen;

  g_mutex_lock (&jira->loading);
  screen = edit_screen_locked (self, issue_key, type, cancellable, error);
  g_mutex_unlock (&jira->loading);
  return screen;
}

/* The Epic Link field for reading issues on Data Center: the account's
 * setting, one seen on a screen, or the field of that schema type in the
 * site's field list. */
static char *
epic_link_field (LiaTracker   *self,
                 GCancellable *cancellable)
{
  LiaJira *jira = (LiaJira *) self;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *fields;
  char *found = NULL;
  gboolean read;

  if (is_cloud (self))
    return g_strdup ("");
  if (*lia_tracker_get_epic_field (self))
    return g_strdup (lia_tracker_get_epic_field (self));
  g_mutex_lock (&jira->lock);
  found = g_strdup (jira->epic_link);
  read = jira->fields_read;
  g_mutex_unlock (&jira->lock);
  if (found || read)
    return found ? found : g_strdup ("");

  /* Not finding it only costs the epic of what is read. */
  path = g_strconcat (api (self), "/field", NULL);
  if (lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, NULL) &&
      (fields = lia_json_array (reply, NULL)) != NULL)
    for (guint i = 0; i < json_array_get_length (fields) && found == NULL; i++)
      {
        JsonNode *f = json_array_get_element (fields, i);
        if (g_str_equal (lia_json_str (f, "schema.custom"), EPIC_LINK_TYPE))
          found = g_strdup (lia_json_str (f, "id"));
      }
  g_mutex_lock (&jira->lock);
  jira->fields_read = TRUE;
  if (jira->epic_link == NULL && found)
    jira->epic_link = g_strdup (found);
  g_mutex_unlock (&jira->lock);
  return found ? found : g_strdup ("");
}

/* ---- people ------------------------------------------------------------- */

/* Cloud account ids: 24 hex digits (older accounts) or NNNNNN:UUID. */
static gboolean
looks_like_account_id (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^([0-9a-f]{24}|[0-9]{1,10}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$",
                                                    G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (regex, text, 0, NULL);
}

typedef struct
{
  gboolean   cloud;
  char      *folded;
  GPtrArray *ids;       /* of those whose name, e-mail or id is the typed one */
  GPtrArray *names;
} PersonSearch;

static void
person_seen (JsonNode *user,
             gpointer  data)
{
  PersonSearch *search = data;
  const char *id = search->cloud ? lia_json_str (user, "accountId") : lia_json_str (user, "name");
  const char *fields[] = { lia_json_str (user, "displayName"), lia_json_str (user, "emailAddress"), id,
                           search->cloud ? "" : lia_json_str (user, "key") };

  if (*id == '\0' || g_ptr_array_find_with_equal_func (search->ids, id, g_str_equal, NULL))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = g_utf8_casefold (fields[i], -1);
      if (*fields[i] && g_str_equal (folded, search->folded))
        {
          g_ptr_array_add (search->ids, g_strdup (id));
          g_ptr_array_add (search->names, g_strdup (*fields[0] ? fields[0] : id));
          return;
        }
    }
}

/* The account (Cloud) or user name (Data Center) for what the user typed:
 * a display name, an e-mail address, or the id itself.  Jira searches by
 * prefix, so only an exact match counts; Cloud only looks past its first
 * thousand accounts when given a query, so the typed text is the query. */
static char *
find_person (LiaTracker    *self,
             const char    *typed,
             GCancellable  *cancellable,
             GError       **error)
{
  LiaJira *jira = (LiaJira *) self;
  g_autofree char *folded = g_utf8_casefold (typed, -1);
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *query = g_uri_escape_string (typed, NULL, TRUE);
  g_autofree char *path = NULL;
  PersonSearch search = { is_cloud (self), folded, NULL, NULL };
  char *account = NULL;

  if (is_cloud (self) && looks_like_account_id (typed))
    return g_strdup (typed);
  g_mutex_lock (&jira->lock);
  account = g_strdup (g_hash_table_lookup (jira->people, folded));
  g_mutex_unlock (&jira->lock);
  if (account)
    return account;

  path = g_strdup_printf ("%s/user/assignable/search?project=%s&%s=%s", api (self), project,
                          is_cloud (self) ? "query" : "username", query);
  search.ids = g_ptr_array_new_with_free_func (g_free);
  search.names = g_ptr_array_new_with_free_func (g_free);
  if (get_pages (self, path, NULL, is_cloud (self), person_seen, &search, cancellable, error))
    {
      if (search.ids->len == 1)
        account = g_strdup (search.ids->pdata[0]);
      else if (search.ids->len == 0)
        g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                     _("assignee: no one called “%s” can be assigned in project %s"),
                     typed, lia_tracker_get_project (self));
      else
        {
          g_autofree char *names = NULL;

          g_ptr_array_add (search.names, NULL);
          names = lia_text_list_join ((const char * const *) search.names->pdata);
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_VALIDATION,
                       is_cloud (self) ? _("assignee: “%s” matches several people (%s); use the account ID")
                                       : _("assignee: “%s” matches several people (%s); use the user name"),
                       typed, names);
        }
    }
  g_ptr_array_unref (search.ids);
  g_ptr_array_unref (search.names);
  if (account)
    {
      g_mutex_lock (&jira->lock);
      g_hash_table_insert (jira->people, g_steal_pointer (&folded), g_strdup (account));
      g_mutex_unlock (&jira->lock);
    }
  return account;
}

/* ---- what is sent ------------------------------------------------------- */

typedef struct
{
  LiaTracker *self;
  LiaIssue   *issue;
  Screen     *screen;
  gboolean    create;
  const char *type;
} Send;

/* TRUE when @id is on the screen; otherwise the issue gets a warning
 * that @what (Liaison's word) was not sent, naming Jira's field @label. */
static gboolean
on_screen (Send       *send,
           const char *id,
           const char *what,
           const char *label)
{
  g_autofree char *warning = NULL;

  if (g_hash_table_contains (send->screen->names, id))
    return TRUE;
  if (send->create)
    /* TRANSLATORS: "due date not set: the Bug screen in VLLM has no Due date field" */
    warning = g_strdup_printf (_("%1$s not set: the %2$s screen in %3$s has no %4$s field"),
                               what, send->type, lia_tracker_get_project (send->self), label);
  else
    /* TRANSLATORS: "due date not updated: the edit screen of VLLM-7 has no Due date field" */
    warning = g_strdup_printf (_("%1$s not updated: the edit screen of %2$s has no %3$s field"),
                               what, send->issue->key, label);
  lia_issue_add_warning (send->issue, warning);
  return FALSE;
}

/* Whether to send field @id holding @value: a value when the screen has
 * the field (else a warning); an empty value never on a create, and on
 * an edit as null only when the edit screen has the field (clearing what
 * is not there is no news, so no warning). */
static gboolean
to_send (Send       *send,
         const char *id,
         const char *value,
         const char *what,
         const char *label)
{
  if (*value)
    return on_screen (send, id, what, label);
  return !send->create && g_hash_table_contains (send->screen->names, id);
}

static void
add_key_object (JsonBuilder *b,
                const char  *member,
                const char  *key,
                const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
  json_builder_end_object (b);
}

/* The body of a create (@create) or an edit.  A create sends only what the
 * user filled in; an edit may send null to clear a field, and only for a
 * field on the edit screen (Jira would refuse the whole edit otherwise).
 * Labels on an edit are added one by one (the "update" verbs), never set:
 * setting them would drop the labels others added in Jira. */
static JsonNode *
build_body (LiaTracker    *self,
            LiaIssue      *issue,
            gboolean       create,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *marker = lia_tracker_marker_label (issue->marker);
  g_autofree char *account = NULL;
  const char *type = *issue->type ? issue->type : (issue->is_epic ? "Epic" : "Story");
  const char *priority = priority_name (issue->priority);
  const char *epic_field = NULL;
  gboolean labels = FALSE;
  Send send = { self, issue, NULL, create, type };

  if (*issue->summary == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID, _("summary: required"));
      return NULL;
    }
  send.screen = create ? create_screen (self, type, cancellable, error)
                       : edit_screen (self, issue->key, issue->type, cancellable, error);
  if (send.screen == NULL)
    return NULL;

  if (*issue->assignee != '\0' && on_screen (&send, "assignee", _("assignee"), "Assignee"))
    {
      account = find_person (self, issue->assignee, cancellable, error);
      if (account == NULL)
        return NULL;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  if (create)
    {
      add_key_object (b, "project", "key", lia_tracker_get_project (self));
      add_key_object (b, "issuetype", "name", type);
    }
  if (create || on_screen (&send, "summary", _("summary"), "Summary"))
    {
      json_builder_set_member_name (b, "summary");
      json_builder_add_string_value (b, issue->summary);
    }
  if (create && send.screen->epic_name != NULL)
    {
      /* Jira Software Data Center (and older Cloud projects) require the
       * epic's short name on create: its summary serves. */
      json_builder_set_member_name (b, send.screen->epic_name);
      json_builder_add_string_value (b, issue->summary);
    }
  if (to_send (&send, "description", issue->description, _("description"), "Description"))
    {
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
    }
  if (priority != NULL && on_screen (&send, "priority", _("priority"), "Priority"))
    add_key_object (b, "priority", "name", priority);
  if (account != NULL)
    add_key_object (b, "assignee", is_cloud (self) ? "accountId" : "name", account);
  else if (*issue->assignee == '\0' && to_send (&send, "assignee", "", _("assignee"), "Assignee"))
    {
      json_builder_set_member_name (b, "assignee");
      json_builder_add_null_value (b);
    }
  if (to_send (&send, "duedate", issue->due, _("due date"), "Due date"))
    {
      json_builder_set_member_name (b, "duedate");
      if (*issue->due)
        json_builder_add_string_value (b, issue->due);
      else
        json_builder_add_null_value (b);
    }
  if (*issue->epic)
    {
      if (is_cloud (self))
        epic_field = "parent";
      else if (*lia_tracker_get_epic_field (self))
        epic_field = lia_tracker_get_epic_field (self);
      else
        epic_field = send.screen->epic_link;
      if (epic_field == NULL)
        epic_field = "customfield_epic_link";   /* only for the warning below */
      if (!on_screen (&send, epic_field, _("epic"), is_cloud (self) ? "Parent" : "Epic Link"))
        epic_field = NULL;
      else if (is_cloud (self))
        add_key_object (b, "parent", "key", issue->epic);
      else
        {
          json_builder_set_member_name (b, epic_field);
          json_builder_add_string_value (b, issue->epic);
        }
    }
  labels = on_screen (&send, "labels", create ? _("labels (and Liaison’s marker)") : _("labels"), "Labels");
  if (create && labels)
    {
      json_builder_set_member_name (b, "labels");
      json_builder_begin_array (b);
    }
  if (!create && labels)
    {
      json_builder_end_object (b);
      json_builder_set_member_name (b, "update");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "labels");
      json_builder_begin_array (b);
    }
  for (guint i = 0; labels && issue->labels[i]; i++)
    if (!g_str_has_prefix (issue->labels[i], "liaison-"))
      {
        /* Jira labels may not hold spaces. */
        g_autofree char *label = g_strdelimit (g_strdup (issue->labels[i]), " ", '_');

        if (!create)
          {
            json_builder_begin_object (b);
            json_builder_set_member_name (b, "add");
          }
        json_builder_add_string_value (b, label);
        if (!create)
          json_builder_end_object (b);
      }
  if (labels)
    {
      if (!create)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "add");
        }
      json_builder_add_string_value (b, marker);
      if (!create)
        json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static LiaIssue *
parse_issue (LiaTracker *self,
             JsonNode   *node,
             const char *epic_field)
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
  else if (*epic_field)
    {
      g_autofree char *path = g_strconcat ("fields.", epic_field, NULL);
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
  g_autofree char *epic_field = epic_link_field (self, cancellable);
  g_autofree char *path = g_strdup_printf ("%s/issue/%s?fields=" FIELDS "%s%s", api (self), escaped,
                                           *epic_field ? "," : "", epic_field);
  g_autoptr(JsonNode) reply = NULL;

  if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return NULL;
  if (*lia_json_str (reply, "key") == '\0')
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer has no issue key"), path);
      return NULL;
    }
  return parse_issue (self, reply, epic_field);
}

static gboolean
jira_create (LiaTracker    *self,
             LiaIssue      *issue,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(JsonNode) body = build_body (self, issue, TRUE, cancellable, error);
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
  g_autoptr(JsonNode) body = build_body (self, issue, FALSE, cancellable, error);
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
  g_autofree char *epic_field = epic_link_field (self, cancellable);
  /* Cloud retired /search (410 Gone) for /search/jql, paged by
   * nextPageToken; Data Center still has /search, paged by startAt.  One
   * marker names one issue, so the first page is all that is needed. */
  g_autofree char *path = g_strdup_printf ("%s/%s?jql=%s&maxResults=10&fields=" FIELDS "%s%s", api (self),
                                           is_cloud (self) ? "search/jql" : "search", escaped,
                                           *epic_field ? "," : "", epic_field);
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
  return parse_issue (self, json_array_get_element (issues, 0), epic_field);
}

typedef struct
{
  GPtrArray  *out;
  const char *name_key;
} ListReader;

static void
list_add (JsonNode *item,
          gpointer  data)
{
  ListReader *reader = data;
  const char *name = lia_json_str (item, reader->name_key);

  if (*name && !g_ptr_array_find_with_equal_func (reader->out, name, g_str_equal, NULL))
    g_ptr_array_add (reader->out, g_strdup (name));
}

static GPtrArray *
jira_list (LiaTracker    *self,
           LiaTrackerList what,
           GCancellable  *cancellable,
           GError       **error)
{
  static const char * const values[] = { "values", NULL };
  static const char * const types[] = { "values", "issueTypes", "createMetaIssueType", NULL };
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *project = g_uri_escape_string (lia_tracker_get_project (self), NULL, TRUE);
  g_autofree char *path = NULL;
  ListReader reader = { out, "name" };
  const char * const *keys = NULL;
  gboolean paged = TRUE;

  switch (what)
    {
    case LIA_TRACKER_LIST_PROJECTS:
      /* Cloud pages projects; Data Center lists them all at once. */
      paged = is_cloud (self);
      path = g_strdup_printf ("%s/%s", api (self), is_cloud (self) ? "project/search" : "project");
      keys = is_cloud (self) ? values : NULL;
      reader.name_key = "key";
      break;
    case LIA_TRACKER_LIST_TYPES:
      /* The types the user may create here, not every type of the site. */
      path = g_strdup_printf ("%s/issue/createmeta/%s/issuetypes", api (self), project);
      keys = types;
      break;
    case LIA_TRACKER_LIST_PRIORITIES:
      paged = FALSE;
      path = g_strdup_printf ("%s/priority", api (self));
      break;
    case LIA_TRACKER_LIST_USERS:
    default:
      /* Without a query Cloud looks at its first thousand accounts only;
       * find_person() searches by the typed name for the rest. */
      path = g_strdup_printf ("%s/user/assignable/search?project=%s", api (self), project);
      reader.name_key = "displayName";
      break;
    }
  if (paged)
    {
      if (!get_pages (self, path, keys, what == LIA_TRACKER_LIST_USERS && is_cloud (self), list_add, &reader,
                      cancellable, error))
        return NULL;
    }
  else
    {
      g_autoptr(JsonNode) reply = NULL;
      JsonArray *items;

      if (!lia_tracker_call (self, "GET", path, NULL, NULL, &reply, cancellable, error))
        return NULL;
      items = lia_json_array (reply, NULL);
      if (items == NULL)
        {
          g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY, _("GET %s: the answer is not a list"), path);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (items); i++)
        list_add (json_array_get_element (items, i), &reader);
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
  LiaJira *self = (LiaJira *) object;

  g_clear_pointer (&self->types, g_hash_table_unref);
  g_hash_table_unref (self->screens);
  g_hash_table_unref (self->people);
  g_free (self->epic_link);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->loading);
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
  g_mutex_init (&self->lock);
  g_mutex_init (&self->loading);
  self->screens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, screen_free);
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
