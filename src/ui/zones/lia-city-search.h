/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cities of the libgweather database, searched by name (in the UI
 * language, in English, or in Chinese for major cities), each with its
 * IANA time zone; a time zone's own name (Asia/Shanghai, UTC) is found
 * too. */

typedef struct
{
  char     *name;       /* in the UI language; the zone's name for a zone */
  char     *country;    /* NULL for a zone */
  char     *zone;       /* IANA identifier */
  gboolean  is_zone;    /* a time zone, not a city */
} LiaCity;

GPtrArray  *lia_city_search     (const char    *query,
                                 guint          limit);
char       *lia_city_zone_place (const LiaCity *city);
void        lia_city_free       (LiaCity       *city);

G_END_DECLS
