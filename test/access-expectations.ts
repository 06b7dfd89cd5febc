// What each role should get, written by hand from what the desk's people need, NOT derived from the
// route declarations or server/policies/: test/access.test.ts checks the declarations against this.
// A route added, removed or renamed fails that test until this table says who should get it.
//
//   duty_worker  works the night: calls, the board, intakes, placing, handing over, the rota.
//   coordinator  leads the desk: everything the duty worker does, plus the lists (places, directory,
//                rota), accounts in view, access reports, and acting for an OCMW on a handoff; for the
//                wooncel registers for the CAW and follows cases.
//   ocmw_staff   the OCMW the morning after: its handoffs and the intakes behind them, its figures, its
//                wooncel registrations (scope: own municipalities). No calls, board or rota.
//   admin        runs the desk: accounts, the audit trail, operations, the lists; reads no intakes or
//                handoffs (personal records), but sees calls and texts to keep the line working.
//   allocator    the wooncel's toewijzer: the pool, proposals and decisions, casework and its figures.
import type { Role } from '../server/db/schema';

export const EXPECTED: Record<string, 'public' | readonly Role[]> = {
  'GET /healthz': 'public',
  'GET /ical/:file': 'public', // the private iCal feed: the secret in the file name is the key
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'GET /api/auth/sprays': ['coordinator', 'admin'],
  'GET /api/users': ['coordinator', 'admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'GET /api/ops/webhook-journal': ['admin'],
  'GET /api/audit': ['admin'],
  'POST /api/privacy/access-report': ['coordinator', 'admin'],

  'GET /api/municipalities': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'GET /api/region': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],

  'GET /api/oncall/now': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'GET /api/night-sheet': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/rota': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/rota/gaps': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/rota/alerts': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/rota/me': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/rota/me/ical': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/rota/rotations': ['coordinator', 'admin'],
  'PUT /api/rota/rotations/:id': ['coordinator', 'admin'],
  'DELETE /api/rota/rotations/:id': ['coordinator', 'admin'],
  'POST /api/rota/overrides': ['coordinator', 'admin'],
  'DELETE /api/rota/overrides/:id': ['coordinator', 'admin'],
  'POST /api/rota/swaps': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/rota/swaps/:id/accept': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/rota/swaps/:id/reject': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/rota/swaps/:id/cancel': ['duty_worker', 'coordinator', 'admin'],

  'GET /api/board': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/places': ['coordinator', 'admin'],
  'PUT /api/places/:id': ['coordinator', 'admin'],
  'POST /api/places/:id/count': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/places/:id/call': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/hotels/ask': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/holds': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/holds/:id/extend': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/holds/:id/release': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/holds/:id/place': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/holds/:id/end': ['duty_worker', 'coordinator', 'admin'],

  'GET /api/calls': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/calls/:id': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/calls/:id/callback': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/alarms': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/outbox': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/sms': ['duty_worker', 'coordinator', 'admin'],
  'GET /api/directory': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/directory': ['coordinator', 'admin'],
  'DELETE /api/directory/:id': ['coordinator', 'admin'],
  'GET /api/simulator': ['duty_worker', 'coordinator', 'admin'],
  'POST /api/simulator/calls': ['duty_worker', 'coordinator', 'admin'],

  'POST /api/intakes': ['duty_worker', 'coordinator'],
  'GET /api/intakes': ['duty_worker', 'coordinator'],
  'GET /api/intakes/:id': ['duty_worker', 'coordinator', 'ocmw_staff'], // OCMW: through its handoff only
  'POST /api/intakes/:id/competence': ['duty_worker', 'coordinator'],
  'POST /api/intakes/:id/hold': ['duty_worker', 'coordinator'],
  'POST /api/intakes/:id/adopt-hold': ['duty_worker', 'coordinator'],
  'POST /api/intakes/:id/place': ['duty_worker', 'coordinator'],
  'POST /api/referrer-sms/:id/cancel': ['duty_worker', 'coordinator'],

  'GET /api/handoffs': ['duty_worker', 'coordinator', 'ocmw_staff'],
  'GET /api/handoffs/:id': ['duty_worker', 'coordinator', 'ocmw_staff'],
  'POST /api/handoffs/:id/acknowledge': ['coordinator', 'ocmw_staff'],
  'POST /api/handoffs/:id/follow-up': ['coordinator', 'ocmw_staff'],
  'POST /api/handoffs/:id/forward': ['coordinator', 'ocmw_staff'],
  'POST /api/handoffs/:id/close': ['coordinator', 'ocmw_staff'],
  'POST /api/handoffs/:id/handover': ['duty_worker', 'coordinator'],
  'GET /api/handoffs/:id/letter': ['duty_worker', 'coordinator'],
  'GET /api/handover': ['duty_worker', 'coordinator'],

  'GET /api/figures': ['coordinator', 'ocmw_staff', 'admin'],
  'GET /api/figures/csv': ['coordinator', 'ocmw_staff', 'admin'],
  'GET /api/figures/costs': ['coordinator', 'ocmw_staff', 'admin'],
  'GET /api/figures/costs/csv': ['coordinator', 'ocmw_staff', 'admin'],

  'GET /api/housing/rules': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'GET /api/housing/homes': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'GET /api/housing/occupancy': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'POST /api/housing/homes': ['coordinator', 'allocator'],
  'GET /api/housing/prefill/:id': ['coordinator', 'ocmw_staff'],
  'GET /api/housing/registrations': ['coordinator', 'ocmw_staff', 'allocator'],
  'POST /api/housing/registrations': ['coordinator', 'ocmw_staff'],
  'GET /api/housing/registrations/:id': ['coordinator', 'ocmw_staff', 'allocator'],
  'POST /api/housing/registrations/:id/withdraw': ['coordinator', 'ocmw_staff'],
  'GET /api/housing/homes/:id/proposal': ['coordinator', 'allocator'],
  'POST /api/housing/homes/:id/allocate': ['allocator'],
  'GET /api/housing/allocations': ['coordinator', 'ocmw_staff', 'allocator'],
  'POST /api/housing/allocations/:id/move-in': ['coordinator', 'ocmw_staff', 'allocator'],
  'GET /api/housing/trajectories': ['coordinator', 'ocmw_staff', 'allocator'],
  'GET /api/housing/trajectories/:id': ['coordinator', 'ocmw_staff', 'allocator'],
  'POST /api/housing/trajectories/:id/end': ['coordinator', 'ocmw_staff', 'allocator'],
  'GET /api/housing/contingent': ['coordinator', 'ocmw_staff', 'allocator', 'admin'],
  'POST /api/housing/contingent': ['coordinator', 'ocmw_staff'],
  'POST /api/housing/contingent/:id/decide': ['allocator'],
  'GET /api/housing/figures': ['coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'GET /api/housing/figures/csv': ['coordinator', 'ocmw_staff', 'admin', 'allocator'],
};

/** Abilities no route is under, that change what an answer or the console shows. */
export const EXPECTED_WITHOUT_ROUTE: Record<string, readonly Role[]> = {
  'places.addresses': ['coordinator', 'admin'], // street addresses on the board and the night sheet
  'referrer.read': ['duty_worker', 'coordinator'], // the texts to the referrer, shown with an intake
};
