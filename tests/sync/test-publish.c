/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-fake-tracker.h"
#include "lia-markup.h"
#include "lia-page-tree.h"
#include "lia-publish.h"
#include "lia-workspace.h"

#define TOKEN "conf-SECRET-77e1"
#define USER "lead@example.com"

typedef struct
{
  FakeTracker  *fake;
  LiaHttp      *http;
  LiaWiki      *wiki;
  LiaWorkspace *workspace;
  const char   *user;      /* Cloud: an e-mail with an API token; Data Center: none (a PAT) */
} Fixture;

#define CLOUD "cloud"
#define DC "dc"

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  LiaTrackerConfig config = { 0 };
  g_autoptr(GError) error = NULL;

  /* The fake is Confluence Cloud (REST v2) with a user, Data Center (v1)
   * without one. */
  fx->user = g_strcmp0 (data, DC) == 0 ? NULL : USER;
  fx->fake = fake_tracker_new ("confluence", TOKEN, fx->user);
  fx->http = lia_http_new ();
  lia_http_set_timeout (fx->http, 1);
  lia_http_set_retry (fx->http, 3, 50, 2000);
  config.service = "confluence";
  config.url = fake_tracker_get_url (fx->fake);
  config.project = "DOCS";
  config.user = fx->user;
  config.token = TOKEN;
  fx->wiki = lia_wiki_new (fx->http, &config, &error);
  g_assert_no_error (error);
  fx->workspace = lia_workspace_new_sample ("zh_CN");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->workspace);
  g_clear_object (&fx->wiki);
  g_clear_object (&fx->http);
  g_clear_pointer (&fx->fake, fake_tracker_free);
}

static LiaPublishReport *
publish (Fixture            *fx,
         const char         *page,
         gboolean            dry_run,
         const char * const *force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPublishPlan) plan = lia_publish_plan_new (fx->workspace, fx->wiki, page, dry_run, force, &error);

  g_assert_no_error (error);
  lia_publish_plan_execute (plan, fx->wiki, NULL, NULL, NULL);
  return lia_publish_plan_apply (plan, fx->workspace);
}

static void
outline (GString    *out,
         GListModel *store,
         guint       depth)
{
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(LiaPage) page = g_list_model_get_item (store, i);

      for (guint d = 0; d < depth; d++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s\n", lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE));
      outline (out, G_LIST_MODEL (lia_entity_get_list (LIA_ENTITY (page), LIA_PAGE_CHILDREN)), depth + 1);
    }
}

/* The local tree as the fake prints its own: under the space's home page,
 * where Confluence's page tree shows it. */
static char *
local_outline (LiaWorkspace *workspace)
{
  GString *out = g_string_new ("DOCS Home\n");
  outline (out, G_LIST_MODEL (lia_workspace_get_pages (workspace)), 1);
  return g_string_free (out, FALSE);
}

static LiaPage *
page_named (Fixture    *fx,
            const char *title)
{
  LiaPage *page = lia_pages_find (G_LIST_MODEL (lia_workspace_get_pages (fx->workspace)), title);
  g_assert_nonnull (page);
  /* Borrowed: the workspace holds its pages for the whole test. */
  g_object_unref (page);
  return page;
}

static const char *
ref_string (LiaPage *page,
            guint    field)
{
  LiaRemoteRef *ref = lia_entity_get_remote (LIA_ENTITY (page));
  return ref ? lia_entity_get_string (LIA_ENTITY (ref), field) : NULL;
}

static char *
remote_body (Fixture    *fx,
             const char *title)
{
  g_autoptr(JsonNode) node = fake_wiki_get_page (fx->fake, title);
  JsonNode *value;

  g_assert_nonnull (node);
  value = json_object_get_member (json_object_get_object_member (json_object_get_object_member (json_node_get_object (node), "body"), "storage"), "value");
  return g_strdup (json_node_get_string (value));
}

static gboolean
well_formed (const char *xhtml,
             char      **problem)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = g_strconcat ("<r>", xhtml, "</r>", NULL);

  if (g_markup_parse_context_parse (context, doc, -1, &error) && g_markup_parse_context_end_parse (context, &error))
    return TRUE;
  *problem = g_strdup (error->message);
  return FALSE;
}

