/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-conflict-resolve"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-conflict-resolve.h"
#include "lia-field-check.h"
#include "lia-field-text.h"
#include "lia-model.h"
#include "lia-workspace-private.h"

/* A choice made from a conflict record is an edit like any other: it goes
 * through the history (so the rule book and the workspace's checks apply
 * and Ctrl+Z takes it back) and removes the record in the same step.
 * What the history cannot do (a value kept for a newer version, a
 * tracker link) is refused with a reason rather than done behind its
 * back. */

/* Where an entity sits: the list that holds it and the entity that owns
 * that list (NULL at the top level).  Pointers are borrowed from the
 * model. */
typedef struct
{
  LiaEntity  *entity;
  GListStore *store;
  guint       position;
  LiaEntity  *parent;
} Place;

static gboolean find_in_entity (LiaEntity  *owner,
                                const char *id,
                                Place      *place);

static gboolean
find_in_store (GListStore *store,
               LiaEntity  *owner,
               const char *id,
               Place      *place)
{
  GListModel *list = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (list, i);

      if (LIA_ENTITY_GET_CLASS (item)->has_id && g_strcmp0 (lia_entity_get_id (item), id) == 0)
        {
          *place = (Place) { item, store, i, owner };
          return TRUE;
        }
      if (find_in_entity (item, id, place))
        return TRUE;
    }
  return FALSE;
}

static gboolean
find_in_entity (LiaEntity  *owner,
                const char *id,
                Place      *place)
{
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (owner);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == LIA_KIND_LIST)
      {
        if (find_in_store (lia_entity_get_list (owner, i), owner, id, place))
          return TRUE;
      }
    else if (klass->fields[i].kind == LIA_KIND_CHILD && lia_entity_get_child (owner, i) != NULL)
      {
        if (find_in_entity (lia_entity_get_child (owner, i), id, place))
          return TRUE;
      }
  return FALSE;
}

static gboolean
locate (LiaWorkspace *self,
        const char   *id,
        Place        *place)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;
  /* The records themselves are not what they talk about. */
  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    if (c != LIA_COLLECTION_CONFLICTS &&
        find_in_store (lia_workspace_get_collection (self, c), NULL, id, place))
      return TRUE;
  return FALSE;
}

/* The list an entity of @type (or the list named @key) belongs in under
 * @parent_id ("" for the top level). */
static GListStore *
list_under (LiaWorkspace  *self,
            const char    *parent_id,
            const char    *key,
            GType          type,
            GError       **error)
{
  Place parent;
  LiaEntityClass *klass;
  GListStore *by_type = NULL;

  if (parent_id == NULL || parent_id[0] == '\0')
    {
      for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
        if ((key != NULL && g_strcmp0 (lia_collections[c].key, key) == 0) ||
            (key == NULL && lia_collections[c].item_type () == type))
          return lia_workspace_get_collection (self, c);
      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                   _("This workspace has no list “%s”"), key ? key : g_type_name (type));
      return NULL;
    }

  if (!locate (self, parent_id, &parent))
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                           _("The place it belongs in is no longer in this workspace"));
      return NULL;
    }
  klass = LIA_ENTITY_GET_CLASS (parent.entity);
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == LIA_KIND_LIST)
      {
        if (key != NULL && g_str_equal (klass->json_keys[i], key))
          return lia_entity_get_list (parent.entity, i);
        if (key == NULL && klass->fields[i].entity_type () == type && by_type == NULL)
          by_type = lia_entity_get_list (parent.entity, i);
      }
  if (by_type == NULL)
    g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                 _("It cannot be placed there (no list “%s”)"), key ? key : g_type_name (type));
  return by_type;
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static JsonNode *
side_value (LiaConflict       *conflict,
            LiaConflictChoice  side)
{
  static const guint fields[] = { LIA_CONFLICT_OURS, LIA_CONFLICT_THEIRS, LIA_CONFLICT_BASE };

  g_assert (side < G_N_ELEMENTS (fields));
  return lia_entity_get_json (LIA_ENTITY (conflict), fields[side]);
}

/* Whether @choice for a field or text conflict is something the history
 * can do.  A value it cannot set (the workspace's own title or keys, a
 * key kept for a newer version, a tracker link, a whole list) is fine as
 * long as nothing has to change: ours is what the merged file holds. */
