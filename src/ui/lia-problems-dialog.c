/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-problems-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-problems-dialog.h"
#include "lia-model.h"

/* “Review Problems…”: what recovery found in a damaged file and what it
 * did, one row each, and the values it set aside.  Saving (a response
 * here) writes the repaired workspace; until then nothing is written. */

static GtkWidget *
problem_row (const char *text,
             const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (sub), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_selectable (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "monospace");
      gtk_box_append (GTK_BOX (box), sub);
    }
  return box;
}

/* What the dialog's response needs, freed with the dialog (when its
 * handler goes).  The parent is only watched: the dialog must not keep a
 * closed window alive. */
typedef struct
{
  GtkWindow    *parent;
  LiaWorkspace *workspace;
} Problems;

static void
problems_free (gpointer  data,
               GClosure *closure)
{
  Problems *problems = data;

  g_clear_weak_pointer (&problems->parent);
  g_clear_object (&problems->workspace);
  g_free (problems);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Problems         *problems)
{
  if (g_str_equal (response, "save"))
    {
      if (problems->parent != NULL)
        gtk_widget_activate_action (GTK_WIDGET (problems->parent), "win.save", NULL);
    }
  else if (g_str_equal (response, "discard"))
    {
      GListStore *kept = lia_workspace_get_unrecovered (problems->workspace);
      LiaHistory *history = lia_workspace_get_history (problems->workspace);

      /* One undo step brings them all back. */
      lia_history_begin (history, _("Discard Kept Values"));
      while (g_list_model_get_n_items (G_LIST_MODEL (kept)) > 0)
        lia_history_remove (history, kept, 0);
      lia_history_end (history);
    }
}

GtkWidget *
lia_problems_dialog_new (GtkWindow    *parent,
                         LiaWorkspace *workspace)
{
  const char * const *problems = lia_workspace_get_problems (workspace);
  GListModel *kept = G_LIST_MODEL (lia_workspace_get_unrecovered (workspace));
  GtkWidget *dialog, *scrolled, *list;
  Problems *state;
  guint n = g_strv_length ((char **) problems);

  g_return_val_if_fail (LIA_IS_WORKSPACE (workspace), NULL);

  dialog = adw_message_dialog_new (parent, _("Problems in This File"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s",
                                  n > 0 ?
                                  _("Liaison opened everything it could and repaired the rest as listed. "
                                    "Values it could not put back are kept with the workspace, shown below. "
                                    "Nothing is written until you save.") :
                                  _("Values a repair set aside are kept with the workspace, shown below."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems in This File"), -1);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), problem_row (problems[i], NULL));
  for (guint i = 0; i < g_list_model_get_n_items (kept); i++)
    {
      g_autoptr(LiaEntity) item = g_list_model_get_item (kept, i);
      JsonNode *value = lia_entity_get_json (item, LIA_UNRECOVERED_VALUE);
      g_autofree char *json = value ? json_to_string (value, FALSE) : g_strdup ("null");
      g_autofree char *title = NULL;

      /* Translators: a value kept aside by a repair; %s is its place in the
       * file, like tasks[0].due. */
      title = g_strdup_printf (_("Kept from %s"), lia_entity_get_string (item, LIA_UNRECOVERED_PATH));
      if (strlen (json) > 400)
        strcpy (json + 397, "…");
      gtk_list_box_append (GTK_LIST_BOX (list), problem_row (title, json));
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (320, 72 * (n + g_list_model_get_n_items (kept))));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    NULL);
  /* Once the user has seen what was kept and put right what matters,
   * the kept values can go (undoably); they stay in the file till then. */
  if (g_list_model_get_n_items (kept) > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard Kept Values"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save Repaired Workspace"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  state = g_new0 (Problems, 1);
  g_set_weak_pointer (&state->parent, parent);
  state->workspace = g_object_ref (workspace);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), state, problems_free, 0);
  return dialog;
}