/* ---- storage format ---------------------------------------------------- */

static const char *
titles_link (const char *target,
             gpointer    user_data)
{
  return g_str_equal (target, "Other") ? "A <b> & \"quoted\" ]]> page" : NULL;
}

static void
test_storage_escaping (void)
{
  const char *markdown =
    "# Title with <angle> & ampersand 🚀\n\n"
    "中文段落,带 **粗体** 和 `code <x>`。\n\n"
    "Control\x01 char\x0b and a \x1b escape.\n\n"
    "```c\nif (a[b[0]]>1) return \"]]>\";\n```\n\n"
    "<div class=\"unclosed\"><script>alert(1)\n\n"
    "Inline <span>raw</span> html and ]]> in text.\n\n"
    "See [the other \\]\\]> page](page:Other) and [a missing one](page:Nowhere).\n\n"
    "| a | b |\n|---|:-:|\n| <1> | & |\n\n"
    "- [x] done\n- [ ] open\n\n"
    "![img](http://example.com/a.png?x=1&y=2 \"t&t\")\n";
  g_autofree char *xhtml = lia_markdown_to_storage (markdown, "DOCS", titles_link, NULL);
  g_autofree char *problem = NULL;

  if (!well_formed (xhtml, &problem))
    g_error ("not well formed: %s\n%s", problem, xhtml);
  /* Nothing XML forbids, nothing lost that a reader needs. */
  g_assert_null (strchr (xhtml, '\x01'));
  g_assert_null (strchr (xhtml, '\x0b'));
  g_assert_null (strchr (xhtml, '\x1b'));
  g_assert_nonnull (strstr (xhtml, "&lt;angle&gt; &amp; ampersand 🚀"));
  g_assert_nonnull (strstr (xhtml, "中文段落,带 <strong>粗体</strong>"));
  g_assert_nonnull (strstr (xhtml, "<code>code &lt;x&gt;</code>"));
  /* The code block is a code macro whose CDATA survives its own "]]>". */
  g_assert_nonnull (strstr (xhtml, "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">c</ac:parameter>"));
  g_assert_nonnull (strstr (xhtml, "<![CDATA[if (a[b[0]]]]><![CDATA[>1) return \"]]]]><![CDATA[>\";\n]]>"));
  /* Raw HTML is shown, not executed or passed through. */
  g_assert_null (strstr (xhtml, "<script"));
  g_assert_null (strstr (xhtml, "<div"));
  g_assert_nonnull (strstr (xhtml, "&lt;script&gt;"));
  g_assert_nonnull (strstr (xhtml, "&lt;span&gt;raw&lt;/span&gt;"));
  g_assert_nonnull (strstr (xhtml, "]]&gt; in text"));
  /* Page links become Confluence page links; an unknown page keeps its text. */
  g_assert_nonnull (strstr (xhtml, "<ac:link><ri:page ri:content-title=\"A &lt;b&gt; &amp; &quot;quoted&quot; ]]&gt; page\" ri:space-key=\"DOCS\" />"
                                   "<ac:plain-text-link-body><![CDATA[the other ]]]]><![CDATA[> page]]></ac:plain-text-link-body></ac:link>"));
  g_assert_nonnull (strstr (xhtml, "and a missing one."));
  g_assert_nonnull (strstr (xhtml, "<table>"));
  g_assert_nonnull (strstr (xhtml, "<td>&lt;1&gt;</td>"));
  g_assert_nonnull (strstr (xhtml, "x=1&amp;y=2"));
}

static void
test_storage_any_input (void)
{
  /* Every byte value, invalid UTF-8 and lone surrogate encodings. */
  GString *junk = g_string_new (NULL);
  g_autofree char *xhtml = NULL;
  g_autofree char *problem = NULL;

  for (guint round = 0; round < 3; round++)
    for (guint c = 1; c < 256; c++)
      g_string_append_c (junk, (char) c);
  g_string_append (junk, "\xed\xa0\x80 \xef\xbf\xbe ]]> <![CDATA[ x ]]> &nbsp; &#0; &#xD800;");
  xhtml = lia_markdown_to_storage (junk->str, "D&<", titles_link, NULL);
  g_string_free (junk, TRUE);
  if (!well_formed (xhtml, &problem))
    g_error ("not well formed: %s", problem);
}

static const char *
redmine_link (const char *target,
              gpointer    user_data)
{
  return g_str_equal (target, "目标") || g_str_equal (target, "Goals page") ? "Goals_page" : NULL;
}

static void
test_redmine_links (void)
{
  g_autofree char *out = lia_markdown_link_pages ("See [the goals](page:目标), [Goals_page](<page:Goals page>) "
                                                  "and [gone](page:Nope).\n"
                                                  "```\n[code](page:目标)\n```\n"
                                                  "after [x](page:目标)", redmine_link, NULL);

  g_assert_cmpstr (out, ==, "See [[Goals_page|the goals]], [[Goals_page]] and gone.\n"
                            "```\n[code](page:目标)\n```\n"
                            "after [[Goals_page|x]]");
}

static void
test_redmine_titles (void)
{
  LiaTrackerConfig config = { .service = "redmine", .url = "http://127.0.0.1:9", .project = "vllm", .token = "k" };
  g_autoptr(LiaHttp) http = lia_http_new ();
  g_autoptr(LiaWiki) wiki = lia_wiki_new (http, &config, NULL);
  g_autofree char *a = lia_wiki_title_for (wiki, "  api design,  v1.0/草案: 评审? ");
  g_autofree char *b = lia_wiki_title_for (wiki, "项目 概览");
  g_autofree char *c = lia_wiki_title_for (wiki, "a|b;c\td");

  g_assert_cmpstr (a, ==, "Api_design_v10草案_评审");
  g_assert_cmpstr (b, ==, "项目_概览");
  g_assert_cmpstr (c, ==, "Abc_d");
}

/* ---- against the strict fake ------------------------------------------- */

static void
test_publish_tree (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) again = NULL;
  g_autoptr(LiaPublishReport) third = NULL;
  g_autofree char *expected = local_outline (fx->workspace);
  g_autofree char *remote = fake_wiki_outline (fx->fake);
  g_autofree char *api = NULL;
  guint n = lia_pages_count (G_LIST_MODEL (lia_workspace_get_pages (fx->workspace)));
  guint writes;
  LiaPage *goals, *plan_page, *overview, *tech;
  const char *version;

  g_assert_cmpstr (remote, ==, "DOCS Home\n");
  first = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (first->created, ==, n);
  g_assert_cmpuint (first->errors, ==, 0);
  g_assert_cmpuint (first->conflicts, ==, 0);
  g_assert_cmpuint (first->remote_only, ==, 1);     /* the home page */
  g_free (remote);
  remote = fake_wiki_outline (fx->fake);
  g_assert_cmpstr (remote, ==, expected);
  g_assert_true (lia_workspace_get_modified (fx->workspace));

  /* Each page knows its remote copy. */
  goals = page_named (fx, "项目目标");
  g_assert_cmpstr (ref_string (goals, LIA_REMOTE_REF_SERVICE), ==, "confluence");
  g_assert_cmpstr (ref_string (goals, LIA_REMOTE_REF_SPACE), ==, "DOCS");
  g_assert_cmpstr (ref_string (goals, LIA_REMOTE_REF_REMOTE_VERSION), ==, "1");
  {
    g_autofree char *path = g_strconcat ("/spaces/DOCS/pages/", ref_string (goals, LIA_REMOTE_REF_KEY), NULL);
    g_assert_true (g_str_has_suffix (ref_string (goals, LIA_REMOTE_REF_URL), path));
  }

  /* Each remote page carries its local page's id as the marker: a content
   * property on Cloud (v2 cannot add labels), a label on Data Center. */
  {
    g_autofree char *marker = fake_wiki_get_marker (fx->fake, "项目目标");
    g_assert_cmpstr (marker, ==, lia_entity_get_id (LIA_ENTITY (goals)));
  }
  g_assert_true (g_str_has_prefix (ref_string (goals, LIA_REMOTE_REF_URL), fake_tracker_get_url (fx->fake)));

  /* The link between pages points at the remote page. */
  api = remote_body (fx, "API设计");
  g_assert_nonnull (strstr (api, "<ri:page ri:content-title=\"API设计会议\" ri:space-key=\"DOCS\" />"));

  /* Again, unchanged: reads only. */
  writes = fake_tracker_get_writes (fx->fake);
  again = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (again->unchanged, ==, n);
  g_assert_cmpuint (again->created + again->updated + again->moved, ==, 0);
  g_assert_cmpuint (fake_tracker_get_writes (fx->fake), ==, writes);

  /* One page changed, one moved (項目计划 to the top of 技术文档), one
   * reordered among its siblings (项目目标 first). */
  lia_entity_set_string (LIA_ENTITY (goals), LIA_PAGE_BODY, "# 项目目标\n\n吞吐提升 **2 倍**。\n");
  plan_page = page_named (fx, "项目计划");
  tech = page_named (fx, "技术文档");
  overview = page_named (fx, "项目概览");
  g_assert_true (lia_pages_move (lia_workspace_get_history (fx->workspace), lia_workspace_get_pages (fx->workspace),
                                 plan_page, tech, 0, NULL));
  g_assert_true (lia_pages_move (lia_workspace_get_history (fx->workspace), lia_workspace_get_pages (fx->workspace),
                                 goals, overview, 0, NULL));
  third = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (third->errors, ==, 0);
  g_assert_cmpuint (third->conflicts, ==, 0);
  g_assert_cmpuint (third->created, ==, 0);
  g_assert_cmpuint (third->updated + third->moved, >=, 2);
  g_free (expected);
  expected = local_outline (fx->workspace);
  g_free (remote);
  remote = fake_wiki_outline (fx->fake);
  g_assert_cmpstr (remote, ==, expected);
  g_free (api);
  api = remote_body (fx, "项目目标");
  g_assert_nonnull (strstr (api, "<strong>2 倍</strong>"));
  version = ref_string (goals, LIA_REMOTE_REF_REMOTE_VERSION);
  g_assert_cmpstr (version, ==, "2");

  /* And a fourth time: quiet again. */
  writes = fake_tracker_get_writes (fx->fake);
  lia_publish_report_free (publish (fx, NULL, FALSE, NULL));
  g_assert_cmpuint (fake_tracker_get_writes (fx->fake), ==, writes);
}

static void
test_dry_run (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = publish (fx, NULL, TRUE, NULL);
  guint n = lia_pages_count (G_LIST_MODEL (lia_workspace_get_pages (fx->workspace)));
  g_autoptr(JsonNode) json = lia_publish_report_to_json (report);
  g_autofree char *text = json_to_string (json, FALSE);

  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->created, ==, n);
  g_assert_cmpuint (fake_tracker_get_writes (fx->fake), ==, 0);
  g_assert_null (lia_entity_get_remote (LIA_ENTITY (page_named (fx, "项目目标"))));
  g_assert_nonnull (strstr (text, "\"created\":20"));
  g_assert_nonnull (strstr (text, "项目目标: would be created"));
}

