import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/domain/incidents.js';
import type { RecordsExportResult, RecordsRelease } from '../../../src/domain/records.js';
import { csrfToken, expectAccessible, focused, type Harness, open, printA11ySummary, settle, shot, signIn, startHarness } from './pages.js';

/**
 * Records requests: the registrar (admin) releases a problem by id as Excel — a restricted one masked — and
 * the district's problems by unit and period as JSON, and finds both in the release log; a coordinator has no
 * menu link and is told so at the URL. Then an incident's confidentiality tier: the district's coordinator
 * changes it on the incident page; a unit that neither has it assigned nor coordinates the district gets no control.
 */
let h: Harness;
let admin: Page;
const STAMP = Date.now();
const REF = `KS 2026/${STAMP % 100_000}`;
const SECRET = `Larmrutiner vid rådhuset ${STAMP}`;
const EAV = 'Enskede-Årsta-Vantörs stadsdelsnämnd';
const TITLE = 'Utlämnande av allmänna handlingar';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

async function releases(page: Page, ref: string): Promise<RecordsRelease[]> {
  return (await (await page.request.get(`${h.server.url}/api/records/releases?request_ref=${encodeURIComponent(ref)}`)).json()) as RecordsRelease[];
}
/** Submits the release form and returns the file the browser saved. */
async function release(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lämna ut och ladda ner' }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

beforeAll(async () => {
  h = await startHarness();
  admin = await h.newPage();
  await signIn(admin, h, 'admin');
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('records releases', () => {
  let eavUnit = '';
  let secretProblem = '';
  let openProblem = '';

  beforeAll(async () => {
    const units = (await (await admin.request.get(`${h.server.url}/api/units?kind=district`)).json()) as Array<{ id: string; name: string }>;
    eavUnit = units.find((u) => u.name === EAV)!.id;
    const problems = (await (await admin.request.get(`${h.server.url}/api/problems?owner_unit_id=${eavUnit}`)).json()) as Array<{ id: string }>;
    openProblem = problems[0]!.id;
    const districts = (await (await admin.request.get(`${h.server.url}/api/areas?level=district&format=json`)).json()) as Array<{ id: string; owner_unit_id: string }>;
    const created = await admin.request.post(`${h.server.url}/api/problems`, {
      headers: { 'X-CSRF-Token': await csrfToken(admin, h) },
      data: { owner_unit_id: eavUnit, area_id: districts.find((d) => d.owner_unit_id === eavUnit)!.id, title: SECRET, statement: 'Larmet går till väktarbolaget.', categories: ['klotter'], confidentiality: 'restricted' },
    });
    expect(created.status()).toBe(201);
    secretProblem = ((await created.json()) as { id: string }).id;
  }, 60_000);

  it('is under "Mer" for admins; an empty form names its errors in a focused summary', async () => {
    await open(admin, h, '/', 'Trygghet i Stockholm');
    await nav(admin).getByRole('button', { name: 'Mer' }).click();
    await nav(admin).getByRole('link', { name: 'Utlämnanden' }).click();
    await admin.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settle(admin);
    expect(await admin.title()).toBe(`${TITLE} – Trygg`);
    await expectAccessible(admin, 'records: form and log');
    await shot(admin, 'web-records');

    await admin.getByRole('button', { name: 'Lämna ut och ladda ner' }).click();
    const summary = admin.getByRole('alert').filter({ hasText: 'Utlämnandet kunde inte göras' });
    await summary.waitFor();
    expect((await focused(admin)).className).toContain('error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Fyll i diarienumret (högst 100 tecken).', 'Fyll i mottagaren (högst 200 tecken).', 'Ange minst ett id som det står på handlingens sida, högst 5 000.',
    ]);
    await summary.getByRole('link', { name: /diarienumret/ }).click();
    expect((await focused(admin)).id).toBe('release-ref');
    await expectAccessible(admin, 'records: errors');
    await shot(admin, 'web-records-errors');
  }, 90_000);

  it('releases two problems by id as Excel, the restricted one masked, and logs it', async () => {
    await admin.getByLabel('Diarienummer', { exact: true }).fill(REF);
    await admin.getByLabel('Mottagare', { exact: true }).fill('Sveriges Radio Ekot');
    await admin.getByLabel('Typ av handling').selectOption({ label: 'Problem' });
    await admin.getByLabel('Handlingarnas id').fill(`${openProblem}\n${secretProblem}`);
    await admin.getByRole('radio', { name: 'Excel' }).check();
    const file = await release(admin);
    expect(file.name).toBe(`utlamnande-${REF.replace(/[^\w.-]+/g, '_')}.xlsx`);
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(file.bytes.includes(Buffer.from(SECRET))).toBe(false);
    await admin.getByRole('status').filter({ hasText: `filen ${file.name} laddas ner` }).waitFor();

    const [logged] = await releases(admin, REF);
    expect(logged).toMatchObject({ recipient: 'Sveriges Radio Ekot', record_type: 'problem', format: 'xlsx', masked: [{ id: secretProblem }] });
    const row = admin.locator(`.release-log tr[data-release-id="${logged!.id}"]`);
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      expect.any(String), 'admin@stockholm.example', REF, 'Sveriges Radio Ekot', 'Problem', '2', 'Excel', expect.stringMatching(/^1 handling: title, statement/),
    ]);
    await expectAccessible(admin, 'records: released by id');
    await shot(admin, 'web-records-released');
  }, 90_000);

  it("releases the district's problems by unit and period as JSON; the log searches by reference", async () => {
    const ref = `${REF}-b`;
    await admin.getByLabel('Diarienummer', { exact: true }).fill(ref);
    await admin.getByRole('radio', { name: 'Urval (enhet och period)' }).check();
    await admin.getByLabel('Enhet', { exact: true }).selectOption({ label: EAV });
    await admin.getByLabel('Skapad från och med').fill('2020-01-01');
    await admin.getByRole('radio', { name: 'JSON (maskinläsbart)' }).check();
    const file = await release(admin);
    expect(file.name).toBe(`utlamnande-${ref.replace(/[^\w.-]+/g, '_')}.json`);
    const body = JSON.parse(file.bytes.toString('utf8')) as RecordsExportResult;
    expect(body.records.map((r) => r.id)).toEqual(expect.arrayContaining([openProblem, secretProblem]));
    expect(body.records.find((r) => r.id === secretProblem)!.fields.title).toBe('[sekretess]');
    expect(file.bytes.toString('utf8')).not.toContain(SECRET);

    await admin.getByRole('searchbox', { name: 'Sök på diarienummer' }).fill(ref);
    await admin.getByRole('button', { name: 'Sök', exact: true }).click();
    await admin.waitForURL(/request_ref=/);
    const rows = admin.locator('.release-log tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').nth(5).textContent()).toBe(String(body.records.length));
    await shot(admin, 'web-records-search');
  }, 90_000);

  it('names unknown ids in the error summary and logs nothing', async () => {
    const before = (await releases(admin, `${REF}-c`)).length;
    await admin.getByLabel('Diarienummer', { exact: true }).fill(`${REF}-c`);
    await admin.getByRole('radio', { name: 'Utvalda handlingar (id)' }).check();
    await admin.getByLabel('Handlingarnas id').fill('00000000-0000-4000-8000-000000000000');
    await admin.getByRole('button', { name: 'Lämna ut och ladda ner' }).click();
    await admin.getByRole('alert').getByRole('link', { name: /00000000-0000-4000-8000-000000000000/ }).waitFor();
    expect((await focused(admin)).className).toContain('error-summary');
    expect((await releases(admin, `${REF}-c`)).length).toBe(before);
  }, 60_000);

  it('is not offered to a coordinator, who is told so at the URL', async () => {
    const coordinator = await h.newPage();
    await signIn(coordinator, h, 'samordnare.eav');
    await nav(coordinator).getByRole('button', { name: 'Mer' }).click();
    await nav(coordinator).getByRole('link', { name: 'Importera' }).waitFor();
    expect(await nav(coordinator).getByRole('link', { name: 'Utlämnanden' }).count()).toBe(0);
    await open(coordinator, h, '/admin/records', TITLE);
    expect(await coordinator.getByTestId('no-access').textContent()).toContain('Ditt konto kan inte lämna ut handlingar');
    expect(await coordinator.locator('form').count()).toBe(0);
    await expectAccessible(coordinator, 'records: no access');
    await shot(coordinator, 'web-records-no-access');
  }, 60_000);
});

