/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Liaison's canonical JSON text: the form the workspace file, the schema and
 * the contract exports are written in, so that they diff and review well. */
#define G_LOG_DOMAIN "lia-json-util"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lia-json-util.h"

void
lia_json_append_indent (GString *out,
                        guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

void
lia_json_append_string (GString    *out,
                        const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double: 0.7, not
 * 0.69999999999999996. */
void
lia_json_append_double (GString *out,
                        double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      g_string_append (out, "null");
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
  /* Keep a number that is a double in the model a double in the file. */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

void
lia_json_append_canonical_at (GString  *out,
                              JsonNode *node,
                              guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          lia_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          lia_json_append_double (out, json_node_get_double (node));
        }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            lia_json_append_indent (out, depth + 1);
            lia_json_append_canonical_at (out, json_array_get_element (array, i), depth + 1);
          }
        lia_json_append_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        gboolean first = TRUE;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            g_string_append (out, first ? "{" : ",");
            first = FALSE;
            lia_json_append_indent (out, depth + 1);
            lia_json_append_string (out, key);
            g_string_append (out, ": ");
            lia_json_append_canonical_at (out, member, depth + 1);
          }
        if (first)
          g_string_append (out, "{}");
        else
          {
            lia_json_append_indent (out, depth);
            g_string_append_c (out, '}');
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

void
lia_json_append_canonical (GString  *out,
                           JsonNode *node)
{
  lia_json_append_canonical_at (out, node, 0);
}
