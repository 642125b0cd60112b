import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOfDay } from '../../../src/domain/calendar/index.js';
import { expectAccessible, type Harness, open, printA11ySummary, settle, shot, signIn, startHarness } from './pages.js';

/**
 * Stored XSS (issue 6): every free-text field a user can fill is stored through the API with payloads that
 * would record themselves in `window.__xss` (or open a dialog) if they ever ran; the pages that show them
 * must show the text literally and run nothing. Spreadsheet exports keep formula text as text. The same
 * server also checks the other account-safety step of issue 6: a one-time password is changed at first sign-in.
 */
let h: Harness;
let admin: Page;
let coordinator: Page;
const dialogs: string[] = [];

const payload = (where: string) =>
  `<img src=x onerror="window.__xss=(window.__xss||[]).concat('${where}');alert(1)"><script>window.__xss=(window.__xss||[]).concat('${where}-script')</script><svg onload="alert('${where}')">`;
const FORMULA = '=HYPERLINK("http://evil.example","klicka")';
const ids = { incident: '', problem: '', measure: '', report: '' };
let userEmail = '';
const USER_PASSWORD = 'fyra ord som ingen gissar';

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get(`${h.server.url}/api/auth/me`)).json()) as { csrf_token: string }).csrf_token;
}

async function post(page: Page, path: string, data: object): Promise<{ id: string }> {
  const res = await page.request.post(`${h.server.url}${path}`, {
    headers: { 'X-CSRF-Token': await csrf(page) },
    data,
  });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

/** Nothing ran: no marker set by a payload, no dialog; and the payload text is on the page as text. */
async function expectInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as { __xss?: string[] }).__xss ?? [])).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.locator('main').innerText()).toContain(
    `<img src=x onerror="window.__xss=(window.__xss||[]).concat('${where}')`,
  );
  expect(await page.locator('main img[src="x"], main script:not([type]), main svg[onload]').count()).toBe(0);
}

