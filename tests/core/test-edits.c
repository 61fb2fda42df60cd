/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lia-field-check.h"
#include "lia-meeting-templates.h"
#include "lia-page-tree.h"
#include "lia-workspace-private.h"

/* Every edit path stays openable.  The values tried come from the field
 * tables (each field's kind and check), so a field added tomorrow is
 * covered by construction: every field of every entity, with valid,
 * empty, boundary, invalid and hostile values, through LiaHistory; after
 * each edit the workspace either refused it or saves a file that reopens
 * to the same model.  Then a random walk over the operations the UI
 * offers, with save and reload after every step. */

static char *long_text;
static char *too_long_text;
/* The random walk leaves out the megabyte texts: once one is in the
 * model, every later save and reload of the walk would carry it. */
static gboolean with_long_texts = TRUE;
/* Under valgrind (LIAISON_TEST_MEMCHECK, set by meson test --setup
 * valgrind): fewer edits, the same kinds. */
static gboolean memcheck;

static const char * const hostile[] = {
  "\xed\xa0\x80",            /* a lone surrogate, as json-glib decodes "\ud800" */
  "\xff\xfe",
  "a\x01" "b\x1f",
  "\xe2\x80\xae" "RTL",
  "日本語 🎉 emoji",
  "../../../../etc/passwd",
  "\"quoted\" \\ back",
  "line\nbreak\r\n\ttab",
  NULL,
};

static void
add_text_candidates (GPtrArray          *out,
                     const LiaFieldSpec *spec)
{
  static const char * const common[] = {
    "", "x", " ", "2026-02-30", "2026-+2-03", "2028-02-29", "0000-01-01", "24:00", "23:59",
    "9:5", "2026-12-09T15:30", "2026-12-09T24:00", "2026-12-09 15:30", "2026-12-09T15:30:00Z",
    "XYZ3", "+08:00", "UTC", "Europe/Berlin", "/usr/share/zoneinfo/UTC", "mon", "Mon", NULL,
  };

  for (guint i = 0; common[i]; i++)
    g_ptr_array_add (out, (gpointer) common[i]);
  for (guint i = 0; hostile[i]; i++)
    g_ptr_array_add (out, (gpointer) hostile[i]);
  if (with_long_texts)
    {
      g_ptr_array_add (out, long_text);
      g_ptr_array_add (out, too_long_text);
    }
  if (spec->check == LIA_CHECK_CHOICE)
    for (guint i = 0; spec->choices[i]; i++)
      g_ptr_array_add (out, (gpointer) spec->choices[i]);
}

/* The values to try for one field, as GValues of the field's type. */
static GPtrArray *
candidates (LiaWorkspace       *workspace,
            const LiaFieldSpec *spec)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_value_unset);
  GValue *v;

