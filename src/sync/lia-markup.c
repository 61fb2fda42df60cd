/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-markup"

#include "config.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "lia-markup.h"

/* Task descriptions are Markdown in Liaison.  Jira Cloud wants Atlassian
 * Document Format (a JSON tree), Jira Data Center wiki markup; both are
 * produced from cmark's syntax tree, and read back to Markdown so that a
 * pulled description can be compared with the local one. */

/* ---- Markdown → ADF ---------------------------------------------------- */

/* cmark's tree with the GFM extensions named in @extensions (NULL-ended);
 * free with cmark_node_free().  The input is cleaned first as for XML
 * (valid UTF-8, no control characters but tab and newline): cmark passes
 * bytes through, and json-glib writes U+001F unescaped, which makes the
 * whole request invalid JSON. */
static cmark_node *
parse_gfm (const char        *markdown,
           const char * const *extensions)
{
  g_autofree char *valid = lia_xml_clean (markdown);
  cmark_parser *parser;
  cmark_node *doc;

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT);
  for (guint i = 0; extensions && extensions[i]; i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);
      if (extension)
        cmark_parser_attach_syntax_extension (parser, extension);
    }
  cmark_parser_feed (parser, valid, strlen (valid));
  doc = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return doc;
}

static const char * const converter_extensions[] = { "strikethrough", "autolink", "table", NULL };

static gboolean
is_strikethrough (cmark_node *n)
{
  return g_strcmp0 (cmark_node_get_type_string (n), "strikethrough") == 0;
}

static gboolean
is_table (cmark_node *n)
{
  return g_strcmp0 (cmark_node_get_type_string (n), "table") == 0;
}

enum { MARK_STRONG = 1, MARK_EM = 2, MARK_CODE = 4, MARK_STRIKE = 8 };

static JsonObject *
adf_node (const char *type)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "type", type);
  return o;
}

static JsonObject *
adf_mark (const char *type)
{
  return adf_node (type);
}

static void
add_text (JsonArray  *inlines,
          const char *text,
          guint       marks,
          const char *href)
{
  JsonObject *o;

  if (text == NULL || *text == '\0')
    return;  /* ADF's text nodes have at least one character */
  o = adf_node ("text");
  json_object_set_string_member (o, "text", text);
  if (marks != 0 || href != NULL)
    {
      static const struct { guint bit; const char *name; } names[] = {
        { MARK_STRONG, "strong" }, { MARK_EM, "em" }, { MARK_CODE, "code" }, { MARK_STRIKE, "strike" },
      };
      JsonArray *list = json_array_new ();

      /* The code mark may only be combined with a link. */
      if (marks & MARK_CODE)
        marks = MARK_CODE;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (marks & names[i].bit)
          json_array_add_object_element (list, adf_mark (names[i].name));
      if (href != NULL)
        {
          JsonObject *link = adf_mark ("link");
          JsonObject *attrs = json_object_new ();

          json_object_set_string_member (attrs, "href", href);
          json_object_set_object_member (link, "attrs", attrs);
          json_array_add_object_element (list, link);
        }
      json_object_set_array_member (o, "marks", list);
    }
  json_array_add_object_element (inlines, o);
}

static void
adf_inlines (JsonArray  *out,
             cmark_node *parent,
             guint       marks,
             const char *href)
{
  for (cmark_node *n = cmark_node_first_child (parent); n; n = cmark_node_next (n))
    {
      switch (cmark_node_get_type (n))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          add_text (out, cmark_node_get_literal (n), marks, href);
          break;
        case CMARK_NODE_CODE:
          add_text (out, cmark_node_get_literal (n), marks | MARK_CODE, href);
          break;
        case CMARK_NODE_SOFTBREAK:
          add_text (out, " ", marks, href);
          break;
        case CMARK_NODE_LINEBREAK:
          json_array_add_object_element (out, adf_node ("hardBreak"));
          break;
        case CMARK_NODE_EMPH:
          adf_inlines (out, n, marks | MARK_EM, href);
          break;
        case CMARK_NODE_STRONG:
          adf_inlines (out, n, marks | MARK_STRONG, href);
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          {
            const char *url = cmark_node_get_url (n);
            adf_inlines (out, n, marks, url && *url ? url : href);
            if (cmark_node_first_child (n) == NULL)
              add_text (out, url, marks, url && *url ? url : href);
          }
          break;
        default:
          adf_inlines (out, n, is_strikethrough (n) ? marks | MARK_STRIKE : marks, href);
          break;
        }
    }
}

/* A paragraph of @n's inlines; an empty content array is valid ADF. */
static JsonObject *
adf_paragraph (cmark_node *n,
               guint       marks)
{
  JsonObject *o = adf_node ("paragraph");
  JsonArray *content = json_array_new ();

  if (n != NULL)
    adf_inlines (content, n, marks, NULL);
  json_object_set_array_member (o, "content", content);
  return o;
}

static const char *
type_of (JsonArray *a,
         guint      i)
{
  return json_object_get_string_member (json_array_get_object_element (a, i), "type");
}

static void adf_blocks (JsonArray *out, cmark_node *parent, gboolean nested);

/* A GFM table: an ADF table at the top (the header row as tableHeader
 * cells), and where ADF has no table (in a quote or list item) one
 * paragraph per row, its cells joined by " | ". */
