/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  LIA_EXPORT_MARKDOWN,
  LIA_EXPORT_CSV,
  LIA_EXPORT_ICALENDAR,
} LiaExportFormat;

gboolean  lia_export_format_from_string (const char      *name,
                                         LiaExportFormat *format);
char     *lia_export_requirements       (GListModel      *requirements,
                                         LiaExportFormat  format);
GBytes   *lia_export_requirements_file (GListModel      *requirements,
                                         LiaExportFormat  format);
char     *lia_export_file_name          (const char      *name,
                                         LiaExportFormat  format);
char     *lia_requirement_format_steps  (LiaEntity       *requirement,
                                         const char      *separator);
void      lia_markdown_cell             (GString         *out,
                                         const char      *text);
int       lia_display_width             (const char      *text);
char     *lia_export_meeting            (LiaMeeting      *meeting,
                                         GListModel      *members,
                                         LiaExportFormat  format,
                                         GError         **error);

G_END_DECLS
