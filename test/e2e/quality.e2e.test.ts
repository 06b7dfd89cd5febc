// Issue 16, point 7 and the rest of point 5: axe-core also on a desktop in the light theme and on the
// sign-in page; the console is an installable PWA whose service worker serves the shell offline; in
// English, plurals follow the language and dates are English on the Brussels clock.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { consoleUnderTest, PHONE } from './console';

const { ctx, signIn } = consoleUnderTest();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP_LIGHT: BrowserContextOptions = {
  viewport: { width: 1366, height: 768 },
  colorScheme: 'light',
  locale: 'nl-BE',
  timezoneId: 'Europe/Brussels',
};
const PHONE_DARK: BrowserContextOptions = {
  viewport: PHONE,
  colorScheme: 'dark',
  locale: 'nl-BE',
  timezoneId: 'Europe/Brussels',
};

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
          }>;
        };
      }
    ).axe.run(),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary.split('\n')[1] ?? ''}`,
    );
}

async function signInWith(options: BrowserContextOptions, username: string): Promise<Page> {
  const page = await (await ctx.browser.newContext(options)).newPage();
  await page.goto(`${ctx.server.url}/bord`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText('Live', { exact: true }).first().waitFor();
  return page;
}

it('axe-core: the sign-in page, on a phone in the dark theme and on a desktop in the light one', async () => {
  const found: Record<string, string[]> = {};
  for (const [name, options] of [
    ['phone dark', PHONE_DARK],
    ['desktop light', DESKTOP_LIGHT],
  ] as const) {
    const page = await (await ctx.browser.newContext(options)).newPage();
    await page.goto(`${ctx.server.url}/`);
    await page.getByLabel('Gebruikersnaam').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(
      name === 'phone dark' ? 'dark' : 'light',
    );
    const v = await seriousViolations(page);
    if (v.length) found[name] = v;
    // And with an error shown (a wrong password): the message must be readable too.
    await page.getByLabel('Gebruikersnaam').fill('coordinator');
    await page.getByLabel('Wachtwoord').fill('wrong');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('alert').waitFor({ timeout: 15_000 });
    const w = await seriousViolations(page);
    if (w.length) found[`${name}, error`] = w;
    await page.context().close();
  }
  expect(found).toEqual({});
});

it('axe-core: every desk page on a desktop in the light theme, the night sheet included', async () => {
  const lead = await signInWith(DESKTOP_LIGHT, 'coordinator');
  expect(await lead.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  const found: Record<string, string[]> = {};
  for (const path of ['/bord', '/oproepen', '/aanmelding', '/overdrachten', '/rooster', '/kerncijfers', '/nachtblad']) {
    await lead.goto(new URL(path, lead.url()).toString());
    await lead.getByText('Live', { exact: true }).first().waitFor();
    await lead.waitForTimeout(500);
    const v = await seriousViolations(lead);
    if (v.length) found[path] = v;
  }
  // The board with its folded groups opened, and the header's menu on a phone (dark).
  await lead.goto(new URL('/bord', lead.url()).toString());
  await lead.getByTestId('place-rest-toggle').click();
  const open = await seriousViolations(lead);
  if (open.length) found['/bord opened'] = open;
  const phone = await signIn('coordinator');
  await phone.getByTestId('header-more').click();
  const menu = await seriousViolations(phone);
  if (menu.length) found['phone menu'] = menu;
  await phone.goto(new URL('/nachtblad', phone.url()).toString());
  await phone.getByTestId('night-sheet').waitFor();
  const sheet = await seriousViolations(phone);
  if (sheet.length) found['phone /nachtblad'] = sheet;
  expect(found).toEqual({});
});

it('is an installable PWA: the manifest is served, the service worker registers and serves the shell offline', async () => {
  const manifest = await fetch(`${ctx.server.url}/manifest.webmanifest`);
  expect(manifest.status).toBe(200);
  const m = (await manifest.json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string }[];
  };
  expect(m.display).toBe('standalone');
  expect(m.start_url).toMatch(/^\//);
  expect(m.icons.length).toBeGreaterThan(0);
  for (const icon of m.icons) expect((await fetch(new URL(icon.src, ctx.server.url))).status, icon.src).toBe(200);

  const page = await signIn('permanentie');
  expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
  const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  expect(state).toBe('activated');
  // Controlled after a reload; then the network goes away.
  await page.reload();
  await page.getByText('Live', { exact: true }).first().waitFor();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.context().setOffline(true);
  await page.reload();
  // The shell is there (from the worker's cache), and it says it is offline instead of showing old data.
  await page.locator('#root *').first().waitFor({ timeout: 15_000 });
  expect(await page.title()).toContain('Permanentie');
  await expect
    .poll(async () => (await page.locator('body').textContent()) ?? '', { timeout: 15_000 })
    .toContain('Offline: deze telefoon heeft geen netwerk. Gebruik het papieren nachtblad en bel de coördinator.');
  // A page never visited: the shell again (navigation is served the cached shell).
  await page.goto(`${ctx.server.url}/rooster`);
  await page.locator('#root *').first().waitFor({ timeout: 15_000 });
  await page.context().setOffline(false);
});

it('in English: plurals of the language, dates in English on the Brussels clock (also from another time zone)', async () => {
  // A phone set to New York: the desk's times stay Brussels (server clock: Sunday 25 October 2026 02:30 there).
  const page = await (
    await ctx.browser.newContext({ viewport: PHONE, locale: 'en-US', timezoneId: 'America/New_York' })
  ).newPage();
  await page.goto(`${ctx.server.url}/bord`);
  await page.getByLabel('Gebruikersnaam').fill('permanentie');
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText('Live', { exact: true }).first().waitFor();
  await page.getByTestId('header-more').click();
  await page.getByRole('button', { name: /^EN/ }).click();
  await page.getByText('Live', { exact: true }).first().waitFor();
  await expect.poll(() => page.getByTestId('board-at').textContent()).toBe('As of Sun 25 Oct 2026 02:30');
  const homes = page.locator('[data-group="ocmw_noodwoning"]').getByTestId('place-group-toggle');
  await expect.poll(() => homes.textContent()).toMatch(/^OCMW emergency home: 27 places, \d+ free$/);
  // One place: the singular. The only women's shelter of the demo is a group of one for a woman with a child.
  await page.getByLabel('Children').fill('1');
  await page.locator('label.chip', { hasText: 'women' }).click();
  await expect
    .poll(() => page.locator('[data-group="vluchthuis"]').getByTestId('place-group-toggle').textContent())
    .toBe("Women's shelter: 1 place, 3 free");
  expect(await page.getByTestId('suitable-count').textContent()).toMatch(/^\d+ suitable free places$/);
  expect(await page.locator('body').textContent()).not.toMatch(/\(s\)|\(en\)/);
  // The rota in English: weekday names and dates of the Brussels calendar.
  await page.goto(`${ctx.server.url}/rooster`);
  await page.getByTestId('rota-day').first().waitFor();
  // The days show at once; the rota's segments come with its answer.
  await page.getByTestId('rota-day').getByText('Primary:').first().waitFor();
  // The rota page shows the week of the phone's own today, Monday first: English short weekdays and months.
  const days = await page.getByTestId('rota-day').allTextContents();
  expect(days.map((d) => d.slice(0, 3))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  for (const d of days) expect(d).toMatch(/^[A-Z][a-z]{2} \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/);
  expect(days.join(' ')).toContain('Primary:');
});
