/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lia-page-editor.c: a page's title, Markdown, preview, path and status.
 * A few lines over 600: the breadcrumbs' links and the title's rename
 * (which rewrites links across the tree, so it commits on Enter or on
 * leaving the field, not per key) live with the page they describe. */
#define G_LOG_DOMAIN "lia-page-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "lia-field-binding.h"
#include "lia-markdown-render.h"
#include "lia-page-editor.h"
#include "lia-page-tree.h"
#include "lia-widgets.h"

struct _LiaPageEditor
{
  GtkWidget        parent_instance;

  LiaWorkspace    *workspace;
  LiaPage         *page;
  LiaFieldBinding *body;
  char            *status;
  char            *crumbs;
  GPtrArray       *chain;       /* the page and its ancestors, outermost first */
  char            *crumbs_key;  /* what the path labels show, links included */

  /* template children */
  GtkStack        *editor_stack;
  GtkWidget       *crumb_box;
  GtkLabel        *crumb_label;   /* the ancestors above the parent, as links */
  GtkLabel        *parent_label;  /* the parent, as a link */
  GtkToggleButton *edit_toggle;
  GtkToggleButton *preview_toggle;
  GtkEntry        *title_entry;
  GtkStack        *mode_stack;
  GtkTextView     *source_view;
  GtkTextView     *preview;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (LiaPageEditor, lia_page_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_PAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
writable (LiaPageEditor *self)
{
  return self->workspace != NULL && !lia_workspace_get_read_only (self->workspace);
}

/* Chinese and Japanese are written without spaces, so each Han, kana or
 * hangul character counts as one (as 字 in a Chinese word count); a run
 * of Latin letters or digits is one word, apostrophes inside included
 * ("don't"). */
static gboolean
counted_alone (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return g_unichar_isalnum (c);
    default:
      return FALSE;
    }
}

guint
lia_page_editor_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (counted_alone (c))
        {
          words++;
          in_word = FALSE;
        }
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            words++;
          in_word = TRUE;
        }
      else if (in_word && (c == '\'' || c == 0x2019) && g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p))) &&
               !counted_alone (g_utf8_get_char (g_utf8_next_char (p))))
        continue;
      else
        in_word = FALSE;
    }
  return words;
}

static void
update_status (LiaPageEditor *self)
{
  const char *updated;
  guint words;
  g_autofree char *edited = NULL;
  LiaRemoteRef *ref;
  const char *version;

  g_clear_pointer (&self->status, g_free);
  if (self->page == NULL)
    return;
  words = lia_page_editor_count_words (lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_BODY));
  updated = lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_UPDATED);
  if (updated[0] != '\0')
    {
      g_autoptr(GDateTime) stamp = g_date_time_new_from_iso8601 (updated, NULL);
      g_autoptr(GDateTime) local = stamp ? g_date_time_to_local (stamp) : NULL;
      edited = local ? g_date_time_format (local, _("%a %e %b %Y, %H:%M")) : NULL;
    }
  if (edited != NULL)
    /* Translators: the word count, where each Chinese character counts as
     * one: in Chinese say 字 ("%u 字 · 编辑于 %s"), not 词. Then when the
     * page was last edited. */
    self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word · edited %s", "%u words · edited %s", words), words, edited);
  else
    /* Translators: the word count, where each Chinese character counts as
     * one: in Chinese say 字 ("%u 字"), not 词 */
    self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  ref = lia_entity_get_remote (LIA_ENTITY (self->page));
  version = ref ? lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_REMOTE_VERSION) : "";
  if (ref && *lia_entity_get_string (LIA_ENTITY (ref), LIA_REMOTE_REF_SPACE) && *version)
    {
      /* Translators: appended to the word count; %s is the wiki page's version */
      g_autofree char *published = g_strdup_printf (_("published, wiki version %s"), version);
      g_autofree char *both = g_strconcat (self->status, " · ", published, NULL);

      g_free (self->status);
      self->status = g_steal_pointer (&both);
    }
  gtk_label_set_label (self->status_label, self->status);
}

