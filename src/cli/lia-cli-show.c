/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lia-cli.h"
#include "lia-tz.h"
#include "lia-field-text.h"
#include "lia-json-util.h"
#include "lia-text-list.h"

/* liaison-cli show FILE: the whole workspace as text a team reads, for
 * git's textconv (`git diff`, `git log -p`) and for people.
 *
 * The rules that make a diff of two outputs say what changed:
 * - one fact per line, so a changed field is a one-line difference;
 * - multi-line texts (page bodies, minutes, descriptions) go under their
 *   heading line, each line marked "| " one level deeper, so a changed
 *   line of a body is one line of the diff and never looks like a field;
 * - things are named as people name them: attendees by member name, no
 *   ids unless two things of a list share a name (then "name (id)");
 * - nothing but the file decides the output (its order, no date of today,
 *   no derived values such as agenda start times, which would make one
 *   changed duration look like a change of every later item);
 * - a thing starts at column 0 ("Meeting: …", "Page: …"), which git's
 *   default hunk header picks, so each hunk says which thing it is in.
 * Machine bookkeeping stays out: ids, a page's "updated" stamp, sync
 * hashes, accounts and the outbox. */

typedef struct
{
  GString    *out;
  GHashTable *entities;   /* id → LiaEntity (borrowed from the workspace) */
  GHashTable *member_names; /* member id → the name shown for it */
} Show;

/* Helpers: lines */

static void
put_indent (Show  *s,
            guint  depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (s->out, "  ");
}

static void
put_line (Show       *s,
          guint       depth,
          const char *text)
{
  put_indent (s, depth);
  g_string_append (s->out, text);
  g_string_append_c (s->out, '\n');
}

static void G_GNUC_PRINTF (3, 4)
put_linef (Show       *s,
           guint       depth,
           const char *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  put_line (s, depth, text);
}

/* A multi-line text under its heading: each line "| line" one level
 * deeper ("|" alone for an empty line, so no line ends in a space).  A
 * final newline is not a line of its own. */
static void
put_text (Show       *s,
          guint       depth,
          const char *label,
          const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  if (text == NULL || text[0] == '\0')
    return;

  if (label != NULL)
    /* Translators: the heading of a multi-line text in "liaison-cli show"
     * (the text follows on the next lines); %s is its label. */
    put_linef (s, depth, _("%s:"), label);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  if (n > 1 && lines[n - 1][0] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      put_indent (s, depth + 1);
      g_string_append_c (s->out, '|');
      if (lines[i][0] != '\0')
        {
          g_string_append_c (s->out, ' ');
          g_string_append (s->out, lines[i]);
        }
      g_string_append_c (s->out, '\n');
    }
}

/* "Label: value" on one line; nothing for an empty value; a value of
 * several lines as a text under its label. */
static void
put_field (Show       *s,
           guint       depth,
           const char *label,
           const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (strchr (value, '\n') != NULL)
    {
      put_text (s, depth, label, value);
      return;
    }
  /* Translators: one field in "liaison-cli show": its label, then its
   * value ("Role: Facilitator"). */
  put_linef (s, depth, _("%s: %s"), label, value);
}

static void
put_entity_string (Show       *s,
                   guint       depth,
                   const char *label,
                   LiaEntity  *entity,
                   guint       field)
{
  put_field (s, depth, label, lia_entity_get_string (entity, field));
}

/* A choice shown by its label, as the app shows it. */
static void
put_choice (Show       *s,
            guint       depth,
            const char *label,
            LiaEntity  *entity,
            guint       field)
{
  const char *value = lia_entity_get_string (entity, field);

  if (value != NULL && value[0] != '\0')
    put_field (s, depth, label, lia_choice_get_label (value));
}

/* A short list (owners, labels) on one line. */
static void
put_joined (Show               *s,
            guint               depth,
            const char         *label,
            const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = lia_text_list_join ((const char * const *) values);
  put_field (s, depth, label, joined);
}

/* A list of things that change one by one (decisions, attendees): a
 * heading and one "- item" line each. */
static void
put_items (Show               *s,
           guint               depth,
           const char         *label,
           const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  put_linef (s, depth, _("%s:"), label);
  for (guint i = 0; values[i] != NULL; i++)
    put_linef (s, depth + 1, "- %s", values[i]);
}

/* A field as the forms show it (numbers in C locale, JSON as JSON). */
static void
put_value_text (Show       *s,
                guint       depth,
                const char *label,
                LiaEntity  *entity,
                guint       field)
{
  g_autofree char *text = lia_field_value_to_text (lia_entity_get_field_spec (entity, field),
                                                   lia_entity_peek_value (entity, field));

  put_field (s, depth, label, text);
}

