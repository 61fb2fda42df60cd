/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Resolving what a merge left to decide: each kind of conflict with each
 * choice changes the model as chosen and drops the record in one undo
 * step; undo gives back the very same file; a choice the rules refuse,
 * or one in a read-only workspace, changes nothing. */
#include "config.h"

#include <string.h>

#include "lia-conflict-resolve.h"
#include "lia-field-check.h"
#include "lia-merge.h"
#include "lia-model.h"
#include "lia-test-workspace.h"
#include "lia-workspace-private.h"

#define API_MEETING "c356335a-69de-505a-8500-52d7853e9286"
#define DOCS_ROOT "a45d94bf-cdc0-5cca-b5b1-fa6f1a7854c9"
#define GOALS "c6dd52f5-fe8f-514f-a8c7-6979ffe1cde2"
#define TECH_DOCS "077bf286-9e78-5316-b760-83743b64ae52"
#define USER_MANUAL "ea5784d2-a311-5beb-b50a-defb469e01ba"

#define add_conflict lia_test_add_conflict

static guint
n_conflicts (LiaWorkspace *ws)
{
  return g_list_model_get_n_items (G_LIST_MODEL (lia_workspace_get_conflicts (ws)));
}

static LiaEntity *
find (LiaWorkspace *ws,
      const char   *id)
{
  return lia_workspace_find_entity (ws, id);
}

static const char *
parent_title (LiaWorkspace *ws,
              const char   *page_id)
{
  LiaEntity *page = find (ws, page_id);

  g_assert_nonnull (page);
  /* Depth first: the page whose children hold @page. */
  {
    GPtrArray *stack = g_ptr_array_new ();
    GListModel *roots = G_LIST_MODEL (lia_workspace_get_pages (ws));
    const char *found = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
      g_ptr_array_add (stack, g_list_model_get_item (roots, i));
    if (g_list_store_find (lia_workspace_get_pages (ws), page, NULL))
      found = "";
    while (stack->len > 0 && found == NULL)
      {
        LiaEntity *p = g_ptr_array_steal_index (stack, stack->len - 1);
        GListStore *kids = lia_entity_get_list (p, LIA_PAGE_CHILDREN);

        if (g_list_store_find (kids, page, NULL))
          found = lia_entity_get_string (p, LIA_PAGE_TITLE);
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (kids)); i++)
          g_ptr_array_add (stack, g_list_model_get_item (G_LIST_MODEL (kids), i));
        g_object_unref (p);
      }
    g_ptr_array_set_free_func (stack, g_object_unref);
    g_ptr_array_unref (stack);
    return found;
  }
}

/* Resolves, checks that it was one step that dropped the record, then
 * that undo gives back the same bytes and redo the result again. */
