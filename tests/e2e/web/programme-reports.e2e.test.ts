import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/domain/calendar/index.js';
import type { Agreement, PublicAgreement } from '../../../src/domain/agreements.js';
import type { QualityReport } from '../../../src/domain/quality.js';
import type { CityView } from '../../../src/domain/views.js';
import { expectAccessible, type Harness, open, printA11ySummary, settle, shot, signIn, startHarness } from './pages.js';

/**
 * The programme's follow-up: the coordinator of Enskede-Årsta-Vantör reads the district's quality report,
 * follows its links and downloads it; the city view and the annual report; the library unit's view with its
 * premises; the district's agreements, where the coordinator approves a public text; and an anonymous visitor's
 * public progress page, which shows only approved text.
 */
let h: Harness;
let coordinator: Page;
let eavUnit = '';
const EAV = 'Enskede-Årsta-Vantörs stadsdelsnämnd';
const GAP = 'Nedskräpning och klotter i Rågsvedsparken';
const COLLABORATION = 'Samverkansöverenskommelse Enskede-Årsta-Vantör';
/** Free text staff wrote that nobody approved for the public: seeded summaries, measure titles, problem statements. */
const UNAPPROVED = [
  'Internt: löftet följs upp',
  'Utkast till gemensam lägesbild',
  'Medborgarlöfte Enskede-Årsta-Vantör',
  COLLABORATION,
  'Synlig polisnärvaro vid Högdalstorget',
  'Högdalsmodellen',
  'Stök och bråk kring torget',
  'Ordningsstörningar vid Högdalstorget',
];
const APPROVED = `Vi samverkar om tryggheten i Högdalen och Rågsved ${Date.now()}.`;
const NEW_AGREEMENT = `Medborgarlöfte Rågsved ${Date.now()}`;
/** A seeded measure in the district, with a problem that has a baseline: the new agreement's activity and indicator. */
const ACTIVITY = 'Synlig polisnärvaro vid Högdalstorget helgkvällar';

