/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-publish"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-page-tree.h"
#include "lia-publish.h"
#include "lia-sync-private.h"
#include "lia-text-list.h"

/* Publishing runs in three steps, like a tracker sync:
 *
 * 1. plan (main thread): the pages, in tree order, become plain jobs; every
 *    page of the workspace gets the title it will have on the wiki (unique
 *    there, whatever the local titles), and the links recorded by earlier
 *    publishes are read;
 * 2. execute (one worker thread, parents before children): the wiki's page
 *    list is read once; each page is rendered, compared with what was last
 *    published (a digest of title and body, another of its place in the
 *    tree) and created, updated, moved or left alone.  A page whose remote
 *    version moved since the last publish was edited on the wiki: it is a
 *    conflict and is not overwritten unless the user says so;
 * 3. apply (main thread): remote ids, versions and digests go into each
 *    page's `remote`. */

typedef enum
{
  OUTCOME_NONE,
  OUTCOME_UNCHANGED,
  OUTCOME_CREATED,
  OUTCOME_UPDATED,
  OUTCOME_MOVED,
  OUTCOME_CONFLICT,
  OUTCOME_FAILED,
} Outcome;

typedef struct
{
  char    *id;
  char    *title;          /* the local title, for messages */
  char    *remote_title;
  gboolean renamed;        /* made unique: differs from the local title */
  char    *markdown;
  char    *parent_id;      /* "" at the top */
  char    *prev_id;        /* the sibling before, or "" */
  char    *next_id;        /* the sibling after, or "" */
  gboolean force;

  /* the last publish to this wiki, when there was one */
  gboolean linked;
  char    *ref_key;
  gint64   ref_version;
  char    *ref_hash;
  char    *ref_place;

  /* results */
  Outcome  outcome;
  gboolean content_changed;
  gboolean place_changed;
  gboolean remote_changed;
  char    *key;
  char    *url;
  gint64   version;
  char    *hash;
  char    *place;
  char    *message;
  char    *warning;        /* done, but not all of it (e.g. not ordered) */
} Job;

struct _LiaPublishPlan
{
  char       *service;
  char       *base_url;
  char       *space;
  gboolean    dry_run;
  GPtrArray  *jobs;
  GHashTable *titles;        /* local id, and local title, → remote title */
  GHashTable *keys;          /* local id → remote key; only the worker writes it while it runs */
  GHashTable *linked_keys;   /* remote keys some local page is linked to */
  GPtrArray  *remote_only;   /* titles of remote pages no local page knows */
  gboolean    cancelled;
  char       *error;         /* the wiki could not be read at all */
};

static void
job_free (Job *job)
{
  g_free (job->id);
  g_free (job->title);
  g_free (job->remote_title);
  g_free (job->markdown);
  g_free (job->parent_id);
  g_free (job->prev_id);
  g_free (job->next_id);
  g_free (job->ref_key);
  g_free (job->ref_hash);
  g_free (job->ref_place);
  g_free (job->key);
  g_free (job->url);
  g_free (job->hash);
  g_free (job->place);
  g_free (job->message);
  g_free (job->warning);
  g_free (job);
}

void
lia_publish_report_free (LiaPublishReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->lines, g_ptr_array_unref);
  g_clear_pointer (&report->conflict_ids, g_ptr_array_unref);
  g_free (report);
}

