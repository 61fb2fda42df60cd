/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-text-merge"

#include "config.h"

#include <string.h>

#include "lia-text-merge.h"

/* Myers' O((N+M)·D) difference algorithm, keeping one frontier per edit
 * distance so the path can be walked back.  Texts that teammates both
 * changed are short and mostly alike, so D stays small; the common head
 * and tail are cut off first. */
void
lia_diff_match_ints (const guint *a,
                     guint        n_a,
                     const guint *b,
                     guint        n_b,
                     int         *a_to_b)
{
  guint head = 0, tail = 0;
  int n, m, max, offset;
  g_autoptr(GPtrArray) trace = NULL;
  int d_found = -1;

  for (guint i = 0; i < n_a; i++)
    a_to_b[i] = -1;
  while (head < n_a && head < n_b && a[head] == b[head])
    {
      a_to_b[head] = head;
      head++;
    }
  while (tail < n_a - head && tail < n_b - head && a[n_a - 1 - tail] == b[n_b - 1 - tail])
    {
      a_to_b[n_a - 1 - tail] = n_b - 1 - tail;
      tail++;
    }

  a += head;
  b += head;
  a_to_b += head;
  n = n_a - head - tail;
  m = n_b - head - tail;
  if (n == 0 || m == 0)
    return;

  max = n + m;
  offset = max + 1;
  trace = g_ptr_array_new_with_free_func (g_free);
  {
    int *v = g_new0 (int, 2 * max + 3);

    for (int d = 0; d <= max && d_found < 0; d++)
      {
        int *slice;

        for (int k = -d; k <= d; k += 2)
          {
            int x, y;

            if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
              x = v[offset + k + 1];
            else
              x = v[offset + k - 1] + 1;
            y = x - k;
            while (x < n && y < m && a[x] == b[y])
              x++, y++;
            v[offset + k] = x;
            if (x >= n && y >= m)
              {
                d_found = d;
                break;
              }
          }
        /* Only diagonals -d…d are reached after d steps. */
        slice = g_new (int, 2 * d + 1);
        memcpy (slice, v + offset - d, sizeof (int) * (2 * d + 1));
        g_ptr_array_add (trace, slice);
      }
    g_free (v);
  }

  /* Walk back from (n, m): each edit step came from a neighbouring
   * diagonal, and the diagonal run after it is a stretch of matches. */
  {
    int x = n, y = m;

    for (int d = d_found; d > 0; d--)
      {
        /* the frontier after d - 1 steps, diagonal k at k + d - 1 */
        const int *v = g_ptr_array_index (trace, d - 1);
        int k = x - y, prev_k, prev_x, prev_y, start_x;

        if (k == -d || (k != d && v[k - 1 + d - 1] < v[k + 1 + d - 1]))
          prev_k = k + 1;
        else
          prev_k = k - 1;
        prev_x = v[prev_k + d - 1];
        prev_y = prev_x - prev_k;
        start_x = prev_k == k + 1 ? prev_x : prev_x + 1;
        while (x > start_x)
          {
            a_to_b[x - 1] = y - 1 + head;
            x--, y--;
          }
        x = prev_x;
        y = prev_y;
      }
    while (x > 0 && y > 0)
      {
        a_to_b[x - 1] = y - 1 + head;
        x--, y--;
      }
  }
}

typedef struct
{
  GPtrArray *lines;   /* borrowed pieces of the text, each with its newline */
  guint     *codes;
} Lines;

static void
split_lines (const char *text,
             GHashTable *codes,
             Lines      *out)
{
  const char *p = text ? text : "";

  out->lines = g_ptr_array_new_with_free_func (g_free);
  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl ? (gsize) (nl - p + 1) : strlen (p);

      g_ptr_array_add (out->lines, g_strndup (p, len));
      p += len;
    }
  out->codes = g_new (guint, out->lines->len + 1);
  for (guint i = 0; i < out->lines->len; i++)
    {
      const char *line = g_ptr_array_index (out->lines, i);
      gpointer code;

      if (!g_hash_table_lookup_extended (codes, line, NULL, &code))
        {
          code = GUINT_TO_POINTER (g_hash_table_size (codes) + 1);
          g_hash_table_insert (codes, (gpointer) line, code);
        }
      out->codes[i] = GPOINTER_TO_UINT (code);
    }
}

static gboolean
ranges_equal (const Lines *x, guint x0, guint x1,
              const Lines *y, guint y0, guint y1)
{
  if (x1 - x0 != y1 - y0)
    return FALSE;
  for (guint i = 0; i < x1 - x0; i++)
    if (x->codes[x0 + i] != y->codes[y0 + i])
      return FALSE;
  return TRUE;
}

static void
append_range (GString *out, const Lines *l, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    g_string_append (out, g_ptr_array_index (l->lines, i));
}

/* diff3: walk the base; where a base line is kept by both sides the
 * three texts are in step, and between two such lines each side either
 * kept the base's lines, or both made the same change, or they clash. */
char *
lia_text_merge3 (const char *base,
                 const char *ours,
                 const char *theirs)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  Lines b, o, t;
  g_autofree int *b_to_o = NULL, *b_to_t = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean clean = TRUE;
  guint i = 0, j = 0, k = 0;

  split_lines (base, codes, &b);
  split_lines (ours, codes, &o);
  split_lines (theirs, codes, &t);
  b_to_o = g_new (int, b.lines->len + 1);
  b_to_t = g_new (int, b.lines->len + 1);
  lia_diff_match_ints (b.codes, b.lines->len, o.codes, o.lines->len, b_to_o);
  lia_diff_match_ints (b.codes, b.lines->len, t.codes, t.lines->len, b_to_t);

  while (clean)
    {
      guint i2 = i, j2, k2;

      /* Lines in step on all three. */
      while (i < b.lines->len && b_to_o[i] == (int) j && b_to_t[i] == (int) k)
        {
          g_string_append (out, g_ptr_array_index (b.lines, i));
          i++, j++, k++;
        }
      if (i >= b.lines->len && j >= o.lines->len && k >= t.lines->len)
        break;

      /* The next base line both sides kept ends the unstable stretch. */
      for (i2 = i; i2 < b.lines->len; i2++)
        if (b_to_o[i2] >= 0 && b_to_t[i2] >= 0)
          break;
      j2 = i2 < b.lines->len ? (guint) b_to_o[i2] : o.lines->len;
      k2 = i2 < b.lines->len ? (guint) b_to_t[i2] : t.lines->len;

      if (ranges_equal (&o, j, j2, &b, i, i2))
        append_range (out, &t, k, k2);
      else if (ranges_equal (&t, k, k2, &b, i, i2))
        append_range (out, &o, j, j2);
      else if (ranges_equal (&o, j, j2, &t, k, k2))
        append_range (out, &o, j, j2);
      else
        clean = FALSE;
      i = i2, j = j2, k = k2;
    }

  g_ptr_array_unref (b.lines);
  g_ptr_array_unref (o.lines);
  g_ptr_array_unref (t.lines);
  g_free (b.codes);
  g_free (o.codes);
  g_free (t.codes);
  return clean ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
