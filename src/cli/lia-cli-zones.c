/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "lia-calendar-source.h"
#include "lia-cli.h"
#include "lia-export.h"
#include "lia-file-util.h"
#include "lia-slots.h"
#include "lia-workspace.h"

/* liaison-cli overlap and slots: the time-zone engine from the shell.
 * Busy times come from .ics files, from subscriptions and CalDAV
 * calendars given with --busy, or from each workspace member's
 * busy_source; a CalDAV calendar is read as LIAISON_CALDAV_USER (with
 * --busy) or the member's busy_user, with the password or token in
 * LIAISON_CALDAV_PASSWORD. */

static const char * const weekdays[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

typedef struct
{
  char      *from_text;
  char      *to_text;
  char      *workspace;
  char     **busy;
  gboolean   json;
  int        min;
  int        duration;
  int        count;
  int        weekly;

  gint64     from;
  gint64     to;
  GPtrArray *members;   /* LiaTzMember */
  LiaHttp   *http;      /* made for the first live calendar */
} ZoneArgs;

static void
zone_args_clear (ZoneArgs *args)
{
  g_free (args->from_text);
  g_free (args->to_text);
  g_free (args->workspace);
  g_strfreev (args->busy);
  g_clear_pointer (&args->members, g_ptr_array_unref);
  g_clear_object (&args->http);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZoneArgs, zone_args_clear)

static int
bad (GOptionContext *context,
     const char     *format,
     ...) G_GNUC_PRINTF (2, 3);

static int
bad (GOptionContext *context,
     const char     *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  if (context != NULL)
    g_printerr (_("Run “%s --help” for the options.\n"), g_get_prgname ());
  return LIA_CLI_EXIT_BAD_INPUT;
}

static LiaTzMember *
find_member (ZoneArgs   *args,
             const char *label)
{
  for (guint i = 0; i < args->members->len; i++)
    if (g_str_equal (lia_tz_member_get_label (g_ptr_array_index (args->members, i)), label))
      return g_ptr_array_index (args->members, i);
  return NULL;
}

/* A --busy value that is an address rather than a file name. */
static gboolean
looks_like_address (const char *value)
{
  return g_str_has_prefix (value, "https://") || g_str_has_prefix (value, "http://") ||
         g_str_has_prefix (value, "webcal://") || g_str_has_prefix (value, "webcals://") ||
         g_str_has_prefix (value, "caldav:");
}

/* Reads a live calendar for the planned days (a rotation: its weeks) and
 * adds it to @m.  The CLI waits for it, as for a file. */
static gboolean
add_live_calendar (ZoneArgs     *args,
                   LiaTzMember  *m,
                   const char   *source,
                   const char   *user,
                   GError      **error)
{
  g_autoptr(LiaCalendarSource) calendar = NULL;
  g_autofree char *busy = NULL;
  gint64 to = args->to > args->from ? args->to : args->from + (gint64) MAX (args->weekly, 1) * 7 * 86400;

  if (lia_calendar_source_kind (source) == LIA_CALENDAR_SOURCE_INVALID)
    {
      g_set_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID,
                   _("not a calendar address (https://, webcal:// or caldav:https://)"));
      return FALSE;
    }
  if (args->http == NULL)
    args->http = lia_http_new ();
  calendar = lia_calendar_source_new (args->http, source, user);
  lia_calendar_source_set_secret (calendar, g_getenv ("LIAISON_CALDAV_PASSWORD"));
  busy = lia_calendar_source_read (calendar, args->from, to, NULL, error);
  return busy != NULL && lia_tz_member_add_calendar (m, busy, error);
}

