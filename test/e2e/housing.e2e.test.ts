// After the night, on phones: a family placed tonight is registered by OCMW Turnhout from its handoff,
// the allocator sees the ranking with its reasons and allocates, the OCMW records the move-in and,
// months later, the outflow (an outflow before the move-in is refused, naming the date).
import { expect, it } from 'vitest';
import { ApiClient } from '../helpers/server';
import { consoleUnderTest } from './console';

const { ctx, signIn } = consoleUnderTest();

async function placedFamily(): Promise<string> {
  const worker = new ApiClient(ctx.server.url);
  await worker.login('permanentie');
  const intake = (
    await worker.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Regio Turnhout' },
      person: { name: 'Amina Onderweg' },
      household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
      ethos: 'public_space',
      facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
    })
  ).body;
  const place = ((await worker.get('/api/board?adults=1&children=2')).body.places as any[]).find(
    (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
  );
  expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
  expect((await worker.post(`/api/intakes/${intake.id}/place`)).status).toBe(200);
  const coordinator = new ApiClient(ctx.server.url);
  await coordinator.login('coordinator');
  // A second household waiting, so the ranking has someone to rank against.
  expect(
    (
      await coordinator.post('/api/housing/registrations', {
        personName: 'Koppel Later',
        municipalityNis: '13040',
        ethos: 'with_family_friends',
        household: { type: 'zwanger_koppel', adults: 2, children: 0 },
        origin: 'with_network',
        urgency: 'normal',
      })
    ).status,
  ).toBe(201);
  return (
    await ctx.server.db.db
      .selectFrom('handoffs')
      .select('id')
      .where('intake_id', '=', intake.id)
      .executeTakeFirstOrThrow()
  ).id;
}

it('from a placed family through registration and a ranked allocation to move-in and outflow', async () => {
  const handoff = await placedFamily();
  const els = await signIn('ocmw-turnhout', `/overdrachten?id=${handoff}`);
  await els.getByTestId('handoff-to-housing').click();
  await expect.poll(() => els.getByTestId('housing-prefilled').textContent()).toContain('Amina Onderweg');
  await els.getByTestId('housing-origin').selectOption('crisis_centre');
  await els.getByTestId('housing-urgency').selectOption('high');
  await els.getByTestId('housing-save').click();
  await expect.poll(() => els.getByTestId('housing-waiting').textContent()).toContain('Amina Onderweg');

  const hilde = await signIn('toewijzer', '/wonen');
  expect(await hilde.getByTestId('housing-rules').textContent()).toContain(
    'Huishoudens met kinderen (of zwanger) eerst.',
  );
  await hilde
    .getByTestId('housing-home')
    .filter({ hasText: 'Doorgangswoning Turnhout Centrum' })
    .getByTestId('housing-propose')
    .click();
  const first = hilde.getByTestId('housing-candidate').first();
  await first.waitFor();
  // Both have children (the couple expects one); the family's urgency is high: that decides.
  expect(await first.textContent()).toContain('Nr. 1 Amina Onderweg');
  expect(await first.textContent()).toContain('gaat voor op de volgende door: urgentie');
  expect(await hilde.getByTestId('housing-candidate').nth(1).textContent()).toContain('Koppel Later');
  await first.getByTestId('housing-allocate').click();
  await expect
    .poll(() =>
      hilde
        .getByTestId('housing-home')
        .filter({ hasText: 'Doorgangswoning Turnhout Centrum' })
        .getAttribute('data-status'),
    )
    .toBe('allocated');

  // The OCMW's page follows live: the allocation awaits the move-in.
  const pending = els.getByTestId('housing-pending');
  await pending.waitFor();
  await els.getByTestId('housing-movein-date').fill('2026-10-26');
  await pending.getByTestId('housing-movein').click();
  const trajectory = els.getByTestId('housing-trajectory').filter({ hasText: 'Amina Onderweg' });
  await trajectory.waitFor();
  await trajectory.getByTestId('housing-end-date').fill('2026-10-20');
  await trajectory.getByTestId('housing-end-kind').selectOption('svk');
  await trajectory.getByTestId('housing-end-destination').fill('13040');
  await trajectory.getByTestId('housing-end').click();
  await expect.poll(() => trajectory.getByRole('alert').textContent()).toContain('endDate');
  expect(await trajectory.getAttribute('data-ended')).toBe('no');
  await trajectory.getByTestId('housing-end-date').fill('2027-02-26');
  await trajectory.getByTestId('housing-end').click();
  await expect.poll(() => trajectory.getAttribute('data-ended')).toBe('yes');
  expect(await trajectory.textContent()).toContain('4 maanden');
  expect(await trajectory.textContent()).toContain('Sociaal verhuurkantoor (SVK)');
  expect(await els.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
