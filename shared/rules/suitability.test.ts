import { describe, expect, it } from 'vitest';
import { householdSchema, unmetNeeds } from './suitability';
import { inLanguage } from './say';

const h = (adults: number, children: number, needs: string[] = []) =>
  householdSchema.parse({ adults, children, needs });

describe('unmetNeeds', () => {
  it('a mother with two children needs a place for women and children (or families)', () => {
    const mother = h(1, 2, ['women']);
    expect(unmetNeeds(['women', 'children'], mother)).toEqual([]);
    expect(unmetNeeds(['women', 'families'], mother)).toEqual([]);
    expect(unmetNeeds(['men', 'women'], mother)).toEqual(['children']);
    expect(unmetNeeds(['children'], mother)).toEqual(['women']);
  });

  it('a family transit home takes a parent with children, not a parent alone', () => {
    expect(unmetNeeds(['families', 'children'], h(1, 2, ['women']))).toEqual([]);
    expect(unmetNeeds(['families', 'children'], h(1, 1, ['men']))).toEqual([]);
    expect(unmetNeeds(['families', 'children'], h(1, 0, ['women']))).toEqual(['women']);
  });

  it('pets and wheelchairs must be listed explicitly', () => {
    expect(unmetNeeds(['men', 'women'], h(1, 0, ['men', 'pets']))).toEqual(['pets']);
    expect(unmetNeeds(['men', 'pets', 'wheelchair'], h(1, 0, ['men', 'pets', 'wheelchair']))).toEqual([]);
  });

  it('refuses an empty household and unknown tags with a message', () => {
    expect(
      inLanguage(householdSchema.safeParse({ adults: 0, children: 0 }).error?.issues[0]?.message ?? '', 'en'),
    ).toBe('a household has at least one person');
    expect(householdSchema.safeParse({ adults: 1, children: 0, needs: ['dogs'] }).success).toBe(false);
  });
});
