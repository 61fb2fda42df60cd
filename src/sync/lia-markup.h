/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *lia_markdown_to_adf      (const char *markdown);
char     *lia_adf_to_markdown      (JsonNode   *adf);
gboolean  lia_adf_check            (JsonNode   *adf,
                                    char      **problem);
char     *lia_markdown_to_wiki     (const char *markdown);
char     *lia_wiki_to_markdown     (const char *wiki);

G_END_DECLS