static void
test_subtree (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = publish (fx, "技术文档", FALSE, NULL);
  g_autofree char *remote = fake_wiki_outline (fx->fake);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPublishPlan) missing = lia_publish_plan_new (fx->workspace, fx->wiki, "没有这页", FALSE, NULL, &error);

  g_assert_cmpuint (report->created, ==, 5);
  g_assert_cmpstr (remote, ==, "DOCS Home\n  技术文档\n    架构设计\n    API设计\n    性能优化\n    安全设计\n");
  g_assert_null (lia_entity_get_remote (LIA_ENTITY (page_named (fx, "项目目标"))));
  g_assert_null (missing);
  g_assert_error (error, LIA_PAGES_ERROR, LIA_PAGES_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "没有这页"));
}

static void
test_conflict (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(LiaPublishReport) quiet = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishReport) forced = NULL;
  guint writes;
  g_autofree char *body = NULL;
  LiaPage *goals = page_named (fx, "项目目标");
  const char *force[] = { NULL, NULL };

  lia_publish_report_free (publish (fx, NULL, FALSE, NULL));
  fake_wiki_remote_edit (fx->fake, "项目目标", "<p>edited in Confluence</p>");

  /* Edited on the wiki only: nothing to send, a mention. */
  writes = fake_tracker_get_writes (fx->fake);
  quiet = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (quiet->conflicts, ==, 0);
  g_assert_cmpuint (fake_tracker_get_writes (fx->fake), ==, writes);
  g_assert_cmpuint (quiet->lines->len, ==, 2);
  g_assert_cmpstr (quiet->lines->pdata[0], ==, "项目目标: edited on the wiki, unchanged here (left alone)");

  lia_entity_set_string (LIA_ENTITY (goals), LIA_PAGE_BODY, "local edit");

  second = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (second->conflicts, ==, 1);
  g_assert_cmpuint (second->conflict_ids->len, ==, 1);
  g_assert_cmpstr (second->conflict_ids->pdata[0], ==, lia_entity_get_id (LIA_ENTITY (goals)));
  body = remote_body (fx, "项目目标");
  g_assert_cmpstr (body, ==, "<p>edited in Confluence</p>");
  g_assert_cmpstr (ref_string (goals, LIA_REMOTE_REF_REMOTE_VERSION), ==, "1");

  /* The user chose to overwrite. */
  force[0] = lia_entity_get_id (LIA_ENTITY (goals));
  forced = publish (fx, NULL, FALSE, force);
  g_assert_cmpuint (forced->conflicts, ==, 0);
  g_assert_cmpuint (forced->updated, ==, 1);
  g_free (body);
  body = remote_body (fx, "项目目标");
  g_assert_cmpstr (body, ==, "<p>local edit</p>\n");
  g_assert_cmpstr (ref_string (goals, LIA_REMOTE_REF_REMOTE_VERSION), ==, "3");
}

