/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-markdown-render"

#include "config.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "lia-export.h"
#include "lia-markdown-render.h"

typedef struct
{
  GtkTextBuffer *buffer;
  GPtrArray     *tags;      /* GtkTextTag, applied to inline text */
  guint          quote;     /* block-quote depth */
} Renderer;

static GtkTextTag *
tag (GtkTextBuffer *buffer,
     const char    *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *t = gtk_text_tag_table_lookup (table, name);

  if (t != NULL)
    return t;

  if (g_str_has_prefix (name, "h") && strlen (name) == 2)
    {
      static const double scales[] = { 1.8, 1.5, 1.3, 1.15, 1.05, 1.0 };
      int level = CLAMP (name[1] - '0', 1, 6);
      t = gtk_text_buffer_create_tag (buffer, name, "weight", PANGO_WEIGHT_BOLD,
                                      "scale", scales[level - 1], "pixels-above-lines", 10,
                                      "pixels-below-lines", 4, NULL);
    }
  else if (g_str_equal (name, "strong"))
    t = gtk_text_buffer_create_tag (buffer, name, "weight", PANGO_WEIGHT_BOLD, NULL);
  else if (g_str_equal (name, "emph"))
    t = gtk_text_buffer_create_tag (buffer, name, "style", PANGO_STYLE_ITALIC, NULL);
  else if (g_str_equal (name, "strike"))
    t = gtk_text_buffer_create_tag (buffer, name, "strikethrough", TRUE, NULL);
  else if (g_str_equal (name, "code"))
    t = gtk_text_buffer_create_tag (buffer, name, "family", "monospace", NULL);
  else if (g_str_equal (name, "code-block") || g_str_equal (name, "table"))
    t = gtk_text_buffer_create_tag (buffer, name, "family", "monospace", "left-margin", 12,
                                    "pixels-above-lines", 4, "pixels-below-lines", 4, NULL);
  else if (g_str_equal (name, "quote"))
    t = gtk_text_buffer_create_tag (buffer, name, "left-margin", 24, "style", PANGO_STYLE_ITALIC, NULL);
  else if (g_str_equal (name, "link"))
    t = gtk_text_buffer_create_tag (buffer, name, "underline", PANGO_UNDERLINE_SINGLE,
                                    "foreground", "#1c71d8", NULL);
  else if (g_str_equal (name, "paragraph"))
    t = gtk_text_buffer_create_tag (buffer, name, "pixels-below-lines", 6, NULL);
  else
    t = gtk_text_buffer_create_tag (buffer, name, NULL);
  return t;
}

static void
insert (Renderer   *r,
        const char *text,
        GtkTextTag *extra)
{
  GtkTextIter end;
  int start_offset;

  gtk_text_buffer_get_end_iter (r->buffer, &end);
  start_offset = gtk_text_iter_get_offset (&end);
  gtk_text_buffer_insert (r->buffer, &end, text, -1);
  {
    GtkTextIter a, b;

    gtk_text_buffer_get_iter_at_offset (r->buffer, &a, start_offset);
    gtk_text_buffer_get_end_iter (r->buffer, &b);
    for (guint i = 0; i < r->tags->len; i++)
      gtk_text_buffer_apply_tag (r->buffer, g_ptr_array_index (r->tags, i), &a, &b);
    if (extra != NULL)
      gtk_text_buffer_apply_tag (r->buffer, extra, &a, &b);
  }
}

static void
newline (Renderer *r)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (r->buffer, &end);
  if (gtk_text_iter_get_offset (&end) > 0)
    insert (r, "\n", NULL);
}

static void render_inlines (Renderer *r, cmark_node *node);

/* The plain text of inline content, for table cells. */
static void
plain_text (cmark_node *node,
            GString    *out)
{
  for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n))
    {
      const char *literal = cmark_node_get_literal (n);

      if (cmark_node_get_type (n) == CMARK_NODE_SOFTBREAK || cmark_node_get_type (n) == CMARK_NODE_LINEBREAK)
        g_string_append_c (out, ' ');
      else if (literal != NULL)
        g_string_append (out, literal);
      plain_text (n, out);
    }
}

