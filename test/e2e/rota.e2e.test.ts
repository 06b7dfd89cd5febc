// The rota in the console: a week of seven days, and an override set by the coordinator changes
// "Nu van dienst" in a duty worker's header at once. The server's clock stands in the fall-back night
// of 2026 (Sunday 25 October, 02:30 local).
import { expect, it } from 'vitest';
import { consoleUnderTest } from './console';

const { signIn } = consoleUnderTest();

it('an override by the coordinator shows in the duty worker\'s header without reloading', async () => {
  const worker = await signIn('permanentie', '/bord');
  const header = worker.getByTestId('on-duty-now');
  await expect.poll(() => header.textContent()).toContain('An Peeters'); // week 41 of the demo rotation

  const lead = await signIn('coordinator', '/rooster');
  expect(await lead.getByTestId('rota-day').count()).toBe(7);
  const form = lead.getByTestId('override-form');
  await form.locator('select[name=slot]').selectOption('primary');
  await form.locator('select[name=userId]').selectOption({ label: 'Griet Willems' });
  await form.getByLabel('Van', { exact: true }).fill('2026-10-24T17:00');
  await form.getByLabel('Tot', { exact: true }).fill('2026-10-25T08:30');
  await form.getByLabel('Reden', { exact: true }).fill('ziekte An');
  await lead.getByTestId('override-submit').click();

  await expect.poll(() => header.textContent()).toContain('Griet Willems');
  expect(await header.textContent()).not.toContain('An Peeters');

  // The same span again overlaps: refused with the other override named, and the form keeps what was typed.
  await form.locator('select[name=userId]').selectOption({ label: 'Tom Van Gorp' });
  await form.getByLabel('Van', { exact: true }).fill('2026-10-24T17:00');
  await form.getByLabel('Tot', { exact: true }).fill('2026-10-25T08:30');
  await lead.getByTestId('override-submit').click();
  // The server answers the console in its language (Dutch), naming the colleague whose override overlaps.
  await lead.getByText(/overlapt met vervanging van Griet Willems.*maak die eerst korter/).waitFor();
  expect(await form.getByLabel('Van', { exact: true }).inputValue()).toBe('2026-10-24T17:00');
});
