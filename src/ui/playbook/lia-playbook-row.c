/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One playbook entry as an expander row (see lia-playbook-row.h). */
#define G_LOG_DOMAIN "lia-playbook-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-playbook-row.h"
#include "lia-widgets.h"

struct _LiaPlaybookRow
{
  AdwExpanderRow    parent_instance;

  LiaPlaybookEntry *entry;
  gboolean          own;

  GtkWidget        *tag;
  GtkWidget        *edit_button;
  GtkWidget        *remove_button;
  GtkWidget        *strengths_row;   /* the details: %NULL until first opened */
  GtkWidget        *weaknesses_row;
  GtkWidget        *fits_row;
  GtkWidget        *examples_row;
};

G_DEFINE_FINAL_TYPE (LiaPlaybookRow, lia_playbook_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_OWN,
  N_PROPS
};

enum {
  SIGNAL_EDIT,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* An empty text gets no row, as the shipped entries leave some out. */
static gboolean
text_to_visible (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}

static void
bind_text (LiaPlaybookRow *self,
           const char     *field,
           GtkWidget      *row)
{
  g_object_bind_property (self->entry, field, row, "subtitle", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->entry, field, row, "visible", G_BINDING_SYNC_CREATE,
                               text_to_visible, NULL, NULL, NULL);
}

static GtkWidget *
detail_row (LiaPlaybookRow *self,
            const char     *title,
            const char     *field)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", title,
                                 "use-markup", FALSE,
                                 "subtitle-lines", 0,
                                 NULL);

  gtk_widget_add_css_class (row, "property");
  bind_text (self, field, row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return row;
}

/* The details are made when the row is first opened: the Playbook shows
 * every entry at once, and few of them are ever opened (building all of
 * them was most of the page's first show). */
static void
expanded_cb (LiaPlaybookRow *self)
{
  if (self->strengths_row != NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;
  self->strengths_row = detail_row (self, _("Strengths"), "strengths");
  self->weaknesses_row = detail_row (self, _("Weaknesses"), "weaknesses");
  self->fits_row = detail_row (self, _("Fits when"), "fits");
  self->examples_row = detail_row (self, _("Tools"), "examples");
}

static void
lia_playbook_row_constructed (GObject *object)
{
  LiaPlaybookRow *self = LIA_PLAYBOOK_ROW (object);

  G_OBJECT_CLASS (lia_playbook_row_parent_class)->constructed (object);

  g_return_if_fail (self->entry != NULL);
  /* The row follows edits and their undo without being rebuilt. */
  g_object_bind_property (self->entry, "name", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->entry, "fits", self, "subtitle", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
  expanded_cb (self);
  /* One line each ("Fits when" is in the details too). */
  lia_row_one_line (GTK_WIDGET (self));
  gtk_widget_set_visible (self->tag, self->own);
  gtk_widget_set_visible (self->edit_button, self->own);
  gtk_widget_set_visible (self->remove_button, self->own);
}

static void
edit_clicked_cb (LiaPlaybookRow *self)
{
  g_signal_emit (self, signals[SIGNAL_EDIT], 0);
}

static void
remove_clicked_cb (LiaPlaybookRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
lia_playbook_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaPlaybookRow *self = LIA_PLAYBOOK_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    case PROP_OWN:
      g_value_set_boolean (value, self->own);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_playbook_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaPlaybookRow *self = LIA_PLAYBOOK_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;
    case PROP_OWN:
      self->own = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_playbook_row_dispose (GObject *object)
{
  LiaPlaybookRow *self = LIA_PLAYBOOK_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PLAYBOOK_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (lia_playbook_row_parent_class)->dispose (object);
}

static void
lia_playbook_row_class_init (LiaPlaybookRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_playbook_row_constructed;
  object_class->dispose = lia_playbook_row_dispose;
  object_class->get_property = lia_playbook_row_get_property;
  object_class->set_property = lia_playbook_row_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, LIA_TYPE_PLAYBOOK_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWN] =
    g_param_spec_boolean ("own", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/playbook/lia-playbook-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookRow, tag);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPlaybookRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
lia_playbook_row_init (LiaPlaybookRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lia_playbook_row_new (LiaPlaybookEntry *entry,
                      gboolean          own)
{
  g_return_val_if_fail (LIA_IS_PLAYBOOK_ENTRY (entry), NULL);

  return g_object_new (LIA_TYPE_PLAYBOOK_ROW, "entry", entry, "own", own, NULL);
}

LiaPlaybookEntry *
lia_playbook_row_get_entry (LiaPlaybookRow *self)
{
  g_return_val_if_fail (LIA_IS_PLAYBOOK_ROW (self), NULL);

  return self->entry;
}
