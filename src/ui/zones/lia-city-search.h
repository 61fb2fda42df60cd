/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cities of the libgweather database, searched by name (in the UI
 * language or in English), each with its IANA time zone. */

typedef struct
{
  char *name;       /* in the UI language */
  char *country;
  char *zone;       /* IANA identifier */
} LiaCity;

GPtrArray *lia_city_search (const char *query,
                            guint       limit);
void       lia_city_free   (LiaCity    *city);

G_END_DECLS