/* The ancestors of the page, as links. A deep path is shortened in the
 * middle, so the space it starts from and the parent it ends with (the
 * crumb one wants) both stay readable: the parent has a label of its own,
 * and the crumbs before it ask for at most 24 characters, so they give way
 * first. Both can shrink to "…" in a 360 px window. */
static void
update_breadcrumbs (LiaPageEditor *self)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *parent_link = NULL;
  g_autofree char *key = NULL;

  /* The page's place, checked at every edit for its depth times its
   * siblings; the tree is walked only when the place changed. */
  if (self->page != NULL && self->workspace != NULL)
    {
      GListStore *roots = lia_workspace_get_pages (self->workspace);

      if (self->chain == NULL || g_ptr_array_index (self->chain, self->chain->len - 1) != self->page ||
          !lia_pages_chain_holds (roots, self->chain))
        {
          g_clear_pointer (&self->chain, g_ptr_array_unref);
          self->chain = lia_pages_chain (roots, self->page);
        }
    }
  for (guint i = 0; self->chain != NULL && i + 1 < self->chain->len; i++)
    g_ptr_array_add (path, g_ptr_array_index (self->chain, i));
  for (guint i = 0; i < path->len; i++)
    {
      LiaPage *page = g_ptr_array_index (path, i);
      const char *title = lia_entity_get_string (LIA_ENTITY (page), LIA_PAGE_TITLE);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *link = g_strdup_printf ("<a href=\"page:%s\">%s</a>", lia_entity_get_id (LIA_ENTITY (page)), escaped);

      if (i + 1 < path->len)
        g_string_append_printf (markup, "%s › ", link);
      else
        parent_link = g_steal_pointer (&link);
      g_string_append_printf (text, "%s › ", title);
    }
  g_string_append (text, self->page ? lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE) : "");
  /* Unchanged (a keystroke in the body): nothing new to lay out.  The
   * links' ids count too: two sections may share a title. */
  key = g_strconcat (markup->str, "\n", parent_link ? parent_link : "", "\n", text->str, NULL);
  if (g_strcmp0 (self->crumbs_key, key) == 0)
    {
      g_string_free (text, TRUE);
      return;
    }
  g_free (self->crumbs_key);
  self->crumbs_key = g_steal_pointer (&key);
  if (parent_link != NULL)
    gtk_label_set_markup (self->parent_label, parent_link);
  gtk_label_set_markup (self->crumb_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->crumb_label), path->len > 1);
  g_free (self->crumbs);
  self->crumbs = g_string_free (text, FALSE);
  gtk_widget_set_visible (self->crumb_box, path->len > 0);
}

static gboolean
previewing (LiaPageEditor *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "preview") == 0;
}

static void
render_preview (LiaPageEditor *self)
{
  if (self->page != NULL)
    lia_markdown_render (self->preview, lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_BODY));
}

static void
show_title (LiaPageEditor *self)
{
  const char *title = lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
}

/* A field of the page changed: by typing here, by a rename in the tree,
 * by undo or by a publish. */
static void
page_notify_cb (LiaPageEditor *self,
                GParamSpec    *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title") && !gtk_widget_has_focus (GTK_WIDGET (self->title_entry)))
    show_title (self);
  if (g_str_equal (name, "body") && previewing (self))
    render_preview (self);
  update_status (self);
}

/* Renames and moves of ancestors show in the path. */
static void
history_changed_cb (LiaPageEditor *self)
{
  if (self->page != NULL)
    update_breadcrumbs (self);
}

/* When the page was last edited is a fact about the page, not an edit:
 * it is set when the user types, not by undo. */
static void
body_edited_cb (LiaPageEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  if (self->page != NULL && writable (self))
    lia_entity_set_string (LIA_ENTITY (self->page), LIA_PAGE_UPDATED, stamp);
}

/* A new title takes effect when typing ends (Enter or leaving the field):
 * a rename rewrites the links that name the page all over the tree, so it
 * happens once, not at each key as through lia_bind_entry (). */
