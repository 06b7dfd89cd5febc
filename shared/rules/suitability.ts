/**
 * Does a place suit a household? The worker tags the household (women, men, families, children,
 * pets, wheelchair); a place lists whom it suits. Every tag must be matched, with two equivalences:
 * a place for families also takes children, and a parent with children is a family (a family transit
 * home takes a mother or a father with children). Children in the household add the "children" tag.
 */
import { z } from 'zod';
import { say } from './say';

/** @public */
export const SUIT_TAGS = ['men', 'women', 'families', 'children', 'pets', 'wheelchair'] as const;
/** @public */
export type SuitTag = (typeof SUIT_TAGS)[number];
/** @public */
export const SUIT_TAG_NL: Record<SuitTag, string> = {
  men: 'mannen',
  women: 'vrouwen',
  families: 'gezinnen',
  children: 'kinderen',
  pets: 'huisdieren',
  wheelchair: 'rolstoelgebruikers',
};

/** @public */
export const householdSchema = z
  .strictObject({
    adults: z.number().int().min(0).max(20),
    children: z.number().int().min(0).max(20),
    needs: z.array(z.enum(SUIT_TAGS)).max(6).default([]),
  })
  .refine((h) => h.adults + h.children > 0, {
    message: say('een huishouden telt minstens één persoon', 'a household has at least one person'),
    path: ['adults'],
  });
/** @public */
export type Household = z.output<typeof householdSchema>;

/** @public */
export function requiredTags(h: Household): SuitTag[] {
  const tags = new Set<SuitTag>(h.needs);
  if (h.children > 0) tags.add('children');
  return [...tags];
}

/**
 * The tags the place does not meet; empty when it suits.
 * @public
 */
export function unmetNeeds(placeSuits: readonly string[], h: Household): SuitTag[] {
  const suits = new Set(placeSuits);
  const family = suits.has('families') && h.children > 0 && h.adults > 0;
  return requiredTags(h).filter(
    (tag) =>
      !(
        suits.has(tag) ||
        (tag === 'children' && suits.has('families')) ||
        (family && (tag === 'women' || tag === 'men'))
      ),
  );
}

/**
 * Places for a particular need (a refuge from violence, a psychiatric crisis bed): they may suit on
 * paper, but are offered after the ordinary places, so a family is not steered to the women's refuge
 * and a man whose house burned is not offered a crisis bed first.
 * @public
 */
export const SPECIALISED_TYPES: readonly string[] = ['vluchthuis', 'crisisbed'];