char *
lia_publish_report_summary (LiaPublishReport *report)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  /* One plural-correct item per count, joined by the list separator, as
   * in lia_sync_report_summary (). */
  if (report->dry_run)
    {
      /* Translators: an item of a publish summary: wiki pages to create */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u to create", "%u to create", report->created), report->created));
      /* Translators: an item of a publish summary: wiki pages to update */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u to update", "%u to update", report->updated), report->updated));
      /* Translators: an item of a publish summary: wiki pages to move */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u to move", "%u to move", report->moved), report->moved));
    }
  else
    {
      /* Translators: an item of a publish summary: wiki pages created */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u created", "%u created", report->created), report->created));
      /* Translators: an item of a publish summary: wiki pages updated */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u updated", "%u updated", report->updated), report->updated));
      /* Translators: an item of a publish summary: wiki pages moved */
      g_ptr_array_add (items, g_strdup_printf (ngettext ("%u moved", "%u moved", report->moved), report->moved));
    }
  /* Translators: an item of a publish summary: wiki pages unchanged */
  g_ptr_array_add (items, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", report->unchanged), report->unchanged));
  /* Translators: an item of a publish summary: wiki pages in conflict; the items are joined by the list separator */
  g_ptr_array_add (items, g_strdup_printf (ngettext ("%u conflict", "%u conflicts", report->conflicts), report->conflicts));
  /* Translators: an item of a publish summary: wiki pages that failed */
  g_ptr_array_add (items, g_strdup_printf (ngettext ("%u error", "%u errors", report->errors), report->errors));
  /* Translators: an item of a publish summary: pages on the wiki that
   * the workspace does not have */
  g_ptr_array_add (items, g_strdup_printf (ngettext ("%u only on the wiki", "%u only on the wiki", report->remote_only),
                                           report->remote_only));
  g_ptr_array_add (items, NULL);

  list = lia_text_list_join ((const char * const *) items->pdata);
  if (!report->dry_run)
    return g_steal_pointer (&list);
  /* Translators: a summary of what a sync or publish would do; %s is the
   * list of counts ("3 to create, 1 to update, …") */
  return g_strdup_printf (_("Dry run: %s"), list);
}

JsonNode *
lia_publish_report_to_json (LiaPublishReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  const LiaReportCount counts[] = {
    { "created", report->created }, { "updated", report->updated }, { "moved", report->moved },
    { "unchanged", report->unchanged }, { "conflicts", report->conflicts }, { "errors", report->errors },
    { "remote_only", report->remote_only },
  };

  return lia_report_to_json (report->dry_run, counts, G_N_ELEMENTS (counts), report->lines);
}

/* ---- plan -------------------------------------------------------------- */

static gboolean
ref_is_for (LiaRemoteRef   *ref,
            LiaPublishPlan *plan)
{
  LiaEntity *e = LIA_ENTITY (ref);

  return ref != NULL &&
         g_strcmp0 (lia_entity_get_string (e, LIA_REMOTE_REF_SERVICE), plan->service) == 0 &&
         lia_sync_same_url (lia_entity_get_string (e, LIA_REMOTE_REF_BASE_URL), plan->base_url) &&
         g_strcmp0 (lia_entity_get_string (e, LIA_REMOTE_REF_SPACE), plan->space) == 0 &&
         *lia_entity_get_string (e, LIA_REMOTE_REF_KEY) != '\0';
}

/* A title no other page of the workspace has on the wiki (titles are
 * unique, without regard to case, in a Confluence space and in a Redmine
 * wiki): the page's own, else with its parent's title, else numbered. */
static char *
unique_title (LiaWiki    *wiki,
              GHashTable *taken,
              const char *title,
              const char *parent_title,
              gboolean   *renamed)
{
  g_autofree char *base = lia_wiki_title_for (wiki, title);
  char *candidate = NULL;

  if (*base == '\0')
    {
      g_free (base);
      base = lia_wiki_title_for (wiki, _("Untitled"));
    }
  for (guint n = 1;; n++)
    {
      g_autofree char *folded = NULL;

      if (n == 1)
        candidate = g_strdup (base);
      else if (n == 2 && parent_title && *parent_title)
        {
          g_autofree char *with = g_strdup_printf ("%s (%s)", title, parent_title);
          candidate = lia_wiki_title_for (wiki, with);
        }
      else
        {
          g_autofree char *with = g_strdup_printf ("%s (%u)", title, n);
          candidate = lia_wiki_title_for (wiki, with);
        }
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (taken, folded))
        {
          *renamed = n > 1;
          g_hash_table_add (taken, g_steal_pointer (&folded));
          return candidate;
        }
      g_free (candidate);
    }
}

