/**
 * Fast paths over wall-clock.ts for the rota's hot loops. Luxon asks Intl for the zone offset on
 * every call, which dominates a month view; these memoise pure answers (same input, same output):
 *  - the Brussels offset per UTC hour (only when the offset is the same at both ends of the hour, so
 *    a transition inside an hour is never cached wrongly),
 *  - atLocal(date, time) as epoch ms (the DST rules stay those of wall-clock.ts: this only caches).
 */
import { IANAZone } from 'luxon';
import { ZONE, atLocal } from '../wall-clock';

const zone = IANAZone.create(ZONE);
const HOUR_MS = 3_600_000;
const MAX_CACHE = 50_000;

const offsetByHour = new Map<number, number>();
const localMs = new Map<string, number>();

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MAX_CACHE) map.clear();
  map.set(key, value);
  return value;
}

/**
 * The Brussels UTC offset in minutes at ms.
 * @public
 */
export function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const cached = offsetByHour.get(hour);
  if (cached !== undefined) return cached;
  const a = zone.offset(hour * HOUR_MS);
  const b = zone.offset((hour + 1) * HOUR_MS - 1);
  return a === b ? remember(offsetByHour, hour, a) : zone.offset(ms);
}

/**
 * The Brussels local date (YYYY-MM-DD) of ms.
 * @public
 */
export function localDateOf(ms: number): string {
  return new Date(ms + offsetAt(ms) * 60_000).toISOString().slice(0, 10);
}

/**
 * atLocal(isoDate, hhmm) as epoch ms, memoised.
 * @public
 */
export function atLocalMs(isoDate: string, hhmm: string): number {
  const key = `${isoDate}T${hhmm}`;
  return localMs.get(key) ?? remember(localMs, key, atLocal(isoDate, hhmm).toMillis());
}

/**
 * ms as an ISO string with the Brussels offset, e.g. 2025-10-26T02:30:00+02:00 (ms only when not 0).
 * @public
 */
export function isoAt(ms: number): string {
  const off = offsetAt(ms);
  const local = new Date(ms + off * 60_000).toISOString().replace(/\.000Z$|Z$/, '');
  const abs = Math.abs(off);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${off < 0 ? '-' : '+'}${hh}:${mm}`;
}
