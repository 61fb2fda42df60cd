/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-team-list.c: the team on the Time Zones page, one LiaMemberRow per
 * member of the workspace, and who the meeting is for. */
#define G_LOG_DOMAIN "lia-team-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-credentials.h"
#include "lia-member-dialog.h"
#include "lia-member-row.h"
#include "lia-model.h"
#include "lia-team-list.h"
#include "lia-toast.h"

/* The list is bound to the members model: adding, removing or undoing
 * touches one row, and every other row (and the focus in it) stays.
 * Members are added, edited (in a LiaMemberDialog) and removed through
 * the history.
 * Who is left out of the meeting is kept by id, so that a member whose
 * removal is undone comes back as they were; new members are in. */

struct _LiaTeamList
{
  AdwPreferencesGroup  parent_instance;

  GListStore          *members;
  LiaHistory          *history;
  LiaLiveCalendars    *calendars;    /* for the rows' "Calendar read" */
  GHashTable          *left_out;     /* member ids */
  gint64               instant;
  gboolean             read_only;

  GtkListBox          *list_box;
  GtkWidget           *refresh_button;
};

G_DEFINE_FINAL_TYPE (LiaTeamList, lia_team_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_MEMBERS,
  PROP_HISTORY,
  PROP_INSTANT,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
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

static guint
position_of (LiaTeamList  *self,
             LiaMemberRow *row,
             gboolean     *found)
{
  guint position = 0;

  *found = g_list_store_find (self->members, lia_member_row_get_member (row), &position);
  return position;
}

static void
row_edit_cb (LiaMemberRow *row,
             LiaTeamList  *self)
{
  gboolean found;
  guint position = position_of (self, row, &found);

  if (found)
    lia_team_list_edit_member (self, position);
}

static void
row_remove_cb (LiaMemberRow *row,
               LiaTeamList  *self)
{
  gboolean found;
  guint position = position_of (self, row, &found);

  if (found)
    lia_team_list_remove_member (self, position);
}

static void
member_saved_cb (LiaMemberDialog *dialog,
                 LiaMember       *copy,
                 LiaTeamList     *self)
{
  LiaMember *original = lia_member_dialog_get_original (dialog);
  const char *secret = lia_member_dialog_get_secret (dialog);

  if (self->read_only || self->history == NULL || self->members == NULL)
    return;

  /* The CalDAV password goes to the keyring, never into the member (the
   * file); it is keyed by the member and the calendar it opens. */
  if (secret != NULL)
    lia_credentials_store_calendar (lia_entity_get_id (LIA_ENTITY (original ? original : copy)),
                                    lia_entity_get_string (LIA_ENTITY (copy), LIA_MEMBER_BUSY_SOURCE),
                                    secret);

  if (original == NULL)
    {
      lia_history_begin (self->history, _("Add member"));
      lia_history_insert (self->history, self->members, g_list_model_get_n_items (G_LIST_MODEL (self->members)), copy);
      lia_history_end (self->history);
      return;
    }

  lia_history_begin (self->history, _("Edit member"));
  for (guint f = 0; f < LIA_MEMBER_N_FIELDS; f++)
    {
      const GValue *value = lia_entity_peek_value (LIA_ENTITY (copy), f);
      if (!lia_entity_value_equal (LIA_ENTITY (original), f, value))
        lia_history_set_value (self->history, LIA_ENTITY (original), f, value, FALSE);
    }
  lia_history_end (self->history);
}

static gboolean
writable (LiaTeamList *self)
{
  return !self->read_only && self->history != NULL && self->members != NULL;
}

static LiaMemberDialog *
open_dialog (LiaTeamList *self,
             LiaMember   *member)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LiaMemberDialog *dialog;

  if (!writable (self))
    return NULL;
  dialog = lia_member_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, member);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (member_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaTeamList *self = user_data;
  GtkWidget *row = lia_member_row_new (LIA_MEMBER (item));

  lia_member_row_set_calendars (LIA_MEMBER_ROW (row), self->calendars);
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
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
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
    case PROP_HISTORY:
      lia_team_list_set_history (self, g_value_get_object (value));
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
  g_clear_object (&self->history);
  g_clear_object (&self->calendars);
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
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The workspace's history, which every change goes through. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, LIA_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The moment (Unix seconds) whose offsets the rows show. */
  properties[PROP_INSTANT] =
    g_param_spec_int64 ("instant", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A check box was ticked or cleared. */
  signals[CHOSEN_CHANGED] = g_signal_new ("chosen-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LIA_TYPE_MEMBER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/zones/lia-team-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTeamList, list_box);
  gtk_widget_class_bind_template_child (widget_class, LiaTeamList, refresh_button);
}

static void
lia_team_list_init (LiaTeamList *self)
{
  self->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The button follows zones.refresh-calendars, which is enabled while
   * some member has a live calendar; otherwise it is not shown at all. */
  g_object_bind_property (self->refresh_button, "sensitive", self->refresh_button, "visible", G_BINDING_SYNC_CREATE);
}

void
lia_team_list_set_members (LiaTeamList *self,
                           GListStore  *members)
{
  g_return_if_fail (LIA_IS_TEAM_LIST (self));
  g_return_if_fail (members == NULL || G_IS_LIST_STORE (members));

  if (!g_set_object (&self->members, members))
    return;
  /* Another workspace: its members are all in. */
  g_hash_table_remove_all (self->left_out);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (members), create_row, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

void
lia_team_list_set_history (LiaTeamList *self,
                           LiaHistory  *history)
{
  g_return_if_fail (LIA_IS_TEAM_LIST (self));
  g_return_if_fail (history == NULL || LIA_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* Opens the dialog for a new member, who is added on Save; NULL when
 * the team cannot be changed. */
LiaMemberDialog *
lia_team_list_add_member (LiaTeamList *self)
{
  g_return_val_if_fail (LIA_IS_TEAM_LIST (self), NULL);

  return open_dialog (self, NULL);
}

LiaMemberDialog *
lia_team_list_edit_member (LiaTeamList *self,
                           guint        position)
{
  g_autoptr(LiaMember) member = NULL;

  g_return_val_if_fail (LIA_IS_TEAM_LIST (self), NULL);

  if (self->members == NULL || (member = g_list_model_get_item (G_LIST_MODEL (self->members), position)) == NULL)
    return NULL;
  return open_dialog (self, member);
}

void
lia_team_list_remove_member (LiaTeamList *self,
                             guint        position)
{
  g_autoptr(LiaMember) member = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (LIA_IS_TEAM_LIST (self));

  if (!writable (self) || (member = g_list_model_get_item (G_LIST_MODEL (self->members), position)) == NULL)
    return;

  /* Translators: shown with Undo after a team member was removed */
  title = g_strdup_printf (_("Removed %s"), lia_entity_get_string (LIA_ENTITY (member), LIA_MEMBER_NAME));
  lia_history_begin (self->history, _("Remove member"));
  lia_history_remove (self->history, self->members, position);
  lia_history_end (self->history);
  lia_show_undo_toast (GTK_WIDGET (self), title);
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

/* The rows show their member's calendar reads from @calendars; set before
 * the members. */
void
lia_team_list_set_calendars (LiaTeamList      *self,
                             LiaLiveCalendars *calendars)
{
  g_return_if_fail (LIA_IS_TEAM_LIST (self));
  g_return_if_fail (calendars == NULL || LIA_IS_LIVE_CALENDARS (calendars));

  g_set_object (&self->calendars, calendars);
}