typedef struct
{
  LiaPublishPlan *plan;
  LiaWiki        *wiki;
  GHashTable     *taken;
  LiaPage        *root;       /* the subtree to publish, or NULL */
  gboolean        inside;
  const char * const *force;
} Walk;

static void
walk (Walk       *w,
      GListModel *store,
      LiaPage    *parent)
{
  guint n = g_list_model_get_n_items (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (store, i);
      LiaEntity *e = LIA_ENTITY (page);
      LiaRemoteRef *ref = lia_entity_get_remote (e);
      const char *id = lia_entity_get_id (e);
      const char *title = lia_entity_get_string (e, LIA_PAGE_TITLE);
      const char *parent_title = parent ? lia_entity_get_string (LIA_ENTITY (parent), LIA_PAGE_TITLE) : NULL;
      gboolean renamed = FALSE;
      char *remote_title = unique_title (w->wiki, w->taken, title, parent_title, &renamed);
      gboolean was_inside = w->inside;

      g_hash_table_insert (w->plan->titles, g_strdup (id), remote_title);
      if (!g_hash_table_contains (w->plan->titles, title))
        g_hash_table_insert (w->plan->titles, g_strdup (title), g_strdup (remote_title));
      if (ref_is_for (ref, w->plan))
        {
          const char *key = lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_KEY);
          g_hash_table_insert (w->plan->keys, g_strdup (id), g_strdup (key));
          g_hash_table_add (w->plan->linked_keys, g_strdup (key));
        }

      if (page == w->root)
        w->inside = TRUE;
      if (w->inside)
        {
          Job *job = g_new0 (Job, 1);
          g_autoptr(LiaPage) prev = i > 0 ? g_list_model_get_item (store, i - 1) : NULL;
          g_autoptr(LiaPage) next = i + 1 < n ? g_list_model_get_item (store, i + 1) : NULL;

          job->id = g_strdup (id);
          job->title = g_strdup (title);
          job->remote_title = g_strdup (remote_title);
          job->renamed = renamed;
          job->markdown = g_strdup (lia_entity_get_string (e, LIA_PAGE_BODY));
          job->parent_id = g_strdup (parent ? lia_entity_get_id (LIA_ENTITY (parent)) : "");
          job->prev_id = g_strdup (prev ? lia_entity_get_id (LIA_ENTITY (prev)) : "");
          job->next_id = g_strdup (next ? lia_entity_get_id (LIA_ENTITY (next)) : "");
          job->force = w->force && (g_strv_contains (w->force, id) || g_strv_contains (w->force, "*"));
          if (ref_is_for (ref, w->plan))
            {
              LiaEntity *r = LIA_ENTITY (ref);
              job->linked = TRUE;
              job->ref_key = g_strdup (lia_entity_get_string (r, LIA_REMOTE_REF_KEY));
              job->ref_version = g_ascii_strtoll (lia_entity_get_string (r, LIA_REMOTE_REF_REMOTE_VERSION), NULL, 10);
              job->ref_hash = g_strdup (lia_entity_get_string (r, LIA_REMOTE_REF_SYNCED_HASH));
              job->ref_place = g_strdup (lia_entity_get_string (r, LIA_REMOTE_REF_REMOTE_HASH));
            }
          g_ptr_array_add (w->plan->jobs, job);
        }
      walk (w, G_LIST_MODEL (lia_entity_get_list (e, LIA_PAGE_CHILDREN)), page);
      w->inside = was_inside;
    }
}

