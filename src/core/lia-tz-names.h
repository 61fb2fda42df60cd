/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Time zones are names from the system's zone list (tzdata), never paths
 * or POSIX rules: GTimeZone would read any file a "name" points at. */

gboolean            lia_tz_is_known_zone (const char *name);
const char * const *lia_tz_list_zones    (void);
GTimeZone          *lia_tz_new_known     (const char *name);

G_END_DECLS
