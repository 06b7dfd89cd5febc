// The single entry point for time rules (zone, DST, holidays, office hours), shared by server and
// client. Split over files to keep each short; import from here.
/** @public */
export * from './wall-clock';
/** @public */
export * from './holidays';
/** @public */
export * from './calendar-schema';
/** @public */
export * from './office-hours';
/** @public */
export * from './night';