static void
adf_table (JsonArray  *out,
           cmark_node *table,
           gboolean    nested)
{
  JsonObject *o = adf_node ("table");
  JsonArray *rows = json_array_new ();

  for (cmark_node *row = cmark_node_first_child (table); row; row = cmark_node_next (row))
    {
      gboolean header = cmark_gfm_extensions_get_table_row_is_header (row);
      JsonObject *adf_row = adf_node ("tableRow");
      JsonArray *cells = json_array_new ();
      JsonObject *line = adf_node ("paragraph");
      JsonArray *line_content = json_array_new ();

      for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell))
        {
          JsonObject *adf_cell = adf_node (header ? "tableHeader" : "tableCell");
          JsonArray *content = json_array_new ();

          if (cell != cmark_node_first_child (row))
            add_text (line_content, " | ", 0, NULL);
          adf_inlines (line_content, cell, header ? MARK_STRONG : 0, NULL);
          json_array_add_object_element (content, adf_paragraph (cell, 0));
          json_object_set_array_member (adf_cell, "content", content);
          json_array_add_object_element (cells, adf_cell);
        }
      json_object_set_array_member (adf_row, "content", cells);
      json_array_add_object_element (rows, adf_row);
      json_object_set_array_member (line, "content", line_content);
      if (nested)
        json_array_add_object_element (out, line);
      else
        json_object_unref (line);
    }
  json_object_set_array_member (o, "content", rows);
  if (nested)
    json_object_unref (o);
  else
    json_array_add_object_element (out, o);
}

/* Markdown nests anything in anything; ADF does not.  Inside a blockquote
 * or a list item ("nested") only paragraphs, lists and code blocks may
 * stand, so what ADF cannot hold there takes the nearest form it can:
 *   - a heading becomes a paragraph of strong text;
 *   - a quote inside a quote or a list item gives up its quote: its
 *     blocks join the enclosing container;
 *   - a thematic break is dropped (ADF has no rule there, and an empty
 *     paragraph would only add space);
 *   - a quote or list item left empty holds one empty paragraph, since
 *     ADF wants at least one block, and a list item begins with a
 *     paragraph or code block (an empty paragraph is put first when it
 *     does not). */
static void
adf_block (JsonArray  *out,
           cmark_node *n,
           gboolean    nested)
{
  switch (cmark_node_get_type (n))
    {
    case CMARK_NODE_PARAGRAPH:
      json_array_add_object_element (out, adf_paragraph (n, 0));
      break;
    case CMARK_NODE_HEADING:
      if (nested)
        json_array_add_object_element (out, adf_paragraph (n, MARK_STRONG));
      else
        {
          JsonObject *o = adf_node ("heading");
          JsonObject *attrs = json_object_new ();
          JsonArray *content = json_array_new ();

          json_object_set_int_member (attrs, "level", CLAMP (cmark_node_get_heading_level (n), 1, 6));
          json_object_set_object_member (o, "attrs", attrs);
          adf_inlines (content, n, 0, NULL);
          json_object_set_array_member (o, "content", content);
          json_array_add_object_element (out, o);
        }
      break;
    case CMARK_NODE_LIST:
      {
        gboolean ordered = cmark_node_get_list_type (n) == CMARK_ORDERED_LIST;
        JsonObject *list = adf_node (ordered ? "orderedList" : "bulletList");
        JsonArray *items = json_array_new ();

        if (ordered)
          {
            JsonObject *attrs = json_object_new ();
            json_object_set_int_member (attrs, "order", MAX (1, cmark_node_get_list_start (n)));
            json_object_set_object_member (list, "attrs", attrs);
          }
        for (cmark_node *child = cmark_node_first_child (n); child; child = cmark_node_next (child))
          {
            JsonObject *item = adf_node ("listItem");
            JsonArray *content = json_array_new ();

            adf_blocks (content, child, TRUE);
            if (json_array_get_length (content) == 0 ||
                (g_strcmp0 (type_of (content, 0), "paragraph") != 0 &&
                 g_strcmp0 (type_of (content, 0), "codeBlock") != 0))
              {
                JsonNode *first = json_node_new (JSON_NODE_OBJECT);
                JsonArray *with_first = json_array_new ();

                json_node_take_object (first, adf_paragraph (NULL, 0));
                json_array_add_element (with_first, first);
                for (guint i = 0; i < json_array_get_length (content); i++)
                  json_array_add_element (with_first, json_node_copy (json_array_get_element (content, i)));
                json_array_unref (content);
                content = with_first;
              }
            json_object_set_array_member (item, "content", content);
            json_array_add_object_element (items, item);
          }
        json_object_set_array_member (list, "content", items);
        json_array_add_object_element (out, list);
      }
      break;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
      {
        const char *info = cmark_node_get_type (n) == CMARK_NODE_CODE_BLOCK ? cmark_node_get_fence_info (n) : NULL;
        g_autofree char *code = g_strdup (cmark_node_get_literal (n));
        gsize len = code ? strlen (code) : 0;
        JsonObject *o = adf_node ("codeBlock");
        JsonArray *content = json_array_new ();

        while (len > 0 && code[len - 1] == '\n')
          code[--len] = '\0';
        if (info && *info)
          {
            g_auto(GStrv) words = g_strsplit_set (info, " \t", 2);
            JsonObject *attrs = json_object_new ();

            json_object_set_string_member (attrs, "language", words[0]);
            json_object_set_object_member (o, "attrs", attrs);
          }
        add_text (content, code, 0, NULL);
        json_object_set_array_member (o, "content", content);
        json_array_add_object_element (out, o);
      }
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      if (nested)
        adf_blocks (out, n, TRUE);
      else
        {
          JsonObject *o = adf_node ("blockquote");
          JsonArray *content = json_array_new ();

          adf_blocks (content, n, TRUE);
          if (json_array_get_length (content) == 0)
            json_array_add_object_element (content, adf_paragraph (NULL, 0));
          json_object_set_array_member (o, "content", content);
          json_array_add_object_element (out, o);
        }
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      if (!nested)
        json_array_add_object_element (out, adf_node ("rule"));
      break;
    default:
      if (is_table (n))
        adf_table (out, n, nested);
      else
        adf_blocks (out, n, nested);
      break;
    }
}