describe("an incident's confidentiality tier", () => {
  let incident: Incident;

  beforeAll(async () => {
    const get = async <T,>(path: string) => (await (await admin.request.get(`${h.server.url}${path}`)).json()) as T;
    const eavUnit = (await get<Array<{ id: string; name: string }>>('/api/units?kind=district')).find((u) => u.name === EAV)!.id;
    const eav = (await get<Array<{ id: string; owner_unit_id: string }>>('/api/areas?level=district&format=json')).find((d) => d.owner_unit_id === eavUnit)!;
    // One the library unit has no part in: routed to someone else, so only the district's coordinator may classify it.
    for (const candidate of (await get<{ items: Incident[] }>(`/api/incidents?area_id=${eav.id}&limit=20`)).items) {
      const assigned = await admin.request.get(`${h.server.url}/api/incidents/${candidate.id}/assignment`);
      if (candidate.confidentiality === 'municipal' && (assigned.status() === 404 || !((await assigned.json()) as { unit: { name: string } }).unit.name.startsWith('Kultur'))) {
        incident = candidate;
        break;
      }
    }
    expect(incident).toBeDefined();
  }, 60_000);

  it("is changed by the district's coordinator on the incident page, and shown to nobody else", async () => {
    const coordinator = await h.newPage();
    await signIn(coordinator, h, 'samordnare.eav');
    await open(coordinator, h, `/incidents/${incident.id}`, /.+/);
    const panel = coordinator.getByRole('region', { name: 'Sekretessnivå' });
    await panel.getByTestId('incident-tier').waitFor();
    expect(await panel.getByTestId('incident-tier').textContent()).toBe('Nuvarande nivå: Kommunintern');
    await panel.getByRole('button', { name: 'Ändra sekretessnivå' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Välj en annan nivå än den nuvarande.' }).waitFor();
    expect((await focused(coordinator)).className).toContain('error-summary');

    await panel.getByLabel('Ny sekretessnivå').selectOption({ label: 'Delas med samverkansparter' });
    await panel.getByRole('button', { name: 'Ändra sekretessnivå' }).click();
    await panel.getByRole('status').filter({ hasText: 'Sekretessnivån är nu Delas med samverkansparter.' }).waitFor();
    expect(await panel.getByTestId('incident-tier').textContent()).toBe('Nuvarande nivå: Delas med samverkansparter');
    const stored = (await (await coordinator.request.get(`${h.server.url}/api/incidents/${incident.id}`)).json()) as Incident;
    expect(stored.confidentiality).toBe('partner');
    await expectAccessible(coordinator, 'incident: tier changed');
    await shot(coordinator, 'web-incident-tier');

    const library = await h.newPage();
    await signIn(library, h, 'bibliotek');
    await open(library, h, `/incidents/${incident.id}`, /.+/);
    // Neither routed to the library nor reported by it: the library reads it but changes nothing of it.
    await library.locator('.incident-facts').waitFor();
    await settle(library);
    expect(await library.getByRole('region', { name: 'Ändra status' }).count()).toBe(0);
    expect(await library.getByRole('region', { name: 'Sekretessnivå' }).count()).toBe(0);
  }, 90_000);
});
