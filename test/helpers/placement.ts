// A placement through the API as a duty worker makes one: an intake for a homeless man who asked for help
// in `requestNis`, a hold on a suitable free place of the worker's board (not a hotel; `accept` narrows the
// choice), and the placement with its handoff. Used where a test needs a handoff to a given OCMW.
import { expect } from 'vitest';
import type { ApiClient } from './server';

export interface BoardPlace {
  id: string;
  suitable: boolean;
  free: number;
  type: string;
  municipality: { nis: string };
}

export async function placeHomeless(
  worker: ApiClient,
  requestNis: string,
  name: string,
  accept: (p: BoardPlace) => boolean = () => true,
) {
  const intake = await worker.post('/api/intakes', {
    referrer: { kind: 'police', organisation: 'PZ Test' },
    person: { name, birthDate: '1990-05-02' },
    household: { type: 'alleenstaande_man', adults: 1, children: 0 },
    ethos: 'public_space',
    facts: { requestNis, housing: 'homeless' },
  });
  expect(intake.status).toBe(201);
  const board = (await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as BoardPlace[];
  const place = board.find((p) => p.suitable && p.free > 0 && p.type !== 'hotel' && accept(p));
  expect(place, 'a suitable free place on the board').toBeDefined();
  expect((await worker.post(`/api/intakes/${intake.body.id}/hold`, { placeId: place!.id })).status).toBe(201);
  const placed = await worker.post(`/api/intakes/${intake.body.id}/place`);
  expect(placed.status).toBe(200);
  return {
    placeNis: place!.municipality.nis,
    handoff: placed.body.handoff as { id: string; dueAt: string; ocmw: { nis: string } },
  };
}