#define NEW_VALUE(type) (v = g_new0 (GValue, 1), g_value_init (v, type), g_ptr_array_add (out, v), v)

  /* Values are freed by hand below: a GValue array with its own free. */
  g_ptr_array_set_free_func (out, NULL);

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      {
        g_autoptr(GPtrArray) texts = g_ptr_array_new ();

        add_text_candidates (texts, spec);
        for (guint i = 0; i < texts->len; i++)
          g_value_set_string (NEW_VALUE (G_TYPE_STRING), g_ptr_array_index (texts, i));
      }
      break;
    case LIA_KIND_INT:
      {
        const gint64 ints[] = { 0, 1, -1, G_MININT, G_MAXINT, 1440, 1441, 5, 6 };

        for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
          g_value_set_int (NEW_VALUE (G_TYPE_INT), (int) ints[i]);
        if (spec->flags & LIA_SPEC_RANGED)
          {
            g_value_set_int (NEW_VALUE (G_TYPE_INT), (int) spec->min - 1);
            g_value_set_int (NEW_VALUE (G_TYPE_INT), (int) spec->min);
            g_value_set_int (NEW_VALUE (G_TYPE_INT), (int) spec->max);
            g_value_set_int (NEW_VALUE (G_TYPE_INT), (int) MIN (spec->max + 1, G_MAXINT));
          }
      }
      break;
    case LIA_KIND_DOUBLE:
      {
        const double doubles[] = { 0.0, -0.0, 0.7, 1e308, -1e-308, 5e-324, NAN, INFINITY, -INFINITY };

        for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
          g_value_set_double (NEW_VALUE (G_TYPE_DOUBLE), doubles[i]);
      }
      break;
    case LIA_KIND_BOOLEAN:
      g_value_set_boolean (NEW_VALUE (G_TYPE_BOOLEAN), TRUE);
      g_value_set_boolean (NEW_VALUE (G_TYPE_BOOLEAN), FALSE);
      break;
    case LIA_KIND_STRV:
      {
        GListModel *members = G_LIST_MODEL (lia_workspace_get_members (workspace));
        g_autoptr(LiaEntity) m0 = g_list_model_get_n_items (members) > 0 ? g_list_model_get_item (members, 0) : NULL;
        const char *id = m0 ? lia_entity_get_id (m0) : "0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e01";
        const char *sets[][4] = {
          { NULL }, { "mon", "tue", NULL }, { "mon", "mon", NULL }, { "x", NULL }, { "", NULL },
          { id, NULL }, { id, id, NULL }, { "0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e09", NULL },
          { "\xed\xa0\x80", NULL }, { "日本語", "perf", NULL },
        };

        for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
          g_value_set_boxed (NEW_VALUE (G_TYPE_STRV), sets[i]);
      }
      break;
    case LIA_KIND_JSON:
      {
        g_autoptr(JsonNode) str = json_node_init_string (json_node_alloc (), "ok");
        g_autoptr(JsonNode) bad = json_node_init_string (json_node_alloc (), "\xed\xa0\x80");
        g_autoptr(JsonNode) inf = json_node_init_double (json_node_alloc (), INFINITY);
        g_autoptr(JsonNode) num = json_node_init_double (json_node_alloc (), 0.7);
        g_autoptr(JsonNode) deep = json_node_init_int (json_node_alloc (), 1);

        for (guint i = 0; i < 300; i++)
          {
            JsonArray *array = json_array_new ();
            json_array_add_element (array, g_steal_pointer (&deep));
            deep = json_node_init_array (json_node_alloc (), array);
            json_array_unref (array);
          }
        g_value_set_boxed (NEW_VALUE (JSON_TYPE_NODE), NULL);
        g_value_set_boxed (NEW_VALUE (JSON_TYPE_NODE), str);
        g_value_set_boxed (NEW_VALUE (JSON_TYPE_NODE), bad);
        g_value_set_boxed (NEW_VALUE (JSON_TYPE_NODE), inf);
        g_value_set_boxed (NEW_VALUE (JSON_TYPE_NODE), num);
        g_value_set_boxed (NEW_VALUE (JSON_TYPE_NODE), deep);
      }
      break;
    case LIA_KIND_LIST:
    case LIA_KIND_CHILD:
    default:
      break;
    }
#undef NEW_VALUE
  return out;
}

static void
free_candidates (GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    {
      GValue *v = g_ptr_array_index (values, i);
      g_value_unset (v);
      g_free (v);
    }
  g_ptr_array_unref (values);
}

/* The promise: what is in the model saves (the writer agrees with the
 * rules), and the file reopens strictly to the same bytes. */
static void
assert_openable (LiaWorkspace *workspace,
                 const char   *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autoptr(LiaWorkspace) reopened = NULL;

  if (!lia_workspace_check (workspace, &error))
    g_error ("%s: the model breaks the rules: %s", what, error->message);
  data = lia_workspace_to_data (workspace, NULL);
  reopened = lia_workspace_new_from_data (data, strlen (data), "edit.liaison", &error);
  if (reopened == NULL)
    g_error ("%s: the saved file does not reopen: %s", what, error->message);
  again = lia_workspace_to_data (reopened, NULL);
  if (strcmp (data, again) != 0)
    g_error ("%s: the reopened file differs", what);
}

static void
collect_entities (LiaEntity *entity,
                  gpointer   data)
{
  g_ptr_array_add (data, g_object_ref (entity));
}

/* A valid entity of @type made from the field tables: each required
 * field gets the first candidate the rules accept. */