static void
render_inline (Renderer   *r,
               cmark_node *node)
{
  GtkTextTag *pushed = NULL;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      insert (r, cmark_node_get_literal (node), NULL);
      return;
    case CMARK_NODE_CODE:
      insert (r, cmark_node_get_literal (node), tag (r->buffer, "code"));
      return;
    case CMARK_NODE_SOFTBREAK:
      insert (r, " ", NULL);
      return;
    case CMARK_NODE_LINEBREAK:
      insert (r, "\n", NULL);
      return;
    case CMARK_NODE_STRONG:
      pushed = tag (r->buffer, "strong");
      break;
    case CMARK_NODE_EMPH:
      pushed = tag (r->buffer, "emph");
      break;
    case CMARK_NODE_LINK:
      {
        /* One tag per target, so the target can be read back at a click. */
        const char *url = cmark_node_get_url (node);
        g_autofree char *name = g_strdup_printf ("link:%s", url ? url : "");
        GtkTextTagTable *table = gtk_text_buffer_get_tag_table (r->buffer);

        pushed = gtk_text_tag_table_lookup (table, name);
        if (pushed == NULL)
          {
            pushed = gtk_text_buffer_create_tag (r->buffer, name, NULL);
            g_object_set_data_full (G_OBJECT (pushed), "href", g_strdup (url ? url : ""), g_free);
          }
        g_ptr_array_add (r->tags, tag (r->buffer, "link"));
      }
      break;
    default:
      if (g_strcmp0 (cmark_node_get_type_string (node), "strikethrough") == 0)
        pushed = tag (r->buffer, "strike");
      break;
    }

  if (pushed != NULL)
    g_ptr_array_add (r->tags, pushed);
  render_inlines (r, node);
  if (pushed != NULL)
    g_ptr_array_remove_index (r->tags, r->tags->len - 1);
  if (cmark_node_get_type (node) == CMARK_NODE_LINK)
    g_ptr_array_remove_index (r->tags, r->tags->len - 1);
}

static void
render_inlines (Renderer   *r,
                cmark_node *node)
{
  for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n))
    render_inline (r, n);
}

/* A table as aligned monospace text: the header in bold, a rule under it. */
static void
render_table (Renderer   *r,
              cmark_node *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (int));

  for (cmark_node *row = cmark_node_first_child (table); row; row = cmark_node_next (row))
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
      guint c = 0;

      for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell), c++)
        {
          GString *text = g_string_new (NULL);
          int w;

          plain_text (cell, text);
          w = lia_display_width (text->str);
          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, int, c) = MAX (g_array_index (widths, int, c), w);
          g_ptr_array_add (cells, g_string_free (text, FALSE));
        }
      g_ptr_array_add (rows, cells);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, i);
      GString *line = g_string_new (NULL);
      gboolean header = i == 0;

      newline (r);
      for (guint c = 0; c < cells->len; c++)
        {
          const char *text = g_ptr_array_index (cells, c);

          if (c > 0)
            g_string_append (line, " │ ");
          g_string_append (line, text);
          for (int pad = lia_display_width (text); pad < g_array_index (widths, int, c); pad++)
            g_string_append_c (line, ' ');
        }
      if (header)
        g_ptr_array_add (r->tags, tag (r->buffer, "strong"));
      g_ptr_array_add (r->tags, tag (r->buffer, "table"));
      insert (r, line->str, NULL);
      g_ptr_array_remove_index (r->tags, r->tags->len - 1);
      if (header)
        {
          GString *rule = g_string_new (NULL);

          g_ptr_array_remove_index (r->tags, r->tags->len - 1);
          for (guint c = 0; c < widths->len; c++)
            {
              if (c > 0)
                g_string_append (rule, "─┼─");
              for (int k = 0; k < g_array_index (widths, int, c); k++)
                g_string_append (rule, "─");
            }
          newline (r);
          insert (r, rule->str, tag (r->buffer, "table"));
          g_string_free (rule, TRUE);
        }
      g_string_free (line, TRUE);
    }
  newline (r);
}

