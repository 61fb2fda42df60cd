/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-field-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lia-calendar.h"
#include "lia-entity-private.h"
#include "lia-field-check.h"
#include "lia-model.h"
#include "lia-tz-names.h"
#include "lia-workspace.h"

/* One rule book for every field.  The reader once had these checks to
 * itself while the views kept their own, looser copies; a task due on
 * 2026-02-30 was then saved by one and refused by the other.  Now the
 * reader, LiaHistory, the writer and the views all call these. */

/* Nested JSON values (a contract field's default) sit a few levels below
 * the top; leave the reader's depth limit room for the entities above. */
#define MAX_JSON_VALUE_DEPTH (LIA_WORKSPACE_MAX_DEPTH - 16)

G_DEFINE_QUARK (lia-field-error-quark, lia_field_error)

G_GNUC_PRINTF (2, 3)
static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  *error = g_error_new_valist (LIA_FIELD_ERROR, LIA_FIELD_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
parse_two_digits (const char *s,
                  int        *out)
{
  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]))
    return FALSE;
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  return TRUE;
}

static gboolean
is_date (const char *s)
{
  int y1, y2, m, d;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  if (!parse_two_digits (s, &y1) || !parse_two_digits (s + 2, &y2) ||
      !parse_two_digits (s + 5, &m) || !parse_two_digits (s + 8, &d))
    return FALSE;
  return m >= 1 && m <= 12 && d >= 1 && y1 * 100 + y2 >= 1 &&
         g_date_valid_dmy (d, m, y1 * 100 + y2);
}

static gboolean
is_time (const char *s)
{
  int h, m;

  if (strlen (s) != 5 || s[2] != ':')
    return FALSE;
  if (!parse_two_digits (s, &h) || !parse_two_digits (s + 3, &m))
    return FALSE;
  return (h < 24 && m < 60) || (h == 24 && m == 0);
}

static gboolean
is_datetime (const char *s)
{
  char date[11];

  if (strlen (s) != 16 || s[10] != 'T')
    return FALSE;
  memcpy (date, s, 10);
  date[10] = '\0';
  return is_date (date) && is_time (s + 11) && !g_str_has_prefix (s + 11, "24");
}

static gboolean
is_zone (const char *s)
{
  /* A name from the system's zone list: never a path (GLib would open any
   * file it is given), an offset like "+08:00" or a POSIX rule like
   * "XYZ3", so daylight saving time is right. */
  return lia_tz_is_known_zone (s);
}

/* What the file can hold exactly: UTF-8 without lone surrogates (GLib's
 * validator refuses those) and within the reader's size limit. */
gboolean
lia_text_is_holdable (const char *text,
                      gssize      length,
                      GError    **error)
{
  const char *end = NULL;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (memchr (text, '\0', len) != NULL)
    return invalid (error, _("the text contains a NUL character"));
  if (!g_utf8_validate (text, len, &end))
    return invalid (error, _("the text is not valid UTF-8 (at byte %zu)"), (gsize) (end - text));
  if (len > LIA_WORKSPACE_MAX_STRING)
    return invalid (error, ngettext ("the text is too long (%zu byte; at most %d)",
                                     "the text is too long (%zu bytes; at most %d)", len),
                    len, LIA_WORKSPACE_MAX_STRING);
  return TRUE;
}

gboolean
lia_field_spec_check_text (const LiaFieldSpec *spec,
                           const char         *s,
                           GError            **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);

  if (s == NULL)
    s = "";
  if (!lia_text_is_holdable (s, -1, error))
    return FALSE;
  return lia_field_spec_check_text_rules (spec, s, error);
}

/* A value as an error message quotes it: a refused megabyte of text (or
 * a pasted paragraph) must not become the message, the tooltip or a log
 * line of that size. */
static char *
quoted (const char *s)
{
  const char *end = s;
  guint chars = 0;

  while (*end != '\0' && chars < 64)
    {
      end = g_utf8_next_char (end);
      chars++;
    }
  if (*end == '\0')
    return g_strdup (s);
  {
    g_autofree char *head = g_strndup (s, end - s);
    return g_strconcat (head, "…", NULL);
  }
}

/* The field's own rules for text already known to be holdable: the
 * reader's strict pass has checked every string of the file for UTF-8,
 * NUL and surrogates, so it asks only this (and the length). */