static LiaEntity *
make_valid (LiaWorkspace *workspace,
            GType         type)
{
  LiaEntity *entity = g_object_new (type, NULL);
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GPtrArray *values;

      if (!(klass->fields[i].flags & LIA_SPEC_REQUIRED) || lia_entity_check_value (entity, i, lia_entity_peek_value (entity, i), NULL))
        continue;
      values = candidates (workspace, &klass->fields[i]);
      for (guint j = 0; j < values->len; j++)
        if (lia_entity_check_value (entity, i, g_ptr_array_index (values, j), NULL))
          {
            lia_entity_set_value (entity, i, g_ptr_array_index (values, j));
            break;
          }
      free_candidates (values);
    }
  g_assert_true (lia_entity_check (entity, NULL));
  return entity;
}

static void
test_every_field (void)
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("en");
  LiaHistory *history = lia_workspace_get_history (workspace);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  guint tried = 0, refused = 0, types = 0;

  lia_history_set_memory_limit (history, G_MAXSIZE);

  /* Every top-level type is present: make one where the sample has none. */
  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    {
      GListStore *store = lia_workspace_get_collection (workspace, c);

      if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
        {
          g_autoptr(LiaEntity) made = make_valid (workspace, lia_collections[c].item_type ());
          g_assert_true (lia_history_insert (history, store, 0, made));
        }
    }
  lia_workspace_foreach_entity (workspace, collect_entities, entities);

  for (guint e = 0; e < entities->len; e++)
    {
      LiaEntity *entity = g_ptr_array_index (entities, e);
      LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

      if (!g_hash_table_add (done, GSIZE_TO_POINTER (G_OBJECT_TYPE (entity))))
        continue;
      types++;

      for (guint f = 0; f < klass->n_fields; f++)
        {
          GPtrArray *values = candidates (workspace, &klass->fields[f]);
          g_auto(GValue) original = G_VALUE_INIT;

          if (values->len == 0)
            {
              free_candidates (values);
              continue;
            }
          g_value_init (&original, G_VALUE_TYPE (lia_entity_peek_value (entity, f)));
          g_value_copy (lia_entity_peek_value (entity, f), &original);

          for (guint j = 0; j < values->len; j++)
            {
              GValue *value = g_ptr_array_index (values, j);
              g_autofree char *what = NULL;
              gboolean accepted;

              /* Under valgrind every eighth candidate, a different one
               * for each field: each save and reopen takes a second there. */
              if (memcheck && (j + f) % 8 != 0)
                continue;
              what = g_strdup_printf ("%s.%s, candidate %u", G_OBJECT_TYPE_NAME (entity), klass->fields[f].name, j);
              accepted = lia_history_set_value (history, entity, f, value, FALSE);
              tried++;
              if (!accepted)
                refused++;
              else
                g_assert_true (lia_entity_value_equal (entity, f, value));
              assert_openable (workspace, what);
            }
          free_candidates (values);
          /* Back to the field's own value, so the next fields are tried
           * on a workspace of the sample's size. */
          g_assert_true (lia_history_set_value (history, entity, f, &original, FALSE));
        }
    }

  g_test_message ("%u types, %u edits tried, %u refused", types, tried, refused);
  g_assert_cmpuint (types, >=, 15);
  g_assert_cmpuint (refused, >, 0);
  g_assert_cmpuint (refused, <, tried);

  /* Undo back to the start restores the sample byte for byte. */
  while (lia_history_undo (history))
    ;
  {
    g_autoptr(LiaWorkspace) sample = lia_workspace_new_sample ("en");
    g_autofree char *original = lia_workspace_to_data (sample, NULL);
    g_autofree char *now = NULL;

    /* The made entities were inserted through the history too. */
    now = lia_workspace_to_data (workspace, NULL);
    g_assert_cmpstr (now, ==, original);
  }
}

/* ---- the random walk ---- */

typedef struct
{
  GListStore *store;
  LiaEntity  *owner;   /* NULL for a top-level collection */
} Store;

static void
collect_stores (LiaEntity *entity,
                gpointer   data)
{
  GArray *stores = data;
  LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == LIA_KIND_LIST)
      {
        Store s = { lia_entity_get_list (entity, i), entity };
        g_array_append_val (stores, s);
      }
}