static gboolean
field_settable (LiaWorkspace       *self,
                LiaConflict        *conflict,
                LiaConflictChoice   choice,
                Place              *place,
                int                *field,
                GError            **error)
{
  LiaEntity *record = LIA_ENTITY (conflict);
  const char *id = lia_entity_get_string (record, LIA_CONFLICT_ENTITY);
  const char *key = lia_entity_get_string (record, LIA_CONFLICT_FIELD);
  JsonNode *node = side_value (conflict, choice);
  g_autoptr(JsonNode) title = NULL;
  g_autoptr(JsonNode) remote = NULL;
  JsonNode *current = NULL;

  *field = -1;
  if (id[0] == '\0')
    {
      if (g_str_equal (key, "title"))
        current = title = json_node_init_string (json_node_alloc (), lia_workspace_get_title (self));
      else
        current = json_object_get_member (lia_workspace_get_extra (self), key);
    }
  else if (!locate (self, id, place))
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                           _("What this conflict is about is no longer in this workspace"));
      return FALSE;
    }
  else
    {
      *field = lia_entity_class_find_json_key (LIA_ENTITY_GET_CLASS (place->entity), key);
      if (*field >= 0 && lia_entity_get_field_spec (place->entity, *field)->kind != LIA_KIND_LIST)
        return TRUE;
      if (*field < 0 && g_str_equal (key, "remote") && lia_entity_get_remote (place->entity) != NULL)
        {
          g_autofree char *data = lia_entity_to_data (LIA_ENTITY (lia_entity_get_remote (place->entity)));
          current = remote = json_from_string (data, NULL);
        }
      else if (*field < 0)
        current = json_object_get_member (lia_entity_get_extra (place->entity), key);
      *field = -1;
    }

  if (choice == LIA_CONFLICT_CHOICE_OURS ||
      (is_null (current) ? is_null (node) : !is_null (node) && json_node_equal (current, node)))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Liaison cannot change “%s” here; keep yours, or edit the file by hand"), key);
  return FALSE;
}

/* field and text: one field of an entity that is still there. */
static gboolean
apply_field (LiaWorkspace       *self,
             LiaConflict        *conflict,
             LiaConflictChoice   choice,
             GError            **error)
{
  JsonNode *node = side_value (conflict, choice);
  g_auto(GValue) value = G_VALUE_INIT;
  Place place;
  int field;

  if (!field_settable (self, conflict, choice, &place, &field, error))
    return FALSE;
  if (field < 0)
    return TRUE;  /* nothing has to change */
  if (!lia_entity_value_from_json (place.entity, field, node, &value, error))
    return FALSE;
  return lia_history_try_set_value (lia_workspace_get_history (self), place.entity, field, &value, FALSE, error);
}

/* edit-delete: the chosen side either has the entity or does not. */
static gboolean
apply_presence (LiaWorkspace       *self,
                LiaConflict        *conflict,
                LiaConflictChoice   choice,
                GError            **error)
{
  LiaEntity *record = LIA_ENTITY (conflict);
  LiaHistory *history = lia_workspace_get_history (self);
  JsonNode *node = side_value (conflict, choice);
  g_autoptr(LiaEntity) entity = NULL;
  GListStore *store;
  Place place;

  if (locate (self, lia_entity_get_string (record, LIA_CONFLICT_ENTITY), &place))
    {
      /* The workspace drops every reference to it in the same step. */
      if (is_null (node))
        lia_history_remove (history, place.store, place.position);
      return TRUE;
    }
  if (is_null (node))
    return TRUE;

  store = list_under (self, lia_entity_get_string (record, LIA_CONFLICT_PARENT),
                      lia_entity_get_string (record, LIA_CONFLICT_COLLECTION), G_TYPE_INVALID, error);
  if (store == NULL)
    return FALSE;
  entity = lia_entity_new_from_json (g_list_model_get_item_type (G_LIST_MODEL (store)), node, error);
  if (entity == NULL)
    return FALSE;
  return lia_history_try_insert (history, store, g_list_model_get_n_items (G_LIST_MODEL (store)), entity, error);
}

static void
add_entity (LiaEntity *entity,
            gpointer   set)
{
  g_hash_table_add (set, entity);
}

