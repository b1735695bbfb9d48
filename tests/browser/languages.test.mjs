// The language switch in Chromium: the header's links change the page's
// language and it sticks across pages; a browser asking for Georgian gets
// Georgian first; the editor's labels follow; axe-core finds no violation
// on the Georgian and Russian pages. Screenshots of both go to docs/img
// (docs/readers.md shows them).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';

import { TEST_CONFIG, startTribune } from '../lib/tribune_server.mjs';
import { axeViolations } from './lib/axe.mjs';
import { CHROMIUM_ARGS, REPO_ROOT, chooseTarget, loadPlaywright } from './lib/target.mjs';

const choice = chooseTarget();
const skip = choice.skip || (choice.kind !== 'binary' ? 'needs the real binary' : false);

describe('the site in Georgian and Russian (Chromium)', () => {
  let server;
  let browser;
  let articlePath;
  const it = (name, fn) => nodeIt(name, { skip }, fn);

  before(async () => {
    if (skip) return;
    const { chromium } = await loadPlaywright();
    server = await startTribune(choice.bin, TEST_CONFIG);
    browser = await chromium.launch({ executablePath: choice.chromium, args: CHROMIUM_ARGS });
    const { articles } = await (await fetch(server.baseUrl + '/api/v1/articles')).json();
    articlePath = new URL(articles[0].url).pathname;
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
  });

  it('the switch changes the language, which sticks across pages', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(server.baseUrl + articlePath);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await Promise.all([page.waitForNavigation(), page.click('nav.languages a[hreflang="ka"]')]);
    assert.equal(new URL(page.url()).pathname, articlePath);
    assert.equal(await page.getAttribute('html', 'lang'), 'ka');
    assert.equal(await page.textContent('#add-comment h2'), 'კომენტარის დამატება');
    await page.waitForSelector('.editor-toolbar');
    assert.equal(await page.getAttribute('.editor button[data-action="leech"]', 'title'),
                 'ბმული, რომელიც მკითხველს საიტის დატოვებამდე აფრთხილებს');
    assert.equal(await page.getAttribute('nav.languages a[hreflang="ka"]', 'aria-current'), 'true');
    await Promise.all([page.waitForNavigation(), page.click('header a[href="/"]')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'ka');
    await Promise.all([page.waitForNavigation(), page.click('nav.languages a[hreflang="ru"]')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    await ctx.close();
  });

  it('a browser that asks for Georgian gets it, with no axe violation in either language', async () => {
    for (const [locale, lang] of [['ka-GE', 'ka'], ['ru-RU', 'ru']]) {
      const ctx = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale,
                                             bypassCSP: true });
      const page = await ctx.newPage();
      await page.goto(server.baseUrl + articlePath);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await page.waitForSelector('.editor-toolbar');
      await page.evaluate(() => document.querySelector('#add-comment').scrollIntoView());
      await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'img', `article-${lang}.png`) });
      assert.deepEqual(await axeViolations(page), [], `${lang} article page`);
      for (const extra of ['/account/sign-up', '/privacy']) {
        await page.goto(server.baseUrl + extra);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), [], `${lang} ${extra}`);
      }
      await page.goto(server.baseUrl + '/account/sign-in');
      await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'img', `sign-in-${lang}.png`) });
      await ctx.close();
    }
  });
});
