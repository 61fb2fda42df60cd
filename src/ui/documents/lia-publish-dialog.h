/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_PUBLISH_DIALOG (lia_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaPublishDialog, lia_publish_dialog, LIA, PUBLISH_DIALOG, AdwWindow)

GtkWidget  *lia_publish_dialog_new            (LiaWorkspace     *workspace,
                                               LiaPage          *page);
void        lia_publish_dialog_set_scope_page (LiaPublishDialog *self,
                                               gboolean          subtree);
void        lia_publish_dialog_preview        (LiaPublishDialog *self);
void        lia_publish_dialog_publish        (LiaPublishDialog *self);
void        lia_publish_dialog_overwrite      (LiaPublishDialog *self);
gboolean    lia_publish_dialog_is_busy        (LiaPublishDialog *self);
const char *lia_publish_dialog_get_summary    (LiaPublishDialog *self);
guint       lia_publish_dialog_get_n_lines    (LiaPublishDialog *self);
gboolean    lia_publish_dialog_has_conflicts  (LiaPublishDialog *self);

G_END_DECLS
