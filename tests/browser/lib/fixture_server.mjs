// A stand-in for the tribune server: serves the fixture pages (which follow
// the server's markup contract) and web/static, accepts comment posts slowly
// enough for double-submits to show, and handles /prefs/font like the server.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixture');
const ARTICLE_PATH = '/news/1-fixture.html';
const POST_PATH = '/news/1-fixture/comments';
const POST_DELAY_MS = 400;
const TYPES = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

function fontStep(req) {
  const match = /(?:^|;\s*)fs=(-?\d+)/.exec(req.headers.cookie || '');
  const step = match ? Number(match[1]) : 0;
  return Math.min(3, Math.max(-2, step));
}

function sendPage(res, name, replacements) {
  let html = fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
  for (const [key, value] of Object.entries(replacements)) html = html.replace(key, value);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function sendStatic(res, staticDir, urlPath) {
  const file = path.normalize(path.join(staticDir, urlPath.slice('/static/'.length)));
  if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
}

function redirect(res, location, headers = {}) {
  res.writeHead(303, { location, ...headers }).end();
}

function handle(req, res, staticDir) {
  const url = new URL(req.url, 'http://fixture');
  if (req.method === 'POST' && url.pathname === POST_PATH) {
    req.resume();
    req.on('end', () => setTimeout(() => redirect(res, ARTICLE_PATH + '?posted=1#add-comment'),
                                   POST_DELAY_MS));
    return;
  }
  if (url.pathname === '/healthz') return res.writeHead(200).end('ok');
  if (url.pathname === '/') return sendPage(res, 'front.html', {});
  if (url.pathname === ARTICLE_PATH) {
    const notice = url.searchParams.has('posted')
      ? '<div class="notice notice-ok" role="status">Your comment was published.</div>\n' : '';
    return sendPage(res, 'article.html',
                    { '{{FONT_CLASS}}': 'fs-' + fontStep(req), '{{NOTICE}}': notice });
  }
  if (url.pathname === '/go') return sendPage(res, 'leaving.html', {});
  if (url.pathname === '/prefs/font') {
    const delta = url.searchParams.get('step') === 'up' ? 1 : -1;
    const step = Math.min(3, Math.max(-2, fontStep(req) + delta));
    const back = url.searchParams.get('back') || '/';
    return redirect(res, back.startsWith('/') ? back : '/', {
      'set-cookie': `fs=${step}; Path=/; Max-Age=31536000; SameSite=Lax`,
    });
  }
  if (url.pathname.startsWith('/static/')) return sendStatic(res, staticDir, url.pathname);
  res.writeHead(404).end('not found');
}

export function startFixtureServer(staticDir) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => handle(req, res, staticDir));
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
        log: [],
      });
    });
  });
}
