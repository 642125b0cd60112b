import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me, Role } from '../../../src/domain/auth.js';
import { allows } from '../../../src/web/features/views/access.js';
import { isoWeekOfDay } from '../../../src/domain/calendar/index.js';
import { PAGES, type PageAccess, type PagePath } from '../../../src/web/pages.js';
import { csrfToken, type Harness, shot, signIn, startHarness } from './pages.js';

/**
 * Every page of the web app (the router's own table, src/web/pages.ts) as every role, signed out included: each
 * renders a useful page (a main heading, no error) or an access message — never a blank main area, never
 * "something went wrong". And the navigation offers no page the role may not use.
 */
let h: Harness;
const ROLES: ReadonlyArray<{ who: string | null; role: Role | null }> = [
  { who: null, role: null },
  { who: 'admin', role: 'admin' },
  { who: 'samordnare.eav', role: 'coordinator' },
  { who: 'bibliotek', role: 'unit_editor' },
  { who: 'polis', role: 'partner_viewer' },
  { who: 'analytiker', role: 'analyst' },
];
/** The value each route parameter takes: records of the seeded demo (and a few made here). */
const samples: Record<string, string> = {};
/** One signed-in page per role, reused by every test. */
const pages = new Map<string | null, Page>();
/** Each page's requests still waiting for an answer. */
const inFlight = new Map<Page, number>();
async function pageAs(who: string | null): Promise<Page> {
  let page = pages.get(who);
  if (!page) {
    page = await h.newPage();
    const tracked = page;
    inFlight.set(tracked, 0);
    const finished = () => inFlight.set(tracked, inFlight.get(tracked)! - 1);
    tracked.on('request', () => inFlight.set(tracked, inFlight.get(tracked)! + 1));
    tracked.on('requestfinished', finished);
    tracked.on('requestfailed', finished);
    if (who) await signIn(page, h, who);
    pages.set(who, page);
  }
  return page;
}

