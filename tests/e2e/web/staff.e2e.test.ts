import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, focused, type Harness, open, settle, shot, signIn, startHarness } from './pages.js';

/** Staff pages: one incident with its status form (by role), and the admins' audit log with search, paging and export. */
let h: Harness;
let coordinator: Page;
let incidentId = '';
const MARK = `Belysning e2e ${Date.now()}`;
const HTML_NOTE = '<b>fet</b> & <img src=x onerror=alert(1)>';

beforeAll(async () => {
  h = await startHarness();
  coordinator = await h.newPage();
  await signIn(coordinator, h, 'samordnare.eav');
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('incident detail', () => {
  it('shows every field of a staff report, with the redaction count, from the confirmation link', async () => {
    await open(coordinator, h, '/report', 'Rapportera');
    await coordinator
      .locator('#report-place option', { hasText: 'Högdalens bibliotek' })
      .waitFor({ state: 'attached' });
    await coordinator.getByLabel('Välj plats').selectOption({ label: 'Högdalens bibliotek' });
    await coordinator.getByLabel('Kategori').selectOption({ label: 'Trasig belysning' });
    await coordinator
      .getByLabel('Beskrivning (valfritt)')
      .fill(`${MARK}: vittnet 19811218-9876 nås på kalle.k@example.com`);
    await coordinator.getByRole('button', { name: 'Skicka rapport' }).click();
    incidentId = (await coordinator.getByTestId('incident-id').textContent()) ?? '';
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);

    await coordinator.getByRole('link', { name: 'Visa händelsen' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Trasig belysning' }).waitFor();
    expect(new URL(coordinator.url()).pathname).toBe(`/incidents/${incidentId}`);
    await settle(coordinator);
    const facts = coordinator.locator('.incident-facts');
    await facts.getByRole('link', { name: 'Högdalens bibliotek' }).waitFor();
    const text = (await facts.textContent()) ?? '';
    for (const expected of [
      'Trasig belysning',
      'Plats',
      'platsens registrerade position',
      'Högdalen',
      'Enskede-Årsta-Vantör',
      'Hela platsen',
      'Personal',
      '[personnummer]',
      '[e-post]',
      'Ny',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('19811218-9876');
    expect(await coordinator.getByTestId('redaction-count').textContent()).toBe('2 personuppgifter borttagna');
    await coordinator.getByRole('heading', { name: 'Ändra status' }).waitFor();
    await shot(coordinator, 'web-incident');
  }, 60_000);

  it('is linked from every incident table row', async () => {
    await coordinator.getByRole('link', { name: 'Högdalens bibliotek' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Högdalens bibliotek' }).waitFor();
    const link = coordinator.locator(`tr[data-incident-id="${incidentId}"] a.incident-link`);
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toBe(`/incidents/${incidentId}`);
    expect(await link.textContent()).toContain('Trasig belysning');
    await link.click();
    await coordinator.getByRole('heading', { level: 1, name: 'Trasig belysning' }).waitFor();
  }, 60_000);

  it('changes the status, shows a note as text, and puts server errors on their fields', async () => {
    await coordinator.getByLabel('Pågår').check();
    await coordinator.getByLabel('Anteckning (valfritt)').fill(HTML_NOTE);
    await coordinator.getByRole('button', { name: 'Spara status' }).click();
    await coordinator.getByText('Statusen är sparad: Pågår.').waitFor();
    const status = coordinator.getByTestId('incident-status');
    expect(await status.textContent()).toContain('Pågår');
    expect(await status.textContent()).toContain(HTML_NOTE);
    expect(await coordinator.locator('.incident-facts b, .incident-facts img').count()).toBe(0);

    // The server's answer wins over the client's check: a field issue lands on its field…
    await coordinator.route('**/api/incidents/*/status', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'VALIDATION_FAILED',
            message: 'x',
            messages: { sv: 'x', en: 'x' },
            details: [{ path: 'closure_reason', code: 'invalid_value', message: 'x' }],
          },
        }),
      }),
    );
    await coordinator.getByLabel('Avslutad').check();
    await coordinator.getByLabel('Skäl för avslut').selectOption('fixed');
    await coordinator.getByRole('button', { name: 'Spara status' }).click();
    await coordinator.locator('#status-closure-error').waitFor();
    expect(await coordinator.locator('#status-closure').getAttribute('aria-invalid')).toBe('true');
    expect(await coordinator.locator('.error-summary a').textContent()).toBe(
      'Välj ett skäl för att avsluta händelsen.',
    );
    // Focus moves in an effect after the summary renders.
    await expect
      .poll(() => coordinator.locator('.error-summary').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await expectAccessible(coordinator, 'status form with a server field error');
    await shot(coordinator, 'web-status-errors');

    // …and anything else becomes the summary's general message.
    await coordinator.unroute('**/api/incidents/*/status');
    await coordinator.route('**/api/incidents/*/status', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'FORBIDDEN',
            message: 'no',
            messages: { sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
          },
        }),
      }),
    );
    await coordinator.getByRole('button', { name: 'Spara status' }).click();
    await coordinator.locator('.error-summary', { hasText: 'Du har inte behörighet till detta.' }).waitFor();
    expect(await coordinator.locator('#status-closure-error').count()).toBe(0);
    await coordinator.unroute('**/api/incidents/*/status');

    // Not ours: the form asks where it went, and the page shows it.
    await coordinator.getByLabel('Skäl för avslut').selectOption('not_ours');
    await coordinator.getByRole('button', { name: 'Spara status' }).click();
    await coordinator.locator('#status-forwarded-error', { hasText: 'Välj vilken enhet' }).waitFor();
    await coordinator.getByLabel('Skickad vidare till').selectOption({ label: 'Trafiknämnden (trafikkontoret)' });
    await coordinator.getByRole('button', { name: 'Spara status' }).click();
    await coordinator.getByText('Statusen är sparad: Avslutad.').waitFor();
    expect(await status.textContent()).toContain('Inte stadens ansvar');
    expect(await status.textContent()).toContain('Trafiknämnden (trafikkontoret)');
  }, 60_000);

  it('hides free text from analysts and the form from roles that may not update', async () => {
    const analyst = await h.newPage();
    await signIn(analyst, h, 'analytiker');
    await open(analyst, h, `/incidents/${incidentId}`, 'Trasig belysning');
    expect(await analyst.getByTestId('free-text-hidden').textContent()).toBe('Fritext visas inte för din roll.');
    expect(await analyst.locator('.incident-facts').textContent()).not.toContain(MARK);
    expect(await analyst.locator('.status-form').count()).toBe(0);
    await shot(analyst, 'web-incident-analyst');

    // Partners see what is shared with them (docs/confidentiality.md): not this municipal report, but one
    // filed for the police unit, free text included.
    const police = await h.newPage();
    await signIn(police, h, 'polis');
    await police.goto(`${h.server.url}/incidents/${incidentId}`);
    await police.getByRole('alert').filter({ hasText: 'Hittades inte' }).waitFor();
    expect(await police.locator('.incident-facts').count()).toBe(0);
    const policeUnit = (
      (await (await police.request.get(`${h.server.url}/api/auth/me`)).json()) as {
        memberships: Array<{ unit_id: string }>;
      }
    ).memberships[0]!.unit_id;
    const csrf = (
      (await (await coordinator.request.get(`${h.server.url}/api/auth/me`)).json()) as { csrf_token: string }
    ).csrf_token;
    const shared = await coordinator.request.post(`${h.server.url}/api/incidents`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        occurred_at: new Date().toISOString(),
        category: 'trasig_belysning',
        lon: 18.0431,
        lat: 59.2636,
        description: `${MARK} för polisen`,
        reporting_unit_id: policeUnit,
        confidentiality: 'partner',
      },
    });
    expect(shared.status()).toBe(201);
    await open(police, h, `/incidents/${((await shared.json()) as { id: string }).id}`, 'Trasig belysning');
    expect(await police.locator('.incident-facts').textContent()).toContain(MARK);
    expect(await police.locator('.status-form').count()).toBe(0);

    const visitor = await h.newPage();
    await open(visitor, h, `/incidents/${incidentId}`, 'Händelse');
    expect(await visitor.getByTestId('no-access').textContent()).toContain('Logga in');
    expect(await visitor.locator('.incident-facts').count()).toBe(0);
  }, 60_000);
});