static void
put_minutes (Show       *s,
             guint       depth,
             const char *label,
             int         minutes)
{
  /* Translators: a length of time in minutes in "liaison-cli show". */
  g_autofree char *text = g_strdup_printf (_("%d min"), minutes);

  put_field (s, depth, label, text);
}

static void
put_json (Show       *s,
          guint       depth,
          const char *label,
          JsonNode   *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* Translators: in "liaison-cli show", a value that is not there
       * (one side of a conflict removed it, or never had it). */
      put_field (s, depth, label, _("(absent)"));
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (node);

      if (str[0] == '\0')
        /* Translators: in "liaison-cli show", an empty text. */
        put_field (s, depth, label, _("(empty)"));
      else
        put_field (s, depth, label, str);
      return;
    }
  lia_json_append_canonical (text, node);
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  if (strchr (text->str, '\n') != NULL)
    put_text (s, depth, label, text->str);
  else
    put_field (s, depth, label, text->str);
}

/* Keys written by a newer version (kept by the reader): "key: JSON", so
 * they are not invisible in a diff either. */
static void
put_extra (Show       *s,
           guint       depth,
           JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *text = json_to_string (json_object_get_member (extra, l->data), FALSE);

      put_linef (s, depth, "%s: %s", (const char *) l->data, text);
    }
}

/* The tracker or wiki issue an entity is linked to ("github #12"). */
static void
put_remote (Show      *s,
            guint      depth,
            LiaEntity *entity)
{
  LiaRemoteRef *remote = lia_entity_get_remote (entity);
  const char *service;
  const char *key;
  g_autofree char *text = NULL;

  if (remote == NULL)
    return;
  service = lia_entity_get_string (LIA_ENTITY (remote), LIA_REMOTE_REF_SERVICE);
  key = lia_entity_get_string (LIA_ENTITY (remote), LIA_REMOTE_REF_KEY);
  if (key == NULL || key[0] == '\0')
    return;
  text = g_strdup_printf ("%s %s", service && service[0] ? lia_choice_get_label (service) : "", key);
  /* Translators: in "liaison-cli show", the tracker issue or wiki page an
   * item is linked to. */
  put_field (s, depth, _("Linked to"), g_strstrip (text));
}

/* Helpers: names */

/* How people call an entity: its title, name, summary… */
static const char *
entity_name_or_null (LiaEntity *entity)
{
  if (LIA_IS_TASK (entity))
    return lia_entity_get_string (entity, LIA_TASK_SUMMARY);
  if (LIA_IS_PLAYBOOK_ENTRY (entity))
    return lia_entity_get_string (entity, LIA_PLAYBOOK_ENTRY_NAME);
  if (LIA_IS_CONFLICT (entity))
    return lia_entity_get_string (entity, LIA_CONFLICT_FIELD);
  if (LIA_IS_UNRECOVERED (entity))
    return lia_entity_get_string (entity, LIA_UNRECOVERED_PATH);
  if (LIA_IS_EVALUATION (entity))
    return _("Evaluation");
  /* Every other entity's first field is the string it is called by:
   * title, name, business need, a step's or action item's text, an
   * assessment's date. */
  if (lia_entity_get_field_spec (entity, 0)->kind == LIA_KIND_STRING)
    return lia_entity_get_string (entity, 0);
  return lia_entity_get_id (entity);
}

static const char *
entity_name (LiaEntity *entity)
{
  const char *name = entity_name_or_null (entity);

  return name != NULL ? name : "";
}

/* The same, from an entity's JSON (a removed entity in a conflict). */
static const char *
json_entity_name (JsonNode *node)
{
  static const char * const keys[] = { "title", "name", "summary", "business_need", "text", "date", "path", "id" };
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *member = json_object_get_member (object, keys[i]);

      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_STRING)
        return json_node_get_string (member);
    }
  return NULL;
}

/* Names that more than one item of @list has; those items are shown
 * with their id, the only way to tell them apart. */
static GHashTable *
shared_names (GListModel *list)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *shared = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LiaEntity) entity = g_list_model_get_item (list, i);
      const char *name = entity_name (entity);

      if (!g_hash_table_add (seen, (gpointer) name))
        g_hash_table_add (shared, (gpointer) name);
    }
  return shared;
}

static char *
display_name (LiaEntity  *entity,
              GHashTable *shared)
{
  const char *name = entity_name (entity);

  if (shared != NULL && g_hash_table_contains (shared, name))
    return g_strdup_printf ("%s (%s)", name, lia_entity_get_id (entity));
  return g_strdup (name);
}

