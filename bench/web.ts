/**
 * The first map view in headless Chromium: `npx vite build && npx tsx bench/web.ts [--runs 5]`
 * On the built web app (dist/web) served by the real server on PGlite with the Stockholm seed and 1,500 demo
 * incidents, a visitor opens one district's page in a fresh browser context (nothing cached) and we time from
 * navigation to the district map drawn: its own layers on the canvas and, with the basemap, the basemap's
 * first view (`data-basemap="drawn"`). The same page with `?basemap=off` is measured in the same run, the
 * two alternating. Also printed: the gzip size of the JavaScript loaded by then (the up-front JS) and of the
 * basemap data fetched. Median of the runs. Targets: with basemap ≤ 1.5 × without; up-front JS ≤ 400 kB gzip.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedStockholm } from '../src/features/seed/seed.service.js';
import { buildApp } from '../src/server/app.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RUNS = Number(arg('runs', '5'));

const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
if (!existsSync(`${webRoot}/index.html`)) throw new Error('dist/web is missing: run `npx vite build` first');

const handle = await connect({ dataDir: 'memory://' });
await migrateToLatest(handle.db);
await seedStockholm(handle.db, { demoIncidents: 1500 });
const app = await buildApp({
  db: handle.db,
  engine: handle.engine,
  config: { bodyLimit: 1_048_576, defaultOrganisation: 'stockholm' },
  webRoot,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const districts = (await (await fetch(`${base}/api/areas?level=district&format=json`)).json()) as Array<{
  id: string;
  name: string;
}>;
const district = districts.find((d) => d.name === 'Enskede-Årsta-Vantör');
if (!district) throw new Error('no district Enskede-Årsta-Vantör');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

interface Run {
  ms: number;
  jsGzip: number;
  basemapGzip: number;
}

async function measure(withBasemap: boolean): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page: Page = await context.newPage();
  const bodies: Promise<{ kind: 'js' | 'basemap'; gzip: number }>[] = [];
  page.on('response', (r) => {
    const url = r.url();
    const kind = url.endsWith('.js') ? 'js' : /basemap-[^/]+\.(geojson|json)$/.test(url) ? 'basemap' : null;
    if (kind) bodies.push(r.body().then((b) => ({ kind, gzip: gzipSync(b).length })));
  });
  const start = performance.now();
  await page.goto(`${base}/districts/${district?.id}${withBasemap ? '' : '?basemap=off'}`);
  await page.waitForFunction(
    (basemap) => {
      const map = document.querySelector('.leaflet-container');
      const own = map?.querySelector('.leaflet-overlay-pane canvas');
      return Boolean(own && (!basemap || map?.getAttribute('data-basemap') === 'drawn'));
    },
    withBasemap,
    { timeout: 30_000, polling: 'raf' },
  );
  const ms = performance.now() - start;
  const sizes = await Promise.all(bodies);
  await context.close();
  const sum = (k: 'js' | 'basemap') => sizes.filter((s) => s.kind === k).reduce((a, s) => a + s.gzip, 0);
  return { ms, jsGzip: sum('js'), basemapGzip: sum('basemap') };
}

// One warm-up of each (the server's first answers compile queries), then alternating runs.
await measure(true);
await measure(false);
const runs: { on: Run[]; off: Run[] } = { on: [], off: [] };
for (let i = 0; i < RUNS; i++) {
  runs.on.push(await measure(true));
  runs.off.push(await measure(false));
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
const row = (label: string, r: Run[]) =>
  `${label.padEnd(18)} ${`${median(r.map((x) => x.ms)).toFixed(0)} ms`.padStart(8)}   JS ${kb(median(r.map((x) => x.jsGzip))).padStart(9)} gzip   basemap data ${kb(median(r.map((x) => x.basemapGzip))).padStart(8)} gzip   (runs: ${r.map((x) => x.ms.toFixed(0)).join(', ')})`;
console.log(`district map, first view, median of ${RUNS}:`);
console.log(row('with basemap', runs.on));
console.log(row('without basemap', runs.off));
const ratio = median(runs.on.map((x) => x.ms)) / median(runs.off.map((x) => x.ms));
const js = median(runs.on.map((x) => x.jsGzip));
console.log(
  `ratio ${ratio.toFixed(2)} (target ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'}); up-front JS ${kb(js)} gzip (target ≤ 400 kB: ${js <= 400 * 1024 ? 'met' : 'NOT met'})`,
);

await browser.close();
await app.close();
await handle.close();
