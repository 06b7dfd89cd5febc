// The night sheet: one A4 page printed at shift start, for when phone, network or server fail. Who is
// on duty tonight (primary, backup, coordinator, their numbers), every place with something free, and
// the region's OCMW contacts. Addresses only where the role may see them (as on the board).
import { atLocal, localDate, nightOf } from '../../shared/rules/time';
import { onDuty } from '../../shared/rules/rota';
import { readBoard } from '../capacity/board';
import type { Role } from '../db/schema';
import { notFound } from '../http/errors';
import { say } from '../../shared/rules/say';
import type { Services } from '../services';
import { onCallNow, type OnCallNow } from './oncall';
import { loadRota } from './roster.queries';

export interface NightSheet {
  at: string;
  /** The desk's night (YYYY-MM-DD, noon to noon) the sheet is for. */
  night: string;
  region: string;
  /** The instant the duty below holds: now when out of office hours, else 22:00 this evening. */
  dutyAt: string;
  duty: Pick<OnCallNow, 'primary' | 'backup' | 'coordinator'>;
  places: {
    name: string;
    type: string;
    municipality: string;
    free: number;
    units: number;
    phone: string | null;
    address: string | null;
    confidentialAddress: boolean;
  }[];
  ocmws: { municipality: string; name: string; phone: string | null; mobile: string | null; email: string | null }[];
}

export async function nightSheet(
  services: Pick<Services, 'db' | 'clock'>,
  role: Role,
  regionCode: string,
): Promise<NightSheet> {
  const { db } = services;
  const now = services.clock.now();
  // Office hours are daytime: the coming night is this evening's (11:00 on Monday is still the desk's
  // Sunday night, noon to noon, but the sheet is for Monday evening).
  const outOfHours = onDuty(await loadRota(db, regionCode), now).outOfHours;
  const dutyAt = outOfHours ? now : atLocal(localDate(now), '22:00').toJSDate();
  const night = nightOf(dutyAt);
  const region = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', '=', regionCode)
    .executeTakeFirst();
  if (!region) throw notFound(say('Er is nog geen regio ingesteld.', 'No region is configured yet.'));
  const [duty, board, ocmws] = await Promise.all([
    onCallNow(services, region.code, dutyAt),
    readBoard(db, now, role, { region: region.code }),
    db
      .selectFrom('ocmws')
      .innerJoin('municipalities', 'municipalities.nis', 'ocmws.municipality_nis')
      .select([
        'municipalities.name as municipality',
        'ocmws.name',
        'ocmws.phone',
        'ocmws.contact_mobile',
        'ocmws.email',
      ])
      .where('municipalities.region_code', '=', region.code)
      .orderBy('municipalities.name')
      .execute(),
  ]);
  return {
    at: now.toISOString(),
    night,
    region: region.name,
    dutyAt: dutyAt.toISOString(),
    duty: { primary: duty.primary, backup: duty.backup, coordinator: duty.coordinator },
    places: board.places
      .filter((p) => p.free > 0)
      .map((p) => ({
        name: p.name,
        type: p.type,
        municipality: p.municipality.name,
        free: p.free,
        units: p.units,
        phone: p.phone,
        address: p.address,
        confidentialAddress: p.confidentialAddress,
      })),
    ocmws: ocmws.map((o) => ({
      municipality: o.municipality,
      name: o.name,
      phone: o.phone,
      mobile: o.contact_mobile,
      email: o.email,
    })),
  };
}
