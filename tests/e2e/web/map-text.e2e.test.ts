import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitView } from '../../../src/domain/views.js';
import { csrfToken, type Harness, open, settle, signIn, startHarness } from './pages.js';

/**
 * Text typed by people enters maps as text (src/web/components/map-text.ts): a measure titled with markup
 * shows the markup literally in its map tooltip, and no element of it is created, whatever the CSP.
 */
let h: Harness;
let page: Page;
const dialogs: string[] = [];
const TITLE = '<img src=x onerror="window.__xss=1;alert(1)"> <b>fet</b> belysning';

async function post(path: string, data: object): Promise<{ id: string }> {
  const res = await page.request.post(`${h.server.url}${path}`, {
    headers: { 'X-CSRF-Token': await csrfToken(page, h) },
    data,
  });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page, h, 'bibliotek');
  const unitId = (
    (await (await page.request.get(`${h.server.url}/api/auth/me`)).json()) as {
      memberships: Array<{ unit_id: string }>;
    }
  ).memberships[0]!.unit_id;
  const view = (await (await page.request.get(`${h.server.url}/api/views/units/${unitId}`)).json()) as UnitView;
  const place = view.premises[0]!;
  const problem = await post('/api/problems', {
    owner_unit_id: unitId,
    place_ids: [place.id],
    title: TITLE,
    statement: 'Mörkt vid entrén.',
    categories: ['klotter'],
  });
  await post('/api/measures', {
    problem_ids: [problem.id],
    responsible_unit_id: unitId,
    place_ids: [place.id],
    title: TITLE,
    type: 'situational',
  });
}, 180_000);

afterAll(async () => {
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('map tooltips show titles as text', () => {
  it("a measure title with markup, on the unit view's map", async () => {
    await open(page, h, '/units', 'Kulturnämnden/Kulturförvaltningen');
    const markers = page.locator('path.unit-map-measure');
    await markers.first().waitFor();
    const tooltip = page.locator('.leaflet-tooltip', { hasText: 'onerror' });
    for (let i = 0; i < (await markers.count()) && !(await tooltip.count()); i++) {
      await markers.nth(i).hover({ force: true });
      await page.waitForTimeout(100);
    }
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(`: ${TITLE} – `);
    expect(
      await page.locator('.leaflet-tooltip img, .leaflet-tooltip b, .leaflet-container img[src="x"]').count(),
    ).toBe(0);
    await settle(page);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  }, 60_000);
});
