import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measure } from '../../../src/domain/measures.js';
import type { Problem } from '../../../src/domain/problems.js';
import type { UnitView } from '../../../src/domain/views.js';
import {
  chooseWithArrows,
  csrfToken,
  expectAccessible,
  focused,
  type Harness,
  open,
  printA11ySummary,
  reportHotspotCluster,
  settle,
  shot,
  signIn,
  signInCoordinator,
  startHarness,
} from './pages.js';

/**
 * The programme between its pages: a hotspot of the situation report added as evidence to a problem the
 * district already has; an agreement review in the inbox leading to its review form; the library unit's
 * premises and measure places on a map; and the measure status buttons keeping the keyboard focus in place.
 */
let h: Harness;
let coordinator: Page;
let districtId = '';
let eavUnit = '';
let week = '';
const EAV = 'Enskede-Årsta-Vantörs stadsdelsnämnd';
/** A seeded problem the district owns. */
const PROBLEM = 'Stök och otrygghet i Högdalens bibliotek kvällstid';
const COLLABORATION = 'Samverkansöverenskommelse Enskede-Årsta-Vantör';

const stageLabel = (stage: Problem['stage']) =>
  ({ scanning: 'Kartläggning', analysis: 'Analys', response: 'Åtgärd', assessment: 'Utvärdering' })[stage];

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${h.server.url}${path}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  h = await startHarness();
  ({ page: coordinator, districtId } = await signInCoordinator(h));
  eavUnit =
    (await getJson<Array<{ id: string; name: string }>>(coordinator, '/api/units?kind=district')).find(
      (u) => u.name === EAV,
    )?.id ?? '';
  expect(eavUnit).not.toBe('');
  week = await reportHotspotCluster(coordinator, h);
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('a hotspot as evidence for an existing problem', () => {
  it('adds the hot cell to a seeded problem by keyboard, links to it, and refuses the same cell and week twice', async () => {
    await open(coordinator, h, `/districts/${districtId}/situation?week=${week}`, /Lägesbild Enskede-Årsta-Vantör/);
    const table = coordinator.getByRole('table', { name: /Signifikanta celler/ });
    const hot = table.locator('tbody tr', { hasText: 'Hotspot' }).first();
    await hot.waitFor();
    const cell = (await hot.getAttribute('data-cell'))!;
    const disclosure = hot.locator('details.attach-hotspot');
    const before = ((await (await coordinator.request.get(`${h.server.url}/api/problems`)).json()) as Problem[]).find(
      (p) => p.title === PROBLEM,
    )!;
    expect(before.evidence.some((e) => e.kind === 'hotspot' && e.ref === cell)).toBe(false);

    // Keyboard only: open the disclosure, choose the problem, press the button.
    await disclosure.locator('summary').focus();
    await coordinator.keyboard.press('Enter');
    expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await coordinator.keyboard.press('Tab');
    expect((await focused(coordinator)).id).toBe(`attach-${cell}`);
    await chooseWithArrows(coordinator, new RegExp(`^${PROBLEM}`));
    await coordinator.keyboard.press('Tab');
    expect((await focused(coordinator)).text).toBe('Lägg till som underlag');
    await coordinator.keyboard.press('Enter');
    const status = disclosure.getByRole('status');
    await status.getByText('Hotspoten är underlag för').waitFor();
    // The button pressed keeps the focus; the outcome is announced beside it.
    expect((await focused(coordinator)).text).toBe('Lägg till som underlag');
    await expectAccessible(coordinator, 'situation report: hotspot added to a problem');
    await hot.screenshot({ path: 'test-results/web-programme-hotspot-attached.png' });

    await status.getByRole('link', { name: PROBLEM }).click();
    await coordinator.waitForURL(`**/problems/${before.id}`);
    await coordinator.getByRole('heading', { level: 1, name: PROBLEM }).waitFor({ timeout: 20_000 });
    await settle(coordinator);
    const evidence = coordinator.locator('section[aria-labelledby="problem-evidence-heading"] .evidence-list > li');
    await evidence.filter({ hasText: `Hotspot (Gi*) i cell ${cell}, vecka ${week}` }).waitFor();
    expect(await evidence.count()).toBe(before.evidence.length + 1);
    expect(
      await evidence.getByRole('link', { name: `Hotspot (Gi*) i cell ${cell}, vecka ${week}` }).getAttribute('href'),
    ).toBe(`/districts/${districtId}/situation?week=${week}`);

    // Back on the report, the same cell again: the server refuses the duplicate (409) and the page says so in words.
    await coordinator.goBack();
    await settle(coordinator);
    await disclosure.locator('summary').click();
    await disclosure.getByLabel(/^Problem/).selectOption({ label: `${PROBLEM} (${stageLabel(before.stage)})` });
    await disclosure.getByRole('button', { name: 'Lägg till som underlag' }).click();
    await disclosure
      .getByRole('alert')
      .getByText('Hotspoten från den veckan är redan underlag för problemet.')
      .waitFor();
    expect(await disclosure.getByRole('status').textContent()).toBe('');
    await expectAccessible(coordinator, 'situation report: duplicate hotspot refused');
    await hot.screenshot({ path: 'test-results/web-programme-hotspot-duplicate.png' });
  }, 120_000);
});

