// Flows across capabilities are one transaction: holding for an intake (the hold, its link, the referrer's
// text) and placing it (held -> placed, guarantee, handoff and its event, the intake's state). A step that
// fails leaves nothing of the others: no place kept for nobody, no placement without its handoff.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let worker: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  (t.clock as ManualClock).set('2026-11-27T22:10:00Z'); // Friday 23:10
  worker = new ApiClient(t.url);
  await worker.login('permanentie');
});
afterAll(() => t.close());

const intake = {
  referrer: { kind: 'police', organisation: 'PZ Regio Turnhout' },
  person: { name: 'Jan Peeters', birthDate: '1979-03-02' },
  household: { type: 'alleenstaande_man', adults: 1, children: 0 },
  ethos: 'public_space',
  facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
};
const count = async (table: 'holds' | 'guarantees' | 'handoffs' | 'handoff_events') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.db)).rows[0]!.n);

/** Makes every insert into `table` fail from now until the returned function is called. */
async function refuseInserts(table: string) {
  const fn = `refuse_${table}`;
  await sql
    .raw(
      `create function ${fn}() returns trigger language plpgsql as $$ begin raise exception '${table} refused'; end $$`,
    )
    .execute(t.db.db);
  await sql
    .raw(`create trigger ${fn} before insert on ${table} for each row execute function ${fn}()`)
    .execute(t.db.db);
  return async () => {
    await sql.raw(`drop trigger ${fn} on ${table}`).execute(t.db.db);
    await sql.raw(`drop function ${fn}()`).execute(t.db.db);
  };
}

async function freePlace() {
  const places = (await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as any[];
  return places.find((p) => p.free > 0 && p.suitable && p.type !== 'hotel');
}

describe('flows across capabilities', () => {
  it('keeps no hold when the intake changed while the place was being held', async () => {
    const created = (await worker.post('/api/intakes', intake)).body as { id: string };
    const place = await freePlace();
    const holdsBefore = await count('holds');
    // While the hold is written, a colleague closes the intake (a trigger stands in for the race).
    await sql
      .raw(`create function close_intake() returns trigger language plpgsql as $$ begin
      update intakes set status = 'closed' where id = '${created.id}'; return new; end $$`)
      .execute(t.db.db);
    await sql
      .raw('create trigger close_intake after insert on holds for each row execute function close_intake()')
      .execute(t.db.db);
    try {
      const res = await worker.post(`/api/intakes/${created.id}/hold`, { placeId: place.id });
      expect(res.status).toBe(409);
    } finally {
      await sql.raw('drop trigger close_intake on holds').execute(t.db.db);
      await sql.raw('drop function close_intake()').execute(t.db.db);
    }
    // Rolled back with the rest: the hold and the colleague's close (it happened inside the same transaction).
    expect(await count('holds')).toBe(holdsBefore);
    const after = (await worker.get('/api/board')).body.places.find((p: any) => p.id === place.id);
    expect(after.free).toBe(place.free);
  });

  it('places nobody when the handoff cannot be written: the hold stays held, no guarantee', async () => {
    const created = (await worker.post('/api/intakes', intake)).body as { id: string };
    const place = await freePlace();
    const held = await worker.post(`/api/intakes/${created.id}/hold`, { placeId: place.id });
    expect(held.status).toBe(201);
    const before = { guarantees: await count('guarantees'), handoffs: await count('handoffs') };
    const allow = await refuseInserts('handoff_events');
    try {
      const res = await worker.post(`/api/intakes/${created.id}/place`);
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      await allow();
    }
    expect({ guarantees: await count('guarantees'), handoffs: await count('handoffs') }).toEqual(before);
    const hold = await t.db.db
      .selectFrom('holds')
      .select('status')
      .where('id', '=', held.body.hold.id)
      .executeTakeFirstOrThrow();
    expect(hold.status).toBe('held');
    expect((await worker.get(`/api/intakes/${created.id}`)).body.status).toBe('held');
    // Once the database takes it, the same placement goes through whole.
    const placed = await worker.post(`/api/intakes/${created.id}/place`);
    expect(placed.status).toBe(200);
    expect(await count('guarantees')).toBe(before.guarantees + 1);
    expect(await count('handoff_events')).toBeGreaterThan(0);
  });
});