static void
test_foreign_title (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autofree char *body = NULL;

  fake_wiki_add_page (fx->fake, "项目目标");
  report = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (report->conflicts, ==, 1);
  g_assert_cmpuint (report->created, ==, 19);
  g_assert_cmpuint (report->remote_only, ==, 2);
  body = remote_body (fx, "项目目标");
  g_assert_cmpstr (body, ==, "<p>someone else’s</p>");
  g_assert_null (lia_entity_get_remote (LIA_ENTITY (page_named (fx, "项目目标"))));
}

static void
test_same_titles (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPage) a = lia_page_new ();
  g_autoptr(LiaPage) b = lia_page_new ();
  LiaPage *tech = page_named (fx, "技术文档");
  LiaPage *manual = page_named (fx, "用户手册");
  g_autoptr(JsonNode) node = NULL;

  /* Two local pages titled the same: Confluence titles are unique. */
  lia_entity_set_string (LIA_ENTITY (a), LIA_PAGE_TITLE, "FAQ");
  lia_entity_set_string (LIA_ENTITY (b), LIA_PAGE_TITLE, "faq");
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (tech), LIA_PAGE_CHILDREN), a);
  g_list_store_append (lia_entity_get_list (LIA_ENTITY (manual), LIA_PAGE_CHILDREN), b);
  report = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpuint (report->conflicts, ==, 0);
  node = fake_wiki_get_page (fx->fake, "faq (用户手册)");
  g_assert_nonnull (node);
  g_assert_cmpstr (ref_string (b, LIA_REMOTE_REF_KEY), ==,
                   json_object_get_string_member (json_node_get_object (node), "id"));
}

