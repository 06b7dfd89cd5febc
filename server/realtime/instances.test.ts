// Two instances on one PostgreSQL: an event published on one reaches consoles connected to the other,
// through socket.io's PostgreSQL adapter (LISTEN/NOTIFY). PGlite is embedded in one process and runs
// one instance only: there the check is that socket.io keeps its in-memory adapter. The PostgreSQL
// pass of the suite (TEST_DATABASE_URL, as CI runs it) races events across two instances.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/helpers/db';
import { startSecondInstance } from '../../test/helpers/second-instance';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

describe('realtime across instances', () => {
  let t: TestServer;
  let second: Awaited<ReturnType<typeof startSecondInstance>>;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestServer();
    second = await startSecondInstance(t);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await second.close();
    await t.close();
  });

  it('uses the PostgreSQL adapter exactly when the database is PostgreSQL', () => {
    const adapter = t.app.services.realtime.io!.of('/').adapter.constructor.name;
    expect(adapter).toBe(testDatabaseKind === 'postgres' ? 'PostgresAdapter' : 'Adapter');
  });

  // Only meaningful with two real instances, i.e. on PostgreSQL (see the top of the file).
  if (testDatabaseKind === 'postgres')
    it('a hold made on one instance reaches a console on the other', async () => {
      const onFirst = new ApiClient(t.url);
      await onFirst.login('permanentie');
      const onSecond = new ApiClient(second.url);
      await onSecond.login('an.peeters');
      const socket = connect(second.url, {
        extraHeaders: { cookie: onSecond.cookie },
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      await new Promise((r) => socket.once('hello', r));
      const place = (await onFirst.get('/api/board')).body.places.find(
        (p: { name: string }) => p.name === 'Noodwoning Mol',
      );
      const seen = new Promise<{ placeId: string }>((r) => socket.once('board:changed', r));
      const held = await onFirst.post('/api/holds', {
        placeId: place.id,
        initials: 'X',
        household: { adults: 1, children: 0, needs: [] },
      });
      expect(held.status).toBe(201);
      expect((await seen).placeId).toBe(place.id);
    });
});
