// Solidarity across regions in the console (issue 15 part 4): with nothing free in the Kempen, the duty worker's
// board shows Boom-Mechelen-Lier's suitable free places, labelled as that region's, each with its phone to ring;
// "Vasthouden" holds one there (on the board and on an intake) while both regions agree, and says the server's
// reason when one withdrew.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../helpers/server';
import { consoleUnderTest } from './console';

const { ctx, signIn } = consoleUnderTest({ regions: ['kempen', 'boom-mechelen-lier'] });

beforeAll(async () => {
  // Nothing left in the Kempen (as server/capacity/solidarity.test.ts does), and its board told so, as the
  // places' owner would (a fixture's write announces nothing).
  const db = ctx.server.db.db;
  await db.updateTable('places').set({ active: false }).where('region_code', '=', 'kempen').execute();
  await sql`insert into board_versions (region_code, version) values ('kempen', 1)
    on conflict (region_code) do update set version = board_versions.version + 1`.execute(db);
});

/** The board for a man on his own, as the worker filters it, once it lists `places` of Boom-Mechelen-Lier. */
async function boardForAMan(page: Page, places: number) {
  await page.locator('label.chip', { hasText: 'mannen' }).click();
  const region = page.getByTestId('neighbours').locator('[data-region="boom-mechelen-lier"]');
  await expect.poll(() => region.getByTestId('neighbour-place').count()).toBe(places);
  return region;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page, as test/e2e/trust.e2e.test.ts reads them. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run(),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

const heldAt = (placeName: string) =>
  ctx.server.db.db
    .selectFrom('holds')
    .innerJoin('places', 'places.id', 'holds.place_id')
    .select(['holds.initials', 'holds.status'])
    .where('places.name', '=', placeName)
    .execute();

it("shows Boom-Mechelen-Lier's places to ring, labelled as theirs, and holds one there", async () => {
  const sofie = await signIn('permanentie');
  expect(await sofie.getByTestId('suitable-count').textContent()).toBe('Geen geschikte vrije plaats');
  const region = await boardForAMan(sofie, 5);
  expect(await sofie.locator('#neighbours-title').textContent()).toBe('Vrije plaatsen bij de buren');
  // demo-places.boom-mechelen-lier.json for a man on his own (hand-counted in solidarity.test.ts): the two
  // Mechelen emergency rooms (1 each), the Mechelen night shelter (4), the Lier room (1), Noodwoning Boom (1).
  expect(await region.locator('h3').textContent()).toBe('Regio Boom-Mechelen-Lier: 5 plaatsen, 8 vrij');
  const names = await region
    .getByTestId('neighbour-place')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
  expect(names.sort()).toEqual([
    'CAW noodkamer Lier',
    'CAW noodkamer Mechelen 1',
    'CAW noodkamer Mechelen 2',
    'Nachtopvang Mechelen',
    'Noodwoning Boom',
  ]);
  const shelter = region.locator('[data-place="Nachtopvang Mechelen"]');
  expect(await shelter.getByTestId('neighbour-free').textContent()).toBe('4 vrij');
  expect(await shelter.locator('.neighbour-badge').textContent()).toBe('Boom-Mechelen-Lier');
  expect(await shelter.textContent()).not.toContain('Hanswijkvaart'); // no address: ring the place
  const phone = shelter.getByTestId('neighbour-phone');
  expect(await phone.getAttribute('href')).toBe('tel:+3215441991');
  expect(await phone.textContent()).toBe('+3215441991');
  const box = await phone.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44); // a large target for a tired thumb
  expect(await sofie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await shelter.getByTestId('neighbour-initials').fill('R.T.');
  await shelter.getByTestId('neighbour-hold').click();
  await expect
    .poll(() => sofie.getByTestId('neighbour-held').textContent())
    .toBe('Nachtopvang Mechelen (Boom-Mechelen-Lier) is vastgehouden voor R.T.');
  await expect.poll(() => shelter.getAttribute('data-free')).toBe('3'); // the board fetched again
  expect(await region.locator('h3').textContent()).toBe('Regio Boom-Mechelen-Lier: 5 plaatsen, 7 vrij');
  expect(await heldAt('Nachtopvang Mechelen')).toEqual([{ initials: 'R.T.', status: 'held' }]);
  expect(await seriousViolations(sofie)).toEqual([]);
});

it("lists the hold made there on the Kempen board, under the neighbour's name, with countdown, arrived and release", async () => {
  const sofie = await signIn('permanentie');
  const mine = sofie.getByTestId('held-at-neighbours').locator('[data-place="Nachtopvang Mechelen"]');
  await mine.waitFor();
  expect(await sofie.locator('#held-at-neighbours-title').textContent()).toBe('Vastgehouden bij de buren (1)');
  expect(await mine.getAttribute('data-region')).toBe('boom-mechelen-lier');
  expect(await mine.getByTestId('held-at-neighbour-region').textContent()).toBe('Regio Boom-Mechelen-Lier');
  expect(await mine.getByTestId('hold').locator('span').first().textContent()).toBe('Vastgehouden voor R.T.');
  expect(await mine.locator('.countdown').textContent()).toMatch(/^nog \d+ min$/);
  expect(await mine.getByTestId('hold-arrived').count()).toBe(1);
  expect(await seriousViolations(sofie)).toEqual([]);

  await mine.getByTestId('hold-release').click();
  await mine.getByTestId('hold-release-yes').click();
  await expect.poll(() => sofie.getByTestId('held-at-neighbours').count(), { timeout: 10_000 }).toBe(0); // the board followed
  expect(await heldAt('Nachtopvang Mechelen')).toEqual([{ initials: 'R.T.', status: 'released' }]);
  // Held again, then "Aangekomen" opens the intake that takes this hold over (and places it: solidarity-holds.test.ts).
  const api = new ApiClient(ctx.server.url);
  await api.login('permanentie');
  const shelter = (await api.get('/api/board?adults=1&children=0&needs=men')).body.neighbours[0].places.find(
    (p: { name: string }) => p.name === 'Nachtopvang Mechelen',
  );
  const held = await api.post('/api/holds', {
    placeId: shelter.id,
    initials: 'K.V.',
    household: { adults: 1, children: 0, needs: ['men'] },
  });
  expect(held.status).toBe(201);
  const again = sofie.getByTestId('held-at-neighbours').locator('[data-place="Nachtopvang Mechelen"]');
  await again.waitFor(); // by the board's own event, no reload
  await again.getByTestId('hold-arrived').click();
  await expect.poll(() => new URL(sofie.url()).searchParams.get('hold'), { timeout: 10_000 }).toBe(held.body.id);
  await api.post(`/api/holds/${held.body.id}/release`); // the next tests count the shelter's four units
});

it("the intake offers the neighbours' places too, and holds one there for the person", async () => {
  const api = new ApiClient(ctx.server.url);
  await api.login('permanentie');
  const created = await api.post('/api/intakes', {
    referrer: { kind: 'police', organisation: 'PZ Turnhout' },
    person: { name: 'Jan Testman', birthDate: '1980-03-01' },
    household: { type: 'alleenstaande_man', adults: 1, children: 0 },
    ethos: 'public_space',
    facts: { requestNis: '13040', housing: 'homeless' },
  });
  expect(created.status).toBe(201);
  const sofie = await signIn('permanentie', `/aanmelding?id=${created.body.id}`);
  const region = sofie.getByTestId('intake-actions').locator('[data-region="boom-mechelen-lier"]');
  await expect.poll(() => region.getByTestId('neighbour-place').count()).toBe(5);
  const lier = region.locator('[data-place="CAW noodkamer Lier"]');
  expect(await lier.getByTestId('neighbour-phone').getAttribute('href')).toMatch(/^tel:\+32/);
  expect(await lier.getByTestId('neighbour-initials').count()).toBe(0); // the intake knows whom it holds for
  await lier.getByTestId('neighbour-hold').click();
  await sofie.getByTestId('intake-place').waitFor(); // held: "Aangekomen" is next
  expect(await heldAt('CAW noodkamer Lier')).toEqual([{ initials: 'J.T.', status: 'held' }]);
});

it("says the server's reason once Boom-Mechelen-Lier withdrew, holds nothing, then offers no hold", async () => {
  const sofie = await signIn('permanentie');
  const region = await boardForAMan(sofie, 4); // the Lier room was held for the intake
  const boom = region.locator('[data-place="Noodwoning Boom"]');
  await boom.getByTestId('neighbour-hold').waitFor(); // shown while both regions agreed

  const db = ctx.server.db.db;
  const { settings } = await db
    .selectFrom('regions')
    .select('settings')
    .where('code', '=', 'boom-mechelen-lier')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('regions')
    .set({ settings: JSON.stringify({ ...settings, neighbours: [{ region: 'kempen', holdsAllowed: false }] }) })
    .where('code', '=', 'boom-mechelen-lier')
    .execute();
  await boom.getByTestId('neighbour-initials').fill('J.D.');
  await boom.getByTestId('neighbour-hold').click();
  const alert = boom.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toBe(
    'Noodwoning Boom hoort bij regio Boom-Mechelen-Lier; ' +
      'er is geen afspraak om daar plaatsen vast te houden. Bel de plaats.',
  );
  expect(await heldAt('Noodwoning Boom')).toEqual([]);
  expect(await boom.getByTestId('neighbour-initials').inputValue()).toBe('J.D.'); // what was typed stays

  await sofie.reload();
  await sofie.getByText('Live', { exact: true }).first().waitFor();
  const after = await boardForAMan(sofie, 4);
  expect(await after.getByTestId('neighbour-hold').count()).toBe(0);
  expect(await after.locator('.notice-warn').textContent()).toBe(
    'Geen afspraak om bij Boom-Mechelen-Lier vast te houden: bel de plaats.',
  );
  expect(await after.locator('[data-place="Noodwoning Boom"]').getByTestId('neighbour-phone').count()).toBe(1);
});