static void
test_hostile_titles (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPage) page = lia_page_new ();
  g_autoptr(JsonNode) node = NULL;

  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_TITLE, "<b>Q&A</b> \"]]>\" \x02 🚀 问答");
  lia_entity_set_string (LIA_ENTITY (page), LIA_PAGE_BODY,
                         "See [the goals](page:项目目标) \x07 and ```]]>``` <i>x</i>\n\n```\n]]>\n```\n");
  g_list_store_append (lia_workspace_get_pages (fx->workspace), page);
  report = publish (fx, NULL, FALSE, NULL);
  if (report->errors > 0)
    g_error ("%s", (char *) report->lines->pdata[0]);
  node = fake_wiki_get_page (fx->fake, "<b>Q&A</b> \"]]>\"  🚀 问答");
  g_assert_nonnull (node);
}

static void
test_faults (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  guint n = lia_pages_count (G_LIST_MODEL (lia_workspace_get_pages (fx->workspace)));
  g_autofree char *expected = local_outline (fx->workspace);
  g_autofree char *remote = NULL;

  /* A create whose answer is lost, one that fails after committing, a
   * malformed answer, a rate limit: no page twice, none missing. */
  fake_tracker_add_fault (fx->fake, FAKE_FAULT_LOST);
  fake_tracker_add_fault (fx->fake, FAKE_FAULT_500_AFTER);
  fake_tracker_add_fault (fx->fake, FAKE_FAULT_MALFORMED);
  fake_tracker_add_fault (fx->fake, FAKE_FAULT_429);
  fake_tracker_add_fault (fx->fake, FAKE_FAULT_503);
  report = publish (fx, NULL, FALSE, NULL);
  if (report->errors > 0)
    g_error ("%s", (char *) report->lines->pdata[0]);
  g_assert_cmpuint (report->created, ==, n);
  remote = fake_wiki_outline (fx->fake);
  g_assert_cmpstr (remote, ==, expected);
}

