/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

/* Small pieces the views share. */
GtkWidget *lia_icon_button_new              (const char      *icon_name,
                                             const char      *label);
void       lia_source_view_use_markdown     (GtkTextView     *view);
void       lia_row_one_line                 (GtkWidget       *row);
void       lia_chart_get_ink                (GtkWidget       *widget,
                                             GdkRGBA         *text,
                                             GdkRGBA         *grid);
void       lia_defer_status_icons           (GtkWidget       *root);

/* A page's derived content (charts, summaries, problems) redone once per
 * burst of edits, in an idle; with @when_shown, not while the owner is
 * unmapped but at its next map instead (a hidden page costs nothing). */
typedef void (*LiaRefreshFunc) (GtkWidget *owner);
typedef struct _LiaRefresh LiaRefresh;

LiaRefresh *lia_refresh_new                 (GtkWidget       *owner,
                                             LiaRefreshFunc   func,
                                             gboolean         when_shown);
void        lia_refresh_queue               (LiaRefresh      *self);
void        lia_refresh_now_or_when_shown   (LiaRefresh      *self);
void        lia_refresh_free                (LiaRefresh      *self);

G_END_DECLS
