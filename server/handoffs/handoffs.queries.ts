// The handoff queue: OCMW staff see only their municipalities; the desk sees every handoff.
import { regionOf } from '../region/scope';
import { auditReads } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import type { HandoffStatus } from '../db/schema';
import type { Services } from '../services';
import { scope } from '../policies';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function listHandoffs(services: Services, user: AuthUser, f: { status?: HandoffStatus[]; nis?: string }) {
  const { db, clock } = services;
  const now = clock.now();
  let q = db
    .selectFrom('handoffs')
    .innerJoin('intakes', 'intakes.id', 'handoffs.intake_id')
    .innerJoin('municipalities', 'municipalities.nis', 'handoffs.ocmw_nis')
    .leftJoin('guarantees', 'guarantees.intake_id', 'intakes.id')
    .leftJoin('places', 'places.id', 'guarantees.place_id')
    .select([
      'handoffs.id',
      'handoffs.intake_id',
      'handoffs.status',
      'handoffs.due_at',
      'handoffs.acknowledged_at',
      'handoffs.outcome',
      'handoffs.escalated_at',
      'handoffs.ocmw_nis',
      'municipalities.name as ocmwName',
      'intakes.person_name',
      'intakes.reference',
      'intakes.household_type',
      'intakes.adults',
      'intakes.children',
      'places.name as placeName',
      'places.type as placeType',
      'guarantees.nights',
      'guarantees.total_cents',
    ]);
  // OCMW staff: the handoffs to their OCMW, from any region. The desk: its own intakes' (wherever it placed them and
  // whoever is competent), what was placed on its places, and what another region handed to an OCMW of this
  // region (issue 15). handoffs.commands.ts `handoffInScope` checks one handoff by the same rule.
  const own = scope(user);
  if (own) q = q.where('handoffs.ocmw_nis', 'in', own.length ? own : ['-']);
  else {
    const region = regionOf(user);
    q = q.where((eb) =>
      eb.or([
        eb('intakes.region_code', '=', region),
        eb('places.region_code', '=', region),
        eb('municipalities.region_code', '=', region),
      ]),
    );
  }
  if (f.nis) q = q.where('handoffs.ocmw_nis', '=', f.nis);
  q = f.status?.length
    ? q.where('handoffs.status', 'in', f.status)
    : q.where((eb) =>
        eb.or([
          eb('handoffs.status', '!=', 'closed'),
          eb('handoffs.closed_at', '>', new Date(now.getTime() - 14 * 86_400_000)),
        ]),
      );
  const rows = await q.orderBy('handoffs.due_at').limit(200).execute();
  await auditReads(
    db,
    now,
    user.id,
    'intake',
    rows.map((r) => r.intake_id),
  );
  return rows.map((r) => ({
    id: r.id,
    intakeId: r.intake_id,
    reference: r.reference,
    status: r.status,
    dueAt: iso(r.due_at),
    acknowledgedAt: iso(r.acknowledged_at),
    outcome: r.outcome,
    overdue: r.status === 'open' && new Date(r.due_at).getTime() <= now.getTime(),
    escalated: r.escalated_at !== null,
    ocmw: { nis: r.ocmw_nis, name: r.ocmwName },
    person: r.person_name,
    household: { type: r.household_type, adults: r.adults, children: r.children },
    place: r.placeName ? { name: r.placeName, type: r.placeType } : null,
    nights: r.nights,
    totalCents: r.total_cents,
  }));
}