LiaPublishPlan *
lia_publish_plan_new (LiaWorkspace        *workspace,
                      LiaWiki             *wiki,
                      const char          *page,
                      gboolean             dry_run,
                      const char * const  *force,
                      GError             **error)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (LIA_IS_WIKI (wiki), NULL);

  GListModel *roots = G_LIST_MODEL (lia_workspace_get_pages (workspace));
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LiaPublishPlan *plan;
  Walk w = { 0 };

  if (page != NULL && *page != '\0')
    {
      w.root = lia_pages_find (roots, page);
      if (w.root == NULL)
        {
          g_set_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_NOT_FOUND,
                       _("no page “%s” in the document tree"), page);
          return NULL;
        }
    }

  plan = g_new0 (LiaPublishPlan, 1);
  plan->service = g_strdup (lia_wiki_get_service (wiki));
  plan->base_url = g_strdup (lia_wiki_get_base_url (wiki));
  plan->space = g_strdup (lia_wiki_get_space (wiki));
  plan->dry_run = dry_run;
  plan->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  plan->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->linked_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->remote_only = g_ptr_array_new_with_free_func (g_free);

  w.plan = plan;
  w.wiki = wiki;
  w.taken = taken;
  w.inside = w.root == NULL;
  w.force = force;
  walk (&w, roots, NULL);
  g_clear_object (&w.root);  /* lia_pages_find() gave a reference */
  return plan;
}

guint
lia_publish_plan_get_n_pages (LiaPublishPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->jobs->len;
}

void
lia_publish_plan_free (LiaPublishPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->service);
  g_free (plan->base_url);
  g_free (plan->space);
  g_ptr_array_unref (plan->jobs);
  g_hash_table_unref (plan->titles);
  g_hash_table_unref (plan->keys);
  g_hash_table_unref (plan->linked_keys);
  g_ptr_array_unref (plan->remote_only);
  g_free (plan->error);
  g_free (plan);
}

/* ---- execute ----------------------------------------------------------- */

static const char *
link_title (const char *target,
            gpointer    user_data)
{
  LiaPublishPlan *plan = user_data;
  return g_hash_table_lookup (plan->titles, target);
}

static char *
digest (const char *a,
        const char *b)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) a, strlen (a) + 1);
  g_checksum_update (sum, (const guchar *) b, strlen (b) + 1);
  return g_strdup (g_checksum_get_string (sum));
}

static const char *
key_of (LiaPublishPlan *plan,
        const char     *id)
{
  const char *key = *id ? g_hash_table_lookup (plan->keys, id) : NULL;
  return key && *key ? key : NULL;
}

static void
fail (Job          *job,
      Outcome       outcome,
      const GError *error)
{
  job->outcome = outcome;
  g_free (job->message);
  job->message = g_strdup (error->message);
}

/* Places a page among its siblings after a create or a move, where the
 * wiki keeps an order; reads back the version the move may have made. */
static gboolean
place_page (LiaPublishPlan *plan,
            LiaWiki        *wiki,
            Job            *job,
            gboolean        created,
            GCancellable   *cancellable,
            GError        **error)
{
  const char *after = key_of (plan, job->prev_id);
  const char *before = key_of (plan, job->next_id);
  g_autoptr(LiaWikiPage) now = NULL;
  g_autoptr(GError) local = NULL;

  /* A new page lands last: it needs a move only when a later sibling is
   * already there.  Top-level pages are never ordered (Confluence would
   * make them hard to find). */
  if (!lia_wiki_can_order (wiki) || *job->parent_id == '\0' || (created && before == NULL))
    return TRUE;
  if (after == NULL && before == NULL)
    return TRUE;
  if (!lia_wiki_order (wiki, job->key, after, after ? NULL : before, cancellable, &local))
    {
      /* A wiki that cannot order pages (an older Confluence Data Center
       * has no move): the page is published, only its place among its
       * siblings is not what the tree says. */
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_free (job->warning);
      job->warning = g_strdup (local->message);
      return TRUE;
    }
  now = lia_wiki_fetch (wiki, job->key, cancellable, error);
  if (now == NULL)
    return error == NULL || *error == NULL;
  job->version = now->version;
  return TRUE;
}

