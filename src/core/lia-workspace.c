/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lia-file-util.h"
#include "lia-entity-private.h"
#include "lia-field-check.h"
#include "lia-workspace-private.h"

struct _LiaWorkspace
{
  GObject       parent_instance;

  GFile        *file;
  char         *title;
  char         *read_only_reason;
  JsonObject   *extra;
  LiaHistory   *history;
  GListStore   *collections[LIA_N_COLLECTIONS];

  gboolean      modified;
  guint         autosave_delay;
  guint         autosave_source;
  GFileMonitor *monitor;
  guint         monitor_source;
  char         *disk_checksum;   /* of what we last read or wrote */
  char        **problems;        /* what recovery found and did */
  gboolean      needs_review;    /* recovered: not written until saved by hand */
  gboolean      applying;        /* lia_workspace_apply() runs */
};

G_DEFINE_FINAL_TYPE (LiaWorkspace, lia_workspace, G_TYPE_OBJECT)
G_DEFINE_QUARK (lia-workspace-error-quark, lia_workspace_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_READ_ONLY,
  PROP_MODIFIED,
  PROP_NEEDS_REVIEW,
  N_PROPS
};

enum {
  EXTERNAL_CHANGE,
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const LiaCollectionInfo lia_collections[LIA_N_COLLECTIONS] = {
  { "members", lia_member_get_type },
  { "requirements", lia_requirement_get_type },
  { "meetings", lia_meeting_get_type },
  { "tasks", lia_task_get_type },
  { "pages", lia_page_get_type },
  { "contracts", lia_contract_get_type },
  { "assessments", lia_assessment_get_type },
  { "playbook", lia_playbook_entry_get_type },
  { "accounts", lia_account_get_type },
  { "outbox", lia_outbox_op_get_type },
  /* written only when it holds something */
  { "unrecovered", lia_unrecovered_get_type },
  /* what a merge left to decide; written only when it holds something */
  { "conflicts", lia_conflict_get_type },
};

/* Only tells our own writes from other programs' (not a security check),
 * so the fast digest will do. */
static char *
checksum_of (const char *data,
             gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *) data, length);
}

static void
set_modified (LiaWorkspace *self,
              gboolean      modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
autosave_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LiaWorkspace *self = LIA_WORKSPACE (object);
  g_autoptr(GError) error = NULL;

  if (!lia_workspace_save_finish (self, result, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static gboolean
autosave_cb (gpointer user_data)
{
  LiaWorkspace *self = LIA_WORKSPACE (user_data);

  self->autosave_source = 0;
  if (self->modified && self->file != NULL && self->read_only_reason == NULL && !self->needs_review)
    lia_workspace_save_async (self, NULL, NULL, autosave_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
history_changed_cb (LiaWorkspace *self,
                    LiaHistory   *history)
{
  lia_workspace_mark_modified (self);
}

/* For changes that are not user edits (what a sync brought back, remote
 * links, the outbox): saved like edits, but not undoable. */
void
lia_workspace_mark_modified (LiaWorkspace *self)
{
  g_return_if_fail (LIA_IS_WORKSPACE (self));

  set_modified (self, TRUE);

  if (self->autosave_delay > 0 && self->file != NULL && self->read_only_reason == NULL &&
      !self->needs_review)
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      self->autosave_source = g_timeout_add (self->autosave_delay, autosave_cb, self);
    }
}

static void
check_disk_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LiaWorkspace) self = user_data;
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, NULL))
    return;

  /* Our own atomic saves also wake the monitor; only content we did not
   * write counts as an external change. */
  sum = checksum_of (contents, length);
  if (g_strcmp0 (sum, self->disk_checksum) != 0)
    {
      g_free (self->disk_checksum);
      self->disk_checksum = g_steal_pointer (&sum);
      g_signal_emit (self, signals[EXTERNAL_CHANGE], 0);
    }
}

