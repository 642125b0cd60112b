import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../setup/test-server.js';
import { type Harness, SHOTS, startHarness } from './pages.js';

/**
 * The web app end to end in Debian's Chromium against the real server (built dist/web, seeded Stockholm data,
 * generated demo incidents). Screenshots go to test-results/ for a human look. Accessibility scans and
 * keyboard-only flows have their own files (a11y, keyboard); staff and information pages too (staff, about).
 */
const FAKE_PERSONNUMMER = '19811218-9876';
/** Unique words to find this run's reports by. */
const DESCRIPTION_MARK = `Klotter på entrédörren (e2e ${Date.now()})`;
const STAFF_MARK = `Personalrapport e2e ${Date.now()}`;

let h: Harness;
let server: TestServer;
let page: Page;
const incidentPosts: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  server = h.server;
  page = await h.newPage();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && (path === '/api/incidents' || path === '/api/public/reports'))
      incidentPosts.push(path);
  });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const districtRows = () => page.locator('#district-list tbody tr');
async function waitForRows(n: number): Promise<void> {
  await page.waitForFunction((count) => document.querySelectorAll('#district-list tbody tr').length === count, n, {
    timeout: 20_000,
  });
}
async function districtNames(): Promise<string[]> {
  return districtRows().locator('th a').allTextContents();
}
async function waitForMapData(): Promise<void> {
  await page.locator('.legend-list li, .legend-empty').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () => [...document.querySelectorAll('#district-list tbody td.numeric')].every((td) => td.textContent !== '…'),
    undefined,
    { timeout: 20_000 },
  );
}

