/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-json-strict"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lia-json-strict.h"
#include "lia-workspace.h"

/* A strict JSON pass run before json-glib.  json-glib quietly changes
 * what it cannot hold (a duplicate key wins, integers wrap, 1e400 turns
 * into infinity, "\u0000" cuts a string, text after the value or in
 * single quotes is accepted), and what Liaison reads it later writes;
 * this pass refuses all of that with a line and a column instead.
 *
 * It is one linear scan over the bytes with no allocation per value: the
 * only memory is a stack of open containers, the keys of the objects that
 * are still open (offsets, not copies, unless a key has escapes) and a
 * hash index for objects with many keys.  Errors are located after the
 * fact, so the hot loops do not count lines. */

/* Up to this many keys an object's keys are compared one by one; past it
 * they get a hash index, so one object with 100k keys stays linear. */
#define SMALL_OBJECT 16

/* Longest key or number shown in a message, in characters. */
#define SHOWN_MAX 40

typedef struct
{
  gsize    offset;     /* into the data, or into scratch when in_scratch */
  gsize    length;
  guint32  hash;
  gboolean in_scratch;
} Key;

typedef struct
{
  gboolean is_object;
  guint    first_key;       /* index in keys of this object's first key */
  guint    scratch_start;   /* scratch length when the object opened */
  guint32 *slots;           /* hash index: 0 empty, else key index + 1 */
  guint32  mask;
} Level;

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
  guint         max_depth;
  guint32       seed;
  GArray       *levels;    /* Level */
  GArray       *keys;      /* Key */
  GByteArray   *scratch;   /* decoded keys that had escapes */
  GError      **error;
} Checker;

typedef enum
{
  EXPECT_VALUE,
  EXPECT_KEY,
  EXPECT_COLON,
  EXPECT_OBJECT_NEXT,
  EXPECT_ARRAY_NEXT,
} Expect;

/* Byte classes inside a string: 0 is an ordinary ASCII byte. */
enum
{
  PLAIN,
  QUOTE,
  BACKSLASH,
  CONTROL,
  HIGH,
};

static const guint8 string_class[256] = {
  [0x00 ... 0x1f] = CONTROL,
  ['"'] = QUOTE,
  ['\\'] = BACKSLASH,
  [0x80 ... 0xff] = HIGH,
};

static void
locate (const guchar *data,
        gsize         at,
        guint        *line,
        guint        *column)
{
  const guchar *line_start = data;
  const guchar *end = data + at;
  const guchar *nl;

  *line = 1;
  while (line_start < end && (nl = memchr (line_start, '\n', end - line_start)) != NULL)
    {
      (*line)++;
      line_start = nl + 1;
    }
  /* Everything before @at has been checked to be UTF-8. */
  *column = (guint) g_utf8_strlen ((const char *) line_start, end - line_start) + 1;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Checker    *c,
      gsize       at,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  locate (c->data, at, &line, &column);
  /* Translators: a place in a JSON text, then what is wrong there */
  g_set_error (c->error, LIA_WORKSPACE_ERROR, LIA_WORKSPACE_ERROR_NOT_JSON,
               _("line %u, column %u: %s"), line, column, problem);
  return FALSE;
}

static gboolean
fail_end (Checker *c)
{
  return fail (c, c->length, "%s", _("the text ends before the JSON value is complete"));
}

/* Length of the well-formed UTF-8 sequence at @p (no overlong forms, no
 * encoded surrogates, nothing past U+10FFFF), or 0. */
static inline guint
utf8_sequence (const guchar *p,
               gsize         avail)
{
  guchar b = p[0];

  if (b < 0x80)
    return 1;
  if (b >= 0xc2 && b <= 0xdf)
    return avail >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef)
    {
      guchar lo = b == 0xe0 ? 0xa0 : 0x80;
      guchar hi = b == 0xed ? 0x9f : 0xbf;

      return avail >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 ? 3 : 0;
    }
  if (b >= 0xf0 && b <= 0xf4)
    {
      guchar lo = b == 0xf0 ? 0x90 : 0x80;
      guchar hi = b == 0xf4 ? 0x8f : 0xbf;

      return avail >= 4 && p[1] >= lo && p[1] <= hi &&
             (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80 ? 4 : 0;
    }
  return 0;
}

