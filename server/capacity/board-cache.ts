// The board computed once per change, not once per console. Every announced change bumps the region's
// version in the database (board_versions, whichever instance made it), reads the board once for both
// role scopes and sends each scope's board with its version in `board:changed`, so a console shows it
// without asking. `GET /api/board` (a first load, a reconnect, another filter) is answered from memory
// while the database's version is the one in memory, with an ETag; an instance whose memory is behind
// (the change was made on another one) reads the board again once. Keyed by region code and role scope.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../db/schema';
import { rolesWith } from '../policies';
import type { Realtime } from '../realtime/realtime';
import { regionSettings } from '../region/settings';
import type { Services } from '../services';
import {
  type BoardFilter,
  type BoardPlaces,
  type BoardScope,
  boardScopeOf,
  nearOf,
  readBoardPlaces,
  viewFor,
} from './board';

const SCOPES: readonly BoardScope[] = ['addresses', 'desk'];
/** Who gets which board: the roles that read the board (policy `places.read`), by their scope. */
const ROLES_OF: Record<BoardScope, readonly Role[]> = {
  addresses: rolesWith('places.read').filter((r) => boardScopeOf(r) === 'addresses'),
  desk: rolesWith('places.read').filter((r) => boardScopeOf(r) === 'desk'),
};
/** Answers kept per version and scope (one per household filter asked); the default filter is most of them. */
const VIEWS_KEPT = 64;

interface Entry {
  region: string;
  version: number;
  read: BoardPlaces;
  views: Map<string, { etag: string; json: string }>;
}

/** A served board: the JSON after its leading `{"at":...,` and its ETag. */
export interface BoardAnswer {
  etag: string;
  /** The board as JSON without its opening brace: the caller puts `{"at":"<now>",` in front. */
  rest: string;
}

class BoardCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<Entry>>();
  private running: Promise<void> | null = null;
  private again: string | null = null;

  /** The board for one worker's filter, from memory when the database's version is the one kept. */
  async answer(services: Services, role: Role, filter: BoardFilter, key: string): Promise<BoardAnswer> {
    const { db, clock } = services;
    const { region, version } = await currentVersion(services);
    let entry = this.entries.get(region);
    if (!entry || entry.version !== version || clock.now().getTime() >= entry.read.validUntil)
      entry = await this.readOnce(services, region, version);
    const scope = boardScopeOf(role);
    const viewKey = `${scope}?${key}`;
    const kept = entry.views.get(viewKey);
    if (kept) return { etag: kept.etag, rest: kept.json };
    const near = await nearOf(db, filter.municipality);
    const places = viewFor(entry.read.places[scope], filter, near);
    const json = escapeJson(
      JSON.stringify({ night: entry.read.night, region: entry.region, version: entry.version, places }),
    ).slice(1);
    const etag = `W/"${entry.version}-${createHash('sha1').update(json).digest('base64url').slice(0, 16)}"`;
    if (entry.views.size >= VIEWS_KEPT) entry.views.delete(entry.views.keys().next().value!);
    entry.views.set(viewKey, { etag, json });
    return { etag, rest: json };
  }

  /** One reading per region and version, however many consoles ask at once. */
  private readOnce(services: Services, region: string, version: number): Promise<Entry> {
    const key = `${region}:${version}`;
    let pending = this.reading.get(key);
    if (!pending) {
      pending = this.read(services, region, version).finally(() => this.reading.delete(key));
      this.reading.set(key, pending);
    }
    return pending;
  }

  private async read(services: Services, region: string, version: number): Promise<Entry> {
    const stale = (await regionSettings(services.db)).board?.staleAfterHours;
    const read = await readBoardPlaces(services.db, services.clock.now(), SCOPES, stale);
    const entry: Entry = { region, version, read, views: new Map() };
    const kept = this.entries.get(region);
    if (!kept || kept.version <= version) this.entries.set(region, entry);
    return entry;
  }

  /**
   * A change was committed: bump the version, read the board once, send it to every console of each
   * scope. Changes that come while one is being announced are announced together right after it.
   */
  announce(services: Services, placeId: string): void {
    if (this.running) {
      this.again = placeId;
      return;
    }
    this.running = this.announceNow(services, placeId).finally(() => {
      this.running = null;
      const next = this.again;
      this.again = null;
      if (next !== null) this.announce(services, next);
    });
  }

  private async announceNow(services: Services, placeId: string): Promise<void> {
    const { realtime, clock } = services;
    try {
      const { region, version } = await bumpVersion(services);
      const entry = await this.read(services, region, version);
      const at = clock.now().toISOString();
      for (const scope of SCOPES) {
        const board = { at: entry.read.at, night: entry.read.night, region, version, places: entry.read.places[scope] };
        realtime.publish('board:changed', { placeId, at, version, board }, ROLES_OF[scope]);
      }
    } catch (err) {
      // Without the database the consoles still hear that something changed; they fetch when it answers.
      services.logger.warn({ err }, 'board version or reading failed; announcing without the board');
      realtime.publish('board:changed', { placeId, at: clock.now().toISOString() }, rolesWith('places.read'));
    }
  }

  /** Settles when nothing is being announced (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }
}

const caches = new WeakMap<Realtime, BoardCache>();
/** The cache of one instance (its realtime server is its identity). */
export function boardCache(services: Services): BoardCache {
  let cache = caches.get(services.realtime);
  if (!cache) {
    cache = new BoardCache();
    caches.set(services.realtime, cache);
  }
  return cache;
}

/** The desk's region (one for now; issue 15 brings more) and its board version. */
async function currentVersion({ db }: Services): Promise<{ region: string; version: number }> {
  const r = await sql<{ region: string; version: number }>`
    select x.code as region, coalesce((select v.version from board_versions v where v.region_code = x.code), 0)::float8 as version
    from (select coalesce((select code from regions order by code limit 1), '') as code) x`.execute(db);
  return r.rows[0]!;
}

async function bumpVersion({ db }: Services): Promise<{ region: string; version: number }> {
  const r = await sql<{ region: string; version: number }>`
    insert into board_versions (region_code, version)
    values (coalesce((select code from regions order by code limit 1), ''), 1)
    on conflict (region_code) do update set version = board_versions.version + 1
    returning region_code as region, version::float8 as version`.execute(db);
  return r.rows[0]!;
}

/** As Express's `json escape`: no `<`, `>` or `&` in a JSON answer. */
const escapeJson = (json: string) =>
  json.replace(/[<>&]/g, (c) => (c === '<' ? '\\u003c' : c === '>' ? '\\u003e' : '\\u0026'));
