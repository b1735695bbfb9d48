// The pages under their Content-Security-Policy, in Chromium: the site's own
// scripts, proof-of-work worker, styles, smilies and BBCode colours work with
// no violation reported, while a script injected inline is refused.
// Runs against the real binary only (the fixture server sends no policy).

import assert from 'node:assert/strict';
import { after, before, describe, it as nodeIt } from 'node:test';

import { CHROMIUM_ARGS, chooseTarget, loadPlaywright, startTarget } from './lib/target.mjs';

const choice = chooseTarget();
const skip = choice.skip || (choice.kind !== 'binary' ? 'the fixture server sends no policy' : false);
if (skip) console.log(`# content policy tests skipped: ${skip}`);

// Records every violation the page reports, from before its first script.
function watchViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
}

describe('pages under their Content-Security-Policy', () => {
  let target;
  let browser;
  const it = (name, fn) => nodeIt(name, { skip }, fn);

  before(async () => {
    if (skip) return;
    const { chromium } = await loadPlaywright();
    target = await startTarget(choice);
    browser = await chromium.launch({ executablePath: choice.chromium, args: CHROMIUM_ARGS });
  });

  after(async () => {
    if (browser) await browser.close();
    if (target) await target.stop();
  });

  async function open(path) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(watchViolations);
    const page = await context.newPage();
    const errors = [];
    const refused = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    const response = await page.goto(target.baseUrl + path);
    return { context, page, errors, refused, response };
  }

  const violations = (page) => page.evaluate(() => window.__violations);

  it('the article page works: toolbar, smilies, worker and posting, with no violation', async () => {
    const { context, page, errors, refused, response } = await open(target.articlePath);
    assert.match(response.headers()['content-security-policy'] || '', /script-src 'self'/);
    await page.waitForSelector('.editor-toolbar');
    await page.fill('#cf-name', 'Policy Reader');
    await page.fill('#cf-email', 'policy@example.org');
    await page.fill('#cf-body', 'The [color=red]new timetable[/color] suits the early shift ');
    await page.click('.editor button[data-action="smilies"]');
    await page.waitForSelector('.smiley-picker:not([hidden])');
    await page.click('.smiley-picker button[data-smiley="smile"]');
    await page.waitForFunction(() => document.querySelector('#comment-form').dataset.powSolved === '1',
                               null, { timeout: 20000 });
    await Promise.all([page.waitForNavigation(), page.click('button.submit')]);
    assert.match(await page.textContent('.notice-ok'), /published|moderator/);
    const red = page.locator('.comment span[style*="color"]').first();
    if (await red.count()) {
      assert.equal(await red.evaluate((el) => getComputedStyle(el).color), 'rgb(255, 0, 0)');
    }
    const smilies = await page.$$eval('img.smiley', (imgs) => imgs.map((i) => i.naturalWidth));
    assert.ok(smilies.every((w) => w > 0), 'every smiley image loaded');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(refused, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('front page, comment pages and the newsroom sign-in report no violation', async () => {
    for (const path of ['/', target.articlePath.replace('.html', '/comments/page/2'),
                        '/newsroom/sign-in', '/no/such/page']) {
      const { context, page, errors, refused } = await open(path);
      await page.waitForLoadState('load');
      assert.deepEqual(await violations(page), [], path);
      assert.deepEqual(refused, [], path);
      assert.deepEqual(errors, [], path);
      await context.close();
    }
  });

  it('style attributes (BBCode colours) apply, an injected inline script does not run', async () => {
    const { context, page } = await open(target.articlePath);
    const result = await page.evaluate(async () => {
      const span = document.createElement('span');
      span.setAttribute('style', 'color: rgb(0, 128, 0)');
      document.body.appendChild(span);
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 100));
      return { color: getComputedStyle(span).color, injected: window.__injected === true };
    });
    assert.equal(result.color, 'rgb(0, 128, 0)');
    assert.equal(result.injected, false, 'an inline script ran');
    const seen = await violations(page);
    assert.ok(seen.some((v) => v.startsWith('script-src')), `violations: ${seen.join('; ')}`);
    await context.close();
  });
});
