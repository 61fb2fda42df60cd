/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The test-time oracle (tests/oracle/oracle.js): Atlassian's ADF schema
 * and GitHub's REST OpenAPI description, installed by
 * ./build-aux/dev test into the build's oracle folder.  One node process
 * per test process, asked one line at a time; safe from any thread. */

gboolean  lia_oracle_enabled      (void);
JsonNode *lia_oracle_ask          (JsonNode    *request);
gboolean  lia_oracle_check_adf    (JsonNode    *doc,
                                   char       **problem);
gboolean  lia_oracle_check_github (const char  *method,
                                   const char  *path,
                                   GHashTable  *query,
                                   JsonNode    *body,
                                   guint       *status,
                                   char       **answer);

G_END_DECLS