static void
title_commit (LiaPageEditor *self)
{
  g_autofree char *title = NULL;

  if (self->page == NULL || !writable (self))
    return;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  if (title[0] == '\0')
    {
      show_title (self);
      return;
    }
  if (g_str_equal (title, lia_entity_get_string (LIA_ENTITY (self->page), LIA_PAGE_TITLE)))
    return;
  lia_pages_rename (lia_workspace_get_history (self->workspace), lia_workspace_get_pages (self->workspace), self->page, title);
  update_breadcrumbs (self);
}

static void
update_read_only (LiaPageEditor *self)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), writable (self));
  lia_field_binding_set_read_only (self->body, !writable (self));
}

/* Follows a link of the page: to another page (reported with
 * "open-page"), to a meeting (the window's win.open-meeting), or out to
 * the web.  FALSE when its target is not there. */
gboolean
lia_page_editor_follow_link (LiaPageEditor *self,
                             const char    *href)
{
  g_autofree char *key = NULL;
  g_autoptr(LiaPage) target = NULL;

  g_return_val_if_fail (LIA_IS_PAGE_EDITOR (self), FALSE);

  if (href == NULL || self->workspace == NULL)
    return FALSE;
  if (g_str_has_prefix (href, "meeting:"))
    {
      GListModel *meetings = G_LIST_MODEL (lia_workspace_get_meetings (self->workspace));

      for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
        {
          g_autoptr(LiaMeeting) meeting = g_list_model_get_item (meetings, i);

          if (g_str_equal (lia_entity_get_id (LIA_ENTITY (meeting)), href + 8))
            return gtk_widget_activate_action (GTK_WIDGET (self), "win.open-meeting", "s", href + 8);
        }
      return FALSE;
    }
  if (!g_str_has_prefix (href, "page:"))
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), href, GDK_CURRENT_TIME);
      G_GNUC_END_IGNORE_DEPRECATIONS
      return TRUE;
    }
  key = g_uri_unescape_string (href + 5, NULL);
  if (key == NULL)
    return FALSE;
  target = lia_pages_find (G_LIST_MODEL (lia_workspace_get_pages (self->workspace)), key);
  if (target == NULL)
    return FALSE;
  g_signal_emit (self, signals[OPEN_PAGE], 0, target);
  return TRUE;
}

static gboolean
crumb_activated_cb (LiaPageEditor *self,
                    const char    *uri,
                    GtkLabel      *label)
{
  lia_page_editor_follow_link (self, uri);
  return TRUE;
}

static void
preview_clicked_cb (LiaPageEditor   *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->preview, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->preview, &iter, bx, by))
    lia_page_editor_follow_link (self, lia_markdown_link_at (&iter));
}

/* A link in a table cell of the preview (see lia-markdown-render.h). */
static void
follow_link_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  lia_page_editor_follow_link (LIA_PAGE_EDITOR (widget), g_variant_get_string (param, NULL));
}

static void
mode_toggled_cb (LiaPageEditor   *self,
                 GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (self->mode_stack, button == self->preview_toggle ? "preview" : "edit");
}

static void
mode_changed_cb (LiaPageEditor *self)
{
  if (previewing (self))
    render_preview (self);
}

void
lia_page_editor_show_preview (LiaPageEditor *self,
                              gboolean       preview)
{
  g_return_if_fail (LIA_IS_PAGE_EDITOR (self));

  gtk_toggle_button_set_active (preview ? self->preview_toggle : self->edit_toggle, TRUE);
  gtk_stack_set_visible_child_name (self->mode_stack, preview ? "preview" : "edit");
  render_preview (self);
}

GtkTextBuffer *
lia_page_editor_get_preview (LiaPageEditor *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->preview);
}

const char *
lia_page_editor_get_status (LiaPageEditor *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_EDITOR (self), NULL);

  return self->status;
}

const char *
lia_page_editor_get_breadcrumbs (LiaPageEditor *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_EDITOR (self), NULL);

  return self->crumbs;
}

LiaPage *
lia_page_editor_get_page (LiaPageEditor *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_EDITOR (self), NULL);

  return self->page;
}

/* Shows PAGE (NULL: none).  The same page again reads its status and path
 * again, as after a publish. */
