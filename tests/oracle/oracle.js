// SPDX-License-Identifier: GPL-3.0-or-later
//
// The test-time oracle: validates what Liaison sends against the services'
// own published descriptions, installed by tests/oracle/install.sh into
// $LIAISON_ORACLE_DIR/node_modules (never committed, never used at run time).
//
// One JSON request per line on stdin, one JSON answer per line on stdout:
//
//   {"kind":"adf","doc":{…}}
//     → {"valid":true} or {"valid":false,"errors":["/content/0: …", …]}
//     against @atlaskit/adf-schema's dist/json-schema/v1/full.json.
//   {"kind":"github","method":"POST","path":"/repos/o/r/issues",
//    "query":{"state":"all"},"body":{…}}
//     → {"valid":true,"operation":"issues/create"} or {"valid":false,
//       "status":422|404,"body":{…}} with the body GitHub answers
//     against the operation of @octokit/openapi's
//     generated/api.github.com.json whose path template matches.
//   {"kind":"ping"} → {"valid":true}
//
// An answer always follows, so a bad request never blocks the caller.

'use strict';

const path = require('path');
const fs = require('fs');
const readline = require('readline');

const dir = process.env.LIAISON_ORACLE_DIR;
if (!dir)
  {
    process.stderr.write('oracle: LIAISON_ORACLE_DIR is not set\n');
    process.exit(2);
  }
const modules = path.join(dir, 'node_modules');
const need = (name) => require(path.join(modules, name));

const Ajv = need('ajv').default;
const AjvDraft04 = need('ajv-draft-04').default;

/* ---- ADF ----------------------------------------------------------------- */

let adfValidate = null;

function checkAdf(doc)
{
  if (adfValidate === null)
    {
      const schema = JSON.parse(fs.readFileSync(path.join(modules, '@atlaskit/adf-schema/dist/json-schema/v1/full.json'), 'utf8'));
      const ajv = new AjvDraft04({ allErrors: false, strict: false, validateFormats: false, verbose: true });
      adfValidate = ajv.compile(schema);
    }
  if (adfValidate(doc))
    return { valid: true };
  /* "…/type: must be equal to one of the allowed values" says less than
   * which node is not allowed where */
  const say = e => e.instancePath.endsWith('/type') && typeof e.data === 'string'
    ? `${e.instancePath.slice(0, -5) || '/'}: "${e.data}" is not allowed here`
    : `${e.instancePath || '/'}: ${e.message}`;
  return { valid: false, errors: unique(deepest(adfValidate.errors).map(say)) };
}

function unique(list)
{
  return [...new Set(list)];
}

/* anyOf reports every branch; the error at the deepest path is the one
 * that says what is wrong. */
function deepest(errors)
{
  if (!errors || errors.length === 0)
    return [];
  const depth = e => (e.instancePath.match(/\//g) || []).length;
  const max = Math.max(...errors.map(depth));
  return errors.filter(e => depth(e) === max).slice(0, 5);
}

/* ---- GitHub REST ----------------------------------------------------------- */

let github = null;

/* OpenAPI 3.0 is not JSON Schema: `nullable: true` means null is allowed as
 * well, and local references point into the description's components. */
function toJsonSchema(node)
{
  if (Array.isArray(node))
    return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object')
    return node;
  const out = {};
  for (const [key, value] of Object.entries(node))
    {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/'))
        out[key] = 'gh' + value;
      else if (key === 'nullable' || key === 'example' || key === 'examples' || key.startsWith('x-'))
        continue;
      else
        out[key] = toJsonSchema(value);
    }
  if (node.nullable === true)
    return { anyOf: [out, { type: 'null' }] };
  return out;
}

function loadGithub()
{
  const file = path.join(modules, '@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, coerceTypes: false });
  ajv.addSchema({ $id: 'gh', components: toJsonSchema({ schemas: spec.components.schemas }) });
  const routes = [];
  for (const [template, item] of Object.entries(spec.paths))
    {
      const names = [];
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name) => {
        names.push(name);
        return '([^/]+)';
      });
      /* literal paths win over templates: /repos/{o}/{r}/issues/comments
       * is not issue number "comments" */
      routes.push({ template, regex: new RegExp('^' + source + '$'), names, item, literal: template.split('{').length });
    }
  routes.sort((a, b) => a.literal - b.literal);
  return { spec, ajv, routes, cache: new Map() };
}

function resolveParam(spec, p)
{
  if (p && p.$ref)
    return p.$ref.split('/').slice(1).reduce((o, k) => o[k], spec);
  return p;
}

function invalid(status, message, doc)
{
  return { valid: false, status, body: { message, documentation_url: doc, status: String(status) } };
}

/* A query string value is text; the schema's type says how GitHub reads it. */
function fromQuery(value, schema)
{
  const type = schema && schema.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value))
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false'))
    return value === 'true';
  if (type === 'array')
    return value.split(',');
  return value;
}

