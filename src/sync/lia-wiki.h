/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-markup.h"
#include "lia-tracker.h"

G_BEGIN_DECLS

/* A wiki page as Liaison sees it, whatever the wiki: plain data, safe to
 * hand between threads.  Strings are never NULL once made by
 * lia_wiki_page_new(). */
typedef struct
{
  char   *key;       /* Confluence content id; Redmine's normalised title */
  char   *title;
  char   *parent;    /* the parent's key, or "" at the top */
  char   *url;       /* a page a person can open */
  char   *body;      /* in the wiki's own format (storage XHTML, Markdown) */
  char   *marker;    /* the local page's UUID, when the page carries one */
  gint64  version;
} LiaWikiPage;

LiaWikiPage *lia_wiki_page_new  (void);
void         lia_wiki_page_free (LiaWikiPage  *page);
void         lia_wiki_page_set  (char        **field,
                                 const char   *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaWikiPage, lia_wiki_page_free)

#define LIA_TYPE_WIKI (lia_wiki_get_type ())
G_DECLARE_DERIVABLE_TYPE (LiaWiki, lia_wiki, LIA, WIKI, GObject)

/* Every method but render blocks; they may be called from any thread. */
struct _LiaWikiClass
{
  GObjectClass parent_class;

  /* All pages of the space or wiki, without bodies. */
  GPtrArray   *(*list)        (LiaWiki        *self,
                               GCancellable   *cancellable,
                               GError        **error);
  /* One page with its body and marker; NULL without an error when the
   * wiki has no page with that key. */
  LiaWikiPage *(*fetch)       (LiaWiki        *self,
                               const char     *key,
                               GCancellable   *cancellable,
                               GError        **error);
  /* Fills page->key, url and version. */
  gboolean     (*create)      (LiaWiki        *self,
                               LiaWikiPage    *page,
                               GCancellable   *cancellable,
                               GError        **error);
  /* page->version is the version the change is based on; a wiki where
   * someone saved since answers LIA_SYNC_ERROR_CONFLICT.  Moves the page
   * when page->parent changed; fills the new version and url. */
  gboolean     (*update)      (LiaWiki        *self,
                               LiaWikiPage    *page,
                               const char     *old_key,
                               GCancellable   *cancellable,
                               GError        **error);
  /* Puts the page right after @after among its siblings (or first when
   * @after is NULL and @before is given).  Optional. */
  gboolean     (*order)       (LiaWiki        *self,
                               const char     *key,
                               const char     *after,
                               const char     *before,
                               GCancellable   *cancellable,
                               GError        **error);
  /* Sets @marker on a page that has none (a create whose second step,
   * the marker, was lost).  Optional: NULL where the body carries it. */
  gboolean     (*mark)        (LiaWiki        *self,
                               const char     *key,
                               const char     *marker,
                               GCancellable   *cancellable,
                               GError        **error);
  char        *(*title_for)   (LiaWiki        *self,
                               const char     *title);
  char        *(*render)      (LiaWiki        *self,
                               const char     *markdown,
                               const char     *marker,
                               LiaWikiLinkFunc link,
                               gpointer        link_data);
};

LiaWiki     *lia_wiki_new             (LiaHttp                *http,
                                       const LiaTrackerConfig *config,
                                       GError                **error);
GPtrArray   *lia_wiki_list            (LiaWiki        *self,
                                       GCancellable   *cancellable,
                                       GError        **error);
void         lia_wiki_list_async      (LiaWiki             *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GPtrArray   *lia_wiki_list_finish     (LiaWiki        *self,
                                       GAsyncResult   *result,
                                       GError        **error);
LiaWikiPage *lia_wiki_fetch           (LiaWiki        *self,
                                       const char     *key,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean     lia_wiki_create          (LiaWiki        *self,
                                       LiaWikiPage    *page,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean     lia_wiki_update          (LiaWiki        *self,
                                       LiaWikiPage    *page,
                                       const char     *old_key,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean     lia_wiki_can_order       (LiaWiki        *self);
gboolean     lia_wiki_order           (LiaWiki        *self,
                                       const char     *key,
                                       const char     *after,
                                       const char     *before,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean     lia_wiki_can_mark        (LiaWiki        *self);
gboolean     lia_wiki_mark            (LiaWiki        *self,
                                       const char     *key,
                                       const char     *marker,
                                       GCancellable   *cancellable,
                                       GError        **error);
char        *lia_wiki_title_for       (LiaWiki        *self,
                                       const char     *title);
char        *lia_wiki_render          (LiaWiki        *self,
                                       const char     *markdown,
                                       const char     *marker,
                                       LiaWikiLinkFunc link,
                                       gpointer        link_data);
gboolean     lia_wiki_test_connection (LiaWiki        *self,
                                       GCancellable   *cancellable,
                                       GError        **error);

const char  *lia_wiki_get_service     (LiaWiki *self);
const char  *lia_wiki_get_base_url    (LiaWiki *self);
const char  *lia_wiki_get_space       (LiaWiki *self);
LiaHttp     *lia_wiki_get_http        (LiaWiki *self);

/* For the implementations: a request to @path under the account's
 * address, with its credentials. */
gboolean     lia_wiki_call            (LiaWiki             *self,
                                       const char          *method,
                                       const char          *path,
                                       JsonNode            *body,
                                       JsonNode           **reply,
                                       GCancellable        *cancellable,
                                       GError             **error);

gboolean     lia_wiki_call_full       (LiaWiki             *self,
                                       const char          *method,
                                       const char          *path,
                                       JsonNode            *body,
                                       JsonNode           **reply,
                                       guint               *status,
                                       GHashTable         **response_headers,
                                       GCancellable        *cancellable,
                                       GError             **error);

GType lia_confluence_get_type (void);
GType lia_redmine_wiki_get_type (void);

G_END_DECLS
