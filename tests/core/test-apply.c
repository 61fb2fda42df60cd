/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lia-workspace-apply.h"
#include "lia-model.h"

/* lia_workspace_apply(): a reload in place, as one undo step. */

static char *
sample_data (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples", "sample.en.liaison", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static LiaWorkspace *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  LiaWorkspace *ws = lia_workspace_new_from_data (data, strlen (data), "test", &error);

  g_assert_no_error (error);
  return ws;
}

static LiaEntity *
item (GListStore *store,
      guint       position)
{
  LiaEntity *entity = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_assert_nonnull (entity);
  g_object_unref (entity); /* the store keeps it alive */
  return entity;
}

static LiaEntity *
find_page (GListStore *pages,
           const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      LiaEntity *page = item (pages, i);
      LiaEntity *found;

      if (g_str_equal (lia_entity_get_string (page, LIA_PAGE_TITLE), title))
        return page;
      found = find_page (lia_entity_get_list (page, LIA_PAGE_CHILDREN), title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sample as another program left it: field edits, a step added, a
 * page under another parent, two agenda items swapped, a member gone
 * (and with it from the meeting's attendees).  Made through a workspace
 * of its own and read back, as a reload reads the file. */
static char *
edited_sample (void)
{
  g_autofree char *data = sample_data (NULL);
  g_autoptr(LiaWorkspace) ws = load (data);
  LiaHistory *history = lia_workspace_get_history (ws);
  LiaEntity *req = item (lia_workspace_get_requirements (ws), 0);
  LiaEntity *req1 = item (lia_workspace_get_requirements (ws), 1);
  LiaEntity *meeting = item (lia_workspace_get_meetings (ws), 0);
  GListStore *members = lia_workspace_get_members (ws);
  GListStore *pages = lia_workspace_get_pages (ws);
  LiaEntity *goals = find_page (pages, "Goals");
  LiaEntity *overview = find_page (pages, "Project overview");
  LiaEntity *technical = find_page (pages, "Technical documentation");
  g_autoptr(LiaEntity) step = LIA_ENTITY (lia_step_new ());
  guint position;

  lia_history_set_string (history, req, LIA_REQUIREMENT_BUSINESS_NEED, "A changed need", FALSE);
  lia_history_set_string (history, item (lia_entity_get_list (req1, LIA_REQUIREMENT_STEPS), 0),
                          LIA_STEP_TEXT, "A changed step", FALSE);
  lia_entity_set_string (step, LIA_STEP_TEXT, "A new step");
  g_assert_true (lia_history_insert (history, lia_entity_get_list (req, LIA_REQUIREMENT_STEPS), 2, step));

  g_assert_true (g_list_store_find (lia_entity_get_list (overview, LIA_PAGE_CHILDREN), goals, &position));
  g_object_ref (goals);
  lia_history_remove (history, lia_entity_get_list (overview, LIA_PAGE_CHILDREN), position);
  g_assert_true (lia_history_insert (history, lia_entity_get_list (technical, LIA_PAGE_CHILDREN), 1, goals));
  g_object_unref (goals);

  lia_history_move (history, lia_entity_get_list (meeting, LIA_MEETING_AGENDA), 0, 1);

  /* The technical writer attends the meeting; removing drops that too. */
  position = g_list_model_get_n_items (G_LIST_MODEL (members)) - 1;
  g_assert_true (g_strv_contains (lia_entity_get_strv (meeting, LIA_MEETING_ATTENDEES),
                                  lia_entity_get_id (item (members, position))));
  lia_history_remove (history, members, position);

  return lia_workspace_to_data (ws, NULL);
}

static void
test_apply_sample (void)
{
  g_autofree char *original = sample_data (NULL);
  g_autofree char *edited = edited_sample ();
  g_autoptr(LiaWorkspace) self = load (original);
  g_autoptr(LiaWorkspace) other = load (edited);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  LiaHistory *history = lia_workspace_get_history (self);
  LiaApplyCounts counts = { 0 };
  LiaEntity *req = item (lia_workspace_get_requirements (self), 0);
  LiaEntity *meeting = item (lia_workspace_get_meetings (self), 0);
  LiaEntity *agenda0 = item (lia_entity_get_list (meeting, LIA_MEETING_AGENDA), 0);
  LiaEntity *agenda1 = item (lia_entity_get_list (meeting, LIA_MEETING_AGENDA), 1);
  LiaEntity *goals = find_page (lia_workspace_get_pages (self), "Goals");
  LiaEntity *technical = find_page (lia_workspace_get_pages (self), "Technical documentation");
  LiaEntity *evaluation = lia_entity_get_child (meeting, LIA_MEETING_EVALUATION);
  LiaEntity *member0 = item (lia_workspace_get_members (self), 0);

  g_assert_cmpstr (original, !=, edited);
  g_assert_true (lia_workspace_apply (self, other, &counts, &error));
  g_assert_no_error (error);

  after = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (after, ==, edited);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 1);
  /* the requirement, the step, the meeting (its attendees) */
  g_assert_cmpuint (counts.changed, ==, 3);
  /* the page, the agenda item */
  g_assert_cmpuint (counts.moved, ==, 2);

  /* Kept ids kept their objects, wherever they went. */
  g_assert_true (item (lia_workspace_get_requirements (self), 0) == req);
  g_assert_true (item (lia_workspace_get_meetings (self), 0) == meeting);
  g_assert_true (item (lia_entity_get_list (meeting, LIA_MEETING_AGENDA), 0) == agenda1);
  g_assert_true (item (lia_entity_get_list (meeting, LIA_MEETING_AGENDA), 1) == agenda0);
  g_assert_true (item (lia_entity_get_list (technical, LIA_PAGE_CHILDREN), 1) == goals);
  g_assert_true (lia_entity_get_child (meeting, LIA_MEETING_EVALUATION) == evaluation);
  g_assert_true (item (lia_workspace_get_members (self), 0) == member0);

  /* One step, labelled; undo and redo are byte for byte. */
  g_assert_cmpuint (lia_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (lia_history_get_undo_label (history), ==, "Reload from Disk");
  g_assert_true (lia_history_undo (history));
  undone = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (undone, ==, original);
  g_assert_true (item (lia_entity_get_list (meeting, LIA_MEETING_AGENDA), 0) == agenda0);
  g_assert_false (lia_history_can_undo (history));
  g_assert_true (lia_history_redo (history));
  redone = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (redone, ==, edited);
}

/* The other way round: what was removed comes back, what was added goes,
 * the page returns to its parent. */
static void
test_apply_reverse (void)
{
  g_autofree char *original = sample_data (NULL);
  g_autofree char *edited = edited_sample ();
  g_autoptr(LiaWorkspace) self = load (edited);
  g_autoptr(LiaWorkspace) other = load (original);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  LiaApplyCounts counts = { 0 };

  g_assert_true (lia_workspace_apply (self, other, &counts, &error));
  g_assert_no_error (error);
  after = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (after, ==, original);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (counts.moved, ==, 2);
}

/* A page moved under a new page, in a new top-level page; a kept page
 * keeps its object inside the new one.  Then everything goes. */
static void
test_apply_nested (void)
{
  g_autofree char *original = sample_data (NULL);
  g_autoptr(LiaWorkspace) self = load (original);
  g_autoptr(LiaWorkspace) edit = load (original);
  g_autoptr(LiaWorkspace) other = NULL;
  g_autoptr(LiaWorkspace) empty = lia_workspace_new ();
  g_autoptr(LiaPage) top = lia_page_new ();
  g_autoptr(LiaPage) inner = lia_page_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  LiaEntity *api = find_page (lia_workspace_get_pages (self), "API design");
  LiaEntity *their_api = find_page (lia_workspace_get_pages (edit), "API design");
  LiaEntity *technical = find_page (lia_workspace_get_pages (edit), "Technical documentation");
  LiaApplyCounts counts = { 0 };
  guint position;

  lia_entity_set_string (LIA_ENTITY (top), LIA_PAGE_TITLE, "New top");
  lia_entity_set_string (LIA_ENTITY (inner), LIA_PAGE_TITLE, "New inner");
  g_assert_true (g_list_store_find (lia_entity_get_list (technical, LIA_PAGE_CHILDREN), their_api, &position));
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (inner), LIA_PAGE_CHILDREN), their_api);
  g_list_store_remove (lia_entity_get_list (technical, LIA_PAGE_CHILDREN), position);
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (top), LIA_PAGE_CHILDREN), inner);
  g_list_store_insert (lia_workspace_get_pages (edit), 0, top);
  edited = lia_workspace_to_data (edit, NULL);
  other = load (edited);

  g_assert_true (lia_workspace_apply (self, other, &counts, &error));
  g_assert_no_error (error);
  after = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (after, ==, edited);
  g_assert_true (find_page (lia_workspace_get_pages (self), "API design") == api);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (counts.removed, ==, 0);
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpuint (counts.moved, ==, 1);

  /* A page with children moves under another, losing one child and
   * gaining one on the way. */
  {
    g_autoptr(LiaWorkspace) edit2 = load (edited);
    g_autoptr(LiaWorkspace) other2 = NULL;
    g_autoptr(LiaPage) fresh = lia_page_new ();
    g_autofree char *edited2 = NULL;
    LiaEntity *their_tech = find_page (lia_workspace_get_pages (edit2), "Technical documentation");
    LiaEntity *manual = find_page (lia_workspace_get_pages (edit2), "User manual");
    LiaEntity *root = item (lia_workspace_get_pages (edit2), 1);
    LiaEntity *tech = find_page (lia_workspace_get_pages (self), "Technical documentation");
    LiaEntity *architecture = find_page (lia_workspace_get_pages (self), "Architecture");

    g_assert_true (g_list_store_find (lia_entity_get_list (root, LIA_PAGE_CHILDREN), their_tech, &position));
    g_object_ref (their_tech);
    g_list_store_remove (lia_entity_get_list (root, LIA_PAGE_CHILDREN), position);
    g_list_store_append (lia_entity_get_list (manual, LIA_PAGE_CHILDREN), their_tech);
    g_object_unref (their_tech);
    g_assert_true (find_page (lia_entity_get_list (their_tech, LIA_PAGE_CHILDREN), "Security design") != NULL);
    g_list_store_remove (lia_entity_get_list (their_tech, LIA_PAGE_CHILDREN), 2);
    lia_entity_set_string (LIA_ENTITY (fresh), LIA_PAGE_TITLE, "Fresh");
    g_list_store_insert (lia_entity_get_list (their_tech, LIA_PAGE_CHILDREN), 0, fresh);
    edited2 = lia_workspace_to_data (edit2, NULL);
    other2 = load (edited2);

    g_assert_true (lia_workspace_apply (self, other2, &counts, &error));
    g_assert_no_error (error);
    g_free (after);
    after = lia_workspace_to_data (self, NULL);
    g_assert_cmpstr (after, ==, edited2);
    g_assert_true (find_page (lia_workspace_get_pages (self), "Technical documentation") == tech);
    g_assert_true (find_page (lia_workspace_get_pages (self), "Architecture") == architecture);
    g_assert_null (find_page (lia_workspace_get_pages (self), "Security design"));
    g_assert_cmpuint (counts.added, ==, 1);
    g_assert_cmpuint (counts.removed, ==, 1);
    g_assert_cmpuint (counts.changed, ==, 0);
    g_assert_cmpuint (counts.moved, ==, 1);
    g_assert_true (lia_history_undo (lia_workspace_get_history (self)));
    g_free (after);
    after = lia_workspace_to_data (self, NULL);
    g_assert_cmpstr (after, ==, edited);
  }

  /* An empty file's worth: every entity goes, in one step. */
  lia_workspace_set_title (empty, lia_workspace_get_title (self));
  g_assert_true (lia_workspace_apply (self, empty, &counts, &error));
  g_assert_no_error (error);
  g_free (after);
  after = lia_workspace_to_data (self, NULL);
  {
    g_autofree char *want = lia_workspace_to_data (empty, NULL);
    g_assert_cmpstr (after, ==, want);
  }
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.removed, >, 100);
  g_assert_true (lia_history_undo (lia_workspace_get_history (self)));
  g_free (after);
  after = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (after, ==, edited);

  /* Nothing changed: no step at all. */
  g_assert_true (lia_workspace_apply (self, other, &counts, &error));
  g_assert_cmpuint (counts.added + counts.removed + counts.changed + counts.moved, ==, 0);
  g_assert_cmpuint (lia_history_get_n_undo (lia_workspace_get_history (self)), ==, 1);
}

