// The names of what a signed-in user may do, shared by server and console. Who holds each one is
// declared on the server (server/policies/); the console receives the signed-in user's list from
// /api/auth/me and shows what it allows, so it never decides access from a role itself.
/** @public */
export const ABILITIES = [
  // places and holds
  'places.read',
  'places.addresses',
  'places.change',
  'places.count',
  'holds.change',
  // intakes
  'intakes.list',
  'intakes.read',
  'intakes.change',
  // handoffs and the shift handover
  'handoffs.read',
  'handoffs.act',
  'handoffs.handover',
  'shiftSummary.read',
  // calls and SMS
  'calls.read',
  'calls.handle',
  'sms.read',
  'directory.read',
  'directory.change',
  'simulator.use',
  // the referrer kept in the loop
  'referrer.read',
  'referrer.cancel',
  // rota
  'rota.now',
  'rota.read',
  'rota.swap',
  'rota.change',
  'nightSheet.read',
  // figures
  'figures.read',
  'figures.housing',
  // housing (the wooncel)
  'housing.read',
  'housing.homes.change',
  'housing.register',
  'housing.cases.read',
  'housing.cases.follow',
  'housing.propose',
  'housing.decide',
  'housing.contingent.read',
  // users and sign-in
  'users.read',
  'users.change',
  'sprays.read',
  // audit and privacy
  'audit.read',
  'privacy.accessReport',
  // ops
  'ops.journal',
  // region
  'region.read',
] as const;

/** @public */
export type Ability = (typeof ABILITIES)[number];