gboolean
lia_field_spec_check_text_rules (const LiaFieldSpec *spec,
                                 const char         *s,
                                 GError            **error)
{
  g_autofree char *q = NULL;

  g_return_val_if_fail (spec != NULL && s != NULL, FALSE);

  if (s[0] == '\0')
    {
      if (spec->flags & LIA_SPEC_REQUIRED)
        return invalid (error, _("must not be empty"));
      return TRUE;
    }

  switch (spec->check)
    {
    case LIA_CHECK_CHOICE:
      if (!g_strv_contains (spec->choices, s))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) spec->choices);
          return invalid (error, _("“%s” is not one of: %s"), (q = quoted (s)), allowed);
        }
      break;
    case LIA_CHECK_DATE:
      if (!is_date (s))
        return invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), (q = quoted (s)));
      break;
    case LIA_CHECK_TIME:
      if (!is_time (s))
        return invalid (error, _("“%s” is not a time of day (HH:MM)"), (q = quoted (s)));
      break;
    case LIA_CHECK_DATETIME:
      if (!is_datetime (s))
        return invalid (error, _("“%s” is not a local date and time (YYYY-MM-DDTHH:MM)"), (q = quoted (s)));
      break;
    case LIA_CHECK_TIMESTAMP:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, NULL);
        if (dt == NULL)
          return invalid (error, _("“%s” is not an ISO 8601 timestamp with a time zone"), (q = quoted (s)));
      }
      break;
    case LIA_CHECK_ZONE:
      if (!is_zone (s))
        return invalid (error, _("“%s” is not a known IANA time zone (like Europe/Berlin)"), (q = quoted (s)));
      break;
    case LIA_CHECK_WEEKDAYS:
      if (!g_strv_contains (lia_weekday_choices, s))
        return invalid (error, _("“%s” is not a weekday (mon, tue, wed, thu, fri, sat, sun)"), (q = quoted (s)));
      break;
    case LIA_CHECK_CALENDAR_SOURCE:
      if (lia_calendar_source_kind (s) == LIA_CALENDAR_SOURCE_INVALID)
        return invalid (error, _("“%s” is not a calendar address (https://, webcal:// or caldav:https://)"),
                        (q = quoted (s)));
      break;
    case LIA_CHECK_MEMBER_REFS:
      /* Whether the id names a member is the workspace's question. */
    case LIA_CHECK_NONE:
    default:
      break;
    }

  return TRUE;
}

gboolean
lia_field_spec_check_int (const LiaFieldSpec *spec,
                          gint64              v,
                          GError            **error)
{
  double lo, hi;

  g_return_val_if_fail (spec != NULL, FALSE);

  lo = (spec->flags & LIA_SPEC_RANGED) ? spec->min : G_MININT;
  hi = (spec->flags & LIA_SPEC_RANGED) ? spec->max : G_MAXINT;
  if (v < lo || v > hi)
    return invalid (error, _("must be between %.0f and %.0f (found %lld)"), lo, hi, (long long) v);
  return TRUE;
}

gboolean
lia_field_spec_check_double (const LiaFieldSpec *spec,
                             double              v,
                             GError            **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);

  /* The file has no infinity; an empty optional number is NaN (null). */
  if (isnan (v) && (spec->flags & LIA_SPEC_OPTIONAL))
    return TRUE;
  if (!isfinite (v))
    return invalid (error, _("expected a finite number"));
  if ((spec->flags & LIA_SPEC_RANGED) && (v < spec->min || v > spec->max))
    return invalid (error, _("must be between %g and %g (found %g)"), spec->min, spec->max, v);
  return TRUE;
}

gboolean
lia_field_spec_check_strv (const LiaFieldSpec *spec,
                           const char * const *strv,
                           GError            **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);

  if (strv == NULL)
    return TRUE;

  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!lia_field_spec_check_text (spec, strv[i], &local_error))
        return invalid (error, "[%u]: %s", i, local_error->message);
      if (spec->check == LIA_CHECK_WEEKDAYS || spec->check == LIA_CHECK_MEMBER_REFS)
        for (guint j = 0; j < i; j++)
          if (g_str_equal (strv[i], strv[j]))
            return invalid (error, "[%u]: %s", i, _("listed twice"));
    }
  return TRUE;
}

static gboolean
check_json (JsonNode *node,
            guint     depth,
            GError  **error)
{
  if (node == NULL)
    return TRUE;
  if (depth > MAX_JSON_VALUE_DEPTH)
    return invalid (error, ngettext ("nested more than %u level deep", "nested more than %u levels deep", MAX_JSON_VALUE_DEPTH),
                    (guint) MAX_JSON_VALUE_DEPTH);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &key, &member))
          if (!lia_text_is_holdable (key, -1, error) || !check_json (member, depth + 1, error))
            return FALSE;
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!check_json (json_array_get_element (array, i), depth + 1, error))
            return FALSE;
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return lia_text_is_holdable (json_node_get_string (node), -1, error);
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node)))
        return invalid (error, _("expected a finite number"));
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  return TRUE;
}

