/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-window.h"

G_BEGIN_DECLS

typedef gboolean (*LiaWidgetMatch) (GtkWidget     *widget,
                                    gconstpointer  data);

GtkWidget *lia_test_find_widget (GtkWidget      *root,
                                 LiaWidgetMatch  match,
                                 gconstpointer   data);
gboolean   lia_test_is_type     (GtkWidget      *widget,
                                 gconstpointer   type);
void       lia_test_spin        (guint           ms);
void       lia_test_destroy_windows (void);
void       lia_test_click       (GtkWidget      *button);
gboolean   lia_test_has_title   (GtkWidget      *widget,
                                 gconstpointer   title);
gboolean   lia_test_has_tooltip (GtkWidget      *widget,
                                 gconstpointer   tooltip);
gboolean   lia_test_has_label   (GtkWidget      *widget,
                                 gconstpointer   label);
LiaWindow *lia_test_sample_window (const char    *area,
                                   LiaWorkspace **workspace);
LiaWorkspace *lia_test_read_only_sample (void);
/* A test session has no keyring: storing a secret there warns, which is
 * the session's lack, not the code's.  Lets those warnings pass. */
void       lia_test_allow_missing_keyring (void);

#define lia_test_find_type(root, type) \
  lia_test_find_widget ((root), lia_test_is_type, GSIZE_TO_POINTER (type))

G_END_DECLS
