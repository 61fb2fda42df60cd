/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lia-contract-check.h"
#include "lia-field-check.h"
#include "lia-field-text.h"
#include "lia-model.h"
#include "lia-workspace.h"

/* A field's value as text and back: what a form shows is what it reads,
 * text the reader would refuse is refused here with core's message, and
 * “unset” is empty text for the optional numbers and lengths. */

static const LiaFieldSpec *
spec_of (LiaField *field,
         guint     which)
{
  return lia_entity_get_field_spec (LIA_ENTITY (field), which);
}

static char *
round_trip (const LiaFieldSpec *spec,
            const char         *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_field_value_from_text (spec, text, &value, &error));
  g_assert_no_error (error);
  return lia_field_value_to_text (spec, &value);
}

static void
assert_refused (const LiaFieldSpec *spec,
                const char         *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_false (lia_field_value_from_text (spec, text, &value, &error));
  g_assert_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID);
  g_assert_false (G_IS_VALUE (&value));
}

static void
test_number (void)
{
  g_autoptr(LiaField) field = lia_field_new ();
  const LiaFieldSpec *minimum = spec_of (field, LIA_FIELD_MINIMUM);
  g_auto(GValue) value = G_VALUE_INIT;
  char *text;

  g_assert_true (lia_field_value_from_text (minimum, "  ", &value, NULL));
  g_assert_true (isnan (g_value_get_double (&value)));
  text = lia_field_value_to_text (minimum, &value);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  text = round_trip (minimum, " 0.7 ");
  g_assert_cmpstr (text, ==, "0.7");
  g_free (text);
  text = round_trip (minimum, "-2e3");
  g_assert_cmpstr (text, ==, "-2000");
  g_free (text);

  assert_refused (minimum, "abc");
  assert_refused (minimum, "1.5x");
  assert_refused (minimum, "1e999");
  assert_refused (minimum, "inf");
  assert_refused (minimum, "nan");
  assert_refused (minimum, "0x10");
}

static void
test_length (void)
{
  g_autoptr(LiaField) field = lia_field_new ();
  const LiaFieldSpec *min_length = spec_of (field, LIA_FIELD_MIN_LENGTH);
  g_auto(GValue) value = G_VALUE_INIT;
  char *text;

  g_assert_true (lia_field_value_from_text (min_length, "", &value, NULL));
  g_assert_cmpint (g_value_get_int (&value), ==, -1);
  text = lia_field_value_to_text (min_length, &value);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  text = round_trip (min_length, "12");
  g_assert_cmpstr (text, ==, "12");
  g_free (text);

  assert_refused (min_length, "1.5");
  assert_refused (min_length, "ten");
  assert_refused (min_length, "-5");            /* below the rule book's range */
  assert_refused (min_length, "2000000000");    /* above it */
  assert_refused (min_length, "99999999999999999999");
}

static void
test_json (void)
{
  g_autoptr(LiaField) field = lia_field_new ();
  const LiaFieldSpec *def = spec_of (field, LIA_FIELD_DEFAULT);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (lia_field_value_from_text (def, "", &value, NULL));
  g_assert_true (JSON_NODE_HOLDS_NULL (g_value_get_boxed (&value)));
  text = lia_field_value_to_text (def, &value);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  text = round_trip (def, "0.7");
  g_assert_cmpstr (text, ==, "0.7");
  g_free (text);
  text = round_trip (def, "\"user\"");
  g_assert_cmpstr (text, ==, "\"user\"");
  g_free (text);
  text = round_trip (def, "[1,2]");
  g_assert_nonnull (strstr (text, "1"));
  g_free (text);

  assert_refused (def, "{");
  assert_refused (def, "warm");
  assert_refused (def, "1e999");
  assert_refused (def, "1 2");
  /* The reader refuses a duplicate key; so does the form. */
  g_value_unset (&value);
  g_assert_false (lia_field_value_from_text (def, "{\"a\":1,\"a\":2}", &value, &error));
  g_assert_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID);
}

static void
test_strings_and_lists (void)
{
  g_autoptr(LiaField) field = lia_field_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  const char * const *choices;
  char *text;

  /* Strings stay as typed; the rule book still applies. */
  text = round_trip (spec_of (field, LIA_FIELD_DESCRIPTION), " spaced ");
  g_assert_cmpstr (text, ==, " spaced ");
  g_free (text);
  assert_refused (spec_of (field, LIA_FIELD_NAME), "");
  assert_refused (spec_of (field, LIA_FIELD_TYPE), "colour");

  g_assert_true (lia_field_value_from_text (spec_of (field, LIA_FIELD_CHOICES), "system, user ,,assistant，tool", &value, NULL));
  choices = g_value_get_boxed (&value);
  g_assert_cmpuint (g_strv_length ((char **) choices), ==, 4);
  g_assert_cmpstr (choices[1], ==, "user");
  g_assert_cmpstr (choices[3], ==, "tool");
  text = lia_field_value_to_text (spec_of (field, LIA_FIELD_CHOICES), &value);
  g_assert_cmpstr (text, ==, "system, user, assistant, tool");
  g_free (text);

  text = round_trip (spec_of (field, LIA_FIELD_REQUIRED), "true");
  g_assert_cmpstr (text, ==, "true");
  g_free (text);
  assert_refused (spec_of (field, LIA_FIELD_REQUIRED), "yes");
}

static void
test_payload_text (void)
{
  g_autoptr(LiaWorkspace) ws = lia_workspace_new_sample ("en");
  GListModel *contracts = G_LIST_MODEL (lia_workspace_get_contracts (ws));
  LiaContract *request = lia_contracts_find (contracts, "ChatRequest");
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GPtrArray) wrong = NULL;

  g_assert_nonnull (request);
  bad = lia_contracts_check_payload_text (contracts, request, "{\"model\":");
  g_assert_cmpuint (bad->len, ==, 1);
  g_assert_true (g_str_has_prefix (bad->pdata[0], "Not JSON: "));
  good = lia_contracts_check_payload_text (contracts, request, "{\"model\":\"m\",\"messages\":[]}");
  g_assert_cmpuint (good->len, ==, 0);
  wrong = lia_contracts_check_payload_text (contracts, request, "{\"model\":\"m\",\"messages\":[],\"n\":0}");
  g_assert_cmpuint (wrong->len, ==, 1);
  g_assert_cmpstr (wrong->pdata[0], ==, "n: 0 is below the minimum 1");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/field-text/number", test_number);
  g_test_add_func ("/field-text/length", test_length);
  g_test_add_func ("/field-text/json", test_json);
  g_test_add_func ("/field-text/strings-and-lists", test_strings_and_lists);
  g_test_add_func ("/field-text/payload-text", test_payload_text);
  return g_test_run ();
}