gboolean
lia_field_spec_check_value (const LiaFieldSpec *spec,
                            const GValue       *value,
                            GError            **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  switch (spec->kind)
    {
    case LIA_KIND_STRING:
      return lia_field_spec_check_text (spec, g_value_get_string (value), error);
    case LIA_KIND_INT:
      return lia_field_spec_check_int (spec, g_value_get_int (value), error);
    case LIA_KIND_DOUBLE:
      return lia_field_spec_check_double (spec, g_value_get_double (value), error);
    case LIA_KIND_BOOLEAN:
      return TRUE;
    case LIA_KIND_STRV:
      return lia_field_spec_check_strv (spec, g_value_get_boxed (value), error);
    case LIA_KIND_JSON:
      return check_json (g_value_get_boxed (value), 0, error);
    case LIA_KIND_CHILD:
      if (g_value_get_object (value) == NULL)
        return TRUE;
      return lia_entity_check (g_value_get_object (value), error);
    case LIA_KIND_LIST:
      {
        GListModel *list = g_value_get_object (value);

        for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
          {
            g_autoptr(LiaEntity) item = g_list_model_get_item (list, i);
            g_autoptr(GError) local_error = NULL;

            if (!lia_entity_check (item, &local_error))
              return invalid (error, "[%u]%s%s", i,
                              local_error->message[0] == '.' || local_error->message[0] == '[' ? "" : ": ",
                              local_error->message);
          }
      }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

gboolean
lia_entity_check_value (LiaEntity    *self,
                        guint         field,
                        const GValue *value,
                        GError      **error)
{
  const LiaFieldSpec *spec;

  g_return_val_if_fail (LIA_IS_ENTITY (self), FALSE);

  spec = lia_entity_get_field_spec (self, field);
  g_return_val_if_fail (spec != NULL, FALSE);

  return lia_field_spec_check_value (spec, value, error);
}

gboolean
lia_entity_check_string (LiaEntity  *self,
                         guint       field,
                         const char *text,
                         GError    **error)
{
  const LiaFieldSpec *spec;

  g_return_val_if_fail (LIA_IS_ENTITY (self), FALSE);

  spec = lia_entity_get_field_spec (self, field);
  g_return_val_if_fail (spec != NULL && spec->kind == LIA_KIND_STRING, FALSE);

  return lia_field_spec_check_text (spec, text, error);
}

/* Every field of @self and of the entities inside it.  References to
 * other entities are the workspace's to check (lia_workspace_check). The
 * error names the first bad field as a path from @self: “steps[1].text:
 * must not be empty”. */
gboolean
lia_entity_check (LiaEntity *self,
                  GError   **error)
{
  LiaEntityClass *klass;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIA_IS_ENTITY (self), FALSE);

  klass = LIA_ENTITY_GET_CLASS (self);
  if (!lia_entity_get_checked (self) && klass->has_id && !g_uuid_string_is_valid (lia_entity_get_id (self)))
    return invalid (error, _("id: “%.64s” is not a UUID"), lia_entity_get_id (self));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      gboolean nested = klass->fields[i].kind == LIA_KIND_LIST || klass->fields[i].kind == LIA_KIND_CHILD;

      /* Own fields that passed and have not changed since are not read
       * again; the entities inside keep their own mark. */
      if (!nested && lia_entity_get_checked (self))
        continue;
      if (!lia_field_spec_check_value (&klass->fields[i], lia_entity_peek_value (self, i), &local_error))
        {
          const char *m = local_error->message;
          return invalid (error, "%s%s%s", klass->json_keys[i], m[0] == '[' ? "" : ": ", m);
        }
    }
  lia_entity_set_checked (self, TRUE);

  if (lia_entity_get_remote (self) != NULL &&
      !lia_entity_check (LIA_ENTITY (lia_entity_get_remote (self)), &local_error))
    return invalid (error, "remote.%s", local_error->message);

  return TRUE;
}

gboolean
lia_field_spec_is_reference (const LiaFieldSpec *spec)
{
  g_return_val_if_fail (spec != NULL, FALSE);

  return spec->check == LIA_CHECK_MEMBER_REFS;
}

