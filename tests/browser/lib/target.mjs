// Picks and starts what the browser tests run against.
//
// The real `tribune` binary is used when TRIBUNE_BIN is set or the default
// build output exists. TRIBUNE_BROWSER_FIXTURE=1 (unless TRIBUNE_BIN is set)
// runs against static pages that follow the same markup contract, for
// front-end work without a server build. Otherwise the tests are skipped
// with the reason.

import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, STATIC_DIR, TEST_CONFIG, startTribune } from '../../lib/tribune_server.mjs';
import { startFixtureServer } from './fixture_server.mjs';

export { REPO_ROOT, STATIC_DIR };
const DEFAULT_BIN = path.join(REPO_ROOT, 'build', 'src', 'cli', 'tribune');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

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

async function startBinary(bin) {
  return startTribune(bin, TEST_CONFIG);
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