/* Members from the command line or a workspace, busy calendars, range. */
static int
read_members (GOptionContext *context,
              ZoneArgs       *args,
              int             argc,
              char          **argv,
              gboolean        need_to)
{
  g_autoptr(GError) error = NULL;

  args->members = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_tz_member_free);

  if (args->from_text == NULL)
    return bad (context, _("--from is missing: give the start of the range, like 2026-01-14T00:00Z"));
  if (!lia_parse_instant (args->from_text, &args->from, &error))
    return bad (context, "--from: %s", error->message);
  if (args->to_text == NULL && need_to)
    return bad (context, _("--to is missing: give the end of the range, like 2026-01-15T00:00Z"));
  if (args->to_text != NULL && !lia_parse_instant (args->to_text, &args->to, &error))
    return bad (context, "--to: %s", error->message);

  if (args->workspace != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->workspace);
      g_autoptr(LiaWorkspace) workspace = NULL;
      GListModel *model;

      if (argc > 1)
        return bad (context, _("give members either as arguments or with --workspace, not both"));
      workspace = lia_workspace_new_from_file (file, NULL, &error);
      if (workspace == NULL)
        return bad (NULL, "--workspace: %s", error->message);
      model = G_LIST_MODEL (lia_workspace_get_members (workspace));
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(LiaMember) entity = g_list_model_get_item (model, i);
          LiaTzMember *m = lia_tz_member_new_from_entity (entity, &error);

          const char *source = lia_entity_get_string (LIA_ENTITY (entity), LIA_MEMBER_BUSY_SOURCE);

          if (m == NULL)
            return bad (NULL, "--workspace: %s", error->message);
          g_ptr_array_add (args->members, m);
          if (lia_calendar_source_kind (source) != LIA_CALENDAR_SOURCE_NONE &&
              !add_live_calendar (args, m, source,
                                  lia_entity_get_string (LIA_ENTITY (entity), LIA_MEMBER_BUSY_USER), &error))
            {
              g_autofree char *shown = lia_calendar_source_mask (source);

              /* Translators: busy times of “Alice” (https://host/…): calendar not found (404) */
              g_printerr (_("%s: busy times of “%s” (%s): %s\n"), g_get_prgname (),
                          lia_tz_member_get_label (m), shown, error->message);
              return LIA_CLI_EXIT_FAILURE;
            }
        }
    }
  else
    for (int i = 1; i < argc; i++)
      {
        LiaTzMember *m = lia_tz_member_parse (argv[i], &error);

        if (m == NULL)
          return bad (context, _("member “%s”: %s"), argv[i], error->message);
        if (find_member (args, lia_tz_member_get_label (m)) != NULL)
          {
            lia_tz_member_free (m);
            return bad (context, _("member “%s”: the label is given twice"), argv[i]);
          }
        g_ptr_array_add (args->members, m);
      }

  if (args->members->len == 0)
    return bad (context, _("no members: give MEMBER arguments like “London=Europe/London,09:00-18:00,Mon-Fri”, or --workspace FILE"));

  for (guint i = 0; args->busy != NULL && args->busy[i] != NULL; i++)
    {
      const char *equals = strchr (args->busy[i], '=');
      g_autofree char *label = NULL;
      g_autofree char *ics = NULL;
      LiaTzMember *m;

      if (equals == NULL)
        return bad (context, _("--busy “%s”: expected LABEL=FILE.ics or LABEL=URL"), args->busy[i]);
      label = g_strndup (args->busy[i], equals - args->busy[i]);
      m = find_member (args, label);
      if (m == NULL)
        return bad (context, _("--busy “%s”: no member is called “%s”"), args->busy[i], label);
      if (looks_like_address (equals + 1))
        {
          if (!add_live_calendar (args, m, equals + 1, g_getenv ("LIAISON_CALDAV_USER"), &error))
            {
              g_autofree char *shown = lia_calendar_source_mask (equals + 1);

              g_printerr ("%s: --busy %s=%s: %s\n", g_get_prgname (), label, shown, error->message);
              return error->domain == LIA_SYNC_ERROR && error->code == LIA_SYNC_ERROR_INVALID
                     ? LIA_CLI_EXIT_BAD_INPUT : LIA_CLI_EXIT_FAILURE;
            }
          continue;
        }
      ics = lia_file_read_regular (equals + 1, LIA_WORKSPACE_MAX_FILE_SIZE, NULL, &error);
      if (ics == NULL)
        return bad (NULL, "--busy: %s", error->message);
      if (!lia_tz_member_add_calendar (m, ics, &error))
        return bad (NULL, "--busy %s: %s", equals + 1, error->message);
    }

  return LIA_CLI_EXIT_OK;
}

static int
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  return fflush (stdout) == 0 ? LIA_CLI_EXIT_OK : LIA_CLI_EXIT_FAILURE;
}

static void
add_instant (JsonBuilder *b,
             const char  *name,
             gint64       t)
{
  g_autofree char *text = lia_format_instant (t);

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, text);
}

