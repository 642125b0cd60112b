import { afterAll, beforeAll, expect, it } from 'vitest';
import { account, csrfToken, expectAccessible, type Harness, settle, signIn, startHarness } from './pages.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(async () => h?.close());

it('tells the user that changing the password revoked their API tokens', async () => {
  const page = await h.newPage();
  await signIn(page, h, 'trafik');
  const issued = await page.request.post(`${h.server.url}/api/auth/tokens`, {
    headers: { 'X-CSRF-Token': await csrfToken(page, h) },
    data: { name: 'Trafikdata', scopes: ['incidents:read'] },
  });
  const { token } = (await issued.json()) as { token: string };
  expect(
    (
      await page.request.get(`${h.server.url}/api/incidents?limit=1`, { headers: { authorization: `Bearer ${token}` } })
    ).status(),
  ).toBe(200);

  await page.goto(`${h.server.url}/account/password`);
  await page.locator('#password-current').fill(account(h, 'trafik').password);
  await page.locator('#password-new').fill('cyklar på Sveavägen varje tisdag');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  const status = page.getByRole('status').filter({ hasText: 'API-nyckel' });
  await status.waitFor();
  expect(await status.textContent()).toContain('har återkallats');
  await settle(page);
  await expectAccessible(page, 'password changed, tokens revoked');
  expect(
    (
      await page.request.get(`${h.server.url}/api/incidents?limit=1`, { headers: { authorization: `Bearer ${token}` } })
    ).status(),
  ).toBe(401);
  await page.getByRole('link', { name: 'Fortsätt' }).click();
  await page.waitForURL(`${h.server.url}/`);
}, 120_000);
