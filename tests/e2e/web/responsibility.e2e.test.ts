import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, ResponsibilityRule, ServiceLevel } from '../../../src/domain/responsibility.js';
import {
  csrfToken,
  expectAccessible,
  focused,
  type Harness,
  open,
  printA11ySummary,
  settle,
  shot,
  signIn,
  startHarness,
} from './pages.js';

/**
 * The responsibility matrix and the service levels (issue 5, items 4 and 5): the admin adds, edits and removes
 * a rule and sets a service level; the compliance figures count an incident routed by the matrix and closed
 * in time; a coordinator reads both pages without any way to change them.
 */
let h: Harness;
let admin: Page;
let coordinator: Page;
/** The unit the matrix routed the incident closed in beforeAll to. */
let routed: Assignment['unit'];
const EAV = 'Enskede-Årsta-Vantörs stadsdelsnämnd';
const MATRIX = 'Ansvarig enhet per platstyp och kategori';

const rules = async () =>
  (await (await admin.request.get(`${h.server.url}/api/responsibility/rules`)).json()) as ResponsibilityRule[];
const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
const row = (page: Page, placeType: string, category: string) =>
  page
    .getByRole('table', { name: MATRIX })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: placeType, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: category, exact: true }) });

beforeAll(async () => {
  h = await startHarness();
  admin = await h.newPage();
  await signIn(admin, h, 'admin');
  coordinator = await h.newPage();
  await signIn(coordinator, h, 'samordnare.eav');
  // Klotter (service level 24 h in the seed) reported and fixed at once: one closed incident in time.
  const headers = { 'X-CSRF-Token': await csrfToken(admin, h) };
  const created = await admin.request.post(`${h.server.url}/api/incidents`, {
    headers,
    data: {
      occurred_at: new Date(Date.now() - 10 * 60_000).toISOString(),
      category: 'klotter',
      lon: 18.0431,
      lat: 59.2636,
      precision: 'exact',
      source: 'staff',
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const closed = await admin.request.patch(`${h.server.url}/api/incidents/${id}/status`, {
    headers,
    data: { status: 'closed', closure_reason: 'fixed' },
  });
  expect(closed.status()).toBe(200);
  routed = ((await (await admin.request.get(`${h.server.url}/api/incidents/${id}/assignment`)).json()) as Assignment)
    .unit;
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('responsibility matrix (admin)', () => {
  it('opens from "Mer" and lists every rule with readable place types, categories and units', async () => {
    await open(admin, h, '/', 'Trygghet i Stockholm');
    await nav(admin).getByRole('button', { name: 'Mer' }).click();
    await nav(admin).getByRole('link', { name: 'Ansvarsmatris' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Ansvarsmatris' }).waitFor();
    await settle(admin);
    const api = await rules();
    expect(await admin.getByRole('table', { name: MATRIX }).locator('tbody tr').count()).toBe(api.length);
    const lighting = api.find((r) => r.place_type === 'park' && r.category === 'trasig_belysning')!;
    expect(await row(admin, 'Park', 'Trasig belysning').getByRole('cell').allTextContents()).toEqual([
      'Trasig belysning',
      lighting.unit!.name,
      lighting.note,
      'Ändra: Park, Trasig belysningTa bort: Park, Trasig belysning',
    ]);
    expect((await row(admin, 'Park', 'Alla kategorier').getByRole('cell').allTextContents()).slice(0, 2)).toEqual([
      'Alla kategorier',
      'Stadsdelsnämnden där händelsen ligger',
    ]);
    expect((await row(admin, 'Museum', 'Alla kategorier').getByRole('cell').allTextContents())[1]).toBe(
      'Platsens ägare',
    );
    await expectAccessible(admin, 'responsibility matrix (admin)');
    await shot(admin, 'web-responsibility-matrix-admin');
  }, 90_000);

  it('refuses an incomplete rule with a focused error summary, then adds park × klotter → the district', async () => {
    const before = (await rules()).length;
    await admin.getByRole('button', { name: 'Lägg till regeln' }).click();
    const summary = admin.getByRole('alert').filter({ hasText: 'Regeln kunde inte sparas' });
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Välj en platstyp.',
      'Välj vem som är ansvarig.',
    ]);
    await admin.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    expect(await admin.getByRole('combobox', { name: 'Platstyp' }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(admin, 'responsibility matrix: rule form with errors');
    await shot(admin, 'web-responsibility-rule-errors');
    await summary.getByRole('link', { name: 'Välj vem som är ansvarig.' }).click();
    expect((await focused(admin)).id).toBe('rule-target-unit');

    await admin.getByRole('combobox', { name: 'Platstyp' }).selectOption({ label: 'Park' });
    await admin.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Klotter' });
    await admin.getByLabel('Stadsdelsnämnden där händelsen ligger').check();
    await admin.getByLabel('Anteckning').fill('Klotter i parker: stadsdelsnämnden');
    await admin.getByRole('button', { name: 'Lägg till regeln' }).click();
    await admin.getByText('Regeln Park, Klotter lades till.').waitFor();
    expect((await focused(admin)).text).toBe('Regeln Park, Klotter lades till.');
    expect(await row(admin, 'Park', 'Klotter').getByRole('cell').nth(1).textContent()).toBe(
      'Stadsdelsnämnden där händelsen ligger',
    );
    const added = (await rules()).find((r) => r.place_type === 'park' && r.category === 'klotter');
    expect(added).toMatchObject({ target: 'district', unit: null, note: 'Klotter i parker: stadsdelsnämnden' });
    expect((await rules()).length).toBe(before + 1);

    // The same place type and category again: the API's CONFLICT, told at the category.
    await admin.getByRole('combobox', { name: 'Platstyp' }).selectOption({ label: 'Park' });
    await admin.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Klotter' });
    await admin.getByLabel('Platsens ägare').check();
    await admin.getByRole('button', { name: 'Lägg till regeln' }).click();
    await summary
      .getByRole('link', { name: /Det finns redan en regel för den här platstypen och kategorin/ })
      .waitFor();
    expect((await rules()).length).toBe(before + 1);
  }, 90_000);

  it('edits the rule to a named unit', async () => {
    await admin.getByRole('button', { name: /^Ändra\W+Park, Klotter$/ }).click();
    const heading = admin.getByRole('heading', { level: 2, name: 'Ändra regeln Park, Klotter' });
    await heading.waitFor();
    await admin.waitForFunction(() => document.activeElement?.id === 'rule-form-heading');
    expect(await admin.getByLabel('Stadsdelsnämnden där händelsen ligger').isChecked()).toBe(true);
    await admin.getByLabel('En namngiven enhet').check();
    await admin.getByRole('button', { name: 'Spara ändringen' }).click();
    await admin.getByRole('alert').getByRole('link', { name: 'Välj en enhet.' }).waitFor();
    await admin.getByRole('combobox', { name: 'Enhet' }).selectOption({ label: EAV });
    await admin.getByRole('button', { name: 'Spara ändringen' }).click();
    await admin.getByText('Ändringen av regeln Park, Klotter sparades.').waitFor();
    expect(await row(admin, 'Park', 'Klotter').getByRole('cell').nth(1).textContent()).toBe(EAV);
    expect((await rules()).find((r) => r.place_type === 'park' && r.category === 'klotter')).toMatchObject({
      target: 'unit',
      unit: { name: EAV },
    });
    await admin.getByRole('heading', { level: 2, name: 'Lägg till en regel' }).waitFor();
  }, 60_000);

  it('removes the rule only after confirmation', async () => {
    const before = (await rules()).length;
    const remove = admin.getByRole('button', { name: /^Ta bort\W+Park, Klotter$/ });
    await remove.click();
    await admin.waitForFunction(() => document.activeElement?.textContent === 'Ja, ta bort');
    await admin.getByText('Ta bort regeln Park, Klotter?').waitFor();
    await expectAccessible(admin, 'responsibility matrix: confirm removal');
    await shot(admin, 'web-responsibility-confirm-remove');
    await row(admin, 'Park', 'Klotter').getByRole('button', { name: 'Avbryt' }).click();
    await admin.waitForFunction(() => document.activeElement?.textContent === 'Ta bort: Park, Klotter');
    expect((await rules()).length).toBe(before);

    await remove.click();
    await admin.getByRole('button', { name: 'Ja, ta bort' }).click();
    await admin.getByText('Regeln Park, Klotter togs bort.').waitFor();
    expect(await row(admin, 'Park', 'Klotter').count()).toBe(0);
    const after = await rules();
    expect([after.length, after.some((r) => r.place_type === 'park' && r.category === 'klotter')]).toEqual([
      before - 1,
      false,
    ]);
  }, 60_000);
});

describe('service levels and compliance', () => {
  it('lists the response rule per category; the admin sets one and sees it listed', async () => {
    await nav(admin).getByRole('button', { name: 'Mer' }).click();
    await nav(admin).getByRole('link', { name: 'Servicenivåer' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Servicenivåer' }).waitFor();
    await settle(admin);
    const table = admin.getByRole('table', { name: 'Servicenivå per kategori' });
    expect(
      (
        await table
          .getByRole('row', { name: /^Klotter/ })
          .getByRole('cell')
          .allTextContents()
      ).slice(0, 2),
    ).toEqual(['24 timmar', 'Klotter på stadens egendom tas bort inom 24 timmar från anmälan.']);

    await admin.getByRole('button', { name: 'Spara servicenivån' }).click();
    const summary = admin.getByRole('alert').filter({ hasText: 'Servicenivån kunde inte sparas' });
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Välj en kategori.',
      'Ange tiden som ett heltal från 1 till 8760 timmar.',
      'Skriv regeln, högst 500 tecken.',
    ]);
    await admin.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await expectAccessible(admin, 'service levels: form with errors');

    await admin.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Otrygg plats' });
    await admin.getByLabel('Tid i timmar').fill('48');
    await admin.getByLabel('Regel i klartext').fill('En plats som anmälts som otrygg besöks inom två dygn.');
    await admin.getByRole('button', { name: 'Spara servicenivån' }).click();
    await admin.getByRole('status').getByText('Servicenivån för Otrygg plats sparades.').waitFor();
    expect(
      (
        await table
          .getByRole('row', { name: /^Otrygg plats/ })
          .getByRole('cell')
          .allTextContents()
      ).slice(0, 2),
    ).toEqual(['48 timmar', 'En plats som anmälts som otrygg besöks inom två dygn.']);
    const api = (await (await admin.request.get(`${h.server.url}/api/service-levels`)).json()) as ServiceLevel[];
    expect(api.find((l) => l.category === 'otrygg_plats')).toEqual({
      category: 'otrygg_plats',
      hours: 48,
      rule: 'En plats som anmälts som otrygg besöks inom två dygn.',
    });

    // "Ändra" on a row fills the form in with that category's rule and puts focus on the category.
    await table.getByRole('button', { name: /^Ändra\W+Klotter$/ }).click();
    await admin.waitForFunction(() => document.activeElement?.id === 'level-category');
    expect([
      await admin.getByRole('combobox', { name: 'Kategori' }).inputValue(),
      await admin.getByLabel('Tid i timmar').inputValue(),
    ]).toEqual(['klotter', '24']);
    await expectAccessible(admin, 'service levels (admin)');
    await shot(admin, 'web-service-levels-admin');
  }, 90_000);

  it('shows the share closed within the service level per unit and category as numbers, filtered by unit', async () => {
    const api = (await (await admin.request.get(`${h.server.url}/api/service-levels/compliance`)).json()) as Array<{
      unit_id: string;
      category: string;
      closed: number;
      within: number;
    }>;
    const mine = api.find((r) => r.unit_id === routed.id && r.category === 'klotter');
    expect(mine).toMatchObject({ closed: 1, within: 1 });
    const table = admin.getByRole('table', { name: 'Stängda inom servicenivån per enhet och kategori' });
    expect(await table.locator('tbody tr').count()).toBe(api.length);
    const cells = table
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: routed.name, exact: true }) })
      .filter({ hasText: 'Klotter' });
    expect(await cells.getByRole('cell').allTextContents()).toEqual(['Klotter', '24 timmar', '1', '1', '100 %', '0']);

    await admin.getByRole('combobox', { name: 'Enhet' }).selectOption({ label: routed.name });
    await admin.getByRole('button', { name: 'Visa' }).click();
    await admin.waitForURL(`**/service-levels?unit_id=${routed.id}`);
    const filtered = admin.getByRole('table', { name: `Stängda inom servicenivån per kategori: ${routed.name}` });
    await filtered.waitFor();
    expect(new Set(await filtered.locator('tbody th').allTextContents())).toEqual(new Set([routed.name]));
    await expectAccessible(admin, 'service levels: compliance of one unit');
    await shot(admin, 'web-service-levels-compliance-unit');

    // The unit's own page links to the same figures.
    await open(admin, h, `/units/${routed.id}`, routed.name);
    await admin.getByRole('link', { name: 'Servicenivåer: efterlevnad för enheten' }).click();
    await admin.waitForURL(`**/service-levels?unit_id=${routed.id}`);
    await admin.getByRole('table', { name: `Stängda inom servicenivån per kategori: ${routed.name}` }).waitFor();
  }, 90_000);
});

describe('a coordinator', () => {
  it('reads the matrix and the service levels without any way to change them', async () => {
    await open(coordinator, h, '/', 'Trygghet i Stockholm');
    await nav(coordinator).getByRole('button', { name: 'Mer' }).click();
    await nav(coordinator).getByRole('link', { name: 'Ansvarsmatris' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Ansvarsmatris' }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByRole('table', { name: MATRIX }).locator('tbody tr').count()).toBe(
      (await rules()).length,
    );
    await coordinator.getByText('Bara systemförvaltare kan ändra matrisen.').waitFor();
    expect(await coordinator.getByRole('button', { name: /^(Ändra|Ta bort)/ }).count()).toBe(0);
    expect(await coordinator.getByRole('columnheader', { name: 'Åtgärder' }).count()).toBe(0);
    expect(await coordinator.locator('form').count()).toBe(0);
    await expectAccessible(coordinator, 'responsibility matrix (coordinator)');
    await shot(coordinator, 'web-responsibility-matrix-coordinator');

    await open(coordinator, h, '/service-levels', 'Servicenivåer');
    await coordinator.getByRole('table', { name: 'Servicenivå per kategori' }).waitFor();
    await coordinator.getByText('Bara systemförvaltare kan ändra servicenivåerna.').waitFor();
    expect(await coordinator.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);
    expect(await coordinator.getByRole('heading', { name: 'Ange servicenivå' }).count()).toBe(0);
    await coordinator.getByRole('table', { name: 'Stängda inom servicenivån per enhet och kategori' }).waitFor();
    await expectAccessible(coordinator, 'service levels (coordinator)');
    await shot(coordinator, 'web-service-levels-coordinator');
    // The server decides: the same change the admin made is refused.
    const refused = await coordinator.request.put(`${h.server.url}/api/service-levels/klotter`, {
      headers: { 'X-CSRF-Token': await csrfToken(coordinator, h) },
      data: { hours: 1, rule: 'x' },
    });
    expect(refused.status()).toBe(403);
  }, 90_000);
});

describe('an incident routed by the matrix', () => {
  it('shows the responsible unit on the incident page, and the traffic office moves it to the district by hand', async () => {
    const created = await admin.request.post(`${h.server.url}/api/incidents`, {
      headers: { 'X-CSRF-Token': await csrfToken(admin, h) },
      data: {
        occurred_at: new Date(Date.now() - 5 * 60_000).toISOString(),
        category: 'klotter',
        lon: 18.0431,
        lat: 59.2636,
        precision: 'exact',
        source: 'staff',
      },
    });
    const { id } = (await created.json()) as { id: string };
    const assignment = async () =>
      (await (await admin.request.get(`${h.server.url}/api/incidents/${id}/assignment`)).json()) as Assignment;
    expect((await assignment()).unit).toEqual(routed);

    const traffic = await h.newPage();
    await signIn(traffic, h, 'trafik', `/incidents/${id}`);
    await traffic.getByRole('heading', { level: 2, name: 'Ansvarig enhet' }).waitFor();
    await settle(traffic);
    expect(await traffic.getByTestId('incident-assignment').textContent()).toBe(
      `Ärendet ligger hos ${routed.name}. Ansvarsmatrisen bestämde det.`,
    );
    await traffic.getByRole('button', { name: 'Flytta ärendet' }).click();
    await traffic.getByText('Välj en annan enhet än den som har ärendet nu.').first().waitFor();
    expect((await assignment()).unit).toEqual(routed);

    await traffic.getByLabel('Flytta till enhet').selectOption({ label: EAV });
    await traffic.getByRole('button', { name: 'Flytta ärendet' }).press('Enter');
    await traffic.getByText(`Ärendet ligger nu hos ${EAV}.`).first().waitFor();
    // The traffic office is no member of the district: the form goes, the message keeps the keyboard focus.
    expect(await traffic.getByLabel('Flytta till enhet').count()).toBe(0);
    expect((await focused(traffic)).text).toBe(`Ärendet ligger nu hos ${EAV}.`);
    expect(await traffic.getByTestId('incident-assignment').textContent()).toMatch(
      new RegExp(`^Ärendet ligger hos ${EAV}\\. Flyttat för hand av `),
    );
    await expectAccessible(traffic, 'incident page after moving it');
    await shot(traffic, 'web-incident-assignment-moved');
    const after = await assignment();
    expect([after.unit.name, after.rule_id, after.overridden_by]).toEqual([
      EAV,
      null,
      expect.stringContaining('trafik'),
    ]);

    await open(coordinator, h, '/inbox', 'Inkorg');
    await coordinator.locator('.inbox-item', { has: coordinator.locator(`a[href="/incidents/${id}"]`) }).waitFor();
    await traffic.close();

    // The district's coordinator moves it back and goes on to change its status on the same page: the status
    // form sends the version the move made, so the save is no false conflict.
    await open(coordinator, h, `/incidents/${id}`, /./);
    await coordinator.getByLabel('Flytta till enhet').selectOption({ label: routed.name });
    await coordinator.getByRole('button', { name: 'Flytta ärendet' }).press('Enter');
    await coordinator.getByText(`Ärendet ligger nu hos ${routed.name}.`).first().waitFor();
    await coordinator.getByRole('radio', { name: 'Pågår' }).check();
    await coordinator.getByRole('button', { name: 'Spara status' }).click();
    await coordinator.getByText('Statusen är sparad: Pågår.').waitFor();
  }, 90_000);
});