static LiaWikiPage *
find_title (GPtrArray  *remote,
            const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);

  for (guint i = 0; i < remote->len; i++)
    {
      LiaWikiPage *page = remote->pdata[i];
      g_autofree char *other = g_utf8_casefold (page->title, -1);
      if (g_str_equal (folded, other))
        return page;
    }
  return NULL;
}

static LiaWikiPage *
find_key (GPtrArray  *remote,
          const char *key)
{
  for (guint i = 0; i < remote->len; i++)
    if (g_str_equal (((LiaWikiPage *) remote->pdata[i])->key, key))
      return remote->pdata[i];
  return NULL;
}

/* A page of the wiki without a marker that holds exactly what this job
 * sends (title and body) is this job's own: a create whose answer, or
 * whose marker (Confluence Cloud writes it in a second request), was
 * lost.  It gets its marker now. */
static gboolean
is_unmarked_copy (LiaWiki      *wiki,
                  LiaWikiPage  *remote,
                  Job          *job,
                  const char   *body,
                  GCancellable *cancellable)
{
  if (*remote->marker != '\0' || !lia_wiki_can_mark (wiki) || !g_str_equal (remote->body, body))
    return FALSE;
  if (!lia_wiki_mark (wiki, remote->key, job->id, cancellable, NULL))
    return FALSE;
  lia_wiki_page_set (&remote->marker, job->id);
  return TRUE;
}

/* After a create that may or may not have landed: the wiki's page with
 * this title and this page's marker, if there is one. */
static LiaWikiPage *
find_landed (LiaWiki      *wiki,
             Job          *job,
             const char   *body,
             gboolean     *absent,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) remote = lia_wiki_list (wiki, cancellable, NULL);
  LiaWikiPage *same = remote ? find_title (remote, job->remote_title) : NULL;
  LiaWikiPage *full;

  /* Only a list that was read and has no such title proves it absent. */
  *absent = remote != NULL && same == NULL;
  if (same == NULL)
    return NULL;
  full = lia_wiki_fetch (wiki, same->key, cancellable, NULL);
  if (full && (g_str_equal (full->marker, job->id) || is_unmarked_copy (wiki, full, job, body, cancellable)))
    return full;
  lia_wiki_page_free (full);
  return NULL;
}

