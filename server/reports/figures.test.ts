// The key figures over the fixed October of fixture.ts, checked against numbers worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { insertOctober, NOW } from './fixture';

let t: TestServer;
let coordinator: ApiClient;
let fig: any;
beforeAll(async () => {
  t = await startTestServer({ seed: 'demo', clock: new ManualClock(NOW) });
  await insertOctober(t.db.db);
  coordinator = new ApiClient(t.url);
  await coordinator.login('coordinator');
  const res = await coordinator.get('/api/figures?from=2026-10-01&to=2026-10-31');
  expect(res.status).toBe(200);
  fig = res.body;
});
afterAll(() => t.close());

const row = <T extends Record<string, unknown>>(rows: T[], key: keyof T, value: unknown) =>
  rows.find((r) => r[key] === value)!;

describe('calls (region-wide)', () => {
  it('counts the nights of 1 to 31 October: from 1 Oct 12:00 to 1 Nov 12:00 Brussels time', () => {
    expect(fig.period).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      nights: 31,
      start: '2026-10-01T10:00:00.000Z',
      end: '2026-11-01T11:00:00.000Z',
    });
    expect(fig.calls.regionWide).toBe(true);
    expect(fig.calls.outcomes).toEqual({ answered: 3, missed: 1, voicemail: 1, ringing: 0, total: 5 });
  });

  it('puts both 02:30s of the autumn clock change in hour 2, on the Brussels clock', () => {
    expect(row(fig.calls.byHour, 'hour', 2)).toEqual({
      hour: 2,
      answered: 1,
      missed: 1,
      voicemail: 0,
      ringing: 0,
      total: 2,
    });
    expect(row(fig.calls.byHour, 'hour', 12).voicemail).toBe(1);
    expect(row(fig.calls.byHour, 'hour', 11).answered).toBe(1);
    expect(row(fig.calls.byHour, 'hour', 23).answered).toBe(1);
    expect(fig.calls.byHour.map((h: any) => h.hour)).toEqual([
      12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(fig.calls.byHour.reduce((a: number, h: any) => a + h.total, 0)).toBe(5);
  });

  it('counts a call after midnight on the weekday of its night (Saturday night runs into Sunday)', () => {
    const total = (d: number) => row(fig.calls.byWeekday, 'weekday', d).total;
    expect([1, 2, 3, 4, 5, 6, 7].map(total)).toEqual([0, 0, 0, 1, 1, 3, 0]);
  });

  it('splits by kind of caller from the directory, unknown numbers apart', () => {
    const by = (k: string) => row(fig.calls.byReferrer, 'kind', k).total;
    expect({
      police: by('police'),
      hospital: by('hospital'),
      service: by('service'),
      other: by('other'),
      unknown: by('unknown'),
    }).toEqual({ police: 2, hospital: 2, service: 0, other: 0, unknown: 1 });
  });

  it('time to answer: 20, 40 and 60 seconds', () => {
    expect(fig.calls.timeToAnswer).toEqual({ count: 3, meanSec: 40, medianSec: 40, p90Sec: 56 });
  });
});