/* Conflicts and accounts are collections like the others. */
static void
test_apply_other_collections (void)
{
  g_autofree char *original = sample_data (NULL);
  g_autoptr(LiaWorkspace) self = load (original);
  g_autoptr(LiaWorkspace) edit = load (original);
  g_autoptr(LiaWorkspace) other = NULL;
  g_autoptr(LiaWorkspace) back = load (original);
  g_autoptr(JsonNode) base = json_from_string ("\"old\"", NULL);
  g_autoptr(JsonNode) ours = json_from_string ("\"mine\"", NULL);
  g_autoptr(JsonNode) theirs = json_from_string ("\"yours\"", NULL);
  LiaEntity *req = item (lia_workspace_get_requirements (edit), 0);
  g_autoptr(LiaConflict) conflict = lia_conflict_new (lia_entity_get_id (req), "requirements", "", "field",
                                                      "owner", base, ours, theirs);
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  LiaApplyCounts counts = { 0 };

  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_NAME, "Tracker");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_SERVICE, "jira-cloud");
  lia_entity_set_string (LIA_ENTITY (account), LIA_ACCOUNT_URL, "https://example.atlassian.net");
  g_list_store_append (lia_workspace_get_accounts (edit), account);
  g_list_store_append (lia_workspace_get_conflicts (edit), conflict);
  g_assert_true (lia_workspace_check (edit, NULL));
  edited = lia_workspace_to_data (edit, NULL);
  other = load (edited);

  g_assert_true (lia_workspace_apply (self, other, &counts, &error));
  g_assert_no_error (error);
  after = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (after, ==, edited);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_true (lia_workspace_has_conflict (self, lia_entity_get_id (req), "owner"));

  g_assert_true (lia_workspace_apply (self, back, &counts, &error));
  g_free (after);
  after = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (after, ==, original);
  g_assert_cmpuint (counts.removed, ==, 2);
  g_assert_cmpuint (counts.added, ==, 0);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
