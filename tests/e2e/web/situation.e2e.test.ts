import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, DEFAULT_TIME_ZONE, isoWeek } from '../../../src/domain/calendar/index.js';
import { expectAccessible, type Harness, open, printA11ySummary, settle, shot, signIn, startHarness } from './pages.js';

/**
 * The weekly situation picture: the coordinator of Enskede-Årsta-Vantör reads the report, switches the map to
 * Gi* hotspots, freezes it, records the meeting with an action for Trafiknämnden; the traffic office sees the
 * action in its inbox and marks it done.
 */
let h: Harness;
let coordinator: Page;
let districtId = '';
let reportPath = '';
const ACTION = `Se över belysningen vid Högdalens centrum ${Date.now()}`;

function currentIsoWeek(): string {
  return isoWeek(new Date(), DEFAULT_TIME_ZONE);
}

/** The week the meeting discusses: the last one that has ended. */
function lastCompleteWeek(): string {
  return addWeeks(currentIsoWeek(), -1);
}

/** `week` and the `n` − 1 weeks before it, newest first. */
async function recentWeeks(week: string, n: number): Promise<string[]> {
  return Array.from({ length: n }, (_, i) => addWeeks(week, -i));
}

beforeAll(async () => {
  h = await startHarness();
  coordinator = await h.newPage();
  await signIn(coordinator, h, 'samordnare.eav');
  const res = await coordinator.request.get(`${h.server.url}/api/areas?level=district&format=json`);
  const districts = (await res.json()) as Array<{ id: string; name: string }>;
  districtId = districts.find((d) => d.name === 'Enskede-Årsta-Vantör')?.id ?? '';
  expect(districtId).not.toBe('');
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('situation report', () => {
  it("lands the coordinator on the district's picture of the last complete week after signing in and from the menu", async () => {
    const page = await h.newPage();
    await signIn(page, h, 'samordnare.eav');
    await page.waitForURL(new RegExp(`/districts/${districtId}/situation`));
    await page.getByRole('heading', { level: 1, name: /Lägesbild Enskede-Årsta-Vantör/ }).waitFor();
    expect(await page.locator('h1').textContent()).toContain(lastCompleteWeek());
    await open(page, h, '/', 'Trygghet i Stockholm');
    await page
      .getByRole('navigation', { name: /Huvudmeny|Meny/ })
      .getByRole('link', { name: 'Lägesbild' })
      .click();
    await page.waitForURL(new RegExp(`/districts/${districtId}/situation`));
    await page.getByRole('heading', { level: 1, name: /Lägesbild Enskede-Årsta-Vantör/ }).waitFor();
    await page.close();
  }, 90_000);

  it('is linked from the district page and shows the last complete week with its charts', async () => {
    await open(coordinator, h, `/districts/${districtId}`, 'Enskede-Årsta-Vantör');
    await coordinator.getByRole('main').getByRole('link', { name: 'Lägesbild', exact: true }).click();
    const week = lastCompleteWeek();
    await coordinator.getByRole('heading', { level: 1, name: /Lägesbild Enskede-Årsta-Vantör/ }).waitFor();
    await settle(coordinator);
    expect(await coordinator.locator('h1').textContent()).toContain(week);
    await coordinator.getByRole('table', { name: /Händelser per stadsdel/ }).waitFor();
    const rows = coordinator.locator('.neighbourhood-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    const tableText = (await coordinator.locator('.neighbourhood-table').textContent()) ?? '';
    expect(tableText).toMatch(/lugnt|viss oro|oroligt|allvarligt/);
    // A rating select per neighbourhood for the coordinator.
    expect(await coordinator.getByRole('combobox', { name: /Bedömning för/ }).count()).toBe(await rows.count());
    // Why each rating was proposed: text behind a disclosure the keyboard opens, not a title.
    expect(await coordinator.locator('.neighbourhood-table [title]').count()).toBe(0);
    const why = coordinator.locator('.neighbourhood-table .rating-reasons').first();
    await why.locator('summary').focus();
    await coordinator.keyboard.press('Enter');
    expect(await why.getAttribute('open')).not.toBeNull();
    expect(await why.locator('li').first().innerText()).toMatch(/händelser.*poäng/);
    await coordinator.keyboard.press('Enter');
    await coordinator.getByRole('table', { name: /Händelser per veckodag och timme/ }).waitFor();
    // The charts are pictures with a summary, drawn by the lazily loaded chart library; the tables stay.
    for (const name of [/Stapeldiagram: händelser per vecka/, /Händelser per veckodag och timme/, /Årshjul/])
      await coordinator.getByRole('img', { name }).waitFor();
    await expect.poll(() => coordinator.locator('.echart svg').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await coordinator.getByRole('heading', { name: 'Årshjul' }).waitFor();
    expect(await coordinator.getByRole('link', { name: 'Lägesbild som PDF' }).getAttribute('href')).toContain(
      '/api/situation/report/pdf',
    );
    await expectAccessible(coordinator, 'situation report');
    await shot(coordinator, 'web-situation-report');

    // Previous week and back.
    await coordinator.getByRole('button', { name: '← Föregående vecka' }).click();
    await coordinator.waitForURL(/week=/);
    await settle(coordinator);
    expect(new URL(coordinator.url()).searchParams.get('week')).not.toBe(week);
    await coordinator.getByRole('button', { name: 'Nästa vecka →' }).click();
    await settle(coordinator);
    expect(new URL(coordinator.url()).searchParams.get('week')).toBe(week);
  }, 90_000);

  it('confirms the ratings', async () => {
    await coordinator.getByRole('button', { name: 'Bekräfta bedömningar' }).click();
    await coordinator.getByText('Bedömningarna är bekräftade.').waitFor();
  }, 30_000);

  it('filters by category group, keeps the filter in the URL and clears it again', async () => {
    const all = await coordinator.locator('section[aria-labelledby="sit-cat-heading"] tbody tr').count();
    await coordinator.getByRole('group', { name: 'Kategorigrupp' }).getByLabel('Våld och hot').check();
    await coordinator.waitForURL(/category_group=violence/);
    await settle(coordinator);
    const rows = coordinator.locator('section[aria-labelledby="sit-cat-heading"] tbody th');
    // The table refetches after the URL changes: wait for the filtered answer rather than the first paint.
    await expect.poll(() => rows.allTextContents(), { timeout: 15_000 }).toEqual(['Våld', 'Hot']);
    expect(await coordinator.getByRole('link', { name: 'Lägesbild som PDF' }).getAttribute('href')).toContain(
      'category_group=violence',
    );
    await expectAccessible(coordinator, 'situation report, filtered');
    await coordinator.getByRole('group', { name: 'Kategorigrupp' }).getByLabel('Våld och hot').uncheck();
    await coordinator.waitForURL((url) => !url.searchParams.has('category_group'));
    await expect
      .poll(() => coordinator.locator('section[aria-labelledby="sit-cat-heading"] tbody tr').count(), {
        timeout: 15_000,
      })
      .toBe(all);
  }, 60_000);

  it('switches the map to Gi* hotspots and the heat map, each with a named legend', async () => {
    await coordinator.getByLabel('Hotspots (Gi*)').check();
    await coordinator.locator('.gi-legend').waitFor();
    expect(await coordinator.locator('.gi-legend').textContent()).toContain('Hotspot 99 %');
    await expectAccessible(coordinator, 'situation report, hotspot layer');

    // A busier week of the demo data, so that the map has significant cells to show.
    const week = currentIsoWeek();
    let busy: string | null = null;
    for (const w of await recentWeeks(week, 12)) {
      const res = await coordinator.request.get(`${h.server.url}/api/situation/report?area_id=${districtId}&week=${w}`);
      const body = (await res.json()) as { hotspots: { cells: unknown[] } };
      if (body.hotspots.cells.length > 0) {
        busy = w;
        break;
      }
    }
    const mapSection = coordinator.locator('section[aria-labelledby="sit-map-heading"]');
    if (busy) {
      await open(coordinator, h, `/districts/${districtId}/situation?week=${busy}`, /Lägesbild Enskede-Årsta-Vantör/);
      await coordinator.getByLabel('Hotspots (Gi*)').check();
      expect(await coordinator.locator('#sit-map-note').textContent()).toContain('signifikanta celler');
    }
    await mapSection.screenshot({ path: 'test-results/web-situation-hotspots.png' });
    // Beside Gi*: unusual for the place against its own 52 weeks, with the classes named in the legend.
    await coordinator.getByLabel('Ovanligt för platsen').check();
    await expect.poll(() => coordinator.locator('.gi-legend').textContent()).toContain('Ihållande');
    expect(await coordinator.locator('.map-aside').textContent()).toContain('Ny: ovanligt högt');
    await expectAccessible(coordinator, 'situation report, unusual-for-the-place layer');
    await mapSection.screenshot({ path: 'test-results/web-situation-emerging.png' });
    await coordinator.getByLabel('Värmekarta').check();
    await coordinator.locator('.density-legend').waitFor();
    await mapSection.screenshot({ path: 'test-results/web-situation-density.png' });
    // Back to the week the ratings were confirmed for: the one the meeting discusses.
    await open(
      coordinator,
      h,
      `/districts/${districtId}/situation?week=${lastCompleteWeek()}`,
      /Lägesbild Enskede-Årsta-Vantör/,
    );
  }, 60_000);

  it('freezes the report, records the meeting and adds an action for Trafiknämnden', async () => {
    await coordinator.getByRole('button', { name: 'Frys lägesbild för mötet' }).click();
    await coordinator.waitForURL(/\/situation\/reports\/[0-9a-f-]{36}$/);
    reportPath = new URL(coordinator.url()).pathname;
    await coordinator.getByRole('heading', { level: 1, name: /Fryst lägesbild Enskede-Årsta-Vantör/ }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByTestId('late-reports').textContent()).toMatch(/sen|Inga sena/);

    // Saving without a participant: the error summary takes the focus and its link leads to the boxes.
    await coordinator.getByRole('button', { name: 'Spara mötet' }).click();
    const summary = coordinator.getByRole('alert').filter({ hasText: 'Mötet kunde inte sparas' });
    await summary.waitFor();
    expect(await coordinator.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    await summary.getByRole('link', { name: 'Välj minst en deltagare.' }).click();
    expect(await coordinator.evaluate(() => document.activeElement?.id)).toBe('meeting-participants');
    await expectAccessible(coordinator, 'meeting form with error summary');
    await shot(coordinator, 'web-meeting-error-summary');

    // The participants' boxes: the report above the meeting names the district too (its map).
    await coordinator
      .locator('section[aria-labelledby="meeting-heading"]')
      .getByLabel('Enskede-Årsta-Vantör', { exact: false })
      .first()
      .check();
    await coordinator.getByLabel('Trafiknämnden (trafikkontoret)').check();
    await coordinator.getByLabel('Namn', { exact: true }).fill('Eva Lind');
    await coordinator.getByLabel('Från enhet').selectOption({ label: 'Trafiknämnden (trafikkontoret)' });
    await coordinator.getByRole('button', { name: 'Lägg till person' }).click();
    await coordinator.getByRole('button', { name: 'Ta bort Eva Lind' }).waitFor();
    await coordinator.getByLabel('Anteckningar').fill('Genomgång av veckan.');
    await coordinator.getByRole('button', { name: 'Spara mötet' }).click();
    await coordinator.getByLabel('Åtgärd', { exact: true }).waitFor();

    await coordinator.getByLabel('Åtgärd', { exact: true }).fill(ACTION);
    await coordinator.getByLabel('Ansvarig enhet').selectOption({ label: 'Trafiknämnden (trafikkontoret)' });
    await coordinator.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await coordinator.getByText('Åtgärden är tillagd.').waitFor();
    const row = coordinator.locator('.actions-table tbody tr', { hasText: ACTION });
    await row.waitFor();
    expect(await row.textContent()).toContain('Trafiknämnden');
    expect(await row.textContent()).toContain('Öppen');
    await expectAccessible(coordinator, 'frozen report with meeting');
    await shot(coordinator, 'web-situation-frozen');
    await coordinator.setViewportSize({ width: 390, height: 844 });
    await shot(coordinator, 'web-situation-frozen-phone');
    await coordinator.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('shows the whole report as frozen: map with hotspots over the basemap, charts with tables, ratings as confirmed', async () => {
    const id = reportPath.split('/').pop();
    const res = await coordinator.request.get(`${h.server.url}/api/situation/reports/${id}`);
    const view = (await res.json()) as {
      frozen: { hotspots: { cells: Array<{ place?: { text_sv: string } }> }; neighbourhoods: unknown[] };
    };
    const banner = (await coordinator.getByTestId('frozen-banner').textContent()) ?? '';
    // When (the organisation's clock, a date and a time, never UTC) and by whom.
    expect(banner).toMatch(/Fryst \d{4}-\d{2}-\d{2} \d{2}:\d{2} av samordnare\.eav/);
    expect(await coordinator.getByTestId('frozen-gaps').count()).toBe(0);
    // The map opens on the frozen hotspots, over the basemap with its attribution.
    const map = coordinator.locator('section[aria-labelledby="sit-map-heading"]');
    expect(await map.getByRole('radio', { name: 'Hotspots (Gi*)' }).isChecked()).toBe(true);
    await map.locator('[data-basemap="drawn"]').waitFor({ timeout: 20_000 });
    expect(await map.locator('.leaflet-control-attribution').textContent()).toContain('OpenStreetMap');
    expect(await map.locator('.gi-legend').textContent()).toContain('Hotspot 99 %');
    // The named hotspots are the frozen cells, one row each.
    const cells = view.frozen.hotspots.cells;
    if (cells.length === 0) await coordinator.getByText('Inga signifikanta hotspots').first().waitFor();
    else {
      const rows = coordinator.locator('.hotspot-table tbody tr');
      expect(await rows.count()).toBe(cells.length);
      expect(await rows.first().textContent()).toContain(cells[0]!.place!.text_sv);
    }
    // The charts, each with its table.
    await expect.poll(() => coordinator.locator('.echart svg').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    for (const name of [/Stapeldiagram: händelser per vecka/, /Händelser per veckodag och timme/, /Årshjul/])
      await coordinator.getByRole('img', { name }).waitFor();
    // The trend's table sits in a closed disclosure: present, not shown until opened.
    for (const name of [/Händelser per veckodag och timme/, /Händelser per kategori/, /Händelser per vecka \(tabell\)/])
      await coordinator.locator('table > caption', { hasText: name }).waitFor({ state: 'attached' });
    // Every stadsdel's rating as the coordinator confirmed it for the week, read-only, with who and when.
    const ratings = coordinator.locator('.neighbourhood-table tbody tr');
    expect(await ratings.count()).toBe(view.frozen.neighbourhoods.length);
    expect(await coordinator.getByRole('combobox', { name: /Bedömning för/ }).count()).toBe(0);
    expect(await coordinator.locator('.neighbourhood-table .rating-confirmed').count()).toBe(await ratings.count());
    expect(await coordinator.locator('.neighbourhood-table').textContent()).not.toContain('ej bekräftad');
    await expectAccessible(coordinator, 'frozen report, whole report');
    await shot(coordinator, 'web-situation-frozen-whole');
  }, 60_000);

  it('downloads the meeting protocol as a PDF with the participants and the decided action', async () => {
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: 'Protokoll (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^protokoll-.*\.pdf$/);
    const file = `test-results/meeting-protocol.pdf`;
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'])
      .toString()
      .replace(/[ \t]+/g, ' ');
    for (const part of ['1 Deltagare', '3 Områdesbedömning', '5 Beslutade åtgärder', 'Eva Lind', 'Sida 1 av'])
      expect(text).toContain(part);
    // The ratings the coordinator confirmed for the week, as confirmed.
    expect(text).toContain(`vecka ${Number(lastCompleteWeek().slice(6))}`);
    expect(text).not.toContain('ej bekräftad');
    expect(text).toContain(ACTION.slice(0, 40));
    expect(text).toMatch(
      /\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}/,
    );
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, 'test-results/meeting-protocol']);
    writeFileSync('test-results/meeting-protocol.txt', text);
  }, 60_000);
});

describe('city-wide situation report', () => {
  it('is linked from the start page and shows every stadsdel, read-only for a district coordinator', async () => {
    await open(coordinator, h, '/', 'Trygghet i Stockholm');
    await coordinator.getByRole('link', { name: 'Lägesbild för hela staden' }).click();
    await coordinator.getByRole('heading', { level: 1, name: /Lägesbild hela staden/ }).waitFor();
    await settle(coordinator);
    expect(new URL(coordinator.url()).pathname).toBe('/situation');
    await coordinator.getByRole('table', { name: /Händelser per stadsdel/ }).waitFor();
    expect(await coordinator.locator('.neighbourhood-table tbody tr').count()).toBeGreaterThan(50);
    // Ratings are confirmed per district, and only admins freeze the city's report.
    expect(await coordinator.getByRole('combobox', { name: /Bedömning för/ }).count()).toBe(0);
    expect(await coordinator.getByRole('button', { name: 'Frys lägesbild för mötet' }).count()).toBe(0);
    await expectAccessible(coordinator, 'city-wide situation report');
    await shot(coordinator, 'web-situation-city');
  }, 120_000);

  it('is frozen by an admin; the frozen page lists the figures of every stadsdel the live report shows', async () => {
    const admin = await h.newPage();
    await signIn(admin, h, 'admin');
    await open(admin, h, '/situation', /Lägesbild hela staden/);
    const firstCells = (table: string) =>
      admin.getByRole('table', { name: table }).locator('tbody tr > :first-child').allTextContents();
    const live = await firstCells('Händelser per stadsdel');
    expect(live.length).toBeGreaterThan(50);
    await admin.getByRole('button', { name: 'Frys lägesbild för mötet' }).click();
    await admin.waitForURL(/\/situation\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await admin
      .getByRole('heading', { level: 1, name: /Fryst lägesbild Stockholms stad vecka \d{4}-W\d{2}/ })
      .waitFor({ timeout: 60_000 });
    await settle(admin);
    const frozen = new Set((await firstCells('Frysta siffror och siffror nu per stadsdel')).map((c) => c.trim()));
    expect(live.map((c) => c.trim()).filter((name) => !frozen.has(name))).toEqual([]);
    expect(await admin.getByTestId('late-reports').textContent()).toMatch(/sen|Inga sena/);
    await expectAccessible(admin, 'frozen city-wide situation report');
    await shot(admin, 'web-situation-city-frozen');
    await admin.close();
  }, 120_000);
});

describe('inbox', () => {
  it('shows the action to the traffic office, which marks it done', async () => {
    const traffic = await h.newPage();
    await signIn(traffic, h, 'trafik');
    await traffic.getByRole('link', { name: 'Inkorg' }).click();
    await traffic.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    await settle(traffic);
    expect(await traffic.getByLabel('Enhet').locator('option:checked').textContent()).toContain('Trafiknämnden');
    const item = traffic.locator('.inbox-item', { hasText: ACTION });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Åtgärd från möte');
    expect(text).toMatch(/dagar kvar|dag kvar/);
    await expectAccessible(traffic, 'inbox');
    await shot(traffic, 'web-inbox');

    await item.getByRole('button', { name: /Markera som klar/ }).click();
    await traffic.getByText(`Markerad som klar: ${ACTION}`).waitFor();
    await traffic.locator('.inbox-item', { hasText: ACTION }).waitFor({ state: 'detached' });

    // The coordinator sees the status on the frozen report.
    await coordinator.goto(`${h.server.url}${reportPath}`);
    await settle(coordinator);
    const row = coordinator.locator('.actions-table tbody tr', { hasText: ACTION });
    await row.waitFor();
    expect(await row.textContent()).toContain('Klar');
  }, 60_000);
});