static void
collect_entity (LiaEntity *entity,
                gpointer   data)
{
  Show *s = data;
  const char *id = lia_entity_get_id (entity);

  if (id != NULL && id[0] != '\0')
    g_hash_table_insert (s->entities, (gpointer) id, entity);
}

/* Sections */

static void
show_members (Show         *s,
              LiaWorkspace *workspace)
{
  GListModel *members = G_LIST_MODEL (lia_workspace_get_members (workspace));
  g_autoptr(GHashTable) shared = shared_names (members);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);
      const char * const *days = lia_entity_get_strv (member, LIA_MEMBER_WORK_DAYS);
      const char *work_start = lia_entity_get_string (member, LIA_MEMBER_WORK_START);
      const char *work_end = lia_entity_get_string (member, LIA_MEMBER_WORK_END);
      char *name = display_name (member, shared);
      g_autoptr(GPtrArray) day_names = g_ptr_array_new ();

      g_hash_table_insert (s->member_names, (gpointer) lia_entity_get_id (member), name);
      g_string_append_c (s->out, '\n');
      /* Translators: a team member in "liaison-cli show"; %s is the name. */
      put_linef (s, 0, _("Member: %s"), name);
      put_entity_string (s, 1, _("Role"), member, LIA_MEMBER_ROLE);
      put_entity_string (s, 1, _("City"), member, LIA_MEMBER_CITY);
      put_entity_string (s, 1, _("Time zone"), member, LIA_MEMBER_TIMEZONE);
      if ((work_start && work_start[0]) || (work_end && work_end[0]))
        {
          /* Translators: working hours in "liaison-cli show": from, to. */
          g_autofree char *hours = lia_time_range_text (work_start, work_end);

          put_field (s, 1, _("Working hours"), hours);
        }
      for (guint d = 0; days != NULL && days[d] != NULL; d++)
        {
          static const char * const labels[] = {
            NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"),
            NC_("weekday", "Thu"), NC_("weekday", "Fri"), NC_("weekday", "Sat"),
            NC_("weekday", "Sun"),
          };
          const char *label = days[d];

          for (guint w = 0; lia_weekday_choices[w] != NULL; w++)
            if (g_str_equal (lia_weekday_choices[w], days[d]))
              label = g_dpgettext2 (GETTEXT_PACKAGE, "weekday", labels[w]);
          g_ptr_array_add (day_names, (gpointer) label);
        }
      g_ptr_array_add (day_names, NULL);
      /* An empty list is a fact too: the member works no day. */
      if (days != NULL && days[0] == NULL)
        put_field (s, 1, _("Working days"), _("none"));
      else
        put_joined (s, 1, _("Working days"), (const char * const *) day_names->pdata);
      /* Translators: in "liaison-cli show", the busy times a member
       * imported from a calendar (iCalendar text follows). */
      put_text (s, 1, _("Busy times"), lia_entity_get_string (member, LIA_MEMBER_BUSY_CALENDAR));
      put_remote (s, 1, member);
      put_extra (s, 1, lia_entity_get_extra (member));
    }
}

static void
show_requirements (Show         *s,
                   LiaWorkspace *workspace)
{
  GListModel *requirements = G_LIST_MODEL (lia_workspace_get_requirements (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(LiaEntity) requirement = g_list_model_get_item (requirements, i);
      GListModel *steps = G_LIST_MODEL (lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS));
      guint n_steps = g_list_model_get_n_items (steps);

      g_string_append_c (s->out, '\n');
      /* Translators: a row of the requirement translation table in
       * "liaison-cli show": its number, then its business need. */
      put_linef (s, 0, _("Requirement %u: %s"), i + 1,
                 lia_entity_get_string (requirement, LIA_REQUIREMENT_BUSINESS_NEED));
      put_entity_string (s, 1, _("Technical need"), requirement, LIA_REQUIREMENT_TECHNICAL_NEED);
      put_entity_string (s, 1, _("Owner"), requirement, LIA_REQUIREMENT_OWNER);
      put_choice (s, 1, _("Priority"), requirement, LIA_REQUIREMENT_PRIORITY);
      put_choice (s, 1, _("Status"), requirement, LIA_REQUIREMENT_STATUS);
      put_entity_string (s, 1, _("Rationale"), requirement, LIA_REQUIREMENT_RATIONALE);
      put_remote (s, 1, requirement);
      put_extra (s, 1, lia_entity_get_extra (requirement));
      if (n_steps > 0)
        put_linef (s, 1, _("%s:"), _("Steps"));
      for (guint j = 0; j < n_steps; j++)
        {
          g_autoptr(LiaEntity) step = g_list_model_get_item (steps, j);

          /* Translators: a numbered engineering step in "liaison-cli show". */
          put_linef (s, 2, _("%u. %s"), j + 1, lia_entity_get_string (step, LIA_STEP_TEXT));
          put_entity_string (s, 3, _("Owner"), step, LIA_STEP_OWNER);
          put_choice (s, 3, _("Status"), step, LIA_STEP_STATUS);
          put_remote (s, 3, step);
          put_extra (s, 3, lia_entity_get_extra (step));
        }
    }
}

