import { execFileSync } from 'node:child_process';
import type { JobRunner } from '../../../src/features/jobs/job-runner.js';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result as AxeResult } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { OnlineBasemap } from '../../../src/domain/basemap.js';
import { isoWeekOfDay } from '../../../src/domain/calendar/index.js';
import { startTestServer, type TestServer } from '../../setup/test-server.js';

/**
 * The shared page model of the web e2e suites: one real server and one Chromium per test file, contexts that
 * may talk to the app only, and helpers to sign in, wait for a page to settle, scan it with axe and screenshot it.
 */
export const SHOTS = 'test-results';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** axe's best practices (landmarks, heading order, unique names) run too: reported, and failing when serious. */
const SCAN_TAGS = [...WCAG_TAGS, 'best-practice'];

export interface Harness {
  server: TestServer;
  browser: Browser;
  /** Requests to any host but the app: must stay empty (the app works offline). */
  foreignRequests: string[];
  /** A fresh browser context (own cookies and storage) and a page in it. */
  newPage(options?: { width?: number; height?: number; locale?: 'sv-SE' | 'en-GB' }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A private copy of the built web app: a `vite build` run elsewhere while the tests run would otherwise swap
 * the hashed chunks under the browser's feet.
 */
function snapshotWebBuild(): string {
  const dist = fileURLToPath(new URL('../../../dist/web', import.meta.url));
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/web is missing: run `npx vite build` first');
  const copy = mkdtempSync(join(tmpdir(), 'trygg-web-'));
  cpSync(dist, copy, { recursive: true, filter: (src) => !src.endsWith('.map') });
  return copy;
}

export async function startHarness(
  options: {
    /** An online tile basemap for the server to hand out. */
    basemap?: OnlineBasemap;
    /** Origins besides the app's that the pages may reach (a local tile server). */
    allowOrigins?: readonly string[];
    /** The organisation's time zone, where a suite needs another clock than Stockholm's. */
    timeZone?: string;
    /** Background jobs for the admin page to list. */
    jobs?: JobRunner;
  } = {},
): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  const webRoot = snapshotWebBuild();
  const server = await startTestServer({
    webRoot,
    ...(options.basemap ? { basemap: options.basemap } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
  });
  const allowed = [server.url, ...(options.allowOrigins ?? [])];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--lang=sv-SE',
    ],
  });
  const foreignRequests: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    foreignRequests,
    async newPage({ width = 1280, height = 900, locale = 'sv-SE' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId: 'Europe/Stockholm' });
      contexts.push(context);
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (allowed.some((o) => url.startsWith(`${o}/`)) || url.startsWith('data:') || url.startsWith('blob:')) {
          return route.continue();
        }
        foreignRequests.push(url);
        return route.abort();
      });
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

/** The demo account whose e-mail starts with `prefix` (admin, samordnare.eav, bibliotek, polis, analytiker …). */
export function account(h: Harness, prefix: string): { email: string; password: string } {
  const found = h.server.accounts.find((a) => a.email.startsWith(prefix));
  if (!found) throw new Error(`no demo account ${prefix}`);
  return found;
}

/**
 * Signs in through the login page and waits until the landing page has settled: a coordinator is sent on from
 * the situation picture to their district's, and a click made before that redirect would be lost with it.
 */