static int
label_width (ZoneArgs *args)
{
  int width = 0;

  for (guint i = 0; i < args->members->len; i++)
    width = MAX (width, lia_display_width (lia_tz_member_get_label (g_ptr_array_index (args->members, i))));
  return width;
}

static void
print_label (const char *label,
             int         width)
{
  g_print ("    %s%*s", label, width - lia_display_width (label) + 2, "");
}

/* One line per member: the span in their own zone. */
static void
print_local_times (ZoneArgs     *args,
                   gint64        start,
                   gint64        end,
                   const guint  *cost,
                   const guint8 *available)
{
  int width = label_width (args);

  for (guint m = 0; m < args->members->len; m++)
    {
      LiaTzMember *member = g_ptr_array_index (args->members, m);
      g_autofree char *a = lia_tz_member_format (member, start, "%a %H:%M");
      g_autofree char *b = lia_tz_member_format (member, end, "%H:%M");
      g_autofree char *offset = lia_format_offset (lia_tz_member_offset_at (member, start));
      g_autofree char *abbreviation = lia_tz_member_format (member, start, "%Z");

      print_label (lia_tz_member_get_label (member), width);
      g_print ("%s–%s  %s %s", a, b, offset, abbreviation);
      if (available != NULL && available[m])
        g_print ("  %s", _("inside hours"));
      if (cost != NULL)
        {
          if (cost[m] == 0)
            g_print ("  %s", _("inside hours"));
          else
            {
              g_print ("  ");
              /* Translators: weighted minutes outside working hours */
              g_print (g_dngettext (GETTEXT_PACKAGE, "inconvenience %u minute", "inconvenience %u minutes", cost[m]),
                       cost[m]);
            }
        }
      g_print ("\n");
    }
}

static char *
utc_span (gint64 start,
          gint64 end)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (end);
  g_autofree char *first = g_date_time_format (a, "%Y-%m-%d %H:%M");
  g_autofree char *last = g_date_time_format (b, end - start >= 86400 || g_date_time_get_day_of_month (a) != g_date_time_get_day_of_month (b) ? "%Y-%m-%d %H:%M" : "%H:%M");

  return g_strdup_printf ("%s – %s UTC", first, last);
}