beforeAll(async () => {
  h = await startHarness();
  const admin = await h.newPage();
  await signIn(admin, h, 'admin');
  const get = async <T>(path: string): Promise<T> => {
    const res = await admin.request.get(`${h.server.url}${path}`);
    if (!res.ok()) throw new Error(`GET ${path}: HTTP ${res.status()}`);
    return (await res.json()) as T;
  };
  const districts = await get<Array<{ id: string; name: string; owner_unit?: { id: string } | null }>>(
    '/api/areas?level=district&format=json',
  );
  const district = districts.find((d) => d.name === 'Enskede-Årsta-Vantör')!;
  samples['districts/:id'] = district.id;
  samples['places/:id'] = (await get<Array<{ id: string }>>('/api/places'))[0]!.id;
  samples['incidents/:id'] = (await get<{ items: Array<{ id: string }> }>('/api/incidents?limit=1&format=json'))
    .items[0]!.id;
  samples['problems/:id'] = (await get<Array<{ id: string }>>('/api/problems'))[0]!.id;
  const measures = await get<Array<{ id: string; title: string }>>('/api/measures');
  samples['measures/:id'] = measures[0]!.id;
  // The seeded Högdalen library evaluation, published: a page the public may read too.
  const libraryModel = measures.find((m) => m.title.startsWith('Högdalsmodellen'))!;
  samples['evaluations/:id'] = (
    await get<Array<{ id: string }>>(`/api/measures/${libraryModel.id}/evaluations`)
  )[0]!.id;
  samples['survey-areas/:id'] = (await get<{ series: Array<{ survey_area_id: string }> }>('/api/surveys/catalogue'))
    .series[0]!.survey_area_id;
  samples['units/:id'] = (await get<Array<{ id: string; kind: string }>>('/api/units')).find(
    (u) => u.kind === 'district',
  )!.id;
  const agreements = await get<Array<{ id: string }>>(
    `/api/agreements${district.owner_unit ? `?district_unit_id=${district.owner_unit.id}` : ''}`,
  );
  if (agreements[0]) samples['agreements/:id'] = agreements[0].id;
  // The adopted programme: a page every role and the public may read.
  samples['versions/:id'] = (await get<Array<{ versions: Array<{ id: string }> }>>('/api/public/programmes'))[0]!
    .versions[0]!.id;
  // The seeded 2020–2023 consultation: its round (the office's page) and the culture administration's answer.
  const [round] = await get<Array<{ id: string }>>(`/api/programme-versions/${samples['versions/:id']}/consultations`);
  samples['consultations/:id'] = round!.id;
  samples['responses/:id'] = (await get<{ responses: Array<{ id: string }> }>(`/api/consultation-rounds/${round!.id}`))
    .responses[0]!.id;
  const token = await csrfToken(admin, h);
  const week = isoWeekOfDay(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()));
  const frozen = await admin.request.post(`${h.server.url}/api/situation/reports`, {
    headers: { 'X-CSRF-Token': token },
    data: { area_id: district.id, week },
  });
  samples['reports/:id'] = ((await frozen.json()) as { report: { id: string } }).report.id;
  // An adopted law document: a page every role and the public may read.
  const drafted = await admin.request.post(`${h.server.url}/api/law-documents`, {
    headers: { 'X-CSRF-Token': token },
    data: {
      kind: 'action_plan',
      district_id: (await get<Array<{ id: string; kind: string; name: string }>>('/api/units')).find(
        (u) => u.kind === 'district' && u.name.startsWith('Enskede-Årsta-Vantör'),
      )!.id,
    },
  });
  const lawDocument = ((await drafted.json()) as { id: string }).id;
  const adopted = await admin.request.post(`${h.server.url}/api/law-document-versions/${lawDocument}/status`, {
    headers: { 'X-CSRF-Token': token },
    data: { status: 'adopted', decision_ref: 'SDN 2026/1', adopted_on: '2026-12-01' },
  });
  if (adopted.status() !== 200) throw new Error(`adopting a law document: HTTP ${adopted.status()}`);
  samples['law-documents/:id'] = lawDocument;
  // A safety walk of the district, with the police invited: its report and capture pages.
  const units = await get<Array<{ id: string; kind: string; name: string }>>('/api/units');
  const walk = await admin.request.post(`${h.server.url}/api/walks`, {
    headers: { 'X-CSRF-Token': token },
    data: {
      title: 'Trygghetsvandring Högdalen',
      unit_id: units.find((u) => u.kind === 'district' && u.name.startsWith('Enskede-Årsta-Vantör'))!.id,
      area_id: district.id,
      walk_date: '2026-12-10',
      invited_unit_ids: units.filter((u) => u.name.startsWith('Polis')).map((u) => u.id),
    },
  });
  if (walk.status() !== 201) throw new Error(`planning a walk: HTTP ${walk.status()} ${await walk.text()}`);
  samples['walks/:id'] = ((await walk.json()) as { id: string }).id;
  // The seeded past tertial, and a follow-up submitted in it: every role that reads the report may read it.
  const period = (await get<Array<{ id: string }>>('/api/reporting-periods'))[0]!.id;
  samples['reporting/:id'] = period;
  samples['units/:unitId'] = (
    await get<{ units: Array<{ unit: { id: string }; state: string }> }>(`/api/reporting-periods/${period}`)
  ).units.find((u) => u.state === 'submitted')!.unit.id;
  const receipt = await admin.request.post(`${h.server.url}/api/public/reports`, {
    headers: { 'X-CSRF-Token': token },
    data: { category: 'klotter', lon: 18.0431, lat: 59.2636 },
  });
  if (receipt.status() !== 201) throw new Error(`public report: HTTP ${receipt.status()} ${await receipt.text()}`);
  samples['follow/:code'] = ((await receipt.json()) as { receipt_code: string }).receipt_code;
}, 240_000);
afterAll(async () => {
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

/** The route with its parameters filled in; fails for a parameter with no sample (a new page must add one). */
function urlOf(path: PagePath): string {
  const segments = path.split('/');
  return `/${segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const value = samples[`${segments[i - 1]}/${segment}`];
      if (!value) throw new Error(`no sample for ${segments[i - 1]}/${segment} (${path}): add one in beforeAll`);
      return value;
    })
    .join('/')}`;
}

function me(role: Role | null): Me | null {
  return role ? ({ memberships: [{ role, unit_id: 'x', unit_name: 'x' }] } as unknown as Me) : null;
}

/**
 * Waits until the page has had no request in flight for a moment: an answer that arrives after the heading
 * (and may turn into an error message) has arrived and been drawn.
 */
async function quiet(page: Page, deadline: number): Promise<void> {
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if ((inFlight.get(page) ?? 0) > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 150) return;
    await page.waitForTimeout(50);
  }
}

/**
 * Goes to `url` inside the running app (as a link would: no reload, so the visit costs the page, not the app)
 * and reports what the main area shows once it has settled.
 */
async function visit(page: Page, url: string) {
  await page.evaluate((to) => {
    (window as unknown as { visitStart: number }).visitStart = performance.now();
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
  // The first situation report of a fresh server is computed on demand: allow it time on a busy machine.
  const deadline = Date.now() + 40_000;
  const settled = () =>
    page
      .waitForFunction(
        (to) => {
          const main = document.querySelector('main');
          // A page may redirect (a signed-in visitor on the login page): after two seconds any path will do.
          const arrived =
            location.pathname === to ||
            performance.now() - (window as unknown as { visitStart: number }).visitStart > 2000;
          return (
            arrived &&
            main !== null &&
            main.querySelectorAll('.loading').length === 0 &&
            main.querySelector('h1, [data-testid=no-access], [data-testid=not-found]') !== null
          );
        },
        url,
        { timeout: Math.max(deadline - Date.now(), 1), polling: 100 },
      )
      .catch(() => undefined);
  // The page's state and whether it has settled, read at one instant: a redirect between two reads would
  // otherwise pair "settled" with the next page's empty main. A navigation during the read counts as unsettled.
  const read = () =>
    page
      .evaluate(() => {
        const main = document.querySelector('main');
        return {
          settled:
            main !== null &&
            main.querySelectorAll('.loading').length === 0 &&
            main.querySelector('h1, [data-testid=no-access], [data-testid=not-found]') !== null,
          h1: [...(main?.querySelectorAll('h1') ?? [])].map((e) => (e.textContent ?? '').trim()),
          noAccess: (main?.querySelectorAll('[data-testid=no-access]').length ?? 0) > 0,
          notFound: (main?.querySelectorAll('[data-testid=not-found]').length ?? 0) > 0,
          text: (main?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          loading: (main?.querySelectorAll('.loading').length ?? 0) > 0,
        };
      })
      .catch(() => null);
  // A page has settled when it shows a heading, the access message or the not-found notice (a record page of a
  // record the role may not see has no heading of its own). Data may arrive after the heading, one answer may
  // start the next request (a frozen report, then its meeting and map), and a page may send the visitor on (a coordinator's situation picture to their district's): wait
  // until the page stays settled for a moment, then give it that moment to show an error.
  let state: Awaited<ReturnType<typeof read>>;
  do {
    await settled();
    await quiet(page, deadline);
    state = await read();
  } while (!state?.settled && Date.now() < deadline);
  return state ?? { h1: [], noAccess: false, notFound: false, text: '', loading: true };
}

const GENERIC_ERRORS = /Något gick fel|Something went wrong|Sidan finns inte|This page does not exist/;

describe('every web route × every role', () => {
  const paths = Object.keys(PAGES) as PagePath[];

  for (const { who, role } of ROLES) {
    it(`${who ?? 'signed out'}: each page is useful or says there is no access; the navigation offers only usable pages`, async () => {
      const page = await pageAs(who);
      await page.goto(`${h.server.url}/`);
      const problems: string[] = [];
      for (const path of paths) {
        const url = urlOf(path);
        const state = await visit(page, url);
        const access = PAGES[path] as PageAccess;
        const mayUse = allows(me(role), access.policy);
        const label = `${url} (${access.policy})`;
        if (state.loading) problems.push(`${label}: still loading`);
        // A record page for a record the role may not see says it is not found (404 by design), heading or not.
        if (state.h1.length !== 1 && !state.notFound)
          problems.push(`${label}: ${state.h1.length} main headings ${JSON.stringify(state.h1)}`);
        if (GENERIC_ERRORS.test(state.text)) problems.push(`${label}: error text: ${state.text.slice(0, 200)}`);
        if (!mayUse && !state.noAccess) problems.push(`${label}: no access message for a role the policy leaves out`);
        if (mayUse && state.noAccess && access.policy !== 'public')
          problems.push(`${label}: access message for a role the policy includes`);
      }

      // The navigation: every link in the header (the "Mer" menu opened) leads to a page the role may use.
      await visit(page, '/');
      const more = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Mer' });
      if (await more.count()) await more.click();
      const links = await page
        .locator('header a[href^="/"]')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const href of links) {
        const path = paths.find((p) => new RegExp(`^/${p.replace(/:\w+/g, '[^/]+')}$`).test(href));
        if (path === undefined) problems.push(`nav link ${href} matches no page`);
        else if (!allows(me(role), (PAGES[path] as PageAccess).policy))
          problems.push(`nav offers ${href}, which ${who ?? 'a visitor'} may not use`);
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }

  it('shows the access message at desktop and phone width', async () => {
    const [police, analyst, visitor] = [await pageAs('polis'), await pageAs('analytiker'), await pageAs(null)];
    for (const [width, suffix] of [
      [1280, 'desktop'],
      [390, 'phone'],
    ] as const) {
      for (const page of [police, analyst, visitor]) await page.setViewportSize({ width, height: 844 });
      await police.goto(`${h.server.url}/situation`);
      await police.getByTestId('no-access').waitFor();
      expect(await police.locator('main h1').textContent()).toBe('Lägesbild hela staden');
      expect(await police.getByTestId('no-access').textContent()).toMatch(
        /^Du har inte behörighet\. Ditt konto har inte tillgång till den löpande lägesbilden/,
      );
      await shot(police, `web-access-police-situation-${suffix}`);
      await analyst.goto(`${h.server.url}/inbox`);
      await analyst.getByTestId('no-access').waitFor();
      await shot(analyst, `web-access-analyst-inbox-${suffix}`);
      await visitor.goto(`${h.server.url}/admin/audit`);
      await visitor.getByTestId('no-access').getByRole('link', { name: 'Logga in' }).waitFor();
      expect(await visitor.locator('main h1').textContent()).toBe('Granskningslogg');
      expect(await visitor.getByTestId('no-access').textContent()).toBe(
        'Logga in för att se sidan. Sidan är för medarbetare i staden och samarbetspartner.Logga in',
      );
      await shot(visitor, `web-access-visitor-audit-${suffix}`);
      expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  }, 240_000);
});