static void
show_ratings (Show       *s,
              guint       depth,
              GListModel *ratings)
{
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LiaEntity) rating = g_list_model_get_item (ratings, i);
      int score = lia_entity_get_int (rating, LIA_RATING_SCORE);
      /* Translators: a score in "liaison-cli show", out of 5. */
      g_autofree char *text = score > 0 ? g_strdup_printf (_("%d/5"), score)
                                        /* Translators: a score of 0 in "liaison-cli show". */
                                        : g_strdup (_("not rated"));

      put_field (s, depth, lia_entity_get_string (rating, LIA_RATING_NAME), text);
      /* Translators: the standard a rating is measured against. */
      put_entity_string (s, depth + 1, _("Criterion"), rating, LIA_RATING_CRITERION);
      put_entity_string (s, depth + 1, _("Note"), rating, LIA_RATING_NOTE);
      put_extra (s, depth + 1, lia_entity_get_extra (rating));
    }
}

static void
show_meetings (Show         *s,
               LiaWorkspace *workspace)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (workspace));
  g_autoptr(GHashTable) shared = shared_names (meetings);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaEntity) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *name = display_name (meeting, shared);
      g_autofree char *start = g_strdup (lia_entity_get_string (meeting, LIA_MEETING_START));
      const char * const *attendees = lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (meeting, LIA_MEETING_AGENDA));
      GListModel *actions = G_LIST_MODEL (lia_entity_get_list (meeting, LIA_MEETING_ACTION_ITEMS));
      LiaEntity *evaluation = lia_entity_get_child (meeting, LIA_MEETING_EVALUATION);
      char *t;

      g_string_append_c (s->out, '\n');
      /* Translators: a meeting in "liaison-cli show"; %s is its title. */
      put_linef (s, 0, _("Meeting: %s"), name);
      /* The file's local date and time, as people write it. */
      if (start != NULL && (t = strchr (start, 'T')) != NULL)
        *t = ' ';
      put_field (s, 1, _("Start"), start);
      put_entity_string (s, 1, _("Time zone"), meeting, LIA_MEETING_TIMEZONE);
      put_minutes (s, 1, _("Duration"), lia_entity_get_int (meeting, LIA_MEETING_DURATION));
      put_choice (s, 1, _("Repeats"), meeting, LIA_MEETING_RECURRENCE);
      put_entity_string (s, 1, _("Location"), meeting, LIA_MEETING_LOCATION);
      put_entity_string (s, 1, _("Goal"), meeting, LIA_MEETING_GOAL);
      for (guint a = 0; attendees != NULL && attendees[a] != NULL; a++)
        {
          const char *member = g_hash_table_lookup (s->member_names, attendees[a]);

          g_ptr_array_add (names, (gpointer) (member ? member : attendees[a]));
        }
      g_ptr_array_add (names, NULL);
      put_items (s, 1, _("Attendees"), (const char * const *) names->pdata);
      put_remote (s, 1, meeting);
      put_extra (s, 1, lia_entity_get_extra (meeting));

      if (g_list_model_get_n_items (agenda) > 0)
        put_linef (s, 1, _("%s:"), _("Agenda"));
      for (guint j = 0; j < g_list_model_get_n_items (agenda); j++)
        {
          g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, j);
          int actual = lia_entity_get_int (item, LIA_AGENDA_ITEM_ACTUAL);

          put_linef (s, 2, _("%u. %s"), j + 1, lia_entity_get_string (item, LIA_AGENDA_ITEM_TITLE));
          put_minutes (s, 3, _("Duration"), lia_entity_get_int (item, LIA_AGENDA_ITEM_DURATION));
          /* Translators: an agenda item's kind (discussion, break…). */
          put_choice (s, 3, _("Kind"), item, LIA_AGENDA_ITEM_KIND);
          put_joined (s, 3, _("Owners"), lia_entity_get_strv (item, LIA_AGENDA_ITEM_OWNERS));
          if (actual > 0)
            /* Translators: how long an agenda item really took. */
            put_minutes (s, 3, _("Took"), actual);
          put_text (s, 3, _("Notes"), lia_entity_get_string (item, LIA_AGENDA_ITEM_NOTES));
          put_remote (s, 3, item);
          put_extra (s, 3, lia_entity_get_extra (item));
        }

      /* Translators: the record of what was said at a meeting, not the unit */
      put_text (s, 1, C_("meeting record", "Minutes"), lia_entity_get_string (meeting, LIA_MEETING_MINUTES));
      put_items (s, 1, _("Decisions"), lia_entity_get_strv (meeting, LIA_MEETING_DECISIONS));

      if (g_list_model_get_n_items (actions) > 0)
        put_linef (s, 1, _("%s:"), _("Action items"));
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(LiaEntity) action = g_list_model_get_item (actions, j);

          put_linef (s, 2, "- %s", lia_entity_get_string (action, LIA_ACTION_ITEM_TEXT));
          put_entity_string (s, 3, _("Owner"), action, LIA_ACTION_ITEM_OWNER);
          put_entity_string (s, 3, C_("due date", "Due"), action, LIA_ACTION_ITEM_DUE);
          put_choice (s, 3, _("Status"), action, LIA_ACTION_ITEM_STATUS);
          put_remote (s, 3, action);
          put_extra (s, 3, lia_entity_get_extra (action));
        }

      if (evaluation != NULL)
        {
          put_linef (s, 1, _("%s:"), _("Evaluation"));
          show_ratings (s, 2, G_LIST_MODEL (lia_entity_get_list (evaluation, LIA_EVALUATION_RATINGS)));
          put_text (s, 2, _("Comments"), lia_entity_get_string (evaluation, LIA_EVALUATION_COMMENTS));
          put_extra (s, 2, lia_entity_get_extra (evaluation));
        }
    }
}

