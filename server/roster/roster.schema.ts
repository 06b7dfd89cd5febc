// Request schemas of the rota API live in the contract (shared/api/rota.ts); commands import them here.
export { gapsQuery, overrideBody, rangeQuery, rotationBody, swapBody } from '../../shared/api/rota';
