import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Harness,
  open,
  printA11ySummary,
  SHOTS,
  shot,
  signIn,
  startHarness,
  pdfFirstPageShot,
  pdfText,
} from './pages.js';

/**
 * The worked Högdalen library evaluation: from the Högdalen model measure, a coordinator follows "Utvärdera"
 * to the evaluation and reads its design and the table of effects, on a desktop and on a phone, then downloads
 * the evaluation as a PDF report whose first page is rendered to look at; then designs a new evaluation of the
 * same measure with the form, and changes the draft.
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
    const text = pdfText(body).replace(/\s+/g, ' ');
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
    pdfFirstPageShot(body, 'evaluation-report-pdf');
  });

  it('designs a new evaluation from the measure: a suggested comparison place, the default periods, saved as a draft', async () => {
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const measures = await (await page.request.get(`${h.server.url}/api/measures`)).json();
    const model = measures.find((m: { title: string }) => m.title.startsWith('Högdalsmodellen'));
    await open(page, h, `/measures/${model.id}`, 'Högdalsmodellen: tryggare bibliotek');
    await page.getByRole('link', { name: 'Utvärdera', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Utvärdera åtgärden/ }).waitFor();
    const treatment = page.getByRole('group', { name: 'Åtgärdsplatser' });
    await treatment.getByText('Högdalens bibliotek').waitFor();
    // The default periods: as long as each other, the implementation left out between them.
    const day = (id: string) => page.locator(`#evaluation-${id}`).inputValue();
    const [beforeFrom, beforeTo, afterFrom, afterTo] = await Promise.all(
      ['before-from', 'before-to', 'after-from', 'after-to'].map(day),
    );
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(beforeFrom!, beforeTo!)).toBe(days(afterFrom!, afterTo!));
    expect(days(beforeTo!, afterFrom!)).toBeGreaterThan(1);
    await page.getByText(/^Tiden .* räknas inte: då pågick arbetet/).waitFor();

    // One invalid submit: no title, no incidents, no comparison place; each error at its field, in Swedish.
    await page.getByLabel('Rubrik').fill('');
    await page.getByRole('button', { name: 'Spara utvärderingen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Utvärderingen kunde inte sparas' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Skriv en rubrik (högst 200 tecken).',
      'Välj minst en typ av händelse.',
      'Välj minst en jämförelseplats.',
    ]);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await page.locator('#evaluation-title').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByRole('group', { name: /^Händelser som räknas/ })
      .getByText('Välj minst en typ av händelse.')
      .waitFor();
    await expectAccessible(page, 'evaluation form: errors');
    await shot(page, 'evaluation-form-errors-1280');

    const title = 'Högdalsmodellen: personalens rapporter, första året';
    await page.getByLabel('Rubrik').fill(title);
    const incidents = page.getByRole('group', { name: /^Händelser som räknas/ });
    await incidents.getByLabel('Ordningsstörning').check();
    await incidents.getByLabel('Skadegörelse').check();

    // The suggestions say why; the first is added with the keyboard.
    const suggestions = page.getByRole('region', { name: 'Förslag på jämförelseplatser' });
    await suggestions
      .getByText(/^Samma typ av plats \(bibliotek\)/)
      .first()
      .waitFor();
    const first = suggestions.locator('li').first();
    const comparisonName = await first.locator('strong').innerText();
    await first.getByRole('button', { name: new RegExp(`^Lägg till\\W+${comparisonName}$`) }).focus();
    await page.keyboard.press('Enter');
    await first.getByText('Tillagd').waitFor();
    const chosen = page.getByRole('group', { name: 'Valda jämförelseplatser' }).locator('ul.plain-list > li');
    expect((await chosen.allInnerTexts()).map((x) => x.startsWith(comparisonName))).toEqual([true]);
    await expectAccessible(page, 'evaluation form: filled in');
    await shot(page, 'evaluation-form-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'evaluation-form-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Spara utvärderingen' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Utvärderingen är sparad som utkast.').waitFor();
    const design = page.locator('dl.evaluation-design');
    await design.getByText(comparisonName).waitFor();
    await design.getByText('Ring på 250 meter runt åtgärdsplatsen').waitFor();
    await design.getByText(/Ordningsstörning, Skadegörelse|Skadegörelse, Ordningsstörning/).waitFor();
    expect(await page.locator('.inbox-kind').textContent()).toContain('Utkast');

    // The draft is changed from its page: no buffer area this time.
    await page.getByRole('link', { name: 'Ändra upplägget' }).click();
    await page.getByRole('heading', { level: 1, name: /^Ändra upplägget/ }).waitFor();
    expect(await page.getByLabel('Rubrik').inputValue()).toBe(title);
    await page.getByLabel('Inget buffertområde').check();
    await expectAccessible(page, 'evaluation form: change a draft');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    await design.getByText(/^Inget/).waitFor();
  }, 90_000);

  it("lets the library's editor record a month's visitors and opening hours on the place page", async () => {
    const library = await h.newPage();
    library.setDefaultTimeout(10_000);
    await signIn(library, h, 'bibliotek');
    const places = await (await library.request.get(`${h.server.url}/api/places?q=H%C3%B6gdalens`)).json();
    const place = places.find((p: { name: string }) => p.name === 'Högdalens bibliotek');
    await open(library, h, `/places/${place.id}`, 'Högdalens bibliotek');
    const section = library.getByRole('region', { name: 'Besökare och öppettider per månad' });
    const table = section.getByRole('table', { name: 'Registrerade månader, senaste först' });
    expect(await table.locator('tbody th').first().innerText()).toBe('2020-06');

    await library.locator('#place-figure-month').fill('2021-01');
    await library.locator('#place-figure-visitors').fill('många');
    await section.getByRole('button', { name: 'Spara månaden' }).click();
    const summary = section.getByRole('alert').filter({ hasText: 'Månaden kunde inte sparas' });
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Ange antalet besökare som ett heltal, eller öppettimmar om besökarna saknas.',
    ]);
    await expectAccessible(library, 'place figures: error');

    await library.locator('#place-figure-visitors').fill('4 200');
    await library.locator('#place-figure-opening-hours').fill('180');
    await section.getByRole('button', { name: 'Spara månaden' }).click();
    await section.getByText('Månaden 2021-01 är sparad.').waitFor();
    const first = (await table.locator('tbody tr').first().innerText()).split('\t');
    expect(first.map((c) => c.replace(/\s/g, ''))).toEqual(['2021-01', '4200', '180']);
    await expectAccessible(library, 'place figures: saved');
    await section.scrollIntoViewIfNeeded();
    await library.screenshot({ path: `${SHOTS}/place-figures-1280.png` });
    await library.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    expect(await library.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    await library.screenshot({ path: `${SHOTS}/place-figures-390.png` });
    await library.close();
  }, 60_000);
});