function checkGithub(req)
{
  if (github === null)
    github = loadGithub();
  const method = String(req.method || 'GET').toLowerCase();
  let reqPath = String(req.path || '/');
  /* GitHub Enterprise Server serves the same API under /api/v3 */
  if (reqPath.startsWith('/api/v3/'))
    reqPath = reqPath.slice('/api/v3'.length);
  let match = null;
  let args = null;
  for (const route of github.routes)
    {
      const m = route.regex.exec(reqPath);
      if (m && route.item[method])
        {
          match = route;
          args = m.slice(1).map(decodeURIComponent);
          break;
        }
    }
  if (match === null)
    return invalid(404, 'Not Found', 'https://docs.github.com/rest');
  const op = match.item[method];
  const doc = (op.externalDocs && op.externalDocs.url) || 'https://docs.github.com/rest';
  const problems = [];
  const params = (op.parameters || []).concat(match.item.parameters || []).map(p => resolveParam(github.spec, p));
  const query = req.query || {};

  for (const p of params)
    {
      let value;
      if (p.in === 'path')
        value = args[match.names.indexOf(p.name)];
      else if (p.in === 'query')
        value = query[p.name];
      else
        continue;
      if (value === undefined || value === null)
        {
          if (p.required)
            problems.push(`Missing required ${p.in} parameter \`${p.name}\`.`);
          continue;
        }
      const key = `${match.template} ${method} ${p.in} ${p.name}`;
      let validate = github.cache.get(key);
      if (validate === undefined)
        {
          validate = github.ajv.compile(toJsonSchema(p.schema || {}));
          github.cache.set(key, validate);
        }
      const typed = fromQuery(String(value), p.schema);
      if (!validate(typed))
        problems.push(`Invalid ${p.in} parameter \`${p.name}\`: \`${value}\` ${validate.errors[0].message}.`);
    }

  const content = op.requestBody && op.requestBody.content;
  const schema = content && content['application/json'] && content['application/json'].schema;
  const hasBody = req.body !== undefined && req.body !== null;
  if (op.requestBody && op.requestBody.required && !hasBody)
    problems.push('Invalid request.\n\nNo request body was given.');
  else if (hasBody && !schema)
    problems.push(`Invalid request.\n\nThis operation (${op.operationId}) takes no JSON body.`);
  else if (hasBody)
    {
      const key = `${match.template} ${method} body`;
      let validate = github.cache.get(key);
      if (validate === undefined)
        {
          validate = github.ajv.compile(toJsonSchema(schema));
          github.cache.set(key, validate);
        }
      if (!validate(req.body))
        problems.push(...unique(deepest(validate.errors).map(e =>
          `Invalid property ${e.instancePath || '/'}: ${e.message}` +
          `${e.params && e.params.additionalProperty ? ' (' + e.params.additionalProperty + ')' : ''}.`)));
    }
  if (problems.length > 0)
    {
      /* GitHub's answer to a request its schema refuses */
      const message = problems[0].startsWith('Invalid request.') ? problems.join('\n') : 'Invalid request.\n\n' + problems.join('\n');
      return invalid(422, message, doc);
    }
  return { valid: true, operation: op.operationId };
}

/* ---- the loop -------------------------------------------------------------- */

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', (line) => {
  let answer;
  try
    {
      const req = JSON.parse(line);
      if (req.kind === 'adf')
        answer = checkAdf(req.doc);
      else if (req.kind === 'github')
        answer = checkGithub(req);
      else if (req.kind === 'ping')
        answer = { valid: true };
      else
        answer = { valid: false, errors: [`unknown kind ${JSON.stringify(req.kind)}`] };
    }
  catch (e)
    {
      answer = { valid: false, errors: [`oracle: ${e.message}`] };
    }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