/* A page, its body one level deeper and its children as "- Title" under
 * it: the indentation is the tree. */
static void
show_page (Show      *s,
           guint      depth,
           LiaEntity *page)
{
  GListModel *children = G_LIST_MODEL (lia_entity_get_list (page, LIA_PAGE_CHILDREN));
  g_autoptr(GHashTable) shared = shared_names (children);

  put_text (s, depth, NULL, lia_entity_get_string (page, LIA_PAGE_BODY));
  put_remote (s, depth + 1, page);
  put_extra (s, depth + 1, lia_entity_get_extra (page));
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(LiaEntity) child = g_list_model_get_item (children, i);
      g_autofree char *name = display_name (child, shared);

      put_linef (s, depth + 1, "- %s", name);
      show_page (s, depth + 1, child);
    }
}

static void
show_pages (Show         *s,
            LiaWorkspace *workspace)
{
  GListModel *pages = G_LIST_MODEL (lia_workspace_get_pages (workspace));
  g_autoptr(GHashTable) shared = shared_names (pages);

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(LiaEntity) page = g_list_model_get_item (pages, i);
      g_autofree char *name = display_name (page, shared);

      g_string_append_c (s->out, '\n');
      /* Translators: a top-level page of the document tree in
       * "liaison-cli show"; %s is its title. */
      put_linef (s, 0, _("Page: %s"), name);
      show_page (s, 0, page);
    }
}

static void
show_tasks (Show         *s,
            LiaWorkspace *workspace)
{
  GListModel *tasks = G_LIST_MODEL (lia_workspace_get_tasks (workspace));
  g_autoptr(GHashTable) shared = shared_names (tasks);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(LiaEntity) task = g_list_model_get_item (tasks, i);
      g_autofree char *name = display_name (task, shared);

      g_string_append_c (s->out, '\n');
      /* Translators: a task in "liaison-cli show"; %s is its summary. */
      put_linef (s, 0, _("Task: %s"), name);
      put_entity_string (s, 1, _("Project"), task, LIA_TASK_PROJECT);
      /* Translators: a task's type (Story, Bug…). */
      put_entity_string (s, 1, _("Type"), task, LIA_TASK_TYPE);
      put_choice (s, 1, _("Priority"), task, LIA_TASK_PRIORITY);
      put_choice (s, 1, _("Status"), task, LIA_TASK_STATUS);
      put_entity_string (s, 1, _("Assignee"), task, LIA_TASK_ASSIGNEE);
      /* Translators: the date by which something is to be done */
      put_entity_string (s, 1, C_("due date", "Due"), task, LIA_TASK_DUE);
      put_entity_string (s, 1, _("Epic"), task, LIA_TASK_EPIC);
      put_joined (s, 1, _("Labels"), lia_entity_get_strv (task, LIA_TASK_LABELS));
      put_remote (s, 1, task);
      put_extra (s, 1, lia_entity_get_extra (task));
      put_text (s, 1, _("Description"), lia_entity_get_string (task, LIA_TASK_DESCRIPTION));
    }
}

