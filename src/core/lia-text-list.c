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
  /* Translators: between the items of a list (zh_CN: 、) */
  return g_strjoinv (_(", "), (char **) items);
}
