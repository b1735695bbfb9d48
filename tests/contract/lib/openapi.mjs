// Validating API answers against docs/openapi.json with Ajv (JSON Schema
// 2020-12, the dialect of OpenAPI 3.1), and keeping count of which of the
// documented responses a test has seen.

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const DOC_ID = 'https://tribune.invalid/openapi.json';

// Returns validate(pointer, value): the Ajv errors of `value` against the
// schema at `pointer` ("#/components/schemas/Article") of `doc`, [] when it
// is valid. Throws when the schema does not compile.
export function schemaValidator(doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  return (pointer, value) => {
    const check = ajv.getSchema(DOC_ID + pointer);
    if (!check) throw new Error(`no schema at ${pointer}`);
    return check(value) ? [] : check.errors;
  };
}

// Follows a local "$ref" in `doc`.
export function deref(doc, node) {
  while (node && node.$ref) {
    node = node.$ref.slice(2).split('/').reduce((n, key) => n[key.replace(/~1/g, '/')], doc);
  }
  return node;
}

// Every (method, path, status) the document lists, as "GET /api/v1/x 200".
export function documentedResponses(doc) {
  const out = [];
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
      if (!item[method]) continue;
      for (const status of Object.keys(item[method].responses)) {
        out.push(`${method.toUpperCase()} ${route} ${status}`);
      }
    }
  }
  return out;
}
