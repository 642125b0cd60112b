import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfToken,
  expectAccessible,
  type Harness,
  open,
  printA11ySummary,
  settle,
  shot,
  signIn,
  startHarness,
} from './pages.js';

/**
 * Editing the programme in the browser: the coordinator of Enskede-Årsta-Vantör records a problem, then edits
 * its text, target and confidentiality, adds and removes evidence, sets its baseline (computed by the server),
 * edits a measure and adds a part to it — each checked after a reload. The "registered" notice goes with the
 * next change, a unit that may not edit sees no edit controls, and accepting a request in the inbox moves
 * the keyboard focus to what happened.
 */
let h: Harness;
let coordinator: Page;
let districtId = '';
let districtUnitId = '';
let problemPath = '';
let measurePath = '';
const STAMP = Date.now();
const TITLE = `Skräp och klotter vid Högdalens tunnelbana ${STAMP}`;
const STATEMENT = 'Nedskräpning och klotter vid uppgångarna, mest på helgkvällar; pendlare undviker entrén mot torget.';
const NOTE = `Väktarna rapporterar skräp varje lördag ${STAMP}`;
const MEASURE = `Städning och väktare vid tunnelbanan ${STAMP}`;
const ASK = `Kan biblioteket hålla öppet längre på lördagar? ${STAMP}`;
const day = (offset: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + offset * 86_400_000));

