/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-application.h"
#include "lia-window.h"

struct _LiaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LiaApplication, lia_application, ADW_TYPE_APPLICATION)

/* A window is presented once it holds its workspace (or is opening a
 * file): presenting maps the page, and an empty one would map (and load
 * the icons of) its empty state first. */
static void
show_workspace (LiaWindow    *window,
                LiaWorkspace *workspace)
{
  lia_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_file (LiaWindow *window,
           GFile     *file)
{
  lia_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

/* A window whose workspace is an untouched, unnamed one can take a file
 * instead of opening another window. */
static LiaWindow *
reusable_window (LiaApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LIA_IS_WINDOW (active) && lia_window_is_disposable (LIA_WINDOW (active)))
    return LIA_WINDOW (active);
  return lia_window_new (self);
}

/* The sample made from the seed, in the language of the UI (Chinese under
 * a zh locale, else English), as on the first run. */
static LiaWorkspace *
new_sample (void)
{
  return lia_workspace_new_sample (g_get_language_names ()[0]);
}

static void
new_action_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  g_autoptr(LiaWorkspace) workspace = lia_workspace_new ();

  show_workspace (lia_window_new (LIA_APPLICATION (user_data)), workspace);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  LiaApplication *self = LIA_APPLICATION (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      show_file (reusable_window (self), file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  LiaApplication *self = LIA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Workspace"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Liaison workspaces"));
  gtk_file_filter_add_pattern (filter, "*.liaison");
  gtk_file_filter_add_mime_type (filter, "application/x-liaison-workspace");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  show_file (reusable_window (LIA_APPLICATION (user_data)), file);
}

/* After the first run the last file reopens instead of the sample; this
 * brings the sample back (in this window if it holds nothing worth
 * keeping, else in a new one). */
static void
open_sample_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  g_autoptr(LiaWorkspace) sample = new_sample ();

  show_workspace (reusable_window (LIA_APPLICATION (user_data)), sample);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  LiaApplication *self = LIA_APPLICATION (user_data);
  const char *developers[] = { _("The Liaison developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Liaison"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Liaison developers"),
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Turn business needs into engineering steps, run API design meetings, plan across time zones and keep trackers and wikis in sync."),
                        "website", "https://github.com/liaisonapp/liaison",
                        "issue-url", "https://github.com/liaisonapp/liaison/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: "The Liaison developers" as in the developer name above */
                        "copyright", _("© 2026 The Liaison developers"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/**
 * lia_application_get_help_uri:
 *
 * The user guide's address, in the user's language where a translation
 * of the guide exists (translators point the string at it).
 */
const char *
lia_application_get_help_uri (void)
{
  /* Translators: the address of the user guide; point it at the guide in
   * your language when there is one (zh_CN: the Chinese section). */
  return _("https://github.com/liaisonapp/liaison/blob/main/docs/user-guide.md");
}

static void
help_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* In the sandbox this goes through the OpenURI portal. */
  gtk_show_uri (window, lia_application_get_help_uri (), GDK_CURRENT_TIME);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window saves or asks before it closes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

/* GTK 4.8 names a button with a mnemonic ("_Run") twice over: by its
 * accessible label, which GTK sets to the raw text underscore and all,
 * and by the label inside it, so a screen reader says "_Run Run".  The
 * label inside is the right name: drop the other each time GTK sets it,
 * when a button is first shown and whenever its label changes.  (One
 * place for every button of every page and dialog; the e2e-names test
 * walks the pages for such names.) */
static void
drop_mnemonic_label (GtkWidget *widget)
{
  gboolean mnemonic = FALSE;
  const char *label = NULL;

  if (GTK_IS_BUTTON (widget))
    {
      mnemonic = gtk_button_get_use_underline (GTK_BUTTON (widget));
      label = gtk_button_get_label (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      mnemonic = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
    }
  if (mnemonic && label != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
watch_button (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return;
  if (g_object_get_data (G_OBJECT (widget), "lia-mnemonic-name") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "lia-mnemonic-name", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::label", G_CALLBACK (drop_mnemonic_label), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (drop_mnemonic_label), NULL);
    }
  drop_mnemonic_label (widget);
}

static void
watch_buttons_below (GtkWidget *widget)
{
  watch_button (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_buttons_below (child);
}

/* Buttons are fixed as they are shown.  The pages of a stack (and what a
 * revealer or leaflet hides) are not shown but still in the accessibility
 * tree, so those containers fix everything below them when they are. */
static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_ROOT (widget) || GTK_IS_STACK (widget) || GTK_IS_REVEALER (widget) ||
      ADW_IS_VIEW_STACK (widget) || ADW_IS_LEAFLET (widget) || ADW_IS_FLAP (widget) ||
      ADW_IS_SQUEEZER (widget))
    watch_buttons_below (widget);
  else
    watch_button (widget);
  return TRUE;
}

static const GActionEntry app_actions[] = {
  { "new", new_action_cb },
  { "open", open_action_cb },
  { "open-recent", open_recent_action_cb, "s" },
  { "open-sample", open_sample_action_cb },
  { "help", help_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
lia_application_activate (GApplication *app)
{
  LiaApplication *self = LIA_APPLICATION (app);
  g_autofree char *last = NULL;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  LiaWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = lia_window_new (self);
  last = g_settings_get_string (self->settings, "last-workspace");
  if (last[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last);

      if (g_file_query_exists (file, NULL))
        {
          show_file (window, file);
          return;
        }
    }

  /* First run (or the last file is gone): the sample made from the seed. */
  {
    g_autoptr(LiaWorkspace) sample = new_sample ();
    show_workspace (window, sample);
  }
}

static void
lia_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  LiaApplication *self = LIA_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    show_file (i == 0 ? reusable_window (self) : lia_window_new (self), files[i]);
}

static void
lia_application_startup (GApplication *app)
{
  LiaApplication *self = LIA_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.help", { "F1", NULL } },
  };

  G_APPLICATION_CLASS (lia_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
  /* GtkWidget's signals exist once its class does: keep it. */
  g_type_class_ref (GTK_TYPE_WIDGET);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, widget_mapped_hook, NULL, NULL);
}

static void
lia_application_dispose (GObject *object)
{
  LiaApplication *self = LIA_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lia_application_parent_class)->dispose (object);
}

static void
lia_application_class_init (LiaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lia_application_dispose;
  app_class->activate = lia_application_activate;
  app_class->open = lia_application_open;
  app_class->startup = lia_application_startup;
}

static void
lia_application_init (LiaApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

LiaApplication *
lia_application_new (void)
{
  return g_object_new (LIA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/liaisonapp/Liaison",
                       NULL);
}

GSettings *
lia_application_get_settings (LiaApplication *self)
{
  g_return_val_if_fail (LIA_IS_APPLICATION (self), NULL);

  return self->settings;
}