static void
resolve_and_undo (LiaWorkspace      *ws,
                  LiaConflict       *conflict,
                  LiaConflictChoice  choice,
                  char             **after)
{
  LiaHistory *history = lia_workspace_get_history (ws);
  g_autofree char *before = lia_workspace_to_data (ws, NULL);
  g_autofree char *redone = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  guint steps = lia_history_get_n_undo (history);
  guint n = n_conflicts (ws);

  lia_workspace_resolve_conflict (ws, conflict, choice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_history_get_n_undo (history), ==, steps + 1);
  g_assert_cmpstr (lia_history_get_undo_label (history), ==, "Resolve Conflict");
  g_assert_cmpuint (n_conflicts (ws), ==, n - 1);
  g_assert_true (lia_workspace_check (ws, NULL));
  *after = lia_workspace_to_data (ws, NULL);

  g_assert_true (lia_history_undo (history));
  undone = lia_workspace_to_data (ws, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (n_conflicts (ws), ==, n);

  g_assert_true (lia_history_redo (history));
  redone = lia_workspace_to_data (ws, NULL);
  g_assert_cmpstr (redone, ==, *after);
}

static void
assert_refused (LiaWorkspace      *ws,
                LiaConflict       *conflict,
                LiaConflictChoice  choice,
                GQuark             domain,
                int                code)
{
  g_autofree char *before = lia_workspace_to_data (ws, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint steps = lia_history_get_n_undo (lia_workspace_get_history (ws));

  g_assert_false (lia_workspace_resolve_conflict (ws, conflict, choice, &error));
  g_assert_error (error, domain, code);
  after = lia_workspace_to_data (ws, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (lia_history_get_n_undo (lia_workspace_get_history (ws)), ==, steps);
}

static void
test_field (void)
{
  static const struct { LiaConflictChoice choice; const char *status; } cases[] = {
    { LIA_CONFLICT_CHOICE_OURS, "agreed" },
    { LIA_CONFLICT_CHOICE_THEIRS, "done" },
    { LIA_CONFLICT_CHOICE_BASE, "draft" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
      g_autoptr(LiaConflict) conflict = NULL;
      g_autofree char *after = NULL;
      LiaEntity *req = find (ws, LIA_TEST_REQ1);

      /* The merged workspace holds ours. */
      lia_entity_set_string (req, LIA_REQUIREMENT_STATUS, "agreed");
      conflict = add_conflict (ws, LIA_TEST_REQ1, "requirements", "", "field", "status",
                               "\"draft\"", "\"agreed\"", "\"done\"");
      resolve_and_undo (ws, conflict, cases[i].choice, &after);
      g_assert_cmpstr (lia_entity_get_string (req, LIA_REQUIREMENT_STATUS), ==, cases[i].status);
      g_assert_null (strstr (after, "\"conflicts\""));
    }
}

/* A list of member ids and a number go through the same field rules. */
static void
test_field_kinds (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaConflict) attendees = NULL;
  g_autoptr(LiaConflict) duration = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after2 = NULL;
  LiaEntity *meeting = find (ws, API_MEETING);

  attendees = add_conflict (ws, API_MEETING, "meetings", "", "field", "attendees",
                            "[]", "[]", "[\"" LIA_TEST_ENGINEER "\"]");
  duration = add_conflict (ws, API_MEETING, "meetings", "", "field", "duration", "60", "60", "75");
  resolve_and_undo (ws, attendees, LIA_CONFLICT_CHOICE_THEIRS, &after);
  g_assert_cmpstrv (lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES),
                    ((const char * const[]) { LIA_TEST_ENGINEER, NULL }));
  resolve_and_undo (ws, duration, LIA_CONFLICT_CHOICE_THEIRS, &after2);
  g_assert_cmpint (lia_entity_get_int (meeting, LIA_MEETING_DURATION), ==, 75);
}

/* A child entity (a meeting's evaluation) is rebuilt from the record,
 * or dropped when the chosen side has none. */
static void
test_field_child (void)
{
  static const char *theirs_evaluation =
    "{\"id\": \"3f9d2a8e-5b1c-4c7d-9e2f-0a1b2c3d4e5f\", \"ratings\": [], \"comments\": \"Theirs\"}";
  static const char *choices[] = { NULL, "theirs" };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
      LiaEntity *meeting = find (ws, API_MEETING);
      g_autofree char *ours = lia_entity_to_data (lia_entity_get_child (meeting, LIA_MEETING_EVALUATION));
      g_autoptr(LiaConflict) conflict = add_conflict (ws, API_MEETING, "meetings", "", "field", "evaluation",
                                                      "null", ours, choices[i] ? theirs_evaluation : "null");
      g_autofree char *after = NULL;
      LiaEntity *evaluation;

      resolve_and_undo (ws, conflict, LIA_CONFLICT_CHOICE_THEIRS, &after);
      evaluation = lia_entity_get_child (meeting, LIA_MEETING_EVALUATION);
      if (choices[i] == NULL)
        g_assert_null (evaluation);
      else
        g_assert_cmpstr (lia_entity_get_string (evaluation, LIA_EVALUATION_COMMENTS), ==, "Theirs");
    }
}

/* What the rules refuse is not applied, and the record stays. */
static void
test_field_refused (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaConflict) bad_choice = add_conflict (ws, LIA_TEST_REQ1, "requirements", "", "field", "status",
                                                    "\"draft\"", "\"draft\"", "\"someday\"");
  g_autoptr(LiaConflict) bad_member = add_conflict (ws, API_MEETING, "meetings", "", "field", "attendees",
                                                    "[]", "[]", "[\"00000000-0000-4000-8000-000000000000\"]");

  assert_refused (ws, bad_choice, LIA_CONFLICT_CHOICE_THEIRS, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID);
  assert_refused (ws, bad_member, LIA_CONFLICT_CHOICE_THEIRS, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID);
  g_assert_cmpuint (n_conflicts (ws), ==, 2);
}

