// axe-core (npm) in Chromium on every kind of page the site serves: front
// page, article page, comment page n, the author's edit page, newsroom
// sign-in and queue, the leaving page and error pages. Zero violations,
// WCAG 2.x A and AA and axe's best practices, plus label-content-name-mismatch
// (an accessible name must contain the visible text, WCAG 2.5.3), which axe
// counts as experimental and Lighthouse reports.
// Runs against the real binary only (it posts, edits and signs in).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';

import { TEST_CONFIG, startTribune } from '../lib/tribune_server.mjs';
import { axeViolations } from './lib/axe.mjs';
import { CHROMIUM_ARGS, REPO_ROOT, chooseTarget, loadPlaywright } from './lib/target.mjs';

const STAFF = { name: 'a11y-editor', password: 'correct horse battery staple 42' };
const READER = { name: 'Axe Member', email: 'member@example.org', password: 'a member password 7' };

const choice = chooseTarget();
const skip = choice.skip || (choice.kind !== 'binary' ? 'needs the real binary' : false);
if (skip) console.log(`# accessibility tests skipped: ${skip}`);

// A published comment posted through the API, with its edit key.
async function postComment(baseUrl, articleId, body) {
  const challenge = await (await fetch(`${baseUrl}/api/v1/challenge?article=${articleId}`)).json();
  const res = await fetch(`${baseUrl}/api/v1/articles/${articleId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: 'Axe Reader', email: 'axe@example.org', body,
                           token: challenge.token, code: challenge.code }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

describe('accessibility of every page type (axe-core)', () => {
  let server;
  let browser;
  const pages = {};
  const it = (name, fn) => nodeIt(name, { skip }, fn);

  before(async () => {
    if (skip) return;
    const { chromium } = await loadPlaywright();
    server = await startTribune(choice.bin, TEST_CONFIG + '[spam]\nenabled = false\n' +
                                            '[site]\ncategories = ["Politics", "City Life"]\n');
    browser = await chromium.launch({ executablePath: choice.chromium, args: CHROMIUM_ARGS });
    const { articles } = await (await fetch(server.baseUrl + '/api/v1/articles')).json();
    const busiest = articles.reduce((a, b) => (b.comment_count > a.comment_count ? b : a));
    const articlePath = new URL(busiest.url).pathname;
    const posted = await postComment(server.baseUrl, busiest.id,
                                     'See [leech=https://example.org/a11y]the minutes[/leech].');
    const mine = await (await fetch(`${server.baseUrl}/api/v1/comments/${posted.id}`)).json();
    const leaving = /href="(\/go\?[^"]+)"/.exec(mine.body_html)[1].replace(/&amp;/g, '&');
    const add = spawnSync(choice.bin, ['staff', 'add', STAFF.name, '--role', 'admin',
                                       '--password-stdin', '--db', server.db],
                          { input: STAFF.password + '\n', encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    const member = spawnSync(choice.bin, ['reader', 'add', READER.name, READER.email,
                                          '--password-stdin', '--db', server.db],
                             { input: READER.password + '\n', encoding: 'utf8' });
    assert.equal(member.status, 0, member.stderr);
    Object.assign(pages, {
      signUp: '/account/sign-up',
      readerSignIn: '/account/sign-in',
      guestData: '/account/data',
      privacy: '/privacy',
      account: '/account',
      replyForm: `${articlePath}?reply=${posted.id}`,
      front: '/',
      article: articlePath,
      commentPage: articlePath.replace(/\.html$/, '/comments/page/2'),
      edit: `/comments/${posted.id}/edit`,
      report: `/comments/${posted.id}/report`,
      leaving,
      notFound: '/no/such/page',
      badRequest: '/?page=x',
      noSuchCommentPage: articlePath.replace(/\.html$/, '/comments/page/9999'),
      signIn: '/newsroom/sign-in',
      queue: '/newsroom/queue',
      reports: '/newsroom/reports',
      queuePublished: '/newsroom/queue?show=published',
      audit: '/newsroom/audit',
      bans: '/newsroom/bans',
      words: '/newsroom/words',
      images: '/newsroom/images',
      category: '/category/politics',
      articles: '/newsroom/articles',
      articleNew: '/newsroom/articles/new',
      articleEdit: `/newsroom/articles/${busiest.id}`,
      staff: '/newsroom/staff',
      search: '/newsroom/search?text=the',
      dashboard: '/newsroom/dashboard',
    });
    pages.editCookie = { name: `ce${posted.id}`, value: posted.edit_key, url: server.baseUrl };
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
  });

  // A browser context that may run axe under the pages' policy, as the
  // comment's author (its edit cookie) and, when `staff`, signed in.
  async function context(staff, locale = undefined) {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 },
                                           ...(locale ? { locale } : {}) });
    await ctx.addCookies([pages.editCookie]);
    if (staff) {
      const page = await ctx.newPage();
      await page.goto(server.baseUrl + pages.signIn);
      await page.fill('#sn-name', STAFF.name);
      await page.fill('#sn-password', STAFF.password);
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      assert.match(page.url(), /\/newsroom\/queue/);
      await page.close();
    }
    return ctx;
  }

  // Error pages are the pages whose names say so; every other one must be a 200.
  const EXPECTED = { notFound: 404, badRequest: 400, noSuchCommentPage: 404 };

  async function check(ctx, name) {
    const page = await ctx.newPage();
    const response = await page.goto(server.baseUrl + pages[name]);
    assert.equal(response.status(), EXPECTED[name] ?? 200, `${name} (${pages[name]})`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await axeViolations(page), [], `${name} (${pages[name]})`);
    await page.close();
  }

  it('public pages, the edit page, the leaving page and error pages have no violation', async () => {
    const ctx = await context(false);
    for (const name of ['front', 'article', 'commentPage', 'edit', 'report', 'leaving', 'notFound',
                        'badRequest', 'noSuchCommentPage', 'signIn']) {
      await check(ctx, name);
    }
    await ctx.close();
  });

  it("readers' pages (sign-up, sign-in, data, privacy, a reply's form) have no violation",
     async () => {
       const ctx = await context(false);
       for (const name of ['signUp', 'readerSignIn', 'guestData', 'privacy', 'replyForm']) {
         await check(ctx, name);
       }
       await ctx.close();
     });

  it("a signed-in reader's account page and article page have no violation", async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(server.baseUrl + pages.readerSignIn);
    await page.fill('#si-email', READER.email);
    await page.fill('#si-password', READER.password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/account/sign-in"] button')]);
    assert.match(page.url(), /\/account$/);
    await page.close();
    await check(ctx, 'account');
    await check(ctx, 'article');
    await ctx.close();
  });

  it('the open toolbar panels (smilies, colours, Geo Keyboard) have no violation', async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(server.baseUrl + pages.article);
    await page.waitForSelector('.editor-toolbar');
    await page.click('.editor button[data-action="smilies"]');
    await page.click('.editor button[data-action="geo"]');
    assert.deepEqual(await axeViolations(page), []);
    await page.click('.editor button[data-action="color"]');
    assert.deepEqual(await axeViolations(page), []);
    await ctx.close();
  });

  it('the newsroom queue, audit log, bans and article editor have no violation', async () => {
    const ctx = await context(true);
    for (const name of ['queue', 'queuePublished', 'audit', 'bans', 'articles', 'articleNew',
                        'articleEdit', 'staff', 'search', 'dashboard']) {
      await check(ctx, name);
    }
    await ctx.close();
  });

  it('the newsroom in Georgian and Russian has no violation', async () => {
    for (const locale of ['ka', 'ru']) {
      const ctx = await context(true, locale);
      for (const name of ['queuePublished', 'bans', 'articleNew', 'staff', 'search', 'dashboard']) {
        const page = await ctx.newPage();
        await page.goto(server.baseUrl + pages[name]);
        assert.equal(await page.evaluate(() => document.documentElement.lang), locale, name);
        if (name === 'queuePublished') {  // docs/readers.md shows it
          await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'img', `newsroom-${locale}.png`) });
        }
        await page.close();
        await check(ctx, name);
      }
      await ctx.close();
    }
  });

  it('the preview of the article editor has no violation', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await page.goto(server.baseUrl + pages.articleEdit);
    await Promise.all([page.waitForNavigation(), page.click('button[value="preview"]')]);
    assert.equal(await page.isVisible('.article-preview'), true);
    assert.deepEqual(await axeViolations(page), [], 'article preview');
    await page.close();
    await ctx.close();
  });
});