static void
adf_blocks (JsonArray  *out,
            cmark_node *parent,
            gboolean    nested)
{
  for (cmark_node *n = cmark_node_first_child (parent); n; n = cmark_node_next (n))
    adf_block (out, n, nested);
}

/* An ADF document (version 1) valid against Atlassian's published schema
 * for any Markdown: what ADF cannot hold takes its nearest valid form
 * (see adf_block()). */
JsonNode *
lia_markdown_to_adf (const char *markdown)
{
  cmark_node *doc = parse_gfm (markdown, converter_extensions);
  JsonObject *root = json_object_new ();
  JsonArray *content = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (root, "version", 1);
  json_object_set_string_member (root, "type", "doc");
  adf_blocks (content, doc, FALSE);
  json_object_set_array_member (root, "content", content);
  cmark_node_free (doc);
  json_node_take_object (node, root);
  return node;
}

/* ---- ADF validity (what Jira Cloud checks before accepting) ------------ */

/* What may stand in a node of type @parent, after Atlassian's schema. */
static const char * const *
allowed_in (const char *parent)
{
  static const char * const top[] = { "paragraph", "heading", "bulletList", "orderedList", "codeBlock",
                                      "blockquote", "rule", "table", "panel", "mediaSingle", "mediaGroup", NULL };
  static const char * const nested[] = { "paragraph", "bulletList", "orderedList", "codeBlock",
                                         "mediaSingle", "mediaGroup", NULL };
  static const char * const cell[] = { "paragraph", "heading", "bulletList", "orderedList", "codeBlock",
                                       "blockquote", "rule", "panel", "mediaSingle", "mediaGroup", NULL };
  static const char * const items[] = { "listItem", NULL };
  static const char * const rows[] = { "tableRow", NULL };
  static const char * const cells[] = { "tableHeader", "tableCell", NULL };
  static const char * const inlines[] = { "text", "hardBreak", "mention", "emoji", "inlineCard", NULL };

  if (g_str_equal (parent, "doc"))
    return top;
  if (g_str_equal (parent, "blockquote") || g_str_equal (parent, "listItem"))
    return nested;
  if (g_str_equal (parent, "tableHeader") || g_str_equal (parent, "tableCell") || g_str_equal (parent, "panel"))
    return cell;
  if (g_str_equal (parent, "bulletList") || g_str_equal (parent, "orderedList"))
    return items;
  if (g_str_equal (parent, "table"))
    return rows;
  if (g_str_equal (parent, "tableRow"))
    return cells;
  return inlines;
}

static gboolean
check_node (JsonNode   *node,
            const char *parent,
            char      **problem,
            const char *path)
{
  static const char * const need_content[] = { "blockquote", "listItem", "bulletList", "orderedList",
                                               "table", NULL };
  JsonObject *o;
  const char *type;
  JsonNode *content;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return (*problem = g_strdup_printf ("%s: not an object", path)), FALSE;
  o = json_node_get_object (node);
  type = json_object_get_string_member_with_default (o, "type", NULL);
  if (type == NULL)
    return (*problem = g_strdup_printf ("%s: no type", path)), FALSE;
  if (!g_strv_contains (allowed_in (parent), type))
    return (*problem = g_strdup_printf ("%s: “%s” is not allowed in “%s”", path, type, parent)), FALSE;
  if (g_str_equal (type, "text"))
    {
      const char *text = json_object_get_string_member_with_default (o, "text", "");
      if (*text == '\0')
        return (*problem = g_strdup_printf ("%s: empty text", path)), FALSE;
      return TRUE;
    }
  content = json_object_get_member (o, "content");
  if (content != NULL && !JSON_NODE_HOLDS_ARRAY (content))
    return (*problem = g_strdup_printf ("%s.content: not an array", path)), FALSE;
  if (g_strv_contains (need_content, type) &&
      (content == NULL || json_array_get_length (json_node_get_array (content)) == 0))
    return (*problem = g_strdup_printf ("%s: an empty “%s”", path, type)), FALSE;
  for (guint i = 0; content && i < json_array_get_length (json_node_get_array (content)); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s.content[%u]", path, i);
      if (!check_node (json_array_get_element (json_node_get_array (content), i), type, problem, sub))
        return FALSE;
    }
  return TRUE;
}

/* A quick check of the rules Jira Cloud enforces most often (the test
 * oracle applies Atlassian's whole schema). */
gboolean
lia_adf_check (JsonNode  *adf,
               char     **problem)
{
  JsonObject *o;
  JsonNode *content;

  g_return_val_if_fail (problem != NULL, FALSE);

  *problem = NULL;
  if (adf == NULL || !JSON_NODE_HOLDS_OBJECT (adf))
    return (*problem = g_strdup ("description: not an ADF document")), FALSE;
  o = json_node_get_object (adf);
  if (g_strcmp0 (json_object_get_string_member_with_default (o, "type", ""), "doc") != 0 ||
      json_object_get_int_member_with_default (o, "version", 0) != 1)
    return (*problem = g_strdup ("description: type must be doc and version 1")), FALSE;
  content = json_object_get_member (o, "content");
  if (content == NULL || !JSON_NODE_HOLDS_ARRAY (content))
    return (*problem = g_strdup ("description.content: missing")), FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (content)); i++)
    {
      g_autofree char *sub = g_strdup_printf ("description.content[%u]", i);
      if (!check_node (json_array_get_element (json_node_get_array (content), i), "doc", problem, sub))
        return FALSE;
    }
  return TRUE;
}

