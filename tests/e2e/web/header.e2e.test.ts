import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  focused,
  type Harness,
  open,
  printA11ySummary,
  shot,
  signIn,
  startHarness,
} from './pages.js';

/**
 * The header for every role: one line at 1280 px (brand, navigation, account and language), the rarer tools
 * behind "Mer" and the account behind a button with the user's name, both disclosures working by keyboard;
 * at 320 px it wraps without scrolling sideways.
 */
let h: Harness;
const ROLES = [
  { who: null, more: null },
  {
    who: 'admin',
    more: [
      'Programmet',
      'Importera',
      'Trygghetsmätningar',
      'Trygghetsvandringar',
      'Granskningslogg',
      'Utlämnanden',
      'Användare och roller',
      'Gallring',
      'Bakgrundsjobb',
      'Ansvarsmatris',
      'Servicenivåer',
    ],
  },
  {
    who: 'samordnare.eav',
    more: ['Programmet', 'Importera', 'Trygghetsmätningar', 'Trygghetsvandringar', 'Ansvarsmatris', 'Servicenivåer'],
  },
  { who: 'polis', more: ['Trygghetsmätningar', 'Trygghetsvandringar', 'Ansvarsmatris', 'Servicenivåer'] },
] as const;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);
afterAll(async () => {
  printA11ySummary();
  expect(h?.foreignRequests ?? []).toEqual([]);
  await h?.close();
});

/** How many lines the header's parts take: parts whose vertical middles lie within 12 px share a line. */
async function headerLines(page: Page): Promise<number> {
  const middles = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.site-header .brand, .site-header .main-nav > ul > li, .site-header .header-tools > *',
      ),
    ].map((e) => {
      const r = e.getBoundingClientRect();
      return r.top + r.height / 2;
    }),
  );
  return middles.sort((a, b) => a - b).reduce((lines, m, i, all) => lines + (i > 0 && m - all[i - 1]! > 12 ? 1 : 0), 1);
}

async function pageFor(who: string | null, width: number): Promise<Page> {
  const page = await h.newPage({ width, height: 700 });
  if (who) await signIn(page, h, who);
  await open(page, h, '/', 'Trygghet i Stockholm');
  return page;
}

describe('header', () => {
  for (const { who, more } of ROLES) {
    it(`fits one line at 1280 px and wraps without sideways scrolling at 320 px: ${who ?? 'signed out'}`, async () => {
      const wide = await pageFor(who, 1280);
      expect(await headerLines(wide)).toBe(1);
      const nav = wide.getByRole('navigation', { name: 'Huvudmeny' });
      const button = nav.getByRole('button', { name: 'Mer' });
      expect(await button.count()).toBe(more ? 1 : 0);
      if (more) {
        await button.click();
        expect(await nav.locator('.disclosure-panel').getByRole('link').allTextContents()).toEqual(more);
        await button.click();
      }
      await shot(wide, `web-header-${who ?? 'signed-out'}-1280`);
      const narrow = await pageFor(who, 320);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await shot(narrow, `web-header-${who ?? 'signed-out'}-320`);
    }, 120_000);
  }

  it('opens "Mer" and the account by keyboard; Escape closes and gives focus back', async () => {
    const page = await pageFor('admin', 1280);
    const more = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Mer' });
    await more.focus();
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Programmet');
    await expectAccessible(page, 'header: "Mer" open');
    await shot(page, 'web-header-admin-more-open');
    await page.keyboard.press('Escape');
    expect([await more.getAttribute('aria-expanded'), (await focused(page)).text]).toEqual(['false', 'Mer▾']);
    await page.keyboard.press('Enter');
    // Programmet, Importera, Trygghetsmätningar, Trygghetsvandringar, Granskningslogg.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await more.evaluate((b) => b.classList.contains('active'))).toBe(true);

    const account = page.getByRole('button', { name: /^Konto: / });
    await account.focus();
    await page.keyboard.press('Space');
    await page.getByText(/@/).first().waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Byt lösenord');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Logga ut');
    await expectAccessible(page, 'header: account open');
    await page.keyboard.press('Escape');
    expect((await focused(page)).label ?? (await focused(page)).text).toMatch(/Systemförvaltare|Konto/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'More' }).waitFor();
    expect(await headerLines(page)).toBe(1);
    await shot(page, 'web-header-admin-1280-en');
  }, 120_000);

  it('shows the whole name: in the open account panel, and in the button for a name of usual length', async () => {
    const page = await pageFor('samordnare.eav', 1280);
    const name = 'Trygghetssamordnare Enskede-Årsta-Vantör';
    const account = page.getByRole('button', { name: `Konto: ${name}` });
    await account.click();
    expect(await page.locator('.session-menu .disclosure-panel .session-name').innerText()).toBe(name);
    await account.click();
    // A first and a double last name, as people have them: not cut (two lines at most), the header still on one line.
    const label = page.locator('.session-menu .disclosure-label');
    await label.evaluate((l) => {
      l.textContent = 'Anna-Karin Lindqvist Johansson';
    });
    expect(await label.evaluate((l) => l.scrollWidth <= l.clientWidth && l.scrollHeight <= l.clientHeight)).toBe(true);
    expect(await headerLines(page)).toBe(1);
    await shot(page, 'web-header-coordinator-1280-long-name');
    const phone = await pageFor('samordnare.eav', 390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: `Konto: ${name}` }).click();
    expect(await phone.locator('.session-menu .session-name').isVisible()).toBe(true);
    await shot(phone, 'web-header-coordinator-390-account-open');
  }, 120_000);

  it('keeps an open panel inside the screen at 320 px', async () => {
    const page = await pageFor('admin', 320);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Mer' }).click();
    const box = await page.locator('.nav-more .disclosure-panel').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    await shot(page, 'web-header-admin-320-more-open');
    await page.getByRole('button', { name: /^Konto: / }).click();
    const account = await page.locator('.session-menu .disclosure-panel').boundingBox();
    expect([account!.x >= 0, account!.x + account!.width <= 320]).toEqual([true, true]);
    await shot(page, 'web-header-admin-320-account-open');
  }, 120_000);
});