static void
cancel_soon (guint    done,
             guint    total,
             gpointer user_data)
{
  if (done == 3)
    g_cancellable_cancel (user_data);
}

/* Cancel after three pages: those three are recorded, nothing else is
 * sent, and the next publish carries on from there. */
static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPublishPlan) plan = lia_publish_plan_new (fx->workspace, fx->wiki, NULL, FALSE, NULL, &error);
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) rest = NULL;
  guint n = lia_pages_count (G_LIST_MODEL (lia_workspace_get_pages (fx->workspace)));
  g_autofree char *expected = local_outline (fx->workspace);
  g_autofree char *remote = NULL;

  lia_publish_plan_execute (plan, fx->wiki, cancellable, cancel_soon, cancellable);
  report = lia_publish_plan_apply (plan, fx->workspace);
  g_assert_true (report->cancelled);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_nonnull (lia_entity_get_remote (LIA_ENTITY (page_named (fx, "项目概览"))));
  rest = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (rest->created, ==, n - 3);
  g_assert_cmpuint (rest->unchanged, ==, 3);
  remote = fake_wiki_outline (fx->fake);
  g_assert_cmpstr (remote, ==, expected);
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  LiaTrackerConfig config = { .service = "confluence", .url = fake_tracker_get_url (fx->fake),
                              .project = "DOCS", .user = fx->user, .token = "wrong" };
  g_autoptr(LiaWiki) wiki = lia_wiki_new (fx->http, &config, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPublishPlan) plan = lia_publish_plan_new (fx->workspace, wiki, NULL, FALSE, NULL, &error);
  g_autoptr(LiaPublishReport) report = NULL;
  LiaTrackerConfig insecure = { .service = "confluence", .url = "http://wiki.example.com", .project = "DOCS", .token = "t" };
  LiaTrackerConfig jira = { .service = "jira-cloud", .url = "https://x.atlassian.net", .project = "DOCS", .token = "t" };

  lia_publish_plan_execute (plan, wiki, NULL, NULL, NULL);
  report = lia_publish_plan_apply (plan, fx->workspace);
  g_assert_cmpuint (report->errors, ==, 1);
  g_assert_null (strstr (report->lines->pdata[0], "wrong"));
  g_assert_false (lia_workspace_get_modified (fx->workspace));

  g_assert_null (lia_wiki_new (fx->http, &insecure, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_null (lia_wiki_new (fx->http, &jira, &error));
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_INVALID);
}

/* An older Data Center has no move endpoint: the page is updated and
 * stays where it is, with a warning instead of an error. */
