/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* LiaChatSummaryDialog: a meeting's summary to a chat account's incoming
 * webhook, with a preview in the chosen service's format. */

#include <adwaita.h>

#include "lia-model.h"
#include "lia-workspace.h"

G_BEGIN_DECLS

#define LIA_TYPE_CHAT_SUMMARY_DIALOG (lia_chat_summary_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiaChatSummaryDialog, lia_chat_summary_dialog, LIA, CHAT_SUMMARY_DIALOG, AdwWindow)

GtkWidget  *lia_chat_summary_dialog_new     (LiaWorkspace         *workspace,
                                             LiaMeeting           *meeting);
gboolean    lia_chat_summary_dialog_is_busy (LiaChatSummaryDialog *self);

G_END_DECLS