static GArray *
all_stores (LiaWorkspace *workspace)
{
  GArray *stores = g_array_new (FALSE, FALSE, sizeof (Store));

  for (guint c = 0; c < LIA_N_COLLECTIONS; c++)
    {
      Store s = { lia_workspace_get_collection (workspace, c), NULL };
      g_array_append_val (stores, s);
    }
  lia_workspace_foreach_entity (workspace, collect_stores, stores);
  return stores;
}

static void
collect_pages (GListModel *list,
               GPtrArray  *pages)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      LiaPage *page = g_list_model_get_item (list, i);

      g_ptr_array_add (pages, page);
      collect_pages (G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (page), LIA_PAGE_CHILDREN)), pages);
    }
}

typedef enum
{
  OP_EDIT, OP_ADD, OP_REMOVE, OP_MOVE, OP_UNDO, OP_REDO, OP_PAGE_MOVE, OP_TEMPLATE, OP_RENAME, N_OPS
} Op;

static const char * const op_names[] = {
  "edit", "add", "remove", "move", "undo", "redo", "page-move", "template", "rename",
};

static void
count_one (LiaEntity *entity,
           gpointer   data)
{
  (*(guint *) data)++;
}

static guint
count_entities (LiaWorkspace *workspace)
{
  guint n = 0;

  lia_workspace_foreach_entity (workspace, count_one, &n);
  return n;
}

static void
random_walk (const char *language,
             guint32     seed,
             guint       steps)
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample (language);
  LiaHistory *history = lia_workspace_get_history (workspace);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *original = lia_workspace_to_data (workspace, NULL);
  g_autoptr(GPtrArray) templates = lia_meeting_templates_builtin ();
  guint counts[N_OPS] = { 0 }, refused = 0;

  guint initial = count_entities (workspace);

  lia_history_set_memory_limit (history, G_MAXSIZE);

  for (guint step = 0; step < steps; step++)
    {
      Op op = g_rand_int_range (rand, 0, N_OPS);

      /* Keep the workspace near the sample's size: each step saves and
       * reloads it, and a growing file would make the walk quadratic. */
      if ((op == OP_ADD || op == OP_TEMPLATE) && count_entities (workspace) > initial + initial / 4)
        op = OP_REMOVE;
      g_autofree char *what = g_strdup_printf ("seed %u, step %u (%s)", seed, step, op_names[op]);
      gboolean ok = TRUE;

      counts[op]++;
      switch (op)
        {
        case OP_EDIT:
          {
            g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
            LiaEntity *entity;
            LiaEntityClass *klass;
            guint f;
            GPtrArray *values;

            lia_workspace_foreach_entity (workspace, collect_entities, entities);
            entity = g_ptr_array_index (entities, g_rand_int_range (rand, 0, entities->len));
            klass = LIA_ENTITY_GET_CLASS (entity);
            if (klass->n_fields == 0)
              break;
            f = g_rand_int_range (rand, 0, klass->n_fields);
            values = candidates (workspace, &klass->fields[f]);
            if (values->len > 0)
              ok = lia_history_set_value (history, entity, f,
                                          g_ptr_array_index (values, g_rand_int_range (rand, 0, values->len)),
                                          g_rand_boolean (rand));
            free_candidates (values);
          }
          break;
        case OP_ADD:
        case OP_REMOVE:
        case OP_MOVE:
          {
            g_autoptr(GArray) stores = all_stores (workspace);
            Store *s = &g_array_index (stores, Store, g_rand_int_range (rand, 0, stores->len));
            guint n = g_list_model_get_n_items (G_LIST_MODEL (s->store));

            if (op == OP_ADD)
              {
                g_autoptr(LiaEntity) item = NULL;

                if (n > 0)
                  {
                    g_autoptr(LiaEntity) model = g_list_model_get_item (G_LIST_MODEL (s->store), g_rand_int_range (rand, 0, n));
                    /* Half the time a copy that keeps the ids: refused. */
                    item = lia_entity_copy (model, g_rand_boolean (rand));
                  }
                else
                  item = g_object_new (g_list_model_get_item_type (G_LIST_MODEL (s->store)), NULL);
                ok = lia_history_insert (history, s->store, g_rand_int_range (rand, 0, n + 1), item);
              }
            else if (op == OP_REMOVE && n > 0)
              {
                lia_history_begin (history, "Remove");
                lia_history_remove (history, s->store, g_rand_int_range (rand, 0, n));
                lia_history_end (history);
              }
            else if (op == OP_MOVE && n > 1)
              lia_history_move (history, s->store, g_rand_int_range (rand, 0, n), g_rand_int_range (rand, 0, n));
          }
          break;
        case OP_UNDO:
          lia_history_undo (history);
          break;
        case OP_REDO:
          lia_history_redo (history);
          break;
        case OP_PAGE_MOVE:
        case OP_RENAME:
          {
            g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
            GListStore *roots = lia_workspace_get_pages (workspace);
            LiaPage *page, *parent;
            GListModel *under;

            collect_pages (G_LIST_MODEL (roots), pages);
            if (pages->len < 2)
              break;
            page = g_ptr_array_index (pages, g_rand_int_range (rand, 0, pages->len));
            if (op == OP_RENAME)
              {
                const char *titles[] = { "Renamed", "", "\xff", "Overview", "概述" };
                lia_pages_rename (history, roots, page, titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
                break;
              }
            parent = g_rand_boolean (rand) ? NULL : g_ptr_array_index (pages, g_rand_int_range (rand, 0, pages->len));
            under = parent ? G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (parent), LIA_PAGE_CHILDREN)) : G_LIST_MODEL (roots);
            ok = lia_pages_move (history, roots, page, parent,
                                 g_rand_int_range (rand, 0, g_list_model_get_n_items (under) + 1), NULL);
          }
          break;
        case OP_TEMPLATE:
          {
            LiaMeeting *template_ = g_ptr_array_index (templates, g_rand_int_range (rand, 0, templates->len));
            g_autoptr(LiaMeeting) meeting = lia_meeting_new_from_template (template_, "2026-12-09T15:30", "Europe/Berlin");
            GListStore *meetings = lia_workspace_get_meetings (workspace);

            ok = lia_history_insert (history, meetings, g_list_model_get_n_items (G_LIST_MODEL (meetings)), meeting);
            g_assert_true (ok);
          }
          break;
        case N_OPS:
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        refused++;
      assert_openable (workspace, what);
    }

  {
    GString *summary = g_string_new (NULL);
    for (guint i = 0; i < N_OPS; i++)
      g_string_append_printf (summary, " %s %u", op_names[i], counts[i]);
    g_test_message ("%s, seed %u: %u steps (%s), %u refused", language, seed, steps, summary->str, refused);
    g_string_free (summary, TRUE);
  }

  /* Undo back to the start restores the original bytes. */
  while (lia_history_undo (history))
    ;
  {
    g_autofree char *now = lia_workspace_to_data (workspace, NULL);
    if (strcmp (now, original) != 0)
      g_error ("seed %u: undo back to the start did not restore the file", seed);
  }
}