static gboolean
monitor_settled_cb (gpointer user_data)
{
  LiaWorkspace *self = LIA_WORKSPACE (user_data);

  self->monitor_source = 0;
  if (self->file != NULL)
    g_file_load_contents_async (self->file, NULL, check_disk_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (LiaWorkspace      *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  /* Editors and git write in bursts; look once things settle. */
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add (300, monitor_settled_cb, self);
}

static void
watch_file (LiaWorkspace *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (self->file == NULL || self->autosave_delay == 0)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
add_id (LiaEntity *entity,
        gpointer   ids)
{
  if (LIA_ENTITY_GET_CLASS (entity)->has_id)
    g_hash_table_add (ids, (gpointer) lia_entity_get_id (entity));
}

static void
add_given_id (LiaEntity *entity,
              gpointer   ids)
{
  /* Asking for the id makes one for an entity without: do that first. */
  if (LIA_ENTITY_GET_CLASS (entity)->has_id && lia_entity_get_id (entity) != NULL &&
      !lia_entity_id_is_made (entity))
    g_hash_table_add (ids, (gpointer) lia_entity_get_id (entity));
}

static void
collect_ids (LiaEntity  *entity,
             GHashTable *ids)
{
  lia_entity_foreach (entity, add_id, ids);
}

typedef struct
{
  LiaHistory *history;
  GHashTable *removed;
} Unlink;

static void
unlink_refs (LiaEntity *entity,
             gpointer   data)
{
  Unlink *u = data;
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char * const *refs;
      g_autoptr(GStrvBuilder) kept = NULL;
      g_auto(GStrv) strv = NULL;
      gboolean changed = FALSE;

      if (!lia_field_spec_is_reference (&klass->fields[i]))
        continue;
      refs = lia_entity_get_strv (entity, i);
      kept = g_strv_builder_new ();
      for (guint j = 0; refs[j] != NULL; j++)
        if (g_hash_table_contains (u->removed, refs[j]))
          changed = TRUE;
        else
          g_strv_builder_add (kept, refs[j]);
      if (!changed)
        continue;

      strv = g_strv_builder_end (kept);
      {
        g_auto(GValue) v = G_VALUE_INIT;

        g_value_init (&v, G_TYPE_STRV);
        g_value_set_boxed (&v, strv);
        lia_history_set_value (u->history, entity, i, &v, FALSE);
      }
    }
}

/* Removing an entity removes every reference to it (and to what it
 * holds) in the same undo step: a meeting never lists a member who has
 * gone.  The reference fields come from the field tables, so a new one
 * is covered without a line here. */
static void
history_removing_cb (LiaWorkspace *self,
                     GListStore   *store,
                     GObject      *item,
                     LiaHistory   *history)
{
  g_autoptr(GHashTable) removed = g_hash_table_new (g_str_hash, g_str_equal);
  Unlink u = { history, removed };

  /* An apply sets every reference to the other workspace's (valid)
   * value itself; a walk over the whole workspace per removal would make
   * a large reload take minutes. */
  if (!LIA_IS_ENTITY (item) || self->applying)
    return;
  collect_ids (LIA_ENTITY (item), removed);
  if (g_hash_table_size (removed) > 0)
    lia_workspace_foreach_entity (self, unlink_refs, &u);
}

static gboolean
is_member_id (LiaWorkspace *self,
              const char   *id)
{
  GListModel *members = G_LIST_MODEL (self->collections[LIA_COLLECTION_MEMBERS]);
  guint n = g_list_model_get_n_items (members);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) member = g_list_model_get_item (members, i);

      if (g_str_equal (lia_entity_get_id (member), id))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_reference_value (LiaWorkspace       *self,
                       const LiaFieldSpec *spec,
                       const char * const *refs,
                       GError            **error)
{
  for (guint j = 0; refs != NULL && refs[j] != NULL; j++)
    if (!is_member_id (self, refs[j]))
      {
        g_set_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID,
                     _("“%.64s” is not the id of a member of this workspace"), refs[j]);
        return FALSE;
      }
  return TRUE;
}

typedef struct
{
  LiaWorkspace *self;
  GHashTable   *ids;
  GError       *error;
} InsertCheck;

static void
check_inserted (LiaEntity *entity,
                gpointer   data)
{
  InsertCheck *ic = data;
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  if (ic->error != NULL)
    return;
  for (guint i = 0; i < klass->n_fields; i++)
    if (lia_field_spec_is_reference (&klass->fields[i]) &&
        !check_reference_value (ic->self, &klass->fields[i], lia_entity_get_strv (entity, i), &ic->error))
      return;
}

static void
find_taken_id (LiaEntity *entity,
               gpointer   data)
{
  InsertCheck *ic = data;

  if (ic->error == NULL && LIA_ENTITY_GET_CLASS (entity)->has_id &&
      g_hash_table_contains (ic->ids, lia_entity_get_id (entity)))
    g_set_error (&ic->error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID,
                 _("the id %s is already used in this workspace"), lia_entity_get_id (entity));
}


/* The rules that need the whole workspace, for every edit through its
 * history: references name members, and an inserted entity (or any
 * inside it) does not take an id that is already used. */
static gboolean
history_check_cb (LiaEntity     *entity,
                  int            field,
                  const GValue  *value,
                  gpointer       user_data,
                  GError       **error)
{
  LiaWorkspace *self = user_data;

  if (field >= 0)
    {
      const LiaFieldSpec *spec = lia_entity_get_field_spec (entity, field);

      if (!lia_field_spec_is_reference (spec))
        return TRUE;
      return check_reference_value (self, spec, g_value_get_boxed (value), error);
    }
  else
    {
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
      InsertCheck ic = { self, ids, NULL };

      /* Only ids that were given (a snapshot, an import) can be taken;
       * random ones made for new entities cannot, and then the walk over
       * the whole workspace is not needed. */
      lia_entity_foreach (entity, add_given_id, ids);
      /* An apply keeps ids unique itself (the other workspace's are, and
       * what moves is taken out before it is put back). */
      if (g_hash_table_size (ids) > 0 && !self->applying)
        lia_workspace_foreach_entity (self, find_taken_id, &ic);
      if (ic.error == NULL)
        lia_entity_foreach (entity, check_inserted, &ic);
      if (ic.error != NULL)
        {
          g_propagate_error (error, ic.error);
          return FALSE;
        }
      return TRUE;
    }
}

static void
lia_workspace_dispose (GObject *object)
{
  LiaWorkspace *self = LIA_WORKSPACE (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  if (self->history != NULL)
    lia_history_set_check_func (self->history, NULL, NULL);
  g_clear_object (&self->history);
  for (guint i = 0; i < LIA_N_COLLECTIONS; i++)
    g_clear_object (&self->collections[i]);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (lia_workspace_parent_class)->dispose (object);
}

static void
lia_workspace_finalize (GObject *object)
{
  LiaWorkspace *self = LIA_WORKSPACE (object);

  g_free (self->title);
  g_free (self->read_only_reason);
  g_free (self->disk_checksum);
  g_strfreev (self->problems);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lia_workspace_parent_class)->finalize (object);
}

static void
lia_workspace_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaWorkspace *self = LIA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only_reason != NULL);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_NEEDS_REVIEW:
      g_value_set_boolean (value, self->needs_review);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_workspace_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LiaWorkspace *self = LIA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      lia_workspace_set_file (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      lia_workspace_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_workspace_class_init (LiaWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_workspace_dispose;
  object_class->finalize = lia_workspace_finalize;
  object_class->get_property = lia_workspace_get_property;
  object_class->set_property = lia_workspace_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Opened in recovery: the problems are listed and nothing is written
   * (no autosave) until the user has saved by hand. */
  properties[PROP_NEEDS_REVIEW] =
    g_param_spec_boolean ("needs-review", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file on disk changed and is not what this workspace last read or
   * wrote: offer to reload it. */
  signals[EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
lia_workspace_init (LiaWorkspace *self)
{
  self->title = g_strdup ("");
  self->extra = json_object_new ();
  self->history = lia_history_new ();
  for (guint i = 0; i < LIA_N_COLLECTIONS; i++)
    self->collections[i] = g_list_store_new (lia_collections[i].item_type ());

  g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "removing", G_CALLBACK (history_removing_cb),
                           self, G_CONNECT_SWAPPED);
  /* The history lives no longer than the workspace (dispose drops it). */
  lia_history_set_check_func (self->history, history_check_cb, self);
}

LiaWorkspace *
lia_workspace_new (void)
{
  return g_object_new (LIA_TYPE_WORKSPACE, NULL);
}

/* @display_name is what error messages call the input (usually the file's
 * path). */
LiaWorkspace *
lia_workspace_new_from_data (const char  *data,
                             gsize        length,
                             const char  *display_name,
                             GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return lia_workspace_new_from_data_full (data, length, display_name, LIA_LOAD_STRICT, error);
}

/* With LIA_LOAD_RECOVER, a file that breaks the rules still opens: see
 * lia_workspace_get_problems().  Only text that is not JSON, or not a
 * workspace, is refused. */
LiaWorkspace *
lia_workspace_new_from_data_full (const char    *data,
                                  gsize          length,
                                  const char    *display_name,
                                  LiaLoadFlags   flags,
                                  GError       **error)
{
  g_autoptr(LiaWorkspace) self = lia_workspace_new ();

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!lia_workspace_parse (self, data ? data : "", length, display_name ? display_name : "workspace",
                            flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A file without a local path (a GVfs location): the same checks through
 * GIO, before anything is read. */
static gboolean
load_remote (GFile         *file,
             GCancellable  *cancellable,
             char         **contents,
             gsize         *length,
             GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("not a regular file"));
      return FALSE;
    }
  if (g_file_info_get_size (info) > LIA_WORKSPACE_MAX_FILE_SIZE)
    {
      goffset size = g_file_info_get_size (info);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   ngettext ("the file is too large (%lld byte; at most %d)",
                             "the file is too large (%lld bytes; at most %d)", (unsigned long) size),
                   (long long) size, LIA_WORKSPACE_MAX_FILE_SIZE);
      return FALSE;
    }
  return g_file_load_contents (file, cancellable, contents, length, NULL, error);
}

LiaWorkspace *
lia_workspace_new_from_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return lia_workspace_new_from_file_full (file, LIA_LOAD_STRICT, cancellable, error);
}

LiaWorkspace *
lia_workspace_new_from_file_full (GFile         *file,
                                  LiaLoadFlags   flags,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;
  LiaWorkspace *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_path (file);
  if (name != NULL)
    {
      /* Only a regular file, its size checked before a byte is read: a
       * FIFO, a device or a huge sparse file fails at once. */
      lia_file_remove_orphaned_temps (name);
      contents = lia_file_read_regular (name, LIA_WORKSPACE_MAX_FILE_SIZE, &length, &local_error);
      if (contents == NULL)
        {
          g_set_error_literal (error, LIA_WORKSPACE_ERROR,
                               g_error_matches (local_error, LIA_FILE_ERROR, LIA_FILE_ERROR_TOO_LARGE)
                                 ? LIA_WORKSPACE_ERROR_TOO_LARGE : LIA_WORKSPACE_ERROR_IO,
                               local_error->message);
          return NULL;
        }
    }
  else if (!load_remote (file, cancellable, &contents, &length, &local_error))
    {
      name = g_file_get_uri (file);
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }
  else
    name = g_file_get_uri (file);

  self = lia_workspace_new_from_data_full (contents, length, name, flags, error);
  if (self != NULL)
    {
      /* What is on disk now, to tell our own saves from other writers. */
      self->disk_checksum = checksum_of (contents, length);
      /* Not watched yet: lia_workspace_set_autosave() starts that, on the
       * main context, once a window owns the workspace. */
      self->file = g_object_ref (file);
    }
  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  /* The window opens what it can: a damaged file in recovery. */
  LiaWorkspace *self = lia_workspace_new_from_file_full (task_data, LIA_LOAD_RECOVER, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
lia_workspace_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_workspace_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

LiaWorkspace *
lia_workspace_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The sample workspace made from the seed article: "zh" languages get the
 * article's own words, every other language the English translation. */
LiaWorkspace *
lia_workspace_new_sample (const char *language)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  LiaWorkspace *self;

  if (language != NULL && g_str_has_prefix (language, "zh"))
    path = "/io/github/liaisonapp/Liaison/samples/sample.zh_CN.liaison";
  else
    path = "/io/github/liaisonapp/Liaison/samples/sample.en.liaison";

  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  self = lia_workspace_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      path, &error);
  g_assert_no_error (error);
  return self;
}

char *
lia_workspace_to_data (LiaWorkspace *self,
                       gsize        *length)
{
  GString *out;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  out = lia_workspace_serialize (self);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
check_can_save (LiaWorkspace *self,
                GFile        *file,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (file == NULL)
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO,
                           _("The workspace has no file yet; choose where to save it"));
      return FALSE;
    }
  if (!g_file_is_native (file))
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_IO,
                           _("Only local files can be saved"));
      return FALSE;
    }
  if (self->read_only_reason != NULL && (self->file == NULL || g_file_equal (file, self->file)))
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_READ_ONLY,
                           self->read_only_reason);
      return FALSE;
    }
  /* What the reader would refuse is never written: the file on disk
   * stays as it was. */
  if (!lia_workspace_check (self, &local_error))
    {
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                   _("Not saved, the file is unchanged: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
saved (LiaWorkspace *self,
       GFile        *file,
       char         *checksum)
{
  g_free (self->disk_checksum);
  self->disk_checksum = checksum;
  if (self->file == NULL || !g_file_equal (file, self->file))
    lia_workspace_set_file (self, file);
  set_modified (self, FALSE);
  if (self->needs_review)
    {
      self->needs_review = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_REVIEW]);
    }
}

