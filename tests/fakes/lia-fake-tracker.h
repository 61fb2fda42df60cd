/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict loopback stand-in for Jira Cloud, Jira Data Center, GitHub,
 * GitLab or Confluence: it checks what the real service checks (auth header, required
 * fields, ADF, label and epic shapes) and injects faults on demand. */

typedef enum
{
  FAKE_FAULT_NONE,
  FAKE_FAULT_429,          /* 429 with Retry-After: 1, nothing done */
  FAKE_FAULT_503,          /* 503, nothing done */
  FAKE_FAULT_500_AFTER,    /* the create is committed, then 500 */
  FAKE_FAULT_LOST,         /* the create is committed, the connection dropped */
  FAKE_FAULT_MALFORMED,    /* the create is committed, the answer is not JSON */
  FAKE_FAULT_401,          /* 401 whatever the token */
  FAKE_FAULT_RESET,        /* the connection dropped before anything happens */
  FAKE_FAULT_SLOW,         /* the create is committed, the answer comes after 3 s */
  FAKE_FAULT_503_AFTER,    /* the create is committed, then 503 (a proxy gave up) */
} FakeFault;

typedef struct _FakeTracker FakeTracker;

FakeTracker *fake_tracker_new          (const char  *service,
                                        const char  *token,
                                        const char  *user);
void         fake_tracker_free         (FakeTracker *fake);
const char  *fake_tracker_get_url      (FakeTracker *fake);
const char  *fake_tracker_get_project  (FakeTracker *fake);
void         fake_tracker_set_latency  (FakeTracker *fake,
                                        guint        ms);
/* Searches (by label or JQL) find an issue only @ms after it was created,
 * as Jira Cloud's and GitHub's eventually consistent searches do; reads
 * by key see it at once. */
void         fake_tracker_set_search_lag (FakeTracker *fake,
                                          guint        ms);
/* From now on every answer has @from replaced by the raw text @to (NULL
 * stops it): a way to send what a broken server sends. */
void         fake_tracker_patch_answers (FakeTracker *fake,
                                         const char  *from,
                                         const char  *to);
/* The next create (POST of an issue) meets @fault. */
void         fake_tracker_add_fault    (FakeTracker *fake,
                                        FakeFault    fault);
guint        fake_tracker_count_marker (FakeTracker *fake,
                                        const char  *marker);
guint        fake_tracker_get_n_issues (FakeTracker *fake);
guint        fake_tracker_get_peak     (FakeTracker *fake);
/* GitHub's secondary rate limit, scaled down: from now on a write (POST,
 * PATCH, PUT, DELETE) that arrives while another is served, or within
 * @gap_ms of the last one's answer, gets GitHub's 403 "secondary rate
 * limit" without headers (0 turns it off). */
void         fake_github_set_secondary_limit (FakeTracker *fake,
                                              guint        gap_ms);
guint        fake_github_get_secondary_hits  (FakeTracker *fake);
/* A copy of the stored issue (the service's own JSON shape). */
JsonNode    *fake_tracker_get_issue    (FakeTracker *fake,
                                        const char  *key);
/* An edit made by someone else in the tracker's web page. */
void         fake_tracker_remote_edit  (FakeTracker *fake,
                                        const char  *key,
                                        const char  *summary,
                                        gboolean     close);
/* GitHub and GitLab: @n more users (before infer-a) and projects (before
 * team/vllm) in their paged lists; a milestone made on the web page; a
 * token whose user cannot push (labels, assignees and milestones of a
 * create or edit are dropped silently, label endpoints answer 403); a
 * search index that misses the newest @n issues; a label added or removed
 * and a milestone set by someone else. */
void         fake_tracker_add_users    (FakeTracker *fake,
                                        guint        n);
void         fake_tracker_add_projects (FakeTracker *fake,
                                        guint        n);
void         fake_tracker_add_milestone (FakeTracker *fake,
                                         const char  *title,
                                         const char  *due);
guint        fake_tracker_get_n_milestones (FakeTracker *fake);
void         fake_tracker_set_push_access (FakeTracker *fake,
                                           gboolean     push);
/* GitHub's /search/issues misses the newest @n issues. */
void         fake_tracker_set_search_index_lag (FakeTracker *fake,
                                                guint        n);
void         fake_tracker_remote_label (FakeTracker *fake,
                                        const char  *key,
                                        const char  *label,
                                        gboolean     add);
void         fake_tracker_remote_milestone (FakeTracker *fake,
                                            const char  *key,
                                            const char  *title);
const char  *fake_tracker_get_last_error (FakeTracker *fake);
guint        fake_tracker_get_writes   (FakeTracker *fake);

/* Jira: see the block "Jira: screens, users, projects, pages" in
 * lia-fake-jira.c for what the fake site holds.  Zhang Wei is user 1152
 * of 1154, past the first thousand Cloud looks at without a query; two
 * people are called Li Na. */
#define FAKE_JIRA_ZHANG_WEI "712020:0b7c1c0e-2f4e-4a8e-9c1d-3e5f6a7b8c9d"
/* Ids of the Epic Name and Epic Link custom fields (by default
 * customfield_10101 and customfield_10100). */
void         fake_jira_set_epic_fields (FakeTracker *fake,
                                        const char  *epic_name_id,
                                        const char  *epic_link_id);
/* Someone adds @label to issue @key in Jira's web page. */
void         fake_jira_remote_add_label (FakeTracker *fake,
                                         const char  *key,
                                         const char  *label);
/* From now on paged lists never end, as a broken server's. */
void         fake_jira_set_endless     (FakeTracker *fake,
                                        gboolean     endless);
/* How many requests so far had @part in "METHOD /path?query". */
guint        fake_jira_count_requests  (FakeTracker *fake,
                                        const char  *part);

/* Service "confluence": a Confluence space DOCS with a home page; Cloud
 * (REST v2 under /wiki, v1 content answering 410) when made with a user,
 * Data Center (v1 only) without one. */
JsonNode    *fake_wiki_get_page        (FakeTracker *fake,
                                        const char  *id_or_title);
/* The page tree, one title per line, two spaces per level. */
char        *fake_wiki_outline         (FakeTracker *fake);
void         fake_wiki_remote_edit     (FakeTracker *fake,
                                        const char  *id_or_title,
                                        const char  *body);
void         fake_wiki_add_page        (FakeTracker *fake,
                                        const char  *title);
/* Data Center before 7.x: PUT …/move answers 404. */
void         fake_wiki_set_no_move     (FakeTracker *fake);
/* At most @limit results in one list answer, so paging shows. */
void         fake_wiki_set_page_limit  (FakeTracker *fake,
                                        guint        limit);
/* The marker a page carries: its v2 content property liaison-marker on
 * Cloud, its label liaison-UUID on Data Center; NULL without one. */
char        *fake_wiki_get_marker      (FakeTracker *fake,
                                        const char  *id_or_title);
/* Cloud: the page's marker moves from its content property to a label
 * liaison-UUID, as a page published through v1 carries it. */
void         fake_wiki_set_marker_label (FakeTracker *fake,
                                         const char  *id_or_title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeTracker, fake_tracker_free)

G_END_DECLS