/* move and cycle: the chosen side's parent. */
static gboolean
apply_place (LiaWorkspace       *self,
             LiaConflict        *conflict,
             LiaConflictChoice   choice,
             GError            **error)
{
  LiaEntity *record = LIA_ENTITY (conflict);
  LiaHistory *history = lia_workspace_get_history (self);
  JsonNode *node = side_value (conflict, choice);
  g_autoptr(GHashTable) inside = NULL;
  g_autoptr(LiaEntity) keep = NULL;
  const char *parent_id;
  GListStore *to;
  Place place, parent;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                           _("The conflict record does not name a place"));
      return FALSE;
    }
  parent_id = json_node_get_string (node);
  if (!locate (self, lia_entity_get_string (record, LIA_CONFLICT_ENTITY), &place))
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                           _("What this conflict is about is no longer in this workspace"));
      return FALSE;
    }

  /* A page under itself or its own descendant would leave the tree. */
  inside = g_hash_table_new (NULL, NULL);
  lia_entity_foreach (place.entity, add_entity, inside);
  if (parent_id[0] != '\0' && locate (self, parent_id, &parent) && g_hash_table_contains (inside, parent.entity))
    {
      g_autofree char *name = lia_conflict_describe (conflict, self);

      g_set_error (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                   _("That would put it inside itself (%s)"), name);
      return FALSE;
    }

  to = list_under (self, parent_id, NULL, G_OBJECT_TYPE (place.entity), error);
  if (to == NULL)
    return FALSE;
  if (to == place.store)
    return TRUE;

  keep = g_object_ref (place.entity);
  lia_history_remove (history, place.store, place.position);
  return lia_history_try_insert (history, to, g_list_model_get_n_items (G_LIST_MODEL (to)), keep, error);
}

/* Applies @choice for @conflict and removes the record, as one undo step
 * (“Resolve Conflict”).  Nothing changes when it fails. */
gboolean
lia_workspace_resolve_conflict (LiaWorkspace       *self,
                                LiaConflict        *conflict,
                                LiaConflictChoice   choice,
                                GError            **error)
{
  GListStore *conflicts;
  LiaHistory *history;
  const char *kind;
  guint position, n_undo;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (LIA_IS_CONFLICT (conflict), FALSE);
  g_return_val_if_fail (choice <= LIA_CONFLICT_CHOICE_BASE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lia_workspace_get_read_only (self))
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_READ_ONLY,
                           lia_workspace_get_read_only_reason (self));
      return FALSE;
    }
  conflicts = lia_workspace_get_conflicts (self);
  if (!g_list_store_find (conflicts, conflict, &position))
    {
      g_set_error_literal (error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_INVALID,
                           _("This conflict is already resolved"));
      return FALSE;
    }

  history = lia_workspace_get_history (self);
  n_undo = lia_history_get_n_undo (history);
  kind = lia_entity_get_string (LIA_ENTITY (conflict), LIA_CONFLICT_KIND);

  lia_history_begin (history, _("Resolve Conflict"));
  if (g_str_equal (kind, "field") || g_str_equal (kind, "text"))
    ok = apply_field (self, conflict, choice, error);
  else if (g_str_equal (kind, "edit-delete"))
    ok = apply_presence (self, conflict, choice, error);
  else
    ok = apply_place (self, conflict, choice, error);
  if (ok && g_list_store_find (conflicts, conflict, &position))
    lia_history_remove (history, conflicts, position);
  lia_history_end (history);

  /* A move is two commands; should the second be refused, the first is
   * taken back so that a failed choice leaves the workspace as it was. */
  if (!ok && lia_history_get_n_undo (history) > n_undo)
    lia_history_undo (history);
  return ok;
}

/* The entity with @id anywhere in the workspace (nested ones too), or
 * NULL; owned by the workspace. */
LiaEntity *
lia_workspace_find_entity (LiaWorkspace *self,
                           const char   *id)
{
  Place place;

  g_return_val_if_fail (LIA_IS_WORKSPACE (self), NULL);

  return locate (self, id, &place) ? place.entity : NULL;
}

/* FALSE (with the reason) when @choice is one Liaison cannot make here,
 * so the view can say so before the user tries; TRUE does not promise
 * that the value passes the rules. */
