import { afterAll, beforeAll, it } from 'vitest';
import { type Harness, open, shot, startHarness } from './pages.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); }, 180_000);
afterAll(async () => { await h?.close(); });

it('scan', async () => {
  const page = await h.newPage();
  await open(page, h, '/', 'Trygghet i Stockholm');
  const r = await page.evaluate(() => {
    const out: string[] = [];
    for (const sel of ['.radio-options label span', '.legend-note > span', '#map-notes li']) {
      const el = document.querySelector(sel)!;
      const b = el.getBoundingClientRect();
      const stack = document.elementsFromPoint(b.x + b.width / 2, b.y + b.height / 2).map((e) => e.tagName + '.' + e.className);
      out.push(sel + ' ' + JSON.stringify(b) + ' ' + stack.join(' > '));
    }
    return out;
  });
  console.log(r.join('\n'));
  await page.locator('.leaflet-container').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await shot(page, 'scratch-mapfocus');
}, 120_000);