/* ---- ADF → Markdown ---------------------------------------------------- */

static void md_blocks (GString *out, JsonArray *blocks, const char *indent);
static void md_blocks_sep (GString *out, JsonArray *blocks, const char *indent, const char *sep);

static JsonArray *
content_of (JsonObject *o)
{
  JsonNode *c = json_object_get_member (o, "content");
  return c && JSON_NODE_HOLDS_ARRAY (c) ? json_node_get_array (c) : NULL;
}

static void
md_inlines (GString   *out,
            JsonArray *inlines)
{
  for (guint i = 0; inlines && i < json_array_get_length (inlines); i++)
    {
      JsonNode *node = json_array_get_element (inlines, i);
      JsonObject *o;
      const char *type;
      JsonNode *marks_node;
      const char *text;
      const char *href = NULL;
      gboolean strong = FALSE, em = FALSE, code = FALSE, strike = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      type = json_object_get_string_member_with_default (o, "type", "");
      if (g_str_equal (type, "hardBreak"))
        {
          g_string_append (out, "\\\n");
          continue;
        }
      if (!g_str_equal (type, "text"))
        continue;
      text = json_object_get_string_member_with_default (o, "text", "");
      marks_node = json_object_get_member (o, "marks");
      for (guint m = 0; marks_node && JSON_NODE_HOLDS_ARRAY (marks_node) &&
                        m < json_array_get_length (json_node_get_array (marks_node)); m++)
        {
          JsonNode *mark = json_array_get_element (json_node_get_array (marks_node), m);
          const char *mt;

          if (!JSON_NODE_HOLDS_OBJECT (mark))
            continue;
          mt = json_object_get_string_member_with_default (json_node_get_object (mark), "type", "");
          strong |= g_str_equal (mt, "strong");
          em |= g_str_equal (mt, "em");
          code |= g_str_equal (mt, "code");
          strike |= g_str_equal (mt, "strike");
          if (g_str_equal (mt, "link"))
            {
              JsonNode *attrs = json_object_get_member (json_node_get_object (mark), "attrs");
              if (attrs && JSON_NODE_HOLDS_OBJECT (attrs))
                href = json_object_get_string_member_with_default (json_node_get_object (attrs), "href", NULL);
            }
        }
      if (href)
        g_string_append_c (out, '[');
      if (strong)
        g_string_append (out, "**");
      if (em)
        g_string_append_c (out, '*');
      if (strike)
        g_string_append (out, "~~");
      if (code)
        g_string_append_c (out, '`');
      g_string_append (out, text);
      if (code)
        g_string_append_c (out, '`');
      if (strike)
        g_string_append (out, "~~");
      if (em)
        g_string_append_c (out, '*');
      if (strong)
        g_string_append (out, "**");
      if (href)
        g_string_append_printf (out, "](%s)", href);
    }
}

/* Append @text with @indent after every newline. */
static void
append_indented (GString    *out,
                 const char *text,
                 const char *indent)
{
  for (const char *p = text; *p; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n' && p[1] != '\0' && p[1] != '\n')
        g_string_append (out, indent);
    }
}

/* A GFM table again; a cell's blocks share its one line, and the first
 * row is the header (GFM has no table without one). */
static void
md_table (GString    *out,
          JsonArray  *rows,
          const char *indent)
{
  for (guint r = 0; rows && r < json_array_get_length (rows); r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      JsonArray *cells = JSON_NODE_HOLDS_OBJECT (row) ? content_of (json_node_get_object (row)) : NULL;
      guint n = cells ? json_array_get_length (cells) : 0;

      if (r > 0)
        g_string_append_printf (out, "\n%s", indent);
      g_string_append (out, "|");
      for (guint c = 0; c < n; c++)
        {
          JsonNode *cell = json_array_get_element (cells, c);
          g_autoptr(GString) text = g_string_new (NULL);

          if (JSON_NODE_HOLDS_OBJECT (cell))
            md_blocks_sep (text, content_of (json_node_get_object (cell)), "", " ");
          g_string_replace (text, "\n", " ", 0);
          g_string_replace (text, "|", "\\|", 0);
          g_string_append_printf (out, " %s |", text->str);
        }
      if (r == 0)
        {
          g_string_append_printf (out, "\n%s|", indent);
          for (guint c = 0; c < MAX (n, 1); c++)
            g_string_append (out, "---|");
        }
    }
}

