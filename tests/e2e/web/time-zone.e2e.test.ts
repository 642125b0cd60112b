import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken, type Harness, open, signIn, startHarness } from './pages.js';

/**
 * A municipality on another clock than the browser's: the web app reads times and "today" on the
 * organisation's zone from `/api/organisation`, not on Stockholm's and not on the visitor's. Kiritimati is
 * UTC+14 all year, so its day differs from Stockholm's for thirteen hours of every day.
 */
const ZONE = 'Pacific/Kiritimati';
let h: Harness;
let admin: Page;

beforeAll(async () => {
  h = await startHarness({ timeZone: ZONE });
  admin = await h.newPage();
  await signIn(admin, h, 'admin');
}, 180_000);

afterAll(async () => {
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('the organisation’s time zone', () => {
  it('is the one the API gives', async () => {
    const organisation = (await (await admin.request.get(`${h.server.url}/api/organisation`)).json()) as {
      time_zone: string;
    };
    expect(organisation.time_zone).toBe(ZONE);
  });

  it('shows an incident’s time on the organisation’s clock while the browser is in Stockholm', async () => {
    const res = await admin.request.post(`${h.server.url}/api/incidents`, {
      headers: { 'X-CSRF-Token': await csrfToken(admin, h) },
      data: {
        occurred_at: '2026-12-01T12:00:00Z',
        category: 'klotter',
        lon: 18.0431,
        lat: 59.2636,
        precision: 'exact',
        source: 'staff',
      },
    });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await open(admin, h, `/incidents/${id}`, /.+/);
    const times = await admin.locator(`time[datetime^="2026-12-01T12:00"]`).allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    // 12:00 UTC is 02:00 the next day in Kiritimati; Stockholm's clock would say 13:00 on the 1st.
    for (const text of times) expect(text).toBe('2026-12-02 02:00');
  }, 60_000);
});
