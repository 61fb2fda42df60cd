/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lia-export.h"

/* The requirement translation table as Markdown (the seed article's
 * three-column shape plus owner, priority and status) or as CSV for
 * spreadsheets. */

gboolean
lia_export_format_from_string (const char      *name,
                               LiaExportFormat *format)
{
  if (g_strcmp0 (name, "md") == 0 || g_strcmp0 (name, "markdown") == 0)
    *format = LIA_EXPORT_MARKDOWN;
  else if (g_strcmp0 (name, "csv") == 0)
    *format = LIA_EXPORT_CSV;
  else if (g_strcmp0 (name, "ics") == 0 || g_strcmp0 (name, "ical") == 0)
    *format = LIA_EXPORT_ICALENDAR;
  else
    return FALSE;
  return TRUE;
}

/* "1. first step<SEP>2. second step" */
char *
lia_requirement_format_steps (LiaEntity  *requirement,
                              const char *separator)
{
  GListModel *steps;
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (LIA_IS_REQUIREMENT (requirement), NULL);

  steps = G_LIST_MODEL (lia_entity_get_list (requirement, LIA_REQUIREMENT_STEPS));
  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) step = g_list_model_get_item (steps, i);

      if (i > 0)
        g_string_append (out, separator);
      g_string_append_printf (out, "%u. %s", i + 1, lia_entity_get_string (step, LIA_STEP_TEXT));
    }
  return g_string_free (out, FALSE);
}

/* Columns TEXT takes in a monospace font: CJK characters take two. */
int
lia_display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* One Markdown table cell: pipes escaped, line breaks as <br>. */
void
lia_markdown_cell (GString    *out,
                   const char *text)
{
  g_string_append_c (out, ' ');
  for (const char *p = text; *p; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n')
        g_string_append (out, "<br>");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

/* A spreadsheet runs a cell that starts with = + - @ (or a tab or CR
 * before one) as a formula; a leading apostrophe makes it plain text. */
static void
csv_cell (GString    *out,
          const char *text,
          gboolean    last)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

char *
lia_export_requirements (GListModel      *requirements,
                         LiaExportFormat  format)
{
  const char *headers[] = {
    C_("requirements table", "Business need"),
    C_("requirements table", "Technical need"),
    C_("requirements table", "Engineering steps"),
    C_("requirements table", "Owner"),
    C_("requirements table", "Priority"),
    C_("requirements table", "Status"),
    C_("requirements table", "Rationale"),
  };
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (requirements), NULL);

  n = g_list_model_get_n_items (requirements);

  if (format == LIA_EXPORT_MARKDOWN)
    {
      g_string_append (out, "|");
      for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
        lia_markdown_cell (out, headers[i]);
      g_string_append (out, "\n|");
      for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
        g_string_append (out, "---|");
      g_string_append_c (out, '\n');
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
        csv_cell (out, headers[i], i + 1 == G_N_ELEMENTS (headers));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaEntity) req = g_list_model_get_item (requirements, i);
      g_autofree char *steps = lia_requirement_format_steps (req, "\n");
      const char *cells[] = {
        lia_entity_get_string (req, LIA_REQUIREMENT_BUSINESS_NEED),
        lia_entity_get_string (req, LIA_REQUIREMENT_TECHNICAL_NEED),
        steps,
        lia_entity_get_string (req, LIA_REQUIREMENT_OWNER),
        lia_choice_get_label (lia_entity_get_string (req, LIA_REQUIREMENT_PRIORITY)),
        lia_choice_get_label (lia_entity_get_string (req, LIA_REQUIREMENT_STATUS)),
        lia_entity_get_string (req, LIA_REQUIREMENT_RATIONALE),
      };

      if (format == LIA_EXPORT_MARKDOWN)
        {
          g_string_append_c (out, '|');
          for (guint j = 0; j < G_N_ELEMENTS (cells); j++)
            lia_markdown_cell (out, cells[j]);
          g_string_append_c (out, '\n');
        }
      else
        {
          for (guint j = 0; j < G_N_ELEMENTS (cells); j++)
            csv_cell (out, cells[j], j + 1 == G_N_ELEMENTS (cells));
        }
    }

  return g_string_free (out, FALSE);
}

/* The contents of an exported file. A CSV file starts with a UTF-8 byte
 * order mark: without it spreadsheet programs (Excel, and LibreOffice by
 * its import guess) read the file in the locale's legacy code page and
 * show Chinese as mojibake. Markdown stays plain UTF-8. */
GBytes *
lia_export_requirements_file (GListModel      *requirements,
                              LiaExportFormat  format)
{
  g_autofree char *text = lia_export_requirements (requirements, format);
  GString *out = g_string_new (NULL);

  if (format == LIA_EXPORT_CSV)
    g_string_append (out, "\xEF\xBB\xBF");
  g_string_append (out, text);
  return g_string_free_to_bytes (out);
}

/* @name with the extension of @format: a known export extension (".md",
 * ".markdown", ".csv", ".ics") is replaced, any other name gets the
 * extension appended, so the file the user gets matches the format the
 * file chooser's filter asked for. */
char *
lia_export_file_name (const char      *name,
                      LiaExportFormat  format)
{
  static const char *known[] = { ".md", ".markdown", ".csv", ".ics" };
  const char *extension = format == LIA_EXPORT_CSV ? ".csv"
                        : format == LIA_EXPORT_ICALENDAR ? ".ics" : ".md";
  const char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    for (guint i = 0; i < G_N_ELEMENTS (known); i++)
      if (g_ascii_strcasecmp (dot, known[i]) == 0)
        {
          g_autofree char *stem = g_strndup (name, dot - name);
          return g_strconcat (stem, extension, NULL);
        }
  return g_strconcat (name, extension, NULL);
}
