/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Saving a meeting as Markdown or iCalendar through a file chooser. */

#include <gtk/gtk.h>

#include "lia-export.h"
#include "lia-meeting.h"

G_BEGIN_DECLS

void lia_meeting_export_dialog_show (GtkWidget       *parent,
                                     LiaMeeting      *meeting,
                                     GListModel      *members,
                                     LiaExportFormat  format);

G_END_DECLS