static void
test_no_move (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishReport) third = NULL;
  g_autofree char *body = NULL;
  LiaPage *goals = page_named (fx, "项目目标");
  LiaPage *overview = page_named (fx, "项目概览");
  gboolean warned = FALSE;
  guint writes;

  fake_wiki_set_no_move (fx->fake);
  first = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (first->errors, ==, 0);

  lia_entity_set_string (LIA_ENTITY (goals), LIA_PAGE_BODY, "# 项目目标\n\n吞吐提升 **2 倍**。\n");
  g_assert_true (lia_pages_move (lia_workspace_get_history (fx->workspace), lia_workspace_get_pages (fx->workspace),
                                 goals, overview, 0, NULL));
  second = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (second->errors, ==, 0);
  g_assert_cmpuint (second->moved, >=, 1);
  for (guint i = 0; i < second->lines->len; i++)
    if (g_str_has_prefix (second->lines->pdata[i], "项目目标: warning: this Confluence cannot order pages"))
      warned = TRUE;
  g_assert_true (warned);
  body = remote_body (fx, "项目目标");
  g_assert_nonnull (strstr (body, "<strong>2 倍</strong>"));
  g_assert_cmpstr (ref_string (goals, LIA_REMOTE_REF_REMOTE_VERSION), ==, "2");

  /* Recorded as done: the next publish does not try again. */
  writes = fake_tracker_get_writes (fx->fake);
  third = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (third->errors, ==, 0);
  g_assert_cmpuint (fake_tracker_get_writes (fx->fake), ==, writes);
}

/* Lists come a few pages at a time: every page of the space is read,
 * through _links.next or, when only the header has it, Link. */
static void
test_paging (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) again = NULL;
  g_autoptr(LiaPublishReport) header_only = NULL;
  guint n = lia_pages_count (G_LIST_MODEL (lia_workspace_get_pages (fx->workspace)));
  guint writes;

  fake_wiki_set_page_limit (fx->fake, 2);
  first = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (first->created, ==, n);
  g_assert_cmpuint (first->errors, ==, 0);
  writes = fake_tracker_get_writes (fx->fake);
  again = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (again->unchanged, ==, n);
  g_assert_cmpuint (again->remote_only, ==, 1);
  g_assert_cmpuint (fake_tracker_get_writes (fx->fake), ==, writes);

  if (g_strcmp0 (data, CLOUD) == 0)
    {
      fake_tracker_patch_answers (fx->fake, "\"next\":", "\"later\":");
      header_only = publish (fx, NULL, FALSE, NULL);
      g_assert_cmpuint (header_only->unchanged, ==, n);
      g_assert_cmpuint (header_only->errors, ==, 0);
      fake_tracker_patch_answers (fx->fake, NULL, NULL);
    }
}

/* A page published through v1 before carries its marker as a label: on
 * v2 it is still recognised, and a page whose link was lost is adopted,
 * not a conflict. */
static void
test_label_marker (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  LiaPage *goals = page_named (fx, "项目目标");
  g_autofree char *body = NULL;

  first = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (first->errors, ==, 0);
  fake_wiki_set_marker_label (fx->fake, "项目目标");
  lia_entity_set_remote (LIA_ENTITY (goals), NULL);
  lia_entity_set_string (LIA_ENTITY (goals), LIA_PAGE_BODY, "adopted again");
  second = publish (fx, NULL, FALSE, NULL);
  g_assert_cmpuint (second->conflicts, ==, 0);
  g_assert_cmpuint (second->errors, ==, 0);
  g_assert_cmpuint (second->updated + second->moved, ==, 1);
  body = remote_body (fx, "项目目标");
  g_assert_cmpstr (body, ==, "<p>adopted again</p>\n");
}

/* A list that never ends stops at the cap with a message. */
static void
test_paging_cap (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *title = g_strdup_printf ("Page %u", i);
      fake_wiki_add_page (fx->fake, title);
    }
  fake_wiki_set_page_limit (fx->fake, 1);
  pages = lia_wiki_list (fx->wiki, NULL, &error);
  g_assert_null (pages);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "after 100 requests"));
}

