// One real server with the built console and one Debian Chromium per test file, and a sign-in as
// a tired person on a phone would do it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_CLIENT_DIR } from '../../server/app';
import { startTestServer, type TestServer } from '../helpers/server';
import { launchBrowser } from './browser';

export const PHONE = { width: 390, height: 844 };

export function consoleUnderTest(opts: { regions?: string[] } = {}) {
  const ctx = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await startTestServer({ clientDir: DEFAULT_CLIENT_DIR, regions: opts.regions });
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  /** A fresh phone (own cookies), signed in as `username` with the demo password, on `path`. */
  async function signIn(username: string, path = '/bord'): Promise<Page> {
    const context = await ctx.browser.newContext({ viewport: PHONE, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}${path}`);
    await page.getByLabel('Gebruikersnaam').fill(username);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Live', { exact: true }).first().waitFor();
    return page;
  }
  return { ctx, signIn };
}

/**
 * A place's card on the board, shown: the board opens only the best group of suitable places, so open
 * the place's group (or the rest) when it is closed, as a worker would.
 */
export async function showPlace(page: Page, name: string) {
  const place = page.locator(`[data-place="${name}"]`);
  await place.waitFor({ state: 'attached' });
  if (!(await place.isVisible())) {
    const toggle = page.locator('.place-group', { has: place }).getByTestId('place-group-toggle');
    if (await toggle.count()) await toggle.click();
    else await page.getByTestId('place-rest-toggle').click();
  }
  await place.waitFor();
  return place;
}
