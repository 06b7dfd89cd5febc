import { describe, expect, it } from 'vitest';
import { applyBoardPatch, diffBoard, readingOf } from './board-patch';

const row = (id: string, free: number, holds: string[] = []) => ({ id, name: `Plaats ${id}`, free, holds });

describe('a board change as a patch', () => {
  const before = [row('a', 2), row('b', 1), row('c', 0, ['V.A'])];

  it('carries only the rows that differ, whole, and the ids of those gone', () => {
    const after = [row('a', 2), row('b', 0, ['K.E']), row('d', 3)]; // b held, c deactivated, d added
    expect(diffBoard(before, after)).toEqual({ places: [row('b', 0, ['K.E']), row('d', 3)], removed: ['c'] });
    expect(
      diffBoard(
        before,
        before.map((r) => ({ ...r })),
      ),
    ).toEqual({ places: [], removed: [] });
  });

  it('a change deep in a row (a hold released) is a change of that row', () => {
    const after = [row('a', 2), row('b', 1), row('c', 1)];
    expect(diffBoard(before, after).places).toEqual([row('c', 1)]);
  });

  it('applied to the board before, gives the board after (order aside: rows stay where they stood)', () => {
    const after = [row('d', 3), row('b', 0, ['K.E']), row('a', 2)];
    const patched = applyBoardPatch(before, diffBoard(before, after));
    expect(patched).toEqual([row('a', 2), row('b', 0, ['K.E']), row('d', 3)]);
  });

  it('names a reading by its version and the moment it stops holding', () => {
    expect(readingOf(7, 1_700_000_000_000)).toBe('7@1700000000000');
    expect(readingOf(7, 1)).not.toBe(readingOf(7, 2));
  });
});