/* A key or number as it appears in a message: short, one line. */
static char *
shown (const guchar *s,
       gsize         length)
{
  GString *out = g_string_new (NULL);
  const guchar *end = s + length;
  guint n = 0;

  while (s < end)
    {
      guint step = utf8_sequence (s, end - s);

      if (n++ == SHOWN_MAX)
        {
          g_string_append (out, "…");
          break;
        }
      if (step == 0)
        step = 1;
      if (*s < 0x20)
        g_string_append_printf (out, "\\u%04x", *s);
      else
        g_string_append_len (out, (const char *) s, step);
      s += step;
    }
  return g_string_free (out, FALSE);
}

static gboolean
fail_unexpected (Checker *c,
                 gsize    at,
                 Expect   expect)
{
  const guchar *p = c->data + at;
  g_autofree char *what = NULL;
  guint step;

  if (*p == '/' && at + 1 < c->length && (p[1] == '/' || p[1] == '*'))
    return fail (c, at, "%s", _("comments are not allowed in JSON"));
  if (*p == '\'' && (expect == EXPECT_VALUE || expect == EXPECT_KEY))
    return fail (c, at, "%s", _("single quotes are not allowed in JSON; strings use double quotes"));

  step = utf8_sequence (p, c->length - at);
  if (step == 0)
    return fail (c, at, _("the text is not valid UTF-8 (byte 0x%02X)"), *p);
  if (*p < 0x20 || *p == 0x7f)
    what = g_strdup_printf ("U+%04X", *p);
  else
    what = g_strndup ((const char *) p, step);

  switch (expect)
    {
    case EXPECT_VALUE:
      return fail (c, at, _("unexpected character “%s”; expected a value"), what);
    case EXPECT_KEY:
      return fail (c, at, _("unexpected character “%s”; expected a key in double quotes"), what);
    case EXPECT_COLON:
      return fail (c, at, _("unexpected character “%s”; expected “:” after the key"), what);
    case EXPECT_OBJECT_NEXT:
      return fail (c, at, _("unexpected character “%s”; expected “,” or “}”"), what);
    case EXPECT_ARRAY_NEXT:
    default:
      return fail (c, at, _("unexpected character “%s”; expected “,” or “]”"), what);
    }
}

static inline gint
hex_value (guchar b)
{
  if (b >= '0' && b <= '9')
    return b - '0';
  if (b >= 'a' && b <= 'f')
    return b - 'a' + 10;
  if (b >= 'A' && b <= 'F')
    return b - 'A' + 10;
  return -1;
}

/* The four hex digits after "\u" at @at (the backslash). */
static gboolean
read_hex4 (Checker *c,
           gsize    at,
           guint   *value)
{
  *value = 0;
  for (guint i = 2; i < 6; i++)
    {
      gint v;

      if (at + i >= c->length)
        return fail_end (c);
      v = hex_value (c->data[at + i]);
      if (v < 0)
        return fail (c, at, "%s", _("“\\u” must be followed by four hexadecimal digits"));
      *value = (*value << 4) | (guint) v;
    }
  return TRUE;
}

/* Scans the string whose opening quote is at c->pos and leaves c->pos
 * after the closing quote. */