static void
render_block (Renderer   *r,
              cmark_node *node,
              int         list_depth)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_DOCUMENT:
      for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n))
        render_block (r, n, list_depth);
      return;

    case CMARK_NODE_HEADING:
      {
        char name[3] = { 'h', (char) ('0' + CLAMP (cmark_node_get_heading_level (node), 1, 6)), 0 };

        newline (r);
        g_ptr_array_add (r->tags, tag (r->buffer, name));
        render_inlines (r, node);
        g_ptr_array_remove_index (r->tags, r->tags->len - 1);
      }
      return;

    case CMARK_NODE_PARAGRAPH:
      /* Inside a list item, a paragraph continues the bullet's line. */
      if (cmark_node_get_type (cmark_node_parent (node)) != CMARK_NODE_ITEM ||
          cmark_node_previous (node) != NULL)
        newline (r);
      g_ptr_array_add (r->tags, tag (r->buffer, "paragraph"));
      render_inlines (r, node);
      g_ptr_array_remove_index (r->tags, r->tags->len - 1);
      return;

    case CMARK_NODE_LIST:
      {
        gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start (node);

        for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item), number++)
          {
            g_autofree char *marker = ordered ? g_strdup_printf ("%d. ", number) : g_strdup ("• ");
            g_autofree char *indent = g_strnfill ((gsize) list_depth * 4, ' ');

            newline (r);
            insert (r, indent, NULL);
            insert (r, marker, NULL);
            for (cmark_node *n = cmark_node_first_child (item); n; n = cmark_node_next (n))
              render_block (r, n, list_depth + 1);
          }
      }
      return;

    case CMARK_NODE_CODE_BLOCK:
      {
        g_autofree char *code = g_strdup (cmark_node_get_literal (node));
        gsize len = strlen (code);

        if (len > 0 && code[len - 1] == '\n')
          code[len - 1] = '\0';
        newline (r);
        insert (r, code, tag (r->buffer, "code-block"));
      }
      return;

    case CMARK_NODE_BLOCK_QUOTE:
      g_ptr_array_add (r->tags, tag (r->buffer, "quote"));
      for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n))
        render_block (r, n, list_depth);
      g_ptr_array_remove_index (r->tags, r->tags->len - 1);
      return;

    case CMARK_NODE_THEMATIC_BREAK:
      newline (r);
      insert (r, "────────", NULL);
      return;

    case CMARK_NODE_HTML_BLOCK:
      newline (r);
      insert (r, cmark_node_get_literal (node), tag (r->buffer, "code-block"));
      return;

    default:
      if (g_strcmp0 (cmark_node_get_type_string (node), "table") == 0)
        {
          render_table (r, node);
          return;
        }
      for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n))
        render_block (r, n, list_depth);
      return;
    }
}

void
lia_markdown_render (GtkTextBuffer *buffer,
                     const char    *markdown)
{
  cmark_parser *parser;
  cmark_syntax_extension *extension;
  cmark_node *document;
  Renderer r = { buffer, g_ptr_array_new (), 0 };

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT);
  for (const char * const *name = (const char * const[]) { "table", "strikethrough", "autolink", NULL }; *name; name++)
    if ((extension = cmark_find_syntax_extension (*name)) != NULL)
      cmark_parser_attach_syntax_extension (parser, extension);
  cmark_parser_feed (parser, markdown ? markdown : "", markdown ? strlen (markdown) : 0);
  document = cmark_parser_finish (parser);

  gtk_text_buffer_set_text (buffer, "", 0);
  render_block (&r, document, 0);

  cmark_node_free (document);
  cmark_parser_free (parser);
  g_ptr_array_unref (r.tags);
}

/* The target of the link under ITER, or NULL. */
const char *
lia_markdown_link_at (const GtkTextIter *iter)
{
  GSList *tags = gtk_text_iter_get_tags (iter);
  const char *href = NULL;

  for (GSList *l = tags; l != NULL && href == NULL; l = l->next)
    href = g_object_get_data (G_OBJECT (l->data), "href");
  g_slist_free (tags);
  return href;
}
