import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfToken,
  expectAccessible,
  type Harness,
  open,
  printA11ySummary,
  settle,
  shot,
  signIn,
  startHarness,
  pdfFirstPageShot,
  pdfText,
} from './pages.js';

/**
 * The committee reporting cycle in the browser: the city's office (admin) opens the current tertial, the culture
 * administration's editor writes and submits its follow-up, the office sees it submitted beside the units that
 * have not begun, opens the compiled report and downloads its PDF — whose first page is rendered to look at. An
 * unsigned visitor then reads the adopted programme's follow-up: the seeded closed tertial, without any unit's text.
 */
let h: Harness;
let admin: Page;
let editor: Page;
const STAMP = Date.now();
const SUMMARY = `Biblioteksvärdar har funnits kvällstid i Högdalen och Rinkeby hela tertialen (${STAMP}).`;
const COMMENT = `Biblioteken upplevs som tryggare rum inomhus (${STAMP}).`;
const CULTURE = 'Kulturnämnden/Kulturförvaltningen';
const day = (offset: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + offset * 86_400_000));
const TODAY = day(0);
const YEAR = Number(TODAY.slice(0, 4));
const TERTIAL = Math.floor((Number(TODAY.slice(5, 7)) - 1) / 4) + 1;
const PERIOD = `Tertial ${TERTIAL} ${YEAR}`;
let periodPath = '';

