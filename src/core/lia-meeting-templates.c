/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-meeting-templates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lia-meeting-templates.h"
#include "lia-workspace.h"

typedef struct
{
  int          minutes;
  const char  *kind;
  const char  *title;
  const char  *owners[3];
} TemplateItem;

/* The article's API design meeting agenda, 09:00-11:10. */
static const TemplateItem api_design[] = {
  { 10, "presentation", N_("Opening and background"), { N_("Facilitator") } },
  { 20, "discussion", N_("API functional requirements"), { N_("Product manager") } },
  { 30, "discussion", N_("API design proposal"), { N_("Inference engineer") } },
  /* Translators: an agenda item's title: a pause in the meeting */
  { 15, "break", N_("Break"), { N_("Everyone") } },
  { 30, "discussion", N_("Performance and security requirements"), { N_("Performance engineer"), N_("Security engineer") } },
  { 15, "decision", N_("Decisions and action items"), { N_("Facilitator") } },
  { 10, "presentation", N_("Summary and close"), { N_("Facilitator") } },
};

static const TemplateItem weekly_sync[] = {
  { 5, "discussion", N_("Check-in"), { N_("Facilitator") } },
  { 15, "presentation", N_("Progress since last week"), { N_("Everyone") } },
  { 10, "discussion", N_("Blockers and risks"), { N_("Everyone") } },
  { 5, "decision", N_("Action items"), { N_("Facilitator") } },
};

/* The article's mock-meeting evaluation form. */
static const char * const dimensions[] = {
  N_("Preparation"), N_("Agenda execution"), N_("Participation"), N_("Communication effectiveness"),
  N_("Decision quality"), N_("Clarity of action items"), N_("Time management"), N_("Overall satisfaction"),
};

void
lia_meeting_add_evaluation (LiaMeeting *meeting)
{
  g_autoptr(LiaEvaluation) evaluation = lia_evaluation_new ();
  GListStore *ratings = lia_entity_get_list (LIA_ENTITY (evaluation), LIA_EVALUATION_RATINGS);

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      g_autoptr(LiaRating) rating = lia_rating_new ();
      lia_entity_set_string (LIA_ENTITY (rating), LIA_RATING_NAME, _(dimensions[i]));
      g_list_store_append (ratings, rating);
    }
  lia_entity_set_child (LIA_ENTITY (meeting), LIA_MEETING_EVALUATION, LIA_ENTITY (evaluation));
}

static LiaMeeting *
build (const char         *title,
       const char         *goal,
       const TemplateItem *items,
       guint               n,
       const char         *recurrence)
{
  LiaMeeting *meeting = lia_meeting_new ();
  GListStore *agenda = lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA);
  int total = 0;

  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, title);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_GOAL, goal);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_RECURRENCE, recurrence);
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, "2026-01-20T09:00");
  lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, "UTC");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAgendaItem) item = lia_agenda_item_new ();
      g_autoptr(GStrvBuilder) owners = g_strv_builder_new ();
      g_auto(GStrv) owner_list = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (items[i].owners) && items[i].owners[k]; k++)
        g_strv_builder_add (owners, _(items[i].owners[k]));
      owner_list = g_strv_builder_end (owners);
      lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_TITLE, _(items[i].title));
      lia_entity_set_int (LIA_ENTITY (item), LIA_AGENDA_ITEM_DURATION, items[i].minutes);
      lia_entity_set_string (LIA_ENTITY (item), LIA_AGENDA_ITEM_KIND, items[i].kind);
      lia_entity_set_strv (LIA_ENTITY (item), LIA_AGENDA_ITEM_OWNERS, (const char * const *) owner_list);
      g_list_store_append (agenda, item);
      total += items[i].minutes;
    }
  lia_entity_set_int (LIA_ENTITY (meeting), LIA_MEETING_DURATION, total);
  lia_meeting_add_evaluation (meeting);
  return meeting;
}

GPtrArray *
lia_meeting_templates_builtin (void)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (out, build (_("API design meeting"), _("Review the design of the API"),
                               api_design, G_N_ELEMENTS (api_design), "none"));
  g_ptr_array_add (out, build (_("Weekly sync"), _("Share progress, unblock each other"),
                               weekly_sync, G_N_ELEMENTS (weekly_sync), "weekly"));
  return out;
}

char *
lia_meeting_templates_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", "meeting-templates.liaison", NULL);
}

/* The user's templates: the meetings of a workspace file of their own. */
GPtrArray *
lia_meeting_templates_load_user (const char  *path,
                                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaWorkspace) workspace = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *meetings;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_query_exists (file, NULL))
    return out;
  workspace = lia_workspace_new_from_file (file, NULL, &local_error);
  if (workspace == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_ptr_array_unref (out);
      return NULL;
    }
  meetings = G_LIST_MODEL (lia_workspace_get_meetings (workspace));
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    g_ptr_array_add (out, g_list_model_get_item (meetings, i));
  return out;
}

