/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-meeting-export-dialog.c: asks where to export a meeting and writes it there. */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-meeting-export-dialog.h"
#include "lia-toast.h"

/* What the chooser's answer needs; it lives until the answer comes. */
typedef struct
{
  GtkFileChooserNative *chooser;
  GtkWidget            *parent;   /* where the toast shows */
  LiaMeeting           *meeting;
  GListModel           *members;
  LiaExportFormat       format;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->chooser);
  g_clear_object (&export->parent);
  g_clear_object (&export->meeting);
  g_clear_object (&export->members);
  g_free (export);
}

static void
response_cb (GtkFileChooserNative *chooser,
             int                   response,
             Export               *export)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (file == NULL)
    goto out;

  text = lia_export_meeting (export->meeting, export->members, export->format, &error);
  if (text == NULL ||
      !g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the meeting: %s"), error->message);
      lia_show_toast (export->parent, message);
      goto out;
    }
  lia_show_toast (export->parent, _("Meeting exported"));
out:
  export_free (export);
}

/**
 * lia_meeting_export_dialog_show:
 * @parent: a widget of the window the chooser belongs to
 * @members: (element-type LiaMember): the workspace's team, for names
 *
 * Asks where to save @meeting in @format, writes it there and says how
 * it went in a toast.
 */
void
lia_meeting_export_dialog_show (GtkWidget       *parent,
                                LiaMeeting      *meeting,
                                GListModel      *members,
                                LiaExportFormat  format)
{
  gboolean ics = format == LIA_EXPORT_ICALENDAR;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LIA_IS_MEETING (meeting));
  g_return_if_fail (G_IS_LIST_MODEL (members));

  name = g_strdup_printf ("%s.%s", lia_entity_get_string (LIA_ENTITY (meeting), LIA_MEETING_TITLE), ics ? "ics" : "md");
  g_strdelimit (name, "/\\", '-');
  gtk_file_filter_set_name (filter, ics ? _("iCalendar files") : _("Markdown files"));
  gtk_file_filter_add_suffix (filter, ics ? "ics" : "md");

  export = g_new0 (Export, 1);
  export->parent = g_object_ref (parent);
  export->meeting = g_object_ref (meeting);
  export->members = g_object_ref (members);
  export->format = format;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  export->chooser = gtk_file_chooser_native_new (ics ? _("Export Meeting as iCalendar") : _("Export Meeting as Markdown"),
                                                 GTK_WINDOW (gtk_widget_get_root (parent)),
                                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (export->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (export->chooser), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (export->chooser, "response", G_CALLBACK (response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (export->chooser));
}
