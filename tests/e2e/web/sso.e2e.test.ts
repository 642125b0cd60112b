import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type TestIdentityProvider } from '../../setup/oidc-provider.js';
import { startTestServer, type TestServer } from '../../setup/test-server.js';

/** Signs in at the provider's development login form and consents, as a person would. */
async function signInAtProvider(page: Page, user: string) {
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill('whatever');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
}

describe('single sign-on with the city’s identity provider (OpenID Connect)', () => {
  let idp: TestIdentityProvider;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    server = await startTestServer({ demoIncidents: 200, identityProvider: idp });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  async function newPage() {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(server.url) || url.startsWith(idp.issuer) ? route.continue() : route.abort();
    });
    return context.newPage();
  }

  it('signs a coordinator in through the provider, linking the account by e-mail', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Logga in med stadens konto' }).click();
    await page.waitForURL(`${idp.issuer}/**`);
    await signInAtProvider(page, 'samordnare.eav@stockholm.example');
    await page.waitForURL(`${server.url}/`);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.user.email).toBe('samordnare.eav@stockholm.example');
    expect(me.memberships[0].role).toBe('coordinator');
    const providers = await page.evaluate(async () => (await fetch('/api/auth/providers')).json());
    expect(providers).toEqual({ password: true, oidc: true });
  }, 60_000);

  it('refuses someone the city has given no account, back at the sign-in page with a reason', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/api/auth/oidc/start`);
    await signInAtProvider(page, 'okand@example.se');
    await page.waitForURL(/\/login\?error=no_account/);
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'Det finns inget konto i Trygg för dig',
    );
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  }, 60_000);

  it('refuses a callback that does not match a started sign-on', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/api/auth/oidc/callback?code=forged&state=forged`);
    await page.waitForURL(/\/login\?error=sso_state/);
  }, 30_000);
});