describe('web app', () => {
  it('shows the 11 current districts on the map and in the list, Swedish by default', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Trygghet i Stockholm' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await waitForRows(11);
    const names = await districtNames();
    expect(names).toContain('Järva');
    expect(names).toContain('Norra innerstaden');
    expect(names).toContain('Enskede-Årsta-Vantör');
    expect(names).not.toContain('Rinkeby-Kista');
    // The map drew something: Leaflet's canvas renderer (or SVG paths) in the overlay pane, plus 11 labels.
    expect(
      await page.locator('.city-map .leaflet-overlay-pane canvas, .city-map .leaflet-overlay-pane path').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('.city-map .area-label').count()).toBe(11);
    // Visible notes: approximate borders and generated demo data.
    expect(await page.getByText('ungefärliga gränser').first().isVisible()).toBe(true);
    expect(await page.getByText('Genererad demodata').first().isVisible()).toBe(true);
    // Single incidents are for signed-in staff: a visitor gets a notice instead of the list.
    await page.getByText('Enskilda händelser visas bara för inloggade').waitFor();
    await waitForMapData();
    expect(await page.locator('.legend-list li').count()).toBeGreaterThan(0);
    // Visitors are told that cells of fewer than five incidents are left out (and the sum is low because of it).
    expect(await page.locator('.legend-note').textContent()).toContain('färre än 5 händelser visas inte');
    await page.screenshot({ path: `${SHOTS}/web-start.png`, fullPage: true });

    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till huvudinnehållet');
    expect(await page.locator('.skip-link').boundingBox()).toMatchObject({ y: expect.any(Number) });
    expect((await page.locator('.skip-link').boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  }, 60_000);

  it('switches to the 13 districts of 2020–2023', async () => {
    await page.getByLabel('13 stadsdelsområden (2020–2023)').check();
    await waitForRows(13);
    const names = await districtNames();
    expect(names).toEqual(expect.arrayContaining(['Rinkeby-Kista', 'Spånga-Tensta', 'Norrmalm', 'Östermalm']));
    expect(names).not.toContain('Järva');
    expect(page.url()).toContain('layout=earlier');
    await page.waitForFunction(() => document.querySelectorAll('.city-map .area-label').length === 13, undefined, {
      timeout: 10_000,
    });
    await waitForMapData();
    await page.screenshot({ path: `${SHOTS}/web-start-13.png`, fullPage: true });
  }, 60_000);

  it('refuses a report without a category on the client, without sending anything', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Rapportera' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapportera' }).waitFor();
    await page.locator('#report-place option', { hasText: 'Högdalens bibliotek' }).waitFor({ state: 'attached' });
    await page.getByLabel('Sök bland platser').fill('Högdalen');
    await page.getByLabel('Välj plats').selectOption({ label: 'Högdalens bibliotek' });
    await page.getByText('Vald plats: Högdalens bibliotek').waitFor();
    await page.getByLabel('Beskrivning (valfritt)').fill(`${DESCRIPTION_MARK}. Vittne sa pnr ${FAKE_PERSONNUMMER}.`);
    await page.getByRole('button', { name: 'Skicka rapport' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('#report-category-error').textContent()).toBe('Välj en kategori.');
    expect(await page.locator('#report-category').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-category').getAttribute('aria-describedby')).toContain('category-error');
    expect(await page.locator('#location-error').count()).toBe(0);
    expect(incidentPosts).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/web-report-errors.png`, fullPage: true });
  }, 60_000);

  let receiptCode = '';
  it('takes an anonymous resident report at Högdalens bibliotek and gives a receipt code', async () => {
    await page.getByLabel('Kategori').selectOption({ label: 'Klotter' });
    expect(await page.locator('#report-category-error').count()).toBe(0);
    const entrance = await page
      .locator('#report-zone option')
      .filter({ hasText: /entré/i })
      .first()
      .getAttribute('value');
    expect(entrance).toBeTruthy();
    await page.locator('#report-zone').selectOption(entrance!);
    await page.getByRole('button', { name: 'Skicka rapport' }).click();
    await page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor({ timeout: 15_000 });
    expect(incidentPosts).toEqual(['/api/public/reports']);
    receiptCode = (await page.getByTestId('receipt-code').textContent()) ?? '';
    expect(receiptCode).toMatch(/^TR-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.locator('.report-status').getByText('Högdalens bibliotek').waitFor();
    expect(await page.locator('.report-status').textContent()).toContain('Ny');
    await page.screenshot({ path: `${SHOTS}/web-confirmation.png`, fullPage: true });

    await page.locator('.follow-link').click();
    await page.getByRole('heading', { level: 1, name: 'Följ din rapport' }).waitFor();
    await page.getByRole('heading', { name: `Rapport ${receiptCode}` }).waitFor();
  }, 60_000);

  it('shows visitors hexbins on the district page, and no single incidents', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Enskede-Årsta-Vantör' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enskede-Årsta-Vantör' }).waitFor();
    await page.getByText('Enskilda händelser visas bara för inloggade').first().waitFor();
    expect(await page.locator('#latest-incidents').count()).toBe(0);
    await page.locator('.legend-list li, .legend-empty').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/web-district-public.png`, fullPage: true });
  }, 60_000);

  it('shows the resident report, redacted, to the signed-in coordinator of Enskede-Årsta-Vantör', async () => {
    const coordinator = server.accounts.find((a) => a.email.startsWith('samordnare.eav'));
    expect(coordinator).toBeDefined();
    await page.getByRole('link', { name: 'Logga in' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.getByLabel('E-postadress').fill(coordinator!.email);
    await page.getByLabel('Lösenord').fill(coordinator!.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    // Back where the visitor was, now with the latest incidents.
    await page.getByRole('heading', { level: 1, name: 'Enskede-Årsta-Vantör' }).waitFor();
    // Place and neighbourhood names come from their own (cached) queries: wait until they are filled in.
    const row = page
      .locator('#latest-incidents tbody tr', { hasText: DESCRIPTION_MARK })
      .filter({ hasText: 'Högdalens bibliotek' });
    await row.waitFor({ timeout: 15_000 });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Klotter');
    expect(text).toContain('Invånare');
    expect(text).toContain('Högdalens bibliotek');
    expect(text).toContain('[personnummer]');
    expect(text).not.toContain(FAKE_PERSONNUMMER);
    expect(await page.locator('.district-map .leaflet-overlay-pane canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/web-district.png`, fullPage: true });
  }, 60_000);

  it('lets signed-in staff report an incident and follow it to the district page', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Rapportera' }).click();
    await page.getByText(/Du rapporterar som/).waitFor();
    await page.locator('#report-place option', { hasText: 'Högdalens bibliotek' }).waitFor({ state: 'attached' });
    await page.getByLabel('Välj plats').selectOption({ label: 'Högdalens bibliotek' });
    await page.getByLabel('Kategori').selectOption({ label: 'Trasig belysning' });
    await page.getByLabel('Beskrivning (valfritt)').fill(`${STAFF_MARK}: lampan vid entrén är trasig.`);
    await page.getByRole('button', { name: 'Skicka rapport' }).click();
    await page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor({ timeout: 15_000 });
    expect(incidentPosts).toEqual(['/api/public/reports', '/api/incidents']);
    const incidentId = (await page.getByTestId('incident-id').textContent()) ?? '';
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);
    await page.locator('.district-link').click();
    await page.getByRole('heading', { level: 1, name: 'Enskede-Årsta-Vantör' }).waitFor();
    const row = page.locator(`#latest-incidents tr[data-incident-id="${incidentId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(STAFF_MARK);
  }, 60_000);

  it('lists places with filters', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Platser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Platser' }).waitFor();
    await page.locator('.places-table tbody tr').first().waitFor();
    await page.getByLabel('Inne eller ute').selectOption('indoor');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.places-table tbody tr td:nth-child(3)')].every(
        (td) => td.textContent === 'Inomhus',
      ),
    );
    await page.getByLabel('Sök plats').fill('Högdalen');
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('.places-table tbody th a')].map((a) => a.textContent ?? '');
      return names.length > 0 && names.every((n) => n.includes('Högdal'));
    });
    expect(await page.locator('.places-table tbody tr', { hasText: 'Högdalens bibliotek' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/web-places.png`, fullPage: true });

    await page.getByRole('link', { name: 'Högdalens bibliotek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Högdalens bibliotek' }).waitFor();
    await page.getByText('Entré').first().waitFor();
    await page.locator('.incident-table tbody tr').first().waitFor();
    expect(await page.locator('.incident-table').textContent()).toContain('[personnummer]');
    await page.screenshot({ path: `${SHOTS}/web-place.png`, fullPage: true });
  }, 60_000);

  it('fits the report form on a phone', async () => {
    const phone = await h.newPage({ width: 390, height: 844 });
    await phone.goto(`${server.url}/report`);
    await phone.getByRole('heading', { level: 1, name: 'Rapportera' }).waitFor();
    await phone.locator('#report-category option').nth(1).waitFor({ state: 'attached' });
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: `${SHOTS}/web-report-phone.png`, fullPage: true });
  }, 60_000);

  it('switches to English and remembers it', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Places' }).click();
    await page.getByRole('heading', { level: 1, name: 'Places' }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${server.url}/?layout=earlier`);
    await page.getByRole('heading', { level: 1, name: 'Safety in Stockholm' }).waitFor();
    await waitForRows(13);
    await waitForMapData();
    await page.screenshot({ path: `${SHOTS}/web-start-en.png`, fullPage: true });
  }, 60_000);

  it('never asked anything of another host', () => {
    expect(h.foreignRequests).toEqual([]);
  });
});