static void
md_block (GString    *out,
          JsonObject *o,
          const char *indent)
{
  const char *type = json_object_get_string_member_with_default (o, "type", "");
  JsonArray *content = content_of (o);

  if (g_str_equal (type, "paragraph"))
    md_inlines (out, content);
  else if (g_str_equal (type, "heading"))
    {
      JsonNode *attrs = json_object_get_member (o, "attrs");
      gint64 level = attrs && JSON_NODE_HOLDS_OBJECT (attrs)
                     ? json_object_get_int_member_with_default (json_node_get_object (attrs), "level", 1) : 1;
      for (gint64 i = 0; i < CLAMP (level, 1, 6); i++)
        g_string_append_c (out, '#');
      g_string_append_c (out, ' ');
      md_inlines (out, content);
    }
  else if (g_str_equal (type, "bulletList") || g_str_equal (type, "orderedList"))
    {
      gboolean ordered = g_str_equal (type, "orderedList");
      JsonNode *attrs = json_object_get_member (o, "attrs");
      gint64 number = ordered && attrs && JSON_NODE_HOLDS_OBJECT (attrs)
                      ? json_object_get_int_member_with_default (json_node_get_object (attrs), "order", 1) : 1;

      for (guint i = 0; content && i < json_array_get_length (content); i++)
        {
          JsonNode *item = json_array_get_element (content, i);
          g_autofree char *marker = ordered ? g_strdup_printf ("%" G_GINT64_FORMAT ". ", number + i) : g_strdup ("- ");
          g_autofree char *inner_indent = g_strnfill (strlen (marker), ' ');
          g_autofree char *sub_indent = g_strconcat (indent, inner_indent, NULL);
          g_autoptr(GString) inner = g_string_new (NULL);

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          if (i > 0)
            g_string_append_printf (out, "\n%s", indent);
          /* tight items: a nested list follows its line directly */
          md_blocks_sep (inner, content_of (json_node_get_object (item)), "", "\n");
          g_string_append (out, marker);
          append_indented (out, inner->str, sub_indent);
        }
    }
  else if (g_str_equal (type, "codeBlock"))
    {
      JsonNode *attrs = json_object_get_member (o, "attrs");
      const char *lang = attrs && JSON_NODE_HOLDS_OBJECT (attrs)
                         ? json_object_get_string_member_with_default (json_node_get_object (attrs), "language", "") : "";
      g_autoptr(GString) code = g_string_new (NULL);

      for (guint i = 0; content && i < json_array_get_length (content); i++)
        {
          JsonNode *t = json_array_get_element (content, i);
          if (JSON_NODE_HOLDS_OBJECT (t))
            g_string_append (code, json_object_get_string_member_with_default (json_node_get_object (t), "text", ""));
        }
      g_string_append_printf (out, "```%s\n", lang);
      append_indented (out, code->str, indent);
      g_string_append_printf (out, "\n%s```", indent);
    }
  else if (g_str_equal (type, "blockquote"))
    {
      g_autoptr(GString) inner = g_string_new (NULL);
      g_autofree char *sub = g_strconcat (indent, "> ", NULL);

      md_blocks (inner, content, "");
      g_string_append (out, "> ");
      append_indented (out, inner->str, sub);
    }
  else if (g_str_equal (type, "rule"))
    g_string_append (out, "---");
  else if (g_str_equal (type, "table"))
    md_table (out, content, indent);
  else if (content != NULL)
    md_blocks (out, content, indent);
}

static void
md_blocks (GString    *out,
           JsonArray  *blocks,
           const char *indent)
{
  md_blocks_sep (out, blocks, indent, "\n\n");
}

static void
md_blocks_sep (GString    *out,
               JsonArray  *blocks,
               const char *indent,
               const char *sep)
{
  gboolean first = TRUE;

  for (guint i = 0; blocks && i < json_array_get_length (blocks); i++)
    {
      JsonNode *node = json_array_get_element (blocks, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      if (!first)
        g_string_append_printf (out, "%s%s", sep, indent);
      md_block (out, json_node_get_object (node), indent);
      first = FALSE;
    }
}

char *
lia_adf_to_markdown (JsonNode *adf)
{
  GString *out = g_string_new (NULL);

  if (adf != NULL && JSON_NODE_HOLDS_OBJECT (adf))
    md_blocks (out, content_of (json_node_get_object (adf)), "");
  return g_string_free (out, FALSE);
}

/* ---- Markdown → Jira wiki markup --------------------------------------- */

static void wiki_blocks (GString *out, cmark_node *parent, const char *bullets);

static void
wiki_inlines (GString    *out,
              cmark_node *parent)
{
  for (cmark_node *n = cmark_node_first_child (parent); n; n = cmark_node_next (n))
    {
      switch (cmark_node_get_type (n))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          g_string_append (out, cmark_node_get_literal (n));
          break;
        case CMARK_NODE_CODE:
          g_string_append_printf (out, "{{%s}}", cmark_node_get_literal (n));
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append (out, "\\\\\n");
          break;
        case CMARK_NODE_EMPH:
          g_string_append_c (out, '_');
          wiki_inlines (out, n);
          g_string_append_c (out, '_');
          break;
        case CMARK_NODE_STRONG:
          g_string_append_c (out, '*');
          wiki_inlines (out, n);
          g_string_append_c (out, '*');
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          g_string_append_c (out, '[');
          wiki_inlines (out, n);
          g_string_append_printf (out, "|%s]", cmark_node_get_url (n));
          break;
        default:
          if (is_strikethrough (n))
            {
              g_string_append_c (out, '-');
              wiki_inlines (out, n);
              g_string_append_c (out, '-');
            }
          else
            wiki_inlines (out, n);
          break;
        }
    }
}

/* ||heading||heading|| then |cell|cell|; a cell's own "|" is escaped and
 * an empty cell holds a space, or the row would lose a column. */
static void
wiki_table (GString    *out,
            cmark_node *table)
{
  for (cmark_node *row = cmark_node_first_child (table); row; row = cmark_node_next (row))
    {
      const char *bar = cmark_gfm_extensions_get_table_row_is_header (row) ? "||" : "|";

      if (row != cmark_node_first_child (table))
        g_string_append_c (out, '\n');
      g_string_append (out, bar);
      for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell))
        {
          g_autoptr(GString) text = g_string_new (NULL);

          wiki_inlines (text, cell);
          g_string_replace (text, "|", "\\|", 0);
          g_string_append (out, text->len > 0 ? text->str : " ");
          g_string_append (out, bar);
        }
    }
}

