import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfToken,
  expectAccessible,
  type Harness,
  open,
  printA11ySummary,
  settle,
  shot,
  signIn,
  startHarness,
} from './pages.js';

/**
 * Administration in the browser: the admin invites an account with a one-time password and changes its role;
 * the new user signs in with that password and must replace it; the retention page shows its dry run and runs
 * after a confirmation; the audit log tells all of it in sentences. Desktop and phone, scanned with axe.
 */
let h: Harness;
let admin: Page;
const STAMP = Date.now();
const NAME = 'Vera Nilsson';
const EMAIL = `vera.nilsson.${STAMP}@example.se`;
const NEW_PASSWORD = 'blåbärssoppa vid midnatt';
let oneTimePassword = '';
let vera: Page;
const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

beforeAll(async () => {
  h = await startHarness();
  admin = await h.newPage();
  await signIn(admin, h, 'admin');
}, 120_000);
afterAll(async () => {
  printA11ySummary();
  await h?.close();
});

describe('users and roles', () => {
  it('the admin invites a user and is shown the one-time password once', async () => {
    await nav(admin).getByRole('button', { name: 'Mer' }).click();
    await nav(admin).getByRole('link', { name: 'Användare och roller' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Användare och roller' }).waitFor();
    await settle(admin);

    // An empty submit names every missing field in the summary.
    await admin.getByRole('button', { name: 'Bjud in', exact: true }).click();
    const summary = admin.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Fyll i namnet.');
    expect(await admin.locator('#invite-unit').getAttribute('aria-invalid')).toBe('true');

    await admin.locator('#invite-name').fill(NAME);
    await admin.locator('#invite-email').fill(EMAIL);
    await admin.locator('#invite-unit').selectOption({ index: 1 });
    await admin.locator('#invite-role').selectOption('analyst');
    await admin.getByRole('button', { name: 'Bjud in', exact: true }).click();
    const password = admin.getByTestId('one-time-password');
    await password.waitFor();
    oneTimePassword = (await password.textContent()) ?? '';
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    const row = admin.locator(`tr[data-user="${EMAIL}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Analytiker');
    expect(await row.textContent()).toContain('Engångslösenord, inte bytt');
  }, 60_000);

  it('changes the role, and the list shows it', async () => {
    await admin.getByRole('button', { name: `Ändra roller för ${NAME}` }).click();
    await admin.getByRole('heading', { level: 2, name: `Roller för ${NAME}` }).waitFor();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('memberships-title');
    await admin.locator('#membership-0-role').selectOption('coordinator');
    await admin.getByRole('button', { name: 'Spara roller' }).click();
    await admin.getByText(`Rollerna för ${NAME} är sparade.`).waitFor();
    const row = admin.locator(`tr[data-user="${EMAIL}"]`);
    await row.getByText(/Samordnare/).waitFor();
    expect(await row.textContent()).not.toContain('Analytiker');
    await expectAccessible(admin, 'users and roles (desktop)');
    await shot(admin, 'web-admin-users');
  }, 60_000);

  it('the new user signs in with the one-time password, must replace it, then finds "Byt lösenord" in the account menu', async () => {
    vera = await h.newPage();
    await vera.goto(`${h.server.url}/login`);
    await vera.locator('#login-email').fill(EMAIL);
    await vera.locator('#login-password').fill(oneTimePassword);
    await vera.locator('.login-form button[type=submit]').click();
    await vera.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
    await vera.getByLabel('Nuvarande lösenord').fill(oneTimePassword);
    await vera.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
    await vera.getByRole('button', { name: 'Byt lösenord' }).click();
    await vera.waitForURL(`${h.server.url}/`);
    await vera.locator('.session-menu > button').click();
    await vera.locator('.session-menu').getByRole('link', { name: 'Byt lösenord' }).click();
    await vera.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
    expect(await vera.locator('.lead').textContent()).toContain('Välj ett nytt lösenord');
    // Coordinators do not administer accounts: no menu link, and the page says so.
    await open(vera, h, '/admin/users', 'Användare och roller');
    expect(await vera.locator('main').textContent()).toMatch(/behörighet|administratörer/i);
  }, 60_000);

  it('deactivation asks first, signs the user out at once, and reactivation lets them back in', async () => {
    await open(admin, h, '/admin/users', 'Användare och roller');
    await admin.getByRole('button', { name: `Inaktivera ${NAME}` }).click();
    const question = admin.getByText(`Inaktivera ${NAME}? Hen loggas ut direkt`);
    await question.waitFor();
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toContain(`Inaktivera ${NAME}?`);
    await admin.getByRole('button', { name: 'Ja, inaktivera' }).click();
    await admin.getByText(`${NAME} är inaktiverad och utloggad.`).waitFor();
    const row = admin.locator(`tr[data-user="${EMAIL}"]`);
    await row.getByText('Inaktiverad', { exact: true }).waitFor();
    // Vera's open session is gone: the next page she loads finds her signed out.
    await vera.goto(`${h.server.url}/inbox`);
    await vera.locator('.session-link', { hasText: 'Logga in' }).waitFor();
    await admin.getByRole('button', { name: `Återaktivera ${NAME}` }).click();
    await admin.getByText(`${NAME} kan logga in igen.`).waitFor();
    await row.getByText('Aktiv', { exact: true }).waitFor();
  }, 60_000);
});

describe('retention', () => {
  it('shows what the next run would remove, and runs after a confirmation', async () => {
    await open(admin, h, '/admin/retention', 'Gallring av personuppgifter');
    const preview = admin.getByTestId('retention-preview');
    expect(await preview.textContent()).toMatch(/Importrapporter äldre än 12 månader: \d+/);
    expect(await preview.textContent()).toMatch(/Utgångna inloggningssessioner äldre än 1 månad: \d+/);
    await expectAccessible(admin, 'retention (desktop)');
    await shot(admin, 'web-admin-retention');
    const run = admin.getByRole('button', { name: 'Gallra nu' });
    if ((await run.count()) > 0) {
      await run.click();
      await admin.getByText(/Gallra [\d\s]+ poster? nu\? Det går inte att ångra\./).waitFor();
      await admin.getByRole('button', { name: 'Ja, gallra nu' }).click();
      await admin.getByText(/Gallringen är klar/).waitFor();
    } else {
      await admin.getByText('Det finns inget att gallra just nu.').waitFor();
      const res = await admin.request.post(`${h.server.url}/api/gdpr/retention`, {
        data: { dry_run: false },
        headers: { 'x-csrf-token': await csrf(admin) },
      });
      expect(res.status()).toBe(200);
      await admin.reload();
    }
    await settle(admin);
    const runs = admin.getByRole('region', { name: /De senaste gallringarna/ });
    await runs.locator('tbody tr').first().waitFor();
    expect(await runs.locator('tbody tr').first().textContent()).not.toContain('@');
  }, 60_000);
});

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get(`${h.server.url}/api/auth/me`)).json()) as { csrf_token: string }).csrf_token;
}

describe('audit log', () => {
  it('tells the invitation and the role change as sentences with names', async () => {
    await open(admin, h, '/admin/audit?entity_type=user', 'Granskningslogg');
    await admin.locator('.audit-table tbody tr').first().waitFor();
    const sentences = await admin.getByTestId('audit-sentence').allTextContents();
    expect(sentences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`ändrade roller på kontot '${NAME}' från Analytiker till Samordnare$`)),
        expect.stringMatching(new RegExp(`skapade kontot '${NAME}'$`)),
        `${NAME} loggade in`,
        `${NAME} bytte lösenord`,
        expect.stringMatching(new RegExp(`inaktiverade kontot '${NAME}'$`)),
        expect.stringMatching(new RegExp(`återaktiverade kontot '${NAME}'$`)),
      ]),
    );
    expect(sentences.join(' ')).not.toMatch(/_|\{/);
    await expectAccessible(admin, 'audit log as sentences (desktop)');
    await shot(admin, 'web-admin-audit');
  }, 60_000);
});

describe('on a phone (390 px)', () => {
  it('users, retention and the audit log fit and stay accessible', async () => {
    const phone = await h.newPage({ width: 390, height: 844 });
    await signIn(phone, h, 'admin');
    for (const [path, h1, name] of [
      ['/admin/users', 'Användare och roller', 'users'],
      ['/admin/retention', 'Gallring av personuppgifter', 'retention'],
      ['/admin/audit?entity_type=user', 'Granskningslogg', 'audit'],
    ] as const) {
      await open(phone, h, path, h1);
      // The page itself does not scroll sideways; wide tables scroll in their own region.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(phone, `${name} (phone)`);
      await shot(phone, `web-admin-${name}-phone`);
    }
  }, 90_000);
});

describe('the programme as a governing document', () => {
  const DRAFT = `Trygghetsprogram 2024–2027, utkast ${STAMP}`;
  const ADDED = 'och i kollektivtrafiken';
  let draftPath = '';

  it('the admin creates a draft from 2020–2023, edits a sub-goal and compares the versions', async () => {
    // Staff find the programme under "Mer" (the header keeps one line); the public has it in the navigation.
    await nav(admin).getByRole('button', { name: 'Mer' }).click();
    await nav(admin).getByRole('link', { name: 'Programmet' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Programmet' }).waitFor();
    await settle(admin);
    const versions = admin.getByRole('table', { name: 'Versioner' });
    expect(await versions.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/2020–2023.*Antagen.*KS 2020\/1939/),
      expect.stringMatching(/2018–2021.*Ersatt/),
    ]);
    await shot(admin, 'web-programme-doc-list');
    await versions.getByRole('link', { name: /2020–2023/ }).click();
    await admin.getByRole('heading', { level: 1, name: /2020–2023/ }).waitFor();
    await settle(admin);
    expect(await admin.locator('.programme-goal').textContent()).toContain('trygg, säker och välskött stad');
    // Once in the document's sub-goals (the follow-up below the document names the goal again).
    const subGoals = admin.locator('section[aria-labelledby="chapter-sub_goal"]');
    expect(await subGoals.getByRole('heading', { level: 3, name: /^2\.2\s*Ökad trygghet/ }).count()).toBe(1);
    await expectAccessible(admin, 'programme version (desktop)');
    await shot(admin, 'web-programme-doc-version');

    await admin.locator('#draft-title').fill(DRAFT);
    await admin.locator('#draft-period_from').fill('2024');
    await admin.locator('#draft-period_to').fill('2027');
    await admin.getByRole('button', { name: 'Skapa utkast' }).click();
    await admin.getByRole('heading', { level: 1, name: `Ändra ${DRAFT}` }).waitFor();
    await settle(admin);
    draftPath = new URL(admin.url()).pathname.replace(/\/edit$/, '');
    const subGoal = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: /Ökad trygghet/ }) });
    const body = subGoal.getByLabel('Text');
    await body.fill(`${await body.inputValue()} ${ADDED}`);
    await subGoal.getByRole('button', { name: 'Spara' }).click();
    await subGoal.getByText('Sparat.').waitFor();
    await expectAccessible(admin, 'programme draft edit page');
    await shot(admin, 'web-programme-doc-edit');

    // Another admin saves the same section meanwhile (same text): this form's next save is refused, not lost.
    const draftId = draftPath.split('/').pop()!;
    const sections = (
      (await (await admin.request.get(`${h.server.url}/api/programme-versions/${draftId}`)).json()) as {
        sections: Array<{ id: string; heading: string | null; body: string; version: number }>;
      }
    ).sections;
    const current = sections.find((s) => s.heading?.startsWith('Ökad trygghet'))!;
    const other = await admin.request.patch(`${h.server.url}/api/programme-sections/${current.id}`, {
      headers: { 'X-CSRF-Token': await csrfToken(admin, h), 'If-Match': `"${current.version}"` },
      data: { body: current.body },
    });
    expect(other.status()).toBe(200);
    await subGoal.getByRole('button', { name: 'Spara' }).click();
    await subGoal
      .getByRole('alert')
      .filter({ hasText: 'Någon annan har ändrat uppgiften sedan du öppnade den. Ladda om och gör din ändring igen.' })
      .waitFor();
    await shot(admin, 'web-programme-doc-edit-conflict');

    // By keyboard: Enter on "move up" moves the sub-goal to 2.1, and the focus stays with the section's move button.
    await subGoal.getByRole('button', { name: 'Flytta 2.2 uppåt' }).focus();
    await admin.keyboard.press('Enter');
    await subGoal.getByText('Avsnittet är flyttat och har nu nummer 2.1.').waitFor();
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Flytta 2.1 nedåt');
    await shot(admin, 'web-programme-doc-edit-moved');
    await admin.keyboard.press('Enter');
    await subGoal.getByText('Avsnittet är flyttat och har nu nummer 2.2.').waitFor();

    await admin.getByRole('link', { name: 'Visa versionen' }).click();
    await admin.getByRole('heading', { level: 1, name: DRAFT }).waitFor();
    await admin.getByRole('link', { name: 'Jämför två versioner' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Vad skiljer versionerna' }).waitFor();
    await settle(admin);
    const changed = admin.locator('.diff-section[data-change="changed"]');
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('ins').textContent()).toContain(ADDED);
    await expectAccessible(admin, 'programme comparison (desktop)');
    await shot(admin, 'web-programme-doc-compare');
  }, 120_000);

  it('the draft goes on consultation to the culture administration and the city archive, both answer, and the office handles the proposals', async () => {
    const deadline = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
      new Date(Date.now() + 14 * 86_400_000),
    );
    await open(admin, h, `${draftPath}/consultation`, `Remissomgångar för ${DRAFT}`);
    await admin.getByLabel('Kulturnämnden/Kulturförvaltningen').check();
    await admin.getByLabel('Stadsarkivet', { exact: true }).check();
    await admin.locator('#send-deadline').fill(deadline);
    await expectAccessible(admin, 'send on consultation (desktop)');
    await admin.getByRole('button', { name: 'Skicka remissen' }).click();
    await admin.getByText('0 av 2 har svarat, 0 försenade').waitFor();
    await shot(admin, 'web-consultation-version');

    for (const [who, proposal] of [
      ['bibliotek', 'Ange att offentlig miljö också omfattar bibliotek.'],
      ['arkiv', 'Nämn arkivens läsesalar i definitionen.'],
    ] as const) {
      const unit = await h.newPage(who === 'arkiv' ? { width: 390, height: 844 } : undefined);
      await signIn(unit, h, who);
      if (who === 'bibliotek') {
        // The consultation waits in the unit's inbox, linked to the response, until the unit has answered.
        await open(unit, h, '/inbox', 'Inkorg');
        const item = unit.locator('li[data-kind="consultation_response"]', { hasText: DRAFT });
        await item.getByText('Remiss att besvara').waitFor();
        await item.getByRole('link', { name: DRAFT }).click();
      } else {
        await open(unit, h, '/programmes/responses', 'Remisser att besvara');
        await unit.getByRole('link', { name: DRAFT }).click();
      }
      await unit.getByRole('heading', { level: 1, name: /^Remissvar: / }).waitFor();
      await settle(unit);
      await unit.getByLabel('Sammanfattning av svaret').fill('Nämnden tillstyrker förslaget med en ändring.');
      const definition = unit.getByRole('group', { name: /Offentlig miljö/ });
      await definition.getByLabel('Synpunkt').fill('Offentliga rum inomhus saknas i definitionen.');
      await definition.getByLabel('Förslag till ändring').fill(proposal);
      await unit.getByRole('button', { name: 'Spara utkast' }).click();
      await unit.getByText('Utkastet är sparat.').waitFor();
      await expectAccessible(unit, `answer the consultation (${who})`);
      await unit.getByRole('button', { name: 'Skicka in svaret' }).click();
      await unit.getByText(/^Svaret skickades in/).waitFor();
      if (who === 'arkiv')
        expect(await unit.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(unit, `web-consultation-answer-${who}`);
      if (who === 'bibliotek') {
        await open(unit, h, '/inbox', 'Inkorg');
        await unit.getByText(/^\d+ (ärende|ärenden)$/).waitFor();
        expect(await unit.locator('li[data-kind="consultation_response"]', { hasText: DRAFT }).count()).toBe(0);
      }
      await unit.close();
    }

    await admin.getByRole('link', { name: /^Skickad / }).click();
    await admin.waitForURL(/\/programmes\/consultations\//);
    await admin.getByRole('heading', { level: 1, name: `Remiss: ${DRAFT}` }).waitFor();
    await settle(admin);
    expect(await admin.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['Har svarat', 'Har svarat']);
    const statements = admin.locator('.consultation-section', {
      has: admin.getByRole('heading', { name: /Offentlig miljö/ }),
    });
    expect(await statements.locator('.consultation-statements > li h4').allTextContents()).toEqual([
      'Kulturnämnden/Kulturförvaltningen',
      'Stadsarkivet',
    ]);
    const archive = statements.locator('.consultation-statements > li', { hasText: 'Stadsarkivet' });
    await archive.getByLabel('Avslås').check();
    await archive.getByRole('button', { name: 'Spara hanteringen' }).click();
    await archive.getByText('Skriv en motivering.').waitFor();
    await archive.getByLabel('Motivering').fill('Läsesalar ingår redan i bibliotek och andra offentliga rum.');
    await archive.getByRole('button', { name: 'Spara hanteringen' }).click();
    await archive.getByText('Hanterat: Avslås').waitFor();
    const culture = statements.locator('.consultation-statements > li', { hasText: 'Kulturnämnden' });
    await culture.getByRole('button', { name: 'Spara hanteringen' }).click();
    await culture.getByText('Hanterat: Godtas').waitFor();
    await expectAccessible(admin, 'consultation round (desktop)');
    await shot(admin, 'web-consultation-round');
    const phone = await h.newPage({ width: 390, height: 844 });
    await signIn(phone, h, 'admin', new URL(admin.url()).pathname);
    await phone.getByRole('heading', { level: 1, name: `Remiss: ${DRAFT}` }).waitFor();
    await settle(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'consultation round (phone)');
    await shot(phone, 'web-consultation-round-phone');
    await phone.close();
  }, 180_000);

  it('a signed-out visitor sees only the adopted versions, and not the draft', async () => {
    const visitor = await h.newPage({ width: 390, height: 844 });
    await visitor.goto(`${h.server.url}/`);
    await visitor.getByRole('link', { name: 'Programmet' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Programmet' }).waitFor();
    await settle(visitor);
    const rows = await visitor.getByRole('table', { name: 'Versioner' }).locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows.join(' ')).not.toContain(DRAFT);
    expect(rows.join(' ')).not.toMatch(/Utkast|På remiss/);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(visitor, 'programme list, public (phone)');
    await shot(visitor, 'web-programme-doc-list-public-phone');
    await open(visitor, h, draftPath, 'Programmet');
    await visitor.getByTestId('not-found').waitFor();
    await visitor.goto(`${h.server.url}/programmes`);
    await visitor
      .getByRole('table', { name: 'Versioner' })
      .getByRole('link', { name: /2020–2023/ })
      .click();
    await visitor.getByRole('heading', { level: 1, name: /2020–2023/ }).waitFor();
    await settle(visitor);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(visitor, 'programme version, public (phone)');
    await shot(visitor, 'web-programme-doc-version-public-phone');
  }, 90_000);
});