gboolean
lia_workspace_save (LiaWorkspace  *self,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) data = NULL;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);

  if (file == NULL)
    file = self->file;
  if (!check_can_save (self, file, error))
    return FALSE;

  path = g_file_get_path (file);
  data = lia_workspace_serialize (self);
  if (!lia_write_file_atomically (path, data->str, data->len, TRUE, error))
    return FALSE;

  saved (self, file, checksum_of (data->str, data->len));
  return TRUE;
}

typedef struct
{
  GFile   *file;
  GString *data;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *sd = data;

  g_object_unref (sd->file);
  g_string_free (sd->data, TRUE);
  g_free (sd);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *sd = task_data;
  g_autofree char *path = g_file_get_path (sd->file);
  GError *error = NULL;

  if (!lia_write_file_atomically (path, sd->data->str, sd->data->len, TRUE, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The document is serialized on the calling thread (the model is not
 * thread-safe); only the disk work runs in a worker. */
void
lia_workspace_save_async (LiaWorkspace        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *sd;

  g_return_if_fail (LIA_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_workspace_save_async);

  if (file == NULL)
    file = self->file;
  if (!check_can_save (self, file, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  sd = g_new0 (SaveData, 1);
  sd->file = g_object_ref (file);
  sd->data = lia_workspace_serialize (self);
  g_task_set_task_data (task, sd, save_data_free);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_task_run_in_thread (task, save_thread);
}

gboolean
lia_workspace_save_finish (LiaWorkspace  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  SaveData *sd;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  sd = g_task_get_task_data (G_TASK (result));
  saved (self, sd->file, checksum_of (sd->data->str, sd->data->len));
  return TRUE;
}

GFile *
lia_workspace_get_file (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  return self->file;
}

void
lia_workspace_set_file (LiaWorkspace *self,
                        GFile        *file)
{
  g_return_if_fail (LIA_IS_WORKSPACE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  /* Saving under a new name makes a writable copy of a read-only file. */
  g_clear_pointer (&self->read_only_reason, g_free);
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

char *
lia_workspace_dup_display_name (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (self->title[0] != '\0')
    return g_strdup (self->title);
  return g_strdup (_("Untitled Workspace"));
}

const char *
lia_workspace_get_title (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  return self->title;
}

void
lia_workspace_set_title (LiaWorkspace *self,
                         const char   *title)
{
  g_return_if_fail (LIA_IS_WORKSPACE (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
lia_workspace_get_read_only (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);

  return self->read_only_reason != NULL;
}

const char *
lia_workspace_get_read_only_reason (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  return self->read_only_reason;
}

gboolean
lia_workspace_get_modified (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);

  return self->modified;
}

/* Saves @delay_ms after the last edit and watches the file for changes
 * made by others; 0 turns both off (the CLI and tests). */
void
lia_workspace_set_autosave (LiaWorkspace *self,
                            guint         delay_ms)
{
  g_return_if_fail (LIA_IS_WORKSPACE (self));

  self->autosave_delay = delay_ms;
  if (delay_ms == 0)
    g_clear_handle_id (&self->autosave_source, g_source_remove);
  watch_file (self);
}

LiaHistory *
lia_workspace_get_history (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  return self->history;
}

JsonObject *
lia_workspace_get_extra (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  return self->extra;
}

GListStore *
lia_workspace_get_collection (LiaWorkspace  *self,
                              LiaCollection  collection)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (collection < LIA_N_COLLECTIONS, NULL);

  return self->collections[collection];
}

void
lia_workspace_set_loaded_state (LiaWorkspace *self,
                                const char   *title,
                                gint64        version,
                                JsonObject   *extra,
                                char        **problems)
{
  g_strfreev (self->problems);
  self->problems = g_strdupv (problems);
  self->needs_review = problems != NULL && problems[0] != NULL;

  lia_workspace_set_title (self, title);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = json_object_ref (extra);

  g_clear_pointer (&self->read_only_reason, g_free);
  if (version > LIA_WORKSPACE_FORMAT_VERSION)
    self->read_only_reason =
      g_strdup_printf (_("This workspace was written by a newer version of Liaison (format version %lld; this version reads %d). It is open read-only so nothing in it is lost; use Save As to keep a copy in this version's format."),
                       (long long) version, LIA_WORKSPACE_FORMAT_VERSION);
}

/* After lia_workspace_apply() made @self equal to @other, read from the
 * same file: @self holds what the file holds, so it is not modified and
 * no autosave rewrites the file (which may not be in our canonical form,
 * say after a git merge); the monitor compares with what @other read. */
void
lia_workspace_adopt_disk_state (LiaWorkspace *self,
                                LiaWorkspace *other)
{
  if (other->disk_checksum == NULL || self->file == NULL || other->file == NULL ||
      !g_file_equal (self->file, other->file))
    return;
  g_free (self->disk_checksum);
  self->disk_checksum = g_strdup (other->disk_checksum);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  set_modified (self, FALSE);
}

/* While lia_workspace_apply() runs, the history's checks and clean-ups
 * that need a walk over the whole workspace are left to it. */
void
lia_workspace_set_applying (LiaWorkspace *self,
                            gboolean      applying)
{
  self->applying = applying;
}

#define COLLECTION_GETTER(name, which) \
  GListStore * \
  lia_workspace_get_##name (LiaWorkspace *self) \
  { \
    return lia_workspace_get_collection (self, which); \
  }

COLLECTION_GETTER (members, LIA_COLLECTION_MEMBERS)
COLLECTION_GETTER (requirements, LIA_COLLECTION_REQUIREMENTS)
COLLECTION_GETTER (meetings, LIA_COLLECTION_MEETINGS)
COLLECTION_GETTER (tasks, LIA_COLLECTION_TASKS)
COLLECTION_GETTER (pages, LIA_COLLECTION_PAGES)
COLLECTION_GETTER (contracts, LIA_COLLECTION_CONTRACTS)
COLLECTION_GETTER (assessments, LIA_COLLECTION_ASSESSMENTS)
COLLECTION_GETTER (playbook, LIA_COLLECTION_PLAYBOOK)
COLLECTION_GETTER (accounts, LIA_COLLECTION_ACCOUNTS)
COLLECTION_GETTER (outbox, LIA_COLLECTION_OUTBOX)
COLLECTION_GETTER (unrecovered, LIA_COLLECTION_UNRECOVERED)
COLLECTION_GETTER (conflicts, LIA_COLLECTION_CONFLICTS)

/* What recovery found in the file and what it did, one located line each
 * (“tasks[0].due: “2026-02-30” is not a date (reset; …)”); empty when the
 * file was sound. */
const char * const *
lia_workspace_get_problems (LiaWorkspace *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  return self->problems ? (const char * const *) self->problems : none;
}

gboolean
lia_workspace_get_needs_review (LiaWorkspace *self)
{
  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);

  return self->needs_review;
}

#undef COLLECTION_GETTER

/* Whether a merge left something to decide about the entity with @id
 * (or, with @field, about that field of it): views mark such items.
 * Conflicts are few, so a walk is cheaper than an index kept in step. */
gboolean
lia_workspace_has_conflict (LiaWorkspace *self,
                            const char   *id,
                            const char   *field)
{
  GListModel *conflicts;
  guint n;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  conflicts = G_LIST_MODEL (self->collections[LIA_COLLECTION_CONFLICTS]);
  n = g_list_model_get_n_items (conflicts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) conflict = g_list_model_get_item (conflicts, i);

      if (g_strcmp0 (lia_entity_get_string (conflict, LIA_CONFLICT_ENTITY), id) == 0 &&
          (field == NULL || g_strcmp0 (lia_entity_get_string (conflict, LIA_CONFLICT_FIELD), field) == 0))
        return TRUE;
    }
  return FALSE;
}