/* A key this version does not know: keeping ours is fine, another value
 * cannot go through the history and says so. */
static void
test_unknown_key (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaConflict) conflict = NULL;
  g_autofree char *after = NULL;
  LiaEntity *req = find (ws, LIA_TEST_REQ1);

  json_object_set_string_member (lia_entity_get_extra (req), "x_effort", "small");
  conflict = add_conflict (ws, LIA_TEST_REQ1, "requirements", "", "field", "x_effort", NULL, "\"small\"", "\"large\"");
  assert_refused (ws, conflict, LIA_CONFLICT_CHOICE_THEIRS, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  assert_refused (ws, conflict, LIA_CONFLICT_CHOICE_BASE, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  resolve_and_undo (ws, conflict, LIA_CONFLICT_CHOICE_OURS, &after);
  g_assert_cmpstr (json_object_get_string_member (lia_entity_get_extra (req), "x_effort"), ==, "small");
}

/* A tracker link is not a field either: taking theirs (no link) while
 * ours has one is refused, not reported as done. */
static void
test_remote_link (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  GListModel *tasks = G_LIST_MODEL (lia_workspace_get_tasks (ws));
  g_autoptr(LiaEntity) task = g_list_model_get_item (tasks, 0);
  g_autoptr(LiaRemoteRef) remote = g_object_new (LIA_TYPE_REMOTE_REF, NULL);
  g_autoptr(LiaConflict) conflict = NULL;
  g_autofree char *after = NULL;

  lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_SERVICE, "github");
  lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_KEY, "7");
  lia_entity_set_remote (task, remote);
  conflict = add_conflict (ws, lia_entity_get_id (task), "tasks", "", "field", "remote",
                           NULL, "{\"service\": \"github\", \"key\": \"7\"}", NULL);
  g_assert_false (lia_conflict_can_choose (conflict, ws, LIA_CONFLICT_CHOICE_THEIRS, NULL));
  assert_refused (ws, conflict, LIA_CONFLICT_CHOICE_THEIRS, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  resolve_and_undo (ws, conflict, LIA_CONFLICT_CHOICE_OURS, &after);
  g_assert_true (lia_entity_get_remote (task) == remote);
}

/* The workspace's own title: nothing in the history sets it, so only
 * keeping ours is offered; the view can tell before the click. */
