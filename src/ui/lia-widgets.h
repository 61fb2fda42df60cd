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

/* A page's list view: its rows from a signal factory (@setup, @bind,
 * @unbind get @data), over a single selection that starts empty and can
 * be emptied, whose notify::selected goes to @selected.  Returns the
 * selection (a new reference; give it a model with
 * gtk_single_selection_set_model()). */
GtkSingleSelection *lia_list_view_setup     (GtkListView     *view,
                                             GCallback        setup,
                                             GCallback        bind,
                                             GCallback        unbind,
                                             GCallback        selected,
                                             gpointer         data);
GtkWidget *lia_list_view_pick               (GtkListView     *view,
                                             double           x,
                                             double           y);

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