static guint
walk_steps (void)
{
  const char *env = g_getenv ("LIAISON_FUZZ_STEPS");

  return env ? (guint) g_ascii_strtoull (env, NULL, 10) : 10000;
}

/* Walks of 500 steps from a fresh sample, alternating English and
 * Chinese: adds outnumber removes, so one long walk would grow the
 * workspace and make each save and reload slower than the last. */
#define WALK_LENGTH 500

static void
test_random_walk (void)
{
  guint steps = walk_steps ();
  const char *seed_env = g_getenv ("LIAISON_FUZZ_SEED");
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : 20261206;

  with_long_texts = FALSE;
  for (guint done = 0, walk = 0; done < steps; done += WALK_LENGTH, walk++)
    random_walk (walk % 2 ? "zh_CN" : "en", seed + walk, MIN (WALK_LENGTH, steps - done));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Under valgrind the megabyte texts are left out of every-field too:
   * each costs seconds there, through the same code as a short text. */
  memcheck = g_getenv ("LIAISON_TEST_MEMCHECK") != NULL;
  if (memcheck)
    with_long_texts = FALSE;
  long_text = g_strnfill (LIA_WORKSPACE_MAX_STRING, 'y');
  too_long_text = g_strnfill (LIA_WORKSPACE_MAX_STRING + 1, 'z');

  g_test_add_func ("/edits/every-field", test_every_field);
  g_test_add_func ("/edits/random-walk", test_random_walk);

  return g_test_run ();
}
