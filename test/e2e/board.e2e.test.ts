// Two duty workers on two phones: one filters for a mother with two children and holds a place, the
// other sees it taken at once. Then a call nobody takes turns both consoles red until the call-back.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { consoleUnderTest, showPlace } from './console';

const { signIn } = consoleUnderTest();

it('one worker holds a place for a family, the other sees it taken without reloading', async () => {
  const sofie = await signIn('permanentie');
  const an = await signIn('an.peeters');
  const place = (p: Page) => p.locator('[data-place="Noodwoning Olen"]');
  await expect.poll(() => place(an).getAttribute('data-free')).toBe('1');
  // From here on an's console learns of changes from the events alone: a patch to the board it holds.
  const anAsked: string[] = [];
  an.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/board') anAsked.push(r.url());
  });

  await sofie.getByLabel('Kinderen').fill('2');
  await sofie.locator('label.chip', { hasText: 'vrouwen' }).click();
  await sofie.locator('label.chip', { hasText: 'gezinnen' }).click();
  // Suitable places come first; a crisis bed for adults does not suit a family.
  await expect
    .poll(async () => sofie.locator('[data-testid="place"]').first().getAttribute('class'))
    .not.toContain('place-unsuitable');
  await showPlace(sofie, 'Noodwoning Olen');
  await place(sofie).getByTestId('hold-initials').fill('M.K.');
  await place(sofie).getByTestId('hold-submit').click();
  await expect.poll(() => place(sofie).getByTestId('hold').first().textContent()).toContain('Vastgehouden voor M.K.');

  await expect.poll(() => place(an).getAttribute('data-free')).toBe('0');
  expect(await place(an).getByTestId('place-free').textContent()).toBe('Volzet');
  expect(anAsked).toEqual([]);
  expect(await an.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

it('a call nobody takes shows a red banner in every console until someone records the call-back', async () => {
  const sofie = await signIn('permanentie', '/oproepen');
  const coordinator = await signIn('coordinator');
  const simulator = sofie.getByTestId('simulator');
  for (const i of [0, 1, 2]) await simulator.locator(`#sim-step-${i}`).selectOption('no-answer');
  await simulator.locator('#sim-from').fill('0470 99 88 77');
  await simulator.getByRole('button', { name: 'Bel de lijn' }).click();

  await expect
    .poll(() => sofie.getByTestId('call-card').first().getAttribute('data-outcome'), { timeout: 20_000 })
    .toBe('voicemail'); // three steps ring out first
  expect(await sofie.getByTestId('call-card').first().getByTestId('call-leg').count()).toBe(3);
  // The alarm SMS to the three people of the chain are in the outbox the console shows.
  await expect
    .poll(() => sofie.getByTestId('outbox').locator('li', { hasText: 'Bel terug: +32470998877' }).count())
    .toBe(3);
  const banner = coordinator.getByTestId('alarm-banner');
  await banner.waitFor();
  expect(await banner.textContent()).toContain('+32470998877');
  await banner.getByRole('button', { name: 'Teruggebeld' }).click();
  await expect.poll(() => coordinator.getByTestId('alarm-banner').count()).toBe(0);
  await expect.poll(() => sofie.getByTestId('alarm-banner').count()).toBe(0);
});

it('the coordinator adds a place and a duty worker sees it appear', async () => {
  const worker = await signIn('permanentie');
  const lead = await signIn('coordinator');
  await lead.getByRole('button', { name: 'Plaats toevoegen' }).click();
  await lead.getByLabel('Naam', { exact: true }).fill('Noodkamer Kasterlee');
  await lead.getByLabel('Aanbieder').fill('OCMW Kasterlee');
  await lead.locator('.place-form select').first().selectOption({ label: 'Kasterlee' });
  await lead.locator('.place-form select').nth(1).selectOption('caw_noodkamer');
  await lead.locator('.place-form label.chip', { hasText: 'vrouwen' }).click();
  await lead.getByLabel('Telefoon').fill('014 85 00 00');
  await lead.locator('.place-form').getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => worker.locator('[data-place="Noodkamer Kasterlee"]').getAttribute('data-free')).toBe('1');
  expect(await worker.locator('[data-place="Noodkamer Kasterlee"]').textContent()).toContain('+3214850000');
});
