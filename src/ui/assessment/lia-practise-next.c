/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-practise-next.c: an assessment's lowest areas and what trains them. */
#define G_LOG_DOMAIN "lia-practise-next"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-assessment-trends.h"
#include "lia-playbook.h"
#include "lia-practise-next.h"
#include "lia-text-list.h"

/* The list is bound to a list of area numbers: a rating that leaves the
 * two lowest areas as they were only retitles the rows ("Teamwork (2 of
 * 5)"), and a button under the pointer stays where it is.  The buttons
 * ask the window, through win.show-area and win.show-playbook-for, for
 * the page or the playbook entries that train the area. */

struct _LiaPractiseNext
{
  AdwPreferencesGroup  parent_instance;

  LiaAssessment       *assessment;
  GListModel          *playbook;
  GListModel          *builtin;
  GtkStringList       *areas;       /* the lowest areas, as numbers */

  /* template children */
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (LiaPractiseNext, lia_practise_next, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
page_label (const char *area)
{
  if (g_str_equal (area, "requirements"))
    return _("Open Requirements");
  if (g_str_equal (area, "meetings"))
    return _("Open Meetings");
  if (g_str_equal (area, "tasks"))
    return _("Open Tasks");
  if (g_str_equal (area, "documents"))
    return _("Open Documents");
  if (g_str_equal (area, "zones"))
    return _("Open Time Zones");
  return _("Open the Playbook");
}

static void
practising_entries (GListModel *entries,
                    const char *area_id,
                    GPtrArray  *names)
{
  for (guint i = 0; entries && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LiaPlaybookEntry) entry = g_list_model_get_item (entries, i);
      if (g_strv_contains (lia_entity_get_strv (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_PRACTISES), area_id))
        g_ptr_array_add (names, (gpointer) lia_entity_get_string (LIA_ENTITY (entry), LIA_PLAYBOOK_ENTRY_NAME));
    }
}

/* The playbook entries that train @area, or "" when none does. */
static char *
practising_text (LiaPractiseNext *self,
                 guint            area)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  practising_entries (self->builtin, lia_competency_get (area)->id, names);
  practising_entries (self->playbook, lia_competency_get (area)->id, names);
  if (names->len == 0)
    return g_strdup ("");
  g_ptr_array_add (names, NULL);
  /* Playbook entries that train an area, as a list. */
  joined = lia_text_list_join ((const char * const *) names->pdata);
  return g_strdup_printf (_("Playbook: %s"), joined);
}

static guint
area_at (LiaPractiseNext *self,
         guint            position)
{
  return (guint) g_ascii_strtoull (gtk_string_list_get_string (self->areas, position), NULL, 10);
}

static void
update_row (LiaPractiseNext *self,
            AdwActionRow    *row,
            guint            area)
{
  int scores[LIA_N_AREAS];
  g_autofree char *title = NULL;

  lia_assessment_scores (self->assessment, scores);
  /* Translators: a suggestion: an area and its score, "Teamwork (2 of 5)" */
  title = g_strdup_printf (_("%s (%d of 5)"), lia_competency_get_name (area), scores[area]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaPractiseNext *self = user_data;
  guint area = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
  const LiaCompetency *info = lia_competency_get (area);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (page_label (info->app_area));
  g_autofree char *subtitle = practising_text (self, area);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_row (self, ADW_ACTION_ROW (row), area);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (*subtitle)
    {
      GtkWidget *playbook = gtk_button_new_from_icon_name ("view-list-bullet-symbolic");
      const char *label = _("Show These in the Playbook");

      gtk_widget_set_tooltip_text (playbook, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (playbook), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (playbook, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (playbook, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (playbook), "win.show-playbook-for");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (playbook), "s", info->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), playbook);
    }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-area");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->app_area);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
lia_practise_next_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaPractiseNext *self = LIA_PRACTISE_NEXT (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_practise_next_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaPractiseNext *self = LIA_PRACTISE_NEXT (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      lia_practise_next_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_practise_next_dispose (GObject *object)
{
  LiaPractiseNext *self = LIA_PRACTISE_NEXT (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PRACTISE_NEXT);
  g_clear_object (&self->assessment);
  g_clear_object (&self->playbook);
  g_clear_object (&self->builtin);
  g_clear_object (&self->areas);

  G_OBJECT_CLASS (lia_practise_next_parent_class)->dispose (object);
}

static void
lia_practise_next_class_init (LiaPractiseNextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_practise_next_dispose;
  object_class->get_property = lia_practise_next_get_property;
  object_class->set_property = lia_practise_next_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, LIA_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/assessment/lia-practise-next.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPractiseNext, list);
}

static void
lia_practise_next_init (LiaPractiseNext *self)
{
  GtkWidget *placeholder = adw_action_row_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->builtin = g_object_ref (G_LIST_MODEL (lia_playbook_get_builtin ()));
  self->areas = gtk_string_list_new (NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder), _("Rate the areas to see what to practise next"));
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->areas), create_row, self, NULL);
}

LiaAssessment *
lia_practise_next_get_assessment (LiaPractiseNext *self)
{
  g_return_val_if_fail (LIA_IS_PRACTISE_NEXT (self), NULL);

  return self->assessment;
}

void
lia_practise_next_set_assessment (LiaPractiseNext *self,
                                  LiaAssessment   *assessment)
{
  g_return_if_fail (LIA_IS_PRACTISE_NEXT (self));
  g_return_if_fail (assessment == NULL || LIA_IS_ASSESSMENT (assessment));

  if (!g_set_object (&self->assessment, assessment))
    return;
  lia_practise_next_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

void
lia_practise_next_set_playbook (LiaPractiseNext *self,
                                GListModel      *playbook)
{
  g_return_if_fail (LIA_IS_PRACTISE_NEXT (self));
  g_return_if_fail (playbook == NULL || G_IS_LIST_MODEL (playbook));

  g_set_object (&self->playbook, playbook);
}

void
lia_practise_next_update (LiaPractiseNext *self)
{
  guint lowest[2];
  guint n, old;
  gboolean same;

  g_return_if_fail (LIA_IS_PRACTISE_NEXT (self));

  n = self->assessment ? lia_assessment_lowest (self->assessment, 2, lowest) : 0;
  old = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  same = n == old;
  /* The same areas, trained by the same playbook entries. */
  for (guint i = 0; same && i < n; i++)
    {
      g_autofree char *subtitle = practising_text (self, lowest[i]);
      AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (self->list, i));

      same = area_at (self, i) == lowest[i] && g_strcmp0 (adw_action_row_get_subtitle (row), subtitle) == 0;
    }
  if (same)
    {
      /* Only the scores in the titles changed. */
      for (guint i = 0; i < n; i++)
        update_row (self, ADW_ACTION_ROW (gtk_list_box_get_row_at_index (self->list, i)), lowest[i]);
      return;
    }
  {
    g_autofree char *a = g_strdup_printf ("%u", n > 0 ? lowest[0] : 0);
    g_autofree char *b = g_strdup_printf ("%u", n > 1 ? lowest[1] : 0);
    const char *strings[] = { a, b, NULL };

    strings[n] = NULL;
    gtk_string_list_splice (self->areas, 0, old, strings);
  }
}

char *
lia_practise_next_get_text (LiaPractiseNext *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LIA_IS_PRACTISE_NEXT (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->areas)); i++)
    {
      guint area = area_at (self, i);

      g_string_append_printf (out, "%s%s → %s", out->len ? "\n" : "", lia_competency_get_name (area), lia_competency_get (area)->app_area);
    }
  return g_string_free (out, FALSE);
}
