// Picks and starts what the browser tests run against.
//
// The real `tribune` binary is used when TRIBUNE_BIN is set or the default
// build output exists. TRIBUNE_BROWSER_FIXTURE=1 (unless TRIBUNE_BIN is set)
// runs against static pages that follow the same markup contract, for
// front-end work without a server build. Otherwise the tests are skipped
// with the reason.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startFixtureServer } from './fixture_server.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const STATIC_DIR = path.join(REPO_ROOT, 'web', 'static');
const DEFAULT_BIN = path.join(REPO_ROOT, 'build', 'src', 'cli', 'tribune');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 30000;

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Decides, without starting anything, what the tests will use.
// Returns {skip: reason} or {kind: 'binary'|'fixture', bin?, chromium}.
export function chooseTarget() {
  const chromium = process.env.CHROMIUM_BIN || DEFAULT_CHROMIUM;
  if (!fs.existsSync(chromium)) {
    return { skip: `Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_BIN)` };
  }
  if (process.env.TRIBUNE_BIN) {
    // An explicit binary that is missing is a setup error, not a reason to skip.
    return { kind: 'binary', bin: process.env.TRIBUNE_BIN, chromium };
  }
  if (process.env.TRIBUNE_BROWSER_FIXTURE === '1') return { kind: 'fixture', chromium };
  if (fs.existsSync(DEFAULT_BIN)) return { kind: 'binary', bin: DEFAULT_BIN, chromium };
  return {
    skip: `tribune binary not found at ${DEFAULT_BIN}: build it or set TRIBUNE_BIN ` +
          '(TRIBUNE_BROWSER_FIXTURE=1 runs against the static fixture page instead)',
  };
}

export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (err) {
    throw new Error('playwright-core is not installed: run `npm ci` at the repository root');
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(baseUrl, child, log) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`tribune exited with ${child.exitCode} before becoming ready:\n${log.join('')}`);
    }
    try {
      const res = await fetch(baseUrl + '/healthz');
      if (res.status === 200) return;
    } catch (err) {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tribune did not answer /healthz within ${READY_TIMEOUT_MS} ms:\n${log.join('')}`);
}

async function startBinary(bin) {
  if (!fs.existsSync(bin)) throw new Error(`TRIBUNE_BIN=${bin} does not exist`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tribune-browser-'));
  const port = await freePort();
  // Tests post right after loading the form: no minimum typing time, and
  // rate limits well above what a test sends.
  const config = path.join(dir, 'tribune.toml');
  fs.writeFileSync(config, '[comments]\nmin_seconds = 0\n[limits]\nper_prefix_per_minute = 1000\n' +
                           'per_name_per_minute = 1000\nper_email_per_minute = 1000\n');
  const args = ['serve', '--config', config, '--listen', `127.0.0.1:${port}`,
                '--db', path.join(dir, 't.db'), '--static-dir', STATIC_DIR];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const keep = (chunk) => { log.push(chunk.toString()); if (log.length > 200) log.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(baseUrl, child, log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, stop, log, bin, db: path.join(dir, 't.db') };
}

// Finds the first article page linked from the front page.
async function firstArticlePath(baseUrl) {
  const res = await fetch(baseUrl + '/');
  const html = await res.text();
  const match = /<li class="article-item">\s*<h2><a href="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no article link on the front page (HTTP ${res.status})`);
  return match[1].replace(/&amp;/g, '&');
}

// Starts the chosen target. Returns {kind, baseUrl, articlePath, stop()}.
export async function startTarget(choice) {
  const server = choice.kind === 'binary'
    ? await startBinary(choice.bin)
    : await startFixtureServer(STATIC_DIR);
  try {
    const articlePath = await firstArticlePath(server.baseUrl);
    return { kind: choice.kind, ...server, articlePath };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