gboolean
lia_conflict_can_choose (LiaConflict       *conflict,
                         LiaWorkspace      *workspace,
                         LiaConflictChoice  choice,
                         GError           **error)
{
  const char *kind;
  Place place;
  int field;

  g_return_val_if_fail (LIA_IS_CONFLICT (conflict), FALSE);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), FALSE);

  kind = lia_entity_get_string (LIA_ENTITY (conflict), LIA_CONFLICT_KIND);
  if (g_str_equal (kind, "field") || g_str_equal (kind, "text"))
    return field_settable (workspace, conflict, choice, &place, &field, error);
  return TRUE;
}

gboolean
lia_conflict_offers_base (LiaConflict *conflict)
{
  const char *kind;

  g_return_val_if_fail (LIA_IS_CONFLICT (conflict), FALSE);

  kind = lia_entity_get_string (LIA_ENTITY (conflict), LIA_CONFLICT_KIND);
  return g_str_equal (kind, "field") || g_str_equal (kind, "text");
}

/* ---- in the user's words ---- */

static char *
shorten (const char *text)
{
  g_autofree char *line = g_strdup (text ? text : "");
  char *newline = strchr (line, '\n');

  if (newline != NULL)
    *newline = '\0';
  if (g_utf8_strlen (line, -1) <= 48)
    return g_steal_pointer (&line);
  {
    g_autofree char *cut = g_utf8_substring (line, 0, 47);
    return g_strconcat (cut, "…", NULL);
  }
}

static char *
name_of (LiaWorkspace *self,
         LiaEntity    *entity)
{
  g_autofree char *text = NULL;
  Place place;
  gboolean placed = LIA_ENTITY_GET_CLASS (entity)->has_id && locate (self, lia_entity_get_id (entity), &place);

#define NAMED(format, field) \
  (text = shorten (lia_entity_get_string (entity, field)), g_strdup_printf (format, text))

  if (LIA_IS_PAGE (entity))
    return NAMED (_("Page “%s”"), LIA_PAGE_TITLE);
  if (LIA_IS_REQUIREMENT (entity))
    {
      /* The table numbers requirements; that is how people refer to them. */
      if (placed && place.parent == NULL)
        return g_strdup_printf (_("Requirement %u"), place.position + 1);
      return NAMED (_("Requirement “%s”"), LIA_REQUIREMENT_BUSINESS_NEED);
    }
  if (LIA_IS_STEP (entity))
    {
      if (placed && place.parent != NULL)
        {
          g_autofree char *owner = name_of (self, place.parent);
          /* Translators: “Step 2 of Requirement 1” */
          return g_strdup_printf (_("Step %u of %s"), place.position + 1, owner);
        }
      return NAMED (_("Step “%s”"), LIA_STEP_TEXT);
    }
  if (LIA_IS_MEMBER (entity))
    return NAMED (_("Member “%s”"), LIA_MEMBER_NAME);
  if (LIA_IS_MEETING (entity))
    return NAMED (_("Meeting “%s”"), LIA_MEETING_TITLE);
  if (LIA_IS_AGENDA_ITEM (entity))
    return NAMED (_("Agenda item “%s”"), LIA_AGENDA_ITEM_TITLE);
  if (LIA_IS_ACTION_ITEM (entity))
    return NAMED (_("Action item “%s”"), LIA_ACTION_ITEM_TEXT);
  if (LIA_IS_TASK (entity))
    return NAMED (_("Task “%s”"), LIA_TASK_SUMMARY);
  if (LIA_IS_CONTRACT (entity))
    return NAMED (_("Contract “%s”"), LIA_CONTRACT_NAME);
  if (LIA_IS_FIELD (entity))
    return NAMED (_("Field “%s”"), LIA_FIELD_NAME);
  if (LIA_IS_ASSESSMENT (entity))
    return NAMED (_("Assessment of %s"), LIA_ASSESSMENT_DATE);
  if (LIA_IS_PLAYBOOK_ENTRY (entity))
    return NAMED (_("Playbook entry “%s”"), LIA_PLAYBOOK_ENTRY_NAME);
  if (LIA_IS_ACCOUNT (entity))
    return NAMED (_("Account “%s”"), LIA_ACCOUNT_NAME);
#undef NAMED

  return g_strdup (G_OBJECT_TYPE_NAME (entity) + strlen ("Lia"));
}

/* The entity the record talks about: the workspace's, or (when the
 * merged workspace does not have it) the version one side kept. */