void
lia_page_editor_set_page (LiaPageEditor *self,
                          LiaPage       *page)
{
  g_return_if_fail (LIA_IS_PAGE_EDITOR (self));
  g_return_if_fail (page == NULL || LIA_IS_PAGE (page));

  if (self->page != page)
    {
      if (self->page != NULL)
        g_signal_handlers_disconnect_by_data (self->page, self);
      g_set_object (&self->page, page);
      lia_field_binding_set_entity (self->body, LIA_ENTITY (page));
      if (page != NULL)
        {
          show_title (self);
          g_signal_connect_object (page, "notify", G_CALLBACK (page_notify_cb), self, G_CONNECT_SWAPPED);
          if (previewing (self))
            render_preview (self);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  gtk_stack_set_visible_child_name (self->editor_stack, page ? "page" : "none");
  if (page == NULL)
    return;
  update_read_only (self);
  update_breadcrumbs (self);
  update_status (self);
}

LiaWorkspace *
lia_page_editor_get_workspace (LiaPageEditor *self)
{
  g_return_val_if_fail (LIA_IS_PAGE_EDITOR (self), NULL);

  return self->workspace;
}

void
lia_page_editor_set_workspace (LiaPageEditor *self,
                               LiaWorkspace  *workspace)
{
  g_return_if_fail (LIA_IS_PAGE_EDITOR (self));
  g_return_if_fail (workspace == NULL || LIA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  lia_page_editor_set_page (self, NULL);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
    }
  g_set_object (&self->workspace, workspace);
  lia_field_binding_set_history (self->body, workspace ? lia_workspace_get_history (workspace) : NULL);
  if (workspace != NULL)
    {
      g_signal_connect_object (lia_workspace_get_history (workspace), "changed",
                               G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "notify::read-only", G_CALLBACK (update_read_only), self, G_CONNECT_SWAPPED);
    }
  update_read_only (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
lia_page_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaPageEditor *self = LIA_PAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_PAGE:
      g_value_set_object (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_page_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaPageEditor *self = LIA_PAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      lia_page_editor_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      lia_page_editor_set_page (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_page_editor_dispose (GObject *object)
{
  LiaPageEditor *self = LIA_PAGE_EDITOR (object);

  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (lia_workspace_get_history (self->workspace), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PAGE_EDITOR);
  self->body = NULL;   /* the source view owned it */
  g_clear_object (&self->page);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (lia_page_editor_parent_class)->dispose (object);
}

static void
lia_page_editor_finalize (GObject *object)
{
  LiaPageEditor *self = LIA_PAGE_EDITOR (object);

  g_free (self->status);
  g_free (self->crumbs);
  g_clear_pointer (&self->chain, g_ptr_array_unref);
  g_free (self->crumbs_key);
  G_OBJECT_CLASS (lia_page_editor_parent_class)->finalize (object);
}

static void
lia_page_editor_class_init (LiaPageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_page_editor_dispose;
  object_class->finalize = lia_page_editor_finalize;
  object_class->get_property = lia_page_editor_get_property;
  object_class->set_property = lia_page_editor_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, LIA_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_object ("page", NULL, NULL, LIA_TYPE_PAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A link (in the text or the path) to another page of the tree. */
  signals[OPEN_PAGE] = g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIA_TYPE_PAGE);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaisonapp/Liaison/documents/lia-page-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, crumb_box);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, crumb_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, parent_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, edit_toggle);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, LiaPageEditor, status_label);
  gtk_widget_class_bind_template_callback (widget_class, crumb_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_commit);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);
  gtk_widget_class_install_action (widget_class, "preview.follow-link", "s", follow_link_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_page_editor_init (LiaPageEditor *self)
{
  GtkTextBuffer *source;

  gtk_widget_init_template (GTK_WIDGET (self));
  source = gtk_text_view_get_buffer (self->source_view);
  lia_source_view_use_markdown (self->source_view);
  self->body = lia_bind_text_view (self->source_view, NULL, NULL, LIA_PAGE_BODY);
  g_signal_connect_object (source, "end-user-action", G_CALLBACK (body_edited_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->editor_stack, "none");
  update_read_only (self);
}
