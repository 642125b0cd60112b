import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, type Harness, open, settle, shot, signIn, startHarness } from './pages.js';

/**
 * The resident's loop: a resident reports with a photo and gets a receipt code; staff find the report by the
 * code, see the photo and reply; the resident sees the reply and the status history on the follow page.
 */
let h: Harness;
let resident: Page;
let coordinator: Page;
let dir = '';
let photoPath = '';
let receipt = '';
const REPLY = `Tack! Elektrikern byter lampan i veckan. Frågor: ring 070-123 45 67 (${Date.now()})`;

beforeAll(async () => {
  h = await startHarness();
  resident = await h.newPage();
  coordinator = await h.newPage();
  dir = mkdtempSync(join(tmpdir(), 'trygg-photo-'));
  photoPath = join(dir, 'lampan.jpg');
  writeFileSync(
    photoPath,
    await sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: 240, g: 190, b: 40 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 15/1 0/1' } })
      .toBuffer(),
  );
}, 180_000);

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('a resident reports with a photo and gets a receipt code', async () => {
  await open(resident, h, '/report', 'Rapportera');
  await resident.locator('#report-place option', { hasText: 'Högdalens bibliotek' }).waitFor({ state: 'attached' });
  await resident.getByLabel('Välj plats').selectOption({ label: 'Högdalens bibliotek' });
  await resident.getByLabel('Kategori').selectOption({ label: 'Trasig belysning' });
  await resident.locator('#report-photo').setInputFiles(photoPath);
  await resident.getByText('lampan.jpg').waitFor();
  await expectAccessible(resident, 'report form with a photo chosen');
  await resident.getByRole('button', { name: 'Skicka rapport' }).click();
  await resident.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor({ timeout: 15_000 });
  receipt = (await resident.getByTestId('receipt-code').textContent()) ?? '';
  expect(receipt).toMatch(/^TR-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await resident.getByText('Fotot är skickat.').waitFor({ timeout: 15_000 });
  await shot(resident, 'web-resident-receipt');
}, 90_000);

it('refuses a file that is not a JPEG, PNG or HEIC photo before sending it', async () => {
  await open(resident, h, '/report', 'Rapportera');
  await resident
    .locator('#report-photo')
    .setInputFiles({ name: 'bild.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await resident.locator('#report-photo-error').getByText('Fotot måste vara en JPEG-, PNG- eller HEIC-bild.').waitFor();
  expect(await resident.locator('#report-photo').getAttribute('aria-invalid')).toBe('true');
}, 60_000);

it('staff find the report by its receipt code, see the photo and reply to the reporter', async () => {
  await signIn(coordinator, h, 'samordnare.eav');
  // The coordinator lands on the district's situation picture; the receipt search is on the start page.
  await open(coordinator, h, '/', 'Trygghet i Stockholm');
  await coordinator.getByLabel('Kvittokod').fill(receipt.toLowerCase());
  await coordinator.getByRole('button', { name: 'Sök' }).click();
  await coordinator.getByRole('heading', { level: 1, name: 'Trasig belysning' }).waitFor({ timeout: 15_000 });
  await settle(coordinator);
  expect(await coordinator.getByTestId('incident-receipt').textContent()).toBe(receipt);
  expect(await coordinator.getByTestId('incident-id').count()).toBe(0);
  const photo = coordinator.locator('.resident-panel img.report-photo');
  await photo.waitFor();
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);

  await coordinator.getByRole('button', { name: 'Skicka svar' }).click();
  await coordinator.locator('#resident-reply-error').getByText('Skriv ett svar.').waitFor();
  await coordinator.getByLabel('Svar till den som anmälde').fill(REPLY);
  await coordinator.getByRole('button', { name: 'Skicka svar' }).click();
  await coordinator.getByText('Svaret är skickat.').waitFor();
  const sent = (await coordinator.getByTestId('staff-replies').textContent()) ?? '';
  expect(sent).toContain('[telefon]');
  expect(sent).not.toContain('070-123');

  await coordinator.getByLabel('Pågår').check();
  await coordinator.getByRole('button', { name: 'Spara status' }).click();
  await coordinator.getByText('Statusen är sparad: Pågår.').waitFor();
  await expectAccessible(coordinator, 'staff incident page with the reporter panel');
  await shot(coordinator, 'web-resident-staff');
  const phone = await h.newPage({ width: 390, height: 844 });
  await signIn(phone, h, 'samordnare.eav', new URL(coordinator.url()).pathname);
  await phone.getByTestId('incident-receipt').waitFor({ timeout: 15_000 });
  await settle(phone);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(phone, 'web-resident-staff-phone');
}, 120_000);

it('the resident sees the reply, the status history, the handling time, the photo and the place', async () => {
  await open(resident, h, `/follow/${receipt}`, 'Följ din rapport');
  await resident.getByRole('heading', { name: `Rapport ${receipt}` }).waitFor();
  const history = resident.getByTestId('status-history').locator('li');
  expect(await history.count()).toBe(2);
  expect(await history.nth(0).textContent()).toContain('Ny');
  expect(await history.nth(1).textContent()).toContain('Pågår');
  const replies = (await resident.getByTestId('public-updates').textContent()) ?? '';
  expect(replies).toContain('Elektrikern byter lampan i veckan.');
  expect(replies).not.toContain('070-123');
  await resident.getByRole('heading', { name: 'Förväntad handläggningstid' }).waitFor();
  const photo = resident.locator('img.report-photo');
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  await resident.getByRole('region', { name: 'Karta med platsen för anmälan' }).waitFor();
  await expectAccessible(resident, 'follow page with history, reply and photo');
  await shot(resident, 'web-resident-follow');

  const phone = await h.newPage({ width: 390, height: 844 });
  await open(phone, h, `/follow/${receipt}`, 'Följ din rapport');
  await phone.getByTestId('public-updates').waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(phone, 'follow page on a phone');
  await shot(phone, 'web-resident-follow-phone');
  expect(h.foreignRequests).toEqual([]);
}, 120_000);
