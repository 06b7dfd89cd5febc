// Who may read the figures, bad input, the cost statement, and CSV exports read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM, parseCsv } from '../../shared/rules/csv';
import { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { insertOctober, NOW, PERSON } from './fixture';
import { TABLE_NAMES } from './tables';
import { CATEGORY_LABELS, type Category } from '../../shared/rules/categories';
import { nl, type MessageKey } from '../../client/src/i18n/nl';
import { en } from '../../client/src/i18n/en';

let t: TestServer;
const as: Record<string, ApiClient> = {};
beforeAll(async () => {
  t = await startTestServer({ seed: 'demo', clock: new ManualClock(NOW) });
  await insertOctober(t.db.db);
  for (const u of ['coordinator', 'admin', 'ocmw-turnhout', 'permanentie']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(() => t.close());

const OCT = 'from=2026-10-01&to=2026-10-31';

describe('access', () => {
  it('a duty worker may not read figures or costs', async () => {
    for (const path of [
      `/api/figures?${OCT}`,
      `/api/figures/csv?table=handoffs&${OCT}`,
      '/api/figures/costs?month=2026-10',
      '/api/figures/costs/csv',
    ]) {
      expect((await as.permanentie!.get(path)).status, path).toBe(403);
    }
  });

  it('OCMW staff see only their own municipality, and get 403 asking for another one', async () => {
    const own = await as['ocmw-turnhout']!.get(`/api/figures?${OCT}`);
    expect(own.status).toBe(200);
    expect(own.body.municipalities).toEqual(['13040']);
    expect(own.body.intakes.total).toBe(4);
    expect(own.body.byMunicipality.map((m: any) => m.nis)).toEqual(['13040']);
    expect((await as['ocmw-turnhout']!.get(`/api/figures?${OCT}&municipality=13040`)).status).toBe(200);
    const other = await as['ocmw-turnhout']!.get(`/api/figures?${OCT}&municipality=13008`);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatch(/own municipalities \(13040\)/);
    expect(
      (await as['ocmw-turnhout']!.get(`/api/figures/csv?table=municipalities&${OCT}&municipality=13008`)).status,
    ).toBe(403);
    expect((await as['ocmw-turnhout']!.get('/api/figures/costs?month=2026-10&ocmw=13008')).status).toBe(403);
  });

  it('refuses a bad period with a message naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['from=2026-10-31&to=2026-10-01', /query\.to: to must be on or after from/],
      ['from=2026-10-01', /query\.to: give both from and to/],
      ['from=2026-02-30&to=2026-03-01', /query\.from: from must be a date YYYY-MM-DD/],
      ['from=2000-01-01&to=2026-01-01', /at most 4018 nights/],
      [`${OCT}&municipality=130`, /query\.municipality: a NIS code has 5 digits/],
      [`${OCT}&name=x`, /unknown field\(s\): name/],
    ];
    for (const [q, message] of cases) {
      const res = await as.coordinator!.get(`/api/figures?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error, q).toMatch(message);
    }
    expect((await as.coordinator!.get(`/api/figures/csv?table=nope&${OCT}`)).status).toBe(400);
    expect((await as.coordinator!.get('/api/figures/costs?month=2026-13')).status).toBe(400);
  });

  it('without a period: the current month (of the night at NOW)', async () => {
    const res = await as.admin!.get('/api/figures');
    expect(res.body.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', nights: 30 });
  });
});

describe('the cost statement', () => {
  it('per OCMW and place, guarantees by the month of their first night, counted whole', async () => {
    const s = (await as.coordinator!.get('/api/figures/costs?month=2026-10')).body;
    expect(s.total).toEqual({ guarantees: 3, nights: 6, totalCents: 17000 + 6000 + 7900 });
    const turnhout = s.ocmws.find((o: any) => o.nis === '13040');
    expect(turnhout).toMatchObject({ name: 'Sociaal Huis Turnhout', guarantees: 2, nights: 3, totalCents: 24900 });
    expect(turnhout.places.map((p: any) => [p.place, p.municipality, p.nights, p.totalCents])).toEqual([
      ['Hotel De Cluyse (partner)', 'Geel', 1, 7900],
      ['Hotel Terminus (partner)', 'Turnhout', 2, 17000],
    ]);
    expect(s.ocmws.find((o: any) => o.nis === '13008')).toMatchObject({ guarantees: 1, nights: 3, totalCents: 6000 });
    const september = (await as.coordinator!.get('/api/figures/costs?month=2026-09')).body;
    expect(september.total).toEqual({ guarantees: 1, nights: 2, totalCents: 17000 });
    const own = (await as['ocmw-turnhout']!.get('/api/figures/costs?month=2026-10')).body;
    expect(own.ocmws.map((o: any) => o.nis)).toEqual(['13040']);
  });

  it('as CSV, per place and per guarantee', async () => {
    const res = await as.coordinator!.get('/api/figures/costs/csv?month=2026-10&ocmw=13040');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="kostenstaat-2026-10-13040-places.csv"');
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual([
      'NIS OCMW',
      'OCMW',
      'plaats',
      'soort plaats',
      'gemeente van de plaats',
      'borgstellingen',
      'nachten',
      'bedrag (EUR)',
    ]);
    expect(rows).toEqual([
      ['13040', 'Sociaal Huis Turnhout', 'Hotel De Cluyse (partner)', 'Hotelkamer', 'Geel', '1', '1', '79'],
      ['13040', 'Sociaal Huis Turnhout', 'Hotel Terminus (partner)', 'Hotelkamer', 'Turnhout', '1', '2', '170'],
    ]);
    const lines = parseCsv(
      (await as.coordinator!.get('/api/figures/costs/csv?month=2026-10&table=lines&lang=en')).body,
    );
    expect(lines[0]).toContain('first night');
    expect(lines.slice(1).map((l) => [l[3], l[5], l[7]])).toEqual([
      ['2026-10-31', '3', '60'],
      ['2026-10-20', '1', '79'],
      ['2026-10-24', '2', '170'],
    ]);
  });
});

describe('CSV exports', () => {
  it('are UTF-8 with BOM, semicolon-separated attachments, and read back to the same figures', async () => {
    const res = await as.coordinator!.get(`/api/figures/csv?table=calls_by_hour&${OCT}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="kerncijfers-calls_by_hour-2026-10-01_2026-10-31.csv"',
    );
    // fetch's text() drops a BOM, so look at the bytes: EF BB BF is U+FEFF in UTF-8.
    const bytes = Buffer.from(
      await (
        await fetch(`${t.url}/api/figures/csv?table=calls_by_hour&${OCT}`, {
          headers: { cookie: as.coordinator!.cookie },
        })
      ).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual(['uur', 'beantwoord', 'gemist', 'voicemail', 'lopend', 'totaal']);
    expect(rows).toHaveLength(24);
    expect(rows.find((r) => r[0] === '2')).toEqual(['2', '1', '1', '0', '0', '2']);
  });

  it('each table, made from its own query, agrees with the dashboard', async () => {
    const f = (await as.coordinator!.get(`/api/figures?${OCT}`)).body;
    for (const rows of [f.intakes.byHousehold, f.placements.byType, f.byMunicipality, f.timeline.rows])
      expect(rows.length).toBeGreaterThan(0);
    const csv = async (table: string) =>
      parseCsv((await as.coordinator!.get(`/api/figures/csv?table=${table}&${OCT}&lang=en`)).body).slice(1);
    // The CSV says the categories in words (English here); the dashboard's JSON keeps the codes.
    const code: Record<string, string> = {
      Answered: 'answered',
      Missed: 'missed',
      Voicemail: 'voicemail',
      Ringing: 'ringing',
      Total: 'total',
      'Mother with children': 'moeder_met_kinderen',
      'Single man': 'alleenstaande_man',
      'Family with children': 'gezin_met_kinderen',
      'Single woman': 'alleenstaande_vrouw',
      'Pregnant couple': 'zwanger_koppel',
      'Father with children': 'vader_met_kinderen',
      'Hotel room': 'hotel',
      'OCMW emergency home': 'ocmw_noodwoning',
      'CAW emergency room': 'caw_noodkamer',
      'Crisis bed': 'crisisbed',
      'Transit home': 'doorgangswoning',
      "Women's shelter": 'vluchthuis',
    };
    const outcomes = Object.fromEntries((await csv('calls_outcomes')).map(([k, v]) => [code[k!], Number(v)]));
    expect(outcomes).toEqual(f.calls.outcomes);
    expect(
      (await csv('households')).map(([type, n, adults, children]) => ({
        type: code[type!],
        intakes: +n!,
        adults: +adults!,
        children: +children!,
      })),
    ).toEqual(
      f.intakes.byHousehold.map((r: { type: string; intakes: number; adults: number; children: number }) => ({
        type: r.type,
        intakes: r.intakes,
        adults: r.adults,
        children: r.children,
      })),
    );
    expect((await csv('place_types')).map(([type, , nights]) => [code[type!], +nights!])).toEqual(
      f.placements.byType.map((r: { type: string; nightsUsed: number }) => [r.type, r.nightsUsed]),
    );
    expect((await csv('municipalities')).map(([nis, , intakes]) => [nis, +intakes!])).toEqual(
      f.byMunicipality.map((m: { nis: string; intakes: number }) => [m.nis, m.intakes]),
    );
    expect((await csv('timeline')).map(([key]) => key)).toEqual(f.timeline.rows.map((r: { key: string }) => r.key));
    expect(Number((await csv('handoffs'))[0]![0])).toBe(f.handoffs.total);
  });

  it('say every category in the requested language, never as a code', async () => {
    // The first column of the rows with a count (tables list every household type and situation, also at 0).
    const first = async (table: string, lang?: string) =>
      parseCsv((await as.coordinator!.get(`/api/figures/csv?table=${table}&${OCT}${lang ? `&lang=${lang}` : ''}`)).body)
        .slice(1)
        .filter((r) => r[1] !== '0')
        .map((r) => r[0])
        .sort();
    // October's five intakes (fixture): i1 mother with children, police, on the street; i2 single man,
    // hospital, car/squat; i3 family, social service, with friends; i5 single woman, herself, night
    // shelter; i6 single man, police, on the street. Placements: hotel rooms and the Geel emergency home.
    expect(await first('households')).toEqual([
      'Alleenstaande man',
      'Alleenstaande vrouw',
      'Gezin met kinderen',
      'Moeder met kinderen',
    ]);
    expect(await first('households', 'en')).toEqual([
      'Family with children',
      'Mother with children',
      'Single man',
      'Single woman',
    ]);
    expect(await first('ethos')).toEqual([
      'Auto, kraakpand, caravan',
      'Nacht- of noodopvang',
      'Openbare ruimte, op straat',
      'Tijdelijk bij familie of vrienden',
    ]);
    expect(await first('ethos', 'en')).toEqual([
      'Car, squat, caravan',
      'Night or emergency shelter',
      'Public space, rough sleeping',
      'Temporarily with family or friends',
    ]);
    expect(await first('intake_referrers')).toEqual(['De persoon zelf', 'Politie', 'Sociale dienst', 'Ziekenhuis']);
    expect(await first('intake_referrers', 'en')).toEqual([
      'Hospital',
      'Police',
      'Social service',
      'The person themself',
    ]);
    expect(await first('place_types')).toEqual(['Hotelkamer', 'OCMW-noodwoning']);
    expect(await first('place_types', 'en')).toEqual(['Hotel room', 'OCMW emergency home']);
    expect(await first('calls_outcomes')).toEqual(['Beantwoord', 'Gemist', 'Totaal', 'Voicemail']); // none still ringing
    expect(await first('calls_outcomes', 'en')).toEqual(['Answered', 'Missed', 'Total', 'Voicemail']);
    const callers = await first('calls_by_referrer', 'en');
    expect(callers.length).toBeGreaterThan(0);
    for (const c of callers) expect(['Police', 'Hospital', 'Service', 'Other', 'Unknown number']).toContain(c);
    const costs = parseCsv((await as.coordinator!.get('/api/figures/costs/csv?month=2026-10&lang=en')).body)
      .slice(1)
      .map((r) => r[3]);
    expect(new Set(costs)).toEqual(new Set(['Hotel room', 'OCMW emergency home']));
    // No code is left in any table, in either language.
    for (const lang of ['nl', 'en']) {
      for (const table of TABLE_NAMES) {
        const body = (await as.coordinator!.get(`/api/figures/csv?table=${table}&${OCT}&lang=${lang}`)).body as string;
        expect(body, `${table} ${lang}`).not.toMatch(
          /alleenstaande_|moeder_met|gezin_met|caw_noodkamer|ocmw_noodwoning|public_space|social_service|non_conventional|\bhotel;/,
        );
      }
    }
  });

  it('use the words the console shows (one wording in both)', () => {
    const pairs: [Category, string][] = [
      ['household', 'household'],
      ['ethos', 'ethos'],
      ['referrer', 'referrer'],
      ['placeType', 'type'],
      ['caller', 'figures.caller'],
      ['outcome', 'figures.outcome'],
    ];
    for (const [category, prefix] of pairs) {
      for (const [code, [nlWord, enWord]] of Object.entries(CATEGORY_LABELS[category])) {
        const key = `${prefix}.${code}` as MessageKey;
        expect(nl[key], key).toBe(nlWord);
        expect(en[key], key).toBe(enWord);
      }
    }
  });

  it('write shares with a decimal comma in Dutch and a point in English', async () => {
    const nl = parseCsv((await as.coordinator!.get(`/api/figures/csv?table=handoffs&${OCT}`)).body);
    expect(nl[1]).toEqual(['4', '1', '2', '1', '0,3333', '24']);
    const en = parseCsv((await as.coordinator!.get(`/api/figures/csv?table=handoffs&${OCT}&lang=en`)).body);
    expect(en[0]![0]).toBe('handoffs');
    expect(en[1]![4]).toBe('0.3333');
  });

  it('never contain personal data, in any table, nor does the JSON', async () => {
    const bodies = [
      JSON.stringify((await as.coordinator!.get(`/api/figures?${OCT}`)).body),
      JSON.stringify((await as.coordinator!.get('/api/figures/costs?month=2026-10')).body),
    ];
    for (const table of TABLE_NAMES)
      bodies.push((await as.coordinator!.get(`/api/figures/csv?table=${table}&${OCT}`)).body);
    bodies.push((await as.coordinator!.get('/api/figures/costs/csv?month=2026-10&table=lines')).body);
    for (const body of bodies) {
      for (const secret of ['Maria', 'Janssens', PERSON.birthDate, 'station', PERSON.referrerPhone, '470998877'])
        expect(body).not.toContain(secret);
    }
  });
});
