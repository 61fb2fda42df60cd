/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-credentials"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "lia-calendar.h"
#include "lia-credentials.h"

/* Tokens live in the keyring (the Secret Service), keyed by the account's
 * id; they never reach the workspace file, a log or an error message.
 * Without a keyring the token comes from LIAISON_TOKEN (a chat's webhook
 * from LIAISON_WEBHOOK, a calendar's password from LIAISON_CALDAV_PASSWORD),
 * as for the CLI. */

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Token", SECRET_SCHEMA_NONE,
    {
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_warning ("Could not keep the token in the keyring: %s", error->message);
}

void
lia_credentials_store (const char *account_id,
                       const char *url,
                       const char *token)
{
  /* Translators: the label of a token in the keyring; %s is a web address */
  g_autofree char *label = g_strdup_printf (_("Liaison token for %s"), url);

  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token, NULL,
                         stored_cb, NULL, "account", account_id, NULL);
}

static char *
lookup (const char *account_id,
        const char *variable)
{
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_sync (token_schema (), NULL, &error, "account", account_id, NULL);

  if (token != NULL && *token != '\0')
    {
      char *copy = g_strdup (token);
      secret_password_free (token);
      return copy;
    }
  if (token)
    secret_password_free (token);
  return g_strdup (g_getenv (variable));
}

char *
lia_credentials_lookup (const char *account_id)
{
  return lookup (account_id, "LIAISON_TOKEN");
}

char *
lia_credentials_lookup_webhook (const char *account_id)
{
  return lookup (account_id, "LIAISON_WEBHOOK");
}

static void
webhook_found_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *webhook = secret_password_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (webhook != NULL && *webhook != '\0')
    g_task_return_pointer (task, g_strdup (webhook), g_free);
  else
    g_task_return_pointer (task, g_strdup (g_getenv ("LIAISON_WEBHOOK")), g_free);
  if (webhook)
    secret_password_free (webhook);
}

void
lia_credentials_lookup_webhook_async (const char          *account_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, lia_credentials_lookup_webhook_async);
  secret_password_lookup (token_schema (), cancellable, webhook_found_cb, task, "account", account_id, NULL);
}

char *
lia_credentials_lookup_webhook_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Calendars */

static const SecretSchema *
calendar_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Calendar", SECRET_SCHEMA_NONE,
    {
      { "member", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "source", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

static void
wipe_free (char *secret)
{
  secret_password_wipe (secret);
  g_free (secret);
}

/* What was stored in this session, by "member\nsource": the keyring may be
 * absent (a plain session, the tests) or slow to answer. */
static GHashTable *
session_secrets (void)
{
  static GHashTable *secrets;

  if (secrets == NULL)
    secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) wipe_free);
  return secrets;
}

static char *
calendar_key (const char *member_id,
              const char *source)
{
  return g_strconcat (member_id, "\n", source, NULL);
}

void
lia_credentials_store_calendar (const char *member_id,
                                const char *source,
                                const char *secret)
{
  g_autofree char *shown = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (member_id != NULL && source != NULL);

  if (secret == NULL || secret[0] == '\0')
    return;
  /* The copy it replaces is wiped. */
  g_hash_table_replace (session_secrets (), calendar_key (member_id, source),
                        g_strdup (secret));
  shown = lia_calendar_source_mask (source);
  /* Translators: the label of a calendar password in the keyring; %s is a web address */
  label = g_strdup_printf (_("Liaison calendar password for %s"), shown);
  secret_password_store (calendar_schema (), SECRET_COLLECTION_DEFAULT, label, secret, NULL,
                         stored_cb, NULL, "member", member_id, "source", source, NULL);
}

static void
calendar_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (secret != NULL && *secret != '\0')
    g_task_return_pointer (task, g_strdup (secret), g_free);
  else
    g_task_return_pointer (task, g_strdup (g_getenv ("LIAISON_CALDAV_PASSWORD")), g_free);
  if (secret)
    secret_password_free (secret);
}

/* Returns (in _finish) the secret, or NULL when none is known. */
void
lia_credentials_lookup_calendar_async (const char          *member_id,
                                       const char          *source,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *key = calendar_key (member_id, source);
  const char *known = g_hash_table_lookup (session_secrets (), key);

  g_task_set_source_tag (task, lia_credentials_lookup_calendar_async);
  if (known != NULL)
    {
      g_task_return_pointer (task, g_strdup (known), g_free);
      g_object_unref (task);
      return;
    }
  secret_password_lookup (calendar_schema (), cancellable, calendar_found_cb, task,
                          "member", member_id, "source", source, NULL);
}

char *
lia_credentials_lookup_calendar_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
