import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, type Harness, open, signIn, startHarness } from './pages.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); }, 180_000);
afterAll(async () => { await h?.close(); });

it('sanity + best practices', async () => {
  const page = await h.newPage();
  await open(page, h, '/tillganglighet', 'Tillgänglighetsredogörelse');
  await page.evaluate(() => { const i = document.createElement('input'); i.type = 'text'; document.querySelector('main')!.append(i); const p = document.createElement('p'); p.textContent = 'low'; p.style.color = '#ccc'; document.querySelector('main')!.append(p); });
  await expect(expectAccessible(page, 'sanity')).rejects.toThrow(/label|contrast/);
  const paths: Array<[string, string | RegExp]> = [['/', 'Trygghet i Stockholm'], ['/places', 'Platser'], ['/report', 'Rapportera'], ['/follow', 'Följ din rapport'], ['/login', 'Logga in'], ['/tillganglighet', 'Tillgänglighetsredogörelse'], ['/personuppgifter', 'Behandling av personuppgifter'], ['/admin/audit', 'Granskningslogg']];
  const run = async (label: string) => {
    const r = await new AxeBuilder({ page }).analyze();
    for (const v of r.violations) console.log(label, v.id, v.impact, v.tags.join(','), v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 100)).join(' | '));
  };
  for (const [p, t] of paths) { await open(page, h, p, t); await run(p); }
  await signIn(page, h, 'admin');
  for (const [p, t] of paths) { await open(page, h, p, t); await run('admin ' + p); }
  await open(page, h, '/', 'Trygghet i Stockholm');
  const href = await page.locator('.incident-link').first().getAttribute('href');
  await open(page, h, href!, /./); await page.getByRole('heading', { name: 'Ändra status' }).waitFor(); await run('incident');
  await page.goto(h.server.url + '/'); await page.getByRole('link', { name: 'Järva' }).click(); await page.locator('#latest-incidents').waitFor(); await run('district');
}, 180_000);
