import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Harness, open, printA11ySummary, shot, signIn, startHarness } from './pages.js';

/**
 * Safety surveys: a coordinator sends a results file with one bad row and is told which row and what is
 * wrong, with nothing imported; fixes it and imports; reads a district's series beside the city's average as
 * a chart and a table, on a desktop and on a phone; and makes the item a problem's indicator.
 */
let h: Harness;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'trygg-survey-e2e-'));
const CITY = 'Stockholms stads trygghetsmätning';
const WORRIED = 'Ofta orolig för att utsättas för brott (senaste 12 månaderna)';
const header = 'survey,year,area_name,area_level,question,value_percent,respondents,source';
const good = `${CITY},2023,Spånga-Tensta,stadsdelsomrade,${WORRIED},12,450,testfil`;
const bad = join(dir, 'trygghet-fel.csv');
const fixed = join(dir, 'trygghet.csv');
writeFileSync(bad, [header, good, `${CITY},2023,Stockholms stad,kommun,${WORRIED},9,-12,testfil`].join('\n'));
writeFileSync(fixed, [header, good, `${CITY},2023,Stockholms stad,kommun,${WORRIED},9,12000,testfil`].join('\n'));

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

describe('safety surveys', () => {
  it('refuses a file with a negative count, naming its row, and imports nothing', async () => {
    await open(page, h, '/', /.+/);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Mer' }).click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Trygghetsmätningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trygghetsmätningar' }).waitFor();
    await page.getByRole('link', { name: 'Importera resultat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera resultat från trygghetsmätningar' }).waitFor();
    await page.locator('#survey-file').setInputFiles(bad);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.innerText()).toContain('Ingenting importerades: rader i filen har fel.');
    const rows = await page.getByRole('table', { name: '1 fel i filen' }).locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t'))).toEqual([
      ['3', 'respondents', 'Antalet svarande kan inte vara negativt (-12).'],
    ]);
    await expectAccessible(page, 'surveys: refused import');
    await shot(page, 'surveys-import-refused');
    // All or nothing: the good row of the refused file is not there.
    const catalogue = await (await page.request.get(`${h.server.url}/api/surveys/catalogue`)).json();
    const st = catalogue.areas.find((a: { name: string }) => a.name === 'Spånga-Tensta');
    const years = catalogue.series.filter((s: { survey_area_id: string }) => s.survey_area_id === st.id);
    expect(years.flatMap((s: { years: number[] }) => s.years)).not.toContain(2023);
  });

  it('imports the corrected file', async () => {
    await page.locator('#survey-file').setInputFiles(fixed);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByText('Importen är klar: 2 nya resultat, 0 ersatta.').waitFor();
    expect(await page.locator('.error-summary').count()).toBe(0);
  });

  it("draws a district's series beside the city's, with intervals only where respondents are known", async () => {
    await page.getByRole('link', { name: 'Till trygghetsmätningarna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trygghetsmätningar' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Spånga-Tensta', exact: true }) })
      .getByRole('link', { name: WORRIED })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Spånga-Tensta' }).waitFor();
    await page.getByRole('heading', { level: 2, name: WORRIED }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(/stadsdelsområdet upphörde 30 juni 2023/);
    const chart = page.getByRole('img', { name: /Diagram över andelen i Spånga-Tensta/ });
    expect(await chart.getAttribute('aria-label')).toContain('första år 2017: 26 %, senaste år 2023: 12 %');
    const table = page.getByRole('table', { name: 'Andel per år i Spånga-Tensta' });
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['2014', '–', '–', '8 %'],
      ['2017', '26 %', '–', '11 %'],
      ['2020', '13 %', '–', '9 %'],
      ['2023', '12 %', '450', '9 %'],
    ]);
    // 12 % of 450 and 9 % of 12,000 (Wilson, 95 %, worked by hand from the closed form): 9,3–15,3 % and 8,5–9,5 %.
    expect(rows[3]![2]).toBe('9,3–15,3 %');
    expect(rows[3]![5]).toBe('8,5–9,5 %');
    expect(rows[1]![2]).toBe('–');
    expect(await page.getByText('För 2 år anger källan inte antalet svarande').count()).toBe(1);
    expect(await chart.locator('.survey-ci').count()).toBe(3);
    await expectAccessible(page, 'surveys: series');
    await shot(page, 'surveys-series-1280');
  });

  it('fits a phone without sideways scrolling', async () => {
    const phone = await h.newPage({ width: 390, height: 844 });
    await signIn(phone, h, 'samordnare.eav');
    await open(phone, h, page.url().replace(h.server.url, ''), 'Spånga-Tensta');
    await phone.getByRole('table', { name: 'Andel per år i Spånga-Tensta' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const svgWidth = await phone.locator('.survey-chart svg').evaluate((el) => el.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'surveys: series on a phone');
    await shot(phone, 'surveys-series-390');
  });

  it("makes the item a problem's indicator, shown on the problem's page", async () => {
    const form = page.getByRole('region', { name: 'Använd som indikator för ett problem' });
    await form.getByRole('button', { name: 'Koppla till problemet' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Välj det problem som frågan ska vara indikator för.');
    const select = form.getByLabel('Problem');
    const title = (await select.locator('option').nth(1).innerText()).trim();
    await select.selectOption({ label: title });
    await form.getByRole('button', { name: 'Koppla till problemet' }).click();
    await page.getByText(`Frågan är nu indikator för ”${title}”.`).waitFor();
    await page.getByRole('link', { name: 'Öppna problemet' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.locator('main').innerText()).toContain(
      `Trygghetsmätning: ${WORRIED}, Spånga-Tensta: 2017 26 % → 2023 12 % (lägre andel är bättre)`,
    );
    await shot(page, 'surveys-problem-indicator');
  });
});
