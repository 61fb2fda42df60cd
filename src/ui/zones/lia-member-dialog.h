/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-member.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEMBER_DIALOG (lia_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaMemberDialog, lia_member_dialog, LIA, MEMBER_DIALOG, AdwWindow)

/* Edits a copy of MEMBER (or a new member when NULL); "saved" hands the
 * edited copy to the caller, who records the change in the history. */
LiaMemberDialog *lia_member_dialog_new          (GtkWindow       *parent,
                                                 LiaMember       *member);
LiaMember       *lia_member_dialog_get_member   (LiaMemberDialog *self);
LiaMember       *lia_member_dialog_get_original (LiaMemberDialog *self);
void             lia_member_dialog_search_city  (LiaMemberDialog *self,
                                                 const char      *text);
gboolean         lia_member_dialog_pick_city    (LiaMemberDialog *self,
                                                 guint            index);
void             lia_member_dialog_set_calendar (LiaMemberDialog *self,
                                                 const char      *ics,
                                                 GError         **error);
gboolean         lia_member_dialog_save         (LiaMemberDialog *self);
const char      *lia_member_dialog_get_secret   (LiaMemberDialog *self);

G_END_DECLS