static void
show_contracts (Show         *s,
                LiaWorkspace *workspace)
{
  GListModel *contracts = G_LIST_MODEL (lia_workspace_get_contracts (workspace));
  g_autoptr(GHashTable) shared = shared_names (contracts);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LiaEntity) contract = g_list_model_get_item (contracts, i);
      g_autofree char *name = display_name (contract, shared);
      GListModel *fields = G_LIST_MODEL (lia_entity_get_list (contract, LIA_CONTRACT_FIELDS));
      g_autoptr(GHashTable) shared_fields = shared_names (fields);
      const char *path = lia_entity_get_string (contract, LIA_CONTRACT_PATH);

      g_string_append_c (s->out, '\n');
      /* Translators: an API contract model in "liaison-cli show". */
      put_linef (s, 0, _("Contract: %s"), name);
      put_entity_string (s, 1, _("Description"), contract, LIA_CONTRACT_DESCRIPTION);
      /* The method means something only for an endpoint (a path). */
      if (path != NULL && path[0] != '\0')
        {
          g_autofree char *method = g_ascii_strup (lia_entity_get_string (contract, LIA_CONTRACT_METHOD), -1);
          g_autofree char *endpoint = g_strdup_printf ("%s %s", method, path);

          /* Translators: an API endpoint: method and path. */
          put_field (s, 1, _("Endpoint"), endpoint);
        }
      /* Translators: the name of the model an endpoint answers with. */
      put_entity_string (s, 1, _("Response"), contract, LIA_CONTRACT_RESPONSE);
      put_remote (s, 1, contract);
      put_extra (s, 1, lia_entity_get_extra (contract));

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(LiaEntity) field = g_list_model_get_item (fields, j);
          g_autofree char *field_name = display_name (field, shared_fields);
          gboolean required = lia_entity_get_boolean (field, LIA_FIELD_REQUIRED);

          /* Translators: a field of an API contract model. */
          put_linef (s, 1, _("Field: %s"), field_name);
          put_entity_string (s, 2, _("Type"), field, LIA_FIELD_TYPE);
          /* Translators: the item type of an array field. */
          put_entity_string (s, 2, _("Items"), field, LIA_FIELD_ITEMS);
          /* Translators: the model an object field refers to. */
          put_entity_string (s, 2, _("Model"), field, LIA_FIELD_REF);
          put_field (s, 2, _("Required"), required ? _("yes") : _("no"));
          /* Translators: a field's default value. */
          put_value_text (s, 2, _("Default"), field, LIA_FIELD_DEFAULT);
          put_value_text (s, 2, _("Minimum"), field, LIA_FIELD_MINIMUM);
          if (lia_entity_get_boolean (field, LIA_FIELD_EXCLUSIVE_MINIMUM))
            put_field (s, 2, _("Minimum is exclusive"), _("yes"));
          put_value_text (s, 2, _("Maximum"), field, LIA_FIELD_MAXIMUM);
          if (lia_entity_get_boolean (field, LIA_FIELD_EXCLUSIVE_MAXIMUM))
            put_field (s, 2, _("Maximum is exclusive"), _("yes"));
          put_value_text (s, 2, _("Minimum length"), field, LIA_FIELD_MIN_LENGTH);
          put_value_text (s, 2, _("Maximum length"), field, LIA_FIELD_MAX_LENGTH);
          put_entity_string (s, 2, _("Pattern"), field, LIA_FIELD_PATTERN);
          put_joined (s, 2, _("Choices"), lia_entity_get_strv (field, LIA_FIELD_CHOICES));
          put_entity_string (s, 2, _("Description"), field, LIA_FIELD_DESCRIPTION);
          put_remote (s, 2, field);
          put_extra (s, 2, lia_entity_get_extra (field));
        }
    }
}

static void
show_assessments (Show         *s,
                  LiaWorkspace *workspace)
{
  GListModel *assessments = G_LIST_MODEL (lia_workspace_get_assessments (workspace));
  g_autoptr(GHashTable) shared = shared_names (assessments);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(LiaEntity) assessment = g_list_model_get_item (assessments, i);
      g_autofree char *name = display_name (assessment, shared);

      g_string_append_c (s->out, '\n');
      /* Translators: a self-assessment in "liaison-cli show"; %s is its date. */
      put_linef (s, 0, _("Assessment: %s"), name);
      put_entity_string (s, 1, _("Note"), assessment, LIA_ASSESSMENT_NOTE);
      put_remote (s, 1, assessment);
      put_extra (s, 1, lia_entity_get_extra (assessment));
      show_ratings (s, 1, G_LIST_MODEL (lia_entity_get_list (assessment, LIA_ASSESSMENT_RATINGS)));
    }
}

