// docs/openapi.json is a valid OpenAPI 3.1 description: checked against the
// OpenAPI Initiative's published schema for 3.1 by a validator from npm,
// every $ref resolving, and the schemas it holds compiling as JSON Schema
// 2020-12.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { Validator } from '@seriousme/openapi-schema-validator';

import { REPO_ROOT } from '../lib/tribune_server.mjs';
import { schemaValidator } from './lib/openapi.mjs';

const DOC = path.join(REPO_ROOT, 'docs', 'openapi.json');

test('docs/openapi.json is a valid OpenAPI 3.1 document', async () => {
  const validator = new Validator();
  const result = await validator.validate(DOC);
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  assert.equal(validator.version, '3.1');
  assert.doesNotThrow(() => validator.resolveRefs(), 'every $ref resolves');
});

test('every schema in it compiles as JSON Schema 2020-12', () => {
  const doc = JSON.parse(fs.readFileSync(DOC, 'utf8'));
  const validate = schemaValidator(doc);
  for (const name of Object.keys(doc.components.schemas)) {
    assert.doesNotThrow(() => validate(`#/components/schemas/${name}`, {}), name);
  }
});
