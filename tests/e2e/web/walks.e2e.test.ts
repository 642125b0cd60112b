import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken, expectAccessible, type Harness, printA11ySummary, shot, signIn, startHarness } from './pages.js';

/**
 * A safety walk on a phone (390×844): a coordinator notes three observations with photos, one of them with
 * the network gone (kept on the phone and sent once, when it is back), finishes the walk and opens its report,
 * where one observation goes to the responsible unit's inbox. At the next walk in the district, an earlier
 * observation is marked fixed on the phone, and that walk's report is downloaded as a PDF.
 */
let h: Harness;
let page: Page;
let walkId: string;
/** The walk as planned: the next walk in the same district is planned like it. */
let plan: Record<string, unknown>;
let csrf: string;
const dir = mkdtempSync(join(tmpdir(), 'trygg-walk-e2e-'));
/** Observations the server stored (201) and resends it answered with a stored one (200), as the page saw them. */
const answers: number[] = [];

const photo = async (name: string, colour: string) => {
  const file = join(dir, name);
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { Make: 'WalkCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 15/1 0/1' } })
    .toBuffer();
  writeFileSync(file, jpeg);
  return file;
};

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage({ width: 390, height: 844 });
  await signIn(page, h, 'samordnare.eav');
  const token = await csrfToken(page, h);
  csrf = token;
  const get = async <T>(path: string) => (await (await page.request.get(`${h.server.url}${path}`)).json()) as T;
  const units = await get<Array<{ id: string; kind: string; name: string }>>('/api/units');
  const district = (await get<Array<{ id: string; name: string }>>('/api/areas?level=district&format=json')).find(
    (d) => d.name === 'Enskede-Årsta-Vantör',
  )!;
  plan = {
    title: 'Kvällsvandring Högdalen centrum',
    unit_id: units.find((u) => u.kind === 'district' && u.name.startsWith('Enskede-Årsta-Vantör'))!.id,
    area_id: district.id,
    route: {
      type: 'LineString',
      coordinates: [
        [18.0405, 59.2625],
        [18.0431, 59.2636],
        [18.0462, 59.2648],
      ],
    },
    walk_date: '2026-12-10',
    invited_unit_ids: units.filter((u) => u.name.startsWith('Polis')).map((u) => u.id),
    groups: ['residents', 'housing_company'],
  };
  const res = await page.request.post(`${h.server.url}/api/walks`, { headers: { 'X-CSRF-Token': token }, data: plan });
  expect(res.status()).toBe(201);
  walkId = ((await res.json()) as { id: string }).id;
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith(`/api/walks/${walkId}/observations`))
      answers.push(r.status());
  });
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const GEO_UNAVAILABLE = 'Positionen gick inte att hämta. Tryck på kartan i stället.';

/** Taps the map a little off its centre, picks the item and severity, writes a note, adds a photo and saves. */
async function note(item: string, severity: string, text: string, file: string, dx: number) {
  const map = page.locator('.walk-map');
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width / 2 + dx, y: box.height / 2 } });
  await page.getByText(/^Vald plats:/).waitFor();
  await page.getByLabel('Vad gäller det?').selectOption({ label: item });
  await page.getByRole('radio', { name: severity }).check();
  await page.getByLabel('Anteckning').fill(text);
  await page.locator('#walk-photo').setInputFiles(file);
  await page.getByRole('button', { name: 'Spara iakttagelsen' }).click();
}

const stored = async () =>
  (
    (await (await page.request.get(`${h.server.url}/api/walks/${walkId}/observations`)).json()) as {
      observations: Array<{ id: string; photo: unknown; note: string }>;
    }
  ).observations;

