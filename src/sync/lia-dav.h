/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* WebDAV multistatus answers (RFC 4918, 13), read with GMarkup and the
 * namespaces resolved, for CalDAV (lia-calendar-source.c).  Only the
 * properties of a propstat whose status is 200 are kept. */

#define LIA_DAV_NS_DAV       "DAV:"
#define LIA_DAV_NS_CALDAV    "urn:ietf:params:xml:ns:caldav"
#define LIA_DAV_NS_CALSERVER "http://calendarserver.org/ns/"

typedef struct _LiaDavResponse LiaDavResponse;

/* An array of LiaDavResponse (freed with the array), or NULL and @error. */
GPtrArray   *lia_dav_parse_multistatus       (GBytes          *xml,
                                              GError         **error);
const char  *lia_dav_response_get_href_self  (LiaDavResponse  *response);
/* The text of a property, or NULL. */
const char  *lia_dav_response_get            (LiaDavResponse  *response,
                                              const char      *ns,
                                              const char      *name);
/* The href inside a property (current-user-principal), or NULL. */
const char  *lia_dav_response_get_href       (LiaDavResponse  *response,
                                              const char      *ns,
                                              const char      *name);
/* Whether resourcetype holds the element @ns @name (CalDAV calendar). */
gboolean     lia_dav_response_has_type       (LiaDavResponse  *response,
                                              const char      *ns,
                                              const char      *name);
/* Whether the calendar may hold events: VEVENT among its
 * supported-calendar-component-set, or no such property (all kinds). */
gboolean     lia_dav_response_supports_events (LiaDavResponse *response);

G_END_DECLS