static void
wiki_block (GString    *out,
            cmark_node *n,
            const char *bullets)
{
  switch (cmark_node_get_type (n))
    {
    case CMARK_NODE_PARAGRAPH:
      wiki_inlines (out, n);
      break;
    case CMARK_NODE_HEADING:
      g_string_append_printf (out, "h%d. ", CLAMP (cmark_node_get_heading_level (n), 1, 6));
      wiki_inlines (out, n);
      break;
    case CMARK_NODE_LIST:
      {
        g_autofree char *deeper = g_strconcat (bullets, cmark_node_get_list_type (n) == CMARK_ORDERED_LIST ? "#" : "*", NULL);
        gboolean first = TRUE;

        for (cmark_node *item = cmark_node_first_child (n); item; item = cmark_node_next (item))
          {
            gboolean first_block = TRUE;

            if (!first)
              g_string_append_c (out, '\n');
            first = FALSE;
            g_string_append_printf (out, "%s ", deeper);
            for (cmark_node *block = cmark_node_first_child (item); block; block = cmark_node_next (block))
              {
                if (cmark_node_get_type (block) == CMARK_NODE_LIST)
                  {
                    g_string_append_c (out, '\n');
                    wiki_block (out, block, deeper);
                  }
                else
                  {
                    if (!first_block)
                      g_string_append_c (out, ' ');
                    wiki_block (out, block, deeper);
                  }
                first_block = FALSE;
              }
          }
      }
      break;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
      {
        const char *info = cmark_node_get_type (n) == CMARK_NODE_CODE_BLOCK ? cmark_node_get_fence_info (n) : NULL;
        g_autofree char *code = g_strdup (cmark_node_get_literal (n));
        gsize len = code ? strlen (code) : 0;

        while (len > 0 && code[len - 1] == '\n')
          code[--len] = '\0';
        if (info && *info)
          {
            g_auto(GStrv) words = g_strsplit (info, " ", 2);
            g_string_append_printf (out, "{code:%s}\n%s\n{code}", words[0], code);
          }
        else
          g_string_append_printf (out, "{code}\n%s\n{code}", code);
      }
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      g_string_append (out, "{quote}\n");
      wiki_blocks (out, n, "");
      g_string_append (out, "\n{quote}");
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      g_string_append (out, "----");
      break;
    default:
      if (is_table (n))
        wiki_table (out, n);
      else
        wiki_blocks (out, n, bullets);
      break;
    }
}

static void
wiki_blocks (GString    *out,
             cmark_node *parent,
             const char *bullets)
{
  gboolean first = TRUE;

  for (cmark_node *n = cmark_node_first_child (parent); n; n = cmark_node_next (n))
    {
      if (!first)
        g_string_append (out, "\n\n");
      wiki_block (out, n, bullets);
      first = FALSE;
    }
}

char *
lia_markdown_to_wiki (const char *markdown)
{
  cmark_node *doc = parse_gfm (markdown, converter_extensions);
  GString *out = g_string_new (NULL);

  wiki_blocks (out, doc, "");
  cmark_node_free (doc);
  return g_string_free (out, FALSE);
}

/* ---- Jira wiki markup → Markdown (the common subset) ------------------- */

