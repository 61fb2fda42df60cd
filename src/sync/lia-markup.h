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

/* Turns a local link target (what follows "page:") into the remote title
 * of that page, or NULL when it names no page. */
typedef const char *(*LiaWikiLinkFunc) (const char *target,
                                        gpointer    user_data);

char     *lia_xml_clean            (const char     *text);
char     *lia_markdown_to_storage  (const char     *markdown,
                                    const char     *space,
                                    LiaWikiLinkFunc link,
                                    gpointer        link_data);
char     *lia_markdown_link_pages  (const char     *markdown,
                                    LiaWikiLinkFunc link,
                                    gpointer        link_data);

G_END_DECLS
