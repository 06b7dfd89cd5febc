import { dueNightGapAlerts, gaps, segments, shiftsOf, wholeShiftsOf } from '../../shared/rules/rota';
import { defineRoute, file, NO_CONTENT } from '../http/route';
import { notFound } from '../http/errors';
import { buildIcal, icalSequences, icalUids, rotateIcalToken, userForIcalToken } from './ical';
import { onCallNow } from './oncall';
import { nightSheet } from './night-sheet';
import { createOverride, decideSwap, deleteRow, requestSwap, saveRotation } from './roster.commands';
import { regionSettings } from '../region/settings';
import { regionOf } from '../region/scope';
import { regionsOf } from '../auth/session';
import { loadRota, staffById } from './roster.queries';
import {
  gapsAnswer,
  gapsQuery,
  icalLinkAnswer,
  icalParams,
  myShiftsAnswer,
  nightAlertsAnswer,
  nightSheetAnswer,
  onCallAnswer,
  overrideBody,
  rangeQuery,
  rotaAnswer,
  rotationBody,
  swapBody,
  swapDecisionAnswer,
} from '../../shared/api/rota';
import { idAnswer } from '../../shared/api/common';
import { idParams } from '../http/params';
import { say } from '../../shared/rules/say';

const DAY = 86_400_000;
const DEFAULT_GAP_ALERT_TIME = '14:00';

function range(q: { from?: string; to?: string }, now: Date, days: number) {
  const from = q.from ? new Date(q.from) : now;
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + days * DAY);
  return { from, to };
}

