/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-text-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lia-text-list.h"

char *
lia_text_list_join (const char * const *items)
{
  if (items == NULL)
    return g_strdup ("");
  /* Translators: between the items of any list the app joins: owners,
   * names, fields, choices (zh_CN: 、).  Its own context, apart from the
   * other ", " messages, which some languages write differently. */
  return g_strjoinv (C_("list separator", ", "), (char **) items);
}
