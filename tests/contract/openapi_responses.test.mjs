// Every response docs/openapi.json documents, from the running server: each
// explicit status of each operation is provoked, and every answer's status,
// media type and body are checked against the description (bodies validated
// by Ajv against the document's JSON Schemas).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { REPO_ROOT, TEST_CONFIG, findBinary, startTribune } from '../lib/tribune_server.mjs';
import { deref, documentedResponses, schemaValidator } from './lib/openapi.mjs';

const doc = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8'));
const validate = schemaValidator(doc);
const binary = findBinary();
const seen = new Set();
let server;

const pointer = (...keys) => '#/' + keys.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

// The documented response for `status`, and the pointer of its node.
function documented(method, route, status) {
  const responses = doc.paths[route][method.toLowerCase()].responses;
  const key = responses[status] ? String(status) : 'default';
  assert.ok(responses[key], `${method} ${route} does not document ${status}`);
  let node = responses[key];
  let where = pointer('paths', route, method.toLowerCase(), 'responses', key);
  while (node.$ref) {
    where = node.$ref;
    node = deref(doc, { $ref: node.$ref });
  }
  return { key, node, where };
}

// Sends a request for operation (method, route) and checks its answer.
async function call(method, route, url, { headers = {}, body, expect } = {}) {
  const init = { method, headers: { ...headers }, redirect: 'manual' };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(server.baseUrl + url, init);
  const text = await res.text();
  const label = `${method} ${url} -> ${res.status}`;
  if (expect !== undefined) assert.equal(res.status, expect, `${label}: ${text.slice(0, 300)}`);
  const { key, node, where } = documented(method, route, res.status);
  seen.add(`${method} ${route} ${key}`);
  if (!node.content) {
    assert.equal(text, '', `${label} documents no body`);
    return { res, json: null };
  }
  const type = (res.headers.get('content-type') || '').replace(/\s/g, '');
  const media = Object.keys(node.content).find((m) => m.replace(/\s/g, '') === type);
  assert.ok(media, `${label}: Content-Type ${type} is not one of ${Object.keys(node.content)}`);
  const json = JSON.parse(text);
  const schema = node.content[media].schema;
  const schemaPointer = schema.$ref ?? (where + pointer('content', media, 'schema').slice(1));
  const errors = validate(schemaPointer, json);
  assert.deepEqual(errors, [], `${label} does not match ${schemaPointer}: ${text.slice(0, 500)}`);
  for (const name of Object.keys(node.headers ?? {})) {
    assert.ok(res.headers.get(name), `${label} lacks its documented ${name} header`);
  }
  return { res, json };
}

// A read, then the same with its ETag: 304.
async function readTwice(route, url) {
  const { res, json } = await call('GET', route, url, { expect: 200 });
  await call('GET', route, url, { headers: { 'if-none-match': res.headers.get('etag') }, expect: 304 });
  return json;
}

before(async () => {
  if (binary.skip) return;
  server = await startTribune(binary.bin, TEST_CONFIG + '[spam]\nenabled = false\n');
});
after(async () => { if (server) await server.stop(); });

test('every documented response of the running server matches the description', async (t) => {
  if (binary.skip) return t.skip(binary.skip);
  const big = '99999999999999999999';

  const list = await readTwice('/api/v1/articles', '/api/v1/articles');
  await call('GET', '/api/v1/articles', '/api/v1/articles?page=0', { expect: 400 });
  await call('GET', '/api/v1/articles', `/api/v1/articles?page=${list.pages + 1}`, { expect: 404 });

  const busiest = list.articles.reduce((a, b) => (b.comment_count > a.comment_count ? b : a));
  const art = '/api/v1/articles/{id}';
  await readTwice(art, `/api/v1/articles/${busiest.id}`);
  await call('GET', art, `/api/v1/articles/${big}`, { expect: 400 });
  await call('GET', art, '/api/v1/articles/987654', { expect: 404 });

  const comments = '/api/v1/articles/{id}/comments';
  const page = await readTwice(comments, `/api/v1/articles/${busiest.id}/comments`);
  await call('GET', comments, `/api/v1/articles/${busiest.id}/comments?page=x`, { expect: 400 });
  await call('GET', comments, `/api/v1/articles/${busiest.id}/comments?page=${page.pages + 1}`,
             { expect: 404 });

  const one = '/api/v1/comments/{id}';
  await readTwice(one, `/api/v1/comments/${page.comments[0].id}`);
  await call('GET', one, `/api/v1/comments/${big}`, { expect: 400 });
  await call('GET', one, '/api/v1/comments/987654321', { expect: 404 });

  const challenge = '/api/v1/challenge';
  const proof = async (id) => (await call('GET', challenge, `${challenge}?article=${id}`, { expect: 200 })).json;
  await call('GET', challenge, `${challenge}?article=x`, { expect: 400 });
  await call('GET', challenge, `${challenge}?article=987654`, { expect: 404 });

  const target = `/api/v1/articles/${busiest.id}/comments`;
  const c = await proof(busiest.id);
  const post = { author: 'Contract Reader', email: 'contract@example.org',
                 body: 'A remark sent to check the API against its description.',
                 token: c.token, code: c.code };
  const created = (await call('POST', comments, target, { body: post, expect: 201 })).json;
  await call('POST', comments, target, { body: post, expect: 200 });
  await call('POST', comments, target, { body: '{"author":', expect: 400 });
  await call('POST', comments, target, { body: post, headers: { authorization: 'Bearer not-a-key-this-site-issued' },
                                        expect: 401 });
  await call('POST', comments, target, { body: 'x', headers: { 'content-type': 'text/plain' },
                                        expect: 415 });
  const c2 = await proof(busiest.id);
  await call('POST', comments, target, { body: { ...post, body: '', token: c2.token, code: c2.code },
                                        expect: 422 });
  await call('POST', comments, '/api/v1/articles/987654/comments', { body: post, expect: 404 });
  server.cli('article', 'add', '--title', 'Closed for the contract test', '--body', 'Closed.',
             '--closed');
  const closed = (await (await fetch(server.baseUrl + '/api/v1/articles')).json()).articles
      .find((a) => a.title === 'Closed for the contract test');
  assert.ok(closed, 'the closed article is listed');
  const c3 = await proof(closed.id);
  await call('POST', comments, `/api/v1/articles/${closed.id}/comments`,
             { body: { ...post, token: c3.token, code: c3.code }, expect: 403 });
  await call('POST', comments, target, { body: 'x'.repeat(70 * 1024), expect: 413 });

  assert.ok(created.edit_key, 'a published comment comes with its edit key');
  const mine = `/api/v1/comments/${created.id}`;
  for (const method of ['PUT', 'PATCH']) {
    await call(method, one, mine, { body: { body: `Edited with ${method}.`, edit_key: created.edit_key },
                                    expect: 200 });
    await call(method, one, mine, { body: '[1]', expect: 400 });
    await call(method, one, mine, { body: { body: 'x', edit_key: 'wrong' }, expect: 403 });
    await call(method, one, '/api/v1/comments/987654321',
               { body: { body: 'x', edit_key: created.edit_key }, expect: 404 });
    await call(method, one, mine, { body: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
    await call(method, one, mine, { body: { body: '', edit_key: created.edit_key }, expect: 422 });
  }

  await readTwice('/api/v1/openapi.json', '/api/v1/openapi.json');

  const missing = documentedResponses(doc).filter((r) => !r.endsWith(' default') && !seen.has(r));
  assert.deepEqual(missing, [], 'documented responses this test never provoked');
});