static void
run_job (LiaPublishPlan *plan,
         LiaWiki        *wiki,
         Job            *job,
         GPtrArray      *remote,
         GCancellable   *cancellable)
{
  g_autoptr(LiaWikiPage) page = lia_wiki_page_new ();
  g_autoptr(LiaWikiPage) adopted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = lia_wiki_render (wiki, job->markdown, job->id, link_title, plan);
  const char *parent_key = key_of (plan, job->parent_id);
  LiaWikiPage *current = job->linked ? find_key (remote, job->ref_key) : NULL;
  gboolean can_order = lia_wiki_can_order (wiki);

  job->hash = digest (job->remote_title, body);
  job->place = digest (job->parent_id, can_order ? job->prev_id : "");
  lia_wiki_page_set (&page->title, job->remote_title);
  lia_wiki_page_set (&page->body, body);
  lia_wiki_page_set (&page->parent, parent_key);
  lia_wiki_page_set (&page->marker, job->id);

  if (job->linked && current == NULL)
    {
      /* Deleted on the wiki: publish it again. */
      job->linked = FALSE;
      g_free (job->ref_hash);
      job->ref_hash = NULL;
    }

  if (!job->linked)
    {
      LiaWikiPage *same = find_title (remote, job->remote_title);

      if (same != NULL)
        {
          /* A page with this title is there already: ours from a publish
           * whose answer was lost, or someone else's. */
          adopted = lia_wiki_fetch (wiki, same->key, cancellable, &error);
          if (adopted == NULL && error != NULL)
            {
              fail (job, OUTCOME_FAILED, error);
              return;
            }
          if (adopted != NULL && !g_str_equal (adopted->marker, job->id) && !job->force &&
              !is_unmarked_copy (wiki, adopted, job, body, cancellable))
            {
              job->outcome = OUTCOME_CONFLICT;
              /* Translators: a page of the wiki has the title Liaison would give a new page */
              job->message = g_strdup_printf (_("the wiki already has a page titled “%s” that Liaison did not publish"),
                                              job->remote_title);
              return;
            }
          if (adopted != NULL)
            {
              current = adopted;
              job->linked = TRUE;
              g_free (job->ref_key);
              job->ref_key = g_strdup (adopted->key);
              job->ref_version = adopted->version;
            }
        }
    }

  if (!job->linked)
    {
      job->outcome = OUTCOME_CREATED;
      if (plan->dry_run)
        return;
      /* A page is found again by its title in its space, a lookup the
       * wikis answer from their database, not from a lagging search
       * index: after an uncertain create that finds nothing, one more
       * create is safe. */
      for (guint attempt = 0; !lia_wiki_create (wiki, page, cancellable, &error); attempt++)
        {
          g_autoptr(LiaWikiPage) landed = NULL;
          gboolean absent = FALSE;

          if (!lia_http_is_uncertain (error))
            {
              fail (job, OUTCOME_FAILED, error);
              return;
            }
          landed = find_landed (wiki, job, body, &absent, cancellable);
          if (landed != NULL)
            {
              lia_wiki_page_set (&page->key, landed->key);
              lia_wiki_page_set (&page->url, landed->url);
              page->version = landed->version;
              g_clear_error (&error);
              break;
            }
          if (attempt == 1 || !absent)
            {
              fail (job, OUTCOME_FAILED, error);
              return;
            }
          g_clear_error (&error);
        }
      job->key = g_strdup (page->key);
      job->url = g_strdup (page->url);
      job->version = page->version;
      g_hash_table_insert (plan->keys, g_strdup (job->id), g_strdup (job->key));
      if (!place_page (plan, wiki, job, TRUE, cancellable, &error))
        fail (job, OUTCOME_FAILED, error);
      return;
    }

  job->key = g_strdup (job->ref_key);
  job->url = g_strdup (current->url);
  job->version = current->version;
  job->content_changed = g_strcmp0 (job->hash, job->ref_hash) != 0;
  job->place_changed = g_strcmp0 (job->place, job->ref_place) != 0;
  job->remote_changed = current->version != job->ref_version;
  if (!job->content_changed && !job->place_changed)
    {
      /* Nothing to send; a wiki-side edit is only worth a mention. */
      job->outcome = OUTCOME_UNCHANGED;
      return;
    }
  if (job->remote_changed && !job->force)
    {
      job->outcome = OUTCOME_CONFLICT;
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, current->version);
      g_autofree char *then = g_strdup_printf ("%" G_GINT64_FORMAT, job->ref_version);

      /* Translators: the two %s are wiki page version numbers */
      job->message = g_strdup_printf (_("edited on the wiki since the last publish (version %s, published %s)"), now, then);
      return;
    }
  job->outcome = job->place_changed ? OUTCOME_MOVED : OUTCOME_UPDATED;
  if (plan->dry_run)
    return;

  lia_wiki_page_set (&page->key, job->ref_key);
  page->version = current->version;
  if (!lia_wiki_update (wiki, page, job->ref_key, cancellable, &error))
    {
      fail (job, g_error_matches (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_CONFLICT)
                 ? OUTCOME_CONFLICT : OUTCOME_FAILED, error);
      return;
    }
  g_free (job->key);
  job->key = g_strdup (page->key);
  g_free (job->url);
  job->url = g_strdup (page->url);
  job->version = page->version;
  g_hash_table_insert (plan->keys, g_strdup (job->id), g_strdup (job->key));
  if (job->place_changed && !place_page (plan, wiki, job, FALSE, cancellable, &error))
    fail (job, OUTCOME_FAILED, error);
}

