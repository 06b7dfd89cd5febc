// Two regions in one console (issue 15): the header names the region; a user of several regions switches, and the
// board follows. The demo's admin works in both; the Kempen's coordinator in one.
import { expect, it } from 'vitest';
import { consoleUnderTest } from './console';

const { signIn } = consoleUnderTest({ regions: ['kempen', 'boom-mechelen-lier'] });

it("a user of one region sees its name; the admin switches to Boom-Mechelen-Lier and sees that region's board", async () => {
  const koen = await signIn('coordinator');
  expect(await koen.getByTestId('header-region').textContent()).toBe('Kempen');
  expect(await koen.getByTestId('region-switch').count()).toBe(0);

  // The admin works in both and starts in the first region loaded: the Kempen (regions.position).
  const admin = await signIn('admin');
  const select = admin.getByTestId('region-switch');
  await select.waitFor();
  expect(await select.locator('option').allTextContents()).toEqual(['Kempen', 'Boom-Mechelen-Lier']);
  expect(await select.inputValue()).toBe('kempen');
  const places = async () => {
    await admin.locator('[data-place]').first().waitFor();
    return admin.locator('[data-place]').evaluateAll((els) => els.map((e) => e.getAttribute('data-place') ?? ''));
  };
  const kempen = await places();
  expect(kempen.some((n) => /Turnhout/.test(n))).toBe(true);
  expect(kempen.some((n) => /Mechelen|Lier|Boom/.test(n))).toBe(false);
  await Promise.all([admin.waitForEvent('load'), select.selectOption('boom-mechelen-lier')]);
  await admin.getByText('Live', { exact: true }).first().waitFor();
  expect(await admin.getByTestId('region-switch').inputValue()).toBe('boom-mechelen-lier');
  const bml = await places();
  expect(bml).toContain('Nachtopvang Mechelen');
  expect(bml.some((n) => /Turnhout|Geel/.test(n))).toBe(false);
});
