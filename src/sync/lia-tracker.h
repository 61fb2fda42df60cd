/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-http.h"
#include "lia-model.h"

G_BEGIN_DECLS

/* An issue as Liaison sees it, whatever the tracker: plain data, safe to
 * hand between threads.  Text fields are never NULL once filled by
 * lia_issue_new(); description is Markdown in both directions (each
 * tracker converts), priority and status use Liaison's choice values. */
typedef struct
{
  char   *marker;        /* the entity's UUID, carried by the remote issue */
  char   *key;           /* VLLM-12, 42, #7 … as the tracker names it */
  char   *url;           /* a page a person can open */
  char   *version;       /* the remote "updated" time or version */
  char   *type;
  char   *summary;
  char   *description;
  char   *priority;
  char   *assignee;
  char   *due;           /* YYYY-MM-DD or "" */
  char   *epic;          /* the remote key of the parent epic, or "" */
  char   *status;        /* pulled: todo, in-progress, done */
  char  **labels;
  gboolean is_epic;
  char  **warnings;      /* filled by create/update: what the tracker could
                          * not take (a field not on its screen …), in words
                          * for the task; not part of the hash */
} LiaIssue;

LiaIssue *lia_issue_new         (void);
LiaIssue *lia_issue_copy        (const LiaIssue *issue);
void      lia_issue_free        (LiaIssue       *issue);
void      lia_issue_set         (char          **field,
                                 const char     *value);
char     *lia_issue_hash        (const LiaIssue *issue);
JsonNode *lia_issue_to_json     (const LiaIssue *issue);
LiaIssue *lia_issue_from_json   (JsonNode       *node);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaIssue, lia_issue_free)

/* What the task form offers in its lists. */
typedef enum
{
  LIA_TRACKER_LIST_PROJECTS,
  LIA_TRACKER_LIST_TYPES,
  LIA_TRACKER_LIST_PRIORITIES,
  LIA_TRACKER_LIST_USERS,
} LiaTrackerList;

#define LIA_TYPE_TRACKER (lia_tracker_get_type ())
G_DECLARE_DERIVABLE_TYPE (LiaTracker, lia_tracker, LIA, TRACKER, GObject)

/* Every method blocks and may be called from several threads at once. */
struct _LiaTrackerClass
{
  GObjectClass parent_class;

  gboolean   (*create)         (LiaTracker    *self,
                                LiaIssue      *issue,
                                GCancellable  *cancellable,
                                GError       **error);
  gboolean   (*update)         (LiaTracker    *self,
                                LiaIssue      *issue,
                                GCancellable  *cancellable,
                                GError       **error);
  LiaIssue  *(*fetch)          (LiaTracker    *self,
                                const char    *key,
                                GCancellable  *cancellable,
                                GError       **error);
  LiaIssue  *(*find_by_marker) (LiaTracker    *self,
                                const char    *marker,
                                GCancellable  *cancellable,
                                GError       **error);
  GPtrArray *(*list)           (LiaTracker    *self,
                                LiaTrackerList what,
                                GCancellable  *cancellable,
                                GError       **error);
  char      *(*normalize_description) (LiaTracker *self,
                                       const char *markdown);
};

typedef struct
{
  const char *service;      /* jira-cloud, jira-dc, redmine, github, gitlab */
  const char *url;
  const char *project;
  const char *user;
  const char *token;
  const char *epic_field;
  gboolean    milestones;
} LiaTrackerConfig;

void        lia_tracker_config_from_account (LiaTrackerConfig *config,
                                             LiaAccount       *account,
                                             const char       *token);
char       *lia_tracker_config_check   (const LiaTrackerConfig  *config,
                                        const char              *no_project,
                                        GError                 **error);
LiaTracker *lia_tracker_new            (LiaHttp                *http,
                                        const LiaTrackerConfig *config,
                                        GError                **error);
gboolean    lia_tracker_create         (LiaTracker    *self,
                                        LiaIssue      *issue,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean    lia_tracker_update         (LiaTracker    *self,
                                        LiaIssue      *issue,
                                        GCancellable  *cancellable,
                                        GError       **error);
LiaIssue   *lia_tracker_fetch          (LiaTracker    *self,
                                        const char    *key,
                                        GCancellable  *cancellable,
                                        GError       **error);
LiaIssue   *lia_tracker_find_by_marker (LiaTracker    *self,
                                        const char    *marker,
                                        GCancellable  *cancellable,
                                        GError       **error);
GPtrArray  *lia_tracker_list           (LiaTracker    *self,
                                        LiaTrackerList what,
                                        GCancellable  *cancellable,
                                        GError       **error);
void        lia_tracker_list_async     (LiaTracker          *self,
                                        LiaTrackerList       what,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GPtrArray  *lia_tracker_list_finish    (LiaTracker          *self,
                                        GAsyncResult        *result,
                                        GError             **error);
char       *lia_tracker_normalize_description (LiaTracker *self,
                                               const char *markdown);
gboolean    lia_tracker_test_connection (LiaTracker   *self,
                                         GCancellable *cancellable,
                                         GError      **error);

/* For the implementations. */
LiaHttp    *lia_tracker_get_http       (LiaTracker *self);
const char *lia_tracker_get_service    (LiaTracker *self);
const char *lia_tracker_get_base_url   (LiaTracker *self);
const char *lia_tracker_get_project    (LiaTracker *self);
const char *lia_tracker_get_user       (LiaTracker *self);
const char *lia_tracker_get_token      (LiaTracker *self);
const char *lia_tracker_get_epic_field (LiaTracker *self);
gboolean    lia_tracker_get_milestones (LiaTracker *self);
gboolean    lia_tracker_call           (LiaTracker          *self,
                                        const char          *method,
                                        const char          *path,
                                        const char * const  *headers,
                                        JsonNode            *body,
                                        JsonNode           **reply,
                                        GCancellable        *cancellable,
                                        GError             **error);
/* lia_tracker_call() that also hands back the answer's headers (lower-case
 * names), for Link, X-Next-Page and the rate-limit headers. */
gboolean    lia_tracker_call_full      (LiaTracker          *self,
                                        const char          *method,
                                        const char          *path,
                                        const char * const  *headers,
                                        JsonNode            *body,
                                        JsonNode           **reply,
                                        GHashTable         **response_headers,
                                        GCancellable        *cancellable,
                                        GError             **error);
/* Adds one warning to @issue->warnings. */
void        lia_issue_add_warning      (LiaIssue   *issue,
                                        const char *warning);
char       *lia_tracker_marker_label   (const char *marker);
const char *lia_tracker_marker_from_labels (char **labels);

GType lia_jira_get_type (void);
GType lia_redmine_get_type (void);
GType lia_github_get_type (void);
GType lia_gitlab_get_type (void);

G_END_DECLS
