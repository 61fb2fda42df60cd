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
  GtkTextView   *view;      /* where tables are placed */
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
  else if (g_str_equal (name, "code-block"))
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

/* Inline content as Pango markup, for a table cell's label. */
static void
cell_markup (cmark_node *node,
             GString    *out)
{
  for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n))
    {
      const char *open = NULL, *close = NULL;

      switch (cmark_node_get_type (n))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          {
            g_autofree char *escaped = g_markup_escape_text (cmark_node_get_literal (n), -1);
            g_string_append (out, escaped);
          }
          continue;
        case CMARK_NODE_CODE:
          {
            g_autofree char *escaped = g_markup_escape_text (cmark_node_get_literal (n), -1);
            g_string_append_printf (out, "<tt>%s</tt>", escaped);
          }
          continue;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          continue;
        case CMARK_NODE_STRONG:
          open = "<b>", close = "</b>";
          break;
        case CMARK_NODE_EMPH:
          open = "<i>", close = "</i>";
          break;
        case CMARK_NODE_LINK:
          {
            const char *url = cmark_node_get_url (n);
            g_autofree char *escaped = g_markup_escape_text (url ? url : "", -1);

            g_string_append_printf (out, "<a href=\"%s\">", escaped);
            close = "</a>";
          }
          break;
        default:
          if (g_strcmp0 (cmark_node_get_type_string (n), "strikethrough") == 0)
            open = "<s>", close = "</s>";
          break;
        }
      if (open != NULL)
        g_string_append (out, open);
      cell_markup (n, out);
      if (close != NULL)
        g_string_append (out, close);
    }
}

/* A link in a cell goes where a link in the text goes: the widget that
 * shows the preview may install "preview.follow-link"; without it, the
 * label opens the address itself. */
static gboolean
cell_link_cb (GtkLabel   *label,
              const char *uri)
{
  return gtk_widget_activate_action (GTK_WIDGET (label), "preview.follow-link", "s", uri);
}

/* A table as a real grid of labels: Pango measures every cell, so Chinese
 * and other wide characters line up, and long cells wrap instead of
 * stretching the page. Its lines come from style.css (.markdown-table). */
static void
render_table (Renderer   *r,
              cmark_node *table)
{
  GtkWidget *grid = gtk_grid_new ();
  uint8_t *alignments = cmark_gfm_extensions_get_table_alignments (table);
  guint columns = cmark_gfm_extensions_get_table_columns (table);
  GtkTextChildAnchor *anchor;
  GtkTextIter end;
  int y = 0;

  gtk_widget_add_css_class (grid, "markdown-table");
  gtk_widget_set_overflow (grid, GTK_OVERFLOW_HIDDEN);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 1);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 1);
  for (cmark_node *row = cmark_node_first_child (table); row; row = cmark_node_next (row), y++)
    {
      gboolean header = cmark_gfm_extensions_get_table_row_is_header (row);
      int x = 0;

      for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell), x++)
        {
          g_autoptr(GString) markup = g_string_new (NULL);
          GtkWidget *label = gtk_label_new (NULL);
          char align = alignments != NULL && (guint) x < columns ? (char) alignments[x] : 'l';

          cell_markup (cell, markup);
          gtk_label_set_markup (GTK_LABEL (label), markup->str);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          /* The text view gives a child its minimum width: a short cell
           * keeps its whole text on one line, a long one wraps from 20
           * columns (a Chinese character being two) up to 40. */
          gtk_label_set_width_chars (GTK_LABEL (label), MIN (lia_display_width (gtk_label_get_text (GTK_LABEL (label))), 20));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), align == 'r' ? 1.0 : align == 'c' ? 0.5 : 0.0);
          gtk_label_set_yalign (GTK_LABEL (label), 0.0);
          gtk_widget_set_hexpand (label, FALSE);
          gtk_widget_set_vexpand (label, TRUE);
          if (header)
            gtk_widget_add_css_class (label, "header");
          g_signal_connect (label, "activate-link", G_CALLBACK (cell_link_cb), NULL);
          gtk_grid_attach (GTK_GRID (grid), label, x, y, 1, 1);
        }
      /* A short row still shows the table's lines to the last column. */
      for (; (guint) x < columns; x++)
        {
          GtkWidget *label = gtk_label_new (NULL);

          if (header)
            gtk_widget_add_css_class (label, "header");
          gtk_grid_attach (GTK_GRID (grid), label, x, y, 1, 1);
        }
    }

  newline (r);
  gtk_text_buffer_get_end_iter (r->buffer, &end);
  anchor = gtk_text_buffer_create_child_anchor (r->buffer, &end);
  gtk_text_view_add_child_at_anchor (r->view, grid, anchor);
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
lia_markdown_render (GtkTextView *view,
                     const char  *markdown)
{
  cmark_parser *parser;
  cmark_syntax_extension *extension;
  cmark_node *document;
  GtkTextBuffer *buffer;
  Renderer r = { view, NULL, g_ptr_array_new (), 0 };

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = r.buffer = gtk_text_view_get_buffer (view);

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
