import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, DEFAULT_TIME_ZONE, isoWeek } from '../../../src/domain/calendar/index.js';
import {
  account,
  chooseWithArrows,
  csrfToken,
  expectAccessible,
  focused,
  focusIsVisible,
  type Harness,
  shot,
  startHarness,
  tabTo,
} from './pages.js';

/**
 * Keyboard only: no mouse click anywhere below. Tab, Shift+Tab, Enter, Space, the arrow keys and typing;
 * every stop on the way must show a visible focus (tabTo checks it).
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/** Signs in from the start page's link with Tab, typing and Enter, and waits for the account button. */
async function signInByKeyboard(page: Page, prefix: string): Promise<void> {
  const { email, password } = account(h, prefix);
  await page.goto(`${h.server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Trygghet i Stockholm' }).waitFor();
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Logga in', { what: 'the sign-in link' });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  await tabTo(page, (f) => f.id === 'login-email', { what: 'the e-mail field' });
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  expect((await focused(page)).id).toBe('login-password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Konto: / }).waitFor();
  // A district's coordinator lands on the district's situation picture.
  await page.getByRole('heading', { level: 1, name: /Lägesbild Enskede-Årsta-Vantör/ }).waitFor({ timeout: 20_000 });
}

/** Last week's report of Enskede-Årsta-Vantör, frozen through the API; its id. */
async function frozenReport(page: Page): Promise<string> {
  const headers = { 'X-CSRF-Token': await csrfToken(page, h) };
  const districts = (await (
    await page.request.get(`${h.server.url}/api/areas?level=district&format=json`)
  ).json()) as Array<{ id: string; name: string }>;
  const areaId = districts.find((d) => d.name === 'Enskede-Årsta-Vantör')?.id;
  const week = addWeeks(isoWeek(new Date(), DEFAULT_TIME_ZONE), -1);
  const frozen = await page.request.post(`${h.server.url}/api/situation/reports`, {
    headers,
    data: { area_id: areaId, week },
  });
  expect(frozen.status(), await frozen.text()).toBe(201);
  return ((await frozen.json()) as { report: { id: string } }).report.id;
}

describe('keyboard only', () => {
  it('reports an incident: place from the list, category, text, e-mail opt-in, submit, confirmation', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Trygghet i Stockholm' }).waitFor();

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Rapportera', { what: '"Rapportera" in the menu' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rapportera' }).waitFor();
    expect((await focused(page)).id).toBe('main');
    await page.locator('#report-place option', { hasText: 'Högdalens bibliotek' }).waitFor({ state: 'attached' });
    await page.locator('#report-category option').nth(1).waitFor({ state: 'attached' });

    // Sending the empty form: the error summary takes the focus and its links lead to the fields.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Skicka rapport', { what: 'the submit button' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Välj en plats på kartan eller i listan.', {
      what: 'the location error link',
    });
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('report-place');
    expect(await focusIsVisible(page)).toBe(true);

    // Back to the search box, narrow the list, then pick the place with the arrow keys.
    await tabTo(page, (f) => f.id === 'report-place-search', { back: true, what: 'the place search' });
    await page.keyboard.type('Högdalen');
    await tabTo(page, (f) => f.id === 'report-place', { what: 'the place list' });
    await chooseWithArrows(page, 'Högdalens bibliotek');
    await page.getByText('Vald plats: Högdalens bibliotek').waitFor();
    await page.locator('#report-zone').waitFor();
    await tabTo(page, (f) => f.id === 'report-zone', { what: 'the zone list' });
    await chooseWithArrows(page, /entré/i);

    await tabTo(page, (f) => f.id === 'report-category', { what: 'the category list' });
    await chooseWithArrows(page, 'Klotter');
    await tabTo(page, (f) => f.id === 'report-description', { what: 'the description' });
    await page.keyboard.type('Klotter på bokinlämningen (tangentbordstest).');

    await tabTo(page, (f) => f.type === 'checkbox', { what: 'the e-mail opt-in' });
    await page.keyboard.press('Space');
    await page.locator('#report-email').waitFor();
    await tabTo(page, (f) => f.id === 'report-email', { what: 'the e-mail field' });
    await page.keyboard.type('boende@example.org');

    expect(await page.locator('.error-summary').count()).toBe(0);
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Skicka rapport', { what: 'the submit button' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor({ timeout: 15_000 });
    expect((await focused(page)).id).toBe('confirmation-title');
    expect(await page.getByTestId('receipt-code').textContent()).toMatch(/^TR-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.locator('.report-status').getByText('Högdalens bibliotek').waitFor();
    await shot(page, 'web-keyboard-report-done');

    // The confirmation's links are reachable too.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Följ din rapport', { what: 'the follow link' });
  }, 90_000);

  it('signs in and closes an incident with a reason and a note', async () => {
    const page = await h.newPage();
    await signInByKeyboard(page, 'samordnare.eav');

    // From the latest incidents of the start page to one incident.
    await page.goto(`${h.server.url}/`);
    await page.locator('.incident-link').first().waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.className.includes('incident-link'), { max: 150, what: 'the first incident link' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ändra status' }).waitFor({ timeout: 15_000 });
    const title = (await page.locator('h1').textContent()) ?? '';

    // The status radios are one tab stop; the arrow keys move to "Avslutad".
    await tabTo(page, (f) => f.type === 'radio', { what: 'the status radios' });
    for (let i = 0; i < 3 && (await focused(page)).id !== 'status-closed'; i++) await page.keyboard.press('ArrowDown');
    expect((await focused(page)).id).toBe('status-closed');
    expect(await page.locator('#status-closed').isChecked()).toBe(true);

    // Closing without a reason is refused with a summary whose link leads to the reason.
    await page.locator('#status-closure').waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Spara status', { what: 'the save button' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await expectAccessible(page, 'status form with errors (keyboard)');
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Välj ett skäl för att avsluta händelsen.', {
      what: 'the error link',
    });
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('status-closure');
    await chooseWithArrows(page, 'Åtgärdad');

    await tabTo(page, (f) => f.id === 'status-note', { what: 'the note' });
    await page.keyboard.type('Lampan är lagad');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Spara status', { what: 'the save button' });
    await tabTo(page, (f) => f.id === 'status-note', { back: true, what: 'the note again' });
    await page.keyboard.type(' (kontrollerat på plats).');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Spara status', { what: 'the save button' });
    await page.keyboard.press('Space');

    await page.getByText('Statusen är sparad: Avslutad.').waitFor({ timeout: 15_000 });
    const status = page.getByTestId('incident-status');
    await status.getByText('Avslutad').waitFor();
    expect(await status.textContent()).toContain('Åtgärdad');
    expect(await status.textContent()).toContain('Lampan är lagad (kontrollerat på plats).');
    // The focus stayed on the button (not dropped to the page) and is still visible.
    expect((await focused(page)).text).toBe('Spara status');
    expect(await focusIsVisible(page)).toBe(true);
    expect(await page.locator('h1').textContent()).toBe(title);
    await shot(page, 'web-keyboard-status-saved');
  }, 90_000);

  it('saves a meeting and adds an action with Enter: the focus stays on the button while the request runs, and a second Enter is ignored', async () => {
    const page = await h.newPage();
    await signInByKeyboard(page, 'samordnare.eav');
    // The frozen report comes through the API: the meeting and action forms are what is tested here.
    const reportId = await frozenReport(page);
    await page.goto(`${h.server.url}/situation/reports/${reportId}`);
    await page
      .getByRole('heading', { level: 1, name: /Fryst lägesbild Enskede-Årsta-Vantör/ })
      .waitFor({ timeout: 20_000 });

    // The meeting: one participant ticked with Space, saved with Enter; the form gives way to the summary and
    // the focus goes to the section's heading, not back to the page.
    await page.locator('.meeting-form input[type=checkbox]').first().waitFor({ timeout: 20_000 });
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'checkbox', { max: 120, what: 'the first participant' });
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Spara mötet', { what: 'the save button' });
    await page.keyboard.press('Enter');
    await page
      .locator('#action-unit option', { hasText: 'Trafiknämnden (trafikkontoret)' })
      .waitFor({ state: 'attached', timeout: 20_000 });
    await expect
      .poll(async () => (await focused(page)).id, { message: 'the focus after saving the meeting' })
      .toBe('meeting-heading');
    await shot(page, 'web-keyboard-meeting-saved');

    const action = `Tangentbordsåtgärd ${Date.now()}`;
    await tabTo(page, (f) => f.id === 'action-title', { what: 'the action title' });
    await page.keyboard.type(action);
    await tabTo(page, (f) => f.id === 'action-unit', { what: 'the unit list' });
    await chooseWithArrows(page, 'Trafiknämnden (trafikkontoret)');

    const focusOn = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el === document.body
          ? 'body'
          : el === document.querySelector('.action-form button[type=submit]')
            ? 'submit'
            : `${el?.tagName} ${el?.id}`;
      });
    // The answer is held back until the test lets it through, so the moment in flight can be looked at.
    let posts = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/situation/meetings/*/actions', async (route) => {
      posts++;
      await held;
      await route.continue();
    });
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Lägg till åtgärd', { what: 'the add button' });
    await page.keyboard.press('Enter');
    await expect.poll(() => posts).toBe(1);
    // Busy in either form, so that a natively disabled button fails on the focus below rather than here.
    await page.waitForFunction(() =>
      document.querySelector('.action-form button[type=submit]')?.matches('[aria-disabled="true"], :disabled'),
    );
    expect(await focusOn(), 'the focus while the request runs').toBe('submit');
    expect(await page.locator('.action-form button[type=submit]').getAttribute('aria-disabled')).toBe('true');
    expect((await focused(page)).text).toBe('Sparar…');
    await shot(page, 'web-keyboard-action-pending');
    // A second Enter while it runs sends nothing.
    await page.keyboard.press('Enter');

    release();
    await page.getByText('Åtgärden är tillagd.').waitFor({ timeout: 15_000 });
    expect(posts, 'requests sent').toBe(1);
    await page.locator('.actions-table tbody tr', { hasText: action }).waitFor();
    expect(await focusOn(), 'the focus after the request').toBe('submit');
    expect(await page.locator('.action-form button[type=submit]').getAttribute('aria-disabled')).toBeNull();
    expect((await focused(page)).text).toBe('Lägg till åtgärd');
    expect(await focusIsVisible(page)).toBe(true);
    expect(await page.locator('#action-title').inputValue()).toBe('');
  }, 90_000);

  it('never asked anything of another host', () => {
    expect(h.foreignRequests).toEqual([]);
  });
});
