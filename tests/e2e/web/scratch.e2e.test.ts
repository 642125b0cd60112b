import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, it } from 'vitest';
import { type Harness, open, startHarness, WCAG_TAGS } from './pages.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); }, 180_000);
afterAll(async () => { await h?.close(); });

it('scan', async () => {
  const page = await h.newPage();
  for (const [path, h1] of [['/', 'Trygghet i Stockholm'], ['/report', 'Rapportera']] as const) {
    const t0 = Date.now();
    await open(page, h, path, h1);
    const t1 = Date.now();
    const r = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    console.log(path, 'open', t1 - t0, 'axe', Date.now() - t1, 'passes', r.passes.length, 'violations', r.violations.map((v) => v.id + ':' + v.impact), 'incomplete', r.incomplete.map((v) => `${v.id}:${v.nodes.length}:${v.nodes[0]?.target}:${v.nodes[0]?.any[0]?.message}`));
    const all = await new AxeBuilder({ page }).analyze();
    console.log('all rules violations', all.violations.map((v) => `${v.id}:${v.impact}:${v.nodes.map(n=>n.target).join('|').slice(0,200)}`));
  }
}, 120_000);
