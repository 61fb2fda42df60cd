/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the fake tracker's files share: its state, the stored issues and
 * pages, and the helpers each service's handlers call.  Not for tests:
 * they use lia-fake-tracker.h. */
#pragma once

#include <libsoup/soup.h>

#include "lia-fake-tracker.h"

G_BEGIN_DECLS

typedef struct
{
  char     *key;
  char     *summary;
  JsonNode *description;   /* ADF object (Jira Cloud) or a string */
  char     *type;
  char     *priority;
  char     *assignee;
  char     *due;
  char     *epic;
  char    **labels;
  char     *milestone;     /* GitHub, GitLab: its title, or "" */
  gboolean  closed;
  guint     version;
  gint64    created;       /* monotonic µs, for the search lag */
} FakeIssue;

struct _FakeTracker
{
  char         *service;
  char         *auth;          /* the exact header value expected */
  char         *url;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GMutex        lock;
  GCond         ready;
  GPtrArray    *issues;
  GPtrArray    *milestones;    /* titles; number = index + 1 */
  GPtrArray    *milestone_due; /* GitHub, GitLab: each one's due date or "" */
  guint         extra_users;   /* GitHub, GitLab: users listed before infer-a */
  guint         extra_projects;
  gboolean      no_push;       /* GitHub: the token's user cannot push */
  guint         search_lag;    /* GitHub: the newest issues search misses */
  GQueue        faults;
  guint         next_number;
  guint         latency_ms;
  guint         search_lag_ms;
  guint         in_flight;
  guint         peak;
  guint         secondary_gap_ms;      /* GitHub: 0, or the secondary limit on */
  guint         writes_in_flight;
  gint64        last_write_end;
  guint         secondary_hits;
  guint         clock;
  char         *last_error;
  GPtrArray    *pages;         /* Confluence: FakePage */
  gboolean      cloud;         /* Confluence: Cloud (REST v2) or Data Center (v1) */
  gboolean      no_move;       /* Confluence Data Center before 7: no move endpoint */
  guint         page_limit;    /* Confluence: most results in one list answer */
  guint         writes;        /* requests other than GET */
  char         *patch_from;    /* rewritten in every answer's body… */
  char         *patch_to;      /* …to this, raw, so it can break JSON */
  GPtrArray    *jira_users;    /* Jira: FakeUser, more than a thousand */
  GPtrArray    *jira_log;      /* Jira: "GET /path?query" of every request */
  char         *epic_name_id;  /* Jira: the Epic Name custom field */
  char         *epic_link_id;  /* Jira: the Epic Link custom field (DC) */
  gboolean      jira_endless;  /* Jira: paged lists never end */
};

typedef struct
{
  char *id;        /* accountId (Cloud) or name (DC) */
  char *display;
  char *email;
} FakeUser;

typedef struct
{
  char    *id;
  char    *title;
  char    *parent;     /* id or "" */
  char    *body;
  char   **labels;
  guint    version;
  double   pos;
  GHashTable *props;   /* v2 content properties: key → the value as JSON text */
} FakePage;

/* lia-fake-tracker.c: the store and the answers */
gboolean     fake_is_jira          (FakeTracker       *fake);
const char  *fake_project_prefix   (FakeTracker       *fake);
FakeIssue   *fake_find_issue       (FakeTracker       *fake,
                                    const char        *key);
char        *fake_stamp            (FakeTracker       *fake,
                                    FakeIssue         *issue);
JsonNode    *fake_render           (FakeTracker       *fake,
                                    FakeIssue         *issue);
void         fake_reply_json       (SoupServerMessage *msg,
                                    guint              status,
                                    JsonNode          *node);
void         fake_reply_error      (FakeTracker       *fake,
                                    SoupServerMessage *msg,
                                    guint              status,
                                    const char        *reason);
const char  *fake_str_at           (JsonNode          *node,
                                    const char        *a,
                                    const char        *b);
JsonNode    *fake_json_at          (JsonNode          *node,
                                    const char        *a,
                                    const char        *b);

/* lia-fake-jira.c */
void         fake_jira_init        (FakeTracker       *fake);
FakeUser    *fake_jira_user        (FakeTracker       *fake,
                                    const char        *id);
gboolean     fake_jira_handle_meta (FakeTracker       *fake,
                                    SoupServerMessage *msg,
                                    const char        *method,
                                    const char        *raw_path,
                                    GHashTable        *query);
gboolean     fake_jira_apply_fields (FakeTracker      *fake,
                                     FakeIssue        *issue,
                                     JsonNode         *request,
                                     gboolean          create,
                                     char            **reason);
void         fake_jira_render      (FakeTracker       *fake,
                                    FakeIssue         *issue,
                                    JsonBuilder       *b,
                                    const char        *updated);

/* lia-fake-forges.c */
gboolean     fake_forge_handle     (FakeTracker       *fake,
                                    SoupServerMessage *msg,
                                    const char        *method,
                                    const char        *raw_path,
                                    GHashTable        *query,
                                    JsonNode          *request);
gboolean     fake_github_refuses   (FakeTracker       *fake,
                                    SoupServerMessage *msg,
                                    const char        *method,
                                    const char        *raw_path,
                                    GHashTable        *query,
                                    JsonNode          *request);
gboolean     fake_forge_apply_fields (FakeTracker     *fake,
                                      FakeIssue       *issue,
                                      JsonNode        *request,
                                      gboolean         create,
                                      char           **reason);
void         fake_forge_render     (FakeTracker       *fake,
                                    FakeIssue         *issue,
                                    JsonBuilder       *b,
                                    const char        *updated);

/* lia-fake-confluence.c */
FakePage    *fake_page_new         (void);
void         fake_page_free        (FakePage          *page);
void         fake_confluence_init  (FakeTracker       *fake);
void         fake_confluence_handle (FakeTracker      *fake,
                                     SoupServerMessage *msg,
                                     const char       *method,
                                     const char       *raw_path,
                                     GHashTable       *query,
                                     JsonNode         *request,
                                     FakeFault         fault);

G_END_DECLS
