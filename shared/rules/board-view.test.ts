import { describe, expect, it } from 'vitest';
import { boardView } from './board-view';

const place = (name: string, free = 1) => ({
  name,
  type: 'caw_noodkamer',
  suits: ['men', 'women', 'children'],
  municipality: { nis: '13008', eerstelijnszone: 'Kempen' },
  free,
});

describe('the board seen for a worker', () => {
  it('orders places alike by name in Dutch order, also when new names appear between views', () => {
    const first = ['Zonnebloem', 'Noodwoning 2', 'abdij B', 'Noodwoning 10', 'Ábdij'].map((n) => place(n));
    // By hand: accents and case weigh less than letters; "1" sorts before "2" character by character.
    expect(boardView(first, {}).map((p) => p.name)).toEqual([
      'Ábdij',
      'abdij B',
      'Noodwoning 10',
      'Noodwoning 2',
      'Zonnebloem',
    ]);
    const second = [...first, place('Mol'), place('Balen')];
    expect(boardView(second, {}).map((p) => p.name)).toEqual([
      'Ábdij',
      'abdij B',
      'Balen',
      'Mol',
      'Noodwoning 10',
      'Noodwoning 2',
      'Zonnebloem',
    ]);
  });

  it('puts free places before full ones, whatever their names', () => {
    const rows = [place('Arendonk', 0), place('Zoersel', 2), place('Mol', 0)];
    expect(boardView(rows, {}).map((p) => p.name)).toEqual(['Zoersel', 'Arendonk', 'Mol']);
  });
});