describe('audit log', () => {
  let admin: Page;

  it('is in the menu for admins only; others get a clear answer', async () => {
    const coordinatorNav = coordinator.getByRole('navigation', { name: 'Huvudmeny' });
    await coordinatorNav.getByRole('button', { name: 'Mer' }).click();
    await coordinatorNav.getByRole('link', { name: 'Importera' }).waitFor();
    expect(await coordinatorNav.getByRole('link', { name: 'Granskningslogg' }).count()).toBe(0);
    await open(coordinator, h, '/admin/audit', 'Granskningslogg');
    expect(await coordinator.getByTestId('no-access').textContent()).toContain('Du har inte behörighet');
    await shot(coordinator, 'web-audit-no-access');

    admin = await h.newPage();
    await signIn(admin, h, 'admin');
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Mer' }).click();
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningslogg' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor();
    await admin.locator('.audit-table tbody tr').first().waitFor();
  }, 60_000);

  it('finds the status change by record, shows before → after as text, and exports the same search', async () => {
    await admin.getByLabel('Typ av post').fill('incident');
    await admin.getByLabel('Postens id').fill(incidentId);
    await admin.getByLabel('Typ av händelse').selectOption('update');
    await admin.getByRole('button', { name: 'Sök', exact: true }).click();
    await admin.waitForURL(/entity_id=/);
    const rows = admin.locator('.audit-table tbody tr');
    await rows.first().getByText('samordnare.eav@stockholm.example').waitFor();
    expect(await rows.count()).toBe(2);
    // Newest first: the closing, then the move to "in progress".
    expect(await rows.first().textContent()).toMatch(/skäl för avslut:\s*tomt\s*→\s*ändrat till\s*Inte stadens ansvar/);
    const row = rows.nth(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/ändrade status och handläggningsanteckning på händelsen/);
    expect(text).toMatch(/status:\s*Ny\s*→\s*ändrat till\s*Pågår/);
    // The log says the note changed, not what it says (free text never enters the audit log).
    expect(text).toMatch(/handläggningsanteckning:\s*tomt\s*→\s*ändrat till\s*\(text\)/);
    expect(text).not.toContain('fet');
    expect(await admin.locator('.audit-table b, .audit-table img').count()).toBe(0);
    await admin.getByText('2 händelser visas.').waitFor();
    await shot(admin, 'web-audit');

    const exportLink = admin.getByRole('link', { name: 'Exportera som CSV' });
    const href = new URL((await exportLink.getAttribute('href'))!, h.server.url);
    expect(href.pathname).toBe('/api/audit/export');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      format: 'csv',
      action: 'update',
      entity_type: 'incident',
      entity_id: incidentId,
    });
    const [download] = await Promise.all([admin.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toBe('trygg-audit.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('occurred_at');
    expect(csv).toContain(incidentId);
    expect(csv.trim().split('\n')).toHaveLength(3);
  }, 60_000);

  it('checks dates before searching and clears the search', async () => {
    await admin.getByLabel('Från och med').fill('2026-11-25');
    await admin.getByLabel('Till och med').fill('2026-11-24');
    await admin.getByRole('button', { name: 'Sök', exact: true }).click();
    await admin.locator('#audit-to-error', { hasText: 'före från och med-datumet' }).waitFor();
    expect(await admin.locator('#audit-to').getAttribute('aria-invalid')).toBe('true');
    await admin.getByRole('button', { name: 'Rensa sökningen' }).click();
    await admin.waitForURL((url) => url.search === '');
    expect(await admin.getByLabel('Postens id').inputValue()).toBe('');
  }, 60_000);

  it('pages newest first with "Visa fler" and moves the focus to the first new row', async () => {
    await admin.route('**/api/audit?*', (route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/limit=\d+/, 'limit=3'),
      }),
    );
    await admin.reload();
    await admin.waitForFunction(() => document.querySelectorAll('.audit-table tbody tr').length === 3);
    await admin.getByRole('button', { name: 'Visa fler' }).click();
    await admin.waitForFunction(() => document.querySelectorAll('.audit-table tbody tr').length === 6);
    const ids = await admin
      .locator('.audit-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-audit-id'))));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(6);
    const f = await focused(admin);
    expect(f.tag).toBe('tr');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('data-audit-id'))).toBe(String(ids[3]));
    await admin.getByText('6 händelser visas.').waitFor();
    await admin.unroute('**/api/audit?*');
  }, 60_000);

  it('never asked anything of another host', () => {
    expect(h.foreignRequests).toEqual([]);
  });
});
