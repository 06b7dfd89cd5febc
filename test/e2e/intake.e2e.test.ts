// The whole path on phones, in the fall-back night: an answered call (simulated through the fake
// Twilio) opens the intake, the worker holds a place and places the mother with her children, the
// handoff to OCMW Turnhout is due Monday at opening, and the OCMW signs in that morning and acknowledges it.
import { expect, it } from 'vitest';
import type { ManualClock } from '../../server/clock';
import { consoleUnderTest } from './console';

const { ctx, signIn } = consoleUnderTest();

it('from an answered call through intake, hold, placement and handoff to the OCMW acknowledging it the next morning', async () => {
  const sofie = await signIn('permanentie', '/oproepen');
  await sofie.getByTestId('simulator').getByRole('button', { name: 'Bel de lijn' }).click();
  const card = sofie.getByTestId('call-card').first();
  await expect.poll(() => card.getAttribute('data-outcome'), { timeout: 20_000 }).toBe('answered');
  await card.getByTestId('call-intake').click();

  const form = sofie.getByTestId('intake-form');
  await expect.poll(() => form.getByLabel('Terugbelnummer').inputValue()).toBe('+3214440101'); // the caller, from the call
  await expect.poll(() => form.getByLabel('Organisatie').inputValue()).not.toBe('');
  await form.getByLabel('Naam of initialen').fill('Maria Janssens');
  await form.getByTestId('intake-household').selectOption('moeder_met_kinderen');
  await form.getByRole('spinbutton', { name: 'Kinderen' }).fill('2');
  await form.getByLabel('Leeftijden').fill('4, 7');
  await form.getByTestId('intake-ethos').selectOption('public_space'); // no default: the worker chooses
  await form.getByTestId('intake-request-nis').selectOption({ label: 'Turnhout' });
  expect(await form.getByTestId('competence-preview').textContent()).toContain('OCMW Turnhout');
  await form.getByRole('button', { name: 'Aanmelding bewaren' }).click();

  const pick = sofie.getByTestId('pick-place').first();
  await pick.waitFor();
  const placeName = await pick.getAttribute('data-place');
  await pick.getByRole('button', { name: 'Vasthouden' }).click();
  await sofie.getByTestId('intake-place').click();
  const handoff = sofie.getByTestId('case-handoff');
  await handoff.waitFor();
  expect(await sofie.getByTestId('case-place').textContent()).toContain(placeName!);
  // Sunday 02:30 in the fall-back night: Saturday and Sunday night, Turnhout takes over Monday.
  expect(await sofie.getByTestId('case-guarantee').textContent()).toMatch(/2 nachten vanaf 2026-10-24/);
  expect(await handoff.textContent()).toMatch(/ma 26 okt/);
  expect(await sofie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  (ctx.server.clock as ManualClock).set('2026-10-26T08:20:00Z'); // Monday 09:20 CET
  const lead = await signIn('coordinator', '/overdrachten'); // the desk's view of the queue that morning
  const leadItem = lead.getByTestId('handoff-item').filter({ hasText: 'Maria Janssens' });
  expect(await leadItem.getAttribute('data-status')).toBe('open');
  const els = await signIn('ocmw-turnhout', '/overdrachten');
  const item = els.getByTestId('handoff-item').filter({ hasText: 'Maria Janssens' });
  await item.click();
  await els.getByTestId('handoff-acknowledge').click();
  await expect.poll(() => els.getByTestId('case-handoff').getAttribute('data-status')).toBe('acknowledged');
  expect(await els.getByTestId('case-handoff').textContent()).toContain('Els Sociaal Huis Turnhout');
  // The coordinator's queue shows it acknowledged too, without reloading.
  await expect.poll(() => leadItem.getAttribute('data-status')).toBe('acknowledged');
});
