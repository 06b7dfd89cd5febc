// The duty rota calculator ("who do we ring now?"), shared by server and console. Rules: on-duty.ts.
export * from './model';
export { handoverAt, turnAt } from './handovers';
export { HORIZON_DAYS, onDuty, type OnDuty } from './on-duty';
export { MAX_RANGE_DAYS, gaps, segments, shiftsOf, wholeShiftsOf, type Gaps, type Shift } from './segments';
export { validateOverride, validateRotation, validateSwap } from './validate';
export { dueNightGapAlerts, type NightGapAlert } from './alerts';
