/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-page-templates.c: what a new page starts with, and the menu that offers it. */
#define G_LOG_DOMAIN "lia-page-templates"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lia-export.h"
#include "lia-page-templates.h"
#include "lia-page-tree.h"

static const char *api_design_body =
  N_("# API design\n\n## Purpose\n\n## Endpoints\n\n| Method | Path | Description |\n|---|---|---|\n|  |  |  |\n\n"
     "## Request\n\n## Response\n\n## Errors\n\n## Open questions\n");
static const char *decision_body =
  N_("# Decision record\n\n**Status:** proposed\n\n## Context\n\n## Decision\n\n## Consequences\n");

/* The day a meeting starts, as the locale writes dates, so meetings of one
 * title (a weekly design meeting) tell apart; NULL without a start. The
 * start is the meeting's own wall-clock time, so no zone is applied. */
static char *
meeting_date (LiaMeeting *meeting)
{
  const char *start = lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_START);
  unsigned year, month, day;
  GDate date;
  char buffer[128];

  if (start == NULL || sscanf (start, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (g_date_strftime (buffer, sizeof buffer, _("%a %e %b %Y"), &date) == 0)
    return NULL;
  return g_strstrip (g_strdup (buffer));
}

/* Minutes of a meeting of the workspace: its Markdown export, with a link
 * back to it by id. */
static LiaPage *
minutes_new (LiaWorkspace *workspace,
             guint         index)
{
  GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (workspace));
  g_autoptr(LiaMeeting) meeting = index < g_list_model_get_n_items (meetings) ? g_list_model_get_item (meetings, index) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  LiaPage *page;

  if (meeting == NULL)
    return NULL;
  text = lia_export_meeting (meeting, G_LIST_MODEL (lia_workspace_get_members (workspace)), LIA_EXPORT_MARKDOWN, NULL);
  date = meeting_date (meeting);
  if (date != NULL)
    /* Translators: the title of a page of meeting minutes: the meeting's title and date */
    title = g_strdup_printf (_("Minutes: %s (%s)"), lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE), date);
  else
    /* Translators: the title of a page of meeting minutes */
    title = g_strdup_printf (_("Minutes: %s"), lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE));
  /* Translators: a link at the end of minutes, back to the meeting */
  body = g_strdup_printf ("%s\n[%s](meeting:%s)\n", text ? text : "", _("Open the meeting"),
                          lia_entity_get_id (LIA_ENTITY (meeting)));
  page = lia_page_new ();
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, title);
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, body);
  return page;
}

/**
 * lia_page_template_new:
 * @kind: "page", "space", "api", "decision" or "minutes:N" (the Nth
 *   meeting of @workspace)
 *
 * Returns: (transfer full) (nullable): a new page, not yet in the tree;
 *   NULL for a meeting that is not there.
 */
LiaPage *
lia_page_template_new (const char   *kind,
                       LiaWorkspace *workspace)
{
  LiaPage *page;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  if (g_str_equal (kind, "space"))
    return lia_pages_new_space ();
  if (g_str_has_prefix (kind, "minutes:"))
    return minutes_new (workspace, (guint) g_ascii_strtoull (kind + 8, NULL, 10));
  page = lia_page_new ();
  if (g_str_equal (kind, "api"))
    {
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("API design"));
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, _(api_design_body));
    }
  else if (g_str_equal (kind, "decision"))
    {
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("Decision record"));
      lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY, _(decision_body));
    }
  else
    lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, _("Untitled page"));
  return page;
}

/* The New Page menu: pages, templates, the minutes of each meeting (they
 * change with the workspace's meetings), and import. */
void
lia_page_templates_fill_menu (GMenu        *menu,
                              LiaWorkspace *workspace)
{
  g_autoptr(GMenu) pages = g_menu_new ();
  g_autoptr(GMenu) templates = g_menu_new ();
  g_autoptr(GMenu) minutes = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();
  GListModel *meetings;

  g_return_if_fail (G_IS_MENU (menu));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  meetings = workspace ? G_LIST_MODEL (lia_workspace_get_meetings (workspace)) : NULL;
  g_menu_remove_all (menu);
  g_menu_append (pages, _("_Page"), "documents.new('page')");
  g_menu_append (pages, _("_Child Page"), "documents.new('child')");
  g_menu_append (templates, _("_API Design Page"), "documents.new('api')");
  g_menu_append (templates, _("_Decision Record"), "documents.new('decision')");
  for (guint i = 0; meetings && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(LiaEntity) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *date = meeting_date (LIA_MEETING (meeting));
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      if (date != NULL)
        /* Translators: a menu item that starts the minutes of a meeting: its title and its date */
        label = g_strdup_printf (_("Minutes of “%s” (%s)"), lia_entity_get_string (meeting, LIA_MEETING_TITLE), date);
      else
        label = g_strdup_printf (_("Minutes of “%s”"), lia_entity_get_string (meeting, LIA_MEETING_TITLE));
      action = g_strdup_printf ("documents.new('minutes:%u')", i);
      g_menu_append (minutes, label, action);
    }
  g_menu_append (templates, _("New _Space from the Article"), "documents.new('space')");
  /* Importing is not a template: it sits with Export in the page menu,
   * and here in a section of its own for a space without pages. */
  g_menu_append (files, _("_Import Markdown Folder…"), "documents.import");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (pages));
  g_menu_append_section (menu, _("Templates"), G_MENU_MODEL (templates));
  if (g_menu_model_get_n_items (G_MENU_MODEL (minutes)) > 0)
    g_menu_append_section (menu, _("Meeting Minutes"), G_MENU_MODEL (minutes));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));
}
