// Shapes of the server's answers: inferred from the contract (shared/api), which the server's answers
// are checked against in its tests. Nothing here is written by hand.
import type { z } from 'zod';
import type { meAnswer } from '../../../shared/api/auth';
import type { ErrorBody } from '../../../shared/api/common';
import type { Health as HealthAnswer } from '../../../shared/api/ops';

export type { ErrorBody, Role } from '../../../shared/api/common';
export type { Municipality, RegionAnswer as RegionResponse } from '../../../shared/api/region';

/** `/api/auth/me`'s answer. */
export type Me = z.output<typeof meAnswer>;
/** The signed-in user with what the server lets them do (abilities) and the municipalities they reach (scope). */
export type User = Me['user'] & Pick<Me, 'abilities' | 'scope'>;

/** What the console reads of `/healthz` (a 503 carries the same body; unreachable is "degraded"). */
export type Health = Pick<HealthAnswer, 'status' | 'database'>;
export type FieldIssue = NonNullable<ErrorBody['issues']>[number];
