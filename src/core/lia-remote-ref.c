/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-remote-ref"

#include "config.h"

#include "lia-remote-ref.h"
#include "lia-choices.h"

/* A link from an entity to its copy on a tracker or wiki: which service, the remote key and address, the remote version seen at the last sync and a hash of what was sent then. */
struct _LiaRemoteRef
{
  LiaEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaRemoteRef, lia_remote_ref, LIA_TYPE_ENTITY)

static const LiaFieldSpec fields[] = {
  { .name = "service", .kind = LIA_KIND_STRING },
  { .name = "key", .kind = LIA_KIND_STRING },
  { .name = "url", .kind = LIA_KIND_STRING },
  { .name = "remote-version", .kind = LIA_KIND_STRING },
  { .name = "synced-hash", .kind = LIA_KIND_STRING },
  /* a digest of the remote fields at the last sync: a remote edit shows
   * even when the tracker's clock has one-second steps */
  { .name = "remote-hash", .kind = LIA_KIND_STRING },
  /* the account's address (the API root), which tells trackers apart */
  { .name = "base-url", .kind = LIA_KIND_STRING },
  /* a wiki page's space (Confluence) or project (Redmine) */
  { .name = "space", .kind = LIA_KIND_STRING },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == LIA_REMOTE_REF_N_FIELDS);

static void
lia_remote_ref_class_init (LiaRemoteRefClass *klass)
{
  lia_entity_class_install_fields (LIA_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields), FALSE);
}

static void
lia_remote_ref_init (LiaRemoteRef *self)
{
}

LiaRemoteRef *
lia_remote_ref_new (void)
{
  return g_object_new (LIA_TYPE_REMOTE_REF, NULL);
}
