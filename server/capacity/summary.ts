// The board in one SMS (the answer to BEDDEN/BEDS) and the printable fallback use the same reading:
// free places tonight, suitable ones unfiltered, hotels with the time of their count.
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Database } from '../db/schema';
import { readBoard } from './board';

const SHORT: Record<string, string> = {
  caw_noodkamer: 'CAW',
  hotel: 'Hotel',
  crisisbed: 'Crisisbed',
  ocmw_noodwoning: 'Noodwoning',
  doorgangswoning: 'Doorgangswoning',
  vluchthuis: 'Vluchthuis',
};
const hhmm = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Brussels' }).toFormat('HH:mm');

/** "CAW Geel" for "CAW noodkamer Geel"; a name that already starts with its type's word keeps it once ("CAW gezinskamer Turnhout"). */
export function shortName(type: string, name: string): string {
  const short = SHORT[type] ?? type;
  const bare = name.replace(/^(CAW noodkamer|Noodwoning|Doorgangswoning|Crisisbed) /, '');
  return bare.toLowerCase().startsWith(`${short.toLowerCase()} `) ? bare : `${short} ${bare}`;
}

/** @public */
export async function bedsSummary(db: Kysely<Database>, now: Date, maxLength = 480, region?: string): Promise<string> {
  const board = await readBoard(db, now, 'duty_worker', { region });
  const free = board.places.filter((p) => p.free > 0);
  const head = `Vrij vannacht (${DateTime.fromISO(board.night).toFormat('dd/LL')}, ${hhmm(board.at)}): `;
  if (free.length === 0) return `${head}geen enkele plaats. Bel de coördinator.`;
  const parts = free.map((p) => {
    const count = p.hotelCount ? ` (tel. ${hhmm(p.hotelCount.confirmedAt)}${p.hotelCount.stale ? ', oud' : ''})` : '';
    return `${shortName(p.type, p.name)}: ${p.free}${count}`;
  });
  let text = head;
  for (const [i, part] of parts.entries()) {
    const next = `${text}${i ? '; ' : ''}${part}`;
    if (next.length > maxLength - 12) return `${text}; +${parts.length - i} meer`;
    text = next;
  }
  return text;
}
