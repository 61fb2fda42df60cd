/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-team-list.c: the team on the Time Zones page, one LiaMemberRow per
 * member of the workspace, and who the meeting is for. */
#define G_LOG_DOMAIN "lia-team-list"

#include "config.h"

#include "lia-member-row.h"
#include "lia-model.h"
#include "lia-team-list.h"

/* The list is bound to the members model: adding, removing or undoing
 * touches one row, and every other row (and the focus in it) stays.
 * Who is left out of the meeting is kept by id, so that a member whose
 * removal is undone comes back as they were; new members are in. */

struct _LiaTeamList
{
  AdwPreferencesGroup  parent_instance;

  GListModel          *members;
  GHashTable          *left_out;     /* member ids */
  gint64               instant;
  gboolean             read_only;

  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (LiaTeamList, lia_team_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_MEMBERS,
  PROP_INSTANT,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDIT_MEMBER,
  REMOVE_MEMBER,
  CHOSEN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_included_cb (LiaMemberRow *row,
                 GParamSpec   *pspec,
                 LiaTeamList  *self)
{
  const char *id = lia_entity_get_id (LIA_ENTITY (lia_member_row_get_member (row)));
  gboolean included = lia_member_row_get_included (row);

  if (included == !g_hash_table_contains (self->left_out, id))
    return;
  if (included)
    g_hash_table_remove (self->left_out, id);
  else
    g_hash_table_add (self->left_out, g_strdup (id));
  g_signal_emit (self, signals[CHOSEN_CHANGED], 0);
}

static void
row_edit_cb (LiaMemberRow *row,
             LiaTeamList  *self)
{
  g_signal_emit (self, signals[EDIT_MEMBER], 0, lia_member_row_get_member (row));
}

static void
row_remove_cb (LiaMemberRow *row,
               LiaTeamList  *self)
{
  g_signal_emit (self, signals[REMOVE_MEMBER], 0, lia_member_row_get_member (row));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaTeamList *self = user_data;
  GtkWidget *row = lia_member_row_new (LIA_MEMBER (item));

  lia_member_row_set_included (LIA_MEMBER_ROW (row),
                               !g_hash_table_contains (self->left_out, lia_entity_get_id (LIA_ENTITY (item))));
  g_object_bind_property (self, "instant", row, "instant", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "read-only", row, "read-only", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (row, "notify::included", G_CALLBACK (row_included_cb), self, 0);
  g_signal_connect_object (row, "edit", G_CALLBACK (row_edit_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, 0);
  return row;
}

static void
lia_team_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaTeamList *self = LIA_TEAM_LIST (object);

  switch (prop_id)
    {
    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;
    case PROP_INSTANT:
      g_value_set_int64 (value, self->instant);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_team_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LiaTeamList *self = LIA_TEAM_LIST (object);

  switch (prop_id)
    {
    case PROP_MEMBERS:
      lia_team_list_set_members (self, g_value_get_object (value));
      break;
    case PROP_INSTANT:
      lia_team_list_set_instant (self, g_value_get_int64 (value));
      break;
    case PROP_READ_ONLY:
      lia_team_list_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_team_list_dispose (GObject *object)
{
  LiaTeamList *self = LIA_TEAM_LIST (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TEAM_LIST);
  g_clear_object (&self->members);
  G_OBJECT_CLASS (lia_team_list_parent_class)->dispose (object);
}

static void
lia_team_list_finalize (GObject *object)
{
  LiaTeamList *self = LIA_TEAM_LIST (object);

  g_hash_table_unref (self->left_out);
  G_OBJECT_CLASS (lia_team_list_parent_class)->finalize (object);
}

static void
lia_team_list_class_init (LiaTeamListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_team_list_dispose;
  object_class->finalize = lia_team_list_finalize;
  object_class->get_property = lia_team_list_get_property;
  object_class->set_property = lia_team_list_set_property;

  /* The workspace's LiaMember store. */
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The moment (Unix seconds) whose offsets the rows show. */
  properties[PROP_INSTANT] =
    g_param_spec_int64 ("instant", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The member's Edit button (or the row) and Remove button. */
  signals[EDIT_MEMBER] = g_signal_new ("edit-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_MEMBER);
  signals[REMOVE_MEMBER] = g_signal_new ("remove-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_MEMBER);
  /* A check box was ticked or cleared. */
  signals[CHOSEN_CHANGED] = g_signal_new ("chosen-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LIA_TYPE_MEMBER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-team-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTeamList, list_box);
}

static void
lia_team_list_init (LiaTeamList *self)
{
  self->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lia_team_list_set_members (LiaTeamList *self,
                           GListModel  *members)
{
  g_return_if_fail (LIA_IS_TEAM_LIST (self));
  g_return_if_fail (members == NULL || G_IS_LIST_MODEL (members));

  if (!g_set_object (&self->members, members))
    return;
  /* Another workspace: its members are all in. */
  g_hash_table_remove_all (self->left_out);
  gtk_list_box_bind_model (self->list_box, members, create_row, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

GListModel *
lia_team_list_get_members (LiaTeamList *self)
{
  g_return_val_if_fail (LIA_IS_TEAM_LIST (self), NULL);

  return self->members;
}

gboolean
lia_team_list_is_chosen (LiaTeamList *self,
                         LiaMember   *member)
{
  g_return_val_if_fail (LIA_IS_TEAM_LIST (self), FALSE);
  g_return_val_if_fail (LIA_IS_MEMBER (member), FALSE);

  return !g_hash_table_contains (self->left_out, lia_entity_get_id (LIA_ENTITY (member)));
}

void
lia_team_list_set_instant (LiaTeamList *self,
                           gint64       instant)
{
  g_return_if_fail (LIA_IS_TEAM_LIST (self));

  if (self->instant == instant)
    return;
  self->instant = instant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANT]);
}

void
lia_team_list_set_read_only (LiaTeamList *self,
                             gboolean     read_only)
{
  g_return_if_fail (LIA_IS_TEAM_LIST (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* For tests: the rows' list. */
GtkListBox *
lia_team_list_get_list_box (LiaTeamList *self)
{
  g_return_val_if_fail (LIA_IS_TEAM_LIST (self), NULL);

  return self->list_box;
}
