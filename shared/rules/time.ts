// The single entry point for time rules (zone, DST, holidays, office hours), shared by server and
// client. Split over files to keep each short; import from here.
export * from './wall-clock';
export * from './holidays';
export * from './calendar-schema';
export * from './office-hours';
export * from './night';