describe('a safety walk on a phone', () => {
  it('lists the walk and keeps the checklist for coordinators', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.server.url}/walks`);
    await page.getByRole('heading', { level: 1, name: 'Trygghetsvandringar' }).waitFor();
    await page.locator('.walk-list strong', { hasText: 'Kvällsvandring Högdalen centrum' }).waitFor();
    await expectAccessible(page, 'walks: list and plan form');
    await shot(page, 'walks-1280');
    await page.getByRole('link', { name: 'Checklistan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checklista för trygghetsvandringar' }).waitFor();
    await page.getByRole('rowheader', { name: 'Belysning: bländande' }).waitFor();
    await page.getByRole('button', { name: /^Ändra\s*: Flyktvägar$/ }).click();
    await page.locator('#edit-label').fill('Flyktvägar och genvägar');
    await page.getByRole('button', { name: 'Spara benämningen' }).click();
    await page.getByRole('rowheader', { name: 'Flyktvägar och genvägar' }).waitFor();
    await expectAccessible(page, 'walks: checklist');
    await shot(page, 'walk-checklist-1280');
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('notes observations with photos, keeps one on the phone while offline and sends it once when back', async () => {
    await page.goto(`${h.server.url}/walks/${walkId}/capture`);
    await page.getByRole('heading', { level: 1, name: 'Kvällsvandring Högdalen centrum' }).waitFor();
    await page.getByText('Sidan fungerar utan nät under vandringen.').waitFor({ timeout: 20_000 });
    expect(await page.locator('.walk-map .leaflet-control-attribution').innerText()).not.toBe('');

    await note('Klotter', 'Hög', 'Klotter på hela gångtunneln', await photo('klotter.jpg', '#884422'), -40);
    await page.getByText('Iakttagelsen är sparad.').waitFor();
    await page.getByRole('heading', { name: 'Iakttagelser på vandringen (1)' }).waitFor();

    await page.context().setOffline(true);
    await page.getByText(/^Ingen anslutning/).waitFor();
    await note('Belysning: trasig', 'Medel', 'Två lyktstolpar släckta', await photo('lampa.jpg', '#222244'), 0);
    await page.getByText('Iakttagelsen är sparad på telefonen och skickas när nätet är tillbaka.').waitFor();
    await page.getByText('1 iakttagelse väntar på att skickas.').waitFor();
    await expect.poll(() => page.locator('.walk-observation-list .badge').allInnerTexts()).toEqual(['Väntar på nätet']);
    await shot(page, 'walk-capture-offline-390');
    expect(await stored()).toHaveLength(1);
    // Reopened without a network: the service worker serves the page, and the queue is still on the phone.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Kvällsvandring Högdalen centrum' }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/walk-sw\.js$/);
    await page.getByText('1 iakttagelse väntar på att skickas.').waitFor();

    await page.context().setOffline(false);
    await page.getByText(/^Ansluten/).waitFor();
    await expect.poll(async () => (await stored()).length, { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.locator('.walk-observation-list .badge').count()).toBe(0);

    // "Använd min position": refused until the walker allows it, then the phone's position is the point.
    const useMyPosition = page.getByRole('button', { name: 'Använd min position' });
    await useMyPosition.click();
    await page.getByText(GEO_UNAVAILABLE).waitFor();
    await page.context().grantPermissions(['geolocation'], { origin: h.server.url });
    await page.context().setGeolocation({ latitude: 59.2636123456, longitude: 18.0431987654 });
    await useMyPosition.click();
    await page.getByText(/^Vald plats: 59,26361, 18,04320$/).waitFor();
    expect(await page.getByText(GEO_UNAVAILABLE).count()).toBe(0);

    await note(
      'Vegetation som skymmer sikten',
      'Låg',
      'Buskar skymmer entrén',
      await photo('buske.jpg', '#226633'),
      40,
    );
    await page.getByRole('heading', { name: 'Iakttagelser på vandringen (3)' }).waitFor();
    await expect.poll(async () => (await stored()).filter((o) => o.photo !== null).length).toBe(3);
    // Each observation reached the server once: three stored, none sent twice.
    expect(answers).toEqual([201, 201, 201]);
    expect(new Set((await stored()).map((o) => o.id)).size).toBe(3);
    await expectAccessible(page, 'walks: capture page on a phone');
    await shot(page, 'walk-capture-390');
  });

  it('finishes the walk and opens its report with photos, grouped by item and responsible unit', async () => {
    await page.getByRole('button', { name: 'Avsluta vandringen' }).click();
    await page.getByText('Vandringen är avslutad.').waitFor();
    await page.getByRole('link', { name: 'Till rapporten' }).click();
    await page.getByRole('heading', { level: 1, name: /Rapport från trygghetsvandring/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Klotter (1)' }).waitFor();
    const thumbs = page.locator('.walk-report-item img');
    await expect.poll(() => thumbs.count()).toBe(3);
    await expect
      .poll(() => thumbs.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)))
      .toBe(true);
    expect(await page.locator('.walk-by-unit').innerText()).toMatch(/Trafiknämnden|trafik/i);
    await shot(page, 'walk-report-390');

    await page.getByRole('button', { name: /^Skicka till ansvarig enhet\s*: Klotter$/ }).click();
    await page.getByRole('link', { name: 'Skickad som ärende' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, 'walks: report');
    await shot(page, 'walk-report-1280');
  });

  it('asks the next walk whether the earlier observations were fixed, and downloads its report as a PDF', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const res = await page.request.post(`${h.server.url}/api/walks`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { ...plan, title: 'Återbesök Högdalen centrum', walk_date: '2026-12-17' },
    });
    expect(res.status()).toBe(201);
    const next = ((await res.json()) as { id: string }).id;
    await page.goto(`${h.server.url}/walks/${next}/capture`);
    await page.getByRole('heading', { level: 2, name: 'Åtgärdat sedan tidigare vandringar? (3)' }).waitFor();
    // Nothing is chosen for the walker: saving without an answer asks for one.
    await page.getByRole('button', { name: /^Spara svaret\s*: Belysning: trasig$/ }).click();
    await page.getByText('Välj om det är åtgärdat, inte åtgärdat eller delvis åtgärdat.').waitFor();
    const graffiti = page.getByRole('group', { name: 'Åtgärdad? Klotter' });
    await graffiti.getByRole('radio', { name: 'Åtgärdad', exact: true }).check();
    await page.getByLabel('Anteckning (frivillig)').first().fill('Tunneln är sanerad');
    await page.getByRole('button', { name: /^Spara svaret\s*: Klotter$/ }).click();
    await page.getByText('Svaret om ”Klotter” är sparat.').waitFor();
    await page.getByText(/^Bedömd: Åtgärdad av .+ – Tunneln är sanerad$/).waitFor();
    await expectAccessible(page, 'walks: earlier observations on the capture page');
    await shot(page, 'walk-followup-390');

    await page.goto(`${h.server.url}/walks/${next}/report`);
    await page.getByRole('heading', { level: 1, name: /Rapport från trygghetsvandring/ }).waitFor();
    await page.getByText(/^Bedömd: Åtgärdad av/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Rapporten som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trygghetsvandring-enskede-arsta-vantor-2026-12-17.pdf');
    const file = join(dir, 'rapport.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Trygghetsvandring i Enskede-Årsta-Vantör');
    expect(text).toContain('17 december 2026');
    expect(text).toContain('Åtgärdat sedan tidigare vandringar?');
    expect(text).toContain('Tunneln är sanerad');
    expect(text).toContain('Åtgärdad');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, 'walk-followup-report-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, 'walks: report with earlier observations');
    await shot(page, 'walk-followup-report-1280');
    // The earlier walk's report says what the next walk found.
    await page.goto(`${h.server.url}/walks/${walkId}/report`);
    await page.getByText(/^Vid vandringen ”Återbesök Högdalen centrum” 17 december 2026: Åtgärdad/).waitFor();
  });
});
