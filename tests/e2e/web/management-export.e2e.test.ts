import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeVersion } from '../../../src/domain/programmes.js';
import { documentedManagementColumns } from '../../support/management-columns.js';
import {
  csrfToken,
  expectAccessible,
  type Harness,
  open,
  printA11ySummary,
  shot,
  signIn,
  startHarness,
} from './pages.js';

/**
 * The programme's follow-up handed to the city's management system: the coordinator of Enskede-Årsta-Vantör
 * sets an annual target on the library's indicator, opens the 2020–2023 version, downloads this year's export
 * as Excel and CSV, and the files hold the documented columns with the library's row assessed.
 */
let h: Harness;
let coordinator: Page;
let version: ProgrammeVersion;
const TITLE = 'Stockholms stads trygghetsprogram 2020–2023';
const LIBRARY = 'Stök och otrygghet i Högdalens bibliotek kvällstid';
const YEAR = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date());

beforeAll(async () => {
  h = await startHarness();
  coordinator = await h.newPage();
  await signIn(coordinator, h, 'samordnare.eav');
  const programmes = (await (await coordinator.request.get(`${h.server.url}/api/programmes`)).json()) as Array<{
    versions: Array<{ id: string; title: string }>;
  }>;
  const id = programmes.flatMap((p) => p.versions).find((v) => v.title === TITLE)!.id;
  version = (await (
    await coordinator.request.get(`${h.server.url}/api/programme-versions/${id}`)
  ).json()) as ProgrammeVersion;
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('export to the management system', () => {
  it('downloads the year as Excel with the documented columns and the library assessed', async () => {
    const indicator = version.sections.flatMap((s) => s.indicators).find((i) => i.title === LIBRARY)!;
    expect(indicator.baseline).not.toBeNull();
    // The district's own target: today's figure, so the year's outcome reaches it exactly.
    const target = indicator.current!.value;
    const patched = await coordinator.request.patch(`${h.server.url}/api/problems/${indicator.problem_id}`, {
      headers: { 'X-CSRF-Token': await csrfToken(coordinator, h) },
      data: { target_value: target },
    });
    expect(patched.status()).toBe(200);

    await open(coordinator, h, `/programmes/versions/${version.id}`, TITLE);
    const section = coordinator.locator('section[aria-labelledby="management-export-title"]');
    await section.getByRole('heading', { level: 2, name: 'Export till stadens ledningssystem' }).waitFor();
    expect(await section.getByLabel('År').inputValue()).toBe(YEAR);
    await expectAccessible(coordinator, 'programme version with the management-system export');
    await section.scrollIntoViewIfNeeded();
    await shot(coordinator, 'web-programme-management-export');

    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      section.getByRole('link', { name: `Ladda ner ${YEAR} som Excel` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ils-trygghetsprogram-2020-2023-${YEAR}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Måluppföljning')!;
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    const [header, ...body] = rows;
    expect(header).toEqual(documentedManagementColumns());
    const column = (name: string) => header!.indexOf(name);
    const library = body.find((r) => r[column('Indikator')] === LIBRARY)!;
    expect(
      ['Program', 'År', 'Nämnd', 'Nollmätning', 'Årsmål', 'Utfall', 'Bedömning', 'Motivering'].map(
        (c) => library[column(c)],
      ),
    ).toEqual([
      TITLE,
      Number(YEAR),
      'Enskede-Årsta-Vantörs stadsdelsnämnd',
      indicator.baseline!.value,
      target,
      target,
      'Uppnås helt',
      'Utfallet når årsmålet',
    ]);
    // The archive's reading room has no baseline in the demo: it is listed, and cannot be assessed.
    const archive = body.find((r) => r[column('Indikator')] === 'Stölder av väskor i läsesalen')!;
    expect(archive[column('Bedömning')]).toBe('Kan inte bedömas');
    // No field names or raw ids as labels: the only id-like text is in the documented key column.
    for (const row of body)
      row.forEach((cell, i) => {
        if (i !== column('Nyckel')) expect(String(cell ?? '')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      });
  }, 120_000);

  it('offers the same table as CSV for Swedish Excel, and fits a phone', async () => {
    await open(coordinator, h, `/programmes/versions/${version.id}`, TITLE);
    const href = await coordinator
      .getByRole('link', { name: `Ladda ner ${YEAR} som CSV för ILS` })
      .getAttribute('href');
    const csv = await coordinator.request.get(`${h.server.url}${href}`);
    expect([csv.status(), csv.headers()['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const text = (await csv.body()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]!.split(';')).toEqual(documentedManagementColumns());

    const phone = await h.newPage({ width: 390, height: 844 });
    await signIn(phone, h, 'samordnare.eav');
    await open(phone, h, `/programmes/versions/${version.id}`, TITLE);
    await phone.locator('#management-export-title').scrollIntoViewIfNeeded();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'web-programme-management-export-phone');
    await phone.close();
  }, 120_000);
});
