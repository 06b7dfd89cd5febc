// The board computed once per change, not once per console. Every announced change bumps the region's
// version in the database (board_versions, whichever instance made it), reads the board once for both
// role scopes and sends each scope's board with its version in `board:changed`, so a console shows it
// without asking. `GET /api/board` (a first load, a reconnect, another filter) is answered from memory
// while the database's version is the one in memory, with an ETag; an instance whose memory is behind
// (the change was made on another one) reads the board again once. Keyed by region code and role scope.
import { createHash } from 'node:crypto';
import type { ServerEventPayload } from '../../shared/api/events';
import { sql } from 'kysely';
import { diffBoard, readingOf } from '../../shared/rules/board-patch';
import { shiftCountsOf } from '../../shared/rules/board-view';
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
  holdingRegionsOf,
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
  /** Which reading of the version (shared/rules/board-patch.ts): what a patch to the next one starts from. */
  reading: string;
  read: BoardPlaces;
  views: Map<string, { etag: string; json: string; suitableFree: boolean }>;
}

/** A served board: the JSON after its leading `{"at":...,` and its ETag. */
export interface BoardAnswer {
  etag: string;
  /** The board as JSON without its opening brace: the caller puts `{"at":"<now>",` in front. */
  rest: string;
  /** Whether a suitable place is free (else the route adds the neighbours' offers, issue 15 part 4). */
  suitableFree: boolean;
}

class BoardCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<Entry>>();
  private running: Promise<void> | null = null;
  private again = new Set<string>();

  /** The board of one region for one worker's filter, from memory when the database's version is the one kept. */
  async answer(services: Services, role: Role, region: string, filter: BoardFilter, key: string): Promise<BoardAnswer> {
    const { db, clock } = services;
    await this.caughtUp();
    const version = await currentVersion(services, region);
    let entry = this.entries.get(region);
    if (!entry || entry.version !== version || clock.now().getTime() >= entry.read.validUntil)
      entry = await this.readOnce(services, region, version);
    const scope = boardScopeOf(role);
    const viewKey = `${scope}?${key}`;
    const kept = entry.views.get(viewKey);
    if (kept) return { etag: kept.etag, rest: kept.json, suitableFree: kept.suitableFree };
    const near = await nearOf(db, filter.municipality);
    const places = viewFor(entry.read.places[scope], filter, near);
    const json = escapeJson(
      JSON.stringify({
        night: entry.read.night,
        region: entry.region,
        version: entry.version,
        reading: entry.reading,
        places,
        heldAtNeighbours: entry.read.heldAtNeighbours,
      }),
    ).slice(1);
    const etag = `W/"${entry.version}-${createHash('sha1').update(json).digest('base64url').slice(0, 16)}"`;
    const suitableFree = places.some((p) => p.free > 0 && p.suitable);
    if (entry.views.size >= VIEWS_KEPT) entry.views.delete(entry.views.keys().next().value!);
    entry.views.set(viewKey, { etag, json, suitableFree });
    return { etag, rest: json, suitableFree };
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
    const stale = (await regionSettings(services.db, region)).board?.staleAfterHours;
    const read = await readBoardPlaces(services.db, services.clock.now(), SCOPES, stale, region);
    const entry: Entry = { region, version, reading: readingOf(version, read.validUntil), read, views: new Map() };
    const kept = this.entries.get(region);
    if (!kept || kept.version <= version) this.entries.set(region, entry);
    return entry;
  }

  /**
   * A change was committed: bump the version, read the board once, send it to every console of each
   * scope. Changes that come while one is being announced are announced together right after it.
   */
  announce(services: Services, placeId: string): void {
    this.again.add(placeId);
    if (!this.running) this.drain(services);
  }

  private drain(services: Services): void {
    const placeIds = [...this.again];
    this.again.clear();
    this.running = this.announceNow(services, placeIds).finally(() => {
      this.running = null;
      if (this.again.size) this.drain(services);
    });
  }

  /**
   * Each changed place's region: its version bumped, its board read once and sent to that region's consoles,
   * as a patch from the reading this instance held just before (the consoles hold it too), else whole. So too
   * the regions whose desks hold one of the places across the border (heldAtNeighbours): a hold on region B's
   * place made by region A's desk changes both boards, whichever of them changed it.
   */
  private async announceNow(services: Services, placeIds: string[]): Promise<void> {
    const { realtime, clock, db } = services;
    const placeId = placeIds[placeIds.length - 1]!;
    try {
      const places = await db.selectFrom('places').select(['id', 'region_code']).where('id', 'in', placeIds).execute();
      const changedIn = new Map<string, string>(places.map((p) => [p.region_code, p.id]));
      const holders = await holdingRegionsOf(db, placeIds, clock.now());
      const known = await db.selectFrom('regions').select('code').execute();
      for (const region of holders)
        if (!changedIn.has(region) && known.some((r) => r.code === region)) changedIn.set(region, placeId);
      for (const [region, changed] of changedIn) {
        const before = this.entries.get(region); // taken before the bump: a request may read the new version meanwhile
        const version = await bumpVersion(services, region);
        const entry = await this.read(services, region, version);
        const base = before?.version === version - 1 ? before : null;
        const at = clock.now().toISOString();
        for (const scope of SCOPES) {
          const heldAtNeighbours = entry.read.heldAtNeighbours as EventBoard['heldAtNeighbours'];
          const board = {
            at: entry.read.at,
            night: entry.read.night,
            region,
            version,
            reading: entry.reading,
            heldAtNeighbours,
          };
          const payload = base
            ? { placeId: changed, at, version, patch: { ...board, ...patchOf(base, entry, scope) } }
            : { placeId: changed, at, version, board: { ...board, places: eventPlaces(entry.read.places[scope]) } };
          realtime.publishToRegion(region, 'board:changed', payload, ROLES_OF[scope]);
        }
      }
    } catch (err) {
      // Without the database the consoles still hear that something changed; they fetch when it answers.
      services.logger.warn({ err }, 'board version or reading failed; announcing without the board');
      realtime.publish('board:changed', { placeId, at: clock.now().toISOString() }, rolesWith('places.read'));
    }
  }

  /**
   * The changes announced on this instance before now have bumped their version (the one running, then the
   * ones that queued behind it), so a worker's own change is in the board asked for right after it: the
   * announcement runs after the change's answer has gone, and its reads take a few milliseconds.
   */
  private async caughtUp(): Promise<void> {
    for (let i = 0; i < 2 && this.running; i++) await this.running;
  }

  /** Settles when nothing is being announced (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }
}

type EventBoard = NonNullable<ServerEventPayload<'board:changed'>['board']>;
type EventPlaces = EventBoard['places'];
/** The rows are the contract's board places (suits as stored: the tags the place form accepts). */
const eventPlaces = (rows: BoardPlaces['places'][BoardScope]) => rows as EventPlaces;

/** What changed in one scope's board between two readings, with the scope's shift-summary figures. */
function patchOf(before: Entry, after: Entry, scope: BoardScope) {
  const rows = eventPlaces(after.read.places[scope]);
  const counts = shiftCountsOf({ night: after.read.night, places: rows });
  return { base: before.reading, ...diffBoard(eventPlaces(before.read.places[scope]), rows), counts };
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

/** A region's board version (0 before its first change). */
async function currentVersion({ db }: Services, region: string): Promise<number> {
  const r = await sql<{ version: number }>`
    select coalesce((select v.version from board_versions v where v.region_code = ${region}), 0)::float8 as version`.execute(
    db,
  );
  return r.rows[0]!.version;
}

async function bumpVersion({ db }: Services, region: string): Promise<number> {
  const r = await sql<{ version: number }>`
    insert into board_versions (region_code, version) values (${region}, 1)
    on conflict (region_code) do update set version = board_versions.version + 1
    returning version::float8 as version`.execute(db);
  return r.rows[0]!.version;
}

/** As Express's `json escape`: no `<`, `>` or `&` in a JSON answer. */
export const escapeJson = (json: string) =>
  json.replace(/[<>&]/g, (c) => (c === '<' ? '\\u003c' : c === '>' ? '\\u003e' : '\\u0026'));
