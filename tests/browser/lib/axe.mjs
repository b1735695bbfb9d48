// axe-core (npm) in a Chromium page: its violations as readable lines, with
// label-content-name-mismatch on (an accessible name must contain the
// visible text, WCAG 2.5.3), which axe counts as experimental and
// Lighthouse reports. The page's context needs bypassCSP to run it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`)
        .concat(v.nodes.length > 3 ? [`... and ${v.nodes.length - 3} more`] : []),
    }));
  });
  return violations.map((v) => `${v.id} (${v.help}):\n  ${v.nodes.join('\n  ')}`);
}
