/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-toast.h"

static void
show (GtkWidget  *widget,
      const char *title,
      gboolean    undo)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  toast = adw_toast_new (title);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* A short message in the window holding WIDGET. */
void
lia_show_toast (GtkWidget  *widget,
                const char *title)
{
  show (widget, title, FALSE);
}

/* Destructive actions are not confirmed up front; they announce
 * themselves with a toast that offers Undo (win.undo), as the HIG asks. */
void
lia_show_undo_toast (GtkWidget  *widget,
                     const char *title)
{
  show (widget, title, TRUE);
}

/* A toast whose button runs ACTION_NAME with TARGET (floating, consumed),
 * e.g. "Open" on what was just made. */
void
lia_show_action_toast (GtkWidget  *widget,
                       const char *title,
                       const char *button_label,
                       const char *action_name,
                       GVariant   *target)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (target != NULL)
    adw_toast_set_action_target_value (toast, target);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
