// Shapes of the server's answers: inferred from the contract (shared/api), which the server's answers
// are checked against in its tests. Nothing here is written by hand.
import type { ErrorBody } from '../../../shared/api/common';
import type { Health as HealthAnswer } from '../../../shared/api/ops';

export type { User } from '../../../shared/api/auth';
export type { ErrorBody, Role } from '../../../shared/api/common';
export type { Municipality, RegionAnswer as RegionResponse } from '../../../shared/api/region';

/** What the console reads of `/healthz` (a 503 carries the same body; unreachable is "degraded"). */
export type Health = Pick<HealthAnswer, 'status' | 'database'>;
export type FieldIssue = NonNullable<ErrorBody['issues']>[number];
