import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Harness, open, printA11ySummary, shot, signIn, startHarness } from './pages.js';

/**
 * A coordinator uploads a small municipal CSV: the check (dry run) reports one unknown category and one row
 * with swapped coordinates, the page offers the swap and checks again, and the coordinator imports the
 * accepted rows, skipping the bad one, and opens an imported incident.
 */
let h: Harness;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'trygg-import-e2e-'));
const stamp = Date.now();
const csv = join(dir, 'trafikkontoret.csv');
writeFileSync(
  csv,
  [
    'id;datum;kategori;lat;lon;beskrivning',
    `E-${stamp}-1;2026-11-20 18:00;Skadegörelse;59,3293;18,0686;Krossad ruta, ring 070-123 45 67`,
    `E-${stamp}-2;2026-11-21 07:30;Klotter;59,315;18,07;Klotter på gångtunneln`,
    `E-${stamp}-3;2026-11-21 08:00;Ufo;59,33;18,06;okänd kategori`,
    `E-${stamp}-4;2026-11-22 22:15;Trasig belysning;18,0512;59,3021;omkastade koordinater`,
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

describe('import page', () => {
  it('is in the navigation for a coordinator and asks for a file first', async () => {
    await open(page, h, '/', /.+/);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Mer' }).click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importera' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera händelser' }).waitFor();
    await expectAccessible(page, 'import: choose file');
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Välj en fil att kontrollera' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-file');
  });

  it('checks the file: one unknown category, one swapped row, and offers the swap', async () => {
    await page.locator('#import-file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    const report = page.getByRole('region', { name: 'Kontrollrapport: trafikkontoret.csv' });
    await report.waitFor({ timeout: 30_000 });
    const errors = page.getByRole('table', { name: 'Rader med fel' });
    const errorRows = await errors.locator('tbody tr').allInnerTexts();
    expect(errorRows.map((r) => r.split('\t').slice(0, 3))).toEqual([
      ['4', 'kategori', 'unknown_category'],
      ['5', 'lon', 'swapped_coordinates'],
    ]);
    // What is wrong, said in the page's language (the API's own message is English).
    expect(errorRows.map((r) => r.split('\t')[3])).toEqual([
      '”Ufo” motsvarar ingen kategori.',
      'Latitud och longitud (eller nordlig och östlig koordinat) verkar ha bytt plats.',
    ]);
    expect(await page.getByRole('table', { name: 'Okända kategorier' }).innerText()).toContain('Ufo');
    expect(await page.getByRole('button', { name: /^Importera \d+ rader$/ }).count()).toBe(0);
    await expectAccessible(page, 'import: dry-run report with errors');
    await shot(page, 'imports-report');

    await page.getByRole('button', { name: 'Byt plats på koordinaterna och kontrollera igen' }).click();
    await page.getByText('Koordinaterna byts på rader där de är omkastade.').waitFor({ timeout: 30_000 });
    const after = await page.getByRole('table', { name: 'Rader med fel' }).locator('tbody tr').allInnerTexts();
    expect(after.map((r) => r.split('\t')[2])).toEqual(['unknown_category']);
  });

  it('imports the accepted rows, skipping the bad one, with progress and a link to each incident', async () => {
    await page.getByRole('checkbox', { name: 'Importera de godkända raderna och hoppa över raderna med fel' }).check();
    // A small file may finish between two polls: record that the progress bar and its live region were shown at all.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('#import-progress-bar') && document.querySelector('.import-progress [role=status]'))
          w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Importera 3 rader' }).click();
    await page.getByRole('heading', { level: 2, name: 'Importen är klar' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    expect(await page.locator('.import-result .notice-success').innerText()).toMatch(
      /^3 nya händelser, 0 uppdaterade, 0 oförändrade/,
    );
    const links = page.getByRole('table', { name: 'Importerade händelser' }).getByRole('link');
    expect((await links.allInnerTexts()).sort()).toEqual([`E-${stamp}-1`, `E-${stamp}-2`, `E-${stamp}-4`]);
    await expectAccessible(page, 'import: done');
    await shot(page, 'imports-done');
    await links.filter({ hasText: `E-${stamp}-1` }).click();
    await page.getByRole('heading', { level: 1, name: 'Skadegörelse' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Krossad ruta, ring [telefon]');
  });
});
