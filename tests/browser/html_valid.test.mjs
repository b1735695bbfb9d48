// Every kind of public page is valid HTML5, checked by the Nu HTML Checker
// (vnu-jar from npm, run with Java) against pages from the real binary.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';

import { chooseTarget, startTarget } from './lib/target.mjs';

const require = createRequire(import.meta.url);
let vnu = null;
try {
  vnu = require('vnu-jar');
} catch (e) {
  vnu = null;
}
const hasJava = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return false;
  }
})();
const choice = chooseTarget();
const skip = choice.kind !== 'binary' ? 'needs the tribune binary'
  : !vnu ? 'vnu-jar is not installed (npm ci)'
  : !hasJava ? 'java is not installed' : false;
if (skip) console.log(`# HTML validation skipped: ${skip}`);

describe('HTML5 validity', { skip }, () => {
  let target;
  before(async () => { target = await startTarget(choice); });
  after(async () => { if (target) await target.stop(); });

  it('front page, article page, comment page, form errors, notice, edit page, leaving page, 404 and newsroom pages are valid', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tribune-vnu-'));
    const pages = {};
    const get = async (p) => (await fetch(target.baseUrl + p)).text();
    pages.front = await get('/');
    pages.article = await get(target.articlePath);
    const page2 = /<a href="([^"]+\/comments\/page\/2)"/.exec(pages.article);
    if (page2) pages.comments2 = await get(page2[1]);
    const action = /<form id="comment-form"[^>]* action="([^"]+)"/.exec(pages.article)[1];
    const res = await fetch(target.baseUrl + action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=&body=%3Cb%3E&code=1',
    });
    assert.equal(res.status, 422);
    pages.form_errors = await res.text();
    const leech = /href="(\/go\?[^"]+)"/.exec(pages.article + pages.comments2);
    if (leech) pages.leaving = await get(leech[1].replace(/&amp;/g, '&'));
    // A comment posted as a browser would, then its notice and its edit page.
    const form = await (await fetch(target.baseUrl + target.articlePath)).text();
    const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
    const fields = new URLSearchParams(hidden.map(([, k, v]) => [k, v.replace(/&amp;/g, '&')]));
    fields.set('code', /Type the digits (\d{4})/.exec(form)[1]);
    fields.set(/<p class="hp"[^>]*><label>[^<]*<input name="([^"]+)"/.exec(form)[1], '');
    fields.set('name', 'Validator');
    fields.set('body', 'Checking the markup of the pages that follow a comment.');
    const posted = await fetch(target.baseUrl + action, {
      method: 'POST', redirect: 'manual', body: fields,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(posted.status, 303);
    const cookie = posted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const withCookie = async (p) => (await fetch(target.baseUrl + p, { headers: { cookie } })).text();
    const location = posted.headers.get('location').replace(/#.*$/, '');
    pages.posted_notice = await withCookie(location);
    const edit = /href="(\/comments\/\d+\/edit)"/.exec(pages.posted_notice);
    assert.ok(edit, 'the notice offers the edit');
    pages.edit = await withCookie(edit[1]);
    pages.edit_refused = await get(edit[1]);
    pages.not_found = await get('/no/such/page');
    const reportLink = /href="(\/comments\/\d+\/report)"/.exec(pages.article);
    assert.ok(reportLink, 'each comment links to its report form');
    pages.report = await get(reportLink[1]);
    // The newsroom: sign-in (and its refusal), then the queue with a comment's reasons.
    const added = execFileSync(target.bin, ['staff', 'add', 'validator', '--role', 'admin',
                                            '--db', target.db],
                               { encoding: 'utf8' });
    const password = /password: (\S+)/.exec(added)[1];
    pages.sign_in = await get('/newsroom/sign-in');
    const signIn = (pw) => fetch(target.baseUrl + '/newsroom/sign-in', {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'validator', password: pw }),
    });
    const refused = await signIn('not-the-password');
    assert.equal(refused.status, 401);
    pages.sign_in_refused = await refused.text();
    const signedIn = await signIn(password);
    assert.equal(signedIn.status, 303);
    const staffCookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const asStaff = async (p) => (await fetch(target.baseUrl + p, { headers: { cookie: staffCookie } })).text();
    pages.queue_held = await asStaff('/newsroom/queue');
    pages.queue_published = await asStaff('/newsroom/queue?show=published');
    assert.match(pages.queue_published, /<table class="reasons">/);
    pages.audit = await asStaff('/newsroom/audit');
    assert.match(pages.audit, /<table class="audit-log">/);
    pages.bans = await asStaff('/newsroom/bans');
    assert.match(pages.bans, /<form class="ban-add"/);
    pages.images = await asStaff('/newsroom/images');
    assert.match(pages.images, /<form class="image-upload"/);
    pages.words = await asStaff('/newsroom/words');
    assert.match(pages.words, /<form class="word-lists"/);
    pages.articles = await asStaff('/newsroom/articles');
    assert.match(pages.articles, /<table class="article-list">/);
    const firstArticle = /href="(\/newsroom\/articles\/\d+)"/.exec(pages.articles)[1];
    pages.article_editor = await asStaff(firstArticle);
    const token = /name="t" value="([^"]*)"/.exec(pages.article_editor)[1];
    pages.article_preview = await (await fetch(target.baseUrl + firstArticle, {
      method: 'POST',
      headers: { cookie: staffCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ t: token, title: 'A <title>', lead: 'Lead', body: 'One.\n\nTwo.',
                                  source: 'S', comments_open: '1', do: 'preview' }),
    })).text();
    assert.match(pages.article_preview, /class="article-preview"/);
    pages.staff = await asStaff('/newsroom/staff');
    pages.search = await asStaff('/newsroom/search?text=the');
    pages.dashboard = await asStaff('/newsroom/dashboard');
    // The same pages in Georgian and Russian (the member's browser language).
    const inLanguage = async (p, lang) => (await fetch(target.baseUrl + p, {
      headers: { cookie: staffCookie, 'Accept-Language': lang } })).text();
    for (const lang of ['ka', 'ru']) {
      for (const [name, p] of [['queue_published', '/newsroom/queue?show=published'],
                               ['dashboard', '/newsroom/dashboard'], ['staff', '/newsroom/staff'],
                               ['article_editor', firstArticle], ['bans', '/newsroom/bans']]) {
        pages[`${name}_${lang}`] = await inLanguage(p, lang);
        assert.match(pages[`${name}_${lang}`], new RegExp(`<html lang="${lang}"`), `${name} ${lang}`);
      }
    }
    assert.match(pages.dashboard, /<svg class="chart"/);
    assert.match(pages.search, /found, newest first/);
    assert.match(pages.staff, /<table class="staff-list">/);
    // Readers' pages: the forms, a refused sign-up, the privacy notice, a reply's form.
    pages.sign_up = await get('/account/sign-up');
    pages.reader_sign_in = await get('/account/sign-in');
    pages.guest_data = await get('/account/data');
    pages.privacy = await get('/privacy');
    pages.sign_up_refused = await (await fetch(target.baseUrl + '/account/sign-up', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: '', email: 'no', password: 'short' }),
    })).text();
    assert.match(pages.sign_up_refused, /form-errors/);
    const replyTo = /data-reply="(\d+)"/.exec(pages.article)[1];
    pages.reply_form = await get(`${target.articlePath}?reply=${replyTo}`);
    assert.match(pages.reply_form, /Replying to/);
    const files = Object.entries(pages).map(([name, html]) => {
      const f = path.join(dir, `${name}.html`);
      fs.writeFileSync(f, html);
      return f;
    });
    let report = '';
    try {
      execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'text', ...files],
                   { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      report = String(err.stderr || '') + String(err.stdout || '');
    }
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(report, '', report);
    assert.ok(files.length >= 5, `checked ${files.length} pages`);
  });
});
