// Screenshots of the newsroom for docs/newsroom.md, taken in headless Chromium
// against the real binary with its demo site and a small spam wave.
//   node scripts/newsroom-screenshots.mjs   (TRIBUNE_BIN, CHROMIUM_BIN as for the browser tests)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import zlib from 'node:zlib';

import { TEST_CONFIG, startTribune } from '../tests/lib/tribune_server.mjs';
import { CHROMIUM_ARGS, REPO_ROOT, chooseTarget, loadPlaywright } from '../tests/browser/lib/target.mjs';

const choice = chooseTarget();
if (choice.skip || choice.kind !== 'binary') throw new Error(choice.skip || 'needs the binary');
const OUT = path.join(REPO_ROOT, 'docs', 'img');
const server = await startTribune(choice.bin, TEST_CONFIG);
const STAFF = { name: 'nino', password: 'a long screenshot password 7' };
spawnSync(choice.bin, ['staff', 'add', STAFF.name, '--role', 'admin', '--password-stdin', '--db', server.db],
          { input: STAFF.password + '\n' });
const { articles } = await (await fetch(server.baseUrl + '/api/v1/articles')).json();
async function post(articleId, author, body) {
  const c = await (await fetch(`${server.baseUrl}/api/v1/challenge?article=${articleId}`)).json();
  const r = await fetch(`${server.baseUrl}/api/v1/articles/${articleId}/comments`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author, email: '', body, token: c.token, code: c.code }),
  });
  return r.json();
}
// A little of what a news site gets: readers, and a spun support-number wave.
await post(articles[0].id, 'Nino', 'The new bridge will cut my commute in half. About time.');
await post(articles[1].id, 'Giorgi', 'Does anyone know when the council votes on this?');
const brands = ['HP Printer', 'Delta Airlines', 'Norton Antivirus', 'QuickBooks'];
for (let i = 0; i < 6; i++) {
  const brand = brands[i % brands.length];
  await post(articles[i % articles.length].id, `${brand} Support`,
             `Call the ${brand} customer service number 1-888-555-01${10 + i} for help 24/7, ` +
             `see https://support-help${i % 2}.example/${i}`);
}
await post(articles[0].id, 'Lucky', 'Play now at https://casino-bonus.example/win for a 200% bonus!!!');

const browser = await (await loadPlaywright()).chromium.launch({ executablePath: choice.chromium, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const page = await ctx.newPage();
await page.goto(server.baseUrl + '/newsroom/sign-in');
await page.fill('#sn-name', STAFF.name);
await page.fill('#sn-password', STAFF.password);
await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
// A gradient picture as a PNG file, to upload.
function Png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = 40 + (x * 180) / width; raw[at + 1] = 60 + (y * 120) / height; raw[at + 2] = 150;
    }
  }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
                        chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
async function shot(name, url, setup) {
  await page.goto(server.baseUrl + url);
  if (setup) await setup();
  await page.screenshot({ path: path.join(OUT, `newsroom-${name}.png`), fullPage: true });
  console.log(`docs/img/newsroom-${name}.png`);
}
await shot('queue', '/newsroom/queue?show=spam');
await shot('dashboard', '/newsroom/dashboard');
await shot('search', '/newsroom/search?text=customer+service');
await shot('articles', '/newsroom/articles');
await shot('article-preview', `/newsroom/articles/${articles[0].id}`, async () => {
  await Promise.all([page.waitForNavigation(), page.click('button[value="preview"]')]);
});
await shot('staff', '/newsroom/staff');
await shot('words', '/newsroom/words', async () => {
  await page.fill('#wl-hold', '# offers to check by hand\nloan offer\n/whats?app\\s*\\+?\\d{6,}/');
  await page.fill('#wl-reject', '# gambling\ncasino\nbetting bonus');
  await Promise.all([page.waitForNavigation(), page.click('form.word-lists button[type="submit"]')]);
});
await shot('images', '/newsroom/images', async () => {
  await page.setInputFiles('#im-file', { name: 'bridge.png', mimeType: 'image/png', buffer: Png(1200, 700) });
  await page.fill('#im-alt', 'The new bridge over the river at dusk');
  await Promise.all([page.waitForNavigation(), page.click('form.image-upload button[type="submit"]')]);
});
await browser.close();
await server.stop();
