/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiaConflictsDialog: keep mine or take theirs, per field of one task. */
#define G_LOG_DOMAIN "lia-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-conflicts-dialog.h"
#include "lia-model.h"

struct _LiaConflictsDialog
{
  AdwMessageDialog parent_instance;

  LiaWorkspace    *workspace;
  LiaEntity       *entity;

  GtkCheckButton  *summary_check;
  GtkCheckButton  *description_check;
  GtkCheckButton  *priority_check;
  GtkCheckButton  *assignee_check;
  GtkCheckButton  *due_check;
};

G_DEFINE_FINAL_TYPE (LiaConflictsDialog, lia_conflicts_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PROP_0,
  PROP_WORKSPACE,
  PROP_ENTITY,
  N_PROPS
};

enum
{
  RESOLVED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkCheckButton *
check_for (LiaConflictsDialog *self,
           LiaSyncField        field)
{
  GtkCheckButton *checks[LIA_SYNC_N_FIELDS] = {
    self->summary_check, self->description_check, self->priority_check, self->assignee_check, self->due_check,
  };

  return checks[field];
}

static LiaOutboxOp *
find_op (LiaConflictsDialog *self)
{
  if (self->workspace == NULL || self->entity == NULL)
    return NULL;
  return lia_sync_find_op (self->workspace, lia_entity_get_id (self->entity));
}

/* Each field names both values; one that is the same on both sides has
 * nothing to choose. */
static void
fill_fields (LiaConflictsDialog *self)
{
  static const char *names[] = { N_("Summary"), N_("Description"), N_("Priority"), N_("Assignee"), N_("Due date") };
  LiaOutboxOp *op = find_op (self);
  g_autoptr(LiaIssue) remote = NULL;
  g_autoptr(LiaIssue) local = NULL;

  if (op == NULL)
    return;
  remote = lia_issue_from_json (lia_entity_get_json (LIA_ENTITY (op), LIA_OUTBOX_OP_REMOTE));
  local = lia_sync_issue_for_entity (self->workspace, self->entity);
  for (guint f = 0; f < LIA_SYNC_N_FIELDS; f++)
    {
      GtkCheckButton *check = check_for (self, f);
      const char *mine = lia_sync_field_value (local, f);
      const char *theirs = lia_sync_field_value (remote, f);
      g_autofree char *text = g_strdup_printf (_("%s — here: “%.80s” · tracker: “%.80s”"), _(names[f]), mine, theirs);

      gtk_check_button_set_label (check, text);
      gtk_widget_set_sensitive (GTK_WIDGET (check), g_strcmp0 (mine, theirs) != 0);
      gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (GTK_WIDGET (check))), TRUE);
    }
}

static void
response_cb (LiaConflictsDialog *self,
             const char         *response)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "apply"))
    return;
  if (!lia_conflicts_dialog_apply (self, &error) && error != NULL)
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

LiaEntity *
lia_conflicts_dialog_get_entity (LiaConflictsDialog *self)
{
  g_return_val_if_fail (LIA_IS_CONFLICTS_DIALOG (self), NULL);

  return self->entity;
}

gboolean
lia_conflicts_dialog_get_take_theirs (LiaConflictsDialog *self,
                                      LiaSyncField        field)
{
  g_return_val_if_fail (LIA_IS_CONFLICTS_DIALOG (self), FALSE);
  g_return_val_if_fail (field < LIA_SYNC_N_FIELDS, FALSE);

  return gtk_check_button_get_active (check_for (self, field));
}

void
lia_conflicts_dialog_set_take_theirs (LiaConflictsDialog *self,
                                      LiaSyncField        field,
                                      gboolean            take_theirs)
{
  g_return_if_fail (LIA_IS_CONFLICTS_DIALOG (self));
  g_return_if_fail (field < LIA_SYNC_N_FIELDS);

  gtk_check_button_set_active (check_for (self, field), take_theirs);
}

/* The ticked fields take the tracker's value, the others keep this side's;
 * FALSE with @error unset when the conflict is already gone. */
gboolean
lia_conflicts_dialog_apply (LiaConflictsDialog *self,
                            GError            **error)
{
  gboolean take[LIA_SYNC_N_FIELDS] = { FALSE };
  LiaOutboxOp *op;

  g_return_val_if_fail (LIA_IS_CONFLICTS_DIALOG (self), FALSE);

  op = find_op (self);
  if (op == NULL)
    return FALSE;
  for (guint f = 0; f < LIA_SYNC_N_FIELDS; f++)
    take[f] = gtk_check_button_get_active (check_for (self, f));
  if (!lia_sync_resolve_conflict (self->workspace, op, take, error))
    return FALSE;
  g_signal_emit (self, signals[RESOLVED], 0);
  return TRUE;
}

static void
lia_conflicts_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (lia_conflicts_dialog_parent_class)->constructed (object);
  fill_fields (LIA_CONFLICTS_DIALOG (object));
}

static void
lia_conflicts_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaConflictsDialog *self = LIA_CONFLICTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_conflicts_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiaConflictsDialog *self = LIA_CONFLICTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_ENTITY:
      self->entity = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_conflicts_dialog_dispose (GObject *object)
{
  LiaConflictsDialog *self = LIA_CONFLICTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CONFLICTS_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->entity);
  G_OBJECT_CLASS (lia_conflicts_dialog_parent_class)->dispose (object);
}

static void
lia_conflicts_dialog_class_init (LiaConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_conflicts_dialog_constructed;
  object_class->dispose = lia_conflicts_dialog_dispose;
  object_class->get_property = lia_conflicts_dialog_get_property;
  object_class->set_property = lia_conflicts_dialog_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, LIA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, LIA_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the choice is in the workspace (one undo step). */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The workspace refused the choice; the argument says why. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/tasks/lia-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaConflictsDialog, summary_check);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictsDialog, description_check);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictsDialog, priority_check);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictsDialog, assignee_check);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictsDialog, due_check);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
lia_conflicts_dialog_init (LiaConflictsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_conflicts_dialog_new (GtkWindow    *parent,
                          LiaWorkspace *workspace,
                          LiaEntity    *entity)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (LIA_IS_ENTITY (entity), NULL);

  return g_object_new (LIA_TYPE_CONFLICTS_DIALOG,
                       "transient-for", parent,
                       "workspace", workspace,
                       "entity", entity,
                       NULL);
}
