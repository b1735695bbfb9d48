// Browser tests for the article page: BBCode toolbar, Georgian keyboard,
// font-size control, double-submit guard, draft, small-screen layout.
// Runs Chromium (playwright-core) against the real tribune binary; see
// README.md in this folder.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';

import { CHROMIUM_ARGS, chooseTarget, loadPlaywright, startTarget } from './lib/target.mjs';

const choice = chooseTarget();
if (choice.skip) console.log(`# browser tests skipped: ${choice.skip}`);

const SHOT_DIR = process.env.TRIBUNE_SCREENSHOT_DIR ||
                 path.join(os.tmpdir(), 'tribune-browser-shots');
const PHONE = { width: 360, height: 740 };
// How long to keep listening for a second POST after the first one answered.
const SECOND_POST_GRACE_MS = 700;
const POST_HOLD_MS = 600;

describe('article page in Chromium', () => {
  let target;
  let browser;

  // Each test is skipped on its own so the runner counts and names them.
  const it = (name, fn) => nodeIt(name, { skip: choice.skip || false }, fn);

  before(async () => {
    if (choice.skip) return;
    const { chromium } = await loadPlaywright();
    target = await startTarget(choice);
    console.log(`# target: ${target.kind} at ${target.baseUrl}${target.articlePath}`);
    browser = await chromium.launch({ executablePath: choice.chromium, args: CHROMIUM_ARGS });
  });

  after(async () => {
    if (browser) await browser.close();
    if (target) await target.stop();
  });

  const articleUrl = () => target.baseUrl + target.articlePath;

  // A fresh context per test: its own cookies and storage.
  async function openArticle(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    const errors = [];
    const requests = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (req) => requests.push(req));
    await page.goto(articleUrl());
    if (options.javaScriptEnabled !== false) await page.waitForSelector('.editor-toolbar');
    return { context, page, errors, requests };
  }

  async function selectRange(page, selector, start, end) {
    await page.focus(selector);
    await page.$eval(selector, (el, [s, e]) => el.setSelectionRange(s, e), [start, end]);
  }

  const bodyValue = (page) => page.inputValue('#cf-body');

  it('toolbar wraps the selection with [b]…[/b] and keeps it selected', async () => {
    const { context, page, errors } = await openArticle();
    await page.fill('#cf-body', 'say hello world');
    await selectRange(page, '#cf-body', 4, 9);
    await page.click('.editor button[data-action="bold"]');
    assert.equal(await bodyValue(page), 'say [b]hello[/b] world');
    const selected = await page.$eval('#cf-body', (el) => el.value.slice(el.selectionStart, el.selectionEnd));
    assert.equal(selected, 'hello');
    await page.click('.editor button[data-action="italic"]');
    assert.equal(await bodyValue(page), 'say [b][i]hello[/i][/b] world');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('toolbar inserts empty tags at the caret and puts the caret inside', async () => {
    const { context, page } = await openArticle();
    await page.fill('#cf-body', 'ab');
    await selectRange(page, '#cf-body', 1, 1);
    await page.click('.editor button[data-action="spoiler"]');
    assert.equal(await bodyValue(page), 'a[spoiler][/spoiler]b');
    await page.keyboard.type('x');
    assert.equal(await bodyValue(page), 'a[spoiler]x[/spoiler]b');
    await context.close();
  });

  it('every toolbar button is a labelled type=button', async () => {
    const { context, page } = await openArticle();
    const buttons = await page.$$eval('.editor button', (list) => list.map((b) => ({
      type: b.getAttribute('type'), label: b.getAttribute('aria-label') || '',
      title: b.title, action: b.dataset.action,
    })));
    const actions = buttons.map((b) => b.action).filter(Boolean);
    assert.deepEqual(actions, ['bold', 'italic', 'underline', 'strike', 'left', 'center', 'right',
                               'smilies', 'url', 'leech', 'color', 'hide', 'quote', 'translit',
                               'spoiler', 'geo']);
    for (const b of buttons.filter((x) => x.action)) assert.notEqual(b.title, '');
    for (const b of buttons) {
      assert.equal(b.type, 'button');
      assert.notEqual(b.label.trim(), '');
    }
    // Arrow keys walk the toolbar; Escape closes a panel back to its opener.
    await page.focus('.editor button[data-action="bold"]');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'italic');
    await page.focus('.editor button[data-action="smilies"]');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.smiley), 'smile');
    await page.keyboard.press('Escape');
    assert.equal(await page.isHidden('.smiley-picker'), true);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'smilies');
    await context.close();
  });

  it('smiley picker inserts :name: and its images load', async () => {
    const { context, page } = await openArticle();
    await page.fill('#cf-body', 'nice');
    await page.click('.editor button[data-action="smilies"]');
    await page.waitForSelector('.smiley-picker:not([hidden])');
    const broken = await page.$$eval('.smiley-picker img', (imgs) =>
      imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
    assert.deepEqual(broken, []);
    await page.click('.smiley-picker button[data-smiley="wink"]');
    assert.equal(await bodyValue(page), 'nice :wink:');
    assert.equal(await page.isHidden('.smiley-picker'), true);
    await context.close();
  });

  it('colour palette and link prompt produce [color] and [url] tags', async () => {
    const { context, page } = await openArticle();
    await page.fill('#cf-body', 'see this');
    await selectRange(page, '#cf-body', 4, 8);
    await page.click('.editor button[data-action="color"]');
    await page.click('.color-picker button[data-color="#ff0000"]');
    assert.equal(await bodyValue(page), 'see [color=#ff0000]this[/color]');
    page.once('dialog', (dialog) => dialog.accept('example.com/a]b'));
    await selectRange(page, '#cf-body', 0, 3);
    await page.click('.editor button[data-action="url"]');
    assert.equal(await bodyValue(page),
                 '[url=https://example.com/a%5Db]see[/url] [color=#ff0000]this[/color]');
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.click('.editor button[data-action="leech"]');
    assert.equal(await bodyValue(page),
                 '[url=https://example.com/a%5Db]see[/url] [color=#ff0000]this[/color]');
    await context.close();
  });

  it('translit turns "privet" into "привет" and leaves tags alone', async () => {
    const { context, page } = await openArticle();
    await page.fill('#cf-body', 'privet');
    await selectRange(page, '#cf-body', 0, 6);
    await page.click('.editor button[data-action="translit"]');
    assert.equal(await bodyValue(page), 'привет');
    await page.fill('#cf-body', '[b]Shchuka[/b] i moy novyy dom :smile:');
    await selectRange(page, '#cf-body', 0, 0);
    await page.click('.editor button[data-action="translit"]');
    assert.equal(await bodyValue(page), '[b]Щука[/b] и мой новый дом :smile:');
    await context.close();
  });

  it('Geo Keyboard types "gamarjoba" as "გამარჯობა" and remembers the setting', async () => {
    const { context, page } = await openArticle();
    const toggle = '.editor button[data-action="geo"]';
    assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
    await page.click('#cf-body');
    await page.keyboard.type('ok ');
    await page.click(toggle);
    assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
    await page.focus('#cf-body');
    await page.keyboard.type('gamarjoba');
    assert.equal(await bodyValue(page), 'ok გამარჯობა');

    // BBCode tag names stay Latin; the text around them does not.
    await page.keyboard.type(' [b]kargi[/b]');
    assert.equal(await bodyValue(page), 'ok გამარჯობა [b]კარგი[/b]');

    // Turned on in the text, it leaves the name alone...
    await page.click('#cf-name');
    await page.keyboard.type('Nino');
    assert.equal(await page.inputValue('#cf-name'), 'Nino');
    assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
    // ...until the reader turns it on there.
    await page.click(toggle);
    assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
    await page.focus('#cf-name');
    await page.keyboard.type(' Tbilisi');
    assert.equal(await page.inputValue('#cf-name'), 'Nino თბილისი');

    // On-screen keyboard: Shift then "w" gives ჭ in the last focused field.
    await page.click('.geo-keyboard .geo-shift');
    await page.click('.geo-keyboard button[data-key="w"]');
    assert.equal(await page.inputValue('#cf-name'), 'Nino თბილისიჭ');

    await page.goto(articleUrl());
    await page.waitForSelector('.editor-toolbar');
    await page.focus('#cf-body');
    assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
    await page.click(toggle);
    await page.fill('#cf-body', '');
    await page.focus('#cf-body');
    await page.keyboard.type('gamarjoba');
    assert.equal(await bodyValue(page), 'gamarjoba');
    await context.close();
  });

  it('font-size links change the body class and cookie without navigating', async () => {
    const { context, page, requests } = await openArticle();
    assert.match(await page.getAttribute('body', 'class'), /(^|\s)fs-0(\s|$)/);
    const before = requests.length;
    await page.evaluate(() => { window.sameDocument = true; });
    await page.click('a[data-font="up"]');
    assert.match(await page.getAttribute('body', 'class'), /(^|\s)fs-1(\s|$)/);
    const cookie = (await context.cookies()).find((c) => c.name === 'fs');
    assert.equal(cookie && cookie.value, '1');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.sameSite, 'Lax');
    assert.ok(cookie.expires - Date.now() / 1000 > 364 * 86400, 'cookie lasts a year');
    for (let i = 0; i < 6; i++) await page.click('a[data-font="up"]');
    assert.match(await page.getAttribute('body', 'class'), /(^|\s)fs-3(\s|$)/);
    for (let i = 0; i < 9; i++) await page.click('a[data-font="down"]');
    assert.match(await page.getAttribute('body', 'class'), /(^|\s)fs--2(\s|$)/);
    assert.equal((await context.cookies()).find((c) => c.name === 'fs').value, '-2');
    assert.equal(await page.evaluate(() => window.sameDocument), true);
    assert.equal(requests.length, before, 'no request was made');
    const size = (cls) => page.evaluate((c) => {
      document.body.className = c;
      return parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize);
    }, cls);
    assert.ok(await size('fs--2') < await size('fs-0'));
    assert.ok(await size('fs-0') < await size('fs-3'));
    await size('fs--2');
    // The server renders the chosen step on the next load.
    await page.click('a[data-font="up"]');
    await page.goto(articleUrl());
    assert.match(await page.getAttribute('body', 'class'), /(^|\s)fs--1(\s|$)/);
    await context.close();
  });

  it('without JavaScript the page works: no toolbar, font links go through the server', async () => {
    const { context, page } = await openArticle({ javaScriptEnabled: false });
    assert.equal(await page.$('.editor-toolbar'), null);
    assert.equal(await page.isVisible('#cf-body'), true);
    await Promise.all([page.waitForNavigation(), page.click('a[data-font="up"]')]);
    assert.match(await page.getAttribute('body', 'class'), /(^|\s)fs-1(\s|$)/);
    assert.equal(new URL(page.url()).pathname, target.articlePath);
    await context.close();
  });

  async function fillValidComment(page, body) {
    await page.fill('#cf-name', 'Browser Test');
    await page.fill('#cf-email', 'reader@example.org');
    await page.fill('#cf-body', body);
    // Once the proof of work is solved the code is hidden and not needed.
    // The worker may finish at any moment, so the check and the typing are
    // one step inside the page: a fill that waits for a field the worker has
    // just hidden would wait forever.
    await page.evaluate(() => {
      const field = document.querySelector('.challenge-field');
      const challenge = document.querySelector('.challenge');
      if (!challenge || (field && field.hidden)) return;
      const code = document.getElementById('cf-code');
      code.value = (challenge.textContent.match(/\d+/) || [''])[0];
      code.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('a double-click on Send posts the comment once', async () => {
    const { context, page, requests } = await openArticle();
    const action = new URL(await page.getAttribute('#comment-form', 'action'), articleUrl()).href;
    await fillValidComment(page, 'The route map shows a stop at the old depot, which is useful.');
    // Hold the POST back as a slow server would, so the second click lands
    // while the first submission is still in flight.
    await page.route((url) => url.href === action, async (route) => {
      await new Promise((r) => setTimeout(r, POST_HOLD_MS));
      await route.continue().catch(() => { /* superseded by a later submission */ });
    });
    const box = await page.locator('button.submit').boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const firstSent = page.waitForEvent('request', (r) => r.method() === 'POST');
    const answered = page.waitForResponse((r) => r.request().method() === 'POST');
    // Raw mouse clicks: they do not wait for the button to be enabled.
    await page.mouse.click(x, y);
    await firstSent;
    await page.mouse.click(x, y);
    await answered;
    await page.waitForLoadState('load');
    await page.waitForTimeout(SECOND_POST_GRACE_MS);
    const posts = requests.filter((r) => r.method() === 'POST');
    assert.equal(posts.length, 1, `POSTs sent: ${posts.map((r) => r.url()).join(', ')}`);
    assert.equal(posts[0].url(), action);
    // The post went through, and with it the draft kept while typing.
    assert.equal(await page.isVisible('.notice-ok'), true, 'the post was accepted');
    const drafts = await page.evaluate(() => Object.keys(sessionStorage)
      .filter((k) => k.startsWith('tribune.draft:')));
    assert.deepEqual(drafts, []);
    await context.close();
  });

  it('solves the proof of work in a worker, hides the code and posts without it', async () => {
    const { context, page, errors } = await openArticle();
    if (target.kind !== 'binary') return context.close();  // the fixture has no token
    await page.waitForFunction(() => document.querySelector('#comment-form').dataset.powSolved === '1',
                               null, { timeout: 20000 });
    const solutions = (await page.inputValue('input[name="pow"]')).split(',');
    const count = Number(await page.getAttribute('input[name="pow"]', 'data-pow-solutions'));
    assert.equal(new Set(solutions).size, count);
    assert.equal(await page.isVisible('#cf-code'), false, 'the typed code is not needed');
    await page.fill('#cf-name', 'Worker Reader');
    await page.fill('#cf-body', 'The proof of work ran while I was typing this comment.');
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    assert.match(await page.textContent('.notice-ok'), /published|moderator/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the author edits the comment from the notice, with the same toolbar', async () => {
    const { context, page, errors } = await openArticle();
    if (target.kind !== 'binary') return context.close();  // the fixture cannot store comments
    await fillValidComment(page, 'The night buses should stop at the station square.');
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    await Promise.all([page.waitForNavigation(), page.click('.notice-ok a.edit-link')]);
    await page.waitForSelector('.editor-toolbar');
    assert.equal(await bodyValue(page), 'The night buses should stop at the station square.');
    await selectRange(page, '#cf-body', 4, 15);
    await page.click('.editor button[data-action="bold"]');
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    assert.match(await page.textContent('.notice-ok'), /published|moderator/);
    const edited = page.locator('li.comment', { hasText: 'buses should stop at the station' });
    assert.equal(await edited.locator('.comment-body b').textContent(), 'night buses');
    assert.equal(await edited.locator('.comment-edited').count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a comment\'s Reply link sets the form to answer it, and the reply links back', async () => {
    const { context, page, errors } = await openArticle();
    if (target.kind !== 'binary') return context.close();  // the fixture cannot store comments
    const first = page.locator('li.comment').first();
    const id = (await first.getAttribute('id')).slice(1);
    const number = (await first.locator('.comment-number').textContent()).slice(1);
    await first.locator('a.reply-link').click();
    assert.equal(page.url(), articleUrl(), 'no navigation');
    assert.equal(await page.inputValue('#cf-reply-to'), id);
    assert.equal(await page.isVisible('#cf-replying'), true);
    assert.equal(await page.textContent('#cf-replying-number'), number);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cf-body');
    // "Write a new comment instead" undoes it; Reply again sets it.
    await page.click('#cf-replying .cancel-reply');
    assert.equal(await page.inputValue('#cf-reply-to'), '');
    assert.equal(await page.isVisible('#cf-replying'), false);
    await first.locator('a.reply-link').click();
    await fillValidComment(page, 'Answering the comment above, in a browser.');
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    assert.match(await page.textContent('.notice-ok'), /published|moderator/);
    const reply = page.locator('li.comment', { hasText: 'Answering the comment above' });
    assert.equal(await reply.locator('a.in-reply-to').textContent(), `in reply to #${number}`);
    const answered = page.locator(`#c${id}`);
    assert.equal(await answered.locator('.replies a').count(), 1);
    await answered.locator('.replies a').click();
    assert.match(page.url(), /#c\d+$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps a draft of the form until it is posted', async () => {
    const { context, page } = await openArticle();
    await page.fill('#cf-name', 'Drafty');
    await page.fill('#cf-body', 'half-written thought');
    await page.goto(target.baseUrl + '/');
    await page.goto(articleUrl());
    await page.waitForSelector('.editor-toolbar');
    assert.equal(await page.inputValue('#cf-name'), 'Drafty');
    assert.equal(await bodyValue(page), 'half-written thought');
    await context.close();
  });

  async function horizontalOverflow(page) {
    return page.evaluate(() => document.documentElement.scrollWidth -
                               document.documentElement.clientWidth);
  }

  it('keeps the text box where it is on a phone when the smilies and the keyboard open', async () => {
    const { context, page } = await openArticle({ viewport: PHONE, isMobile: true, hasTouch: true });
    const top = async () => (await page.locator('#cf-body').boundingBox()).y;
    await page.click('#cf-body');
    const before = await top();
    await page.click('.editor button[data-action="geo"]');
    await page.click('.editor button[data-action="smilies"]');
    assert.ok(await page.isVisible('.geo-keyboard'), 'the on-screen keyboard shows');
    assert.ok(await page.isVisible('.editor-popup'), 'the smilies show');
    const moved = Math.abs((await top()) - before);
    assert.ok(moved < 40, `the text box moved ${moved}px`);
    await context.close();
  });

  it('has no horizontal scroll at 360px, with the editor open and at the largest font', async () => {
    const { context, page } = await openArticle({ viewport: PHONE, isMobile: true, hasTouch: true });
    assert.equal(await horizontalOverflow(page), 0, 'article page');
    await page.click('.editor button[data-action="geo"]');
    await page.click('.editor button[data-action="smilies"]');
    for (let i = 0; i < 5; i++) await page.click('a[data-font="up"]');
    assert.equal(await horizontalOverflow(page), 0, 'editor open, fs-3');
    await page.goto(target.baseUrl + '/');
    assert.equal(await horizontalOverflow(page), 0, 'front page');
    await context.close();
  });

  it('loads only same-origin resources and raises no script errors', async () => {
    const { context, page, errors, requests } = await openArticle();
    await page.goto(target.baseUrl + '/');
    const origin = new URL(target.baseUrl).origin;
    const foreign = requests.map((r) => r.url())
      .filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('renders screenshots for a visual check', async () => {
    fs.mkdirSync(SHOT_DIR, { recursive: true });
    const shots = [
      ['article-desktop.png', {}],
      ['article-phone.png', { viewport: PHONE, isMobile: true, hasTouch: true }],
    ];
    for (const [name, options] of shots) {
      const { context, page } = await openArticle(options);
      await page.click('.editor button[data-action="geo"]');
      await page.click('.editor button[data-action="smilies"]');
      const file = path.join(SHOT_DIR, name);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 10000, `${file} is not a blank page`);
      await context.close();
    }
    const { context, page } = await openArticle();
    // A signed leave-site link exists only if a comment on the page has one.
    const leave = await page.$('.comment-body a[href^="/go?"]');
    if (leave) {
      await Promise.all([page.waitForNavigation(), leave.click()]);
      assert.equal(await page.isVisible('.interstitial .continue'), true);
      await page.screenshot({ path: path.join(SHOT_DIR, 'leaving-desktop.png'), fullPage: true });
    }
    await page.goto(target.baseUrl + '/');
    await page.screenshot({ path: path.join(SHOT_DIR, 'front-desktop.png'), fullPage: true });
    await context.close();
    console.log(`# screenshots in ${SHOT_DIR}`);
  });
});
