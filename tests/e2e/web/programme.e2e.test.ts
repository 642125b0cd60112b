import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfToken,
  expectAccessible,
  type Harness,
  HOTSPOT_CLUSTER,
  open,
  printA11ySummary,
  reportHotspotCluster,
  settle,
  shot,
  signIn,
  signInCoordinator,
  startHarness,
  pdfFirstPageShot,
  pdfText,
} from './pages.js';

/**
 * The programme's core in the browser: the coordinator of Enskede-Årsta-Vantör creates a problem from a
 * hotspot of the situation report, moves it through SARA, adds a measure and asks Kulturförvaltningen for a
 * contribution; the library unit accepts it from its inbox by keyboard; the coordinator sees it accepted in
 * the district's coordination view.
 */
let h: Harness;
let coordinator: Page;
let districtId = '';
let week = '';
let problemPath = '';
const STAMP = Date.now();
const TITLE = `Klotter vid Högdalens centrum ${STAMP}`;
const MEASURE = `Klotterplank och snabb sanering ${STAMP}`;
const ASK = `Låt bibliotekets entrévärd rapportera nytt klotter varje kväll ${STAMP}`;

beforeAll(async () => {
  h = await startHarness();
  ({ page: coordinator, districtId } = await signInCoordinator(h));
  week = await reportHotspotCluster(coordinator, h);
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('from a hotspot to a problem', () => {
  it('lists the hotspot cells as a table with "Skapa problem från hotspot"', async () => {
    await open(coordinator, h, `/districts/${districtId}/situation?week=${week}`, /Lägesbild Enskede-Årsta-Vantör/);
    const table = coordinator.getByRole('table', { name: /Signifikanta celler/ });
    await table.waitFor();
    const hot = table.locator('tbody tr', { hasText: 'Hotspot' }).first();
    expect(await hot.textContent()).toContain('Klotter');
    await expectAccessible(coordinator, 'situation report with the hotspot table');
    await coordinator
      .locator('section[aria-labelledby="sit-hot-heading"]')
      .screenshot({ path: 'test-results/web-programme-hotspot-table.png' });
    await hot.getByRole('link', { name: /Skapa problem från hotspot/ }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Registrera problem' }).waitFor();
    await settle(coordinator);
  }, 90_000);

  it('opens the form prefilled, shows what is missing, then records the problem', async () => {
    expect(await coordinator.getByTestId('prefill').textContent()).toMatch(
      /Hotspot \(Gi\*\) i cell [0-9a-f]{15}, vecka/,
    );
    expect(await coordinator.getByLabel('Klotter', { exact: true }).isChecked()).toBe(true);
    expect(await coordinator.getByLabel('Område').locator('option:checked').textContent()).toMatch(
      /Högdalen|Enskede-Årsta-Vantör/,
    );
    await expectAccessible(coordinator, 'problem form, prefilled');

    await coordinator.getByRole('button', { name: 'Spara problemet' }).click();
    const summary = coordinator.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Skriv en rubrik');
    expect(await summary.textContent()).toContain('Beskriv problemet');
    await expectAccessible(coordinator, 'problem form with errors');
    await shot(coordinator, 'web-programme-problem-form-errors');
    // The summary's link moves focus to the field.
    await summary.getByRole('link', { name: /Skriv en rubrik/ }).click();
    expect(await coordinator.evaluate(() => document.activeElement?.id)).toBe('problem-title');

    await coordinator.getByLabel('Rubrik').fill(TITLE);
    await coordinator
      .getByLabel('Problembeskrivning')
      .fill('Nytt klotter på fasaderna runt torget varje vecka; besökare upplever centrum som nedgånget.');
    await coordinator.getByLabel('När det händer').fill('kvällar och nätter');
    await coordinator.getByLabel('Besökare').check();
    await coordinator.getByLabel('Mål (antal händelser)').fill('5');
    await coordinator.getByLabel('Vilket håll är bättre?').selectOption({ label: 'Lägre är bättre (färre händelser)' });
    await coordinator.getByRole('button', { name: 'Spara problemet' }).click();
    await coordinator.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    problemPath = new URL(coordinator.url()).pathname;
    await coordinator.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settle(coordinator);
    await coordinator.getByText('Problemet är registrerat.').waitFor();
    expect(await coordinator.locator('section[aria-labelledby="problem-evidence-heading"]').textContent()).toContain(
      'Hotspot (Gi*)',
    );
    // The baseline is computed by the server from the cluster (at least the incidents added above).
    const baseline = (await coordinator.getByTestId('baseline').textContent()) ?? '';
    expect(Number(/(\d+) händelser/.exec(baseline)?.[1])).toBeGreaterThanOrEqual(HOTSPOT_CLUSTER.n);
    expect(await coordinator.getByTestId('baseline').locator('dd').nth(1).textContent()).toBe('5');
    await expectAccessible(coordinator, 'problem page');
    await shot(coordinator, 'web-programme-problem');
  }, 60_000);

  it('moves through SARA one step at a time and shows the server refusing a stale step (409)', async () => {
    await coordinator.getByRole('button', { name: 'Gå vidare till Analys' }).click();
    await coordinator.getByText('Problemet är nu i steget Analys.').waitFor();
    expect(await coordinator.locator('.stage-steps [aria-current="step"]').textContent()).toContain('Analys');

    // Someone else moves it on meanwhile; this page still offers "back to scanning", two steps from where it is now.
    const id = problemPath.split('/').pop()!;
    const res = await coordinator.request.patch(`${h.server.url}/api/problems/${id}`, {
      headers: { 'X-CSRF-Token': await csrfToken(coordinator, h) },
      data: { stage: 'response' },
    });
    expect(res.status()).toBe(200);
    await coordinator.getByRole('button', { name: 'Tillbaka till Kartläggning' }).click();
    const alert = coordinator.getByTestId('stage-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Statusen kan inte ändras så från nuvarande status.');
    await coordinator.getByText('Problemet är i steget Åtgärd.').waitFor();
    await expectAccessible(coordinator, 'problem page with a refused stage change');
    await shot(coordinator, 'web-programme-problem-409');
  }, 60_000);
});

describe('measure and request', () => {
  it('adds a measure with components and a contributing unit, starts it and records a follow-up', async () => {
    await coordinator.getByRole('link', { name: 'Lägg till åtgärd' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Ny åtgärd' }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByLabel(new RegExp(TITLE)).isChecked()).toBe(true);
    await expectAccessible(coordinator, 'measure form');
    await coordinator.getByLabel('Rubrik').fill(MEASURE);
    await coordinator.getByLabel('Situationell/fysisk (CPTED)').check();
    await coordinator.getByLabel('Kostnad, uppskattad (kr)').fill('45 000');
    await coordinator.getByLabel('Kulturnämnden/Kulturförvaltningen').check();
    await coordinator.getByRole('button', { name: 'Lägg till del' }).click();
    await coordinator.getByLabel('Del 1', { exact: true }).fill('Klotterplank vid torget');
    await coordinator.getByRole('button', { name: 'Lägg till del' }).click();
    await coordinator.getByLabel('Del 2', { exact: true }).fill('Värd vid bibliotekets entré');
    await coordinator.getByLabel('Typ för del 2').selectOption('staffing');
    await shot(coordinator, 'web-programme-measure-form');
    await coordinator.getByRole('button', { name: 'Spara åtgärden' }).click();
    await coordinator.waitForURL(/\/measures\/[0-9a-f-]{36}$/);
    await coordinator.getByRole('heading', { level: 1, name: MEASURE }).waitFor();
    await settle(coordinator);
    const components = coordinator.getByRole('table', { name: '2 delar' });
    expect(await components.textContent()).toContain('Värd vid bibliotekets entré');
    expect(await components.textContent()).toContain('Bemanning och arbetssätt');

    await coordinator.getByRole('button', { name: 'Starta', exact: true }).click();
    await coordinator
      .locator('section[aria-labelledby="measure-status-heading"] .status-badge', { hasText: 'Pågår' })
      .waitFor();
    await coordinator.getByRole('button', { name: /Registrera uppföljning/ }).click();
    await coordinator.getByLabel('Vad som har gjorts').fill('Planket är uppsatt, saneringen görs inom ett dygn.');
    await coordinator.getByLabel('Oklart').check();
    await coordinator.getByRole('button', { name: 'Spara uppföljningen' }).click();
    // The form also holds the typed text until the save returns; the record view is what must show.
    const recorded = coordinator.locator('.followup-item .facts', { hasText: 'Planket är uppsatt' });
    await recorded.waitFor();
    expect(await recorded.textContent()).toMatch(/\d+ händelser .* \(utgångsvärde \d+\)/);
    await expectAccessible(coordinator, 'measure page');
    await shot(coordinator, 'web-programme-measure');
  }, 60_000);

  it('asks Kulturförvaltningen for a contribution from the problem page', async () => {
    await open(coordinator, h, problemPath, TITLE);
    expect(await coordinator.locator('section[aria-labelledby="problem-measures-heading"]').textContent()).toContain(
      MEASURE,
    );
    await coordinator.getByRole('button', { name: 'Skicka begäran' }).click();
    await coordinator.locator('#request-to-unit-id-error').waitFor();
    expect(await coordinator.evaluate(() => document.activeElement?.id)).toBe('request-to-unit-id');
    await coordinator.getByLabel('Till enhet').selectOption({ label: 'Kulturnämnden/Kulturförvaltningen' });
    await coordinator.getByLabel('Vad ni ber om').fill(ASK);
    await coordinator.getByRole('button', { name: 'Skicka begäran' }).click();
    await coordinator.getByText('Begäran är skickad till Kulturnämnden/Kulturförvaltningen.').waitFor();
    const row = coordinator.locator('.request-table tbody tr', { hasText: ASK });
    await row.waitFor();
    expect(await row.textContent()).toContain('Begärd');
    await expectAccessible(coordinator, 'problem page with a request');
  }, 60_000);
});

describe('the receiving unit and the district view', () => {
  it('Kulturförvaltningen accepts the request from its inbox, by keyboard', async () => {
    const library = await h.newPage();
    await signIn(library, h, 'bibliotek');
    await open(library, h, '/inbox', 'Inkorg');
    expect(await library.getByLabel('Enhet').locator('option:checked').textContent()).toContain('Kulturförvaltningen');
    const item = library.locator('.inbox-item', { hasText: ASK });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Begäran om bidrag');
    expect(text).toContain('Från Enskede-Årsta-Vantör');
    expect(text).toMatch(/\d+ dagar kvar/);
    expect(text).toContain(TITLE);
    await expectAccessible(library, 'inbox with a contribution request');
    await shot(library, 'web-programme-inbox');

    // Decline needs a reason: the form opens in place, refuses an empty reason, and Escape closes it.
    await item.getByRole('button', { name: /^Avböj/ }).focus();
    await library.keyboard.press('Enter');
    await library.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await library.keyboard.press('Tab');
    await library.keyboard.press('Enter');
    await item.locator('.field-error', { hasText: 'Skriv ett skäl.' }).waitFor();
    await expectAccessible(library, 'inbox, decline without a reason');
    await library.keyboard.press('Escape');

    await item.getByRole('button', { name: /^Acceptera/ }).focus();
    await library.keyboard.press('Enter');
    await library.getByText(`Accepterad: ${ASK}`).waitFor();
    const after = library.locator('.inbox-item', { hasText: ASK });
    await after.locator('.status-badge', { hasText: 'Accepterad' }).waitFor();
    expect(await after.getByRole('button', { name: /^Leverera/ }).count()).toBe(1);
    expect(await after.getByRole('button', { name: /^Acceptera/ }).count()).toBe(0);
  }, 60_000);

  it('the coordinator sees it accepted in the district coordination view, as a table and on a map', async () => {
    await open(coordinator, h, `/districts/${districtId}`, 'Enskede-Årsta-Vantör');
    await coordinator.getByRole('link', { name: 'Samordning av trygghetsarbetet' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Samordning Enskede-Årsta-Vantör' }).waitFor();
    await settle(coordinator);
    const request = coordinator.locator('.request-table tbody tr', { hasText: ASK });
    await request.waitFor();
    expect(await request.textContent()).toContain('Accepterad');
    expect(await request.textContent()).toContain('Kulturnämnden/Kulturförvaltningen');
    expect(await coordinator.locator('.problem-table').textContent()).toContain(TITLE);
    // The seeded Högdalen library problem is there too, with its five-part measure.
    expect(await coordinator.locator('.problem-table').textContent()).toContain(
      'Stök och otrygghet i Högdalens bibliotek kvällstid',
    );
    expect(await coordinator.locator('.measure-table').textContent()).toContain(MEASURE);
    const map = coordinator.getByRole('region', { name: 'Karta över trygghetsarbetet i Enskede-Årsta-Vantör' });
    expect(await map.getAttribute('aria-describedby')).toBe('programme-map-note');
    expect(await coordinator.locator('#programme-map-note a[href="#programme-problems"]').count()).toBe(1);
    await expectAccessible(coordinator, 'district coordination view');
    await shot(coordinator, 'web-programme-district');
  }, 60_000);

  it('lists the district problems filtered by SARA stage', async () => {
    await coordinator.getByRole('link', { name: 'Alla problem med filter' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Problem i Enskede-Årsta-Vantör' }).waitFor();
    await settle(coordinator);
    await coordinator.getByLabel('Visa steg').selectOption({ label: 'Åtgärd' });
    await coordinator.waitForURL(/stage=response/);
    // The unfiltered list stays on screen until the filtered one has arrived.
    await coordinator.locator('.problem-table', { hasNotText: 'Högdalens bibliotek kvällstid' }).waitFor();
    expect(await coordinator.locator('.problem-table').textContent()).toContain(TITLE);
    await expectAccessible(coordinator, 'problem list filtered by stage');
    await shot(coordinator, 'web-programme-problem-list');
    // The seeded library problem, its measure followed up, is the district's one problem in assessment.
    await coordinator.getByLabel('Visa steg').selectOption({ label: 'Utvärdering' });
    await coordinator.waitForURL(/stage=assessment/);
    await coordinator.locator('.problem-table', { hasText: 'Högdalens bibliotek kvällstid' }).waitFor();
    // Each row says how much evidence the problem rests on.
    expect(
      await coordinator
        .locator('.problem-table tr', { hasText: 'Högdalens bibliotek kvällstid' })
        .locator('td.evidence-count')
        .textContent(),
    ).toMatch(/^\d+ underlag/);
    expect(await coordinator.locator('.problem-table').textContent()).not.toContain(TITLE);
    await coordinator.getByLabel('Visa steg').selectOption({ label: 'Analys' });
    await coordinator.getByText('Inga problem registrerade här.').waitFor();
  }, 60_000);
});

describe("the law's documents (Lag 2023:196)", () => {
  const DECISION = `SDN 2026/${STAMP % 1000}`;

  it('drafts the three documents, saves an edited section as a new version and adopts it', async () => {
    for (const [button, title] of [
      ['Skapa utkast till lägesbild', 'Lägesbild Enskede-Årsta-Vantör'],
      ['Skapa utkast till orsaksanalys', 'Orsaksanalys Enskede-Årsta-Vantör'],
      ['Skapa utkast till åtgärdsplan', 'Åtgärdsplan Enskede-Årsta-Vantör'],
    ] as const) {
      await open(coordinator, h, `/districts/${districtId}/law-documents`, /Lagens dokument – Enskede-Årsta-Vantör/);
      await coordinator.getByRole('button', { name: button }).click();
      await coordinator.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
      await settle(coordinator);
    }
    // The action plan names the measure the coordinator added above, with its responsible unit.
    expect(await coordinator.locator('main').textContent()).toContain(MEASURE);
    await coordinator.getByRole('button', { name: 'Redigera' }).click();
    const edited = `Planen samordnas med polisen och fastighetsägarna ${STAMP}.`;
    await coordinator.getByLabel('1. Inledning').fill(edited);
    await coordinator.getByRole('button', { name: 'Spara som ny version' }).click();
    await coordinator.getByText(/redigerad från version/).waitFor();
    await settle(coordinator);
    expect(await coordinator.locator('.law-section').first().textContent()).toContain(edited);
    await coordinator.getByLabel('Beslutets diarienummer').fill(DECISION);
    await coordinator.getByLabel('Beslutsdag').fill('2026-12-03');
    await coordinator.getByRole('button', { name: 'Markera som antagen' }).click();
    // Adopted, the version shows its decision and the form goes: an adopted version is not adopted twice.
    await coordinator.locator('.facts', { hasText: DECISION }).waitFor();
    expect(await coordinator.locator('.facts').textContent()).toContain('Antagen');
    expect(await coordinator.getByRole('button', { name: 'Markera som antagen' }).count()).toBe(0);
    expect(await coordinator.getByRole('heading', { name: 'Alla versioner' }).count()).toBe(1);
    await expectAccessible(coordinator, 'law document, adopted');
    await shot(coordinator, 'web-law-document-1280');
    await coordinator.setViewportSize({ width: 390, height: 844 });
    await shot(coordinator, 'web-law-document-390');
    await coordinator.setViewportSize({ width: 1280, height: 900 });

    const href = await coordinator.getByRole('link', { name: 'Ladda ner som PDF' }).getAttribute('href');
    const pdf = await coordinator.request.get(`${h.server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    const text = pdfText(body);
    for (const s of [
      'Åtgärdsplan Enskede-Årsta-Vantör',
      '1. Inledning',
      edited,
      DECISION,
      '3 december 2026',
      'Sida 1 av',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    pdfFirstPageShot(body, 'web-law-document-pdf');
  }, 120_000);

  it('says plainly that an unknown district has no documents, instead of loading forever', async () => {
    await coordinator.goto(`${h.server.url}/districts/00000000-0000-4000-8000-000000000000/law-documents`);
    await coordinator.getByTestId('not-found').waitFor();
    expect(await coordinator.getByRole('heading', { level: 1 }).textContent()).toBe('Lagens dokument');
    expect(await coordinator.getByRole('status').count()).toBe(0);
  }, 60_000);
});
