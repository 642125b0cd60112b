import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, localMinute } from '../../../src/domain/calendar/index.js';
import { expectAccessible, type Harness, open, printA11ySummary, shot, signIn, startHarness } from './pages.js';

/**
 * A coordinator checks a file with the date and the time of day in separate columns, extra columns the
 * importer does not use, and place names typed in other cases and without accents. The file is built from
 * real police notices for Stockholm (shared data): their publication date and time, split in two.
 */
let h: Harness;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'trygg-import-mapping-e2e-'));
const csv = join(dir, 'polisen-delad-tid.csv');
const PLACES = ['HÖTORGET', 'medborgarplatsen', 'Skarholmens Centrum', 'Okänd gata 1'];
type Notice = { id: number; datetime: string; name: string; type: string; location: { name: string } };
const notices = (
  JSON.parse(
    readFileSync(
      new URL('../../../../shared/data/polisen/events_stockholms_lan_2022-2026.json', import.meta.url),
      'utf8',
    ),
  ) as Notice[]
)
  .filter((e) => e.location.name === 'Stockholm' && e.type === 'Skadegörelse')
  .slice(0, 8);
const when = (e: Notice) => {
  const [date, time, offset] = e.datetime.split(' ');
  const [hh, mm] = time!.split(':');
  return {
    date: date!,
    time: `${hh!.padStart(2, '0')}:${mm}`,
    local: localMinute(`${date}T${hh!.padStart(2, '0')}:${mm}:00${offset}`, DEFAULT_TIME_ZONE),
  };
};
writeFileSync(
  csv,
  [
    'Händelse-id;Datum;Tid;Kategori;Plats;Polisens rubrik;Handläggare',
    ...notices.map(
      (e, i) => `P-${e.id};${when(e).date};${when(e).time};${e.type};${PLACES[i % PLACES.length]};${e.name};-`,
    ),
  ].join('\r\n'),
);

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await signIn(page, h, 'samordnare.eav');
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function check(p: Page) {
  await open(p, h, '/imports', 'Importera händelser');
  await p.locator('#import-file').setInputFiles(csv);
  await p.getByRole('button', { name: 'Kontrollera filen' }).click();
  await p.getByRole('region', { name: 'Kontrollrapport: polisen-delad-tid.csv' }).waitFor({ timeout: 30_000 });
}

describe('import check: columns, preview and places', () => {
  it('shows every column, the rows as they will be stored in Swedish time, and each place match', async () => {
    expect(notices.length).toBeGreaterThanOrEqual(4);
    await check(page);
    const columns = await page.getByRole('table', { name: 'Kolumner i filen' }).locator('tbody tr').allInnerTexts();
    expect(columns.map((r) => r.split('\t'))).toEqual([
      ['Händelse-id', 'Id i källan', 'Kolumnnamnet'],
      ['Datum', 'Tidpunkt (datum)', 'Kolumnnamnet'],
      ['Tid', 'Klockslag', 'Kolumnnamnet'],
      ['Kategori', 'Kategori', 'Kolumnnamnet'],
      ['Plats', 'Plats', 'Kolumnnamnet'],
      ['Polisens rubrik', 'Används inte', '–'],
      ['Handläggare', 'Används inte', '–'],
    ]);
    const preview = await page.getByRole('table', { name: 'Förhandsvisning' }).locator('tbody tr').allInnerTexts();
    const matched = notices.filter((_, i) => i % PLACES.length !== 3);
    expect(preview.map((r) => r.split('\t').slice(1))).toEqual(
      matched.map((e, i) => [
        when(e).local,
        'Skadegörelse',
        ['Hötorget', 'Medborgarplatsen', 'Skärholmens centrum'][i % 3],
        'Plats',
      ]),
    );
    const places = await page.getByRole('table', { name: 'Platser i filen' }).locator('tbody tr').allInnerTexts();
    expect(places.map((r) => r.split('\t').slice(0, 2))).toEqual(
      expect.arrayContaining([
        ['HÖTORGET', 'Hötorget'],
        ['Okänd gata 1', 'Ingen träff'],
      ]),
    );
    await expectAccessible(page, 'import: columns, preview and places');
    await shot(page, 'imports-mapping-desktop');
  });

  it('reads on a phone', async () => {
    const phone = await h.newPage({ width: 390, height: 844 });
    await signIn(phone, h, 'samordnare.eav');
    await check(phone);
    await phone.getByRole('table', { name: 'Förhandsvisning' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await expectAccessible(phone, 'import: report on a phone');
    await shot(phone, 'imports-mapping-phone');
    await phone.close();
  });
});
