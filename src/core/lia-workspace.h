/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-history.h"
#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_WORKSPACE_FORMAT "liaison-workspace"
#define LIA_WORKSPACE_FORMAT_VERSION 1
/* Larger files are refused before parsing. */
#define LIA_WORKSPACE_MAX_FILE_SIZE (256 * 1024 * 1024)
#define LIA_WORKSPACE_MAX_STRING (1024 * 1024)
#define LIA_WORKSPACE_MAX_DEPTH 256

#define LIA_WORKSPACE_ERROR (lia_workspace_error_quark ())

typedef enum
{
  LIA_WORKSPACE_ERROR_IO,
  LIA_WORKSPACE_ERROR_NOT_JSON,
  LIA_WORKSPACE_ERROR_NOT_WORKSPACE,
  LIA_WORKSPACE_ERROR_INVALID,
  LIA_WORKSPACE_ERROR_TOO_LARGE,
  LIA_WORKSPACE_ERROR_READ_ONLY,
} LiaWorkspaceError;

GQuark lia_workspace_error_quark (void);

typedef enum
{
  LIA_LOAD_STRICT  = 0,
  /* go on past problems: list them, keep what cannot be placed aside */
  LIA_LOAD_RECOVER = 1 << 0,
} LiaLoadFlags;


#define LIA_TYPE_WORKSPACE (lia_workspace_get_type ())
G_DECLARE_FINAL_TYPE (LiaWorkspace, lia_workspace, LIA, WORKSPACE, GObject)

LiaWorkspace *lia_workspace_new                (void);
LiaWorkspace *lia_workspace_new_from_data      (const char          *data,
                                                gsize                length,
                                                const char          *display_name,
                                                GError             **error);
LiaWorkspace *lia_workspace_new_from_file      (GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);
LiaWorkspace *lia_workspace_new_from_file_full (GFile               *file,
                                                LiaLoadFlags         flags,
                                                GCancellable        *cancellable,
                                                GError             **error);
LiaWorkspace *lia_workspace_new_from_data_full (const char          *data,
                                                gsize                length,
                                                const char          *display_name,
                                                LiaLoadFlags         flags,
                                                GError             **error);
void          lia_workspace_load_async         (GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
LiaWorkspace *lia_workspace_load_finish        (GAsyncResult        *result,
                                                GError             **error);
LiaWorkspace *lia_workspace_new_sample         (const char          *language);

const char * const *lia_workspace_get_problems (LiaWorkspace     *self);
gboolean      lia_workspace_get_needs_review   (LiaWorkspace        *self);
gboolean      lia_workspace_check              (LiaWorkspace        *self,
                                                GError             **error);
void          lia_workspace_foreach_entity     (LiaWorkspace        *self,
                                                LiaEntityVisitFunc   func,
                                                gpointer             data);

char         *lia_workspace_to_data            (LiaWorkspace        *self,
                                                gsize               *length);
gboolean      lia_workspace_save               (LiaWorkspace        *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);
void          lia_workspace_save_async         (LiaWorkspace        *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      lia_workspace_save_finish        (LiaWorkspace        *self,
                                                GAsyncResult        *result,
                                                GError             **error);

GFile        *lia_workspace_get_file           (LiaWorkspace        *self);
void          lia_workspace_set_file           (LiaWorkspace        *self,
                                                GFile               *file);
char         *lia_workspace_dup_display_name   (LiaWorkspace        *self);
const char   *lia_workspace_get_title          (LiaWorkspace        *self);
void          lia_workspace_set_title          (LiaWorkspace        *self,
                                                const char          *title);
gboolean      lia_workspace_get_read_only      (LiaWorkspace        *self);
const char   *lia_workspace_get_read_only_reason (LiaWorkspace      *self);
gboolean      lia_workspace_get_modified       (LiaWorkspace        *self);
void          lia_workspace_set_autosave       (LiaWorkspace        *self,
                                                guint                delay_ms);
void          lia_workspace_mark_modified      (LiaWorkspace        *self);
LiaHistory   *lia_workspace_get_history        (LiaWorkspace        *self);
JsonObject   *lia_workspace_get_extra          (LiaWorkspace        *self);

GListStore   *lia_workspace_get_members        (LiaWorkspace        *self);
GListStore   *lia_workspace_get_requirements   (LiaWorkspace        *self);
GListStore   *lia_workspace_get_meetings       (LiaWorkspace        *self);
GListStore   *lia_workspace_get_tasks          (LiaWorkspace        *self);
GListStore   *lia_workspace_get_pages          (LiaWorkspace        *self);
GListStore   *lia_workspace_get_contracts      (LiaWorkspace        *self);
GListStore   *lia_workspace_get_assessments    (LiaWorkspace        *self);
GListStore   *lia_workspace_get_playbook       (LiaWorkspace        *self);
GListStore   *lia_workspace_get_accounts       (LiaWorkspace        *self);
GListStore   *lia_workspace_get_outbox         (LiaWorkspace        *self);
GListStore   *lia_workspace_get_unrecovered    (LiaWorkspace        *self);
GListStore   *lia_workspace_get_conflicts      (LiaWorkspace        *self);
gboolean      lia_workspace_has_conflict       (LiaWorkspace        *self,
                                                const char          *id,
                                                const char          *field);

G_END_DECLS
