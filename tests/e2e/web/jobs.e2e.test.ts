import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessRunner, type JobRunner } from '../../../src/features/jobs/job-runner.js';
import { type Harness, SHOTS, signIn, startHarness } from './pages.js';

describe('Bakgrundsjobb (admin)', () => {
  let h: Harness;
  let runner: JobRunner;

  beforeAll(async () => {
    let digestTries = 0;
    runner = inProcessRunner([
      { name: 'retention', periodSeconds: 86_400, run: async () => undefined },
      {
        name: 'weekly-digest',
        periodSeconds: 3600,
        retryDelaySeconds: 3600,
        run: async () => {
          digestTries += 1;
          throw new Error(`Anslutningen till e-postservern avbröts (försök ${digestTries})`);
        },
      },
    ]);
    await runner.start();
    h = await startHarness({ jobs: runner });
  }, 180_000);
  afterAll(async () => {
    await runner.stop();
    await h?.close();
  });

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    it(`lists each job in Swedish with state, tries, local times and the last error (${width} px)`, async () => {
      const page = await h.newPage({ width, height });
      await signIn(page, h, 'admin', '/admin/jobs');
      await page.goto(`${h.server.url}/admin/jobs`);
      await page.getByRole('heading', { level: 1, name: 'Bakgrundsjobb' }).waitFor();
      const rows = page.getByTestId('jobs-table').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const text = await page.getByTestId('jobs-table').innerText();
      expect(text).toContain('Gallring');
      expect(text).toContain('Veckosammanställning till anmälare');
      expect(text).toContain('Försöker igen');
      // One try made so far of each.
      expect(await rows.nth(0).locator('td').nth(2).innerText()).toBe('1');
      expect(text).toContain('Anslutningen till e-postservern avbröts (försök 1)');
      expect(text).not.toMatch(/weekly-digest|retry\b|T\d\d:\d\d:\d\d(\.\d+)?Z/);
      await page.screenshot({ path: `${SHOTS}/jobs-${width}.png`, fullPage: true });
    }, 60_000);
  }
});