const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  h = await startHarness();
  admin = await h.newPage();
  await signIn(admin, h, 'admin');
  editor = await h.newPage();
  await signIn(editor, h, 'bibliotek');
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('the reporting cycle', () => {
  it('is reached from Programmet; the office opens the current tertial with a deadline', async () => {
    await open(admin, h, '/programmes', 'Programmet');
    await admin.getByRole('link', { name: 'Rapportering per tertial och helår' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Rapportering till nämnden' }).waitFor();
    await settle(admin);
    // The seeded past tertial is there, closed, with three of its units' follow-ups in.
    expect(await admin.locator('main table').textContent()).toContain('Stängd');
    await admin.getByLabel('År').selectOption(String(YEAR));
    await admin.getByLabel('Period', { exact: true }).selectOption(String(TERTIAL));
    await admin.getByRole('button', { name: 'Öppna perioden' }).click();
    // Without a deadline the form says so at the field.
    await admin.locator('#period-deadline-error').waitFor();
    await admin.getByLabel(/Sista dag att lämna uppföljningen/).fill(day(7));
    await admin.getByRole('button', { name: 'Öppna perioden' }).click();
    await admin.getByRole('heading', { level: 1, name: PERIOD }).waitFor();
    await settle(admin);
    periodPath = new URL(admin.url()).pathname;
    expect(await admin.locator('main table').textContent()).toContain('Inte påbörjad');
    await expectAccessible(admin, 'reporting period, just opened');
  }, 120_000);

  it("lets the culture administration's editor write and submit its follow-up, which then reads as frozen", async () => {
    await open(editor, h, '/programmes/reporting', 'Rapportering till nämnden');
    await editor.getByRole('link', { name: `${CULTURE}, ${PERIOD}` }).click();
    await editor.getByRole('heading', { level: 1, name: `Uppföljning ${PERIOD}: ${CULTURE}` }).waitFor();
    await settle(editor);
    expect(await editor.getByRole('heading', { name: 'Siffror för perioden' }).count()).toBe(1);
    // Submitting without a summary is refused at the field, with the focus on it.
    await editor.getByRole('button', { name: 'Skicka in uppföljningen' }).click();
    await editor.locator('#followup-summary-error').waitFor();
    expect(await editor.evaluate(() => document.activeElement?.id)).toBe('followup-summary');
    await editor.getByLabel(/Sammanfattning av perioden/).fill(SUMMARY);
    await editor
      .locator('fieldset', { hasText: 'Ökad trygghet i offentlig miljö' })
      .getByLabel('Kommentar till målet')
      .fill(COMMENT);
    await editor.getByRole('button', { name: 'Spara utkast' }).click();
    await editor.getByText('Utkastet är sparat.').waitFor();
    // A colleague saves the same draft meanwhile: the next save here is refused with a way to load theirs.
    const [, periodId, unitId] = /reporting\/([^/]+)\/units\/([^/]+)/.exec(new URL(editor.url()).pathname)!;
    const colleague = await editor.request.put(`${h.server.url}/api/reporting-periods/${periodId}/units/${unitId}`, {
      headers: { 'X-CSRF-Token': await csrfToken(editor, h) },
      data: { summary: `Kollegans text (${STAMP}).` },
    });
    expect(colleague.status()).toBe(200);
    await editor.getByRole('button', { name: 'Spara utkast' }).click();
    await editor
      .getByRole('alert')
      .getByText(/Någon annan har ändrat uppgiften/)
      .waitFor();
    await shot(editor, 'web-reporting-followup-stale-1280');
    await editor.getByRole('button', { name: 'Ladda den senaste versionen' }).click();
    await editor.waitForFunction(
      (text) => (document.querySelector('#followup-summary') as HTMLTextAreaElement | null)?.value === text,
      `Kollegans text (${STAMP}).`,
    );
    await editor.getByLabel(/Sammanfattning av perioden/).fill(SUMMARY);
    await editor.getByRole('button', { name: 'Spara utkast' }).click();
    await editor.getByText('Utkastet är sparat.').waitFor();
    await expectAccessible(editor, 'unit follow-up, draft');
    await shot(editor, 'web-reporting-followup-draft-1280');
    await editor.setViewportSize({ width: 390, height: 844 });
    expect(await noOverflow(editor)).toBe(true);
    await shot(editor, 'web-reporting-followup-draft-390');
    await editor.setViewportSize({ width: 1280, height: 900 });
    await editor.getByRole('button', { name: 'Skicka in uppföljningen' }).click();
    await editor.getByText(/Siffrorna är de som gällde då/).waitFor();
    await settle(editor);
    expect(await editor.getByRole('button', { name: 'Skicka in uppföljningen' }).count()).toBe(0);
    expect(await editor.locator('main').textContent()).toContain(SUMMARY);
    await shot(editor, 'web-reporting-followup-submitted-1280');
  }, 120_000);

  it('shows the office who has submitted, and the compiled report per goal with its PDF', async () => {
    await open(admin, h, periodPath, PERIOD);
    const row = admin.locator('main tr', { hasText: CULTURE });
    expect(await row.locator('td').nth(1).textContent()).toBe('Inskickad');
    expect(
      await admin.locator('main tr', { hasText: 'Farsta stadsdelsnämnd' }).locator('td').nth(1).textContent(),
    ).toBe('Inte påbörjad');
    await shot(admin, 'web-reporting-period-1280');
    await admin.setViewportSize({ width: 390, height: 844 });
    expect(await noOverflow(admin)).toBe(true);
    await shot(admin, 'web-reporting-period-390');
    await admin.setViewportSize({ width: 1280, height: 900 });

    await admin.getByRole('link', { name: 'Sammanställd rapport per mål' }).click();
    await admin.getByRole('heading', { level: 1, name: `Sammanställd rapport: ${PERIOD}` }).waitFor();
    await settle(admin);
    const goal = admin.locator('section.goal-section', { hasText: 'Ökad trygghet i offentlig miljö' });
    expect(await goal.textContent()).toContain(COMMENT);
    await expectAccessible(admin, 'compiled report');
    await shot(admin, 'web-reporting-report-1280');
    await admin.setViewportSize({ width: 390, height: 844 });
    expect(await noOverflow(admin)).toBe(true);
    await shot(admin, 'web-reporting-report-390');
    await admin.setViewportSize({ width: 1280, height: 900 });

    const href = await admin.getByRole('link', { name: 'Ladda ner som PDF' }).getAttribute('href');
    const pdf = await admin.request.get(`${h.server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    const text = pdfText(body);
    for (const s of [
      `Uppföljning av trygghetsprogrammet, ${PERIOD}`,
      '1. Sammanfattning',
      '2. Stadsdelsnämndernas samordning',
      '3. Programmets mål',
      'Ökad trygghet i offentlig miljö',
      SUMMARY,
      COMMENT,
      'Inte påbörjad',
      'Sida 1 av',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|not_started|submitted/);
    pdfFirstPageShot(body, 'web-reporting-report-pdf');
  }, 120_000);

  it("shows an unsigned visitor the adopted programme's follow-up per goal, without the units' texts or drafts", async () => {
    const visitor = await h.newPage();
    const TITLE = 'Stockholms stads trygghetsprogram 2020–2023';
    await open(visitor, h, '/programmes', 'Programmet');
    await visitor.getByRole('link', { name: TITLE }).click();
    await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settle(visitor);
    const followup = visitor.locator('section[aria-labelledby="public-followup"]');
    await followup.getByRole('heading', { level: 3, name: /Ökad trygghet i offentlig miljö/ }).waitFor();
    // The seeded closed tertial with its three submitted units; the period opened above is still open.
    expect(await followup.textContent()).toMatch(/3 av \d+ nämnder och bolag lämnade/);
    expect(await followup.getByRole('table').count()).toBeGreaterThan(0);
    const main = (await visitor.locator('main').textContent()) ?? '';
    for (const s of ['Biblioteken är offentliga rum inomhus', 'biblioteksvärdar kvällstid', 'Utkast:', SUMMARY])
      expect(main).not.toContain(s);
    await expectAccessible(visitor, 'programme version, public follow-up');
    await followup.scrollIntoViewIfNeeded();
    await shot(visitor, 'web-programme-public-followup-1280');
    await visitor.setViewportSize({ width: 390, height: 844 });
    expect(await noOverflow(visitor)).toBe(true);
    await shot(visitor, 'web-programme-public-followup-390');
  }, 60_000);
});