describe('intakes, placements, nights, handoffs', () => {
  it('households by type, with children counted on their own', () => {
    expect(fig.intakes).toMatchObject({ total: 5, adults: 6, children: 5 });
    expect(row(fig.intakes.byHousehold, 'type', 'moeder_met_kinderen')).toEqual({
      type: 'moeder_met_kinderen',
      intakes: 1,
      adults: 1,
      children: 2,
    });
    expect(row(fig.intakes.byHousehold, 'type', 'gezin_met_kinderen')).toEqual({
      type: 'gezin_met_kinderen',
      intakes: 1,
      adults: 2,
      children: 3,
    });
    expect(row(fig.intakes.byHousehold, 'type', 'alleenstaande_man').intakes).toBe(2);
    expect(row(fig.intakes.byHousehold, 'type', 'vader_met_kinderen').intakes).toBe(0);
  });

  it('ETHOS situations and referrers', () => {
    const ethos = Object.fromEntries(
      fig.intakes.byEthos.filter((e: any) => e.intakes).map((e: any) => [e.ethos, e.intakes]),
    );
    expect(ethos).toEqual({ public_space: 2, non_conventional: 1, with_family_friends: 1, emergency_shelter: 1 });
    const refs = Object.fromEntries(fig.intakes.byReferrer.map((e: any) => [e.kind, e.intakes]));
    expect(refs).toEqual({ police: 2, hospital: 1, social_service: 1, self: 1, other: 0 });
  });

  it('time from call to placement: the one intake with both, 00:30 to 01:40', () => {
    expect(fig.intakes.callToPlacement).toEqual({ count: 1, meanMin: 70, medianMin: 70, p90Min: 70 });
  });

  it('placements and nights per place type; a stay across a month end counts in both months', async () => {
    const hotel = row(fig.placements.byType, 'type', 'hotel');
    expect(hotel).toMatchObject({
      placements: 2,
      nightsUsed: 4,
      costCents: 2 * 8500 + 8500 + 7900,
      capacity: 9,
      capacityNights: 9 * 31,
    });
    expect(hotel.occupancy).toBeCloseTo(4 / 279, 4);
    expect(row(fig.placements.byType, 'type', 'ocmw_noodwoning')).toMatchObject({
      placements: 1,
      nightsUsed: 1,
      costCents: 2000,
    });
    expect(row(fig.placements.byType, 'type', 'vluchthuis').placements).toBe(0); // a released hold is no placement
    const november = (await coordinator.get('/api/figures?from=2026-11-01&to=2026-11-30')).body;
    expect(row(november.placements.byType, 'type', 'ocmw_noodwoning')).toMatchObject({
      placements: 0,
      nightsUsed: 2,
      costCents: 4000,
    });
    expect(november.calls.outcomes.total).toBe(1); // 12:00 on 1 November opens November's first night
  });

  it('handoffs acknowledged within 24 hours of due are on time, one second later late, unanswered late or pending', () => {
    expect(fig.handoffs).toEqual({ total: 4, onTime: 1, late: 2, pending: 1, onTimeShare: 0.3333, graceHours: 24 });
  });

  it('per municipality', () => {
    const turnhout = row(fig.byMunicipality, 'nis', '13040');
    expect(turnhout).toEqual({
      nis: '13040',
      name: 'Turnhout',
      intakes: 4,
      children: 5,
      placements: 2,
      nights: 4,
      costCents: 33400,
      handoffs: 3,
      handoffsOnTime: 1,
      handoffsLate: 1,
    });
    expect(row(fig.byMunicipality, 'nis', '13008')).toMatchObject({
      intakes: 1,
      placements: 1,
      nights: 1,
      costCents: 2000,
      handoffs: 1,
      handoffsLate: 1,
    });
    expect(fig.byMunicipality).toHaveLength(27);
  });

  it('per night for a month, per month for a longer period', () => {
    const night = (k: string) => row(fig.timeline.rows, 'key', k);
    expect(fig.timeline.bucket).toBe('night');
    expect(fig.timeline.rows).toHaveLength(31);
    expect(night('2026-10-24')).toEqual({ key: '2026-10-24', calls: 2, intakes: 1, placements: 1, nights: 1 });
    expect(night('2026-10-25')).toEqual({ key: '2026-10-25', calls: 0, intakes: 0, placements: 0, nights: 1 });
    expect(night('2026-10-31')).toEqual({ key: '2026-10-31', calls: 1, intakes: 2, placements: 1, nights: 1 });
    expect(night('2026-10-01')).toEqual({ key: '2026-10-01', calls: 1, intakes: 0, placements: 0, nights: 1 });
  });

  it('a quarter by month', async () => {
    const q = (await coordinator.get('/api/figures?from=2026-09-01&to=2026-11-30')).body;
    expect(q.timeline.bucket).toBe('month');
    expect(q.timeline.rows).toEqual([
      { key: '2026-09', calls: 1, intakes: 1, placements: 1, nights: 1 },
      { key: '2026-10', calls: 5, intakes: 5, placements: 3, nights: 5 },
      { key: '2026-11', calls: 1, intakes: 0, placements: 0, nights: 2 },
    ]);
  });
});

describe('the municipality filter', () => {
  it('limits intakes, placements, nights and handoffs to the competent municipality, and says calls are region-wide', async () => {
    const f = (await coordinator.get('/api/figures?from=2026-10-01&to=2026-10-31&municipality=13040')).body;
    expect(f.municipalities).toEqual(['13040']);
    expect(f.notes.calls).toMatch(/region-wide/);
    expect(f.calls.outcomes.total).toBe(5);
    expect(f.intakes).toMatchObject({ total: 4, children: 5 });
    expect(row(f.placements.byType, 'type', 'hotel')).toMatchObject({ placements: 2, nightsUsed: 4 });
    expect(row(f.placements.byType, 'type', 'ocmw_noodwoning')).toMatchObject({ placements: 0, nightsUsed: 0 });
    expect(f.handoffs).toMatchObject({ total: 3, onTime: 1, late: 1, pending: 1 });
    expect(f.byMunicipality.map((m: any) => m.nis)).toEqual(['13040']);
  });
});