/** @public */
export const rosterRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/oncall/now',
    tag: 'rota',
    policy: 'rota.now',
    summary: 'Who is on duty now: primary, backup and coordinator, with phone and when each hands over',
    response: onCallAnswer,
    handler: ({ user, services }) => onCallNow(services, regionOf(user!)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/night-sheet',
    tag: 'rota',
    policy: 'nightSheet.read',
    summary:
      "The one-page night sheet: who is on duty tonight and their numbers, the free places, the region's OCMW contacts",
    response: nightSheetAnswer,
    handler: ({ user, services }) => nightSheet(services, user!.role, regionOf(user!)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rota',
    tag: 'rota',
    policy: 'rota.read',
    query: rangeQuery,
    summary: 'The rota between two instants (default: the coming 7 days): who holds each slot, out of hours',
    response: rotaAnswer,
    handler: async ({ query, user, services: { db, clock } }) => {
      const { from, to } = range(query, clock.now(), 7);
      const region = regionOf(user!);
      const [rota, staff] = await Promise.all([loadRota(db, region), staffById(db, region)]);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        segments: segments(rota, from, to),
        rotations: rota.rotations,
        overrides: rota.overrides,
        swaps: rota.swaps,
        staff: [...staff.values()].map((s) => ({ id: s.id, name: s.displayName, role: s.role })),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rota/gaps',
    tag: 'rota',
    policy: 'rota.read',
    query: gapsQuery,
    summary: 'Out-of-hours time in the coming days with nobody (or no backup/coordinator) on duty',
    response: gapsAnswer,
    handler: async ({ query, user, services: { db, clock } }) => {
      const now = clock.now();
      return gaps(await loadRota(db, regionOf(user!)), now, new Date(now.getTime() + query.days * DAY));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rota/alerts',
    tag: 'rota',
    policy: 'rota.read',
    summary: "Gaps in the coming (or running) night, due from the region's alert time the day before",
    response: nightAlertsAnswer,
    handler: async ({ user, services: { db, clock } }) => {
      const region = regionOf(user!);
      const [rota, settings] = await Promise.all([loadRota(db, region), regionSettings(db, region)]);
      return { nightGaps: dueNightGapAlerts(rota, clock.now(), settings.rota?.gapAlertTime ?? DEFAULT_GAP_ALERT_TIME) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rota/me',
    tag: 'rota',
    policy: 'rota.read',
    query: rangeQuery,
    summary: 'My own shifts (default: the coming 31 days)',
    response: myShiftsAnswer,
    handler: async ({ query, user, services: { db, clock } }) => {
      const { from, to } = range(query, clock.now(), 31);
      return { shifts: shiftsOf(await loadRota(db, regionOf(user!)), user!.id, from, to) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/rota/me/ical',
    tag: 'rota',
    policy: 'rota.read',
    summary: 'A new private iCal URL for my shifts (the previous one stops working)',
    response: icalLinkAnswer,
    handler: async ({ user, services: { db, config } }) => {
      const token = await rotateIcalToken(db, user!.id);
      return { url: `${config.publicUrl}/ical/${token}.ics` };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/ical/:file',
    tag: 'rota',
    policy: 'public',
    params: icalParams,
    response: file('text/calendar'),
    summary: "A worker's shifts as iCalendar, by private token (past 7 and coming 90 days)",
    handler: async ({ params, res, services: { db, clock } }) => {
      const owner = await userForIcalToken(db, params.file.replace(/\.ics$/, ''));
      if (!owner)
        throw notFound(say('Deze agendalink is niet (meer) geldig.', 'This calendar link is not valid (any more).'));
      const now = clock.now();
      // A worker of several regions gets the shifts of each region's rota in one feed.
      const { regions } = await regionsOf(db, owner.id);
      const shifts = (
        await Promise.all(
          regions.map(async (region) =>
            wholeShiftsOf(
              await loadRota(db, region),
              owner.id,
              new Date(now.getTime() - 7 * DAY),
              new Date(now.getTime() + 90 * DAY),
            ),
          ),
        )
      ).flat();
      const uids = icalUids(owner.id, shifts);
      res
        .type('text/calendar; charset=utf-8')
        .send(buildIcal(shifts, uids, await icalSequences(db, uids, shifts, now), now));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/rota/rotations',
    tag: 'rota',
    policy: 'rota.change',
    body: rotationBody,
    status: 201,
    summary: 'Create a rotation: a team taking turns in one slot',
    response: idAnswer,
    handler: ({ body, user, services }) => saveRotation(services, user!, body),
  }),
  defineRoute({
    method: 'put',
    path: '/api/rota/rotations/:id',
    tag: 'rota',
    policy: 'rota.change',
    body: rotationBody,
    params: idParams,
    summary: 'Change a rotation',
    response: idAnswer,
    handler: ({ body, params, user, services }) => saveRotation(services, user!, body, params.id),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/rota/rotations/:id',
    tag: 'rota',
    policy: 'rota.change',
    params: idParams,
    summary: 'Remove a rotation',
    response: NO_CONTENT,
    handler: ({ params, user, services }) => deleteRow(services, user!, 'rota_rotations', params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rota/overrides',
    tag: 'rota',
    policy: 'rota.change',
    body: overrideBody,
    status: 201,
    summary: 'Someone replaces someone for a span (wins over swaps and rotations)',
    response: idAnswer,
    handler: ({ body, user, services }) => createOverride(services, user!, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/rota/overrides/:id',
    tag: 'rota',
    policy: 'rota.change',
    params: idParams,
    summary: 'Remove an override',
    response: NO_CONTENT,
    handler: ({ params, user, services }) => deleteRow(services, user!, 'rota_overrides', params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rota/swaps',
    tag: 'rota',
    policy: 'rota.swap',
    body: swapBody,
    status: 201,
    summary: 'Ask a colleague to take (part of) a shift; a duty worker can only offer their own',
    response: swapDecisionAnswer,
    handler: ({ body, user, services }) => requestSwap(services, user!, body),
  }),
  ...(
    [
      ['accept', 'accepted'],
      ['reject', 'rejected'],
      ['cancel', 'cancelled'],
    ] as const
  ).map(([verb, decision]) =>
    defineRoute({
      method: 'post',
      path: `/api/rota/swaps/:id/${verb}`,
      tag: 'rota',
      policy: 'rota.swap',
      params: idParams,
      summary: `Mark a requested swap ${decision}`,
      response: swapDecisionAnswer,
      handler: ({ params, user, services }) => decideSwap(services, user!, params.id, decision),
    }),
  ),
];
