/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-test-workspace.h"

/* A large generated workspace for the crash test and the benchmarks.
 * Ids are fixed (a counter), so two processes that build the same
 * workspace write the same bytes. */
LiaWorkspace *
lia_test_workspace_new (guint       n_requirements,
                        guint       n_steps,
                        const char *owner)
{
  LiaWorkspace *workspace = lia_workspace_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint next_id = 0;

  for (guint i = 0; i < n_requirements; i++)
    {
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012x", next_id++);
      g_autofree char *need = g_strdup_printf ("Business need %u: 提高模型推理速度", i);
      LiaRequirement *req = g_object_new (LIA_TYPE_REQUIREMENT, "id", id, NULL);
      GListStore *steps = lia_entity_get_list (LIA_ENTITY (req), LIA_REQUIREMENT_STEPS);

      lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, need);
      lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_TECHNICAL_NEED, "Optimize inference engine performance");
      lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_OWNER, owner);
      for (guint j = 0; j < n_steps; j++)
        {
          g_autofree char *step_id = g_strdup_printf ("00000000-0000-4000-8000-%012x", next_id++);
          g_autoptr(LiaStep) step = g_object_new (LIA_TYPE_STEP, "id", step_id, NULL);

          lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, "Optimize KV cache management");
          g_list_store_append (steps, step);
        }
      g_ptr_array_add (items, req);
    }
  g_list_store_splice (lia_workspace_get_requirements (workspace), 0, 0, items->pdata, items->len);
  return workspace;
}

/* A large page tree: @n_sections sections ("Section S") of @n_pages
 * pages each ("Page S.P" and @title_end, with @body, may be %NULL),
 * appended to @workspace's tree; @last_pages (may be %NULL) gets the last
 * page of each section. */
void
lia_test_workspace_add_pages (LiaWorkspace *workspace,
                              guint         n_sections,
                              guint         n_pages,
                              const char   *title_end,
                              const char   *body,
                              LiaPage     **last_pages)
{
  GListStore *roots = lia_workspace_get_pages (workspace);

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(LiaPage) section = lia_page_new ();
      g_autofree char *name = g_strdup_printf ("Section %u", s);

      lia_entity_set_string (LIA_ENTITY (section), LIA_PAGE_TITLE, name);
      for (guint p = 0; p < n_pages; p++)
        {
          g_autoptr(LiaPage) page = lia_page_new ();
          g_autofree char *title = g_strdup_printf ("Page %u.%u%s", s, p, title_end ? title_end : "");

          lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, title);
          if (body != NULL)
            lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, body);
          g_list_store_append (lia_entity_get_list (LIA_ENTITY (section), LIA_PAGE_CHILDREN), page);
          if (last_pages != NULL)
            last_pages[s] = page;
        }
      g_list_store_append (roots, section);
    }
}

/* Adds @n_meetings meetings (one a day from 2026-01-05 09:00, Shanghai
 * time, each with a three-item agenda and a line of minutes) and
 * @n_tasks tasks to @workspace: with lia_test_workspace_new (20000, 4)
 * and 5 000 pages, the 100 000-entity workspace. */
void
lia_test_workspace_add_meetings_and_tasks (LiaWorkspace *workspace,
                                           guint         n_meetings,
                                           guint         n_tasks)
{
  static const char *statuses[] = { "todo", "in-progress", "done" };
  static const char *priorities[] = { "low", "medium", "high" };
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);

  for (guint m = 0; m < n_meetings; m++)
    {
      g_autoptr(LiaMeeting) meeting = lia_meeting_new ();
      g_autoptr(GDateTime) day = g_date_time_add_days (first, m);
      g_autofree char *start = g_date_time_format (day, "%Y-%m-%dT%H:%M");
      g_autofree char *title = g_strdup_printf ("API design meeting %u", m);

      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, title);
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "Asia/Shanghai");
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_GOAL, "Review the design of the chat API");
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_MINUTES, "# Minutes\n\n- streaming first\n");
      for (guint a = 0; a < 3; a++)
        {
          g_autoptr(LiaAgendaItem) item = lia_agenda_item_new ();
          g_autofree char *topic = g_strdup_printf ("Topic %u", a + 1);

          lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_TITLE, topic);
          lia_entity_set_int (LIA_ENTITY (item), LIA_AGENDA_ITEM_DURATION, 20);
          g_list_store_append (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA), item);
        }
      g_list_store_append (lia_workspace_get_meetings (workspace), meeting);
    }
  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(LiaTask) task = lia_task_new ();
      g_autofree char *summary = g_strdup_printf ("Implement step %u of the inference engine", t);

      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PROJECT, "vLLM inference engine");
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_TYPE, "Story");
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_SUMMARY, summary);
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_DESCRIPTION, "1. Design\n2. Build\n3. Measure");
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_PRIORITY, priorities[t % 3]);
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_STATUS, statuses[t % 3]);
      lia_entity_set_string (LIA_ENTITY (task), LIA_TASK_ASSIGNEE, "Inference Engineer A");
      g_list_store_append (lia_workspace_get_tasks (workspace), task);
    }
}

/* Records what a merge left to decide in @workspace, with the three
 * sides as JSON texts (%NULL where a side has no value).
 *
 * Returns: (transfer full): the conflict record, also in the workspace */
LiaConflict *
lia_test_add_conflict (LiaWorkspace *workspace,
                       const char   *entity,
                       const char   *collection,
                       const char   *parent,
                       const char   *kind,
                       const char   *field,
                       const char   *base,
                       const char   *ours,
                       const char   *theirs)
{
  g_autoptr(JsonNode) b = base ? json_from_string (base, NULL) : NULL;
  g_autoptr(JsonNode) o = ours ? json_from_string (ours, NULL) : NULL;
  g_autoptr(JsonNode) t = theirs ? json_from_string (theirs, NULL) : NULL;
  LiaConflict *conflict = lia_conflict_new (entity, collection, parent, kind, field, b, o, t);

  g_list_store_append (lia_workspace_get_conflicts (workspace), conflict);
  return conflict;
}

/* The three kinds of record a git merge leaves in the English sample: a
 * field both sides changed (the first requirement's status), a text
 * both sides edited (the Background page, LIA_TEST_OUR_BODY against
 * LIA_TEST_THEIR_BODY) and a member one side edited and the other
 * removed.  Only the records: the model is left as it is. */
void
lia_test_add_sample_conflicts (LiaWorkspace *workspace)
{
  g_autoptr(JsonNode) our_body = json_node_init_string (json_node_alloc (), LIA_TEST_OUR_BODY);
  g_autoptr(JsonNode) their_body = json_node_init_string (json_node_alloc (), LIA_TEST_THEIR_BODY);
  g_autofree char *ours = json_to_string (our_body, FALSE);
  g_autofree char *theirs = json_to_string (their_body, FALSE);

  g_object_unref (lia_test_add_conflict (workspace, LIA_TEST_REQ1, "requirements", "", "field", "status",
                                         "\"draft\"", "\"agreed\"", "\"done\""));
  g_object_unref (lia_test_add_conflict (workspace, LIA_TEST_BACKGROUND, "children", LIA_TEST_OVERVIEW, "text", "body",
                                         "\"# Background\\n\"", ours, theirs));
  g_object_unref (lia_test_add_conflict (workspace, LIA_TEST_ENGINEER, "members", "", "edit-delete", "",
                                         "{}", "{}", NULL));
}