static char *
wiki_inline_to_markdown (const char *line)
{
  static GRegex *code, *strong, *em, *link;
  static gsize once;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  if (g_once_init_enter (&once))
    {
      strong = g_regex_new ("(?<![\\w*])\\*(\\S(?:[^*]*\\S)?)\\*(?![\\w*])", G_REGEX_OPTIMIZE, 0, NULL);
      em = g_regex_new ("(?<![\\w_])[_](\\S(?:[^_]*\\S)?)[_](?![\\w_])", G_REGEX_OPTIMIZE, 0, NULL);
      link = g_regex_new ("\\[([^|\\]]*)\\|([^\\]]+)\\]", G_REGEX_OPTIMIZE, 0, NULL);
      code = g_regex_new ("\\{\\{(.+?)\\}\\}", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  /* strong first, through a placeholder, so that emphasis's single
   * asterisks are not read as strong again */
  a = g_regex_replace (code, line, -1, 0, "`\\1`", 0, NULL);
  b = g_regex_replace (strong, a, -1, 0, "\x02\\1\x02", 0, NULL);
  c = g_regex_replace (em, b, -1, 0, "*\\1*", 0, NULL);
  {
    g_autofree char *d = g_regex_replace (link, c, -1, 0, "[\\1](\\2)", 0, NULL);
    g_auto(GStrv) parts = g_strsplit (d, "\x02", -1);
    return g_strjoinv ("**", parts);
  }
}

/* ||head||head|| or |cell|cell| as a GFM row (a header row with its
 * delimiter row); "\|" inside a cell is the same escape in both. */
static void
wiki_table_row (GString    *out,
                const char *line)
{
  gboolean header = g_str_has_prefix (line, "||");
  const char *bar = header ? "||" : "|";
  gsize bar_len = strlen (bar);
  const char *end = line + strlen (line) - bar_len;
  guint n = 0;

  g_string_append (out, "|");
  for (const char *p = line + bar_len; p < end || (p == end && n == 0);)
    {
      const char *q = p;
      g_autofree char *cell = NULL;
      g_autofree char *text = NULL;

      while (q < end && !(strncmp (q, bar, bar_len) == 0 && (q == p || q[-1] != '\\')))
        q++;
      cell = g_strstrip (g_strndup (p, q - p));
      text = wiki_inline_to_markdown (cell);
      g_string_append_printf (out, " %s |", text);
      n++;
      p = q + bar_len;
      if (q >= end)
        break;
    }
  if (n == 0)
    {
      g_string_append (out, "  |");
      n = 1;
    }
  if (header)
    {
      g_string_append (out, "\n|");
      for (guint c = 0; c < n; c++)
        g_string_append (out, "---|");
    }
}

char *
lia_wiki_to_markdown (const char *wiki)
{
  g_auto(GStrv) lines = g_strsplit (wiki ? wiki : "", "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_code = FALSE;
  guint counters[8] = { 0 };

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (i > 0)
        g_string_append_c (out, '\n');
      if (g_str_has_prefix (line, "{code"))
        {
          if (in_code)
            g_string_append (out, "```");
          else
            {
              const char *colon = strchr (line, ':');
              g_autofree char *lang = colon ? g_strndup (colon + 1, strcspn (colon + 1, "}")) : g_strdup ("");
              g_string_append_printf (out, "```%s", lang);
            }
          in_code = !in_code;
          continue;
        }
      if (in_code)
        {
          g_string_append (out, line);
          continue;
        }
      if (g_str_equal (line, "{quote}"))
        {
          /* drop the marker line and its blank partner */
          if (out->len > 0)
            g_string_truncate (out, out->len - 1);
          continue;
        }
      if (line[0] == 'h' && line[1] >= '1' && line[1] <= '6' && line[2] == '.' && line[3] == ' ')
        {
          g_autofree char *rest = wiki_inline_to_markdown (line + 4);
          for (int l = 0; l < line[1] - '0'; l++)
            g_string_append_c (out, '#');
          g_string_append_printf (out, " %s", rest);
          continue;
        }
      if (line[0] == '|' && strlen (line) > 1 && line[strlen (line) - 1] == '|')
        {
          wiki_table_row (out, line);
          continue;
        }
      if (g_str_equal (line, "----"))
        {
          g_string_append (out, "---");
          continue;
        }
      {
        gsize depth = strspn (line, "*#");

        if (depth > 0 && line[depth] == ' ')
          {
            g_autofree char *rest = wiki_inline_to_markdown (line + depth + 1);
            guint d = MIN (depth, G_N_ELEMENTS (counters)) - 1;
            gsize indent = 0;

            for (gsize k = 0; k < depth - 1; k++)
              indent += line[k] == '#' ? 3 : 2;
            for (gsize k = 0; k < indent; k++)
              g_string_append_c (out, ' ');
            for (guint k = d + 1; k < G_N_ELEMENTS (counters); k++)
              counters[k] = 0;
            if (line[depth - 1] == '#')
              g_string_append_printf (out, "%u. %s", ++counters[d], rest);
            else
              g_string_append_printf (out, "- %s", rest);
            continue;
          }
        if (*line == '\0')
          memset (counters, 0, sizeof counters);
      }
      {
        g_autofree char *rest = wiki_inline_to_markdown (line);
        g_string_append (out, rest);
      }
    }
  return g_string_free (out, FALSE);
}

/* ---- Markdown → Confluence storage format ------------------------------ */

/* @text as valid UTF-8 with only the characters XML 1.0 allows: control
 * characters other than tab and newline are dropped, as are U+FFFE and
 * U+FFFF. */
char *
lia_xml_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xfffe || c == 0xffff)
        continue;
      if (c == '\r')
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* CDATA cannot hold "]]>": close the section between "]]" and ">". */
static void
append_cdata (GString    *out,
              const char *text)
{
  g_string_append (out, "<![CDATA[");
  for (const char *p = text; *p; p++)
    {
      if (g_str_has_prefix (p, "]]>"))
        {
          g_string_append (out, "]]]]><![CDATA[>");
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, "]]>");
}

static void
plain_text (GString    *out,
            cmark_node *node)
{
  for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n))
    {
      cmark_node_type type = cmark_node_get_type (n);

      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        g_string_append_c (out, ' ');
      else if (cmark_node_get_literal (n) != NULL)
        g_string_append (out, cmark_node_get_literal (n));
      plain_text (out, n);
    }
}

/* "page:Title", "page:<Title>" or "page:ID" → what follows "page:". */
static const char *
page_target (const char *url)
{
  return url && g_str_has_prefix (url, "page:") ? url + strlen ("page:") : NULL;
}

static cmark_node *
raw_node (cmark_node_type type,
          const char     *literal)
{
  cmark_node *node = cmark_node_new (type);
  cmark_node_set_literal (node, literal);
  return node;
}

