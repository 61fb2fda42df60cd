/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-field-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lia-field-check.h"
#include "lia-field-text.h"
#include "lia-json-strict.h"
#include "lia-json-util.h"
#include "lia-workspace.h"

/* The contracts view once carried this codec to itself and parsed JSON
 * in the UI; a default it accepted could hold a duplicate key that the
 * reader then refused.  Here the JSON goes through the reader's strict
 * check, and every value through the rule book, so text a form accepts
 * is text the file can hold. */

/* A nested value (a contract field's default) sits a few levels below the
 * top of the file; the rule book leaves the same room. */
#define MAX_JSON_VALUE_DEPTH (LIA_WORKSPACE_MAX_DEPTH - 16)

/* An int whose default is below zero uses it to mean “not set”. */
static gboolean
int_has_unset (const LiaFieldSpec *spec)
{
  return spec->default_number < 0;
}

/* Chinese text separates with the full-width comma and the 、 mark. */
GStrv
lia_field_split_list (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  parts = g_regex_split_simple ("\\s*(?:,|、|，)\\s*", text ? text : "", 0, 0);
  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]))
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/**
 * lia_field_value_to_text:
 * @spec: the field
 * @value: a value of the field's type
 *
 * Returns: (transfer full): @value as a form shows it
 */
char *
lia_field_value_to_text (const LiaFieldSpec *spec,
                         const GValue       *value)
{
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
    case LIA_KIND_INT:
      {
        int v = g_value_get_int (value);

        if (int_has_unset (spec) && v == (int) spec->default_number)
          return g_strdup ("");
        return g_strdup_printf ("%d", v);
      }
    case LIA_KIND_DOUBLE:
      {
        double v = g_value_get_double (value);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (isnan (v))
          return g_strdup ("");
        /* %.15g: 0.7 reads 0.7, not 0.69999999999999996. */
        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v));
      }
    case LIA_KIND_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");
    case LIA_KIND_STRV:
      {
        const char * const *strv = g_value_get_boxed (value);

        return strv ? g_strjoinv (", ", (char **) strv) : g_strdup ("");
      }
    case LIA_KIND_JSON:
      {
        JsonNode *node = g_value_get_boxed (value);
        GString *out;

        if (node == NULL || JSON_NODE_HOLDS_NULL (node))
          return g_strdup ("");
        out = g_string_new (NULL);
        lia_json_append_canonical (out, node);
        return g_string_free (out, FALSE);
      }
    case LIA_KIND_LIST:
    case LIA_KIND_CHILD:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
parse_double (const LiaFieldSpec *spec,
              const char         *text,
              GValue             *out,
              GError            **error)
{
  char *end = NULL;
  double v;

  if (text[0] == '\0')
    {
      if (!(spec->flags & LIA_SPEC_OPTIONAL))
        {
          g_set_error_literal (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID, _("must not be empty"));
          return FALSE;
        }
      v = NAN;
    }
  else
    {
      /* g_ascii_strtod takes “nan”, “inf” and hex; the file has none. */
      v = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || !isfinite (v) ||
          g_ascii_strncasecmp (text + (text[0] == '-' || text[0] == '+'), "0x", 2) == 0)
        {
          g_set_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID,
                       /* Translators: %s is what the user typed */
                       _("“%s” is not a finite number"), text);
          return FALSE;
        }
    }
  g_value_init (out, G_TYPE_DOUBLE);
  g_value_set_double (out, v);
  return TRUE;
}

static gboolean
parse_int (const LiaFieldSpec *spec,
           const char         *text,
           GValue             *out,
           GError            **error)
{
  gint64 v;

  if (text[0] == '\0')
    {
      if (!int_has_unset (spec))
        {
          g_set_error_literal (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID, _("must not be empty"));
          return FALSE;
        }
      v = (gint64) spec->default_number;
    }
  else if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &v, NULL))
    {
      g_set_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a whole number"), text);
      return FALSE;
    }
  g_value_init (out, G_TYPE_INT);
  g_value_set_int (out, (int) v);
  return TRUE;
}

static gboolean
parse_json (const char *text,
            GValue     *out,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  if (text[0] == '\0')
    node = json_node_new (JSON_NODE_NULL);
  else
    {
      /* The reader's own check: duplicate keys, numbers beyond 64 bits
       * and the like would be refused when the file is opened again. */
      if (!lia_json_check_strict (text, strlen (text), MAX_JSON_VALUE_DEPTH, &local_error))
        {
          g_set_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID,
                       /* Translators: %s says where and what, "line 1, column 2: …" */
                       _("not JSON: %s"), local_error->message);
          return FALSE;
        }
      node = json_from_string (text, &local_error);
      if (node == NULL)
        {
          g_set_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID, _("not JSON: %s"),
                       local_error ? local_error->message : "");
          return FALSE;
        }
    }
  g_value_init (out, JSON_TYPE_NODE);
  g_value_take_boxed (out, node);
  return TRUE;
}

/**
 * lia_field_value_from_text:
 * @spec: the field
 * @text: what was typed; leading and trailing space is ignored except
 *   for strings, which are kept as typed
 * @out: (out caller-allocates): an unset #GValue, set on success
 *
 * Reads @text as a value of @spec and checks it with the rule book.
 *
 * Returns: %TRUE when @out holds a value the field may hold
 */
gboolean
lia_field_value_from_text (const LiaFieldSpec *spec,
                           const char         *text,
                           GValue             *out,
                           GError            **error)
{
  g_autofree char *trimmed = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean ok;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (out != NULL && !G_IS_VALUE (out), FALSE);

  if (text == NULL)
    text = "";
  if (!lia_text_is_holdable (text, -1, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, text);
      ok = TRUE;
      break;
    case LIA_KIND_INT:
      ok = parse_int (spec, trimmed, &value, error);
      break;
    case LIA_KIND_DOUBLE:
      ok = parse_double (spec, trimmed, &value, error);
      break;
    case LIA_KIND_BOOLEAN:
      ok = g_str_equal (trimmed, "true") || g_str_equal (trimmed, "false");
      if (ok)
        {
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, g_str_equal (trimmed, "true"));
        }
      else
        g_set_error (error, LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID,
                     /* Translators: %s is what the user typed; true and false are not translated */
                     _("“%s” is not true or false"), trimmed);
      break;
    case LIA_KIND_STRV:
      {
        g_auto(GStrv) list = lia_field_split_list (trimmed);

        g_value_init (&value, G_TYPE_STRV);
        g_value_set_boxed (&value, list);
        ok = TRUE;
      }
      break;
    case LIA_KIND_JSON:
      ok = parse_json (trimmed, &value, error);
      break;
    case LIA_KIND_LIST:
    case LIA_KIND_CHILD:
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!ok || !lia_field_spec_check_value (spec, &value, error))
    return FALSE;
  g_value_init (out, G_VALUE_TYPE (&value));
  g_value_copy (&value, out);
  return TRUE;
}
