import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Harness,
  open,
  printA11ySummary,
  settle,
  shot,
  signInCoordinator,
  startHarness,
} from './pages.js';

/**
 * A place as a resource of the local work: the coordinator of Enskede-Årsta-Vantör opens Högdalens bibliotek,
 * reads its hours, whom to contact, the incidents per zone and the Högdalen model aimed at it, then calls on the
 * culture administration for the library's premises from the problem page.
 */
let h: Harness;
let coordinator: Page;
let libraryId = '';

beforeAll(async () => {
  h = await startHarness();
  ({ page: coordinator } = await signInCoordinator(h));
  const places = (await (
    await coordinator.request.get(`${h.server.url}/api/places?q=H%C3%B6gdalens`)
  ).json()) as Array<{
    id: string;
    name: string;
  }>;
  libraryId = places.find((p) => p.name === 'Högdalens bibliotek')?.id ?? '';
  expect(libraryId).not.toBe('');
}, 180_000);

afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

describe('the place page', () => {
  it('shows opening hours, the responsible units with their contact, incidents per zone and month, and the measures', async () => {
    await open(coordinator, h, `/places/${libraryId}`, 'Högdalens bibliotek');
    const hours = coordinator.getByRole('region', { name: 'Öppettider', exact: true });
    await expect.poll(() => hours.getByRole('row', { name: /måndag/i }).innerText()).toMatch(/10:00–19:00/);
    expect(await hours.innerText()).toContain('Exempel i demodatan');
    await expect
      .poll(() => coordinator.locator('a[href^="mailto:"]').first().getAttribute('href'))
      .toMatch(/^mailto:trygghet\.kulturforvaltningen@stockholm\.example$/);
    const zones = coordinator.getByRole('table', { name: /per zon/ });
    expect(await zones.getByRole('columnheader').allInnerTexts()).toEqual(
      expect.arrayContaining(['Månad', 'Entré', 'Läsesal', 'Barnavdelning']),
    );
    expect(await zones.locator('tbody tr').count()).toBe(13);
    const measures = coordinator.getByRole('region', { name: 'Åtgärder på platsen' });
    await expect.poll(() => measures.innerText()).toContain('Högdalsmodellen');
    await expectAccessible(coordinator, 'place page (coordinator)');
    await shot(coordinator, 'web-place-resource');
  }, 90_000);

  it('reads on a phone, and the public sees hours but no measures they may not see', async () => {
    const resident = await h.newPage({ width: 390, height: 844 });
    await open(resident, h, `/places/${libraryId}`, 'Högdalens bibliotek');
    await expect
      .poll(() => resident.getByRole('region', { name: 'Öppettider', exact: true }).innerText())
      .toMatch(/10:00–19:00/);
    expect(await resident.getByRole('region', { name: 'Åtgärder på platsen' }).innerText()).not.toContain(
      'Högdalsmodellen',
    );
    const overflow = await resident.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(resident, 'place page (public, phone)');
    await shot(resident, 'web-place-resource-phone');
  }, 90_000);
});

describe('a contribution request that names a place', () => {
  it('offers the asked unit’s premises and shows the place with the request', async () => {
    const problems = (await (await coordinator.request.get(`${h.server.url}/api/problems`)).json()) as Array<{
      id: string;
      title: string;
    }>;
    const problem = problems.find((p) => p.title.includes('Högdalens bibliotek'));
    expect(problem).toBeDefined();
    await open(coordinator, h, `/problems/${problem!.id}`, /Högdalens bibliotek/);
    await coordinator.locator('#request-to-unit-id').selectOption({ label: 'Kulturnämnden/Kulturförvaltningen' });
    const place = coordinator.locator('#request-place-id');
    await expect.poll(() => place.locator('option').allInnerTexts()).toContain('Högdalens bibliotek');
    await place.selectOption({ label: 'Högdalens bibliotek' });
    await coordinator.locator('#request-what').fill('Får vi använda bibliotekets lokal för ett trygghetsmöte?');
    await coordinator.getByRole('button', { name: 'Skicka begäran' }).click();
    await coordinator.getByText('Begäran är skickad till').waitFor();
    await settle(coordinator);
    await expect
      .poll(() => coordinator.getByRole('link', { name: 'Plats: Högdalens bibliotek' }).count())
      .toBeGreaterThan(0);
  }, 90_000);
});
