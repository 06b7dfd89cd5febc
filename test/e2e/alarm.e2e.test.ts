// Issue 16, point 1: an alarm that wakes. A call nobody takes makes every desk console beep (Web Audio),
// vibrate, show a Web Notification and put the count in the tab title; the call-back recorded on one
// console stops all of it on every console. Chromium grants the notification permission; the page's
// Notification, navigator.vibrate and AudioContext are stood in for by recorders (a headless browser
// has no speaker nor motor), installed before the console's own scripts run.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { consoleUnderTest, PHONE } from './console';

const { ctx } = consoleUnderTest();

interface Seen {
  beeps: number;
  vibrate: unknown[];
  notifications: { title: string; body?: string; tag?: string }[];
}

function recorders() {
  const seen = {
    beeps: 0,
    vibrate: [] as unknown[],
    notifications: [] as { title: string; body?: string; tag?: string }[],
  };
  (window as unknown as { __seen: typeof seen }).__seen = seen;
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: unknown) => {
      seen.vibrate.push(pattern);
      return true;
    },
  });
  class RecordingNotification {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
    constructor(title: string, options?: { body?: string; tag?: string }) {
      seen.notifications.push({ title, body: options?.body, tag: options?.tag });
    }
    close() {
      /* nothing shown */
    }
  }
  (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
  class RecordingAudio {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume() {
      return Promise.resolve();
    }
    createGain() {
      return { gain: { value: 0 }, connect: (next: unknown) => next };
    }
    createOscillator() {
      return {
        frequency: { value: 0 },
        connect: (next: unknown) => next,
        start: () => {
          seen.beeps++;
        },
        stop: () => undefined,
      };
    }
  }
  (window as unknown as { AudioContext: unknown }).AudioContext = RecordingAudio;
}

async function deskConsole(username: string, path: string): Promise<Page> {
  const context = await ctx.browser.newContext({ viewport: PHONE, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  await context.grantPermissions(['notifications'], { origin: ctx.server.url });
  await context.addInitScript(recorders);
  const page = await context.newPage();
  await page.goto(`${ctx.server.url}${path}`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText('Live', { exact: true }).first().waitFor();
  return page;
}
const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

it('a missed call beeps, vibrates, notifies and titles every desk console; the call-back stops it on all', async () => {
  const sofie = await deskConsole('permanentie', '/oproepen');
  const lead = await deskConsole('coordinator', '/bord');
  for (const page of [sofie, lead]) {
    expect(await page.title()).not.toMatch(/⚠/);
    expect(await seen(page)).toEqual({ beeps: 0, vibrate: [], notifications: [] }); // quiet while nothing is missed
  }
  const simulator = sofie.getByTestId('simulator');
  for (const i of [0, 1, 2]) await simulator.locator(`#sim-step-${i}`).selectOption('no-answer');
  await simulator.locator('#sim-from').fill('0470 99 88 77');
  await simulator.getByRole('button', { name: 'Bel de lijn' }).click();

  for (const page of [sofie, lead]) {
    await page.getByTestId('alarm-banner').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.title()).toMatch(/^\(1\) ⚠ /);
    const s = await seen(page);
    expect(s.notifications).toHaveLength(1);
    expect(s.notifications[0]!.title).toBe('Oproep niet aangenomen');
    expect(s.notifications[0]!.body).toContain('+32470998877');
    expect(s.vibrate[0]).toEqual([400, 200, 400]);
    expect(s.beeps).toBeGreaterThanOrEqual(2); // one beep is two tones
  }
  // It keeps ringing (every 4 s) until someone acts.
  const before = (await seen(lead)).beeps;
  await expect.poll(async () => (await seen(lead)).beeps, { timeout: 10_000 }).toBeGreaterThan(before);

  await lead.getByTestId('alarm-banner').getByRole('button', { name: 'Teruggebeld' }).click();
  for (const page of [sofie, lead]) {
    await expect.poll(() => page.getByTestId('alarm-banner').count()).toBe(0);
    await expect.poll(() => page.title()).not.toMatch(/⚠/);
    const s = await seen(page);
    expect(s.vibrate.at(-1)).toBe(0); // vibration stopped
    await page.waitForTimeout(4500); // longer than one beat: no beep after the call-back
    expect((await seen(page)).beeps).toBe(s.beeps);
    expect((await seen(page)).notifications).toHaveLength(1); // no second notification
  }
});