assert_refused (LiaWorkspace *self,
                LiaWorkspace *other,
                const char   *original)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  LiaApplyCounts counts = { 0 };

  g_assert_false (lia_workspace_apply (self, other, &counts, &error));
  g_assert_error (error, LIA_APPLY_ERROR, LIA_APPLY_ERROR_UNSUPPORTED);
  g_assert_false (lia_history_can_undo (lia_workspace_get_history (self)));
  after = lia_workspace_to_data (self, NULL);
  g_assert_cmpstr (after, ==, original);
}

/* What the history cannot carry makes the caller reopen, with self as
 * it was. */
static void
test_apply_fallbacks (void)
{
  g_autofree char *original = sample_data (NULL);
  g_autoptr(LiaWorkspace) self = load (original);
  const char *task_key = "\"summary\": \"Implement continuous batching\"";

  {
    g_autofree char *data = replace_once (original, "\"title\": \"", "\"title\": \"Renamed ");
    g_autoptr(LiaWorkspace) other = load (data);
    assert_refused (self, other, original);
  }
  {
    g_autofree char *with = g_strdup_printf ("%s,\n      \"x_future\": 1", task_key);
    g_autofree char *data = replace_once (original, task_key, with);
    g_autoptr(LiaWorkspace) other = load (data);
    assert_refused (self, other, original);
  }
  {
    g_autofree char *data = replace_once (original, "\"version\": 1,", "\"version\": 1,\n  \"x_future\": true,");
    g_autoptr(LiaWorkspace) other = load (data);
    assert_refused (self, other, original);
  }
  {
    g_autoptr(LiaWorkspace) other = load (original);
    g_autoptr(LiaRemoteRef) remote = lia_remote_ref_new ();
    LiaEntity *task = item (lia_workspace_get_tasks (other), 0);

    lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_SERVICE, "jira");
    lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_KEY, "VLLM-1");
    lia_entity_set_remote (task, remote);
    assert_refused (self, other, original);
  }
  /* A value the rules refuse (set behind the history's back, as no file
   * that loads could hold it): nothing is applied, and no redo step of a
   * half-done apply is left. */
  {
    g_autoptr(LiaWorkspace) other = load (original);
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;
    LiaApplyCounts counts = { 0 };

    lia_entity_set_string (item (lia_workspace_get_requirements (other), 0),
                           LIA_REQUIREMENT_BUSINESS_NEED, "Changed first");
    lia_entity_set_string (item (lia_workspace_get_tasks (other), 0), LIA_TASK_PROJECT, "");
    g_assert_false (lia_workspace_apply (self, other, &counts, &error));
    g_assert_error (error, LIA_APPLY_ERROR, LIA_APPLY_ERROR_REFUSED);
    g_assert_false (lia_history_can_undo (lia_workspace_get_history (self)));
    g_assert_false (lia_history_can_redo (lia_workspace_get_history (self)));
    after = lia_workspace_to_data (self, NULL);
    g_assert_cmpstr (after, ==, original);
  }
  /* Ids used twice (possible only in memory): refused before anything
   * is changed, as the apply relies on them being unique. */
  {
    g_autoptr(LiaWorkspace) other = load (original);
    g_autoptr(LiaEntity) twin = lia_entity_copy (item (lia_workspace_get_requirements (other), 0), FALSE);
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;

    g_list_store_append (lia_workspace_get_requirements (other), twin);
    g_assert_false (lia_workspace_apply (self, other, NULL, &error));
    g_assert_error (error, LIA_APPLY_ERROR, LIA_APPLY_ERROR_REFUSED);
    g_assert_false (lia_history_can_undo (lia_workspace_get_history (self)));
    after = lia_workspace_to_data (self, NULL);
    g_assert_cmpstr (after, ==, original);
  }
  {
    g_autofree char *data = replace_once (original, "\"version\": 1,", "\"version\": 2,");
    g_autoptr(LiaWorkspace) other = load (data);
    g_assert_true (lia_workspace_get_read_only (other));
    assert_refused (self, other, original);
  }
  {
    g_autofree char *data = replace_once (original, "\"2026-03-31\"", "\"2026-02-30\"");
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaWorkspace) other = lia_workspace_new_from_data_full (data, strlen (data), "test",
                                                                      LIA_LOAD_RECOVER, &error);
    g_assert_no_error (error);
    g_assert_true (lia_workspace_get_needs_review (other));
    assert_refused (self, other, original);
  }
}

