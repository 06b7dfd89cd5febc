// Handing a case to an OCMW the desk does not serve (issue 15): nobody there sees the console, so the
// worker hands it over by phone (with whom, when) or by e-mail, and records that here. Recording it
// acknowledges an open handoff on that OCMW's behalf, so the escalation round stops asking. The
// printable letter (letter.ts) goes with it.
import type { z } from 'zod';
import { handoverBody } from '../../shared/api/handoffs';
import type { AuthUser } from '../auth/session';
import type { Handover } from '../db/schema';
import { fieldError } from '../http/errors';
import { ocmwSummary } from '../intake/intake.queries';
import type { Services } from '../services';
import { say } from '../../shared/rules/say';
import { handoffInScope, step } from './handoffs.commands';

export { handoverBody };
export type HandoverInput = z.output<typeof handoverBody>;

export async function recordHandover(
  services: Services,
  user: AuthUser,
  id: string,
  body: HandoverInput,
): Promise<void> {
  const now = services.clock.now();
  const when = body.at ? new Date(body.at) : now;
  if (when.getTime() > now.getTime() + 60_000)
    throw fieldError('body.at', say('ligt in de toekomst', 'lies in the future'));
  const h = await handoffInScope(services, user, id);
  const ocmw = await ocmwSummary(services.db, h.ocmw_nis);
  const handover: Handover = {
    method: body.method,
    contact: body.contact,
    at: when.toISOString(),
    by: user.displayName,
    note: body.note ?? null,
  };
  // The OCMW outside the regions cannot acknowledge in the console: the handover is its acknowledgement.
  const acknowledges = !ocmw.served && h.status === 'open';
  const set = acknowledges
    ? { handover: JSON.stringify(handover), status: 'acknowledged', acknowledged_at: when, acknowledged_by: user.id }
    : { handover: JSON.stringify(handover) };
  await step(
    services,
    user,
    id,
    acknowledges ? ['open'] : ['open', 'acknowledged'],
    set,
    'handed_over',
    { method: body.method, at: handover.at, acknowledges },
    say('Een afgesloten overdracht krijgt geen overdracht meer.', 'A closed handoff takes no handover.'),
  );
}