beforeAll(async () => {
  h = await startHarness();
  admin = await h.newPage();
  coordinator = await h.newPage();
  for (const p of [admin, coordinator])
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  await signIn(admin, h, 'admin');
  await signIn(coordinator, h, 'samordnare.eav');
  const me = (await (await coordinator.request.get(`${h.server.url}/api/auth/me`)).json()) as {
    memberships: Array<{ unit_id: string }>;
  };
  const unitId = me.memberships[0]!.unit_id;
  const districts = (await (
    await coordinator.request.get(`${h.server.url}/api/areas?level=district&format=json`)
  ).json()) as Array<{ id: string; name: string }>;
  const districtId = districts.find((d) => d.name === 'Enskede-Årsta-Vantör')!.id;

  // The public report form: anonymous, as a resident.
  const resident = await h.newPage();
  const report = await resident.request.post(`${h.server.url}/api/public/reports`, {
    data: { category: 'klotter', lon: 18.0431, lat: 59.2636, description: payload('incident') },
  });
  expect(report.status()).toBe(201);
  const latest = (await (await admin.request.get(`${h.server.url}/api/incidents?source=resident&limit=1`)).json()) as {
    items: Array<{ id: string }>;
  };
  ids.incident = latest.items[0]!.id;

  ids.problem = (
    await post(coordinator, '/api/problems', {
      owner_unit_id: unitId,
      area_id: districtId,
      title: `${FORMULA} ${payload('problem-title').slice(0, 150)}`,
      statement: payload('problem'),
      categories: ['klotter'],
      time_pattern: payload('pattern').slice(0, 400),
      evidence: [{ kind: 'note', note: payload('evidence') }],
    })
  ).id;
  ids.measure = (
    await post(coordinator, '/api/measures', {
      problem_ids: [ids.problem],
      responsible_unit_id: unitId,
      title: payload('measure').slice(0, 200),
      description: payload('measure-description'),
      type: 'situational',
      components: [{ title: payload('component').slice(0, 200), type: 'staffing' }],
    })
  ).id;
  const occurred = new Date(Date.now() - 7 * 86_400_000);
  const week = isoWeekOfDay(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(occurred));
  ids.report = (
    (await post(coordinator, '/api/situation/reports', { area_id: districtId, week })) as unknown as {
      report: { id: string };
    }
  ).report.id;
  await post(coordinator, `/api/situation/reports/${ids.report}/meeting`, {
    held_at: new Date().toISOString(),
    participants: [unitId],
    notes: payload('meeting'),
    actions: [{ unit_id: unitId, title: payload('action').slice(0, 500), due_date: '2099-01-01' }],
  });
  userEmail = `xss.${Date.now()}@stockholm.example`;
  await post(admin, '/api/users', {
    email: userEmail,
    display_name: payload('name').slice(0, 200),
    password: USER_PASSWORD,
    memberships: [{ unit_id: unitId, role: 'unit_editor' }],
  });
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('stored XSS payloads are shown as text and never run', () => {
  it('incident description from the public form, on the incident page', async () => {
    await open(admin, h, `/incidents/${ids.incident}`, /.+/);
    await expectInert(admin, 'incident');
  }, 60_000);

  it('problem title, statement, time pattern and evidence note, on the problem page', async () => {
    await open(coordinator, h, `/problems/${ids.problem}`, /HYPERLINK/);
    for (const where of ['problem', 'pattern', 'evidence']) await expectInert(coordinator, where);
    expect(await coordinator.getByRole('heading', { level: 1 }).innerText()).toContain(FORMULA);
    await shot(coordinator, 'web-xss-problem');
  }, 60_000);

  it('measure title, description and component, on the measure page', async () => {
    await open(coordinator, h, `/measures/${ids.measure}`, /onerror/);
    for (const where of ['measure', 'measure-description', 'component']) await expectInert(coordinator, where);
  }, 60_000);

  it('meeting notes and action titles, on the frozen report page and in the inbox', async () => {
    await open(coordinator, h, `/situation/reports/${ids.report}`, /.+/);
    for (const where of ['meeting', 'action']) await expectInert(coordinator, where);
    await open(coordinator, h, '/inbox', /.+/);
    await expectInert(coordinator, 'action');
  }, 60_000);

  it("a user's display name, in the header", async () => {
    const page = await h.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${h.server.url}/login`);
    await page.locator('#login-email').fill(userEmail);
    await page.locator('#login-password').fill(USER_PASSWORD);
    await page.locator('.login-form button[type=submit]').click();
    await page.locator('.session-menu > button').waitFor();
    await settle(page);
    expect(await page.locator('header').innerText()).toContain(
      `<img src=x onerror="window.__xss=(window.__xss||[]).concat('name')`,
    );
    expect(await page.evaluate(() => (window as { __xss?: string[] }).__xss ?? [])).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 60_000);

  it('a records-request export in Excel keeps formula text as text', async () => {
    const headers = { 'X-CSRF-Token': await csrf(admin) };
    const draft = await admin.request.post(`${h.server.url}/api/records/drafts`, {
      headers,
      data: { request_ref: 'XSS 1', recipient: 'test', type: 'problem', ids: [ids.problem], format: 'xlsx' },
    });
    expect(draft.status()).toBe(201);
    // The officer approves every suggested mark, so the title is released as written, formula text included.
    const { id, marks } = (await draft.json()) as { id: string; marks: Array<{ id: string; decision: string | null }> };
    const decisions = marks.filter((m) => m.decision === null).map((m) => ({ id: m.id, decision: 'approve' }));
    if (decisions.length)
      expect(
        (
          await admin.request.patch(`${h.server.url}/api/records/drafts/${id}`, { headers, data: { decisions } })
        ).status(),
      ).toBe(200);
    const res = await admin.request.post(`${h.server.url}/api/records/releases`, { headers, data: { draft_id: id } });
    expect(res.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.body()) as never);
    const values = book.worksheets[0]!.getSheetValues().flat();
    expect(values).toContain(`'${FORMULA} ${payload('problem-title').slice(0, 150)}`);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  }, 60_000);
});

describe('a one-time password', () => {
  it('must be changed at first sign-in before any other page opens', async () => {
    const email = `engang.${Date.now()}@stockholm.example`;
    const me = (await (await admin.request.get(`${h.server.url}/api/auth/me`)).json()) as {
      memberships: Array<{ unit_id: string }>;
    };
    const created = (await post(admin, '/api/users', {
      email,
      display_name: 'Ny handläggare',
      memberships: [{ unit_id: me.memberships[0]!.unit_id, role: 'analyst' }],
    })) as unknown as { password: string };
    const page = await h.newPage();
    await page.goto(`${h.server.url}/login?next=%2Finbox`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(created.password);
    await page.locator('.login-form button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.goto(`${h.server.url}/quality`);
    await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'change of a one-time password');
    expect((await page.request.get(`${h.server.url}/api/problems`)).status()).toBe(403);
    await page.locator('#password-current').fill(created.password);
    await page.locator('#password-new').fill('aaaaaaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.locator('#password-new-error').waitFor();
    await shot(page, 'web-password-change-error');
    await page.locator('#password-new').fill('mitt eget lösenord i vinter');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.waitForURL(`${h.server.url}/`);
    await settle(page);
    expect((await page.request.get(`${h.server.url}/api/problems`)).status()).toBe(200);
  }, 90_000);
});
