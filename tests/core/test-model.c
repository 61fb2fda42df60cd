/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "lia-workspace.h"

static GType (*entity_types[]) (void) = {
  lia_remote_ref_get_type, lia_step_get_type, lia_requirement_get_type, lia_member_get_type,
  lia_agenda_item_get_type, lia_action_item_get_type, lia_rating_get_type, lia_evaluation_get_type,
  lia_meeting_get_type, lia_page_get_type, lia_task_get_type, lia_field_get_type,
  lia_contract_get_type, lia_assessment_get_type, lia_playbook_entry_get_type,
};

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A value that differs from the field's default. */
static void
other_value (const LiaFieldSpec *spec,
             GValue             *value)
{
  const char * const strv[] = { "tue", "wed", NULL };

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, spec->choices ? spec->choices[1] : "changed ü 变更");
      break;
    case LIA_KIND_INT:
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) spec->default_number + 1);
      break;
    case LIA_KIND_DOUBLE:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, 0.25);
      break;
    case LIA_KIND_BOOLEAN:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, spec->default_number == 0);
      break;
    case LIA_KIND_STRV:
      g_value_init (value, G_TYPE_STRV);
      g_value_set_boxed (value, strv);
      break;
    case LIA_KIND_JSON:
      g_value_init (value, JSON_TYPE_NODE);
      g_value_take_boxed (value, json_from_string ("[1, \"two\"]", NULL));
      break;
    case LIA_KIND_CHILD:
      g_value_init (value, spec->entity_type ());
      g_value_take_object (value, g_object_new (spec->entity_type (), NULL));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_properties_notify (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (entity_types); t++)
    {
      g_autoptr(LiaEntity) entity = g_object_new (entity_types[t] (), NULL);
      LiaEntityClass *klass = LIA_ENTITY_GET_CLASS (entity);

      for (guint i = 0; i < klass->n_fields; i++)
        {
          const LiaFieldSpec *spec = &klass->fields[i];
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) back = G_VALUE_INIT;
          guint count = 0;
          g_autofree char *detailed = g_strconcat ("notify::", spec->name, NULL);
          gulong id;

          if (spec->kind == LIA_KIND_LIST)
            {
              /* Lists are owned stores of the right item type. */
              GListStore *store = lia_entity_get_list (entity, i);
              g_assert_true (G_IS_LIST_STORE (store));
              g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == spec->entity_type ());
              continue;
            }

          other_value (spec, &value);
          id = g_signal_connect (entity, detailed, G_CALLBACK (count_notify), &count);
          g_object_set_property (G_OBJECT (entity), spec->name, &value);
          g_assert_cmpuint (count, ==, 1);
          /* Setting the same value again is not a change. */
          g_object_set_property (G_OBJECT (entity), spec->name, &value);
          g_assert_cmpuint (count, ==, 1);
          g_signal_handler_disconnect (entity, id);

          g_value_init (&back, G_VALUE_TYPE (&value));
          g_object_get_property (G_OBJECT (entity), spec->name, &back);
          g_assert_true (lia_entity_value_equal (entity, i, &back));
        }
    }
}

static void
test_defaults (void)
{
  g_autoptr(LiaMember) member = lia_member_new ();
  g_autoptr(LiaField) field = lia_field_new ();
  g_autoptr(LiaRequirement) req = lia_requirement_new ();
  const char * const *days = lia_entity_get_strv (LIA_ENTITY (member), LIA_MEMBER_WORK_DAYS);

  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (member), LIA_MEMBER_WORK_START), ==, "09:00");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (member), LIA_MEMBER_WORK_END), ==, "18:00");
  g_assert_cmpuint (g_strv_length ((char **) days), ==, 5);
  g_assert_true (isnan (lia_entity_get_double (LIA_ENTITY (field), LIA_FIELD_MINIMUM)));
  g_assert_cmpint (lia_entity_get_int (LIA_ENTITY (field), LIA_FIELD_MIN_LENGTH), ==, -1);
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (req), LIA_REQUIREMENT_PRIORITY), ==, "medium");
  g_assert_cmpstr (lia_entity_get_string (LIA_ENTITY (req), LIA_REQUIREMENT_STATUS), ==, "draft");
}

static void
test_ids (void)
{
  g_autoptr(LiaRequirement) a = lia_requirement_new ();
  g_autoptr(LiaRequirement) b = lia_requirement_new ();
  g_autoptr(LiaStep) step = lia_step_new ();
  g_autoptr(LiaEntity) same = NULL;
  g_autoptr(LiaEntity) fresh = NULL;
  g_autoptr(LiaRemoteRef) remote = lia_remote_ref_new ();
  GListStore *steps = lia_entity_get_list (LIA_ENTITY (a), LIA_REQUIREMENT_STEPS);
  g_autoptr(LiaEntity) copied_step = NULL;

  g_assert_true (g_uuid_string_is_valid (lia_entity_get_id (LIA_ENTITY (a))));
  g_assert_cmpstr (lia_entity_get_id (LIA_ENTITY (a)), !=, lia_entity_get_id (LIA_ENTITY (b)));
  g_assert_null (lia_entity_get_id (LIA_ENTITY (remote)));

  lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, "Profile");
  g_list_store_append (steps, step);
  lia_entity_set_string (LIA_ENTITY (remote), LIA_REMOTE_REF_KEY, "VLLM-1");
  lia_entity_set_remote (LIA_ENTITY (a), remote);

  same = lia_entity_copy (LIA_ENTITY (a), FALSE);
  g_assert_cmpstr (lia_entity_get_id (same), ==, lia_entity_get_id (LIA_ENTITY (a)));
  g_assert_nonnull (lia_entity_get_remote (same));

  fresh = lia_entity_copy (LIA_ENTITY (a), TRUE);
  g_assert_cmpstr (lia_entity_get_id (fresh), !=, lia_entity_get_id (LIA_ENTITY (a)));
  /* A duplicate is a new entity: not linked to the tracker issue. */
  g_assert_null (lia_entity_get_remote (fresh));
  copied_step = g_list_model_get_item (G_LIST_MODEL (lia_entity_get_list (fresh, LIA_REQUIREMENT_STEPS)), 0);
  g_assert_cmpstr (lia_entity_get_string (copied_step, LIA_STEP_TEXT), ==, "Profile");
  g_assert_cmpstr (lia_entity_get_id (copied_step), !=, lia_entity_get_id (LIA_ENTITY (step)));
  g_assert_true (copied_step != LIA_ENTITY (step));
}

static void
test_choice_labels (void)
{
  g_assert_cmpstr (lia_choice_get_label ("high"), ==, "High");
  g_assert_cmpstr (lia_choice_get_label ("in-progress"), ==, "In progress");
  g_assert_cmpstr (lia_choice_get_label ("unknown-value"), ==, "unknown-value");
  /* HTTP methods by HTTP's own names, not the file's lowercase ones. */
  g_assert_cmpstr (lia_choice_get_label ("patch"), ==, "PATCH");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/properties-notify", test_properties_notify);
  g_test_add_func ("/model/defaults", test_defaults);
  g_test_add_func ("/model/ids", test_ids);
  g_test_add_func ("/model/choice-labels", test_choice_labels);

  return g_test_run ();
}