describe('inbox', () => {
  it('links an agreement review to its review form', async () => {
    await open(coordinator, h, '/inbox', 'Inkorg');
    expect(await coordinator.getByLabel('Enhet').locator('option:checked').textContent()).toBe(EAV);
    const item = coordinator.locator('li.inbox-item[data-kind="agreement_review"]', { hasText: COLLABORATION });
    const link = item.getByRole('heading', { level: 2 }).getByRole('link', { name: COLLABORATION });
    expect(await link.getAttribute('href')).toMatch(/^\/agreements\/[0-9a-f-]{36}\/review$/);
    await expectAccessible(coordinator, 'inbox with an agreement review');
    await link.click();
    await coordinator
      .getByRole('heading', { level: 1, name: `Omprövning: ${COLLABORATION}` })
      .waitFor({ timeout: 20_000 });
    await settle(coordinator);
    await coordinator.getByRole('button', { name: 'Registrera omprövningen' }).waitFor();
  }, 60_000);
});

describe('unit view map', () => {
  it("draws the library unit's premises and measure places, with the tables as the list", async () => {
    const library = await h.newPage();
    await signIn(library, h, 'bibliotek');
    await open(library, h, '/units', 'Kulturnämnden/Kulturförvaltningen');
    const unitId = (await getJson<{ memberships: Array<{ unit_id: string }> }>(library, '/api/auth/me')).memberships[0]!
      .unit_id;
    const view = await getJson<UnitView>(library, `/api/views/units/${unitId}`);
    const places = view.measures.reduce((n, m) => n + m.measure.places.length, 0);
    expect(view.premises.length).toBeGreaterThan(0);
    expect(places).toBeGreaterThan(0);

    const map = library.getByRole('region', {
      name: 'Karta över lokaler och åtgärdsplatser för Kulturnämnden/Kulturförvaltningen',
    });
    await map.locator('path.unit-map-premise').first().waitFor();
    expect(await map.locator('path.unit-map-premise').count()).toBe(view.premises.length);
    expect(await map.locator('path.unit-map-measure').count()).toBe(places);
    expect(await library.locator('#unit-map-note').textContent()).toContain(
      `${view.premises.length + places} punkter på kartan.`,
    );
    // Hovering a marker names it: the library's own premises.
    await map.locator('path.unit-map-premise').first().hover({ force: true });
    await library.locator('.leaflet-tooltip', { hasText: /^Enhetens lokal: / }).waitFor();
    // The measure places are in the table too, not only on the map.
    const row = library
      .getByRole('table', { name: /Åtgärder som enheten ansvarar för/ })
      .getByRole('row', { name: /Högdalsmodellen/ });
    await row.getByRole('link', { name: /Högdalens bibliotek/ }).waitFor();
    await expectAccessible(library, 'unit view with its map (library)');
    await shot(library, 'web-unit-view-map');

    await library.getByRole('link', { name: 'Gå till listan' }).click();
    expect((await focused(library)).id).toBe('unit-measures-table');
  }, 60_000);
});

describe('measure status by keyboard', () => {
  it('keeps the focus in the status section after Starta, and on the refusal when the step is stale', async () => {
    const problem = ((await (await coordinator.request.get(`${h.server.url}/api/problems`)).json()) as Problem[]).find(
      (p) => p.title === PROBLEM,
    )!;
    const res = await coordinator.request.post(`${h.server.url}/api/measures`, {
      headers: { 'X-CSRF-Token': await csrfToken(coordinator, h) },
      data: {
        problem_ids: [problem.id],
        responsible_unit_id: eavUnit,
        title: `Kvällsvärdar i biblioteket ${Date.now()}`,
        type: 'staffing',
      },
    });
    expect(res.status()).toBe(201);
    const measure = (await res.json()) as Measure;
    await open(coordinator, h, `/measures/${measure.id}`, measure.title);
    const section = coordinator.locator('section[aria-labelledby="measure-status-heading"]');
    const inSection = () =>
      section.evaluate((s) => document.activeElement !== document.body && s.contains(document.activeElement));

    await section.getByRole('button', { name: 'Starta', exact: true }).focus();
    await coordinator.keyboard.press('Enter');
    await section.getByText('Åtgärdens status är nu: Pågår.').waitFor();
    await coordinator.waitForFunction(() => document.activeElement?.textContent === 'Åtgärdens status är nu: Pågår.');
    expect(await inSection()).toBe(true);
    expect(await section.getByRole('button', { name: 'Starta', exact: true }).count()).toBe(0);
    await expectAccessible(coordinator, 'measure after a status change');
    await shot(coordinator, 'web-measure-status-changed');

    // From the message, Shift+Tab reaches the new status buttons.
    await coordinator.keyboard.press('Shift+Tab');
    expect((await focused(coordinator)).text).toBe('Avbryt åtgärden');
    await coordinator.keyboard.press('Shift+Tab');
    expect((await focused(coordinator)).text).toBe('Markera som genomförd');

    // Someone else stops it meanwhile: the refusal (409) takes the focus, and the page shows the status as it is now.
    const stop = await coordinator.request.post(`${h.server.url}/api/measures/${measure.id}/status`, {
      headers: { 'X-CSRF-Token': await csrfToken(coordinator, h) },
      data: { status: 'stopped' },
    });
    expect(stop.status()).toBe(200);
    await coordinator.keyboard.press('Enter');
    await coordinator.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'measure-error');
    expect(await inSection()).toBe(true);
    expect(await section.getByRole('alert').textContent()).toBe(
      'Statusen ändrades inte. Statusen kan inte ändras så från nuvarande status.',
    );
    await section.getByText('Statusen är slutlig', { exact: false }).waitFor();
    expect(await section.locator('.status-badge').textContent()).toBe('Avbruten');
    await expectAccessible(coordinator, 'measure after a refused status change');
  }, 60_000);
});