static void
test_workspace_title (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaConflict) conflict = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(GError) error = NULL;

  lia_workspace_set_title (ws, "Ours");
  conflict = add_conflict (ws, "", "", "", "field", "title", "\"Base\"", "\"Ours\"", "\"Theirs\"");
  title = lia_conflict_describe (conflict, ws);
  theirs = lia_conflict_value_to_text (conflict, ws, LIA_CONFLICT_CHOICE_THEIRS);
  g_assert_cmpstr (title, ==, "The workspace: Title");
  g_assert_cmpstr (theirs, ==, "Theirs");
  g_assert_true (lia_conflict_can_choose (conflict, ws, LIA_CONFLICT_CHOICE_OURS, NULL));
  g_assert_false (lia_conflict_can_choose (conflict, ws, LIA_CONFLICT_CHOICE_THEIRS, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  assert_refused (ws, conflict, LIA_CONFLICT_CHOICE_THEIRS, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  resolve_and_undo (ws, conflict, LIA_CONFLICT_CHOICE_OURS, &after);
  g_assert_cmpstr (lia_workspace_get_title (ws), ==, "Ours");
}

/* Records as the merge engine writes them: taking theirs everywhere
 * gives their values, and undoing every choice gives the merged file. */
static void
test_from_merge (void)
{
  g_autoptr(LiaWorkspace) base = lia_workspace_new_sample ("en");
  g_autoptr(LiaWorkspace) ours = lia_workspace_new_sample ("en");
  g_autoptr(LiaWorkspace) theirs = lia_workspace_new_sample ("en");
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *undone = NULL;
  GListModel *conflicts = G_LIST_MODEL (lia_workspace_get_conflicts (ours));
  guint n = 0;

  lia_entity_set_string (find (ours, LIA_TEST_REQ1), LIA_REQUIREMENT_BUSINESS_NEED, "Faster inference");
  lia_entity_set_string (find (theirs, LIA_TEST_REQ1), LIA_REQUIREMENT_BUSINESS_NEED, "Quicker inference");
  lia_entity_set_string (find (ours, LIA_TEST_BACKGROUND), LIA_PAGE_BODY, "Ours.\n");
  lia_entity_set_string (find (theirs, LIA_TEST_BACKGROUND), LIA_PAGE_BODY, "Theirs.\n");
  g_assert_true (lia_workspace_merge (ours, base, theirs, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  merged = lia_workspace_to_data (ours, NULL);

  while (g_list_model_get_n_items (conflicts) > 0)
    {
      g_autoptr(LiaConflict) conflict = g_list_model_get_item (conflicts, 0);

      g_assert_true (lia_workspace_resolve_conflict (ours, conflict, LIA_CONFLICT_CHOICE_THEIRS, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (lia_entity_get_string (find (ours, LIA_TEST_REQ1), LIA_REQUIREMENT_BUSINESS_NEED), ==, "Quicker inference");
  g_assert_cmpstr (lia_entity_get_string (find (ours, LIA_TEST_BACKGROUND), LIA_PAGE_BODY), ==, "Theirs.\n");

  g_assert_cmpuint (lia_history_get_n_undo (lia_workspace_get_history (ours)), ==, 2);
  while (lia_history_undo (lia_workspace_get_history (ours)))
    ;
  undone = lia_workspace_to_data (ours, NULL);
  g_assert_cmpstr (undone, ==, merged);
}

static void
test_text (void)
{
  static const char *base = "\"# Background\\n\\nWe serve models.\\n\"";
  static const char *ours = "\"# Background\\n\\nWe serve models fast.\\n\"";
  static const char *theirs = "\"# Background\\n\\nWe serve models cheaply.\\n\"";
  static const struct { LiaConflictChoice choice; const char *body; } cases[] = {
    { LIA_CONFLICT_CHOICE_OURS, "# Background\n\nWe serve models fast.\n" },
    { LIA_CONFLICT_CHOICE_THEIRS, "# Background\n\nWe serve models cheaply.\n" },
    { LIA_CONFLICT_CHOICE_BASE, "# Background\n\nWe serve models.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
      g_autoptr(LiaConflict) conflict = NULL;
      g_autofree char *after = NULL;
      LiaEntity *page = find (ws, LIA_TEST_BACKGROUND);

      lia_entity_set_string (page, LIA_PAGE_BODY, cases[0].body);
      conflict = add_conflict (ws, LIA_TEST_BACKGROUND, "children", LIA_TEST_OVERVIEW, "text", "body", base, ours, theirs);
      resolve_and_undo (ws, conflict, cases[i].choice, &after);
      g_assert_cmpstr (lia_entity_get_string (page, LIA_PAGE_BODY), ==, cases[i].body);
    }
}

static JsonNode *
entity_json (LiaWorkspace *ws,
             const char   *collection,
             guint         index)
{
  g_autofree char *data = lia_workspace_to_data (ws, NULL);
  g_autoptr(JsonNode) root = json_from_string (data, NULL);
  JsonArray *list = json_object_get_array_member (json_node_get_object (root), collection);

  return json_node_copy (json_array_get_element (list, index));
}

/* Theirs removed a member ours changed: the merged file keeps ours. */
static void
test_edit_delete_theirs_removed (void)
{
  static const LiaConflictChoice choices[] = {
    LIA_CONFLICT_CHOICE_OURS, LIA_CONFLICT_CHOICE_THEIRS, LIA_CONFLICT_CHOICE_BASE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
      g_autoptr(JsonNode) member = entity_json (ws, "members", 4);
      g_autofree char *text = json_to_string (member, FALSE);
      g_autoptr(LiaConflict) conflict = add_conflict (ws, LIA_TEST_ENGINEER, "members", "", "edit-delete", "",
                                                      text, text, NULL);
      g_autofree char *after = NULL;
      LiaEntity *meeting = find (ws, API_MEETING);

      g_assert_true (g_strv_contains (lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES), LIA_TEST_ENGINEER));
      resolve_and_undo (ws, conflict, choices[i], &after);
      if (choices[i] == LIA_CONFLICT_CHOICE_THEIRS)
        {
          /* Gone, and so is every reference to it (undo above brought
           * both back byte for byte). */
          g_assert_null (find (ws, LIA_TEST_ENGINEER));
          g_assert_false (g_strv_contains (lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES), LIA_TEST_ENGINEER));
        }
      else
        g_assert_nonnull (find (ws, LIA_TEST_ENGINEER));
    }
}

/* Ours removed a page theirs changed: taking theirs brings back their
 * version, at the end of the list it was in. */
static void
test_edit_delete_ours_removed (void)
{
  static const LiaConflictChoice choices[] = {
    LIA_CONFLICT_CHOICE_OURS, LIA_CONFLICT_CHOICE_THEIRS, LIA_CONFLICT_CHOICE_BASE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
      LiaEntity *overview = find (ws, LIA_TEST_OVERVIEW);
      GListStore *kids = lia_entity_get_list (overview, LIA_PAGE_CHILDREN);
      g_autoptr(JsonNode) root = entity_json (ws, "pages", 0);
      JsonArray *overview_kids = json_object_get_array_member (
        json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "children"), 0),
        "children");
      JsonObject *background = json_array_get_object_element (overview_kids, 0);
      g_autofree char *base = NULL;
      g_autofree char *theirs = NULL;
      g_autoptr(LiaConflict) conflict = NULL;
      g_autofree char *after = NULL;
      g_autofree char *original_body = NULL;
      LiaEntity *page;

      g_assert_cmpstr (json_object_get_string_member (background, "id"), ==, LIA_TEST_BACKGROUND);
      original_body = g_strdup (json_object_get_string_member (background, "body"));
      {
        g_autoptr(JsonNode) node = json_node_alloc ();
        json_node_init_object (node, background);
        base = json_to_string (node, FALSE);
        json_object_set_string_member (background, "body", "Their background.");
        theirs = json_to_string (node, FALSE);
      }
      /* The merged workspace lacks it. */
      g_list_store_remove (kids, 0);
      conflict = add_conflict (ws, LIA_TEST_BACKGROUND, "children", LIA_TEST_OVERVIEW, "edit-delete", "", base, NULL, theirs);
      resolve_and_undo (ws, conflict, choices[i], &after);
      page = find (ws, LIA_TEST_BACKGROUND);
      if (choices[i] == LIA_CONFLICT_CHOICE_OURS)
        g_assert_null (page);
      else
        {
          g_assert_nonnull (page);
          g_assert_cmpstr (parent_title (ws, LIA_TEST_BACKGROUND), ==, "Project overview");
          {
            g_autoptr(LiaEntity) last = g_list_model_get_item (G_LIST_MODEL (kids),
                                                               g_list_model_get_n_items (G_LIST_MODEL (kids)) - 1);
            g_assert_true (last == page);
          }
          g_assert_cmpstr (lia_entity_get_string (page, LIA_PAGE_BODY), ==,
                           choices[i] == LIA_CONFLICT_CHOICE_THEIRS ? "Their background." : original_body);
        }
    }
}

static void
test_move (void)
{
  static const struct { LiaConflictChoice choice; const char *parent; } cases[] = {
    { LIA_CONFLICT_CHOICE_OURS, "Project overview" },
    { LIA_CONFLICT_CHOICE_THEIRS, "Technical documentation" },
    { LIA_CONFLICT_CHOICE_BASE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
      g_autoptr(LiaConflict) conflict = add_conflict (ws, LIA_TEST_BACKGROUND, "children", LIA_TEST_OVERVIEW, "move", "",
                                                      "\"\"", "\"" LIA_TEST_OVERVIEW "\"", "\"" TECH_DOCS "\"");
      g_autofree char *after = NULL;

      resolve_and_undo (ws, conflict, cases[i].choice, &after);
      g_assert_cmpstr (parent_title (ws, LIA_TEST_BACKGROUND), ==, cases[i].parent);
    }
}

/* Theirs put “Project overview” under its own child: refused, with the
 * record kept; keeping ours settles it. */
static void
test_cycle (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaConflict) conflict = add_conflict (ws, LIA_TEST_OVERVIEW, "children", DOCS_ROOT, "cycle", "",
                                                  "\"" DOCS_ROOT "\"", "\"" USER_MANUAL "\"", "\"" LIA_TEST_BACKGROUND "\"");
  g_autofree char *after = NULL;

  lia_workspace_resolve_conflict (ws, conflict, LIA_CONFLICT_CHOICE_OURS, NULL);
  g_assert_cmpstr (parent_title (ws, LIA_TEST_OVERVIEW), ==, "User manual");
  lia_history_undo (lia_workspace_get_history (ws));
  g_assert_cmpstr (parent_title (ws, LIA_TEST_OVERVIEW), ==, "vLLM inference engine documentation");

  assert_refused (ws, conflict, LIA_CONFLICT_CHOICE_THEIRS, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID);
  g_assert_cmpuint (n_conflicts (ws), ==, 1);
  resolve_and_undo (ws, conflict, LIA_CONFLICT_CHOICE_BASE, &after);
  g_assert_cmpstr (parent_title (ws, LIA_TEST_OVERVIEW), ==, "vLLM inference engine documentation");
}

static void
test_read_only (void)
{
  g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
  g_autofree char *data = lia_workspace_to_data (sample, NULL);
  g_autoptr(GRegex) version = g_regex_new ("\"version\": 1", 0, 0, NULL);
  g_autofree char *newer = g_regex_replace_literal (version, data, -1, 0, "\"version\": 99", 0, NULL);
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_from_data (newer, strlen (newer), "newer", NULL);
  g_autoptr(LiaConflict) conflict = NULL;

  g_assert_true (lia_workspace_get_read_only (ws));
  conflict = add_conflict (ws, LIA_TEST_REQ1, "requirements", "", "field", "status", "\"draft\"", "\"draft\"", "\"done\"");
  assert_refused (ws, conflict, LIA_CONFLICT_CHOICE_THEIRS, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_READ_ONLY);
  g_assert_cmpuint (n_conflicts (ws), ==, 1);
}

/* What the conflicts view says, in the user's words. */
static void
test_describe (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaConflict) status = add_conflict (ws, LIA_TEST_REQ1, "requirements", "", "field", "status",
                                                "\"draft\"", "\"draft\"", "\"done\"");
  g_autoptr(LiaConflict) body = add_conflict (ws, LIA_TEST_BACKGROUND, "children", LIA_TEST_OVERVIEW, "text", "body",
                                              "\"a\"", "\"b\"", "\"c\"");
  g_autoptr(LiaConflict) removed = add_conflict (ws, LIA_TEST_ENGINEER, "members", "", "edit-delete", "",
                                                 "{}", "{}", NULL);
  g_autoptr(LiaConflict) moved = add_conflict (ws, LIA_TEST_BACKGROUND, "children", LIA_TEST_OVERVIEW, "move", "",
                                               "\"\"", "\"" LIA_TEST_OVERVIEW "\"", "\"" TECH_DOCS "\"");
  g_autofree char *t1 = lia_conflict_describe (status, ws);
  g_autofree char *t2 = lia_conflict_describe (body, ws);
  g_autofree char *t3 = lia_conflict_describe (removed, ws);
  g_autofree char *t4 = lia_conflict_describe (moved, ws);
  g_autofree char *v1 = lia_conflict_value_to_text (status, ws, LIA_CONFLICT_CHOICE_THEIRS);
  g_autofree char *v2 = lia_conflict_value_to_text (removed, ws, LIA_CONFLICT_CHOICE_THEIRS);
  g_autofree char *v3 = lia_conflict_value_to_text (moved, ws, LIA_CONFLICT_CHOICE_THEIRS);
  g_autofree char *v4 = lia_conflict_value_to_text (moved, ws, LIA_CONFLICT_CHOICE_BASE);

  g_assert_cmpstr (t1, ==, "Requirement 1: Status");
  g_assert_cmpstr (t2, ==, "Page “Background”: Text");
  g_assert_cmpstr (t3, ==, "Member “Test Engineer” was removed by a teammate and changed by you");
  g_assert_cmpstr (t4, ==, "Page “Background” was moved to different places");
  g_assert_cmpstr (v1, ==, "Done");
  g_assert_cmpstr (v2, ==, "Removed");
  g_assert_cmpstr (v3, ==, "Under Page “Technical documentation”");
  g_assert_cmpstr (v4, ==, "At the top level");
  g_assert_true (lia_conflict_offers_base (status));
  g_assert_false (lia_conflict_offers_base (removed));
}

/* A removed item reads as its fields, not as JSON. */
static void
test_describe_removed_item (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  g_autoptr(LiaConflict) removed = add_conflict (ws, LIA_TEST_ENGINEER, "members", "", "edit-delete", "",
                                                 "{\"id\": \"" LIA_TEST_ENGINEER "\", \"name\": \"Test Engineer\", \"role\": \"\", "
                                                 "\"timezone\": \"Asia/Kolkata\", \"work_days\": [\"mon\", \"tue\"]}",
                                                 NULL,
                                                 "{\"id\": \"" LIA_TEST_ENGINEER "\", \"name\": \"Test Engineer\", \"role\": \"\", "
                                                 "\"timezone\": \"Asia/Tokyo\", \"work_days\": [\"mon\", \"tue\"]}");
  g_autofree char *theirs = lia_conflict_value_to_text (removed, ws, LIA_CONFLICT_CHOICE_THEIRS);
  g_autofree char *ours = lia_conflict_value_to_text (removed, ws, LIA_CONFLICT_CHOICE_OURS);

  g_assert_null (strstr (theirs, "{"));
  g_assert_null (strstr (theirs, LIA_TEST_ENGINEER));
  g_assert_nonnull (strstr (theirs, "Name: Test Engineer"));
  g_assert_nonnull (strstr (theirs, "Time zone: Asia/Tokyo"));
  g_assert_null (strstr (theirs, "Role"));  /* empty fields are left out */
  g_assert_cmpstr (ours, ==, "Removed");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/conflicts/field", test_field);
  g_test_add_func ("/conflicts/describe-removed-item", test_describe_removed_item);
  g_test_add_func ("/conflicts/field-kinds", test_field_kinds);
  g_test_add_func ("/conflicts/field-child", test_field_child);
  g_test_add_func ("/conflicts/field-refused", test_field_refused);
  g_test_add_func ("/conflicts/unknown-key", test_unknown_key);
  g_test_add_func ("/conflicts/remote-link", test_remote_link);
  g_test_add_func ("/conflicts/workspace-title", test_workspace_title);
  g_test_add_func ("/conflicts/from-merge", test_from_merge);
  g_test_add_func ("/conflicts/text", test_text);
  g_test_add_func ("/conflicts/edit-delete-theirs-removed", test_edit_delete_theirs_removed);
  g_test_add_func ("/conflicts/edit-delete-ours-removed", test_edit_delete_ours_removed);
  g_test_add_func ("/conflicts/move", test_move);
  g_test_add_func ("/conflicts/cycle", test_cycle);
  g_test_add_func ("/conflicts/read-only", test_read_only);
  g_test_add_func ("/conflicts/describe", test_describe);
  return g_test_run ();
}
