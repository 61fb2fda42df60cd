/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lia-cli.h"
#include "lia-markup.h"
#include "lia-sync-private.h"

/* liaison-cli convert --to adf|jira-wiki|confluence-storage|redmine
 * [FILE.md|-]: what a description or a page becomes on a service, made by
 * the same converters a sync or a publish uses, so a user can look before
 * sending (and the corpus test feeds it every CommonMark example). */

/* Larger than any description a tracker takes (Jira: 32 767 characters). */
#define CONVERT_MAX_INPUT (16 * 1024 * 1024)

/* A link to a local page ("page:…") names no page here: there is no
 * workspace, so such links keep their text, as an unknown page does. */
static const char *
no_page (const char *target,
         gpointer    user_data)
{
  return NULL;
}

static char *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  if (path == NULL || g_str_equal (path, "-"))
    {
      guint8 buffer[65536];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        {
          g_byte_array_append (bytes, buffer, n);
          if (bytes->len > CONVERT_MAX_INPUT)
            break;
        }
      if (ferror (stdin))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("standard input: could not be read"));
          return NULL;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, NULL, error);
      if (info == NULL)
        return NULL;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s: not a regular file"), path);
          return NULL;
        }
      if (g_file_info_get_size (info) > CONVERT_MAX_INPUT)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s: larger than 16 MiB"), path);
          return NULL;
        }
      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
        return NULL;
      g_byte_array_append (bytes, (guint8 *) contents, length);
    }
  if (bytes->len > CONVERT_MAX_INPUT)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s: larger than 16 MiB"),
                   path ? path : "-");
      return NULL;
    }
  {
    const char *end;
    const char *data = (const char *) bytes->data;

    if (!g_utf8_validate_len (data, bytes->len, &end) || memchr (data, '\0', bytes->len) != NULL)
      {
        const char *bad = g_utf8_validate_len (data, bytes->len, &end) ? memchr (data, '\0', bytes->len) : end;
        /* Translators: %s is a file name, %u a byte offset in it */
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s: byte %u: not UTF-8 text"),
                     path ? path : "-", (guint) (bad - data));
        return NULL;
      }
  }
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

int
lia_cli_convert (int    argc,
                 char **argv)
{
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to, N_("adf (Jira Cloud), jira-wiki (Jira Data Center), confluence-storage or redmine"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE.md|-] — show what Markdown becomes on a tracker or wiki"));
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *result = NULL;
  const char *path;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Prints a task description or a page as Liaison would send it: Atlassian Document\n"
      "Format for Jira Cloud, wiki markup for Jira Data Center, storage XHTML for\n"
      "Confluence, Markdown with the hidden marker line for Redmine. Reads standard\n"
      "input when FILE is “-” or missing. Links to local pages keep only their text."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lia_cli_usage_error (context, error->message);
  if (to == NULL)
    return lia_cli_usage_error (context, _("convert needs --to adf, jira-wiki, confluence-storage or redmine"));
  if (!g_strv_contains ((const char *[]) { "adf", "jira-wiki", "confluence-storage", "redmine", NULL }, to))
    {
      /* Translators: %s is what the user gave after --to */
      g_autofree char *message = g_strdup_printf (_("unknown format “%s” for --to (use adf, jira-wiki, confluence-storage or redmine)"), to);
      return lia_cli_usage_error (context, message);
    }
  if (argc > 2)
    return lia_cli_usage_error (context, _("convert takes one FILE"));
  path = argc == 2 ? argv[1] : "-";

  markdown = read_input (path, &error);
  if (markdown == NULL)
    {
      g_printerr ("liaison-cli: %s\n", error->message);
      return LIA_CLI_EXIT_BAD_INPUT;
    }

  if (g_str_equal (to, "adf"))
    {
      g_autoptr(JsonNode) adf = lia_markdown_to_adf (markdown);
      g_autofree char *json = json_to_string (adf, TRUE);
      result = g_strconcat (json, "\n", NULL);
    }
  else if (g_str_equal (to, "jira-wiki"))
    {
      g_autofree char *wiki = lia_markdown_to_wiki (markdown);
      result = g_strconcat (wiki, "\n", NULL);
    }
  else if (g_str_equal (to, "confluence-storage"))
    result = lia_markdown_to_storage (markdown, NULL, no_page, NULL);
  else
    {
      /* What a Redmine issue's description carries: the Markdown and the
       * marker line (here with a placeholder for the task's UUID). */
      g_autofree char *linked = lia_markdown_link_pages (markdown, no_page, NULL);
      g_autofree char *with = lia_marker_trailer (linked, "00000000-0000-0000-0000-000000000000", NULL);
      result = g_str_has_suffix (with, "\n") ? g_strdup (with) : g_strconcat (with, "\n", NULL);
    }
  return lia_cli_write_output (NULL, result);
}