static void
show_playbook (Show         *s,
               LiaWorkspace *workspace)
{
  GListModel *entries = G_LIST_MODEL (lia_workspace_get_playbook (workspace));
  g_autoptr(GHashTable) shared = shared_names (entries);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LiaEntity) entry = g_list_model_get_item (entries, i);
      g_autofree char *name = display_name (entry, shared);

      g_string_append_c (s->out, '\n');
      /* Translators: a team's own playbook entry in "liaison-cli show". */
      put_linef (s, 0, _("Playbook entry: %s"), name);
      put_entity_string (s, 1, _("Kind"), entry, LIA_PLAYBOOK_ENTRY_KIND);
      put_entity_string (s, 1, _("Strengths"), entry, LIA_PLAYBOOK_ENTRY_STRENGTHS);
      put_entity_string (s, 1, _("Weaknesses"), entry, LIA_PLAYBOOK_ENTRY_WEAKNESSES);
      /* Translators: the situations a playbook entry fits. */
      put_entity_string (s, 1, _("Fits"), entry, LIA_PLAYBOOK_ENTRY_FITS);
      put_entity_string (s, 1, _("Examples"), entry, LIA_PLAYBOOK_ENTRY_EXAMPLES);
      put_joined (s, 1, _("Team sizes"), lia_entity_get_strv (entry, LIA_PLAYBOOK_ENTRY_TEAM_SIZES));
      put_joined (s, 1, _("Spreads"), lia_entity_get_strv (entry, LIA_PLAYBOOK_ENTRY_SPREADS));
      put_joined (s, 1, _("Urgencies"), lia_entity_get_strv (entry, LIA_PLAYBOOK_ENTRY_URGENCIES));
      put_joined (s, 1, _("Practises"), lia_entity_get_strv (entry, LIA_PLAYBOOK_ENTRY_PRACTISES));
      put_remote (s, 1, entry);
      put_extra (s, 1, lia_entity_get_extra (entry));
    }
}

/* A parent id of a move or cycle conflict, as the page's title. */
static void
put_place (Show       *s,
           guint       depth,
           const char *label,
           JsonNode   *node)
{
  const char *id;
  LiaEntity *parent;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      put_json (s, depth, label, node);
      return;
    }
  id = json_node_get_string (node);
  parent = id[0] ? g_hash_table_lookup (s->entities, id) : NULL;
  if (id[0] == '\0')
    /* Translators: in "liaison-cli show", where a moved item would be:
     * at the top of its list, under no parent. */
    put_field (s, depth, label, _("(top level)"));
  else
    put_field (s, depth, label, parent ? entity_name (parent) : id);
}

