import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, open, shot, startHarness } from './pages.js';

/** One light-blue pixel: Leaflet stretches each tile over 256 × 256. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A deployment with an online tile basemap (TRYGG_MAP_TILES), served here by a local tile server. */
describe('maps with a configured online basemap', () => {
  let h: Harness;
  let tiles: Server;
  let tileOrigin = '';
  const requested: string[] = [];

  beforeAll(async () => {
    tiles = createServer((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(TILE);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
    h = await startHarness({
      basemap: { url: `${tileOrigin}/tiles/{z}/{x}/{y}.png`, attribution: '© Testkartan', maxZoom: 18 },
      allowOrigins: [tileOrigin],
    });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  it('draws the tiles from the configured host, shows its attribution, and the CSP allows that host', async () => {
    const page = await h.newPage();
    const response = await page.goto(`${h.server.url}/report`);
    const csp = (await response?.headerValue('content-security-policy')) ?? '';
    expect(csp).toContain(`img-src 'self' data: blob: ${tileOrigin}`);
    await open(page, h, '/report', 'Rapportera');
    await page.locator('.report-map[data-basemap="drawn"]').waitFor({ timeout: 20_000 });
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.every((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    expect(await page.locator('.report-map img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    const attribution = await page.locator('.report-map .leaflet-control-attribution').innerText();
    expect(attribution).toContain('© Testkartan');
    // The offline basemap is not drawn on top of the tiles.
    expect(await page.locator('.report-map .leaflet-basemap-pane canvas').count()).toBe(0);
    expect(attribution).not.toContain('ODbL');
    // The place search still works with the tiles.
    const search = page.getByRole('combobox', { name: 'Sök plats, stadsdel eller gata' });
    await search.fill('hogdalstorget');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Högdalstorget/ })
      .waitFor();
    await search.press('Enter');
    await expect.poll(() => requested.some((u) => u.startsWith('/tiles/16/'))).toBe(true);
    await shot(page, 'basemap-online-report');
    expect(h.foreignRequests).toEqual([]);
  });
});
