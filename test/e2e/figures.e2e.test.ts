// The figures page counts months of the desk's nights on the server's clock, not the phone's.
import { expect, it } from 'vitest';
import type { ManualClock } from '../../server/clock';
import { consoleUnderTest } from './console';

const { ctx, signIn } = consoleUnderTest();

it('"this month" at 00:30 on 1 November is October (the night of 31 October), whatever the phone\'s clock says', async () => {
  (ctx.server.clock as ManualClock).set('2026-10-31T23:30:00Z'); // Sunday 1 November 00:30 CET
  const page = await signIn('coordinator', '/kerncijfers');
  const from = page.getByLabel('Van nacht');
  const to = page.getByLabel('Tot en met nacht');
  await expect.poll(() => from.inputValue()).toBe('2026-10-01');
  expect(await to.inputValue()).toBe('2026-10-31');
  expect(await page.evaluate(() => new Date().getFullYear() * 100 + new Date().getMonth() + 1)).not.toBe(202610); // the phone is elsewhere in time

  await page.getByRole('button', { name: 'Vorige maand' }).click();
  await expect.poll(() => from.inputValue()).toBe('2026-09-01');
  expect(await to.inputValue()).toBe('2026-09-30');
});
