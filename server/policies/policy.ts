// What a policy module is: for each ability of one resource, the roles that hold it. Only the modules
// in this folder name roles; routes and handlers name abilities (see index.ts).
import type { Ability } from '../../shared/abilities';
import type { Role } from '../db/schema';

export type Policy = Partial<Record<Ability, readonly Role[]>>;
