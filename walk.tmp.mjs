import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const BASE = 'http://127.0.0.1:3999';
const log = readFileSync('/tmp/walk.log', 'utf8');
const acct = (p) => { const m = log.match(new RegExp(`(${p}[^\\s]*@stockholm\\.example)\\s+(\\S+)`)); return { email: m[1], pw: m[2] }; };
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
const roles = { samordnare: ['/', '/districts', '/situation', '/quality', '/inbox', '/units', '/city'], bibliotek: ['/inbox', '/quality', '/situation', '/units'], polis: ['/situation', '/quality', '/city', '/units'], analytiker: ['/situation', '/quality', '/city', '/units', '/annual'], admin: ['/admin/audit', '/quality', '/situation'] };
for (const [prefix, paths] of Object.entries(roles)) {
  const { email, pw } = acct(prefix);
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE}/login`);
  await page.locator('#login-email').fill(email); await page.locator('#login-password').fill(pw);
  await page.locator('.login-form button[type=submit]').click();
  await page.waitForTimeout(1500);
  if (page.url().includes('account/password')) {
    const inputs = page.locator('form input[type=password]');
    const n = await inputs.count();
    const newPw = 'grön katt simmar över ljusblå fjärden';
    if (n === 3) { await inputs.nth(0).fill(pw); await inputs.nth(1).fill(newPw); await inputs.nth(2).fill(newPw); } else { await inputs.nth(0).fill(pw); await inputs.nth(1).fill(newPw); }
    await page.locator('form button[type=submit]').click(); await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/walk/${prefix}-pwchanged.png` });
  }
  for (const vp of [{ width: 1280, height: 900, n: 'd' }, { width: 390, height: 844, n: 'p' }]) {
    await page.setViewportSize(vp);
    for (const path of paths) {
      await page.goto(BASE + path); await page.waitForTimeout(2500);
      const h1 = await page.locator('h1').first().textContent().catch(() => '(no h1)');
      const body = (await page.locator('main').textContent().catch(() => '')) ?? '';
      console.log(prefix, vp.n, path, '|', h1, '|', body.length, /fel|error|hittades inte|åtkomst/i.test(body) ? 'MSG:' + body.slice(0, 160).replace(/\s+/g, ' ') : '');
      await page.screenshot({ path: `/tmp/walk/${prefix}-${vp.n}${path.replace(/\//g, '_')}.png`, fullPage: vp.n === 'd' });
    }
  }
  await ctx.close();
}
await b.close();
