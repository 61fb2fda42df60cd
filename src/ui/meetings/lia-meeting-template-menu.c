/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-meeting-template-menu.c: the templates a new meeting starts from, and new meetings. */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-meeting-template-menu.h"
#include "lia-meeting-templates.h"

/* The menu's items activate "meetings.new(i)" with i the template's
 * index (-1: a blank meeting); the page that shows the menu installs
 * that action, and a popup carries its own that emits "chosen". */

struct _LiaMeetingTemplateMenu
{
  GObject    parent_instance;

  GPtrArray *templates;     /* LiaMeeting: built-in, then the user's */
  guint      n_builtin;
  GMenu     *menu;
};

G_DEFINE_FINAL_TYPE (LiaMeetingTemplateMenu, lia_meeting_template_menu, G_TYPE_OBJECT)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
load (LiaMeetingTemplateMenu *self)
{
  g_autofree char *path = lia_meeting_templates_user_path ();
  g_autoptr(GPtrArray) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) builtin = g_menu_new ();
  g_autoptr(GMenu) own = g_menu_new ();

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = lia_meeting_templates_builtin ();
  self->n_builtin = self->templates->len;
  user = lia_meeting_templates_load_user (path, &error);
  if (user == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; user != NULL && i < user->len; i++)
    g_ptr_array_add (self->templates, g_object_ref (g_ptr_array_index (user, i)));

  g_menu_remove_all (self->menu);
  g_menu_append (builtin, _("Blank Meeting"), "meetings.new(-1)");
  for (guint i = 0; i < self->templates->len; i++)
    {
      g_autofree char *action = g_strdup_printf ("meetings.new(%u)", i);
      g_menu_append (i < self->n_builtin ? builtin : own,
                     lia_entity_get_string (g_ptr_array_index (self->templates, i), LIA_MEETING_TITLE), action);
    }
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (builtin));
  if (self->templates->len > self->n_builtin)
    g_menu_append_section (self->menu, _("Your Templates"), G_MENU_MODEL (own));
}

GMenuModel *
lia_meeting_template_menu_get_model (LiaMeetingTemplateMenu *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_TEMPLATE_MENU (self), NULL);

  return G_MENU_MODEL (self->menu);
}

GPtrArray *
lia_meeting_template_menu_get_templates (LiaMeetingTemplateMenu *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_TEMPLATE_MENU (self), NULL);

  return self->templates;
}

/* Returns: (transfer none) (nullable): the template at @index, NULL for
 * a blank meeting (-1 or out of range). */
LiaMeeting *
lia_meeting_template_menu_get_template (LiaMeetingTemplateMenu *self,
                                        int                     index)
{
  g_return_val_if_fail (LIA_IS_MEETING_TEMPLATE_MENU (self), NULL);

  return index >= 0 && (guint) index < self->templates->len ? g_ptr_array_index (self->templates, index) : NULL;
}

/* Saves @meeting as the user's template and offers it from now on. */
gboolean
lia_meeting_template_menu_save (LiaMeetingTemplateMenu  *self,
                                LiaMeeting              *meeting,
                                GError                 **error)
{
  g_autofree char *path = lia_meeting_templates_user_path ();

  g_return_val_if_fail (LIA_IS_MEETING_TEMPLATE_MENU (self), FALSE);
  g_return_val_if_fail (LIA_IS_MEETING (meeting), FALSE);

  if (!lia_meeting_templates_save_user (path, meeting, error))
    return FALSE;
  load (self);
  return TRUE;
}

/* The next full hour, in the local zone when it is a named one. */
static void
next_hour (char **start,
           char **zone_id)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GTimeZone) named = g_time_zone_new_identifier (g_time_zone_get_identifier (local));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) hour = NULL;
  GTimeZone *zone;

  if (named != NULL && g_time_zone_get_identifier (named)[0] != '/' &&
      g_strcmp0 (g_time_zone_get_identifier (named), "localtime") != 0)
    {
      zone = named;
      *zone_id = g_strdup (g_time_zone_get_identifier (named));
    }
  else
    {
      zone = NULL;
      *zone_id = g_strdup ("UTC");
    }
  now = zone ? g_date_time_new_now (zone) : g_date_time_new_now_utc ();
  hour = g_date_time_add_minutes (now, 60 - g_date_time_get_minute (now));
  *start = g_date_time_format (hour, "%Y-%m-%dT%H:00");
}