/* A space key the site does not have: said so, before anything is sent. */
static void
test_no_space (Fixture       *fx,
               gconstpointer  data)
{
  LiaTrackerConfig config = { .service = "confluence", .url = fake_tracker_get_url (fx->fake),
                              .project = "NOPE", .user = fx->user, .token = TOKEN };
  g_autoptr(LiaWiki) wiki = lia_wiki_new (fx->http, &config, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = lia_wiki_list (wiki, NULL, &error);

  g_assert_null (pages);
  g_assert_error (error, LIA_SYNC_ERROR, LIA_SYNC_ERROR_NOT_FOUND);
  if (g_strcmp0 (data, CLOUD) == 0)
    g_assert_nonnull (strstr (error->message, "“NOPE”"));
  g_assert_cmpuint (fake_tracker_get_writes (fx->fake), ==, 0);
}

/* Each count is its own plural-correct item of one list: a single
 * conflict or error is "1 conflict", not "1 conflicts"; a dry run says so
 * once, in front. */
static void
test_summaries (void)
{
  LiaPublishReport *pub = g_new0 (LiaPublishReport, 1);
  LiaSyncReport *sync = g_new0 (LiaSyncReport, 1);
  g_autoptr(LiaPublishReport) publish = pub;
  g_autoptr(LiaSyncReport) synced = sync;
  char *text;

  *pub = (LiaPublishReport) { .created = 3, .updated = 2, .moved = 1, .unchanged = 4, .conflicts = 2, .errors = 5, .remote_only = 6 };
  text = lia_publish_report_summary (pub);
  g_assert_cmpstr (text, ==, "3 created, 2 updated, 1 moved, 4 unchanged, 2 conflicts, 5 errors, 6 only on the wiki");
  g_free (text);

  *pub = (LiaPublishReport) { .conflicts = 1, .errors = 1, .dry_run = TRUE };
  text = lia_publish_report_summary (pub);
  g_assert_cmpstr (text, ==, "Dry run: 0 to create, 0 to update, 0 to move, 0 unchanged, 1 conflict, 1 error, 0 only on the wiki");
  g_free (text);

  *sync = (LiaSyncReport) { .created = 1, .updated = 2, .unchanged = 3, .pulled = 4, .conflicts = 1, .errors = 0 };
  text = lia_sync_report_summary (sync);
  g_assert_cmpstr (text, ==, "1 created, 2 updated, 3 unchanged, 4 pulled, 1 conflict, 0 errors");
  g_free (text);

  *sync = (LiaSyncReport) { .created = 2, .pulled = 1, .conflicts = 3, .errors = 1, .waiting = 2, .dry_run = TRUE };
  text = lia_sync_report_summary (sync);
  g_assert_cmpstr (text, ==, "Dry run: 2 to create, 0 to update, 0 unchanged, 1 to pull, 3 conflicts, 1 error, 2 waiting to confirm");
  g_free (text);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_add_func ("/publish/summaries", test_summaries);
  g_test_add_func ("/publish/storage/escaping", test_storage_escaping);
  g_test_add_func ("/publish/storage/any-input", test_storage_any_input);
  g_test_add_func ("/publish/redmine/links", test_redmine_links);
  g_test_add_func ("/publish/redmine/titles", test_redmine_titles);
#define ADD(path, fn) \
  g_test_add ("/publish/confluence/cloud/" path, Fixture, CLOUD, fixture_set_up, fn, fixture_tear_down); \
  g_test_add ("/publish/confluence/dc/" path, Fixture, DC, fixture_set_up, fn, fixture_tear_down)
  ADD ("tree", test_publish_tree);
  ADD ("dry-run", test_dry_run);
  ADD ("subtree", test_subtree);
  ADD ("conflict", test_conflict);
  ADD ("foreign-title", test_foreign_title);
  ADD ("same-titles", test_same_titles);
  ADD ("hostile-titles", test_hostile_titles);
  ADD ("faults", test_faults);
  ADD ("errors", test_errors);
  ADD ("cancel", test_cancel);
  ADD ("paging", test_paging);
  ADD ("paging-cap", test_paging_cap);
  ADD ("no-space", test_no_space);
  g_test_add ("/publish/confluence/cloud/label-marker", Fixture, CLOUD, fixture_set_up, test_label_marker, fixture_tear_down);
  g_test_add ("/publish/confluence/dc/no-move", Fixture, DC, fixture_set_up, test_no_move, fixture_tear_down);
#undef ADD
  return g_test_run ();
}
