// The feeds as a feed reader sees them: parsed by rss-parser (npm) and
// checked by xmllint; every comment links to the page that shows it and names
// its author; channels say when they changed, and a reader polling with
// If-Modified-Since gets 304.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, test } from 'node:test';

import Parser from 'rss-parser';

import { findBinary, startTribune } from '../lib/tribune_server.mjs';

const XMLLINT = '/usr/bin/xmllint';
const binary = findBinary();
let server;

before(async () => { if (!binary.skip) server = await startTribune(binary.bin); });
after(async () => { if (server) await server.stop(); });

async function fetchFeed(path) {
  const res = await fetch(server.baseUrl + path);
  assert.equal(res.status, 200, path);
  assert.match(res.headers.get('content-type'), /^application\/rss\+xml/);
  const xml = await res.text();
  if (fs.existsSync(XMLLINT)) {
    const lint = spawnSync(XMLLINT, ['--noout', '-'], { input: xml, encoding: 'utf8' });
    assert.equal(lint.status, 0, `xmllint on ${path}: ${lint.stderr}`);
  }
  return { res, feed: await new Parser().parseString(xml) };
}

async function busiestArticle() {
  const { articles } = await (await fetch(server.baseUrl + '/api/v1/articles')).json();
  return articles.reduce((a, b) => (b.comment_count > a.comment_count ? b : a));
}

// A feed's Last-Modified, sent once the second it was built in is over.
async function lastModified(path) {
  for (let i = 0; i < 30; ++i) {
    const res = await fetch(server.baseUrl + path);
    await res.arrayBuffer();
    if (res.headers.get('last-modified')) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} never sent Last-Modified`);
}

test('the site feed parses, and its items link their articles', async (t) => {
  if (binary.skip) return t.skip(binary.skip);
  const { feed } = await fetchFeed('/rss.xml');
  assert.ok(feed.lastBuildDate, 'lastBuildDate');
  assert.ok(feed.items.length > 0);
  for (const item of feed.items) {
    assert.ok(item.link.startsWith(server.baseUrl + '/news/'), item.link);
    assert.ok(item.pubDate && item.guid, item.link);
  }
});

test('every comment links to the comment page that shows it and names its author', async (t) => {
  if (binary.skip) return t.skip(binary.skip);
  const article = await busiestArticle();
  const slug = new URL(article.url).pathname.replace(/\.html$/, '');
  const { feed } = await fetchFeed(`${slug}/comments.rss`);
  assert.ok(feed.lastBuildDate, 'lastBuildDate');
  assert.ok(feed.items.length > 20, 'the busiest article fills more than one comment page');
  const api = await (await fetch(`${server.baseUrl}/api/v1/articles/${article.id}/comments`)).json();
  const authors = new Map(api.comments.map((c) => [String(c.id), c.author]));
  const pages = new Map();
  for (const item of feed.items) {
    const url = new URL(item.link);
    const id = url.hash.replace('#c', '');
    assert.ok(item.creator, `item ${id} names no author`);
    if (authors.has(id)) assert.equal(item.creator, authors.get(id));
    if (!pages.has(url.pathname)) {
      pages.set(url.pathname, await (await fetch(server.baseUrl + url.pathname)).text());
    }
    assert.ok(pages.get(url.pathname).includes(`id="c${id}"`), `${item.link} does not show comment ${id}`);
  }
  assert.ok(pages.size > 1, 'comments past the first page link to their own page');
});

test('a reader polling with If-Modified-Since or If-None-Match gets 304', async (t) => {
  if (binary.skip) return t.skip(binary.skip);
  const first = await lastModified('/rss.xml');
  const since = await fetch(server.baseUrl + '/rss.xml',
                            { headers: { 'if-modified-since': first.headers.get('last-modified') } });
  assert.equal(since.status, 304);
  const match = await fetch(server.baseUrl + '/rss.xml',
                            { headers: { 'if-none-match': first.headers.get('etag') } });
  assert.equal(match.status, 304);
});
