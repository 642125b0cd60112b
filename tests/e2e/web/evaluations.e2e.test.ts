import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Harness, open, printA11ySummary, SHOTS, shot, signIn, startHarness } from './pages.js';

/**
 * The worked Högdalen library evaluation: from the Högdalen model measure, a coordinator follows "Utvärdera"
 * to the evaluation and reads its design and the table of effects, on a desktop and on a phone, then downloads
 * the evaluation as a PDF report whose first page is rendered to look at.
 */
let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await signIn(page, h, 'samordnare.eav');
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('evaluating a measure', () => {
  it('opens the Högdalen evaluation from its measure and shows the effects with their reading', async () => {
    const measures = await (await page.request.get(`${h.server.url}/api/measures`)).json();
    const model = measures.find((m: { title: string }) => m.title.startsWith('Högdalsmodellen'));
    await open(page, h, `/measures/${model.id}`, 'Högdalsmodellen: tryggare bibliotek');
    await page.getByRole('link', { name: /^Utvärdera: Högdalens modell/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Högdalens modell/ }).waitFor();
    const effects = page.getByRole('table', { name: 'Effekter' });
    await effects.waitFor();
    const rows = (await effects.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
    expect(rows.map((r) => r[0])).toEqual([
      'Relativ effektstorlek (RES)',
      'Skillnad i skillnader, veckovis',
      'Per besökare',
      'Tidsserie, åtgärdsplatsen ensam',
    ]);
    expect(rows[0]![3]).toMatch(/^Minskning med \d+ % \(95 % KI \d+–\d+ %\), sannolikt inte slump/);
    const counts = (await page.getByRole('table', { name: 'Antal händelser' }).locator('tbody tr').allInnerTexts()).map(
      (r) => r.split('\t')[0],
    );
    expect(counts).toEqual(['Åtgärdsplats', 'Jämförelseplatser', 'Buffertområde']);
    await page.getByRole('table', { name: 'Per zon i lokalen' }).getByRole('rowheader', { name: 'Entré' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Slutsats' }).waitFor();
    await expectAccessible(page, 'evaluation: Högdalen');
    await shot(page, 'evaluation-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: /^Högdalens modell/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'evaluation-390');
  });

  it('downloads the evaluation as a PDF report with the effects the page shows', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const reading = (await page.getByRole('table', { name: 'Effekter' }).locator('tbody tr').first().innerText())
      .split('\t')[3]!
      .replace(/\u2212/g, '-');
    const href = await page.getByRole('link', { name: 'Ladda ner som PDF' }).getAttribute('href');
    const pdf = await page.request.get(`${h.server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/filename="utvardering-hogdalens-bibliotek-2020\.pdf"/);
    const body = await pdf.body();
    const text = execFileSync('pdftotext', ['-', '-'], { input: body }).toString().replace(/\s+/g, ' ');
    for (const s of [
      'Utvärdering av Högdalsmodellen: tryggare bibliotek, Högdalens bibliotek',
      'Jämförelseplatser Farsta bibliotek, Skärholmens bibliotek',
      'Före-period 1 januari 2017 – 30 juni 2018',
      'Händelser per vecka, före och efter',
      'Relativ effektstorlek (RES)',
      reading,
      'Viktad förflyttningskvot (WDQ)',
      'Utvärderarens slutsats',
      'Sida 1 av',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|relative_effect|\u2212/);
    const file = `${SHOTS}/evaluation-report.pdf`;
    writeFileSync(file, body);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      `${SHOTS}/evaluation-report-pdf`,
    ]);
    rmSync(file);
  });
});