static void
show_conflicts (Show         *s,
                LiaWorkspace *workspace)
{
  GListModel *conflicts = G_LIST_MODEL (lia_workspace_get_conflicts (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(LiaEntity) conflict = g_list_model_get_item (conflicts, i);
      const char *kind = lia_entity_get_string (conflict, LIA_CONFLICT_KIND);
      const char *id = lia_entity_get_string (conflict, LIA_CONFLICT_ENTITY);
      LiaEntity *entity = g_hash_table_lookup (s->entities, id);
      const char *name = entity ? entity_name (entity) : NULL;
      gboolean is_place = g_strcmp0 (kind, "move") == 0 || g_strcmp0 (kind, "cycle") == 0;
      const char *what;

      if (g_strcmp0 (kind, "field") == 0)
        what = _("both sides changed a field");
      else if (g_strcmp0 (kind, "text") == 0)
        what = _("both sides changed the same lines of a text");
      else if (g_strcmp0 (kind, "edit-delete") == 0)
        what = _("one side removed what the other changed");
      else if (g_strcmp0 (kind, "move") == 0)
        what = _("moved to two different places");
      else if (g_strcmp0 (kind, "cycle") == 0)
        what = _("a move would put a page under itself");
      else
        what = kind;

      /* Entity "" is the workspace itself (its title, a top-level key). */
      if (id == NULL || id[0] == '\0')
        /* Translators: in "liaison-cli show", what a conflict about the
         * workspace's own title (or another top-level value) is about. */
        name = _("the workspace");
      /* A removed entity has no name in the workspace; its JSON has. */
      if (name == NULL)
        name = json_entity_name (lia_entity_get_json (conflict, LIA_CONFLICT_THEIRS));
      if (name == NULL)
        name = json_entity_name (lia_entity_get_json (conflict, LIA_CONFLICT_OURS));
      if (name == NULL)
        name = id;

      g_string_append_c (s->out, '\n');
      /* Translators: an unresolved merge conflict in "liaison-cli show":
       * its number and what happened. */
      put_linef (s, 0, _("Conflict %u: %s"), i + 1, what);
      /* Translators: the item a merge conflict is about. */
      put_field (s, 1, _("Item"), name);
      /* Translators: the list holding the item ("pages", "steps"…). */
      put_entity_string (s, 1, _("List"), conflict, LIA_CONFLICT_COLLECTION);
      put_entity_string (s, 1, _("Field"), conflict, LIA_CONFLICT_FIELD);
      if (is_place)
        {
          /* Translators: the version both sides started from (the
           * conflicts view's word for it). */
          put_place (s, 1, C_("conflict", "Original"), lia_entity_get_json (conflict, LIA_CONFLICT_BASE));
          /* Translators: the version in the file being merged into. */
          put_place (s, 1, C_("conflict", "Yours"), lia_entity_get_json (conflict, LIA_CONFLICT_OURS));
          /* Translators: the version being merged in. */
          put_place (s, 1, C_("conflict", "Theirs"), lia_entity_get_json (conflict, LIA_CONFLICT_THEIRS));
        }
      else
        {
          put_json (s, 1, C_("conflict", "Original"), lia_entity_get_json (conflict, LIA_CONFLICT_BASE));
          put_json (s, 1, C_("conflict", "Yours"), lia_entity_get_json (conflict, LIA_CONFLICT_OURS));
          put_json (s, 1, C_("conflict", "Theirs"), lia_entity_get_json (conflict, LIA_CONFLICT_THEIRS));
        }
      put_extra (s, 1, lia_entity_get_extra (conflict));
    }
}

static void
show_unrecovered (Show         *s,
                  LiaWorkspace *workspace)
{
  GListModel *unrecovered = G_LIST_MODEL (lia_workspace_get_unrecovered (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (unrecovered); i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (unrecovered, i);

      g_string_append_c (s->out, '\n');
      /* Translators: what a repair could not put back, in "liaison-cli
       * show"; %s is where it was (a JSON path such as tasks[0].due). */
      put_linef (s, 0, _("Unrecovered: %s"), lia_entity_get_string (item, LIA_UNRECOVERED_PATH));
      put_entity_string (s, 1, _("Problem"), item, LIA_UNRECOVERED_PROBLEM);
      put_json (s, 1, _("Value"), lia_entity_get_json (item, LIA_UNRECOVERED_VALUE));
    }
}

static char *
show_workspace (LiaWorkspace *workspace)
{
  Show s = {
    .out = g_string_new (NULL),
    .entities = g_hash_table_new (g_str_hash, g_str_equal),
    .member_names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free),
  };

  lia_workspace_foreach_entity (workspace, collect_entity, &s);

  /* Translators: the workspace's title, first line of "liaison-cli show". */
  put_field (&s, 0, _("Workspace"), lia_workspace_get_title (workspace));
  if (lia_workspace_get_read_only (workspace))
    put_field (&s, 0, _("Read-only"), lia_workspace_get_read_only_reason (workspace));
  put_extra (&s, 0, lia_workspace_get_extra (workspace));
  show_members (&s, workspace);
  show_requirements (&s, workspace);
  show_meetings (&s, workspace);
  show_pages (&s, workspace);
  show_tasks (&s, workspace);
  show_contracts (&s, workspace);
  show_assessments (&s, workspace);
  show_playbook (&s, workspace);
  show_conflicts (&s, workspace);
  show_unrecovered (&s, workspace);

  g_hash_table_unref (s.entities);
  g_hash_table_unref (s.member_names);
  return g_string_free (s.out, FALSE);
}

int
lia_cli_show (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — print a workspace as readable text"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autofree char *text = NULL;

  g_option_context_set_summary (context, _("Prints everything in FILE as text, one fact per line, in file order. "
                                           "“liaison-cli git-setup” makes git use it for “git diff” and “git log -p”, "
                                           "so a change reads as what changed."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (argc != 2)
    return lia_cli_usage_error (context, _("show needs exactly one FILE"));

  workspace = lia_cli_load (argv[1]);
  if (workspace == NULL)
    return LIA_CLI_EXIT_BAD_INPUT;

  text = show_workspace (workspace);
  return lia_cli_write_output (NULL, text);
}
