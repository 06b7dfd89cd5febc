// The house rules the compiler cannot see, checked on the source: every table is written by its owner
// only, and every realtime event is published by the owner of what changed. The expectations are the
// README's architecture section, written out here by hand; a new table or event fails this test until
// someone decides who owns it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Table -> the one folder of server/ that inserts, updates or deletes its rows. */
const TABLE_OWNERS: Record<string, string> = {
  users: 'auth',
  user_municipalities: 'auth',
  user_regions: 'auth',
  sessions: 'auth',
  login_throttle: 'auth',
  audit_log: 'audit',
  rota_rotations: 'roster',
  rota_overrides: 'roster',
  rota_swaps: 'roster',
  ical_events: 'roster',
  places: 'capacity',
  holds: 'capacity',
  hotel_counts: 'capacity',
  board_versions: 'capacity',
  intakes: 'intake',
  intake_reference_counters: 'intake',
  guarantees: 'handoffs',
  handoffs: 'handoffs',
  handoff_events: 'handoffs',
  calls: 'telephony',
  call_legs: 'telephony',
  alarms: 'telephony',
  directory: 'telephony',
  sms_inbound: 'telephony',
  outbox: 'telephony',
  regions: 'region',
  municipalities: 'region',
  ocmws: 'region',
  data_versions: 'region',
  transit_homes: 'housing',
  housing_registrations: 'housing',
  housing_allocations: 'housing',
  housing_trajectories: 'housing',
  housing_contingent_requests: 'housing',
};

/** Realtime event -> the folder that publishes it (after its own change commits). */
const EVENT_OWNERS: Record<string, string> = {
  'board:changed': 'capacity',
  'intakes:changed': 'intake',
  'handoffs:changed': 'handoffs',
  'rota:changed': 'roster',
  'call:updated': 'telephony',
  'alarm:changed': 'telephony',
  'outbox:changed': 'telephony',
  'sms:received': 'telephony',
  'housing:changed': 'housing',
};

/** Code that may write anyone's rows: the demo seed, the history generator and test fixtures (the exceptions). */
const MAY_WRITE_ANY = [/^server\/seed\//, /^server\/reports\/seed-history\.ts$/, /^server\/[a-z-]+\/fixture\.ts$/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' || e.name === 'data' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sources(join(ROOT, 'server')).map((path) => ({
  file: relative(ROOT, path),
  folder: relative(ROOT, path).split('/')[1] ?? '',
  text: readFileSync(path, 'utf8'),
}));

describe('one owner per table', () => {
  const writes = files
    .filter((f) => !MAY_WRITE_ANY.some((re) => re.test(f.file)))
    .flatMap((f) =>
      [...f.text.matchAll(/\.(insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)'/g)].map((m) => ({
        file: f.file,
        folder: f.folder,
        table: m[2]!,
      })),
    );

  it('finds the writes it checks (the scan itself works)', () => {
    // Hand-picked: the outbox's enqueue and the hold's insert are writes this scan must see.
    expect(writes).toContainEqual({ file: 'server/telephony/outbox/enqueue.ts', folder: 'telephony', table: 'outbox' });
    expect(writes.some((w) => w.file === 'server/capacity/holds.ts' && w.table === 'holds')).toBe(true);
  });

  it('every written table has an owner, and only the owner writes it', () => {
    const wrong = writes
      .filter((w) => TABLE_OWNERS[w.table] !== w.folder)
      .map((w) => `${w.file} writes ${w.table} (owner: ${TABLE_OWNERS[w.table] ?? 'nobody yet: add it above'})`);
    expect(wrong).toEqual([]);
  });
});

describe('events are published by their owner', () => {
  const publishes = files.flatMap((f) =>
    // publish('event', ...) and publishToRegion(region, 'event', ...)
    [...f.text.matchAll(/\.(?:publish\(|publishToRegion\(\s*[\w.]+,)\s*'([a-z]+:[a-z]+)'/g)].map((m) => ({
      file: f.file,
      folder: f.folder,
      event: m[1]!,
    })),
  );

  it('finds the publishes it checks', () => {
    expect(publishes).toContainEqual({ file: 'server/intake/announce.ts', folder: 'intake', event: 'intakes:changed' });
    expect(publishes).toContainEqual({
      file: 'server/handoffs/open.ts',
      folder: 'handoffs',
      event: 'handoffs:changed',
    });
    expect(publishes).toContainEqual({
      file: 'server/roster/roster.commands.ts',
      folder: 'roster',
      event: 'rota:changed',
    });
  });

  it('only the owner publishes an event', () => {
    const wrong = publishes
      .filter((p) => EVENT_OWNERS[p.event] !== p.folder)
      .map((p) => `${p.file} publishes ${p.event} (owner: ${EVENT_OWNERS[p.event] ?? 'nobody yet: add it above'})`);
    expect(wrong).toEqual([]);
  });
});
