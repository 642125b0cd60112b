import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Harness, open, printA11ySummary, settle, shot, startHarness } from './pages.js';

/** The offline basemap under every map, the place search, and the keyboard way to set a point. */
describe('maps with the offline basemap', () => {
  let h: Harness;
  let districtId = '';
  beforeAll(async () => {
    h = await startHarness();
    const page = await h.newPage();
    const districts = (await (
      await page.request.get(`${h.server.url}/api/areas?level=district&format=json`)
    ).json()) as Array<{ id: string; name: string }>;
    districtId = districts.find((d) => d.name === 'Enskede-Årsta-Vantör')?.id ?? '';
    expect(districtId).not.toBe('');
  }, 180_000);
  afterAll(async () => {
    printA11ySummary();
    await h?.close();
  });

  it('draws water, rail and stadsdel names under the district map, with the ODbL attribution, from the app only', async () => {
    const page = await h.newPage();
    await open(page, h, `/districts/${districtId}`, 'Enskede-Årsta-Vantör');
    const map = page.locator('.leaflet-container').first();
    await page.locator('.leaflet-container[data-basemap="drawn"]').first().waitFor({ timeout: 20_000 });
    expect(await map.locator('.leaflet-basemap-pane canvas').count()).toBe(1);
    await expect.poll(() => map.locator('.basemap-place').count()).toBeGreaterThan(3);
    await expect
      .poll(() => map.locator('.leaflet-control-attribution').innerText())
      .toContain('OpenStreetMap-bidragsgivare (ODbL)');
    // The canvas really has water on it: some pixels are the water colour.
    const waterPixels = await map.locator('.leaflet-basemap-pane canvas').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === 0xaa && data[i + 1] === 0xcb && data[i + 2] === 0xe6) n++;
      return n;
    });
    expect(waterPixels).toBeGreaterThan(1000);
    await shot(page, 'basemap-district-desktop');
    await expectAccessible(page, 'district map with basemap');
    expect(h.foreignRequests).toEqual([]);
  });

  it('every kind of map gets the basemap: the city map and the places page', async () => {
    const page = await h.newPage();
    await open(page, h, '/', 'Trygghet i Stockholm');
    await page.locator('.leaflet-container[data-basemap="drawn"]').first().waitFor({ timeout: 20_000 });
    await open(page, h, '/places', 'Platser');
    const link = page.locator('main a[href^="/places/"]').first();
    await link.click();
    await settle(page);
    await page.locator('.leaflet-container[data-basemap="drawn"]').first().waitFor({ timeout: 20_000 });
    expect(h.foreignRequests).toEqual([]);
  });

  it('a resident finds "hogdalstorget" on the report form, the map centres there, and the keyboard sets the point', async () => {
    const page = await h.newPage();
    await open(page, h, '/report', 'Rapportera');
    const map = page.locator('.report-map');
    await page.locator('.report-map[data-basemap="drawn"]').waitFor({ timeout: 20_000 });
    const search = page.getByRole('combobox', { name: 'Sök plats, stadsdel eller gata' });
    await search.fill('hogdalstorget');
    const hit = page.getByRole('listbox').getByRole('option', { name: /Högdalstorget/ });
    await hit.waitFor();
    await search.press('Enter');
    await expect.poll(() => page.locator('#report-place').inputValue()).not.toBe('');
    expect(await page.locator('#report-place option:checked').innerText()).toBe('Högdalstorget');
    // No streets in the street layer this far south: the map says so.
    await expect.poll(() => map.locator('.map-streets-note:not([hidden])').count()).toBe(1);
    await shot(page, 'basemap-report-hogdalstorget');

    // Keyboard: focus the map, move it with the arrows, set the point with Enter.
    await map.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#location-status').innerText()).toMatch(/punkt/i);
    const status = await page.locator('#location-status').innerText();
    const [lat, lon] = (status.match(/\d+[.,]\d+/g) ?? []).map((n) => Number(n.replace(',', '.')));
    expect(lat).toBeCloseTo(59.2634, 2);
    expect(lon).toBeGreaterThan(18.0436);
    expect(lon).toBeLessThan(18.06);
    await shot(page, 'basemap-report-keyboard-point');
    await expectAccessible(page, 'report form with map search');
  });

  it('shows central streets with their names when zoomed in, and Space on a zoom button zooms without scrolling', async () => {
    const page = await h.newPage();
    await open(page, h, '/report', 'Rapportera');
    const search = page.getByRole('combobox', { name: 'Sök plats, stadsdel eller gata' });
    await search.fill('götgatan');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Götgatan/ })
      .first()
      .waitFor();
    await search.press('Enter');
    await expect
      .poll(() => page.locator('.report-map .basemap-street').count(), { timeout: 15_000 })
      .toBeGreaterThan(5);
    expect(await page.locator('.report-map .map-streets-note:not([hidden])').count()).toBe(0);
    await shot(page, 'basemap-report-streets');

    const zoomOut = page.locator('.report-map .leaflet-control-zoom-out');
    await zoomOut.focus();
    const before = await page.evaluate(() => window.scrollY);
    const streetsBefore = await page.locator('.report-map .basemap-street').count();
    await page.keyboard.press(' ');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    // Zoomed out from 16 to 15: fewer street names fit.
    await expect.poll(() => page.locator('.report-map .basemap-street').count()).toBeLessThan(streetsBefore);
    expect(h.foreignRequests).toEqual([]);
  });

  it('closes a hover text with Escape', async () => {
    const page = await h.newPage();
    await open(page, h, `/districts/${districtId}`, 'Enskede-Årsta-Vantör');
    const map = page.locator('.leaflet-container').first();
    const box = await map.boundingBox();
    if (!box) throw new Error('no map');
    // Hover over the middle of the district: a neighbourhood's name appears.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.leaflet-tooltip:not(.area-label)').first().waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.leaflet-tooltip:not(.area-label)').count()).toBe(0);
  });

  it('works at phone size (390 px): search, point and submit controls fit', async () => {
    const page = await h.newPage({ width: 390, height: 844 });
    await open(page, h, '/report', 'Rapportera');
    const search = page.getByRole('combobox', { name: 'Sök plats, stadsdel eller gata' });
    await search.fill('Högdalstorget');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Högdalstorget/ })
      .waitFor();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Högdalstorget/ })
      .click();
    // The click chose the place; it did not also set a point on the map under the list.
    await expect.poll(() => page.locator('#location-status').innerText()).toContain('Högdalstorget');
    await expect.poll(() => page.locator('#report-place option:checked').innerText()).toBe('Högdalstorget');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.report-map').scrollIntoViewIfNeeded();
    await shot(page, 'basemap-report-phone');
    await expectAccessible(page, 'report form at phone size');
    expect(h.foreignRequests).toEqual([]);
  });
});
