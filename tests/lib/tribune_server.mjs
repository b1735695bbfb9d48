// Starts the real `tribune` binary on a free loopback port for node tests
// (browser tests, API contract tests), with its own database and config.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const STATIC_DIR = path.join(REPO_ROOT, 'web', 'static');
const DEFAULT_BIN = path.join(REPO_ROOT, 'build', 'src', 'cli', 'tribune');
const READY_TIMEOUT_MS = 30000;

// Tests post right after loading a form: no minimum typing time, and rate
// limits well above what a test sends.
export const TEST_CONFIG = '[comments]\nmin_seconds = 0\n[limits]\nper_prefix_per_minute = 1000\n' +
                           'per_name_per_minute = 1000\nper_email_per_minute = 1000\n';

// The binary to test: TRIBUNE_BIN, else the default build output.
// Returns {bin} or {skip: reason}.
export function findBinary() {
  if (process.env.TRIBUNE_BIN) return { bin: process.env.TRIBUNE_BIN };
  if (fs.existsSync(DEFAULT_BIN)) return { bin: DEFAULT_BIN };
  return { skip: `tribune binary not found at ${DEFAULT_BIN}: build it or set TRIBUNE_BIN` };
}

export function freePort() {
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

// Starts `bin serve` with `config` (TOML text). Returns {baseUrl, stop(), log,
// bin, db, cli(args...)}; cli runs a one-shot command on the same database.
export async function startTribune(bin, config = TEST_CONFIG) {
  if (!fs.existsSync(bin)) throw new Error(`TRIBUNE_BIN=${bin} does not exist`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tribune-node-'));
  const port = await freePort();
  const configPath = path.join(dir, 'tribune.toml');
  fs.writeFileSync(configPath, config);
  const db = path.join(dir, 't.db');
  const args = ['serve', '--config', configPath, '--listen', `127.0.0.1:${port}`,
                '--db', db, '--static-dir', STATIC_DIR];
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
  const cli = (...cliArgs) => {
    const out = spawnSync(bin, [...cliArgs, '--db', db], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`tribune ${cliArgs.join(' ')}: ${out.stderr}`);
    return out.stdout;
  };
  try {
    await waitHealthy(baseUrl, child, log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, stop, log, bin, db, cli };
}