export async function signIn(page: Page, h: Harness, prefix: string, next = '/'): Promise<void> {
  const { email, password } = account(h, prefix);
  await page.goto(`${h.server.url}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('.login-form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.locator('.session-menu > button').waitFor();
  await settle(page);
}

/** The signed-in page's CSRF token, for API writes made beside the browser (test data). */
export async function csrfToken(page: Page, h: Harness): Promise<string> {
  return ((await (await page.request.get(`${h.server.url}/api/auth/me`)).json()) as { csrf_token: string }).csrf_token;
}

/** Graffiti at Högdalen centre: enough incidents in one H3 cell for Gi* to flag it as a hotspot. */
export const HOTSPOT_CLUSTER = { lon: 18.0431, lat: 59.2636, n: 14 };

/** Reports the cluster as the signed-in page's user, five minutes ago; returns the ISO week it falls in. */
export async function reportHotspotCluster(page: Page, h: Harness): Promise<string> {
  const token = await csrfToken(page, h);
  const occurred = new Date(Date.now() - 5 * 60_000);
  const { lon, lat, n } = HOTSPOT_CLUSTER;
  for (let i = 0; i < n; i++) {
    const res = await page.request.post(`${h.server.url}/api/incidents`, {
      headers: { 'X-CSRF-Token': token },
      data: {
        occurred_at: occurred.toISOString(),
        category: 'klotter',
        lon: lon + (i % 3) * 0.0001,
        lat,
        precision: 'exact',
        source: 'staff',
      },
    });
    if (res.status() !== 201) throw new Error(`reporting the hotspot cluster: HTTP ${res.status()}`);
  }
  return isoWeekOfDay(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(occurred));
}

/** The coordinator of Enskede-Årsta-Vantör signed in on a fresh page, and the id of that district's area. */
export async function signInCoordinator(h: Harness): Promise<{ page: Page; districtId: string }> {
  const page = await h.newPage();
  await signIn(page, h, 'samordnare.eav');
  const districts = (await (
    await page.request.get(`${h.server.url}/api/areas?level=district&format=json`)
  ).json()) as Array<{ id: string; name: string }>;
  const districtId = districts.find((d) => d.name === 'Enskede-Årsta-Vantör')?.id;
  if (!districtId) throw new Error('no district area Enskede-Årsta-Vantör');
  return { page, districtId };
}

/** Waits until no loading indicator is left and the network has been quiet for a moment. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, undefined, { timeout: 20_000 });
}

/** Goes to `path` and waits for its h1 and for the data to arrive. */
export async function open(page: Page, h: Harness, path: string, h1: string | RegExp): Promise<void> {
  await page.goto(`${h.server.url}${path}`);
  await page.getByRole('heading', { level: 1, name: h1 }).waitFor({ timeout: 20_000 });
  await settle(page);
}

function describe(v: AxeResult): string {
  const nodes = v.nodes.slice(0, 6).map((n) => {
    const summary = (n.failureSummary ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(1, 3)
      .join(' / ');
    return `      at ${n.target.join(' ')}\n         ${n.html.slice(0, 160)}\n         ${summary}`;
  });
  const more = v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : '';
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n    ${v.helpUrl}\n${nodes.join('\n')}${more}`;
}

/** Everything axe found, readable in a terminal; moderate and minor ones too, but only serious and critical fail. */
export interface A11yReport {
  label: string;
  blocking: AxeResult[];
  other: AxeResult[];
}
export const a11yLog: A11yReport[] = [];

/**
 * Scans the page with axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices) and throws a readable report on any serious or
 * critical violation. Moderate and minor ones are kept in `a11yLog` and printed by `printA11ySummary`.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(SCAN_TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = results.violations.filter((v) => !blocking.includes(v));
  a11yLog.push({ label, blocking, other });
  // WCAG 2.4.2 (axe only checks that a title exists): every page names itself in the title.
  const title = await page.title();
  if (!/^.+ – Trygg$/.test(title)) throw new Error(`page title "${title}" on "${label}" does not name the page`);
  if (blocking.length > 0) {
    throw new Error(
      `axe: ${blocking.length} serious/critical violation(s) on "${label}" (${page.url()}):\n${blocking.map(describe).join('\n')}`,
    );
  }
}

export function printA11ySummary(): void {
  const minor = a11yLog.filter((r) => r.other.length > 0);
  const lines = [
    `axe scanned ${a11yLog.length} page state(s); ${a11yLog.filter((r) => r.blocking.length > 0).length} with serious/critical violations.`,
  ];
  for (const r of minor) lines.push(`  moderate/minor on "${r.label}":\n${r.other.map(describe).join('\n')}`);
  console.log(lines.join('\n'));
}

/** A PDF's text, as poppler reads it (what a recipient's reader would find and copy). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
}

/** Renders a PDF's first page to `${SHOTS}/${name}.png`, to look at as its recipient would. */
export function pdfFirstPageShot(pdf: Buffer, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', '-', `${SHOTS}/${name}`], {
    input: pdf,
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The element that has focus, described for assertions (tag, id, text or accessible label). */
export interface Focused {
  tag: string;
  id: string;
  className: string;
  text: string;
  label: string | null;
  type: string | null;
}
export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      text: (el?.textContent ?? '').trim(),
      label: el?.getAttribute('aria-label') ?? null,
      type: el?.getAttribute('type') ?? null,
    };
  });
}

/** Whether the focused element shows a focus indicator (an outline or a box shadow). */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const ring = (node: Element) => {
      const s = getComputedStyle(node);
      return (
        (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '')
      );
    };
    // Radio buttons show their ring on the surrounding label.
    const label = el.matches('input[type=radio], input[type=checkbox]') ? el.closest('label') : null;
    return ring(el) || (label !== null && ring(label));
  });
}

/**
 * Presses Tab (or Shift+Tab) until `match` holds for the focused element; fails after `max` presses.
 * Checks on every stop that the focus is visible.
 */
export async function tabTo(
  page: Page,
  match: (f: Focused) => boolean,
  { max = 60, back = false, what = 'element' }: { max?: number; back?: boolean; what?: string } = {},
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f.tag !== 'body' && !(await focusIsVisible(page)))
      throw new Error(`focus not visible on ${f.tag}#${f.id} "${f.text.slice(0, 40)}"`);
    if (match(f)) return;
  }
  throw new Error(`Tab never reached ${what} in ${max} presses`);
}

/** Chooses an option of the focused <select> with the arrow keys (no mouse, no popup). */
export async function chooseWithArrows(page: Page, label: string | RegExp, max = 80): Promise<void> {
  const selected = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : null;
    });
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  for (let i = 0; i <= max; i++) {
    const text = await selected();
    if (text === null) throw new Error('the focused element is not a <select>');
    if (matches(text)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option ${String(label)} not reached with ArrowDown`);
}
