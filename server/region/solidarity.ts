// Regional solidarity rule (seen in the Kempen, Boom-Mechelen-Lier and W13 agreements): every
// municipality brings 1 emergency place per 10,000 inhabitants into the shared pool. Small
// municipalities still bring one, otherwise the smallest would carry nothing and the pool would
// depend on the big towns alone.
export function solidarityTarget(population: number): number {
  return Math.max(1, Math.round(population / 10000));
}
