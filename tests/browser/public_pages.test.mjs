// A site whose pages a shared cache keeps ([cache] public_pages): the
// article page carries no token; the form fetches its fields once the
// reader starts to write, solves the proof of work, and posts. Without
// JavaScript, the first submit comes back for the code, with the text kept.

import assert from 'node:assert/strict';
import { after, before, describe, it as nodeIt } from 'node:test';

import { TEST_CONFIG, startTribune } from '../lib/tribune_server.mjs';
import { CHROMIUM_ARGS, chooseTarget, loadPlaywright } from './lib/target.mjs';

const choice = chooseTarget();
const skip = choice.skip || (choice.kind !== 'binary' ? 'needs the tribune binary' : false);
const CONFIG = TEST_CONFIG + '[spam]\nenabled = false\n[cache]\npublic_pages = true\n';

describe('pages a shared cache keeps, in Chromium', () => {
  let server;
  let browser;
  let articlePath;
  const it = (name, fn) => nodeIt(name, { skip }, fn);

  before(async () => {
    if (skip) return;
    const { chromium } = await loadPlaywright();
    server = await startTribune(choice.bin, CONFIG);
    browser = await chromium.launch({ executablePath: choice.chromium, args: CHROMIUM_ARGS });
    const { articles } = await (await fetch(server.baseUrl + '/api/v1/articles')).json();
    articlePath = new URL(articles[0].url).pathname;
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
  });

  it('the page is public and the form fetches its fields when the reader writes', async () => {
    const res = await fetch(server.baseUrl + articlePath);
    assert.match(res.headers.get('cache-control'), /^public, .*s-maxage=\d+/);
    assert.ok(res.headers.get('etag'));
    const html = await res.text();
    assert.doesNotMatch(html, /name="t"/, 'no token in a page every reader gets');

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.baseUrl + articlePath);
    assert.equal(await page.locator('input[name="t"]').count(), 0);
    await page.fill('#cf-name', 'Cached Reader');
    await page.fill('#cf-body', 'Written on a page that a shared cache kept for everyone.');
    await page.waitForFunction(() => document.querySelector('#comment-form').dataset.powSolved === '1',
                               null, { timeout: 20000 });
    assert.equal(await page.locator('input[name="t"]').count(), 1);
    assert.equal(await page.isVisible('#cf-code'), false, 'the proof of work replaced the code');
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    assert.match(await page.textContent('.notice-ok'), /published/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('without JavaScript, the first submit asks for the code and keeps the text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.baseUrl + articlePath);
    await page.fill('#cf-name', 'No Script Reader');
    await page.fill('#cf-body', 'Sent from a browser that runs no scripts at all.');
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    assert.match(await page.textContent('body'), /One more step/);
    assert.equal(await page.inputValue('#cf-body'), 'Sent from a browser that runs no scripts at all.');
    const code = /Type the digits (\d+)/.exec(await page.textContent('.challenge'))[1];
    await page.fill('#cf-code', code);
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    assert.match(await page.textContent('.notice-ok'), /published/);
    await context.close();
  });
});