beforeAll(async () => {
  h = await startHarness();
  coordinator = await h.newPage();
  await signIn(coordinator, h, 'samordnare.eav');
  const units = (await (await coordinator.request.get(`${h.server.url}/api/units?kind=district`)).json()) as Array<{
    id: string;
    name: string;
  }>;
  eavUnit = units.find((u) => u.name === EAV)?.id ?? '';
  expect(eavUnit).not.toBe('');
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('quality report', () => {
  it("opens on the coordinator's district with the seeded defects, each linking to what to fix", async () => {
    await open(coordinator, h, '/', 'Trygghet i Stockholm');
    await coordinator.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppföljning' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Stadsöversikt' }).waitFor();
    await coordinator
      .getByRole('navigation', { name: 'Uppföljning av trygghetsprogrammet' })
      .getByRole('link', { name: 'Kvalitetsrapport' })
      .click();
    await coordinator.getByRole('heading', { level: 1, name: `Kvalitetsrapport: ${EAV}` }).waitFor();
    await settle(coordinator);

    const api = (await (
      await coordinator.request.get(`${h.server.url}/api/quality?scope=district&unit_id=${eavUnit}`)
    ).json()) as QualityReport;
    const gap = api.items.find((i) => i.check === 'problem_without_measure' && i.title === GAP);
    expect(gap).toBeDefined();
    expect(api.items.some((i) => i.check === 'agreement_review_overdue' && i.title === COLLABORATION)).toBe(true);
    // Every item the server found is on the page, in its own section.
    expect(await coordinator.getByRole('status').filter({ hasText: /brist/ }).textContent()).toBe(
      `${api.items.length} brist${api.items.length === 1 ? '' : 'er'}`,
    );
    for (const item of api.items) {
      const section = coordinator.locator(`section[data-check="${item.check}"]`);
      await section.getByRole('rowheader', { name: item.title }).first().waitFor();
    }
    const noMeasure = coordinator.locator('section[data-check="problem_without_measure"]');
    expect(await noMeasure.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Problem utan åtgärd\d+$/);
    await coordinator.getByText('Kan inte uppstå: en åtgärd måste riktas mot minst ett problem').waitFor();
    await expectAccessible(coordinator, 'quality report (district)');
    await shot(coordinator, 'web-quality-report');

    await noMeasure.getByRole('link', { name: `Öppna problemet – ${GAP}` }).click();
    await coordinator.waitForURL(`**/problems/${gap!.link.id}`);
    await coordinator.getByRole('heading', { level: 1, name: GAP }).waitFor({ timeout: 20_000 });
  }, 120_000);

  it('downloads the report as Excel and PDF', async () => {
    await open(coordinator, h, `/quality?scope=district&unit=${eavUnit}`, `Kvalitetsrapport: ${EAV}`);
    const link = coordinator.getByRole('link', { name: 'Ladda ner som Excel' });
    const [download] = await Promise.all([coordinator.waitForEvent('download'), link.click()]);
    expect(new URL(download.url()).searchParams.get('unit_id')).toBe(eavUnit);
    expect(download.suggestedFilename()).toMatch(/^kvalitetsrapport-district-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    // The same request as the browser's download, to see the answer's headers.
    const response = await coordinator.request.get(download.url());
    expect([response.status(), response.headers()['content-type']]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const pdf = await coordinator.request.get(
      `${h.server.url}${await coordinator.getByRole('link', { name: 'Ladda ner som PDF' }).getAttribute('href')}`,
    );
    expect([pdf.status(), (await pdf.body()).subarray(0, 4).toString()]).toEqual([200, '%PDF']);
  }, 60_000);

  it('follows an overdue review to the agreement on the staff page', async () => {
    await open(coordinator, h, `/quality?scope=district&unit=${eavUnit}`, `Kvalitetsrapport: ${EAV}`);
    await coordinator
      .locator('section[data-check="agreement_review_overdue"]')
      .getByRole('link', { name: `Öppna överenskommelsen – ${COLLABORATION}` })
      .click();
    await coordinator.getByRole('heading', { level: 1, name: `Lokala överenskommelser: ${EAV}` }).waitFor();
    await coordinator.waitForFunction((name) => document.activeElement?.textContent === name, COLLABORATION);
    expect(new URL(coordinator.url()).hash).toMatch(/^#agreement-/);
  }, 60_000);
});

describe('city view, annual report and unit view', () => {
  it('shows every district side by side with a summary card each', async () => {
    await open(coordinator, h, '/city', 'Stadsöversikt');
    const api = (await (await coordinator.request.get(`${h.server.url}/api/views/city`)).json()) as CityView;
    const table = coordinator.getByRole('table', { name: 'Programmet per stadsdelsnämnd' });
    expect(await table.locator('tbody tr').count()).toBe(api.districts.length);
    const eav = api.districts.find((d) => d.district.id === eavUnit)!;
    const cells = await table
      .getByRole('row', { name: new RegExp(`^${EAV}`) })
      .getByRole('cell')
      .allTextContents();
    expect(cells.at(-1)).toBe(String(eav.quality_total));
    expect(await coordinator.locator('.summary-card').count()).toBe(api.districts.length);
    const card = coordinator.locator('.summary-card', { hasText: EAV });
    expect(await card.getByRole('link', { name: `Kvalitetsrapport (${eav.quality_total})` }).getAttribute('href')).toBe(
      `/quality?scope=district&unit=${eavUnit}`,
    );
    await expectAccessible(coordinator, 'city view');
    await shot(coordinator, 'web-city-view');
  }, 60_000);

  it("reports the district's year with download links", async () => {
    await open(coordinator, h, '/annual', /^Årsrapport \d{4}: /);
    expect(await coordinator.locator('h1').textContent()).toContain(EAV);
    const year = new Date().getFullYear();
    const api = (await (
      await coordinator.request.get(`${h.server.url}/api/reports/annual?scope=district&unit_id=${eavUnit}&year=${year}`)
    ).json()) as { totals: { measures: number; measures_by_status: { done: number } } };
    const headline = (label: string) =>
      coordinator.locator('.totals div', { hasText: label }).locator('dd').textContent();
    expect([await headline('Åtgärder som pågick under året'), await headline('varav genomförda')]).toEqual([
      String(api.totals.measures),
      String(api.totals.measures_by_status.done),
    ]);
    const xlsx = await coordinator.request.get(
      `${h.server.url}${await coordinator.getByRole('link', { name: 'Ladda ner som Excel' }).getAttribute('href')}`,
    );
    expect([xlsx.status(), xlsx.headers()['content-disposition']]).toEqual([
      200,
      `attachment; filename="arsuppfoljning-district-${year}.xlsx"`,
    ]);
    await expectAccessible(coordinator, 'annual report (district)');
    await shot(coordinator, 'web-annual-report');
  }, 60_000);

  it("shows the library unit's measures in every district and its premises in the plans they touch", async () => {
    const library = await h.newPage();
    await signIn(library, h, 'bibliotek');
    await open(library, h, '/units', 'Kulturnämnden/Kulturförvaltningen');
    const measure = library
      .getByRole('table', { name: /Åtgärder som enheten ansvarar för/ })
      .getByRole('row', { name: /Högdalsmodellen/ });
    expect(await measure.textContent()).toContain(EAV);
    const premise = library
      .getByRole('table', { name: 'Enhetens lokaler' })
      .getByRole('row', { name: /^Högdalens bibliotek/ });
    expect(await premise.textContent()).toContain(EAV);
    await expectAccessible(library, 'unit view (library)');
    await shot(library, 'web-unit-view');
  }, 60_000);
});

describe('local agreements', () => {
  it('shows anonymous visitors only approved text, then the text a coordinator approves', async () => {
    const visitor = await h.newPage();
    const response = visitor.waitForResponse((r) => r.url().includes('/api/public/agreements'));
    await open(visitor, h, '/overenskommelser', 'Lokala överenskommelser med polisen');
    const body = await (await response).text();
    const agreements = JSON.parse(body) as PublicAgreement[];
    expect(
      agreements
        .filter((a) => a.district === EAV)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['citizen_promise', 'collaboration_agreement']);
    const main = async () => (await visitor.locator('main').textContent()) ?? '';
    for (const secret of UNAPPROVED) {
      expect(body).not.toContain(secret);
      expect(await main()).not.toContain(secret);
    }
    expect(body).not.toMatch(/"(lon|lat)"/);
    await visitor.getByTestId('public-text').filter({ hasText: 'Polisen och stadsdelsförvaltningen lovar' }).waitFor();
    const collaboration = visitor.locator('article', {
      has: visitor.getByRole('heading', { name: `Samverkansöverenskommelse – ${EAV}` }),
    });
    await collaboration.getByText('Ingen beskrivning publicerad ännu.').waitFor();
    await expectAccessible(visitor, 'public agreements (visitor)');
    await shot(visitor, 'web-public-agreements');

    await open(coordinator, h, `/agreements?district=${eavUnit}`, `Lokala överenskommelser: ${EAV}`);
    const staff = coordinator.locator('article', { has: coordinator.getByRole('heading', { name: COLLABORATION }) });
    await staff.getByText('Utkast till gemensam lägesbild').waitFor();
    await expectAccessible(coordinator, 'agreements (coordinator)');
    await shot(coordinator, 'web-agreements-staff');
    await staff.getByRole('button', { name: 'Godkänn text' }).click();
    await staff.getByText('Skriv en text att godkänna.').waitFor();
    await staff.getByLabel('Text att godkänna för den offentliga sidan').fill(APPROVED);
    await staff.getByRole('button', { name: 'Godkänn text' }).click();
    await staff.getByText('Texten är godkänd och visas på den offentliga sidan.').waitFor();

    await open(visitor, h, `/overenskommelser?district=${eavUnit}`, 'Lokala överenskommelser med polisen');
    await collaboration.getByText(APPROVED).waitFor();
    for (const secret of UNAPPROVED) expect(await main()).not.toContain(secret);
  }, 90_000);

  it('records a new agreement, its six-monthly review with an assessment of each activity and indicator, and edits it', async () => {
    await open(coordinator, h, `/agreements?district=${eavUnit}`, `Lokala överenskommelser: ${EAV}`);
    await coordinator.getByRole('link', { name: 'Ny överenskommelse' }).click();
    await coordinator
      .getByRole('heading', { level: 1, name: `Ny lokal överenskommelse: ${EAV}` })
      .waitFor({ timeout: 20_000 });
    await settle(coordinator);
    await coordinator.getByRole('button', { name: 'Registrera överenskommelsen' }).click();
    const summary = coordinator.locator('.error-summary');
    await summary.getByRole('link', { name: 'Välj minst ett prioriterat område.' }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Välj slag av överenskommelse.',
      'Skriv en rubrik (högst 200 tecken).',
      'Ange ett slutdatum som inte är före startdatumet.',
      'Välj minst ett prioriterat område.',
    ]);
    await expectAccessible(coordinator, 'new agreement: errors');

    await coordinator.getByRole('radio', { name: 'Medborgarlöfte' }).check();
    expect(await coordinator.getByLabel('Part').locator('option:checked').textContent()).toMatch(/[Pp]olis/);
    await coordinator.getByLabel('Rubrik').fill(NEW_AGREEMENT);
    await coordinator.getByLabel('Intern sammanfattning').fill('Internt: följs upp på samverkansmötet.');
    await coordinator.getByLabel('Gäller till').fill('2099-12-31');
    await coordinator
      .getByRole('group', { name: /Prioriterade områden/ })
      .getByRole('checkbox', { name: 'Rågsved' })
      .check();
    await coordinator
      .getByRole('group', { name: 'Aktiviteter' })
      .getByRole('checkbox', { name: new RegExp(`^${ACTIVITY}`) })
      .check();
    await coordinator.getByText(/^Ordningsstörningar vid Högdalstorget .*: nollmätning \d+/).waitFor();
    await expectAccessible(coordinator, 'new agreement: filled in');
    await shot(coordinator, 'web-agreement-new');
    await coordinator.getByRole('button', { name: 'Registrera överenskommelsen' }).click();

    await coordinator.getByRole('heading', { level: 1, name: `Lokala överenskommelser: ${EAV}` }).waitFor();
    await coordinator.waitForFunction((name) => document.activeElement?.textContent === name, NEW_AGREEMENT);
    const article = coordinator.locator('article', { has: coordinator.getByRole('heading', { name: NEW_AGREEMENT }) });
    await article.getByText('Överenskommelsen är registrerad.').waitFor();
    await article.getByText('Ingen omprövning registrerad än.').waitFor();
    await article.getByRole('link', { name: `Registrera omprövning: ${NEW_AGREEMENT}` }).click();

    await coordinator.getByRole('heading', { level: 1, name: `Omprövning: ${NEW_AGREEMENT}` }).waitFor();
    await settle(coordinator);
    const today = await coordinator.getByLabel('Datum för omprövningen').inputValue();
    expect(await coordinator.getByTestId('next-review').textContent()).toMatch(/^Nästa omprövning blir senast .+\.$/);
    await coordinator.getByRole('button', { name: 'Registrera omprövningen' }).click();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Välj en bedömning.', 'Välj en bedömning.']);
    await summary.getByRole('link').first().click();
    expect(await coordinator.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('as_planned');
    await expectAccessible(coordinator, 'agreement review: errors');
    await coordinator.getByRole('radio', { name: 'Delvis' }).check();
    await coordinator.getByRole('radio', { name: 'Oklart' }).check();
    await coordinator
      .getByLabel('Vad parterna kom fram till')
      .fill('Polisnärvaron fortsätter; ny genomgång till våren.');
    await coordinator.getByLabel(`Kommentar om ${ACTIVITY}`, { exact: false }).fill('Tre av fyra helger');
    await expectAccessible(coordinator, 'agreement review: filled in');
    await shot(coordinator, 'web-agreement-review');
    await coordinator.getByRole('button', { name: 'Registrera omprövningen' }).click();

    await article.getByText('Omprövningen är registrerad.').waitFor();
    const table = article.getByRole('table', { name: /^Bedömningar vid omprövningen/ });
    const row = table.getByRole('row', { name: new RegExp(`^${ACTIVITY}`) });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Aktivitet', 'Delvis', 'Tre av fyra helger']);
    await article.getByText('Polisnärvaron fortsätter; ny genomgång till våren.').waitFor();
    const id = (await article.getAttribute('id'))!.replace('agreement-', '');
    const saved = (await (await coordinator.request.get(`${h.server.url}/api/agreements/${id}`)).json()) as Agreement;
    expect(saved).toMatchObject({
      kind: 'citizen_promise',
      last_review: today,
      review_overdue: false,
      areas: [{ name: 'Rågsved' }],
      activities: [{ title: expect.stringContaining(ACTIVITY) }],
    });
    expect(saved.next_review).toBe(addMonths(today, 6));
    expect(saved.reviews[0]).toMatchObject({
      reviewed_on: today,
      activities: [{ assessment: 'partly' }],
      indicators: [{ assessment: 'unclear' }],
    });
    await expectAccessible(coordinator, 'agreements with a review (coordinator)');
    await shot(coordinator, 'web-agreements-reviewed');

    await article.getByRole('link', { name: `Ändra: ${NEW_AGREEMENT}` }).click();
    await coordinator.getByRole('heading', { level: 1, name: `Ändra överenskommelsen: ${EAV}` }).waitFor();
    await settle(coordinator);
    expect(await coordinator.getByLabel('Rubrik').inputValue()).toBe(NEW_AGREEMENT);
    await coordinator.getByLabel('Rubrik').fill(`${NEW_AGREEMENT} (reviderat)`);
    await coordinator.getByRole('button', { name: 'Spara ändringarna' }).click();
    const edited = coordinator.locator('article', {
      has: coordinator.getByRole('heading', { name: `${NEW_AGREEMENT} (reviderat)` }),
    });
    await edited.getByText('Ändringarna är sparade.').waitFor();
    await edited.getByRole('table', { name: /^Bedömningar vid omprövningen/ }).waitFor();
  }, 120_000);
});
