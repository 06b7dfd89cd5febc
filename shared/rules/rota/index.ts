// The duty rota calculator ("who do we ring now?"), shared by server and console. Rules: on-duty.ts.
/** @public */
export * from './model';
/** @public */
export { handoverAt, turnAt } from './handovers';
/** @public */
export { HORIZON_DAYS, onDuty, type OnDuty } from './on-duty';
/** @public */
export { MAX_RANGE_DAYS, gaps, segments, shiftsOf, wholeShiftsOf, type Gaps, type Shift } from './segments';
/** @public */
export { validateOverride, validateRotation, validateSwap } from './validate';
/** @public */
export { dueNightGapAlerts, type NightGapAlert } from './alerts';