void
lia_publish_plan_execute (LiaPublishPlan      *plan,
                          LiaWiki             *wiki,
                          GCancellable        *cancellable,
                          LiaSyncProgressFunc  progress,
                          gpointer             user_data)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (LIA_IS_WIKI (wiki));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) remote = lia_wiki_list (wiki, cancellable, &error);

  if (remote == NULL)
    {
      plan->error = g_strdup (error->message);
      plan->cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      return;
    }
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          plan->cancelled = TRUE;
          break;
        }
      run_job (plan, wiki, plan->jobs->pdata[i], remote, cancellable);
      if (progress)
        progress (i + 1, plan->jobs->len, user_data);
    }

  /* What the wiki has that no local page is linked to, or was just. */
  for (guint i = 0; i < remote->len; i++)
    {
      LiaWikiPage *page = remote->pdata[i];
      gboolean known = g_hash_table_contains (plan->linked_keys, page->key);

      for (guint j = 0; j < plan->jobs->len && !known; j++)
        known = g_strcmp0 (((Job *) plan->jobs->pdata[j])->key, page->key) == 0;
      if (!known)
        g_ptr_array_add (plan->remote_only, g_strdup (page->title));
    }
}

/* ---- apply ------------------------------------------------------------- */

static LiaPage *
find_page (GListModel *store,
           const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (store, i);
      LiaPage *found;

      if (g_str_equal (lia_entity_get_id (LIA_ENTITY (page)), id))
        return page;
      found = find_page (G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (page), LIA_PAGE_CHILDREN)), id);
      if (found)
        return found;
    }
  return NULL;
}

static void
record (LiaPublishPlan *plan,
        LiaPage        *page,
        Job            *job)
{
  g_autoptr(LiaRemoteRef) ref = lia_remote_ref_new ();
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, job->version);
  LiaEntity *r = LIA_ENTITY (ref);

  lia_entity_set_string (r, LIA_REMOTE_REF_SERVICE, plan->service);
  lia_entity_set_string (r, LIA_REMOTE_REF_KEY, job->key);
  lia_entity_set_string (r, LIA_REMOTE_REF_URL, job->url ? job->url : "");
  lia_entity_set_string (r, LIA_REMOTE_REF_REMOTE_VERSION, version);
  lia_entity_set_string (r, LIA_REMOTE_REF_SYNCED_HASH, job->hash);
  lia_entity_set_string (r, LIA_REMOTE_REF_REMOTE_HASH, job->place);
  lia_entity_set_string (r, LIA_REMOTE_REF_BASE_URL, plan->base_url);
  lia_entity_set_string (r, LIA_REMOTE_REF_SPACE, plan->space);
  lia_entity_set_remote (LIA_ENTITY (page), ref);
}

