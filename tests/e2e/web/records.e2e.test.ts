import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/domain/incidents.js';
import type { RecordsExportResult, RecordsRelease } from '../../../src/domain/records.js';
import type { ReleaseDraft } from '../../../src/domain/release-review.js';
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
 * Records requests: the registrar (admin) prepares a release of two problems — one naming a person, one
 * restricted — reviews it (the name is a mask/approve control reached by keyboard; the release is refused while
 * it is undecided), masks a passage of their own, and releases it as Excel; then the district's problems by unit
 * and period as JSON; both are found in the release log. A coordinator has no menu link and is told so at the
 * URL. Then an incident's confidentiality tier: the district's coordinator changes it on the incident page; a
 * unit that neither has it assigned nor coordinates the district gets no control.
 */
let h: Harness;
let admin: Page;
const STAMP = Date.now();
const REF = `KS 2026/${STAMP % 100_000}`;
const SECRET = `Larmrutiner vid rådhuset ${STAMP}`;
const NAMED = 'Lisa Andersson ringde om klottret i trapphuset.';
const EAV = 'Enskede-Årsta-Vantörs stadsdelsnämnd';
const TITLE = 'Utlämnande av allmänna handlingar';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

async function releases(page: Page, ref: string): Promise<RecordsRelease[]> {
  return (await (
    await page.request.get(`${h.server.url}/api/records/releases?request_ref=${encodeURIComponent(ref)}`)
  ).json()) as RecordsRelease[];
}
/** Releases the draft on the page and returns the file the browser saved. */
async function release(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lämna ut och ladda ner' }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}
/** Prepares a draft from the filled-in form and waits for its review. */
async function prepare(page: Page, ref: string): Promise<string> {
  await page.getByRole('button', { name: 'Förbered utlämnande' }).click();
  await page.getByRole('heading', { level: 2, name: `Sekretessprövning – ${ref}` }).waitFor();
  return new URL(page.url()).searchParams.get('draft')!;
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
  let namedProblem = '';

  beforeAll(async () => {
    const units = (await (await admin.request.get(`${h.server.url}/api/units?kind=district`)).json()) as Array<{
      id: string;
      name: string;
    }>;
    eavUnit = units.find((u) => u.name === EAV)!.id;
    const districts = (await (
      await admin.request.get(`${h.server.url}/api/areas?level=district&format=json`)
    ).json()) as Array<{ id: string; owner_unit_id: string }>;
    const problem = async (title: string, statement: string, confidentiality: string) => {
      const created = await admin.request.post(`${h.server.url}/api/problems`, {
        headers: { 'X-CSRF-Token': await csrfToken(admin, h) },
        data: {
          owner_unit_id: eavUnit,
          area_id: districts.find((d) => d.owner_unit_id === eavUnit)!.id,
          title,
          statement,
          categories: ['klotter'],
          confidentiality,
        },
      });
      expect(created.status()).toBe(201);
      return ((await created.json()) as { id: string }).id;
    };
    secretProblem = await problem(SECRET, 'Larmet går till väktarbolaget.', 'restricted');
    namedProblem = await problem('Klotter i trapphuset', NAMED, 'municipal');
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

    await admin.getByRole('button', { name: 'Förbered utlämnande' }).click();
    const summary = admin.getByRole('alert').filter({ hasText: 'Utlämnandet kunde inte göras' });
    await summary.waitFor();
    expect((await focused(admin)).className).toContain('error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Fyll i diarienumret (högst 100 tecken).',
      'Fyll i mottagaren (högst 200 tecken).',
      'Ange minst ett id som det står på handlingens sida, högst 5 000.',
    ]);
    await summary.getByRole('link', { name: /diarienumret/ }).click();
    expect((await focused(admin)).id).toBe('release-ref');
    await expectAccessible(admin, 'records: errors');
    await shot(admin, 'web-records-errors');
  }, 90_000);

  it('reviews a draft: the release is refused while the name is undecided, then made as Excel with the masks applied and logged', async () => {
    await admin.getByLabel('Diarienummer', { exact: true }).fill(REF);
    await admin.getByLabel('Mottagare', { exact: true }).fill('Sveriges Radio Ekot');
    await admin.getByLabel('Typ av handling').selectOption({ label: 'Problem' });
    await admin.getByLabel('Handlingarnas id').fill(`${namedProblem}\n${secretProblem}`);
    await admin.getByRole('radio', { name: 'Excel' }).check();
    const draftId = await prepare(admin, REF);
    const progress = admin.getByTestId('review-progress');
    expect(await progress.textContent()).toBe('1 av 1 markeringar är inte prövad.');

    // Refused by the server while a mark is undecided, with its code; and on the page, in a focused alert.
    const refused = await admin.request.post(`${h.server.url}/api/records/releases`, {
      headers: { 'X-CSRF-Token': await csrfToken(admin, h) },
      data: { draft_id: draftId },
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('REVIEW_INCOMPLETE');
    await admin.getByRole('button', { name: 'Lämna ut och ladda ner' }).click();
    await admin.getByRole('alert').filter({ hasText: '1 markering är inte prövad.' }).waitFor();
    expect((await focused(admin)).className).toContain('error-summary');
    await expectAccessible(admin, 'records: review');
    await shot(admin, 'web-records-review');

    // The name is one control: reached by keyboard, masked with Space, its ground chosen from the list.
    const name = admin.getByRole('group', { name: /Lisa Andersson/ });
    await name.getByRole('radio', { name: 'Maskera' }).focus();
    await admin.keyboard.press('Space');
    await progress.filter({ hasText: '0 av 1 markeringar är inte prövade.' }).waitFor();
    await name
      .getByLabel('Grund för sekretess')
      .selectOption({ label: '35 kap. 1 § OSL – Enskilds personliga förhållanden i brottsbekämpande verksamhet' });
    await name.getByText('(maskeras)').waitFor();
    // A passage of the officer's own choosing.
    await admin.getByLabel('Text att maskera (som den står i fältet)').first().fill('trapphuset');
    await admin.getByLabel('Fält', { exact: true }).first().selectOption({ label: 'Problembeskrivning' });
    await admin.getByRole('button', { name: 'Maskera texten' }).first().click();
    await admin.getByRole('group', { name: /Egen maskering/ }).waitFor();
    await expectAccessible(admin, 'records: reviewed');
    await shot(admin, 'web-records-reviewed');

    const file = await release(admin);
    expect(file.name).toBe(`utlamnande-${REF.replace(/[^\w.-]+/g, '_')}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as never);
    const cells = book.worksheets
      .flatMap((ws) => ws.getSheetValues().flat())
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(cells).toContain('[sekretess, 35 kap. 1 § OSL] ringde om klottret i [sekretess, 21 kap. 7 § OSL].');
    expect(cells).not.toMatch(/Lisa|Andersson|Larmrutiner/);
    await admin
      .getByRole('status')
      .filter({ hasText: `filen ${file.name} laddas ner` })
      .waitFor();

    const [logged] = await releases(admin, REF);
    expect(logged).toMatchObject({
      recipient: 'Sveriges Radio Ekot',
      record_type: 'problem',
      format: 'xlsx',
      review: { reviewed_by: ['admin@stockholm.example'], approved: 0 },
    });
    expect(logged!.review!.masks).toEqual([
      { ground: 'osl-21-7', count: 1 },
      { ground: 'osl-35-1', count: 1 },
    ]);
    const row = admin.locator(`.release-log tr[data-release-id="${logged!.id}"]`);
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(1, 7)).toEqual([
      'admin@stockholm.example',
      REF,
      'Sveriges Radio Ekot',
      'Problem',
      '2',
      'Excel',
    ]);
    await expectAccessible(admin, 'records: released');
    await shot(admin, 'web-records-released');
  }, 120_000);

  it("releases the district's problems by unit and period as JSON once every mark is decided; the log searches by reference", async () => {
    const ref = `${REF}-b`;
    await admin.getByLabel('Diarienummer', { exact: true }).fill(ref);
    await admin.getByLabel('Mottagare', { exact: true }).fill('Sveriges Radio Ekot');
    await admin.getByRole('radio', { name: 'Urval (enhet och period)' }).check();
    await admin.getByLabel('Enhet', { exact: true }).selectOption({ label: EAV });
    await admin.getByLabel('Skapad från och med').fill('2020-01-01');
    await admin.getByRole('radio', { name: 'JSON (maskinläsbart)' }).check();
    const draftId = await prepare(admin, ref);
    // The district's own problems hold many suggestions; approving them all goes through the API here.
    const draft = (await (
      await admin.request.get(`${h.server.url}/api/records/drafts/${draftId}`)
    ).json()) as ReleaseDraft;
    const decisions = draft.marks
      .filter((m) => m.decision === null)
      .map((m) => ({ id: m.id, decision: m.text === 'Lisa Andersson' ? 'mask' : 'approve', ground: 'osl-21-7' }));
    const reviewed = await admin.request.patch(`${h.server.url}/api/records/drafts/${draftId}`, {
      headers: { 'X-CSRF-Token': await csrfToken(admin, h) },
      data: { decisions },
    });
    expect(reviewed.status()).toBe(200);
    await admin.reload();
    await admin.getByTestId('review-progress').filter({ hasText: /^0 av/ }).waitFor();
    const file = await release(admin);
    expect(file.name).toBe(`utlamnande-${ref.replace(/[^\w.-]+/g, '_')}.json`);
    const body = JSON.parse(file.bytes.toString('utf8')) as RecordsExportResult;
    expect(body.records.map((r) => r.id)).toEqual(expect.arrayContaining([namedProblem, secretProblem]));
    expect(body.records.find((r) => r.id === secretProblem)!.fields.title).toBe('[sekretess]');
    expect(file.bytes.toString('utf8')).not.toMatch(new RegExp(`${SECRET}|Lisa Andersson`));

    await admin.getByRole('searchbox', { name: 'Sök på diarienummer' }).fill(ref);
    await admin.getByRole('button', { name: 'Sök', exact: true }).click();
    await admin.waitForURL(/request_ref=/);
    // The log shown before the search stays until the searched one arrives, so wait for the list itself.
    const rows = admin.locator('.release-log tbody tr');
    await expect.poll(() => rows.locator('td:nth-child(3)').allInnerTexts(), { timeout: 15_000 }).toEqual([ref]);
    expect(await rows.first().locator('td').nth(5).textContent()).toBe(String(body.records.length));
    await shot(admin, 'web-records-search');
  }, 120_000);

  it('names unknown ids in the error summary and starts no review', async () => {
    await admin.getByLabel('Diarienummer', { exact: true }).fill(`${REF}-c`);
    await admin.getByLabel('Mottagare', { exact: true }).fill('Sveriges Radio Ekot');
    await admin.getByRole('radio', { name: 'Utvalda handlingar (id)' }).check();
    await admin.getByLabel('Handlingarnas id').fill('00000000-0000-4000-8000-000000000000');
    await admin.getByRole('button', { name: 'Förbered utlämnande' }).click();
    await admin
      .getByRole('alert')
      .getByRole('link', { name: /00000000-0000-4000-8000-000000000000/ })
      .waitFor();
    expect((await focused(admin)).className).toContain('error-summary');
    expect(new URL(admin.url()).searchParams.get('draft')).toBeNull();
  }, 60_000);

  it('is not offered to a coordinator, who is told so at the URL', async () => {
    const coordinator = await h.newPage();
    await signIn(coordinator, h, 'samordnare.eav');
    // The start page sends a coordinator on to their district; open the menu on a page that stays put.
    await open(coordinator, h, '/places', /.+/);
    await nav(coordinator).getByRole('button', { name: 'Mer' }).click();
    await nav(coordinator).getByRole('link', { name: 'Importera' }).waitFor();
    expect(await nav(coordinator).getByRole('link', { name: 'Utlämnanden' }).count()).toBe(0);
    await open(coordinator, h, '/admin/records', TITLE);
    expect(await coordinator.getByTestId('no-access').textContent()).toContain(
      'Ditt konto kan inte lämna ut handlingar',
    );
    expect(await coordinator.locator('form').count()).toBe(0);
    await expectAccessible(coordinator, 'records: no access');
    await shot(coordinator, 'web-records-no-access');
  }, 60_000);
});

describe("an incident's confidentiality tier", () => {
  let incident: Incident;

  beforeAll(async () => {
    const get = async <T>(path: string) => (await (await admin.request.get(`${h.server.url}${path}`)).json()) as T;
    const eavUnit = (await get<Array<{ id: string; name: string }>>('/api/units?kind=district')).find(
      (u) => u.name === EAV,
    )!.id;
    const eav = (await get<Array<{ id: string; owner_unit_id: string }>>('/api/areas?level=district&format=json')).find(
      (d) => d.owner_unit_id === eavUnit,
    )!;
    // One the library unit has no part in: routed to someone else, so only the district's coordinator may classify it.
    for (const candidate of (await get<{ items: Incident[] }>(`/api/incidents?area_id=${eav.id}&limit=20`)).items) {
      const assigned = await admin.request.get(`${h.server.url}/api/incidents/${candidate.id}/assignment`);
      if (
        candidate.confidentiality === 'municipal' &&
        (assigned.status() === 404 ||
          !((await assigned.json()) as { unit: { name: string } }).unit.name.startsWith('Kultur'))
      ) {
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
    const stored = (await (
      await coordinator.request.get(`${h.server.url}/api/incidents/${incident.id}`)
    ).json()) as Incident;
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