/**
 * lia_meeting_template_menu_make:
 * @template_: (nullable): the template, NULL for a blank meeting
 * @members: (element-type LiaMember): the team, all invited to start with
 *
 * Returns: (transfer full): a new meeting at the next full hour, not yet
 * in any workspace
 */
LiaMeeting *
lia_meeting_template_menu_make (LiaMeeting *template_,
                                GListModel *members)
{
  LiaMeeting *meeting;
  g_autofree char *start = NULL;
  g_autofree char *zone_id = NULL;
  g_autoptr(GStrvBuilder) attendees = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (template_ == NULL || LIA_IS_MEETING (template_), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (members), NULL);

  next_hour (&start, &zone_id);
  if (template_ != NULL)
    meeting = lia_meeting_new_from_template (template_, start, zone_id);
  else
    {
      meeting = lia_meeting_new ();
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE, _("New meeting"));
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_START, start);
      lia_entity_set_string (LIA_ENTITY (meeting), LIA_MEETING_TIMEZONE, zone_id);
    }

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);
      g_strv_builder_add (attendees, lia_entity_get_id (member));
    }
  ids = g_strv_builder_end (attendees);
  lia_entity_set_strv (LIA_ENTITY (meeting), LIA_MEETING_ATTENDEES, (const char * const *) ids);
  return meeting;
}

static gboolean
unparent_idle_cb (gpointer data)
{
  gtk_widget_unparent (GTK_WIDGET (data));
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
popover_closed_cb (GtkPopover *popover)
{
  /* After the chosen item's action has run. */
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

static void
chosen_cb (GSimpleAction          *action,
           GVariant               *param,
           LiaMeetingTemplateMenu *self)
{
  g_signal_emit (self, signals[CHOSEN], 0,
                 lia_meeting_template_menu_get_template (self, g_variant_get_int32 (param)));
}

/**
 * lia_meeting_template_menu_popup:
 * @anchor: the widget the menu hangs from (the header's +)
 *
 * Offers the templates (Blank Meeting first) in a menu at @anchor that
 * carries its own "meetings.new", so it works wherever @anchor sits; the
 * choice comes back as "chosen". The menu is taken away after use.
 *
 * Returns: (transfer none): the menu, shown
 */
GtkPopover *
lia_meeting_template_menu_popup (LiaMeetingTemplateMenu *self,
                                 GtkWidget              *anchor)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("new", G_VARIANT_TYPE_INT32);
  GtkWidget *popover;

  g_return_val_if_fail (LIA_IS_MEETING_TEMPLATE_MENU (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (anchor), NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (chosen_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->menu));
  gtk_widget_insert_action_group (popover, "meetings", G_ACTION_GROUP (group));
  gtk_widget_set_parent (popover, anchor);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  return GTK_POPOVER (popover);
}

LiaMeetingTemplateMenu *
lia_meeting_template_menu_new (void)
{
  return g_object_new (LIA_TYPE_MEETING_TEMPLATE_MENU, NULL);
}

static void
lia_meeting_template_menu_finalize (GObject *object)
{
  LiaMeetingTemplateMenu *self = LIA_MEETING_TEMPLATE_MENU (object);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (lia_meeting_template_menu_parent_class)->finalize (object);
}

static void
lia_meeting_template_menu_class_init (LiaMeetingTemplateMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_meeting_template_menu_finalize;

  /**
   * LiaMeetingTemplateMenu::chosen:
   * @template_: (nullable): the template, NULL for a blank meeting
   *
   * An item of a popup made by lia_meeting_template_menu_popup () was
   * chosen.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_MEETING);
}

static void
lia_meeting_template_menu_init (LiaMeetingTemplateMenu *self)
{
  self->menu = g_menu_new ();
  load (self);
}
