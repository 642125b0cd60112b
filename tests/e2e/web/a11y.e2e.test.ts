import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible as scan,
  type Harness,
  open,
  printA11ySummary,
  settle,
  shot,
  signIn,
  startHarness,
} from './pages.js';

/**
 * axe-core (WCAG 2.0/2.1, A and AA) on every page and every state worth a look: signed out, signed in with
 * different roles, forms empty and with errors, Swedish and English, a phone. Any serious or critical
 * violation fails the test with a readable list; the rest is printed at the end.
 */
let h: Harness;
let page: Page;
let districtPath = '';
let placePath = '';
let incidentPath = '';

/** Whether Chromium tells assistive technology the element is invalid (its computed state, not an attribute). */
async function axInvalid(p: Page, selector: string): Promise<string | undefined> {
  const cdp = await p.context().newCDPSession(p);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.properties?.find((x) => x.name === 'invalid')?.value.value as string | undefined;
}

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  await h?.close();
});

describe('axe, signed out', () => {
  it('start page, current and earlier layout', async () => {
    await open(page, h, '/', 'Trygghet i Stockholm');
    await page.locator('.legend-list li, .legend-empty').first().waitFor();
    await scan(page, 'start (11 districts)');
    await open(page, h, '/?layout=earlier', 'Trygghet i Stockholm');
    await page.waitForFunction(() => document.querySelectorAll('#district-list tbody tr').length === 13);
    await scan(page, 'start (13 districts)');
    districtPath = new URL(
      (await page.getByRole('link', { name: 'Enskede-Årsta-Vantör' }).getAttribute('href'))!,
      h.server.url,
    ).pathname;
    // The map's list alternative is linked from the text that describes the map.
    const describedBy = await page.locator('.city-map').getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy} a[href="#district-list"]`).count()).toBe(1);
  }, 60_000);

  it('district, places, place detail', async () => {
    await open(page, h, '/', 'Trygghet i Stockholm');
    districtPath = new URL(
      (await page.getByRole('link', { name: 'Enskede-Årsta-Vantör' }).getAttribute('href'))!,
      h.server.url,
    ).pathname;
    await open(page, h, districtPath, 'Enskede-Årsta-Vantör');
    // The visitor's map as a table: every stadsdel with its count, linked from the map's description.
    const counts = page.getByRole('table', { name: 'Händelser per stadsdel de senaste 30 dagarna' });
    await counts.waitFor();
    expect(await counts.locator('tbody tr').count()).toBeGreaterThan(3);
    // Swedish data inside the Swedish page needs no mark.
    expect(await page.locator('h1').getAttribute('lang')).toBeNull();
    await expect.poll(() => counts.locator('tbody td').allInnerTexts()).not.toContain('…');
    for (const cell of await counts.locator('tbody td').allInnerTexts()) expect(cell).toMatch(/^\d[\d\s]*$/);
    expect(await page.locator('#district-map-note a[href="#neighbourhood-counts"]').count()).toBe(1);
    await scan(page, 'district (visitor, hexbins)');
    await open(page, h, '/places', 'Platser');
    await scan(page, 'places');
    placePath = (await page.getByRole('link', { name: 'Högdalens bibliotek' }).getAttribute('href'))!;
    await open(page, h, placePath, 'Högdalens bibliotek');
    expect(await page.locator('.place-map').getAttribute('aria-describedby')).toBe('place-map-note');
    await scan(page, 'place detail (visitor)');
  }, 60_000);

  it('report form: empty, with errors, with the e-mail field, confirmation and follow page', async () => {
    await open(page, h, '/report', 'Rapportera');
    await scan(page, 'report form, empty');
    // An empty required select is not announced as invalid before anyone tried to send the form.
    expect(await axInvalid(page, '#report-category')).toBe('false');
    await page.getByRole('button', { name: 'Skicka rapport' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await axInvalid(page, '#report-category')).toBe('true');
    await scan(page, 'report form, with errors');
    await shot(page, 'web-a11y-report-errors');

    await page.locator('#report-place option', { hasText: 'Högdalens bibliotek' }).waitFor({ state: 'attached' });
    await page.getByLabel('Välj plats').selectOption({ label: 'Högdalens bibliotek' });
    await page.getByLabel('Kategori').selectOption({ label: 'Klotter' });
    await page.getByLabel(/besked via e-post/).check();
    await page.getByLabel('E-postadress').fill('inte-en-adress');
    await page.getByRole('button', { name: 'Skicka rapport' }).click();
    await page.locator('#report-email-error').waitFor();
    await scan(page, 'report form, e-mail error');
    await page.getByLabel('E-postadress').fill('boende@example.org');
    await page.getByRole('button', { name: 'Skicka rapport' }).click();
    await page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor({ timeout: 15_000 });
    await page.locator('.report-status').waitFor();
    await scan(page, 'report confirmation (receipt)');

    const code = (await page.getByTestId('receipt-code').textContent()) ?? '';
    await open(page, h, `/follow/${code}`, 'Följ din rapport');
    await page.getByRole('heading', { name: `Rapport ${code}` }).waitFor();
    await scan(page, 'follow page with a result');
    await open(page, h, '/follow', 'Följ din rapport');
    await page.getByLabel('Kvittonummer').fill('fel');
    await page.getByRole('button', { name: 'Visa status' }).click();
    await page.locator('#follow-code-error').waitFor();
    await scan(page, 'follow page with an error');
    // A code of the right form that matches no report: the error is the field's, focused and said.
    await page.getByLabel('Kvittonummer').fill('TR-AAAA-AAAA');
    await page.getByRole('button', { name: 'Visa status' }).click();
    await page
      .locator('#follow-code-error', { hasText: 'Det finns ingen rapport med kvittonumret TR-AAAA-AAAA' })
      .waitFor();
    const field = page.locator('#follow-code');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('follow-code-error');
    expect(await field.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page.getByRole('status').innerText()).toContain('Det finns ingen rapport');
    expect(await page.title()).toBe('Okänt kvittonummer – Trygg');
    await scan(page, 'follow page, unknown code');
  }, 90_000);

  it('login, information pages, staff pages and a missing page', async () => {
    await open(page, h, '/login', 'Logga in');
    await scan(page, 'login');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'login with errors');
    await open(page, h, '/tillganglighet', 'Tillgänglighetsredogörelse');
    await scan(page, 'accessibility statement');
    await open(page, h, '/personuppgifter', 'Behandling av personuppgifter');
    await page.locator('.activity').first().waitFor();
    await scan(page, 'processing record');
    await open(page, h, '/incidents/00000000-0000-4000-8000-000000000000', 'Händelse');
    await scan(page, 'incident, signed out');
    await open(page, h, '/admin/audit', 'Granskningslogg');
    await scan(page, 'audit log, signed out');
    await open(page, h, '/finns-inte', 'Sidan finns inte.');
    await scan(page, 'not found');
  }, 60_000);

  it('public progress page of local agreements, and a staff report signed out', async () => {
    await open(page, h, '/overenskommelser', 'Lokala överenskommelser med polisen');
    await page.locator('.agreement').first().waitFor();
    await scan(page, 'public agreements');
    await open(page, h, '/quality', 'Kvalitetsrapport');
    await page.getByTestId('no-access').waitFor();
    await scan(page, 'quality report, signed out');
  }, 60_000);
});

describe('axe, signed in', () => {
  it('coordinator: start, district with points, place with incidents, incident with status form', async () => {
    await signIn(page, h, 'samordnare.eav');
    await open(page, h, '/', 'Trygghet i Stockholm');
    await page.locator('.incident-table').waitFor();
    await scan(page, 'start (coordinator)');
    await open(page, h, districtPath, 'Enskede-Årsta-Vantör');
    await page.locator('#latest-incidents').waitFor();
    await scan(page, 'district (coordinator, points and table)');
    await open(page, h, placePath, 'Högdalens bibliotek');
    await page.locator('.incident-table').waitFor();
    await scan(page, 'place detail (coordinator)');

    incidentPath = (await page.locator('.incident-link').first().getAttribute('href'))!;
    await open(page, h, incidentPath, /./);
    await page.getByRole('heading', { name: 'Ändra status' }).waitFor();
    // Category, time and district: one incident's tab title is not another's.
    await expect.poll(() => page.title()).toMatch(/^.+ \d{4}-\d{2}-\d{2} \d{2}:\d{2} – .+ – Händelse – Trygg$/);
    await scan(page, 'incident with status form');
    await page.getByLabel('Avslutad').check();
    await page.getByRole('button', { name: 'Spara status' }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'status form with errors');
    await page.getByLabel('Skäl för avslut').selectOption('duplicate');
    await page.getByRole('button', { name: 'Spara status' }).click();
    await page.getByText('Statusen är sparad: Avslutad.').waitFor();
    await scan(page, 'status form saved');

    await open(page, h, '/admin/audit', 'Granskningslogg');
    await page.getByTestId('no-access').waitFor();
    await scan(page, 'audit log, no access');
  }, 90_000);

  it('coordinator: staff report and its confirmation', async () => {
    await open(page, h, '/report', 'Rapportera');
    await page.getByText(/Du rapporterar som/).waitFor();
    await scan(page, 'report form (staff)');
    await page.locator('#report-place option', { hasText: 'Högdalens bibliotek' }).waitFor({ state: 'attached' });
    await page.getByLabel('Välj plats').selectOption({ label: 'Högdalens bibliotek' });
    await page.getByLabel('Kategori').selectOption({ label: 'Trasig belysning' });
    await page.getByRole('button', { name: 'Skicka rapport' }).click();
    await page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor({ timeout: 15_000 });
    await settle(page);
    await scan(page, 'report confirmation (staff)');
  }, 60_000);

  it('coordinator: the programme pages (coordination view, problems, measures, forms with errors)', async () => {
    await open(page, h, `${districtPath}/programme`, 'Samordning Enskede-Årsta-Vantör');
    await page.locator('.problem-table').waitFor();
    await scan(page, 'district coordination view');
    // The seeded library problem has had its measure followed up: it is in assessment, SARA's last step.
    await open(page, h, `${districtPath}/problems?stage=assessment`, 'Problem i Enskede-Årsta-Vantör');
    await scan(page, 'problem list, one stage');
    await page.getByRole('link', { name: 'Stök och otrygghet i Högdalens bibliotek kvällstid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stök och otrygghet i Högdalens bibliotek kvällstid' }).waitFor();
    await settle(page);
    expect(await page.getByRole('button', { name: 'Tillbaka till Åtgärd' }).count()).toBe(1);
    await scan(page, 'problem page (owner)');
    await page.getByRole('link', { name: 'Högdalsmodellen: tryggare bibliotek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Högdalsmodellen: tryggare bibliotek' }).waitFor();
    await settle(page);
    await scan(page, 'measure page with five components');
    await open(page, h, `${districtPath}/problems/new`, 'Registrera problem');
    await scan(page, 'problem form, empty');
    await page.getByRole('button', { name: 'Spara problemet' }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'problem form with errors');
    await open(page, h, '/measures/new', 'Ny åtgärd');
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'measure form with errors');
  }, 90_000);

  it('analyst: the programme read-only, without edit actions', async () => {
    const analyst = await h.newPage();
    await signIn(analyst, h, 'analytiker');
    await open(analyst, h, `${districtPath}/problems`, 'Problem i Enskede-Årsta-Vantör');
    // Titles are free text: an analyst finds the problem by its place and reads its neutral label.
    const problems = (await (await analyst.request.get(`${h.server.url}/api/problems`)).json()) as Array<{
      id: string;
      places: Array<{ name: string }>;
    }>;
    const label = `Problem ${problems.find((p) => p.places.some((x) => x.name === 'Högdalens bibliotek'))!.id.slice(0, 8)}`;
    await analyst.getByRole('link', { name: label }).first().click();
    await analyst.getByRole('heading', { level: 1, name: label }).waitFor();
    await settle(analyst);
    expect(await analyst.getByRole('button', { name: /Gå vidare till/ }).count()).toBe(0);
    expect(await analyst.getByRole('button', { name: 'Skicka begäran' }).count()).toBe(0);
    expect(await analyst.getByRole('link', { name: 'Lägg till åtgärd' }).count()).toBe(0);
    expect(await analyst.getByRole('link', { name: 'Registrera problem' }).count()).toBe(0);
    await scan(analyst, 'problem page (analyst)');
  }, 60_000);

  it('follow-up pages: analyst reads the quality report; the police read the city view but not the reports', async () => {
    const analyst = await h.newPage();
    await signIn(analyst, h, 'analytiker');
    await open(analyst, h, '/quality', 'Kvalitetsrapport: Hela staden');
    await analyst.locator('.quality-section').first().waitFor();
    await scan(analyst, 'quality report (analyst, city)');
    const police = await h.newPage();
    await signIn(police, h, 'polis');
    await open(police, h, '/city', 'Stadsöversikt');
    await police.locator('.city-table').waitFor();
    expect(await police.getByRole('link', { name: /^Kvalitetsrapport/ }).count()).toBe(0);
    await scan(police, 'city view (police)');
    await open(police, h, '/annual', 'Årsrapport');
    await police.getByText('Den här sidan är för medarbetare').waitFor();
    await scan(police, 'annual report, no access (police)');
    // The running situation picture is not theirs either: a clear no-access message, not a claim they may read it.
    await open(police, h, '/situation', /Lägesbild/);
    await police.getByText('Ditt konto har inte tillgång till den löpande lägesbilden').waitFor();
    expect(await police.getByText('Du kan läsa lägesbilden').count()).toBe(0);
    await scan(police, 'situation, no access (police)');
  }, 90_000);

  it('analyst: an incident without free text and without the form', async () => {
    const analyst = await h.newPage();
    await signIn(analyst, h, 'analytiker');
    await open(analyst, h, incidentPath, /./);
    await analyst.getByTestId('free-text-hidden').waitFor();
    expect(await analyst.getByRole('heading', { name: 'Ändra status' }).count()).toBe(0);
    await scan(analyst, 'incident (analyst)');
  }, 60_000);

  it('admin: the audit log with results, with search errors and after "Visa fler"', async () => {
    const admin = await h.newPage();
    await signIn(admin, h, 'admin');
    await open(admin, h, '/admin/audit', 'Granskningslogg');
    await admin.locator('.audit-table tbody tr').first().waitFor();
    await scan(admin, 'audit log');
    await admin.getByLabel('Från och med').fill('25/11/2026');
    await admin.getByRole('button', { name: 'Sök', exact: true }).click();
    await admin.locator('.error-summary').waitFor();
    await scan(admin, 'audit log with search errors');
    await open(admin, h, '/admin/audit', 'Granskningslogg');
    await admin.route('**/api/audit?*', (route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/limit=\d+/, 'limit=3'),
      }),
    );
    await admin.reload();
    await admin.locator('.more-button').click();
    await admin.waitForFunction(() => document.querySelectorAll('.audit-table tbody tr').length === 6);
    await scan(admin, 'audit log after "Visa fler"');
  }, 60_000);
});

describe('axe, English and on a phone', () => {
  it('English pages', async () => {
    const en = await h.newPage({ locale: 'en-GB' });
    await en.goto(`${h.server.url}/`);
    await en.getByRole('button', { name: 'English' }).click();
    await open(en, h, '/', 'Safety in Stockholm');
    expect(await en.locator('html').getAttribute('lang')).toBe('en');
    await scan(en, 'start (English)');
    await open(en, h, '/tillganglighet', 'Accessibility statement');
    await scan(en, 'accessibility statement (English)');
    await open(en, h, '/personuppgifter', 'Processing of personal data');
    await en.locator('.activity').first().waitFor();
    await scan(en, 'processing record (English)');
    await open(en, h, '/overenskommelser', 'Local agreements with the police');
    await en.locator('.agreement').first().waitFor();
    await scan(en, 'public agreements (English)');
    // Swedish data inside the English page is marked as Swedish.
    await open(en, h, districtPath, 'Enskede-Årsta-Vantör');
    expect(await en.locator('h1').getAttribute('lang')).toBe('sv');
    const names = en.getByRole('table', { name: 'Incidents per neighbourhood, last 30 days' }).locator('tbody th');
    await names.first().waitFor();
    expect(await names.locator('[lang="sv"]').count()).toBe(await names.count());
    await open(en, h, placePath, 'Högdalens bibliotek');
    expect(await en.locator('h1 [lang="sv"]').innerText()).toBe('Högdalens bibliotek');
    await signIn(en, h, 'bibliotek', incidentPath);
    await open(en, h, incidentPath, /./);
    await en.getByRole('heading', { name: 'Change status' }).waitFor();
    await scan(en, 'incident (English, unit editor)');
  }, 90_000);

  it('report form on a phone', async () => {
    const phone = await h.newPage({ width: 390, height: 844 });
    await open(phone, h, '/report', 'Rapportera');
    await scan(phone, 'report form (phone)');
    await phone.getByRole('button', { name: 'Skicka rapport' }).click();
    await phone.locator('.error-summary').waitFor();
    await scan(phone, 'report form with errors (phone)');
  }, 60_000);

  it('reflows at 320 CSS pixels without sideways scrolling (WCAG 1.4.10), signed in as admin', async () => {
    const narrow = await h.newPage({ width: 320, height: 640 });
    await signIn(narrow, h, 'admin');
    const pages: Array<[string, string | RegExp]> = [
      ['/', 'Trygghet i Stockholm'],
      [districtPath, 'Enskede-Årsta-Vantör'],
      ['/places', 'Platser'],
      [placePath, 'Högdalens bibliotek'],
      ['/report', 'Rapportera'],
      ['/follow', 'Följ din rapport'],
      ['/tillganglighet', 'Tillgänglighetsredogörelse'],
      ['/personuppgifter', 'Behandling av personuppgifter'],
      ['/admin/audit', 'Granskningslogg'],
      [incidentPath, /./],
      ['/city', 'Stadsöversikt'],
      ['/quality', /^Kvalitetsrapport/],
      ['/annual', /^Årsrapport/],
      ['/agreements', /^Lokala överenskommelser/],
      ['/units', /./],
      ['/overenskommelser', 'Lokala överenskommelser med polisen'],
      [`${districtPath}/programme`, 'Samordning Enskede-Årsta-Vantör'],
      [`${districtPath}/problems/new`, 'Registrera problem'],
      ['/measures/new', 'Ny åtgärd'],
    ];
    const wide: string[] = [];
    for (const [path, h1] of pages) {
      await open(narrow, h, path, h1);
      const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) {
        const culprits = await narrow.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter(
              (e) =>
                e.getBoundingClientRect().right > 321 &&
                (!e.closest('.table-wrap') || getComputedStyle(e).position === 'absolute'),
            )
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
        );
        wide.push(`${path}: ${width}px (${culprits.join(', ')})`);
      }
    }
    expect(wide).toEqual([]);
    await shot(narrow, 'web-incident-320');
  }, 90_000);

  it('never asked anything of another host', () => {
    expect(h.foreignRequests).toEqual([]);
  });
});