int
lia_cli_overlap (int    argc,
                 char **argv)
{
  g_auto(ZoneArgs) args = { .min = 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from_text, N_("Start of the range (ISO 8601; UTC unless it has an offset)"), N_("ISO") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to_text, N_("End of the range, exclusive; at most a year after --from"), N_("ISO") },
    { "min", 0, 0, G_OPTION_ARG_INT, &args.min, N_("Report intervals with at least N members inside hours (default: all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, N_("Print JSON"), NULL },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args.workspace, N_("Take the members from a workspace"), N_("FILE") },
    { "busy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.busy, N_("Busy times of a member from an iCalendar file or address: https://, webcal://, or caldav: and a calendar’s URL read as LIAISON_CALDAV_USER with LIAISON_CALDAV_PASSWORD (repeatable)"), N_("LABEL=FILE.ics|URL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MEMBER… — when team members are inside working hours together"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) intervals = NULL;
  int status;
  guint n;

  g_option_context_set_summary (context,
    _("MEMBER is LABEL=ZONE[,HH:MM-HH:MM][,DAYS], for example\n"
      "“San Francisco=America/Los_Angeles,09:00-18:00,Mon-Fri”. Hours default to\n"
      "09:00-18:00 and days to Mon-Fri; DAYS is a list of days or ranges\n"
      "(Mon-Fri, Sun-Thu, Mon,Wed,Fri). Daylight saving time is taken from the\n"
      "system time zone database for every date."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bad (context, "%s", error->message);

  status = read_members (context, &args, argc, argv, TRUE);
  if (status != LIA_CLI_EXIT_OK)
    return status;
  n = args.members->len;
  if (args.min < 0 || args.min > (int) n)
    return bad (context, _("--min %d: must be from 1 to the number of members (%u)"), args.min, n);

  intervals = lia_overlap_compute ((LiaTzMember **) args.members->pdata, n, args.from, args.to, args.min, &error);
  if (intervals == NULL)
    return bad (context, "--to: %s", error->message);

  if (args.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "intervals");
      json_builder_begin_array (b);
      for (guint i = 0; i < intervals->len; i++)
        {
          LiaOverlapInterval *iv = g_ptr_array_index (intervals, i);

          json_builder_begin_object (b);
          add_instant (b, "start", iv->start);
          add_instant (b, "end", iv->end);
          json_builder_set_member_name (b, "available");
          json_builder_begin_array (b);
          for (guint k = 0; k < iv->n_available; k++)
            json_builder_add_string_value (b, lia_tz_member_get_label (g_ptr_array_index (args.members, iv->available[k])));
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      return print_json (b);
    }

  if (intervals->len == 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "No time in the range has %u member inside working hours.\n",
                            "No time in the range has %u members inside working hours together.\n",
                            args.min ? (guint) args.min : n),
               args.min ? (guint) args.min : n);
      return LIA_CLI_EXIT_OK;
    }

  for (guint i = 0; i < intervals->len; i++)
    {
      LiaOverlapInterval *iv = g_ptr_array_index (intervals, i);
      g_autofree guint8 *available = g_new0 (guint8, n);
      g_autofree char *span = utc_span (iv->start, iv->end);
      g_autoptr(GString) names = g_string_new (NULL);
      gint64 minutes = (iv->end - iv->start) / 60;

      for (guint k = 0; k < iv->n_available; k++)
        {
          available[iv->available[k]] = 1;
          if (k > 0)
            g_string_append (names, ", ");
          g_string_append (names, lia_tz_member_get_label (g_ptr_array_index (args.members, iv->available[k])));
        }
      /* Translators: an interval, its length in minutes, and who is inside hours */
      g_print (_("%s (%lld min): %s\n"), span, (long long) minutes, names->str);
      print_local_times (&args, iv->start, iv->end, NULL, available);
    }
  return LIA_CLI_EXIT_OK;
}

static void
add_members_json (JsonBuilder *b,
                  ZoneArgs    *args,
                  gint64       start,
                  const guint *cost)
{
  json_builder_set_member_name (b, "members");
  json_builder_begin_array (b);
  for (guint m = 0; m < args->members->len; m++)
    {
      LiaTzMember *member = g_ptr_array_index (args->members, m);
      g_autofree char *local = lia_tz_member_format (member, start, "%Y-%m-%dT%H:%M:%S%:z");
      g_autofree char *day = lia_tz_member_format (member, start, "%u");

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, lia_tz_member_get_label (member));
      json_builder_set_member_name (b, "local_start");
      json_builder_add_string_value (b, local);
      json_builder_set_member_name (b, "weekday");
      json_builder_add_string_value (b, weekdays[(atoi (day) + 6) % 7]);
      json_builder_set_member_name (b, "inside");
      json_builder_add_boolean_value (b, cost[m] == 0);
      json_builder_set_member_name (b, "inconvenience");
      json_builder_add_int_value (b, cost[m]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static int
print_rotation (ZoneArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRotation) rotation = NULL;
  guint n = args->members->len;
  gint64 length = (gint64) args->duration * 60;

  rotation = lia_slots_rotation ((LiaTzMember **) args->members->pdata, n, args->from,
                                 args->duration, args->weekly, &error);
  if (rotation == NULL)
    return bad (NULL, "--weekly: %s", error->message);

  if (args->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "weeks");
      json_builder_begin_array (b);
      for (guint w = 0; w < rotation->n_weeks; w++)
        {
          json_builder_begin_object (b);
          add_instant (b, "start", rotation->starts[w]);
          add_instant (b, "end", rotation->starts[w] + length);
          add_members_json (b, args, rotation->starts[w], rotation->week_costs + (gsize) w * n);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "totals");
      json_builder_begin_object (b);
      for (guint m = 0; m < n; m++)
        {
          json_builder_set_member_name (b, lia_tz_member_get_label (g_ptr_array_index (args->members, m)));
          json_builder_add_int_value (b, rotation->totals[m]);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      return print_json (b);
    }

  for (guint w = 0; w < rotation->n_weeks; w++)
    {
      g_autofree char *span = utc_span (rotation->starts[w], rotation->starts[w] + length);

      g_print (_("Week %u: %s\n"), w + 1, span);
      print_local_times (args, rotation->starts[w], rotation->starts[w] + length,
                         rotation->week_costs + (gsize) w * n, NULL);
    }
  g_print ("%s\n", _("Inconvenience over the series (weighted minutes outside working hours):"));
  for (guint m = 0; m < n; m++)
    {
      print_label (lia_tz_member_get_label (g_ptr_array_index (args->members, m)), label_width (args));
      g_print ("%u\n", rotation->totals[m]);
    }
  return LIA_CLI_EXIT_OK;
}

int
lia_cli_slots (int    argc,
               char **argv)
{
  g_auto(ZoneArgs) args = { .count = 5 };
  const GOptionEntry entries[] = {
    { "duration", 'd', 0, G_OPTION_ARG_INT, &args.duration, N_("Length of the meeting in minutes"), N_("MIN") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from_text, N_("Start of the range (ISO 8601; UTC unless it has an offset)"), N_("ISO") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to_text, N_("End of the range, exclusive; at most a year after --from"), N_("ISO") },
    { "count", 'n', 0, G_OPTION_ARG_INT, &args.count, N_("How many slots to list (default 5)"), N_("N") },
    { "weekly", 0, 0, G_OPTION_ARG_INT, &args.weekly, N_("Plan a weekly series of WEEKS meetings from --from, rotating the inconvenience"), N_("WEEKS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, N_("Print JSON"), NULL },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args.workspace, N_("Take the members from a workspace"), N_("FILE") },
    { "busy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.busy, N_("Busy times of a member from an iCalendar file or address: https://, webcal://, or caldav: and a calendar’s URL read as LIAISON_CALDAV_USER with LIAISON_CALDAV_PASSWORD (repeatable)"), N_("LABEL=FILE.ics|URL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MEMBER… — rank meeting start times"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  int status;
  guint n;

  g_option_context_set_summary (context,
    _("Start times on a 15-minute grid, ranked by how many members are inside\n"
      "working hours, then by inconvenience: minutes outside their hours, counted\n"
      "double in their local night (22:00–07:00). MEMBER is as for “overlap”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bad (context, "%s", error->message);

  if (args.duration <= 0)
    return bad (context, _("--duration is missing or not a positive number of minutes"));
  if (args.count < 1)
    return bad (context, _("--count %d: must be at least 1"), args.count);
  if (args.weekly < 0)
    return bad (context, _("--weekly %d: must be a positive number of weeks"), args.weekly);

  status = read_members (context, &args, argc, argv, args.weekly == 0);
  if (status != LIA_CLI_EXIT_OK)
    return status;
  n = args.members->len;

  if (args.weekly > 0)
    return print_rotation (&args);

  slots = lia_slots_find ((LiaTzMember **) args.members->pdata, n, args.from, args.to,
                          args.duration, args.count, &error);
  if (slots == NULL)
    return bad (context, "%s: %s", error->code == LIA_OVERLAP_ERROR_DURATION ? "--duration" : "--to", error->message);

  if (args.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "slots");
      json_builder_begin_array (b);
      for (guint i = 0; i < slots->len; i++)
        {
          LiaSlot *slot = g_ptr_array_index (slots, i);

          json_builder_begin_object (b);
          add_instant (b, "start", slot->start);
          add_instant (b, "end", slot->end);
          json_builder_set_member_name (b, "inside");
          json_builder_add_int_value (b, slot->n_inside);
          json_builder_set_member_name (b, "inconvenience");
          json_builder_add_int_value (b, slot->cost);
          add_members_json (b, &args, slot->start, slot->member_cost);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      return print_json (b);
    }

  for (guint i = 0; i < slots->len; i++)
    {
      LiaSlot *slot = g_ptr_array_index (slots, i);
      g_autofree char *span = utc_span (slot->start, slot->end);

      /* Translators: rank, time span, members inside hours, total members,
       * weighted minutes outside hours; the plural follows the members
       * inside hours (the third number) */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u. %s: %u of %u inside hours, inconvenience %u\n",
                            "%u. %s: %u of %u inside hours, inconvenience %u\n", slot->n_inside),
               i + 1, span, slot->n_inside, n, slot->cost);
      print_local_times (&args, slot->start, slot->end, slot->member_cost, NULL);
    }
  return LIA_CLI_EXIT_OK;
}
