import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { consoleUnderTest, PHONE } from './console';

const { ctx } = consoleUnderTest();

it('a coordinator signs in on a phone-sized screen and sees the console with the Kempen loaded', async () => {
  const page = await ctx.browser.newPage({ viewport: PHONE, locale: 'nl-BE' });
  await page.goto(`${ctx.server.url}/`);
  await page.getByLabel('Gebruikersnaam').fill('coordinator');
  await page.getByLabel('Wachtwoord').fill('wrong-password');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('klopt niet'); // argon2 on a busy machine

  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByTestId('region-name').waitFor();
  expect(await page.getByTestId('region-name').textContent()).toContain('Kempen');
  expect(await page.getByTestId('municipality-row').count()).toBe(27);
  await expect.poll(() => page.getByText('Live', { exact: true }).count()).toBeGreaterThan(0);
  // No horizontal scrolling on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/console-phone.png', fullPage: true });

  // A reload keeps the session (cookie), and the client-side route survives it.
  await page.reload();
  await page.getByTestId('region-name').waitFor();
});
