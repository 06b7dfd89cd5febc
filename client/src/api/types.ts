// Shapes of the server's answers (see the API contract; the server validates the same with zod).
import type { Ability } from '../../../shared/abilities';

export type Role = 'duty_worker' | 'coordinator' | 'ocmw_staff' | 'admin' | 'allocator';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** NIS codes of the municipalities an OCMW staff member works for; empty for other roles. */
  municipalities: string[];
  /** What the server lets this user do (its policies): the console shows only what these allow. */
  abilities: Ability[];
  /** The municipalities the user's abilities reach (OCMW staff), or null for all. */
  scope: string[] | null;
}

export interface Municipality {
  nis: string;
  name: string;
  population: number;
  postcodes: string;
  eerstelijnszone: string;
  policeZone: string;
  /** Solidarity target: 1 place per 10,000 inhabitants. */
  placesTarget: number;
  placesBrought: number;
}

export interface RegionResponse {
  region: { code: string; name: string };
  municipalities: Municipality[];
  /** Whether this deployment may store national register numbers, and how long personal data stay. */
  privacy?: { storeRrn: boolean; retentionDays: number };
}

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'down';
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** Every error body: `error` always, the rest depending on the status. */
export interface ErrorBody {
  error: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
}