/* ---- what people type ---- */

static char *
squeeze (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  return g_strdup (g_strstrip (copy));
}

/* Three groups of digits (or two and a month name): anything less leaves
 * GDate to fill in from today, which would make the result depend on the
 * day it was typed. */
static gboolean
looks_like_full_date (const char *s)
{
  guint groups = 0;
  gboolean in_digits = FALSE, letters = FALSE;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (!in_digits)
            groups++;
          in_digits = TRUE;
        }
      else
        {
          in_digits = FALSE;
          if (g_unichar_isalpha (c))
            letters = TRUE;
        }
    }
  return groups == 3 || (groups == 2 && letters);
}

char *
lia_parse_user_date (const char *text)
{
  g_autofree char *s = squeeze (text);
  g_autoptr(GDate) date = NULL;
  char buf[16];
  int y, m, d;
  char tail;

  if (s[0] == '\0')
    return NULL;
  if (is_date (s))
    return g_steal_pointer (&s);

  /* ISO with one-digit parts or slashes: 2026-2-3, 2026/02/03. */
  if (sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
      sscanf (s, "%4d/%2d/%2d%c", &y, &m, &d, &tail) == 3 ||
      sscanf (s, "%4d.%2d.%2d%c", &y, &m, &d, &tail) == 3)
    {
      if (y >= 1000 && g_date_valid_dmy (d, m, y))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      return NULL;
    }

  if (!looks_like_full_date (s))
    return NULL;

  /* The locale's own order (9/12/2026 is 9 December in en_GB, September
   * in en_US); GDate reads it from the C library's date format. */
  date = g_date_new ();
  g_date_set_parse (date, s);
  if (!g_date_valid (date) || g_date_get_year (date) < 1000)
    return NULL;
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

char *
lia_parse_user_time (const char *text)
{
  g_autofree char *s = squeeze (text);
  g_autofree char *lower = NULL;
  int h = -1, m = 0, consumed = 0;
  const char *rest;

  if (s[0] == '\0')
    return NULL;
  if (is_time (s))
    return g_steal_pointer (&s);

  if (sscanf (s, "%2d:%2d%n", &h, &m, &consumed) != 2 &&
      sscanf (s, "%2d.%2d%n", &h, &m, &consumed) != 2)
    {
      m = 0;
      if (sscanf (s, "%2d%n", &h, &consumed) != 1)
        return NULL;
    }

  lower = g_ascii_strdown (s + consumed, -1);
  rest = g_strstrip (lower);
  if (g_str_equal (rest, "pm") || g_str_equal (rest, "p.m.") || g_str_equal (rest, "p"))
    {
      if (h < 1 || h > 12)
        return NULL;
      h = h % 12 + 12;
    }
  else if (g_str_equal (rest, "am") || g_str_equal (rest, "a.m.") || g_str_equal (rest, "a"))
    {
      if (h < 1 || h > 12)
        return NULL;
      h = h % 12;
    }
  else if (rest[0] != '\0')
    return NULL;

  if (h < 0 || h > 23 || m < 0 || m > 59)
    return NULL;
  return g_strdup_printf ("%02d:%02d", h, m);
}

char *
lia_parse_user_datetime (const char *text)
{
  g_autofree char *s = squeeze (text);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  char *split;

  if (is_datetime (s))
    return g_steal_pointer (&s);

  /* The time is the last word (or what follows a 'T'); “9/12/2026 3:30
   * pm” has two words after the date, so try one and then two. */
  split = strchr (s, 'T');
  if (split != NULL && g_ascii_isdigit (split[1]) && split > s && g_ascii_isdigit (split[-1]))
    {
      *split = '\0';
      date = lia_parse_user_date (s);
      time = lia_parse_user_time (split + 1);
    }
  else
    {
      for (int words = 1; words <= 2 && (date == NULL || time == NULL); words++)
        {
          char *p = s + strlen (s);
          int seen = 0;

          g_clear_pointer (&date, g_free);
          g_clear_pointer (&time, g_free);
          while (p > s && seen < words)
            {
              p--;
              if (*p == ' ' && (p[1] != ' '))
                seen++;
            }
          if (seen < words)
            break;
          {
            g_autofree char *head = g_strndup (s, p - s);
            date = lia_parse_user_date (head);
            time = lia_parse_user_time (p + 1);
          }
        }
    }

  if (date == NULL || time == NULL || g_str_has_prefix (time, "24"))
    return NULL;
  return g_strdup_printf ("%sT%s", date, time);
}