static LiaEntity *
subject_of (LiaConflict  *conflict,
            LiaWorkspace *self)
{
  LiaEntity *record = LIA_ENTITY (conflict);
  const char *id = lia_entity_get_string (record, LIA_CONFLICT_ENTITY);
  LiaEntity *found = lia_workspace_find_entity (self, id);
  JsonNode *kept;
  GListStore *store;

  if (found != NULL)
    return g_object_ref (found);
  if (!g_str_equal (lia_entity_get_string (record, LIA_CONFLICT_KIND), "edit-delete"))
    return NULL;
  kept = lia_entity_get_json (record, LIA_CONFLICT_THEIRS);
  if (is_null (kept))
    kept = lia_entity_get_json (record, LIA_CONFLICT_OURS);
  if (is_null (kept))
    kept = lia_entity_get_json (record, LIA_CONFLICT_BASE);
  store = list_under (self, lia_entity_get_string (record, LIA_CONFLICT_PARENT),
                      lia_entity_get_string (record, LIA_CONFLICT_COLLECTION), G_TYPE_INVALID, NULL);
  if (is_null (kept) || store == NULL)
    return NULL;
  return lia_entity_new_from_json (g_list_model_get_item_type (G_LIST_MODEL (store)), kept, NULL);
}

static const char *
field_label (const char *key)
{
  /* context: for a label whose word has other meanings elsewhere */
  static const struct { const char *key; const char *label; const char *context; } labels[] = {
    { "title", N_("Title") },
    { "body", N_("Text") },
    { "text", N_("Text") },
    { "status", N_("Status") },
    { "priority", N_("Priority") },
    { "owner", N_("Owner") },
    { "owners", N_("Owners") },
    { "business_need", N_("Business need") },
    { "technical_need", N_("Technical need") },
    { "rationale", N_("Rationale") },
    { "name", N_("Name") },
    { "role", N_("Role") },
    { "city", N_("City") },
    { "timezone", N_("Time zone") },
    { "attendees", N_("Attendees") },
    /* Translators: the record of what was said at a meeting, not the unit */
    { "minutes", NC_("meeting record", "Minutes"), "meeting record" },
    { "decisions", N_("Decisions") },
    { "goal", N_("Goal") },
    { "summary", N_("Summary") },
    { "description", N_("Description") },
    { "assignee", N_("Assignee") },
    { "due", N_("Due date") },
    { "start", N_("Start") },
    { "duration", N_("Duration") },
    { "location", N_("Location") },
    { "labels", N_("Labels") },
    { "note", N_("Note") },
    /* Translators: the link between an item and its issue in a tracker. */
    { "remote", N_("Tracker link") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return labels[i].context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label)
                                       : _(labels[i].label);
  return key;
}

/* The title of one conflict in the conflicts view. */
char *
lia_conflict_describe (LiaConflict  *conflict,
                       LiaWorkspace *workspace)
{
  LiaEntity *record = LIA_ENTITY (conflict);
  const char *kind;
  g_autoptr(LiaEntity) subject = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LIA_IS_CONFLICT (conflict), NULL);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  kind = lia_entity_get_string (record, LIA_CONFLICT_KIND);
  subject = subject_of (conflict, workspace);
  if (lia_entity_get_string (record, LIA_CONFLICT_ENTITY)[0] == '\0')
    name = g_strdup (_("The workspace"));
  else
    name = subject ? name_of (workspace, subject) : g_strdup (_("An item"));

  if (g_str_equal (kind, "field") || g_str_equal (kind, "text"))
    /* Translators: “Page “Deployment”: Title” */
    return g_strdup_printf (_("%s: %s"), name, field_label (lia_entity_get_string (record, LIA_CONFLICT_FIELD)));
  if (g_str_equal (kind, "edit-delete"))
    {
      if (is_null (lia_entity_get_json (record, LIA_CONFLICT_OURS)))
        return g_strdup_printf (_("%s was removed by you and changed by a teammate"), name);
      return g_strdup_printf (_("%s was removed by a teammate and changed by you"), name);
    }
  if (g_str_equal (kind, "cycle"))
    return g_strdup_printf (_("%s: a teammate’s move would put it inside itself"), name);
  return g_strdup_printf (_("%s was moved to different places"), name);
}