LiaPublishReport *
lia_publish_plan_apply (LiaPublishPlan *plan,
                        LiaWorkspace   *workspace)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  LiaPublishReport *report = g_new0 (LiaPublishReport, 1);
  GListModel *roots = G_LIST_MODEL (lia_workspace_get_pages (workspace));
  gboolean modified = FALSE;

  report->dry_run = plan->dry_run;
  report->cancelled = plan->cancelled;
  report->lines = g_ptr_array_new_with_free_func (g_free);
  report->conflict_ids = g_ptr_array_new_with_free_func (g_free);

  if (plan->error != NULL)
    {
      report->errors = 1;
      g_ptr_array_add (report->lines, g_strdup (plan->error));
      return report;
    }

  for (guint i = 0; i < plan->jobs->len; i++)
    {
      Job *job = plan->jobs->pdata[i];
      LiaPage *page = find_page (roots, job->id);
      const char *line = NULL;

      switch (job->outcome)
        {
        case OUTCOME_NONE:
          continue;
        case OUTCOME_UNCHANGED:
          report->unchanged++;
          if (job->remote_changed)
            /* Translators: a page changed on the wiki only; Liaison sends nothing */
            line = _("%s: edited on the wiki, unchanged here (left alone)");
          break;
        case OUTCOME_CREATED:
          report->created++;
          line = plan->dry_run ? _("%s: would be created") : _("%s: created");
          break;
        case OUTCOME_UPDATED:
          report->updated++;
          line = plan->dry_run ? _("%s: would be updated") : _("%s: updated");
          break;
        case OUTCOME_MOVED:
          report->moved++;
          line = plan->dry_run ? _("%s: would be moved") : _("%s: moved");
          break;
        case OUTCOME_CONFLICT:
          report->conflicts++;
          g_ptr_array_add (report->conflict_ids, g_strdup (job->id));
          /* Translators: a page title, then why it was not published */
          g_ptr_array_add (report->lines, g_strdup_printf (_("%s: conflict: %s"), job->title, job->message));
          break;
        case OUTCOME_FAILED:
          report->errors++;
          /* Translators: a page title, then the error */
          g_ptr_array_add (report->lines, g_strdup_printf (_("%s: %s"), job->title, job->message));
          break;
        default:
          g_assert_not_reached ();
        }
      if (line != NULL)
        {
          /* Translators: the title on the wiki, when it differs from the page's own */
          g_autofree char *named = !job->renamed
                                   ? g_strdup (job->title)
                                   : g_strdup_printf (_("%s (on the wiki: %s)"), job->title, job->remote_title);
          g_ptr_array_add (report->lines, g_strdup_printf (line, named));
        }

      if (job->warning != NULL)
        /* Translators: a page title, then what could not be done on the wiki although the page was published */
        g_ptr_array_add (report->lines, g_strdup_printf (_("%s: warning: %s"), job->title, job->warning));

      if (!plan->dry_run && page != NULL && job->key != NULL && *job->key != '\0' &&
          (job->outcome == OUTCOME_CREATED || job->outcome == OUTCOME_UPDATED ||
           job->outcome == OUTCOME_MOVED))
        {
          record (plan, page, job);
          modified = TRUE;
        }
    }

  for (guint i = 0; i < plan->remote_only->len; i++)
    {
      report->remote_only++;
      /* Translators: a wiki page with no local page; it is left alone */
      g_ptr_array_add (report->lines, g_strdup_printf (_("%s: only on the wiki (left alone)"),
                                                       (char *) plan->remote_only->pdata[i]));
    }
  if (modified)
    lia_workspace_mark_modified (workspace);
  return report;
}

/* ---- on a worker thread ------------------------------------------------ */

void
lia_publish_run_async (LiaWorkspace        *workspace,
                       LiaWiki             *wiki,
                       const char          *page,
                       gboolean             dry_run,
                       const char * const  *force,
                       GCancellable        *cancellable,
                       LiaSyncProgressFunc  progress,
                       gpointer             progress_data,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (LIA_IS_WORKSPACE (workspace));
  g_return_if_fail (LIA_IS_WIKI (wiki));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_autoptr(GTask) task = g_task_new (workspace, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  LiaPublishPlan *plan = lia_publish_plan_new (workspace, wiki, page, dry_run, force, &error);

  g_task_set_source_tag (task, lia_publish_run_async);
  if (plan == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  lia_plan_run_in_thread (task, plan, (GDestroyNotify) lia_publish_plan_free, wiki,
                          (LiaPlanExecuteFunc) lia_publish_plan_execute, progress, progress_data);
}

LiaPublishReport *
lia_publish_run_finish (LiaWorkspace  *workspace,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (g_task_is_valid (result, workspace), NULL);

  LiaPublishPlan *plan = lia_plan_run_finish (result, error);

  return plan ? lia_publish_plan_apply (plan, workspace) : NULL;
}
