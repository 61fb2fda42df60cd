/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lia-model.h"

G_BEGIN_DECLS

/* API contracts: models as field tables that refer to each other.  This
 * checks a contract, checks a JSON payload against a model, and exports
 * JSON Schema (draft 2020-12) and OpenAPI 3.1. */

#define LIA_CONTRACTS_ERROR (lia_contracts_error_quark ())

typedef enum
{
  LIA_CONTRACTS_ERROR_NOT_FOUND,   /* no model by that name */
  LIA_CONTRACTS_ERROR_NO_ENDPOINT, /* OpenAPI asked of a model without a path */
} LiaContractsError;

GQuark       lia_contracts_error_quark   (void);

LiaContract *lia_contracts_find          (GListModel  *contracts,
                                          const char  *name);
/* Located problems of the contract itself ("ChatRequest.temperature:
 * default 2.5 is above the maximum 2"), in model and field order. */
GPtrArray   *lia_contracts_check         (GListModel  *contracts);
/* Every violation of @payload against @model, each with its JSON path
 * ("messages[1].role: required"); empty when the payload is valid. */
GPtrArray   *lia_contracts_check_payload (GListModel  *contracts,
                                          LiaContract *model,
                                          JsonNode    *payload);
/* The same for pasted text; text that is not JSON is one problem. */
GPtrArray   *lia_contracts_check_payload_text (GListModel  *contracts,
                                               LiaContract *model,
                                               const char  *text);
JsonNode    *lia_contracts_json_schema   (GListModel  *contracts,
                                          LiaContract *model);
JsonNode    *lia_contracts_openapi       (GListModel  *contracts,
                                          LiaContract *endpoint,
                                          const char  *title,
                                          GError     **error);
/* "number, 0–2, default 0.7": a field in a few words, for lists. */
char        *lia_contracts_describe_field (LiaField   *field);
char        *lia_contracts_to_text        (JsonNode   *node);

G_END_DECLS
