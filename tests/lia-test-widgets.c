/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-test-widgets.h"

/* The first widget under @root, depth first, that @match accepts. */
GtkWidget *
lia_test_find_widget (GtkWidget      *root,
                      LiaWidgetMatch  match,
                      gconstpointer   data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lia_test_find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

gboolean
lia_test_is_type (GtkWidget     *widget,
                  gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}