static char *
member_names (LiaWorkspace       *self,
              const char * const *ids)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      LiaEntity *member = lia_workspace_find_entity (self, ids[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, member && LIA_IS_MEMBER (member) ? lia_entity_get_string (member, LIA_MEMBER_NAME) : ids[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
field_value_text (LiaWorkspace *self,
                  LiaEntity    *subject,
                  const char   *key,
                  JsonNode     *node)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const LiaFieldSpec *spec;
  g_autofree char *text = NULL;
  int field = subject ? lia_entity_class_find_json_key (LIA_ENTITY_GET_CLASS (subject), key) : -1;

  if (field < 0 || lia_entity_get_field_spec (subject, field)->kind == LIA_KIND_LIST ||
      lia_entity_get_field_spec (subject, field)->kind == LIA_KIND_CHILD ||
      !lia_entity_value_from_json (subject, field, node, &value, NULL))
    {
      if (is_null (node))
        return g_strdup (_("(not set)"));
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      return json_to_string (node, TRUE);
    }

  spec = lia_entity_get_field_spec (subject, field);
  if (spec->kind == LIA_KIND_STRING && spec->check == LIA_CHECK_CHOICE)
    text = g_strdup (lia_choice_get_label (g_value_get_string (&value)));
  else if (lia_field_spec_is_reference (spec))
    text = member_names (self, g_value_get_boxed (&value));
  else
    text = lia_field_value_to_text (spec, &value);
  if (text == NULL || text[0] == '\0')
    return g_strdup (_("(empty)"));
  return g_steal_pointer (&text);
}

/* A removed-or-changed entity as people read it: one “Label: value”
 * line per field that holds something (the lists inside it are in the
 * Documents tree, the table…, not repeated here). */
static char *
entity_text (LiaConflict  *conflict,
             LiaWorkspace *self,
             JsonNode     *node)
{
  g_autoptr(LiaEntity) subject = subject_of (conflict, self);
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_to_string (node, TRUE);
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_autofree char *value = NULL;

      if (g_str_equal (key, "id") || g_str_equal (key, "remote") || JSON_NODE_HOLDS_NULL (member) ||
          (JSON_NODE_HOLDS_ARRAY (member) && json_array_get_length (json_node_get_array (member)) == 0) ||
          (JSON_NODE_HOLDS_ARRAY (member) &&
           JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (member), 0))) ||
          JSON_NODE_HOLDS_OBJECT (member) ||
          (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING &&
           json_node_get_string (member)[0] == '\0'))
        continue;
      value = field_value_text (self, subject, key, member);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: one field of a removed item in the conflicts view:
       * its label, then its value. */
      g_string_append_printf (out, _("%s: %s"), field_label (key), value);
    }
  if (out->len == 0)
    return json_to_string (node, TRUE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One side's value as the view shows it: a field's value as its form
 * would, a removed entity as “Removed”, a place as the parent's name. */
char *
lia_conflict_value_to_text (LiaConflict       *conflict,
                            LiaWorkspace      *workspace,
                            LiaConflictChoice  side)
{
  LiaEntity *record = LIA_ENTITY (conflict);
  JsonNode *node;
  const char *kind;

  g_return_val_if_fail (LIA_IS_CONFLICT (conflict), NULL);
  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (side <= LIA_CONFLICT_CHOICE_BASE, NULL);

  node = side_value (conflict, side);
  kind = lia_entity_get_string (record, LIA_CONFLICT_KIND);
  if (g_str_equal (kind, "field") || g_str_equal (kind, "text"))
    {
      g_autoptr(LiaEntity) subject = subject_of (conflict, workspace);
      return field_value_text (workspace, subject, lia_entity_get_string (record, LIA_CONFLICT_FIELD), node);
    }
  if (g_str_equal (kind, "edit-delete"))
    return is_null (node) ? g_strdup (_("Removed")) : entity_text (conflict, workspace, node);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *id = json_node_get_string (node);
      LiaEntity *parent = lia_workspace_find_entity (workspace, id);
      g_autofree char *name = NULL;

      if (id[0] == '\0')
        return g_strdup (_("At the top level"));
      name = parent ? name_of (workspace, parent) : g_strdup (id);
      return g_strdup_printf (_("Under %s"), name);
    }
  return is_null (node) ? g_strdup (_("(not set)")) : json_to_string (node, TRUE);
}
