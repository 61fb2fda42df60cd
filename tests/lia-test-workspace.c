/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-test-workspace.h"

/* A large generated workspace for the crash test and the benchmarks.
 * Ids are fixed (a counter), so two processes that build the same
 * workspace write the same bytes. */
LiaWorkspace *
lia_test_workspace_new (guint       n_requirements,
                        guint       n_steps,
                        const char *owner)
{
  LiaWorkspace *workspace = lia_workspace_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint next_id = 0;

  for (guint i = 0; i < n_requirements; i++)
    {
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012x", next_id++);
      g_autofree char *need = g_strdup_printf ("Business need %u: 提高模型推理速度", i);
      LiaRequirement *req = g_object_new (LIA_TYPE_REQUIREMENT, "id", id, NULL);
      GListStore *steps = lia_entity_get_list (LIA_ENTITY (req), LIA_REQUIREMENT_STEPS);

      lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, need);
      lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_TECHNICAL_NEED, "Optimize inference engine performance");
      lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_OWNER, owner);
      for (guint j = 0; j < n_steps; j++)
        {
          g_autofree char *step_id = g_strdup_printf ("00000000-0000-4000-8000-%012x", next_id++);
          g_autoptr(LiaStep) step = g_object_new (LIA_TYPE_STEP, "id", step_id, NULL);

          lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, "Optimize KV cache management");
          g_list_store_append (steps, step);
        }
      g_ptr_array_add (items, req);
    }
  g_list_store_splice (lia_workspace_get_requirements (workspace), 0, 0, items->pdata, items->len);
  return workspace;
}