static gboolean
scan_string (Checker  *c,
             gboolean *escaped)
{
  const guchar *d = c->data;
  gsize length = c->length;
  gsize p = c->pos + 1;

  *escaped = FALSE;
  for (;;)
    {
      guint step;
      guint u, low;

      while (p < length && string_class[d[p]] == PLAIN)
        p++;
      if (p >= length)
        return fail_end (c);

      switch (string_class[d[p]])
        {
        case QUOTE:
          c->pos = p + 1;
          return TRUE;

        case CONTROL:
          return fail (c, p, _("the control character U+%04X must be written as an escape inside a string"), d[p]);

        case HIGH:
          step = utf8_sequence (d + p, length - p);
          if (step == 0)
            return fail (c, p, _("the text is not valid UTF-8 (byte 0x%02X)"), d[p]);
          p += step;
          break;

        case BACKSLASH:
        default:
          *escaped = TRUE;
          if (p + 1 >= length)
            return fail_end (c);
          switch (d[p + 1])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              p += 2;
              break;

            case 'u':
              if (!read_hex4 (c, p, &u))
                return FALSE;
              if (u == 0)
                return fail (c, p, "%s", _("the string contains “\\u0000”, a NUL character Liaison cannot hold"));
              if (u >= 0xdc00 && u <= 0xdfff)
                return fail (c, p, _("“\\u%04x” is the second half of a surrogate pair without a first half"), u);
              if (u >= 0xd800 && u <= 0xdbff)
                {
                  /* Only a low surrogate right after makes a character;
                   * json-glib would write anything else as invalid UTF-8. */
                  if (p + 6 >= length)
                    return fail_end (c);
                  if (d[p + 6] == '\\')
                    {
                      if (p + 7 >= length)
                        return fail_end (c);
                      if (d[p + 7] == 'u')
                        {
                          if (!read_hex4 (c, p + 6, &low))
                            return FALSE;
                          if (low >= 0xdc00 && low <= 0xdfff)
                            {
                              p += 12;
                              break;
                            }
                        }
                    }
                  return fail (c, p, _("“\\u%04x” is the first half of a surrogate pair without a second half"), u);
                }
              p += 6;
              break;

            default:
              if (d[p + 1] > 0x20 && d[p + 1] < 0x7f)
                return fail (c, p, _("“\\%c” is not a valid escape in a JSON string"), d[p + 1]);
              return fail (c, p, "%s", _("a backslash in a JSON string must start an escape such as “\\n” or “\\u00e9”"));
            }
          break;
        }
    }
}

static void
append_utf8 (GByteArray *out,
             gunichar    ch)
{
  guint8 buf[6];
  gint n = g_unichar_to_utf8 (ch, (char *) buf);

  g_byte_array_append (out, buf, n);
}

/* Decodes an already checked string body (between the quotes). */
static void
decode_into (GByteArray   *out,
             const guchar *s,
             const guchar *end)
{
  while (s < end)
    {
      const guchar *run = s;

      while (s < end && *s != '\\')
        s++;
      g_byte_array_append (out, run, s - run);
      if (s >= end)
        break;
      switch (s[1])
        {
        case 'b': g_byte_array_append (out, (const guint8 *) "\b", 1); s += 2; break;
        case 'f': g_byte_array_append (out, (const guint8 *) "\f", 1); s += 2; break;
        case 'n': g_byte_array_append (out, (const guint8 *) "\n", 1); s += 2; break;
        case 'r': g_byte_array_append (out, (const guint8 *) "\r", 1); s += 2; break;
        case 't': g_byte_array_append (out, (const guint8 *) "\t", 1); s += 2; break;
        case 'u':
          {
            gunichar u = 0;

            for (guint i = 2; i < 6; i++)
              u = (u << 4) | (gunichar) hex_value (s[i]);
            s += 6;
            if (u >= 0xd800 && u <= 0xdbff)
              {
                gunichar low = 0;

                for (guint i = 2; i < 6; i++)
                  low = (low << 4) | (gunichar) hex_value (s[i]);
                s += 6;
                u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
              }
            append_utf8 (out, u);
          }
          break;
        default:   /* " \ / */
          g_byte_array_append (out, s + 1, 1);
          s += 2;
          break;
        }
    }
}