static void
quit_later (gpointer loop)
{
  g_main_loop_quit (loop);
}

/* Reloading the workspace's own file leaves it unmodified: no autosave
 * rewrites what another program (git) wrote, even where that is not our
 * canonical form.  The undo is an edit like any other. */
static void
test_apply_own_file (void)
{
  g_autofree char *original = sample_data (NULL);
  g_autofree char *edited = edited_sample ();
  g_autofree char *on_disk = g_strconcat (edited, "\n\n", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lia-apply-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.liaison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaWorkspace) self = NULL;
  g_autoptr(LiaWorkspace) other = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *contents = NULL;
  LiaApplyCounts counts;

  g_assert_true (g_file_set_contents (path, original, -1, &error));
  self = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  lia_workspace_set_autosave (self, 10);

  g_assert_true (g_file_set_contents (path, on_disk, -1, &error));
  other = lia_workspace_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_workspace_apply (self, other, &counts, &error));
  g_assert_no_error (error);
  g_assert_false (lia_workspace_get_modified (self));

  g_timeout_add_once (200, quit_later, loop);
  g_main_loop_run (loop);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, on_disk);

  g_assert_true (lia_history_undo (lia_workspace_get_history (self)));
  g_assert_true (lia_workspace_get_modified (self));
  lia_workspace_set_autosave (self, 0);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/apply/sample", test_apply_sample);
  g_test_add_func ("/apply/reverse", test_apply_reverse);
  g_test_add_func ("/apply/nested", test_apply_nested);
  g_test_add_func ("/apply/other-collections", test_apply_other_collections);
  g_test_add_func ("/apply/fallbacks", test_apply_fallbacks);
  g_test_add_func ("/apply/own-file", test_apply_own_file);

  return g_test_run ();
}