async function apiPost(page: Page, path: string, data: object): Promise<{ id: string }> {
  const res = await page.request.post(`${h.server.url}${path}`, {
    headers: { 'X-CSRF-Token': await csrfToken(page, h) },
    data,
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string };
}
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

beforeAll(async () => {
  h = await startHarness();
  coordinator = await h.newPage();
  await signIn(coordinator, h, 'samordnare.eav');
  const districts = (await (
    await coordinator.request.get(`${h.server.url}/api/areas?level=district&format=json`)
  ).json()) as Array<{ id: string; name: string; owner_unit_id: string }>;
  const eav = districts.find((d) => d.name === 'Enskede-Årsta-Vantör');
  districtId = eav?.id ?? '';
  districtUnitId = eav?.owner_unit_id ?? '';
  expect(districtId).not.toBe('');
  // Three pieces of litter at Högdalen this week: the baseline counts them.
  for (let i = 0; i < 3; i++) {
    await apiPost(coordinator, '/api/incidents', {
      occurred_at: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      category: 'nedskrapning',
      lon: 18.0431 + i * 0.0001,
      lat: 59.2636,
      precision: 'exact',
      source: 'staff',
    });
  }
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('a problem', () => {
  it('is recorded without a baseline; the "registered" notice goes with the next change and does not come back on reload', async () => {
    await open(coordinator, h, `/districts/${districtId}/problems/new`, 'Registrera problem');
    await coordinator.getByLabel('Rubrik').fill(TITLE);
    await coordinator.getByLabel('Problembeskrivning').fill('Skräp vid uppgångarna.');
    await coordinator.getByLabel('Nedskräpning', { exact: true }).check();
    await coordinator.getByLabel('Från och med').fill('');
    await coordinator.getByLabel('Till och med').fill('');
    await coordinator.getByRole('button', { name: 'Spara problemet' }).click();
    await coordinator.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    problemPath = new URL(coordinator.url()).pathname;
    await coordinator.getByText('Problemet är registrerat.').waitFor();
    expect(await coordinator.locator('.notice-warning', { hasText: 'saknar utgångsvärde' }).count()).toBe(1);

    const evidence = coordinator.locator('section[aria-labelledby="problem-evidence-heading"]');
    await evidence.getByLabel('Anteckning', { exact: true }).first().check();
    await evidence.getByRole('textbox', { name: 'Anteckning' }).fill(NOTE);
    await evidence.getByRole('button', { name: 'Lägg till underlaget' }).click();
    await evidence.getByText('Underlaget är tillagt.').waitFor();
    expect(await coordinator.getByText('Problemet är registrerat.').count()).toBe(0);
    await coordinator.reload();
    await coordinator.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByText('Problemet är registrerat.').count()).toBe(0);
    expect(await evidence.locator('.evidence-list').textContent()).toContain(NOTE);
  }, 90_000);

  it('adds an incident filter, refuses a note without text, removes the note and moves focus to the message', async () => {
    const evidence = coordinator.locator('section[aria-labelledby="problem-evidence-heading"]');
    await evidence.getByRole('button', { name: 'Lägg till underlaget' }).click();
    const summary = evidence.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Skriv anteckningen');
    expect(await coordinator.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expectAccessible(coordinator, 'problem page, evidence form with an error');

    await evidence.getByLabel('Händelser efter filter').check();
    expect(await evidence.getByLabel('Nedskräpning').isChecked()).toBe(true);
    await evidence.getByLabel('Från och med').fill(day(-7));
    await evidence.getByRole('button', { name: 'Lägg till underlaget' }).click();
    await evidence
      .locator('.evidence-list li', { hasText: 'Händelser: Nedskräpning vid Enskede-Årsta-Vantör' })
      .waitFor();
    const filterRow =
      (await evidence.locator('.evidence-list li', { hasText: 'Händelser: Nedskräpning' }).textContent()) ?? '';
    expect(Number(/(\d+) händelser/.exec(filterRow)?.[1])).toBeGreaterThanOrEqual(3);
    await expectAccessible(coordinator, 'problem page with evidence added');
    await shot(coordinator, 'web-programme-edit-evidence');

    await evidence.getByRole('button', { name: /^Ta bort\W+underlag 1$/ }).focus();
    await coordinator.keyboard.press('Enter');
    await evidence.getByText('Underlaget är borttaget.').waitFor();
    await coordinator.waitForFunction(() => document.activeElement?.classList.contains('notice-success'), undefined, {
      timeout: 5_000,
    });
    expect(await focusedText(coordinator)).toBe('Underlaget är borttaget.');
    await coordinator.reload();
    await settle(coordinator);
    expect(await evidence.locator('.evidence-list').textContent()).not.toContain(NOTE);
    expect(await evidence.locator('.evidence-list li').count()).toBe(1);
  }, 90_000);

  it('sets the baseline: the server counts the incidents and the value stays after reload', async () => {
    const form = coordinator.locator('form.baseline-form');
    await form.getByLabel('Från och med').fill(day(-1));
    await form.getByLabel('Till och med').fill(day(-3));
    await form.getByRole('button', { name: 'Räkna fram och spara' }).click();
    await form.locator('.error-summary').waitFor();
    await expectAccessible(coordinator, 'problem page, baseline period in the wrong order');
    await form.getByLabel('Till och med').fill(day(0));
    await form.getByLabel('Från och med').fill(day(-6));
    await form.getByRole('button', { name: 'Räkna fram och spara' }).click();
    const message = (await form.getByText(/^Utgångsvärdet är satt: \d+ händelser/).textContent()) ?? '';
    const shown = Number(/(\d+) händelser/.exec(message)?.[1]);
    expect(shown).toBeGreaterThanOrEqual(3);
    const api = (await (await coordinator.request.get(`${h.server.url}/api${problemPath}`)).json()) as {
      baseline: { value: number; from: string; to: string };
    };
    expect(api.baseline).toEqual({ from: day(-6), to: day(0), value: shown });
    await coordinator.reload();
    await settle(coordinator);
    expect(await coordinator.getByTestId('baseline').locator('dd').first().textContent()).toContain(
      `${shown} händelser`,
    );
    await expectAccessible(coordinator, 'problem page with a baseline');
    await shot(coordinator, 'web-programme-edit-baseline');
  }, 60_000);

  it('edits statement, time pattern, target, which way is better and confidentiality; an empty statement is named in the summary', async () => {
    await coordinator.getByRole('link', { name: 'Ändra problemet' }).click();
    await coordinator.getByRole('heading', { level: 1, name: `Ändra problem: ${TITLE}` }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByLabel('Område').locator('option:checked').textContent()).toBe('Enskede-Årsta-Vantör');
    expect(await coordinator.getByLabel('Sekretessnivå').locator('option:checked').textContent()).toBe('Kommunintern');
    expect(await coordinator.getByLabel('Vilket håll är bättre?').locator('option:checked').textContent()).toBe(
      'Lägre är bättre (färre händelser)',
    );
    await expectAccessible(coordinator, 'problem edit form');
    await coordinator.getByLabel('Problembeskrivning').fill('');
    await coordinator.getByLabel('Mål (antal händelser)').fill('ett par');
    await coordinator.getByRole('button', { name: 'Spara ändringarna' }).click();
    const summary = coordinator.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Beskriv problemet');
    await expectAccessible(coordinator, 'problem edit form with errors');
    await shot(coordinator, 'web-programme-edit-problem-errors');

    await coordinator.getByLabel('Problembeskrivning').fill(STATEMENT);
    await coordinator.getByLabel('När det händer').fill('fredag och lördag kväll');
    await coordinator.getByLabel('Mål (antal händelser)').fill('1');
    await coordinator.getByLabel('Sekretessnivå').selectOption({ label: 'Delas med samverkansparter' });
    await coordinator.getByLabel('Vilket håll är bättre?').selectOption({ label: 'Högre är bättre' });
    await coordinator.getByRole('button', { name: 'Spara ändringarna' }).click();
    await coordinator.waitForURL((u) => u.pathname === problemPath);
    await coordinator.getByText('Ändringarna är sparade.').waitFor();
    await coordinator.reload();
    await coordinator.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByText('Ändringarna är sparade.').count()).toBe(0);
    expect(await coordinator.locator('.description-text').textContent()).toBe(STATEMENT);
    expect(await coordinator.locator('.facts').first().textContent()).toContain('fredag och lördag kväll');
    expect(await coordinator.getByTestId('baseline').locator('dd').nth(1).textContent()).toBe('1');
    const api = (await (await coordinator.request.get(`${h.server.url}/api${problemPath}`)).json()) as {
      confidentiality: string;
      statement: string;
      indicator_direction: string;
    };
    expect(api).toMatchObject({ confidentiality: 'partner', statement: STATEMENT, indicator_direction: 'higher' });
  }, 60_000);

  it('shows no edit controls to a unit that may not edit it', async () => {
    const library = await h.newPage();
    await signIn(library, h, 'bibliotek');
    await open(library, h, problemPath, TITLE);
    expect(await library.getByRole('link', { name: 'Ändra problemet' }).count()).toBe(0);
    expect(await library.locator('form.baseline-form, form.evidence-form').count()).toBe(0);
    expect(await library.getByRole('button', { name: /^Ta bort/ }).count()).toBe(0);
    await open(library, h, `${problemPath}/edit`, /Ändra problem/);
    await library.getByText('Ditt konto kan inte ändra det här problemet.').waitFor();
    expect(await library.locator('form').count()).toBe(0);
    await library.context().close();
  }, 60_000);
});

describe('a measure', () => {
  it('is edited: title, type, cost, an existing part renamed and a new part added, all there after reload', async () => {
    const problemId = problemPath.split('/').pop()!;
    const created = await apiPost(coordinator, '/api/measures', {
      problem_ids: [problemId],
      responsible_unit_id: districtUnitId,
      title: 'Städning vid tunnelbanan',
      type: 'situational',
      components: [{ title: 'Extra städning lördagar', type: 'situational' }],
    });
    measurePath = `/measures/${created.id}`;
    await open(coordinator, h, measurePath, 'Städning vid tunnelbanan');
    await coordinator.getByRole('link', { name: 'Ändra åtgärden' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Ändra åtgärd: Städning vid tunnelbanan' }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByLabel(new RegExp(TITLE)).isChecked()).toBe(true);
    await expectAccessible(coordinator, 'measure edit form');

    // The rule that a measure is aimed at a problem holds when editing too.
    await coordinator.getByLabel(new RegExp(TITLE)).uncheck();
    await coordinator.getByRole('button', { name: 'Spara ändringarna' }).click();
    const summary = coordinator.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Välj minst ett problem');
    await expectAccessible(coordinator, 'measure edit form with an error');
    await coordinator.getByLabel(new RegExp(TITLE)).check();

    await coordinator.getByLabel('Rubrik').fill(MEASURE);
    await coordinator.getByLabel('Information', { exact: true }).check();
    await coordinator.getByLabel('Kostnad, uppskattad (kr)').fill('120 000');
    await coordinator.getByLabel('Del 1', { exact: true }).fill('Extra städning fredag och lördag');
    await coordinator.getByRole('button', { name: 'Lägg till del' }).click();
    await coordinator.getByLabel('Del 2', { exact: true }).fill('Väktare vid uppgången på kvällarna');
    await coordinator.getByLabel('Typ för del 2').selectOption('staffing');
    await shot(coordinator, 'web-programme-edit-measure');
    await coordinator.getByRole('button', { name: 'Spara ändringarna' }).click();
    await coordinator.waitForURL((u) => u.pathname === measurePath);
    await coordinator.getByText('Ändringarna är sparade.').waitFor();

    await coordinator.reload();
    await coordinator.getByRole('heading', { level: 1, name: MEASURE }).waitFor();
    await settle(coordinator);
    const facts = (await coordinator.locator('.facts').first().textContent()) ?? '';
    expect(facts).toContain('Information');
    expect(facts).toMatch(/120\s000 kr/);
    const components = coordinator.getByRole('table', { name: '2 delar' });
    expect(await components.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('Extra städning fredag och lördag'),
      expect.stringContaining('Väktare vid uppgången på kvällarna'),
    ]);
    expect(await components.locator('tbody tr').nth(1).textContent()).toContain('Bemanning och arbetssätt');
    await expectAccessible(coordinator, 'measure page after editing');
    await shot(coordinator, 'web-programme-edited-measure');
  }, 90_000);
});

describe('the inbox', () => {
  it('moves the focus to the message after a request is accepted by keyboard', async () => {
    const units = (await (await coordinator.request.get(`${h.server.url}/api/units`)).json()) as Array<{
      id: string;
      slug: string;
    }>;
    const culture = units.find((u) => u.slug === 'kulturforvaltningen')?.id ?? '';
    await apiPost(coordinator, '/api/requests', {
      from_unit_id: districtUnitId,
      to_unit_id: culture,
      problem_id: problemPath.split('/').pop(),
      what: ASK,
      due_date: day(14),
    });
    const library = await h.newPage();
    await signIn(library, h, 'bibliotek');
    await open(library, h, '/inbox', 'Inkorg');
    const item = library.locator('.inbox-item', { hasText: ASK });
    await item.waitFor();
    await item.getByRole('button', { name: /^Acceptera/ }).focus();
    await library.keyboard.press('Enter');
    await library.getByText(`Accepterad: ${ASK}`).waitFor();
    await library.waitForFunction(() => document.activeElement?.classList.contains('notice-success'), undefined, {
      timeout: 5_000,
    });
    expect(await focusedText(library)).toBe(`Accepterad: ${ASK}`);
    // From there Tab goes on into the inbox, not back to the top of the page.
    await library.keyboard.press('Tab');
    expect(await library.evaluate(() => Boolean(document.activeElement?.closest('.inbox-list')))).toBe(true);
    await expectAccessible(library, 'inbox after accepting a request');
  }, 60_000);
});
