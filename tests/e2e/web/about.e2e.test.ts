import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessingRecord } from '../../../src/domain/gdpr.js';
import { type Harness, open, settle, shot, startHarness } from './pages.js';

/** The public information pages the law asks for, reached from the footer: accessibility statement and processing record. */
let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const footerLink = (name: string) =>
  page.getByRole('contentinfo').getByRole('navigation', { name: 'Om webbplatsen' }).getByRole('link', { name });

describe('accessibility statement', () => {
  it('is linked from the footer and follows DIGG’s template', async () => {
    await open(page, h, '/', 'Trygghet i Stockholm');
    await footerLink('Tillgänglighetsredogörelse').click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tillganglighet');

    const main = page.locator('main');
    const headings = await main.locator('h2').allTextContents();
    expect(headings).toEqual([
      'Hur tillgänglig är webbplatsen?',
      'Vad kan du göra om du inte kan använda delar av webbplatsen?',
      'Rapportera brister i webbplatsens tillgänglighet',
      'Tillsyn',
      'Teknisk information om webbplatsens tillgänglighet',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat webbplatsen',
    ]);
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('Stockholms stad är ansvarig för webbplatsen.');
    expect(text).toContain('lagen (2018:1937)');
    expect(text).toContain('delvis förenlig');
    expect(text).toMatch(/tabeller/);
    expect(text).toMatch(/beror på webbläsaren/);
    expect(text).toContain('axe');
    expect(text).toContain('tangentbordet');
    expect(text).toContain('Senaste bedömningen gjordes den 25 november 2026.');
    expect(await main.locator('a[href="mailto:tillganglighet@stockholm.example"]').count()).toBeGreaterThan(0);
    const digg = main.getByRole('link', { name: /Anmäl till Digg/ });
    expect(await digg.getAttribute('href')).toMatch(/^https:\/\/www\.digg\.se\//);
    await shot(page, 'web-accessibility');
  }, 60_000);

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('partially compliant');
    expect(await page.locator('main').textContent()).toContain('25 November 2026');
    await shot(page, 'web-accessibility-en');
    await page.getByRole('button', { name: 'Svenska' }).click();
  }, 60_000);
});

describe('processing of personal data', () => {
  it('renders the processing record from the API, linked from the footer', async () => {
    const record = (await (await fetch(`${h.server.url}/api/gdpr/processing-record`)).json()) as ProcessingRecord;
    expect(record.activities.length).toBeGreaterThan(0);
    await footerLink('Behandling av personuppgifter').click();
    await page.getByRole('heading', { level: 1, name: 'Behandling av personuppgifter' }).waitFor();
    await settle(page);
    expect(await page.getByTestId('controller').textContent()).toBe(record.controller);
    expect(await page.locator(`main a[href="mailto:${record.contact}"]`).count()).toBe(1);
    expect(await page.locator('.activity h3').allTextContents()).toEqual(record.activities.map((a) => a.name.sv));
    const first = page.locator('.activity').first();
    for (const field of ['purpose', 'legal_basis', 'data', 'recipients', 'retention'] as const) {
      expect(await first.textContent()).toContain(record.activities[0]![field].sv);
    }
    expect(await first.locator('dt').allTextContents()).toEqual([
      'Ändamål',
      'Rättslig grund',
      'Personuppgifter',
      'Mottagare',
      'Lagringstid',
    ]);
    const rows = page.locator('.retention-table tbody tr');
    expect(await rows.count()).toBe(record.retention_rules.length);
    expect(await rows.first().textContent()).toContain(`${record.retention_rules[0]!.months} månader`);
    await shot(page, 'web-processing-record');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Processing of personal data' }).waitFor();
    expect(await page.locator('.activity h3').allTextContents()).toEqual(record.activities.map((a) => a.name.en));
    expect(await page.locator('.retention-table tbody tr').first().textContent()).toContain(
      record.retention_rules[0]!.what.en,
    );
    await shot(page, 'web-processing-record-en');
    await page.getByRole('button', { name: 'Svenska' }).click();
  }, 60_000);

  it('is linked from the e-mail opt-in of the report form, opening in a new tab', async () => {
    await open(page, h, '/report', 'Rapportera');
    const link = page.getByRole('link', { name: /Så behandlar vi personuppgifter/ });
    expect(await link.getAttribute('href')).toBe('/personuppgifter');
    expect(await link.textContent()).toContain('öppnas i ny flik');
    // The opt-in checkbox is described by the text with the link.
    const describedBy = await page.getByLabel(/besked via e-post/).getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy} a[href="/personuppgifter"]`).count()).toBe(1);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.getByRole('heading', { level: 1, name: 'Behandling av personuppgifter' }).waitFor();
    await tab.close();
    // The form in the first tab is untouched.
    expect(await page.getByRole('heading', { level: 1, name: 'Rapportera' }).count()).toBe(1);
  }, 60_000);

  it('never asked anything of another host (the Digg link is only a link)', () => {
    expect(h.foreignRequests).toEqual([]);
  });
});
