/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-export.h"

static LiaRequirement *
requirement (const char *business,
             const char *technical,
             const char *owner,
             const char *const *steps)
{
  LiaRequirement *req = lia_requirement_new ();
  GListStore *store = lia_entity_get_list (LIA_ENTITY (req), LIA_REQUIREMENT_STEPS);

  lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_BUSINESS_NEED, business);
  lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_TECHNICAL_NEED, technical);
  lia_entity_set_string (LIA_ENTITY (req), LIA_REQUIREMENT_OWNER, owner);
  for (guint i = 0; steps && steps[i]; i++)
    {
      g_autoptr(LiaStep) step = lia_step_new ();
      lia_entity_set_string (LIA_ENTITY (step), LIA_STEP_TEXT, steps[i]);
      g_list_store_append (store, step);
    }
  return req;
}

static void
test_markdown_sample (void)
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new_sample ("zh_CN");
  g_autofree char *md = lia_export_requirements (G_LIST_MODEL (lia_workspace_get_requirements (workspace)),
                                                 LIA_EXPORT_MARKDOWN);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 6); /* header, rule, 3 rows, final empty */
  g_assert_cmpstr (lines[0], ==, "| Business need | Technical need | Engineering steps | Owner | Priority | Status | Rationale |");
  g_assert_cmpstr (lines[1], ==, "|---|---|---|---|---|---|---|");
  g_assert_cmpstr (lines[2], ==,
                   "| 提高模型推理速度 | 优化推理引擎性能 | 1. 分析当前推理瓶颈<br>2. 优化KVCache管理<br>"
                   "3. 实现Continuous Batching<br>4. 优化GPU内存使用<br>5. 测试性能提升效果 | 推理工程师A | High | Draft |  |");
}

static void
test_markdown_escaping (void)
{
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_REQUIREMENT);
  const char *steps[] = { "a | b", NULL };
  g_autoptr(LiaRequirement) req = requirement ("pipes | here", "two\nlines", "", steps);
  g_autofree char *md = NULL;

  g_list_store_append (store, req);
  md = lia_export_requirements (G_LIST_MODEL (store), LIA_EXPORT_MARKDOWN);
  g_assert_nonnull (strstr (md, "| pipes \\| here | two<br>lines | 1. a \\| b |"));
}

static void
test_csv_injection (void)
{
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_REQUIREMENT);
  g_autoptr(LiaRequirement) a = requirement ("=HYPERLINK(\"http://x\")", "+1+2", "@SUM(A1)", NULL);
  g_autoptr(LiaRequirement) b = requirement ("-2", "\tTab", "\rCR", NULL);
  g_autoptr(LiaRequirement) c = requirement ("plain, with comma", "say \"hi\"", "a=b", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);
  csv = lia_export_requirements (G_LIST_MODEL (store), LIA_EXPORT_CSV);
  rows = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpstr (rows[0], ==, "Business need,Technical need,Engineering steps,Owner,Priority,Status,Rationale");
  /* Cells a spreadsheet would run as formulas start with an apostrophe. */
  g_assert_cmpstr (rows[1], ==, "\"'=HYPERLINK(\"\"http://x\"\")\",'+1+2,,'@SUM(A1),Medium,Draft,");
  g_assert_cmpstr (rows[2], ==, "'-2,'\tTab,,\"'\rCR\",Medium,Draft,");
  /* Only the first character matters; quoting is RFC 4180. */
  g_assert_cmpstr (rows[3], ==, "\"plain, with comma\",\"say \"\"hi\"\"\",,a=b,Medium,Draft,");
}

static void
test_format_names (void)
{
  LiaExportFormat format;

  g_assert_true (lia_export_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, LIA_EXPORT_MARKDOWN);
  g_assert_true (lia_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, LIA_EXPORT_CSV);
  g_assert_false (lia_export_format_from_string ("xlsx", &format));
}

/* Spreadsheet programs need the byte order mark to read UTF-8 (Chinese). */
static void
test_csv_file_bom (void)
{
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_REQUIREMENT);
  g_autoptr(LiaRequirement) a = requirement ("支持流式输出", "SSE", NULL, NULL);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) md = NULL;
  const char *data;
  gsize size;

  g_list_store_append (store, a);
  csv = lia_export_requirements_file (G_LIST_MODEL (store), LIA_EXPORT_CSV);
  data = g_bytes_get_data (csv, &size);
  g_assert_cmpuint (size, >, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_str_has_prefix (data + 3, "Business need,"));
  g_assert_nonnull (g_strstr_len (data, size, "支持流式输出"));

  md = lia_export_requirements_file (G_LIST_MODEL (store), LIA_EXPORT_MARKDOWN);
  data = g_bytes_get_data (md, &size);
  g_assert_cmpint (data[0], ==, '|');
}

/* The format chosen in the file chooser decides the extension. */
static void
test_file_name (void)
{
  struct { const char *name; LiaExportFormat format; const char *expected; } cases[] = {
    { "requirements.md", LIA_EXPORT_CSV, "requirements.csv" },
    { "requirements.csv", LIA_EXPORT_MARKDOWN, "requirements.md" },
    { "需求.MD", LIA_EXPORT_CSV, "需求.csv" },
    { "requirements.csv", LIA_EXPORT_CSV, "requirements.csv" },
    { "plan", LIA_EXPORT_CSV, "plan.csv" },
    { "v1.2", LIA_EXPORT_MARKDOWN, "v1.2.md" },
    { ".md", LIA_EXPORT_CSV, ".md.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = lia_export_file_name (cases[i].name, cases[i].format);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/markdown-sample", test_markdown_sample);
  g_test_add_func ("/export/markdown-escaping", test_markdown_escaping);
  g_test_add_func ("/export/csv-injection", test_csv_injection);
  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/csv-file-bom", test_csv_file_bom);
  g_test_add_func ("/export/file-name", test_file_name);

  return g_test_run ();
}