/* Adds a copy of MEETING, without what happened in it, to the user's
 * templates (replacing one of the same title). */
gboolean
lia_meeting_templates_save_user (const char  *path,
                                 LiaMeeting  *meeting,
                                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(LiaWorkspace) workspace = NULL;
  g_autoptr(LiaEntity) copy = lia_entity_copy (LIA_ENTITY (meeting), TRUE);
  g_autoptr(GError) local_error = NULL;
  GListStore *meetings;
  GListModel *agenda;
  const char *title = lia_entity_get_string (copy, LIA_MEETING_TITLE);

  if (g_file_query_exists (file, NULL))
    {
      workspace = lia_workspace_new_from_file (file, NULL, error);
      if (workspace == NULL)
        return FALSE;
    }
  else
    {
      workspace = lia_workspace_new ();
      lia_workspace_set_title (workspace, _("Meeting templates"));
      if (!g_file_make_directory_with_parents (parent, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  lia_entity_set_string (copy, LIA_MEETING_MINUTES, "");
  lia_entity_set_strv (copy, LIA_MEETING_DECISIONS, NULL);
  lia_entity_set_strv (copy, LIA_MEETING_ATTENDEES, NULL);
  g_list_store_remove_all (lia_entity_get_list (copy, LIA_MEETING_ACTION_ITEMS));
  agenda = G_LIST_MODEL (lia_entity_get_list (copy, LIA_MEETING_AGENDA));
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
      lia_entity_set_int (item, LIA_AGENDA_ITEM_ACTUAL, 0);
    }
  lia_meeting_add_evaluation (LIA_MEETING (copy));

  meetings = lia_workspace_get_meetings (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (meetings)); i++)
    {
      g_autoptr(LiaEntity) old = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      if (g_str_equal (lia_entity_get_string (old, LIA_MEETING_TITLE), title))
        {
          g_list_store_remove (meetings, i);
          break;
        }
    }
  g_list_store_append (meetings, copy);
  return lia_workspace_save (workspace, file, NULL, error);
}

/* A new meeting like TEMPLATE (new ids) at START in ZONE. */
LiaMeeting *
lia_meeting_new_from_template (LiaMeeting *template_,
                               const char *start,
                               const char *zone)
{
  LiaEntity *meeting = lia_entity_copy (LIA_ENTITY (template_), TRUE);

  lia_entity_set_string (meeting, LIA_MEETING_START, start);
  lia_entity_set_string (meeting, LIA_MEETING_TIMEZONE, zone);
  return LIA_MEETING (meeting);
}

/* Run mode */

LiaMeetingRun *
lia_meeting_run_new (LiaMeeting *meeting,
                     gint64      now)
{
  GListModel *agenda = G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (meeting), LIA_MEETING_AGENDA));
  LiaMeetingRun *run = g_new0 (LiaMeetingRun, 1);

  run->n_items = g_list_model_get_n_items (agenda);
  run->planned = g_new0 (int, MAX (run->n_items, 1));
  run->actual = g_new0 (int, MAX (run->n_items, 1));
  for (guint i = 0; i < run->n_items; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (agenda, i);
      run->planned[i] = lia_entity_get_int (item, LIA_AGENDA_ITEM_DURATION);
    }
  run->started = run->item_started = now;
  return run;
}

void
lia_meeting_run_free (LiaMeetingRun *run)
{
  if (run == NULL)
    return;
  g_free (run->planned);
  g_free (run->actual);
  g_free (run);
}

/* Seconds left in the current item; negative when it runs over. */
gint64
lia_meeting_run_remaining (LiaMeetingRun *run,
                           gint64         now)
{
  if (run->current >= run->n_items)
    return 0;
  return (gint64) run->planned[run->current] * 60 - (now - run->item_started);
}

/* Seconds the meeting is behind its plan (positive) or ahead (negative):
 * the finished items' actual time against their plan, plus the current
 * item's overrun so far. */
gint64
lia_meeting_run_drift (LiaMeetingRun *run,
                       gint64         now)
{
  gint64 planned = 0;

  for (guint i = 0; i < run->current && i < run->n_items; i++)
    planned += (gint64) run->planned[i] * 60;
  if (run->current >= run->n_items)
    return (now - run->started) - planned;
  return (run->item_started - run->started) - planned + MAX (0, -lia_meeting_run_remaining (run, now));
}

/* Ends the current item (its actual minutes rounded to the nearest, at
 * least 1) and starts the next. FALSE when the meeting is over. */
gboolean
lia_meeting_run_advance (LiaMeetingRun *run,
                         gint64         now)
{
  if (run->current >= run->n_items)
    return FALSE;
  run->actual[run->current] = (int) MAX (1, (now - run->item_started + 30) / 60);
  run->current++;
  run->item_started = now;
  return run->current < run->n_items;
}