static cmark_node *
storage_replacement (cmark_node     *node,
                     const char     *space,
                     LiaWikiLinkFunc link,
                     gpointer        link_data)
{
  g_autoptr(GString) out = g_string_new (NULL);

  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_HTML_BLOCK:
      {
        /* The author's raw HTML is shown as text: it may not be XHTML. */
        cmark_node *para = cmark_node_new (CMARK_NODE_PARAGRAPH);
        g_autofree char *text = g_strdup (cmark_node_get_literal (node));
        cmark_node_append_child (para, raw_node (CMARK_NODE_TEXT, g_strchomp (text)));
        return para;
      }
    case CMARK_NODE_HTML_INLINE:
      return raw_node (CMARK_NODE_TEXT, cmark_node_get_literal (node));
    case CMARK_NODE_CODE_BLOCK:
      {
        const char *info = cmark_node_get_fence_info (node);
        g_autofree char *language = g_strdup (info ? info : "");
        char *space_at;

        if ((space_at = strpbrk (language, " \t")) != NULL)
          *space_at = '\0';
        g_string_append (out, "<ac:structured-macro ac:name=\"code\">");
        if (*language)
          {
            g_autofree char *escaped = g_markup_escape_text (language, -1);
            g_string_append_printf (out, "<ac:parameter ac:name=\"language\">%s</ac:parameter>", escaped);
          }
        g_string_append (out, "<ac:plain-text-body>");
        append_cdata (out, cmark_node_get_literal (node));
        g_string_append (out, "</ac:plain-text-body></ac:structured-macro>\n");
        return raw_node (CMARK_NODE_HTML_BLOCK, out->str);
      }
    case CMARK_NODE_LINK:
      {
        const char *target = page_target (cmark_node_get_url (node));
        const char *title = target ? link (target, link_data) : NULL;
        g_autoptr(GString) text = g_string_new (NULL);
        g_autofree char *escaped_title = NULL;
        g_autofree char *escaped_space = g_markup_escape_text (space ? space : "", -1);

        if (target == NULL)
          return NULL;
        plain_text (text, node);
        if (title == NULL)
          return raw_node (CMARK_NODE_TEXT, text->str);
        escaped_title = g_markup_escape_text (title, -1);
        g_string_append_printf (out, "<ac:link><ri:page ri:content-title=\"%s\"%s%s%s />",
                                escaped_title, *escaped_space ? " ri:space-key=\"" : "",
                                escaped_space, *escaped_space ? "\"" : "");
        if (text->len > 0)
          {
            g_string_append (out, "<ac:plain-text-link-body>");
            append_cdata (out, text->str);
            g_string_append (out, "</ac:plain-text-link-body>");
          }
        g_string_append (out, "</ac:link>");
        return raw_node (CMARK_NODE_HTML_INLINE, out->str);
      }
    default:
      return NULL;
    }
}

/* Confluence's storage format (XHTML with ac:/ri: elements) from Markdown
 * through cmark: code blocks become code macros, links to local pages
 * become page links, the author's raw HTML is shown as text, and nothing
 * can break the XML whatever the title or body holds. */
char *
lia_markdown_to_storage (const char     *markdown,
                         const char     *space,
                         LiaWikiLinkFunc link,
                         gpointer        link_data)
{
  static const char *names[] = { "table", "strikethrough", "autolink", "tasklist" };
  g_autofree char *clean = lia_xml_clean (markdown);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  cmark_parser *parser;
  cmark_node *doc;
  cmark_iter *iter;
  cmark_event_type event;
  char *html;
  char *result;

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (names[i]);
      if (extension)
        cmark_parser_attach_syntax_extension (parser, extension);
    }
  cmark_parser_feed (parser, clean, strlen (clean));
  doc = cmark_parser_finish (parser);

  iter = cmark_iter_new (doc);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_ENTER &&
          (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE ||
           type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_LINK))
        g_ptr_array_add (nodes, node);
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < nodes->len; i++)
    {
      cmark_node *replacement = storage_replacement (nodes->pdata[i], space, link, link_data);

      if (replacement)
        {
          cmark_node_replace (nodes->pdata[i], replacement);
          cmark_node_free (nodes->pdata[i]);
        }
    }

  html = cmark_render_html (doc, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions (parser));
  result = g_strdup (html);
  free (html);
  cmark_node_free (doc);
  cmark_parser_free (parser);
  return result;
}

/* ---- Links between pages in Markdown (Redmine) ------------------------- */

/* Rewrites [text](page:X) and [text](<page:X>) outside code fences to
 * Redmine's wiki links, [[Remote title|text]]; a link to no known page
 * keeps only its text. */
char *
lia_markdown_link_pages (const char     *markdown,
                         LiaWikiLinkFunc link,
                         gpointer        link_data)
{
  g_return_val_if_fail (link != NULL, NULL);

  g_autoptr(GRegex) regex = g_regex_new ("\\[([^\\]\\n]*)\\]\\((?:<page:([^>\\n]*)>|page:([^)\\s]*))\\)",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (markdown ? markdown : "", "\n", -1);
  GString *out = g_string_new (NULL);
  const char *fence = NULL;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *trimmed = line + strspn (line, " ");
      g_autoptr(GMatchInfo) match = NULL;
      gint last = 0;

      if (i > 0)
        g_string_append_c (out, '\n');
      if (g_str_has_prefix (trimmed, "```") || g_str_has_prefix (trimmed, "~~~"))
        {
          if (fence == NULL)
            fence = g_str_has_prefix (trimmed, "```") ? "```" : "~~~";
          else if (g_str_has_prefix (trimmed, fence))
            fence = NULL;
        }
      if (fence != NULL || !g_regex_match (regex, line, 0, &match))
        {
          g_string_append (out, line);
          continue;
        }
      do
        {
          gint start, end;
          g_autofree char *text = g_match_info_fetch (match, 1);
          g_autofree char *angle = g_match_info_fetch (match, 2);
          g_autofree char *plain = g_match_info_fetch (match, 3);
          const char *target = angle && *angle ? angle : plain;
          const char *title = link (target, link_data);

          g_match_info_fetch_pos (match, 0, &start, &end);
          g_string_append_len (out, line + last, start - last);
          if (title == NULL)
            g_string_append (out, text);
          else if (*text == '\0' || g_str_equal (text, title))
            g_string_append_printf (out, "[[%s]]", title);
          else
            g_string_append_printf (out, "[[%s|%s]]", title, text);
          last = end;
        }
      while (g_match_info_next (match, NULL));
      g_string_append (out, line + last);
    }
  return g_string_free (out, FALSE);
}