static inline guint32
hash_bytes (guint32       seed,
            const guchar *s,
            gsize         length)
{
  guint64 h = seed ^ G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < length; i++)
    h = (h ^ s[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  return (guint32) h;
}

static inline const guchar *
key_bytes (Checker   *c,
           const Key *key)
{
  return key->in_scratch ? c->scratch->data + key->offset : c->data + key->offset;
}

static void
index_keys (Checker *c,
            Level   *level,
            guint32  size)
{
  const Key *keys = (const Key *) c->keys->data;

  g_free (level->slots);
  level->slots = g_new0 (guint32, size);
  level->mask = size - 1;
  for (guint i = level->first_key; i < c->keys->len; i++)
    {
      guint32 slot = keys[i].hash & level->mask;

      while (level->slots[slot] != 0)
        slot = (slot + 1) & level->mask;
      level->slots[slot] = i + 1;
    }
}

static gboolean
add_key (Checker      *c,
         Level        *level,
         gsize         at,
         const guchar *bytes,
         gsize         length,
         gsize         offset,
         gboolean      in_scratch)
{
  Key key = { offset, length, hash_bytes (c->seed, bytes, length), in_scratch };
  const Key *keys = (const Key *) c->keys->data;
  guint n;

  if (level->slots == NULL)
    {
      for (guint i = level->first_key; i < c->keys->len; i++)
        if (keys[i].hash == key.hash && keys[i].length == length &&
            memcmp (key_bytes (c, &keys[i]), bytes, length) == 0)
          goto duplicate;
    }
  else
    {
      guint32 slot = key.hash & level->mask;

      for (; level->slots[slot] != 0; slot = (slot + 1) & level->mask)
        {
          const Key *other = &keys[level->slots[slot] - 1];

          if (other->hash == key.hash && other->length == length &&
              memcmp (key_bytes (c, other), bytes, length) == 0)
            goto duplicate;
        }
      level->slots[slot] = c->keys->len + 1;
    }

  g_array_append_val (c->keys, key);
  n = c->keys->len - level->first_key;
  if (level->slots == NULL ? n > SMALL_OBJECT : n * 2 > level->mask + 1)
    index_keys (c, level, level->slots == NULL ? 64 : (level->mask + 1) * 2);
  return TRUE;

duplicate:
  {
    g_autofree char *name = shown (bytes, length);

    return fail (c, at, _("the key “%s” appears twice in this object"), name);
  }
}

/* Reads a key and its colon, with c->pos on the opening quote. */
static gboolean
scan_key (Checker *c,
          Level   *level)
{
  gsize start = c->pos;
  gboolean escaped;

  if (start >= c->length)
    return fail_end (c);
  if (c->data[start] != '"')
    return fail_unexpected (c, start, EXPECT_KEY);
  if (!scan_string (c, &escaped))
    return FALSE;

  if (!escaped)
    {
      if (!add_key (c, level, start, c->data + start + 1, c->pos - start - 2, start + 1, FALSE))
        return FALSE;
    }
  else
    {
      /* "a" and "\u0061" are the same key: compare what they decode to. */
      guint offset = c->scratch->len;

      decode_into (c->scratch, c->data + start + 1, c->data + c->pos - 1);
      if (!add_key (c, level, start, c->scratch->data + offset, c->scratch->len - offset, offset, TRUE))
        return FALSE;
    }

  while (c->pos < c->length && (c->data[c->pos] == ' ' || c->data[c->pos] == '\n' ||
                                c->data[c->pos] == '\r' || c->data[c->pos] == '\t'))
    c->pos++;
  if (c->pos >= c->length)
    return fail_end (c);
  if (c->data[c->pos] != ':')
    return fail_unexpected (c, c->pos, EXPECT_COLON);
  c->pos++;
  return TRUE;
}

static gboolean
double_is_finite (const guchar *s,
                  gsize         length)
{
  char buf[64];
  g_autofree char *heap = NULL;
  char *text = buf;

  if (length >= sizeof buf)
    text = heap = g_malloc (length + 1);
  memcpy (text, s, length);
  text[length] = '\0';
  return isfinite (g_ascii_strtod (text, NULL));
}

static gboolean
scan_number (Checker *c)
{
  const guchar *d = c->data;
  gsize length = c->length;
  gsize start = c->pos;
  gsize p = start;
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  gboolean overflow = FALSE;
  guint64 value = 0;
  gint64 magnitude = 0;   /* the value is below 10^magnitude */
  gint64 exponent = 0;
  gboolean exponent_negative = FALSE;

  if (d[p] == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p >= length)
    return fail_end (c);
  if (d[p] == '0')
    p++;
  else if (d[p] >= '1' && d[p] <= '9')
    {
      for (; p < length && g_ascii_isdigit (d[p]); p++)
        {
          guint digit = d[p] - '0';

          if (value > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            value = value * 10 + digit;
          magnitude++;
        }
    }
  else
    return fail_unexpected (c, p, EXPECT_VALUE);

  if (p < length && d[p] == '.')
    {
      integer = FALSE;
      p++;
      if (p >= length)
        return fail_end (c);
      if (!g_ascii_isdigit (d[p]))
        return fail_unexpected (c, p, EXPECT_VALUE);
      while (p < length && g_ascii_isdigit (d[p]))
        p++;
    }
  if (p < length && (d[p] == 'e' || d[p] == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < length && (d[p] == '+' || d[p] == '-'))
        exponent_negative = d[p++] == '-';
      if (p >= length)
        return fail_end (c);
      if (!g_ascii_isdigit (d[p]))
        return fail_unexpected (c, p, EXPECT_VALUE);
      for (; p < length && g_ascii_isdigit (d[p]); p++)
        if (exponent < 1000000)
          exponent = exponent * 10 + (d[p] - '0');
    }

  if (integer)
    {
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

      if (overflow || value > limit)
        {
          g_autofree char *number = shown (d + start, p - start);

          return fail (c, start, _("the number %s is too large for a whole number "
                                   "(Liaison holds −9223372036854775808 to 9223372036854775807)"), number);
        }
    }
  else
    {
      /* Below 10^308 a double is finite whatever its digits; only
       * numbers near or past DBL_MAX need the real conversion. */
      magnitude += exponent_negative ? -exponent : exponent;
      if (magnitude > 308 && !double_is_finite (d + start, p - start))
        {
          g_autofree char *number = shown (d + start, p - start);

          return fail (c, start, _("the number %s is out of range (too large for a double)"), number);
        }
    }

  c->pos = p;
  return TRUE;
}

static gboolean
scan_literal (Checker    *c,
              const char *literal,
              gsize       n)
{
  gsize avail = c->length - c->pos;

  for (gsize i = 0; i < n; i++)
    {
      if (i >= avail)
        return fail_end (c);
      if (c->data[c->pos + i] != (guchar) literal[i])
        return fail_unexpected (c, c->pos + i, EXPECT_VALUE);
    }
  c->pos += n;
  return TRUE;
}

static inline void
skip_space (Checker *c)
{
  const guchar *d = c->data;
  gsize p = c->pos;

  while (p < c->length && (d[p] == ' ' || d[p] == '\n' || d[p] == '\r' || d[p] == '\t'))
    p++;
  c->pos = p;
}

static void
pop_level (Checker *c)
{
  Level *level = &g_array_index (c->levels, Level, c->levels->len - 1);

  if (level->is_object)
    {
      g_free (level->slots);
      g_array_set_size (c->keys, level->first_key);
      g_byte_array_set_size (c->scratch, level->scratch_start);
    }
  g_array_set_size (c->levels, c->levels->len - 1);
}

static gboolean
check (Checker *c)
{
  const guchar *d = c->data;

  /* RFC 8259 lets a parser ignore a byte order mark; editors add one. */
  if (c->length >= 3 && d[0] == 0xef && d[1] == 0xbb && d[2] == 0xbf)
    c->pos = 3;

  for (;;)
    {
      Level *level;
      gboolean escaped;

      /* A value starts here. */
      skip_space (c);
      if (c->pos >= c->length)
        return fail_end (c);

      switch (d[c->pos])
        {
        case '{':
        case '[':
          if (c->levels->len >= c->max_depth)
            return fail (c, c->pos, ngettext ("nested more than %u level deep", "nested more than %u levels deep", c->max_depth),
                         c->max_depth);
          {
            Level opened = { d[c->pos] == '{', c->keys->len, c->scratch->len, NULL, 0 };

            g_array_append_val (c->levels, opened);
          }
          level = &g_array_index (c->levels, Level, c->levels->len - 1);
          c->pos++;
          skip_space (c);
          if (c->pos < c->length && d[c->pos] == (level->is_object ? '}' : ']'))
            {
              pop_level (c);
              c->pos++;
              break;
            }
          if (level->is_object && !scan_key (c, level))
            return FALSE;
          continue;

        case '"':
          if (!scan_string (c, &escaped))
            return FALSE;
          break;

        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (c))
            return FALSE;
          break;

        case 't':
          if (!scan_literal (c, "true", 4))
            return FALSE;
          break;

        case 'f':
          if (!scan_literal (c, "false", 5))
            return FALSE;
          break;

        case 'n':
          if (!scan_literal (c, "null", 4))
            return FALSE;
          break;

        default:
          return fail_unexpected (c, c->pos, EXPECT_VALUE);
        }

      /* After a value: close containers until a comma asks for another. */
      for (;;)
        {
          char close;

          skip_space (c);
          if (c->levels->len == 0)
            {
              if (c->pos < c->length)
                return fail (c, c->pos, "%s", _("there is text after the end of the JSON value"));
              return TRUE;
            }
          if (c->pos >= c->length)
            return fail_end (c);

          level = &g_array_index (c->levels, Level, c->levels->len - 1);
          close = level->is_object ? '}' : ']';
          if (d[c->pos] == close)
            {
              pop_level (c);
              c->pos++;
              continue;
            }
          if (d[c->pos] != ',')
            return fail_unexpected (c, c->pos, level->is_object ? EXPECT_OBJECT_NEXT : EXPECT_ARRAY_NEXT);

          {
            gsize comma = c->pos;

            c->pos++;
            skip_space (c);
            if (c->pos < c->length && d[c->pos] == close)
              return fail (c, comma, _("a comma before “%c” is not allowed in JSON"), close);
          }
          if (level->is_object && !scan_key (c, level))
            return FALSE;
          break;
        }
    }
}

gboolean
lia_json_check_strict (const char *data,
                       gsize       length,
                       guint       max_depth,
                       GError    **error)
{
  Checker c = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c.data = (const guchar *) (data ? data : "");
  c.length = length;
  c.max_depth = max_depth;
  /* Keys come from files and servers; a seed per call keeps crafted
   * colliding keys from making the hash index quadratic. */
  c.seed = g_random_int ();
  c.levels = g_array_new (FALSE, FALSE, sizeof (Level));
  c.keys = g_array_new (FALSE, FALSE, sizeof (Key));
  c.scratch = g_byte_array_new ();
  c.error = error;

  ok = check (&c);

  while (c.levels->len > 0)
    pop_level (&c);
  g_array_unref (c.levels);
  g_array_unref (c.keys);
  g_byte_array_unref (c.scratch);
  return ok;
}

gboolean
lia_json_string_is_holdable (const char *s,
                             gssize      len)
{
  g_return_val_if_fail (s != NULL || len == 0, FALSE);

  if (len == 0)
    return TRUE;
  /* g_utf8_validate() refuses encoded surrogates, and with a length it
   * also refuses a NUL byte inside it. */
  if (len < 0)
    return g_utf8_validate (s, -1, NULL);
  return g_utf8_validate_len (s, (gsize) len, NULL);
}
